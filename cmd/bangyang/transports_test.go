package main

import (
	"bytes"
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"bangyang/bot/telegramtest"
)

// TestServeAndChatOfferTheSameCommands runs the program both ways, as it
// is wired: the menu the bot publishes on Telegram and the commands the
// terminal chat's /help names (listed, or named as needing Telegram) are
// the same list.
func TestServeAndChatOfferTheSameCommands(t *testing.T) {
	srv := telegramtest.New(t, telegramtest.Options{})
	for _, k := range []string{"LLM_MODEL", "EMBED_MODEL", "BANGYANG_CORPUS", "TELEGRAM_WEBHOOK_URL"} {
		t.Setenv(k, "")
	}
	t.Setenv("TELEGRAM_BOT_TOKEN", srv.Token())
	t.Setenv("TELEGRAM_API_URL", srv.URL())
	data := t.TempDir()
	t.Setenv("BANGYANG_DATA_DIR", data)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	var stderr bytes.Buffer
	go func() { done <- run(ctx, []string{"serve"}, strings.NewReader(""), &bytes.Buffer{}, &stderr) }()
	var menu []string
	ok := srv.WaitUntil(30*time.Second, func() bool {
		menu = nil
		for _, c := range srv.Commands("default", "zh") {
			menu = append(menu, c.Command)
		}
		return len(menu) > 0
	})
	cancel()
	if code := <-done; !ok || code != 0 {
		t.Fatalf("no menu (exit %d):\n%s", code, stderr.String())
	}

	out, errs, code := runCLI(t, data, "/help\n", "chat")
	if code != 0 {
		t.Fatalf("chat exit %d: %s", code, errs)
	}
	i := strings.Index(out, "/ask 问题 —")
	if i < 0 {
		t.Fatalf("no command list in /help:\n%s", out)
	}
	var chat []string
	for _, m := range regexp.MustCompile(`(?m)(?:^|[\s：])/([a-z_]+)`).FindAllStringSubmatch(out[i:], -1) {
		if n := m[1]; n != "quit" && !slices.Contains(chat, n) {
			chat = append(chat, n)
		}
	}
	slices.Sort(menu)
	slices.Sort(chat)
	if !slices.Equal(menu, chat) {
		t.Errorf("Telegram menu %v\nterminal /help %v\n%s", menu, chat, out)
	}
}
