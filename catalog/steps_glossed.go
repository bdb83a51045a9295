package catalog

import (
	"strings"
	"unicode/utf8"

	"bangyang/zh"
)

// glossWords follow a component's shorthand to say what it stands for:
// “三联”即…, “一访”就是…, 一核，是指…, “两翼”：….
var glossWords = []string{"即", "是指", "指的是", "就是", "是", "指", ":", ",即", ",就是", ",是指", ",指的是", ",是", ",指", ","}

// componentGlossSteps: a name counting its parts by kinds (三联一访, 一核
// 两翼三联动, 两会一站) whose every part's shorthand is then glossed, in
// the name's order, each opening a sentence or a clause (“三联”即党员联户、
// 楼长联楼、单位联社区。…“一访”即每月一访。…): the parts, as the name
// spells them, are its steps — the 一Y of a 三X一Y is a part of its own,
// not a fourth item of the 三X nor lost.
func componentGlossSteps(a *article, c candidate) []string {
	cs := components(key(c.name))
	if len(cs) < 2 || len(cs) > 5 {
		return nil
	}
	// Each part as the name spells it (三联), or with one rune less when the
	// name's tail ran into its noun (两翼 of 一核两翼治理模式, read 两翼治).
	var abbrs [][]string
	for _, x := range cs {
		if x.count < 1 || x.count > 9 {
			return nil
		}
		ab := componentShorthand(c.name, x)
		alts := []string{ab}
		if rs := []rune(ab); len(rs) == 3 {
			alts = append(alts, string(rs[:2]))
		}
		abbrs = append(abbrs, alts)
	}
	var steps []string
	glossed := func(k string) string {
		for _, ab := range abbrs[len(steps)] {
			if glosses(k, ab) {
				return ab
			}
		}
		return ""
	}
	for d := 0; d <= 14 && c.sent+d < len(a.sentences) && len(steps) < len(abbrs); d++ {
		s := a.sentences[c.sent+d]
		if d > 0 && s.heading && glossed(s.key) == "" {
			continue
		}
		k := s.key
		if d == 0 {
			k = keyOfNorm(s.norm[c.end:])
		}
		for _, p := range clauseStarts(k) {
			if len(steps) < len(abbrs) {
				if ab := glossed(k[p:]); ab != "" {
					steps = append(steps, ab)
				}
			}
		}
	}
	if len(steps) != len(abbrs) {
		return nil
	}
	return steps
}

// findGlossedSteps tries componentGlossSteps on each sighting, when the
// steps found otherwise are none or the first part's alone (the three of
// 三联, the 一访 lost).
func findGlossedSteps(a *article, g *group, found []string) []string {
	for _, c := range g.cands {
		if cs := components(key(c.name)); len(cs) < 2 || found != nil && len(found) != cs[0].count {
			continue
		}
		if st := componentGlossSteps(a, c); st != nil {
			return st
		}
	}
	return nil
}

// componentShorthand is how the name spells a component: its numeral
// (两 or 二 as written), then its noun (三联, 一访, 两翼).
func componentShorthand(name string, x component) string {
	k := key(name)
	for _, n := range numerals + "两" {
		if (n == '两' && x.count == 2 || n != '两' && numeralValue(n) == x.count) && strings.Contains(k, string(n)+x.noun) {
			return string(n) + x.noun
		}
	}
	return string([]rune(numerals)[x.count-1]) + x.noun
}

// glosses: the key opens with the shorthand (perhaps after 所谓 or a
// heading's number), then a word saying what it stands for, then at least
// a few characters of the gloss.
func glosses(k, abbr string) bool {
	k = strings.TrimLeft(k, "“ ")
	k = strings.TrimPrefix(k, "所谓")
	if v, ok := enumOpenValue(k); ok && v > 0 && !strings.HasPrefix(k, abbr) {
		k = strings.TrimLeft(reEnumOpen.ReplaceAllString(k, ""), ",、: ")
	}
	if !strings.HasPrefix(k, abbr) {
		return false
	}
	rest := strings.TrimLeft(k[len(abbr):], "”")
	// 三联动: a noun the name cut to two runes may go on by one.
	if r, n := utf8.DecodeRuneInString(rest); zh.IsHan(r) && !strings.HasPrefix(rest, "即") && !strings.HasPrefix(rest, "是") && !strings.HasPrefix(rest, "就") && !strings.HasPrefix(rest, "指") {
		rest = strings.TrimLeft(rest[n:], "”")
	}
	for _, w := range glossWords {
		if strings.HasPrefix(rest, w) {
			return zh.HanCount(rest[len(w):]) >= 4
		}
	}
	return false
}

// trailingPart: a 三X一Y whose 三X alone was read (党员联户、楼长联楼、单位联社区,
// “三联一访”) while the 一Y is told after them, in the rest of the sighting
// sentence or the next two (…，每月再走访一次困难家庭): the 一Y, as the name
// spells it, is a part of its own after them — not lost.
func trailingPart(a *article, g *group, found []string) string {
	for _, c := range g.cands {
		cs := components(key(c.name))
		if len(cs) != 2 || cs[1].count != 1 || len(found) != cs[0].count || utf8.RuneCountInString(cs[1].noun) != 1 {
			continue
		}
		// The 三X's items each hold its character (联 of 党员联户、楼长联楼、
		// 单位联社区): the items are the 三X's, not a list of the whole (听、
		// 议、办 of 三在一线).
		if !allContain(found, cs[0].noun) {
			continue
		}
		last := key(found[len(found)-1])
		for d := 0; d <= 2 && c.sent+d < len(a.sentences); d++ {
			k := a.sentences[c.sent+d].key
			if d == 0 {
				k = keyOfNorm(a.sentences[c.sent].norm[c.end:])
			}
			if i := strings.Index(k, last); i >= 0 {
				k = k[i+len(last):]
			} else if d == 0 {
				continue
			}
			for _, cl := range strings.FieldsFunc(k, func(r rune) bool { return strings.ContainsRune(",;。:!?", r) }) {
				if strings.Contains(cl, cs[1].noun) && zh.HanCount(cl) >= 4 {
					return componentShorthand(c.name, cs[1])
				}
			}
		}
	}
	return ""
}
