package core

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"bangyang/catalog"
	"bangyang/corpus"
	"bangyang/retrieval"
	"bangyang/zh"
)

// draft is an answer composed from quotes before it is rendered: a lead
// line in our words built only from derived facts (names, places, roles,
// step names), then quoted sentences, each cited to its passage.
type draft struct {
	lead  string // Simplified
	items []item
	tail  string // Simplified closing line
	// refused is true when the articles do not answer what was asked.
	refused bool
	// about are the leaders and methods the answer is about (for memory).
	leaders, methods []string
	// extra passages the model may use besides the quoted ones.
	context []*corpus.Chunk
}

type item struct {
	label  string // Simplified, may be empty
	number int    // >0: a numbered line (steps)
	quote  sentRef
	more   []sentRef // further quotes on the same line (a step's procedure)
	plain  string    // a line of our own instead of a quote (Simplified)
}

// maxAnswerRunes is the budget of one composed answer: a reader on a phone
// wants the direct answer and a few cited points, not a page.
const maxAnswerRunes = 450

func (d *draft) add(it item) { d.items = append(d.items, it) }

func (d *draft) hasQuotes() bool {
	for _, it := range d.items {
		if it.quote.chunk != nil {
			return true
		}
	}
	return false
}

// planner composes a draft for one understood question.
type planner struct {
	s     *Service
	q     Question
	prev  *Turn
	shown map[string]bool // sentence keys shown earlier in the conversation
	used  map[string]bool // sentence keys used in this draft
}

// terms weighs a topic over candidate sentences for this question (a
// question asking for a list favours enumerations).
func (p *planner) terms(topic string, extra []string, cands []sentRef) weightedTerms {
	wt := newTerms(topic, extra, cands)
	wt.wantList = wt.wantList || listRE.MatchString(p.q.Norm)
	return wt
}

// fresh reports whether a sentence may still be quoted: not yet in this
// answer, and not shown earlier in the conversation — unless the question
// asks a direct fact, whose sentence is the answer however often asked.
func (p *planner) fresh(r sentRef) bool {
	if p.used[r.key()] {
		return false
	}
	return !p.shown[r.key()] || p.directFact()
}

func (p *planner) directFact() bool {
	switch p.q.Intent {
	case IntentNumber, IntentWhen, IntentWhere, IntentWho, IntentFact:
		return true
	case IntentSteps:
		return p.q.Step > 0 // "具体说说第二步": its procedure, even if shown before
	}
	return false
}

func (p *planner) take(r sentRef) { p.used[r.key()] = true }

// leaderLabel names a leader with her place: 吴中兰（上清寺路社区）.
func (p *planner) leaderLabel(name string) string {
	info := p.s.ents.leaderInfo[name]
	if pl := shortPlace(info.Place); pl != "" {
		return name + "（" + pl + "）"
	}
	return name
}

// shortPlace is the most specific part of an administrative chain
// (重庆市渝中区上清寺街道上清寺路社区 → 上清寺路社区).
func shortPlace(place string) string {
	place = strings.TrimSpace(place)
	if place == "" {
		return ""
	}
	first, _, _ := strings.Cut(place, "、")
	rs := []rune(first)
	for _, suf := range []string{"社区", "街道", "镇", "乡", "县", "区", "市"} {
		if !strings.HasSuffix(first, suf) {
			continue
		}
		// Walk back to the previous administrative suffix.
		cut := 0
		for i := len(rs) - utf8.RuneCountInString(suf) - 1; i > 0; i-- {
			tail := string(rs[:i])
			for _, s2 := range []string{"省", "市", "区", "县", "街道", "镇", "乡", "州"} {
				if strings.HasSuffix(tail, s2) {
					cut = i
					break
				}
			}
			if cut > 0 {
				break
			}
		}
		return string(rs[cut:])
	}
	return first
}

func (p *planner) method(name string) (catalog.Method, bool) {
	if p.s.o.Catalog == nil {
		return catalog.Method{}, false
	}
	for _, m := range p.s.o.Catalog.Methods() {
		if m.Name == name {
			return m, true
		}
	}
	return catalog.Method{}, false
}

// quoteOf turns a catalog quote into a sentence of its passage.
func (p *planner) quoteOf(q catalog.Quote) (sentRef, bool) {
	c := p.s.chunkPtr(q.ChunkID)
	if c == nil || strings.TrimSpace(q.Text) == "" {
		return sentRef{}, false
	}
	want := strings.TrimSpace(q.Text)
	for _, r := range p.s.sentences(c) {
		if strings.TrimSpace(r.text) == want {
			return r, true
		}
	}
	// A catalog sentence cut differently from ours: find ours that holds it.
	for _, r := range p.s.sentences(c) {
		if strings.Contains(r.text, want) || strings.Contains(want, r.text) && utf8.RuneCountInString(r.text) > 12 {
			return r, true
		}
	}
	return sentRef{}, false
}

// definitionOf is the sentence naming and defining the method.
func (p *planner) definitionOf(m catalog.Method) (sentRef, bool) {
	if m.Definition != nil {
		if r, ok := p.quoteOf(*m.Definition); ok {
			return r, true
		}
	}
	if m.Summary != "" {
		return p.quoteOf(catalog.Quote{Text: m.Summary, ChunkID: m.SummaryChunkID})
	}
	return sentRef{}, false
}

// stepName is a step as the article writes it.
func (p *planner) stepName(m catalog.Method, i int, def sentRef) string {
	st := m.Steps[i]
	if def.chunk != nil {
		if orig := p.s.originalForm(def.chunk.ID, st); orig != "" {
			return orig
		}
	}
	return st
}

// practiceAfter are the sentences that carry a method out when the
// catalog has no procedure for it: what follows its definition in the
// same and the next passage, as far as they describe doing.
func (p *planner) practiceAfter(def sentRef, max int) []sentRef {
	var out []sentRef
	for _, r := range p.s.sentencesAfter(def.chunk, def.pos, 14) {
		if len(out) == max {
			break
		}
		if isHeadingLike(r.text) {
			if len(out) > 0 {
				break // the next section starts
			}
			continue
		}
		if practiceRE2.MatchString(r.norm) || resultWords.MatchString(r.norm) {
			out = append(out, r)
		}
	}
	return out
}

func quotes(p *planner, qs []catalog.Quote) []sentRef {
	var out []sentRef
	for _, q := range qs {
		if r, ok := p.quoteOf(q); ok {
			out = append(out, r)
		}
	}
	return out
}

