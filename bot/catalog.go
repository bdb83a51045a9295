package bot

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/go-telegram/bot/models"

	"bangyang/catalog"
	"bangyang/core"
	"bangyang/transport"
	"bangyang/zh"
)

// CatalogService is what the method-catalog commands need from the core
// (*core.Service satisfies it). Given with WithCatalog, New registers
// /methods, /method, /leaders and /leader.
type CatalogService interface {
	Methods() []catalog.LeaderMethods
	Leaders() []catalog.Leader
	MethodSummary(ctx context.Context, chat, name string, script zh.Script) (*core.Answer, error)
	LeaderProfile(ctx context.Context, chat, name string, script zh.Script) (*core.Answer, error)
}

// WithCatalog switches on the catalog commands over cs.
func WithCatalog(cs CatalogService) Option { return func(b *Bot) { b.catalog = cs } }

// Callback data of the catalog, all far below Telegram's 64 bytes:
//
//	cat:mp:<page>:<s|t>   turn the methods list to page (edits the message)
//	cat:lp:<page>:<s|t>   turn the leaders list to page
//	cat:ml:<s|t>          send the methods list as a new message
//	cat:m:<key>:<s|t>     open a method's summary (key: hash of its name)
//	cat:l:<key>:<s|t>     open a leader's profile
//	cat:nop               the page indicator; does nothing
//
// The script letter keeps a list and everything opened from it in the
// script it was shown in. Keys are hashes of names rather than positions so
// that buttons of an older message still open the same entry after a
// restart with more articles.
const cbCatalog = "cat:"

// errParked: the request waits in the queue for its conversation.
var errParked = errors.New("parked until the conversation is free")

const (
	methodsPerPage = 8
	leadersPerPage = 10
	snippetRunes   = 40
	buttonRunes    = 24
	maxShownPages  = 10_000
	maxScriptNotes = 100_000
)

// catalogUI holds the catalog commands' state.
type catalogUI struct {
	b   *Bot
	svc CatalogService

	mu sync.Mutex
	// shown is the page each list message currently shows, so that a
	// repeated press never asks Telegram for an identical edit.
	shown      map[shownKey]string
	shownOrder []shownKey
	// editing holds the page wanted next for a list message whose edit is
	// under way: edits of one message run one at a time, and presses during
	// an edit only move its target (the latest wins), so that two edits
	// never race and land out of order, leaving the map wrong and the next
	// edit identical to what the message shows.
	editing map[shownKey]*pageEdit
	// scripts is the last script each conversation was written in.
	scripts map[string]zh.Script
}

type pageEdit struct{ want *listPage }

type shownKey struct {
	chat int64
	msg  int
}

// registerCatalog adds the catalog commands and their buttons.
func (b *Bot) registerCatalog(svc CatalogService) error {
	c := &catalogUI{b: b, svc: svc, shown: map[shownKey]string{}, scripts: map[string]zh.Script{}, editing: map[shownKey]*pageEdit{}}
	for _, cmd := range []Command{
		{Name: "methods", Run: c.cmdMethods},
		{Name: "method", Run: c.cmdMethod},
		{Name: "leaders", Run: c.cmdLeaders},
		{Name: "leader", Run: c.cmdLeader},
	} {
		if err := b.Register(cmd); err != nil {
			return err
		}
	}
	b.HandleCallback(cbCatalog, c.onButton)
	b.cat = c
	return nil
}

// noteScript remembers the script text was written in for conv, so that a
// later name without telling characters (/method 四社) is answered in the
// script the conversation is held in, as core does for questions.
func (c *catalogUI) noteScript(conv, text string) {
	if c == nil {
		return
	}
	sc := zh.DetectScript(text)
	if sc == "" {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.scripts) >= maxScriptNotes {
		clear(c.scripts) // bounded; losing it only loses a preference
	}
	c.scripts[conv] = sc
}

// scriptFor picks the reply script: the name's, else the conversation's
// last, else the guess from the message and the client's language.
func (c *catalogUI) scriptFor(r *Request, name string) zh.Script {
	if sc := zh.DetectScript(name); sc != "" {
		return sc
	}
	c.mu.Lock()
	sc := c.scripts[r.Conv]
	c.mu.Unlock()
	if sc != "" {
		return sc
	}
	return r.Script.Or(zh.Simplified)
}

