// Package bot is bangyang's Telegram transport: it turns Telegram updates
// into questions for the core service and its answers into valid Telegram
// HTML, streamed while they are written. Telegram types stay in here.
package bot

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"bangyang/config"
	"bangyang/core"
	"bangyang/transport"
)

// Service is what the bot needs from the core (core.Service satisfies it).
type Service interface {
	// Answer answers one question; Request.ReplyTo continues an earlier
	// answer (a reply to it in a group).
	Answer(ctx context.Context, req core.Request, onText func(textSoFar string)) (*core.Answer, error)
	Reset(ctx context.Context, chat string) error
	LastSources(ctx context.Context, chat string) ([]core.Citation, error)
}

// Config is everything the transport needs; cmd/ and config/ fill it. A
// zero field means the default that package config documents for its
// setting (config.Default*), so a Bot built from a bare Config runs as the
// binary does with nothing set.
type Config struct {
	Token  string
	APIURL string // Bot API base URL (TELEGRAM_API_URL; default config.DefaultTelegramAPIURL)

	// WebhookURL switches from long polling to a webhook: the public HTTPS
	// URL Telegram posts to. Its path is served on WebhookListen.
	WebhookURL    string
	WebhookListen string // TELEGRAM_WEBHOOK_LISTEN (default config.DefaultWebhookListen, ":8443")
	WebhookSecret string // sent by Telegram in X-Telegram-Bot-Api-Secret-Token

	// Access: when AllowedChats or AllowedUsers is set, only those chats and
	// users (and Admins) are served.
	AllowedChats []int64
	AllowedUsers []int64
	Admins       []int64

	// UserRate and ChatRate limit questions (defaults: PerMinute of
	// config.DefaultUserPerMinute and config.DefaultChatPerMinute, 10 and
	// 20 a minute; Burst -1 turns a limit off). Admins are exempt.
	UserRate RateLimit
	ChatRate RateLimit

	Workers          int           // concurrent updates (default config.DefaultWorkers)
	MaxQuestionRunes int           // longer questions are refused (default config.DefaultMaxQuestionRunes)
	AnswerTimeout    time.Duration // per answer (default config.TimeoutsFor(0).Reply)
	ShutdownTimeout  time.Duration // in-flight answers may finish within it (default 30 s)

	// EditInterval is the first gap between streaming edits in groups
	// (default 1 s; it grows to MaxEditInterval and doubles on 429).
	EditInterval    time.Duration
	MaxEditInterval time.Duration // default 5 s
	// DraftInterval is the gap between draft updates in private chats
	// (default 400 ms).
	DraftInterval time.Duration
	// GroupMessagesPerMinute paces new messages per group (default 20).
	GroupMessagesPerMinute int

	// Training (training.go; when the Service also implements Trainer).
	// TrainingOpenPeriod is each quiz poll's open_period (default 45 s,
	// clamped to Telegram's 5–600 s). TrainingAnswerWait is how long a
	// question stays up before its passage is posted (default the open
	// period + 3 s for late answers; a shorter wait closes the poll first).
	// TrainingPause separates a passage from the next question (default
	// 5 s). CaseRevealDelay reveals a /case by itself (default 10 min;
	// negative: only on /reveal).
	TrainingOpenPeriod time.Duration
	TrainingAnswerWait time.Duration
	TrainingPause      time.Duration
	CaseRevealDelay    time.Duration
}

func (c *Config) defaults() {
	if c.APIURL == "" {
		c.APIURL = config.DefaultTelegramAPIURL
	}
	if c.WebhookListen == "" {
		c.WebhookListen = config.DefaultWebhookListen
	}
	if c.UserRate == (RateLimit{}) {
		c.UserRate = PerMinute(config.DefaultUserPerMinute)
	}
	if c.ChatRate == (RateLimit{}) {
		c.ChatRate = PerMinute(config.DefaultChatPerMinute)
	}
	if c.Workers <= 0 {
		c.Workers = config.DefaultWorkers
	}
	if c.MaxQuestionRunes <= 0 {
		c.MaxQuestionRunes = config.DefaultMaxQuestionRunes
	}
	if c.AnswerTimeout <= 0 {
		c.AnswerTimeout = config.TimeoutsFor(0).Reply
	}
	if c.ShutdownTimeout <= 0 {
		c.ShutdownTimeout = 30 * time.Second
	}
	if c.EditInterval <= 0 {
		c.EditInterval = time.Second
	}
	if c.MaxEditInterval <= 0 {
		c.MaxEditInterval = 5 * time.Second
	}
	if c.DraftInterval <= 0 {
		c.DraftInterval = 400 * time.Millisecond
	}
	if c.GroupMessagesPerMinute <= 0 {
		c.GroupMessagesPerMinute = 20
	}
}

