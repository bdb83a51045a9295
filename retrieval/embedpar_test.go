package retrieval

import (
	"context"
	"errors"
	"slices"
	"sync/atomic"
	"testing"
	"time"
)

// parallelEmbedder allows 4 calls at once and records how many overlapped.
type parallelEmbedder struct {
	inner             *LocalEmbedder
	inflight, maxSeen atomic.Int64
	calls             atomic.Int64
	failAt            int64
}

func (p *parallelEmbedder) Name() string     { return p.inner.Name() }
func (p *parallelEmbedder) Concurrency() int { return 4 }
func (p *parallelEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	n := p.inflight.Add(1)
	defer p.inflight.Add(-1)
	for {
		m := p.maxSeen.Load()
		if n <= m || p.maxSeen.CompareAndSwap(m, n) {
			break
		}
	}
	if c := p.calls.Add(1); p.failAt > 0 && c >= p.failAt {
		return nil, errors.New("embedding server down")
	}
	time.Sleep(5 * time.Millisecond) // long enough for the batches to overlap
	return p.inner.Embed(ctx, texts)
}

func TestUpdateEmbedsBatchesInParallel(t *testing.T) {
	t.Parallel()
	chunks := SyntheticChunks(seedChunks(t), 6*embedBatch, 7)
	seq := openUpdated(t, "", NewLocalEmbedderDims(64), chunks)
	par := &parallelEmbedder{inner: NewLocalEmbedderDims(64)}
	ix, err := Open(context.Background(), t.TempDir(), par)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := ix.Update(context.Background(), chunks)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Calls != 6 || rep.Embedded != len(chunks) {
		t.Errorf("report: %+v", rep)
	}
	if par.maxSeen.Load() < 2 {
		t.Errorf("batches never overlapped (max %d at once)", par.maxSeen.Load())
	}
	a, b := seq.snapshot(), ix.snapshot()
	for i := range a.vecs {
		if !slices.Equal(a.vecs[i], b.vecs[i]) || a.keys[i] != b.keys[i] {
			t.Fatalf("chunk %d: the vectors depend on how batches were scheduled", i)
		}
	}
}

func TestParallelEmbedFailureKeepsPreviousIndex(t *testing.T) {
	t.Parallel()
	chunks := SyntheticChunks(seedChunks(t), 8*embedBatch, 9)
	dir := t.TempDir()
	par := &parallelEmbedder{inner: NewLocalEmbedderDims(64)}
	ix := openUpdated(t, dir, par, chunks[:10])
	par.failAt = par.calls.Load() + 3
	if _, err := ix.Update(context.Background(), chunks); err == nil || ix.Len() != 10 {
		t.Fatalf("update with a failing embedder: err %v, %d chunks", err, ix.Len())
	}
	re, err := Open(context.Background(), dir, par)
	if err != nil || re.Len() != 10 {
		t.Fatalf("reopened: %v, %d chunks", err, re.Len())
	}
}
