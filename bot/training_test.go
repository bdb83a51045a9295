package bot

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"bangyang/bot/telegramtest"
	"bangyang/catalog"
	"bangyang/core"
	"bangyang/corpus"
	"bangyang/quiz"
	"bangyang/store"
	"bangyang/zh"
)

var (
	trainCatOnce sync.Once
	trainCat     *catalog.Catalog
)

// trainingService is the real core over the default corpus, keeping
// training state in st (as cmd/bangyang serves it).
func trainingService(t *testing.T, st *store.Store) *core.Service {
	t.Helper()
	trainCatOnce.Do(func() {
		realCore(t) // builds the shared offline index
		if realIx != nil {
			trainCat = buildCatalog(t, realIx.Chunks())
		}
	})
	if trainCat == nil {
		t.Fatal("no index for the training service")
	}
	metas := make([]corpus.Meta, len(realArts))
	for i, a := range realArts {
		metas[i] = a.Meta
	}
	s, err := core.New(core.Options{Search: realIx, Articles: metas, Chunks: realIx.Chunks(), Catalog: trainCat, Training: core.StoreTraining{S: st}, Records: core.StoreRecords{S: st}})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func openTrainingStore(t *testing.T, path string) *store.Store {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// trainingConfig keeps sessions fast: the poll's open_period is Telegram's
// minimum (5 s, what the fake checks), but the driver only waits
// TrainingAnswerWait before closing it (stopPoll) and posting the passage.
// 600 ms leaves the test ample time to vote after it sees the poll.
func trainingConfig() Config {
	cfg := testConfig()
	cfg.GroupMessagesPerMinute = 6000 // no group pacing in tests
	cfg.TrainingOpenPeriod = 5 * time.Second
	cfg.TrainingAnswerWait = 600 * time.Millisecond
	cfg.TrainingPause = 20 * time.Millisecond
	cfg.CaseRevealDelay = -1
	return cfg
}

// startOn runs a bot against an existing fake server (for restarts).
func startOn(t *testing.T, srv *telegramtest.Server, cfg Config, svc Service, opts ...Option) *harness {
	t.Helper()
	cfg.Token, cfg.APIURL = srv.Token(), srv.URL()
	logger := slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelWarn}))
	b, err := New(context.Background(), cfg, svc, append(append([]Option{WithLogger(logger), withRetryUnit(20 * time.Millisecond)}, coreOptions(svc)...), opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	h := &harness{t: t, srv: srv, bot: b, cancel: cancel, done: make(chan struct{})}
	go func() {
		if err := b.Run(ctx); err != nil {
			t.Errorf("Run: %v", err)
		}
		close(h.done)
	}()
	t.Cleanup(h.stop)
	return h
}

// chatPolls returns copies of the polls the bot sent in chat, oldest first.
func chatPolls(srv *telegramtest.Server, chatID int64) []telegramtest.Poll {
	ids := map[string]bool{}
	for _, m := range srv.BotMessages(chatID) {
		if m.Poll != nil {
			ids[m.Poll.ID] = true
		}
	}
	var out []telegramtest.Poll
	for _, p := range srv.Polls() {
		if ids[p.ID] {
			out = append(out, p)
		}
	}
	return out
}

func (h *harness) waitPolls(chatID int64, n int) []telegramtest.Poll {
	h.t.Helper()
	var ps []telegramtest.Poll
	if !h.srv.WaitUntil(10*time.Second, func() bool { ps = chatPolls(h.srv, chatID); return len(ps) >= n }) {
		h.t.Fatalf("chat %d: wanted %d polls, got %d:%s", chatID, n, len(ps), dump(h.srv.BotMessages(chatID)))
	}
	return ps
}

// withText returns the bot's text messages in chat containing sub.
func withText(srv *telegramtest.Server, chatID int64, sub string) []telegramtest.SentMessage {
	var out []telegramtest.SentMessage
	for _, m := range srv.BotMessages(chatID) {
		if m.Poll == nil && strings.Contains(m.Text, sub) {
			out = append(out, m)
		}
	}
	return out
}

func (h *harness) waitText(chatID int64, sub string, n int) []telegramtest.SentMessage {
	h.t.Helper()
	var ms []telegramtest.SentMessage
	if !h.srv.WaitUntil(10*time.Second, func() bool { ms = withText(h.srv, chatID, sub); return len(ms) >= n }) {
		h.t.Fatalf("chat %d: wanted %d messages with %q:%s", chatID, n, sub, dump(h.srv.BotMessages(chatID)))
	}
	return ms
}

func (h *harness) vote(p telegramtest.Poll, u telegramtest.User, option int) {
	h.t.Helper()
	if err := h.srv.AnswerPoll(p.ID, u, option); err != nil {
		h.t.Fatalf("vote in poll %s: %v", p.ID, err)
	}
}

// checkQuizPoll asserts what Telegram requires of a training poll.
func checkQuizPoll(t *testing.T, p telegramtest.Poll, k, total int) {
	t.Helper()
	if p.Type != "quiz" || p.IsAnonymous || p.CorrectOptionID == nil || p.AllowsMultipleAnswers {
		t.Errorf("poll %d: type %q anonymous %v correct %v", k, p.Type, p.IsAnonymous, p.CorrectOptionID)
	}
	if p.OpenPeriod != 5 {
		t.Errorf("poll %d: open_period %d, want 5", k, p.OpenPeriod)
	}
	if !strings.HasPrefix(p.Question, fmt.Sprintf("[%d/%d] ", k, total)) {
		t.Errorf("poll %d question %q lacks its number", k, p.Question)
	}
	if zh.UTF16Len(p.Question) > 300 || zh.UTF16Len(p.Explanation) > 200 || strings.Count(p.Explanation, "\n") > 2 || len(p.Options) < 2 || len(p.Options) > 10 {
		t.Errorf("poll %d over Telegram's limits: %+v", k, p)
	}
	for _, o := range p.Options {
		if zh.UTF16Len(o.Text) > 100 {
			t.Errorf("poll %d option over 100 units: %q", k, o.Text)
		}
	}
}

func scoresOf(t *testing.T, svc *core.Service, chat string) map[string]quiz.Player {
	t.Helper()
	_, board, err := svc.Trainer().Score(context.Background(), chat)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]quiz.Player{}
	for _, p := range board {
		out[p.Name] = p
	}
	return out
}

