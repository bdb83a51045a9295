// Package lexicon is the topic lexicon of community work: for each topic
// the words people ask with and the words articles of the genre use
// (老年人 ↔ 空巢老人、助老、居家养老 …). Questions and articles rarely share
// words on these topics ("我们社区老人多" against "百名党员助百老"), so
// retrieval expands a question with its topics' article words, and the
// advice and comparison answers align leaders by topic.
//
// The shipped table is topics.tsv (see README.md); operators add their own
// file of the same format, whose lines extend topics of the same name or
// add new ones. All words are Simplified; callers match Simplified text.
package lexicon

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"unicode/utf8"
)

//go:embed topics.tsv
var shipped string

// Topic is one subject of community work.
type Topic struct {
	Name string
	// Ask are the words a question about the topic uses.
	Ask []string
	// AskPatterns are ask words written with "…" (党员…作用): their parts
	// occur in order, close together in one clause ("想让党员在社区发挥
	// 作用"). Questions word a problem more freely than a fixed phrase.
	AskPatterns [][]string
	// Article are the words the articles use for it.
	Article []string
	// People marks a group of people (老年人, 青少年儿童): whom a problem
	// concerns. A question naming one beside a problem ("老楼没电梯，老人
	// 下不了楼") is about the problem first.
	People bool
}

// Lexicon is a set of topics. The zero value is empty and usable.
type Lexicon struct {
	topics []Topic
	byName map[string]int
}

// Default returns the shipped lexicon.
func Default() *Lexicon {
	lx, err := Parse(strings.NewReader(shipped))
	if err != nil {
		// The embedded file is checked by the tests; a broken build must
		// not limp on with half a lexicon.
		panic("lexicon: shipped topics.tsv: " + err.Error())
	}
	return lx
}

// Load returns the shipped lexicon extended by the operator's files. A
// file that cannot be read is an error (nothing is loaded from it); a
// malformed line is skipped and reported in the returned *LineErrors,
// with the lexicon still usable — one typo must not cost the other topics.
func Load(paths ...string) (*Lexicon, error) {
	lx := Default()
	var bad []error
	for _, p := range paths {
		if p == "" {
			continue
		}
		f, err := os.Open(p)
		if err != nil {
			return nil, fmt.Errorf("topic lexicon: %w", err)
		}
		extra, err := parse(f, p, true)
		f.Close()
		var le *LineErrors
		switch {
		case errors.As(err, &le):
			bad = append(bad, le)
		case err != nil:
			return nil, fmt.Errorf("topic lexicon %s: %w", p, err)
		}
		lx.Merge(extra)
	}
	return lx, errors.Join(bad...)
}

// LineErrors lists the lines of a lexicon file that were skipped.
type LineErrors struct {
	File  string
	Lines []string // "line 3: want 3 tab-separated columns …"
}

func (e *LineErrors) Error() string {
	return fmt.Sprintf("topic lexicon %s: %d line(s) skipped: %s", e.File, len(e.Lines), strings.Join(e.Lines, "; "))
}

// Parse reads the TSV format: `topic<TAB>ask words<TAB>article words`,
// words separated by 、 (or ,/，), # starting a comment line. A topic
// named twice is merged. The first malformed line is an error.
func Parse(r io.Reader) (*Lexicon, error) { return parse(r, "", false) }

func parse(r io.Reader, name string, lenient bool) (*Lexicon, error) {
	lx := &Lexicon{}
	var bad []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cols := strings.Split(text, "\t")
		var msg string
		var t Topic
		if len(cols) != 3 && len(cols) != 4 {
			msg = fmt.Sprintf("line %d: want 3 tab-separated columns (topic, ask words, article words) and optionally a 4th (%s), got %d", line, peopleMark, len(cols))
		} else if len(cols) == 4 && strings.TrimSpace(cols[3]) != peopleMark {
			msg = fmt.Sprintf("line %d: the 4th column, when given, is %s (a group of people), not %q", line, peopleMark, cols[3])
		} else if t = newTopic(cols); t.Name == "" {
			msg = fmt.Sprintf("line %d: empty topic name", line)
		}
		if msg != "" {
			if !lenient {
				return nil, errors.New(msg)
			}
			bad = append(bad, msg)
			continue
		}
		lx.add(t)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(bad) > 0 {
		return lx, &LineErrors{File: name, Lines: bad}
	}
	return lx, nil
}

// peopleMark in a line's 4th column marks a topic that is a group of
// people.
const peopleMark = "人群"

// newTopic reads one line's columns; ask words with "…" become patterns.
func newTopic(cols []string) Topic {
	t := Topic{Name: strings.TrimSpace(cols[0]), Article: words(cols[2]), People: len(cols) == 4}
	for _, w := range words(cols[1]) {
		if parts := patternParts(w); parts != nil {
			t.AskPatterns = append(t.AskPatterns, parts)
			continue
		}
		t.Ask = append(t.Ask, w)
	}
	return t
}

// patternParts splits an ask pattern (党员…作用) into its parts, or
// returns nil for a plain word.
func patternParts(w string) []string {
	if !strings.Contains(w, "…") {
		return nil
	}
	var parts []string
	for _, p := range strings.Split(w, "…") {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) < 2 {
		return nil
	}
	return parts
}

