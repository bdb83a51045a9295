// Package quiz generates multiple-choice questions from article passages
// and runs group training sessions over them. It is transport-independent:
// the caller sends polls, feeds answers back and persists the Session.
package quiz

import (
	"errors"
	"fmt"
	"strings"
)

// Scripts a question can be rendered in.
const (
	ScriptSimplified  = "hans"
	ScriptTraditional = "hant"
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
	KindMethodLeader Kind = "method_leader" // who created method X
	KindLeaderMethod Kind = "leader_method" // which method is leader Y's
	KindStep         Kind = "step"          // which item belongs to a method
	KindNotStep      Kind = "not_step"      // which item does NOT belong
	KindMissingStep  Kind = "missing_step"  // fill the blank in an enumeration
	KindNumber       Kind = "number"        // which number the passage gives
	KindPlace        Kind = "place"         // where a leader works
	KindModel        Kind = "model"         // written by a language model
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
	Key     string   `json:"key"`
	Kind    Kind     `json:"kind"`
	Script  string   `json:"script"`
	Text    string   `json:"text"`
	Options []string `json:"options"`
	Correct int      `json:"correct"`
	// Negative marks "which is NOT …" questions: the right option is the
	// one the passage does not support, every other option is supported.
	Negative    bool   `json:"negative,omitempty"`
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
	if n := utf16Len(q.Text); n > MaxQuestionLen {
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
		if strings.TrimSpace(o) == "" || utf16Len(o) > MaxOptionLen {
			return invalid("option %d has length %d, want 1–%d", i, utf16Len(o), MaxOptionLen)
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
	if n := utf16Len(q.Explanation); n > MaxExplanationLen {
		return invalid("explanation is %d units long, limit %d", n, MaxExplanationLen)
	}
	if n := strings.Count(q.Explanation, "\n"); n > MaxExplanationLFs {
		return invalid("explanation has %d line feeds, limit %d", n, MaxExplanationLFs)
	}
	if strings.TrimSpace(q.Citation.Passage) == "" {
		return invalid("no cited passage")
	}
	evidence := normalize(q.Citation.Passage)
	if q.Citation.Leader != "" {
		// The citation names whose article the passage is from, so the
		// leader's name counts as stated even where the passage says 她.
		evidence += "\x00" + normalize(q.Citation.Leader)
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
