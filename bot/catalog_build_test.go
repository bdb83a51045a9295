package bot

import (
	"context"
	"testing"

	"bangyang/catalog"
	"bangyang/corpus"
)

// buildCatalog builds the catalog of chunks, failing the test on error.
func buildCatalog(t testing.TB, chunks []corpus.Chunk) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Build(context.Background(), chunks)
	if err != nil {
		t.Fatalf("catalog.Build: %v", err)
	}
	return c
}
