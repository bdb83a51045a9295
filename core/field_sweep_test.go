package core

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"bangyang/lexicon"
)

// TestFieldQuestionsAnswered asks every genre secretary about every field
// of community work her article touches (a topic's specific word is in
// it), in two wordings ("X是怎么做T工作的", "X在T方面有什么经验"): the
// answer must not be refused and must hold a word of that field, and no
// line of it may name another secretary and not her. It is a sweep, not
// a set of examples: over 200 questions over the genre articles.
func TestFieldQuestionsAnswered(t *testing.T) {
	t.Parallel()
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ctx := context.Background()
	leaders := sweptLeaders(s)
	n, off := 0, 0
	for _, l := range leaders {
		sents := s.leaderSentences(l)
		for _, tp := range s.lex.Topics() {
			if !swept(tp) {
				continue
			}
			var hit string
			for _, r := range sents {
				for _, w := range tp.Matches(r.norm) {
					if utf8.RuneCountInString(w) >= 3 {
						hit = w
					}
				}
			}
			if hit == "" {
				continue
			}
			for _, tpl := range []string{"%s是怎么做%s工作的？", "%s在%s方面有什么经验？"} {
				q := fmt.Sprintf(tpl, l, tp.Name)
				ans, err := s.Ask(ctx, fmt.Sprint("field", n), q)
				if err != nil {
					t.Fatal(err)
				}
				n++
				words := append(slices.Clone(tp.Article), tp.Ask...)
				if ans.Refused || !strings.Contains(ans.Text, hit) && !containsWordOf(ans.Text, words) {
					off++
					t.Logf("%s (her article: %s)\n%s", q, hit, ans.Text)
				}
				// Her answer quotes her: no line naming another secretary
				// and not her (an award list's next one, "李文静说…").
				for _, ln := range strings.Split(ans.Text, "\n") {
					for _, o := range leaders {
						if o != l && strings.Contains(ln, o) && !strings.Contains(ln, l) {
							t.Errorf("%s: a line of %s's:\n%s", q, o, ans.Text)
						}
					}
				}
			}
		}
	}
	if n < 200 {
		t.Fatalf("only %d questions: the sweep lost its articles or topics", n)
	}
	if off*20 > n {
		t.Errorf("%d of %d field questions refused or off the field (want ≤ 5%%)", off, n)
	}
}

func containsWordOf(text string, words []string) bool {
	for _, w := range words {
		if utf8.RuneCountInString(w) >= 2 && strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// TestCompareOnAFieldBothWork compares pairs of genre secretaries whose
// articles both touch a field ("A和B在T方面的做法有什么不同"): each must
// have her own line that uses a word of the field. A sweep over every
// topic of the lexicon, up to two pairs each.
func TestCompareOnAFieldBothWork(t *testing.T) {
	t.Parallel()
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ctx := context.Background()
	leaders := sweptLeaders(s)
	n, off := 0, 0
	for _, tp := range s.lex.Topics() {
		if !swept(tp) {
			continue
		}
		var have []string
		for _, l := range leaders {
			if worksOn(s, l, tp.Article) {
				have = append(have, l)
			}
		}
		for i := 0; i+1 < len(have) && i < 4; i += 2 {
			a, b := have[i], have[i+1]
			q := fmt.Sprintf("%s和%s在%s方面的做法有什么不同？", a, b, tp.Name)
			ans, err := s.Ask(ctx, fmt.Sprint("cmp", n), q)
			if err != nil {
				t.Fatal(err)
			}
			n++
			var okA, okB bool
			for _, ln := range strings.Split(ans.Text, "\n") {
				okA = okA || strings.HasPrefix(ln, "• "+a) && containsWordOf(ln, tp.Article)
				okB = okB || strings.HasPrefix(ln, "• "+b) && containsWordOf(ln, tp.Article)
			}
			if ans.Refused || !okA || !okB {
				off++
				t.Logf("%s\n%s", q, ans.Text)
			}
		}
	}
	if n < 25 {
		t.Fatalf("only %d comparisons: the sweep lost its articles or topics", n)
	}
	if off*5 > n {
		t.Errorf("%d of %d comparisons miss a side on the field (want ≤ 20%%)", off, n)
	}
}

// TestAdviceOnEveryField asks, for every topic some genre article works
// on, "我们社区<ask word>方面问题比较多，可以学习哪位书记的做法？" in its
// first ask word (one per topic keeps it quick under -race): the answer
// must not be refused and must quote at least one practice in the field's
// own words.
func TestAdviceOnEveryField(t *testing.T) {
	t.Parallel()
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ctx := context.Background()
	leaders := sweptLeaders(s)
	n, off := 0, 0
	for _, tp := range s.lex.Topics() {
		if !swept(tp) {
			continue
		}
		worked := slices.ContainsFunc(leaders, func(l string) bool { return worksOn(s, l, tp.Article) })
		if !worked {
			continue
		}
		for _, ask := range tp.Ask[:min(1, len(tp.Ask))] {
			q := "我们社区" + ask + "方面问题比较多，可以学习哪位书记的做法？"
			ans, err := s.Ask(ctx, fmt.Sprint("adv", n), q)
			if err != nil {
				t.Fatal(err)
			}
			n++
			on := slices.ContainsFunc(strings.Split(ans.Text, "\n"), func(ln string) bool {
				return strings.HasPrefix(ln, "• ") && containsWordOf(ln, tp.Article)
			})
			if ans.Refused || !on {
				off++
				t.Logf("%s\n%s", q, ans.Text)
			}
		}
	}
	if n < 25 {
		t.Fatalf("only %d questions: the sweep lost its articles or topics", n)
	}
	if off*20 > n {
		t.Errorf("%d of %d advice questions refused or off the field (want ≤ 5%%)", off, n)
	}
}

// sweptLeaders are the service's secretaries, in a fixed order.
func sweptLeaders(s *Service) []string {
	var out []string
	for l := range s.ents.leaderInfo {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}

// swept reports a topic the sweeps ask about: not her life (个人经历),
// nor a word every article uses (社区治理).
func swept(tp lexicon.Topic) bool { return tp.Name != "个人经历" && tp.Name != "社区治理" }

// worksOn reports whether her sentences use a specific word (3 runes or
// more) of words.
func worksOn(s *Service, leader string, words []string) bool {
	return slices.ContainsFunc(s.leaderSentences(leader), func(r sentRef) bool {
		return slices.ContainsFunc(words, func(w string) bool { return utf8.RuneCountInString(w) >= 3 && strings.Contains(r.norm, w) })
	})
}
