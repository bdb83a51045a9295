package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// sender is the one place that talks to the Bot API for outgoing messages.
// go-telegram/bot retries nothing; sender retries 429s after retry_after
// (bounded), paces new messages per chat under Telegram's flood limits and
// treats "message is not modified" as success.
type sender struct {
	api *tgbot.Bot
	log *slog.Logger
	// unit is what one second of retry_after means (tests shrink it).
	unit        time.Duration
	maxAttempts int
	maxWait     time.Duration // a longer retry_after fails instead of blocking a worker
	pace        *limiter      // new messages per chat
	groupPace   *limiter
}

// retryAfter extracts Telegram's retry_after from a 429, scaled to unit.
func (s *sender) retryAfter(err error) (time.Duration, bool) {
	var tm *tgbot.TooManyRequestsError
	if !errors.As(err, &tm) {
		return 0, false
	}
	return time.Duration(max(tm.RetryAfter, 1)) * s.unit, true
}

// retry runs call until it succeeds, fails with something other than 429,
// or the attempts or the wait budget run out.
func (s *sender) retry(ctx context.Context, what string, call func(context.Context) error) error {
	for attempt := 1; ; attempt++ {
		err := call(ctx)
		wait, is429 := s.retryAfter(err)
		if err == nil || !is429 || attempt >= s.maxAttempts || wait > s.maxWait {
			return err
		}
		s.log.Warn("telegram flood control, retrying", "call", what, "retry_after", wait, "attempt", attempt)
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
		if err := sleepCtx(ctx, wait); err != nil {
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

// send sends one message, paced and retried.
func (s *sender) send(ctx context.Context, p *tgbot.SendMessageParams) (*models.Message, error) {
	if err := s.waitTurn(ctx, chatIDOf(p.ChatID)); err != nil {
		return nil, err
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
