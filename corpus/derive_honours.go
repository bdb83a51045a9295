package corpus

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"bangyang/zh"
)

// Personal honours: a title's head, optionally scoped (全国, 江西省,
// 西安市). A community's honours (文明社区, 先进基层党组织) never match.
var (
	honourHeads = `优秀共产党员|优秀党员|优秀党务工作者|优秀社区工作者|最美城乡社区工作者|最美社区工作者|劳动模范|` +
		`三八红旗手标兵|三八红旗手|先进工作者|道德模范|五一劳动奖章|五一巾帼标兵|巾帼建功标兵|` +
		`民族团结进步模范个人|民族团结进步模范|民族团结进步先进个人|先进基层党组织书记|十佳社区书记|优秀社区书记|最美社区书记|最美社区党组织书记|最美基层党组织书记|最美书记|千名好支书|百名好支书|好支书|最美基层干部|担当作为好干部|优秀社区党组织书记|优秀基层党组织书记|人大代表|党代表|政协委员|` +
		`优秀退役军人|模范退役军人|最美退役军人|先进个人|优秀共青团员|青年五四奖章|五四青年奖章|人民调解能手|调解能手|中国好人|身边好人|五星级[”"]?党组织书记|五星级[”"]?书记|志愿服务奉献之星|奉献之星|服务之星|最美志愿者|最美奋斗者`
	honourRe = regexp.MustCompile(`((?:全国|全省|全市|\p{Han}{0,6}(?:省|市|区|县|自治区))?[“"]?)(?:` + honourHeads + `)[”"]?`)
	// A representative's seat needs its level: 全国人大代表, 市人大代表;
	// "邀请人大代表…协商" is not an honour. So does 优秀党员 (都匀市优秀党员):
	// "组织优秀党员…" names a group.
	needsScope = []string{"人大代表", "党代表", "政协委员", "优秀党员"}
	// honourHints: a sentence without one holds no honour (skips the
	// regexp).
	honourHints = []string{"优秀", "模范", "红旗手", "代表", "委员", "先进", "标兵", "十佳", "最美", "奖章", "好支书", "好干部", "退役军人", "能手", "好人", "五星级", "之星"}
)

// honourScopeStart returns where the scope of an honour really starts
// within nrs[a:head]: 全国/全省/自治区…, or the administrative chain the
// prefix ends with (当选丽江市人大代表 → 丽江市); head when the prefix is
// prose (先后获得…).
func honourScopeStart(nrs []rune, a, head int) int {
	q := head
	for q > a && (nrs[q-1] == '“' || nrs[q-1] == '"') {
		q--
	}
	for _, w := range []string{"全国", "全省", "全市", "全区", "自治区", "省", "市", "区", "县"} {
		if st := chainBefore(nrs[:q], q); len(st) > 0 && st[0] >= a {
			return st[0]
		}
		n := utf8.RuneCountInString(w)
		if q-n >= a && hasRunesAt(nrs, q-n, w) {
			return q - n
		}
	}
	return head
}

