package corpus

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"bangyang/zh"
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

// Chinese surnames, single-character, in both scripts: the common modern
// ones and the rest of the traditional lists. Many are also everyday words
// (方面, 路口, 八点钟, 向谁, 于是, 万人, 门口, 资金); those count only with
// context (see ambiguousSurnames), never from frequency alone.
const surnameChars = "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林罗羅郑鄭梁谢謝宋唐许許" +
	"韩韓冯馮邓鄧曹彭曾肖田董袁潘蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾鐘谭譚陆陸汪" +
	"范金石廖贾賈夏韦韋付傅方白邹鄒孟熊秦邱江尹薛闫閆段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬" +
	"钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳" +
	"翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂成苗谷盛" +
	"曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆" +
	"简簡车車项項连連麦麥褚娄婁窦竇戚岑景宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔" +
	"边邊卞姬师師仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺" +
	"于門门海花年水云雲和谈談黑红紅蓝井山雪火光鱼魚丰豐伏虎鹿马羊乐樂习習" +
	"鞠郁封储儲靖芦蘆蔺藺綦逯雍訾阎閻郜晁亓隗鄂郗涂慕容钮鈕滑宦糜楚双雙" +
	"贲賁荀羿储扈冀郦酈蓬璩桓阚闞查荆荊红紅游竺权權逄盖蓋益桓公仉督岳帅帥缑緱亢况況" +
	"郈琴归歸海晋晉楚闫汝鄢涂钦欽郏郟浦尚农燕冶蒯揭厉厲戎祖武符刘景詹束龙叶幸司韶郜黎蓟薊" +
	"薄印宿白怀懷蒲邰鄂索咸籍赖賴卓蔺屠蒙池乔阴陰胥苍蒼双闻聞莘翟谭贡貢劳勞逄姬申扶堵" +
	"冉宰郦雍璩桑桂濮牛寿壽边扈燕冀浦尚农温庄晏柴瞿阎慕连茹习宦艾鱼容向古易慎戈廖庾暨衡步耿满滿弘匡国國文寇广廣禄祿阙闕欧殳沃蔚夔隆师巩厍聂晁勾敖融冷訾辛阚简饶曾毋沙乜鞠丰巢关蒯查荆红游竺权逯盖益桓公"

// Compound surnames, both scripts.
var compoundSurnames = []string{"欧阳", "歐陽", "司马", "司馬", "上官", "诸葛", "諸葛", "令狐", "皇甫",
	"尉迟", "尉遲", "公孙", "公孫", "慕容", "长孙", "長孫", "宇文", "司徒", "司空", "夏侯", "东方", "東方",
	"独孤", "獨孤", "南宫", "南宮", "西门", "西門", "万俟", "萬俟", "闻人", "聞人", "轩辕", "軒轅", "端木",
	"呼延", "申屠", "澹台", "公冶", "太史", "钟离", "鍾離", "仲孙", "仲孫", "濮阳", "濮陽", "淳于", "单于",
	"單于", "赫连", "赫連", "拓跋", "百里", "东郭", "東郭", "南门", "南門", "羊舌", "微生", "梁丘", "左丘",
	"第五", "谷梁", "穀梁", "宗政", "颛孙", "顓孫", "巫马", "巫馬", "公西", "漆雕", "乐正", "樂正", "壤驷",
	"壤駟", "公良", "拓拔", "夹谷", "夾谷", "宰父", "亓官", "段干", "段幹", "闾丘", "閭丘", "子车", "子車",
	"司寇", "巴图", "呼和", "爱新", "愛新"}

// Surnames that are also everyday words (高度, 方面, 文化, 全國, 時間,
// 安全, 于是, 路口, 门口, 八点钟...). Without a role word, a profile line or
// a "她叫…" next to them they are too noisy to count.
const ambiguousSurnames = "高方文全时時安明成路向常康关關华華解应應宫宮商师師司古吉车車项項连連" +
	"麦麥宗边邊单單管包尚左甘游阳陽农農景席米池查麻苑迟遲沙荣榮桑郎丛叢虞曲谷盛苗蒙房屈艾" +
	"尤简簡费費卜冷全和仲巩鞏明江金石白田程任万萬严嚴温溫施易齐齊章申兰蘭柳梅童凌季霍涂" +
	"翁蓝藍辛靳柴祁蒲滕饶饒穆卓宁寧符纪紀毕畢岳于門门海花年水云雲谈談黑红紅井干幹山雪" +
	"火光鱼魚丰豐那伏虎鹿马馬羊乐樂习習展支郁封双雙相后後权權有归歸法汝" +
	"印宿怀懷能通别別满滿国國广廣利越隆空养養须須钟鍾鐘牛欧歐武龙龍叶葉"

