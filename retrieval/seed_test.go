package retrieval

import (
	"slices"
	"sync"
	"testing"

	"bangyang/corpus"
)

// The seed corpus is parsed once per test binary (about 0.2 s under
// -race); each test gets its own copy of the chunks.
var (
	seedOnce   sync.Once
	seedCache  []corpus.Chunk
	seedLoadEr error
)

// seedChunks are the embedded seed articles, chunked by the corpus package.
func seedChunks(t testing.TB) []corpus.Chunk {
	t.Helper()
	seedOnce.Do(func() {
		var as []corpus.Article
		as, seedLoadEr = corpus.Default()
		seedCache = corpus.ChunkAll(as)
	})
	if seedLoadEr != nil {
		t.Fatal(seedLoadEr)
	}
	if len(seedCache) == 0 {
		t.Fatal("no seed chunks")
	}
	return cloneChunks(seedCache)
}

// cloneChunks copies chunks deeply enough that no test shares a slice
// with another.
func cloneChunks(cs []corpus.Chunk) []corpus.Chunk {
	out := slices.Clone(cs)
	for i := range out {
		m := &out[i].Meta
		m.Aliases, m.Honours, m.Methods, m.Others = slices.Clone(m.Aliases), slices.Clone(m.Honours), slices.Clone(m.Methods), slices.Clone(m.Others)
	}
	return out
}