// Option adjusts a Bot beyond its Config.
type Option func(*Bot)

// WithLogger sets the logger (default: records are discarded).
func WithLogger(l *slog.Logger) Option { return func(b *Bot) { b.log = l } }

// WithFeedbackStore records 👍/👎 presses (default: in memory).
func WithFeedbackStore(f FeedbackStore) Option { return func(b *Bot) { b.feedback = f } }

// WithStore keeps button keys and the updates a shutdown left unhandled
// (default: in memory, lost on restart). *store.Store satisfies KV.
func WithStore(kv KV) Option { return func(b *Bot) { b.kv = kv } }

// WithHTTPClient sets the HTTP client for Bot API calls. Its timeout must
// exceed the long-poll timeout (60 s).
func WithHTTPClient(c *http.Client) Option { return func(b *Bot) { b.httpClient = c } }

// withClock, withRetryUnit, withPrivatePace and withWebhookTimeouts are
// for tests. withClock replaces the clock of the rate limits and of the
// pacing of new messages: now reads it, and a pacing wait is sleep.
func withClock(now func() time.Time, sleep func(context.Context, time.Duration) error) Option {
	return func(b *Bot) { b.now, b.sleep = now, sleep }
}
func withRetryUnit(d time.Duration) Option { return func(b *Bot) { b.retryUnit = d } }
func withPrivatePace(r RateLimit) Option   { return func(b *Bot) { b.privatePace = r } }
func withWebhookTimeouts(header, read time.Duration) Option {
	return func(b *Bot) { b.hookHeaderTimeout, b.hookReadTimeout = header, read }
}

// CallbackFunc handles a button press whose data starts with a registered
// prefix. It must answer the query (Request.AnswerCallback).
type CallbackFunc func(ctx context.Context, r *Request, q *models.CallbackQuery, data string) error

// Bot is the Telegram transport. Build it with New, then Run it.
type Bot struct {
	// unauthorized is signalled by the client's error handler on 401.
	unauthorized chan struct{}

	cfg        Config
	svc        Service
	api        *tgbot.Bot
	log        *slog.Logger
	feedback   FeedbackStore
	obs        Observer
	adminStats StatsFunc              // /stats (adminstats.go); nil: off
	articles   transport.ArticlesFunc // /articles (adminstats.go); nil: off
	httpClient *http.Client
	kv         KV
	now        func() time.Time
	sleep      func(context.Context, time.Duration) error // pacing waits (sleepCtx)
	retryUnit  time.Duration
	// privatePace paces new messages per private chat (Telegram: about
	// one a second; default a burst of 5, then one per second).
	privatePace RateLimit
	// hookHeaderTimeout and hookReadTimeout bound how long a webhook
	// client may take to send its request (a slow-body client, even one
	// with the secret, cannot hold a connection).
	hookHeaderTimeout, hookReadTimeout time.Duration
	stats                              *counters
	queue                              *queue

	me       models.User
	send     *sender
	answers  *answerStore
	userRate *limiter
	chatRate *limiter
	// replyRate is each user's budget of cheap replies (refusals, usage
	// hints): they are paced too, without costing a question's token.
	replyRate *limiter

	mu           sync.Mutex
	commands     map[string]Command
	order        []string
	callbacks    map[string]CallbackFunc
	pollAnswers  func(ctx context.Context, a *models.PollAnswer)
	limitNotices map[int64]time.Time
	votes        map[string]string
	cat          *catalogUI // the catalog commands (catalog.go); nil without WithCatalog
	train        *training  // training sessions (training.go); nil without WithTrainer
	trainer      Trainer    // WithTrainer
	trainOpts    trainingOptions
	catalog      CatalogService // WithCatalog
	library      Library        // WithLibrary (upload.go)
	uploads      *uploads

	allowedChats, allowedUsers, admins map[int64]bool

	convs    convLocks // one answer at a time per conversation
	turns    turnIndex // which answer each of the bot's messages is
	draftSeq atomic.Int64
	// base outlives the polling context so that in-flight answers can
	// finish during shutdown; it is cancelled when the grace period ends.
	base       context.Context
	baseCancel context.CancelFunc
	inflight   sync.WaitGroup
}

