package catalog

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"bangyang/zh"
)

// Steps written out in the ways the genre writes them, beyond the
// 、-lists of a numbered shorthand (see findShorthandSteps):
//
//   - digit tokens explained: “1”是…，“3”是…，“N”是… (“1+3+N”工作法, “135”工作法);
//   - ordinals: 第一步，居民提事；第二步，…;
//   - spoken ordinals stuck to the doing, in an interview's answer (头一件事
//     就是把议题交给居民定；第二件，…；第三件，… / 一来…；二来…；三来…);
//   - a list after a colon: …服务法…：共商、共建、共治、共享、共评 (or parallel
//     clauses: “三个一样”：对待居民像对待家人一样，…);
//   - a counted noun: “三张清单”：需求清单…，资源清单…，项目清单…;
//   - a lead-in ending in a colon followed by one line per step
//     (议事会的流程是：/楼长收集…；/在议事会上…；…), the list ending where
//     the lines stop ending alike;
//   - adverbs of order (首先…其次…最后);
//   - classes sorted into (分为重点户、关注户和普通户 / 分成三类), each told
//     by a clause opening with it (重点户：… ；对红色户，也就是…);
//   - a name counting its parts by kinds (三联一访, 一核两翼三联动), each
//     part's shorthand glossed in turn (“三联”即…。“一访”即…; steps_glossed.go);
//   - a numbered name's counted character at clauses (一访…；二访…；三访…)
//     or opening the paragraphs after it (三入: 入户调解，…/入理调解，…);
//   - stages told by time, with no step names (事前…事中…事后, 会前…会后,
//     接到诉求后…随后…办结后…; steps_phases.go);
//   - and the ways of steps_lists.go: numbered lists of any kind, lists
//     counted as 环节/步骤, chains of stages, prose, quoted keywords,
//     labelled paragraphs; and of steps_headings.go: later headings, bold
//     labels (**摸清底数**。), a name's components (一中心三平台, 两会一站,
//     党建+议事+志愿) under headings in any order, tables.

var (
	reDigitToken = regexp.MustCompile(`“([0-9A-Za-z])”(?:是|即|指|代表|,就是|,即|就是)([^,;。“”]{2,24})`)
	reOrdinal    = regexp.MustCompile(`(?:第([一二三四五六七八九十])步|步骤([一二三四五六七八九十]))(?:是|为|就是|叫)?[,:]?([^,;。!?]{1,24})`)
)

// findExplainedSteps tries each way in turn on the method's sightings
// and the sentences after them.
func findExplainedSteps(a *article, g *group, name string) []string {
	// A sentence is read once per name, from its first sighting (which
	// sees the most of it): a sentence naming the method a thousand times
	// costs one reading, not a thousand.
	type seen struct {
		sent int
		name string
	}
	done := map[seen]bool{}
	for _, c := range g.cands {
		if done[seen{c.sent, c.name}] {
			continue
		}
		done[seen{c.sent, c.name}] = true
		if st := tierSteps(a, c); st != nil {
			return st
		}
		if st := classSteps(a, c); st != nil {
			return st
		}
		if st := digitTokenSteps(a, c); st != nil {
			return st
		}
		if st := ordinalSteps(a, c); st != nil {
			return st
		}
		if st := spokenOrdinalSteps(a, c); st != nil {
			return st
		}
		if st := colonListSteps(a, c); st != nil {
			return st
		}
		if st := countedNounSteps(a, c, name); st != nil {
			return st
		}
		if st := singleRuneListSteps(a, c); st != nil {
			return st
		}
		if st := countedListSteps(a, c); st != nil {
			return st
		}
		if st := dashListSteps(a, c); st != nil {
			return st
		}
		if st := fromToSteps(a, c); st != nil {
			return st
		}
		if st := lineSteps(a, c); st != nil {
			return st
		}
		if st := numberedSteps(a, c); st != nil {
			return st
		}
		if st := countedOpenerSteps(a, c); st != nil {
			return st
		}
		if st := sequencedSteps(a, c); st != nil {
			return st
		}
		if st := labelledSequenceSteps(a, c); st != nil {
			return st
		}
		if st := proseSteps(a, c); st != nil {
			return st
		}
		if st := keywordSteps(a, c); st != nil {
			return st
		}
		if st := labelSteps(a, c); st != nil {
			return st
		}
		if st := headedParagraphSteps(a, c); st != nil {
			return st
		}
		if st := countedOnesSteps(a, c); st != nil {
			return st
		}
		if st := tableRowSteps(a, c); st != nil {
			return st
		}
		if st := countedRuneSteps(a, c); st != nil {
			return st
		}
		if st := countedItemSteps(a, c); st != nil {
			return st
		}
		if st := phaseSteps(a, c); st != nil {
			return st
		}
	}
	// The headings after its first sighting, read once: the whole rest of
	// the article, not for every sighting.
	if len(g.cands) > 0 {
		return laterHeadingSteps(a, g.first())
	}
	return nil
}

