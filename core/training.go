package core

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"bangyang/llm"
	"bangyang/quiz"
	"bangyang/store"
	"bangyang/zh"
)

// Training errors.
var (
	// ErrSessionRunning: a chat has at most one running training session.
	ErrSessionRunning = errors.New("a training session is already running in this chat")
	// ErrNoTraining: the chat has no session (or, for StopTraining, none
	// that is not already stopped).
	ErrNoTraining = errors.New("no training session in this chat")
)

// Question counts.
const (
	DefaultTrainingQuestions = 5
	MaxTrainingQuestions     = 20
	MaxQuizQuestions         = 50
)

// recentCases is how many shown cases a chat remembers to avoid repeats.
const recentCases = 30

// CaseState is a chat's case discussion: the case waiting to be revealed
// and keys of cases shown lately, oldest first.
type CaseState struct {
	Pending *quiz.Case `json:"pending,omitempty"`
	Recent  []string   `json:"recent,omitempty"`
}

// TrainingStore keeps training sessions (one per chat), the index from a
// transport's poll id to its chat (a poll answer carries only the poll id
// and the user), and case discussions. Loads return copies: mutating a
// returned session changes nothing until it is saved.
type TrainingStore interface {
	// LoadSession returns the chat's session, nil (and no error) if none.
	LoadSession(ctx context.Context, chat string) (*quiz.Session, error)
	SaveSession(ctx context.Context, chat string, s *quiz.Session) error
	// Sessions lists every stored session, whatever its state.
	Sessions(ctx context.Context) ([]*quiz.Session, error)
	IndexPoll(ctx context.Context, pollID, chat string) error
	PollChat(ctx context.Context, pollID string) (chat string, found bool, err error)
	UnindexPolls(ctx context.Context, pollIDs []string) error
	LoadCases(ctx context.Context, chat string) (CaseState, error)
	SaveCases(ctx context.Context, chat string, c CaseState) error
}

// Store buckets of StoreTraining.
const (
	trainingBucket      = "training"
	trainingPollsBucket = "training_polls"
	trainingCasesBucket = "training_cases"
)

// StoreTraining keeps training state in the embedded store so sessions and
// scores survive restarts.
type StoreTraining struct{ S *store.Store }

func (t StoreTraining) LoadSession(ctx context.Context, chat string) (*quiz.Session, error) {
	var s quiz.Session
	found, err := t.S.Get(ctx, trainingBucket, chat, &s)
	if err != nil || !found {
		return nil, err
	}
	return &s, nil
}

func (t StoreTraining) SaveSession(ctx context.Context, chat string, s *quiz.Session) error {
	return t.S.Put(ctx, trainingBucket, chat, s)
}

func (t StoreTraining) Sessions(ctx context.Context) ([]*quiz.Session, error) {
	var out []*quiz.Session
	err := t.S.Each(ctx, trainingBucket, func(key []byte, raw json.RawMessage) error {
		var s quiz.Session
		if err := json.Unmarshal(raw, &s); err != nil {
			return fmt.Errorf("session %s: %w", key, err)
		}
		out = append(out, &s)
		return nil
	})
	return out, err
}

func (t StoreTraining) IndexPoll(ctx context.Context, pollID, chat string) error {
	return t.S.Put(ctx, trainingPollsBucket, pollID, chat)
}

func (t StoreTraining) PollChat(ctx context.Context, pollID string) (string, bool, error) {
	var chat string
	found, err := t.S.Get(ctx, trainingPollsBucket, pollID, &chat)
	return chat, found, err
}

func (t StoreTraining) UnindexPolls(ctx context.Context, pollIDs []string) error {
	for _, id := range pollIDs {
		if err := t.S.Delete(ctx, trainingPollsBucket, id); err != nil {
			return err
		}
	}
	return nil
}

func (t StoreTraining) LoadCases(ctx context.Context, chat string) (CaseState, error) {
	var c CaseState
	_, err := t.S.Get(ctx, trainingCasesBucket, chat, &c)
	return c, err
}

