package bot

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"bangyang/core"
	"bangyang/quiz"
	"bangyang/zh"
)

// Rendering of training posts (polls, passages, boards, cases) and the
// training messages, in both scripts.

// quizPollParams builds the poll for a question within Telegram's quiz
// limits (question ≤300, options ≤100, explanation ≤200 with ≤2 line
// feeds). Questions are validated by quiz already; ok is false for one
// that still does not fit, so a bad question is skipped, not sent.
func quizPollParams(q quiz.Question, idx, total int, open time.Duration) (*tgbot.SendPollParams, bool) {
	text := strings.TrimSpace(q.Text)
	if numbered := fmt.Sprintf("[%d/%d] %s", idx+1, total, text); zh.UTF16Len(numbered) <= quiz.MaxQuestionLen {
		text = numbered
	}
	if text == "" || zh.UTF16Len(text) > quiz.MaxQuestionLen {
		return nil, false
	}
	if len(q.Options) < quiz.MinOptions || len(q.Options) > quiz.MaxOptions || q.Correct < 0 || q.Correct >= len(q.Options) {
		return nil, false
	}
	opts := make([]models.InputPollOption, len(q.Options))
	for i, o := range q.Options {
		if n := zh.UTF16Len(strings.TrimSpace(o)); n == 0 || n > quiz.MaxOptionLen {
			return nil, false
		}
		opts[i] = models.InputPollOption{Text: o}
	}
	return &tgbot.SendPollParams{
		Question: text, Options: opts, IsAnonymous: tgbot.False(), Type: "quiz",
		CorrectOptionID: q.Correct, Explanation: fitExplanation(strings.TrimSpace(q.Why + "\n" + q.Explanation)),
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
	if zh.UTF16Len(s) <= quiz.MaxExplanationLen {
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
	if zh.UTF16Len(s) <= limit {
		return s
	}
	first := splitPlain(s, limit-1)[0]
	if zh.UTF16Len(first) < limit/2 {
		first = cutUnits(s, limit-1)
	}
	return strings.TrimSpace(first) + "…"
}

// explanationHTML is the message after a question: the right answer, how
// many got it, and the cited passage, within one message.
func explanationHTML(q quiz.Question, idx, total int, st quiz.Stats, script zh.Script) string {
	e := core.Explain(q)
	title := pick(script, fmt.Sprintf("第 %d/%d 题", idx+1, total), fmt.Sprintf("第 %d/%d 題", idx+1, total))
	stats := pick(script, fmt.Sprintf("%d 人作答，%d 人答对", st.Answered, st.Right), fmt.Sprintf("%d 人作答，%d 人答對", st.Answered, st.Right))
	if st.Answered == 0 {
		stats = pick(script, "无人作答", "無人作答")
	}
	top := title + " · " + stats
	var head strings.Builder
	if e.Answer != "" {
		head.WriteString(pick(script, "✅ 正确答案：", "✅ 正確答案：") + e.Answer + "\n")
	}
	if e.Why != "" {
		head.WriteString("💡 " + clip(e.Why, 300) + "\n")
	}
	head.WriteString("📖 " + e.From + "：")
	out := "<b>" + escapeHTML(top) + "</b>\n" + escapeHTML(head.String())
	if e.Passage != "" {
		budget := packTarget - zh.UTF16Len(top) - zh.UTF16Len(head.String()) - 8
		out += "\n<blockquote>" + escapeHTML(clip(e.Passage, budget)) + "</blockquote>"
	}
	return out
}

// boardMessages renders a heading and a leaderboard, split to fit.
func boardMessages(head string, board []quiz.Player, script zh.Script) []string {
	blocks := []block{wrapBlock("", head, "<b>", "</b>")}
	for _, line := range strings.Split(core.FormatLeaderboard(board, script), "\n") {
		blocks = append(blocks, textBlock("\n", clip(line, packTarget)))
	}
	return pack(blocks, packTarget)
}

// trainingIntroHTML opens a session of n questions; asked is the count
// the trainer asked for (0: none), so a cap or a short topic is said.
func trainingIntroHTML(script zh.Script, n, asked int, topic string, open time.Duration, private bool) string {
	secs := int(open / time.Second)
	var sb strings.Builder
	sb.WriteString("<b>" + escapeHTML(pick(script, "📝 培训开始", "📝 培訓開始")) + "</b>\n")
	switch {
	case asked > core.MaxTrainingQuestions:
		sb.WriteString(escapeHTML(pick(script,
			fmt.Sprintf("一次最多 %d 题，本次出 %d 题。", core.MaxTrainingQuestions, n),
			fmt.Sprintf("一次最多 %d 題，本次出 %d 題。", core.MaxTrainingQuestions, n))) + "\n")
	case asked > n:
		sb.WriteString(escapeHTML(pick(script,
			fmt.Sprintf("这个主题的材料只够出 %d 题（你要的是 %d 题）。", n, asked),
			fmt.Sprintf("這個主題的材料只夠出 %d 題（你要的是 %d 題）。", n, asked))) + "\n")
	}
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
			"選好答案後會公佈原文出處，然後進入下一題。/stop 提前結束。")))
	} else {
		sb.WriteString(escapeHTML(pick(script,
			"大家直接点选项作答，每人每题只计第一次。每题结束后公布原文出处。/score 查看得分，/stop 提前结束。",
			"大家直接點選項作答，每人每題只計第一次。每題結束後公佈原文出處。/score 查看得分，/stop 提前結束。")))
	}
	return sb.String()
}

