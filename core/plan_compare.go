package core

// The comparison plan: each leader on the asked topic, the named methods by
// their records, or main methods and a shared topic, each point cited to
// its own leader's article.

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"bangyang/catalog"
)

// planCompare answers a comparison: each leader's practice on the asked
// topic (or, without one, the topics both work on and where they differ),
// every point cited to that leader's own article.
func (p *planner) planCompare(leaders []string) *draft {
	d := &draft{leaders: leaders}
	d.lead = strings.Join(leaders, "和") + "的做法比较："
	var sides []compareSide
	for _, l := range leaders {
		cs := p.s.leaderSentences(l)
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
		ranked := rank(sd.cands, wt, IntentHow)
		if len(p.q.Topics) > 0 {
			// The field's own words say a sentence is on it, more than the
			// asking words it shares ("组织居民议事": 板凳会, not a repair
			// she 组织居民 for).
			field := append(slices.Clone(p.q.Topics[0].Article), p.q.Topics[0].Ask...)
			for i := range ranked {
				if matchesAny(ranked[i].norm, field) {
					ranked[i].score *= 1.3
				}
			}
		}
		ranked = paragraphBoost(practiceFirst(ranked), 0.3)
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
		var ways []string // "周晓燕用“民情直通车”": each one's practice, by name
		for _, sd := range sides {
			got := quotesFor(sd, p.expansion(), topic, 3-len(sides)/2)
			if len(got) == 0 {
				// Nothing ranks on the question's wording: her sentences
				// that use the field's own words, if any.
				got = p.pick(p.onField(sd.cands), 1, nil)
			}
			if len(got) == 0 {
				missing = append(missing, sd.name)
				continue
			}
			// Each point as its story: the best sentence with the doing
			// next to it, within her share of the answer.
			budget := (maxAnswerRunes + 60) / len(sides)
			var refs []sentRef
			runes := 0
			for i, r := range got {
				if i > 0 && runes+utf8.RuneCountInString(r.text) > budget {
					delete(p.used, r.key())
					continue
				}
				st := []sentRef{r.sentRef}
				if len(sides) <= 2 {
					st = p.story(r.sentRef, max(0, budget-runes))
				}
				for _, x := range st {
					runes += utf8.RuneCountInString(x.text)
				}
				refs = append(refs, st...)
			}
			inOrder(refs)
			label := p.leaderLabel(sd.name)
			name := p.methodTelling(sd.name, refs)
			if name != "" {
				label += " · “" + name + "”" // the practice compared, by its name
			} else {
				name = p.hersNamed(sd.name, refs)
			}
			if name != "" {
				ways = append(ways, sd.name+"用“"+name+"”")
			}
			it := item{label: label, quote: refs[0], more: refs[1:]}
			items = append(items, it)
		}
		if len(missing) == len(sides) {
			return false
		}
		if len(ways) == len(sides) && differOnlyRE.MatchString(p.q.Norm) && !commonRE.MatchString(p.q.Norm) {
			// Asked how they differ: say it first, by the practices quoted
			// below (nothing beyond their names is claimed).
			items = append([]item{{plain: "不同点：" + strings.Join(ways, "，") + "。"}}, items...)
		}
		d.items = append(d.items, items...)
		var bare []string
		for _, name := range missing {
			// Her main method instead, said to be that: the two sides are
			// still compared, and nothing is claimed of the field.
			if it, ok := p.mainMethodItem(name); ok {
				d.add(it)
				continue
			}
			bare = append(bare, name)
		}
		switch {
		case len(bare) > 0:
			d.tail = "资料中没有提到" + strings.Join(bare, "、") + "在这方面的做法。"
		case len(missing) > 0:
			d.tail = "资料中没有直接提到" + strings.Join(missing, "、") + "在这方面的做法，列出的是其主要方法。"
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
	if p.q.Premise != "" && !genericCompareTopic(p.q.Premise) && onTopic(p.q.Premise) {
		// "两人都记民情日记，用法有什么区别": the shared practice is the topic.
		return d
	}
	// What they share: the first topic of community work both articles
	// are strong on, said only with a quote from each.
	shared := func() []item {
		if its := p.alikePractices(leaders); its != nil {
			return its
		}
		if p.s.lex == nil {
			return nil
		}
		least := 2 // a topic each works on, not one each mentions once
		if commonRE.MatchString(p.q.Norm) {
			least = 1 // asked what they share: a topic each touches is something
		}
		for _, t := range firstStrings(sharedTopics(p.s.topicSpread(), least, sides[0].topics, sides[1:]...), 3) {
			tp, _ := p.s.lex.Topic(t)
			var its []item
			for _, sd := range sides {
				// Work each did on it, not a hardship met ("缺人力缺资金")
				// nor a post held ("2017年起担任社区党委书记").
				if r, ok := quoteFor(sd, tp.Article, ""); ok && !hardshipRE.MatchString(r.norm) && !postOnlyRE.MatchString(r.norm) {
					its = append(its, item{label: sd.name, quote: r.sentRef})
				} else if ok {
					delete(p.used, r.key())
				}
			}
			if len(its) < len(sides) {
				for _, it := range its {
					delete(p.used, it.quote.key())
				}
				continue
			}
			return append([]item{{plain: "共同点：都重视“" + t + "”方面的工作。"}}, its...)
		}
		return nil
	}
	// Asked for what they share: that first, and its quotes are taken
	// before each one's own methods are told.
	var common []item
	if commonRE.MatchString(p.q.Norm) {
		common = shared()
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
			it := item{label: strings.Trim(ms[0].Name, "“”"), quote: def}
			if bareName(def, ms[0]) {
				// "一是推行居民说事工作法。": what it is comes next.
				for _, r := range p.practiceAfter(def, 1) {
					if p.fresh(r) {
						p.take(r)
						it.more = append(it.more, r)
					}
				}
			}
			d.add(it)
		}
	}
	if common != nil {
		d.items = append(common, d.items...)
	} else {
		d.items = append(d.items, shared()...)
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

// differOnlyRE asks how the compared differ.
var differOnlyRE = regexp.MustCompile(`不同|差别|区别|差异|异同|各有什么`)

// hersNamed is the first of the leader's own methods a run of sentences
// names.
func (p *planner) hersNamed(leader string, refs []sentRef) string {
	var b strings.Builder
	for _, r := range refs {
		b.WriteString(r.text)
	}
	mine := p.s.methodsOf(leader)
	for _, m := range p.s.methodsInOrder(b.String()) {
		for _, n := range mine {
			if strings.Trim(n, "“”") == strings.Trim(m, "“”") {
				return strings.Trim(m, "“”")
			}
		}
	}
	return ""
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

// sharedTopics are the topics every side works on (with at least least
// of its words), most distinctive first.
func sharedTopics(spread map[string]int, least int, first map[string]int, others ...compareSide) []string {
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
		if ok && min >= least {
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
			for _, r := range s.leaderSentences(leader) {
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

// identityRE is what two people share by who or where they are (都是
// 全国优秀党务工作者, 都在城乡接合部) rather than by what they do.
var identityRE = regexp.MustCompile(`都(是|在|为|属于|来自|有|获|当选|担任|曾)`)

// bareName reports a sentence that names the method and says nothing more
// of it ("一是推行居民说事工作法。").
func bareName(def sentRef, m catalog.Method) bool {
	if t := strings.TrimSpace(def.text); strings.HasSuffix(t, "：") || strings.HasSuffix(t, ":") {
		return true // "她总结的“三张单子”工作法，做法如下：": what it is follows
	}
	return utf8.RuneCountInString(def.text)-utf8.RuneCountInString(strings.Trim(m.Name, "“”")) < 10
}

// onField ranks sentences by how many words of the question's topics they
// use (a specific word, 3 runes or more, counting double), what she did
// before how things were.
func (p *planner) onField(cands []sentRef) []rankedSent {
	var out []rankedSent
	for _, c := range cands {
		if isHeadingLike(c.text) || isQuestion(c.text) {
			continue
		}
		sc := 0.0
		for _, t := range p.q.Topics {
			for _, w := range t.Matches(c.norm) {
				sc++
				if utf8.RuneCountInString(w) >= 3 {
					sc++
				}
			}
		}
		if sc < 2 {
			continue // one short word in passing is not the field
		}
		if !isDoing(c.norm) {
			sc *= 0.6
		}
		out = append(out, rankedSent{c, sc, 0})
	}
	slices.SortStableFunc(out, func(a, b rankedSent) int { return cmpScore(b.score, a.score) })
	return out
}

// onlyRegionAsked reports a question whose topic is its place and the ask
// for work alone ("成都的书记有什么好经验"), no field of its own ("兰州的书记
// 怎么处理高空抛物").
func (p *planner) onlyRegionAsked() bool {
	rest := workAskedRE.ReplaceAllString(withoutPlaces(p.q.Topic, p.s.ents.regions), " ")
	rest = strings.NewReplacer("市", "", "区", "", "县", "", "好", "", "有", "", "的", "", "社区", "", "书记", "", "优秀", "", "做", "", "干", "", " ", "").Replace(rest)
	return utf8.RuneCountInString(rest) < 2
}

// planRegion tells the secretaries of a city or district asked about with
// no field: each one's main method by its definition.
func (p *planner) planRegion(leaders []string) *draft {
	d := &draft{lead: "资料中在" + strings.TrimRight(p.q.RegionKey, "市") + "工作的书记和他们的主要方法："}
	for _, l := range leaders {
		if len(d.items) == 5 {
			break
		}
		if it, ok := p.mainMethodItem(l); ok {
			d.add(it)
			d.leaders = append(d.leaders, l)
			d.context = append(d.context, it.quote.chunk)
		}
	}
	if len(d.items) == 0 {
		return nil
	}
	return d
}

// mainMethodItem is a leader's main method by the sentence naming it,
// labelled as such.
func (p *planner) mainMethodItem(leader string) (item, bool) {
	ms := p.s.mainMethods(leader, 1)
	if len(ms) == 0 {
		return item{}, false
	}
	def, ok := p.definitionOf(ms[0])
	if !ok || !p.fresh(def) {
		return item{}, false
	}
	p.take(def)
	it := item{label: p.leaderLabel(leader) + " · 主要方法“" + strings.Trim(ms[0].Name, "“”") + "”", quote: def}
	if bareName(def, ms[0]) {
		for _, r := range p.practiceAfter(def, 1) {
			if p.fresh(r) {
				p.take(r)
				it.more = append(it.more, r)
			}
		}
	}
	return it, true
}

// alikePractices is a kind of practice every leader compared has, told by
// the word their methods' names share (楼长议事会, 楼栋长议事机制: 议事;
// 银发帮帮团, 老门帮帮团: 帮帮团), each method by its own definition. The
// word is the one most methods of the corpus are named with (a form of
// work the genre knows); words that end any kind of method (管理, 小组)
// are no kind (formWord).
func (p *planner) alikePractices(leaders []string) []item {
	if p.s.o.Catalog == nil || len(leaders) < 2 {
		return nil
	}
	all := p.s.o.Catalog.Methods()
	named := func(w string) int {
		n := 0
		for _, m := range all {
			if strings.Contains(m.Name, w) {
				n++
			}
		}
		return n
	}
	per := make([][]catalog.Method, len(leaders))
	for i, l := range leaders {
		if per[i] = p.s.mainMethods(l, 6); len(per[i]) == 0 {
			return nil
		}
	}
	var word string
	var chosen []catalog.Method
	best := 0
	for _, m := range per[0] {
		rs := []rune(practiceHead(m.Name))
		for i := range rs {
			for j := max(i+2, len(rs)-1); j <= len(rs); j++ {
				w := string(rs[i:j])
				if !formWord(w) {
					continue
				}
				ms := []catalog.Method{m}
				for _, other := range per[1:] {
					k := slices.IndexFunc(other, func(o catalog.Method) bool { return headsWith(o.Name, w) })
					if k < 0 {
						ms = nil
						break
					}
					ms = append(ms, other[k])
				}
				if ms == nil {
					continue
				}
				if sc := named(w) * utf8.RuneCountInString(w); sc > best {
					best, word, chosen = sc, w, ms
				}
			}
		}
	}
	if word == "" {
		return nil
	}
	var ways []string
	out := []item{{}}
	for i, m := range chosen {
		def, ok := p.definitionOf(m)
		if !ok || !p.fresh(def) {
			for _, it := range out[1:] {
				delete(p.used, it.quote.key())
			}
			return nil
		}
		p.take(def)
		name := strings.Trim(m.Name, "“”")
		ways = append(ways, leaders[i]+"的“"+name+"”")
		out = append(out, item{label: leaders[i] + " · “" + name + "”", quote: def})
	}
	out[0] = item{plain: "共同点：都用“" + word + "”的办法（" + strings.Join(ways, "，") + "）。"}
	return out
}

// practiceHead is a method's name without what says it is a method
// (院坝议事工作法 → 院坝议事): its end says what kind of practice it is.
func practiceHead(name string) string {
	name = strings.Trim(name, "“”")
	for _, suf := range []string{"工作法", "工作机制", "机制", "模式", "制度"} {
		if h := strings.TrimSuffix(name, suf); h != name && utf8.RuneCountInString(h) >= 2 {
			return h
		}
	}
	return name
}

// headsWith reports a method whose name ends with w, give or take one
// rune (夜间议事厅 with 议事): the kind of practice, not a word at its start
// (邻里积分超市, 邻里一张网 share only 邻里).
func headsWith(name, w string) bool {
	h := practiceHead(name)
	i := strings.LastIndex(h, w)
	return i >= 0 && utf8.RuneCountInString(h[i+len(w):]) <= 1
}

// formWord is a word a method's name may share with another's as its kind
// of practice: not a numeral (三张) or a word that only says "method" or
// "community" (服务, 行动, 社区).
func formWord(w string) bool {
	for _, r := range w {
		if !unicode.Is(unicode.Han, r) || strings.ContainsRune(numeralRunes+"几", r) {
			return false
		}
	}
	for _, g := range methodSuffixWords {
		if strings.Contains(g, w) {
			return false
		}
	}
	return true
}

// methodSuffixWords say a name is a method, not what kind of practice.
var methodSuffixWords = []string{"工作法", "服务法", "服务", "行动", "工程", "活动", "体系", "社区", "党建", "居民", "管理", "小组", "中心", "平台", "项目", "计划"}
