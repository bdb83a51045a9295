package bot

// Group training over core's transport-independent training API: quiz
// polls one at a time, the cited passage after each, a leaderboard at the
// end; discussion cases; sessions carried on after a restart.
//
// A running session is driven by one goroutine per chat (trainingRun),
// bound to the context Run was given: on shutdown the drivers stop without
// touching the stored session, and the next Run resumes it. Everything a
// session needs to go on (questions, scores, poll bindings) is in core's
// store; the drivers hold only timers.

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"bangyang/core"
	"bangyang/quiz"
	"bangyang/zh"
)

// Trainer is what training needs from the core; *core.Service satisfies
// it. When the bot's Service also implements Trainer, New registers
// /train, /score, /stop, /case and /reveal and the poll-answer handler.
type Trainer interface {
	StartTraining(ctx context.Context, chat, startedBy string, n int, topic, script string) (*quiz.Session, error)
	NextTrainingQuestion(ctx context.Context, chat string) (q quiz.Question, index int, ok bool, err error)
	BindTrainingPoll(ctx context.Context, chat, pollID string, index int) error
	RecordTrainingAnswer(ctx context.Context, pollID, userID, displayName string, optionIDs []int) (chat string, res quiz.AnswerResult, err error)
	TrainingScore(ctx context.Context, chat string) (*quiz.Session, []quiz.Player, error)
	StopTraining(ctx context.Context, chat string) (*quiz.Session, []quiz.Player, error)
	ResumeTrainings(ctx context.Context) ([]*quiz.Session, error)
	StartCase(ctx context.Context, chat, topic, script string) (quiz.Case, error)
	RevealCase(ctx context.Context, chat string) (c quiz.Case, ok bool, err error)
}

// Training timing defaults (see Config).
const (
	defaultQuizOpenPeriod  = 45 * time.Second
	minQuizOpenPeriod      = 5 * time.Second // Telegram's open_period bounds
	maxQuizOpenPeriod      = 600 * time.Second
	lateAnswerGrace        = 3 * time.Second // poll_answer updates trail the poll's closing
	defaultTrainingPause   = 5 * time.Second
	defaultCaseRevealDelay = 10 * time.Minute
)

type trainingTimes struct {
	open   time.Duration // open_period of each poll
	wait   time.Duration // how long a question stays up before its passage
	pause  time.Duration // between a passage and the next question
	reveal time.Duration // automatic case reveal; <= 0: off
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
	script  string

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
	tr, ok := b.svc.(Trainer)
	if !ok {
		return nil
	}
	b.train = &training{tr: tr, times: trainingTimesFrom(b.cfg), runs: map[string]*trainingRun{}, reveals: map[string]chan struct{}{}}
	for _, c := range []Command{
		{Name: "train", Zh: "开始培训答题：/train [题数] [主题]", En: "Start a quiz training session", Usage: "/train [题数] [主题]", Run: cmdTrain},
		{Name: "score", Zh: "查看培训得分", En: "Show the training scores", Run: cmdScore},
		{Name: "stop", Zh: "提前结束培训并公布排行榜", En: "End the training session early", Run: cmdStopTraining},
		{Name: "case", Zh: "案例讨论：/case [主题]", En: "Discuss a real case from the articles", Usage: "/case [主题]", Run: cmdCase},
		{Name: "reveal", Zh: "公布案例中书记的做法", En: "Reveal how the secretary handled the case", Run: cmdReveal},
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
	t.mu.Lock()
	t.life = ctx
	t.mu.Unlock()
	t.wg.Add(1)
	go func() {
		defer t.wg.Done()
		defer b.recoverTraining("resume")
		b.resumeTrainings(ctx)
	}()
	return t.wg.Wait
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

func sessionScript(s *quiz.Session) string {
	if s != nil && len(s.Questions) > 0 && s.Questions[0].Script == quiz.ScriptTraditional {
		return "hant"
	}
	return "hans"
}

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
		total: len(sess.Questions), script: sessionScript(sess),
		stopped: make(chan struct{}), advance: make(chan struct{}, 1),
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

// --- commands ------------------------------------------------------------------

// canManage reports whether the requester may start or stop training:
// anyone in a private chat, bot admins, and the group's own admins.
func (b *Bot) canManage(ctx context.Context, r *Request) bool {
	if r.Private || r.AsGroup || b.isAdmin(r.UserID) {
		return true
	}
	var m *models.ChatMember
	err := b.send.retry(ctx, "getChatMember", func(ctx context.Context) error {
		var err error
		m, err = b.api.GetChatMember(ctx, &tgbot.GetChatMemberParams{ChatID: r.ChatID, UserID: r.UserID})
		return err
	})
	if err != nil {
		b.log.Warn("getChatMember", "chat", r.ChatID, "user", r.UserID, "err", err)
		return false
	}
	return m.Type == models.ChatMemberTypeOwner || m.Type == models.ChatMemberTypeAdministrator
}

// parseTrainArgs reads "[N] [topic]" (the count may also come last).
func parseTrainArgs(args string) (n int, topic string) {
	fields := strings.Fields(args)
	if len(fields) == 0 {
		return 0, ""
	}
	if v, ok := parseCount(fields[0]); ok {
		return v, strings.Join(fields[1:], " ")
	}
	if len(fields) > 1 {
		if v, ok := parseCount(fields[len(fields)-1]); ok {
			return v, strings.Join(fields[:len(fields)-1], " ")
		}
	}
	return 0, strings.Join(fields, " ")
}

// parseCount accepts ASCII and full-width digits ("５" from Chinese IMEs).
func parseCount(s string) (int, bool) {
	s = strings.TrimSuffix(strings.TrimSuffix(s, "题"), "題")
	var digits strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
		case r >= '０' && r <= '９':
			digits.WriteRune('0' + (r - '０'))
		default:
			return 0, false
		}
	}
	if digits.Len() == 0 || digits.Len() > 4 {
		return 0, false
	}
	v, err := strconv.Atoi(digits.String())
	return v, err == nil
}

