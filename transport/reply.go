// Package transport is what every transport (the Telegram bot, the terminal
// chat, the CLI) shares: the command table, the transport-neutral reply a
// command produces, and the rendering of answers and their citations into
// that reply (labels, numbering, the converted-script mark). A transport
// only turns a Reply into its own markup: Telegram HTML in bot/, plain
// text in the terminal. It imports core; core knows nothing of it.
package transport

import (
	"strings"

	"bangyang/zh"
)

// Style is how a block of a reply is shown.
type Style int

// Block styles. A transport without markup shows Bold and Italic as plain
// text and Quote indented.
const (
	Plain Style = iota
	Bold
	Italic
	Quote
)

// Block is one piece of a reply's text. Blocks are joined with Sep (the
// first block's Sep is dropped); a transport may cut a message between any
// two blocks.
type Block struct {
	Sep   string
	Text  string
	Style Style
}

// Button is an action offered under a reply. Command is the command line
// that does the same thing ("/sources 原文"), for transports without
// buttons; the bot keeps its own callback buttons for the actions it has.
type Button struct {
	Label   string
	Command string
}

// Reply is what a command (or a question) answers, before any markup.
type Reply struct {
	Script  zh.Script
	Blocks  []Block
	Buttons []Button
}

// Text is a reply of one plain paragraph.
func Text(script zh.Script, s string) *Reply {
	return &Reply{Script: script, Blocks: []Block{{Text: strings.TrimSpace(s)}}}
}

// Add appends a block.
func (r *Reply) Add(sep, text string, style Style) {
	r.Blocks = append(r.Blocks, Block{Sep: sep, Text: text, Style: style})
}

// PlainText renders a reply for a terminal: blocks joined by their
// separators, quotes indented, buttons as the commands to type.
func PlainText(r *Reply) string {
	if r == nil {
		return ""
	}
	var b strings.Builder
	for i, bl := range r.Blocks {
		if i > 0 {
			b.WriteString(bl.Sep)
		}
		if bl.Style == Quote {
			b.WriteString("    " + strings.ReplaceAll(strings.TrimSpace(bl.Text), "\n", "\n    "))
			continue
		}
		b.WriteString(bl.Text)
	}
	for i, bt := range r.Buttons {
		if i == 0 {
			b.WriteString("\n\n")
		} else {
			b.WriteString("\n")
		}
		b.WriteString("→ " + bt.Label + "：" + bt.Command)
	}
	return strings.TrimSpace(b.String())
}
