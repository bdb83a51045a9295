package catalog

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// The extraction vocabulary. Patterns run on norm() text, so they are
// written in Simplified only.

// namingSuffix follows a quoted name and says how to name the method.
type namingSuffix struct {
	suffix string
	// keep: the name is the quoted text plus the suffix (“四单”工作法 →
	// 四单工作法); otherwise the quoted text alone is the name (“党建集结号”品牌).
	keep bool
	// numericOnly: only after a numbered shorthand (“四社”服务), because
	// after anything else it is ordinary prose (“网格化”服务送到家).
	numericOnly bool
	// nameSuffix replaces suffix in the name (联动服务模式 → 联动).
	nameSuffix string
	// huaOnly: only after a quoted …化 (“契约化”共建).
	huaOnly bool
}

var namingSuffixes = []namingSuffix{
	{suffix: "联动服务模式", keep: true, nameSuffix: "联动"},
	{suffix: "联动工作法", keep: true},
	{suffix: "联动机制", keep: true},
	{suffix: "工作法", keep: true},
	{suffix: "服务法", keep: true},
	{suffix: "议事法", keep: true},
	{suffix: "治理法", keep: true},
	{suffix: "工作体系", keep: true},
	{suffix: "体系", keep: true},
	{suffix: "共建", keep: true, huaOnly: true},
	{suffix: "工作机制", keep: true},
	{suffix: "机制", keep: true},
	{suffix: "联动", keep: true},
	{suffix: "服务模式", keep: true},
	{suffix: "治理模式", keep: true},
	{suffix: "模式", keep: true},
	{suffix: "志愿服务队", keep: true},
	{suffix: "服务队", keep: true},
	{suffix: "服务活动", keep: false},
	{suffix: "的服务活动", keep: false},
	{suffix: "的矛盾调解法", keep: false},
	{suffix: "调解法", keep: true},
	{suffix: "工作心得", keep: false},
	{suffix: "活动", keep: true},
	{suffix: "行动", keep: true},
	{suffix: "工程", keep: true},
	{suffix: "品牌", keep: false},
	{suffix: "制度", keep: false},
	{suffix: "平台", keep: false},
	{suffix: "项目", keep: false},
	{suffix: "书记项目", keep: false},
	{suffix: "书记领办项目", keep: false},
	{suffix: "民生项目", keep: false},
	{suffix: "微项目", keep: false},
	{suffix: "服务", keep: true, numericOnly: true},
}

// programSuffixes end a quoted text that names a programme, platform or
// service by itself (“仁和家访”, “畅大妈调解室”).
var programSuffixes = []string{
	"工作法", "机制", "联动", "模式", "家访", "议事厅", "议事会", "恳谈会", "联席会",
	"听证会", "调解室", "会客厅", "工作室", "工作站", "驿站", "服务圈", "服务站", "服务社",
	"服务中心", "工程", "党课", "心愿", "服务队", "志愿队", "行动", "计划", "睦邻节",
	"文化节", "邻里节", "大学", "课堂", "超市", "书屋", "热线", "服务岗", "调解队",
	"巡逻队", "微家", "连心桥", "夜话", "坝坝会", "院坝会", "茶话会", "议事坊",
	"食堂", "帮帮团", "服务团", "管家", "接待日", "开放日", "说事点", "议事点", "积分超市",
}

// meetingExclusions end quoted …会 texts that are events or bodies, not a
// leader's regular meeting (“七一”表彰大会, 业主委员会).
var meetingExclusions = []string{"大会", "晚会", "运动会", "联合会", "委员会", "协会", "商会", "学会", "工会", "理事会", "董事会", "年会", "博览会", "两会", "人大会"}

