package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"bangyang/corpus"
	"bangyang/zh"
)

type rec struct {
	ID         string     `json:"id"`
	Kind       string     `json:"kind"`
	Question   *string    `json:"question"`
	History    []string   `json:"history"`
	Facts      [][]string `json:"facts"`
	Forbid     []string   `json:"forbid"`
	Answerable *bool      `json:"answerable"`
	Leader     *string    `json:"leader"`
}

func main() {
	dir := "corpus/testdata/genre-holdout"
	arts, err := corpus.LoadDir(context.Background(), dir)
	if err != nil {
		panic(err)
	}
	var exp struct {
		Articles []struct {
			File   string   `json:"file"`
			Leader string   `json:"leader"`
			Others []string `json:"others"`
		} `json:"articles"`
	}
	b, _ := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err := json.Unmarshal(b, &exp); err != nil {
		panic(err)
	}
	byFile := map[string]string{}
	for _, a := range arts {
		byFile[filepath.Base(a.Origin)] = zh.ToSimplified(a.Text)
	}
	text := map[string]string{}
	for _, e := range exp.Articles {
		t, ok := byFile[e.File]
		if !ok {
			panic("missing " + e.File)
		}
		text[e.Leader] = t
		for _, o := range e.Others {
			text[o] = t
		}
	}
	if len(os.Args) > 1 && os.Args[1] == "dump" {
		for _, e := range exp.Articles {
			fmt.Printf("===== %s %s\n%s\n", e.File, e.Leader, byFile[e.File])
		}
		return
	}
	kinds := map[string]bool{"what": true, "steps": true, "how": true, "who": true, "where": true, "when": true, "number": true, "attribute": true, "advice": true, "compare": true, "summary": true, "followup": true, "refuse_attr": true, "unknown": true}
	f, err := os.Open(os.Args[1])
	if err != nil {
		panic(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	seen := map[string]bool{}
	counts := map[string]int{}
	trad := 0
	probs := 0
	bad := func(id, format string, a ...any) {
		probs++
		fmt.Printf("%s: %s\n", id, fmt.Sprintf(format, a...))
	}
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		var r rec
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&r); err != nil {
			bad(fmt.Sprint("line", n), "json: %v", err)
			continue
		}
		id := r.ID
		if r.Question == nil || r.Answerable == nil || r.Leader == nil || r.History == nil || r.Facts == nil || r.Forbid == nil {
			bad(id, "missing field")
			continue
		}
		if !kinds[r.Kind] {
			bad(id, "kind %q", r.Kind)
		}
		counts[r.Kind]++
		if seen[id] {
			bad(id, "dup id")
		}
		seen[id] = true
		want := "h-" + strings.ReplaceAll(r.Kind, "_", "-") + "-"
		if !strings.HasPrefix(id, want) {
			bad(id, "id prefix, want %s", want)
		}
		if zh.ToSimplified(*r.Question) != *r.Question {
			trad++
		}
		unans := r.Kind == "refuse_attr" || r.Kind == "unknown"
		if *r.Answerable == unans {
			bad(id, "answerable mismatch")
		}
		if unans != (len(r.Facts) == 0) {
			bad(id, "facts empty iff unanswerable")
		}
		if (r.Kind == "followup") != (len(r.History) > 0) && r.Kind != "refuse_attr" {
			bad(id, "history")
		}
		var leaders []string
		if *r.Leader != "" {
			leaders = strings.Split(*r.Leader, ",")
		}
		if r.Kind == "unknown" && len(leaders) > 0 {
			bad(id, "unknown with leader")
		}
		if r.Kind != "unknown" && len(leaders) == 0 {
			bad(id, "no leader")
		}
		if (r.Kind == "compare" || r.Kind == "advice") && len(leaders) < 2 {
			bad(id, "compare/advice wants >=2 leaders")
		}
		covered := map[string]bool{}
		for _, l := range leaders {
			if _, ok := text[l]; !ok {
				bad(id, "unknown leader %q", l)
			}
		}
		for _, fact := range r.Facts {
			if len(fact) == 0 {
				bad(id, "empty fact")
			}
			anyIn := false
			for _, alt := range fact {
				c := utf8.RuneCountInString(alt)
				if c < 2 || c > 10 {
					bad(id, "length %q", alt)
				}
				if zh.ToSimplified(alt) != alt {
					bad(id, "not simplified %q", alt)
				}
				in := false
				for _, l := range leaders {
					if strings.Contains(text[l], alt) {
						in = true
						covered[l] = true
					}
				}
				if !in {
					bad(id, "fact %q not in article(s) of %s", alt, *r.Leader)
				} else {
					anyIn = true
				}
			}
			_ = anyIn
		}
		if !unans {
			for _, l := range leaders {
				if !covered[l] {
					bad(id, "leader %s has no fact", l)
				}
			}
		}
		for _, fb := range r.Forbid {
			if r.Kind == "refuse_attr" {
				continue
			}
			for _, l := range leaders {
				if strings.Contains(text[l], fb) {
					bad(id, "forbid %q in article of %s", fb, l)
				}
			}
		}
	}
	fmt.Println("records:", n, "traditional:", trad, "counts:", counts)
	fmt.Println("problems:", probs)
	if probs > 0 {
		os.Exit(1)
	}
}
