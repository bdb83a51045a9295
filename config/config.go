// Package config reads bangyang's settings from the environment and an
// optional .env file. The real environment wins over .env, so secrets can
// stay out of files in production. Every setting is listed in .env.example.
package config

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/joho/godotenv"
)

// Defaults: what each setting is when it is unset (or empty). They are
// defined here only: bot, core and llm take their zero-value defaults from
// these, and .env.example and the READMEs state them (config's tests
// check the documents against them).
const (
	DefaultLLMBaseURL       = "https://api.openai.com/v1"
	DefaultLLMTimeout       = 60 * time.Second
	DefaultLLMMaxTokens     = 1024 // a cited answer of a few paragraphs is 300–800 tokens of Chinese
	DefaultTelegramAPIURL   = "https://api.telegram.org"
	DefaultWebhookListen    = ":8443"
	DefaultUserPerMinute    = 10
	DefaultChatPerMinute    = 20
	DefaultWorkers          = 8
	DefaultMaxQuestionRunes = 1000
	DefaultConversationTTL  = 90 * 24 * time.Hour
	DefaultWatchInterval    = 30 * time.Second
	DefaultLogLevel         = "info"
	DefaultLogFormat        = "text"
)

// Timeouts is the one chain of answer deadlines, every one derived from
// LLM_TIMEOUT. Each stage waits 30 s longer than the stage inside it, so
// the inner deadline fires first and is reported for what it is (the
// model was slow, the answer fell back) rather than as the outer giving up.
type Timeouts struct {
	// Model bounds one model call, retries included (llm.Config.Timeout):
	// LLM_TIMEOUT.
	Model time.Duration
	// Answer bounds one generated answer before core falls back to the
	// extractive one (core.Options.ModelTimeout): Model + 30 s.
	Answer time.Duration
	// Reply bounds the bot's whole handling of one question, search,
	// fallback and sending included (bot.Config.AnswerTimeout): Answer + 30 s.
	Reply time.Duration
}

// timeoutMargin is what each stage of Timeouts adds to the one inside it.
const timeoutMargin = 30 * time.Second

// TimeoutsFor derives the chain from a model timeout (0: DefaultLLMTimeout).
func TimeoutsFor(llmTimeout time.Duration) Timeouts {
	if llmTimeout <= 0 {
		llmTimeout = DefaultLLMTimeout
	}
	return Timeouts{Model: llmTimeout, Answer: llmTimeout + timeoutMargin, Reply: llmTimeout + 2*timeoutMargin}
}

// Timeouts is the deadline chain of this configuration.
func (c Config) Timeouts() Timeouts { return TimeoutsFor(c.LLMTimeout) }

// Default is the configuration with nothing set.
func Default() Config {
	c, _ := FromLookup(func(string) (string, bool) { return "", false })
	return c
}

