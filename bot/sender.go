package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"sync"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// sender is the one place that talks to the Bot API for outgoing messages.
// go-telegram/bot retries nothing; sender retries 429s after retry_after
// and 5xx/transport failures with a backoff, within a budget; paces new
// messages per chat under Telegram's flood limits and treats "message is
// not modified" as success. New messages wait in a per-chat queue served by
// that chat's own goroutine, so pacing never holds a worker: a handler that
// only replies (a refusal, a notice) enqueues and returns, and one chat's
// backlog delays only that chat.
type sender struct {
	api *tgbot.Bot
	log *slog.Logger
	// unit is what one second of retry_after means (tests shrink it).
	unit        time.Duration
	maxAttempts int
	maxWait     time.Duration // the retry budget of one call (retry_after and backoff summed)
	pace        *limiter      // new messages per chat
	groupPace   *limiter
	stats       *counters
	base        context.Context // outlives handlers; notices are sent under it

	sleep func(context.Context, time.Duration) error // a pacing wait (sleepCtx; tests: withClock)

	mu    sync.Mutex
	chats map[int64]*outbox
}

// outbox is one chat's queue of messages to send.
type outbox struct{ jobs []*sendJob }

type sendJob struct {
	ctx    context.Context
	cancel context.CancelFunc
	p      *tgbot.SendMessageParams
	done   chan sendResult // nil: nobody waits (a notice)
}

type sendResult struct {
	msg *models.Message
	err error
}

// maxNotices bounds the notices waiting in one chat's queue; beyond it a
// flood of cheap messages gets no more replies (counted).
const maxNotices = 20

// retryAfter extracts Telegram's retry_after from a 429, scaled to unit.
func (s *sender) retryAfter(err error) (time.Duration, bool) {
	var tm *tgbot.TooManyRequestsError
	if !errors.As(err, &tm) {
		return 0, false
	}
	return time.Duration(max(tm.RetryAfter, 1)) * s.unit, true
}

// serverError matches go-telegram/bot's text for an error status it has no
// type for (500, 502, 503, 504 …).
var serverError = regexp.MustCompile(`error response from telegram for method \S+, 5\d\d\b`)

// transient reports a failure worth another attempt after a backoff: a 5xx,
// a reply that is not the Bot API's (a proxy's error page), a connection
// that failed. A 4xx other than 429 is final.
func transient(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	msg := err.Error()
	return serverError.MatchString(msg) || strings.Contains(msg, "error decode response body") ||
		strings.Contains(msg, "error do request") || strings.Contains(msg, "error read response body")
}

// retry runs call until it succeeds, fails for good (a 4xx other than
// 429), or the attempts or the wait budget run out.
func (s *sender) retry(ctx context.Context, what string, call func(context.Context) error) error {
	var waited time.Duration
	backoff := s.unit / 2
	for attempt := 1; ; attempt++ {
		err := call(ctx)
		if err == nil {
			return nil
		}
		wait, is429 := s.retryAfter(err)
		if !is429 {
			if !transient(err) {
				return err
			}
			wait, backoff = backoff, min(2*backoff, 8*s.unit)
		}
		if attempt >= s.maxAttempts || waited+wait > s.maxWait || ctx.Err() != nil {
			return err
		}
		waited += wait
		s.stats.retries.Add(1)
		s.log.Warn("telegram call failed, retrying", "call", what, "wait", wait, "attempt", attempt, "flood_control", is429, "err", err)
		if err := sleepCtx(ctx, wait); err != nil {
			return err
		}
	}
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// waitTurn paces new messages in chat: about 1/s in private chats and
// 20/min in groups, with a small burst.
func (s *sender) waitTurn(ctx context.Context, chatID int64) error {
	l := s.pace
	if chatID < 0 {
		l = s.groupPace
	}
	for {
		ok, wait := l.allow(chatID)
		if ok {
			return nil
		}
		if err := s.sleep(ctx, wait); err != nil {
			return err
		}
	}
}

func chatIDOf(v any) int64 {
	if id, ok := v.(int64); ok {
		return id
	}
	return 0
}

// migratedTo reports the supergroup a basic group became, from the 400
// Telegram answers for the group's old id.
func migratedTo(err error) (int64, bool) {
	var me *tgbot.MigrateError
	if errors.As(err, &me) && me.MigrateToChatID != 0 {
		return int64(me.MigrateToChatID), true
	}
	return 0, false
}

// sendFollowing runs send for chatID and, when the group has become a
// supergroup meanwhile (a session or reveal that outlived the upgrade),
// once more for the supergroup.
func (s *sender) sendFollowing(ctx context.Context, what string, chatID any, send func(ctx context.Context, chatID any) error) error {
	err := s.retry(ctx, what, func(ctx context.Context) error { return send(ctx, chatID) })
	if to, ok := migratedTo(err); ok {
		s.log.Info("group upgraded to a supergroup; sending there", "call", what, "from", chatID, "to", to)
		if err := s.waitTurn(ctx, to); err != nil {
			return err
		}
		err = s.retry(ctx, what, func(ctx context.Context) error { return send(ctx, to) })
	}
	return err
}

// send sends one message through the chat's queue, paced and retried, and
// waits for it (only this chat's earlier messages go first).
func (s *sender) send(ctx context.Context, p *tgbot.SendMessageParams) (*models.Message, error) {
	j := &sendJob{ctx: ctx, p: p, done: make(chan sendResult, 1)}
	s.enqueue(chatIDOf(p.ChatID), j)
	select {
	case r := <-j.done:
		return r.msg, r.err
	case <-ctx.Done():
		return nil, fmt.Errorf("send message: %w", ctx.Err())
	}
}

// notify queues a notice without waiting for it. It reports false when the
// chat already has maxNotices waiting (the notice is dropped and counted).
func (s *sender) notify(p *tgbot.SendMessageParams) bool {
	chat := chatIDOf(p.ChatID)
	s.mu.Lock()
	if ob := s.chats[chat]; ob != nil {
		n := 0
		for _, j := range ob.jobs {
			if j.done == nil {
				n++
			}
		}
		if n >= maxNotices {
			s.mu.Unlock()
			s.stats.droppedNotices.Add(1)
			s.log.Debug("notice dropped: the chat's queue is full", "chat", chat)
			return false
		}
	}
	s.mu.Unlock()
	ctx, cancel := context.WithTimeout(s.base, 5*time.Minute)
	s.enqueue(chat, &sendJob{ctx: ctx, cancel: cancel, p: p})
	return true
}

func (s *sender) enqueue(chat int64, j *sendJob) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.chats == nil {
		s.chats = map[int64]*outbox{}
	}
	ob := s.chats[chat]
	if ob == nil {
		ob = &outbox{}
		s.chats[chat] = ob
		go s.run(chat, ob)
	}
	ob.jobs = append(ob.jobs, j)
}

