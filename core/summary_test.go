package core

import (
	"context"
	"strings"
	"testing"

	"bangyang/zh"
)

func TestMethodSummaryBothScripts(t *testing.T) {
	t.Parallel()
	s := newOffline(t, nil)
	ctx := context.Background()
	for _, c := range []struct {
		name   string
		script zh.Script
		step   string
	}{
		{"四单工作法", "hans", "共同接单"},
		{"四單工作法", "hant", "共同接單"},
	} {
		ans, err := s.MethodSummary(ctx, "m", c.name, "")
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s:\n%s", c.name, ans.Text)
		if !ans.Grounded || ans.Script != c.script || !strings.Contains(ans.Text, c.step) {
			t.Errorf("%s: grounded=%v script=%s\n%s", c.name, ans.Grounded, ans.Script, ans.Text)
		}
		if zh.DetectScript(ans.Text) != c.script {
			t.Errorf("%s: text not in %s", c.name, c.script)
		}
		if len(ans.Citations) == 0 || zh.ToSimplified(ans.Citations[0].Chunk.Meta.Leader) != "吴中兰" {
			t.Errorf("%s: not cited to 吴中兰: %+v", c.name, ans.Citations)
		}
		checkMarkers(t, ans)
	}
}

func TestMethodNotFoundOffersCloseMatches(t *testing.T) {
	t.Parallel()
	s := newOffline(t, nil)
	ans, err := s.MethodSummary(context.Background(), "m", "四单法", "")
	if err != nil {
		t.Fatal(err)
	}
	if ans.Grounded {
		// A confident fuzzy match is fine too, but then it must be 四单工作法.
		if !strings.Contains(ans.Text, "四单工作法") {
			t.Fatalf("matched the wrong method:\n%s", ans.Text)
		}
		return
	}
	if len(ans.Suggestions) == 0 {
		t.Fatalf("no suggestions: %+v", ans)
	}
	ans, _ = s.MethodSummary(context.Background(), "m", "量子计算法", "")
	if ans.Grounded || len(ans.Citations) != 0 {
		t.Fatalf("unknown method answered: %+v", ans)
	}
}

func TestLeaderProfileAndFreeTextRouting(t *testing.T) {
	t.Parallel()
	s := newOffline(t, nil)
	ctx := context.Background()
	ans, err := s.LeaderProfile(ctx, "l", "郭佳", "")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("郭佳:\n%s", ans.Text)
	if !ans.Grounded || !strings.Contains(ans.Text, "党建集结号") {
		t.Errorf("profile lacks 党建集结号:\n%s", ans.Text)
	}
	for _, c := range ans.Citations {
		if c.Chunk.Meta.Leader != "郭佳" {
			t.Errorf("profile cites another leader: %+v", c.Chunk.Meta)
		}
	}
	checkMarkers(t, ans)
	routed, err := s.Ask(ctx, "r", "总结一下郭佳的工作方法")
	if err != nil {
		t.Fatal(err)
	}
	// Asked for her methods, the profile lists them all (the /leader
	// profile tells her story with the main ones).
	head, _, _ := strings.Cut(ans.Text, "\n")
	if !strings.HasPrefix(routed.Text, head) || !strings.Contains(routed.Text, "畅大妈调解室") {
		t.Errorf("free text did not route to the profile listing her methods:\n%s", routed.Text)
	}
}

func TestWhoIsAnswersBriefly(t *testing.T) {
	t.Parallel()
	s := newOffline(t, nil)
	ans, err := s.Ask(context.Background(), "who", "吳中蘭是誰？")
	if err != nil {
		t.Fatal(err)
	}
	// Who she is first, in the asker's script: name, place and post; then
	// the sentence introducing her, cited; then her own honours.
	first, _, _ := strings.Cut(ans.Text, "\n")
	if !strings.HasPrefix(first, "吳中蘭（") || !strings.Contains(first, "上清寺路社區黨委書記") {
		t.Errorf("first line does not say who she is: %q", first)
	}
	if !ans.Grounded || !strings.Contains(ans.Text, "1969年10月生") || strings.Contains(ans.Text, "巾幗標兵崗") {
		t.Errorf("want her introduction and her own honours, not the community's:\n%s", ans.Text)
	}
	checkMarkers(t, ans)
}

