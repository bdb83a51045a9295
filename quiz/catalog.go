package quiz

import (
	"bangyang/catalog"
	"bangyang/corpus"
)

// SourceFromCatalog builds a Source from a built catalog and the chunks it
// was built from.
func SourceFromCatalog(c *catalog.Catalog, chunks []corpus.Chunk) Source {
	src := Source{Chunks: chunks}
	for _, m := range c.Methods() {
		src.Methods = append(src.Methods, MethodInfo{
			Name: m.Name, Aliases: append([]string(nil), m.Aliases...), Leader: m.Leader,
			ArticleID: m.ArticleID, Summary: m.Summary,
			ChunkIDs: append([]string(nil), m.ChunkIDs...), Steps: append([]string(nil), m.Steps...),
			Problem: quotes(m.Problem), How: quotes(m.How), Results: quotes(m.Results), Procedure: procedure(m.Procedure),
		})
	}
	for _, l := range c.Leaders() {
		src.Leaders = append(src.Leaders, LeaderInfo{
			Name: l.Name, Aliases: append([]string(nil), l.Aliases...), Place: l.Place, Role: l.Role,
			Honours: append([]string(nil), l.Honours...), ArticleIDs: append([]string(nil), l.ArticleIDs...),
			Methods: append([]string(nil), l.Methods...), ChunkIDs: append([]string(nil), l.ChunkIDs...),
		})
	}
	return src
}

func quotes(qs []catalog.Quote) []Quote {
	var out []Quote
	for _, q := range qs {
		out = append(out, Quote{Text: q.Text, ChunkID: q.ChunkID})
	}
	return out
}

func procedure(steps [][]catalog.Quote) [][]Quote {
	var out [][]Quote
	for _, st := range steps {
		out = append(out, quotes(st))
	}
	return out
}