// digitTokenSteps: “1”是社区党总支这个核心，… in the sighting sentence or
// the next two, when the tokens spell the name's digits in order.
func digitTokenSteps(a *article, c candidate) []string {
	tokens := strings.Map(func(r rune) rune {
		if r < 128 && (r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
			return r
		}
		return -1
	}, strings.ToUpper(c.name))
	if len(tokens) < 2 {
		return nil
	}
	var steps []string
	var got []byte
	for d := 0; d <= 3 && c.sent+d < len(a.sentences); d++ {
		n := a.sentences[c.sent+d].norm
		if d == 0 {
			n = n[c.end:]
		}
		for _, m := range reDigitToken.FindAllStringSubmatch(n, -1) {
			item := strings.TrimSuffix(strings.TrimSpace(m[2]), "即")
			got = append(got, strings.ToUpper(m[1])[0])
			steps = append(steps, item)
		}
		if len(got) >= len(tokens) {
			break
		}
	}
	if string(got) != tokens {
		return nil
	}
	return steps
}

// ordinalSteps: 第一步，X；第二步，Y … from the sighting on, numbered 1..n
// without gaps; n must match a numbered name (五步议事法) when it has one.
func ordinalSteps(a *article, c candidate) []string {
	var steps []string
	for d := 0; d <= 12 && c.sent+d < len(a.sentences); d++ {
		n := a.sentences[c.sent+d].norm
		if d == 0 {
			n = n[c.end:]
		}
		for _, m := range reOrdinal.FindAllStringSubmatch(n, -1) {
			v := numeralValue([]rune(m[1] + m[2])[0]) // 第一步, 步骤一
			if v != len(steps)+1 {
				return finishOrdinal(steps, c.name)
			}
			// "第一步是“听”": the step is 听.
			st := strings.Trim(trimColumnLabel(strings.TrimSpace(m[3])), "“”\"「」") // 第一步 内容：听 of a table
			if st == "" {
				return finishOrdinal(steps, c.name)
			}
			steps = append(steps, st)
		}
	}
	return finishOrdinal(steps, c.name)
}

func finishOrdinal(steps []string, name string) []string {
	if len(steps) < 2 {
		return nil
	}
	if v, _, ok := numericShorthand(name); ok && v != len(steps) {
		return nil
	}
	return steps
}

