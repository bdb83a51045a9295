package bot

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"bangyang/core"
	"bangyang/quiz"
	"bangyang/zh"
)

// Discussion cases: /case, /reveal and the automatic reveal.

func cmdCase(ctx context.Context, r *Request) error {
	b := r.Bot
	t := b.train
	topic := strings.TrimSpace(r.Args)
	var at time.Time
	if t.times.reveal > 0 {
		at = b.now().Add(t.times.reveal)
	}
	c, err := t.tr.StartCase(ctx, core.CaseRequest{Chat: r.Conv, Topic: topic, Script: argScript(r), RevealAt: at})
	if errors.Is(err, quiz.ErrNoMaterial) {
		r.Reply(ctx, msgNoCase(argScript(r), topic))
		return nil
	}
	if err != nil {
		return fmt.Errorf("start case: %w", err)
	}
	b.postCase(ctx, r, c, at)
	return nil
}

// postCase shows a case that StartCase made pending, notes its post for
// discussion replies and arms the automatic reveal at at (zero: none).
func (b *Bot) postCase(ctx context.Context, r *Request, c quiz.Case, at time.Time) {
	t := b.train
	script := caseScript(c, argScript(r))
	// Held until the post is noted, so a reply quicker than the store
	// waits for it (discussionReply) instead of being answered.
	t.posting.Lock()
	ids := b.replyHTML(ctx, r, []string{caseHTML(c, script, t.times.reveal)}, nil)
	if len(ids) > 0 && ids[0] != 0 {
		if err := t.tr.CasePosted(ctx, r.Conv, strconv.Itoa(ids[0])); err != nil {
			b.log.Warn("training: note case post", "chat", r.Conv, "err", err)
		}
	}
	t.posting.Unlock()
	if !at.IsZero() {
		b.scheduleReveal(r.Conv, r.ChatID, r.ThreadID, script, at)
	}
}

func cmdReveal(ctx context.Context, r *Request) error {
	b := r.Bot
	b.train.cancelReveal(r.Conv)
	c, ok, err := b.train.tr.RevealCase(ctx, r.Conv)
	if err != nil {
		return fmt.Errorf("reveal case: %w", err)
	}
	if !ok {
		r.Reply(ctx, msgNoPendingCase(r.Script))
		return nil
	}
	r.Bot.replyHTML(ctx, r, []string{revealHTML(c, caseScript(c, r.Script))}, nil)
	return nil
}

// resumeReveals re-arms the automatic reveals a previous process left.
func (b *Bot) resumeReveals(ctx context.Context) {
	pending, err := b.train.tr.PendingCases(ctx)
	if err != nil {
		b.log.Error("training: pending cases", "err", err)
		return
	}
	for _, p := range pending {
		chatID, thread, ok := chatOfKey(p.Chat)
		if !ok || p.RevealAt.IsZero() {
			continue
		}
		b.scheduleReveal(p.Chat, chatID, thread, caseScript(p.Case, zh.Simplified), p.RevealAt)
	}
}

func caseScript(c quiz.Case, fallback zh.Script) zh.Script {
	return zh.DetectScript(c.Scenario + c.Reveal).Or(fallback)
}

func (t *training) cancelReveal(key string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if ch := t.reveals[key]; ch != nil {
		close(ch)
		delete(t.reveals, key)
	}
}

// scheduleReveal reveals chat's pending case after the configured delay,
// unless /reveal or a new /case comes first. The time is stored with the
// case, so the next process re-arms the timer (resumeReveals).
func (b *Bot) scheduleReveal(key string, chatID int64, thread int, script zh.Script, at time.Time) {
	t := b.train
	ctx := t.lifeCtx(b.base)
	if ctx.Err() != nil {
		return
	}
	cancel := make(chan struct{})
	t.mu.Lock()
	if old := t.reveals[key]; old != nil {
		close(old)
	}
	t.reveals[key] = cancel
	t.mu.Unlock()
	t.wg.Add(1)
	go func() {
		defer t.wg.Done()
		defer b.recoverTraining("case reveal " + key)
		timer := time.NewTimer(max(at.Sub(b.now()), 0))
		defer timer.Stop()
		select {
		case <-ctx.Done():
			return
		case <-cancel:
			return
		case <-timer.C:
		}
		t.mu.Lock()
		if t.reveals[key] == cancel {
			delete(t.reveals, key)
		}
		t.mu.Unlock()
		c, ok, err := t.tr.RevealCase(ctx, key)
		if err != nil {
			b.log.Error("training: automatic case reveal", "chat", key, "err", err)
			return
		}
		if ok {
			b.post(ctx, chatID, thread, []string{revealHTML(c, caseScript(c, script))})
		}
	}()
}
