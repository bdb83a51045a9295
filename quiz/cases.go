package quiz

import (
	"sort"
	"strings"
	"unicode/utf8"

	"bangyang/zh"
)

// Case is a real situation from an article for group discussion: first
// the problem alone, then how the leader handled it.
type Case struct {
	Scenario string   `json:"scenario"` // the problem sentences, leader's name neutralised
	Prompt   string   `json:"prompt"`   // the discussion question
	Reveal   string   `json:"reveal"`   // what the leader did, verbatim sentences
	Leader   string   `json:"leader"`
	Citation Citation `json:"citation"` // the passage of the scenario
	// RevealCitation is the passage the reveal starts in: the same, or the
	// article's next chunk when the story runs on.
	RevealCitation Citation `json:"reveal_citation"`
}

var (
	// problemMarkers say a sentence describes a difficulty.
	problemMarkers = []string{
		"难题", "难度", "难以", "问题", "矛盾", "纠纷", "脏乱差", "无人管", "无人问津",
		"混乱", "失联", "没有物业", "无物业", "堵塞", "瓶颈", "涣散", "薄弱", "不方便", "怨气", "无序",
		"异味", "乱停", "狭窄", "缺水", "缺人", "缺资金", "落后", "后进", "漏水", "不规范", "反对",
		"质疑", "闭门羹", "心头病", "烫手山芋", "老死不相往来", "不专业", "一盘散沙", "不想", "不愿",
	}
	// strongMarkers are concrete troubles that make good discussion cases.
	strongMarkers = []string{"脏乱差", "失联", "没有物业", "无物业", "堵塞", "纠纷", "乱停", "无人管", "涣散", "狭窄", "漏水", "怨气"}
	// actionMarkers say a sentence tells what was done about it.
	actionMarkers = []string{
		"推行", "建立", "组建", "成立", "开展", "探索", "实行", "协调", "整治", "改造", "推动", "上门",
		"走访", "找回", "解决", "化解", "总结", "打造", "如今", "经过", "主动", "带领", "提出", "发起",
		"借鉴", "请来", "升级", "申请", "建议", "整合", "规范化",
	}
)

var (
	// situationMarkers say a sentence sets the scene before anything was
	// done: a good start for a case.
	situationMarkers = []string{"刚到", "刚进", "上任", "任职", "之前", "过去", "曾", "几年前", "一直", "面临", "长期", "当时", "起初"}
	// notSituation marks sentences that are slogans, promises or outcomes
	// rather than a problem to discuss.
	notSituation = []string{"不仅", "破解", "有效", "凝聚了", "承诺", "要在", "要从", "要把", "摘掉", "发挥", "实现了", "得到了", "提升", "减少了", "解决了", "成为", "实现",
		"修好", "很少", "办好", "完成", "光荣", "敢想", "被调", "热情", "记者", "说,", "说，", "说:", "说：", "说道", "年来", "当选", "荣获", "都要", "必须", "坚持"}
	// caseSynonyms widen a problem keyword (邻里矛盾 also finds 邻里纠纷).
	caseSynonyms = map[string][]string{"矛盾": {"纠纷", "隔阂", "冲突"}, "纠纷": {"矛盾"}, "停车": {"乱停"}, "物业": {"无物业"},
		"难": {"问题", "难题", "难以"}, "乱": {"乱停", "混乱", "无序"}, "差": {"脏乱差"}}
)

func countMarkers(s string, markers []string) int {
	n := 0
	for _, m := range markers {
		if strings.Contains(s, m) {
			n++
		}
	}
	return n
}

// caseCand is a case before rendering.
type caseCand struct {
	scenPassage, revPassage int
	scenario, reveal        string // Simplified
	leader                  string
	score                   int
}

