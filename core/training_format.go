package core

import (
	"fmt"
	"strings"
	"unicode"

	"bangyang/quiz"
	"bangyang/zh"
)

// FormatLeaderboard renders a leaderboard (from Trainer.Score or
// Trainer.Stop) as plain text in script ("hant" for Traditional): one line
// per player, "rank. name correct/answered". Player names are kept as
// written.
func FormatLeaderboard(players []quiz.Player, script zh.Script) string {
	var b strings.Builder
	b.WriteString(script.Convert("🏆 排行榜（答对/作答）"))
	if len(players) == 0 {
		b.WriteString("\n")
		b.WriteString(script.Convert("还没有人答题。"))
		return b.String()
	}
	for i, p := range players {
		name := oneLine(p.Name)
		if name == "" {
			name = script.Convert("匿名用户")
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

// Explanation is what a transport shows after a question, in the
// question's script: the right option, why it is right, where the passage
// comes from and the passage itself.
type Explanation struct {
	Answer  string // the right option ("" if the question has none)
	Why     string // one sentence on why it is right (may be empty)
	From    string // "出自《标题》（书记）" or the like
	Passage string // the cited chunk, in the question's script
}

// Explain builds a question's Explanation.
func Explain(q quiz.Question) Explanation {
	script := q.Script
	return Explanation{
		Answer:  q.CorrectText(),
		Why:     strings.TrimSpace(q.Why),
		From:    script.Convert(q.Citation.From()),
		Passage: script.Convert(strings.TrimSpace(q.Citation.Passage)),
	}
}

// FormatExplanation renders a question's answer and the passage it is
// built on as plain text in the question's script: the right option, why,
// where the passage comes from (title, leader) and the passage itself.
func FormatExplanation(q quiz.Question) string {
	e := Explain(q)
	script := q.Script
	var b strings.Builder
	if e.Answer != "" {
		b.WriteString(script.Convert("✅ 正确答案："))
		b.WriteString(e.Answer)
		b.WriteString("\n")
	}
	if e.Why != "" {
		b.WriteString("💡 " + e.Why + "\n")
	}
	b.WriteString("📖 " + e.From + script.Convert("："))
	if e.Passage != "" {
		b.WriteString("\n")
		b.WriteString(e.Passage)
	}
	return b.String()
}
