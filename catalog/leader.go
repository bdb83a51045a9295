package catalog

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"bangyang/zh"
)

var (
	// Roles, most specific first.
	reRoleFull  = regexp.MustCompile(`(?:社区|街道|村|镇|乡)(?:党委|党总支|党工委|党支部|总支)书记(?:、(?:社区)?居委会主任|、村委会主任|、主任|兼(?:社区)?居委会主任)?`)
	reRoleShort = regexp.MustCompile(`(?:社区|街道|村)(?:书记|党组织书记)`)
	reRoleOther = regexp.MustCompile(`(?:全国|省|市)人大代表|居委会主任|街道办主任`)
	// Nicknames: 被群众亲切地称为“小吴书记”.
	reNickname = regexp.MustCompile(`(?:称为|称作|叫她|叫他|喊她|喊他|称她为|称他为|人称)“([^”]{2,6})”`)
	// Leader fallback from a title: …社区党总支书记李亚玲.
	reTitleLeader = regexp.MustCompile(`书记(\p{Han}{2,3})(?:\(|$|\s|——|:)`)
	// Key facts: numbers with a unit of outcome.
	reFact = regexp.MustCompile(`\d+(?:\.\d+)?\s*(?:%|余|多|万|人次|件|个|次|名|家|支|户|条|本|元|米|平米)`)
)

// honourTriggers precede an honour conferred on a person.
var honourTriggers = []string{"被授予", "授予", "荣获", "获评", "被评为", "评为", "表彰为", "当选为", "获得"}

// personNouns end a personal honour (not a community's: 最美小巷, 标兵岗).
var personNouns = []string{"书记", "工作者", "党员", "红旗手", "标兵", "模范", "劳模", "代表", "先锋", "人物", "楷模", "能手", "干部", "巾帼英雄", "好人"}

// extractLeader derives the leader of an article from its metadata and text.
func extractLeader(a *article) Leader {
	name := a.meta.Leader
	if name == "" {
		if m := reTitleLeader.FindStringSubmatch(norm(a.meta.Title)); m != nil {
			name = m[1]
		}
	}
	if name == "" {
		return Leader{}
	}
	l := Leader{Name: key(name), ArticleIDs: []string{a.id}}
	for _, al := range append([]string{name}, a.meta.Aliases...) {
		if al = strings.TrimSpace(al); al != "" && al != l.Name {
			l.Aliases = union(l.Aliases, []string{al})
		}
	}
	if a.meta.Place != "" {
		l.Place = norm(a.meta.Place)
	}

	full := l.Name
	rs := []rune(full)
	surname, given := string(rs[:1]), string(rs[1:])
	// Address forms that point at this person: 小吴书记, 郭书记, 亚玲书记, 张影书记.
	// A one-rune given name (影 of 张影) would match prose, so it needs two.
	forms := []string{regexp.QuoteMeta(full), regexp.QuoteMeta(surname)}
	if utf8.RuneCountInString(given) >= 2 {
		forms = append(forms, regexp.QuoteMeta(given))
	}
	reAddress := regexp.MustCompile(`小?(?:` + strings.Join(forms, "|") + `)书记`)

	nameKeys := []string{full}
	for _, al := range l.Aliases {
		nameKeys = append(nameKeys, key(al))
	}

	texts := make([]string, 0, len(a.sentences)+1)
	texts = append(texts, norm(a.meta.Title))
	for _, s := range a.sentences {
		texts = append(texts, s.norm)
	}
	for _, t := range texts {
		if strings.Contains(t, "书记") {
			for _, m := range reAddress.FindAllString(t, -1) {
				l.Aliases = union(l.Aliases, []string{m})
			}
		}
		if strings.ContainsAny(t, "称叫喊") {
			for _, m := range reNickname.FindAllStringSubmatch(t, -1) {
				if strings.Contains(m[1], surname) || (given != "" && strings.Contains(m[1], given)) {
					l.Aliases = union(l.Aliases, []string{m[1]})
				}
			}
		}
	}
	for _, al := range l.Aliases {
		nameKeys = union(nameKeys, []string{key(al)})
	}

	// Role, place and honours as corpus derived them (or the operator
	// declared them in front matter); the catalog's own reading of the
	// text only fills what corpus left empty.
	role, place := findRole(texts, nameKeys, l.Place)
	l.Role = firstOf(norm(a.meta.Role), role)
	l.Place = firstOf(l.Place, place)
	if len(a.meta.Honours) > 0 {
		for _, h := range a.meta.Honours {
			l.Honours = union(l.Honours, []string{norm(h)})
		}
	} else {
		// Read only where the page is about her: not the passages
		// credited to its second secretary (郑国华获得“…”称号 in his
		// segment is his).
		own := []string{texts[0]}
		for _, s := range a.sentences {
			if c, ok := a.chunkPos[s.chunkID]; !ok || a.chunks[c].Meta.Leader == "" || key(a.chunks[c].Meta.Leader) == l.Name {
				own = append(own, s.norm)
			}
		}
		l.Honours = findHonours(own, nameKeys)
	}

	for i, ck := range a.chunkKeys {
		if containsAny(ck, nameKeys) {
			l.ChunkIDs = union(l.ChunkIDs, []string{a.chunks[i].ID})
		}
	}
	// Key facts are hers: not of a passage credited to the article's
	// second secretary (her own section of a page telling of two).
	var otherNames []string
	for _, o := range a.meta.Others {
		otherNames = append(otherNames, key(o))
	}
	others := map[string]bool{}
	for _, c := range a.chunks {
		if c.Meta.Leader != "" && key(c.Meta.Leader) != l.Name {
			others[c.ID] = true
		}
	}
	for _, s := range a.sentences {
		if len(l.KeyFacts) >= 12 {
			break
		}
		if others[s.chunkID] || !containsAny(s.norm, nameKeys) && containsAny(s.norm, otherNames) {
			continue // one naming only the other secretary is hers
		}
		if reFact.MatchString(s.norm) && utf8.RuneCountInString(s.text) <= 200 && !strings.Contains(s.norm, "ICP") && !strings.Contains(s.norm, "电话") {
			l.KeyFacts = append(l.KeyFacts, Fact{Text: cleanDisplay(s.text), ChunkID: s.chunkID})
		}
	}
	return l
}

