package llm

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"testing"
	"time"

	"bangyang/llm/openaitest"
)

func TestStreamAssemblesDeltas(t *testing.T) {
	t.Parallel()
	const answer = "吳中蘭書記的「四單工作法」包括：民眾點單、社區派單、黨員接單、群眾評單[1]。"
	cases := []struct {
		name  string
		reply openaitest.Reply
	}{
		{"plain", openaitest.Reply{Text: answer, ChunkRunes: 2}},
		{"usage-only chunk", openaitest.Reply{Text: answer, ChunkRunes: 5, Usage: true}},
		{"no [DONE]", openaitest.Reply{Text: answer, OmitDone: true}},
		{"no role chunk", openaitest.Reply{Text: answer, OmitRoleChunk: true}},
		{"one chunk", openaitest.Reply{Text: answer, ChunkRunes: 1000}},
		{"reasoning_content first", openaitest.Reply{Text: answer, Reasoning: "先想一想。"}},
		{"think block", openaitest.Reply{Chunks: []string{"<thi", "nk>先想", "一想</th", "ink>\n\n", answer[:6], answer[6:]}}},
		{"length finish", openaitest.Reply{Text: answer, FinishReason: "length"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t)
			srv.QueueChat(tc.reply)
			c, _ := testClient(t, srv.URL, nil)
			var deltas []string
			full, err := c.Stream(context.Background(), []Message{
				{Role: "system", Content: "只根據資料回答"}, {Role: "user", Content: "四單工作法是什麼？"},
			}, func(d string) { deltas = append(deltas, d) })
			if err != nil {
				t.Fatal(err)
			}
			if full != answer {
				t.Errorf("full = %q", full)
			}
			if strings.Join(deltas, "") != answer {
				t.Errorf("deltas = %q", deltas)
			}
			for _, d := range deltas {
				if d == "" {
					t.Error("empty delta passed to onDelta")
				}
			}
			reqs := srv.ChatRequests()
			if len(reqs) != 1 {
				t.Fatalf("%d requests", len(reqs))
			}
			r := reqs[0]
			if !r.Stream || r.Model != "chat-m" || r.System() != "只根據資料回答" || r.LastUser() != "四單工作法是什麼？" {
				t.Errorf("request sent: %+v", r)
			}
		})
	}
}

func TestStreamDeltaCount(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	srv.QueueChat(openaitest.Reply{Chunks: []string{"一", "二", "三", "四"}, Usage: true})
	c, _ := testClient(t, srv.URL, nil)
	n := 0
	full, err := c.Stream(context.Background(), user("q"), func(string) { n++ })
	if err != nil || full != "一二三四" || n != 4 {
		t.Fatalf("full %q, %d deltas, err %v", full, n, err)
	}
	// A nil onDelta is allowed.
	srv.QueueChat(openaitest.Reply{Text: "好"})
	if full, err := c.Stream(context.Background(), user("q"), nil); err != nil || full != "好" {
		t.Fatalf("nil onDelta: %q %v", full, err)
	}
}

func TestThinkFilter(t *testing.T) {
	t.Parallel()
	cases := []struct {
		pieces []string
		want   string
	}{
		{[]string{"<think>x</think>答案"}, "答案"},
		{[]string{"  <", "think", ">a\nb", "</thi", "nk>", "\n", "\n答", "案"}, "答案"},
		{[]string{"<5 條方法"}, "<5 條方法"},
		{[]string{"<", "b>粗體</b>"}, "<b>粗體</b>"},
		{[]string{"<thi"}, "<thi"},                                       // never completed the tag: it was text
		{[]string{"<think>只有推理"}, ""},                                    // unclosed: dropped
		{[]string{"答案", "<think>不是開頭</think>"}, "答案<think>不是開頭</think>"}, // only a leading block
	}
	for _, tc := range cases {
		var f thinkFilter
		var got strings.Builder
		for _, p := range tc.pieces {
			got.WriteString(f.push(p))
		}
		got.WriteString(f.flush())
		if got.String() != tc.want {
			t.Errorf("%q → %q, want %q", tc.pieces, got.String(), tc.want)
		}
	}
}

