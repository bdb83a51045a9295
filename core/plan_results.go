package core

// What came of a leader's work: result sentences, how things changed,
// and her main doings when a question asks how she brought a change about.

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// changeRE asks how things changed.
var changeRE = regexp.MustCompile(`变化|变样|改变|转变|巨变`)

// generalResultRE asks for results in general, not in a field.
var generalResultRE = regexp.MustCompile(`成绩|成效|成果|效果|变化|业绩|贡献|成就|收获|亮点`)

// resultSignals are what a result sentence states: counts of what was
// done, rates, honours, a before/after.
var resultSignals = []*regexp.Regexp{
	regexp.MustCompile(`累计|共[计有]?|先后|已[经]?|办成|办结|建成|[\d一二两三四五六七八九十多]+年来`),
	regexp.MustCompile(`\d+(\.\d+)?%|满意[度率]|成功率|覆盖率`),
	regexp.MustCompile(`\d+[余多]?[个件次人户名家支项万]`),
	regexp.MustCompile(`荣获|获评|被评为|授予|当选|称号|表彰`),
	regexp.MustCompile(`如今|目前|现在|变成|变为|转变|从原来|提升|提高|增加到|增至|从[^，,。]{1,12}(增加|上升|提高)到|下降|减少|降低|降到|减到`),
}

// cameOfItRE tells what came of work, even beside a problem (解决了,
// 办结, 满意率).
var cameOfItRE = regexp.MustCompile(`如今|目前|现在|累计|办结|办成|满意|成功率|增加|提升|提高|解决了|化解|建成|实现|下降|减少|降低`)

// resultRanked ranks a leader's sentences by how many kinds of result
// they state; sentences about her (or her community) only.
func resultRanked(cands []sentRef, leader string, s *Service) []rankedSent {
	var out []rankedSent
	for _, c := range cands {
		if isHeadingLike(c.text) || isQuestion(c.text) || s.namesOtherLeader(c.norm, leader) || bornYearRE.MatchString(c.norm) {
			continue // (her profile line, born…honours, is who she is, not what came of her work)
		}
		sc := 0.0
		for _, re := range resultSignals {
			if re.MatchString(c.norm) {
				sc++
			}
		}
		if sc < 2 || isProblem(c.norm) && !cameOfItRE.MatchString(c.norm) || placeAsItIs(c.norm) || thenNotNow(c.norm) {
			continue // "一共有47个院落，很多没有物业", "社区始建于…共有居民楼42栋": how it was, not what came of it
		}
		out = append(out, rankedSent{c, sc, 0})
	}
	slices.SortStableFunc(out, func(a, b rankedSent) int { return cmpScore(b.score, a.score) })
	return out
}

// changeToldRE is a sentence telling the change itself ("社区天天在变样,
// 环境美了,人心齐了", "这是对今天的倒生根社区最形象的描绘").
var changeToldRE = regexp.MustCompile(`变样|变了样|面貌|焕然一新|旧貌换新颜|今天的|如今的|变成了|从原来|天天在变|越来越`)

// changeRanked raises, among the results, the sentences that tell the
// change itself: asked how things changed, they say it best.
func changeRanked(cands []sentRef, results []rankedSent, leader string, s *Service) []rankedSent {
	out := slices.Clone(results)
	at := map[string]int{}
	for i, r := range out {
		at[r.key()] = i
	}
	for _, c := range cands {
		if isHeadingLike(c.text) || isQuestion(c.text) || !changeToldRE.MatchString(c.norm) || s.namesOtherLeader(c.norm, leader) {
			continue
		}
		if i, ok := at[c.key()]; ok {
			out[i].score += 1.5
			continue
		}
		at[c.key()] = len(out)
		out = append(out, rankedSent{c, 3.5, 0})
	}
	slices.SortStableFunc(out, func(a, b rankedSent) int { return cmpScore(b.score, a.score) })
	return out
}

// transformRE is a sentence summing up a change someone brought about.
var transformRE = regexp.MustCompile(`把.{1,20}(变成|转变为|变为|建成|打造成|打造为|带成|发展成)|由.{1,12}(变成|转变为)`)

