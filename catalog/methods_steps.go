package catalog

import (
	"bangyang/zh"
	"sort"
	"strings"
	"unicode/utf8"
)

// list is an enumeration found in a sentence.
type list struct {
	items  []string
	quoted bool
	pos    int // byte offset in the sentence's norm
}

// listsIn finds enumerations: 、-separated items within a clause (quotes
// count as clause bounds), and runs of adjacent quoted items
// (“红色党员”“绿色环保”…).
func listsIn(n string) []list {
	var out []list
	start := 0
	quoted := false
	flush := func(end int, q bool) {
		seg := n[start:end]
		if strings.Contains(seg, "、") || strings.ContainsAny(seg, "及和与") {
			if items := splitList(seg); len(items) >= 2 {
				out = append(out, list{items: items, quoted: q, pos: start})
			}
		}
	}
	for i, r := range n {
		switch r {
		case ',', ';', ':', '。', '!', '?', '(', ')', '—':
			flush(i, false)
			start = i + utf8.RuneLen(r)
			quoted = false
		case '“', '‘':
			flush(i, false)
			start = i + utf8.RuneLen(r)
			quoted = true
		case '”', '’':
			flush(i, quoted)
			start = i + utf8.RuneLen(r)
			quoted = false
		}
	}
	flush(len(n), false)
	// Adjacent quoted items.
	spans := quotedSpans(n)
	for i := 0; i < len(spans); {
		j := i + 1
		for j < len(spans) && spans[j].start == spans[j-1].end {
			j++
		}
		if j-i >= 2 {
			var items []string
			for _, sp := range spans[i:j] {
				items = append(items, sp.inner)
			}
			out = append(out, list{items: items, quoted: true, pos: spans[i].start})
		}
		i = j
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].pos < out[j].pos })
	return out
}

func sentencesAround(a *article, g *group, after int) []int {
	seen := map[int]bool{}
	var idx []int
	for _, c := range g.cands {
		for d := 0; d <= after; d++ {
			if i := c.sent + d; i < len(a.sentences) && !seen[i] {
				seen[i] = true
				idx = append(idx, i)
			}
		}
	}
	sort.Ints(idx)
	return idx
}

func allContain(items []string, sub string) bool {
	for _, it := range items {
		if !strings.Contains(it, sub) {
			return false
		}
	}
	return true
}

// findShorthandSteps looks in the sighting sentences and the next one for
// a list of exactly n items that each contain the counted character
// (四单 → 民众点单、社区开单、共同接单、民主议单).
//
// Items of 五步工作法 need not contain 步, so failing that, a list of n items
// right after the name (“五步工作法”，即听民声、理民需…) is taken.
func findShorthandSteps(a *article, g *group, n int, ch string) []string {
	if ch == "方" {
		return nil // 四方会商: four parties (社区、物业、业委会、居民), no steps
	}
	for _, i := range sentencesAround(a, g, 1) {
		for _, l := range listsIn(a.sentences[i].norm) {
			if len(l.items) == n && allContain(l.items, ch) {
				return l.items
			}
		}
	}
	seen := map[int]bool{}
	for _, c := range g.cands {
		if seen[c.sent] {
			continue // one sentence's lists are looked at once
		}
		seen[c.sent] = true
		s := a.sentences[c.sent].norm
		for _, l := range listsIn(s) {
			if len(l.items) != n || l.pos < c.end {
				continue
			}
			gap := strings.Trim(s[c.end:l.pos], " ,:;“”‘’—即是分别为包括")
			if gap == "" {
				return l.items
			}
		}
	}
	return nil
}

// findSequenceSteps fills a sequence's groups (三活四清五到家 → 3 + 4 + 5
// items) from the lists that follow it, in order.
func findSequenceSteps(a *article, g *group, seq sequence) []string {
	for _, c := range g.cands {
		var lists []list
		for d := 0; d <= 1 && c.sent+d < len(a.sentences); d++ {
			for _, l := range listsIn(a.sentences[c.sent+d].norm) {
				if d == 0 && l.pos < c.end {
					continue
				}
				lists = append(lists, l)
			}
		}
		var steps []string
		k := 0
		for gi, part := range seq.parts {
			marker := string([]rune(part)[1:])
			found := false
			for ; k < len(lists); k++ {
				if len(lists[k].items) == seq.groups[gi] && allContain(lists[k].items, marker) {
					steps = append(steps, lists[k].items...)
					k++
					found = true
					break
				}
			}
			if !found {
				steps = nil
				break
			}
		}
		if steps != nil {
			return steps
		}
	}
	return nil
}

// findSharedSteps finds, for a name without a numeral, a quoted list of at
// least three items in the next two sentences that all share a two-rune
// part of the name (零距离服务工程 → 民情沟通零距离、弱势关爱零距离…).
func findSharedSteps(a *article, g *group, name string) []string {
	rs := []rune(name)
	for _, i := range sentencesAround(a, g, 2) {
		for _, l := range listsIn(a.sentences[i].norm) {
			if !l.quoted || len(l.items) < 3 {
				continue
			}
			for j := 0; j+2 <= len(rs); j++ {
				if bi := string(rs[j : j+2]); zh.HanCount(bi) == 2 && !genericBigram(bi) && allContain(l.items, bi) {
					return l.items
				}
			}
		}
	}
	return nil
}

// genericBigram says whether a two-rune part of a name is too common to tie
// a list to it.
func genericBigram(bi string) bool {
	switch bi {
	case "服务", "工作", "社区", "党建", "志愿", "活动", "模式", "机制", "居民", "群众", "党员":
		return true
	}
	return false
}
