package term

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

// Trainer is what training in the terminal needs from the core
// (*core.Trainer satisfies it): a quiz session for the one person at the
// keyboard over core's session state machine (the same scores and
// records as in Telegram), and discussion cases.
type Trainer interface {
	Start(ctx context.Context, req core.StartRequest) (*quiz.Session, error)
	Next(ctx context.Context, chat string) (q quiz.Question, index int, ok bool, err error)
	BindPoll(ctx context.Context, pb core.PollBinding) error
	RecordAnswer(ctx context.Context, v core.Vote) (chat string, res quiz.AnswerResult, err error)
	CloseQuestion(ctx context.Context, chat string, index int) (quiz.Stats, error)
	Score(ctx context.Context, chat string) (*quiz.Session, []quiz.Player, error)
	Stop(ctx context.Context, chat string) (*quiz.Session, []quiz.Player, error)
	StartCase(ctx context.Context, req core.CaseRequest) (quiz.Case, error)
	RevealCase(ctx context.Context, chat string) (c quiz.Case, ok bool, err error)
	Board(ctx context.Context, chat string, since time.Time) ([]core.Standing, error)
	MemberRecord(ctx context.Context, chat, userID string) (st core.Standing, rank, sessions int, found bool, err error)
}

// The terminal's one player.
const (
	playerID   = "terminal"
	playerName = "我"
)

// openQuestion is the quiz question on screen, waiting for an option.
type openQuestion struct {
	q      quiz.Question
	index  int
	total  int
	pollID string
}

// trainers are the training commands the terminal runs itself.
func (c *Chat) trainers() map[string]func(ctx context.Context, w *errWriter, script zh.Script, args string) error {
	return map[string]func(ctx context.Context, w *errWriter, script zh.Script, args string) error{
		"train":  c.cmdTrain,
		"score":  c.cmdScore,
		"stop":   c.cmdStop,
		"case":   c.cmdCase,
		"reveal": c.cmdReveal,
		"record": c.cmdRecord,
		"board":  c.cmdBoard,
		"lesson": c.cmdLesson,
	}
}

func (c *Chat) cmdTrain(ctx context.Context, w *errWriter, script zh.Script, args string) error {
	n, topic := transport.ParseTrainArgs(args)
	if sc := zh.DetectScript(topic); sc != "" {
		script = sc
	}
	return c.startQuiz(ctx, w, script, core.StartRequest{N: n, Topic: topic, Script: script})
}

// startQuiz starts a session (or carries on the one an earlier chat left)
// and shows its first question.
func (c *Chat) startQuiz(ctx context.Context, w *errWriter, script zh.Script, req core.StartRequest) error {
	req.Chat, req.StartedBy, req.ChatTitle = c.o.Conv, playerID, "terminal"
	sess, err := c.o.Trainer.Start(ctx, req)
	switch {
	case errors.Is(err, core.ErrSessionRunning) && sess != nil:
		// Left by an earlier chat (the store keeps it): carry on.
		w.println(transport.Pick(script, "继续上次没有做完的培训。", "繼續上次沒有做完的培訓。"))
	case errors.Is(err, quiz.ErrNoMaterial):
		w.println(transport.Pick(script,
			fmt.Sprintf("资料里没有足够的内容围绕“%s”出题，换个主题试试，例如 /train 3 四单工作法。", req.Topic),
			fmt.Sprintf("資料裡沒有足夠的內容圍繞「%s」出題，換個主題試試，例如 /train 3 四單工作法。", req.Topic)))
		return nil
	case err != nil:
		return fmt.Errorf("start training: %w", err)
	default:
		w.println(transport.Pick(script,
			fmt.Sprintf("📝 培训开始：共 %d 题。输入选项编号作答，/score 查看得分，/stop 提前结束。", len(sess.Questions)),
			fmt.Sprintf("📝 培訓開始：共 %d 題。輸入選項編號作答，/score 查看得分，/stop 提前結束。", len(sess.Questions))))
	}
	return c.nextQuestion(ctx, w, script, len(sess.Questions), sess.ID)
}

