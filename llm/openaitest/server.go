// Package openaitest is a loopback fake of an OpenAI-compatible server (chat completions, streaming
// and not, and embeddings) for tests. It speaks the real wire format — server-sent events with a
// role-only first chunk, content deltas, a finish_reason chunk, an optional usage-only chunk with
// empty choices and "data: [DONE]" — and can be scripted to fail the ways real servers fail:
// error bodies in OpenAI's and Ollama's shapes, 429 with Retry-After, garbage, slow or hanging
// streams, dropped connections. It records every request so tests can assert what was sent.
//
// Typical use:
//
//	srv := openaitest.New()
//	defer srv.Close()
//	srv.SetChatReply("答案[1]")
//	srv.QueueChat(openaitest.RateLimit("1"))   // the first request gets a 429
//	cfg := llm.Config{BaseURL: srv.URL, ChatModel: "m", EmbedModel: "e"}
package openaitest

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"mime"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Paths served. The base URL (Server.URL) ends in /v1, as clients expect.
const (
	ChatPath  = "/v1/chat/completions"
	EmbedPath = "/v1/embeddings"
)

// Interrupt is how a streamed reply stops early.
type Interrupt int

const (
	// NoInterrupt: the stream completes normally.
	NoInterrupt Interrupt = iota
	// Stall stops sending and keeps the connection open until the client leaves.
	Stall
	// Abort drops the connection without a finish chunk or [DONE].
	Abort
	// StreamError sends an in-stream `data: {"error":{...}}` event (Reply.Message) and ends.
	StreamError
)

// Reply scripts one response. The zero Reply is a normal success using the server's defaults.
type Reply struct {
	// Delay before anything is sent, headers included.
	Delay time.Duration
	// Hang never answers: the handler waits until the client goes away or the server closes.
	Hang bool

	// Status other than 0/200 makes this an error reply. Its body is Body if set, else an
	// OpenAI-shaped error carrying Message.
	Status int
	// Message is the error message of an error reply or of a StreamError interrupt.
	Message string
	// Header adds response headers (e.g. "Retry-After").
	Header map[string]string
	// Body, when set, is served verbatim as the whole response (with Status, default 200).
	Body string
	// ContentType of Body; default "application/json".
	ContentType string

	// Chat. Text is the completion; when empty, the server default applies (SetChat, SetChatReply,
	// else "echo: <last user message>"). Chunks, when non-nil, are the exact content deltas and
	// override Text; an empty non-nil Chunks gives an empty completion.
	Text   string
	Chunks []string
	// ChunkRunes is the size, in runes, of the deltas Text is split into; default 3.
	ChunkRunes int
	// ChunkDelay is the pause before each content delta.
	ChunkDelay time.Duration
	// Reasoning is streamed as reasoning_content deltas before the content (DeepSeek-style).
	Reasoning string
	// FinishReason of the last chunk; default "stop".
	FinishReason string
	// Usage forces a usage-only chunk (empty choices) even if the request did not ask for one.
	Usage bool
	// OmitRoleChunk skips the first role-only chunk; OmitDone skips "data: [DONE]".
	OmitRoleChunk bool
	OmitDone      bool
	// Interrupt stops the stream after InterruptAfter content deltas.
	Interrupt      Interrupt
	InterruptAfter int

	// Embeddings. Vectors, when non-nil, replace the fake embeddings verbatim (so the count or
	// dimensions can be wrong). Reverse lists the data in reverse index order, which the API allows.
	Vectors [][]float32
	Reverse bool
}

// ErrorReply is an error response with an OpenAI-shaped body.
func ErrorReply(status int, message string) Reply {
	return Reply{Status: status, Message: message}
}

// OllamaError is an error response with an Ollama-shaped body: {"error":"message"}.
func OllamaError(status int, message string) Reply {
	return Reply{Status: status, Body: OllamaErrorBody(message)}
}

