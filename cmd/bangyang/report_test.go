package main

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"bangyang/bot"
	"bangyang/store"
)

// recordTraffic writes into the data directory's store what the bot
// writes while it serves: questions with their outcomes, 👍/👎 presses
// through bot.StoreFeedback, a training session.
func recordTraffic(t *testing.T, data string, d1 time.Time, longAnswer string) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(filepath.Join(data, "bangyang.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	d2 := d1.Add(24 * time.Hour)
	events := []store.QuestionEvent{
		{At: d1, Chat: "tg:1:0", User: "1", Outcome: store.OutcomeAnswered, Mode: "extractive", Methods: []string{"四单工作法"}, Leaders: []string{"吴中兰"}},
		{At: d1.Add(time.Minute), Chat: "tg:1:0", User: "1", Outcome: store.OutcomeAbstained, Question: "火星怎么去？", Key: "火星怎么去"},
		{At: d2, Chat: "tg:-1001234567890:0", User: "2", Outcome: store.OutcomeAbstained, Question: "火星怎么去", Key: "火星怎么去"},
		{At: d2.Add(time.Minute), Chat: "tg:-1001234567890:0", User: "3", Outcome: store.OutcomeFallback, Mode: "extractive", Methods: []string{"四单工作法"}, Leaders: []string{"吴中兰"}},
		{At: d2.Add(2 * time.Minute), Chat: "tg:-1001234567890:0", User: "3", Outcome: store.OutcomeAbstained, Question: "月亮多大", Key: "月亮多大"},
	}
	for _, e := range events {
		if err := st.RecordQuestion(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	fb := bot.StoreFeedback(st)
	for _, f := range []bot.Feedback{
		{At: d2, ChatID: 1, UserID: 1, Key: "k1", Vote: "up", Question: "郭佳是谁"},
		{At: d2.Add(3 * time.Minute), ChatID: -1001234567890, UserID: 3, Key: "k2", Vote: "down", Question: "怎么把失联的党员找回来？", Answer: longAnswer, ChunkIDs: []string{"c1", "c2"}},
	} {
		if err := fb.RecordFeedback(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.RecordTraining(ctx, store.TrainingRecord{At: d2.Add(time.Hour), Chat: "-1001234567890", StartedBy: "3", Topic: "吴中兰", Questions: 5}); err != nil {
		t.Fatal(err)
	}
}

// `bangyang report --out FILE.xlsx` writes a workbook of one sheet per
// table, read back here cell by cell: numbers as numbers, moments as
// dates shown to the minute, Chinese and emoji intact, a bold frozen
// header, columns as wide as their text and a long answer wrapped. The
// CSV of the same store holds the same cells.
func TestReportXLSX(t *testing.T) {
	data := t.TempDir()
	d1 := time.Date(2026, 11, 30, 10, 7, 0, 0, time.Local)
	longAnswer := "以下摘自资料原文：\n" + strings.Repeat("网格员逐户走访，把失联党员的线索登记在册。", 6) + "[1]"
	recordTraffic(t, data, d1, longAnswer)

	out := filepath.Join(t.TempDir(), "报告.xlsx")
	stdout, errs, code := runCLI(t, data, "", "report", "--out", out)
	if code != 0 {
		t.Fatalf("report: exit %d: %s", code, errs)
	}
	if !strings.Contains(stdout, "提问 5 次") {
		t.Errorf("report says: %s", stdout)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	defer f.Close()

	want := map[string][][]string{
		"总计": {
			{"提问", "已回答", "资料中没有", "模型故障改为摘录", "用户", "对话", "👍", "👎", "培训场次"},
			{"5", "1", "3", "1", "3", "2", "1", "1", "1"},
		},
		"每日": {
			{"日期", "提问", "已回答", "资料中没有", "摘录", "用户", "对话"},
			{"2026-11-30", "2", "1", "1", "0", "1", "1"},
			{"2026-12-01", "3", "0", "2", "1", "2", "1"},
		},
		"未能回答的问题": {
			{"问题", "次数", "首次", "最近"},
			{"火星怎么去？", "2", "2026-11-30 10:08", "2026-12-01 10:07"},
			{"月亮多大", "1", "2026-12-01 10:09", "2026-12-01 10:09"},
		},
		"👎 反馈": {
			{"时间", "对话", "问题", "回答", "引用段落"},
			{"2026-12-01 10:10", "-1001234567890", "怎么把失联的党员找回来？", longAnswer, "c1 c2"},
		},
		"最常问的工作法": {{"名称", "次数"}, {"四单工作法", "2"}},
		"最常问的书记":  {{"名称", "次数"}, {"吴中兰", "2"}},
		"培训": {
			{"时间", "对话", "发起人", "主题", "题数"},
			{"2026-12-01 11:07", "-1001234567890", "3", "吴中兰", "5"},
		},
	}
	order := []string{"总计", "每日", "未能回答的问题", "👎 反馈", "最常问的工作法", "最常问的书记", "培训"}
	if got := f.GetSheetList(); !slices.Equal(got, order) {
		t.Fatalf("sheets %q, want %q", got, order)
	}
	for _, sheet := range order {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.EqualFunc(rows, want[sheet], slices.Equal) {
			t.Errorf("sheet %s:\n got %q\nwant %q", sheet, rows, want[sheet])
		}
	}

	// Counts are numbers (a cell without a type is a number), moments are
	// dates, a chat id is text.
	types := []struct {
		sheet, cell string
		number      bool
	}{
		{"总计", "A2", true},
		{"未能回答的问题", "B2", true},
		{"未能回答的问题", "A2", false},
		{"👎 反馈", "B2", false},
		{"培训", "E2", true},
	}
	for _, c := range types {
		got, err := f.GetCellType(c.sheet, c.cell)
		if number := got == excelize.CellTypeUnset || got == excelize.CellTypeNumber; err != nil || number != c.number {
			t.Errorf("%s!%s is of type %v (%v), want a number: %v", c.sheet, c.cell, got, err, c.number)
		}
	}
	if raw, _ := f.GetCellValue("培训", "A2", excelize.Options{RawCellValue: true}); strings.Contains(raw, "-") || raw == "" {
		t.Errorf("a training time is kept as text %q, not as a date", raw)
	}

	// The header is bold and stays in view.
	for _, sheet := range order {
		id, err := f.GetCellStyle(sheet, "A1")
		if err != nil {
			t.Fatal(err)
		}
		if st, err := f.GetStyle(id); err != nil || st.Font == nil || !st.Font.Bold {
			t.Errorf("%s: the header is not bold", sheet)
		}
		if p, err := f.GetPanes(sheet); err != nil || !p.Freeze || p.YSplit != 1 {
			t.Errorf("%s: the header row is not frozen: %+v %v", sheet, p, err)
		}
	}
	// Widths follow the text: a date column fits "2026-12-01 10:10", the
	// Chinese question fits its 12 characters (24 wide), the long answer
	// stops at the maximum and wraps, a count column stays narrow.
	widths := []struct {
		sheet, col string
		lo, hi     float64
	}{
		{"未能回答的问题", "C", 16, 22},
		{"👎 反馈", "C", 24, 30},
		{"👎 反馈", "D", xlsxMaxWidth, xlsxMaxWidth},
		{"👎 反馈", "B", 14, 18},
		{"总计", "A", xlsxMinWidth, xlsxMinWidth},
		{"总计", "D", 16, 20},
	}
	for _, w := range widths {
		got, err := f.GetColWidth(w.sheet, w.col)
		if err != nil || got < w.lo || got > w.hi {
			t.Errorf("%s column %s is %v wide (%v), want %v–%v", w.sheet, w.col, got, err, w.lo, w.hi)
		}
	}
	id, _ := f.GetCellStyle("👎 反馈", "D2")
	if st, err := f.GetStyle(id); err != nil || st.Alignment == nil || !st.Alignment.WrapText {
		t.Error("the long answer does not wrap")
	}

	// The CSV of the same store has the same tables, cell for cell.
	csvPath := filepath.Join(t.TempDir(), "report.csv")
	if _, errs, code := runCLI(t, data, "", "report", "--out", csvPath); code != 0 {
		t.Fatalf("report csv: exit %d: %s", code, errs)
	}
	raw, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(raw), "\ufeff")))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// Every table has two or more columns: a record of one field is a
	// section's title (csv.Reader skips the blank lines between).
	sections, title := map[string][][]string{}, ""
	for _, rec := range recs {
		if len(rec) == 1 {
			title = rec[0]
			continue
		}
		sections[title] = append(sections[title], rec)
	}
	for _, sheet := range order {
		if !slices.EqualFunc(sections[sheet], want[sheet], slices.Equal) {
			t.Errorf("CSV section %s:\n got %q\nwant %q", sheet, sections[sheet], want[sheet])
		}
	}
}

// A report that cannot be written says where and why, in one line, and
// leaves nothing behind: no file, no temporary file, nothing changed.
func TestReportBadOut(t *testing.T) {
	data := t.TempDir()
	recordTraffic(t, data, time.Date(2026, 11, 30, 10, 7, 0, 0, time.Local), "答")
	dir := t.TempDir()

	missing := filepath.Join(dir, "没有这个文件夹", "r.xlsx")
	_, errs, code := runCLI(t, data, "", "report", "--out", missing)
	if code != 1 || !strings.Contains(errs, "does not exist") || !strings.Contains(errs, missing) || strings.Count(strings.TrimSpace(errs), "\n") > 0 {
		t.Errorf("report into a missing folder: exit %d: %q", code, errs)
	}
	folder := filepath.Join(dir, "r.xlsx")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := runCLI(t, data, "", "report", "--out", folder); code != 1 || !strings.Contains(errs, "is a folder") {
		t.Errorf("report onto a folder: exit %d: %q", code, errs)
	}
	file := filepath.Join(dir, "plain")
	if err := os.WriteFile(file, []byte("earlier"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := runCLI(t, data, "", "report", "--out", filepath.Join(file, "r.xlsx")); code != 1 || !strings.Contains(errs, "not a folder") {
		t.Errorf("report under a file: exit %d: %q", code, errs)
	}
	if _, errs, code := runCLI(t, data, "", "report", "--out", filepath.Join(dir, "r.ods")); code != 2 || !strings.Contains(errs, ".xlsx") {
		t.Errorf("report to .ods: exit %d: %q", code, errs)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{"plain", "r.xlsx"}) {
		t.Errorf("left in the folder: %q", names)
	}
	if b, _ := os.ReadFile(file); string(b) != "earlier" {
		t.Errorf("a file was changed: %q", b)
	}
	if sub, _ := os.ReadDir(folder); len(sub) != 0 {
		t.Errorf("written into the folder: %v", sub)
	}
}
