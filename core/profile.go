package core

// A leader's profile: who she is, where she started, her main methods,
// her own deeds and what came of them.

import (
	"context"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"bangyang/catalog"
	"bangyang/corpus"
	"bangyang/zh"
)

// LeaderProfile profiles one leader: who, where, role, honours, methods
// and key numbers, cited.
func (s *Service) LeaderProfile(ctx context.Context, chat, name string, script zh.Script) (*Answer, error) {
	return s.leaderProfile(ctx, chat, name, script, name)
}

// leaderProfile is LeaderProfile remembering asked as the turn's question.
func (s *Service) leaderProfile(ctx context.Context, chat, name string, script zh.Script, asked string) (*Answer, error) {
	script = normScript(script, name)
	l, close, ok := s.FindLeader(name)
	if !ok {
		var names []string
		for _, c := range close {
			names = append(names, c.Name)
		}
		return s.notInCatalog(script, "人物", names), nil
	}
	b := newComposer(s, script)
	chunks := s.chunks(l.ChunkIDs)
	// Who she is leads: the post, then the place, cited to the sentence
	// stating the post.
	head := l.Name
	switch {
	case l.Role != "" && l.Place != "":
		head += "：" + l.Role + "（" + l.Place + "）"
	case l.Role != "":
		head += "：" + l.Role
	case l.Place != "":
		head += "（" + l.Place + "）"
	}
	if l.Role != "" {
		if at := firstSentenceWith(chunks, []string{l.Role}, nil); at.chunk != "" {
			if n := b.cite(at.chunk); n > 0 {
				head += "[" + strconv.Itoa(n) + "]"
			}
		}
	}
	b.line(head)
	// Asked for her methods (做法, 经验, 哪些): the practices are the
	// answer and lead; asked who she is: her story in the genre's order.
	methodsAsked := methodsAskedRE.MatchString(zh.ToSimplified(asked))
	if l.Role == "" && l.Place == "" {
		if intro := firstSentenceWith(chunks, []string{l.Name}, roleRE); intro.text != "" {
			b.point("简介", intro.text, intro.chunk)
		}
	} else if intro := firstSentenceWith(chunks, []string{l.Name}, personalRE); intro.text != "" && utf8.RuneCountInString(intro.text) <= 120 && !methodsAsked && !deedsAskedRE.MatchString(zh.ToSimplified(asked)) {
		// "金顺姬，女，朝鲜族，1968年生": who she is beyond her post.
		b.used[cleanQuote(intro.text)] = true
		b.point("简介", intro.text, intro.chunk)
	}
	if len(l.Honours) > 0 {
		// One line, the first few: her honours never crowd out her work.
		b.point("荣誉", honourLine(l.Honours), honourChunk(chunks, l.Honours))
	}

	// Her story: where she started, what she did (the main methods, one
	// line each with what came of it), what she did herself, what came of
	// it — each once.
	sents := s.leaderSentences(l.Name)
	if st, ok := startingPoint(s, sents, l.Name); ok {
		b.used[cleanQuote(st.text)] = true
		if !methodsAsked {
			b.point("起点", st.text, st.chunk.ID)
		} // (asked for her methods: where she started is none of them, nor a result)
	}
	var methods []catalog.Method
	for _, mn := range l.Methods {
		if m, _, ok := s.FindMethod(mn); ok && m.Leader == l.Name {
			methods = append(methods, m)
		}
	}
	for i, m := range methods {
		if _, ok := methodResult(m, methods, b.used); !ok {
			// Its result may name it short ("全社区27栋楼都成立了议事会，…
			// 降到了个位数" after “楼栋议事会”): the record missed it.
			if r, ok := resultNamingItShort(s, sents, m, methods); ok {
				methods[i].Results = append(slices.Clone(m.Results), catalog.Quote{Text: r.text, ChunkID: r.chunk.ID})
			}
		}
	}
	header := false
	restMethods := 0 // named methods not listed, said after the practices
	practiceHeader := func() {
		if !header {
			b.line("• 主要做法：")
			header = true
		}
	}
	// A street secretary's work is also that of the communities under her,
	// each told in a paragraph of its own; with few named methods, what she
	// did is told in sentences ("二是推行邻里守望……"), the enumerated ones
	// first. Room is kept for them.
	taken := maps.Clone(b.used)
	for _, m := range methods {
		if d := cleanQuote(methodLine(m)); d != "" {
			taken[d] = true
		}
		for _, q := range m.Results {
			taken[cleanQuote(q.Text)] = true // its result is no practice of its own
		}
		if m.Definition != nil {
			taken[cleanQuote(m.Definition.Text)] = true
		}
	}
	later := communityPractices(s, sents, l.Name, l.Role, maxCommunityPractices, taken)
	if len(methods) < 4 {
		n := 4 - len(methods)
		if len(methods) == 0 {
			n = maxUnnamedPractices
		}
		for _, p := range later {
			taken[cleanQuote(p.what.text)] = true
		}
		later = append(later, unnamedPractices(s, sents, l.Name, n, taken)...)
	} else if p, ok := ownMeasuredPractice(s, sents, l.Name, taken); ok {
		// Many named methods: her own doing that the article measures
		// ("……把“失联”的47名党员全部找回") is no less one of them.
		later = append(later, p)
	}
	deeds := 3
	if methodsAsked {
		deeds = 0
	}
	// Her own deeds, when her story is asked, keep their room too.
	own := ownDeeds(s, sents, l.Name, deeds)
	b.reserveFor(append(slices.Clone(later), asPractices(own)...))
	if len(methods) > 0 {
		// Asked for her methods: the list is the answer; asked who she is
		// or what she did: the main ones, then her deeds and results.
		limit := maxProfileMethods
		if methodsAsked {
			limit = maxListedMethods
		}
		main := map[string]bool{}
		ranked := s.mainMethods(l.Name, limit)
		for _, m := range ranked {
			main[m.Name] = true
		}
		// The best told (steps, most mentioned) get lines of their own, in
		// article order; one more line costs less than a list of one.
		full := map[string]bool{}
		n := maxFullMethods
		if len(ranked) <= maxFullMethods+1 {
			n = len(ranked)
		}
		for _, m := range ranked[:n] {
			full[m.Name] = true
		}
		practiceHeader()
		listed := 0
		var names []string
		for _, m := range methods {
			if !main[m.Name] {
				continue
			}
			listed++
			if !full[m.Name] {
				// The rest by name, each cited: the list is what was asked.
				name := m.Name
				if n := b.cite(methodLineChunk(m)); n > 0 {
					name += "[" + strconv.Itoa(n) + "]"
				}
				names = append(names, name)
				continue
			}
			line := m.Name
			// A sentence naming two methods is quoted once, under the first;
			// a long one is left to the method's own summary.
			chunk := methodLineChunk(m)
			d := methodLine(m)
			if d == "" && m.Definition != nil && len(m.Steps) == 0 {
				// Its naming sentence is long for a list of methods, but
				// a line of the name alone says nothing of what it is.
				if t := cleanQuote(m.Definition.Text); utf8.RuneCountInString(t) <= maxProfileLine {
					d = t
				}
			}
			if n := zh.ToSimplified(d); d != "" && len(m.Steps) == 0 && isProblem(n) && !isDoing(n) {
				// "双职工家庭多，孩子周末没人管": what it answers, not what it
				// is; its first doing tells that.
				d = ""
				for _, q := range m.How {
					if t := cleanQuote(q.Text); !b.used[t] && howSentence(zh.ToSimplified(t)) && utf8.RuneCountInString(t) <= maxProfileLine {
						d, chunk = t, q.ChunkID
						break
					}
				}
			}
			if d != "" && !b.used[cleanQuote(d)] && utf8.RuneCountInString(d) <= maxProfileLine {
				line += "：" + b.display(d, chunk) // (without an interview's speaker label: the line names it)
				b.used[cleanQuote(d)] = true
			}
			b.methodWithResult(line, chunk, m, methods, true)
			if len(main) <= maxDetailedMethods {
				b.methodHow(m)
			}
		}
		if len(names) > 0 {
			b.line("  · 还有：" + strings.Join(names, "、"))
		}
		restMethods = len(methods) - listed
	}
	b.reserve = 0
	for _, p := range later {
		practiceHeader()
		b.practice(p)
	}
	if restMethods > 0 {
		b.line("  · …（另有" + strconv.Itoa(restMethods) + "项，可用 /methods 查看）")
	}
	// Her own words for how she works ("社区工作要“门要常开、人要常在”"):
	// what a learner remembers of her.
	if r, ok := mottoOf(s, sents, l.Name); ok {
		if t := cleanQuote(r.text); !b.used[t] && b.withinBudget("• 理念："+t) {
			b.used[t] = true
			b.point("理念", t, r.chunk.ID)
		}
	}
	for _, r := range own {
		if t := cleanQuote(r.text); !b.shownWithin(t) && b.withinCap("• 事迹："+t+"[00]") {
			b.used[t] = true
			b.point("事迹", t, r.chunk.ID)
		}
	}
	shown := 0
	for _, r := range resultRanked(sents, l.Name, s) {
		t := cleanQuote(r.text)
		if shown == 2 || b.shownWithin(t) || notDoneRE.MatchString(r.norm) || !b.withinBudget("• 成效："+t) || len(l.Honours) > 0 && honourOnly(s, r.norm, l.Name) || isPractice(r.norm) && !isResultSentence(r.norm) || howThingsWere(r.sentRef) || placeAsItIs(r.norm) {
			// Told already, a plan, past the budget, her honour (it has its
			// line), a doing with no result, or how things were.
			continue
		}
		b.used[t] = true
		b.point("成效", t, r.chunk.ID)
		shown++
	}
	for _, f := range l.KeyFacts {
		t := cleanQuote(f.Text)
		if !amongSentences(sents, f) {
			continue // a fact of the other secretary's section of a page telling of two
		}
		label := keyFactLabel(zh.ToSimplified(t))
		if isResultSentence(zh.ToSimplified(t)) {
			label = "成效" // "目前食堂每天供餐200余份": what came of it, though 每天 reads as a doing
		}
		if shown == 2 || t == "" || b.shownWithin(t) || label == "背景" || !b.withinBudget("• "+label+"："+t) || howThingsWereText(t, f.ChunkID, s) || placeAsItIs(zh.ToSimplified(t)) || thenNotNow(zh.ToSimplified(t)) {
			continue // how things were is no part of what she did
		}
		b.used[t] = true
		b.point(label, t, f.ChunkID)
		shown++
	}
	if nick := nicknameSentence(chunks, l.Name, s.ents.keysOf[l.Name]); nick.text != "" && !methodsAsked {
		// "居民都亲切地叫她“马大姐”": what people call her is part of who
		// she is — after her work, when there is room left.
		if t := cleanQuote(nick.text); !b.shownWithin(t) && b.withinBudget("• 人称："+t) {
			b.used[t] = true
			b.point("人称", t, nick.chunk)
		}
	}
	if !methodsAsked {
		// Her career before the post (原是纺织厂会计, 退伍后…), last, when
		// there is room left after her work.
		if r, ok := careerSentence(s, sents, l.Name); ok {
			if t := cleanQuote(r.text); !b.shownWithin(t) && b.withinBudget("• 经历："+t) {
				b.used[t] = true
				b.point("经历", t, r.chunk.ID)
			}
		}
	}
	ans := b.answer()
	if s.o.Model != nil && len(chunks) > 0 {
		q := fmt.Sprintf("请介绍%s：所在社区与职务、获得的荣誉、主要工作方法及其内容、关键数字。", l.Name)
		if gen := s.generate(ctx, script.Convert(q), script, hitsOf(firstN(chunks, 8)), Conversation{}, nil); gen.Mode == ModeLLM && gen.Grounded {
			ans = gen
		}
	}
	s.remember(ctx, chat, asked, ans)
	return ans, nil
}

