package core

import (
	"context"
	"fmt"
	"testing"

	"bangyang/catalog"
	"bangyang/corpus"
)

// BenchmarkNewService is the start-up cost of the answering core over
// 10k passages (the seeds repeated under other article ids): it runs on
// every command, so it must stay small next to loading the index.
func BenchmarkNewService(b *testing.B) {
	ix, arts := offlineIndex(b)
	base := ix.Chunks()
	var chunks []corpus.Chunk
	var metas []corpus.Meta
	for i := 0; len(chunks) < 10000; i++ {
		for _, a := range arts {
			m := a.Meta
			m.ID = fmt.Sprintf("%s-%d", m.ID, i)
			metas = append(metas, m)
		}
		for _, c := range base {
			c.ArticleID = fmt.Sprintf("%s-%d", c.ArticleID, i)
			c.ID = fmt.Sprintf("%s-%d", c.ID, i)
			c.Meta.ID = c.ArticleID
			chunks = append(chunks, c)
		}
	}
	cat, err := catalog.Build(context.Background(), chunks)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		if _, err := New(Options{Search: ix, Articles: metas, Chunks: chunks, Catalog: cat}); err != nil {
			b.Fatal(err)
		}
	}
}
