package core

// The advice plan (practices across leaders on the question's topic) and
// the general plan (a question naming no one).

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"bangyang/lexicon"
	"bangyang/search"
)

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
	var cands []sentRef
	if len(only) == 1 {
		// One secretary asked about: all of her sentences, not the
		// passages that rank best across the corpus.
		cands = p.s.leaderSentences(only[0])
	} else {
		res, err := p.s.o.Search.Search(ctx, query, search.Options{K: max(24, 5*p.s.o.Passages)})
		if err != nil {
			return nil, err
		}
		for _, h := range res.Hits {
			cands = append(cands, p.s.sentences(p.s.hitChunk(h))...)
		}
	}
	wt := p.terms(p.q.Topic, expansion, cands)
	wt.lexiconFirst = len(expansion) > 0
	// What to learn is what she did, not how bad it was before.
	ranked, cause := p.solvedBy(paragraphBoost(p.backgroundLast(practiceFirst(rank(cands, wt, IntentHow))), 0.3))
	// A named method is something to take home: its sentences first.
	var primary []string
	if len(p.q.Topics) > 1 {
		// The topic the question is most about (加装电梯 before 老旧小区改造
		// in "老小区想装电梯"): its practices first.
		primary = append(slices.Clone(p.q.Topics[0].Article), p.q.Topics[0].Ask...)
	}
	for i := range ranked {
		if p.s.namesAMethod(ranked[i].norm) {
			ranked[i].score *= 1.3
		}
		if len(primary) > 0 && matchesAny(ranked[i].norm, primary) {
			ranked[i].score *= 1.3
		}
	}
	slices.SortStableFunc(ranked, func(a, b rankedSent) int { return cmpScore(b.score, a.score) })
	if len(expansion) == 0 && (len(ranked) == 0 || wt.total > 0 && ranked[0].covered < 0.5*wt.total) {
		// No topic of community work, and no passage holds half of what
		// was asked ("明天兰州天气怎么样"): nothing to learn from here.
		d.refused = true
		return d, nil
	}
	// A problem asked beside the group of people it falls on: the problem's
	// words, and whether the group is only its victim (吵得孩子…).
	problem, victim := problemOverGroup(&p.q)
	if len(problem) > 0 && !slices.ContainsFunc(ranked, func(r rankedSent) bool {
		why, solves := cause[r.key()]
		return r.score >= 1.2 && (matchesAny(r.norm, problem) || solves && matchesAny(why.norm, problem))
	}) {
		// No sentence on the problem itself: the articles do not address
		// it, whatever they do for the group it concerns.
		d.refused = true
		return d, nil
	}
	// One problem asked far more strongly than anything else it mentions
	// (拖欠工资, 包工头, 讨薪 beside the 农民工 of 流动人口): a sentence on
	// it, or the articles do not address it — not a practice for the
	// newcomers that shares one word.
	if dom := p.dominantTopic(); dom != nil {
		words := append(slices.Clone(dom.Article), dom.Ask...)
		if !slices.ContainsFunc(ranked, func(r rankedSent) bool {
			why, solves := cause[r.key()]
			return r.score >= 1.2 && (matchesAny(r.norm, words) || solves && matchesAny(why.norm, words))
		}) {
			d.refused = true
			return d, nil
		}
	}
	perLeader := map[string]int{}
	most := 2 // practices per leader: one or two each, across leaders
	if len(only) == 1 {
		most = 4 // one leader asked about in a field: her practices in it
	}
	var order []string
	best := map[string]float64{}
	// Each practice is its story: the matching sentence with the doing
	// next to it (a problem's solution, an outcome's cause).
	byLeader := map[string][][]sentRef{}
	for _, r := range ranked {
		l := p.s.sentenceLeader(r.sentRef)
		if len(only) > 0 && !slices.Contains(only, l) || slices.Contains(p.q.Except, l) {
			continue
		}
		if r.score < 1.2 || !p.fresh(r.sentRef) || perLeader[l] >= most || ownLife(r.norm) || proposalRE.MatchString(r.norm) && !herDoingRE.MatchString(r.norm) {
			continue // (her own life — 年轻时最爱跳广场舞 — is nothing to learn from)
		}
		why, solves := cause[r.key()]
		if len(expansion) > 0 && !matchesAny(r.norm, expansion) && !(solves && matchesAny(why.norm, expansion)) {
			continue // a practice on the topic, not a sentence that shares a word
		}
		if victim && len(problem) > 0 && !matchesAny(r.norm, problem) && !(solves && matchesAny(why.norm, problem)) {
			continue // the group the problem falls on shares words with other work (孩子, 写作业 of an after-school class)
		}
		if perLeader[l] == 0 {
			if len(order) == 4 || len(order) > 0 && r.score < 0.35*best[order[0]] {
				continue // a weak match is no example to learn from
			}
		} else if r.score < best[l]*0.6 {
			continue
		}
		p.take(r.sentRef)
		budget := 140
		if perLeader[l] == 0 && len(order) < 3 {
			budget = 190
		}
		st := p.story(r.sentRef, budget)
		if !slices.ContainsFunc(st, func(x sentRef) bool {
			return isDoing(x.norm) && !p.s.inBackground(x) || isOutcome(x.norm) && !isProblem(x.norm) || p.s.namesAMethod(x.norm)
		}) {
			// Only how things were ("下水道三天两头堵", "地理位置特殊"), with no doing or outcome
			// found next to it: nothing to learn from.
			for _, x := range st {
				delete(p.used, x.key())
			}
			continue
		}
		if perLeader[l] == 0 {
			order = append(order, l)
			best[l] = r.score
		}
		perLeader[l]++
		if solves && st[0].key() == r.key() && p.fresh(why) &&
			utf8.RuneCountInString(why.text)+storyRunes(st) <= budget+60 {
			// The problem it solves, told first: what it answers to.
			p.take(why)
			st = append([]sentRef{why}, st...)
		}
		byLeader[l] = append(byLeader[l], st)
	}
	if len(order) == 0 {
		d.refused = true
		if len(p.q.Except) > 0 {
			d.lead = "资料中没有其他书记在这方面的做法。"
		}
		return d, nil
	}
	if len(primary) > 0 && !p.q.Topics[0].People {
		// The problem asked first, before the group it concerns: the
		// secretaries with a practice on it lead (上门维修 before 老年人).
		onPrimary := func(l string) bool {
			return slices.ContainsFunc(byLeader[l], func(st []sentRef) bool {
				return slices.ContainsFunc(st, func(r sentRef) bool { return matchesAny(r.norm, primary) })
			})
		}
		slices.SortStableFunc(order, func(a, b string) int { return boolRank(onPrimary(b)) - boolRank(onPrimary(a)) })
	}
	topic := p.q.Topic
	if len(p.q.Topics) > 0 {
		var names []string
		for _, t := range p.q.Topics {
			names = append(names, t.Name)
		}
		topic = strings.Join(firstStrings(names, 2), "、")
	}
	d.lead = "可以借鉴这些书记的做法："
	if len(p.q.Topics) > 0 || topic != "" && utf8.RuneCountInString(topic) <= 8 {
		d.lead = "在“" + topic + "”方面，可以借鉴这些书记的做法："
		switch {
		case len(only) == 1:
			d.lead = p.leaderLabel(only[0]) + "在“" + topic + "”方面的做法："
		case len(p.q.Except) > 0:
			d.lead = "除了" + strings.Join(p.q.Except, "、") + "，在“" + topic + "”方面还可以借鉴这些书记的做法："
		}
	}
	runes := 0
	for i, l := range order {
		if i > 0 && runes > maxAnswerRunes-100 {
			break // enough examples for one reading; the rest are for a follow-up
		}
		var shown [][]sentRef
		for j, st := range byLeader[l] {
			n := storyRunes(st)
			if j > 0 && (runes+n > maxAnswerRunes-60 || len(d.items)+len(shown) >= 5 || len(d.items)+len(shown)+len(order)-i > 5 || j >= most) {
				break // one practice each before a second for anyone
			}
			runes += n
			shown = append(shown, st)
		}
		// A leader's practices in the order her article tells them; two
		// that follow each other in the passage are one story, one line
		// ("征收启动之初，不少居民……不愿签约。" then the paragraph "……推行
		// “阳光征收”"), not the problem on a line of its own.
		slices.SortStableFunc(shown, func(a, b []sentRef) int { return articleOrder(a[0], b[0]) })
		for j := 1; j < len(shown); j++ {
			last, next := shown[j-1][len(shown[j-1])-1], shown[j][0]
			if last.chunk == next.chunk && next.pos == last.pos+1 {
				shown[j-1] = append(shown[j-1], shown[j]...)
				shown = slices.Delete(shown, j, j+1)
				j--
			}
		}
		for _, st := range shown {
			label := p.leaderLabel(l)
			if len(only) == 1 {
				label = "" // the lead names her
			} else if l == "" {
				label = st[0].chunk.Meta.SourceLine()
			}
			if name := p.methodTelling(l, st); name != "" {
				// The practice has a name the story does not say: give it,
				// it is what someone takes home ("“红马甲调解队”").
				if label != "" {
					label += " · "
				}
				label += "“" + name + "”"
			}
			d.add(item{label: label, quote: st[0], more: st[1:]})
			for _, r := range st {
				d.context = appendChunk(d.context, r.chunk)
			}
		}
		d.leaders = append(d.leaders, l)
	}
	return d, nil
}

