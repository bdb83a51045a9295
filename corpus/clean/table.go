package clean

import (
	"regexp"
	"strings"
)

// A table written with pipes in a page saved as text ("| 2019年 | 全国劳动
// 模范 |", a Markdown table pasted into a .txt): its rows are content (an
// encyclopedia entry's honours table), not a bar of links, so they become
// lines of cells separated by spaces and the delimiter row goes. A .md
// file's tables are rendered before cleaning (corpus/markdown.go).
var (
	pipeRowRe   = regexp.MustCompile(`^\s*[|｜].*[|｜]\s*$`)
	pipeRuleRe  = regexp.MustCompile(`^\s*[|｜]?\s*:?-{2,}:?\s*(?:[|｜]\s*:?-{2,}:?\s*)*[|｜]?\s*$`)
	pipeSplitRe = regexp.MustCompile(`\s*[|｜]\s*`)
)

// pipeCells is the cells of a table row, empty when the line is none.
func pipeCells(l string) []string {
	if !pipeRowRe.MatchString(l) {
		return nil
	}
	parts := pipeSplitRe.Split(strings.TrimSpace(l), -1)
	parts = parts[1 : len(parts)-1] // outside the leading and trailing pipe
	if len(parts) < 2 {
		return nil
	}
	return parts
}

// unpipeTables renders pipe tables: a block of at least two rows of the
// same number of cells, or rows under a delimiter row.
func unpipeTables(text string) string {
	if !strings.ContainsAny(text, "|｜") {
		return text
	}
	lines := strings.Split(text, "\n")
	cells := make([][]string, len(lines))
	for i, l := range lines {
		cells[i] = pipeCells(l)
	}
	rule := func(i int) bool {
		return i >= 0 && i < len(lines) && strings.Contains(lines[i], "-") && pipeRuleRe.MatchString(lines[i])
	}
	inTable := func(i int) bool {
		if cells[i] == nil {
			return false
		}
		for _, j := range []int{i - 1, i + 1} {
			if j >= 0 && j < len(lines) && len(cells[j]) == len(cells[i]) || rule(j) {
				return true
			}
		}
		// A row under the delimiter row, further down the table.
		for j := i - 1; j >= 0 && cells[j] != nil; j-- {
			if rule(j - 1) {
				return true
			}
		}
		return false
	}
	out := lines[:0:0]
	for i, l := range lines {
		switch {
		case rule(i) && (i > 0 && cells[i-1] != nil || i+1 < len(lines) && cells[i+1] != nil):
			continue
		case inTable(i):
			out = append(out, strings.Join(cells[i], " "))
		default:
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