func (t StoreTraining) SaveCases(ctx context.Context, chat string, c CaseState) error {
	return t.S.Put(ctx, trainingCasesBucket, chat, c)
}

// MapTraining keeps training state in RAM: for one-shot CLI calls and
// tests. The zero value is ready to use.
type MapTraining struct {
	mu       sync.Mutex
	sessions map[string][]byte // JSON, so loads are deep copies as from disk
	polls    map[string]string
	cases    map[string][]byte
}

func (m *MapTraining) LoadSession(_ context.Context, chat string) (*quiz.Session, error) {
	m.mu.Lock()
	raw, ok := m.sessions[chat]
	m.mu.Unlock()
	if !ok {
		return nil, nil
	}
	var s quiz.Session
	if err := json.Unmarshal(raw, &s); err != nil {
		return nil, fmt.Errorf("session %s: %w", chat, err)
	}
	return &s, nil
}

func (m *MapTraining) SaveSession(_ context.Context, chat string, s *quiz.Session) error {
	raw, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("session %s: %w", chat, err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.sessions == nil {
		m.sessions = map[string][]byte{}
	}
	m.sessions[chat] = raw
	return nil
}

func (m *MapTraining) Sessions(_ context.Context) ([]*quiz.Session, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]*quiz.Session, 0, len(m.sessions))
	for chat, raw := range m.sessions {
		var s quiz.Session
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, fmt.Errorf("session %s: %w", chat, err)
		}
		out = append(out, &s)
	}
	return out, nil
}

func (m *MapTraining) IndexPoll(_ context.Context, pollID, chat string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.polls == nil {
		m.polls = map[string]string{}
	}
	m.polls[pollID] = chat
	return nil
}

func (m *MapTraining) PollChat(_ context.Context, pollID string) (string, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	chat, ok := m.polls[pollID]
	return chat, ok, nil
}

func (m *MapTraining) UnindexPolls(_ context.Context, pollIDs []string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, id := range pollIDs {
		delete(m.polls, id)
	}
	return nil
}

func (m *MapTraining) LoadCases(_ context.Context, chat string) (CaseState, error) {
	m.mu.Lock()
	raw, ok := m.cases[chat]
	m.mu.Unlock()
	var c CaseState
	if !ok {
		return c, nil
	}
	if err := json.Unmarshal(raw, &c); err != nil {
		return CaseState{}, fmt.Errorf("cases %s: %w", chat, err)
	}
	return c, nil
}

func (m *MapTraining) SaveCases(_ context.Context, chat string, c CaseState) error {
	raw, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("cases %s: %w", chat, err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.cases == nil {
		m.cases = map[string][]byte{}
	}
	m.cases[chat] = raw
	return nil
}

// trainingState is the Service's training machinery; its zero value is
// ready, so New needs no wiring for it.
type trainingState struct {
	bankOnce sync.Once
	bank     *quiz.Bank
	mem      MapTraining // used when Options.Training is nil

	// locks serialise mutations of one chat's training state: poll answers
	// of many users arrive concurrently, and each is a load-modify-save.
	chatLocks
}

func (s *Service) trainingStore() TrainingStore {
	if s.o.Training != nil {
		return s.o.Training
	}
	return &s.train.mem
}

// QuizBank is the question bank over the service's passages (and catalog,
// when there is one), built on first use.
func (s *Service) QuizBank() *quiz.Bank {
	s.train.bankOnce.Do(func() {
		src := quiz.Source{Chunks: s.o.Chunks}
		if s.o.Catalog != nil {
			src = quiz.SourceFromCatalog(s.o.Catalog, s.o.Chunks)
		}
		s.train.bank = quiz.NewBank(src)
	})
	return s.train.bank
}

// quizScript is the script questions are written in: the one asked for,
// else the topic's, else Simplified.
func quizScript(script, topic string) string {
	switch script {
	case quiz.ScriptSimplified, quiz.ScriptTraditional:
		return script
	}
	if zh.DetectScript(topic) == quiz.ScriptTraditional {
		return quiz.ScriptTraditional
	}
	return quiz.ScriptSimplified
}

// modelGenerator adapts the chat model to quiz.Generator. After two
// failed calls in a row it reports itself unusable, so a model that is down
// costs two timeouts, not two per question.
type modelGenerator struct {
	m        ChatModel
	timeout  time.Duration
	mu       sync.Mutex
	failures int
	calls    int
}

func (g *modelGenerator) Complete(ctx context.Context, prompt string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, g.timeout)
	defer cancel()
	out, err := g.m.Stream(ctx, []llm.Message{{Role: "user", Content: prompt}}, nil)
	g.mu.Lock()
	defer g.mu.Unlock()
	g.calls++
	if err != nil {
		g.failures++
		return "", fmt.Errorf("quiz model: %w", err)
	}
	g.failures = 0
	return out, nil
}

