package bot

import (
	"context"
	"fmt"
	"strings"
)

// Command is one entry of the command table. New features (/methods,
// /leaders, /train, /score, ...) add a Command in their own file and
// register it with Bot.Register; nothing else needs to change.
type Command struct {
	Name      string // without the slash: [a-z0-9_]{1,32}
	Zh, En    string // menu descriptions (setMyCommands)
	Usage     string // shown by /help, e.g. "/ask 问题"; default "/Name"
	Hidden    bool   // not announced in the menu
	AdminOnly bool
	Run       func(ctx context.Context, r *Request) error
}

// Register adds a command to the table (before Run, for the menu).
func (b *Bot) Register(c Command) error {
	if !validCommandName(c.Name) || c.Run == nil {
		return fmt.Errorf("bot: invalid command %q", c.Name)
	}
	if !c.Hidden && (c.Zh == "" || c.En == "") {
		return fmt.Errorf("bot: command %q needs zh and en descriptions", c.Name)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, dup := b.commands[c.Name]; dup {
		return fmt.Errorf("bot: command %q registered twice", c.Name)
	}
	b.commands[c.Name] = c
	b.order = append(b.order, c.Name)
	return nil
}

func builtinCommands() []Command {
	return []Command{
		{Name: "ask", Zh: "提问：/ask 问题", En: "Ask a question about the articles", Usage: "/ask 问题", Run: cmdAsk},
		{Name: "sources", Zh: "查看上一个回答引用的原文", En: "Show the passages behind the last answer", Run: cmdSources},
		{Name: "reset", Zh: "清空对话记录，重新开始", En: "Forget this conversation", Run: cmdReset},
		{Name: "help", Zh: "使用说明", En: "How to use this bot", Run: cmdHelp},
		{Name: "start", Zh: "开始", En: "Start", Hidden: true, Run: cmdHelp},
	}
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

func cmdReset(ctx context.Context, r *Request) error {
	if err := r.Bot.svc.Reset(ctx, r.Conv); err != nil {
		return fmt.Errorf("reset: %w", err)
	}
	r.Reply(ctx, msgReset(r.Script))
	return nil
}

func cmdSources(ctx context.Context, r *Request) error {
	cs, err := r.Bot.svc.LastSources(ctx, r.Conv)
	if err != nil {
		return fmt.Errorf("last sources: %w", err)
	}
	if len(cs) == 0 {
		r.Reply(ctx, msgNoSources(r.Script))
		return nil
	}
	r.Bot.replyHTML(ctx, r, renderPassages(cs, false), nil)
	return nil
}

func cmdHelp(ctx context.Context, r *Request) error {
	b := r.Bot
	var sb strings.Builder
	sb.WriteString("<b>" + escapeHTML(pick(r.Script, "帮央 · 社区书记工作法问答", "幫央 · 社區書記工作法問答")) + "</b>\n")
	sb.WriteString(escapeHTML(pick(r.Script,
		"根据新闻报道回答关于社区党支部书记工作方法的问题，并给出引用的原文。",
		"根據新聞報道回答關於社區黨支部書記工作方法的問題，並給出引用的原文。")) + "\n\n")
	if r.Private {
		sb.WriteString(escapeHTML(pick(r.Script, "直接发送问题即可，例如：", "直接發送問題即可，例如：")))
	} else {
		sb.WriteString(escapeHTML(pick(r.Script, "在群里请用 /ask 问题、@我 或回复我的消息提问，例如：", "在群裡請用 /ask 問題、@我 或回覆我的消息提問，例如：")))
	}
	sb.WriteString("\n" + escapeHTML(pick(r.Script, "“四单工作法”是什么？", "「四單工作法」是什麼？")) + "\n\n")
	b.mu.Lock()
	for _, name := range b.order {
		c := b.commands[name]
		if c.Hidden || (c.AdminOnly && !b.isAdmin(r.UserID)) {
			continue
		}
		usage := c.Usage
		if usage == "" {
			usage = "/" + c.Name
		}
		sb.WriteString(escapeHTML(usage) + " — " + escapeHTML(c.Zh) + "\n")
	}
	b.mu.Unlock()
	r.Bot.replyHTML(ctx, r, []string{strings.TrimSpace(sb.String())}, nil)
	return nil
}