var (
	alice = telegramtest.User{ID: 3001, FirstName: "Alice"}
	bob   = telegramtest.User{ID: 3002, FirstName: "老<李>&"} // must be escaped on the board
)

func TestTrainingGroupSession(t *testing.T) {
	t.Parallel()
	st := openTrainingStore(t, filepath.Join(t.TempDir(), "bot.db"))
	defer st.Close()
	svc := trainingService(t, st)
	h := start(t, trainingConfig(), svc)
	group := h.srv.SupergroupChat(-1007001, "培训群", false)
	secretary := telegramtest.User{ID: 3000, FirstName: "书记"}
	h.srv.SetChatMember(group, secretary, telegramtest.StatusAdministrator)

	h.say(group, secretary, "/train 3")
	intro := h.waitText(group.ID, "培训开始", 1)[0]
	if !strings.Contains(intro.Text, "共 3 题") || !strings.Contains(intro.Text, "5 秒") {
		t.Errorf("intro: %q", intro.Text)
	}
	const n = 3
	for i := 0; i < n; i++ {
		p := h.waitPolls(group.ID, i+1)[i]
		checkQuizPoll(t, p, i+1, n)
		right := *p.CorrectOptionID
		bobChoice := (right + 1) % len(p.Options)
		if i == 0 {
			bobChoice = right
		}
		h.vote(p, alice, right)
		h.vote(p, bob, bobChoice)
		h.waitText(group.ID, fmt.Sprintf("第 %d/%d 题", i+1, n), 1)
	}
	board := h.waitText(group.ID, "培训结束", 1)[0]
	if !strings.Contains(board.Text, "1. Alice 3/3") || !strings.Contains(board.Text, "2. 老<李>& 1/3") {
		t.Errorf("final board:\n%s", board.Text)
	}
	if !strings.Contains(board.Source, "老&lt;李&gt;&amp;") {
		t.Errorf("board HTML not escaped: %q", board.Source)
	}

	// Each passage follows its own poll and comes before the next one.
	msgs := h.srv.BotMessages(group.ID)
	pollAt := map[int]int{} // question → message position
	explAt := map[int]int{}
	for pos, m := range msgs {
		if m.Poll != nil {
			pollAt[len(pollAt)] = pos
		}
		for k := 1; k <= n; k++ {
			if m.Poll == nil && strings.HasPrefix(m.Text, fmt.Sprintf("第 %d/%d 题", k, n)) {
				explAt[k-1] = pos
				if !strings.Contains(m.Text, "2 人作答") || !strings.Contains(m.Text, "✅ 正确答案：") || !strings.Contains(m.Source, "<blockquote>") || !strings.Contains(m.Text, "📖") {
					t.Errorf("passage message %d: %q", k, m.Text)
				}
				if zh.UTF16Len(m.Text) > 4096 {
					t.Errorf("passage message %d too long", k)
				}
			}
		}
	}
	for k := 0; k < n; k++ {
		next := len(msgs)
		if k+1 < n {
			next = pollAt[k+1]
		}
		if e, ok := explAt[k]; !ok || e < pollAt[k] || e > next {
			t.Errorf("passage %d at %d, poll at %d, next poll at %d:%s", k+1, e, pollAt[k], next, dump(msgs))
		}
	}
	if !strings.Contains(msgs[explAt[0]].Text, "2 人答对") || !strings.Contains(msgs[explAt[1]].Text, "1 人答对") {
		t.Errorf("per-question stats wrong:\n%s\n%s", msgs[explAt[0]].Text, msgs[explAt[1]].Text)
	}
	// The driver waited less than open_period, so it closed each poll
	// before revealing the passage.
	for i, p := range chatPolls(h.srv, group.ID) {
		if !p.IsClosed {
			t.Errorf("poll %d still open after its passage", i+1)
		}
	}
	scores := scoresOf(t, svc, convKey(group.ID, 0))
	if a, b := scores["Alice"], scores["老<李>&"]; a.Score != 3 || a.Answered != 3 || b.Score != 1 || b.Answered != 3 {
		t.Errorf("stored scores: %+v", scores)
	}
	if sess, _, _ := svc.Trainer().Score(context.Background(), convKey(group.ID, 0)); sess.State != quiz.StateStopped {
		t.Errorf("session state %s after the board", sess.State)
	}
	if len(h.srv.Calls("getChatMember")) == 0 {
		t.Error("group admin was not checked with getChatMember")
	}
	h.noRejections()
}

