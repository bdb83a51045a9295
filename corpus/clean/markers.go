package clean

import (
	"strings"

	"bangyang/zh"
)

// letterWords are Latin letters that legitimately sit between Han
// characters: "X" anonymises names ("XX", "在X所撰寫"), the others start
// common compounds (B超, T恤, A股, A級).
var letterWords = map[rune]string{'X': "", 'A': "股級级區区類类型", 'B': "超區区類类型", 'C': "區区類类型", 'T': "恤"}

// GarbleMarkers lists the traces of GBK-shift garbling left in text, each
// with a little context: "!" not closing a quote after Chinese text,
// "?pinyin)", "??", private-use and replacement characters, "€", enclosed
// numbers and kana after Han characters, and a lone ASCII letter between
// Han characters. Clean text has none.
func GarbleMarkers(text string) []string {
	rs := []rune(text)
	var out []string
	ctx := func(i, j int) string {
		a, b := max(0, i-3), min(len(rs), j+3)
		return string(rs[a:b])
	}
	for i, r := range rs {
		prevHan := i > 0 && zh.IsHan(rs[i-1])
		nextHan := i+1 < len(rs) && zh.IsHan(rs[i+1])
		switch {
		case r == '!' && i > 0 && zh.IsCJK(rs[i-1]) && (i+1 == len(rs) || !strings.ContainsRune("”\"’」』!?", rs[i+1])):
			out = append(out, ctx(i, i+1))
		case r == '?' && pinyinLen(rs, i+1) > 0:
			out = append(out, ctx(i, i+1+pinyinLen(rs, i+1)))
		case r == '?' && i+1 < len(rs) && rs[i+1] == '?':
			out = append(out, ctx(i, i+2))
		case isHardMarker(r):
			out = append(out, ctx(i, i+1))
		case isStraySymbol(r) && prevHan:
			out = append(out, ctx(i, i+1))
		case r < 0x80 && isRealignRune(r) && prevHan && (nextHan || i+1 < len(rs) && zh.IsCJK(rs[i+1])):
			if allowed, ok := letterWords[r]; ok && (allowed == "" || strings.ContainsRune(allowed, rs[i+1])) {
				continue
			}
			out = append(out, ctx(i, i+1))
		}
	}
	return out
}
