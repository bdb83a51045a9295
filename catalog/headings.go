package catalog

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Methods an article gives as its numbered section headings:
// "一、老伙伴计划", "1. 茶馆议事会", "（二）周末小课堂", "01 居民恳谈会".

// reNumberedHeading: a numbering mark and a short name, on a line of its
// own (after norm(): Simplified, full-width folded).
// A subtitle may follow the name after a colon, a dash or a space
// ("一、老伙伴计划：让老人帮老人"); quotes around the name are dropped first.
var reNumberedHeading = regexp.MustCompile(`^(?:[◆◇■□●○▲△★☆▶►]\s*|[一二三四五六七八九十]{1,2}\s*[、.．]|[（(][一二三四五六七八九十\d]{1,2}[）)]|\d{1,2}\s*[.．、]|0\d|第[一二三四五六七八九十]{1,2}[招步条]?\s*[：:、]?)\s*(\p{Han}{2,10})(?:\s*(?:[：:]|——|—|\s)\s*\S.{0,30})?$`)

// reQuotedHeading is a heading, unnumbered, opening with a quoted name
// and what it does (“楼院议事桌”：有事坐下来说).
var reQuotedHeading = regexp.MustCompile(`^“(\p{Han}{2,10})”(?:\s*(?:[：:]|——|—)\s*\S.{0,30})?$`)

// headingCandidates lists the numbered headings of an article that name
// a method: the series is a list of methods when at least half of its
// headings end like a programme or a method (…议事会, …课堂, …工作法);
// then each heading of it is one (邻里搭把手 among 周末小课堂 and 居民恳谈会).
// A series of themes (老有所依, 幼有所育) has no such ending and yields
// nothing.
func headingCandidates(a *article, have []candidate) []candidate {
	type head struct {
		name string
		sent int
		pos  int
	}
	known := map[string]bool{}
	for _, c := range have {
		known[key(c.name)] = true
	}
	var series []head
	for i, s := range a.sentences {
		if !s.heading {
			continue
		}
		t := strings.NewReplacer("“", "", "”", "", "‘", "", "’", "").Replace(strings.TrimSpace(s.norm))
		var name string
		if m := reNumberedHeading.FindStringSubmatchIndex(t); m != nil {
			name = t[m[2]:m[3]]
		} else if m := reQuotedHeading.FindStringSubmatch(strings.TrimSpace(s.norm)); m != nil {
			name = m[1] // ## 「樓院議事桌」：有事坐下來說
		} else {
			continue
		}
		if !nameLike(name) || personNoun(name) || notTheLeaders(name) {
			continue
		}
		series = append(series, head{name: name, sent: i, pos: strings.Index(s.norm, name)})
	}
	if len(series) < 2 {
		return nil
	}
	named := 0
	for _, h := range series {
		// A name the heading quotes (二、「四必訪」：不落下一戶) is given as a
		// name, whatever its ending.
		if methodEnding(h.name) || strings.Contains(a.sentences[h.sent].norm, "“"+h.name+"”") {
			named++
		}
	}
	if 2*named < len(series) {
		return nil
	}
	var out []candidate
	for _, h := range series {
		if known[key(h.name)] || isFacility(h.name) {
			continue
		}
		known[key(h.name)] = true
		c := candidate{name: h.name, sent: h.sent, pos: h.pos, end: h.pos + len(h.name), oa: h.pos, ob: h.pos + len(h.name)}
		if h.pos < 0 {
			// Quotes split the name (“老伙伴”计划): the whole heading is
			// the sighting, with no original-script span.
			c.pos, c.end, c.oa, c.ob = 0, len(a.sentences[h.sent].norm), 0, 0
		}
		if c.ob > c.oa {
			c.orig = origSpan(a.sentences[h.sent], c.oa, c.ob)
		}
		out = append(out, c)
	}
	return out
}

// methodEnding: a name ending like a programme (isProgramName) or with a
// method word (…工作法, …机制, …行动).
func methodEnding(name string) bool {
	if isProgramName(name) {
		return true
	}
	for _, ns := range namingSuffixes {
		if ns.keep && !ns.numericOnly && !ns.huaOnly && strings.HasSuffix(name, ns.suffix) && utf8.RuneCountInString(name) > utf8.RuneCountInString(ns.suffix) {
			return true
		}
	}
	return false
}

// facilityTails are the kinds of place a community runs: a 养老驿站 or a
// 便民服务站 is where a method may happen, not a method.
var facilityTails = []string{"养老驿站", "助老驿站", "养老服务站", "养老服务中心", "便民服务站", "便民服务中心",
	"党群服务站", "党群服务中心", "卫生服务站", "卫生服务中心", "日间照料中心", "照料中心", "快递驿站",
	"文明实践站", "文明实践所", "服务大厅", "活动中心", "活动室"}

// isFacility reports a name that is a facility's kind, alone or after a
// short place name (南塔养老驿站, 社区便民服务站).
func isFacility(name string) bool {
	for _, t := range facilityTails {
		if strings.HasSuffix(name, t) && utf8.RuneCountInString(name)-utf8.RuneCountInString(t) <= 4 {
			return true
		}
	}
	return false
}
