package core

// A detail of a method asked right after it ("谁参加？", "在哪里开？",
// "多久开一次？"): who takes part, where, how often, how many. The
// question word says what kind of thing the answer holds; the method's own
// sentences are searched for one that holds such a thing.

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"bangyang/catalog"
	"bangyang/zh"
)

// detailKind is the kind of thing a detail question asks for, with the
// words that ask it and the words a sentence holding it uses.
type detailKind struct {
	name  string
	ask   *regexp.Regexp
	holds *regexp.Regexp
}

var detailKinds = []detailKind{
	{"people",
		regexp.MustCompile(`谁(参加|参与|负责|来|去|管|组织|主持|出面|出力|出钱|干|当|上门|值班|服务|帮)|由谁|哪些人|什么人(参加|参与|负责|来)|都有谁|人员|成员|组成`),
		regexp.MustCompile(`居民|党员|志愿者|网格员|楼栋长|楼长|楼道长|院长|代表|干部|社工|老人|业主|单位|物业|群众|街坊|大家|骨干|专家|律师|医生|民警|学生|退休|成员|组成|小组|队伍|团队`)},
	{"place",
		regexp.MustCompile(`在哪|哪里|什么地方|哪儿|地点|场地|地方在`),
		regexp.MustCompile(`(在|设在|搬到|开到|放在|建在)[^，。；,;]{0,10}(巷口|楼下|院|广场|门口|室|站|中心|点|楼|家|小区|村|社区|公园|树下|街|路|厅|馆|场|屋|坝|亭|道|口|前)`)},
	{"time",
		regexp.MustCompile(`多久|什么时候|几点|哪天|多长时间|频率|每隔|几次|定期|多长`),
		regexp.MustCompile(`每(周|月|天|日|年|季度|季|星期|半月|两周)|周[一二三四五六日末]|星期[一二三四五六日天]|晚上|早上|上午|下午|中午|\d+点|定期|月初|月底|月末|节假日|固定|雷打不动|一次`)},
	// "类别会变吗", "红色户会一直是红色吗": whether the class or the list
	// changes — the sentences re-sorting them (每季度重新评定, 转为黄色).
	{"change",
		regexp.MustCompile(`会(不会)?[变改换调升降]|变不变|能不能[变改换调]|[可能]以[变改换调]|一直是|固定不变|一成不变|定死|终身|永久|调不调|换不换|升级|降级|退出`),
		regexp.MustCompile(`调整|重新(评定|认定|划分|分类|核定|评估|确定)|[转调升降变改]为|调高|调低|升级|降级|动态|不是定死|不是固定|不固定|复核|退出|摘帽`)},
	{"number",
		regexp.MustCompile(`多少|几个|几名|几位|几户|几支|几家|几场|几件|规模`),
		regexp.MustCompile(`\d|[一二三四五六七八九十百千万两]+(个|名|位|户|次|场|件|支|家|人)`)},
}

// detailAsked is the kind of detail a question asks of a method, if any.
// 是谁提出的 asks who made it, not who takes part.
func detailAsked(q Question) (detailKind, bool) {
	norm := q.Norm
	if q.Asks == AsksLength {
		// "坚持了多久": how long it has gone on (坚持了十二年), read once
		// into Asks, before when it is held.
		return detailKind{name: "length", ask: lengthAskRE, holds: lengthStatedRE}, true
	}
	if sourceRE.MatchString(norm) {
		return detailKind{}, false // 钱从哪里来: a source, not a place
	}
	for _, k := range detailKinds {
		if !k.ask.MatchString(norm) {
			continue
		}
		if m := measureRE.FindStringSubmatch(norm); k.name == "number" && m != nil && countIn[m[1]] != nil {
			// "有多少名": a count of that measure.
			k.holds = countIn[m[1]]
		}
		return k, true
	}
	return detailKind{}, false
}

// countIn are the counts in each measure a question may ask in, compiled
// once.
var countIn = func() map[string]*regexp.Regexp {
	out := map[string]*regexp.Regexp{}
	for _, m := range []string{"名", "个", "位", "户", "支", "家", "场", "件", "次", "人", "元"} {
		out[m] = regexp.MustCompile(`[\d一二三四五六七八九十百千万两]+[多余]?` + m)
	}
	return out
}()

