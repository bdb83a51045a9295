package core

// Answer plans for a named leader: facts about her, who she is, where she
// works, how she did something (the matching sentence or section and what
// follows it).

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"bangyang/catalog"
	"bangyang/corpus"
	"bangyang/zh"
)

// describe names a leader with her place and post: 吴中兰（重庆市…社区党委书记）.
func (p *planner) describe(name string) string {
	info := p.s.ents.leaderInfo[name]
	detail := info.Place
	if role := info.Role; role != "" && !strings.HasSuffix(detail, role) {
		// 上清寺路社区 + 社区党委书记 reads 上清寺路社区党委书记.
		for _, lvl := range []string{"社区", "街道", "村", "镇"} {
			if strings.HasSuffix(detail, lvl) {
				role = strings.TrimPrefix(role, lvl)
			}
		}
		detail += role
	}
	if detail == "" {
		return name
	}
	return name + "（" + detail + "）"
}

// planLeader answers about one named leader.
func (p *planner) planLeader(leader string) *draft {
	d := &draft{leaders: []string{leader}}
	chunks := p.s.leaderChunks(leader)
	if len(chunks) == 0 {
		d.refused = true
		return d
	}
	cands := p.s.leaderSentences(leader)
	d.context = firstChunks(chunks, 6)
	switch p.q.Intent {
	case IntentFact:
		return p.planFacts(leader, cands, d)
	case IntentWhere:
		info := p.s.ents.leaderInfo[leader]
		if !aboutWorkplace(p.q.Topic) {
			break // "公共服务中心建在哪儿" asks where something is, not where she works
		}
		hon, unit, named, inHonour := p.placeInHonour(cands, leader, info.Place, info.Role)
		// Her city (province, district) named only in an honour's title
		// ("荣获“洛阳市优秀共产党员”称号"): said to be no more than that —
		// the honour's place, not where she was born.
		honourLine := "资料没有直接写明" + leader + "在哪个" + levelWord(unit) + "工作，只在" + leader + "的荣誉里提到" + named + "。"
		if info.Place == "" && info.Role == "" {
			if inHonour {
				d.lead = honourLine
				p.take(hon)
				d.add(item{label: "荣誉", quote: hon})
				return d
			}
			break
		}
		lead := leader
		if info.Place != "" {
			lead += "在" + info.Place + "工作"
		}
		if info.Role != "" {
			if info.Place != "" {
				lead += "，"
			}
			lead += "任" + info.Role
		}
		d.lead = lead + "。"
		if inHonour {
			d.lead += honourLine
		}
		if r, ok := p.statingSentence(cands, leader, []string{shortPlace(info.Place), info.Role}); ok {
			p.take(r)
			d.add(item{quote: r})
			if inHonour && hon.key() != r.key() {
				p.take(hon)
				d.add(item{label: "荣誉", quote: hon})
			}
			return d
		}
	}
	switch p.q.Intent {
	case IntentWhen, IntentNumber, IntentProblem, IntentOther, IntentHow:
		// An interview where she was asked just this: her answer; asked why
		// she came to the work, her account of it with its reason.
		ans := p.answerToSameQuestion(cands, leader)
		if p.q.Intent == IntentHow && len(ans) > 0 {
			d.lead = p.leaderLabel(leader) + "的做法："
			for _, r := range ans {
				p.take(r)
				d.add(item{quote: r})
			}
			return d
		}
		if len(ans) == 0 {
			ans = p.whySheCame(cands, leader) // her own account of coming to the work
		}
		if len(ans) > 0 {
			d.lead = p.leaderLabel(leader) + "："
			for _, r := range ans {
				p.take(r)
				d.add(item{quote: r})
			}
			return d
		}
		if askKind(p.q.Norm) == 0 && careerAskRE.MatchString(p.q.Norm) && !p.s.reasonToldOf(cands, leader) {
			// "她为什么当社区书记": no reason for it is told anywhere.
			d.lead = "资料中没有提到" + leader + "为什么到社区工作、当书记。"
			d.refused = true
			p.addProfileLine(d, leader, cands)
			return d
		}
	}
	if p.q.Asks == AsksOther && p.prev != nil {
		// "还有别的办法吗": her methods not told yet, each with how.
		if md := p.herMethodsDone(leader, append(slices.Clone(p.prev.Listed), p.prev.Methods...)); md != nil {
			return md
		}
		if p.prev.listedHerWork() {
			// "还有吗" after her profile: her doings it did not show, or
			// that all was told — not the situation around them.
			var more []sentRef
			for _, r := range practiceOnly(cands, leader, p.s) {
				if len(more) == 3 {
					break
				}
				if p.fresh(r.sentRef) && isDoing(r.norm) && workDoneRE.MatchString(r.norm) && !foundedRE.MatchString(r.norm) && !strings.HasPrefix(r.norm, "“") &&
					!isProblem(r.norm) && !othersSayRE.MatchString(r.norm) && !bornYearRE.MatchString(r.norm) {
					more = append(more, r.sentRef)
				}
			}
			if len(more) == 0 {
				return p.nothingMore(leader)
			}
			inOrder(more)
			d.lead = p.leaderLabel(leader) + "的其他做法："
			for _, r := range more {
				p.take(r)
				d.add(item{quote: r})
			}
			return d
		}
	}
	if p.q.Asks == AsksPast {
		// "他们社区以前什么样": how it was before her work.
		if pd := p.planPastState(leader); pd != nil {
			return pd
		}
	}
	if p.q.Asks == AsksNow {
		// "现在呢" after how it was: how it is now.
		if nd := p.planNowState(leader); nd != nil {
			return nd
		}
	}
	// Rank by what is asked about, not by the words asking for the kind of
	// answer ("概括张影的主要成绩" is about her results, not about 概括).
	wt := p.terms(residual(p.q.Topic), p.expansion(), cands)
	named, restore := p.communityNamed(cands, leader)
	ranked := rank(named, wt, p.q.Intent)
	restore(ranked)
	ranked = p.answersForAsked(ranked, leader)
	if m, ok := p.askedMethod(); ok && (p.q.Intent == IntentWhen || p.q.Intent == IntentNumber) {
		// "什么时候开始办四点半课堂": the year of another of her methods
		// ("2017年…开始推行板凳议事") is no answer.
		ranked = slices.DeleteFunc(ranked, func(r rankedSent) bool { return p.namesHerOther(m, r.norm) && !p.namesIt(m, r.norm) })
	}
	scheduled := map[string]bool{}
	if p.q.Asks == AsksSchedule {
		// "板凳议事一般什么时候开": when it is held each time (每月第一个
		// 周六), not the year it began.
		// A sentence telling the method asked, right after its naming
		// sentence, counts as on the topic ("我们搞了个“周末议事桌”。每周
		// 六上午，在小区广场摆一张桌子").
		told := map[string]bool{}
		if m, ok := p.askedMethod(); ok {
			if def, ok := p.definitionOf(m); ok {
				for _, r := range p.toldAfter(m, def) {
					told[r.key()] = true
				}
			}
		}
		var recurring, rest []rankedSent
		for _, r := range ranked {
			// (A quoted name holds no schedule: "周末议事桌" is no 周末.)
			if recurringRE.MatchString(quotedNameRE.ReplaceAllString(r.norm, "“”")) && (r.covered > 0 || wt.total == 0 || told[r.key()]) {
				scheduled[r.key()] = true
				recurring = append(recurring, r)
			} else {
				rest = append(rest, r)
			}
		}
		ranked = append(recurring, rest...)
	}
	general := func(re *regexp.Regexp) bool {
		return utf8.RuneCountInString(residual(re.ReplaceAllString(p.q.Topic, " "))) < 2
	}
	var count *regexp.Regexp // what a count question counts, compiled once
	if p.q.Intent == IntentNumber {
		count = countAsked(p.q.Norm)
	}
	if count != nil {
		// "林海社区有多少党员": the sentence counting them ("共有党员321名")
		// answers, before those only naming the community.
		ranked = matchingFirst(ranked, count)
	}
	if p.q.Asks == AsksLength && p.q.FollowUp && p.prev != nil {
		// "花了多久？" after how she cleared the corridors: the length told
		// with what was just shown, or right after it.
		if r, ok := p.statedNearShown(chunks, lengthStatedRE); ok {
			p.take(r)
			d.lead = p.leaderLabel(leader) + "："
			d.add(item{quote: r})
			return d
		}
	}
	if p.q.Asks == AsksLength {
		// "清理楼道花了多久": the sentences telling a length first (a
		// quoted name tells none).
		ranked = matchingFirst(ranked, lengthStatedRE)
	}
	if count != nil && p.q.FollowUp && p.prev != nil {
		// "那一共帮了多少户？" after how she did it: the count told with
		// what was just shown, or right after it.
		if r, ok := p.statedNearShown(chunks, count); ok {
			p.take(r)
			d.lead = p.leaderLabel(leader) + "："
			d.add(item{quote: r})
			return d
		}
	}
	if p.q.Intent == IntentProblem && p.q.FollowUp && p.prev != nil && len(p.prev.Methods) == 0 && whyRE.MatchString(p.q.Norm) {
		// "她为什么要这么做" after what she did: the problem told just
		// before the first sentence that answer showed.
		why, stated := p.reasonBeforeShown(cands)
		if m, ok := p.methodOfShown(cands, leader); ok && !stated {
			// The answer told one of her methods without being asked by
			// name ("“红管家”老周把情况报上来后……") and nothing before it
			// states a problem: why she did it is what that method
			// answers, told where its story begins.
			saved := maps.Clone(p.used)
			if md := p.planMethod(m); !md.refused && md.hasQuotes() && !strings.HasPrefix(md.lead, "资料中没有") {
				return md
			}
			p.used = saved // nothing of the method's draft is shown
		}
		if len(why) == 0 {
			why, stated = p.reasonBeforeFirstShown(cands)
		}
		if len(why) > 0 {
			d.lead = p.leaderLabel(leader) + "这样做，是因为："
			if !stated {
				d.lead = "文中没有直接说原因；" + p.leaderLabel(leader) + "这样做之前，文中介绍的情况是："
			}
			for _, r := range why {
				p.take(r)
				d.add(item{quote: r})
			}
			return d
		}
	}
	if p.q.Intent == IntentProblem && general(problemAskRE) {
		// "她遇到过什么困难": the difficulties the article tells, each with
		// what she did about it.
		var items []item
		for _, r := range p.pick(p.answersForAskedIf(problemsOf(cands, leader, p.s), leader, isProblem), 2, nil) {
			st := p.story(r.sentRef, maxAnswerRunes/2)
			items = append(items, item{quote: st[0], more: st[1:]})
		}
		if len(items) > 0 {
			d.lead = p.leaderLabel(leader) + "遇到的困难，以及怎么做的："
			d.items = items
			return d
		}
	}
	if p.q.Intent == IntentResult && evalAskRE.MatchString(p.q.Norm) && general(praiseAskRE) {
		// "居民怎么评价她": what people say of her.
		if got := p.pick(praiseOf(cands, leader, p.s), 3, nil); len(got) > 0 {
			d.lead = "大家对" + p.leaderLabel(leader) + "的评价："
			for _, r := range got {
				d.add(item{quote: r.sentRef})
			}
			return d
		}
	}
	if p.q.Intent == IntentResult && (generalResultRE.MatchString(p.q.Topic) || residual(p.q.Topic) == "") && p.noField(p.q.Topic) {
		// "概括张影的主要成绩": no particular field asked, so her results
		// are the sentences that count and rate what came of her work.
		ranked = resultRanked(cands, leader, p.s)
		wt = weightedTerms{}
		if changeRE.MatchString(p.q.Topic) {
			// "这些年的变化": how it was, then how it is.
			if st, ok := startingPoint(p.s, cands, leader); ok && p.fresh(st) {
				p.take(st)
				d.lead = p.leaderLabel(leader) + "这些年的变化："
				d.add(item{label: "过去", quote: st})
				for _, r := range p.pick(changeRanked(cands, ranked, leader, p.s), 3, nil) {
					label := "如今"
					if outcomeOpenRE.MatchString(r.norm) {
						label = "" // it says 如今 itself
					}
					d.add(item{label: label, quote: r.sentRef})
				}
				return d
			}
		}
	}
	if p.q.Intent == IntentResult && p.prev != nil && p.q.FollowUp && !laterRE.MatchString(p.q.Norm) && len(p.prev.Methods) == 0 {
		// "效果咋样？" right after how she did something: what came of what
		// was just told — with it, or right after it in its paragraph —
		// even when that answer showed it already.
		if rs := p.resultsOfShown(chunks, leader); len(rs) > 0 {
			d.lead = p.leaderLabel(leader) + "的成效："
			for _, r := range rs {
				p.take(r)
				d.add(item{quote: r})
			}
			return d
		}
	}
	if p.q.Intent == IntentResult && p.prev != nil {
		// "后来呢": what follows in the article what was shown last.
		if after := slices.DeleteFunc(p.afterShown(chunks), func(r sentRef) bool { return !p.s.isHers(r, leader) }); len(after) > 0 {
			ranked = append(rank(after, newTerms("", nil, after), IntentResult), ranked...)
		}
	}
	if p.prev != nil && p.q.FollowUp && laterRE.MatchString(p.q.Norm) && laterDoingRE.ReplaceAllString(residual(p.q.Topic), "") == "" && !asksOutcomeRE.MatchString(p.q.Norm) {
		// "后来呢？": what the article tells next, after what was shown.
		runes := 0
		for _, r := range p.pastTheBackground(p.afterShown(chunks)) {
			if !p.s.isHers(r, leader) {
				continue // the page gone on to its other secretary: hers, not this one's
			}
			n := utf8.RuneCountInString(r.text)
			if len(d.items) == 4 || runes+n > maxAnswerRunes-40 {
				break
			}
			if !p.fresh(r) {
				continue
			}
			p.take(r)
			runes += n
			d.add(item{quote: r})
		}
		if len(d.items) > 0 {
			d.lead = p.leaderLabel(leader) + "，接下来文中写道："
			return d
		}
	}
	narrative := p.q.Intent == IntentHow || p.q.Intent == IntentOther || p.q.Intent == IntentResult
	if narrative {
		factor := 0.75
		if p.q.Intent == IntentHow {
			factor = 0.5 // asked how she did it: what she did, before how things were
		}
		ranked = practiceWeighted(ranked, factor)
		if p.q.Intent == IntentHow && wt.total == 0 {
			// "她是怎么做的" of a post telling her practices under marked
			// headings (▌…, 【…】): each heading with its first doing.
			if its := p.headedPractices(cands, leader); its != nil {
				d.lead = p.leaderLabel(leader) + "的做法："
				d.items = append(d.items, its...)
				return d
			}
		}
		if p.q.Intent == IntentHow && wt.total == 0 && !p.q.FollowUp {
			// Nothing particular asked, no headings: her methods, each by
			// its naming sentence and how it is done.
			if md := p.herMethodsDone(leader, nil); md != nil {
				return md
			}
		}
		if sec := p.section(cands, wt); len(sec) > 0 {
			// A section heading says it: its paragraphs are the answer.
			d.lead = p.leaderLabel(leader) + "的做法："
			if p.q.Intent == IntentResult {
				d.lead = p.leaderLabel(leader) + "的工作成效："
			}
			for _, r := range sec {
				d.add(item{quote: r})
			}
			return d
		}
	}
	if top, ok := p.shownHoldingAll(ranked, wt); ok && p.q.FollowUp {
		// "院长是怎么选的？" after the sentence telling it: that sentence,
		// holding all that is asked, answers, shown or not — not new ones
		// holding little of it.
		p.take(top)
		d.lead = p.leaderLabel(leader) + "：这一点上面已经引用过，原文是："
		d.add(item{quote: top})
		return d
	}
	n := 3
	if narrative {
		n = 2 // anchors; narrate adds what follows each
	}
	picked := p.pick(ranked, n, func(r rankedSent) bool {
		return wt.total == 0 || r.covered > 0 || r.score > 1.5 || p.anyTopicMatch(r.norm) || p.countOfShown(wt, r.sentRef) || scheduled[r.key()]
	})
	if len(picked) == 0 {
		if wt.total > 0 && p.q.Intent != IntentHow && p.q.Intent != IntentSummary {
			d.lead = "资料中没有找到" + leader + "在“" + p.q.Topic + "”方面的内容。"
			d.refused = true
			p.addProfileLine(d, leader, cands)
			return d
		}
		picked = p.pick(practiceOnly(cands, leader, p.s), 3, nil)
	}
	if (p.q.Intent == IntentNumber || p.q.Intent == IntentWhen) && len(picked) > 0 && !slices.ContainsFunc(picked, func(r rankedSent) bool {
		return statesAsked(p.q, r.norm) && (p.q.Asks != AsksSum || moneyRE.MatchString(r.norm))
	}) {
		// ("花了多少钱": a count of people is no sum.)
		// "倒生根社区成立于哪一年": sentences on the topic that give no
		// year do not answer; say what is missing, and what is there.
		for _, r := range picked {
			delete(p.used, r.key())
		}
		what := "具体数字"
		if p.q.Intent == IntentWhen {
			what = "具体时间"
		}
		d.lead = "资料中没有提到" + p.leaderLabel(leader) + "这方面的" + what + "。"
		d.refused = true
		p.addProfileLine(d, leader, cands)
		return d
	}
	if count != nil && slices.ContainsFunc(picked, func(r rankedSent) bool { return count.MatchString(r.norm) }) {
		// The sentences counting what was asked answer; the others only
		// share the community's name.
		picked = p.keepMatching(picked, count)
	}
	if wt.unit != nil && len(picked) > 0 && slices.ContainsFunc(picked, func(r rankedSent) bool { return wt.unit.MatchString(r.norm) }) {
		// "有多少名党员": the sentences counting in 名 answer; others that
		// only share a word do not.
		picked = p.keepMatching(picked, wt.unit)
	}
	if narrative && p.q.Intent == IntentHow && len(picked) > 0 && transformRE.MatchString(picked[0].norm) {
		// "她是怎么把后进社区变成先进典型的": the sentence saying so sums up
		// the article; how is its body — her first doing in each section.
		if moves := p.keyMoves(cands, leader, picked[0].sentRef); len(moves) >= 2 {
			d.lead = p.leaderLabel(leader) + "的做法："
			d.add(item{quote: picked[0].sentRef})
			for _, r := range moves {
				d.add(item{quote: r})
			}
			return d
		}
	}
	if narrative {
		// A problem is followed to what she did about it, an outcome back
		// to what led to it; any other anchor by what follows it.
		var plain []rankedSent
		var told []sentRef
		for _, r := range picked {
			if isProblem(r.norm) || isOutcome(r.norm) {
				told = append(told, p.story(r.sentRef, maxAnswerRunes/2)...)
			} else {
				plain = append(plain, r)
			}
		}
		picked = p.narrate(plain, 3)
		for _, r := range told {
			picked = append(picked, rankedSent{sentRef: r})
		}
		refs := make([]sentRef, len(picked))
		for i, r := range picked {
			refs[i] = r.sentRef
		}
		inOrder(refs)
		picked = picked[:0]
		for _, r := range refs {
			picked = append(picked, rankedSent{sentRef: r})
		}
	}
	switch p.q.Intent {
	case IntentHow:
		d.lead = p.leaderLabel(leader) + "的做法："
	case IntentResult:
		d.lead = p.leaderLabel(leader) + "的工作成效："
	case IntentNumber, IntentWhen:
		d.lead = p.leaderLabel(leader) + "："
	default:
		d.lead = "关于" + p.leaderLabel(leader) + "，资料中写道："
	}
	for _, r := range picked {
		d.add(item{quote: r.sentRef})
	}
	if len(d.items) == 0 {
		// Nothing to quote on what was asked: say so, never an empty answer.
		d.lead = "资料中没有找到" + leader + "这方面的具体内容。"
		d.refused = true
		p.addProfileLine(d, leader, cands)
	}
	return d
}

