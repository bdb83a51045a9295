package core

// Answers about the bot and the articles as a whole: a greeting, what the
// bot does, which secretaries and methods the articles cover.

import (
	"fmt"
	"regexp"
	"strings"
)

// planChat answers a greeting, thanks or a question about the bot: what
// it does and what to ask, with examples from these articles.
func (p *planner) planChat() *draft {
	if thanksRE.MatchString(p.q.Norm) {
		return &draft{lead: "不客气！还想了解哪位书记、哪个方法，随时问我。"}
	}
	d := &draft{lead: "您好！我是“榜样”，根据社区书记事迹报道回答工作方法方面的问题，并给出引用的原文。"}
	also := "可以问"
	if ex := p.s.exampleMethod(); ex != "" {
		d.add(item{plain: "可以问：“什么是" + ex + "？”"})
		also = "也可以问"
	}
	d.add(item{plain: also + "：“我们社区老年人多，可以借鉴哪位书记的经验？”或“两位书记的做法有什么不同？”"})
	if names := p.s.leaderNames(3); len(names) > 0 {
		d.add(item{plain: "资料中的书记有" + strings.Join(names, "、") + "等，发送 /leaders 查看全部。"})
	}
	return d
}

// thanksRE is a thank-you (谢谢, 多谢, 辛苦了).
var thanksRE = regexp.MustCompile(`谢谢|多谢|感谢|谢了|辛苦了|thank`)

// planList answers which secretaries (or methods) the articles cover.
func (p *planner) planList() *draft {
	d := &draft{}
	if strings.Contains(p.q.Norm, "方法") {
		groups := p.s.Methods()
		n := 0
		for _, g := range groups {
			n += len(g.Methods)
		}
		if n == 0 {
			d.refused = true
			return d
		}
		d.lead = fmt.Sprintf("资料中整理出%d位书记的%d个工作方法，例如：", len(groups), n)
		for i, g := range groups {
			if i == maxCoverageNames {
				break
			}
			var names []string
			for _, m := range g.Methods[:min(3, len(g.Methods))] {
				names = append(names, "“"+strings.Trim(m.Name, "“”")+"”")
			}
			d.add(item{label: g.Leader.Name, plain: strings.Join(names, "、")})
		}
		d.tail = "发送 /methods 按书记浏览全部。"
		return d
	}
	cover := p.s.coverage()
	if cover == "" {
		d.refused = true
		return d
	}
	d.lead = "资料中介绍的社区书记有：" + cover + "。"
	d.tail = "发送 /leaders 查看名录，或直接问某位书记的工作方法。"
	return d
}

// leaderNames are the first n secretaries of the articles.
func (s *Service) leaderNames(n int) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range s.o.Articles {
		if m.Leader != "" && !seen[m.Leader] && len(out) < n {
			seen[m.Leader] = true
			out = append(out, m.Leader)
		}
	}
	return out
}
