package catalog

import (
	"context"
	"regexp"
	"strings"
	"unicode/utf8"
)

// A method's record (definition, procedure per step, how, problem,
// results) is filled only from sentences about that method. "About" is
// judged by position and wording, never by topic words alone:
//
//   - the definition is the sentence that names and explains it best;
//   - its span is the rest of the definition's paragraph and the following
//     paragraph (more when they go on mentioning the method or its steps),
//     ending at a heading or at a sentence naming another method;
//   - the problem is looked for just before the definition, in the same or
//     the previous paragraph, stopping at a heading, another method's
//     naming or another method's span; or in a 面对…/针对… clause of the
//     definition itself;
//   - results are the span's and the method's own mentions' sentences of
//     outcome (numbers, 如今, 实施以来 …);
//   - procedure: the span's sentences aligned, in order, to the steps they
//     carry out by shared words; how: the span's other sentences when the
//     method has no named steps.
//
// A sentence naming three or more methods is a list: it defines none of
// them and opens no span.

const (
	maxSpanSentences = 24
	maxHow           = 4
	maxResults       = 3
	maxProblem       = 3
	minSlotRunes     = 12
)

var (
	reProblem = regexp.MustCompile(`难|问题|矛盾|纠纷|脏乱差|不清|后进|落后|困难|隐患|短板|痛点|瓶颈|薄弱|涣散|失联|没有|缺|不足|不便|不到|不了|不畅|堵|乱|差|怎么破|如何|怎样|\?|诉求|期盼|烦心|揪心|头疼|无人`)
	reResult  = regexp.MustCompile(`以来|如今|目前|至今|累计|共计|先后|满意率|满意度|成功率|覆盖率|\d+(?:\.\d+)?%|提升了|提高了|增强了|破解了|解决了|化解了|实现了|成为了?|得到了|受到|获评|被评为|荣获|推广|已有|已经|幸福感|获得感`)
	reNumber  = regexp.MustCompile(`\d`)
	// A clause of the definition stating the situation it answers.
	reProblemClause = regexp.MustCompile(`^(?:面对|针对|面临|为解决|为了解决|为破解|为了破解|鉴于|由于)`)
	// Discourse markers that tie a sentence to what came just before.
	reFollowMarker = regexp.MustCompile(`^(?:为此|对此|于是|通过|如今|目前|同时|此外|实施以来|运行以来|开展以来|自此|从此|之后|随后|近年来|今年以来)`)
)

// articleIndex says, per sentence, which methods it sights (names through
// a pattern) and which it mentions (contains a name's key).
type articleIndex struct {
	sighted   [][]int
	mentioned [][]int
	owner     []int   // method whose span a sentence is in, -1 if none
	of        [][]int // per method, the sentences mentioning it, in order
}

