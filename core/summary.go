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
	"bangyang/search"
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
func (s *Service) MethodSummary(ctx context.Context, chat, name string, script zh.Script) (*Answer, error) {
	return s.methodSummary(ctx, chat, name, script, name)
}

// methodSummary is MethodSummary remembering asked as the turn's question.
func (s *Service) methodSummary(ctx context.Context, chat, name string, script zh.Script, asked string) (*Answer, error) {
	script = normScript(script, name)
	m, close, ok := s.FindMethod(name)
	if !ok {
		return s.notInCatalog(script, "方法", methodNames(close)), nil
	}
	b := newComposer(s, script)
	b.limit = summaryMaxRunes
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
	writeMethodRecord(b, m)
	// The model, when there is one, reads the passages and the ones after.
	chunks := s.withNext(s.chunks(m.ChunkIDs))
	ans := b.answer()
	if s.o.Model != nil && len(chunks) > 0 {
		q := fmt.Sprintf("请总结“%s”这一工作方法：谁创立、在哪里、针对什么问题、包括哪些内容或步骤、取得了哪些成效（保留数字）、如何借鉴应用。", m.Name)
		if gen := s.generate(ctx, script.Convert(q), script, hitsOf(chunks), Conversation{}, nil); gen.Mode == ModeLLM && gen.Grounded {
			ans = gen
		}
	}
	s.remember(ctx, chat, asked, ans)
	return ans, nil
}

// summaryMaxRunes bounds a method summary: lists are cut, a sentence never.
const summaryMaxRunes = 700

// notExpanded marks a slot the article says nothing about.
const notExpanded = "文中未展开"

// writeMethodRecord renders a method's record: what it is (its
// definition), the problem it answers, its steps each with the sentences
// carrying it out (or how it is done), and its results, each cited; a slot
// the article leaves empty says 文中未展开, and a method the article only
// names says so once.
func writeMethodRecord(b *composer, m catalog.Method) {
	def, defChunk := m.Summary, m.SummaryChunkID
	if m.Definition != nil {
		def, defChunk = m.Definition.Text, m.Definition.ChunkID
	}
	if m.Unexpanded {
		// The sentence only names it: say so rather than pass it off as a definition.
		if t := cleanQuote(def); t != "" {
			b.point("文中提及", t, defChunk)
		}
		b.line("• 具体做法：" + notExpanded + "（文章只提到了这一方法的名称）")
		return
	}
	if t := cleanQuote(def); t != "" {
		b.used[t] = true
		b.point("是什么", t, defChunk)
	}
	b.quotes("解决的问题", m.Problem, 1)
	switch {
	case len(m.Steps) > 0 && hasProcedure(m):
		b.line("• 步骤：")
		for i, st := range m.Steps {
			prefix := "  " + strconv.Itoa(i+1) + ". " + st + "："
			shown := false
			if i < len(m.Procedure) {
				for _, q := range m.Procedure[i] {
					t := cleanQuote(q.Text)
					if t == "" || b.used[t] {
						continue
					}
					if b.indented(prefix, withoutStep(t, st), q.ChunkID) {
						b.used[t] = true
						shown = true
					}
					break // one sentence per step keeps the summary short
				}
			}
			if !shown && b.fits(prefix+notExpanded) {
				b.line(prefix + notExpanded)
			}
		}
	case len(m.Steps) > 0:
		b.point("步骤", strings.Join(m.Steps, "、"), defChunk)
		if len(m.How) > 0 {
			b.quotes("怎么做", m.How, 2)
		}
	default:
		b.quotes("怎么做", m.How, 2)
	}
	b.quotes("成效", m.Results, 2)
}

// withoutStep drops the step's own name opening its sentence (问需于民：社区
// 干部每月… → 社区干部每月…), which the line already shows.
func withoutStep(sentence, step string) string {
	simp := []rune(zh.ToSimplified(sentence))
	st := []rune(zh.ToSimplified(step))
	rs := []rune(sentence)
	if len(simp) != len(rs) || len(rs) <= len(st)+1 || string(simp[:len(st)]) != string(st) {
		return sentence
	}
	switch simp[len(st)] {
	case '：', ':', '，', ',':
		if rest := strings.TrimSpace(string(rs[len(st)+1:])); utf8.RuneCountInString(rest) >= 6 {
			return rest
		}
	}
	return sentence
}

func hasProcedure(m catalog.Method) bool {
	for _, p := range m.Procedure {
		if len(p) > 0 {
			return true
		}
	}
	return false
}

// methodLine is a method's one line in a leader's profile: its steps when
// it has them, else its definition when short, else its name alone.
func methodLine(m catalog.Method) string {
	if len(m.Steps) > 0 && len(m.Steps) <= 6 {
		return strings.Join(m.Steps, "、")
	}
	def := m.Summary
	if m.Definition != nil {
		def = m.Definition.Text
	}
	def = cleanQuote(def)
	if utf8.RuneCountInString(def) <= 80 {
		return def
	}
	if m.Unexpanded {
		return notExpanded
	}
	return "" // the name alone; its summary tells the rest
}

func methodLineChunk(m catalog.Method) string {
	if m.Definition != nil {
		return m.Definition.ChunkID
	}
	return m.SummaryChunkID
}

