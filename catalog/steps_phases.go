package catalog

import (
	"bangyang/zh"
	"regexp"
	"strings"
	"unicode/utf8"
)

// A method told over paragraphs by time, with no step names: 事前，…/
// 事中，…/事后，… (会前…会中…会后, 开始时…过程中…结束后, 接到诉求后先…/
// 随后…/办结后…). Each paragraph is one stage of the method; its opening
// time phrase is the stage's name and its sentences the stage's procedure.

// rePhaseOpen is a paragraph's opening time phrase and the comma after it:
// a short stem with a time word (会前, 开始时, 过程中, 办结后, 在会中), or an
// adverb of sequence (随后, 接着, 最后).
var rePhaseOpen = regexp.MustCompile(`^(?:在)?((?:\p{Han}{1,6}?(?:之前|以前|前|之初|伊始|时|之中|过程中|中|期间|之后|以后|后))|随后|然后|接着|紧接着|其后|此后|之后|最后|最终)(?:,|,?\p{Han}{0,6}?先)`)

// rePhaseNamed opens a stage named by its time and what is done in it,
// then a comma or colon (事前摸排，… / 事中调处：… / 会后督办，…).
var rePhaseNamed = regexp.MustCompile(`^(\p{Han}{1,2}(?:前|中|后))(\p{Han}{2,4})[,:]`)

// rePhaseHead is a heading naming a stage by its time (会前, 事前预防,
// 活动结束后), its subtitle cut by headLabel.
var rePhaseHead = regexp.MustCompile(`^(\p{Han}{1,6}?(?:之前|以前|前|之初|之中|过程中|中|期间|之后|以后|后))(\p{Han}{0,4})$`)

// Which part of a method's time a phrase tells: 0 before or at its start,
// 1 while it goes on, 2 after; -1 an adverb of sequence, which only
// follows another stage.
func phaseOf(p string) int {
	switch {
	case p == "随后" || p == "然后" || p == "接着" || p == "紧接着" || p == "其后" || p == "此后" || p == "之后":
		return -1
	case p == "最后" || p == "最终":
		return 2
	case strings.HasSuffix(p, "前") || strings.HasSuffix(p, "之初") || strings.HasSuffix(p, "伊始") || strings.Contains(p, "开始") || strings.Contains(p, "接到") || strings.Contains(p, "收到"):
		return 0
	case strings.HasSuffix(p, "中") || strings.HasSuffix(p, "期间") || strings.HasSuffix(p, "时"):
		return 1
	}
	return 2 // …后, 之后, 以后
}

// rePhaseLife marks a life or a year told in order (刚到社区时, 上任后,
// 2019年后), not a method's stages.
var rePhaseLife = regexp.MustCompile(`书记|主任|担任|上任|到任|调任|调到|来到|到社区|毕业|退休|出生|当选|年|月|疫情|小时候`)

// rePhaseLead is a short sentence leading in the stages (分三个阶段进行,
// 流程是这样的, 分为三步).
var rePhaseLead = regexp.MustCompile(`^\p{Han}{0,12}“?\p{Han}{0,8}”?\p{Han}{0,4}(?:分|有)(?:[两二三四五六七八九十]个?)?(?:阶段|环节|步|步骤)(?:进行|走|来做|推进)?[。:]$|流程(?:是|如下)[^,]{0,6}[。:]$`)