// creationVerbs, written right before a quoted name, say that someone made
// or runs it: 建起了“热心凉亭”, 牵头组建“红色管家”, 开设了邻里积分超市.
const creationVerbs = `(?:建起|建立|设立|成立|组建|打造|创办|开设|开办|推出|开展|推行|启动|创建|搭建|实施|首创|创新|创设|探索|总结出|形成|琢磨出|摸索出|筹划|发起|引领|召开|举办)`

var (
	// A verb of creation just before a quoted name, allowing 了/一个/一支…
	reVerbBeforeQuote = regexp.MustCompile(creationVerbs + `(?:了|出|的)?(?:一个|一支|一套|一批|一项|一种|一次|一场|一期|起)?$`)
	// A way of working given its name: 想了个办法，叫“邻里一张网”.
	reNamedAs = regexp.MustCompile(`(?:办法|做法|法子|点子|机制|模式|制度)[,，]?(?:就)?(?:叫|叫做|叫作|名叫|取名为?|起名为?|称为|称作)$`)
	// A nickname's context: 被居民称为「大管家」 names a person, not a method.
	reNicknameBefore = regexp.MustCompile(`(?:称为|称作|称她为|称他为|叫她|叫他|喊她|喊他|誉为|人称|叫作|当成|当作|比作)$`)
	// A tiered architecture named after a quoted list: “社区党委+…+党员中心户”四级组织架构.
	reTierSuffix = regexp.MustCompile(`^[一二三四五六七八九十][级层方位][\p{Han}]{0,4}?(?:架构|体系|网络|模式|机制|联动)`)
	// A quoted list named as a way of working: “居民点单、社区派单、单位接单”的办法.
	reListMethod = regexp.MustCompile(`^的?(?:办法|做法|工作法|工作模式|模式|机制|工作机制)`)
	// The tail of a chain of quoted names: “百名党员助百老”、“千名义工助千困”系列帮扶活动.
	reChainTail = regexp.MustCompile(`^等?(?:系列|一系列)?\p{Han}{0,2}?(?:活动|行动|品牌|项目|服务)`)
	// The tail of a list of practices: 社工“全岗”、全科网格上门代办服务等一系列为民服务举措.
	reMeasuresTail = regexp.MustCompile(`等(?:一系列|系列)?\p{Han}{0,6}?(?:举措|措施|做法)`)
	// An unquoted named programme made by someone: 开设了邻里积分超市,
	// 召开楼长议事会, 成立了兰州首家楼宇党建示范点, 她创办的科普大学.
	reUnquotedProgram = regexp.MustCompile(`(?:召开|开设|创办|设立|成立|建立|建起|组建|打造|开办|推动建立|推动成立)(?:了|的)?(?:\p{Han}{0,4}首[家个支])?(\p{Han}{2,10}?)(议事会|恳谈会|议事厅|积分超市|超市|大学|示范点|工作室|服务站|驿站|调解室|会客厅|食堂|书屋|议事机制|志愿服务队|服务队|帮帮团)`)
	// 以格线党建引领基层治理: a named kind of Party building that leads.
	rePartyBuilding = regexp.MustCompile(`以(\p{Han}{2,4}党建)引领`)
	// Another secretary named just before a method: 社区党委书记李文静,坚持了六年的“睦邻茶话会”.
	reOtherSecretary = regexp.MustCompile(`书记(\p{Han}{2,3})[,，](?:[^,，。;；]{0,12})$`)
)

// genericPartyBuilding are kinds of Party building that are policy, not a
// leader's named practice.
var genericPartyBuilding = []string{"基层党建", "城市党建", "社区党建", "区域党建", "支部党建", "组织党建", "党建"}

// partnerWords mark a sentence whose subject is another organisation: its
// activities are not the secretary's methods (兰州银行城关支行开展“金融知识进社区”活动).
var partnerWords = []string{"银行", "支行", "网点", "公司", "集团", "企业", "医院", "学校", "派出所", "法院", "检察院", "供电", "电信", "移动", "联通", "邮政", "保险", "律所", "律师事务所", "酒店", "宾馆", "纪念馆", "博物馆", "商会", "协会", "基金会", "团市委", "妇联", "税务", "国税", "地税"}

