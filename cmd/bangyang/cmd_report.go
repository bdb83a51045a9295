package main

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"bangyang/atomicfile"
	"bangyang/store"
)

// runReport writes the statistics as CSV or as an XLSX workbook (by the
// name of --out) for the people who review content gaps.
func runReport(ctx context.Context, a *app, args []string) error {
	days, rest, _, out, err := a.statsFlags("report", args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", rest[0])}
	}
	if *out == "" {
		return usageError{"report needs --out FILE (a .csv or .xlsx file)"}
	}
	var write func(io.Writer, []reportTable) error
	switch ext := strings.ToLower(filepath.Ext(*out)); ext {
	case ".csv":
		write = writeReportCSV
	case ".xlsx":
		write = writeReportXLSX
	case "":
		return usageError{fmt.Sprintf("report writes CSV or XLSX; name the file .csv or .xlsx (%q has no extension)", *out)}
	default:
		return usageError{fmt.Sprintf("report writes CSV or XLSX; name the file .csv or .xlsx, not %q", ext)}
	}
	// Where it goes is checked before the store is read.
	if err := checkOutPath(*out); err != nil {
		return err
	}
	st, err := a.openStatsStore()
	if err != nil {
		return err
	}
	defer st.Close()
	rep, err := st.Stats(ctx, store.StatsOptions{Since: since(days), Top: -1})
	if err != nil {
		return err
	}
	if err := writeReportFile(*out, func(w io.Writer) error { return write(w, reportTables(rep)) }); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "已写入 %s：提问 %d 次，未能回答的问题 %d 个，👎 %d 条\n", *out, rep.Questions, len(rep.Unanswered), len(rep.Downvoted))
	return nil
}

// checkOutPath tells in one line why a report cannot be written at path:
// a folder that is missing or not a folder, or a folder in its place.
func checkOutPath(path string) error {
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("report: cannot write %s: the folder %s does not exist", path, dir)
	case err != nil:
		return fmt.Errorf("report: cannot write %s: %w", path, err)
	case !fi.IsDir():
		return fmt.Errorf("report: cannot write %s: %s is not a folder", path, dir)
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("report: cannot write %s: it is a folder", path)
	}
	return nil
}

// writeReportFile writes path through a temporary file in the same folder
// and renames it, so a failed export leaves neither a half file nor a
// damaged earlier one.
func writeReportFile(path string, write func(io.Writer) error) error {
	f, err := atomicfile.Create(path, 0o600, atomicfile.TempPattern(".report-*"+filepath.Ext(path)))
	if err != nil {
		return fmt.Errorf("report: cannot write %s: %w", path, err)
	}
	defer f.Close() // discards the temp file unless committed
	if err := write(f); err != nil {
		return fmt.Errorf("report: writing %s: %w", path, err)
	}
	if err := f.Commit(); err != nil {
		return fmt.Errorf("report: cannot write %s: %w", path, err)
	}
	return nil
}

// A reportTable is one table of the report: a section of the CSV, a
// sheet of the workbook. Cells are string, int or time.Time (a zero time
// is an empty cell).
type reportTable struct {
	Title  string
	Header []string
	Rows   [][]any
}

// reportTables lays the report out as tables, the same for both formats.
func reportTables(rep *store.Report) []reportTable {
	tables := []reportTable{{
		Title:  "总计",
		Header: []string{"提问", "已回答", "资料中没有", "模型故障改为摘录", "用户", "对话", "👍", "👎", "培训场次"},
		Rows:   [][]any{{rep.Questions, rep.Answered, rep.Abstained, rep.Fallback, rep.Users, rep.Chats, rep.Upvotes, rep.Downvotes, rep.TrainingSessions}},
	}}
	days := reportTable{Title: "每日", Header: []string{"日期", "提问", "已回答", "资料中没有", "摘录", "用户", "对话"}}
	for _, d := range rep.Days {
		days.Rows = append(days.Rows, []any{d.Day, d.Questions, d.Answered, d.Abstained, d.Fallback, d.Users, d.Chats})
	}
	unanswered := reportTable{Title: "未能回答的问题", Header: []string{"问题", "次数", "首次", "最近"}}
	for _, u := range rep.Unanswered {
		unanswered.Rows = append(unanswered.Rows, []any{u.Question, u.Count, u.First, u.Last})
	}
	// A chat is an identifier, not a quantity: text, so that a group's
	// -100… number is not shown as 1E+12.
	down := reportTable{Title: "👎 反馈", Header: []string{"时间", "对话", "问题", "回答", "引用段落"}}
	for _, d := range rep.Downvoted {
		down.Rows = append(down.Rows, []any{d.At, strconv.FormatInt(d.Chat, 10), d.Question, d.Answer, strings.Join(d.ChunkIDs, " ")})
	}
	tables = append(tables, days, unanswered, down)
	for _, s := range []struct {
		title string
		cs    []store.Count
	}{{"最常问的工作法", rep.Methods}, {"最常问的书记", rep.Leaders}} {
		t := reportTable{Title: s.title, Header: []string{"名称", "次数"}}
		for _, c := range s.cs {
			t.Rows = append(t.Rows, []any{c.Name, c.N})
		}
		tables = append(tables, t)
	}
	training := reportTable{Title: "培训", Header: []string{"时间", "对话", "发起人", "主题", "题数"}}
	for _, r := range rep.Training {
		training.Rows = append(training.Rows, []any{r.At, r.Chat, r.StartedBy, r.Topic, r.Questions})
	}
	return append(tables, training)
}

// reportTime is how the report shows a moment: local time to the minute.
const reportTime = "2006-01-02 15:04"

// writeReportCSV writes one CSV of titled sections (a header row each,
// a blank line between), with a byte-order mark so that spreadsheet
// programs read the Chinese as UTF-8.
func writeReportCSV(out io.Writer, tables []reportTable) error {
	if _, err := io.WriteString(out, "\ufeff"); err != nil {
		return err
	}
	w := csv.NewWriter(out)
	for _, t := range tables {
		_ = w.Write([]string{t.Title})
		_ = w.Write(t.Header)
		for _, r := range t.Rows {
			rec := make([]string, len(r))
			for i, v := range r {
				rec[i] = csvCell(v)
			}
			_ = w.Write(rec)
		}
		_ = w.Write(nil)
	}
	w.Flush()
	return w.Error()
}

func csvCell(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case time.Time:
		if v.IsZero() {
			return ""
		}
		return v.Local().Format(reportTime)
	}
	return fmt.Sprint(v)
}