// TestMethodSummaryRecord: a method summary shows the definition, each
// step with the sentence carrying it out, the results, each cited; no
// sentence twice, no article marker, within the length bound.
func TestMethodSummaryRecord(t *testing.T) {
	t.Parallel()
	s := newOffline(t, nil)
	ans, err := s.MethodSummary(context.Background(), "", "四单工作法", "hans")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", ans.Text)
	for _, want := range []string{"是什么：", "1. 民众点单：", "居民需求清单", "2. 社区开单：", "3. 共同接单：", "办理协调单", "4. 民主议单：", "民主测评", "成效：", "98%"} {
		if !strings.Contains(ans.Text, want) {
			t.Errorf("summary lacks %q", want)
		}
	}
	if n := len([]rune(ans.Text)); n > 760 {
		t.Errorf("summary is %d runes", n)
	}
	checkNoRepeats(t, ans.Text)
	checkMarkers(t, ans)
}

// TestMethodSummaryUnexpanded: a method the article only names says so,
// and gives only the sentence naming it.
func TestMethodSummaryUnexpanded(t *testing.T) {
	t.Parallel()
	s := newOffline(t, nil)
	ans, err := s.MethodSummary(context.Background(), "", "睦邻节", "hans")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", ans.Text)
	if !ans.Grounded || !strings.Contains(ans.Text, "文中未展开") || strings.Contains(ans.Text, "成效：") || strings.Contains(ans.Text, "是什么：") {
		t.Errorf("unexpanded method summary:\n%s", ans.Text)
	}
}

// TestEveryMethodSummaryWellFormed runs every catalog method's summary:
// bounded, no repeated sentence, every slot either filled or 文中未展开, no
// line starting with a reference marker, every marker resolving.
func TestEveryMethodSummaryWellFormed(t *testing.T) {
	t.Parallel()
	s := newOffline(t, nil)
	for _, g := range s.Methods() {
		for _, m := range g.Methods {
			ans, err := s.MethodSummary(context.Background(), "", m.Name, "hans")
			if err != nil {
				t.Fatal(err)
			}
			if !ans.Grounded {
				t.Errorf("%s: not grounded", m.Name)
				continue
			}
			if n := len([]rune(ans.Text)); n > 760 {
				t.Errorf("%s: %d runes", m.Name, n)
			}
			for _, line := range strings.Split(ans.Text, "\n") {
				body := line
				if i := strings.Index(line, "："); i >= 0 {
					body = line[i+len("："):]
				}
				if strings.HasPrefix(strings.TrimSpace(body), "[") {
					t.Errorf("%s: line starts with a marker: %q", m.Name, line)
				}
			}
			if !m.Unexpanded && !strings.Contains(ans.Text, "• 成效：") {
				t.Errorf("%s: no results line:\n%s", m.Name, ans.Text)
			}
			checkNoRepeats(t, ans.Text)
			checkMarkers(t, ans)
		}
	}
}

// checkNoRepeats fails when a sentence of 12 runes or more appears twice.
func checkNoRepeats(t *testing.T, text string) {
	t.Helper()
	seen := map[string]bool{}
	for _, line := range strings.Split(text, "\n") {
		for _, sent := range strings.FieldsFunc(line, func(r rune) bool { return r == '。' || r == '；' || r == ']' }) {
			if i := strings.Index(sent, "："); i >= 0 && i < 40 {
				sent = sent[i+len("："):]
			}
			if len([]rune(sent)) < 12 {
				continue
			}
			if seen[sent] {
				t.Errorf("sentence shown twice: %q\n%s", sent, text)
			}
			seen[sent] = true
		}
	}
}

func TestCleanQuote(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"[4]欧阳红梅总结出“三问工作法”。": "欧阳红梅总结出“三问工作法”。",
		"问需于民：登记到台账。[5][注1]": "问需于民：登记到台账。",
		"2 工作方法":   "",
		"1.2 人物经历": "",
		"，社区共召开懇談會50余次[2-3]。": "社区共召开懇談會50余次。",
	} {
		if got := cleanQuote(in); got != want {
			t.Errorf("cleanQuote(%q) = %q, want %q", in, got, want)
		}
	}
}
