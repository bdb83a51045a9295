package core

// Personal facts about a leader: each attribute asked, stated by a
// sentence about her, or said plainly to be missing.

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"bangyang/zh"
)

// quotedNameRE is a name in quotation marks.
var quotedNameRE = regexp.MustCompile(`“[^“”]{1,16}”|「[^「」]{1,16}」|『[^『』]{1,16}』`)

// dateStatedRE states when: a year, a month, a season of a year told
// (去年, 那年), a festival.
var dateStatedRE = regexp.MustCompile(`\d{4}年|\d{1,2}月|[〇○一二三四五六七八九零]{4}年|\d{2}年代|去年|前年|今年|当年|那年|同年|次年|第二年|年初|年底|年末|年中|上世纪|春节|国庆|端午|中秋|元旦|\d{1,2}日`)

// moneyRE states a sum of money (100元, 3万元, 免费) — a numeral's 块 or
// 角 counts land (两块空地, 三角地), not money.
var moneyRE = regexp.MustCompile(`\d+(\.\d+)?(余|多)?(万|亿|千)?(元|块钱|块)|[一二两三四五六七八九十百千万]+(余|多)?(万|亿|千)?元|[一二两三四五六七八九十]+块钱|\d+(\.\d+)?(余|多)?万($|[^人户名次个件位平余多])|(资金|经费|费用|筹集|筹措|募集|捐款|捐资|补贴|补助|收费|租金|价格|花费|花了)[^，,。]{0,10}\d|免费|不收费|不收钱|不要钱|分文不取`)

// sceneOpenRE opens a report with the place as a reader finds it ("走进
// 红旗社区，……这里曾是…"): what it says is of the place, not of her.
var sceneOpenRE = regexp.MustCompile(`^(走进|走在|走入|来到|步入|漫步|穿过|驱车|沿着)`)

// othersChosenRE is a choosing of others (推选一名楼栋长, 选举产生业委会).
var othersChosenRE = regexp.MustCompile(`(推选|选举|选出|推举)(出|了|产生)?(一名|一位|一个|各|每|出|产生|新一届)[^，,。]{0,10}`)