// practiceOnly ranks a leader's sentences by what she did when the
// question names no topic ("她是怎么做的"): sentences naming her and
// describing action first.
func practiceOnly(cands []sentRef, leader string, s *Service) []rankedSent {
	var out []rankedSent
	for _, c := range cands {
		if !practiceRE2.MatchString(c.norm) || isHeadingLike(c.text) {
			continue
		}
		sc := 1.0
		// "我" is the secretary in an article she tells herself (口述).
		if s.namesLeader(c.norm, leader) || strings.HasPrefix(c.norm, "她") || strings.HasPrefix(c.norm, "他") || strings.HasPrefix(c.norm, "我") {
			sc += 1
		}
		out = append(out, rankedSent{c, sc, 0})
	}
	slices.SortStableFunc(out, func(a, b rankedSent) int { return cmpScore(b.score, a.score) })
	return out
}

// saidByRE is a short line naming who said a quote ("82岁的张大娘说。"),
// closing it (saysRE is the one opening it: "她说：").
var saidByRE = regexp.MustCompile(`^[^，,。]{1,16}(说|讲|感慨|笑着说|告诉记者)[。！!]?$`)

// noDoingOfHers reports a sentence that tells no practice: an honour, a
// quote of praise, the line naming who said it, a step of her career.
func noDoingOfHers(r sentRef) bool {
	t := strings.TrimSpace(r.norm)
	switch {
	case honourRE.MatchString(t) && !measuredRE.MatchString(t):
		return true
	case saidByRE.MatchString(t):
		return true
	case (strings.HasPrefix(t, "“") || strings.HasPrefix(t, "\"")) && !isDoing(t):
		return true
	case careerRE.MatchString(t) && !isDoing(careerRE.ReplaceAllString(t, "")):
		return true
	}
	return false
}