func firstOf(vs ...string) string {
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// findRole returns the leader's role and, when place is empty, the place
// written before the role (重庆市渝中区上清寺街道上清寺路社区党委书记).
// Sentences naming the leader are preferred: other people's roles are
// mentioned too (社区党委副书记谭玉玲).
func findRole(texts, nameKeys []string, place string) (string, string) {
	for _, re := range []*regexp.Regexp{reRoleFull, reRoleShort, reRoleOther} {
		for pass := 0; pass < 2; pass++ {
			for _, t := range texts {
				if pass == 0 && !containsAny(stripQuotes(t), nameKeys) {
					continue
				}
				loc := re.FindStringIndex(t)
				if loc == nil {
					continue
				}
				// 社区党委副书记 is someone else.
				if loc[0] >= 3 && strings.HasSuffix(t[:loc[0]], "副") {
					continue
				}
				role := t[loc[0]:loc[1]]
				if place == "" {
					place = placeBefore(t[:loc[0]], role)
				}
				return role, place
			}
		}
	}
	return "", place
}

// placeBefore takes the place name that ends where the role starts:
// the clause before it, without leading prose, plus the unit (社区/街道).
func placeBefore(before, role string) string {
	i := strings.LastIndexAny(before, ",;:。!?()“”—")
	clause := before[i+1:]
	if i >= 0 {
		_, n := utf8.DecodeRuneInString(before[i:])
		clause = before[i+n:]
	}
	clause = trimAfterLast(clause, []string{"记", "是", "为", "任", "的", "在", "到", "从"})
	if zh.HanCount(clause) < 2 {
		return ""
	}
	for _, unit := range []string{"社区", "街道", "村", "镇", "乡"} {
		if strings.HasPrefix(role, unit) {
			return clause + unit
		}
	}
	return clause
}

// findHonours collects personal honour titles from sentences about the
// leader: quoted titles followed by 荣誉称号/称号/头衔, and the titles after
// 授予/荣获/当选为 that end in a person noun.
func findHonours(texts, nameKeys []string) []string {
	var out []string
	for _, t := range texts {
		for _, q := range quotedSpans(t) {
			after := t[q.end:]
			for _, w := range []string{"荣誉称号", "称号", "头衔", "荣誉"} {
				if strings.HasPrefix(after, w) && isHonour(q.inner) && !communityTitle(q.inner) {
					out = union(out, []string{q.inner})
					break
				}
			}
		}
		aboutLeader := containsAny(stripQuotes(t), nameKeys) || strings.Contains(t, "她") || strings.Contains(t, "他") || strings.Contains(t, "本人")
		if !aboutLeader {
			continue
		}
		for _, trig := range honourTriggers {
			i := strings.Index(t, trig)
			if i < 0 {
				continue
			}
			rest := t[i+len(trig):]
			if j := strings.IndexAny(rest, ",;。!?:"); j >= 0 {
				rest = rest[:j]
			}
			for _, item := range strings.Split(rest, "、") {
				item = strings.TrimSpace(item)
				for _, suf := range []string{"荣誉称号", "称号", "头衔", "等荣誉", "荣誉"} {
					item = strings.TrimSuffix(item, suf)
				}
				for _, nk := range nameKeys {
					item = strings.TrimSuffix(item, nk)
				}
				item = strings.TrimSuffix(strings.TrimPrefix(item, "“"), "”")
				if item == "" || utf8.RuneCountInString(item) > 20 || strings.ContainsAny(item, "“”") && !strings.Contains(item, "十佳") {
					continue
				}
				for _, pn := range personNouns {
					if strings.HasSuffix(item, pn) && isHonourLike(item) {
						out = union(out, []string{item})
						break
					}
				}
			}
			break
		}
	}
	return out
}

// communityTitle is a title a community or an organisation receives
// (省级文明社区, 全国先进基层党组织, 五好党支部), never a person's.
func communityTitle(s string) bool {
	for _, suf := range []string{"社区", "小区", "楼院", "院落", "集体", "单位", "党组织", "党支部", "党总支", "党委", "示范点", "街道", "村", "家园", "居委会", "基地", "站", "中心"} {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// isHonourLike rejects posts (候补委员, 大党委书记) that follow 当选为 but are
// not honours.
func isHonourLike(s string) bool {
	return isHonour(s) || strings.Contains(s, "三八") || strings.Contains(s, "五一") || strings.Contains(s, "道德") || strings.Contains(s, "好人")
}