// Cases finds real problems the articles describe and how they were
// handled, on a topic — a leader, a method or a problem keyword; "" for
// any — best first, at most max (0: all). A scenario is the situation
// before anything was done, without the leader's name or the method's;
// the reveal is what was done. Both are sentences of the articles, in the
// requested script. The catalog's method records (problem, how) come
// first when they are filled.
func (b *Bank) Cases(topic string, script zh.Script, max int) []Case {
	cands := append(b.recordCases(), b.textCases()...)
	match := b.caseTopic(topic)
	type scored struct {
		c     caseCand
		score int
	}
	var found []scored
	seen := map[string]bool{}
	for _, c := range cands {
		ok, bonus := match(c)
		if !ok || seen[c.scenario] {
			continue
		}
		seen[c.scenario] = true
		found = append(found, scored{c, c.score + bonus})
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].score > found[j].score })
	var out []Case
	for _, f := range found {
		if max > 0 && len(out) == max {
			break
		}
		c := f.c
		out = append(out, Case{
			Scenario:       script.Convert(prettyPunct(c.scenario)),
			Prompt:         script.Convert("如果你是这位社区书记，你会怎么做？"),
			Reveal:         script.Convert(prettyPunct(c.reveal)),
			Leader:         script.Convert(c.leader),
			Citation:       b.citation(c.scenPassage),
			RevealCitation: b.citation(c.revPassage),
		})
	}
	return out
}

// textCases finds problem → remedy runs of sentences in the articles.
func (b *Bank) textCases() []caseCand {
	var out []caseCand
	for _, art := range b.articleSentences() {
		for i := 0; i < len(art); i++ {
			first := art[i].text
			var scen []string
			var reveal []string
			j := i
			if head, tail, ok := b.splitProblem(first); ok {
				// One sentence tells both: …常出现矛盾纠纷，书记走访调查后，实行…
				scen, reveal, j = []string{head}, []string{tail}, i+1
			} else if b.isProblem(first) {
				for j < len(art) && j-i < 3 && b.isProblem(art[j].text) && art[j].passage == art[i].passage {
					scen = append(scen, art[j].text)
					j++
				}
			} else {
				continue
			}
			score := 0
			for _, s := range scen {
				score += countMarkers(s, problemMarkers) + 2*countMarkers(s, strongMarkers) + 2*countMarkers(s, situationMarkers)
			}
			k, acted, runes := j, len(reveal) > 0 && countMarkers(reveal[0], actionMarkers) > 0, 0
			for _, r := range reveal {
				runes += utf8.RuneCountInString(r)
			}
			for k < len(art) && k-j < 4 && runes < 220 {
				acted = acted || countMarkers(art[k].text, actionMarkers) > 0
				runes += utf8.RuneCountInString(art[k].text)
				reveal = append(reveal, art[k].text)
				k++
			}
			leader := b.m.passages[art[i].passage].leader
			scenario := b.neutralAll(strings.Join(scen, ""), leader)
			if !acted || utf8.RuneCountInString(scenario) < 15 || b.namesMethod(scenario) {
				continue
			}
			rp := art[i].passage
			if j < len(art) {
				rp = art[j].passage
			}
			out = append(out, caseCand{scenPassage: art[i].passage, revPassage: rp, scenario: scenario,
				reveal: strings.Join(reveal, ""), leader: leader, score: score})
			i = k - 1
		}
	}
	return out
}

// recordCases are cases from the catalog's method records: the problem a
// method answers, then how it is carried out.
func (b *Bank) recordCases() []caseCand {
	byChunk := map[string]int{}
	for pi, p := range b.m.passages {
		byChunk[p.chunk.ID] = pi
	}
	var out []caseCand
	for _, mi := range b.m.methods {
		how := mi.How
		if len(how) == 0 {
			for _, st := range mi.Procedure {
				how = append(how, st...)
			}
		}
		if len(mi.Problem) == 0 || len(how) == 0 {
			continue
		}
		sp, ok1 := byChunk[mi.Problem[0].ChunkID]
		rp, ok2 := byChunk[how[0].ChunkID]
		if !ok1 || !ok2 {
			continue
		}
		var scen, rev []string
		for _, q := range mi.Problem {
			t := zh.ToSimplified(q.Text)
			if c := purposeClause(t); c != "" {
				// 面对…的实际，她… → the situation alone.
				t = "社区面对的情况是：" + c + "。"
			}
			if utf8.RuneCountInString(strings.Join(scen, "")) < 200 {
				scen = append(scen, t)
			}
		}
		for _, q := range how {
			if utf8.RuneCountInString(strings.Join(rev, "")) < 300 {
				rev = append(rev, zh.ToSimplified(q.Text))
			}
		}
		leader := b.m.passages[sp].leader
		scenario := b.neutralAll(strings.Join(scen, ""), leader)
		if utf8.RuneCountInString(scenario) < 15 || b.namesMethod(scenario) {
			continue
		}
		out = append(out, caseCand{scenPassage: sp, revPassage: rp, scenario: scenario, reveal: strings.Join(rev, ""),
			leader: leader, score: 15})
	}
	return out
}