func TestTrainingPermissionsOneSessionStopScore(t *testing.T) {
	t.Parallel()
	st := openTrainingStore(t, filepath.Join(t.TempDir(), "bot.db"))
	defer st.Close()
	svc := trainingService(t, st)
	cfg := trainingConfig()
	cfg.TrainingAnswerWait = 20 * time.Second // the session stays on question 1
	owner := telegramtest.User{ID: 4000, FirstName: "运维"}
	cfg.Admins = []int64{owner.ID}
	h := start(t, cfg, svc)
	group := h.srv.GroupChat(-7002, "社区群")
	other := h.srv.GroupChat(-7003, "另一个群")
	key := convKey(group.ID, 0)

	// A plain member may not start a session in a group.
	h.say(group, bob, "/train 2")
	h.waitText(group.ID, "只有群管理员", 1)
	if ps := chatPolls(h.srv, group.ID); len(ps) != 0 {
		t.Fatalf("a member started a session: %d polls", len(ps))
	}
	if _, _, err := svc.Trainer().Score(context.Background(), key); err == nil {
		t.Fatal("a session was stored for a refused /train")
	}

	// A bot admin may; one session per chat.
	h.say(group, owner, "/train 5")
	p := h.waitPolls(group.ID, 1)[0]
	h.vote(p, alice, *p.CorrectOptionID)
	h.say(group, owner, "/train 2")
	h.waitText(group.ID, "已有一场培训在进行（第 1/5 题）", 1)
	// Another chat runs its own session meanwhile.
	h.say(other, owner, "/train 1")
	h.waitPolls(other.ID, 1)

	if !h.srv.WaitUntil(5*time.Second, func() bool { return scoresOf(t, svc, key)["Alice"].Answered == 1 }) {
		t.Fatal("Alice's answer was not recorded")
	}
	h.say(group, bob, "/score")
	score := h.waitText(group.ID, "培训进行中", 1)[0]
	if !strings.Contains(score.Text, "第 1/5 题") || !strings.Contains(score.Text, "1. Alice 1/1") {
		t.Errorf("/score: %q", score.Text)
	}

	// Only the starter or an admin may stop it.
	h.say(group, bob, "/stop")
	h.waitText(group.ID, "只有发起人或群管理员", 1)
	began := time.Now()
	h.say(group, owner, "/stop")
	board := h.waitText(group.ID, "培训已提前结束", 1)[0]
	if took := time.Since(began); took > 5*time.Second {
		t.Errorf("/stop took %v: it should not wait for the answer window", took)
	}
	if !strings.Contains(board.Text, "1. Alice 1/1") {
		t.Errorf("board after /stop: %q", board.Text)
	}
	if !h.srv.WaitUntil(2*time.Second, func() bool { return chatPolls(h.srv, group.ID)[0].IsClosed }) {
		t.Error("the open poll was not closed by /stop")
	}
	time.Sleep(300 * time.Millisecond) // the driver must not go on
	if ps := chatPolls(h.srv, group.ID); len(ps) != 1 {
		t.Errorf("%d polls after /stop, want 1", len(ps))
	}
	if len(withText(h.srv, group.ID, "培训结束，感谢")) != 0 {
		t.Error("a second board was posted after /stop")
	}
	h.say(group, owner, "/stop")
	h.waitText(group.ID, "现在没有进行中的培训", 1)
	// /score now shows the last session as over.
	h.say(group, alice, "/score")
	h.waitText(group.ID, "上次培训已结束（共 5 题）", 1)
	h.noRejections()
}

