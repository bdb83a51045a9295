package core

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"bangyang/catalog"
	"bangyang/llm"
	"bangyang/quiz"
	"bangyang/store"
	"bangyang/zh"
)

// trainingCatalog is built once: it is read-only and costs ~0.1s a build.
var (
	trainingCatalogOnce sync.Once
	trainingCatalog     *catalog.Catalog
)

// newTraining builds a Service over the real default corpus (as newOffline)
// keeping training state in tr, with a clock the test can move.
func newTraining(t testing.TB, tr TrainingStore, model ChatModel) *Trainer {
	t.Helper()
	ix, _ := offlineIndex(t)
	chunks := ix.Chunks()
	trainingCatalogOnce.Do(func() { trainingCatalog = buildCatalog(t, chunks) })
	var mu sync.Mutex
	now := time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(time.Second)
		return now
	}
	s, err := New(Options{Search: ix, Model: model, Chunks: chunks, Catalog: trainingCatalog, Training: tr, Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	return s.Trainer()
}

func openStore(t testing.TB, path string) *store.Store {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// askNext advances chat's session and binds the question to pollID.
func askNext(t *testing.T, s *Trainer, chat, pollID string) (quiz.Question, int) {
	t.Helper()
	ctx := context.Background()
	q, idx, ok, err := s.Next(ctx, chat)
	if err != nil || !ok {
		t.Fatalf("next question in %s: ok=%v err=%v", chat, ok, err)
	}
	if err := s.BindPoll(ctx, PollBinding{Chat: chat, PollID: pollID, Index: idx}); err != nil {
		t.Fatal(err)
	}
	return q, idx
}

func answer(t *testing.T, s *Trainer, pollID, user, name string, option int) (string, quiz.AnswerResult) {
	t.Helper()
	chat, res, err := s.RecordAnswer(context.Background(), Vote{PollID: pollID, UserID: user, Name: name, Options: []int{option}})
	if err != nil {
		t.Fatal(err)
	}
	return chat, res
}

func wrongOption(q quiz.Question) int { return (q.Correct + 1) % len(q.Options) }

func TestTrainingFullSession(t *testing.T) {
	t.Parallel()
	st := openStore(t, filepath.Join(t.TempDir(), "b.db"))
	defer st.Close()
	s := newTraining(t, StoreTraining{S: st}, nil)
	ctx := context.Background()
	const chat = "tg:-100:0"

	sess, err := s.Start(ctx, StartRequest{Chat: chat, StartedBy: "u0", N: 3, Topic: "", Script: ""})
	if err != nil {
		t.Fatal(err)
	}
	if len(sess.Questions) != 3 || sess.State != quiz.StateRunning || sess.ChatKey != chat || sess.StartedBy != "u0" {
		t.Fatalf("new session: %d questions, state %s, chat %q", len(sess.Questions), sess.State, sess.ChatKey)
	}
	// One session per chat; another chat is independent.
	if again, err := s.Start(ctx, StartRequest{Chat: chat, StartedBy: "u9", N: 3, Topic: "", Script: ""}); !errors.Is(err, ErrSessionRunning) || again == nil || again.ID != sess.ID {
		t.Fatalf("second start in the same chat: err=%v", err)
	}
	if _, err := s.Start(ctx, StartRequest{Chat: "tg:-200:0", StartedBy: "u9", N: 2, Topic: "", Script: ""}); err != nil {
		t.Fatalf("start in another chat: %v", err)
	}

	wantScore := map[string]int{}
	wantAnswered := map[string]int{}
	for i := 0; i < 3; i++ {
		pollID := fmt.Sprintf("poll-%d", i)
		q, idx := askNext(t, s, chat, pollID)
		if idx != i || q.Key != sess.Questions[i].Key {
			t.Fatalf("question %d: got index %d key %s", i, idx, q.Key)
		}
		// alice is always right, bob right only on the first question.
		gotChat, r := answer(t, s, pollID, "alice", "Alice", q.Correct)
		if gotChat != chat || !r.Counted || !r.Correct || r.Index != i {
			t.Errorf("alice q%d: chat %q %+v", i, gotChat, r)
		}
		bobOpt := wrongOption(q)
		if i == 0 {
			bobOpt = q.Correct
			wantScore["bob"]++
		}
		if _, r := answer(t, s, pollID, "bob", "Bob", bobOpt); !r.Counted || r.Correct != (i == 0) {
			t.Errorf("bob q%d: %+v", i, r)
		}
		// A changed mind does not count twice.
		if _, r := answer(t, s, pollID, "bob", "Bob", q.Correct); r.Counted {
			t.Errorf("bob's second answer to q%d counted: %+v", i, r)
		}
		wantScore["alice"]++
		wantAnswered["alice"]++
		wantAnswered["bob"]++
	}
	if _, _, ok, err := s.Next(ctx, chat); ok || err != nil {
		t.Fatalf("after the last question: ok=%v err=%v", ok, err)
	}
	// Unknown poll: no chat, nothing counted.
	if c, r := answer(t, s, "no-such-poll", "alice", "Alice", 0); c != "" || r.Counted {
		t.Errorf("unknown poll: chat %q %+v", c, r)
	}
	// A late answer to an asked question still counts until the stop.
	if _, r := answer(t, s, "poll-2", "carol", "Carol", 0); !r.Counted {
		t.Errorf("late answer before stop not counted: %+v", r)
	}
	sess, board, err := s.Stop(ctx, chat)
	if err != nil {
		t.Fatal(err)
	}
	if sess.State != quiz.StateStopped || len(board) != 3 {
		t.Fatalf("stopped: state %s board %+v", sess.State, board)
	}
	if board[0].UserID != "alice" || board[1].UserID != "bob" {
		t.Errorf("ranking: %+v", board)
	}
	for _, p := range board {
		if p.UserID == "carol" {
			continue
		}
		if p.Score != wantScore[p.UserID] || p.Answered != wantAnswered[p.UserID] {
			t.Errorf("%s: score %d/%d, want %d/%d", p.UserID, p.Score, p.Answered, wantScore[p.UserID], wantAnswered[p.UserID])
		}
	}
	// After the stop answers are ignored and the chat may start anew.
	if c, r := answer(t, s, "poll-1", "dave", "Dave", 0); r.Counted {
		t.Errorf("answer after stop counted (chat %q)", c)
	}
	if _, _, err := s.Stop(ctx, chat); !errors.Is(err, ErrNoTraining) {
		t.Errorf("second stop: %v", err)
	}
	_, board2, err := s.Score(ctx, chat)
	if err != nil || len(board2) != 3 || board2[0].Score != 3 {
		t.Errorf("score after stop: %+v %v", board2, err)
	}

	text := FormatLeaderboard(board, "hans")
	t.Log("\n" + text)
	lines := strings.Split(text, "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "🏆 排行榜") || lines[1] != "1. Alice 3/3" || lines[2] != "2. Bob 1/3" {
		t.Errorf("leaderboard text:\n%s", text)
	}
	next, err := s.Start(ctx, StartRequest{Chat: chat, StartedBy: "u1", N: 3, Topic: "", Script: ""})
	if err != nil {
		t.Fatalf("start after stop: %v", err)
	}
	if next.ID == sess.ID || len(next.Scores) != 0 {
		t.Errorf("new session reuses the old one: %+v", next.ID)
	}
	// The previous session's questions are avoided while there is material.
	for _, q := range next.Questions {
		if sess.Keys()[q.Key] {
			t.Errorf("question repeated from the previous session: %s", q.Key)
		}
	}
}

func TestTrainingStopEarlyAndErrors(t *testing.T) {
	t.Parallel()
	s := newTraining(t, nil, nil) // in-memory default
	ctx := context.Background()
	const chat = "term"
	if _, _, _, err := s.Next(ctx, chat); !errors.Is(err, ErrNoTraining) {
		t.Errorf("next without session: %v", err)
	}
	if _, _, err := s.Stop(ctx, chat); !errors.Is(err, ErrNoTraining) {
		t.Errorf("stop without session: %v", err)
	}
	if _, _, err := s.Score(ctx, chat); !errors.Is(err, ErrNoTraining) {
		t.Errorf("score without session: %v", err)
	}
	if err := s.BindPoll(ctx, PollBinding{Chat: chat, PollID: "p", Index: 0}); !errors.Is(err, ErrNoTraining) {
		t.Errorf("bind without session: %v", err)
	}
	if _, err := s.Start(ctx, StartRequest{Chat: chat, StartedBy: "u", N: 5, Topic: "火星殖民计划", Script: ""}); !errors.Is(err, quiz.ErrNoMaterial) {
		t.Errorf("unknown topic: %v", err)
	}
	// Clamping: 0 → default, 99 → max (or all there is).
	sess, err := s.Start(ctx, StartRequest{Chat: chat, StartedBy: "u", N: 0, Topic: "", Script: ""})
	if err != nil {
		t.Fatal(err)
	}
	if len(sess.Questions) != DefaultTrainingQuestions {
		t.Errorf("default count: %d", len(sess.Questions))
	}
	q, idx := askNext(t, s, chat, "p0")
	if err := s.BindPoll(ctx, PollBinding{Chat: chat, PollID: "px", Index: 99}); err == nil {
		t.Error("binding an out-of-range question succeeded")
	}
	answer(t, s, "p0", "u1", "甲", q.Correct)
	sess, board, err := s.Stop(ctx, chat)
	if err != nil {
		t.Fatal(err)
	}
	if sess.State != quiz.StateStopped || sess.Remaining() != len(sess.Questions)-1-idx || len(board) != 1 || board[0].Score != 1 {
		t.Errorf("early stop: state %s remaining %d board %+v", sess.State, sess.Remaining(), board)
	}
	if _, _, ok, err := s.Next(ctx, chat); ok || err != nil {
		t.Errorf("next after stop: ok=%v err=%v", ok, err)
	}
	if err := s.BindPoll(ctx, PollBinding{Chat: chat, PollID: "p9", Index: 1}); !errors.Is(err, ErrNoTraining) {
		t.Errorf("bind after stop: %v", err)
	}
	big, err := s.Start(ctx, StartRequest{Chat: chat, StartedBy: "u", N: 99, Topic: "", Script: ""})
	if err != nil {
		t.Fatal(err)
	}
	if len(big.Questions) > MaxTrainingQuestions || len(big.Questions) < 10 {
		t.Errorf("clamped count: %d", len(big.Questions))
	}
}

func TestTrainingSurvivesRestart(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "bangyang.db")
	ctx := context.Background()
	const chat = "tg:-300:7"

	st := openStore(t, path)
	s := newTraining(t, StoreTraining{S: st}, nil)
	sess, err := s.Start(ctx, StartRequest{Chat: chat, StartedBy: "u0", N: 4, Topic: "", Script: ""})
	if err != nil {
		t.Fatal(err)
	}
	q0, _ := askNext(t, s, chat, "p0")
	answer(t, s, "p0", "alice", "Alice", q0.Correct)
	answer(t, s, "p0", "bob", "Bob", wrongOption(q0))
	q1, _ := askNext(t, s, chat, "p1")
	answer(t, s, "p1", "alice", "Alice", q1.Correct)
	// A finished-but-not-stopped session elsewhere is also open.
	if _, err := s.Start(ctx, StartRequest{Chat: "other", StartedBy: "u", N: 1, Topic: "", Script: ""}); err != nil {
		t.Fatal(err)
	}
	if _, _, ok, _ := s.Next(ctx, "other"); !ok {
		t.Fatal("no question in other")
	}
	if _, _, ok, _ := s.Next(ctx, "other"); ok {
		t.Fatal("other should be finished")
	}
	// And a stopped one is not.
	if _, err := s.Start(ctx, StartRequest{Chat: "stopped", StartedBy: "u", N: 1, Topic: "", Script: ""}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Stop(ctx, "stopped"); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	// The process restarts: new store handle, new Service.
	st2 := openStore(t, path)
	defer st2.Close()
	s2 := newTraining(t, StoreTraining{S: st2}, nil)
	open, err := s2.Resume(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got *quiz.Session
	chats := map[string]string{}
	for _, o := range open {
		chats[o.ChatKey] = o.State
		if o.ChatKey == chat {
			got = o
		}
	}
	if len(open) != 2 || got == nil || chats["other"] != quiz.StateFinished {
		t.Fatalf("resumed sessions: %v", chats)
	}
	if got.ID != sess.ID || got.Current != 1 || got.Remaining() != 2 || got.State != quiz.StateRunning {
		t.Fatalf("resumed: id %s current %d remaining %d state %s", got.ID, got.Current, got.Remaining(), got.State)
	}
	if p := got.Scores["alice"]; p == nil || p.Score != 2 || p.Answered != 2 {
		t.Fatalf("alice after restart: %+v", p)
	}
	// Answers keep being routed by poll id and counted once.
	if c, r := answer(t, s2, "p1", "bob", "Bob", q1.Correct); c != chat || !r.Counted || !r.Correct {
		t.Errorf("bob p1 after restart: %q %+v", c, r)
	}
	if _, r := answer(t, s2, "p0", "alice", "Alice", q0.Correct); r.Counted {
		t.Errorf("alice's p0 counted twice across the restart: %+v", r)
	}
	if _, err := s2.Start(ctx, StartRequest{Chat: chat, StartedBy: "u", N: 3, Topic: "", Script: ""}); !errors.Is(err, ErrSessionRunning) {
		t.Errorf("start over a resumed session: %v", err)
	}
	q2, idx := askNext(t, s2, chat, "p2")
	if idx != 2 || q2.Key != sess.Questions[2].Key {
		t.Errorf("resumed at index %d", idx)
	}
	answer(t, s2, "p2", "bob", "Bob", q2.Correct)
	_, board, err := s2.Score(ctx, chat)
	if err != nil {
		t.Fatal(err)
	}
	if len(board) != 2 || board[0].UserID != "alice" || board[0].Score != 2 || board[1].Score != 2 || board[1].Answered != 3 {
		t.Errorf("board after restart: %+v", board)
	}
}

func TestTrainingConcurrentAnswers(t *testing.T) {
	t.Parallel()
	st := openStore(t, filepath.Join(t.TempDir(), "b.db"))
	defer st.Close()
	s := newTraining(t, StoreTraining{S: st}, nil)
	ctx := context.Background()
	chats := []string{"c1", "c2"}
	const users, polls = 30, 3
	questions := map[string][]quiz.Question{}
	for _, chat := range chats {
		if _, err := s.Start(ctx, StartRequest{Chat: chat, StartedBy: "u", N: polls, Topic: "", Script: ""}); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < polls; i++ {
			q, _ := askNext(t, s, chat, fmt.Sprintf("%s-p%d", chat, i))
			questions[chat] = append(questions[chat], q)
		}
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	counted := map[string]int{}
	for _, chat := range chats {
		for u := 0; u < users; u++ {
			for i := 0; i < polls; i++ {
				for try := 0; try < 2; try++ { // every answer arrives twice
					wg.Add(1)
					go func() {
						defer wg.Done()
						q := questions[chat][i]
						opt := q.Correct
						if u%2 == 1 {
							opt = wrongOption(q)
						}
						_, r, err := s.RecordAnswer(ctx, Vote{PollID: fmt.Sprintf("%s-p%d", chat, i), UserID: fmt.Sprint("user", u), Name: fmt.Sprint("用户", u), Options: []int{opt}})
						if err != nil {
							t.Error(err)
							return
						}
						if r.Counted {
							mu.Lock()
							counted[chat]++
							mu.Unlock()
						}
					}()
				}
			}
		}
	}
	wg.Wait()
	for _, chat := range chats {
		if counted[chat] != users*polls {
			t.Errorf("%s: %d answers counted, want %d", chat, counted[chat], users*polls)
		}
		_, board, err := s.Score(ctx, chat)
		if err != nil {
			t.Fatal(err)
		}
		if len(board) != users {
			t.Fatalf("%s: %d players", chat, len(board))
		}
		for _, p := range board {
			var u int
			fmt.Sscanf(p.UserID, "user%d", &u)
			want := polls
			if u%2 == 1 {
				want = 0
			}
			if p.Score != want || p.Answered != polls {
				t.Errorf("%s %s: %d/%d, want %d/%d", chat, p.UserID, p.Score, p.Answered, want, polls)
			}
		}
	}
}

func utf16Units(s string) int { return len(utf16.Encode([]rune(s))) }

// checkPollLimits checks a question against Telegram's quiz poll limits
// directly, independent of quiz.Validate.
func checkPollLimits(t *testing.T, q quiz.Question) {
	t.Helper()
	if n := utf16Units(q.Text); n < 1 || n > 300 {
		t.Errorf("question length %d: %s", n, q.Text)
	}
	if len(q.Options) < 2 || len(q.Options) > 10 {
		t.Errorf("%d options", len(q.Options))
	}
	for _, o := range q.Options {
		if n := utf16Units(o); n < 1 || n > 100 {
			t.Errorf("option length %d: %s", n, o)
		}
	}
	if n := utf16Units(q.Explanation); n > 200 || strings.Count(q.Explanation, "\n") > 2 {
		t.Errorf("explanation length %d: %s", n, q.Explanation)
	}
}

func TestQuizTwentyValid(t *testing.T) {
	t.Parallel()
	s := newTraining(t, nil, nil)
	qs, err := s.Quiz(context.Background(), QuizRequest{N: 20, Topic: "", Script: "", Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 20 {
		t.Fatalf("%d questions", len(qs))
	}
	keys := map[string]bool{}
	kinds := map[quiz.Kind]int{}
	for _, q := range qs {
		if err := quiz.Validate(q); err != nil {
			t.Errorf("%v: %+v", err, q)
		}
		checkPollLimits(t, q)
		if keys[q.Key] {
			t.Errorf("repeated question %s", q.Key)
		}
		keys[q.Key] = true
		kinds[q.Kind]++
		if q.Origin != quiz.OriginTemplate || q.Script != zh.Simplified {
			t.Errorf("offline question origin %s script %s", q.Origin, q.Script)
		}
	}
	if len(kinds) < 3 {
		t.Errorf("little variety: %v", kinds)
	}
	// Same seed, same questions.
	again, err := s.Quiz(context.Background(), QuizRequest{N: 20, Topic: "", Script: "", Seed: 7})
	if err != nil || len(again) != len(qs) || again[5].Key != qs[5].Key {
		t.Errorf("not reproducible: %v", err)
	}
	expl := FormatExplanation(qs[0])
	t.Log("\n" + expl)
	if !strings.Contains(expl, qs[0].CorrectText()) || !strings.Contains(expl, zh.ToSimplified(strings.TrimSpace(qs[0].Citation.Passage))[:30]) {
		t.Errorf("explanation lacks the answer or the passage:\n%s", expl)
	}
}

func TestQuizTraditionalTopic(t *testing.T) {
	t.Parallel()
	s := newTraining(t, nil, nil)
	ctx := context.Background()
	// The topic alone says Traditional; questions follow it.
	qs, err := s.Quiz(ctx, QuizRequest{N: 4, Topic: "四單工作法", Script: "", Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		if err := quiz.Validate(q); err != nil {
			t.Error(err)
		}
		if q.Script != zh.Traditional {
			t.Errorf("script %s for a Traditional topic", q.Script)
		}
		all := q.Text + strings.Join(q.Options, "") + q.Citation.Passage
		if !strings.Contains(zh.ToSimplified(all), "单") {
			t.Errorf("off-topic question: %s", q.Text)
		}
	}
	if len(qs) == 0 {
		t.Fatal("no questions")
	}
	sess, err := s.Start(ctx, StartRequest{Chat: "tw", StartedBy: "u", N: 3, Topic: "吳中蘭", Script: "hant"})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range sess.Questions {
		if q.Citation.Leader == "" || zh.ToSimplified(q.Citation.Leader) != "吴中兰" || q.Script != zh.Traditional {
			t.Errorf("question for 吳中蘭 cites %q (script %s)", q.Citation.Leader, q.Script)
		}
	}
	expl := FormatExplanation(sess.Questions[0])
	if zh.DetectScript(expl) != zh.Traditional {
		t.Errorf("explanation not in Traditional:\n%s", expl)
	}
	board := FormatLeaderboard([]quiz.Player{{UserID: "1", Name: "张三", Score: 1, Answered: 2}}, "hant")
	if !strings.Contains(board, "排行榜") || !strings.Contains(board, "答對") || !strings.Contains(board, "张三 1/2") {
		t.Errorf("Traditional board (names kept as written):\n%s", board)
	}
}

func TestCaseStartReveal(t *testing.T) {
	t.Parallel()
	st := openStore(t, filepath.Join(t.TempDir(), "b.db"))
	defer st.Close()
	s := newTraining(t, StoreTraining{S: st}, nil)
	ctx := context.Background()
	if _, ok, err := s.RevealCase(ctx, "g"); ok || err != nil {
		t.Fatalf("reveal with nothing pending: ok=%v err=%v", ok, err)
	}
	if _, err := s.StartCase(ctx, CaseRequest{Chat: "g", Topic: "火星殖民计划", Script: ""}); !errors.Is(err, quiz.ErrNoMaterial) {
		t.Errorf("unknown topic: %v", err)
	}
	total := len(s.Bank().Cases("", "hans", 0))
	if total < 2 {
		t.Fatalf("only %d cases in the default corpus", total)
	}
	var prev string
	seen := map[string]bool{}
	for i := 0; i < total; i++ {
		c, err := s.StartCase(ctx, CaseRequest{Chat: "g", Topic: "", Script: ""})
		if err != nil {
			t.Fatal(err)
		}
		if c.Scenario == "" || c.Reveal == "" || c.Citation.Passage == "" {
			t.Fatalf("empty case: %+v", c)
		}
		key := caseKey(c)
		if key == prev {
			t.Errorf("case %d repeats the previous one", i)
		}
		if seen[key] {
			t.Errorf("case %d repeated before all %d were shown", i, total)
		}
		seen[key], prev = true, key
		got, ok, err := s.RevealCase(ctx, "g")
		if err != nil || !ok || got.Reveal != c.Reveal {
			t.Fatalf("reveal %d: ok=%v err=%v", i, ok, err)
		}
		if _, ok, _ := s.RevealCase(ctx, "g"); ok {
			t.Fatal("reveal twice")
		}
	}
	// All shown: the next one still differs from the last.
	c, err := s.StartCase(ctx, CaseRequest{Chat: "g", Topic: "", Script: ""})
	if err != nil || caseKey(c) == prev {
		t.Errorf("after a full round: repeat=%v err=%v", caseKey(c) == prev, err)
	}
	// A pending case survives a new Service on the same store.
	s2 := newTraining(t, StoreTraining{S: st}, nil)
	got, ok, err := s2.RevealCase(ctx, "g")
	if err != nil || !ok || got.Scenario != c.Scenario {
		t.Errorf("pending case lost: ok=%v err=%v", ok, err)
	}
	// Traditional.
	tc, err := s.StartCase(ctx, CaseRequest{Chat: "tw", Topic: "", Script: "hant"})
	if err != nil {
		t.Fatal(err)
	}
	if zh.DetectScript(tc.Scenario+tc.Reveal) != zh.Traditional {
		t.Errorf("case not in Traditional: %s", tc.Scenario)
	}
}

// scriptedModel answers quiz prompts: fails, or writes a question whose
// answer is a phrase of the passage in the prompt.
type scriptedModel struct {
	mu    sync.Mutex
	fail  bool
	calls int
}

func (m *scriptedModel) Stream(_ context.Context, msgs []llm.Message, _ func(string)) (string, error) {
	m.mu.Lock()
	m.calls++
	m.mu.Unlock()
	if m.fail {
		return "", errors.New("connection refused")
	}
	p := msgs[len(msgs)-1].Content
	i, j := strings.Index(p, "<<<\n"), strings.LastIndex(p, "\n>>>")
	if i < 0 || j <= i {
		return "not json", nil
	}
	var han []rune
	for _, r := range p[i+4 : j] {
		if zh.IsHan(r) {
			han = append(han, r)
			if len(han) == 6 {
				break
			}
		} else if len(han) > 0 {
			han = han[:0]
		}
	}
	if len(han) < 4 {
		return "not json", nil
	}
	return fmt.Sprintf("好的：```json\n{\"question\":\"原文中提到了下列哪一项？\",\"options\":[\"星际航行课程\",%q,\"海底牧场合作社\",\"量子通信驿站\"],\"answer\":1}\n```", string(han)), nil
}

func TestQuizWithModel(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	good := &scriptedModel{}
	qs, err := newTraining(t, nil, good).Quiz(ctx, QuizRequest{N: 5, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	model := 0
	for _, q := range qs {
		if err := quiz.Validate(q); err != nil {
			t.Error(err)
		}
		if q.Origin == quiz.OriginModel {
			model++
		}
	}
	if len(qs) != 5 || model == 0 {
		t.Errorf("%d questions, %d from the model", len(qs), model)
	}

	down := &scriptedModel{fail: true}
	qs, err = newTraining(t, nil, down).Quiz(ctx, QuizRequest{N: 6, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 6 {
		t.Errorf("%d questions with the model down", len(qs))
	}
	for _, q := range qs {
		if q.Origin != quiz.OriginTemplate {
			t.Errorf("origin %s with the model down", q.Origin)
		}
	}
	if down.calls > 2 {
		t.Errorf("a model that is down was called %d times", down.calls)
	}
}
