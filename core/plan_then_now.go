package core

// How things were before her work, and how they are now: "他们社区以前
// 什么样", then "现在呢".

import (
	"regexp"
	"slices"
	"unicode/utf8"
)

// pastMarkRE marks a sentence telling how things were: startWords (刚到,
// 以前, 曾是), or before her time (原来, 早年, 上世纪).
var pastMarkRE = regexp.MustCompile(startWords + `|原来|原先|早年|上世纪|来到[^，,。]{0,12}(后|时)|上任前|之前`)

// planPastState tells how things were before her work: her answer to an
// interviewer asking it, else the sentences telling it (pastTold).
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
	if len(picked) == 0 {
		picked = p.pastTold(cands, leader)
	}
	if len(picked) == 0 {
		return nil
	}
	return p.stateDraft(leader, "以前的情况：", picked)
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
		if p.fresh(r.sentRef) && !slices.ContainsFunc(picked, func(x sentRef) bool { return x.key() == r.key() }) && !(honourRE.MatchString(r.norm) && !measuredRE.MatchString(r.norm)) {
			picked = append(picked, r.sentRef)
		}
	}
	if len(picked) == 0 {
		return nil
	}
	inOrder(picked)
	return p.stateDraft(leader, "现在的情况：", picked)
}

// stateDraft quotes picked under her place's label and what they tell.
func (p *planner) stateDraft(leader, what string, picked []sentRef) *draft {
	d := &draft{leaders: []string{leader}, context: firstChunks(p.s.leaderChunks(leader), 6)}
	d.lead = p.placeLabel(leader) + what
	for _, r := range picked {
		p.take(r)
		d.add(item{quote: r})
	}
	return d
}

// nowOpenRE tells how things are now (如今…, …，现在…).
var nowOpenRE = regexp.MustCompile(`(^[^，,。]{0,6}|[，,；;])(如今|现在|目前|眼下)`)

// placeLabel is her community with her name (红旗社区（赵建国）), or her
// label when her place is not known.
func (p *planner) placeLabel(leader string) string {
	if place := shortPlace(p.s.ents.leaderInfo[leader].Place); place != "" {
		return place + "（" + leader + "）"
	}
	return p.leaderLabel(leader)
}

// pastTold are up to three of her sentences telling how things were: a
// past mark (曾是, 刚到, 上世纪) or her community described, with a
// difficulty, not what she did about it, nor a scene opening ("走进…社区，
// 干净整洁的楼道……很难想到这里曾是…" tells the clean present).
func (p *planner) pastTold(cands []sentRef, leader string) []sentRef {
	var picked []sentRef
	runes := 0
	for _, r := range cands {
		if len(picked) == 3 || isHeadingLike(r.text) || isQuestion(r.text) || p.s.namesOtherLeader(r.norm, leader) || !p.fresh(r) {
			continue
		}
		past := pastMarkRE.MatchString(r.norm) || situationRE.MatchString(r.norm)
		if !past || !problemWds.MatchString(r.norm) || afterStartRE.MatchString(r.norm) && isPractice(r.norm) || careerRE.MatchString(r.norm) || sceneOpenRE.MatchString(r.norm) {
			continue
		}
		n := utf8.RuneCountInString(r.text)
		if runes+n > maxAnswerRunes-60 {
			break
		}
		runes += n
		picked = append(picked, r)
	}
	return picked
}
