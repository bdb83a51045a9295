package clean

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Text saved from a PDF or a print layout breaks its lines at a fixed
// width, mid-sentence; each line would be read as a paragraph of its own.
// rewrap finds that width (most lines that end without a sentence's
// closing mark have it) and joins each such line to the next, and drops
// the page numbers standing alone between pages.

// minWrapped is how many width-long lines make a text hard-wrapped.
const minWrapped = 6

// pageNumberRE is a page number on a line of its own: 3, - 3 -, —3—, 第3页,
// 3/12.
var pageNumberRE = regexp.MustCompile(`^[-—–\s]*(第\s*)?\d{1,3}(\s*页)?(\s*/\s*\d{1,3})?[-—–\s]*$`)

// closesSentence reports a line ending where a sentence or a heading may
// end: its closing mark, a colon, a closing quote.
func closesSentence(line string) bool {
	r, _ := utf8.DecodeLastRuneInString(line)
	return strings.ContainsRune("。！？!?；;：:”」』）)…", r)
}

// wrapWidth is the width a hard-wrapped text breaks its lines at, in
// display columns (a Han character two, a digit or Latin letter one: a
// line of the page holds fewer runes when it holds digits), or 0 when the
// text is not hard-wrapped: the most common width among lines ending
// without closing a sentence, when it (give or take a character) holds
// most of them and at least minWrapped, and is that of a page's line (20
// characters or more), not a column of short labels.
func wrapWidth(lines []string) int {
	count := map[int]int{}
	open := 0
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if n := columns(l); n >= 24 && !closesSentence(l) {
			count[n]++
			open++
		}
	}
	best, bestN := 0, 0
	for w := range count {
		n := 0
		for d := -2; d <= 2; d++ {
			n += count[w+d]
		}
		if n > bestN || n == bestN && w > best {
			best, bestN = w, n
		}
	}
	if bestN < minWrapped || 2*bestN < open || best < 40 {
		return 0
	}
	return best
}

// columns is a line's display width: two for a wide character, one for
// an ASCII one.
func columns(s string) int {
	n := 0
	for _, r := range s {
		if r < 0x80 {
			n++
		} else {
			n += 2
		}
	}
	return n
}

// rewrap joins the lines a fixed width broke, and drops page numbers.
func rewrap(s string) string {
	lines := strings.Split(strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n"), "\n")
	w := wrapWidth(lines)
	if w == 0 {
		return s
	}
	var out []string
	joining := false
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if pageNumberRE.MatchString(t) && t != "" {
			continue // the page broke here; the sentence goes on
		}
		if joining && t != "" && !opensParagraph(l) {
			out[len(out)-1] += t
		} else {
			out = append(out, l)
		}
		joining = t != "" && !closesSentence(t) && columns(t) >= w-4
	}
	return strings.Join(out, "\n")
}

// opensParagraph reports a line indented as a paragraph's first (two
// spaces, a full-width space) or opening a list item.
func opensParagraph(line string) bool {
	return strings.HasPrefix(line, "　") || strings.HasPrefix(line, "  ") || strings.HasPrefix(line, "\t") || listOpenRE.MatchString(strings.TrimSpace(line))
}

// listOpenRE opens a list item or a numbered heading: 1. 一、 （一） ①.
var listOpenRE = regexp.MustCompile(`^(\d{1,2}[.、．)）]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|[①-⑳])`)
