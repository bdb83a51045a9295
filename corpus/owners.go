package corpus

// Whom the article is about at each sentence of an article with two
// secretaries or more (Meta.Others), for packing and crediting its
// passages: the leader by default; a heading naming another secretary
// opens her section, and so does a heading naming no one whose section
// opens on her as its subject ("临江社区党委书记韩立军是…") or on her
// community; a sentence that brings her in as its subject — first in its
// paragraph, or after her community ("在一江之隔的南岸新村社区，党委书记
// 覃志刚…"), or after a contrast with the leader ("与陶玉琴不同，…") —
// turns the article to her, up to the next heading or sentence naming the
// leader. A mere mention of her in another's story is no turn (a passage
// naming only her is hers by passageMeta).

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"bangyang/zh"
)

// IntroducesSubject reports a sentence (Simplified) that brings in the
// person one of keys names as its subject: her name opens its clause,
// bare or after her post (社区党委书记邵慧敏…), and what comes before that
// clause is no one else and no action, only where or when it is told
// (在一河之隔的杏林社区，…; 2018年，…; 街西的新华社区，…).
func IntroducesSubject(norm string, keys []string) bool {
	t := strings.TrimSpace(norm)
	t = strings.TrimSpace(strings.TrimPrefix(t, scriptMark(t))) // 【同期】郑国华…: the script's mark is no one
	at, key := -1, ""
	for _, k := range keys {
		if k == "" {
			continue
		}
		if i := strings.Index(t, k); i >= 0 && (at < 0 || i < at) {
			at, key = i, k
		}
	}
	if at < 0 {
		return false
	}
	before := t[:at]
	lead, clause := "", before
	if i := strings.LastIndexAny(before, "，,；;：:"); i >= 0 {
		_, size := utf8.DecodeRuneInString(before[i:])
		lead, clause = before[:i], before[i+size:]
	}
	if lead == "" && introNameRE.MatchString(clause) {
		return true // "他叫邓志刚，…": brought in by name
	}
	if utf8.RuneCountInString(clause) > 16 || strings.ContainsAny(clause, notSubjectRunes) || strings.HasPrefix(clause, "是") {
		return false
	}
	if clause != "" && !subjectPostRE.MatchString(clause) {
		return false
	}
	// Her name is the clause's subject only when a verb or her words
	// follow, not a possessive of another's (邵慧敏的丈夫…) nor a list.
	after := t[at+len(key):]
	if strings.HasPrefix(after, "、") || strings.HasPrefix(after, "和") || strings.HasPrefix(after, "与") {
		return false
	}
	if lead == "" {
		return true
	}
	return utf8.RuneCountInString(lead) <= 30 && !strings.ContainsAny(lead, "她他我你") && circumstanceRE.MatchString(lead)
}

// introNameRE is a clause giving the name of whom it brings in: 他叫,
// 她名叫, 他就是.
var introNameRE = regexp.MustCompile(`^(她|他)(名叫|叫|就是|便是)$`)

// notSubjectRunes in the clause before a name make the name its object or
// a companion (她向…书记X请教, 和X一起), not its subject.
const notSubjectRunes = "她他我你们和与跟同向把对给让请找叫陪帮被由连称像"

// subjectPostRE is a post written before a name (社区党委书记, 主任).
var subjectPostRE = regexp.MustCompile(`(书记|主任|负责人|带头人|支书|站长|第一书记)$`)

// circumstanceRE is a lead that only sets the scene: a place (在…, 走进…,
// …社区, 河对岸), or a time (2018年, 如今, 去年).
var circumstanceRE = regexp.MustCompile(`^(而|但|同样|也)?(在|走进|来到|到了|沿着|隔着|穿过|跨过|过了|从)|(社区|小区|村|街道|楼院|院落|对岸|那头|这头|那边|这边|一侧|隔壁|里|中|内)$|(\d+年|[一二三四五六七八九十]+月|去年|今年|前年|如今|现在|当时|那年|后来|此后|同年|近年来|近年)$`)