// Config is every setting bangyang reads.
type Config struct {
	// Corpus
	CorpusDirs      []string // BANGYANG_CORPUS, list separated by the OS path-list separator or commas
	NoDefaultCorpus bool     // BANGYANG_NO_DEFAULT_CORPUS
	DataDir         string   // BANGYANG_DATA_DIR
	TopicsFile      string   // BANGYANG_TOPICS: operator's topic lexicon, added to the shipped one

	// Model (optional: without it bangyang answers extractively)
	LLMBaseURL string        // LLM_BASE_URL
	LLMAPIKey  string        // LLM_API_KEY (never logged)
	LLMModel   string        // LLM_MODEL
	LLMTimeout time.Duration // LLM_TIMEOUT
	// LLMMaxTokens is LLM_MAX_TOKENS (default DefaultLLMMaxTokens; 0
	// means the default too).
	LLMMaxTokens int
	// CatalogModel: the model also reads each article once for the catalog
	// (leader, role, place, methods; checked against the text).
	CatalogModel bool // BANGYANG_CATALOG_MODEL

	// Embeddings (optional: without EMBED_MODEL the built-in embedder is used)
	EmbedBaseURL string // EMBED_BASE_URL, defaults to LLM_BASE_URL
	EmbedAPIKey  string // EMBED_API_KEY, defaults to LLM_API_KEY
	EmbedModel   string // EMBED_MODEL
	EmbedDims    int    // EMBED_DIMS

	// Telegram (optional: without a token bangyang chats in the terminal)
	TelegramToken    string  // TELEGRAM_BOT_TOKEN (never logged)
	TelegramAPIURL   string  // TELEGRAM_API_URL
	WebhookURL       string  // TELEGRAM_WEBHOOK_URL: set → webhook mode
	WebhookListen    string  // TELEGRAM_WEBHOOK_LISTEN
	WebhookSecret    string  // TELEGRAM_WEBHOOK_SECRET (never logged)
	AllowedChats     []int64 // BANGYANG_ALLOWED_CHATS
	AllowedUsers     []int64 // BANGYANG_ALLOWED_USERS
	Admins           []int64 // BANGYANG_ADMINS
	UserPerMinute    int     // BANGYANG_USER_PER_MINUTE
	ChatPerMinute    int     // BANGYANG_CHAT_PER_MINUTE
	Workers          int     // BANGYANG_WORKERS (0 means the default too)
	MaxQuestionRunes int     // BANGYANG_MAX_QUESTION (0 means the default too)
	// AddAllowPrivate lets /add fetch pages on loopback, private and
	// link-local addresses (BANGYANG_ADD_ALLOW_PRIVATE; off: refused, so a
	// URL cannot reach the machine's own services or cloud metadata).
	AddAllowPrivate bool

	// ConversationTTL is BANGYANG_CONVERSATION_TTL: a conversation idle
	// this long is forgotten (default DefaultConversationTTL; 0 keeps them
	// forever).
	ConversationTTL time.Duration

	LogLevel  slog.Level // LOG_LEVEL: debug, info, warn, error
	LogFormat string     // LOG_FORMAT: text or json

	// MetricsListen serves /metrics and /healthz (BANGYANG_METRICS_LISTEN; empty: off).
	MetricsListen string
	// WatchInterval is how often serve looks for changed files in the
	// corpus folders (BANGYANG_WATCH_INTERVAL; 0: never).
	WatchInterval time.Duration
}

// LLMEnabled reports whether a chat model is configured.
func (c Config) LLMEnabled() bool { return c.LLMModel != "" }

// Lookup returns a setting's value and whether it is set.
type Lookup func(key string) (string, bool)

// Load reads settings from the process environment, falling back to the
// .env file at envFile (ignored if it does not exist).
func Load(envFile string) (Config, error) {
	fileVals := map[string]string{}
	if envFile != "" {
		m, err := godotenv.Read(envFile)
		switch {
		case err == nil:
			fileVals = m
		case errors.Is(err, os.ErrNotExist):
		default:
			// godotenv's message quotes the text it choked on: the value
			// of an unterminated quote, or the whole rest of the file
			// after a bad name. Only where and what kind are told.
			return Config{}, envSyntaxError(envFile, err)
		}
	}
	return FromLookup(func(k string) (string, bool) {
		if v, ok := os.LookupEnv(k); ok {
			return v, true
		}
		v, ok := fileVals[k]
		return v, ok
	})
}