// reArticleMarker matches an article's own reference markers ([4], [2-3],
// [注1]), which must never reach the citation renumbering.
var reArticleMarker = regexp.MustCompile(`\[(?:注)?\d+(?:[-–,，]\d+)*\]`)

// cleanQuote prepares a quoted sentence for display: no article markers,
// no leading punctuation; a table-of-contents line (1 人物经历) is no
// sentence and is dropped.
func cleanQuote(s string) string {
	s = reArticleMarker.ReplaceAllString(s, "")
	s = strings.ReplaceAll(s, "**", "") // a Markdown bold label's marks
	s = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(s), ",、:;，：；"))
	if reTOCLine.MatchString(s) {
		return ""
	}
	return corpus.TrimListMark(s)
}

// reTOCLine is a contents line: a number and a short heading.
var reTOCLine = regexp.MustCompile(`^\d+(?:\.\d+)*\s*\S{1,12}$`)

// composer builds a cited summary: each point is a sentence with the [n]
// of its passage.
type composer struct {
	s      *Service
	script zh.Script
	b      strings.Builder
	hits   []search.Hit
	num    map[string]int
	used   map[string]bool // sentences shown, so none is shown twice
	limit  int             // runes; 0 = none. Lines that would pass it are left out whole.
	// reserve is room a summary keeps for lines still to come.
	reserve int
}

func newComposer(s *Service, script zh.Script) *composer {
	return &composer{s: s, script: script, num: map[string]int{}, used: map[string]bool{}}
}

// fits: the line can be added without passing the limit.
func (c *composer) fits(text string) bool {
	return c.limit == 0 || utf8.RuneCountInString(c.b.String())+1+utf8.RuneCountInString(text) <= c.limit
}

func (c *composer) line(text string) {
	if c.b.Len() > 0 {
		c.b.WriteString("\n")
	}
	c.b.WriteString(text)
}

// sub adds an indented "  · text[n]" line, citing chunkID.
func (c *composer) sub(text, chunkID string) {
	c.indented("  · ", text, chunkID)
}

// indented adds prefix+text[n] when it fits, citing chunkID.
func (c *composer) indented(prefix, text, chunkID string) bool {
	text = cleanQuote(text)
	if text == "" {
		return false
	}
	// The citation number is at most a few characters: reserve them.
	if !c.fits(prefix + text + "[00]") {
		return false
	}
	text = c.display(text, chunkID)
	if n := c.cite(chunkID); n > 0 {
		text += "[" + strconv.Itoa(n) + "]"
	}
	c.line(prefix + text)
	return true
}

// point adds "• label：text[n]", citing chunkID.
func (c *composer) point(label, text, chunkID string) {
	c.indented("• "+label+"：", text, chunkID)
}

// quotes adds "• label：q1[n] q2[m]" — the slot's sentences not shown
// before, as many as fit — or "• label：文中未展开" when there are none.
func (c *composer) quotes(label string, qs []catalog.Quote, max int) {
	prefix := "• " + label + "："
	var parts []string
	for _, q := range qs {
		t := cleanQuote(q.Text)
		if t == "" || c.used[t] || len(parts) == max {
			continue
		}
		line := prefix + strings.Join(parts, "") + t + "[00]"
		if !c.fits(line) {
			break
		}
		c.used[t] = true
		if n := c.cite(q.ChunkID); n > 0 {
			t += "[" + strconv.Itoa(n) + "]"
		}
		parts = append(parts, t)
	}
	if len(parts) == 0 {
		if c.fits(prefix + notExpanded) {
			c.line(prefix + notExpanded)
		}
		return
	}
	c.line(prefix + strings.Join(parts, ""))
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
	c.hits = append(c.hits, search.Hit{Chunk: ch})
	c.num[chunkID] = len(c.hits)
	return len(c.hits)
}

func (c *composer) answer() *Answer {
	text, used := renumber(c.s.inScript(c.script, c.b.String()), len(c.hits))
	return &Answer{Text: text, Citations: c.s.citationsFor(used, c.hits, c.script), Grounded: len(used) > 0, Mode: ModeExtractive, Script: c.script}
}

func (s *Service) notInCatalog(script zh.Script, kind string, close []string) *Answer {
	text := "资料中没有找到这个" + kind + "。"
	if len(close) > 0 {
		text += "您是不是要找：" + strings.Join(close, "、") + "？"
	}
	return &Answer{Text: s.inScript(script, text), Grounded: false, Mode: ModeExtractive, Script: script, Suggestions: close}
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

func hitsOf(chunks []corpus.Chunk) []search.Hit {
	out := make([]search.Hit, len(chunks))
	for i, c := range chunks {
		out[i] = search.Hit{Chunk: c}
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
func normScript(script zh.Script, text string) zh.Script {
	return script.Or(zh.DetectScript(text)).Or(zh.Simplified)
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
		Leader: leader, Leaders: nonEmpty(zh.ToSimplified(leader)), Methods: findKeys(norm, s.ents.methodKeys), Listed: s.methodsInOrder(ans.Text), Intent: IntentSummary,
		Shown: shownKeys(s, ans), At: s.o.Now()})
}
