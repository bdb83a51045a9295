package core

// Which secretaries hold an honour: those whose own honours name it, each
// with the sentence saying so — not one whose honour merely shares words
// (全国优秀社区工作者 is no 全国优秀党务工作者, 北京市优秀党务工作者 no national one).

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"bangyang/zh"
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
	if m == nil || !honourTitleRE.MatchString(m[4]) || !honourWordRE.MatchString(m[4]) {
		return "" // "哪位书记是退休以后才当书记的": no honour's name
	}
	return m[4]
}

// planHonourHolders lists the secretaries whose honours name h.
func (p *planner) planHonourHolders(h string) *draft {
	d := &draft{}
	key := flatten(h)
	if p.s.o.Catalog == nil {
		return nil
	}
	for _, l := range p.s.o.Catalog.Leaders() {
		held := false
		for _, x := range l.Honours {
			if strings.Contains(flatten(zh.ToSimplified(x)), key) {
				held = true
				break
			}
		}
		if !held {
			continue
		}
		it := item{label: p.leaderLabel(l.Name), plain: "“" + h + "”"}
		for _, r := range p.s.leaderSentences(l.Name) {
			if strings.Contains(flatten(r.norm), key) {
				it = item{label: p.leaderLabel(l.Name), quote: r}
				p.take(r)
				d.context = appendChunk(d.context, r.chunk)
				break
			}
		}
		d.add(it)
		d.leaders = append(d.leaders, l.Name)
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

// whichHaveRE asks which secretaries have a personal fact (哪些书记是少数
// 民族, 谁是本科学历).
var whichHaveRE = regexp.MustCompile(`^(哪些|哪几位|哪位|哪个|几位|有几位|有没有|有谁|谁)`)

// minorityRE is an ethnic group other than Han, as a sentence states it.
var minorityRE = regexp.MustCompile(`(回|满|藏|苗|彝|壮|蒙古|傣|白|朝鲜|土家|侗|瑶|维吾尔|哈萨克|黎|畲|布依|水|纳西|羌|土|仡佬|锡伯|仫佬|毛南|达斡尔|景颇|哈尼|傈僳|佤|拉祜|东乡|撒拉|柯尔克孜|鄂温克|京|高山)族`)

// asksWhichHave reports a question asking which secretaries have a fact.
func asksWhichHave(q Question) bool {
	return (q.Intent == IntentFact || q.Intent == IntentList) && len(q.Leaders)+len(q.Methods) == 0 && len(askedOfAll(q)) > 0 && whichHaveRE.MatchString(q.Norm)
}

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
	// The words it narrows to: 本科 of "本科学历", not the attribute's name.
	narrow := strings.TrimSuffix(strings.TrimSpace(p.q.Topic), a.Name)
	if utf8.RuneCountInString(narrow) < 2 || minority {
		narrow = ""
	}
	state := a.state
	if military := militaryAskRE.MatchString(p.q.Norm); military {
		state, narrow = militaryStateRE, "" // 当过兵: service, not any former job
	}
	// Every secretary, a second one of an article too (柏建新 of an award
	// list), in a fixed order.
	names := make([]string, 0, len(p.s.ents.leaderInfo))
	for name := range p.s.ents.leaderInfo {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, l := range names {
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
			p.take(r)
			d.add(item{label: p.leaderLabel(l), quote: r})
			d.leaders = append(d.leaders, l)
			d.context = appendChunk(d.context, r.chunk)
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
