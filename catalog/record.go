package catalog

import (
	"bangyang/zh"
	"context"
	"regexp"
	"slices"
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
	reResult  = regexp.MustCompile(`以来|如今|目前|至今|累计|共计|先后|满意率|满意度|成功率|覆盖率|\d+(?:\.\d+)?%|提升了|提高了|增强了|破解了|解决了|化解了|实现了|已成为|成为了|得到了|受到|获评|被评为|荣获|推广|已有|已经|幸福感|获得感`)
	reNumber  = regexp.MustCompile(`\d`)
	// Words that say a sentence tells what came of a practice, whatever
	// else it names.
	reOutcome = regexp.MustCompile(`以来|如今|累计|共计|满意率|满意度|成功率|提升了|提高了|实现了`)
	// A completed action with a count: 对接了46个项目, 改造了11个院落.
	reDone = regexp.MustCompile(`(?:解决|办结|办理|改造|对接|完成|帮助|帮扶|服务|调解|化解|建成|实现|引进|培育|发展|吸纳|覆盖|救助|修缮|加装|收集)了?\p{Han}{0,4}?(?:\d|[一二三四五六七八九十百千万两]+[个件户次名项家条])`)
	// Honours and posts: about the person, not how a method works.
	reHonour = regexp.MustCompile(`当选|被评为|评为|荣获|获评|授予|表彰|叫她|叫他|称她|称他|喊她|喊他|称为|是\p{Han}{1,3}族|\d{4}年(?:来到|进入|调到|起担任|起任)`)
	// Doing something: a sentence that sets up a practice tells no problem.
	reDoing = regexp.MustCompile(`建立|设立|成立|组建|建起|着手|推行|打造|创办|开设`)
	// A clause of the definition stating the situation it answers.
	reProblemClause = regexp.MustCompile(`^(?:面对|针对|面临|为解决|为了解决|为破解|为了破解|鉴于|由于)`)
	// A clause naming a situation: 针对独居老人多的情况.
	reSituation = regexp.MustCompile(`(?:实际|需求|情况|现状|状况|局面|特点)$`)
	// Discourse markers that tie a sentence to what came just before.
	reFollowMarker = regexp.MustCompile(`^(?:\p{Han}{1,6}:)?(?:为此|对此|于是|通过|如今|目前|同时|此外|实施以来|运行以来|开展以来|自此|从此|之后|随后|近年来|今年以来|(?:\d+|[一二三四五六七八九十两几]+)年(?:多)?来)`)
)

// articleIndex says, per sentence, which methods it sights (names through
// a pattern) and which it mentions (contains a name's key).
type articleIndex struct {
	df        map[string]int // sentences per bigram
	maxDF     int            // more than this and a bigram is common here
	own       []string       // keys naming the article's leader (她 aside)
	stepsOf   [][]string     // per method, the keys of its steps of 3+ runes
	sighted   [][]int
	mentioned [][]int
	owner     []int   // method whose span a sentence is in, -1 if none
	of        [][]int // per method, the sentences mentioning it, in order
}

func (ix *articleIndex) sights(i, m int) bool   { return containsInt(ix.sighted[i], m) }
func (ix *articleIndex) mentions(i, m int) bool { return containsInt(ix.mentioned[i], m) }
func (ix *articleIndex) isList(i int) bool      { return len(ix.sighted[i]) >= 3 }
func (ix *articleIndex) namesOther(a *article, i, m int) bool {
	if ix.mentions(i, m) {
		return false
	}
	for _, o := range ix.mentioned[i] {
		if o != m {
			return true
		}
	}
	// Another method's steps spelled out (民情沟通零距离…) are about it.
	for o, keys := range ix.stepsOf {
		if o != m && containsAny(a.sentences[i].key, keys) {
			return true
		}
	}
	return false
}

// turnsTo: the sentence turns to another matter (除了…，她还…; 此外…).
func turnsTo(s sentence) bool {
	return strings.HasPrefix(s.norm, "除了") || reNewTopic.MatchString(s.norm)
}