// TurnsTo reports a sentence (Simplified) that turns the article to the
// person keys name, up to the next heading or the leader's name: it
// brings her in as its subject (IntroducesSubject) first in its
// paragraph, or after her community, named before her in it or in the
// sentence before it in its paragraph (prev): "在一江之隔的南岸新村社区，
// 党委书记覃志刚…", "街西的新华社区，年轻家庭多。社区党委书记邹建平…".
func TurnsTo(norm, prev string, first bool, keys []string) bool {
	if !IntroducesSubject(norm, keys) {
		return false
	}
	t := strings.TrimSpace(norm)
	t = strings.TrimSpace(strings.TrimPrefix(t, scriptMark(t)))
	at := firstIndex(t, keys)
	if speaksRE.MatchString(t[at:]) {
		return false // "李文静说：…" in another's story: her words, no turn
	}
	before := t[:at]
	lead := "" // before her clause: 在一江之隔的南岸新村社区
	if i := strings.LastIndexAny(before, "，,；;：:"); i >= 0 {
		lead = before[:i]
	}
	return first || namesCommunity(lead) || namesCommunity(prev)
}

// ContrastTurn reports a sentence (Simplified) that sets the person keys
// name against the leader (leader: her keys) and goes on about her: "与
// 陶玉琴不同，新区的云杉社区党委书记贺建军面对的是…" — a lead clause of
// contrast naming the leader, then a clause bringing her in as its
// subject.
func ContrastTurn(norm string, leader, keys []string) bool {
	t := strings.TrimSpace(norm)
	i := strings.IndexAny(t, "，,")
	if i < 0 {
		return false
	}
	lead, rest := t[:i], strings.TrimLeft(t[i:], "，,")
	if !contrastLeadRE.MatchString(lead) || firstIndex(lead, leader) < 0 || firstIndex(lead, keys) >= 0 {
		return false
	}
	return IntroducesSubject(rest, keys) || IntroducesSubject(strings.TrimPrefix(strings.TrimPrefix(rest, "在"), "而"), keys)
}

// contrastLeadRE is a lead clause of contrast: 与…不同, 和…相比, 不同于….
var contrastLeadRE = regexp.MustCompile(`^(与|和|跟|同|比起|相比于?|不同于|有别于)[^，,。]{1,20}?(不同|相比|相比较|比起来|相反|不一样|相似|一样)?$`)

// speaksRE is a name and a verb of saying after it: 李文静说, 覃志刚笑着说.
var speaksRE = regexp.MustCompile(`^\p{Han}{2,4}?(书记)?(笑着|常|也|还|曾|就|却|则|又)?(说|讲|表示|认为|介绍|告诉|坦言|感慨|回忆|觉得)`)

// namesCommunity reports a community (or estate, village, street) named
// in t: 南岸新村社区, not 社区 alone nor 该社区.
func namesCommunity(t string) bool {
	rs := []rune(t)
	for i := range rs {
		if u := unitAt(rs, i+1); u == "社区" || u == "小区" || u == "村" || u == "街道" {
			if st := chainBefore(rs, i+1); plausibleChain(rs, st, i+1) {
				return true
			}
		}
	}
	return false
}

// ownerPerson is one secretary the walk tells apart: her keys (name,
// aliases, Simplified) and her community (杏林社区), when it is not the
// leader's.
type ownerPerson struct {
	name  string
	keys  []string
	place string
}

