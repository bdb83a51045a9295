package quiz

import (
	"context"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"bangyang/catalog"
	"bangyang/corpus"
	"bangyang/zh"
)

// genreBank is a bank over the genre fixtures (articles other than the
// seeds, corpus/testdata/genre) with their catalog.
func genreBank(t testing.TB) *Bank { return dirBank(t, "../corpus/testdata/genre") }

// dirBank is a bank over a folder of articles with their catalog.
func dirBank(t testing.TB, dir string) *Bank {
	t.Helper()
	as, err := corpus.LoadDir(context.Background(), dir)
	if err != nil {
		t.Fatalf("load genre fixtures: %v", err)
	}
	if len(as) < 5 {
		t.Fatalf("only %d genre fixtures", len(as))
	}
	chunks := corpus.ChunkAll(as)
	return NewBank(SourceFromCatalog(buildCatalog(t, chunks), chunks))
}

func seedBank(t testing.TB) *Bank {
	t.Helper()
	src := realSource(t)
	return NewBank(SourceFromCatalog(buildCatalog(t, src.Chunks), src.Chunks))
}

var _ = catalog.Build // the catalog is what cmd/bangyang feeds the bank

// optionKind classifies an option by what it is, independently of the
// question that offers it: a method name, a leader, a place, a number, a
// method's step (or a recombination of one method's steps), a problem or
// a goal the articles state; "other" for anything else.
func optionKind(b *Bank, o string) string {
	n := normalize(o)
	for _, mn := range b.methodNames() {
		if normalize(mn.name) == n {
			return "method"
		}
	}
	for _, lf := range b.m.leaders {
		if normalize(lf.name) == n {
			return "leader"
		}
	}
	for _, lf := range b.m.leaders {
		for _, pl := range lf.places {
			if normalize(pl) == n {
				return "place"
			}
		}
	}
	digits := 0
	for _, r := range o {
		if unicode.IsDigit(r) {
			digits++
		}
	}
	if digits > 0 && utf8.RuneCountInString(o) <= 12 {
		return "number"
	}
	for _, e := range b.m.enums {
		if e.label == "" {
			continue
		}
		halves := map[string]bool{}
		for _, it := range e.items {
			ni := normalize(it)
			if ni == n {
				return "step"
			}
			rs := []rune(ni)
			if len(rs) >= 4 {
				halves["a"+string(rs[:2])] = true
				halves["b"+string(rs[2:])] = true
			}
		}
		if rs := []rune(n); len(rs) >= 4 && halves["a"+string(rs[:2])] && halves["b"+string(rs[2:])] {
			return "step"
		}
	}
	for _, mp := range b.problems {
		if opt := b.problemOption(mp.problem); opt != "" && normalize(opt) == n {
			if mp.goal {
				return "goal"
			}
			return "problem"
		}
	}
	return "other"
}

type mixFigures struct {
	questions, sessions                  int
	invalid, dupStems, answerInStem      int
	foreignDistractors, unclassified     int
	headingQuotes, sameSentence          int
	defaultQuestions, defaultApplication int
	kinds                                map[Kind]int
}

