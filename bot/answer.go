package bot

import (
	"context"
	"errors"
	"math"
	"strconv"
	"sync"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"bangyang/core"
	"bangyang/transport"
)

// ask answers a question: limits, typing, streaming preview, final answer.
func (b *Bot) ask(ctx context.Context, r *Request, question string) {
	b.cat.noteScript(r.Conv, question)
	if n := runeLen(question); n > b.cfg.MaxQuestionRunes {
		b.refuse(r, msgTooLong(r.Script, n, b.cfg.MaxQuestionRunes))
		return
	}
	r.question = true
	if !b.admit(ctx, r) {
		return
	}

	b.send.action(ctx, r.ChatID, r.ThreadID) // the first sign of life, before anything slow
	typingCtx, stopTyping := context.WithCancel(ctx)
	go b.keepTyping(typingCtx, r)
	defer stopTyping()

	unlock, ok, err := b.lockConv(ctx, r.Conv)
	if err != nil {
		b.log.Warn("question abandoned while an earlier one was answered", "chat", r.ChatID, "err", err)
		return
	}
	if !ok {
		return // parked: answered when the earlier answer is done
	}
	defer unlock()
	st := b.newStreamer(ctx, r)
	req := core.Request{Chat: r.Conv, Question: question}
	if r.Msg != nil && b.repliedTo(r.Msg) {
		// A reply to one of the answers continues that answer, whoever
		// asked in between.
		req.ReplyTo = b.turns.get(r.ChatID, r.Msg.ReplyToMessage.ID)
	}
	who := core.Asker{User: strconv.FormatInt(r.UserID, 10), Via: "telegram"}
	ans, err := b.svc.Answer(core.WithAsker(ctx, who), req, st.update)
	st.stop()
	stopTyping()
	if ctx.Err() != nil && err != nil {
		b.log.Warn("answer abandoned", "chat", r.ChatID, "err", err)
		return
	}
	if err != nil || ans == nil {
		if errors.Is(err, core.ErrEmptyQuestion) {
			st.finish(ctx, plainMessages(msgAskUsage(r.Script)), nil)
			return
		}
		b.log.Error("answer failed", "chat", r.ChatID, "err", err)
		st.finish(ctx, plainMessages(msgAnswerFailed(r.Script)), nil)
		return
	}
	r.Script = ans.Script
	key := b.answers.put(&storedAnswer{Question: question, Text: ans.Text, Citations: ans.Citations, Mode: ans.Mode, Grounded: ans.Grounded, Script: ans.Script, ChatID: r.ChatID})
	if id := st.finish(ctx, renderAnswer(ans), answerKeyboard(ans, key)); id != 0 {
		markAnswered(ctx)
		b.answers.bind(ctx, key, id)
		b.turns.put(r.ChatID, id, ans.TurnID)
	}
}

// turnIndex maps the bot's answer messages to core's turn ids, so that a
// reply to one continues its conversation. Bounded: the oldest half is
// dropped when full (a reply to a very old answer then starts afresh).
type turnIndex struct {
	mu    sync.Mutex
	byMsg map[turnMsg]string
	order []turnMsg
}

type turnMsg struct {
	chat int64
	msg  int
}

const maxTurnIndex = 20000

func (t *turnIndex) put(chat int64, msg int, turn string) {
	if turn == "" || msg == 0 {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.byMsg == nil {
		t.byMsg = map[turnMsg]string{}
	}
	k := turnMsg{chat, msg}
	if _, ok := t.byMsg[k]; !ok {
		t.order = append(t.order, k)
	}
	t.byMsg[k] = turn
	if len(t.order) > maxTurnIndex {
		drop := t.order[:len(t.order)/2]
		for _, d := range drop {
			delete(t.byMsg, d)
		}
		t.order = append([]turnMsg(nil), t.order[len(t.order)/2:]...)
	}
}

func (t *turnIndex) get(chat int64, msg int) string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.byMsg[turnMsg{chat, msg}]
}

// answerKeyboard: "查看原文" for grounded answers, then 👍/👎.
func answerKeyboard(a *core.Answer, key string) *models.InlineKeyboardMarkup {
	var rows [][]models.InlineKeyboardButton
	if len(a.Citations) > 0 { // a refusal may cite what the articles do say: its [n] must resolve too
		rows = append(rows, []models.InlineKeyboardButton{{Text: transport.LabelsFor(a.Script).ViewOriginal, CallbackData: cbSources + key}})
	}
	rows = append(rows, []models.InlineKeyboardButton{
		{Text: "👍", CallbackData: cbFeedback + key + ":up"},
		{Text: "👎", CallbackData: cbFeedback + key + ":down"},
	})
	return &models.InlineKeyboardMarkup{InlineKeyboard: rows}
}