func (g *modelGenerator) usable() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.failures < 2
}

// Quiz prepares n questions (default 5, at most 50) on topic ("" for any)
// for a trainer. With a model configured it asks the model for each
// question, validated against the cited passage, and falls back to
// template questions; offline all questions come from templates. The same
// seed gives the same template questions. Unknown topics wrap
// quiz.ErrNoMaterial.
func (s *Service) Quiz(ctx context.Context, n int, topic, script string, seed uint64) ([]quiz.Question, error) {
	if n <= 0 {
		n = DefaultTrainingQuestions
	}
	n = min(n, MaxQuizQuestions)
	bank := s.QuizBank()
	opt := quiz.Options{N: n, Topic: strings.TrimSpace(topic), Script: quizScript(script, topic), Seed: seed}
	seen := map[string]bool{}
	var out []quiz.Question
	if s.o.Model != nil {
		gen := &modelGenerator{m: s.o.Model, timeout: s.o.ModelTimeout}
		for i := 0; len(out) < n && i < 2*n && gen.usable(); i++ {
			o := opt
			o.Seed = seed + uint64(i)*0x9e3779b97f4a7c15
			o.Exclude = seen
			q, err := bank.ModelQuestion(ctx, gen, o)
			if ctxErr := ctx.Err(); ctxErr != nil {
				return nil, fmt.Errorf("quiz: %w", ctxErr)
			}
			if err != nil {
				if errors.Is(err, quiz.ErrNoMaterial) && len(out) == 0 {
					return nil, fmt.Errorf("quiz: %w", err)
				}
				break
			}
			if !seen[q.Key] {
				seen[q.Key] = true
				out = append(out, q)
			}
		}
		if !gen.usable() {
			s.o.Logger.Warn("quiz: model unavailable, using template questions", "calls", gen.calls)
		}
	}
	if len(out) < n {
		o := opt
		o.N = n - len(out)
		o.Exclude = seen
		more, err := bank.Generate(o)
		if err != nil && len(out) == 0 {
			return nil, fmt.Errorf("quiz: %w", err)
		}
		out = append(out, more...)
	}
	return out, nil
}

// StartTraining starts a session of n questions (default 5, clamped to
// 1..20; fewer when the topic has less material) in chat. If one is
// already running it returns that session with ErrSessionRunning. Questions
// of the chat's previous session are avoided when there is enough other
// material. An unknown topic wraps quiz.ErrNoMaterial.
func (s *Service) StartTraining(ctx context.Context, chat, startedBy string, n int, topic, script string) (*quiz.Session, error) {
	if n <= 0 {
		n = DefaultTrainingQuestions
	}
	n = min(n, MaxTrainingQuestions)
	topic = strings.TrimSpace(topic)
	unlock := s.train.lock(chat)
	defer unlock()
	st := s.trainingStore()
	prev, err := st.LoadSession(ctx, chat)
	if err != nil {
		return nil, fmt.Errorf("start training in %s: %w", chat, err)
	}
	if !quiz.CanStart(prev) {
		return prev, ErrSessionRunning
	}
	now := s.o.Now()
	opt := quiz.Options{N: n, Topic: topic, Script: quizScript(script, topic), Seed: uint64(now.UnixNano())}
	if prev != nil {
		opt.Exclude = prev.Keys()
	}
	bank := s.QuizBank()
	qs, err := bank.Generate(opt)
	if opt.Exclude != nil && len(qs) < n {
		// A topic with little material: repeating last time's questions
		// beats a short session.
		opt.Exclude = nil
		if all, err2 := bank.Generate(opt); err2 == nil && len(all) > len(qs) {
			qs, err = all, nil
		}
	}
	if err != nil {
		return nil, fmt.Errorf("start training: %w", err)
	}
	id := strconv.FormatInt(now.UnixNano(), 36)
	sess, err := quiz.NewSession(chat, id, startedBy, topic, qs, now)
	if err != nil {
		return nil, fmt.Errorf("start training: %w", err)
	}
	if prev != nil {
		if err := st.UnindexPolls(ctx, pollIDsOf(prev)); err != nil {
			s.o.Logger.Warn("training: forget old polls", "chat", chat, "err", err)
		}
	}
	if err := st.SaveSession(ctx, chat, sess); err != nil {
		return nil, fmt.Errorf("start training in %s: %w", chat, err)
	}
	s.observeTraining(ctx, TrainingEvent{At: now, Chat: chat, StartedBy: startedBy, Topic: topic, Questions: len(qs)})
	return sess, nil
}