// narrate follows the best picked sentence with the ones after it in its
// passage: "how did she do it" is told in a run of sentences, and the
// sentence that matches the question best is often only the first.
func (p *planner) narrate(picked []rankedSent, extra int) []rankedSent {
	if len(picked) == 0 {
		return picked
	}
	runes := 0
	for _, r := range picked {
		runes += utf8.RuneCountInString(r.text)
	}
	var add []rankedSent
	for _, anchor := range picked {
		whose := p.s.sentenceLeader(anchor.sentRef) // what follows must be hers too
		if outcomeRE.MatchString(anchor.norm) && !practiceRE2.MatchString(anchor.norm) {
			// "如今，老张脸上有笑容了": how it came about is told before.
			para := p.s.paragraph(anchor.sentRef)
			for i := len(para) - 1; i >= 0; i-- {
				r := para[i]
				if r.pos >= anchor.pos {
					continue
				}
				if r.pos < anchor.pos-2 || fragment(r.text) || !p.fresh(r) || p.s.sentenceLeader(r) != whose {
					break
				}
				n := utf8.RuneCountInString(r.text)
				if runes+n > maxAnswerRunes-40 {
					break
				}
				p.take(r)
				runes += n
				add = append(add, rankedSent{r, 0, 0})
			}
		}
		k := 0
		for _, r := range p.s.sentencesAfter(anchor.chunk, anchor.pos, extra+3) {
			if k == extra || r.chunk != anchor.chunk {
				break
			}
			n := utf8.RuneCountInString(r.text)
			if isHeadingLike(r.text) || runes+n > maxAnswerRunes-40 || corpus.IsInterviewQuestion(r.text) {
				break // the interviewer's next question (记者：……？) opens another subject
			}
			if p.s.sentenceLeader(r) != whose {
				break // another secretary's words (an award list's next one, "李文静说")
			}
			if !p.fresh(r) || fragment(r.text) {
				continue
			}
			if callNameRE.MatchString(r.norm) {
				continue // "社区居民都叫她“秀芳书记”": no part of what she did
			}
			if p.q.Intent == IntentHow && noDoingOfHers(r) {
				continue // asked what she did: not an honour, praise or who said it
			}
			p.take(r)
			runes += n
			k++
			add = append(add, rankedSent{r, 0, 0})
		}
	}
	all := append(picked, add...)
	refs := make([]sentRef, len(all))
	for i, r := range all {
		refs[i] = r.sentRef
	}
	inOrder(refs)
	out := make([]rankedSent, len(refs))
	for i, r := range refs {
		out[i] = rankedSent{sentRef: r}
	}
	return out
}

