package bot

// Sessions a trainer plans: /daily (one question a day at a set time, kept
// in core's store so it survives restarts) and /lesson (a method's
// summary, a three-question quiz and a case, as one sequence).

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"bangyang/core"
	"bangyang/quiz"
	"bangyang/transport"
	"bangyang/zh"
)

// lessonQuestions is the length of a lesson's quiz.
const lessonQuestions = transport.LessonQuestions

// trainingOptions are the test hooks of training (withDailyClock, withDailyTick).
type trainingOptions struct {
	dailyClock func() time.Time
	dailyTick  time.Duration
}

// withDailyClock sets the clock the daily plans run on (tests); its
// times' zone is the zone of HH:MM.
func withDailyClock(now func() time.Time) Option {
	return func(b *Bot) { b.trainOpts.dailyClock = now }
}

// withDailyTick sets how often daily plans are checked (tests).
func withDailyTick(d time.Duration) Option { return func(b *Bot) { b.trainOpts.dailyTick = d } }

func (b *Bot) dailyNow() time.Time {
	if b.trainOpts.dailyClock != nil {
		return b.trainOpts.dailyClock()
	}
	return time.Now()
}

func cmdDaily(ctx context.Context, r *Request) error {
	b := r.Bot
	t := b.train
	args := strings.Fields(r.Args)
	if len(args) == 0 {
		r.Reply(ctx, pick(r.Script,
			"用法：/daily HH:MM [主题] 每天这个时间在本群发一道题；/daily off 取消。时间按服务器所在时区。",
			"用法：/daily HH:MM [主題] 每天這個時間在本群發一道題；/daily off 取消。時間按伺服器所在時區。"))
		return nil
	}
	if !b.canManage(ctx, r) {
		r.Reply(ctx, pick(r.Script, "只有群管理员可以设定每日一题。", "只有群管理員可以設定每日一題。"))
		return nil
	}
	if a := strings.ToLower(args[0]); a == "off" || a == "关" || a == "關" || a == "取消" || a == "stop" {
		found, err := t.tr.StopDaily(ctx, r.Conv)
		if err != nil {
			return fmt.Errorf("daily off: %w", err)
		}
		if !found {
			r.Reply(ctx, pick(r.Script, "本群没有设定每日一题。", "本群沒有設定每日一題。"))
			return nil
		}
		r.Reply(ctx, pick(r.Script, "已取消本群的每日一题。", "已取消本群的每日一題。"))
		return nil
	}
	topic := strings.Join(args[1:], " ")
	script := r.Script
	if topic != "" {
		r.Args = topic
		script = argScript(r)
	}
	p, err := t.tr.SetDaily(ctx, core.DailyPlan{Chat: r.Conv, At: args[0], Topic: topic, Script: script, SetBy: strconv.FormatInt(r.UserID, 10)}, b.dailyNow())
	if errors.Is(err, quiz.ErrNoMaterial) {
		r.Reply(ctx, msgNoTopic(script, topic, "/daily "+args[0]))
		return nil
	}
	if errors.Is(err, core.ErrBadTime) {
		r.Reply(ctx, pick(script, "时间要写成 HH:MM，例如 /daily 08:30 四单工作法", "時間要寫成 HH:MM，例如 /daily 08:30 四單工作法"))
		return nil
	}
	if err != nil {
		return fmt.Errorf("daily: %w", err)
	}
	about := ""
	if topic != "" {
		about = pick(script, "，主题：", "，主題：") + clip(topic, 50)
	}
	when := pick(script, "今天起", "今天起")
	if p.LastDay != "" {
		when = pick(script, "明天起", "明天起")
	}
	r.Reply(ctx, pick(script,
		fmt.Sprintf("📅 已设定每日一题：%s每天 %s 在本群发一道题%s。/daily off 取消。", when, p.At, about),
		fmt.Sprintf("📅 已設定每日一題：%s每天 %s 在本群發一道題%s。/daily off 取消。", when, p.At, about)))
	return nil
}

// dailyLoop posts the daily questions that fall due, until ctx ends.
func (b *Bot) dailyLoop(ctx context.Context) {
	tick := b.train.times.dailyTick
	if b.trainOpts.dailyTick > 0 {
		tick = b.trainOpts.dailyTick
	}
	tk := time.NewTicker(tick)
	defer tk.Stop()
	for {
		b.postDueDaily(ctx)
		select {
		case <-ctx.Done():
			return
		case <-tk.C:
		}
	}
}

func (b *Bot) postDueDaily(ctx context.Context) {
	due, err := b.train.tr.TakeDueDaily(ctx, b.dailyNow())
	if err != nil {
		b.log.Error("training: daily plans", "err", err)
	}
	for _, p := range due {
		if ctx.Err() != nil {
			return
		}
		b.startDaily(ctx, p)
	}
}

