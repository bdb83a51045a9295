package catalog

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"bangyang/corpus"
)

// On the genre set the catalog's leaders carry the role, place and
// honours corpus derived: the post, never an honour.
func TestLeadersFromCorpusMeta(t *testing.T) {
	t.Parallel()
	as, err := corpus.LoadDir(context.Background(), filepath.Join("..", "corpus", "testdata", "genre"))
	if err != nil {
		t.Fatal(err)
	}
	c := mustBuild(t, corpus.ChunkAll(as))
	byName := map[string]Leader{}
	for _, l := range c.Leaders() {
		byName[l.Name] = l
	}
	for _, a := range as {
		l, ok := byName[norm(a.Leader)]
		if !ok {
			t.Errorf("%s: leader %q missing from the catalog", a.ID, a.Leader)
			continue
		}
		if l.Role != norm(a.Role) || l.Place != norm(a.Place) {
			t.Errorf("%s: catalog role %q place %q, corpus %q %q", a.ID, l.Role, l.Place, a.Role, a.Place)
		}
		for _, h := range a.Honours {
			if !slices.Contains(l.Honours, norm(h)) {
				t.Errorf("%s: honours %v lack %q", a.ID, l.Honours, h)
			}
		}
	}
	if l := byName["钟小燕"]; l.Role != "社区党委书记、居委会主任" || !slices.Contains(l.Honours, "全国人大代表") {
		t.Errorf("钟小燕: role %q honours %v", l.Role, l.Honours)
	}
}

// Without a role from corpus, the catalog still reads one from the text.
func TestLeaderRoleFallback(t *testing.T) {
	t.Parallel()
	text := "王红梅是翠苑社区党委书记。王红梅每天走访居民，王红梅说要把小事办好。"
	ch := corpus.Chunk{ID: "c1", ArticleID: "a", Text: text, Norm: text, Meta: corpus.Meta{ID: "a", Leader: "王红梅"}}
	ls := mustBuild(t, []corpus.Chunk{ch}).Leaders()
	if len(ls) != 1 || ls[0].Role != "社区党委书记" {
		t.Errorf("leaders %+v", ls)
	}
}