// New connects to the Bot API (getMe) and prepares the bot.
func New(ctx context.Context, cfg Config, svc Service, opts ...Option) (b *Bot, err error) {
	// A token pasted with a trailing newline or space is still the token.
	cfg.Token = strings.TrimSpace(cfg.Token)
	defer func() { err = redact(err, cfg.Token) }()
	if cfg.Token == "" {
		return nil, errors.New("bot: empty token")
	}
	if svc == nil {
		return nil, errors.New("bot: nil service")
	}
	cfg.defaults()
	b = &Bot{
		cfg: cfg, svc: svc,
		log: slog.New(slog.DiscardHandler), feedback: &MemoryFeedback{}, obs: noObserver{}, now: time.Now, sleep: sleepCtx, retryUnit: time.Second,
		privatePace:       RateLimit{Burst: 5, Every: time.Second},
		hookHeaderTimeout: 5 * time.Second, hookReadTimeout: 10 * time.Second,
		commands: map[string]Command{}, callbacks: map[string]CallbackFunc{},
		limitNotices: map[int64]time.Time{}, votes: map[string]string{},
		allowedChats: idSet(cfg.AllowedChats), allowedUsers: idSet(cfg.AllowedUsers), admins: idSet(cfg.Admins),
		unauthorized: make(chan struct{}, 1), stats: &counters{},
	}
	for _, o := range opts {
		o(b)
	}
	b.base, b.baseCancel = context.WithCancel(context.WithoutCancel(ctx))
	b.answers = newAnswerStore(5000, b.kv, b.log, b.now)
	b.userRate = newLimiter(cfg.UserRate, b.now)
	b.chatRate = newLimiter(cfg.ChatRate, b.now)
	b.replyRate = newLimiter(RateLimit{Burst: 3, Every: 20 * time.Second}, b.now)
	b.queue = newQueue(b)
	b.convs.freed = b.queue.convFreed

	topts := []tgbot.Option{
		tgbot.WithServerURL(cfg.APIURL),
		tgbot.WithSkipGetMe(),
		tgbot.WithDefaultHandler(b.handleUpdate),
		tgbot.WithMiddlewares(b.recoverMiddleware),
		// Handlers run on our own pool (updates.go); ProcessUpdate is
		// synchronous.
		tgbot.WithNotAsyncHandlers(),
		tgbot.WithErrorsHandler(func(err error) {
			if errors.Is(err, tgbot.ErrorUnauthorized) {
				// A revoked token never recovers: stop instead of retrying
				// and logging every 5 s forever.
				select {
				case b.unauthorized <- struct{}{}:
				default:
				}
				return
			}
			if !errors.Is(err, context.Canceled) {
				b.log.Warn("telegram client", "err", redact(err, cfg.Token))
			}
		}),
		tgbot.WithAllowedUpdates(tgbot.AllowedUpdates{models.AllowedUpdateMessage, models.AllowedUpdateCallbackQuery, models.AllowedUpdatePollAnswer}),
	}
	if b.httpClient != nil {
		topts = append(topts, tgbot.WithHTTPClient(time.Minute, b.httpClient))
	}
	api, err := tgbot.New(cfg.Token, topts...)
	if err != nil {
		return nil, fmt.Errorf("bot: %w", err)
	}
	b.api = api
	b.send = &sender{
		api: api, log: b.log, unit: b.retryUnit, maxAttempts: 12, maxWait: 120 * b.retryUnit, stats: b.stats, base: b.base,
		sleep:     b.sleep,
		pace:      newLimiter(b.privatePace, b.now),
		groupPace: newLimiter(groupPace(cfg.GroupMessagesPerMinute), b.now),
	}
	gctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	me, err := api.GetMe(gctx)
	if err != nil {
		return nil, fmt.Errorf("bot: getMe (is the token right?): %w", err)
	}
	b.me = *me
	for _, c := range builtinCommands() {
		if err := b.Register(c); err != nil {
			return nil, err
		}
	}
	if b.catalog != nil {
		if err := b.registerCatalog(b.catalog); err != nil {
			return nil, err
		}
	}
	if err := b.enableTraining(); err != nil {
		return nil, err
	}
	if err := b.registerShared(); err != nil {
		return nil, err
	}
	if err := b.registerLibrary(); err != nil {
		return nil, err
	}
	return b, nil
}

