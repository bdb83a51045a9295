package core

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestGenreMethodSummaries renders every method summary and leader
// profile of the genre sets (articles unlike the seeds): each grounded,
// bounded, with no sentence twice, no line opening with a marker, and no
// article reference marker ([4], [注1]) anywhere.
func TestGenreMethodSummaries(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, dir := range []string{"genre", "genre-holdout"} {
		t.Run(dir, func(t *testing.T) {
			s := serviceOverDir(t, filepath.Join("..", "corpus", "testdata", dir))
			n := 0
			for _, g := range s.Methods() {
				for _, m := range g.Methods {
					ans, err := s.MethodSummary(ctx, "", m.Name, "hans")
					if err != nil {
						t.Fatal(err)
					}
					n++
					if testing.Verbose() {
						t.Logf("\n%s", ans.Text)
					}
					if !ans.Grounded || len([]rune(ans.Text)) > 760 {
						t.Errorf("%s: grounded %v, %d runes", m.Name, ans.Grounded, len([]rune(ans.Text)))
					}
					if reArticleMarker.MatchString(strings.NewReplacer("[1]", "", "[2]", "", "[3]", "", "[4]", "", "[5]", "").Replace(ans.Text)) {
						t.Errorf("%s: an article marker survives:\n%s", m.Name, ans.Text)
					}
					checkNoRepeats(t, ans.Text)
					checkMarkers(t, ans)
				}
				if g.Leader.Name == "" {
					continue
				}
				prof, err := s.LeaderProfile(ctx, "", g.Leader.Name, "hans")
				if err != nil {
					t.Fatal(err)
				}
				if testing.Verbose() {
					t.Logf("\n%s", prof.Text)
				}
				checkMarkers(t, prof)
			}
			if n == 0 {
				t.Fatal("no method summarised")
			}
		})
	}
}
