package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"bangyang/zh"
)

// Chunk sizes, in runes. Sentences in these articles run 39 runes at the
// median (p90 84, max 154) and paragraphs 117 (p90 234, max 365). A chunk
// of about one to two paragraphs (≈240 runes) is one idea — a method and
// its example — which is what a cited passage should be: big enough to
// quote on its own, small enough that the keyword and vector scores are
// not diluted and several passages fit a prompt. No overlap: paragraphs
// are natural topic boundaries and headings travel with their paragraph,
// and overlap would show the same sentence in two citations.
const (
	// TargetRunes is where the packer stops adding paragraphs to a chunk.
	TargetRunes = 240
	// MaxRunes is a hard bound: only a paragraph longer than this is split
	// (at sentence boundaries), and only a sentence longer than this is cut
	// inside (at a comma, else at a rune boundary).
	MaxRunes = 360
	// MinRunes: a chunk shorter than this absorbs its neighbour when the
	// result stays within MaxRunes.
	MinRunes = 80
	// headingMaxRunes bounds a line that counts as a heading.
	headingMaxRunes = 40
)

// sentenceEnd are the runes that end a sentence. "." is deliberately not
// one: 95.3%, 1.8萬, 崇善.善治.溢彩.
func sentenceEnd(r rune) bool {
	switch r {
	case '。', '！', '？', '!', '?', '；', ';':
		return true
	}
	return false
}

// closer are closing quotes/brackets that belong to the sentence before.
func closer(r rune) bool {
	switch r {
	case '”', '’', '」', '』', '）', ')', '】', '》', '〉', '"', '\'':
		return true
	}
	return false
}

// softCut are runes after which an over-long sentence may be cut.
func softCut(r rune) bool {
	switch r {
	case '，', ',', '、', '：', ':', ' ', '\u3000', '…', '—':
		return true
	}
	return false
}

// span is a byte range [start, end) of one paragraph.
type span struct {
	para       int
	start, end int
}

// unit is the smallest thing the packer moves: a paragraph (or a heading
// plus its paragraph) that fits, or a sentence of an over-long paragraph.
type unit struct {
	spans []span
	runes int
}

// splitSentences returns the sentence spans of p, trimmed of surrounding
// whitespace. Together they cover every non-space rune of p, in order.
func splitSentences(p string) [][2]int {
	var out [][2]int
	start := 0
	emit := func(end int) {
		s, e := trimSpan(p, start, end)
		if s < e {
			out = append(out, [2]int{s, e})
		}
		start = end
	}
	eachSentenceEnd(p, sentenceEnd, emit)
	emit(len(p))
	return out
}

// eachSentenceEnd calls cut with the byte offset just past each sentence
// of s: past a rune that end reports, and the ends and closers that follow
// it (。” stays whole). The last sentence, unterminated, is the caller's.
func eachSentenceEnd(s string, end func(rune) bool, cut func(int)) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if !end(r) {
			continue
		}
		for i < len(s) {
			r, size = utf8.DecodeRuneInString(s[i:])
			if !end(r) && !closer(r) {
				break
			}
			i += size
		}
		cut(i)
	}
}

