package transport

import (
	"strings"
	"testing"

	"bangyang/core"
	"bangyang/corpus"
)

func citations() []core.Citation {
	return []core.Citation{
		{N: 1, Text: "吴中兰把社区划成格线。", Label: "吴中兰 · 重庆 渝中区", Converted: true,
			Chunk: corpus.Chunk{ID: "a", Text: "吳中蘭把社區劃成格線。", Meta: corpus.Meta{ID: "000", Leader: "吳中蘭", Place: "重慶 渝中區"}}},
		{N: 2, Text: "李亚玲在倒生根社区工作。", Label: "李亚玲 · 普洱",
			Chunk: corpus.Chunk{ID: "b", Text: "李亚玲在倒生根社区工作。", Meta: corpus.Meta{ID: "003", Leader: "李亚玲", Place: "普洱"}}},
	}
}

func TestAnswerReplyNumbersEverySource(t *testing.T) {
	a := &core.Answer{Text: "吴中兰划分格线[1]，李亚玲在社区工作[2]。", Citations: citations(), Grounded: true, Script: "hans", Notice: "模型暂不可用"}
	got := PlainText(AnswerReply(a))
	want := "模型暂不可用\n\n吴中兰划分格线[1]，李亚玲在社区工作[2]。\n\n来源\n[1] 吴中兰 · 重庆 渝中区\n[2] 李亚玲 · 普洱\n\n→ 查看原文：/sources 原文"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	a.Script, a.Citations, a.Notice, a.Text = "hant", nil, "", " "
	if got := PlainText(AnswerReply(a)); got != "（沒有內容）" {
		t.Errorf("empty Traditional answer: %q", got)
	}
}

func TestPassagesReplyMarksConverted(t *testing.T) {
	got := PlainText(PassagesReply("hans", citations(), false))
	if !strings.Contains(got, "[1] 吴中兰 · 重庆 渝中区（已转为简体，原文见“查看原文”）\n    吴中兰把社区划成格线。") {
		t.Errorf("converted passage not marked:\n%s", got)
	}
	if strings.Count(got, "已转为简体") != 1 {
		t.Errorf("a passage in its own script was marked:\n%s", got)
	}
	orig := PlainText(PassagesReply("hans", citations(), true))
	if !strings.Contains(orig, "吳中蘭把社區劃成格線。") || strings.Contains(orig, "已转为") || strings.Contains(orig, "/sources") {
		t.Errorf("originals:\n%s", orig)
	}
	// A Traditional reader is told in Traditional.
	cs := citations()
	cs[1].Text, cs[1].Converted = "李亞玲在倒生根社區工作。", true
	if got := PlainText(PassagesReply("hant", cs[1:], false)); !strings.Contains(got, "已轉為繁體") {
		t.Errorf("Traditional mark:\n%s", got)
	}
}

func TestCitationLabelFallsBackToSourceLine(t *testing.T) {
	c := citations()[0]
	c.Label = ""
	if got := CitationLabel(c); got != c.Chunk.Meta.SourceLine() || got == "" {
		t.Errorf("label %q", got)
	}
}

// Names are unique and valid, descriptions present, and a Telegram-only
// command has no shared handler. (That every transport serves every
// entry is tested in term, with the bot and the terminal side by side.)
func TestCommandTable(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range Commands() {
		if seen[s.Name] {
			t.Errorf("/%s twice", s.Name)
		}
		seen[s.Name] = true
		if s.Telegram && s.Run != nil {
			t.Errorf("/%s is Telegram-only yet has a shared handler", s.Name)
		}
		if s.Zh == "" || s.En == "" {
			t.Errorf("/%s lacks a description", s.Name)
		}
		for _, r := range s.Name {
			if !(r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z') || len(s.Name) > 32 {
				t.Errorf("bad name %q", s.Name)
				break
			}
		}
		if got, ok := Lookup(s.Name); !ok || got.Name != s.Name {
			t.Errorf("Lookup(%q) = %v %v", s.Name, got.Name, ok)
		}
	}
	if _, ok := Lookup("nosuch"); ok {
		t.Error("Lookup found a command not in the table")
	}
}
