package core

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"bangyang/catalog"
	"bangyang/corpus"
	"bangyang/llm"
	"bangyang/prompts"
	"bangyang/retrieval"
	"bangyang/zh"
)

// Searcher finds passages; *retrieval.Index implements it.
type Searcher interface {
	Search(ctx context.Context, query string, opt retrieval.SearchOptions) (*retrieval.SearchResult, error)
}

// ChatModel streams a chat completion; *llm.Client implements it.
type ChatModel interface {
	Stream(ctx context.Context, msgs []llm.Message, onDelta func(delta string)) (string, error)
}

// ErrEmptyQuestion is returned for a question with nothing to search.
var ErrEmptyQuestion = errors.New("empty question")

// Options configures a Service. Search and Memory are required; Model is
// optional (nil → extractive answers only).
type Options struct {
	Search  Searcher
	Model   ChatModel
	Memory  Memory
	Prompts *prompts.Set
	// Articles are what the corpus covers, used to tell a user what can be
	// asked when the articles do not answer.
	Articles []corpus.Meta
	Logger   *slog.Logger
	// Passages is how many passages an answer draws on (default 5).
	Passages int
	// MaxTurns is how many turns a conversation remembers (default 6).
	MaxTurns int
	// ModelTimeout bounds one generated answer before falling back to the
	// extractive one (default 90s; the model client has its own tighter
	// first-token timeout).
	ModelTimeout time.Duration
	// Now is the clock (tests).
	Now func() time.Time
	// Catalog is the methods and leaders (optional: summaries need it).
	Catalog *catalog.Catalog
	// Chunks are every indexed passage, for citing catalog entries.
	Chunks []corpus.Chunk
	// Training keeps group training sessions (nil: in memory; see StoreTraining).
	Training TrainingStore
	// Observer is told about every answer (metrics, statistics; optional).
	Observer Observer
}

// Service answers questions from the articles. It is safe for concurrent use.
type Service struct {
	o     Options
	byID  map[string]corpus.Chunk
	bySeq map[seqKey]corpus.Chunk
	// convLocks serialise each chat's conversation load-modify-save.
	convLocks chatLocks
	train     trainingState // quiz bank and per-chat locks (training.go); zero value ready
}

type seqKey struct {
	article string
	seq     int
}

