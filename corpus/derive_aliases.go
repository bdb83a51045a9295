package corpus

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"bangyang/zh"
)

// callRe finds what people call the leader: 居民们都叫她“万姐”, 喊他“老方”,
// 称她欧阳书记, 居民眼里的“老成”.
var callRe = regexp.MustCompile(`(?:叫|喊|称|称呼)(?:她|他|我)(?:为|作)?[“"「]?(\p{Han}{2,5})[”"」]?|` +
	`(?:人称|被称为|被称作|被叫作|被叫做|称为|眼里的|眼中的|口中的|心中的|心目中的)[“"「](\p{Han}{2,5})[”"」]`)

// otherPersonRE names someone a nickname may be given to other than her.
// callerRE follows a person of a kind who does the calling (社区里的老人
// 都叫他“老韦”), not one who is called.
var callerRE = regexp.MustCompile(`^(都|也|常|总|还|就|一般|平时)*(亲切地|习惯|喜欢|更喜欢|爱)?(叫|喊|称)(她|他)`)

var otherPersonRE = regexp.MustCompile(`大爷|大妈|大娘|阿姨|奶奶|爷爷|婆婆|老人|老党员|小伙|姑娘|师傅|老板|队长|楼长|网格员`)

// nicknameRe is a nickname said to be one: 外号叫“铁脚板”, 绰号“拼命三娘”.
var nicknameRe = regexp.MustCompile(`(?:外号|绰号|昵称|雅号|美称)(?:叫|叫做|是|为|：|:)?[“"「](\p{Han}{2,6})[”"」]`)

// habitCallRe is a quoted name people call someone by as a habit, not
// said to be a 外号: 大家都习惯叫他‘老黄牛’, 居民们亲切地称她为“暖心姐”,
// 称呼她「知心大姐」. The pronoun is group 1, the name group 2.
var habitCallRe = regexp.MustCompile(`(?:叫|喊|称|称呼|唤)(她|他)(?:为|作|做)?[“"「『‘]([^”"」』’“「『‘\n]{2,6})[”"」』’]`)

// passiveCallRe is the same said of her in the passive or as 人送外号: 被群众
// 称作“X”, 被居民们亲切地叫做“X”, 人送外号“X” / 人送外号X, 人称“X”.
var passiveCallRe = regexp.MustCompile(`被[^，。！？；,;!?“”"「」\n]{0,10}?(?:称作|称为|叫作|叫做|唤作|喊作|称呼为|亲切地称为|叫)[“"「『‘]([^”"」』’“「『‘\n]{2,6})[”"」』’]|` +
	`人送(?:外号|绰号|雅号|美称)(?:叫|叫做|[:：])?[“"「『‘]?(\p{Han}{2,5})[”"」』’]?|人称[“"「『‘](\p{Han}{2,5})[”"」』’]`)

// stockEpithets are the praise words the genre gives any community worker
// (居民的贴心人, 小巷总理): they say what she is, not what she is called,
// and would match every passage praising anyone.
var stockEpithets = []string{"小巷总理", "贴心人", "知心人", "暖心人", "领头雁", "带头人", "排头兵", "主心骨", "当家人", "娘家人", "好书记", "好干部", "好党员", "好支书", "好当家"}

// plainAddress are forms of address alone, without anything of hers:
// 叫她“大姐”, 称他为“书记”. Anyone is called so.
var plainAddress = []string{"大姐", "大哥", "阿姨", "妈妈", "姐姐", "哥哥", "书记", "主任", "老师", "闺女", "女儿", "儿子", "亲人", "家人", "自家人", "大妈", "大爷", "奶奶", "爷爷", "师傅", "同志", "老大姐", "老大哥", "好人", "恩人"}

// methodTails end a quoted thing that is a practice or a place, not a
// person: “连心桥工作法”, “红色驿站”, “议事厅”.
var methodTailRe = regexp.MustCompile(`(?:法|制|模式|机制|工程|行动|计划|项目|服务|平台|中心|站|室|厅|队|会|团|群|日|课堂|超市|食堂|驿站|活动|工作|体系|清单|单|卡|本|册|码|网|圈|线|号|台|园|角|屋|家园)$`)

