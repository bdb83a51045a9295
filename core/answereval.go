package core

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"context"

	"bangyang/zh"
)

//go:embed testdata/answers.jsonl
var defaultAnswerSet string

// AnswerCase is one question of an answer eval: the facts a complete
// answer holds (each a list of alternative phrases, Simplified), strings
// it must not contain, and whether the articles answer it at all.
type AnswerCase struct {
	ID         string     `json:"id"`
	Kind       string     `json:"kind"`
	Question   string     `json:"question"`
	History    []string   `json:"history,omitempty"`
	Facts      [][]string `json:"facts"`
	Forbid     []string   `json:"forbid,omitempty"`
	Answerable bool       `json:"answerable"`
	Leader     string     `json:"leader,omitempty"`
}

// LoadAnswerSet reads JSONL answer cases.
func LoadAnswerSet(r io.Reader) ([]AnswerCase, error) {
	var out []AnswerCase
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimSpace(sc.Text())
		if t == "" || strings.HasPrefix(t, "#") || strings.HasPrefix(t, "//") {
			continue
		}
		var c AnswerCase
		if err := json.Unmarshal([]byte(t), &c); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		if strings.TrimSpace(c.Question) == "" {
			return nil, fmt.Errorf("line %d: empty question", line)
		}
		if c.ID == "" {
			c.ID = fmt.Sprintf("line-%d", line)
		}
		out = append(out, c)
	}
	return out, sc.Err()
}

// DefaultAnswerSet is the shipped answer eval over the seed articles.
func DefaultAnswerSet() ([]AnswerCase, error) {
	return LoadAnswerSet(strings.NewReader(defaultAnswerSet))
}

// CaseResult is how one case went.
type CaseResult struct {
	ID       string   `json:"id"`
	Kind     string   `json:"kind"`
	Question string   `json:"question"`
	Coverage float64  `json:"coverage"` // share of facts held (answerable cases)
	Missing  []string `json:"missing,omitempty"`
	Refused  bool     `json:"refused"`
	Forbid   []string `json:"forbidden_found,omitempty"`
	Runes    int      `json:"runes"`
	Answer   string   `json:"answer"`
	// BadMarkers is set when an [n] points at no citation, or a citation
	// is never pointed at.
	BadMarkers bool `json:"bad_markers,omitempty"`
}

// KindStats sums the cases of one kind.
type KindStats struct {
	Kind         string  `json:"kind"`
	Cases        int     `json:"cases"`
	Coverage     float64 `json:"coverage"`      // mean over answerable cases
	WrongRefusal int     `json:"wrong_refusal"` // answerable but refused
	Abstained    int     `json:"abstained"`     // unanswerable and refused
	Unanswerable int     `json:"unanswerable"`
	Forbidden    int     `json:"forbidden"`
	MedianRunes  int     `json:"median_runes"`
}

// AnswerReport is the outcome of an answer eval.
type AnswerReport struct {
	Kinds   []KindStats  `json:"kinds"`
	Overall KindStats    `json:"overall"`
	Cases   []CaseResult `json:"cases"`
}

// EvalAnswers asks every case in a fresh conversation (history first) and
// scores the answers. Case ids name the conversations, so svc should use
// an in-memory Memory.
func EvalAnswers(ctx context.Context, svc *Service, cases []AnswerCase) (*AnswerReport, error) {
	rep := &AnswerReport{}
	for _, c := range cases {
		chat := "eval:" + c.ID
		_ = svc.Reset(ctx, chat)
		for _, h := range c.History {
			if _, err := svc.AskStream(ctx, chat, h, nil); err != nil {
				return nil, fmt.Errorf("case %s history %q: %w", c.ID, h, err)
			}
		}
		ans, err := svc.AskStream(ctx, chat, c.Question, nil)
		if err != nil {
			return nil, fmt.Errorf("case %s: %w", c.ID, err)
		}
		rep.Cases = append(rep.Cases, scoreCase(c, ans))
		_ = svc.Reset(ctx, chat)
	}
	rep.summarise()
	return rep, nil
}

// refusalPhrases mark an answer that says the articles lack what was asked.
var refusalPhrases = []string{"资料中没有", "没有找到与这个问题相关", "资料中没有提到"}

