package bot

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"bangyang/bot/telegramtest"
	"bangyang/core"
	"bangyang/store"
)

// The reliability suite: attacks and faults run end to end against the
// strict fake Bot API, each printing its figure with t.Logf.

// syncBuffer is a log sink tests can read while the bot writes.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

// attach builds a bot for an existing fake server (a restart).
func attach(t *testing.T, srv *telegramtest.Server, cfg Config, svc Service, opts ...Option) *harness {
	t.Helper()
	cfg.Token, cfg.APIURL = srv.Token(), srv.URL()
	logger := slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelWarn}))
	opts = append([]Option{WithLogger(logger), withRetryUnit(20 * time.Millisecond)}, opts...)
	b, err := New(context.Background(), cfg, svc, opts...)
	if err != nil {
		t.Fatal(err)
	}
	user := telegramtest.User{ID: 1001, FirstName: "小王", LanguageCode: "zh-hans"}
	return &harness{t: t, srv: srv, bot: b, done: make(chan struct{}), user: user, dm: srv.PrivateChat(user)}
}

func (h *harness) run() {
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel = cancel
	go func() {
		if err := h.bot.Run(ctx); err != nil {
			h.t.Errorf("Run: %v", err)
		}
		close(h.done)
	}()
	h.t.Cleanup(h.stop)
}

// echoAnswer answers each question with a text naming it, so that every
// answer can be matched to its question.
func echoAnswer(q string) *core.Answer {
	a := sampleAnswer(q)
	a.Text = "回答《" + q + "》：" + a.Text
	return a
}

// finals are the bot's messages in chat that carry the answer keyboard.
func finals(srv *telegramtest.Server, chat int64) []telegramtest.SentMessage {
	var out []telegramtest.SentMessage
	for _, m := range srv.BotMessages(chat) {
		if m.ReplyMarkup != nil {
			out = append(out, m)
		}
	}
	return out
}

