package corpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Evidence for deriveLeader from context beyond the name's neighbours: a
// post taken later in the sentence or by a pronoun, a byline or signature.

// timePhrase is the length of a year phrase opening rs ("2021年",
// "2015年3月，"), so that "韦志鹏2021年调任…书记" reads as its
// subject stating a post.
func timePhrase(rs []rune) int {
	for _, w := range timeWords {
		if n := utf8.RuneCountInString(w); hasRunesAt(rs, 0, w) && n < len(rs) && (rs[n] == '，' || rs[n] == ',') {
			return n + 1 // "那年，蒙晓燕调任…书记"
		}
	}
	i := 0
	for i < len(rs) && i < 4 && unicode.IsDigit(rs[i]) {
		i++
	}
	if i == 0 || i >= len(rs) || rs[i] != '年' {
		return 0
	}
	i++
	if j := i; j < len(rs) && unicode.IsDigit(rs[j]) {
		for j < len(rs) && j < i+2 && unicode.IsDigit(rs[j]) {
			j++
		}
		if j < len(rs) && rs[j] == '月' {
			i = j + 1
		}
	} else if i < len(rs) && strings.ContainsRune("底初末", rs[i]) {
		i++ // 2020年底
	}
	if i < len(rs) && (rs[i] == '，' || rs[i] == ',') {
		i++
	}
	return i
}

// timeWords open a sentence with its time, like a year: 那年，…
var timeWords = []string{"那年", "当年", "當年", "同年", "次年", "去年", "今年", "前年", "那时", "那時", "当时", "當時", "后来", "後來", "如今"}

// postTakers are the verbs by which a sentence's subject takes a post:
// 到…社区任党委书记, 调任…书记, 出任…书记, 在…社区当了两年书记.
var postTakers = []string{"任", "調任", "调任", "出任", "擔任", "担任", "當選", "当选", "接任", "是", "当了", "當了", "当上", "當上", "当起", "當起"}

// takesPost reports a clause that takes up a secretary's post, the post
// written after the place ("到红旗社区任党委书记", "调任云岭社区党委书记"),
// and not a deputy's or a past one's.
func takesPost(rs []rune) bool {
	end := 0
	for end < len(rs) && end < 40 && !strings.ContainsRune("，,。；;！？!?", rs[end]) {
		end++
	}
	if end < len(rs) && (rs[end] == '，' || rs[end] == ',') {
		for end < len(rs) && end < 60 && !strings.ContainsRune("。；;！？!?", rs[end]) {
			end++
		}
	}
	c := string(rs[:end])
	for _, v := range postTakers {
		i := strings.Index(c, v)
		if i < 0 {
			continue
		}
		rest := []rune(c[i+len(v):])
		for j := range rest {
			if hasRunesAt(rest, j, "书记") || hasRunesAt(rest, j, "書記") {
				if v == "是" && j+2 < len(rest) && strings.ContainsRune("的们們", rest[j+2]) {
					return false // "她是书记的好帮手"
				}
				if strings.ContainsAny(string(rest[:j]), "协協助配合帮幫给給向跟和与與") && !placeOpening(rest) {
					return false // "她的责任是协助书记…", "他向书记…" — not 和平里社区
				}
				if j >= 2 && officialPost(rest[j-2:j]) {
					return false // 任区委书记: not the community's post
				}
				return j == 0 || rest[j-1] != '副' && !strings.HasPrefix(c, "曾") && !strings.HasPrefix(c, "原")
			}
		}
	}
	return false
}

// placeOpening reports a clause opening with a place whose name starts
// with a coverb's character (和平里社区, 向阳街道), then its unit.
func placeOpening(rs []rune) bool {
	for _, w := range []string{"和平", "向阳", "向陽", "和谐", "和諧"} {
		if hasRunesAt(rs, 0, w) {
			for j := 2; j < len(rs) && j < 10; j++ {
				if placeSuffixAt(rs, j) {
					return !strings.ContainsAny(string(rs[1:j]), "协協助配合帮幫给給跟")
				}
			}
		}
	}
	return false
}

