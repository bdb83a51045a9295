package bot

import (
	"context"
	"errors"
	"strings"
	"testing"

	"bangyang/bot/telegramtest"
)

// A token copied with a trailing newline (a secret file written by echo, a
// CRLF .env) is the same token; and whatever goes wrong, the token never
// appears in an error that cmd/ prints or logs.
func TestTokenNeverInErrors(t *testing.T) {
	t.Parallel()
	srv := telegramtest.New(t, telegramtest.Options{})
	b, err := New(context.Background(), Config{Token: srv.Token() + "\r\n", APIURL: srv.URL()}, newFakeCore(), WithLogger(discardLogger()))
	if err != nil {
		t.Fatalf("token with a trailing newline: %v", err)
	}
	if b.Username() != srv.Bot().Username {
		t.Errorf("username %q", b.Username())
	}
	secret := strings.SplitN(srv.Token(), ":", 2)[1]
	for _, apiURL := range []string{srv.URL() + " ", "http://[::1", srv.URL() + "\n"} {
		_, err := New(context.Background(), Config{Token: srv.Token(), APIURL: apiURL}, newFakeCore(), WithLogger(discardLogger()))
		if err == nil {
			t.Fatalf("API URL %q: no error", apiURL)
		}
		if strings.Contains(err.Error(), secret) {
			t.Errorf("API URL %q: the token is in the error: %v", apiURL, err)
		}
	}
	// The chain survives the masking.
	inner := errors.New("parse http://x/bot" + srv.Token() + "/getMe: bad")
	if red := redact(inner, srv.Token()); !errors.Is(red, inner) || strings.Contains(red.Error(), secret) {
		t.Errorf("redact: %v", red)
	}
}
