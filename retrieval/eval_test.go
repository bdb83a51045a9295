package retrieval

import (
	"bytes"
	"context"
	"testing"
)

func TestEvalSeed(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	chunks := seedChunks(t)
	idx, err := Open(ctx, "", NewLocalEmbedder())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := idx.Update(ctx, chunks); err != nil {
		t.Fatal(err)
	}
	set, err := DefaultEvalSet()
	if err != nil {
		t.Fatal(err)
	}
	if len(set) < 45 {
		t.Fatalf("eval set has %d questions, want ≥45", len(set))
	}
	// Every expectation must exist somewhere, or the question is unanswerable.
	for _, c := range set {
		found := false
		for _, ch := range chunks {
			if c.matches(ch) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("no chunk matches expectation of %q %v", c.Question, c.Expect)
		}
	}
	rep, err := Evaluate(ctx, idx, set)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	rep.WriteTable(&buf)
	t.Logf("%d chunks\n%s", len(chunks), buf.String())
	h := rep.Leg(LegHybrid)
	if h.Recall5 < 0.95 || h.MRR < 0.85 {
		t.Errorf("hybrid recall@5 %.3f MRR %.3f below target 0.95/0.85", h.Recall5, h.MRR)
	}
}

// TestFusionChoice records why score fusion is the default: on the seed
// eval set it ranks at least as well as reciprocal rank fusion.
func TestFusionChoice(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	idx, err := Open(ctx, "", NewLocalEmbedder())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := idx.Update(ctx, seedChunks(t)); err != nil {
		t.Fatal(err)
	}
	set, _ := DefaultEvalSet()
	score := idx.fusion
	if score != fuseScore {
		t.Fatalf("default fusion is %d, want score fusion", score)
	}
	repScore, _ := Evaluate(ctx, idx, set)
	idx.fusion = fuseRRF
	repRRF, _ := Evaluate(ctx, idx, set)
	s, r := repScore.Leg(LegHybrid), repRRF.Leg(LegHybrid)
	t.Logf("score fusion: R@1 %.3f R@5 %.3f MRR %.3f; RRF: R@1 %.3f R@5 %.3f MRR %.3f",
		s.Recall1, s.Recall5, s.MRR, r.Recall1, r.Recall5, r.MRR)
	if s.MRR+0.01 < r.MRR {
		t.Errorf("RRF beats the default score fusion: MRR %.3f vs %.3f", r.MRR, s.MRR)
	}
}
