package bot

// Observer counts what the transport refuses, for metrics. It must be safe
// for concurrent use and quick. Telegram API errors are counted below the
// bot, on its HTTP client (see WithHTTPClient).
type Observer interface {
	// RateLimited is a request refused by the per-user ("user") or
	// per-chat ("chat") limit.
	RateLimited(scope string)
}

// WithObserver reports refusals to o (default: nobody).
func WithObserver(o Observer) Option { return func(b *Bot) { b.obs = o } }

type noObserver struct{}

func (noObserver) RateLimited(string) {}
