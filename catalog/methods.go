package catalog

import (
	"bangyang/zh"
	"context"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// group is every sighting of one method in an article.
type group struct {
	cands []candidate
	// dimensions: the steps were found as a list sharing a part of the
	// name (零距离服务工程 → 民情沟通零距离…), which names aspects, not a
	// procedure: the record then describes how, not each step.
	dimensions bool
}

func (g *group) first() candidate { return g.cands[0] }

// extractMethods finds an article's methods, links them to its sentences
// and chunks and fills their records. It is linear in the article's size.
func extractMethods(ctx context.Context, a *article, reading *Reading) ([]Method, error) {
	var cands []candidate
	for i, s := range a.sentences {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		cands = append(cands, methodCandidates(s, i)...)
	}
	cands = append(cands, titleCandidates(a, cands)...)
	cands = append(cands, headingCandidates(a, cands)...)
	cands = slices.DeleteFunc(cands, func(c candidate) bool { return isFacility(c.name) })
	cands = readCandidates(a, cands, reading)
	creditOthers(a, cands)
	declared := declaredNames(a)
	if len(declared) > 0 {
		cands = declaredCandidates(a, cands, declared)
	}
	groups := mergeCandidates(cands)
	out := make([]Method, 0, len(groups))
	kept := groups[:0]
	for _, g := range groups {
		if slices.ContainsFunc(groups, func(h *group) bool { return truncatedOf(key(g.first().name), key(h.first().name)) }) {
			continue // 核三治工作法 beside 一核三治工作法, 3+N beside 1+3+N
		}
		out = append(out, buildMethod(a, g))
		kept = append(kept, g)
	}
	out, groups = dropSteps(out, kept)
	readSteps(out, reading)
	if err := linkMethods(ctx, a, out, groups); err != nil {
		return nil, err
	}
	// A declared method the text never names is listed all the same.
	for _, d := range declared {
		found := false
		for _, m := range out {
			if key(m.Name) == key(d) || slices.ContainsFunc(m.Aliases, func(al string) bool { return key(al) == key(d) }) {
				found = true
				break
			}
		}
		if !found {
			out = append(out, Method{Name: d, ArticleID: a.id, Unexpanded: true})
		}
	}
	return out, nil
}

// declaredNames are the methods the operator listed in the article's front
// matter (Meta.Methods), Simplified and unquoted.
func declaredNames(a *article) []string {
	var out []string
	seen := map[string]bool{}
	for _, d := range a.meta.Methods {
		n := strings.TrimSpace(stripQuotes(norm(d)))
		if n != "" && !seen[key(n)] {
			seen[key(n)] = true
			out = append(out, n)
		}
	}
	return out
}

// declaredCandidates applies a front-matter list of methods, which wins
// over derivation: sightings of undeclared names are dropped, and every
// sentence containing a declared name sights it.
func declaredCandidates(a *article, cands []candidate, declared []string) []candidate {
	want := map[string]string{} // key → declared name
	for _, d := range declared {
		want[key(d)] = d
	}
	var out []candidate
	for _, c := range cands {
		k := key(c.name)
		if d, ok := want[k]; ok {
			c.name = d
			out = append(out, c)
			continue
		}
		for _, al := range c.alias {
			if d, ok := want[key(al)]; ok {
				c.name = d
				out = append(out, c)
				break
			}
		}
	}
	return append(out, sightings(a, declared)...)
}

// sightings are the candidates of every sentence of a that contains one
// of names (names given from outside the patterns: front matter, a
// model's reading).
func sightings(a *article, names []string) []candidate {
	var out []candidate
	ix := newKeyIndex()
	for i, n := range names {
		ix.add(key(n), i)
	}
	for si, s := range a.sentences {
		for _, ni := range ix.find(s.key, nil) {
			n := names[ni]
			pos := strings.Index(s.norm, n)
			if pos < 0 {
				pos = 0
			}
			out = append(out, candidate{name: n, sent: si, pos: pos, end: pos + len(n), orig: origSpan(s, pos, pos+len(n))})
		}
	}
	return out
}

// dropSteps removes a method that is only a step of another one (三项联动
// of “135”工作法's “3”是三项联动机制).
func dropSteps(ms []Method, gs []*group) ([]Method, []*group) {
	var stepKeys []string
	owner := []int{}
	for i, m := range ms {
		for _, st := range m.Steps {
			stepKeys = append(stepKeys, key(st))
			owner = append(owner, i)
		}
	}
	if len(stepKeys) == 0 {
		return ms, gs
	}
	var outM []Method
	var outG []*group
	for i, m := range ms {
		k := key(m.Name)
		drop := false
		for j, sk := range stepKeys {
			if owner[j] != i && strings.Contains(sk, k) {
				drop = true
				break
			}
		}
		if !drop {
			outM = append(outM, m)
			outG = append(outG, gs[i])
		}
	}
	return outM, outG
}

// mergeCandidates groups sightings that name the same method: equal keys,
// the same numbered shorthand (四色服务队 / 四色志愿服务队), or a name plus a
// generic suffix (民生恳谈会制度 / 民生恳谈会). Groups come out in order of
// first sighting. Lookups are by key, so the cost is linear in the number
// of sightings.
func mergeCandidates(cands []candidate) []*group {
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].sent != cands[j].sent {
			return cands[i].sent < cands[j].sent
		}
		return cands[i].pos < cands[j].pos
	})
	var groups []*group
	byKey := map[string]*group{}
	byShorthand := map[string]*group{}
	find := func(k string) *group {
		if g := byKey[k]; g != nil {
			return g
		}
		if sh, ok := shorthandKey(k); ok {
			if g := byShorthand[sh]; g != nil {
				return g
			}
		}
		for _, suf := range genericSuffixes {
			if g := byKey[k+suf]; g != nil {
				return g
			}
			if base, ok := strings.CutSuffix(k, suf); ok && base != "" {
				if g := byKey[base]; g != nil {
					return g
				}
			}
		}
		return nil
	}
	for _, c := range cands {
		k := key(c.name)
		g := find(k)
		if g == nil {
			g = &group{}
			groups = append(groups, g)
		}
		g.cands = append(g.cands, c)
		if byKey[k] == nil {
			byKey[k] = g
		}
		if sh, ok := shorthandKey(k); ok && byShorthand[sh] == nil {
			byShorthand[sh] = g
		}
	}
	return groups
}