func TestStreamErrorBodies(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name     string
		reply    openaitest.Reply
		kind     error
		status   int
		requests int // 2 when retried once
		msg      []string
	}{
		{"openai 401", openaitest.ErrorReply(401, "Incorrect API key provided"), ErrAuth, 401, 1, []string{"Incorrect API key provided"}},
		{"openai 403", openaitest.ErrorReply(403, "Country not supported"), ErrAuth, 403, 1, []string{"Country not supported"}},
		{"ollama 404", openaitest.OllamaError(404, `model "qwen9" not found, try pulling it first`), ErrRejected, 404, 1,
			[]string{`model "qwen9" not found`, "BaseURL"}},
		{"openai 400", openaitest.ErrorReply(400, "This model's maximum context length is 8192 tokens"), ErrRejected, 400, 1, []string{"maximum context length"}},
		{"ollama 500", openaitest.OllamaError(500, "llama runner process has terminated"), ErrUnavailable, 500, 2, []string{"llama runner process has terminated"}},
		{"openai 503", openaitest.ErrorReply(503, "The engine is currently overloaded"), ErrUnavailable, 503, 2, []string{"overloaded"}},
		{"fastapi 422", openaitest.Reply{Status: 422, Body: `{"detail":"temperature must be positive"}`}, ErrRejected, 422, 1, []string{"temperature must be positive"}},
		{"html 502", openaitest.Reply{Status: 502, Body: "<html><body>502 Bad Gateway</body></html>", ContentType: "text/html"}, ErrUnavailable, 502, 2, []string{"HTML", "502 Bad Gateway"}},
		{"plain 404", openaitest.Reply{Status: 404, Body: "404 page not found", ContentType: "text/plain"}, ErrRejected, 404, 1, []string{"404 page not found", "BaseURL"}},
		{"quota 429", openaitest.Reply{Status: 429, Body: openaitest.OpenAIErrorBody("You exceeded your current quota", "insufficient_quota", "insufficient_quota")}, ErrRateLimited, 429, 1, []string{"quota"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t)
			// Queue the failure twice: a retried request must fail the same way.
			srv.QueueChat(tc.reply, tc.reply, openaitest.Reply{Text: "不應到達"})
			c, _ := testClient(t, srv.URL, nil)
			called := false
			full, err := c.Stream(context.Background(), user("q"), func(string) { called = true })
			e := wantKind(t, err, tc.kind)
			if e.StatusCode != tc.status {
				t.Errorf("StatusCode %d, want %d", e.StatusCode, tc.status)
			}
			mustContain(t, err.Error(), tc.msg...)
			if got := srv.Count(openaitest.ChatPath); got != tc.requests {
				t.Errorf("%d requests, want %d", got, tc.requests)
			}
			if full != "" || called {
				t.Errorf("text %q / onDelta called on error", full)
			}
			// Ollama's {"error":"..."} must not surface as go-openai's empty "message: , body:".
			if strings.Contains(err.Error(), "message: ,") {
				t.Errorf("unreadable error: %v", err)
			}
		})
	}
}

func TestStreamRetriesAfter429(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	srv.QueueChat(openaitest.RateLimit("0.3"), openaitest.Reply{Text: "第二次成功"})
	c, logs := testClient(t, srv.URL, func(cfg *Config) { cfg.FirstTokenTimeout = 2 * time.Second })
	start := time.Now()
	full, err := c.Stream(context.Background(), user("q"), nil)
	if err != nil || full != "第二次成功" {
		t.Fatalf("%q %v", full, err)
	}
	if el := time.Since(start); el < 300*time.Millisecond {
		t.Errorf("Retry-After 0.3s not honoured: retried after %v", el)
	}
	if n := srv.Count(openaitest.ChatPath); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
	mustContain(t, logs.String(), "retrying chat")
}

func TestStreamRetryAfterTooLongFailsFast(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	srv.QueueChat(openaitest.RateLimit("120"), openaitest.Reply{Text: "x"})
	c, _ := testClient(t, srv.URL, nil)
	start := time.Now()
	_, err := c.Stream(context.Background(), user("q"), nil)
	e := wantKind(t, err, ErrRateLimited)
	if e.RetryAfter != 120*time.Second || e.StatusCode != 429 {
		t.Errorf("RetryAfter %v status %d", e.RetryAfter, e.StatusCode)
	}
	if el := time.Since(start); el > 2*time.Second {
		t.Errorf("took %v", el)
	}
	if n := srv.Count(openaitest.ChatPath); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}