// deriveHonours lists the leader's personal honours, from the text and
// the infobox (主要成就), in the article's script. Only sentences about
// her count: naming her, an alias, 她/他/本人, or a short line naming
// nobody (a table row); sentences naming only another secretary, or
// other people's honours ("3名党员被评为…"), are skipped.
func deriveHonours(text string, fields map[string]string, leader string, aliases, others []string) []string {
	for i, a := range aliases {
		aliases[i] = zh.ToSimplified(a)
	}
	others = simplifiedAll(others)
	var out []string
	add := func(h string) {
		// Trim what the match took from the sentence before the title
		// (为, 评, 获…), deciding on the Simplified form.
		hr, nr := []rune(h), []rune(zh.ToSimplified(h))
		if len(hr) != len(nr) {
			hr = nr
		}
		i := 0
		for i < len(nr) && strings.ContainsRune("为评获授予荣得选称号被的是在了和与、“\"", nr[i]) {
			i++
		}
		j := len(nr)
		for j > i && strings.ContainsRune("”\"", nr[j-1]) {
			j--
		}
		h, n := string(hr[i:j]), string(nr[i:j])
		if strings.Count(n, "“") > strings.Count(n, "”") {
			// 南京市“最美社区书记”: the closing quote was trimmed, so the
			// opening one goes too.
			h, n = strings.Replace(h, "“", "", 1), strings.Replace(n, "“", "", 1)
		}
		if utf8.RuneCountInString(h) < 4 {
			return
		}
		for _, s := range needsScope {
			if n == s {
				return
			}
		}
		for _, o := range out {
			if zh.ToSimplified(o) == n {
				return
			}
		}
		out = append(out, h)
	}
	lk := zh.ToSimplified(leader)
	full := []rune(zh.ToSimplified(text))
	if len(full) != utf8.RuneCountInString(text) {
		full = nil // offsets would not line up: no section check
	}
	at := 0            // rune offset of the line in text
	inSection := false // under a heading such as 所获荣誉 / 荣誉表彰
	lines := strings.Split(text, "\n")
	for li, line := range lines {
		lineAt := at
		at += utf8.RuneCountInString(line) + 1
		// A heading of honours opens the section; another heading closes
		// it when prose follows (人物评价 and its paragraph), not a cell
		// of the table (授予单位, 时间).
		if open, ok := honoursHeading(line); ok && (open || li+1 < len(lines) && strings.ContainsAny(lines[li+1], "。！？")) {
			inSection = open
			if open {
				continue
			}
		}
		cursor := 0
		answer := answerLine(zh.ToSimplified(line), lk, aliases)
		question := isQuestion(zh.ToSimplified(line))
		sents := Sentences(line)
		var quoted []int // whose quotation each sentence is (0 hers)
		if len(others) > 0 {
			people := [][]string{append([]string{lk}, aliases...)}
			for _, o := range others {
				people = append(people, []string{o})
			}
			quoted = QuotedSpeakers(simplifiedAll(sents), people)
		}
		for si, sent := range sents {
			norm := zh.ToSimplified(sent)
			s0 := lineAt
			if i := strings.Index(line[cursor:], sent); i >= 0 {
				s0 += utf8.RuneCountInString(line[:cursor+i])
				cursor += i + len(sent)
			}
			if quoted != nil && quoted[si] > 0 {
				continue // another secretary's words ("…我本人还获得了…”"): hers, not this one's
			}
			if !strings.Contains(norm, lk) && containsAny(norm, others) || !containsAny(norm, honourHints) {
				continue
			}
			// About her: it names her or says 她/他/本人; a short line
			// naming nobody is a table row or a list of her honours.
			about := strings.Contains(norm, lk) || containsAny(norm, aliases) || strings.ContainsAny(norm, "她他") || containsAny(norm, []string{"本人", "这位", "该同志"})
			if question {
				// The interviewer asks her (您) about herself; 她 in a
				// question is someone else.
				about = strings.Contains(norm, lk) || containsAny(norm, aliases) || strings.ContainsAny(norm, "您你") && !strings.ContainsAny(norm, "她他")
			}
			// A row of an honours table or list, however long ("2021年6月
			// 被中共中央授予“全国优秀党务工作者”称号"), under its heading.
			about = about || inSection && !groupRe.MatchString(norm)
			// An interview's answer (答：…, 严玉华：…) in her own words:
			// "去年我被评为全国优秀党务工作者".
			about = about || answer && strings.Contains(strings.ReplaceAll(norm, "我们", ""), "我")
			// "我省4名社区书记被评为…": a group as large as the article's
			// list of secretaries (the leader and the others) is that list.
			about = about || len(others) > 0 && groupCount(norm) == len(others)+1 && !containsAny(norm, others)
			// Her own quotation ("侯建军说：“…我本人还获得了…称号。”").
			ownWords := quoted != nil && quoted[si] == 0 && strings.Contains(strings.ReplaceAll(norm, "我们", ""), "我")
			about = about || ownWords
			// (社区 inside the title itself, 优秀社区工作者, says nothing.)
			if !about && (utf8.RuneCountInString(norm) > 30 || strings.ContainsAny(norm, "名位") || strings.Contains(honourRe.ReplaceAllString(norm, ""), "社区")) {
				continue
			}
			// Naming no one, in another secretary's paragraph or section
			// ("她的荣誉：" under her heading): hers, not the leader's.
			if len(others) > 0 && full != nil && !ownWords && !strings.Contains(norm, lk) && !containsAny(norm, aliases) && nearestNamed(full, s0, append([]string{lk}, aliases...), others) < 0 {
				continue
			}
			nrs, ors := []rune(norm), []rune(sent)
			for _, loc := range honourRe.FindAllStringSubmatchIndex(norm, -1) {
				a := utf8.RuneCountInString(norm[:loc[0]])
				b := a + utf8.RuneCountInString(norm[loc[0]:loc[1]])
				a = honourScopeStart(nrs, a, a+utf8.RuneCountInString(norm[loc[0]:loc[3]]))
				if othersGroup(string(nrs[:a]), norm, lk, len(others)) {
					continue // "倪红霞…，社区2名党员被评为…": theirs, not hers
				}
				if someoneElseWon(string(nrs[:a])) {
					continue // "在她的带动下，调解员老王成了…调解能手": his
				}
				if othersHonour(string(nrs[:a]), lk, aliases, others) && !sharedHonour(string(nrs[:a]), lk, others) {
					continue // "…韦志鹏被评为株洲市优秀党务工作者": his, not hers
				}
				if len(nrs) == len(ors) {
					add(string(ors[a:b]))
				} else {
					add(string(nrs[a:b]))
				}
			}
		}
	}
	for _, k := range []string{"主要成就", "主要榮譽", "主要荣誉", "獲得榮譽", "获得荣誉", "所获荣誉"} {
		for _, v := range strings.FieldsFunc(fields[k], func(r rune) bool { return strings.ContainsRune("、，, ;；", r) }) {
			if honourRe.MatchString(zh.ToSimplified(v)) {
				add(v)
			}
		}
	}
	return out
}