// planMethod answers about one named method: what it is, its steps, how
// it is done, who made it, what problem it answers, its results.
func (p *planner) planMethod(m catalog.Method) *draft {
	d := &draft{leaders: nonEmpty(m.Leader), methods: []string{m.Name}}
	def, hasDef := p.definitionOf(m)
	who := p.leaderLabel(m.Leader)
	name := "“" + strings.Trim(m.Name, "“”") + "”"
	addQuotes := func(label string, rs []sentRef, max int) int {
		n := 0
		for _, r := range rs {
			if n == max {
				break
			}
			if !p.fresh(r) {
				continue
			}
			p.take(r)
			d.add(item{label: label, quote: r})
			n++
		}
		return n
	}
	procedure := func(i int) []sentRef {
		if i < len(m.Procedure) && len(m.Procedure[i]) > 0 {
			return quotes(p, m.Procedure[i])
		}
		// No recorded procedure: the sentences that name the step, other
		// than the one listing all steps.
		var out []sentRef
		if i < len(m.Steps) {
			for _, r := range p.s.sentencesIn(p.s.leaderChunks(m.Leader)) {
				if strings.Contains(flatten(r.norm), m.Steps[i]) && !containsAll(r.norm, m.Steps) {
					out = append(out, r)
				}
			}
		}
		return out
	}
	how := practiceInOrder(quotes(p, m.How))
	if hasDef && len(m.Steps) == 0 {
		// How a method is done is told in the paragraphs that name it,
		// the one describing the most action first; then the record's
		// other sentences.
		how = append(p.workingParagraphs(m, def), how...)
	}
	if len(how) == 0 && hasDef {
		for i := range m.Procedure {
			how = append(how, procedure(i)...)
		}
		if len(how) == 0 {
			how = p.practiceAfter(def, 5)
		}
	}
	results := quotes(p, m.Results)
	if missing := p.unstated(m); missing != "" {
		// "四单工作法有什么经费保障": the method is there, what is asked of
		// it is not. Say so, and what the article does say.
		d.lead = "资料中没有提到" + name + "的" + missing + "。文中是这样介绍的："
		d.refused = true
		if hasDef {
			p.take(def)
			d.add(item{quote: def})
		}
		return d
	}
	if m.Unexpanded && len(m.Steps) == 0 && (p.q.Intent == IntentSteps || p.q.Intent == IntentHow) {
		d.lead = "资料中只提到了" + name + "的名称，没有介绍具体做法。"
		d.refused = true
		if hasDef {
			p.take(def)
			d.add(item{quote: def})
		}
		return d
	}
	switch p.q.Intent {
	case IntentWhat, IntentOther, IntentResult, IntentProblem, IntentHow:
		if p.onAspect(m, d) {
			// "格线员负责什么" after 格线党建: that aspect, not the definition.
			d.lead = p.leaderLabel(m.Leader) + "的" + name + "："
			return d
		}
	}
	switch p.q.Intent {
	case IntentSteps:
		if len(m.Steps) == 0 && whichItemsRE.MatchString(p.q.Norm) {
			// "四链是哪四链": the article names the shorthand, not its items.
			d.lead = "资料中没有列出" + name + "具体包括哪些内容。文中是这样介绍的："
			d.refused = true
			if hasDef {
				p.take(def)
				d.add(item{quote: def})
			}
			break
		}
		if len(m.Steps) == 0 {
			d.lead = name + "在文中没有分步骤，" + m.Leader + "的做法是："
			if hasDef && p.fresh(def) {
				p.take(def)
				d.add(item{quote: def})
			}
			addQuotes("", how, 4)
			break
		}
		k := p.q.Step
		if k == lastStep {
			k = len(m.Steps)
		}
		if k == 0 {
			// "社区开单这一步做什么": the step named.
			for i, st := range m.Steps {
				if strings.Contains(p.q.Norm, st) && !strings.Contains(p.q.Norm, m.Name) || strings.Contains(p.q.Norm, st) && len(m.Steps) > 1 && !containsAll(p.q.Norm, m.Steps) {
					k = i + 1
					break
				}
			}
		}
		if k > 0 {
			if k > len(m.Steps) {
				d.lead = fmt.Sprintf("%s共%d步，没有第%d步。", name, len(m.Steps), k)
				d.refused = !hasDef
				k = 0
			} else {
				d.lead = fmt.Sprintf("%s的第%s步是“%s”：", name, chineseNumber(k), p.stepName(m, k-1, def))
				if addQuotes("", procedure(k-1), 3) == 0 {
					d.tail = "文中没有单独展开这一步的做法。"
					if hasDef {
						d.add(item{quote: def})
					}
				}
				break
			}
		}
		d.lead += fmt.Sprintf("%s的%s共%d步：", who, name, len(m.Steps))
		anyProc := false
		for i := range m.Steps {
			proc := procedure(i)
			it := item{number: i + 1, label: p.stepName(m, i, def)}
			budget := (maxAnswerRunes - 40) / max(1, len(m.Steps))
			for _, r := range proc {
				if !p.fresh(r) {
					continue
				}
				n := utf8.RuneCountInString(r.text)
				if it.quote.chunk == nil {
					it.quote = r
				} else if n <= budget && len(it.more) < 2 {
					it.more = append(it.more, r)
				} else {
					break
				}
				p.take(r)
				budget -= n
				anyProc = true
			}
			if it.quote.chunk == nil {
				it.plain = it.label
				it.label = ""
			}
			d.add(it)
		}
		if !anyProc {
			if hasDef && p.fresh(def) {
				p.take(def)
				d.add(item{quote: def})
			}
			if addQuotes("具体做法", how, 4) == 0 {
				d.tail = "文中未展开各步的具体做法。"
			}
		}
	case IntentWho:
		d.lead = name + "出自" + p.describe(m.Leader) + "。"
		if hasDef {
			p.take(def)
			d.add(item{quote: def})
		}
	case IntentResult:
		d.lead = who + "的" + name + "取得的成效："
		if p.prev != nil && laterRE.MatchString(p.q.Norm) && len(results) == 0 {
			// "后来呢" with no recorded results: what the article says
			// next, results first.
			addQuotes("", filterRE(p.afterShown(p.s.leaderChunks(m.Leader)), resultWords), 3)
		}
		if len(d.items) == 0 && addQuotes("", results, 3) == 0 && len(results) > 0 {
			// Its results were shown already: they are still the answer,
			// better than another method's that follow in the text.
			for _, r := range results[:min(3, len(results))] {
				p.take(r)
				d.add(item{quote: r})
			}
		}
		if len(d.items) == 0 && hasDef {
			addQuotes("", filterRE(p.s.sentencesAfter(def.chunk, def.pos, 12), resultWords), 2)
		}
		if !d.hasQuotes() {
			d.lead = "资料中没有提到" + name + "的具体成效。"
			if hasDef {
				d.add(item{quote: def})
			}
		}
	case IntentProblem:
		d.lead = who + "的" + name + "针对的问题："
		addQuotes("", quotes(p, m.Problem), 2)
		if !d.hasQuotes() {
			d.lead = "资料中没有单独说明" + name + "针对的问题，文中是这样介绍的："
			if hasDef {
				d.add(item{quote: def})
			}
		}
	case IntentHow:
		d.lead = who + "是这样做" + name + "的："
		if len(m.Steps) > 0 && !p.shownAll(how) {
			for i := range m.Steps {
				for _, r := range procedure(i) {
					if p.fresh(r) {
						p.take(r)
						d.add(item{number: i + 1, label: p.stepName(m, i, def), quote: r})
						break
					}
				}
			}
		}
		addQuotes("", how, 4-len(d.items))
		if !d.hasQuotes() && hasDef {
			d.add(item{quote: def})
			d.tail = "文中未展开具体做法。"
		}
	default: // what, summary-like, other
		d.lead = name + "是" + who + "的工作方法。"
		if hasDef {
			p.take(def)
			d.add(item{quote: def})
		}
		if len(m.Steps) > 0 && (!hasDef || !containsAll(def.norm, m.Steps)) {
			steps := make([]string, len(m.Steps))
			for i := range m.Steps {
				steps[i] = p.stepName(m, i, def)
			}
			d.add(item{plain: "包括：" + strings.Join(steps, "、")})
		}
		addQuotes("做法", how, 2)
		addQuotes("成效", results, 1)
		if m.Unexpanded && len(d.items) <= 1 {
			d.tail = "文中只提到了这一方法的名称，未展开介绍。"
		}
	}
	if !d.hasQuotes() && d.tail == "" {
		d.refused = true
	}
	if hasDef {
		d.context = append(d.context, def.chunk)
		if next, ok := p.s.bySeq[seqKey{def.chunk.ArticleID, def.chunk.Seq + 1}]; ok {
			d.context = append(d.context, p.s.chunkPtr(next.ID))
		}
	}
	return d
}

