package core

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// markerRE matches citation markers as models write them: [1], [1,2],
// [1][2], 【1】, [1、3]. Full-width brackets are accepted because Chinese
// models often use them. Numbers of any length match, so a [1234] or an
// [12345678901] is renumbered or removed, never left pointing nowhere.
var markerRE = regexp.MustCompile(`[\[【]\s*(\d+(?:\s*[,，、]\s*\d+)*)\s*[\]】]`)

// renumber rewrites the [n] markers of text so that they refer to the
// passages actually cited, numbered 1..m in order of first use. Markers
// outside 1..nPassages are removed. used[i] is the 0-based passage index
// that new number i+1 refers to.
func renumber(text string, nPassages int) (out string, used []int) {
	newNum := map[int]int{}
	out = markerRE.ReplaceAllStringFunc(text, func(m string) string {
		inner := markerRE.FindStringSubmatch(m)[1]
		var b strings.Builder
		seen := map[int]bool{}
		for _, f := range strings.FieldsFunc(inner, func(r rune) bool { return r == ',' || r == '，' || r == '、' || r == ' ' }) {
			n, err := strconv.Atoi(f)
			if err != nil || n < 1 || n > nPassages {
				continue
			}
			nn, ok := newNum[n]
			if !ok {
				used = append(used, n-1)
				nn = len(used)
				newNum[n] = nn
			}
			if seen[nn] {
				continue
			}
			seen[nn] = true
			b.WriteString("[" + strconv.Itoa(nn) + "]")
		}
		return b.String()
	})
	out = markerRunRE.ReplaceAllStringFunc(out, dedupeRun)
	return tidyAfterMarkerRemoval(out), used
}

var markerRunRE = regexp.MustCompile(`(?:\[\d+\]){2,}`)

// dedupeRun turns "[1][1][2]" into "[1][2]".
func dedupeRun(run string) string {
	seen := map[string]bool{}
	var b strings.Builder
	for _, m := range strings.SplitAfter(run, "]") {
		if m != "" && !seen[m] {
			seen[m] = true
			b.WriteString(m)
		}
	}
	return b.String()
}

// stripPartialMarker drops an unfinished marker at the end of streamed text
// ("…民主议单[" or "…[1") so a partial view never shows a broken marker.
func stripPartialMarker(s string) string {
	i := strings.LastIndexAny(s, "[【")
	if i < 0 {
		return s
	}
	if strings.ContainsAny(s[i:], "]】") {
		return s
	}
	// Only a marker's makings (digits, separators, spaces) after the
	// bracket, however many: "[12345678" is hidden, "[注" is text.
	_, size := utf8.DecodeRuneInString(s[i:])
	if strings.TrimLeft(s[i+size:], "0123456789,，、 ") != "" {
		return s
	}
	return s[:i]
}

// tidyAfterMarkerRemoval removes spaces left before punctuation where a
// marker was dropped.
func tidyAfterMarkerRemoval(s string) string {
	for _, p := range []string{"。", "，", "；", "！", "？", "、"} {
		s = strings.ReplaceAll(s, " "+p, p)
	}
	return s
}