// amongSentences reports a catalog key fact that is one of sents (her
// own sentences, by section and paragraph as well as by name).
func amongSentences(sents []sentRef, f catalog.Fact) bool {
	want := zh.ToSimplified(strings.TrimSpace(f.Text))
	for _, r := range sents {
		if r.chunk.ID == f.ChunkID && (strings.Contains(r.norm, want) || strings.Contains(want, strings.TrimSpace(r.norm))) {
			return true
		}
	}
	return false
}

var roleRE = regexp.MustCompile(`书记|主任`)

// resultNamingItShort is a measured result, among the few sentences after
// a method's naming sentence in its article, that names it by its tail
// (议事会 of 楼栋议事会) and no other of her methods.
func resultNamingItShort(s *Service, sents []sentRef, m catalog.Method, all []catalog.Method) (sentRef, bool) {
	if m.Definition == nil {
		return sentRef{}, false
	}
	name := []rune(unquoted(zh.ToSimplified(m.Name)))
	if len(name) < 4 {
		return sentRef{}, false
	}
	tail := string(name[len(name)-3:])
	def := cleanQuote(m.Definition.Text)
	for i, r := range sents {
		if r.chunk.ID != m.Definition.ChunkID || cleanQuote(r.text) != def {
			continue
		}
		for _, x := range sents[i+1 : min(len(sents), i+9)] {
			if x.chunk.ArticleID != r.chunk.ArticleID {
				break
			}
			if strings.Contains(x.norm, tail) && isResultSentence(x.norm) && utf8.RuneCountInString(cleanQuote(x.text)) <= maxResultRunes && !namesOtherMethod(x.norm, m, all) {
				return x, true
			}
		}
		break
	}
	return sentRef{}, false
}