// callNameRE tells what people call her: 都叫她“秀芳书记”, 亲切地称她.
var callNameRE = regexp.MustCompile(`(叫|称|喊)(她|他)[“"「]?[\p{Han}]{1,5}[”"」]?[。，,]?$|亲切地(叫|称|喊)(她|他)`)

// outcomeRE opens a sentence telling how things turned out.
var outcomeRE = regexp.MustCompile(`^(如今|现在|目前|最终|终于|从此|后来|就这样|这样一来)`)

// fragment is a piece too short to quote on its own ("郭佳说。").
func fragment(t string) bool { return utf8.RuneCountInString(strings.TrimSpace(t)) < 8 }

// section finds a heading that carries most of what was asked and
// returns the action sentences of its section (up to the next heading),
// in order, within the answer budget.
func (p *planner) section(cands []sentRef, wt weightedTerms) []sentRef {
	if wt.total == 0 {
		return nil
	}
	best, bestCov := -1, 0.0
	heading := func(c sentRef) bool { return isHeadingLike(c.text) || p.questionHeading(c) }
	for i, c := range cands {
		if !heading(c) || utf8.RuneCountInString(c.text) < 8 {
			continue
		}
		if _, cov := wt.score(c.norm); cov > bestCov {
			best, bestCov = i, cov
		}
	}
	if best < 0 || bestCov < 0.5*wt.total {
		best = -1
		// A question heading in the asker's own words ("居民的事怎样才能有
		// 人管？" for "她是怎么让居民的事有人管的"): by its characters.
		rest := p.q.Topic
		for i, c := range cands {
			if p.questionHeading(c) && utf8.RuneCountInString(residual(rest)) >= 4 && charCoverage(rest, c.norm) >= 0.6 && longestShared(rest, c.norm) >= 2 {
				best = i
				break
			}
		}
	}
	if best < 0 {
		return nil
	}
	var body []sentRef
	for _, r := range cands[best+1:] {
		if heading(r) {
			break
		}
		body = append(body, r)
	}
	var out []sentRef
	runes := 0
	for _, r := range practiceInOrder(body) {
		n := utf8.RuneCountInString(r.text)
		if len(out) == 5 || runes+n > maxAnswerRunes-40 {
			continue
		}
		if !p.fresh(r) || fragment(r.text) || p.q.Intent == IntentHow && noDoingOfHers(r) {
			continue // asked what she did: not "居民们说。", praise or an honour
		}
		p.take(r)
		runes += n
		out = append(out, r)
	}
	inOrder(out)
	return out
}

// questionHeading reports a question standing as a section's heading
// ("居民的事怎样才能有人管？" alone in its paragraph, the practices under
// it): short, its paragraph's only sentence, no interviewer's nor anyone's
// words.
func (p *planner) questionHeading(r sentRef) bool {
	t := strings.TrimSpace(r.text)
	if !strings.HasSuffix(t, "？") && !strings.HasSuffix(t, "?") || utf8.RuneCountInString(t) > 30 || strings.ContainsAny(t, "：:“”\"，,") || corpus.IsInterviewQuestion(t) {
		return false
	}
	return len(p.s.paragraph(r)) == 1
}

// countOfShown reports, for a count asked as a follow-up ("救了几个人？"),
// a sentence counting in the measure asked that the conversation has
// shown, when it tells what is counted.
func (p *planner) countOfShown(wt weightedTerms, r sentRef) bool {
	if wt.unit == nil || !p.q.FollowUp || !p.shown[r.key()] || !wt.unit.MatchString(r.norm) {
		return false
	}
	// What is counted must be told in it (the 救 of 救了几个人), not only
	// its measure ("社区有几个人" is no count of those rescued).
	rest := askedUnitRE.ReplaceAllString(deicticRE.ReplaceAllString(p.q.Topic, " "), " ")
	for _, w := range strings.Fields(rest) {
		rs := []rune(w)
		if len(rs) == 1 {
			if zh.IsHan(rs[0]) && !strings.ContainsRune(functionRunes, rs[0]) && strings.ContainsRune(r.norm, rs[0]) {
				return true
			}
			continue
		}
		for i := 0; i+1 < len(rs); i++ {
			if b := string(rs[i : i+2]); strings.Contains(r.norm, b) && !p.s.genericBigram(b) {
				return true
			}
		}
	}
	return false
}

// functionRunes say nothing of what is counted (有, 是, 了).
const functionRunes = "的了是在有和与都就也还很不没个么什怎哪谁吗呢吧啊着过把被让给对从向为跟及要想能会可以这那些一每天年月里上下得地共"

// askedLevelRE asks for a level of the chain (哪个市, 哪座城市, 哪个省).
var askedLevelRE = regexp.MustCompile(`(哪个|哪座|哪一个|什么|哪)(城市|市|省|区|县)`)

// honourPlaceRE is a place of the chain written in an honour's title
// (荣获“洛阳市优秀共产党员”称号, 被评为河南省劳动模范).
var honourPlaceRE = regexp.MustCompile(`(荣获|获评|获得|被评为|评为|被授予|授予|当选为|当选)[^，,。；]{0,6}?[“"「]?(\p{Han}{2,6}?(市|省|自治区|区|县))(优秀|最美|十佳|先进|劳动|三八|五一|道德|巾帼|好人|模范|人大|党代表|政协|百佳|金牌|杰出|[“"「])`)

// placeInHonour is, for a where-question asking a level her place lacks
// (or any where-question when neither her place nor her post is known), a sentence of hers
// stating an honour whose title holds a place of that level: the
// sentence, the unit (市, 省), the place named.
func (p *planner) placeInHonour(cands []sentRef, leader, place, role string) (sentRef, string, string, bool) {
	want := ""
	if m := askedLevelRE.FindStringSubmatch(p.q.Norm); m != nil {
		want = m[2]
		if want == "城市" {
			want = "市"
		}
	}
	if want == "" && (place != "" || role != "") {
		return sentRef{}, "", "", false // her place or post says where she works
	}
	if want != "" && strings.Contains(place, want) {
		return sentRef{}, "", "", false // her place has that level
	}
	for _, r := range cands {
		if !p.s.namesLeader(r.norm, leader) && !herSubject(r.norm) || p.s.namesOtherLeader(r.norm, leader) || communityHonour(r.norm) {
			continue
		}
		for _, m := range honourPlaceRE.FindAllStringSubmatch(r.norm, -1) {
			if strings.HasPrefix(m[2], "全") || want != "" && m[3] != want && !(want == "省" && m[3] == "自治区") {
				continue // 全省, 全市: no name
			}
			return r, m[3], m[2], true
		}
	}
	return sentRef{}, "", "", false
}

