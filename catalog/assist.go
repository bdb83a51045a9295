package catalog

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"unicode/utf8"

	"bangyang/corpus"
	"bangyang/prompts"
	"bangyang/zh"
)

// Model-assisted extraction (optional, never required): a language model
// reads each article and answers, as JSON, its leader, role, place and
// methods. A value is accepted only where it occurs in the article's text
// (in either script); the rest is dropped. Accepted values fill what front
// matter and the heuristics left empty (leader, role, place) and add the
// methods the patterns missed; they never override. Readings are cached by
// the article's content hash, so each article is read once.

// Reader is a model that answers in JSON; *llm.Client is one.
type Reader interface {
	CompleteJSON(ctx context.Context, msgs []prompts.Message) (string, error)
}

// Reading is what a model read from one article, before checking.
type Reading struct {
	Leader  string       `json:"leader"`
	Role    string       `json:"role"`
	Place   string       `json:"place"`
	Methods []ReadMethod `json:"methods"`
}

// ReadMethod is one method a model read: its name and steps, verbatim.
type ReadMethod struct {
	Name  string   `json:"name"`
	Steps []string `json:"steps,omitempty"`
}

// Readings caches readings by article content hash. Implementations must
// be safe for concurrent use.
type Readings interface {
	Get(hash string) (Reading, bool)
	Put(hash string, r Reading)
}

// MemoryReadings is an in-memory Readings.
type MemoryReadings struct {
	mu sync.Mutex
	m  map[string]Reading
}

func (r *MemoryReadings) Get(hash string) (Reading, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	v, ok := r.m[hash]
	return v, ok
}

func (r *MemoryReadings) Put(hash string, v Reading) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.m == nil {
		r.m = map[string]Reading{}
	}
	r.m[hash] = v
}

// Assist configures model-assisted extraction.
type Assist struct {
	Model Reader
	// Cache keeps readings by content hash; nil asks the model every Build.
	Cache Readings
	Log   *slog.Logger
	// MaxRunes bounds the article text sent (default 8000); the rest is
	// read by the heuristics only.
	MaxRunes int
	// Failed, when set, is told of each article the model could not read
	// (so that a caller does not cache a catalog missing its reading).
	Failed func(articleID string, err error)
}

// BuildAssisted is Build with a model's reading of each article checked
// against its text. A model error costs only that article's reading
// (logged); a cancelled ctx stops the build.
func BuildAssisted(ctx context.Context, chunks []corpus.Chunk, as Assist) (*Catalog, error) {
	return build(ctx, chunks, &as)
}

const readPrompt = `你是信息抽取助手。阅读下面这篇关于社区党组织书记的文章，只输出一个 JSON 对象：
{"leader":"文章主要介绍的书记姓名","role":"其现任职务","place":"其所在的省市区街道社区","methods":[{"name":"她/他本人创立或推行的工作方法、品牌、机制、服务队或例会的名称","steps":["该方法的各个步骤或组成部分"]}]}
要求：每个值都必须逐字摘自原文；原文没有的留空字符串或空数组；不要列入荣誉称号、口号、地名、合作单位或上级部门的活动。`

// articleHash is the content hash of an article: its chunks' texts in order.
func articleHash(a *article) string {
	h := sha256.New()
	h.Write([]byte(a.id))
	for _, ch := range a.chunks {
		h.Write([]byte{0})
		h.Write([]byte(ch.Text))
	}
	return hex.EncodeToString(h.Sum(nil))
}

func articleText(a *article, max int) string {
	var b strings.Builder
	n := 0
	for _, ch := range a.chunks {
		for _, r := range ch.Text {
			if n == max {
				return b.String()
			}
			b.WriteRune(r)
			n++
		}
		b.WriteString("\n")
	}
	return b.String()
}

