package bot

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"bangyang/core"
	"bangyang/quiz"
)

// The session driver: each question as a poll, its passage after the
// answer window, the board at the end; votes; resuming after a restart.

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
	open   time.Duration // its open_period
}

// drive runs a session: each question as a poll, its passage after the
// answer window, the board at the end.
func (b *Bot) drive(ctx context.Context, run *trainingRun, resumed *quiz.Session) {
	t := b.train
	if resumed != nil {
		from := min(max(resumed.Current+1, 1), run.total)
		b.post(ctx, run.chatID, run.thread, []string{escapeHTML(msgTrainingResumed(run.script, from, run.total))})
		if q, ok := resumed.Question(resumed.Current); ok {
			i := resumed.Current
			var poll *sentPoll // nil: on screen since before the restart
			asked := true
			if resumed.PollBound(i) {
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
		q, idx, ok, err := t.tr.Next(ctx, run.key)
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
	sess, board, err := t.tr.Stop(ctx, run.key)
	if err != nil {
		if !errors.Is(err, core.ErrNoTraining) && ctx.Err() == nil {
			b.log.Error("training: stop at the end", "chat", run.key, "err", err)
		}
		return // already stopped: /stop posted the board
	}
	switch run.plan {
	case core.PlanDaily:
		b.post(ctx, run.chatID, run.thread, []string{escapeHTML(msgDailyDone(run.script, len(board)))})
	case core.PlanLesson:
		head := pick(run.script, "🏁 小测结束，接下来是案例讨论", "🏁 小測結束，接下來是案例討論")
		b.post(ctx, run.chatID, run.thread, boardMessages(head, board, sessionScript(sess)))
		b.lessonCase(ctx, run, sess.Topic)
	default:
		head := pick(run.script, "🏁 培训结束，感谢参与！", "🏁 培訓結束，感謝參與！")
		b.post(ctx, run.chatID, run.thread, boardMessages(head, board, sessionScript(sess)))
	}
}

// askQuestion posts question idx as a quiz poll and binds it to the
// session. The caller holds run.mu.
func (b *Bot) askQuestion(ctx context.Context, run *trainingRun, q quiz.Question, idx int) (*sentPoll, error) {
	params, ok := quizPollParams(q, idx, run.total, run.open)
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
	poll := &sentPoll{msgID: msg.ID, sentAt: time.Now(), open: run.open}
	if msg.Poll == nil || msg.Poll.ID == "" {
		return poll, fmt.Errorf("send poll: no poll id in the reply")
	}
	if err := b.bindPoll(ctx, run.key, msg.Poll.ID, strconv.Itoa(msg.ID), idx); err != nil {
		b.stopPoll(ctx, run.chatID, poll)
		return nil, err
	}
	return poll, nil
}

// bindPoll binds a poll to its question and counts the votes that came
// before the binding.
func (b *Bot) bindPoll(ctx context.Context, key, pollID, postID string, idx int) error {
	if err := b.train.tr.BindPoll(ctx, core.PollBinding{Chat: key, PollID: pollID, PostID: postID, Index: idx}); err != nil {
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
	case <-time.After(run.wait):
	}
	b.stopPoll(ctx, run.chatID, poll)
	run.current.Store(-1)
	stats, err := b.train.tr.CloseQuestion(ctx, run.key, idx)
	if err != nil && ctx.Err() == nil {
		b.log.Warn("training: close question", "chat", run.key, "err", err)
	}
	b.post(ctx, run.chatID, run.thread, []string{explanationHTML(q, idx, run.total, stats, run.script)})
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

// abortTraining ends a session the bot can no longer drive (e.g. it was
// removed from the group), so that the chat is not blocked.
func (b *Bot) abortTraining(ctx context.Context, run *trainingRun, cause error) {
	if ctx.Err() != nil {
		return // shutting down: the next Run resumes the session
	}
	b.log.Error("training: session aborted", "chat", run.key, "err", cause)
	sess, board, err := b.train.tr.Stop(ctx, run.key)
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
	if poll == nil || time.Since(poll.sentAt) >= poll.open-200*time.Millisecond {
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
		return t.tr.RecordAnswer(ctx, core.Vote{PollID: a.PollID, UserID: strconv.FormatInt(a.User.ID, 10), Name: displayName(a.User), Options: a.OptionIDs})
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
	sessions, err := t.tr.Resume(ctx)
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
		_, board, err := t.tr.Stop(ctx, sess.ChatKey)
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
