package core

// Answering from an interview: her answer to the interviewer's question
// that asks what the user asks, answers in place of the questions ranked,
// her account of coming to the work, her 我们社区 as her community, and
// no interviewer's question in any draft. Whose words a sentence is comes
// from voice.go.

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"bangyang/zh"
)

// answersForAsked puts, in place of each interviewer's question ranked,
// the sentence of her answer to it that states what was asked (a year
// for 哪年, a count for 多少), else its first: the question matched the
// words of what was asked, and the answer is what holds it. A question
// with no answer is dropped.
func (p *planner) answersForAsked(ranked []rankedSent, leader string) []rankedSent {
	return p.answersForAskedIf(ranked, leader, nil)
}

// answersForAskedIf is answersForAsked taking, when must is given, only
// an answer's sentence for which it holds (a problem for 遇到过什么困难),
// or the answer to a question for which it holds (最难的是什么？).
func (p *planner) answersForAskedIf(ranked []rankedSent, leader string, must func(string) bool) []rankedSent {
	out := ranked[:0:0]
	seen := map[string]bool{}
	for _, r := range ranked {
		if p.s.isAsked(r.sentRef) {
			state := must
			if state == nil {
				state = func(n string) bool {
					return (p.q.Intent == IntentNumber || p.q.Intent == IntentWhen) && statesAsked(p.q, n)
				}
			}
			ans, ok := answerStating(p.s.answerTo(r.sentRef, leader), state)
			if !ok || must != nil && !must(ans.norm) && !must(strings.TrimRight(r.norm, "？?")) {
				continue // neither the question nor its answer is of the kind
			}
			r = rankedSent{sentRef: ans, score: r.score, covered: r.covered}
		}
		if seen[r.key()] {
			continue
		}
		seen[r.key()] = true
		out = append(out, r)
	}
	return out
}

// askKinds are the kinds of thing a question asks, by its question word:
// an interviewer's question answers the user's only when both ask the
// same kind.
var askKinds = []*regexp.Regexp{
	regexp.MustCompile(`为什么|为何|什么原因|怎么想到|是什么让|为啥`),
	regexp.MustCompile(`哪一?年|什么时候|何时|几几年|多久|多长时间|多少年|几年`),
	regexp.MustCompile(`多少|几[个名户人位支家件]`),
	regexp.MustCompile(`哪里|哪儿|在哪|什么地方`),
	askHowRE,
}

// askHowRE asks how it was done: 你们是怎么做的, 具体怎么办, 怎么解决的.
var askHowRE = regexp.MustCompile(`(?:怎么|怎样|如何)(?:做|办|解决|破解|干|搞|弄|操作|推进|化解)`)

// askHow is the index of askHowRE in askKinds.
var askHow = slices.Index(askKinds, askHowRE)

// comingToWorkRE is her coming to the work: 来社区, 当书记, 干社区这一行.
var comingToWorkRE = regexp.MustCompile(comingToWork)

const comingToWork = `(来|到|进|回|干|做|当|选择|留在|扎根|报考|考)[^，,。？?]{0,4}(社区|书记|这[一个]?行|基层)`

// careerAskRE asks why she took up the work itself, the question ending
// there (她为什么当社区书记？, 为什么选择社区工作？; not 为什么要做社区报).
var careerAskRE = regexp.MustCompile(comingToWork + `(工作|书记|干部|主任)?(呢|啊|吗)?[？?]?$`)

// askKind is the index in askKinds of what norm asks, or -1.
func askKind(norm string) int {
	for i, re := range askKinds {
		if re.MatchString(norm) {
			return i
		}
	}
	return -1
}

