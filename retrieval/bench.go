package retrieval

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"text/tabwriter"
	"time"

	"bangyang/corpus"
)

// BenchOptions configures Bench. Zero values pick the defaults.
type BenchOptions struct {
	Sizes    []int          // corpus sizes; default 1k, 10k, 100k
	Queries  int            // timed queries per size; default 200
	Base     []corpus.Chunk // sentences to recombine; default the seed corpus
	Embedder Embedder       // default the local embedder
	Dir      string         // where to persist; default a temp dir, removed after
}

// BenchRow is one corpus size's figures.
type BenchRow struct {
	Chunks            int
	Index             time.Duration // first Update: embed + build + write
	Reindex           time.Duration // Update with nothing changed
	ReindexEmbedded   int           // texts embedded by that (want 0)
	ColdLoad          time.Duration // Open of the persisted index
	HybridP50         time.Duration
	HybridP99         time.Duration
	KeywordP50        time.Duration
	RawP50, RawP99    time.Duration // chromem QueryEmbedding (+ query embedding), same vectors
	BytesPerChunk     float64       // heap growth of a loaded index / chunks
	FileBytesPerChunk float64
}

// Bench measures indexing, loading and query latency on synthetic corpora
// recombined from the seed chunks, and prints a table to w.
func Bench(ctx context.Context, w io.Writer, opts BenchOptions) error {
	rows, err := RunBench(ctx, opts)
	if err != nil {
		return err
	}
	return WriteBenchTable(w, rows)
}

// RunBench measures and returns the rows.
func RunBench(ctx context.Context, opts BenchOptions) ([]BenchRow, error) {
	if len(opts.Sizes) == 0 {
		opts.Sizes = []int{1_000, 10_000, 100_000}
	}
	if opts.Queries <= 0 {
		opts.Queries = 200
	}
	if opts.Embedder == nil {
		opts.Embedder = NewLocalEmbedder()
	}
	if opts.Base == nil {
		as, err := corpus.Default()
		if err != nil {
			return nil, fmt.Errorf("retrieval: bench corpus: %w", err)
		}
		opts.Base = corpus.ChunkAll(as)
	}
	root := opts.Dir
	if root == "" {
		d, err := os.MkdirTemp("", "bangyang-bench-")
		if err != nil {
			return nil, fmt.Errorf("retrieval: bench dir: %w", err)
		}
		defer os.RemoveAll(d)
		root = d
	}
	var rows []BenchRow
	for _, n := range opts.Sizes {
		row, err := benchSize(ctx, opts, n, fmt.Sprintf("%s/n%d", root, n))
		if err != nil {
			return rows, err
		}
		rows = append(rows, row)
	}
	return rows, nil
}

func benchSize(ctx context.Context, opts BenchOptions, n int, dir string) (BenchRow, error) {
	row := BenchRow{Chunks: n}
	chunks := SyntheticChunks(opts.Base, n, uint64(n))
	idx, err := Open(ctx, dir, opts.Embedder)
	if err != nil {
		return row, err
	}
	t := time.Now()
	if _, err := idx.Update(ctx, chunks); err != nil {
		return row, err
	}
	row.Index = time.Since(t)
	t = time.Now()
	rep, err := idx.Update(ctx, chunks)
	if err != nil {
		return row, err
	}
	row.Reindex, row.ReindexEmbedded = time.Since(t), rep.Embedded
	if fi, err := os.Stat(dir + "/" + indexFile); err == nil {
		row.FileBytesPerChunk = float64(fi.Size()) / float64(n)
	}
	idx = nil

	heap := func() uint64 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	before := heap()
	t = time.Now()
	idx, err = Open(ctx, dir, opts.Embedder)
	if err != nil {
		return row, err
	}
	row.ColdLoad = time.Since(t)
	row.BytesPerChunk = float64(heap()-min(before, heap())) / float64(n)
	if idx.Len() != n {
		return row, fmt.Errorf("retrieval: bench: reloaded %d of %d chunks", idx.Len(), n)
	}

	queries := benchQueries(chunks, opts.Queries)
	st := idx.snapshot()
	timeIt := func(f func(q string) error) (p50, p99 time.Duration, err error) {
		lat := make([]time.Duration, 0, len(queries))
		for _, q := range queries {
			t := time.Now()
			if err := f(q); err != nil {
				return 0, 0, err
			}
			lat = append(lat, time.Since(t))
		}
		slices.Sort(lat)
		return lat[len(lat)/2], lat[len(lat)*99/100], nil
	}
	// Warm up caches and pools once.
	if _, err := idx.Search(ctx, queries[0], SearchOptions{}); err != nil {
		return row, err
	}
	if row.HybridP50, row.HybridP99, err = timeIt(func(q string) error {
		_, err := idx.Search(ctx, q, SearchOptions{K: DefaultK})
		return err
	}); err != nil {
		return row, err
	}
	if row.KeywordP50, _, err = timeIt(func(q string) error {
		_, err := idx.Search(ctx, q, SearchOptions{K: DefaultK, Leg: LegKeyword})
		return err
	}); err != nil {
		return row, err
	}
	row.RawP50, row.RawP99, err = timeIt(func(q string) error {
		v, err := opts.Embedder.Embed(ctx, []string{idx.norm.query(q)})
		if err != nil {
			return err
		}
		_, err = st.coll.QueryEmbedding(ctx, v[0], DefaultK, nil, nil)
		return err
	})
	return row, err
}

// benchQueries mixes the eval questions with fragments of indexed text.
func benchQueries(chunks []corpus.Chunk, n int) []string {
	var qs []string
	if set, err := DefaultEvalSet(); err == nil {
		for _, c := range set {
			qs = append(qs, c.Question)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for len(qs) < n {
		rs := []rune(chunks[r.IntN(len(chunks))].Norm)
		if len(rs) < 12 {
			continue
		}
		i := r.IntN(len(rs) - 10)
		qs = append(qs, string(rs[i:i+4+r.IntN(7)]))
	}
	return qs[:n]
}

// WriteBenchTable prints rows as an aligned table.
func WriteBenchTable(w io.Writer, rows []BenchRow) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "chunks\tindex\tre-index(no change)\tembedded\tcold load\thybrid p50\thybrid p99\tkeyword p50\traw chromem p50\traw p99\thybrid/raw p50\theap B/chunk\tfile B/chunk\t")
	for _, r := range rows {
		ratio := 0.0
		if r.RawP50 > 0 {
			ratio = float64(r.HybridP50) / float64(r.RawP50)
		}
		fmt.Fprintf(tw, "%d\t%v\t%v\t%d\t%v\t%v\t%v\t%v\t%v\t%v\t%.2f×\t%.0f\t%.0f\t\n",
			r.Chunks, r.Index.Round(time.Millisecond), r.Reindex.Round(time.Millisecond), r.ReindexEmbedded,
			r.ColdLoad.Round(time.Millisecond), r.HybridP50.Round(time.Microsecond), r.HybridP99.Round(time.Microsecond),
			r.KeywordP50.Round(time.Microsecond), r.RawP50.Round(time.Microsecond), r.RawP99.Round(time.Microsecond),
			ratio, r.BytesPerChunk, r.FileBytesPerChunk)
	}
	return tw.Flush()
}
