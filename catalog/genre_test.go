package catalog

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"bangyang/corpus"
)

// The genre set (corpus/testdata/genre, see its README.md) stands in for
// the articles an operator adds: other secretaries, other sites, other
// encodings. This test derives the methods through the real loader,
// chunker and Build, and scores them against what a reader would say.

type genreMethodWant struct {
	Name       string   `json:"name"`
	Aliases    []string `json:"aliases"`
	Leader     string   `json:"leader"`
	Steps      []string `json:"steps"`
	Unexpanded bool     `json:"unexpanded"`
}

type genreArticleWant struct {
	File       string            `json:"file"`
	Leader     string            `json:"leader"`
	Methods    []genreMethodWant `json:"methods"`
	NotMethods []string          `json:"not_methods"`
}

// genreDirs: the genre set and its held-out addition (written after the
// corpus derivation had been built on the first, to tell whether rules
// generalise). The methods rules were measured on the held-out set before
// any change for it: round 1-2 precision 14/16, recall 14/16; round 3
// (h13-h15) precision 4/5, recall 4/5.
var genreDirs = []string{"../corpus/testdata/genre", "../corpus/testdata/genre-holdout"}

// Regression floors: the figures measured when the test was written. The
// issue's targets (recall ≥ 0.85 at precision ≥ 0.9) are below them.
const (
	genreMinPrecision = 0.9
	genreMinRecall    = 0.85
)

func loadGenre(t *testing.T, genreDir string) ([]genreArticleWant, map[string]string, *Catalog) {
	arts, ids, c, _ := loadGenreChunks(t, genreDir)
	return arts, ids, c
}

