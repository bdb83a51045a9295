package catalog

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"bangyang/zh"
)

// itemsLeadRE opens the items a name's count is told by (即, 就是, 包括).
var itemsLeadRE = regexp.MustCompile(`即|就是|包括|具体是|分别是`)

// countedItemSteps: a name counting a kind inside it, not at its start
// (青亲五力工作法: five 力), told right after its naming by 即/就是/包括
// and that many 、-joined items each holding the counted character
// (以组织力聚人心、以服务力暖民心、…): each step is its item up to that
// character, a leading 以/用/靠 dropped (组织力).
func countedItemSteps(a *article, c candidate) []string {
	rs := []rune(key(c.name))
	if len(rs) < 3 || strings.ContainsRune(numerals, rs[0]) {
		return nil // (三活四清五到家 and the like are told otherwise)
	}
	v, ch := 0, ""
	for i := 1; i+1 < len(rs); i++ {
		if strings.ContainsRune(numerals, rs[i]) && zh.IsHan(rs[i+1]) && !strings.ContainsRune(numerals+"步招条项个", rs[i+1]) {
			v, ch = numeralValue(rs[i]), string(rs[i+1])
		}
	}
	if v < 2 || v > 8 {
		return nil
	}
	n := a.sentences[c.sent].norm[c.end:]
	at := itemsLeadRE.FindStringIndex(n)
	if at == nil || utf8.RuneCountInString(n[:at[0]]) > 8 {
		return nil
	}
	rest := n[at[1]:]
	if j := strings.IndexAny(rest, "。;!?"); j >= 0 {
		rest = rest[:j]
	}
	parts := strings.Split(strings.Trim(rest, ":, "), "、")
	if len(parts) != v {
		return nil
	}
	steps := make([]string, 0, v)
	for _, p := range parts {
		p = strings.Trim(strings.TrimSpace(p), "“”\",")
		k := strings.Index(p, ch)
		if k < 0 {
			return nil
		}
		st := p[:k+len(ch)]
		for _, lead := range []string{"以", "用", "靠"} {
			st = strings.TrimPrefix(st, lead)
		}
		if r := utf8.RuneCountInString(st); r < 2 || r > 6 || zh.HanCount(st) != r {
			return nil
		}
		steps = append(steps, st)
	}
	return steps
}
