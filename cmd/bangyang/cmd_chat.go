package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"bangyang/core"
	"bangyang/term"
	"bangyang/transport"
)

// askJSON is the stable output of `bangyang ask --json`.
type askJSON struct {
	Answer    string         `json:"answer"`
	Grounded  bool           `json:"grounded"`
	Mode      string         `json:"mode"`
	Notice    string         `json:"notice,omitempty"`
	Refused   bool           `json:"refused"`
	TurnID    string         `json:"turn_id,omitempty"`
	Citations []citationJSON `json:"citations"`
}

type citationJSON struct {
	N         int    `json:"n"`
	ChunkID   string `json:"chunk_id"`
	ArticleID string `json:"article_id"`
	Title     string `json:"title"`
	Leader    string `json:"leader"`
	Text      string `json:"text"`            // the article's own text
	Shown     string `json:"shown,omitempty"` // in the asker's script, when converted
}

func answerJSON(ans *core.Answer) askJSON {
	out := askJSON{Answer: ans.Text, Grounded: ans.Grounded, Mode: ans.Mode, Notice: ans.Notice, Refused: ans.Refused, TurnID: ans.TurnID, Citations: []citationJSON{}}
	for _, c := range ans.Citations {
		cj := citationJSON{N: c.N, ChunkID: c.Chunk.ID, ArticleID: c.Chunk.ArticleID, Title: c.Chunk.Meta.Title, Leader: c.Chunk.Meta.Leader, Text: c.Chunk.Text}
		if c.Converted {
			cj.Shown = c.Text
		}
		out.Citations = append(out.Citations, cj)
	}
	return out
}

func runAsk(ctx context.Context, a *app, args []string) error {
	fs := a.flagSet("ask")
	asJSON := fs.Bool("json", false, "print one JSON object")
	chat := fs.String("chat", "", "continue the saved conversation NAME (follow-ups work across calls)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	q := strings.TrimSpace(strings.Join(pos, " "))
	if q == "" {
		return usageError{"usage: bangyang ask [--json] [--chat NAME] QUESTION"}
	}
	mode, conv := noStore, "cli"
	if *chat != "" {
		// Saved in the data directory's store, under its own key space so
		// a name can never reach a Telegram chat's conversation.
		mode, conv = storeRequired, "cli:"+*chat
	}
	rt, err := a.service(ctx, mode)
	if err != nil {
		return err
	}
	defer rt.close()
	svc := rt.svc
	ans, err := svc.Ask(ctx, conv, q)
	if errors.Is(err, core.ErrEmptyQuestion) {
		return usageError{"the question has nothing to search for"}
	}
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(a, answerJSON(ans))
	}
	printAnswer(a, ans)
	return nil
}

// printAnswer writes an answer for a terminal: notice, text, then the
// cited passages under it, rendered as the terminal chat does.
func printAnswer(a *app, ans *core.Answer) {
	fmt.Fprintln(a.stdout, transport.PlainText(transport.AnswerWithPassages(ans)))
}

// runChat is the terminal chat (package term) over the answering core.
func runChat(ctx context.Context, a *app, args []string) error {
	fs := a.flagSet("chat")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	rt, err := a.service(ctx, storeIfPossible)
	if err != nil {
		return err
	}
	defer rt.close()
	svc, in := rt.svc, rt.in
	fmt.Fprintf(a.stdout, "榜样 · %d 篇文章，%d 个段落。输入问题，/help 查看命令，/quit 退出。\n", len(in.articles), len(in.chunks))
	if rt.volatile {
		fmt.Fprintln(a.stdout, "（提示：数据目录正被另一个 bangyang 使用或不可写，本次对话不会保存。）")
	}
	opts := term.Options{MaxQuestionRunes: a.cfg.MaxQuestionRunes, Log: a.log, Catalog: svc, Trainer: svc.Trainer(), Library: true,
		Articles: func(context.Context) (string, error) { return renderArticles(in, a.uploadsDir()), nil }}
	if rt.store != nil {
		opts.Stats = a.statsText(rt.store)
	}
	return term.New(svc, opts).Run(ctx, a.stdin, a.stdout)
}
