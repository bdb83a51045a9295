package llm

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"bangyang/llm/openaitest"
)

// syncBuffer is a log sink safe for the watchdog and test goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// testClient returns a client for srv with short timeouts, and its debug log.
func testClient(t *testing.T, baseURL string, mod func(*Config)) (*Client, *syncBuffer) {
	t.Helper()
	logs := &syncBuffer{}
	cfg := Config{
		BaseURL:    baseURL,
		ChatModel:  "chat-m",
		EmbedModel: "embed-m",
		// Generous: other packages' tests load the machine. Timeout tests set short values.
		Timeout:           10 * time.Second,
		FirstTokenTimeout: 3 * time.Second,
		IdleTimeout:       3 * time.Second,
		EmbedTimeout:      3 * time.Second,
		MaxRetryWait:      time.Second,
		Logger:            slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	}
	if mod != nil {
		mod(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c, logs
}

func newServer(t *testing.T) *openaitest.Server {
	t.Helper()
	s := openaitest.New()
	t.Cleanup(s.Close)
	return s
}

func user(q string) []Message { return []Message{{Role: "user", Content: q}} }

// wantKind checks err wraps kind (and no other sentinel).
func wantKind(t *testing.T, err, kind error) *Error {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %v", kind)
	}
	for _, k := range []error{ErrUnavailable, ErrRateLimited, ErrBadResponse, ErrAuth, ErrRejected} {
		if got := errors.Is(err, k); got != (k == kind) {
			t.Fatalf("errors.Is(err, %q) = %v; err: %v", k, got, err)
		}
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %T is not *llm.Error: %v", err, err)
	}
	return e
}

func mustContain(t *testing.T, s string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(s, p) {
			t.Errorf("%q does not contain %q", s, p)
		}
	}
}
