package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A damaged index file must not lock the user out: it is moved aside and
// the index rebuilt, with one clear log line.
func TestCorruptIndexIsMovedAsideAndRebuilt(t *testing.T) {
	for name, damage := range map[string]func(path string) error{
		"truncated": func(p string) error { return os.Truncate(p, 1000) },
		"empty":     func(p string) error { return os.WriteFile(p, nil, 0o600) },
		"garbage":   func(p string) error { return os.WriteFile(p, []byte("not an index at all, just text"), 0o600) },
	} {
		t.Run(name, func(t *testing.T) {
			data := t.TempDir()
			if _, errs, code := runCLI(t, data, "", "index"); code != 0 {
				t.Fatalf("index: %s", errs)
			}
			bin := filepath.Join(data, "index", "index.bin")
			if err := damage(bin); err != nil {
				t.Fatal(err)
			}
			out, errs, code := runCLI(t, data, "", "ask", "什么是四单工作法？")
			if code != 0 {
				t.Fatalf("ask after damage: exit %d: %s", code, errs)
			}
			if !strings.Contains(out, "共同接单") {
				t.Fatalf("no answer from the rebuilt index:\n%s", out)
			}
			if !strings.Contains(errs, "damaged") {
				t.Errorf("no log line says the index was damaged:\n%s", errs)
			}
			if _, err := os.Stat(filepath.Join(data, "index.corrupt", "index.bin")); err != nil {
				t.Errorf("the damaged file was not kept aside: %v", err)
			}
			// The rebuilt index is sound: the next run neither warns nor re-embeds.
			out, errs, code = runCLI(t, data, "", "index", "--json")
			if code != 0 || strings.Contains(errs, "damaged") || !strings.Contains(out, `"embedded": 0`) {
				t.Fatalf("index after recovery: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errs)
			}
		})
	}
}

// A corpus folder that is missing (typo, unmounted volume) stops the
// command: carrying on would remove its articles from the index.
func TestMissingCorpusFolderKeepsItsArticles(t *testing.T) {
	data := t.TempDir()
	dir := t.TempDir()
	art := "---\ntitle: 王芳的五步工作法\nleader: 王芳\n---\n王芳是某社区党委书记。她总结出“五步工作法”：听民意、摸实情、定方案、抓落实、评效果。\n"
	if err := os.WriteFile(filepath.Join(dir, "wangfang.md"), []byte(art), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := runCLI(t, data, "", "index", "--corpus", dir); code != 0 {
		t.Fatal(errs)
	}
	gone := dir + "-unmounted"
	if err := os.Rename(dir, gone); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runCLI(t, data, "", "index", "--corpus", dir)
	if code == 0 || !strings.Contains(errs, "does not exist") {
		t.Fatalf("index with a missing corpus folder: exit %d\n%s\n%s", code, out, errs)
	}
	if err := os.Rename(gone, dir); err != nil {
		t.Fatal(err)
	}
	out, errs, code = runCLI(t, data, "", "index", "--json", "--corpus", dir)
	if code != 0 || !strings.Contains(out, `"embedded": 0`) || !strings.Contains(out, `"removed": 0`) {
		t.Fatalf("the folder's articles were dropped while it was missing: exit %d\n%s\n%s", code, out, errs)
	}
}

// A damaged conversation store is moved aside and replaced: the chat (and
// the bot) start instead of crashing at every start.
func TestDamagedStoreIsMovedAside(t *testing.T) {
	data := t.TempDir()
	if _, errs, code := runCLI(t, data, "什么是四单工作法？\n", "chat"); code != 0 {
		t.Fatal(errs)
	}
	db := filepath.Join(data, "bangyang.db")
	if err := os.Truncate(db, 5000); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runCLI(t, data, "什么是四单工作法？\n", "chat")
	if code != 0 || !strings.Contains(out, "民主议单") {
		t.Fatalf("chat after damage: exit %d\n%s\n%s", code, out, errs)
	}
	if strings.Contains(out, "不会保存") {
		t.Errorf("the new store should be used, not memory only:\n%s", out)
	}
	if !strings.Contains(errs, "damaged") {
		t.Errorf("no log line says the store was damaged:\n%s", errs)
	}
	if _, err := os.Stat(db + ".corrupt"); err != nil {
		t.Errorf("the damaged store was not kept aside: %v", err)
	}
}