func TestStream500TwiceIsUnavailable(t *testing.T) {
	t.Parallel()
	for _, retries := range []int{1, 2} {
		t.Run(fmt.Sprint(retries), func(t *testing.T) {
			srv := newServer(t)
			for range 5 {
				srv.QueueChat(openaitest.ErrorReply(500, "internal"))
			}
			c, _ := testClient(t, srv.URL, func(cfg *Config) {
				cfg.MaxRetries = retries
				cfg.FirstTokenTimeout = 5 * time.Second
			})
			_, err := c.Stream(context.Background(), user("q"), nil)
			e := wantKind(t, err, ErrUnavailable)
			if e.Attempts != retries+1 || srv.Count(openaitest.ChatPath) != retries+1 {
				t.Errorf("Attempts %d, requests %d, want %d", e.Attempts, srv.Count(openaitest.ChatPath), retries+1)
			}
			mustContain(t, err.Error(), "HTTP 500", "internal", fmt.Sprintf("after %d attempts", retries+1))
		})
	}
	t.Run("no retries", func(t *testing.T) {
		srv := newServer(t)
		srv.QueueChat(openaitest.ErrorReply(500, "a"), openaitest.Reply{Text: "b"})
		c, _ := testClient(t, srv.URL, func(cfg *Config) { cfg.MaxRetries = -1 })
		_, err := c.Stream(context.Background(), user("q"), nil)
		wantKind(t, err, ErrUnavailable)
		if n := srv.Count(openaitest.ChatPath); n != 1 {
			t.Errorf("%d requests", n)
		}
	})
}

func TestStreamNoFirstTokenTimesOut(t *testing.T) {
	t.Parallel()
	cases := map[string]openaitest.Reply{
		"no headers":           {Hang: true},
		"headers then nothing": {Interrupt: openaitest.Stall, OmitRoleChunk: true},
		"role chunk only":      {Interrupt: openaitest.Stall},
		"slow headers":         {Delay: 3 * time.Second, Text: "太遲"},
	}
	for name, reply := range cases {
		t.Run(name, func(t *testing.T) {
			srv := newServer(t)
			srv.QueueChat(reply, reply)
			c, _ := testClient(t, srv.URL, func(cfg *Config) { cfg.FirstTokenTimeout, cfg.IdleTimeout = 400*time.Millisecond, 400*time.Millisecond })
			start := time.Now()
			_, err := c.Stream(context.Background(), user("q"), nil)
			el := time.Since(start)
			e := wantKind(t, err, ErrUnavailable)
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("timeout should match context.DeadlineExceeded: %v", err)
			}
			mustContain(t, e.Message, "no output within 400ms")
			if el < 350*time.Millisecond || el > 3*time.Second {
				t.Errorf("gave up after %v, want ≈400ms", el)
			}
			if n := srv.Count(openaitest.ChatPath); n != 1 {
				t.Errorf("%d requests: a timeout must not be retried", n)
			}
		})
	}
}

func TestStreamStallAfterTextKeepsPartial(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	srv.QueueChat(openaitest.Reply{Chunks: []string{"第一段", "第二段", "永遠不來"}, Interrupt: openaitest.Stall, InterruptAfter: 2})
	c, _ := testClient(t, srv.URL, func(cfg *Config) { cfg.FirstTokenTimeout, cfg.IdleTimeout = 400*time.Millisecond, 400*time.Millisecond })
	var got strings.Builder
	start := time.Now()
	full, err := c.Stream(context.Background(), user("q"), func(d string) { got.WriteString(d) })
	e := wantKind(t, err, ErrUnavailable)
	mustContain(t, e.Message, "stalled")
	if full != "第一段第二段" || got.String() != full {
		t.Errorf("partial %q, delivered %q", full, got.String())
	}
	if el := time.Since(start); el > 3*time.Second {
		t.Errorf("took %v", el)
	}
	if n := srv.Count(openaitest.ChatPath); n != 1 {
		t.Errorf("%d requests: no retry after text was delivered", n)
	}
}