// colonListSteps: the sighting sentence goes on, after a colon, with a
// list of three or more items: 、-separated, or ，-separated clauses that
// end alike (…一样).
func colonListSteps(a *article, c candidate) []string {
	n := a.sentences[c.sent].norm[c.end:]
	if i := strings.LastIndexAny(n, ":"); i >= 0 {
		rest := strings.TrimRight(n[i+1:], "。;!? ")
		if strings.Contains(rest, "、") && !strings.Contains(rest, ",") {
			if items := splitList(rest); len(items) >= 3 && allShort(items, 12) {
				return items
			}
		}
		// Parallel clauses, then perhaps words of what came of them
		// (…像守自己的家一样，赢得了居民的信任): the clauses alone.
		clauses := strings.Split(rest, ",")
		if parts := parallel(slices.Clone(clauses), c.name); parts != nil {
			return parts
		}
		for k := len(clauses) - 1; k >= 3; k-- {
			if parts := parallel(slices.Clone(clauses[:k]), ""); parts != nil && endAlike(parts) {
				return parts
			}
		}
	}
	// Without a colon: a 、-list in the clause after the name whose items
	// share a part of the name (要求社区干部问题在一线发现、矛盾在一线化解、…).
	for _, cl := range strings.Split(n, ",") {
		if strings.Count(cl, "、") >= 2 {
			parts := strings.Split(strings.TrimRight(cl, "。;!? "), "、")
			// 包括选楼道长、…、办楼道实事等环节: neither the lead-in nor the
			// closing count is a step's.
			if first := trimAfterLast(parts[0], []string{"包括", "涵盖", "即"}); first != "" {
				parts[0] = first
			}
			parts[len(parts)-1] = reCountTail.ReplaceAllString(parts[len(parts)-1], "")
			if parts := parallel(parts, c.name); parts != nil && sharesNamePart(parts, c.name) {
				return parts
			}
			// 居民提事、大家议事、社区办事 after “楼院议事日”: items of one
			// length and one ending, one of them a part of the name (议事).
			if rhymingItems(parts) && anyShareNamePart(parts, c.name) {
				return parts
			}
		}
	}
	return nil
}

// parallel returns parts when they read as parallel items: three to eight
// short clauses that end alike (…一样) or share a part of the name (下沉 of
// 三下沉). A first item longer than the others, ending like them, loses its
// lead-in (要求社区干部问题在一线发现 → 问题在一线发现).
func parallel(parts []string, name string) []string {
	if len(parts) < 2 || len(parts) > 8 {
		return nil
	}
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
		if r := utf8.RuneCountInString(parts[i]); r < 2 || r > 24 {
			return nil
		}
	}
	if l := utf8.RuneCountInString(parts[1]); len(parts) >= 3 && utf8.RuneCountInString(parts[0]) > l {
		same := true
		for _, p := range parts[2:] {
			same = same && utf8.RuneCountInString(p) == l
		}
		if same {
			rs := []rune(parts[0])
			parts[0] = string(rs[len(rs)-l:])
		}
	}
	alike := len(parts) >= 3
	last := lastTwoRunes(parts[0])
	for _, p := range parts[1:] {
		alike = alike && lastTwoRunes(p) == last
	}
	if alike || sharesNamePart(parts, name) {
		return parts
	}
	return nil
}

// endAlike: every part ends in the same two runes (…一样).
func endAlike(parts []string) bool {
	for _, p := range parts[1:] {
		if lastTwoRunes(p) != lastTwoRunes(parts[0]) {
			return false
		}
	}
	return true
}

// sharesNamePart: every part contains one two-rune piece of the name that
// is not a numeral's (下沉 of 三下沉工作法, 一线 of 一线工作法).
func sharesNamePart(parts []string, name string) bool {
	rs := []rune(key(name))
	for j := 0; j+2 <= len(rs); j++ {
		bi := string(rs[j : j+2])
		if zh.HanCount(bi) < 2 || genericBigram(bi) || bi == "工作" || bi == "作法" {
			continue
		}
		if strings.ContainsRune(numerals+"两", rs[j]) && j == 0 && bi != "一线" {
			continue
		}
		if allContain(parts, bi) {
			return true
		}
	}
	return false
}

// rhymingItems: three to six items of one length (three to six runes)
// ending in one character.
func rhymingItems(parts []string) bool {
	if len(parts) < 3 || len(parts) > 6 {
		return false
	}
	l := utf8.RuneCountInString(strings.TrimSpace(parts[0]))
	if l < 3 || l > 6 {
		return false
	}
	end := lastRune(strings.TrimSpace(parts[0]))
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if utf8.RuneCountInString(p) != l || lastRune(p) != end || zh.HanCount(p) != l {
			return false
		}
	}
	return true
}

