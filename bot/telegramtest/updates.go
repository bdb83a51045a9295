package telegramtest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// getUpdates implements long polling: updates below offset are confirmed
// and forgotten, the call waits up to timeout seconds for new ones, and a
// newer getUpdates terminates an older one with 409, as on Telegram.
func (s *Server) getUpdates(ctx context.Context, p map[string]string) (any, *apiError) {
	offset, _ := strconv.ParseInt(p["offset"], 10, 64)
	limit, ok := intParam(p, "limit")
	if !ok || limit <= 0 || limit > 100 {
		limit = 100
	}
	timeout, _ := intParam(p, "timeout")
	if timeout < 0 {
		timeout = 0
	}
	s.mu.Lock()
	if s.webhookURL != "" {
		s.mu.Unlock()
		return nil, &apiError{code: 409, desc: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"}
	}
	for gen, ch := range s.pollCancel {
		close(ch)
		delete(s.pollCancel, gen)
	}
	s.pollGen++
	gen := s.pollGen
	cancel := make(chan struct{})
	s.pollCancel[gen] = cancel
	s.confirmLocked(offset)
	timer := time.NewTimer(time.Duration(timeout) * time.Second)
	defer timer.Stop()
	for {
		if len(s.queue) > 0 || timeout == 0 {
			n := min(limit, len(s.queue))
			out := make([]json.RawMessage, n)
			for k := range n {
				out[k] = s.queue[k].body
			}
			delete(s.pollCancel, gen)
			s.mu.Unlock()
			return out, nil
		}
		wake := s.wake
		s.mu.Unlock()
		select {
		case <-wake:
		case <-cancel:
			return nil, &apiError{code: 409, desc: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"}
		case <-ctx.Done():
			s.mu.Lock()
			delete(s.pollCancel, gen)
			s.mu.Unlock()
			return []json.RawMessage{}, nil
		case <-s.closed:
			return []json.RawMessage{}, nil
		case <-timer.C:
			s.mu.Lock()
			delete(s.pollCancel, gen)
			s.mu.Unlock()
			return []json.RawMessage{}, nil
		}
		s.mu.Lock()
	}
}

func (s *Server) confirmLocked(offset int64) {
	switch {
	case offset > 0:
		k := 0
		for k < len(s.queue) && s.queue[k].id < offset {
			k++
		}
		s.queue = s.queue[k:]
	case offset < 0:
		if keep := int(-offset); keep < len(s.queue) {
			s.queue = s.queue[len(s.queue)-keep:]
		}
	}
}

// Push delivers an update: POSTed to the webhook if the bot set one,
// otherwise queued for getUpdates. It returns the update_id.
func (s *Server) Push(u Update) (int64, error) {
	s.mu.Lock()
	s.nextUpdate++
	id := s.nextUpdate
	var body []byte
	var err error
	if u.Raw != nil {
		var obj map[string]json.RawMessage
		if err = json.Unmarshal(u.Raw, &obj); err == nil {
			obj["update_id"] = json.RawMessage(strconv.FormatInt(id, 10))
			body, err = json.Marshal(obj)
		}
	} else {
		u.UpdateID = id
		body, err = json.Marshal(u)
	}
	if err != nil {
		s.mu.Unlock()
		return 0, fmt.Errorf("telegramtest: encode update: %w", err)
	}
	hook, secret := s.webhookURL, s.webhookSec
	if hook == "" {
		s.queue = append(s.queue, queuedUpdate{id: id, body: body})
		close(s.wake)
		s.wake = make(chan struct{})
		s.mu.Unlock()
		return id, nil
	}
	s.mu.Unlock()
	status, err := PostUpdate(context.Background(), hook, secret, body)
	s.mu.Lock()
	s.deliveries = append(s.deliveries, WebhookDelivery{UpdateID: id, Status: status, Err: err})
	s.mu.Unlock()
	return id, err
}

// PushRaw delivers an update given as JSON (update_id is overwritten).
func (s *Server) PushRaw(raw string) (int64, error) {
	return s.Push(Update{Raw: json.RawMessage(raw)})
}

// PostUpdate POSTs one update body to a webhook URL with Telegram's secret
// header (omitted when secret is empty) and returns the HTTP status.
func PostUpdate(ctx context.Context, webhookURL, secret string, body []byte) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, webhookURL, bytes.NewReader(body))
	if err != nil {
		return 0, fmt.Errorf("telegramtest: webhook request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	if secret != "" {
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, fmt.Errorf("telegramtest: webhook post: %w", err)
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// AddChat registers a chat so that the bot may send to it.
func (s *Server) AddChat(c Chat) Chat {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.chats[c.ID] == nil {
		s.chats[c.ID] = &chatState{chat: c, messages: map[int]*storedMessage{}}
	}
	return c
}

// PrivateChat registers the private chat with u (its id is the user's id).
func (s *Server) PrivateChat(u User) Chat {
	return s.AddChat(Chat{ID: u.ID, Type: Private, FirstName: u.FirstName, Username: u.Username})
}

// GroupChat registers a basic group (ids are negative on Telegram).
func (s *Server) GroupChat(id int64, title string) Chat {
	return s.AddChat(Chat{ID: id, Type: Group, Title: title})
}

// SupergroupChat registers a supergroup, optionally with forum topics.
func (s *Server) SupergroupChat(id int64, title string, forum bool) Chat {
	return s.AddChat(Chat{ID: id, Type: Supergroup, Title: title, IsForum: forum})
}

type msgOpts struct {
	asChat   bool
	thread   int
	replyTo  int
	entities []MessageEntity
	manual   bool
	edited   bool
}

// MsgOption adjusts an incoming message.
type MsgOption func(*msgOpts)

// InThread puts the message in a forum topic (message_thread_id).
func InThread(id int) MsgOption { return func(o *msgOpts) { o.thread = id } }

// ReplyTo makes the message a reply to message id in the same chat.
func ReplyTo(id int) MsgOption { return func(o *msgOpts) { o.replyTo = id } }

// WithEntities replaces the automatically detected entities.
func WithEntities(e ...MessageEntity) MsgOption {
	return func(o *msgOpts) { o.entities, o.manual = e, true }
}

// GroupAnonymousBot is the sender Telegram puts in from for messages an
// anonymous group administrator sends on behalf of the group.
var GroupAnonymousBot = User{ID: 1087968824, IsBot: true, FirstName: "Group", Username: "GroupAnonymousBot"}

// AsChat sends the message on behalf of the chat itself, as an anonymous
// administrator does: from is GroupAnonymousBot, sender_chat the group.
func AsChat() MsgOption { return func(o *msgOpts) { o.asChat = true } }

// AsEdited delivers the message as an edited_message update.
func AsEdited() MsgOption { return func(o *msgOpts) { o.edited = true } }

// SendText simulates a user writing text in chat: the message is stored,
// entities (bot_command, mention) are detected as Telegram does, with UTF-16
// offsets, and the update is delivered.
func (s *Server) SendText(chat Chat, from User, text string, opts ...MsgOption) (Message, error) {
	var o msgOpts
	for _, f := range opts {
		f(&o)
	}
	s.AddChat(chat)
	if o.asChat {
		from = GroupAnonymousBot
	}
	s.mu.Lock()
	cs := s.chats[chat.ID]
	s.users[from.ID] = from
	m := s.newMessageLocked(cs, &from, o.thread, time.Now())
	if o.asChat {
		sc := cs.chat
		m.msg.SenderChat = &sc
	}
	m.msg.Text, m.source = text, text
	if o.manual {
		m.msg.Entities = o.entities
	} else {
		m.msg.Entities = DetectEntities(text)
	}
	switch {
	case o.replyTo != 0:
		orig := cs.messages[o.replyTo]
		if orig == nil {
			s.mu.Unlock()
			return Message{}, fmt.Errorf("telegramtest: reply to unknown message %d", o.replyTo)
		}
		cp := orig.msg
		cp.ReplyToMessage = nil
		m.msg.ReplyToMessage = &cp
	case o.thread != 0 && chat.IsForum:
		// In forum topics Telegram sets reply_to_message to the topic's
		// creation message when the message is not an explicit reply.
		m.msg.ReplyToMessage = &Message{MessageID: o.thread, MessageThreadID: o.thread, From: &from, Chat: cs.chat, Date: m.msg.Date}
	}
	msg := m.msg
	s.mu.Unlock()
	u := Update{Message: &msg}
	if o.edited {
		u = Update{EditedMessage: &msg}
	}
	_, err := s.Push(u)
	return msg, err
}

var (
	commandRe = regexp.MustCompile(`/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?`)
	mentionRe = regexp.MustCompile(`@[A-Za-z0-9_]{5,32}`)
)

// DetectEntities finds bot_command and mention entities like Telegram's
// client-side parser: at the start of the text or after a non-word
// character. Offsets and lengths are UTF-16 units.
func DetectEntities(text string) []MessageEntity {
	var ents []MessageEntity
	add := func(re *regexp.Regexp, typ string) {
		for _, loc := range re.FindAllStringIndex(text, -1) {
			if loc[0] > 0 {
				prev := text[loc[0]-1]
				if isAlnum(prev) || prev == '_' || prev == '/' || prev == '@' {
					continue
				}
			}
			if loc[1] < len(text) {
				next := text[loc[1]]
				if isAlnum(next) || next == '_' {
					continue
				}
			}
			ents = append(ents, MessageEntity{Type: typ, Offset: utf16Len(text[:loc[0]]), Length: utf16Len(text[loc[0]:loc[1]])})
		}
	}
	add(commandRe, "bot_command")
	add(mentionRe, "mention")
	// Mentions inside a command's @suffix are part of the command.
	var out []MessageEntity
	for _, e := range ents {
		inside := false
		for _, c := range ents {
			if c.Type == "bot_command" && e.Type == "mention" && e.Offset > c.Offset && e.Offset < c.Offset+c.Length {
				inside = true
			}
		}
		if !inside {
			out = append(out, e)
		}
	}
	sortEntities(out)
	return out
}

func sortEntities(es []MessageEntity) {
	for i := 1; i < len(es); i++ {
		for j := i; j > 0 && es[j].Offset < es[j-1].Offset; j-- {
			es[j], es[j-1] = es[j-1], es[j]
		}
	}
}

// PressButton simulates a user pressing an inline button of a bot message;
// the button must exist. It returns the callback query id.
func (s *Server) PressButton(chat Chat, from User, messageID int, data string) (string, error) {
	s.mu.Lock()
	cs := s.chats[chat.ID]
	if cs == nil || cs.messages[messageID] == nil || !cs.messages[messageID].fromBot {
		s.mu.Unlock()
		return "", fmt.Errorf("telegramtest: no bot message %d in chat %d", messageID, chat.ID)
	}
	m := cs.messages[messageID]
	found := false
	if m.msg.ReplyMarkup != nil {
		for _, row := range m.msg.ReplyMarkup.InlineKeyboard {
			for _, b := range row {
				found = found || b.CallbackData == data
			}
		}
	}
	if !found {
		s.mu.Unlock()
		return "", fmt.Errorf("telegramtest: message %d has no button with data %q", messageID, data)
	}
	s.nextQuery++
	id := fmt.Sprintf("cq%d", s.nextQuery)
	s.openQueries[id] = true
	msg := m.msg
	s.mu.Unlock()
	_, err := s.Push(Update{CallbackQuery: &CallbackQuery{ID: id, From: from, Message: &msg, ChatInstance: strconv.FormatInt(chat.ID, 10), Data: data}})
	return id, err
}

// AnswerPoll simulates a vote in a non-anonymous poll the bot sent.
func (s *Server) AnswerPoll(pollID string, from User, optionIDs ...int) error {
	s.mu.Lock()
	poll := s.polls[pollID]
	switch {
	case poll == nil:
		s.mu.Unlock()
		return fmt.Errorf("telegramtest: unknown poll %q", pollID)
	case poll.IsAnonymous:
		s.mu.Unlock()
		return errors.New("telegramtest: Telegram sends no poll_answer for anonymous polls")
	case poll.IsClosed:
		s.mu.Unlock()
		return errors.New("telegramtest: poll is closed")
	}
	for _, o := range optionIDs {
		if o < 0 || o >= len(poll.Options) {
			s.mu.Unlock()
			return fmt.Errorf("telegramtest: option %d out of range", o)
		}
		poll.Options[o].VoterCount++
	}
	poll.TotalVoterCount++
	s.mu.Unlock()
	_, err := s.Push(Update{PollAnswer: &PollAnswer{PollID: pollID, User: &from, OptionIDs: optionIDs}})
	return err
}

// BotMessages returns the bot's messages in chat, oldest first, in their
// current state (deleted ones excluded).
func (s *Server) BotMessages(chatID int64) []SentMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	cs := s.chats[chatID]
	if cs == nil {
		return nil
	}
	var out []SentMessage
	for _, id := range cs.order {
		m := cs.messages[id]
		if m == nil || !m.fromBot {
			continue
		}
		out = append(out, SentMessage{
			ID: id, ChatID: chatID, ThreadID: m.msg.MessageThreadID,
			Text: m.msg.Text, Source: m.source, ParseMode: m.parseMode,
			Entities: append([]MessageEntity(nil), m.msg.Entities...), ReplyMarkup: m.msg.ReplyMarkup,
			ReplyTo: m.replyTo, Poll: m.msg.Poll, Edits: append([]Edit(nil), m.edits...), SentAt: m.sentAt,
		})
	}
	return out
}

// Drafts returns the sendMessageDraft calls for chat.
func (s *Server) Drafts(chatID int64) []Draft {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Draft
	for _, d := range s.drafts {
		if d.ChatID == chatID {
			out = append(out, d)
		}
	}
	return out
}

// Actions returns the chat actions sent to chat.
func (s *Server) Actions(chatID int64) []Action {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Action
	for _, a := range s.actions {
		if a.ChatID == chatID {
			out = append(out, a)
		}
	}
	return out
}

// CallbackAnswers returns the answerCallbackQuery calls.
func (s *Server) CallbackAnswers() []CallbackAnswer {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]CallbackAnswer(nil), s.cbAnswers...)
}

