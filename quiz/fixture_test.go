package quiz

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

// realSource is the embedded seed corpus, chunked as the bot chunks it.
func realSource(t testing.TB) Source {
	t.Helper()
	seedOnce.Do(func() {
		var as []corpus.Article
		as, seedLoadEr = corpus.Default()
		seedCache = corpus.ChunkAll(as)
	})
	if seedLoadEr != nil {
		t.Fatalf("load default corpus: %v", seedLoadEr)
	}
	return Source{Chunks: cloneChunks(seedCache)}
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
