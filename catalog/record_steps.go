package catalog

import (
	"bangyang/zh"
	"regexp"
	"strings"
	"unicode/utf8"
)

// stepKey is one bigram of a step that ties a sentence to it.
type stepKey struct {
	bigram string
	weight int
}

// stepWords are bigrams too common to tie a sentence to a step by
// themselves, unless they open the step (社区 of 社区开单 is its actor).
var stepWords = map[string]bool{
	"服务": true, "工作": true, "社区": true, "党建": true, "志愿": true, "活动": true, "居民": true, "群众": true,
	"党员": true, "管理": true, "情况": true, "问题": true, "意见": true, "建设": true, "组织": true, "治理": true,
	"小区": true, "辖区": true, "单位": true, "资源": true, "项目": true, "网格": true,
}

// stepKeys are, per step, the bigrams that tie a sentence to it: its
// two-rune windows except those several steps share (到家 of 五到家);
// common words count only when they open the step.
func stepKeys(steps []string) [][]stepKey {
	count := map[string]int{}
	per := make([][]string, len(steps))
	for i, st := range steps {
		k := []rune(key(st))
		seen := map[string]bool{}
		for j := 0; j+2 <= len(k); j++ {
			bi := string(k[j : j+2])
			if zh.HanCount(bi) == 2 && !seen[bi] {
				seen[bi] = true
				per[i] = append(per[i], bi)
				count[bi]++
			}
		}
	}
	out := make([][]stepKey, len(steps))
	for i := range per {
		if namePart(steps[i]) {
			// 一访 is carried out as 走访: its character, not the numeral.
			out[i] = append(out[i], stepKey{string([]rune(key(steps[i]))[1:]), 2})
			continue
		}
		for j, bi := range per[i] {
			if count[bi] > 1 && len(steps) > 1 {
				continue
			}
			if stepWords[bi] && j > 0 {
				continue
			}
			out[i] = append(out[i], stepKey{bi, 2})
		}
	}
	return out
}

// stepScore scores a sentence for a step: its bigrams, the whole step,
// and the step's own characters (those of no other step) outside the
// matched bigrams — 召开 gives 开 of 社区开单.
func stepScore(s sentence, st string, keys []stepKey, own map[rune]bool) int {
	score := 0
	matched := map[rune]bool{}
	for _, k := range keys {
		if strings.Contains(s.key, k.bigram) {
			score += k.weight
			for _, r := range k.bigram {
				matched[r] = true
			}
		}
	}
	if k := key(st); utf8.RuneCountInString(k) >= 3 && strings.Contains(s.key, k) {
		score += 4
	}
	if score == 0 {
		return 0
	}
	seen := map[rune]bool{}
	for _, r := range s.key {
		if own[r] && !matched[r] && !seen[r] {
			seen[r] = true
			score++
		}
	}
	return score
}

// ownRunes are, per step, the Han characters no other step has.
func ownRunes(steps []string) []map[rune]bool {
	count := map[rune]int{}
	for _, st := range steps {
		seen := map[rune]bool{}
		for _, r := range key(st) {
			if zh.IsHan(r) && !seen[r] {
				seen[r] = true
				count[r]++
			}
		}
	}
	out := make([]map[rune]bool, len(steps))
	for i, st := range steps {
		out[i] = map[rune]bool{}
		for _, r := range key(st) {
			if zh.IsHan(r) && count[r] == 1 {
				out[i][r] = true
			}
		}
	}
	return out
}

func mentionsSteps(s sentence, sk [][]stepKey) bool {
	for _, ks := range sk {
		for _, k := range ks {
			if strings.Contains(s.key, k.bigram) {
				return true
			}
		}
	}
	return false
}

// alignable: steps that are actions to carry out, few enough to follow
// one by one (not the twelve items of 三活四清五到家, not bare nouns such
// as 社工、社区).
func alignable(steps []string) bool {
	if len(steps) < 2 || len(steps) > 6 {
		return false
	}
	for _, st := range steps {
		if utf8.RuneCountInString(key(st)) < 3 && !namePart(st) {
			return false
		}
	}
	return true
}

// namePart is a part a name counts by kinds, spelt as the name spells it
// (一访 of 三联一访): a numeral and one character.
func namePart(st string) bool {
	rs := []rune(key(st))
	return len(rs) == 2 && strings.ContainsRune(numerals+"两", rs[0]) && zh.IsHan(rs[1]) && !strings.ContainsRune(numerals+"两个次位名户家件项种类些", rs[1])
}