// FromLookup builds a Config from any source of settings.
func FromLookup(look Lookup) (Config, error) {
	get := func(k, def string) string {
		if v, ok := look(k); ok && strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
		return def
	}
	var errs []error
	intVal := func(k string, def int) int {
		s := get(k, "")
		if s == "" {
			return def
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			errs = append(errs, fmt.Errorf("%s=%q: want a non-negative integer", k, s))
			return def
		}
		return n
	}
	ids := func(k string) []int64 {
		var out []int64
		for _, f := range splitList(get(k, "")) {
			n, err := strconv.ParseInt(f, 10, 64)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %q is not a Telegram id", k, f))
				continue
			}
			out = append(out, n)
		}
		return out
	}
	dur := func(k string, def time.Duration) time.Duration {
		s := get(k, "")
		if s == "" {
			return def
		}
		d, err := time.ParseDuration(s)
		if err != nil {
			if n, err2 := strconv.Atoi(s); err2 == nil {
				return time.Duration(n) * time.Second
			}
			if n, err2 := strconv.Atoi(strings.TrimSuffix(s, "d")); err2 == nil && strings.HasSuffix(s, "d") && n >= 0 {
				return time.Duration(n) * 24 * time.Hour // "90d"
			}
			errs = append(errs, fmt.Errorf("%s=%q: want a duration like 60s or 90d", k, s))
			return def
		}
		return d
	}
	boolVal := func(k string) bool {
		s := strings.ToLower(get(k, ""))
		switch s {
		case "", "0", "false", "no", "off":
			return false
		case "1", "true", "yes", "on":
			return true
		}
		errs = append(errs, fmt.Errorf("%s=%q: want true or false", k, s))
		return false
	}

	c := Config{
		CorpusDirs:      splitList(get("BANGYANG_CORPUS", "")),
		NoDefaultCorpus: boolVal("BANGYANG_NO_DEFAULT_CORPUS"),
		TopicsFile:      get("BANGYANG_TOPICS", ""),
		DataDir:         get("BANGYANG_DATA_DIR", DefaultDataDir()),

		LLMBaseURL:   get("LLM_BASE_URL", DefaultLLMBaseURL),
		LLMAPIKey:    get("LLM_API_KEY", ""),
		LLMModel:     get("LLM_MODEL", ""),
		LLMTimeout:   dur("LLM_TIMEOUT", DefaultLLMTimeout),
		LLMMaxTokens: intVal("LLM_MAX_TOKENS", DefaultLLMMaxTokens),

		CatalogModel: boolVal("BANGYANG_CATALOG_MODEL"),

		EmbedModel: get("EMBED_MODEL", ""),
		EmbedDims:  intVal("EMBED_DIMS", 0),

		TelegramToken:    get("TELEGRAM_BOT_TOKEN", ""),
		TelegramAPIURL:   get("TELEGRAM_API_URL", DefaultTelegramAPIURL),
		WebhookURL:       get("TELEGRAM_WEBHOOK_URL", ""),
		WebhookListen:    get("TELEGRAM_WEBHOOK_LISTEN", DefaultWebhookListen),
		WebhookSecret:    get("TELEGRAM_WEBHOOK_SECRET", ""),
		AllowedChats:     ids("BANGYANG_ALLOWED_CHATS"),
		AllowedUsers:     ids("BANGYANG_ALLOWED_USERS"),
		Admins:           ids("BANGYANG_ADMINS"),
		UserPerMinute:    intVal("BANGYANG_USER_PER_MINUTE", DefaultUserPerMinute),
		ChatPerMinute:    intVal("BANGYANG_CHAT_PER_MINUTE", DefaultChatPerMinute),
		Workers:          intVal("BANGYANG_WORKERS", DefaultWorkers),
		MaxQuestionRunes: intVal("BANGYANG_MAX_QUESTION", DefaultMaxQuestionRunes),
		AddAllowPrivate:  boolVal("BANGYANG_ADD_ALLOW_PRIVATE"),
		ConversationTTL:  dur("BANGYANG_CONVERSATION_TTL", DefaultConversationTTL),
		MetricsListen:    get("BANGYANG_METRICS_LISTEN", ""),
		WatchInterval:    dur("BANGYANG_WATCH_INTERVAL", DefaultWatchInterval),
	}
	// 0 would mean "no limit" nowhere: these read it as the default.
	if c.LLMMaxTokens == 0 {
		c.LLMMaxTokens = DefaultLLMMaxTokens
	}
	if c.MaxQuestionRunes == 0 {
		c.MaxQuestionRunes = DefaultMaxQuestionRunes
	}
	if c.Workers == 0 {
		c.Workers = DefaultWorkers
	}
	switch c.LogFormat = strings.ToLower(get("LOG_FORMAT", DefaultLogFormat)); c.LogFormat {
	case "text", "json":
	default:
		errs = append(errs, fmt.Errorf("LOG_FORMAT=%q: want text or json", c.LogFormat))
	}
	if c.MetricsListen != "" && c.WebhookURL != "" && c.MetricsListen == c.WebhookListen {
		errs = append(errs, errors.New("BANGYANG_METRICS_LISTEN must differ from TELEGRAM_WEBHOOK_LISTEN"))
	}
	c.EmbedBaseURL = get("EMBED_BASE_URL", c.LLMBaseURL)
	c.EmbedAPIKey = get("EMBED_API_KEY", c.LLMAPIKey)
	if c.WebhookURL != "" && c.WebhookSecret == "" {
		errs = append(errs, errors.New("TELEGRAM_WEBHOOK_URL is set but TELEGRAM_WEBHOOK_SECRET is empty: a webhook without a secret accepts forged updates"))
	}
	switch strings.ToLower(get("LOG_LEVEL", DefaultLogLevel)) {
	case "debug":
		c.LogLevel = slog.LevelDebug
	case "info":
		c.LogLevel = slog.LevelInfo
	case "warn", "warning":
		c.LogLevel = slog.LevelWarn
	case "error":
		c.LogLevel = slog.LevelError
	default:
		errs = append(errs, fmt.Errorf("LOG_LEVEL=%q: want debug, info, warn or error", get("LOG_LEVEL", "")))
	}
	return c, errors.Join(errs...)
}

