package bot

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"bangyang/bot/telegramtest"
	"bangyang/core"
	"bangyang/corpus"
	"bangyang/retrieval"
)

// fakeCore is a test double of core for fault injection (panics, slow or
// huge answers, characters that must be escaped). The main flows also run
// against the real core (realCore).
type fakeCore struct {
	mu      sync.Mutex
	asked   []string
	resets  []string
	last    map[string][]core.Citation
	answer  func(q string) *core.Answer
	steps   int
	delay   time.Duration
	started chan string
	// active and overlap count answers in progress per conversation, and
	// the most seen at once.
	active, overlap map[string]int
}

func newFakeCore() *fakeCore {
	return &fakeCore{last: map[string][]core.Citation{}, steps: 6, delay: 5 * time.Millisecond, answer: sampleAnswer,
		active: map[string]int{}, overlap: map[string]int{}}
}

func sampleCitations() []core.Citation {
	return []core.Citation{
		{N: 1, Chunk: corpus.Chunk{ID: "c-wu-1", ArticleID: "000", Text: "吳中蘭把社區劃成<格線>，網格員 & 樓棟長一起入戶走訪，群眾有事隨時找得到人。",
			Meta: corpus.Meta{ID: "000", Title: "小吳書記的<格線>工作法 & 經驗", Leader: "吳中蘭", Place: "重慶 渝中區"}}},
		{N: 2, Chunk: corpus.Chunk{ID: "c-guo-3", ArticleID: "002", Text: "郭佳每周走訪困難群眾，記錄“民情日記”。",
			Meta: corpus.Meta{ID: "002", Leader: "郭佳", Place: "蘭州 城關區 酒泉路街道"}}},
	}
}

func sampleAnswer(q string) *core.Answer {
	return &core.Answer{
		Text:      "吴中兰书记用“格线化”管理，<网格员 & 楼栋长> 联动入户[1]。郭佳坚持每周走访困难群众[2]。",
		Citations: sampleCitations(), Grounded: true, Mode: core.ModeExtractive, Script: "hans",
	}
}

func (f *fakeCore) Answer(ctx context.Context, req core.Request, onText func(string)) (*core.Answer, error) {
	return f.AskStream(ctx, req.Chat, req.Question, onText)
}

func (f *fakeCore) AskStream(ctx context.Context, chat, q string, onText func(string)) (*core.Answer, error) {
	f.mu.Lock()
	f.asked = append(f.asked, q)
	started := f.started
	f.active[chat]++
	f.overlap[chat] = max(f.overlap[chat], f.active[chat])
	f.mu.Unlock()
	defer func() {
		f.mu.Lock()
		f.active[chat]--
		f.mu.Unlock()
	}()
	if started != nil {
		started <- q
	}
	if strings.Contains(q, "PANIC") {
		panic("fake core exploded")
	}
	if strings.TrimSpace(q) == "" {
		return nil, core.ErrEmptyQuestion
	}
	a := f.answer(q)
	runes := []rune(a.Text)
	for k := 1; k <= f.steps && onText != nil; k++ {
		onText(string(runes[:len(runes)*k/f.steps]))
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(f.delay):
		}
	}
	f.mu.Lock()
	f.last[chat] = a.Citations
	f.mu.Unlock()
	return a, nil
}

func (f *fakeCore) Reset(_ context.Context, chat string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.resets = append(f.resets, chat)
	delete(f.last, chat)
	return nil
}

func (f *fakeCore) LastSources(_ context.Context, chat string) ([]core.Citation, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.last[chat], nil
}

func (f *fakeCore) questions() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.asked...)
}

var (
	realOnce sync.Once
	realIx   *retrieval.Index
	realArts []corpus.Article
	realErr  error
)

