// Package clean turns a scraped article's raw text into clean text through a
// pipeline of small named steps.
package clean

// PLACEHOLDER: the real pipeline replaces this file (see docs/ARCHITECTURE.md).

// Result is the cleaned text plus what the cleaner learned about the page.
type Result struct {
	Text       string
	Title      string
	Date       string
	Source     string
	Fields     map[string]string
	Unrepaired []string
}

// Step is one named cleaning step.
type Step struct {
	Name  string
	Apply func(string) string
}

// Steps returns the pipeline in order.
func Steps() []Step { return nil }

// Clean runs every step on raw.
func Clean(raw string) Result { return Result{Text: raw} }
