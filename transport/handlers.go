package transport

import (
	"context"
	"fmt"
	"strings"

	"bangyang/catalog"
	"bangyang/core"
	"bangyang/zh"
)

// Handler runs a command for one user of a transport and says what to
// reply. args is the text after the command name, trimmed.
type Handler func(ctx context.Context, env *Env, args string) (*Reply, error)

// Service is what the core commands need (*core.Service satisfies it).
type Service interface {
	Reset(ctx context.Context, chat string) error
	LastSources(ctx context.Context, chat string) ([]core.Citation, error)
}

// CatalogService is what the catalog commands need (*core.Service
// satisfies it).
type CatalogService interface {
	Methods() []catalog.LeaderMethods
	Leaders() []catalog.Leader
	MethodSummary(ctx context.Context, chat, name string, script zh.Script) (*core.Answer, error)
	LeaderProfile(ctx context.Context, chat, name string, script zh.Script) (*core.Answer, error)
}

// StatsFunc writes the admins' usage statistics as plain text in script.
type StatsFunc func(ctx context.Context, script zh.Script) (string, error)

// ArticlesFunc lists the articles being served, as plain Simplified text.
type ArticlesFunc func(ctx context.Context) (string, error)

// Env is the one user and conversation a command runs for, and what the
// transport has to run it with.
type Env struct {
	Conv    string    // the conversation key for core
	Script  zh.Script // the user's script, best guess
	Private bool      // a one-to-one conversation (a terminal is one)
	Admin   bool
	// Offered are the commands the transport offers this user, for /help.
	Offered []Spec

	Service  Service
	Catalog  CatalogService // nil: no catalog commands
	Stats    StatsFunc      // nil: no /stats
	Articles ArticlesFunc   // nil: no /articles
}

// Help describes the transport and lists the commands it offers.
func Help(_ context.Context, env *Env, _ string) (*Reply, error) {
	sc := env.Script
	r := &Reply{Script: sc}
	r.Add("", Pick(sc, "榜样 · 社区书记工作法问答", "榜樣 · 社區書記工作法問答"), Bold)
	r.Add("\n", Pick(sc,
		"根据新闻报道回答关于社区党支部书记工作方法的问题，并给出引用的原文。",
		"根據新聞報道回答關於社區黨支部書記工作方法的問題，並給出引用的原文。"), Plain)
	how := Pick(sc, "在群里请用 /ask 问题、@我 或回复我的消息提问，例如：", "在群裡請用 /ask 問題、@我 或回覆我的消息提問，例如：")
	if env.Private {
		how = Pick(sc, "直接发送问题即可，例如：", "直接發送問題即可，例如：")
	}
	r.Add("\n\n", how, Plain)
	r.Add("\n", Pick(sc, "“四单工作法”是什么？", "「四單工作法」是什麼？"), Plain)
	sep := "\n\n"
	for _, c := range env.Offered {
		if c.Hidden || (c.AdminOnly && !env.Admin) {
			continue
		}
		r.Add(sep, c.UsageLine()+" — "+c.Zh, Plain)
		sep = "\n"
	}
	return r, nil
}

// Reset forgets the conversation.
func Reset(ctx context.Context, env *Env, _ string) (*Reply, error) {
	if err := env.Service.Reset(ctx, env.Conv); err != nil {
		return nil, fmt.Errorf("reset: %w", err)
	}
	return Text(env.Script, MsgReset(env.Script)), nil
}

// Sources shows the passages behind the last answer; "/sources 原文" shows
// them as the articles wrote them (the 查看原文 button's command form).
func Sources(ctx context.Context, env *Env, args string) (*Reply, error) {
	cs, err := env.Service.LastSources(ctx, env.Conv)
	if err != nil {
		return nil, fmt.Errorf("last sources: %w", err)
	}
	if len(cs) == 0 {
		return Text(env.Script, MsgNoSources(env.Script)), nil
	}
	a := strings.ToLower(strings.TrimSpace(args))
	original := a == OriginalArg || a == "原文" || a == "original"
	return PassagesReply(env.Script, cs, original), nil
}

// Methods lists the catalog's methods by leader.
func Methods(_ context.Context, env *Env, _ string) (*Reply, error) {
	sc := env.Script
	groups := env.Catalog.Methods()
	r := &Reply{Script: sc}
	for _, g := range groups {
		if len(g.Methods) == 0 {
			continue
		}
		who := ReaderScript(sc, g.Leader.Name)
		if who == "" {
			who = "其他"
		}
		if line := LeaderLine(g.Leader, sc); line != "" {
			who += " · " + line
		}
		r.Add("\n\n", who, Bold)
		for i, m := range g.Methods {
			r.Add("\n", fmt.Sprintf("%d. %s", i+1, ReaderScript(sc, m.Name)), Plain)
		}
	}
	if len(r.Blocks) == 0 {
		return Text(sc, MsgCatalogEmpty(sc)), nil
	}
	r.Blocks = append([]Block{{Text: Pick(sc, "📚 工作方法目录", "📚 工作方法目錄"), Style: Bold}}, r.Blocks...)
	r.Add("\n\n", Pick(sc, "发送 /method 名称 查看总结（附原文出处）。", "發送 /method 名稱 查看總結（附原文出處）。"), Plain)
	return r, nil
}