// thisOnePost finds, in the sentence from s0, a clause opened by 这位
// with a secretary's post (not a deputy's) soon after: the rune standing
// for her and true, else -1.
func thisOnePost(rs []rune, s0 int) (int, bool) {
	for j := s0; j+2 < len(rs) && !strings.ContainsRune("。！？!?；;\n", rs[j]); j++ {
		if rs[j] != '，' && rs[j] != ',' || !hasRunesAt(rs, j+1, "这位") && !hasRunesAt(rs, j+1, "這位") {
			continue
		}
		w := string(rs[min(len(rs), j+3):min(len(rs), j+17)])
		if (strings.Contains(w, "书记") || strings.Contains(w, "書記")) && !strings.Contains(w, "副") {
			return j + 2, true
		}
	}
	return -1, false
}

// pronounPosts credits "2015年她到…社区任党委书记" to the person the
// pronoun stands for: the nearest repeated name before the sentence, or,
// when the article names her only later, the first one after it.
func pronounPosts(rs []rune, nt nameTables, ev *leaderEvidence) {
	text := string(rs)
	for _, start := range sentenceStarts(rs) {
		s0 := start + timePhrase(rs[start:])
		p := -1
		// The pronoun opens the sentence, or follows a short adverbial
		// ("从2015年起，他就在…担任党委书记").
		asPost := false
		for j := s0; j < len(rs) && j < s0+12 && !strings.ContainsRune("。！？!?；;\n", rs[j]); j++ {
			if rs[j] == '她' || rs[j] == '他' || rs[j] == '我' {
				p = j
				break
			}
			if w := string(rs[min(len(rs), j+2):min(len(rs), j+14)]); j == s0 && (hasRunesAt(rs, j, "这位") || hasRunesAt(rs, j, "這位")) &&
				(strings.Contains(w, "书记") || strings.Contains(w, "書記")) && !strings.Contains(w, "副") {
				p, asPost = j+1, true // "这位80后社区党委书记…"
				break
			}
			if j > s0+2 && !unicode.IsDigit(rs[j]) && !strings.ContainsRune("从從自起年月，,以来來后後", rs[j]) {
				break
			}
		}
		if p < 0 {
			// "作为柳岸社区党委书记，她…": the post before the pronoun.
			p, asPost = postBeforePronoun(rs, s0)
		}
		if p < 0 {
			// "记者见到柏丽芳时，这位青山社区的党委书记正在…": 这位 opening
			// a later clause.
			p, asPost = thisOnePost(rs, s0)
		}
		if p < 0 || p+1 < len(rs) && (rs[p+1] == '们' || rs[p+1] == '們') || !asPost && !takesPost(rs[p+1:]) {
			continue
		}
		// Her paragraph's name before the pronoun, else her section's
		// heading ("柯丽萍：一本安全账"), else the nearest name before or
		// after.
		hn, hp := headingName(rs, start, nt)
		if name := nearestName(rs, text, p, -1, hp, nt, ev); name != "" {
			ev.add(name, 2, true)
		} else if hn != "" {
			ev.add(hn, 2, true)
			ev.addPosted(hn)
		} else if name := nearestName(rs, text, p, -1, 0, nt, ev); name != "" {
			ev.add(name, 2, true)
		} else if name := nearestName(rs, text, p, 1, 0, nt, ev); name != "" {
			ev.add(name, 2, true)
		}
	}
}

// headingName is the name a section's heading opens with ("柯丽萍：一本
// 安全账", "二、柯丽萍 柳岸社区"), for the sentence at rs[start]: the
// nearest line above it short enough to be a heading, within 30 lines;
// with its rune offset ("" and the heading's offset when it names no
// one; "" and 0 with no heading).
func headingName(rs []rune, start int, nt nameTables) (string, int) {
	end := start
	for end > 0 && rs[end-1] != '\n' {
		end--
	}
	end-- // the newline ending the line above
	for lines := 0; end > 0 && lines < 30; lines++ {
		st := end
		for st > 0 && rs[st-1] != '\n' {
			st--
		}
		line := rs[st:end]
		if len(line) > 0 && len(line) <= 30 && !strings.ContainsAny(string(line), "。！？；") {
			i := 0
			for i < len(line) && strings.ContainsRune("#*一二三四五六七八九十、.．0123456789 \u3000", line[i]) {
				i++
			}
			names := nt.namesAt(line, i)
			for k := len(names) - 1; k >= 0; k-- {
				e := i + utf8.RuneCountInString(names[k])
				if e == len(line) || strings.ContainsRune("：:，,（( \u3000—", line[e]) {
					return names[k], st
				}
			}
			return "", st
		}
		end = st - 1
	}
	return "", 0
}

