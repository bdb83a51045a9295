package quiz

import (
	"errors"
	"strings"
	"testing"

	"bangyang/zh"
)

func generate(t *testing.T, b *Bank, opt Options) []Question {
	t.Helper()
	qs, err := b.Generate(opt)
	if err != nil {
		t.Fatalf("Generate(%+v): %v", opt, err)
	}
	return qs
}

func TestGenerateRealCorpus(t *testing.T) {
	t.Parallel()
	b := NewBank(realSource(t))
	qs := generate(t, b, Options{N: 30, Seed: 1})
	if len(qs) != 30 {
		t.Fatalf("got %d questions, want 30", len(qs))
	}
	keys := map[string]bool{}
	kinds := map[Kind]int{}
	for i, q := range qs {
		if err := Validate(q); err != nil {
			t.Errorf("q%d %q: %v", i, q.Text, err)
		}
		if keys[q.Key] {
			t.Errorf("q%d: duplicate key %s", i, q.Key)
		}
		keys[q.Key] = true
		kinds[q.Kind]++
		// Check support independently of Validate, straight on the chunk's
		// own Norm field as the corpus computed it.
		norm := normalize(chunkNorm(t, b, q.Citation.ChunkID)) + "\x00" + normalize(q.Citation.Leader)
		for j, o := range q.Options {
			if q.Kind == KindOrder {
				// Every option of an order question is a step of the
				// passage; which comes next is checkOrder's business.
				if err := checkOrder(q, norm); err != nil {
					t.Errorf("q%d %q: %v", i, q.Text, err)
				}
				break
			}
			if got, want := supported(o, norm), (j == q.Correct) != q.Negative; got != want {
				t.Errorf("q%d %q option %q: supported=%v, want %v", i, q.Text, o, got, want)
			}
			if n := zh.UTF16Len(o); n < 1 || n > MaxOptionLen {
				t.Errorf("q%d option %q length %d", i, o, n)
			}
		}
		if len(q.Options) < 3 || len(q.Options) > MaxOptions {
			t.Errorf("q%d has %d options", i, len(q.Options))
		}
		if zh.UTF16Len(q.Text) > MaxQuestionLen || zh.UTF16Len(q.Explanation) > MaxExplanationLen ||
			strings.Count(q.Explanation, "\n") > MaxExplanationLFs {
			t.Errorf("q%d over limits: %d/%d", i, zh.UTF16Len(q.Text), zh.UTF16Len(q.Explanation))
		}
		if !strings.HasPrefix(q.Explanation, "出自") {
			t.Errorf("q%d explanation does not cite: %q", i, q.Explanation)
		}
		if q.Citation.ChunkID == "" || q.Citation.ArticleID == "" || q.Citation.Passage == "" {
			t.Errorf("q%d incomplete citation %+v", i, q.Citation)
		}
		if strings.ContainsAny(q.Text+strings.Join(q.Options, ""), "āáǎàīíǐìūúǔùēéěèōóǒò") {
			t.Errorf("q%d shows pinyin: %q %q", i, q.Text, q.Options)
		}
	}
	if len(kinds) < 5 {
		t.Errorf("only %d kinds of question: %v", len(kinds), kinds)
	}
}

func chunkNorm(t *testing.T, b *Bank, id string) string {
	t.Helper()
	for _, p := range b.m.passages {
		if p.chunk.ID == id {
			if p.chunk.Norm != "" {
				return p.chunk.Norm
			}
			return p.chunk.Text
		}
	}
	t.Fatalf("no chunk %s", id)
	return ""
}

func TestGenerateDeterministic(t *testing.T) {
	t.Parallel()
	b := NewBank(realSource(t))
	a := generate(t, b, Options{N: 10, Seed: 42})
	c := generate(t, b, Options{N: 10, Seed: 42})
	d := generate(t, b, Options{N: 10, Seed: 43})
	same := func(x, y []Question) bool {
		if len(x) != len(y) {
			return false
		}
		for i := range x {
			if x[i].Key != y[i].Key || x[i].Correct != y[i].Correct {
				return false
			}
		}
		return true
	}
	if !same(a, c) {
		t.Error("same seed gave different questions")
	}
	if same(a, d) {
		t.Error("different seeds gave the same questions")
	}
}

