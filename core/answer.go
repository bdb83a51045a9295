// Package core is bangyang's transport-independent service: it answers
// questions from the articles with citations, summarises methods and
// leaders, and runs quizzes. Telegram, the terminal chat and the CLI all
// call it; it knows nothing of any of them.
package core

import (
	"bangyang/corpus"
	"bangyang/zh"
)

// Answer modes.
const (
	ModeExtractive = "extractive"
	ModeLLM        = "llm"
)

// Answer is what the user sees, before any transport formatting.
type Answer struct {
	// Text is plain text (no markup) with [n] markers, in the asker's script.
	Text string
	// Citations are the passages the text cites, numbered as in the text.
	Citations []Citation
	// Grounded is false when the articles do not answer the question.
	Grounded bool
	// Refused is true when the answer says the articles do not have what
	// was asked (it may still cite what they say about the person).
	Refused bool
	// TurnID names this answer in the conversation: a reply to it
	// continues it (Request.ReplyTo).
	TurnID string
	Mode   string
	// Script is the asker's script.
	Script zh.Script
	// Notice is a short remark for the user, e.g. that the model fell back.
	Notice string
	// Suggestions are close matches offered when a name was not found.
	Suggestions []string
}

// Citation is one numbered passage an answer cites. Chunk is the
// article's own text; Text and Label are it in the asker's script, and
// Converted says they differ (transports mark converted passages).
type Citation struct {
	N         int
	Chunk     corpus.Chunk
	Text      string `json:",omitempty"`
	Label     string `json:",omitempty"`
	Converted bool   `json:",omitempty"`
}