// stepsOpenSentences: most steps open a sentence of the span (共商，就是…;
// 问需于民：…), so short steps can be followed one by one too.
func stepsOpenSentences(a *article, steps []string, sp []int) bool {
	if len(steps) < 2 || len(steps) > 8 {
		return false
	}
	n := 0
	for _, st := range steps {
		k := key(st)
		for _, i := range sp {
			if strings.HasPrefix(strings.TrimLeft(trimColumnLabel(a.sentences[i].key), "“"), k) {
				n++
				break
			}
		}
	}
	return 2*n > len(steps)
}

// alignSteps assigns the span's sentences to the steps they carry out.
// A sentence scores for a step by the step's bigrams it contains; the
// assignment keeps the steps' order (a procedure is told in order) and
// maximises the score plus a bonus per step covered, by dynamic
// programming. Unscored sentences between two sentences of one step, in
// its paragraph, continue that step.
func alignSteps(a *article, ix *articleIndex, steps []string, sents []int) [][]Quote {
	n := len(steps)
	out := make([][]Quote, n)
	if len(sents) == 0 {
		return out
	}
	sk := stepKeys(steps)
	own := ownRunes(steps)
	score := make([][]int, len(sents))
	for j, i := range sents {
		score[j] = make([]int, n)
		if !ix.slotWorthy(a.sentences[i]) {
			continue
		}
		for st := range steps {
			v := stepScore(a.sentences[i], steps[st], sk[st], own[st])
			k := key(steps[st])
			sentKey := strings.TrimLeft(trimColumnLabel(a.sentences[i].key), "“")
			if strings.HasPrefix(sentKey, k) {
				v += 6 // 共商，就是…: the sentence is the step's own
			}
			if v >= 2 {
				score[j][st] = v
			}
		}
	}
	const bonus = 3
	const none = -1
	// dp[j][s+1]: best total over sents[:j] with the last assigned step s
	// (s == -1: none yet).
	type cell struct {
		v    int
		prev int // previous state
		step int // step assigned to sentence j-1, or none
	}
	dp := make([][]cell, len(sents)+1)
	for j := range dp {
		dp[j] = make([]cell, n+1)
		for s := range dp[j] {
			dp[j][s].v = -1 << 30
		}
	}
	dp[0][0].v = 0
	for j := 0; j < len(sents); j++ {
		for s := 0; s <= n; s++ {
			cur := dp[j][s]
			if cur.v == -1<<30 {
				continue
			}
			if cur.v > dp[j+1][s].v { // sentence j unassigned
				dp[j+1][s] = cell{v: cur.v, prev: s, step: none}
			}
			from := s - 1
			if from < 0 {
				from = 0
			}
			for st := from; st < n; st++ {
				if score[j][st] == 0 {
					continue
				}
				v := cur.v + score[j][st]
				if st+1 != s {
					v += bonus
				}
				if v > dp[j+1][st+1].v {
					dp[j+1][st+1] = cell{v: v, prev: s, step: st}
				}
			}
		}
	}
	bestS := 0
	for s := 1; s <= n; s++ {
		if dp[len(sents)][s].v > dp[len(sents)][bestS].v {
			bestS = s
		}
	}
	assign := make([]int, len(sents))
	for j, s := len(sents), bestS; j > 0; j-- {
		c := dp[j][s]
		assign[j-1] = c.step
		s = c.prev
	}
	// A step told under its own ordinal ("第二步是“议”。", "二是阵地联用。"
	// then what is done in it, often in the next paragraph): the sentences
	// after the header, up to the next header, carry it out.
	hdr := ordinalHeaders(a, sents, steps)
	if hdr != nil {
		cur, since, hp, bare, np, lp := none, 0, -1, false, -1, -1
		// The first header found is the second step's: the method was named
		// inside the first step's section, whose rest carries it out.
		for j := range sents {
			if hdr[j] != none {
				if hdr[j] == 1 && a.sentences[sents[0]].para != a.sentences[sents[j]].para {
					cur, hp = 0, a.sentences[sents[0]].para
				}
				break
			}
		}
		// list: the headers so far stood one after another with nothing
		// under them (居民提事 / 楼长汇总 / …): the steps are a list, and
		// the paragraph after the last is not its body but what follows.
		list, prevBare := false, false
		for j, i := range sents {
			s := a.sentences[i]
			if hdr[j] != none {
				list = prevBare && since == 0 && (list || hdr[j] == 1)
				cur, since, hp, np = hdr[j], 0, s.para, -1
				// Alone in its paragraph and saying no more than its step.
				bare = (i+1 >= len(a.sentences) || a.sentences[i+1].para != s.para) &&
					utf8.RuneCountInString(s.key) <= utf8.RuneCountInString(key(steps[cur]))+8
				prevBare = bare
				assign[j] = cur
				continue
			}
			since++
			if isResult(s) || cur == len(steps)-1 && reNewTopic.MatchString(s.norm) {
				cur = none // what came of it, or another matter, ends the steps
			}
			if s.para != hp && np < 0 {
				np = s.para
			}
			// Its own paragraph, or the one after a header standing alone —
			// or the bullet lines after that one, a list under the header
			// (a sentence of its own after the last step's body is not).
			inPart := s.para == hp || bare && !list && (s.para == np || s.para == lp+1 && oneLine(a, i) && bodyLine(s))
			worthy := ix.slotWorthy(s) || bodyLine(s) && utf8.RuneCountInString(s.text) >= minSlotRunes
			if cur == none || since > 3 || !inPart || !worthy {
				assign[j] = none
				continue
			}
			assign[j] = cur
			lp = s.para
		}
	}
	// Continuations: an unscored sentence after a step's sentence, in the
	// same paragraph and before the next step's, carries on that step.
	last, lastPara := none, -1
	for j, i := range sents {
		s := a.sentences[i]
		if assign[j] != none {
			last, lastPara = assign[j], s.para
			continue
		}
		if last != none && s.para == lastPara && ix.slotWorthy(s) && laterAssigned(assign, j) {
			assign[j] = last
		}
	}
	for j, i := range sents {
		if hdr != nil && hdr[j] != none && utf8.RuneCountInString(a.sentences[i].key) <= utf8.RuneCountInString(key(steps[hdr[j]]))+6 {
			continue // the header (织牢“平安网”。) says no more than the step's name
		}
		if assign[j] != none && !statesStep(a.sentences[i], steps[assign[j]]) {
			out[assign[j]] = append(out[assign[j]], quoteOf(a.sentences[i]))
		}
	}
	return out
}