// answerToSameQuestion is her answer to the interviewer's question in
// cands that asks what the user asks (of her: 您 is she): the same kind
// of question (why, when, how many, where) on most of the same words, or
// a why of her coming to the work for 她为什么当社区书记; for a question
// with no such word (遇到什么难题), most of its words and at least four. The sentences
// of the answer stating the kind asked (a year for when) come first;
// nil when no question asks it.
func (p *planner) answerToSameQuestion(cands []sentRef, leader string) []sentRef {
	kind := askKind(p.q.Norm)
	if kind < 0 && p.q.Intent != IntentProblem && p.q.Intent != IntentOther {
		return nil
	}
	strip := func(s string) string {
		s = strings.ReplaceAll(s, leader, "")
		for _, a := range p.s.ents.leaderInfo[leader].Aliases {
			s = strings.ReplaceAll(s, a, "")
		}
		if kind < 0 {
			return s
		}
		return askKinds[kind].ReplaceAllString(s, " ")
	}
	want := map[string]bool{}
	for _, b := range hanBigrams(strip(p.q.Norm)) {
		if !genericAskBigram[b] {
			want[b] = true
		}
	}
	for _, r := range cands {
		if !p.s.isAsked(r) {
			continue
		}
		asked := askedAsHer(r.norm)
		if askKind(asked) != kind || !strings.Contains(asked, "她") && !strings.Contains(r.norm, leader) && len(want) == 0 {
			continue
		}
		same := kind == 0 && careerAskRE.MatchString(p.q.Norm) && comingToWorkRE.MatchString(asked)
		if kind == askHow && len(want) == 0 && len(hanBigrams(strip(asked))) <= 3 {
			same = true // "她是怎么做的" and "你们是怎么做的？": her answer is how
		}
		if !same && len(want) > 0 {
			have := 0
			got := strings.Join(hanBigrams(strip(asked)), " ")
			for b := range want {
				if strings.Contains(got, b) {
					have++
				}
			}
			// No question word to agree on (遇到的最大难题是什么): more of
			// the same words.
			same = float64(have) >= 0.6*float64(len(want)) && (kind >= 0 || have >= 4)
		}
		if !same {
			continue
		}
		ans := p.s.answerTo(r, leader)
		if len(ans) == 0 {
			continue
		}
		if first, ok := answerStating(ans, func(n string) bool {
			return (p.q.Intent == IntentNumber || p.q.Intent == IntentWhen) && statesAsked(p.q, n)
		}); ok {
			// A reason may take two sentences, a difficulty and what she did
			// about it three; a year or a count is one.
			most, runes := map[bool]int{true: 2, false: 1}[kind == 0], utf8.RuneCountInString(first.text)
			if kind < 0 || kind == askHow {
				most = 3
			}
			out := []sentRef{first}
			for _, x := range ans {
				n := utf8.RuneCountInString(x.text)
				if len(out) == most || runes+n > 200 {
					break
				}
				if x.key() != first.key() {
					out = append(out, x)
					runes += n
				}
			}
			inOrder(out)
			return out
		}
	}
	return nil
}

// genericAskBigram are the words of a question that say nothing of what
// is asked (她的, 书记, 社区 in 社区工作).
var genericAskBigram = map[string]bool{"书记": true, "她的": true, "她是": true, "请问": true, "一下": true}

// hanBigrams are the bigrams of the Han runs of s.
func hanBigrams(s string) []string {
	var out []string
	var run []rune
	flush := func() {
		for i := 0; i+1 < len(run); i++ {
			out = append(out, string(run[i:i+2]))
		}
		run = run[:0]
	}
	for _, c := range s {
		if zh.IsHan(c) && c != '她' && c != '他' && c != '您' && c != '你' {
			run = append(run, c)
		} else {
			flush()
		}
	}
	flush()
	return out
}

// withoutAsked keeps an interviewer's question out of a draft, whatever
// plan put it there: a quoted question gives way to the answer after it
// (unless that is quoted already), and leaves a line's further quotes.
func (p *planner) withoutAsked(d *draft) {
	if d == nil {
		return
	}
	one := "" // the leader the answer is about, if one
	if len(d.leaders) == 1 {
		one = d.leaders[0]
	}
	quoted := map[string]bool{}
	for _, it := range d.items {
		if it.quote.chunk != nil {
			quoted[it.quote.key()] = true
		}
		for _, m := range it.more {
			quoted[m.key()] = true
		}
	}
	items := d.items[:0]
	for _, it := range d.items {
		more := it.more[:0:0]
		for _, m := range it.more {
			if !p.s.isAsked(m) {
				more = append(more, m)
			}
		}
		it.more = more
		if it.quote.chunk != nil && p.s.isAsked(it.quote) {
			ans, ok := answerStating(p.s.answerTo(it.quote, one), nil)
			if ok && one == "" && p.s.sentenceLeader(ans) != p.s.sentenceLeader(it.quote) {
				ok = false // several secretaries: only the answer of the one this item is about
			}
			switch {
			case ok && !quoted[ans.key()]:
				quoted[ans.key()] = true
				it.quote = ans
			case len(it.more) > 0:
				it.quote, it.more = it.more[0], it.more[1:]
			default:
				continue
			}
		}
		items = append(items, it)
	}
	d.items = items
}