// ownLife reports a sentence about the secretary's own life rather than
// her work: her youth, her pastimes, her career before ("年轻时是厂里的文艺
// 骨干，最爱跳广场舞", "从纺织厂下岗后到社区工作"), unless it tells a doing
// of hers as well.
func ownLife(norm string) bool {
	return ownLifeRE.MatchString(norm) && !herDoingRE.MatchString(norm) && !workDoneRE.MatchString(norm)
}

// proposalRE is a proposal a deputy brought to a congress (两会上……带去了
// 关于老旧小区改造的建议): what she asked others to do, not a practice.
// (Residents' 建议 she takes down is no proposal of hers.)
var proposalRE = regexp.MustCompile(`(带去|带来|带上|提交|递交|提出)[^，,。；]{0,20}(议案|提案)|(两会|人代会|人大会议|政协会议)上`)

// ownLifeRE marks a person's own life: youth, pastimes, schooling, posts.
var ownLifeRE = regexp.MustCompile(`年轻时|小时候|从小|爱好|最爱|酷爱|喜欢(唱|跳|写|读|看|画|打|下|练|钓|跑)|业余时间|闲暇时|毕业于|毕业后|下岗后|参军|入伍|转业到|出生在|出生于|\d{4}年(\d{1,2}月)?(出)?生`)

