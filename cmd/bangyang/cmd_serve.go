package main

import (
	"context"
	"errors"
)

// runServe serves Telegram.
func runServe(ctx context.Context, a *app, args []string) error {
	fs := a.flagSet("serve")
	if _, err := parseArgs(fs, args); err != nil {
		return err
	}
	if a.cfg.TelegramToken == "" {
		return usageError{"TELEGRAM_BOT_TOKEN is not set (see .env.example)"}
	}
	return errors.New("telegram transport not wired yet")
}
