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

const genericEstateRunes = "改造建设管理治服务有和与及的个老旧新无等各每些多部分整周边物业商品房开放封闭这那里内外片座就是在到了把让为对向给将从进入"

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

// saidOnlyRE is a sentence that only says who said the words before it
// ("78岁的居民胡奶奶说。").
var saidOnlyRE = regexp.MustCompile(`^[^，,。：:“”]{0,20}(说|表示|感慨|笑着说|告诉记者|动情地说)[。！!]?$`)

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
	// (An example the article introduces as one — 比如, 有一次, 就拿…来说 —
	// may come a paragraph later.)
	near := map[string]bool{}
	for i, r := range sents {
		if len(names) == 0 || matchesAny(flatten(r.norm), names) {
			for j := i; j < len(sents) && j <= i+8; j++ {
				if sents[j].chunk.ArticleID == r.chunk.ArticleID && (j <= i+4 || exampleOpenRE.MatchString(sents[j].norm)) {
					near[sents[j].key()] = true
				}
			}
		}
	}
	// A method told in steps has its cases under the steps, however far
	// from its name (针对议事协商，…。比如去年3号楼车棚漏雨，…): each step's
	// sentences, and what follows them in their paragraph, are near it.
	if len(p.q.Methods) > 0 {
		if m, ok := p.method(p.q.Methods[0]); ok {
			for _, proc := range m.Procedure {
				for _, r := range quotes(p, proc) {
					near[r.key()] = true
					for _, x := range p.s.sentencesAfter(r.chunk, r.pos, 3) {
						if x.chunk == r.chunk && x.para == r.para {
							near[x.key()] = true
						}
					}
				}
			}
		}
	}
	// In a paragraph the last answer showed, a case is of what was just told
	// ("她是怎么化解矛盾的" then "能举个例子吗"), even if it was shown with
	// it; one not shown yet goes first otherwise.
	byPrev := map[string]bool{}
	if p.prev != nil {
		prevShown := map[string]bool{}
		for _, k := range p.prev.Shown {
			prevShown[k] = true
		}
		for i, r := range sents {
			if prevShown[r.key()] {
				for j := i; j < len(sents) && j <= i+4 && sents[j].chunk == r.chunk && sents[j].para == r.para; j++ {
					byPrev[sents[j].key()] = true
				}
			}
		}
	}
	find := func() (sentRef, bool) {
		var best sentRef
		bestScore := 0.0
		for _, r := range sents {
			opens := exampleOpenRE.MatchString(r.norm)
			if !near[r.key()] || r.key() == def.key() || !(tellsACase(r.norm) || opens) || honourRE.MatchString(r.norm) || p.used[r.key()] || isHeadingLike(r.text) || isQuestion(r.text) ||
				!opens && (saidOnlyRE.MatchString(r.norm) || praiseRE.MatchString(r.norm)) {
				// ("78岁的居民胡奶奶说。", "大家都夸她……": who said it, or
				// praise, is no case of what she did.)
				continue
			}
			sc := 1.0
			if opens {
				sc += 1 // the article says it is an example
			}
			if byPrev[r.key()] {
				sc += 1.5
			}
			if !p.fresh(r) {
				sc -= 1
			}
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
		return best, best.chunk != nil
	}
	if told := p.exampleAnswered(sents, leader); len(told) > 0 {
		// An interviewer asked her for one ("有没有具体的故事？"): her
		// answer is the case.
		for _, r := range told {
			p.take(r)
		}
		d.add(item{quote: told[0], more: told[1:]})
		d.context = appendChunk(d.context, told[0].chunk)
		return d
	}
	best, ok := find()
	if ok {
		// A case whose opening was shown before starts there all the same
		// ("比如12号楼的化粪池……" before "老周把情况报上来后……").
		para := p.s.paragraph(best)
		for i, x := range para {
			if x.key() != best.key() {
				continue
			}
			for k := i - 1; k >= 0 && k >= i-2; k-- {
				if exampleOpenRE.MatchString(para[k].norm) && !tellsACase(best.norm) || exampleOpenRE.MatchString(para[k].norm) && !exampleOpenRE.MatchString(best.norm) {
					best = para[k]
					break
				}
			}
			break
		}
	}
	if !ok {
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
	if !p.fresh(best) {
		// Shown already with how she did it: still the example asked for,
		// said so, told whole (its paragraph), rather than refused.
		d.lead = strings.TrimSuffix(d.lead, "文中的例子：") + "上面提到的例子就是文中讲的："
		st := []sentRef{best}
		p.take(best)
		runes := utf8.RuneCountInString(best.text)
		for _, r := range p.s.paragraph(best) {
			if r.pos <= best.pos || p.used[r.key()] || fragment(r.text) {
				continue
			}
			if runes += utf8.RuneCountInString(r.text); runes > maxAnswerRunes-80 {
				break
			}
			p.take(r)
			st = append(st, r)
		}
		d.add(item{quote: st[0], more: st[1:]})
		d.context = appendChunk(d.context, best.chunk)
		return d
	}
	p.take(best)
	st := p.story(best, maxAnswerRunes-80)
	if len(st) == 1 {
		// A case goes on after its first sentence ("居民提出问题后……"),
		// even if an earlier answer showed how it went on: the case is
		// told whole.
		for _, r := range p.s.sentencesAfter(best.chunk, best.pos, 2) {
			if r.chunk == best.chunk && r.para == best.para && !p.used[r.key()] && !fragment(r.text) {
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

// exampleAnswered is her answer to an interviewer asking for a case
// ("有没有具体的故事？", "能举个例子吗？"), up to the answer budget; fresh
// sentences only, nil when no one asked.
func (p *planner) exampleAnswered(sents []sentRef, leader string) []sentRef {
	for _, r := range sents {
		if !p.s.isAsked(r) || !exampleAskedRE.MatchString(askedAsHer(r.norm)) {
			continue
		}
		var out []sentRef
		runes := 0
		for _, x := range p.s.answerTo(r, leader) {
			n := utf8.RuneCountInString(x.text)
			if !p.fresh(x) || fragment(x.text) && len(out) == 0 || runes+n > maxAnswerRunes-80 {
				continue
			}
			runes += n
			out = append(out, x)
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// exampleAskedRE is an interviewer asking for a case.
var exampleAskedRE = regexp.MustCompile(`例子|案例|故事|事例|举个|实例`)