// cameRE tells her coming to the work: 辞了…来考, 考进社区, 转业到社区.
var cameRE = regexp.MustCompile(`辞职|辞了|辞去|辞掉|考进|考入|报了名|报名|报考|应聘|招聘|回到社区|来到社区|到社区工作|进社区|进了社区|选择了社区|转业到|调到`)

// reasonRE gives a reason or what she had in mind.
var reasonRE = regexp.MustCompile(`因为|为了|想的是|我想|心想|觉得|希望|放心不下|舍不得|喜欢|看不得|不忍心`)

// whySheCame answers why she took up the work (她为什么到社区工作) when
// no interviewer asked it: the sentence telling how she came, in her own
// words or naming her, and the reason told within the next few sentences
// of her account; nil when no reason is told there.
func (p *planner) whySheCame(cands []sentRef, leader string) []sentRef {
	if askKind(p.q.Norm) != 0 || !careerAskRE.MatchString(p.q.Norm) {
		return nil
	}
	for _, r := range cands {
		hers := p.s.firstPersonOf(r, leader) || p.s.namesLeader(r.norm, leader) || herSubject(r.norm) && p.s.thirdPersonHers(r, leader)
		if !hers || p.s.isAsked(r) || !cameRE.MatchString(r.norm) {
			continue
		}
		if reasonRE.MatchString(ownWords(r.norm)) {
			return []sentRef{r}
		}
		for _, x := range p.s.sentencesAfter(r.chunk, r.pos, 3) {
			if !p.s.sameExchange(r, x) || isHeadingLike(x.text) || p.s.voiceOf(x) != p.s.voiceOf(r) {
				break
			}
			if reasonRE.MatchString(ownWords(x.norm)) {
				return []sentRef{r, x}
			}
		}
	}
	return nil
}

// communityNamed is cands for ranking, with her community named where
// she says 我们社区 in her own words ("我们社区有2860户" answers 湘钢社区
// 有多少户 as much as 她的社区有多少户); restore maps each copy back to
// the sentence itself.
func (p *planner) communityNamed(cands []sentRef, leader string) (out []sentRef, restore func([]rankedSent)) {
	place := shortPlace(p.s.ents.leaderInfo[leader].Place)
	if !strings.HasSuffix(place, "社区") {
		return cands, func([]rankedSent) {}
	}
	orig := map[string]sentRef{}
	out = make([]sentRef, len(cands))
	for i, r := range cands {
		out[i] = r
		if !p.s.weOf(r, leader) {
			continue
		}
		if n := weCommunityRE.ReplaceAllString(r.norm, place); n != r.norm {
			orig[sentPos(r)] = r
			out[i].norm = n
		}
	}
	return out, func(ranked []rankedSent) {
		for i := range ranked {
			if o, ok := orig[sentPos(ranked[i].sentRef)]; ok {
				ranked[i].sentRef = o
			}
		}
	}
}

// weCommunityRE is her community in her words.
var weCommunityRE = regexp.MustCompile(`我们(这个|这|的)?社区`)

// reasonToldOf reports whether her sentences tell a reason for anything
// of her career (因为…, 为了…, 放心不下…) near her coming to the work:
// a sentence naming her or in her words with a reason word and a word of
// coming to the work or of her post.
func (s *Service) reasonToldOf(cands []sentRef, leader string) bool {
	for _, r := range cands {
		if s.isAsked(r) || !reasonRE.MatchString(r.norm) {
			continue
		}
		if cameRE.MatchString(r.norm) || comingToWorkRE.MatchString(r.norm) || strings.Contains(r.norm, "书记") {
			return true
		}
	}
	return false
}
