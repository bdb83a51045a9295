package core

// A practice is told in the genre as a small story: the problem, what she
// did, how it turned out. The sentence that best matches a question is
// often the problem ("小吃街还是自发形成的夜市,无序管理、脏乱差") or the
// outcome ("在她的言传身教下……凝聚了起来"); what someone can learn from is
// the doing next to it. story finds that doing.

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// outcomeOpenRE opens a sentence that tells what came of an effort
// rather than the effort: "在她的带动下", "经过两年努力", "就这样".
var outcomeOpenRE = regexp.MustCompile(`^(在[^，,。]{0,14}(下|中)[，,]|经过[^，,。]{0,12}[，,]|(如今|现在|目前|最终|终于|从此|后来|就这样|这样一来|久而久之|渐渐地?|慢慢地?|截至目前|截止目前|至今)[，,]?|([一二两三四五六七八九十几多\d]+|近[一二两三四五六七八九十几\d]+)年(来|间|多来|多时间里)[，,]|[^，,。]{1,6}下来[，,])`)

// isOutcome reports a sentence that tells how things turned out.
func isOutcome(norm string) bool {
	n := strings.TrimLeft(strings.TrimSpace(norm), "“\"")
	if outcomeOpenRE.MatchString(n) {
		return true
	}
	if yearsOpenRE.MatchString(n) && (!isDoing(n) || doneAtLastRE.MatchString(n) || resultWords.MatchString(n) || cameOfItRE.MatchString(n)) {
		return true // "两年间，…完成改造，没有发生一起群体上访" (not "十年来，她坚持每天走访")
	}
	return resultWords.MatchString(n) && !practiceRE2.MatchString(n)
}

var (
	// yearsOpenRE opens with the years something went on: 两年间，, 十年来，.
	yearsOpenRE = regexp.MustCompile(`^[\d一二两三四五六七八九十几]+年(间|来|多来|多时间里)[，,]`)
	// doneAtLastRE tells work finished or a trouble gone (完成改造, 没有
	// 发生一起, 全部实现).
	doneAtLastRE = regexp.MustCompile(`完成[^，,。]{0,4}(改造|任务|目标|整治)|全部(实现|完成)|没有(发生|出现)(过)?一起|零(投诉|上访|事故)`)
)

// pastOpenRE opens a sentence about how things were before.
var pastOpenRE = regexp.MustCompile(`^(过去|以前|此前|之前|原来|原先|当时|曾经?|早些年|那时|就在[^，,]{0,6}前|[^，,]{0,8}(年|时)前)`)

// isProblem reports a sentence that tells a difficulty and no doing (or
// how things were before), or asks how to overcome one.
func isProblem(norm string) bool {
	if isQuestion(norm) {
		return true
	}
	n := strings.TrimLeft(strings.TrimSpace(norm), "“\"")
	if resolvedRE.MatchString(n) {
		return false // "消防通道再也没被堵过": the problem gone, an outcome
	}
	if contrastOpenRE.MatchString(n) {
		return true // "但落到实处绝非易事": the difficulty met on the way
	}
	if situationRE.MatchString(n) && (!practiceRE2.MatchString(n) || placeSubjectRE.MatchString(n)) {
		// "较场口社区地处母城核心，流动人口多": the ground she works on,
		// even when it names what failed there ("上门常常扑空").
		return true
	}
	// A problem something is done with (进来反映问题, 当天解决困难) tells
	// no difficulty of the place.
	n = handledRE.ReplaceAllString(n, "")
	return problemWds.MatchString(n) && (!practiceRE2.MatchString(n) || pastOpenRE.MatchString(n))
}

// handledRE is a problem as the object of a doing: 反映问题, 收集居民诉求,
// 化解矛盾.
var handledRE = regexp.MustCompile(`(反映|收集|解决|排查|化解|办理|处理|调解|帮助解决|登记)(了)?[^，,。；]{0,4}(问题|困难|矛盾|诉求|纠纷|难事|难题)`)

// resolvedRE tells a problem gone: 再也没, 没有再 (not 不再: "年轻人不再
// 参加活动" tells a problem).
var resolvedRE = regexp.MustCompile(`再也(没|不)|没有再|再没`)

// opensComplaint reports a sentence opening with a quote that states a
// problem ("“老人去医院挂号太难了。”"): someone's complaint opening a
// story of its own.
func opensComplaint(r sentRef) bool {
	t := strings.TrimSpace(r.text)
	return (strings.HasPrefix(t, "“") || strings.HasPrefix(t, "\"") || strings.HasPrefix(t, "「")) && isProblem(r.norm)
}

