package core

// What a question asks of a method beyond its name (an aspect: 格线员负责
// 什么), and whether her articles say it.

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"bangyang/catalog"
	"bangyang/zh"
)

// vagueWords ask about a thing in general ("是怎么回事", "有什么意义"),
// not about a particular aspect of it.
var vagueWords = []string{"其中", "分别", "各自", "都", "落地", "落实", "运作", "运转", "运行", "铺开", "推开", "推进", "推广开", "发展起来", "办起来", "搭起来", "建起来", "组建起来", "起步", "过程", "经过", "一步步", "怎样", "如何", "具体", "主要", "意思", "回事", "意义", "作用", "内容", "含义", "好处", "特点", "核心", "来历", "由来", "名字", "怎么", "为什么", "有", "做", "提出", "出来", "起来", "一次", "多久", "来的", "从哪", "哪来", "情况", "详细", "简单", "讲", "说", "现在", "如今", "目前", "一共", "总共", "共计", "合计", "总计"}

// cueRE are the words that say what kind of answer is wanted; they are
// not part of what is asked about.
var cueRE = []*regexp.Regexp{compareRE, adviceRE, stepsRE, howRE, whoRE, whereRE, whenRE, numberRE, resultRE2, problemRE2, summaryRE, whatRE}

// unstated returns what the question asks about a method beyond its name
// and the kind of answer, when nothing in the leader's articles says it.
func (p *planner) unstated(m catalog.Method) string {
	if p.q.Intent != IntentWhat && p.q.Intent != IntentOther {
		return "" // steps, how, who, results: the cue is the question
	}
	rest := p.aspect(m)
	if utf8.RuneCountInString(rest) < 3 {
		return "" // a leftover too short to be a subject of its own
	}
	if p.s.says(m.Leader, rest, p.expansion()) {
		return ""
	}
	return rest
}

// aspect is what a question asks about a method beyond its name, its
// steps and the kind of answer ("疫情期间它发挥了什么作用" → 疫情期间).
func (p *planner) aspect(m catalog.Method) string {
	// Joined: a quoted name ("“四微”活动") leaves its parts apart.
	rest := strings.Join(strings.Fields(p.q.Topic), "")
	names := append([]string{m.Name}, m.Aliases...)
	names = append(names, m.Steps...)
	for _, n := range names {
		// Not a two-character shorthand (格线 of 格线党建): in 格线员 it is
		// part of what is asked about.
		if n = zh.ToSimplified(n); n == zh.ToSimplified(m.Name) || utf8.RuneCountInString(n) >= 3 {
			rest = strings.ReplaceAll(rest, n, " ")
		}
	}
	return residual(strings.NewReplacer("工作法", " ", "方法", " ", "做法", " ", "工作", " ", "具体", " ", "主要", " ", "一下", " ", "发挥", " ").Replace(rest))
}

// onAspect answers an aspect of a method from its secretary's articles:
// the sentences on that aspect, best first, with what follows them.
func (p *planner) onAspect(m catalog.Method, d *draft) bool {
	rest := p.aspect(m)
	if utf8.RuneCountInString(rest) < 2 {
		return false
	}
	cands := p.s.leaderSentences(m.Leader)
	wt := p.terms(rest, p.expansion(), cands)
	if wt.total == 0 {
		return false
	}
	// The aspect says what is wanted; the intent's bonus (results, how)
	// would only second-guess it. The sentence on it is the answer even
	// when an earlier answer showed it among others ("格线员负责什么"
	// after how 格线党建 is done).
	shown := p.shown
	p.shown = nil
	defer func() { p.shown = shown }()
	picked := p.pick(rank(cands, wt, IntentOther), 2, func(r rankedSent) bool {
		// By its characters too: "格线员负责" is covered by 格线员 though
		// 员负 and 负责 occur nowhere.
		// Or in order, close together: 钱从哪里来 holds 钱从…来.
		return r.covered >= 0.5*wt.total || charCoverage(rest, r.norm) >= 0.6 && longestShared(rest, r.norm) >= 3 ||
			utf8.RuneCountInString(rest) >= 3 && inOrderWithin(r.norm, rest, 2*utf8.RuneCountInString(rest)+2)
	})
	if len(picked) == 0 {
		return false
	}
	for _, r := range p.narrate(picked, 1) {
		d.add(item{quote: r.sentRef})
	}
	return true
}

// says reports whether the leader's articles hold a bigram of topic or
// one of words.
func (s *Service) says(leader, topic string, words []string) bool {
	bi, _ := terms(topic)
	if len(bi) == 0 && len(words) == 0 {
		return true
	}
	for _, r := range s.leaderSentences(leader) {
		flat := flatten(r.norm) // “畅”字 holds 畅字
		for b := range bi {
			if strings.Contains(flat, b) {
				return true
			}
		}
		if matchesAny(r.norm, words) {
			return true
		}
	}
	return false
}

// inOrderWithin reports whether the runes of want occur in text in their
// order, within a span of at most span runes.
func inOrderWithin(text, want string, span int) bool {
	tr, wr := []rune(text), []rune(want)
	for start := range tr {
		if tr[start] != wr[0] {
			continue
		}
		j := 1
		for i := start + 1; i < len(tr) && i-start < span && j < len(wr); i++ {
			if tr[i] == wr[j] {
				j++
			}
		}
		if j == len(wr) {
			return true
		}
	}
	return false
}
