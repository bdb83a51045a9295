// Package telegramtest is a strict fake of the Telegram Bot API for tests.
//
// It is an httptest loopback server that real clients (go-telegram/bot via
// bot.WithServerURL) talk to. It keeps chats, messages, edits, drafts,
// polls, callback answers, commands and chat actions, rejects requests the
// way Telegram does (ok:false, error_code, Telegram's wording), can inject
// 429s or enforce flood rules, and delivers updates through getUpdates
// long polling or by POSTing to the webhook the bot registered.
//
// It imports only the standard library so that it checks clients against
// the wire format rather than against a library's own types.
package telegramtest

import "encoding/json"

// User is a Telegram user (or the bot itself).
type User struct {
	ID           int64  `json:"id"`
	IsBot        bool   `json:"is_bot"`
	FirstName    string `json:"first_name"`
	Username     string `json:"username,omitempty"`
	LanguageCode string `json:"language_code,omitempty"`
}

// Chat types.
const (
	Private    = "private"
	Group      = "group"
	Supergroup = "supergroup"
	Channel    = "channel"
)

// Chat is a Telegram chat.
type Chat struct {
	ID        int64  `json:"id"`
	Type      string `json:"type"`
	Title     string `json:"title,omitempty"`
	Username  string `json:"username,omitempty"`
	FirstName string `json:"first_name,omitempty"`
	IsForum   bool   `json:"is_forum,omitempty"`
}

// MessageEntity is a formatting or semantic span; offsets in UTF-16 units.
type MessageEntity struct {
	Type          string `json:"type"`
	Offset        int    `json:"offset"`
	Length        int    `json:"length"`
	URL           string `json:"url,omitempty"`
	User          *User  `json:"user,omitempty"`
	Language      string `json:"language,omitempty"`
	CustomEmojiID string `json:"custom_emoji_id,omitempty"`
}

// InlineKeyboardButton holds the button fields a bot is likely to use.
type InlineKeyboardButton struct {
	Text         string `json:"text"`
	CallbackData string `json:"callback_data,omitempty"`
	URL          string `json:"url,omitempty"`
}

// InlineKeyboardMarkup is an inline keyboard attached to a message.
type InlineKeyboardMarkup struct {
	InlineKeyboard [][]InlineKeyboardButton `json:"inline_keyboard"`
}

// ReplyParameters is what a bot sent as reply_parameters.
type ReplyParameters struct {
	MessageID                int   `json:"message_id"`
	ChatID                   int64 `json:"chat_id,omitempty"`
	AllowSendingWithoutReply bool  `json:"allow_sending_without_reply,omitempty"`
}

// PollOption is one option of a poll.
type PollOption struct {
	Text       string `json:"text"`
	VoterCount int    `json:"voter_count"`
}

// Poll is a poll the bot sent.
type Poll struct {
	ID                    string       `json:"id"`
	Question              string       `json:"question"`
	Options               []PollOption `json:"options"`
	TotalVoterCount       int          `json:"total_voter_count"`
	IsClosed              bool         `json:"is_closed"`
	IsAnonymous           bool         `json:"is_anonymous"`
	Type                  string       `json:"type"`
	AllowsMultipleAnswers bool         `json:"allows_multiple_answers"`
	CorrectOptionID       *int         `json:"correct_option_id,omitempty"`
	Explanation           string       `json:"explanation,omitempty"`
	OpenPeriod            int          `json:"open_period,omitempty"`
}

// Message is a message as Telegram serialises it in updates and results.
type Message struct {
	MessageID       int                   `json:"message_id"`
	MessageThreadID int                   `json:"message_thread_id,omitempty"`
	IsTopicMessage  bool                  `json:"is_topic_message,omitempty"`
	From            *User                 `json:"from,omitempty"`
	SenderChat      *Chat                 `json:"sender_chat,omitempty"`
	Chat            Chat                  `json:"chat"`
	Date            int64                 `json:"date"`
	EditDate        int64                 `json:"edit_date,omitempty"`
	Text            string                `json:"text,omitempty"`
	Entities        []MessageEntity       `json:"entities,omitempty"`
	ReplyToMessage  *Message              `json:"reply_to_message,omitempty"`
	ReplyMarkup     *InlineKeyboardMarkup `json:"reply_markup,omitempty"`
	Poll            *Poll                 `json:"poll,omitempty"`
	Document        *Document             `json:"document,omitempty"`
	Caption         string                `json:"caption,omitempty"`
	CaptionEntities []MessageEntity       `json:"caption_entities,omitempty"`
}

// Document is a general file sent as a message (files.go).
type Document struct {
	FileID       string `json:"file_id"`
	FileUniqueID string `json:"file_unique_id"`
	FileName     string `json:"file_name,omitempty"`
	MimeType     string `json:"mime_type,omitempty"`
	FileSize     int64  `json:"file_size,omitempty"`
}

// File is what getFile returns: file_path is valid for downloading from
// /file/bot<token>/<file_path> for at least an hour.
type File struct {
	FileID       string `json:"file_id"`
	FileUniqueID string `json:"file_unique_id"`
	FileSize     int64  `json:"file_size,omitempty"`
	FilePath     string `json:"file_path,omitempty"`
}

// CallbackQuery is an inline button press.
type CallbackQuery struct {
	ID           string   `json:"id"`
	From         User     `json:"from"`
	Message      *Message `json:"message,omitempty"`
	ChatInstance string   `json:"chat_instance"`
	Data         string   `json:"data,omitempty"`
}

// PollAnswer is a user's vote in a non-anonymous poll.
type PollAnswer struct {
	PollID    string `json:"poll_id"`
	User      *User  `json:"user"`
	OptionIDs []int  `json:"option_ids"`
}

// Update is one incoming update. Raw, when set, is sent instead of the
// typed fields (for odd or malformed update kinds).
type Update struct {
	UpdateID      int64           `json:"update_id"`
	Message       *Message        `json:"message,omitempty"`
	EditedMessage *Message        `json:"edited_message,omitempty"`
	CallbackQuery *CallbackQuery  `json:"callback_query,omitempty"`
	PollAnswer    *PollAnswer     `json:"poll_answer,omitempty"`
	Raw           json.RawMessage `json:"-"`
}

// BotCommand is one entry of setMyCommands.
type BotCommand struct {
	Command     string `json:"command"`
	Description string `json:"description"`
}