// Leaders lists the catalog's leaders with their methods.
func Leaders(_ context.Context, env *Env, _ string) (*Reply, error) {
	sc := env.Script
	ls := env.Catalog.Leaders()
	if len(ls) == 0 {
		return Text(sc, MsgCatalogEmpty(sc)), nil
	}
	r := &Reply{Script: sc}
	r.Add("", Pick(sc, "👥 书记名录", "👥 書記名錄"), Bold)
	for i, l := range ls {
		line := fmt.Sprintf("%d. %s", i+1, ReaderScript(sc, l.Name))
		if ll := LeaderLine(l, sc); ll != "" {
			line += " · " + ll
		}
		r.Add("\n\n", line, Bold)
		if len(l.Methods) > 0 {
			r.Add("\n", "    方法："+ReaderScript(sc, strings.Join(l.Methods, "、")), Plain)
		}
	}
	r.Add("\n\n", Pick(sc, "发送 /leader 姓名 查看人物简介（附原文出处）。", "發送 /leader 姓名 查看人物簡介（附原文出處）。"), Plain)
	return r, nil
}

// Method summarises one method; without a name it lists them.
func Method(ctx context.Context, env *Env, args string) (*Reply, error) {
	if strings.TrimSpace(args) == "" {
		return Methods(ctx, env, "")
	}
	return summary(ctx, env, "method", args, env.Catalog.MethodSummary)
}

// Leader profiles one leader; without a name it lists them.
func Leader(ctx context.Context, env *Env, args string) (*Reply, error) {
	if strings.TrimSpace(args) == "" {
		return Leaders(ctx, env, "")
	}
	return summary(ctx, env, "leader", args, env.Catalog.LeaderProfile)
}

func summary(ctx context.Context, env *Env, cmd, name string, summarise func(ctx context.Context, chat, name string, script zh.Script) (*core.Answer, error)) (*Reply, error) {
	name = strings.TrimSpace(name)
	sc := env.Script
	if d := zh.DetectScript(name); d.Known() {
		sc = d
	}
	ans, err := summarise(ctx, env.Conv, name, sc)
	if err != nil {
		return nil, fmt.Errorf("%s %q: %w", cmd, name, err)
	}
	if ans == nil {
		return nil, fmt.Errorf("%s %q: no answer", cmd, name)
	}
	return SummaryReply(cmd, ans), nil
}

// SummaryReply renders a method summary or leader profile like any
// answer; one that found nothing offers its close matches.
func SummaryReply(cmd string, ans *core.Answer) *Reply {
	r := AnswerReply(ans)
	if !ans.Grounded {
		for _, s := range ans.Suggestions {
			name := ReaderScript(ans.Script, s)
			r.Buttons = append(r.Buttons, Button{Label: name, Command: "/" + cmd + " " + name})
		}
	}
	return r
}

// StatsCommand shows the admins' usage statistics, in private only: the
// figures include questions from every chat.
func StatsCommand(ctx context.Context, env *Env, _ string) (*Reply, error) {
	if !env.Private {
		return Text(env.Script, Pick(env.Script, "统计包含所有对话的提问，请私聊我发送 /stats。", "統計包含所有對話的提問，請私聊我發送 /stats。")), nil
	}
	text, err := env.Stats(ctx, env.Script)
	if err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	return Text(env.Script, text), nil
}

// ArticlesCommand lists the articles being served (for admins).
func ArticlesCommand(ctx context.Context, env *Env, _ string) (*Reply, error) {
	text, err := env.Articles(ctx)
	if err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	if env.Script == zh.Traditional {
		text = zh.ToTraditional(text)
	}
	return Text(env.Script, text), nil
}

// LeaderLine is "place · role", whatever of it is known, in script.
func LeaderLine(l catalog.Leader, script zh.Script) string {
	var parts []string
	for _, p := range []string{l.Place, l.Role} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, ReaderScript(script, p))
		}
	}
	return strings.Join(parts, " · ")
}

// ReaderScript writes catalog text (names are Simplified, summaries in
// their article's script) in the reader's script.
func ReaderScript(script zh.Script, s string) string {
	if script == zh.Traditional {
		return zh.ToTraditional(s)
	}
	return zh.ToSimplified(s)
}
