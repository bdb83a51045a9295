package core

// Facts asked of every secretary at once. Which ones hold an honour: those
// whose own sentence names it as theirs — not one whose honour merely
// shares words (全国优秀社区工作者 is no 全国优秀党务工作者, 北京市优秀党务工作者
// no national one). Which ones have a personal fact (少数民族, 本科学历, 当过
// 兵): those whose own sentence states it.

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// holdersAskedRE asks who holds an honour: 哪些书记是X, 谁获得过X称号,
// 有几位书记被评为X.
var holdersAskedRE = regexp.MustCompile(`(哪些|哪几位|哪位|哪个|几位|谁|有没有|有无)[^，,。？?]{0,6}?(是|获得过|获得|荣获|被评为|评上|评为|获评|当选过|当选|得过)(“|")?([^，,。？?“”"]{4,24}?)(”|")?(称号|荣誉)?(的|吗|呢)?[？?。]?$`)

// honourTitleRE is how an honour's name ends.
var honourTitleRE = regexp.MustCompile(`(工作者|模范|标兵|党员|代表|红旗手|先进个人|能手|楷模|书记|之星|人物|奖章|好人)$`)

// honourWordRE is what an honour's name says of its holder.
var honourWordRE = regexp.MustCompile(`优秀|先进|模范|劳动|标兵|三八|红旗|代表|楷模|之星|好人|五一|奖章|英雄|能手|巾帼|道德`)

// honourAsked is the honour a question asks the holders of, if any.
func honourAsked(q Question) string {
	if len(q.Leaders)+len(q.Methods) > 0 {
		return ""
	}
	m := holdersAskedRE.FindStringSubmatch(q.Norm)
	if m == nil || !honourTitleRE.MatchString(m[4]) || !honourWordRE.MatchString(m[4]) || howWhyRE.MatchString(m[4]) {
		return "" // "哪位书记是退休以后才当书记的": no honour's name
	}
	return m[4]
}

// planHonourHolders lists the secretaries — a second one of a page too —
// whose own sentence names h as theirs, each with that sentence.
func (p *planner) planHonourHolders(h string) *draft {
	d := &draft{}
	key := flatten(h)
	for _, l := range p.s.leaderNamesSorted() {
		for _, r := range p.s.leaderSentences(l) {
			if !strings.Contains(flatten(r.norm), key) || communityHonour(r.norm) || !p.honourIsHers(r, l, key) {
				continue
			}
			p.addHolder(d, l, r)
			break
		}
	}
	if len(d.items) == 0 {
		d.refused = true
		d.lead = "资料中没有提到哪位书记获得过“" + h + "”。"
		return d
	}
	d.lead = "资料中获得过“" + h + "”的书记："
	if strings.HasSuffix(h, "代表") {
		d.lead = "资料中是“" + h + "”的书记：" // a post held, not an honour won
	}
	return d
}

// honourIsHers reports whether the honour key in r is l's: the clause
// holding it (or the one before) names her or opens on 她, or, among her
// own sentences, r names no secretary at all (a line of her honours list:
// 年份：2023年，荣誉：浙江省优秀党务工作者). "2023年，韦志鹏被评为…，范桂芝则…"
// is 韦志鹏's, not 范桂芝's.
func (p *planner) honourIsHers(r sentRef, l, key string) bool {
	clauses := strings.FieldsFunc(r.norm, func(c rune) bool { return strings.ContainsRune("，,；;", c) })
	for i, c := range clauses {
		if !strings.Contains(flatten(c), key) {
			continue
		}
		for _, x := range clauses[max(0, i-1) : i+1] {
			if p.s.namesLeader(x, l) {
				return true
			}
			if p.s.namesOtherLeader(x, l) {
				return false
			}
		}
		return herSubject(r.norm) || !p.s.namesOtherLeader(r.norm, l) && !p.s.namesLeader(r.norm, l)
	}
	return false
}

