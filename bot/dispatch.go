package bot

import (
	"context"
	"fmt"
	"runtime/debug"
	"strings"
	"time"
	"unicode/utf8"

	"bangyang/zh"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// Request is one addressed message (or button press) being handled.
type Request struct {
	Bot      *Bot
	Msg      *models.Message // the user's message; for callbacks, the bot message pressed
	ChatID   int64
	ThreadID int // forum topic, 0 outside topics
	UserID   int64
	Private  bool
	Args     string    // command arguments or the question
	Script   zh.Script // best guess of the user's script
	Conv     string    // conversation key for core
	// AsGroup: sent by an anonymous administrator on behalf of the group;
	// UserID is then Telegram's GroupAnonymousBot, shared by all of them.
	AsGroup  bool
	replyTo  int  // message to reply to in groups
	admitted bool // the rate limits were applied to this request
	question bool // a question (not a command): deferred when over the limit
}

// recoverMiddleware keeps one bad update from killing the process: the
// panic is logged with its stack and the user gets an apology.
func (b *Bot) recoverMiddleware(next tgbot.HandlerFunc) tgbot.HandlerFunc {
	return func(ctx context.Context, api *tgbot.Bot, u *models.Update) {
		b.inflight.Add(1)
		defer b.inflight.Done()
		defer func() {
			rec := recover()
			if rec == nil {
				return
			}
			b.log.Error("panic handling update", "panic", fmt.Sprint(rec), "stack", string(debug.Stack()))
			defer func() { _ = recover() }() // the apology must not panic again
			actx, cancel := context.WithTimeout(b.base, 10*time.Second)
			defer cancel()
			switch {
			case u == nil:
			case u.Message != nil && u.Message.Chat.ID != 0:
				b.replyPlain(actx, requestFor(b, u.Message), msgInternalError(scriptGuess(u.Message)))
			case u.CallbackQuery != nil:
				// Unanswered, the button would spin until Telegram gives up.
				b.send.answerCallback(actx, u.CallbackQuery.ID, msgInternalError(zh.Simplified), true)
			}
		}()
		next(ctx, api, u)
	}
}

// handleUpdate is the single entry point for every update kind.
func (b *Bot) handleUpdate(in context.Context, _ *tgbot.Bot, u *models.Update) {
	if u == nil {
		return
	}
	// Handlers outlive the polling context during shutdown (see drain);
	// they keep the queue item they came from (for deferral).
	ctx, cancel := context.WithTimeout(withQueuedFrom(b.base, in), b.cfg.AnswerTimeout)
	defer cancel()
	switch {
	case u.Message != nil:
		b.onMessage(ctx, u.Message)
	case u.CallbackQuery != nil:
		b.onCallback(ctx, u.CallbackQuery)
	case u.PollAnswer != nil:
		b.mu.Lock()
		fn := b.pollAnswers
		b.mu.Unlock()
		if fn != nil {
			fn(ctx, u.PollAnswer)
		}
	default:
		b.log.Debug("ignoring update", "update_id", u.ID)
	}
}

func convKey(chat int64, thread int) string { return fmt.Sprintf("tg:%d:%d", chat, thread) }

func requestFor(b *Bot, m *models.Message) *Request {
	r := &Request{Bot: b, Msg: m, ChatID: m.Chat.ID, Private: m.Chat.Type == models.ChatTypePrivate}
	if m.IsTopicMessage {
		r.ThreadID = m.MessageThreadID
	}
	if m.From != nil {
		r.UserID = m.From.ID
	}
	r.AsGroup = sentAsGroup(m)
	if !r.Private {
		r.replyTo = m.ID
	}
	r.Conv = convKey(r.ChatID, r.ThreadID)
	r.Script = scriptGuess(m)
	return r
}

// sentAsGroup reports a message an anonymous administrator sent on behalf
// of the group: from is GroupAnonymousBot (a bot) and sender_chat the
// group itself. Only the group's administrators can do that.
func sentAsGroup(m *models.Message) bool {
	return m.SenderChat != nil && m.SenderChat.ID == m.Chat.ID && m.Chat.Type != models.ChatTypePrivate
}

func (b *Bot) onMessage(ctx context.Context, m *models.Message) {
	// Other bots are ignored (no bot-to-bot loops), except the stand-in
	// for anonymous administrators, who are people.
	if m.From == nil || (m.From.IsBot && !sentAsGroup(m)) || m.Chat.Type == models.ChatTypeChannel || m.Chat.ID == 0 {
		return
	}
	r := requestFor(b, m)
	cmd, forUs, isCmd := parseCommand(m.Text, m.Entities, b.me.Username)
	if !isCmd && b.discussionReply(ctx, r, m) {
		return // a reply to an open poll or an unrevealed case is discussion
	}
	var question string
	switch {
	case isCmd && !forUs:
		return // a command for another bot
	case isCmd:
	case r.Private:
		question = m.Text
	case b.mentioned(m):
		question = stripMention(m, b.me)
	case b.repliedTo(m):
		question = m.Text
	default:
		return // group chatter not addressed to us
	}
	if !b.allowed(r.ChatID, r.UserID) {
		b.log.Info("refused: not on the allow-list", "chat", r.ChatID, "user", r.UserID)
		if r.Private {
			b.refuse(r, msgNotAllowed(r.Script))
		}
		return
	}
	if isCmd {
		b.runCommand(ctx, r, cmd)
		return
	}
	if m.Document != nil && r.Private {
		b.onDocument(ctx, r, m) // upload.go: admins add articles
		return
	}
	if strings.TrimSpace(m.Text) == "" {
		if r.Private {
			b.refuse(r, msgTextOnly(r.Script))
		}
		return
	}
	r.Args = strings.TrimSpace(question)
	if r.Args == "" { // e.g. a bare "@bot"
		b.refuse(r, msgAskUsage(r.Script))
		return
	}
	b.ask(ctx, r, r.Args)
}

// command is a parsed "/name@target args".
type command struct {
	name, target, args string
	explicit           bool // addressed with @ to this bot
}

// parseCommand reads a bot command at the start of text. Entity offsets are
// UTF-16 units (go-telegram/bot's own matcher treats them as bytes). A
// command addressed to another bot (/ask@OtherBot) is reported as !forUs.
func parseCommand(text string, ents []models.MessageEntity, username string) (cmd command, forUs, ok bool) {
	end := -1
	for _, e := range ents {
		if e.Type == models.MessageEntityTypeBotCommand && e.Offset == 0 {
			if s, en, good := utf16Span(text, e.Offset, e.Length); good && s == 0 {
				end = en
			}
			break
		}
	}
	if end < 0 {
		// Fallback for updates without entities: "/word" at the start.
		if !strings.HasPrefix(text, "/") {
			return command{}, false, false
		}
		end = 1
		for end < len(text) && isCommandByte(text[end]) {
			end++
		}
	}
	token := text[:end]
	if len(token) < 2 || token[0] != '/' {
		return command{}, false, false
	}
	name, target, _ := strings.Cut(token[1:], "@")
	if name == "" || !validCommandName(strings.ToLower(name)) {
		return command{}, false, false
	}
	cmd = command{name: strings.ToLower(name), target: target, args: strings.TrimSpace(text[end:])}
	if target != "" {
		if !strings.EqualFold(target, username) {
			return cmd, false, true
		}
		cmd.explicit = true
	}
	return cmd, true, true
}

func isCommandByte(c byte) bool {
	return c == '_' || c == '@' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func validCommandName(s string) bool {
	if s == "" || len(s) > 32 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z') {
			return false
		}
	}
	return true
}

