package clean

import (
	"strings"
	"unicode"

	"bangyang/zh"
)

// Garbled runs come from a gateway that served GBK and lost byte alignment:
// a lead byte was dropped (usually the 0xA1 of "。" before "”"), or a
// "(pinyin)" annotation was inserted between the two bytes of a character
// (its "(" then vanished into a "?"). Every following byte pair was read
// one byte off until an ASCII byte (or 0x80, shown as "€") realigned it.
// Repair rebuilds the byte stream from the visible run, fills the few
// unknown bytes from evidence (the gateway's own pinyin annotations, the
// same words elsewhere in the article) and decodes it again; whatever
// cannot be rebuilt is cut out, never guessed.

const (
	maxRunRunes  = 40   // real runs are under 20 characters
	lostLeadByte = 0xA1 // lead byte of "。", lost in 10 of 11 "!" runs
)

// toneVowels are the pinyin letters that carry a tone mark.
const toneVowels = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"

// pinyinLen reports how many runes of rs starting at i form "pinyin)"
// (lower-case letters with at least one tone mark, then ")"), or 0.
func pinyinLen(rs []rune, i int) int {
	toned := false
	for j := i; j < len(rs) && j-i <= 8; j++ {
		r := rs[j]
		switch {
		case r == ')':
			if toned && j > i {
				return j - i + 1
			}
			return 0
		case strings.ContainsRune(toneVowels, r):
			toned = true
		case r >= 'a' && r <= 'z' || r == 'ü':
		default:
			return 0
		}
	}
	return 0
}

// isRealignRune reports a visible character that is the ASCII trail byte
// ending a misaligned run (GBK trail bytes below 0x80 are 0x40–0x7E), or
// the stray 0x80 byte CP936 decodes as "€".
func isRealignRune(r rune) bool { return (r >= 0x40 && r <= 0x7E) || r == '€' }

// isHardMarker reports characters that never belong in these articles:
// private-use code points, the replacement character, a lone "€".
func isHardMarker(r rune) bool {
	return (r >= 0xE000 && r <= 0xF8FF) || r == unicode.ReplacementChar || r == '€'
}

// isStraySymbol reports GBK symbol-row characters (enclosed numbers,
// kana) that misaligned reads produce between Han characters.
func isStraySymbol(r rune) bool {
	return (r >= 0x2460 && r <= 0x24FF) || (r >= 0x3040 && r <= 0x30FF)
}

// garbleDoc is what repair knows about the whole article.
type garbleDoc struct {
	gbk         *gbkCodec
	text        string
	pinyin      map[string][]rune // "qū" → 區, from the article's own annotations first
	gatewayed   bool              // the article shows the gateway's fingerprints
	traditional bool              // the article is written in Traditional characters
	article     bool              // long enough for absence from it to be evidence
	counts      map[rune]int      // character counts of text
	bigrams     map[[2]rune]bool  // adjacent character pairs of text
	budget      int               // candidate decodings left for attestFill
}

// attestBudget bounds the work spent guessing unknown bytes per article,
// so hostile input cannot make cleaning slow.
const attestBudget = 400000

func newGarbleDoc(text string) *garbleDoc {
	// Attestation searches the text without annotations: "創(chuàng)新"
	// must count as "創新".
	d := &garbleDoc{gbk: gbkTable(), text: removePinyin(text), pinyin: map[string][]rune{},
		traditional: zh.DetectScript(text) == zh.Traditional}
	rs := []rune(text)
	for i := 1; i+1 < len(rs); i++ {
		if rs[i] != '(' {
			continue
		}
		n := pinyinLen(rs, i+1)
		if n == 0 {
			continue
		}
		d.gatewayed = true
		if prev := rs[i-1]; zh.IsHan(prev) {
			py := string(rs[i+1 : i+n])
			if !containsRune(d.pinyin[py], prev) {
				d.pinyin[py] = append(d.pinyin[py], prev)
			}
		}
	}
	han := 0
	trs := []rune(d.text)
	d.counts = make(map[rune]int, 2048)
	d.bigrams = make(map[[2]rune]bool, len(trs))
	d.budget = attestBudget
	for i, r := range trs {
		d.counts[r]++
		if i > 0 {
			d.bigrams[[2]rune{trs[i-1], r}] = true
		}
		if zh.IsHan(r) {
			han++
		}
	}
	d.article = han >= 300
	for _, r := range rs {
		if isHardMarker(r) {
			d.gatewayed = true
			break
		}
	}
	for _, e := range strings.Fields(gatewayPinyin) {
		py, chars, _ := strings.Cut(e, ":")
		for _, c := range chars {
			if !containsRune(d.pinyin[py], c) {
				d.pinyin[py] = append(d.pinyin[py], c)
			}
		}
	}
	return d
}