// sentenceOwners is, per paragraph, per sentence span (splitSentences),
// the other secretary (Meta.Others) the sentence is about, "" for the
// leader.
func sentenceOwners(paras []string, m Meta) [][]string {
	leaderKeys := simplifiedKeys(m.Leader, m.Aliases...)
	leaderPlace := communityOf(m.Place)
	var others []ownerPerson
	for _, o := range m.Others {
		p := ownerPerson{name: o}
		var aliases []string
		for _, s := range m.Secretaries {
			if s.Name == o {
				aliases = s.Aliases
				if pl := communityOf(s.Place); utf8.RuneCountInString(pl) >= 3 && (leaderPlace == "" || !strings.Contains(pl, leaderPlace) && !strings.Contains(leaderPlace, pl)) {
					p.place = pl
				}
			}
		}
		p.keys = simplifiedKeys(o, aliases...)
		others = append(others, p)
	}
	names := func(t string, keys []string) bool {
		for _, k := range keys {
			if strings.Contains(t, k) {
				return true
			}
		}
		return false
	}
	out := make([][]string, len(paras))
	cur := ""        // whom the article is about here
	pending := false // a heading naming no one: its section's opening decides
	for pi, p := range paras {
		spans := splitSentences(p)
		out[pi] = make([]string, len(spans))
		norm := zh.ToSimplified(p)
		if isHeading(p) {
			own := names(norm, leaderKeys)
			var named []string
			for _, o := range others {
				if names(norm, o.keys) {
					named = append(named, o.name)
				}
			}
			switch {
			case !own && len(named) == 1:
				cur, pending = named[0], false
			case own || len(named) > 1:
				cur, pending = "", false
			case strings.HasSuffix(norm, "：") || strings.HasSuffix(norm, ":"):
				// "他的做法：": a label inside the section
			default:
				cur, pending = "", true
			}
			for si := range spans {
				out[pi][si] = cur
			}
			if len(named) == 1 && !own {
				for si := range spans {
					out[pi][si] = named[0]
				}
			}
			continue
		}
		prev := ""
		texts := make([]string, len(spans))
		for si, sp := range spans {
			texts[si] = zh.ToSimplified(p[sp[0]:sp[1]])
		}
		people := [][]string{leaderKeys}
		for _, o := range others {
			people = append(people, o.keys)
		}
		quoted := QuotedSpeakers(texts, people)
		for si := range spans {
			t := texts[si]
			if q := quoted[si]; q >= 0 && !names(t, leaderKeys) && !slices.ContainsFunc(others, func(o ownerPerson) bool { return names(t, o.keys) }) {
				// A quotation of hers naming no one ("“…。”" before
				// 侯建军说。, the rest of 侯建军说：“…。…。”): her words, the
				// story's turn unchanged. (The line naming her, 李文静说：
				// “…”, is read as before: a mention, no turn of the story.)
				if q > 0 {
					out[pi][si] = others[q-1].name
				}
				prev = t
				continue
			}
			own := names(t, leaderKeys)
			var named []ownerPerson
			for _, o := range others {
				if names(t, o.keys) {
					named = append(named, o)
				}
			}
			switch {
			case own && len(named) == 0:
				cur, pending = "", false
				out[pi][si] = ""
			case own && len(named) == 1 && ContrastTurn(t, leaderKeys, named[0].keys):
				// "与陶玉琴不同，…书记贺建军面对的是…": the article turns to her
				cur, pending = named[0].name, false
				out[pi][si] = named[0].name
			case own || len(named) > 1:
				// both named (两位书记的做法不同…): no one's alone
				pending = false
				out[pi][si] = ""
			case len(named) == 1:
				// Named: hers when the article turns to her; a mention
				// in another's story (她向…李文静取经) leaves the passage
				// to passageMeta, which credits one naming only her.
				x := named[0]
				if pending && IntroducesSubject(t, x.keys) || TurnsTo(t, prev, si == 0, x.keys) {
					cur = x.name
				}
				out[pi][si] = cur
				pending = false
			default:
				if pending {
					for _, o := range others {
						if o.place != "" && strings.Contains(t, o.place) && (leaderPlace == "" || !strings.Contains(t, leaderPlace)) {
							cur, pending = o.name, false
							break
						}
					}
				}
				out[pi][si] = cur
			}
			prev = t
		}
	}
	return out
}

