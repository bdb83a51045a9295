package core

// A leader's summary tells her practices, each on one line with what was
// done and what came of it: her named methods, the practices she (or her
// community) carried out without a name, and — for a street secretary —
// the practices of the communities under her.

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"bangyang/catalog"
	"bangyang/zh"
)

// summaryBudget is the length a leader's summary aims at: past it, only
// the names of her methods are still listed.
const summaryBudget = 560

// maxResultRunes bounds a result quoted on a practice's line.
const maxResultRunes = 80

// resultChangeRE states a measured change (信访量下降了六成, 从每月30多起
// 降到个位数, 再没出现过积水) that the general result words miss.
var resultChangeRE = regexp.MustCompile(`下降|减少|降到|降至|降低|翻番|翻了|再没|再也没|没有一[件起次例]|少了|多了|^[^，,。]{0,6}(年来|年间|年下来|以来)|(调解|化解|解决|办结|办成|接待|收集|服务|帮助|惠及|受益)[^，,。]{0,8}\d|(了|完成|建成|办成)[\d一二三四五六七八九十百千万两几]+[余多]?(个|件|次|人|户|名|家|条|项|起|部|份|位|场|期|万|栋|公里|米)`)

// resultFigureRE is a figure a result is measured in.
var resultFigureRE = regexp.MustCompile(`\d|[一二两三四五六七八九十百千万几]+(成|倍|个|件|次|人|户|名|家|条|项|起|部|份|位|公里|米)|再没|再也没|没有一[件起次例]`)

// isResultSentence reports a sentence telling what came of a practice,
// with a figure or a stated change.
func isResultSentence(norm string) bool {
	if isQuestion(norm) || pastOpenRE.MatchString(strings.TrimLeft(norm, "“\"「")) {
		return false
	}
	if !resultFigureRE.MatchString(norm) {
		return false
	}
	if resultChangeRE.MatchString(norm) || outcomeOpenRE.MatchString(norm) {
		return true // "目前食堂每天供餐200余份"
	}
	// Else it states at least two kinds of result (a count and a rate, a
	// span of time and a total …), as resultRanked reads them.
	kinds := 0
	for _, re := range resultSignals {
		if re.MatchString(norm) {
			kinds++
		}
	}
	return kinds >= 2 && (isOutcome(norm) || cameOfItRE.MatchString(norm) || kinds >= 3)
}

// methodResult is the method's own measured result: its record's results,
// else a sentence of its record telling what came of it (the catalog may
// file "一年下来，信访量下降了六成" as how it is done); never a sentence
// naming another of her methods.
func methodResult(m catalog.Method, others []catalog.Method, used map[string]bool) (catalog.Quote, bool) {
	cands := append(append([]catalog.Quote{}, m.Results...), m.How...)
	for _, q := range cands {
		t := cleanQuote(q.Text)
		norm := zh.ToSimplified(t)
		if t == "" || used[t] || utf8.RuneCountInString(t) > maxResultRunes || !isResultSentence(norm) || namesOtherMethod(norm, m, others) || honourWonRE.MatchString(norm) || honourStatedRE.MatchString(norm) {
			continue
		}
		return q, true
	}
	return catalog.Quote{}, false
}

// namesOtherMethod reports a sentence naming one of others but m.
func namesOtherMethod(norm string, m catalog.Method, others []catalog.Method) bool {
	for _, o := range others {
		if o.Name == m.Name {
			continue
		}
		for _, k := range append([]string{o.Name}, o.Aliases...) {
			k = zh.ToSimplified(strings.Trim(k, "“”"))
			if utf8.RuneCountInString(k) >= 2 && strings.Contains(norm, k) && !strings.Contains(zh.ToSimplified(m.Name), k) {
				return true
			}
		}
	}
	return false
}

// practice is one line of a summary: a label (a community, an
// enumerated heading) or none, what was done, and what came of it.
type practice struct {
	label  string
	what   sentRef
	result *sentRef
}

// postOnlyRE is taking up a post ("2016年，她担任长堤社区党委书记"): no
// practice, though 担任 is among the doing words.
var postOnlyRE = regexp.MustCompile(`担任|兼任|出任|调任|当选|就任|任职|任[^，,。]{0,16}(书记|主任)`)