// placeAsItIsRE opens a sentence telling what the community is: when it
// was built, how many buildings and households it has ("梧桐社区始建于上世纪
// 七十年代，共有居民楼42栋").
var placeAsItIsRE = regexp.MustCompile(`^[^，,。；]{0,14}(社区|小区|街道|辖区|这里)(始建|建于|建成于|成立于|位于|地处|共有|现有|辖有|下辖|面积)`)

// thenNotNow is a sentence telling how things were when she came (刚到…时,
// 当时, 以前), with nothing of how they are now.
func thenNotNow(norm string) bool {
	return startRE.MatchString(norm) && !nowRE.MatchString(norm)
}

// nowRE tells how things are now or what changed.
var nowRE = regexp.MustCompile(`如今|目前|现在|变成|变为|转变|提升|提高|增加到|增至|再也没|再没`)

// placeAsItIs is a sentence telling how the community is, no result of
// her work (its numbers count what is there, not what she did).
func placeAsItIs(norm string) bool {
	return placeAsItIsRE.MatchString(norm) && !outcomeOpenRE.MatchString(norm) && !cameOfItRE.MatchString(norm)
}

// personalRE is a sentence introducing the person: sex, people, birth.
var personalRE = regexp.MustCompile(`[，,][男女][，,]|[\p{Han}]族[，,]|\d{4}年(\d{1,2}月)?(出)?生`)

