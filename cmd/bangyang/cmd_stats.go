package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"bangyang/bot"
	"bangyang/store"
	"bangyang/zh"
)

// statsText is /stats: the last 30 days, the top ten of each list.
func (a *app) statsText(st *store.Store) bot.StatsFunc {
	return func(ctx context.Context, script zh.Script) (string, error) {
		rep, err := st.Stats(ctx, store.StatsOptions{Since: time.Now().AddDate(0, 0, -30), Top: 10})
		if err != nil {
			return "", err
		}
		text := renderStats(rep, "最近 30 天", 14)
		if script == zh.Traditional {
			text = script.Convert(text)
		}
		return text, nil
	}
}

// openStatsStore opens the store for reading the statistics.
func (a *app) openStatsStore() (*store.Store, error) {
	st, err := a.openStore()
	if errors.Is(err, store.ErrLocked) {
		return nil, fmt.Errorf("%w: the bot is running; send /stats to it in a private chat, or stop it first", err)
	}
	return st, err
}

func (a *app) statsFlags(name string, args []string) (days int, rest []string, asJSON *bool, out *string, err error) {
	fs := a.flagSet(name)
	fs.IntVar(&days, "days", 0, "only the last N days (0: everything)")
	if name == "stats" {
		asJSON = fs.Bool("json", false, "print one JSON object")
	} else {
		out = fs.String("out", "", "the file to write: .csv or .xlsx")
	}
	rest, err = parseArgs(fs, args)
	return days, rest, asJSON, out, err
}

func since(days int) time.Time {
	if days <= 0 {
		return time.Time{}
	}
	return time.Now().AddDate(0, 0, -days)
}

func periodLabel(days int) string {
	if days <= 0 {
		return "全部时间"
	}
	return fmt.Sprintf("最近 %d 天", days)
}

// runStats prints the admins' statistics.
func runStats(ctx context.Context, a *app, args []string) error {
	days, rest, asJSON, _, err := a.statsFlags("stats", args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", rest[0])}
	}
	st, err := a.openStatsStore()
	if err != nil {
		return err
	}
	defer st.Close()
	rep, err := st.Stats(ctx, store.StatsOptions{Since: since(days), Top: 20})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(a, rep)
	}
	fmt.Fprintln(a.stdout, renderStats(rep, periodLabel(days), 0))
	return nil
}

func pct(n, of int) string {
	if of == 0 {
		return "0%"
	}
	return strconv.Itoa((n*100+of/2)/of) + "%"
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// renderStats is the plain-text statistics (Simplified); maxDays > 0 shows
// only the latest days.
func renderStats(rep *store.Report, period string, maxDays int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "使用统计（%s）\n", period)
	if rep.Questions == 0 {
		b.WriteString("还没有人提问。\n")
	} else {
		fmt.Fprintf(&b, "提问 %d 次：已回答 %d（%s），资料中没有 %d（%s），模型故障改为摘录 %d（%s）\n",
			rep.Questions, rep.Answered, pct(rep.Answered, rep.Questions), rep.Abstained, pct(rep.Abstained, rep.Questions), rep.Fallback, pct(rep.Fallback, rep.Questions))
		fmt.Fprintf(&b, "用户 %d 人，对话 %d 个\n", rep.Users, rep.Chats)
		ds := rep.Days
		if maxDays > 0 && len(ds) > maxDays {
			ds = ds[len(ds)-maxDays:]
		}
		b.WriteString("\n每日：\n")
		for _, d := range ds {
			fmt.Fprintf(&b, "  %s  提问 %d · 已回答 %d · 没有资料 %d · 摘录 %d · 用户 %d · 对话 %d\n", d.Day, d.Questions, d.Answered, d.Abstained, d.Fallback, d.Users, d.Chats)
		}
	}
	fmt.Fprintf(&b, "\n反馈：👍 %d，👎 %d\n", rep.Upvotes, rep.Downvotes)
	for _, d := range rep.Downvoted {
		fmt.Fprintf(&b, "  • 问：%s\n    答：%s\n", clip(d.Question, 60), orDash(clip(d.Answer, 120)))
	}
	if len(rep.Unanswered) > 0 {
		b.WriteString("\n未能回答的问题（按次数）：\n")
		for _, u := range rep.Unanswered {
			fmt.Fprintf(&b, "  • %s ×%d\n", clip(u.Question, 80), u.Count)
		}
	}
	counts := func(title string, cs []store.Count) {
		if len(cs) == 0 {
			return
		}
		parts := make([]string, len(cs))
		for i, c := range cs {
			parts[i] = fmt.Sprintf("%s ×%d", c.Name, c.N)
		}
		fmt.Fprintf(&b, "\n%s：%s\n", title, strings.Join(parts, "、"))
	}
	counts("最常问的工作法", rep.Methods)
	counts("最常问的书记", rep.Leaders)
	fmt.Fprintf(&b, "\n培训：%d 场\n", rep.TrainingSessions)
	return strings.TrimSpace(b.String())
}
