package transport

import (
	"fmt"
	"strings"

	"bangyang/core"
	"bangyang/zh"
)

// Labels are the fixed words around answers, in one script.
type Labels struct {
	Sources      string // the heading of the citation list
	ViewOriginal string // the action that shows the articles' own text
	NoAnswer     string // shown for an empty answer text
}

var labelsByScript = map[zh.Script]Labels{
	zh.Simplified:  {Sources: "来源", ViewOriginal: "查看原文", NoAnswer: "（没有内容）"},
	zh.Traditional: {Sources: "來源", ViewOriginal: "查看原文", NoAnswer: "（沒有內容）"},
}

// LabelsFor gives the labels in script (Simplified for anything else).
func LabelsFor(script zh.Script) Labels {
	if l, ok := labelsByScript[script]; ok {
		return l
	}
	return labelsByScript[zh.Simplified]
}

// OriginalArg is the argument of /sources that shows the articles' own
// text: the command-line form of the 查看原文 button.
const OriginalArg = "原文"

// CitationLabel names the leader and the article of a citation: core's
// label in the asker's script, else the article's own source line.
func CitationLabel(c core.Citation) string {
	if c.Label != "" {
		return c.Label
	}
	return c.Chunk.Meta.SourceLine()
}

// ConvertedMark says a passage is shown converted from the article's
// script into the one it is now written in, and where the original is.
func ConvertedMark(shown string) string {
	if zh.DetectScript(shown) == zh.Traditional {
		return "（已轉為繁體，原文見「查看原文」）"
	}
	return "（已转为简体，原文见“查看原文”）"
}

// AnswerReply renders an answer: the notice, the text with its [n]
// markers, then the numbered sources it cites, and the 查看原文 action.
// A refusal may cite what the articles do say: its [n] resolve too.
func AnswerReply(a *core.Answer) *Reply {
	lb := LabelsFor(a.Script)
	r := &Reply{Script: a.Script}
	if n := strings.TrimSpace(a.Notice); n != "" {
		r.Add("\n\n", n, Italic)
	}
	body := strings.TrimSpace(a.Text)
	if body == "" {
		body = lb.NoAnswer
	}
	r.Add("\n\n", body, Plain)
	if len(a.Citations) > 0 {
		r.Add("\n\n", lb.Sources, Bold)
		for _, c := range a.Citations {
			r.Add("\n", fmt.Sprintf("[%d] %s", c.N, CitationLabel(c)), Plain)
		}
		r.Buttons = append(r.Buttons, Button{Label: lb.ViewOriginal, Command: "/sources " + OriginalArg})
	}
	return r
}

// PassagesReply shows the full cited passages, each under its numbered
// label: in the asker's script (marked when converted), or, with original,
// as the article wrote them (查看原文).
func PassagesReply(script zh.Script, cs []core.Citation, original bool) *Reply {
	r := &Reply{Script: script}
	converted := false
	for _, c := range cs {
		label, text := CitationLabel(c), c.Text
		if original || text == "" {
			label, text = c.Chunk.Meta.SourceLine(), c.Chunk.Text
		} else if c.Converted {
			label += ConvertedMark(text)
			converted = true
		}
		r.Add("\n\n", fmt.Sprintf("[%d] %s", c.N, label), Bold)
		r.Add("\n", strings.TrimSpace(text), Quote)
	}
	if converted {
		r.Buttons = append(r.Buttons, Button{Label: LabelsFor(script).ViewOriginal, Command: "/sources " + OriginalArg})
	}
	return r
}

// AnswerWithPassages renders an answer for a transport without buttons to
// open its sources: the notice and text, then under 来源 each cited
// passage in full (marked when converted), and the 查看原文 action.
func AnswerWithPassages(a *core.Answer) *Reply {
	r := AnswerReply(a)
	if len(a.Citations) == 0 {
		return r
	}
	// Keep notice and text; the passages replace the list of labels.
	keep := len(r.Blocks) - len(a.Citations)
	r.Blocks = r.Blocks[:keep]
	p := PassagesReply(a.Script, a.Citations, false)
	for i, bl := range p.Blocks {
		if i == 0 {
			bl.Sep = "\n"
		}
		r.Blocks = append(r.Blocks, bl)
	}
	return r
}