var genericSuffixes = []string{"服务模式", "模式", "制度", "品牌", "活动", "行动", "机制", "工作法", "服务法", "议事法", "服务", "平台"}

// shorthandKey is the merge key of a numbered shorthand name that is not a
// step sequence: 四色服务队 and 四色志愿服务队 are both 四色. Sequences
// (三活四清五到家) only merge when equal.
func shorthandKey(k string) (string, bool) {
	if _, _, ok := numericShorthand(k); !ok {
		return "", false
	}
	if _, isSeq := parseSequence(k); isSeq {
		return "", false
	}
	return string([]rune(k)[:2]), true
}

// canonical picks the group's name: the most frequent form, then the
// longer (more specific) one, then the first seen.
func canonical(g *group) string {
	count := map[string]int{}
	var order []string
	for _, c := range g.cands {
		if count[c.name] == 0 {
			order = append(order, c.name)
		}
		count[c.name]++
	}
	best := order[0]
	for _, n := range order[1:] {
		if count[n] > count[best] || (count[n] == count[best] && utf8.RuneCountInString(n) > utf8.RuneCountInString(best)) {
			best = n
		}
	}
	return best
}

// buildMethod names a group: canonical name, aliases and steps.
func buildMethod(a *article, g *group) Method {
	m := Method{Name: canonical(g), ArticleID: a.id}
	var aliases []string
	for _, c := range g.cands {
		aliases = append(aliases, c.name)
		aliases = append(aliases, c.alias...)
		if o := stripQuotes(c.orig); o != "" {
			aliases = append(aliases, o)
		}
		if m.Steps == nil && len(c.steps) > 0 {
			m.Steps = c.steps
		}
	}
	if v, ch, ok := numericShorthand(m.Name); ok {
		if _, isSeq := parseSequence(m.Name); !isSeq {
			// 四单 of 四单工作法, 三社 of 三社联动; never 四级 of 四级组织架构.
			rs := []rune(m.Name)
			if sh := string(rs[:2]); v >= 2 && !commonShorthand(sh) && shorthandTail(string(rs[2:])) {
				aliases = append(aliases, sh)
			}
			if m.Steps == nil {
				m.Steps = findShorthandSteps(a, g, v, ch)
			}
		}
	}
	if seq, ok := parseSequence(m.Name); ok && m.Steps == nil {
		m.Steps = findSequenceSteps(a, g, seq)
	}
	if m.Steps == nil {
		m.Steps = findExplainedSteps(a, g, m.Name)
		if speakersAsSteps(a, m.Steps) {
			m.Steps = nil // an interview's speakers (主持人、黎秀英、石立新) are no steps
		}
	}
	if st := findGlossedSteps(a, g, m.Steps); st != nil {
		// 三联一访 whose 三联 alone was read (党员联户、楼长联楼、单位联社区):
		// its parts glossed in turn are its steps.
		m.Steps = st
	} else if part := trailingPart(a, g, m.Steps); part != "" {
		m.Steps = append(m.Steps, part) // …单位联社区，每月再走访一次困难家庭 of 三联一访
	}
	if m.Steps == nil {
		m.Steps = findSharedSteps(a, g, m.Name)
		g.dimensions = m.Steps != nil
	}
	for _, c := range g.cands {
		if c.leader != "" {
			m.Leader = key(c.leader)
			break
		}
	}
	seen := map[string]bool{key(m.Name): true}
	for _, al := range aliases {
		k := key(al)
		if al == "" || al == m.Name || seen[al] || zh.HanCount(k) < 2 && !strings.ContainsAny(k, "0123456789") {
			continue
		}
		seen[al] = true
		m.Aliases = append(m.Aliases, al)
	}
	return m
}

