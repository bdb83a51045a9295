package catalog

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"bangyang/zh"
)

// More ways the genre tells a method's steps (see steps.go for the
// others), each tried by findExplainedSteps in turn:
//
//   - one-character steps after a colon (四步工作法：摸、议、办、评);
//   - a list counted as 环节/步骤 (分为收集、梳理、办理、反馈四个环节);
//   - a chain of stages (按照“收集—交办—督办—反馈”的流程) or a course
//     (从“居民点单”到“社区派单”再到“党员接单”);
//   - numbered lists of any one kind: 一是/一要/一抓, 第一，/第一条, 其一,
//     ①/⑴/❶, （1）, 1., 01 (WeChat headings), 一、 (sections under a
//     numbered name) — inline or one paragraph each;
//   - prose with adverbs of order (她先…；然后…；接着…；最后… / 从…入手，
//     …；再…；最终… / 先…，再…，后…);
//   - paragraphs or sub-headings each opened or closed by a quoted keyword
//     (“听”在一线。… / “听”，就是… / 畅通渠道“听”);
//   - labelled paragraphs (列清单：网格员每月走访…);
//   - the items of “四个一” opening the paragraphs after it.
//
// Each refuses what reads like steps but is not: outcomes (居民的笑脸多了,
// ①建成老年食堂2个…), difficulties (难处：一是…), a life told in order, a
// meeting's particulars (时间：…).

// reMarker opens a clause with a list marker and a short item; the
// groups say the marker's kind and value: 一是/一要/一抓…, 第一（条/招）,
// ①, (1), 1., 一、.
var reMarker = regexp.MustCompile(`^\s*“?(?:([一二三四五六七八九十])(是|要|抓|靠|强|建|促|做|讲|联|办|查|治)|(?:第|其)([一二三四五六七八九十])(条|招|项|个方面)?(?:是|[,、:])|([①②③④⑤⑥⑦⑧⑨⑩⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽❶❷❸❹❺❻❼❽❾❿])|\(([一二三四五六七八九十]|\d{1,2})\)|(\d{1,2})[.、．)]|([一二三四五六七八九十])、)\s*([^,;。!?:]{2,16}?)\s*(?:[,;。:!?]|$)`)

// circledValue is the number of ①…⑩, ⑴…⑽ or ❶…❿.
func circledValue(r rune) int {
	for _, first := range []rune{'①', '⑴', '❶'} {
		if r >= first && r < first+10 {
			return int(r-first) + 1
		}
	}
	return 0
}

// marker reads the list marker opening s: its kind, value and item. The
// item of 一抓组织建设 keeps its verb (抓组织建设); of 一是/一要 not.
func marker(s string) (kind string, v int, item string, ok bool) {
	m := reMarker.FindStringSubmatch(s)
	if m == nil {
		return "", 0, "", false
	}
	item = strings.TrimSpace(m[9])
	switch {
	case m[1] != "":
		if m[2] != "是" && m[2] != "要" {
			item = m[2] + item
		}
		return "n" + m[2], numeralValue([]rune(m[1])[0]), item, true
	case m[3] != "":
		return "第" + m[4], numeralValue([]rune(m[3])[0]), item, true
	case m[5] != "":
		return "circled", circledValue([]rune(m[5])[0]), item, true
	case m[6] != "":
		return "paren", numberValue(m[6]), item, true
	case m[7] != "":
		return "digit", numberValue(m[7]), item, true
	default:
		return "section", numeralValue([]rune(m[8])[0]), item, true
	}
}

// numberValue reads a one-numeral Chinese number or a small decimal.
func numberValue(s string) int {
	if r, _ := utf8.DecodeRuneInString(s); strings.ContainsRune(numerals, r) {
		return numeralValue(r)
	}
	v := 0
	for _, r := range s {
		v = v*10 + int(r-'0')
	}
	return v
}