// levelWord names a unit of the chain as a question would (市 → 城市).
func levelWord(unit string) string {
	switch unit {
	case "市":
		return "城市"
	case "自治区":
		return "省区"
	}
	return unit
}

// aboutWorkplace reports a where-question about the person herself
// (在哪里工作, 她的社区在哪): nothing is left once the place words go.
func aboutWorkplace(topic string) bool {
	rest := withoutPlaces(residual(topic), nil) // "在北京哪个区": a place, still where she works
	for _, w := range []string{"工作", "社区", "街道", "单位", "地方", "所在", "在", "哪", "儿", "任职", "上班", "现在", "目前", "城市", "省份", "省", "市", "区", "县", "州", "座", " "} {
		rest = strings.ReplaceAll(rest, w, "")
	}
	return utf8.RuneCountInString(rest) < 2
}

// withoutPlaces is text without the places it names: the regions of the
// leaders' chains given (longest first: 成都市武侯区 loses both), the
// well-known cities and provinces.
func withoutPlaces(text string, regions []regionKey) string {
	for _, r := range regions {
		for _, w := range []string{r.key, strings.TrimRight(r.key, "市区县")} {
			if utf8.RuneCountInString(w) >= 2 {
				text = strings.ReplaceAll(text, w, " ")
			}
		}
	}
	for _, w := range wellKnownPlaces {
		text = strings.ReplaceAll(text, w, " ")
	}
	return text
}

// afterShown are the sentences that follow the last sentence shown from
// the leader's articles.
func (p *planner) afterShown(chunks []*corpus.Chunk) []sentRef {
	// The story goes on from the first sentence the last answer quoted
	// (its direct answer), past the run of sentences shown with it.
	var first string
	if p.prev != nil && len(p.prev.Shown) > 0 {
		first = p.prev.Shown[0]
	}
	var last *sentRef
	started := false
	for _, c := range chunks {
		for _, r := range p.s.sentences(c) {
			k := r.key()
			switch {
			case first == "" && p.shown[k]:
				r := r
				last = &r
			case k == first:
				started = true
				r := r
				last = &r
			case started && p.shown[k] && last != nil && r.chunk.Seq <= last.chunk.Seq+1:
				r := r
				last = &r
			case started:
				if last != nil && !p.shown[k] {
					started = false // the run of shown sentences ended
				}
			}
		}
	}
	if last == nil {
		return nil
	}
	var out []sentRef
	for _, r := range p.s.sentencesAfter(last.chunk, last.pos, 10) {
		if !isHeadingLike(r.text) {
			out = append(out, r)
		}
	}
	return out
}

// laterDoingRE is what "她后来又做了什么" asks beyond what came next: a
// doing, no topic of its own.
var laterDoingRE = regexp.MustCompile(`[又还再]|做|干|搞|办|弄|忙|些|啥`)

// pastTheBackground drops how things were from the head of what follows
// what was shown, when what she did comes within it: "后来呢" after the
// situation she found asks what she did about it, and four more sentences
// of the situation would stop before it. A difficulty met on the way
// (但是……) or what came of it goes on with the story instead.
func (p *planner) pastTheBackground(after []sentRef) []sentRef {
	for i, r := range after {
		if i == 8 {
			break
		}
		if !p.fresh(r) {
			continue
		}
		if contrastOpenRE.MatchString(r.norm) || isOutcome(r.norm) {
			return after // a difficulty met on the way, or what came of it: the story goes on
		}
		if p.doneNext(r) {
			if i == 0 {
				return after
			}
			return after[i:]
		}
	}
	return after
}

// doneNext is a sentence telling what she did: one naming a method, or a
// doing that is no problem she found.
func (p *planner) doneNext(r sentRef) bool {
	return p.s.namesAMethod(r.norm) || isDoing(r.norm) && !problemSeen(r.norm)
}

// planWhoIs introduces a leader briefly: her post and place, the
// sentence that introduces her, an honour, her methods by name.
// honourStatedRE states an honour received.
var honourStatedRE = regexp.MustCompile(`授予|荣获|评为|称号|当选|获得[^，,。]{0,30}(荣誉|称号|奖)`)

// afterHonourRE dates a doing by an honour: 当选…以后, 被评为…之后.
var afterHonourRE = regexp.MustCompile(`(当选|评为|获评|授予)[^，,。]{0,14}(以后|之后|后[，,])`)

func (p *planner) planWhoIs(leader string) *draft {
	d := &draft{leaders: []string{leader}}
	chunks := p.s.leaderChunks(leader)
	cands := p.s.leaderSentences(leader)
	d.context = firstChunks(chunks, 4)
	d.lead = p.describe(leader) + "。"
	info := p.s.ents.leaderInfo[leader]
	if r, ok := p.statingSentence(cands, leader, []string{info.Role, shortPlace(info.Place), "书记"}); ok {
		p.take(r)
		d.add(item{quote: r})
	}
	for _, r := range cands {
		// Her own honours, not her community's (上清寺路社区先后获得…).
		// Nor a doing dated by one ("当选全国人大代表以后，她坚持……"),
		// nor her election to her post (2015年当选…党委书记).
		if honourStatedRE.MatchString(electedToPostRE.ReplaceAllString(r.norm, "")) && !afterHonourRE.MatchString(r.norm) && p.fresh(r) && !p.s.namesOtherLeader(r.norm, leader) && !p.s.startsWithPlace(r.norm) && !communityHonour(r.norm) {
			p.take(r)
			d.add(item{label: "荣誉", quote: r})
			break
		}
	}
	if ms := p.s.methodsOf(leader); len(ms) > 0 {
		d.add(item{plain: "主要工作方法：" + strings.Join(firstStrings(ms, 5), "、") + "。"})
	}
	if !d.hasQuotes() {
		d.refused = true
	}
	return d
}

// addProfileLine says what the articles do say about the leader: her
// post and place, and her methods by name.
func (p *planner) addProfileLine(d *draft, leader string, cands []sentRef) {
	info := p.s.ents.leaderInfo[leader]
	if r, ok := p.statingSentence(cands, leader, []string{shortPlace(info.Place), info.Role}); ok {
		d.add(item{label: "资料介绍的是", quote: r})
	}
	if ms := p.s.methodsOf(leader); len(ms) > 0 {
		d.add(item{plain: "可以问问" + leader + "的工作方法：" + strings.Join(firstStrings(ms, 4), "、") + "。"})
	}
}

// statingSentence is the first sentence naming the leader together with
// one of the words (her place, her post) — one naming no other secretary
// before one that does ("一个是街道党工委书记梁国栋，一个是…书记苏晓燕"
// tells his post too); else the first naming her.
func (p *planner) statingSentence(cands []sentRef, leader string, words []string) (sentRef, bool) {
	var first, heading, shared, asked *sentRef
	for _, r := range cands {
		if !p.s.namesLeader(r.norm, leader) && !p.s.firstPersonOf(r, leader) {
			continue // (her own words in an interview name her place too: 我在幸福里社区…)
		}
		if isHeadingLike(r.text) {
			// A section's heading ("新区里的“小郑书记”") names her but
			// states nothing: the last resort.
			if heading == nil {
				r := r
				heading = &r
			}
			continue
		}
		if first == nil {
			r := r
			first = &r
		}
		for _, w := range words {
			if w != "" && strings.Contains(r.norm, w) {
				switch {
				case p.s.isAsked(r):
					// The interviewer's words ("今天请到的是阳光里社区的
					// 周丽娜书记") would be shown as her answer to them.
					if asked == nil {
						r := r
						asked = &r
					}
				case !p.s.namesOtherLeader(r.norm, leader):
					return r, true
				case shared == nil:
					r := r
					shared = &r
				}
			}
		}
	}
	if shared != nil {
		return *shared, true
	}
	if asked != nil {
		return *asked, true
	}
	if first == nil {
		first = heading
	}
	if first != nil {
		return *first, true
	}
	return sentRef{}, false
}

