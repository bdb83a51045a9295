package corpus

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"bangyang/zh"
)

// leaderEvidence is what the text says about the people it names.
type leaderEvidence struct {
	score  map[string]int  // candidate name → weighted evidence
	strong map[string]bool // named next to a full post, in a profile line or as "她叫…"
	others map[string]bool // named next to a secretary's post (not a deputy's)
	deputy map[string]bool // named next to a deputy's post (副书记唐小雨): not the leader
	byline map[string]bool // the byline's or signature's name: counts even when written once
	// posted: named with a secretary's post in a form that leaves no doubt
	// (邵春华，…社区党委书记; 龚玉梅（…党委书记）; 党委书记蔡文军，; her
	// section's heading, then "她是…书记"): she counts even when named once,
	// as in an award list where each secretary has one paragraph.
	posted map[string]bool
	// chained: posted right after her community's full Party post, its
	// chain written out (春晖社区党委书记周玉兰介绍，…): the one such name
	// of a page may lead though written once.
	chained map[string]bool
}

// addPosted records a name stated with a secretary's post beyond doubt.
func (ev *leaderEvidence) addPosted(name string) {
	if _, ok := ev.score[name]; !ok {
		ev.add(name, 1, true)
	}
	ev.posted[name] = true
	ev.others[name] = true
}

func (ev *leaderEvidence) add(name string, w int, strong bool) {
	ev.score[name] += w
	if strong {
		ev.strong[name] = true
	}
}