// realCore is the real core over the embedded default corpus, offline
// (local embedder, in memory), as `bangyang` runs with no settings.
func realCore(t testing.TB) *core.Service {
	t.Helper()
	realOnce.Do(func() {
		ctx := context.Background()
		if realArts, realErr = corpus.Default(); realErr != nil {
			return
		}
		if realIx, realErr = retrieval.Open(ctx, "", retrieval.NewLocalEmbedder()); realErr != nil {
			return
		}
		_, realErr = realIx.Update(ctx, corpus.ChunkAll(realArts))
	})
	if realErr != nil {
		t.Fatal(realErr)
	}
	metas := make([]corpus.Meta, len(realArts))
	for i, a := range realArts {
		metas[i] = a.Meta
	}
	chunks := realIx.Chunks()
	s, err := core.New(core.Options{Search: realIx, Articles: metas, Chunks: chunks, Catalog: buildCatalog(t, chunks)})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

type harness struct {
	t      *testing.T
	srv    *telegramtest.Server
	bot    *Bot
	cancel context.CancelFunc
	done   chan struct{}
	user   telegramtest.User
	dm     telegramtest.Chat
}

func testConfig() Config {
	return Config{
		EditInterval: 30 * time.Millisecond, MaxEditInterval: 120 * time.Millisecond, DraftInterval: 10 * time.Millisecond,
		Workers: 4, ShutdownTimeout: 5 * time.Second,
	}
}

// start runs a bot against a fresh fake server by long polling.
func start(t *testing.T, cfg Config, svc Service, opts ...Option) *harness {
	t.Helper()
	h := setup(t, cfg, svc, opts...)
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel = cancel
	go func() {
		if err := h.bot.Run(ctx); err != nil {
			t.Errorf("Run: %v", err)
		}
		close(h.done)
	}()
	t.Cleanup(h.stop)
	return h
}

func setup(t *testing.T, cfg Config, svc Service, opts ...Option) *harness {
	t.Helper()
	srv := telegramtest.New(t, telegramtest.Options{})
	cfg.Token, cfg.APIURL = srv.Token(), srv.URL()
	logger := slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelWarn}))
	opts = append(append([]Option{WithLogger(logger), withRetryUnit(20 * time.Millisecond)}, coreOptions(svc)...), opts...)
	b, err := New(context.Background(), cfg, svc, opts...)
	if err != nil {
		t.Fatal(err)
	}
	user := telegramtest.User{ID: 1001, FirstName: "小王", LanguageCode: "zh-hans"}
	return &harness{t: t, srv: srv, bot: b, done: make(chan struct{}), user: user, dm: srv.PrivateChat(user)}
}

func (h *harness) stop() {
	if h.cancel != nil {
		h.cancel()
		<-h.done
		h.cancel = nil
	}
}

func (h *harness) say(chat telegramtest.Chat, from telegramtest.User, text string, opts ...telegramtest.MsgOption) telegramtest.Message {
	h.t.Helper()
	m, err := h.srv.SendText(chat, from, text, opts...)
	if err != nil {
		h.t.Fatal(err)
	}
	return m
}

// waitMessages waits until chat has n bot messages and the last one has
// settled (carries a keyboard, or no edit for a while).
func (h *harness) waitFinal(chatID int64, n int) []telegramtest.SentMessage {
	h.t.Helper()
	var msgs []telegramtest.SentMessage
	ok := h.srv.WaitUntil(10*time.Second, func() bool {
		msgs = h.srv.BotMessages(chatID)
		return len(msgs) >= n && msgs[len(msgs)-1].ReplyMarkup != nil
	})
	if !ok {
		h.t.Fatalf("chat %d: wanted %d bot messages with a final keyboard, got %s", chatID, n, dump(msgs))
	}
	return msgs
}

func (h *harness) waitCount(chatID int64, n int) []telegramtest.SentMessage {
	h.t.Helper()
	var msgs []telegramtest.SentMessage
	if !h.srv.WaitUntil(10*time.Second, func() bool { msgs = h.srv.BotMessages(chatID); return len(msgs) >= n }) {
		h.t.Fatalf("chat %d: wanted %d bot messages, got %s", chatID, n, dump(msgs))
	}
	return msgs
}

func (h *harness) noRejections() {
	h.t.Helper()
	if r := h.srv.Rejections(); len(r) > 0 {
		for _, c := range r {
			h.t.Errorf("fake Telegram rejected %s: %s (text %q)", c.Method, c.Description, c.Params["text"])
		}
	}
}

func dump(msgs []telegramtest.SentMessage) string {
	var sb strings.Builder
	for _, m := range msgs {
		fmt.Fprintf(&sb, "\n  #%d thread=%d markup=%v: %q", m.ID, m.ThreadID, m.ReplyMarkup != nil, m.Text)
	}
	return sb.String()
}

func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }

// coreOptions wires the catalog and trainer of the real core (or of a test
// double that has them), as cmd/bangyang does.
func coreOptions(svc Service) []Option {
	var opts []Option
	if cs, ok := svc.(CatalogService); ok {
		opts = append(opts, WithCatalog(cs))
	}
	if s, ok := svc.(*core.Service); ok {
		opts = append(opts, WithTrainer(s.Trainer()))
	}
	return opts
}

// fakeClock is a clock for the rate limits and pacing (withClock): a
// pacing wait moves it on at once instead of sleeping.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	waited time.Duration // total of the pacing waits
}

func newFakeClock() *fakeClock { return &fakeClock{now: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.waited += d
	c.mu.Unlock()
	return ctx.Err()
}

func (c *fakeClock) Waited() time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.waited
}

func (c *fakeClock) option() Option { return withClock(c.Now, c.Sleep) }
