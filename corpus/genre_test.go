package corpus

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"bangyang/zh"
)

// The genre set (testdata/genre, described in its README.md) stands in for
// the articles an operator adds: other secretaries, other sites, other
// encodings. This test loads it through the real loader and measures what
// was derived against what a reader would say.

type genreMethod struct {
	Name       string   `json:"name"`
	Aliases    []string `json:"aliases"`
	Leader     string   `json:"leader"`
	Steps      []string `json:"steps"`
	Unexpanded bool     `json:"unexpanded"`
}

type genreExpected struct {
	File    string   `json:"file"`
	Leader  string   `json:"leader"`
	Aliases []string `json:"aliases"`
	Role    string   `json:"role"`
	Place   string   `json:"place"`
	Honours []string `json:"honours"`
	Others  []string `json:"others"`
	// Secretaries: what a reader says of each other secretary (scored
	// only where the expectations give it).
	Secretaries []Secretary   `json:"secretaries"`
	Methods     []genreMethod `json:"methods"`
	NotMethods  []string      `json:"not_methods"`
	Chrome      []string      `json:"chrome"`
	Keep        []string      `json:"keep"`
}

// loadGenreSet loads testdata/genre and pairs each article with its
// expectations (by file name).
func loadGenreSet(t *testing.T, set string) ([]genreExpected, map[string]Article) {
	t.Helper()
	dir := filepath.Join("testdata", set)
	b, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Articles []genreExpected `json:"articles"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("expected.json: %v", err)
	}
	as, err := LoadDir(context.Background(), dir)
	if err != nil {
		t.Fatalf("LoadDir: %v", err)
	}
	byFile := map[string]Article{}
	for _, a := range as {
		byFile[filepath.Base(a.Origin)] = a
	}
	if len(byFile) != len(doc.Articles) {
		t.Fatalf("loaded %d articles, expected.json describes %d", len(byFile), len(doc.Articles))
	}
	for _, e := range doc.Articles {
		if _, ok := byFile[e.File]; !ok {
			t.Fatalf("%s: not loaded", e.File)
		}
	}
	return doc.Articles, byFile
}

// prCount accumulates precision/recall counts for one field.
type prCount struct{ correct, derived, expected int }

func (c prCount) precision() float64 {
	if c.derived == 0 {
		return 1
	}
	return float64(c.correct) / float64(c.derived)
}

func (c prCount) recall() float64 {
	if c.expected == 0 {
		return 1
	}
	return float64(c.correct) / float64(c.expected)
}

func normField(s string) string {
	s = zh.ToSimplified(strings.TrimSpace(s))
	return strings.NewReplacer("“", "", "”", "", "\"", "", " ", "").Replace(s)
}

func (c *prCount) single(got, want string) bool {
	got, want = normField(got), normField(want)
	if got != "" {
		c.derived++
	}
	if want != "" {
		c.expected++
	}
	if got != "" && got == want {
		c.correct++
		return true
	}
	return got == want
}

func (c *prCount) set(got, want []string) bool {
	w := map[string]bool{}
	for _, v := range want {
		w[normField(v)] = true
	}
	c.expected += len(w)
	g := map[string]bool{}
	for _, v := range got {
		g[normField(v)] = true
	}
	c.derived += len(g)
	ok := len(g) == len(w)
	for v := range g {
		if w[v] {
			c.correct++
		} else {
			ok = false
		}
	}
	return ok
}

// Thresholds reached on the genre set; a change that scores lower on any
// of them is a regression. Raise them when the derivation gets better.
var genreThresholds = map[string][2]float64{ // field → {precision, recall}
	"leader":  {1, 1}, // and precision 1: no spurious leader
	"role":    {1, 1},
	"place":   {1, 1},
	"aliases": {1, 1},
	"honours": {1, 1},
	// Other secretaries named beside the leader (two communities, an
	// award list, a section each).
	"others": {1, 1},
	// What Meta.Secretaries says of each of them (23's 鲁晓燕: her
	// street, 海棠街道, is written only in the sentence introducing both
	// communities — withStreet).
	"sec_role":    {1, 1},
	"sec_aliases": {1, 1},
	"sec_place":   {1, 1},
	"sec_honours": {1, 1},
}

func TestGenreMetadata(t *testing.T) {
	t.Parallel()
	testGenreMetadata(t, "genre", genreThresholds)
}

// TestGenreClassesMetadata scores the class fixtures (testdata/
// genre-classes: classes of article blind-set writers reported) at the
// genre set's thresholds.
func TestGenreClassesMetadata(t *testing.T) {
	t.Parallel()
	testGenreMetadata(t, "genre-classes", genreThresholds)
}

func testGenreMetadata(t *testing.T, set string, thresholds map[string][2]float64) {
	exp, byFile := loadGenreSet(t, set)
	fields := []string{"leader", "role", "place", "aliases", "honours", "others", "sec_role", "sec_place", "sec_aliases", "sec_honours"}
	counts := map[string]*prCount{}
	for _, f := range fields {
		counts[f] = &prCount{}
	}
	var misses []string
	for _, e := range exp {
		a := byFile[e.File]
		check := func(field string, ok bool, got, want any) {
			if !ok {
				misses = append(misses, fmt.Sprintf("%s %s: got %v, want %v", e.File, field, got, want))
			}
		}
		check("leader", counts["leader"].single(a.Leader, e.Leader), a.Leader, e.Leader)
		// 居委会主任 and 社区居委会主任 name the same post.
		check("role", counts["role"].single(strings.TrimPrefix(normField(a.Role), "社区"), strings.TrimPrefix(normField(e.Role), "社区")), a.Role, e.Role)
		check("place", counts["place"].single(a.Place, e.Place), a.Place, e.Place)
		check("aliases", counts["aliases"].set(a.Aliases, e.Aliases), a.Aliases, e.Aliases)
		check("honours", counts["honours"].set(a.Honours, e.Honours), a.Honours, e.Honours)
		if _, scored := thresholds["others"]; scored {
			check("others", counts["others"].set(a.Others, e.Others), a.Others, e.Others)
		}
		for _, want := range e.Secretaries {
			var got Secretary
			for _, s := range a.Secretaries {
				if normField(s.Name) == normField(want.Name) {
					got = s
				}
			}
			check("sec_role "+want.Name, counts["sec_role"].single(strings.TrimPrefix(normField(got.Role), "社区"), strings.TrimPrefix(normField(want.Role), "社区")), got.Role, want.Role)
			check("sec_place "+want.Name, counts["sec_place"].single(got.Place, want.Place), got.Place, want.Place)
			check("sec_aliases "+want.Name, counts["sec_aliases"].set(got.Aliases, want.Aliases), got.Aliases, want.Aliases)
			check("sec_honours "+want.Name, counts["sec_honours"].set(got.Honours, want.Honours), got.Honours, want.Honours)
		}
	}
	sort.Strings(misses)
	for _, m := range misses {
		t.Log("miss:", m)
	}
	var table strings.Builder
	fmt.Fprintf(&table, "\n%-11s %9s %9s %s\n", "field", "precision", "recall", "correct/derived/expected")
	for _, f := range fields {
		c := counts[f]
		fmt.Fprintf(&table, "%-11s %9.2f %9.2f %d/%d/%d\n", f, c.precision(), c.recall(), c.correct, c.derived, c.expected)
	}
	t.Log(table.String())
	for _, f := range fields {
		c, th := counts[f], thresholds[f] // a field without a threshold is not scored
		if c.precision() < th[0] || c.recall() < th[1] {
			t.Errorf("%s: precision %.2f recall %.2f, below the %.2f/%.2f reached before", f, c.precision(), c.recall(), th[0], th[1])
		}
	}
}

// The held-out set was written after the derivation and measured before
// any change for it (figures in its README.md); these are the thresholds
// reached on it since.
var holdoutThresholds = map[string][2]float64{
	"leader": {1, 1},
	"role":   {1, 1},
	"place":  {1, 1},
	// h14's epithet “大管家” (no part of her name) is not taken as an alias:
	// aliases are used to match passages and questions to a person, and
	// an epithet matches other text.
	"aliases": {1, 0.9},
	"honours": {1, 1},
}

func TestGenreHoldoutMetadata(t *testing.T) {
	t.Parallel()
	testGenreMetadata(t, "genre-holdout", holdoutThresholds)
}

// The second held-out set (testdata/genre-holdout2): measured before any
// change for it at leader 0.86/0.60, role and place 1.00/0.70, aliases
// 1.00/0.67, honours 0.88/0.70 (its README.md); the floors are the
// figures reached after the fixes written on the genre set's fixtures
// 15-21, never tuned on its texts. k07's leader (two secretaries of equal
// standing) counts against leader, place and honours; k06's secretary
// is still not found.
var holdout2Thresholds = map[string][2]float64{
	"leader":  {0.88, 0.8},
	"role":    {1, 0.9},
	"place":   {0.88, 0.8},
	"aliases": {1, 1},
	"honours": {0.9, 0.9},
}

func TestGenreHoldout2Metadata(t *testing.T) {
	testGenreMetadata(t, "genre-holdout2", holdout2Thresholds)
}

// refMarkerRe matches an article's own reference markers: [1], [4-5],
// [2,3], [注1].
var refMarkerRe = regexp.MustCompile(`[\[［](?:注)?\d+(?:\s*[-–—,，、]\s*\d+)*[\]］]`)

// TestGenreChunks checks the passages: no page chrome listed for the
// article, no reference marker of the article's own, the strings that must
// survive (a subtitle naming the role) present, and no passage credited to
// another secretary of the same article.
func TestGenreChunks(t *testing.T) {
	t.Parallel()
	for _, set := range []string{"genre", "genre-classes", "genre-holdout"} {
		t.Run(set, func(t *testing.T) { testGenreChunks(t, set, true) })
	}
	// The second held-out set: chrome, markers and kept strings only; its
	// k06 has no derived leader and k07's leader is the other secretary,
	// so crediting is measured by TestGenreHoldout2Metadata's figures.
	t.Run("genre-holdout2", func(t *testing.T) { testGenreChunks(t, "genre-holdout2", false) })
}

func testGenreChunks(t *testing.T, set string, credit bool) {
	exp, byFile := loadGenreSet(t, set)
	for _, e := range exp {
		a := byFile[e.File]
		chunks := ChunkArticle(a)
		if len(chunks) == 0 {
			t.Errorf("%s: no chunks", e.File)
			continue
		}
		var all strings.Builder
		for _, c := range chunks {
			for _, s := range e.Chrome {
				if strings.Contains(c.Text, s) || strings.Contains(c.Norm, s) {
					t.Errorf("%s chunk %d: chrome %q left in %q", e.File, c.Seq, s, c.Text)
				}
			}
			if m := refMarkerRe.FindString(c.Text); m != "" {
				t.Errorf("%s chunk %d: reference marker %q left in %q", e.File, c.Seq, m, c.Text)
			}
			// A passage is credited to the leader unless it names only
			// another secretary of the article; then it is hers.
			names := func(n string) bool { return n != "" && strings.Contains(c.Norm, normField(n)) }
			credited := normField(c.Meta.Leader)
			switch {
			case !credit:
			case credited == e.Leader:
				for _, o := range e.Others {
					if names(o) && !names(e.Leader) && !slices.ContainsFunc(e.Aliases, names) {
						t.Errorf("%s chunk %d: names only %s but is credited to %s: %q", e.File, c.Seq, o, credited, c.Text)
					}
				}
			case slices.Contains(e.Others, credited):
				// The leader named only where the article turns from her
				// to this secretary ("与陶玉琴不同，…贺建军…") is no claim on
				// the passage.
				asideOnly := true
				for _, sn := range Sentences(c.Norm) {
					if strings.Contains(sn, normField(e.Leader)) && !ContrastTurn(sn, []string{normField(e.Leader)}, []string{credited}) {
						asideOnly = false
					}
				}
				if !names(credited) || names(e.Leader) && !asideOnly {
					t.Errorf("%s chunk %d: credited to %s: %q", e.File, c.Seq, credited, c.Text)
				}
				if c.Meta.Role != "" || c.Meta.Place != "" || len(c.Meta.Honours) > 0 {
					t.Errorf("%s chunk %d: %s's passage carries the leader's role/place/honours", e.File, c.Seq, credited)
				}
			default:
				t.Errorf("%s chunk %d: credited to %q", e.File, c.Seq, c.Meta.Leader)
			}
			all.WriteString(c.Norm)
			all.WriteString("\n")
		}
		for _, s := range e.Keep {
			if !strings.Contains(all.String(), s) {
				t.Errorf("%s: %q missing from every passage", e.File, s)
			}
		}
	}
}
