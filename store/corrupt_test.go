package store

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// corruptRuns is how many random corruptions a run tries: the 500 of the
// reliability suite (about 7 s under -race), 100 with -short.
func corruptRuns() int {
	if testing.Short() {
		return 100
	}
	return 500
}

// baseStore builds a store like a busy bot's: many conversations (a
// multi-level tree), a feedback log, a small bucket (inline) and a
// nested bucket, so corruption can hit every kind of page.
func baseStore(t testing.TB, dir string, convs int) (path string, keys []string) {
	path = filepath.Join(dir, "base.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		conv, err := tx.CreateBucket([]byte("conv"))
		if err != nil {
			return err
		}
		for i := range convs {
			k := fmt.Sprintf("tg:%d", 100000+i*7)
			keys = append(keys, k)
			v := fmt.Sprintf(`[{"q":"%s","a":"%s"}]`, strings.Repeat("问", 20+i%40), strings.Repeat("答", 40+i%90))
			if err := conv.Put([]byte(k), []byte(v)); err != nil {
				return err
			}
		}
		fb, err := tx.CreateBucket([]byte("feedback"))
		if err != nil {
			return err
		}
		for i := range 300 {
			var k [8]byte
			binary.BigEndian.PutUint64(k[:], uint64(i+1))
			if err := fb.Put(k[:], []byte(`{"vote":1}`)); err != nil {
				return err
			}
		}
		tr, err := tx.CreateBucket([]byte("training"))
		if err != nil {
			return err
		}
		if err := tr.Put([]byte("tg:1"), []byte(`{"n":3}`)); err != nil {
			return err
		}
		nest, err := tr.CreateBucket([]byte("nested"))
		if err != nil {
			return err
		}
		for i := range 200 {
			if err := nest.Put(fmt.Appendf(nil, "n%04d", i), []byte(strings.Repeat("x", 60))); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path, keys
}

// corrupt damages raw in one of several ways, chosen by r.
func corrupt(r *rand.Rand, raw []byte, pageSize int) ([]byte, string) {
	out := append([]byte(nil), raw...)
	pages := len(out) / pageSize
	page := func() int { return r.IntN(pages) }
	switch k := r.IntN(7); k {
	case 0:
		n := 1 + r.IntN(8)
		for range n {
			out[r.IntN(len(out))] ^= byte(1 + r.IntN(255))
		}
		return out, fmt.Sprintf("flip %d bytes", n)
	case 1:
		p := page()
		for i := range 16 {
			out[p*pageSize+i] = byte(r.UintN(256))
		}
		return out, fmt.Sprintf("scramble header of page %d", p)
	case 2:
		// A forged pointer: an aligned word set to some page id, often the
		// page itself or an ancestor (the self-referencing bucket).
		p := page()
		off := p*pageSize + 16 + 8*r.IntN((pageSize-16)/8)
		target := uint64(page())
		if r.IntN(2) == 0 {
			target = uint64(p)
		}
		binary.LittleEndian.PutUint64(out[off:], target)
		return out, fmt.Sprintf("pointer at %d -> page %d", off, target)
	case 3:
		n := r.IntN(len(out))
		return out[:n], fmt.Sprintf("truncate to %d", n)
	case 4:
		a, b := page(), page()
		copy(out[b*pageSize:(b+1)*pageSize], raw[a*pageSize:(a+1)*pageSize])
		return out, fmt.Sprintf("copy page %d over %d", a, b)
	case 5:
		p := page()
		clear(out[p*pageSize : (p+1)*pageSize])
		return out, fmt.Sprintf("zero page %d", p)
	default:
		// A 32-bit field of an element header (a count, a position, a
		// size) set to a large value.
		p := page()
		off := p*pageSize + 8 + 4*r.IntN(16)
		binary.LittleEndian.PutUint32(out[off:], r.Uint32())
		return out, fmt.Sprintf("field at %d set large", off)
	}
}

// exercise uses a store the way the bot does; errors are fine, a crash
// or a hang is not.
func exercise(s *Store, keys []string) {
	ctx := context.Background()
	var v any
	for i := 0; i < len(keys); i += 37 {
		s.Get(ctx, "conv", keys[i], &v)
	}
	for _, b := range []string{"conv", "feedback", "training"} {
		s.Each(ctx, b, func([]byte, json.RawMessage) error { return nil })
	}
	s.Get(ctx, "training", "tg:1", &v)
	// Two writes (each one an fsync): an overwrite in the middle of the
	// tree and an append at the end of the log.
	s.Put(ctx, "conv", keys[len(keys)/2], []string{"新的一轮"})
	s.Append(ctx, "feedback", map[string]int{"vote": -1})
}

// Random damage to the store file (flipped bytes, forged page pointers
// including pages that point to themselves, truncation, copied and zeroed
// pages) never crashes or hangs the process: Open refuses the file with
// ErrCorrupt, or opens it and every later call returns (an error at
// worst). The corruptions run in a child process so that a fatal error
// (a stack overflow cannot be recovered) is seen and attributed.
func TestRandomCorruptionsNeverCrash(t *testing.T) {
	t.Parallel()
	if os.Getenv("STORE_CORRUPT_CHILD") != "" {
		return
	}
	runs := corruptRuns()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestCorruptionChild$", "-test.v")
	cmd.Env = append(os.Environ(), "STORE_CORRUPT_CHILD="+t.TempDir(), fmt.Sprintf("STORE_CORRUPT_N=%d", runs))
	out, err := cmd.CombinedOutput()
	text := string(out)
	if err != nil {
		last := text
		if i := strings.LastIndex(text, "\nrun "); i >= 0 {
			last = text[i+1:]
			if len(last) > 3000 {
				last = last[:3000]
			}
		}
		t.Fatalf("the corruption run crashed (%v); last case:\n%s", err, last)
	}
	var refused, opened int
	if _, err := fmt.Sscanf(text[strings.Index(text, "RESULT "):], "RESULT refused=%d opened=%d", &refused, &opened); err != nil {
		t.Fatalf("no result line:\n%s", text)
	}
	if refused+opened != runs {
		t.Fatalf("%d refused + %d opened != %d runs", refused, opened, runs)
	}
	t.Logf("%d random corruptions: 0 crashes, 0 hangs; %d refused as ErrCorrupt, %d opened and served (errors only)", runs, refused, opened)
}

func TestCorruptionChild(t *testing.T) {
	dir := os.Getenv("STORE_CORRUPT_CHILD")
	if dir == "" {
		t.Skip("run by TestRandomCorruptionsNeverCrash")
	}
	var runs int
	fmt.Sscan(os.Getenv("STORE_CORRUPT_N"), &runs)
	base, keys := baseStore(t, dir, 1500)
	raw, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(14, 2026))
	path := filepath.Join(dir, "bangyang.db")
	var refused, opened int
	for i := range runs {
		bad, what := corrupt(r, raw, os.Getpagesize())
		fmt.Printf("run %d: %s\n", i, what)
		if err := os.WriteFile(path, bad, 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := Open(path)
		if err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("run %d (%s): want ErrCorrupt, got %v", i, what, err)
			}
			refused++
			continue
		}
		opened++
		exercise(s, keys)
		s.Close()
	}
	fmt.Printf("RESULT refused=%d opened=%d\n", refused, opened)
}

