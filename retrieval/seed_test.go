package retrieval

import (
	"testing"

	"bangyang/corpus"
)

// seedChunks are the embedded seed articles, chunked by the corpus package.
func seedChunks(t testing.TB) []corpus.Chunk {
	t.Helper()
	as, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	cs := corpus.ChunkAll(as)
	if len(cs) == 0 {
		t.Fatal("no seed chunks")
	}
	return cs
}