// careerStepRE is a step of her career (leaving a job, being elected, coming
// to the community): her story, no practice.
var careerStepRE = regexp.MustCompile(`推选为|被推选|被选为|选举|换届|辞职|辞去|来到社区|调到|调入|退休前`)

// notDoneRE is what is meant or wished, not done: a plan (planned), a
// hope, a next step ("下一步社区还将……推广", "我想把……").
var notDoneRE = regexp.MustCompile(planned + `|下一步|(打算|计划|希望|准备)(要|把|在|再|明年|今年|下一步|继续|进一步)|我想|想把|争取(明年|今年|下一)`)

// framingRE is the occasion of a text rather than her work (a report
// meeting, an interview's frame).
var framingRE = regexp.MustCompile(`先进事迹|报告会|座谈会|表彰大会|告诉记者|接受记者|记者了解到|记者看到`)

// backRefOpenRE opens a sentence leaning on the one before (这个习惯，她
// 坚持了快十年): no practice told on its own.
var backRefOpenRE = regexp.MustCompile(`^(这个|这种|这样|这些|这一|这项|此)`)

// quoteOpens reports a sentence opening with someone's words (a
// resident's, not what she did) rather than with a quoted name (“板凳会”上，…).
func quoteOpens(norm string) bool {
	rs := []rune(norm)
	if len(rs) == 0 || !strings.ContainsRune("“「\"『", rs[0]) {
		return false
	}
	for i := 1; i < len(rs) && i <= maxQuotedName+1; i++ {
		if strings.ContainsRune("”」\"』", rs[i]) {
			return false
		}
	}
	return true
}

// maxQuotedName bounds a quoted name opening a sentence.
const maxQuotedName = 10

// moreDoingRE are doings a summary reads as practices that the shared
// doing words miss: setting a rule, walking the whole community, clearing
// a room for a use.
var moreDoingRE = regexp.MustCompile(`的做法是|的办法是|定下|立下|定了个|走遍|跑遍|腾出|换新|改成|改为|办起|牵头|带着[^，,。]{1,8}(走|上门|清|修|建|办|做|跑)`)

// isPractice is a sentence telling a doing that is no post taken and no
// outcome.
func isPractice(norm string) bool {
	if careerStepRE.MatchString(norm) || postOnlyRE.MatchString(norm) && !isDoing(postOnlyRE.ReplaceAllString(norm, "")) {
		return false
	}
	if notDoneRE.MatchString(norm) || framingRE.MatchString(norm) || isQuestion(norm) || outcomeOpenRE.MatchString(norm) {
		return false
	}
	if communityHonour(norm) || ledToHonourRE.MatchString(norm) || honourRE.MatchString(norm) && !measuredRE.MatchString(norm) {
		return false // "带领社区党委，先后荣获…称号": honours, not a practice
	}
	return isDoing(norm) || moreDoingRE.MatchString(norm)
}

// ledToHonourRE is leading others to honours (带领社区党委，先后荣获…).
var ledToHonourRE = regexp.MustCompile(`^[^，,。]{0,12}(带领|率领)[^，,。]{0,14}[，,]?(先后|相继|多次|连续)?(荣获|获评|被评为|获得|被授予)`)

// toldOnItsOwn is a sentence a summary can quote as a practice: not
// someone else's words, not leaning on the sentence before, no praise.
func toldOnItsOwn(norm string) bool {
	problem := isProblem(norm) && !moreDoingRE.MatchString(norm) || hardestRE.MatchString(norm)
	return !quoteOpens(norm) && !backRefOpenRE.MatchString(norm) && !praiseOfHerRE.MatchString(norm) && !problem
}

// hardestRE tells what was hardest ("最难的是老房子的改造"): a difficulty,
// though it names a doing.
var hardestRE = regexp.MustCompile(`^[^，,。]{0,4}(最难|难的是|难就难在|难在)`)

// praiseOfHerRE is what people say of her ("大家都夸她……", "是居民的主心骨").
var praiseOfHerRE = regexp.MustCompile(`称赞|夸|竖起大拇指|点赞|好评|赞不绝口|贴心人|主心骨|称她|称他|叫她|叫他|(居民|群众|大家|街坊|老人)们?都?(说|讲)[，,：:“]`)