// workingParagraphs are the action sentences of the paragraphs that name
// the method (its definition's included), the paragraph with the most
// action first, within about one answer.
func (p *planner) workingParagraphs(m catalog.Method, def sentRef) []sentRef {
	names := []string{zh.ToSimplified(strings.Trim(m.Name, "“”"))}
	for _, a := range m.Aliases {
		if a = zh.ToSimplified(strings.Trim(a, "“”")); utf8.RuneCountInString(a) >= 2 {
			names = append(names, a)
		}
	}
	type para struct {
		sents []sentRef
		score int
	}
	var paras []para
	seen := map[string]bool{}
	for _, r := range p.s.sentencesIn(p.s.leaderChunks(m.Leader)) {
		k := r.chunk.ID + "\x00" + strconv.Itoa(r.para)
		if seen[k] || !matchesAny(flatten(r.norm), names) && r.key() != def.key() {
			continue
		}
		seen[k] = true
		var pa para
		for _, x := range p.s.paragraph(r) {
			if isHeadingLike(x.text) || fragment(x.text) {
				continue
			}
			pa.sents = append(pa.sents, x)
			if practiceRE2.MatchString(x.norm) {
				pa.score += 2
			}
			if problemWds.MatchString(x.norm) && !practiceRE2.MatchString(x.norm) {
				pa.score--
			}
		}
		paras = append(paras, pa)
	}
	slices.SortStableFunc(paras, func(a, b para) int { return b.score - a.score })
	var out []sentRef
	runes := 0
	for _, pa := range paras {
		for _, x := range practiceInOrder(pa.sents) {
			n := utf8.RuneCountInString(x.text)
			if x.key() == def.key() || runes+n > maxAnswerRunes || len(out) == 6 {
				continue
			}
			out = append(out, x)
			runes += n
		}
	}
	return out
}

// practiceInOrder puts the sentences describing action first (keeping
// article order within each group): a method's span also holds the
// difficulties met on the way.
func practiceInOrder(rs []sentRef) []sentRef {
	var doing, other []sentRef
	for _, r := range rs {
		if practiceRE2.MatchString(r.norm) {
			doing = append(doing, r)
		} else {
			other = append(other, r)
		}
	}
	return append(doing, other...)
}

// vagueWords ask about a thing in general ("是怎么回事", "有什么意义"),
// not about a particular aspect of it.
var vagueWords = []string{"主要", "意思", "回事", "意义", "作用", "内容", "含义", "好处", "特点", "核心", "来历", "由来", "名字", "怎么", "为什么", "有", "做", "提出", "出来", "起来", "一次", "多久", "来的", "从哪", "哪来", "情况", "详细", "简单", "讲", "说"}

// cueRE are the words that say what kind of answer is wanted; they are
// not part of what is asked about.
var cueRE = []*regexp.Regexp{compareRE, adviceRE, stepsRE, howRE, whoRE, whereRE, whenRE, numberRE, resultRE2, problemRE2, summaryRE, whatRE}

// unstated returns what the question asks about a method beyond its name
// and the kind of answer, when nothing in the leader's articles says it.
func (p *planner) unstated(m catalog.Method) string {
	if p.q.Intent != IntentWhat && p.q.Intent != IntentOther {
		return "" // steps, how, who, results: the cue is the question
	}
	rest := p.aspect(m)
	if utf8.RuneCountInString(rest) < 3 {
		return "" // a leftover too short to be a subject of its own
	}
	if p.s.says(m.Leader, rest, p.expansion()) {
		return ""
	}
	return rest
}

// aspect is what a question asks about a method beyond its name, its
// steps and the kind of answer ("疫情期间它发挥了什么作用" → 疫情期间).
func (p *planner) aspect(m catalog.Method) string {
	rest := p.q.Topic
	names := append([]string{m.Name}, m.Aliases...)
	names = append(names, m.Steps...)
	for _, n := range names {
		rest = strings.ReplaceAll(rest, zh.ToSimplified(n), " ")
	}
	return residual(strings.NewReplacer("工作法", " ", "方法", " ", "做法", " ", "工作", " ", "具体", " ", "主要", " ", "一下", " ", "发挥", " ").Replace(rest))
}

// onAspect answers an aspect of a method from its secretary's articles:
// the sentences on that aspect, best first, with what follows them.
func (p *planner) onAspect(m catalog.Method, d *draft) bool {
	rest := p.aspect(m)
	if utf8.RuneCountInString(rest) < 2 {
		return false
	}
	cands := p.s.sentencesIn(p.s.leaderChunks(m.Leader))
	wt := p.terms(rest, p.expansion(), cands)
	if wt.total == 0 {
		return false
	}
	picked := p.pick(rank(cands, wt, p.q.Intent), 2, func(r rankedSent) bool { return r.covered >= 0.5*wt.total })
	if len(picked) == 0 {
		return false
	}
	for _, r := range p.narrate(picked, 1) {
		d.add(item{quote: r.sentRef})
	}
	return true
}

// says reports whether the leader's articles hold a bigram of topic or
// one of words.
func (s *Service) says(leader, topic string, words []string) bool {
	bi, _ := terms(topic)
	if len(bi) == 0 && len(words) == 0 {
		return true
	}
	for _, r := range s.sentencesIn(s.leaderChunks(leader)) {
		flat := flatten(r.norm) // “畅”字 holds 畅字
		for b := range bi {
			if strings.Contains(flat, b) {
				return true
			}
		}
		if matchesAny(r.norm, words) {
			return true
		}
	}
	return false
}

func (p *planner) shownAll(rs []sentRef) bool {
	for _, r := range rs {
		if !p.shown[r.key()] {
			return false
		}
	}
	return len(rs) > 0
}

// describe names a leader with her place and post: 吴中兰（重庆市…社区党委书记）.
func (p *planner) describe(name string) string {
	info := p.s.ents.leaderInfo[name]
	detail := info.Place
	if role := info.Role; role != "" && !strings.HasSuffix(detail, role) {
		// 上清寺路社区 + 社区党委书记 reads 上清寺路社区党委书记.
		for _, lvl := range []string{"社区", "街道"} {
			if strings.HasSuffix(detail, lvl) {
				role = strings.TrimPrefix(role, lvl)
			}
		}
		detail += role
	}
	if detail == "" {
		return name
	}
	return name + "（" + detail + "）"
}