// cmdLesson is a lesson on a method or a leader: the cited summary, a
// short quiz, then a case on the same topic when the quiz ends.
func (c *Chat) cmdLesson(ctx context.Context, w *errWriter, script zh.Script, topic string) error {
	topic = strings.TrimSpace(topic)
	if topic == "" {
		w.println(transport.Pick(script, "用法：/lesson 工作法名称或书记姓名，例如 /lesson 四单工作法", "用法：/lesson 工作法名稱或書記姓名，例如 /lesson 四單工作法"))
		return nil
	}
	if sc := zh.DetectScript(topic); sc != "" {
		script = sc
	}
	if cs := c.o.Catalog; cs != nil {
		kind := "method"
		ans, err := cs.MethodSummary(ctx, c.o.Conv, topic, script)
		if err == nil && ans != nil && !ans.Grounded {
			if prof, perr := cs.LeaderProfile(ctx, c.o.Conv, topic, script); perr == nil && prof != nil && prof.Grounded {
				kind, ans = "leader", prof
			}
		}
		if err != nil {
			return fmt.Errorf("lesson summary: %w", err)
		}
		w.println(transport.Pick(script, "📚 学习课："+topic+"\n① 方法介绍 → ② 三道小测 → ③ 案例讨论",
			"📚 學習課："+topic+"\n① 方法介紹 → ② 三道小測 → ③ 案例討論") + "\n\n" + transport.PlainText(transport.SummaryReply(kind, ans)))
		if !ans.Grounded {
			return nil // not found: the close matches are offered instead
		}
	}
	return c.startQuiz(ctx, w, script, core.StartRequest{N: transport.LessonQuestions, Topic: topic, Script: script, Plan: core.PlanLesson})
}

// nextQuestion shows the session's next question, or ends the session
// with its board when none is left.
func (c *Chat) nextQuestion(ctx context.Context, w *errWriter, script zh.Script, total int, sessID string) error {
	q, idx, ok, err := c.o.Trainer.Next(ctx, c.o.Conv)
	if err != nil {
		return fmt.Errorf("next question: %w", err)
	}
	if !ok {
		return c.finish(ctx, w, script)
	}
	pollID := "term:" + sessID + ":" + strconv.Itoa(idx)
	if err := c.o.Trainer.BindPoll(ctx, core.PollBinding{Chat: c.o.Conv, PollID: pollID, PostID: pollID, Index: idx}); err != nil {
		return fmt.Errorf("bind question: %w", err)
	}
	c.open = &openQuestion{q: q, index: idx, total: total, pollID: pollID}
	var b strings.Builder
	fmt.Fprintf(&b, "[%d/%d] %s", idx+1, total, strings.TrimSpace(q.Text))
	for i, o := range q.Options {
		fmt.Fprintf(&b, "\n  %d. %s", i+1, o)
	}
	w.println(b.String())
	return nil
}

// answer takes the line typed while a question is open: an option number
// (1, ２, A, b) counts; anything else is refused with a hint, so that no
// question or command can show the passage before the answer.
func (c *Chat) answer(ctx context.Context, w *errWriter, script zh.Script, line string) error {
	o := c.open
	choice, ok := parseOption(line, len(o.q.Options))
	if !ok {
		w.println(transport.Pick(script,
			fmt.Sprintf("培训进行中：请输入 1–%d 的选项编号作答，/score 查看得分，/stop 结束培训。", len(o.q.Options)),
			fmt.Sprintf("培訓進行中：請輸入 1–%d 的選項編號作答，/score 查看得分，/stop 結束培訓。", len(o.q.Options))))
		return nil
	}
	if _, _, err := c.o.Trainer.RecordAnswer(ctx, core.Vote{PollID: o.pollID, UserID: playerID, Name: playerName, Options: []int{choice}}); err != nil {
		return fmt.Errorf("record answer: %w", err)
	}
	if _, err := c.o.Trainer.CloseQuestion(ctx, c.o.Conv, o.index); err != nil {
		return fmt.Errorf("close question: %w", err)
	}
	c.open = nil
	verdict := transport.Pick(script, "✅ 答对了！", "✅ 答對了！")
	if choice != o.q.Correct {
		verdict = transport.Pick(script, "❌ 答错了。", "❌ 答錯了。")
	}
	w.println(verdict + "\n" + core.FormatExplanation(o.q))
	sessID, _, _ := strings.Cut(strings.TrimPrefix(o.pollID, "term:"), ":")
	return c.nextQuestion(ctx, w, script, o.total, sessID)
}