// planFacts answers personal facts: each asked attribute stated by a
// sentence about her, or said plainly to be missing.
func (p *planner) planFacts(leader string, cands []sentRef, d *draft) *draft {
	var missing []string
	notSoldier, answeredAsked := false, false
	for _, a := range p.q.Attributes {
		want := 1
		switch a.Name {
		case "荣誉":
			want = 4 // honours come in lists over several sentences
		case "职务":
			if info := p.s.ents.leaderInfo[leader]; info.Role != "" {
				// Her post as derived, cited to the sentence stating it.
				core := strings.TrimPrefix(strings.TrimPrefix(info.Role, "社区"), "街道")
				if r, ok := p.statingSentence(cands, leader, []string{core}); ok && strings.Contains(r.norm, core) {
					p.take(r)
					d.add(item{label: a.Name + "（" + info.Role + "）", quote: r})
					continue
				}
			}
			want = 2
		}
		// Sentences naming her first, then the rest of her article that
		// names no other secretary; personal matters (pay, family) only
		// where she is named.
		var about, rest []sentRef
		// An interviewer asking her this very thing ("您来社区之前是做
		//什么的？"): her answer states it, whatever its words.
		for _, r := range cands {
			// 您…？ asks her, and so does 之前是做什么的？: no one else is
			// its subject.
			career := careerAttrs[a.Name]
			toHer := strings.ContainsAny(answerText(r.norm), "您你") || career && beforeAskRE.MatchString(answerText(r.norm))
			if !p.s.isAsked(r) || !toHer || !a.cue.MatchString(askedAsHer(r.norm)) {
				continue
			}
			if a.Name == "此前工作" && militaryAskRE.MatchString(askedAsHer(r.norm)) && !militaryAskRE.MatchString(p.q.Norm) {
				continue // "您当过兵吗？" answers 当过兵吗, not what her job was
			}
			ans := p.s.answerTo(r, leader)
			for i, x := range ans {
				// Her first words answering it are hers, whatever they
				// name ("您当过兵吗？" — "没有，不过我爱人是退伍军人").
				if (a.state.MatchString(x.norm) && p.ownFact(a, x, leader) || career && i == 0) && !slices.ContainsFunc(about, func(y sentRef) bool { return y.key() == x.key() }) {
					about = append(about, x)
					if a.Name == "此前工作" && militaryAskRE.MatchString(askedAsHer(r.norm)) {
						answeredAsked = true // asked of the army and answering it
					}
					break
				}
			}
		}
		for i, r := range cands {
			if !a.state.MatchString(r.norm) || isHeadingLike(r.text) && !a.state.MatchString(strings.ReplaceAll(r.norm, a.Name, "")) {
				continue // a table's header ("所获荣誉", "时间 荣誉") states nothing
			}
			if p.s.isAsked(r) || slices.ContainsFunc(about, func(x sentRef) bool { return x.key() == r.key() }) {
				continue // an interviewer's question states nothing of her
			}
			switch {
			case a.Name == "荣誉" && (p.s.startsWithPlace(r.norm) || p.s.communityWe(r, leader) || communityHonour(r.norm)) && p.q.ViaPlace:
				about = append([]sentRef{r}, about...) // asked about the community: its own first
			case !p.ownFact(a, r, leader):
			case p.s.namesLeader(r.norm, leader) || i == 0 && !sceneOpenRE.MatchString(r.norm) || herSubject(r.norm) && p.s.thirdPersonHers(r, leader) || p.s.firstPersonOf(r, leader) || p.s.quotedFrom(r, leader):
				// Named, or her pronoun in someone else's words, or her
				// own 我 (潘丽华：我今年52岁了), or her quotation.
				about = append(about, r)
			case a.Name == "此前工作" && postSubjectRE.MatchString(r.norm) && !p.s.namesOtherLeader(r.norm, leader):
				// "该社区党委书记……十年前从外企辞职": her, by her post.
				about = append(about, r)
			case careerAttrs[a.Name] && i > 0 && continuesHer(cands[i-1], r, p.s, leader):
				// "卢秀梅，女，1972年生。" then "2003年至2008年在…工作": her
				// introduction going on, with no subject of its own.
				about = append(about, r)
			case a.Name != "荣誉" && a.Name != "职务":
				// Age, origin, pay, family: only where she is the subject
				// ("82岁的张大娘说" is someone else's age).
			case a.Name == "荣誉" && othersHonouredRE.MatchString(r.norm) && !a.strong.MatchString(r.norm):
				// "涌现出一批先进典型": others' honours, not hers (unless
				// hers is told too: "…他本人也荣获…称号").
			case !p.s.namesOtherLeader(r.norm, leader):
				rest = append(rest, r)
			}
		}
		all := append(about, rest...)
		var community []sentRef // the community's honours, told as its own
		if a.Name == "荣誉" && !p.q.ViaPlace {
			for _, r := range cands {
				if a.strong.MatchString(r.norm) && communityHonour(r.norm) && !p.s.isAsked(r) && !p.s.namesOtherLeader(r.norm, leader) &&
					!slices.ContainsFunc(all, func(x sentRef) bool { return x.key() == r.key() }) {
					community = append(community, r)
				}
			}
		}
		if bi, _ := terms(residual(a.cue.ReplaceAllString(p.q.Topic, " "))); len(bi) > 0 {
			// "多大的时候成为大学生社官": the age sentence on that event.
			cover := func(r sentRef) int {
				n := 0
				for b := range bi {
					if strings.Contains(r.norm, b) {
						n++
					}
				}
				return n
			}
			slices.SortStableFunc(all, func(x, y sentRef) int { return cover(y) - cover(x) })
		}
		if a.Name == "此前工作" {
			want = 2 // "我还是纺织厂的一名挡车工" then "我下岗了…": a career told in two
			if militaryAskRE.MatchString(p.q.Norm) {
				// 当过兵吗: the sentences telling her service first.
				slices.SortStableFunc(all, func(x, y sentRef) int {
					return boolRank(militaryStateRE.MatchString(soldiersRE.ReplaceAllString(y.norm, ""))) - boolRank(militaryStateRE.MatchString(soldiersRE.ReplaceAllString(x.norm, "")))
				})
			}
		}
		if a.strong != nil {
			slices.SortStableFunc(all, func(x, y sentRef) int {
				return boolRank(a.strong.MatchString(y.norm)) - boolRank(a.strong.MatchString(x.norm))
			})
		}
		if a.Name == "任职经历" && whenAskRE.MatchString(p.q.Norm) {
			// 哪年当上书记, 当了几年书记: the year she took the post
			// first ("2012年起担任东湖社区党委书记"), not a year of her
			// life before it ("1998年入伍，在部队干了八年").
			slices.SortStableFunc(all, func(x, y sentRef) int {
				return boolRank(postTakenRE.MatchString(y.norm)) - boolRank(postTakenRE.MatchString(x.norm))
			})
		}
		if level := finerLevelRE.FindStringSubmatch(p.q.Norm); a.Name == "籍贯" && level != nil {
			// "老家在安岳县哪个镇": only a sentence naming that level answers.
			var fine []sentRef
			for _, r := range all {
				if strings.Contains(r.norm, level[1]) {
					fine = append(fine, r)
				}
			}
			all = fine
		}
		got := 0
		for _, r := range all {
			if got == want {
				break
			}
			got++
			if !p.used[r.key()] {
				p.take(r)
				d.add(item{label: a.Name, quote: r})
				continue
			}
			// One sentence stating two facts (籍贯 and 出生年份): one line.
			for i := range d.items {
				if d.items[i].quote.chunk != nil && d.items[i].quote.key() == r.key() && !strings.Contains(d.items[i].label, a.Name) {
					d.items[i].label += "、" + a.Name
				}
			}
		}
		if a.Name == "任职经历" && got > 0 && howLongRE.MatchString(p.q.Norm) {
			// 当了几年书记: the years from the post's year to the report's.
			if line := yearsInPost(all[0]); line != "" {
				d.add(item{label: "任职年限", plain: line})
			}
		}
		if got == 0 && len(community) > 0 && !p.used[community[0].key()] {
			// None of her own: her community's, named as the community's
			// (one line).
			p.take(community[0])
			d.add(item{label: "所在社区获得的荣誉", quote: community[0]})
		}
		if got == 0 && a.Name == "荣誉" {
			if hs := p.s.statedHonours(leader); len(hs) > 0 {
				// Given in the article's front matter, not in its text.
				d.add(item{label: a.Name, plain: strings.Join(hs, "；") + "（据文章信息）"})
				continue
			}
		}
		if a.Name == "此前工作" && militaryAskRE.MatchString(p.q.Norm) && got > 0 && !answeredAsked && !slices.ContainsFunc(d.items, func(it item) bool {
			return it.quote.chunk != nil && strings.Contains(it.label, a.Name) && militaryStateRE.MatchString(soldiersRE.ReplaceAllString(it.quote.norm, ""))
		}) {
			// "当过兵吗" of one whose former job was another: that it is
			// not said, then what is.
			notSoldier = true
		}
		if got == 0 {
			name := a.Name
			if a.Name == "任职经历" && whenAskRE.MatchString(p.q.Norm) {
				// 哪年当上书记, 当了几年书记: the year she took the post
				// first ("2012年起担任东湖社区党委书记"), not a year of her
				// life before it ("1998年入伍，在部队干了八年").
				slices.SortStableFunc(all, func(x, y sentRef) int {
					return boolRank(postTakenRE.MatchString(y.norm)) - boolRank(postTakenRE.MatchString(x.norm))
				})
			}
			if level := finerLevelRE.FindStringSubmatch(p.q.Norm); a.Name == "籍贯" && level != nil {
				name = "籍贯具体在哪个" + level[1]
			}
			if a.Name == "此前工作" && militaryAskRE.MatchString(p.q.Norm) {
				name = "参军、服役经历（此前工作）"
			}
			missing = append(missing, name)
		}
	}
	switch {
	case len(missing) == 0:
		d.lead = leader + "："
	case len(missing) == len(p.q.Attributes):
		d.lead = "资料中没有提到" + leader + "的" + strings.Join(missing, "、") + "。"
		d.refused = true
		p.addProfileLine(d, leader, cands)
	default:
		d.lead = leader + "："
		d.tail = "资料中没有提到" + leader + "的" + strings.Join(missing, "、") + "。"
	}
	if notSoldier {
		d.lead = "资料中没有提到" + leader + "当过兵，说的是" + leader + "此前的工作：" + strings.TrimPrefix(d.lead, leader+"：")
	}
	return d
}

