package corpus

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"bangyang/zh"
)

// Posts of a community leader, matched on Simplified text. The secretary's
// post may be followed by a second one she holds (、居委会主任).
var (
	secondPost = `(?:社区)?居(?:民)?委(?:员)?会主任|街道办(?:事处)?主任`
	postRe     = regexp.MustCompile(`(?:(?:社区|街道|村|镇|乡|小区|楼院|院落|网格)?(?:党委|党总支|党支部|党工委|党组织|总支)书记|社区书记|民意书记)(?:(?:、|，兼任?|兼任?)(?:` + secondPost + `))?|` + secondPost + `|(?:楼院|院落)(?:党小组组长|长)`)
	// Words before a post that make it someone else's, an honour or a
	// past post: 副书记, 总书记, 优秀社区书记, 原社区书记, 曾任.
	notOwnPost = []string{"副", "优秀", "最美", "十佳", "好", "模范", "原", "前", "曾任", "时任", "首批", "第一批", "批", "原来的", "原先的", "以前的", "过去的", "当年的"}
	// Verbs that state a current post.
	postVerbs = []string{"现任", "担任", "当选", "提拔为", "任命为", "作为", "是", "成了", "成为"}
)

// postMatch is one post found in the text, with rune offsets.
type postMatch struct {
	start, end int // runes, in the Simplified text
	sentence   [2]int
	score      int
	both       bool // a post two people hold (两人都是社区党委书记)
}

// derivePosts returns the leader's post (role) and the administrative
// chain written before it or elsewhere for her community (place), both in
// the article's own script. Posts next to the leader's name, or in a
// sentence naming her or stating a current post, win; a post that is a
// deputy's, an honour's or a past one is never taken. Empty when the text
// gives nothing certain.
func derivePosts(text, leader string, aliases, others []string, nt nameTables) (role, place string) {
	role, place = postsStated(text, leader, aliases, others, nt)
	if place == "" && leader != "" {
		// "蒋静怡今年29岁，在潮音社区当了两年书记": the community she serves
		// in, in a sentence she opens, with the post after it.
		if r, p := servedIn(text, leader); p != "" {
			place = p
			role = firstNonEmpty(role, r)
		}
	}
	return role, place
}

// servedInRe is her serving as secretary in a community: 在潮音社区当了两
// 年书记, 在东风社区做书记, 在红旗社区任书记.
var servedInRe = regexp.MustCompile(`^[^。！？\n“”]{0,14}?在([\p{Han}]{2,12}?(?:社区|小区|楼院|村))(?:当|做|任|担任|干)了?[^。，,；]{0,6}?(书记|主任)`)

// servedIn reads servedInRe in a sentence that opens with her name: her
// post's word and the community, as the text writes them.
func servedIn(text, leader string) (role, place string) {
	norm := zh.ToSimplified(text)
	nrs, ors := []rune(norm), []rune(text)
	if len(nrs) != len(ors) {
		ors = nrs
	}
	name := zh.ToSimplified(leader)
	for _, st := range sentenceStarts(nrs) {
		if !hasRunesAt(nrs, st, name) {
			continue
		}
		from := st + utf8.RuneCountInString(name)
		m := servedInRe.FindStringSubmatchIndex(string(nrs[from:]))
		if m == nil {
			continue
		}
		rest := string(nrs[from:])
		a := from + utf8.RuneCountInString(rest[:m[2]])
		e := from + utf8.RuneCountInString(rest[:m[3]])
		cs := chainBefore(nrs, e)
		if len(cs) == 0 || cs[0] < a {
			continue
		}
		r0 := from + utf8.RuneCountInString(rest[:m[4]])
		return string(ors[r0 : r0+2]), string(ors[cs[0]:e])
	}
	return "", ""
}

// bracketedAfter reports the post starting at rune a written in brackets
// right after the name ("嘉宾：黎秀英（金桥社区党委书记）、石立新（银杏社区
// 党委书记）": each her own).
func bracketedAfter(nrs []rune, a int, name string) bool {
	// The bracket opens before her community's name, which the post's
	// match may leave out (银杏 of 银杏社区党委书记).
	for o := a - 1; o >= 0 && o >= a-13; o-- {
		switch nrs[o] {
		case '（', '(':
			return strings.HasSuffix(string(nrs[max(0, o-utf8.RuneCountInString(name)):o]), name)
		case '，', ',', '。', '、', '）', ')', '：', ':':
			return false
		}
	}
	return false
}