// reOrdinalPrefix opens a step's statement: 第三步，/ 第二步是 / 一是 / 1.
var reOrdinalPrefix = regexp.MustCompile(`^(?:第[一二三四五六七八九十]步(?:是|为|就是)?|[一二三四五六七八九十]是|\d+[.、])[,:]?`)

// reEnumOpen opens a sentence or paragraph telling one part of a method
// in turn (第二步… / 二是… / 二要… / （二）… / （2）… / 第二，… / ②… / 2.…),
// its numeral captured.
var reEnumOpen = regexp.MustCompile(`^“?(?:第([一二三四五六七八九十])步|([一二三四五六七八九十])(?:是|要|抓|靠|强|建|促|做|讲|联|办|查|治)|[(（]([一二三四五六七八九十]|\d{1,2})[)）]|第([一二三四五六七八九十])(?:条|招|项|个方面)?[,、:]|([①②③④⑤⑥⑦⑧⑨⑩⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽❶❷❸❹❺❻❼❽❾❿])|(\d{1,2})[.、．]|其([一二三四五六七八九十])[,、:是])`)

// oneLine: sentence i is a paragraph of its own.
func oneLine(a *article, i int) bool {
	return (i == 0 || a.sentences[i-1].para != a.sentences[i].para) && (i+1 >= len(a.sentences) || a.sentences[i+1].para != a.sentences[i].para)
}

// reNewTopic opens a sentence turning to another matter (此外，社区还…),
// which the last step's body does not run into.
var reNewTopic = regexp.MustCompile(`^(?:此外|另外|除此之外|与此同时|\p{Han}{0,4}还(?:开设|建起|建立|成立|组建|设立|办起|推出|有))`)

// enumOpenValue is the number a sentence's opening gives its part.
func enumOpenValue(k string) (int, bool) {
	m := reEnumOpen.FindStringSubmatch(k)
	if m == nil {
		return 0, false
	}
	if m[5] != "" {
		return circledValue([]rune(m[5])[0]), true
	}
	return numberValue(m[1] + m[2] + m[3] + m[4] + m[6] + m[7]), true
}

