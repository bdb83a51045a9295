package core

// A practice is told in the genre as a small story: the problem, what she
// did, how it turned out. The sentence that best matches a question is
// often the problem ("小吃街还是自发形成的夜市,无序管理、脏乱差") or the
// outcome ("在她的言传身教下……凝聚了起来"); what someone can learn from is
// the doing next to it. story finds that doing.

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"bangyang/zh"
)

// outcomeOpenRE opens a sentence that tells what came of an effort
// rather than the effort: "在她的带动下", "经过两年努力", "就这样".
var outcomeOpenRE = regexp.MustCompile(`^(在[^，,。]{0,14}(下|中)[，,]|经过[^，,。]{0,12}[，,]|(如今|现在|目前|最终|终于|从此|后来|就这样|这样一来|久而久之|渐渐地?|慢慢地?)[，,]?)`)

// isOutcome reports a sentence that tells how things turned out.
func isOutcome(norm string) bool {
	n := strings.TrimLeft(strings.TrimSpace(norm), "“\"")
	if outcomeOpenRE.MatchString(n) {
		return true
	}
	return resultWords.MatchString(n) && !practiceRE2.MatchString(n)
}

// pastOpenRE opens a sentence about how things were before.
var pastOpenRE = regexp.MustCompile(`^(过去|以前|此前|之前|原来|原先|当时|曾经?|早些年|那时|就在[^，,]{0,6}前|[^，,]{0,8}(年|时)前)`)

// isProblem reports a sentence that tells a difficulty and no doing (or
// how things were before), or asks how to overcome one.
func isProblem(norm string) bool {
	if isQuestion(norm) {
		return true
	}
	n := strings.TrimLeft(strings.TrimSpace(norm), "“\"")
	if contrastOpenRE.MatchString(n) {
		return true // "但落到实处绝非易事": the difficulty met on the way
	}
	return problemWds.MatchString(n) && (!practiceRE2.MatchString(n) || pastOpenRE.MatchString(n))
}

// contrastOpenRE opens a sentence turning to a difficulty.
var contrastOpenRE = regexp.MustCompile(`^(但|但是|可是|然而|不过|可)[，,]?`)

// isDoing reports a sentence that tells what someone did.
func isDoing(norm string) bool {
	return practiceRE2.MatchString(norm) && !isQuestion(norm)
}

// story returns the sentences that carry the practice anchor belongs to,
// in article order, anchor included, within budget runes: for an outcome
// the doing just before it in its paragraph, for a problem the doing (or
// the answer to the question) just after it, for a doing the next
// sentence when it goes on doing or tells the result. Sentences already
// used or shown are skipped; those returned are taken.
func (p *planner) story(anchor sentRef, budget int) []sentRef {
	used := utf8.RuneCountInString(anchor.text)
	var before, after []sentRef
	fits := func(r sentRef) bool {
		n := utf8.RuneCountInString(r.text)
		if used+n > budget || !p.fresh(r) || fragment(r.text) || isHeadingLike(r.text) {
			return false
		}
		used += n
		p.take(r)
		return true
	}
	para := p.s.paragraph(anchor)
	switch {
	case isOutcome(anchor.norm):
		// Walk back over the doing that led to it (at most two sentences).
		for i := len(para) - 1; i >= 0 && len(before) < 2; i-- {
			r := para[i]
			if r.pos >= anchor.pos {
				continue
			}
			if r.pos < anchor.pos-3 || isProblem(r.norm) {
				break // the doing, not the hardship before it
			}
			if fits(r) {
				before = append([]sentRef{r}, before...)
			}
		}
	case isProblem(anchor.norm):
		// Walk forward past more of the problem to the doing (or the answer
		// a question gets), within the passage.
		for _, r := range p.s.sentencesAfter(anchor.chunk, anchor.pos, 5) {
			// The doing may open the next paragraph or passage ("社区还位于
			// 城乡接合部……管理难度可想而知。" then "2012年初,她……").
			if len(after) == 2 || isHeadingLike(r.text) {
				break
			}
			if isQuestion(r.norm) && len(after) == 0 {
				// "如何实现两全？" — the sentence after it is the answer.
				if fits(r) {
					after = append(after, r)
				}
				continue
			}
			answer := len(after) > 0 && isQuestion(after[len(after)-1].norm) || isQuestion(anchor.norm) && len(after) == 0 && r.pos == anchor.pos+1
			if !isDoing(r.norm) && !answer {
				if len(after) > 0 {
					break
				}
				continue
			}
			if fits(r) {
				after = append(after, r)
			}
		}
	default:
		for _, r := range p.s.sentencesAfter(anchor.chunk, anchor.pos, 1) {
			if r.chunk == anchor.chunk && r.para == anchor.para && (isDoing(r.norm) || isOutcome(r.norm)) {
				if fits(r) {
					after = append(after, r)
				}
			}
		}
	}
	out := append(before, anchor)
	return append(out, after...)
}

