package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"
)

// Column widths of the workbook, in Excel's units (about one Latin
// character; a Chinese character takes two).
const (
	xlsxMinWidth = 8
	xlsxMaxWidth = 60 // wider text wraps
)

// writeReportXLSX writes the tables as a workbook, one sheet per table:
// a bold header row that stays in view and filters, numbers as numbers,
// moments as dates, each column as wide as its text up to xlsxMaxWidth and
// wrapped beyond.
func writeReportXLSX(out io.Writer, tables []reportTable) (err error) {
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	header, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Vertical: "top"},
	})
	if err != nil {
		return err
	}
	plain, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}})
	if err != nil {
		return err
	}
	wrapped, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	if err != nil {
		return err
	}
	moment := "yyyy-mm-dd hh:mm" // reportTime in Excel's terms
	when, err := f.NewStyle(&excelize.Style{CustomNumFmt: &moment, Alignment: &excelize.Alignment{Vertical: "top"}})
	if err != nil {
		return err
	}

	for i, t := range tables {
		sheet := t.Title
		if i == 0 {
			err = f.SetSheetName(f.GetSheetName(0), sheet)
		} else {
			_, err = f.NewSheet(sheet)
		}
		if err != nil {
			return fmt.Errorf("sheet %s: %w", sheet, err)
		}
		widths := make([]int, len(t.Header))
		isTime := make([]bool, len(t.Header))
		for c, h := range t.Header {
			widths[c] = displayWidth(h)
		}
		for _, r := range t.Rows {
			for c, v := range r {
				switch v := v.(type) {
				case time.Time:
					isTime[c] = true
					widths[c] = max(widths[c], len(reportTime))
				case string:
					widths[c] = max(widths[c], displayWidth(v))
				default:
					widths[c] = max(widths[c], len(csvCell(v)))
				}
			}
		}
		for c := range t.Header {
			col, err := excelize.ColumnNumberToName(c + 1)
			if err != nil {
				return err
			}
			style, w := plain, widths[c]+2
			switch {
			case isTime[c]:
				style = when
			case w > xlsxMaxWidth:
				style = wrapped
			}
			if err := f.SetColWidth(sheet, col, col, float64(min(max(w, xlsxMinWidth), xlsxMaxWidth))); err != nil {
				return err
			}
			if err := f.SetColStyle(sheet, col, style); err != nil {
				return err
			}
		}

		head := make([]any, len(t.Header))
		for c, h := range t.Header {
			head[c] = h
		}
		if err := f.SetSheetRow(sheet, "A1", &head); err != nil {
			return err
		}
		last, err := excelize.CoordinatesToCellName(len(t.Header), 1)
		if err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, "A1", last, header); err != nil {
			return err
		}
		for r, row := range t.Rows {
			cells := make([]any, len(row))
			for c, v := range row {
				switch v := v.(type) {
				case time.Time:
					if !v.IsZero() {
						cells[c] = v.Local()
					}
				default:
					cells[c] = v
				}
			}
			at, err := excelize.CoordinatesToCellName(1, r+2)
			if err != nil {
				return err
			}
			if err := f.SetSheetRow(sheet, at, &cells); err != nil {
				return err
			}
		}
		if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
		if len(t.Rows) > 0 {
			end, err := excelize.CoordinatesToCellName(len(t.Header), len(t.Rows)+1)
			if err != nil {
				return err
			}
			if err := f.AutoFilter(sheet, "A1:"+end, nil); err != nil {
				return err
			}
		}
	}
	f.SetActiveSheet(0)
	return f.Write(out)
}

// displayWidth is how many Latin characters wide the longest line of s
// shows: a Chinese character or an emoji counts two.
func displayWidth(s string) int {
	most := 0
	for line := range strings.SplitSeq(s, "\n") {
		n := 0
		for _, r := range line {
			switch width.LookupRune(r).Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth:
				n += 2
			default:
				n++
			}
		}
		most = max(most, n)
	}
	return most
}
