// Package catalog extracts, from article chunks, the named work methods
// (四单工作法, 仁和家访, 三活四清五到家 …) and the leaders (community Party
// secretaries) the articles are about, each linked to the passages that
// mention them.
//
// Extraction is heuristic, offline and deterministic: the catalog is a pure
// function of the chunks, so Build is also the rebuild. Identifiers (method
// and leader names, aliases keys, steps, roles, honours) are Simplified
// Chinese; Summary and KeyFacts are verbatim sentences in the article's own
// script, because they are quotations. Original-script forms of names are
// kept in Aliases.
package catalog

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"bangyang/corpus"
)

// Version changes whenever extraction changes what Build produces; a cached
// catalog with another version must be rebuilt.
const Version = "catalog-22"

// ErrVersion is returned when unmarshalling a catalog of another Version.
var ErrVersion = errors.New("catalog: cached catalog has another version")

// Method is a named work method, programme or platform of one leader.
type Method struct {
	// Name is the canonical Simplified name, e.g. 四单工作法.
	Name string `json:"name"`
	// Aliases are other spellings: the original-script form (四單工作法),
	// the bare shorthand (四单), longer or quoted variants.
	Aliases []string `json:"aliases,omitempty"`
	// Leader is the Simplified name of the leader whose article names it.
	Leader    string `json:"leader"`
	ArticleID string `json:"article_id"`
	// Summary is the sentence that best defines or expands the method,
	// verbatim in the article's script.
	Summary        string `json:"summary"`
	SummaryChunkID string `json:"summary_chunk_id,omitempty"`
	// Steps is the expansion of a shorthand (民众点单、社区开单…), Simplified,
	// present only when the article spells it out in full.
	Steps []string `json:"steps,omitempty"`
	// Definition is the sentence that names and defines the method (often
	// the same as Summary); nil when none does.
	Definition *Quote `json:"definition,omitempty"`
	// Procedure[i] are the sentences that carry out Steps[i], in article
	// order (len(Procedure) == len(Steps) when set).
	Procedure [][]Quote `json:"procedure,omitempty"`
	// How are the sentences describing how the method is carried out when
	// it has no named steps, in article order.
	How []Quote `json:"how,omitempty"`
	// Problem are the sentences about the problem the method answers.
	Problem []Quote `json:"problem,omitempty"`
	// Results are the sentences about what the method achieved.
	Results []Quote `json:"results,omitempty"`
	// Unexpanded is true when the article only names the method
	// (summaries then say 文中未展开).
	Unexpanded bool `json:"unexpanded,omitempty"`
	// Mentions counts the sentences of the article that mention it.
	Mentions int      `json:"mentions"`
	ChunkIDs []string `json:"chunk_ids"`
}

// Quote is one verbatim sentence of an article and the chunk it is in.
type Quote struct {
	Text    string `json:"text"`
	ChunkID string `json:"chunk_id"`
}

// Fact is a sentence carrying numbers (results, counts, rates), verbatim.
type Fact struct {
	Text    string `json:"text"`
	ChunkID string `json:"chunk_id"`
}

// Leader is a person an article is about.
type Leader struct {
	Name    string   `json:"name"` // Simplified
	Aliases []string `json:"aliases,omitempty"`
	Place   string   `json:"place,omitempty"`
	Role    string   `json:"role,omitempty"`    // e.g. 社区党委书记、居委会主任
	Honours []string `json:"honours,omitempty"` // personal honours, Simplified
	// ArticleIDs are the articles about this leader.
	ArticleIDs []string `json:"article_ids"`
	Methods    []string `json:"methods,omitempty"` // Method names, in article order
	ChunkIDs   []string `json:"chunk_ids,omitempty"`
	KeyFacts   []Fact   `json:"key_facts,omitempty"`
}

// LeaderMethods is one leader's methods, for listing page by page.
type LeaderMethods struct {
	Leader  Leader   `json:"leader"`
	Methods []Method `json:"methods"`
}

// Catalog is the extracted methods and leaders with lookup indexes.
// The zero value is an empty catalog.
type Catalog struct {
	methods []Method
	leaders []Leader

	methodKeys map[string][]int // key(name or alias) → method indexes
	leaderKeys map[string][]int
	byName     map[string]int   // exact name → method index
	byLeader   map[string][]int // leader → her method indexes, in order
	byChunk    map[string]mentions
}

