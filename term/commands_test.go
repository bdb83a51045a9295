package term

import (
	"bangyang/zh"
	"context"
	"errors"
	"io"
	"log/slog"
	"slices"
	"strings"
	"testing"

	"bangyang/bot"
	"bangyang/bot/telegramtest"
	"bangyang/core"
	"bangyang/transport"
)

func names(specs []transport.Spec) []string {
	var out []string
	for _, s := range specs {
		out = append(out, s.Name)
	}
	return out
}

// TestBotAndTerminalServeOneTable: with every feature on, the Telegram bot
// and the terminal chat serve exactly the shared table, in its order, so
// a command cannot be added to one of them only (the bot refuses to
// register a name the table lacks; a table entry the bot does not
// register, or the terminal does not know, fails here).
func TestBotAndTerminalServeOneTable(t *testing.T) {
	svc := realCore(t)
	srv := telegramtest.New(t, telegramtest.Options{})
	stats := func(context.Context, zh.Script) (string, error) { return "0 个问题", nil }
	articles := func(context.Context) (string, error) { return "资料共 5 篇", nil }
	b, err := bot.New(context.Background(), bot.Config{Token: srv.Token(), APIURL: srv.URL()}, svc,
		bot.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))),
		bot.WithCatalog(svc), bot.WithTrainer(core.NewTrainer(core.TrainerOptions{})), bot.WithStats(stats), bot.WithArticles(articles), bot.WithLibrary(noLibrary{}))
	if err != nil {
		t.Fatal(err)
	}
	table := names(transport.Commands())
	if got := names(b.Commands()); !slices.Equal(got, table) {
		t.Errorf("bot serves %v\ntable has %v", got, table)
	}
	ch := New(svc, Options{Catalog: svc, Stats: stats, Articles: articles, Trainer: svc.Trainer(), Library: true})
	if got := names(ch.Commands()); !slices.Equal(got, table) {
		t.Errorf("terminal serves %v\ntable has %v", got, table)
	}
	// The bot with nothing optional and the terminal without a catalog
	// leave out the same features.
	b2, err := bot.New(context.Background(), bot.Config{Token: srv.Token(), APIURL: srv.URL()}, svc,
		bot.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	if err != nil {
		t.Fatal(err)
	}
	var core []string
	for _, s := range transport.Commands() {
		if s.Feature == transport.Always {
			core = append(core, s.Name)
		}
	}
	if got := names(b2.Commands()); !slices.Equal(got, core) {
		t.Errorf("plain bot serves %v, want %v", got, core)
	}
	if got := names(New(svc, Options{}).Commands()); !slices.Equal(got, core) {
		t.Errorf("plain terminal serves %v, want %v", got, core)
	}
}

// TestEveryCommandAnswersInTheTerminal types each command of the table
// into the terminal: none is unknown there, and each gets a reply.
func TestEveryCommandAnswersInTheTerminal(t *testing.T) {
	var lines []string
	for _, s := range transport.Commands() {
		lines = append(lines, "/"+s.Name)
	}
	stats := func(context.Context, zh.Script) (string, error) { return "最近 30 天：0 个问题", nil }
	articles := func(context.Context) (string, error) { return "资料共 5 篇", nil }
	got := chat(t, Options{Stats: stats, Articles: articles, Library: true}, lines...)
	for i, s := range transport.Commands() {
		if strings.Contains(got[i], "未知命令") || strings.Contains(got[i], transport.MsgAnswerFailed("hans")) || strings.TrimSpace(got[i]) == "" {
			t.Errorf("/%s in the terminal:\n%s", s.Name, got[i])
		}
	}
}

// Register refuses a command the shared table does not have, and one
// described differently from the table.
func TestBotRefusesCommandsOutsideTheTable(t *testing.T) {
	srv := telegramtest.New(t, telegramtest.Options{})
	b, err := bot.New(context.Background(), bot.Config{Token: srv.Token(), APIURL: srv.URL()}, realCore(t),
		bot.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	if err != nil {
		t.Fatal(err)
	}
	run := func(context.Context, *bot.Request) error { return nil }
	if err := b.Register(bot.Command{Name: "onlyhere", Zh: "只在机器人里", En: "bot only", Run: run}); err == nil || !strings.Contains(err.Error(), "transport.Commands") {
		t.Errorf("a command outside the table was registered: %v", err)
	}
	if err := b.Register(bot.Command{Name: "methods", Zh: "另一种说法", Run: run}); err == nil {
		t.Error("a second description of a table command was accepted")
	}
}

// noLibrary switches the bot's upload commands on; nothing is added.
type noLibrary struct{}

func (noLibrary) Accepts(string, int64) error { return errors.New("no library") }
func (noLibrary) Fetch(context.Context, string) (string, []byte, error) {
	return "", nil, errors.New("no library")
}
func (noLibrary) Preview(context.Context, string, []byte) (bot.ArticleInfo, error) {
	return bot.ArticleInfo{}, errors.New("no library")
}
func (noLibrary) Add(context.Context, string, []byte) (bot.ArticleInfo, error) {
	return bot.ArticleInfo{}, errors.New("no library")
}
func (noLibrary) Uploaded(context.Context, string) (bot.ArticleInfo, error) {
	return bot.ArticleInfo{}, errors.New("no library")
}
func (noLibrary) Remove(context.Context, string) (bot.ArticleInfo, error) {
	return bot.ArticleInfo{}, errors.New("no library")
}
