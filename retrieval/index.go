// Package retrieval finds the passages that answer a question: a keyword
// leg (BM25 over Han unigrams+bigrams and Latin words) and a vector leg
// (chromem-go over embeddings), fused, over an index persisted in a data
// directory and updated incrementally.
package retrieval

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/philippgille/chromem-go"

	"bangyang/corpus"
	"bangyang/search"
	"bangyang/zh"
)

// Errors callers can test for with errors.Is.
var (
	// ErrEmptyQuery: the query has no searchable character (empty,
	// whitespace or punctuation only). It is search.ErrEmptyQuery.
	ErrEmptyQuery = search.ErrEmptyQuery
	// ErrBadEmbedding: the embedder returned the wrong number of vectors,
	// vectors of the wrong size, or non-finite/zero vectors.
	ErrBadEmbedding = errors.New("retrieval: embedder returned unusable vectors")
	// ErrCorruptIndex: the index file failed its checks.
	ErrCorruptIndex = errors.New("retrieval: index file is corrupt")
)

// embedBatch is how many texts go to the embedder per call: small enough
// for remote servers' request limits, large enough to amortise latency.
const embedBatch = 64

// Index is the searchable, persisted set of chunks. It is safe for
// concurrent use: searches run against an immutable snapshot that Update
// replaces atomically once the new index is safely on disk.
type Index struct {
	dir  string // "" = memory only
	emb  Embedder
	log  *slog.Logger
	norm *normalizer
	rel  *relevance

	updateMu sync.Mutex // serialises Update

	mu          sync.RWMutex
	st          *state
	needRebuild bool // the file on disk was built by another embedder

	accPool  sync.Pool // BM25 accumulators
	fusion   fusionMethod
	kwWeight float64 // keyword share in score fusion
	noStrip  bool    // evaluation switch: embed queries with question words

	// hook, when set by tests, runs at named points of a write
	// ("records", "before-rename"); an error aborts the write.
	hook func(stage string) error
}

// state is one immutable version of the index.
type state struct {
	embName string
	dims    int
	chunks  []corpus.Chunk
	keys    [][sha256.Size]byte // hash of the text that was embedded
	vecs    [][]float32
	byID    map[string]int
	leaders []string // normalised leader per chunk, for filtering
	coll    *chromem.Collection
	bm      *bm25Index
}

// UpdateReport says what an Update did.
type UpdateReport struct {
	Added     int  // chunk ids not in the previous index
	Removed   int  // chunk ids no longer present
	Unchanged int  // chunk ids kept
	Embedded  int  // texts sent to the embedder
	Calls     int  // embedder calls made
	Rebuilt   bool // every vector was recomputed (new embedder)
	Written   bool // a new index file was written
	Total     int  // chunks in the index now
	Duration  time.Duration
}

// Option adjusts an Index at Open.
type Option func(*Index)

// WithLogger sends the index's notices (a rebuild for another embedder, a
// keyword index rebuilt or not saved, a failed vector leg, update figures
// at debug level) to l. Without it they are discarded.
func WithLogger(l *slog.Logger) Option {
	return func(ix *Index) {
		if l != nil {
			ix.log = l
		}
	}
}

// Open loads the index persisted in dataDir (created if missing), or
// starts empty. With dataDir == "" the index lives in memory only. An
// index built by a different embedder (Name differs) is not loaded: the
// next Update rebuilds it.
func Open(ctx context.Context, dataDir string, emb Embedder, opts ...Option) (*Index, error) {
	if emb == nil {
		return nil, errors.New("retrieval: nil embedder")
	}
	ix := &Index{dir: dataDir, emb: emb, log: slog.New(slog.DiscardHandler), norm: newNormalizer(), st: &state{byID: map[string]int{}},
		fusion: fuseScore, kwWeight: 0.5}
	for _, o := range opts {
		o(ix)
	}
	ix.rel = newRelevance(ix.norm)
	if dataDir == "" {
		return ix, nil
	}
	f, err := readIndexFile(ctx, dataDir)
	if err != nil {
		return nil, err
	}
	if f == nil {
		return ix, nil
	}
	if f.embName != emb.Name() {
		ix.log.Info("retrieval: index was built by another embedder; next update rebuilds it",
			"dir", dataDir, "on_disk", f.embName, "now", emb.Name())
		ix.needRebuild = true
		return ix, nil
	}
	st, err := ix.loadState(ctx, f)
	if err != nil {
		return nil, err
	}
	ix.st = st
	return ix, nil
}

