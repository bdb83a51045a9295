package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"mime"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	openai "github.com/sashabaranov/go-openai"
)

// Stream asks for a chat completion and calls onDelta (if not nil) with each new piece of text
// as it arrives, from the calling goroutine. It returns the whole text.
//
// Timing (Config): the call gives up as ErrUnavailable when no text has come FirstTokenTimeout
// after it started (retries included), when the stream is silent IdleTimeout between chunks,
// and when the whole call exceeds Timeout. A 429, 5xx or connection failure is retried
// (MaxRetries) only while nothing has reached onDelta, so the caller never sees text twice.
// On an error after some text was delivered, that partial text is returned with the error.
//
// A leading "<think>…</think>" block (reasoning models served through Ollama and others) and
// DeepSeek's reasoning_content are not part of the answer: they keep the stream alive but are
// neither passed to onDelta nor returned.
func (c *Client) Stream(ctx context.Context, msgs []Message, onDelta func(delta string)) (string, error) {
	req, err := c.chatRequest("chat", msgs, false)
	if err != nil {
		return "", err
	}
	callCtx, cancel := context.WithTimeoutCause(ctx, c.cfg.Timeout,
		&timeoutError{fmt.Sprintf("no complete answer within %s", c.cfg.Timeout)})
	defer cancel()
	firstDeadline := time.Now().Add(c.cfg.FirstTokenTimeout)
	for attempt := 1; ; attempt++ {
		text, delivered, err := c.streamOnce(ctx, callCtx, req, firstDeadline, onDelta)
		if err == nil {
			return text, nil
		}
		if r, ok := withoutMaxTokens(req, err); ok && !delivered {
			c.log.Debug("llm: the server rejected the length limit; asking again", "err", err.Error())
			req = r
			attempt--
			continue
		}
		var e *Error
		if !errors.As(err, &e) {
			return text, err // caller cancellation
		}
		e.Attempts = attempt
		wait, again := c.retryWait(e, attempt)
		if delivered || !again || time.Now().Add(wait).After(firstDeadline) {
			return text, c.scrub(e)
		}
		c.log.Warn("llm: retrying chat", "attempt", attempt, "wait", wait, "err", c.scrub(e).Error())
		if sleep(callCtx, wait) != nil {
			if cerr := contextError("chat", ctx, callCtx); cerr != nil {
				return "", cerr
			}
		}
	}
}

// streamOnce makes one streaming request. delivered reports whether onDelta got any text.
func (c *Client) streamOnce(callerCtx, callCtx context.Context, req openai.ChatCompletionRequest,
	firstDeadline time.Time, onDelta func(string)) (text string, delivered bool, err error) {
	ctx, cancel := context.WithCancelCause(callCtx)
	defer cancel(nil)
	info := &attemptInfo{}
	ctx = context.WithValue(ctx, attemptKey{}, info)
	wd := startWatchdog(time.Until(firstDeadline), c.cfg.FirstTokenTimeout, c.cfg.IdleTimeout, cancel)
	defer wd.stop()

	fail := func(err error) (string, bool, error) {
		if cerr := contextError("chat", callerCtx, ctx); cerr != nil {
			return text, delivered, cerr
		}
		return text, delivered, classify("chat", err, info)
	}

	stream, err := c.api.CreateChatCompletionStream(ctx, req)
	if err != nil {
		return fail(err)
	}
	defer stream.Close()

	var (
		full     strings.Builder
		think    thinkFilter
		finish   openai.FinishReason
		chunks   int
		reasoned bool
	)
	limit, capped := c.cfg.answerCap(), false
	emit := func(s string) {
		if s == "" || capped {
			return
		}
		if full.Len()+len(s) > limit {
			// Cut at the cap, on a character boundary, and stop reading.
			s = strings.ToValidUTF8(s[:limit-full.Len()], "")
			for len(s) > 0 && !utf8.ValidString(s) {
				s = s[:len(s)-1]
			}
			capped = true
		}
		if s == "" {
			return
		}
		full.WriteString(s)
		text = full.String()
		if onDelta != nil {
			delivered = true
			onDelta(s)
		}
	}
	for !capped {
		resp, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fail(err)
		}
		chunks++
		wd.chunk()
		// Usage-only chunks (stream_options.include_usage) have no choices.
		for _, ch := range resp.Choices {
			if ch.Index != 0 {
				continue
			}
			if ch.Delta.Content != "" || ch.Delta.ReasoningContent != "" {
				wd.token()
			}
			if ch.Delta.ReasoningContent != "" {
				reasoned = true
			}
			emit(think.push(ch.Delta.Content))
			if ch.FinishReason != "" {
				finish = ch.FinishReason
			}
		}
	}
	emit(think.flush())
	if strings.TrimSpace(full.String()) == "" {
		msg := fmt.Sprintf("empty completion (%d chunks, finish_reason %q)", chunks, finish)
		if reasoned || think.state == thinkInside {
			msg += "; the model only produced reasoning"
		}
		if ct, _, _ := mime.ParseMediaType(stream.Header().Get("Content-Type")); ct != "text/event-stream" {
			msg += fmt.Sprintf("; Content-Type %q is not an event stream (is BaseURL right?)", ct)
		}
		return text, delivered, &Error{Op: "chat", Kind: ErrBadResponse, Message: msg}
	}
	if capped {
		c.log.Warn("llm: answer cut at the length cap (the server did not stop at max_tokens)",
			"bytes", full.Len(), "max_tokens", c.cfg.MaxTokens)
	} else if finish == "" {
		// Either [DONE] without a finish chunk (some servers) or a cut connection: go-openai
		// reports both as io.EOF. Keep the text; note it for debugging.
		c.log.Debug("llm: stream ended without finish_reason", "chunks", chunks)
	}
	return full.String(), delivered, nil
}

