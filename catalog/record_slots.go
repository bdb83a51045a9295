package catalog

import (
	"bangyang/zh"
	"regexp"
	"strings"
	"unicode/utf8"
)

// partnerSentence: the sentence's subject is a partner organisation — a
// partner word opens its first clause (兰州银行城关支行开展…, 辖区一家银行
// 网点每季度…), with no 她/他/the leader and no verb before it (协调辖区
// 医院… is the leader's doing; “N”是…学校、医院 lists partners).
func partnerSentence(n string, names []string) bool {
	for _, clause := range strings.FieldsFunc(n, func(r rune) bool { return r == ',' || r == ';' || r == ':' }) {
		if strings.ContainsAny(clause, "她他") || containsAny(clause, names) {
			return false // the leader acts from here on
		}
		if zh.HanCount(clause) >= 4 && partnerSubject(clause) {
			return true
		}
	}
	return false
}

// partnerSubject: a partner word opens the clause, with no verb before it.
func partnerSubject(clause string) bool {
	first := -1
	for _, w := range partnerWords {
		if i := strings.Index(clause, w); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	if first < 0 {
		return false
	}
	before := clause[:first]
	if zh.HanCount(before) > 10 || strings.ContainsAny(before, "是与和同请为对向给把将由") {
		return false
	}
	for _, v := range []string{"协调", "联系", "组织", "邀请", "联合", "带领", "动员", "发动"} {
		if strings.Contains(before, v) {
			return false
		}
	}
	return true
}

// speech: the sentence reports somebody's words (…说:“…”), which tell
// no problem of their own.
func speech(s sentence) bool {
	return strings.Contains(s.norm, ":“") || strings.HasPrefix(s.norm, "“") || strings.Contains(s.norm, "说")
}

func isResult(s sentence) bool {
	if reThreshold.MatchString(s.norm) && !reAchieved.MatchString(s.norm) {
		return false // 满意率低于九成的事项重新办理: a rule of the doing
	}
	if reNumber.MatchString(s.norm) && reDone.MatchString(s.norm) {
		return true
	}
	// 可以来说 is no 以来.
	n := notSince.Replace(s.norm)
	if !reResult.MatchString(n) {
		return false
	}
	// "靠着…连续三年获评…优秀基层党组织": an honour won by it.
	return reNumber.MatchString(n) || reHonour.MatchString(n) && !personal(n) || strings.Contains(n, "如今") || strings.Contains(n, "以来") ||
		strings.Contains(n, "已成为") || strings.Contains(n, "成为了") || strings.Contains(n, "破解") || strings.Contains(n, "满意")
}

// reThreshold is a rule's condition (满意率低于九成的, 达不到80%的):
// what is done when a measure falls short, not what came of it;
// reAchieved what did come (以来, 如今, 提高了).
var (
	reThreshold = regexp.MustCompile(`(?:低于|高于|不足|达不到|不到|超过)[^,;。:]{1,8}的(?:事项|问题|项目|要|须|必须|一律|由|重新|,)`)
	reAchieved  = regexp.MustCompile(`以来|如今|目前|至今|累计|共计|了`)
)

// notSince hides the 以来 of 可以来, 所以来, 难以来, 得以来.
var notSince = strings.NewReplacer("可以来", "可来", "所以来", "所来", "难以来", "难来", "得以来", "得来")

// personal: a sentence about the person herself (本人也被评为…, 她荣获…),
// whose honour is hers, not what a method achieved.
func personal(norm string) bool {
	return strings.Contains(norm, "本人") || strings.HasPrefix(norm, "她") || strings.HasPrefix(norm, "他")
}

func quoteOf(s sentence) Quote { return Quote{Text: cleanDisplay(s.text), ChunkID: s.chunkID} }

// reNoContent are tails that say nothing of how a method works: 等做法,
// 在全区推广, 得到好评.
var reNoContent = regexp.MustCompile(`等做法|等举措|推广|好评|点赞|称赞|认可|肯定|关注|报道|成为|排头兵|榜样|标杆`)

// defExplains: the definition goes on, after the name and before any
// other method's name, with at least a clause of its own about it
// (“闪亮蒲公英”党员志愿服务队，平时带头做好垃圾分类、楼门清洁…).
func defExplains(d sentence, mi int, groups []*group) bool {
	if namedAfterItsWay(d, mi, groups) {
		return true
	}
	end, stop := -1, len(d.norm)
	for gi, g := range groups {
		for _, c := range g.cands {
			if c.sent != d.seq {
				continue
			}
			if gi == mi && end < 0 {
				end = c.end
			}
			if gi != mi && c.pos < stop && c.pos > end {
				stop = c.pos
			}
		}
	}
	if end < 0 || stop <= end {
		return false
	}
	seg := d.norm[end:stop]
	if stop < len(d.norm) {
		// The clause leading to another method's name is that one's.
		if i := strings.LastIndexAny(seg, ",;"); i >= 0 {
			seg = seg[:i]
		} else {
			seg = ""
		}
	}
	n := 0
	for _, cl := range strings.FieldsFunc(seg, func(r rune) bool { return r == ',' || r == ';' || r == '。' }) {
		if !reNoContent.MatchString(cl) {
			n += zh.HanCount(cl)
		}
	}
	return n >= 8
}

// reNamedAtEnd: a way of working told first and named last (…在楼下的空地上
// 开，叫“星光议事会”; …答疑解惑，这个做法居民们起名叫“楼下说”).
var reNamedAtEnd = regexp.MustCompile(`[,，](?:这个|这种|这项|这一)?(?:做法|办法|法子|活动|服务|项目)?(?:我们|大家|居民们?|街坊们?)?(?:就|于是|便)?(?:叫|叫做|叫作|叫它|管它叫|取名为?|取名叫|起名为?|起名叫|起了个名字叫|名字叫|称为|称作|称它为|名为|命名为)[“"]?$`)

// namedAfterItsWay: the definition tells the way of working before its
// name, in at least a clause of its own, and then names it.
func namedAfterItsWay(d sentence, mi int, groups []*group) bool {
	for _, c := range groups[mi].cands {
		if c.sent != d.seq {
			continue
		}
		before := d.norm[:c.pos]
		loc := reNamedAtEnd.FindStringIndex(before)
		if loc == nil {
			return false
		}
		n := 0
		for _, cl := range strings.FieldsFunc(before[:loc[0]], func(r rune) bool { return r == ',' || r == ';' || r == '。' }) {
			if !reNoContent.MatchString(cl) {
				n += zh.HanCount(cl)
			}
		}
		return n >= 8
	}
	return false
}

// problemOf looks for the problem a method answers: a 面对…/针对… clause of
// the definition, and the difficulty told just before it.
func problemOf(a *article, ix *articleIndex, mi, def int) []Quote {
	var out []Quote
	d := a.sentences[def]
	if c := problemClause(d); c != "" {
		out = append(out, Quote{Text: c, ChunkID: d.chunkID})
	}
	if ix.isList(def) {
		return out
	}
	defPara := d.para
	var back []int
	// With a marker (为此, 针对…, 于是) the problem may lie one sentence back.
	skips := 0
	if reFollowMarker.MatchString(d.norm) || reProblemClause.MatchString(d.norm) || strings.HasPrefix(d.norm, "为了") {
		skips = 1
	}
	floor := defPara - 1
	for i := def - 1; i >= 0 && len(back) < maxProblem; i-- {
		s := a.sentences[i]
		if question(a, i) && s.para >= floor {
			floor-- // an interviewer's question: look one paragraph further
			continue
		}
		if s.heading || s.para < floor || ix.owner[i] >= 0 && ix.owner[i] != mi || len(ix.sighted[i]) > 0 || ix.namesOther(a, i, mi) {
			break
		}
		if !ix.slotWorthy(s) || !reProblem.MatchString(s.norm) || isResult(s) || speech(s) || reDoing.MatchString(s.norm) {
			if len(back) > 0 || skips == 0 {
				break
			}
			skips--
			continue
		}
		back = append(back, i)
	}
	for k := len(back) - 1; k >= 0; k-- {
		out = append(out, quoteOf(a.sentences[back[k]]))
	}
	return out
}

// problemAfterLead: a feature's lead closes on the method's name (…他们等的，
// 是社区每周一次的“加梯议事会”。), and the paragraph after it tells the
// difficulty it answers (…上下楼成了老人们最大的难题。). Only for a method
// nothing else is told of after its name (its span is empty).
var reHardship = regexp.MustCompile(`难题|难处|困难|难事|老大难|头疼|头痛|犯愁|发愁|烦心事|不方便|苦恼|心病|揪心`)

func problemAfterLead(a *article, ix *articleIndex, mi, def int) []Quote {
	d := a.sentences[def]
	next := def + 1
	if next >= len(a.sentences) || a.sentences[next].para == d.para {
		return nil
	}
	var out []Quote
	for i := next; i < len(a.sentences) && a.sentences[i].para == a.sentences[next].para && len(out) < maxProblem; i++ {
		s := a.sentences[i]
		if s.heading || question(a, i) || ix.owner[i] >= 0 && ix.owner[i] != mi || len(ix.sighted[i]) > 0 || ix.namesOther(a, i, mi) {
			return nil
		}
		if ix.slotWorthy(s) && reHardship.MatchString(s.norm) && !isResult(s) && !speech(s) && !reDoing.MatchString(s.norm) {
			out = append(out, quoteOf(s))
		}
	}
	return out
}

// problemClause returns the leading 面对…/针对… clause of a definition, when
// it states a situation (…的实际, …难题, …问题).
func problemClause(s sentence) string {
	clauses := clauseSpans(s.norm)
	if len(clauses) < 2 {
		return ""
	}
	c := clauses[0]
	t := s.norm[c[0]:c[1]]
	if !reProblemClause.MatchString(t) || !reProblem.MatchString(t) && !reSituation.MatchString(t) {
		return ""
	}
	return origText(s, c[0], c[1])
}

// resultClause returns the part of the definition after the method's name
// that reports an outcome with a number (…,各社区共召开恳谈会50余次,解决了…).
func resultClause(s sentence, m *Method) string {
	pos := -1
	for _, k := range append([]string{key(m.Name)}, mentionKeys(m)...) {
		if i := strings.Index(s.norm, strings.TrimSpace(k)); i >= 0 {
			pos = i
			break
		}
	}
	if pos < 0 {
		return ""
	}
	clauses := clauseSpans(s.norm)
	for ci, c := range clauses {
		if ci == 0 || c[0] <= pos {
			continue
		}
		t := s.norm[c[0]:]
		cl := s.norm[c[0]:c[1]]
		if reNumber.MatchString(cl) && (reResult.MatchString(t) || reDone.MatchString(cl)) || strings.HasPrefix(cl, "累计") {
			return strings.TrimRight(origText(s, c[0], len(s.norm)), "。;")
		}
	}
	return ""
}

// clauseSpans splits a normalised sentence at commas and semicolons.
func clauseSpans(n string) [][2]int {
	var out [][2]int
	start := 0
	for i, r := range n {
		if r == ',' || r == ';' {
			if i > start {
				out = append(out, [2]int{start, i})
			}
			start = i + utf8.RuneLen(r)
		}
	}
	if start < len(n) {
		out = append(out, [2]int{start, len(n)})
	}
	return out
}

// origText cuts the original-script text at a byte span of the norm when
// the two are aligned, else returns the normalised span.
func origText(s sentence, start, end int) string {
	if o := origSpan(s, start, end); o != "" {
		return strings.TrimSpace(o)
	}
	return strings.TrimSpace(s.norm[start:end])
}
