package quiz

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"bangyang/zh"
)

// methodProblem is a problem a method answered: a sentence describing the
// situation, in a passage of the method's leader that names the method.
type methodProblem struct {
	method   string // display name, Simplified
	leader   string
	passage  int    // the passage naming the method (the citation)
	problem  string // the situation as written, Simplified
	scenario string // the same, without the leader's name and places
	sentence string // the sentence of the passage naming the method
	goal     bool   // problem is what the method was for (为了…), not a difficulty
}

// collectProblems pairs methods with the problems they answered: from the
// catalog's method records (Problem) when filled, from discussion cases
// whose remedy names the method, and from problem sentences in a passage
// naming the method.
func (b *Bank) collectProblems() []methodProblem {
	var out []methodProblem
	seen := map[string]bool{}
	add := func(method, leader string, pi int, problem string, goal bool) {
		problem = strings.TrimSpace(problem)
		nm := normalize(method)
		if problem == "" || leader == "" || b.m.passages[pi].leader != leader {
			return
		}
		// Cite the passage that names the method: the problem's own, or
		// the first of the same article that does.
		if !strings.Contains(b.m.passages[pi].norm, nm) {
			found := false
			for qi, q := range b.m.passages {
				if q.chunk.ArticleID == b.m.passages[pi].chunk.ArticleID && sentenceWith(q, nm) != "" {
					pi, found = qi, true
					break
				}
			}
			if !found {
				return
			}
		}
		p := b.m.passages[pi]
		// The situation comes before the method: a sentence after its
		// first mention tells how it works or what it did.
		if at := strings.Index(p.norm, normalize(problem)); at >= 0 && at > strings.Index(p.norm, nm) {
			return
		}
		scen := b.neutralAll(problem, leader)
		n := utf8.RuneCountInString(scen)
		if n < 4 || n > 160 || b.namesMethod(problem) || strings.Contains(normalize(problem), nm) {
			return
		}
		key := nm + "|" + normalize(scen)
		if seen[key] {
			return
		}
		seen[key] = true
		out = append(out, methodProblem{method: method, leader: leader, passage: pi, problem: problem,
			scenario: scen, sentence: sentenceWith(p, nm), goal: goal})
	}
	// addText files a sentence as the problem or goal it states, if any.
	addText := func(method, leader string, pi int, s string, near bool) {
		switch {
		case purposeClause(s) != "":
			add(method, leader, pi, purposeClause(s), false)
		case howGoal(s) != "":
			add(method, leader, pi, howGoal(s), true)
		case b.isProblem(s) || near && b.isSituation(s):
			add(method, leader, pi, s, false)
		default:
			if head, _, ok := b.splitProblem(s); ok {
				add(method, leader, pi, head, false)
			}
		}
	}
	byChunk := map[string]int{}
	for pi, p := range b.m.passages {
		byChunk[p.chunk.ID] = pi
	}
	for _, mi := range b.m.methods {
		for _, q := range mi.Problem {
			if pi, ok := byChunk[q.ChunkID]; ok {
				addText(mi.Name, mi.Leader, pi, zh.ToSimplified(q.Text), true)
			}
		}
	}
	names := b.methodNames()
	for _, c := range b.textCases() {
		// The remedy must name the method at once: four sentences on,
		// the story is often another one.
		first := firstSentences(c.reveal, 1)
		for _, mn := range names {
			if mn.leader == c.leader && strings.Contains(normalize(first), normalize(mn.name)) {
				add(mn.name, mn.leader, c.revPassage, firstSentences(c.scenario, 120), false)
				break
			}
		}
	}
	for pi, p := range b.m.passages {
		for _, mn := range names {
			nm := normalize(mn.name)
			if mn.leader != p.leader || !strings.Contains(p.norm, nm) {
				continue
			}
			for si, s := range p.sentences {
				if !containsBounded(normalize(s), nm) {
					continue
				}
				// The sentence naming the method often says what it
				// answers (面对…的实际, 针对…, 为解决…), or the one before does.
				if c := purposeClause(s); c != "" {
					// The sentence says what it answers: that, not the
					// story before it.
					add(mn.name, mn.leader, pi, c, false)
					continue
				} else if g := goalClause(s); g != "" {
					add(mn.name, mn.leader, pi, g, true)
					continue
				}
				// The sentences just before it, in this passage or at the
				// end of the one before.
				before := p.sentences[max(si-3, 0):si]
				if si < 2 {
					if prev, ok := b.prevPassage(pi); ok {
						ps := b.m.passages[prev].sentences
						before = append(append([]string(nil), ps[max(len(ps)-2, 0):]...), before...)
					}
				}
				for _, prev := range before {
					addText(mn.name, mn.leader, pi, prev, true)
				}
			}
		}
	}
	return out
}

