package zh

import (
	"strings"
	"unicode"
)

// IsHan reports whether r is a Han character (unicode.Han: ideographs,
// radicals, 〇, 々).
func IsHan(r rune) bool {
	// Fast path for the CJK Unified Ideographs block, nearly all text.
	if r >= 0x4E00 && r <= 0x9FFF {
		return true
	}
	return r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

// HanCount is the number of Han characters in s.
func HanCount(s string) int {
	n := 0
	for _, r := range s {
		if IsHan(r) {
			n++
		}
	}
	return n
}

// AllHan reports whether s is non-empty and all Han characters.
func AllHan(s string) bool {
	for _, r := range s {
		if !IsHan(r) {
			return false
		}
	}
	return s != ""
}

// IsCJK reports Han characters and CJK or full-width punctuation (the
// CJK Symbols and Punctuation and the Halfwidth and Fullwidth Forms
// blocks, curly quotes, …, —): text where a line wrap or a space in the
// source means nothing.
func IsCJK(r rune) bool {
	return IsHan(r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) ||
		r == '“' || r == '”' || r == '‘' || r == '’' || r == '…' || r == '—'
}

// FoldWidthRune maps full-width ASCII (Ａ１，！) to ASCII and the
// ideographic space to a space; other runes are returned unchanged.
func FoldWidthRune(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0
	case r == 0x3000:
		return ' '
	}
	return r
}

// FoldWidth applies FoldWidthRune to s, so "ＡＡＡ" and "AAA" are one
// word. s is returned as is when nothing changes.
func FoldWidth(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return FoldWidthRune(r) != r }) {
		return s
	}
	return strings.Map(FoldWidthRune, s)
}

// UTF16Len is the length of s in UTF-16 code units, the unit of
// Telegram's limits and entity offsets (a rune above U+FFFF counts 2).
func UTF16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}