func TestStreamSlowButSteadyIsNotIdle(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	// 16 chunks 100ms apart: 1.6s in all, longer than FirstTokenTimeout and IdleTimeout (1s),
	// but never silent that long.
	srv.QueueChat(openaitest.Reply{Text: "一二三四五六七八一二三四五六七八", ChunkRunes: 1, ChunkDelay: 100 * time.Millisecond})
	c, _ := testClient(t, srv.URL, func(cfg *Config) { cfg.FirstTokenTimeout, cfg.IdleTimeout = time.Second, time.Second })
	full, err := c.Stream(context.Background(), user("q"), nil)
	if err != nil || full != "一二三四五六七八一二三四五六七八" {
		t.Fatalf("%q %v", full, err)
	}
}

func TestStreamWholeCallTimeout(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	srv.QueueChat(openaitest.Reply{Text: strings.Repeat("字", 50), ChunkRunes: 1, ChunkDelay: 50 * time.Millisecond})
	c, _ := testClient(t, srv.URL, func(cfg *Config) { cfg.Timeout = time.Second })
	full, err := c.Stream(context.Background(), user("q"), nil)
	e := wantKind(t, err, ErrUnavailable)
	mustContain(t, e.Message, "no complete answer within 1s")
	if len([]rune(full)) >= 50 {
		t.Errorf("partial text %q", full)
	}
}

func TestStreamConnectionDropped(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	srv.QueueChat(openaitest.Reply{Chunks: []string{"半", "句"}, Interrupt: openaitest.Abort, InterruptAfter: 1})
	c, _ := testClient(t, srv.URL, nil)
	full, err := c.Stream(context.Background(), user("q"), func(string) {})
	// The cut is an unexpected EOF while reading the chunked body.
	wantKind(t, err, ErrUnavailable)
	if full != "半" {
		t.Errorf("partial %q", full)
	}
	if n := srv.Count(openaitest.ChatPath); n != 1 {
		t.Errorf("%d requests", n)
	}
}

func TestStreamDroppedBeforeTextIsRetried(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	srv.QueueChat(openaitest.Reply{Interrupt: openaitest.Abort}, openaitest.Reply{Text: "重試成功"})
	c, _ := testClient(t, srv.URL, func(cfg *Config) { cfg.FirstTokenTimeout = 2 * time.Second })
	full, err := c.Stream(context.Background(), user("q"), func(string) {})
	if err != nil || full != "重試成功" {
		t.Fatalf("%q %v", full, err)
	}
}

func TestStreamInStreamError(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	srv.QueueChat(openaitest.Reply{Chunks: []string{"開始"}, Interrupt: openaitest.StreamError, InterruptAfter: 1, Message: "model overloaded mid-stream"})
	c, _ := testClient(t, srv.URL, nil)
	full, err := c.Stream(context.Background(), user("q"), func(string) {})
	wantKind(t, err, ErrUnavailable)
	mustContain(t, err.Error(), "model overloaded mid-stream")
	if full != "開始" {
		t.Errorf("partial %q", full)
	}
}

func TestStreamBadResponses(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		reply openaitest.Reply
		msg   string
	}{
		"empty completion": {openaitest.Reply{Chunks: []string{}}, "empty completion"},
		"whitespace only":  {openaitest.Reply{Chunks: []string{" ", "\n"}}, "empty completion"},
		"only reasoning":   {openaitest.Reply{Chunks: []string{}, Reasoning: "想了很久"}, "only produced reasoning"},
		"unclosed think":   {openaitest.Reply{Chunks: []string{"<think>想了很久"}}, "only produced reasoning"},
		"plain text 200":   {openaitest.Garbage("hello, I am not an API"), "not an event stream"},
		"html 200":         {openaitest.Reply{Body: "<html><body>login</body></html>", ContentType: "text/html"}, "not an event stream"},
		"broken data json": {openaitest.Reply{Body: "data: {\"choices\":[{\"delta\":{\"content\":\"x\"\n\n", ContentType: "text/event-stream"}, "undecodable"},
		// go-openai reads a JSON error served with 200 only when the body ends with a newline.
		"json error on 200":                 {openaitest.Reply{Body: openaitest.OpenAIErrorBody("bad things", "server_error", "") + "\n"}, "bad things"},
		"json error on 200 without newline": {openaitest.Reply{Body: openaitest.OpenAIErrorBody("bad things", "server_error", "")}, "not an event stream"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			srv := newServer(t)
			srv.QueueChat(tc.reply, tc.reply)
			c, _ := testClient(t, srv.URL, nil)
			_, err := c.Stream(context.Background(), user("q"), nil)
			if name == "json error on 200" {
				wantKind(t, err, ErrUnavailable) // the server said it failed: a server error, not garbage
			} else {
				wantKind(t, err, ErrBadResponse)
			}
			mustContain(t, err.Error(), tc.msg)
		})
	}
}