func TestTrainingResumesAfterRestart(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "bot.db")
	srv := telegramtest.New(t, telegramtest.Options{})
	owner := telegramtest.User{ID: 5000, FirstName: "书记"}
	group := srv.SupergroupChat(-1007004, "重启群", false)
	key := convKey(group.ID, 0)

	// First process: stuck on question 1 with a long answer window.
	st1 := openTrainingStore(t, path)
	svc1 := trainingService(t, st1)
	cfg1 := trainingConfig()
	cfg1.Admins = []int64{owner.ID}
	cfg1.TrainingAnswerWait = time.Minute
	h1 := startOn(t, srv, cfg1, svc1)
	h1.say(group, owner, "/train 3")
	p1 := h1.waitPolls(group.ID, 1)[0]
	h1.vote(p1, alice, *p1.CorrectOptionID)
	h1.vote(p1, bob, (*p1.CorrectOptionID+1)%len(p1.Options))
	if !srv.WaitUntil(5*time.Second, func() bool { return len(scoresOf(t, svc1, key)) == 2 }) {
		t.Fatal("answers to question 1 not recorded")
	}
	h1.stop()
	if err := st1.Close(); err != nil {
		t.Fatal(err)
	}
	if n := len(chatPolls(srv, group.ID)); n != 1 {
		t.Fatalf("%d polls before the restart", n)
	}

	// Second process over the same store and the same chat.
	st2 := openTrainingStore(t, path)
	defer st2.Close()
	svc2 := trainingService(t, st2)
	cfg2 := trainingConfig()
	cfg2.Admins = []int64{owner.ID}
	h2 := startOn(t, srv, cfg2, svc2)
	note := h2.waitText(group.ID, "培训继续", 1)[0]
	if !strings.Contains(note.Text, "第 1/3 题") {
		t.Errorf("resume note: %q", note.Text)
	}
	// Question 1's passage (with the answers given before the restart),
	// then the remaining questions.
	expl := h2.waitText(group.ID, "第 1/3 题 · 2 人作答，1 人答对", 1)[0]
	if expl.ID < note.ID {
		t.Error("passage of question 1 came before the resume note")
	}
	for i := 1; i < 3; i++ {
		p := h2.waitPolls(group.ID, i+1)[i]
		checkQuizPoll(t, p, i+1, 3)
		h2.vote(p, alice, *p.CorrectOptionID)
		if i == 2 {
			h2.vote(p, bob, *p.CorrectOptionID)
		}
		h2.waitText(group.ID, fmt.Sprintf("第 %d/3 题", i+1), 1)
	}
	board := h2.waitText(group.ID, "培训结束", 1)[0]
	if !strings.Contains(board.Text, "1. Alice 3/3") || !strings.Contains(board.Text, "2. 老<李>& 1/2") {
		t.Errorf("board after the restart:\n%s", board.Text)
	}
	if n := len(chatPolls(srv, group.ID)); n != 3 {
		t.Errorf("%d polls in all, want 3 (question 1 must not be asked twice)", n)
	}
	for _, c := range srv.Rejections() {
		t.Errorf("fake Telegram rejected %s: %s", c.Method, c.Description)
	}
}