// ownFact reports whether the personal fact a sentence states may be
// hers, not someone else's in it: the community's honours (上清寺路社区
// 先后获得…, 我们社区被评为…) or her election to her post for an honour,
// an age, health or family of someone she tells of.
func (p *planner) ownFact(a Attribute, r sentRef, leader string) bool {
	switch a.Name {
	case "荣誉":
		return !p.s.startsWithPlace(r.norm) && !p.s.communityWe(r, leader) && !communityHonour(r.norm) && a.state.MatchString(electedToPostRE.ReplaceAllString(r.norm, ""))
	case "年龄":
		return p.ageIsHers(r, a.state, leader) // "带着80岁的张大爷去体检": someone else's age
	case "身体情况", "住址", "爱好":
		return p.ownClauseStates(r, a.state, leader) // "组织身体好的低龄老人"
	case "家庭情况":
		return p.familyIsHers(p.s.herText(r, leader), leader) // "双职工家庭的孩子"
	case "任职经历":
		// "每栋楼推选一名楼栋长": others chosen; "1998年入伍，在部队干了
		// 八年": her service, no post.
		return a.state.MatchString(withoutMilitary(othersChosenRE.ReplaceAllString(r.norm, "")))
	case "此前工作":
		// "请社区里的退役军人调解": the soldiers she works with, not her
		// service — unless she is one (她是一名退伍军人).
		if t := r.norm; soldiersRE.MatchString(t) && !selfSoldierRE.MatchString(t) && a.state.MatchString(t) {
			return a.state.MatchString(soldiersRE.ReplaceAllString(t, ""))
		}
	}
	return true
}

