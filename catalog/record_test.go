package catalog

import (
	"slices"
	"strings"
	"testing"

	"bangyang/corpus"
	"bangyang/zh"
)

// paragraphsOf returns the article's paragraphs (lines of its chunks) in
// order, as the test sees them: independent of the extractor's own
// bookkeeping.
func paragraphsOf(chunks []corpus.Chunk, articleID string) []string {
	var out []string
	for _, ch := range chunks {
		if ch.ArticleID != articleID {
			continue
		}
		for _, line := range strings.Split(stripPinyin(ch.Text), "\n") {
			if strings.TrimSpace(line) != "" {
				out = append(out, line)
			}
		}
	}
	return out
}

func paragraphIndex(paras []string, sentence string) int {
	for i, p := range paras {
		if strings.Contains(p, sentence) {
			return i
		}
	}
	return -1
}

func slotQuotes(m Method) map[string][]Quote {
	out := map[string][]Quote{"how": m.How, "problem": m.Problem, "results": m.Results}
	for i, p := range m.Procedure {
		out["procedure "+m.Steps[i]] = p
	}
	return out
}

// aboutMethod: the quote names the method (any alias), a step, or a
// distinctive two-rune part of a step, or lies in the definition's
// paragraph or the next one (for a problem: or the one before).
func aboutMethod(m Method, slot string, q Quote, paras []string) bool {
	k := key(q.Text)
	for _, n := range append([]string{m.Name}, m.Aliases...) {
		if kn := key(n); len([]rune(kn)) >= 2 && strings.Contains(k, kn) {
			return true
		}
	}
	for _, st := range m.Steps {
		rs := []rune(key(st))
		for j := 0; j+2 <= len(rs); j++ {
			if strings.Contains(k, string(rs[j:j+2])) {
				return true
			}
		}
	}
	if m.Definition == nil {
		return false
	}
	d := paragraphIndex(paras, m.Definition.Text)
	p := paragraphIndex(paras, q.Text)
	// A step's procedure told under the step's own heading (【恒心坚守】,
	// then its paragraph).
	if st, ok := strings.CutPrefix(slot, "procedure "); ok && p > 0 {
		for j := p - 1; j >= max(0, p-3); j-- {
			if h := key(paras[j]); len([]rune(h)) <= 20 && strings.Contains(h, key(st)) {
				return true
			}
		}
	}
	if slot == "problem" {
		if d >= 0 && p >= d-1 && p <= d {
			return true
		}
		// A feature's lead closing on the name: the difficulty told next.
		if d >= 0 && p == d+1 && strings.HasSuffix(strings.TrimSpace(paras[d]), m.Definition.Text) {
			return true
		}
		// An interviewer's question between the answer telling the
		// difficulty and the answer naming the method.
		q := ""
		if d >= 1 {
			q = strings.TrimSpace(paras[d-1])
		}
		return d >= 2 && p == d-2 && (strings.HasSuffix(q, "？") || strings.HasSuffix(q, "?"))
	}
	// Or, for what came of it, the paragraph right after its steps' (一是…
	// 二是… 三是… paragraphs, then 靠着这套办法…).
	last := -1
	for _, st := range m.Procedure {
		for _, pq := range st {
			last = max(last, paragraphIndex(paras, pq.Text))
		}
	}
	if slot == "results" && last >= d && p == last+1 {
		return true
	}
	return d >= 0 && p >= d && p <= d+1
}