// unquote drops quotation marks.
func unquote(s string) string {
	return strings.NewReplacer("“", "", "”", "", "‘", "", "’", "").Replace(s)
}

// clauseStarts are the byte offsets of n where a clause begins.
func clauseStarts(n string) []int {
	out := []int{0}
	for i, r := range n {
		switch r {
		case ',', ';', '。', ':', '!', '?':
			if j := i + utf8.RuneLen(r); j < len(n) {
				out = append(out, j)
			}
		}
	}
	return out
}

// numberedSteps: the sighting sentence or the ones after it number the
// method's parts with markers of one kind, 1..n without gaps (一是组织联建
// …二是…; 一抓…二抓…; 第一，选准人。…; ①摸排登记。…; （1）大事政府办。…;
// 1.先听后说。…; section headings 一、摸清底数 under a numbered name); n
// must match a numbered name (四联) when it has one, and be three or more
// when it has none. An item that tells an outcome (居民的笑脸多了) is no
// step, nor are the items of a sentence telling what came of it.
func numberedSteps(a *article, c candidate) []string {
	_, counted, numbered := numericShorthand(c.name)
	// 四心工作法: 第一心是热心 counts by the name's own character, read as
	// 第一是热心 (a step is never counted by a quantity word: 第一次).
	countedOrdinal := numbered && !strings.ContainsRune(numerals+"条招项个步次年天", []rune(counted)[0])
	runs := map[string][]string{} // per kind of marker, the items so far
	var kinds []string
	var done []string // the first run that ended complete
	lead := ""        // the end of the sentence before
	for d := 0; d <= 12 && c.sent+d < len(a.sentences) && done == nil; d++ {
		s := a.sentences[c.sent+d]
		n := s.norm
		if d == 0 {
			n = n[c.end:]
		} else if s.mark != "" && utf8.RuneCountInString(s.mark) <= 4 {
			n = norm(s.mark) + n // "…；②建档：…": the item's number is read too
		}
		n = unquote(n) // 一是建立“红色议事厅”，…
		if countedOrdinal && strings.Contains(n, "第") && strings.Contains(n, counted) {
			n = dropOrdinalCount(n, counted)
		}
		result := -1 // whether s tells what came of it, read when needed
		for _, p := range clauseStarts(n) {
			before := lead
			if p > 0 {
				before = lastRunes(n[:p], 16)
			}
			k, v, item, ok := marker(n[p:])
			if m := reWeChatNumbered.FindStringSubmatch(n); !ok && s.heading && p == 0 && m != nil {
				k, v, item, ok = "digit", numberValue(m[1]), m[2], true // 01 听民声
			}
			if !ok || k == "section" && (!numbered || p > 0) {
				continue
			}
			if result < 0 {
				result = 0
				if isResult(s) {
					result = 1
				}
			}
			if result == 1 {
				break // ①建成老年食堂2个…: what came of it, not a step
			}
			if v == 1 && reNotSteps.MatchString(before) {
				runs[k] = nil // 遇到了不少难处：一是…二是…: no steps
				continue
			}
			steps, seen := runs[k]
			if !seen {
				kinds = append(kinds, k)
			}
			switch {
			case v == len(steps)+1 && !strings.HasSuffix(item, "了"):
				runs[k] = append(steps, item)
			case len(steps) >= 2:
				if st := finishNumbered(steps, c.name); st != nil && done == nil {
					done = st
				}
				runs[k] = nil
			case v == 1:
				runs[k] = []string{item}
			default:
				runs[k] = nil
			}
		}
		lead = lastRunes(n, 16)
	}
	if done != nil {
		return done
	}
	for _, k := range kinds {
		st := runs[k]
		// Sections go on past the method's (一、二、三、 its steps, 四、
		// another matter): as many as its name counts.
		if v, _, ok := numericShorthand(c.name); ok && k == "section" && len(st) > v {
			st = st[:v]
		}
		if st := finishNumbered(st, c.name); st != nil {
			return st
		}
	}
	return nil
}