// whenAskRE asks when or how long (哪年当上书记, 当了几年书记);
// postTakenRE is a year and the post taken in it (2012年起担任…党委书记,
// 2015年当选…书记).
var (
	whenAskRE   = regexp.MustCompile(`哪一?年|什么时候|何时|几几年|几年|多少年|多久|多长时间`)
	postTakenRE = regexp.MustCompile(`\d{4}年[^。；，,]{0,12}?(起|开始|底|初)?(担任|任|当选|出任|调任|接任|成为|成了|当上|当了)[^。，,；]{0,16}(书记|主任)`)
)

// howLongRE asks how long (当了几年书记, 当了多久); postYearRE is the
// year of the post taken, in postTakenRE's sentence.
var (
	howLongRE  = regexp.MustCompile(`几年|多少年|多久|多长时间`)
	postYearRE = regexp.MustCompile(`(\d{4})年[^。；，,]{0,12}?(?:起|开始|底|初)?(?:担任|任|当选|出任|调任|接任|成为|成了|当上|当了)[^。，,；、]{0,16}书记`)
)

// yearsInPost is how long she had held the post r says she took in a
// year, counted to the year of its article's report ("从2012年起任职，到
// 报道时（2022年）约10年"); "" when r states no such year or the article
// no date.
func yearsInPost(r sentRef) string {
	all := postYearRE.FindAllStringSubmatch(r.norm, -1)
	if len(all) == 0 || r.chunk == nil || len(r.chunk.Meta.Date) < 4 {
		return ""
	}
	m := all[len(all)-1] // the last post the sentence tells: her present one
	if strings.Contains(m[0], "副书记") {
		return ""
	}
	from, err1 := strconv.Atoi(m[1])
	to, err2 := strconv.Atoi(r.chunk.Meta.Date[:4])
	if err1 != nil || err2 != nil || to <= from || to-from > 50 {
		return ""
	}
	return fmt.Sprintf("从%d年起任职，到报道时（%d年）约%d年。", from, to, to-from)
}