// nearestName walks from rune p in direction dir and returns the first
// full name (surname and two given characters, or a compound surname and
// one) that the text writes at least twice and that is no deputy's, not
// going past rune stop.
func nearestName(rs []rune, text string, p, dir, stop int, nt nameTables, ev *leaderEvidence) string {
	for i := p + dir; i >= stop && i < len(rs); i += dir {
		sl := nt.surnameLen(rs, i)
		if sl == 0 {
			continue
		}
		names := nt.namesAt(rs, i)
		if len(names) == 0 {
			continue
		}
		name := names[len(names)-1]
		if utf8.RuneCountInString(name) < 3 || ev.deputy[name] || strings.Count(text, name) < 2 {
			continue
		}
		if sl == 1 && nt.ambiguous[rs[i]] && !nameLine(text, name) {
			continue // 施, 方, 高…: only a name standing as a line of its own
		}
		return name
	}
	return ""
}

// bylineRe finds a byline or signature naming who wrote or tells the
// story: "（作者：聂文华，系…社区党委书记）", "口述：邹丽娟", "作者为…".
var bylineRe = regexp.MustCompile(`(?m)^[ \t\x{3000}（(]*(?:(?:作者简介|作者簡介|作者|口述|口述人|讲述|讲述人|講述|講述人)\s*(?:[:：｜|]|为|為|系)|文\s*[/／]|(?:[\p{Han}]{2,4}\s*口述))`)

// bylines scores the name a byline gives, when the article states a
// secretary's post somewhere: a first-person column or an oral account
// names its author only there, once.
func bylines(rs []rune, nt nameTables, ev *leaderEvidence) {
	if !hasRole(rs) {
		return
	}
	text := string(rs)
	for _, loc := range bylineRe.FindAllStringIndex(text, -1) {
		a := utf8.RuneCountInString(text[:loc[1]])
		end := a
		for end < len(rs) && rs[end] != '\n' && end < a+60 {
			end++
		}
		line := rs[a:end]
		i := 0
		for i < len(line) && (line[i] == ' ' || line[i] == '\u3000') {
			i++
		}
		found := ""
		if m := []rune(strings.TrimLeft(text[loc[0]:loc[1]], " \t\u3000（(")); len(m) > 2 && hasRunesAt(m, len(m)-2, "口述") && !hasRunesAt(m, 0, "口述") {
			// "翟海涛口述　记者…整理": the name before 口述.
			for _, name := range nt.namesAt(m, 0) {
				if utf8.RuneCountInString(name)+2 >= len(m) || strings.TrimSpace(string(m[utf8.RuneCountInString(name):len(m)-2])) == "" {
					found = name
				}
			}
		} else if names := nt.namesAt(line, i); len(names) > 0 {
			found = names[len(names)-1]
		} else {
			// "作者为…社区党委书记 翟海涛": the name after the post.
			for j := range line {
				if hasRunesAt(line, j, "书记") || hasRunesAt(line, j, "書記") {
					k := j + 2
					for k < len(line) && (line[k] == ' ' || line[k] == '\u3000') {
						k++
					}
					if names := nt.namesAt(line, k); len(names) > 0 {
						found = names[len(names)-1]
					}
				}
			}
		}
		if found != "" {
			ev.add(found, 3, true)
			ev.byline[found] = true
		}
	}
}

// nameLine reports a name written as a line of its own ("施红英" above
// "她是…小区党支部书记"), which a surname that is also a word needs.
func nameLine(text, name string) bool {
	for _, l := range strings.Split(text, "\n") {
		if strings.Trim(l, " \u3000*#") == name {
			return true
		}
	}
	return false
}