// TestSeedSlotsAboutTheirMethod: every slot of every seed method is a
// sentence about that method (names it or its steps, or lies in its
// paragraph or the next), never another method's definition, never the
// definition again, never twice; and each quote is a verbatim sentence of
// the chunk it cites.
func TestSeedSlotsAboutTheirMethod(t *testing.T) {
	t.Parallel()
	chunks := seedChunks(t)
	c := mustBuild(t, chunks)
	byID := map[string]corpus.Chunk{}
	for _, ch := range chunks {
		byID[ch.ID] = ch
	}
	defs := map[string]string{} // definition text → method
	for _, m := range c.Methods() {
		if m.Definition != nil {
			defs[m.Definition.Text] = m.Name
		}
	}
	filled := 0
	for _, m := range c.Methods() {
		paras := paragraphsOf(chunks, m.ArticleID)
		seen := map[string]string{}
		if m.Definition != nil {
			seen[m.Definition.Text] = "definition"
		}
		for slot, qs := range slotQuotes(m) {
			for _, q := range qs {
				filled++
				if !aboutMethod(m, slot, q, paras) {
					t.Errorf("%s %s: %q is not about it", m.Name, slot, q.Text)
				}
				if other, ok := defs[q.Text]; ok && other != m.Name && !strings.Contains(key(q.Text), key(m.Name)) {
					t.Errorf("%s %s: %q is %s's definition", m.Name, slot, q.Text, other)
				}
				if prev, ok := seen[q.Text]; ok {
					t.Errorf("%s: %q both in %s and %s", m.Name, q.Text, prev, slot)
				}
				seen[q.Text] = slot
				ch, ok := byID[q.ChunkID]
				if !ok || !strings.Contains(stripPinyin(ch.Text), q.Text) {
					t.Errorf("%s %s: %q not in its chunk %s", m.Name, slot, q.Text, q.ChunkID)
				}
			}
		}
	}
	if filled < 40 {
		t.Errorf("only %d slot sentences filled over the seeds", filled)
	}
}

// TestFourOrdersProcedure: in 吴中兰's article, the paragraph after the
// naming sentence carries out 四单工作法 step by step.
func TestFourOrdersProcedure(t *testing.T) {
	t.Parallel()
	c := mustBuild(t, seedChunks(t))
	m, _, ok := c.FindMethod("四单工作法")
	if !ok {
		t.Fatal("四单工作法 not found")
	}
	want := [][]string{
		{"居民需求清單"},        // 民众点单: needs written down
		{"社區黨委會議"},        // 社区开单: the weekly committee meeting
		{"辦理協調單", "群工系統"}, // 共同接单: units and the mass-work system
		{"民主測評"},          // 民主议单: the quarterly evaluation
	}
	if len(m.Procedure) != 4 {
		t.Fatalf("procedure %d steps, want 4: %+v", len(m.Procedure), m.Procedure)
	}
	for i, frags := range want {
		var text string
		for _, q := range m.Procedure[i] {
			text += q.Text
		}
		for _, f := range frags {
			if !strings.Contains(text, f) {
				t.Errorf("step %s: procedure %q lacks %s", m.Steps[i], text, f)
			}
		}
		for j, other := range want {
			for _, f := range other {
				if j != i && strings.Contains(text, f) {
					t.Errorf("step %s: procedure holds %s of step %s", m.Steps[i], f, m.Steps[j])
				}
			}
		}
	}
	if m.Unexpanded || len(m.Results) == 0 || !strings.Contains(m.Results[0].Text, "98%") {
		t.Errorf("四单工作法 results %+v", m.Results)
	}
}

// TestNamedOnlyIsUnexpanded: a method the article only names (in a list of
// four, or with 等做法) is Unexpanded with nothing in its slots; one that is
// explained is not.
func TestNamedOnlyIsUnexpanded(t *testing.T) {
	t.Parallel()
	c := mustBuild(t, seedChunks(t))
	for _, name := range []string{"睦邻节", "十分钟生活服务圈"} {
		m, _, ok := c.FindMethod(name)
		if !ok || !m.Unexpanded || len(m.How)+len(m.Results)+len(m.Problem)+len(m.Procedure) != 0 {
			t.Errorf("%s: found %v, unexpanded %v, slots %+v", name, ok, m.Unexpanded, m)
		}
	}
	for _, name := range []string{"四单工作法", "网格化管理", "党建集结号"} {
		if m, _, _ := c.FindMethod(name); m.Unexpanded {
			t.Errorf("%s is expanded in its article", name)
		}
	}
	text := "李秀英是和平社区党委书记。\n她在社区推行“红色议事会”,每月召开一次,居民代表共商小区事务,两年解决难题46件。\n此外,她还探索了楼院微自治工作法等做法,在全区推广。"
	syn := mustBuild(t, syntheticChunks(text))
	m, _, ok := syn.FindMethod("楼院微自治工作法")
	if !ok || !m.Unexpanded {
		t.Errorf("楼院微自治工作法: %v %+v", ok, m)
	}
	m, _, ok = syn.FindMethod("红色议事会")
	if !ok || m.Unexpanded {
		t.Errorf("红色议事会: %v %+v", ok, m)
	}
}