func containsRune(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// attested reports whether s occurs in the article outside the run that
// produced it (the run never contains its own repair, so a plain search
// suffices).
func (d *garbleDoc) attested(s string) bool {
	rs := []rune(s)
	if len(rs) < 2 {
		return len(rs) == 1 && d.counts[rs[0]] > 0
	}
	for i := 0; i+1 < len(rs); i++ { // cheap filter before the full search
		if !d.bigrams[[2]rune{rs[i], rs[i+1]}] {
			return false
		}
	}
	return len(rs) == 2 || strings.Contains(d.text, s)
}

// charAttested reports whether r occurs in the article more often than in
// the visible run being judged.
func (d *garbleDoc) charAttested(r rune, run string) bool {
	n := d.counts[r]
	if n == 0 {
		return false
	}
	return run == "" || n > strings.Count(run, string(r))
}

// repairGarble repairs or cuts every garbled run in text.
func repairGarble(text string, res *Result) string {
	d := newGarbleDoc(text)
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = d.repairLine(l, res)
	}
	return strings.Join(lines, "\n")
}

// run is one garbled span being rebuilt.
type run struct {
	start, end int    // visible runes [start,end) replaced
	stream     []byte // rebuilt GBK bytes, starting aligned
	unknown    []int  // stream positions whose byte is not known yet
	pinyin     map[int]string
	dropFirst  bool // stream starts with the aligned character before start
	realigned  bool // the run ended where the text itself shows realignment
	lost       int  // characters solve could not settle and dropped
}

func (d *garbleDoc) repairLine(line string, res *Result) string {
	rs := []rune(line)
	var out []rune
	for i := 0; i < len(rs); {
		kind := triggerAt(rs, i)
		if kind == trigNone {
			out = append(out, rs[i])
			i++
			continue
		}
		rep, end, ok := d.repairRun(rs, i, kind, res)
		if !ok {
			out = append(out, rs[i])
			i++
			continue
		}
		out = append(out, []rune(rep)...)
		i = end
	}
	return d.dropStrays(out, res)
}

type trigger int

const (
	trigNone   trigger = iota
	trigBang           // "!" from a misread "。”": the 0xA1 before it was lost
	trigQQ             // "??": a misread "。？" followed by an unmappable pair
	trigPinyin         // "?pinyin)": an annotation split a character
)

func triggerAt(rs []rune, i int) trigger {
	prev := prevCore(rs, i)
	if prev < 0 {
		return trigNone
	}
	switch rs[i] {
	case '!':
		if !zh.IsCJK(rs[prev]) {
			return trigNone
		}
		if i+1 < len(rs) && strings.ContainsRune("”\"!?’」』", rs[i+1]) {
			return trigNone
		}
		return trigBang
	case '?':
		if pinyinLen(rs, i+1) > 0 && rs[prev] >= 0x80 {
			return trigPinyin
		}
		if i+1 < len(rs) && rs[i+1] == '?' && zh.IsCJK(rs[prev]) {
			return trigQQ
		}
	}
	return trigNone
}