// maxProfileMethods bounds a profile's method list: a reader wants the
// main ones; the catalog has the rest.
const maxProfileMethods = 5

// maxListedMethods bounds the list when her methods are what is asked.
const maxListedMethods = 10

// methodsAskedRE asks for someone's methods rather than her story.
var methodsAskedRE = regexp.MustCompile(`方法|做法|经验|办法|招数|妙招|举措|哪些|哪几`)

// maxCommunityPractices bounds the community practices of a street
// secretary's summary; maxUnnamedPractices the practices of one with no
// named method.
const (
	maxCommunityPractices = 3
	maxUnnamedPractices   = 5
)

// maxHonours bounds the honours line of a profile.
const maxHonours = 3

// honourLine is the first few honours, "等" marking that there are more.
func honourLine(hs []string) string {
	if len(hs) <= maxHonours {
		return strings.Join(hs, "；")
	}
	return strings.Join(hs[:maxHonours], "；") + "等"
}

// honourChunk is the passage of the first sentence stating one of the
// honours, read without quotation marks (获评杭州市“最美社区书记”); "" when
// only the page's metadata holds them.
func honourChunk(chunks []corpus.Chunk, honours []string) string {
	if at := firstSentenceWith(chunks, honours, nil); at.chunk != "" {
		return at.chunk
	}
	for _, ch := range chunks {
		for _, sent := range splitSentences(ch.Text) {
			norm := unquoted(zh.ToSimplified(sent))
			for _, h := range honours {
				if h != "" && strings.Contains(norm, unquoted(zh.ToSimplified(h))) {
					return ch.ID
				}
			}
		}
	}
	return ""
}

