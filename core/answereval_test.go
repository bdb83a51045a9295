package core

import (
	"context"
	"os"
	"strings"
	"testing"
)

// TestAnswerEval runs the shipped answer eval offline and holds the
// figures issue 10 asks for: fact coverage, abstention, wrong refusals,
// answer length. BANGYANG_EVAL_VERBOSE=1 prints every failing case.
func TestAnswerEval(t *testing.T) {
	set, err := DefaultAnswerSet()
	if err != nil {
		t.Fatal(err)
	}
	if len(set) < 150 {
		t.Fatalf("answer set has %d cases, want ≥ 150", len(set))
	}
	s := newOffline(t, nil)
	rep, err := EvalAnswers(context.Background(), s, set)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rep.WriteTable(&b)
	t.Logf("answer eval (offline):\n%s", b.String())
	if os.Getenv("BANGYANG_EVAL_VERBOSE") != "" {
		for _, c := range rep.Cases {
			answerable := c.Kind != "refuse_attr" && c.Kind != "unknown"
			if (answerable && (c.Coverage < 1 || c.Refused)) || (!answerable && !c.Refused) || len(c.Forbid) > 0 {
				t.Logf("%s [%s] %s cov=%.2f refused=%v missing=%v forbid=%v\n%s\n", c.ID, c.Kind, c.Question, c.Coverage, c.Refused, c.Missing, c.Forbid, c.Answer)
			}
		}
	}
}