// planLeader answers about one named leader.
func (p *planner) planLeader(leader string) *draft {
	d := &draft{leaders: []string{leader}}
	chunks := p.s.leaderChunks(leader)
	if len(chunks) == 0 {
		d.refused = true
		return d
	}
	cands := p.s.sentencesIn(chunks)
	d.context = firstChunks(chunks, 6)
	switch p.q.Intent {
	case IntentFact:
		return p.planFacts(leader, cands, d)
	case IntentWhere:
		info := p.s.ents.leaderInfo[leader]
		if info.Place == "" && info.Role == "" || !aboutWorkplace(p.q.Topic) {
			break // "公共服务中心建在哪儿" asks where something is, not where she works
		}
		lead := leader
		if info.Place != "" {
			lead += "在" + info.Place + "工作"
		}
		if info.Role != "" {
			if info.Place != "" {
				lead += "，"
			}
			lead += "任" + info.Role
		}
		d.lead = lead + "。"
		if r, ok := p.statingSentence(cands, leader, []string{shortPlace(info.Place), info.Role}); ok {
			p.take(r)
			d.add(item{quote: r})
			return d
		}
	}
	// Rank by what is asked about, not by the words asking for the kind of
	// answer ("概括张影的主要成绩" is about her results, not about 概括).
	wt := p.terms(residual(p.q.Topic), p.expansion(), cands)
	ranked := rank(cands, wt, p.q.Intent)
	if p.q.Intent == IntentResult && p.prev != nil {
		// "后来呢": what follows in the article what was shown last.
		if after := p.afterShown(chunks); len(after) > 0 {
			ranked = append(rank(after, newTerms("", nil, after), IntentResult), ranked...)
		}
	}
	if p.prev != nil && p.q.FollowUp && laterRE.MatchString(p.q.Norm) && residual(p.q.Topic) == "" {
		// "后来呢？": what the article tells next, after what was shown.
		runes := 0
		for _, r := range p.afterShown(chunks) {
			n := utf8.RuneCountInString(r.text)
			if len(d.items) == 4 || runes+n > maxAnswerRunes-40 {
				break
			}
			if !p.fresh(r) {
				continue
			}
			p.take(r)
			runes += n
			d.add(item{quote: r})
		}
		if len(d.items) > 0 {
			d.lead = p.leaderLabel(leader) + "，接下来文中写道："
			return d
		}
	}
	narrative := p.q.Intent == IntentHow || p.q.Intent == IntentOther || p.q.Intent == IntentResult
	if narrative {
		ranked = practiceWeighted(ranked, 0.75)
		if sec := p.section(cands, wt); len(sec) > 0 {
			// A section heading says it: its paragraphs are the answer.
			d.lead = p.leaderLabel(leader) + "的做法："
			if p.q.Intent == IntentResult {
				d.lead = p.leaderLabel(leader) + "的工作成效："
			}
			for _, r := range sec {
				d.add(item{quote: r})
			}
			return d
		}
	}
	n := 3
	if narrative {
		n = 2 // anchors; narrate adds what follows each
	}
	picked := p.pick(ranked, n, func(r rankedSent) bool {
		return wt.total == 0 || r.covered > 0 || r.score > 1.5 || p.anyTopicMatch(r.norm)
	})
	if len(picked) == 0 {
		if wt.total > 0 && p.q.Intent != IntentHow && p.q.Intent != IntentSummary {
			d.lead = "资料中没有找到" + leader + "在“" + p.q.Topic + "”方面的内容。"
			d.refused = true
			p.addProfileLine(d, leader, cands)
			return d
		}
		picked = p.pick(practiceOnly(cands, leader, p.s), 3, nil)
	}
	if narrative {
		picked = p.narrate(picked, 3)
	}
	switch p.q.Intent {
	case IntentHow:
		d.lead = p.leaderLabel(leader) + "的做法："
	case IntentResult:
		d.lead = p.leaderLabel(leader) + "的工作成效："
	case IntentNumber, IntentWhen:
		d.lead = p.leaderLabel(leader) + "："
	default:
		d.lead = "关于" + p.leaderLabel(leader) + "，资料中写道："
	}
	for _, r := range picked {
		d.add(item{quote: r.sentRef})
	}
	return d
}

// practiceOnly ranks a leader's sentences by what she did when the
// question names no topic ("她是怎么做的"): sentences naming her and
// describing action first.
func practiceOnly(cands []sentRef, leader string, s *Service) []rankedSent {
	var out []rankedSent
	for _, c := range cands {
		if !practiceRE2.MatchString(c.norm) || isHeadingLike(c.text) {
			continue
		}
		sc := 1.0
		if s.namesLeader(c.norm, leader) || strings.HasPrefix(c.norm, "她") || strings.HasPrefix(c.norm, "他") {
			sc += 1
		}
		out = append(out, rankedSent{c, sc, 0})
	}
	slices.SortStableFunc(out, func(a, b rankedSent) int { return cmpScore(b.score, a.score) })
	return out
}

// narrate follows the best picked sentence with the ones after it in its
// passage: "how did she do it" is told in a run of sentences, and the
// sentence that matches the question best is often only the first.
func (p *planner) narrate(picked []rankedSent, extra int) []rankedSent {
	if len(picked) == 0 {
		return picked
	}
	runes := 0
	for _, r := range picked {
		runes += utf8.RuneCountInString(r.text)
	}
	var add []rankedSent
	for _, anchor := range picked {
		if outcomeRE.MatchString(anchor.norm) && !practiceRE2.MatchString(anchor.norm) {
			// "如今，老张脸上有笑容了": how it came about is told before.
			para := p.s.paragraph(anchor.sentRef)
			for i := len(para) - 1; i >= 0; i-- {
				r := para[i]
				if r.pos >= anchor.pos {
					continue
				}
				if r.pos < anchor.pos-2 || fragment(r.text) || !p.fresh(r) {
					break
				}
				n := utf8.RuneCountInString(r.text)
				if runes+n > maxAnswerRunes-40 {
					break
				}
				p.take(r)
				runes += n
				add = append(add, rankedSent{r, 0, 0})
			}
		}
		k := 0
		for _, r := range p.s.sentencesAfter(anchor.chunk, anchor.pos, extra+3) {
			if k == extra || r.chunk != anchor.chunk {
				break
			}
			n := utf8.RuneCountInString(r.text)
			if isHeadingLike(r.text) || runes+n > maxAnswerRunes-40 {
				break
			}
			if !p.fresh(r) || fragment(r.text) {
				continue
			}
			p.take(r)
			runes += n
			k++
			add = append(add, rankedSent{r, 0, 0})
		}
	}
	all := append(picked, add...)
	refs := make([]sentRef, len(all))
	for i, r := range all {
		refs[i] = r.sentRef
	}
	inOrder(refs)
	out := make([]rankedSent, len(refs))
	for i, r := range refs {
		out[i] = rankedSent{sentRef: r}
	}
	return out
}

// outcomeRE opens a sentence telling how things turned out.
var outcomeRE = regexp.MustCompile(`^(如今|现在|目前|最终|终于|从此|后来|就这样|这样一来)`)

// fragment is a piece too short to quote on its own ("郭佳说。").
func fragment(t string) bool { return utf8.RuneCountInString(strings.TrimSpace(t)) < 8 }

