package main

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// bench's whole-command figures run over real files and report the corpus
// size they reached.
func TestBenchPrintsWarmAskAndStart(t *testing.T) {
	out, errs, code := runCLI(t, t.TempDir(), "", "bench", "--sizes", "100", "--queries", "3", "--ask-chunks", "200", "--start-chunks", "0")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "warm ask") {
		t.Fatalf("no whole-command table:\n%s", out)
	}
	// chunks, files, first run, warm ask, start: e.g. "  316  15  1.2s  40ms  30ms"
	row := regexp.MustCompile(`(?m)^\s*(\d+)\s+(\d+)\s+\S+s\s+\S+s\s+\S+s\s*$`).FindStringSubmatch(out)
	if row == nil {
		t.Fatalf("no figures row:\n%s", out)
	}
	chunks, _ := strconv.Atoi(row[1])
	files, _ := strconv.Atoi(row[2])
	if chunks < 150 || files < 5 {
		t.Errorf("the corpus did not reach the asked size: %v", row)
	}
}