// anyShareNamePart: some part holds a distinctive two-rune piece of the name.
func anyShareNamePart(parts []string, name string) bool {
	for _, p := range parts {
		if sharesNamePart([]string{p}, name) {
			return true
		}
	}
	return false
}

// countedNounSteps: a name of a numeral, a measure word and a noun
// (三张清单) whose sentence names that many kinds of the noun (需求清单、
// 资源清单、项目清单), in order.
func countedNounSteps(a *article, c candidate, name string) []string {
	rs := []rune(key(name))
	if len(rs) < 4 || !strings.ContainsRune(numerals+"两", rs[0]) || !strings.ContainsRune("张项个类种大支条份", rs[1]) {
		return nil
	}
	v := 2
	if rs[0] != '两' {
		v = numeralValue(rs[0])
	}
	noun := string(rs[2:])
	// The kinds may run on into the next sentences (一张问题清单…；一张责任清单…).
	n := a.sentences[c.sent].norm[c.end:]
	for d := 1; d <= 2 && c.sent+d < len(a.sentences); d++ {
		n += a.sentences[c.sent+d].norm
	}
	re := regexp.MustCompile(`(\p{Han}{2})` + regexp.QuoteMeta(noun))
	var steps []string
	seen := map[string]bool{}
	for _, m := range re.FindAllStringSubmatch(n, -1) {
		item := m[1] + noun
		if !seen[item] && !strings.ContainsAny(m[1], numerals+"两") {
			seen[item] = true
			steps = append(steps, item)
		}
	}
	if len(steps) < v {
		return nil
	}
	return steps[:v]
}

// lineSteps: a sentence of the sighting's paragraph ends in a colon
// (议事会的流程是：) and each following paragraph is one short sentence —
// the steps, one per line.
func lineSteps(a *article, c candidate) []string {
	p := a.sentences[c.sent].para
	i := c.sent
	for i < len(a.sentences) && a.sentences[i].para == p && !strings.HasSuffix(strings.TrimSpace(a.sentences[i].norm), ":") {
		i++
	}
	if i >= len(a.sentences) || a.sentences[i].para != p || reResult.MatchString(a.sentences[i].norm) {
		return nil // no lead-in, or one to what came of it (开展以来：)
	}
	var steps []string
	end := ""
	numbered, labelled := false, false
	for j := i + 1; j < len(a.sentences) && len(steps) < 8; j++ {
		s := a.sentences[j]
		alone := (j+1 >= len(a.sentences) || a.sentences[j+1].para != s.para) && (a.sentences[j-1].para != s.para)
		if !alone || utf8.RuneCountInString(s.text) > 40 || isResult(s) {
			break
		}
		// The lines end alike (bare lines read as headings, or ；); a line
		// ending otherwise is prose after the list — except the full stop
		// closing lines of ；.
		t := strings.TrimSpace(s.norm)
		e := lineEnd(t)
		if len(steps) == 0 {
			end = e
		} else if e != end && (end != ";" || e != "。") {
			break
		}
		if s.heading && e != "" {
			break
		}
		// Numbered lines (①…②…) and labelled ones (绿色住户：…) go on as
		// long as the numbers and the labels do.
		v, num := enumOpenValue(t)
		if len(steps) == 0 {
			numbered = num && v == 1
		} else if numbered && (!num || v != len(steps)+1) {
			break
		}
		if numbered {
			t = strings.TrimSpace(reEnumOpen.ReplaceAllString(t, ""))
		}
		lab := labelOf(t) != ""
		if len(steps) == 0 {
			labelled = lab
		} else if labelled && !lab {
			break
		}
		steps = append(steps, strings.TrimRight(t, "。;!?"))
		if e != end {
			break
		}
	}
	if len(steps) < 2 {
		return nil
	}
	if !labelled {
		return steps
	}
	// Lines of a label and what is done (入户走访：社区干部每月…): the
	// labels are the steps — or, when every line has the same label (a
	// table's rows 步骤：提，做法：…), what it labels.
	var labels []string
	for _, st := range steps {
		labels = append(labels, labelOf(st))
	}
	if slices.Equal(labels[1:], labels[:len(labels)-1]) {
		for k, st := range steps {
			cell := st[len(reLabel.FindString(st)):]
			if j := strings.IndexAny(cell, ",;"); j >= 0 {
				cell = cell[:j]
			}
			labels[k] = strings.TrimSpace(cell)
		}
	}
	return labels
}