func cmdTrain(ctx context.Context, r *Request) error {
	b := r.Bot
	t := b.train
	if !b.canManage(ctx, r) {
		r.Reply(ctx, msgTrainAdminOnly(r.Script))
		return nil
	}
	n, topic := parseTrainArgs(r.Args)
	sess, err := t.tr.StartTraining(ctx, r.Conv, strconv.FormatInt(r.UserID, 10), n, topic, r.Script)
	switch {
	case errors.Is(err, core.ErrSessionRunning) && sess != nil:
		script := sessionScript(sess)
		r.Reply(ctx, msgTrainingRunning(script, sess.Current+1, len(sess.Questions)))
		// A running session without a driver in this process (its driver
		// failed to resume) is adopted rather than left stuck.
		if run := t.newRun(r.Conv, sess); run != nil {
			b.spawn(run, sess)
		}
		return nil
	case errors.Is(err, quiz.ErrNoMaterial):
		r.Reply(ctx, msgNoTopic(r.Script, topic, "/train 3"))
		return nil
	case err != nil:
		return fmt.Errorf("start training: %w", err)
	}
	run := t.newRun(r.Conv, sess)
	if run == nil {
		return fmt.Errorf("start training in %s: a driver is already running", r.Conv)
	}
	script := sessionScript(sess)
	r.ReplyHTML(ctx, trainingIntroHTML(script, len(sess.Questions), topic, t.times.open, r.Private), nil)
	b.spawn(run, nil)
	return nil
}

func cmdScore(ctx context.Context, r *Request) error {
	sess, board, err := r.Bot.train.tr.TrainingScore(ctx, r.Conv)
	if errors.Is(err, core.ErrNoTraining) {
		r.Reply(ctx, msgNoTrainingYet(r.Script))
		return nil
	}
	if err != nil {
		return fmt.Errorf("training score: %w", err)
	}
	script := sessionScript(sess)
	var head string
	if sess.State == quiz.StateRunning {
		head = pick(script, fmt.Sprintf("📊 培训进行中：第 %d/%d 题", max(sess.Current+1, 1), len(sess.Questions)),
			fmt.Sprintf("📊 培訓進行中：第 %d/%d 題", max(sess.Current+1, 1), len(sess.Questions)))
	} else {
		head = pick(script, fmt.Sprintf("📊 上次培训已结束（共 %d 题）", len(sess.Questions)),
			fmt.Sprintf("📊 上次培訓已結束（共 %d 題）", len(sess.Questions)))
	}
	r.Bot.replyHTML(ctx, r, boardMessages(head, board, script), nil)
	return nil
}