// 100 stickers from one user (or 100 messages from a stranger the
// allow-list refuses) cost that user's reply budget and wait in that chat's
// send queue: another user's answer is not delayed.
func TestReliabilityCheapFloodDoesNotStarve(t *testing.T) {
	for _, kind := range []string{"stickers", "strangers", "too long"} {
		t.Run(kind, func(t *testing.T) {
			cfg := testConfig()
			cfg.MaxQuestionRunes = 20
			victim := telegramtest.User{ID: 3001, FirstName: "受害者"}
			if kind == "strangers" {
				cfg.AllowedUsers = []int64{victim.ID}
			}
			h := start(t, cfg, newFakeCore())
			attacker := telegramtest.User{ID: 3002, FirstName: "攻击者"}
			adm := h.srv.PrivateChat(attacker)
			for i := 0; i < 100; i++ {
				var err error
				switch kind {
				case "stickers":
					_, err = h.srv.SendSticker(adm, attacker)
				case "strangers":
					_, err = h.srv.SendText(adm, attacker, fmt.Sprintf("问题%d", i))
				default:
					_, err = h.srv.SendText(adm, attacker, strings.Repeat("长", 30))
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			vdm := h.srv.PrivateChat(victim)
			began := time.Now()
			h.say(vdm, victim, "格线化管理怎么做？")
			h.waitFinal(vdm.ID, 1)
			latency := time.Since(began)
			t.Logf("victim latency with 100 %s from an attacker: %v", kind, latency)
			if latency > time.Second {
				t.Errorf("victim waited %v behind 100 %s (want ≤ 1 s)", latency, kind)
			}
			// The attacker got a few replies, not a hundred.
			h.srv.WaitUntil(3*time.Second, func() bool { return len(h.srv.BotMessages(adm.ID)) >= 1 })
			if n := len(h.srv.BotMessages(adm.ID)); n < 1 || n > 5 {
				t.Errorf("attacker got %d replies to 100 %s", n, kind)
			}
			h.noRejections()
		})
	}
}

// A shutdown stops fetching, lets the workers finish within the grace
// period and saves every update not handled by then; the next start handles
// them first. 60 questions, stopped while most are queued: none lost.
func TestReliabilityRestartLosesNothing(t *testing.T) {
	t.Parallel()
	db, err := store.Open(filepath.Join(t.TempDir(), "bangyang.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	srv := telegramtest.New(t, telegramtest.Options{})
	cfg := testConfig()
	cfg.UserRate, cfg.ChatRate = RateLimit{Burst: -1}, RateLimit{Burst: -1}
	cfg.ShutdownTimeout = 150 * time.Millisecond
	fc := newFakeCore()
	fc.answer, fc.steps, fc.delay = echoAnswer, 6, 10*time.Millisecond
	first := attach(t, srv, cfg, fc, WithStore(db))
	first.run()

	var users []telegramtest.User
	for u := 0; u < 20; u++ {
		users = append(users, telegramtest.User{ID: int64(4000 + u), FirstName: fmt.Sprintf("用户%d", u)})
	}
	var questions []string
	for k := 0; k < 3; k++ {
		for _, u := range users {
			q := fmt.Sprintf("第%d位用户的第%d个问题", u.ID-4000, k+1)
			questions = append(questions, q)
			if _, err := srv.SendText(srv.PrivateChat(u), u, q); err != nil {
				t.Fatal(err)
			}
		}
	}
	answered := func() int {
		n := 0
		for _, u := range users {
			n += len(finals(srv, u.ID))
		}
		return n
	}
	srv.WaitUntil(5*time.Second, func() bool { return answered() >= 4 })
	first.stop() // SIGTERM
	before := answered()
	if before >= len(questions) {
		t.Fatalf("all %d answered before the stop; the test needs a backlog", before)
	}

	second := attach(t, srv, cfg, fc, WithStore(db))
	second.run()
	times := func(i int) int {
		n := 0
		for _, m := range finals(srv, users[i%len(users)].ID) {
			if strings.Contains(m.Text, "《"+questions[i]+"》") {
				n++
			}
		}
		return n
	}
	srv.WaitUntil(15*time.Second, func() bool {
		for i := range questions {
			if times(i) == 0 {
				return false
			}
		}
		return true
	})
	second.stop()

	lost, dup := 0, 0
	for i, q := range questions {
		switch n := times(i); {
		case n == 0:
			lost++
			t.Errorf("lost: %q", q)
		case n > 1:
			dup++
		}
	}
	t.Logf("restart with %d queued questions: %d answered before the stop, %d after, %d lost, %d answered twice", len(questions), before, answered()-before, lost, dup)
	if dup > 0 {
		t.Errorf("%d questions answered twice", dup)
	}
	if st := second.bot.Stats(); st.LostUpdates != 0 || first.bot.Stats().LostUpdates != 0 {
		t.Errorf("lost updates counted: %+v / %+v", first.bot.Stats(), st)
	}
	for _, c := range srv.Rejections() {
		// A typing action cut off by the shutdown is harmless.
		if c.Method != "sendchataction" {
			t.Errorf("fake Telegram rejected %s: %s", c.Method, c.Description)
		}
	}
}

// An update the client cannot decode (a callback whose data is a number)
// is logged with its update_id and skipped; the offset moves past it and
// the questions around it, in the same batch, are answered.
func TestReliabilityPoisonUpdate(t *testing.T) {
	t.Parallel()
	var logs syncBuffer
	h := setup(t, testConfig(), newFakeCore(), WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
	h.say(h.dm, h.user, "第一个问题")
	bad, err := h.srv.PushRaw(`{"callback_query":{"id":"cq-x","from":{"id":1001,"is_bot":false,"first_name":"x"},"chat_instance":"1","data":123}}`)
	if err != nil {
		t.Fatal(err)
	}
	h.say(h.dm, h.user, "第二个问题")
	h.run()
	h.waitFinal(h.dm.ID, 2)
	h.say(h.dm, h.user, "第三个问题") // polling goes on
	h.waitFinal(h.dm.ID, 3)
	if !h.srv.WaitUntil(2*time.Second, func() bool { return h.srv.PendingUpdates() == 0 }) {
		t.Errorf("%d updates still unconfirmed: the offset did not move past the bad one", h.srv.PendingUpdates())
	}
	if !strings.Contains(logs.String(), fmt.Sprintf("update_id=%d", bad)) {
		t.Errorf("the bad update %d is not logged:\n%s", bad, logs.String())
	}
	if n := h.bot.Stats().BadUpdates; n != 1 {
		t.Errorf("BadUpdates = %d", n)
	}
	t.Logf("a poison update (id %d) in a batch of 3: skipped, polling continues, 3 of 3 questions answered", bad)
}

// With 20% of sendMessage, editMessageText and sendMessageDraft calls
// failing with a 5xx, every answer is delivered (retried with a backoff),
// and one that cannot be is logged at Error level and counted: none is
// lost silently.
func TestReliabilityServerErrors(t *testing.T) {
	t.Parallel()
	cfg := testConfig()
	cfg.UserRate, cfg.ChatRate = RateLimit{Burst: -1}, RateLimit{Burst: -1}
	cfg.GroupMessagesPerMinute = 6000
	fc := newFakeCore()
	fc.answer = echoAnswer
	h := start(t, cfg, fc)
	for i, m := range []string{"sendMessage", "editMessageText", "sendMessageDraft"} {
		h.srv.FailShare(m, 0.2, []int{500, 502, 503}[i], uint64(7+i))
	}
	type asked struct {
		chat int64
		q    string
	}
	var all []asked
	for u := 0; u < 10; u++ {
		user := telegramtest.User{ID: int64(5000 + u), FirstName: "用户"}
		dm := h.srv.PrivateChat(user)
		for k := 0; k < 3; k++ {
			q := fmt.Sprintf("私聊%d问题%d", u, k)
			all = append(all, asked{dm.ID, q})
			h.say(dm, user, q)
		}
	}
	group := h.srv.GroupChat(-5100, "群")
	for k := 0; k < 10; k++ {
		user := telegramtest.User{ID: int64(5200 + k%2), FirstName: "群友"}
		q := fmt.Sprintf("群里问题%d", k)
		all = append(all, asked{group.ID, q})
		h.say(group, user, "/ask "+q)
	}
	delivered := func() int {
		n := 0
		for _, a := range all {
			for _, m := range finals(h.srv, a.chat) {
				if strings.Contains(m.Text, "《"+a.q+"》") {
					n++
					break
				}
			}
		}
		return n
	}
	h.srv.WaitUntil(20*time.Second, func() bool {
		return delivered()+int(h.bot.Stats().Undelivered) >= len(all)
	})
	injected := 0
	for _, m := range []string{"sendmessage", "editmessagetext", "sendmessagedraft"} {
		for _, c := range h.srv.Calls(m) {
			if c.Injected {
				injected++
			}
		}
	}
	st := h.bot.Stats()
	got := delivered()
	silent := len(all) - got - int(st.Undelivered)
	t.Logf("20%% Telegram 5xx (%d injected): %d of %d answers delivered, %d counted undelivered, %d lost silently, %d retries", injected, got, len(all), st.Undelivered, silent, st.Retries)
	if injected == 0 {
		t.Fatal("no 5xx injected")
	}
	if silent > 0 {
		t.Errorf("%d answers lost silently", silent)
	}
	if got != len(all) {
		t.Errorf("%d of %d answers delivered despite retries", got, len(all))
	}
}

// Over the bot's own rate limit: in a private chat every question is
// answered later (deferred until the user has a token) or gets a short
// reply; in a group one notice per user per window.
func TestReliabilityOverRateLimit(t *testing.T) {
	t.Run("private", func(t *testing.T) {
		cfg := testConfig()
		cfg.UserRate = RateLimit{Burst: 2, Every: 100 * time.Millisecond}
		fc := newFakeCore()
		fc.answer = echoAnswer
		h := start(t, cfg, fc, withPrivatePace(RateLimit{Burst: 5, Every: 20 * time.Millisecond}))
		for k := 0; k < 12; k++ {
			h.say(h.dm, h.user, fmt.Sprintf("连问%d", k))
		}
		count := func() (answered, short, deferred int) {
			for _, m := range h.srv.BotMessages(h.dm.ID) {
				switch {
				case m.ReplyMarkup != nil:
					answered++
				case strings.Contains(m.Text, "后再试"):
					short++
				case strings.Contains(m.Text, "后回答"):
					deferred++
				}
			}
			return
		}
		h.srv.WaitUntil(10*time.Second, func() bool { a, s, _ := count(); return a+s >= 12 })
		time.Sleep(100 * time.Millisecond)
		a, s, d := count()
		t.Logf("12 private questions over a limit of 2 then 1 per 100 ms: %d answered, %d short replies, %d 'answered later' notices, %d silences", a, s, d, 12-a-s)
		if a+s != 12 {
			t.Errorf("%d answered + %d short replies of 12 questions:%s", a, s, dump(h.srv.BotMessages(h.dm.ID)))
		}
		if a < 2+maxDeferred {
			t.Errorf("only %d questions answered; the deferred ones were not", a)
		}
		h.noRejections()
	})
	t.Run("group", func(t *testing.T) {
		cfg := testConfig()
		cfg.UserRate = RateLimit{Burst: 2, Every: time.Hour}
		h := start(t, cfg, newFakeCore())
		group := h.srv.GroupChat(-5300, "群")
		for k := 0; k < 12; k++ {
			h.say(group, h.user, fmt.Sprintf("/ask 群里连问%d", k))
		}
		h.waitFinal(group.ID, 2)
		time.Sleep(300 * time.Millisecond)
		notices := 0
		for _, m := range h.srv.BotMessages(group.ID) {
			if strings.Contains(m.Text, "频繁") {
				notices++
			}
		}
		t.Logf("12 group questions over a limit of 2: %d answered, %d notice", len(finals(h.srv, group.ID)), notices)
		if notices != 1 || len(finals(h.srv, group.ID)) != 2 {
			t.Errorf("want 2 answers and 1 notice:%s", dump(h.srv.BotMessages(group.ID)))
		}
		h.noRejections()
	})
}

// A 429 storm longer than the old 4 attempts is waited out (retry_after
// respected); an answer that cannot be delivered at all is logged at Error
// level and counted in Stats, never dropped silently.
func TestReliabilityFloodStormAndUndeliverable(t *testing.T) {
	t.Run("429 storm", func(t *testing.T) {
		h := start(t, testConfig(), newFakeCore())
		h.srv.FailNext("sendMessage", 8, 1)
		h.say(h.dm, h.user, "格线化管理怎么做？")
		h.waitFinal(h.dm.ID, 1)
		if n := len(h.srv.Calls("sendmessage")); n != 9 {
			t.Errorf("%d sendMessage calls, want 8 refused + 1", n)
		}
	})
	t.Run("undeliverable", func(t *testing.T) {
		var logs syncBuffer
		h := start(t, testConfig(), newFakeCore(), WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
		h.srv.FailNextStatus("sendMessage", 1000, 502)
		h.say(h.dm, h.user, "格线化管理怎么做？")
		if !h.srv.WaitUntil(10*time.Second, func() bool { return h.bot.Stats().Undelivered == 1 }) {
			t.Fatalf("Undelivered = %d", h.bot.Stats().Undelivered)
		}
		if !strings.Contains(logs.String(), `level=ERROR msg="reply not delivered"`) {
			t.Errorf("no Error log for the lost answer:\n%s", logs.String())
		}
		t.Logf("an undeliverable answer: %d attempts, then logged and counted (%+v)", len(h.srv.Calls("sendmessage")), h.bot.Stats())
	})
}

// A user's burst of questions (within the rate limit) waits for its
// conversation's lock in the queue, not in workers: with 2 workers and 5
// slow questions from one user, another user is answered at once.
func TestReliabilityQuestionBurstDoesNotStarve(t *testing.T) {
	cfg := testConfig()
	cfg.Workers = 2
	cfg.ShutdownTimeout = 100 * time.Millisecond
	fc := newFakeCore()
	fc.answer, fc.steps, fc.delay = echoAnswer, 6, 60*time.Millisecond
	h := start(t, cfg, fc)
	attacker := telegramtest.User{ID: 3101, FirstName: "连问"}
	adm := h.srv.PrivateChat(attacker)
	for k := 0; k < 5; k++ {
		h.say(adm, attacker, fmt.Sprintf("慢问题%d", k))
	}
	victim := telegramtest.User{ID: 3102, FirstName: "受害者"}
	vdm := h.srv.PrivateChat(victim)
	began := time.Now()
	h.say(vdm, victim, "格线化管理怎么做？")
	answered := h.waitFinal(vdm.ID, 1)[0].SentAt
	latency := time.Since(began)
	// The burst itself is answered in order, one at a time.
	h.srv.WaitUntil(5*time.Second, func() bool { return len(finals(h.srv, adm.ID)) == 5 })
	burst := finals(h.srv, adm.ID)
	before := 0
	for _, m := range burst {
		if m.SentAt.Before(answered) {
			before++
		}
	}
	t.Logf("victim latency behind 5 slow questions (360 ms each) from one user, 2 workers: %v (%d of the burst answered before)", latency, before)
	// Timing-independent: the victim is answered alongside the burst's
	// first answer, not after the burst has gone through the workers.
	if before > 2 {
		t.Errorf("victim answered after %d of the burst's 5 answers (%v): the burst held the workers", before, latency)
	}
	for k, m := range burst {
		if !strings.Contains(m.Text, fmt.Sprintf("《慢问题%d》", k)) {
			t.Errorf("answer %d out of order: %q", k, m.Text)
		}
	}
	fc.mu.Lock()
	defer fc.mu.Unlock()
	if n := fc.overlap[convKey(adm.ID, 0)]; n > 1 {
		t.Errorf("%d answers at once in one conversation", n)
	}
}

func TestStatsCountQueue(t *testing.T) {
	t.Parallel()
	cfg := testConfig()
	cfg.Workers = 1
	fc := newFakeCore()
	fc.started = make(chan string, 10)
	fc.steps, fc.delay = 10, 30*time.Millisecond
	h := start(t, cfg, fc)
	h.say(h.dm, h.user, "第一个问题")
	<-fc.started
	h.say(h.dm, h.user, "第二个问题")
	h.say(h.dm, h.user, "第三个问题")
	if !h.srv.WaitUntil(3*time.Second, func() bool { st := h.bot.Stats(); return st.Queued == 2 && st.Running == 1 }) {
		t.Errorf("Stats = %+v, want 2 queued and 1 running", h.bot.Stats())
	}
	h.waitFinal(h.dm.ID, 3)
	if !h.srv.WaitUntil(2*time.Second, func() bool { st := h.bot.Stats(); return st.Queued == 0 && st.Running == 0 }) {
		t.Errorf("Stats after the answers = %+v", h.bot.Stats())
	}
}

// slowCore is the real core with slow answers to questions.
type slowCore struct {
	*core.Service
	delay time.Duration
}

func (s slowCore) Answer(ctx context.Context, req core.Request, onText func(string)) (*core.Answer, error) {
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-time.After(s.delay):
	}
	return s.Service.Answer(ctx, req, onText)
}

// A /method command in a conversation that is busy answering waits in the
// queue too, and is answered after the question, in order.
func TestReliabilityCatalogCommandParks(t *testing.T) {
	t.Parallel()
	cfg := testConfig()
	cfg.Workers = 2
	h := start(t, cfg, slowCore{realCore(t), 400 * time.Millisecond})
	h.say(h.dm, h.user, "什么是四单工作法？")
	h.say(h.dm, h.user, "/method 四单工作法")
	other := telegramtest.User{ID: 3201, FirstName: "别人"}
	odm := h.srv.PrivateChat(other)
	time.Sleep(50 * time.Millisecond)
	h.say(odm, other, "/leaders")
	list := h.waitCount(odm.ID, 1)[0]
	msgs := h.waitFinal(h.dm.ID, 2)
	if !list.SentAt.Before(msgs[0].SentAt) {
		t.Errorf("/leaders of another user waited for the busy conversation")
	}
	if !strings.Contains(msgs[1].Text, "四单") || msgs[1].SentAt.Before(msgs[0].SentAt) {
		t.Errorf("the summary is not after the answer:%s", dump(msgs))
	}
	h.noRejections()
}