// Complete asks for a whole chat completion without streaming, with the same retries and
// errors as Stream; Timeout bounds the call (there is no first-token timeout without a stream).
func (c *Client) Complete(ctx context.Context, msgs []Message) (string, error) {
	return c.complete(ctx, "complete", msgs, false)
}

// CompleteJSON is Complete for structured output (e.g. generated quiz questions). It asks for
// response_format json_object — and asks again without it if the server rejects the parameter —
// then returns the JSON value found in the answer (code fences and surrounding prose removed).
// An answer with no valid JSON object or array is ErrBadResponse. Mention "JSON" in the prompt:
// OpenAI refuses json_object mode otherwise.
func (c *Client) CompleteJSON(ctx context.Context, msgs []Message) (string, error) {
	text, err := c.complete(ctx, "complete", msgs, true)
	if err != nil && errors.Is(err, ErrRejected) {
		c.log.Debug("llm: response_format rejected, asking without it", "err", err.Error())
		text, err = c.complete(ctx, "complete", msgs, false)
	}
	if err != nil {
		return "", err
	}
	js, ok := ExtractJSON(text)
	if !ok {
		return "", &Error{Op: "complete", Kind: ErrBadResponse, Message: "no JSON value in the answer: " + truncate(text)}
	}
	return js, nil
}

func (c *Client) complete(ctx context.Context, op string, msgs []Message, jsonMode bool) (string, error) {
	req, err := c.chatRequest(op, msgs, jsonMode)
	if err != nil {
		return "", err
	}
	callCtx, cancel := context.WithTimeoutCause(ctx, c.cfg.Timeout,
		&timeoutError{fmt.Sprintf("no answer within %s", c.cfg.Timeout)})
	defer cancel()
	for attempt := 1; ; attempt++ {
		info := &attemptInfo{}
		resp, err := c.api.CreateChatCompletion(context.WithValue(callCtx, attemptKey{}, info), req)
		if err == nil {
			text, err := completionText(op, resp)
			if err != nil {
				return "", err
			}
			return text, nil
		}
		if cerr := contextError(op, ctx, callCtx); cerr != nil {
			return "", cerr
		}
		e := classify(op, err, info)
		if r, ok := withoutMaxTokens(req, e); ok {
			c.log.Debug("llm: the server rejected the length limit; asking again", "err", e.Error())
			req = r
			attempt--
			continue
		}
		e.Attempts = attempt
		wait, again := c.retryWait(e, attempt)
		if !again {
			return "", c.scrub(e)
		}
		c.log.Warn("llm: retrying completion", "attempt", attempt, "wait", wait, "err", c.scrub(e).Error())
		if sleep(callCtx, wait) != nil {
			return "", contextError(op, ctx, callCtx)
		}
	}
}