// shorthandTail: what follows a numbered shorthand in a name is only the
// kind of method, so the shorthand alone names it too.
func shorthandTail(rest string) bool {
	switch rest {
	case "", "工作法", "机制", "工作机制", "服务", "活动", "行动", "联动", "模式", "服务模式", "联动服务模式", "服务队", "志愿服务队", "工程":
		return true
	}
	return false
}

// commonShorthand are two-rune numbered words that are ordinary language,
// never a name for a method: 一线 of 一线工作法 means "the front line".
func commonShorthand(s string) bool {
	switch s {
	case "一线", "一站", "一起", "三农", "四风", "两委", "两新", "三会", "十佳", "五好", "三严", "三实":
		return true
	}
	return false
}

func stripQuotes(s string) string {
	return strings.NewReplacer("“", "", "”", "", "‘", "", "’", "", "\"", "").Replace(s)
}

// mentionKeys are the keys searched for in text: short keys (四单) would
// match unrelated prose, so only keys of three runes or more.
func mentionKeys(m *Method) []string {
	var ks []string
	seen := map[string]bool{}
	for _, n := range append([]string{m.Name}, m.Aliases...) {
		if k := key(n); utf8.RuneCountInString(k) >= 3 && !seen[k] {
			seen[k] = true
			ks = append(ks, k)
		}
	}
	return ks
}

var definingWords = []string{"推行", "创新", "总结", "琢磨", "打造", "建立", "启动", "开展", "采取", "形成", "推出", "发起", "倡导", "实行", "组建", "成立", "探索", "摸索", "即", "是指", "搭建", "设立", "创设", "推广", "以", "创办", "首创", "实施"}

// summaryScore prefers the sentence that introduces and explains a method
// over one that merely repeats its name or quotes somebody.
func summaryScore(s sentence, m *Method, sighted, first bool) int {
	score := 0
	// The sentence listing the steps (the first two, when there are more:
	// a sentence carrying out the first step lists nothing).
	if len(m.Steps) > 0 && strings.Contains(s.key, key(m.Steps[0])) && (len(m.Steps) == 1 || strings.Contains(s.key, key(m.Steps[1]))) {
		score += 4
	}
	for _, w := range definingWords {
		if strings.Contains(s.norm, w) {
			score++
			if sighted {
				score++
			}
			break
		}
	}
	// …为纽带的社区大党委, …为主要内容的“四单”工作法: a defining modifier.
	k := key(m.Name)
	if i := strings.Index(s.key, "的"+k); i >= 0 && strings.Contains(s.key[:i], "为") {
		score += 2
	}
	// An explanation right after the name: “红色管家”：由…, “五步工作法”，即….
	if i := strings.Index(s.key, k); i >= 0 {
		after := strings.TrimLeft(s.key[i+len(k):], "”’")
		for _, w := range []string{":", ",即", "即", "是指", ",就是", "就是", ",由"} {
			if strings.HasPrefix(after, w) {
				score++
				break
			}
		}
	}
	if first {
		score++
	}
	// 除了“三步工作法”，她还创办了…: a sentence about something else.
	if i := strings.Index(s.key, k); i >= 0 && strings.HasSuffix(strings.TrimRight(s.key[:i], "“"), "除了") {
		score -= 3
	}
	n := utf8.RuneCountInString(s.text)
	if n < 14 || s.heading {
		score -= 3
	}
	if n > 160 {
		score--
	}
	// Speech opens with a quote; a name in quotes opening a sentence
	// (“老门帮帮团”是…) is the subject being defined.
	if strings.HasPrefix(s.norm, "“") {
		if strings.HasPrefix(s.key, k) {
			if strings.HasPrefix(s.key[len(k):], "是") {
				score += 2
			}
		} else {
			score -= 2
		}
	}
	return score
}

// truncatedOf reports a numbered name that is another's without its first
// numeral: 三治工作法 (or 核三治工作法) of 一核三治工作法, 3+N of 1+3+N.
func truncatedOf(short, long string) bool {
	if len(short) >= len(long) || !strings.HasSuffix(long, short) {
		return false
	}
	head := []rune(strings.TrimSuffix(long, short))
	if len(head) > 2 || !strings.ContainsRune(numerals+"0123456789", head[0]) {
		return false
	}
	return len(head) == 1 || head[1] == '+' || zh.IsHan(head[1]) || strings.ContainsRune(numerals+"0123456789", []rune(short)[0])
}

// speakersAsSteps reports steps that are an interview's speaker labels or
// the article's people: read off its lines (主持人：…, 黎秀英：我…), not
// parts of a method.
func speakersAsSteps(a *article, steps []string) bool {
	people := normAll(append(append([]string{a.meta.Leader}, a.meta.Aliases...), a.meta.Others...))
	for _, st := range steps {
		st = norm(st)
		if slices.Contains([]string{"主持人", "记者", "嘉宾", "本报记者"}, st) {
			return true
		}
		for _, p := range people {
			if strings.HasPrefix(st, p) {
				return true
			}
		}
	}
	return false
}