type mentions struct{ methods, leaders []int }

// Methods returns every method, grouped by leader in article order, then in
// order of first mention.
func (c *Catalog) Methods() []Method { return append([]Method(nil), c.methods...) }

// Method returns the method called exactly name (its first, when two
// articles use one name).
func (c *Catalog) Method(name string) (Method, bool) {
	i, ok := c.byName[name]
	if !ok {
		return Method{}, false
	}
	return c.methods[i], true
}

// MethodsOf returns the methods credited to leader, in catalog order,
// without copying the whole catalog (answers ask this per passage).
func (c *Catalog) MethodsOf(leader string) []Method {
	idx := c.byLeader[leader]
	out := make([]Method, len(idx))
	for j, i := range idx {
		out[j] = c.methods[i]
	}
	return out
}

// Leaders returns every leader in article order.
func (c *Catalog) Leaders() []Leader { return append([]Leader(nil), c.leaders...) }

// MethodsByLeader groups the methods by leader, in the order of Leaders;
// methods of articles without a known leader come last under an empty Leader.
func (c *Catalog) MethodsByLeader() []LeaderMethods {
	var out []LeaderMethods
	pos := map[string]int{}
	for _, l := range c.leaders {
		pos[l.Name] = len(out)
		out = append(out, LeaderMethods{Leader: l})
	}
	for _, m := range c.methods {
		i, ok := pos[m.Leader]
		if !ok {
			i = len(out)
			pos[m.Leader] = i
			out = append(out, LeaderMethods{Leader: Leader{Name: m.Leader}})
		}
		out[i].Methods = append(out[i].Methods, m)
	}
	return out
}

// MentionedIn returns the methods and leaders mentioned in a chunk.
func (c *Catalog) MentionedIn(chunkID string) ([]Method, []Leader) {
	mm := c.byChunk[chunkID]
	var ms []Method
	for _, i := range mm.methods {
		ms = append(ms, c.methods[i])
	}
	var ls []Leader
	for _, i := range mm.leaders {
		ls = append(ls, c.leaders[i])
	}
	return ms, ls
}

type catalogJSON struct {
	Version string   `json:"version"`
	Methods []Method `json:"methods"`
	Leaders []Leader `json:"leaders"`
}

// MarshalJSON writes the catalog with its Version.
func (c *Catalog) MarshalJSON() ([]byte, error) {
	return json.Marshal(catalogJSON{Version: Version, Methods: c.methods, Leaders: c.leaders})
}

// UnmarshalJSON reads a catalog written by MarshalJSON and rebuilds the
// indexes. A catalog of another Version fails with ErrVersion: rebuild it.
func (c *Catalog) UnmarshalJSON(b []byte) error {
	var cj catalogJSON
	if err := json.Unmarshal(b, &cj); err != nil {
		return fmt.Errorf("catalog: decode: %w", err)
	}
	if cj.Version != Version {
		return fmt.Errorf("%w: %q, want %q", ErrVersion, cj.Version, Version)
	}
	*c = Catalog{methods: cj.Methods, leaders: cj.Leaders}
	c.index()
	return nil
}

// index builds the lookup maps from methods and leaders.
func (c *Catalog) index() {
	c.methodKeys = map[string][]int{}
	c.leaderKeys = map[string][]int{}
	c.byChunk = map[string]mentions{}
	c.byName = map[string]int{}
	c.byLeader = map[string][]int{}
	addKey := func(m map[string][]int, k string, i int) {
		if k == "" {
			return
		}
		for _, j := range m[k] {
			if j == i {
				return
			}
		}
		m[k] = append(m[k], i)
	}
	for i, m := range c.methods {
		if _, ok := c.byName[m.Name]; !ok {
			c.byName[m.Name] = i
		}
		c.byLeader[m.Leader] = append(c.byLeader[m.Leader], i)
		addKey(c.methodKeys, key(m.Name), i)
		for _, a := range m.Aliases {
			addKey(c.methodKeys, key(a), i)
		}
		for _, id := range m.ChunkIDs {
			mm := c.byChunk[id]
			mm.methods = append(mm.methods, i)
			c.byChunk[id] = mm
		}
	}
	for i, l := range c.leaders {
		addKey(c.leaderKeys, key(l.Name), i)
		for _, a := range l.Aliases {
			addKey(c.leaderKeys, key(a), i)
		}
		for _, id := range l.ChunkIDs {
			mm := c.byChunk[id]
			mm.leaders = append(mm.leaders, i)
			c.byChunk[id] = mm
		}
	}
}

