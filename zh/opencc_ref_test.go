package zh

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOpenCCReference compares both directions with the output of the real
// opencc binary. tools/opencc/convert.sh prepares the directory (NAME.txt
// input, NAME.t2s and NAME.s2t from `opencc -c t2s.json` / `s2tw.json`) and
// sets ZH_OPENCC_REF; without it the test is skipped, so the ordinary test
// run needs neither apt nor the binary.
func TestOpenCCReference(t *testing.T) {
	t.Parallel()
	dir := os.Getenv("ZH_OPENCC_REF")
	if dir == "" {
		t.Skip("ZH_OPENCC_REF not set (see tools/opencc/convert.sh)")
	}
	inputs, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no *.txt inputs in %s (err %v)", dir, err)
	}
	for _, in := range inputs {
		src := readFile(t, in)
		base := strings.TrimSuffix(in, ".txt")
		for _, c := range []struct {
			ext  string
			conv func(string) string
		}{{".t2s", ToSimplified}, {".s2t", ToTraditional}} {
			want := readFile(t, base+c.ext)
			if got := c.conv(src); got != want {
				t.Errorf("%s%s: differs from opencc: %s", filepath.Base(base), c.ext, firstDiff(got, want))
			}
			t.Logf("%s%s: compared %d bytes", filepath.Base(base), c.ext, len(want))
		}
	}
}

func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// firstDiff shows a little context around the first differing rune.
func firstDiff(got, want string) string {
	g, w := []rune(got), []rune(want)
	i := 0
	for i < len(g) && i < len(w) && g[i] == w[i] {
		i++
	}
	lo := max(0, i-8)
	return fmt.Sprintf("at rune %d: got …%s… want …%s…", i, string(g[lo:min(len(g), i+8)]), string(w[lo:min(len(w), i+8)]))
}