// aboutHer reports a sentence whose subject is the leader: it names her,
// or a pronoun opens it or its first clause.
func aboutHer(s *Service, r sentRef, leader string) bool {
	if s.namesLeader(r.norm, leader) {
		return true
	}
	head := r.norm
	if rs := []rune(head); len(rs) > 24 {
		head = string(rs[:24])
	}
	if strings.Contains(head, "我") && s.voiceOf(r) == leader {
		return true // her own words: 我们又组织了“银龄互助队” in her speech
	}
	return strings.ContainsAny(head, "她他")
}

// ourSubjectRE opens a sentence whose subject is the community's own
// organisation (after a time word at most): 社区, 社区党委, 居委会.
var ourSubjectRE = regexp.MustCompile(`^([^，,。]{0,8}[，,])?(社区|社区党委|社区党总支|社区党支部|社区两委|社区“两委”|居委会|党委|党支部)[^\p{Han}]?[^，,。]{0,2}(把|在|和|与|联合|组织|开展|推出|成立|组建|建立|设立|请|邀请|发动|开设|开办|办起|建起|打造|实行|推行|每)`)

// enumHeadingMax bounds an enumerated heading sentence ("一是把党小组建到骑
// 楼里。"): the sentence after it tells the doing.
const enumHeadingMax = 26

// unnamedPractices are up to n practices of the leader's sentences that
// used does not hold: enumerated ones (一是…) first, then those about her
// telling a doing, in article order; an enumerated heading is told by the
// sentence after it; each with the result the sentences after it in its
// paragraph give.
func unnamedPractices(s *Service, sents []sentRef, leader string, n int, used map[string]bool) []practice {
	return practicesIn(s, sents, leader, n, used, true)
}

// practicesIn is unnamedPractices; withMethodLines says the methods have
// lines of their own, so that a sentence naming one is left to them.
func practicesIn(s *Service, sents []sentRef, leader string, n int, used map[string]bool, withMethodLines bool) []practice {
	if n <= 0 {
		return nil
	}
	var enum, named, theirs []practice
	// heading: the marked section heading (▌走访入户 摸清家底) the next
	// practice is told under, which labels it (core/plan_headed.go).
	heading := ""
	labelled := func(p practice) practice {
		if p.label == "" {
			p.label = heading
		}
		heading = ""
		return p
	}
	for _, r := range sents {
		if isHeadingLike(r.text) {
			heading = ""
			if markedHeadingRE.MatchString(r.text) {
				heading = headedLabel(r.text)
			}
			continue
		}
		if used[cleanQuote(r.text)] || isQuestion(r.text) || fragment(r.text) || utf8.RuneCountInString(r.text) > 130 || s.namesOtherLeader(r.norm, leader) {
			continue
		}
		if withMethodLines && s.namesAMethod(r.norm) {
			heading = "" // its section is the method's line
			continue     // "先后推出了“红色代办”“睦邻积分”……": her methods' lines tell them
		}
		if !toldOnItsOwn(r.norm) {
			continue
		}
		if partnerSubjectRE.MatchString(r.norm) && !s.namesLeader(r.norm, leader) {
			continue
		}
		switch {
		case enumOpenRE.MatchString(r.norm) && utf8.RuneCountInString(r.text) <= enumHeadingMax:
			// The heading names the practice; the next sentence does it.
			para := s.paragraph(r)
			next := nextIn(s, r, para)
			if next == nil || enumOpenRE.MatchString(next.norm) || used[cleanQuote(next.text)] {
				if isPractice(r.norm) {
					enum = append(enum, practice{what: r})
				}
				continue
			}
			label := strings.TrimRight(strings.TrimSpace(enumOpenRE.ReplaceAllString(cleanQuote(r.text), "")), "。；;，,")
			label = strings.TrimPrefix(strings.TrimPrefix(label, "就是"), "是") // 首先是“建班子”
			enum = append(enum, practice{label: label, what: *next})
		case enumOpenRE.MatchString(r.norm) && isPractice(r.norm):
			enum = append(enum, practice{what: r})
		case aboutHer(s, r, leader) && isPractice(r.norm) && !isOutcome(r.norm):
			named = append(named, labelled(practice{what: r}))
		case ourSubjectRE.MatchString(r.norm) && isPractice(r.norm) && !isOutcome(r.norm):
			// "去年，社区把闲置的锅炉房改成了养老驿站": her community's doing
			// under her, after what names her.
			theirs = append(theirs, labelled(practice{what: r}))
		}
	}
	out := append(append(enum, named...), theirs...)
	seen := map[string]bool{}
	var kept []practice
	for _, p := range out {
		if k := p.what.key(); !seen[k] {
			seen[k] = true
			kept = append(kept, p)
		}
	}
	if len(kept) > n {
		kept = kept[:n]
	}
	sortPractices(kept)
	for i := range kept {
		kept[i].result = resultAfter(s, kept[i].what, used)
	}
	return kept
}

