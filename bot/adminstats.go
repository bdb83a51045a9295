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

// WithArticles enables /articles (what is served) for Config.Admins.
func WithArticles(f transport.ArticlesFunc) Option { return func(b *Bot) { b.articles = f } }

func (b *Bot) registerStats() error {
	if b.adminStats != nil {
		if err := b.Register(Command{Name: "stats", Run: neutral(transport.StatsCommand)}); err != nil {
			return err
		}
	}
	if b.articles != nil {
		return b.Register(Command{Name: "articles", Run: neutral(transport.ArticlesCommand)})
	}
	return nil
}
