package quiz

import (
	"fmt"
	"strings"
	"testing"
)

// TestPrintQuestions prints offline questions for a human to read:
// go test -v -run TestPrintQuestions ./quiz
func TestPrintQuestions(t *testing.T) {
	t.Parallel()
	plain := realSource(t)
	bank := NewBank(SourceFromCatalog(buildCatalog(t, plain.Chunks), plain.Chunks))
	qs, err := bank.Generate(Options{N: 20, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 20 {
		t.Errorf("got %d questions, want 20", len(qs))
	}
	for i, q := range qs {
		var b strings.Builder
		fmt.Fprintf(&b, "%d. [%s] %s\n", i+1, q.Kind, q.Text)
		for j, o := range q.Options {
			mark := " "
			if j == q.Correct {
				mark = "*"
			}
			fmt.Fprintf(&b, "   %s %c. %s\n", mark, 'A'+j, o)
		}
		fmt.Fprintf(&b, "   解析：%s\n", q.Explanation)
		t.Log("\n" + b.String())
	}
}
