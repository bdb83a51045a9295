package corpus

import (
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// forText returns the name tables for one article: the shared ones plus
// what the article itself shows to be names.
//
//   - A rare surname (禤, 蹇, 佴): a character written alone before 书记 or
//     主任 (“多亏了禤书记……”, 小禤书记) that also opens a three-character
//     name the article writes at least twice (禤玉芳). Without it the
//     secretary is not found at all, or a fragment of some other name is.
//   - A name with no Han surname, as many Uyghur, Tibetan, Mongolian or
//     Yi names are written (阿依古丽·买买提, 扎西卓玛, 萨仁高娃): the
//     characters written right after a secretary's post (党委书记萨仁高娃),
//     opening the headline before its colon, or opening a profile or a
//     sentence stating her post (扎西卓玛是…党委书记), as long as the article
//     writes them at least twice; names joined by a middle dot (·, •, ・)
//     are taken whole.
//
// The shared tables are never changed.
func (nt nameTables) forText(text string) nameTables {
	rs := []rune(text)
	rare := rareSurnames(rs, text, nt)
	whole := surnamelessNames(rs, text, nt)
	if len(rare) > 0 {
		nt2 := nt
		nt2.surname = maps.Clone(nt.surname)
		for _, r := range rare {
			nt2.surname[r] = true
		}
		whole = append(whole, cutNames(rs, text, nt2)...)
	} else {
		whole = append(whole, cutNames(rs, text, nt)...)
	}
	if len(rare) == 0 && len(whole) == 0 {
		return nt
	}
	out := nt
	if len(rare) > 0 {
		out.surname = maps.Clone(nt.surname)
		for _, r := range rare {
			out.surname[r] = true
		}
	}
	if len(whole) > 0 {
		out.whole = map[string]bool{}
		for _, w := range whole {
			out.whole[w] = true
		}
	}
	return out
}

// rareSurnames finds the characters written as a surname before a post
// (X书记, 小X书记) that are no known surname and open a name written twice.
func rareSurnames(rs []rune, text string, nt nameTables) []rune {
	var out []rune
	tried := map[rune]bool{} // each character is read once
	for i := 1; i+1 < len(rs); i++ {
		if !hasRunesAt(rs, i, "书记") && !hasRunesAt(rs, i, "書記") && !hasRunesAt(rs, i, "主任") {
			continue
		}
		x := rs[i-1]
		if !unicode.Is(unicode.Han, x) || nt.surname[x] || nt.notInName[x] || slices.Contains(out, x) {
			continue
		}
		// Written alone: at the start, after punctuation, a quote, 小/老,
		// or a verb of calling.
		if i >= 2 && unicode.Is(unicode.Han, rs[i-2]) && !strings.ContainsRune("小老叫喊称稱谢謝亏虧找问問了的给給让讓被跟和与與对對向", rs[i-2]) || tried[x] {
			continue
		}
		tried[x] = true
		// The full name: x and two name characters, written at least
		// twice, the same way.
		counts := map[string]int{}
		for j := 0; j+2 < len(rs); j++ {
			if rs[j] == x && allNameRunes(rs[j+1:j+3], nt) {
				counts[string(rs[j:j+3])]++
			}
		}
		// Or once, stated with a post, when she is addressed so twice or
		// more (“多亏了禤书记”… 社区党委书记禤玉芳…).
		address := strings.Count(text, string(x)+"书记") + strings.Count(text, string(x)+"書記")
		for name, c := range counts {
			if c >= 2 || address >= 2 && postedOnce(rs, name) {
				out = append(out, x)
				break
			}
		}
	}
	return out
}

// nameStops are characters no given name holds as the article writes
// it (function words and pronouns); the rest of notInName (年, 为, 向,
// 和, 才, 可…) does occur in given names (梁永年, 张有为, 王向东).
const nameStops = "书書记記主任说說表示的了在是也都就把被着著这這那们們个個每谁誰已又还還再她他我你，。、；：！？"

// cutNames finds the three-character names (a surname and two given
// characters) that the name tables would cut because a given character
// is mostly a word (梁永年 → 梁永, 梁向东 → none): written right after a
// secretary's post or opening the headline before its colon, and written
// at least twice, the same way, in most sightings of its first two
// characters.
func cutNames(rs []rune, text string, nt nameTables) []string {
	var starts []int
	for i := 2; i+1 < len(rs); i++ {
		if (hasRunesAt(rs, i, "书记") || hasRunesAt(rs, i, "書記")) && rs[i-1] != '副' && !officialPost(rs[i-2:i]) {
			at := i + 2
			if at < len(rs) && (rs[at] == '是' || rs[at] == '叫') {
				at++
			}
			starts = append(starts, at)
		}
	}
	if nl := strings.IndexByte(text, '\n'); nl > 0 && strings.ContainsAny(text[:nl], "：:") {
		starts = append(starts, 0)
	}
	var out []string
	tried := map[string]bool{}
	for _, at := range starts {
		if at+3 <= len(rs) {
			if tried[string(rs[at:at+3])] {
				continue
			}
			tried[string(rs[at:at+3])] = true
		}
		sl := nt.surnameLen(rs, at)
		if sl != 1 || nt.wholeAt(rs, at) != "" || at+3 > len(rs) {
			continue
		}
		g := rs[at+1 : at+3]
		if !unicode.Is(unicode.Han, g[0]) || !unicode.Is(unicode.Han, g[1]) || strings.ContainsRune(nameStops, g[0]) || strings.ContainsRune(nameStops, g[1]) {
			continue
		}
		if allNameRunes(g, nt) {
			continue // the tables read it
		}
		w := string(rs[at : at+3])
		c := strings.Count(text, w)
		if c < 2 || c*10 < strings.Count(text, string(rs[at:at+2]))*7 || placeFragment(rs, w) || !opensClause(rs, w) || slices.Contains(out, w) {
			continue
		}
		out = append(out, w)
	}
	return out
}

// nameDots join the parts of a transcribed name (阿依古丽·买买提).
const nameDots = "·•・‧"

// surnamelessNames finds the names without a Han surname: after a
// secretary's post (not a deputy's, nor a committee's above the
// community), optionally after 是/叫, or opening the headline before its
// colon. The name is the longest run of name characters (and dots) that
// the article writes at least twice and that accounts for most of the
// sightings of its first two characters.
func surnamelessNames(rs []rune, text string, nt nameTables) []string {
	var starts []int
	for i := 2; i+1 < len(rs); i++ {
		if !hasRunesAt(rs, i, "书记") && !hasRunesAt(rs, i, "書記") {
			continue
		}
		if rs[i-1] == '副' || officialPost(rs[i-2:i]) {
			continue
		}
		at := i + 2
		if at < len(rs) && (rs[at] == '是' || rs[at] == '叫') {
			at++
		}
		starts = append(starts, at)
	}
	// The headline: the first line, when it opens with a name and a colon.
	if nl := strings.IndexByte(text, '\n'); nl > 0 {
		line := []rune(text[:nl])
		if c := strings.IndexAny(string(line), "：:"); c > 0 && utf8.RuneCountInString(string(line)[:c]) <= 13 {
			starts = append(starts, 0)
		}
	}
	var out []string
	// Each run of characters is read once (a long page writes 书记 often).
	seen := map[string]string{}
	at14 := func(at int) string { return string(rs[at:min(len(rs), at+14)]) }
	read := func(at int) string {
		k := at14(at)
		if w, ok := seen[k]; ok {
			return w
		}
		w := surnamelessAt(rs, at, text, nt)
		seen[k] = w
		return w
	}
	for _, at := range starts {
		if at >= len(rs) || nt.surnameLen(rs, at) > 0 && !dottedAt(rs, at) {
			continue // a Han surname: the name tables read it
		}
		if w := read(at); w != "" && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	// A sentence opening with the name and stating who she is: a profile
	// (热依拉·艾买提，女，维吾尔族，…) or her post (扎西卓玛是…社区党委书记).
	for _, st := range sentenceStarts(rs) {
		if nt.surnameLen(rs, st) > 0 && !dottedAt(rs, st) {
			continue
		}
		end := st
		for end < len(rs) && !strings.ContainsRune("。！？!?；;\n", rs[end]) {
			end++
		}
		if !secretaryIn(rs[st:end]) {
			continue // neither a profile nor a post: not read
		}
		w := read(st)
		if w == "" || slices.Contains(out, w) {
			continue
		}
		e := st + utf8.RuneCountInString(w)
		if e+1 >= len(rs) {
			continue
		}
		profile := strings.ContainsRune("，,（(", rs[e]) && (rs[e+1] == '女' || rs[e+1] == '男')
		post := (rs[e] == '是' || rs[e] == '，' || rs[e] == ',') && secretaryIn(rs[e:end])
		if profile || post {
			out = append(out, w)
		}
	}
	return out
}

// dottedAt reports a dot within the first eight characters from rs[at],
// before any punctuation: a transcribed name even when its first
// character is also a surname (古丽·…).
func dottedAt(rs []rune, at int) bool {
	for j := at; j < len(rs) && j < at+8; j++ {
		if strings.ContainsRune(nameDots, rs[j]) {
			return j > at
		}
		if !unicode.Is(unicode.Han, rs[j]) {
			return false
		}
	}
	return false
}

func surnamelessAt(rs []rune, at int, text string, nt nameTables) string {
	end := at
	dots := 0
	for end < len(rs) && end < at+14 {
		r := rs[end]
		if strings.ContainsRune(nameDots, r) && end > at && dots == 0 && end+1 < len(rs) && unicode.Is(unicode.Han, rs[end+1]) {
			dots++
			end++
			continue
		}
		if !unicode.Is(unicode.Han, r) || nt.notInName[r] {
			break
		}
		end++
	}
	maxLen := 4
	if dots > 0 {
		maxLen = 14
	}
	if end-at < 2 {
		return ""
	}
	base := strings.Count(text, string(rs[at:at+2]))
	// Three characters at least (其其格, 萨仁高娃): two written after a
	// post are mostly a word (书记以来).
	for n := min(end-at, maxLen); n >= 3; n-- {
		w := string(rs[at : at+n])
		if strings.ContainsRune(nameDots, rs[at+n-1]) {
			continue
		}
		if dots > 0 && !strings.ContainsAny(w, nameDots) {
			return "" // 阿依古丽 of 阿依古丽·买买提: the whole name or none
		}
		c := strings.Count(text, w)
		if c < 2 || c*10 < base*7 {
			continue
		}
		if ethnicWord(text, w) || placeFragment(rs, w) || !opensClause(rs, w) || strings.ContainsRune(notNameStart, rs[at]) {
			return ""
		}
		return w
	}
	return ""
}

// ethnicWord reports a run that is an ethnic group's name where the
// article writes it (蒙古 of 蒙古族, 哈萨克 of 哈萨克族).
func ethnicWord(text, w string) bool {
	return strings.Count(text, w+"族")*2 > strings.Count(text, w) || strings.HasSuffix(w, "族")
}

// notNameStart are characters that open the words written after a post
// (以来, 期间, 后, 时, 一职, 工作, 岗位, 兼…), not a name.
const notNameStart = "以期后後时時一工职職岗崗兼带帶任"

// opensClause reports that the text writes w at least once at the start
// of a clause (after a line start, punctuation, a quote or a space), as a
// name is (萨仁高娃说, “…”阿依古丽·买买提说); a phrase only ever written
// after a post (书记以来) is none.
func opensClause(rs []rune, w string) bool {
	for i := range rs {
		if hasRunesAt(rs, i, w) && (i == 0 || !unicode.Is(unicode.Han, rs[i-1])) {
			return true
		}
	}
	return false
}

// postedOnce reports a name written in a sentence that states a
// secretary's post (社区党委书记禤玉芳…, 2019年，禤玉芳到…任党委书记).
func postedOnce(rs []rune, name string) bool {
	text := string(rs)
	i := strings.Index(text, name)
	if i < 0 {
		return false
	}
	s0, s1 := sentenceAround(rs, utf8.RuneCountInString(text[:i]))
	return secretaryIn(rs[s0:s1])
}
