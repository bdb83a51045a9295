package core

// How things were before her work, and how they are now: "他们社区以前
// 什么样", then "现在呢".

import (
	"regexp"
	"unicode/utf8"
)

// pastStateAskRE asks how things were before (以前什么样, 原来是什么情况).
var pastStateAskRE = regexp.MustCompile(`(以前|原来|过去|当初|早先|从前|之前|原先|上任前)(是|的)?(个)?(什么样|怎么样|怎样|啥样|什么情况|什么状况|啥情况|什么面貌|样子|情况|状况|面貌)|(刚去|刚到|刚来|初到|刚接手|上任)[^？?。]{0,12}(时候|时)[^？?。]{0,6}(什么样|怎么样|怎样|啥样|什么情况|什么状况|啥情况|情况如何)`)

// nowStateAskRE asks, right after how things were, how they are now.
var nowStateAskRE = regexp.MustCompile(`^(那)?(现在|如今|目前|今天)(呢|怎么样|什么样|如何|是什么样|变成什么样)?(了)?[呢吗]?[？?]?$`)

// pastMarkRE marks a sentence telling how things were: 曾是, 以前, 当时.
var pastMarkRE = regexp.MustCompile(`曾是|曾经|以前|过去|原来|原先|当时|那时|早年|上世纪|刚到|初到|刚来|上任前|之前`)

// planPastState tells how things were before her work: the sentences of
// her articles with a past mark (or her community described) and a
// difficulty, not what she did about it, in article order.
func (p *planner) planPastState(leader string) *draft {
	cands := p.s.leaderSentences(leader)
	var picked []sentRef
	runes := 0
	for _, r := range cands {
		// An interviewer asked her just this ("刚来的时候社区是什么情况？"):
		// her answer is how it was.
		if p.s.isAsked(r) && pastStateAskRE.MatchString(askedAsHer(r.norm)) {
			for _, x := range p.s.answerTo(r, leader) {
				if n := utf8.RuneCountInString(x.text); p.fresh(x) && len(picked) < 3 && runes+n <= maxAnswerRunes-60 {
					runes += n
					picked = append(picked, x)
				}
			}
			if len(picked) > 0 {
				break
			}
		}
	}
	fromAnswer := len(picked) > 0
	for _, r := range cands {
		if len(picked) == 3 || isHeadingLike(r.text) || isQuestion(r.text) || p.s.namesOtherLeader(r.norm, leader) || !p.fresh(r) {
			continue
		}
		if fromAnswer {
			break // told by her answer
		}
		past := pastMarkRE.MatchString(r.norm) || situationRE.MatchString(r.norm)
		if !past || !problemWds.MatchString(r.norm) || afterStartRE.MatchString(r.norm) && isPractice(r.norm) || careerRE.MatchString(r.norm) {
			continue
		}
		n := utf8.RuneCountInString(r.text)
		if runes+n > maxAnswerRunes-60 {
			break
		}
		runes += n
		picked = append(picked, r)
	}
	if len(picked) == 0 {
		return nil
	}
	d := &draft{leaders: []string{leader}, context: firstChunks(p.s.leaderChunks(leader), 6)}
	d.lead = p.leaderLabel(leader) + "那里以前的情况："
	for _, r := range picked {
		p.take(r)
		d.add(item{quote: r})
	}
	return d
}

// planNowState tells how things are now, after how they were: the
// sentences saying so (如今, 现在), then what came of her work.
func (p *planner) planNowState(leader string) *draft {
	cands := p.s.leaderSentences(leader)
	var picked []sentRef
	for _, r := range cands {
		if nowOpenRE.MatchString(r.norm) && p.fresh(r) && !isQuestion(r.text) && !p.s.namesOtherLeader(r.norm, leader) && len(picked) < 2 {
			picked = append(picked, r)
		}
	}
	for _, r := range resultRanked(cands, leader, p.s) {
		if len(picked) == 3 {
			break
		}
		if p.fresh(r.sentRef) && !containsRef(picked, r.sentRef) && !(honourRE.MatchString(r.norm) && !measuredRE.MatchString(r.norm)) {
			picked = append(picked, r.sentRef)
		}
	}
	if len(picked) == 0 {
		return nil
	}
	inOrder(picked)
	d := &draft{leaders: []string{leader}, context: firstChunks(p.s.leaderChunks(leader), 6)}
	d.lead = p.leaderLabel(leader) + "那里现在的情况："
	for _, r := range picked {
		p.take(r)
		d.add(item{quote: r})
	}
	return d
}

// nowOpenRE tells how things are now (如今, 现在的…, 走进…，干净整洁的…).
var nowOpenRE = regexp.MustCompile(`(^[^，,。]{0,6}|[，,；;])(如今|现在|目前|眼下)|^(走进|来到)[^，,。]{2,20}[，,]`)

func containsRef(rs []sentRef, r sentRef) bool {
	for _, x := range rs {
		if x.key() == r.key() {
			return true
		}
	}
	return false
}