// loadState assembles a loaded index file, with the persisted BM25
// postings when they match its texts (bm25file.go); otherwise BM25 is
// built from the texts and persisted for the next start.
func (ix *Index) loadState(ctx context.Context, f *indexFileData) (*state, error) {
	bm, err := readBM25File(ix.dir, f.keys)
	if err == nil {
		return ix.buildStateWith(ctx, f.embName, f.dims, f.chunks, f.keys, f.vecs, nil, bm)
	}
	if !errors.Is(err, errStaleBM25) {
		ix.log.Warn("retrieval: rebuilding keyword index", "err", err)
	}
	st, err := ix.buildState(ctx, f.embName, f.dims, f.chunks, f.keys, f.vecs)
	if err != nil {
		return nil, err
	}
	ix.persistBM25(st)
	return st, nil
}

// persistBM25 writes the postings; failing costs only a rebuild next start.
func (ix *Index) persistBM25(st *state) {
	if ix.dir == "" {
		return
	}
	if err := writeBM25File(ix.dir, st); err != nil {
		ix.log.Warn("retrieval: could not save the keyword index; it is rebuilt at next start", "err", err)
	}
}

// Len is the number of indexed chunks.
func (ix *Index) Len() int { return len(ix.snapshot().chunks) }

// Chunks returns the indexed chunks in index order.
func (ix *Index) Chunks() []corpus.Chunk { return slices.Clone(ix.snapshot().chunks) }

// EmbedderName is the Name of the embedder the index is built with.
func (ix *Index) EmbedderName() string { return ix.emb.Name() }

func (ix *Index) snapshot() *state {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.st
}

// Update makes the index hold exactly chunks (the full set, not a delta).
// Only texts never embedded before under this embedder are embedded;
// when nothing changed, nothing is embedded or written. On any error the
// previous index stays in place, on disk and in memory.
func (ix *Index) Update(ctx context.Context, chunks []corpus.Chunk) (UpdateReport, error) {
	ix.updateMu.Lock()
	defer ix.updateMu.Unlock()
	start := time.Now()

	ix.mu.RLock()
	old, rebuild := ix.st, ix.needRebuild
	ix.mu.RUnlock()
	name := ix.emb.Name()
	if old.embName != "" && old.embName != name {
		rebuild = true
	}

	// Keep the first occurrence of each id: ids are content hashes, so a
	// duplicate is the same passage.
	seen := make(map[string]bool, len(chunks))
	uniq := make([]corpus.Chunk, 0, len(chunks))
	for _, c := range chunks {
		if c.ID == "" || seen[c.ID] {
			continue
		}
		seen[c.ID] = true
		uniq = append(uniq, c)
	}
	// Nothing changed: answer before normalising or hashing anything, so a
	// no-op re-index of 100k chunks costs only comparisons.
	if !rebuild && len(uniq) == len(old.chunks) {
		same := true
		for i := range uniq {
			if !equalChunk(old.chunks[i], uniq[i]) {
				same = false
				break
			}
		}
		if same {
			return UpdateReport{Unchanged: len(uniq), Total: len(uniq), Duration: time.Since(start)}, nil
		}
	}
	texts := ix.indexTexts(uniq)
	keys := make([][sha256.Size]byte, len(uniq))
	parallel(len(uniq), func(i int) { keys[i] = sha256.Sum256([]byte(texts[i])) })

	rep := UpdateReport{Rebuilt: rebuild, Total: len(uniq)}
	for _, c := range uniq {
		if _, ok := old.byID[c.ID]; ok {
			rep.Unchanged++
		} else {
			rep.Added++
		}
	}
	rep.Removed = len(old.chunks) - rep.Unchanged

	if !rebuild && sameChunks(old, uniq, keys) {
		rep.Duration = time.Since(start)
		return rep, nil
	}

	// Vectors already computed under this embedder, keyed by text hash.
	cache := map[[sha256.Size]byte][]float32{}
	dims := 0
	if !rebuild {
		dims = old.dims
		for i, k := range old.keys {
			cache[k] = old.vecs[i]
		}
	}
	var missing []int // index into uniq of the first chunk of each new text
	queued := map[[sha256.Size]byte]bool{}
	for i, k := range keys {
		if _, ok := cache[k]; !ok && !queued[k] {
			queued[k] = true
			missing = append(missing, i)
		}
	}
	if err := ix.embedMissing(ctx, texts, keys, missing, cache, &dims, &rep); err != nil {
		return rep, err
	}

	vecs := make([][]float32, len(uniq))
	for i, k := range keys {
		vecs[i] = cache[k]
	}
	st, err := ix.buildStateTexts(ctx, name, dims, uniq, keys, vecs, texts)
	if err != nil {
		return rep, err
	}
	if ix.dir != "" {
		if err := ix.writeIndexFile(ctx, st); err != nil {
			return rep, err
		}
		rep.Written = true
		ix.persistBM25(st)
	}
	ix.mu.Lock()
	ix.st, ix.needRebuild = st, false
	ix.mu.Unlock()
	rep.Duration = time.Since(start)
	ix.log.Debug("retrieval: index updated", "added", rep.Added, "removed", rep.Removed,
		"unchanged", rep.Unchanged, "embedded", rep.Embedded, "took", rep.Duration)
	return rep, nil
}