// mainMethods are a leader's most mentioned methods, at most n.
func (s *Service) mainMethods(leader string, n int) []catalog.Method {
	if s.o.Catalog == nil {
		return nil
	}
	out := s.o.Catalog.MethodsOf(leader)
	// A method the article spells out (named steps, a recorded procedure)
	// is one to learn; then the most mentioned.
	weight := func(m catalog.Method) int {
		w := m.Mentions
		if len(m.Steps) > 0 {
			w += 3
		}
		if m.Unexpanded {
			w -= 3
		}
		return w
	}
	slices.SortStableFunc(out, func(a, b catalog.Method) int { return weight(b) - weight(a) })
	return out[:min(n, len(out))]
}

func (s *Service) methodsOf(leader string) []string {
	if s.o.Catalog == nil {
		return nil
	}
	var out []string
	for _, m := range s.o.Catalog.MethodsOf(leader) {
		out = append(out, "“"+strings.Trim(m.Name, "“”")+"”")
	}
	return out
}

// planBrief sums up a secretary the catalog keeps no profile of (an
// article's second secretary, one on an award list): who she is, what she
// did, what came of it — from her own sentences.
func (p *planner) planBrief(leader string) *draft {
	d := &draft{leaders: []string{leader}}
	cands := p.s.leaderSentences(leader)
	if len(cands) == 0 {
		d.refused = true
		return d
	}
	d.context = firstChunks(p.s.leaderChunks(leader), 4)
	d.lead = p.describe(leader) + "："
	used := map[string]bool{}
	runes := 0
	add := func(label string, r sentRef) {
		if p.used[r.key()] || used[cleanQuote(r.text)] || runes > maxAnswerRunes-60 {
			return
		}
		used[cleanQuote(r.text)] = true
		runes += utf8.RuneCountInString(r.text)
		p.take(r)
		d.add(item{label: label, quote: r})
	}
	practices := practicesOf(p.s, cands, leader, 3, used)
	if len(practices) == 0 {
		// Her paragraph may tell what she did without her name in it.
		for _, r := range cands {
			if (isDoing(r.norm) || p.s.namesAMethod(r.norm)) && !isOutcome(r.norm) && !isHeadingLike(r.text) && len(practices) < 3 {
				practices = append(practices, r)
			}
		}
	}
	for _, r := range practices {
		add("做法", r)
	}
	results := resultRanked(cands, leader, p.s)
	for _, r := range results[:min(2, len(results))] {
		add("成效", r.sentRef)
	}
	if hs := p.s.statedHonours(leader); len(hs) > 0 && d.hasQuotes() {
		// As the loader derived them for her (an award list's shared
		// honour included), cited to the sentence stating the first.
		it := item{label: "荣誉", plain: strings.Join(hs, "；")}
		var all []*corpus.Chunk
		for _, id := range p.s.ents.leaderInfo[leader].Articles {
			all = append(all, p.s.byArticle[id]...) // the shared honour opens the list
		}
		for _, r := range p.s.sentencesIn(all) {
			if strings.Contains(r.norm, hs[0]) && p.s.namesLeader(r.norm, leader) {
				it.plain, it.quote = "", r
				break
			}
		}
		if it.quote.chunk == nil || !p.used[it.quote.key()] {
			d.add(it)
		}
	}
	if !d.hasQuotes() {
		d.refused, d.lead = true, ""
	}
	return d
}

// matchingFirst puts the sentences re matches (outside quoted names)
// first, each part in its order.
func matchingFirst(ranked []rankedSent, re *regexp.Regexp) []rankedSent {
	var hit, rest []rankedSent
	for _, r := range ranked {
		if re.MatchString(quotedNameRE.ReplaceAllString(r.norm, "“”")) {
			hit = append(hit, r)
		} else {
			rest = append(rest, r)
		}
	}
	return append(hit, rest...)
}

// keepMatching keeps the picked sentences re matches, giving the others
// back to be quoted elsewhere.
func (p *planner) keepMatching(picked []rankedSent, re *regexp.Regexp) []rankedSent {
	keep := picked[:0:0]
	for _, r := range picked {
		if re.MatchString(r.norm) {
			keep = append(keep, r)
		} else {
			delete(p.used, r.key())
		}
	}
	return keep
}

// shownHoldingAll is the sentence shown earlier in the conversation that
// holds what is asked, when no sentence not shown holds even 60% as much
// of it.
func (p *planner) shownHoldingAll(ranked []rankedSent, wt weightedTerms) (sentRef, bool) {
	if p.prev == nil || wt.total == 0 {
		return sentRef{}, false
	}
	var top *rankedSent
	for i, r := range ranked {
		if !p.fresh(r.sentRef) && !p.used[r.key()] && r.covered >= 0.4*wt.total && (top == nil || r.score > top.score) {
			top = &ranked[i]
		}
	}
	if top == nil {
		return sentRef{}, false
	}
	// (Holding all of it, or at least its main word when nothing new holds
	// any: the weights count pairs across the words' gaps too.)
	if top.covered < 0.99*wt.total && slices.ContainsFunc(ranked, func(r rankedSent) bool { return p.fresh(r.sentRef) && r.covered > 0 }) ||
		slices.ContainsFunc(ranked, func(r rankedSent) bool { return p.fresh(r.sentRef) && r.covered >= 0.6*top.covered }) {
		return sentRef{}, false
	}
	return top.sentRef, true
}

// resultsOfShown are the sentences telling what came of what the last
// answer showed: a shown sentence that states a result, or one of the
// three after a shown one in its paragraph, up to three, in article order.
// A sentence naming another of her methods ends the search there.
func (p *planner) resultsOfShown(chunks []*corpus.Chunk, leader string) []sentRef {
	shown := map[string]bool{}
	for _, k := range p.prev.Shown {
		shown[k] = true
	}
	named := map[string]bool{}
	for _, m := range p.prev.Methods {
		named[m] = true
	}
	var out []sentRef
	seen := map[string]bool{}
	for _, c := range chunks {
		sents := p.s.sentences(c)
		for i, r := range sents {
			if !shown[r.key()] {
				continue
			}
			for j := i; j < len(sents) && j <= i+3 && sents[j].para == r.para && len(out) < 3; j++ {
				x := sents[j]
				if j > i && !shown[x.key()] && p.namesMethodBut(x.norm, named) {
					break
				}
				if seen[x.key()] || p.s.namesOtherLeader(x.norm, leader) || isQuestion(x.text) {
					continue
				}
				seen[x.key()] = true
				if isOutcome(x.norm) && !isProblem(x.norm) {
					out = append(out, x)
				}
			}
		}
	}
	return out
}