// section finds a heading that carries most of what was asked and
// returns the action sentences of its section (up to the next heading),
// in order, within the answer budget.
func (p *planner) section(cands []sentRef, wt weightedTerms) []sentRef {
	if wt.total == 0 {
		return nil
	}
	best, bestCov := -1, 0.0
	for i, c := range cands {
		if !isHeadingLike(c.text) || utf8.RuneCountInString(c.text) < 8 {
			continue
		}
		if _, cov := wt.score(c.norm); cov > bestCov {
			best, bestCov = i, cov
		}
	}
	if best < 0 || bestCov < 0.5*wt.total {
		return nil
	}
	var body []sentRef
	for _, r := range cands[best+1:] {
		if isHeadingLike(r.text) {
			break
		}
		body = append(body, r)
	}
	var out []sentRef
	runes := 0
	for _, r := range practiceInOrder(body) {
		n := utf8.RuneCountInString(r.text)
		if len(out) == 5 || runes+n > maxAnswerRunes-40 {
			continue
		}
		if !p.fresh(r) {
			continue
		}
		p.take(r)
		runes += n
		out = append(out, r)
	}
	inOrder(out)
	return out
}

// aboutWorkplace reports a where-question about the person herself
// (在哪里工作, 她的社区在哪): nothing is left once the place words go.
func aboutWorkplace(topic string) bool {
	rest := residual(topic)
	for _, w := range []string{"工作", "社区", "街道", "单位", "地方", "所在", "在", "哪", "儿", "任职", "上班", "现在", "目前"} {
		rest = strings.ReplaceAll(rest, w, "")
	}
	return utf8.RuneCountInString(rest) < 2
}

// afterShown are the sentences that follow the last sentence shown from
// the leader's articles.
func (p *planner) afterShown(chunks []*corpus.Chunk) []sentRef {
	// The story goes on from the first sentence the last answer quoted
	// (its direct answer), past the run of sentences shown with it.
	var first string
	if p.prev != nil && len(p.prev.Shown) > 0 {
		first = p.prev.Shown[0]
	}
	var last *sentRef
	started := false
	for _, c := range chunks {
		for _, r := range p.s.sentences(c) {
			k := r.key()
			switch {
			case first == "" && p.shown[k]:
				r := r
				last = &r
			case k == first:
				started = true
				r := r
				last = &r
			case started && p.shown[k] && last != nil && r.chunk.Seq <= last.chunk.Seq+1:
				r := r
				last = &r
			case started:
				if last != nil && !p.shown[k] {
					started = false // the run of shown sentences ended
				}
			}
		}
	}
	if last == nil {
		return nil
	}
	var out []sentRef
	for _, r := range p.s.sentencesAfter(last.chunk, last.pos, 10) {
		if !isHeadingLike(r.text) {
			out = append(out, r)
		}
	}
	return out
}

// planFacts answers personal facts: each asked attribute stated by a
// sentence about her, or said plainly to be missing.
func (p *planner) planFacts(leader string, cands []sentRef, d *draft) *draft {
	var missing []string
	for _, a := range p.q.Attributes {
		want := 1
		switch a.Name {
		case "荣誉":
			want = 4 // honours come in lists over several sentences
		case "职务":
			if info := p.s.ents.leaderInfo[leader]; info.Role != "" {
				// Her post as derived, cited to the sentence stating it.
				core := strings.TrimPrefix(strings.TrimPrefix(info.Role, "社区"), "街道")
				if r, ok := p.statingSentence(cands, leader, []string{core}); ok && strings.Contains(r.norm, core) {
					p.take(r)
					d.add(item{label: a.Name + "（" + info.Role + "）", quote: r})
					continue
				}
			}
			want = 2
		}
		// Sentences naming her first, then the rest of her article that
		// names no other secretary; personal matters (pay, family) only
		// where she is named.
		var about, rest []sentRef
		for i, r := range cands {
			if !a.state.MatchString(r.norm) {
				continue
			}
			switch {
			case a.Name == "荣誉" && p.s.startsWithPlace(r.norm):
				// 上清寺路社区先后获得…: the community's honours, not hers.
			case p.s.namesLeader(r.norm, leader) || i == 0 || strings.HasPrefix(r.norm, "她") || strings.HasPrefix(r.norm, "他"):
				about = append(about, r)
			case a.Name != "荣誉" && a.Name != "职务":
				// Age, origin, pay, family: only where she is the subject
				// ("82岁的张大娘说" is someone else's age).
			case !p.s.namesOtherLeader(r.norm, leader):
				rest = append(rest, r)
			}
		}
		all := append(about, rest...)
		if bi, _ := terms(residual(a.cue.ReplaceAllString(p.q.Topic, " "))); len(bi) > 0 {
			// "多大的时候成为大学生社官": the age sentence on that event.
			cover := func(r sentRef) int {
				n := 0
				for b := range bi {
					if strings.Contains(r.norm, b) {
						n++
					}
				}
				return n
			}
			slices.SortStableFunc(all, func(x, y sentRef) int { return cover(y) - cover(x) })
		}
		if a.strong != nil {
			slices.SortStableFunc(all, func(x, y sentRef) int {
				return boolRank(a.strong.MatchString(y.norm)) - boolRank(a.strong.MatchString(x.norm))
			})
		}
		got := 0
		for _, r := range all {
			if got == want {
				break
			}
			got++
			if !p.used[r.key()] {
				p.take(r)
				d.add(item{label: a.Name, quote: r})
				continue
			}
			// One sentence stating two facts (籍贯 and 出生年份): one line.
			for i := range d.items {
				if d.items[i].quote.chunk != nil && d.items[i].quote.key() == r.key() && !strings.Contains(d.items[i].label, a.Name) {
					d.items[i].label += "、" + a.Name
				}
			}
		}
		if got == 0 {
			missing = append(missing, a.Name)
		}
	}
	switch {
	case len(missing) == 0:
		d.lead = leader + "："
	case len(missing) == len(p.q.Attributes):
		d.lead = "资料中没有提到" + leader + "的" + strings.Join(missing, "、") + "。"
		d.refused = true
		p.addProfileLine(d, leader, cands)
	default:
		d.lead = leader + "："
		d.tail = "资料中没有提到" + leader + "的" + strings.Join(missing, "、") + "。"
	}
	return d
}

// planWhoIs introduces a leader briefly: her post and place, the
// sentence that introduces her, an honour, her methods by name.
func (p *planner) planWhoIs(leader string) *draft {
	d := &draft{leaders: []string{leader}}
	chunks := p.s.leaderChunks(leader)
	cands := p.s.sentencesIn(chunks)
	d.context = firstChunks(chunks, 4)
	d.lead = p.describe(leader) + "。"
	info := p.s.ents.leaderInfo[leader]
	if r, ok := p.statingSentence(cands, leader, []string{info.Role, shortPlace(info.Place), "书记"}); ok {
		p.take(r)
		d.add(item{quote: r})
	}
	honour := regexp.MustCompile(`授予|荣获|评为|称号|当选`)
	for _, r := range cands {
		// Her own honours, not her community's (上清寺路社区先后获得…).
		if honour.MatchString(r.norm) && p.fresh(r) && !p.s.namesOtherLeader(r.norm, leader) && !p.s.startsWithPlace(r.norm) {
			p.take(r)
			d.add(item{label: "荣誉", quote: r})
			break
		}
	}
	if ms := p.s.methodsOf(leader); len(ms) > 0 {
		d.add(item{plain: "主要工作方法：" + strings.Join(firstStrings(ms, 5), "、") + "。"})
	}
	if !d.hasQuotes() {
		d.refused = true
	}
	return d
}