// Secrets are the settings that must never appear in a log: the logger
// masks each of them (see package logging).
func (c Config) Secrets() []string {
	return []string{c.TelegramToken, c.LLMAPIKey, c.EmbedAPIKey, c.WebhookSecret}
}

// LogValue keeps secrets out of logs: only whether they are set is shown.
func (c Config) LogValue() slog.Value {
	set := func(s string) string {
		if s == "" {
			return "unset"
		}
		return "set"
	}
	return slog.GroupValue(
		slog.Any("corpus", c.CorpusDirs),
		slog.Bool("no_default_corpus", c.NoDefaultCorpus),
		slog.String("topics", c.TopicsFile),
		slog.String("data_dir", c.DataDir),
		slog.String("llm_base_url", c.LLMBaseURL),
		slog.String("llm_model", c.LLMModel),
		slog.String("llm_api_key", set(c.LLMAPIKey)),
		slog.String("embed_model", c.EmbedModel),
		slog.String("telegram_token", set(c.TelegramToken)),
		slog.String("telegram_api_url", c.TelegramAPIURL),
		slog.String("webhook_url", c.WebhookURL),
	)
}

// DefaultDataDir is where the index and conversations live when
// BANGYANG_DATA_DIR is unset: the user's data directory, so bangyang
// works the same from any working directory.
func DefaultDataDir() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "bangyang")
	}
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		return filepath.Join(home, ".local", "share", "bangyang")
	}
	return filepath.Join(os.TempDir(), "bangyang")
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == os.PathListSeparator
	}) {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// envSyntaxError describes a .env syntax error without any of the file's
// values: the kind of mistake and the line it is on.
func envSyntaxError(path string, err error) error {
	raw, rerr := os.ReadFile(path)
	if rerr != nil {
		return fmt.Errorf("read %s: %w", path, rerr)
	}
	msg := err.Error()
	kind := "invalid syntax"
	switch {
	case strings.HasPrefix(msg, "unterminated quoted value"):
		kind = "a quoted value is not closed"
	case strings.HasPrefix(msg, "unexpected character"):
		kind = "a setting name has a character other than letters, digits, _ and ."
	}
	if line := envBadLine(string(raw)); line > 0 {
		return fmt.Errorf("%s line %d: %s (values are not shown)", path, line, kind)
	}
	return fmt.Errorf("%s: %s (values are not shown)", path, kind)
}

// envBadLine finds the first line that is not NAME=value, a comment or
// blank, or whose quoted value does not close on the same line; 0 if none.
func envBadLine(src string) int {
	for i, line := range strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		t = strings.TrimPrefix(t, "export ")
		eq := strings.IndexAny(t, "=:")
		if eq <= 0 {
			return i + 1
		}
		for _, r := range strings.TrimSpace(t[:eq]) {
			if !(r == '_' || r == '.' || unicode.IsLetter(r) || unicode.IsNumber(r)) {
				return i + 1
			}
		}
		v := strings.TrimSpace(t[eq+1:])
		if v != "" && (v[0] == '"' || v[0] == '\'' || v[0] == '`') && !closes(v[1:], v[0]) {
			return i + 1
		}
	}
	return 0
}

func closes(s string, q byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && q == '"' {
			i++
			continue
		}
		if s[i] == q {
			return true
		}
	}
	return false
}
