package atomicfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"
)

// names lists dir's entries.
func names(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func TestWriteFileReplacesAndSetsPerm(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := filepath.Join(dir, "a.json")
	if err := WriteFile(p, []byte("one"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, []byte("two, longer"), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(p)
	if err != nil || string(got) != "two, longer" {
		t.Fatalf("content %q, %v", got, err)
	}
	if runtime.GOOS != "windows" {
		// Exactly the perm asked for, whatever the old file's or the
		// temp file's (0600) was, and regardless of the umask.
		for _, perm := range []os.FileMode{0o644, 0o600, 0o666} {
			if err := WriteFile(p, []byte("x"), perm); err != nil {
				t.Fatal(err)
			}
			fi, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			if fi.Mode().Perm() != perm {
				t.Errorf("perm %v, want %v", fi.Mode().Perm(), perm)
			}
		}
	}
	if n := names(t, dir); !slices.Equal(n, []string{"a.json"}) {
		t.Errorf("files left: %v", n)
	}
}

var errInjected = errors.New("injected")

// A write that fails part way leaves the old content and no temp file.
func TestFailedWritesKeepOldContent(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := filepath.Join(dir, "index.bin")
	if err := WriteFile(p, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	check := func(what string) {
		t.Helper()
		got, err := os.ReadFile(p)
		if err != nil || string(got) != "old" {
			t.Errorf("%s: content %q, %v; want the old one", what, got, err)
		}
		if n := names(t, dir); !slices.Equal(n, []string{"index.bin"}) {
			t.Errorf("%s: files left: %v", what, n)
		}
	}

	// A streaming writer whose producer fails: Close without Commit.
	f, err := Create(p, 0o600, TempPattern("index.bin.tmp-*"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(f, io.MultiReader(bytes.NewReader(bytes.Repeat([]byte("new"), 1<<16)), errReader{})); !errors.Is(err, errInjected) {
		t.Fatalf("copy: %v", err)
	}
	if n := len(names(t, dir)); n != 2 {
		t.Errorf("the temp file is not beside the target while writing: %d files", n)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Commit(); err == nil {
		t.Error("Commit after Close succeeded")
	}
	check("close without commit")

	// The rename fails (a folder is in the way): the temp file goes too.
	sub := filepath.Join(dir, "sub")
	if err := os.MkdirAll(filepath.Join(sub, "busy"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(sub, []byte("new"), 0o600); err == nil {
		t.Error("WriteFile over a non-empty folder succeeded")
	}
	if n := names(t, dir); !slices.Equal(n, []string{"index.bin", "sub"}) {
		t.Errorf("after a failed rename: %v", n)
	}
	if err := os.RemoveAll(sub); err != nil {
		t.Fatal(err)
	}

	// A folder that does not exist: an error, nothing made.
	if err := WriteFile(filepath.Join(dir, "missing", "x"), []byte("new"), 0o600); err == nil {
		t.Error("WriteFile into a missing folder succeeded")
	}
	check("missing folder")

	// A folder that cannot be written (root writes anyway).
	if runtime.GOOS != "windows" && os.Geteuid() != 0 {
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		err := WriteFile(p, []byte("new"), 0o600)
		os.Chmod(dir, 0o755)
		if err == nil {
			t.Error("WriteFile into a read-only folder succeeded")
		}
		check("read-only folder")
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errInjected }

// Readers racing a writer see one whole version or the other; writers
// racing each other leave one whole version and no temp files.
func TestConcurrentWritersAndReaders(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := filepath.Join(dir, "cache")
	const size = 256 << 10
	version := func(i int) []byte { return bytes.Repeat([]byte{byte('a' + i)}, size+i) }
	whole := func(b []byte) bool {
		if len(b) < size {
			return false
		}
		i := len(b) - size
		return i < 8 && bytes.Equal(b, version(i))
	}
	if err := WriteFile(p, version(0), 0o600); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	stop := make(chan struct{})
	var bad []string
	var mu sync.Mutex
	for r := 0; r < 2; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				b, err := os.ReadFile(p)
				if err != nil || !whole(b) {
					mu.Lock()
					bad = append(bad, fmt.Sprintf("read %d bytes, %v", len(b), err))
					mu.Unlock()
				}
			}
		}()
	}
	var writers sync.WaitGroup
	for w := 0; w < 8; w++ {
		writers.Add(1)
		go func() {
			defer writers.Done()
			for range 5 {
				if err := WriteFile(p, version(w), 0o644); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	writers.Wait()
	close(stop)
	wg.Wait()
	if len(bad) > 0 {
		t.Errorf("%d partial reads, first: %s", len(bad), bad[0])
	}
	b, err := os.ReadFile(p)
	if err != nil || !whole(b) {
		t.Errorf("final file is not one whole version: %d bytes, %v", len(b), err)
	}
	if n := names(t, dir); !slices.Equal(n, []string{"cache"}) {
		t.Errorf("files left: %v", n)
	}
}

func TestRemoveTemps(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, n := range []string{".catalog-1", ".catalog-2", "catalog.json", "other-1"} {
		if err := os.WriteFile(filepath.Join(dir, n), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * time.Hour)
	if err := os.Chtimes(filepath.Join(dir, ".catalog-1"), old, old); err != nil {
		t.Fatal(err)
	}
	if n, err := RemoveTemps(dir, ".catalog-", time.Hour); err != nil || n != 1 {
		t.Errorf("stale only: removed %d, %v; want 1", n, err)
	}
	if got := names(t, dir); !slices.Equal(got, []string{".catalog-2", "catalog.json", "other-1"}) {
		t.Errorf("after stale removal: %v", got)
	}
	if n, err := RemoveTemps(dir, ".catalog-", 0); err != nil || n != 1 {
		t.Errorf("any age: removed %d, %v; want 1", n, err)
	}
	if got := names(t, dir); !slices.Equal(got, []string{"catalog.json", "other-1"}) {
		t.Errorf("after removal: %v", got)
	}
	if n, err := RemoveTemps(filepath.Join(dir, "none"), ".catalog-", 0); err != nil || n != 0 {
		t.Errorf("missing dir: %d, %v", n, err)
	}
	if _, err := RemoveTemps(dir, "", 0); err == nil {
		t.Error("an empty prefix would remove everything")
	}
}

// TestDirectorySyncFailureIsNotDurable: failing to sync the directory
// after the rename is told apart from a failed write.
func TestDirectorySyncFailureIsNotDurable(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("directories are not synced on Windows")
	}
	err := syncDir(filepath.Join(t.TempDir(), "gone"))
	if !errors.Is(err, ErrNotDurable) {
		t.Errorf("syncDir of a missing directory: %v, want ErrNotDurable", err)
	}
}