// deriveLeader finds the article's main person. Evidence, weighted:
// a name next to a role word (黨委書記吳中蘭, 郭佳同志, 社区书记门建国：),
// a profile line (华秀芳，女，汉族，1972年生), a "她叫向春燕" after the
// person was introduced by her post, a sentence whose subject the name is
// and which names a post (路雪梅是丰产路社区党委书记), a headline opening
// with the name (牛桂英：…), and surname-only address (小吳書記, 钟书记).
// Every surname counts, single or compound, including the ones that are
// common words, but those only through such context, never from frequency
// alone. Candidates are then ranked by evidence plus occurrences; it
// returns "" rather than a weak guess, and the other secretaries the text
// names next to their post.
func deriveLeader(title, text string, nt nameTables) (string, []string) {
	full := title + "\n" + text
	rs := []rune(full)
	ev := &leaderEvidence{score: map[string]int{}, strong: map[string]bool{}, others: map[string]bool{},
		deputy: map[string]bool{}, byline: map[string]bool{}, posted: map[string]bool{}, chained: map[string]bool{}}
	nrs := []rune(zh.ToSimplified(full))
	if len(nrs) != len(rs) {
		nrs = rs
	}
	surnameOnly := map[string]int{} // 吳 from 小吳書記
	for i := 0; i < len(rs); i++ {
		role := ""
		for _, r := range leaderRoles {
			if hasRunesAt(rs, i, r) {
				role = r
				break
			}
		}
		if role == "" {
			continue
		}
		n := utf8.RuneCountInString(role)
		deputy := i > 0 && (rs[i-1] == '副' || rs[i-1] == '總' || rs[i-1] == '总')
		if i >= 2 && officialPost(rs[i-2:i]) {
			// 区委书记张振华 visits; he is not the community's secretary.
			i += n - 1
			continue
		}
		// Name before the role: 張影書記, 吳書記, 司马书记.
		for k := 1; k <= 4 && i-k >= 0; k++ {
			start := i - k
			sl := nt.surnameLen(rs, start)
			if sl == 0 {
				continue
			}
			if sl == k {
				// Surname alone: 吳書記, 小吳書記, 司马书记.
				if start == 0 || !unicode.Is(unicode.Han, rs[start-1]) || strings.ContainsRune("小老她他叫喊称稱", rs[start-1]) {
					surnameOnly[string(rs[start:i])]++
				}
				continue
			}
			if k-sl > 2 || !allNameRunes(rs[start+sl:i], nt) {
				continue
			}
			if role != "人大代表" {
				ev.add(string(rs[start:i]), 1, role != "同志")
			}
			if b := string(rs[max(0, start-3):start]); !deputy && (role == "书记" || role == "書記") && (strings.HasSuffix(b, "社区的") || strings.HasSuffix(b, "社區的")) {
				// "西城社区的钱芳书记": a community's secretary addressed by
				// her post.
				ev.others[string(rs[start:i])] = true
			}
		}
		// 书记、居委会主任何雪梅: the secretary's second post, her name after it.
		secretary := role == "書記" || role == "书记"
		if role == "主任" {
			before := string(rs[max(0, i-8):i])
			secretary = strings.Contains(before, "书记、") || strings.Contains(before, "書記、") || strings.Contains(before, "书记兼") || strings.Contains(before, "書記兼")
		}
		// Name after the role: 黨委書記吳中蘭, 居委会主任金顺姬 — not when
		// a name the text repeats is written just before it: 张岚书记年轻
		// addresses 张岚, and what follows is no name.
		addressed := false
		for k := 2; k <= 4 && i-k >= 0; k++ {
			for _, name := range nt.namesAt(rs, i-k) {
				if utf8.RuneCountInString(name) == k && strings.Count(full, name) >= 2 {
					addressed = true
				}
			}
		}
		if role != "同志" && !addressed {
			at := i + n
			for at < len(rs) && at < i+n+2 && (rs[at] == ' ' || rs[at] == '\u3000') {
				at++ // a signature: "社区党委书记 翟海涛"
			}
			if at == i+n && at+1 < len(rs) && (rs[at] == '是' || rs[at] == '叫') && nt.surnameLen(rs, at+1) > 0 {
				at++ // "小区党支部书记是施红英"
			}
			if at == i+n && servesAs(rs, at) {
				i += n - 1
				continue // "社区党委书记任大网格长": 任 is the verb, not a surname
			}
			if at == i+n && at+3 < len(rs) && rs[at] == '的' && nt.surnameLen(rs, at+1) == 1 && allNameRunes(rs[at+2:at+4], nt) {
				at++ // "担任红旗社区党委书记的崔建军"
			}
			for _, name := range nt.namesAt(rs, at) {
				if slices.Contains(postWords, name) {
					continue // "书记项目", "书记党课": a thing a secretary does, no one named
				}
				if deputy {
					ev.deputy[name] = true // 副书记唐小雨 is not the secretary
					continue
				}
				ev.add(name, 1, true)
				if secretary {
					ev.others[name] = true
				}
			}
			if names := nt.namesAt(rs, at); !deputy && secretary && len(names) > 0 {
				if name := postedAfterRole(rs, at, names); name != "" {
					ev.posted[name] = true // "南湖区新港社区党委书记蔡文军，", "…书记蔡文军带领…"
					if communityPartyPost(nrs, i) {
						ev.chained[name] = true
					}
				}
			}
		}
		i += n - 1
	}
	for s, c := range surnameOnly {
		sr := []rune(s)
		names := namesStartingWith(rs, s, nt)
		// Two people of one surname (王淑珍 the secretary, 王德林 a
		// resident): 王书记 is the one named with the post.
		if k := postedFamily(names, ev, nt); k != "" {
			names = slices.DeleteFunc(names, func(n string) bool { return family(n, nt) != k })
		}
		for _, name := range names {
			// 钟书记 vouches for 钟小燕; for a surname that is also a
			// word it vouches only for a full two-character given name
			// (路书记 says nothing of 路口).
			strong := len(sr) == 2 || !nt.ambiguous[sr[0]] || utf8.RuneCountInString(name) == len(sr)+2
			ev.add(name, min(c, 2), strong)
		}
	}
	for _, sent := range sentenceStarts(rs) {
		profileAndSubject(rs, sent, nt, ev)
	}
	pronounPosts(rs, nt, ev)
	midSentencePosts(rs, nt, ev)
	bylines(rs, nt, ev)
	// "她叫向春燕", "名叫…": the name given after the post.
	for i := 0; i+2 < len(rs); i++ {
		if (rs[i] == '她' || rs[i] == '他' || rs[i] == '名') && rs[i+1] == '叫' {
			names := nt.namesAt(rs, i+2)
			for _, name := range names {
				ev.add(name, 2, true)
			}
			// "他叫邓志刚，…现任…社区党支部书记。" opening a section: a
			// secretary of the page, though named once.
			if len(names) > 0 {
				name := names[len(names)-1]
				e := i + 2 + utf8.RuneCountInString(name)
				end := e
				for end < len(rs) && !strings.ContainsRune("。！？!?\n", rs[end]) {
					end++
				}
				if e < len(rs) && (rs[e] == '，' || rs[e] == ',') && secretaryIn(rs[e:end]) {
					ev.addPosted(name)
				}
			}
		}
	}
	// A headline that opens with the name: "牛桂英：“敲门行动”…".
	trs := []rune(title)
	for _, name := range nt.namesAt(trs, 0) {
		if k := utf8.RuneCountInString(name); k < len(trs) && strings.ContainsRune("：:，, （(", trs[k]) {
			ev.add(name, 3, true)
		}
	}
	interviewSpeakers(full, nt, ev)
	sectionHeadSecretaries(full, nt, ev)
	oneAndAnother(rs, nt, ev)
	// A post in brackets after the name: "严晓雯（社区党委书记）".
	for k, r := range rs {
		if r != '（' && r != '(' {
			continue
		}
		end := k + 1
		for end < len(rs) && end-k < 16 && rs[end] != '）' && rs[end] != ')' {
			end++
		}
		if end >= len(rs) || !hasRole(rs[k+1:end]) {
			continue
		}
		inner := string(rs[k+1 : end])
		secretary := (strings.Contains(inner, "书记") || strings.Contains(inner, "書記")) && !strings.Contains(inner, "副")
	bracket:
		for i := max(0, k-4); i < k-1; i++ {
			for _, name := range nt.namesAt(rs, i) {
				if i+utf8.RuneCountInString(name) == k {
					ev.add(name, 2, true)
					if secretary {
						ev.addPosted(name) // "龚玉梅（…社区党委书记）"
					}
					break bracket // the longest: 龚玉梅, not 玉梅 within it
				}
			}
		}
	}
	leader := pickName(full, ev, nt)
	if leader == "" && len(ev.score) == 0 {
		// No context names anyone: the most frequent name, if it occurs
		// three times and its surname is not a common word.
		seen := map[string]bool{}
		for i := range rs {
			sl := nt.surnameLen(rs, i)
			if sl == 0 || sl == 1 && nt.ambiguous[rs[i]] {
				continue
			}
			s := string(rs[i : i+sl])
			if seen[s] {
				continue
			}
			seen[s] = true
			for _, name := range namesStartingWith(rs, s, nt) {
				if !ev.deputy[name] {
					ev.score[name] += 0
				}
			}
		}
		leader = pickNameMin(full, ev, nt, 3)
	}
	if leader == "" {
		return "", nil
	}
	var others []string
	lf := family(leader, nt)
	for name := range ev.others {
		if family(name, nt) == lf || strings.Contains(leader, name) || strings.Count(full, name) < 2 && !ev.posted[name] || placeFragment(rs, family(name, nt)) {
			continue
		}
		// The full form of the other person: the longest candidate of her
		// family that accounts for most of its occurrences.
		if o := extend(full, family(name, nt), ev, nt); o != "" && !slices.Contains(others, o) {
			others = append(others, o)
		}
	}
	sort.Strings(others)
	return leader, others
}