// dropOrdinalCount reads 第一心是 as 第一是 for the name's counted character.
func dropOrdinalCount(n, counted string) string {
	for _, r := range numerals {
		n = strings.ReplaceAll(n, "第"+string(r)+counted, "第"+string(r))
	}
	return n
}

// reWeChatNumbered is a heading numbered WeChat-style (01 听民声).
var reWeChatNumbered = regexp.MustCompile(`^0?(\d)\s+(\p{Han}{2,12})$`)

// reNotSteps ends the words leading in to an enumeration that is not of
// steps: difficulties, reasons, traits, gains.
var reNotSteps = regexp.MustCompile(`(?:难处|难题|困难|问题|原因|特点|好处|成效|变化|意义|收获|体会|感受|优势|不足|短板|挑战)[^,;。!?]{0,6}[:,]?\s*$`)

// lastRunes is the end of s, at most n runes, found from the end.
func lastRunes(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

func finishNumbered(steps []string, name string) []string {
	if _, _, ok := numericShorthand(name); !ok && len(steps) < 3 {
		return nil
	}
	return finishOrdinal(steps, name)
}

// reCountedList is a 、-list counted after its last item as stages
// (收集、梳理、办理、反馈四个环节; 受理、派单、办理、回访等四步).
var reCountedList = regexp.MustCompile(`((?:[^,;。:!?、]{1,14}、)+[^,;。:!?、]{1,12}?)等?([一二三四五六七八九十两]|\d)(?:个|大)?(?:环节|步骤|步|阶段|流程|道工序)`)

// listLeads end the prose before a counted list's first item.
var listLeads = []string{"分为", "分成", "按照", "按", "经过", "包括", "即", "通过", "遵循", "走好", "抓好", "有"}

// countedListSteps: the sighting sentence or the next two hold a list
// counted as stages, as many items as the count.
func countedListSteps(a *article, c candidate) []string {
	for d := 0; d <= 2 && c.sent+d < len(a.sentences); d++ {
		n := a.sentences[c.sent+d].norm
		if d == 0 {
			n = n[c.end:]
		}
		n = strings.NewReplacer("“", "", "”", "", "‘", "", "’", "").Replace(n)
		for _, m := range reCountedList.FindAllStringSubmatch(n, -1) {
			parts := strings.Split(m[1], "、")
			parts[0] = trimAfterLast(parts[0], listLeads)
			ok := true
			for i := range parts {
				parts[i] = strings.TrimSpace(parts[i])
				if r := utf8.RuneCountInString(parts[i]); r < 1 || r > 10 || zh.HanCount(parts[i]) != r {
					ok = false
				}
			}
			want := 2
			if m[2] != "两" {
				want = numberValue(m[2])
			}
			if ok && len(parts) == want && want >= 2 {
				return parts
			}
		}
	}
	return nil
}

// singleRuneListSteps: the sighting sentence goes on, after a colon, with
// three or more one-character steps (“四步工作法”：摸、议、办、评), as many
// as a numbered name says.
func singleRuneListSteps(a *article, c candidate) []string {
	n := a.sentences[c.sent].norm[c.end:]
	i := strings.Index(n, ":")
	if i < 0 {
		return nil
	}
	rest := n[i+1:]
	if j := strings.IndexAny(rest, "。;!?,"); j >= 0 {
		rest = rest[:j]
	}
	rest = strings.NewReplacer("“", "", "”", "", "‘", "", "’", "").Replace(strings.TrimSpace(rest))
	parts := strings.Split(rest, "、")
	if len(parts) < 3 {
		return nil
	}
	for _, p := range parts {
		if utf8.RuneCountInString(p) != 1 || !zh.IsHan([]rune(p)[0]) {
			return nil
		}
	}
	if v, _, ok := numericShorthand(c.name); ok && v != len(parts) {
		return nil
	}
	return parts
}

// reProse opens a clause with an adverb of order in prose: 她先…, 然后…,
// 再…, 最终…; or 从…入手.
var (
	reProseStep = regexp.MustCompile(`^\s*(\p{Han}{0,6}?)(首先|先|然后|接着|接著|紧接着|接下来|随后|之后|再|最后|最终|后)(?:是)?[,:]?(.*)$`)
	reProseFrom = regexp.MustCompile(`^\s*(\p{Han}{0,6}?)(?:首先)?从(\p{Han}{2,14}?)(?:入手|做起|抓起|着手)`)
)

// reCareer marks a life told in order (先是在街道工作，然后调到社区，最后
// 当上了书记), not a method's steps.
var reCareer = regexp.MustCompile(`书记|主任|担任|调任|调到|来到|工作过|退休|毕业|出生|当选`)

// proseSteps: the sentences after the sighting tell the method's steps
// in prose — one opening with 先 or 从…入手, middles with 然后/接着/再…,
// one closing with 最后/最终 — each step the clause after its adverb.
// Three steps or more, as many as a numbered name says; 先后 (one after
// another) and 先进 are no 先.
func proseSteps(a *article, c candidate) []string {
	var steps []string
	for d := 0; d <= 8 && c.sent+d < len(a.sentences); d++ {
		s := a.sentences[c.sent+d]
		if d > 0 && (s.heading || s.para != a.sentences[c.sent+d-1].para && len(steps) == 0 && d > 2) {
			return nil
		}
		n := s.norm
		if d == 0 {
			n = n[c.end:]
		}
		n = strings.NewReplacer("“", "", "”", "", "‘", "", "’", "").Replace(n)
		for _, p := range clauseStarts(n) {
			cl := n[p:]
			if j := strings.IndexAny(cl, ",;。:!?"); j >= 0 {
				cl = cl[:j]
			}
			adv, item := "", ""
			if m := reProseFrom.FindStringSubmatch(cl); m != nil {
				adv, item = "从", m[2]
			} else if m := reProseStep.FindStringSubmatch(cl); m != nil && !wordBefore(m[1], m[2]) && (m[2] != "后" || m[1] == "" && len(steps) >= 2) {
				adv, item = m[2], m[3] // 后 closes 先…再…后…
			} else {
				continue
			}
			item = strings.TrimLeft(strings.TrimSpace(item), "再又就")
			if r := utf8.RuneCountInString(item); r < 2 || r > 20 || strings.HasPrefix(item, "后") || strings.HasPrefix(item, "进") {
				continue
			}
			first := adv == "先" || adv == "首先" || adv == "从"
			if len(steps) == 0 {
				if first {
					steps = append(steps, item)
				}
				continue
			}
			if first {
				return nil // the order broke
			}
			steps = append(steps, item)
			if adv == "最后" || adv == "最终" || adv == "后" {
				if len(steps) < 3 || slices.ContainsFunc(steps, reCareer.MatchString) {
					return nil
				}
				return finishOrdinal(steps, c.name)
			}
		}
	}
	return nil
}

// wordBefore: the subject's last character and the adverb make another
// word (率先, 事先, 优先, 最后 of 之最后…): no adverb of order.
func wordBefore(subject, adv string) bool {
	r, _ := utf8.DecodeLastRuneInString(subject)
	if subject == "" {
		return false
	}
	if adv == "先" {
		return strings.ContainsRune("率事优预原抢领起早争祖首", r)
	}
	return adv == "再" && strings.ContainsRune("一", r) // 一再
}

// reKeywordOpen is a paragraph's short first sentence opened by a quoted
// keyword (“听”在一线。); reKeywordHead a sub-heading closed by one
// (畅通渠道“听”).
var (
	reKeywordOpen = regexp.MustCompile(`^[“‘](\p{Han}{1,3})[”’](?:\p{Han}{1,8}[。!]?$|(?:,|:|,?就是|,?即)\p{Han})`)
	reKeywordHead = regexp.MustCompile(`^(?:[一二三四五六七八九十]、|\d{1,2}[.、]|第[一二三四五六七八九十]步:?)?\p{Han}{2,8}[“‘](\p{Han}{1,3})[”’]$`)
)

// keywordStep: the step a paragraph's first sentence names by a quoted
// keyword, and whether the sentence is its paragraph's only one.
func keywordStep(a *article, i int) (string, bool) {
	s := a.sentences[i]
	t := strings.TrimSpace(s.norm)
	alone := i+1 >= len(a.sentences) || a.sentences[i+1].para != s.para
	if m := reKeywordOpen.FindStringSubmatch(t); m != nil {
		return m[1], alone
	}
	if m := reKeywordHead.FindStringSubmatch(t); m != nil && alone {
		return m[1], true
	}
	return "", false
}

// keywordSteps: the paragraphs after the sighting's are the method's
// steps, each opened by a quoted keyword (“听”在一线。社区干部…) or under a
// sub-heading closed by one (畅通渠道“听”, then its paragraph); three or
// more, as many as a numbered name says.
func keywordSteps(a *article, c candidate) []string {
	var steps []string
	seen := map[string]bool{}
	body := 0 // paragraphs since a heading alone
	i := c.sent + 1
	for i < len(a.sentences) && a.sentences[i].para == a.sentences[c.sent].para {
		i++
	}
	// Named inside the first step's section (一、畅通渠道“听” / …她推行的
	// “三步工作法”从倾听开始。…): the steps start at that heading.
	j := c.sent
	for j > 0 && a.sentences[j-1].para == a.sentences[c.sent].para {
		j--
	}
	if j > 0 {
		if st, alone := keywordStep(a, j-1); st != "" && alone {
			i = j - 1
		}
	}
	for i < len(a.sentences) {
		p := a.sentences[i].para
		st, alone := keywordStep(a, i)
		switch {
		case st != "" && !seen[st]:
			seen[st] = true
			steps = append(steps, st)
			body = 0
			if !alone {
				body = 1
			}
		case len(steps) > 0 && body == 0:
			body = 1 // the paragraph under a heading
		default:
			i = len(a.sentences)
			continue
		}
		for i < len(a.sentences) && a.sentences[i].para == p {
			i++
		}
	}
	return stepsIfCounted(c, steps)
}

// reLabel opens a paragraph with a short label and a colon (列清单：…).
// A bold label's marks may stand around it or its colon (**摸清底数**：,
// **摸清底数：**).
var reLabel = regexp.MustCompile(`^(?:\*\*)?“?(\p{Han}{2,8})”?(?:\*\*:|:(?:\*\*)?)`)

// labelSteps: the paragraphs after the sighting's (past a heading naming
// the method) each open with a label of their own and a colon (列清单：
// 网格员每月走访…; a Markdown list loses its numbers on loading): the
// labels are the steps, three or more, as many as a numbered name says.
// An interview's speakers (记者：…吴中兰：…记者：) repeat, which ends it.
func labelSteps(a *article, c candidate) []string {
	i := c.sent + 1
	for i < len(a.sentences) && a.sentences[i].para == a.sentences[c.sent].para {
		i++
	}
	for i < len(a.sentences) && a.sentences[i].heading && len(a.sentences[i].key) > 0 && strings.Contains(a.sentences[i].key, key(c.name)) {
		i++
	}
	var steps []string
	seen := map[string]bool{}
	// A counted name's labels may come after a paragraph or two of setting
	// (两会一站 … 阳光社区是老旧小区… / 居民议事会：…); their count must match.
	skip := 0
	if _, _, ok := numericShorthand(c.name); ok || components(c.name) != nil {
		skip = 2
	}
	for i < len(a.sentences) && !a.sentences[i].heading {
		// What follows the label says what is done (an infobox's 民族：汉族
		// or a page's 来源：…日报 does not).
		t := a.sentences[i].norm
		m := reLabel.FindStringSubmatch(t)
		if m == nil || seen[m[1]] || strings.HasSuffix(m[1], "说") || m[1] == "记者" || zh.HanCount(t[len(m[0]):]) < 8 {
			if len(steps) == 0 && skip > 0 {
				skip--
				p := a.sentences[i].para
				for i < len(a.sentences) && a.sentences[i].para == p {
					i++
				}
				continue
			}
			break
		}
		seen[m[1]] = true
		steps = append(steps, m[1])
		p := a.sentences[i].para
		for i < len(a.sentences) && a.sentences[i].para == p {
			i++
		}
	}
	return stepsIfCounted(c, steps)
}

// reBareHeading is a paragraph's opening sentence that is a short phrase
// alone (摸清底数。, 建好居民台账。).
var reBareHeading = regexp.MustCompile(`^(\p{Han}{3,8})。$`)

// headedParagraphSteps: the paragraphs after the sighting's each open with
// a bare phrase of three to eight characters, all of one length, and a full
// stop, then tell it (摸清底数。每个月，她带着网格员…): three or more in a
// row, as many as a numbered name says. A paragraph without a body, a
// phrase repeated or of another length ends the run.
func headedParagraphSteps(a *article, c candidate) []string {
	counted := nameCount(c.name)
	i := c.sent + 1
	for i < len(a.sentences) && a.sentences[i].para == a.sentences[c.sent].para {
		i++
	}
	var steps []string
	seen := map[string]bool{}
	for i < len(a.sentences) && !a.sentences[i].heading {
		s := a.sentences[i]
		m := reBareHeading.FindStringSubmatch(strings.TrimSpace(s.norm))
		// Parallel headings are of one length (摸清底数、分类施策、跟踪回访),
		// unless the name counts them (民情三步法).
		if m == nil || seen[m[1]] || len(steps) > 0 && counted == 0 && utf8.RuneCountInString(m[1]) != utf8.RuneCountInString(steps[0]) || i+1 >= len(a.sentences) || a.sentences[i+1].para != s.para || zh.HanCount(a.sentences[i+1].norm) < 8 {
			break
		}
		seen[m[1]] = true
		steps = append(steps, m[1])
		for i < len(a.sentences) && a.sentences[i].para == s.para {
			i++
		}
	}
	return stepsIfCounted(c, steps)
}

// reDashList is a chain of stages (收集—交办—督办—反馈), reDash what
// joins them.
var reDash = regexp.MustCompile(`—+|→|－|-`)
var reDashList = regexp.MustCompile(`“?(\p{Han}{1,6}(?:(?:—+|→|－|-)\p{Han}{1,6}){2,7})”?(的)?(流程|闭环|链条|步骤|环节|机制|工作法|模式)?`)

// dashListSteps: the sighting sentence or the next one names a chain of
// three or more stages joined by dashes or arrows, quoted or called a
// 流程/闭环 (按照“收集—交办—督办—反馈”的流程), as many as a numbered name
// says.
func dashListSteps(a *article, c candidate) []string {
	for d := 0; d <= 1 && c.sent+d < len(a.sentences); d++ {
		n := a.sentences[c.sent+d].norm
		if d == 0 {
			n = n[c.end:]
		}
		for _, m := range reDashList.FindAllStringSubmatch(n, -1) {
			quoted := strings.HasPrefix(m[0], "“") && strings.Contains(m[0], "”")
			if !quoted && m[3] == "" {
				continue
			}
			parts := reDash.Split(m[1], -1)
			if v, _, ok := numericShorthand(c.name); ok && v != len(parts) {
				continue
			}
			return parts
		}
	}
	return nil
}

// reFromTo is a course told 从A到B（，）再到C (从“居民点单”到“社区派单”再到
// “党员接单”).
var reFromTo = regexp.MustCompile(`从“?(\p{Han}{2,10}?)”?到“?(\p{Han}{2,10}?)”?((?:,?再到“?\p{Han}{2,10}?”?)+)(?:[,;。:!?]|$)`)

// fromToSteps: the sighting sentence or the next one tells a course of
// three or more stages 从…到…再到…, quoted or as many as a numbered name
// says (not 从小区到社区再到街道, a reach).
func fromToSteps(a *article, c candidate) []string {
	for d := 0; d <= 1 && c.sent+d < len(a.sentences); d++ {
		n := a.sentences[c.sent+d].norm
		if d == 0 {
			n = n[c.end:]
		}
		m := reFromTo.FindStringSubmatch(n)
		if m == nil {
			continue
		}
		steps := []string{m[1], m[2]}
		for _, p := range strings.Split(m[3], "再到")[1:] {
			steps = append(steps, strings.Trim(p, ",“” "))
		}
		v, _, numbered := numericShorthand(c.name)
		if numbered && v == len(steps) || !numbered && strings.Count(m[0], "“") >= len(steps) {
			return steps
		}
	}
	return nil
}

// reOneItem opens a clause with one of “N个一”'s items (一张连心卡).
var reOneItem = regexp.MustCompile(`^\s*(一[张本次个场份支套批条项块面把]\p{Han}{1,6}?)(?:[,;。:!?]|$)`)

// countedOnesSteps: a name “五个一” whose items (一张连心卡、一本民情账…)
// open the clauses or paragraphs after the sighting, as many as it counts.
func countedOnesSteps(a *article, c candidate) []string {
	rs := []rune(key(c.name))
	if len(rs) < 3 || !strings.ContainsRune(numerals+"两", rs[0]) || rs[1] != '个' || rs[2] != '一' {
		return nil
	}
	v := 2
	if rs[0] != '两' {
		v = numeralValue(rs[0])
	}
	var steps []string
	seen := map[string]bool{}
	for d := 0; d <= 3*v && c.sent+d < len(a.sentences) && len(steps) < v; d++ {
		n := a.sentences[c.sent+d].norm
		if d == 0 {
			n = n[c.end:]
		}
		n = unquote(n)
		for _, p := range clauseStarts(n) {
			if m := reOneItem.FindStringSubmatch(n[p:]); m != nil && !seen[m[1]] && len(steps) < v {
				seen[m[1]] = true
				steps = append(steps, m[1])
			}
		}
	}
	if len(steps) != v {
		return nil
	}
	return steps
}

// stepsIfCounted keeps steps read from paragraph openings only when there
// are three or more and, for a numbered name (四步工作法), as many as it says.
func stepsIfCounted(c candidate, steps []string) []string {
	if len(steps) < 3 {
		return nil
	}
	if _, _, ok := numericShorthand(c.name); !ok {
		if v := nameCount(c.name); v > 0 && v != len(steps) {
			return nil // 民情三步法 told in four
		}
	}
	if v, _, ok := numericShorthand(c.name); ok && v != len(steps) {
		// Or 两会一站: as many as its components, each holding its noun.
		heads := make([]sectionHead, len(steps))
		for i, st := range steps {
			heads[i] = sectionHead{label: st}
		}
		if components(c.name) == nil || componentHeadSteps(heads, c.name, func(sectionHead) bool { return true }) == nil {
			return nil
		}
	}
	return steps
}

// nameCount is how many parts a name counts: its leading numeral (四单
// 工作法) or one counting steps inside it (民情三步法); 0 when it counts
// none.
func nameCount(name string) int {
	if v, _, ok := numericShorthand(key(name)); ok {
		return v
	}
	if m := reNameCount.FindStringSubmatch(key(name)); m != nil {
		if m[1] == "两" {
			return 2
		}
		return numeralValue([]rune(m[1])[0])
	}
	return 0
}