// purposeRE finds the clause of a sentence that says what a measure
// answers: 面对辖区社会单位众多…的实际, 针对社区老旧小区多, 为解决停车难.
var purposeRE = regexp.MustCompile(`(?:面对|面临|针对|为了?(?:解决|破解|改变|彻底改变|化解|缓解|应对))([^，,。；;！？!?]{4,60}?)(?:的(?:实际|情况|问题|难题|现状|困境|短板|局面))?(?:[，,；;]|$)`)

// needMarkers widen problemMarkers for purpose clauses (针对…多, …难).
var needMarkers = []string{"难", "缺", "差", "乱", "不", "少", "多", "老旧", "空白", "混杂", "疲于"}

// doneMarkers say a sentence tells what was done, not how things stood.
var doneMarkers = []string{"提供", "了解", "加强", "开展", "修", "办理", "帮忙", "摸清", "走了一遍", "征求"}

// purposeClause returns the problem a sentence says its measure answers,
// "" when it says none (or only a goal such as 为了更好地服务).
func purposeClause(s string) string {
	m := purposeRE.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	c := strings.TrimSpace(m[1])
	c = strings.TrimSuffix(c, "实际")
	if strings.HasPrefix(c, "更好") || countMarkers(c, problemMarkers)+countMarkers(c, needMarkers) == 0 || utf8.RuneCountInString(c) < 4 {
		return ""
	}
	return c
}

// goalREs find what a measure was for: 为了更好的传递党的声音，让党的方针
// 政策在社区落地落实; 为延伸便民触角. A bare 为 is a goal only before a
// verb of purpose (为居民提供… is not).
var goalREs = []*regexp.Regexp{
	regexp.MustCompile(`(?:^|[，,；;：:])为了(?:更好地|更好的|更加|进一步)?([^，,。；;！？!?]{4,40})(?:[，,]((?:让|使|把)[^，,。；;！？!?]{4,30}))?(?:[，,；;]|$)`),
	regexp.MustCompile(`(?:^|[，,；;：:])为(?:更好地|更好的)?((?:延伸|寻求|提升|加强|推动|方便|满足|让|使)[^，,。；;！？!?]{2,40})()(?:[，,；;]|$)`),
}

// goalClause returns what a sentence says its measure was for, "" if it
// names no goal (为解决… is a problem, see purposeClause).
func goalClause(s string) string {
	var m []string
	for _, re := range goalREs {
		if m = re.FindStringSubmatch(s); m != nil {
			break
		}
	}
	if m == nil || purposeClause(s) != "" {
		return ""
	}
	c := strings.TrimSpace(m[1])
	if m[2] != "" {
		c += "，" + m[2]
	}
	if utf8.RuneCountInString(c) < 4 || strings.HasPrefix(c, "此") || strings.ContainsAny(c, "她他“”\"") {
		return ""
	}
	return c
}

// isSituation: next to a method's sentence, a plain statement of how
// things stood (…商铺林立，院落密集，居民诉求多样) counts as its problem.
func (b *Bank) isSituation(s string) bool {
	return countMarkers(s, needMarkers) > 0 && countMarkers(s, actionMarkers) == 0 && countMarkers(s, doneMarkers) == 0 &&
		countMarkers(s, notSituation) == 0 && !isHeading(s) && !b.namesMethod(s) &&
		utf8.RuneCountInString(s) <= 100 && !strings.ContainsAny(s, "“”")
}

// howGoal turns a question the article asks itself (如何发挥党员先锋模范
// 作用便民利民？) into the goal it states.
func howGoal(s string) string {
	t := strings.TrimSpace(s)
	for _, p := range []string{"如何", "怎样", "怎么"} {
		if strings.HasPrefix(t, p) {
			t = strings.TrimRight(strings.TrimPrefix(t, p), "？?。")
			if n := utf8.RuneCountInString(t); n >= 4 && n <= 40 && !strings.ContainsAny(t, "，,") {
				return t
			}
		}
	}
	return ""
}