// addProfileLine says what the articles do say about the leader: her
// post and place, and her methods by name.
func (p *planner) addProfileLine(d *draft, leader string, cands []sentRef) {
	info := p.s.ents.leaderInfo[leader]
	if r, ok := p.statingSentence(cands, leader, []string{shortPlace(info.Place), info.Role}); ok {
		d.add(item{label: "资料介绍的是", quote: r})
	}
	if ms := p.s.methodsOf(leader); len(ms) > 0 {
		d.add(item{plain: "可以问问" + leader + "的工作方法：" + strings.Join(firstStrings(ms, 4), "、") + "。"})
	}
}

// statingSentence is the first sentence naming the leader together with
// one of the words (her place, her post); else the first naming her.
func (p *planner) statingSentence(cands []sentRef, leader string, words []string) (sentRef, bool) {
	var first *sentRef
	for _, r := range cands {
		if !p.s.namesLeader(r.norm, leader) {
			continue
		}
		if first == nil {
			r := r
			first = &r
		}
		for _, w := range words {
			if w != "" && strings.Contains(r.norm, w) {
				return r, true
			}
		}
	}
	if first != nil {
		return *first, true
	}
	return sentRef{}, false
}

// mainMethods are a leader's most mentioned methods, at most n.
func (s *Service) mainMethods(leader string, n int) []catalog.Method {
	if s.o.Catalog == nil {
		return nil
	}
	var out []catalog.Method
	for _, m := range s.o.Catalog.Methods() {
		if m.Leader == leader {
			out = append(out, m)
		}
	}
	slices.SortStableFunc(out, func(a, b catalog.Method) int { return b.Mentions - a.Mentions })
	return out[:min(n, len(out))]
}

func (s *Service) methodsOf(leader string) []string {
	if s.o.Catalog == nil {
		return nil
	}
	var out []string
	for _, m := range s.o.Catalog.Methods() {
		if m.Leader == leader {
			out = append(out, "“"+strings.Trim(m.Name, "“”")+"”")
		}
	}
	return out
}

// pick takes up to n fresh sentences of ranked, at most two per passage,
// and returns them in article order.
func (p *planner) pick(ranked []rankedSent, n int, ok func(rankedSent) bool) []rankedSent {
	if len(ranked) == 0 {
		return nil
	}
	best := ranked[0].score
	var out []rankedSent
	per := map[string]int{}
	runes := 0
	for _, r := range ranked {
		if len(out) == n || r.score < best*0.45 {
			break
		}
		if (ok != nil && !ok(r)) || !p.fresh(r.sentRef) || per[r.chunk.ID] >= 2 {
			continue
		}
		l := utf8.RuneCountInString(r.text)
		if len(out) > 0 && runes+l > maxAnswerRunes-60 {
			continue
		}
		runes += l
		per[r.chunk.ID]++
		p.take(r.sentRef)
		out = append(out, r)
		if isQuestion(r.text) {
			// A question in an article is answered by what follows it
			// ("…如何实现两全？" then "“宜疏不宜堵…”").
			for _, next := range p.s.sentencesAfter(r.chunk, r.pos, 1) {
				if next.chunk == r.chunk && p.fresh(next) && !isHeadingLike(next.text) {
					p.take(next)
					runes += utf8.RuneCountInString(next.text)
					out = append(out, rankedSent{sentRef: next, score: r.score * 0.9})
				}
			}
		}
	}
	refs := make([]sentRef, len(out))
	for i, r := range out {
		refs[i] = r.sentRef
	}
	inOrder(refs)
	byKey := map[string]rankedSent{}
	for _, r := range out {
		byKey[r.key()] = r
	}
	for i, r := range refs {
		out[i] = byKey[r.key()]
	}
	return out
}

// isQuestion reports a sentence that asks rather than tells.
func isQuestion(t string) bool {
	t = strings.TrimRight(strings.TrimSpace(t), "”」’\"")
	return strings.HasSuffix(t, "?") || strings.HasSuffix(t, "？")
}

// expansion are the lexicon's article words for the question's topics.
func (p *planner) expansion() []string {
	var out []string
	for _, t := range p.q.Topics {
		out = append(out, t.Article...)
		out = append(out, t.Ask...)
	}
	return out
}

// planCompare answers a comparison: each leader's practice on the asked
// topic (or, without one, the topics both work on and where they differ),
// every point cited to that leader's own article.
func (p *planner) planCompare(leaders []string) *draft {
	d := &draft{leaders: leaders}
	d.lead = strings.Join(leaders, "和") + "的做法比较："
	var sides []compareSide
	for _, l := range leaders {
		cs := p.s.sentencesIn(p.s.leaderChunks(l))
		tp := map[string]int{}
		if p.s.lex != nil {
			for _, c := range cs {
				for t, n := range p.s.lex.InText(c.norm) {
					tp[t] += n
				}
			}
		}
		sides = append(sides, compareSide{l, cs, tp})
		d.context = append(d.context, firstChunks(p.s.leaderChunks(l), 3)...)
	}
	quotesFor := func(sd compareSide, topicWords []string, topic string, n int) []rankedSent {
		wt := p.terms(topic, topicWords, sd.cands)
		ranked := practiceFirst(rank(sd.cands, wt, IntentHow))
		return p.pick(ranked, n, func(r rankedSent) bool { return r.score >= 1 })
	}
	quoteFor := func(sd compareSide, topicWords []string, topic string) (rankedSent, bool) {
		got := quotesFor(sd, topicWords, topic, 1)
		if len(got) == 0 {
			return rankedSent{}, false
		}
		return got[0], true
	}
	onTopic := func(topic string) bool {
		// Each leader on the topic; false when none says anything on it.
		var missing []string
		var items []item
		for _, sd := range sides {
			got := quotesFor(sd, p.expansion(), topic, 3-len(sides)/2)
			if len(got) > 0 && len(sides) <= 2 {
				// What follows the best sentence, when it tells what she did.
				anchor := map[string]bool{}
				for _, r := range got {
					anchor[r.key()] = true
				}
				var keep []rankedSent
				for _, r := range p.narrate(got, 1) {
					if anchor[r.key()] || practiceRE2.MatchString(r.norm) || resultWords.MatchString(r.norm) {
						keep = append(keep, r)
					} else {
						delete(p.used, r.key())
					}
				}
				got = keep
			}
			if len(got) == 0 {
				missing = append(missing, sd.name)
				continue
			}
			it := item{label: p.leaderLabel(sd.name), quote: got[0].sentRef}
			for _, r := range got[1:] {
				it.more = append(it.more, r.sentRef)
			}
			items = append(items, it)
		}
		if len(missing) == len(sides) {
			return false
		}
		d.items = append(d.items, items...)
		if len(missing) > 0 {
			d.tail = "资料中没有提到" + strings.Join(missing, "、") + "在这方面的做法。"
		}
		return true
	}
	if p.compareMethods(d) {
		return d
	}
	if len(p.q.Topics) > 0 || strings.TrimSpace(p.q.Topic) != "" && !genericCompareTopic(p.q.Topic) {
		if onTopic(p.q.Topic) {
			return d
		}
	}
	generic := len(p.q.Topics) == 0 && (strings.TrimSpace(p.q.Topic) == "" || genericCompareTopic(p.q.Topic))
	if !generic && p.q.Premise != "" && !genericCompareTopic(p.q.Premise) && onTopic(p.q.Premise) {
		// "两人都记民情日记，用法有什么区别": the shared practice is the topic.
		return d
	}
	// No topic: each leader's main methods, then what they both work on.
	for _, sd := range sides {
		it := item{label: p.leaderLabel(sd.name)}
		ms := p.s.mainMethods(sd.name, 3)
		if len(ms) == 0 {
			if got := quotesFor(sd, nil, "工作方法 党建 服务 居民", 1); len(got) > 0 {
				it.quote = got[0].sentRef
				d.add(it)
			}
			continue
		}
		names := make([]string, len(ms))
		for i, m := range ms {
			names[i] = "“" + strings.Trim(m.Name, "“”") + "”"
		}
		it.plain = "主要方法有" + strings.Join(names, "、") + "。"
		d.add(it)
		if def, ok := p.definitionOf(ms[0]); ok && p.fresh(def) {
			p.take(def)
			d.add(item{label: strings.Trim(ms[0].Name, "“”"), quote: def})
		}
	}
	// What they share: the first topic of community work both articles
	// are strong on, said only with a quote from each.
	if p.s.lex != nil {
		for _, t := range firstStrings(sharedTopics(p.s.topicSpread(), sides[0].topics, sides[1:]...), 3) {
			tp, _ := p.s.lex.Topic(t)
			var its []item
			for _, sd := range sides {
				if r, ok := quoteFor(sd, tp.Article, ""); ok {
					its = append(its, item{label: sd.name, quote: r.sentRef})
				}
			}
			if len(its) < len(sides) {
				for _, it := range its {
					delete(p.used, it.quote.key())
				}
				continue
			}
			shared := append([]item{{plain: "共同点：都重视“" + t + "”方面的工作。"}}, its...)
			if commonRE.MatchString(p.q.Norm) {
				// Asked for what they share: that first, then each one's own.
				d.items = append(shared, d.items...)
			} else {
				d.items = append(d.items, shared...)
			}
			break
		}
	}
	if !d.hasQuotes() {
		d.refused = true
	}
	return d
}

