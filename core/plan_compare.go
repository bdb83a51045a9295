package core

// The comparison plan: each leader on the asked topic, the named methods by
// their records, or main methods and a shared topic, each point cited to
// its own leader's article.

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"bangyang/catalog"
	"bangyang/corpus"
	"bangyang/lexicon"
	"bangyang/zh"
)

// planCompare answers a comparison: each leader's practice on the asked
// topic (or, without one, the topics both work on and where they differ),
// every point cited to that leader's own article.
func (p *planner) planCompare(leaders []string) *draft {
	d := &draft{leaders: leaders}
	d.lead = namesJoined(leaders) + "的做法比较："
	if len(p.q.Leaders) == 1 && len(leaders) > 1 && otherSecretariesRE.MatchString(p.q.Norm) {
		// "她和其他书记比": who the others are, said.
		d.lead = leaders[0] + "和其他书记（" + strings.Join(leaders[1:], "、") + "）的做法比较："
	}
	if p.prev != nil && p.prev.Intent == IntentCompare && (p.q.FollowUp || p.q.Resolved) && p.q.Topic == p.prev.Topic && !genericCompareTopic(p.q.Topic) {
		// "那她们的共同点呢" right after a comparison on a field: its
		// sentences, shown or not, are what the points rest on.
		p.shown = nil
	}
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
	fields := p.askedFields()
	practices := map[string][]string{} // each side's practices, by name
	for _, sd := range sides {
		practices[sd.name] = p.practicesNamed(sd)
	}
	quotesFor := func(sd compareSide, topicWords []string, topic string, n int) []rankedSent {
		wt := p.terms(topic, topicWords, sd.cands)
		ranked := rank(sd.cands, wt, IntentHow)
		ranked = pointsPassOn(ranked, sd.cands)
		for i := range ranked {
			// "在郑国强的推动下，“石榴籽”…推广": a practice of another side
			// (a street report's community case) is hers to tell, not his.
			for _, o := range sides {
				if o.name != sd.name && slices.ContainsFunc(practices[o.name], func(w string) bool {
					return strings.Contains(ranked[i].norm, w) && !slices.Contains(practices[sd.name], w)
				}) {
					ranked[i].score *= 0.2
					break
				}
			}
		}
		if len(p.q.Topics) > 0 {
			// The field's own words say a sentence is on it, more than the
			// asking words it shares ("组织居民议事": 板凳会, not a repair
			// she 组织居民 for).
			field := append(slices.Clone(p.q.Topics[0].Article), p.q.Topics[0].Ask...)
			for i := range ranked {
				if matchesAny(ranked[i].norm, field) {
					ranked[i].score *= 1.3
				}
				// A doing with two of the field's specific words (3 runes or
				// more) is on it, more than one sharing the asking words
				// (基层, 组织 of "基层组织架构": 基层党组织走出了一条…路).
				n := 0
				for _, w := range p.q.Topics[0].Matches(ranked[i].norm) {
					if utf8.RuneCountInString(w) >= 3 {
						n++
					}
				}
				if n >= 2 && isDoing(ranked[i].norm) {
					ranked[i].score *= 1.5
				}
			}
		}
		if len(fields) > 0 && len(p.q.Attributes) == 0 && honourAsked(p.q) == "" {
			// On a field, each side is what she did on it: not an honour
			// that names the field, what people call her, a resident's
			// words about her, nor a sentence of the field's words without
			// her doing.
			for i := range ranked {
				if p.notHerDoing(ranked[i].sentRef, sd.name) {
					ranked[i].score *= 0.15
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
		var told []string
		bySide := map[string]item{}
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
			if len(fields) > 0 {
				got = p.hersFirst(got, sd.name)
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
					// What the story adds is hers to tell too: not what
					// the place is called by, an honour, a quote of others.
					st = slices.DeleteFunc(st, func(x sentRef) bool {
						if x.key() != r.key() && p.notHerDoing(x, sd.name) {
							delete(p.used, x.key())
							return true
						}
						return false
					})
					if len(st) == 1 {
						// A doing told alone: what came of it, when the
						// next sentence of its paragraph counts it (两年来，
						// “红管家”修好路灯40多盏).
						for _, x := range p.s.sentencesAfter(r.chunk, r.pos, 1) {
							if x.chunk == r.chunk && x.para == r.para && countedSinceRE.MatchString(x.norm) && p.fresh(x) && !p.notHerDoing(x, sd.name) &&
								runes+utf8.RuneCountInString(r.text)+utf8.RuneCountInString(x.text) <= budget {
								p.take(x)
								st = append(st, x)
							}
						}
					}
				}
				for _, x := range st {
					runes += utf8.RuneCountInString(x.text)
				}
				refs = append(refs, st...)
			}
			inOrder(refs)
			label := p.leaderLabel(sd.name)
			name := p.methodTelling(sd.name, refs)
			if q := quotedPractice(refs[0]); q != "" && name != "" && !strings.Contains(refs[0].norm, name) {
				// "发动党员，她的办法是设“党员先锋岗”": the practice the
				// sentence names, not a method whose record holds it too.
				name = ""
			}
			if name != "" {
				label += " · “" + name + "”" // the practice compared, by its name
			} else {
				name = p.hersNamed(sd.name, refs)
			}
			if way := cmp.Or(name, quotedPractice(refs[0])); way != "" {
				ways = append(ways, sd.name+"用“"+way+"”")
			}
			if _, ok := p.method(name); ok && name != "" {
				told = append(told, name) // what a follow-up (那效果呢) is about
			}
			it := item{label: label, quote: refs[0], more: refs[1:]}
			items = append(items, it)
			bySide[sd.name] = it
		}
		if len(missing) == len(sides) {
			return false
		}
		if bothYesNoRE.MatchString(p.q.Norm) {
			// "两人都办了食堂吗": yes or no first, as far as the articles
			// tell it; each one's practice below is what that rests on.
			var have []string
			for _, sd := range sides {
				if slices.Contains(missing, sd.name) {
					continue
				}
				it := bySide[sd.name]
				if rs := append([]sentRef{it.quote}, it.more...); !slices.ContainsFunc(rs, func(r sentRef) bool { return p.onAskedField(r.norm, topic, fields) }) {
					// What was found of hers is on something else: not
					// quoted as if it were the thing asked.
					missing = append(missing, sd.name)
					for _, r := range rs {
						delete(p.used, r.key())
					}
					items = slices.DeleteFunc(items, func(x item) bool { return x.quote.key() == it.quote.key() })
					continue
				}
				have = append(have, sd.name)
			}
			if len(missing) == 0 {
				d.lead = "资料中写到" + strings.Join(have, "和") + "都有这方面的做法："
			} else {
				d.lead = "资料中只写到" + strings.Join(have, "、") + "有这方面的做法，没有提到" + strings.Join(missing, "、") + "的："
			}
		}
		if len(missing) == 0 && asksCommon(p.q.Norm) && !bothYesNoRE.MatchString(p.q.Norm) {
			// Asked what they share on it: the field each one works on
			// with a practice of her own, said first by what is quoted.
			if f := p.sharedField(items, fields); f != "" {
				line := "共同点：都在“" + f + "”上有自己的做法"
				if len(ways) == len(sides) {
					line += "（" + strings.Join(ways, "，") + "）"
				}
				items = append([]item{{plain: line + "。"}}, items...)
			}
		}
		if len(ways) == len(sides) && differOnlyRE.MatchString(p.q.Norm) && !asksCommon(p.q.Norm) {
			// Asked how they differ: say it first, by the practices quoted
			// below (nothing beyond their names is claimed).
			items = append([]item{{plain: "不同点：" + strings.Join(ways, "，") + "。"}}, items...)
		}
		d.items = append(d.items, items...)
		if len(told) == len(sides) {
			d.methods = append(d.methods, told...)
		}
		var bare []string
		for _, name := range missing {
			// Her main method instead, said to be that: the two sides are
			// still compared, and nothing is claimed of the field.
			if it, ok := p.mainMethodItem(name); ok {
				// On her own line: that the field is not there first,
				// then what her main method is, said to be that.
				main := strings.TrimPrefix(it.label, p.leaderLabel(name)+" · ")
				it.label = p.leaderLabel(name) + "：资料中没有直接提到" + name + "在这方面的做法；其" + main
				d.add(it)
				continue
			}
			bare = append(bare, name)
		}
		for _, name := range bare {
			d.add(item{label: p.leaderLabel(name), plain: "资料中没有提到" + name + "在这方面的做法。"})
		}
		return true
	}
	if p.compareMethods(d) {
		return p.hedgeBetter(d, leaders)
	}
	asked := p.q.Topic
	if whichBetterRE.MatchString(p.q.Norm) {
		// "谁的办法更好": the asking words are no field.
		asked = betterWordsRE.ReplaceAllString(asked, " ")
		asked = strings.NewReplacer("我们", "", "咱们", "", "社区", "", "小区", "").Replace(asked) // whose place it is to suit
	}
	if len(p.q.Topics) > 0 || strings.TrimSpace(asked) != "" && !genericCompareTopic(asked) {
		if onTopic(p.q.Topic) {
			return p.hedgeBetter(d, leaders)
		}
	}
	if p.q.Premise != "" && !genericCompareTopic(p.q.Premise) && onTopic(p.q.Premise) {
		// "两人都记民情日记，用法有什么区别": the shared practice is the topic.
		return p.hedgeBetter(d, leaders)
	}
	if whichBetterRE.MatchString(p.q.Norm) {
		// "两人的做法哪个更好学", no field: each one's main method and what
		// came of it, not the topics they share.
		for _, sd := range sides {
			if it, ok := p.mainMethodItem(sd.name); ok {
				d.add(it)
			} else if it, ok := p.firstDoingItem(sd, practices); ok {
				d.add(it) // no method recorded: her first doing
			} else if got := quotesFor(sd, nil, "工作方法 党建 服务 居民", 1); len(got) > 0 {
				// No method recorded: her doing that ranks first.
				d.add(item{label: p.leaderLabel(sd.name), quote: got[0].sentRef})
			}
		}
		if d.hasQuotes() {
			return p.hedgeBetter(d, leaders)
		}
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
		if asksCommon(p.q.Norm) {
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
	if asksCommon(p.q.Norm) {
		common = shared()
	}
	// No topic: each leader's main methods, then what they both work on.
	var mainField []string
	fieldSet := map[string]bool{}
	for _, sd := range sides {
		it := item{label: p.leaderLabel(sd.name)}
		ms := p.ownMainMethods(sd.name, 3)
		if len(ms) == 0 {
			if first, ok := p.firstDoingItem(sd, practices); ok {
				d.add(first) // her first doing, told as the article tells it
			} else if got := quotesFor(sd, nil, "工作方法 党建 服务 居民", 1); len(got) > 0 {
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
			if f := p.fieldOf(append([]sentRef{def}, it.more...)); f != "" {
				mainField = append(mainField, sd.name+"的“"+strings.Trim(ms[0].Name, "“”")+"”侧重“"+f+"”")
				fieldSet[f] = true
			}
		}
	}
	if len(mainField) == len(sides) && len(fieldSet) == len(sides) && differOnlyRE.MatchString(p.q.Norm) && !asksCommon(p.q.Norm) {
		// Asked how they differ: the field each one's main method works
		// on, said first.
		d.items = append([]item{{plain: "不同点：" + strings.Join(mainField, "，") + "。"}}, d.items...)
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
	if len(ms) < 2 && len(leaders) == 1 {
		// "邻里食堂和和为贵调解室有什么不同": two methods of one secretary.
		ms = nil
		for _, name := range p.q.Methods {
			if m, ok := p.method(name); ok && !slices.ContainsFunc(ms, func(x catalog.Method) bool { return x.Name == m.Name }) {
				ms = append(ms, m)
			}
		}
	}
	if len(ms) < 2 {
		return false
	}
	var told []catalog.Method
	var field []string
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
		told = append(told, m)
		field = append(field, p.fieldOf(append([]sentRef{it.quote}, more...)))
	}
	if len(leaders) == 1 && len(told) >= 2 {
		var names []string
		for _, m := range told {
			names = append(names, "“"+strings.Trim(m.Name, "“”")+"”")
		}
		d.lead = told[0].Leader + "的" + strings.Join(names, "和") + "比较："
	}
	if len(told) >= 2 && !slices.Contains(field, "") {
		// The point first: the field each one works on, by the lexicon's
		// reading of the sentences quoted below.
		var ways []string
		for i, m := range told {
			whose := m.Leader + "的"
			if len(leaders) == 1 {
				whose = "" // one secretary's methods: named by the lead
			}
			ways = append(ways, whose+"“"+strings.Trim(m.Name, "“”")+"”侧重“"+field[i]+"”")
		}
		same := !slices.ContainsFunc(field, func(f string) bool { return f != field[0] })
		switch {
		case same:
			d.items = append([]item{{plain: "共同点：都着眼于“" + field[0] + "”方面的工作。"}}, d.items...)
		case !asksCommon(p.q.Norm) || differOnlyRE.MatchString(p.q.Norm):
			d.items = append([]item{{plain: "不同点：" + strings.Join(ways, "，") + "。"}}, d.items...)
		}
	}
	return d.hasQuotes()
}

// fieldOf is the lexicon topic a run of sentences works on most (the
// least shared among the secretaries on a tie); "" without a lexicon or
// a topic told three times.
func (p *planner) fieldOf(rs []sentRef) string {
	if p.s.lex == nil {
		return ""
	}
	n := map[string]int{}
	for _, r := range rs {
		for t, k := range p.s.lex.InText(r.norm) {
			n[t] += k
		}
	}
	spread := p.s.topicSpread()
	best := ""
	for t, k := range n {
		if k < 3 {
			continue // a word or two in passing says no emphasis
		}
		if best == "" || k > n[best] || k == n[best] && (spread[t] < spread[best] || spread[t] == spread[best] && t < best) {
			best = t
		}
	}
	return best
}

// askedFields are the lexicon topics a comparison asks about: the
// question's, else those whose article words (3 runes or more) it uses
// itself ("都成立了调解室吗": 矛盾纠纷).
func (p *planner) askedFields() []lexicon.Topic {
	if len(p.q.Topics) > 0 || p.s.lex == nil {
		return p.q.Topics
	}
	var out []lexicon.Topic
	for name := range p.s.lex.InText(p.q.Topic) {
		t, ok := p.s.lex.Topic(name)
		if ok && slices.ContainsFunc(t.Article, func(w string) bool { return utf8.RuneCountInString(w) >= 3 && strings.Contains(p.q.Topic, w) }) {
			out = append(out, t)
		}
	}
	slices.SortFunc(out, func(a, b lexicon.Topic) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// onAskedField reports a sentence on the field asked: a word of its
// topics, or three runes of the question's own wording of it.
func (p *planner) onAskedField(norm, topic string, fields []lexicon.Topic) bool {
	for _, t := range fields {
		if len(t.Matches(norm)) > 0 {
			return true
		}
	}
	for _, part := range strings.FieldsFunc(residual(topic), func(r rune) bool { return !unicode.Is(unicode.Han, r) }) {
		rs := []rune(part)
		for i := 0; i+3 <= len(rs); i++ {
			if strings.Contains(norm, string(rs[i:i+3])) {
				return true
			}
		}
	}
	return false
}

// countedSinceRE is a result counted over time (两年来…40多盏, 至今已…
// 300多人, 如今…140多对).
var countedSinceRE = regexp.MustCompile(`^[^，,。]{0,6}(年来|年多来|以来|至今|迄今|如今|目前|现在|累计|截至)[^。]*\d`)

// notHerDoing reports a sentence that is no account of what the leader
// did, though it may name the field: an honour (全省人民调解工作先进个人),
// what she is called or known for (一说起养老…想到的就是她), or someone
// else's words about her (“有柏书记在，我们养老不犯愁。”钱阿婆说). (A
// resident's praise told in the narration, 居民都说自从有了…, may still
// tell the practice, and stays.)
func (p *planner) notHerDoing(r sentRef, leader string) bool {
	t := strings.TrimSpace(r.norm)
	if honourSentRE.MatchString(t) && !doingBesideHonour(t) || reputationRE.MatchString(t) || tributeRE.MatchString(t) && !strings.ContainsAny(t, "0123456789") {
		return true
	}
	if strings.HasPrefix(t, "“") || strings.HasPrefix(t, "「") || strings.HasPrefix(t, "\"") {
		// A quotation and who said it: hers only when the attribution
		// names her or says 她说.
		end := strings.LastIndexAny(t, "”」\"")
		if end > 0 {
			after := t[end:]
			if saidRE.MatchString(after) && !p.s.namesLeader(after, leader) && !strings.Contains(after, "她") && !strings.Contains(after, "他") {
				return true
			}
		}
	}
	return false
}

// honourSentRE tells an honour won; doingBesideHonour a sentence that also
// tells work done in its own clause ("她组建调解队，被评为…").
var (
	honourSentRE = regexp.MustCompile(`荣获|获得[^。；]{0,40}(称号|荣誉|奖)|授予|被评为|获评|评为[^，,。]{0,20}(先进|优秀|模范|标兵|能手|之星|带头人)|荣誉称号|表彰为`)
	// tributeRE is the praise a report sums her up with (走出了一条…路,
	// 初心不改, 兢兢业业), no count of anything done.
	tributeRE    = regexp.MustCompile(`走出了?一条|初心不改|初心不变|始终贴着|看在眼里|记在心上|冲在最前|热情不减|兢兢业业|任劳任怨|默默奉献|无怨无悔|不忘初心|全面发力`)
	reputationRE = regexp.MustCompile(`(说起|提起|一说|谈起|提到)[^。；]{0,24}(想到|就是|首推|头一个|第一个)|(叫|称|喊)(她|他)[“"「]|被誉为|誉为|人称|被称为|称(她|他)为|(最)?形象的描绘|不二人选`)
)

func doingBesideHonour(t string) bool {
	for _, cl := range strings.FieldsFunc(t, func(r rune) bool { return r == '，' || r == ',' || r == '；' }) {
		if !honourSentRE.MatchString(cl) && isDoing(cl) {
			return true
		}
	}
	return false
}

// whichBetterRE asks which of the practices compared is better, suits a
// place more, is easier to learn or works better (谁的办法更适合…, 哪个更
// 好学, 哪个效果更好): the articles rarely say, so the answer is each
// one's practice and what came of it, with an honest hedge.
var whichBetterRE = regexp.MustCompile(`(哪个|哪一个|哪种|哪位|谁)[^，,。？?]{0,8}(更|最|比较)(好学|好用|好|适合|合适|易学|容易学|管用|实用|有效|值得|见效|接地气|可行)|(哪个|哪一个|哪种|谁的)[^，,。？?]{0,6}(效果|成效)[^，,。？?]{0,2}(更|最)?(好|大|明显)|更(适合|好学|易学|管用|实用|见效)|更有(办法|经验|招|效果|成效)`)

// hedgeBetter, for a question asking which practice is better or suits
// more, leads with what the articles can say (they tell each one's
// practice and results, they do not rank them) and gives each side a
// result of its own: the sentence after her practice that counts what
// came of it, else her method's recorded results.
func (p *planner) hedgeBetter(d *draft, leaders []string) *draft {
	m := whichBetterRE.FindString(p.q.Norm)
	if m == "" || !d.hasQuotes() {
		return d
	}
	asked := "更好"
	for _, w := range []string{"适合", "合适", "好学", "易学", "管用", "实用", "有效", "见效", "效果"} {
		if strings.Contains(m, w) {
			asked = map[string]string{"效果": "效果更好", "合适": "更合适", "易学": "更好学"}[w]
			if asked == "" {
				asked = "更" + w
			}
			break
		}
	}
	d.lead = strings.Join(leaders, "和") + "各自的做法和成效如下（资料中没有直接比较哪个" + asked + "，可对照本社区的情况选择）："
	var uncounted []string
	for _, l := range leaders {
		var mine []int
		counted := false
		for i, it := range d.items {
			if it.quote.chunk == nil || p.s.sentenceLeader(it.quote) != l && !strings.HasPrefix(it.label, l) {
				continue
			}
			mine = append(mine, i)
			for _, r := range append([]sentRef{it.quote}, it.more...) {
				if countsResult(r.norm) {
					counted = true
				}
			}
		}
		if counted || len(mine) == 0 {
			continue
		}
		if r, ok := p.resultOfPractice(d.items[mine[0]], l); ok {
			p.take(r)
			d.items[mine[0]].more = append(d.items[mine[0]].more, r)
		} else {
			uncounted = append(uncounted, l)
		}
	}
	if len(uncounted) > 0 && d.tail == "" {
		// What a verdict would rest on is not there: said, not guessed.
		d.tail = "资料中没有写到" + strings.Join(uncounted, "、") + "上述做法的具体成效。"
	}
	return d
}

// resultOfPractice is what came of the practice a comparison's line tells:
// a later sentence of its paragraph counting it, else the results its
// method's record holds.
func (p *planner) resultOfPractice(it item, leader string) (sentRef, bool) {
	last := it.quote
	if len(it.more) > 0 {
		last = it.more[len(it.more)-1]
	}
	for _, r := range p.s.paragraph(last) {
		if r.pos > last.pos && countsResult(r.norm) && p.fresh(r) && !p.notHerDoing(r, leader) && !honourSentRE.MatchString(r.norm) {
			return r, true
		}
	}
	name := p.methodTelling(leader, append([]sentRef{it.quote}, it.more...))
	if m := labelNameRE.FindStringSubmatch(it.label); m != nil {
		name = m[1] // the method the line is labelled with (主要方法“三必到工作法”)
	}
	if name != "" {
		if m, ok := p.method(name); ok {
			for _, r := range measuredFirst(p.dropHerHonours(quotes(p, m.Results), m)) {
				if p.fresh(r) && measuredRE.MatchString(r.norm) {
					return r, true
				}
			}
		}
	}
	return sentRef{}, false
}

// betterWordsRE are the words asking which is better, left in a
// question's topic.
var betterWordsRE = regexp.MustCompile(`谁的|哪一个|哪个|哪种|效果更好|更好学|更适合|更好|适合|好学|办法|做法|方法|更`)

// labelNameRE is the method a comparison's line is labelled with.
var labelNameRE = regexp.MustCompile(`“([^”]+)”`)

// differOnlyRE asks how the compared differ.
var differOnlyRE = regexp.MustCompile(`不同|不一样|差别|区别|差异|异同|各有什么`)

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

// asksCommon reports a question asking what the compared share: commonRE,
// not in 不一样 or 不相同 (which ask how they differ).
func asksCommon(norm string) bool {
	return commonRE.MatchString(notSameRE.ReplaceAllString(norm, " "))
}

// notSameRE is 不一样, 不相同: a difference asked.
var notSameRE = regexp.MustCompile(`不(一样|相同|同)`)

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
	ms := p.ownMainMethods(leader, 1)
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

// whichMore is a measure two or more secretaries are compared on by a
// value each one's articles state: who has been secretary longer (the
// year she took the post), who is older, whose community is bigger.
type whichMore struct {
	kind string // "term", "age", "size"
	// less asks for the smaller (谁更年轻, 谁的社区小, 谁当书记晚).
	less bool
	noun string // what a "count" counts (党员, 志愿者, 网格)
}

var (
	// A term: 谁当书记时间长, 谁先当上书记, 谁的资历老, 谁任职更早.
	termMoreRE = regexp.MustCompile(`(当|做|担任|干|任)(社区)?(党委|党支部|党总支)?书记[^，,。？?]{0,4}(时间|年头|年份|日子)?[^，,。？?]{0,2}(更|最|比较)?(长|久|早|多)|谁[^，,。？?]{0,3}(先|更早|最早|早)(当|做|担任|成为|当上|出任|任|干)|资历|任职(时间)?(更|最)?(长|久|早)|谁[^，,。？?]{0,4}(干|当|做|任)[^，,。？?]{0,3}(更|最)?(久|长)`)
	termLessRE = regexp.MustCompile(`(更|最|比较)?(晚|短)|谁[^，,。？?]{0,3}后(当|做|担任|成为|当上)`)
	ageMoreRE  = regexp.MustCompile(`(年纪|年龄|岁数)[^，,。？?]{0,2}(更|最|比较)?(大|长|小|轻)|谁(更|最|比较)?(年轻|年长|大|小)[一些点]?([？?。呢]|$)|谁[^，,。？?]{0,2}(出生|生)得?(更|最)?(早|晚)`)
	ageLessRE  = regexp.MustCompile(`年轻|小|晚`)
	sizeMoreRE = regexp.MustCompile(`(社区|小区|辖区)[^，,。？?]{0,4}(更|最|比较)?(大|小)|(人|人口|居民|住户|户数|户|群众)[^，,。？?]{0,2}(更|最|比较)?(多|少)|规模[^，,。？?]{0,2}(更|最)?(大|小)`)
	sizeLessRE = regexp.MustCompile(`小|少`)
	// A count of something else than the residents: 谁的党员多, 哪个社区
	// 网格多, 谁的志愿者更多.
	countMoreRE = regexp.MustCompile(`(党员|志愿者|志愿服务队|网格|楼栋|楼院|院落|小区|社会组织|党支部|支部|商户|老人|老年人|楼长|社工)[^，,。？?]{0,2}(更|最|比较)?(多|少)`)
)

// asksWhichMore reports a question comparing its secretaries on a
// measure (whichMoreAsked).
func asksWhichMore(norm string) bool {
	_, ok := whichMoreAsked(norm)
	return ok
}

// whichMoreAsked is the measure a question compares its secretaries on,
// if it asks who has more of one ("谁当书记时间更长", "谁年纪大", "哪个社区
// 人多"); ok is false for any other comparison.
func whichMoreAsked(norm string) (whichMore, bool) {
	if !strings.Contains(norm, "谁") && !strings.Contains(norm, "哪") && !strings.Contains(norm, "比") {
		return whichMore{}, false
	}
	if whichBetterRE.MatchString(norm) {
		// "谁的办法更适合老人多的社区": which practice suits, not whose
		// community has more old people.
		return whichMore{}, false
	}
	switch {
	case countMoreRE.MatchString(norm):
		// "谁的社区党员多": a count of that, not of the residents.
		m := countMoreRE.FindStringSubmatch(norm)
		return whichMore{kind: "count", less: m[3] == "少", noun: m[1]}, true
	case termMoreRE.MatchString(norm):
		return whichMore{kind: "term", less: termLessRE.MatchString(norm)}, true
	case ageMoreRE.MatchString(norm):
		return whichMore{kind: "age", less: ageLessRE.MatchString(ageMoreRE.FindString(norm))}, true
	case sizeMoreRE.MatchString(norm):
		return whichMore{kind: "size", less: sizeLessRE.MatchString(sizeMoreRE.FindString(norm))}, true
	}
	return whichMore{}, false
}

// measured is one secretary's value on a measure and the sentence
// stating it.
type measured struct {
	leader string
	value  float64 // the year she took the post or was born; the people or homes counted
	unit   string  // "人" or "户" for a size
	said   string  // the value as we tell it (2012年起, 约1973年出生, 1.1万人)
	r      sentRef
	ok     bool
}

var (
	// "2012年起担任…书记", "2016年，她通过换届选举担任…书记", "2019年当选…书记".
	termYearRE = regexp.MustCompile(`((?:19|20)\d{2}|[一二〇○零][〇○零一二三四五六七八九]{3})年(?:\d{1,2}月)?(?:起|开始|以来|初|底|末)?[，,]?[^。；！？]{0,30}?(担任|当选|出任|接任|就任|走上|成为|任|选为|接过)[^。；，,]{0,24}?书记`)
	// "当了12年书记", "任社区党委书记已有十五年", "至今已是第十二个年头".
	termSpanRE = regexp.MustCompile(`(?:当|做|担任|干|任)(?:了)?[^。；，,]{0,12}书记(?:已经|已有|已|有|整整)?(\d{1,2}|[一二两三四五六七八九十]{1,3})(?:多)?年|(?:担任|当选|出任|任)[^。；]{0,24}书记[^。；]{0,12}第(\d{1,2}|[一二三四五六七八九十]{1,3})个年头`)
	bornYearRE = regexp.MustCompile(`((?:19|20)\d{2}|[一二〇○零][〇○零一二三四五六七八九]{3})年(?:\d{1,2}月)?(?:出生|生人|生)|生于((?:19|20)\d{2})`)
	ageNowRE   = regexp.MustCompile(`(?:今年|现年|已经|已)(\d{2}|[二三四五六七八九十]{2,3})岁|(\d{2})岁的(?:她|他)`)
	sizeRE     = regexp.MustCompile(`(常住人口|户籍人口|实有人口|常住居民|户籍居民|居民|人口|住户|群众|居住着)[^。；，,]{0,4}?(?:约|近|共|有|达|超过|逾)?(\d+(?:\.\d+)?)(万)?(余|多)?(人|户|名)`)
)

// countOf is the number of noun a sentence counts: "有党员86名", "86名
// 党员", "组建志愿服务队11支", "8个一级网格" (the measure word may stand
// between).
func countOf(norm, noun string) (float64, string, bool) {
	q := regexp.QuoteMeta(noun)
	num := `(\d+(?:\.\d+)?)(万)?(余|多)?([名个位支栋户家人处])?`
	for _, re := range []*regexp.Regexp{
		regexp.MustCompile(num + `[^，,。；\d]{0,4}?` + q),
		regexp.MustCompile(q + `[^，,。；\d]{0,4}?` + num),
	} {
		for _, at := range re.FindAllStringSubmatchIndex(norm, -1) {
			if counted := norm[at[1]:]; strings.HasSuffix(norm[:at[1]], noun) && nounGoesOnRE.MatchString(counted) {
				continue // "46名楼栋党员联络员" counts 联络员, not 党员
			}
			g := make([]string, len(at)/2)
			for i := range g {
				if at[2*i] >= 0 {
					g[i] = norm[at[2*i]:at[2*i+1]]
				}
			}
			v, err := strconv.ParseFloat(g[1], 64)
			if err != nil {
				continue
			}
			if g[2] == "万" {
				v *= 10000
			}
			return v, g[0], true // as the article counts it (8个一级网格)
		}
	}
	return 0, "", false
}

// nounGoesOnRE continues a counted noun into another's name (党员联络员,
// 党员中心户, 志愿者服务队): what is counted is that.
var nounGoesOnRE = regexp.MustCompile(`^(联络员|中心户|示范岗|先锋岗|责任区|服务队|志愿队|代表|骨干|楼长|户|岗|队|员)`)

// chineseYear reads a year written in digits or in Chinese numerals
// (二〇一二).
func chineseYear(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	n := 0
	for _, r := range s {
		d := slices.Index([]rune("〇一二三四五六七八九"), r)
		if r == '○' || r == '零' {
			d = 0
		}
		if d < 0 {
			return 0
		}
		n = n*10 + d
	}
	return n
}

// articleYear is the year the passage's article was published, 0 if
// unknown.
func articleYear(c *corpus.Chunk) int {
	if len(c.Meta.Date) >= 4 {
		if y, err := strconv.Atoi(c.Meta.Date[:4]); err == nil {
			return y
		}
	}
	return 0
}

// measure finds the leader's value on a measure in her own sentences.
func (p *planner) measure(leader string, kind, noun string) measured {
	m := measured{leader: leader}
	for _, r := range p.s.leaderSentences(leader) {
		if isQuestion(r.norm) || isHeadingLike(r.text) {
			continue
		}
		if p.s.namesOtherLeader(r.norm, leader) && !p.s.namesLeader(r.norm, leader) {
			continue // another secretary's sentence
		}
		switch kind {
		case "term":
			if y := termStart(r.norm); y > 0 {
				if !m.ok || strings.HasPrefix(m.said, "到") || float64(y) < m.value {
					m = measured{leader: leader, value: float64(y), said: strconv.Itoa(y) + "年起任书记", r: r, ok: true}
				}
			} else if g := termSpanRE.FindStringSubmatch(r.norm); g != nil && !m.ok {
				n := numberOf(g[1] + g[2])
				if ay := articleYear(r.chunk); n > 0 && ay > 0 {
					m = measured{leader: leader, value: float64(ay - n), said: "到" + strconv.Itoa(ay) + "年任书记约" + strconv.Itoa(n) + "年", r: r, ok: true}
				}
			}
		case "age":
			if g := bornYearRE.FindStringSubmatch(r.norm); g != nil {
				if y := chineseYear(g[1] + g[2]); y > 1900 {
					m = measured{leader: leader, value: float64(y), said: strconv.Itoa(y) + "年出生", r: r, ok: true}
					return m // a birth year is the best evidence
				}
			}
			if g := ageNowRE.FindStringSubmatch(r.norm); g != nil && !m.ok {
				n := numberOf(g[1] + g[2])
				if ay := articleYear(r.chunk); n > 0 && ay > 0 {
					m = measured{leader: leader, value: float64(ay - n), said: strconv.Itoa(n) + "岁（" + strconv.Itoa(ay) + "年的报道）", r: r, ok: true}
				}
			}
		case "count":
			if m.ok {
				continue
			}
			if v, said, ok := countOf(r.norm, noun); ok {
				m = measured{leader: leader, value: v, said: said, r: r, ok: true}
			}
		case "size":
			if g := sizeRE.FindStringSubmatch(r.norm); g != nil && !m.ok {
				v, err := strconv.ParseFloat(g[2], 64)
				if err != nil {
					continue
				}
				if g[3] == "万" {
					v *= 10000
				}
				unit := "人"
				if g[5] == "户" {
					unit = "户"
				}
				m = measured{leader: leader, value: v, unit: unit, said: g[2] + g[3] + g[4] + unit, r: r, ok: true}
			}
		}
	}
	return m
}

// termStart is the year a sentence says she took a secretary's post, 0
// if none: each year read up to the next one, so "1992年参军入伍，…2012年
// 起担任…书记" is 2012, not the year she joined the army.
func termStart(norm string) int {
	at := yearAtRE.FindAllStringIndex(norm, -1)
	for i, a := range at {
		end := len(norm)
		if i+1 < len(at) {
			end = at[i+1][0]
		}
		seg := norm[a[0]:end]
		g := termYearRE.FindStringSubmatch(seg)
		if g == nil || !strings.HasPrefix(seg, g[0]) || militaryRE.MatchString(g[0]) || notTermStartRE.MatchString(g[0]) {
			continue
		}
		if y := chineseYear(g[1]); y > 1949 {
			return y
		}
	}
	return 0
}

// yearAtRE is where a year is written.
var yearAtRE = regexp.MustCompile(`((?:19|20)\d{2}|[一二〇○零][〇○零一二三四五六七八九]{3})年`)

// notTermStartRE is a year that dates something else before the post
// ("1979年出生，中共党员，现任…书记": her birth; 现任 is now, not since).
var notTermStartRE = regexp.MustCompile(`出生|生人|毕业|入党|参加工作|现任|至今|获|评为`)

// militaryRE is a post in the army (入伍, 连队指导员), no secretary's term.
var militaryRE = regexp.MustCompile(`部队|入伍|参军|服役|连队|军营`)

// planWhichMore answers who of the secretaries named has more of a
// measure: the answer first, with each one's value, then each one's
// sentence stating it; a secretary whose articles do not state it is
// said to be so, and nothing is claimed of the comparison. Nil when the
// question asks no such measure.
func (p *planner) planWhichMore(leaders []string) *draft {
	wm, ok := whichMoreAsked(p.q.Norm)
	if !ok || len(leaders) < 2 {
		return nil
	}
	var got, missing []measured
	for _, l := range leaders {
		if m := p.measure(l, wm.kind, wm.noun); m.ok {
			got = append(got, m)
		} else {
			missing = append(missing, m)
		}
	}
	if wm.kind == "size" && len(got) == len(leaders) {
		for _, m := range got[1:] {
			if m.unit != got[0].unit {
				// 人 against 户: no comparison; each one's count is told.
				wm.kind = "size-units"
			}
		}
	}
	d := &draft{leaders: slices.Clone(leaders)}
	what := map[string]string{"term": "从哪一年起当书记", "age": "的年龄或出生年份", "size": "所在社区的人口或户数", "size-units": "所在社区的人口或户数", "count": "的" + wm.noun + "数量"}[wm.kind]
	// The first (earliest year, biggest count) has the more.
	slices.SortStableFunc(got, func(a, b measured) int {
		if wm.kind == "size" || wm.kind == "size-units" || wm.kind == "count" {
			return cmpScore(b.value, a.value)
		}
		return cmpScore(-b.value, -a.value)
	})
	var values []string
	for _, m := range got {
		values = append(values, m.leader+"："+m.said)
	}
	switch {
	case len(got) == 0:
		d.lead = "资料中没有提到" + strings.Join(leaders, "、") + what + "，无法比较。"
		d.refused = true
		for _, l := range leaders {
			p.addProfileLine(d, l, p.s.leaderSentences(l))
		}
		return d
	case len(missing) > 0 || wm.kind == "size-units":
		var names []string
		for _, m := range missing {
			names = append(names, m.leader)
		}
		if len(names) > 0 {
			d.lead = "资料中没有提到" + strings.Join(names, "、") + what + "，无法确切比较；" + strings.Join(values, "；") + "。"
		} else {
			d.lead = "两人的社区一个按人数、一个按户数统计，无法直接比较（" + strings.Join(values, "；") + "）："
		}
	case got[0].value == got[len(got)-1].value:
		d.lead = strings.Join(leaders, "和") + map[string]string{"term": "是同一年起当书记的", "age": "是同一年出生的", "size": "的社区人数相当", "count": "的" + wm.noun + "一样多"}[wm.kind] + "（" + strings.Join(values, "；") + "）："
	default:
		first, last := got[0].leader, got[len(got)-1].leader
		var verdict string
		switch wm.kind {
		case "term":
			verdict = first + "当书记时间更长"
			if strings.ContainsAny(p.q.Norm, "先早") {
				verdict = first + "更早当上书记"
			}
			if wm.less {
				verdict = last + "当书记更晚、时间更短"
			}
		case "age":
			verdict = first + "年纪更大"
			if wm.less {
				verdict = last + "更年轻"
			}
		case "count":
			verdict = first + "的" + wm.noun + "更多"
			if wm.less {
				verdict = last + "的" + wm.noun + "更少"
			}
		case "size":
			verdict = first + "的社区人更多"
			if wm.less {
				verdict = last + "的社区人更少"
			}
		}
		d.lead = verdict + "（" + strings.Join(values, "；") + "）："
	}
	label := map[string]string{"term": " · 任职经历", "age": " · 年龄"}[wm.kind]
	for _, m := range got {
		p.take(m.r)
		d.add(item{label: m.leader + label, quote: m.r})
		d.context = append(d.context, m.r.chunk)
	}
	for _, m := range missing {
		// What her articles do say of it ("今年是他在社区工作的第十二个
		// 年头": no year as secretary, still her career), as the fact
		// plan finds it; else that nothing is said.
		if len(p.q.Attributes) > 0 && label != "" {
			if one := p.planLeader(m.leader); !one.refused && one.hasQuotes() {
				n := len(d.leaders)
				d.merge(one, true)
				d.leaders = d.leaders[:n]
				continue
			}
		}
		d.add(item{label: m.leader + label, plain: "资料中没有提到。"})
	}
	return d
}

// comparesResults reports a comparison asking what came of each one's
// work ("那她们的效果呢" after a comparison, "两人的做法效果有什么不同").
func comparesResults(q Question) bool {
	if q.Intent == IntentResult {
		// Asked afresh ("X和Y的效果怎么样"), each one's own results plan
		// tells more; after a comparison, both sides.
		return q.Resolved
	}
	return q.Intent == IntentCompare && outcomeAskedRE.MatchString(q.Norm)
}

// outcomeAskedRE asks for results, not how it is done.
var outcomeAskedRE = regexp.MustCompile(`效果|成效|成果|成绩|结果|变化|收获`)

// planCompareResults tells, for each leader compared, what came of her
// work: the recorded results of her method the conversation is on (or her
// main method), else her own sentences stating results; an honour of hers
// is no result of the work; a side without any is said to be so.
func (p *planner) planCompareResults(leaders []string) *draft {
	d := &draft{leaders: slices.Clone(leaders)}
	d.lead = strings.Join(leaders, "和") + "的做法取得的成效："
	budget := (maxAnswerRunes + 60) / len(leaders)
	var bare []string
	for _, l := range leaders {
		var m catalog.Method
		found, asked := false, false
		for _, name := range p.q.Methods {
			if x, ok := p.method(name); ok && x.Leader == l {
				m, found, asked = x, true, true
				break
			}
		}
		var rs []sentRef
		if !found {
			// "在发动党员上谁的效果好", "…和宋春燕的银龄互助哪个效果好": her
			// practice asked about and what its paragraph counts of it,
			// before her main method's results.
			if anchor, ok := p.askedPracticeOf(l); ok {
				for _, r := range p.s.paragraph(anchor) {
					if r.pos >= anchor.pos && len(rs) < 2 && (r.key() == anchor.key() || measuredRE.MatchString(r.norm) || countedSinceRE.MatchString(r.norm)) && !honourSentRE.MatchString(r.norm) {
						rs = append(rs, r)
					}
				}
				if len(rs) < 2 {
					rs = nil // no result told of it there
				}
			}
		}
		if !found && rs == nil {
			if ms := p.s.mainMethods(l, 1); len(ms) > 0 {
				m, found = ms[0], true
			}
		}
		if found {
			res := quotes(p, m.Results)
			if def, ok := p.definitionOf(m); ok && len(res) == 0 {
				// No recorded results: what its paragraph says came of it.
				for _, r := range p.s.paragraph(def) {
					if r.pos > def.pos && (measuredRE.MatchString(r.norm) || resultWords.MatchString(r.norm)) && !isProblem(r.norm) {
						res = append(res, r)
					}
				}
			}
			for _, r := range measuredFirst(p.dropHerHonours(res, m)) {
				if !p.notHerDoing(r, l) || measuredRE.MatchString(r.norm) {
					rs = append(rs, r)
				}
			}
		}
		label := p.leaderLabel(l)
		if len(rs) > 0 && found {
			label += " · “" + strings.Trim(m.Name, "“”") + "”"
		} else if len(rs) > 0 {
			// her practice asked, found by its words
		} else if asked {
			// The method compared came to nothing the text tells: not
			// another practice's results in its place.
			bare = append(bare, l+"的“"+strings.Trim(m.Name, "“”")+"”")
			continue
		} else {
			for _, r := range resultRanked(p.s.leaderSentences(l), l, p.s) {
				if !honourSentRE.MatchString(r.norm) && !reputationRE.MatchString(r.norm) {
					rs = append(rs, r.sentRef)
				}
			}
		}
		it := item{label: label}
		runes := 0
		for _, r := range rs {
			n := utf8.RuneCountInString(r.text)
			// Results shown in the comparison before are still the answer
			// to what came of it.
			if p.used[r.key()] || len(it.more) == 1 || it.quote.chunk != nil && runes+n > budget {
				continue
			}
			p.take(r)
			runes += n
			if it.quote.chunk == nil {
				it.quote = r
			} else {
				it.more = append(it.more, r)
			}
		}
		if it.quote.chunk == nil {
			bare = append(bare, l+"做法")
			continue
		}
		inOrder(append([]sentRef{it.quote}, it.more...))
		d.add(it)
		d.context = append(d.context, it.quote.chunk)
		if found {
			d.methods = append(d.methods, m.Name)
		}
	}
	if len(bare) == len(leaders) {
		return nil
	}
	if len(bare) > 0 {
		d.tail = "资料中没有提到" + strings.Join(bare, "、") + "的成效。"
	}
	if whichBetterRE.MatchString(p.q.Norm) {
		d.lead = strings.Join(leaders, "和") + "各自取得的成效如下（资料中没有直接比较哪个效果更好）："
	}
	return d
}

// sharedField is the field every line of a comparison works on: the
// asked field its quotes use, else the lexicon topic all of them share
// most; "" when they share none.
func (p *planner) sharedField(items []item, fields []lexicon.Topic) string {
	if p.s.lex == nil || len(items) < 2 {
		return ""
	}
	per := make([]map[string]int, len(items))
	for i, it := range items {
		per[i] = map[string]int{}
		for _, r := range append([]sentRef{it.quote}, it.more...) {
			for t, n := range p.s.lex.InText(r.norm) {
				per[i][t] += n
			}
		}
	}
	all := func(t string) int {
		least := -1
		for _, m := range per {
			if least < 0 || m[t] < least {
				least = m[t]
			}
		}
		return least
	}
	for _, f := range fields {
		if all(f.Name) > 0 {
			return f.Name
		}
	}
	best, n := "", 1 // a topic each line names twice, not a word in passing
	for t := range per[0] {
		if k := all(t); k > n || k == n && k > 1 && t < best {
			best, n = t, k
		}
	}
	return best
}

// quotedPractice is the practice a sentence of doing names in quotes
// (办起“邻里食堂”, 组织“银龄互助”): a short name, no quoted speech; "" for
// none.
func quotedPractice(r sentRef) string {
	if !isDoing(r.norm) {
		return ""
	}
	for _, at := range practiceQuotedRE.FindAllStringSubmatchIndex(r.norm, -1) {
		m := []string{r.norm[at[0]:at[1]], r.norm[at[2]:at[3]], r.norm[at[4]:at[5]]}
		if timeAfterQuoteRE.MatchString(r.norm[at[1]:]) {
			continue // "在“十四五”期间", "“七一”前夕": a time, no practice
		}
		if n := utf8.RuneCountInString(m[2]); n >= 2 && n <= 10 {
			return m[2]
		}
	}
	return ""
}

// practiceQuotedRE is a name in quotes right after a verb of setting up or
// carrying out.
var practiceQuotedRE = regexp.MustCompile(`(设|设立|设了|办|办起|办起了|建|建起|建立|成立|组建|组织|推行|推出|开展|实行|创办|打造|搞|开设|开了|是设|在)[“「]([^”」，,。；：:！？!?、\s]{2,10})[”」]`)

// timeAfterQuoteRE follows a quoted time (“十四五”期间, “七一”前夕, “双十一”前后).
var timeAfterQuoteRE = regexp.MustCompile(`^(期间|前夕|前后|以来|之际|当天|那天|时|节|到来)`)

// compareLeaders completes the secretaries a comparison is between when
// the question names one and "其他书记" (her and those others whose
// sentences work most on the field asked), or one method of the catalog
// and a practice told by another secretary's sentences ("邻里食堂和银龄互
// 助有什么不同": whoever's sentence names 银龄互助).
func (p *planner) compareLeaders(leaders []string) []string {
	if len(leaders) != 1 {
		return leaders
	}
	if otherSecretariesRE.MatchString(p.q.Norm) {
		return append(leaders, p.othersOnField(leaders[0], 2)...)
	}
	rest := p.q.Topic
	for _, m := range p.q.Methods {
		rest = strings.ReplaceAll(rest, zh.ToSimplified(strings.Trim(m, "“”")), " ")
	}
	for _, f := range strings.FieldsFunc(rest, func(r rune) bool { return r == ' ' || r == '和' || r == '与' || r == '跟' }) {
		f = askedFrameRE.ReplaceAllString(f, "")
		if utf8.RuneCountInString(f) < 3 || genericCompareTopic(f) {
			continue
		}
		if slices.ContainsFunc(p.s.leaderSentences(leaders[0]), func(c sentRef) bool { return strings.Contains(c.norm, f) }) {
			continue // "和为贵调解室": the named method's own words
		}
		var who []string
		for l := range p.s.ents.leaderInfo {
			if l == leaders[0] {
				continue
			}
			if slices.ContainsFunc(p.s.leaderSentences(l), func(c sentRef) bool { return strings.Contains(c.norm, f) && isDoing(c.norm) }) {
				who = append(who, l)
			}
		}
		if len(who) == 1 {
			return append(leaders, who[0])
		}
	}
	return leaders
}

// othersOnField are up to n secretaries besides the one named whose own
// sentences work most on the field asked (by onField), else who share
// most of her topics; most first.
func (p *planner) othersOnField(leader string, n int) []string {
	type scored struct {
		name string
		sc   float64
	}
	var mineTopics map[string]int
	if len(p.q.Topics) == 0 && p.s.lex != nil {
		mineTopics = map[string]int{}
		for _, r := range p.s.leaderSentences(leader) {
			for t, k := range p.s.lex.InText(r.norm) {
				mineTopics[t] += k
			}
		}
	}
	var list []scored
	for l := range p.s.ents.leaderInfo {
		if l == leader {
			continue
		}
		sc := 0.0
		if len(p.q.Topics) > 0 {
			for _, r := range p.onField(p.s.leaderSentences(l)) {
				if isDoing(r.norm) {
					sc += r.score
				}
			}
		} else if mineTopics != nil {
			theirs := map[string]bool{}
			for _, r := range p.s.leaderSentences(l) {
				for t := range p.s.lex.InText(r.norm) {
					theirs[t] = true
				}
			}
			for t := range mineTopics {
				if theirs[t] {
					sc++
				}
			}
		}
		if sc > 0 {
			list = append(list, scored{l, sc})
		}
	}
	slices.SortFunc(list, func(a, b scored) int {
		if c := cmpScore(b.sc, a.sc); c != 0 {
			return c
		}
		return strings.Compare(a.name, b.name)
	})
	var out []string
	for _, x := range list {
		if len(out) == n {
			break
		}
		out = append(out, x.name)
	}
	return out
}

// namesJoined is "A和B", "A、B和C".
func namesJoined(names []string) string {
	if len(names) < 3 {
		return strings.Join(names, "和")
	}
	return strings.Join(names[:len(names)-1], "、") + "和" + names[len(names)-1]
}

// hersFirst drops, of one side's picks on a field, those that tell a
// situation, no doing of hers ("中山社区…60岁以上的老人超过三分之一"), when
// another pick tells one — by her name, a pronoun or the practice it names —
// so the story told is of what she did on it, not of what followed the
// situation (her general method).
func (p *planner) hersFirst(got []rankedSent, leader string) []rankedSent {
	hers := func(r sentRef) bool {
		return isDoing(r.norm) && (quotedPractice(r) != "" || p.s.namesLeader(r.norm, leader) || strings.ContainsAny(r.norm, "她他"))
	}
	if !slices.ContainsFunc(got, func(r rankedSent) bool { return hers(r.sentRef) }) {
		return got
	}
	var out []rankedSent
	for _, r := range got {
		if hers(r.sentRef) || !situationRE.MatchString(r.norm) && !placeStateRE.MatchString(r.norm) {
			out = append(out, r)
		} else {
			delete(p.used, r.key())
		}
	}
	return out
}

// placeStateRE tells, with situationRE, what a community is like (建成的
// 老小区占了七成, 老人超过三分之一, 常住人口1.1万): its state, no practice.
var placeStateRE = regexp.MustCompile(`位于|地处|建于|建成的|始建于|占比|占了|占到|[一二三四五六七八九]成(多|以上)?|分之|常住人口|户籍人口|有居民|居住着|辖区(内)?有|是(一个)?典型的`)

// ownMainMethods are the leader's main methods whose naming sentence is
// hers: not a practice of another secretary of the same page the catalog
// credited to her (a street report's community cases).
func (p *planner) ownMainMethods(leader string, n int) []catalog.Method {
	var out []catalog.Method
	for _, m := range p.s.mainMethods(leader, n+4) {
		if len(out) == n {
			break
		}
		if def, ok := p.definitionOf(m); ok {
			if w := p.s.sentenceLeader(def); w != "" && w != leader {
				if _, known := p.s.ents.leaderInfo[w]; known {
					continue
				}
			}
		}
		out = append(out, m)
	}
	return out
}

// comparedItemRE points to one of those just compared: 那第二个呢, 第一位
// 呢, 详细说说第二个.
var comparedItemRE = regexp.MustCompile(`^(那|那么)?(再|详细|具体)?(说说|讲讲|介绍一下|介绍)?第([一二三四五六七八九十两]|\d+)(个|位|种)(书记|人|的)?(呢|吧|吗|[？?。！!，,]|$)`)

// comparedItem resolves "那第二个呢" right after a comparison: the k-th
// secretary compared — the method of hers the comparison told, else her
// profile — not the k-th method named in its answer.
func (s *Service) comparedItem(q *Question, prev *Turn) bool {
	m := comparedItemRE.FindStringSubmatch(strings.TrimSpace(q.Norm))
	if prev.Intent == IntentCompare && m == nil && len(prev.Leaders) >= 2 && whichBetterRE.MatchString(q.Norm) && len(q.Attributes) == 0 {
		// "哪个更适合我们社区" right after a comparison: which of those
		// compared, on what they were compared on.
		q.Leaders, q.Methods = slices.Clone(prev.Leaders), slices.Clone(prev.Methods)
		q.Intent, q.FollowUp, q.Resolved = IntentCompare, true, true
		s.keepComparedField(q, prev)
		return true
	}
	if prev.Intent != IntentCompare || m == nil {
		return false
	}
	k := numberOf(m[4])
	if k < 1 || k > len(prev.Leaders) || len(prev.Leaders) < 2 {
		return false
	}
	l := prev.Leaders[k-1]
	q.Leaders, q.Methods, q.Item, q.Step = []string{l}, nil, 0, 0
	q.FollowUp, q.Resolved = true, true
	if s.o.Catalog != nil {
		for _, name := range prev.Methods {
			if mt, ok := s.o.Catalog.Method(name); ok && mt.Leader == l {
				q.Methods = []string{name}
				q.Intent = IntentWhat
				return true
			}
		}
	}
	// No method of hers told: her profile, which tells her practice on
	// the field compared among the rest (its sentences were just shown,
	// so her how on the field would tell only what is off it).
	q.Intent, q.Topic, q.Topics = IntentSummary, "", nil
	return true
}

// keepComparedField keeps a follow-up of a comparison on the field it was
// on, when the follow-up asks nothing of its own besides what kind of
// answer it wants ("那她们的共同点呢", "那效果呢", "和罗晓梅比呢", "哪个更适合
// 我们社区").
func (s *Service) keepComparedField(q *Question, prev *Turn) {
	if prev.Intent != IntentCompare || len(q.Topics) > 0 || genericCompareTopic(prev.Topic) {
		return
	}
	own := betterWordsRE.ReplaceAllString(q.Topic, " ")
	own = outcomeAskedRE.ReplaceAllString(own, " ")
	own = strings.NewReplacer("俩", "", "两个人", "", "那么", "", "那", "", "比", "", "我们社区", "", "我们", "", "社区", "").Replace(own)
	if !genericCompareTopic(own) {
		return // a field of its own
	}
	q.Topic = prev.Topic
	if s.lex != nil {
		q.Topics = s.lex.InQuestion(prev.Topic)
	}
}

// practicesNamed are the names of a side's practices: her methods in the
// catalog whose naming sentence is hers, and the names in quotes her own
// sentences of doing give.
func (p *planner) practicesNamed(sd compareSide) []string {
	var out []string
	for _, m := range p.ownMainMethods(sd.name, 12) {
		if n := zh.ToSimplified(strings.Trim(m.Name, "“”")); utf8.RuneCountInString(n) >= 2 && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	for _, c := range sd.cands {
		if q := quotedPractice(c); q != "" && !slices.Contains(out, q) && (p.s.namesLeader(c.norm, sd.name) || strings.ContainsAny(c.norm, "她他")) {
			out = append(out, q)
		}
	}
	return out
}

// firstDoingItem is, for a side with no method recorded, her first
// sentence of doing in article order — by her name or a pronoun, naming
// no other side's practice, no honour or others' words — with what its
// paragraph counts of it next.
func (p *planner) firstDoingItem(sd compareSide, practices map[string][]string) (item, bool) {
	for _, c := range sd.cands {
		if !isDoing(c.norm) || !p.fresh(c) || isHeadingLike(c.text) || p.notHerDoing(c, sd.name) || !(p.s.namesLeader(c.norm, sd.name) || strings.ContainsAny(c.norm, "她他")) ||
			postOnlyRE.MatchString(c.norm) && !doingBesidePost(c.norm) {
			continue // ("2018年担任…书记": her post, no doing)
		}
		other := false
		for name, ws := range practices {
			if name != sd.name && slices.ContainsFunc(ws, func(w string) bool { return strings.Contains(c.norm, w) }) {
				other = true
			}
		}
		if other {
			continue
		}
		p.take(c)
		it := item{label: p.leaderLabel(sd.name), quote: c}
		for _, r := range p.s.paragraph(c) {
			if r.pos > c.pos && len(it.more) == 0 && countsResult(r.norm) && p.fresh(r) && !honourSentRE.MatchString(r.norm) && !situationRE.MatchString(r.norm) && !placeStateRE.MatchString(r.norm) {
				p.take(r)
				it.more = append(it.more, r)
			}
		}
		return it, true
	}
	return item{}, false
}

// doingBesidePost reports a sentence telling a doing in a clause of its
// own beside her post ("2019年…任党工委书记以来，提出…，把街道划成86个网格").
func doingBesidePost(t string) bool {
	for _, cl := range strings.FieldsFunc(t, func(r rune) bool { return r == '，' || r == ',' || r == '；' }) {
		if !postOnlyRE.MatchString(cl) && isDoing(cl) {
			return true
		}
	}
	return false
}

// countsResult reports a sentence counting what came of the work: a
// measured result (measuredRE), a count since (countedSinceRE), or a
// count after a time word (三年来维修楼道灯…500多处, 目前已有60多位).
func countsResult(norm string) bool {
	return measuredRE.MatchString(norm) || countedSinceRE.MatchString(norm) || countedAfterRE.MatchString(norm)
}

// countedAfterRE is a count after a word of time passed.
var countedAfterRE = regexp.MustCompile(`(年来|以来|至今|如今|目前|累计|去年|今年|已有|已经|共有)[^。；]{0,30}\d+(\.\d+)?[万]?[余多]?[处个名人对位场栋盏部家支件起次户条项]`)

// pointPrefaceRE is a numbered point's preface sentence (一是抓党建带队伍。,
// （二）抓服务解难题。): it names the field, the next sentence the doing.
var pointPrefaceRE = regexp.MustCompile(`^[（(]?([一二三四五六七八九十]|\d)[是）)、.．][^，,。；]{2,14}[。：:；]?$`)

// pointsPassOn gives a numbered point's preface score to the sentence
// after it in its paragraph, the doing it introduces ("一是抓党建带队伍。
// 范红梅推行“党员楼长制”…", which shares no word with the field), and
// keeps the preface itself below it.
func pointsPassOn(ranked []rankedSent, cands []sentRef) []rankedSent {
	at := map[string]int{}
	for i, r := range ranked {
		at[sentPos(r.sentRef)] = i
	}
	next := map[string]sentRef{}
	for i := 1; i < len(cands); i++ {
		if cands[i].chunk == cands[i-1].chunk && cands[i].para == cands[i-1].para {
			next[sentPos(cands[i-1])] = cands[i]
		}
	}
	changed := false
	for _, r := range ranked[:len(ranked):len(ranked)] {
		if r.score <= 0 || !pointPrefaceRE.MatchString(strings.TrimSpace(r.norm)) {
			continue
		}
		n, ok := next[sentPos(r.sentRef)]
		if !ok {
			continue
		}
		// The preface is short, its score cut for that (rank): the doing
		// it introduces takes what its words were worth.
		sc := r.score * 2
		if j, ok := at[sentPos(n)]; ok {
			if ranked[j].score < sc {
				ranked[j].score = sc
				changed = true
			}
		} else {
			ranked = append(ranked, rankedSent{n, sc, 0})
			changed = true
		}
	}
	if changed {
		slices.SortStableFunc(ranked, func(a, b rankedSent) int { return cmpScore(b.score, a.score) })
	}
	return ranked
}

// askedFrameRE is the frame a field is asked in (在…上, …方面, 和…有):
// no word of the field.
var askedFrameRE = regexp.MustCompile(`^(和|与|跟|在|对|于|都|其)+|(上有|上|方面|中|里|有)+$`)

// askedPracticeOf is the leader's own sentence of doing on what the
// question asks besides its names: a word of three runes or more the
// question and her sentence share (银龄互助), else her sentence most on
// the question's fields.
func (p *planner) askedPracticeOf(leader string) (sentRef, bool) {
	cands := p.s.leaderSentences(leader)
	for _, f := range strings.Fields(p.q.Topic) {
		f = askedFrameRE.ReplaceAllString(f, "")
		if utf8.RuneCountInString(f) < 3 || outcomeAskedRE.MatchString(f) || genericCompareTopic(f) {
			continue
		}
		for _, c := range cands {
			if strings.Contains(c.norm, f) && isDoing(c.norm) && !isQuestion(c.text) && !p.notHerDoing(c, leader) {
				return c, true
			}
		}
	}
	if len(p.q.Topics) == 0 {
		return sentRef{}, false
	}
	for _, r := range p.onField(cands) {
		if isDoing(r.norm) && !p.notHerDoing(r.sentRef, leader) {
			return r.sentRef, true
		}
	}
	return sentRef{}, false
}