// paragraphBoost raises each sentence by part of the best score of the
// other sentences in its paragraph: a sentence in a paragraph about the
// topic is more likely on it than one that shares a word in passing.
func paragraphBoost(ranked []rankedSent, w float64) []rankedSent {
	type key struct {
		chunk string
		para  int
	}
	type top2 struct{ a, b float64 }
	best := map[key]top2{}
	for _, r := range ranked {
		k := key{r.chunk.ID, r.para}
		t := best[k]
		switch {
		case r.score > t.a:
			t.a, t.b = r.score, t.a
		case r.score > t.b:
			t.b = r.score
		}
		best[k] = t
	}
	for i, r := range ranked {
		t := best[key{r.chunk.ID, r.para}]
		other := t.a
		if r.score >= t.a {
			other = t.b
		}
		ranked[i].score += w * other
	}
	slices.SortStableFunc(ranked, func(a, b rankedSent) int { return cmpScore(b.score, a.score) })
	return ranked
}

// startRE opens the part of a story about how things were when she came.
var startRE = regexp.MustCompile(`刚到|初到|刚来|上任|接手|到任|任职之初|之初|起初|当时|那时|以前|过去|曾是|曾经`)

// startingPoint is the sentence telling the state she found: a
// difficulty, at her arrival or before her work.
func startingPoint(s *Service, sents []sentRef, leader string) (sentRef, bool) {
	for _, r := range sents {
		if isHeadingLike(r.text) || isQuestion(r.text) || s.namesOtherLeader(r.norm, leader) {
			continue
		}
		if startRE.MatchString(r.norm) && problemWds.MatchString(r.norm) && utf8.RuneCountInString(r.text) <= 150 {
			return r, true
		}
	}
	return sentRef{}, false
}

// deedRE is what a person does herself, beyond any method: paying from
// her own pocket, taking the hardest part, working past retirement.
var deedRE = regexp.MustCompile(`自掏腰包|主动承担|主动担起|主动请缨|身先士卒|带头|冲在最前|挨家挨户|走街串巷|一次次|反复上门|坚守|放弃|退休|义务|不计报酬|加班|连续|亲自`)

// ownDeeds are up to n sentences about what she did herself.
func ownDeeds(s *Service, sents []sentRef, leader string, n int) []sentRef {
	var out []sentRef
	for _, r := range sents {
		if len(out) == n {
			break
		}
		if isHeadingLike(r.text) || isQuestion(r.text) || s.namesOtherLeader(r.norm, leader) || utf8.RuneCountInString(r.text) > 130 {
			continue
		}
		head := r.norm
		if rs := []rune(head); len(rs) > 24 {
			head = string(rs[:24])
		}
		about := s.namesLeader(r.norm, leader) || strings.ContainsAny(head, "她他")
		if about && deedRE.MatchString(r.norm) && !strings.Contains(r.text, "XXX") {
			out = append(out, r)
		}
	}
	return out
}

// caseRE marks a sentence telling a particular case: a numbered house or
// yard, a named resident (老张, 毛大姐, 王大爷), someone living there.
var caseRE = regexp.MustCompile(`\d+号|号院|号楼|[\p{Han}]{2,4}(小区|院落|楼院)|住户|家住|居民[\p{Han}]{2,3}(说|讲|告诉|反映)|老[张王李赵刘陈杨黄吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤]|[\p{Han}](大妈|大爷|大姐|大哥|阿姨|奶奶|爷爷|师傅|婆婆)`)

// honourRE is praise or an honour: no case of a method.
var honourRE = regexp.MustCompile(`授予|荣获|称号|表彰|被评为|获评`)

