package catalog

import (
	"bangyang/zh"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// Method candidates of one sentence (methodCandidates); the vocabulary
// is in extract_vocab.go, the predicates on names in extract_names.go.

var (
	// Unquoted numbered shorthand with a method suffix: 三社联动, 四色志愿服务队.
	reNumericUnquoted = regexp.MustCompile(`[一二三四五六七八九十]\p{Han}{1,2}?(?:工作法|工作机制|机制|联动|志愿服务队|服务队|调解法)`)
	// A name ending in a numbered shorthand, followed by its expansion:
	// 党务公开三会——党员恳谈会、党员议事会、党员评议会.
	reNumericExpanded = regexp.MustCompile(`(\p{Han}{2,8}?[一二三四五六七八九十]\p{Han})(?:——|—|--|:|,即|即)`)
	// Unquoted …工作法 and …模式/机制 names.
	// Latin letters only in a numbered formula (1+3+N).
	reUnquotedMethod = regexp.MustCompile(`([\p{Han}0-9A-Za-z+]{2,12}?)(工作法|服务模式|管理模式|模式|机制)`)
	// After a quoted name: up to four characters, then a method suffix.
	reQuoteTail = regexp.MustCompile(`^(\p{Han}{1,4}?)(工作法|工作机制|机制|模式|品牌)`)
	// 以社区大党委为平台: the platform is named.
	rePlatform = regexp.MustCompile(`以“?(\p{Han}{3,10}?)”?为平台`)
	// Step sequences: 一听二看三查, 三活四清五到家.
	reSequence = regexp.MustCompile(`(?:[一二三四五六七八九十][^一二三四五六七八九十、,:;“”‘’\s]{1,3}、?){2,}`)
)

// candidate is one sighting of a method name in a sentence.
type candidate struct {
	name  string // Simplified canonical form
	alias []string
	orig  string // original-script form, when recoverable
	// oa, ob: the byte span of the norm whose original-script text is
	// orig, cut only once the candidate is kept.
	oa, ob int
	steps  []string
	// leader is another secretary the sentence credits with the method
	// (…书记李文静,坚持了六年的“睦邻茶话会”); empty for the article's leader.
	leader string
	sent   int
	pos    int // byte offset of the name in the sentence's norm
	end    int // byte offset after the name and its suffix
}

type quoteSpan struct {
	inner      string
	start, end int // byte offsets: start of the opening quote, after the closing quote
}

// quotedSpans finds “…” and ‘…’ spans of at most 30 runes; unbalanced
// quotes (eaten by garbled runs) are skipped rather than paired wrongly.
func quotedSpans(s string) []quoteSpan {
	var out []quoteSpan
	for _, pair := range [][2]string{{"“", "”"}, {"‘", "’"}} {
		open, close := pair[0], pair[1]
		i := 0
		for {
			j := strings.Index(s[i:], open)
			if j < 0 {
				break
			}
			j += i
			k := strings.Index(s[j+len(open):], close)
			if k < 0 {
				break
			}
			k += j + len(open)
			inner := s[j+len(open) : k]
			if next := strings.Index(inner, open); next >= 0 {
				i = j + len(open) + next
				continue
			}
			if n := utf8.RuneCountInString(inner); n >= 1 && n <= 30 {
				out = append(out, quoteSpan{inner: inner, start: j, end: k + len(close)})
			}
			i = k + len(close)
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].start < out[b].start })
	return out
}

