package bot

import (
	"context"
	"fmt"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-telegram/bot/models"

	"bangyang/core"
	"bangyang/quiz"
	"bangyang/zh"
)

// Group training over core's transport-independent training API: quiz
// polls one at a time, the cited passage after each, a leaderboard at the
// end; discussion cases; sessions carried on after a restart.
//
// A running session is driven by one goroutine per chat (trainingRun),
// bound to the context Run was given: on shutdown the drivers stop without
// touching the stored session, and the next Run resumes it. Everything a
// session needs to go on (questions, scores, poll bindings) is in core's
// store; the drivers hold only timers.

// Trainer is what training needs from the core; *core.Trainer satisfies
// it. Given with WithTrainer, New registers /train, /score, /stop, /case,
// /reveal, /record, /board, /daily and /lesson and the poll-answer handler.
type Trainer interface {
	Sessions
	Cases
	Records
	DailyPlans
}

// Sessions run quiz sessions (training_driver.go).
type Sessions interface {
	Start(ctx context.Context, req core.StartRequest) (*quiz.Session, error)
	Next(ctx context.Context, chat string) (q quiz.Question, index int, ok bool, err error)
	BindPoll(ctx context.Context, pb core.PollBinding) error
	CloseQuestion(ctx context.Context, chat string, index int) (quiz.Stats, error)
	RecordAnswer(ctx context.Context, v core.Vote) (chat string, res quiz.AnswerResult, err error)
	Score(ctx context.Context, chat string) (*quiz.Session, []quiz.Player, error)
	Stop(ctx context.Context, chat string) (*quiz.Session, []quiz.Player, error)
	Resume(ctx context.Context) ([]*quiz.Session, error)
	// Discussion: a reply to postID (poll pollID) is discussion, not a
	// question (an open poll, or a case not revealed yet).
	Discussion(ctx context.Context, chat, postID, pollID string) bool
}

// Cases run discussion cases (training_cases.go).
type Cases interface {
	StartCase(ctx context.Context, req core.CaseRequest) (quiz.Case, error)
	CasePosted(ctx context.Context, chat, postID string) error
	RevealCase(ctx context.Context, chat string) (c quiz.Case, ok bool, err error)
	PendingCases(ctx context.Context) ([]core.PendingCase, error)
}

// Records are what sessions leave (training_records.go).
type Records interface {
	Board(ctx context.Context, chat string, since time.Time) ([]core.Standing, error)
	MemberRecord(ctx context.Context, chat, userID string) (st core.Standing, rank, sessions int, found bool, err error)
}

// DailyPlans keep the daily questions (training_plans.go).
type DailyPlans interface {
	SetDaily(ctx context.Context, p core.DailyPlan, now time.Time) (core.DailyPlan, error)
	StopDaily(ctx context.Context, chat string) (bool, error)
	TakeDueDaily(ctx context.Context, now time.Time) ([]core.DailyPlan, error)
}

// WithTrainer switches on the training commands over tr.
func WithTrainer(tr Trainer) Option { return func(b *Bot) { b.trainer = tr } }

// Training timing defaults (see Config).
const (
	defaultQuizOpenPeriod  = 45 * time.Second
	minQuizOpenPeriod      = 5 * time.Second // Telegram's open_period bounds
	maxQuizOpenPeriod      = 600 * time.Second
	lateAnswerGrace        = 3 * time.Second // poll_answer updates trail the poll's closing
	defaultTrainingPause   = 5 * time.Second
	defaultCaseRevealDelay = 10 * time.Minute
	defaultDailyTick       = 20 * time.Second
)

type trainingTimes struct {
	dailyOpen time.Duration // open_period of the daily question (Telegram's maximum)
	dailyWait time.Duration
	dailyTick time.Duration // how often daily plans are checked
	open      time.Duration // open_period of each poll
	wait      time.Duration // how long a question stays up before its passage
	pause     time.Duration // between a passage and the next question
	reveal    time.Duration // automatic case reveal; <= 0: off
}

func trainingTimesFrom(c Config) trainingTimes {
	t := trainingTimes{open: c.TrainingOpenPeriod, wait: c.TrainingAnswerWait, pause: c.TrainingPause, reveal: c.CaseRevealDelay}
	if t.open <= 0 {
		t.open = defaultQuizOpenPeriod
	}
	t.open = min(max(t.open, minQuizOpenPeriod), maxQuizOpenPeriod).Round(time.Second)
	if t.wait <= 0 {
		t.wait = t.open + lateAnswerGrace
	}
	if t.pause <= 0 {
		t.pause = defaultTrainingPause
	}
	if t.reveal == 0 {
		t.reveal = defaultCaseRevealDelay
	}
	t.dailyOpen, t.dailyWait, t.dailyTick = maxQuizOpenPeriod, maxQuizOpenPeriod+lateAnswerGrace, defaultDailyTick
	if c.TrainingAnswerWait > 0 {
		t.dailyWait = min(c.TrainingAnswerWait, t.dailyWait)
	}
	return t
}