// RateLimit is a 429 with a Retry-After header (seconds or an HTTP date; "" for none).
func RateLimit(retryAfter string) Reply {
	r := Reply{Status: http.StatusTooManyRequests, Body: OpenAIErrorBody(
		"Rate limit reached for requests", "requests", "rate_limit_exceeded")}
	if retryAfter != "" {
		r.Header = map[string]string{"Retry-After": retryAfter}
	}
	return r
}

// Garbage is a 200 response whose body is the given text.
func Garbage(body string) Reply {
	return Reply{Body: body, ContentType: "text/plain; charset=utf-8"}
}

// Request is one recorded request.
type Request struct {
	Method string
	Path   string
	Header http.Header
	Body   []byte
	Chat   *ChatRequest  // decoded body of a chat request, nil if undecodable
	Embed  *EmbedRequest // decoded body of an embeddings request, nil if undecodable
}

// Server is the fake. Its methods are safe for concurrent use.
type Server struct {
	// URL is the base URL to give a client: "http://127.0.0.1:port/v1".
	URL string

	ts      *httptest.Server
	closing chan struct{}
	once    sync.Once

	mu         sync.Mutex
	requests   []Request
	chatQueue  []Reply
	embedQueue []Reply
	chatFunc   func(ChatRequest) Reply
	embedDims  int
	apiKey     string
	seq        int
}

// New starts a fake server on a loopback port. Close it when done.
func New() *Server {
	s := &Server{closing: make(chan struct{}), embedDims: 32}
	s.ts = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.ts.URL + "/v1"
	return s
}

// Close releases hanging handlers and stops the server.
func (s *Server) Close() {
	s.once.Do(func() { close(s.closing) })
	s.ts.Close()
}

// SetChat sets the default chat behaviour, used when no queued reply is left. The func sees the
// decoded request, so a test can answer according to the prompt.
func (s *Server) SetChat(f func(ChatRequest) Reply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.chatFunc = f
}

// SetChatReply makes every unqueued chat request answer text.
func (s *Server) SetChatReply(text string) {
	s.SetChat(func(ChatRequest) Reply { return Reply{Text: text} })
}

// QueueChat queues one-shot replies, consumed in order by the next chat requests.
func (s *Server) QueueChat(rs ...Reply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.chatQueue = append(s.chatQueue, rs...)
}

// QueueEmbed queues one-shot replies, consumed in order by the next embeddings requests.
func (s *Server) QueueEmbed(rs ...Reply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.embedQueue = append(s.embedQueue, rs...)
}

// SetEmbedDims sets the size of fake embeddings when the request has no "dimensions" (default 32).
func (s *Server) SetEmbedDims(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.embedDims = n
}

// RequireAPIKey makes the server answer 401 unless "Authorization: Bearer <key>" is sent. Like
// some real servers, the 401 message echoes the key it got, so tests can check it is redacted.
func (s *Server) RequireAPIKey(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.apiKey = key
}

// Requests returns a copy of all requests received so far, in arrival order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// ChatRequests returns the decoded chat requests received so far.
func (s *Server) ChatRequests() []ChatRequest {
	var out []ChatRequest
	for _, r := range s.Requests() {
		if r.Chat != nil {
			out = append(out, *r.Chat)
		}
	}
	return out
}

// EmbedRequests returns the decoded embeddings requests received so far.
func (s *Server) EmbedRequests() []EmbedRequest {
	var out []EmbedRequest
	for _, r := range s.Requests() {
		if r.Embed != nil {
			out = append(out, *r.Embed)
		}
	}
	return out
}

