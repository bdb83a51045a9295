package corpus

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"bangyang/zh"
)

// deriveSecretaries says, for each other secretary of the article, what
// the leader's derivation would say of her were she the leader: her post
// (role), her community's chain (place), her other names (aliases) and her honours, each taken only
// from what is about her (the leader and the other secretaries count as
// the others). One entry per name of others, in order.
func deriveSecretaries(text, leader string, aliases, others []string, nt nameTables) []Secretary {
	if len(others) == 0 {
		return nil
	}
	out := make([]Secretary, 0, len(others))
	for _, o := range others {
		rest := []string{}
		for _, k := range append([]string{leader}, aliases...) {
			if k != "" && !strings.Contains(k, o) && !strings.Contains(o, k) {
				rest = append(rest, k)
			}
		}
		for _, p := range others {
			if p != o {
				rest = append(rest, p)
			}
		}
		s := Secretary{Name: o, Aliases: deriveAliases(text, o, rest, false, nt)}
		s.Role, s.Place = sectionPost(text, o)
		if s.Place == "" {
			s.Role, s.Place = derivePosts(text, o, nil, rest, nt)
		}
		if s.Role == "" && s.Place == "" {
			s.Role, s.Place = addressedPost(text, o)
		}
		s.Honours = deriveHonours(text, nil, o, nil, slices.Clone(rest))
		out = append(out, s)
	}
	return out
}

// sectionPost reads the post her own section states by pronoun, when a
// heading names her ("### 李明：…" then "他是向荣社区党委书记"): the
// community and the post, as the text writes them.
func sectionPost(text, name string) (role, place string) {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		head := strings.TrimLeft(strings.TrimSpace(l), "#*　 ")
		if !strings.HasPrefix(head, name+"：") && !strings.HasPrefix(head, name+":") || utf8.RuneCountInString(head) > 40 {
			continue
		}
		for _, b := range lines[i+1:] {
			t := strings.TrimSpace(b)
			if sectionHeadLine(t) {
				break
			}
			if m := sectionPostChainRE.FindStringSubmatch(t); m != nil {
				return zh.ToSimplified(m[4] + m[5]), m[3]
			}
		}
	}
	return "", ""
}

// sectionPostChainRE is "他是向荣社区党委书记": her community (3) and its
// unit (4), the rest of her post (5).
var sectionPostChainRE = regexp.MustCompile(`(她|他|她們|他們)(是|任|擔任|担任)([^。，,是]{2,16}?(社区|社區|小区|小區|街道|村))([^。，,]{0,8}(书记|書記))`)

// addressedPost reads "西城社区的钱芳书记": the community written before
// her name and her post after it, as the text writes them.
func addressedPost(text, name string) (role, place string) {
	norm := zh.ToSimplified(text)
	nrs, ors := []rune(norm), []rune(text)
	if len(nrs) != len(ors) {
		ors = nrs
	}
	i := strings.Index(norm, "的"+zh.ToSimplified(name)+"书记")
	if i < 0 {
		return "", ""
	}
	e := utf8.RuneCountInString(norm[:i])
	if u := unitAt(nrs, e); u != "社区" && u != "小区" && u != "楼院" {
		return "", ""
	}
	st := chainBefore(nrs, e)
	if !plausibleChain(nrs, st, e) {
		return "", ""
	}
	b := e + 1 + utf8.RuneCountInString(name)
	return string(ors[b : b+2]), string(ors[st[0]:e])
}

// askedInRE is an interviewer placing the one asked in a community: 您在
// 永安社区…, 您所在的永安社区…, 您们永安社区….
var askedInRE = regexp.MustCompile(`您(?:在|所在的|们)`)

// ownInRE is the one interviewed placing herself in a community in her
// answer: 我在幸福里社区干了十年, 我们幸福里社区…, 我是幸福里社区的….
var ownInRE = regexp.MustCompile(`我(?:在|所在的|们|是|来到|到了)`)

// askedPlace is the community an interviewer's question places the one
// interviewed in ("周书记，听说您在永安社区推了个…"), when the interview
// never says it with her post: the first such question's; else the one
// her own answer places herself in ("我在幸福里社区干了整整十年"); "" if
// none, or if the text asks no questions.
func askedPlace(text string) string {
	lines := strings.Split(text, "\n")
	asked := false
	for _, line := range lines {
		if !IsInterviewQuestion(line) {
			continue
		}
		asked = true
		if pl := placedIn(line, askedInRE); pl != "" {
			return pl
		}
	}
	if !asked {
		return ""
	}
	for _, line := range lines {
		if !IsInterviewQuestion(line) {
			if pl := placedIn(line, ownInRE); pl != "" {
				return pl
			}
		}
	}
	return ""
}

// placedIn is the community named right after a match of re in line
// (within 14 characters), as the line writes it, or "".
func placedIn(line string, re *regexp.Regexp) string {
	norm := zh.ToSimplified(line)
	nrs, ors := []rune(norm), []rune(line)
	if len(nrs) != len(ors) {
		ors = nrs
	}
	for _, loc := range re.FindAllStringIndex(norm, -1) {
		from := utf8.RuneCountInString(norm[:loc[1]])
		for e := from + 2; e <= len(nrs) && e <= from+14; e++ {
			if u := unitAt(nrs, e); u != "社区" {
				continue
			}
			if st := chainBefore(nrs, e); len(st) > 0 && st[0] >= from && plausibleChain(nrs, st, e) {
				return string(ors[st[0]:e])
			}
		}
	}
	return ""
}

// postAddressedBy is the post of a leader no sentence states one for but
// whom the text addresses by it (马书记, aliases): 社区书记 when her place
// is a community, else 书记; "" when she is not so addressed.
func postAddressedBy(aliases []string, place string) string {
	for _, a := range aliases {
		if a = zh.ToSimplified(a); strings.HasSuffix(a, "书记") && !strings.HasSuffix(a, "副书记") {
			if strings.HasSuffix(zh.ToSimplified(place), "社区") {
				return "社区书记"
			}
			return "书记"
		}
	}
	return ""
}