// sameChunks reports whether the new set is exactly the old one, in order,
// with the same indexed texts and metadata.
func sameChunks(old *state, chunks []corpus.Chunk, keys [][sha256.Size]byte) bool {
	if len(old.chunks) != len(chunks) {
		return false
	}
	for i := range chunks {
		if old.keys[i] != keys[i] || !equalChunk(old.chunks[i], chunks[i]) {
			return false
		}
	}
	return true
}

func equalChunk(a, b corpus.Chunk) bool {
	return a.ID == b.ID && a.ArticleID == b.ArticleID && a.Seq == b.Seq && a.Text == b.Text &&
		a.Norm == b.Norm && equalMeta(a.Meta, b.Meta)
}

func equalMeta(a, b corpus.Meta) bool {
	return a.ID == b.ID && a.Title == b.Title && a.Leader == b.Leader && slices.Equal(a.Aliases, b.Aliases) &&
		a.Place == b.Place && a.Role == b.Role && slices.Equal(a.Honours, b.Honours) && slices.Equal(a.Methods, b.Methods) &&
		slices.Equal(a.Others, b.Others) && slices.EqualFunc(a.Secretaries, b.Secretaries, equalSecretary) && a.Author == b.Author &&
		a.Source == b.Source && a.Date == b.Date && a.URL == b.URL && a.Script == b.Script
}

func equalSecretary(a, b corpus.Secretary) bool {
	return a.Name == b.Name && slices.Equal(a.Aliases, b.Aliases) && a.Role == b.Role && a.Place == b.Place && slices.Equal(a.Honours, b.Honours)
}

// checkVectors rejects what would poison the index: wrong counts or
// sizes, NaN/Inf, zero vectors. Unnormalised vectors are normalised.
func checkVectors(vs [][]float32, want, dims int) error {
	if len(vs) != want {
		return fmt.Errorf("%w: got %d vectors for %d texts", ErrBadEmbedding, len(vs), want)
	}
	for i, v := range vs {
		if len(v) != dims || dims == 0 {
			return fmt.Errorf("%w: vector %d has %d dimensions, want %d", ErrBadEmbedding, i, len(v), dims)
		}
		var s float64
		for _, x := range v {
			if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
				return fmt.Errorf("%w: vector %d is not finite", ErrBadEmbedding, i)
			}
			s += float64(x) * float64(x)
		}
		if s < 1e-12 {
			return fmt.Errorf("%w: vector %d is zero", ErrBadEmbedding, i)
		}
		if math.Abs(s-1) > 1e-5 {
			vs[i] = slices.Clone(v)
			normalize(vs[i])
		}
	}
	return nil
}

