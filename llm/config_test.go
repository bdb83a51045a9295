package llm

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestNewValidates(t *testing.T) {
	t.Parallel()
	bad := map[string]Config{
		"no base url":     {ChatModel: "m"},
		"no scheme":       {BaseURL: "localhost:11434/v1", ChatModel: "m"},
		"ftp":             {BaseURL: "ftp://host/v1", ChatModel: "m"},
		"full endpoint":   {BaseURL: "http://localhost:11434/v1/chat/completions", ChatModel: "m"},
		"embeddings path": {BaseURL: "https://api.openai.com/v1/embeddings/", EmbedModel: "e"},
		"no models":       {BaseURL: "http://localhost:11434/v1"},
		"negative dims":   {BaseURL: "http://x/v1", EmbedModel: "e", EmbedDims: -1},
		"dims param":      {BaseURL: "http://x/v1", EmbedModel: "e", EmbedDimsParam: true},
		"temperature":     {BaseURL: "http://x/v1", ChatModel: "m", Temperature: new(float32(3))},
	}
	for name, cfg := range bad {
		if _, err := New(cfg); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	// Accepted as given: with or without /v1 (DeepSeek serves both), trailing slash trimmed.
	for _, u := range []string{"http://localhost:11434/v1", "https://api.deepseek.com", "http://10.0.0.2:8000/v1/"} {
		c, err := New(Config{BaseURL: u, ChatModel: "m"})
		if err != nil {
			t.Errorf("%s: %v", u, err)
			continue
		}
		if got := c.Config().BaseURL; got != strings.TrimRight(u, "/") {
			t.Errorf("BaseURL rewritten to %q", got)
		}
	}
}

func TestDefaults(t *testing.T) {
	t.Parallel()
	c, err := New(Config{BaseURL: "http://localhost:11434/v1", ChatModel: "m", MaxRetries: 99})
	if err != nil {
		t.Fatal(err)
	}
	cfg := c.Config()
	if cfg.Timeout != DefaultTimeout || cfg.FirstTokenTimeout != DefaultFirstTokenTimeout ||
		cfg.IdleTimeout != DefaultIdleTimeout || cfg.EmbedTimeout != DefaultEmbedTimeout ||
		cfg.EmbedBatch != DefaultEmbedBatch || cfg.MaxRetries != MaxRetriesLimit || cfg.Logger == nil {
		t.Errorf("defaults not applied: %+v", cfg)
	}
}

func TestRedaction(t *testing.T) {
	t.Parallel()
	const key = "sk-abcdefghijklmnop"
	cfg := Config{BaseURL: "https://user:pass@gw.example.com/v1?key=" + key, APIKey: key, ChatModel: "m"}
	for _, s := range []string{cfg.String(), cfg.GoString()} {
		if strings.Contains(s, key) || strings.Contains(s, "pass") {
			t.Errorf("leak: %s", s)
		}
	}
	if s := cfg.LogValue().String(); strings.Contains(s, key) {
		t.Errorf("leak: %s", s)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if s := c.String(); strings.Contains(s, key) || !strings.Contains(s, "set(redacted)") {
		t.Errorf("String: %s", s)
	}
	// Dummy short keys are not scrubbed out of messages (they would mangle them).
	short, _ := New(Config{BaseURL: "http://x/v1", APIKey: "ollama", ChatModel: "m"})
	e := short.scrub(&Error{Op: "chat", Kind: ErrRejected, Message: "ollama says no"})
	if e.Message != "ollama says no" {
		t.Errorf("short key scrubbed: %q", e.Message)
	}
}

func TestParseRetryAfter(t *testing.T) {
	t.Parallel()
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		h    map[string]string
		want time.Duration
	}{
		{map[string]string{"Retry-After": "3"}, 3 * time.Second},
		{map[string]string{"Retry-After": "0.5"}, 500 * time.Millisecond},
		{map[string]string{"Retry-After-Ms": "250", "Retry-After": "1"}, 250 * time.Millisecond},
		{map[string]string{"Retry-After": now.Add(10 * time.Second).Format(http.TimeFormat)}, 10 * time.Second},
		{map[string]string{"Retry-After": "soon"}, 0},
		{map[string]string{"Retry-After": "-4"}, 0},
		{nil, 0},
	}
	for _, tc := range cases {
		h := http.Header{}
		for k, v := range tc.h {
			h.Set(k, v)
		}
		if got := parseRetryAfter(h, now); got != tc.want {
			t.Errorf("%v → %v, want %v", tc.h, got, tc.want)
		}
	}
}