// Commands returns the commands set for a scope type ("default",
// "all_private_chats", ...) and language code ("" for all languages).
func (s *Server) Commands(scope, lang string) []BotCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]BotCommand(nil), s.commands[scope+"/"+lang]...)
}

// Polls returns the polls the bot sent.
func (s *Server) Polls() []Poll {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Poll
	for k := 1; k <= s.nextPoll; k++ {
		if p := s.polls[fmt.Sprintf("poll%d", k)]; p != nil {
			out = append(out, *p)
		}
	}
	return out
}

// Calls returns every request received, optionally only those of method
// (case-insensitive).
func (s *Server) Calls(method string) []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Call
	for _, c := range s.calls {
		if method == "" || c.Method == strings.ToLower(method) {
			out = append(out, c)
		}
	}
	return out
}

// Rejections returns the calls Telegram would have refused for their
// content: every failure except 429s (injected or from flood rules) and the
// 409s of superseded long polls.
func (s *Server) Rejections() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Call
	for _, c := range s.calls {
		if !c.OK && c.ErrorCode != 429 && c.ErrorCode != 409 {
			out = append(out, c)
		}
	}
	return out
}

// Deliveries returns the webhook POSTs made by Push.
func (s *Server) Deliveries() []WebhookDelivery {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]WebhookDelivery(nil), s.deliveries...)
}

// Webhook returns the URL and secret the bot registered with setWebhook.
func (s *Server) Webhook() (string, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.webhookURL, s.webhookSec
}

// PendingUpdates is the number of updates not yet confirmed by getUpdates.
func (s *Server) PendingUpdates() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.queue)
}

// WaitUntil polls cond every 5 ms until it holds or timeout passes.
func (s *Server) WaitUntil(timeout time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(timeout)
	for {
		if cond() {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(5 * time.Millisecond)
	}
}
