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

// Paragraphs opened by bare phrases of one length are the steps; a run
// broken by a phrase of another length stops there.
func TestBareHeadingSteps(t *testing.T) {
	text := "社区党委书记甲秀英总结出“三步工作法”。\n建好居民台账。网格员每月入户一次，把每家的情况记进台账。\n办好居民小事。台账上的小事，社区三天内办完。\n回访居民意见。办完以后，网格员再上门问居民满不满意。\n谢谢。居民们都这样说，社区的人靠得住。"
	cat := mustBuild(t, corpus.ChunkArticle(corpus.Article{Meta: corpus.Meta{ID: "a1", Leader: "甲秀英"}, Text: text}))
	if m, _, ok := cat.FindMethod("三步工作法"); !ok || strings.Join(m.Steps, "、") != "建好居民台账、办好居民小事、回访居民意见" {
		t.Errorf("三步工作法 steps %q (found %v)", m.Steps, ok)
	}
}

// One list numbered in several forms (1. 2、 3）) is one list.
func TestMixedDigitMarkers(t *testing.T) {
	text := "社区党委书记甲秀英推行“三本台账”工作法，做法如下：\n1.民情账。网格员每月入户，把居民的难事记下来。\n2、任务账。社区党委每周开会，把难事分给干部办理。\n3）销号账。办完的事请居民签字，签了字才销号。"
	cat := mustBuild(t, corpus.ChunkArticle(corpus.Article{Meta: corpus.Meta{ID: "a1", Leader: "甲秀英"}, Text: text}))
	if m, _, ok := cat.FindMethod("三本台账工作法"); !ok || strings.Join(m.Steps, "、") != "民情账、任务账、销号账" {
		t.Errorf("三本台账工作法 steps %q (found %v)", m.Steps, ok)
	}
}
