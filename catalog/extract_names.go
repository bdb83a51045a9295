package catalog

import (
	"bangyang/zh"
	"regexp"
	"strings"
	"unicode/utf8"
)

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
	if m == 0 || !zh.IsHan(c) || strings.ContainsRune(numerals+"分年月日天个名次条位人户种件百千万亿", c) {
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

func lastTwoRunes(s string) string {
	rs := []rune(s)
	if len(rs) < 2 {
		return s
	}
	return string(rs[len(rs)-2:])
}

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
		if strings.HasPrefix(stem, p) && zh.HanCount(stem) <= utf8.RuneCountInString(p)+3 {
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
	return r >= 2 && r <= 10 && !strings.Contains(q, "的") && !looksLikeProse(q) && !isHonour(q) && !isPlaceName(q) && !isStopName(q) &&
		!(sloganLike(q) && !methodEnding(q))
}

// sloganLike: a verb phrase, as headlines and section titles are written
// (把服务做到心坎上, 让老人笑起来, 用心办好小事), not a method's name, which
// is a noun phrase: it opens with a coverb or a verb of doing, or carries
// a verb's complement (做到, 办得好, 笑起来, …心坎上).
func sloganLike(q string) bool {
	rs := []rune(q)
	if len(rs) < 3 || strings.ContainsAny(q, numerals+"0123456789") {
		return false // 一楼一档三到位: a numbered name
	}
	if strings.ContainsRune("把让讓将將用为為给給向从從跟对對使要做当當", rs[0]) {
		return true
	}
	for _, w := range []string{"起来", "起來", "下去", "出来", "出來", "进来", "進來"} {
		if strings.Contains(string(rs[1:]), w) {
			return true
		}
	}
	for i := 1; i+1 < len(rs); i++ {
		switch {
		case rs[i] == '到' && i+2 < len(rs):
			return true // 开到楼下, 送到心坎上 (服务到家 is a name)
		case rs[i] == '得' && !strings.ContainsRune("获獲取赢贏心值记記懂晓曉觉覺使", rs[i-1]):
			return true // 办得好 (获得感 is a name)
		}
	}
	return rs[len(rs)-1] == '上'
}

// isProgramName: a quoted text that names a programme by its ending
// (仁和家访, 畅大妈调解室, 板凳会).
// reStepsWay is a name counting its steps and ending in 法.
var reStepsWay = regexp.MustCompile(`^\p{Han}{0,4}[一二三四五六七八九十两]步\p{Han}{0,4}法$`)

func isProgramName(q string) bool {
	qn := utf8.RuneCountInString(q)
	for _, suf := range programSuffixes {
		// A bare two-rune suffix (课堂, 驿站) is a common noun; 睦邻节 is a name.
		if strings.HasSuffix(q, suf) && (qn > utf8.RuneCountInString(suf) || utf8.RuneCountInString(suf) >= 3) {
			return true
		}
	}
	// “三步帮扶法”, “五步议事法”: a counted way of doing something.
	if reStepsWay.MatchString(q) {
		return true
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
	// 集市, 超市, 夜市 are markets a community holds, not cities.
	for _, m := range []string{"集市", "超市", "夜市", "早市", "市集", "门市", "菜市"} {
		if strings.HasSuffix(q, m) {
			return false
		}
	}
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
		if zh.HanCount(it) < n {
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
		for j < len(rs) && zh.IsHan(rs[j]) && !strings.ContainsRune(numerals, rs[j]) && j-i <= 3 {
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
// reCountTail is a count of stages after a list's last item.
var reCountTail = regexp.MustCompile(`(?:等?(?:[一二三四五六七八九十两]|\d)(?:个|大|项)?(?:环节|步骤|步|阶段|流程|方面|部分)|等(?:环节|步骤|流程|方面|内容|举措|措施))$`)

// reWholeTail closes a list with what its items make up together;
// reNumeralIn finds a numeral.
var (
	reWholeTail = regexp.MustCompile(`(?:(?:相结合|相融合|为一体|于一体|并举)?的\p{Han}{0,6}(?:模式|机制|格局|闭环|体系|工作法|做法|办法|方式|链条)|相结合|相融合|为一体|于一体|并举)$`)
	reNumeralIn = regexp.MustCompile(`^“[^”]*[一二三四五六七八九十两\d]`)
)

func splitList(s string) []string {
	// 共商、…、共评“五共”机制: the list's own shorthand closes it.
	if i := strings.LastIndex(s, "、"); i >= 0 {
		if j := strings.Index(s[i:], "“"); j > len("、") && reNumeralIn.MatchString(s[i+j:]) {
			s = s[:i+j]
		}
	}
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
		parts[0] = strings.TrimPrefix(trimAfterLast(parts[0], leadingVerbs), "了") // 形成了共商 → 共商
	}
	lastItem := parts[len(parts)-1]
	// The count closing the list is no part of its last item (及时反馈四个
	// 步骤, 评议等四步).
	if len(parts) >= 2 {
		lastItem = reCountTail.ReplaceAllString(lastItem, "")
		// 德治相结合的治理模式, 评议为一体的闭环: what the items make up.
		if t := reWholeTail.ReplaceAllString(lastItem, ""); t != "" {
			lastItem = t
		}
	}
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