func TestStreamToleratesSSENoise(t *testing.T) {
	t.Parallel()
	// Comment lines (OpenRouter-style keep-alives), "data:" without a space, CRLF line ends,
	// an event: line, and chunks with no choices or a second choice index.
	body := ": OPENROUTER PROCESSING\n\n" +
		"event: message\r\n" +
		`data:{"id":"1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant"}}]}` + "\r\n\r\n" +
		`data: {"id":"1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"社區"}},{"index":1,"delta":{"content":"別的"}}]}` + "\n\n" +
		": ping\n\n" +
		`data: {"id":"1","object":"chat.completion.chunk","choices":[]}` + "\n\n" +
		`data: {"id":"1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"書記"},"finish_reason":"stop"}]}` + "\n\n" +
		"data: [DONE]\n\n"
	srv := newServer(t)
	srv.QueueChat(openaitest.Reply{Body: body, ContentType: "text/event-stream"})
	c, _ := testClient(t, srv.URL, nil)
	full, err := c.Stream(context.Background(), user("q"), nil)
	if err != nil || full != "社區書記" {
		t.Fatalf("%q %v", full, err)
	}
}

func TestStreamOllamaShapedInStreamError(t *testing.T) {
	t.Parallel()
	// go-openai cannot decode {"error":"..."} inside a stream; it must still be an error of a
	// known kind, not a success or a hang.
	srv := newServer(t)
	body := "data: {\"error\":\"out of memory\"}\n\n"
	srv.QueueChat(openaitest.Reply{Body: body, ContentType: "text/event-stream"})
	c, _ := testClient(t, srv.URL, func(cfg *Config) { cfg.MaxRetries = -1 })
	_, err := c.Stream(context.Background(), user("q"), nil)
	wantKind(t, err, ErrBadResponse)
}

func TestStreamCallerCancel(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	srv.QueueChat(openaitest.Reply{Hang: true})
	c, _ := testClient(t, srv.URL, func(cfg *Config) { cfg.FirstTokenTimeout = 10 * time.Second })
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	_, err := c.Stream(ctx, user("q"), nil)
	if !errors.Is(err, context.Canceled) || errors.Is(err, ErrUnavailable) {
		t.Fatalf("want a plain cancellation, got %v", err)
	}
	if el := time.Since(start); el > 2*time.Second {
		t.Errorf("took %v", el)
	}
}

func TestStreamServerDown(t *testing.T) {
	t.Parallel()
	srv := openaitest.New()
	url := srv.URL
	srv.Close()
	c, _ := testClient(t, url, nil)
	start := time.Now()
	_, err := c.Stream(context.Background(), user("q"), nil)
	el := time.Since(start)
	e := wantKind(t, err, ErrUnavailable)
	if e.Attempts != 2 {
		t.Errorf("Attempts %d: a refused connection is retried once", e.Attempts)
	}
	if el > 2*time.Second {
		t.Errorf("fallback took %v", el)
	}
	mustContain(t, err.Error(), "refused")
}

func TestComplete(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	srv.SetChat(func(r openaitest.ChatRequest) openaitest.Reply {
		return openaitest.Reply{Text: "<think>hmm</think>回答：" + r.LastUser()}
	})
	c, _ := testClient(t, srv.URL, nil)
	got, err := c.Complete(context.Background(), user("你好"))
	if err != nil || got != "回答：你好" {
		t.Fatalf("%q %v", got, err)
	}
	if r := srv.ChatRequests()[0]; r.Stream || r.ResponseFormat != nil {
		t.Errorf("request %+v", r)
	}

	srv.QueueChat(openaitest.ErrorReply(503, "busy"), openaitest.Reply{Text: "後來好了"})
	if got, err := c.Complete(context.Background(), user("x")); err != nil || got != "後來好了" {
		t.Fatalf("retry: %q %v", got, err)
	}
	srv.QueueChat(openaitest.Reply{Chunks: []string{}})
	_, err = c.Complete(context.Background(), user("x"))
	wantKind(t, err, ErrBadResponse)
	srv.QueueChat(openaitest.Garbage("not json"))
	_, err = c.Complete(context.Background(), user("x"))
	wantKind(t, err, ErrBadResponse)
	srv.QueueChat(openaitest.Reply{Hang: true})
	c2, _ := testClient(t, srv.URL, func(cfg *Config) { cfg.Timeout = 300 * time.Millisecond })
	_, err = c2.Complete(context.Background(), user("x"))
	e := wantKind(t, err, ErrUnavailable)
	mustContain(t, e.Message, "no answer within 300ms")
}