// caseTopic resolves a topic for cases: a leader's cases; a method's
// (in its article, those whose remedy names it first); or cases whose text
// or passages contain a problem keyword (邻里矛盾: 邻里 and 矛盾 or a
// synonym such as 纠纷).
func (b *Bank) caseTopic(topic string) func(caseCand) (bool, int) {
	t := normalize(topic)
	if t == "" {
		return func(caseCand) (bool, int) { return true, 0 }
	}
	if name, ok := b.leaderOf(t); ok {
		return func(c caseCand) (bool, int) { return b.m.passages[c.scenPassage].leader == name, 0 }
	}
	if mi, ok := b.methodOf(t); ok {
		names := []string{normalize(mi.Name)}
		for _, a := range mi.Aliases {
			if na := normalize(a); utf8.RuneCountInString(na) >= 2 {
				names = append(names, na)
			}
		}
		return func(c caseCand) (bool, int) {
			sp := b.m.passages[c.scenPassage]
			if (mi.ArticleID != "" && sp.chunk.ArticleID != mi.ArticleID) || (mi.ArticleID == "" && sp.leader != mi.Leader) {
				return false, 0
			}
			rev := normalize(c.reveal)
			for _, n := range names {
				if strings.Contains(rev, n) {
					return true, 30
				}
			}
			for _, n := range names {
				if strings.Contains(b.m.passages[c.revPassage].norm, n) || strings.Contains(sp.norm, n) {
					return true, 10
				}
			}
			return true, 0
		}
	}
	pieces := keywordPieces(t)
	return func(c caseCand) (bool, int) {
		text := normalize(c.scenario + c.reveal)
		if strings.Contains(text, t) {
			return true, 20
		}
		if allPieces(text, pieces) {
			return true, 10
		}
		return allPieces(b.m.passages[c.scenPassage].norm+b.m.passages[c.revPassage].norm, pieces), 0
	}
}

// keywordPieces splits a problem keyword of four or more characters into
// two-character pieces (邻里矛盾 → 邻里, 矛盾).
func keywordPieces(t string) []string {
	rs := []rune(t)
	if len(rs) == 3 {
		return []string{string(rs[:2]), string(rs[2:])} // 停车难 → 停车, 难
	}
	if len(rs) < 4 {
		return []string{t}
	}
	var out []string
	for i := 0; i+1 < len(rs); i += 2 {
		out = append(out, string(rs[i:i+2]))
	}
	if len(rs)%2 == 1 {
		out = append(out, string(rs[len(rs)-2:]))
	}
	return out
}

func allPieces(text string, pieces []string) bool {
	for _, p := range pieces {
		ok := strings.Contains(text, p)
		for _, syn := range caseSynonyms[p] {
			ok = ok || strings.Contains(text, syn)
		}
		if !ok {
			return false
		}
	}
	return true
}

// leaderOf finds the leader a normalised topic names.
func (b *Bank) leaderOf(t string) (string, bool) {
	for _, lf := range b.m.leaders {
		for _, n := range append([]string{lf.name}, lf.aliases...) {
			nn := normalize(n)
			if utf8.RuneCountInString(nn) >= 2 && (strings.Contains(t, nn) || strings.Contains(nn, t) && utf8.RuneCountInString(t) >= 2) {
				return lf.name, true
			}
		}
	}
	return "", false
}

// methodOf finds the catalog method a normalised topic names.
func (b *Bank) methodOf(t string) (MethodInfo, bool) {
	if utf8.RuneCountInString(t) < 2 {
		return MethodInfo{}, false
	}
	for _, mi := range b.m.methods {
		for _, n := range append([]string{mi.Name}, mi.Aliases...) {
			nn := normalize(n)
			if utf8.RuneCountInString(nn) >= 2 && (nn == t || strings.Contains(t, nn) || utf8.RuneCountInString(t) >= 3 && strings.Contains(nn, t)) {
				return mi, true
			}
		}
	}
	return MethodInfo{}, false
}