// situationRE describes the community a practice answers to.
var situationRE = regexp.MustCompile(`地处|位于|是一个.{0,12}(社区|小区)|是典型的|辖区内有|以[^，,。]{1,10}为主|[人户商口]多[，,。、]|较多|众多|占了一半|占比|存在[^。；]{0,40}(问题|短板|难题|困难)`)

// placeSubjectRE opens a sentence about the community itself ("桂香社区
// 是一个新建小区", "这里位于…").
var placeSubjectRE = regexp.MustCompile(`^[^，,。；]{0,14}(社区|小区|街道|辖区|这里|该地)(是|位于|地处|有|共有|现有|住着|居住)`)

// contrastOpenRE opens a sentence turning to a difficulty.
var contrastOpenRE = regexp.MustCompile(`^(但|但是|可是|然而|不过|可)[，,]?`)

// isDoing reports a sentence that tells what someone did.
func isDoing(norm string) bool {
	return practiceRE2.MatchString(norm) && !isQuestion(norm) && !plannedRE.MatchString(norm) && !speechFrameRE.MatchString(norm)
}

// planned is what is yet to be done (下一步…还将推广, 我们准备把…): a
// plan, not something she did (为老人准备午餐 is done).
const planned = `^[^，,。]{0,4}(下一步|接下来|今后|未来|明年)[，,]?[^，,。]{0,10}(将|要|准备|打算|计划)|(准备|打算|计划)(在|把|再|明年|今年|下半年|进一步|逐步)|还将|将继续|将进一步`

// plannedRE is planned.
var plannedRE = regexp.MustCompile(planned)

// story returns the sentences that carry the practice anchor belongs to,
// in article order, anchor included, within budget runes: for an outcome
// the doing just before it in its paragraph, for a problem the doing (or
// the answer to the question) just after it, for a doing the next
// sentence when it goes on doing or tells the result. Sentences already
// used or shown are skipped; those returned are taken.
func (p *planner) story(anchor sentRef, budget int) []sentRef {
	used := utf8.RuneCountInString(anchor.text)
	var before, after []sentRef
	whose := p.s.sentenceLeader(anchor)
	fits := func(r sentRef) bool {
		n := utf8.RuneCountInString(r.text)
		if used+n > budget || !p.fresh(r) || fragment(r.text) || isHeadingLike(r.text) || p.s.sentenceLeader(r) != whose ||
			honourSentRE.MatchString(r.norm) && !honourSentRE.MatchString(anchor.norm) { // (her honour is no result of the practice)
			return false // another secretary's sentence is no part of hers
		}
		used += n
		p.take(r)
		return true
	}
	para := p.s.paragraph(anchor)
	switch {
	case isOutcome(anchor.norm):
		// Walk back over the doing that led to it (at most two sentences).
		opens := true // the outcome opens its paragraph
		for i := len(para) - 1; i >= 0 && len(before) < 2; i-- {
			r := para[i]
			if r.pos >= anchor.pos {
				continue
			}
			opens = false
			if r.pos < anchor.pos-3 || isProblem(r.norm) {
				break // the doing, not the hardship before it
			}
			if !fits(r) {
				break // keep the story contiguous
			}
			before = append([]sentRef{r}, before...)
		}
		if opens {
			// "现在，小区的消防通道再也没被堵过。" on its own: the doing
			// closing the paragraph before.
			if bs := p.s.sentencesBefore(anchor.chunk, anchor.pos, 1); len(bs) == 1 && isDoing(bs[0].norm) && !isProblem(bs[0].norm) &&
				bs[0].chunk.ArticleID == anchor.chunk.ArticleID && !isHeadingLike(bs[0].text) && fits(bs[0]) { // fits: hers alone
				before = []sentRef{bs[0]}
			}
		}
	case isProblem(anchor.norm) || isBackground(anchor.norm):
		// Walk forward past more of the problem (or of the ground it stands on) to the doing (or the answer
		// a question gets), within the passage.
		headings := 0
		for _, r := range p.s.sentencesAfter(anchor.chunk, anchor.pos, 6) {
			// The doing may open the next paragraph or passage ("社区还位于
			// 城乡接合部……管理难度可想而知。" then "2012年初,她……"), or
			// the next section, under a heading that names it; in an
			// interview, the next answer only for the first doing.
			if len(after) == 2 || len(after) > 0 && !p.s.sameExchange(anchor, r) {
				break
			}
			if isHeadingLike(r.text) {
				if headings++; headings > 1 || len(after) > 0 {
					break
				}
				continue
			}
			if len(after) == 0 && r.para != anchor.para && opensComplaint(r) {
				break // another complaint opens another story
			}
			if isQuestion(r.norm) && len(after) == 0 {
				// "如何实现两全？" — the sentence after it is the answer.
				if fits(r) {
					after = append(after, r)
				}
				continue
			}
			answer := len(after) > 0 && isQuestion(after[len(after)-1].norm) || isQuestion(anchor.norm) && len(after) == 0 && r.pos == anchor.pos+1
			// "第一步摸清底数，…；第二步…" (an answer to 你们是怎么做的) tells
			// the doing step by step.
			if (!isDoing(r.norm) || isBackground(r.norm)) && !answer && !opensOrdinal(r.text) {
				if len(after) > 0 {
					break
				}
				continue
			}
			if fits(r) {
				after = append(after, r)
			}
		}
	default:
		for _, r := range p.s.sentencesAfter(anchor.chunk, anchor.pos, 1) {
			same := r.chunk == anchor.chunk && r.para == anchor.para
			// The next paragraph too when it opens on what came of it
			// ("现在，小区的消防通道再也没被堵过。").
			next := r.chunk.ArticleID == anchor.chunk.ArticleID && outcomeOpenRE.MatchString(strings.TrimSpace(r.norm))
			if same && (isDoing(r.norm) || isOutcome(r.norm)) || !same && next {
				if fits(r) {
					after = append(after, r)
				}
			}
		}
	}
	out := append(before, anchor)
	return append(out, after...)
}