// honourOnly is a sentence stating her own honour and no other result
// ("晏春梅先后获评宜昌市优秀共产党员").
func honourOnly(s *Service, norm, leader string) bool {
	hers := s.namesLeader(norm, leader) || selfOpenRE.MatchString(norm)
	return (honourStatedRE.MatchString(norm) || honourWonRE.MatchString(norm)) && hers && !measuredRE.MatchString(norm)
}

// selfOpenRE opens a sentence about the person herself (本人也被……).
var selfOpenRE = regexp.MustCompile(`^(她|他)?(本人|自己|个人)`)

// deedsAskedRE asks what she did (事迹, 做了什么): her practices, not who
// she is — no introduction line.
var deedsAskedRE = regexp.MustCompile(`事迹|做了|干了|做过|干过|成绩`)

// honourWonRE is winning an honour in words honourStatedRE leaves out.
var honourWonRE = regexp.MustCompile(`获评|被评|表彰为|获得[^，,。]{0,20}(先进|优秀|模范|标兵)`)

// methodWithResult adds a method's line ("name：what[n]") and, when
// withResult and within the budget, the method's own measured result.
func (c *composer) methodWithResult(line, chunk string, m catalog.Method, all []catalog.Method, withResult bool) {
	if withResult {
		if q, ok := methodResult(m, all, c.used); ok && !strings.Contains(zh.ToSimplified(line), zh.ToSimplified(strings.TrimRight(cleanQuote(q.Text), "。"))) {
			// (A result clause of the line's own sentence is not told twice.)
			if t := cleanQuote(q.Text); c.withinBudget("  · " + line + "[00] 成效：" + t + "[00]") {
				c.used[t] = true
				text := cleanQuote(line)
				if n := c.cite(chunk); n > 0 {
					text += "[" + strconv.Itoa(n) + "]"
				}
				text += " 成效：" + c.display(t, q.ChunkID)
				if n := c.cite(q.ChunkID); n > 0 {
					text += "[" + strconv.Itoa(n) + "]"
				}
				c.line("  · " + text)
				return
			}
		}
	}
	c.sub(line, chunk)
}

// maxDetailedMethods: a leader with this many methods or fewer has them
// told with how they are done (each step's doing, or the method's first
// doing sentence), as the budget allows.
const maxDetailedMethods = 2

// methodHow adds, under a method's line, how it is done: its steps each
// with the first sentence carrying it out, or its first doing sentence —
// within the budget, none shown before, no result told as a doing.
func (c *composer) methodHow(m catalog.Method) {
	if len(m.Steps) > 0 && hasProcedure(m) {
		for i, st := range m.Steps {
			if i >= len(m.Procedure) {
				break
			}
			for _, q := range m.Procedure[i][:min(1, len(m.Procedure[i]))] {
				t := cleanQuote(withoutStep(q.Text, st))
				if t == "" || c.used[cleanQuote(q.Text)] || !stepSentence(zh.ToSimplified(t)) || !c.withinBudget("    "+st+"："+t+"[00]") {
					continue
				}
				c.used[cleanQuote(q.Text)] = true
				c.indented("    "+strconv.Itoa(i+1)+". "+st+"：", t, q.ChunkID)
				break
			}
			// (Only the step's first sentence is read: a later one the
			// catalog aligned may belong to no step.)
		}
		return
	}
	for _, q := range m.How {
		t := cleanQuote(q.Text)
		if t == "" || c.used[t] || !howSentence(zh.ToSimplified(t)) || utf8.RuneCountInString(t) > maxProfileLine || !c.withinBudget("    怎么做："+t+"[00]") {
			continue
		}
		c.used[t] = true
		c.indented("    怎么做：", t, q.ChunkID)
		return
	}
}