// nextIn is the sentence after r in its paragraph.
func nextIn(s *Service, r sentRef, para []sentRef) *sentRef {
	for i, x := range para {
		if x.pos == r.pos && i+1 < len(para) {
			nx := para[i+1]
			return &nx
		}
	}
	return nil
}

// resultAfter is the sentence right after what, in its paragraph, when it
// tells what came of it (and is no practice of its own).
func resultAfter(s *Service, what sentRef, used map[string]bool) *sentRef {
	nx := nextIn(s, what, s.paragraph(what))
	if nx == nil || used[cleanQuote(nx.text)] || utf8.RuneCountInString(nx.text) > maxResultRunes || enumOpenRE.MatchString(nx.norm) {
		return nil
	}
	if !isResultSentence(nx.norm) || isPractice(nx.norm) && !isOutcome(nx.norm) {
		return nil
	}
	return nx
}

func sortPractices(ps []practice) {
	refs := make([]sentRef, len(ps))
	at := map[string]practice{}
	for i, p := range ps {
		refs[i] = p.what
		at[p.what.key()] = p
	}
	inOrder(refs)
	for i, r := range refs {
		ps[i] = at[r.key()]
	}
}

// communityOpenRE opens a paragraph about one community ("枫林社区老楼多、
// 矛盾多，…", "在水井社区，…").
var communityOpenRE = regexp.MustCompile(`^(?:(?:\d{4}年[^，,。]{0,5}|去年|今年|前年|近年来|近年|如今|目前)[，,])?(?:在)?([\p{Han}]{2,6}社区)`)

// notInNameRE are characters no community's name holds (她之前担任社区,
// 各社区, 这个社区).
var notInNameRE = regexp.MustCompile(`[的了是她他我任个和与及在这那各每全本该]`)

// streetRoleRE is a post over several communities.
var streetRoleRE = regexp.MustCompile(`街道|党工委|镇`)

// communityPractices are, for a street secretary, the practices of the
// communities under her that her article tells a paragraph each: the
// community, what it did (the first doing of the paragraph), and what
// came of it.
func communityPractices(s *Service, sents []sentRef, leader, role string, n int, used map[string]bool) []practice {
	if n <= 0 || !streetRoleRE.MatchString(zh.ToSimplified(role)) {
		return nil
	}
	var out []practice
	done := map[string]bool{}
	for _, r := range sents {
		if len(out) == n {
			break
		}
		m := communityOpenRE.FindStringSubmatch(r.norm)
		if m == nil || isHeadingLike(r.text) || s.namesOtherLeader(r.norm, leader) {
			continue
		}
		name := m[1]
		if notInNameRE.MatchString(strings.TrimSuffix(name, "社区")) || done[name] || strings.Contains(zh.ToSimplified(role), name) {
			continue
		}
		// The community's block: its sentence and those after it in the
		// paragraph, up to the next community's.
		var block []sentRef
		for _, x := range s.paragraph(r) {
			if x.pos < r.pos {
				continue
			}
			if x.pos > r.pos && communityOpenRE.MatchString(x.norm) {
				break
			}
			block = append(block, x)
		}
		for i, x := range block {
			if !isPractice(x.norm) || isProblem(x.norm) && i == 0 && len(block) > 1 || !toldOnItsOwn(x.norm) && i > 0 {
				continue
			}
			done[name] = true
			if used[cleanQuote(x.text)] {
				break // told already (a method of hers)
			}
			out = append(out, practice{label: originalPrefix(r.text, name), what: x, result: resultAfter(s, x, used)})
			break
		}
	}
	return out
}