// Roles a community leader's name stands next to.
var leaderRoles = []string{"書記", "书记", "主任", "同志", "人大代表"}

// Characters that cannot be inside a person's name as the article writes
// it: role words, function words, place and organisation words, and
// punctuation.
const notInName = "書书記记主任說说表示的了在是和與与等也都就把被對对從从向為为到及並并" +
	"街社區区市省县縣镇鎮村巷號号樓楼黨党委支部居會会員员說着著這这那們们個个年月日時时每谁誰" +
	"已经經又还還才将將再更最很次些样樣种種让讓给給要能可不没沒"

type nameTables struct {
	surname   map[rune]bool
	compound  map[string]bool
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
	comp := map[string]bool{}
	for _, c := range compoundSurnames {
		comp[c] = true
	}
	return nameTables{set(surnameChars), comp, set(ambiguousSurnames), set(notInName)}
}

// surnameLen is the length in runes of the surname starting at rs[i]: 2
// for a compound surname (欧阳, 司马), 1 for a single one, 0 for none.
func (nt nameTables) surnameLen(rs []rune, i int) int {
	if i+1 < len(rs) && nt.compound[string(rs[i:i+2])] {
		return 2
	}
	if i < len(rs) && nt.surname[rs[i]] {
		return 1
	}
	return 0
}

// namesAt lists the names that may start at rs[i]: a surname followed by
// one or two name-like characters.
func (nt nameTables) namesAt(rs []rune, i int) []string {
	sl := nt.surnameLen(rs, i)
	if sl == 0 {
		return nil
	}
	var out []string
	for g := 1; g <= 2 && i+sl+g <= len(rs); g++ {
		if !allNameRunes(rs[i+sl:i+sl+g], nt) {
			break
		}
		out = append(out, string(rs[i:i+sl+g]))
	}
	return out
}

// surnameOf returns the surname of a name (compound first).
func (nt nameTables) surnameOf(name string) string {
	rs := []rune(name)
	if len(rs) >= 3 && nt.compound[string(rs[:2])] {
		return string(rs[:2])
	}
	if len(rs) >= 2 {
		return string(rs[:1])
	}
	return ""
}

