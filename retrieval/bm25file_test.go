package retrieval

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func sameBM25(t *testing.T, got, want *bm25Index) {
	t.Helper()
	if got.n != want.n || got.avgLen != want.avgLen || !reflect.DeepEqual(got.off, want.off) ||
		!reflect.DeepEqual(got.post, want.post) || !reflect.DeepEqual(got.docNorm, want.docNorm) || !reflect.DeepEqual(got.terms, want.terms) {
		t.Fatalf("loaded postings differ from built ones: n %d/%d terms %d/%d post %d/%d", got.n, want.n, len(got.terms), len(want.terms), len(got.post), len(want.post))
	}
}

// Opening an index uses the persisted postings, which equal the ones
// built from the texts.
func TestBM25PersistedAndReused(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	chunks := seedChunks(t)
	ix := openUpdated(t, dir, NewLocalEmbedder(), chunks)
	built := ix.snapshot().bm
	if _, err := os.Stat(filepath.Join(dir, bm25File)); err != nil {
		t.Fatalf("no %s after Update: %v", bm25File, err)
	}
	loaded, err := readBM25File(dir, ix.snapshot().keys)
	if err != nil {
		t.Fatal(err)
	}
	sameBM25(t, loaded, built)
	re, err := Open(context.Background(), dir, NewLocalEmbedder())
	if err != nil {
		t.Fatal(err)
	}
	sameBM25(t, re.snapshot().bm, built)
	a := topHit(t, ix, "四单工作法", SearchOptions{K: 3, Leg: LegKeyword})
	b := topHit(t, re, "四单工作法", SearchOptions{K: 3, Leg: LegKeyword})
	if a.Hits[0].Chunk.ID != b.Hits[0].Chunk.ID || a.Hits[0].Score != b.Hits[0].Score {
		t.Fatalf("keyword search changed after reload: %+v vs %+v", a.Hits[0], b.Hits[0])
	}
}

// A bm25.bin for other texts, or a damaged one, is never used: BM25 is
// rebuilt from the index's texts and the file rewritten.
func TestBM25StaleOrDamagedIsRebuilt(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	chunks := seedChunks(t)
	openUpdated(t, dir, NewLocalEmbedder(), chunks[:len(chunks)/2])
	old, err := os.ReadFile(filepath.Join(dir, bm25File))
	if err != nil {
		t.Fatal(err)
	}
	full := openUpdated(t, dir, NewLocalEmbedder(), chunks)
	want := full.snapshot().bm
	lastOnly := chunks[len(chunks)-1]

	for name, content := range map[string][]byte{
		"other texts": old,
		"damaged":     flipByte(old, len(old)/2),
		"truncated":   old[:len(old)/3],
		"empty":       {},
	} {
		if err := os.WriteFile(filepath.Join(dir, bm25File), content, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := readBM25File(dir, full.snapshot().keys); err == nil {
			t.Fatalf("%s: stale bm25 file accepted", name)
		}
		re, err := Open(context.Background(), dir, NewLocalEmbedder())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		sameBM25(t, re.snapshot().bm, want)
		res := topHit(t, re, string([]rune(lastOnly.Norm)[:min(len([]rune(lastOnly.Norm)), 20)]), SearchOptions{K: 3, Leg: LegKeyword})
		if res.Hits[0].Chunk.ArticleID != lastOnly.ArticleID {
			t.Errorf("%s: a passage of the second half is not found: %+v", name, res.Hits[0].Chunk.ID)
		}
		if _, err := readBM25File(dir, full.snapshot().keys); err != nil {
			t.Errorf("%s: the rebuilt postings were not saved: %v", name, err)
		}
	}
}

func flipByte(b []byte, i int) []byte {
	c := append([]byte(nil), b...)
	c[i] ^= 0x5a
	return c
}
