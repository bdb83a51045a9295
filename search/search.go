// Package search is the contract between the retrieval index and the code
// that asks it: what a search is told (Options) and what it gives back
// (Result, Hit). It holds types only, so a package can take a searcher
// without importing the index and its vector store (package retrieval
// implements it with chromem-go).
package search

import (
	"errors"

	"bangyang/corpus"
)

// ErrEmptyQuery: the query has no searchable character (empty, whitespace
// or punctuation only).
var ErrEmptyQuery = errors.New("retrieval: query has no searchable text")

// Leg selects which search runs.
type Leg string

const (
	LegHybrid  Leg = "hybrid" // both legs, fused (the default)
	LegKeyword Leg = "keyword"
	LegVector  Leg = "vector"
)

// DefaultK is the number of hits when Options.K is not positive.
const DefaultK = 5

// Options tunes one search. Leader and ArticleID filter by the chunk's
// metadata (the leader name in either script).
type Options struct {
	K         int
	Leader    string
	ArticleID string
	Leg       Leg
}

// Result is the ranked passages for a query. Relevant is false when the
// articles do not appear to cover the question at all (the caller should
// say so rather than answer from the hits).
type Result struct {
	Query    string
	Hits     []Hit
	Relevant bool
}

// Hit is one passage. Score is the fused score for hybrid searches, the
// BM25 score for keyword searches and the cosine similarity for vector
// searches. KeywordRank and VectorRank are 1-based ranks in each leg's
// candidate list, 0 when the leg did not return the chunk.
type Hit struct {
	Chunk       corpus.Chunk
	Score       float64
	KeywordRank int
	VectorRank  int
}
