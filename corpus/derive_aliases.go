package corpus

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"bangyang/zh"
)

// callRe finds what people call the leader: 居民们都叫她“万姐”, 喊他“老方”,
// 称她欧阳书记, 居民眼里的“老成”.
var callRe = regexp.MustCompile(`(?:叫|喊|称|称呼)(?:她|他|我)(?:为|作)?[“"「]?(\p{Han}{2,5})[”"」]?|` +
	`(?:人称|被称为|被称作|被叫作|被叫做|称为|眼里的|眼中的|口中的|心中的|心目中的)[“"「](\p{Han}{2,5})[”"」]`)

// otherPersonRE names someone a nickname may be given to other than her.
var otherPersonRE = regexp.MustCompile(`大爷|大妈|大娘|阿姨|奶奶|爷爷|婆婆|老人|老党员|小伙|姑娘|师傅|老板|队长|楼长|网格员`)

// nicknameRe is a nickname said to be one: 外号叫“铁脚板”, 绰号“拼命三娘”.
var nicknameRe = regexp.MustCompile(`(?:外号|绰号|昵称|雅号|美称)(?:叫|叫做|是|为|：|:)?[“"「](\p{Han}{2,6})[”"」]`)

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
			utf8.RuneCountInString(ngiven) >= 2 && strings.HasPrefix(call, ngiven) || lastGivenCall(call, ngiven)
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

// kinRe: a surname (with 老/小) and a kinship word, quoted or after a
// verb of calling: “郝大姐”, 一声雷阿姨, 叫她蒋大哥. The surname is checked
// by the caller.
var kinRe = regexp.MustCompile(`(?:[“"「『]|叫|喊|一个|一声|声声)(?:她|他|我)?((?:老|小)?\p{Han}{1,2}?(?:大姐|大哥|阿姨|大妈|大叔|大爷|奶奶|婆婆|姐|哥|姨|叔|婶))(?:[”"」』]|[^\p{Han}]|$)`)

// lastGivenCall reports a call-name of the given name's last character
// and a kinship word or 阿 (兰姐 and 阿兰 of 林秀兰), as neighbours
// shorten a two-character given name.
func lastGivenCall(call, given string) bool {
	g := []rune(given)
	c := []rune(call)
	if len(g) != 2 || len(c) != 2 {
		return false
	}
	last := g[1]
	return c[0] == last && strings.ContainsRune("姐哥姨叔", c[1]) || c[0] == '阿' && c[1] == last
}
