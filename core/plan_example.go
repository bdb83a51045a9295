package core

// The example plan: "有没有具体的例子" is answered with a case the article
// tells (a yard, a resident), never the definition again.

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"bangyang/zh"
)

// caseRE marks a sentence telling a particular case: a numbered house or
// yard, a named resident (老张, 毛大姐, 王大爷), someone living there.
var caseRE = regexp.MustCompile(`\d+号|号院|号楼|[\p{Han}]{2,4}(小区|院落|楼院)|住户|家住|居民[\p{Han}]{2,3}(说|讲|告诉|反映)|老[张王李赵刘陈杨黄吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤]|[\p{Han}](大妈|大爷|大姐|大哥|阿姨|奶奶|爷爷|师傅|婆婆)`)

// estateRE is caseRE's estate mark (金桂小区): a case only when the name
// is not a kind of estate (老旧小区, 无物业小区, 改造小区) or a clause
// (就是楼院), which its characters tell.
var estateRE = regexp.MustCompile(`^[\p{Han}]{2,4}(小区|院落|楼院)$`)

const genericEstateRunes = "改造建设管理治服务有和与及的个老旧新无等各每些多部分整周边物业商品房开放封闭这那里内外片座就是在到了把让为"

// storyTimeRE dates a particular occasion: 去年夏天, 有一次, 2019年3月.
// careerRE is a step of her career (当选, 担任), no case of a method.
var careerRE = regexp.MustCompile(`当选|担任|任命|调任|兼任|就任|上任`)

var storyTimeRE = regexp.MustCompile(`去年|前年|那年|有一次|有一天|一天|那天|那次|\d+月|夏天|冬天|春节|除夕|深夜|凌晨`)

// tellsACase reports a sentence holding a particular case: caseRE's mark
// other than a kind of estate, or a dated occasion with a number or a
// person in it.
func tellsACase(norm string) bool {
	for _, m := range caseRE.FindAllString(norm, -1) {
		if estateRE.MatchString(m) {
			name := []rune(m)
			if strings.ContainsAny(string(name[:len(name)-2]), genericEstateRunes) {
				continue
			}
		}
		return true
	}
	return storyTimeRE.MatchString(norm) && (digitRE.MatchString(norm) || strings.ContainsAny(norm, "户家人")) &&
		isDoing(norm) && !careerRE.MatchString(norm)
}

// honourRE is praise or an honour: no case of a method.
var honourRE = regexp.MustCompile(`授予|荣获|称号|表彰|被评为|获评`)

// planExample answers "有没有具体的例子": a case the article tells of the
// method (or of the leader's work on the topic asked): a concrete
// sentence with its story, never the definition again.
func (p *planner) planExample() *draft {
	d := &draft{leaders: slices.Clone(p.q.Leaders), methods: slices.Clone(p.q.Methods)}
	var leader string
	var names []string
	var def sentRef
	if len(p.q.Methods) > 0 {
		m, ok := p.method(p.q.Methods[0])
		if !ok {
			d.refused = true
			return d
		}
		leader = m.Leader
		d.leaders = nonEmpty(leader)
		names = append(names, flatten(zh.ToSimplified(strings.Trim(m.Name, "“”"))))
		for _, a := range m.Aliases {
			if a = flatten(zh.ToSimplified(strings.Trim(a, "“”"))); utf8.RuneCountInString(a) >= 2 {
				names = append(names, a)
			}
		}
		if core := nameCore(names[0]); core != names[0] {
			names = append(names, core) // 网格化管理 is told as 网格
		}
		def, _ = p.definitionOf(m)
		d.lead = p.leaderLabel(leader) + "的“" + strings.Trim(m.Name, "“”") + "”，文中的例子："
	} else {
		leader = p.q.Leaders[0]
		d.lead = p.leaderLabel(leader) + "的工作，文中的例子："
	}
	sents := p.s.leaderSentences(leader)
	var topic weightedTerms
	if rest := residual(p.q.Topic); rest != "" && len(names) == 0 {
		topic = p.terms(rest, p.expansion(), sents)
	}
	// A case is told near the method's name: in a sentence naming it, or
	// within the few sentences after one.
	near := map[string]bool{}
	for i, r := range sents {
		if len(names) == 0 || matchesAny(flatten(r.norm), names) {
			for j := i; j < len(sents) && j <= i+4; j++ {
				if sents[j].chunk.ArticleID == r.chunk.ArticleID {
					near[sents[j].key()] = true
				}
			}
		}
	}
	var best sentRef
	bestScore := 0.0
	for _, r := range sents {
		if !near[r.key()] || r.key() == def.key() || !tellsACase(r.norm) || honourRE.MatchString(r.norm) || !p.fresh(r) || isHeadingLike(r.text) || isQuestion(r.text) {
			continue
		}
		sc := 1.0
		if len(names) > 0 && matchesAny(flatten(r.norm), names) {
			sc += 0.5 // "南院门12号院……就是按照“五步议事法”议出来的"
		}
		if topic.total > 0 {
			s, _ := topic.score(r.norm)
			sc += s
		}
		sc += 0.2 * float64(len(caseRE.FindAllString(r.norm, -1)))
		if sc > bestScore {
			best, bestScore = r, sc
		}
	}
	if best.chunk == nil {
		d.refused = true
		switch {
		case len(names) > 0:
			d.lead = "资料中没有讲“" + strings.Trim(p.q.Methods[0], "“”") + "”的具体例子。"
			if def.chunk != nil {
				d.add(item{quote: def})
			}
		case leader != "":
			// Still about her: what her articles do tell, not the list
			// of every secretary.
			d.lead = "资料中没有讲" + leader + "工作中的具体例子。"
			p.addProfileLine(d, leader, sents)
		default:
			d.lead = "资料中没有讲具体的例子。"
		}
		return d
	}
	p.take(best)
	st := p.story(best, maxAnswerRunes-80)
	if len(st) == 1 {
		// A case goes on after its first sentence ("居民提出问题后……").
		for _, r := range p.s.sentencesAfter(best.chunk, best.pos, 2) {
			if r.chunk == best.chunk && r.para == best.para && p.fresh(r) && !fragment(r.text) {
				p.take(r)
				st = append(st, r)
			}
		}
	}
	d.add(item{quote: st[0], more: st[1:]})
	d.context = appendChunk(d.context, best.chunk)
	return d
}

// nameCoreSuffixes are the generic tails of a method's name.
var nameCoreSuffixes = []string{"工作法", "管理", "模式", "机制", "活动", "服务", "工程", "行动", "制度", "体系", "方法", "法"}

// nameCore is a method's name without its generic tail (网格化管理 → 网格,
// 四单工作法 → 四单), when two characters or more remain.
func nameCore(name string) string {
	core := name
	for _, suf := range nameCoreSuffixes {
		if rest, ok := strings.CutSuffix(core, suf); ok && utf8.RuneCountInString(rest) >= 2 {
			core = rest
			break
		}
	}
	if rest, ok := strings.CutSuffix(core, "化"); ok && utf8.RuneCountInString(rest) >= 2 {
		core = rest
	}
	return core
}