// parseOption reads an option number (ASCII or full-width) or letter.
func parseOption(s string, n int) (int, bool) {
	s = strings.TrimSpace(s)
	r := []rune(s)
	if len(r) != 1 {
		if v, err := strconv.Atoi(s); err == nil && v >= 1 && v <= n {
			return v - 1, true
		}
		return 0, false
	}
	var i int
	switch ch := r[0]; {
	case ch >= '1' && ch <= '9':
		i = int(ch - '1')
	case ch >= '１' && ch <= '９':
		i = int(ch - '１')
	case ch >= 'a' && ch <= 'z':
		i = int(ch - 'a')
	case ch >= 'A' && ch <= 'Z':
		i = int(ch - 'A')
	case ch >= 'Ａ' && ch <= 'Ｚ':
		i = int(ch - 'Ａ')
	default:
		return 0, false
	}
	return i, i < n
}

// finish stops the session (its scores go into the records) and shows
// the board.
func (c *Chat) finish(ctx context.Context, w *errWriter, script zh.Script) error {
	c.open = nil
	sess, board, err := c.o.Trainer.Stop(ctx, c.o.Conv)
	if err != nil && !errors.Is(err, core.ErrNoTraining) {
		return fmt.Errorf("stop training: %w", err)
	}
	w.println(transport.Pick(script, "🏁 培训结束。", "🏁 培訓結束。") + "\n" + core.FormatLeaderboard(board, script))
	if err == nil && sess != nil && sess.Plan == core.PlanLesson {
		// A lesson ends with a case on its topic.
		return c.cmdCase(ctx, w, script, sess.Topic)
	}
	return nil
}

func (c *Chat) cmdStop(ctx context.Context, w *errWriter, script zh.Script, _ string) error {
	c.open = nil
	_, board, err := c.o.Trainer.Stop(ctx, c.o.Conv)
	if errors.Is(err, core.ErrNoTraining) {
		w.println(transport.Pick(script, "现在没有进行中的培训。", "現在沒有進行中的培訓。"))
		return nil
	}
	if err != nil {
		return fmt.Errorf("stop training: %w", err)
	}
	w.println(transport.Pick(script, "🏁 培训结束。", "🏁 培訓結束。") + "\n" + core.FormatLeaderboard(board, script))
	return nil
}

func (c *Chat) cmdScore(ctx context.Context, w *errWriter, script zh.Script, _ string) error {
	_, board, err := c.o.Trainer.Score(ctx, c.o.Conv)
	if errors.Is(err, core.ErrNoTraining) {
		w.println(transport.Pick(script, "还没有培训：发送 /train 开始。", "還沒有培訓：發送 /train 開始。"))
		return nil
	}
	if err != nil {
		return fmt.Errorf("score: %w", err)
	}
	w.println(core.FormatLeaderboard(board, script))
	return nil
}

func (c *Chat) cmdCase(ctx context.Context, w *errWriter, script zh.Script, topic string) error {
	if sc := zh.DetectScript(topic); sc != "" {
		script = sc
	}
	cs, err := c.o.Trainer.StartCase(ctx, core.CaseRequest{Chat: c.o.Conv, Topic: topic, Script: script})
	if errors.Is(err, quiz.ErrNoMaterial) {
		w.println(transport.Pick(script, "资料里没有找到合适的案例，换个主题试试，例如 /case 物业。", "資料裡沒有找到合適的案例，換個主題試試，例如 /case 物業。"))
		return nil
	}
	if err != nil {
		return fmt.Errorf("start case: %w", err)
	}
	text := transport.Pick(script, "🧩 案例讨论", "🧩 案例討論") + "\n" + strings.TrimSpace(cs.Scenario)
	if p := strings.TrimSpace(cs.Prompt); p != "" {
		text += "\n\n💬 " + p
	}
	w.println(text + "\n\n" + transport.Pick(script, "想一想，再发送 /reveal 查看书记当时的做法。", "想一想，再發送 /reveal 查看書記當時的做法。"))
	return nil
}