// sectionHeadSecretaries finds the secretaries a page portrays one per
// section, each named in her section's heading ("### 李明：老人的饭碗端稳了")
// and told in it as 她/他 with her post ("他是向荣社区党委书记"): each is
// a secretary of the page, though her name may occur once.
func sectionHeadSecretaries(full string, nt nameTables, ev *leaderEvidence) {
	lines := strings.Split(full, "\n")
	for i, l := range lines {
		head := strings.TrimLeft(strings.TrimSpace(l), "#*　 ")
		rs := []rune(head)
		if len(rs) == 0 || len(rs) > 40 {
			continue
		}
		names := nt.namesAt(rs, 0)
		if len(names) == 0 {
			continue
		}
		name := names[len(names)-1] // the longest
		k := utf8.RuneCountInString(name)
		if k >= len(rs) || rs[k] != '：' && rs[k] != ':' || k < 2 {
			continue
		}
		// Her section: up to the next heading.
		for _, b := range lines[i+1:] {
			t := strings.TrimSpace(b)
			if sectionHeadLine(t) {
				break
			}
			if sectionPostRE.MatchString(zh.ToSimplified(t)) {
				ev.others[name] = true
				ev.posted[name] = true
				ev.add(name, 1, true)
				break
			}
		}
	}
}

// sectionHeadLine reports a line opening a section: a Markdown heading, a
// bold line, or a short "X：…" line.
func sectionHeadLine(t string) bool {
	if strings.HasPrefix(t, "#") || strings.HasPrefix(t, "**") && strings.HasSuffix(t, "**") {
		return true
	}
	n := utf8.RuneCountInString(t)
	return n > 0 && n <= 30 && strings.ContainsAny(t, "：:") && !strings.ContainsAny(t, "。！？")
}

// sectionPostRE tells the post of the one a section is about, by pronoun
// or at its start: 他是向荣社区党委书记, 作为…社区党委书记.
var sectionPostRE = regexp.MustCompile(`(^|[。，,])(她|他)(是|任|担任)[^。，,]{0,20}(书记|主任)|^作为[^。，,]{0,20}书记`)

