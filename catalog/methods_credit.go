package catalog

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"bangyang/corpus"
	"bangyang/zh"
)

// reOtherMade: right after another secretary's name, she made or runs
// the method (钱爱华当年首创的“邻里守望岗”, 李文静，坚持了六年的“睦邻茶话会”).
var reOtherMade = regexp.MustCompile(`^[,，]?(?:当年|多年来|一直|曾经|曾)?` + creationVerbs[:len(creationVerbs)-1] + `|坚持)`)

// creditOthers credits to another secretary of the article (Meta.Others)
// a method the sentence says she made: her name is the subject of the
// verb of creation just before the name, with no one else in between.
func creditOthers(a *article, cands []candidate) {
	if len(a.meta.Others) == 0 {
		return
	}
	for i := range cands {
		c := &cands[i]
		if c.leader != "" {
			continue
		}
		before := tailBytes(a.sentences[c.sent].norm[:c.pos], 120)
		for _, o := range a.meta.Others {
			on := norm(o)
			j := strings.LastIndex(before, on)
			if j < 0 {
				continue
			}
			between := before[j+len(on):]
			if strings.ContainsAny(between, "她他") || (a.meta.Leader != "" && strings.Contains(between, norm(a.meta.Leader))) || strings.ContainsAny(between, "学向跟") {
				continue
			}
			if reOtherMade.MatchString(between) && zh.HanCount(between) <= 12 {
				c.leader = o
			}
		}
		if c.leader == "" {
			// In a passage the loader credited to her (her section, the
			// page turned to her, "王书记退休后…" by her call-name): hers.
			if k, ok := a.chunkPos[a.sentences[c.sent].chunkID]; ok && slices.Contains(a.meta.Others, a.chunks[k].Meta.Leader) {
				c.leader = a.chunks[k].Meta.Leader
				continue
			}
			// In her quotation ("“我们社区建起了…”" then "侯建军说。"): hers.
			if o := quotedOther(a, c.sent); o != "" {
				c.leader = o
				continue
			}
		}
		if c.leader == "" {
			// "他还设立了“说事信箱”" in a paragraph, or a section headed
			// by another secretary's name: the nearest person named
			// before the method is whom the sentence is about.
			if o := aboutWhom(a, c.sent, c.pos); o != "" {
				c.leader = o
			}
		}
	}
}

// aboutWhom returns the other secretary (Meta.Others) a sentence is
// about: the last of the leader (by her name or an alias) and the others
// named before byte pos of sentence i, else in the sentences before it in
// its paragraph, else in the section heading above. "" when it is the
// leader or no one.
func aboutWhom(a *article, i, pos int) string {
	people := append([]string{a.meta.Leader}, a.meta.Aliases...)
	last := func(text string) (string, bool) {
		best, at := "", -1 // "" stands for the leader
		for _, p := range people {
			if p == "" {
				continue
			}
			if j := strings.LastIndex(text, norm(p)); j > at {
				best, at = "", j
			}
		}
		for _, o := range a.meta.Others {
			if j := strings.LastIndex(text, norm(o)); j > at {
				best, at = o, j
			}
		}
		return best, at >= 0
	}
	if who, ok := last(a.sentences[i].norm[:pos]); ok {
		return who
	}
	para := a.sentences[i].para
	for j := i - 1; j >= 0 && i-j <= 40; j-- {
		s := a.sentences[j]
		if s.para != para && !s.heading {
			continue // another paragraph: only its heading counts
		}
		if who, ok := last(s.norm); ok {
			return who
		}
		if s.heading {
			break
		}
	}
	if o := sectionOpensOn(a, i); o != "" {
		return o
	}
	return turnedTo(a, i)
}

// turnedTo is the other secretary the article turned to before sentence
// i, in its section: a sentence bringing her in as its subject
// (corpus.TurnsTo: "在一河之隔的杏林社区，党委书记邵慧敏…"), with the
// leader not named since. "" otherwise.
func turnedTo(a *article, i int) string {
	named := func(t string, keys []string) bool {
		for _, k := range keys {
			if k != "" && strings.Contains(t, norm(k)) {
				return true
			}
		}
		return false
	}
	leader := append([]string{a.meta.Leader}, a.meta.Aliases...)
	for j := i - 1; j >= 0 && i-j <= 60; j-- {
		s := a.sentences[j]
		if s.heading {
			return ""
		}
		if named(s.norm, leader) {
			for _, o := range a.meta.Others {
				if corpus.ContrastTurn(s.norm, normAll(leader), []string{norm(o)}) {
					return o // "与陶玉琴不同，…书记贺建军…"
				}
			}
			return ""
		}
		for _, o := range a.meta.Others {
			keys := []string{norm(o)}
			if !named(s.norm, keys) {
				continue
			}
			prev, first := "", true
			if j > 0 && a.sentences[j-1].para == s.para {
				prev, first = a.sentences[j-1].norm, false
			}
			if corpus.TurnsTo(s.norm, prev, first, keys) {
				return o
			}
		}
	}
	return ""
}