// howSentence is a sentence telling how a method is done: a doing, told
// on its own, neither a result, nor someone's words about it, nor how
// things were before.
func howSentence(norm string) bool {
	n := strings.TrimLeft(norm, "“「\"")
	return isPractice(norm) && toldOnItsOwn(norm) && !isResultSentence(norm) && !pastOpenRE.MatchString(n) && !saysRE.MatchString(norm)
}

// stepSentence is a sentence carrying out a step: the catalog aligned it
// by the step's words; it is no result, no one's words about it, no
// looking back.
func stepSentence(norm string) bool {
	n := strings.TrimLeft(norm, "“「\"")
	return !isResultSentence(norm) && !pastOpenRE.MatchString(n) && !saysRE.MatchString(norm) && !notDoneRE.MatchString(norm) && !backRefOpenRE.MatchString(norm) && !isQuestion(norm)
}

// howThingsWere is a sentence telling the ground she works on (an
// interview's answer included, its speaker label aside), no result.
func howThingsWere(r sentRef) bool {
	n := zh.ToSimplified(trimSpeaker(r.text, r.chunk.Meta))
	return isProblem(n) && !cameOfItRE.MatchString(n)
}

// howThingsWereText is howThingsWere for a catalog quote.
func howThingsWereText(t, chunkID string, s *Service) bool {
	if ch, ok := s.chunk(chunkID); ok {
		t = trimSpeaker(t, ch.Meta)
	}
	n := zh.ToSimplified(t)
	return isProblem(n) && !cameOfItRE.MatchString(n)
}

// saysRE opens a report of someone's words (钱慧英说：…, 居民们说，…).
var saysRE = regexp.MustCompile(`^[^，,。：:]{0,12}(说|表示|介绍|坦言|感慨|笑着说)[，,：:]`)

// practice adds a practice's line under 主要做法.
func (c *composer) practice(p practice) {
	prefix := "  · "
	if p.label != "" {
		prefix += p.label + "："
	}
	res, resChunk := "", ""
	if p.result != nil {
		res, resChunk = p.result.text, p.result.chunk.ID
	}
	c.practiceLine(prefix, p.what.text, p.what.chunk.ID, res, resChunk)
}

// maxFullMethods is how many methods a profile tells on a line of their
// own (what it is, what came of it); the rest are listed by name.
const maxFullMethods = 3

// maxProfileLine bounds a method's line in a profile.
const maxProfileLine = 90

// startRE opens the part of a story about how things were when she came.
var startRE = regexp.MustCompile(startWords)

// startWords mark how things were when she came; pastMarkRE
// (plan_then_now.go) widens them to before her time.
const startWords = `刚到|初到|刚来|上任|接手|到任|任职之初|之初|起初|当时|那时|以前|过去|曾是|曾经`

// afterStartRE opens what she did once she had come (上任后, 到任以来).
var afterStartRE = regexp.MustCompile(`(上任|到任|接手|任职|刚到|初到)[^，,。]{0,4}(后|以后|以来|伊始)`)

