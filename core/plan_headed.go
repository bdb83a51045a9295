package core

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"bangyang/zh"
)

// A post of the WeChat kind tells a secretary's practices under marked
// section headings (▌走访入户 摸清家底 / ■ 把居民的小事当大事 / 【一】建好
// 服务站 / ◆ …) without naming a method: asked how she did it, each
// heading's practice is the answer — the heading, then the first sentence
// of its section telling a doing, in article order.

// markedHeadingRE opens a heading with a block mark, is a bracketed
// title (【把小事当大事】, 【一】建好服务站), or opens with a section's number
// (01 走访入户, 一、…, （一）…).
var markedHeadingRE = regexp.MustCompile(`^\s*(?:[▌▍▎■◆●▶►★□◇]+\s*\S|【[^】]{1,20}】|0[1-9]\s*\S|[一二三四五六七八九十]{1,2}、\s*\S|[（(][一二三四五六七八九十]{1,2}[）)]\s*\S)`)

// headMarkRE is a numbering mark opening a heading (01, 一、, （一）).
var headMarkRE = regexp.MustCompile(`^\s*(?:0[1-9]|[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[）)])\s*`)

// bracketNumeralRE is a bracket holding only a numeral (【一】, 【01】).
var bracketNumeralRE = regexp.MustCompile(`^【\s*(?:[一二三四五六七八九十]{1,2}|\d{1,2})\s*】`)

// headedLabel is a marked heading without its mark: 走访入户 摸清家底.
func headedLabel(t string) string {
	t = strings.TrimSpace(t)
	t = bracketNumeralRE.ReplaceAllString(t, "")
	t = headMarkRE.ReplaceAllString(t, "")
	t = strings.TrimLeft(t, "▌▍▎■◆●▶►★□◇ ")
	if strings.HasPrefix(t, "【") && strings.HasSuffix(t, "】") {
		t = strings.TrimSuffix(strings.TrimPrefix(t, "【"), "】")
	}
	return strings.TrimSpace(zh.ToSimplified(t))
}

// headedPractices are, per marked section of the leader's sentences, its
// heading (as the label) and its first doing; nil unless two sections or
// more have one. A heading of another kind ends a section.
func (p *planner) headedPractices(cands []sentRef, leader string) []item {
	type section struct {
		label string
		pick  *sentRef
	}
	var secs []section
	for _, r := range cands {
		if isHeadingLike(r.text) {
			label := ""
			if markedHeadingRE.MatchString(r.text) {
				label = headedLabel(r.text)
			}
			if label != "" || len(secs) > 0 {
				secs = append(secs, section{label: label})
			}
			continue
		}
		if len(secs) == 0 {
			continue
		}
		s := &secs[len(secs)-1]
		if s.label == "" || s.pick != nil {
			continue
		}
		if !isDoing(r.norm) || fragment(r.text) || isQuestion(r.text) || p.s.namesOtherLeader(r.norm, leader) || !p.fresh(r) {
			continue
		}
		rr := r
		s.pick = &rr
	}
	var out []item
	runes := 0
	for _, s := range secs {
		if s.pick == nil {
			continue
		}
		n := utf8.RuneCountInString(s.label) + utf8.RuneCountInString(s.pick.text)
		if runes+n > maxAnswerRunes || len(out) == 5 {
			break
		}
		runes += n
		out = append(out, item{label: s.label, quote: *s.pick})
	}
	if len(out) < 2 {
		return nil
	}
	for _, it := range out {
		p.take(it.quote)
	}
	return out
}