func completionText(op string, resp openai.ChatCompletionResponse) (string, error) {
	if len(resp.Choices) == 0 {
		return "", &Error{Op: op, Kind: ErrBadResponse, Message: "no choices in the answer"}
	}
	ch := resp.Choices[0]
	var f thinkFilter
	text := f.push(ch.Message.Content) + f.flush()
	if strings.TrimSpace(text) == "" {
		msg := fmt.Sprintf("empty completion (finish_reason %q)", ch.FinishReason)
		if ch.Message.ReasoningContent != "" || f.state == thinkInside {
			msg += "; the model only produced reasoning"
		}
		return "", &Error{Op: op, Kind: ErrBadResponse, Message: msg}
	}
	return text, nil
}

func (c *Client) chatRequest(op string, msgs []Message, jsonMode bool) (openai.ChatCompletionRequest, error) {
	if c.cfg.ChatModel == "" {
		return openai.ChatCompletionRequest{}, fmt.Errorf("llm %s: no ChatModel configured", op)
	}
	if len(msgs) == 0 {
		return openai.ChatCompletionRequest{}, fmt.Errorf("llm %s: %w", op, errNoMessages)
	}
	req := openai.ChatCompletionRequest{Model: c.cfg.ChatModel, Messages: make([]openai.ChatCompletionMessage, len(msgs))}
	for i, m := range msgs {
		role := strings.ToLower(strings.TrimSpace(m.Role))
		switch role {
		case openai.ChatMessageRoleSystem, openai.ChatMessageRoleUser, openai.ChatMessageRoleAssistant:
		default:
			return req, fmt.Errorf("llm %s: message %d has role %q (want system, user or assistant)", op, i, m.Role)
		}
		req.Messages[i] = openai.ChatCompletionMessage{Role: role, Content: m.Content}
	}
	if t := c.cfg.Temperature; t != nil {
		req.Temperature = *t
		if *t == 0 {
			// go-openai drops a zero temperature (omitempty), which would leave the server's
			// default (often 0.7-1.0); the smallest positive float32 is greedy decoding everywhere.
			req.Temperature = math.SmallestNonzeroFloat32
		}
	}
	if jsonMode {
		req.ResponseFormat = &openai.ChatCompletionResponseFormat{Type: openai.ChatCompletionResponseFormatTypeJSONObject}
	}
	if c.cfg.MaxTokens > 0 {
		setLegacyMaxTokens(&req, c.cfg.MaxTokens)
	}
	return req, nil
}

// The length limit is sent first as max_tokens, which go-openai marks
// deprecated in favour of max_completion_tokens. It stays first on
// purpose: max_tokens is the name OpenAI-compatible servers (Ollama,
// llama.cpp, vLLM, hosted APIs) have long understood, and a server that
// does not know max_completion_tokens ignores it silently: the answer
// would lose its bound without an error. A model that refuses max_tokens
// (OpenAI's reasoning models) says so in a 400, which withoutMaxTokens
// answers by asking again with the new name. These two accessors are the
// only places that touch the old field.

// legacyMaxTokens is the request's max_tokens.
func legacyMaxTokens(req *openai.ChatCompletionRequest) int {
	//lint:ignore SA1019 max_tokens is sent first on purpose (see above)
	return req.MaxTokens
}

// setLegacyMaxTokens sets the request's max_tokens.
func setLegacyMaxTokens(req *openai.ChatCompletionRequest, n int) {
	//lint:ignore SA1019 max_tokens is sent first on purpose (see above)
	req.MaxTokens = n
}

// withoutMaxTokens is req for a server that rejected its length limit:
// max_tokens becomes max_completion_tokens (OpenAI's newer models refuse
// the old name), and that rejected too, neither is sent (the client's own
// cap still bounds a stream). ok is false when there is nothing to drop or
// the rejection was about something else.
func withoutMaxTokens(req openai.ChatCompletionRequest, err error) (openai.ChatCompletionRequest, bool) {
	var e *Error
	if !errors.As(err, &e) || !errors.Is(e.Kind, ErrRejected) || !strings.Contains(e.Message, "max_") {
		return req, false
	}
	switch {
	case legacyMaxTokens(&req) > 0:
		req.MaxCompletionTokens = legacyMaxTokens(&req)
		setLegacyMaxTokens(&req, 0)
	case req.MaxCompletionTokens > 0:
		req.MaxCompletionTokens = 0
	default:
		return req, false
	}
	return req, true
}

