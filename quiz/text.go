package quiz

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"bangyang/corpus"
	"bangyang/zh"
)

// splitSentences returns the sentences of s (the corpus' splitter), without
// fragments and garbled ones.
func splitSentences(s string) []string {
	var out []string
	for _, m := range corpus.Sentences(s) {
		m = strings.TrimSpace(strings.Trim(m, "\u00a0\u3000"))
		if utf8.RuneCountInString(m) >= 2 && !garbled(m) {
			out = append(out, m)
		}
	}
	return out
}

// normalize folds a text for matching: Simplified script, no spaces or
// punctuation except those that belong to numbers (. %), lower case.
func normalize(s string) string {
	s = stripPinyin(zh.ToSimplified(s))
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = zh.FoldWidthRune(r)
		switch {
		case zh.IsHan(r), unicode.IsDigit(r):
			b.WriteRune(r)
		case unicode.IsLetter(r):
			b.WriteRune(unicode.ToLower(r))
		case r == '.' || r == '%':
			b.WriteRune(r)
		}
	}
	return b.String()
}

// pinyinRE matches pinyin glued after characters by some news sites'
// converters: 社区(qū), 网(wǎng). Real parentheses ((下), (5元/月)) carry no
// tone marks and are kept.
var pinyinRE = regexp.MustCompile(`[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]`)

func stripPinyin(s string) string {
	if !strings.ContainsAny(s, "(（") {
		return s // the common case: nothing to strip, no regexp run
	}
	return pinyinRE.ReplaceAllString(s, "")
}

// garbled reports whether a sentence shows signs of a broken encoding
// conversion (kana, private-use characters, stray symbols, a lone Latin
// letter between Chinese characters): such text is never quoted or asked.
func garbled(s string) bool {
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case r >= 0x3040 && r <= 0x30FF, r >= 0xE000 && r <= 0xF8FF, r == 0xFFFD:
			return true
		case strings.ContainsRune("{}€⒁⒓⑷", r):
			return true
		case r == '?' && i+1 < len(rs) && rs[i+1] == '?':
			return true
		case r < 0x80 && unicode.IsLetter(r) && i > 0 && i+1 < len(rs) &&
			zh.IsHan(rs[i-1]) && zh.IsHan(rs[i+1]):
			return true
		}
	}
	return false
}

// containsBounded reports whether hay contains needle such that a needle
// starting or ending with a digit is not glued to further digits: "5.3%"
// must not be found inside "95.3%".
func containsBounded(hay, needle string) bool {
	if needle == "" {
		return false
	}
	first, _ := utf8.DecodeRuneInString(needle)
	last, _ := utf8.DecodeLastRuneInString(needle)
	numStart, numEnd := isNumRune(first), isNumRune(last)
	for from := 0; ; {
		i := strings.Index(hay[from:], needle)
		if i < 0 {
			return false
		}
		i += from
		j := i + len(needle)
		ok := true
		if numStart && i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(hay[:i])
			ok = !isNumRune(prev)
		}
		if ok && numEnd && j < len(hay) {
			next, _ := utf8.DecodeRuneInString(hay[j:])
			ok = !unicode.IsDigit(next) && next != '%'
			if next == '.' && j+1 < len(hay) {
				after, _ := utf8.DecodeRuneInString(hay[j+1:])
				ok = !unicode.IsDigit(after)
			}
		}
		if ok {
			return true
		}
		_, size := utf8.DecodeRuneInString(hay[i:])
		from = i + size
	}
}

func isNumRune(r rune) bool { return unicode.IsDigit(r) || r == '.' }

// segmentSepRE separates the key segments of an option ("A、B和C").
var segmentSepRE = regexp.MustCompile(`[、，,；;：:和及与/\s“”"'‘’（）()·]+`)

// supported reports whether text is backed by the passage: its normalised
// form occurs in the passage, or every key segment of two or more
// characters does (segments of four or more may match bigram by bigram,
// which tolerates a reordered or shortened quote but not a new claim).
func supported(text, passageNorm string) bool {
	n := normalize(text)
	if n == "" {
		return false
	}
	if containsBounded(passageNorm, n) {
		return true
	}
	segs := 0
	for _, seg := range segmentSepRE.Split(zh.ToSimplified(text), -1) {
		seg = normalize(seg)
		if utf8.RuneCountInString(seg) < 2 {
			continue
		}
		segs++
		if containsBounded(passageNorm, seg) {
			continue
		}
		if utf8.RuneCountInString(seg) >= 4 && allBigramsIn(seg, passageNorm) {
			continue
		}
		return false
	}
	return segs > 0
}

func allBigramsIn(s, hay string) bool {
	rs := []rune(s)
	for i := 0; i+1 < len(rs); i++ {
		if !strings.Contains(hay, string(rs[i:i+2])) {
			return false
		}
	}
	return true
}

// truncateUnits cuts s to at most max UTF-16 units, preferring to end at a
// sentence or clause boundary, and marks the cut with "…".
func truncateUnits(s string, max int) string {
	if zh.UTF16Len(s) <= max {
		return s
	}
	if max < 1 {
		return ""
	}
	rs := []rune(s)
	units, cut := 0, 0
	for i, r := range rs {
		u := utf16.RuneLen(r)
		if units+u > max-1 { // room for "…"
			break
		}
		units += u
		cut = i + 1
	}
	head := rs[:cut]
	// Back off to the last sentence end, else clause end, if that keeps
	// at least half of the allowed text.
	for _, stops := range []string{"。！？!?；;", "，,、：:"} {
		for i := len(head) - 1; i >= len(head)/2; i-- {
			if strings.ContainsRune(stops, head[i]) {
				if strings.ContainsRune("。！？!?", head[i]) {
					return string(head[:i+1])
				}
				return string(head[:i]) + "…"
			}
		}
	}
	return string(head) + "…"
}

// prettyPunct turns the ASCII punctuation the scraped articles were folded
// to back into full-width marks between Chinese characters, so questions
// read like Chinese rather than like a CSV row.
func prettyPunct(s string) string {
	rs := []rune(s)
	for i, r := range rs {
		var w rune
		switch r {
		case ',':
			w = '，'
		case ':':
			w = '：'
		case ';':
			w = '；'
		case '?':
			w = '？'
		case '!':
			w = '！'
		case '(':
			w = '（'
		case ')':
			w = '）'
		default:
			continue
		}
		prevDigit := i > 0 && unicode.IsDigit(rs[i-1])
		nextDigit := i+1 < len(rs) && unicode.IsDigit(rs[i+1])
		if (r == ',' || r == ':') && prevDigit && nextDigit {
			continue // 1,000 or 12:30
		}
		rs[i] = w
	}
	return strings.TrimSpace(string(rs))
}