// interviewSpeakers counts an interview's speaker: a name opening two or
// more lines with a colon ("严玉华：我们把巷子分成7个片") in a text where
// an interviewer asks (记者：…, 问：…). Her answers are her own account;
// she is whom the interview is about.
func interviewSpeakers(full string, nt nameTables, ev *leaderEvidence) {
	lines := strings.Split(full, "\n")
	asked := false
	count := map[string]int{}
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if questionRe.MatchString(l) { // both scripts
			asked = true
			continue
		}
		rs := []rune(l)
		names := nt.namesAt(rs, 0)
		for i := len(names) - 1; i >= 0; i-- { // the longest first
			if k := utf8.RuneCountInString(names[i]); k < len(rs) && (rs[k] == '：' || rs[k] == ':') {
				count[names[i]]++
				break
			}
		}
	}
	if !asked {
		return
	}
	for name, c := range count {
		if c >= 2 {
			ev.add(name, 2, true)
		}
	}
}

// verbOpenings are words that go on after a name (带领, 介绍, 每天): in
// "书记张影带领…" the name is 张影, not 张影带.
var verbOpenings = []string{"带领", "帶領", "带着", "帶著", "介绍", "介紹", "告诉", "告訴", "表示", "认为", "認為",
	"坦言", "笑着", "笑著", "指着", "回忆", "回憶", "感慨", "接受", "常说", "常說", "深知", "看到", "觉得", "覺得",
	"一直", "每天", "经常", "經常", "上任", "到任", "来到", "來到", "走进", "走進", "组织", "組織", "推行", "推出",
	"提出", "牵头", "牽頭", "带头", "帶頭", "主动", "主動", "总是", "總是", "始终", "始終", "多次", "亲自", "親自",
	"退伍", "当过", "當過", "从小", "從小", "今年", "现年", "現年", "召集", "和", "与", "與", "同", "把", "将", "將", "对", "對", "向",
	"借助", "借着", "借著", "利用", "依托", "针对", "針對", "结合", "結合", "通过", "通過", "围绕", "圍繞", "联合", "聯合",
	"发动", "發動", "动员", "動員", "决定", "決定", "积极", "積極"}

// postedAfterRole is the name written right after a secretary's post at
// rs[at], of candidates names (shortest first): the one followed by
// punctuation, or the longest unless its last character opens a word
// that goes on after a name.
func postedAfterRole(rs []rune, at int, names []string) string {
	for _, name := range names {
		if e := at + utf8.RuneCountInString(name); e == len(rs) || strings.ContainsRune("，,。；;：:（( \u3000\n", rs[e]) {
			return name
		}
	}
	long := names[len(names)-1]
	last := at + utf8.RuneCountInString(long) - 1
	for _, w := range verbOpenings {
		if hasRunesAt(rs, last, w) {
			if len(names) > 1 {
				return names[len(names)-2]
			}
			return ""
		}
	}
	return long
}

// communityPartyPost reports a community's Party post ending just before
// nrs[at] (Simplified), its community's chain written out: 春晖社区党委,
// 东湖街道春晖社区党总支.
func communityPartyPost(nrs []rune, at int) bool {
	for _, b := range []string{"党委", "党总支", "党支部"} {
		n := utf8.RuneCountInString(b)
		if at-n < 0 || !hasRunesAt(nrs, at-n, b) {
			continue
		}
		e := at - n
		if u := unitAt(nrs, e); u != "社区" && u != "小区" && u != "村" {
			return false
		}
		return plausibleChain(nrs, chainBefore(nrs, e), e)
	}
	return false
}

// officialPost reports the two runes before 书记 that make it a Party
// committee above the community (区委, 市委, 县委, 省委, 纪委, 团委).
func officialPost(before []rune) bool {
	if before[1] != '委' {
		return false
	}
	return strings.ContainsRune("区區市县縣省州纪紀团團镇鎮", before[0])
}

// sentenceStarts returns the rune offsets at which a sentence or line
// starts, after leading spaces and quotes.
func sentenceStarts(rs []rune) []int {
	var out []int
	at := true
	for i, r := range rs {
		if strings.ContainsRune("。！？!?；;\n", r) {
			at = true
			continue
		}
		if at {
			if unicode.IsSpace(r) || strings.ContainsRune("“”\"「」", r) {
				continue
			}
			out = append(out, i)
			at = false
		}
	}
	return out
}

// subjectLinks may follow a sentence's subject before its post: 是, the
// comma of "陈建国，男，…", 现任/担任/任, 自/从 (自2014年担任…).
const subjectLinks = "是，,现現担擔任自从從在"