// run delivers one chat's queue in order and ends when it is empty.
func (s *sender) run(chat int64, ob *outbox) {
	for {
		s.mu.Lock()
		if len(ob.jobs) == 0 {
			delete(s.chats, chat)
			s.mu.Unlock()
			return
		}
		j := ob.jobs[0]
		ob.jobs = ob.jobs[1:]
		s.mu.Unlock()
		var r sendResult
		if err := j.ctx.Err(); err != nil {
			r.err = fmt.Errorf("send message: %w", err)
		} else {
			r.msg, r.err = s.deliver(j.ctx, j.p)
		}
		if j.done != nil {
			j.done <- r
		} else if r.err != nil && s.base.Err() == nil {
			s.stats.undelivered.Add(1)
			s.log.Error("notice not delivered", "chat", chat, "err", r.err)
		}
		if j.cancel != nil {
			j.cancel()
		}
	}
}

// pending is the number of chats with messages waiting.
func (s *sender) pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.chats)
}

// deliver sends one message, paced and retried.
func (s *sender) deliver(ctx context.Context, p *tgbot.SendMessageParams) (*models.Message, error) {
	if err := s.waitTurn(ctx, chatIDOf(p.ChatID)); err != nil {
		return nil, fmt.Errorf("send message: %w", err)
	}
	var msg *models.Message
	err := s.sendFollowing(ctx, "sendMessage", p.ChatID, func(ctx context.Context, chatID any) error {
		q := *p
		q.ChatID = chatID
		m, err := s.api.SendMessage(ctx, &q)
		msg = m
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("send message: %w", err)
	}
	return msg, nil
}

func isNotModified(err error) bool {
	return err != nil && strings.Contains(err.Error(), "message is not modified")
}

// edit edits a message, retried; an unchanged message is not an error.
func (s *sender) edit(ctx context.Context, p *tgbot.EditMessageTextParams) error {
	err := s.retry(ctx, "editMessageText", func(ctx context.Context) error {
		_, err := s.api.EditMessageText(ctx, p)
		return err
	})
	if err != nil && !isNotModified(err) {
		return fmt.Errorf("edit message: %w", err)
	}
	return nil
}

// tryEdit is one streaming edit: never retried (the next one supersedes
// it); a 429 is reported as the time to wait.
func (s *sender) tryEdit(ctx context.Context, p *tgbot.EditMessageTextParams) (time.Duration, error) {
	_, err := s.api.EditMessageText(ctx, p)
	if isNotModified(err) {
		return 0, nil
	}
	if wait, ok := s.retryAfter(err); ok {
		return wait, err
	}
	return 0, err
}

// tryDraft is one streaming draft update, like tryEdit.
func (s *sender) tryDraft(ctx context.Context, p *tgbot.SendMessageDraftParams) (time.Duration, error) {
	_, err := s.api.SendMessageDraft(ctx, p)
	if wait, ok := s.retryAfter(err); ok {
		return wait, err
	}
	return 0, err
}

// action sends a chat action; failures only matter to the log.
func (s *sender) action(ctx context.Context, chatID int64, thread int) {
	_, err := s.api.SendChatAction(ctx, &tgbot.SendChatActionParams{ChatID: chatID, MessageThreadID: thread, Action: models.ChatActionTyping})
	if err != nil && ctx.Err() == nil {
		s.log.Debug("chat action", "chat", chatID, "err", err)
	}
}

// answerCallback acknowledges a button press, retried.
func (s *sender) answerCallback(ctx context.Context, id, text string, alert bool) {
	err := s.retry(ctx, "answerCallbackQuery", func(ctx context.Context) error {
		_, err := s.api.AnswerCallbackQuery(ctx, &tgbot.AnswerCallbackQueryParams{CallbackQueryID: id, Text: text, ShowAlert: alert})
		return err
	})
	if err != nil {
		s.log.Warn("answer callback query", "err", err)
	}
}
