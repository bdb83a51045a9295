package core

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"bangyang/corpus"
)

// draft is an answer composed from quotes before it is rendered: a lead
// line in our words built only from derived facts (names, places, roles,
// step names), then quoted sentences, each cited to its passage.
type draft struct {
	lead  string // Simplified
	items []item
	tail  string // Simplified closing line
	// refused is true when the articles do not answer what was asked.
	refused bool
	// about are the leaders and methods the answer is about (for memory).
	leaders, methods []string
	// extra passages the model may use besides the quoted ones.
	context []*corpus.Chunk
	// step is the step of its method told alone (for memory).
	step int
}

type item struct {
	label  string // Simplified, may be empty
	number int    // >0: a numbered line (steps)
	quote  sentRef
	more   []sentRef // further quotes on the same line (a step's procedure)
	plain  string    // a line of our own instead of a quote (Simplified)
}

// maxAnswerRunes is the budget of one composed answer: a reader on a phone
// wants the direct answer and a few cited points, not a page.
const maxAnswerRunes = 450

func (d *draft) add(it item) { d.items = append(d.items, it) }

func (d *draft) hasQuotes() bool {
	for _, it := range d.items {
		if it.quote.chunk != nil {
			return true
		}
	}
	return false
}

// planner composes a draft for one understood question.
type planner struct {
	s     *Service
	q     Question
	prev  *Turn
	shown map[string]bool // sentence keys shown earlier in the conversation
	used  map[string]bool // sentence keys used in this draft
}

// terms weighs a topic over candidate sentences for this question (a
// question asking for a list favours enumerations).
func (p *planner) terms(topic string, extra []string, cands []sentRef) weightedTerms {
	wt := newTermsGeneric(topic, extra, cands, p.s.genericBigram)
	wt.wantList = wt.wantList || listRE.MatchString(p.q.Norm)
	if p.q.Intent == IntentNumber {
		wt.unit = unitOf(p.q.Norm)
	}
	return wt
}

// fresh reports whether a sentence may still be quoted: not yet in this
// answer, and not shown earlier in the conversation — unless the question
// asks a direct fact, whose sentence is the answer however often asked.
func (p *planner) fresh(r sentRef) bool {
	if p.used[r.key()] {
		return false
	}
	return !p.shown[r.key()] || p.directFact()
}

func (p *planner) directFact() bool {
	switch p.q.Intent {
	case IntentNumber, IntentWhen, IntentWhere, IntentWho, IntentFact:
		return true
	case IntentSteps:
		// "具体说说第二步": its procedure, even if shown before; "具体有哪
		// 几个零距离": the sentence listing them is the answer.
		// "每类户多久走访一次": each item's own sentences, shown or not.
		return p.q.Step > 0 || listRE.MatchString(p.q.Norm) || whichItemsRE.MatchString(p.q.Norm) || perItemRE.MatchString(p.q.Norm)
	}
	return false
}

func (p *planner) take(r sentRef) { p.used[r.key()] = true }

// leaderLabel names a leader with her place: 吴中兰（上清寺路社区）.
func (p *planner) leaderLabel(name string) string {
	info := p.s.ents.leaderInfo[name]
	if pl := shortPlace(info.Place); pl != "" {
		return name + "（" + pl + "）"
	}
	return name
}

// shortPlace is the most specific part of an administrative chain
// (重庆市渝中区上清寺街道上清寺路社区 → 上清寺路社区).
func shortPlace(place string) string {
	place = strings.TrimSpace(place)
	if place == "" {
		return ""
	}
	first, _, _ := strings.Cut(place, "、")
	rs := []rune(first)
	for _, suf := range []string{"社区", "街道", "村", "镇", "乡", "县", "区", "市"} {
		if !strings.HasSuffix(first, suf) {
			continue
		}
		// Walk back to the previous administrative suffix.
		cut := 0
		for i := len(rs) - utf8.RuneCountInString(suf) - 1; i > 0; i-- {
			tail := string(rs[:i])
			for _, s2 := range []string{"省", "市", "区", "县", "街道", "镇", "乡", "州"} {
				if strings.HasSuffix(tail, s2) {
					cut = i
					break
				}
			}
			if cut > 0 {
				break
			}
		}
		return string(rs[cut:])
	}
	return first
}

