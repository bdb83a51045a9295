package retrieval

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"bangyang/search"
)

// The search contract lives in package search (types only, so that users
// of an index need not import chromem-go); these names are kept for
// retrieval's own code and its callers.
type (
	Leg           = search.Leg
	SearchOptions = search.Options
	SearchResult  = search.Result
	Hit           = search.Hit
)

const (
	LegHybrid  = search.LegHybrid
	LegKeyword = search.LegKeyword
	LegVector  = search.LegVector
	DefaultK   = search.DefaultK
)

// fusionMethod combines the two legs' rankings.
type fusionMethod int

const (
	fuseRRF   fusionMethod = iota // reciprocal rank fusion
	fuseScore                     // min-max normalised scores, weighted (Open's default, chosen by eval)
)

// rrfK is the usual reciprocal-rank-fusion constant: it flattens the
// difference between rank 1 and 2 so neither leg dominates.
const rrfK = 60

// candidates is how deep each leg is read before fusing.
func candidates(k, n int) int { return min(n, max(4*k, 30)) }

// Search ranks the indexed passages for query.
func (ix *Index) Search(ctx context.Context, query string, opt SearchOptions) (*SearchResult, error) {
	q := ix.norm.query(query)
	tokens := keywordTokens(nil, q)
	if len(tokens) == 0 {
		return nil, ErrEmptyQuery
	}
	leg := opt.Leg
	if leg == "" {
		leg = LegHybrid
	}
	if leg != LegHybrid && leg != LegKeyword && leg != LegVector {
		return nil, fmt.Errorf("retrieval: unknown search leg %q", leg)
	}
	st := ix.snapshot()
	res := &SearchResult{Query: query}
	n := len(st.chunks)
	if n == 0 {
		return res, nil
	}
	k := opt.K
	if k <= 0 {
		k = DefaultK
	}
	k = min(k, n)
	m := candidates(k, n)
	leader := normLeader(opt.Leader)
	var allow func(int) bool
	if leader != "" || opt.ArticleID != "" {
		allow = func(d int) bool {
			return (leader == "" || st.leaders[d] == leader) &&
				(opt.ArticleID == "" || st.chunks[d].ArticleID == opt.ArticleID)
		}
	}

	var kw, vec []scored
	var vecErr error
	if leg == LegHybrid || leg == LegVector {
		done := make(chan struct{})
		go func() {
			defer close(done)
			vec, vecErr = ix.vectorLeg(ctx, st, q, m, leader, opt.ArticleID)
		}()
		if leg == LegHybrid {
			kw = st.bm.search(tokens, m, allow, &ix.accPool)
		}
		<-done
	} else {
		kw = st.bm.search(tokens, m, allow, &ix.accPool)
	}
	if vecErr != nil {
		if leg == LegVector || ctx.Err() != nil {
			return nil, vecErr
		}
		// The keyword leg alone still answers; a remote embedder being
		// down must not take search down with it.
		ix.log.Warn("retrieval: vector leg failed; keyword results only", "err", vecErr)
	}

	var fused []scored
	switch leg {
	case LegKeyword:
		fused = kw
	case LegVector:
		fused = vec
	default:
		fused = fuse(ix.fusion, ix.kwWeight, kw, vec)
	}
	kwRank := ranks(kw)
	vecRank := ranks(vec)
	for _, s := range fused[:min(k, len(fused))] {
		res.Hits = append(res.Hits, Hit{Chunk: st.chunks[s.doc], Score: s.score,
			KeywordRank: kwRank[s.doc], VectorRank: vecRank[s.doc]})
	}
	res.Relevant = ix.rel.judge(st, q, fused[:min(5, len(fused))], vec)
	return res, nil
}

func (ix *Index) vectorLeg(ctx context.Context, st *state, q string, m int, leader, article string) ([]scored, error) {
	// Question words ("怎么", "什么") carry no topic; without idf the
	// hashed embedder would weigh them like content.
	if t := strings.TrimSpace(ix.rel.strip.Replace(q)); t != "" && !ix.noStrip {
		q = t
	}
	out, err := ix.emb.Embed(ctx, []string{q})
	if err != nil {
		return nil, fmt.Errorf("retrieval: embed query: %w", err)
	}
	if err := checkVectors(out, 1, st.dims); err != nil {
		return nil, fmt.Errorf("retrieval: embed query: %w", err)
	}
	where := map[string]string{}
	if leader != "" {
		where[metaLeader] = leader
	}
	if article != "" {
		where[metaArticle] = article
	}
	if len(where) == 0 {
		where = nil
	}
	rs, err := st.coll.QueryEmbedding(ctx, out[0], min(m, st.coll.Count()), where, nil)
	if err != nil {
		return nil, fmt.Errorf("retrieval: vector query: %w", err)
	}
	res := make([]scored, 0, len(rs))
	for _, r := range rs {
		if d, ok := st.byID[r.ID]; ok {
			res = append(res, scored{doc: d, score: float64(r.Similarity)})
		}
	}
	// chromem orders ties arbitrarily; make results reproducible.
	slices.SortStableFunc(res, func(a, b scored) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(a.doc, b.doc)
	})
	return res, nil
}

// ranks maps document → 1-based rank.
func ranks(list []scored) map[int]int {
	r := make(map[int]int, len(list))
	for i, s := range list {
		r[s.doc] = i + 1
	}
	return r
}

func fuse(method fusionMethod, kwWeight float64, kw, vec []scored) []scored {
	acc := map[int]float64{}
	switch method {
	case fuseScore:
		addNorm := func(list []scored, w float64) {
			if len(list) == 0 {
				return
			}
			hi, lo := list[0].score, list[len(list)-1].score
			for _, s := range list {
				v := 1.0
				if hi > lo {
					v = (s.score - lo) / (hi - lo)
				}
				acc[s.doc] += w * v
			}
		}
		addNorm(kw, kwWeight)
		addNorm(vec, 1-kwWeight)
	default:
		for i, s := range kw {
			acc[s.doc] += 1.0 / float64(rrfK+i+1)
		}
		for i, s := range vec {
			acc[s.doc] += 1.0 / float64(rrfK+i+1)
		}
	}
	out := make([]scored, 0, len(acc))
	for d, s := range acc {
		out = append(out, scored{doc: d, score: s})
	}
	slices.SortFunc(out, func(a, b scored) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(a.doc, b.doc)
	})
	return out
}