// keyMoves are the leader's doings across her article, one per section
// (the sentence in it telling most of what she did), after the summing-up
// sentence, within the answer's budget.
func (p *planner) keyMoves(cands []sentRef, leader string, summary sentRef) []sentRef {
	var best []sentRef // per section
	var bestN []int
	section := 0
	for _, r := range cands {
		if isHeadingLike(r.text) {
			section++
			continue
		}
		if r.key() == summary.key() || !isDoing(r.norm) || isProblem(r.norm) || !p.fresh(r) || fragment(r.text) {
			continue
		}
		if !p.s.namesLeader(r.norm, leader) && !strings.Contains(r.norm, "她") && !strings.Contains(r.norm, "他") {
			continue
		}
		for len(best) <= section {
			best, bestN = append(best, sentRef{}), append(bestN, 0)
		}
		if n := len(practiceRE2.FindAllString(r.norm, -1)); n > bestN[section] {
			best[section], bestN[section] = r, n
		}
	}
	var out []sentRef
	runes := utf8.RuneCountInString(summary.text)
	for _, r := range best {
		if r.chunk == nil {
			continue
		}
		n := utf8.RuneCountInString(r.text)
		if runes+n > maxAnswerRunes || len(out) == 4 {
			break
		}
		p.take(r)
		runes += n
		out = append(out, r)
	}
	return out
}

// noField reports a results question that names no field of work: what
// is left without result words, her community's names and spans of time
// ("倒生根社区这些年的变化") is nothing.
func (p *planner) noField(topic string) bool {
	rest := generalResultRE.ReplaceAllString(topic, " ")
	for _, k := range p.s.ents.placeKeys {
		rest = strings.ReplaceAll(rest, k.key, " ")
	}
	rest = spanRE.ReplaceAllString(rest, " ")
	return utf8.RuneCountInString(residual(rest)) < 2 // a lone 年 of 这些年 is no field
}

// spanRE is a span of time in a question (这些年, 近几年, 多年来).
var spanRE = regexp.MustCompile(`这些年|这几年|近几年|近年来|近年|多年来|多年|几年来|几年|以来|这么多年|一直|取得|获得|带来|做出|达到|主要|工作`)

// problemAskRE and praiseAskRE are what is left of a question asking her
// difficulties or what people say of her, in general.
var (
	problemAskRE = regexp.MustCompile(`遇到过?|遇到|最大的?|主要的?|面临|什么|哪些|困难|难题|难处|挑战|阻力|问题|工作中|过程中|为什么要?|为啥要?|当初|(这么|这样|那样|这个|那个)(做|干|搞|办|弄)|搞|为|要`)
	praiseAskRE  = regexp.MustCompile(`居民|群众|大家|别人|怎么|如何|评价|看待|口碑|印象|说`)
	// evalAskRE asks what people think of her.
	evalAskRE = regexp.MustCompile(`评价|口碑|印象|怎么看|(居民|群众|大家|街坊|老人|别人)(都)?(怎么|如何)(说|讲|夸)|反响`)
	// praiseRE is what people say of her: their words, their praise.
	praiseRE = regexp.MustCompile(`(居民|群众|大家|老人|街坊|住户|党员)[^，。]{0,8}(说|称赞|夸|评价|竖起大拇指|点赞|叫她|叫他)|竖起大拇指|交口称赞|好评|赞不绝口|称她|称他`)
)

// problemsOf ranks her sentences telling a difficulty she met (at her
// arrival, on the way), those naming her or her community first.
func problemsOf(cands []sentRef, leader string, s *Service) []rankedSent {
	var out []rankedSent
	for _, c := range cands {
		if isHeadingLike(c.text) || s.namesOtherLeader(c.norm, leader) || !isProblem(c.norm) {
			continue
		}
		sc := 1.0 + 0.5*float64(len(problemWds.FindAllString(c.norm, -1)))
		if startRE.MatchString(c.norm) {
			sc += 1
		}
		out = append(out, rankedSent{c, sc, 0})
	}
	slices.SortStableFunc(out, func(a, b rankedSent) int { return cmpScore(b.score, a.score) })
	return out
}

// praiseOf ranks the sentences telling what people say of her.
func praiseOf(cands []sentRef, leader string, s *Service) []rankedSent {
	var out []rankedSent
	for _, c := range cands {
		if isHeadingLike(c.text) || s.namesOtherLeader(c.norm, leader) || !praiseRE.MatchString(c.norm) {
			continue
		}
		out = append(out, rankedSent{c, 1, 0})
	}
	return out
}