// withoutMilitary is norm without its clauses telling a military service
// (入伍, 在部队干了八年, 退伍后).
func withoutMilitary(norm string) string {
	var b strings.Builder
	for _, c := range honourClauseRE.Split(norm, -1) {
		if !militaryStateRE.MatchString(c) {
			b.WriteString(c)
			b.WriteString("，")
		}
	}
	return b.String()
}

// soldiersRE names former soldiers as a group of people (退役军人, 退伍
// 老兵); selfSoldierRE says she is one.
var (
	soldiersRE    = regexp.MustCompile(`(退伍|退役|转业)(军人|老兵|士兵|官兵|战士)`)
	selfSoldierRE = regexp.MustCompile(`(我|她|他)(是|曾是)(一名|一位|一个|个)?(退伍|退役|转业)(军人|老兵)|(作为|身为)(一名|一位)?(退伍|退役|转业)(军人|老兵)`)
)

// communityHonour reports a sentence whose every honour is the
// community's: its clause conferring one has the community for subject
// (社区先后获评…, 在她的带领下，该社区被评为…) or confers a community's title
// (她带领社区荣获“全国文明社区”): told as the community's, never hers.
func communityHonour(norm string) bool {
	found := false
	for _, c := range honourClauseRE.Split(norm, -1) {
		loc := honourTriggerRE.FindStringIndex(c)
		if loc == nil {
			continue
		}
		before, after := c[:loc[0]], c[loc[1]:]
		switch {
		case communitySubjectRE.MatchString(before) && !personBeforeRE.MatchString(communitySubjectRE.FindStringSubmatch(before)[2]) && !personTitleRE.MatchString(after):
			// not "她在村里被评为优秀党员", "社区党委书记王芳被评为…工作者"
		case communityTitleRE.MatchString(after) && !personTitleRE.MatchString(after):
		default:
			return false // hers, or not the community's alone
		}
		found = true
	}
	return found
}

var (
	honourClauseRE  = regexp.MustCompile(`[，,。；;！!？?]`)
	honourTriggerRE = regexp.MustCompile(`获评|荣获|获得|被评为|评为|被授予|授予|被命名为|命名为|被确定为|获`)
	// communitySubjectRE: the clause's subject before the honour is the
	// community (社区, 该社区, 金桥社区, 小区, 楼院, 社区党委); what follows it
	// up to the trigger is the rest (先后, 也, 连续三年).
	communitySubjectRE = regexp.MustCompile(`(社区|小区|楼院|院落|街道|村|社区党委|党支部|党总支|居委会)([^社区]{0,8})$`)
	personBeforeRE     = regexp.MustCompile(`她|他|本人|书记|主任`)
	communityTitleRE   = regexp.MustCompile(`(文明|和谐|绿色|示范|先进|模范|平安|美丽|幸福|星级|红旗|标杆|五好|宜居|无邪教|充分就业|民主法治|法治|优秀)[^，,。、]{0,10}(社区|小区|楼院|院落|集体|单位|党组织|基层党组织|党支部|党委|示范点|街道|村|家园|居委会)`)
	personTitleRE      = regexp.MustCompile(`工作者|党员|红旗手|劳动模范|劳模|标兵|书记|带头人|好人|楷模|先锋|个人|人物|代表|委员`)
)

// continuesHer reports r right after prev in its paragraph, prev naming
// the leader and r opening on a date with no one else named: her
// introduction going on.
func continuesHer(prev, r sentRef, s *Service, leader string) bool {
	return prev.chunk == r.chunk && prev.para == r.para && r.pos == prev.pos+1 && s.namesLeader(prev.norm, leader) &&
		datedOpenRE.MatchString(strings.TrimSpace(r.norm)) && !s.namesOtherLeader(r.norm, leader)
}

