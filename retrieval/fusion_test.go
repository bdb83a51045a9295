package retrieval

import (
	"context"
	"math"
	"testing"
)

// TestScoreFusionWeighsTheLegs: score fusion min-max normalises each leg
// and blends them by the keyword weight, so the weight decides which leg's
// favourite wins.
func TestScoreFusionWeighsTheLegs(t *testing.T) {
	t.Parallel()
	kw := []scored{{doc: 1, score: 10}, {doc: 2, score: 5}, {doc: 3, score: 0}}    // normalised 1, .5, 0
	vec := []scored{{doc: 3, score: .9}, {doc: 2, score: .6}, {doc: 1, score: .3}} // normalised 1, .5, 0
	for _, w := range []float64{0.8, 0.2} {
		want := map[int]float64{1: w, 2: 0.5, 3: 1 - w}
		got := fuse(fuseScore, w, kw, vec)
		if len(got) != 3 {
			t.Fatalf("weight %.1f: fused %v, want 3 passages", w, got)
		}
		for i, s := range got {
			if math.Abs(s.score-want[s.doc]) > 1e-9 {
				t.Errorf("weight %.1f: passage %d scored %.4f, want %.4f", w, s.doc, s.score, want[s.doc])
			}
			if i > 0 && got[i-1].score < s.score {
				t.Errorf("weight %.1f: not sorted: %v", w, got)
			}
		}
		if top := map[float64]int{0.8: 1, 0.2: 3}[w]; got[0].doc != top {
			t.Errorf("weight %.1f: top passage %d, want %d", w, got[0].doc, top)
		}
	}
}

// TestRRFSumsReciprocalRanks: reciprocal rank fusion adds 1/(60+rank) per
// leg, so a passage both legs rank well beats one that only one leg likes.
func TestRRFSumsReciprocalRanks(t *testing.T) {
	t.Parallel()
	kw := []scored{{doc: 1, score: 9}, {doc: 2, score: 8}}
	vec := []scored{{doc: 3, score: .9}, {doc: 2, score: .8}}
	got := fuse(fuseRRF, 0.5, kw, vec)
	want := map[int]float64{1: 1.0 / 61, 2: 2.0 / 62, 3: 1.0 / 61}
	if len(got) != 3 || got[0].doc != 2 {
		t.Fatalf("fused %v, want passage 2 first", got)
	}
	for _, s := range got {
		if math.Abs(s.score-want[s.doc]) > 1e-12 {
			t.Errorf("passage %d scored %.6f, want %.6f", s.doc, s.score, want[s.doc])
		}
	}
}

// TestHybridAveragesTheLegs: the index's hybrid score is the average of
// the two legs' min-max normalised scores over the candidates each leg
// read: neither leg outweighs the other.
func TestHybridAveragesTheLegs(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	idx := openUpdated(t, "", NewLocalEmbedder(), seedChunks(t))
	const k = 5
	m := candidates(k, idx.Len())
	for _, q := range []string{"怎么把失联的党员找回来", "畅大妈调解室", "网格员入户走访"} {
		norm := func(leg Leg) map[string]float64 {
			res, err := idx.Search(ctx, q, SearchOptions{K: m, Leg: leg})
			if err != nil {
				t.Fatal(err)
			}
			out := map[string]float64{}
			hi, lo := res.Hits[0].Score, res.Hits[len(res.Hits)-1].Score
			for _, h := range res.Hits {
				out[h.Chunk.ID] = 1
				if hi > lo {
					out[h.Chunk.ID] = (h.Score - lo) / (hi - lo)
				}
			}
			return out
		}
		kw, vec := norm(LegKeyword), norm(LegVector)
		res, err := idx.Search(ctx, q, SearchOptions{K: k})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			want := 0.5*kw[h.Chunk.ID] + 0.5*vec[h.Chunk.ID]
			if math.Abs(h.Score-want) > 1e-6 {
				t.Errorf("%s: %s scored %.4f, want the legs' average %.4f (keyword %.4f, vector %.4f)",
					q, h.Chunk.ID, h.Score, want, kw[h.Chunk.ID], vec[h.Chunk.ID])
			}
		}
	}
}