// sectionOpensOn is the other secretary a section is about when its
// heading names no one: the section, up to sentence i, names her as a
// sentence's subject (金沙社区党委书记韦丽萍是个“85后”) and never the
// leader. "" otherwise.
func sectionOpensOn(a *article, i int) string {
	start := -1
	for j := i - 1; j >= 0 && i-j <= 60; j-- {
		if a.sentences[j].heading && a.sentences[j].para != a.sentences[i].para {
			start = j
			break
		}
	}
	if start < 0 {
		return ""
	}
	found := ""
	for j := start + 1; j < i; j++ {
		t := strings.TrimSpace(a.sentences[j].norm)
		for _, p := range append([]string{a.meta.Leader}, a.meta.Aliases...) {
			if p != "" && strings.Contains(t, norm(p)) {
				return "" // the leader's section
			}
		}
		for _, o := range a.meta.Others {
			k := strings.Index(t, norm(o))
			if k < 0 {
				continue
			}
			if before := t[:k]; found == "" && utf8.RuneCountInString(before) <= 16 && !strings.ContainsAny(before, "她他我,，和与跟同") {
				found = o
			} else if found != o {
				return "" // someone else is named as well
			}
		}
	}
	return found
}

// normAll is norm of each non-empty name.
func normAll(names []string) []string {
	var out []string
	for _, n := range names {
		if n != "" {
			out = append(out, norm(n))
		}
	}
	return out
}

// titleCandidates: a quoted name in the title (十九本“民生日记”里的社区情)
// that the body quotes too is what the article is about.
func titleCandidates(a *article, have []candidate) []candidate {
	title := norm(a.meta.Title)
	if !strings.Contains(title, "“") {
		return nil
	}
	known := map[string]bool{}
	for _, c := range have {
		known[key(c.name)] = true
	}
	var out []candidate
	for _, q := range quotedSpans(title) {
		inner := strings.TrimSpace(q.inner)
		if !nameLike(inner) || zh.HanCount(inner) < 2 || known[key(inner)] || personNoun(inner) || storyWord(inner) || partOfKnown(known, key(inner)) {
			continue
		}
		quoted := "“" + inner + "”"
		for i, s := range a.sentences {
			if j := strings.Index(s.norm, quoted); j >= 0 && !notTheLeaders(s.norm[:j]) && methodEvidence(inner, s.norm, j, j+len(quoted)) {
				out = append(out, candidate{name: inner, sent: i, pos: j, end: j + len(quoted), orig: origSpan(s, j, j+len(quoted))})
				known[key(inner)] = true
				break
			}
		}
	}
	return out
}

// storyWord: a headline's word for what the article tells (两位书记的
// “暖心经”, 社区的“治楼经”, 老旧小区的“焕新密码”), not a method's name.
func storyWord(q string) bool {
	for _, suf := range []string{"经", "经验", "秘诀", "密码", "答卷", "故事", "心得", "之道", "账", "新篇", "样本", "答案"} {
		if strings.HasSuffix(q, suf) {
			return true
		}
	}
	return false
}

// partOfKnown: k begins a name already found (5G of 5G服务法).
func partOfKnown(known map[string]bool, k string) bool {
	for n := range known {
		if strings.HasPrefix(n, k) {
			return true
		}
	}
	return false
}

// personNoun: a quoted title that names a person or a role (“贴心人”,
// “领头雁”, “小巷总理”), not a method.
func personNoun(q string) bool {
	for _, suf := range []string{"人", "者", "员", "手", "星", "雁", "家", "总理", "书记", "大姐", "大妈", "管家", "赛"} {
		if strings.HasSuffix(q, suf) {
			return true
		}
	}
	return false
}

// methodEvidence: a quoted name of a headline is a method only when the
// text treats it as one where it quotes it — a method's or programme's
// ending, a creation verb before it (推出, 办起), "办法叫…" or 坚持 before
// it, or a method word after it (“…”工作法, “…”的做法).
func methodEvidence(inner, sent string, a, b int) bool {
	if methodEnding(inner) {
		return true
	}
	before := tailBytes(sent[:a], 48)
	if reVerbBeforeQuote.MatchString(before) || reNamedAs.MatchString(tailBytes(sent[:a], 36)) {
		return true
	}
	// 坚持写了十九年的“民生日记”: a practice kept up for years.
	if clause := before[strings.LastIndexAny(before, "，,。；：")+1:]; strings.Contains(clause, "坚持") {
		return true
	}
	after := strings.TrimPrefix(sent[b:], "的")
	for _, w := range []string{"工作法", "办法", "做法", "机制", "模式", "制度", "品牌", "行动", "活动", "服务", "项目", "工程", "计划"} {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	return false
}

// quotedOther is the other secretary (Meta.Others) whose quotation
// sentence i is (corpus.QuotedSpeakers over its paragraph), or "".
func quotedOther(a *article, i int) string {
	para := a.sentences[i].para
	first, last := i, i
	for first > 0 && a.sentences[first-1].para == para {
		first--
	}
	for last+1 < len(a.sentences) && a.sentences[last+1].para == para {
		last++
	}
	texts := make([]string, 0, last-first+1)
	for j := first; j <= last; j++ {
		texts = append(texts, a.sentences[j].norm)
	}
	people := [][]string{normAll(append([]string{a.meta.Leader}, a.meta.Aliases...))}
	for _, o := range a.meta.Others {
		people = append(people, []string{norm(o)})
	}
	if q := corpus.QuotedSpeakers(texts, people)[i-first]; q > 0 {
		return a.meta.Others[q-1]
	}
	return ""
}
