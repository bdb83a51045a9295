package clean

import "strings"

// dedupLines keeps the first of identical lines: captions and titles are
// often printed twice, and prose paragraphs never legitimately repeat
// verbatim.
func dedupLines(s string) string {
	lines := strings.Split(s, "\n")
	seen := make(map[string]bool, len(lines))
	out := lines[:0]
	for _, l := range lines {
		key := strings.TrimSpace(l)
		if key != "" && seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}