// Count returns how many requests hit path (e.g. ChatPath).
func (s *Server) Count(path string) int {
	n := 0
	for _, r := range s.Requests() {
		if r.Path == path {
			n++
		}
	}
	return n
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	rec := Request{Method: r.Method, Path: r.URL.Path, Header: r.Header.Clone(), Body: body}
	if err != nil {
		s.record(rec)
		writeError(w, http.StatusBadRequest, "cannot read body: "+err.Error(), "invalid_request_error")
		return
	}
	switch r.URL.Path {
	case ChatPath:
		var cr ChatRequest
		if json.Unmarshal(body, &cr) == nil {
			rec.Chat = &cr
		}
	case EmbedPath:
		var er EmbedRequest
		if json.Unmarshal(body, &er) == nil {
			rec.Embed = &er
		}
	}
	s.record(rec)

	if r.URL.Path != ChatPath && r.URL.Path != EmbedPath {
		writeError(w, http.StatusNotFound, "Invalid URL ("+r.Method+" "+r.URL.Path+")", "invalid_request_error")
		return
	}
	if r.Method != http.MethodPost {
		writeError(w, http.StatusMethodNotAllowed, "method "+r.Method+" not allowed", "invalid_request_error")
		return
	}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		writeError(w, http.StatusBadRequest, "Content-Type must be application/json", "invalid_request_error")
		return
	}
	s.mu.Lock()
	key := s.apiKey
	s.mu.Unlock()
	if key != "" && r.Header.Get("Authorization") != "Bearer "+key {
		got := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		writeError(w, http.StatusUnauthorized, "Incorrect API key provided: "+got, "invalid_request_error")
		return
	}

	if r.URL.Path == ChatPath {
		s.serveChat(w, r, rec.Chat, body)
	} else {
		s.serveEmbed(w, r, rec.Embed, body)
	}
}

func (s *Server) record(r Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, r)
}

func (s *Server) nextChat(req ChatRequest) Reply {
	s.mu.Lock()
	var rep Reply
	queued := len(s.chatQueue) > 0
	if queued {
		rep = s.chatQueue[0]
		s.chatQueue = s.chatQueue[1:]
	}
	f := s.chatFunc
	s.mu.Unlock()
	if !queued && f != nil {
		rep = f(req)
	}
	if rep.Text == "" && rep.Chunks == nil && rep.Status == 0 && rep.Body == "" {
		if queued && f != nil {
			rep.Text = f(req).Text
		}
		if rep.Text == "" {
			rep.Text = "echo: " + req.LastUser()
		}
	}
	return rep
}

func (s *Server) nextEmbed() Reply {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.embedQueue) == 0 {
		return Reply{}
	}
	rep := s.embedQueue[0]
	s.embedQueue = s.embedQueue[1:]
	return rep
}

// preamble applies the parts of a reply common to all endpoints. It reports whether the reply
// has been fully handled (error, verbatim body, hang or client gone).
func (s *Server) preamble(w http.ResponseWriter, r *http.Request, rep Reply) bool {
	if rep.Delay > 0 && !s.sleep(r, rep.Delay) {
		return true
	}
	if rep.Hang {
		s.wait(r)
		return true
	}
	for k, v := range rep.Header {
		w.Header().Set(k, v)
	}
	status := rep.Status
	if status == 0 {
		status = http.StatusOK
	}
	if rep.Body != "" {
		ct := rep.ContentType
		if ct == "" {
			ct = "application/json"
		}
		w.Header().Set("Content-Type", ct)
		w.WriteHeader(status)
		_, _ = io.WriteString(w, rep.Body)
		return true
	}
	if status != http.StatusOK {
		msg := rep.Message
		if msg == "" {
			msg = http.StatusText(status)
		}
		writeError(w, status, msg, errorType(status))
		return true
	}
	return false
}