// leaderEvidence is what the text says about the people it names.
type leaderEvidence struct {
	score  map[string]int  // candidate name → weighted evidence
	strong map[string]bool // named next to a full post, in a profile line or as "她叫…"
	others map[string]bool // named next to a secretary's post (not a deputy's)
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
	ev := &leaderEvidence{score: map[string]int{}, strong: map[string]bool{}, others: map[string]bool{}}
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
				if start == 0 || !zh.IsHan(rs[start-1]) || strings.ContainsRune("小老她他叫喊称稱", rs[start-1]) {
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
		}
		// Name after the role: 黨委書記吳中蘭, 居委会主任金顺姬.
		if role != "同志" {
			for _, name := range nt.namesAt(rs, i+n) {
				ev.add(name, 1, true)
				if !deputy && (role == "書記" || role == "书记") {
					ev.others[name] = true
				}
			}
		}
		i += n - 1
	}
	for s, c := range surnameOnly {
		sr := []rune(s)
		for _, name := range namesStartingWith(rs, s, nt) {
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
	// "她叫向春燕", "名叫…": the name given after the post.
	for i := 0; i+2 < len(rs); i++ {
		if (rs[i] == '她' || rs[i] == '他' || rs[i] == '名') && rs[i+1] == '叫' {
			for _, name := range nt.namesAt(rs, i+2) {
				ev.add(name, 2, true)
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
		for i := max(0, k-4); i < k-1; i++ {
			for _, name := range nt.namesAt(rs, i) {
				if i+utf8.RuneCountInString(name) == k {
					ev.add(name, 2, true)
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
				ev.score[name] += 0
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
		if family(name, nt) == lf || strings.Contains(leader, name) || strings.Count(full, name) < 2 {
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
	end := start
	for end < len(rs) && !strings.ContainsRune("。！？!?；;\n", rs[end]) {
		end++
	}
	sent := rs[start:end]
	for _, name := range nt.namesAt(rs, start) {
		k := utf8.RuneCountInString(name)
		if k+2 <= len(sent) && strings.ContainsRune("，,（(", sent[k]) && (sent[k+1] == '女' || sent[k+1] == '男') {
			ev.add(name, 3, true)
			continue
		}
		if k < len(sent) && strings.ContainsRune(subjectLinks, sent[k]) && hasRole(sent[k:]) {
			ev.add(name, 1, true)
		}
	}
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
	}
	fams := map[string]*fam{}
	for name, w := range ev.score {
		k := family(name, nt)
		f := fams[k]
		if f == nil {
			c := strings.Count(text, k)
			f = &fam{key: k, count: c, score: c}
			fams[k] = f
		}
		f.score += 2 * w
		f.strong = f.strong || ev.strong[name]
	}
	var list []*fam
	for _, f := range fams {
		amb := nt.ambiguous[[]rune(f.key)[0]] && utf8.RuneCountInString(nt.surnameOf(f.key+"x")) == 1
		if f.count >= minCount && (f.strong || !amb) {
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
		return list[i].key < list[j].key
	})
	return extend(text, list[0].key, ev, nt)
}

// extend returns the full form of a family: its one-character-longer
// candidate when that accounts for at least 70% of the family's
// occurrences (李亚玲, not 李亚), else the family itself (郭佳, 張影).
func extend(text, key string, ev *leaderEvidence, nt nameTables) string {
	total := strings.Count(text, key)
	best, bestCount := key, 0
	n := utf8.RuneCountInString(key)
	for name := range ev.score {
		if utf8.RuneCountInString(name) == n+1 && strings.HasPrefix(name, key) {
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

func allNameRunes(rs []rune, nt nameTables) bool {
	for _, r := range rs {
		if !zh.IsHan(r) || nt.notInName[r] {
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

// callRe finds what people call the leader: 居民们都叫她“万姐”, 喊他“老方”,
// 称她欧阳书记, 居民眼里的“老成”.
var callRe = regexp.MustCompile(`(?:叫|喊|称|称呼)(?:她|他)(?:为|作)?[“"「]?(\p{Han}{2,5})[”"」]?|` +
	`(?:人称|被称为|被称作|被叫作|被叫做|称为|眼里的|眼中的|口中的|心中的|心目中的)[“"「](\p{Han}{2,5})[”"」]`)

// deriveAliases finds the forms of address for leader that the text uses:
// 小吳書記, 吳書記, 亞玲書記 (given name + role), and what the article
// says people call her (万姐, 老方, 红梅姐, 小钟). A call-name must share
// the surname or the given name, or be a 老/小 form of the surname.
func deriveAliases(text, leader string, nt nameTables) []string {
	sn := nt.surnameOf(leader)
	if sn == "" {
		return nil
	}
	given := strings.TrimPrefix(leader, sn)
	var forms []string
	for _, role := range []string{"書記", "书记", "主任"} {
		forms = append(forms, "小"+sn+role, sn+role)
		if utf8.RuneCountInString(given) >= 2 {
			forms = append(forms, given+role)
		}
	}
	var out []string
	add := func(f string) {
		if f != leader && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
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
			add(f)
		}
	}
	norm := zh.ToSimplified(text)
	nrs := []rune(norm)
	ors := []rune(text)
	nsn, ngiven := zh.ToSimplified(sn), zh.ToSimplified(given)
	for _, m := range callRe.FindAllStringSubmatchIndex(norm, -1) {
		if m[2] < 0 {
			m[2], m[3] = m[4], m[5] // the quoted form: 居民眼里的“老成”
		}
		call := norm[m[2]:m[3]]
		a := utf8.RuneCountInString(norm[:m[2]])
		b := a + utf8.RuneCountInString(call)
		// Trim a tail that is not part of the name: 叫她万姐的 → 万姐.
		for b > a+2 && strings.ContainsRune("的了和也就都是", nrs[b-1]) {
			b--
		}
		call = string(nrs[a:b])
		ok := strings.Contains(call, nsn) && (strings.HasPrefix(call, nsn) || strings.HasPrefix(call, "小"+nsn) || strings.HasPrefix(call, "老"+nsn)) ||
			utf8.RuneCountInString(ngiven) >= 2 && strings.HasPrefix(call, ngiven)
		if !ok || call == zh.ToSimplified(leader) {
			continue
		}
		// Keep the call-name as short as its form: 老方 / 小钟 / 万姐 /
		// 红梅姐 / 春燕书记; cut anything after a role word.
		if i := strings.Index(call, "书记"); i >= 0 {
			call = call[:i+len("书记")]
		}
		n := utf8.RuneCountInString(call)
		if strings.HasPrefix(call, "老") || strings.HasPrefix(call, "小") && !strings.Contains(call, "书记") {
			n = 1 + utf8.RuneCountInString(nsn)
		}
		if len(ors) == len(nrs) {
			add(string(ors[a : a+n]))
		} else {
			add(string([]rune(call)[:n]))
		}
	}
	return out
}

// Posts of a community leader, matched on Simplified text. The secretary's
// post may be followed by a second one she holds (、居委会主任).
var (
	secondPost = `(?:社区)?居(?:民)?委(?:员)?会主任|街道办(?:事处)?主任`
	postRe     = regexp.MustCompile(`(?:(?:社区|街道|村|镇|乡)?(?:党委|党总支|党支部|党工委|党组织|总支)书记|社区书记|民意书记)(?:(?:、|，兼任?|兼任?)(?:` + secondPost + `))?|` + secondPost)
	// Words before a post that make it someone else's, an honour or a
	// past post: 副书记, 总书记, 优秀社区书记, 原社区书记, 曾任.
	notOwnPost = []string{"副", "优秀", "最美", "十佳", "好", "模范", "原", "前", "曾任", "时任", "首批", "第一批", "批"}
	// Verbs that state a current post.
	postVerbs = []string{"现任", "担任", "当选", "提拔为", "任命为", "作为", "是"}
)

// postMatch is one post found in the text, with rune offsets.
type postMatch struct {
	start, end int // runes, in the Simplified text
	sentence   [2]int
	score      int
}

// derivePosts returns the leader's post (role) and the administrative
// chain written before it or elsewhere for her community (place), both in
// the article's own script. Posts next to the leader's name, or in a
// sentence naming her or stating a current post, win; a post that is a
// deputy's, an honour's or a past one is never taken. Empty when the text
// gives nothing certain.
func derivePosts(text, leader string, aliases, others []string, nt nameTables) (role, place string) {
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
		m := &postMatch{start: a, end: b, sentence: [2]int{s0, s1}}
		names := containsAny(sent, keys)
		switch {
		case leader != "" && (hasRunesAt(nrs, b, zh.ToSimplified(leader)) || strings.HasSuffix(string(nrs[max(0, a-8):a]), zh.ToSimplified(leader))):
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
		return "", placeFromChains(nrs, ors, "社区")
	}
	role = string(ors[best.start:best.end])
	// The place: the chain written just before the post (…街道墩子塘社区
	// 党委书记), completed from other mentions of the same units.
	unit := ""
	for _, u := range []string{"社区", "街道", "村", "镇", "乡"} {
		if hasRunesAt(nrs, best.start, u) {
			unit = u
			break
		}
	}
	if unit != "" {
		end := best.start + utf8.RuneCountInString(unit)
		if st := chainBefore(nrs, end); plausibleChain(nrs, st, end) {
			place = completeChain(nrs, ors, st, end)
		}
	}
	if place == "" {
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
		if unit == "街道" || unit == "村" || unit == "镇" || unit == "乡" {
			kind = unit
		}
		place = placeFromChains(nrs, ors, kind)
	}
	return role, place
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
	for s > 0 && !strings.ContainsRune("。！？!?；;\n", rs[s-1]) {
		s--
	}
	for e < len(rs) && !strings.ContainsRune("。！？!?；;\n", rs[e]) {
		e++
	}
	return s, e
}

// Administrative units, longest suffix first, and the province-level
// names (which open a chain whatever precedes them).
var (
	unitSuffixes = []string{"自治区", "自治州", "自治县", "街道", "社区", "地区", "省", "市", "州", "盟", "区", "县", "旗", "镇", "乡", "村"}
	provinces    = []string{"黑龙江", "内蒙古", "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "江苏",
		"浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西",
		"甘肃", "青海", "台湾", "广西", "西藏", "宁夏", "新疆", "香港", "澳门"}
	// unitStop cannot be inside a unit's name: prose before a chain (在,
	// 位于, 来到, 现任, 记…).
	unitStop = "在于到任为是的了与及从自记位进入走扎赴就把被对向该本这那各全每其个带领组织所选起提说称叫获得"
)

// unitAt reports the unit suffix ending at rune offset end (exclusive).
func unitAt(rs []rune, end int) string {
	for _, u := range unitSuffixes {
		n := utf8.RuneCountInString(u)
		if end-n >= 0 && hasRunesAt(rs, end-n, u) {
			return u
		}
	}
	return ""
}

// chainBefore parses administrative units backwards from end (exclusive)
// and returns the rune offsets where its units start, outermost first, or
// nil when the text before end is not a place (该社区, 。社区).
func chainBefore(rs []rune, end int) []int {
	var starts []int
	pos := end
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
		if h := unitAt(rs, nameEnd); h != "" && h != "村" && h != "州" {
			break // "鼓楼区社区": no name between the two units
		}
		maxName := 6
		if strings.HasPrefix(u, "自治") {
			maxName = 10 // 恩施土家族苗族自治州
		}
		i := nameEnd
		for i > 0 && nameEnd-i < maxName {
			r := rs[i-1]
			if !zh.IsHan(r) || strings.ContainsRune(unitStop, r) {
				break
			}
			if nameEnd-i >= 2 && unitAt(rs, i) != "" {
				break // the previous unit ends here
			}
			i--
		}
		if nameEnd-i < 2 {
			break
		}
		starts = append(starts, i)
		pos = i
	}
	slices.Reverse(starts)
	return starts
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
		// Or one introduced as a place: 所在的百花苑社区, 来到仁和社区.
		cue := starts[0] > 0 && strings.ContainsRune("的在到于", rs[starts[0]-1])
		return cue || strings.Count(string(rs), string(rs[starts[0]:end])) >= 2
	}
	return true
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
func placeFromChains(nrs, ors []rune, kind string) string {
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
		if len(st) == 0 {
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
		if mentions < 2 && !high {
			continue
		}
		if len(st) == 1 && !plausibleChain(nrs, st, end) {
			continue
		}
		score := 3*len(st) + mentions
		if score > bestScore {
			best, bestEnd, bestScore = st, end, score
		}
	}
	if best == nil {
		return ""
	}
	return completeChain(nrs, ors, best, bestEnd)
}

// Personal honours: a title's head, optionally scoped (全国, 江西省,
// 西安市). A community's honours (文明社区, 先进基层党组织) never match.
var (
	honourHeads = `优秀共产党员|优秀党务工作者|优秀社区工作者|最美城乡社区工作者|最美社区工作者|劳动模范|` +
		`三八红旗手标兵|三八红旗手|先进工作者|道德模范|五一劳动奖章|五一巾帼标兵|巾帼建功标兵|` +
		`先进基层党组织书记|十佳社区书记|优秀社区书记|优秀社区党组织书记|优秀基层党组织书记|人大代表|党代表|政协委员`
	honourRe = regexp.MustCompile(`((?:全国|全省|全市|\p{Han}{0,6}(?:省|市|区|县|自治区))?[“"]?)(?:` + honourHeads + `)[”"]?`)
	// A representative's seat needs its level: 全国人大代表, 市人大代表;
	// "邀请人大代表…协商" is not an honour.
	needsScope = []string{"人大代表", "党代表", "政协委员"}
	// honourHints: a sentence without one holds no honour (skips the
	// regexp).
	honourHints = []string{"优秀", "模范", "红旗手", "代表", "委员", "先进", "标兵", "十佳", "最美", "奖章"}
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
	for _, line := range strings.Split(text, "\n") {
		for _, sent := range Sentences(line) {
			norm := zh.ToSimplified(sent)
			if !strings.Contains(norm, lk) && containsAny(norm, others) || !containsAny(norm, honourHints) {
				continue
			}
			// About her: it names her or says 她/他/本人; a short line
			// naming nobody is a table row or a list of her honours.
			about := strings.Contains(norm, lk) || containsAny(norm, aliases) || strings.ContainsAny(norm, "她他") || containsAny(norm, []string{"本人", "这位", "该同志"})
			if !about && (utf8.RuneCountInString(norm) > 30 || strings.ContainsAny(norm, "名位") || strings.Contains(norm, "社区")) {
				continue
			}
			nrs, ors := []rune(norm), []rune(sent)
			for _, loc := range honourRe.FindAllStringSubmatchIndex(norm, -1) {
				a := utf8.RuneCountInString(norm[:loc[0]])
				b := a + utf8.RuneCountInString(norm[loc[0]:loc[1]])
				a = honourScopeStart(nrs, a, a+utf8.RuneCountInString(norm[loc[0]:loc[3]]))
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
