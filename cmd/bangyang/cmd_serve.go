package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"os"
	"sync/atomic"
	"time"

	"bangyang/bot"
	"bangyang/metrics"
)

// runServe serves Telegram until the context ends (SIGINT/SIGTERM).
func runServe(ctx context.Context, a *app, args []string) error {
	fs := a.flagSet("serve")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	if a.cfg.TelegramToken == "" {
		return usageError{"TELEGRAM_BOT_TOKEN is not set (see .env.example)"}
	}
	// The metrics listener comes up first, so that /healthz answers (503,
	// "starting") while the index is built.
	var ready atomic.Bool
	stopMetrics, err := a.serveMetrics(ctx, &ready)
	if err != nil {
		return err
	}
	defer stopMetrics()
	rt, err := a.service(ctx, storeRequired)
	if err != nil {
		return err
	}
	defer rt.close()
	// The bot is handed the live core: answers, catalog and training all
	// follow a reload of the corpus folders.
	live := newLiveService(rt.svc, rt.in)
	live.uploads = a.uploadsDir()
	opts := []bot.Option{bot.WithLogger(a.log), bot.WithFeedbackStore(bot.StoreFeedback(rt.store)),
		bot.WithCatalog(live), bot.WithTrainer(live.Trainer()), bot.WithArticles(live.articles)}
	if rt.store != nil {
		// Button keys and the updates a shutdown leaves survive restarts.
		opts = append(opts, bot.WithStore(rt.store), bot.WithStats(a.statsText(rt.store)))
	}
	if m := a.metrics; m != nil {
		m.Corpus(func() int { return live.in.Load().index.Len() }, func() int { return len(live.in.Load().articles) })
		opts = append(opts, bot.WithObserver(m),
			bot.WithHTTPClient(&http.Client{Timeout: 90 * time.Second, Transport: m.Transport(nil)}))
	}
	// Articles added from the chat are kept in the data dir's uploads
	// folder and indexed at once through the watcher (uploads.go).
	reloads, watched := make(chan chan<- error), make(chan struct{})
	if err := os.MkdirAll(a.uploadsDir(), 0o755); err != nil {
		return fmt.Errorf("uploads folder: %w", err)
	}
	var allow func(netip.Addr) bool // public addresses only
	if a.cfg.AddAllowPrivate {
		allow = anyAddress
	}
	opts = append(opts, bot.WithLibrary(newLibrary(a.uploadsDir(), live, reloadNow(reloads, watched), allow)))
	b, err := bot.New(ctx, a.botConfig(), live, opts...)
	if err != nil {
		return fmt.Errorf("start telegram bot: %w", err)
	}
	a.log.Info("serving telegram", "bot", b.Username(), "webhook", a.cfg.WebhookURL != "", "articles", len(rt.in.articles), "chunks", len(rt.in.chunks), "llm", a.cfg.LLMEnabled())
	// Files added to, changed in or removed from the operator folders are
	// picked up without a restart (BANGYANG_WATCH_INTERVAL).
	wctx, stopWatch := context.WithCancel(ctx)
	go func() {
		defer close(watched)
		a.watchCorpus(wctx, rt, live, a.cfg.WatchInterval, reloads)
	}()
	defer func() { stopWatch(); <-watched }() // before the store closes
	ready.Store(true)
	return b.Run(ctx)
}

// serveMetrics starts /metrics and /healthz on BANGYANG_METRICS_LISTEN
// (nothing when unset); stop shuts the listener down.
func (a *app) serveMetrics(ctx context.Context, ready *atomic.Bool) (stop func(), err error) {
	if a.cfg.MetricsListen == "" {
		return func() {}, nil
	}
	ln, err := net.Listen("tcp", a.cfg.MetricsListen)
	if err != nil {
		return nil, fmt.Errorf("metrics listener (BANGYANG_METRICS_LISTEN=%s): %w", a.cfg.MetricsListen, err)
	}
	a.metrics = metrics.New()
	h := a.metrics.Handler(func() error {
		if !ready.Load() {
			return errors.New("starting")
		}
		return nil
	})
	mctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := metrics.Serve(mctx, ln, h); err != nil {
			a.log.Error("metrics listener stopped", "err", err)
		}
	}()
	a.log.Info("metrics", "listen", ln.Addr().String())
	return func() { cancel(); <-done }, nil
}

// runHealthcheck asks the running server's /healthz (the container's
// HEALTHCHECK: a scratch image has no curl).
func runHealthcheck(ctx context.Context, a *app, args []string) error {
	fs := a.flagSet("healthcheck")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	if a.cfg.MetricsListen == "" {
		return usageError{"BANGYANG_METRICS_LISTEN is not set: the health check asks the metrics listener"}
	}
	if err := metrics.Check(ctx, a.cfg.MetricsListen); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, "ok")
	return nil
}

// botConfig maps settings onto the transport's configuration.
func (a *app) botConfig() bot.Config {
	c := a.cfg
	return bot.Config{
		Token:            c.TelegramToken,
		APIURL:           c.TelegramAPIURL,
		WebhookURL:       c.WebhookURL,
		WebhookListen:    c.WebhookListen,
		WebhookSecret:    c.WebhookSecret,
		AllowedChats:     c.AllowedChats,
		AllowedUsers:     c.AllowedUsers,
		Admins:           c.Admins,
		UserRate:         bot.PerMinute(c.UserPerMinute),
		ChatRate:         bot.PerMinute(c.ChatPerMinute),
		Workers:          c.Workers,
		MaxQuestionRunes: c.MaxQuestionRunes,
		AnswerTimeout:    c.Timeouts().Reply,
	}
}