// Build extracts the catalog from chunks. It is deterministic: the same
// chunks in any order give the same catalog. Its cost grows linearly with
// the text (see BenchmarkBuild); it stops with ctx's error when ctx is done.
func Build(ctx context.Context, chunks []corpus.Chunk) (*Catalog, error) {
	return build(ctx, chunks, nil)
}

func build(ctx context.Context, chunks []corpus.Chunk, as *Assist) (*Catalog, error) {
	arts := groupArticles(chunks)
	c := &Catalog{}
	leaderPos := map[string]int{}
	methodPos := map[string]int{} // leader + key(name) → index in c.methods
	for _, a := range arts {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("catalog: build: %w", err)
		}
		reading, err := as.read(ctx, a)
		if err != nil {
			return nil, fmt.Errorf("catalog: build: %w", err)
		}
		if reading != nil {
			// The model fills only what front matter and derivation left empty.
			for _, f := range []struct {
				have *string
				read string
			}{{&a.meta.Leader, reading.Leader}, {&a.meta.Role, reading.Role}, {&a.meta.Place, reading.Place}} {
				if *f.have == "" {
					*f.have = f.read
				}
			}
		}
		ms, err := extractMethods(ctx, a, reading)
		if err != nil {
			return nil, fmt.Errorf("catalog: build: %w", err)
		}
		l := extractLeader(a)
		var names []string
		for i := range ms {
			if ms[i].Leader == "" || ms[i].Leader == l.Name {
				ms[i].Leader = l.Name
			} else {
				// Another secretary's method named in this article: hers.
				k := ms[i].Leader + "\x00" + key(ms[i].Name)
				if j, ok := methodPos[k]; ok {
					c.methods[j] = mergeMethod(c.methods[j], ms[i])
				} else {
					methodPos[k] = len(c.methods)
					c.methods = append(c.methods, ms[i])
				}
				continue
			}
			// The same method in two articles of one leader is one entry.
			k := l.Name + "\x00" + key(ms[i].Name)
			if j, ok := methodPos[k]; ok && l.Name != "" {
				c.methods[j] = mergeMethod(c.methods[j], ms[i])
			} else {
				methodPos[k] = len(c.methods)
				c.methods = append(c.methods, ms[i])
			}
			names = append(names, ms[i].Name)
		}
		if l.Name == "" {
			continue
		}
		l.Methods = union(l.Methods, names)
		if i, ok := leaderPos[l.Name]; ok {
			c.leaders[i] = mergeLeader(c.leaders[i], l)
			continue
		}
		leaderPos[l.Name] = len(c.leaders)
		c.leaders = append(c.leaders, l)
	}
	c.index()
	return c, nil
}

// mergeMethod folds b, the same method in another article of the same
// leader, into a: names, passages and counts add up; a's slots stay and
// b's fill those a lacks.
func mergeMethod(a, b Method) Method {
	a.Aliases = union(a.Aliases, b.Aliases)
	if b.Name != a.Name {
		a.Aliases = union(a.Aliases, []string{b.Name})
	}
	a.Mentions += b.Mentions
	a.ChunkIDs = union(a.ChunkIDs, b.ChunkIDs)
	if a.Definition == nil {
		a.Definition = b.Definition
		a.Summary, a.SummaryChunkID = b.Summary, b.SummaryChunkID
	}
	if len(a.Steps) == 0 && len(b.Steps) > 0 {
		a.Steps, a.Procedure = b.Steps, b.Procedure
	}
	if len(a.How) == 0 {
		a.How = b.How
	}
	if len(a.Problem) == 0 {
		a.Problem = b.Problem
	}
	if len(a.Results) == 0 {
		a.Results = b.Results
	}
	a.Unexpanded = a.Unexpanded && b.Unexpanded
	return a
}