// introducesOther: sentence i names another method for the first time
// (除了“三步工作法”，她还创办了“邻里互助站”…), even while it mentions m.
func (ix *articleIndex) introducesOther(i, m int) bool {
	for _, o := range ix.sighted[i] {
		if o != m && len(ix.of[o]) > 0 && ix.of[o][0] == i {
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
	ix.df = bigramDF(a, ms)
	ix.maxDF = max(3, len(a.sentences)/20)
	if a.meta.Leader != "" {
		ix.own = []string{key(a.meta.Leader)}
	}
	ix.stepsOf = make([][]string, len(ms))
	for mi := range ms {
		lead := sharedLead(ms[mi].Steps)
		for _, st := range ms[mi].Steps {
			if k := key(st); utf8.RuneCountInString(k) >= 3 {
				ix.stepsOf[mi] = append(ix.stepsOf[mi], k)
				// 注重摸清民意 is carried out as 在摸清民意方面，…: the step
				// without the word every step opens with.
				if r := strings.TrimPrefix(k, lead); lead != "" && utf8.RuneCountInString(r) >= 3 {
					ix.stepsOf[mi] = append(ix.stepsOf[mi], r)
				} else if rs := []rune(k); lead == "" && len(rs) >= 5 && leadVerbs[string(rs[:2])] {
					ix.stepsOf[mi] = append(ix.stepsOf[mi], string(rs[2:])) // 在组织引领上，… of 强化组织引领
				}
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
		if best >= 0 && a.sentences[best].heading && best+1 < len(a.sentences) && !a.sentences[best+1].heading {
			// Named only by its section heading (一、周末小课堂): the
			// section's first sentence says what it is.
			best++
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
	// Steps told under headings of their own (一、居民点单 / ### 社区派单):
	// what each heading holds is that step's, whatever stands between the
	// naming and the first of them.
	bodies := make([][][]int, len(ms))
	for _, mi := range order {
		if defs[mi] < 0 {
			continue
		}
		hs := stepHeads(a, groups[mi].first().sent, ms[mi].Steps)
		if hs != nil {
			bodies[mi] = headBodies(a, ix, mi, hs)
		} else if hs = openerHeads(a, defs[mi], ms[mi].Steps); hs != nil && a.sentences[hs[0]].para > a.sentences[defs[mi]].para {
			// （一）组织联建：…（二）资源联用：… each part's paragraphs.
			bodies[mi] = openerBodies(a, ix, mi, hs, ms[mi].Steps)
		}
		if hs != nil {
			told := 0
			for _, b := range bodies[mi] {
				if len(b) > 0 {
					told++
				}
			}
			if 2*told <= len(hs) {
				bodies[mi] = nil // one-line items of a list, nothing under them
				continue
			}
			for _, b := range bodies[mi] {
				for _, i := range b {
					if ix.owner[i] < 0 {
						ix.owner[i] = mi
					}
				}
			}
		}
	}
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
		fillRecord(a, ix, &ms[mi], mi, defs[mi], spans[mi], bodies[mi], !groups[mi].dimensions)
		if ms[mi].Unexpanded && defExplains(a.sentences[defs[mi]], mi, groups) && !ix.isList(defs[mi]) {
			ms[mi].Unexpanded = false
		}
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

// nameBigrams are the distinctive two-rune parts of a method's name
// (网格 of 网格化管理), which tie a following paragraph to it.
func nameBigrams(ix *articleIndex, name string) []string {
	rs := []rune(key(name))
	var out []string
	for j := 0; j+2 <= len(rs); j++ {
		bi := string(rs[j : j+2])
		// A part found all over the article (仁和 of 仁和社区) ties nothing.
		if zh.HanCount(bi) == 2 && !genericBigram(bi) && !strings.ContainsAny(bi, numerals) && ix.df[bi] <= ix.maxDF {
			out = append(out, bi)
		}
	}
	return out
}

// bigramDF counts, for the Han bigrams of the methods' names, the
// sentences containing each.
func bigramDF(a *article, ms []Method) map[string]int {
	df := map[string]int{}
	for _, m := range ms {
		rs := []rune(key(m.Name))
		for j := 0; j+2 <= len(rs); j++ {
			if zh.IsHan(rs[j]) && zh.IsHan(rs[j+1]) {
				df[string(rs[j:j+2])] = 0
			}
		}
	}
	if len(df) == 0 {
		return df
	}
	last := map[string]int{} // bigram → last sentence counted, +1
	for si, s := range a.sentences {
		k := s.key
		for i := 0; i < len(k); {
			r1, n1 := utf8.DecodeRuneInString(k[i:])
			if i+n1 >= len(k) {
				break
			}
			_, n2 := utf8.DecodeRuneInString(k[i+n1:])
			bi := k[i : i+n1+n2]
			if _, ok := df[bi]; ok && zh.IsHan(r1) && last[bi] != si+1 {
				last[bi] = si + 1
				df[bi]++
			}
			i += n1
		}
	}
	return df
}

// reAnaphor opens a sentence that refers back to a method: 靠着这套办法,
// 这一做法, 依靠…, 通过这一机制.
var reAnaphor = regexp.MustCompile(`^(?:靠着|依靠|凭着|通过|借助)?(?:这套|这一|这种|这个|该|此)(?:办法|做法|工作法|机制|模式|方法|举措|经验)|^此举`)

// span returns the sentences after the definition that are about the
// method (see the package comment above): the rest of its paragraph; the
// next paragraph when it goes on with the method (its name, its steps, a
// distinctive part of its name, or a marker such as 为此/如今/这一做法);
// later paragraphs from the sentence that mentions the method again.
// A heading, another method's naming or another method's steps end it.
func span(a *article, ix *articleIndex, m *Method, mi, def int) []int {
	if ix.isList(def) {
		return nil
	}
	sk := stepKeys(m.Steps)
	bigrams := nameBigrams(ix, m.Name)
	var out []int
	para, paras := a.sentences[def].para, 0
	skipping := false
	header := false  // the paragraph before was a step's ordinal header alone (第二步是“议”。)
	inSteps := false // the paragraph is one of the method's parts told in turn
	next := 0        // the step whose header may come next
	for i := def + 1; i < len(a.sentences) && len(out) < maxSpanSentences; i++ {
		s := a.sentences[i]
		if s.heading && ix.mentions(i, mi) && len(out) == 0 {
			continue // its own section's heading (一、三步清单法)
		}
		if s.heading && !(s.para != para && stepHeaderFrom(s, m.Steps, &next)) && !(next > 0 && bodyLine(s)) {
			break // a heading ends it, unless it heads a step (畅通渠道“听”) or is a line told under one
		}
		if (ix.namesOther(a, i, mi) || turnsTo(s) && ix.introducesOther(i, mi) || ix.owner[i] >= 0 && ix.owner[i] != mi) && !(inSteps && s.para == para) && !(header && s.para != para) {
			// Another method ends it — unless it is named inside one of
			// this method's steps ("第一步，建强党员队伍。社区党委组建了
			// “闪亮蒲公英”服务队").
			break
		}
		if s.para != para {
			para = s.para
			// An interviewer's question (记者：效果怎么样？) stands between the
			// answers about the method: it neither ends nor counts.
			if question(a, i) {
				continue
			}
			// A resident's words between two of its steps (第二步…/“以前…
			// 现在…”居民吴阿婆说。/第三步…) neither end nor count.
			if inSteps && quotedWords(a, i) {
				continue
			}
			// Steps told one by one under their ordinals: a header and the
			// paragraph after it go on with the method without counting.
			wasHeader := header
			part := len(m.Steps) > 0 && reEnumOpen.MatchString(s.key) && (mentionsSteps(s, sk) || strings.HasPrefix(strings.TrimLeft(s.key, "“"), "第")) ||
				s.heading || stepHeaderFrom(s, m.Steps, &next)
			header = part && (i+1 >= len(a.sentences) || a.sentences[i+1].para != s.para)
			inSteps = wasHeader || part
			if inSteps {
				skipping = false
				out = append(out, i)
				continue
			}
			// A paragraph carrying out one of its steps by name (…由党员领办，
			// 一名党员牵头一件事) goes on with it without counting.
			if len(ix.stepsOf[mi]) >= 2 && paragraphHas(a, i, ix.stepsOf[mi]) {
				skipping = false
				out = append(out, i)
				continue
			}
			paras++
			if paras > 3 {
				break
			}
			switch {
			case paras == 1 && (paragraphMentions(a, ix, i, mi, sk, bigrams) || reFollowMarker.MatchString(s.norm) || reAnaphor.MatchString(s.norm)):
				skipping = false
			case paragraphMentions(a, ix, i, mi, sk, nil):
				skipping = true // from the sentence that mentions it again
			case paras == 1 && len(ix.stepsOf[mi]) >= 2 && nextParaOpensStep(a, i, ix.stepsOf[mi]):
				// A paragraph of setting (社区建成于上世纪80年代…) before the
				// steps told one by one (在摸清民意方面，…): skipped.
				skipping = true
			default:
				return out
			}
		}
		if skipping {
			if !ix.mentions(i, mi) && !mentionsSteps(s, sk) {
				continue
			}
			skipping = false
		}
		out = append(out, i)
	}
	return out
}

// bodyLine: a line read as a heading for want of a full stop that reads
// as a sentence (a bullet under a step: 网格员每天巡查楼栋，把…记进民情日记).
func bodyLine(s sentence) bool {
	return s.heading && (strings.ContainsAny(s.norm, ",、;") || utf8.RuneCountInString(s.text) > 16)
}

// stepHeaderFrom: the sentence heads one of the steps from *next on
// (see stepHeaderOf), and *next moves past it.
func stepHeaderFrom(s sentence, steps []string, next *int) bool {
	for j := *next; j < len(steps); j++ {
		if stepHeaderOf(s, steps, j) {
			*next = j + 1
			return true
		}
	}
	return false
}

// nextParaOpensStep: the paragraph after sentence i's opens with one of
// the steps' keys in its first clause (在摸清民意方面，… / 针对议事协商，…).
func nextParaOpensStep(a *article, i int, keys []string) bool {
	p := a.sentences[i].para
	for j := i + 1; j < len(a.sentences); j++ {
		if a.sentences[j].para == p {
			continue
		}
		if a.sentences[j].heading {
			return false
		}
		k := a.sentences[j].key
		if c := strings.IndexAny(k, ",:;。"); c >= 0 {
			k = k[:c]
		}
		return containsAny(k, keys)
	}
	return false
}

// paragraphHas: the paragraph starting at sentence i contains one of keys.
func paragraphHas(a *article, i int, keys []string) bool {
	p := a.sentences[i].para
	for j := i; j < len(a.sentences) && a.sentences[j].para == p; j++ {
		if containsAny(a.sentences[j].key, keys) {
			return true
		}
	}
	return false
}

// before returns the sentences before the definition that may carry out
// the method's steps: its paragraph's and the two before, back to a
// heading, another method's naming or span, or the article's first
// paragraph (which introduces the secretary).
func before(a *article, ix *articleIndex, mi, def int) []int {
	var out []int
	para, paras := a.sentences[def].para, 0
	for i := def - 1; i >= 0; i-- {
		s := a.sentences[i]
		if s.heading || s.para == 0 || ix.owner[i] >= 0 && ix.owner[i] != mi || ix.namesOther(a, i, mi) {
			break
		}
		if s.para != para {
			para = s.para
			if paras++; paras > 2 {
				break
			}
		}
		out = append(out, i)
	}
	slices.Reverse(out)
	return out
}

func anyQuote(p [][]Quote) bool { return covered(p) > 0 }

// covered counts the steps with a procedure.
func covered(p [][]Quote) int {
	n := 0
	for _, q := range p {
		if len(q) > 0 {
			n++
		}
	}
	return n
}

// reSaid closes a quotation with who said it.
var reSaid = regexp.MustCompile(`”\p{Han}{0,10}(?:说|表示|感慨|告诉记者|笑着说)`)

// quotedWords: the paragraph starting at sentence i is somebody's words in
// quotes (“以前有事不知道找谁……”居民吴阿婆说。).
func quotedWords(a *article, i int) bool {
	if !strings.HasPrefix(a.sentences[i].norm, "“") {
		return false
	}
	p := a.sentences[i].para
	var b strings.Builder
	for j := i; j < len(a.sentences) && a.sentences[j].para == p && b.Len() < 600; j++ {
		b.WriteString(a.sentences[j].norm)
	}
	return reSaid.MatchString(b.String())
}

// question: sentence i is a paragraph of its own asking a short question.
func question(a *article, i int) bool {
	s := a.sentences[i]
	last := i+1 >= len(a.sentences) || a.sentences[i+1].para != s.para
	t := strings.TrimSpace(s.norm)
	return last && utf8.RuneCountInString(t) <= 30 && (strings.HasSuffix(t, "?") || strings.HasSuffix(t, "？"))
}

// paragraphMentions: the paragraph starting at sentence i mentions method
// mi or one of its steps' keys.
func paragraphMentions(a *article, ix *articleIndex, i, mi int, sk [][]stepKey, bigrams []string) bool {
	p := a.sentences[i].para
	for j := i; j < len(a.sentences) && a.sentences[j].para == p; j++ {
		if ix.mentions(j, mi) || mentionsSteps(a.sentences[j], sk) || containsAny(a.sentences[j].key, bigrams) {
			return true
		}
	}
	return false
}

// slotWorthy rejects sentences that say nothing on their own: short
// attributions (郭佳说。), headings, slogans quoted whole, and sentences
// about another organisation's doings.
func (ix *articleIndex) slotWorthy(s sentence) bool {
	n := utf8.RuneCountInString(s.text)
	if n < minSlotRunes || s.heading {
		return false
	}
	t := strings.TrimRight(s.norm, "。!?;")
	if strings.HasPrefix(t, "“") && strings.HasSuffix(t, "”") && n < 30 {
		return false
	}
	// Another organisation's doings (兰州银行城关支行开展…) are not the method's.
	return !partnerSentence(s.key, ix.own)
}

// reNamesTheAbove opens a sentence naming what was just told (这个办法我们
// 叫…, 这种做法被居民称为…, 这就是…).
var reNamesTheAbove = regexp.MustCompile(`^(?:这个|这种|这项|这一|这套|这样的|这些)(?:办法|做法|法子|机制|制度|活动|服务|模式)|^这(?:就)?是(?:我们|社区)?(?:的|说的|所说的)?“`)

// fillRecord fills Problem, Results, Procedure or How, and Unexpanded.
//
// bodies, when set, are the sentences told under each step's heading:
// they are its procedure, and no other slot's.
func fillRecord(a *article, ix *articleIndex, m *Method, mi, def int, sp []int, bodies [][]int, procedural bool) {
	d := a.sentences[def]
	m.Problem = problemOf(a, ix, mi, def)
	if len(m.Problem) == 0 && len(sp) == 0 {
		m.Problem = problemAfterLead(a, ix, mi, def)
	}

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
	align := procedural && (alignable(m.Steps) || stepsOpenSentences(a, m.Steps, sp) || ordinalHeaders(a, sp, m.Steps) != nil)
	underHeads := map[int]bool{}
	for _, b := range bodies {
		for _, i := range b {
			underHeads[i] = true
		}
	}
	var rest []int
	for _, i := range sp {
		if underHeads[i] {
			continue
		}
		// A sentence spelling out a step is its procedure, numbers or not —
		// unless it says what came of it (实行民主议单以来，…).
		if align && containsAny(a.sentences[i].key, ix.stepsOf[mi]) && !reOutcome.MatchString(a.sentences[i].norm) {
			rest = append(rest, i)
			continue
		}
		if ix.slotWorthy(a.sentences[i]) && isResult(a.sentences[i]) && len(m.Results) < maxResults {
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
		if s := a.sentences[i]; ix.slotWorthy(s) && isResult(s) {
			m.Results = append(m.Results, quoteOf(s))
			used[i] = true
		}
	}

	if procedural && bodies != nil {
		m.Procedure = make([][]Quote, len(m.Steps))
		for j, b := range bodies {
			for _, i := range b {
				if s := a.sentences[i]; ix.slotWorthy(s) {
					m.Procedure[j] = append(m.Procedure[j], quoteOf(s))
				}
			}
		}
	} else if align {
		m.Procedure = alignSteps(a, ix, m.Steps, rest)
		if !anyQuote(m.Procedure) && alignable(m.Steps) {
			// Told before it was named (…就这样，她摸索出了“四步工作法”：
			// 民情摸底、…): the paragraphs just before carry out the steps —
			// most of them, else it is other narrative sharing a word.
			if p := alignSteps(a, ix, m.Steps, before(a, ix, mi, def)); 2*covered(p) > len(p) && covered(p) >= 2 {
				m.Procedure = p
			}
		}
	} else {
		for _, i := range rest {
			if len(m.How) == maxHow {
				break
			}
			if s := a.sentences[i]; ix.slotWorthy(s) && !reHonour.MatchString(s.norm) {
				m.How = append(m.How, quoteOf(s))
				used[i] = true
			}
		}
		// Then the method's own later mentions, outside the span.
		for _, i := range ix.of[mi] {
			if len(m.How) == maxHow {
				break
			}
			if s := a.sentences[i]; i > def && !used[i] && !inSpan[i] && !ix.isList(i) && (ix.owner[i] < 0 || ix.owner[i] == mi) && ix.slotWorthy(s) && !reHonour.MatchString(s.norm) && len(ix.sighted[i]) <= 1 {
				m.How = append(m.How, quoteOf(s))
				used[i] = true
			}
		}
	}
	if len(m.How) == 0 && len(m.Procedure) == 0 && reNamesTheAbove.MatchString(strings.TrimLeft(d.norm, "“ ")) {
		// 这个办法我们叫“巷长制”: the name is given to what the sentences
		// before it in its paragraph told.
		var told []Quote
		for i := def - 1; i >= 0 && len(told) < maxHow; i-- {
			s := a.sentences[i]
			if s.para != d.para || s.heading || ix.owner[i] >= 0 && ix.owner[i] != mi || ix.namesOther(a, i, mi) {
				break
			}
			if ix.slotWorthy(s) && !reHonour.MatchString(s.norm) {
				told = append(told, quoteOf(s))
			}
		}
		slices.Reverse(told)
		m.How = told
	}
	if len(m.Steps) >= 2 {
		clauseProcedure(a, m, append([]int{def}, sp...))
		defClauseProcedure(d, m)
	}
	if classSorted(m.Steps) {
		// 每到季度末重新评定颜色，…降为黄色或绿色: re-sorting them all, no
		// one class's doing.
		for j := range m.Procedure {
			m.Procedure[j] = slices.DeleteFunc(m.Procedure[j], func(q Quote) bool { return reRegrade.MatchString(norm(q.Text)) })
		}
	}
	if len(m.Steps) > 1 && len(m.Procedure) == len(m.Steps) && len(m.Procedure[0]) == 0 && len(m.Procedure[1]) > 0 && m.Definition != nil &&
		opensFirstStep(norm(m.Definition.Text), m.Steps[0]) {
		// "我们推行“三会一访”：第一是楼栋会，每月一次，…；第二是…": the
		// first step is told in the clause of the naming sentence.
		m.Procedure[0] = []Quote{*m.Definition}
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

// clauseProcedure: a sentence telling two or more of the steps, each in
// clauses opening with its name (红色是…，黄色是…，绿色是…), gives each step
// its own clauses, not the whole sentence.
func clauseProcedure(a *article, m *Method, sents []int) {
	type open struct{ step, pos int }
	for _, i := range sents {
		s := a.sentences[i]
		var opens []open
		next := 0
		for _, p := range clauseStarts(s.norm) {
			if next >= len(m.Steps) {
				break
			}
			t := strings.TrimLeft(s.norm[p:], "“ ")
			t = strings.TrimPrefix(strings.TrimPrefix(t, "对于"), "对")
			if strings.HasPrefix(t, norm(m.Steps[next])) {
				opens = append(opens, open{next, p})
				next++
			}
		}
		if len(opens) < 2 {
			continue
		}
		// Each clause tells its step, not only names it (居民提事，大家议事).
		told := true
		for j, o := range opens {
			end := len(s.norm)
			if j+1 < len(opens) {
				end = opens[j+1].pos
			}
			told = told && zh.HanCount(s.norm[o.pos:end]) >= zh.HanCount(m.Steps[o.step])+4
		}
		if !told {
			continue
		}
		if m.Procedure == nil {
			m.Procedure = make([][]Quote, len(m.Steps))
		}
		whole := cleanDisplay(s.text)
		for st := range m.Procedure {
			m.Procedure[st] = slices.DeleteFunc(m.Procedure[st], func(q Quote) bool { return q.Text == whole || q.Text == s.text })
		}
		for j, o := range opens {
			end := len(s.norm)
			if j+1 < len(opens) {
				end = opens[j+1].pos
			}
			text := strings.TrimRight(origText(s, o.pos, end), ",;，；、 ")
			m.Procedure[o.step] = append(m.Procedure[o.step], Quote{Text: text, ChunkID: s.chunkID})
		}
	}
}

// reRegrade tells how members move between classes (重新评定, 降为黄色,
// 调整类别, 动态管理).
var reRegrade = regexp.MustCompile(`重新(?:评定|认定|划分|分类|核定|评估)|[转升降调]为\p{Han}{0,2}(?:色|户|类|级)|调整类别|动态(?:调整|管理)`)

// classSorted: the items are classes of people or homes (红色户、黄色户;
// 重点户、关注户、普通户), not steps in an order.
func classSorted(steps []string) bool {
	if len(steps) < 2 {
		return false
	}
	for _, st := range steps {
		if !reClassItem.MatchString(key(st)) {
			return false
		}
	}
	return true
}

var reClassItem = regexp.MustCompile(`^\p{Han}{1,4}(?:户|类|级|家庭|对象|人员)$|^[` + colourRunes + `]色$`)

// defClauseProcedure: the definition goes on into the first step's doing
// (推行“三访工作法”，一访困难户，每月上门送去米面油；二访… in the next
// sentences): a step it opens at a clause and tells, with no procedure
// of its own yet, has that clause on.
func defClauseProcedure(d sentence, m *Method) {
	type clause struct{ step, start, end int }
	var cs []clause
	for j, st := range m.Steps {
		k := norm(st)
		for _, p := range clauseStarts(d.norm)[1:] {
			t := strings.TrimLeft(d.norm[p:], "“ ")
			if !strings.HasPrefix(t, k) {
				continue
			}
			// Its clause runs to the next step named.
			from := p + (len(d.norm[p:]) - len(t)) + len(k)
			end := len(d.norm)
			for o, st2 := range m.Steps {
				if o == j {
					continue
				}
				if utf8.RuneCountInString(norm(st2)) == 1 {
					// 提、审、议、办: a one-character step is named only
					// where a clause opens with it, not inside 议题.
					for _, q := range clauseStarts(d.norm) {
						if q > from && q < end && strings.HasPrefix(trimColumnLabel(strings.TrimLeft(d.norm[q:], "“ ")), norm(st2)) {
							end = q
							break
						}
					}
					continue
				}
				if i := strings.Index(d.norm[from:], norm(st2)); i >= 0 && from+i < end {
					end = from + i
				}
			}
			// A step told by no more than its name (对待居民像…一样，办…一样，
			// 守…一样): the sentence lists them, and tells none.
			if zh.HanCount(d.norm[from:end]) < 6 || strings.ContainsAny(d.norm[from:end], "、") {
				return
			}
			cs = append(cs, clause{j, p, end})
			break
		}
	}
	for _, c := range cs {
		if c.step < len(m.Procedure) && len(m.Procedure[c.step]) > 0 {
			continue
		}
		if m.Procedure == nil {
			m.Procedure = make([][]Quote, len(m.Steps))
		}
		text := strings.TrimRight(origText(d, c.start, c.end), ",;，；、 ")
		m.Procedure[c.step] = append(m.Procedure[c.step], Quote{Text: text, ChunkID: d.chunkID})
	}
}

// reFirstOrdinal opens the first of a sequence: 第一是, 一是, 首先是.
var reFirstOrdinal = regexp.MustCompile(`(第一|一是|首先)(是|就是|为)?[“"]?`)

// opensFirstStep reports a sentence going on, after a first ordinal, with
// the step told right after it and what it is (…：第一是楼栋会，每月一次).
func opensFirstStep(n, step string) bool {
	k := key(step)
	for _, loc := range reFirstOrdinal.FindAllStringIndex(n, -1) {
		rest := strings.TrimLeft(n[loc[1]:], "“\"")
		if k != "" && strings.HasPrefix(key(rest), k) && len(key(rest)) > len(k) {
			return true
		}
	}
	return false
}

// sharedLead is the two-rune word every step opens with (注重 of 注重摸清
// 民意、注重议事协商、注重跟踪问效), "" if none or fewer than three steps.
func sharedLead(steps []string) string {
	if len(steps) < 3 {
		return ""
	}
	rs := []rune(key(steps[0]))
	if len(rs) < 5 {
		return ""
	}
	lead := string(rs[:2])
	if zh.HanCount(lead) != 2 {
		return ""
	}
	for _, st := range steps[1:] {
		if k := key(st); !strings.HasPrefix(k, lead) || utf8.RuneCountInString(k) < 5 {
			return ""
		}
	}
	return lead
}
