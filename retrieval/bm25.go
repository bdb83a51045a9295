package retrieval

import (
	"container/heap"
	"math"
	"runtime"
	"slices"
	"sort"
	"sync"
)

// BM25 parameters: the textbook defaults; passages are short and similar
// in length, so length normalisation matters little.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// bm25Index is an inverted index over keyword tokens. Postings are stored
// flat: term t's postings are post[off[t]:off[t+1]], each a uint32 packing
// the document number (high 24 bits) and the term frequency capped at 255
// (low 8 bits; BM25 saturates long before that). Documents are numbered
// in order, so every posting list is sorted by document.
type bm25Index struct {
	terms   map[uint64]uint32
	off     []uint32
	post    []uint32
	docNorm []float32 // k1·(1−b+b·len/avglen) per document
	n       int
	avgLen  float64
}

const maxBM25Docs = 1 << 24

// buildBM25 indexes texts (already normalised). Tokenising runs in
// parallel; term ids are assigned in one pass so the layout is
// deterministic.
func buildBM25(texts []string) *bm25Index {
	n := len(texts)
	type docTerms struct {
		keys []uint64
		tfs  []uint8
		len  int
	}
	docs := make([]docTerms, n)
	workers := max(1, min(runtime.GOMAXPROCS(0), n/256+1))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			var buf []uint64
			var tc termCounter
			for d := w; d < n; d += workers {
				buf = keywordTokens(buf[:0], texts[d])
				tc.reset(len(buf))
				for _, k := range buf {
					tc.add(k)
				}
				dt := docTerms{len: len(buf), keys: make([]uint64, 0, len(tc.used)), tfs: make([]uint8, 0, len(tc.used))}
				tc.each(func(k uint64, c uint32) {
					dt.keys = append(dt.keys, k)
					dt.tfs = append(dt.tfs, uint8(min(c, 255)))
				})
				docs[d] = dt
			}
		})
	}
	wg.Wait()

	ix := &bm25Index{terms: make(map[uint64]uint32), n: n, docNorm: make([]float32, n)}
	var df []uint32
	total := 0
	for d := range docs {
		total += docs[d].len
		for i, k := range docs[d].keys {
			id, ok := ix.terms[k]
			if !ok {
				id = uint32(len(df))
				ix.terms[k] = id
				df = append(df, 0)
			}
			df[id]++
			docs[d].keys[i] = uint64(id) // reuse: the fill pass needs no map lookups
		}
	}
	ix.off = make([]uint32, len(df)+1)
	for t, c := range df {
		ix.off[t+1] = ix.off[t] + c
	}
	if n > 0 {
		ix.avgLen = float64(total) / float64(n)
	}
	for d := range docs {
		rel := 1.0
		if ix.avgLen > 0 {
			rel = float64(docs[d].len) / ix.avgLen
		}
		ix.docNorm[d] = float32(bm25K1 * (1 - bm25B + bm25B*rel))
	}
	ix.post = make([]uint32, ix.off[len(df)])
	fill := slices.Clone(ix.off[:len(df)])
	for d := range docs {
		for i, id := range docs[d].keys {
			ix.post[fill[id]] = uint32(d)<<8 | uint32(docs[d].tfs[i])
			fill[id]++
		}
		docs[d] = docTerms{} // release as we go
	}
	return ix
}

func (ix *bm25Index) idf(df int) float64 {
	return math.Log(1 + (float64(ix.n)-float64(df)+0.5)/(float64(df)+0.5))
}

// contains reports whether document d contains key.
func (ix *bm25Index) contains(key uint64, d int) bool {
	t, ok := ix.terms[key]
	if !ok {
		return false
	}
	p := ix.post[ix.off[t]:ix.off[t+1]]
	i := sort.Search(len(p), func(i int) bool { return int(p[i]>>8) >= d })
	return i < len(p) && int(p[i]>>8) == d
}

type scored struct {
	doc   int
	score float64
}

// minHeap keeps the best m results seen so far, worst on top.
type minHeap []scored

func (h minHeap) Len() int { return len(h) }
func (h minHeap) Less(i, j int) bool {
	if h[i].score != h[j].score {
		return h[i].score < h[j].score
	}
	return h[i].doc > h[j].doc // ties: earlier document wins
}
func (h minHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *minHeap) Push(x any)   { *h = append(*h, x.(scored)) }
func (h *minHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// search scores every document containing at least one query key and
// returns the best m, best first. allow, when non-nil, filters documents.
// Accumulators come from pool to keep queries allocation-light at 100k
// documents.
func (ix *bm25Index) search(keys []uint64, m int, allow func(int) bool, pool *sync.Pool) []scored {
	if ix.n == 0 || m <= 0 {
		return nil
	}
	uniq := slices.Clone(keys)
	slices.Sort(uniq)
	uniq = slices.Compact(uniq)

	var acc []float32
	if v, ok := pool.Get().(*[]float32); ok && len(*v) == ix.n {
		acc = *v
	} else {
		acc = make([]float32, ix.n)
	}
	defer func() { clear(acc); pool.Put(&acc) }()

	touchedAny := false
	for _, k := range uniq {
		t, ok := ix.terms[k]
		if !ok {
			continue
		}
		p := ix.post[ix.off[t]:ix.off[t+1]]
		idf := float32(ix.idf(len(p)))
		touchedAny = true
		for _, x := range p {
			d := x >> 8
			tf := float32(x & 0xff)
			acc[d] += idf * tf * (bm25K1 + 1) / (tf + ix.docNorm[d])
		}
	}
	if !touchedAny {
		return nil
	}
	h := make(minHeap, 0, m+1)
	for d, s := range acc {
		if s == 0 || (len(h) == m && float64(s) <= h[0].score) {
			continue
		}
		if allow != nil && !allow(d) {
			continue
		}
		heap.Push(&h, scored{doc: d, score: float64(s)})
		if len(h) > m {
			heap.Pop(&h)
		}
	}
	out := make([]scored, len(h))
	for i := len(h) - 1; i >= 0; i-- {
		out[i] = heap.Pop(&h).(scored)
	}
	return out
}
