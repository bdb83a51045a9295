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
)

// markdownText reduces Markdown to plain lines: headings lose their `#`,
// links keep their text, images and reference definitions go, emphasis
// markers go, list and quote markers go. It returns the first level-1/2
// heading as a title. This is deliberately light: articles are prose, and
// the cleaner runs afterwards.
func markdownText(src string) (text, title string) {
	var lines []string
	inFence := false
	for _, line := range strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n") {
		trimmed := strings.TrimSpace(line)
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