// prevPassage is the passage before pi in its article.
func (b *Bank) prevPassage(pi int) (int, bool) {
	p := b.m.passages[pi]
	for qi, q := range b.m.passages {
		if q.chunk.ArticleID == p.chunk.ArticleID && q.chunk.Seq == p.chunk.Seq-1 {
			return qi, true
		}
	}
	return 0, false
}

// methodName is a method and whose it is.
type methodName struct{ name, leader string }

// methodNames lists the methods the bank knows, with their leaders.
func (b *Bank) methodNames() []methodName { return b.mnames }

func (b *Bank) collectMethodNames() []methodName {
	var out []methodName
	seen := map[string]bool{}
	add := func(name, leader string) {
		k := normalize(name)
		if leader == "" || utf8.RuneCountInString(k) < 3 || seen[k] {
			return
		}
		seen[k] = true
		out = append(out, methodName{name, leader})
	}
	for _, mi := range b.m.methods {
		add(mi.Name, mi.Leader)
	}
	for _, nm := range b.named {
		add(nm.name, nm.leader)
	}
	return out
}

// firstSentences keeps the leading sentences of s within max runes.
func firstSentences(s string, max int) string {
	var out string
	for _, st := range splitSentences(s) {
		if out != "" && utf8.RuneCountInString(out+st) > max {
			break
		}
		out += st
	}
	return out
}

// neutralAll hides the leader's name and her places, so a scenario does
// not point at the article it comes from.
func (b *Bank) neutralAll(s, leader string) string {
	s = b.neutral(s, leader)
	for _, lf := range b.m.leaders {
		if lf.name != leader {
			continue
		}
		places := append([]string(nil), lf.places...)
		sort.Slice(places, func(i, j int) bool { return len(places[i]) > len(places[j]) })
		for _, pl := range places {
			repl := "这个社区"
			if strings.HasSuffix(pl, "街道") {
				repl = "这个街道"
			}
			s = strings.ReplaceAll(s, pl, repl)
		}
	}
	return s
}

