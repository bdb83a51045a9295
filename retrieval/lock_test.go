package retrieval

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"bangyang/corpus"
)

// startUnderLock is what a bangyang process does before it touches the
// index: take the data dir's lock, then clear what dead writers left.
func startUnderLock(t testing.TB, data string) *Lock {
	t.Helper()
	l, err := LockFile(context.Background(), filepath.Join(data, "update.lock"), 5*time.Second, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := RemoveTemps(filepath.Join(data, "index")); err != nil {
		t.Fatal(err)
	}
	return l
}

func temps(t testing.TB, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, tempPrefix+"*"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// kill -9 during index writes, ten times over: each leaves a half-written
// temp file, and the next start (under the lock) removes it however young
// it is. The age rule alone kept them for an hour (138 MB at scale).
func TestKilledIndexWritesLeaveNoTemp(t *testing.T) {
	t.Parallel()
	if os.Getenv("RETRIEVAL_KILL_CHILD") != "" {
		return
	}
	data := t.TempDir()
	const kills = 10
	left := 0
	for i := range kills {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKillChild$")
		cmd.Env = append(os.Environ(), "RETRIEVAL_KILL_CHILD="+data, fmt.Sprintf("RETRIEVAL_KILL_ROUND=%d", i))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(out)
		writing := false
		for sc.Scan() {
			if sc.Text() == "WRITING" {
				writing = true
				break
			}
		}
		if !writing {
			cmd.Wait()
			t.Fatalf("round %d: the child never reached the write", i)
		}
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		cmd.Wait()
		if n := len(temps(t, filepath.Join(data, "index"))); n > 0 {
			left++
		}
	}
	if left != kills {
		t.Fatalf("only %d of %d kills left a temp file: the test did not kill during the write", left, kills)
	}
	l := startUnderLock(t, data)
	defer l.Unlock()
	if got := temps(t, filepath.Join(data, "index")); len(got) != 0 {
		t.Fatalf("temp files left after the next start: %v", got)
	}
	if _, err := Open(context.Background(), filepath.Join(data, "index"), NewLocalEmbedderDims(8)); err != nil {
		t.Fatalf("the index does not open after the kills: %v", err)
	}
	t.Logf("%d kill -9 during index writes (each left a temp file): %d temp files after the next start", kills, 0)
}

// TestKillChild writes an index and stops half way through the records,
// waiting to be killed.
func TestKillChild(t *testing.T) {
	data := os.Getenv("RETRIEVAL_KILL_CHILD")
	if data == "" {
		t.Skip("run by TestKilledIndexWritesLeaveNoTemp")
	}
	l := startUnderLock(t, data)
	defer l.Unlock()
	ix, err := Open(context.Background(), filepath.Join(data, "index"), NewLocalEmbedderDims(8))
	if err != nil {
		t.Fatal(err)
	}
	round := os.Getenv("RETRIEVAL_KILL_ROUND")
	var chunks []corpus.Chunk
	for i := range 50 {
		chunks = append(chunks, corpus.Chunk{ID: fmt.Sprintf("r%s-%d", round, i), ArticleID: "a", Seq: i,
			Text: strings.Repeat("社区党委书记走访群众。", 20), Meta: corpus.Meta{ID: "a", Leader: "张影"}})
	}
	ix.hook = func(stage string) error {
		if stage == "records" {
			fmt.Println("WRITING")
			select {} // killed here
		}
		return nil
	}
	ix.Update(context.Background(), chunks)
	t.Fatal("the write finished: it should have been killed")
}

// A second process waits for the lock (told once), and takes it when the
// first lets go; past its patience it fails with ErrBusy.
func TestLockSerialisesProcesses(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "update.lock")
	ctx := context.Background()
	first, err := LockFile(ctx, path, time.Second, nil)
	if err != nil {
		t.Fatal(err)
	}
	// flock locks belong to open files, so a second open in this process
	// contends exactly as another process would.
	told := 0
	if _, err := LockFile(ctx, path, 200*time.Millisecond, func() { told++ }); !errors.Is(err, ErrBusy) {
		t.Fatalf("second lock while held: %v, want ErrBusy", err)
	}
	if told != 1 {
		t.Fatalf("the waiting callback ran %d times, want 1", told)
	}
	got := make(chan error, 1)
	go func() {
		l, err := LockFile(ctx, path, 5*time.Second, nil)
		if err == nil {
			l.Unlock()
		}
		got <- err
	}()
	select {
	case err := <-got:
		t.Fatalf("took a held lock: %v", err)
	case <-time.After(150 * time.Millisecond):
	}
	first.Unlock()
	select {
	case err := <-got:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("the waiting process never got the released lock")
	}
	cctx, cancel := context.WithCancel(ctx)
	held, _ := LockFile(ctx, path, time.Second, nil)
	defer held.Unlock()
	cancel()
	if _, err := LockFile(cctx, path, time.Minute, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled wait: %v", err)
	}
}
