package core

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"bangyang/corpus"
	"bangyang/zh"
)

// answerKinds are the kinds testdata/ANSWERS.md defines.
var answerKinds = map[string]bool{
	"what": true, "steps": true, "how": true, "who": true, "where": true, "when": true,
	"number": true, "attribute": true, "advice": true, "compare": true, "summary": true,
	"followup": true, "refuse_attr": true, "unknown": true,
}

// checkAnswerSet returns what is wrong with a set against the rules of
// testdata/ANSWERS.md, given the Simplified cleaned texts of the articles
// it is asked over.
func checkAnswerSet(set []AnswerCase, texts []string) []string {
	var bad []string
	errf := func(id, format string, a ...any) { bad = append(bad, id+": "+fmt.Sprintf(format, a...)) }
	// The leaders of the set, to tell a two-secretary article.
	all := map[string]bool{}
	for _, c := range set {
		for _, l := range strings.Split(c.Leader, ",") {
			if l != "" {
				all[l] = true
			}
		}
	}
	articlesOf := func(l string) []string {
		var out []string
		for _, t := range texts {
			if strings.Contains(t, l) {
				out = append(out, t)
			}
		}
		return out
	}
	leadersIn := func(t string) int {
		n := 0
		for l := range all {
			if strings.Contains(t, l) {
				n++
			}
		}
		return n
	}
	ids := map[string]bool{}
	for _, c := range set {
		if ids[c.ID] {
			errf(c.ID, "duplicate id")
		}
		ids[c.ID] = true
		if !answerKinds[c.Kind] {
			errf(c.ID, "unknown kind %q", c.Kind)
		}
		answerable := c.Kind != "refuse_attr" && c.Kind != "unknown"
		if answerable != c.Answerable {
			errf(c.ID, "answerable=%v for kind %s", c.Answerable, c.Kind)
		}
		if (len(c.Facts) > 0) != answerable {
			errf(c.ID, "%d facts for kind %s", len(c.Facts), c.Kind)
		}
		if c.Kind == "followup" && len(c.History) == 0 {
			errf(c.ID, "a follow-up without history")
		}
		var leaders []string
		if c.Leader != "" {
			leaders = strings.Split(c.Leader, ",")
		}
		if c.Kind != "unknown" && len(leaders) == 0 {
			errf(c.ID, "no leader")
		}
		var arts []string
		for _, l := range leaders {
			a := articlesOf(l)
			if len(a) == 0 {
				errf(c.ID, "leader %s is in no article", l)
			}
			arts = append(arts, a...)
		}
		in := func(s string, ts []string) bool {
			for _, t := range ts {
				if strings.Contains(t, s) {
					return true
				}
			}
			return false
		}
		for _, f := range c.Facts {
			if len(f) == 0 {
				errf(c.ID, "an empty fact")
			}
			for _, alt := range f {
				if n := utf8.RuneCountInString(alt); n < 2 || n > 10 {
					errf(c.ID, "fact %q is %d characters", alt, n)
				}
				if zh.ToSimplified(alt) != alt {
					errf(c.ID, "fact %q is not Simplified", alt)
				}
				if !in(alt, arts) {
					errf(c.ID, "fact %q is not in the article of %s", alt, c.Leader)
				}
			}
		}
		if answerable {
			for _, l := range leaders {
				held := false
				for _, f := range c.Facts {
					for _, alt := range f {
						held = held || in(alt, articlesOf(l))
					}
				}
				if !held {
					errf(c.ID, "no fact for %s", l)
				}
			}
		}
		if c.Kind == "refuse_attr" {
			continue // a figure her article gives about someone else may be forbidden
		}
		for _, fb := range c.Forbid {
			for _, t := range arts {
				// In an article about two secretaries the other one's
				// method may be forbidden (checked by hand).
				if strings.Contains(t, fb) && leadersIn(t) < 2 {
					errf(c.ID, "forbidden %q is in the article of %s", fb, c.Leader)
				}
			}
		}
	}
	return bad
}

func simplifiedTexts(t *testing.T, dir string) []string {
	t.Helper()
	arts, err := corpus.LoadDir(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(arts))
	for i, a := range arts {
		out[i] = zh.ToSimplified(a.Text)
	}
	return out
}