func cmdStopTraining(ctx context.Context, r *Request) error {
	b := r.Bot
	t := b.train
	sess, _, err := t.tr.TrainingScore(ctx, r.Conv)
	if errors.Is(err, core.ErrNoTraining) || (err == nil && sess.State == quiz.StateStopped) {
		r.Reply(ctx, msgNoRunningTraining(r.Script))
		return nil
	}
	if err != nil {
		return fmt.Errorf("stop training: %w", err)
	}
	if sess.StartedBy != strconv.FormatInt(r.UserID, 10) && !b.canManage(ctx, r) {
		r.Reply(ctx, msgStopNotAllowed(r.Script))
		return nil
	}
	run := t.run(r.Conv)
	if run != nil {
		run.mu.Lock()
	}
	sess, board, err := t.tr.StopTraining(ctx, r.Conv)
	if run != nil {
		run.stop()
		run.mu.Unlock()
	}
	if errors.Is(err, core.ErrNoTraining) {
		// The driver finished and posted the board a moment ago.
		r.Reply(ctx, msgNoRunningTraining(r.Script))
		return nil
	}
	if err != nil {
		return fmt.Errorf("stop training: %w", err)
	}
	script := sessionScript(sess)
	head := pick(script, "⏹ 培训已提前结束", "⏹ 培訓已提前結束")
	b.replyHTML(ctx, r, boardMessages(head, board, script), nil)
	return nil
}

// --- the session driver ------------------------------------------------------

// post sends HTML messages to the run's chat and topic (not as replies).
func (b *Bot) post(ctx context.Context, chatID int64, thread int, msgs []string) []int {
	return b.replyHTML(ctx, &Request{Bot: b, ChatID: chatID, ThreadID: thread}, msgs, nil)
}

// errSkipQuestion marks a question that cannot be a Telegram quiz poll.
var errSkipQuestion = errors.New("question does not fit a quiz poll")

// sentPoll is a quiz poll on screen.
type sentPoll struct {
	msgID  int
	sentAt time.Time
}

// drive runs a session: each question as a poll, its passage after the
// answer window, the board at the end.
func (b *Bot) drive(ctx context.Context, run *trainingRun, resumed *quiz.Session) {
	t := b.train
	if resumed != nil {
		from := min(max(resumed.Current+1, 1), run.total)
		b.post(ctx, run.chatID, run.thread, []string{escapeHTML(msgTrainingResumed(run.script, from, run.total))})
		if i := resumed.Current; i >= 0 && i < len(resumed.Questions) {
			q := resumed.Questions[i]
			var poll *sentPoll // nil: on screen since before the restart
			asked := true
			if pollBound(resumed, i) {
				run.current.Store(int64(i))
			} else {
				// The question was drawn but its poll never made it out.
				run.mu.Lock()
				p, err := b.askQuestion(ctx, run, q, i)
				run.mu.Unlock()
				switch {
				case errors.Is(err, errSkipQuestion):
					asked = false
				case err != nil:
					b.abortTraining(ctx, run, err)
					return
				}
				poll = p
			}
			if asked && !b.closeQuestion(ctx, run, q, i, poll) {
				return
			}
		}
	}
	for {
		run.mu.Lock()
		if run.isStopped() {
			run.mu.Unlock()
			return
		}
		q, idx, ok, err := t.tr.NextTrainingQuestion(ctx, run.key)
		if err != nil || !ok {
			run.mu.Unlock()
			if errors.Is(err, core.ErrNoTraining) || ctx.Err() != nil {
				return
			}
			if err != nil {
				b.abortTraining(ctx, run, err)
				return
			}
			break
		}
		poll, err := b.askQuestion(ctx, run, q, idx)
		run.mu.Unlock()
		if errors.Is(err, errSkipQuestion) {
			continue
		}
		if err != nil {
			b.abortTraining(ctx, run, err)
			return
		}
		if !b.closeQuestion(ctx, run, q, idx, poll) {
			return
		}
	}
	// The last passage is out, so late answers have had their window.
	sess, board, err := t.tr.StopTraining(ctx, run.key)
	if err != nil {
		if !errors.Is(err, core.ErrNoTraining) && ctx.Err() == nil {
			b.log.Error("training: stop at the end", "chat", run.key, "err", err)
		}
		return // already stopped: /stop posted the board
	}
	head := pick(run.script, "🏁 培训结束，感谢参与！", "🏁 培訓結束，感謝參與！")
	b.post(ctx, run.chatID, run.thread, boardMessages(head, board, sessionScript(sess)))
}

func pollBound(s *quiz.Session, idx int) bool {
	for _, i := range s.PollIDs {
		if i == idx {
			return true
		}
	}
	return false
}