func (s *Server) serveChat(w http.ResponseWriter, r *http.Request, req *ChatRequest, body []byte) {
	if req == nil {
		var probe ChatRequest
		err := json.Unmarshal(body, &probe)
		writeError(w, http.StatusBadRequest, fmt.Sprintf("invalid JSON body: %v", err), "invalid_request_error")
		return
	}
	if msg := validateChat(*req); msg != "" {
		writeError(w, http.StatusBadRequest, msg, "invalid_request_error")
		return
	}
	rep := s.nextChat(*req)
	if s.preamble(w, r, rep) {
		return
	}
	chunks := rep.Chunks
	if chunks == nil {
		chunks = splitRunes(rep.Text, rep.ChunkRunes)
	}
	finish := rep.FinishReason
	if finish == "" {
		finish = "stop"
	}
	s.mu.Lock()
	s.seq++
	id := fmt.Sprintf("chatcmpl-fake-%d", s.seq)
	s.mu.Unlock()
	u := usage{PromptTokens: promptTokens(*req), CompletionTokens: utf8.RuneCountInString(strings.Join(chunks, ""))}
	u.TotalTokens = u.PromptTokens + u.CompletionTokens

	if !req.Stream {
		if rep.ChunkDelay > 0 && !s.sleep(r, rep.ChunkDelay*time.Duration(len(chunks))) {
			return
		}
		c := completion{
			ID: id, Object: "chat.completion", Created: time.Now().Unix(), Model: req.Model,
			SystemFingerprint: "fp_fake",
			Choices: []completionChoice{{Message: completionMessage{
				Role: "assistant", Content: strings.Join(chunks, ""), ReasoningContent: rep.Reasoning,
			}, FinishReason: finish}},
			Usage: u,
		}
		writeJSON(w, http.StatusOK, c)
		return
	}

	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	rc := http.NewResponseController(w)
	_ = rc.Flush()
	wantUsage := rep.Usage || (req.StreamOptions != nil && req.StreamOptions.IncludeUsage)
	chunk := func(d delta, finish *string) streamChunk {
		return streamChunk{
			ID: id, Object: "chat.completion.chunk", Created: time.Now().Unix(), Model: req.Model,
			SystemFingerprint: "fp_fake",
			Choices:           []streamChoice{{Delta: d, FinishReason: finish}},
		}
	}
	send := func(v any) bool {
		b, _ := json.Marshal(v)
		if _, err := fmt.Fprintf(w, "data: %s\n\n", b); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	if !rep.OmitRoleChunk {
		empty := ""
		if !send(chunk(delta{Role: "assistant", Content: &empty}, nil)) {
			return
		}
	}
	for _, rs := range splitRunes(rep.Reasoning, rep.ChunkRunes) {
		if !send(chunk(delta{ReasoningContent: rs}, nil)) {
			return
		}
	}
	for i := 0; ; i++ {
		if rep.Interrupt != NoInterrupt && i == rep.InterruptAfter {
			switch rep.Interrupt {
			case Stall:
				s.wait(r)
			case Abort:
				panic(http.ErrAbortHandler) // net/http closes the connection without logging
			case StreamError:
				msg := rep.Message
				if msg == "" {
					msg = "The server had an error while processing your request."
				}
				_, _ = fmt.Fprintf(w, "data: %s\n\n", OpenAIErrorBody(msg, "server_error", ""))
				_ = rc.Flush()
			}
			return
		}
		if i == len(chunks) {
			break
		}
		if rep.ChunkDelay > 0 && !s.sleep(r, rep.ChunkDelay) {
			return
		}
		c := chunks[i]
		if !send(chunk(delta{Content: &c}, nil)) {
			return
		}
	}
	if !send(chunk(delta{}, &finish)) {
		return
	}
	if wantUsage {
		if !send(streamChunk{ID: id, Object: "chat.completion.chunk", Created: time.Now().Unix(),
			Model: req.Model, SystemFingerprint: "fp_fake", Choices: []streamChoice{}, Usage: &u}) {
			return
		}
	}
	if !rep.OmitDone {
		_, _ = io.WriteString(w, "data: [DONE]\n\n")
		_ = rc.Flush()
	}
}

func validateChat(req ChatRequest) string {
	if req.Model == "" {
		return "you must provide a model parameter"
	}
	if len(req.Messages) == 0 {
		return "'messages' must contain at least one message"
	}
	for i, m := range req.Messages {
		switch m.Role {
		case "system", "user", "assistant", "developer", "tool":
		default:
			return fmt.Sprintf("Invalid value for 'messages[%d].role': %q", i, m.Role)
		}
	}
	if t := req.Temperature; t != nil && (*t < 0 || *t > 2) {
		return fmt.Sprintf("temperature %v is out of range [0, 2]", *t)
	}
	return ""
}

func (s *Server) serveEmbed(w http.ResponseWriter, r *http.Request, req *EmbedRequest, body []byte) {
	if req == nil {
		var probe EmbedRequest
		err := json.Unmarshal(body, &probe)
		writeError(w, http.StatusBadRequest, fmt.Sprintf("invalid JSON body: %v", err), "invalid_request_error")
		return
	}
	if req.Model == "" {
		writeError(w, http.StatusBadRequest, "you must provide a model parameter", "invalid_request_error")
		return
	}
	if len(req.Input) == 0 {
		writeError(w, http.StatusBadRequest, "'$.input' is invalid: empty list", "invalid_request_error")
		return
	}
	for i, in := range req.Input {
		if in == "" {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("'$.input[%d]' is invalid: empty string", i), "invalid_request_error")
			return
		}
	}
	rep := s.nextEmbed()
	if s.preamble(w, r, rep) {
		return
	}
	dims := req.Dimensions
	if dims <= 0 {
		s.mu.Lock()
		dims = s.embedDims
		s.mu.Unlock()
	}
	vecs := rep.Vectors
	if vecs == nil {
		vecs = make([][]float32, len(req.Input))
		for i, in := range req.Input {
			vecs[i] = FakeEmbedding(in, dims)
		}
	}
	out := embeddingList{Object: "list", Model: req.Model, Data: make([]embeddingItem, 0, len(vecs))}
	tokens := 0
	for _, in := range req.Input {
		tokens += utf8.RuneCountInString(in)
	}
	out.Usage.PromptTokens, out.Usage.TotalTokens = tokens, tokens
	for i, v := range vecs {
		out.Data = append(out.Data, embeddingItem{Object: "embedding", Index: i, Embedding: v})
	}
	if rep.Reverse {
		for i, j := 0, len(out.Data)-1; i < j; i, j = i+1, j-1 {
			out.Data[i], out.Data[j] = out.Data[j], out.Data[i]
		}
	}
	if req.EncodingFormat == "base64" {
		writeJSON(w, http.StatusOK, base64List(out))
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// base64List re-encodes vectors as base64 little-endian float32, the API's "base64" format.
func base64List(l embeddingList) any {
	type item struct {
		Object    string `json:"object"`
		Index     int    `json:"index"`
		Embedding string `json:"embedding"`
	}
	items := make([]item, len(l.Data))
	for i, d := range l.Data {
		var buf bytes.Buffer
		for _, f := range d.Embedding {
			_ = binary.Write(&buf, binary.LittleEndian, math.Float32bits(f))
		}
		items[i] = item{Object: d.Object, Index: d.Index, Embedding: base64.StdEncoding.EncodeToString(buf.Bytes())}
	}
	return map[string]any{"object": l.Object, "data": items, "model": l.Model, "usage": l.Usage}
}

// sleep waits d; false if the client left or the server is closing first.
func (s *Server) sleep(r *http.Request, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
		return false
	case <-s.closing:
		return false
	}
}

func (s *Server) wait(r *http.Request) {
	select {
	case <-r.Context().Done():
	case <-s.closing:
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

func writeError(w http.ResponseWriter, status int, message, typ string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, OpenAIErrorBody(message, typ, ""))
}

func errorType(status int) string {
	switch {
	case status == http.StatusTooManyRequests:
		return "requests"
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		return "invalid_request_error"
	case status >= 500:
		return "server_error"
	default:
		return "invalid_request_error"
	}
}

// splitRunes cuts s into pieces of n runes (default 3), never inside a UTF-8 sequence.
func splitRunes(s string, n int) []string {
	if n <= 0 {
		n = 3
	}
	var out []string
	for len(s) > 0 {
		i, count := 0, 0
		for i < len(s) && count < n {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			count++
		}
		out = append(out, s[:i])
		s = s[i:]
	}
	return out
}

func promptTokens(req ChatRequest) int {
	n := 0
	for _, m := range req.Messages {
		n += utf8.RuneCountInString(m.Content)
	}
	return n
}