// backgroundLast lowers the sentences that tell the ground a practice
// stands on (isBackground) which practiceFirst took for doings: the
// practice after them is what to learn (solvedBy passes their match on).
func (p *planner) backgroundLast(ranked []rankedSent) []rankedSent {
	for i := range ranked {
		if practiceRE2.MatchString(ranked[i].norm) && isBackground(ranked[i].norm) {
			ranked[i].score *= 0.5
		}
	}
	slices.SortStableFunc(ranked, func(a, b rankedSent) int { return cmpScore(b.score, a.score) })
	return ranked
}

// dominantTopic is the question's topic when it is asked at least twice
// as strongly as any other (拖欠工资, 包工头, 讨薪 against the 农民工 of
// 流动人口) and no group of people is asked beside it.
func (p *planner) dominantTopic() *lexicon.Topic {
	if len(p.q.Topics) < 2 || p.q.Topics[0].People {
		return nil
	}
	first := p.q.Topics[0].Weight(p.q.Norm)
	for _, t := range p.q.Topics[1:] {
		if t.People || t.Weight(p.q.Norm)*2 > first {
			return nil // a group of people is problemOverGroup's ("年轻人多 … 找不到人": 错时服务)
		}
	}
	return &p.q.Topics[0]
}

// problemOverGroup returns the words of a question's problem topics when
// it tells a problem that falls on a group of people, and tells the
// problem more strongly: the group named right after 吵得, 熏得, 砸到 …
// ("切割机从早响到晚，吵得孩子没法写作业": victim), or the group and the
// problem in one clause ("老人买菜要走半个多小时"). A clause of its own
// ("我们社区年轻人多") says who lives there, and a practice for them
// (错时服务) may well be the answer: no problem words then. An advice
// answer needs a sentence on the problem itself; when the group is only
// the victim, a practice on the group alone (an after-school class for
// 孩子…写作业) is about something else.
func problemOverGroup(q *Question) (problem []string, victim bool) {
	byProblem, byGroup := 0, 0
	for _, t := range q.Topics {
		if w := t.Weight(q.Norm); t.People {
			byGroup = max(byGroup, w)
			victim = victim || sufferedBy(q.Norm, t.Ask)
		} else {
			byProblem = max(byProblem, w)
		}
	}
	told := victim
	for _, c := range clauseRE.Split(q.Norm, -1) {
		rest, inGroup := c, false
		for _, t := range q.Topics {
			if t.People && t.Weight(c) > 0 {
				inGroup = true
				for _, w := range t.Ask {
					rest = strings.ReplaceAll(rest, w, " ") // the group's own words ("年轻人多") are no problem
				}
			}
		}
		told = told || inGroup && slices.ContainsFunc(q.Topics, func(t lexicon.Topic) bool { return !t.People && t.Weight(rest) > 0 })
	}
	if !told || byProblem <= byGroup {
		return nil, false
	}
	for _, t := range q.Topics {
		if !t.People {
			problem = append(problem, t.Article...)
			problem = append(problem, t.Ask...)
		}
	}
	return problem, victim
}