// TestAnswerSetsWellFormed checks every shipped answer set against the
// rules of testdata/ANSWERS.md: known kinds, unique ids, facts exactly
// for answerable cases, every fact a short Simplified phrase of the
// concerned leader's own article, every concerned leader covered, no
// forbidden string from the leader's own article.
func TestAnswerSetsWellFormed(t *testing.T) {
	for _, s := range []struct{ file, dir string }{
		{"testdata/answers.jsonl", "../corpus/data"},
		{"testdata/answers_genre.jsonl", "../corpus/testdata/genre"},
		{"testdata/answers_everyday.jsonl", "../corpus/testdata/genre"},
		{"testdata/answers_holdout.jsonl", "../corpus/testdata/genre-holdout"},
		{"testdata/answers_holdout2.jsonl", "../corpus/testdata/genre-holdout2"},
		{"testdata/answers_holdout3.jsonl", "../corpus/testdata/genre-holdout3"},
		{"testdata/answers_holdout4.jsonl", "../corpus/testdata/genre-holdout4"},
		{"testdata/answers_holdout5.jsonl", "../corpus/testdata/genre-holdout5"},
		{"testdata/answers_holdout6.jsonl", "../corpus/testdata/genre-holdout6"},
		{"testdata/answers_holdout7.jsonl", "../corpus/testdata/genre-holdout7"},
		{"testdata/answers_holdout8.jsonl", "../corpus/testdata/genre-holdout8"},
		{"testdata/answers_holdout9.jsonl", "../corpus/testdata/genre-holdout9"},
		{"testdata/answers_holdout10.jsonl", "../corpus/testdata/genre-holdout10"},
		{"testdata/answers_holdout11.jsonl", "../corpus/testdata/genre-holdout11"},
	} {
		t.Run(s.file, func(t *testing.T) {
			f, err := os.Open(s.file)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			set, err := LoadAnswerSet(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, b := range checkAnswerSet(set, simplifiedTexts(t, s.dir)) {
				t.Error(b)
			}
		})
	}
}

// TestCheckAnswerSetCatchesBadRecords feeds the check records that break
// each rule, so that it can fail.
func TestCheckAnswerSetCatchesBadRecords(t *testing.T) {
	texts := []string{"甲书记推行“楼栋议事会”，每月开一次。", "乙书记办起了“爱心食堂”。"}
	good := AnswerCase{ID: "ok", Kind: "what", Question: "楼栋议事会是什么？", Facts: [][]string{{"每月开一次"}}, Answerable: true, Leader: "甲书记"}
	if bad := checkAnswerSet([]AnswerCase{good}, texts); len(bad) > 0 {
		t.Fatalf("a good record was refused: %v", bad)
	}
	for name, c := range map[string]AnswerCase{
		"fact from another article": {ID: "x", Kind: "what", Question: "?", Facts: [][]string{{"爱心食堂"}}, Answerable: true, Leader: "甲书记"},
		"forbidden own fact":        {ID: "x", Kind: "what", Question: "?", Facts: [][]string{{"每月开一次"}}, Forbid: []string{"楼栋议事会"}, Answerable: true, Leader: "甲书记"},
		"Traditional fact":          {ID: "x", Kind: "what", Question: "?", Facts: [][]string{{"樓棟議事會"}}, Answerable: true, Leader: "甲书记"},
		"unanswerable with facts":   {ID: "x", Kind: "refuse_attr", Question: "?", Facts: [][]string{{"每月开一次"}}, Leader: "甲书记"},
		"compare missing a leader":  {ID: "x", Kind: "compare", Question: "?", Facts: [][]string{{"每月开一次"}}, Answerable: true, Leader: "甲书记,乙书记"},
		"follow-up without history": {ID: "x", Kind: "followup", Question: "?", Facts: [][]string{{"每月开一次"}}, Answerable: true, Leader: "甲书记"},
		"unknown kind":              {ID: "x", Kind: "why", Question: "?", Facts: [][]string{{"每月开一次"}}, Answerable: true, Leader: "甲书记"},
	} {
		if bad := checkAnswerSet([]AnswerCase{c}, texts); len(bad) == 0 {
			t.Errorf("%s: not caught", name)
		}
	}
}
