package zh

import (
	"unicode/utf8"
)

// DetectScript tells whether s is written in Simplified or Traditional
// Chinese, or returns the zero Script when it cannot tell: no Han
// characters, or only characters shared by both scripts (郭佳, 工作法).
// Callers should then fall back to their default.
//
// Evidence is counted per character with the conversion tables themselves:
// a character that ToSimplified would change is Traditional evidence, one
// that ToTraditional would change is Simplified evidence. Phrases are
// applied, so 皇后 or 乾坤 count for nothing. Characters that are correct in
// both scripts in some words (后, 干, 于, 里, 乾) count only as weak evidence,
// consulted on a tie of the strong counts; this also keeps the stray
// Simplified characters that web gateways leave in Traditional pages (后 干
// 愿 于) from flipping a Traditional text. A tie on both counts gives "".
func DetectScript(s string) Script {
	trad := countChanged(t2s(), s)
	simp := countChanged(s2t(), s)
	switch {
	case trad.strong > simp.strong:
		return Traditional
	case simp.strong > trad.strong:
		return Simplified
	case trad.weak > simp.weak:
		return Traditional
	case simp.weak > trad.weak:
		return Simplified
	}
	return ""
}

type evidence struct{ strong, weak int }

// countChanged counts the characters of s that d would change.
func countChanged(d *dict, s string) evidence {
	var ev evidence
	d.segments(s, func(src, dst string) {
		if src == dst {
			return
		}
		// Every mapping keeps the length (checked at load), so source and
		// replacement line up rune by rune.
		for _, r := range src {
			c, size := utf8.DecodeRuneInString(dst)
			dst = dst[size:]
			// A change made by the variants stage alone (羣 → 群) is a
			// choice between Traditional forms, not evidence of Simplified.
			if c != r && IsHan(r) && d.variants[r] != c {
				if d.ambiguous[r] {
					ev.weak++
				} else {
					ev.strong++
				}
			}
		}
	})
	return ev
}