func (ix *articleIndex) sights(i, m int) bool   { return containsInt(ix.sighted[i], m) }
func (ix *articleIndex) mentions(i, m int) bool { return containsInt(ix.mentioned[i], m) }
func (ix *articleIndex) isList(i int) bool      { return len(ix.sighted[i]) >= 3 }
func (ix *articleIndex) namesOther(i, m int) bool {
	for _, o := range ix.sighted[i] {
		if o != m && !ix.mentions(i, m) {
			return true
		}
	}
	return false
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// linkMethods sets every method's Mentions, ChunkIDs, Summary and record.
func linkMethods(ctx context.Context, a *article, ms []Method, groups []*group) error {
	ix := &articleIndex{
		sighted:   make([][]int, len(a.sentences)),
		mentioned: make([][]int, len(a.sentences)),
		owner:     make([]int, len(a.sentences)),
	}
	for mi, g := range groups {
		for _, c := range g.cands {
			if !containsInt(ix.sighted[c.sent], mi) {
				ix.sighted[c.sent] = append(ix.sighted[c.sent], mi)
			}
		}
	}
	keys := newKeyIndex()
	for mi := range ms {
		for _, k := range mentionKeys(&ms[mi]) {
			keys.add(k, mi)
		}
	}
	for i, s := range a.sentences {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		ix.mentioned[i] = keys.find(s.key, ix.sighted[i])
		ix.owner[i] = -1
	}
	ix.of = make([][]int, len(ms))
	for i, mis := range ix.mentioned {
		for _, mi := range mis {
			ix.of[mi] = append(ix.of[mi], i)
		}
	}
	chunkMethods := make([][]int, len(a.chunks))
	for ci, ck := range a.chunkKeys {
		chunkMethods[ci] = keys.find(ck, nil)
	}
	for i, ms := range ix.sighted {
		// A sighting always links its chunk, even when its key is too short to search.
		ci := a.chunkPos[a.sentences[i].chunkID]
		for _, mi := range ms {
			if !containsInt(chunkMethods[ci], mi) {
				chunkMethods[ci] = append(chunkMethods[ci], mi)
			}
		}
	}
	for ci, mis := range chunkMethods {
		for _, mi := range mis {
			ms[mi].ChunkIDs = append(ms[mi].ChunkIDs, a.chunks[ci].ID)
		}
	}

	defs := make([]int, len(ms))
	for mi := range ms {
		m := &ms[mi]
		first := groups[mi].first().sent
		best, bestScore := -1, -1000
		for _, i := range ix.of[mi] {
			m.Mentions++
			sc := summaryScore(a.sentences[i], m, ix.sights(i, mi), i == first)
			if ix.isList(i) {
				sc -= 2
			}
			if sc > bestScore {
				best, bestScore = i, sc
			}
		}
		defs[mi] = best
		if best >= 0 {
			s := a.sentences[best]
			m.Summary = cleanDisplay(s.text)
			m.SummaryChunkID = s.chunkID
			m.Definition = &Quote{Text: m.Summary, ChunkID: s.chunkID}
		}
	}
	// Spans first (each sentence belongs to at most one method's span, the
	// earlier definition's), then problems, which must not reach into
	// another method's span.
	spans := make([][]int, len(ms))
	order := sortedByDef(defs)
	for _, mi := range order {
		if defs[mi] < 0 {
			continue
		}
		spans[mi] = span(a, ix, &ms[mi], mi, defs[mi])
		for _, i := range spans[mi] {
			if ix.owner[i] < 0 {
				ix.owner[i] = mi
			}
		}
		ix.owner[defs[mi]] = mi
	}
	for mi := range ms {
		if defs[mi] < 0 {
			continue
		}
		fillRecord(a, ix, &ms[mi], mi, defs[mi], spans[mi])
	}
	return nil
}

func sortedByDef(defs []int) []int {
	idx := make([]int, len(defs))
	for i := range idx {
		idx[i] = i
	}
	// Insertion sort keeps it stable; the number of methods is small, but
	// sort by position anyway so that ownership is decided by reading order.
	for i := 1; i < len(idx); i++ {
		for j := i; j > 0 && defs[idx[j]] < defs[idx[j-1]]; j-- {
			idx[j], idx[j-1] = idx[j-1], idx[j]
		}
	}
	return idx
}

// stepKeys are the bigrams of each step that tie a sentence to it: all
// its two-rune windows except those every step shares (the counted 单 of
// 点单/开单 is in no window alone, but 工作 in 工作到家… would be).
func stepKeys(steps []string) [][]string {
	count := map[string]int{}
	per := make([][]string, len(steps))
	for i, st := range steps {
		k := []rune(key(st))
		seen := map[string]bool{}
		for j := 0; j+2 <= len(k); j++ {
			bi := string(k[j : j+2])
			if hanCount(bi) == 2 && !seen[bi] {
				seen[bi] = true
				per[i] = append(per[i], bi)
				count[bi]++
			}
		}
	}
	for i := range per {
		var keep []string
		for _, bi := range per[i] {
			if count[bi] < len(steps) || len(steps) == 1 {
				keep = append(keep, bi)
			}
		}
		per[i] = keep
	}
	return per
}

func mentionsSteps(s sentence, sk [][]string) bool {
	for _, ks := range sk {
		for _, k := range ks {
			if strings.Contains(s.key, k) {
				return true
			}
		}
	}
	return false
}

// span returns the sentences after the definition that are about the
// method (see the package comment above).
func span(a *article, ix *articleIndex, m *Method, mi, def int) []int {
	if ix.isList(def) {
		return nil
	}
	sk := stepKeys(m.Steps)
	defPara := a.sentences[def].para
	lastInPara := def+1 >= len(a.sentences) || a.sentences[def+1].para != defPara ||
		def+2 >= len(a.sentences) || a.sentences[def+2].para != defPara
	if a.sentences[def].heading {
		lastInPara = true
	}
	var out []int
	para, paras := defPara, 0
	for i := def + 1; i < len(a.sentences) && len(out) < maxSpanSentences; i++ {
		s := a.sentences[i]
		if s.heading || ix.namesOther(i, mi) || ix.owner[i] >= 0 && ix.owner[i] != mi {
			break
		}
		if s.para != para {
			paras++
			para = s.para
			// The next paragraph belongs when the definition closed its own
			// paragraph, or when it goes on with the method or a marker;
			// paragraphs after that only when they mention the method.
			ok := paragraphMentions(a, ix, i, mi, sk)
			if paras == 1 {
				ok = ok || lastInPara || reFollowMarker.MatchString(s.norm)
			}
			if !ok || paras > 3 {
				break
			}
		}
		out = append(out, i)
	}
	return out
}

// paragraphMentions: the paragraph starting at sentence i mentions method
// mi or one of its steps' keys.
func paragraphMentions(a *article, ix *articleIndex, i, mi int, sk [][]string) bool {
	p := a.sentences[i].para
	for j := i; j < len(a.sentences) && a.sentences[j].para == p; j++ {
		if ix.mentions(j, mi) || mentionsSteps(a.sentences[j], sk) {
			return true
		}
	}
	return false
}

// slotWorthy rejects sentences that say nothing on their own: short
// attributions (郭佳说。), headings, slogans quoted whole.
func slotWorthy(s sentence) bool {
	n := utf8.RuneCountInString(s.text)
	if n < minSlotRunes || s.heading {
		return false
	}
	t := strings.TrimRight(s.norm, "。!?;")
	if strings.HasPrefix(t, "“") && strings.HasSuffix(t, "”") && n < 30 {
		return false
	}
	return true
}

func isResult(s sentence) bool {
	if !reResult.MatchString(s.norm) {
		return false
	}
	return reNumber.MatchString(s.norm) || strings.Contains(s.norm, "如今") || strings.Contains(s.norm, "以来") ||
		strings.Contains(s.norm, "成为") || strings.Contains(s.norm, "破解") || strings.Contains(s.norm, "满意")
}

func quoteOf(s sentence) Quote { return Quote{Text: cleanDisplay(s.text), ChunkID: s.chunkID} }

// fillRecord fills Problem, Results, Procedure or How, and Unexpanded.
func fillRecord(a *article, ix *articleIndex, m *Method, mi, def int, sp []int) {
	d := a.sentences[def]
	m.Problem = problemOf(a, ix, mi, def)

	inSpan := map[int]bool{}
	for _, i := range sp {
		inSpan[i] = true
	}
	// Results: the span's outcome sentences, then the method's own
	// mentions elsewhere (not lists, not inside another method's span).
	used := map[int]bool{def: true}
	if c := resultClause(d, m); c != "" {
		m.Results = append(m.Results, Quote{Text: c, ChunkID: d.chunkID})
	}
	var rest []int
	for _, i := range sp {
		if slotWorthy(a.sentences[i]) && isResult(a.sentences[i]) && len(m.Results) < maxResults {
			m.Results = append(m.Results, quoteOf(a.sentences[i]))
			used[i] = true
			continue
		}
		rest = append(rest, i)
	}
	for _, i := range ix.of[mi] {
		if len(m.Results) >= maxResults {
			break
		}
		if used[i] || inSpan[i] || ix.isList(i) || ix.owner[i] >= 0 && ix.owner[i] != mi || i < def {
			continue
		}
		if s := a.sentences[i]; slotWorthy(s) && isResult(s) {
			m.Results = append(m.Results, quoteOf(s))
			used[i] = true
		}
	}

	if len(m.Steps) > 0 {
		m.Procedure = alignSteps(a, m.Steps, rest)
	} else {
		for _, i := range rest {
			if len(m.How) == maxHow {
				break
			}
			if s := a.sentences[i]; slotWorthy(s) {
				m.How = append(m.How, quoteOf(s))
			}
		}
	}
	procedure := false
	for _, p := range m.Procedure {
		procedure = procedure || len(p) > 0
	}
	if !procedure {
		m.Procedure = nil
	}
	m.Unexpanded = len(m.Steps) == 0 && len(m.How) == 0 && len(m.Results) == 0 && len(m.Problem) == 0
}

// problemOf looks for the problem a method answers: a 面对…/针对… clause of
// the definition, and the difficulty told just before it.
func problemOf(a *article, ix *articleIndex, mi, def int) []Quote {
	var out []Quote
	d := a.sentences[def]
	if c := problemClause(d); c != "" {
		out = append(out, Quote{Text: c, ChunkID: d.chunkID})
	}
	if ix.isList(def) {
		return out
	}
	defPara := d.para
	var back []int
	skipped := 0
	for i := def - 1; i >= 0 && len(back) < maxProblem; i-- {
		s := a.sentences[i]
		if s.heading || s.para < defPara-1 || ix.owner[i] >= 0 && ix.owner[i] != mi || len(ix.sighted[i]) > 0 {
			break
		}
		if !slotWorthy(s) || !reProblem.MatchString(s.norm) || isResult(s) {
			if len(back) > 0 || skipped > 0 {
				break
			}
			skipped++
			continue
		}
		back = append(back, i)
	}
	for k := len(back) - 1; k >= 0; k-- {
		out = append(out, quoteOf(a.sentences[back[k]]))
	}
	return out
}

// problemClause returns the leading 面对…/针对… clause of a definition, when
// it states a situation (…的实际, …难题, …问题).
func problemClause(s sentence) string {
	clauses := clauseSpans(s.norm)
	if len(clauses) < 2 {
		return ""
	}
	c := clauses[0]
	t := s.norm[c[0]:c[1]]
	if !reProblemClause.MatchString(t) || !reProblem.MatchString(t) && !strings.HasSuffix(t, "实际") && !strings.HasSuffix(t, "需求") {
		return ""
	}
	return origText(s, c[0], c[1])
}

// resultClause returns the part of the definition after the method's name
// that reports an outcome with a number (…,各社区共召开恳谈会50余次,解决了…).
func resultClause(s sentence, m *Method) string {
	pos := -1
	for _, k := range append([]string{key(m.Name)}, mentionKeys(m)...) {
		if i := strings.Index(s.norm, strings.TrimSpace(k)); i >= 0 {
			pos = i
			break
		}
	}
	if pos < 0 {
		return ""
	}
	clauses := clauseSpans(s.norm)
	for ci, c := range clauses {
		if ci == 0 || c[0] <= pos {
			continue
		}
		t := s.norm[c[0]:]
		if reNumber.MatchString(s.norm[c[0]:c[1]]) && reResult.MatchString(t) || strings.HasPrefix(s.norm[c[0]:c[1]], "累计") {
			return strings.TrimRight(origText(s, c[0], len(s.norm)), "。;")
		}
	}
	return ""
}

// clauseSpans splits a normalised sentence at commas and semicolons.
func clauseSpans(n string) [][2]int {
	var out [][2]int
	start := 0
	for i, r := range n {
		if r == ',' || r == ';' {
			if i > start {
				out = append(out, [2]int{start, i})
			}
			start = i + utf8.RuneLen(r)
		}
	}
	if start < len(n) {
		out = append(out, [2]int{start, len(n)})
	}
	return out
}

// origText cuts the original-script text at a byte span of the norm when
// the two are aligned, else returns the normalised span.
func origText(s sentence, start, end int) string {
	if o := origSpan(s, start, end); o != "" {
		return strings.TrimSpace(o)
	}
	return strings.TrimSpace(s.norm[start:end])
}

// alignSteps assigns the span's sentences to the steps they carry out.
// A sentence scores for a step by the step's bigrams it contains; the
// assignment keeps the steps' order (a procedure is told in order) and
// maximises the score plus a bonus per step covered, by dynamic
// programming. Unscored sentences between two sentences of one step, in
// its paragraph, continue that step.
func alignSteps(a *article, steps []string, sents []int) [][]Quote {
	n := len(steps)
	out := make([][]Quote, n)
	if len(sents) == 0 {
		return out
	}
	sk := stepKeys(steps)
	score := make([][]int, len(sents))
	for j, i := range sents {
		score[j] = make([]int, n)
		if !slotWorthy(a.sentences[i]) {
			continue
		}
		for st := range steps {
			for _, k := range sk[st] {
				if strings.Contains(a.sentences[i].key, k) {
					score[j][st] += 2
				}
			}
			// The step written out whole is the strongest tie.
			if strings.Contains(a.sentences[i].key, key(steps[st])) {
				score[j][st] += 4
			}
		}
	}
	const bonus = 3
	const none = -1
	// dp[j][s+1]: best total over sents[:j] with the last assigned step s
	// (s == -1: none yet).
	type cell struct {
		v    int
		prev int // previous state
		step int // step assigned to sentence j-1, or none
	}
	dp := make([][]cell, len(sents)+1)
	for j := range dp {
		dp[j] = make([]cell, n+1)
		for s := range dp[j] {
			dp[j][s].v = -1 << 30
		}
	}
	dp[0][0].v = 0
	for j := 0; j < len(sents); j++ {
		for s := 0; s <= n; s++ {
			cur := dp[j][s]
			if cur.v == -1<<30 {
				continue
			}
			if cur.v > dp[j+1][s].v { // sentence j unassigned
				dp[j+1][s] = cell{v: cur.v, prev: s, step: none}
			}
			from := s - 1
			if from < 0 {
				from = 0
			}
			for st := from; st < n; st++ {
				if score[j][st] == 0 {
					continue
				}
				v := cur.v + score[j][st]
				if st+1 != s {
					v += bonus
				}
				if v > dp[j+1][st+1].v {
					dp[j+1][st+1] = cell{v: v, prev: s, step: st}
				}
			}
		}
	}
	bestS := 0
	for s := 1; s <= n; s++ {
		if dp[len(sents)][s].v > dp[len(sents)][bestS].v {
			bestS = s
		}
	}
	assign := make([]int, len(sents))
	for j, s := len(sents), bestS; j > 0; j-- {
		c := dp[j][s]
		assign[j-1] = c.step
		s = c.prev
	}
	// Continuations: an unscored sentence after a step's sentence, in the
	// same paragraph and before the next step's, carries on that step.
	last, lastPara := none, -1
	for j, i := range sents {
		s := a.sentences[i]
		if assign[j] != none {
			last, lastPara = assign[j], s.para
			continue
		}
		if last != none && s.para == lastPara && slotWorthy(s) && laterAssigned(assign, j) {
			assign[j] = last
		}
	}
	for j, i := range sents {
		if assign[j] != none {
			out[assign[j]] = append(out[assign[j]], quoteOf(a.sentences[i]))
		}
	}
	return out
}

// laterAssigned: some sentence after j is assigned, so j lies between two.
func laterAssigned(assign []int, j int) bool {
	for _, s := range assign[j+1:] {
		if s >= 0 {
			return true
		}
	}
	return false
}
