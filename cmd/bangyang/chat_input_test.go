package main

import (
	"bytes"
	"context"
	"io"
	"strings"
	"sync"
	"testing"
	"time"
)

// A pasted wall of text must not end the chat: it is refused with the
// limit, and the next question is answered.
func TestChatSurvivesOverlongLines(t *testing.T) {
	huge := strings.Repeat("社区", 600_000) // 3.6 MB on one line
	long := strings.Repeat("四单工作法", 300)  // 1500 characters, over the 1000 default
	in := huge + "\n" + long + "\n什么是四单工作法？\n"
	t.Setenv("BANGYANG_MAX_QUESTION", "")
	out, errs, code := runCLI(t, t.TempDir(), in, "chat")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if got := strings.Count(out, "问题太长了"); got != 2 {
		t.Errorf("want 2 too-long replies, got %d:\n%.2000s", got, out)
	}
	if !strings.Contains(out, "（1500 字）") {
		t.Errorf("the reply should give the length of the long question:\n%.2000s", out)
	}
	if !strings.Contains(out, "民主议单") {
		t.Errorf("the question after the long lines was not answered:\n%.2000s", out)
	}
}

// Ctrl-C while the chat waits for input ends it, even though stdin stays
// open (a terminal).
func TestChatStopsOnInterruptWhileWaiting(t *testing.T) {
	for _, k := range []string{"TELEGRAM_BOT_TOKEN", "LLM_MODEL", "EMBED_MODEL", "BANGYANG_CORPUS", "BANGYANG_NO_DEFAULT_CORPUS"} {
		t.Setenv(k, "")
	}
	t.Setenv("BANGYANG_DATA_DIR", t.TempDir())
	stdinR, stdinW := io.Pipe()
	defer stdinW.Close()
	out := &syncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"chat"}, stdinR, out, io.Discard) }()

	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(out.String(), "> ") {
		if time.Now().After(deadline) {
			t.Fatalf("no prompt:\n%s", out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("exit %d", code)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the chat kept waiting for input after the interrupt")
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