// utf16Span converts a UTF-16 (offset, length) to byte indexes of text.
// It fails for out-of-range spans and spans that cut a surrogate pair.
func utf16Span(text string, off, length int) (start, end int, ok bool) {
	if off < 0 || length < 0 {
		return 0, 0, false
	}
	start, end = -1, -1
	pos := 0
	for i, r := range text {
		if pos == off {
			start = i
		}
		if pos == off+length {
			end = i
			break
		}
		if r >= 0x10000 {
			pos += 2
		} else {
			pos++
		}
	}
	if start < 0 && pos == off {
		start = len(text)
	}
	if end < 0 && pos == off+length {
		end = len(text)
	}
	if start < 0 || end < 0 {
		return 0, 0, false
	}
	return start, end, true
}

// mentioned reports an @mention of the bot (by username or text_mention).
func (b *Bot) mentioned(m *models.Message) bool {
	for _, e := range m.Entities {
		switch e.Type {
		case models.MessageEntityTypeMention:
			if s, en, ok := utf16Span(m.Text, e.Offset, e.Length); ok && strings.EqualFold(m.Text[s:en], "@"+b.me.Username) {
				return true
			}
		case models.MessageEntityTypeTextMention:
			if e.User != nil && e.User.ID == b.me.ID {
				return true
			}
		}
	}
	return false
}