// prevCore returns the index of the character before i, skipping a
// "(pinyin)" annotation glued to it, or -1.
func prevCore(rs []rune, i int) int {
	j := i - 1
	if j >= 0 && rs[j] == ')' {
		for k := j - 1; k >= 0 && j-k <= 9; k-- {
			if rs[k] == '(' {
				if pinyinLen(rs, k+1) == j-k {
					return k - 1
				}
				break
			}
		}
	}
	return j
}

// build rebuilds the byte stream for the visible run starting at i and
// stops where alignment is restored, at ASCII that cannot be a trail
// byte, or at limit (exclusive, in runes).
func (d *garbleDoc) build(rs []rune, i int, kind trigger, limit int) (*run, bool) {
	r := &run{start: i, pinyin: map[int]string{}}
	j := i
	switch kind {
	case trigBang:
		r.stream = []byte{lostLeadByte, 0xA3, 0xA1}
		j++
	case trigQQ:
		r.stream = []byte{lostLeadByte, 0xA3, 0xBF} // "？"
		j++
	case trigPinyin:
		prev, ok := d.gbk.encode(rs[prevCore(rs, i)])
		if !ok || len(prev) != 2 {
			return nil, false
		}
		r.stream = append([]byte(nil), prev...)
		r.dropFirst = true
	}
	aligned := func() bool { return len(r.stream)%2 == 0 && !(kind == trigPinyin && j == i) }
	for j < len(rs) && j < limit && j-i < maxRunRunes {
		c := rs[j]
		if c == '?' || c == '(' {
			if n := pinyinLen(rs, j+1); n > 0 {
				if c == '(' { // an ordinary annotation: inserted text, no byte lost
					j += 1 + n
					continue
				}
				r.unknown = append(r.unknown, len(r.stream))
				r.pinyin[len(r.stream)] = string(rs[j+1 : j+n])
				r.stream = append(r.stream, 0)
				j += 1 + n
				if aligned() {
					r.realigned = true
					break
				}
				continue
			}
		}
		if c == '?' { // an unmappable pair the gateway printed as "?"
			r.unknown = append(r.unknown, len(r.stream), len(r.stream)+1)
			r.stream = append(r.stream, 0, 0)
			j++
			continue
		}
		if isRealignRune(c) {
			b, _ := d.gbk.encode(c)
			r.stream = append(r.stream, b...)
			j++
			if aligned() {
				r.realigned = true
				break
			}
			continue
		}
		if c < 0x80 {
			break
		}
		b, ok := d.gbk.encode(c)
		if !ok {
			break
		}
		r.stream = append(r.stream, b...)
		j++
	}
	if j-i >= maxRunRunes {
		return nil, false
	}
	r.end = j
	if len(r.stream)%2 == 1 { // a lead byte whose trail was lost
		r.unknown = append(r.unknown, len(r.stream))
		r.stream = append(r.stream, 0)
	}
	return r, true
}

// repairRun repairs the run at i. It returns the replacement for runes
// [i,end) and ok=false when the trigger turned out not to be garble.
func (d *garbleDoc) repairRun(rs []rune, i int, kind trigger, res *Result) (string, int, bool) {
	r, ok := d.build(rs, i, kind, len(rs))
	if !ok {
		return d.cutRun(rs, i, i+1, "", res)
	}
	visible := string(rs[r.start:r.end])
	// A run the text itself shows realigning, with every byte settled and
	// a clean decoding, needs no further evidence; anything less must
	// read like the rest of the article.
	if rep, settled, ok := d.solve(r, rs); ok && (settled && r.realigned || d.plausible(rep, visible)) {
		if r.lost > 0 {
			res.Unrepaired = append(res.Unrepaired, visible)
		}
		return d.polish(rep, rs, r.end, res), r.end, true
	}
	if kind == trigBang && !d.gatewayed {
		return "", 0, false // a real exclamation in a clean article
	}
	// Not decodable as a whole (a filter cut bytes out too): keep the
	// longest prefix that decodes, cut the rest of the garbled stretch.
	for k := r.end - 1; k > i; k-- {
		p, ok := d.build(rs, i, kind, k)
		if !ok || p.end != k {
			continue
		}
		if rep, _, ok := d.solve(p, rs); ok && d.plausible(rep, string(rs[p.start:p.end])) {
			return d.cutRun(rs, i, k, d.polish(rep, rs, k, res), res)
		}
	}
	return d.cutRun(rs, i, i+1, "", res)
}