// phaseRun is the run of stages after the naming (in sentence from, past
// end) telling a method by time: the sentence opening each, and its
// phrase. Stages open paragraphs (事前，… / 事中，… / 事后，…), or follow one
// another inside the naming's paragraph or a lead-in's (…“三段式调解法”：
// 事前，…；事中，…；事后，… / 推行“闭环议事法”。会前，…。会中，…); the body
// of a stage opening its paragraph is its paragraph's other sentences.
//
// everywhere: any sentence may open a stage (接到诉求后，…先…。随后，…。
// 办结后，…。 in one paragraph after the naming's).
func phaseRun(a *article, from, end int, everywhere bool) (starts []int, phrases []string) {
	open := func(t string) (string, bool) {
		t = strings.TrimLeft(t, "“”:, ")
		m := rePhaseOpen.FindStringSubmatch(t)
		if m == nil {
			if m = rePhaseNamed.FindStringSubmatch(t); m != nil {
				m[1] += "|" + m[2] // its time, and its name
			}
		}
		if m == nil || rePhaseLife.MatchString(m[1]) || zh.HanCount(t[len(m[0]):]) < 8 {
			return "", false
		}
		return m[1], true
	}
	if end >= 0 && end <= len(a.sentences[from].norm) {
		if ph, ok := open(a.sentences[from].norm[end:]); ok {
			starts, phrases = append(starts, from), append(phrases, ph)
		}
	}
	inline := a.sentences[from].para // the paragraph whose every sentence may open a stage
	skipped := 0                     // paragraphs of setting before the first stage
	headed := false                  // the stages are headings (▌会前：征集议题), their bodies under them
	for i := from + 1; i < len(a.sentences) && len(starts) < 6; i++ {
		s := a.sentences[i]
		if s.heading || headLike(a, i) {
			label, _ := headLabel(s.norm)
			if m := rePhaseHead.FindStringSubmatch(label); m != nil && !rePhaseLife.MatchString(m[1]) && (headed || len(starts) == 0) {
				ph := m[1]
				if m[2] != "" {
					ph += "|" + m[2]
				}
				starts, phrases, headed = append(starts, i), append(phrases, ph), true
				continue
			}
			break
		}
		if headed {
			continue // a stage's body, under its heading
		}
		first := a.sentences[i-1].para != s.para
		if !first && s.para != inline && !everywhere {
			continue // a stage's body
		}
		ph, ok := open(s.norm)
		switch {
		case ok:
			starts, phrases = append(starts, i), append(phrases, ph)
			if first {
				inline = -1
			}
		case first && len(starts) == 0 && rePhaseLead.MatchString(s.norm):
			inline = s.para // “邻里节”分三个阶段进行。开始时，…
		case first && len(starts) == 0 && skipped < 2:
			skipped++
		case first:
			return starts, phrases
		}
	}
	return starts, phrases
}

// phaseSteps: the paragraphs after the sighting's tell the method by
// time — two to five stages in order, the first before or at its start
// (事前, 会前, 开始时, 接到诉求后), the last after it (事后, 会后, 结束后,
// 最后), those between while it goes on or following on (事中, 随后);
// or stages of one stem (会前, 会中, 会后) — as many as a numbered name
// counts.
func phaseSteps(a *article, c candidate) []string {
	starts, phrases := phaseRun(a, c.sent, c.end, false)
	if st := phaseStepsOf(c.name, phrases, len(starts)); st != nil {
		return st
	}
	starts, phrases = phaseRun(a, c.sent, c.end, true)
	return phaseStepsOf(c.name, phrases, len(starts))
}

func phaseStepsOf(name string, phrases []string, n int) []string {
	if n < 2 {
		return nil
	}
	// A stage named by its time and doing (事前|摸排) is named so; all of
	// them are then of one stem (事前摸排, 事中调处, 事后回访).
	var names []string
	named := false
	for i, p := range phrases {
		t, nm, ok := strings.Cut(p, "|")
		named = named || ok
		phrases[i] = t
		names = append(names, t+nm)
	}
	seen := map[string]bool{}
	for _, p := range phrases {
		if seen[p] {
			return nil
		}
		seen[p] = true
	}
	if v, _, ok := numericShorthand(key(name)); ok && v != n {
		return nil
	}
	first, last := phaseOf(phrases[0]), phaseOf(phrases[n-1])
	// A stem told in its stages (会前, 会中, 会后).
	stem := func(p string) string {
		for _, suf := range []string{"之前", "以前", "之中", "之后", "以后", "前", "中", "后"} {
			if strings.HasSuffix(p, suf) {
				return strings.TrimSuffix(p, suf)
			}
		}
		return ""
	}
	same := stem(phrases[0]) != ""
	for _, p := range phrases {
		same = same && stem(p) == stem(phrases[0])
	}
	if same && first == 0 && last == 2 {
		return names
	}
	if named {
		return nil
	}
	// Else an order: a start (or an event the method begins with, 接到诉求后),
	// then what goes on, then what comes after; three at least.
	if n < 3 || first == -1 || last != 2 {
		return nil
	}
	prev := first
	if first == 2 && !strings.HasPrefix(phrases[0], "接到") && !strings.HasPrefix(phrases[0], "收到") && utf8.RuneCountInString(phrases[0]) < 3 {
		return nil
	}
	if first == 2 {
		prev = 0
	}
	for _, p := range phrases[1:] {
		ph := phaseOf(p)
		if ph == -1 {
			continue
		}
		if ph < prev {
			return nil
		}
		prev = ph
	}
	return phrases
}