// stripMention removes the bot's mentions from the question text.
func stripMention(m *models.Message, me models.User) string {
	text := m.Text
	var cut [][2]int
	for _, e := range m.Entities {
		s, en, ok := utf16Span(text, e.Offset, e.Length)
		if !ok {
			continue
		}
		if (e.Type == models.MessageEntityTypeMention && strings.EqualFold(text[s:en], "@"+me.Username)) ||
			(e.Type == models.MessageEntityTypeTextMention && e.User != nil && e.User.ID == me.ID) {
			cut = append(cut, [2]int{s, en})
		}
	}
	for k := len(cut) - 1; k >= 0; k-- {
		if cut[k][0] >= 0 && cut[k][1] <= len(text) && cut[k][0] <= cut[k][1] {
			text = strings.TrimRight(text[:cut[k][0]], " ") + " " + strings.TrimLeft(text[cut[k][1]:], " ")
		}
	}
	return strings.TrimSpace(text)
}

// repliedTo reports a reply to one of the bot's messages. In forum topics
// Telegram points reply_to_message at the topic's first message even for
// plain messages; that is not a reply.
func (b *Bot) repliedTo(m *models.Message) bool {
	rt := m.ReplyToMessage
	if rt == nil || rt.From == nil || rt.From.ID != b.me.ID {
		return false
	}
	return !(m.IsTopicMessage && rt.ID == m.MessageThreadID)
}

// scriptGuess picks the user's script for messages written before core
// has answered: the text's script as zh.DetectScript tells it (the same
// judgement core makes), else the client's language (zh-TW, zh-HK,
// zh-Hant, zh-MO), else Simplified.
func scriptGuess(m *models.Message) zh.Script {
	if m == nil {
		return zh.Simplified
	}
	if sc := zh.DetectScript(m.Text); sc != "" {
		return sc
	}
	if m.From != nil {
		lc := strings.ToLower(m.From.LanguageCode)
		if strings.HasPrefix(lc, "zh-tw") || strings.HasPrefix(lc, "zh-hk") || strings.HasPrefix(lc, "zh-hant") || strings.HasPrefix(lc, "zh-mo") {
			return zh.Traditional
		}
	}
	return zh.Simplified
}

// --- callbacks -------------------------------------------------------------

