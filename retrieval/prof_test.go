package retrieval

import (
	"context"
	"os"
	"testing"
	"time"
)

func TestProfReopen(t *testing.T) {
	if os.Getenv("PROF") == "" {
		t.Skip()
	}
	ctx := context.Background()
	t0 := time.Now()
	chunks := SyntheticChunks(seedChunks(t), 100000, 42)
	t.Logf("synth %v", time.Since(t0))
	idx, _ := Open(ctx, "", NewLocalEmbedderDims(64))
	t0 = time.Now()
	texts := idx.indexTexts(chunks)
	t.Logf("indexTexts %v", time.Since(t0))
	t0 = time.Now()
	bm := buildBM25(texts)
	t.Logf("bm25 %v terms=%d postings=%d", time.Since(t0), len(bm.terms), len(bm.post))
	t0 = time.Now()
	vecs, _ := NewLocalEmbedderDims(64).Embed(ctx, texts)
	t.Logf("embed %v", time.Since(t0))
	st := &state{chunks: chunks, vecs: vecs, leaders: make([]string, len(chunks))}
	t0 = time.Now()
	newCollection(ctx, st)
	t.Logf("chromem %v", time.Since(t0))
}