// runMix generates sessions over b and checks each question the way a
// trainer would: valid, no stem twice in a session, no option inside its
// stem, every distractor of the answer's kind, no quote of a heading.
func runMix(t *testing.T, name string, b *Bank, f *mixFigures) {
	t.Helper()
	check := func(qs []Question) {
		stems := map[string]bool{}
		for _, q := range qs {
			f.questions++
			f.kinds[q.Kind]++
			if err := Validate(q); err != nil {
				f.invalid++
				t.Errorf("%s: invalid %q: %v", name, q.Text, err)
			}
			st := normalize(q.Text)
			if stems[st] {
				f.dupStems++
				t.Errorf("%s: stem twice in a session: %q", name, q.Text)
			}
			stems[st] = true
			if strings.Contains(st, normalize(q.CorrectText())) {
				f.answerInStem++
				t.Errorf("%s: answer %q inside %q", name, q.CorrectText(), q.Text)
			}
			want := optionKind(b, q.CorrectText())
			if want == "other" {
				f.unclassified++
				t.Errorf("%s: %s answer %q is of no known kind", name, q.Kind, q.CorrectText())
			}
			for i, o := range q.Options {
				if i != q.Correct && optionKind(b, o) != want {
					f.foreignDistractors++
					t.Errorf("%s: %s %q: distractor %q is a %s, the answer %q a %s", name, q.Kind, q.Text, o, optionKind(b, o), q.CorrectText(), want)
				}
			}
			if quote, ok := explanationQuote(q.Explanation); ok && isHeading(strings.TrimSuffix(quote, "”")) && !strings.HasSuffix(quote, "…”") {
				f.headingQuotes++
				t.Errorf("%s: question on a heading: %q", name, q.Explanation)
			}
		}
	}
	// Every leader's articles give questions (a title with quotation
	// marks once made all of an article's questions invalid).
	for _, lf := range b.m.leaders {
		has := false
		for _, p := range b.m.passages {
			has = has || p.leader == lf.name
		}
		if !has {
			continue
		}
		if _, err := b.Generate(Options{N: 3, Topic: lf.name, Seed: 1}); err != nil {
			t.Errorf("%s: no questions on %s: %v", name, lf.name, err)
		}
	}
	// Sessions on a topic: never more than MaxPerSentence questions quote
	// one sentence, however little the topic's own passage says.
	for i, mn := range b.methodNames() {
		if i%3 != 0 {
			continue
		}
		qs, err := b.Generate(Options{N: 5, Topic: mn.name, Seed: uint64(i)})
		if err != nil {
			t.Errorf("%s: topic %s: %v", name, mn.name, err)
			continue
		}
		f.sessions++
		check(qs)
		quotes := map[string]int{}
		for _, q := range qs {
			quotes[q.Explanation]++
			if quotes[q.Explanation] > MaxPerSentence {
				f.sameSentence++
				t.Errorf("%s: topic %s: %d questions on %q", name, mn.name, quotes[q.Explanation], q.Explanation)
			}
		}
	}
	for seed := uint64(1); seed <= 6; seed++ {
		for _, script := range []zh.Script{zh.Simplified, zh.Traditional} {
			qs, err := b.Generate(Options{N: 20, Seed: seed, Script: script})
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			f.sessions++
			check(qs)
		}
		// A default session (5 questions, no topic).
		qs, err := b.Generate(Options{N: 5, Seed: seed * 7})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		f.sessions++
		check(qs)
		for _, q := range qs {
			f.defaultQuestions++
			if q.Kind == KindApplication {
				f.defaultApplication++
			}
		}
	}
}

// TestQuestionMix is the trainer's check over hundreds of generated
// questions, on the seeds and on the genre fixtures, with the figures
// printed (go test -v -run TestQuestionMix ./quiz/).
func TestQuestionMix(t *testing.T) {
	t.Parallel()
	f := &mixFigures{kinds: map[Kind]int{}}
	for _, c := range []struct {
		name string
		b    *Bank
	}{{"seeds", seedBank(t)}, {"genre", genreBank(t)}, {"holdout", dirBank(t, "../corpus/testdata/genre-holdout")}} {
		before, apps := f.defaultQuestions, f.defaultApplication
		n := f.questions
		runMix(t, c.name, c.b, f)
		t.Logf("%s: %d questions; application questions in default sessions %d/%d", c.name, f.questions-n, f.defaultApplication-apps, f.defaultQuestions-before)
	}
	share := float64(f.defaultApplication) / float64(max(f.defaultQuestions, 1))
	t.Logf("%d questions in %d sessions: %d invalid, %d duplicate stems within a session, %d answers in the stem, %d distractors of another kind, %d answers of no known kind, %d on headings, %d over %d a sentence in topic sessions; application questions in default sessions: %d/%d (%.0f%%)",
		f.questions, f.sessions, f.invalid, f.dupStems, f.answerInStem, f.foreignDistractors, f.unclassified, f.headingQuotes, f.sameSentence, MaxPerSentence,
		f.defaultApplication, f.defaultQuestions, 100*share)
	t.Logf("kinds: %v", f.kinds)
	if f.questions < 500 {
		t.Errorf("only %d questions checked, want ≥ 500", f.questions)
	}
	if share < 0.30 {
		t.Errorf("application questions are %.0f%% of default sessions, want ≥ 30%%", 100*share)
	}
}
