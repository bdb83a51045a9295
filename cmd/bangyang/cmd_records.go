package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"bangyang/core"
)

// recordsHeader names the CSV columns, in Chinese for a branch's study
// records (学习台账).
var recordsHeader = []string{"日期", "时间", "群组", "群组ID", "场次", "主题", "类型", "成员", "成员ID", "题数", "作答", "答对", "正确率", "积分"}

// runRecords exports training records as CSV (UTF-8 with a byte-order
// mark, so Excel and WPS open the Chinese text as such). XLSX is not
// written: the well-kept pure-Go library (excelize) would add five modules
// for what a CSV file already gives a spreadsheet.
func runRecords(ctx context.Context, a *app, args []string) error {
	fs := a.flagSet("records")
	out := fs.String("out", "", "CSV file to write (\"-\" for stdout)")
	chat := fs.String("chat", "", "only this chat (its id, e.g. -1001234567890, or a chat key tg:ID:THREAD)")
	since := fs.String("since", "", "only sessions ended on or after this day (YYYY-MM-DD)")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usageError{"records needs --out FILE (a .csv file, or - for stdout)"}
	}
	if ext := strings.ToLower(filepath.Ext(*out)); ext == ".xlsx" || ext == ".xls" {
		return usageError{"records writes CSV only (Excel and WPS open it); use a .csv name"}
	}
	var from time.Time
	if *since != "" {
		t, err := time.ParseInLocation(time.DateOnly, *since, time.Local)
		if err != nil {
			return usageError{fmt.Sprintf("--since %q: want YYYY-MM-DD", *since)}
		}
		from = t
	}
	st, err := a.openStore()
	if err != nil {
		return err
	}
	defer st.Close()
	tr := core.NewTrainer(core.TrainerOptions{Records: core.StoreRecords{S: st}, Logger: a.log})
	recs, err := tr.Records(ctx, "", from, time.Time{})
	if err != nil {
		return err
	}
	var rows [][]string
	for _, r := range recs {
		id := chatID(r.Chat)
		if *chat != "" && *chat != r.Chat && *chat != id {
			continue
		}
		end := r.EndedAt.Local()
		acc := ""
		if r.Answered > 0 {
			acc = fmt.Sprintf("%.0f%%", 100*float64(r.Right)/float64(r.Answered))
		}
		rows = append(rows, []string{
			end.Format(time.DateOnly), end.Format("15:04"), r.ChatTitle, id, r.SessionID, r.Topic, planName(r.Plan),
			r.Name, r.UserID, strconv.Itoa(r.Questions), strconv.Itoa(r.Answered), strconv.Itoa(r.Right), acc, strconv.Itoa(r.Points),
		})
	}
	w := a.stdout
	if *out != "-" {
		f, err := os.Create(*out)
		if err != nil {
			return fmt.Errorf("records: %w", err)
		}
		defer f.Close()
		w = f
	}
	if _, err := w.Write([]byte("\ufeff")); err != nil {
		return fmt.Errorf("records: %w", err)
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(recordsHeader); err != nil {
		return fmt.Errorf("records: %w", err)
	}
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("records: %w", err)
	}
	if *out != "-" {
		fmt.Fprintf(a.stderr, "wrote %d records to %s\n", len(rows), *out)
	}
	return nil
}

// chatID is the transport's chat id in a chat key "tg:ID:THREAD".
func chatID(key string) string {
	parts := strings.Split(key, ":")
	if len(parts) == 3 {
		if parts[2] != "0" {
			return parts[1] + "/" + parts[2]
		}
		return parts[1]
	}
	return key
}

func planName(p string) string {
	switch p {
	case core.PlanLesson:
		return "学习课"
	case core.PlanDaily:
		return "每日一题"
	}
	return "培训"
}
