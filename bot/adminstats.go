package bot

import (
	"context"

	"bangyang/transport"
)

// StatsFunc writes the admins' usage statistics as plain text in the
// given script ("hans" or "hant").
type StatsFunc func(ctx context.Context, script string) (string, error)

// WithStats enables /stats for the users in Config.Admins.
func WithStats(f StatsFunc) Option { return func(b *Bot) { b.adminStats = f } }

func (b *Bot) registerStats() error {
	if b.adminStats == nil {
		return nil
	}
	return b.Register(Command{Name: "stats", Run: neutral(transport.StatsCommand)})
}
