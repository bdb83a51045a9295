// Package quiz generates multiple-choice questions from article passages
// and runs group training sessions over them. It is transport-independent:
// the caller sends polls, feeds answers back and persists the Session.
package quiz

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"bangyang/zh"
)

// Limits of a Telegram quiz poll, in UTF-16 units (FIELD-NOTES §6).
const (
	MaxQuestionLen    = 300
	MinOptions        = 2
	MaxOptions        = 10
	MaxOptionLen      = 100
	MaxExplanationLen = 200
	MaxExplanationLFs = 2
)

// Kind names the template a question came from.
type Kind string

// Question kinds.
const (
	KindApplication  Kind = "application"  // a situation from the articles: which method fits
	KindProblem      Kind = "problem"      // what problem method X answered
	KindOrder        Kind = "order"        // which step comes first / next
	KindMethodLeader Kind = "creator"      // who created method X
	KindLeaderMethod Kind = "method_of"    // which method is leader Y's
	KindStep         Kind = "step"         // which item belongs to a method
	KindNotStep      Kind = "not_step"     // which item does NOT belong
	KindMissingStep  Kind = "missing_step" // fill the blank in a method's steps
	KindNumber       Kind = "number"       // which number the passage gives
	KindPlace        Kind = "place"        // where a leader works
	KindModel        Kind = "model"        // written by a language model
)

// Question origins.
const (
	OriginTemplate = "template"
	OriginModel    = "model"
)

// Citation is the passage a question is built on.
type Citation struct {
	ChunkID   string `json:"chunk_id"`
	ArticleID string `json:"article_id"`
	Title     string `json:"title,omitempty"`
	Leader    string `json:"leader,omitempty"`
	Passage   string `json:"passage"` // the chunk text, original script
}

// From names where a question comes from, in Simplified:
// "出自《标题》（书记）", "出自《标题》", "出自关于书记的报道" or "原文".
func (c Citation) From() string {
	switch {
	case c.Title != "" && c.Leader != "":
		return "出自《" + c.Title + "》（" + c.Leader + "）"
	case c.Title != "":
		return "出自《" + c.Title + "》"
	case c.Leader != "":
		return "出自关于" + c.Leader + "的报道"
	}
	return "原文"
}

// Question is one multiple-choice question with exactly one right option.
type Question struct {
	// Key identifies the question's substance (template, passage, answer)
	// independent of option order and script; a session never repeats one.
	Key     string    `json:"key"`
	Kind    Kind      `json:"kind"`
	Script  zh.Script `json:"script"`
	Text    string    `json:"text"`
	Options []string  `json:"options"`
	Correct int       `json:"correct"`
	// Negative marks "which is NOT …" questions: the right option is the
	// one the passage does not support, every other option is supported.
	Negative bool `json:"negative,omitempty"`
	// After is the step an order question asks what follows ("" asks for
	// the first step).
	After       string `json:"after,omitempty"`
	Explanation string `json:"explanation"`
	// Why says in one sentence why the answer is right (in the question's
	// script); the Explanation quotes the passage.
	Why      string   `json:"why,omitempty"`
	Citation Citation `json:"citation"`
	Origin   string   `json:"origin"`
}

// CorrectText is the text of the right option.
func (q Question) CorrectText() string {
	if q.Correct < 0 || q.Correct >= len(q.Options) {
		return ""
	}
	return q.Options[q.Correct]
}

// ErrInvalid is wrapped by every Validate failure.
var ErrInvalid = errors.New("invalid question")

func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, args...))
}

