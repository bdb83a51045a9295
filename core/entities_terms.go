package core

// Names read from text beside the catalog: a second secretary's post,
// and method names a question gives that no article uses.

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// postRE is a community post written before a name: 文艺路社区党委书记.
var postRE = regexp.MustCompile(`([\p{Han}]{2,16}?(?:社区|街道|村))((?:党委|党总支|党支部|居委会)?(?:书记|主任|副书记))$`)

// appositiveRE is a post written just after a name, as an apposition or
// a profile line: 柏建新同志，清江市…新桥社区党委书记; 巫红霞（…古楼社区党委
// 书记）; 谭玉芬，女，1971年生，…月湾社区党委书记. Only a profile's clauses
// (女, 1971年生, 中共党员) may stand between: in "王丽，陪同新桥社区党委
// 书记张三" the post is someone else's.
var appositiveRE = regexp.MustCompile(`^(?:同志)?[，,（(](?:(?:女|男|[\p{Han}]{1,4}族|\d{4}年(?:\d{1,2}月)?生|中共党员|党员|[\p{Han}]{2,6}人|[\p{Han}]{2,4}学历)[，,]){0,5}(?:现任|任|系|是)?([\p{Han}]{2,24}?(?:社区|街道|村|小区))((?:党委|党总支|党支部|居委会)?(?:书记|主任))(?:[，,。；;、）)]|$)`)

// postAfterRE is a post taken up, written after the name in the same
// sentence: 韦志鹏……2021年调任董家塅街道云岭社区党委书记.
var postAfterRE = regexp.MustCompile(`(?:调任|担任|出任|任|当选为?|成为)([\p{Han}]{2,16}?(?:社区|街道|村|小区))((?:党委|党总支|党支部|居委会)?(?:书记|主任))`)

// postBefore reads the place and post written just before name in text
// (文艺路社区党委书记李文静), else just after it (an apposition, a profile
// line), else the post taken up later in the sentence naming her.
func postBefore(text, name string) (place, role string) {
	i := strings.Index(text, name)
	if i < 0 {
		return "", ""
	}
	if m := postRE.FindStringSubmatch(text[:i]); m != nil {
		place = m[1]
		if j := strings.LastIndex(place, "的"); j >= 0 {
			place = place[j+len("的"):] // 相邻的文艺路社区 → 文艺路社区
		}
		return place, m[2]
	}
	rest := text[i+len(name):]
	if j := strings.IndexAny(rest, "。！？；"); j >= 0 {
		rest = rest[:j]
	}
	if m := appositiveRE.FindStringSubmatch(rest); m != nil {
		return m[1], m[2]
	}
	if m := postAfterRE.FindStringSubmatch(rest); m != nil {
		return m[1], m[2]
	}
	return "", ""
}

// termRE is how a question names a method or programme: in quotes, with
// a method's tail (工作法, 机制, 行动 …), or as a numbered shorthand
// (三治融合, 五步议事).
var termRE = regexp.MustCompile(`[“"「『]([\p{Han}]{2,12})[”"」』]|([\p{Han}]{2,8}?(?:工作法|工作机制|机制|模式|行动|工程|计划))|([一二三四五六七八九十两百千][\p{Han}]{1,2}(?:融合|联动|共治|合一|议事|服务|到家|清单|工作))`)

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
