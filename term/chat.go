// Package term is the terminal chat: a transport of its own over an
// io.Reader and an io.Writer, serving the same command table as the
// Telegram bot (transport.Commands) with the same handlers and the same
// rendering of answers and citations, in plain text.
package term

import (
	"bangyang/config"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"unicode/utf8"

	"bangyang/core"
	"bangyang/transport"
	"bangyang/zh"
)

// Service is what the chat needs from the core (*core.Service satisfies
// it).
type Service interface {
	transport.Service
	// Answer answers one question, calling onText with the text so far
	// while it is written.
	Answer(ctx context.Context, req core.Request, onText func(textSoFar string)) (*core.Answer, error)
}

// Options are the chat's settings; zero values mean the defaults.
type Options struct {
	// Conv is the conversation key in core (default "terminal").
	Conv string
	// MaxQuestionRunes refuses longer lines (default
	// DefaultMaxQuestionRunes).
	MaxQuestionRunes int
	Log              *slog.Logger // default: discard
	// Catalog switches on /methods, /method, /leaders and /leader.
	Catalog transport.CatalogService
	// Stats switches on /stats (the terminal's user runs the program, so
	// is an admin).
	Stats transport.StatsFunc
	// Articles switches on /articles.
	Articles transport.ArticlesFunc
	// Library says the operator's bot takes articles from the chat: /add
	// and /remove are answered by pointing to Telegram (the terminal
	// reads its articles from the corpus folders).
	Library bool
	// Trainer switches on the training commands: a typed quiz, cases,
	// records (/daily and /lesson need Telegram and say so).
	Trainer Trainer
}

// DefaultMaxQuestionRunes is the question limit when none is set:
// config's, the same as the bot's.
const DefaultMaxQuestionRunes = config.DefaultMaxQuestionRunes

// Chat is one terminal conversation.
type Chat struct {
	svc  Service
	o    Options
	cmds []transport.Spec
	// open is the quiz question waiting for an answer (train.go).
	open *openQuestion
}