// startDaily posts today's question of plan p as a one-question session.
func (b *Bot) startDaily(ctx context.Context, p core.DailyPlan) {
	t := b.train
	chatID, thread, ok := chatOfKey(p.Chat)
	if !ok {
		return
	}
	req := core.StartRequest{Chat: p.Chat, StartedBy: p.SetBy, N: 1, Topic: p.Topic, Script: p.Script, Plan: core.PlanDaily}
	sess, err := t.tr.Start(ctx, req)
	if errors.Is(err, quiz.ErrNoMaterial) && p.Topic != "" {
		req.Topic = "" // the articles changed: any question beats none
		sess, err = t.tr.Start(ctx, req)
	}
	if errors.Is(err, core.ErrSessionRunning) {
		b.log.Info("training: daily question skipped, a session is running", "chat", p.Chat)
		return
	}
	if err != nil {
		b.log.Error("training: daily question", "chat", p.Chat, "err", err)
		return
	}
	run := t.newRun(p.Chat, sess)
	if run == nil {
		return
	}
	head := pick(run.script, "📅 每日一题", "📅 每日一題")
	if req.Topic != "" {
		head += pick(run.script, "（主题：", "（主題：") + clip(req.Topic, 50) + "）"
	}
	note := pick(run.script,
		fmt.Sprintf("限时 %s，答完公布原文出处。/record 查看个人记录。", humanDuration(run.open, run.script)),
		fmt.Sprintf("限時 %s，答完公佈原文出處。/record 查看個人記錄。", humanDuration(run.open, run.script)))
	b.post(ctx, chatID, thread, []string{"<b>" + escapeHTML(head) + "</b>\n" + escapeHTML(note)})
	b.spawn(run, nil)
}

func msgDailyDone(script zh.Script, answered int) string {
	if answered == 0 {
		return pick(script, "📅 今天的每日一题无人作答，明天见。", "📅 今天的每日一題無人作答，明天見。")
	}
	return pick(script,
		fmt.Sprintf("📅 今天的每日一题结束，%d 人作答。/record 查看个人记录，/board 查看本群积分榜。", answered),
		fmt.Sprintf("📅 今天的每日一題結束，%d 人作答。/record 查看個人記錄，/board 查看本群積分榜。", answered))
}

// cmdLesson posts a lesson on a method or a secretary: the summary, then
// a three-question quiz, then (when the quiz is over) a case to discuss.
func cmdLesson(ctx context.Context, r *Request) error {
	b := r.Bot
	topic := strings.TrimSpace(r.Args)
	if topic == "" {
		r.Reply(ctx, pick(r.Script, "用法：/lesson 工作法名称或书记姓名，例如 /lesson 四单工作法", "用法：/lesson 工作法名稱或書記姓名，例如 /lesson 四單工作法"))
		return nil
	}
	if !b.canManage(ctx, r) {
		r.Reply(ctx, msgTrainAdminOnly(r.Script))
		return nil
	}
	script := argScript(r)
	if run := b.train.run(r.Conv); run != nil {
		r.Reply(ctx, msgTrainingRunning(run.script, int(run.current.Load())+1, run.total))
		return nil
	}
	// 1. The summary, as /method or /leader would give it.
	if c := b.cat; c != nil {
		lr := *r
		lr.Script = script
		kind := "m"
		ans, err := c.summarise(ctx, &lr, kind, topic)
		if err == nil && !ans.Grounded {
			if prof, perr := c.summarise(ctx, &lr, "l", topic); perr == nil && prof.Grounded {
				kind, ans = "l", prof
			}
		}
		if err != nil {
			return fmt.Errorf("lesson summary: %w", err)
		}
		head := pick(script, "📚 学习课："+clip(topic, 50)+"\n① 方法介绍 → ② 三道小测 → ③ 案例讨论",
			"📚 學習課："+clip(topic, 50)+"\n① 方法介紹 → ② 三道小測 → ③ 案例討論")
		r.ReplyHTML(ctx, "<b>"+escapeHTML(head)+"</b>", nil)
		c.replyCatalogAnswer(ctx, &lr, kind, "/lesson "+topic, ans)
		if !ans.Grounded {
			return nil // not found: the close matches are offered instead
		}
	}
	// 2. The quiz; 3. the case follows when it ends (drive → lessonCase).
	_, err := b.startSession(ctx, r, core.StartRequest{Chat: r.Conv, ChatTitle: chatTitle(r), StartedBy: strconv.FormatInt(r.UserID, 10),
		N: lessonQuestions, Topic: topic, Script: script, Plan: core.PlanLesson}, "/lesson 四单工作法")
	return err
}

// lessonCase posts the case that ends a lesson on topic.
func (b *Bot) lessonCase(ctx context.Context, run *trainingRun, topic string) {
	t := b.train
	var at time.Time
	if t.times.reveal > 0 {
		at = b.now().Add(t.times.reveal)
	}
	c, err := t.tr.StartCase(ctx, core.CaseRequest{Chat: run.key, Topic: topic, Script: run.script, RevealAt: at})
	if errors.Is(err, quiz.ErrNoMaterial) {
		b.post(ctx, run.chatID, run.thread, []string{escapeHTML(pick(run.script,
			"这个主题的材料里没有可讨论的案例，本次学习到此结束。发送 /case 可以换一个案例讨论。",
			"這個主題的材料裡沒有可討論的案例，本次學習到此結束。發送 /case 可以換一個案例討論。"))})
		return
	}
	if err != nil {
		b.log.Error("training: lesson case", "chat", run.key, "err", err)
		return
	}
	b.postCase(ctx, &Request{Bot: b, ChatID: run.chatID, ThreadID: run.thread, Conv: run.key, Script: run.script}, c, at)
}