// askQuestion posts question idx as a quiz poll and binds it to the
// session. The caller holds run.mu.
func (b *Bot) askQuestion(ctx context.Context, run *trainingRun, q quiz.Question, idx int) (*sentPoll, error) {
	params, ok := quizPollParams(q, idx, run.total, b.train.times.open)
	if !ok {
		b.log.Warn("training: question skipped, it does not fit a quiz poll", "chat", run.key, "key", q.Key)
		return nil, errSkipQuestion
	}
	params.ChatID, params.MessageThreadID = run.chatID, run.thread
	// An early "advance" belongs to the previous question.
	select {
	case <-run.advance:
	default:
	}
	run.current.Store(int64(idx))
	msg, err := b.sendPoll(ctx, params)
	if err != nil {
		return nil, err
	}
	poll := &sentPoll{msgID: msg.ID, sentAt: time.Now()}
	if msg.Poll == nil || msg.Poll.ID == "" {
		return poll, fmt.Errorf("send poll: no poll id in the reply")
	}
	if err := b.bindPoll(ctx, run.key, msg.Poll.ID, idx); err != nil {
		b.stopPoll(ctx, run.chatID, poll)
		return nil, err
	}
	return poll, nil
}

// bindPoll binds a poll to its question and counts the votes that came
// before the binding.
func (b *Bot) bindPoll(ctx context.Context, key, pollID string, idx int) error {
	if err := b.train.tr.BindTrainingPoll(ctx, key, pollID, idx); err != nil {
		return fmt.Errorf("bind poll: %w", err)
	}
	for _, v := range b.train.claim(pollID) {
		b.recordVote(ctx, v.a, false)
	}
	return nil
}

// closeQuestion waits out the answer window, closes the poll and posts the
// passage, then pauses. It reports whether the session goes on.
func (b *Bot) closeQuestion(ctx context.Context, run *trainingRun, q quiz.Question, idx int, poll *sentPoll) bool {
	times := b.train.times
	advance := run.advance
	if !run.private {
		advance = nil // in groups nobody knows who else is still thinking
	}
	select {
	case <-ctx.Done():
		return false
	case <-run.stopped:
		b.stopPoll(b.base, run.chatID, poll)
		return false
	case <-advance:
	case <-time.After(times.wait):
	}
	b.stopPoll(ctx, run.chatID, poll)
	run.current.Store(-1)
	answered, right := b.questionStats(ctx, run.key, idx)
	b.post(ctx, run.chatID, run.thread, []string{explanationHTML(q, idx, run.total, answered, right, run.script)})
	if idx+1 >= run.total {
		return true // no pause before the board
	}
	select {
	case <-ctx.Done():
		return false
	case <-run.stopped:
		return false
	case <-time.After(times.pause):
		return true
	}
}

// questionStats counts who answered question idx and who got it right.
func (b *Bot) questionStats(ctx context.Context, key string, idx int) (answered, right int) {
	sess, _, err := b.train.tr.TrainingScore(ctx, key)
	if err != nil || sess == nil || idx < 0 || idx >= len(sess.Questions) {
		return 0, 0
	}
	for _, mine := range sess.Answers {
		if choice, ok := mine[idx]; ok {
			answered++
			if choice == sess.Questions[idx].Correct {
				right++
			}
		}
	}
	return answered, right
}

// abortTraining ends a session the bot can no longer drive (e.g. it was
// removed from the group), so that the chat is not blocked.
func (b *Bot) abortTraining(ctx context.Context, run *trainingRun, cause error) {
	if ctx.Err() != nil {
		return // shutting down: the next Run resumes the session
	}
	b.log.Error("training: session aborted", "chat", run.key, "err", cause)
	sess, board, err := b.train.tr.StopTraining(ctx, run.key)
	if err != nil {
		return
	}
	head := pick(run.script, "⚠️ 培训因故中止，当前成绩如下", "⚠️ 培訓因故中止，當前成績如下")
	b.post(ctx, run.chatID, run.thread, boardMessages(head, board, sessionScript(sess)))
}

