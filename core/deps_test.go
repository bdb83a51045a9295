package core

import (
	"os/exec"
	"strings"
	"testing"
)

// TestCoreImportsNoAdapter keeps core free of the adapters: neither the
// libraries they wrap (go-openai, bbolt, go-telegram/bot, chromem-go) nor
// the adapter packages themselves may be among core's dependencies. The
// model, the store and the index reach core through interfaces it defines
// (ChatModel, KV, Searcher), wired in cmd/bangyang.
func TestCoreImportsNoAdapter(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go binary to list dependencies with")
	}
	out, err := exec.Command(gobin, "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	forbidden := []string{
		"github.com/sashabaranov/go-openai",
		"go.etcd.io/bbolt",
		"github.com/go-telegram/",
		"github.com/philippgille/chromem-go",
		"bangyang/llm",
		"bangyang/store",
		"bangyang/retrieval",
		"bangyang/bot",
	}
	deps := strings.Fields(string(out))
	if len(deps) < 10 {
		t.Fatalf("go list -deps gave %d packages, too few to be core's:\n%s", len(deps), out)
	}
	for _, d := range deps {
		for _, f := range forbidden {
			if d == f || strings.HasPrefix(d, strings.TrimSuffix(f, "/")+"/") {
				t.Errorf("core depends on %s (through %s)", f, d)
			}
		}
	}
}
