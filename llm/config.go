package llm

import (
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"bangyang/config"
)

// Defaults applied by New to zero Config fields. The two that are settings
// (LLM_TIMEOUT, LLM_MAX_TOKENS) are package config's.
const (
	DefaultTimeout           = config.DefaultLLMTimeout
	DefaultFirstTokenTimeout = 20 * time.Second
	DefaultIdleTimeout       = 20 * time.Second
	DefaultEmbedTimeout      = 30 * time.Second
	DefaultMaxRetries        = 1
	DefaultMaxRetryWait      = 5 * time.Second
	DefaultEmbedBatch        = 64
	// DefaultMaxTokens bounds a chat answer (max_tokens).
	DefaultMaxTokens = config.DefaultLLMMaxTokens
	// capBytesPerToken sizes the client's own cap on a streamed answer
	// (MaxTokens × this many bytes): a server that ignores max_tokens, or
	// a model that loops, is cut there instead of streaming megabytes.
	// Generous on purpose: a token is one to two Chinese characters, three
	// bytes each.
	capBytesPerToken = 16
	// MaxRetriesLimit bounds MaxRetries: a user waits on every retry.
	MaxRetriesLimit = 5
)

// Config describes one OpenAI-compatible server.
type Config struct {
	// BaseURL is the part before "/chat/completions" and "/embeddings", used as given:
	// Ollama "http://localhost:11434/v1", OpenAI "https://api.openai.com/v1",
	// DeepSeek "https://api.deepseek.com" (or ".../v1"), vLLM "http://host:8000/v1".
	BaseURL string
	// APIKey is sent as "Authorization: Bearer <key>"; empty sends no Authorization header
	// (local servers). It is never logged or put in an error message.
	APIKey     string
	ChatModel  string // required by Stream and Complete
	EmbedModel string // required by Embed
	// EmbedDims is the expected vector size (0: whatever the server returns, learnt from the
	// first response). It is part of Name(), so changing it forces an index rebuild.
	EmbedDims int
	// EmbedDimsParam sends EmbedDims as the "dimensions" request parameter (text-embedding-3-*
	// and servers that support shortening). Models without the parameter reject it.
	EmbedDimsParam bool
	// EmbedBatch is the number of texts per embeddings request (default 64).
	EmbedBatch int

	// Timeout bounds a whole Stream or Complete call, retries included (default 60s).
	Timeout time.Duration
	// FirstTokenTimeout: a chat stream that has produced no text this long after the call started
	// (retries included) is given up as unavailable (default 20s).
	FirstTokenTimeout time.Duration
	// IdleTimeout: a chat stream silent this long between chunks is given up (default 20s).
	IdleTimeout time.Duration
	// EmbedTimeout bounds one embeddings request (one batch attempt; default 30s).
	EmbedTimeout time.Duration
	// MaxRetries is the number of extra attempts after a 429, a 5xx or a connection failure
	// (default 1, at most MaxRetriesLimit; negative means none). A chat call is never retried
	// once text has reached the caller, nor after a timeout.
	MaxRetries int
	// MaxRetryWait caps the wait before a retry. A Retry-After longer than this is not waited
	// for: the call fails with ErrRateLimited so the caller can fall back (default 5s).
	MaxRetryWait time.Duration
	// MaxTokens is sent as max_tokens on chat requests (default DefaultMaxTokens; negative sends
	// none). A server that rejects the parameter is asked again with max_completion_tokens, then
	// without either. The streamed answer is also cut by the client at MaxTokens × 16 bytes.
	MaxTokens int
	// Temperature, when set, is sent as is (0 included); nil leaves the server's default.
	Temperature *float32

	// Logger receives debug/warn records (never the key). Nil discards them.
	Logger *slog.Logger
}