// leaderNamesSorted are every secretary's name, a second one of a page
// too, in a fixed order.
func (s *Service) leaderNamesSorted() []string {
	names := make([]string, 0, len(s.ents.leaderInfo))
	for name := range s.ents.leaderInfo {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// whichHaveRE asks which secretaries have a personal fact (哪些书记是少数
// 民族, 谁是本科学历).
var whichHaveRE = regexp.MustCompile(`^(哪些|哪几位|哪位|哪个|几位|有几位|有没有|有谁|谁)`)

// minorityRE is an ethnic group other than Han, as a sentence states it.
var minorityRE = regexp.MustCompile(`(` + minorities + `)族`)

// asksWhichHave reports a question asking which secretaries have a fact.
func asksWhichHave(q Question) bool {
	return (q.Intent == IntentFact || q.Intent == IntentList) && len(q.Leaders)+len(q.Methods) == 0 && len(askedOfAll(q)) > 0 &&
		whichHaveRE.MatchString(q.Norm) && !howWhyRE.MatchString(q.Norm) // "哪位书记是怎么当选人大代表的" asks how
}

// howWhyRE asks how or why, not who has a fact.
var howWhyRE = regexp.MustCompile(`怎么|怎样|如何|为什么|为何|为啥`)

// askedOfAll are the personal facts a question naming no one asks (of
// "有几位书记当过兵" the cue is read as no one's own).
func askedOfAll(q Question) []Attribute {
	if len(q.Attributes) > 0 {
		return q.Attributes
	}
	return q.OtherAttributes
}

// planWhichHave lists the secretaries whose own sentences state the fact
// asked, each with that sentence; what the question narrows it to (本科,
// 少数民族) must be stated too.
func (p *planner) planWhichHave() *draft {
	a := askedOfAll(p.q)[0]
	d := &draft{}
	minority := a.Name == "民族" && strings.Contains(p.q.Norm, "少数民族")
	// The words it narrows to: 本科 of "本科学历", when the attribute's own
	// statements know them (本科 is a 学历; 上过大学 and 唱歌 are the
	// asker's words, not the article's).
	narrow := strings.TrimSuffix(strings.TrimSpace(p.q.Topic), a.Name)
	if utf8.RuneCountInString(narrow) < 2 || minority || strings.ContainsAny(narrow, " 　") || a.state == nil || a.state.FindString(narrow) != narrow {
		narrow = ""
	}
	state := a.state
	if military := militaryAskRE.MatchString(p.q.Norm); military {
		state, narrow = militaryStateRE, "" // 当过兵: service, not any former job
	}
	// Every secretary, a second one of an article too (柏建新 of an award
	// list).
	for _, l := range p.s.leaderNamesSorted() {
		if len(d.items) == 8 {
			break
		}
		for _, r := range p.s.leaderSentences(l) {
			if state == nil || !state.MatchString(r.norm) || p.s.namesOtherLeader(r.norm, l) || isQuestion(r.text) {
				continue
			}
			if minority && !minorityRE.MatchString(r.norm) || narrow != "" && !strings.Contains(r.norm, narrow) {
				continue
			}
			if !p.s.namesLeader(r.norm, l) && !herSubject(r.norm) {
				continue // "维吾尔族、汉族的老人们": residents, not her
			}
			p.addHolder(d, l, r)
			break
		}
	}
	if len(d.items) == 0 {
		d.refused = true
		d.lead = "资料中没有写到这样的书记（" + strings.TrimSpace(whichHaveRE.ReplaceAllString(p.q.Topic, "")) + "）。"
		return d
	}
	d.lead = "资料中写到的有" + strconv.Itoa(len(d.items)) + "位："
	return d
}

// addHolder lists a secretary by the sentence of hers that says so.
func (p *planner) addHolder(d *draft, leader string, r sentRef) {
	p.take(r)
	d.add(item{label: p.leaderLabel(leader), quote: r})
	d.leaders = append(d.leaders, leader)
	d.context = appendChunk(d.context, r.chunk)
}