// aCallName says whether a quoted call-name that shares nothing with the
// name can be hers: a name-like phrase, no practice, no slogan, no stock
// praise word, no bare form of address.
func aCallName(call string) bool {
	if utf8.RuneCountInString(call) < 2 || strings.ContainsAny(call, "，。、；：！？,.;:!? 的") && !strings.HasSuffix(call, "的") {
		return false
	}
	for _, r := range call {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return !slices.Contains(stockEpithets, call) && !slices.Contains(plainAddress, call) && !methodTailRe.MatchString(call)
}

// thingSubjectRe: the clause before 被 is about a practice, not a person
// (这一做法被居民称作“连心桥”).
var thingSubjectRe = regexp.MustCompile(`做法|办法|方法|模式|机制|制度|活动|项目|服务|平台|工作法|经验|举措|这一|此举|这种|这项|这个|该|工作室|队伍|服务队|阵地|驿站|站|室|小区|社区|楼|院`)

// callIsHers says whether a call-name at rune a of nrs is said of who:
// in its sentence (back to the last full stop, in its paragraph), who is
// the person named last — by name or as X书记 — or no one is named and a
// pronoun stands for who, the article's own secretary (primary). A
// sentence about someone else (王大爷……叫他) is not hers.
func callIsHers(nrs []rune, a int, who, sn string, rest []string, primary bool, nt nameTables) bool {
	b0 := max(0, a-60)
	before := string(nrs[b0:a])
	if i := strings.LastIndexAny(before, "。！？\n"); i >= 0 {
		b0 += utf8.RuneCountInString(before[:i])
		before = before[i:]
	}
	last := func(keys []string) int {
		best := -1
		for _, k := range keys {
			if k == "" {
				continue
			}
			if i := strings.LastIndex(before, k); i > best {
				best = i
			}
		}
		return best
	}
	mine := []string{who}
	if sn != "" {
		mine = append(mine, sn+"书记", sn+"主任")
	}
	var theirs []string
	for _, o := range rest {
		theirs = append(theirs, zh.ToSimplified(o))
	}
	me, them := last(mine), last(theirs)
	// Someone else of a kind (王大爷, 老党员) — not those who do the
	// calling (老人们更喜欢叫她“小钟”).
	for _, loc := range otherPersonRE.FindAllStringIndex(before, -1) {
		if !strings.HasPrefix(before[loc[1]:], "们") && !callerRE.MatchString(before[loc[1]:]) {
			them = max(them, loc[0])
		}
	}
	// Anyone else the sentence names (退休老干部张建国……大家都叫他“老张”).
	norm := string(nrs)
	for i := b0; i < a; i++ {
		if hasRunesAt(nrs, i, who) || !otherNameAt(nrs, i, norm, nt) {
			continue
		}
		if off := len(string(nrs[b0:i])); off > them {
			them = off
		}
	}
	switch {
	case me >= 0:
		return me > them
	case them >= 0:
		return false
	default:
		return primary
	}
}

// deriveAliases finds the forms of address for leader that the text uses:
// 小吳書記, 吳書記, 亞玲書記 (given name + role), and what the article
// says people call her (万姐, 老方, 红梅姐, 小钟). A call-name must share
// the surname or the given name, or be a 老/小 form of the surname —
// unless it is quoted after a verb of calling (叫她“暖心姐”, 被群众称作
// “铁脚板”, 人送外号“拼命三娘”) in a sentence about her: rest are the
// article's other people (its leader and other secretaries when leader
// is one of those), and primary says leader is the article's secretary,
// for whom a pronoun stands when no one is named.
func deriveAliases(text, leader string, rest []string, primary bool, nt nameTables) []string {
	sn := nt.surnameOf(leader)
	if sn == "" {
		return nil
	}
	given := strings.TrimPrefix(leader, sn)
	// Another secretary of her surname (两位刘书记: 刘芳 and 刘建国): 刘书记
	// names neither.
	shared := false
	for _, o := range rest {
		if o != leader && !strings.ContainsAny(o, "书記记主任") && utf8.RuneCountInString(o) <= 4 && zh.ToSimplified(nt.surnameOf(o)) == zh.ToSimplified(sn) {
			shared = true
		}
	}
	var forms []string
	for _, role := range []string{"書記", "书记", "主任"} {
		if !shared {
			forms = append(forms, "小"+sn+role, sn+role)
		}
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
			utf8.RuneCountInString(ngiven) >= 2 && strings.HasPrefix(call, ngiven) || lastGivenCall(call, ngiven)
		if !ok || call == zh.ToSimplified(leader) || !callIsHers(nrs, a, zh.ToSimplified(leader), nsn, rest, true, nt) {
			continue // or said of someone else of her surname: 张建国……叫他“老张”
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
	// 老韩 told as the subject of what he does (老韩想了个办法, 老韩还在社区
	// 办了…), with no one else of his surname in the article: his.
	if f := "老" + nsn; !shared && primary && utf8.RuneCountInString(nsn) == 1 && usedAsName(nrs, f) >= 2 && !otherOfSurname(nrs, zh.ToSimplified(leader), nsn, nt) {
		if i := strings.Index(norm, f); i >= 0 && len(ors) == len(nrs) {
			a := utf8.RuneCountInString(norm[:i])
			add(string(ors[a : a+2]))
		} else {
			add(f)
		}
	}
	// A nickname given as such (居民给她起了个外号叫“铁脚板”): hers when her
	// name or a pronoun for her is just before it; it need share nothing
	// with her name, the word 外号 says what it is.
	for _, m := range nicknameRe.FindAllStringSubmatchIndex(norm, -1) {
		call := norm[m[2]:m[3]]
		a := utf8.RuneCountInString(norm[:m[2]])
		before := string(nrs[max(0, a-40):a])
		if i := strings.LastIndexAny(before, "。！？"); i >= 0 {
			before = before[i:] // her sentence only
		}
		if !strings.Contains(before, zh.ToSimplified(leader)) && !strings.ContainsAny(before, "她他") && !strings.Contains(before, nsn+"书记") ||
			otherPersonRE.MatchString(before) && !strings.Contains(before, zh.ToSimplified(leader)) {
			continue // 王大爷……送了他个外号: someone else's
		}
		n := utf8.RuneCountInString(call)
		if len(ors) == len(nrs) {
			add(string(ors[a : a+n]))
		} else {
			add(call)
		}
	}
	// A quoted call-name said as a habit (习惯叫他‘老黄牛’, 亲切地称她为
	// “暖心姐”, 被群众称作“铁脚板”, 人送外号“拼命三娘”): hers when her
	// sentence is about her, though it shares nothing with her name.
	nleader := zh.ToSimplified(leader)
	addQuoted := func(call string, a int) {
		if !aCallName(call) || !callIsHers(nrs, a, nleader, nsn, rest, primary, nt) {
			return
		}
		n := utf8.RuneCountInString(call)
		// 被居民称为“百事通”的张大妈: the call-name qualifies whom comes
		// after it — hers only when that is she.
		if e := a + n + 1; e < len(nrs) && nrs[e] == '的' && !hasRunesAt(nrs, e+1, nleader) && !hasRunesAt(nrs, e+1, "她") && !hasRunesAt(nrs, e+1, "他") {
			return
		}
		if len(ors) == len(nrs) {
			add(string(ors[a : a+n]))
		} else {
			add(call)
		}
	}
	for _, m := range habitCallRe.FindAllStringSubmatchIndex(norm, -1) {
		addQuoted(norm[m[4]:m[5]], utf8.RuneCountInString(norm[:m[4]]))
	}
	for _, m := range passiveCallRe.FindAllStringSubmatchIndex(norm, -1) {
		g := 2
		for g < len(m) && m[g] < 0 {
			g += 2
		}
		if g >= len(m) {
			continue
		}
		call := norm[m[g]:m[g+1]]
		a := utf8.RuneCountInString(norm[:m[g]])
		if g == 2 {
			// The clause before 被 is hers, not a practice's.
			start := utf8.RuneCountInString(norm[:m[0]])
			clause := string(nrs[max(0, start-20):start])
			if i := strings.LastIndexAny(clause, "，。！？；,;!?\n"); i >= 0 {
				clause = clause[i:]
			}
			if thingSubjectRe.MatchString(clause) {
				continue
			}
		}
		addQuoted(call, a)
	}
	// A kinship form of the surname, quoted or called out: 一口一个“郝大姐”,
	// 喊一声郝大姐, 都叫她老郝叔.
	for _, m := range kinRe.FindAllStringSubmatchIndex(norm, -1) {
		call := norm[m[2]:m[3]]
		// 郝大姐, 老郝叔; the given name's too (秀兰大姐, 兰姐).
		if !strings.HasPrefix(call, nsn) && !strings.HasPrefix(call, "老"+nsn) && !strings.HasPrefix(call, "小"+nsn) &&
			!(utf8.RuneCountInString(ngiven) >= 2 && strings.HasPrefix(call, ngiven)) && !lastGivenCall(call, ngiven) {
			continue
		}
		a := utf8.RuneCountInString(norm[:m[2]])
		n := utf8.RuneCountInString(call)
		if len(ors) == len(nrs) {
			add(string(ors[a : a+n]))
		} else {
			add(call)
		}
	}
	return out
}

// usedAsName counts f (老韩) written as a name: opening a clause, before
// what he does, not a kinship form of it (老韩头, 老韩家, 老韩叔).
func usedAsName(nrs []rune, f string) int {
	n, fr := 0, []rune(f)
	for i := 0; i+len(fr) <= len(nrs); i++ {
		if !hasRunesAt(nrs, i, f) {
			continue
		}
		if i > 0 && !strings.ContainsRune("，,。！？；;：:“”\n ", nrs[i-1]) {
			continue // 找老韩, 一位老韩…: mid-clause
		}
		if e := i + len(fr); e < len(nrs) && strings.ContainsRune("头家叔婶爷伯妈姐哥嫂奶婆们", nrs[e]) {
			continue
		}
		n++
	}
	return n
}

// otherOfSurname reports someone other than leader written with surname
// sn: a name of sn that is not hers (韩建国), or sn before a kinship word
// (韩大爷, 韩阿姨).
func otherOfSurname(nrs []rune, leader, sn string, nt nameTables) bool {
	norm := string(nrs)
	for i := range nrs {
		if !hasRunesAt(nrs, i, sn) || hasRunesAt(nrs, i, leader) {
			continue
		}
		if i > 0 && (nrs[i-1] == '老' || nrs[i-1] == '小') {
			continue // the call-name itself
		}
		rest := string(nrs[i+1 : min(len(nrs), i+4)])
		if strings.HasPrefix(rest, "书记") || strings.HasPrefix(rest, "主任") {
			continue
		}
		for _, k := range []string{"大爷", "大妈", "阿姨", "奶奶", "爷爷", "师傅", "大姐", "大哥", "叔", "婶", "某", "老师", "先生", "女士"} {
			if strings.HasPrefix(rest, k) {
				return true
			}
		}
		if otherNameAt(nrs, i, norm, nt) {
			return true
		}
	}
	return false
}

// kinRe: a surname (with 老/小) and a kinship word, quoted or after a
// verb of calling: “郝大姐”, 一声雷阿姨, 叫她蒋大哥. The surname is checked
// by the caller.
var kinRe = regexp.MustCompile(`(?:[“"「『]|叫|喊|一个|一声|声声)(?:她|他|我)?((?:老|小)?\p{Han}{1,2}?(?:大姐|大哥|阿姨|大妈|大叔|大爷|奶奶|婆婆|姐|哥|姨|叔|婶))(?:[”"」』]|[^\p{Han}]|$)`)

// lastGivenCall reports a call-name of the given name's last character
// and a kinship word or 阿 (兰姐 and 阿兰 of 林秀兰, 莉姐 of 黄莉), as
// neighbours shorten a given name.
func lastGivenCall(call, given string) bool {
	g := []rune(given)
	c := []rune(call)
	if len(g) < 1 || len(g) > 2 || len(c) != 2 {
		return false
	}
	last := g[len(g)-1] // 莉姐 of 黄莉, too
	return c[0] == last && strings.ContainsRune("姐哥姨叔", c[1]) || c[0] == '阿' && c[1] == last
}
