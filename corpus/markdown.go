package corpus

import (
	"regexp"
	"strings"
)

var (
	mdImage    = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	mdLink     = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	mdRefLink  = regexp.MustCompile(`\[([^\]]+)\]\[[^\]]*\]`)
	mdEmphasis = regexp.MustCompile(`(\*\*|__|~~)(.+?)(\*\*|__|~~)`)
	mdCode     = regexp.MustCompile("`([^`]+)`")
	mdList     = regexp.MustCompile(`^\s*(?:[-*+]|\d{1,3}[.)])\s+`)
	mdHeading  = regexp.MustCompile(`^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$`)
	mdRule     = regexp.MustCompile(`^\s{0,3}(?:[-*_]\s*){3,}$`)
	mdRefDef   = regexp.MustCompile(`^\s{0,3}\[[^\]]+\]:\s+\S+`)
	mdHTMLTag  = regexp.MustCompile(`</?[a-zA-Z][^>]*>`)
	// A table's delimiter row: | :--- | ---: |.
	mdTableRule = regexp.MustCompile(`^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$`)
)

// markdownText reduces Markdown to plain lines: headings lose their `#`,
// links keep their text, images and reference definitions go, emphasis
// markers go, list and quote markers go, a table's rows become lines of
// "header：cell" pairs. It returns the first level-1/2
// heading as a title. This is deliberately light: articles are prose, and
// the cleaner runs afterwards.
func markdownText(src string) (text, title string) {
	var lines []string
	inFence := false
	var header []string // the open table's header cells
	all := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	for li, line := range all {
		trimmed := strings.TrimSpace(line)
		if !inFence && strings.Contains(trimmed, "|") {
			// A table: its header (the line above a delimiter row) gives
			// each cell of the rows below its label.
			if li+1 < len(all) && delimiterFor(trimmed, all[li+1]) {
				header = tableCells(trimmed)
				continue
			}
			if mdTableRule.MatchString(trimmed) && strings.Contains(trimmed, "-") {
				continue
			}
			if header != nil || strings.HasPrefix(trimmed, "|") && strings.Count(trimmed, "|") >= 3 {
				if row := tableRow(header, tableCells(trimmed)); row != "" {
					lines = append(lines, row)
				}
				continue
			}
		}
		header = nil
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			inFence = !inFence
			continue
		}
		if inFence {
			lines = append(lines, line)
			continue
		}
		if mdRule.MatchString(line) || mdRefDef.MatchString(line) {
			continue
		}
		if m := mdHeading.FindStringSubmatch(line); m != nil {
			h := inlineMarkdown(m[2])
			if title == "" && len(m[1]) <= 2 {
				title = h
			}
			lines = append(lines, h)
			continue
		}
		for strings.HasPrefix(trimmed, ">") {
			trimmed = strings.TrimSpace(strings.TrimPrefix(trimmed, ">"))
		}
		trimmed = mdList.ReplaceAllString(trimmed, "")
		lines = append(lines, inlineMarkdown(trimmed))
	}
	return strings.Join(lines, "\n"), title
}

func inlineMarkdown(s string) string {
	s = mdImage.ReplaceAllString(s, "")
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdRefLink.ReplaceAllString(s, "$1")
	s = mdCode.ReplaceAllString(s, "$1")
	for range 3 { // nested emphasis
		s = mdEmphasis.ReplaceAllString(s, "$2")
	}
	s = mdHTMLTag.ReplaceAllString(s, "")
	return strings.TrimSpace(s)
}

// delimiterFor reports whether next is the delimiter row of a table whose
// header is line: a row of dashes with a pipe, one cell per header cell
// (a rule "---" under "来源：… | 2023年" is a rule, not a table).
func delimiterFor(line, next string) bool {
	return mdTableRule.MatchString(next) && strings.Contains(next, "-") && strings.Contains(next, "|") &&
		len(tableCells(next)) == len(tableCells(line))
}

// tableCells splits a table row into its cells, markup removed.
func tableCells(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimSuffix(strings.TrimPrefix(line, "|"), "|")
	line = strings.ReplaceAll(line, `\|`, "\x00")
	var out []string
	for _, c := range strings.Split(line, "|") {
		out = append(out, inlineMarkdown(strings.ReplaceAll(c, "\x00", "|")))
	}
	return out
}

// tableRow writes a row as a line of text: "楼道长" under "项目" and "36"
// under "2023年" read "项目：楼道长，2023年：36".
func tableRow(header, cells []string) string {
	var parts []string
	for i, c := range cells {
		if c == "" {
			continue
		}
		if i < len(header) && header[i] != "" && header[i] != c {
			c = header[i] + "：" + c
		}
		parts = append(parts, c)
	}
	return strings.Join(parts, "，")
}
