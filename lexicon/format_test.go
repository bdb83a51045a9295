package lexicon_test

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// topicLine is one parsed line of topics.tsv.
type topicLine struct {
	line    int
	name    string
	ask     []string
	article []string
}

// parseTopics reads a topic file in the documented format: comment lines
// start with #, blank lines are skipped, every other line is
// topic<TAB>ask words<TAB>article words, words separated by 、.
func parseTopics(t *testing.T, path string) []topicLine {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var out []topicLine
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		l := sc.Text()
		if !utf8.ValidString(l) {
			t.Errorf("line %d: not valid UTF-8", n)
			continue
		}
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		cols := strings.Split(l, "\t")
		if len(cols) == 4 && cols[3] == "人群" {
			cols = cols[:3] // a group of people
		}
		if len(cols) != 3 {
			t.Errorf("line %d: %d columns, want 3 (topic, ask words, article words) and optionally 人群", n, len(cols))
			continue
		}
		out = append(out, topicLine{
			line:    n,
			name:    cols[0],
			ask:     strings.Split(cols[1], "、"),
			article: strings.Split(cols[2], "、"),
		})
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return out
}

// checkWord reports a word that is empty, padded, or holds a separator
// other than 、 (a sign the line was typed with the wrong comma).
func checkWord(t *testing.T, line int, col, w string) {
	t.Helper()
	switch {
	case w == "":
		t.Errorf("line %d: empty word in %s (doubled or trailing 、?)", line, col)
	case strings.TrimSpace(w) != w:
		t.Errorf("line %d: %s word %q has surrounding space", line, col, w)
	case strings.ContainsAny(w, ",，;；/|\t "):
		t.Errorf("line %d: %s word %q holds a separator other than 、", line, col, w)
	case !strings.ContainsFunc(w, func(r rune) bool { return unicode.Is(unicode.Han, r) || unicode.IsLetter(r) || unicode.IsDigit(r) }):
		t.Errorf("line %d: %s word %q has no letter or Han character", line, col, w)
	}
}

func TestTopicsFormat(t *testing.T) {
	topics := parseTopics(t, "topics.tsv")
	if len(topics) < 40 {
		t.Errorf("%d topics, want at least 40", len(topics))
	}
	seen := map[string]int{}
	for _, tp := range topics {
		if tp.name == "" || strings.TrimSpace(tp.name) != tp.name || strings.Contains(tp.name, "、") {
			t.Errorf("line %d: bad topic name %q", tp.line, tp.name)
		}
		if prev, ok := seen[tp.name]; ok {
			t.Errorf("line %d: topic %q already defined on line %d", tp.line, tp.name, prev)
		}
		seen[tp.name] = tp.line
		for col, words := range map[string][]string{"ask": tp.ask, "article": tp.article} {
			dup := map[string]bool{}
			for _, w := range words {
				checkWord(t, tp.line, col, w)
				if col == "article" && strings.Contains(w, "…") {
					t.Errorf("line %d: article word %q is a pattern; patterns (…) are for ask words", tp.line, w)
				}
				if dup[w] {
					t.Errorf("line %d: %s word %q listed twice in topic %q", tp.line, col, w, tp.name)
				}
				dup[w] = true
			}
		}
		if len(tp.ask) < 2 {
			t.Errorf("line %d: topic %q has %d ask words, want at least 2", tp.line, tp.name, len(tp.ask))
		}
		if len(tp.article) < 3 {
			t.Errorf("line %d: topic %q has %d article words, want at least 3", tp.line, tp.name, len(tp.article))
		}
	}
}

// TestReadmeCountsTopics: the README's "It has N topics." is the count of
// topics.tsv.
func TestReadmeCountsTopics(t *testing.T) {
	raw, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(raw), "It has ")
	n, _, ok2 := strings.Cut(after, " topics.")
	if !ok || !ok2 {
		t.Fatal(`README.md says no "It has N topics."`)
	}
	if want := strconv.Itoa(len(parseTopics(t, "topics.tsv"))); n != want {
		t.Errorf("README.md says %s topics, topics.tsv has %s", n, want)
	}
}
