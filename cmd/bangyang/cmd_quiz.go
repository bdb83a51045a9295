package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"bangyang/core"
	"bangyang/quiz"
	"bangyang/zh"
)

// quizJSON is the stable output of `bangyang quiz --json`.
type quizJSON struct {
	Questions []quizQuestionJSON `json:"questions"`
}

type quizQuestionJSON struct {
	Kind        string           `json:"kind"`
	Question    string           `json:"question"`
	Options     []string         `json:"options"`
	Correct     int              `json:"correct"`
	Explanation string           `json:"explanation"`
	Why         string           `json:"why,omitempty"`
	Citation    quizCitationJSON `json:"citation"`
}

type quizCitationJSON struct {
	ChunkID   string `json:"chunk_id"`
	ArticleID string `json:"article_id"`
	Leader    string `json:"leader"`
	Text      string `json:"text"`
}

func runQuiz(ctx context.Context, a *app, args []string) error {
	fs := a.flagSet("quiz")
	asJSON := fs.Bool("json", false, "print one JSON object")
	n := fs.Int("n", 10, "number of questions")
	topic := fs.String("topic", "", "a leader, a method or a keyword")
	script := fs.String("script", "", "hans or hant (default: the topic's script, else Simplified)")
	seed := fs.Uint64("seed", 0, "random seed (0: a new set each time)")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	if *n < 1 {
		return usageError{"-n must be at least 1"}
	}
	if *script != "" && !zh.Script(*script).Known() {
		return usageError{"--script must be hans or hant"}
	}
	if *seed == 0 {
		*seed = uint64(time.Now().UnixNano())
	}
	rt, err := a.service(ctx, noStore)
	if err != nil {
		return err
	}
	defer rt.close()
	svc := rt.svc
	qs, err := svc.Trainer().Quiz(ctx, core.QuizRequest{N: *n, Topic: strings.TrimSpace(*topic), Script: zh.Script(*script), Seed: *seed})
	if errors.Is(err, quiz.ErrNoMaterial) {
		return fmt.Errorf("no material on %q in the articles", *topic)
	}
	if err != nil {
		return err
	}
	if *asJSON {
		out := quizJSON{Questions: []quizQuestionJSON{}}
		for _, q := range qs {
			out.Questions = append(out.Questions, quizQuestionJSON{
				Kind: string(q.Kind), Question: q.Text, Options: q.Options, Correct: q.Correct, Explanation: q.Explanation, Why: q.Why,
				Citation: quizCitationJSON{ChunkID: q.Citation.ChunkID, ArticleID: q.Citation.ArticleID, Leader: q.Citation.Leader, Text: q.Citation.Passage},
			})
		}
		return writeJSON(a, out)
	}
	for i, q := range qs {
		fmt.Fprintf(a.stdout, "%d. [%s] %s\n", i+1, q.Kind, q.Text)
		for j, o := range q.Options {
			mark := " "
			if j == q.Correct {
				mark = "*"
			}
			fmt.Fprintf(a.stdout, "   %s%c. %s\n", mark, 'A'+j, o)
		}
		if q.Why != "" {
			fmt.Fprintf(a.stdout, "   %s\n", q.Why)
		}
		fmt.Fprintf(a.stdout, "   %s\n   [%s · %s]\n\n", q.Explanation, orDash(q.Citation.Leader), q.Citation.ChunkID)
	}
	return nil
}