// profileAndSubject scores the name opening the sentence at rs[start]: a
// profile line "华秀芳，女，汉族，1972年生" (strong), or the subject of a
// sentence that names a post ("王秀芳是翠苑社区党委书记").
func profileAndSubject(rs []rune, start int, nt nameTables, ev *leaderEvidence) {
	start += timePhrase(rs[start:]) // "2018年，施红英当选…书记"
	start += labelMark(rs[start:])  // "【人物名片】付春兰，…", "嘉宾：严玉华 …书记"
	start += listMark(rs[start:])   // "1.邵春华，…", "（二）柯丽萍…"
	for _, l := range []string{"姓名：", "姓名:"} {
		if hasRunesAt(rs, start, l) {
			start += 3 // a table row: "姓名：阮秋燕，职务：…书记"
		}
	}
	end := start
	for end < len(rs) && !strings.ContainsRune("。！？!?；;\n", rs[end]) {
		end++
	}
	sent := rs[start:end]
	for _, name := range nt.namesAt(rs, start) {
		k := utf8.RuneCountInString(name)
		if k+2 <= len(sent) && strings.ContainsRune("，,（(", sent[k]) && (sent[k+1] == '女' || sent[k+1] == '男') {
			ev.add(name, 3, true)
			if secretaryIn(sent[k:]) {
				ev.addPosted(name) // "邵春华，女，1972年生，…社区党委书记"
			}
			continue
		}
		// The name alone on its line, her post the next line.
		if k == len(sent) && end < len(rs) && rs[end] == '\n' && secretaryClause(rs[end+1:]) {
			ev.addPosted(name)
		}
		// "邵春华，江城市…社区党委书记。", "柯丽萍同志，…", "龚玉梅　…党委书记".
		if j := k; j < len(sent) {
			if hasRunesAt(sent, j, "同志") {
				j += 2
			}
			if j < len(sent) && strings.ContainsRune("是，,：: \u3000】", sent[j]) && secretaryClause(sent[j+1:]) {
				ev.addPosted(name)
			}
		}
		k += timePhrase(sent[k:])
		if k < len(sent) && strings.ContainsRune(subjectLinks, sent[k]) && hasRole(sent[k:]) {
			ev.add(name, 1, true)
		} else if takesPost(sent[k:]) {
			// "韦志鹏2021年调任云岭社区党委书记": a secretary of the article.
			ev.add(name, 1, true)
			ev.addPosted(name)
		}
	}
}

// listMark is the length of a list item's number opening rs: "1.",
// "2、", "一、", "（三）", "【".
func listMark(rs []rune) int {
	i := 0
	switch {
	case len(rs) > 0 && (rs[0] == '（' || rs[0] == '('):
		for i = 1; i < len(rs) && i < 4 && (unicode.IsDigit(rs[i]) || strings.ContainsRune("一二三四五六七八九十", rs[i])); i++ {
		}
		if i > 1 && i < len(rs) && (rs[i] == '）' || rs[i] == ')') {
			return i + 1
		}
		return 0
	case len(rs) > 0 && rs[0] == '【':
		return 1
	}
	for i < len(rs) && i < 2 && (unicode.IsDigit(rs[i]) || strings.ContainsRune("一二三四五六七八九十", rs[i])) {
		i++
	}
	if i > 0 && i < len(rs) && strings.ContainsRune(".、．", rs[i]) {
		return i + 1
	}
	return 0
}

// profileLabels open the line that introduces an interview's guest or a
// profile: "嘉宾：严玉华 …党委书记".
var profileLabels = []string{"嘉宾", "本期嘉宾", "受访者", "受访人", "采访对象", "人物", "人物名片", "人物简介", "嘉宾简介", "个人简介", "简介", "姓名",
	"嘉賓", "本期嘉賓", "受訪者", "受訪人", "採訪對象", "人物簡介", "嘉賓簡介", "個人簡介", "簡介"}

// bracketLabels are the words of a bracketed label: 【人物名片】, 【嘉宾简介】,
// 【编者按】, a script's 【同期】.
var bracketLabels = []string{"简介", "簡介", "名片", "嘉宾", "嘉賓", "人物", "档案", "檔案", "受访", "受訪", "编者按", "編者按", "手记", "手記", "编后", "編後",
	// a TV script's segment marks: 【同期】郑国华　…党委书记：…
	"同期", "解说", "解說", "旁白", "字幕", "画外音", "畫外音", "现场", "現場", "采访", "採訪"}

// labelMark is the length of a label opening rs before a profile: a
// bracketed one of up to eight runes ("【人物名片】", "【嘉宾简介】") or a
// profile label and its colon ("嘉宾：").
func labelMark(rs []rune) int {
	if len(rs) > 0 && rs[0] == '【' {
		for i := 1; i < len(rs) && i <= 9; i++ {
			if rs[i] == '】' {
				if containsAny(string(rs[1:i]), bracketLabels) {
					return i + 1
				}
				return 0 // 【龚玉梅】: a name, not a label
			}
		}
		return 0
	}
	for _, l := range profileLabels {
		n := utf8.RuneCountInString(l)
		if hasRunesAt(rs, 0, l) && n < len(rs) && (rs[n] == '：' || rs[n] == ':') {
			return n + 1
		}
	}
	return 0
}