// statedNearShown is the sentence stating what is asked (a count in the
// unit asked, a length of time) among those the last answer showed, or in
// the few after each in its paragraph: a count or a length asked right
// after how she did it is of what was just told. Of
// several, the one sharing most of the question's words (帮, 参加), the
// first in the article on a tie.
func (p *planner) statedNearShown(chunks []*corpus.Chunk, stated *regexp.Regexp) (sentRef, bool) {
	shown := map[string]bool{}
	for _, k := range p.prev.Shown {
		shown[k] = true
	}
	asked := residual(p.q.Topic)
	var best sentRef
	bestScore, found := -1, false
	seen := map[string]bool{}
	for _, c := range chunks {
		sents := p.s.sentences(c)
		for i, r := range sents {
			if !shown[r.key()] {
				continue
			}
			for j := i; j < len(sents) && j <= i+3 && sents[j].para == r.para; j++ {
				x := sents[j]
				if seen[x.key()] || !stated.MatchString(x.norm) {
					continue
				}
				seen[x.key()] = true
				score := 0
				for _, a := range asked {
					if zh.IsHan(a) && strings.ContainsRune(x.norm, a) {
						score++
					}
				}
				if score > bestScore {
					best, bestScore, found = x, score, true
				}
			}
		}
	}
	if found {
		return best, true
	}
	// Else told a little later, while the story stays on what was shown
	// (it turns to another method: no count of this one).
	named := map[string]bool{}
	var firsts []sentRef
	for _, c := range chunks {
		for _, r := range p.s.sentences(c) {
			if shown[r.key()] {
				firsts = append(firsts, r)
				for _, k := range p.s.ents.methodKeys {
					if strings.Contains(r.norm, k.key) {
						named[k.canon] = true
					}
				}
			}
		}
	}
	for _, r := range firsts {
		for _, x := range p.s.sentencesAfter(r.chunk, r.pos, 8) {
			if x.chunk.ArticleID != r.chunk.ArticleID || isHeadingLike(x.text) || p.namesMethodBut(x.norm, named) || p.s.sentenceLeader(x) != p.s.sentenceLeader(r) {
				break // (the page gone on to its other secretary: her count is not this one's)
			}
			if !shown[x.key()] && stated.MatchString(x.norm) {
				return x, true
			}
		}
	}
	// Else the count told with the method a shown sentence names (a case
	// of “红管家” shown, its count in the paragraph that set it up).
	for name := range named {
		m, ok := p.method(name)
		if !ok {
			continue
		}
		if def, ok := p.definitionOf(m); ok {
			for _, x := range append([]sentRef{def}, p.s.sentencesAfter(def.chunk, def.pos, 3)...) {
				if x.chunk == def.chunk && x.para == def.para && stated.MatchString(x.norm) {
					return x, true
				}
			}
		}
	}
	return sentRef{}, false
}

// namesMethodBut reports a sentence naming a method other than those named.
func (p *planner) namesMethodBut(norm string, named map[string]bool) bool {
	for _, k := range p.s.ents.methodKeys {
		if strings.Contains(norm, k.key) && !named[k.canon] {
			return true
		}
	}
	return false
}

// countAsked is the pattern of the count a question asks: in its measure
// word or one of the same kind (多少人 is counted in 名 or 位 too, 多少户 in
// 家), or of the thing it names (帮了多少老人 → 230多户老人); nil when it asks
// no count.
func countAsked(norm string) *regexp.Regexp {
	if shareAskRE.MatchString(norm) {
		return shareStatedRE // "拆迁户占多少": a share (四成, 40%), not a count
	}
	num := `(\d+|[一二两三四五六七八九十百千万]+)(余|多)?`
	if m := askedUnitRE.FindStringSubmatch(norm); m != nil {
		units := regexp.QuoteMeta(m[1])
		switch m[1] {
		case "人", "名", "位":
			units = "人|名|位"
		case "家":
			units = "户|家" // (多少家 may ask households; 多少户 asks no firms: 12家企事业单位)
		case "次", "场":
			units = "次|场|回"
		}
		return regexp.MustCompile(num + `(` + units + `)`)
	}
	if m := countedThingRE.FindStringSubmatch(norm); m != nil {
		// Either order: "321名党员", "党员321名", "共有党员321名"; after the
		// thing a number needs its unit ("老人一碗面条", "居民2019年搬进"
		// count none).
		thing := regexp.QuoteMeta(m[1])
		return regexp.MustCompile(num + `[个名户人位家栋条件项]?` + thing + `|` + thing + `(总数|人数)?(共|有|共有|达|约|近|超过)?(\d+|[一二两三四五六七八九十百千万]+)(余|多)?[个名户人位家栋条件项]`)
	}
	return nil
}

var (
	// shareAskRE asks what share of a whole something is (占多少, 占比,
	// 几成); shareStatedRE states one.
	shareAskRE    = regexp.MustCompile(`占(了)?多少|占比|比例|比重|几成|百分之几|占几`)
	shareStatedRE = regexp.MustCompile(`\d+(\.\d+)?%|百分之[一二三四五六七八九十\d]+|[一二三四五六七八九]成|一半|过半|[一二三四五六七八九十]分之[一二三四五六七八九]`)
)

// countedThingRE asks how many of a thing: 多少老人, 多少志愿者.
var countedThingRE = regexp.MustCompile(`多少(\p{Han}{2})`)

// whyRE asks the reason for something done: 为什么要这么做, 为啥搞这个.
var whyRE = regexp.MustCompile(`为什么|为啥|为何|什么原因|出于什么|原因是|的原因|出发点|初衷|缘由|(怎么|咋|怎样)(会)?想到|(怎么|咋|如何)想出来|想到(要)?(这个|这么个|这种|这样的)?(办法|主意|点子|法子|招)`)

// reasonBeforeShown is the problem told right before the first of her
// sentences the last answer showed: within that paragraph, else at the
// end of the paragraph before, in the same section (stated true); else
// the sentence of the situation just before it (an interview's previous
// answer: 西桥是个老社区…), stated false.
func (p *planner) reasonBeforeShown(cands []sentRef) ([]sentRef, bool) {
	shown := map[string]bool{}
	for _, k := range p.prev.Shown {
		shown[k] = true
	}
	// The first doing shown is what "这么做" points at: an answer may open
	// with the problem itself ("刚到社区那会儿……成了难题"), whose own
	// before is how the article opens, no reason.
	var first *sentRef
	for _, r := range cands {
		if !shown[r.key()] {
			continue
		}
		if first == nil {
			r := r
			first = &r
		}
		if isDoing(r.norm) && !problemSeen(r.norm) && !p.inExample(r) {
			return p.reasonBefore(r)
		}
	}
	if first != nil && !p.inExample(*first) {
		return p.reasonBefore(*first)
	}
	return nil, false
}

// reasonBeforeFirstShown is reasonBefore the first of her sentences the
// last answer showed, whatever it tells.
func (p *planner) reasonBeforeFirstShown(cands []sentRef) ([]sentRef, bool) {
	shown := map[string]bool{}
	for _, k := range p.prev.Shown {
		shown[k] = true
	}
	for _, r := range cands {
		if shown[r.key()] {
			return p.reasonBefore(r)
		}
	}
	return nil, false
}

// methodOfShown is the method of hers that the first sentence naming one,
// among those the last answer showed, names.
func (p *planner) methodOfShown(cands []sentRef, leader string) (catalog.Method, bool) {
	shown := map[string]bool{}
	for _, k := range p.prev.Shown {
		shown[k] = true
	}
	for _, r := range cands {
		if !shown[r.key()] {
			continue
		}
		for _, k := range p.s.ents.methodKeys {
			if !strings.Contains(r.norm, k.key) {
				continue
			}
			if m, ok := p.method(k.canon); ok && m.Leader == leader {
				return m, true
			}
		}
	}
	return catalog.Method{}, false
}

// inExample reports a sentence inside an example the article tells (its
// paragraph opens one before it, or it opens one: 比如12号楼……, 有一次……):
// what was done there is a case, not where the practice began.
func (p *planner) inExample(r sentRef) bool {
	for _, x := range p.s.paragraph(r) {
		if exampleOpenRE.MatchString(x.norm) {
			return true
		}
		if x.key() == r.key() {
			break
		}
	}
	return false
}

// exampleOpenRE opens an example: 就拿…来说, 比如, 例如, 有一次, 以…为例,
// or a line announcing the case that follows (12号楼的停车难就是一个例子).
var exampleOpenRE = regexp.MustCompile(`^[“"]?[^，,。！？!?]{0,6}(就拿|比如说?|例如|譬如|举个例子|有一次|有一回|有天|前不久|不久前)|^[“"]?(拿|以)[^，,。]{2,20}(来说|为例)|^[^。！？!?]{2,30}?[，,]?(就是|便是|正是)(其中的?)?(一个|一例)?(很好的?|生动的?|典型的?|鲜活的?)?(例子|案例|事例)[。！!]?$`)

