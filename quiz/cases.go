package quiz

import (
	"sort"
	"strings"
	"unicode/utf8"
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

func countMarkers(s string, markers []string) int {
	n := 0
	for _, m := range markers {
		if strings.Contains(s, m) {
			n++
		}
	}
	return n
}

// Cases finds problem→solution passages on a topic (as for Generate; ""
// for any), best first, at most max (0: all). Scenario and Reveal are
// extractive: sentences of the passage, in the requested script.
func (b *Bank) Cases(topic, script string, max int) []Case {
	keep := b.topicFilter(topic)
	type scored struct {
		c     Case
		score int
		order int
	}
	var found []scored
	seen := map[string]bool{}
	for _, art := range b.articleSentences() {
		for i := 0; i < len(art); i++ {
			if !isProblem(art[i].text) || !keep(spec{passage: art[i].passage}) {
				continue
			}
			j, score := i, 0
			for j < len(art) && j-i < 3 && isProblem(art[j].text) && art[j].passage == art[i].passage {
				score += countMarkers(art[j].text, problemMarkers) + 2*countMarkers(art[j].text, strongMarkers)
				j++
			}
			k, acted, runes := j, false, 0
			var reveal []string
			for k < len(art) && k-j < 4 && runes < 220 {
				acted = acted || countMarkers(art[k].text, actionMarkers) > 0
				runes += utf8.RuneCountInString(art[k].text)
				reveal = append(reveal, art[k].text)
				k++
			}
			var scen []string
			for _, x := range art[i:j] {
				scen = append(scen, x.text)
			}
			leader := b.m.passages[art[i].passage].leader
			scenario := b.neutral(strings.Join(scen, ""), leader)
			if !acted || utf8.RuneCountInString(scenario) < 15 || seen[scenario] {
				i = j - 1
				continue
			}
			seen[scenario] = true
			found = append(found, scored{
				c: Case{
					Scenario:       convertScript(prettyPunct(scenario), script),
					Prompt:         convertScript("如果你是这位社区书记，你会怎么做？", script),
					Reveal:         convertScript(prettyPunct(strings.Join(reveal, "")), script),
					Leader:         convertScript(leader, script),
					Citation:       b.citation(art[i].passage),
					RevealCitation: b.citation(art[j].passage),
				},
				score: score, order: len(found),
			})
			i = k - 1
		}
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].score > found[j].score })
	var out []Case
	for _, f := range found {
		if max > 0 && len(out) == max {
			break
		}
		out = append(out, f.c)
	}
	return out
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

// isProblem: names a difficulty and does not yet tell the remedy.
func isProblem(s string) bool {
	return countMarkers(s, problemMarkers) > 0 && countMarkers(s, actionMarkers) == 0
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