// answerLine reports an interviewee's answer: a line opening with 答：
// or with her name (or an alias) and a colon.
func answerLine(norm, leader string, aliases []string) bool {
	for _, k := range append([]string{"答", leader}, aliases...) {
		if k != "" && (strings.HasPrefix(norm, k+"：") || strings.HasPrefix(norm, k+":")) {
			return true
		}
	}
	return false
}

// honoursSectionWords name a section of honours: 所获荣誉, 荣誉表彰,
// 获奖情况, 主要奖项.
var honoursSectionWords = []string{"荣誉", "榮譽", "获奖", "獲獎", "表彰", "奖项", "獎項", "荣获", "榮獲"}

// honoursHeading reports whether line is a section heading, and whether
// it opens a section of honours. A heading is a short line without
// sentence punctuation, digits or an honour of its own (a table row such as
// "2016年 都匀市优秀党员" is none).
func honoursHeading(line string) (open, ok bool) {
	s := zh.ToSimplified(strings.TrimSpace(line))
	s = strings.TrimLeft(s, "#一二三四五六七八九十、.．0123456789 ")
	if n := utf8.RuneCountInString(s); n < 2 || n > 12 || strings.ContainsAny(s, "。，,；;！？：:0123456789") || honourRe.MatchString(s) {
		return false, false
	}
	return containsAny(s, honoursSectionWords), true
}

// othersHonour reports an honour whose nearest person named before it in
// the sentence is another secretary: in "2023年，韦志鹏被评为…，范桂芝则…"
// the honour is his even though the sentence names the leader too.
func othersHonour(before, leader string, aliases, others []string) bool {
	last := func(keys []string) int {
		at := -1
		for _, k := range keys {
			if k != "" {
				at = max(at, strings.LastIndex(before, k))
			}
		}
		return at
	}
	o := last(others)
	return o >= 0 && o > last(append([]string{leader}, aliases...))
}

// groupRe finds a counted group of people: 4名, 四位, 12名, 4人.
var groupRe = regexp.MustCompile(`([0-9]{1,2}|[两二三四五六七八九十]{1,2})(?:名|位|人)`)

