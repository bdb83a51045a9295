package retrieval

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// The crash test re-executes this test binary; the child builds an index,
// starts writing a larger one and stops at a hook until it is SIGKILLed.
const (
	envCrashDir   = "RETRIEVAL_CRASH_DIR"
	envCrashStage = "RETRIEVAL_CRASH_STAGE"
)

func TestMain(m *testing.M) {
	if dir := os.Getenv(envCrashDir); dir != "" {
		crashChild(dir, os.Getenv(envCrashStage))
		return
	}
	os.Exit(m.Run())
}

func crashChild(dir, stage string) {
	ctx := context.Background()
	chunks := SyntheticChunks(nil, 5000, 7)
	emb := NewLocalEmbedderDims(64)
	idx, err := Open(ctx, dir, emb)
	if err != nil {
		os.Exit(3)
	}
	if _, err := idx.Update(ctx, chunks[:1000]); err != nil {
		os.Exit(4)
	}
	idx.hook = func(s string) error {
		if s == stage {
			os.Stdout.WriteString("READY\n")
			time.Sleep(time.Minute) // killed here
		}
		return nil
	}
	idx.Update(ctx, chunks)
	os.Exit(5)
}

func TestKillDuringWriteKeepsPreviousIndex(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("spawns a subprocess")
	}
	for _, stage := range []string{"records", "before-rename"} {
		t.Run(stage, func(t *testing.T) {
			dir := t.TempDir()
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), envCrashDir+"="+dir, envCrashStage+"="+stage)
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			line, err := bufio.NewReader(out).ReadString('\n')
			if err != nil || line != "READY\n" {
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("child did not reach %s: %q %v", stage, line, err)
			}
			// The temp file is on disk, partly or fully written.
			tmps, _ := filepath.Glob(filepath.Join(dir, tempPrefix+"*"))
			if len(tmps) != 1 {
				t.Errorf("expected one temp file mid-write, found %v", tmps)
			}
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			cmd.Wait()
			// The killed writer's file is old news once it is stale; a
			// fresh one may be another process's write in progress.
			old := time.Now().Add(-2 * staleTemp)
			for _, p := range tmps {
				if err := os.Chtimes(p, old, old); err != nil {
					t.Fatal(err)
				}
			}
			live := filepath.Join(dir, tempPrefix+"live")
			if err := os.WriteFile(live, []byte("being written"), 0o600); err != nil {
				t.Fatal(err)
			}

			idx, err := Open(context.Background(), dir, NewLocalEmbedderDims(64))
			if err != nil {
				t.Fatalf("Open after kill: %v", err)
			}
			if idx.Len() != 1000 {
				t.Fatalf("index after kill has %d chunks, want the previous 1000", idx.Len())
			}
			if _, err := idx.Search(context.Background(), "社区党员", SearchOptions{}); err != nil {
				t.Fatal(err)
			}
			tmps, _ = filepath.Glob(filepath.Join(dir, tempPrefix+"*"))
			if len(tmps) != 1 || tmps[0] != live {
				t.Errorf("after open want only the live temp file, found %v", tmps)
			}
		})
	}
}

func TestPersist100kNoneLost(t *testing.T) {
	t.Parallel()
	n := 100_000
	if testing.Short() {
		n = 5_000
	}
	ctx := context.Background()
	chunks := SyntheticChunks(seedChunks(t), n, 42)
	dir := t.TempDir()
	emb := NewLocalEmbedderDims(64) // small vectors: this tests the format, not the embedder
	start := time.Now()
	idx := openUpdated(t, dir, emb, chunks)
	built := time.Since(start)
	start = time.Now()
	re, err := Open(ctx, dir, emb)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d chunks: build+write %v, reopen %v", n, built, time.Since(start))
	if re.Len() != n || idx.Len() != n {
		t.Fatalf("reloaded %d of %d chunks", re.Len(), n)
	}
	if c := re.snapshot().coll.Count(); c != n {
		t.Fatalf("chromem collection holds %d of %d", c, n)
	}
	sa, sb := idx.snapshot(), re.snapshot()
	for i := 0; i < n; i += 997 {
		if !equalChunk(sa.chunks[i], sb.chunks[i]) {
			t.Fatalf("chunk %d differs after reload", i)
		}
		for j := range sa.vecs[i] {
			if sa.vecs[i][j] != sb.vecs[i][j] {
				t.Fatalf("vector %d differs after reload", i)
			}
		}
		// Each sampled chunk is findable by its own text.
		res, err := re.Search(ctx, sb.chunks[i].Norm, SearchOptions{K: 3, Leg: LegKeyword})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, h := range res.Hits {
			found = found || h.Chunk.ID == sb.chunks[i].ID || h.Chunk.Norm == sb.chunks[i].Norm
		}
		if !found {
			t.Fatalf("chunk %d not found by its own text", i)
		}
	}
}
