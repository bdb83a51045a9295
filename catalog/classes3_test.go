package catalog

import (
	"strings"
	"testing"

	"bangyang/corpus"
)

// A method of categories: its tiers, told in clauses of one sentence or
// of one paragraph, are its items, each with its own clause and none of
// another tier's; a count of colours with nothing told of them gives none.
func TestTierMethodItems(t *testing.T) {
	for _, c := range []struct{ text, name string }{
		{"社区党委书记甲秀英推行“红黄绿”三色管理，红色是需要每天探望的失能老人，黄色是每周走访的空巢老人，绿色是每月电话联系的一般家庭。", "红黄绿三色管理"},
		{"社区党委书记甲秀英推出“红黄绿”三色预警机制。对红色家庭，网格员每天上门；对黄色家庭，每周走访一次；对绿色家庭，每月电话问候。", "红黄绿三色预警机制"},
	} {
		cat := mustBuild(t, corpus.ChunkArticle(corpus.Article{Meta: corpus.Meta{ID: "a1", Leader: "甲秀英"}, Text: c.text}))
		m, _, ok := cat.FindMethod(c.name)
		if !ok || len(m.Steps) != 3 || !strings.HasPrefix(m.Steps[0], "红色") || !strings.HasPrefix(m.Steps[2], "绿色") {
			t.Errorf("%q: %s steps %q (found %v)", c.text, c.name, m.Steps, ok)
			continue
		}
		if len(m.Procedure) != 3 {
			t.Errorf("%q: procedure %v", c.text, m.Procedure)
			continue
		}
		colours := []string{"红色", "黄色", "绿色"}
		for i, p := range m.Procedure {
			var joined string
			for _, q := range p {
				joined += q.Text
			}
			if !strings.Contains(joined, colours[i]) {
				t.Errorf("%q: step %s procedure %q lacks its clause", c.text, m.Steps[i], joined)
			}
			for j, other := range colours {
				if j != i && strings.Contains(joined, other) {
					t.Errorf("%q: step %s procedure %q holds %s's clause", c.text, m.Steps[i], joined, other)
				}
			}
		}
	}
	cat := mustBuild(t, corpus.ChunkArticle(corpus.Article{Meta: corpus.Meta{ID: "a1", Leader: "甲秀英"}, Text: "社区党委书记甲秀英推行“红黄绿”三色管理，居民都说好。"}))
	for _, m := range cat.Methods() {
		if len(m.Steps) > 0 {
			t.Errorf("%s: steps %q from nothing told", m.Name, m.Steps)
		}
	}
}

// A 、-list right after the name whose items are of one length and one
// ending, one of them a part of the name, is the steps (居民提事、大家议事、
// 社区办事 of 楼道议事日); a list of that shape sharing nothing with the
// name is not.
func TestRhymingListSteps(t *testing.T) {
	cat := mustBuild(t, corpus.ChunkArticle(corpus.Article{Meta: corpus.Meta{ID: "a1", Leader: "甲秀英"}, Text: "社区党委书记甲秀英说，每月10号是社区的“楼道议事日”，在楼下空地开会，居民提事、大家议事、社区办事，办完再请居民打分。"}))
	if m, _, ok := cat.FindMethod("楼道议事日"); !ok || strings.Join(m.Steps, "、") != "居民提事、大家议事、社区办事" {
		t.Errorf("楼道议事日 steps %q (found %v)", m.Steps, ok)
	}
	cat = mustBuild(t, corpus.ChunkArticle(corpus.Article{Meta: corpus.Meta{ID: "a1", Leader: "甲秀英"}, Text: "社区党委书记甲秀英推行“楼道议事日”，每次都有老人来、孩子来、党员来，很热闹。"}))
	if m, _, ok := cat.FindMethod("楼道议事日"); !ok || len(m.Steps) > 0 {
		t.Errorf("楼道议事日 steps %q (found %v), want none", m.Steps, ok)
	}
}