// planExample answers "有没有具体的例子": a case the article tells of the
// method (or of the leader's work on the topic asked): a concrete
// sentence with its story, never the definition again.
func (p *planner) planExample() *draft {
	d := &draft{leaders: slices.Clone(p.q.Leaders), methods: slices.Clone(p.q.Methods)}
	var leader string
	var names []string
	var def sentRef
	if len(p.q.Methods) > 0 {
		m, ok := p.method(p.q.Methods[0])
		if !ok {
			d.refused = true
			return d
		}
		leader = m.Leader
		d.leaders = nonEmpty(leader)
		names = append(names, flatten(zh.ToSimplified(strings.Trim(m.Name, "“”"))))
		for _, a := range m.Aliases {
			if a = flatten(zh.ToSimplified(strings.Trim(a, "“”"))); utf8.RuneCountInString(a) >= 2 {
				names = append(names, a)
			}
		}
		if core := nameCore(names[0]); core != names[0] {
			names = append(names, core) // 网格化管理 is told as 网格
		}
		def, _ = p.definitionOf(m)
		d.lead = p.leaderLabel(leader) + "的“" + strings.Trim(m.Name, "“”") + "”，文中的例子："
	} else {
		leader = p.q.Leaders[0]
		d.lead = p.leaderLabel(leader) + "的工作，文中的例子："
	}
	sents := p.s.leaderSentences(leader)
	var topic weightedTerms
	if rest := residual(p.q.Topic); rest != "" && len(names) == 0 {
		topic = p.terms(rest, p.expansion(), sents)
	}
	// A case is told near the method's name: in a sentence naming it, or
	// within the few sentences after one.
	near := map[string]bool{}
	for i, r := range sents {
		if len(names) == 0 || matchesAny(flatten(r.norm), names) {
			for j := i; j < len(sents) && j <= i+4; j++ {
				if sents[j].chunk.ArticleID == r.chunk.ArticleID {
					near[sents[j].key()] = true
				}
			}
		}
	}
	var best sentRef
	bestScore := 0.0
	for _, r := range sents {
		if !near[r.key()] || r.key() == def.key() || !caseRE.MatchString(r.norm) || honourRE.MatchString(r.norm) || !p.fresh(r) || isHeadingLike(r.text) || isQuestion(r.text) {
			continue
		}
		sc := 1.0
		if len(names) > 0 && matchesAny(flatten(r.norm), names) {
			sc += 0.5 // "南院门12号院……就是按照“五步议事法”议出来的"
		}
		if topic.total > 0 {
			s, _ := topic.score(r.norm)
			sc += s
		}
		sc += 0.2 * float64(len(caseRE.FindAllString(r.norm, -1)))
		if sc > bestScore {
			best, bestScore = r, sc
		}
	}
	if best.chunk == nil {
		d.lead = "资料中没有讲具体的例子。"
		d.refused = true
		if def.chunk != nil {
			d.add(item{quote: def})
		}
		return d
	}
	p.take(best)
	st := p.story(best, maxAnswerRunes-80)
	if len(st) == 1 {
		// A case goes on after its first sentence ("居民提出问题后……").
		for _, r := range p.s.sentencesAfter(best.chunk, best.pos, 2) {
			if r.chunk == best.chunk && r.para == best.para && p.fresh(r) && !fragment(r.text) {
				p.take(r)
				st = append(st, r)
			}
		}
	}
	d.add(item{quote: st[0], more: st[1:]})
	d.context = appendChunk(d.context, best.chunk)
	return d
}

// nameCoreSuffixes are the generic tails of a method's name.
var nameCoreSuffixes = []string{"工作法", "管理", "模式", "机制", "活动", "服务", "工程", "行动", "制度", "体系", "方法", "法"}

// nameCore is a method's name without its generic tail (网格化管理 → 网格,
// 四单工作法 → 四单), when two characters or more remain.
func nameCore(name string) string {
	core := name
	for _, suf := range nameCoreSuffixes {
		if rest, ok := strings.CutSuffix(core, suf); ok && utf8.RuneCountInString(rest) >= 2 {
			core = rest
			break
		}
	}
	if rest, ok := strings.CutSuffix(core, "化"); ok && utf8.RuneCountInString(rest) >= 2 {
		core = rest
	}
	return core
}

// enumOpenRE opens a sentence of an enumerated account of work.
var enumOpenRE = regexp.MustCompile(`^(一是|二是|三是|四是|五是|首先|其次|再次|此外|同时|另外|第[一二三四五]，)`)

// practicesOf are up to n sentences telling what the leader did that the
// used ones do not: enumerated ones (一是…) first, then those naming her
// (or opening with 她) and telling a doing, in article order.
func practicesOf(s *Service, sents []sentRef, leader string, n int, used map[string]bool) []sentRef {
	if n <= 0 {
		return nil
	}
	var enum, named []sentRef
	for _, r := range sents {
		if used[cleanQuote(r.text)] || isHeadingLike(r.text) || isQuestion(r.text) || fragment(r.text) || utf8.RuneCountInString(r.text) > 130 || s.namesOtherLeader(r.norm, leader) {
			continue
		}
		switch {
		case enumOpenRE.MatchString(r.norm) && isDoing(r.norm):
			enum = append(enum, r)
		case (s.namesLeader(r.norm, leader) || strings.HasPrefix(r.norm, "她") || strings.HasPrefix(r.norm, "他")) && isDoing(r.norm) && !isOutcome(r.norm):
			named = append(named, r)
		}
	}
	out := append(enum, named...)
	if len(out) > n {
		out = out[:n]
	}
	inOrder(out)
	return out
}