// paragraphBoost raises each sentence by part of the best score of the
// other sentences in its paragraph: a sentence in a paragraph about the
// topic is more likely on it than one that shares a word in passing.
func paragraphBoost(ranked []rankedSent, w float64) []rankedSent {
	type key struct {
		chunk string
		para  int
	}
	type top2 struct{ a, b float64 }
	best := map[key]top2{}
	for _, r := range ranked {
		k := key{r.chunk.ID, r.para}
		t := best[k]
		switch {
		case r.score > t.a:
			t.a, t.b = r.score, t.a
		case r.score > t.b:
			t.b = r.score
		}
		best[k] = t
	}
	for i, r := range ranked {
		t := best[key{r.chunk.ID, r.para}]
		other := t.a
		if r.score >= t.a {
			other = t.b
		}
		ranked[i].score += w * other
	}
	slices.SortStableFunc(ranked, func(a, b rankedSent) int { return cmpScore(b.score, a.score) })
	return ranked
}

// hardshipRE tells a difficulty met while doing something ("改造夜市并不
// 容易", "但落到实处绝非易事"), not the problem a practice answers.
var hardshipRE = regexp.MustCompile(`^(但|但是|可是|然而|不过)|不容易|易事|谈何容易|困难重重|闭门羹`)

// solvedBy passes the match of a problem to the doing that follows it:
// asked about 流动人口, the sentence that says there were 7000 migrants
// matches, and what she did about them ("2012年初,她……实行网格化管理")
// is what someone can learn from. The problem keeps part of its score
// (it may still be the best anchor of its story). It returns the doing
// each problem passed its match to, so the answer can tell them together.
func (p *planner) solvedBy(ranked []rankedSent) ([]rankedSent, map[string]sentRef) {
	at := map[string]int{}
	for i, r := range ranked {
		at[r.key()] = i
	}
	cause := map[string]sentRef{}
	n := len(ranked)
	for i := 0; i < n; i++ {
		r := ranked[i]
		if !isProblem(r.norm) && !isBackground(r.norm) || isQuestion(r.norm) || hardshipRE.MatchString(r.norm) {
			continue // a hardship met on the way is not what the practice answers
		}
		passed := 0
		whose := p.s.sentenceLeader(r.sentRef)
		for _, x := range p.s.sentencesAfter(r.chunk, r.pos, 4) {
			if p.s.sentenceLeader(x) != whose {
				break // another secretary's section: not what answered her problem
			}
			if isHeadingLike(x.text) {
				continue
			}
			if passed == 0 && (x.chunk != r.chunk || x.para != r.para) && opensComplaint(x) {
				break // another complaint opens another story
			}
			if isQuestion(x.norm) || hardshipRE.MatchString(x.norm) {
				// "如何实现两全？": the problem's own story answers it
				// (story follows a question to its answer); a hardship
				// opens another story.
				break
			}
			if !isDoing(x.norm) || isProblem(x.norm) || isBackground(x.norm) {
				if passed > 0 {
					break
				}
				continue
			}
			share := r.score * (0.9 - 0.3*float64(passed))
			if j, ok := at[x.key()]; ok {
				if ranked[j].score >= share {
					break // it matches on its own
				}
				ranked[j].score = share
			} else {
				at[x.key()] = len(ranked)
				ranked = append(ranked, rankedSent{x, share, r.covered})
			}
			if passed == 0 {
				cause[x.key()] = r.sentRef
			}
			if passed++; passed == 2 {
				break
			}
		}
		if passed > 0 {
			ranked[i].score *= 0.6
		}
	}
	slices.SortStableFunc(ranked, func(a, b rankedSent) int { return cmpScore(b.score, a.score) })
	return ranked, cause
}