var (
	sourceRE  = regexp.MustCompile(`从哪[里儿]?来|哪来|来源|从哪[里儿]?(筹|出|找)`)
	measureRE = regexp.MustCompile(`(?:多少|几)([名个位户支家场件次人元])`)
)

// planMethodDetail answers a detail of a method from its own sentences:
// the ones holding that kind of thing, those sharing the question's words
// first. It reports false when none does; the usual plan answers then.
func (p *planner) planMethodDetail(m catalog.Method, kind detailKind) (*draft, bool) {
	keys := []string{zh.ToSimplified(strings.Trim(m.Name, "“”"))}
	for _, a := range m.Aliases {
		keys = append(keys, zh.ToSimplified(strings.Trim(a, "“”")))
	}
	keys = append(keys, m.Steps...)
	var cands []sentRef
	seen := map[string]bool{}
	addCand := func(r sentRef) {
		if !seen[r.key()] && !fragment(r.text) {
			seen[r.key()] = true
			cands = append(cands, r)
		}
	}
	def, hasDef := p.definitionOf(m)
	if hasDef {
		for _, r := range p.s.paragraph(def) {
			addCand(r)
		}
	}
	if m.Leader != "" {
		for _, r := range p.s.leaderSentences(m.Leader) {
			if matchesAny(flatten(r.norm), keys) {
				addCand(r)
			}
		}
	}
	for _, qs := range m.Procedure {
		for _, r := range quotes(p, qs) {
			addCand(r)
		}
	}
	if hasDef {
		// What follows its naming, up to another method's story (类别不是
		// 定死的，网格员每季度重新评定一次: a paragraph of its own).
		name := flatten(zh.ToSimplified(strings.Trim(m.Name, "“”")))
		for _, r := range p.s.sentencesAfter(def.chunk, def.pos, 10) {
			if r.chunk.ArticleID != def.chunk.ArticleID || (p.s.namesAMethod(r.norm) || p.namesHerOther(m, r.norm)) && !strings.Contains(flatten(r.norm), name) {
				break
			}
			addCand(r)
		}
	}
	rest := p.detailWords(m, kind)
	type scored struct {
		r     sentRef
		score int
	}
	var best []scored
	for _, r := range cands {
		// Read without the method's own name: 一户一策 holds no count of 户.
		bare := r.norm
		for _, k := range keys {
			if k != "" {
				bare = strings.ReplaceAll(bare, k, "　")
			}
		}
		if !kind.holds.MatchString(bare) {
			continue
		}
		score := 1
		for _, c := range rest {
			if strings.ContainsRune(r.norm, c) {
				score += 2
			}
		}
		if matchesAny(flatten(r.norm), keys) {
			score++
		}
		best = append(best, scored{r, score})
	}
	if len(best) == 0 {
		return nil, false
	}
	// Best first; ties keep the article's order.
	for i := 1; i < len(best); i++ {
		for j := i; j > 0 && best[j].score > best[j-1].score; j-- {
			best[j], best[j-1] = best[j-1], best[j]
		}
	}
	d := &draft{leaders: nonEmpty(m.Leader), methods: []string{m.Name}}
	d.lead = whose(p.leaderLabel(m.Leader), "“"+strings.Trim(m.Name, "“”")+"”") + "："
	top := best[0].score
	for _, b := range best {
		if len(d.items) == 2 || b.score < top && len(d.items) > 0 {
			break
		}
		p.take(b.r)
		d.add(item{quote: b.r})
	}
	return d, true
}

// detailWords are the question's own characters once the method's name,
// the asking words and the vague ones are gone: 参加 of 谁参加, 开 of
// 在哪里开.
func (p *planner) detailWords(m catalog.Method, kind detailKind) []rune {
	rest := kind.ask.ReplaceAllString(p.q.Norm, " ")
	for _, n := range append([]string{m.Name}, m.Aliases...) {
		rest = strings.ReplaceAll(rest, zh.ToSimplified(strings.Trim(n, "“”")), " ")
	}
	rest = residual(rest)
	var out []rune
	for _, r := range rest {
		if zh.IsHan(r) && !strings.ContainsRune("的了吗呢吧啊是在有这那个些她他们一", r) {
			out = append(out, r)
		}
	}
	if utf8.RuneCountInString(string(out)) > 6 {
		return out[:6]
	}
	return out
}

