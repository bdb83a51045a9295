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
			(afterEnd || (d.traditional && zh.ToTraditional(string(c)) != string(c))) {
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
