// Package clean turns a scraped article's raw text into clean text through a
// pipeline of small named steps.
package clean

import (
	"strings"
	"unicode/utf8"
)

// Result is the cleaned text plus what the cleaner learned about the page.
type Result struct {
	Text   string            // cleaned text, original script, paragraphs separated by "\n"
	Title  string            // first heading / repeated title line, if any
	Date   string            // "2021-02-02" if a date line was found
	Source string            // "來源:..." value if found
	Fields map[string]string // infobox fields, key → value
	// Captions are the photo captions dropped from Text ("图为…党委书记
	// 邝秀英（左二）在…。李明 摄") and bylines naming a secretary's post
	// ("文/图 …社区党委书记 冯晓燕"): never a passage, but what they say of
	// the people pictured is what the article says.
	Captions   []string
	Unrepaired []string // garbled runs that were cut out, for reporting
}

// Step is one named cleaning step.
type Step struct {
	Name  string
	Apply func(string) string
}

// step is a cleaning step that may also record what it learned.
type step struct {
	name  string
	apply func(string, *Result) string
}

func pipeline() []step {
	return []step{
		// Before whitespace, which drops the indents and blank lines that
		// tell a wrapped line from a paragraph's first.
		{"rewrap", func(s string, _ *Result) string { return rewrap(s) }},
		{"whitespace", func(s string, _ *Result) string { return normalizeSpace(s) }},
		{"keycaps", func(s string, _ *Result) string { return normalizeSpace(plainKeycaps(s)) }},
		// Garble repair runs before pinyin removal: the gateway's own
		// annotations tell which byte an annotation split.
		{"garble", repairGarble},
		{"mojibake", func(s string, _ *Result) string { return repairMojibake(s) }},
		{"pinyin", func(s string, _ *Result) string { return removePinyin(s) }},
		{"encyclopedia", func(s string, _ *Result) string { return removeEncyclopedia(s) }},
		{"govsite", func(s string, _ *Result) string { return removeGovSite(s) }},
		{"tables", func(s string, _ *Result) string { return unpipeTables(s) }},
		{"boilerplate", removeBoilerplate},
		{"dateline", func(s string, _ *Result) string { return stripDatelines(s) }},
		{"dedup", func(s string, _ *Result) string { return dedupLines(s) }},
		{"tidy", func(s string, _ *Result) string { return tidy(s) }},
	}
}

// Steps returns the pipeline in order. Each Apply runs one step alone and
// discards what the step learned about the page.
func Steps() []Step {
	ps := pipeline()
	out := make([]Step, len(ps))
	for i, p := range ps {
		apply := p.apply
		out[i] = Step{Name: p.name, Apply: func(s string) string { return apply(s, &Result{}) }}
	}
	return out
}

// Clean runs every step on raw. It is deterministic and never panics on
// arbitrary input; invalid UTF-8 is replaced first.
func Clean(raw string) Result {
	res := Result{}
	s := strings.ToValidUTF8(raw, "\uFFFD")
	for _, p := range pipeline() {
		s = p.apply(s, &res)
	}
	res.Text = s
	if !utf8.ValidString(res.Text) {
		res.Text = strings.ToValidUTF8(res.Text, "")
	}
	return res
}
