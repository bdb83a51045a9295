package bot

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"bangyang/transport"
)

// Command is a command the bot serves: an entry of the shared table
// (transport.Commands) and the bot's handler for it. Name and Run are
// enough; the descriptions, usage, Hidden and AdminOnly come from the
// table, and Register refuses a name the table does not have, so the
// terminal and the bot cannot drift apart. New features (/methods,
// /train, ...) add their entry to the table and register their Run in
// their own file.
type Command struct {
	Name      string // without the slash: [a-z0-9_]{1,32}
	Zh, En    string // menu descriptions (setMyCommands); from the table
	Usage     string // shown by /help, e.g. "/ask 问题"; from the table
	Hidden    bool   // not announced in the menu; from the table
	AdminOnly bool   // from the table
	Run       func(ctx context.Context, r *Request) error
}

// Register adds a command to the table (before Run, for the menu).
func (b *Bot) Register(c Command) error {
	if !validCommandName(c.Name) || c.Run == nil {
		return fmt.Errorf("bot: invalid command %q", c.Name)
	}
	spec, ok := transport.Lookup(c.Name)
	if !ok {
		return fmt.Errorf("bot: command %q is not in the shared command table (transport.Commands)", c.Name)
	}
	if (c.Zh != "" && c.Zh != spec.Zh) || (c.En != "" && c.En != spec.En) || (c.Usage != "" && c.Usage != spec.Usage) ||
		(c.Hidden && !spec.Hidden) || (c.AdminOnly && !spec.AdminOnly) {
		return fmt.Errorf("bot: command %q is described differently in transport.Commands: describe it there only", c.Name)
	}
	c.Zh, c.En, c.Usage, c.Hidden, c.AdminOnly = spec.Zh, spec.En, spec.Usage, spec.Hidden, spec.AdminOnly
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, dup := b.commands[c.Name]; dup {
		return fmt.Errorf("bot: command %q registered twice", c.Name)
	}
	b.commands[c.Name] = c
	b.order = append(b.order, c.Name)
	return nil
}

// Commands are the entries of the shared table the bot serves, in menu
// order (what it was given decides: WithCatalog, WithTrainer, WithStats).
func (b *Bot) Commands() []transport.Spec {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.offeredLocked()
}

func (b *Bot) offeredLocked() []transport.Spec {
	out := make([]transport.Spec, 0, len(b.order))
	for _, name := range b.order {
		if s, ok := transport.Lookup(name); ok {
			out = append(out, s)
		}
	}
	return out
}

func builtinCommands() []Command {
	return []Command{{Name: "ask", Run: cmdAsk}}
}

// registerShared registers every command of the table whose feature the
// bot has and that has a shared handler but no Telegram handler of its
// own (so a new shared command is one entry in the table), then puts the
// menu in the table's order.
func (b *Bot) registerShared() error {
	on := map[transport.Feature]bool{transport.Always: true, transport.Catalog: b.catalog != nil,
		transport.Training: b.trainer != nil, transport.Stats: b.adminStats != nil, transport.Articles: b.articles != nil,
		transport.Library: b.library != nil}
	pos := map[string]int{}
	for i, s := range transport.Commands() {
		pos[s.Name] = i
		b.mu.Lock()
		_, have := b.commands[s.Name]
		b.mu.Unlock()
		if have || !on[s.Feature] || s.Run == nil {
			continue
		}
		if err := b.Register(Command{Name: s.Name, Run: neutral(s.Run)}); err != nil {
			return err
		}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	sort.SliceStable(b.order, func(i, j int) bool { return pos[b.order[i]] < pos[b.order[j]] })
	return nil
}

// neutral runs a transport-neutral handler and sends its reply as HTML.
func neutral(h transport.Handler) func(ctx context.Context, r *Request) error {
	return func(ctx context.Context, r *Request) error {
		rep, err := h(ctx, r.env(), r.Args)
		if err != nil {
			return err
		}
		r.Bot.replyHTML(ctx, r, renderReply(rep), nil)
		return nil
	}
}

// env is the request as the shared command handlers see it.
func (r *Request) env() *transport.Env {
	b := r.Bot
	e := &transport.Env{Conv: r.Conv, Script: r.Script, Private: r.Private, Admin: b.isAdmin(r.UserID),
		Service: b.svc, Stats: b.adminStats, Articles: b.articles, Offered: b.Commands()}
	if b.catalog != nil {
		e.Catalog = b.catalog
	}
	return e
}

func (b *Bot) runCommand(ctx context.Context, r *Request, cmd command) {
	b.mu.Lock()
	c, ok := b.commands[cmd.name]
	b.mu.Unlock()
	if !ok {
		// In groups an unknown bare /command may belong to another bot.
		if (r.Private || cmd.explicit) && b.admit(ctx, r) {
			_ = cmdHelp(ctx, r)
		}
		return
	}
	if !b.admit(ctx, r) {
		return
	}
	if c.AdminOnly && !b.isAdmin(r.UserID) {
		b.replyPlain(ctx, r, msgAdminOnly(r.Script))
		return
	}
	r.Args = cmd.args
	if err := c.Run(ctx, r); err != nil {
		b.log.Error("command failed", "command", c.Name, "chat", r.ChatID, "err", err)
		b.replyPlain(ctx, r, msgAnswerFailed(r.Script))
	}
}

func cmdAsk(ctx context.Context, r *Request) error {
	if strings.TrimSpace(r.Args) == "" {
		r.Reply(ctx, msgAskUsage(r.Script))
		return nil
	}
	r.Bot.ask(ctx, r, r.Args)
	return nil
}

// cmdHelp sends the shared help.
func cmdHelp(ctx context.Context, r *Request) error { return neutral(transport.Help)(ctx, r) }