// methodCandidates finds method names in one sentence.
func methodCandidates(s sentence, idx int) []candidate {
	var out []candidate
	n := s.norm
	add := func(c candidate) {
		c.name = strings.TrimSpace(c.name)
		if zh.HanCount(c.name) < 2 || isStopName(c.name) || strings.Trim(c.name, "0123456789+") == "" {
			return
		}
		if len(out) >= maxCandidatesPerSentence {
			return
		}
		if c.ob > c.oa {
			c.orig = origSpan(s, c.oa, c.ob)
		}
		before := tailBytes(n[:c.pos], 300)
		if notTheLeaders(before) {
			return
		}
		if m := reOtherSecretary.FindStringSubmatch(before); m != nil {
			c.leader = m[1]
		}
		c.sent = idx
		out = append(out, c)
	}
	covered := map[int]bool{} // sentence byte offsets already inside a quoted name

	spans := quotedSpans(n)
	quotes := spans
	if len(quotes) > maxQuotesPerSentence {
		quotes = quotes[:maxQuotesPerSentence]
	}
	for qi, q := range quotes {
		inner := strings.TrimSpace(q.inner)
		after := n[q.end:]
		if seq, ok := parseSequence(inner); ok && seq.whole {
			add(candidate{name: seq.name, steps: seq.steps, pos: q.start, end: q.end, oa: q.start, ob: q.end})
			covered[q.start] = true
			continue
		}
		// “社区党委+街区网格党支部+楼栋党小组+党员中心户”四级组织架构.
		if m := reTierSuffix.FindString(after); m != "" && strings.Contains(inner, "+") {
			items := strings.Split(inner, "+")
			if v, _, ok := numericShorthand(m); ok && v == len(items) {
				add(candidate{name: m, steps: items, pos: q.end, end: q.end + len(m), oa: q.end, ob: q.end + len(m)})
				covered[q.start] = true
				continue
			}
		}
		// “居民点单、社区派单、单位接单”的办法: the list is the name.
		if strings.ContainsAny(inner, "、+") && reListMethod.MatchString(after) {
			items := splitList(inner)
			if strings.Contains(inner, "+") && !strings.Contains(inner, "、") {
				items = strings.Split(inner, "+")
			}
			if len(items) >= 2 && len(items) <= 6 && allShort(items, 8) && allHan(items, 2) {
				add(candidate{name: inner, steps: items, pos: q.start, end: q.end, oa: q.start, ob: q.end})
				covered[q.start] = true
				continue
			}
		}
		// “红黄绿”三色管理法: colours counted after them name tiers.
		if m := reTierColourTail.FindString(after); m != "" && allColours(inner) {
			if v, _, ok := numericShorthand(m); ok && v == utf8.RuneCountInString(inner) {
				add(candidate{name: inner + m, alias: []string{m}, pos: q.start, end: q.end + len(m), oa: q.start, ob: q.end + len(m)})
				covered[q.start] = true
				continue
			}
		}
		// 定下“四必访”：独居老人必访、生病住院必访…: a quoted shorthand
		// counting the items its colon lists is a method of those items.
		if v, unit, ok := numericShorthand(inner); ok && v >= 2 && zh.HanCount(inner) >= 2 && !looksLikeProse(inner) && !isHonour(inner) {
			if rest, found := strings.CutPrefix(strings.TrimLeft(after, " "), ":"); found {
				// A two-rune one (三勤：腿勤、嘴勤、手勤) needs its word in every item.
				if items := splitList(listAfter(rest)); len(items) == v && allShort(items, 10) && allHan(items, 2) &&
					(zh.HanCount(inner) >= 3 || !slices.ContainsFunc(items, func(it string) bool { return !strings.Contains(it, unit) })) {
					add(candidate{name: inner, steps: items, pos: q.start, end: q.end, oa: q.start, ob: q.end})
					covered[q.start] = true
					continue
				}
			}
		}
		namedAs := reNamedAs.MatchString(tailBytes(n[:q.start], 36))
		if looksLikeProse(inner) || isHonour(inner) || isPlaceName(inner) || !namedAs && reNicknameBefore.MatchString(tailBytes(n[:q.start], 24)) {
			continue
		}
		_, _, numeric := numericShorthand(inner)
		matched := false
		for _, ns := range namingSuffixes {
			if !strings.HasPrefix(after, ns.suffix) || (ns.numericOnly && !numeric) || (ns.huaOnly && !strings.HasSuffix(inner, "化")) {
				continue
			}
			c := candidate{name: inner, pos: q.start, end: q.end + len(ns.suffix)}
			origEnd := q.end // the original-script alias covers what the name covers
			// “望月湖巧手队”志愿服务队: the quoted name is already a team.
			sameKind := lastRune(inner) == lastRune(ns.suffix) && zh.HanCount(inner) >= 3
			if sameKind {
				c.alias = append(c.alias, inner+ns.suffix)
			}
			if ns.keep && !strings.HasSuffix(inner, ns.suffix) && !sameKind {
				origEnd = c.end
				full := inner + ns.suffix
				if ns.nameSuffix != "" {
					c.name = inner + ns.nameSuffix
					c.alias = append(c.alias, full)
				} else {
					c.name = full
				}
			}
			if numeric || strings.ContainsAny(inner, "0123456789") {
				c.alias = append(c.alias, inner)
			} else if (ns.suffix == "活动" || ns.suffix == "行动") && c.name != inner && zh.HanCount(inner) >= 3 {
				// 开展了“邻里帮帮”活动: known as 邻里帮帮 too.
				c.alias = append(c.alias, inner)
			} else if c.name != inner && zh.HanCount(inner) >= 4 && (ns.suffix == "工作法" || ns.suffix == "工作机制" || ns.suffix == "机制") {
				// “板凳议事”工作法 is told as 板凳议事 after: the quoted
				// part is its name. A shorter one (“民情”工作法) is a word.
				c.alias = append(c.alias, inner)
			}
			c.oa, c.ob = q.start, origEnd
			add(c)
			matched = true
			break
		}
		if !matched {
			// “1+3+N”网格服务模式, “一核多元”共治模式, “邻里守望”志愿服务品牌:
			// a few more characters between the quote and the suffix.
			if m := reQuoteTail.FindStringSubmatch(after); m != nil && !strings.ContainsAny(m[1], "的新等和与及") {
				c := candidate{name: inner + m[1] + m[2], pos: q.start, end: q.end + len(m[0])}
				if m[2] == "品牌" {
					c.name = inner
				}
				c.oa, c.ob = q.start, c.end
				add(c)
				matched = true
			}
		}
		if !matched && nameLike(inner) && !notAName(after) {
			inChain := strings.HasPrefix(after, "、“") || strings.HasSuffix(n[:q.start], "”、")
			switch {
			case inChain && reChainTail.MatchString(chainTail(n, spans, qi)):
				// “百名党员助百老”、“千名义工助千困”系列帮扶活动: each item is one.
				matched = true
			case isProgramName(inner):
				matched = true
			case namedAs:
				// 想了个办法，叫“邻里一张网”.
				matched = true
			case reVerbBeforeQuote.MatchString(tailBytes(n[:q.start], 48)):
				// 建起“热心凉亭”, 牵头组建“红色管家”.
				matched = true
			case zh.HanCount(inner) >= 3 && reEverydayBeforeQuote.MatchString(tailBytes(n[:q.start], 48)):
				// 我们搞了“敲门服务”, 推了“院落自治小组” (not 开了“夜校”: a
				// two-character name is the thing's common noun).
				matched = true
			case zh.HanCount(inner) >= 3 && reMeetingName.MatchString(inner) && reRegularHeld.MatchString(tailBytes(n[:q.start], 120)):
				// 每个月的十五号，社区在河埠头…开“河埠头议事”: a meeting
				// held on a schedule is a practice, though 开 alone says little.
				matched = true
			case rePracticeOrdinal.MatchString(tailBytes(n[:q.start], 48)) || rePracticeDevised.MatchString(tailBytes(n[:q.start], 120)):
				// 第二招是建“热心帮”, 另一个办法是“亲情电话”, 想了个土办法：
				// 给…门口挂了一块“平安牌”: a way of hers, counted or devised.
				matched = true
			case zh.HanCount(inner) >= 3 && reSortedAfter.MatchString(firstClauses(after, 2)):
				// 实行“分色管理”，把这些家庭分成三类: a way of sorting them.
				matched = true
			case strings.HasPrefix(after, "、") && reMeasuresTail.MatchString(after) && zh.HanCount(inner) >= 2:
				// 社工“全岗”、全科网格上门代办服务等一系列为民服务举措.
				matched = true
			}
			if matched {
				add(candidate{name: inner, pos: q.start, end: q.end, oa: q.start, ob: q.end})
			}
		}
		if matched {
			covered[q.start] = true
		}
	}

	inQuote := func(pos int) bool {
		// Inside a quoted span already handled (or any quote: quoted prose
		// is speech, whose unquoted-looking names are not the article's).
		i := sort.Search(len(spans), func(i int) bool { return spans[i].end > pos })
		return i < len(spans) && pos >= spans[i].start
	}

	// Cheap substring checks before each regexp: backtracking over every
	// sentence dominated Build's time.
	hasAny := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(n, w) {
				return true
			}
		}
		return false
	}
	hasNumeral := strings.ContainsAny(n, numerals)
	var numericMatches [][]int
	if hasNumeral && hasAny("工作法", "机制", "联动", "服务队", "调解法") {
		numericMatches = reNumericUnquoted.FindAllStringIndex(n, -1)
	}
	for _, m := range numericMatches {
		if inQuote(m[0]) {
			continue
		}
		add(candidate{name: n[m[0]:m[1]], pos: m[0], end: m[1], oa: m[0], ob: m[1]})
	}
	var expandedMatches [][]int
	if hasNumeral && hasAny("—", "-", ":", "即") {
		expandedMatches = reNumericExpanded.FindAllStringSubmatchIndex(n, -1)
	}
	for _, m := range expandedMatches {
		if inQuote(m[2]) {
			continue
		}
		raw := n[m[2]:m[3]]
		name := trimAfterLast(raw, boundaryWords)
		val, _, ok := numericShorthand(lastTwoRunes(name))
		if !ok || val < 2 || zh.HanCount(name) < 3 {
			continue // "居民都会说一句：有事找毛书记" counts no parts
		}
		items := splitList(listAfter(n[m[1]:]))
		if len(items) != val {
			continue
		}
		start := m[3] - len(name)
		add(candidate{name: name, steps: items, pos: start, end: m[3], oa: start, ob: m[3]})
	}
	var unquotedMatches [][]int
	if hasAny("工作法", "模式", "机制") {
		unquotedMatches = reUnquotedMethod.FindAllStringSubmatchIndex(n, -1)
	}
	for _, m := range unquotedMatches {
		if inQuote(m[0]) || (m[0] > 0 && strings.HasSuffix(n[:m[0]], "”")) {
			continue
		}
		stem := trimAfterLast(n[m[2]:m[3]], boundaryWords)
		suffix := n[m[4]:m[5]]
		hasDigit := strings.ContainsAny(stem, "0123456789")
		if strings.IndexFunc(stem, isLatin) >= 0 && (!hasDigit || !strings.Contains(stem, "+")) {
			continue // APP工作法, O2O模式: no formula
		}
		if (zh.HanCount(stem) < 2 && !hasDigit) || strings.Contains(stem, "新") {
			continue
		}
		_, _, numeric := numericShorthand(stem)
		distinctive := numeric || hasDigit || strings.Contains(stem, "化") || strings.Contains(stem, "+") || suffix == "工作法"
		if !distinctive {
			continue
		}
		start := m[3] - len(stem)
		c := candidate{name: stem + suffix, pos: start, end: m[5], oa: start, ob: m[5]}
		// 网格化管理服务模式 is known as 网格化管理.
		if (suffix == "服务模式" || suffix == "模式") && (strings.HasSuffix(stem, "管理") || strings.HasSuffix(stem, "联动")) {
			c.alias = append(c.alias, c.name)
			c.name = stem
		}
		add(c)
	}
	var programMatches [][]int
	if hasAny("召开", "开设", "创办", "设立", "成立", "建立", "建起", "组建", "打造", "开办", "办起", "搞起", "办了", "开了", "建了") {
		programMatches = reUnquotedProgram.FindAllStringSubmatchIndex(n, -1)
	}
	for _, m := range programMatches {
		if inQuote(m[2]) || strings.HasSuffix(n[:m[2]], "”") || strings.HasPrefix(n[m[5]:], "”") || strings.HasPrefix(n[m[5]:], "伍") {
			continue
		}
		prefix := trimAfterLast(n[m[2]:m[3]], boundaryWords)
		stem := prefix + n[m[4]:m[5]]
		if zh.HanCount(prefix) < 2 || strings.ContainsAny(prefix, "支个家名") || quantityFirst(prefix) || strings.HasSuffix(prefix, "志愿") || genericProgram(stem) {
			continue
		}
		start := m[3] - len(prefix)
		add(candidate{name: stem, pos: start, end: m[5], oa: start, ob: m[5]})
	}
	if strings.Contains(n, "党建引领") {
		for _, m := range rePartyBuilding.FindAllStringSubmatchIndex(n, -1) {
			stem := n[m[2]:m[3]]
			if inQuote(m[2]) || slices.Contains(genericPartyBuilding, stem) || strings.Contains(stem, "的") {
				continue
			}
			add(candidate{name: stem, pos: m[2], end: m[3], oa: m[2], ob: m[3]})
		}
	}
	var platformMatches [][]int
	if hasAny("为平台") {
		platformMatches = rePlatform.FindAllStringSubmatchIndex(n, -1)
	}
	for _, m := range platformMatches {
		if inQuote(m[0]) {
			continue
		}
		stem := trimAfterLast(n[m[2]:m[3]], boundaryWords)
		if zh.HanCount(stem) < 3 {
			continue
		}
		start := m[3] - len(stem)
		add(candidate{name: stem, pos: start, end: m[3], oa: start, ob: m[3]})
	}
	var sequenceMatches [][]int
	if hasNumeral {
		sequenceMatches = reSequence.FindAllStringIndex(n, -1)
	}
	for _, m := range sequenceMatches {
		if inQuote(m[0]) {
			continue
		}
		seq, ok := parseSequence(n[m[0]:m[1]])
		if !ok || len(seq.parts) < 3 {
			continue
		}
		add(candidate{name: seq.name, steps: seq.steps, pos: m[0], end: m[1], oa: m[0], ob: m[1]})
	}
	return dropTruncated(out)
}