// training is the bot's training state: the running drivers and pending
// automatic case reveals.
type training struct {
	tr    Trainer
	times trainingTimes

	mu      sync.Mutex
	life    context.Context // Run's context; drivers end with it
	runs    map[string]*trainingRun
	reveals map[string]chan struct{} // closed to cancel an automatic reveal
	wg      sync.WaitGroup           // drivers and reveal timers
	// posting is held while a case is posted and its post noted.
	posting sync.Mutex
	// early holds votes for polls not bound yet: users see a poll the
	// moment Telegram accepts it, before the bot has its id back to bind.
	early map[string][]earlyVote
}

type earlyVote struct {
	a  *models.PollAnswer
	at time.Time
}

// Early votes are kept this long, and at most this many (votes for polls
// of long-gone sessions are never claimed).
const (
	earlyVoteTTL = time.Minute
	maxEarlyVote = 4096
)

// park keeps a vote for a poll that is not bound (yet).
func (t *training) park(a *models.PollAnswer, now time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.early == nil {
		t.early = map[string][]earlyVote{}
	}
	n := 0
	for id, vs := range t.early {
		if len(vs) == 0 || now.Sub(vs[len(vs)-1].at) > earlyVoteTTL {
			delete(t.early, id)
			continue
		}
		n += len(vs)
	}
	if n >= maxEarlyVote {
		return
	}
	t.early[a.PollID] = append(t.early[a.PollID], earlyVote{a: a, at: now})
}

// claim takes the parked votes of a poll that was just bound.
func (t *training) claim(pollID string) []earlyVote {
	t.mu.Lock()
	defer t.mu.Unlock()
	vs := t.early[pollID]
	delete(t.early, pollID)
	return vs
}

// trainingRun is one chat's session driver.
type trainingRun struct {
	key     string // core chat key, "tg:<chat>:<thread>"
	chatID  int64
	thread  int
	private bool
	total   int
	script  zh.Script
	plan    string        // the session's plan (core.PlanDaily, PlanLesson, "")
	open    time.Duration // open_period of its polls
	wait    time.Duration // how long a question stays up

	// mu is held while a question is advanced, sent and bound, and while
	// /stop stops the session, so /stop never lands between the two and a
	// poll is never posted after the final board.
	mu       sync.Mutex
	stopped  chan struct{}
	stopOnce sync.Once
	advance  chan struct{} // the only player answered (private chats)
	current  atomic.Int64  // index of the question on screen, -1 none
}

func (r *trainingRun) stop() { r.stopOnce.Do(func() { close(r.stopped) }) }

func (r *trainingRun) isStopped() bool {
	select {
	case <-r.stopped:
		return true
	default:
		return false
	}
}

// enableTraining registers the training commands when svc can train.
func (b *Bot) enableTraining() error {
	tr := b.trainer
	if tr == nil {
		return nil
	}
	b.train = &training{tr: tr, times: trainingTimesFrom(b.cfg), runs: map[string]*trainingRun{}, reveals: map[string]chan struct{}{}}
	for _, c := range []Command{
		{Name: "train", Run: cmdTrain},
		{Name: "score", Run: cmdScore},
		{Name: "stop", Run: cmdStopTraining},
		{Name: "case", Run: cmdCase},
		{Name: "reveal", Run: cmdReveal},
		{Name: "daily", Run: cmdDaily},
		{Name: "lesson", Run: cmdLesson},
		{Name: "record", Run: cmdRecord},
		{Name: "board", Run: cmdBoard},
	} {
		if err := b.Register(c); err != nil {
			return err
		}
	}
	b.HandlePollAnswers(b.onTrainingAnswer)
	return nil
}

// startTrainings is called when Run begins: drivers get Run's context and
// sessions left running by the previous process are carried on. The
// returned func waits for the drivers after Run's context is done.
func (b *Bot) startTrainings(ctx context.Context) (wait func()) {
	t := b.train
	if t == nil {
		return func() {}
	}
	// Run may also end with its context alive (a revoked token): the
	// drivers, timers and the daily loop end with Run either way.
	ctx, cancel := context.WithCancel(ctx)
	t.mu.Lock()
	t.life = ctx
	t.mu.Unlock()
	t.wg.Add(1)
	go func() {
		defer t.wg.Done()
		defer b.recoverTraining("resume")
		b.resumeTrainings(ctx)
		b.resumeReveals(ctx)
		b.dailyLoop(ctx)
	}()
	return func() {
		cancel()
		t.wg.Wait()
	}
}