// compareMethods compares the methods a question names, one per leader
// ("零距离服务工程和三社联动相比"): each by its own record — what it is and
// how it is done — cited to its own article.
func (p *planner) compareMethods(d *draft) bool {
	var ms []catalog.Method
	leaders := map[string]bool{}
	for _, name := range p.q.Methods {
		if m, ok := p.method(name); ok && m.Leader != "" && !leaders[m.Leader] {
			leaders[m.Leader] = true
			ms = append(ms, m)
		}
	}
	if len(ms) < 2 {
		return false
	}
	for _, m := range ms {
		it := item{label: p.leaderLabel(m.Leader) + " · “" + strings.Trim(m.Name, "“”") + "”"}
		if def, ok := p.definitionOf(m); ok && p.fresh(def) {
			p.take(def)
			it.quote = def
		}
		var more []sentRef
		for _, qs := range [][]catalog.Quote{m.How, m.Results} {
			for _, r := range quotes(p, qs) {
				if len(more) == 2 || !p.fresh(r) {
					continue
				}
				p.take(r)
				more = append(more, r)
				break
			}
		}
		if len(more) == 0 && it.quote.chunk != nil {
			// No recorded how or results: what follows its definition.
			for _, r := range p.narrate([]rankedSent{{sentRef: it.quote}}, 2) {
				if r.key() != it.quote.key() && (practiceRE2.MatchString(r.norm) || resultWords.MatchString(r.norm)) {
					more = append(more, r.sentRef)
				} else if r.key() != it.quote.key() {
					delete(p.used, r.key())
				}
			}
		}
		if it.quote.chunk == nil && len(more) > 0 {
			it.quote, more = more[0], more[1:]
		}
		it.more = more
		if it.quote.chunk == nil {
			continue
		}
		d.add(it)
		d.methods = append(d.methods, m.Name)
	}
	return d.hasQuotes()
}

// commonRE asks what the compared have in common.
var commonRE = regexp.MustCompile(`共同|相同|相似|一样|共通|都有`)

// genericCompareTopic is a topic left over from "做法有什么共同点" that
// names nothing in particular.
func genericCompareTopic(t string) bool {
	rest := strings.NewReplacer("工作方法", "", "工作重点", "", "重点", "", "特点", "", "侧重", "", "思路", "", "工作", "", "方法", "", "有", "", "点", "", "之处", "", "两人", "", "两位", "", "二人", "", "她们", "", "他们", "", "各自", "", "各", "", "分别", "", "和", "", "与", "", "跟", "", "在", "", "上", "", "方面", "", " ", "").Replace(t)
	return utf8.RuneCountInString(rest) < 2
}

// practiceFirst lowers the score of sentences that describe no action
// (problems, praise, questions), so what someone did comes first.
func practiceFirst(ranked []rankedSent) []rankedSent { return practiceWeighted(ranked, 0.5) }

func practiceWeighted(ranked []rankedSent, factor float64) []rankedSent {
	for i := range ranked {
		t := strings.TrimSpace(ranked[i].norm)
		if !practiceRE2.MatchString(t) || strings.HasSuffix(t, "?") || strings.HasSuffix(t, "？") {
			ranked[i].score *= factor
		}
	}
	slices.SortStableFunc(ranked, func(a, b rankedSent) int { return cmpScore(b.score, a.score) })
	return ranked
}

// compareSide is one leader of a comparison: her sentences and the
// lexicon topics her articles touch (with how many words matched).
type compareSide struct {
	name   string
	cands  []sentRef
	topics map[string]int
}

// sharedTopics are the topics every side works on, strongest first.
func sharedTopics(spread map[string]int, first map[string]int, others ...compareSide) []string {
	type tc struct {
		t string
		n int
	}
	var list []tc
	for t, n := range first {
		min := n
		ok := true
		for _, o := range others {
			if o.topics[t] == 0 {
				ok = false
				break
			}
			if o.topics[t] < min {
				min = o.topics[t]
			}
		}
		if ok && min >= 2 {
			list = append(list, tc{t, min})
		}
	}
	// Distinctive first: a topic every secretary works on (队伍, 服务群众)
	// says less about these two than one few others share.
	slices.SortFunc(list, func(a, b tc) int {
		if spread[a.t] != spread[b.t] {
			return spread[a.t] - spread[b.t]
		}
		if a.n != b.n {
			return b.n - a.n
		}
		return strings.Compare(a.t, b.t)
	})
	out := make([]string, len(list))
	for i, x := range list {
		out[i] = x.t
	}
	return out
}

// topicSpread counts, per lexicon topic, the leaders whose articles work
// on it (two or more of its words), once per Service.
func (s *Service) topicSpread() map[string]int {
	s.spreadOnce.Do(func() {
		s.spread = map[string]int{}
		if s.lex == nil {
			return
		}
		for leader := range s.ents.leaderInfo {
			n := map[string]int{}
			for _, r := range s.sentencesIn(s.leaderChunks(leader)) {
				for t, k := range s.lex.InText(r.norm) {
					n[t] += k
				}
			}
			for t, k := range n {
				if k >= 2 {
					s.spread[t]++
				}
			}
		}
	})
	return s.spread
}

