package core

// Answer plans for a named method: what it is, its steps and their
// procedure, how it is done, who made it, its problem and results.

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"bangyang/catalog"
	"bangyang/corpus"
	"bangyang/zh"
)

func (p *planner) method(name string) (catalog.Method, bool) {
	if p.s.o.Catalog == nil {
		return catalog.Method{}, false
	}
	return p.s.o.Catalog.Method(name)
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

// toldAfter are the doings told right after a method's naming sentence,
// at most four, up to the next section, another secretary or another
// method named: its story, not the next one's.
func (p *planner) toldAfter(m catalog.Method, def sentRef) []sentRef {
	var out []sentRef
	name := flatten(zh.ToSimplified(strings.Trim(m.Name, "“”")))
	for _, r := range p.s.sentencesAfter(def.chunk, def.pos, 16) {
		if len(out) == 4 || p.s.sentenceLeader(r) != m.Leader && p.s.sentenceLeader(r) != "" {
			break
		}
		if isHeadingLike(r.text) {
			if len(out) > 0 {
				break
			}
			continue
		}
		if p.s.namesAMethod(r.norm) && !strings.Contains(flatten(r.norm), name) {
			break // another method's story
		}
		if isDoing(r.norm) && !honourRE.MatchString(r.norm) {
			out = append(out, r)
		}
	}
	return out
}

// resultsAfter are the outcome sentences among the twelve after a method's
// naming sentence that name no other method: "积分超市运行两年来，……" is
// the supermarket's result, not the meeting's told before it.
func (p *planner) resultsAfter(m catalog.Method, def sentRef) []sentRef {
	var out []sentRef
	name := flatten(zh.ToSimplified(strings.Trim(m.Name, "“”")))
	for _, r := range p.s.sentencesAfter(def.chunk, def.pos, 12) {
		if !resultWords.MatchString(r.norm) {
			continue
		}
		if (p.s.namesAMethod(r.norm) || p.namesHerOther(m, r.norm)) && !strings.Contains(flatten(r.norm), name) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// askedMethod is the one method the question names, if any.
func (p *planner) askedMethod() (catalog.Method, bool) {
	if len(p.q.Methods) != 1 {
		return catalog.Method{}, false
	}
	return p.method(p.q.Methods[0])
}

// namesIt reports a sentence naming the method, by its name or an alias.
func (p *planner) namesIt(m catalog.Method, norm string) bool {
	flat := flatten(norm)
	for _, n := range append([]string{m.Name}, m.Aliases...) {
		if k := flatten(zh.ToSimplified(strings.Trim(n, "“”"))); utf8.RuneCountInString(k) >= 2 && strings.Contains(flat, k) {
			return true
		}
	}
	return false
}

// namesHerOther reports a sentence naming another of her methods, by its
// name, its core or its last four characters (积分超市 of 邻里积分超市).
func (p *planner) namesHerOther(m catalog.Method, norm string) bool {
	if p.s.o.Catalog == nil {
		return false
	}
	flat := flatten(norm)
	for _, o := range p.s.o.Catalog.MethodsOf(m.Leader) {
		if o.Name == m.Name {
			continue
		}
		n := flatten(zh.ToSimplified(strings.Trim(o.Name, "“”")))
		keys := []string{n, nameCore(n)}
		if rs := []rune(n); len(rs) >= 5 {
			keys = append(keys, string(rs[len(rs)-4:]))
		}
		for _, k := range keys {
			if utf8.RuneCountInString(k) >= 3 && strings.Contains(flat, k) {
				return true
			}
		}
	}
	return false
}

// sharedSteps are the sentences (by key) that carry out two steps or
// more in their clauses, each opened by its ordinal (一来网格员天天在网格里
// 转，…；二来…；三来…), other than the one naming the method: each step is
// told by its own clause.
func (p *planner) sharedSteps(m catalog.Method, def sentRef, hasDef bool) map[string]bool {
	count := map[string]int{}
	for i, qs := range m.Procedure {
		seen := map[string]bool{}
		for _, q := range qs {
			if i >= len(m.Steps) || !opensOrdinal(q.Text) && !opensItsItem(q.Text, m.Steps[i]) {
				continue
			}
			if r, ok := p.quoteOf(q); ok && !seen[r.key()] && strings.TrimSpace(r.text) != strings.TrimSpace(q.Text) {
				seen[r.key()] = true
				count[r.key()]++
			}
		}
	}
	out := map[string]bool{}
	for k, n := range count {
		// The naming sentence is shared only when it tells every step
		// (推行“三访工作法”，一访困难户，…；二访…；三访…).
		if n >= 2 && (!hasDef || k != def.key() || n >= len(m.Steps)) {
			out[k] = true
		}
	}
	return out
}

// ordinalOpenRE opens a clause telling one step by its ordinal (第一步…,
// 头一件事…, 第二件…, 一来…, 二是…, 其三…, 最后一件…, ②…), perhaps after a
// short lead-in clause (说起来不复杂，一来…).
var ordinalOpenRE = regexp.MustCompile(`^(?:[^，,：:；;]{1,12}[，,])?“?(?:第[一二三四五六七八九十]+(?:步|件|条|桩|招|是)|头一(?:件|条|桩|步)|最后一(?:件|条|桩|步)|[一二三四五六七八九十](?:来|是|要)|其[一二三四五六七八九十]|[①②③④⑤⑥⑦⑧⑨⑩])`)

// opensOrdinal reports a step's clause opened by its ordinal, past a
// speaker's label (A（邱桂兰）：…).
func opensOrdinal(t string) bool {
	n := strings.TrimSpace(zh.ToSimplified(t))
	if i := strings.IndexAny(n, "：:"); i > 0 && utf8.RuneCountInString(n[:i]) <= 12 && !ordinalOpenRE.MatchString(n) {
		n = strings.TrimSpace(n[i+len(string([]rune(n[i:])[0])):])
	}
	return ordinalOpenRE.MatchString(n)
}

// opensItsItem reports a clause opened by its own item (关注户：…, 对黄色户，
// 也就是…).
func opensItsItem(t, step string) bool {
	n := strings.TrimSpace(unquoted(zh.ToSimplified(t)))
	for _, p := range []string{"对于", "对", "其中", "首先是", "先是", "其次是", "再是", "然后是", "接着是", "最后是"} {
		n = strings.TrimPrefix(n, p) // ("先是听，…；再是议，…": 听, 议)
	}
	st := unquoted(zh.ToSimplified(step))
	return st != "" && strings.HasPrefix(n, st)
}

// stepQuotes are a step's procedure sentences; one that is a clause of a
// sentence telling several steps (shared) is that clause alone, as the
// catalog cut it at its ；.
func (p *planner) stepQuotes(qs []catalog.Quote, shared map[string]bool) []sentRef {
	var out []sentRef
	for _, q := range qs {
		r, ok := p.quoteOf(q)
		if !ok {
			continue
		}
		if want := strings.TrimSpace(q.Text); shared[r.key()] && strings.Contains(r.text, want) && utf8.RuneCountInString(want) >= 6 {
			r.text, r.norm = want, zh.ToSimplified(want)
		}
		out = append(out, r)
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

// explicitStepsRE asks for steps by that word (哪几步, 步骤, 流程), not
// just "具体怎么做".
var explicitStepsRE = regexp.MustCompile(`哪几步|几个步骤|几步|步骤|流程|环节|每一步|一步步|一步一步`)

// situationClauseRE opens a sentence with the situation a practice
// answers: "新桥社区外来人口多，", "为了……，", "针对……，".
var situationClauseRE = regexp.MustCompile(`^[^，,。]{2,20}(多|少|难|差|乱|缺|不足|没人管|找不到)[^，,。]{0,6}[，,]|^(为了|为|针对|面对|鉴于)[^，,。]{2,30}[，,]`)

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
	shared := p.sharedSteps(m, def, hasDef)
	procedure := func(i int) []sentRef {
		if i < len(m.Procedure) && len(m.Procedure[i]) > 0 {
			return p.stepQuotes(m.Procedure[i], shared)
		}
		// No recorded procedure: the sentences that name the step, other
		// than the one listing all steps.
		var out []sentRef
		if i < len(m.Steps) {
			keys := []string{m.Steps[i]}
			if core := stepCore(m.Steps[i]); core != m.Steps[i] {
				// "打造微阵地" is carried out where the article says
				// "“党建驿站”微阵地纷纷建立".
				keys = append(keys, core)
			}
			for _, r := range p.s.leaderSentences(m.Leader) {
				if matchesAny(flatten(r.norm), keys) && !containsAll(r.norm, m.Steps) && !enumeratesSteps(r.norm, m.Steps) {
					out = append(out, r)
				}
			}
		}
		return out
	}
	// Honours are no part of how a method is done ("2021年，她被评为……").
	how := practiceInOrder(dropHonours(quotes(p, m.How)))
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
			how = dropHonours(p.practiceAfter(def, 5))
		}
	}
	// Nor is why she keeps it, told in her words ("说起为什么要坚持…，她
	// 说：“……”"): the problem plan's, not how it is done.
	how = slices.DeleteFunc(how, func(r sentRef) bool { return whyToldRE.MatchString(r.norm) && quotedWordsRE.MatchString(r.norm) })
	// Nor her profile told in the paragraph naming it ("于丽琴，女，1968年
	// 6月出生，……荣誉68项。她创建了“三位一体”……").
	how = slices.DeleteFunc(how, func(r sentRef) bool { return bornYearRE.MatchString(r.norm) })
	results := quotes(p, m.Results)
	if missing := p.unstated(m); missing != "" {
		// "四单工作法有什么经费保障": the method is there, what is asked of
		// it is not. Say so, and what the article does say.
		of := "的"
		if yesNoRE.MatchString(strings.TrimSpace(p.q.Norm)) {
			of = "是否" // "要收费吗": whether it charges, not "its 要收费"
			if m := modalRE.FindStringSubmatch(missing); m != nil && m[1] != "" {
				// "类别会变吗": whether its 类别会不会变, not "是否类别会变".
				of, missing = "的", m[1]+m[2]+"不"+m[2]+m[3]
			}
		}
		d.lead = "资料中没有提到" + name + of + missing + "。文中是这样介绍的："
		d.refused = true
		if hasDef {
			p.take(def)
			d.add(item{quote: def})
		}
		return d
	}
	if m.Unexpanded && len(m.Steps) == 0 && (p.q.Intent == IntentSteps || p.q.Intent == IntentHow) && hasDef {
		if after := p.toldAfter(m, def); len(after) >= 2 {
			// Named once, then told in the paragraphs that follow without
			// markers: those paragraphs are how it is done.
			d.lead = name + "在文中没有分步骤，" + m.Leader + "的做法是："
			if p.fresh(def) {
				p.take(def)
				d.add(item{quote: def})
			}
			addQuotes("", after, 4)
			return d
		}
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
			if hasDef {
				if items := p.itemsTold(def, how); len(items) > 0 || clauses(def.norm) >= 3 {
					// "每个楼道推选楼道长；小事在楼道里议；大事……": the items
					// are told in clauses, not listed under numbers.
					d.lead = name + "在文中没有分条列出，原文是这样写的："
					p.take(def)
					d.add(item{quote: def})
					addQuotes("", items, 3)
					break
				}
			}
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
			d.lead = howDone(who, name)
			if explicitStepsRE.MatchString(p.q.Norm) {
				d.lead = name + "在文中没有分步骤，" + m.Leader + "的做法是：" // asked for its steps
			}
			// The sentence naming it often tells how ("推行“院坝议事”工作法：
			// 每月15日晚上……"): it leads, even when shown before.
			if hasDef && (p.fresh(def) || strings.ContainsAny(def.norm, "：:") && isDoing(def.norm)) && !p.used[def.key()] {
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
		if p.q.Asks == AsksWhy && k <= len(m.Steps) {
			problem := quotes(p, m.Problem)
			if len(problem) == 0 && hasDef && whyToldInDefRE.MatchString(def.norm) {
				problem = []sentRef{def} // "面对…的局面，探索形成…": what it answers
			}
			d.step = k
			p.whyStep(d, m, k, name, procedure(max(k, 1)-1), problem)
			break
		}
		if k == 0 {
			// "社区开单这一步做什么": the step named — not a step's word
			// inside the method's own name (议事 of 三步议事法).
			asked := p.q.Norm
			for _, n := range append([]string{m.Name}, m.Aliases...) {
				if n = zh.ToSimplified(strings.Trim(n, "“”")); utf8.RuneCountInString(n) >= 3 {
					asked = strings.ReplaceAll(asked, n, " ")
				}
			}
			for i, st := range m.Steps {
				if strings.Contains(asked, st) && !strings.Contains(p.q.Norm, m.Name) || strings.Contains(asked, st) && len(m.Steps) > 1 && !containsAll(asked, m.Steps) {
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
				d.step = k
				d.lead = fmt.Sprintf("%s的第%s步是“%s”：", name, chineseNumber(k), p.stepName(m, k-1, def))
				if classItems(m.Steps) {
					d.lead = fmt.Sprintf("%s中的“%s”：", name, p.stepName(m, k-1, def)) // a class, not a step
				}
				proc := procedure(k - 1)
				if addQuotes("", proc, 3) == 0 {
					// Shown before, with all the steps: still how this one is done.
					for _, r := range proc[:min(3, len(proc))] {
						if !p.used[r.key()] {
							p.take(r)
							d.add(item{quote: r})
						}
					}
				}
				if !d.hasQuotes() {
					if hasDef {
						d.add(item{quote: def})
					}
					if !hasDef || !sequenceRE.MatchString(def.norm) {
						d.tail = "文中没有单独展开这一步的做法。" // unless the sentence naming them tells each in turn
					}
				}
				break
			}
		}
		if classItems(m.Steps) && !explicitStepsRE.MatchString(p.q.Norm) {
			d.lead += fmt.Sprintf("%s分为%d类：", whose(who, name), len(m.Steps)) // 红色户、黄色户…: classes
		} else if whichItemsRE.MatchString(p.q.Norm) && !stepsRE.MatchString(p.q.Norm) {
			d.lead += fmt.Sprintf("%s包括%d项：", whose(who, name), len(m.Steps)) // 哪四色: items, not steps
		} else if pl := partsLead(m); pl != "" {
			d.lead += whose(who, name) + pl // 三联一访: the 三联's three, then the 一访
		} else {
			d.lead += fmt.Sprintf("%s共%d步：", whose(who, name), len(m.Steps))
		}
		anyProc, shownProc := false, false
		for i := range m.Steps {
			proc := procedure(i)
			it := item{number: i + 1, label: p.stepName(m, i, def)}
			budget := (maxAnswerRunes - 40) / max(1, len(m.Steps))
			for _, r := range proc {
				if hasDef && r.key() == def.key() && (containsAll(def.norm, m.Steps) || enumeratesSteps(def.norm, m.Steps) || sequenceRE.MatchString(def.norm)) {
					continue // the naming sentence tells them all: shown once, after
				}
				if !p.fresh(r) {
					shownProc = true
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
			if it.quote.chunk != nil && len(it.more) == 0 && namesOnly(it.quote.norm, it.label) {
				// "一是党员进楼栋。" names the step; how it is done is told
				// in the sentences after it in its paragraph.
				for _, r := range p.s.sentencesAfter(it.quote.chunk, it.quote.pos, 2) {
					if r.chunk != it.quote.chunk || r.para != it.quote.para || !p.fresh(r) || utf8.RuneCountInString(r.text) > budget {
						break
					}
					p.take(r)
					budget -= utf8.RuneCountInString(r.text)
					it.more = append(it.more, r)
				}
			}
			if it.quote.chunk == nil {
				it.plain = it.label
				it.label = ""
			} else if opensWithStep(it.quote.norm, it.label) || namesOnly(it.quote.norm, it.label) {
				it.label = "" // "排查到位：网格员每周……", "一是党员进楼栋。" say their step themselves
			}
			d.add(it)
		}
		if !anyProc {
			if hasDef && p.fresh(def) {
				p.take(def)
				d.add(item{quote: def})
				if sequenceRE.MatchString(def.norm) || tellsEachStep(def.norm, m.Steps) {
					break // "先……再……最后……", "①摸底：…；②建档：…": the sentence itself tells each step
				}
			}
			if addQuotes("具体做法", how, 4) == 0 {
				d.tail = "文中未展开各步的具体做法。"
				if shownProc {
					// Told in this conversation already: so it is, not "not told".
					d.tail = "各步的具体做法前面已经引用过原文。"
				}
			}
		}
	case IntentWho:
		d.lead = name + "出自" + p.describe(m.Leader) + "的事迹，原文是这样写的：" // the quote says who made it; we do not claim more
		if hasDef {
			p.take(def)
			it := item{quote: def}
			if genericSubjectRE.MatchString(def.norm) {
				// "社区总结……": which community is told just before.
				para := p.s.paragraph(def)
				for i := len(para) - 1; i >= 0; i-- {
					if para[i].pos < def.pos && !fragment(para[i].text) {
						it = item{quote: para[i], more: []sentRef{def}}
						p.take(para[i])
						break
					}
				}
			}
			d.add(it)
		}
	case IntentResult:
		d.lead = whose(who, name) + "取得的成效："
		// What the method achieved, not an honour of hers told near it
		// ("2023年，韦志鹏被评为优秀党务工作者"): a measured change first.
		results = measuredFirst(p.dropHerHonours(results, m))
		if p.prev != nil && laterRE.MatchString(p.q.Norm) && len(results) == 0 {
			// "后来呢" with no recorded results: what the article says
			// next, results first.
			addQuotes("", filterRE(p.afterShown(p.s.leaderChunks(m.Leader)), resultWords), 3)
		}
		if len(d.items) == 0 && addQuotes("", results, 3) == 0 && len(results) > 0 && !p.bareLater() {
			// Its results were shown already: they are still the answer,
			// better than another method's that follow in the text.
			for _, r := range results[:min(3, len(results))] {
				p.take(r)
				d.add(item{quote: r})
			}
		}
		if len(d.items) == 0 && hasDef {
			after := measuredFirst(p.dropHerHonours(p.resultsAfter(m, def), m))
			if addQuotes("", after, 2) == 0 && !p.bareLater() {
				// Shown earlier (in her profile): still the answer.
				for _, r := range after[:min(2, len(after))] {
					if !p.used[r.key()] {
						p.take(r)
						d.add(item{quote: r})
					}
				}
			}
		}
		if !d.hasQuotes() && p.bareLater() && (len(results) > 0 || hasDef && len(p.resultsAfter(m, def)) > 0) {
			// "后来呢" once its results were shown: nothing more, said so.
			more := p.nothingMore(m.Leader)
			more.lead = "关于" + name + "，资料中后面的内容上面都已经介绍了。"
			more.methods = d.methods
			*d = *more
			break
		}
		if !d.hasQuotes() && hasDef && resultInSentence(def.norm, m.Name) && !p.bareLater() {
			// "…坐在一起商量，最终实现了收缴率从六成提高到九成": what came
			// of it is told in the sentence naming it.
			p.take(def)
			d.add(item{quote: def})
		}
		if !d.hasQuotes() {
			d.lead = "资料中没有提到" + name + "的具体成效。"
			if hasDef {
				d.add(item{quote: def})
			}
		}
	case IntentProblem:
		d.lead = whose(who, name) + "针对的问题："
		var problems []sentRef
		for _, r := range quotes(p, m.Problem) {
			if !corpus.IsInterviewQuestion(r.text) {
				problems = append(problems, r) // an interviewer's question states no problem
			}
		}
		addQuotes("", problems, 2)
		if !d.hasQuotes() && hasDef {
			// No recorded problem: the one stated just before it was
			// set up ("枫林社区老人多，不少人不会用智能手机。" then "她牵头
			// 办起“板凳课堂”").
			// (Or at the end of the paragraph before, in the same section:
			// "刚来的时候，我发现大家……互相不认识。" then "我们想了个办法".)
			before, stated := p.reasonBefore(def)
			if !stated || len(before) == 1 && before[0].key() == def.key() {
				before = nil // the sentence naming it is for the branches below
			}
			if addQuotes("", before, 2) == 0 {
				for _, r := range before {
					if !p.used[r.key()] {
						p.take(r) // shown before (with how it is done): still the answer
						d.add(item{quote: r})
					}
				}
			}
		}
		if !d.hasQuotes() && hasDef && m.Leader != "" {
			// Told after what it was ("……这个办法我们叫“巷长制”"): what was
			// told before its story began.
			if para := p.s.paragraph(def); len(para) > 0 && para[0].key() != def.key() {
				if why, stated := p.reasonBefore(para[0]); len(why) > 0 && stated {
					addQuotes("", why, 2)
				} else if len(why) > 0 && p.fresh(why[0]) {
					d.lead = "文中没有直接说" + name + "针对的问题；" + who + "这样做之前，文中介绍的情况是："
					p.take(why[0])
					d.add(item{quote: why[0]})
				}
			}
		}
		if !d.hasQuotes() && hasDef {
			// Told after it, in her own words ("说起办“板凳课”的初衷，孙丽娟
			// 说：“好多老人……排一上午队。”"): a sentence on why, naming it
			// or in its paragraph, a few sentences on.
			for _, r := range p.s.sentencesAfter(def.chunk, def.pos, 4) {
				if r.chunk.ArticleID != def.chunk.ArticleID || p.s.namesAMethod(r.norm) && !strings.Contains(flatten(r.norm), flatten(zh.ToSimplified(strings.Trim(m.Name, "“”")))) {
					break
				}
				if whyToldRE.MatchString(r.norm) && p.fresh(r) {
					p.take(r)
					d.add(item{quote: r})
					break
				}
			}
		}
		if !d.hasQuotes() && hasDef && situationClauseRE.MatchString(def.norm) {
			// "新桥社区外来人口多，他牵头组建了……": the sentence setting it up
			// opens with what it answers.
			p.take(def)
			d.add(item{quote: def})
		}
		if !d.hasQuotes() {
			d.lead = "资料中没有单独说明" + name + "针对的问题，文中是这样介绍的："
			if hasDef {
				d.add(item{quote: def})
			}
		}
	case IntentHow:
		d.lead = howDone(who, name)
		if hasDef && p.fresh(def) && (isDoing(def.norm) || !bareName(def, m) && !isProblem(def.norm) && strings.Contains(flatten(def.norm), flatten(zh.ToSimplified(strings.Trim(m.Name, "“”"))))) && (len(m.Steps) == 0 || !enumeratesSteps(def.norm, m.Steps)) {
			// The sentence naming the method usually tells how it was set
			// up ("她反复上门协调,组建了……社区大党委", "我们推了“院落自治
			// 小组”，每个院落由居民推选三到五个人").
			p.take(def)
			d.add(item{quote: def})
		}
		if len(m.Steps) > 0 && !p.shownAll(how) {
			for i := range m.Steps {
				// Every step, in order: a step whose sentence an earlier
				// answer showed is still part of how it is done.
				proc := procedure(i)
				var pickR *sentRef
				for j := range proc {
					if p.fresh(proc[j]) {
						pickR = &proc[j]
						break
					}
				}
				if pickR == nil {
					for j := range proc {
						if !p.used[proc[j].key()] {
							pickR = &proc[j]
							break
						}
					}
				}
				if pickR != nil {
					p.take(*pickR)
					label := p.stepName(m, i, def)
					if opensWithStep(pickR.norm, label) {
						label = "" // "红色户：失能……" says its step itself
					}
					it := item{number: i + 1, label: label, quote: *pickR}
					if zh.HanCount(pickR.norm) <= zh.HanCount(p.stepName(m, i, def))+12 {
						// "步骤：第一步 内容：听。" only names it: how it is done
						// is the sentence after it in its procedure.
						for _, r := range proc {
							if r.pos > pickR.pos && r.chunk == pickR.chunk && !p.used[r.key()] {
								p.take(r)
								it.more = append(it.more, r)
								break
							}
						}
					}
					d.add(it)
				} else {
					d.add(item{number: i + 1, plain: p.stepName(m, i, def)}) // the numbering stays whole
				}
			}
		}
		// How it is done is its doings and what came of them, not a
		// hesitation told beside them ("一开始也有人观望").
		var worked []sentRef
		for _, r := range how {
			if othersSayRE.MatchString(r.norm) && !isDoing(r.norm) {
				continue // "居民王大爷说：“有了红管家……心里踏实。”": praise, no doing
			}
			opensCase := exampleOpenRE.MatchString(r.norm) || storyTimeRE.MatchString(string([]rune(r.norm)[:min(6, len([]rune(r.norm)))]))
			if isDoing(r.norm) || isOutcome(r.norm) || opensCase || !hesitationRE.MatchString(r.norm) && !isProblem(r.norm) {
				worked = append(worked, r) // (a case is told from its opening: 比如12号楼……, 去年8月……)
			}
		}
		if len(worked) == 0 {
			worked = how
		}
		n0 := len(d.items)
		addQuotes("", worked, 4-len(d.items))
		if len(m.Steps) == 0 {
			// Told in the article's order: a case reads from its opening
			// ("比如12号楼……" before "老周把情况报上来后……").
			refs := make([]sentRef, 0, len(d.items)-n0)
			for _, it := range d.items[n0:] {
				refs = append(refs, it.quote)
			}
			inOrder(refs)
			for i, r := range refs {
				d.items[n0+i] = item{quote: r}
			}
		}
		if !d.hasQuotes() && hasDef {
			d.add(item{quote: def})
			d.tail = "文中未展开具体做法。"
			if p.shownAll(how) {
				d.tail = "具体做法上面已经引用过原文。" // told in this conversation: so it is, not "not told"
			}
		}
	default: // what, summary-like, other
		d.lead = name + "是" + who + "的工作方法。"
		if who == "" {
			d.lead = name + "是文中介绍的工作方法。"
		}
		if hasDef {
			p.take(def)
			d.add(item{quote: def})
		}
		if len(m.Steps) > 0 && (!hasDef || !containsAll(def.norm, m.Steps) || partsOfName(m)) {
			steps := make([]string, len(m.Steps))
			for i := range m.Steps {
				steps[i] = p.stepName(m, i, def)
			}
			// Each part told in a sentence of its own ("**初访**：…",
			// "**常访**：…", "**回访**：…"): what it is, is those parts, all
			// of them — not the first two as its doings.
			var told []sentRef
			for i := range m.Steps {
				for _, r := range procedure(i) {
					if p.fresh(r) && (len(told) == 0 || told[len(told)-1].key() != r.key()) {
						told = append(told, r)
						break
					}
				}
			}
			if len(m.Steps) <= 6 && len(told) == len(m.Steps) && storyRunes(told) <= maxAnswerRunes-100 {
				d.lead = name + "是" + who + "的工作方法，包括" + strconv.Itoa(len(m.Steps)) + "个部分："
				for i, r := range told {
					p.take(r)
					label := p.stepName(m, i, def)
					if strings.HasPrefix(unquoted(r.norm), unquoted(label)) {
						label = "" // "初访：新搬来的住户……" says its part itself
					}
					d.add(item{number: i + 1, label: label, quote: r})
				}
				break
			}
			d.add(item{plain: "包括：" + strings.Join(steps, "、")})
		}
		// What is labelled 做法 is a doing: not the situation before it
		// ("老年人口占比超过四成"), a question the article asks, or what
		// people call her.
		var doing, outcome []sentRef
		for _, r := range how {
			switch {
			case resultWords.MatchString(r.norm) && (!isDoing(r.norm) || digitRE.MatchString(r.norm)):
				outcome = append(outcome, r) // "坚持三年，累计敲门两万多次"
			case isDoing(r.norm):
				doing = append(doing, r)
			}
		}
		addQuotes("做法", doing, 2)
		if len(results) == 0 {
			results = outcome
		}
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

// hesitationRE is people holding back from what was started (一开始也有人
// 观望): no part of how it is done.
var hesitationRE = regexp.MustCompile(`观望|犹豫|顾虑|怀疑|不信任|不相信|不看好|不理解`)

// quotedWordsRE opens someone's words in quotation marks (何秀英说：“…).
var quotedWordsRE = regexp.MustCompile(`(说|表示|坦言|感慨|回忆)[：:，,]?[“"]`)

// whyToldRE says a sentence tells why something was done: its 初衷, 起因,
// 原因, or 之所以….
var whyToldRE = regexp.MustCompile(`初衷|起因|缘起|原因是|之所以|想法来自|念头|为什么要`)

// resultInSentence reports a sentence naming a method that goes on to
// tell what came of it: a result after the name, in a later clause.
func resultInSentence(norm, method string) bool {
	i := strings.Index(norm, zh.ToSimplified(strings.Trim(method, "“”")))
	if i < 0 {
		return false
	}
	rest := norm[i:]
	j := strings.IndexAny(rest, "，,；;")
	return j >= 0 && (resultWords.MatchString(rest[j:]) || finallyRE.MatchString(rest[j:]))
}

// finallyRE opens what came of something (最终, 终于, 从此).
var finallyRE = regexp.MustCompile(`最终|终于|从此|使得|此后`)

// itemsTold are the sentences that tell a method's parts without
// numbering them: clauses split by ；, or the doing sentences that follow
// its naming one in the same paragraph, when the naming sentence does not
// itself hold two clauses or more.
func (p *planner) itemsTold(def sentRef, how []sentRef) []sentRef {
	if clauses(def.norm) >= 3 {
		return nil // the naming sentence itself tells them
	}
	var out []sentRef
	for _, r := range p.s.paragraph(def) {
		if r.pos > def.pos && (isDoing(r.norm) || clauses(r.norm) >= 3) {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		for _, r := range how {
			if clauses(r.norm) >= 3 {
				out = append(out, r)
			}
		}
	}
	return out
}

// clauses counts the parts of a sentence split by semicolons.
func clauses(norm string) int { return strings.Count(norm, "；") + strings.Count(norm, ";") + 1 }

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
	for _, r := range p.s.leaderSentences(m.Leader) {
		k := r.chunk.ID + "\x00" + strconv.Itoa(r.para)
		if seen[k] || !matchesAny(flatten(r.norm), names) && r.key() != def.key() {
			continue
		}
		seen[k] = true
		var pa para
		for _, x := range p.s.paragraph(r) {
			if isHeadingLike(x.text) || fragment(x.text) || x.key() != def.key() && noDoingOfHers(x) {
				continue // nor her career, an honour or praise beside it
			}
			if x.key() != def.key() && nextWayRE.MatchString(strings.TrimSpace(x.norm)) && p.namesHerOther(m, x.norm) && !matchesAny(flatten(x.norm), names) {
				continue // 另一个办法是“一键呼”…: another of her ways, counted beside it
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

func (p *planner) shownAll(rs []sentRef) bool {
	for _, r := range rs {
		if !p.shown[r.key()] {
			return false
		}
	}
	return len(rs) > 0
}

// stepVerbs open a step named as verb and object (打造微阵地, 开展微活动):
// the article carries the step out under the object alone.
var stepVerbs = []string{"打造", "开展", "进行", "践行", "建立", "实行", "推行", "组建", "坚持", "落实", "强化", "加强", "完善", "创新", "推进", "搭建", "健全", "深化", "提升", "做好", "抓好", "实施", "开设", "设立", "创建", "建设", "发挥", "培育", "凝聚", "激活", "优化", "整合"}

// stepCore is a step without its opening verb, when what is left still
// names something (two characters or more).
func stepCore(step string) string {
	for _, v := range stepVerbs {
		if rest, ok := strings.CutPrefix(step, v); ok && utf8.RuneCountInString(rest) >= 2 {
			return rest
		}
	}
	return step
}

// enumeratesSteps reports the sentence listing the steps (by their cores):
// it names the method, it does not carry a step out.
func enumeratesSteps(norm string, steps []string) bool {
	if len(steps) < 2 {
		return false
	}
	n := 0
	for _, st := range steps {
		if strings.Contains(norm, stepCore(st)) {
			n++
		}
	}
	return n >= 2 && n*2 >= len(steps)+1
}

// genericSubjectRE opens a sentence whose subject is named only in
// general (社区总结…): who it is was said before.
var genericSubjectRE = regexp.MustCompile(`^(社区|街道|该社区|小区|他们|大家|居民们|这里)`)

// dropHonours leaves out the sentences telling an honour.
func dropHonours(rs []sentRef) []sentRef {
	var out []sentRef
	for _, r := range rs {
		if !honourRE.MatchString(r.norm) {
			out = append(out, r)
		}
	}
	return out
}

// measuredRE is a result told by a measure (a rate, a change from one
// figure to another, a count of what was done, satisfaction, problems
// solved): more than an honour.
var measuredRE = regexp.MustCompile(`\d+(\.\d+)?%|从[^，,。]{1,16}(提高|增加|上升|下降|减少|降低|提升|增长)(到|至)|(提高|增加|上升|下降|减少|降低|提升|增长)(到|至|了)[^，,。]{0,6}\d|满意|累计|解决|\d+[余多]?(件|起|次|户|人次|个问题|项)`)

// dropHerHonours drops the sentences telling an honour of the method's
// leader herself, with no measured result of her work and not won by
// the method (凭借“X”…被评为 is its result).
func (p *planner) dropHerHonours(rs []sentRef, m catalog.Method) []sentRef {
	name := flatten(zh.ToSimplified(strings.Trim(m.Name, "“”")))
	var out []sentRef
	for _, r := range rs {
		if honourRE.MatchString(r.norm) && p.s.namesLeader(r.norm, m.Leader) && !measuredRE.MatchString(r.norm) &&
			!strings.Contains(flatten(r.norm), name) && !byMethodRE.MatchString(r.norm) {
			continue
		}
		out = append(out, r)
	}
	if len(out) == 0 {
		return rs // nothing else came of it in the text: the honour is what there is
	}
	return out
}

// byMethodRE credits an honour to the work told before it.
var byMethodRE = regexp.MustCompile(`凭借|凭着|因此|因为|由于这|这一做法|这个做法|这项工作|这些做法`)

// measuredFirst puts the results told by a measure first, keeping order
// otherwise.
func measuredFirst(rs []sentRef) []sentRef {
	out := slices.Clone(rs)
	slices.SortStableFunc(out, func(a, b sentRef) int {
		return boolRank(measuredRE.MatchString(b.norm)) - boolRank(measuredRE.MatchString(a.norm))
	})
	return out
}

// bareLater reports a follow-up asking only what came next ("后来呢"),
// not its results by name ("后来效果怎么样").
func (p *planner) bareLater() bool {
	return p.prev != nil && laterRE.MatchString(p.q.Norm) && !asksOutcomeRE.MatchString(p.q.Norm) && !laterAsksRE.MatchString(p.q.Norm)
}

// laterAsksRE is what a "后来…" question may ask beyond what came next.
var laterAsksRE = regexp.MustCompile(`怎么样|变化|发展|影响|好处|评价|反响`)

// classItems reports items that are classes of people or homes (红色户、
// 黄色户、绿色户; 重点户、关注户、普通户), which are no steps in an order.
func classItems(steps []string) bool {
	if len(steps) < 2 {
		return false
	}
	for _, st := range steps {
		if !classItemRE.MatchString(zh.ToSimplified(st)) {
			return false
		}
	}
	return true
}

var classItemRE = regexp.MustCompile(`^\p{Han}{1,4}(?:户|类|级|家庭|对象|人员)$|^[红橙黄绿青蓝紫白灰黑]色$`)

// nextWayRE opens a sentence counting another way beside the one told
// (另一个办法是…, 第二招是…, 还有一招…).
var nextWayRE = regexp.MustCompile(`^(?:她|他|我们|社区)?(?:又|还)?(?:第[一二三四五六七八九十]个?|另一个|另外一个|还有一个|再一个|还有一)(?:办法|招|法子|点子|举措|做法|妙招|实招|绝招)`)

// modalRE splits what is asked whether into its subject, a modal verb and
// the rest (类别|会|变); the subject is as long as it can be (开会|要|签到,
// not 开|会|要签到).
var modalRE = regexp.MustCompile(`^(\p{Han}{1,6})(会|能|要|可以)(\p{Han}{1,6})$`)

// howDone leads how a method is done: "吴中兰是这样做“四单工作法”的：", or,
// when no article says whose it is, "“分色管理”是这样做的：".
func howDone(who, name string) string {
	if who == "" {
		return name + "是这样做的："
	}
	return who + "是这样做" + name + "的："
}

// whose is "吴中兰的“四单工作法”", or the name alone when no one's.
func whose(who, name string) string {
	if who == "" {
		return name
	}
	return who + "的" + name
}

// opensWithStep reports a quote that says its step itself at its opening
// ("排查到位：网格员每周……", "第一步摸清底数，……", "A（邱桂兰）：说起来不复杂，一来
// 网格员天天在网格里转，……"): past a speaker's label, the step within its
// first few runes.
func opensWithStep(norm, step string) bool {
	name := unquoted(zh.ToSimplified(step))
	t := strings.TrimSpace(unquoted(strings.ReplaceAll(norm, "**", ""))) // **摸清底数**：…
	t = corpus.TrimListMark(t)                                           // （一）组织联建：…
	if name == "" {
		return false
	}
	if strings.HasPrefix(t, name) {
		return true
	}
	if i := strings.IndexAny(t, "：:"); i > 0 && utf8.RuneCountInString(t[:i]) <= 12 {
		t = strings.TrimSpace(t[i+len(string([]rune(t[i:])[0])):])
	}
	rs := []rune(t)
	return strings.Contains(string(rs[:min(len(rs), utf8.RuneCountInString(name)+10)]), name)
}

// namesOnly reports a sentence that is a step's name and little more
// ("一是党员进楼栋。", "第二步，居民提事。").
func namesOnly(norm, step string) bool {
	name := unquoted(zh.ToSimplified(step))
	t := unquoted(norm)
	return name != "" && strings.Contains(t, name) && utf8.RuneCountInString(t)-utf8.RuneCountInString(name) <= 5
}

// tellsEachStep reports a sentence giving every step its own clause
// ("①摸底：网格员逐户走访…；②建档：…").
func tellsEachStep(norm string, steps []string) bool {
	if len(steps) < 2 {
		return false
	}
	for _, st := range steps {
		name := zh.ToSimplified(strings.Trim(st, "“”"))
		if !strings.Contains(norm, name+"：") && !strings.Contains(norm, name+":") {
			return false
		}
	}
	return true
}

// sequenceRE is a sentence telling steps in order (先……再……最后……).
var sequenceRE = regexp.MustCompile(`(先|首先|第一步).{2,40}(再|然后|接着|其次|第二步).{2,40}(最后|再|然后|第三步)`)

// methodsPlace answers which community a named method is of: the
// community whose article tells it, and its secretary, said first, then
// the sentence naming it; into *d, reporting whether it did. Not when the
// secretary's place is unknown, nor when another secretary's articles
// name it too (a city's programme, such as 接诉即办, is no one's own).
func (p *planner) methodsPlace(d **draft) bool {
	m, ok := p.method(p.q.Methods[0])
	if !ok || m.Leader == "" {
		return false
	}
	info := p.s.ents.leaderInfo[m.Leader]
	if info.Place == "" {
		return false
	}
	for other := range p.s.ents.leaderInfo {
		if other != m.Leader && slices.ContainsFunc(p.s.leaderSentences(other), func(r sentRef) bool { return p.namesIt(m, r.norm) }) {
			return false
		}
	}
	def, ok := p.definitionOf(m)
	if !ok || p.used[def.key()] {
		return false
	}
	who := m.Leader
	if info.Role != "" {
		who = info.Role + m.Leader
	}
	p.take(def)
	*d = &draft{leaders: []string{m.Leader}, methods: []string{m.Name}, context: []*corpus.Chunk{def.chunk}}
	(*d).lead = "讲“" + strings.Trim(m.Name, "“”") + "”的是" + info.Place + "（" + who + "）的事迹："
	(*d).add(item{quote: def})
	return true
}

// partsOfName: every step is a part the method's name spells (三联 and 一访
// of 三联一访): the naming sentence holding them tells none of them.
func partsOfName(m catalog.Method) bool {
	name := zh.ToSimplified(m.Name)
	for _, st := range m.Steps {
		if !strings.Contains(name, zh.ToSimplified(st)) {
			return false
		}
	}
	return len(m.Steps) >= 2
}

// stepPurposeRE marks a clause telling what a doing is for (为了…, 让驻区单位
// 动起来, 确保…, 避免…).
var stepPurposeRE = regexp.MustCompile(`为了|为的是|目的是|目的在于|旨在|以便|确保|避免|防止|就是要|让[^，,。；;]{1,12}(能|有|不再|更|都|起来|放心|安心|满意)|使[^，,。；;]{1,10}(能|得到|更)|解决了?[^，,。；;]{0,10}(问题|难题|难事)`)

// whyToldInDefRE: the naming sentence tells what the method answers.
var whyToldInDefRE = regexp.MustCompile(`面对|针对|为了|为解决|为破解|着眼于|聚焦`)

// whyStep answers what step k (0: the steps as a whole) is for: the
// sentences of its procedure telling a purpose — its heading's subtitle
// (资源联用：让驻区单位动起来) among them — then the problem the method
// answers; when the article gives no purpose, says so and tells how the
// step is done instead.
func (p *planner) whyStep(d *draft, m catalog.Method, k int, name string, proc, problem []sentRef) {
	what := name
	if k > 0 {
		what = name + "的第" + chineseNumber(k) + "步“" + zh.ToSimplified(m.Steps[k-1]) + "”"
	}
	var why []sentRef
	if k > 0 {
		for _, r := range proc {
			if stepPurposeRE.MatchString(r.norm) && !p.used[r.key()] && len(why) < 2 {
				why = append(why, r)
			}
		}
	}
	for _, r := range problem {
		if !p.used[r.key()] && len(why) < 3 && !slices.ContainsFunc(why, func(x sentRef) bool { return x.key() == r.key() }) {
			why = append(why, r)
		}
	}
	if len(why) > 0 {
		d.lead = what + "，文中讲到的用意和针对的问题："
		for _, r := range why {
			p.take(r)
			d.add(item{quote: r})
		}
		return
	}
	d.lead = "文中没有直接说明为什么要有" + what + "。这一步的做法是："
	if k == 0 {
		d.lead = "文中没有直接说明" + what + "的用意。"
		proc = nil
	}
	for _, r := range proc[:min(2, len(proc))] {
		p.take(r)
		d.add(item{quote: r})
	}
	if !d.hasQuotes() {
		d.refused = true
	}
}

// partsLead leads the steps of a 三X一Y told as the 三X's items and then
// the 一Y ("包括“三联”（党员联户、楼长联楼、单位联社区）和“一访”两部分："),
// "" for other steps.
func partsLead(m catalog.Method) string {
	name := []rune(zh.ToSimplified(strings.Trim(m.Name, "“”")))
	n := len(m.Steps)
	if n < 3 || len(name) < 4 {
		return ""
	}
	last := []rune(zh.ToSimplified(m.Steps[n-1]))
	if len(last) != 2 || !strings.ContainsRune("一二三四五六七八九十两", last[0]) || !strings.Contains(string(name), string(last)) ||
		!strings.ContainsRune("二三四五六七八九十两", name[0]) || strings.Index(string(name), string(last)) == 0 || numberOf(string(name[0])) != n-1 {
		return ""
	}
	items := make([]string, n-1)
	for i, st := range m.Steps[:n-1] {
		items[i] = zh.ToSimplified(st)
	}
	return "包括“" + string(name[:2]) + "”（" + strings.Join(items, "、") + "）和“" + string(last) + "”两部分："
}
