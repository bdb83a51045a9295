package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An interrupted command (Ctrl-C) says so and exits 130; it neither
// reports a half-done update as success nor changes the index on disk.
func TestInterruptedIndexLeavesIndexIntact(t *testing.T) {
	data := t.TempDir()
	dir := t.TempDir()
	art := "---\ntitle: 王芳的五步工作法\nleader: 王芳\n---\n王芳是某社区党委书记。她总结出“五步工作法”：听民意、摸实情、定方案、抓落实、评效果。\n"
	if err := os.WriteFile(filepath.Join(dir, "wangfang.md"), []byte(art), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := runCLI(t, data, "", "index", "--corpus", dir); code != 0 {
		t.Fatal(errs)
	}
	before, err := os.ReadFile(filepath.Join(data, "index", "index.bin"))
	if err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	code := run(ctx, []string{"index", "--json", "--corpus", dir}, strings.NewReader(""), &out, &errb)
	if code != 130 || !strings.Contains(errb.String(), "interrupted") {
		t.Fatalf("interrupted index: exit %d, stdout %q, stderr %q", code, out.String(), errb.String())
	}
	if out.Len() != 0 {
		t.Errorf("an interrupted index printed a report: %s", out.String())
	}
	after, err := os.ReadFile(filepath.Join(data, "index", "index.bin"))
	if err != nil || !bytes.Equal(before, after) {
		t.Fatalf("index file changed by an interrupted run (err %v)", err)
	}

	// The next run finds everything in place: nothing to add or remove.
	o, errs, code := runCLI(t, data, "", "index", "--json", "--corpus", dir)
	if code != 0 {
		t.Fatal(errs)
	}
	var rep struct{ Added, Removed, Unchanged int }
	if err := json.Unmarshal([]byte(o), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Added != 0 || rep.Removed != 0 || rep.Unchanged == 0 {
		t.Fatalf("index after the interrupted run: %s", o)
	}
}