func (b *Bot) recoverTraining(what string) {
	if rec := recover(); rec != nil {
		b.log.Error("panic in training", "in", what, "panic", fmt.Sprint(rec), "stack", string(debug.Stack()))
	}
}

func (t *training) lifeCtx(fallback context.Context) context.Context {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.life != nil {
		return t.life
	}
	return fallback
}

// chatOfKey parses a core chat key made by convKey; keys of other
// transports do not parse.
func chatOfKey(key string) (chatID int64, thread int, ok bool) {
	parts := strings.Split(key, ":")
	if len(parts) != 3 || parts[0] != "tg" {
		return 0, 0, false
	}
	id, err1 := strconv.ParseInt(parts[1], 10, 64)
	th, err2 := strconv.Atoi(parts[2])
	if err1 != nil || err2 != nil || id == 0 {
		return 0, 0, false
	}
	return id, th, true
}

func sessionScript(s *quiz.Session) zh.Script { return s.Script() }

// newRun registers a driver for chat key; nil if one is already running.
func (t *training) newRun(key string, sess *quiz.Session) *trainingRun {
	chatID, thread, ok := chatOfKey(key)
	if !ok {
		return nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.runs[key] != nil {
		return nil
	}
	run := &trainingRun{
		key: key, chatID: chatID, thread: thread, private: chatID > 0,
		total: len(sess.Questions), script: sessionScript(sess), plan: sess.Plan,
		open: t.times.open, wait: t.times.wait,
		stopped: make(chan struct{}), advance: make(chan struct{}, 1),
	}
	if sess.Plan == core.PlanDaily {
		// Members come by during the day: the daily question stays up
		// as long as Telegram allows.
		run.open, run.wait = t.times.dailyOpen, t.times.dailyWait
	}
	run.current.Store(-1)
	t.runs[key] = run
	return run
}

func (t *training) run(key string) *trainingRun {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.runs[key]
}

func (t *training) drop(run *trainingRun) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.runs[run.key] == run {
		delete(t.runs, run.key)
	}
}

// spawn starts run's driver; resumed is the stored session when carrying
// on after a restart.
func (b *Bot) spawn(run *trainingRun, resumed *quiz.Session) {
	t := b.train
	ctx := t.lifeCtx(b.base)
	if ctx.Err() != nil {
		t.drop(run)
		return
	}
	t.wg.Add(1)
	go func() {
		defer t.wg.Done()
		defer t.drop(run)
		defer func() {
			rec := recover()
			if rec == nil {
				return
			}
			b.log.Error("panic in training", "in", "session "+run.key, "panic", fmt.Sprint(rec), "stack", string(debug.Stack()))
			// Nobody drives the session any more: end it with its board
			// rather than leave the chat blocked by it.
			defer b.recoverTraining("abort after panic " + run.key)
			b.abortTraining(ctx, run, fmt.Errorf("driver panicked: %v", rec))
		}()
		b.drive(ctx, run, resumed)
	}()
}

// discussionReply answers a reply to a post under discussion (an open quiz
// poll, a case not revealed yet) with one short line instead of passages
// from the articles, and reports whether it did.
func (b *Bot) discussionReply(ctx context.Context, r *Request, m *models.Message) bool {
	if b.train == nil || m.ReplyToMessage == nil || m.ReplyToMessage.From == nil || m.ReplyToMessage.From.ID != b.me.ID ||
		!b.allowed(r.ChatID, r.UserID) {
		return false
	}
	// A post being made is noted before these locks are released: a reply
	// that beat the store waits for it.
	if run := b.train.run(r.Conv); run != nil {
		barrier(&run.mu)
	}
	barrier(&b.train.posting)
	rt := m.ReplyToMessage
	pollID := ""
	if rt.Poll != nil {
		pollID = rt.Poll.ID
	}
	if !b.train.tr.Discussion(ctx, r.Conv, strconv.Itoa(rt.ID), pollID) {
		return false
	}
	b.replyPlain(ctx, r, msgDiscussion(r.Script))
	return true
}

// barrier waits until nobody holds mu.
func barrier(mu *sync.Mutex) {
	mu.Lock()
	defer mu.Unlock()
}