// sufferedBy reports whether the question names one of the group's words
// as the one a problem falls on: right after 吵得, 熏得, 害得, 让 …
// ("吵得孩子没法写作业"), not as who lives there ("年轻人多，白天都去上班").
func sufferedBy(norm string, group []string) bool {
	for _, m := range sufferMarks {
		for rest := norm; ; {
			i := strings.Index(rest, m)
			if i < 0 {
				break
			}
			rest = rest[i+len(m):]
			head := rest
			if n := []rune(head); len(n) > 4 {
				head = string(n[:4])
			}
			for _, w := range group {
				if utf8.RuneCountInString(w) <= 3 && strings.HasPrefix(strings.TrimLeft(head, "的些个我们家里"), w) {
					return true
				}
			}
		}
	}
	return false
}

// sufferMarks lead to whom a problem falls on.
var sufferMarks = []string{"得", "让", "使", "害", "连", "到", "影响"}

// clauseRE cuts a question into its clauses.
var clauseRE = regexp.MustCompile(`[，,。；;？?！!、]`)

func articleOrder(a, b sentRef) int {
	if a.chunk.ArticleID != b.chunk.ArticleID {
		return strings.Compare(a.chunk.ArticleID, b.chunk.ArticleID) // a consistent order across her articles
	}
	if a.chunk.Seq != b.chunk.Seq {
		return a.chunk.Seq - b.chunk.Seq
	}
	return a.pos - b.pos
}

func storyRunes(st []sentRef) int {
	n := 0
	for _, r := range st {
		n += utf8.RuneCountInString(r.text)
	}
	return n
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
	res, err := p.s.o.Search.Search(ctx, query, search.Options{K: p.s.o.Passages})
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
	if len(picked) > 0 && p.q.Asks == AsksSum && !moneyRE.MatchString(picked[0].norm) {
		// "每月多少钱": the sentence on the topic stating a sum leads,
		// though another shares more words.
		if j := slices.IndexFunc(picked, func(r rankedSent) bool { return moneyRE.MatchString(r.norm) }); j > 0 {
			picked[0], picked[j] = picked[j], picked[0]
		} else if i := slices.IndexFunc(ranked, func(r rankedSent) bool {
			return (r.covered > 0 || r.chunk == picked[0].chunk) && moneyRE.MatchString(r.norm) && p.fresh(r.sentRef) // (or told with it: "收费吗")
		}); i > 0 {
			delete(p.used, picked[0].key())
			p.take(ranked[i].sentRef)
			picked[0] = ranked[i]
		}
	}
	if len(picked) > 0 && !statesAsked(p.q, picked[0].norm) {
		// "社区医院几点开门", "网格员的手机号是多少": passages on the topic
		// that do not state the fact asked do not answer it.
		for _, r := range picked {
			delete(p.used, r.key())
		}
		d.refused = true
		return d, nil
	}
	if len(picked) > 0 && p.q.Asks == AsksStory {
		// "第一次议事会是怎么开的": the story from the sentence that
		// opens it, in its order.
		for _, r := range picked[1:] {
			delete(p.used, r.key())
		}
		picked = p.narrate(picked[:1], 4)
	}
	leaders := map[string]bool{}
	for _, r := range picked {
		leaders[p.s.sentenceLeader(r.sentRef)] = true
	}
	for _, r := range picked {
		l := p.s.sentenceLeader(r.sentRef)
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

// methodTelling is the name of the leader's method whose record holds one
// of the story's sentences (its definition, steps, how, results), when
// none of the story's sentences already names it.
func (p *planner) methodTelling(leader string, st []sentRef) string {
	if leader == "" || p.s.o.Catalog == nil {
		return ""
	}
	keys := map[string]bool{}
	for _, r := range st {
		keys[r.key()] = true
	}
	for _, m := range p.s.mainMethods(leader, 8) {
		name := strings.Trim(m.Name, "“”")
		if slices.ContainsFunc(st, func(r sentRef) bool { return strings.Contains(unquoted(r.norm), name) }) {
			return "" // the story names it itself
		}
		qs := append(slices.Clone(m.How), m.Results...)
		if m.Definition != nil {
			qs = append(qs, *m.Definition)
		}
		for _, pr := range m.Procedure {
			qs = append(qs, pr...)
		}
		for _, q := range qs {
			if r, ok := p.quoteOf(q); ok && keys[r.key()] {
				return name
			}
		}
	}
	return ""
}

// unquoted drops quotation marks: "“三到位”工作法" names 三到位工作法.
func unquoted(s string) string { return quoteMarks.Replace(s) }

// quoteMarks are the quotation marks unquoted drops.
var quoteMarks = strings.NewReplacer("“", "", "”", "", "\"", "", "「", "", "」", "", "‘", "", "’", "")