// firstIndex is the byte offset of the first of keys in t (-1 for none).
func firstIndex(t string, keys []string) int {
	at := -1
	for _, k := range keys {
		if i := strings.Index(t, k); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	return at
}

// simplifiedKeys is name and aliases, Simplified, the empty ones left out.
func simplifiedKeys(name string, aliases ...string) []string {
	var out []string
	for _, k := range append([]string{name}, aliases...) {
		if k = zh.ToSimplified(strings.TrimSpace(k)); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// communityOf is the last unit of a place chain (青州市河西区杏林社区 →
// 杏林社区), Simplified.
func communityOf(place string) string {
	place = zh.ToSimplified(strings.TrimSpace(place))
	first, _, _ := strings.Cut(place, "、")
	rs := []rune(first)
	for i := len(rs) - 2; i > 0; i-- {
		for _, u := range []string{"省", "市", "区", "县", "街道", "镇", "乡", "州"} {
			if strings.HasSuffix(string(rs[:i]), u) {
				return string(rs[i:])
			}
		}
	}
	return first
}

// QuotedSpeakers says, for each sentence of one paragraph (Simplified,
// in order), which of people (each her keys: name, aliases) speaks it as
// a quotation attributed to her: the sentences of a quotation opened
// after her name and a verb of saying ("侯建军说：“…。…。”") up to its
// closing mark, and a sentence that is a quotation whole followed by its
// attribution ("“我们社区去年建起了…。”" then "侯建军说。"). -1 for any
// other sentence. Whose words they are is whose facts they tell.
func QuotedSpeakers(sents []string, people [][]string) []int {
	out := make([]int, len(sents))
	for i := range out {
		out[i] = -1
	}
	who := func(t string) int {
		best, at := -1, -1
		for pi, keys := range people {
			if i := firstIndex(t, keys); i >= 0 && (at < 0 || i < at) {
				best, at = pi, i
			}
		}
		return best
	}
	open := -1 // the speaker of a quotation still open
	for i, s := range sents {
		t := strings.TrimSpace(s)
		if open >= 0 {
			out[i] = open
			if strings.Count(t, "”") > strings.Count(t, "“") {
				open = -1
			}
			continue
		}
		if m := saysOpenRE.FindStringSubmatchIndex(t); m != nil {
			// "侯建军说：“…": her quotation, to its closing mark.
			// (Not the one spoken to, nor one in whose presence it was
			// said: 她对侯建军说, 在侯建军的介绍下，她表示.)
			if p := who(t[:m[1]]); p >= 0 && firstIndex(t[:m[0]], people[p]) >= 0 && !spokenTo(t[:m[0]], people[p]) {
				out[i] = p
				if strings.Count(t, "“") > strings.Count(t, "”") {
					open = p
				}
			}
			continue
		}
		if strings.HasPrefix(t, "“") && strings.HasSuffix(strings.TrimRight(t, "。！？!?"), "”") && i+1 < len(sents) {
			// "“…。”" then "侯建军说。": hers.
			next := strings.TrimSpace(sents[i+1])
			if utf8.RuneCountInString(next) <= 16 && attributionRE.MatchString(next) {
				if p := who(next); p >= 0 {
					out[i], out[i+1] = p, p
				}
			}
		}
	}
	return out
}

// saysOpenRE ends the lead of a quotation: a verb of saying and the
// opening mark (说：“, 表示：“, 笑着说：“).
var saysOpenRE = regexp.MustCompile(`(说|讲|表示|介绍|坦言|告诉记者|感慨|回忆|说道|谈道|提到)[：:,，]?“`)

// attributionRE is a quotation's attribution standing as a sentence of
// its own: 侯建军说。, 北关社区党委书记侯建军笑着说。
var attributionRE = regexp.MustCompile(`(说|讲|表示|介绍|坦言|告诉记者|感慨|说道)[。！!]?$`)

// spokenTo reports whether the name in before (the text up to 说) is
// the one spoken to or beside, not the speaker: 对/向/跟/给/和/拉着 right
// before it, or 在…下 around it.
func spokenTo(before string, keys []string) bool {
	i := firstIndex(before, keys)
	if i < 0 {
		return false
	}
	ahead := []rune(before[:i])
	if n := len(ahead); n > 0 && strings.ContainsRune("对向跟给和与同陪帮着", ahead[n-1]) {
		return true
	}
	return strings.HasSuffix(strings.TrimSpace(string(ahead)), "在") || strings.Contains(before[i:], "下，") || strings.Contains(before[i:], "下,")
}