func pollIDsOf(s *quiz.Session) []string {
	ids := make([]string, 0, len(s.PollIDs))
	for id := range s.PollIDs {
		ids = append(ids, id)
	}
	return ids
}

// NextTrainingQuestion advances chat's session and returns the next
// question and its index; ok is false when none is left (the session is
// then finished: answers to asked questions still count until
// StopTraining) or the session was stopped.
func (s *Service) NextTrainingQuestion(ctx context.Context, chat string) (q quiz.Question, index int, ok bool, err error) {
	unlock := s.train.lock(chat)
	defer unlock()
	st := s.trainingStore()
	sess, err := st.LoadSession(ctx, chat)
	if err != nil {
		return quiz.Question{}, -1, false, fmt.Errorf("next question in %s: %w", chat, err)
	}
	if sess == nil {
		return quiz.Question{}, -1, false, ErrNoTraining
	}
	before := sess.State
	q, index, ok = sess.NextQuestion()
	if ok || sess.State != before {
		if err := st.SaveSession(ctx, chat, sess); err != nil {
			return quiz.Question{}, -1, false, fmt.Errorf("next question in %s: %w", chat, err)
		}
	}
	return q, index, ok, nil
}

// BindTrainingPoll records that the transport's poll pollID carries
// question index of chat's session, so its answers can be counted.
func (s *Service) BindTrainingPoll(ctx context.Context, chat, pollID string, index int) error {
	if pollID == "" {
		return errors.New("bind training poll: empty poll id")
	}
	unlock := s.train.lock(chat)
	defer unlock()
	st := s.trainingStore()
	sess, err := st.LoadSession(ctx, chat)
	if err != nil {
		return fmt.Errorf("bind poll in %s: %w", chat, err)
	}
	if sess == nil || sess.State == quiz.StateStopped {
		return ErrNoTraining
	}
	if err := sess.BindPoll(pollID, index); err != nil {
		return err
	}
	// Index first: if saving the session then fails, the index points to a
	// session without the poll, which RecordAnswer ignores.
	if err := st.IndexPoll(ctx, pollID, chat); err != nil {
		return fmt.Errorf("bind poll in %s: %w", chat, err)
	}
	if err := st.SaveSession(ctx, chat, sess); err != nil {
		return fmt.Errorf("bind poll in %s: %w", chat, err)
	}
	return nil
}

