package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"bangyang/catalog"
	"bangyang/core"
	"bangyang/corpus"
	"bangyang/retrieval"
	"bangyang/zh"
)

func runCorpus(ctx context.Context, a *app, args []string) error {
	fs := a.flagSet("corpus")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	arts, err := a.articles(ctx)
	if err != nil {
		return err
	}
	if len(pos) > 0 && pos[0] == "show" {
		if len(pos) != 2 {
			return usageError{"usage: bangyang corpus show ID"}
		}
		art, ok := corpus.Find(arts, pos[1])
		if !ok {
			return fmt.Errorf("no article with id %q (see `bangyang corpus`)", pos[1])
		}
		if *asJSON {
			return writeJSON(a, art)
		}
		fmt.Fprintf(a.stdout, "# %s\n", art.Label())
		methods, err := articleMethods(ctx, arts)
		if err != nil {
			return err
		}
		printMeta(a, art.Meta, art.Declared, methods[art.ID])
		fmt.Fprintln(a.stdout, correctHint)
		fmt.Fprintln(a.stdout)
		fmt.Fprintln(a.stdout, art.Text)
		return nil
	}
	if len(pos) > 0 {
		return usageError{fmt.Sprintf("unknown corpus subcommand %q", pos[0])}
	}
	rows := corpus.Summarize(arts)
	derived, err := articleMethods(ctx, arts)
	if err != nil {
		return err
	}
	if *asJSON {
		type row struct {
			corpus.Summary
			// CatalogMethods are the methods the catalog derived from
			// the article's text (Meta.Methods holds the declared ones).
			CatalogMethods []string `json:"catalog_methods,omitempty"`
		}
		out := make([]row, 0, len(rows))
		for _, r := range rows {
			out = append(out, row{Summary: r, CatalogMethods: derived[r.ID]})
		}
		return writeJSON(a, map[string]any{"articles": out})
	}
	for _, r := range rows {
		fmt.Fprintf(a.stdout, "%s  %s\n", r.ID, r.Label())
		src := provenance(r.Declared)
		fmt.Fprintf(a.stdout, "    leader %s%s · aliases %s%s\n", orDash(r.Leader), src("leader", r.Leader),
			orDash(strings.Join(r.Aliases, "、")), src("aliases", strings.Join(r.Aliases, "")))
		fmt.Fprintf(a.stdout, "    role %s%s · place %s%s\n", orDash(r.Role), src("role", r.Role), orDash(r.Place), src("place", r.Place))
		fmt.Fprintf(a.stdout, "    honours %s%s\n", orDash(strings.Join(r.Honours, "、")), src("honours", strings.Join(r.Honours, "")))
		fmt.Fprintf(a.stdout, "    methods %s\n", methodsLine(r.Methods, derived[r.ID]))
		fmt.Fprintf(a.stdout, "    source %s · date %s · script %s · %d chars · %d chunks\n",
			orDash(r.Source), orDash(r.Date), orDash(string(r.Script)), r.Chars, r.Chunks)
	}
	fmt.Fprintln(a.stdout, correctHint)
	return nil
}

// correctHint tells the operator how to fix what was derived.
const correctHint = "To correct a value, set it in the article's front matter (it always wins): " +
	"leader:, aliases: [..], role:, place:, honours: [..], methods: [..]."

// articleMethods lists, per article id, the methods the catalog derives
// from the articles' text.
func articleMethods(ctx context.Context, arts []corpus.Article) (map[string][]string, error) {
	c, err := catalog.Build(ctx, corpus.ChunkAll(arts))
	if err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for _, m := range c.Methods() {
		if !slices.Contains(out[m.ArticleID], m.Name) {
			out[m.ArticleID] = append(out[m.ArticleID], m.Name)
		}
	}
	return out, nil
}

// provenance marks a value as declared in front matter or derived from
// the text; an empty value gets no mark.
func provenance(declared []string) func(field, value string) string {
	return func(field, value string) string {
		switch {
		case value == "":
			return ""
		case slices.Contains(declared, field):
			return " (front matter)"
		}
		return " (derived)"
	}
}

func methodsLine(declared, derived []string) string {
	var parts []string
	if len(declared) > 0 {
		parts = append(parts, strings.Join(declared, "、")+" (front matter)")
	}
	var rest []string
	for _, d := range derived {
		if !slices.ContainsFunc(declared, func(x string) bool { return zh.ToSimplified(x) == d }) {
			rest = append(rest, d)
		}
	}
	if len(rest) > 0 {
		parts = append(parts, strings.Join(rest, "、")+" (derived)")
	}
	return orDash(strings.Join(parts, "; "))
}

