package clean

import (
	"strings"

	"bangyang/zh"
)

// Solving a garbled run (see garble.go): filling its unknown bytes from
// the pinyin and the article, decoding the stream and judging the result.

// solve fills the unknown bytes of r and decodes the stream. Unknown
// bytes are taken from the pinyin the gateway attached to the character
// they completed, then from the only candidate whose characters also
// occur together elsewhere in the article; characters still unknown are
// dropped.
func (d *garbleDoc) solve(r *run, rs []rune) (rep string, settled, ok bool) {
	open := map[int]bool{}
	for _, p := range r.unknown {
		open[p] = true
	}
	var fixed []int
	for _, p := range r.unknown {
		py, ok := r.pinyin[p]
		if !ok || p == 0 || open[p-1] {
			continue
		}
		if vals := d.pinyinBytes(py, r.stream[p-1]); len(vals) == 1 {
			r.stream[p] = vals[0]
			if p+1 < len(r.stream) && !open[p+1] {
				// The byte also starts the next real character: keep the
				// value only if that character is one the article uses.
				if c, ok := d.gbk.decodePair(vals[0], r.stream[p+1]); !ok || (d.article && !d.charAttested(c, "")) {
					continue
				}
			}
			delete(open, p)
			fixed = append(fixed, p)
		}
	}
	if _, _, ok := d.decode(r.stream, open); !ok && len(fixed) > 0 {
		for _, p := range fixed { // the annotated character was another one
			open[p] = true
		}
	}
	left, right := neighbour(rs, prevCore(rs, r.start), -1), neighbour(rs, r.end, 1)
	if n := len(open); n > 0 && n <= 2 {
		var ps []int
		for _, p := range r.unknown {
			if open[p] {
				ps = append(ps, p)
			}
		}
		if d.attestFill(r, ps, left, right, true) || (len(r.pinyin) > 0 && d.attestFill(r, ps, left, right, false)) {
			open = nil
		}
	}
	out, affected, ok := d.decode(r.stream, open)
	if !ok {
		return "", false, false
	}
	var b strings.Builder
	for k, c := range out {
		if k == 0 && r.dropFirst {
			continue
		}
		if affected[k] {
			if k == len(out)-1 && r.stream[len(r.stream)-2] == 0xA1 && openQuote(rs[:r.start]) {
				b.WriteRune('”') // the lost trail closed the quote this line opened
				continue
			}
			r.lost++
			continue
		}
		b.WriteRune(c)
	}
	return foldPunct(b.String()), len(open) == 0, true
}

// pinyinBytes returns the possible second bytes of a character whose first
// byte is lead and which the gateway annotated with py.
func (d *garbleDoc) pinyinBytes(py string, lead byte) []byte {
	var vals []byte
	for _, c := range d.pinyin[py] {
		b, ok := d.gbk.encode(c)
		if ok && len(b) == 2 && b[0] == lead && !containsByte(vals, b[1]) {
			vals = append(vals, b[1])
		}
	}
	return vals
}

func containsByte(bs []byte, b byte) bool {
	for _, x := range bs {
		if x == b {
			return true
		}
	}
	return false
}

// neighbour returns the Han character next to a run (dir -1: before it,
// +1: after it), skipping annotations, or "".
func neighbour(rs []rune, i, dir int) string {
	for i >= 0 && i < len(rs) {
		c := rs[i]
		if dir > 0 && c == '(' && pinyinLen(rs, i+1) > 0 {
			i += 1 + pinyinLen(rs, i+1)
			continue
		}
		if zh.IsHan(c) {
			return string(c)
		}
		return ""
	}
	return ""
}