// secretaryIn reports a secretary's post in rs that is not a deputy's
// nor a committee's above the community (区委书记).
func secretaryIn(rs []rune) bool {
	for i := 2; i+1 < len(rs); i++ {
		if (hasRunesAt(rs, i, "书记") || hasRunesAt(rs, i, "書記")) && rs[i-1] != '副' && !officialPost(rs[i-2:i]) {
			return true
		}
	}
	return false
}

// secretaryClause reports a clause (up to its comma) that ends in a
// secretary's post, not a deputy's nor a past one: "江城市东湖区桂苑社区
// 党委书记", "…党委书记、居委会主任".
func secretaryClause(rs []rune) bool {
	end := 0
	for end < len(rs) && end < 40 && !strings.ContainsRune("，,。；;！？!?（(\n", rs[end]) {
		if (rs[end] == '：' || rs[end] == ':') && (strings.HasSuffix(string(rs[:end]), "书记") || strings.HasSuffix(string(rs[:end]), "書記")) {
			break // a speaker's label ends at its colon: 钢厂社区党委书记：我…
		}
		end++
	}
	c := strings.TrimRight(string(rs[:end]), " \u3000")
	i := max(strings.LastIndex(c, "书记"), strings.LastIndex(c, "書記"))
	if i < 0 {
		return false
	}
	// A deputy's post (党委副书记) or a past one (原…, 曾任…); not a place
	// whose name holds 原 or 曾 (太原市, 曾厝垵社区).
	if post := c[:i]; strings.HasSuffix(post, "副") || strings.HasPrefix(post, "原") || strings.HasPrefix(post, "曾") || strings.Contains(post, "曾任") || strings.Contains(post, "原任") {
		return false
	}
	tail := c[i+len("书记"):]
	return tail == "" || strings.HasPrefix(tail, "、") && strings.HasSuffix(tail, "主任")
}

func hasRole(rs []rune) bool {
	for i := range rs {
		for _, r := range leaderRoles {
			if r != "同志" && hasRunesAt(rs, i, r) {
				return true
			}
		}
	}
	return false
}

// family is a name's surname plus the first given character: 李亚 of
// 李亚玲, 司马丽 of 司马丽娟. Candidates of one family are one person.
func family(name string, nt nameTables) string {
	if nt.whole[name] {
		return name // 古丽娜·艾山: taken whole
	}
	sn := nt.surnameOf(name)
	rs := []rune(name)
	n := utf8.RuneCountInString(sn) + 1
	if sn == "" || len(rs) < n {
		return name
	}
	return string(rs[:n])
}

// pickName groups candidates by family, scores each family by occurrences
// plus twice its evidence, and returns the winner in its full form. A
// family needs two occurrences; one whose surname is also a common word
// needs strong evidence (a post, a profile line, "她叫…", the headline).
func pickName(text string, ev *leaderEvidence, nt nameTables) string {
	return pickNameMin(text, ev, nt, 2)
}

func pickNameMin(text string, ev *leaderEvidence, nt nameTables, minCount int) string {
	type fam struct {
		key          string
		count, score int
		strong       bool
		byline       bool
		posted       bool
		chained      bool
	}
	fams := map[string]*fam{}
	// A surname only one family of candidates has, or only one named
	// with a secretary's post: her address by it (禤书记, 小吴书记, 王书记
	// beside the resident 王德林) counts as a sighting of her.
	bySurname := map[string]map[string]bool{}
	var names []string
	for name := range ev.score {
		names = append(names, name)
		if sn := nt.surnameOf(name); sn != "" {
			if bySurname[sn] == nil {
				bySurname[sn] = map[string]bool{}
			}
			bySurname[sn][family(name, nt)] = true
		}
	}
	sort.Strings(names)
	postedOf := map[string]string{}
	for sn := range bySurname {
		postedOf[sn] = postedFamily(slices.DeleteFunc(slices.Clone(names), func(n string) bool { return nt.surnameOf(n) != sn }), ev, nt)
	}
	for name, w := range ev.score {
		k := family(name, nt)
		f := fams[k]
		if f == nil {
			c := strings.Count(text, k)
			if sn := nt.surnameOf(k + "x"); sn != "" && (len(bySurname[sn]) == 1 || postedOf[sn] == k) && c == 1 {
				c += strings.Count(text, sn+"书记") + strings.Count(text, sn+"書記")
			}
			f = &fam{key: k, count: c, score: c}
			fams[k] = f
		}
		f.score += 2 * w
		f.strong = f.strong || ev.strong[name]
		f.byline = f.byline || ev.byline[name]
		f.posted = f.posted || ev.posted[name]
		f.chained = f.chained || ev.chained[name]
	}
	// A list of secretaries each named once with her post (an award
	// list): any of them may lead. One such name alone is too little.
	postedFams := 0
	for _, f := range fams {
		if f.posted {
			postedFams++
		}
	}
	var list []*fam
	rs := []rune(text)
	for _, f := range fams {
		amb := nt.ambiguous[[]rune(f.key)[0]] && utf8.RuneCountInString(nt.surnameOf(f.key+"x")) == 1
		if placeFragment(rs, f.key) {
			continue // 桂香 of 桂香社区, 罗湖 of 罗湖区: a place, not a person
		}
		if f.count >= minCount && (f.strong || !amb) || f.byline || f.posted && (postedFams >= 2 || f.chained) {
			list = append(list, f)
		}
	}
	if len(list) == 0 {
		return ""
	}
	onlyOnce := true // every candidate named once: a list, in its order
	for _, f := range list {
		onlyOnce = onlyOnce && f.count < minCount
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].score != list[j].score && !onlyOnce {
			return list[i].score > list[j].score
		}
		// Two secretaries of equal standing: the one introduced first.
		if a, b := strings.Index(text, list[i].key), strings.Index(text, list[j].key); a != b {
			return a < b
		}
		return list[i].key < list[j].key
	})
	return extend(text, list[0].key, ev, nt)
}