func words(col string) []string {
	f := strings.FieldsFunc(col, func(r rune) bool { return r == '、' || r == ',' || r == '，' || r == ';' || r == '；' })
	out := make([]string, 0, len(f))
	for _, w := range f {
		if w = strings.TrimSpace(w); w != "" && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

func (lx *Lexicon) add(t Topic) {
	if lx.byName == nil {
		lx.byName = map[string]int{}
	}
	if i, ok := lx.byName[t.Name]; ok {
		old := &lx.topics[i]
		old.People = old.People || t.People
		for _, w := range t.Ask {
			if !slices.Contains(old.Ask, w) {
				old.Ask = append(old.Ask, w)
			}
		}
		for _, w := range t.Article {
			if !slices.Contains(old.Article, w) {
				old.Article = append(old.Article, w)
			}
		}
		for _, pat := range t.AskPatterns {
			if !slices.ContainsFunc(old.AskPatterns, func(o []string) bool { return slices.Equal(o, pat) }) {
				old.AskPatterns = append(old.AskPatterns, pat)
			}
		}
		return
	}
	lx.byName[t.Name] = len(lx.topics)
	lx.topics = append(lx.topics, t)
}

// Merge adds other's topics to lx (extending topics of the same name).
func (lx *Lexicon) Merge(other *Lexicon) {
	for _, t := range other.topics {
		lx.add(t)
	}
}

// Map returns a copy of the lexicon with every word (and pattern part)
// passed through f: the caller's normaliser, so that words are spelled as
// the text they are matched against (a converter that writes 慰藉 as 慰借
// must write the lexicon's 慰藉 the same way).
func (lx *Lexicon) Map(f func(string) string) *Lexicon {
	out := &Lexicon{}
	each := func(ws []string) []string {
		var m []string
		for _, w := range ws {
			if w = f(w); w != "" && !slices.Contains(m, w) {
				m = append(m, w)
			}
		}
		return m
	}
	for _, t := range lx.topics {
		nt := Topic{Name: t.Name, Ask: each(t.Ask), Article: each(t.Article), People: t.People}
		for _, p := range t.AskPatterns {
			if parts := each(p); len(parts) >= 2 {
				nt.AskPatterns = append(nt.AskPatterns, parts) // a pattern needs two parts to match
			}
		}
		out.add(nt)
	}
	return out
}

// Topics returns every topic.
func (lx *Lexicon) Topics() []Topic { return slices.Clone(lx.topics) }

// Topic returns the topic called name.
func (lx *Lexicon) Topic(name string) (Topic, bool) {
	i, ok := lx.byName[name]
	if !ok {
		return Topic{}, false
	}
	return lx.topics[i], true
}

// InQuestion returns the topics a question touches: those whose name or
// ask words occur in it, the most strongly asked first — by how much of
// the question their words cover ("楼道里堆杂物、电动车在楼道充电" is
// about 安全隐患 more than about the 电动车 of 停车).
func (lx *Lexicon) InQuestion(norm string) []Topic {
	var out []Topic
	var weight []int
	for _, t := range lx.topics {
		if w := t.Weight(norm); w > 0 {
			out = append(out, t)
			weight = append(weight, w)
		}
	}
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	// A problem before the people it concerns ("老楼没电梯，老人下不了楼"
	// is about 加装电梯 more than 老年人), then by how much each covers.
	slices.SortStableFunc(idx, func(a, b int) int {
		if out[a].People != out[b].People {
			if out[a].People {
				return 1
			}
			return -1
		}
		return weight[b] - weight[a]
	})
	sorted := make([]Topic, len(out))
	for i, j := range idx {
		sorted[i] = out[j]
	}
	return sorted
}

// Weight is how strongly a question asks about the topic: the runes of
// its name, ask words and matched patterns' parts that the question holds
// (0: it does not touch the topic).
func (t Topic) Weight(norm string) int {
	w := 0
	if strings.Contains(norm, t.Name) {
		w += utf8.RuneCountInString(t.Name)
	}
	for _, a := range t.Ask {
		if a != t.Name && a != "" && strings.Contains(norm, a) {
			w += utf8.RuneCountInString(a)
		}
	}
	for _, parts := range t.AskPatterns {
		if matchPattern(norm, parts) {
			for _, p := range parts {
				w += utf8.RuneCountInString(p)
			}
		}
	}
	return w
}

// InText returns the names of the topics whose article words occur in
// text, with how many distinct words matched.
func (lx *Lexicon) InText(norm string) map[string]int {
	out := map[string]int{}
	for _, t := range lx.topics {
		n := 0
		for _, w := range t.Article {
			if strings.Contains(norm, w) {
				n++
			}
		}
		if n > 0 {
			out[t.Name] = n
		}
	}
	return out
}

// Matches reports which of the topic's words (ask or article) occur in
// text; the ask words count too because articles also use everyday words.
func (t Topic) Matches(norm string) []string {
	var out []string
	for _, w := range t.Article {
		if strings.Contains(norm, w) {
			out = append(out, w)
		}
	}
	for _, w := range t.Ask {
		if !slices.Contains(out, w) && strings.Contains(norm, w) {
			out = append(out, w)
		}
	}
	return out
}

// patternGap is how far apart (in runes) the parts of an ask pattern may
// be: "党员在社区发挥作用" holds 党员…作用, "党员多，作用……" across a clause
// does not.
const patternGap = 10

// matchPattern reports whether parts occur in norm in order, each within
// patternGap runes of the one before and with no clause break between.
func matchPattern(norm string, parts []string) bool {
	for start := 0; ; {
		i := strings.Index(norm[start:], parts[0])
		if i < 0 {
			return false
		}
		at := start + i + len(parts[0])
		if followParts(norm[at:], parts[1:]) {
			return true
		}
		start += i + len(parts[0])
	}
}

func followParts(rest string, parts []string) bool {
	if len(parts) == 0 {
		return true
	}
	n := 0
	for i, r := range rest {
		if strings.HasPrefix(rest[i:], parts[0]) && followParts(rest[i+len(parts[0]):], parts[1:]) {
			return true
		}
		if n++; n > patternGap || strings.ContainsRune("，,。；;！!？?：:\n", r) {
			return false
		}
	}
	return false
}
