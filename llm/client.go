// Package llm is the model adapter: chat (streaming and not) and embeddings against any
// OpenAI-compatible server (OpenAI, Ollama, vLLM, llama.cpp server, DeepSeek, Qwen), with timeouts,
// bounded retries and errors sorted into a few kinds callers can fall back on. It is the only
// package that imports go-openai.
package llm

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"bangyang/prompts"
)

// Message is one chat message (prompts.Message: the type the model's users
// write their prompts in, so they need not import this package).
type Message = prompts.Message

// Client talks to one OpenAI-compatible server. It is safe for concurrent use.
type Client struct {
	cfg Config
	api *openai.Client
	log *slog.Logger
	// learntDims is the vector size seen first when Config.EmbedDims is 0: every later
	// vector must match it, or an index would mix sizes.
	learntDims atomic.Int64
}

// New checks cfg, applies defaults and builds a client. It does not contact the server.
func New(cfg Config) (*Client, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	oc := openai.DefaultConfig(cfg.APIKey) // an empty key sends no Authorization header
	oc.BaseURL = cfg.BaseURL
	oc.HTTPClient = recordingDoer{hc: &http.Client{Transport: newTransport()}}
	return &Client{cfg: cfg, api: openai.NewClientWithConfig(oc), log: cfg.Logger}, nil
}

// newTransport is the default transport (proxy from the environment included) with a bounded
// dial, so a blackholed host fails like a refused one instead of waiting for the OS timeout.
// There is no overall client timeout: contexts bound every request, streams included.
func newTransport() http.RoundTripper {
	base, ok := http.DefaultTransport.(*http.Transport)
	if !ok {
		return http.DefaultTransport
	}
	tr := base.Clone()
	tr.DialContext = (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext
	tr.TLSHandshakeTimeout = 10 * time.Second
	return tr
}

// Config returns the effective configuration (defaults applied).
func (c *Client) Config() Config { return c.cfg }

// String describes the client without the API key.
func (c *Client) String() string {
	return fmt.Sprintf("llm.Client{base=%s chat=%q embed=%q key=%s}",
		redactURL(c.cfg.BaseURL), c.cfg.ChatModel, c.cfg.EmbedModel, keyState(c.cfg.APIKey))
}

// LogValue keeps slog from printing the key.
func (c *Client) LogValue() slog.Value { return c.cfg.LogValue() }

// scrub removes secrets from text that came from the server or the transport: some servers
// echo the key they were given in their 401 message, and a BaseURL may carry a password. Very
// short keys ("ollama", "x") are dummy values whose replacement would only mangle messages.
func (c *Client) scrub(e *Error) *Error {
	for _, secret := range c.secrets() {
		e.Message = strings.ReplaceAll(e.Message, secret, "[redacted]")
		if e.Err != nil && strings.Contains(e.Err.Error(), secret) {
			e.Err = redactedError{kind: e.Err, msg: strings.ReplaceAll(e.Err.Error(), secret, "[redacted]")}
		}
	}
	return e
}

func (c *Client) secrets() []string {
	var out []string
	if len(c.cfg.APIKey) >= 8 {
		out = append(out, c.cfg.APIKey)
	}
	if u, err := url.Parse(c.cfg.BaseURL); err == nil && u.User != nil {
		if p, ok := u.User.Password(); ok && len(p) >= 4 {
			out = append(out, p)
		}
	}
	return out
}

// redactedError keeps errors.Is/As working on an error whose text had to be rewritten.
type redactedError struct {
	kind error
	msg  string
}

func (r redactedError) Error() string { return r.msg }
func (r redactedError) Unwrap() error { return r.kind }

// retryWait returns how long to wait before the next attempt and whether to make one at all.
func (c *Client) retryWait(e *Error, attempt int) (time.Duration, bool) {
	if attempt > c.cfg.MaxRetries || !e.retryable() {
		return 0, false
	}
	if e.RetryAfter > 0 {
		if e.RetryAfter > c.cfg.MaxRetryWait {
			return 0, false // waiting that long is worse than falling back now
		}
		return e.RetryAfter, true
	}
	// Short exponential backoff with jitter: 200ms, 400ms, ... capped.
	d := 200 * time.Millisecond << (attempt - 1)
	d += rand.N(d / 2)
	return min(d, c.cfg.MaxRetryWait), true
}

// sleep waits d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

var errNoMessages = errors.New("no messages")