// higherGovernment marks programmes run by a higher level of government.
var higherGovernment = regexp.MustCompile(`(?:国务院|中组部|中央|民政部|(?:省|市|区|县)委|(?:省|市|区|县)政府|全国|全省|全市|全区)(?:在|于)?\p{Han}{0,8}?(?:开展|推行|部署|实施|启动|推进)`)

// stopNames are national programmes and policies that articles mention but
// no leader invented.
var stopNames = []string{
	"主题党日", "三会一课", "两学一做", "不忘初心", "一肩挑", "吹哨", "公推直选", "最多跑一次", "两委", "两新", "我为群众办实事",
}

// numerals of shorthand names (四单, 三社, 八联); 两 is excluded because
// 两新组织 and 两会 are not methods.
const numerals = "一二三四五六七八九十"

func numeralValue(r rune) int {
	return strings.IndexRune(numerals, r)/3 + 1 // each numeral is 3 bytes
}

var (
	// Unquoted numbered shorthand with a method suffix: 三社联动, 四色志愿服务队.
	reNumericUnquoted = regexp.MustCompile(`[一二三四五六七八九十]\p{Han}{1,2}?(?:工作法|工作机制|机制|联动|志愿服务队|服务队|调解法)`)
	// A name ending in a numbered shorthand, followed by its expansion:
	// 党务公开三会——党员恳谈会、党员议事会、党员评议会.
	reNumericExpanded = regexp.MustCompile(`(\p{Han}{2,8}?[一二三四五六七八九十]\p{Han})(?:——|—|--|:|,即|即)`)
	// Unquoted …工作法 and …模式/机制 names.
	reUnquotedMethod = regexp.MustCompile(`([\p{Han}0-9+]{2,12}?)(工作法|服务模式|管理模式|模式|机制)`)
	// After a quoted name: up to four characters, then a method suffix.
	reQuoteTail = regexp.MustCompile(`^(\p{Han}{1,4}?)(工作法|工作机制|机制|模式|品牌)`)
	// 以社区大党委为平台: the platform is named.
	rePlatform = regexp.MustCompile(`以“?(\p{Han}{3,10}?)”?为平台`)
	// Step sequences: 一听二看三查, 三活四清五到家.
	reSequence = regexp.MustCompile(`(?:[一二三四五六七八九十][^一二三四五六七八九十、,:;“”‘’\s]{1,3}、?){2,}`)
)

// boundaryWords end the prose before an unquoted name: the name starts
// after the last of them.
var boundaryWords = []string{
	"推行", "实行", "推进", "推动", "开展", "建立", "打造", "创新", "创设", "推出", "总结出",
	"总结", "形成", "组建", "启动", "探索", "倡导", "采取", "实施", "提出", "成立", "设立",
	"搭建", "整合", "通过", "利用", "依托", "运用", "坚持", "完善", "落实", "深化", "健全",
	"发挥", "摸索出", "创建", "创办", "首创", "实现", "构建", "发起", "的", "了",
	"和", "与", "及", "在", "以", "将", "把", "用", "对", "等", "她", "他", "其", "是", "为",
	"即", "记", "这", "一套", "一种", "一个", "积极", "大力", "全面", "进一步",
}

// leadingVerbs are cut from the first item of an expansion list
// (整合社工、社区… → 社工).
var leadingVerbs = []string{
	"推行", "实行", "建立", "打造", "开展", "整合", "通过", "形成", "组建", "包括", "涵盖",
	"实现", "即", "坚持", "推进", "倡导", "采取", "实施", "提出", "构建", "落实", "是",
}

// trimAfterLast returns s after the last occurrence of any word.
func trimAfterLast(s string, words []string) string {
	cut := 0
	for _, w := range words {
		if i := strings.LastIndex(s, w); i >= 0 && i+len(w) > cut {
			cut = i + len(w)
		}
	}
	return s[cut:]
}

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