// labelOf is the label opening a line of a label and what is done
// (入户走访：社区干部每月入户一次…), "" if it is not one.
func labelOf(t string) string {
	if m := reLabel.FindStringSubmatch(t); m != nil && zh.HanCount(t[len(m[0]):]) >= 8 {
		return m[1]
	}
	return ""
}

// lineEnd is a line's closing punctuation, "" if none.
func lineEnd(t string) string {
	r, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune("。;!?", r) {
		return string(r)
	}
	return ""
}

// reSequenced opens a clause with an adverb of order and a short item:
// 首先，摸清底数；其次，… 最后，…
// A speech's or report's paragraphs open so with a quoted step, one
// character or more, perhaps after its verb: 首先是“摸”。… 其次是“议”。…
// 再次是“办”。… 最后是“评”。 / 首先是抓“班子”。…
var reSequenced = regexp.MustCompile(`(?:^|[;。:,])“?(首先|第一|其次|第二|再次|第三|然后|接着|接著|第四|最后)(?:是|就是)?[,:]?(?:(\p{Han}{0,2})“([^,;。!?:“”]{1,12})”|“?([^,;。!?:“”]{2,12})”?)[,;。:]`)

// sequencedSteps: the sighting sentence or the ones after it tell the
// method's steps with adverbs of order (首先…其次…最后…), opening with
// 首先/第一 and closing with 最后, or with as many as a numbered name
// counts (首先…其次…第三… of 三步议事法); their number must match a
// numbered name (三步工作法) when it has one.
func sequencedSteps(a *article, c candidate) []string {
	var steps []string
	for d := 0; d <= 8 && c.sent+d < len(a.sentences); d++ {
		n := a.sentences[c.sent+d].norm
		if d == 0 {
			n = n[c.end:]
		}
		for _, m := range reSequenced.FindAllStringSubmatch(n, -1) {
			first := m[1] == "首先" || m[1] == "第一"
			if len(steps) == 0 != first {
				if len(steps) == 0 {
					continue
				}
				return nil // the order broke
			}
			steps = append(steps, strings.TrimPrefix(strings.TrimSpace(m[2]+m[3]+m[4]), "是")) // 首先是敲开门, 首先是抓“班子”
			if m[1] == "最后" {
				return finishOrdinal(steps, c.name)
			}
			if v, _, ok := numericShorthand(c.name); ok && v == len(steps) && v >= 3 && m[1] != "然后" && m[1] != "接着" && m[1] != "接著" {
				return steps // 首先…其次…第三… as many as 三步议事法 counts: told whole
			}
		}
	}
	return nil // no 最后: not a sequence told whole
}

// reLabelledSequence opens a clause with an adverb of order, 是, and a
// one-to-four-character step closed by a comma: 先是听，…；再是议，…；最后
// 是办，… (the label alone, the clause after it tells the doing).
var reLabelledSequence = regexp.MustCompile(`(?:^|[;。:,])(先是|首先是|再是|其次是|接着是|然后是|最后是)(\p{Han}{1,4})[,;:]`)