// postsStated is derivePosts from the posts the text writes out.
func postsStated(text, leader string, aliases, others []string, nt nameTables) (role, place string) {
	others = simplifiedAll(others)
	norm := zh.ToSimplified(text)
	nrs, ors := []rune(norm), []rune(text)
	if len(nrs) != len(ors) {
		ors = nrs
	}
	keys := []string{}
	for _, k := range append([]string{leader}, aliases...) {
		if k = zh.ToSimplified(k); k != "" {
			keys = append(keys, k)
		}
	}
	// othersOnly weighs a chain by its sentence: one naming another
	// secretary and not the leader is that secretary's community (never
	// taken); one naming the leader, when the article has others, is hers;
	// one naming no one is about whom its paragraph or section is.
	othersOnly := func(at int) int {
		if len(others) == 0 {
			return 0
		}
		s0, s1 := sentenceAround(nrs, at)
		sent := string(nrs[s0:s1])
		mine, theirs := containsAny(sent, keys), containsAny(sent, others)
		switch {
		case theirs && !mine:
			return -1
		case mine && !theirs:
			return 3
		case !mine && !theirs:
			return sectionAbout(nrs, s0, keys, others)
		}
		return 0
	}
	var best *postMatch
	for _, loc := range postRe.FindAllStringIndex(norm, -1) {
		a := utf8.RuneCountInString(norm[:loc[0]])
		b := a + utf8.RuneCountInString(norm[loc[0]:loc[1]])
		before := string(nrs[max(0, a-4):a])
		if hasSuffixAny(before, notOwnPost) || b < len(nrs) && (hasRunesAt(nrs, b, "工作室") || nrs[b] == '们') {
			continue
		}
		if b < len(nrs) && !hasRunesAt(nrs, b, zh.ToSimplified(leader)) && otherNameAt(nrs, b, norm, nt) {
			continue // 社区党委书记王一鸣说: someone else's post
		}
		s0, s1 := sentenceAround(nrs, a)
		sent := string(nrs[s0:s1])
		if pastClause(nrs, s0, a) {
			continue // 2008年至2015年任…社区党委书记，2015年调任…: a past post
		}
		m := &postMatch{start: a, end: b, sentence: [2]int{s0, s1}}
		names := containsAny(sent, keys)
		// "…，两人都是社区党委书记": a post both hold, hers too.
		both := false
		for _, w := range []string{"都是", "均是", "均为", "都任", "均任", "都担任", "均担任"} {
			if strings.HasSuffix(string(nrs[max(s0, a-4):a]), w) || strings.HasSuffix(string(nrs[max(s0, a-6):a]), w) {
				both = true
			}
		}
		switch {
		case both && leader != "" && !names:
			m.score += 2
			m.both = true
		case leader != "" && (hasRunesAt(nrs, b, zh.ToSimplified(leader)) || strings.HasSuffix(string(nrs[max(0, a-8):a]), zh.ToSimplified(leader)) || appositivePost(string(nrs[max(0, a-16):a]), zh.ToSimplified(leader)) ||
			bracketedAfter(nrs, a, zh.ToSimplified(leader))):
			m.score += 4
		case names:
			m.score += 2
		case containsAny(sent, others):
			continue // another secretary's post
		case strings.ContainsAny(sent, "她他") || strings.HasPrefix(sent, "该") || strings.Contains(sent, "该社区"):
			m.score++ // "她担任…", "该社区党委书记是…": probably hers
		}
		if strings.Contains(string(nrs[a:b]), "党") || strings.Contains(string(nrs[a:b]), "民意") {
			m.score += 3 // 社区党委书记 says more than 社区书记
		}
		if names && strings.ContainsAny(string(nrs[a:b]), "、兼") {
			// "2017年起任丹桂社区党委书记、居委会主任" in her own
			// sentence: both her posts, over "社区党委书记马淑琴" elsewhere.
			m.score += 2
		}
		for _, v := range postVerbs {
			if strings.Contains(string(nrs[s0:a]), v) {
				m.score++
				break
			}
		}
		if best == nil || m.score > best.score || m.score == best.score && m.end-m.start > best.end-best.start {
			best = m
		}
	}
	if best == nil || best.score < 1 {
		return "", placeFromChains(nrs, ors, "社区", othersOnly)
	}
	role = string(ors[best.start:best.end])
	// The place: the chain written just before the post (…街道墩子塘社区
	// 党委书记), completed from other mentions of the same units.
	unit := ""
	for _, u := range []string{"社区", "街道", "村", "镇", "乡", "小区", "楼院", "院落"} {
		if hasRunesAt(nrs, best.start, u) {
			unit = u
			break
		}
	}
	// A post both hold: her community is not the one before it but the
	// one of her own half or sentence (placeFromChains below).
	if unit != "" && !best.both {
		end := best.start + utf8.RuneCountInString(unit)
		if st := chainBefore(nrs, end); plausibleChain(nrs, st, end) {
			place = completeChain(nrs, ors, st, end)
		}
	}
	if place == "" && !best.both {
		// The community named earlier in the same sentence: "邵敏所在的
		// 百花苑社区成为…试点，她…成为全省首个民意书记".
		for e := best.start; e > best.sentence[0]+2; e-- {
			if !hasRunesAt(nrs, e-2, "社区") {
				continue
			}
			if st := chainBefore(nrs, e); plausibleChain(nrs, st, e) {
				place = completeChain(nrs, ors, st, e)
				break
			}
		}
	}
	if place == "" {
		kind := "社区"
		if unit != "" {
			kind = unit
		}
		place = placeFromChains(nrs, ors, kind, othersOnly)
	}
	if place == "" && !best.both && unit == "社区" {
		place = settingBefore(nrs, ors, best.sentence[0], best.start, others)
	}
	if place == "" && unit == "社区" && len(others) == 0 {
		// Her post names no community (是社区党委书记王淑珍) and the
		// article names just one, once (裕华社区的院子里): hers.
		place = onlyCommunity(nrs, ors)
	}
	if place != "" && len(nrs) == len(ors) {
		if pre := settingPrefix(nrs, zh.ToSimplified(place)); pre != "" {
			// In the article's script: 崇川區, not 崇川区, before 百花苑社區.
			if i := strings.Index(norm, pre); i >= 0 {
				a := utf8.RuneCountInString(norm[:i])
				pre = string(ors[a : a+utf8.RuneCountInString(pre)])
			}
			place = pre + place
		}
	}
	if place != "" {
		place = withStreet(nrs, ors, place)
	}
	return role, place
}

// settingBefore is the community the sentence before names, in the same
// paragraph, when her post opens its sentence without one (at, from s0):
// "柳江北岸的码头社区已经热闹起来。社区党委书记岑美玲…". Not when that
// sentence names another secretary.
func settingBefore(nrs, ors []rune, s0, at int, others []string) string {
	if strings.TrimSpace(string(nrs[s0:at])) != "" || s0 < 2 || nrs[s0-1] == '\n' {
		return ""
	}
	p0, _ := sentenceAround(nrs, s0-1)
	if containsAny(string(nrs[p0:s0]), others) {
		return ""
	}
	for e := s0 - 1; e >= p0+2; e-- {
		if !hasRunesAt(nrs, e-2, "社区") {
			continue
		}
		if st := chainBefore(nrs, e); plausibleChain(nrs, st, e) {
			return completeChain(nrs, ors, st, e)
		}
	}
	return ""
}

// withStreet completes a place that skips the street (东港区望潮社区,
// 东巷社区) with the one street or town the text names, when it names it
// in a sentence with the community ("海棠街道有两个相邻的社区：海棠社区和
// 望潮社区", "在襄城区檀溪街道，东巷社区和西巷社区…"): inserted before
// the community, with its district when the place has none.
func withStreet(nrs, ors []rune, place string) string {
	pr := []rune(zh.ToSimplified(place))
	st := chainBefore(pr, len(pr))
	if len(st) == 0 || unitAt(pr, len(pr)) != "社区" && unitAt(pr, len(pr)) != "小区" {
		return place
	}
	for k := 1; k < len(st); k++ {
		if u := unitAt(pr, st[k]); u == "街道" || u == "镇" || u == "乡" {
			return place // it has its street
		}
	}
	comm := string(pr[st[len(st)-1]:])
	var street string
	var chain []int
	var end int
	for e := 1; e <= len(nrs); e++ {
		u := unitAt(nrs, e)
		if u != "街道" && u != "镇" || u == "镇" && e < len(nrs) && nrs[e] == '长' {
			continue // not 乡 (返乡, 城乡), not 镇长
		}
		cs := chainBefore(nrs, e)
		if len(cs) == 0 {
			continue
		}
		name := string(nrs[cs[len(cs)-1]:e])
		if street != "" && name != street {
			return place // two streets: which is hers is not said
		}
		if street == "" {
			s0, s1 := sentenceAround(nrs, e)
			if !strings.Contains(string(nrs[s0:s1]), comm) {
				return place
			}
			street, chain, end = name, cs, e
		}
	}
	if street == "" {
		return place
	}
	from := chain[len(chain)-1] // the street alone
	if len(st) == 1 {
		from = chain[0] // no district in the place: the street's own chain
	}
	add := string(ors[from:end])
	if len(ors) != len(nrs) {
		add = string(nrs[from:end])
	}
	rs := []rune(place)
	i := len(rs) - utf8.RuneCountInString(comm)
	return string(rs[:i]) + add + string(rs[i:])
}

// otherNameAt reports a person's name starting at nrs[i]: a surname with a
// two-character given name, or one the text repeats; a surname that is
// also a word (和, 向…) needs the repetition.
func otherNameAt(nrs []rune, i int, norm string, nt nameTables) bool {
	for _, name := range nt.namesAt(nrs, i) {
		full := utf8.RuneCountInString(name) == nt.surnameLen(nrs, i)+2
		amb := nt.surnameLen(nrs, i) == 1 && nt.ambiguous[nrs[i]]
		if strings.Count(norm, name) >= 2 && utf8.RuneCountInString(name) >= 2 || full && !amb {
			return true
		}
	}
	return false
}

func hasSuffixAny(s string, words []string) bool {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

func containsAny(s string, keys []string) bool {
	for _, k := range keys {
		if k != "" && strings.Contains(s, k) {
			return true
		}
	}
	return false
}

func sentenceAround(rs []rune, i int) (int, int) {
	s, e := i, i
	for s > 0 && !strings.ContainsRune("。！？!?；;\n", rs[s-1]) && !anotherOneAt(rs, s) {
		s--
	}
	for e < len(rs) && !strings.ContainsRune("。！？!?；;\n", rs[e]) && !anotherOneAt(rs, e+1) {
		e++
	}
	return s, e
}

// anotherOnes open the second half of "一位是…，另一位是…": each half
// introduces one person, and is read as a sentence of its own.
var anotherOnes = []string{"另一位", "另一个", "另一個", "另一名", "另外一位", "另外一个", "另外一個", "另一位是"}

// anotherOneAt reports rs[i] opening "另一位…" after a comma.
func anotherOneAt(rs []rune, i int) bool {
	if i < 1 || i >= len(rs) || (rs[i-1] != '，' && rs[i-1] != ',') {
		return false
	}
	for _, w := range anotherOnes {
		if hasRunesAt(rs, i, w) {
			return true
		}
	}
	return false
}

// sectionAbout says whom the text before rune s0 is about, for a sentence
// naming no one: the person named last earlier in its paragraph, else in
// the heading above it (a short line without a full stop). 3 for the
// leader (keys), -1 for another secretary, 0 when it cannot tell.
func sectionAbout(nrs []rune, s0 int, keys, others []string) int {
	lineStart := s0
	for lineStart > 0 && nrs[lineStart-1] != '\n' {
		lineStart--
	}
	who := func(text string) int { return 3 * lastNamed(text, keys, others) }
	if w := who(string(nrs[lineStart:s0])); w != 0 {
		return w
	}
	// A paragraph opening with its setting ("街西的新华社区，年轻家庭多。
	// 社区党委书记邹建平…"): the first person it names after.
	lineEnd := s0
	for lineEnd < len(nrs) && nrs[lineEnd] != '\n' {
		lineEnd++
	}
	if w := 3 * firstNamed(string(nrs[s0:lineEnd]), keys, others); w != 0 {
		return w
	}
	// Up to the section's heading.
	end := lineStart - 1
	for lines := 0; end > 0 && lines < 30; lines++ {
		st := end
		for st > 0 && nrs[st-1] != '\n' {
			st--
		}
		line := string(nrs[st:end])
		heading := utf8.RuneCountInString(line) <= 30 && !strings.ContainsAny(line, "。！？；")
		if heading {
			return who(line)
		}
		end = st - 1
	}
	return 0
}

// lastNamed says who text names last: 1 for the leader (keys), -1 for
// another secretary, 0 for neither.
func lastNamed(text string, keys, others []string) int {
	k, o := -1, -1
	for _, x := range keys {
		if x != "" {
			k = max(k, strings.LastIndex(text, x))
		}
	}
	for _, x := range others {
		if x != "" {
			o = max(o, strings.LastIndex(text, x))
		}
	}
	switch {
	case o > k:
		return -1
	case k > o:
		return 1
	}
	return 0
}

// firstNamed says who text names first: 1 for the leader (keys), -1 for
// another secretary, 0 for neither.
func firstNamed(text string, keys, others []string) int {
	first := func(xs []string) int {
		at := -1
		for _, x := range xs {
			if i := strings.Index(text, x); x != "" && i >= 0 && (at < 0 || i < at) {
				at = i
			}
		}
		return at
	}
	k, o := first(keys), first(others)
	switch {
	case o >= 0 && (k < 0 || o < k):
		return -1
	case k >= 0:
		return 1
	}
	return 0
}

// simplifiedAll returns the Simplified forms of names, in a new slice.
func simplifiedAll(names []string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		out = append(out, zh.ToSimplified(n))
	}
	return out
}

// appositivePost reports a post written as an apposition to the name,
// only her community between: "付春兰，杏园社区党委书记、居委会主任",
// "严玉华是西桥社区党委书记".
func appositivePost(before, leader string) bool {
	i := strings.LastIndex(before, leader)
	if i < 0 {
		return false
	}
	rest := before[i+len(leader):]
	if !strings.HasPrefix(rest, "，") && !strings.HasPrefix(rest, ",") && !strings.HasPrefix(rest, "是") {
		return false
	}
	rest = strings.TrimLeft(rest, "，,是")
	return utf8.RuneCountInString(rest) <= 12 && !strings.ContainsAny(rest, "，,。；;、：:（）()")
}

// onlyCommunity is the one community the text names (a plausible chain
// ending in 社区), in the article's script; "" when it names none or more.
func onlyCommunity(nrs, ors []rune) string {
	kind := []rune("社区")
	found := ""
	var at []int
	var end int
	for i := 0; i+len(kind) <= len(nrs); i++ {
		if !hasRunesAt(nrs, i, "社区") {
			continue
		}
		e := i + len(kind)
		st := chainBefore(nrs, e)
		if !plausibleChain(nrs, st, e) {
			continue
		}
		c := string(nrs[st[len(st)-1]:e])
		if found != "" && c != found {
			return ""
		}
		if found == "" {
			found, at, end = c, st, e
		}
	}
	if found == "" {
		return ""
	}
	return completeChain(nrs, ors, at, end)
}

// rePastPost says a clause tells a post held before: a closed range of
// years (2008年至2015年任…, 2008—2015年…), 曾任, 原任, 此前.
var rePastPost = regexp.MustCompile(`\d{4}年?(?:\d{1,2}月)?\s*(?:至|到|—|–|-|－|~)\s*\d{4}年|曾任|曾经担任|曾担任|曾经任|原任|此前任|先前任`)

// pastClause reports that the clause holding the post at rune a (from
// the last comma or semicolon of its sentence, from s0) tells a past
// post.
func pastClause(nrs []rune, s0, a int) bool {
	c := s0
	for i := a - 1; i > s0; i-- {
		if strings.ContainsRune("，,；;", nrs[i]) {
			c = i + 1
			break
		}
	}
	return rePastPost.MatchString(string(nrs[c:a]))
}