// datedOpenRE opens a sentence on a date (2003年, 2008年至2015年).
var datedOpenRE = regexp.MustCompile(`^\d{4}年`)

// electedToPostRE is an election to a post (当选党委书记), which is no
// honour.
var electedToPostRE = regexp.MustCompile(`当选[^，,。为]{0,8}(书记|主任|委员)`)

// careerAttrs are the facts of her career an interviewer's question
// opening with when (beforeAskRE) asks only of her: its answer states
// them whatever its words.
var careerAttrs = map[string]bool{"此前工作": true, "任职经历": true}

// beforeAskRE opens a question on her life before the work, with no
// subject of its own (之前是做什么的？, 来社区前在哪里工作？).
var beforeAskRE = regexp.MustCompile(`^(之前|以前|原来|此前|过去|早先|当书记前|当书记之前|到社区前|来社区前|进社区前|到社区之前|来社区之前)`)

// finerLevelRE asks for a place below the one stated (哪个镇, 哪个村).
var finerLevelRE = regexp.MustCompile(`哪个(镇|乡|村|街道|社区)`)

// statedHonours are the honours an article's metadata gives the leader,
// or a second secretary (front matter wins over derivation).
func (s *Service) statedHonours(leader string) []string {
	var out []string
	add := func(hs []string) {
		for _, h := range hs {
			if h = zh.ToSimplified(strings.TrimSpace(h)); h != "" && !slices.Contains(out, h) {
				out = append(out, h)
			}
		}
	}
	for _, m := range s.o.Articles {
		if zh.ToSimplified(m.Leader) == leader {
			add(m.Honours)
		}
		// A second secretary's, as the loader derived them.
		for _, sec := range m.Secretaries {
			if zh.ToSimplified(sec.Name) == leader {
				add(sec.Honours)
			}
		}
	}
	return out
}

// ageIsHers reports whether the age a sentence states is hers: in a
// profile line opening with her name (吴中兰,女,1969年10月生), or in a
// clause naming her or her pronoun and no one else whose age it could be
// (今年56岁的李亚玲, not 80岁的张大爷).
func (p *planner) ageIsHers(r sentRef, state *regexp.Regexp, leader string) bool {
	norm := r.norm
	if p.s.namesLeader(firstRunes(norm, 6), leader) && profileRE.MatchString(norm) || ageOpenRE.MatchString(norm) && p.s.voiceOf(r) == "" {
		// A profile line, or a sentence of the narration opening with an
		// age ("29岁,她放弃……"): the article's own account of her life.
		return true
	}
	return p.clauseOfHers(r, state, leader, othersAgeRE, false)
}

// ownClauseStates reports a clause stating the fact of her (她身体不好, 吴中兰
// 家住…), not of someone else in it (独居老人患病多年, 家住3号楼的王大爷).
func (p *planner) ownClauseStates(r sentRef, state *regexp.Regexp, leader string) bool {
	return p.clauseOfHers(r, state, leader, othersInClauseRE, true)
}

// clauseOfHers reports a clause holding state and naming her or a pronoun
// for her, and none of others: 她/他 where the words are not her own,
// 我 where it is hers (meIsHers: her answer, her column, a quotation of
// hers; not a resident's), 本人, and with reflexive 自己.
func (p *planner) clauseOfHers(r sentRef, state *regexp.Regexp, leader string, others *regexp.Regexp, reflexive bool) bool {
	me, self := p.s.meIsHers(r, leader), p.s.tellsOfHerself(r, leader)
	for _, clause := range clauseSplitRE.Split(p.s.herText(r, leader), -1) {
		if !state.MatchString(clause) || others.MatchString(clause) {
			continue
		}
		if p.s.namesLeader(clause, leader) || strings.ContainsAny(clause, "她他") ||
			me && strings.Contains(strings.ReplaceAll(clause, "我们", ""), "我") ||
			self && !strings.Contains(clause, "我们") ||
			strings.Contains(clause, "本人") || reflexive && strings.Contains(clause, "自己") {
			return true
		}
	}
	return false
}