// ExtractJSON returns the JSON object or array in s: s itself if it is valid JSON, else the
// content of a ```json fence, else the span from the first '{' or '[' to the last matching
// closer. Models often wrap JSON in prose or fences even when asked not to.
func ExtractJSON(s string) (string, bool) {
	s = strings.TrimSpace(s)
	var f thinkFilter
	s = strings.TrimSpace(f.push(s) + f.flush())
	if json.Valid([]byte(s)) && (strings.HasPrefix(s, "{") || strings.HasPrefix(s, "[")) {
		return s, true
	}
	if i := strings.Index(s, "```"); i >= 0 {
		rest := s[i+3:]
		if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
			rest = rest[nl+1:]
		}
		if j := strings.Index(rest, "```"); j >= 0 {
			if inner := strings.TrimSpace(rest[:j]); json.Valid([]byte(inner)) {
				return inner, true
			}
		}
	}
	for _, pair := range [][2]string{{"{", "}"}, {"[", "]"}} {
		i, j := strings.Index(s, pair[0]), strings.LastIndex(s, pair[1])
		if i >= 0 && j > i && json.Valid([]byte(s[i:j+1])) {
			return s[i : j+1], true
		}
	}
	return "", false
}

// watchdog cancels a stream that produces no text by the first-token deadline, or that goes
// silent for longer than idle once text has started.
type watchdog struct {
	mu      sync.Mutex
	t       *time.Timer
	idle    time.Duration
	started bool
}

func startWatchdog(untilFirst, firstTimeout, idle time.Duration, cancel context.CancelCauseFunc) *watchdog {
	w := &watchdog{idle: idle}
	firstMsg := fmt.Sprintf("no output within %s", firstTimeout)
	idleMsg := fmt.Sprintf("stream stalled for %s", idle)
	w.t = time.AfterFunc(max(untilFirst, 0), func() {
		w.mu.Lock()
		started := w.started
		w.mu.Unlock()
		if started {
			cancel(&timeoutError{idleMsg})
		} else {
			cancel(&timeoutError{firstMsg})
		}
	})
	return w
}

// token marks the first text (answer or reasoning): from now on only idleness counts.
func (w *watchdog) token() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.started {
		w.started = true
		w.t.Reset(w.idle)
	}
}

// chunk notes any received chunk; before the first text it does not extend the deadline.
func (w *watchdog) chunk() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.started {
		w.t.Reset(w.idle)
	}
}

func (w *watchdog) stop() { w.t.Stop() }

// thinkFilter removes a leading <think>…</think> block from text that arrives in pieces.
type thinkFilter struct {
	state int
	buf   strings.Builder
}

const (
	thinkUndecided = iota // at the start: may still become "<think>"
	thinkInside
	thinkAfter // just after </think>: drop the whitespace that separates it from the answer
	thinkPass
)

const (
	thinkOpen  = "<think>"
	thinkClose = "</think>"
)

// push takes the next piece and returns the text to pass on.
func (f *thinkFilter) push(s string) string {
	switch f.state {
	case thinkPass:
		return s
	case thinkUndecided:
		f.buf.WriteString(s)
		t := strings.TrimLeft(f.buf.String(), " \t\r\n")
		switch {
		case strings.HasPrefix(t, thinkOpen):
			f.state = thinkInside
			f.buf.Reset()
			return f.push(t[len(thinkOpen):])
		case strings.HasPrefix(thinkOpen, t):
			return "" // "", "<", "<th"...: wait for more
		}
		f.state = thinkPass
		out := f.buf.String()
		f.buf.Reset()
		return out
	case thinkInside:
		// Only the tail that could begin "</think>" is kept: a long
		// reasoning block is scanned once, not again with every piece.
		b := f.buf.String() + s
		i := strings.Index(b, thinkClose)
		if i < 0 {
			f.buf.Reset()
			f.buf.WriteString(b[max(0, len(b)-len(thinkClose)+1):])
			return ""
		}
		f.buf.Reset()
		f.state = thinkAfter
		return f.push(b[i+len(thinkClose):])
	case thinkAfter:
		t := strings.TrimLeft(s, " \t\r\n")
		if t != "" {
			f.state = thinkPass
		}
		return t
	}
	return s
}

// flush ends the text: a held-back prefix is released; an unclosed think block is dropped.
func (f *thinkFilter) flush() string {
	if f.state == thinkUndecided {
		f.state = thinkPass
		out := f.buf.String()
		f.buf.Reset()
		return out
	}
	return ""
}
