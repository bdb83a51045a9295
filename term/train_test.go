package term

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"bangyang/core"
	"bangyang/quiz"
)

// shownTrainer tells the test each question the chat shows, so it can
// answer right or wrong.
type shownTrainer struct {
	*core.Trainer
	shown chan quiz.Question
}

func (s shownTrainer) Next(ctx context.Context, chat string) (quiz.Question, int, bool, error) {
	q, i, ok, err := s.Trainer.Next(ctx, chat)
	if ok {
		s.shown <- q
	}
	return q, i, ok, err
}

// TestChatTraining: a typed quiz over core's sessions (scores and records
// as in Telegram), which shows nothing of a question's passage before it
// is answered, then a case.
func TestChatTraining(t *testing.T) {
	svc := realCore(t)
	tr := shownTrainer{Trainer: svc.Trainer(), shown: make(chan quiz.Question, 1)}
	inR, inW := io.Pipe()
	var out syncBuilder
	done := make(chan error, 1)
	go func() { done <- New(svc, Options{Catalog: svc, Trainer: tr}).Run(context.Background(), inR, &out) }()
	say := func(line string) { fmt.Fprintln(inW, line) }
	next := func() quiz.Question {
		select {
		case q := <-tr.shown:
			return q
		case <-time.After(10 * time.Second):
			t.Fatalf("no question shown:\n%s", out.String())
			return quiz.Question{}
		}
	}
	say("/train 2 四单工作法")
	q1 := next()
	say("什么是四单工作法？")     // 1 not while a question is open
	say("/method 四单工作法") // 2
	say("9")             // 3 no such option
	say(fmt.Sprint(q1.Correct + 1))
	q2 := next()
	say("/score")
	say(fmt.Sprint((q2.Correct+1)%len(q2.Options) + 1)) // wrong
	for _, l := range []string{"/record", "/stop", "/case", "/reveal", "/reveal", "/daily 08:00"} {
		say(l)
	}
	// A lesson: the summary, three questions, then a case.
	say("/lesson 四单工作法")
	for range 3 {
		q := next()
		say(fmt.Sprint(q.Correct + 1))
	}
	inW.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	got := strings.Split(out.String(), "\n> ")[1:]
	if len(got) != 18 { // 17 lines, then the prompt at the end of input
		t.Fatalf("want 18 prompts, got %d:\n%s", len(got), out.String())
	}
	if !strings.Contains(got[0], "培训开始：共 2 题") || !strings.Contains(got[0], "[1/2] "+q1.Text) || !strings.Contains(got[0], "  1. "+q1.Options[0]) {
		t.Errorf("start:\n%s", got[0])
	}
	for i := 1; i <= 3; i++ {
		if !strings.Contains(got[i], "培训进行中：请输入 1–") || strings.Contains(got[i], "📖") || strings.Contains(got[i], "民主议单") {
			t.Errorf("line %d while the question is open:\n%s", i, got[i])
		}
	}
	if !strings.Contains(got[4], "✅ 答对了") || !strings.Contains(got[4], "📖 ") || !strings.Contains(got[4], "[2/2] "+q2.Text) {
		t.Errorf("right answer:\n%s", got[4])
	}
	if !strings.Contains(got[5], "我 1/1") {
		t.Errorf("/score:\n%s", got[5])
	}
	if !strings.Contains(got[6], "❌ 答错了") || !strings.Contains(got[6], "培训结束") || !strings.Contains(got[6], "我 1/2") {
		t.Errorf("wrong last answer:\n%s", got[6])
	}
	want := map[int]string{
		7:  "参加 1 场，作答 2 题，答对 1 题",
		8:  "现在没有进行中的培训",
		9:  "🧩 案例讨论",
		10: "的做法",
		11: "现在没有待公布的案例",
		12: "/daily 只能在 Telegram 中使用",
	}
	for i, w := range want {
		if !strings.Contains(got[i], w) {
			t.Errorf("reply %d: want %q in\n%s", i, w, got[i])
		}
	}
	if l := got[13]; !strings.Contains(l, "📚 学习课：四单工作法") || !strings.Contains(l, "民主议单") || !strings.Contains(l, "来源\n[1] ") || !strings.Contains(l, "培训开始：共 3 题") || !strings.Contains(l, "[1/3] ") {
		t.Errorf("/lesson:\n%s", l)
	}
	if l := got[16]; !strings.Contains(l, "我 3/3") || !strings.Contains(l, "🧩 案例讨论") {
		t.Errorf("the lesson's end should give the board, then a case:\n%s", l)
	}
	if !strings.Contains(got[10], "📖 ") {
		t.Errorf("the reveal must cite its passage:\n%s", got[10])
	}
}

func TestParseOption(t *testing.T) {
	for in, want := range map[string]int{"1": 0, "４": 3, "b": 1, "C": 2, "Ａ": 0, " 2 ": 1} {
		if got, ok := parseOption(in, 4); !ok || got != want {
			t.Errorf("parseOption(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{"5", "0", "e", "12", "", "一", "1 2"} {
		if _, ok := parseOption(in, 4); ok {
			t.Errorf("parseOption(%q) accepted", in)
		}
	}
}