// othersInClauseRE names someone else a personal fact may be about.
var othersInClauseRE = regexp.MustCompile(`大家|邻居|街坊|人们|不少人|很多人|老人|大爷|大娘|大妈|阿姨|奶奶|爷爷|婆婆|居民|群众|孩子|学生|患者|病人|住户|业主|租户|党员|志愿者|队员|网格员`)

// postSubjectRE opens a sentence whose subject is her post: 该社区党委书记.
var postSubjectRE = regexp.MustCompile(`^(该|这位|这名)(社区)?(党委|党总支|党支部)?书记`)

// familyIsHers reports a sentence that may tell her own family: a family
// word owned by her (她的丈夫, 我爱人, 她和丈夫), or a kin word owned by no
// one named (女儿高考那年), not the families she serves ("双职工家庭的孩子", "王大姐的儿子",
// "居民家里").
func (p *planner) familyIsHers(norm, leader string) bool {
	if herKinRE.MatchString(norm) {
		return true // "她把孩子托付给母亲"
	}
	if loc := parentOfRE.FindStringIndex(norm); loc != nil {
		if before := norm[:loc[0]]; strings.ContainsAny(before, "她他我") || strings.Contains(before, "自己") || strings.Contains(before, leader) {
			return true // "宋晓梅自己也是两个孩子的妈妈"
		}
	}
	for _, clause := range clauseSplitRE.Split(norm, -1) {
		for _, m := range familyWordRE.FindAllStringIndex(clause, -1) {
			before := clause[:m[0]]
			owner := strings.TrimSuffix(before, "的")
			for _, w := range []string{"和", "与", "跟", "及"} {
				owner = strings.TrimSuffix(owner, w)
			}
			switch {
			case strings.HasSuffix(owner, leader) || familyOwnerRE.MatchString(owner):
				return true
			case othersFamilyRE.MatchString(before) || strings.HasSuffix(before, "的") && !familyOwnerRE.MatchString(owner):
				// Someone else's ("王大姐的儿子", "困难家庭").
			case strings.HasSuffix(before, "为") || strings.HasSuffix(before, "给") || strings.HasSuffix(before, "帮"):
				// Those she serves ("为孩子们辅导作业").
			case strings.TrimSpace(before) == "" && (strings.ContainsAny(norm, "她他我") || strings.Contains(norm, leader)):
				return true // "孩子还小，她就……": opening her own clause
			case implicitKinRE.MatchString(clause[m[0]:m[1]]):
				return true // 女儿高考那年: a kin word of no one named is hers in her story
			}
		}
	}
	return false
}

// parentOfRE says someone is a parent: 是两个孩子的妈妈, 是一名十岁女孩的父亲.
var parentOfRE = regexp.MustCompile(`是(一位|一名|一个)?[^，,。]{0,8}(孩子|儿子|女儿|娃|女孩|男孩)的(妈妈|母亲|妈|爸爸|父亲|爸)`)

var (
	familyWordRE  = regexp.MustCompile(`丈夫|老公|爱人|妻子|儿子|女儿|孩子|家人|父母|母亲|父亲|老伴|婆婆|公公|家庭|家里|一家|子女|婚`)
	familyOwnerRE = regexp.MustCompile(`(她|他|我|其|本人|自己|书记)$`)
	herKinRE      = regexp.MustCompile(`(她|他|我)(把|带着|领着|抱着|和|与|的|家)?(孩子|家人|家庭|家里|女儿|儿子|丈夫|爱人|老公|妻子|父母|母亲|父亲|老伴)`)
	// implicitKinRE are the kin words that, owned by no one named, are
	// hers; 孩子 and 家庭 without her are the families she serves.
	implicitKinRE = regexp.MustCompile(`^(丈夫|老公|爱人|妻子|儿子|女儿|老伴|婆婆|公公|父母|母亲|父亲|婚|家人|家里|一家|子女)$`)
	// othersFamilyRE ends with whose families they are when not hers.
	othersFamilyRE = regexp.MustCompile(`(双职工|困难|低保|贫困|独居|空巢|留守|特殊|居民|住户|群众|孤寡|残疾|失独|军人|烈属|优抚|困境|外来|流动|租户|业主|老人|大爷|大妈|大娘|大姐|阿姨|奶奶|爷爷|户|每|各|一些|不少|许多|多)$`)
)

