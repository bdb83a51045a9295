package retrieval

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"bangyang/corpus"
	"bangyang/zh"
)

//go:embed testdata/eval.jsonl
var defaultEvalJSONL []byte

// EvalCase is one question and what a correct passage contains.
type EvalCase struct {
	Question string `json:"question"`
	// Expect lists alternatives: a passage is correct when its Norm
	// (Simplified) contains any of them.
	Expect []string `json:"expect"`
	// Article, when set, additionally requires the passage to come from
	// that article id.
	Article string `json:"article,omitempty"`
}

// EvalSet is a list of cases.
type EvalSet []EvalCase

// LoadEvalSet reads JSONL: one EvalCase per line; blank lines and lines
// starting with # are skipped.
func LoadEvalSet(r io.Reader) (EvalSet, error) {
	var set EvalSet
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		var c EvalCase
		if err := json.Unmarshal([]byte(s), &c); err != nil {
			return nil, fmt.Errorf("retrieval: eval line %d: %w", line, err)
		}
		if strings.TrimSpace(c.Question) == "" || len(c.Expect) == 0 {
			return nil, fmt.Errorf("retrieval: eval line %d: question and expect are required", line)
		}
		set = append(set, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("retrieval: read eval set: %w", err)
	}
	return set, nil
}

// DefaultEvalSet is the embedded set over the seed articles.
func DefaultEvalSet() (EvalSet, error) { return LoadEvalSet(bytes.NewReader(defaultEvalJSONL)) }

// LegScores are one leg's figures over a set.
type LegScores struct {
	Leg                       Leg
	Recall1, Recall3, Recall5 float64
	MRR                       float64 // over the top 10
	Misses                    []EvalMiss
}

// EvalMiss is a question whose correct passage was not in the top 5.
type EvalMiss struct {
	Question string
	Rank     int    // 0 = not in the top 10
	Top      string // first hit's text, shortened
}

// EvalReport holds every leg's scores.
type EvalReport struct {
	Cases int
	Legs  []LegScores
}

// evalDepth is how far down the ranking MRR looks.
const evalDepth = 10

// Evaluate runs every case through every leg.
func Evaluate(ctx context.Context, idx *Index, set EvalSet) (EvalReport, error) {
	rep := EvalReport{Cases: len(set)}
	for _, leg := range []Leg{LegKeyword, LegVector, LegHybrid} {
		ls := LegScores{Leg: leg}
		for _, c := range set {
			res, err := idx.Search(ctx, c.Question, SearchOptions{K: evalDepth, Leg: leg})
			if err != nil {
				return rep, fmt.Errorf("retrieval: eval %q (%s): %w", c.Question, leg, err)
			}
			rank := 0
			for i, h := range res.Hits {
				if c.matches(h.Chunk) {
					rank = i + 1
					break
				}
			}
			if rank == 1 {
				ls.Recall1++
			}
			if rank >= 1 && rank <= 3 {
				ls.Recall3++
			}
			if rank >= 1 && rank <= 5 {
				ls.Recall5++
			}
			if rank > 0 {
				ls.MRR += 1 / float64(rank)
			}
			if rank == 0 || rank > 5 {
				m := EvalMiss{Question: c.Question, Rank: rank}
				if len(res.Hits) > 0 {
					m.Top = shorten(res.Hits[0].Chunk.Norm, 40)
				}
				ls.Misses = append(ls.Misses, m)
			}
		}
		if n := float64(len(set)); n > 0 {
			ls.Recall1 /= n
			ls.Recall3 /= n
			ls.Recall5 /= n
			ls.MRR /= n
		}
		rep.Legs = append(rep.Legs, ls)
	}
	return rep, nil
}

func (c EvalCase) matches(ch corpus.Chunk) bool {
	if c.Article != "" && ch.ArticleID != c.Article {
		return false
	}
	norm := zh.ToSimplified(ch.Norm)
	for _, e := range c.Expect {
		if e != "" && strings.Contains(norm, zh.ToSimplified(e)) {
			return true
		}
	}
	return false
}

// Leg returns the scores of one leg (zero value if absent).
func (r EvalReport) Leg(l Leg) LegScores {
	for _, s := range r.Legs {
		if s.Leg == l {
			return s
		}
	}
	return LegScores{}
}

// WriteTable prints the figures, then the misses.
func (r EvalReport) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "leg\tR@1\tR@3\tR@5\tMRR@10\t(%d questions)\n", r.Cases)
	for _, s := range r.Legs {
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%.3f\t\n", s.Leg, s.Recall1, s.Recall3, s.Recall5, s.MRR)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, s := range r.Legs {
		for _, m := range s.Misses {
			if _, err := fmt.Fprintf(w, "miss %-7s rank=%-2d %s → %s\n", s.Leg, m.Rank, m.Question, m.Top); err != nil {
				return err
			}
		}
	}
	return nil
}

func shorten(s string, n int) string {
	r := []rune(strings.ReplaceAll(s, "\n", " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n]) + "…"
}
