package core

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

	"bangyang/catalog"
	"bangyang/config"
	"bangyang/corpus"
	"bangyang/lexicon"
	"bangyang/prompts"
	"bangyang/search"
	"bangyang/zh"
)

// Searcher finds passages; *retrieval.Index implements it.
type Searcher interface {
	Search(ctx context.Context, query string, opt search.Options) (*search.Result, error)
}

// ChatModel streams a chat completion; *llm.Client implements it.
type ChatModel interface {
	Stream(ctx context.Context, msgs []prompts.Message, onDelta func(delta string)) (string, error)
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
	// extractive one (default config.TimeoutsFor(0).Answer, 90 s; the model
	// client has its own tighter first-token timeout).
	ModelTimeout time.Duration
	// Now is the clock (tests).
	Now func() time.Time
	// Catalog is the methods and leaders (optional: summaries need it).
	Catalog *catalog.Catalog
	// Chunks are every indexed passage, for citing catalog entries.
	Chunks []corpus.Chunk
	// Training keeps group training sessions (nil: in memory; see StoreTraining).
	Training TrainingStore
	// Lexicon is the community-work topic lexicon (nil: the shipped one).
	Lexicon *lexicon.Lexicon
	// Records keeps training records per member (nil: in memory; see StoreRecords).
	Records RecordStore
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
	trainer   *Trainer // training (trainer.go), over the same material

	ptrByID    map[string]*corpus.Chunk
	byArticle  map[string][]*corpus.Chunk // in article order
	own        owners                     // which secretary each sentence is about
	voice      voices                     // whose first-person words each sentence is (voice.go)
	articleIDs []string                   // sorted
	ents       *entities
	lex        *lexicon.Lexicon
	sents      sentenceCache

	generic    sync.Map // bigram → bool: in most articles (genericBigram)
	spreadOnce sync.Once
	spread     map[string]int // lexicon topic → leaders working on it
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
		opts.ModelTimeout = config.TimeoutsFor(0).Answer
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Lexicon == nil {
		opts.Lexicon = lexicon.Default()
	}
	// Its words spelled as questions and articles are once normalised.
	opts.Lexicon = opts.Lexicon.Map(zh.ToSimplified)
	s := &Service{o: opts, lex: opts.Lexicon,
		byID:      make(map[string]corpus.Chunk, len(opts.Chunks)),
		bySeq:     make(map[seqKey]corpus.Chunk, len(opts.Chunks)),
		ptrByID:   make(map[string]*corpus.Chunk, len(opts.Chunks)),
		byArticle: map[string][]*corpus.Chunk{},
	}
	chunks := slices.Clone(opts.Chunks)
	slices.SortStableFunc(chunks, func(a, b corpus.Chunk) int {
		if c := strings.Compare(a.ArticleID, b.ArticleID); c != 0 {
			return c
		}
		return a.Seq - b.Seq
	})
	for i := range chunks {
		c := &chunks[i]
		s.byID[c.ID] = *c
		s.bySeq[seqKey{c.ArticleID, c.Seq}] = *c
		s.ptrByID[c.ID] = c
		if len(s.byArticle[c.ArticleID]) == 0 {
			s.articleIDs = append(s.articleIDs, c.ArticleID) // chunks are sorted by article
		}
		s.byArticle[c.ArticleID] = append(s.byArticle[c.ArticleID], c)
	}
	metas := opts.Articles
	if len(metas) == 0 {
		// Without the article list, the passages' metadata names them.
		seen := map[string]bool{}
		for _, c := range chunks {
			if !seen[c.ArticleID] {
				seen[c.ArticleID] = true
				metas = append(metas, c.Meta)
			}
		}
	}
	s.ents = newEntities(opts.Catalog, metas, chunks)
	s.trainer = NewTrainer(TrainerOptions{Store: opts.Training, Records: opts.Records, Catalog: opts.Catalog, Chunks: opts.Chunks,
		Model: opts.Model, ModelTimeout: opts.ModelTimeout, Logger: opts.Logger, Now: opts.Now, Observer: opts.Observer})
	return s, nil
}