var (
	clauseSplitRE = regexp.MustCompile(`[，,；;。！!？?]`)
	// profileRE is a profile line's "，女，" / "，男，".
	profileRE = regexp.MustCompile(`^[^，,]{2,6}[，,（(](女|男)`)
	ageOpenRE = regexp.MustCompile(`^\d{1,2}岁[，,]`)
	// othersAgeRE is an age that belongs to someone else in the clause.
	othersAgeRE = regexp.MustCompile(`岁的?[^，,。]{0,3}(老人|大爷|大娘|大妈|阿姨|奶奶|爷爷|婆婆|老太|居民|孩子|儿子|女儿|丈夫|母亲|父亲|老伴|小伙|姑娘|老党员|老兵|学生)|(老人|大爷|大娘|奶奶|爷爷|母亲|父亲|老伴|儿子|女儿|孩子)[^，,。]{0,6}\d+岁`)
)

func firstRunes(s string, n int) string {
	rs := []rune(s)
	return string(rs[:min(n, len(rs))])
}

// herSubject reports a sentence whose subject is a pronoun for her, after
// at most an opening saying when ("2015年，她到……任党委书记"; not "毛大姐是
// ……,她之前担任……").
func herSubject(norm string) bool {
	rs := []rune(norm)
	head := string(rs[:min(len(rs), 12)])
	i := strings.IndexAny(head, "她他")
	if i < 0 {
		return false
	}
	return timeOpenRE.MatchString(head[:i])
}

// timeOpenRE is an opening that only says when ("2015年，", "后来，",
// "2006年退伍后，").
var timeOpenRE = regexp.MustCompile(`^(\d{2,4}年(\d{1,2}月)?(初|底)?|\d{4}年[^，,。她他]{1,6}(后|以后|之后|时)|[一二三四五六七八九十]+月|今年|去年|当年|那年|后来|此后|随后|如今|目前|这些年|多年来|近年来|[,，\s])*$`)

// clockRE is a time of day or a schedule.
var clockRE = regexp.MustCompile(`前夕|之际|期间|当天|那天|节前|\d{1,2}[点时:：]|[一二三四五六七八九十]{1,3}点|上午|下午|晚上|早上|中午|每[天日周月季年]|周[一二三四五六日末]|星期`)

// statesAsked reports whether a sentence states the kind of fact a direct
// question asks: a count for 多少, a time for 什么时候/几点, the attribute
// asked of someone (a phone number for 手机号).
func statesAsked(q Question, norm string) bool {
	switch q.Intent {
	case IntentNumber:
		if q.Asks == AsksLength {
			return lengthStatedRE.MatchString(quotedNameRE.ReplaceAllString(norm, "“”"))
		}
		if !digitRE.MatchString(norm) {
			return false
		}
	case IntentWhen:
		// A quoted name tells no time ("四点半课堂" is no 四点).
		norm = quotedNameRE.ReplaceAllString(norm, "“”")
		if q.Asks == AsksLength {
			return lengthStatedRE.MatchString(norm)
		}
		if !dateStatedRE.MatchString(norm) && !clockRE.MatchString(norm) {
			return false // ("实行以来" dates nothing)
		}
	}
	for _, a := range q.OtherAttributes {
		if !a.state.MatchString(norm) {
			return false
		}
	}
	return true
}

// othersHonouredRE tells of honours won by a group she led, not by her:
// 涌现出一批先进典型, 培养出多名优秀党员, 带出了一支…队伍.
var othersHonouredRE = regexp.MustCompile(`涌现(出|了)?|(一批|一大批|多名|多位|[\d一二三四五六七八九十几]+名)[^，,。；;]{0,6}(先进|优秀|模范|标兵)|培养(出|了)|带出`)