func scoreCase(c AnswerCase, ans *Answer) CaseResult {
	text := zh.ToSimplified(ans.Text)
	flat := flatten(text)
	r := CaseResult{ID: c.ID, Kind: c.Kind, Question: c.Question, Runes: utf8.RuneCountInString(ans.Text), Answer: ans.Text}
	r.Refused = ans.Refused || !ans.Grounded || startsWithAny(text, refusalPhrases)
	r.BadMarkers = !markersResolve(ans)
	held := 0
	for _, f := range c.Facts {
		ok := false
		for _, alt := range f {
			if alt != "" && (strings.Contains(text, alt) || strings.Contains(flat, flatten(alt))) {
				ok = true
				break
			}
		}
		if ok {
			held++
		} else if len(f) > 0 {
			r.Missing = append(r.Missing, f[0])
		}
	}
	if len(c.Facts) > 0 {
		r.Coverage = float64(held) / float64(len(c.Facts))
	} else if !r.Refused {
		r.Coverage = 1
	}
	for _, f := range c.Forbid {
		if f != "" && strings.Contains(text, f) {
			r.Forbid = append(r.Forbid, f)
		}
	}
	return r
}

// markersResolve reports that every [n] of the text is a citation and
// every citation is referred to.
func markersResolve(ans *Answer) bool {
	seen := map[int]bool{}
	for _, m := range markerRE.FindAllStringSubmatch(ans.Text, -1) {
		for _, f := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ',' || r == '，' || r == '、' || r == ' ' }) {
			n, err := strconv.Atoi(f)
			if err != nil || n < 1 || n > len(ans.Citations) {
				return false
			}
			seen[n] = true
		}
	}
	for i, c := range ans.Citations {
		if c.N != i+1 || !seen[c.N] {
			return false
		}
	}
	return true
}

func startsWithAny(s string, ps []string) bool {
	s = strings.TrimPrefix(s, "抱歉，")
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// flatten drops punctuation and spaces, so a fact matches across the
// article's ASCII-folded commas and quotes.
func flatten(s string) string {
	return strings.Map(func(r rune) rune {
		if zh.IsHan(r) || ('0' <= r && r <= '9') || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || r == '%' || r == '.' {
			return r
		}
		return -1
	}, s)
}

func (rep *AnswerReport) summarise() {
	by := map[string]*KindStats{}
	var order []string
	runes := map[string][]int{}
	cover := map[string][]float64{}
	add := func(k string, c CaseResult, answerable bool) {
		st, ok := by[k]
		if !ok {
			st = &KindStats{Kind: k}
			by[k] = st
			if k != "" {
				order = append(order, k)
			}
		}
		st.Cases++
		runes[k] = append(runes[k], c.Runes)
		if len(c.Forbid) > 0 {
			st.Forbidden++
		}
		if answerable {
			cover[k] = append(cover[k], c.Coverage)
			if c.Refused {
				st.WrongRefusal++
			}
		} else {
			st.Unanswerable++
			if c.Refused {
				st.Abstained++
			}
		}
	}
	for _, c := range rep.Cases {
		answerable := c.Kind != "refuse_attr" && c.Kind != "unknown"
		add(c.Kind, c, answerable)
		add("", c, answerable)
	}
	finish := func(k string) KindStats {
		st := *by[k]
		if cs := cover[k]; len(cs) > 0 {
			var sum float64
			for _, x := range cs {
				sum += x
			}
			st.Coverage = sum / float64(len(cs))
		}
		rs := slices.Clone(runes[k])
		sort.Ints(rs)
		if len(rs) > 0 {
			st.MedianRunes = rs[len(rs)/2]
		}
		return st
	}
	sort.Strings(order)
	for _, k := range order {
		rep.Kinds = append(rep.Kinds, finish(k))
	}
	if _, ok := by[""]; ok {
		rep.Overall = finish("")
		rep.Overall.Kind = "overall"
	}
}

// WriteTable prints the per-kind figures.
func (rep *AnswerReport) WriteTable(w io.Writer) error {
	fmt.Fprintf(w, "%-12s %5s %8s %8s %9s %8s %7s\n", "kind", "cases", "coverage", "refused", "abstained", "forbid", "median")
	row := func(k KindStats) {
		abst := "-"
		if k.Unanswerable > 0 {
			abst = fmt.Sprintf("%d/%d", k.Abstained, k.Unanswerable)
		}
		answerable := k.Cases - k.Unanswerable
		refused := "-"
		cov := "-"
		if answerable > 0 {
			refused = fmt.Sprintf("%d/%d", k.WrongRefusal, answerable)
			cov = fmt.Sprintf("%.3f", k.Coverage)
		}
		fmt.Fprintf(w, "%-12s %5d %8s %8s %9s %8d %7d\n", k.Kind, k.Cases, cov, refused, abst, k.Forbidden, k.MedianRunes)
	}
	for _, k := range rep.Kinds {
		row(k)
	}
	row(rep.Overall)
	_, err := fmt.Fprintln(w)
	return err
}