func TestCompleteJSON(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	c, _ := testClient(t, srv.URL, nil)

	srv.QueueChat(openaitest.Reply{Text: "好的，題目如下：\n```json\n{\"question\":\"四單是哪四單？\",\"answer\":2}\n```\n"})
	got, err := c.CompleteJSON(context.Background(), user("出一道題，用 JSON"))
	if err != nil || got != `{"question":"四單是哪四單？","answer":2}` {
		t.Fatalf("%q %v", got, err)
	}
	if rf := srv.ChatRequests()[0].ResponseFormat; rf == nil || rf.Type != "json_object" {
		t.Errorf("response_format not sent: %+v", rf)
	}

	// A server that refuses response_format is asked again without it.
	srv.QueueChat(openaitest.ErrorReply(400, "response_format is not supported"), openaitest.Reply{Text: `[1,2]`})
	got, err = c.CompleteJSON(context.Background(), user("JSON"))
	if err != nil || got != "[1,2]" {
		t.Fatalf("%q %v", got, err)
	}
	reqs := srv.ChatRequests()
	if len(reqs) != 3 || reqs[2].ResponseFormat != nil {
		t.Errorf("second try should omit response_format: %+v", reqs[len(reqs)-1])
	}

	srv.QueueChat(openaitest.Reply{Text: "我不會出題"})
	_, err = c.CompleteJSON(context.Background(), user("JSON"))
	wantKind(t, err, ErrBadResponse)
}