func TestTrainingResumeFinishedSessionPostsBoard(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "bot.db")
	st := openTrainingStore(t, path)
	defer st.Close()
	svc := trainingService(t, st)
	ctx := context.Background()
	srv := telegramtest.New(t, telegramtest.Options{})
	group := srv.GroupChat(-7005, "已答完的群")
	key := convKey(group.ID, 0)
	// A session whose questions were all asked before the crash.
	if _, err := svc.Trainer().Start(ctx, core.StartRequest{Chat: key, StartedBy: "1", N: 1, Topic: "", Script: ""}); err != nil {
		t.Fatal(err)
	}
	q, idx, ok, err := svc.Trainer().Next(ctx, key)
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	if err := svc.Trainer().BindPoll(ctx, core.PollBinding{Chat: key, PollID: "old-poll", Index: idx}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := svc.Trainer().RecordAnswer(ctx, core.Vote{PollID: "old-poll", UserID: "9", Name: "Carol", Options: []int{q.Correct}}); err != nil {
		t.Fatal(err)
	}
	if _, _, ok, _ := svc.Trainer().Next(ctx, key); ok {
		t.Fatal("a one-question session had a second question")
	}
	// Another transport's session is left alone.
	if _, err := svc.Trainer().Start(ctx, core.StartRequest{Chat: "term", StartedBy: "me", N: 1, Topic: "", Script: ""}); err != nil {
		t.Fatal(err)
	}

	h := startOn(t, srv, trainingConfig(), svc)
	board := h.waitText(group.ID, "培训结束", 1)[0]
	if !strings.Contains(board.Text, "1. Carol 1/1") {
		t.Errorf("board: %q", board.Text)
	}
	if sess, _, _ := svc.Trainer().Score(ctx, key); sess.State != quiz.StateStopped {
		t.Errorf("state %s", sess.State)
	}
	if sess, _, _ := svc.Trainer().Score(ctx, "term"); sess.State != quiz.StateRunning {
		t.Errorf("another transport's session was touched: %s", sess.State)
	}
	if n := len(chatPolls(srv, group.ID)); n != 0 {
		t.Errorf("%d polls for a finished session", n)
	}
	h.noRejections()
}

func TestTrainingPrivateChat(t *testing.T) {
	t.Parallel()
	st := openTrainingStore(t, filepath.Join(t.TempDir(), "bot.db"))
	defer st.Close()
	svc := trainingService(t, st)
	cfg := trainingConfig()
	cfg.TrainingAnswerWait = 30 * time.Second // an answer moves on at once
	h := start(t, cfg, svc)
	user := telegramtest.User{ID: 6001, FirstName: "小陳", LanguageCode: "zh-TW"}
	dm := h.srv.PrivateChat(user)

	began := time.Now()
	h.say(dm, user, "/train 2")
	h.waitText(dm.ID, "培訓開始", 1)
	p := h.waitPolls(dm.ID, 1)[0]
	checkQuizPoll(t, p, 1, 2)
	if zh.DetectScript(p.Question) == "hans" {
		t.Errorf("question not in the user's Traditional script: %q", p.Question)
	}
	h.vote(p, user, *p.CorrectOptionID)
	h.waitText(dm.ID, "第 1/2 題", 1)
	p = h.waitPolls(dm.ID, 2)[1]
	h.vote(p, user, (*p.CorrectOptionID+1)%len(p.Options))
	board := h.waitText(dm.ID, "培訓結束", 1)[0]
	if !strings.Contains(board.Text, "1. 小陳 1/2") {
		t.Errorf("board: %q", board.Text)
	}
	if took := time.Since(began); took > 15*time.Second {
		t.Errorf("private session took %v: answers should move it on", took)
	}
	h.noRejections()
}