// servesAs reports a post's holder told by a verb at rs[at]: 任/兼/当
// and, before the clause ends, another post (任大网格长, 兼居委会主任).
func servesAs(rs []rune, at int) bool {
	if at >= len(rs) || !strings.ContainsRune("任兼当", rs[at]) {
		return false
	}
	end := at + 1
	for end < len(rs) && end-at <= 10 && unicode.Is(unicode.Han, rs[end]) {
		end++
	}
	clause := string(rs[at+1 : end])
	if c := strings.TrimSuffix(clause, "主任"); strings.ContainsAny(c, "兼任") {
		return false // "书记任志强兼任居委会主任": the verb comes later, 任 is her surname
	}
	return strings.HasSuffix(clause, "长") || strings.HasSuffix(clause, "书记") || strings.HasSuffix(clause, "主任") ||
		strings.HasSuffix(clause, "委员") || strings.HasSuffix(clause, "员")
}

// postedFamily is, among names of one surname spanning two or more
// families, the one family named next to a secretary's post; "" when
// there is no such choice to make.
func postedFamily(names []string, ev *leaderEvidence, nt nameTables) string {
	all, posted := map[string]bool{}, map[string]bool{}
	for _, n := range names {
		k := family(n, nt)
		all[k] = true
		if ev.posted[n] || ev.others[n] {
			posted[k] = true
		}
	}
	if len(all) < 2 || len(posted) != 1 {
		return ""
	}
	for k := range posted {
		return k
	}
	return ""
}

// extend returns the full form of a family: its one-character-longer
// candidate when that accounts for at least 70% of the family's
// occurrences (李亚玲, not 李亚), else the family itself (郭佳, 張影).
func extend(text, key string, ev *leaderEvidence, nt nameTables) string {
	if nt.whole[key] {
		return key
	}
	total := strings.Count(text, key)
	best, bestCount := key, 0
	n := utf8.RuneCountInString(key)
	for name := range ev.score {
		if utf8.RuneCountInString(name) == n+1 && strings.HasPrefix(name, key) && !verbAfterEvery(text, name) {
			if c := strings.Count(text, name); c*10 >= total*7 && (c > bestCount || c == bestCount && name < best) {
				best, bestCount = name, c
			}
		}
	}
	if bestCount == 0 {
		// The longer form may only occur in text, not as a candidate.
		rs := []rune(text)
		counts := map[string]int{}
		for i := 0; i+n < len(rs); i++ {
			if hasRunesAt(rs, i, key) && allNameRunes(rs[i+n:i+n+1], nt) {
				counts[string(rs[i:i+n+1])]++
			}
		}
		for name, c := range counts {
			if c*10 >= total*8 && c >= 2 && (c > bestCount || c == bestCount && name < best) {
				best, bestCount = name, c
			}
		}
	}
	return best
}

// verbAfterEvery reports a longer form of a name whose last rune opens,
// wherever it is written, a word that goes on after a name (孙红告 of
// "社区书记孙红告诉记者"): the name is the shorter one.
func verbAfterEvery(text, name string) bool {
	rs := []rune(text)
	nr := []rune(name)
	seen := false
	for i := 0; i+len(nr) <= len(rs); i++ {
		if !hasRunesAt(rs, i, name) {
			continue
		}
		seen = true
		last := i + len(nr) - 1
		verb := false
		for _, w := range verbOpenings {
			if utf8.RuneCountInString(w) >= 2 && hasRunesAt(rs, last, w) {
				verb = true
				break
			}
		}
		if !verb {
			return false
		}
	}
	return seen
}

