package lexicon

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestDefaultMatchesQuestions(t *testing.T) {
	lx := Default()
	if n := len(lx.Topics()); n < 40 {
		t.Fatalf("%d topics, want ≥ 40", n)
	}
	names := func(ts []Topic) []string {
		var out []string
		for _, t := range ts {
			out = append(out, t.Name)
		}
		return out
	}
	for q, want := range map[string]string{
		"我们社区老年人多，可以借鉴哪位书记的经验？": "老年人",
		"邻里之间老吵架，矛盾纠纷多":         "矛盾纠纷",
		"小区没有物业，环境脏乱差":          "物业",
	} {
		if got := names(lx.InQuestion(q)); !slices.Contains(got, want) {
			t.Errorf("%s: topics %v, want %s", q, got, want)
		}
	}
	// Article words are what the genre prints, not what people ask.
	if got := lx.InText("通过“百名党员助百老”帮扶活动"); got["老年人"] == 0 {
		t.Errorf("助百老 not found as 老年人: %v", got)
	}
}

func TestLoadExtendsAndSkipsBadLines(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ours.tsv")
	body := "# our words\n老年人\t老头儿\t银发食堂\n加装电梯\t加梯、装电梯\t加装电梯、加梯协商\nbroken line without tabs\n\t空名\t词\n"
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	lx, err := Load(path)
	var le *LineErrors
	if !errors.As(err, &le) || len(le.Lines) != 2 || !strings.Contains(le.Error(), "line 4") || !strings.Contains(le.Error(), "line 5") {
		t.Fatalf("want two skipped lines reported by number, got %v", err)
	}
	old, _ := lx.Topic("老年人")
	if !slices.Contains(old.Ask, "老头儿") || !slices.Contains(old.Article, "银发食堂") || !slices.Contains(old.Article, "空巢老人") {
		t.Errorf("老年人 not extended in place: %+v", old)
	}
	if _, ok := lx.Topic("加装电梯"); !ok {
		t.Error("new topic not added")
	}
	if len(lx.InQuestion("我们想加梯")) == 0 {
		t.Error("the new topic does not match its ask word")
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing.tsv")); err == nil || errors.As(err, &le) {
		t.Errorf("a missing file must be an error of its own: %v", err)
	}
}

func TestParseIsStrict(t *testing.T) {
	if _, err := Parse(strings.NewReader("a\tb\n")); err == nil {
		t.Error("a two-column line parsed")
	}
}

// TestAskPatterns checks that an ask word written with "…" matches its
// parts in order and close together, within one clause only.
func TestAskPatterns(t *testing.T) {
	lx, err := Parse(strings.NewReader("党员作用\t党员作用、党员…作用\t先锋岗、双报到、亮身份\n"))
	if err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]bool{
		"想让党员在社区发挥作用，有哪些做法？":     true,
		"党员作用怎么发挥":               true,
		"作用不大的党员":                false, // out of order
		"党员很多，这些活动有什么作用":         false, // across a clause
		"党员们平时在家里带孩子做家务看起来没什么作用": false, // too far apart
	} {
		if got := len(lx.InQuestion(q)) == 1; got != want {
			t.Errorf("%s: matched %v, want %v", q, got, want)
		}
	}
	tp, _ := lx.Topic("党员作用")
	if slices.ContainsFunc(tp.Ask, func(w string) bool { return strings.Contains(w, "…") }) {
		t.Errorf("a pattern is listed as a plain ask word: %v", tp.Ask)
	}
}

// TestStrongestTopicFirst: the topic whose words cover most of the
// question comes first.
func TestStrongestTopicFirst(t *testing.T) {
	got := Default().InQuestion("楼道里堆满杂物，还有人把电动车推进楼道充电，怎么办？")
	if len(got) == 0 || got[0].Name != "安全隐患" {
		var names []string
		for _, tp := range got {
			names = append(names, tp.Name)
		}
		t.Errorf("topics %v, want 安全隐患 first", names)
	}
}

// TestMapNormalisesEveryWord: Map passes ask words, patterns and article
// words through the caller's normaliser.
func TestMapNormalisesEveryWord(t *testing.T) {
	lx, err := Parse(strings.NewReader("心理关爱\t慰藉、心里…话\t精神慰藉、谈心、陪伴\n"))
	if err != nil {
		t.Fatal(err)
	}
	m := lx.Map(func(s string) string { return strings.ReplaceAll(s, "藉", "借") })
	tp, _ := m.Topic("心理关爱")
	if !slices.Contains(tp.Article, "精神慰借") || !slices.Contains(tp.Ask, "慰借") || len(m.InQuestion("我心里有话")) != 1 {
		t.Errorf("not mapped: %+v", tp)
	}
	if orig, _ := lx.Topic("心理关爱"); !slices.Contains(orig.Article, "精神慰藉") {
		t.Errorf("the original changed: %+v", orig)
	}
}