// followedBy appends to a detail's answer what the usual plan said, within
// the answer's budget: the detail leads, the rest keeps what a fuller
// answer holds.
//
// What this conversation showed already is not shown again.
func (d *draft) followedBy(usual *draft, shown map[string]bool) *draft {
	if usual == nil || usual.refused {
		return d
	}
	runes := 0
	for _, it := range d.items {
		runes += utf8.RuneCountInString(it.quote.text)
	}
	have := map[string]bool{}
	for _, it := range d.items {
		have[it.quote.key()] = true
	}
	for _, it := range usual.items {
		n := utf8.RuneCountInString(it.quote.text)
		if it.quote.chunk == nil || have[it.quote.key()] || shown[it.quote.key()] || len(d.items) == 4 || runes+n > maxAnswerRunes-60 {
			continue
		}
		have[it.quote.key()] = true
		runes += n
		d.add(item{quote: it.quote, more: it.more})
	}
	return d
}

// nothingMore answers "还有吗" when everything her articles say on it was
// shown: that is the answer, with what else can be asked.
func (p *planner) nothingMore(leader string) *draft {
	d := &draft{leaders: []string{leader}}
	d.lead = "关于" + p.leaderLabel(leader) + "，资料中相关的内容上面都已经介绍了。"
	var names []string
	if p.s.o.Catalog != nil {
		for _, m := range p.s.o.Catalog.MethodsOf(leader) {
			names = append(names, "“"+strings.Trim(m.Name, "“”")+"”")
		}
	}
	if len(names) > 0 {
		d.add(item{plain: "可以接着问" + strings.Join(names[:min(3, len(names))], "、") + "具体怎么做、效果如何。"})
	}
	return d
}

// authorAskRE asks who wrote or speaks an article, not whom it is about.
var authorAskRE = regexp.MustCompile(`发言人|讲话人|报告人|演讲人|作者是|作者叫|(这篇|文章|报道|稿子|发言|讲话)[^，,。？?]{0,4}谁(写|讲|作)的|谁(做|作)了?(这个|这场|这次)?(报告|发言|讲话)|谁在(会上|报告会上)(发言|讲话)`)

// planAuthor answers who wrote or speaks the articles about the leader
// asked (or the one just discussed), as the loader read it (Meta.Author);
// nil when it read none.
func (p *planner) planAuthor() *draft {
	leader := ""
	switch {
	case len(p.q.Leaders) == 1:
		leader = p.q.Leaders[0]
	case p.prev != nil && len(p.prev.Leaders) > 0:
		leader = p.prev.Leaders[0]
	}
	if leader == "" {
		return nil
	}
	d := &draft{leaders: nonEmpty(leader)}
	articles := p.s.ents.leaderInfo[leader].Articles
	if p.prev != nil && len(p.prev.Cited) > 0 {
		// The article just discussed first.
		articles = append([]string{p.prev.Cited[0].Chunk.ArticleID}, articles...)
	}
	for _, id := range articles {
		chunks := p.s.byArticle[id]
		if len(chunks) == 0 || chunks[0].Meta.Author == "" || !slices.Contains(p.s.ents.leaderInfo[leader].Articles, id) {
			continue
		}
		author := zh.ToSimplified(chunks[0].Meta.Author)
		d.lead = "关于" + leader + "的这篇资料，讲述者（作者）是" + author + "。"
		for _, r := range p.s.sentencesIn(chunks) {
			if strings.Contains(r.norm, author) {
				p.take(r)
				d.add(item{quote: r})
				break
			}
		}
		if !d.hasQuotes() {
			d.add(item{plain: "（据文章的署名或标题）"})
		}
		return d
	}
	return nil // no author read: the question is answered from the text
}