func idSet(ids []int64) map[int64]bool {
	m := make(map[int64]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}

// Username is the bot's @username (without @).
func (b *Bot) Username() string { return b.me.Username }

// HandleCallback routes button presses whose data starts with prefix
// (e.g. "quiz:") to fn. Prefixes "src:" and "fb:" are taken.
func (b *Bot) HandleCallback(prefix string, fn CallbackFunc) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.callbacks[prefix] = fn
}

// HandlePollAnswers receives votes in the bot's non-anonymous polls.
func (b *Bot) HandlePollAnswers(fn func(ctx context.Context, a *models.PollAnswer)) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.pollAnswers = fn
}

// Run serves until ctx is cancelled, by long polling or, when
// Config.WebhookURL is set, by webhook. On cancellation it stops taking
// updates, lets the workers finish within ShutdownTimeout, and saves the
// updates left (WithStore) for the next Run, which handles them first.
func (b *Bot) Run(ctx context.Context) error {
	// The menu is retried under flood control; answering must not wait.
	announced := make(chan struct{})
	go func() {
		defer close(announced)
		b.announceCommands(ctx)
	}()
	defer func() { <-announced }()
	// Training drivers live as long as ctx; wait for them after the drain.
	defer b.startTrainings(ctx)()
	pruned := make(chan struct{})
	go func() {
		defer close(pruned)
		b.answers.prune(ctx)
	}()
	defer func() { <-pruned }()
	if b.cfg.WebhookURL != "" {
		ln, err := net.Listen("tcp", b.cfg.WebhookListen)
		if err != nil {
			return fmt.Errorf("bot: webhook listen %s: %w", b.cfg.WebhookListen, err)
		}
		return b.ServeWebhook(ctx, ln)
	}
	if _, err := b.api.DeleteWebhook(ctx, &tgbot.DeleteWebhookParams{}); err != nil {
		// A leftover webhook would make every getUpdates fail with 409.
		b.log.Warn("delete webhook before polling", "err", err)
	}
	b.log.Info("telegram bot polling", "username", b.me.Username)
	b.restore(ctx)
	b.queue.start(b.cfg.Workers)
	pollCtx, stopPolling := context.WithCancel(ctx)
	defer stopPolling()
	polled := make(chan error, 1)
	go func() { polled <- b.poll(pollCtx) }()
	var err error
	polledDone := false
	select {
	case <-ctx.Done():
	case err = <-polled:
		polledDone = true
	case <-b.unauthorized:
		err = ErrUnauthorized
	}
	if err != nil {
		b.log.Error("telegram rejected the bot token; stopping", "err", err)
	}
	stopPolling() // fetch nothing more; then finish or save what was fetched
	if !polledDone {
		if perr := <-polled; err == nil && perr != nil {
			err = perr
		}
	}
	b.drain()
	return err
}

// ErrUnauthorized means Telegram rejects the token (revoked or wrong).
var ErrUnauthorized = errors.New("telegram rejected the bot token (401 Unauthorized): check TELEGRAM_BOT_TOKEN")

