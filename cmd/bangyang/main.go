// Command bangyang answers questions about community Party secretaries and
// their work methods from news articles, with cited passages: as a Telegram
// bot, a terminal chat, or one-shot CLI commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"bangyang/logging"
)

// command is one subcommand: its flags are set up by flags, run does the work.
type command struct {
	name  string
	usage string
	run   func(ctx context.Context, a *app, args []string) error
}

func commands() []command {
	return []command{
		{"chat", "chat                      terminal chat (same behaviour as the bot)", runChat},
		{"serve", "serve                     serve Telegram (needs TELEGRAM_BOT_TOKEN)", runServe},
		{"ask", "ask [--json] QUESTION     answer one question with citations", runAsk},
		{"corpus", "corpus [--json] [show ID] list articles, or print one cleaned article", runCorpus},
		{"index", "index                     build or update the search index", runIndex},
		{"search", "search [-k N] [--json] QUERY  ranked passages", runSearch},
		{"methods", "methods [--json]          the work methods, by leader", runMethods},
		{"method", "method [--json] NAME      a cited summary of one method (either script, fuzzy)", runMethod},
		{"leaders", "leaders [--json]          the leaders", runLeaders},
		{"leader", "leader [--json] NAME      a cited profile of one leader", runLeader},
		{"quiz", "quiz [--json] [-n N] [--topic T]  quiz questions with answers and citations", runQuiz},
		{"records", "records --out FILE.csv [--chat ID] [--since YYYY-MM-DD]  export training records (学习台账)", runRecords},
		{"eval", "eval [--set FILE]         retrieval recall@1/3/5 and MRR per leg", runEval},
		{"bench", "bench [--sizes 1000,10000,100000]  speed and memory figures", runBench},
		{"stats", "stats [--json] [--days N]  usage, unanswered questions, 👎 answers (admins)", runStats},
		{"report", "report --out FILE.csv|FILE.xlsx [--days N]  the same statistics as CSV or a workbook", runReport},
		{"healthcheck", "healthcheck               ask the running server's /healthz (BANGYANG_METRICS_LISTEN)", runHealthcheck},
	}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: bangyang [COMMAND] [--corpus DIR]... [--data DIR] [ARGS]")
	fmt.Fprintln(w, "\nWith no command: serve Telegram if TELEGRAM_BOT_TOKEN is set, otherwise chat in the terminal.")
	fmt.Fprintln(w, "\ncommands:")
	for _, c := range commands() {
		fmt.Fprintln(w, "  "+c.usage)
	}
	fmt.Fprintln(w, "\nEvery command accepts --corpus DIR (repeatable; adds operator articles), --no-default-corpus, --data DIR.")
	fmt.Fprintln(w, "Settings come from the environment and ./.env; see .env.example.")
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		// After the first signal starts a clean stop, a second one kills
		// the process the default way (for a shutdown that hangs).
		<-ctx.Done()
		stop()
	}()
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is main without the process: testable end to end.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	name := ""
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	if name == "help" || (len(args) > 0 && (args[0] == "-h" || args[0] == "--help") && name == "") {
		usage(stdout)
		return 0
	}
	a, err := newApp(stdin, stdout, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "bangyang:", err)
		return 2
	}
	if f, ok := stderr.(*os.File); ok && f == os.Stderr {
		// The real process: every package of ours is handed a.log; this
		// only catches code that logs through slog.Default anyway, so it
		// too honours LOG_LEVEL, the format and the redaction. Tests pass
		// their own writers and leave the default alone.
		slog.SetDefault(a.log)
	}
	var cmd *command
	if name == "" {
		c := command{name: "", run: runDefault}
		cmd = &c
	} else {
		for _, c := range commands() {
			if c.name == name {
				cmd = &c
				break
			}
		}
	}
	if cmd == nil {
		fmt.Fprintf(stderr, "bangyang: unknown command %q\n\n", name)
		usage(stderr)
		return 2
	}
	if err := cmd.run(ctx, a, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
			// Ctrl-C or SIGTERM: not a failure worth a log record. Index
			// and store writes are atomic, so nothing is left half done.
			fmt.Fprintln(stderr, "bangyang: interrupted")
			return 130
		}
		// One line, not a log record and the same text again; masked as
		// the logger masks.
		msg := a.redact.String(err.Error())
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintln(stderr, "bangyang:", msg)
			return 2
		}
		fmt.Fprintln(stderr, "bangyang:", msg)
		return 1
	}
	return 0
}

// usageError marks a mistake in how the command was called.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// runDefault serves Telegram when a token is configured, else chats.
func runDefault(ctx context.Context, a *app, args []string) error {
	if a.cfg.TelegramToken != "" {
		return runServe(ctx, a, args)
	}
	fmt.Fprintln(a.stderr, "提示：未设置 TELEGRAM_BOT_TOKEN，在终端中对话。设置后（见 .env.example）即可作为 Telegram 机器人运行。")
	return runChat(ctx, a, args)
}

// flagSet makes a FlagSet with the options every command shares.
func (a *app) flagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(a.stderr)
	fs.Var((*listFlag)(&a.corpusDirs), "corpus", "folder of operator articles (repeatable)")
	fs.BoolVar(&a.noDefault, "no-default-corpus", a.noDefault, "leave out the built-in articles")
	fs.StringVar(&a.dataDir, "data", a.dataDir, "data directory (index, conversations)")
	return fs
}

// parseArgs parses flags wherever they appear among the positional
// arguments ("search 四单工作法 --json" works too).
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// parseNoArgs parses the flags of a command that takes no arguments. A
// stray word is an error, not ignored: "--corpus a b" would otherwise
// silently leave folder b out.
func parseNoArgs(fs *flag.FlagSet, args []string) error {
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q (repeat --corpus for each folder; see bangyang help)", pos[0])}
	}
	return nil
}

type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error {
	*l = append(*l, v)
	return nil
}

// newLogger is the one logger every package gets: text records, or JSON
// ones (LOG_FORMAT=json) for log shippers, with every configured secret
// masked in messages and attributes.
func newLogger(w io.Writer, level slog.Level, format string, red *logging.Redactor) *slog.Logger {
	if format == "json" {
		return logging.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: level}), red)
	}
	return logging.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}), red)
}