// namesStartingWith lists the distinct candidate names in rs that start
// with surname s.
func namesStartingWith(rs []rune, s string, nt nameTables) []string {
	seen := map[string]bool{}
	var out []string
	sr := []rune(s)
	for i := range rs {
		if !hasRunesAt(rs, i, s) || nt.surnameLen(rs, i) != len(sr) {
			continue
		}
		for _, name := range nt.namesAt(rs, i) {
			if !seen[name] {
				seen[name] = true
				out = append(out, name)
			}
		}
	}
	sort.Strings(out)
	return out
}

// placeSuffixes end a place's or an organisation's name: a candidate
// mostly written before one (桂香社区, 罗湖区, 张华路) is that place.
var placeSuffixes = []string{"社区", "社區", "小区", "小區", "街道", "区", "區", "县", "縣", "市", "镇", "鎮",
	"乡", "鄉", "村", "路", "街", "巷", "省", "州", "大道", "花园", "花園", "公园", "公園", "家园", "家園",
	"新村", "广场", "廣場", "居委会", "居委會", "居民委员会", "居民委員會", "公司", "集团", "集團",
	"银行", "銀行", "医院", "醫院", "学校", "學校", "小学", "小學", "中学", "中學", "大学", "大學",
	"族"} // 蒙古族, 哈萨克族: an ethnic group, not a person

// placeFragment reports a candidate key whose occurrences in rs are
// mostly followed by a place or organisation suffix, directly (罗湖区) or
// after one more character (桂香园社区).
func placeFragment(rs []rune, key string) bool {
	kr := []rune(key)
	total, place := 0, 0
	for i := 0; i+len(kr) <= len(rs); i++ {
		if !hasRunesAt(rs, i, key) {
			continue
		}
		total++
		at := i + len(kr)
		if placeSuffixAt(rs, at) || at < len(rs) && unicode.Is(unicode.Han, rs[at]) && placeSuffixAt(rs, at+1) && !placeSuffixAt(rs, at) && !strings.ContainsRune("说說的在是和与與", rs[at]) {
			place++
		}
		i += len(kr) - 1
	}
	return total > 0 && place*2 > total
}

func placeSuffixAt(rs []rune, i int) bool {
	for _, s := range placeSuffixes {
		if hasRunesAt(rs, i, s) {
			return true
		}
	}
	return false
}

// oneAndAnother reads "一位是钱慧英，北油坊社区党委书记；另一位是孔德明，
// 南门社区党委书记" and "一位是北油坊社区的钱慧英，另一位是南门社区的孔德明，
// 两人都是社区党委书记": each half names one secretary, her post in her
// half or after both. Each counts as stated with her post.
func oneAndAnother(rs []rune, nt nameTables, ev *leaderEvidence) {
	for i := 1; i+1 < len(rs); i++ {
		if rs[i] != '是' || i < 2 || !strings.ContainsRune("位个個名", rs[i-1]) || rs[i-2] != '一' {
			continue
		}
		// The half: to the next 另一位, semicolon or full stop.
		end := i + 1
		for end < len(rs) && end < i+40 && !strings.ContainsRune("。！？!?；;\n", rs[end]) && !anotherOneAt(rs, end+1) {
			end++
		}
		half := rs[i+1 : end]
		sentEnd := end
		for sentEnd < len(rs) && !strings.ContainsRune("。！？!?\n", rs[sentEnd]) {
			sentEnd++
		}
		if !secretaryIn(half) && !secretaryIn(rs[i+1:sentEnd]) {
			continue
		}
		// The name: right after 是, or after 的 or the post in the half,
		// ending at punctuation or the half's end.
		found := ""
		for j := 0; j < len(half) && found == ""; j++ {
			if j > 0 && half[j-1] != '的' && (j < 2 || !hasRunesAt(half, j-2, "书记") && !hasRunesAt(half, j-2, "書記")) {
				continue
			}
			names := nt.namesAt(half, j)
			for k := len(names) - 1; k >= 0; k-- {
				e := j + utf8.RuneCountInString(names[k])
				if e == len(half) || strings.ContainsRune("，,（(、 ", half[e]) {
					found = names[k]
					break
				}
			}
		}
		if found != "" && !ev.deputy[found] {
			ev.add(found, 1, true)
			ev.addPosted(found)
		}
	}
}

// postWords are words written right after 书记 that open with a surname's
// rune but name a programme of the post, not a person (书记项目, 书记党课,
// 书记包片).
var postWords = []string{"项目", "項目", "党课", "黨課", "包片", "包联", "包聯", "包保", "包点", "包點", "万里", "萬里"}
