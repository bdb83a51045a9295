package corpus

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

var dateRe = regexp.MustCompile(`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})`)
var compactDateRe = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})(?:\D|$)`)

// normalizeDate turns "2021-02-02T21:49:00+08:00", "2021/2/2",
// "2021年02月02日" or "20210202" into "2021-02-02". It returns "" when there
// is no plausible calendar date in s.
func normalizeDate(s string) string {
	s = strings.TrimSpace(s)
	m := dateRe.FindStringSubmatch(s)
	if m == nil {
		m = compactDateRe.FindStringSubmatch(s)
	}
	if m == nil {
		return ""
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	if y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
}

// Common Chinese surnames (both scripts). A leader's name is looked for
// only where it starts with one of these.
const surnameChars = "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林罗羅郑鄭梁谢謝宋唐许許" +
	"韩韓冯馮邓鄧曹彭曾肖田董袁潘蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾鐘谭譚陆陸汪" +
	"范金石廖贾賈夏韦韋付傅方白邹鄒孟熊秦邱江尹薛闫閆段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬" +
	"钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳" +
	"翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂成苗谷盛" +
	"曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆" +
	"简簡车車项項连連麦麥褚娄婁窦竇戚岑景宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔" +
	"边邊卞姬师師仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺"

// Surnames that are also everyday words (高度, 方面, 文化, 全國, 時間, 安全...).
// Without a role word next to them they are too noisy to count.
const ambiguousSurnames = "高方文全时時安明成路向常康关關华華解应應宫宮商师師司古吉车車项項连連" +
	"麦麥宗边邊单單管包尚左甘游阳陽农農景席米池查麻苑迟遲沙荣榮桑郎丛叢虞曲谷盛苗蒙房屈艾" +
	"尤简簡费費卜冷全和仲巩鞏明江金石白田程任万萬严嚴温溫施易齐齊章申兰蘭柳梅童凌季霍涂" +
	"翁蓝藍辛靳柴祁蒲滕饶饒穆卓宁寧符纪紀毕畢岳"

// Roles a community leader's name stands next to.
var leaderRoles = []string{"書記", "书记", "主任", "同志"}

// Characters that cannot be inside a person's name as the article writes
// it: role words, function words and punctuation.
const notInName = "書书記记主任同志說说表示的了在是和與与等也都就把被對对從从向為为到及並并"

type nameTables struct {
	surname   map[rune]bool
	ambiguous map[rune]bool
	notInName map[rune]bool
}

func newNameTables() nameTables {
	set := func(s string) map[rune]bool {
		m := map[rune]bool{}
		for _, r := range s {
			m[r] = true
		}
		return m
	}
	return nameTables{set(surnameChars), set(ambiguousSurnames), set(notInName)}
}

// deriveLeader guesses the article's main person: a 2–3 character name
// that stands next to a role word (書記/主任/同志: "黨委書記吳中蘭",
// "郭佳同志", surname-only "小吳書記") and occurs most often in the text.
// Without any role evidence it falls back to the most frequent
// surname-initial name occurring at least three times, skipping surnames
// that are also common words. It returns "" rather than a weak guess.
func deriveLeader(text string, nt nameTables) string {
	rs := []rune(text)
	evidence := map[string]int{}  // candidate name → role adjacencies
	surnameOnly := map[rune]int{} // 吳 from 小吳書記
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
		// Name before the role: 張影書記, 吳書記.
		for k := 1; k <= 3 && i-k >= 0; k++ {
			start := i - k
			if !nt.surname[rs[start]] || !allNameRunes(rs[start+1:i], nt) {
				continue
			}
			if k == 1 {
				if start == 0 || !unicode.Is(unicode.Han, rs[start-1]) || rs[start-1] == '小' || rs[start-1] == '老' {
					surnameOnly[rs[start]]++
				}
				continue
			}
			evidence[string(rs[start:i])]++
		}
		// Name after the role: 黨委書記吳中蘭.
		if role != "同志" {
			j := i + n
			if j < len(rs) && nt.surname[rs[j]] {
				for k := 2; k <= 3 && j+k <= len(rs); k++ {
					if allNameRunes(rs[j+1:j+k], nt) {
						evidence[string(rs[j:j+k])]++
					}
				}
			}
		}
		i += n - 1
	}
	for s := range surnameOnly {
		for _, name := range namesStartingWith(rs, s, nt) {
			evidence[name]++
		}
	}
	for _, name := range roleSubjects(rs, nt) {
		evidence[name]++
	}
	minCount := 2
	if len(evidence) == 0 {
		// No role word next to any name: count surname-initial bigrams.
		minCount = 3
		seen := map[rune]bool{}
		for _, r := range rs {
			if nt.surname[r] && !nt.ambiguous[r] && !seen[r] {
				seen[r] = true
				for _, name := range namesStartingWith(rs, r, nt) {
					evidence[name] = 0
				}
			}
		}
	}
	return pickName(text, evidence, minCount)
}

// subjectLinks may follow a sentence's subject: 是, the comma of
// "陈建国，男，…", 现任/担任/任.
const subjectLinks = "是，,现現担擔任"

// roleSubjects finds names that open a sentence which names a role, the
// commonest way news introduces its subject: "王秀芳是翠苑社区党委书记",
// "陈建国，男，1965年生，玉林社区党委书记", "李明现任社区主任".
func roleSubjects(rs []rune, nt nameTables) []string {
	var out []string
	start := 0
	for i := 0; i <= len(rs); i++ {
		if i < len(rs) && !strings.ContainsRune("。！？!?；;\n", rs[i]) {
			continue
		}
		sent := rs[start:i]
		start = i + 1
		for len(sent) > 0 && (unicode.IsSpace(sent[0]) || strings.ContainsRune("“”\"「」", sent[0])) {
			sent = sent[1:]
		}
		if len(sent) < 4 || !nt.surname[sent[0]] || !hasRole(sent) {
			continue
		}
		for k := 2; k <= 3 && k < len(sent); k++ {
			if allNameRunes(sent[1:k], nt) && strings.ContainsRune(subjectLinks, sent[k]) {
				out = append(out, string(sent[:k]))
				break
			}
		}
	}
	return out
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

// pickName groups candidates by their first two characters (the family
// 李亚/李亚玲), scores each family by occurrences plus role evidence, and
// within the winner prefers the 3-character form when it accounts for most
// occurrences of the 2-character one.
func pickName(text string, evidence map[string]int, minCount int) string {
	type family struct {
		two   string
		count int
		score int
	}
	fams := map[string]*family{}
	for name, ev := range evidence {
		two := string([]rune(name)[:2])
		f := fams[two]
		if f == nil {
			c := strings.Count(text, two)
			f = &family{two: two, count: c, score: c}
			fams[two] = f
		}
		f.score += 2 * ev
	}
	var list []*family
	for _, f := range fams {
		if f.count >= minCount {
			list = append(list, f)
		}
	}
	if len(list) == 0 {
		return ""
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].score != list[j].score {
			return list[i].score > list[j].score
		}
		return list[i].two < list[j].two
	})
	best := list[0]
	// Longest 3-character extension that covers ≥70% of the occurrences.
	bestName, bestCount := best.two, 0
	for name := range evidence {
		if utf8.RuneCountInString(name) == 3 && strings.HasPrefix(name, best.two) {
			if c := strings.Count(text, name); c*10 >= best.count*7 && (c > bestCount || c == bestCount && name < bestName) {
				bestName, bestCount = name, c
			}
		}
	}
	return bestName
}

// namesStartingWith lists the distinct 2- and 3-character runs in rs that
// start with surname s and contain only name-like characters.
func namesStartingWith(rs []rune, s rune, nt nameTables) []string {
	seen := map[string]bool{}
	var out []string
	for i, r := range rs {
		if r != s {
			continue
		}
		for k := 2; k <= 3 && i+k <= len(rs); k++ {
			if !allNameRunes(rs[i+1:i+k], nt) {
				break
			}
			name := string(rs[i : i+k])
			if !seen[name] {
				seen[name] = true
				out = append(out, name)
			}
		}
	}
	sort.Strings(out)
	return out
}

func allNameRunes(rs []rune, nt nameTables) bool {
	for _, r := range rs {
		if !unicode.Is(unicode.Han, r) || nt.notInName[r] {
			return false
		}
	}
	return true
}

func hasRunesAt(rs []rune, i int, s string) bool {
	for _, r := range s {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return true
}

// deriveAliases finds the forms of address for leader that the text uses:
// 小吳書記, 吳書記, 亞玲書記 (given name + role) and the like.
func deriveAliases(text, leader string) []string {
	rs := []rune(leader)
	if len(rs) < 2 || len(rs) > 3 {
		return nil
	}
	surname, given := string(rs[0]), string(rs[1:])
	var forms []string
	for _, role := range []string{"書記", "书记", "主任"} {
		forms = append(forms, "小"+surname+role, surname+role)
		if len(rs) == 3 {
			forms = append(forms, given+role)
		}
	}
	var out []string
	for _, f := range forms {
		if !strings.Contains(text, f) {
			continue
		}
		// 吳書記 is already covered by 小吳書記 when only the latter occurs.
		covered := false
		for _, o := range out {
			if strings.Contains(o, f) && strings.Count(text, f) == strings.Count(text, o) {
				covered = true
			}
		}
		if !covered {
			out = append(out, f)
		}
	}
	return out
}
