package bot

import (
	"context"
	"fmt"

	"bangyang/zh"
)

// StatsFunc writes the admins' usage statistics as plain text in the
// given script.
type StatsFunc func(ctx context.Context, script zh.Script) (string, error)

// WithStats enables /stats for the users in Config.Admins.
func WithStats(f StatsFunc) Option { return func(b *Bot) { b.adminStats = f } }

func (b *Bot) registerStats() error {
	if b.adminStats == nil {
		return nil
	}
	// Hidden: the menu is the same for everyone, and only admins may use it.
	return b.Register(Command{Name: "stats", Zh: "使用统计（仅管理员）", En: "Usage statistics (admins)", Hidden: true, AdminOnly: true, Run: cmdStats})
}

func cmdStats(ctx context.Context, r *Request) error {
	if !r.Private {
		// The figures include questions from every chat: not for a group.
		r.Reply(ctx, pick(r.Script, "统计包含所有对话的提问，请私聊我发送 /stats。", "統計包含所有對話的提問，請私聊我發送 /stats。"))
		return nil
	}
	text, err := r.Bot.adminStats(ctx, r.Script)
	if err != nil {
		return fmt.Errorf("stats: %w", err)
	}
	r.Reply(ctx, text)
	return nil
}
