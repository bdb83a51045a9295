package main

import (
	"context"
	"fmt"
	"time"

	"bangyang/bot"
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
	rt, err := a.service(ctx, storeRequired)
	if err != nil {
		return err
	}
	defer rt.close()
	opts := []bot.Option{bot.WithLogger(a.log), bot.WithFeedbackStore(bot.StoreFeedback(rt.store)),
		bot.WithCatalog(rt.svc), bot.WithTrainer(rt.svc.Trainer())}
	if rt.store != nil {
		// Button keys and the updates a shutdown leaves survive restarts.
		opts = append(opts, bot.WithStore(rt.store))
	}
	b, err := bot.New(ctx, a.botConfig(), rt.svc, opts...)
	if err != nil {
		return fmt.Errorf("start telegram bot: %w", err)
	}
	a.log.Info("serving telegram", "bot", b.Username(), "webhook", a.cfg.WebhookURL != "", "articles", len(rt.in.articles), "chunks", len(rt.in.chunks), "llm", a.cfg.LLMEnabled())
	return b.Run(ctx)
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
		UserRate:         perMinute(c.UserPerMinute),
		ChatRate:         perMinute(c.ChatPerMinute),
		Workers:          c.Workers,
		MaxQuestionRunes: c.MaxQuestionRunes,
		AnswerTimeout:    c.LLMTimeout + time.Minute,
	}
}

// perMinute turns "n questions a minute" into a token bucket that allows a
// short burst; 0 turns the limit off.
func perMinute(n int) bot.RateLimit {
	if n <= 0 {
		return bot.RateLimit{Burst: -1}
	}
	return bot.RateLimit{Burst: max(1, n/2), Every: time.Minute / time.Duration(n)}
}