// TestSameMethodTwoArticlesOneEntry: one leader's method in two articles
// is one catalog entry with both articles' passages.
func TestSameMethodTwoArticlesOneEntry(t *testing.T) {
	t.Parallel()
	a := "王秀芳是阳光社区党委书记。她推行“五步工作法”,即听民声、理民需、办民事、评民意、回民访。"
	b := "阳光社区的“五步工作法”已推广到全街道。王秀芳说,五步工作法让居民的事件件有回音。"
	var chunks []corpus.Chunk
	for i, text := range []string{a, b} {
		id := []string{"art-a", "art-b"}[i]
		chunks = append(chunks, corpus.Chunk{ID: id + "-0", ArticleID: id, Text: text, Norm: zh.ToSimplified(text), Meta: corpus.Meta{ID: id, Leader: "王秀芳"}})
	}
	c := mustBuild(t, chunks)
	var hits []Method
	for _, m := range c.Methods() {
		if m.Name == "五步工作法" {
			hits = append(hits, m)
		}
	}
	if len(hits) != 1 {
		t.Fatalf("五步工作法 listed %d times", len(hits))
	}
	if !slices.Contains(hits[0].ChunkIDs, "art-a-0") || !slices.Contains(hits[0].ChunkIDs, "art-b-0") || len(hits[0].Steps) != 5 {
		t.Errorf("merged entry %+v", hits[0])
	}
	if l := c.Leaders(); len(l) != 1 || slices.Index(l[0].Methods, "五步工作法") < 0 || len(l[0].Methods) != 1 {
		t.Errorf("leaders %+v", l)
	}
}

// TestDeclaredMethodsWin: methods listed in front matter (Meta.Methods)
// are the article's list: a derived name not on it is dropped, a listed
// name the patterns miss is found where the text says it, and a listed
// name the text never says is listed, unexpanded.
func TestDeclaredMethodsWin(t *testing.T) {
	t.Parallel()
	text := "李秀英是和平社区党委书记。\n她推行“红色议事会”,每月召开一次,居民代表共商小区事务。\n社区还有邻里帮扶小组,每周上门看望独居老人,已帮扶老人60多位。"
	chunks := syntheticChunks(text)
	for i := range chunks {
		chunks[i].Meta.Methods = []string{"鄰里幫扶小組", "“夜间课堂”"}
	}
	c := mustBuild(t, chunks)
	var names []string
	for _, m := range c.Methods() {
		names = append(names, m.Name)
	}
	if !slices.Equal(names, []string{"邻里帮扶小组", "夜间课堂"}) {
		t.Fatalf("methods %q, want the declared two", names)
	}
	m, _, _ := c.FindMethod("邻里帮扶小组")
	if m.Definition == nil || !strings.Contains(m.Definition.Text, "每周上门") || m.Unexpanded || len(m.Results)+len(m.How) == 0 {
		t.Errorf("邻里帮扶小组: %+v", m)
	}
	if m, _, ok := c.FindMethod("夜间课堂"); !ok || !m.Unexpanded || m.Definition != nil {
		t.Errorf("夜间课堂: %v %+v", ok, m)
	}
}

// TestAliases: the original-script form and a numbered shorthand are
// aliases; a shorthand that is ordinary language (一线, 四级) is not.
func TestAliases(t *testing.T) {
	t.Parallel()
	c := mustBuild(t, seedChunks(t))
	m, _, _ := c.FindMethod("四单工作法")
	for _, want := range []string{"四单", "四單工作法"} {
		if !slices.Contains(m.Aliases, want) {
			t.Errorf("四单工作法 aliases %q lack %s", m.Aliases, want)
		}
	}
	text := "王秀芳是阳光社区党委书记。\n她推行“一线工作法”,要求干部问题在一线发现、矛盾在一线化解、服务在一线落实。\n她搭建“社区党委+网格党支部+楼栋党小组+党员中心户”四级组织架构。"
	for _, script := range []string{"hans", "hant"} {
		if script == "hant" {
			text = zh.ToTraditional(text)
		}
		syn := mustBuild(t, syntheticChunks(text))
		for _, name := range []string{"一线工作法", "四级组织架构"} {
			m, _, ok := syn.FindMethod(name)
			if !ok {
				t.Errorf("%s: %s not found", script, name)
				continue
			}
			for _, al := range m.Aliases {
				if k := key(al); k == "一线" || k == "四级" {
					t.Errorf("%s: %s has the meaningless alias %q", script, name, al)
				}
			}
		}
	}
}
