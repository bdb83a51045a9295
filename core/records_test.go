package core

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

// Records add up across sessions, per member and per chat, and the board
// can be limited to a period.
func TestRecordsAcrossSessions(t *testing.T) {
	t.Parallel()
	st := openStore(t, filepath.Join(t.TempDir(), "b.db"))
	defer st.Close()
	ix, _ := offlineIndex(t)
	tr := NewTrainer(TrainerOptions{Store: StoreTraining{S: st}, Records: StoreRecords{S: st}, Chunks: ix.Chunks()})
	ctx := context.Background()
	play := func(chat string, rightAnswers map[string]bool) {
		t.Helper()
		if _, err := tr.Start(ctx, StartRequest{Chat: chat, StartedBy: "u0", N: 2, ChatTitle: "支部"}); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 2; i++ {
			q, idx, ok, err := tr.Next(ctx, chat)
			if err != nil || !ok {
				t.Fatal(ok, err)
			}
			poll := chat + "-p" + string(rune('a'+i))
			if err := tr.BindPoll(ctx, PollBinding{Chat: chat, PollID: poll, Index: idx}); err != nil {
				t.Fatal(err)
			}
			for user, right := range rightAnswers {
				opt := q.Correct
				if !right {
					opt = (q.Correct + 1) % len(q.Options)
				}
				if _, _, err := tr.RecordAnswer(ctx, Vote{PollID: poll, UserID: user, Name: "N" + user, Options: []int{opt}}); err != nil {
					t.Fatal(err)
				}
			}
		}
		if _, _, err := tr.Stop(ctx, chat); err != nil {
			t.Fatal(err)
		}
	}
	play("g1", map[string]bool{"a": true, "b": false})
	play("g1", map[string]bool{"a": false, "c": true})
	play("g2", map[string]bool{"a": true})

	a, rank, sessions, found, err := tr.MemberRecord(ctx, "g1", "a")
	if err != nil || !found {
		t.Fatal(found, err)
	}
	if a.Sessions != 2 || a.Answered != 4 || a.Right != 2 || a.Points != 2*PointsRight+4*PointsAnswer || sessions != 2 {
		t.Errorf("a in g1: %+v (chat sessions %d)", a, sessions)
	}
	if rank != 1 || a.Accuracy() != 0.5 {
		t.Errorf("a: rank %d accuracy %v", rank, a.Accuracy())
	}
	board, err := tr.Board(ctx, "g1", time.Time{})
	if err != nil || len(board) != 3 {
		t.Fatalf("board %+v %v", board, err)
	}
	if board[0].UserID != "a" || board[1].UserID != "c" || board[2].UserID != "b" {
		t.Errorf("order %+v", board)
	}
	if _, _, _, found, _ := tr.MemberRecord(ctx, "g2", "b"); found {
		t.Error("b has no record in g2")
	}
	if later, _ := tr.Board(ctx, "g1", time.Now().Add(time.Hour)); len(later) != 0 {
		t.Errorf("board from the future: %+v", later)
	}
	all, err := tr.Records(ctx, "", time.Time{}, time.Time{})
	if err != nil || len(all) != 5 {
		t.Fatalf("%d records, want 5: %v", len(all), err)
	}
	for _, r := range all {
		if r.ChatTitle != "支部" || r.Questions != 2 || r.EndedAt.IsZero() || r.Name == "" {
			t.Errorf("record %+v", r)
		}
	}
	// Stopping a stopped session adds nothing.
	if _, _, err := tr.Stop(ctx, "g1"); err == nil {
		t.Error("second stop succeeded")
	}
	if again, _ := tr.Records(ctx, "", time.Time{}, time.Time{}); len(again) != 5 {
		t.Errorf("%d records after a second stop", len(again))
	}
}