// admit applies the same rate limits as questions.
func (c *catalogUI) admit(ctx context.Context, r *Request) bool { return c.b.admit(ctx, r) }

// --- commands ----------------------------------------------------------------

func (c *catalogUI) cmdMethods(ctx context.Context, r *Request) error {
	r.Script = c.scriptFor(r, "")
	if !c.admit(ctx, r) {
		return nil
	}
	c.sendList(ctx, r, "mp", 1)
	return nil
}

func (c *catalogUI) cmdLeaders(ctx context.Context, r *Request) error {
	r.Script = c.scriptFor(r, "")
	if !c.admit(ctx, r) {
		return nil
	}
	c.sendList(ctx, r, "lp", 1)
	return nil
}

func (c *catalogUI) cmdMethod(ctx context.Context, r *Request) error {
	return c.lookup(ctx, r, "m", "mp")
}

func (c *catalogUI) cmdLeader(ctx context.Context, r *Request) error {
	return c.lookup(ctx, r, "l", "lp")
}

// lookup answers /method NAME or /leader NAME; without a name it shows
// the first page of the list instead.
func (c *catalogUI) lookup(ctx context.Context, r *Request, kind, list string) error {
	name := strings.TrimSpace(r.Args)
	r.Script = c.scriptFor(r, name)
	if n := runeLen(name); n > c.b.cfg.MaxQuestionRunes {
		c.b.refuse(r, msgTooLong(r.Script, n, c.b.cfg.MaxQuestionRunes))
		return nil
	}
	if !c.admit(ctx, r) {
		return nil
	}
	if name == "" {
		c.sendList(ctx, r, list, 1)
		return nil
	}
	c.noteScript(r.Conv, name)
	ans, err := c.summarise(ctx, r, kind, name)
	if errors.Is(err, errParked) {
		return nil // answered when the conversation is free
	}
	if err != nil {
		return err
	}
	command := "/method "
	if kind == "l" {
		command = "/leader "
	}
	c.replyCatalogAnswer(ctx, r, kind, command+name, ans)
	return nil
}

// summarise asks core for a method summary or a leader profile, showing
// "typing…" meanwhile (with a model configured it can take a while).
func (c *catalogUI) summarise(ctx context.Context, r *Request, kind, name string) (*core.Answer, error) {
	c.b.send.action(ctx, r.ChatID, r.ThreadID)
	typingCtx, stopTyping := context.WithCancel(ctx)
	defer stopTyping()
	go c.b.keepTyping(typingCtx, r)
	// Summaries are turns of the conversation too (follow-ups refer to
	// them). A command waits for a busy conversation in the queue, like a
	// question; a button press (already answered) waits here.
	var unlock func()
	var err error
	if it, _, ok := queuedFrom(ctx); ok && it.u.Message != nil {
		var got bool
		unlock, got, err = c.b.lockConv(ctx, r.Conv)
		if err == nil && !got {
			return nil, errParked
		}
	} else {
		unlock, err = c.b.convs.lock(ctx, r.Conv)
	}
	if err != nil {
		return nil, fmt.Errorf("catalog %s %q: waiting for the conversation: %w", kind, name, err)
	}
	defer unlock()
	var ans *core.Answer
	if kind == "l" {
		ans, err = c.svc.LeaderProfile(ctx, r.Conv, name, r.Script)
	} else {
		ans, err = c.svc.MethodSummary(ctx, r.Conv, name, r.Script)
	}
	if err != nil {
		return nil, fmt.Errorf("catalog %s %q: %w", kind, name, err)
	}
	if ans == nil {
		return nil, fmt.Errorf("catalog %s %q: no answer", kind, name)
	}
	return ans, nil
}