func loadGenreChunks(t *testing.T, genreDir string) ([]genreArticleWant, map[string]string, *Catalog, []corpus.Chunk) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(genreDir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Articles []genreArticleWant `json:"articles"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("expected.json: %v", err)
	}
	as, err := corpus.LoadDir(context.Background(), genreDir)
	if err != nil {
		t.Fatalf("LoadDir: %v", err)
	}
	idOf := map[string]string{}
	for _, a := range as {
		idOf[filepath.Base(a.Origin)] = a.ID
	}
	chunks := corpus.ChunkAll(as)
	return doc.Articles, idOf, mustBuild(t, chunks), chunks
}

var reContentsLine = regexp.MustCompile(`^\d+(?:\.\d+)*\s*\S{1,12}$`)

// TestGenreSlotsAboutTheirMethod applies the seeds' slot check to the
// genre set, the class fixtures and the methods set.
func TestGenreSlotsAboutTheirMethod(t *testing.T) {
	t.Parallel()
	for _, dir := range append(slices.Clone(genreDirs), "../corpus/testdata/genre-classes", "testdata/methods") {
		t.Run(filepath.Base(dir), func(t *testing.T) { genreSlots(t, dir) })
	}
}

func genreSlots(t *testing.T, dir string) {
	_, _, c, chunks := loadGenreChunks(t, dir)
	filled := 0
	for _, m := range c.Methods() {
		// A definition is a sentence: never a heading, a contents line or
		// a reference marker.
		if d := m.Definition; d == nil || len([]rune(d.Text)) < 8 || strings.HasPrefix(d.Text, "[") || reContentsLine.MatchString(d.Text) {
			t.Errorf("%s: definition %+v", m.Name, m.Definition)
		}
		paras := paragraphsOf(chunks, m.ArticleID)
		for slot, qs := range slotQuotes(m) {
			for _, q := range qs {
				filled++
				if !aboutMethod(m, slot, q, paras) {
					t.Errorf("%s %s: %q is not about it", m.Name, slot, q.Text)
				}
			}
		}
	}
	t.Logf("%d slot sentences over %d methods", filled, len(c.Methods()))
}

func methodKeys(m Method) []string {
	ks := []string{key(m.Name)}
	for _, a := range m.Aliases {
		ks = append(ks, key(a))
	}
	return ks
}

func wantKeys(w genreMethodWant) []string {
	ks := []string{key(w.Name)}
	for _, a := range w.Aliases {
		ks = append(ks, key(a))
	}
	return ks
}

func overlap(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// TestGenreMethods reports methods precision and recall on the genre set
// and fails below the floors; it also fails on any not_methods entry, on a
// method credited to the wrong secretary, and on a wrong Unexpanded.
func TestGenreMethods(t *testing.T) {
	t.Parallel()
	for _, dir := range genreDirs {
		t.Run(filepath.Base(dir), func(t *testing.T) { genreMethods(t, dir) })
	}
}

func genreMethods(t *testing.T, dir string) {
	genreMethodsWith(t, dir, genreMinPrecision, genreMinRecall, true)
}

// TestGenreHoldout2Methods holds the second held-out set's methods
// figures: measured before any change for it at precision 8/17 = 0.47,
// recall 8/23 = 0.35; the floors are today's 15/19 and 15/23, reached
// with fixes written on the genre set, never tuned on its texts. Wrong
// credits and not_methods are counted there (k06 has no derived leader),
// not failed.
func TestGenreHoldout2Methods(t *testing.T) {
	genreMethodsWith(t, "../corpus/testdata/genre-holdout2", 0.78, 0.65, false)
}

// genreMethodsWith scores one set against floors; strict fails on any
// wrong credit, not_methods entry or Unexpanded, else only reports them.
func genreMethodsWith(t *testing.T, dir string, minP, minR float64, strict bool) {
	errorf := t.Errorf
	if !strict {
		errorf = t.Logf
	}
	arts, idOf, c := loadGenre(t, dir)
	var correct, derived, expected, stepsRight, stepsWant int
	var report strings.Builder
	for _, a := range arts {
		id, ok := idOf[a.File]
		if !ok {
			t.Errorf("%s: not loaded", a.File)
			continue
		}
		var got []Method
		for _, m := range c.Methods() {
			if m.ArticleID == id {
				got = append(got, m)
			}
		}
		derived += len(got)
		expected += len(a.Methods)
		matched := make([]bool, len(got))
		for _, w := range a.Methods {
			found := -1
			for i, m := range got {
				if !matched[i] && overlap(methodKeys(m), wantKeys(w)) {
					found = i
					break
				}
			}
			if found < 0 {
				fmt.Fprintf(&report, "  %s: missed %s\n", a.File, w.Name)
				continue
			}
			m := got[found]
			matched[found] = true
			if m.Leader != key(w.Leader) {
				errorf("%s: %s credited to %q, want %s", a.File, m.Name, m.Leader, w.Leader)
				continue
			}
			correct++
			if m.Unexpanded != w.Unexpanded {
				errorf("%s: %s Unexpanded = %v, want %v", a.File, m.Name, m.Unexpanded, w.Unexpanded)
			}
			if len(w.Steps) > 0 {
				stepsWant++
				var gs, ws []string
				for _, s := range m.Steps {
					gs = append(gs, key(s))
				}
				for _, s := range w.Steps {
					ws = append(ws, key(s))
				}
				if slices.Equal(gs, ws) {
					stepsRight++
				} else {
					fmt.Fprintf(&report, "  %s: %s steps %q, want %q\n", a.File, m.Name, m.Steps, w.Steps)
				}
			}
		}
		for i, m := range got {
			if !matched[i] {
				fmt.Fprintf(&report, "  %s: extra %s (%s)\n", a.File, m.Name, m.Leader)
			}
			for _, bad := range a.NotMethods {
				if slices.Contains(methodKeys(m), key(bad)) {
					errorf("%s: %s is not a method of the secretary's", a.File, m.Name)
				}
			}
		}
	}
	p := float64(correct) / float64(max(derived, 1))
	r := float64(correct) / float64(max(expected, 1))
	t.Logf("genre methods: precision %d/%d = %.2f, recall %d/%d = %.2f; steps exact %d/%d\n%s",
		correct, derived, p, correct, expected, r, stepsRight, stepsWant, report.String())
	if p < minP || r < minR {
		t.Errorf("methods precision %.2f (floor %.2f), recall %.2f (floor %.2f)", p, minP, r, minR)
	}
}

// TestGenreClassesMethods scores the class fixtures
// (corpus/testdata/genre-classes: interviews, numbered lists, captions…)
// like the genre set, strictly. Measured when it was written: precision
// 11/11, recall 11/18, 三张单子工作法 and 加梯议事会 wrongly unexpanded;
// after the fixes for those classes 18/18, 18/18, steps exact 3/3.
func TestGenreClassesMethods(t *testing.T) {
	t.Parallel()
	genreMethodsWith(t, "../corpus/testdata/genre-classes", 0.9, 0.85, true)
}

// TestMethodClasses holds the ways articles introduce a practice by its
// name alone (testdata/methods, README.md there): every name found, none
// of the not_methods, nothing else.
func TestMethodClasses(t *testing.T) {
	t.Parallel()
	genreMethodsWith(t, "testdata/methods", 1, 1, true)
}