// pick takes up to n fresh sentences of ranked, at most two per passage,
// and returns them in article order.
func (p *planner) pick(ranked []rankedSent, n int, ok func(rankedSent) bool) []rankedSent {
	if len(ranked) == 0 {
		return nil
	}
	best := ranked[0].score
	var out []rankedSent
	per := map[string]int{}
	runes := 0
	for _, r := range ranked {
		if len(out) == n || r.score < best*0.45 {
			break
		}
		if (ok != nil && !ok(r)) || !p.fresh(r.sentRef) || per[r.chunk.ID] >= 2 {
			continue
		}
		l := utf8.RuneCountInString(r.text)
		if len(out) > 0 && runes+l > maxAnswerRunes-60 {
			continue
		}
		runes += l
		per[r.chunk.ID]++
		p.take(r.sentRef)
		out = append(out, r)
		if isQuestion(r.text) {
			// A question in an article is answered by what follows it
			// ("…如何实现两全？" then "“宜疏不宜堵…”").
			for _, next := range p.s.sentencesAfter(r.chunk, r.pos, 1) {
				if next.chunk == r.chunk && p.fresh(next) && !isHeadingLike(next.text) {
					p.take(next)
					runes += utf8.RuneCountInString(next.text)
					out = append(out, rankedSent{sentRef: next, score: r.score * 0.9})
				}
			}
		}
	}
	if len(out) == 0 {
		return out
	}
	first := out[0]
	if p.q.Intent == IntentNumber || p.q.Intent == IntentWhen {
		// The direct fact leads, on its own line: the count or date asked,
		// then what else was found, in article order.
		out = out[1:]
	}
	refs := make([]sentRef, len(out))
	for i, r := range out {
		refs[i] = r.sentRef
	}
	inOrder(refs)
	byKey := map[string]rankedSent{}
	for _, r := range out {
		byKey[r.key()] = r
	}
	for i, r := range refs {
		out[i] = byKey[r.key()]
	}
	if p.q.Intent == IntentNumber || p.q.Intent == IntentWhen {
		out = append([]rankedSent{first}, out...)
	}
	if p.q.Intent == IntentWhen && relativeYearRE.MatchString(first.norm) && !absoluteYearRE.MatchString(first.norm) {
		// "那年秋天，她办起了……": the year is told in the sentence before.
		for _, prev := range p.s.sentencesBefore(first.chunk, first.pos, 2) {
			if absoluteYearRE.MatchString(prev.norm) && p.fresh(prev) && prev.chunk == first.chunk {
				p.take(prev)
				out = append([]rankedSent{{sentRef: prev}}, out...)
				break
			}
		}
	}
	return out
}

// relativeYearRE dates by the year told before (那年, 当年, 同年, 次年);
// absoluteYearRE names a year.
var (
	relativeYearRE = regexp.MustCompile(`那年|那一年|当年|同年|次年|第二年|这一年|那时`)
	absoluteYearRE = regexp.MustCompile(`\d{4}年|[一二〇○零]{4}年`)
)

// isQuestion reports a sentence that asks rather than tells.
func isQuestion(t string) bool {
	t = strings.TrimRight(strings.TrimSpace(t), "”」’\"")
	return strings.HasSuffix(t, "?") || strings.HasSuffix(t, "？")
}

// expansion are the lexicon's article words for the question's topics.
func (p *planner) expansion() []string {
	var out []string
	for _, t := range p.q.Topics {
		out = append(out, t.Article...)
		out = append(out, t.Ask...)
	}
	return out
}

func containsAll(s string, parts []string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

func firstStrings(ss []string, n int) []string {
	if len(ss) > n {
		return ss[:n]
	}
	return ss
}

func firstChunks(cs []*corpus.Chunk, n int) []*corpus.Chunk {
	if len(cs) > n {
		return cs[:n]
	}
	return cs
}

func appendChunk(cs []*corpus.Chunk, c *corpus.Chunk) []*corpus.Chunk {
	for _, x := range cs {
		if x.ID == c.ID {
			return cs
		}
	}
	return append(cs, c)
}

func chineseNumber(n int) string {
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
	if n >= 0 && n <= 10 {
		return digits[n]
	}
	return strconv.Itoa(n)
}