// otherMethods lists method names of leaders other than leader, shuffled.
func (b *Bank) otherMethods(leader string, rng *rand.Rand) []string {
	var out []string
	for _, mn := range b.methodNames() {
		if mn.leader != leader {
			out = append(out, mn.name)
		}
	}
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// notInStem drops candidates the stem contains (they would give the
// answer away, or be ruled out at sight).
func notInStem(cands []string, stem string) []string {
	ns := normalize(stem)
	var out []string
	for _, c := range cands {
		if nc := normalize(c); nc != "" && !strings.Contains(ns, nc) {
			out = append(out, c)
		}
	}
	return out
}

func quoted(s string) string { return "“" + strings.Trim(s, "“”") + "”" }

func (b *Bank) buildApplication(s spec, rng *rand.Rand) (Question, bool) {
	mp := b.problems[s.idx]
	p := b.m.passages[mp.passage]
	if mp.sentence == "" {
		return Question{}, false
	}
	stem := "社区里遇到这样的情况：" + prettyPunct(mp.scenario) + "\n借鉴以下哪种做法更合适？"
	scen := prettyPunct(strings.TrimRight(mp.scenario, "。；;，,"))
	clause := isHeading(mp.problem) // a clause (针对独居老人多), not a whole sentence
	short := clause || utf8.RuneCountInString(scen) <= 60 && !strings.ContainsAny(scen, "。！？!?")
	switch {
	case mp.goal:
		stem = "社区想要" + scen + "，借鉴以下哪种做法更合适？"
	case short && (strings.HasPrefix(scen, "这个社区") || strings.HasPrefix(scen, "社区")):
		// 社区地处平江历史街区，古宅多… → 一个社区地处…
		stem = "一个社区" + strings.TrimPrefix(strings.TrimPrefix(scen, "这个社区"), "社区") + "，借鉴以下哪种做法更合适？"
	case clause, short && (strings.HasPrefix(scen, "辖区") || strings.HasPrefix(scen, "小区") || strings.HasPrefix(scen, "居民") || strings.HasPrefix(scen, "老旧")):
		stem = "社区里" + scen + "，借鉴以下哪种做法更合适？"
	}
	q := Question{
		Key:         fmt.Sprintf("%s|%s|%s", KindApplication, p.chunk.ID, normalize(mp.method)),
		Kind:        KindApplication,
		Text:        stem,
		Why:         "关于" + mp.leader + "的报道中，应对这一情况的做法是" + quoted(mp.method) + "。",
		Explanation: b.explain(mp.passage, mp.sentence),
		Citation:    b.citation(mp.passage),
	}
	cands := notInStem(b.otherMethods(mp.leader, rng), stem)
	return assemble(q, mp.method, pickUnsupported(cands, mp.method, p.norm, 3), rng)
}

// problemOption is a problem sentence short enough for an option, or ""
// when it names a leader (that would tell whose method it is).
func (b *Bank) problemOption(s string) string {
	s = strings.TrimSpace(prettyPunct(s))
	for _, lf := range b.m.leaders {
		for _, n := range append([]string{lf.name}, lf.aliases...) {
			if utf8.RuneCountInString(n) >= 2 && strings.Contains(s, n) {
				return ""
			}
		}
	}
	s = truncateUnits(s, 60)
	if countMarkers(s, problemMarkers) == 0 {
		return ""
	}
	return s
}

func (b *Bank) buildProblem(s spec, rng *rand.Rand) (Question, bool) {
	mp := b.problems[s.idx]
	p := b.m.passages[mp.passage]
	answer := b.problemOption(mp.problem)
	if answer == "" || mp.sentence == "" {
		return Question{}, false
	}
	var cands []string
	for _, o := range b.problems {
		if o.leader == mp.leader || o.goal != mp.goal {
			continue
		}
		if opt := b.problemOption(o.problem); opt != "" {
			cands = append(cands, opt)
		}
	}
	rng.Shuffle(len(cands), func(i, j int) { cands[i], cands[j] = cands[j], cands[i] })
	stem := quoted(mp.method) + "主要是为了解决什么问题？"
	why := "报道中，" + quoted(mp.method) + "针对的正是这一情况。"
	if mp.goal {
		stem = "按报道，" + quoted(mp.method) + "是为了什么？"
		why = "报道写明，" + quoted(mp.method) + "是为了" + answer + "。"
	}
	q := Question{
		Key:         fmt.Sprintf("%s|%s|%s", KindProblem, p.chunk.ID, normalize(mp.method)),
		Kind:        KindProblem,
		Text:        stem,
		Why:         why,
		Explanation: b.explain(mp.passage, mp.sentence),
		Citation:    b.citation(mp.passage),
	}
	return assemble(q, answer, pickUnsupported(notInStem(cands, stem), answer, p.norm, 3), rng)
}

// ordered reports an enumeration whose items are steps taken in turn: a
// named procedure (…工作法, …调解法, …机制, …流程), not a numbered list
// (一听、二看… tells its order by itself).
func ordered(e enumeration) bool {
	if e.label == "" || len(e.items) < 3 {
		return false
	}
	if !strings.HasSuffix(e.label, "工作法") && !strings.HasSuffix(e.label, "调解法") && !strings.HasSuffix(e.label, "流程") && !strings.HasSuffix(e.label, "机制") {
		return false
	}
	for _, it := range e.items {
		if r, _ := utf8.DecodeRuneInString(it); chineseDigits[r] != 0 {
			return false
		}
	}
	return true
}

// buildOrder asks which step comes first (s.item == 0) or which follows
// item s.item-1.
func (b *Bank) buildOrder(s spec, rng *rand.Rand) (Question, bool) {
	e := b.m.enums[s.idx]
	p := b.m.passages[e.passage]
	answer := e.items[s.item]
	var stem, why, after string
	if s.item == 0 {
		stem = "按报道，" + e.label + "的第一步是哪一项？"
		why = "原文依次列出" + e.label + "的各项，第一项是" + quoted(answer) + "。"
	} else {
		after = e.items[s.item-1]
		stem = "按报道，" + e.label + "中" + quoted(after) + "之后是哪一步？"
		why = "原文依次列出" + e.label + "的各项，" + quoted(after) + "之后是" + quoted(answer) + "。"
	}
	var others []string
	for i, it := range e.items {
		if i != s.item && it != after {
			others = append(others, it)
		}
	}
	rng.Shuffle(len(others), func(i, j int) { others[i], others[j] = others[j], others[i] })
	q := Question{
		Key:         fmt.Sprintf("%s|%s|%s|%d", KindOrder, p.chunk.ID, normalize(e.label), s.item),
		Kind:        KindOrder,
		Text:        stem,
		After:       after,
		Why:         why,
		Explanation: b.explain(e.passage, e.sentence),
		Citation:    b.citation(e.passage),
	}
	if len(others) > 3 {
		others = others[:3]
	}
	return assemble(q, answer, notInStem(others, stem), rng)
}