func caseHTML(c quiz.Case, script zh.Script, reveal time.Duration) string {
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
			fmt.Sprintf("大家先討論，發送 /reveal 查看書記當時的做法（%s後自動公佈）。", humanDuration(reveal, script)))
	}
	sb.WriteString("\n\n<i>" + escapeHTML(hint) + "</i>")
	return sb.String()
}

func humanDuration(d time.Duration, script zh.Script) string {
	if d >= time.Minute && d%time.Minute == 0 {
		return fmt.Sprintf("%d %s", int(d/time.Minute), pick(script, "分钟", "分鐘"))
	}
	return fmt.Sprintf("%d 秒", max(int(d.Round(time.Second)/time.Second), 1))
}

// revealHTML shows what the leader did, cited: passage, leader and title.
func revealHTML(c quiz.Case, script zh.Script) string {
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
		sb.WriteString("\n<blockquote>" + escapeHTML(clip(script.Convert(p), 2000)) + "</blockquote>")
	}
	return sb.String()
}

func citeLine(c quiz.Citation, script zh.Script) string {
	return script.Convert("📖 " + c.From())
}

func msgTrainAdminOnly(script zh.Script) string {
	return pick(script, "只有群管理员可以在群里开始培训；私聊我发送 /train 可以自己练习。",
		"只有群管理員可以在群裡開始培訓；私聊我發送 /train 可以自己練習。")
}

func msgStopNotAllowed(script zh.Script) string {
	return pick(script, "只有发起人或群管理员可以结束培训。", "只有發起人或群管理員可以結束培訓。")
}

func msgTrainingRunning(script zh.Script, at, total int) string {
	at = min(max(at, 1), max(total, 1))
	return pick(script,
		fmt.Sprintf("这里已有一场培训在进行（第 %d/%d 题）。发送 /score 查看得分，结束后（或 /stop）再开始新的培训。", at, total),
		fmt.Sprintf("這裡已有一場培訓在進行（第 %d/%d 題）。發送 /score 查看得分，結束後（或 /stop）再開始新的培訓。", at, total))
}

func msgNoTopic(script zh.Script, topic, example string) string {
	if topic == "" {
		return pick(script, "抱歉，现在没有可用的材料。", "抱歉，現在沒有可用的材料。")
	}
	topic = clip(topic, 50)
	return pick(script,
		fmt.Sprintf("没有找到与“%s”相关的材料。换个主题（书记姓名或工作法名称）试试，或不加主题：%s", topic, example),
		fmt.Sprintf("沒有找到與「%s」相關的材料。換個主題（書記姓名或工作法名稱）試試，或不加主題：%s", topic, example))
}

func msgNoTrainingYet(script zh.Script) string {
	return pick(script, "这里还没有培训记录。管理员发送 /train 开始。", "這裡還沒有培訓記錄。管理員發送 /train 開始。")
}

func msgNoRunningTraining(script zh.Script) string {
	return pick(script, "现在没有进行中的培训。", "現在沒有進行中的培訓。")
}

func msgTrainingResumed(script zh.Script, from, total int) string {
	return pick(script,
		fmt.Sprintf("🔄 培训继续：机器人刚刚重启，从第 %d/%d 题接着进行，得分保留。", from, total),
		fmt.Sprintf("🔄 培訓繼續：機器人剛剛重啟，從第 %d/%d 題接著進行，得分保留。", from, total))
}

func msgNoPendingCase(script zh.Script) string {
	return pick(script, "现在没有待公布的案例，发送 /case 开始一个。", "現在沒有待公佈的案例，發送 /case 開始一個。")
}

func msgNoCase(script zh.Script, topic string) string {
	if topic == "" {
		return pick(script, "抱歉，资料里暂时找不到可讨论的案例。", "抱歉，資料裡暫時找不到可討論的案例。")
	}
	topic = clip(topic, 50)
	return pick(script,
		fmt.Sprintf("没有找到与“%s”相关的案例。可以换书记姓名、工作法名称或问题关键词（如“邻里矛盾”）试试，或不加主题：/case", topic),
		fmt.Sprintf("沒有找到與「%s」相關的案例。可以換書記姓名、工作法名稱或問題關鍵詞（如「鄰里矛盾」）試試，或不加主題：/case", topic))
}

// msgDiscussion answers a reply to a question or case still under
// discussion: nothing from the articles until the answer is out.
func msgDiscussion(script zh.Script) string {
	return pick(script, "讨论中，揭晓后可查看原文。", "討論中，揭曉後可查看原文。")
}