// admit applies the per-user and per-chat limits once per request (every
// command and question costs a token, so cheap commands cannot be used to
// flood a chat); when refused, the user is told (see noticeRateLimited).
func (b *Bot) admit(ctx context.Context, r *Request) bool {
	if r.admitted || b.isAdmin(r.UserID) {
		return true
	}
	if it, _, ok := queuedFrom(ctx); ok && it.admitted {
		r.admitted = true // parked after admission, resumed now
		return true
	}
	ok, wait := b.takeRate(r)
	if !ok {
		if r.question && r.Private && b.deferQuestion(ctx, r, wait) {
			return false
		}
		b.noticeRateLimited(ctx, r, wait, r.question && r.Private)
		return false
	}
	r.admitted = true
	return true
}

// maxDeferred bounds the questions of one private chat waiting for the
// user's next token.
const maxDeferred = 5

// deferQuestion queues a private question over the rate limit, to be
// answered when the user has a token again (after a restart too: deferred
// questions are saved with the queue). The first one in a while gets a
// notice saying so; the rest wait silently.
func (b *Bot) deferQuestion(ctx context.Context, r *Request, wait time.Duration) bool {
	it, retry, ok := queuedFrom(ctx)
	if !ok || (!retry && b.queue.deferredIn(r.ChatID) >= maxDeferred) {
		return false
	}
	b.queue.deferUntil(it, r.ChatID, wait)
	if !retry && b.noticeDue(r.UserID) {
		b.notify(r, msgDeferred(r.Script, int(math.Ceil(wait.Seconds()))))
	}
	return true
}

// admitButton is admit for a button press that sends new messages; the
// refusal goes into the button's own alert rather than the chat.
func (b *Bot) admitButton(ctx context.Context, r *Request, q *models.CallbackQuery) bool {
	if b.isAdmin(r.UserID) {
		return true
	}
	ok, wait := b.takeRate(r)
	if !ok {
		b.send.answerCallback(ctx, q.ID, msgRateLimited(r.Script, int(math.Ceil(wait.Seconds()))), true)
	}
	return ok
}

func (b *Bot) takeRate(r *Request) (bool, time.Duration) {
	okU, waitU := b.userRate.allow(r.UserID)
	if !okU {
		b.obs.RateLimited("user")
		return false, waitU
	}
	if okC, waitC := b.chatRate.allow(r.ChatID); !okC {
		b.obs.RateLimited("chat")
		return false, waitC
	}
	return true, 0
}

// noticeRateLimited tells the user once per half minute, so that a user
// hammering the bot does not make it spam back; always, for a private
// question that could not be deferred (every question gets a reply). The
// notice waits in the chat's send queue, not in the worker.
func (b *Bot) noticeRateLimited(_ context.Context, r *Request, wait time.Duration, always bool) {
	if !b.noticeDue(r.UserID) && !always {
		return
	}
	b.notify(r, msgRateLimited(r.Script, int(math.Ceil(wait.Seconds()))))
}

// noticeDue reports (and records) whether user may get a rate-limit
// notice now: one per half minute.
func (b *Bot) noticeDue(user int64) bool {
	now := b.now()
	b.mu.Lock()
	defer b.mu.Unlock()
	last, seen := b.limitNotices[user]
	if seen && now.Sub(last) < 30*time.Second {
		return false
	}
	b.limitNotices[user] = now
	if len(b.limitNotices) > 100_000 {
		clear(b.limitNotices)
	}
	return true
}

// keepTyping renews "typing…" every 4 s (it lasts 5 s) until done.
func (b *Bot) keepTyping(ctx context.Context, r *Request) {
	for sleepCtx(ctx, 4*time.Second) == nil {
		b.send.action(ctx, r.ChatID, r.ThreadID)
	}
}

// streamer shows a partial answer while core writes it: drafts in private
// chats (Bot API 9.3), throttled edits of a placeholder in groups.
type streamer struct {
	b        *Bot
	r        *Request
	useDraft bool
	draftID  string

	mu      sync.Mutex
	latest  string
	notify  chan struct{}
	quit    chan struct{}
	done    chan struct{}
	stopped bool

	placeholder int // group placeholder message id (0: none)
	shown       string
	interval    time.Duration
}

func (b *Bot) newStreamer(ctx context.Context, r *Request) *streamer {
	st := &streamer{b: b, r: r, useDraft: r.Private, notify: make(chan struct{}, 1), quit: make(chan struct{}), done: make(chan struct{})}
	lb := labelsFor(r.Script)
	if st.useDraft {
		st.interval = b.cfg.DraftInterval
		st.draftID = strconv.FormatInt(b.draftSeq.Add(1), 10)
		// A first visible sign right away.
		if _, err := b.send.tryDraft(ctx, &tgbot.SendMessageDraftParams{ChatID: r.ChatID, MessageThreadID: r.ThreadID, DraftID: st.draftID, Text: escapeHTML(lb.placeholder), ParseMode: models.ParseModeHTML}); err != nil {
			b.log.Debug("draft unavailable; no streaming preview", "chat", r.ChatID, "err", err)
			st.useDraft = false
			st.draftID = ""
		}
	} else {
		st.interval = b.cfg.EditInterval
		p := &tgbot.SendMessageParams{ChatID: r.ChatID, MessageThreadID: r.ThreadID, Text: escapeHTML(lb.placeholder), ParseMode: models.ParseModeHTML}
		if r.replyTo != 0 {
			p.ReplyParameters = &models.ReplyParameters{MessageID: r.replyTo, AllowSendingWithoutReply: true}
		}
		if m, err := b.send.send(ctx, p); err == nil {
			st.placeholder = m.ID
			st.shown = p.Text
		} else {
			b.log.Warn("placeholder", "chat", r.ChatID, "err", err)
		}
	}
	go st.loop(ctx)
	return st
}

