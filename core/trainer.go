package core

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"bangyang/catalog"
	"bangyang/config"
	"bangyang/corpus"
	"bangyang/prompts"
	"bangyang/quiz"
	"bangyang/zh"
)

// Trainer runs training: quizzes for trainers, group sessions driven by a
// transport, discussion cases, and the records they leave. Build it with
// NewTrainer (or take the one a Service made, Service.Trainer). It is safe
// for concurrent use.
type Trainer struct {
	store   TrainingStore
	records RecordStore
	cat     *catalog.Catalog
	chunks  []corpus.Chunk
	model   ChatModel
	timeout time.Duration
	log     *slog.Logger
	now     func() time.Time
	observe Observer

	bankOnce sync.Once
	bank     *quiz.Bank

	// locks serialise mutations of one chat's training state: poll answers
	// of many users arrive concurrently, and each is a load-modify-save.
	chatLocks
}

// TrainerOptions configure a Trainer. Everything is optional.
type TrainerOptions struct {
	// Store keeps sessions, poll bindings and cases (nil: in memory).
	Store TrainingStore
	// Records keeps what finished sessions leave per member (nil: in memory).
	Records RecordStore
	// Catalog and Chunks are the material (methods, leaders, passages).
	Catalog *catalog.Catalog
	Chunks  []corpus.Chunk
	// Model writes quiz questions when set (validated; templates otherwise).
	Model        ChatModel
	ModelTimeout time.Duration // per model question (default config.TimeoutsFor(0).Answer, 90 s)
	Logger       *slog.Logger
	Now          func() time.Time
	// Observer is told about started sessions when it is a TrainingObserver.
	Observer Observer
}

// QuizRequest asks Trainer.Quiz for questions.
type QuizRequest struct {
	N      int       // default 5, at most MaxQuizQuestions
	Topic  string    // a leader, a method or a keyword; "" for any
	Script zh.Script // "" → the topic's
	Seed   uint64    // same seed, same template questions
}

// StartRequest starts a training session in a chat.
type StartRequest struct {
	Chat      string // the transport's chat key
	StartedBy string // user id of whoever started it
	N         int    // questions wanted: 0 → DefaultTrainingQuestions, capped at MaxTrainingQuestions
	Topic     string
	Script    zh.Script
	// Plan says what the session is part of: "" a plain session,
	// PlanLesson (a case follows the quiz), PlanDaily (the daily question).
	Plan string
	// ChatTitle is the chat's name, kept with the records.
	ChatTitle string
}

// Session plans (quiz.Session.Plan).
const (
	PlanLesson = "lesson"
	PlanDaily  = "daily"
)

// PollBinding says which question of a chat's session a transport's poll
// carries, and the transport's id of the message showing it (PostID, may be
// empty), so replies to the post can be recognised as discussion.
type PollBinding struct {
	Chat   string
	PollID string
	PostID string
	Index  int
}

// Vote is one member's answer to a training poll.
type Vote struct {
	PollID  string
	UserID  string
	Name    string // display name, kept as written
	Options []int  // chosen option ids; empty for a retracted vote
}

// NewTrainer fills in defaults.
func NewTrainer(o TrainerOptions) *Trainer {
	t := &Trainer{store: o.Store, records: o.Records, cat: o.Catalog, chunks: o.Chunks, model: o.Model,
		timeout: o.ModelTimeout, log: o.Logger, now: o.Now, observe: o.Observer}
	if t.store == nil {
		t.store = &MapTraining{}
	}
	if t.records == nil {
		t.records = &MapRecords{}
	}
	if t.timeout <= 0 {
		t.timeout = config.TimeoutsFor(0).Answer
	}
	if t.log == nil {
		t.log = slog.New(slog.DiscardHandler)
	}
	if t.now == nil {
		t.now = time.Now
	}
	return t
}