func (b *Bot) onCallback(ctx context.Context, q *models.CallbackQuery) {
	var msg *models.Message
	if q.Message.Type == models.MaybeInaccessibleMessageTypeMessage {
		msg = q.Message.Message
	}
	if msg == nil {
		b.send.answerCallback(ctx, q.ID, "", false)
		return
	}
	r := requestFor(b, msg)
	r.UserID = q.From.ID
	r.replyTo = 0
	r.Script = zh.Simplified
	if !b.allowed(r.ChatID, r.UserID) {
		b.send.answerCallback(ctx, q.ID, msgNotAllowed(r.Script), true)
		return
	}
	data := q.Data
	if !onKeyboard(msg, data) {
		// Telegram relays what a modified client sends: data that is not
		// one of this message's buttons is refused, whatever it names.
		b.refusePress(ctx, q, r, "not a button of the pressed message")
		return
	}
	switch {
	case strings.HasPrefix(data, cbSources):
		b.onSourcesButton(ctx, r, q, strings.TrimPrefix(data, cbSources))
		return
	case strings.HasPrefix(data, cbFeedback):
		b.onFeedbackButton(ctx, r, q, strings.TrimPrefix(data, cbFeedback))
		return
	}
	b.mu.Lock()
	var fn CallbackFunc
	for prefix, f := range b.callbacks {
		if strings.HasPrefix(data, prefix) {
			fn = f
			break
		}
	}
	b.mu.Unlock()
	if fn == nil {
		b.send.answerCallback(ctx, q.ID, "", false) // stop the spinner
		return
	}
	if err := fn(ctx, r, q, data); err != nil {
		b.log.Warn("callback handler", "data", data, "err", err)
	}
}

// Callback data prefixes; data is "src:KEY" or "fb:KEY:up|down", far
// below Telegram's 64 bytes.
const (
	cbSources  = "src:"
	cbFeedback = "fb:"
)

// refusePress answers a forged or misplaced press with a short alert.
func (b *Bot) refusePress(ctx context.Context, q *models.CallbackQuery, r *Request, why string) {
	b.stats.refusedPresses.Add(1)
	b.log.Warn("button press refused", "why", why, "chat", r.ChatID, "user", r.UserID, "data_bytes", len(q.Data))
	b.send.answerCallback(ctx, q.ID, msgButtonNotHere(r.Script), true)
}

// answerFor finds the answer behind a button key pressed on r.Msg; false
// when it is unknown (answered) or belongs elsewhere (refused).
func (b *Bot) answerFor(ctx context.Context, r *Request, q *models.CallbackQuery, key string, expiredAlert bool) (*storedAnswer, bool) {
	rec, ok := b.answers.lookup(ctx, key)
	if !ok {
		b.send.answerCallback(ctx, q.ID, msgSourcesExpired(r.Script), expiredAlert)
		return nil, false
	}
	if !rec.pressedHere(r.Msg) {
		b.refusePress(ctx, q, r, "key of another chat or message")
		return nil, false
	}
	a := rec.Answer
	return &a, true
}

func (b *Bot) onSourcesButton(ctx context.Context, r *Request, q *models.CallbackQuery, key string) {
	a, ok := b.answerFor(ctx, r, q, key, true)
	if !ok {
		return
	}
	r.Script = a.Script
	if !b.admitButton(ctx, r, q) {
		return
	}
	b.send.answerCallback(ctx, q.ID, "", false)
	b.replyHTML(ctx, r, renderPassages(a.Citations, true), nil)
}

func (b *Bot) onFeedbackButton(ctx context.Context, r *Request, q *models.CallbackQuery, rest string) {
	key, vote, _ := strings.Cut(rest, ":")
	if vote != "up" && vote != "down" {
		b.send.answerCallback(ctx, q.ID, msgSourcesExpired(r.Script), false)
		return
	}
	a, ok := b.answerFor(ctx, r, q, key, false)
	if !ok {
		return
	}
	r.Script = a.Script
	voteKey := fmt.Sprintf("%s/%d", key, r.UserID)
	b.mu.Lock()
	prev := b.votes[voteKey]
	b.votes[voteKey] = vote
	if len(b.votes) > 100_000 {
		clear(b.votes) // bounded; a repeated vote after this is merely recorded twice
	}
	b.mu.Unlock()
	if prev == vote {
		b.send.answerCallback(ctx, q.ID, msgThanks(r.Script), false)
		return
	}
	f := Feedback{At: b.now(), ChatID: r.ChatID, UserID: r.UserID, Key: key, Vote: vote, Question: a.Question, Answer: a.Text, Mode: a.Mode, Grounded: a.Grounded}
	for _, c := range a.Citations {
		f.ChunkIDs = append(f.ChunkIDs, c.Chunk.ID)
	}
	if err := b.feedback.RecordFeedback(ctx, f); err != nil {
		b.log.Error("record feedback", "err", err)
	}
	b.send.answerCallback(ctx, q.ID, msgThanks(r.Script), false)
}

