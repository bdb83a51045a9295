package core

// Names read from text beside the catalog: method names a question gives
// that no article uses.

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// termRE is how a question names a method or programme: in quotes, with
// a method's tail (工作法, 机制, 行动 …), or as a numbered shorthand
// (三治融合, 五步议事).
var termRE = regexp.MustCompile(`[“"「『]([\p{Han}]{2,12})[”"」』]|([\p{Han}]{2,8}?(?:工作法|工作机制|机制|模式|行动|工程|计划))|([一二三四五六七八九十两百千][\p{Han}]{1,2}(?:融合|联动|共治|合一|议事|服务|到家|清单|工作))`)

// ownedTermRE is a practice named as a known secretary's or community's
// ("青莲社区的红袖标巡逻队"): the name (masked before 的) owns it, so it
// is a particular one, not the kind of thing an advice question wants.
var ownedTermRE = regexp.MustCompile(`　的([\p{Han}]{2,8}?(?:巡逻队|服务队|志愿队|调解队|帮帮团|服务站|驿站|工作室|议事会|议事厅|课堂|学堂|食堂|超市|信箱|讲堂|夜话|茶话会|恳谈会|说事会|服务社|互助会|服务岗|先锋岗))`)

// genericTerms are tails or words that name no particular method.
var genericTerms = []string{"工作", "工作法", "方法", "做法", "机制", "模式", "行动", "工程", "计划", "工作机制", "什么工作", "哪些工作"}

// unknownTerms are the method names a question gives that no article
// uses: "罗浩的三治融合是怎么做的" when no article says 三治融合.
func (e *entities) unknownTerms(norm string) []string {
	if len(e.known) == 0 {
		return nil
	}
	masked := norm
	for _, ks := range [][]nameKey{e.leaderKeys, e.methodKeys, e.stepKeys, e.placeKeys} {
		for _, k := range ks {
			masked = strings.ReplaceAll(masked, k.key, "　")
		}
	}
	var out []string
	for _, m := range ownedTermRE.FindAllStringSubmatch(masked, -1) {
		if term := m[1]; !e.corpusSays(term) && !e.corpusSays(flatten(term)) && !slices.Contains(out, term) {
			out = append(out, term)
		}
	}
	for _, m := range termRE.FindAllStringSubmatch(masked, -1) {
		term := m[1] + m[2] + m[3]
		if m[1] == "" {
			// "推行的五心工作法": the name starts after the last 的 and any
			// verb that introduces it.
			if i := strings.LastIndex(term, "的"); i >= 0 {
				term = term[i+len("的"):]
			}
			for _, v := range append(slices.Clone(stepVerbs), "推行", "提出", "总结", "探索", "发明", "首创", "采用", "使用", "学习", "借鉴") {
				if rest, ok := strings.CutPrefix(term, v); ok && utf8.RuneCountInString(rest) >= 3 {
					term = rest
					break
				}
			}
		}
		for _, w := range stripWords {
			if w != "" && strings.HasPrefix(term, w) && utf8.RuneCountInString(term)-utf8.RuneCountInString(w) >= 2 {
				term = strings.TrimPrefix(term, w)
			}
		}
		if utf8.RuneCountInString(term) < 3 || slices.Contains(genericTerms, term) || slices.Contains(out, term) {
			continue
		}
		if !e.corpusSays(term) && !e.corpusSays(flatten(term)) {
			out = append(out, term)
		}
	}
	return out
}
