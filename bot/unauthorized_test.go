package bot

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestRevokedTokenStopsRun: once Telegram answers 401 (token revoked in
// BotFather), Run returns a clear error instead of polling forever.
func TestRevokedTokenStopsRun(t *testing.T) {
	t.Parallel()
	h := setup(t, testConfig(), realCore(t))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	errc := make(chan error, 1)
	go func() { errc <- h.bot.Run(ctx) }()
	// Served normally first.
	h.say(h.dm, h.user, "什么是四单工作法？")
	h.waitFinal(h.dm.ID, 1)

	h.srv.RevokeToken()
	// Wake the long poll in flight; the next getUpdates meets the 401.
	h.say(h.dm, h.user, "还在吗？")
	select {
	case err := <-errc:
		if !errors.Is(err, ErrUnauthorized) {
			t.Fatalf("Run returned %v, want ErrUnauthorized", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Run still polling 20 s after the token was revoked")
	}
}
