package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"bangyang/core"
	"bangyang/zh"
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
	printAnswer(a, ans, true)
	return nil
}

// printAnswer writes an answer for a terminal: notice, text (unless it was
// already streamed), then the cited passages under it.
func printAnswer(a *app, ans *core.Answer, withText bool) {
	if ans.Notice != "" {
		fmt.Fprintf(a.stdout, "（%s）\n", ans.Notice)
	}
	if withText {
		fmt.Fprintln(a.stdout, ans.Text)
	}
	if len(ans.Citations) == 0 {
		return
	}
	src := ans.Script.Pick("来源：", "來源：")
	fmt.Fprintln(a.stdout, "\n"+src)
	for _, c := range ans.Citations {
		mark := ""
		if c.Converted {
			mark = convertedMark(ans.Script)
		}
		fmt.Fprintf(a.stdout, "[%d] %s%s\n    %s\n", c.N, c.Label, mark, indent(c.Text))
	}
}

// convertedMark says a passage is shown converted to the asker's script;
// the article's own text is in --json and /sources.
func convertedMark(script zh.Script) string {
	return script.Pick("（已转为简体）", "（已轉為繁體）")
}

// defaultMaxQuestionRunes is the chat's question limit when
// BANGYANG_MAX_QUESTION is 0, the same as the bot's default.
const defaultMaxQuestionRunes = 2000

const chatHelp = `直接输入问题即可，例如：什么是四单工作法？
命令：
  /ask 问题     提问（与直接输入相同）
  /sources      查看上一个回答引用的原文
  /methods      工作方法一览
  /method 名称  某个工作方法的总结（带出处）
  /leaders      书记一览
  /leader 姓名  某位书记的简介（带出处）
  /reset        清除对话记忆
  /help         显示帮助
  /quit         退出`

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
	const chat = "terminal"
	limit := a.cfg.MaxQuestionRunes
	if limit <= 0 {
		limit = defaultMaxQuestionRunes
	}
	// Lines up to this size are measured and refused with their length;
	// bigger pastes are discarded without being held in memory.
	lines := readLines(ctx, a.stdin, max(64*1024, 4*limit+64))
	for {
		fmt.Fprint(a.stdout, "\n> ")
		var in inputLine
		var ok bool
		select {
		case <-ctx.Done():
			fmt.Fprintln(a.stdout)
			return nil
		case in, ok = <-lines:
		}
		if !ok {
			fmt.Fprintln(a.stdout)
			return nil
		}
		if in.err != nil {
			return fmt.Errorf("read input: %w", in.err)
		}
		if in.tooLong {
			fmt.Fprintf(a.stdout, "问题太长了，请精简到 %d 字以内。\n", limit)
			continue
		}
		line := strings.TrimSpace(in.text)
		if line == "" {
			continue
		}
		if n := utf8.RuneCountInString(line); n > limit {
			fmt.Fprintf(a.stdout, "问题太长了（%d 字），请精简到 %d 字以内。\n", n, limit)
			continue
		}
		cmd, rest := splitCommand(line)
		switch cmd {
		case "":
			rest = line
		case "ask":
			if rest == "" {
				fmt.Fprintln(a.stdout, "用法：/ask 问题")
				continue
			}
		case "quit", "exit":
			return nil
		case "help", "start":
			fmt.Fprintln(a.stdout, chatHelp)
			continue
		case "reset":
			if err := svc.Reset(ctx, chat); err != nil {
				a.log.Error("reset", "err", err)
				fmt.Fprintln(a.stdout, "清除失败，请稍后再试。")
				continue
			}
			fmt.Fprintln(a.stdout, "已清除对话记忆。")
			continue
		case "sources":
			cs, err := svc.LastSources(ctx, chat)
			if err != nil {
				a.log.Error("sources", "err", err)
				fmt.Fprintln(a.stdout, "暂时无法读取来源。")
				continue
			}
			if len(cs) == 0 {
				fmt.Fprintln(a.stdout, "还没有可以查看的来源：先问一个问题吧。")
				continue
			}
			for _, c := range cs {
				fmt.Fprintf(a.stdout, "[%d] %s\n%s\n\n", c.N, c.Chunk.Meta.SourceLine(), c.Chunk.Text)
			}
			continue
		case "methods":
			printMethods(a, svc.Methods())
			continue
		case "leaders":
			printLeaders(a, svc.Leaders())
			continue
		case "method", "leader":
			if rest == "" {
				fmt.Fprintf(a.stdout, "用法：/%s 名称\n", cmd)
				continue
			}
			summarise := svc.MethodSummary
			if cmd == "leader" {
				summarise = svc.LeaderProfile
			}
			ans, err := summarise(ctx, chat, rest, "")
			if err != nil {
				a.log.Error(cmd, "err", err)
				fmt.Fprintln(a.stdout, "抱歉，暂时无法生成总结。")
				continue
			}
			printAnswer(a, ans, true)
			continue
		default:
			fmt.Fprintf(a.stdout, "未知命令 /%s。\n%s\n", cmd, chatHelp)
			continue
		}
		streamed := ""
		ans, err := svc.AskStream(core.WithAsker(ctx, core.Asker{User: "terminal", Via: "chat"}), chat, rest, func(so string) {
			// Print only what extends the text already shown.
			if strings.HasPrefix(so, streamed) {
				fmt.Fprint(a.stdout, so[len(streamed):])
				streamed = so
			}
		})
		if streamed != "" {
			fmt.Fprint(a.stdout, "\r\n")
		}
		if ctx.Err() != nil {
			// Ctrl-C during an answer ends the chat.
			fmt.Fprintln(a.stdout)
			return nil
		}
		if errors.Is(err, core.ErrEmptyQuestion) {
			fmt.Fprintln(a.stdout, "请输入具体的问题。")
			continue
		}
		if err != nil {
			a.log.Error("answer", "err", err)
			fmt.Fprintln(a.stdout, "抱歉，回答时出错了，请稍后再试。")
			continue
		}
		if streamed != "" && streamed != ans.Text {
			// The final answer differs from the stream (e.g. the model
			// failed midway and the extractive answer replaced it).
			fmt.Fprintln(a.stdout, "——")
		}
		printAnswer(a, ans, streamed != ans.Text)
	}
}

// splitCommand splits "/ask 问题" into ("ask", "问题"); plain text gives "".
func splitCommand(line string) (cmd, rest string) {
	if !strings.HasPrefix(line, "/") {
		return "", line
	}
	f := strings.SplitN(line[1:], " ", 2)
	cmd = strings.ToLower(f[0])
	if i := strings.IndexByte(cmd, '@'); i >= 0 {
		cmd = cmd[:i]
	}
	if len(f) == 2 {
		rest = strings.TrimSpace(f[1])
	}
	return cmd, rest
}

// indent keeps a multi-line passage under its citation line.
func indent(s string) string { return strings.ReplaceAll(s, "\n", "\n    ") }
