package catalog

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Lookup thresholds. A bigram similarity below minSimilarity is no match;
// a best match within ambiguityMargin of the runner-up is ambiguous.
const (
	minSimilarity   = 0.4
	ambiguityMargin = 0.1
	maxClose        = 5
)

type scored struct {
	i     int
	score float64
}

// FindMethod looks a method up by name in either script: exact name or
// alias, then substring, then character-bigram similarity. It returns the
// best match, other close matches (best first), and whether the best match
// is confident. When it is not (no match, or two matches equally close), the
// returned Method is zero and the close matches are the candidates to offer.
func (c *Catalog) FindMethod(name string) (Method, []Method, bool) {
	names := make([][]string, len(c.methods))
	for i, m := range c.methods {
		names[i] = append([]string{m.Name}, m.Aliases...)
	}
	best, close, ok := find(key(trimQuestion(name)), c.methodKeys, names)
	var cm []Method
	for _, i := range close {
		cm = append(cm, c.methods[i])
	}
	if !ok {
		return Method{}, cm, false
	}
	return c.methods[best], cm, true
}

// FindLeader looks a leader up by full name, alias (小吴书记), surname plus
// 书记 (吴书记) or given name, in either script, then by similarity.
func (c *Catalog) FindLeader(name string) (Leader, []Leader, bool) {
	q := key(trimQuestion(name))
	names := make([][]string, len(c.leaders))
	for i, l := range c.leaders {
		names[i] = append([]string{l.Name}, l.Aliases...)
	}
	toLeaders := func(idx []int) []Leader {
		var out []Leader
		for _, i := range idx {
			out = append(out, c.leaders[i])
		}
		return out
	}
	// Address forms: 吴书记, 小吴书记, 吴中兰书记, 亚玲书记, 郭佳同志.
	if bare := stripAddress(q); bare != q && bare != "" {
		var hits []int
		for i, l := range c.leaders {
			rs := []rune(l.Name)
			if bare == l.Name || bare == string(rs[:1]) || (len(rs) > 2 && bare == string(rs[1:])) {
				hits = append(hits, i)
			}
		}
		if len(hits) == 1 {
			return c.leaders[hits[0]], nil, true
		}
		if len(hits) > 1 {
			return Leader{}, toLeaders(hits), false
		}
	}
	best, close, ok := find(q, c.leaderKeys, names)
	if !ok {
		return Leader{}, toLeaders(close), false
	}
	return c.leaders[best], toLeaders(close), true
}

func stripAddress(q string) string {
	q = strings.TrimPrefix(q, "小")
	for _, suf := range []string{"书记", "同志", "主任"} {
		q = strings.TrimSuffix(q, suf)
	}
	return q
}

// trimQuestion drops question words around a name (四单工作法是什么).
func trimQuestion(s string) string {
	s = strings.TrimSpace(s)
	for _, suf := range []string{"是什么", "是啥", "是什么意思", "怎么做", "是怎样的", "吗", "呢", "?", "？"} {
		s = strings.TrimSuffix(s, suf)
	}
	for _, pre := range []string{"什么是", "介绍一下", "介绍", "讲讲", "说说"} {
		s = strings.TrimPrefix(s, pre)
	}
	return s
}

// find ranks entries against q: exact key 1.0, substring by length ratio
// (at least 0.5), else bigram Dice similarity.
func find(q string, keys map[string][]int, names [][]string) (int, []int, bool) {
	if q == "" {
		return 0, nil, false
	}
	best := map[int]float64{}
	for _, i := range keys[q] {
		best[i] = 1
	}
	qn := utf8.RuneCountInString(q)
	for i, ns := range names {
		for _, n := range ns {
			k := key(n)
			if k == "" || k == q {
				continue
			}
			kn := utf8.RuneCountInString(k)
			var s float64
			switch {
			case qn >= 2 && strings.Contains(k, q):
				s = 0.5 + 0.4*float64(qn)/float64(kn)
			case kn >= 3 && strings.Contains(q, k):
				s = 0.5 + 0.4*float64(kn)/float64(qn)
			default:
				s = dice(q, k)
			}
			if s > best[i] {
				best[i] = s
			}
		}
	}
	var ranked []scored
	for i, s := range best {
		if s >= minSimilarity {
			ranked = append(ranked, scored{i, s})
		}
	}
	sort.Slice(ranked, func(a, b int) bool {
		if ranked[a].score != ranked[b].score {
			return ranked[a].score > ranked[b].score
		}
		return ranked[a].i < ranked[b].i
	})
	if len(ranked) == 0 {
		return 0, nil, false
	}
	var close []int
	for _, r := range ranked[1:] {
		if len(close) == maxClose {
			break
		}
		close = append(close, r.i)
	}
	top := ranked[0]
	confident := top.score == 1 || len(ranked) == 1 || top.score-ranked[1].score >= ambiguityMargin
	if !confident {
		all := append([]int{top.i}, close...)
		if len(all) > maxClose {
			all = all[:maxClose]
		}
		return 0, all, false
	}
	return top.i, close, true
}

// dice is the Sørensen–Dice coefficient of the character bigrams of a and b
// (unigrams for one-rune strings).
func dice(a, b string) float64 {
	ga, gb := bigrams(a), bigrams(b)
	if len(ga) == 0 || len(gb) == 0 {
		return 0
	}
	inter := 0
	for g, n := range ga {
		if m := gb[g]; m > 0 {
			inter += min(n, m)
		}
	}
	total := 0
	for _, n := range ga {
		total += n
	}
	for _, n := range gb {
		total += n
	}
	return 2 * float64(inter) / float64(total)
}

func bigrams(s string) map[string]int {
	rs := []rune(s)
	out := map[string]int{}
	if len(rs) == 1 {
		out[s]++
		return out
	}
	for i := 0; i+1 < len(rs); i++ {
		out[string(rs[i:i+2])]++
	}
	return out
}