// ServeWebhook registers the webhook with Telegram and serves it on ln
// until ctx is cancelled.
func (b *Bot) ServeWebhook(ctx context.Context, ln net.Listener) error {
	u, err := url.Parse(b.cfg.WebhookURL)
	if err != nil || u.Host == "" {
		return fmt.Errorf("bot: bad webhook URL %q", redactPath(b.cfg.WebhookURL, b.cfg.Token))
	}
	_, err = b.api.SetWebhook(ctx, &tgbot.SetWebhookParams{
		URL: b.cfg.WebhookURL, SecretToken: b.cfg.WebhookSecret,
		AllowedUpdates: allowedUpdates(),
	})
	if err != nil {
		return fmt.Errorf("bot: setWebhook: %w", redact(err, b.cfg.Token))
	}
	b.restore(ctx)
	b.queue.start(b.cfg.Workers)
	srv := b.webhookServer()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	b.log.Info("telegram bot webhook", "username", b.me.Username, "listen", ln.Addr().String(), "path", redactPath(u.Path, b.cfg.Token))
	var serveErr error
	select {
	case <-ctx.Done():
	case err := <-errc:
		serveErr = fmt.Errorf("bot: webhook server: %w", err)
	}
	// Take nothing more, then finish or save what was taken.
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = srv.Shutdown(sctx)
	b.drain()
	return serveErr
}

func (b *Bot) webhookServer() *http.Server {
	return &http.Server{Handler: b.Handler(), ReadHeaderTimeout: b.hookHeaderTimeout, ReadTimeout: b.hookReadTimeout,
		WriteTimeout: b.hookReadTimeout + 5*time.Second, IdleTimeout: time.Minute, MaxHeaderBytes: 64 << 10}
}

// redactPath hides the token in a webhook URL or path that contains it.
func redactPath(s, token string) string {
	if token == "" {
		return s
	}
	return strings.ReplaceAll(s, token, "<token>")
}

// Handler serves the webhook path of Config.WebhookURL (secret checked in
// constant time) and /healthz. Updates are queued for the workers, which
// run while ServeWebhook does.
func (b *Bot) Handler() http.Handler {
	path := "/"
	if u, err := url.Parse(b.cfg.WebhookURL); err == nil && u.Path != "" {
		path = u.Path
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		_, _ = io.WriteString(w, "ok\n")
	})
	mux.HandleFunc("POST "+path, func(w http.ResponseWriter, r *http.Request) {
		got := r.Header.Get("X-Telegram-Bot-Api-Secret-Token")
		if b.cfg.WebhookSecret != "" && subtle.ConstantTimeCompare([]byte(got), []byte(b.cfg.WebhookSecret)) != 1 {
			b.log.Warn("webhook request with wrong secret token", "remote", r.RemoteAddr)
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
		if err != nil {
			b.log.Warn("webhook request body", "remote", r.RemoteAddr, "err", err)
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		// A full queue slows Telegram down (it retries a 503 later).
		if err := b.queue.waitRoom(r.Context()); err != nil {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		// A body that does not decode is acknowledged (200): Telegram
		// would otherwise deliver it again and again.
		items, _ := b.accept([]json.RawMessage{body})
		b.queue.push(items...)
		w.WriteHeader(http.StatusOK)
	})
	return mux
}

// announceCommands publishes the command menu: Chinese for zh clients,
// English as the default.
func (b *Bot) announceCommands(ctx context.Context) {
	b.mu.Lock()
	var zh, en []models.BotCommand
	for _, name := range b.order {
		c := b.commands[name]
		if c.Hidden {
			continue
		}
		zh = append(zh, models.BotCommand{Command: c.Name, Description: c.Zh})
		en = append(en, models.BotCommand{Command: c.Name, Description: c.En})
	}
	b.mu.Unlock()
	for _, set := range []struct {
		lang string
		cmds []models.BotCommand
	}{{"zh", zh}, {"", en}} {
		err := b.send.retry(ctx, "setMyCommands", func(ctx context.Context) error {
			_, err := b.api.SetMyCommands(ctx, &tgbot.SetMyCommandsParams{Commands: set.cmds, Scope: &models.BotCommandScopeDefault{}, LanguageCode: set.lang})
			return err
		})
		if err != nil {
			b.log.Warn("setMyCommands", "lang", set.lang, "err", err)
		}
	}
}

func (b *Bot) isAdmin(user int64) bool { return b.admins[user] }

// allowed applies the allow-lists: open when both are empty.
func (b *Bot) allowed(chat, user int64) bool {
	if len(b.allowedChats) == 0 && len(b.allowedUsers) == 0 {
		return true
	}
	return b.allowedChats[chat] || b.allowedUsers[user] || b.admins[user]
}