func TestExtractJSON(t *testing.T) {
	t.Parallel()
	cases := []struct{ in, want string }{
		{`{"a":1}`, `{"a":1}`},
		{"```json\n{\"a\":[1,2]}\n```", `{"a":[1,2]}`},
		{"```\n[{\"q\":\"x\"}]\n```", `[{"q":"x"}]`},
		{"這是結果：{\"a\":\"}\"} 完", `{"a":"}"}`},
		{"<think>{\"draft\":1}</think>\n{\"final\":2}", `{"final":2}`},
		{"no json here", ""},
		{"{broken", ""},
	}
	for _, tc := range cases {
		got, ok := ExtractJSON(tc.in)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("ExtractJSON(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
}

func TestTemperature(t *testing.T) {
	t.Parallel()
	zero, warm := float32(0), float32(0.7)
	cases := []struct {
		temp *float32
		want func(*float64) bool
	}{
		{nil, func(v *float64) bool { return v == nil }},
		{&zero, func(v *float64) bool { return v != nil && *v >= 0 && *v < 1e-6 }},
		{&warm, func(v *float64) bool { return v != nil && *v > 0.69 && *v < 0.71 }},
	}
	for _, tc := range cases {
		srv := newServer(t)
		c, _ := testClient(t, srv.URL, func(cfg *Config) { cfg.Temperature = tc.temp })
		if _, err := c.Stream(context.Background(), user("q"), nil); err != nil {
			t.Fatal(err)
		}
		if got := srv.ChatRequests()[0].Temperature; !tc.want(got) {
			t.Errorf("temperature %v sent as %v", tc.temp, got)
		}
	}
}

func TestChatCallerErrors(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	c, _ := testClient(t, srv.URL, nil)
	if _, err := c.Stream(context.Background(), nil, nil); err == nil {
		t.Error("no messages accepted")
	}
	if _, err := c.Stream(context.Background(), []Message{{Role: "tool", Content: "x"}}, nil); err == nil {
		t.Error("bad role accepted")
	}
	embedOnly, _ := testClient(t, srv.URL, func(cfg *Config) { cfg.ChatModel = "" })
	if _, err := embedOnly.Stream(context.Background(), user("q"), nil); err == nil {
		t.Error("no chat model accepted")
	}
	if n := srv.Count(openaitest.ChatPath); n != 0 {
		t.Errorf("%d requests sent for invalid calls", n)
	}
	// Roles are normalised.
	if _, err := c.Stream(context.Background(), []Message{{Role: " User ", Content: "q"}}, nil); err != nil {
		t.Error(err)
	}
}

func TestAPIKeyHandling(t *testing.T) {
	t.Parallel()
	const key = "sk-test-0123456789abcdef"
	srv := newServer(t)
	srv.RequireAPIKey(key)

	good, _ := testClient(t, srv.URL, func(cfg *Config) { cfg.APIKey = key })
	if _, err := good.Stream(context.Background(), user("q"), nil); err != nil {
		t.Fatal(err)
	}
	if h := srv.Requests()[0].Header.Get("Authorization"); h != "Bearer "+key {
		t.Errorf("Authorization %q", h)
	}

	// No key: no Authorization header at all (Ollama and other local servers).
	none, _ := testClient(t, srv.URL, func(cfg *Config) { cfg.APIKey = "" })
	_, err := none.Stream(context.Background(), user("q"), nil)
	wantKind(t, err, ErrAuth)
	if h, ok := srv.Requests()[1].Header["Authorization"]; ok {
		t.Errorf("Authorization header sent without a key: %q", h)
	}

	// A wrong key that the server echoes back must not appear in errors or logs.
	const wrong = "sk-wrong-key-should-never-leak-42"
	bad, logs := testClient(t, srv.URL, func(cfg *Config) { cfg.APIKey = wrong })
	_, err = bad.Stream(context.Background(), user("q"), nil)
	wantKind(t, err, ErrAuth)
	mustContain(t, err.Error(), "Incorrect API key provided", "[redacted]")
	// Also through the retry log path and embeddings.
	srv.RequireAPIKey("")
	srv.QueueChat(openaitest.ErrorReply(500, "upstream said "+wrong), openaitest.ErrorReply(500, "again "+wrong))
	_, err2 := bad.Stream(context.Background(), user("q"), nil)
	srv.QueueEmbed(openaitest.ErrorReply(503, "echo "+wrong), openaitest.ErrorReply(503, "echo "+wrong))
	_, err3 := bad.Embed(context.Background(), []string{"x"})
	texts := []string{
		err.Error(), err2.Error(), err3.Error(), logs.String(),
		bad.String(), fmt.Sprint(bad), fmt.Sprintf("%+v", bad.Config()), fmt.Sprintf("%#v", bad.Config()),
	}
	var slogOut syncBuffer
	logger := slog.New(slog.NewJSONHandler(&slogOut, nil))
	logger.Info("cfg", "client", bad, "config", bad.Config())
	texts = append(texts, slogOut.String())
	for _, s := range texts {
		if strings.Contains(s, wrong) {
			t.Errorf("key leaked in %q", s)
		}
	}
	mustContain(t, logs.String(), "retrying") // the log path was exercised
	mustContain(t, slogOut.String(), "redacted")
}

// TestMeasureFallbackDefaults times how long a caller waits before it can fall back, with the
// default Config. It takes ~20s (the hang case), so it runs only with LLM_MEASURE=1.
func TestMeasureFallbackDefaults(t *testing.T) {
	t.Parallel()
	if os.Getenv("LLM_MEASURE") == "" {
		t.Skip("set LLM_MEASURE=1 to measure fallback times with the defaults")
	}
	down := openaitest.New()
	downURL := down.URL
	down.Close()
	hang := newServer(t)
	hang.SetChat(func(openaitest.ChatRequest) openaitest.Reply { return openaitest.Reply{Hang: true} })
	stall := newServer(t)
	stall.SetChat(func(openaitest.ChatRequest) openaitest.Reply {
		return openaitest.Reply{Interrupt: openaitest.Stall}
	})
	for _, tc := range []struct{ name, url string }{
		{"server down", downURL}, {"server hangs before headers", hang.URL}, {"stream stalls after role chunk", stall.URL},
	} {
		c, err := New(Config{BaseURL: tc.url, ChatModel: "m"})
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		_, err = c.Stream(context.Background(), user("q"), nil)
		t.Logf("%s: fallback after %v: %v", tc.name, time.Since(start).Round(time.Millisecond), err)
		if !errors.Is(err, ErrUnavailable) {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
}