func TestTrainingPoliteRefusals(t *testing.T) {
	t.Parallel()
	st := openTrainingStore(t, filepath.Join(t.TempDir(), "bot.db"))
	defer st.Close()
	h := start(t, trainingConfig(), trainingService(t, st))
	for _, c := range []struct{ send, want string }{
		{"/score", "还没有培训记录"},
		{"/train 3 火星殖民计划", "没有找到与“火星殖民计划”相关的材料"},
		{"/stop", "现在没有进行中的培训"},
		{"/reveal", "现在没有待公布的案例"},
		{"/case 火星殖民计划", "没有找到与“火星殖民计划”相关的材料"},
	} {
		h.say(h.dm, h.user, c.send)
		h.waitText(h.dm.ID, c.want, 1)
	}
	if ps := chatPolls(h.srv, h.dm.ID); len(ps) != 0 {
		t.Errorf("%d polls for an unknown topic", len(ps))
	}
	// The commands are announced.
	if !h.srv.WaitUntil(5*time.Second, func() bool { return len(h.srv.Commands("default", "zh")) > 0 }) {
		t.Fatal("no commands announced")
	}
	announced := map[string]bool{}
	for _, c := range h.srv.Commands("default", "zh") {
		announced[c.Command] = true
	}
	for _, name := range []string{"train", "score", "stop", "case", "reveal"} {
		if !announced[name] {
			t.Errorf("/%s not in the menu", name)
		}
	}
	h.noRejections()
}

func TestCaseDiscussion(t *testing.T) {
	t.Parallel()
	st := openTrainingStore(t, filepath.Join(t.TempDir(), "bot.db"))
	defer st.Close()
	svc := trainingService(t, st)
	h := start(t, trainingConfig(), svc)
	group := h.srv.GroupChat(-7006, "讨论群")

	h.say(group, bob, "/case")
	scenario := h.waitText(group.ID, "案例讨论", 1)[0]
	if !strings.Contains(scenario.Text, "/reveal") || strings.Contains(scenario.Text, "自动公布") {
		t.Errorf("case message: %q", scenario.Text)
	}
	h.say(group, alice, "/reveal")
	reveal := h.waitText(group.ID, "💡", 1)[0]
	if !strings.Contains(reveal.Text, "📖 出自") || !strings.Contains(reveal.Source, "<blockquote>") {
		t.Errorf("reveal lacks its citation: %q", reveal.Text)
	}
	// The reveal is new to the scenario message: the answer was held back.
	lines := strings.Split(reveal.Text, "\n")
	if len(lines) < 2 || strings.Contains(scenario.Text, strings.TrimSpace(lines[1])) {
		t.Errorf("the scenario already told the answer:\n%s\n---\n%s", scenario.Text, reveal.Text)
	}
	h.say(group, alice, "/reveal")
	h.waitText(group.ID, "现在没有待公布的案例", 1)
	h.noRejections()
}

func TestCaseRevealsItself(t *testing.T) {
	t.Parallel()
	st := openTrainingStore(t, filepath.Join(t.TempDir(), "bot.db"))
	defer st.Close()
	cfg := trainingConfig()
	cfg.CaseRevealDelay = 150 * time.Millisecond
	h := start(t, cfg, trainingService(t, st))
	group := h.srv.GroupChat(-7007, "自动公布群")

	h.say(group, bob, "/case 社区")
	h.waitText(group.ID, "自动公布", 1)
	h.waitText(group.ID, "💡", 1)
	time.Sleep(300 * time.Millisecond)
	if n := len(withText(h.srv, group.ID, "💡")); n != 1 {
		t.Errorf("%d reveals, want 1", n)
	}
	h.say(group, bob, "/reveal")
	h.waitText(group.ID, "现在没有待公布的案例", 1)
	h.noRejections()
}

// --- units -----------------------------------------------------------------------

// A vote can arrive before the bot has bound its poll (the poll is on
// screen as soon as Telegram accepts it); it must still count, once.
func TestEarlyVoteCountsAfterBind(t *testing.T) {
	t.Parallel()
	st := openTrainingStore(t, filepath.Join(t.TempDir(), "bot.db"))
	defer st.Close()
	svc := trainingService(t, st)
	h := setup(t, trainingConfig(), svc)
	ctx := context.Background()
	const key = "tg:-7010:0"
	if _, err := svc.Trainer().Start(ctx, core.StartRequest{Chat: key, StartedBy: "1", N: 1, Topic: "", Script: ""}); err != nil {
		t.Fatal(err)
	}
	q, idx, ok, err := svc.Trainer().Next(ctx, key)
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	vote := &models.PollAnswer{PollID: "p-early", User: &models.User{ID: 77, FirstName: "Dora"}, OptionIDs: []int{q.Correct}}
	h.bot.onTrainingAnswer(ctx, vote)
	h.bot.onTrainingAnswer(ctx, vote) // Telegram may deliver twice
	if got := scoresOf(t, svc, key); len(got) != 0 {
		t.Fatalf("counted before the bind: %+v", got)
	}
	if err := h.bot.bindPoll(ctx, key, "p-early", "", idx); err != nil {
		t.Fatal(err)
	}
	if d := scoresOf(t, svc, key)["Dora"]; d.Score != 1 || d.Answered != 1 {
		t.Errorf("early vote: %+v", d)
	}
	if left := h.bot.train.claim("p-early"); len(left) != 0 {
		t.Errorf("%d votes still parked", len(left))
	}
}

