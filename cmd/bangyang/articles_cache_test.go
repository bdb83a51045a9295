package main

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The article cache never hides an edit: after an operator changes a file,
// the next command answers from the new text.
func TestArticleCacheFollowsEdits(t *testing.T) {
	data, dir := t.TempDir(), t.TempDir()
	file := filepath.Join(dir, "wang.md")
	write := func(method string) {
		t.Helper()
		text := "---\ntitle: 王红梅的做法\nleader: 王红梅\n---\n王红梅是东风社区党委书记。她创立了“" + method + "”工作法，把居民反映的问题逐件登记、限期办结、上门回访。\n"
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("三张清单")
	out, errs, code := runCLI(t, data, "", "ask", "--no-default-corpus", "--corpus", dir, "三张清单工作法是什么")
	if code != 0 || !strings.Contains(out, "三张清单") {
		t.Fatalf("exit %d: %s\n%s", code, out, errs)
	}
	if _, err := os.Stat(filepath.Join(data, "articles.cache")); err != nil {
		t.Fatalf("no article cache after a run: %v", err)
	}
	write("五色便民卡")
	out, errs, code = runCLI(t, data, "", "ask", "--no-default-corpus", "--corpus", dir, "五色便民卡工作法是什么")
	if code != 0 || !strings.Contains(out, "五色便民卡") || strings.Contains(out, "三张清单") {
		t.Fatalf("the edit is not seen: exit %d: %s\n%s", code, out, errs)
	}
}

// The stamp is the executable's Go build ID, so `go run` of unchanged code
// keeps its cache and any rebuild of changed code drops it.
func TestBuildStampIsTheGoBuildID(t *testing.T) {
	s := buildStamp()
	if !strings.HasPrefix(s, "go-build-id:") || len(s) < len("go-build-id:")+20 {
		t.Fatalf("stamp %q: the build ID was not found in the executable", s)
	}
	if s != buildStamp() {
		t.Fatal("the stamp changes between calls")
	}
	note := []byte("\x04\x00\x00\x00\x07\x00\x00\x00\x04\x00\x00\x00Go\x00\x00abc/def")
	if id, ok := goNoteID(note, binary.LittleEndian); !ok || id != "abc/def" {
		t.Fatalf("goNoteID: %q %v", id, ok)
	}
	if _, ok := goNoteID(note[:14], binary.LittleEndian); ok {
		t.Fatal("a truncated note was accepted")
	}

}