func isStopName(name string) bool {
	for _, w := range stopNames {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// numericShorthand reports whether s starts with a numbered shorthand
// (四单, 三社, 八联) and returns the numeral's value and the counted
// character.
func numericShorthand(s string) (int, string, bool) {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !strings.ContainsRune(numerals, r) {
		return 0, "", false
	}
	rest := s[n:]
	c, m := utf8.DecodeRuneInString(rest)
	// 十分钟, 三年, 五个 are quantities, not shorthands.
	if m == 0 || !isHan(c) || strings.ContainsRune(numerals+"分年月日天个名次条位人户种件百千万亿", c) {
		return 0, "", false
	}
	return numeralValue(r), string(c), true
}

// looksLikeProse rejects quoted texts that are quotations or slogans rather
// than names: punctuation inside, or too long for a name.
func looksLikeProse(q string) bool {
	if strings.ContainsAny(q, ",，。!?！？:;、") {
		return true
	}
	return utf8.RuneCountInString(q) > 14
}

// isHonour says whether a quoted text is an honour title, not a method.
func isHonour(q string) bool {
	for _, w := range []string{"优秀", "最美", "先进", "十佳", "标兵", "红旗手", "模范", "劳模", "楷模", "示范", "文明", "国家级", "省级", "市级", "全国"} {
		if strings.Contains(q, w) {
			return true
		}
	}
	return false
}

// methodCandidates finds method names in one sentence.
func methodCandidates(s sentence, idx int) []candidate {
	var out []candidate
	n := s.norm
	add := func(c candidate) {
		c.name = strings.TrimSpace(c.name)
		if hanCount(c.name) < 2 || isStopName(c.name) || strings.Trim(c.name, "0123456789+") == "" {
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
			sameKind := lastRune(inner) == lastRune(ns.suffix) && hanCount(inner) >= 3
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
			case strings.HasPrefix(after, "、") && reMeasuresTail.MatchString(after) && hanCount(inner) >= 2:
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
		if !ok || hanCount(name) < 3 {
			continue
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
		if (hanCount(stem) < 2 && !hasDigit) || strings.Contains(stem, "新") {
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
	if hasAny("召开", "开设", "创办", "设立", "成立", "建立", "建起", "组建", "打造", "开办") {
		programMatches = reUnquotedProgram.FindAllStringSubmatchIndex(n, -1)
	}
	for _, m := range programMatches {
		if inQuote(m[2]) || strings.HasSuffix(n[:m[2]], "”") || strings.HasPrefix(n[m[5]:], "”") || strings.HasPrefix(n[m[5]:], "伍") {
			continue
		}
		prefix := trimAfterLast(n[m[2]:m[3]], boundaryWords)
		stem := prefix + n[m[4]:m[5]]
		if hanCount(prefix) < 2 || strings.ContainsAny(prefix, "支个家名") || strings.HasSuffix(prefix, "志愿") || genericProgram(stem) {
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
		if hanCount(stem) < 3 {
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
	return out
}

func lastTwoRunes(s string) string {
	rs := []rune(s)
	if len(rs) < 2 {
		return s
	}
	return string(rs[len(rs)-2:])
}

// Per-sentence bounds: a sentence of the genre names a handful of methods;
// a pathological one (a list repeated for pages) must not cost the square
// of its length.
const (
	maxQuotesPerSentence     = 32
	maxCandidatesPerSentence = 48
)

// tailBytes is the end of s, at most n bytes, cut at a rune boundary.
func tailBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

// notTheLeaders says whether the clause before a name makes it another
// organisation's activity (a partner bank's, a higher government's).
func notTheLeaders(before string) bool {
	clause := before
	if i := strings.LastIndexAny(clause, ",;:。!?"); i >= 0 {
		clause = clause[i+1:]
	}
	if higherGovernment.MatchString(clause) {
		return true
	}
	own := len(clause)
	for _, w := range []string{"她", "他"} {
		if i := strings.Index(clause, w); i >= 0 && i < own {
			own = i
		}
	}
	for _, w := range partnerWords {
		if i := strings.Index(clause, w); i >= 0 && i < own {
			return true
		}
	}
	return false
}

// genericProgram: an unquoted facility named only by its kind
// (社区服务站, 党群服务中心) is no one's named practice.
func genericProgram(stem string) bool {
	for _, p := range []string{"社区", "党群", "居民", "综合", "便民", "新时代"} {
		if strings.HasPrefix(stem, p) && hanCount(stem) <= utf8.RuneCountInString(p)+3 {
			return true
		}
	}
	return false
}

// notAName: what follows a quoted text shows it is not a name of its own:
// part of a compound (“国际英语”+“创意美术”课堂), one item of an adjacent
// list (“红色党员”“绿色环保”…四色志愿服务队), the title of a campaign
// (“我为群众办实事”实践活动), or a kind of member or organisation
// (“全科网格楼院长”队伍, “民悦社工”等社会组织).
func notAName(after string) bool {
	for _, p := range []string{"+", "“", "专栏", "栏目", "专题", "队伍", "队员", "人员", "等社会组织", "等组织", "等单位", "实践活动", "主题活动", "主题教育", "学习教育", "专项行动", "专项整治"} {
		if strings.HasPrefix(after, p) {
			return true
		}
	}
	return false
}

// chainTail returns the text after the chain of quoted names, joined by
// 、, that starts with spans[i].
func chainTail(n string, spans []quoteSpan, i int) string {
	end := spans[i].end
	for j := i + 1; j < len(spans); j++ {
		gap := n[end:spans[j].start]
		if gap != "、" && gap != "" {
			break
		}
		end = spans[j].end
	}
	return n[end:]
}

// nameLike: a quoted text short and plain enough to be a name (no 的,
// no punctuation, not an honour or a place).
func nameLike(q string) bool {
	r := utf8.RuneCountInString(q)
	return r >= 2 && r <= 10 && !strings.Contains(q, "的") && !looksLikeProse(q) && !isHonour(q) && !isPlaceName(q) && !isStopName(q)
}

// isProgramName: a quoted text that names a programme by its ending
// (仁和家访, 畅大妈调解室, 板凳会).
func isProgramName(q string) bool {
	qn := utf8.RuneCountInString(q)
	for _, suf := range programSuffixes {
		// A bare two-rune suffix (课堂, 驿站) is a common noun; 睦邻节 is a name.
		if strings.HasSuffix(q, suf) && (qn > utf8.RuneCountInString(suf) || utf8.RuneCountInString(suf) >= 3) {
			return true
		}
	}
	if strings.HasSuffix(q, "会") && qn >= 3 {
		for _, ok := range []string{"协商会", "议事会", "恳谈会", "茶话会", "联席会", "说事会", "评议会", "听证会"} {
			if strings.HasSuffix(q, ok) {
				return true
			}
		}
		for _, x := range meetingExclusions {
			if strings.HasSuffix(q, x) {
				return false
			}
		}
		return true
	}
	return false
}

// isPlaceName: a quoted place (“重庆最美小巷” is an honour, “熟人社区” a
// description; neither is a method).
func isPlaceName(q string) bool {
	for _, suf := range []string{"社区", "街道", "小区", "村", "镇", "县", "市", "省", "小巷", "景区"} {
		if strings.HasSuffix(q, suf) {
			return true
		}
	}
	return false
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// allHan: every item has at least n Han characters.
func allHan(items []string, n int) bool {
	for _, it := range items {
		if hanCount(it) < n {
			return false
		}
	}
	return true
}

func allShort(items []string, max int) bool {
	for _, it := range items {
		if utf8.RuneCountInString(it) > max {
			return false
		}
	}
	return true
}

// origSpan cuts the original-script text at the byte span of the sentence's
// norm, when the two are rune-aligned.
func origSpan(s sentence, start, end int) string {
	if !s.aligned {
		return ""
	}
	rs := []rune(s.text)
	a := utf8.RuneCountInString(s.norm[:start])
	b := a + utf8.RuneCountInString(s.norm[start:end])
	if b > len(rs) {
		return ""
	}
	return string(rs[a:b])
}

// sequence is a numbered step sequence such as 一听、二看、三查 or 三活四清五到家.
type sequence struct {
	name   string   // without separators
	parts  []string // 一听, 二看 … / 三活, 四清, 五到家
	groups []int    // numeral values
	steps  []string // set when every group is a single step (一听二看…)
	whole  bool     // the text is nothing but the sequence
}

func parseSequence(s string) (sequence, bool) {
	var seq sequence
	rs := []rune(s)
	i := 0
	for i < len(rs) {
		if !strings.ContainsRune(numerals, rs[i]) {
			break
		}
		j := i + 1
		for j < len(rs) && isHan(rs[j]) && !strings.ContainsRune(numerals, rs[j]) && j-i <= 3 {
			j++
		}
		if j == i+1 {
			break
		}
		seq.parts = append(seq.parts, string(rs[i:j]))
		seq.groups = append(seq.groups, numeralValue(rs[i]))
		i = j
		if i < len(rs) && rs[i] == '、' {
			i++
		}
	}
	if len(seq.parts) < 2 {
		return seq, false
	}
	// Numerals must increase by one: 一听二看三查, 三活四清五到家; never
	// 一个单位一个单位 or 一步一个脚印.
	for k := 1; k < len(seq.groups); k++ {
		if seq.groups[k] != seq.groups[k-1]+1 {
			return seq, false
		}
	}
	seq.name = strings.Join(seq.parts, "")
	seq.whole = i == len(rs)
	if seq.groups[0] == 1 {
		seq.steps = append([]string(nil), seq.parts...)
	}
	return seq, true
}

// listAfter returns the run of text after a name up to the end of its
// clause, for expansions written after a dash or colon.
func listAfter(s string) string {
	s = strings.TrimLeft(s, "“‘ ")
	if i := strings.IndexAny(s, ",;。!?:()（）"); i >= 0 {
		s = s[:i]
	}
	return s
}

// splitList splits an enumeration on 、 (and a final 及/和/与), dropping
// quotes, a leading verb of the first item and a trailing 的/等 of the last.
func splitList(s string) []string {
	s = strings.NewReplacer("“", "", "”", "", "‘", "", "’", "").Replace(s)
	parts := strings.Split(s, "、")
	if len(parts) == 0 {
		return nil
	}
	last := parts[len(parts)-1]
	for _, conj := range []string{"及", "和", "与", "以及"} {
		if i := strings.LastIndex(last, conj); i > 0 && len(parts) >= 2 {
			parts = append(parts[:len(parts)-1], last[:i], last[i+len(conj):])
			break
		}
	}
	// Cut prose before the first item (她通过整合社工 → 社工), unless the
	// items are all verb phrases (打造微阵地、开展微活动).
	verbItems := false
	for _, p := range parts[1:] {
		for _, v := range leadingVerbs {
			if strings.HasPrefix(strings.TrimSpace(p), v) {
				verbItems = true
			}
		}
	}
	if !verbItems {
		parts[0] = trimAfterLast(parts[0], leadingVerbs)
	}
	lastItem := parts[len(parts)-1]
	for _, suf := range []string{"等", "的"} {
		lastItem = strings.TrimSuffix(lastItem, suf)
	}
	parts[len(parts)-1] = lastItem
	var out []string
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if n := utf8.RuneCountInString(p); n < 2 || n > 16 {
			return nil
		}
		out = append(out, p)
	}
	return out
}