// startingPoint is the sentence telling the state she found: a
// difficulty, at her arrival or before her work.
func startingPoint(s *Service, sents []sentRef, leader string) (sentRef, bool) {
	for _, r := range sents {
		if isHeadingLike(r.text) || isQuestion(r.text) || s.namesOtherLeader(r.norm, leader) {
			continue
		}
		if afterStartRE.MatchString(r.norm) && isPractice(r.norm) {
			continue // "上任后，她牵头建立……": what she did, not what she found
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
		// An anonymised name (XXX) stands for someone the article will not
		// name: not her.
		if about && deedRE.MatchString(r.norm) && !strings.Contains(r.text, "XXX") {
			out = append(out, r)
		}
	}
	return out
}

// enumOpenRE opens a sentence of an enumerated account of work.
// (A speech's 首先是“建班子”。… 其次是“立规矩”。… 最后是“找资金”。…
// included.)
var enumOpenRE = regexp.MustCompile(`^(一是|二是|三是|四是|五是|首先|其次|再次|最后(?:是|就是)|此外|同时|另外|第[一二三四五](?:是|，))`)

// practicesOf are up to n sentences telling what the leader did that the
// used ones do not: the doings practicesIn finds (a summary's practices
// with no named method), those naming a method included, without their
// results.
func practicesOf(s *Service, sents []sentRef, leader string, n int, used map[string]bool) []sentRef {
	var out []sentRef
	for _, p := range practicesIn(s, sents, leader, n, used, false) {
		out = append(out, p.what)
	}
	return out
}

// partnerSubjectRE opens a sentence whose subject is a partner of the
// community (a bank, a school, a company), not the secretary.
var partnerSubjectRE = regexp.MustCompile(`^(此外|另外|同时|还有)?[，,]?(辖区|附近|周边)?(内)?(的)?(一家|一所|有的|一些|不少)?[^，,。]{0,8}(银行|企业|公司|医院|学校|网点|律所|律师事务所|派出所|超市|商户|药店|卫生院|卫生服务中心|高校|大学)[^，,。]{0,4}(每|定期|经常|在|为|给|开展|组织)`)

// keyFactLabel names a key figure by what it tells: an outcome, a doing,
// or, when neither, the figure itself.
func keyFactLabel(norm string) string {
	switch {
	case isProblem(norm) && !cameOfItRE.MatchString(norm):
		return "背景" // "一共有47个院落，很多院落没有物业"
	case resultWords.MatchString(norm) && !isDoing(norm):
		return "成效"
	case isDoing(norm):
		return "做法"
	}
	return "数字"
}

// mottoRE is a secretary's saying of how the work is done, quoted short:
// 她说，社区工作要“门要常开、人要常在”.
var mottoRE = regexp.MustCompile(`(说|讲|常说|总说|认为|坚信|常讲)[^“”「」"]{0,12}[“「"][^”」"]{4,16}[”」"]`)

// othersSayRE opens with someone else saying it (老人逢人就说：“金书记……”):
// praise of her, not her saying.
var othersSayRE = regexp.MustCompile(`^[^，,。：:“]{0,6}(居民|群众|大家|街坊|老人|住户|邻居|大爷|大妈|阿姨|奶奶|爷爷)[^，,。：:“]{0,6}(说|讲|夸)`)

// mottoOf is the first sentence naming her that quotes her short saying.
func mottoOf(s *Service, sents []sentRef, leader string) (sentRef, bool) {
	for _, r := range sents {
		if utf8.RuneCountInString(r.text) <= 80 && mottoRE.MatchString(r.norm) && s.namesLeader(r.norm, leader) && !s.namesOtherLeader(r.norm, leader) && !othersSayRE.MatchString(r.norm) {
			return r, true
		}
	}
	return sentRef{}, false
}

// careerAttr is the attribute of her work before the post.
var careerAttr = func() Attribute {
	for _, a := range attributes {
		if a.Name == "此前工作" {
			return a
		}
	}
	panic("no 此前工作 attribute")
}()

// careerSentence is the first of her sentences stating her work before
// the post (原是…会计, 曾在…工作, 从学校转岗到社区, 退伍后…): naming her or
// in her own words, no other secretary's.
func careerSentence(s *Service, sents []sentRef, leader string) (sentRef, bool) {
	for _, r := range sents {
		if s.isAsked(r) || !careerAttr.state.MatchString(r.norm) || s.namesOtherLeader(r.norm, leader) {
			continue
		}
		if s.namesLeader(r.norm, leader) || s.firstPersonOf(r, leader) || herSubject(r.norm) && s.thirdPersonHers(r, leader) {
			return r, true
		}
	}
	return sentRef{}, false
}

// nicknameSentence is the sentence telling what people call her: one of
// her keys other than her name, in quotation marks (“马大姐”, “小巷总理”),
// with a word of calling (叫, 称, 喊).
func nicknameSentence(chunks []corpus.Chunk, name string, keys []string) sentenceAt {
	var quoted []string
	for _, k := range keys {
		if k != name && utf8.RuneCountInString(k) >= 2 && !strings.HasSuffix(k, "书记") {
			quoted = append(quoted, "“"+k+"”", "「"+k+"」")
		}
	}
	if len(quoted) == 0 {
		return sentenceAt{}
	}
	return firstSentenceWith(chunks, quoted, callingRE)
}

// callingRE is a word of calling someone by a name.
var callingRE = regexp.MustCompile(`叫|称|喊|誉为|外号|昵称`)