// indexTexts is the normalised text of every chunk, computed in parallel
// (script conversion is the costly part at 100k chunks).
func (ix *Index) indexTexts(chunks []corpus.Chunk) []string {
	texts := make([]string, len(chunks))
	parallel(len(chunks), func(i int) {
		c := chunks[i]
		texts[i] = ix.norm.chunkText(c.Meta.Leader, c.Norm, c.Text)
	})
	return texts
}

func (ix *Index) buildState(ctx context.Context, name string, dims int, chunks []corpus.Chunk, keys [][sha256.Size]byte, vecs [][]float32) (*state, error) {
	return ix.buildStateTexts(ctx, name, dims, chunks, keys, vecs, ix.indexTexts(chunks))
}

// buildStateTexts assembles the chromem collection and the BM25 index
// (concurrently: they are independent) for one version of the index.
func (ix *Index) buildStateTexts(ctx context.Context, name string, dims int, chunks []corpus.Chunk, keys [][sha256.Size]byte, vecs [][]float32, texts []string) (*state, error) {
	return ix.buildStateWith(ctx, name, dims, chunks, keys, vecs, texts, nil)
}

// buildStateWith is buildStateTexts with BM25 already built (bm != nil;
// texts are then not needed).
func (ix *Index) buildStateWith(ctx context.Context, name string, dims int, chunks []corpus.Chunk, keys [][sha256.Size]byte, vecs [][]float32, texts []string, bm *bm25Index) (*state, error) {
	st := &state{embName: name, dims: dims, chunks: chunks, keys: keys, vecs: vecs,
		byID: make(map[string]int, len(chunks)), leaders: make([]string, len(chunks))}
	for i, c := range chunks {
		st.byID[c.ID] = i
		st.leaders[i] = normLeader(c.Meta.Leader)
	}
	var wg sync.WaitGroup
	if st.bm = bm; bm == nil {
		wg.Go(func() { st.bm = buildBM25(texts) })
	}
	coll, err := newCollection(ctx, st)
	wg.Wait()
	if err != nil {
		return nil, err
	}
	st.coll = coll
	return st, nil
}

func normLeader(s string) string { return zh.ToSimplified(s) }

// Metadata keys in the chromem collection, used by its where-filter.
const (
	metaLeader  = "leader"
	metaArticle = "article_id"
)

func newCollection(ctx context.Context, st *state) (*chromem.Collection, error) {
	db := chromem.NewDB()
	// Vectors are always supplied; an embedding function that errors
	// guarantees chromem never falls back to its default (the OpenAI API).
	noEmbed := func(context.Context, string) ([]float32, error) {
		return nil, errors.New("retrieval: chromem must not embed")
	}
	coll, err := db.CreateCollection("chunks", nil, noEmbed)
	if err != nil {
		return nil, fmt.Errorf("retrieval: create collection: %w", err)
	}
	if len(st.chunks) == 0 {
		return coll, nil
	}
	// AddDocuments starts a goroutine per document; at 100k chunks a few
	// workers calling AddDocument directly is markedly cheaper.
	errs := make([]error, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for w := range errs {
		wg.Go(func() {
			for i := w; i < len(st.chunks); i += len(errs) {
				c := st.chunks[i]
				doc := chromem.Document{
					ID:        c.ID,
					Metadata:  map[string]string{metaLeader: st.leaders[i], metaArticle: c.ArticleID},
					Embedding: st.vecs[i],
					Content:   c.Norm,
				}
				if err := coll.AddDocument(ctx, doc); err != nil {
					errs[w] = fmt.Errorf("retrieval: add chunk %s: %w", c.ID, err)
					return
				}
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return coll, nil
}

// parallel runs fn(i) for i in [0,n) on all cores.
func parallel(n int, fn func(i int)) {
	workers := max(1, min(runtime.GOMAXPROCS(0), n/64+1))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < n; i += workers {
				fn(i)
			}
		})
	}
	wg.Wait()
}