// update is core's onText callback: it never blocks the answer.
func (st *streamer) update(textSoFar string) {
	st.mu.Lock()
	st.latest = textSoFar
	st.mu.Unlock()
	select {
	case st.notify <- struct{}{}:
	default:
	}
}

func (st *streamer) stop() {
	st.mu.Lock()
	if !st.stopped {
		st.stopped = true
		close(st.quit)
	}
	st.mu.Unlock()
	<-st.done
}

func (st *streamer) loop(ctx context.Context) {
	defer close(st.done)
	active := st.useDraft || st.placeholder != 0
	var notBefore time.Time
	for {
		select {
		case <-st.quit:
			return
		case <-ctx.Done():
			return
		case <-st.notify:
		}
		if !active {
			continue
		}
		if wait := time.Until(notBefore); wait > 0 {
			select {
			case <-st.quit:
				return
			case <-ctx.Done():
				return
			case <-time.After(wait):
			}
		}
		st.mu.Lock()
		preview := renderPreview(st.latest)
		st.mu.Unlock()
		if preview == "" || preview == st.shown {
			continue // Telegram rejects identical edits
		}
		var retry time.Duration
		var err error
		if st.useDraft {
			retry, err = st.b.send.tryDraft(ctx, &tgbot.SendMessageDraftParams{ChatID: st.r.ChatID, MessageThreadID: st.r.ThreadID, DraftID: st.draftID, Text: preview, ParseMode: models.ParseModeHTML})
		} else {
			retry, err = st.b.send.tryEdit(ctx, &tgbot.EditMessageTextParams{ChatID: st.r.ChatID, MessageID: st.placeholder, Text: preview, ParseMode: models.ParseModeHTML})
		}
		switch {
		case retry > 0:
			// Flood control: wait as told, and slow down for good.
			st.interval = min(2*st.interval, 2*st.b.cfg.MaxEditInterval)
			notBefore = time.Now().Add(max(retry, st.interval))
			st.b.log.Debug("streaming throttled", "chat", st.r.ChatID, "retry_after", retry, "interval", st.interval)
			st.requeue()
		case err != nil:
			if ctx.Err() == nil {
				st.b.log.Warn("streaming preview failed; continuing without", "chat", st.r.ChatID, "err", err)
			}
			active = false
		default:
			st.shown = preview
			notBefore = time.Now().Add(st.interval)
			if !st.useDraft {
				// Group edits slow down as the answer grows (≈20/min limit).
				st.interval = min(st.interval*5/4, st.b.cfg.MaxEditInterval)
			}
			st.requeue()
		}
	}
}

// requeue makes sure text that arrived during a call is shown later.
func (st *streamer) requeue() {
	select {
	case st.notify <- struct{}{}:
	default:
	}
}

// finish delivers the final messages: in groups the first replaces the
// placeholder, in private chats they are sent (a draft is only ephemeral).
// It returns the id of the message carrying markup (0: not delivered).
func (st *streamer) finish(ctx context.Context, msgs []string, markup *models.InlineKeyboardMarkup) (markupMsg int) {
	b, r := st.b, st.r
	if len(msgs) == 0 {
		return 0
	}
	var rm models.ReplyMarkup
	if markup != nil {
		rm = markup
	}
	if st.placeholder != 0 {
		p := &tgbot.EditMessageTextParams{ChatID: r.ChatID, MessageID: st.placeholder, Text: msgs[0], ParseMode: models.ParseModeHTML,
			LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: tgbot.True()}}
		if len(msgs) == 1 && rm != nil {
			p.ReplyMarkup = rm
		}
		if err := b.send.edit(ctx, p); err == nil {
			if len(msgs) == 1 {
				markupMsg = st.placeholder
			}
			msgs = msgs[1:]
			r.replyTo = 0
		} else {
			b.log.Warn("final edit failed; sending instead", "chat", r.ChatID, "err", err)
			defer b.dropPlaceholder(ctx, r.ChatID, st.placeholder)
		}
	}
	if len(msgs) > 0 {
		if ids := b.replyHTML(ctx, r, msgs, rm); len(ids) == len(msgs) {
			markupMsg = ids[len(ids)-1]
		}
	}
	return markupMsg
}

// dropPlaceholder removes a placeholder left with a partial answer after
// the answer was sent as new messages; failing that, it stays.
func (b *Bot) dropPlaceholder(ctx context.Context, chatID int64, id int) {
	if _, err := b.api.DeleteMessage(ctx, &tgbot.DeleteMessageParams{ChatID: chatID, MessageID: id}); err != nil {
		b.log.Warn("delete placeholder", "chat", chatID, "err", err)
	}
}