// labelledSequenceSteps: the sighting sentence or the ones after it (a
// ；ends one) tell the steps as 先是X，…再是Y，…最后是Z，…: from a 先是 to a
// 最后是, three steps or more, each label short (a clause, not a name,
// follows it).
func labelledSequenceSteps(a *article, c candidate) []string {
	var steps []string
	for d := 0; d <= 6 && c.sent+d < len(a.sentences); d++ {
		n := a.sentences[c.sent+d].norm
		if d == 0 {
			n = n[c.end:]
		}
		for _, m := range reLabelledSequence.FindAllStringSubmatch(n, -1) {
			first := m[1] == "先是" || m[1] == "首先是"
			if len(steps) == 0 != first {
				return nil // the order broke
			}
			steps = append(steps, m[2])
			if m[1] == "最后是" {
				if len(steps) < 3 {
					return nil
				}
				return finishOrdinal(steps, c.name)
			}
		}
	}
	return nil
}

// reTierClause opens a clause telling one tier: 红色户是…, 对黄色家庭，…,
// 绿色代表…
var reTierClause = regexp.MustCompile(`^(?:对于?|其中)?([` + colourRunes + `])色(\p{Han}{0,2}?)(?:是|为|代表|指|:|,)`)

// tierSteps: a method of categories named by its colours (“红黄绿”三色管理
// 法) has a tier per colour, each told by a clause opening with it in the
// sighting sentence or the next ones of its paragraph (红色户是…；黄色户
// 是…；绿色户是…): the tiers, in the name's order, are its items.
func tierSteps(a *article, c candidate) []string {
	var colours []rune
	for _, r := range c.name {
		if !strings.ContainsRune(colourRunes, r) {
			break
		}
		colours = append(colours, r)
	}
	if len(colours) < 2 {
		return nil
	}
	var steps []string
	para := a.sentences[c.sent].para
	for d := 0; d <= 3 && c.sent+d < len(a.sentences) && a.sentences[c.sent+d].para == para; d++ {
		n := a.sentences[c.sent+d].norm
		if d == 0 {
			n = n[c.end:]
		}
		for _, p := range clauseStarts(n) {
			m := reTierClause.FindStringSubmatch(strings.TrimLeft(n[p:], "“ "))
			if m == nil || len(steps) >= len(colours) || []rune(m[1])[0] != colours[len(steps)] {
				continue
			}
			steps = append(steps, m[1]+"色"+m[2])
		}
		if len(steps) == len(colours) {
			return steps
		}
	}
	return nil
}

// reSpokenOrdinal opens a clause with a spoken ordinal — 头一件事(就是),
// 第二件(事)(是), 最后一件事, 一来/二来/三来 — and the doing after it.
var reSpokenOrdinal = regexp.MustCompile(`^“?(?:(头|第)([一二三四五六七八九十])(?:件|桩|条)(?:事情|事)?|(最后)一(?:件|桩|条)(?:事情|事)?|([一二三四五六七八九十])来)(?:就是|也就是|是|呢)?[,:]?([^,;。!?:]{2,20})`)