// RecordTrainingAnswer counts a user's answer to a training poll and says
// which chat it belongs to. It is idempotent: only a user's first answer
// to a question counts. A poll that belongs to no session (another
// session's, long gone) gives chat "" and an uncounted result, no error.
func (s *Service) RecordTrainingAnswer(ctx context.Context, pollID, userID, displayName string, optionIDs []int) (chat string, res quiz.AnswerResult, err error) {
	none := quiz.AnswerResult{Index: -1}
	st := s.trainingStore()
	chat, found, err := st.PollChat(ctx, pollID)
	if err != nil {
		return "", none, fmt.Errorf("find poll %s: %w", pollID, err)
	}
	if !found {
		return "", none, nil
	}
	unlock := s.train.lock(chat)
	defer unlock()
	sess, err := st.LoadSession(ctx, chat)
	if err != nil {
		return chat, none, fmt.Errorf("record answer in %s: %w", chat, err)
	}
	if sess == nil {
		return chat, none, nil
	}
	res = sess.RecordAnswer(pollID, userID, displayName, optionIDs)
	if res.Counted {
		if err := st.SaveSession(ctx, chat, sess); err != nil {
			return chat, none, fmt.Errorf("record answer in %s: %w", chat, err)
		}
	}
	return chat, res, nil
}

// TrainingScore returns chat's latest session (in any state) and its
// leaderboard; ErrNoTraining if the chat never had one.
func (s *Service) TrainingScore(ctx context.Context, chat string) (*quiz.Session, []quiz.Player, error) {
	sess, err := s.trainingStore().LoadSession(ctx, chat)
	if err != nil {
		return nil, nil, fmt.Errorf("training score in %s: %w", chat, err)
	}
	if sess == nil {
		return nil, nil, ErrNoTraining
	}
	return sess, sess.Leaderboard(), nil
}

// StopTraining ends chat's session (early, or after the last question to
// freeze the scores) and returns its final leaderboard. With no session it
// returns ErrNoTraining; with one already stopped, that session, its board
// and ErrNoTraining.
func (s *Service) StopTraining(ctx context.Context, chat string) (*quiz.Session, []quiz.Player, error) {
	unlock := s.train.lock(chat)
	defer unlock()
	st := s.trainingStore()
	sess, err := st.LoadSession(ctx, chat)
	if err != nil {
		return nil, nil, fmt.Errorf("stop training in %s: %w", chat, err)
	}
	if sess == nil {
		return nil, nil, ErrNoTraining
	}
	if err := sess.Stop(); err != nil {
		return sess, sess.Leaderboard(), ErrNoTraining
	}
	if err := st.SaveSession(ctx, chat, sess); err != nil {
		return nil, nil, fmt.Errorf("stop training in %s: %w", chat, err)
	}
	// Late answers to a stopped session are ignored anyway; dropping its
	// polls keeps the index small.
	if err := st.UnindexPolls(ctx, pollIDsOf(sess)); err != nil {
		s.o.Logger.Warn("training: forget polls", "chat", chat, "err", err)
	}
	return sess, sess.Leaderboard(), nil
}

// ResumeTrainings lists the sessions not yet stopped, oldest first, so a
// transport can carry on after a restart: State running with Remaining() >
// 0 has questions left to ask; running with none left, or finished, only
// needs StopTraining and the final board. Scores and poll bindings are as
// they were saved.
func (s *Service) ResumeTrainings(ctx context.Context) ([]*quiz.Session, error) {
	all, err := s.trainingStore().Sessions(ctx)
	if err != nil {
		return nil, fmt.Errorf("resume trainings: %w", err)
	}
	var open []*quiz.Session
	for _, sess := range all {
		if sess.State != quiz.StateStopped {
			open = append(open, sess)
		}
	}
	sort.Slice(open, func(i, j int) bool {
		if !open[i].CreatedAt.Equal(open[j].CreatedAt) {
			return open[i].CreatedAt.Before(open[j].CreatedAt)
		}
		return open[i].ChatKey < open[j].ChatKey
	})
	return open, nil
}

// caseKey identifies a case across scripts.
func caseKey(c quiz.Case) string {
	h := fnv.New64a()
	h.Write([]byte(zh.ToSimplified(c.Scenario)))
	return c.Citation.ChunkID + "|" + strconv.FormatUint(h.Sum64(), 36)
}