// cutRun replaces runes from i up to where ordinary text resumes (two
// attested Han characters in a row, or ASCII/punctuation) with keep, and
// records what was cut.
func (d *garbleDoc) cutRun(rs []rune, i, from int, keep string, res *Result) (string, int, bool) {
	j := from
	for j < len(rs) {
		c := rs[j]
		if c == '(' {
			if n := pinyinLen(rs, j+1); n > 0 {
				j += 1 + n
				continue
			}
		}
		if c < 0x80 && !isRealignRune(c) || (!zh.IsHan(c) && !isHardMarker(c) && !isStraySymbol(c)) {
			break
		}
		if zh.IsHan(c) && d.charAttested(c, string(rs[i:j+1])) {
			k := j + 1
			for k < len(rs) && rs[k] == '(' && pinyinLen(rs, k+1) > 0 {
				k += 1 + pinyinLen(rs, k+1)
			}
			if k >= len(rs) || !zh.IsHan(rs[k]) || d.charAttested(rs[k], string(rs[i:j+1])) {
				break
			}
		}
		if isRealignRune(c) && c != '€' {
			j++
			break
		}
		j++
	}
	if j > i {
		res.Unrepaired = append(res.Unrepaired, string(rs[i:j]))
	}
	return keep, j, true
}

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
	if !zh.AllHan(before) && !zh.AllHan(after) {
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
		if !zh.AllHan(text) && !(len(open) == 1 && r.stream[open[0]-1] == 0xA1) {
			return
		}
		if !(zh.AllHan(before) && d.attested(before+text)) && !(zh.AllHan(after) && d.attested(text+after)) {
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

// polish applies two rules to a repair. A restored "。" before "”" is
// dropped when a structural particle follows (the lost character was not
// the full stop: "學校”的形式"). A repaired Han character the article
// never uses elsewhere is dropped when it cannot be right: a Simplified-only
// character in a Traditional article, or the first character after a
// restored sentence end, where a filter cut a name short ("。”胡…").
func (d *garbleDoc) polish(rep string, rs []rune, end int, res *Result) string {
	next := ""
	if end < len(rs) {
		next = string(rs[end])
	}
	if strings.HasPrefix(rep, "。”") {
		after := strings.TrimPrefix(rep, "。”") + next
		if strings.HasPrefix(after, "的") || strings.HasPrefix(after, "地") || strings.HasPrefix(after, "得") {
			rep = strings.TrimPrefix(rep, "。")
		}
	}
	var b strings.Builder
	afterEnd := false
	for _, c := range rep {
		if c == '。' || c == '”' {
			afterEnd = afterEnd || c == '。' || b.Len() == 0
			b.WriteRune(c)
			continue
		}
		if zh.IsHan(c) && !d.charAttested(c, "") &&
			(afterEnd || (d.traditional && zh.DetectScript(string(c)) == zh.Simplified)) {
			res.Unrepaired = append(res.Unrepaired, string(c)+"…")
			afterEnd = false
			continue
		}
		afterEnd = false
		b.WriteRune(c)
	}
	return b.String()
}

// openQuote reports whether rs leaves a “ unclosed.
func openQuote(rs []rune) bool {
	n := 0
	for _, r := range rs {
		switch r {
		case '“':
			n++
		case '”':
			if n > 0 {
				n--
			}
		}
	}
	return n > 0
}

// dropStrays removes garble debris left outside any rebuilt run.
func (d *garbleDoc) dropStrays(rs []rune, res *Result) string {
	var b strings.Builder
	for i, r := range rs {
		prevHan := i > 0 && zh.IsHan(rs[i-1])
		if isHardMarker(r) || (isStraySymbol(r) && prevHan) {
			res.Unrepaired = append(res.Unrepaired, string(r))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