// spokenOrdinalSteps: an interview's answer (or a speech) tells the steps
// with spoken ordinals stuck to the doing (头一件事就是把议题交给居民定，…；
// 第二件，议事会上…；第三件，… / 一来网格员天天在网格里转，…；二来…；三来…),
// in the sighting sentence or the twelve after it: numbered 1..n without
// gaps, three or more (一来…二来… alone gives reasons), as many as a
// numbered name (自管三件事) counts; an enumeration led in by 原因/好处
// is none.
func spokenOrdinalSteps(a *article, c candidate) []string {
	var steps []string
	kind := ""
	lead := ""
	for d := 0; d <= 12 && c.sent+d < len(a.sentences); d++ {
		n := a.sentences[c.sent+d].norm
		if d == 0 {
			n = n[c.end:]
		}
		n = unquote(n)
		for _, p := range clauseStarts(n) {
			before := lead
			if p > 0 {
				before = lastRunes(n[:p], 16)
			}
			m := reSpokenOrdinal.FindStringSubmatch(n[p:])
			if m == nil {
				continue
			}
			k, v := "件", 0
			switch {
			case m[2] != "":
				if m[1] == "头" && m[2] != "一" {
					continue
				}
				v = numeralValue([]rune(m[2])[0])
			case m[3] != "":
				v = len(steps) + 1 // 最后一件事: the next, and the last
			default:
				k, v = "来", numeralValue([]rune(m[4])[0])
			}
			if v == 1 && reNotSteps.MatchString(before) {
				return nil // 好处有两个：一来…二来…
			}
			if len(steps) > 0 && k != kind || v != len(steps)+1 {
				if len(steps) >= 2 {
					return finishSpoken(steps, c.name)
				}
				steps, kind = nil, ""
				if v != 1 {
					continue
				}
			}
			kind = k
			steps = append(steps, strings.TrimSpace(m[5]))
			if m[3] != "" {
				return finishSpoken(steps, c.name)
			}
		}
		lead = lastRunes(n, 16)
	}
	return finishSpoken(steps, c.name)
}

func finishSpoken(steps []string, name string) []string {
	if _, _, ok := numericShorthand(name); !ok && len(steps) < 3 {
		return nil
	}
	return finishOrdinal(steps, name)
}

// reSortsInto names the classes a method sorts into (分为重点户、关注户和普通户)
// or counts them (分成三类, 分为三个等级).
var (
	reSortsIntoList  = regexp.MustCompile(`分(?:成|为)“?(\p{Han}{2,6}(?:”?、“?\p{Han}{2,6})*”?(?:和|及|与)“?\p{Han}{2,6})”?(?:[,;。]|$|三|四|五|等)`)
	reSortsIntoCount = regexp.MustCompile(`分(?:成|为)\p{Han}{0,4}?([两二三四五六七八九十])(?:类|级|色|档|种|个等级|个类别)`)
	// reClassClause opens a clause telling one class: 重点户：…, 对红色户，
	// 也就是…, 黄色户是…, 绿色家庭指….
	reClassClause = regexp.MustCompile(`^(?:对于?|其中|针对)?“?(\p{Han}{1,4}?(?:户|类|级|家庭|人员|对象)|[` + colourRunes + `]色)”?(?::|,(?:也就是|即|就是|指)|是|为|指|即|代表|表示)`)
)

// classSteps: a method that sorts people or homes into classes, named or
// counted in the sighting sentence or the next (把辖区居民分为重点户、关注户
// 和普通户 / 把这些家庭分成三类), each class then told by a clause opening
// with it, in that order, in the sighting's paragraph or the two after
// it (重点户：…；关注户：…；普通户：… / 对红色户，…；对黄色户，…): the
// classes are its items.
func classSteps(a *article, c candidate) []string {
	var named []string
	count := 0
	for d := 0; d <= 1 && c.sent+d < len(a.sentences) && named == nil && count == 0; d++ {
		n := a.sentences[c.sent+d].norm
		if d == 0 {
			n = n[c.end:]
		}
		if m := reSortsIntoList.FindStringSubmatch(n); m != nil {
			named = splitList(unquote(m[1]))
		} else if m := reSortsIntoCount.FindStringSubmatch(n); m != nil {
			count = 2
			if m[1] != "两" {
				count = numeralValue([]rune(m[1])[0])
			}
		}
	}
	if len(named) > 0 {
		count = len(named)
	}
	if count < 2 || count > 6 {
		return nil
	}
	var steps []string
	para := a.sentences[c.sent].para
	for i := c.sent; i < len(a.sentences) && i <= c.sent+12 && a.sentences[i].para <= para+2 && len(steps) < count; i++ {
		n := a.sentences[i].norm
		if i == c.sent {
			n = n[c.end:]
		}
		for _, p := range clauseStarts(n) {
			m := reClassClause.FindStringSubmatch(n[p:])
			if m == nil || slices.Contains(steps, m[1]) || len(steps) >= count {
				continue
			}
			if named != nil && key(m[1]) != key(named[len(steps)]) {
				continue
			}
			steps = append(steps, m[1])
		}
	}
	if len(steps) != count {
		return nil
	}
	return steps
}

