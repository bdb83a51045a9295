package main

import (
	"testing"
	"time"

	"bangyang/bot"
	"bangyang/config"
)

// The bot gets the settings as config read them, and its reply deadline
// from the one timeout chain.
func TestBotConfigFromSettings(t *testing.T) {
	cfg := config.Default()
	cfg.LLMTimeout = 20 * time.Second
	cfg.UserPerMinute, cfg.ChatPerMinute = 0, 30
	a := &app{cfg: cfg}
	bc := a.botConfig()
	if bc.AnswerTimeout != cfg.Timeouts().Reply || bc.AnswerTimeout != 80*time.Second {
		t.Errorf("AnswerTimeout %v, want the chain's reply deadline %v", bc.AnswerTimeout, cfg.Timeouts().Reply)
	}
	if bc.UserRate != (bot.RateLimit{Burst: -1}) {
		t.Errorf("BANGYANG_USER_PER_MINUTE=0 gave %+v, want no limit", bc.UserRate)
	}
	if bc.ChatRate != (bot.RateLimit{Burst: 15, Every: 2 * time.Second}) {
		t.Errorf("BANGYANG_CHAT_PER_MINUTE=30 gave %+v, want 15 at once then one every 2 s", bc.ChatRate)
	}
	if bc.WebhookListen != config.DefaultWebhookListen || bc.MaxQuestionRunes != config.DefaultMaxQuestionRunes || bc.Workers != config.DefaultWorkers {
		t.Errorf("listen %q, longest question %d, workers %d: not the settings' defaults", bc.WebhookListen, bc.MaxQuestionRunes, bc.Workers)
	}
}