func trimSpan(p string, s, e int) (int, int) {
	for s < e {
		r, size := utf8.DecodeRuneInString(p[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(p[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= size
	}
	return s, e
}

// cutLong splits a sentence span longer than MaxRunes into pieces of at
// most MaxRunes, preferring to cut after a comma in the second half of the
// window.
func cutLong(p string, s, e int) [][2]int {
	var out [][2]int
	for utf8.RuneCountInString(p[s:e]) > MaxRunes {
		cut, soft, n := s, -1, 0
		for i, r := range p[s:e] {
			if n == MaxRunes {
				break
			}
			n++
			cut = s + i + utf8.RuneLen(r)
			if softCut(r) && n >= MaxRunes/2 {
				soft = cut
			}
		}
		if soft > 0 {
			cut = soft
		}
		ps, pe := trimSpan(p, s, cut)
		if ps < pe {
			out = append(out, [2]int{ps, pe})
		}
		s, _ = trimSpan(p, cut, e)
	}
	if s < e {
		out = append(out, [2]int{s, e})
	}
	return out
}

// isHeading: a short line without sentence-final punctuation (a section
// title like "仁和家訪破難題" or "一、基層黨建,始終以民為本").
func isHeading(p string) bool {
	if utf8.RuneCountInString(p) > headingMaxRunes {
		return false
	}
	t := strings.TrimRightFunc(p, closer)
	r, _ := utf8.DecodeLastRuneInString(t)
	return t != "" && !sentenceEnd(r) && r != '…' && !FieldLine(p)
}

// FieldLine reports a profile's field written on a line of its own, its
// label and its value (荣誉：全省“三八红旗手”、…; 职务：…): a line of the
// section it closes, no heading opening another.
func FieldLine(p string) bool { return fieldLineRE.MatchString(p) }

var fieldLineRE = regexp.MustCompile(`^[\s　]*[【\[]?(主要|个人|個人|所获|所獲|获得|獲得|曾获|曾獲)?(荣誉|榮譽|荣誉称号|榮譽稱號|获奖情况|獲獎情況|获奖|獲獎|奖项|獎項|职务|職務|现任职务|現任職務|工作单位|工作單位|单位|單位|出生年月|籍贯|籍貫|民族|学历|學歷|政治面貌|简介|簡介|简历|簡歷)[】\]]?[\s　]*[:：][\s　]*[^\s　]`)

// questionRe opens an interviewer's line: 记者：, 问：, Q：, 主持人：.
var questionRe = regexp.MustCompile(`^[【\[（(]?(?:本报记者|本報記者|记者|記者|问|問|Q|主持人|提问|提問)[】\]）)]?\s*[:：]`)

// isQuestion reports an interviewer's question: it travels with the
// answer after it, as a heading does with its paragraph, so that an
// interview's passage holds the question and the interviewee's answer.
func isQuestion(p string) bool {
	return utf8.RuneCountInString(p) <= 120 && questionRe.MatchString(p)
}

// chunker packs one article's paragraphs.
type chunker struct {
	paras []string
	// sections: a heading opens a passage (an article with a section per
	// secretary, Meta.Others), and so does the turn from one secretary to
	// another (owners).
	sections bool
	// owners is, per paragraph and sentence, the other secretary it is
	// about ("" the leader): sentenceOwners, with sections only.
	owners [][]string
}

// ownerOf is the secretary the sentence holding s is about.
func (c *chunker) ownerOf(s span) string {
	if s.para >= len(c.owners) {
		return ""
	}
	own := c.owners[s.para]
	for i, se := range splitSentences(c.paras[s.para]) {
		if i < len(own) && s.start < se[1] {
			return own[i]
		}
	}
	return ""
}

// aboutOther is the other secretary u is about, for crediting it: most
// of its sentences are hers, and those naming the leader are hers too
// ("与陶玉琴不同，…书记贺建军…": the leader named only beside her). ""
// otherwise.
func (c *chunker) aboutOther(u unit, m Meta) string {
	o := c.unitOwner(u)
	if o == "" {
		return ""
	}
	keys := simplifiedKeys(m.Leader, m.Aliases...)
	for _, s := range u.spans {
		if firstIndex(zh.ToSimplified(c.paras[s.para][s.start:s.end]), keys) >= 0 && c.ownerOf(s) != o {
			return ""
		}
	}
	return o
}

// unitOwner is the secretary most of u's sentences are about ("" the
// leader, or no one's most).
func (c *chunker) unitOwner(u unit) string {
	if len(c.owners) == 0 {
		return ""
	}
	count := map[string]int{}
	for _, s := range u.spans {
		count[c.ownerOf(s)]++
	}
	best, n := "", count[""]
	for o, k := range count {
		if o != "" && k > n {
			best, n = o, k
		}
	}
	return best
}

// length is the rune length of the text rendered from spans a followed by
// spans b (see render).
func (c *chunker) join(a, b []span, aRunes, bRunes int) int {
	if len(a) == 0 {
		return bRunes
	}
	if len(b) == 0 {
		return aRunes
	}
	last, first := a[len(a)-1], b[0]
	if last.para != first.para {
		return aRunes + 1 + bRunes // "\n"
	}
	return aRunes + utf8.RuneCountInString(c.paras[last.para][last.end:first.start]) + bRunes
}

func (c *chunker) unitOf(spans []span) unit {
	u := unit{}
	for _, s := range spans {
		sr := utf8.RuneCountInString(c.paras[s.para][s.start:s.end])
		u.runes = c.join(u.spans, []span{s}, u.runes, sr)
		u.spans = append(u.spans, s)
	}
	return u
}

func (c *chunker) merge(a, b unit) unit {
	return unit{spans: append(append([]span(nil), a.spans...), b.spans...), runes: c.join(a.spans, b.spans, a.runes, b.runes)}
}

// render joins spans: consecutive spans of one paragraph are taken as the
// paragraph's text between them, paragraphs are separated by "\n".
func (c *chunker) render(spans []span) string {
	var b strings.Builder
	for i := 0; i < len(spans); {
		j := i
		for j+1 < len(spans) && spans[j+1].para == spans[i].para {
			j++
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(c.paras[spans[i].para][spans[i].start:spans[j].end])
		i = j + 1
	}
	return b.String()
}

// units builds the packing units: each heading run is glued to the
// paragraph after it; a group that fits MaxRunes is one unit, a longer one
// becomes one unit per sentence (the headings glued to the first).
func (c *chunker) units() []unit {
	type group struct{ paras []int }
	var groups []group
	var pending []int // headings waiting for their paragraph
	for i, p := range c.paras {
		if (isHeading(p) || isQuestion(p)) && i < len(c.paras)-1 {
			pending = append(pending, i)
			continue
		}
		groups = append(groups, group{paras: append(pending, i)})
		pending = nil
	}
	if len(pending) > 0 {
		groups = append(groups, group{paras: pending})
	}

	var out []unit
	for _, g := range groups {
		var sentences [][]span // per paragraph, its sentence spans
		var all []span
		for _, pi := range g.paras {
			var ss []span
			for _, se := range splitSentences(c.paras[pi]) {
				for _, piece := range cutLong(c.paras[pi], se[0], se[1]) {
					ss = append(ss, span{para: pi, start: piece[0], end: piece[1]})
				}
			}
			sentences = append(sentences, ss)
			all = append(all, ss...)
		}
		if whole := c.unitOf(all); whole.runes <= MaxRunes {
			out = append(out, whole)
			continue
		}
		// Too long: sentence units, with the leading headings glued to the
		// first sentence of the body paragraph when that still fits.
		var glue []span
		for gi, ss := range sentences {
			isLeadHeading := gi < len(sentences)-1
			if isLeadHeading {
				glue = append(glue, ss...)
				continue
			}
			for si, s := range ss {
				if si == 0 && len(glue) > 0 {
					if u := c.unitOf(append(append([]span(nil), glue...), s)); u.runes <= MaxRunes {
						out = append(out, u)
						glue = nil
						continue
					}
					for _, h := range glue {
						out = append(out, c.unitOf([]span{h}))
					}
					glue = nil
				}
				out = append(out, c.unitOf([]span{s}))
			}
		}
		for _, h := range glue { // a trailing heading group that was too long
			out = append(out, c.unitOf([]span{h}))
		}
	}
	return out
}

// pack greedily fills chunks up to TargetRunes, lets a short chunk grow up
// to MaxRunes, and folds a short chunk into the one before.
func (c *chunker) pack(units []unit) []unit {
	var out []unit
	var cur unit
	for _, u := range units {
		if len(cur.spans) == 0 {
			cur = u
			continue
		}
		n := c.join(cur.spans, u.spans, cur.runes, u.runes)
		// With several secretaries, a section heading opens a passage once
		// the one before holds a passage's worth: "“孩子放学，有个去处”"
		// starts the second one's section, not the end of the first one's
		// passage.
		// So does the turn to another secretary, whatever the size of
		// the passage before (flush folds a short one into its own).
		turn := c.sections && c.unitOwner(u) != c.ownerOf(cur.spans[len(cur.spans)-1])
		section := turn || c.sections && c.opensSection(u) && cur.runes >= MinRunes
		if !section && (n <= TargetRunes || cur.runes < MinRunes && n <= MaxRunes) {
			cur = c.merge(cur, u)
			continue
		}
		out = c.flush(out, cur)
		cur = u
	}
	if len(cur.spans) > 0 {
		out = c.flush(out, cur)
	}
	return out
}

// opensSection reports a unit that starts with a heading line (a
// paragraph of its own before its body), not with an interviewer's
// question.
func (c *chunker) opensSection(u unit) bool {
	if len(u.spans) < 2 {
		return false
	}
	first := u.spans[0]
	p := c.paras[first.para]
	return first.start == 0 && first.end == len(p) && u.spans[1].para != first.para && isHeading(p)
}

// flush appends cur to out, folding a chunk shorter than MinRunes into the
// one before when the two fit MaxRunes (the next one was too big for it)
// and are about the same secretary.
func (c *chunker) flush(out []unit, cur unit) []unit {
	if k := len(out) - 1; k >= 0 && cur.runes < MinRunes &&
		c.join(out[k].spans, cur.spans, out[k].runes, cur.runes) <= MaxRunes &&
		c.unitOwner(cur) == c.ownerOf(out[k].spans[len(out[k].spans)-1]) {
		out[k] = c.merge(out[k], cur)
		return out
	}
	return append(out, cur)
}

// paragraphs splits cleaned text into trimmed, non-empty lines.
func paragraphs(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// ChunkArticle splits an article's cleaned text into retrievable passages:
// whole paragraphs packed to about TargetRunes, headings kept with the
// paragraph they introduce, long paragraphs split only between sentences,
// no chunk over MaxRunes. Chunk ids hash the article id and the chunk
// text, so they survive re-indexing as long as the passage is unchanged.
func ChunkArticle(a Article) []Chunk {
	c := &chunker{paras: paragraphs(a.Text), sections: len(a.Others) > 0}
	if c.sections {
		c.owners = sentenceOwners(c.paras, a.Meta)
	}
	packed := c.pack(c.units())
	out := make([]Chunk, 0, len(packed))
	seen := map[string]int{}
	for i, u := range packed {
		text := c.render(u.spans)
		out = append(out, Chunk{
			ID:        chunkID(a.ID, text, seen),
			ArticleID: a.ID,
			Seq:       i,
			Text:      text,
			Norm:      zh.ToSimplified(text),
			Meta:      passageMeta(a.Meta, zh.ToSimplified(text), c.aboutOther(u, a.Meta)),
		})
	}
	return out
}

// passageMeta is the metadata of one passage: the article's, except that
// a passage naming another secretary of the article (Meta.Others) and not
// the leader under any of her names is credited to that secretary, with
// none of the leader's role, place or honours: it must not pretend to be
// about the leader. So is a passage that goes on about her (owner, from
// sentenceOwners: "他还牵头开设…" in her section, "与陶玉琴不同，…贺建军…"),
// naming the leader only beside her.
func passageMeta(m Meta, norm, owner string) Meta {
	m = copyMeta(m)
	if len(m.Others) == 0 || m.Leader == "" {
		return m
	}
	for _, k := range append([]string{m.Leader}, m.Aliases...) {
		if k != "" && strings.Contains(norm, zh.ToSimplified(k)) && owner == "" {
			return m
		}
	}
	// Several of them (an award list's paragraphs): the one named first.
	first, at := "", -1
	for _, o := range m.Others {
		if i := strings.Index(norm, zh.ToSimplified(o)); i >= 0 && (at < 0 || i < at) {
			first, at = o, i
		}
	}
	if first == "" && owner != "" && slices.Contains(m.Others, owner) {
		first = owner
	}
	if first != "" {
		m.Others = []string{m.Leader}
		m.Leader, m.Aliases, m.Role, m.Place, m.Honours, m.Methods, m.Secretaries = first, nil, "", "", nil, nil, nil
	}
	return m
}

// ChunkAll chunks every article, in order.
func ChunkAll(as []Article) []Chunk {
	var out []Chunk
	for _, a := range as {
		out = append(out, ChunkArticle(a)...)
	}
	return out
}

// chunkID is the first 16 hex digits of sha256(articleID NUL text). The
// n-th repeat of an identical passage within one article (a caption
// printed twice) gets NUL n appended so ids stay unique.
func chunkID(articleID, text string, seen map[string]int) string {
	key := articleID + "\x00" + text
	if n := seen[key]; n > 0 {
		seen[key] = n + 1
		key += "\x00" + strconv.Itoa(n)
	} else {
		seen[key] = 1
	}
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:8])
}

func copyMeta(m Meta) Meta {
	clone := func(l []string) []string {
		if len(l) == 0 {
			return nil
		}
		return append([]string(nil), l...)
	}
	m.Aliases, m.Honours, m.Methods, m.Others = clone(m.Aliases), clone(m.Honours), clone(m.Methods), clone(m.Others)
	if len(m.Secretaries) > 0 {
		ss := make([]Secretary, len(m.Secretaries))
		for i, s := range m.Secretaries {
			s.Aliases, s.Honours = clone(s.Aliases), clone(s.Honours)
			ss[i] = s
		}
		m.Secretaries = ss
	} else {
		m.Secretaries = nil
	}
	return m
}

// Sentences splits text into its sentences, trimmed and non-empty, with the
// splitter chunking uses: on 。！？!?；; and line breaks, never on '.'
// (95.3%, 1.8萬, 崇善.善治.溢彩), keeping closing quotes with their sentence.
// Every package that needs sentences uses this one, so a passage splits the
// same way when it is chunked, quoted, summarised or turned into a quiz. A
// sentence after the first of its line loses a digit list number opening
// it (the passage keeps it): each is still a substring of its text.
func Sentences(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		for k, sp := range splitSentences(line) {
			s := line[sp[0]:sp[1]]
			if k > 0 {
				// An item of a list run on in its line ("做法有三：1.建台账；
				// 2.开例会；3.搞评议。"): quoted alone, "2.开例会；" points at
				// a list the reader does not see. (A line's own opening
				// number stays: catalog reads numbered steps by it; answers
				// drop it when quoting, with TrimListMark.)
				s = trimListMark(inlineListMarkRe, s)
			}
			out = append(out, s)
		}
	}
	return out
}

// inlineListMarkRe is a digit list number opening a sentence: 2. 3、 2）
// （2） ②.
var inlineListMarkRe = regexp.MustCompile(`^(?:\d{1,2}\s*[.．、)）]|[（(]\d{1,2}[)）]|[①②③④⑤⑥⑦⑧⑨⑩])\s*`)

// quotedListMarkRe is any list number opening a quoted sentence, with
// （二） and ⑪… too: inside a line catalog reads those as a method's items,
// so only a quote drops them.
var quotedListMarkRe = regexp.MustCompile(`^(?:\d{1,2}\s*[.．、)）]|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,2})[)）]|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*`)

// TrimListMark removes a list number opening a sentence quoted alone
// (3、建立居民议事会… → 建立居民议事会…), unless a figure starts there
// (1.8万, 1、2号楼) or nothing would be left. The text keeps it: catalog
// reads a method's numbered steps by it.
func TrimListMark(s string) string { return trimListMark(quotedListMarkRe, s) }

func trimListMark(re *regexp.Regexp, s string) string {
	m := re.FindStringIndex(s)
	if m == nil {
		return s
	}
	rest := s[m[1]:]
	if rest == "" || rest[0] >= '0' && rest[0] <= '9' || rest[0] == '%' {
		return s
	}
	return rest
}

// SentencePieces cuts text where Sentences does, after each sentence end
// or line break (with the closing quotes and further ends or breaks that
// follow), but keeps everything: the pieces concatenate back to text. It is
// for splitting a message at sentence boundaries without losing a
// character.
func SentencePieces(text string) []string {
	var out []string
	start := 0
	eachSentenceEnd(text, func(r rune) bool { return r == '\n' || sentenceEnd(r) }, func(end int) {
		out = append(out, text[start:end])
		start = end
	})
	if start < len(text) {
		out = append(out, text[start:])
	}
	return out
}
