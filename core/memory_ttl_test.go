package core

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"bangyang/store"
)

func ttlStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "bangyang.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// A conversation idle longer than the TTL reads as empty and is deleted
// when loaded; one inside the TTL is kept. The clock is injected.
func TestExpiredConversationIsForgottenOnLoad(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := ttlStore(t)
	t0 := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	now := t0
	m := StoreMemory{S: st, TTL: 90 * 24 * time.Hour, Now: func() time.Time { return now }}
	conv := Conversation{Turns: []Turn{{Question: "四单工作法是什么", Answer: "民众点单……", At: t0.Add(-time.Hour)}, {Question: "她后来呢", At: t0}}}
	if err := m.Save(ctx, "tg:1", conv); err != nil {
		t.Fatal(err)
	}
	now = t0.Add(89 * 24 * time.Hour)
	if c, err := m.Load(ctx, "tg:1"); err != nil || len(c.Turns) != 2 {
		t.Fatalf("after 89 days: %d turns, %v; want the conversation", len(c.Turns), err)
	}
	now = t0.Add(91 * 24 * time.Hour)
	if c, err := m.Load(ctx, "tg:1"); err != nil || len(c.Turns) != 0 {
		t.Fatalf("after 91 days: %d turns, %v; want it forgotten", len(c.Turns), err)
	}
	var raw Conversation
	if found, _ := st.Get(ctx, conversationsBucket, "tg:1", &raw); found {
		t.Fatal("the expired conversation is still in the store")
	}
	// TTL 0 keeps everything.
	keep := StoreMemory{S: st, Now: func() time.Time { return t0.Add(10 * 365 * 24 * time.Hour) }}
	keep.Save(ctx, "tg:2", conv)
	if c, _ := keep.Load(ctx, "tg:2"); len(c.Turns) != 2 {
		t.Fatal("TTL 0 forgot a conversation")
	}
}

// The start-up sweep reads a bounded slice of the store per start and
// continues where the last one stopped: 250 conversations, 200 of them
// expired, are gone after three starts of 100, and no fresh one is lost.
func TestSweepIsBoundedAndResumes(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := ttlStore(t)
	t0 := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	m := StoreMemory{S: st, TTL: 90 * 24 * time.Hour, Now: func() time.Time { return t0 }}
	for i := range 250 {
		at := t0.Add(-100 * 24 * time.Hour) // expired
		if i%5 == 0 {
			at = t0.Add(-24 * time.Hour) // fresh
		}
		if err := m.Save(ctx, fmt.Sprintf("tg:%05d", i), Conversation{Turns: []Turn{{Question: "问", Answer: "答", At: at}}}); err != nil {
			t.Fatal(err)
		}
	}
	var removed []int
	for range 3 {
		n, err := m.Sweep(ctx, 100)
		if err != nil {
			t.Fatal(err)
		}
		removed = append(removed, n)
	}
	if removed[0] != 80 || removed[1] != 80 || removed[2] != 40 {
		t.Fatalf("removed per start %v, want [80 80 40] (100 read each time)", removed)
	}
	left := 0
	st.Each(ctx, conversationsBucket, func([]byte, json.RawMessage) error { left++; return nil })
	if left != 50 {
		t.Fatalf("%d conversations left, want the 50 fresh ones", left)
	}
	// The sweep wrapped around: the next start begins at the first key again.
	m.Now = func() time.Time { return t0.Add(95 * 24 * time.Hour) }
	if n, _ := m.Sweep(ctx, 100); n != 50 {
		t.Fatalf("after the wrap, removed %d, want 50", n)
	}
	t.Logf("250 conversations, 100 read per start: removed %v, then 50 after they aged", removed)
}
