package llm

import (
	"context"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"bangyang/llm/openaitest"
)

// Chat requests carry max_tokens (1024 unless configured), and a server
// that streams far more (one that ignores the limit, a model in a loop) is
// cut by the client at the cap and the connection dropped: the caller gets
// a bounded answer fast instead of megabytes.
func TestStreamIsCappedAndAsksForMaxTokens(t *testing.T) {
	t.Parallel()
	srv := openaitest.New()
	defer srv.Close()
	huge := strings.Repeat("社区书记带领居民议事，", 120000) // 3.6 MB
	srv.SetChat(func(openaitest.ChatRequest) openaitest.Reply {
		return openaitest.Reply{Text: huge, ChunkRunes: 40}
	})
	c, logs := testClient(t, srv.URL, nil)
	var got, calls int
	start := time.Now()
	text, err := c.Stream(context.Background(), []Message{{Role: "user", Content: "讲讲"}}, func(d string) {
		got += len(d)
		calls++
	})
	took := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	limit := DefaultMaxTokens * capBytesPerToken
	if len(text) > limit || len(text) < limit-64 || got != len(text) || !utf8.ValidString(text) || !strings.HasPrefix(huge, text) {
		t.Fatalf("answer of %d bytes (%d delivered), want a valid prefix of just under %d", len(text), got, limit)
	}
	if !strings.Contains(logs.String(), "length cap") {
		t.Errorf("the cut is not logged:\n%s", logs.String())
	}
	reqs := srv.ChatRequests()
	if len(reqs) != 1 || reqs[0].MaxTokens != DefaultMaxTokens {
		t.Fatalf("requests %+v: want one with max_tokens %d", reqs, DefaultMaxTokens)
	}
	t.Logf("a %.1f MB stream: cut at %d bytes (%d deltas) in %v", float64(len(huge))/1e6, len(text), calls, took)

	c2, _ := testClient(t, srv.URL, func(cfg *Config) { cfg.MaxTokens = 50 })
	text, err = c2.Stream(context.Background(), []Message{{Role: "user", Content: "讲讲"}}, nil)
	if err != nil || len(text) > 50*capBytesPerToken {
		t.Fatalf("MaxTokens 50: %d bytes, %v", len(text), err)
	}
	if r := srv.ChatRequests(); r[len(r)-1].MaxTokens != 50 {
		t.Fatalf("max_tokens sent %d, want 50", r[len(r)-1].MaxTokens)
	}
}

// A server that refuses max_tokens (OpenAI's newer models want
// max_completion_tokens) is asked again with the other name, then with
// neither: the limit never costs an answer.
func TestRejectedMaxTokensIsAskedAgain(t *testing.T) {
	t.Parallel()
	for _, refuse := range []string{"max_tokens", "both"} {
		srv := openaitest.New()
		srv.SetChat(func(r openaitest.ChatRequest) openaitest.Reply {
			if r.MaxTokens > 0 {
				return openaitest.ErrorReply(400, "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.")
			}
			if r.MaxCompletionTokens > 0 && refuse == "both" {
				return openaitest.ErrorReply(400, "Unrecognized request argument supplied: max_completion_tokens")
			}
			return openaitest.Reply{Text: "民主议单[1]。"}
		})
		c, _ := testClient(t, srv.URL, nil)
		text, err := c.Stream(context.Background(), []Message{{Role: "user", Content: "四单"}}, nil)
		if err != nil || text != "民主议单[1]。" {
			t.Fatalf("%s refused: %q %v", refuse, text, err)
		}
		if _, err := c.Complete(context.Background(), []Message{{Role: "user", Content: "四单"}}); err != nil {
			t.Fatalf("%s refused, Complete: %v", refuse, err)
		}
		want := map[string]int{"max_tokens": 4, "both": 6}[refuse]
		if n := len(srv.ChatRequests()); n != want {
			t.Errorf("%s refused: %d requests, want %d", refuse, n, want)
		}
		srv.Close()
	}
}

// A long reasoning block is scanned once: the filter keeps only the few
// bytes that could start "</think>", not the whole block.
func TestThinkFilterKeepsOnlyATail(t *testing.T) {
	t.Parallel()
	var f thinkFilter
	out := f.push("<think>")
	for range 100000 {
		out += f.push("想一想，再想一想。")
		if f.buf.Len() >= len(thinkClose) {
			t.Fatalf("the filter holds %d bytes of reasoning", f.buf.Len())
		}
	}
	out += f.push("</thi") + f.push("nk>\n答案[1]。") + f.flush()
	if out != "答案[1]。" {
		t.Fatalf("got %q", out)
	}
}