// countedRuneSteps: a numbered name's counted character told with each
// numeral at a clause (“三访工作法”，一访困难户，…；二访独居老人，…；三访
// 新迁居民，…), in the sighting sentence's rest and the sentences after it
// in its paragraph: 一X…, 二X…, … in order, as many as the name counts;
// each step is its clause (一访困难户), to the first comma.
func countedRuneSteps(a *article, c candidate) []string {
	v, ch, ok := numericShorthand(key(c.name))
	if !ok || v < 2 || v > 10 || ch == "" || strings.ContainsRune("步招条项", []rune(ch)[0]) {
		return nil
	}
	var steps []string
	para := a.sentences[c.sent].para
	for d := 0; d <= 10 && c.sent+d < len(a.sentences) && a.sentences[c.sent+d].para == para; d++ {
		n := a.sentences[c.sent+d].norm
		if d == 0 {
			n = n[c.end:]
		}
		for _, p := range clauseStarts(n) {
			t := strings.TrimLeft(n[p:], "“ ")
			want := string([]rune(numerals)[len(steps)]) + ch
			if !strings.HasPrefix(t, want) {
				continue
			}
			item := t
			if j := strings.IndexAny(item, ",;。:!?、"); j >= 0 {
				item = item[:j]
			}
			item = strings.Trim(item, "“”")
			if r := utf8.RuneCountInString(item); r < 3 || r > 12 {
				return nil
			}
			steps = append(steps, item)
			if len(steps) == v {
				return steps
			}
		}
	}
	return nil
}

// countedOpenerSteps: the paragraphs after the sighting's (a paragraph or
// two of setting between) each open with a clause holding the numbered
// name's counted character (“三入工作法”: 入户调解，就是…/ 入理调解，是…/
// 入心调解，是…), as many in a row as the name counts: those clauses are
// its steps. A name made of components (党建+物业+志愿) has its
// components so opened, in any order.
func countedOpenerSteps(a *article, c candidate) []string {
	v, ch, ok := numericShorthand(key(c.name))
	cs := components(key(c.name))
	if cs != nil {
		// 党建+物业+志愿, 一中心三平台: as many as its components, each
		// opener holding one's noun.
		v, ch = 0, ""
		for _, x := range cs {
			v += x.count
		}
	} else if !ok || v < 2 || v > 8 || strings.ContainsRune("步招条项", []rune(ch)[0]) {
		return nil
	}
	i := c.sent + 1
	for i < len(a.sentences) && a.sentences[i].para == a.sentences[c.sent].para {
		i++
	}
	var steps []string
	skipped := 0
	for i < len(a.sentences) && len(steps) < v {
		s := a.sentences[i]
		if s.heading {
			break
		}
		t := strings.TrimLeft(s.norm, "“ ")
		item := ""
		if j := strings.IndexAny(t, ",:"); j > 0 {
			item = strings.Trim(t[:j], "“”")
		}
		n := zh.HanCount(item)
		switch {
		case n >= 2 && n <= 8 && n == utf8.RuneCountInString(item) && strings.Contains(item, ch) && !slices.Contains(steps, item) && zh.HanCount(t[len(item):]) >= 4:
			steps = append(steps, item)
		case len(steps) == 0 && skipped < 2:
			skipped++
		default:
			return nil
		}
		for p := s.para; i < len(a.sentences) && a.sentences[i].para == p; i++ {
		}
	}
	if len(steps) != v {
		return nil
	}
	if cs != nil {
		heads := make([]sectionHead, len(steps))
		for i, st := range steps {
			heads[i] = sectionHead{label: st}
		}
		return componentHeadSteps(heads, c.name, func(sectionHead) bool { return true })
	}
	return steps
}