// read returns the checked reading of an article, from the cache or the
// model; nil when there is none.
func (as *Assist) read(ctx context.Context, a *article) (*Reading, error) {
	if as == nil || as.Model == nil {
		return nil, nil
	}
	hash := articleHash(a)
	if as.Cache != nil {
		if r, ok := as.Cache.Get(hash); ok {
			checked := checkReading(r, a)
			return &checked, nil
		}
	}
	max := as.MaxRunes
	if max <= 0 {
		max = 8000
	}
	raw, err := as.Model.CompleteJSON(ctx, []prompts.Message{
		{Role: "system", Content: readPrompt},
		{Role: "user", Content: articleText(a, max)},
	})
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		as.log().Warn("catalog: model reading failed; heuristics only", "article", a.id, "err", err)
		as.failed(a.id, err)
		return nil, nil
	}
	var r Reading
	if err := json.Unmarshal([]byte(raw), &r); err != nil {
		err = fmt.Errorf("decode: %w", err)
		as.log().Warn("catalog: model reading is not the JSON asked for; heuristics only", "article", a.id, "err", err)
		as.failed(a.id, err)
		return nil, nil
	}
	if as.Cache != nil {
		as.Cache.Put(hash, r)
	}
	checked := checkReading(r, a)
	return &checked, nil
}

func (as *Assist) failed(id string, err error) {
	if as.Failed != nil {
		as.Failed(id, err)
	}
}

func (as *Assist) log() *slog.Logger {
	if as.Log != nil {
		return as.Log
	}
	return slog.New(slog.DiscardHandler)
}

// checkReading keeps only the values that occur in the article's text,
// compared by key (either script, quotes and spaces ignored). A method
// keeps its steps only when every step occurs.
func checkReading(r Reading, a *article) Reading {
	var text strings.Builder
	text.WriteString(key(a.meta.Title))
	for _, k := range a.chunkKeys {
		text.WriteString("\n")
		text.WriteString(k)
	}
	t := text.String()
	occurs := func(v string) bool {
		k := key(v)
		return utf8.RuneCountInString(k) >= 2 && strings.Contains(t, k)
	}
	var out Reading
	for _, f := range []struct {
		in  string
		out *string
	}{{r.Leader, &out.Leader}, {r.Role, &out.Role}, {r.Place, &out.Place}} {
		if v := strings.TrimSpace(f.in); occurs(v) {
			*f.out = v
		}
	}
	for _, m := range r.Methods {
		name := strings.TrimSpace(stripQuotes(m.Name))
		if !occurs(name) || zh.HanCount(name) < 2 || isStopName(norm(name)) || isHonour(norm(name)) {
			continue
		}
		rm := ReadMethod{Name: name}
		all := len(m.Steps) > 0
		for _, st := range m.Steps {
			if !occurs(st) {
				all = false
				break
			}
		}
		if all {
			rm.Steps = m.Steps
		}
		out.Methods = append(out.Methods, rm)
	}
	return out
}

// readCandidates adds sightings of the reading's methods that the patterns
// missed: every sentence containing the name sights it.
func readCandidates(a *article, cands []candidate, r *Reading) []candidate {
	if r == nil || len(r.Methods) == 0 {
		return cands
	}
	known := map[string]bool{}
	for _, c := range cands {
		known[key(c.name)] = true
		for _, al := range c.alias {
			known[key(al)] = true
		}
	}
	var names []string
	for _, m := range r.Methods {
		n := stripQuotes(norm(m.Name))
		if !known[key(n)] {
			names = append(names, n)
			known[key(n)] = true
		}
	}
	if len(names) == 0 {
		return cands
	}
	return append(cands, sightings(a, names)...)
}

// readSteps gives a method without steps the reading's checked steps.
func readSteps(ms []Method, r *Reading) {
	if r == nil {
		return
	}
	for _, rm := range r.Methods {
		if len(rm.Steps) == 0 {
			continue
		}
		for i := range ms {
			if len(ms[i].Steps) == 0 && key(ms[i].Name) == key(rm.Name) {
				for _, st := range rm.Steps {
					ms[i].Steps = append(ms[i].Steps, norm(st))
				}
			}
		}
	}
}