// originalPrefix is the community's name as text writes it (name is its
// Simplified form; the t2s conversion keeps rune positions).
func originalPrefix(text, name string) string {
	norm := []rune(zh.ToSimplified(text))
	rs := []rune(text)
	i := strings.Index(string(norm), name)
	if i < 0 || len(norm) != len(rs) {
		return name
	}
	start := utf8.RuneCountInString(string(norm)[:i])
	return string(rs[start : start+utf8.RuneCountInString(name)])
}

// runes is the composed text's length.
func (c *composer) runes() int { return utf8.RuneCountInString(c.b.String()) }

// withinBudget: text can be added without passing the summary's budget.
func (c *composer) withinBudget(text string) bool {
	return c.runes()+1+utf8.RuneCountInString(text)+c.reserve <= summaryBudget
}

// summaryCap bounds a summary whatever was reserved: the lines planned
// for (practices, deeds) are added within it even when the methods' names
// took more than their share.
const summaryCap = 700

// withinCap: text can be added without passing summaryCap.
func (c *composer) withinCap(text string) bool {
	return c.runes()+1+utf8.RuneCountInString(text) <= summaryCap
}

// reserveFor keeps room in the budget for the practices told after the
// methods, so that the methods' results do not crowd them out.
func (c *composer) reserveFor(ps []practice) {
	c.reserve = 0
	for _, p := range ps {
		c.reserve += utf8.RuneCountInString(p.label+cleanQuote(p.what.text)) + 8
		if p.result != nil {
			c.reserve += utf8.RuneCountInString(cleanQuote(p.result.text)) + 8
		}
	}
}

// practiceLine adds "prefix what[n] 成效：result[m]" — the result only when
// it fits the budget, the line only when what does — and marks both used.
func (c *composer) practiceLine(prefix, what, whatChunk, result, resultChunk string) bool {
	what, result = cleanQuote(what), cleanQuote(result)
	if what == "" || c.shownWithin(what) || !c.withinCap(prefix+what+"[00]") {
		return false
	}
	c.used[what] = true
	text := c.display(what, whatChunk)
	if n := c.cite(whatChunk); n > 0 {
		text += "[" + strconv.Itoa(n) + "]"
	}
	if result != "" && !c.shownWithin(result) && c.withinCap(prefix+text+" 成效："+result+"[00]") {
		c.used[result] = true
		text += " 成效：" + c.display(result, resultChunk)
		if n := c.cite(resultChunk); n > 0 {
			text += "[" + strconv.Itoa(n) + "]"
		}
	}
	c.line(prefix + text)
	return true
}

// asPractices wraps sentences as practices (to reserve room for them).
func asPractices(rs []sentRef) []practice {
	out := make([]practice, len(rs))
	for i, r := range rs {
		out[i] = practice{what: r}
	}
	return out
}

// ownMeasuredPractice is the first practice naming the leader whose doing
// or the sentence after it is measured (a count, a rate): a secretary
// with many named methods may have done her best-known work unnamed.
func ownMeasuredPractice(s *Service, sents []sentRef, leader string, used map[string]bool) (practice, bool) {
	for _, p := range unnamedPractices(s, sents, leader, len(sents), used) {
		if !s.namesLeader(p.what.norm, leader) || deedRE.MatchString(p.what.norm) && p.result == nil {
			continue
		}
		if p.result != nil || resultFigureRE.MatchString(p.what.norm) && cameOfItRE.MatchString(p.what.norm) || strings.Contains(p.what.norm, "全部") && resultFigureRE.MatchString(p.what.norm) {
			return p, true
		}
	}
	return practice{}, false
}

// display is a quote as shown: an interview's speaker label opening it
// is dropped when the line is the secretary's words (the line is hers).
func (c *composer) display(text, chunkID string) string {
	if ch, ok := c.s.chunk(chunkID); ok {
		return trimSpeaker(text, ch.Meta)
	}
	return text
}

// minShownClause is the length from which a shown text found inside
// another sentence makes that sentence a repeat.
const minShownClause = 12

// shownWithin reports a text shown already, or holding one shown (a
// result clause quoted on a method's line, then its whole sentence).
func (c *composer) shownWithin(t string) bool {
	if c.used[t] {
		return true
	}
	for u := range c.used {
		if utf8.RuneCountInString(u) >= minShownClause && strings.Contains(t, strings.TrimRight(u, "。；;")) {
			return true
		}
	}
	return false
}