// --- replies -----------------------------------------------------------------

// replyHTML sends already-valid HTML messages to the request's chat and
// topic; markup goes on the last one. It returns the sent message ids.
func (b *Bot) replyHTML(ctx context.Context, r *Request, msgs []string, markup models.ReplyMarkup) []int {
	var ids []int
	for i, text := range msgs {
		p := &tgbot.SendMessageParams{ChatID: r.ChatID, MessageThreadID: r.ThreadID, Text: text, ParseMode: models.ParseModeHTML,
			LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: tgbot.True()}}
		if i == 0 && r.replyTo != 0 {
			p.ReplyParameters = &models.ReplyParameters{MessageID: r.replyTo, AllowSendingWithoutReply: true}
		}
		if i == len(msgs)-1 && markup != nil {
			p.ReplyMarkup = markup
		}
		m, err := b.send.send(ctx, p)
		if err != nil {
			if b.base.Err() != nil {
				// Shutdown: the update is saved and answered after the restart.
				b.log.Warn("reply abandoned at shutdown", "chat", r.ChatID, "err", err)
				return ids
			}
			b.stats.undelivered.Add(1)
			b.log.Error("reply not delivered", "chat", r.ChatID, "part", i+1, "of", len(msgs), "err", err)
			return ids
		}
		ids = append(ids, m.ID)
	}
	return ids
}

// refuse sends a short refusal or hint without waiting for it: it costs a
// token of the user's reply budget (3 at once, then one per 20 s; beyond
// it the refusal is skipped) and waits in the chat's send queue, not in a
// worker, so a flood of stickers or of messages from strangers holds no
// worker and delays nobody else.
func (b *Bot) refuse(r *Request, text string) {
	if !b.isAdmin(r.UserID) {
		if ok, _ := b.replyRate.allow(r.UserID); !ok {
			b.log.Debug("refusal skipped: the user's reply budget is spent", "chat", r.ChatID, "user", r.UserID)
			return
		}
	}
	b.notify(r, text)
}

// notify queues a plain-text notice in the request's chat without waiting.
func (b *Bot) notify(r *Request, text string) {
	for i, html := range plainMessages(text) {
		p := &tgbot.SendMessageParams{ChatID: r.ChatID, MessageThreadID: r.ThreadID, Text: html, ParseMode: models.ParseModeHTML,
			LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: tgbot.True()}}
		if i == 0 && r.replyTo != 0 {
			p.ReplyParameters = &models.ReplyParameters{MessageID: r.replyTo, AllowSendingWithoutReply: true}
		}
		if !b.send.notify(p) {
			return
		}
	}
}

// replyPlain escapes and sends a plain-text reply.
func (b *Bot) replyPlain(ctx context.Context, r *Request, text string) {
	b.replyHTML(ctx, r, plainMessages(text), nil)
}

// Reply sends plain text (escaped, split as needed) to the request's chat.
func (r *Request) Reply(ctx context.Context, text string) {
	r.Bot.replyPlain(ctx, r, text)
}

// ReplyHTML sends Telegram HTML the caller built with valid markup; it is
// sent as one message, so keep it under 4096 visible characters.
func (r *Request) ReplyHTML(ctx context.Context, html string, markup models.ReplyMarkup) {
	r.Bot.replyHTML(ctx, r, []string{html}, markup)
}

// AnswerCallback acknowledges a button press (text may be empty).
func (r *Request) AnswerCallback(ctx context.Context, q *models.CallbackQuery, text string, alert bool) {
	r.Bot.send.answerCallback(ctx, q.ID, text, alert)
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }
