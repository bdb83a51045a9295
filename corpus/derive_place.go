package corpus

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Administrative units, longest suffix first, and the province-level
// names (which open a chain whatever precedes them).
var (
	unitSuffixes = []string{"自治区", "自治州", "自治县", "街道", "社区", "小区", "楼院", "院落", "地区", "省", "市", "州", "盟", "区", "县", "旗", "镇", "乡", "村"}
	provinces    = []string{"黑龙江", "内蒙古", "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "江苏",
		"浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西",
		"甘肃", "青海", "台湾", "广西", "西藏", "宁夏", "新疆", "香港", "澳门"}
	// unitStop cannot be inside a unit's name: prose before a chain (在,
	// 位于, 来到, 现任, 记…, 离不开).
	unitStop = "在于到任为是的了与及从自记位进入走扎赴就把被对向该本这那各全每其个带领组织所选起提说称叫获得不"
)

// unitAt reports the unit suffix ending at rune offset end (exclusive).
func unitAt(rs []rune, end int) string {
	for _, u := range unitSuffixes {
		n := utf8.RuneCountInString(u)
		if end-n >= 0 && hasRunesAt(rs, end-n, u) {
			if u == "区" && end-2 >= 0 && strings.ContainsRune(areaNotDistrict, rs[end-2]) {
				return "" // 老厂区, 校区, 景区: an area, no district
			}
			return u
		}
	}
	return ""
}

// areaNotDistrict are the characters before 区 in words for an area that
// is no administrative district (厂区, 校区, 景区, 矿区, 营区, 库区, 灾区;
// 辖区 and 片区 stay units for the chains, and 城区: 新城区 is a district).
const areaNotDistrict = "厂校景矿营库灾"

// nameLead are runes that end a verb or preposition written just before a
// place (对话, 走进, 来到, 位于, 还有, 说起), not the first rune of its name.
const nameLead = "话到在对往访赴去据说讲称还有起"

// stopNames are place names that open with a rune of unitStop: 向阳社区,
// 向荣街道, 自由路社区, 为民社区, 不老屯镇.
// demonstrativeAfter follow 那 as a demonstrative (那个, 那些, 那里).
const demonstrativeAfter = "个些里时年位边儿段次天批份会么样种片家座栋条处"

var stopNames = []string{"向阳", "向荣", "向东", "向前", "向华", "自由", "为民", "进步", "全福", "本溪", "不老", "不夜"}

// stopOpensName reports one of stopNames at rs[i], within the name that
// ends at nameEnd: 向阳 of 向阳社区, though 向 stops 走向社区.
func stopOpensName(rs []rune, i, nameEnd int) bool {
	// 那 opens many a place's name in the south (那坛社区, 那洪村), but
	// not as the demonstrative (那个社区, 那里的小区, 那年).
	if rs[i] == '那' && i+1 < nameEnd && !strings.ContainsRune(demonstrativeAfter, rs[i+1]) {
		return true
	}
	for _, n := range stopNames {
		if i+utf8.RuneCountInString(n) <= nameEnd && hasRunesAt(rs, i, n) {
			return true
		}
	}
	return false
}

// publishVerbs are verbs of publishing that run into a place's name
// before it (刊发春晖社区…的发言).
var publishVerbs = []string{"刊发", "刊登", "转发", "印发", "转载", "播发", "推送"}

// chainBefore parses administrative units backwards from end (exclusive)
// and returns the rune offsets where its units start, outermost first, or
// nil when the text before end is not a place (该社区, 。社区).
func chainBefore(rs []rune, end int) []int {
	var starts []int
	pos, inner := end, ""
	for units := 0; units < 6; units++ {
		u := unitAt(rs, pos)
		if u == "" {
			break
		}
		nameEnd := pos - utf8.RuneCountInString(u)
		// A province-level name opens the chain.
		if p := provinceEnding(rs, nameEnd); p >= 0 && (u == "省" || u == "市" || u == "自治区") {
			starts = append(starts, p)
			break
		}
		// A town's or a street's name may end in 市 (新市镇, 马市街道),
		// a market's name; a unit's never does otherwise.
		marketTown := u == "镇" || u == "乡" || u == "街道"
		if h := unitAt(rs, nameEnd); h != "" && h != "村" && h != "州" && h != "旗" && !(h == "市" && marketTown) {
			break // "鼓楼区社区": no name between the two units (红旗社区 has one)
		}
		maxName := 6
		if strings.HasPrefix(u, "自治") || u == "区" && (hasRunesAt(rs, nameEnd-2, "开发") || hasRunesAt(rs, nameEnd-1, "园")) {
			maxName = 10 // 恩施土家族苗族自治州, 高新技术产业开发区
		}
		i := nameEnd
		for i > 0 && nameEnd-i < maxName {
			r := rs[i-1]
			if !unicode.Is(unicode.Han, r) || strings.ContainsRune(unitStop, r) && !stopOpensName(rs, i-1, nameEnd) {
				break
			}
			if nameEnd-i >= 2 && unitAt(rs, i) != "" {
				break // the previous unit ends here
			}
			i--
		}
		// A verb or preposition run into the name ("对话滨江市", "走进
		// 海棠社区"): place names rarely open with one once two runes are left.
		for nameEnd-i > 2 && strings.ContainsRune(nameLead, rs[i]) {
			i++
		}
		// A verb of publishing run into it ("本期刊发春晖社区…"): the
		// name starts after it.
		for _, v := range publishVerbs {
			if j := strings.LastIndex(string(rs[i:nameEnd]), v); j >= 0 {
				if k := i + utf8.RuneCountInString(string(rs[i:nameEnd])[:j]) + utf8.RuneCountInString(v); nameEnd-k >= 2 {
					i = k
				}
			}
		}
		if nameEnd-i < 2 {
			break
		}
		if len(starts) > 0 && !above(u, inner) {
			break // "海棠社区和望潮社区": two communities side by side, not a chain
		}
		starts = append(starts, i)
		pos, inner = i, u
	}
	slices.Reverse(starts)
	return starts
}

// lowLevel ranks the units below the district: a street over a
// community, a community or village over an estate or courtyard.
var lowLevel = map[string]int{"街道": 3, "镇": 3, "乡": 3, "社区": 2, "村": 2, "小区": 1, "楼院": 1, "院落": 1}

// above reports whether unit outer can contain unit inner in a chain: a
// unit below the district never contains one of its own level or higher.
func above(outer, inner string) bool {
	lo, ok := lowLevel[outer]
	if !ok {
		return true
	}
	li, ok := lowLevel[inner]
	return !ok || lo > li
}

// plausibleChain accepts a chain of two or more units, or a lone unit
// whose name the text repeats (仁和社区 … 仁和社区) or introduces as a
// place: a lone unit written once is otherwise as likely a fragment of
// prose (提起社区, 年当选社区).
func plausibleChain(rs []rune, starts []int, end int) bool {
	switch len(starts) {
	case 0:
		return false
	case 1:
		// Or one introduced as a place: 所在的百花苑社区, 来到仁和社区,
		// 一位是东湖社区党委书记…, 一位是唐丽芬，东湖社区党委书记, 走进东城社区.
		// 当选为/现任西湖社区…, or a sentence opening with it (西湖社区党总支
		// 书记柯文静说), or a byline's word after a space (文/图 春晖社区党委
		// 书记 冯晓燕) — unless what is read as its name is a kind of
		// community (老旧社区, 安置社区).
		cue := starts[0] > 0 && strings.ContainsRune("的在到于是为任位进入，,：:", rs[starts[0]-1]) ||
			(starts[0] == 0 || strings.ContainsRune("。！？!?\n \u3000", rs[starts[0]-1])) && !communityKind(string(rs[starts[0]:end]))
		cue = cue || hasSuffixAny(string(rs[max(0, starts[0]-2):starts[0]]), publishVerbs) // 刊发春晖社区…
		// 说起南门社区党委书记…, 位于…
		cue = cue || hasSuffixAny(string(rs[max(0, starts[0]-2):starts[0]]), []string{"说起", "提起", "谈起", "讲起", "位于", "地处"})
		return cue || strings.Count(string(rs), string(rs[starts[0]:end])) >= 2
	}
	return true
}

// communityKinds are words for a kind of community, not a name.
var communityKinds = []string{"老旧", "新建", "城市", "农村", "城郊", "安置", "回迁", "涉农", "新型", "大型", "示范", "试点",
	"和谐", "文明", "智慧", "熟人", "陌生人", "商品房", "单位", "老", "新", "大", "小", "我们", "他们", "本", "全"}

func communityKind(place string) bool {
	for _, k := range communityKinds {
		for _, u := range []string{"社区", "小区", "街道", "村"} {
			if place == k+u {
				return true
			}
		}
	}
	return false
}

func provinceEnding(rs []rune, end int) int {
	for _, p := range provinces {
		n := utf8.RuneCountInString(p)
		if end-n >= 0 && hasRunesAt(rs, end-n, p) {
			return end - n
		}
	}
	return -1
}

// completeChain returns the chain rs[starts[0]:end] in the article's
// script, prefixed by the higher units the text writes elsewhere before
// its first unit ("宁波市海曙区" completes "海曙区鼓楼街道中山社区").
func completeChain(nrs, ors []rune, starts []int, end int) string {
	c0 := starts[0]
	first := end
	if len(starts) > 1 {
		first = starts[1]
	}
	unit := string(nrs[c0:first])
	pre0, pre1 := -1, -1
	ur := []rune(unit)
	for q := 0; q+len(ur) <= len(nrs); q++ {
		if q == c0 || !hasRunesAt(nrs, q, unit) {
			continue
		}
		if st := chainBefore(nrs, q+len(ur)); len(st) > 1 && st[0] < q && (pre0 < 0 || q-st[0] > pre1-pre0) {
			pre0, pre1 = st[0], q
		}
	}
	out := string(ors[c0:end])
	if pre0 >= 0 {
		out = string(ors[pre0:pre1]) + out
	}
	return out
}

// placeFromChains is the place when no post names it: the longest chain
// ending in a unit of the given kind (社区, or 街道 for a street's
// secretary), preferring the community the text mentions most.
func placeFromChains(nrs, ors []rune, kind string, weigh func(at int) int) string {
	if kind == "" {
		kind = "社区"
	}
	kr := []rune(kind)
	whole := string(nrs)
	var best []int
	bestEnd, bestScore := 0, 0
	for i := 0; i+len(kr) <= len(nrs); i++ {
		if !hasRunesAt(nrs, i, kind) {
			continue
		}
		end := i + len(kr)
		st := chainBefore(nrs, end)
		bonus := 0
		if weigh != nil {
			bonus = weigh(i)
		}
		if len(st) == 0 || bonus < 0 {
			continue
		}
		last := string(nrs[st[len(st)-1]:end])
		mentions := strings.Count(whole, last)
		high := false // a province, city, district or county in the chain
		for k := 0; k+1 < len(st); k++ {
			if u := unitAt(nrs, st[k+1]); u != "街道" && u != "镇" && u != "乡" && u != "村" {
				high = true
			}
		}
		if mentions < 2 && !high && (bonus <= 0 || len(st) < 2) {
			continue
		}
		if len(st) == 1 && !plausibleChain(nrs, st, end) {
			continue
		}
		score := 3*len(st) + mentions + bonus
		if score > bestScore {
			best, bestEnd, bestScore = st, end, score
		}
	}
	if best == nil {
		return ""
	}
	return completeChain(nrs, ors, best, bestEnd)
}

// settingPrefix completes a place that starts below the district
// (建设街道枫林社区) with the one district-level chain the article sets
// its story in ("在湖南省株洲市芦淞区，有两个社区"): only when the text
// writes exactly one such chain, so a visit elsewhere never leaks in.
func settingPrefix(nrs []rune, place string) string {
	pr := []rune(place)
	st := chainBefore(pr, len(pr))
	if len(st) == 0 {
		return ""
	}
	first := len(pr)
	if len(st) > 1 {
		first = st[1]
	}
	switch unitAt(pr, first) {
	case "街道", "镇", "乡", "社区", "小区", "楼院", "院落", "村":
	default:
		return "" // the place already names its district or city
	}
	var found []string
	taken := false
	for end := 1; end <= len(nrs); end++ {
		if u := unitAt(nrs, end); u != "区" && u != "县" && u != "市" {
			continue
		}
		if end < len(nrs) && unitAt(nrs, end+1) != "" {
			continue // inside a longer unit word
		}
		cs := chainBefore(nrs, end)
		if len(cs) < 2 {
			continue
		}
		high := true
		for k := 1; k <= len(cs); k++ {
			e := end
			if k < len(cs) {
				e = cs[k]
			}
			switch unitAt(nrs, e) {
			case "省", "市", "区", "县", "自治区", "自治州", "州", "盟", "旗":
			default:
				high = false
			}
		}
		if u := unitAt(nrs, end); !high || u != "区" && u != "县" {
			continue
		}
		if otherCommunityAfter(nrs, cs[0], end, string(pr[st[len(st)-1]:])) {
			taken = true // 江城市鼓楼区东门社区: that district is 东门社区's
			continue
		}
		c := string(nrs[cs[0]:end])
		dup := false
		for i, f := range found {
			switch {
			case strings.HasPrefix(f, c) || strings.HasSuffix(f, c):
				dup = true
			case strings.HasPrefix(c, f) || strings.HasSuffix(c, f):
				found[i], dup = c, true
			}
		}
		if !dup {
			found = append(found, c)
		}
	}
	if len(found) == 0 && !taken {
		found = loneDistricts(nrs)
	}
	if len(found) != 1 || strings.Contains(place, found[0]) {
		return ""
	}
	// "新区的云杉社区": the text sets this community in an area of its own,
	// not in the article's one district.
	comm := string(pr[st[len(st)-1]:])
	norm := string(nrs)
	for i := strings.Index(norm, comm); i >= 0; {
		before := strings.TrimSuffix(norm[:i], "的")
		if strings.HasSuffix(before, "区") && !strings.HasSuffix(before, found[0]) {
			return ""
		}
		j := strings.Index(norm[i+len(comm):], comm)
		if j < 0 {
			break
		}
		i += len(comm) + j
	}
	return found[0]
}

// otherCommunityAfter reports a district's chain nrs[from:end] written
// on into a community (江城市鼓楼区东门社区, 鼓楼区东湖街道东门社区) that
// is not comm: it says where that community is, not where the article's
// story is set.
func otherCommunityAfter(nrs []rune, from, end int, comm string) bool {
	for e := end + 3; e <= len(nrs) && e <= end+16; e++ {
		switch unitAt(nrs, e) {
		case "社区", "小区", "村", "楼院", "院落":
		default:
			continue
		}
		cs := chainBefore(nrs, e)
		if len(cs) < 2 || cs[0] != from {
			continue
		}
		if string(nrs[cs[len(cs)-1]:e]) == comm {
			return false
		}
		return !tiedTo(nrs, comm, cs, end, e)
	}
	return false
}

// tiedTo reports the page putting community comm beside the units of the
// chain cs (ending at e) below its district (ending at end): a sentence
// naming comm with one of them (海棠街道有两个相邻的社区：海棠社区和望潮社区),
// or comm told as the neighbour (相邻的文艺路社区).
func tiedTo(nrs []rune, comm string, cs []int, end, e int) bool {
	text := string(nrs)
	for _, w := range []string{"相邻的", "隔壁的", "邻近的", "毗邻的", "相邻", "隔壁"} {
		if strings.Contains(text, w+comm) {
			return true
		}
	}
	var units []string
	for k, a := range cs {
		b := e
		if k+1 < len(cs) {
			b = cs[k+1]
		}
		if a >= end {
			units = append(units, string(nrs[a:b]))
		}
	}
	for i := 0; i < len(nrs); {
		s0, s1 := sentenceAround(nrs, i)
		sent := string(nrs[s0:s1])
		if strings.Contains(sent, comm) && containsAny(sent, units) {
			return true
		}
		i = max(s1, i+1)
	}
	return false
}

// notDistrict are two-rune words that end in 区 or 县 without naming a
// district (老城区, 辖区 are one rune short; these are the two-rune ones).
var notDistrict = map[string]bool{"老城": true, "新城": true, "主城": true, "城中": true, "开发": true, "示范": true,
	"试点": true, "安置": true, "棚户": true, "老旧": true, "居住": true, "住宅": true, "生活": true, "商业": true,
	"工业": true, "功能": true, "服务": true, "管理": true, "核心": true, "中心": true, "重点": true, "高新": true,
	"经济": true, "保税": true, "风景": true, "旅游": true, "文化": true, "历史": true, "城市": true, "农村": true,
	"城郊": true, "城乡": true, "贫困": true, "民族": true, "少数": true, "边远": true, "偏远": true, "老工": true,
	"全区": true, "全县": true, "本区": true, "本县": true, "该区": true, "该县": true, "我区": true, "我县": true,
	"各区": true, "各县": true, "市区": true, "城区": true, "郊区": true, "山区": true, "街区": true}

// loneDistricts is the one district the text names without its city
// ("建设路是荷塘区最老的一条街"): a two-rune name before 区 or 县, not part
// of a longer unit word, the only such name in the text.
func loneDistricts(nrs []rune) []string {
	var found []string
	for end := 3; end <= len(nrs); end++ {
		if u := unitAt(nrs, end); u != "区" && u != "县" {
			continue
		}
		if end < len(nrs) && unitAt(nrs, end+1) != "" {
			continue // 区域, or a longer unit word
		}
		name := nrs[end-3 : end-1]
		if !unicode.Is(unicode.Han, name[0]) || !unicode.Is(unicode.Han, name[1]) || strings.ContainsAny(string(name), unitStop) || notDistrict[string(name)] {
			continue
		}
		if name[1] == '街' || name[1] == '园' || name[1] == '城' || name[1] == '社' || name[1] == '小' {
			continue // 和美街区, 产业园区, 老城区: a block, a park, a quarter
		}
		if b := end - 4; b >= 0 && (unicode.Is(unicode.Han, nrs[b]) && !strings.ContainsRune(unitStop, nrs[b]) || strings.ContainsRune("“\"「", nrs[b])) {
			continue // a longer name, prose run into it, or a quoted brand
		}
		d := string(nrs[end-3 : end])
		if !slices.Contains(found, d) {
			found = append(found, d)
		}
	}
	return found
}

// Provinces are the province-level names a place chain opens with (吉林,
// 内蒙古, 香港), longest first.
func Provinces() []string { return slices.Clone(provinces) }