func printMeta(a *app, m corpus.Meta, declared, methods []string) {
	src := provenance(declared)
	for _, kv := range [][3]string{
		{"id", m.ID, ""}, {"leader", m.Leader, src("leader", m.Leader)},
		{"aliases", strings.Join(m.Aliases, "、"), src("aliases", strings.Join(m.Aliases, ""))},
		{"role", m.Role, src("role", m.Role)}, {"place", m.Place, src("place", m.Place)},
		{"honours", strings.Join(m.Honours, "、"), src("honours", strings.Join(m.Honours, ""))},
		{"others", strings.Join(m.Others, "、"), src("others", strings.Join(m.Others, ""))},
		{"source", m.Source, ""}, {"date", m.Date, ""}, {"url", m.URL, ""}, {"script", string(m.Script), ""},
	} {
		if kv[1] != "" {
			fmt.Fprintf(a.stdout, "%s: %s%s\n", kv[0], kv[1], kv[2])
		}
	}
	if ml := methodsLine(m.Methods, methods); ml != "—" {
		fmt.Fprintf(a.stdout, "methods: %s\n", ml)
	}
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func runIndex(ctx context.Context, a *app, args []string) error {
	fs := a.flagSet("index")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	in, err := a.index(ctx, true)
	if err != nil {
		return err
	}
	r := in.report
	if *asJSON {
		return writeJSON(a, map[string]any{
			"articles": len(in.articles), "chunks": r.Total, "added": r.Added, "removed": r.Removed,
			"unchanged": r.Unchanged, "embedded": r.Embedded, "embed_calls": r.Calls, "rebuilt": r.Rebuilt,
			"embedder": in.index.EmbedderName(), "millis": r.Duration.Milliseconds(),
		})
	}
	fmt.Fprintf(a.stdout, "index %s (%s)\n", a.dataDir, in.index.EmbedderName())
	fmt.Fprintf(a.stdout, "%d articles, %d chunks: %d added, %d removed, %d unchanged; %d embedded in %d calls; %s\n",
		len(in.articles), r.Total, r.Added, r.Removed, r.Unchanged, r.Embedded, r.Calls, r.Duration.Round(1e6))
	if r.Rebuilt {
		fmt.Fprintln(a.stdout, "rebuilt: the embedder changed")
	}
	return nil
}

// searchJSON is the stable output of `bangyang search --json`.
type searchJSON struct {
	Query   string             `json:"query"`
	Results []searchResultJSON `json:"results"`
}

type searchResultJSON struct {
	Rank      int     `json:"rank"`
	ChunkID   string  `json:"chunk_id"`
	ArticleID string  `json:"article_id"`
	Title     string  `json:"title"`
	Leader    string  `json:"leader"`
	Source    string  `json:"source"`
	Text      string  `json:"text"`
	Score     float64 `json:"score"`
}

func runSearch(ctx context.Context, a *app, args []string) error {
	fs := a.flagSet("search")
	k := fs.Int("k", 5, "number of passages")
	asJSON := fs.Bool("json", false, "print one JSON object")
	leader := fs.String("leader", "", "only passages about this leader")
	article := fs.String("article", "", "only passages of this article id")
	legName := fs.String("leg", "hybrid", "hybrid, keyword or vector")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	query := strings.TrimSpace(strings.Join(pos, " "))
	if query == "" {
		return usageError{"usage: bangyang search [-k N] [--json] QUERY"}
	}
	if *k < 1 {
		return usageError{"-k must be at least 1"}
	}
	leg := retrieval.Leg(*legName)
	if leg != retrieval.LegHybrid && leg != retrieval.LegKeyword && leg != retrieval.LegVector {
		return usageError{"--leg must be hybrid, keyword or vector"}
	}
	in, err := a.index(ctx, false)
	if err != nil {
		return err
	}
	res, err := in.index.Search(ctx, query, retrieval.SearchOptions{K: *k, Leader: *leader, ArticleID: *article, Leg: leg})
	if errors.Is(err, retrieval.ErrEmptyQuery) {
		return usageError{"the query has nothing to search for (only punctuation or spaces)"}
	}
	if err != nil {
		return err
	}
	out := searchJSON{Query: query, Results: []searchResultJSON{}}
	for i, h := range res.Hits {
		out.Results = append(out.Results, searchResultJSON{
			Rank: i + 1, ChunkID: h.Chunk.ID, ArticleID: h.Chunk.ArticleID, Title: h.Chunk.Meta.Title,
			Leader: h.Chunk.Meta.Leader, Source: h.Chunk.Meta.Source, Text: h.Chunk.Text, Score: h.Score,
		})
	}
	if *asJSON {
		return writeJSON(a, out)
	}
	switch {
	case len(out.Results) == 0:
		// Only a filter can empty the list (--leader, --article).
		fmt.Fprintln(a.stdout, "(no passage matches the filters)")
	case !res.Relevant:
		fmt.Fprintln(a.stdout, "(no passage looks relevant; closest matches below)")
	}
	for _, r := range out.Results {
		fmt.Fprintf(a.stdout, "%d. [%.4f] %s · %s · %s\n   %s\n\n", r.Rank, r.Score, orDash(r.Leader), orDash(r.Title), r.ChunkID, r.Text)
	}
	return nil
}

func runEval(ctx context.Context, a *app, args []string) error {
	fs := a.flagSet("eval")
	setFile := fs.String("set", "", "question set (JSONL); default: the built-in set")
	asJSON := fs.Bool("json", false, "print JSON")
	answers := fs.Bool("answers", false, "evaluate whole answers (fact coverage, abstention, length) instead of retrieval")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	if *answers {
		return runAnswerEval(ctx, a, *setFile, *asJSON)
	}
	set, err := retrieval.DefaultEvalSet()
	if *setFile != "" {
		f, ferr := os.Open(*setFile)
		if ferr != nil {
			return fmt.Errorf("open eval set: %w", ferr)
		}
		defer f.Close()
		set, err = retrieval.LoadEvalSet(f)
	}
	if err != nil {
		return fmt.Errorf("eval set: %w", err)
	}
	in, err := a.index(ctx, true)
	if err != nil {
		return err
	}
	rep, err := retrieval.Evaluate(ctx, in.index, set)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(a, rep)
	}
	return rep.WriteTable(a.stdout)
}

