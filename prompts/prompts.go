// Package prompts holds bangyang's model prompts as embedded text/template
// files, so wording changes are reviewed as text, not as Go literals.
package prompts

import (
	"bytes"
	"embed"
	"fmt"
	"strings"
	"text/template"

	"bangyang/zh"
)

//go:embed *.tmpl
var files embed.FS

// Message is one message of a chat prompt. Role is "system", "user" or
// "assistant". Code that talks to a model (core, catalog) writes its prompts
// as Messages; package llm takes them as they are (llm.Message is this type).
type Message struct {
	Role    string
	Content string
}

// Set is the parsed templates.
type Set struct {
	t *template.Template
}

// Load parses every embedded template.
func Load() (*Set, error) {
	t, err := template.New("prompts").Funcs(template.FuncMap{
		"data": DataText,
	}).ParseFS(files, "*.tmpl")
	if err != nil {
		return nil, fmt.Errorf("parse prompts: %w", err)
	}
	return &Set{t: t}, nil
}

// Render executes the template called name (e.g. "answer_system.tmpl").
func (s *Set) Render(name string, data any) (string, error) {
	var b bytes.Buffer
	if err := s.t.ExecuteTemplate(&b, name, data); err != nil {
		return "", fmt.Errorf("render prompt %s: %w", name, err)
	}
	return strings.TrimSpace(b.String()) + "\n", nil
}

// DataText makes untrusted text (an article passage, a user question) safe
// to place inside a <passage> or <question> block: angle brackets are
// replaced by full-width look-alikes so the text cannot close the block or
// open a new one and pose as instructions.
func DataText(s string) string {
	return strings.NewReplacer("<", "＜", ">", "＞").Replace(s)
}

// Passage is one numbered passage given to the model.
type Passage struct {
	N      int
	Title  string
	Leader string
	Text   string
}

// Turn is one earlier exchange of the conversation.
type Turn struct {
	Question string
	Answer   string
}

// AnswerData feeds answer_system.tmpl and answer_user.tmpl.
type AnswerData struct {
	Script   zh.Script // the reply script (the template tests "hant")
	Question string
	Passages []Passage
	History  []Turn
	// Plan tells the model how to organise this kind of answer (compare
	// leader by leader, steps in order …); empty for a plain question.
	Plan string
}