// TestFourDanMissingStep: every blank of 四单工作法's expansion is asked
// and answered right, with the topic given in Traditional script.
func TestFourDanMissingStep(t *testing.T) {
	t.Parallel()
	b := NewBank(realSource(t))
	steps := []string{"民众点单", "社区开单", "共同接单", "民主议单"}
	found := map[string]bool{}
	for seed := uint64(0); seed < 40 && len(found) < len(steps); seed++ {
		for _, q := range generate(t, b, Options{N: 20, Topic: "四單工作法", Seed: seed}) {
			if q.Kind != KindMissingStep {
				continue
			}
			answer := q.CorrectText()
			filled := strings.Replace(q.Text, "____", answer, 1)
			if !strings.Contains(filled, strings.Join(steps, "、")) {
				t.Fatalf("filling %q into %q does not give the method: %q", answer, q.Text, filled)
			}
			for i, o := range q.Options {
				if i != q.Correct && strings.Contains(q.Text, o) {
					t.Errorf("distractor %q appears in the question %q", o, q.Text)
				}
			}
			found[answer] = true
		}
	}
	for _, s := range steps {
		if !found[s] {
			t.Errorf("no missing-step question with answer %s (found %v)", s, found)
		}
	}
}

func TestGenerateTraditional(t *testing.T) {
	t.Parallel()
	b := NewBank(realSource(t))
	qs := generate(t, b, Options{N: 8, Seed: 3, Script: zh.Traditional})
	for _, q := range qs {
		if err := Validate(q); err != nil {
			t.Errorf("%q: %v", q.Text, err)
		}
		if q.Script != zh.Traditional {
			t.Errorf("script %q", q.Script)
		}
		if zh.ToTraditional(q.Text) != q.Text {
			t.Errorf("text not in Traditional script: %q", q.Text)
		}
	}
}

func TestTopicFocus(t *testing.T) {
	t.Parallel()
	b := NewBank(realSource(t))
	for _, topic := range []string{"李亚玲", "李亞玲"} {
		for _, q := range generate(t, b, Options{N: 10, Seed: 5, Topic: topic}) {
			if zh.ToSimplified(q.Citation.Leader) != "李亚玲" {
				t.Errorf("topic %s: question from %s: %q", topic, q.Citation.Leader, q.Text)
			}
		}
	}
	for _, q := range generate(t, b, Options{N: 10, Seed: 5, Topic: "调解"}) {
		if !strings.Contains(zh.ToSimplified(q.Citation.Passage), "调解") {
			t.Errorf("keyword topic: passage without 调解 for %q", q.Text)
		}
	}
	if _, err := b.Generate(Options{N: 5, Topic: "量子计算机"}); !errors.Is(err, ErrNoMaterial) {
		t.Errorf("unknown topic: err = %v, want ErrNoMaterial", err)
	}
}

func TestExcludeAcrossSessions(t *testing.T) {
	t.Parallel()
	b := NewBank(realSource(t))
	first := generate(t, b, Options{N: 10, Seed: 9})
	ex := map[string]bool{}
	for _, q := range first {
		ex[q.Key] = true
	}
	for _, q := range generate(t, b, Options{N: 10, Seed: 9, Exclude: ex}) {
		if ex[q.Key] {
			t.Errorf("excluded question asked again: %s", q.Key)
		}
	}
}