// The two loops the first check could not survive: a nested bucket whose
// root is the page that holds it, and a branch page that lists itself as
// a child. Both are refused as ErrCorrupt.
func TestSelfReferenceIsCorrupt(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	base, _ := baseStore(t, dir, 1500)
	raw, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	ps := os.Getpagesize()
	var branch, bucketLeaf = -1, -1
	for p := 2; p < len(raw)/ps; p++ {
		pg := raw[p*ps:]
		flags, count := binary.LittleEndian.Uint16(pg[8:]), int(binary.LittleEndian.Uint16(pg[10:]))
		if flags == flagBranch && branch < 0 {
			branch = p
		}
		if flags == flagLeaf {
			for i := range count {
				e := pg[16+16*i:]
				if binary.LittleEndian.Uint32(e)&flagBucket != 0 && bucketLeaf < 0 {
					bucketLeaf = p
					pos, ks := int(binary.LittleEndian.Uint32(e[4:])), int(binary.LittleEndian.Uint32(e[8:]))
					voff := p*ps + 16 + 16*i + pos + ks
					selfRef := append([]byte(nil), raw...)
					binary.LittleEndian.PutUint64(selfRef[voff:], uint64(p))
					checkRefused(t, dir, "bucket pointing to its own page", selfRef)
				}
			}
		}
	}
	if branch < 0 || bucketLeaf < 0 {
		t.Fatalf("base store has no branch page (%d) or bucket (%d)", branch, bucketLeaf)
	}
	loop := append([]byte(nil), raw...)
	binary.LittleEndian.PutUint64(loop[branch*ps+16+8:], uint64(branch))
	checkRefused(t, dir, "branch listing itself", loop)
}