// withDefaults returns cfg with zero fields defaulted, or an error for an unusable config.
func (cfg Config) withDefaults() (Config, error) {
	cfg.BaseURL = strings.TrimSpace(cfg.BaseURL)
	if cfg.BaseURL == "" {
		return cfg, errors.New("llm: BaseURL is required (e.g. http://localhost:11434/v1 for Ollama, https://api.openai.com/v1)")
	}
	u, err := url.Parse(cfg.BaseURL)
	if err != nil {
		return cfg, fmt.Errorf("llm: BaseURL %q: %w", redactURL(cfg.BaseURL), err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return cfg, fmt.Errorf("llm: BaseURL %q must be an http:// or https:// URL with a host", redactURL(cfg.BaseURL))
	}
	p := strings.TrimRight(u.Path, "/")
	for _, suffix := range []string{"/chat/completions", "/embeddings", "/completions"} {
		if strings.HasSuffix(p, suffix) {
			return cfg, fmt.Errorf("llm: BaseURL %q must be the part before %s (e.g. http://localhost:11434/v1)",
				redactURL(cfg.BaseURL), suffix)
		}
	}
	cfg.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	cfg.ChatModel = strings.TrimSpace(cfg.ChatModel)
	cfg.EmbedModel = strings.TrimSpace(cfg.EmbedModel)
	cfg.APIKey = strings.TrimSpace(cfg.APIKey)
	if cfg.ChatModel == "" && cfg.EmbedModel == "" {
		return cfg, errors.New("llm: set ChatModel, EmbedModel or both")
	}
	if cfg.EmbedDims < 0 {
		return cfg, fmt.Errorf("llm: EmbedDims %d is negative", cfg.EmbedDims)
	}
	if cfg.EmbedDimsParam && cfg.EmbedDims == 0 {
		return cfg, errors.New("llm: EmbedDimsParam needs EmbedDims")
	}
	if cfg.Temperature != nil && (*cfg.Temperature < 0 || *cfg.Temperature > 2) {
		return cfg, fmt.Errorf("llm: Temperature %v is outside [0, 2]", *cfg.Temperature)
	}
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&cfg.Timeout, DefaultTimeout)
	def(&cfg.FirstTokenTimeout, DefaultFirstTokenTimeout)
	def(&cfg.IdleTimeout, DefaultIdleTimeout)
	def(&cfg.EmbedTimeout, DefaultEmbedTimeout)
	def(&cfg.MaxRetryWait, DefaultMaxRetryWait)
	switch {
	case cfg.MaxRetries == 0:
		cfg.MaxRetries = DefaultMaxRetries
	case cfg.MaxRetries < 0:
		cfg.MaxRetries = 0
	case cfg.MaxRetries > MaxRetriesLimit:
		cfg.MaxRetries = MaxRetriesLimit
	}
	if cfg.MaxTokens == 0 {
		cfg.MaxTokens = DefaultMaxTokens
	}
	if cfg.EmbedBatch <= 0 {
		cfg.EmbedBatch = DefaultEmbedBatch
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	return cfg, nil
}

// String describes the config without the API key.
func (cfg Config) String() string {
	return fmt.Sprintf("llm.Config{BaseURL:%s ChatModel:%q EmbedModel:%q EmbedDims:%d APIKey:%s}",
		redactURL(cfg.BaseURL), cfg.ChatModel, cfg.EmbedModel, cfg.EmbedDims, keyState(cfg.APIKey))
}

// GoString keeps %#v from printing the key.
func (cfg Config) GoString() string { return cfg.String() }

// LogValue keeps slog from printing the key.
func (cfg Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("base_url", redactURL(cfg.BaseURL)),
		slog.String("chat_model", cfg.ChatModel),
		slog.String("embed_model", cfg.EmbedModel),
		slog.Int("embed_dims", cfg.EmbedDims),
		slog.String("api_key", keyState(cfg.APIKey)),
	)
}

func keyState(key string) string {
	if key == "" {
		return "none"
	}
	return "set(redacted)"
}

// redactURL drops user info and the query (where keys hide in some gateways' URLs).
func redactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "<unparsable URL>"
	}
	if u.User != nil {
		u.User = url.User("redacted")
	}
	if u.RawQuery != "" {
		u.RawQuery = "redacted"
	}
	return u.String()
}

// answerCap is the most bytes of answer a chat stream delivers.
func (cfg Config) answerCap() int {
	if cfg.MaxTokens > 0 {
		return cfg.MaxTokens * capBytesPerToken
	}
	return DefaultMaxTokens * capBytesPerToken
}
