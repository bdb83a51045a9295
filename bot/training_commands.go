package bot

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"bangyang/core"
	"bangyang/quiz"
	"bangyang/transport"
	"bangyang/zh"
)

// Training commands: /train, /score, /stop.

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

// parseTrainArgs reads "[N] [topic]" (transport.ParseTrainArgs).
func parseTrainArgs(args string) (n int, topic string) { return transport.ParseTrainArgs(args) }

// argScript is the script of a command's arguments when they tell
// (/case 吳中蘭), else the user's.
func argScript(r *Request) zh.Script {
	return zh.DetectScript(r.Args).Or(r.Script)
}

func cmdTrain(ctx context.Context, r *Request) error {
	b := r.Bot
	if !b.canManage(ctx, r) {
		r.Reply(ctx, msgTrainAdminOnly(r.Script))
		return nil
	}
	n, topic := parseTrainArgs(r.Args)
	_, err := b.startSession(ctx, r, core.StartRequest{Chat: r.Conv, ChatTitle: chatTitle(r), StartedBy: strconv.FormatInt(r.UserID, 10), N: n, Topic: topic, Script: argScript(r)}, "/train 3")
	return err
}

// startSession starts a session for a request and its driver, and says
// what it does: the intro (with any limit applied to the count asked for),
// or why not. ok is false when no session was started.
func (b *Bot) startSession(ctx context.Context, r *Request, req core.StartRequest, example string) (ok bool, err error) {
	t := b.train
	sess, err := t.tr.Start(ctx, req)
	switch {
	case errors.Is(err, core.ErrSessionRunning) && sess != nil:
		script := sessionScript(sess)
		r.Reply(ctx, msgTrainingRunning(script, sess.Current+1, len(sess.Questions)))
		// A running session without a driver in this process (its driver
		// failed to resume) is adopted rather than left stuck.
		if run := t.newRun(r.Conv, sess); run != nil {
			b.spawn(run, sess)
		}
		return false, nil
	case errors.Is(err, quiz.ErrNoMaterial):
		r.Reply(ctx, msgNoTopic(req.Script, req.Topic, example))
		return false, nil
	case err != nil:
		return false, fmt.Errorf("start training: %w", err)
	}
	run := t.newRun(r.Conv, sess)
	if run == nil {
		return false, fmt.Errorf("start training in %s: a driver is already running", r.Conv)
	}
	script := sessionScript(sess)
	if req.Plan != core.PlanDaily {
		r.ReplyHTML(ctx, trainingIntroHTML(script, len(sess.Questions), req.N, req.Topic, t.times.open, r.Private), nil)
	}
	b.spawn(run, nil)
	return true, nil
}

func cmdScore(ctx context.Context, r *Request) error {
	sess, board, err := r.Bot.train.tr.Score(ctx, r.Conv)
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
	sess, _, err := t.tr.Score(ctx, r.Conv)
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
	sess, board, err := t.tr.Stop(ctx, r.Conv)
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

// chatTitle is the group's title, or the user's name in a private chat.
func chatTitle(r *Request) string {
	if r.Msg == nil {
		return ""
	}
	if t := strings.TrimSpace(r.Msg.Chat.Title); t != "" {
		return t
	}
	if r.Msg.From != nil {
		return displayName(r.Msg.From)
	}
	return ""
}