func checkRefused(t *testing.T, dir, what string, raw []byte) {
	t.Helper()
	path := filepath.Join(dir, "bangyang.db")
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err == nil {
		s.Close()
		t.Fatalf("%s: opened", what)
	}
	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("%s: want ErrCorrupt, got %v", what, err)
	}
}

// The start-up check reads a bounded number of pages: a store ten times
// larger costs it only its extra branch pages, not its extra leaves.
func TestCheckCostBounded(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var read [2]int
	var sizes [2]int64
	for i, convs := range []int{2000, 16000} {
		path, _ := baseStore(t, filepath.Join(dir, fmt.Sprint(i)), convs)
		start := time.Now()
		n, err := checkFile(path)
		if err != nil {
			t.Fatal(err)
		}
		info, _ := os.Stat(path)
		read[i], sizes[i] = n, info.Size()
		t.Logf("%d conversations, %.1f MB store: the check read %d pages in %v", convs, float64(info.Size())/1e6, n, time.Since(start))
	}
	if sizes[1] < 8*sizes[0] {
		t.Fatalf("the large store is not much larger: %d vs %d bytes", sizes[1], sizes[0])
	}
	if read[1] > leafBudget+int(sizes[1]/int64(os.Getpagesize())/20) {
		t.Fatalf("the check read %d pages of a %d-byte store: not bounded", read[1], sizes[1])
	}
}

// The check never refuses a sound file: a store churned by many
// transactions (puts, deletes, large values on overflow pages, nested
// buckets made and dropped, so the freelist is full of reused pages) passes
// after every few of them. A false alarm would move a good store aside.
func TestCheckAcceptsChurnedStores(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "bangyang.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for round := range 60 {
		err := s.db.Update(func(tx *bolt.Tx) error {
			b, err := tx.CreateBucketIfNotExists([]byte("conv"))
			if err != nil {
				return err
			}
			for range 40 {
				k := fmt.Appendf(nil, "tg:%d", r.IntN(400))
				switch r.IntN(4) {
				case 0:
					if err := b.Delete(k); err != nil {
						return err
					}
				case 1:
					if err := b.Put(k, []byte(strings.Repeat("长", 1000+r.IntN(6000)))); err != nil { // overflow
						return err
					}
				default:
					if err := b.Put(k, []byte(strings.Repeat("短", 10+r.IntN(200)))); err != nil {
						return err
					}
				}
			}
			name := fmt.Appendf(nil, "nested-%d", r.IntN(5))
			if r.IntN(3) == 0 {
				if err := b.DeleteBucket(name); err != nil && !errors.Is(err, berrors.ErrBucketNotFound) {
					return err
				}
				return nil
			}
			nb, err := b.CreateBucketIfNotExists(name)
			if err != nil {
				return err
			}
			for i := range r.IntN(300) {
				if err := nb.Put(fmt.Appendf(nil, "k%d", i), []byte("v")); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if round%10 == 9 {
			s.Close()
			if _, err := checkFile(path); err != nil {
				t.Fatalf("round %d: a sound store failed the check: %v", round, err)
			}
			if s, err = Open(path); err != nil {
				t.Fatal(err)
			}
		}
	}
	s.Close()
}
