package catalog

import (
	"bangyang/zh"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// A method named once (她总结出“四单工作法”) whose parts are told under
// later sub-headings of the article — a section title 一、…/（一）…, a
// bold or Markdown ### line, a short line standing alone — possibly with
// other paragraphs between the naming and the first of them. The
// headings are its steps when their count or their words match its name:
// as many as a numbered name counts (三心 and three headings numbered
// 一、二、三, or three headings of one length), or each holding the
// name's counted character (四单: 居民点单, 社区派单…), or, for a name
// without a numeral, each holding the next character of the name
// (听议办工作法: 听民声, 议民事, 办实事). Nothing else is taken.

// reHeadMark is the numbering mark opening a section heading (after
// norm(): Simplified, full-width folded).
var reHeadMark = regexp.MustCompile(`^\s*(?:[一二三四五六七八九十]{1,2}\s*[、.．]|[（(]([一二三四五六七八九十]{1,2}|\d{1,2})[）)]|(\d{1,2})\s*[.．、]|0(\d)\s*|第([一二三四五六七八九十]{1,2})[招步条个项]?\s*[：:、,]?)\s*`)

// reCloser is a section of the writer's own at an article's end.
var reCloser = regexp.MustCompile(`^(?:记者手记|编后|后记|结语|记者观察|短评|延伸阅读|相关链接|相关阅读|记者感言|编者按|采访手记)`)

// reMethodTail is what a method's name ends with after its core
// (听议办 of 听议办工作法).
var reMethodTail = regexp.MustCompile(`(?:工作法|工作机制|机制|模式|工作模式|法|制)$`)

// sectionHead is one heading after a method's sighting.
type sectionHead struct {
	sent  int
	label string // the heading without its mark and subtitle: the step
	whole string // the heading's key, mark and subtitle included
	value int    // the number its mark gives, 0 when unnumbered
}

// headLike: sentence i heads a section: a heading line, or a paragraph
// of one short sentence opened by a numbering mark (一、用耐心听民声。),
// with a body after it.
func headLike(a *article, i int) bool {
	s := a.sentences[i]
	if boldLabel(a, i) {
		return true
	}
	if i+1 >= len(a.sentences) || a.sentences[i+1].para == s.para || a.sentences[i+1].heading {
		return false
	}
	if s.heading {
		return true
	}
	return oneLine(a, i) && utf8.RuneCountInString(s.norm) <= 24 && reHeadMark.MatchString(s.norm) && !strings.ContainsAny(s.norm, ",")
}

// reBoldLabel is a Markdown bold label standing as its own sentence
// (**摸清底数**。, **资源清单**：).
var reBoldLabel = regexp.MustCompile(`^\*\*([^*]{2,16})\*\*[。.:!]?$`)

// boldLabel: sentence i opens its paragraph with a bold label alone, the
// paragraph's next sentences telling it (**摸清底数**。社区把辖区划成…).
func boldLabel(a *article, i int) bool {
	s := a.sentences[i]
	return (i == 0 || a.sentences[i-1].para != s.para) && i+1 < len(a.sentences) && a.sentences[i+1].para == s.para &&
		reBoldLabel.MatchString(strings.TrimSpace(s.norm))
}

// headLabel reads a heading: its mark's number, and the step it names —
// without the mark, the quotes and a subtitle after a colon, a comma, a
// dash or a space (居民点单：需求摸上来 → 居民点单).
func headLabel(t string) (label string, value int) {
	t = strings.TrimSpace(unquote(t))
	// A bracketed heading (【用心倾听】, ◆ 热心服务).
	t = strings.TrimSpace(strings.TrimLeft(t, "【[〔◆●■▲★·•*#▌"))
	t = strings.TrimSpace(strings.TrimRight(t, "】]〕*。.:!"))
	if m := reHeadMark.FindStringSubmatch(t); m != nil && len(m[0]) < len(t) {
		value = numberValue(m[1] + m[2] + m[3] + m[4])
		if value == 0 {
			if r, _ := utf8.DecodeRuneInString(strings.TrimSpace(m[0])); strings.ContainsRune(numerals, r) {
				value = numeralValue(r)
			}
		}
		t = t[len(m[0]):]
	}
	t = strings.TrimRight(t, "。!?;")
	for _, sep := range []string{":", ",", "——", "—", " ", "|"} {
		if i := strings.Index(t, sep); i > 0 && utf8.RuneCountInString(t[:i]) >= 2 {
			t = t[:i]
		}
	}
	return strings.TrimSpace(t), value
}

// maxHeadsAfter bounds the headings read after a sighting: a method's
// parts are never more than ten, and a long file's later sections are
// other matters (and would make Build quadratic).
const maxHeadsAfter = 24

// headsAfter lists the section headings after sentence from, in order,
// at most maxHeadsAfter; a heading naming the method again or a closing
// section of the writer's (记者手记) is kept, to break a run. The
// article's headings are found once (a.heads).
func headsAfter(a *article, from int) []sectionHead {
	if a.heads == nil {
		a.heads = []sectionHead{}
		for i := range a.sentences {
			if headLike(a, i) {
				label, v := headLabel(a.sentences[i].norm)
				a.heads = append(a.heads, sectionHead{sent: i, label: label, whole: a.sentences[i].key, value: v})
			}
		}
	}
	k := sort.Search(len(a.heads), func(j int) bool { return a.heads[j].sent > from })
	return a.heads[k:min(len(a.heads), k+maxHeadsAfter)]
}

// laterHeadingSteps reads the method's steps from the headings after its
// sighting (see the comment at the top of this file).
func laterHeadingSteps(a *article, c candidate) []string {
	heads := headsAfter(a, c.sent)
	if len(heads) < 2 {
		return nil
	}
	name := key(c.name)
	usable := func(h sectionHead) bool {
		n := utf8.RuneCountInString(h.label)
		return n >= 2 && n <= 16 && !strings.Contains(h.whole, name) && !reCloser.MatchString(h.label)
	}
	labels := func(hs []sectionHead) []string {
		var out []string
		seen := map[string]bool{}
		for _, h := range hs {
			if !usable(h) || seen[h.label] {
				return nil
			}
			seen[h.label] = true
			out = append(out, h.label)
		}
		return out
	}
	// “四个一”: its items (一张联系卡, 一本健康账…) heading as many
	// sections in a row.
	if rs := []rune(name); len(rs) >= 3 && strings.ContainsRune(numerals+"两", rs[0]) && rs[1] == '个' && rs[2] == '一' {
		v := 2
		if rs[0] != '两' {
			v = numeralValue(rs[0])
		}
		for i := 0; i < len(heads); {
			j := i
			for j < len(heads) && usable(heads[j]) && reOneItem.MatchString(heads[j].label) {
				j++
			}
			if j-i == v {
				return labels(heads[i:j])
			}
			i = max(j, i+1)
		}
		return nil
	}
	if st := componentHeadSteps(heads, name, usable); st != nil {
		return st
	}
	v, counted, numbered := numericShorthand(name)
	if m := reNameCount.FindStringSubmatch(name); !numbered && m != nil {
		// 民情三步法: counted inside.
		v, counted, numbered = 2, "步", true
		if m[1] != "两" {
			v = numeralValue([]rune(m[1])[0])
		}
	}
	if rs := []rune(name); numbered && strings.Contains("张个项条支座本套", counted) && len(rs) >= 4 {
		counted = string(rs[2:4]) // 三张清单: each heading holds 清单
	}
	if numbered {
		if v < 2 || v > 10 {
			return nil
		}
		// Each holding the counted character, v of them in a row.
		for i := 0; i < len(heads); {
			j := i
			for j < len(heads) && usable(heads[j]) && strings.Contains(heads[j].whole, counted) {
				j++
			}
			if j-i == v {
				if st := labels(heads[i:j]); st != nil {
					return st
				}
			}
			i = max(j, i+1)
		}
		// Numbered 1..v from the first heading on, and no v+1 after, the
		// first within a few paragraphs of the naming.
		run := 0
		for run < len(heads) && heads[run].value == run+1 {
			run++
		}
		if run == v && a.sentences[heads[0].sent].para-a.sentences[c.sent].para <= 6 {
			return labels(heads[:v])
		}
		// Exactly v headings, unnumbered, of one length (用耐心听民声,
		// 用诚心解民忧, 用恒心暖民心), the writer's closing aside, the first
		// soon after the naming (a feature's themes of four characters
		// further on are no one method's).
		hs := heads
		if k := len(hs); k > 0 && reCloser.MatchString(hs[k-1].label) {
			hs = hs[:k-1]
		}
		if len(hs) == v && run == 0 && a.sentences[hs[0].sent].para-a.sentences[c.sent].para <= 3 {
			n := utf8.RuneCountInString(hs[0].label)
			for _, h := range hs {
				if h.value != 0 || utf8.RuneCountInString(h.label) != n {
					return nil
				}
			}
			return labels(hs)
		}
		return nil
	}
	// No numeral: the name's core spelled by the headings, one character
	// each, from the first heading on.
	core := []rune(reMethodTail.ReplaceAllString(name, ""))
	if len(core) < 3 || len(core) > 5 || len(heads) < len(core) {
		return nil // two characters spelled by two headings is chance (暖心)
	}
	seen := map[rune]bool{}
	for j, r := range core {
		if seen[r] || !strings.ContainsRune(heads[j].label, r) {
			return nil
		}
		seen[r] = true
	}
	if len(heads) > len(core) && heads[len(core)].value == len(core)+1 {
		return nil // a numbered series going on past the name
	}
	return labels(heads[:len(core)])
}

// stepHeads finds, after sentence from, the headings the steps are told
// under: one per step, in order, each heading's label the step (or the
// heading opening with it after its mark). nil unless every step has one.
func stepHeads(a *article, from int, steps []string) []int {
	if len(steps) < 2 {
		return nil
	}
	var out []int
	for _, h := range headsAfter(a, from) {
		if len(out) == len(steps) {
			break
		}
		k := key(steps[len(out)])
		rest := h.whole
		if m := reHeadMark.FindString(rest); m != "" {
			rest = rest[len(m):]
		}
		rest = strings.TrimLeft(unquote(rest), ":")
		if k != "" && (key(h.label) == k || strings.HasPrefix(rest, k)) {
			out = append(out, h.sent)
		} else if len(out) > 0 {
			return nil // another section between two steps
		}
	}
	if len(out) != len(steps) {
		return nil
	}
	return out
}

// headBodies are, per step heading, the sentences told under it: up to
// the next heading, a turn to another method, or maxBody sentences. The
// last step's runs no further than the others' paragraphs did, and not
// into what came of it all (如今，…满意率…) in a paragraph of its own.
func headBodies(a *article, ix *articleIndex, mi int, heads []int) [][]int {
	const maxBody = 6
	out := make([][]int, len(heads))
	maxParas := 1
	for j, h := range heads {
		last := j == len(heads)-1
		paras, para := 0, -1
		for i := h + 1; i < len(a.sentences) && len(out[j]) < maxBody; i++ {
			s := a.sentences[i]
			// Another method named inside a step (社区召开车主议事会) is
			// part of it; one turned to (此外，她还创办了…) is not.
			if s.heading || headLike(a, i) || turnsTo(s) && ix.introducesOther(i, mi) {
				break
			}
			if s.para != para {
				para = s.para
				paras++
				if last && paras > 1 && (paras > maxParas || reOutcome.MatchString(s.norm) || reFollowMarker.MatchString(s.norm) || isResult(s)) {
					break
				}
			}
			out[j] = append(out[j], i)
		}
		if !last {
			maxParas = max(maxParas, paras)
		}
	}
	return out
}

// A table of the method's steps (环节 | 做法 | 时限), its rows loaded as
// "环节：民情收集，做法：…，时限：每日" (corpus renders HTML and Markdown
// tables so).

// reTableRow opens a table row's line: its first column's label and cell.
var reTableRow = regexp.MustCompile(`^(\p{Han}{1,6}):([^,;。:]{1,12}),\p{Han}{1,6}:`)

// stepColumns label a table's column of steps; tierColumns one of tiers.
var (
	stepColumns = map[string]bool{"步骤": true, "环节": true, "流程": true, "阶段": true, "程序": true, "步": true, "工作环节": true, "工作步骤": true}
	// partColumns label a column of a method's parts (名称 | 做法): only
	// when the rows are as many as the name counts.
	partColumns = map[string]bool{"名称": true, "项目": true, "内容": true, "清单": true, "平台": true, "组成": true, "板块": true, "模块": true}
	tierColumns = map[string]bool{"等级": true, "级别": true, "类别": true, "类型": true, "颜色": true, "层级": true}
)

// reColumnLabel opens a table row or cell with its column's label (环节：提，
// 做法：… / 内容：听。…), which says nothing of the step itself.
var reColumnLabel = regexp.MustCompile(`^\s*(?:步骤|环节|流程|阶段|程序|步|工作环节|工作步骤|名称|项目|内容|主要内容|做法|具体做法|主要做法|措施|说明)\s*:\s*`)

// trimColumnLabel drops a row's or cell's column label (环节：) opening k.
func trimColumnLabel(k string) string { return reColumnLabel.ReplaceAllString(k, "") }

// reCountedParts is a count of parts the sighting sentence gives (分成四个
// 环节, 三个步骤, 分为红黄绿三级).
var reCountedParts = regexp.MustCompile(`([两二三四五六七八九十])个?(?:环节|步骤|步|阶段|流程|类|级|色|档)`)

// tableRowSteps: the paragraphs after the sighting's are a table's rows,
// their first column labelled as steps (环节, 步骤) or tiers (等级,
// 类别): its cells are the steps — as many as the name or the sighting
// sentence counts, and for steps without a count three or more; tiers
// only when counted.
func tableRowSteps(a *article, c candidate) []string {
	i := c.sent + 1
	for i < len(a.sentences) && a.sentences[i].para == a.sentences[c.sent].para {
		i++
	}
	label := ""
	var steps []string
	for ; i < len(a.sentences) && len(steps) < 10; i++ {
		m := reTableRow.FindStringSubmatch(a.sentences[i].norm)
		if m == nil || label != "" && m[1] != label || slices.Contains(steps, m[2]) {
			break
		}
		label = m[1]
		steps = append(steps, strings.TrimSpace(m[2]))
	}
	if len(steps) < 2 || !stepColumns[label] && !tierColumns[label] && !partColumns[label] {
		return nil
	}
	count := 0
	if cs := components(key(c.name)); cs != nil {
		for _, x := range cs {
			count += x.count // 一中心三平台: four rows
		}
	} else if v, _, ok := numericShorthand(key(c.name)); ok {
		count = v
	} else if m := reCountedParts.FindStringSubmatch(a.sentences[c.sent].norm); m != nil {
		count = 2
		if m[1] != "两" {
			count = numeralValue([]rune(m[1])[0])
		}
	}
	switch {
	case count > 0 && count != len(steps):
		return nil
	case count == 0 && (tierColumns[label] || partColumns[label] || len(steps) < 3):
		return nil
	}
	return steps
}

// A name made of its components (一中心三平台, 两会一站, 党建+物业+志愿):
// each component a count and a noun, or a part between pluses.
type component struct {
	noun  string
	count int
}

// components reads the name's core as two or more counted nouns
// (一中心 + 三平台; 两会 + 一站) or parts joined by + (党建+物业); nil
// when it is not so made. A noun takes at most two characters after a
// measure word (个, 张 …), so that a tail (服务, 体系) stays out.
func components(name string) []component {
	core := reMethodTail.ReplaceAllString(name, "")
	if strings.Contains(core, "+") {
		var out []component
		for _, p := range strings.Split(core, "+") {
			if zh.HanCount(p) < 2 || zh.HanCount(p) != utf8.RuneCountInString(p) {
				return nil
			}
			out = append(out, component{p, 1})
		}
		if len(out) < 2 {
			return nil
		}
		// The last part carries the name's tail (志愿治理 of
		// 党建+物业+志愿治理模式): as long as the others at most.
		n := 0
		for _, c := range out[:len(out)-1] {
			n = max(n, utf8.RuneCountInString(c.noun))
		}
		if rs := []rune(out[len(out)-1].noun); len(rs) > n {
			out[len(out)-1].noun = string(rs[:n])
		}
		return out
	}
	rs := []rune(core)
	var out []component
	for i := 0; i < len(rs); {
		r := rs[i]
		if !strings.ContainsRune(numerals+"两", r) {
			if len(out) >= 2 && len(rs)-i <= 4 {
				break // a tail: 服务, 体系
			}
			return nil
		}
		v := 2
		if r != '两' {
			v = numeralValue(r)
		}
		j := i + 1
		if j < len(rs) && strings.ContainsRune("个张项条支座", rs[j]) {
			j++
		}
		k := j
		for k < len(rs) && k-j < 2 && zh.IsHan(rs[k]) && !strings.ContainsRune(numerals+"两", rs[k]) {
			k++
		}
		if k == j {
			return nil
		}
		out = append(out, component{string(rs[j:k]), v})
		i = k
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// componentHeadSteps: the headings after the naming tell the name's
// components, in any order: a run of as many headings as the components
// count, each holding one component's noun, as many of each as its count
// (一中心三平台: one heading with 中心, three with 平台).
func componentHeadSteps(heads []sectionHead, name string, usable func(sectionHead) bool) []string {
	cs := components(name)
	if cs == nil {
		return nil
	}
	total := 0
	for _, c := range cs {
		total += c.count
	}
	if total < 2 || total > 10 {
		return nil
	}
	// which: the component a heading tells — the noun found last in it.
	which := func(h sectionHead) int {
		best, at := -1, -1
		for ci, c := range cs {
			if p := strings.LastIndex(key(h.label), key(c.noun)); p >= 0 && p >= at {
				best, at = ci, p
			}
		}
		return best
	}
	for i := 0; i+total <= len(heads); i++ {
		count := make([]int, len(cs))
		var labels []string
		ok := true
		for _, h := range heads[i : i+total] {
			ci := -1
			if usable(h) {
				ci = which(h)
			}
			if ci < 0 || slices.Contains(labels, h.label) {
				ok = false
				break
			}
			count[ci]++
			labels = append(labels, h.label)
		}
		for ci, c := range cs {
			ok = ok && count[ci] == c.count
		}
		if ok {
			return labels
		}
	}
	return nil
}

// reNameCount is a count of steps inside a name (民情三步法, 加梯三步法).
var reNameCount = regexp.MustCompile(`([二两三四五六七八九十])(?:步|招|环节|个环节|段)`)

// openerHeads: the steps are told as parts whose paragraphs open with a
// number and the step (（一）组织联建：把党组织建在小区上。街道在…), each
// part running on over the paragraphs after it — a teaching case's or a
// report's 主要做法 — after the sighting, perhaps past headings of its
// own sections (一、案例背景 / 二、主要做法): per step, the sentence opening
// its part; nil unless every step has one, in order.
func openerHeads(a *article, from int, steps []string) []int {
	if len(steps) < 2 {
		return nil
	}
	var out []int
	for i := from + 1; i < len(a.sentences) && len(out) < len(steps); i++ {
		s := a.sentences[i]
		if i > 0 && a.sentences[i-1].para == s.para {
			continue
		}
		m := reHeadMark.FindString(s.norm)
		if m == "" {
			continue
		}
		rest := strings.TrimLeft(keyOfNorm(unquote(s.norm[len(m):])), ":")
		if k := key(steps[len(out)]); k != "" && strings.HasPrefix(rest, k) {
			out = append(out, i)
		}
	}
	if len(out) != len(steps) {
		return nil
	}
	return out
}

// openerBodies are, per part, the sentences from its opening (when it
// says more than its step: 把党组织建在小区上) to the next part's, a
// heading, or maxBody sentences; the last runs no further than the
// others' paragraphs did, and not into what came of it all.
func openerBodies(a *article, ix *articleIndex, mi int, heads []int, steps []string) [][]int {
	const maxBody = 6
	out := make([][]int, len(heads))
	maxParas := 1
	for j, h := range heads {
		last := j == len(heads)-1
		end := len(a.sentences)
		if !last {
			end = heads[j+1]
		}
		if rest := zh.HanCount(a.sentences[h].norm) - zh.HanCount(steps[j]); rest >= 4 {
			out[j] = append(out[j], h)
		}
		paras, para := 1, a.sentences[h].para
		for i := h + 1; i < end && len(out[j]) < maxBody; i++ {
			s := a.sentences[i]
			if s.heading || headLike(a, i) || turnsTo(s) && ix.introducesOther(i, mi) {
				break
			}
			if s.para != para {
				para = s.para
				paras++
				if last && (paras > maxParas || reOutcome.MatchString(s.norm) || reFollowMarker.MatchString(s.norm) || isResult(s)) {
					break
				}
			}
			out[j] = append(out[j], i)
		}
		if !last {
			maxParas = max(maxParas, paras)
		}
	}
	return out
}
