package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type turn struct{ Q, A string }

func TestPutGetSurvivesReopen(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sub", "bangyang.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Put(ctx, "conv", "tg:1", []turn{{"四单工作法是什么", "民众点单……"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var got []turn
	found, err := s.Get(ctx, "conv", "tg:1", &got)
	if err != nil || !found || len(got) != 1 || got[0].Q != "四单工作法是什么" {
		t.Fatalf("got %v %v %v", got, found, err)
	}
	if found, _ := s.Get(ctx, "conv", "tg:2", &got); found {
		t.Fatal("absent key reported found")
	}
	if found, _ := s.Get(ctx, "nobucket", "x", &got); found {
		t.Fatal("absent bucket reported found")
	}
	if err := s.Delete(ctx, "conv", "tg:1"); err != nil {
		t.Fatal(err)
	}
	if found, _ := s.Get(ctx, "conv", "tg:1", &got); found {
		t.Fatal("deleted key still found")
	}
}

func TestAppendKeepsOrder(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i := 0; i < 300; i++ {
		if err := s.Append(ctx, "feedback", map[string]int{"i": i}); err != nil {
			t.Fatal(err)
		}
	}
	want := 0
	err = s.Each(ctx, "feedback", func(_ []byte, raw json.RawMessage) error {
		var v map[string]int
		if err := json.Unmarshal(raw, &v); err != nil {
			return err
		}
		if v["i"] != want {
			t.Fatalf("order: got %d want %d", v["i"], want)
		}
		want++
		return nil
	})
	if err != nil || want != 300 {
		t.Fatalf("scanned %d, err %v", want, err)
	}
}

func TestSecondOpenIsAClearError(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := Open(path); !errors.Is(err, ErrLocked) {
		t.Fatalf("want ErrLocked, got %v", err)
	}
}

func TestCancelledContext(t *testing.T) {
	t.Parallel()
	s, err := Open(filepath.Join(t.TempDir(), "db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Put(ctx, "b", "k", 1); !errors.Is(err, context.Canceled) {
		t.Fatalf("want context.Canceled, got %v", err)
	}
}

// A damaged file is reported as ErrCorrupt: never a panic or a fault that
// would kill the process at every start.
func TestOpenDamagedFile(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for name, damage := range map[string]func(raw []byte) []byte{
		"truncated":       func(raw []byte) []byte { return raw[:5000] },
		"garbage":         func(raw []byte) []byte { return []byte(strings.Repeat("not a database ", 1000)) },
		"pages scrambled": func(raw []byte) []byte { return scramble(raw, 2*4096) },
		"meta scrambled":  func(raw []byte) []byte { return scramble(raw, 0) },
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "bangyang.db")
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			for i := range 200 {
				if err := s.Put(ctx, "conv", fmt.Sprintf("tg:%d", i), []turn{{strings.Repeat("问", 100), strings.Repeat("答", 300)}}); err != nil {
					t.Fatal(err)
				}
			}
			s.Close()
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, damage(raw), 0o600); err != nil {
				t.Fatal(err)
			}
			s, err = Open(path)
			if err == nil {
				s.Close()
				t.Fatal("a damaged store opened without error")
			}
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("want ErrCorrupt, got %v", err)
			}
		})
	}
}

// scramble overwrites everything from off on with pseudo-random bytes.
func scramble(raw []byte, off int) []byte {
	out := append([]byte(nil), raw...)
	x := uint32(2463534242)
	for i := off; i < len(out); i++ {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		out[i] = byte(x)
	}
	return out
}
