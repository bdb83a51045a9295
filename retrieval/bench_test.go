package retrieval

import (
	"bytes"
	"context"
	"testing"
)

func TestBenchSmall(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	rows, err := RunBench(context.Background(), BenchOptions{Sizes: []int{500}, Queries: 50, Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].ReindexEmbedded != 0 || rows[0].HybridP50 <= 0 || rows[0].RawP50 <= 0 {
		t.Fatalf("bench row: %+v", rows)
	}
	WriteBenchTable(&buf, rows)
	t.Log("\n" + buf.String())
}

func benchIndex(b *testing.B, n int) *Index {
	b.Helper()
	idx, err := Open(context.Background(), "", NewLocalEmbedder())
	if err != nil {
		b.Fatal(err)
	}
	if _, err := idx.Update(context.Background(), SyntheticChunks(seedChunks(b), n, 1)); err != nil {
		b.Fatal(err)
	}
	return idx
}

func benchmarkSearch(b *testing.B, n int, leg Leg) {
	idx := benchIndex(b, n)
	qs := benchQueries(idx.snapshot().chunks, 100)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := idx.Search(context.Background(), qs[i%len(qs)], SearchOptions{Leg: leg}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSearchHybrid10k(b *testing.B)  { benchmarkSearch(b, 10_000, LegHybrid) }
func BenchmarkSearchKeyword10k(b *testing.B) { benchmarkSearch(b, 10_000, LegKeyword) }
func BenchmarkSearchVector10k(b *testing.B)  { benchmarkSearch(b, 10_000, LegVector) }

func BenchmarkLocalEmbed(b *testing.B) {
	e := NewLocalEmbedder()
	texts := []string{seedChunks(b)[3].Norm}
	for b.Loop() {
		e.Embed(context.Background(), texts)
	}
}