// Trainer is the training API over the service's material and stores.
func (s *Service) Trainer() *Trainer { return s.trainer }

// Ask answers question in the conversation chat.
func (s *Service) Ask(ctx context.Context, chat, question string) (*Answer, error) {
	return s.AskStream(ctx, chat, question, nil)
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

func (s *Service) search(ctx context.Context, query, leader string) (*search.Result, error) {
	res, err := s.o.Search.Search(ctx, query, search.Options{K: s.o.Passages, Leader: leader})
	if errors.Is(err, search.ErrEmptyQuery) {
		return nil, ErrEmptyQuestion
	}
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	return res, nil
}

// abstain says plainly that the articles do not answer, and what they cover.
func (s *Service) abstain(script zh.Script) *Answer {
	var b strings.Builder
	b.WriteString("抱歉，资料中没有找到与这个问题相关的内容，我不想凭空回答。")
	if cover := s.coverage(); cover != "" {
		b.WriteString("目前的资料介绍了这些社区书记：")
		b.WriteString(cover)
		b.WriteString("。可以问问这些书记的工作方法")
		if ex := s.exampleMethod(); ex != "" {
			// An example from these articles, not from the built-in ones.
			b.WriteString("，例如“什么是" + ex + "？”")
		}
		b.WriteString("。")
	}
	return &Answer{Text: s.inScript(script, b.String()), Grounded: false, Mode: ModeExtractive, Script: script}
}

// exampleMethod is a method of the corpus to suggest asking about: the
// first one the articles spell out, else the first one.
func (s *Service) exampleMethod() string {
	if s.o.Catalog == nil {
		return ""
	}
	ms := s.o.Catalog.Methods()
	for _, m := range ms {
		if len(m.Steps) > 0 && !m.Unexpanded {
			return zh.ToSimplified(m.Name)
		}
	}
	if len(ms) > 0 {
		return zh.ToSimplified(ms[0].Name)
	}
	return ""
}

func (s *Service) coverage() string {
	var parts []string
	seen := map[string]bool{}
	more := 0
	for _, m := range s.o.Articles {
		if m.Leader == "" || seen[m.Leader] {
			continue
		}
		seen[m.Leader] = true
		if len(parts) == maxCoverageNames {
			more++ // a refusal is one message, not a directory
			continue
		}
		p := zh.ToSimplified(m.Leader)
		if pl := shortPlace(zh.ToSimplified(m.Place)); pl != "" {
			p += "（" + pl + "）"
		}
		parts = append(parts, p)
	}
	out := strings.Join(parts, "、")
	if more > 0 {
		out += fmt.Sprintf("等%d位（/leaders 查看全部）", len(parts)+more)
	}
	return out
}

// maxCoverageNames bounds the secretaries a refusal names.
const maxCoverageNames = 8

// citationsFor numbers the used passages and shows each in the asker's
// script: a Simplified question is not answered with a wall of
// Traditional text (the article's own text stays in Chunk).
func (s *Service) citationsFor(used []int, hits []search.Hit, script zh.Script) []Citation {
	out := make([]Citation, 0, len(used))
	for i, idx := range used {
		ch := hits[idx].Chunk
		text := s.inScriptIfNeeded(script, ch.Text)
		meta := ch.Meta
		if l := s.passageOwner(ch); l != "" {
			meta.Leader = l // a section of a two-secretary page is hers
		}
		out = append(out, Citation{N: i + 1, Chunk: ch, Text: text, Label: s.inScriptIfNeeded(script, meta.SourceLine()), Converted: text != ch.Text})
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
func scriptOf(question string, conv Conversation) zh.Script {
	if sc := zh.DetectScript(question); sc != "" {
		return sc
	}
	for i := len(conv.Turns) - 1; i >= 0; i-- {
		if sc := zh.DetectScript(conv.Turns[i].Question); sc != "" {
			return sc
		}
	}
	return zh.Simplified
}

func hasAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func hasContent(s string) bool {
	for _, r := range s {
		if zh.IsHan(r) || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9') {
			return true
		}
	}
	return false
}