// namesMethod reports whether text names one of the methods (a scenario
// that does would give the answer away).
func (b *Bank) namesMethod(text string) bool {
	n := normalize(text)
	for _, mi := range b.m.methods {
		if nn := normalize(mi.Name); utf8.RuneCountInString(nn) >= 3 && strings.Contains(n, nn) {
			return true
		}
	}
	for _, nm := range b.named {
		if nn := normalize(nm.name); utf8.RuneCountInString(nn) >= 3 && strings.Contains(n, nn) {
			return true
		}
	}
	return false
}

type located struct {
	text    string
	passage int
}

// articleSentences lists each article's sentences in chunk order, so a
// story that runs over a chunk boundary stays whole.
func (b *Bank) articleSentences() [][]located {
	byArticle := map[string][]int{}
	var order []string
	for pi, p := range b.m.passages {
		id := p.chunk.ArticleID
		if _, ok := byArticle[id]; !ok {
			order = append(order, id)
		}
		byArticle[id] = append(byArticle[id], pi)
	}
	var out [][]located
	for _, id := range order {
		ps := byArticle[id]
		sort.SliceStable(ps, func(i, j int) bool { return b.m.passages[ps[i]].chunk.Seq < b.m.passages[ps[j]].chunk.Seq })
		var art []located
		for _, pi := range ps {
			for _, s := range b.m.passages[pi].sentences {
				art = append(art, located{text: s, passage: pi})
			}
		}
		if len(art) > 0 {
			out = append(out, art)
		}
	}
	return out
}

// isProblem: a sentence that describes a difficulty as it was — not a
// heading, slogan, promise or outcome, and not yet the remedy.
func (b *Bank) isProblem(s string) bool {
	return countMarkers(s, problemMarkers) > 0 && countMarkers(s, actionMarkers) == 0 &&
		countMarkers(s, notSituation) == 0 && !isHeading(s)
}

// splitProblem cuts a sentence that tells a problem and then its remedy
// (…常出现矛盾纠纷，书记带着我们走访调查后，实行统筹管理…) at the first
// clause that acts.
func (b *Bank) splitProblem(s string) (problem, remedy string, ok bool) {
	if countMarkers(s, problemMarkers) == 0 || countMarkers(s, actionMarkers) == 0 || isHeading(s) {
		return "", "", false
	}
	cut := -1
	for i, r := range s {
		if r != '，' && r != ',' && r != '；' && r != ';' {
			continue
		}
		rest := s[i+utf8.RuneLen(r):]
		next := rest
		if k := strings.IndexAny(rest, "，,；;。"); k >= 0 {
			next = rest[:k]
		}
		if countMarkers(next, actionMarkers) > 0 {
			cut = i
			break
		}
	}
	if cut < 0 {
		return "", "", false
	}
	head := strings.TrimLeft(s[:cut], "“”\"")
	if countMarkers(head, problemMarkers) == 0 || countMarkers(head, actionMarkers) > 0 || countMarkers(head, notSituation) > 0 || utf8.RuneCountInString(head) < 15 {
		return "", "", false
	}
	_, size := utf8.DecodeRuneInString(s[cut:])
	return head + "。", strings.TrimSpace(s[cut+size:]), true
}

// isHeading reports a line that does not end a sentence (a section
// heading or caption): no terminal punctuation before closing quotes.
func isHeading(s string) bool {
	t := strings.TrimRight(strings.TrimSpace(s), "”’」』）)\"'")
	if t == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune("。！？!?；;…", r)
}

// neutral hides who the leader is, so the scenario does not hint at the
// article (and its remedy).
func (b *Bank) neutral(s, leader string) string {
	names := []string{leader}
	for _, lf := range b.m.leaders {
		if lf.name == leader {
			names = append(names, lf.aliases...)
		}
	}
	sort.Slice(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	for _, n := range names {
		if utf8.RuneCountInString(n) >= 2 {
			s = strings.ReplaceAll(s, n, "这位书记")
		}
	}
	return s
}
