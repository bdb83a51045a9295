package core

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"bangyang/catalog"
	"bangyang/corpus"
	"bangyang/retrieval"
	"bangyang/zh"
)

// Methods lists the catalog's methods grouped by leader.
func (s *Service) Methods() []catalog.LeaderMethods {
	if s.o.Catalog == nil {
		return nil
	}
	return s.o.Catalog.MethodsByLeader()
}

// Leaders lists the catalog's leaders.
func (s *Service) Leaders() []catalog.Leader {
	if s.o.Catalog == nil {
		return nil
	}
	return s.o.Catalog.Leaders()
}

// FindMethod and FindLeader expose the catalog lookups (either script,
// fuzzy) to transports that offer close matches as buttons.
func (s *Service) FindMethod(name string) (catalog.Method, []catalog.Method, bool) {
	if s.o.Catalog == nil {
		return catalog.Method{}, nil, false
	}
	return s.o.Catalog.FindMethod(name)
}

func (s *Service) FindLeader(name string) (catalog.Leader, []catalog.Leader, bool) {
	if s.o.Catalog == nil {
		return catalog.Leader{}, nil, false
	}
	return s.o.Catalog.FindLeader(name)
}

// MethodSummary summarises one method: who made it and where, the problem
// it addressed, what it consists of, its results and how it is applied,
// every point cited. script is the asker's ("hans"/"hant"). When name
// matches no method confidently, the Answer is not grounded and
// Suggestions holds close matches.
func (s *Service) MethodSummary(ctx context.Context, chat, name, script string) (*Answer, error) {
	return s.methodSummary(ctx, chat, name, script, name)
}

// methodSummary is MethodSummary remembering asked as the turn's question.
func (s *Service) methodSummary(ctx context.Context, chat, name, script, asked string) (*Answer, error) {
	script = normScript(script, name)
	m, close, ok := s.FindMethod(name)
	if !ok {
		return s.notInCatalog(script, "方法", methodNames(close)), nil
	}
	b := newComposer(s, script)
	place := s.leaderPlace(m.Leader)
	head := m.Name
	if m.Leader != "" {
		head += "（" + m.Leader
		if place != "" {
			head += "，" + place
		}
		head += "）"
	}
	b.line(head)
	if m.Summary != "" {
		b.point("是什么", m.Summary, m.SummaryChunkID)
	}
	if len(m.Steps) > 0 {
		id := stepsChunk(s, m)
		steps := make([]string, len(m.Steps))
		for i, st := range m.Steps {
			steps[i] = s.originalForm(id, st)
		}
		b.point("步骤", strings.Join(steps, "、"), id)
	}
	// Results and practice often follow in the next passage.
	chunks := s.withNext(s.chunks(m.ChunkIDs))
	used := map[string]bool{m.Summary: true}
	b.best("解决的问题", chunks, problemRE, used, 1)
	b.best("成效", chunks, resultRE, used, 2)
	b.best("怎么做", chunks, practiceRE, used, 2)
	ans := b.answer()
	if s.o.Model != nil && len(chunks) > 0 {
		q := fmt.Sprintf("请总结“%s”这一工作方法：谁创立、在哪里、针对什么问题、包括哪些内容或步骤、取得了哪些成效（保留数字）、如何借鉴应用。", m.Name)
		if gen := s.generate(ctx, inScript(script, q), script, hitsOf(chunks), Conversation{}, nil); gen.Mode == ModeLLM && gen.Grounded {
			ans = gen
		}
	}
	s.remember(ctx, chat, asked, ans)
	return ans, nil
}

// LeaderProfile profiles one leader: who, where, role, honours, methods
// and key numbers, cited.
func (s *Service) LeaderProfile(ctx context.Context, chat, name, script string) (*Answer, error) {
	return s.leaderProfile(ctx, chat, name, script, name)
}

