package quiz

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"bangyang/zh"
)

// fakeGen replies from a script of canned behaviours and records prompts.
type fakeGen struct {
	replies []func(passage string) (string, error)
	prompts []string
}

func (f *fakeGen) Complete(ctx context.Context, prompt string) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	f.prompts = append(f.prompts, prompt)
	i := len(f.prompts) - 1
	if i >= len(f.replies) {
		i = len(f.replies) - 1
	}
	start := strings.Index(prompt, "<<<\n")
	end := strings.LastIndex(prompt, "\n>>>")
	return f.replies[i](prompt[start+4 : end])
}

// grounded answers with the first six characters of the passage's first
// sentence, which the passage certainly supports.
func grounded(passage string) (string, error) {
	first := []rune(splitSentences(passage)[0])
	answer := string(first[:minInt(6, len(first))])
	return fmt.Sprintf("好的，题目如下：\n```json\n{\"question\":\"原文开头是哪几个字？\",\"options\":[\"虚构选项甲乙\",%q,\"杜撰选项丙丁\",\"编造选项戊己\"],\"answer\":1}\n```", answer), nil
}

func notJSON(string) (string, error) { return "抱歉，我无法出题。", nil }

func ungrounded(string) (string, error) {
	return `{"question":"哪项正确？","options":["虚构选项甲乙","杜撰选项丙丁","编造选项戊己"],"answer":0}`, nil
}

func failing(string) (string, error) { return "", errors.New("model unavailable") }

func TestModelQuestion(t *testing.T) {
	t.Parallel()
	b := NewBank(realSource(t))
	ctx := context.Background()
	tests := []struct {
		name    string
		replies []func(string) (string, error)
		origin  string
		calls   int
	}{
		{"good JSON", []func(string) (string, error){grounded}, OriginModel, 1},
		{"invalid JSON then good", []func(string) (string, error){notJSON, grounded}, OriginModel, 2},
		{"invalid JSON twice", []func(string) (string, error){notJSON}, OriginTemplate, 2},
		{"answer not in passage", []func(string) (string, error){ungrounded}, OriginTemplate, 2},
		{"model error", []func(string) (string, error){failing}, OriginTemplate, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			gen := &fakeGen{replies: tc.replies}
			q, err := b.ModelQuestion(ctx, gen, Options{Topic: "四单工作法", Seed: 2})
			if err != nil {
				t.Fatal(err)
			}
			if q.Origin != tc.origin {
				t.Errorf("origin = %s, want %s (%q)", q.Origin, tc.origin, q.Text)
			}
			if len(gen.prompts) != tc.calls {
				t.Errorf("model called %d times, want %d", len(gen.prompts), tc.calls)
			}
			if tc.calls == 2 && !strings.Contains(gen.prompts[1], "不合格") {
				t.Error("retry prompt does not say why")
			}
			if err := Validate(q); err != nil {
				t.Errorf("returned question invalid: %v", err)
			}
			if !strings.Contains(normalize(q.Citation.Passage), "四单工作法") && q.Origin == OriginModel {
				t.Errorf("model question cites an off-topic passage")
			}
		})
	}
	ctxDone, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := b.ModelQuestion(ctxDone, &fakeGen{replies: []func(string) (string, error){grounded}}, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: err = %v", err)
	}
}

func TestParseModelJSON(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]int{
		`{"question":"q","options":["a","b"],"answer":1}`:         1,
		`前言 {"question":"q","options":["a","b"],"answer":"a"} 后记`: 0,
		`{"question":"q","options":["a","b","c"],"answer":"C"}`:   2,
	} {
		_, got, err := ParseModelJSON(in)
		if err != nil || got != want {
			t.Errorf("ParseModelJSON(%s) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{
		``, `{}`, `{"question":"q","options":["a","b"],"answer":2}`,
		`{"question":"q","options":["a","b"],"answer":"z"}`, `{"question":"q","options":["a"],"answer":0}`,
		`{"question":"q","options":["a","b"]}`, `{"question":`,
	} {
		if _, _, err := ParseModelJSON(in); !errors.Is(err, ErrBadJSON) {
			t.Errorf("ParseModelJSON(%q) err = %v, want ErrBadJSON", in, err)
		}
	}
}

func FuzzParseModelJSON(f *testing.F) {
	f.Add(`{"question":"q","options":["a","b"],"answer":1}`)
	f.Add(`{"question":"问","options":["甲","乙","丙"],"answer":"乙"}`)
	f.Add("```json\n{\"answer\":-1}\n```")
	f.Fuzz(func(t *testing.T, s string) {
		d, i, err := ParseModelJSON(s)
		if err == nil && (i < 0 || i >= len(d.Options)) {
			t.Fatalf("index %d for %d options", i, len(d.Options))
		}
	})
}

func FuzzValidate(f *testing.F) {
	f.Add("问题", "95.3%", "98%", "调解成功率达95.3%。", 0, "出自原文")
	f.Add("", "", "", "", 5, "\n\n\n")
	f.Fuzz(func(t *testing.T, text, a, b, passage string, correct int, expl string) {
		q := Question{Text: text, Options: []string{a, b}, Correct: correct, Explanation: expl, Citation: Citation{Passage: passage}}
		err := Validate(q)
		if err == nil {
			// Whatever passed must be within the limits and grounded.
			if correct < 0 || correct > 1 || zh.UTF16Len(text) > MaxQuestionLen || zh.UTF16Len(expl) > MaxExplanationLen {
				t.Fatalf("accepted out-of-limit question %+v", q)
			}
			if !supported(q.Options[correct], normalize(passage)) || supported(q.Options[1-correct], normalize(passage)) {
				t.Fatalf("accepted ungrounded question %+v", q)
			}
		}
		_ = utf8.ValidString(text)
	})
}