// New checks opts and fills in defaults.
func New(opts Options) (*Service, error) {
	if opts.Search == nil {
		return nil, errors.New("core: Options.Search is required")
	}
	if opts.Memory == nil {
		opts.Memory = &MapMemory{}
	}
	if opts.Prompts == nil {
		p, err := prompts.Load()
		if err != nil {
			return nil, err
		}
		opts.Prompts = p
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Passages <= 0 {
		opts.Passages = 5
	}
	if opts.MaxTurns <= 0 {
		opts.MaxTurns = 6
	}
	if opts.ModelTimeout <= 0 {
		opts.ModelTimeout = 90 * time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	byID := make(map[string]corpus.Chunk, len(opts.Chunks))
	bySeq := make(map[seqKey]corpus.Chunk, len(opts.Chunks))
	for _, c := range opts.Chunks {
		byID[c.ID] = c
		bySeq[seqKey{c.ArticleID, c.Seq}] = c
	}
	return &Service{o: opts, byID: byID, bySeq: bySeq}, nil
}

// Ask answers question in the conversation chat.
func (s *Service) Ask(ctx context.Context, chat, question string) (*Answer, error) {
	return s.AskStream(ctx, chat, question, nil)
}

// AskStream answers like Ask and calls onText with the text produced so far
// while the answer is being written (plain text, markers already checked).
// onText may be nil. The returned Answer is final and authoritative.
func (s *Service) AskStream(ctx context.Context, chat, question string, onText func(textSoFar string)) (*Answer, error) {
	start := s.o.Now()
	question = strings.TrimSpace(question)
	if !hasContent(question) {
		return nil, ErrEmptyQuestion
	}
	conv, err := s.o.Memory.Load(ctx, chat)
	if err != nil {
		// A broken memory must not stop an answer; it only loses context.
		s.o.Logger.Warn("load conversation", "chat", chat, "err", err)
		conv = Conversation{}
	}
	script := scriptOf(question, conv)
	if ans, ok := s.routeSummary(ctx, chat, question, script); ok {
		if onText != nil {
			onText(ans.Text)
		}
		s.observe(ctx, chat, question, start, ans)
		return ans, nil
	}

	query, leader, modelDown := s.resolveFollowUp(ctx, question, conv)
	res, err := s.search(ctx, query, leader)
	if err != nil {
		return nil, err
	}
	if (res == nil || !res.Relevant) && query != question {
		// The follow-up reading found nothing; try the question alone.
		query, leader = question, ""
		if res, err = s.search(ctx, query, ""); err != nil {
			return nil, err
		}
	}

	var ans *Answer
	switch {
	case res == nil || !res.Relevant || len(res.Hits) == 0:
		ans = s.abstain(script)
	case s.o.Model != nil && modelDown:
		ans = s.extract(zh.ToSimplified(query), script, res.Hits)
		ans.Notice = inScript(script, modelDownNotice)
	case s.o.Model != nil:
		ans = s.generate(ctx, question, script, res.Hits, conv, onText)
	default:
		ans = s.extract(zh.ToSimplified(query), script, res.Hits)
	}
	if onText != nil && ans.Mode == ModeExtractive {
		onText(ans.Text)
	}

	s.appendTurn(ctx, chat, Turn{Question: question, Query: query, Answer: ans.Text, Cited: ans.Citations, Grounded: ans.Grounded, Leader: dominantLeader(ans.Citations), At: s.o.Now()})
	s.observe(ctx, chat, question, start, ans)
	return ans, nil
}

// appendTurn adds a turn to the conversation as it is saved now, not as
// it was when the answer started: two questions of one chat answered at
// once (a group, two devices) must both be remembered.
func (s *Service) appendTurn(ctx context.Context, chat string, t Turn) {
	unlock := s.convLocks.lock(chat)
	defer unlock()
	conv, err := s.o.Memory.Load(ctx, chat)
	if err != nil {
		s.o.Logger.Warn("load conversation", "chat", chat, "err", err)
		return
	}
	conv.Turns = append(conv.Turns, t)
	if len(conv.Turns) > s.o.MaxTurns {
		conv.Turns = conv.Turns[len(conv.Turns)-s.o.MaxTurns:]
	}
	if err := s.o.Memory.Save(ctx, chat, conv); err != nil {
		s.o.Logger.Warn("save conversation", "chat", chat, "err", err)
	}
}

// Reset forgets the conversation of chat.
func (s *Service) Reset(ctx context.Context, chat string) error {
	unlock := s.convLocks.lock(chat)
	defer unlock()
	if err := s.o.Memory.Delete(ctx, chat); err != nil {
		return fmt.Errorf("reset %s: %w", chat, err)
	}
	return nil
}

// LastSources returns the passages behind the last answer in chat.
func (s *Service) LastSources(ctx context.Context, chat string) ([]Citation, error) {
	conv, err := s.o.Memory.Load(ctx, chat)
	if err != nil {
		return nil, fmt.Errorf("load conversation %s: %w", chat, err)
	}
	if len(conv.Turns) == 0 {
		return nil, nil
	}
	return conv.Turns[len(conv.Turns)-1].Cited, nil
}

func (s *Service) search(ctx context.Context, query, leader string) (*retrieval.SearchResult, error) {
	res, err := s.o.Search.Search(ctx, query, retrieval.SearchOptions{K: s.o.Passages, Leader: leader})
	if errors.Is(err, retrieval.ErrEmptyQuery) {
		return nil, ErrEmptyQuestion
	}
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	return res, nil
}

// extract composes an answer from the best sentences, quoted.
func (s *Service) extract(queryNorm, script string, hits []retrieval.Hit) *Answer {
	texts := make([]string, len(hits))
	for i, h := range hits {
		texts[i] = h.Chunk.Text
	}
	picked := extractSentences(queryNorm, texts, 4, 280)
	if len(picked) == 0 {
		// Retrieval judged the passages relevant but no sentence shares a
		// term with the question (a loose paraphrase): quote the opening
		// of the best passage rather than nothing.
		first := splitSentences(texts[0])
		if len(first) == 0 {
			return s.abstain(script)
		}
		picked = []scoredSentence{{passage: 0, text: first[0]}}
		if len(first) > 1 && utf8.RuneCountInString(first[0]+first[1]) < 200 {
			picked = append(picked, scoredSentence{passage: 0, pos: 1, text: first[1]})
		}
	}
	var b strings.Builder
	b.WriteString(inScript(script, "以下摘自资料原文："))
	for _, p := range picked {
		b.WriteString("\n• ")
		b.WriteString(inScript(script, strings.TrimSpace(p.text)))
		b.WriteString("[" + strconv.Itoa(p.passage+1) + "]")
	}
	text, used := renumber(b.String(), len(hits))
	return &Answer{
		Text:      text,
		Citations: citationsFor(used, hits),
		Grounded:  true,
		Mode:      ModeExtractive,
		Script:    script,
	}
}

// abstain says plainly that the articles do not answer, and what they cover.
func (s *Service) abstain(script string) *Answer {
	var b strings.Builder
	b.WriteString("抱歉，资料中没有找到与这个问题相关的内容，我不想凭空回答。")
	if cover := s.coverage(); cover != "" {
		b.WriteString("目前的资料介绍了这些社区书记：")
		b.WriteString(cover)
		b.WriteString("。可以问问她们的工作方法，例如“什么是四单工作法？”。")
	}
	return &Answer{Text: inScript(script, b.String()), Grounded: false, Mode: ModeExtractive, Script: script}
}

func (s *Service) coverage() string {
	var parts []string
	seen := map[string]bool{}
	for _, m := range s.o.Articles {
		if m.Leader == "" || seen[m.Leader] {
			continue
		}
		seen[m.Leader] = true
		p := zh.ToSimplified(m.Leader)
		if m.Place != "" {
			p += "（" + zh.ToSimplified(m.Place) + "）"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, "、")
}

func citationsFor(used []int, hits []retrieval.Hit) []Citation {
	out := make([]Citation, 0, len(used))
	for i, idx := range used {
		out = append(out, Citation{N: i + 1, Chunk: hits[idx].Chunk})
	}
	return out
}

func dominantLeader(cs []Citation) string {
	count := map[string]int{}
	best, bestN := "", 0
	for _, c := range cs {
		l := c.Chunk.Meta.Leader
		if l == "" {
			continue
		}
		count[l]++
		if count[l] > bestN {
			best, bestN = l, count[l]
		}
	}
	return best
}

// scriptOf decides the reply script: the question's, else the script the
// conversation was last held in, else Simplified.
func scriptOf(question string, conv Conversation) string {
	if sc := zh.DetectScript(question); sc != "" {
		return sc
	}
	for i := len(conv.Turns) - 1; i >= 0; i-- {
		if sc := zh.DetectScript(conv.Turns[i].Question); sc != "" {
			return sc
		}
	}
	return string(corpus.Simplified)
}

// inScript writes text in the asker's script.
func inScript(script, text string) string {
	if script == string(corpus.Traditional) {
		// Not a round trip through Simplified: s2t is one-to-many, so
		// characters that are already Traditional stay as written.
		return zh.ToTraditional(text)
	}
	return zh.ToSimplified(text)
}

func hasContent(s string) bool {
	for _, r := range s {
		if zh.IsHan(r) || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9') {
			return true
		}
	}
	return false
}
