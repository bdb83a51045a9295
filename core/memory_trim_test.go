package core

import (
	"context"
	"slices"
	"testing"

	"bangyang/corpus"
)

// TestConversationKeepsTheLastMaxTurns: a conversation remembers its last
// MaxTurns turns, oldest dropped first: after each question it holds
// min(asked, MaxTurns) turns, the latest ones in order.
func TestConversationKeepsTheLastMaxTurns(t *testing.T) {
	t.Parallel()
	ix, arts := offlineIndex(t)
	metas := make([]corpus.Meta, len(arts))
	for i, a := range arts {
		metas[i] = a.Meta
	}
	const maxTurns = 3
	s, err := New(Options{Search: ix, Articles: metas, Chunks: ix.Chunks(), MaxTurns: maxTurns})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	qs := []string{"什么是四单工作法？", "党建集结号是什么", "三活四清五到家是什么意思", "怎么把失联的党员找回来", "畅大妈调解室是怎么来的"}
	for i, q := range qs {
		if _, err := s.Ask(ctx, "long", q); err != nil {
			t.Fatal(err)
		}
		conv, err := s.o.Memory.Load(ctx, "long")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, tu := range conv.Turns {
			got = append(got, tu.Question)
		}
		want := qs[max(0, i+1-maxTurns) : i+1]
		if !slices.Equal(got, want) {
			t.Fatalf("after %d questions (MaxTurns %d) the conversation holds %q, want %q", i+1, maxTurns, got, want)
		}
	}
}