// leaderProfile is LeaderProfile remembering asked as the turn's question.
func (s *Service) leaderProfile(ctx context.Context, chat, name, script, asked string) (*Answer, error) {
	script = normScript(script, name)
	l, close, ok := s.FindLeader(name)
	if !ok {
		var names []string
		for _, c := range close {
			names = append(names, c.Name)
		}
		return s.notInCatalog(script, "人物", names), nil
	}
	b := newComposer(s, script)
	chunks := s.chunks(l.ChunkIDs)
	b.line(l.Name)
	intro := firstSentenceWith(chunks, []string{l.Name}, roleRE)
	if who := strings.TrimSpace(l.Place + " " + l.Role); who != "" {
		b.point("身份", who, intro.chunk)
	} else if intro.text != "" {
		b.point("简介", intro.text, intro.chunk)
	}
	if len(l.Honours) > 0 {
		h := firstSentenceWith(chunks, l.Honours, nil)
		b.point("荣誉", strings.Join(l.Honours, "；"), h.chunk)
	}
	for _, mn := range l.Methods {
		m, _, ok := s.FindMethod(mn)
		if !ok || m.Summary == "" {
			continue
		}
		b.point("方法 · "+m.Name, m.Summary, m.SummaryChunkID)
	}
	for i, f := range l.KeyFacts {
		if i == 3 {
			break
		}
		b.point("数字", f.Text, f.ChunkID)
	}
	ans := b.answer()
	if s.o.Model != nil && len(chunks) > 0 {
		q := fmt.Sprintf("请介绍%s：所在社区与职务、获得的荣誉、主要工作方法及其内容、关键数字。", l.Name)
		if gen := s.generate(ctx, inScript(script, q), script, hitsOf(firstN(chunks, 8)), Conversation{}, nil); gen.Mode == ModeLLM && gen.Grounded {
			ans = gen
		}
	}
	s.remember(ctx, chat, asked, ans)
	return ans, nil
}

var (
	problemRE  = regexp.MustCompile(`难|问题|矛盾|纠纷|脏乱差|诉求|不清|后进|落后|困难|隐患|短板|痛点|无人|失联|堵`)
	resultRE   = regexp.MustCompile(`满意率|成功率|\d+(\.\d+)?%|累计|解决.*\d|\d.*解决|覆盖|提升|获评|被评为|荣获|成为`)
	practiceRE = regexp.MustCompile(`坚持|建立|通过|组织|开展|推行|搭建|整合|实行|每[周月季年天]|定期|上门|引导|带领`)
	roleRE     = regexp.MustCompile(`书记|主任`)
)

// composer builds a cited summary: each point is a sentence with the [n]
// of its passage.
type composer struct {
	s      *Service
	script string
	b      strings.Builder
	hits   []retrieval.Hit
	num    map[string]int
}

func newComposer(s *Service, script string) *composer {
	return &composer{s: s, script: script, num: map[string]int{}}
}

func (c *composer) line(text string) {
	if c.b.Len() > 0 {
		c.b.WriteString("\n")
	}
	c.b.WriteString(text)
}

func (c *composer) plain(label, text string) {
	c.line("• " + label + "：" + strings.TrimSpace(text))
}

// point adds "• label：text[n]", citing chunkID.
func (c *composer) point(label, text, chunkID string) {
	text = strings.TrimSpace(text)
	if text == "" {
		return
	}
	n := c.cite(chunkID)
	if n == 0 {
		c.plain(label, text)
		return
	}
	c.line("• " + label + "：" + text + "[" + strconv.Itoa(n) + "]")
}

func (c *composer) cite(chunkID string) int {
	if chunkID == "" {
		return 0
	}
	if n, ok := c.num[chunkID]; ok {
		return n
	}
	ch, ok := c.s.chunk(chunkID)
	if !ok {
		return 0
	}
	c.hits = append(c.hits, retrieval.Hit{Chunk: ch})
	c.num[chunkID] = len(c.hits)
	return len(c.hits)
}

// best adds up to max sentences of chunks matching re, not used before.
func (c *composer) best(label string, chunks []corpus.Chunk, re *regexp.Regexp, used map[string]bool, max int) {
	n := 0
	for _, ch := range chunks {
		for _, sent := range splitSentences(ch.Text) {
			if n == max {
				return
			}
			if used[sent] || utf8.RuneCountInString(sent) < 12 || !re.MatchString(zh.ToSimplified(sent)) {
				continue
			}
			used[sent] = true
			c.point(label, sent, ch.ID)
			n++
		}
	}
}

func (c *composer) answer() *Answer {
	text, used := renumber(inScript(c.script, c.b.String()), len(c.hits))
	return &Answer{Text: text, Citations: citationsFor(used, c.hits, c.script), Grounded: len(used) > 0, Mode: ModeExtractive, Script: c.script}
}

func (s *Service) notInCatalog(script, kind string, close []string) *Answer {
	text := "资料中没有找到这个" + kind + "。"
	if len(close) > 0 {
		text += "您是不是要找：" + strings.Join(close, "、") + "？"
	}
	return &Answer{Text: inScript(script, text), Grounded: false, Mode: ModeExtractive, Script: script, Suggestions: close}
}