// runAnswerEval asks every question of an answer set through the same
// core the chat uses (conversations in memory) and prints per-kind
// coverage, abstention, wrong refusals and length.
func runAnswerEval(ctx context.Context, a *app, setFile string, asJSON bool) error {
	set, err := core.DefaultAnswerSet()
	if setFile != "" {
		f, ferr := os.Open(setFile)
		if ferr != nil {
			return fmt.Errorf("open answer set: %w", ferr)
		}
		defer f.Close()
		set, err = core.LoadAnswerSet(f)
	}
	if err != nil {
		return fmt.Errorf("answer set: %w", err)
	}
	rt, err := a.service(ctx, noStore)
	if err != nil {
		return err
	}
	defer rt.close()
	rep, err := core.EvalAnswers(ctx, rt.svc, set)
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(a, rep)
	}
	return rep.WriteTable(a.stdout)
}

func runBench(ctx context.Context, a *app, args []string) error {
	fs := a.flagSet("bench")
	sizes := fs.String("sizes", "1000,10000,100000", "synthetic corpus sizes in chunks")
	queries := fs.Int("queries", 200, "queries per size")
	askAt := fs.Int("ask-chunks", 10_000, "corpus size (chunks, as files) for the warm `ask` figure; 0 skips it")
	startAt := fs.Int("start-chunks", 100_000, "corpus size (chunks, as files) for the cold-start figure; 0 skips it")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	var ns []int
	for _, f := range strings.Split(*sizes, ",") {
		var n int
		if _, err := fmt.Sscanf(strings.TrimSpace(f), "%d", &n); err != nil || n <= 0 {
			return usageError{fmt.Sprintf("bad size %q", f)}
		}
		ns = append(ns, n)
	}
	arts, err := a.articles(ctx)
	if err != nil {
		return err
	}
	base := corpus.ChunkAll(arts)
	if err := retrieval.Bench(ctx, a.stdout, retrieval.BenchOptions{Sizes: ns, Queries: *queries, Base: base}); err != nil {
		return err
	}
	return a.printStartBench(ctx, base, *askAt, *startAt)
}

// printStartBench prints the whole-command figures: warm `ask` and the
// start of the answering core, over corpora of real files.
func (a *app) printStartBench(ctx context.Context, base []corpus.Chunk, askAt, startAt int) error {
	sizes := []int{}
	for _, n := range []int{askAt, startAt} {
		if n > 0 && !slices.Contains(sizes, n) {
			sizes = append(sizes, n)
		}
	}
	if len(sizes) == 0 {
		return nil
	}
	fmt.Fprintln(a.stdout, "\nwhole command over article files (index up to date, OS file cache warm; medians of 3):")
	tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "chunks\tfiles\tfirst run (clean+index)\twarm ask\tstart (load+open+catalog)\t")
	for _, n := range sizes {
		f, err := a.benchStart(ctx, base, n, 3, "什么是四单工作法？")
		if err != nil {
			return fmt.Errorf("bench at %d chunks: %w", n, err)
		}
		fmt.Fprintf(tw, "%d\t%d\t%v\t%v\t%v\t\n", f.Chunks, f.Files, f.First.Round(time.Millisecond), f.Ask.Round(time.Millisecond), f.Start.Round(time.Millisecond))
	}
	return tw.Flush()
}

func writeJSON(a *app, v any) error {
	enc := json.NewEncoder(a.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