func TestValidateRejects(t *testing.T) {
	t.Parallel()
	passage := "如今“畅大妈”登记在册志愿者已有40名,共调解各类纠纷129件,调解成功率达95.3%。"
	base := func() Question {
		return Question{
			Text: "调解成功率达多少？", Options: []string{"95.3%", "98%", "85.3%"}, Correct: 0,
			Explanation: "出自原文", Citation: Citation{ChunkID: "c", Passage: passage, Leader: "郭佳"},
		}
	}
	if err := Validate(base()); err != nil {
		t.Fatalf("valid question rejected: %v", err)
	}
	cases := map[string]func(q *Question){
		"answer not in passage": func(q *Question) { q.Correct = 1 },
		"distractor in passage": func(q *Question) { q.Options[1] = "129件" },
		"substring of a number": func(q *Question) { q.Options[1] = "5.3%"; q.Options[2] = "95.3%" },
		"duplicate options":     func(q *Question) { q.Options[2] = "98%" },
		"one option":            func(q *Question) { q.Options = q.Options[:1] },
		"eleven options": func(q *Question) {
			for i := 0; i < 8; i++ {
				q.Options = append(q.Options, strings.Repeat("虚", i+1))
			}
		},
		"long option":                    func(q *Question) { q.Options[1] = strings.Repeat("长", 101) },
		"long question":                  func(q *Question) { q.Text = strings.Repeat("问", 301) },
		"long explanation":               func(q *Question) { q.Explanation = strings.Repeat("解", 201) },
		"three line feeds":               func(q *Question) { q.Explanation = "a\nb\nc\nd" },
		"no passage":                     func(q *Question) { q.Citation.Passage = "" },
		"correct out of range":           func(q *Question) { q.Correct = 3 },
		"negative but answer in passage": func(q *Question) { q.Negative = true },
	}
	for name, mutate := range cases {
		q := base()
		q.Options = append([]string(nil), q.Options...)
		mutate(&q)
		if err := Validate(q); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: err = %v, want ErrInvalid", name, err)
		}
	}
	// A Negative question: the answer is the one item NOT in the passage.
	neg := Question{
		Text: "以下哪一项不在原文中？", Options: []string{"40名", "129件", "1600件"}, Correct: 2, Negative: true,
		Explanation: "出自原文", Citation: Citation{Passage: passage},
	}
	if err := Validate(neg); err != nil {
		t.Errorf("valid negative question rejected: %v", err)
	}
	// Traditional options are matched against a Simplified/Traditional passage alike.
	trad := base()
	trad.Text, trad.Citation.Passage = "調解成功率？", "共調解各類糾紛129件,調解成功率達95.3%。"
	trad.Options = []string{"95.3%", "98%"}
	if err := Validate(trad); err != nil {
		t.Errorf("traditional passage: %v", err)
	}
}

func TestCases(t *testing.T) {
	t.Parallel()
	b := NewBank(realSource(t))
	all := b.Cases("", zh.Simplified, 0)
	if len(all) < 4 {
		t.Fatalf("only %d cases", len(all))
	}
	night := b.Cases("夜市", zh.Simplified, 1)
	if len(night) != 1 {
		t.Fatalf("night market: %d cases", len(night))
	}
	c := night[0]
	if !strings.Contains(c.Scenario, "堵塞交通") || strings.Contains(c.Scenario, "宜疏不宜堵") {
		t.Errorf("night market scenario = %q", c.Scenario)
	}
	if !strings.Contains(c.Reveal, "宜疏不宜堵") {
		t.Errorf("night market reveal = %q", c.Reveal)
	}
	lost := b.Cases("李亚玲", zh.Simplified, 0)
	var sawLost, sawNoPM bool
	for _, c := range lost {
		if strings.Contains(c.Scenario, "李亚玲") {
			t.Errorf("scenario names the leader: %q", c.Scenario)
		}
		if strings.Contains(c.Scenario, "失联") {
			sawLost = true
			if strings.Contains(c.Scenario, "找回") || !strings.Contains(c.Reveal, "找回") {
				t.Errorf("失联 case leaks or lacks the remedy: %+v", c)
			}
		}
		if strings.Contains(c.Scenario, "没有物业") {
			sawNoPM = true
			if !strings.Contains(c.Reveal, "网格") {
				t.Errorf("没有物业 reveal = %q", c.Reveal)
			}
		}
		if c.Citation.ChunkID == "" || c.RevealCitation.ChunkID == "" {
			t.Errorf("case without citation: %+v", c)
		}
	}
	if !sawLost || !sawNoPM {
		t.Errorf("李亚玲 cases: lost party members %v, no property management %v", sawLost, sawNoPM)
	}
	if got := b.Cases("夜市", zh.Traditional, 1); len(got) != 1 || !strings.Contains(got[0].Scenario, "夜市") || got[0].Scenario == night[0].Scenario {
		t.Errorf("traditional case = %+v", got)
	}
}

// TestGenerateWithCatalog: with the catalog's methods and leaders wired
// in, questions stay valid and catalog method names are asked about.
func TestGenerateWithCatalog(t *testing.T) {
	t.Parallel()
	plain := realSource(t)
	b := NewBank(SourceFromCatalog(buildCatalog(t, plain.Chunks), plain.Chunks))
	names := map[string]bool{}
	for seed := uint64(0); seed < 5; seed++ {
		for _, q := range generate(t, b, Options{N: 30, Seed: seed}) {
			if err := Validate(q); err != nil {
				t.Errorf("%q: %v", q.Text, err)
			}
			if q.Kind == KindMethodLeader {
				names[q.CorrectText()] = true
			}
		}
	}
	if len(b.named) <= len(NewBank(plain).named) {
		t.Errorf("catalog added no method names: %d", len(b.named))
	}
}