// New prepares a chat over svc.
func New(svc Service, o Options) *Chat {
	if o.Conv == "" {
		o.Conv = "terminal"
	}
	if o.MaxQuestionRunes <= 0 {
		o.MaxQuestionRunes = DefaultMaxQuestionRunes
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	c := &Chat{svc: svc, o: o}
	for _, s := range transport.Commands() {
		switch s.Feature {
		case transport.Catalog:
			if o.Catalog == nil {
				continue
			}
		case transport.Stats:
			if o.Stats == nil {
				continue
			}
		case transport.Articles:
			if o.Articles == nil {
				continue
			}
		case transport.Training:
			if o.Trainer == nil {
				continue
			}
		case transport.Library:
			if !o.Library {
				continue
			}
		}
		c.cmds = append(c.cmds, s)
	}
	return c
}

// Commands are the entries of the shared table the chat serves, in menu
// order. Besides them it knows only /quit (and /exit), which end it.
func (c *Chat) Commands() []transport.Spec { return c.cmds }

// Run reads lines from in and answers on out until end of input, /quit
// or ctx ends (then it returns nil). It returns an error only when in or
// out fail.
func (c *Chat) Run(ctx context.Context, in io.Reader, out io.Writer) error {
	w := &errWriter{w: out}
	ctx, cancel := context.WithCancel(ctx) // the reader stops with the chat
	defer cancel()
	// Lines up to this size are measured and refused with their length;
	// bigger pastes are discarded without being held in memory.
	lines := readLines(ctx, in, max(64*1024, 4*c.o.MaxQuestionRunes+64))
	script := zh.Simplified
	for {
		w.print("\n> ")
		if w.err != nil {
			return fmt.Errorf("write output: %w", w.err)
		}
		var l inputLine
		var ok bool
		select {
		case <-ctx.Done():
			w.print("\n")
			return nil
		case l, ok = <-lines:
		}
		if !ok {
			w.print("\n")
			return w.failed()
		}
		if l.err != nil {
			return fmt.Errorf("read input: %w", l.err)
		}
		if l.tooLong {
			w.println(transport.Pick(script, fmt.Sprintf("问题太长了，请精简到 %d 字以内。", c.o.MaxQuestionRunes),
				fmt.Sprintf("問題太長了，請精簡到 %d 字以內。", c.o.MaxQuestionRunes)))
			continue
		}
		line := strings.TrimSpace(l.text)
		if line == "" {
			continue
		}
		if !utf8.ValidString(line) {
			w.println(transport.Pick(script, "输入不是 UTF-8 文字，请把终端设为 UTF-8 编码后再输入。", "輸入不是 UTF-8 文字，請把終端設為 UTF-8 編碼後再輸入。"))
			continue
		}
		if sc := zh.DetectScript(line); sc.Known() {
			script = sc
		}
		if n := utf8.RuneCountInString(line); n > c.o.MaxQuestionRunes {
			w.println(transport.MsgTooLong(script, n, c.o.MaxQuestionRunes))
			continue
		}
		name, args, isCmd := splitCommand(line)
		if isCmd && (name == "quit" || name == "exit") {
			return w.failed()
		}
		if !c.handle(ctx, w, script, line, name, args, isCmd) {
			w.print("\n")
			return w.failed() // ctx ended during an answer
		}
	}
}

// handle answers one line; false when ctx ended meanwhile.
func (c *Chat) handle(ctx context.Context, w *errWriter, script zh.Script, line, name, args string, isCmd bool) bool {
	if c.open != nil && (!isCmd || !duringQuestion(name)) {
		// A question is on screen: nothing may show its passage first.
		return c.run(ctx, w, script, "train", func() error { return c.answer(ctx, w, script, line) })
	}
	if !isCmd {
		return c.ask(ctx, w, script, line)
	}
	spec, ok := c.lookup(name)
	switch {
	case !ok:
		help, _ := transport.Help(ctx, c.env(script), "")
		w.println("未知命令 /" + name + "。\n\n" + transport.PlainText(help) + "\n" + c.helpTail(script))
	case spec.Name == "ask":
		if args == "" {
			w.println(transport.MsgAskUsage(script))
			return true
		}
		return c.ask(ctx, w, script, args)
	case spec.Telegram:
		w.println(transport.MsgTelegramOnly(script, spec.Name))
	case spec.Run == nil:
		own, ok := c.trainers()[spec.Name]
		if !ok {
			c.o.Log.Error("command has no handler in the terminal", "command", spec.Name)
			w.println(transport.MsgAnswerFailed(script))
			return true
		}
		return c.run(ctx, w, script, spec.Name, func() error { return own(ctx, w, script, args) })
	default:
		rep, err := spec.Run(ctx, c.env(script), args)
		if ctx.Err() != nil {
			return false
		}
		if err != nil {
			c.o.Log.Error("command failed", "command", spec.Name, "err", err)
			w.println(transport.MsgAnswerFailed(script))
			return true
		}
		text := transport.PlainText(rep)
		if spec.Name == "help" || spec.Name == "start" {
			text += "\n" + c.helpTail(script)
		}
		w.println(text)
	}
	return true
}

// duringQuestion are the commands taken while a quiz question waits for
// its answer; anything else gets the hint to answer first.
func duringQuestion(name string) bool {
	switch name {
	case "stop", "score", "help", "start":
		return true
	}
	return false
}

// run runs one of the terminal's own commands; false when ctx ended.
func (c *Chat) run(ctx context.Context, w *errWriter, script zh.Script, name string, f func() error) bool {
	err := f()
	if ctx.Err() != nil {
		return false
	}
	if err != nil {
		c.o.Log.Error("command failed", "command", name, "err", err)
		w.println(transport.MsgAnswerFailed(script))
	}
	return true
}

// helpTail ends the shared help with what is the terminal's own: the
// Telegram-only commands (not listed above) and /quit.
func (c *Chat) helpTail(script zh.Script) string {
	var tg []string
	for _, s := range c.cmds {
		if s.Telegram && !s.Hidden {
			tg = append(tg, "/"+s.Name)
		}
	}
	tail := "/quit — 退出"
	if len(tg) > 0 {
		tail = transport.Pick(script, "需要 Telegram 的命令（请在 Telegram 中使用）：", "需要 Telegram 的命令（請在 Telegram 中使用）：") + strings.Join(tg, " ") + "\n" + tail
	}
	return tail
}

func (c *Chat) lookup(name string) (transport.Spec, bool) {
	for _, s := range c.cmds {
		if s.Name == name {
			return s, true
		}
	}
	return transport.Spec{}, false
}

func (c *Chat) env(script zh.Script) *transport.Env {
	var listed []transport.Spec // /help lists what works here
	for _, s := range c.cmds {
		if !s.Telegram {
			listed = append(listed, s)
		}
	}
	return &transport.Env{Conv: c.o.Conv, Script: script, Private: true, Admin: true, Offered: listed,
		Service: c.svc, Catalog: c.o.Catalog, Stats: c.o.Stats, Articles: c.o.Articles}
}

// ask answers a question, printing the text while it is written, then the
// cited passages; false when ctx ended meanwhile (Ctrl-C ends the chat).
func (c *Chat) ask(ctx context.Context, w *errWriter, script zh.Script, question string) bool {
	streamed := ""
	ans, err := c.svc.Answer(core.WithAsker(ctx, core.Asker{User: "terminal", Via: "chat"}), core.Request{Chat: c.o.Conv, Question: question}, func(so string) {
		// Print only what extends the text already shown.
		if strings.HasPrefix(so, streamed) {
			w.print(so[len(streamed):])
			streamed = so
		}
	})
	if streamed != "" {
		w.print("\n")
	}
	if ctx.Err() != nil {
		return false
	}
	if errors.Is(err, core.ErrEmptyQuestion) {
		w.println(transport.MsgEmptyQuestion(script))
		return true
	}
	if err != nil {
		c.o.Log.Error("answer", "err", err)
		w.println(transport.MsgAnswerFailed(script))
		return true
	}
	rep := transport.AnswerWithPassages(ans)
	if streamed != "" {
		if streamed == ans.Text {
			rep.Blocks = dropText(rep.Blocks, strings.TrimSpace(ans.Text))
		} else {
			// The final answer differs from the stream (e.g. the model
			// failed midway and the extractive answer replaced it).
			w.println("——")
		}
	}
	w.println(transport.PlainText(rep))
	return true
}

// dropText removes the block already shown by streaming.
func dropText(bs []transport.Block, text string) []transport.Block {
	for i, b := range bs {
		if b.Style == transport.Plain && b.Text == text {
			return append(bs[:i:i], bs[i+1:]...)
		}
	}
	return bs
}

// splitCommand splits "/ask 问题" into ("ask", "问题", true); a line not
// starting with "/" is no command. "/ask@bot" is "ask".
func splitCommand(line string) (name, args string, ok bool) {
	if !strings.HasPrefix(line, "/") {
		return "", line, false
	}
	head, rest, _ := strings.Cut(line[1:], " ")
	name, _, _ = strings.Cut(strings.ToLower(head), "@")
	return name, strings.TrimSpace(rest), true
}

// errWriter keeps the first write error; later writes are skipped.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) print(s string) {
	if e.err == nil {
		_, e.err = io.WriteString(e.w, s)
	}
}

func (e *errWriter) println(s string) { e.print(s + "\n") }

func (e *errWriter) failed() error {
	if e.err != nil {
		return fmt.Errorf("write output: %w", e.err)
	}
	return nil
}
