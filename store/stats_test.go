package store_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"bangyang/bot"
	"bangyang/store"
)

// Stats reads what the bot really writes for feedback (bot.Feedback via
// bot.StoreFeedback), so a renamed field breaks this test, not the report.
func TestStatsReport(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "bangyang.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	d1 := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	d2 := d1.Add(24 * time.Hour)
	events := []store.QuestionEvent{
		{At: d1, Chat: "tg:1:0", User: "1", Outcome: store.OutcomeAnswered, Mode: "extractive", Methods: []string{"四单工作法"}, Leaders: []string{"吴中兰"}},
		{At: d1.Add(time.Minute), Chat: "tg:1:0", User: "1", Outcome: store.OutcomeAbstained, Question: "火星怎么去？", Key: "火星怎么去"},
		{At: d2, Chat: "tg:-5:0", User: "2", Outcome: store.OutcomeAbstained, Question: "火星怎么去", Key: "火星怎么去"},
		{At: d2, Chat: "tg:-5:0", User: "3", Outcome: store.OutcomeFallback, Mode: "extractive", Leaders: []string{"吴中兰"}},
		{At: d2, Chat: "tg:-5:0", User: "3", Outcome: store.OutcomeAbstained, Question: "月亮多大", Key: "月亮多大"},
	}
	for _, e := range events {
		if err := st.RecordQuestion(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	fb := bot.StoreFeedback(st)
	presses := []bot.Feedback{
		{At: d2, ChatID: 1, UserID: 1, Key: "k1", Vote: "up", Question: "什么是四单工作法", Answer: "以下摘自……"},
		{At: d2.Add(time.Second), ChatID: 1, UserID: 1, Key: "k1", Vote: "down", Question: "什么是四单工作法", Answer: "以下摘自资料原文：民众点单[1]", ChunkIDs: []string{"c1"}},
		{At: d2.Add(2 * time.Second), ChatID: -5, UserID: 3, Key: "k2", Vote: "up", Question: "郭佳是谁"},
	}
	for _, f := range presses {
		if err := fb.RecordFeedback(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.RecordTraining(ctx, store.TrainingRecord{At: d2, Chat: "-5", StartedBy: "3", Questions: 5}); err != nil {
		t.Fatal(err)
	}
	// Everything survives a restart.
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if st, err = store.Open(path); err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	rep, err := st.Stats(ctx, store.StatsOptions{Location: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Questions != 5 || rep.Answered != 1 || rep.Abstained != 3 || rep.Fallback != 1 || rep.Users != 3 || rep.Chats != 2 {
		t.Errorf("totals: %+v", rep)
	}
	if len(rep.Days) != 2 || rep.Days[0].Day != "2026-11-30" || rep.Days[0].Questions != 2 || rep.Days[1].Questions != 3 || rep.Days[1].Users != 2 {
		t.Errorf("days: %+v", rep.Days)
	}
	if len(rep.Unanswered) != 2 || rep.Unanswered[0].Question != "火星怎么去？" || rep.Unanswered[0].Count != 2 || rep.Unanswered[1].Count != 1 {
		t.Errorf("unanswered: %+v", rep.Unanswered)
	}
	// The changed vote counts once, as 👎.
	if rep.Upvotes != 1 || rep.Downvotes != 1 || len(rep.Downvoted) != 1 || rep.Downvoted[0].Answer != "以下摘自资料原文：民众点单[1]" || rep.Downvoted[0].Question != "什么是四单工作法" {
		t.Errorf("feedback: up %d down %d %+v", rep.Upvotes, rep.Downvotes, rep.Downvoted)
	}
	if len(rep.Leaders) != 1 || rep.Leaders[0] != (store.Count{Name: "吴中兰", N: 2}) || len(rep.Methods) != 1 || rep.Methods[0].N != 1 {
		t.Errorf("leaders %+v methods %+v", rep.Leaders, rep.Methods)
	}
	if rep.TrainingSessions != 1 || rep.Training[0].Questions != 5 {
		t.Errorf("training: %+v", rep.Training)
	}

	since, err := st.Stats(ctx, store.StatsOptions{Since: d2, Top: 1, Location: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	if since.Questions != 3 || len(since.Unanswered) != 1 || since.Unanswered[0].Count != 2 {
		t.Errorf("since %v: %+v", d2, since)
	}
}
