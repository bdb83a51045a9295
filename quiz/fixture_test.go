package quiz

import (
	"testing"

	"bangyang/corpus"
)

// realSource is the embedded seed corpus, chunked as the bot chunks it.
func realSource(t testing.TB) Source {
	t.Helper()
	as, err := corpus.Default()
	if err != nil {
		t.Fatalf("load default corpus: %v", err)
	}
	return Source{Chunks: corpus.ChunkAll(as)}
}