// quantityFirst: the words open with a count (一次居民议事会 of 每月召开一次
// 居民议事会): how often something is held, not its name.
func quantityFirst(s string) bool {
	rs := []rune(s)
	return len(rs) >= 2 && strings.ContainsRune(numerals+"两每", rs[0]) && strings.ContainsRune("次场期届批轮", rs[1])
}

// dropTruncated removes a sighting that is the tail of a longer one of
// the same sentence: 三治工作法 matched inside 一核三治工作法 (a pattern
// starting at the second numeral) is no method of its own.
func dropTruncated(cs []candidate) []candidate {
	out := cs[:0]
	for i, c := range cs {
		inside := false
		for j, d := range cs {
			if j != i && d.pos < c.pos && d.end == c.end {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, c)
		}
	}
	return out
}

func isLatin(r rune) bool { return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' }

// Per-sentence bounds: a sentence of the genre names a handful of methods;
// a pathological one (a list repeated for pages) must not cost the square
// of its length.
const (
	maxQuotesPerSentence     = 32
	maxCandidatesPerSentence = 48
)

// reSortedAfter: the clause after a quoted name sorts people or homes
// into counted classes (把这些家庭分成三类, 分为红黄绿三级).
var reSortedAfter = regexp.MustCompile(`^[^;。]{0,16}?分(?:成|为)\p{Han}{0,4}?[两二三四五六七八九十](?:类|级|色|档|种|个等级|个类别)`)

// firstClauses is s up to its k-th comma or stop.
func firstClauses(s string, k int) string {
	for i, r := range s {
		if r == ',' || r == ';' || r == '。' {
			k--
			if k == 0 {
				return s[:i]
			}
		}
	}
	return s
}

// rePracticeOrdinal ends the words counting a practice before its quoted
// name: 第一个办法是办, 第二招是建, 第三招，开, 另一个办法是, 还有一招叫.
// rePracticeDevised the clause of one devised (想了个土办法：给每位老人的
// 门口挂了一块), the name the thing it made.
var (
	rePracticeOrdinal = regexp.MustCompile(`(?:第[一二三四五六七八九十]个?|头一个|另一个|另外一个|还有一个|再一个|还有一)(?:办法|招|法子|点子|举措|做法|妙招|实招|绝招)(?:就是|是|叫做|叫|:|,)?\p{Han}{0,2}$`)
	rePracticeDevised = regexp.MustCompile(`(?:想|琢磨|摸索|找|出)了?(?:个|一个|一条)?(?:土|小|好|新|笨)?(?:办法|法子|点子|招)[:,][^。;“”:]{0,30}(?:挂|发|建|办|设|开|搞|做|立|装|配|贴|送|印|摆|放)(?:了|起|上)?(?:一[块个张本部套支面间把台])?$`)
)