// isBackground reports a sentence that tells the ground a practice stands
// on rather than what was done on it: the community and who lives there
// ("锦绣社区是20多年前建成的老小区，住户大多是……老人", "每年都有四百多位
// ……妈妈在学校周边租房"), how the people asked about live ("楼宇里的党员
// 分散在各家企业，很多人的组织关系还在老家"), or an attempt before hers
// that failed ("以前社区也组织过几次清理，可菜今天拔了，过几天又种上了").
// Such a sentence often shares the most words with a problem asked in
// everyday words; what someone can learn from is the doing after it.
// practiceRE2 alone would take it for a doing (建成, 每年, 组织关系).
func isBackground(norm string) bool {
	n := strings.TrimLeft(strings.TrimSpace(norm), "“\"")
	if isQuestion(n) || isOutcome(n) || resolvedRE.MatchString(n) {
		return false
	}
	if failedAttemptRE.MatchString(n) {
		return true
	}
	if placeSubjectRE.MatchString(n) || placeAsItIsRE.MatchString(n) {
		// The community as the subject: background, unless a later clause
		// tells a doing on it ("社区共有86个楼栋，于海燕推动……").
		first := strings.IndexAny(n, "，,")
		return first < 0 || !herDoingRE.MatchString(n[first:])
	}
	if herDoingRE.MatchString(n) {
		return false // "她召开居民议事会……": a doing, whatever else it tells
	}
	if !practiceRE2.MatchString(notDoingRE.ReplaceAllString(n, "")) && (peopleCountRE.MatchString(n) || howTheyLiveRE.MatchString(n)) {
		return true
	}
	return false
}

// inBackground reports a sentence of background (isBackground), or one
// going on with the background its paragraph opens on and telling no
// doing of its own ("东湖社区的中心广场紧挨着三栋居民楼。" then "每天晚上
// 七点，五支广场舞队同时开跳，音响一个比一个大。": the residents' evening,
// not a routine she set up).
func (s *Service) inBackground(r sentRef) bool {
	if isBackground(r.norm) {
		return true
	}
	if isOutcome(r.norm) || isQuestion(r.norm) || herDoingRE.MatchString(r.norm) {
		return false
	}
	para := s.paragraph(r)
	if len(para) < 2 || para[0].pos == r.pos || !isBackground(para[0].norm) {
		return false
	}
	return !practiceRE2.MatchString(scheduleRE.ReplaceAllString(notDoingRE.ReplaceAllString(r.norm, ""), ""))
}

// scheduleRE is when something happens (每天, 每周): a practice's
// schedule, or the residents' own.
var scheduleRE = regexp.MustCompile(`每[年天月周季日]`)

// failedAttemptRE is an attempt before that did not work: 以前…也…过…，
// 可/但/却….
var failedAttemptRE = regexp.MustCompile(`^(以前|过去|此前|之前|原来|原先|早些年|那几年|曾经?)[^。]{0,20}过[^。]{0,12}[，,](可|但|却|然而|结果|没想到)`)

// herDoingRE is someone setting something up or leading others to it — a
// doing told with a verb that a sentence of background never holds
// (牵头, 带领, 推动, 召开, 开辟, 成立…), unlike 建成, 组织 or 每年 of
// practiceRE2 ("20多年前建成的老小区", "组织关系", "每年都有").
var herDoingRE = regexp.MustCompile(`牵头|带领|带着|推动|召开|开辟|设立|成立|建立|建起|组建|推行|推出|邀请|发动|动员|开设|搭建|定下|制定|请来`)

// notDoingRE are words holding a practice verb that name no doing (组织关系,
// 党组织, 每年都有).
var notDoingRE = regexp.MustCompile(`组织关系|组织生活|党组织|组织架构|组织体系|每[年天月周](都|也|还)?(有|是|会有)`)

// peopleCountRE counts people who live or work there (独居老人136位,
// 四百多位妈妈, 白领3万多人).
var peopleCountRE = regexp.MustCompile(`(\d+|[一二两三四五六七八九十百千万几]+)[多余]?(万|千|百)?[多余]?(位|人|户|名)[^次件起场]`)

// howTheyLiveRE tells how the people asked about live: 大多, 分散在, 紧挨着.
var howTheyLiveRE = regexp.MustCompile(`大多|大部分|多数是|分散在|散落在|紧挨|毗邻|住着|居住着|很多人|不少人|好多人|许多人`)