func (c *Chat) cmdReveal(ctx context.Context, w *errWriter, script zh.Script, _ string) error {
	cs, ok, err := c.o.Trainer.RevealCase(ctx, c.o.Conv)
	if err != nil {
		return fmt.Errorf("reveal case: %w", err)
	}
	if !ok {
		w.println(transport.Pick(script, "现在没有待公布的案例：发送 /case 开始一个。", "現在沒有待公佈的案例：發送 /case 開始一個。"))
		return nil
	}
	if sc := zh.DetectScript(cs.Scenario + cs.Reveal); sc != "" {
		script = sc
	}
	head := transport.Pick(script, "💡 当时的做法", "💡 當時的做法")
	if cs.Leader != "" {
		head = "💡 " + transport.ReaderScript(script, cs.Leader) + "的做法"
	}
	cite := cs.RevealCitation
	if strings.TrimSpace(cite.Passage) == "" {
		cite = cs.Citation
	}
	if cite.Leader == "" {
		cite.Leader = cs.Leader
	}
	text := head + "\n" + strings.TrimSpace(cs.Reveal) + "\n\n" + transport.ReaderScript(script, "📖 "+cite.From())
	if p := strings.TrimSpace(cite.Passage); p != "" {
		text += "\n    " + strings.ReplaceAll(transport.ReaderScript(script, p), "\n", "\n    ")
	}
	w.println(text)
	return nil
}

func (c *Chat) cmdRecord(ctx context.Context, w *errWriter, script zh.Script, _ string) error {
	st, _, _, found, err := c.o.Trainer.MemberRecord(ctx, c.o.Conv, playerID)
	if err != nil {
		return fmt.Errorf("record: %w", err)
	}
	if !found {
		w.println(transport.Pick(script, "还没有培训记录。做一次 /train 培训后再来看看。", "還沒有培訓記錄。做一次 /train 培訓後再來看看。"))
		return nil
	}
	acc := int(st.Accuracy()*100 + 0.5)
	w.println(transport.Pick(script,
		fmt.Sprintf("📒 我的培训记录\n参加 %d 场，作答 %d 题，答对 %d 题，正确率 %d%%，积分 %d。", st.Sessions, st.Answered, st.Right, acc, st.Points),
		fmt.Sprintf("📒 我的培訓記錄\n參加 %d 場，作答 %d 題，答對 %d 題，正確率 %d%%，積分 %d。", st.Sessions, st.Answered, st.Right, acc, st.Points)))
	return nil
}

func (c *Chat) cmdBoard(ctx context.Context, w *errWriter, script zh.Script, args string) error {
	since, hans, hant, ok := transport.BoardPeriod(args, time.Now())
	if !ok {
		w.println(transport.Pick(script, "用法：/board [本周|本月|全部]", "用法：/board [本週|本月|全部]"))
		return nil
	}
	board, err := c.o.Trainer.Board(ctx, c.o.Conv, since)
	if err != nil {
		return fmt.Errorf("board: %w", err)
	}
	text := transport.Pick(script, "🏆 培训积分榜（"+hans+"）", "🏆 培訓積分榜（"+hant+"）")
	if len(board) == 0 {
		w.println(text + "\n" + transport.Pick(script, "这段时间还没有培训记录。", "這段時間還沒有培訓記錄。"))
		return nil
	}
	for i, st := range board {
		acc := int(st.Accuracy()*100 + 0.5)
		text += "\n" + transport.Pick(script,
			fmt.Sprintf("%d. %s %d 分 · 正确率 %d%% · %d 场", i+1, st.Name, st.Points, acc, st.Sessions),
			fmt.Sprintf("%d. %s %d 分 · 正確率 %d%% · %d 場", i+1, st.Name, st.Points, acc, st.Sessions))
	}
	w.println(text)
	return nil
}
