package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"bangyang/bot/telegramtest"
)

// TestServeTelegramEndToEnd runs the real program with a token, against the
// strict fake Bot API: the bare command serves Telegram and answers.
func TestServeTelegramEndToEnd(t *testing.T) {
	srv := telegramtest.New(t, telegramtest.Options{})
	for _, k := range []string{"LLM_MODEL", "EMBED_MODEL", "BANGYANG_CORPUS", "TELEGRAM_WEBHOOK_URL"} {
		t.Setenv(k, "")
	}
	t.Setenv("TELEGRAM_BOT_TOKEN", srv.Token())
	t.Setenv("TELEGRAM_API_URL", srv.URL())
	t.Setenv("BANGYANG_DATA_DIR", t.TempDir())

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	var stderr bytes.Buffer
	go func() { done <- run(ctx, nil, strings.NewReader(""), &bytes.Buffer{}, &stderr) }()

	user := telegramtest.User{ID: 4242, FirstName: "小李"}
	dm := srv.PrivateChat(user)
	// The bot may still be building its index: keep the update queued.
	if _, err := srv.SendText(dm, user, "四單工作法包括哪些內容？"); err != nil {
		t.Fatal(err)
	}
	ok := srv.WaitUntil(30*time.Second, func() bool {
		for _, m := range srv.BotMessages(dm.ID) {
			if strings.Contains(m.Text, "民主議單") {
				return true
			}
		}
		return false
	})
	cancel()
	code := <-done
	if !ok {
		t.Fatalf("no answer; messages %+v\nstderr:\n%s", srv.BotMessages(dm.ID), stderr.String())
	}
	if code != 0 {
		t.Errorf("exit code %d after shutdown:\n%s", code, stderr.String())
	}
	if r := srv.Rejections(); len(r) != 0 {
		t.Errorf("the fake Bot API rejected calls: %+v", r)
	}
	if strings.Contains(stderr.String(), srv.Token()) {
		t.Error("the token was logged")
	}
}