func TestQuizPollParamsWithinLimits(t *testing.T) {
	t.Parallel()
	st := openTrainingStore(t, filepath.Join(t.TempDir(), "bot.db"))
	defer st.Close()
	svc := trainingService(t, st)
	for _, script := range []zh.Script{zh.Simplified, zh.Traditional} {
		qs, err := svc.Trainer().Quiz(context.Background(), core.QuizRequest{N: 50, Topic: "", Script: script, Seed: 7})
		if err != nil || len(qs) < 20 {
			t.Fatalf("quiz: %d questions, %v", len(qs), err)
		}
		for i, q := range qs {
			p, ok := quizPollParams(q, i, len(qs), 45*time.Second)
			if !ok {
				t.Errorf("question %d does not fit a poll: %+v", i, q)
				continue
			}
			if zh.UTF16Len(p.Question) > 300 || zh.UTF16Len(p.Explanation) > 200 || strings.Count(p.Explanation, "\n") > 2 || p.OpenPeriod != 45 {
				t.Errorf("question %d over the limits: %+v", i, p)
			}
			if p.IsAnonymous == nil || *p.IsAnonymous || p.Type != "quiz" || p.CorrectOptionID != q.Correct {
				t.Errorf("question %d: wrong poll kind", i)
			}
		}
	}
	long := quiz.Question{Text: strings.Repeat("问", 299), Options: []string{"甲", "乙"}, Correct: 1,
		Explanation: strings.Repeat("解释\n", 150)}
	p, ok := quizPollParams(long, 0, 1, 45*time.Second)
	if !ok || p.Question != long.Text {
		t.Errorf("a 299-unit question must go out unnumbered, ok=%v", ok)
	}
	if zh.UTF16Len(p.Explanation) > 200 || strings.Count(p.Explanation, "\n") > 2 || !strings.HasSuffix(p.Explanation, "…") {
		t.Errorf("explanation not trimmed: %d units, %d LFs", zh.UTF16Len(p.Explanation), strings.Count(p.Explanation, "\n"))
	}
	if _, ok := quizPollParams(quiz.Question{Text: "q", Options: []string{"a", strings.Repeat("长", 101)}}, 0, 1, time.Minute); ok {
		t.Error("an option over 100 units was accepted")
	}
	if got := fitExplanation(strings.Repeat("😀", 150)); zh.UTF16Len(got) > 200 {
		t.Errorf("astral characters: %d units", zh.UTF16Len(got))
	}
}

func TestParseTrainArgs(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in    string
		n     int
		topic string
	}{
		{"", 0, ""},
		{"5", 5, ""},
		{"５ 四单工作法", 5, "四单工作法"},
		{"四单工作法 3", 3, "四单工作法"},
		{"10题 吴中兰", 10, "吴中兰"},
		{"12345热线", 0, "12345热线"},
		{"社区 治理", 0, "社区 治理"},
	} {
		n, topic := parseTrainArgs(c.in)
		if n != c.n || topic != c.topic {
			t.Errorf("parseTrainArgs(%q) = %d, %q; want %d, %q", c.in, n, topic, c.n, c.topic)
		}
	}
	for key, want := range map[string]bool{"tg:-100:0": true, "tg:42:7": true, "term": false, "tg:x:0": false, "tg:0:0": false} {
		if _, _, ok := chatOfKey(key); ok != want {
			t.Errorf("chatOfKey(%q) ok=%v", key, ok)
		}
	}
	times := trainingTimesFrom(Config{TrainingOpenPeriod: time.Hour})
	if times.open != 600*time.Second || times.wait != times.open+lateAnswerGrace || times.reveal != defaultCaseRevealDelay {
		t.Errorf("timing defaults: %+v", times)
	}
	if d := trainingTimesFrom(Config{TrainingOpenPeriod: time.Second}); d.open != 5*time.Second {
		t.Errorf("open period below Telegram's minimum: %v", d.open)
	}
}
