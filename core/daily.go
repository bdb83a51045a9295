package core

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"bangyang/quiz"
	"bangyang/zh"
)

// DailyPlan posts one question a day in a chat at a fixed time.
type DailyPlan struct {
	Chat   string    `json:"chat"`
	At     string    `json:"at"` // "HH:MM", in the transport's time zone
	Topic  string    `json:"topic,omitempty"`
	Script zh.Script `json:"script,omitempty"`
	SetBy  string    `json:"set_by,omitempty"`
	// LastDay is the day ("2006-01-02") the question was last posted, or
	// the day the plan was set when its time had already passed.
	LastDay string `json:"last_day,omitempty"`
}

// ErrBadTime is a daily time that is not HH:MM.
var ErrBadTime = errors.New("time is not HH:MM")

// ParseDailyTime reads "8:00", "08:00" or "08：00" into hour and minute.
func ParseDailyTime(s string) (hour, minute int, err error) {
	var h, m int
	for _, sep := range []string{":", "：", "."} {
		if n, _ := fmt.Sscanf(replaceOnce(s, sep, " "), "%d %d", &h, &m); n == 2 {
			if h >= 0 && h < 24 && m >= 0 && m < 60 {
				return h, m, nil
			}
			break
		}
	}
	return 0, 0, fmt.Errorf("%q: %w", s, ErrBadTime)
}

func replaceOnce(s, old, new string) string {
	for i := 0; i+len(old) <= len(s); i++ {
		if s[i:i+len(old)] == old {
			return s[:i] + new + s[i+len(old):]
		}
	}
	return s
}

// dailyDue reports whether p should post at now (in the plan's zone).
func dailyDue(p DailyPlan, now time.Time) bool {
	h, m, err := ParseDailyTime(p.At)
	if err != nil {
		return false
	}
	day := now.Format(time.DateOnly)
	at := time.Date(now.Year(), now.Month(), now.Day(), h, m, 0, 0, now.Location())
	return p.LastDay != day && !now.Before(at)
}

// SetDaily plans the daily question in p.Chat (replacing an earlier plan);
// now is the transport's clock in its zone: a time already past today
// starts tomorrow.
func (t *Trainer) SetDaily(ctx context.Context, p DailyPlan, now time.Time) (DailyPlan, error) {
	h, m, err := ParseDailyTime(p.At)
	if err != nil {
		return DailyPlan{}, err
	}
	p.At = fmt.Sprintf("%02d:%02d", h, m)
	if p.Topic != "" {
		// An unknown topic is said now, not at eight tomorrow morning.
		if _, err := t.Bank().Generate(quiz.Options{N: 1, Topic: p.Topic}); errors.Is(err, quiz.ErrNoMaterial) {
			return DailyPlan{}, fmt.Errorf("daily on %q: %w", p.Topic, err)
		}
	}
	p.LastDay = ""
	if dailyDue(p, now) {
		p.LastDay = now.Format(time.DateOnly)
	}
	unlock := t.lock(p.Chat)
	defer unlock()
	if err := t.store.SaveDaily(ctx, p.Chat, &p); err != nil {
		return DailyPlan{}, fmt.Errorf("set daily in %s: %w", p.Chat, err)
	}
	return p, nil
}

// StopDaily removes chat's plan; found is false when there was none.
func (t *Trainer) StopDaily(ctx context.Context, chat string) (found bool, err error) {
	unlock := t.lock(chat)
	defer unlock()
	plans, err := t.store.DailyPlans(ctx)
	if err != nil {
		return false, fmt.Errorf("stop daily in %s: %w", chat, err)
	}
	if _, ok := plans[chat]; !ok {
		return false, nil
	}
	if err := t.store.SaveDaily(ctx, chat, nil); err != nil {
		return false, fmt.Errorf("stop daily in %s: %w", chat, err)
	}
	return true, nil
}

// DailyPlans lists every chat's plan, by chat.
func (t *Trainer) DailyPlans(ctx context.Context) ([]DailyPlan, error) {
	plans, err := t.store.DailyPlans(ctx)
	if err != nil {
		return nil, fmt.Errorf("daily plans: %w", err)
	}
	out := make([]DailyPlan, 0, len(plans))
	for _, p := range plans {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Chat < out[j].Chat })
	return out, nil
}

// TakeDueDaily returns the plans due at now and marks each as done for
// today, so a plan posts once a day even across restarts. now is the
// transport's clock in its zone.
func (t *Trainer) TakeDueDaily(ctx context.Context, now time.Time) ([]DailyPlan, error) {
	plans, err := t.DailyPlans(ctx)
	if err != nil {
		return nil, err
	}
	var due []DailyPlan
	for _, p := range plans {
		if !dailyDue(p, now) {
			continue
		}
		p.LastDay = now.Format(time.DateOnly)
		unlock := t.lock(p.Chat)
		err := t.store.SaveDaily(ctx, p.Chat, &p)
		unlock()
		if err != nil {
			return due, fmt.Errorf("daily in %s: %w", p.Chat, err)
		}
		due = append(due, p)
	}
	return due, nil
}
