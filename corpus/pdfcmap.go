package corpus

import (
	"encoding/hex"
	"io"
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// toUnicode is a font's ToUnicode CMap, read here rather than by the PDF
// reader: ranges are computed on the whole code (writers such as fpdf map
// <0000>–<FFFF> in one range, which the reader's last-byte arithmetic gets
// wrong), and lookups are by map and binary search, not a scan per glyph.
type toUnicode struct {
	spaces []codeSpace
	seen   []int // code lengths used by the mappings
	chars  map[uint32]string
	ranges []cmapRange // sorted by lo
}

type codeSpace struct {
	n      int // bytes
	lo, hi uint32
}

type cmapRange struct {
	n      int
	lo, hi uint32
	dst    []rune   // the first code's text; later codes add to its last rune
	list   []string // or one text per code
	isList bool
}

const maxCMapEntries = 1 << 17

// readToUnicode parses a ToUnicode stream; nil when it holds no mapping.
func readToUnicode(v pdf.Value) *toUnicode {
	rc := v.Reader()
	defer rc.Close()
	raw, err := io.ReadAll(io.LimitReader(rc, maxPDFStream))
	if err != nil && len(raw) == 0 {
		return nil
	}
	return parseCMapText(string(raw))
}

func parseCMapText(text string) *toUnicode {
	toks := cmapTokens(text)
	m := &toUnicode{chars: map[uint32]string{}}
	for i := 0; i < len(toks); i++ {
		switch toks[i] {
		case "begincodespacerange":
			for i++; i+1 < len(toks) && toks[i] != "endcodespacerange"; i += 2 {
				lo, n1, ok1 := hexCode(toks[i])
				hi, n2, ok2 := hexCode(toks[i+1])
				if ok1 && ok2 && n1 == n2 {
					m.spaces = append(m.spaces, codeSpace{n: n1, lo: lo, hi: hi})
				}
			}
		case "beginbfchar":
			for i++; i+1 < len(toks) && toks[i] != "endbfchar" && len(m.chars) < maxCMapEntries; i += 2 {
				src, n, ok := hexCode(toks[i])
				dst, ok2 := hexText(toks[i+1])
				if ok && ok2 {
					m.chars[src] = dst
					m.noteSpace(n)
				}
			}
		case "beginbfrange":
			for i++; i+2 < len(toks) && toks[i] != "endbfrange" && len(m.ranges) < maxCMapEntries; i += 3 {
				lo, n1, ok1 := hexCode(toks[i])
				hi, n2, ok2 := hexCode(toks[i+1])
				if !ok1 || !ok2 || n1 != n2 || hi < lo {
					continue
				}
				r := cmapRange{n: n1, lo: lo, hi: hi}
				if toks[i+2] == "[" {
					r.isList = true
					j := i + 3
					for ; j < len(toks) && toks[j] != "]"; j++ {
						s, _ := hexText(toks[j])
						r.list = append(r.list, s)
					}
					i = j - 2 // the loop adds 3: continue after "]"
				} else {
					s, ok := hexText(toks[i+2])
					if !ok {
						continue
					}
					r.dst = []rune(s)
				}
				m.ranges = append(m.ranges, r)
				m.noteSpace(n1)
			}
		}
	}
	if len(m.chars) == 0 && len(m.ranges) == 0 {
		return nil
	}
	if len(m.spaces) == 0 {
		for _, n := range m.seen {
			m.spaces = append(m.spaces, codeSpace{n: n, lo: 0, hi: uint32(1<<(8*uint(n)) - 1)})
		}
	}
	sort.Slice(m.ranges, func(a, b int) bool { return m.ranges[a].lo < m.ranges[b].lo })
	return m
}

// noteSpace remembers a code length seen in the mappings, for a CMap
// that declares no code space (some writers leave it out).
func (m *toUnicode) noteSpace(n int) {
	for _, l := range m.seen {
		if l == n {
			return
		}
	}
	m.seen = append(m.seen, n)
}

// Decode maps a shown string's codes to text; a code without a mapping
// becomes U+FFFD, so that a font that cannot be read is noticed.
func (m *toUnicode) Decode(raw string) string {
	var b strings.Builder
	for len(raw) > 0 {
		n := m.codeLen(raw)
		var code uint32
		for k := 0; k < n; k++ {
			code = code<<8 | uint32(raw[k])
		}
		raw = raw[n:]
		b.WriteString(m.lookup(code, n))
	}
	return b.String()
}

func (m *toUnicode) codeLen(raw string) int {
	for _, s := range m.spaces {
		if s.n > len(raw) || s.n < 1 || s.n > 4 {
			continue
		}
		var code uint32
		for k := 0; k < s.n; k++ {
			code = code<<8 | uint32(raw[k])
		}
		if s.lo <= code && code <= s.hi {
			return s.n
		}
	}
	if len(m.spaces) > 0 && m.spaces[0].n >= 1 && m.spaces[0].n <= min(4, len(raw)) {
		return m.spaces[0].n
	}
	return 1
}

func (m *toUnicode) lookup(code uint32, n int) string {
	if s, ok := m.chars[code]; ok {
		return s
	}
	k := sort.Search(len(m.ranges), func(i int) bool { return m.ranges[i].lo > code }) - 1
	// Ranges are nearly always disjoint: the nearest one below decides;
	// a few more are tried for overlapping ones.
	for tries := 0; k >= 0 && tries < 16; k, tries = k-1, tries+1 {
		r := m.ranges[k]
		if r.n != n || code > r.hi {
			continue
		}
		off := code - r.lo
		if r.isList {
			if int(off) < len(r.list) {
				return r.list[off]
			}
			return "\uFFFD"
		}
		if len(r.dst) == 0 {
			return "\uFFFD"
		}
		out := append([]rune(nil), r.dst...)
		out[len(out)-1] += rune(off)
		if !utf8.ValidRune(out[len(out)-1]) {
			return "\uFFFD"
		}
		return string(out)
	}
	return "\uFFFD"
}

// cmapTokens splits a CMap program into hex strings (with their angle
// brackets), brackets and words; dictionaries and literal strings are
// skipped over.
func cmapTokens(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '%':
			for i < len(s) && s[i] != '\n' && s[i] != '\r' {
				i++
			}
		case c == '<' && i+1 < len(s) && s[i+1] == '<', c == '>' && i+1 < len(s) && s[i+1] == '>':
			i += 2
		case c == '<':
			j := strings.IndexByte(s[i:], '>')
			if j < 0 {
				return out
			}
			out = append(out, s[i:i+j+1])
			i += j + 1
		case c == '[' || c == ']':
			out = append(out, string(c))
			i++
		case c == '(':
			depth := 0
			for ; i < len(s); i++ {
				if s[i] == '\\' {
					i++
					continue
				}
				if s[i] == '(' {
					depth++
				} else if s[i] == ')' {
					depth--
					if depth == 0 {
						i++
						break
					}
				}
			}
		case c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0:
			i++
		default:
			j := i
			for j < len(s) && !strings.ContainsRune(" \n\r\t\f\x00<>[]()/%", rune(s[j])) {
				j++
			}
			if j == i { // a name: "/Foo"
				j++
				for j < len(s) && !strings.ContainsRune(" \n\r\t\f\x00<>[]()/%", rune(s[j])) {
					j++
				}
			}
			out = append(out, s[i:j])
			i = j
		}
	}
	return out
}

// hexCode reads "<0a1B>" as a code of its byte length (1–4).
func hexCode(tok string) (uint32, int, bool) {
	b, ok := hexBytes(tok)
	if !ok || len(b) < 1 || len(b) > 4 {
		return 0, 0, false
	}
	var code uint32
	for _, x := range b {
		code = code<<8 | uint32(x)
	}
	return code, len(b), true
}

// hexText reads "<00410042>" as UTF-16BE text.
func hexText(tok string) (string, bool) {
	b, ok := hexBytes(tok)
	if !ok {
		return "", false
	}
	if len(b)%2 == 1 {
		b = append(b, 0)
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u)), true
}

func hexBytes(tok string) ([]byte, bool) {
	if len(tok) < 2 || tok[0] != '<' || tok[len(tok)-1] != '>' {
		return nil, false
	}
	h := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\r' || r == '\t' {
			return -1
		}
		return r
	}, tok[1:len(tok)-1])
	if len(h)%2 == 1 {
		h += "0" // a final odd digit is followed by 0 (PDF 7.3.4.3)
	}
	b, err := hex.DecodeString(h)
	return b, err == nil
}
