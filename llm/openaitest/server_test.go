package openaitest

import (
	"bufio"
	"encoding/json"
	"io"
	"math"
	"net/http"
	"strings"
	"testing"
	"time"
)

func post(t *testing.T, url, body string, header map[string]string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

// sseEvents reads "data: ..." payloads until EOF.
func sseEvents(t *testing.T, r io.Reader) []string {
	t.Helper()
	var out []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			continue
		}
		if !strings.HasPrefix(line, "data: ") {
			t.Fatalf("non-data SSE line %q", line)
		}
		out = append(out, strings.TrimPrefix(line, "data: "))
	}
	return out
}

func TestStreamWireFormat(t *testing.T) {
	s := New()
	defer s.Close()
	s.QueueChat(Reply{Text: "社區書記工作法", ChunkRunes: 2, Usage: true})
	resp := post(t, s.URL+"/chat/completions",
		`{"model":"m","stream":true,"messages":[{"role":"system","content":"sys"},{"role":"user","content":"問題"}]}`, nil)
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type %q", ct)
	}
	events := sseEvents(t, resp.Body)
	// role chunk + 4 content chunks (7 runes by 2) + finish chunk + usage chunk + [DONE]
	if len(events) != 8 {
		t.Fatalf("got %d events: %q", len(events), events)
	}
	if events[len(events)-1] != "[DONE]" {
		t.Fatalf("last event %q, want [DONE]", events[len(events)-1])
	}
	type chunk struct {
		Object  string `json:"object"`
		Model   string `json:"model"`
		Choices []struct {
			Delta struct {
				Role    string  `json:"role"`
				Content *string `json:"content"`
			} `json:"delta"`
			FinishReason *string `json:"finish_reason"`
		} `json:"choices"`
		Usage *struct {
			TotalTokens int `json:"total_tokens"`
		} `json:"usage"`
	}
	var cs []chunk
	for _, e := range events[:len(events)-1] {
		var c chunk
		if err := json.Unmarshal([]byte(e), &c); err != nil {
			t.Fatalf("event %q: %v", e, err)
		}
		if c.Object != "chat.completion.chunk" || c.Model != "m" {
			t.Fatalf("bad chunk header %+v", c)
		}
		cs = append(cs, c)
	}
	if cs[0].Choices[0].Delta.Role != "assistant" {
		t.Errorf("first chunk is not role-only: %q", events[0])
	}
	var text strings.Builder
	for _, c := range cs[1:5] {
		text.WriteString(*c.Choices[0].Delta.Content)
		if c.Choices[0].FinishReason != nil {
			t.Errorf("content chunk has finish_reason")
		}
	}
	if text.String() != "社區書記工作法" {
		t.Errorf("content %q", text.String())
	}
	if f := cs[5].Choices[0].FinishReason; f == nil || *f != "stop" {
		t.Errorf("finish chunk %q", events[5])
	}
	if len(cs[6].Choices) != 0 || cs[6].Usage == nil || cs[6].Usage.TotalTokens == 0 {
		t.Errorf("usage chunk %q", events[6])
	}
	got := s.ChatRequests()
	if len(got) != 1 || got[0].LastUser() != "問題" || got[0].System() != "sys" || !got[0].Stream {
		t.Errorf("captured %+v", got)
	}
}