// planAdvice answers "our community has problem X, whom can we learn
// from": the practices across leaders that address the topic, one or two
// per leader, each introduced by who and where.
func (p *planner) planAdvice(ctx context.Context, only []string) (*draft, error) {
	d := &draft{}
	expansion := p.expansion()
	query := strings.TrimSpace(p.q.Topic + " " + strings.Join(expansion, " "))
	if query == "" {
		query = p.q.Norm
	}
	res, err := p.s.o.Search.Search(ctx, query, retrieval.SearchOptions{K: max(12, 3*p.s.o.Passages)})
	if err != nil {
		return nil, err
	}
	var cands []sentRef
	for _, h := range res.Hits {
		cands = append(cands, p.s.sentences(p.s.hitChunk(h))...)
	}
	wt := p.terms(p.q.Topic, expansion, cands)
	wt.lexiconFirst = len(expansion) > 0
	// What to learn is what she did, not how bad it was before.
	ranked := practiceFirst(rank(cands, wt, IntentHow))
	if len(expansion) == 0 && (len(ranked) == 0 || wt.total > 0 && ranked[0].covered < 0.5*wt.total) {
		// No topic of community work, and no passage holds half of what
		// was asked ("明天兰州天气怎么样"): nothing to learn from here.
		d.refused = true
		return d, nil
	}
	perLeader := map[string]int{}
	var order []string
	byLeader := map[string][]rankedSent{}
	for _, r := range ranked {
		l := zh.ToSimplified(r.chunk.Meta.Leader)
		if len(only) > 0 && !slices.Contains(only, l) {
			continue
		}
		if r.score < 1.2 || !p.fresh(r.sentRef) || perLeader[l] >= 2 {
			continue
		}
		if len(expansion) > 0 && !matchesAny(r.norm, expansion) {
			continue // a practice on the topic, not a sentence that shares a word
		}
		if perLeader[l] == 0 {
			if len(order) == 4 || len(order) > 0 && r.score < 0.35*byLeader[order[0]][0].score {
				continue // a weak match is no example to learn from
			}
			order = append(order, l)
		} else if r.score < byLeader[l][0].score*0.6 {
			continue
		}
		perLeader[l]++
		p.take(r.sentRef)
		byLeader[l] = append(byLeader[l], r)
		if perLeader[l] == 1 && len(order) <= 3 {
			// The practice is often told in the sentence after the one
			// that names the topic.
			if more := p.narrate([]rankedSent{r}, 1); len(more) > 1 {
				for _, m := range more[1:] {
					if practiceRE2.MatchString(m.norm) || resultWords.MatchString(m.norm) {
						byLeader[l] = append(byLeader[l], m)
						perLeader[l]++
					}
				}
			}
		}
	}
	if len(order) == 0 {
		d.refused = true
		return d, nil
	}
	topic := p.q.Topic
	if len(p.q.Topics) > 0 {
		var names []string
		for _, t := range p.q.Topics {
			names = append(names, t.Name)
		}
		topic = strings.Join(firstStrings(names, 2), "、")
	}
	d.lead = "在“" + topic + "”方面，可以借鉴这些书记的做法："
	runes := 0
	for i, l := range order {
		for j, r := range byLeader[l] {
			n := utf8.RuneCountInString(r.text)
			if j > 0 && (runes+n > maxAnswerRunes+80 || len(d.items) >= 6 || len(d.items)+len(order)-i > 6) {
				break // one practice each before a second for anyone
			}
			runes += n
			label := p.leaderLabel(l)
			if l == "" {
				label = r.chunk.Meta.SourceLine()
			}
			d.add(item{label: label, quote: r.sentRef})
			d.context = appendChunk(d.context, r.chunk)
		}
		d.leaders = append(d.leaders, l)
	}
	return d, nil
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

func cmpScore(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func matchesAny(norm string, words []string) bool {
	for _, w := range words {
		if utf8.RuneCountInString(w) >= 2 && strings.Contains(norm, w) {
			return true
		}
	}
	return false
}

// planGeneral answers a question that names no leader or method: the
// best sentences of the best passages, each labelled with its leader when
// they come from more than one.
func (p *planner) planGeneral(ctx context.Context) (*draft, error) {
	d := &draft{}
	query := p.q.Norm
	if ex := p.expansion(); len(ex) > 0 {
		query += " " + strings.Join(ex, " ")
	}
	res, err := p.s.o.Search.Search(ctx, query, retrieval.SearchOptions{K: p.s.o.Passages})
	if err != nil {
		return nil, err
	}
	// Retrieval's relevance is judged on the query it was given, which the
	// lexicon lengthened; the coverage check below judges the question.
	if res == nil || len(res.Hits) == 0 || !res.Relevant && len(p.q.Topics) == 0 {
		d.refused = true
		return d, nil
	}
	var cands []sentRef
	for _, h := range res.Hits {
		c := p.s.hitChunk(h)
		cands = append(cands, p.s.sentences(c)...)
		d.context = append(d.context, c)
	}
	topic := p.q.Topic
	if topic == "" {
		topic = p.q.Norm
	}
	wt := p.terms(topic, p.expansion(), cands)
	ranked := rank(cands, wt, p.q.Intent)
	if len(ranked) == 0 || wt.total > 0 && ranked[0].covered < 0.45*wt.total && !p.anyTopicMatch(ranked[0].norm) {
		// The best sentence covers under half of what was asked: the
		// passages share words with the question, they do not answer it.
		d.refused = true
		return d, nil
	}
	picked := p.pick(ranked, 4, func(r rankedSent) bool { return r.covered > 0 || p.anyTopicMatch(r.norm) })
	leaders := map[string]bool{}
	for _, r := range picked {
		leaders[zh.ToSimplified(r.chunk.Meta.Leader)] = true
	}
	for _, r := range picked {
		l := zh.ToSimplified(r.chunk.Meta.Leader)
		label := ""
		if len(leaders) > 1 && l != "" {
			label = l
		}
		d.add(item{label: label, quote: r.sentRef})
		if !slices.Contains(d.leaders, l) && l != "" {
			d.leaders = append(d.leaders, l)
		}
	}
	if len(leaders) == 1 {
		for l := range leaders {
			if l != "" {
				d.lead = "据" + p.leaderLabel(l) + "的资料："
			}
		}
	}
	if !d.hasQuotes() {
		d.refused = true
	}
	return d, nil
}

func (p *planner) anyTopicMatch(norm string) bool {
	for _, t := range p.q.Topics {
		if len(t.Matches(norm)) > 0 {
			return true
		}
	}
	return false
}

func filterRE(rs []sentRef, re *regexp.Regexp) []sentRef {
	var out []sentRef
	for _, r := range rs {
		if re.MatchString(r.norm) {
			out = append(out, r)
		}
	}
	return out
}

func containsAll(s string, parts []string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

func firstStrings(ss []string, n int) []string {
	if len(ss) > n {
		return ss[:n]
	}
	return ss
}

func firstChunks(cs []*corpus.Chunk, n int) []*corpus.Chunk {
	if len(cs) > n {
		return cs[:n]
	}
	return cs
}

func appendChunk(cs []*corpus.Chunk, c *corpus.Chunk) []*corpus.Chunk {
	for _, x := range cs {
		if x.ID == c.ID {
			return cs
		}
	}
	return append(cs, c)
}

func chineseNumber(n int) string {
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
	if n >= 0 && n <= 10 {
		return digits[n]
	}
	return strconv.Itoa(n)
}