// article is one article's chunks in order, split into sentences.
type article struct {
	id        string
	meta      corpus.Meta
	chunks    []corpus.Chunk
	chunkPos  map[string]int // chunk id → index in chunks
	sentences []sentence
	chunkKeys []string      // key(chunk text) per chunk, for mention search
	heads     []sectionHead // its section headings, found once (headsAfter)
}

func groupArticles(chunks []corpus.Chunk) []*article {
	byID := map[string]*article{}
	var ids []string
	for _, ch := range chunks {
		a, ok := byID[ch.ArticleID]
		if !ok {
			a = &article{id: ch.ArticleID, meta: ch.Meta}
			byID[ch.ArticleID] = a
			ids = append(ids, ch.ArticleID)
		}
		a.chunks = append(a.chunks, ch)
	}
	sort.Strings(ids)
	out := make([]*article, 0, len(ids))
	for _, id := range ids {
		a := byID[id]
		sort.SliceStable(a.chunks, func(i, j int) bool {
			if a.chunks[i].Seq != a.chunks[j].Seq {
				return a.chunks[i].Seq < a.chunks[j].Seq
			}
			return a.chunks[i].ID < a.chunks[j].ID
		})
		// Meta of the first chunk, so that the choice does not depend on
		// input order — of the first one carrying the article's own: a
		// passage credited to the article's second secretary (her section
		// opening the page) names her as its leader and has no Secretaries.
		a.meta = a.chunks[0].Meta
		for _, ch := range a.chunks {
			if len(ch.Meta.Others) == 0 || len(ch.Meta.Secretaries) > 0 {
				a.meta = ch.Meta
				break
			}
		}
		a.chunkPos = make(map[string]int, len(a.chunks))
		seen := map[string]bool{}
		para := -1
		for ci, ch := range a.chunks {
			a.chunkPos[ch.ID] = ci
			text := stripPinyin(ch.Text)
			a.chunkKeys = append(a.chunkKeys, key(text))
			// Chunks are whole paragraphs joined by "\n" (an over-long
			// paragraph is split across chunks, and then counts as two).
			for _, line := range strings.Split(text, "\n") {
				ss := splitSentences(line)
				if len(ss) == 0 {
					continue
				}
				para++
				heading := len(ss) == 1 && isHeadingLine(ss[0])
				off := 0
				for _, s := range ss {
					mark := ""
					if i := strings.Index(line[off:], s); i >= 0 {
						mark = strings.TrimSpace(line[off : off+i])
						off += i + len(s)
					}
					n := norm(s)
					// Repeated sentences (captions, a title twice): keep the first.
					if seen[n] {
						continue
					}
					seen[n] = true
					a.sentences = append(a.sentences, sentence{
						text: s, norm: n, key: keyOfNorm(n), aligned: utf8.RuneCountInString(s) == utf8.RuneCountInString(n),
						chunkID: ch.ID, seq: len(a.sentences), para: para, heading: heading, mark: mark,
					})
				}
			}
		}
		out = append(out, a)
	}
	return out
}

func mergeLeader(a, b Leader) Leader {
	a.Aliases = union(a.Aliases, b.Aliases)
	if a.Place == "" {
		a.Place = b.Place
	}
	if a.Role == "" {
		a.Role = b.Role
	}
	a.Honours = union(a.Honours, b.Honours)
	a.ArticleIDs = union(a.ArticleIDs, b.ArticleIDs)
	a.Methods = union(a.Methods, b.Methods)
	a.ChunkIDs = union(a.ChunkIDs, b.ChunkIDs)
	a.KeyFacts = append(a.KeyFacts, b.KeyFacts...)
	return a
}

// union appends the elements of b missing from a, keeping order.
func union(a, b []string) []string {
	// Adding one or two (the common case, id by id): a scan, no map.
	if len(b) <= 2 {
		for _, s := range b {
			if s != "" && !slices.Contains(a, s) {
				a = append(a, s)
			}
		}
		return a
	}
	seen := make(map[string]bool, len(a))
	for _, s := range a {
		seen[s] = true
	}
	for _, s := range b {
		if s != "" && !seen[s] {
			seen[s] = true
			a = append(a, s)
		}
	}
	return a
}