func TestNonStreamAndDefaults(t *testing.T) {
	s := New()
	defer s.Close()
	resp := post(t, s.URL+"/chat/completions", `{"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}]}`, nil)
	var c struct {
		Object  string `json:"object"`
		Choices []struct {
			Message struct {
				Role, Content string
			} `json:"message"`
			FinishReason string `json:"finish_reason"`
		} `json:"choices"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&c); err != nil {
		t.Fatal(err)
	}
	if c.Object != "chat.completion" || len(c.Choices) != 1 || c.Choices[0].Message.Content != "echo: hi" || c.Choices[0].FinishReason != "stop" {
		t.Errorf("got %+v", c)
	}
}

func TestErrorShapesAndAuth(t *testing.T) {
	s := New()
	defer s.Close()
	s.QueueChat(OllamaError(404, `model "x" not found`), RateLimit("7"), ErrorReply(500, "boom"))
	body := `{"model":"m","messages":[{"role":"user","content":"q"}]}`

	r := post(t, s.URL+"/chat/completions", body, nil)
	b, _ := io.ReadAll(r.Body)
	if r.StatusCode != 404 || string(b) != `{"error":"model \"x\" not found"}` {
		t.Errorf("ollama error: %d %s", r.StatusCode, b)
	}
	r = post(t, s.URL+"/chat/completions", body, nil)
	if r.StatusCode != 429 || r.Header.Get("Retry-After") != "7" {
		t.Errorf("rate limit: %d %v", r.StatusCode, r.Header)
	}
	r = post(t, s.URL+"/chat/completions", body, nil)
	var e struct {
		Error struct{ Message, Type string } `json:"error"`
	}
	_ = json.NewDecoder(r.Body).Decode(&e)
	if r.StatusCode != 500 || e.Error.Message != "boom" || e.Error.Type != "server_error" {
		t.Errorf("openai error: %d %+v", r.StatusCode, e)
	}
	// Strictness: unknown path, bad role, missing model.
	if r := post(t, s.URL+"/completions", body, nil); r.StatusCode != 404 {
		t.Errorf("unknown path: %d", r.StatusCode)
	}
	if r := post(t, s.URL+"/chat/completions", `{"model":"m","messages":[{"role":"bot","content":"q"}]}`, nil); r.StatusCode != 400 {
		t.Errorf("bad role: %d", r.StatusCode)
	}
	if r := post(t, s.URL+"/chat/completions", `{"messages":[{"role":"user","content":"q"}]}`, nil); r.StatusCode != 400 {
		t.Errorf("missing model: %d", r.StatusCode)
	}

	s.RequireAPIKey("sk-secret-123456")
	if r := post(t, s.URL+"/chat/completions", body, map[string]string{"Authorization": "Bearer wrong"}); r.StatusCode != 401 {
		t.Errorf("wrong key: %d", r.StatusCode)
	}
	if r := post(t, s.URL+"/chat/completions", body, map[string]string{"Authorization": "Bearer sk-secret-123456"}); r.StatusCode != 200 {
		t.Errorf("right key: %d", r.StatusCode)
	}
	if n := s.Count(ChatPath); n != 7 { // the /v1/completions request is not counted
		t.Errorf("Count = %d, want 7", n)
	}
}

func TestHangReleasedByClose(t *testing.T) {
	s := New()
	s.QueueChat(Reply{Hang: true})
	done := make(chan struct{})
	go func() {
		defer close(done)
		resp, err := http.Post(s.URL+"/chat/completions", "application/json",
			strings.NewReader(`{"model":"m","messages":[{"role":"user","content":"q"}]}`))
		if err == nil {
			resp.Body.Close()
		}
	}()
	for s.Count(ChatPath) == 0 {
		time.Sleep(5 * time.Millisecond)
	}
	closed := make(chan struct{})
	go func() { s.Close(); close(closed) }()
	select {
	case <-closed:
	case <-time.After(5 * time.Second):
		t.Fatal("Close blocked on a hanging handler")
	}
	<-done
}

func TestEmbeddingsWire(t *testing.T) {
	s := New()
	defer s.Close()
	s.QueueEmbed(Reply{Reverse: true})
	resp := post(t, s.URL+"/embeddings", `{"model":"e","input":["網格化管理","网格化管理","天气"],"dimensions":16}`, nil)
	var l struct {
		Object string `json:"object"`
		Model  string `json:"model"`
		Data   []struct {
			Object    string    `json:"object"`
			Index     int       `json:"index"`
			Embedding []float32 `json:"embedding"`
		} `json:"data"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&l); err != nil {
		t.Fatal(err)
	}
	if l.Object != "list" || l.Model != "e" || len(l.Data) != 3 || l.Data[0].Index != 2 || l.Data[0].Object != "embedding" {
		t.Fatalf("got %+v", l)
	}
	for _, d := range l.Data {
		if len(d.Embedding) != 16 {
			t.Fatalf("dims %d", len(d.Embedding))
		}
	}
	if r := post(t, s.URL+"/embeddings", `{"model":"e","input":["a",""]}`, nil); r.StatusCode != 400 {
		t.Errorf("empty input string: %d", r.StatusCode)
	}
	if got := s.EmbedRequests(); len(got) != 2 || got[0].Dimensions != 16 || got[0].Input[1] != "网格化管理" {
		t.Errorf("captured %+v", got)
	}
}

func cos(a, b []float32) float64 {
	var ab, aa, bb float64
	for i := range a {
		ab += float64(a[i] * b[i])
		aa += float64(a[i] * a[i])
		bb += float64(b[i] * b[i])
	}
	return ab / math.Sqrt(aa*bb)
}

func TestFakeEmbedding(t *testing.T) {
	a := FakeEmbedding("网格化管理服务", 64)
	if cos(a, FakeEmbedding("网格化管理服务", 64)) < 0.9999 {
		t.Fatal("not deterministic")
	}
	near := cos(a, FakeEmbedding("网格化管理", 64))
	far := cos(a, FakeEmbedding("今天天气很好", 64))
	if near <= far || near < 0.5 {
		t.Errorf("near %.3f far %.3f", near, far)
	}
	for _, x := range FakeEmbedding("，。！", 8) {
		if x != 0 {
			t.Fatal("punctuation-only text should embed to zero")
		}
	}
}