// sendPoll sends a poll, paced and retried like every message.
func (b *Bot) sendPoll(ctx context.Context, p *tgbot.SendPollParams) (*models.Message, error) {
	if err := b.send.waitTurn(ctx, chatIDOf(p.ChatID)); err != nil {
		return nil, err
	}
	var msg *models.Message
	err := b.send.sendFollowing(ctx, "sendPoll", p.ChatID, func(ctx context.Context, chatID any) error {
		q := *p
		q.ChatID = chatID
		m, err := b.api.SendPoll(ctx, &q)
		msg = m
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("send poll: %w", err)
	}
	return msg, nil
}

// stopPoll closes a poll still inside its open period (Telegram closes it
// by itself after that, and refuses to close it twice).
func (b *Bot) stopPoll(ctx context.Context, chatID int64, poll *sentPoll) {
	if poll == nil || time.Since(poll.sentAt) >= b.train.times.open-200*time.Millisecond {
		return
	}
	err := b.send.retry(ctx, "stopPoll", func(ctx context.Context) error {
		_, err := b.api.StopPoll(ctx, &tgbot.StopPollParams{ChatID: chatID, MessageID: poll.msgID})
		return err
	})
	if err != nil && ctx.Err() == nil {
		b.log.Debug("stop poll", "chat", chatID, "err", err)
	}
}

// onTrainingAnswer counts a vote in a training poll.
func (b *Bot) onTrainingAnswer(ctx context.Context, a *models.PollAnswer) {
	if a == nil || a.User == nil {
		return // votes on behalf of a chat carry no user to score
	}
	b.recordVote(ctx, a, true)
}

// recordVote counts a vote; with park, a vote for a poll not bound yet is
// kept for askQuestion to claim. Recording is idempotent, so a vote both
// parked and recorded on the second try counts once.
func (b *Bot) recordVote(ctx context.Context, a *models.PollAnswer, park bool) {
	t := b.train
	record := func() (string, quiz.AnswerResult, error) {
		return t.tr.RecordTrainingAnswer(ctx, a.PollID, strconv.FormatInt(a.User.ID, 10), displayName(a.User), a.OptionIDs)
	}
	chat, res, err := record()
	if err == nil && chat == "" && park {
		t.park(a, time.Now())
		// The poll may have been bound (and its parked votes claimed)
		// between the two steps.
		chat, res, err = record()
	}
	if err != nil {
		b.log.Error("training: record answer", "poll", a.PollID, "err", err)
		return
	}
	if chat == "" || !res.Counted {
		return
	}
	if run := t.run(chat); run != nil && run.private && run.current.Load() == int64(res.Index) {
		select {
		case run.advance <- struct{}{}:
		default:
		}
	}
}

func displayName(u *models.User) string {
	name := strings.TrimSpace(u.FirstName + " " + u.LastName)
	if name == "" && u.Username != "" {
		name = "@" + u.Username
	}
	return name
}

// resumeTrainings carries on the sessions the previous process left
// running, and closes the finished ones with their final board.
func (b *Bot) resumeTrainings(ctx context.Context) {
	t := b.train
	sessions, err := t.tr.ResumeTrainings(ctx)
	if err != nil {
		b.log.Error("training: resume", "err", err)
		return
	}
	for _, sess := range sessions {
		if ctx.Err() != nil {
			return
		}
		chatID, thread, ok := chatOfKey(sess.ChatKey)
		if !ok {
			continue // another transport's session
		}
		script := sessionScript(sess)
		if sess.State == quiz.StateRunning {
			if run := t.newRun(sess.ChatKey, sess); run != nil {
				b.log.Info("training: resuming", "chat", sess.ChatKey, "asked", sess.Current+1, "of", len(sess.Questions))
				b.spawn(run, sess)
			}
			continue
		}
		// Finished: every question was asked; only the board is missing.
		_, board, err := t.tr.StopTraining(ctx, sess.ChatKey)
		if err != nil {
			if !errors.Is(err, core.ErrNoTraining) {
				b.log.Error("training: stop finished session", "chat", sess.ChatKey, "err", err)
			}
			continue
		}
		head := pick(script, "🏁 培训结束（机器人重启后补发排行榜）", "🏁 培訓結束（機器人重啟後補發排行榜）")
		b.post(ctx, chatID, thread, boardMessages(head, board, script))
	}
}

// --- cases -----------------------------------------------------------------------

func cmdCase(ctx context.Context, r *Request) error {
	b := r.Bot
	t := b.train
	topic := strings.TrimSpace(r.Args)
	c, err := t.tr.StartCase(ctx, r.Conv, topic, r.Script)
	if errors.Is(err, quiz.ErrNoMaterial) {
		r.Reply(ctx, msgNoTopic(r.Script, topic, "/case"))
		return nil
	}
	if err != nil {
		return fmt.Errorf("start case: %w", err)
	}
	script := caseScript(c, r.Script)
	r.ReplyHTML(ctx, caseHTML(c, script, t.times.reveal), nil)
	b.scheduleReveal(r.Conv, r.ChatID, r.ThreadID, script)
	return nil
}

func cmdReveal(ctx context.Context, r *Request) error {
	b := r.Bot
	b.train.cancelReveal(r.Conv)
	c, ok, err := b.train.tr.RevealCase(ctx, r.Conv)
	if err != nil {
		return fmt.Errorf("reveal case: %w", err)
	}
	if !ok {
		r.Reply(ctx, msgNoPendingCase(r.Script))
		return nil
	}
	r.Bot.replyHTML(ctx, r, []string{revealHTML(c, caseScript(c, r.Script))}, nil)
	return nil
}

func caseScript(c quiz.Case, fallback string) string {
	switch zh.DetectScript(c.Scenario + c.Reveal) {
	case "hant":
		return "hant"
	case "hans":
		return "hans"
	}
	return fallback
}

func (t *training) cancelReveal(key string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if ch := t.reveals[key]; ch != nil {
		close(ch)
		delete(t.reveals, key)
	}
}

// scheduleReveal reveals chat's pending case after the configured delay,
// unless /reveal or a new /case comes first. Timers do not survive a
// restart; /reveal still works then.
func (b *Bot) scheduleReveal(key string, chatID int64, thread int, script string) {
	t := b.train
	if t.times.reveal <= 0 {
		return
	}
	ctx := t.lifeCtx(b.base)
	if ctx.Err() != nil {
		return
	}
	cancel := make(chan struct{})
	t.mu.Lock()
	if old := t.reveals[key]; old != nil {
		close(old)
	}
	t.reveals[key] = cancel
	t.mu.Unlock()
	t.wg.Add(1)
	go func() {
		defer t.wg.Done()
		defer b.recoverTraining("case reveal " + key)
		timer := time.NewTimer(t.times.reveal)
		defer timer.Stop()
		select {
		case <-ctx.Done():
			return
		case <-cancel:
			return
		case <-timer.C:
		}
		t.mu.Lock()
		if t.reveals[key] == cancel {
			delete(t.reveals, key)
		}
		t.mu.Unlock()
		c, ok, err := t.tr.RevealCase(ctx, key)
		if err != nil {
			b.log.Error("training: automatic case reveal", "chat", key, "err", err)
			return
		}
		if ok {
			b.post(ctx, chatID, thread, []string{revealHTML(c, caseScript(c, script))})
		}
	}()
}

// --- rendering -------------------------------------------------------------------

// quizPollParams builds the poll for a question within Telegram's quiz
// limits (question ≤300, options ≤100, explanation ≤200 with ≤2 line
// feeds). Questions are validated by quiz already; ok is false for one
// that still does not fit, so a bad question is skipped, not sent.
func quizPollParams(q quiz.Question, idx, total int, open time.Duration) (*tgbot.SendPollParams, bool) {
	text := strings.TrimSpace(q.Text)
	if numbered := fmt.Sprintf("[%d/%d] %s", idx+1, total, text); utf16Len(numbered) <= quiz.MaxQuestionLen {
		text = numbered
	}
	if text == "" || utf16Len(text) > quiz.MaxQuestionLen {
		return nil, false
	}
	if len(q.Options) < quiz.MinOptions || len(q.Options) > quiz.MaxOptions || q.Correct < 0 || q.Correct >= len(q.Options) {
		return nil, false
	}
	opts := make([]models.InputPollOption, len(q.Options))
	for i, o := range q.Options {
		if n := utf16Len(strings.TrimSpace(o)); n == 0 || n > quiz.MaxOptionLen {
			return nil, false
		}
		opts[i] = models.InputPollOption{Text: o}
	}
	return &tgbot.SendPollParams{
		Question: text, Options: opts, IsAnonymous: tgbot.False(), Type: "quiz",
		CorrectOptionID: q.Correct, Explanation: fitExplanation(q.Explanation),
		OpenPeriod: int(open / time.Second),
	}, true
}

// fitExplanation keeps a poll explanation within 200 UTF-16 units and two
// line feeds (later line breaks become spaces).
func fitExplanation(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\r", ""))
	var b strings.Builder
	lfs := 0
	for _, r := range s {
		if r == '\n' {
			lfs++
			if lfs > quiz.MaxExplanationLFs {
				r = ' '
			}
		}
		b.WriteRune(r)
	}
	s = b.String()
	if utf16Len(s) <= quiz.MaxExplanationLen {
		return s
	}
	return cutUnits(s, quiz.MaxExplanationLen-1) + "…"
}

// cutUnits keeps the longest prefix of s of at most n UTF-16 units.
func cutUnits(s string, n int) string {
	units := 0
	for i, r := range s {
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if units+w > n {
			return strings.TrimRightFunc(s[:i], unicode.IsSpace)
		}
		units += w
	}
	return s
}

// clip shortens plain text to about limit UTF-16 units, at a sentence end
// when there is one.
func clip(s string, limit int) string {
	s = strings.TrimSpace(s)
	if utf16Len(s) <= limit {
		return s
	}
	first := splitPlain(s, limit-1)[0]
	if utf16Len(first) < limit/2 {
		first = cutUnits(s, limit-1)
	}
	return strings.TrimSpace(first) + "…"
}

// explanationHTML is the message after a question: the right answer, how
// many got it, and the cited passage, within one message.
func explanationHTML(q quiz.Question, idx, total, answered, right int, script string) string {
	text := core.FormatExplanation(q)
	head, passage := text, ""
	if i := strings.Index(text, "📖"); i >= 0 {
		if j := strings.IndexByte(text[i:], '\n'); j >= 0 {
			head, passage = text[:i+j], text[i+j+1:]
		}
	}
	title := pick(script, fmt.Sprintf("第 %d/%d 题", idx+1, total), fmt.Sprintf("第 %d/%d 題", idx+1, total))
	stats := pick(script, fmt.Sprintf("%d 人作答，%d 人答对", answered, right), fmt.Sprintf("%d 人作答，%d 人答對", answered, right))
	if answered == 0 {
		stats = pick(script, "无人作答", "無人作答")
	}
	top := title + " · " + stats
	out := "<b>" + escapeHTML(top) + "</b>\n" + escapeHTML(strings.TrimSpace(head))
	if p := strings.TrimSpace(passage); p != "" {
		budget := packTarget - utf16Len(top) - utf16Len(head) - 8
		out += "\n<blockquote>" + escapeHTML(clip(p, budget)) + "</blockquote>"
	}
	return out
}

// boardMessages renders a heading and a leaderboard, split to fit.
func boardMessages(head string, board []quiz.Player, script string) []string {
	blocks := []block{wrapBlock("", head, "<b>", "</b>")}
	for _, line := range strings.Split(core.FormatLeaderboard(board, script), "\n") {
		blocks = append(blocks, textBlock("\n", clip(line, packTarget)))
	}
	return pack(blocks, packTarget)
}

func trainingIntroHTML(script string, n int, topic string, open time.Duration, private bool) string {
	secs := int(open / time.Second)
	var sb strings.Builder
	sb.WriteString("<b>" + escapeHTML(pick(script, "📝 培训开始", "📝 培訓開始")) + "</b>\n")
	about := ""
	if topic != "" {
		about = pick(script, "，主题：", "，主題：") + clip(topic, 100)
	}
	sb.WriteString(escapeHTML(pick(script,
		fmt.Sprintf("共 %d 题%s，每题限时 %d 秒。", n, about, secs),
		fmt.Sprintf("共 %d 題%s，每題限時 %d 秒。", n, about, secs))))
	sb.WriteString("\n")
	if private {
		sb.WriteString(escapeHTML(pick(script,
			"选好答案后会公布原文出处，然后进入下一题。/stop 提前结束。",
			"選好答案後會公布原文出處，然後進入下一題。/stop 提前結束。")))
	} else {
		sb.WriteString(escapeHTML(pick(script,
			"大家直接点选项作答，每人每题只计第一次。每题结束后公布原文出处。/score 查看得分，/stop 提前结束。",
			"大家直接點選項作答，每人每題只計第一次。每題結束後公布原文出處。/score 查看得分，/stop 提前結束。")))
	}
	return sb.String()
}

func caseHTML(c quiz.Case, script string, reveal time.Duration) string {
	var sb strings.Builder
	sb.WriteString("<b>" + escapeHTML(pick(script, "🧩 案例讨论", "🧩 案例討論")) + "</b>\n")
	sb.WriteString(escapeHTML(clip(c.Scenario, 3000)))
	if p := strings.TrimSpace(c.Prompt); p != "" {
		sb.WriteString("\n\n<b>💬 " + escapeHTML(clip(p, 300)) + "</b>")
	}
	hint := pick(script, "大家先讨论，发送 /reveal 查看书记当时的做法。", "大家先討論，發送 /reveal 查看書記當時的做法。")
	if reveal > 0 {
		hint = pick(script,
			fmt.Sprintf("大家先讨论，发送 /reveal 查看书记当时的做法（%s后自动公布）。", humanDuration(reveal, script)),
			fmt.Sprintf("大家先討論，發送 /reveal 查看書記當時的做法（%s後自動公布）。", humanDuration(reveal, script)))
	}
	sb.WriteString("\n\n<i>" + escapeHTML(hint) + "</i>")
	return sb.String()
}

func humanDuration(d time.Duration, script string) string {
	if d >= time.Minute && d%time.Minute == 0 {
		return fmt.Sprintf("%d %s", int(d/time.Minute), pick(script, "分钟", "分鐘"))
	}
	return fmt.Sprintf("%d 秒", max(int(d.Round(time.Second)/time.Second), 1))
}

// revealHTML shows what the leader did, cited: passage, leader and title.
func revealHTML(c quiz.Case, script string) string {
	var sb strings.Builder
	head := pick(script, "💡 当时的做法", "💡 當時的做法")
	if c.Leader != "" {
		head = "💡 " + c.Leader + pick(script, "的做法", "的做法")
	}
	sb.WriteString("<b>" + escapeHTML(head) + "</b>\n")
	sb.WriteString(escapeHTML(clip(c.Reveal, 1500)))
	cite := c.RevealCitation
	if strings.TrimSpace(cite.Passage) == "" {
		cite = c.Citation
	}
	if cite.Leader == "" {
		cite.Leader = c.Leader
	}
	sb.WriteString("\n\n<b>" + escapeHTML(citeLine(cite, script)) + "</b>")
	if p := strings.TrimSpace(cite.Passage); p != "" {
		sb.WriteString("\n<blockquote>" + escapeHTML(clip(toScript(p, script), 2000)) + "</blockquote>")
	}
	return sb.String()
}

func citeLine(c quiz.Citation, script string) string {
	return toScript("📖 "+c.From(), script)
}

func toScript(s, script string) string {
	if script == "hant" {
		return zh.ToTraditional(s)
	}
	return zh.ToSimplified(s)
}

// --- messages --------------------------------------------------------------------

func msgTrainAdminOnly(script string) string {
	return pick(script, "只有群管理员可以在群里开始培训；私聊我发送 /train 可以自己练习。",
		"只有群管理員可以在群裡開始培訓；私聊我發送 /train 可以自己練習。")
}

func msgStopNotAllowed(script string) string {
	return pick(script, "只有发起人或群管理员可以结束培训。", "只有發起人或群管理員可以結束培訓。")
}

func msgTrainingRunning(script string, at, total int) string {
	at = min(max(at, 1), max(total, 1))
	return pick(script,
		fmt.Sprintf("这里已有一场培训在进行（第 %d/%d 题）。发送 /score 查看得分，结束后（或 /stop）再开始新的培训。", at, total),
		fmt.Sprintf("這裡已有一場培訓在進行（第 %d/%d 題）。發送 /score 查看得分，結束後（或 /stop）再開始新的培訓。", at, total))
}

func msgNoTopic(script, topic, example string) string {
	if topic == "" {
		return pick(script, "抱歉，现在没有可用的材料。", "抱歉，現在沒有可用的材料。")
	}
	topic = clip(topic, 50)
	return pick(script,
		fmt.Sprintf("没有找到与“%s”相关的材料。换个主题（书记姓名或工作法名称）试试，或不加主题：%s", topic, example),
		fmt.Sprintf("沒有找到與「%s」相關的材料。換個主題（書記姓名或工作法名稱）試試，或不加主題：%s", topic, example))
}

func msgNoTrainingYet(script string) string {
	return pick(script, "这里还没有培训记录。管理员发送 /train 开始。", "這裡還沒有培訓記錄。管理員發送 /train 開始。")
}

func msgNoRunningTraining(script string) string {
	return pick(script, "现在没有进行中的培训。", "現在沒有進行中的培訓。")
}

func msgTrainingResumed(script string, from, total int) string {
	return pick(script,
		fmt.Sprintf("🔄 培训继续：机器人刚刚重启，从第 %d/%d 题接着进行，得分保留。", from, total),
		fmt.Sprintf("🔄 培訓繼續：機器人剛剛重啟，從第 %d/%d 題接著進行，得分保留。", from, total))
}

func msgNoPendingCase(script string) string {
	return pick(script, "现在没有待公布的案例，发送 /case 开始一个。", "現在沒有待公布的案例，發送 /case 開始一個。")
}