// replyCatalogAnswer sends a summary or profile exactly like an answer to
// a question (markers, 来源 block, 查看原文 and 👍/👎). When the name was
// not found it sends core's short text with the close matches as buttons.
func (c *catalogUI) replyCatalogAnswer(ctx context.Context, r *Request, kind, question string, ans *core.Answer) {
	if ans.Script != "" {
		r.Script = ans.Script
	}
	if ans.Grounded {
		key := c.b.answers.put(&storedAnswer{Question: question, Citations: ans.Citations, Mode: ans.Mode, Grounded: ans.Grounded, Script: ans.Script, ChatID: r.ChatID})
		msgs := renderAnswer(ans)
		if ids := c.b.replyHTML(ctx, r, msgs, answerKeyboard(ans, key)); len(ids) == len(msgs) {
			c.b.answers.bind(ctx, key, ids[len(ids)-1])
		}
		return
	}
	sl := scriptLetter(r.Script)
	var rows [][]models.InlineKeyboardButton
	for _, name := range ans.Suggestions {
		rows = append(rows, []models.InlineKeyboardButton{{Text: buttonText(transport.ReaderScript(r.Script, name)), CallbackData: cbCatalog + kind + ":" + nameKey(name) + ":" + sl}})
	}
	// A way on when the matches are not it: the whole list, as a new message.
	all, data := catalogLabels(r.Script).allMethods, cbCatalog+"ml:"+sl
	if kind == "l" {
		all, data = catalogLabels(r.Script).allLeaders, cbCatalog+"ll:"+sl
	}
	rows = append(rows, []models.InlineKeyboardButton{{Text: all, CallbackData: data}})
	c.b.replyHTML(ctx, r, renderAnswer(ans), &models.InlineKeyboardMarkup{InlineKeyboard: rows})
}

// --- buttons -------------------------------------------------------------------

func (c *catalogUI) onButton(ctx context.Context, r *Request, q *models.CallbackQuery, data string) error {
	parts := strings.Split(strings.TrimPrefix(data, cbCatalog), ":")
	script := zh.Simplified
	if last := parts[len(parts)-1]; last == "t" {
		script = zh.Traditional
	}
	r.Script = script
	switch {
	case len(parts) == 3 && (parts[0] == "mp" || parts[0] == "lp"):
		n, err := strconv.Atoi(parts[1])
		if err != nil {
			r.AnswerCallback(ctx, q, "", false)
			return fmt.Errorf("bad page in %q: %w", data, err)
		}
		r.AnswerCallback(ctx, q, "", false)
		c.turnPage(ctx, r, parts[0], n)
		return nil
	case len(parts) == 2 && (parts[0] == "ml" || parts[0] == "ll"):
		if !c.admitButton(ctx, r, q) {
			return nil
		}
		r.AnswerCallback(ctx, q, "", false)
		list := "mp"
		if parts[0] == "ll" {
			list = "lp"
		}
		c.sendList(ctx, r, list, 1)
		return nil
	case len(parts) == 3 && (parts[0] == "m" || parts[0] == "l"):
		name, ok := c.nameFor(parts[0], parts[1])
		if !ok {
			r.AnswerCallback(ctx, q, msgCatalogStale(script), true)
			return nil
		}
		if !c.admitButton(ctx, r, q) {
			return nil
		}
		r.AnswerCallback(ctx, q, "", false)
		ans, err := c.summarise(ctx, r, parts[0], name)
		if err != nil {
			r.Reply(ctx, msgAnswerFailed(script))
			return err
		}
		c.replyCatalogAnswer(ctx, r, parts[0], name, ans)
		return nil
	default: // cat:nop and anything unknown: stop the spinner
		r.AnswerCallback(ctx, q, "", false)
		return nil
	}
}

// admitButton rate-limits buttons that produce a new message.
func (c *catalogUI) admitButton(ctx context.Context, r *Request, q *models.CallbackQuery) bool {
	return c.b.admitButton(ctx, r, q)
}

// nameFor finds the method or leader whose name hashes to key.
func (c *catalogUI) nameFor(kind, key string) (string, bool) {
	if kind == "l" {
		for _, l := range c.svc.Leaders() {
			if nameKey(l.Name) == key {
				return l.Name, true
			}
		}
		return "", false
	}
	for _, g := range c.svc.Methods() {
		for _, m := range g.Methods {
			if nameKey(m.Name) == key {
				return m.Name, true
			}
		}
	}
	return "", false
}

// --- lists -----------------------------------------------------------------------
