package bot

import "bangyang/transport"

// StatsFunc writes the admins' usage statistics as plain text in the
// given script.
type StatsFunc = transport.StatsFunc

// WithStats enables /stats for the users in Config.Admins (the shared
// handler, transport.StatsCommand).
func WithStats(f StatsFunc) Option { return func(b *Bot) { b.adminStats = f } }

// WithArticles enables /articles (what is served) for Config.Admins (the
// shared handler, transport.ArticlesCommand).
func WithArticles(f transport.ArticlesFunc) Option { return func(b *Bot) { b.articles = f } }