// StartCase picks a discussion case on topic ("" for any) for chat and
// keeps it until RevealCase. It prefers cases the chat has not seen lately
// and never repeats the previous one when there is another. An unknown
// topic wraps quiz.ErrNoMaterial.
func (s *Service) StartCase(ctx context.Context, chat, topic, script string) (quiz.Case, error) {
	topic = strings.TrimSpace(topic)
	cases := s.QuizBank().Cases(topic, quizScript(script, topic), 0)
	if len(cases) == 0 {
		return quiz.Case{}, fmt.Errorf("case on %q: %w", topic, quiz.ErrNoMaterial)
	}
	unlock := s.train.lock(chat)
	defer unlock()
	st := s.trainingStore()
	state, err := st.LoadCases(ctx, chat)
	if err != nil {
		return quiz.Case{}, fmt.Errorf("start case in %s: %w", chat, err)
	}
	lastShown := make(map[string]int, len(state.Recent))
	for i, k := range state.Recent {
		lastShown[k] = i
	}
	// Best-scored unseen case first; if all were seen, the one seen longest ago.
	best, bestAge := 0, -2
	for i, c := range cases {
		age := len(state.Recent) + 1 // unseen: older than anything seen
		if at, seen := lastShown[caseKey(c)]; seen {
			age = len(state.Recent) - 1 - at
		}
		if age > bestAge {
			best, bestAge = i, age
		}
	}
	c := cases[best]
	key := caseKey(c)
	recent := state.Recent[:0:0]
	for _, k := range state.Recent {
		if k != key {
			recent = append(recent, k)
		}
	}
	recent = append(recent, key)
	if len(recent) > recentCases {
		recent = recent[len(recent)-recentCases:]
	}
	state.Recent, state.Pending = recent, &c
	if err := st.SaveCases(ctx, chat, state); err != nil {
		return quiz.Case{}, fmt.Errorf("start case in %s: %w", chat, err)
	}
	return c, nil
}

// RevealCase returns chat's pending case, to show how the leader handled
// it, and clears it; ok is false when no case is pending.
func (s *Service) RevealCase(ctx context.Context, chat string) (c quiz.Case, ok bool, err error) {
	unlock := s.train.lock(chat)
	defer unlock()
	st := s.trainingStore()
	state, err := st.LoadCases(ctx, chat)
	if err != nil {
		return quiz.Case{}, false, fmt.Errorf("reveal case in %s: %w", chat, err)
	}
	if state.Pending == nil {
		return quiz.Case{}, false, nil
	}
	c = *state.Pending
	state.Pending = nil
	if err := st.SaveCases(ctx, chat, state); err != nil {
		return quiz.Case{}, false, fmt.Errorf("reveal case in %s: %w", chat, err)
	}
	return c, true, nil
}

// FormatLeaderboard renders a leaderboard (from TrainingScore or
// StopTraining) as plain text in script ("hant" for Traditional): one line
// per player, "rank. name correct/answered". Player names are kept as
// written.
func FormatLeaderboard(players []quiz.Player, script string) string {
	var b strings.Builder
	b.WriteString(inScript(script, "🏆 排行榜（答对/作答）"))
	if len(players) == 0 {
		b.WriteString("\n")
		b.WriteString(inScript(script, "还没有人答题。"))
		return b.String()
	}
	for i, p := range players {
		name := oneLine(p.Name)
		if name == "" {
			name = inScript(script, "匿名用户")
		}
		fmt.Fprintf(&b, "\n%d. %s %d/%d", i+1, name, p.Score, p.Answered)
	}
	return b.String()
}

// oneLine keeps a display name from breaking the one-line-per-player layout.
func oneLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// FormatExplanation renders a question's answer and the passage it is
// built on as plain text in the question's script: the right option, where
// the passage comes from (title, leader) and the passage itself.
func FormatExplanation(q quiz.Question) string {
	script := q.Script
	var b strings.Builder
	if ans := q.CorrectText(); ans != "" {
		b.WriteString(inScript(script, "✅ 正确答案："))
		b.WriteString(ans)
		b.WriteString("\n")
	}
	c := q.Citation
	b.WriteString(inScript(script, "📖 "+c.From()+"："))
	if p := strings.TrimSpace(c.Passage); p != "" {
		b.WriteString("\n")
		b.WriteString(inScript(script, p))
	}
	return b.String()
}
