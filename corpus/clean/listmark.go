package clean

import (
	"regexp"
	"strings"
)

// listMarkRe is a list number opening a line: "1." "3、" "2）" "（2）"
// "（二）" "①". Not a year or a figure (2019年, 1.8万, 95.3%): after
// "1." no digit may follow (checked by the caller), and "第一步" or "一是"
// is no list number but the text's own words.
var listMarkRe = regexp.MustCompile(`^(?:\d{1,2}\s*[.．、)）]|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,2})[)）]|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*`)

// stripListMarks removes the list number opening a paragraph of prose (an
// item of an award list, a numbered step told in sentences): quoted
// alone, "3、建立居民议事会…" points at a list the reader does not see. A
// heading keeps its number ("一、邻里搭把手", "1. 茶馆议事会"): a
// numbered series of headings is how an article lists its methods.
func stripListMarks(text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		m := listMarkRe.FindStringIndex(l)
		if m == nil || !strings.ContainsAny(l, "。！？!?；;") {
			continue
		}
		rest := l[m[1]:]
		if rest == "" || rest[0] >= '0' && rest[0] <= '9' || strings.HasPrefix(rest, "%") {
			continue // 1.8万, 95.3%
		}
		lines[i] = rest
	}
	return strings.Join(lines, "\n")
}
