package main

import (
	"context"
	"fmt"
	"strings"

	"bangyang/catalog"
	"bangyang/core"
	"bangyang/zh"
)

// methodJSON and leaderJSON are the stable outputs of `methods --json`
// and `leaders --json`.
type methodJSON struct {
	Name      string   `json:"name"`
	Aliases   []string `json:"aliases"`
	Leader    string   `json:"leader"`
	ArticleID string   `json:"article_id"`
	Summary   string   `json:"summary"`
	ChunkIDs  []string `json:"chunk_ids"`
}

type leaderJSON struct {
	Name       string   `json:"name"`
	Place      string   `json:"place"`
	Role       string   `json:"role"`
	ArticleIDs []string `json:"article_ids"`
	Methods    []string `json:"methods"`
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func runMethods(ctx context.Context, a *app, args []string) error {
	return a.listCommand(ctx, "methods", args, func(svc *core.Service, asJSON bool) error {
		groups := svc.Methods()
		if !asJSON {
			printMethods(a, groups)
			return nil
		}
		out := []methodJSON{}
		for _, g := range groups {
			for _, m := range g.Methods {
				out = append(out, methodJSON{Name: m.Name, Aliases: nonNil(m.Aliases), Leader: m.Leader, ArticleID: m.ArticleID, Summary: m.Summary, ChunkIDs: nonNil(m.ChunkIDs)})
			}
		}
		return writeJSON(a, map[string]any{"methods": out})
	})
}

// listCommand runs a command that takes only --json over the answering
// core (no conversation store).
func (a *app) listCommand(ctx context.Context, name string, args []string, list func(svc *core.Service, asJSON bool) error) error {
	fs := a.flagSet(name)
	asJSON := fs.Bool("json", false, "print one JSON object")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	rt, err := a.service(ctx, noStore)
	if err != nil {
		return err
	}
	defer rt.close()
	return list(rt.svc, *asJSON)
}

func printMethods(a *app, groups []catalog.LeaderMethods) {
	for _, g := range groups {
		fmt.Fprintf(a.stdout, "%s（%s）\n", orDash(g.Leader.Name), orDash(g.Leader.Place))
		for _, m := range g.Methods {
			fmt.Fprintf(a.stdout, "  · %s\n", m.Name)
		}
	}
}

func printLeaders(a *app, ls []catalog.Leader) {
	for _, l := range ls {
		fmt.Fprintf(a.stdout, "%s · %s · %s\n    方法：%s\n", l.Name, orDash(l.Place), orDash(l.Role), orDash(strings.Join(l.Methods, "、")))
	}
}

func runLeaders(ctx context.Context, a *app, args []string) error {
	return a.listCommand(ctx, "leaders", args, func(svc *core.Service, asJSON bool) error {
		ls := svc.Leaders()
		if !asJSON {
			printLeaders(a, ls)
			return nil
		}
		out := []leaderJSON{}
		for _, l := range ls {
			out = append(out, leaderJSON{Name: l.Name, Place: l.Place, Role: l.Role, ArticleIDs: nonNil(l.ArticleIDs), Methods: nonNil(l.Methods)})
		}
		return writeJSON(a, map[string]any{"leaders": out})
	})
}

func runMethod(ctx context.Context, a *app, args []string) error {
	return runSummary(ctx, a, "method", args, (*core.Service).MethodSummary)
}

func runLeader(ctx context.Context, a *app, args []string) error {
	return runSummary(ctx, a, "leader", args, (*core.Service).LeaderProfile)
}

func runSummary(ctx context.Context, a *app, name string, args []string, summarise func(*core.Service, context.Context, string, string, zh.Script) (*core.Answer, error)) error {
	fs := a.flagSet(name)
	asJSON := fs.Bool("json", false, "print one JSON object")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	q := strings.TrimSpace(strings.Join(pos, " "))
	if q == "" {
		return usageError{fmt.Sprintf("usage: bangyang %s [--json] NAME", name)}
	}
	rt, err := a.service(ctx, noStore)
	if err != nil {
		return err
	}
	defer rt.close()
	svc := rt.svc
	ans, err := summarise(svc, ctx, "", q, "")
	if err != nil {
		return err
	}
	if *asJSON {
		out := answerJSON(ans)
		return writeJSON(a, map[string]any{"answer": out.Answer, "grounded": out.Grounded, "mode": out.Mode, "citations": out.Citations, "suggestions": nonNil(ans.Suggestions)})
	}
	printAnswer(a, ans)
	return nil
}