// Bank is the question bank over the service's passages (and catalog,
// when there is one), built on first use.
func (t *Trainer) Bank() *quiz.Bank {
	t.bankOnce.Do(func() {
		src := quiz.Source{Chunks: t.chunks}
		if t.cat != nil {
			src = quiz.SourceFromCatalog(t.cat, t.chunks)
		}
		t.bank = quiz.NewBank(src)
	})
	return t.bank
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
	out, err := g.m.Stream(ctx, []prompts.Message{{Role: "user", Content: prompt}}, nil)
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
func (t *Trainer) Quiz(ctx context.Context, req QuizRequest) ([]quiz.Question, error) {
	n, topic, script, seed := req.N, req.Topic, req.Script, req.Seed
	if n <= 0 {
		n = DefaultTrainingQuestions
	}
	n = min(n, MaxQuizQuestions)
	bank := t.Bank()
	opt := quiz.Options{N: n, Topic: strings.TrimSpace(topic), Script: normScript(script, topic), Seed: seed}
	seen := map[string]bool{}
	var out []quiz.Question
	if t.model != nil {
		gen := &modelGenerator{m: t.model, timeout: t.timeout}
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
			t.log.Warn("quiz: model unavailable, using template questions", "calls", gen.calls)
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

// Start starts a session of req.N questions (default 5, clamped to
// 1..20; fewer when the topic has less material) in chat. If one is
// already running it returns that session with ErrSessionRunning. Questions
// of the chat's previous session are avoided when there is enough other
// material. An unknown topic wraps quiz.ErrNoMaterial.
func (t *Trainer) Start(ctx context.Context, req StartRequest) (*quiz.Session, error) {
	chat, n, topic := req.Chat, req.N, req.Topic
	if n <= 0 {
		n = DefaultTrainingQuestions
	}
	n = min(n, MaxTrainingQuestions)
	topic = strings.TrimSpace(topic)
	unlock := t.lock(chat)
	defer unlock()
	st := t.store
	prev, err := st.LoadSession(ctx, chat)
	if err != nil {
		return nil, fmt.Errorf("start training in %s: %w", chat, err)
	}
	if !quiz.CanStart(prev) {
		return prev, ErrSessionRunning
	}
	now := t.now()
	opt := quiz.Options{N: n, Topic: topic, Script: normScript(req.Script, topic), Seed: uint64(now.UnixNano())}
	if prev != nil {
		opt.Exclude = prev.Keys()
	}
	bank := t.Bank()
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
	sess, err := quiz.NewSession(chat, id, req.StartedBy, topic, qs, now)
	if err != nil {
		return nil, fmt.Errorf("start training: %w", err)
	}
	sess.Plan, sess.ChatTitle = req.Plan, req.ChatTitle
	if prev != nil {
		if err := st.UnindexPolls(ctx, pollIDsOf(prev)); err != nil {
			t.log.Warn("training: forget old polls", "chat", chat, "err", err)
		}
	}
	if err := st.SaveSession(ctx, chat, sess); err != nil {
		return nil, fmt.Errorf("start training in %s: %w", chat, err)
	}
	if o, ok := t.observe.(TrainingObserver); ok {
		o.TrainingStarted(ctx, TrainingEvent{At: now, Chat: chat, StartedBy: req.StartedBy, Topic: topic, Questions: len(qs)})
	}
	return sess, nil
}

func pollIDsOf(s *quiz.Session) []string {
	ids := make([]string, 0, len(s.PollIDs))
	for id := range s.PollIDs {
		ids = append(ids, id)
	}
	return ids
}

// Next advances chat's session and returns the next
// question and its index; ok is false when none is left (the session is
// then finished: answers to asked questions still count until
// Stop) or the session was stopped.
func (t *Trainer) Next(ctx context.Context, chat string) (q quiz.Question, index int, ok bool, err error) {
	unlock := t.lock(chat)
	defer unlock()
	st := t.store
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

// BindPoll records that the transport's poll pb.PollID carries
// question index of chat's session, so its answers can be counted.
func (t *Trainer) BindPoll(ctx context.Context, pb PollBinding) error {
	chat, pollID, index := pb.Chat, pb.PollID, pb.Index
	if pollID == "" {
		return errors.New("bind training poll: empty poll id")
	}
	unlock := t.lock(chat)
	defer unlock()
	st := t.store
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
	if err := sess.BindPost(pb.PostID, index); err != nil {
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

// RecordAnswer counts a user's answer to a training poll and says
// which chat it belongs to. It is idempotent: only a user's first answer
// to a question counts. A poll that belongs to no session (another
// session's, long gone) gives chat "" and an uncounted result, no error.
func (t *Trainer) RecordAnswer(ctx context.Context, v Vote) (chat string, res quiz.AnswerResult, err error) {
	pollID := v.PollID
	none := quiz.AnswerResult{Index: -1}
	st := t.store
	chat, found, err := st.PollChat(ctx, pollID)
	if err != nil {
		return "", none, fmt.Errorf("find poll %s: %w", pollID, err)
	}
	if !found {
		return "", none, nil
	}
	unlock := t.lock(chat)
	defer unlock()
	sess, err := st.LoadSession(ctx, chat)
	if err != nil {
		return chat, none, fmt.Errorf("record answer in %s: %w", chat, err)
	}
	if sess == nil {
		return chat, none, nil
	}
	res = sess.RecordAnswer(pollID, v.UserID, v.Name, v.Options)
	if res.Counted {
		if err := st.SaveSession(ctx, chat, sess); err != nil {
			return chat, none, fmt.Errorf("record answer in %s: %w", chat, err)
		}
	}
	return chat, res, nil
}

// Score returns chat's latest session (in any state) and its
// leaderboard; ErrNoTraining if the chat never had one.
func (t *Trainer) Score(ctx context.Context, chat string) (*quiz.Session, []quiz.Player, error) {
	sess, err := t.store.LoadSession(ctx, chat)
	if err != nil {
		return nil, nil, fmt.Errorf("training score in %s: %w", chat, err)
	}
	if sess == nil {
		return nil, nil, ErrNoTraining
	}
	return sess, sess.Leaderboard(), nil
}

// Stop ends chat's session (early, or after the last question to
// freeze the scores) and returns its final leaderboard. With no session it
// returns ErrNoTraining; with one already stopped, that session, its board
// and ErrNoTraining.
func (t *Trainer) Stop(ctx context.Context, chat string) (*quiz.Session, []quiz.Player, error) {
	unlock := t.lock(chat)
	defer unlock()
	st := t.store
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
	// The session is over: what each member did goes into the records
	// once (Stop succeeds once per session).
	if err := t.records.AddRecords(ctx, recordsOf(sess, t.now())); err != nil {
		t.log.Error("training: save records", "chat", chat, "session", sess.ID, "err", err)
	}
	// Late answers to a stopped session are ignored anyway; dropping its
	// polls keeps the index small.
	if err := st.UnindexPolls(ctx, pollIDsOf(sess)); err != nil {
		t.log.Warn("training: forget polls", "chat", chat, "err", err)
	}
	return sess, sess.Leaderboard(), nil
}

// CloseQuestion marks question index of chat's session as answered in
// public (the transport is about to show its passage) and returns how it
// went. Replies to its poll are no longer discussion after this.
func (t *Trainer) CloseQuestion(ctx context.Context, chat string, index int) (quiz.Stats, error) {
	unlock := t.lock(chat)
	defer unlock()
	sess, err := t.store.LoadSession(ctx, chat)
	if err != nil {
		return quiz.Stats{}, fmt.Errorf("close question in %s: %w", chat, err)
	}
	if sess == nil {
		return quiz.Stats{}, ErrNoTraining
	}
	stats := sess.CloseQuestion(index)
	if err := t.store.SaveSession(ctx, chat, sess); err != nil {
		return stats, fmt.Errorf("close question in %s: %w", chat, err)
	}
	return stats, nil
}

// Resume lists the sessions not yet stopped, oldest first, so a
// transport can carry on after a restart: State running with Remaining() >
// 0 has questions left to ask; running with none left, or finished, only
// needs Stop and the final board. Scores and poll bindings are as
// they were saved.
func (t *Trainer) Resume(ctx context.Context) ([]*quiz.Session, error) {
	all, err := t.store.Sessions(ctx)
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