// Validate checks a question, from a template or a model, against the poll
// limits and against its cited passage: exactly one option is right, the
// passage supports it, and it supports none of the distractors (the other
// way round for Negative questions).
func Validate(q Question) error {
	if strings.TrimSpace(q.Text) == "" {
		return invalid("empty question")
	}
	if n := zh.UTF16Len(q.Text); n > MaxQuestionLen {
		return invalid("question is %d units long, limit %d", n, MaxQuestionLen)
	}
	if len(q.Options) < MinOptions || len(q.Options) > MaxOptions {
		return invalid("%d options, want %d–%d", len(q.Options), MinOptions, MaxOptions)
	}
	if q.Correct < 0 || q.Correct >= len(q.Options) {
		return invalid("correct index %d out of range", q.Correct)
	}
	seen := make(map[string]int, len(q.Options))
	for i, o := range q.Options {
		if strings.TrimSpace(o) == "" || zh.UTF16Len(o) > MaxOptionLen {
			return invalid("option %d has length %d, want 1–%d", i, zh.UTF16Len(o), MaxOptionLen)
		}
		n := normalize(o)
		if n == "" {
			n = strings.TrimSpace(o)
		}
		if j, dup := seen[n]; dup {
			return invalid("options %d and %d are the same", j, i)
		}
		seen[n] = i
	}
	if n := zh.UTF16Len(q.Explanation); n > MaxExplanationLen {
		return invalid("explanation is %d units long, limit %d", n, MaxExplanationLen)
	}
	if n := strings.Count(q.Explanation, "\n"); n > MaxExplanationLFs {
		return invalid("explanation has %d line feeds, limit %d", n, MaxExplanationLFs)
	}
	if strings.TrimSpace(q.Citation.Passage) == "" {
		return invalid("no cited passage")
	}
	// No option may stand in the question: the answer would be given
	// away, a distractor ruled out at sight (一听…六回访: which is a step?).
	stem := normalize(q.Text)
	for i, o := range q.Options {
		if no := normalize(o); no != "" && containsBounded(stem, no) {
			return invalid("option %d %q is in the question", i, o)
		}
	}
	if q.Origin == OriginTemplate || q.Origin == OriginModel {
		if err := checkCites(q); err != nil {
			return err
		}
	}
	if q.Origin == OriginTemplate && strings.TrimSpace(q.Why) == "" {
		return invalid("no reason why the answer is right")
	}
	evidence := normalize(q.Citation.Passage)
	if q.Citation.Leader != "" {
		// The citation names whose article the passage is from, so the
		// leader's name counts as stated even where the passage says 她.
		evidence += "\x00" + normalize(q.Citation.Leader)
	}
	if q.Kind == KindOrder {
		return checkOrder(q, evidence)
	}
	for i, o := range q.Options {
		backed := supported(o, evidence)
		right := i == q.Correct
		switch {
		case right && !q.Negative && !backed:
			return invalid("the passage does not support the answer %q", o)
		case right && q.Negative && backed:
			return invalid("the passage supports %q, the answer to a NOT question", o)
		case !right && !q.Negative && backed:
			return invalid("the passage also supports distractor %q", o)
		case !right && q.Negative && !backed:
			return invalid("distractor %q of a NOT question is not in the passage", o)
		}
	}
	return nil
}

// checkCites: the explanation quotes the cited passage (“…”).
func checkCites(q Question) error {
	rest, ok := explanationQuote(q.Explanation)
	if !ok {
		return invalid("the explanation quotes no passage")
	}
	if i := strings.LastIndex(rest, "”"); i >= 0 {
		rest = rest[:i]
	}
	quote := normalize(strings.TrimSuffix(strings.TrimSpace(rest), "…"))
	if utf8.RuneCountInString(quote) < 4 || !strings.Contains(normalize(q.Citation.Passage), quote) {
		return invalid("the explanation's quote is not from the cited passage")
	}
	return nil
}

// explanationQuote is what an explanation quotes: the text after
// "》：“" or "：“" (a title before it may hold quotation marks of its
// own), else after the first "“".
func explanationQuote(expl string) (string, bool) {
	// 出自《标题》：“…” — the title may hold “…” and even ：“ itself.
	for _, mark := range []string{"》：“", "：“"} {
		if i := strings.Index(expl, mark); i >= 0 {
			return expl[i+len(mark):], true
		}
	}
	_, rest, ok := strings.Cut(expl, "“")
	return rest, ok
}

// checkOrder: every option is a step of the passage, and the answer is
// the first step after q.After (the first of all when After is empty).
func checkOrder(q Question, evidence string) error {
	from := -1
	if q.After != "" {
		na := normalize(q.After)
		if from = strings.Index(evidence, na); from < 0 || !strings.Contains(normalize(q.Text), na) {
			return invalid("order question: step %q is not in the passage and the question", q.After)
		}
	}
	best, bestPos := -1, len(evidence)+1
	for i, o := range q.Options {
		pos := strings.Index(evidence, normalize(o))
		if pos < 0 {
			return invalid("order question: option %q is not in the passage", o)
		}
		if pos > from && pos < bestPos {
			best, bestPos = i, pos
		}
	}
	if best != q.Correct {
		return invalid("order question: the passage puts %q next, not the answer", q.Options[max(best, 0)])
	}
	return nil
}