// groupCount is the size of the one counted group of secretaries a
// sentence names (我省4名社区书记), 0 when it names none or several.
func groupCount(s string) int {
	ms := groupRe.FindAllStringSubmatchIndex(s, -1)
	if len(ms) != 1 {
		return 0
	}
	// A group of secretaries: 4名社区书记, 4名同志, 4人获评…社区书记; not
	// 2名党员被评为….
	after := []rune(s[ms[0][1]:])
	if w := string(after[:min(len(after), 12)]); !strings.Contains(w, "书记") && !strings.Contains(w, "同志") {
		return 0
	}
	g := s[ms[0][2]:ms[0][3]]
	if n, err := strconv.Atoi(g); err == nil {
		return n
	}
	digits := map[rune]int{'两': 2, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	rs := []rune(g)
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10
	case len(rs) == 1:
		return digits[rs[0]]
	case rs[0] == '十':
		return 10 + digits[rs[1]]
	}
	return 0
}

// sharedHonour reports an honour whose subject is a list of names that
// holds the leader: "邵春华、柯丽萍、龚玉梅被评为…" is hers too.
func sharedHonour(before, leader string, others []string) bool {
	l := strings.LastIndex(before, leader)
	if l < 0 {
		return false
	}
	rest := before[l+len(leader):]
	last := -1 // end of the last other named after the leader
	for _, o := range others {
		if i := strings.LastIndex(rest, o); i >= 0 {
			last = max(last, i+len(o))
		}
	}
	if last < 0 {
		return false
	}
	list, verb := rest[:last], rest[last:]
	for _, o := range others {
		list = strings.ReplaceAll(list, o, "")
	}
	// Between the names only separators; after them the verb phrase
	// (被评为, 同志荣获, 等4名同志被评为).
	return strings.Trim(list, "、，,和与及") == "" && utf8.RuneCountInString(verb) <= 10 && !strings.ContainsAny(verb, "，,。；")
}

// nearestNamed tells whom the text before rune s0 last names, looking
// back up to 30 lines (its line first, then the lines above, a heading
// among them): 1 the leader (by keys), -1 another secretary, 0 no one.
func nearestNamed(nrs []rune, s0 int, keys, others []string) int {
	end := s0
	for lines := 0; end > 0 && lines < 30; lines++ {
		st := end
		for st > 0 && nrs[st-1] != '\n' {
			st--
		}
		if w := lastNamed(string(nrs[st:end]), keys, others); w != 0 {
			return w
		}
		end = st - 1
	}
	return 0
}

// othersGroup reports a counted group of people written between the
// leader's last mention and the honour (2名党员被评为…), unless it is the
// article's own list of secretaries (4名社区书记, with others).
func othersGroup(before, sent, leader string, others int) bool {
	seg := before
	if i := strings.LastIndex(before, leader); i >= 0 {
		seg = before[i+len(leader):]
	}
	if !groupRe.MatchString(seg) {
		return false
	}
	return others == 0 || groupCount(sent) != others+1
}

// someoneElseWon reports whether the clause before an honour names
// someone else as who won it: a person by a role or a kin or call word
// (徒弟小王, 志愿者张秀兰, 调解员老王, 老党员老周), not her (她本人, 我本人).
func someoneElseWon(before string) bool {
	clause := before
	if i := strings.LastIndexAny(clause, "，,；;。：:"); i >= 0 {
		clause = clause[i:]
	}
	clause = honourRe.ReplaceAllString(clause, "") // (the honours before it in a list: 优秀共产党员、…)
	return otherWinnerRE.MatchString(clause) && !selfWinnerRE.MatchString(clause)
}

var (
	// otherWinnerRE is a person other than her, by role or call word.
	otherWinnerRE = regexp.MustCompile(`徒弟|志愿者|调解员|老党员|队员|网格员|楼长|楼栋长|骨干|同事|大爷|大妈|阿姨|师傅|退役军人|儿子|女儿|丈夫|爱人|老伴|孩子|学生`)
	// selfWinnerRE is her, in the clause.
	selfWinnerRE = regexp.MustCompile(`她本人|我本人|他本人|本人|她也|他也|我也`)
)