// opensStep: a sentence's key opens with the step and says what it is
// (“一听”，就是… / 所谓“摸”，是… / 收集环节，… / 在受理这一步，…).
func opensStep(k, step string) bool {
	k = strings.TrimLeft(trimColumnLabel(k), "“ ") // 环节:提,做法:… of a table's row
	for _, p := range []string{"所谓", "针对", "围绕", "聚焦", "在", "首先是", "首先", "先是", "先", "然后是", "然后", "接着是", "接着", "其次是", "再是", "再", "最后是", "最后", "后"} {
		if strings.HasPrefix(k, p) {
			k = k[len(p):]
			break
		}
	}
	sk := key(step)
	if rs := []rune(sk); len(rs) >= 2 && len(rs) <= 3 && strings.ContainsRune(numerals, rs[0]) && !strings.HasPrefix(k, sk) {
		sk = string(rs[1:]) // 看，就是… of 一看
	}
	if rs := []rune(sk); len(rs) >= 5 && leadVerbs[string(rs[:2])] && !strings.HasPrefix(k, sk) && strings.HasPrefix(k, string(rs[2:])) {
		sk = string(rs[2:]) // 在摸清民意方面，… of 注重摸清民意
	}
	if sk == "" || !strings.HasPrefix(k, sk) {
		return false
	}
	rest := strings.TrimLeft(k[len(sk):], "”")
	for _, w := range []string{",", ":", "就是", "是", "即", "指", "环节", "这一步", "这一环", "阶段", "。", "方面", "上,"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// leadVerbs open steps told as a verb and its object (注重摸清民意,
// 强化组织引领), carried out under the object alone (在摸清民意方面，…).
var leadVerbs = map[string]bool{
	"注重": true, "坚持": true, "强化": true, "突出": true, "抓好": true, "抓实": true, "做好": true, "做实": true,
	"推动": true, "推进": true, "深化": true, "健全": true, "完善": true, "建立": true, "加强": true, "优化": true,
	"提升": true, "打造": true, "落实": true, "用好": true, "搭建": true, "建强": true, "聚焦": true, "创新": true,
}

// stepHeaderOf: the sentence, opening its paragraph, heads the step
// (one of steps from next on): it opens with it and says what it is, or
// names it and little else (织密“服务网”。), or its enumeration marker,
// at a clause, has the step's number (…刘建华说，一要勤走，…).
func stepHeaderOf(s sentence, steps []string, next int) bool {
	if next >= len(steps) {
		return false
	}
	if opensStep(s.key, steps[next]) {
		return true
	}
	k := key(steps[next])
	if k != "" && strings.Contains(s.key, k) && utf8.RuneCountInString(s.key) <= utf8.RuneCountInString(k)+6 {
		return true
	}
	for _, p := range clauseStarts(s.key)[1:] {
		if v, ok := enumOpenValue(s.key[p:]); ok && v == next+1 && strings.Contains(s.key[p:], k) {
			return true
		}
	}
	return opensStepAt(s.key, steps[next])
}

// opensStepAt: the sentence, or its clause after a colon (她的办法说起来很
// 简单：先摸底，…), opens with the step and says what it is.
func opensStepAt(k, step string) bool {
	if opensStep(k, step) {
		return true
	}
	for _, p := range clauseStarts(k)[1:] {
		if strings.HasSuffix(k[:p], ":") && opensStep(k[p:], step) {
			return true
		}
	}
	return false
}

// ordinalHeaders returns, per sentence, the step its opening names (or
// -1), when most steps have such a header in order; nil otherwise. A
// header is a 第N步 / N是 / （N） opening, or a short sentence opening its
// paragraph that names the next step and little else (织密“服务网”。).
func ordinalHeaders(a *article, sents []int, steps []string) []int {
	n := len(steps)
	out := make([]int, len(sents))
	found, next := 0, 1
	for j, i := range sents {
		out[j] = -1
		s := a.sentences[i]
		// 三联即… of the steps 三联、一访 opens with its step, not with the
		// marker of part three.
		if v, ok := enumOpenValue(s.key); ok && !(next <= n && opensStep(s.key, steps[next-1])) {
			if v == next && v <= n {
				out[j] = v - 1
				found++
				next++
			}
			continue
		}
		if next > n || i > 0 && a.sentences[i-1].para == s.para && !inlineEnum(s.key, next) && !opensStepAt(s.key, steps[next-1]) {
			continue
		}
		if stepHeaderOf(s, steps, next-1) {
			out[j] = next - 1
			found++
			next++
		} else if found == 0 && n >= 3 && s.heading && stepHeaderOf(s, steps, 1) {
			// The first step's heading came before the method was named.
			out[j] = 1
			found++
			next = 3
		}
	}
	if 2*found <= n || found < 2 {
		return nil
	}
	return out
}

// inlineEnum: a sentence within a paragraph opens with the marker of
// part v (二要细记，… after 一要勤走，…).
func inlineEnum(k string, v int) bool {
	for _, p := range clauseStarts(k) {
		if w, ok := enumOpenValue(k[p:]); ok && w == v {
			return true
		}
	}
	return false
}

// statesStep: the sentence only states the step (第三步，院落居民代表会定事；),
// which the step's name already says.
func statesStep(s sentence, step string) bool {
	k := reOrdinalPrefix.ReplaceAllString(s.key, "")
	k = strings.TrimRight(k, "。;!?,")
	return k == key(step)
}

// laterAssigned: some sentence after j is assigned, so j lies between two.
func laterAssigned(assign []int, j int) bool {
	for _, s := range assign[j+1:] {
		if s >= 0 {
			return true
		}
	}
	return false
}
