package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bangyang/core"
	"bangyang/corpus"
	"bangyang/store"
)

// The export lists every member's record with names, dates, topics and
// scores, filtered by chat and date, as CSV a spreadsheet opens.
func TestRecordsExport(t *testing.T) {
	data := t.TempDir()
	st, err := store.Open(filepath.Join(data, "bangyang.db"))
	if err != nil {
		t.Fatal(err)
	}
	day1 := time.Date(2026, 11, 2, 10, 0, 0, 0, time.Local)
	day2 := time.Date(2026, 11, 20, 15, 30, 0, 0, time.Local)
	recs := []core.Record{
		{Chat: "tg:-1001:0", ChatTitle: "一支部", SessionID: "s1", Topic: "四单工作法", StartedAt: day1, EndedAt: day1, Questions: 5, UserID: "11", Name: "王, 小红", Answered: 5, Right: 4, Points: 50},
		{Chat: "tg:-1001:0", ChatTitle: "一支部", SessionID: "s1", Topic: "四单工作法", StartedAt: day1, EndedAt: day1, Questions: 5, UserID: "12", Name: "李明", Answered: 3, Right: 1, Points: 16},
		{Chat: "tg:-1001:0", ChatTitle: "一支部", SessionID: "s2", Plan: core.PlanDaily, StartedAt: day2, EndedAt: day2, Questions: 1, UserID: "11", Name: "王, 小红", Answered: 1, Right: 1, Points: 12},
		{Chat: "tg:-2002:0", ChatTitle: "二支部", SessionID: "s3", StartedAt: day2, EndedAt: day2, Questions: 3, UserID: "21", Name: "赵强", Answered: 3, Right: 3, Points: 36},
	}
	if err := (core.StoreRecords{S: st}).AddRecords(context.Background(), recs); err != nil {
		t.Fatal(err)
	}
	st.Close()

	read := func(args ...string) [][]string {
		t.Helper()
		out := filepath.Join(t.TempDir(), "台账.csv")
		if _, errs, code := runCLI(t, data, "", append([]string{"records", "--out", out}, args...)...); code != 0 {
			t.Fatalf("records %v: exit %d: %s", args, code, errs)
		}
		raw, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(raw), "\ufeff") {
			t.Error("no byte-order mark: Excel would misread the Chinese")
		}
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(raw), "\ufeff"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(rows[0], ",") != strings.Join(recordsHeader, ",") {
			t.Errorf("header %v", rows[0])
		}
		return rows[1:]
	}
	all := read()
	if len(all) != 4 {
		t.Fatalf("%d rows, want 4: %v", len(all), all)
	}
	want := []string{"2026-11-02", "10:00", "一支部", "-1001", "s1", "四单工作法", "培训", "王, 小红", "11", "5", "5", "4", "80%", "50"}
	if strings.Join(all[0], "|") != strings.Join(want, "|") && strings.Join(all[1], "|") != strings.Join(want, "|") {
		t.Errorf("rows %v\nwant one %v", all, want)
	}
	found := false
	for _, r := range all {
		found = found || r[6] == "每日一题" && r[7] == "王, 小红" && r[13] == "12"
	}
	if !found {
		t.Errorf("the daily question's record is missing: %v", all)
	}
	if got := read("--chat", "-2002"); len(got) != 1 || got[0][7] != "赵强" {
		t.Errorf("--chat -2002: %v", got)
	}
	if got := read("--since", "2026-11-10"); len(got) != 2 {
		t.Errorf("--since: %v", got)
	}
	if _, _, code := runCLI(t, data, "", "records", "--out", filepath.Join(t.TempDir(), "x.xlsx")); code != 2 {
		t.Errorf("an .xlsx name must be a usage error, exit %d", code)
	}
	if _, _, code := runCLI(t, data, "", "records"); code != 2 {
		t.Errorf("records without --out: exit %d, want 2", code)
	}
}

// A session played through the trainer over the data directory's store
// (three members) shows up in the export of a later process.
func TestRecordsExportAfterSession(t *testing.T) {
	data := t.TempDir()
	st, err := store.Open(filepath.Join(data, "bangyang.db"))
	if err != nil {
		t.Fatal(err)
	}
	arts, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	tr := core.NewTrainer(core.TrainerOptions{Store: core.StoreTraining{S: st}, Records: core.StoreRecords{S: st}, Chunks: corpus.ChunkAll(arts)})
	ctx := context.Background()
	const chat = "tg:-3003:0"
	if _, err := tr.Start(ctx, core.StartRequest{Chat: chat, ChatTitle: "三支部", StartedBy: "1", N: 2, Topic: "李亚玲"}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		q, idx, ok, err := tr.Next(ctx, chat)
		if err != nil || !ok {
			t.Fatal(ok, err)
		}
		poll := fmt.Sprint("p", i)
		if err := tr.BindPoll(ctx, core.PollBinding{Chat: chat, PollID: poll, Index: idx}); err != nil {
			t.Fatal(err)
		}
		for u, name := range []string{"甲", "乙", "丙"} {
			opt := q.Correct
			if u == 1 {
				opt = (q.Correct + 1) % len(q.Options)
			}
			if _, _, err := tr.RecordAnswer(ctx, core.Vote{PollID: poll, UserID: fmt.Sprint(100 + u), Name: name, Options: []int{opt}}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, _, err := tr.Stop(ctx, chat); err != nil {
		t.Fatal(err)
	}
	st.Close()

	out, errs, code := runCLI(t, data, "", "records", "--out", "-", "--chat", "-3003")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	if err != nil || len(rows) != 4 {
		t.Fatalf("%d rows (%v):\n%s", len(rows), err, out)
	}
	got := map[string]string{}
	for _, r := range rows[1:] {
		if r[2] != "三支部" || r[5] != "李亚玲" || r[9] != "2" {
			t.Errorf("row %v", r)
		}
		got[r[7]] = r[11] + "/" + r[10] + " " + r[13]
	}
	if got["甲"] != "2/2 24" || got["乙"] != "0/2 4" || got["丙"] != "2/2 24" {
		t.Errorf("exported scores %v", got)
	}
}