// midSentencePosts scores a full name inside a sentence that goes on to
// take a post: "今年是崔建军在红旗社区任党委书记的第八年".
func midSentencePosts(rs []rune, nt nameTables, ev *leaderEvidence) {
	text := string(rs)
	for i := 1; i < len(rs); i++ {
		if !strings.ContainsRune("是，,、：:”」", rs[i-1]) {
			continue
		}
		for _, name := range nt.namesAt(rs, i) {
			k := i + utf8.RuneCountInString(name)
			if utf8.RuneCountInString(name) < nt.surnameLen(rs, i)+2 || k >= len(rs) || ev.deputy[name] {
				continue
			}
			if nt.surnameLen(rs, i) == 1 && nt.ambiguous[rs[i]] && strings.Count(text, name) < 2 {
				continue
			}
			if strings.ContainsRune("在于從从自", rs[k]) && takesPost(rs[k:]) {
				ev.add(name, 1, true)
			}
		}
	}
	// "另一位受访者钱芳，是西城社区居委会主任、党支部书记": a full name
	// inside a sentence, then her post as what she is.
	for i := 1; i < len(rs); i++ {
		if !unicode.Is(unicode.Han, rs[i-1]) {
			continue // at a sentence's start profileAndSubject reads it
		}
		for _, name := range nt.namesAt(rs, i) {
			k := i + utf8.RuneCountInString(name)
			if utf8.RuneCountInString(name) < nt.surnameLen(rs, i)+1 || k+2 >= len(rs) || ev.deputy[name] || strings.Count(text, name) < 2 {
				continue
			}
			j := k
			if rs[j] == '，' || rs[j] == ',' {
				j++
			}
			now := hasRunesAt(rs, j, "现任") || hasRunesAt(rs, j, "現任")
			if !now && (j == k || !hasRunesAt(rs, j, "是")) {
				continue // "…钱芳，是…" or "钱芳现任…"
			}
			if secretaryClause(rs[j:]) {
				ev.add(name, 1, true)
				ev.addPosted(name)
			}
		}
	}
	// "退休教师赵秀琴当选…楼院党支部书记": who she was, her name, and the
	// post she was elected to or took up, with no comma before the name.
	for i := 2; i < len(rs); i++ {
		if !hasRunesAt(rs, i-2, "教师") && !hasRunesAt(rs, i-2, "教師") && !hasRunesAt(rs, i-2, "党员") && !hasRunesAt(rs, i-2, "黨員") &&
			!hasRunesAt(rs, i-2, "工人") && !hasRunesAt(rs, i-2, "职工") && !hasRunesAt(rs, i-2, "職工") && !hasRunesAt(rs, i-2, "军人") && !hasRunesAt(rs, i-2, "軍人") &&
			!hasRunesAt(rs, i-2, "干部") && !hasRunesAt(rs, i-2, "幹部") && !hasRunesAt(rs, i-2, "居民") {
			continue
		}
		for _, name := range nt.namesAt(rs, i) {
			k := i + utf8.RuneCountInString(name)
			if utf8.RuneCountInString(name) != nt.surnameLen(rs, i)+2 || k >= len(rs) || ev.deputy[name] || nt.ambiguous[rs[i]] {
				continue
			}
			for _, v := range []string{"当选", "當選", "担任", "擔任", "出任", "接任"} {
				if hasRunesAt(rs, k, v) && takesPost(rs[k:]) {
					ev.add(name, 1, true)
					ev.addPosted(name)
				}
			}
		}
	}
}

// postBeforePronoun finds "作为…社区党委书记，她" opening the sentence at
// rs[s0]: the pronoun's offset, or -1.
func postBeforePronoun(rs []rune, s0 int) (int, bool) {
	if !hasRunesAt(rs, s0, "作为") && !hasRunesAt(rs, s0, "作為") && !hasRunesAt(rs, s0, "身为") && !hasRunesAt(rs, s0, "身為") {
		return -1, false
	}
	c := s0 + 2
	for c < len(rs) && c < s0+30 && !strings.ContainsRune("，,。；;！？!?\n", rs[c]) {
		c++
	}
	if c+1 >= len(rs) || (rs[c] != '，' && rs[c] != ',') || !strings.ContainsRune("她他", rs[c+1]) || !secretaryClause(rs[s0+2:]) {
		return -1, false
	}
	return c + 1, true
}