func methodNames(ms []catalog.Method) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Name)
	}
	return out
}

func (s *Service) leaderPlace(name string) string {
	if l, _, ok := s.FindLeader(name); ok {
		return l.Place
	}
	return ""
}

func (s *Service) chunk(id string) (corpus.Chunk, bool) {
	ch, ok := s.byID[id]
	return ch, ok
}

func (s *Service) chunks(ids []string) []corpus.Chunk {
	var out []corpus.Chunk
	for _, id := range ids {
		if ch, ok := s.byID[id]; ok {
			out = append(out, ch)
		}
	}
	return out
}

// withNext adds, after each chunk, the one that follows it in its article.
func (s *Service) withNext(cs []corpus.Chunk) []corpus.Chunk {
	seen := map[string]bool{}
	var out []corpus.Chunk
	add := func(c corpus.Chunk) {
		if !seen[c.ID] {
			seen[c.ID] = true
			out = append(out, c)
		}
	}
	for _, c := range cs {
		add(c)
		if next, ok := s.bySeq[seqKey{c.ArticleID, c.Seq + 1}]; ok {
			add(next)
		}
	}
	return out
}

// stepsChunk is the passage that spells out the steps.
func stepsChunk(s *Service, m catalog.Method) string {
	for _, ch := range s.chunks(m.ChunkIDs) {
		if len(m.Steps) > 0 && strings.Contains(ch.Norm, m.Steps[len(m.Steps)-1]) {
			return ch.ID
		}
	}
	return m.SummaryChunkID
}

// originalForm finds the Simplified phrase in the chunk and returns it as
// written in the article (the t2s conversion keeps character positions,
// so the same rune span of Text is the original).
func (s *Service) originalForm(chunkID, simplified string) string {
	ch, ok := s.chunk(chunkID)
	if !ok {
		return simplified
	}
	i := strings.Index(ch.Norm, simplified)
	if i < 0 {
		return simplified
	}
	start := utf8.RuneCountInString(ch.Norm[:i])
	n := utf8.RuneCountInString(simplified)
	text := []rune(ch.Text)
	if utf8.RuneCountInString(ch.Norm) != len(text) || start+n > len(text) {
		return simplified
	}
	return string(text[start : start+n])
}

type sentenceAt struct{ text, chunk string }

func firstSentenceWith(chunks []corpus.Chunk, names []string, re *regexp.Regexp) sentenceAt {
	for _, ch := range chunks {
		for _, sent := range splitSentences(ch.Text) {
			norm := zh.ToSimplified(sent)
			if re != nil && !re.MatchString(norm) {
				continue
			}
			for _, n := range names {
				if n != "" && strings.Contains(norm, zh.ToSimplified(n)) {
					return sentenceAt{sent, ch.ID}
				}
			}
		}
	}
	return sentenceAt{}
}

func hitsOf(chunks []corpus.Chunk) []retrieval.Hit {
	out := make([]retrieval.Hit, len(chunks))
	for i, c := range chunks {
		out[i] = retrieval.Hit{Chunk: c}
	}
	return out
}

func firstN(cs []corpus.Chunk, n int) []corpus.Chunk {
	if len(cs) > n {
		return cs[:n]
	}
	return cs
}

// normScript picks the reply script: the given one, else the text's,
// else Simplified.
func normScript(script, text string) string {
	if script == "hans" || script == "hant" {
		return script
	}
	if sc := zh.DetectScript(text); sc != "" {
		return sc
	}
	return "hans"
}

// remember records a summary as a turn so /sources and follow-ups work
// after it too.
func (s *Service) remember(ctx context.Context, chat, question string, ans *Answer) {
	if chat == "" {
		return
	}
	leader := dominantLeader(ans.Citations)
	norm := zh.ToSimplified(question)
	if ans.TurnID == "" {
		ans.TurnID = newTurnID()
	}
	s.appendTurn(ctx, chat, Turn{ID: ans.TurnID, Question: question, Query: question, Answer: ans.Text, Cited: ans.Citations, Grounded: ans.Grounded,
		Leader: leader, Leaders: nonEmpty(zh.ToSimplified(leader)), Methods: findKeys(norm, s.ents.methodKeys), Intent: IntentSummary,
		Shown: shownKeys(s, ans), At: s.o.Now()})
}