// problemSeen is a problem told, or one she found out ("走访发现……一日三餐
// 成了难题"): a visit that tells what she saw is the reason for what she
// did next, not a doing of its own.
func problemSeen(norm string) bool {
	if loc := foundRE.FindStringIndex(norm); loc != nil && problemWds.MatchString(norm[loc[1]:]) {
		return true
	}
	if isResultSentence(norm) {
		return false // "共处理各类问题900余件": what came of it
	}
	return isProblem(norm)
}

// foundRE is finding out how things are: 发现, 了解到, 注意到.
var foundRE = regexp.MustCompile(`发现|了解到|注意到|察觉到?|摸排出|摸清了?`)

// answersItsOwnRE opens a doing with the problem it answers: 针对…的问题，,
// 为了解决…，.
// ("针对这个情况，" points back: the reason is before it.)
var answersItsOwnRE = regexp.MustCompile(`^[^，,。]{0,10}(针对|面对|为了解决|为解决)[^这此该上，,。][^。]{1,29}(问题|难题|困难|情况|现象|难处|短板|痛点)[，,]`)

// purposeRE states what a doing is for: 为了…，, 目的是, 就是为了, 意思是.
var purposeRE = regexp.MustCompile(`^[^，,。]{0,12}(为了|为)[^，,。]{2,30}[，,]|目的是|是为了|就是要让|意思是|用意是|初衷是|出发点是`)

// reasonBefore is the problem told right before anchor — in its
// paragraph, else at the end of the one before, across an interviewer's
// question to the answer before it — stated true; else the situation told
// there (西桥是个老社区…), stated false.
func (p *planner) reasonBefore(r sentRef) ([]sentRef, bool) {
	if answersItsOwnRE.MatchString(r.norm) {
		// "针对小区排水沟常年堵塞、雨天积水的问题，晏春梅组织……": it says
		// what it answers itself.
		return []sentRef{r}, true
	}
	var out []sentRef
	var situation sentRef
	asked := 0
	for _, b := range p.s.sentencesBefore(r.chunk, r.pos, 6) {
		if corpus.IsInterviewQuestion(b.text) {
			// An interviewer's question: the answer before it may set
			// this one up, the one before that is another subject.
			if asked++; asked == 2 || len(out) > 0 {
				break
			}
			continue
		}
		if isHeadingLike(b.text) || b.chunk.ArticleID != r.chunk.ArticleID || p.s.namesAMethod(b.norm) && !isProblem(b.norm) {
			break // another section, or another method's story
		}
		if problemSeen(b.norm) {
			out = append([]sentRef{b}, out...)
		} else if len(out) > 0 {
			break
		} else if !fragment(b.text) && !isDoing(b.norm) {
			situation = b // the earliest: an answer opens with the situation
		}
	}
	if len(out) == 0 && (problemSeen(r.norm) || purposeRE.MatchString(r.norm)) {
		// "社区老人多，她就……", "为了鼓励居民参与志愿服务，社区开设了…":
		// it says so itself.
		out = []sentRef{r}
	}
	if len(out) == 0 && situation.chunk != nil {
		return []sentRef{situation}, false
	}
	return out, len(out) > 0
}

// herMethodsDone answers how a secretary works when nothing particular is
// asked: two of her main methods (not those of skip, told already), each
// introduced by its naming sentence and followed by the doings told right
// after it. Nil when nothing would be shown, or (nothing skipped) fewer
// than two sentences: the general ranking does better then.
func (p *planner) herMethodsDone(leader string, skip []string) *draft {
	d := &draft{leaders: []string{leader}, context: firstChunks(p.s.leaderChunks(leader), 6)}
	runes := 0
	fits := func(r sentRef) bool {
		return p.fresh(r) && runes+utf8.RuneCountInString(r.text) <= maxAnswerRunes-60
	}
	for _, m := range p.s.mainMethods(leader, 8) {
		if len(d.items) == 2 {
			break
		}
		def, ok := p.definitionOf(m)
		if !ok || !fits(def) || slices.Contains(skip, m.Name) {
			continue
		}
		p.take(def)
		runes += utf8.RuneCountInString(def.text)
		it := item{label: strings.Trim(m.Name, "“”"), quote: def}
		if before, ok := p.doneBeforeNaming(def); ok && fits(before) {
			// "每天早上七点，她都会…。这个习惯…居民们把它叫作“早七点巡街”":
			// what it is, is told before the name it was given.
			p.take(before)
			runes += utf8.RuneCountInString(before.text)
			it.quote, it.more = before, []sentRef{def}
			d.add(it)
			continue
		}
		for _, r := range p.toldAfter(m, def) {
			if len(it.more) == 2 || !fits(r) || isOutcome(r.norm) || p.namesHerOther(m, r.norm) {
				break
			}
			if noDoingOfHers(r) || saysRE.MatchString(r.norm) {
				continue
			}
			p.take(r)
			runes += utf8.RuneCountInString(r.text)
			it.more = append(it.more, r)
		}
		d.add(it)
	}
	shown := 0
	for _, it := range d.items {
		shown += 1 + len(it.more)
	}
	if shown < 2 && skip == nil || shown == 0 {
		for _, it := range d.items {
			delete(p.used, it.quote.key())
			for _, r := range it.more {
				delete(p.used, r.key())
			}
		}
		return nil
	}
	d.lead = p.leaderLabel(leader) + "的做法："
	return d
}

// namedAfterRE gives a name to what was just told: 把它叫作, 被称为,
// 这就是, 人称.
var namedAfterRE = regexp.MustCompile(`(把它|把这|将其|将它|称之|被|大家|居民们?|群众|人们)?(叫作|叫做|称为|称作|誉为|取名为?|起名为?|命名为)[“"「]|这就是[“"「]|人称[“"「]`)

// doneBeforeNaming is the doing told right before a sentence that names
// what was just told (…居民们把它叫作“早七点巡街”), in its paragraph.
func (p *planner) doneBeforeNaming(def sentRef) (sentRef, bool) {
	if !namedAfterRE.MatchString(def.norm) {
		return sentRef{}, false
	}
	para := p.s.paragraph(def)
	for i := len(para) - 1; i >= 0; i-- {
		if para[i].pos >= def.pos {
			continue
		}
		if r := para[i]; isDoing(r.norm) && !isProblem(r.norm) && p.fresh(r) {
			return r, true
		}
		break
	}
	return sentRef{}, false
}

// recurringRE tells when something is held each time: 每月第一个周六,
// 每周三下午, 定期.
var recurringRE = regexp.MustCompile(`每(天|日|晚|周|月|季度?|年|逢|星期|个月|半月|两周)|周[一二三四五六日末]|星期[一二三四五六日天]|第[一二三四]个(周|星期)|定期|(\d+|[一二三四五六七八九十两半])(天|周|个月|季度)一次`)

var (
	// workDoneRE is a verb of work set up or carried out (推行, 组建,
	// 签订, 举办 …): a doing of hers, not the scene around it.
	workDoneRE = regexp.MustCompile(`推行|推出|推动|建立|建起|组建|成立了|组织|办起|编成|开设|设立|设置|带领|牵头|签订|举办|开展|打造|搭建|提出|创建|创办|开办|发起|引进|改造成|聘请|动员|发动|召开|走访|上门|腾出|协调|对接`)
	// foundedRE tells when a place was set up (社区成立于2018年), no doing.
	foundedRE = regexp.MustCompile(`成立于|建于|始建|组建于|设立于`)
)
