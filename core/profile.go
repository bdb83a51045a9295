package core

// A leader's profile: who she is, where she started, her main methods,
// her own deeds and what came of them.

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"bangyang/catalog"
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
	if l.Role == "" && l.Place == "" {
		if intro := firstSentenceWith(chunks, []string{l.Name}, roleRE); intro.text != "" {
			b.point("简介", intro.text, intro.chunk)
		}
	} else if intro := firstSentenceWith(chunks, []string{l.Name}, personalRE); intro.text != "" && utf8.RuneCountInString(intro.text) <= 120 {
		// "金顺姬，女，朝鲜族，1968年生": who she is beyond her post.
		b.used[cleanQuote(intro.text)] = true
		b.point("简介", intro.text, intro.chunk)
	}
	if len(l.Honours) > 0 {
		h := firstSentenceWith(chunks, l.Honours, nil)
		b.point("荣誉", strings.Join(l.Honours, "；"), h.chunk)
	}
	// Her story in the genre's order: where she started, what she did
	// (the main methods, one line each), what she did herself, what came
	// of it — each once.
	sents := s.leaderSentences(l.Name)
	if st, ok := startingPoint(s, sents, l.Name); ok {
		b.used[cleanQuote(st.text)] = true
		b.point("起点", st.text, st.chunk.ID)
	}
	var methods []catalog.Method
	for _, mn := range l.Methods {
		if m, _, ok := s.FindMethod(mn); ok && m.Leader == l.Name {
			methods = append(methods, m)
		}
	}
	if len(methods) > 0 {
		// Asked for her methods: the list is the answer; asked who she is
		// or what she did: the main ones, then her deeds and results.
		limit := maxProfileMethods
		if methodsAskedRE.MatchString(zh.ToSimplified(asked)) {
			limit = maxListedMethods
		}
		main := map[string]bool{}
		for _, m := range s.mainMethods(l.Name, limit) {
			main[m.Name] = true
		}
		b.line("• 主要做法：")
		listed := 0
		for _, m := range methods {
			if !main[m.Name] {
				continue
			}
			line := m.Name
			// A sentence naming two methods is quoted once, under the first;
			// a long one is left to the method's own summary.
			if d := methodLine(m); d != "" && listed < maxProfileMethods && !b.used[cleanQuote(d)] && utf8.RuneCountInString(d) <= maxProfileLine {
				line += "：" + d
				b.used[cleanQuote(d)] = true
			}
			b.sub(line, methodLineChunk(m))
			listed++
		}
		if rest := len(methods) - listed; rest > 0 {
			b.line("  · …（另有" + strconv.Itoa(rest) + "项，可用 /methods 查看）")
		}
	}
	if len(methods) < 4 {
		// Few named methods: what she did is told in sentences ("二是
		// 推行邻里守望……"), the enumerated ones first.
		for _, r := range practicesOf(s, sents, l.Name, 4-len(methods), b.used) {
			t := cleanQuote(r.text)
			b.used[t] = true
			b.point("做法", t, r.chunk.ID)
		}
	}
	deeds := 3
	if methodsAskedRE.MatchString(zh.ToSimplified(asked)) {
		deeds = 0
	}
	// Her own words for how she works ("社区工作要“门要常开、人要常在”"):
	// what a learner remembers of her.
	if r, ok := mottoOf(s, sents, l.Name); ok {
		if t := cleanQuote(r.text); !b.used[t] {
			b.used[t] = true
			b.point("理念", t, r.chunk.ID)
		}
	}
	for _, r := range ownDeeds(s, sents, l.Name, deeds) {
		if t := cleanQuote(r.text); !b.used[t] {
			b.used[t] = true
			b.point("事迹", t, r.chunk.ID)
		}
	}
	shown := 0
	for _, r := range resultRanked(sents, l.Name, s) {
		if t := cleanQuote(r.text); shown < 2 && !b.used[t] {
			b.used[t] = true
			b.point("成效", t, r.chunk.ID)
			shown++
		}
	}
	for _, f := range l.KeyFacts {
		if t := cleanQuote(f.Text); shown < 2 && t != "" && !b.used[t] {
			b.used[t] = true
			b.point(keyFactLabel(zh.ToSimplified(t)), t, f.ChunkID)
			shown++
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

var roleRE = regexp.MustCompile(`书记|主任`)

// personalRE is a sentence introducing the person: sex, people, birth.
var personalRE = regexp.MustCompile(`[，,][男女][，,]|[\p{Han}]族[，,]|\d{4}年(\d{1,2}月)?(出)?生`)

// maxProfileMethods bounds a profile's method list: a reader wants the
// main ones; the catalog has the rest.
const maxProfileMethods = 5

// maxListedMethods bounds the list when her methods are what is asked.
const maxListedMethods = 10

// methodsAskedRE asks for someone's methods rather than her story.
var methodsAskedRE = regexp.MustCompile(`方法|做法|经验|办法|招数|妙招|举措|哪些|哪几`)

// maxProfileLine bounds a method's line in a profile.
const maxProfileLine = 90

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
		// An anonymised name (XXX) stands for someone the article will not
		// name: not her.
		if about && deedRE.MatchString(r.norm) && !strings.Contains(r.text, "XXX") {
			out = append(out, r)
		}
	}
	return out
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
		if partnerSubjectRE.MatchString(r.norm) && !s.namesLeader(r.norm, leader) {
			continue // "此外，辖区一家银行网点每季度……": a partner's activity, not hers
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

// mottoOf is the first sentence naming her that quotes her short saying.
func mottoOf(s *Service, sents []sentRef, leader string) (sentRef, bool) {
	for _, r := range sents {
		if utf8.RuneCountInString(r.text) <= 80 && mottoRE.MatchString(r.norm) && s.namesLeader(r.norm, leader) && !s.namesOtherLeader(r.norm, leader) {
			return r, true
		}
	}
	return sentRef{}, false
}
