package retrieval

import (
	"bytes"
	"context"
	"testing"
)

func TestEvalSeed(t *testing.T) {
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
