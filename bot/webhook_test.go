package bot

import (
	"context"
	"fmt"
	"io"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bangyang/bot/telegramtest"
	"bangyang/store"
)

// A webhook client that knows the secret but sends its request slowly (a
// byte now and then) is cut off by the server's read timeouts instead of
// holding a connection and a goroutine for as long as it likes.
func TestReliabilityWebhookSlowClient(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	cfg := testConfig()
	cfg.WebhookURL = "http://" + ln.Addr().String() + "/tg/hook"
	cfg.WebhookSecret = "s3cret-token"
	h := setup(t, cfg, newFakeCore(), withWebhookTimeouts(200*time.Millisecond, 300*time.Millisecond))
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel = cancel
	go func() {
		if err := h.bot.ServeWebhook(ctx, ln); err != nil {
			t.Errorf("ServeWebhook: %v", err)
		}
		close(h.done)
	}()
	t.Cleanup(h.stop)
	if !h.srv.WaitUntil(5*time.Second, func() bool { u, _ := h.srv.Webhook(); return u != "" }) {
		t.Fatal("webhook not registered")
	}
	for _, tc := range []struct {
		name string
		head string // sent at once; then the rest a byte every 40 ms
		rest string
	}{
		{"slow body", fmt.Sprintf("POST /tg/hook HTTP/1.1\r\nHost: x\r\nX-Telegram-Bot-Api-Secret-Token: %s\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n", cfg.WebhookSecret), `{"update_id":1,"message":{}}` + string(make([]byte, 300))},
		{"slow header", "POST /tg/hook HTTP/1.1\r\n", "Host: x\r\nX-Telegram-Bot-Api-Secret-Token: " + cfg.WebhookSecret + "\r\nX-Padding: " + string(make([]byte, 200))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			conn, err := net.Dial("tcp", ln.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			began := time.Now()
			if _, err := io.WriteString(conn, tc.head); err != nil {
				t.Fatal(err)
			}
			closed := make(chan time.Duration, 1)
			go func() {
				// The server answers (408/400) or closes; either ends the read.
				_, _ = io.Copy(io.Discard, conn)
				closed <- time.Since(began)
			}()
			for i := 0; i < len(tc.rest); i++ {
				select {
				case d := <-closed:
					t.Logf("%s: the server dropped the connection after %v (%d of %d bytes sent)", tc.name, d.Round(time.Millisecond), i, len(tc.rest))
					return
				case <-time.After(40 * time.Millisecond):
				}
				if _, err := conn.Write([]byte{tc.rest[i]}); err != nil {
					t.Logf("%s: the server dropped the connection after %v", tc.name, time.Since(began).Round(time.Millisecond))
					return
				}
				if time.Since(began) > 3*time.Second {
					break
				}
			}
			t.Errorf("%s: a slow client held the connection for %v", tc.name, time.Since(began))
		})
	}
	// The webhook still serves.
	h.say(h.dm, h.user, "格线化管理怎么做？")
	h.waitFinal(h.dm.ID, 1)
}

// In webhook mode too, updates taken but not answered before a shutdown
// are saved and answered after the restart (here in polling mode).
func TestReliabilityWebhookRestartLosesNothing(t *testing.T) {
	t.Parallel()
	db, err := store.Open(filepath.Join(t.TempDir(), "bangyang.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := telegramtest.New(t, telegramtest.Options{})
	cfg := testConfig()
	cfg.UserRate, cfg.ChatRate = RateLimit{Burst: -1}, RateLimit{Burst: -1}
	cfg.ShutdownTimeout = 100 * time.Millisecond
	hookCfg := cfg
	hookCfg.WebhookURL = "http://" + ln.Addr().String() + "/tg/hook"
	fc := newFakeCore()
	fc.answer, fc.delay = echoAnswer, 20*time.Millisecond
	first := attach(t, srv, hookCfg, fc, WithStore(db))
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan struct{})
	go func() {
		if err := first.bot.ServeWebhook(ctx, ln); err != nil {
			t.Errorf("ServeWebhook: %v", err)
		}
		close(served)
	}()
	if !srv.WaitUntil(5*time.Second, func() bool { u, _ := srv.Webhook(); return u != "" }) {
		t.Fatal("webhook not registered")
	}
	var questions []string
	for k := 0; k < 20; k++ {
		u := telegramtest.User{ID: int64(7000 + k), FirstName: "用户"}
		q := fmt.Sprintf("网络钩子问题%d", k)
		questions = append(questions, q)
		if _, err := srv.SendText(srv.PrivateChat(u), u, q); err != nil {
			t.Fatal(err)
		}
	}
	cancel()
	<-served
	before := 0
	for k := range questions {
		before += len(finals(srv, int64(7000+k)))
	}

	second := attach(t, srv, cfg, fc, WithStore(db))
	second.run()
	lost := func() (n int) {
		for k, q := range questions {
			found := false
			for _, m := range finals(srv, int64(7000+k)) {
				found = found || strings.Contains(m.Text, "《"+q+"》")
			}
			if !found {
				n++
			}
		}
		return n
	}
	srv.WaitUntil(10*time.Second, func() bool { return lost() == 0 })
	t.Logf("webhook stopped with %d questions taken: %d answered before, %d lost after the restart", len(questions), before, lost())
	if before == len(questions) {
		t.Error("all answered before the stop; the test needs a backlog")
	}
	if n := lost(); n > 0 {
		t.Errorf("%d questions lost", n)
	}
}
