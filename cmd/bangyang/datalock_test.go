package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bangyang/retrieval"
)

// Temp files a killed run left (index and catalog cache, seconds old, not
// an hour) are gone after the next start, which holds the update lock.
func TestStartRemovesTempsOfKilledRuns(t *testing.T) {
	data := t.TempDir()
	if _, errs, code := runCLI(t, data, "", "index"); code != 0 {
		t.Fatal(errs)
	}
	left := []string{
		filepath.Join(data, "index", "index.bin.tmp-123456"),
		filepath.Join(data, ".catalog-987654"),
	}
	for _, p := range left {
		if err := os.WriteFile(p, []byte("half written"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, errs, code := runCLI(t, data, "", "ask", "什么是四单工作法？"); code != 0 {
		t.Fatal(errs)
	}
	for _, p := range left {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s survived the next start", filepath.Base(p))
		}
	}
}

// A second `bangyang index` waits for the first (it says so once) and
// runs when the lock is released; one that waits too long fails clearly.
func TestConcurrentIndexWaitsForTheLock(t *testing.T) {
	data := t.TempDir()
	held, err := retrieval.LockFile(context.Background(), filepath.Join(data, "update.lock"), time.Second, nil)
	if err != nil {
		t.Fatal(err)
	}
	type result struct {
		errs string
		code int
	}
	done := make(chan result, 1)
	go func() {
		_, errs, code := runCLI(t, data, "", "index")
		done <- result{errs, code}
	}()
	select {
	case r := <-done:
		t.Fatalf("index ran while another held the lock: exit %d %s", r.code, r.errs)
	case <-time.After(700 * time.Millisecond):
	}
	held.Unlock()
	r := <-done
	if r.code != 0 {
		t.Fatalf("index after the lock was released: exit %d %s", r.code, r.errs)
	}
	if !strings.Contains(r.errs, "waiting for it to finish") {
		t.Errorf("no log line says it waited:\n%s", r.errs)
	}

	held, err = retrieval.LockFile(context.Background(), filepath.Join(data, "update.lock"), time.Second, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Unlock()
	a, err := newApp(strings.NewReader(""), io.Discard, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	a.dataDir, a.lockWait = data, 100*time.Millisecond
	if _, err := a.index(context.Background(), true); err == nil || !strings.Contains(err.Error(), "another bangyang process is updating the index") {
		t.Fatalf("index past the wait: %v", err)
	}
}

// A read-only data dir (a mounted volume) still serves its index: the
// update lock cannot be created there, and is not needed.
func TestReadOnlyDataDirStillAnswers(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes into read-only folders")
	}
	data := t.TempDir()
	if _, errs, code := runCLI(t, data, "", "index"); code != 0 {
		t.Fatal(errs)
	}
	if err := os.Remove(filepath.Join(data, "update.lock")); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{filepath.Join(data, "index"), data} {
		if err := os.Chmod(d, 0o555); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() {
		os.Chmod(data, 0o755)
		os.Chmod(filepath.Join(data, "index"), 0o755)
	})
	out, errs, code := runCLI(t, data, "", "ask", "什么是四单工作法？")
	if code != 0 || !strings.Contains(out, "民主议单") {
		t.Fatalf("ask in a read-only data dir: exit %d\n%s\n%s", code, out, errs)
	}
}