// attestFill tries every value of the open bytes and keeps the single
// decoding whose unknown characters appear, with a known neighbour, in the
// article itself. With strict set, a character split by an annotation must
// be one the gateway is known to annotate with that pinyin; otherwise any
// character.
func (d *garbleDoc) attestFill(r *run, open []int, left, right string, strict bool) bool {
	for _, p := range open {
		r.stream[p] = 0x81 // any lead-range value: fixes the pair layout
	}
	starts := pairStarts(r.stream)
	isOpen := map[int]bool{}
	for _, p := range open {
		isOpen[p] = true
	}
	// Output characters touched by an open byte, and their fixed neighbours.
	var touched []int
	for k, st := range starts {
		if isOpen[st] || (st+1 < len(r.stream) && r.stream[st] >= 0x81 && isOpen[st+1]) {
			touched = append(touched, k)
		}
	}
	if len(touched) == 0 {
		return false
	}
	first, last := touched[0], touched[len(touched)-1]
	fixed := func(k int) string {
		st := starts[k]
		if r.stream[st] < 0x81 {
			return string(rune(r.stream[st]))
		}
		if st+1 >= len(r.stream) {
			return ""
		}
		c, ok := d.gbk.decodePair(r.stream[st], r.stream[st+1])
		if !ok {
			return ""
		}
		return string(c)
	}
	before, after := left, right
	if first > 0 {
		before = fixed(first - 1)
	}
	if last+1 < len(starts) {
		after = fixed(last + 1)
	}
	if !isHanString(before) && !isHanString(after) {
		return false // nothing to anchor a search
	}
	var found []byte
	var foundText string
	ambiguous := false
	span := make([]rune, 0, last-first+1)
	try := func() {
		for p, py := range r.pinyin { // a split character must have been a real one
			c, ok := d.gbk.decodePair(r.stream[p-1], r.stream[p])
			if !ok || (strict && len(d.pinyin[py]) > 0 && !containsRune(d.pinyin[py], c)) {
				return
			}
		}
		span = span[:0]
		for k := first; k <= last; k++ {
			st := starts[k]
			if st+1 >= len(r.stream) {
				return
			}
			c, ok := d.gbk.decodePair(r.stream[st], r.stream[st+1])
			if !ok || !repairedRuneOK(c) {
				return
			}
			span = append(span, c)
		}
		text := string(span)
		if !allHan(text) && !(len(open) == 1 && r.stream[open[0]-1] == 0xA1) {
			return
		}
		if !(isHanString(before) && d.attested(before+text)) && !(isHanString(after) && d.attested(text+after)) {
			return
		}
		if foundText != "" && foundText != text {
			ambiguous = true
			return
		}
		foundText = text
		found = found[:0]
		for _, p := range open {
			found = append(found, r.stream[p])
		}
	}
	lo := func(p int) int {
		if p < len(starts) && containsInt(starts, p) {
			return 0x81 // lead position
		}
		return 0x40
	}
	var rec func(n int)
	rec = func(n int) {
		if d.budget <= 0 || ambiguous {
			return
		}
		if n == len(open) {
			d.budget--
			try()
			return
		}
		for v := lo(open[n]); v <= 0xFE; v++ {
			if v == 0x7F {
				continue
			}
			r.stream[open[n]] = byte(v)
			rec(n + 1)
		}
	}
	rec(0)
	if ambiguous || d.budget <= 0 || foundText == "" {
		for _, p := range open {
			r.stream[p] = 0
		}
		return false
	}
	for k, p := range open {
		r.stream[p] = found[k]
	}
	return true
}

// pairStarts returns the stream position where each output character
// starts: two bytes per character, one for ASCII and 0x80.
func pairStarts(stream []byte) []int {
	var starts []int
	for p := 0; p < len(stream); {
		starts = append(starts, p)
		if stream[p] < 0x81 {
			p++
		} else {
			p += 2
		}
	}
	return starts
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func allHan(s string) bool {
	for _, r := range s {
		if !zh.IsHan(r) {
			return false
		}
	}
	return s != ""
}

func isHanString(s string) bool { return s != "" && allHan(s) }

// decode decodes stream; characters touching an unknown position come out
// as 0 with affected set. ok is false when a known pair is not a
// character, or when the result contains anything repaired text never
// contains (letters, private-use, kana, symbols).
func (d *garbleDoc) decode(stream []byte, unknown map[int]bool) ([]rune, []bool, bool) {
	var out []rune
	var affected []bool
	for p := 0; p < len(stream); {
		if !unknown[p] && stream[p] < 0x80 {
			c := rune(stream[p])
			if c >= 'A' && c <= 'z' || c == '@' {
				return nil, nil, false
			}
			out, affected = append(out, c), append(affected, false)
			p++
			continue
		}
		if p+1 >= len(stream) {
			return nil, nil, false
		}
		if unknown[p] || unknown[p+1] {
			out, affected = append(out, 0), append(affected, true)
			p += 2
			continue
		}
		c, ok := d.gbk.decodePair(stream[p], stream[p+1])
		if !ok || !repairedRuneOK(c) {
			return nil, nil, false
		}
		out, affected = append(out, c), append(affected, false)
		p += 2
	}
	return out, affected, true
}

// repairedRuneOK accepts Han characters and the punctuation of Chinese
// prose, nothing from GBK's symbol, kana or pinyin rows.
func repairedRuneOK(r rune) bool {
	if zh.IsHan(r) {
		return true
	}
	switch {
	case r >= 0x3001 && r <= 0x3011 && r != 0x3004:
		return true
	case r >= 0xFF01 && r <= 0xFF5E:
		return true
	}
	return strings.ContainsRune("“”‘’…—·", r)
}

// foldPunct folds full-width punctuation to ASCII as the articles already
// have it.
func foldPunct(s string) string {
	return strings.NewReplacer("，", ",", "：", ":", "！", "!", "？", "?", "（", "(", "）", ")", "；", ";").Replace(s)
}

// plausible judges a repair against the garbled text it replaces: its Han
// characters must mostly be ones the article uses elsewhere, more so than
// the garbled ones were.
func (d *garbleDoc) plausible(rep, visible string) bool {
	var n, good int
	for _, c := range rep {
		if zh.IsHan(c) {
			n++
			if d.charAttested(c, visible) {
				good++
			}
		}
	}
	if n == 0 {
		return true // punctuation only, e.g. "。”"
	}
	var vn, vgood int
	for _, c := range visible {
		if zh.IsHan(c) {
			vn++
			if d.charAttested(c, visible) {
				vgood++
			}
		}
	}
	ratio := float64(good) / float64(n)
	vratio := 0.0
	if vn > 0 {
		vratio = float64(vgood) / float64(vn)
	}
	return ratio >= 0.6 && ratio >= vratio
}
