package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	openai "github.com/sashabaranov/go-openai"
)

// Sentinel kinds of failure. Every error from Stream, Complete and Embed that is not a caller
// mistake or a caller cancellation wraps exactly one of them, so callers can decide to fall back:
//
//	if errors.Is(err, llm.ErrUnavailable) { /* answer extractively */ }
var (
	// ErrUnavailable: connection refused/reset, DNS, 5xx, timeouts (no first token, stalled stream).
	ErrUnavailable = errors.New("model server unavailable")
	// ErrRateLimited: 429, or a quota error.
	ErrRateLimited = errors.New("model server rate limited")
	// ErrBadResponse: an answer that cannot be used: not JSON, not SSE, empty completion,
	// embeddings with the wrong count, dimensions, indexes or values.
	ErrBadResponse = errors.New("bad response from model server")
	// ErrAuth: 401/403, the API key is missing, wrong or not allowed.
	ErrAuth = errors.New("model server refused the credentials")
	// ErrRejected: another 4xx: unknown model, wrong BaseURL path, context too long, bad parameter.
	ErrRejected = errors.New("model server rejected the request")
)

// Error is the error type returned for failed calls. errors.Is matches its Kind and its cause.
type Error struct {
	Op         string        // "chat", "complete", "embed"
	Kind       error         // one of the sentinels above
	StatusCode int           // HTTP status, 0 when there was no HTTP answer
	Message    string        // readable cause: the server's message or what went wrong; never the key
	Attempts   int           // requests made
	RetryAfter time.Duration // the server's Retry-After, if it sent one
	Err        error         // underlying error, may be nil
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("llm ")
	b.WriteString(e.Op)
	b.WriteString(": ")
	b.WriteString(e.Kind.Error())
	if e.StatusCode != 0 {
		fmt.Fprintf(&b, " (HTTP %d)", e.StatusCode)
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	if e.Attempts > 1 {
		fmt.Fprintf(&b, " [after %d attempts]", e.Attempts)
	}
	return b.String()
}

// Unwrap exposes both the kind and the cause to errors.Is/As.
func (e *Error) Unwrap() []error {
	if e.Err == nil {
		return []error{e.Kind}
	}
	return []error{e.Kind, e.Err}
}

// retryable reports whether another attempt may succeed.
func (e *Error) retryable() bool {
	switch {
	case errors.Is(e.Err, errTimeout):
		return false // a silent server is likely to stay silent; the user is waiting
	case e.Kind == ErrRateLimited:
		return !strings.Contains(e.Message, "quota") // billing, not load
	case e.Kind == ErrUnavailable:
		return e.StatusCode != http.StatusNotImplemented
	}
	return false
}

// errTimeout marks our own timeouts (first token, idle, whole call) inside Error.Err.
var errTimeout = errors.New("timeout")

// attemptInfo carries what go-openai drops from HTTP error responses: the status and
// Retry-After. The HTTP client wrapper fills it through the request context.
type attemptInfo struct {
	status     int
	retryAfter time.Duration
}

type attemptKey struct{}

// recordingDoer wraps the HTTP client to read Retry-After from error responses.
type recordingDoer struct{ hc *http.Client }

func (d recordingDoer) Do(req *http.Request) (*http.Response, error) {
	resp, err := d.hc.Do(req)
	if resp != nil {
		if info, ok := req.Context().Value(attemptKey{}).(*attemptInfo); ok {
			info.status = resp.StatusCode
			if resp.StatusCode >= 400 {
				info.retryAfter = parseRetryAfter(resp.Header, time.Now())
			}
		}
	}
	return resp, err
}

// parseRetryAfter reads OpenAI's retry-after-ms, then the standard Retry-After (seconds or date).
func parseRetryAfter(h http.Header, now time.Time) time.Duration {
	if v := h.Get("Retry-After-Ms"); v != "" {
		if ms, err := strconv.ParseFloat(v, 64); err == nil && ms > 0 {
			return time.Duration(ms * float64(time.Millisecond))
		}
	}
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if s, err := strconv.ParseFloat(v, 64); err == nil {
		if s <= 0 {
			return 0
		}
		return time.Duration(s * float64(time.Second))
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}

// classify turns a go-openai / transport error into an *Error. It does not look at contexts;
// callers handle cancellation and timeouts first.
func classify(op string, err error, info *attemptInfo) *Error {
	e := &Error{Op: op, Err: err}
	if info != nil {
		e.RetryAfter = info.retryAfter
	}
	var reqErr *openai.RequestError
	var apiErr *openai.APIError
	switch {
	case errors.As(err, &reqErr):
		// go-openai could not parse the body as {"error":{...}}: Ollama's {"error":"..."},
		// FastAPI's {"detail":..}, HTML, plain text.
		e.StatusCode = reqErr.HTTPStatusCode
		e.Message = bodyMessage(reqErr.Body)
		e.Kind = kindForStatus(e.StatusCode)
	case errors.As(err, &apiErr):
		e.StatusCode = apiErr.HTTPStatusCode
		e.Message = apiErr.Message
		if code := fmt.Sprint(apiErr.Code); apiErr.Code != nil && !strings.Contains(e.Message, code) {
			e.Message += " (" + code + ")"
		}
		if e.StatusCode != 0 {
			e.Kind = kindForStatus(e.StatusCode)
		} else {
			// An error event inside a 200 stream, or a JSON error body served with 200.
			e.Kind = ErrUnavailable
			if t := strings.ToLower(apiErr.Type + " " + fmt.Sprint(apiErr.Code)); strings.Contains(t, "rate") || strings.Contains(t, "quota") {
				e.Kind = ErrRateLimited
			}
		}
	case errors.Is(err, openai.ErrChatCompletionInvalidModel):
		e.Kind, e.Message = ErrRejected, err.Error()
	case errors.Is(err, openai.ErrTooManyEmptyStreamMessages):
		e.Kind, e.Message = ErrBadResponse, "stream sent only non-data lines (is BaseURL an OpenAI-compatible endpoint?)"
	case isDecodeError(err):
		e.Kind, e.Message = ErrBadResponse, "undecodable JSON: "+err.Error()
	case isNetworkError(err):
		e.Kind, e.Message = ErrUnavailable, err.Error()
	default:
		e.Kind, e.Message = ErrUnavailable, err.Error()
	}
	if e.StatusCode == 0 && info != nil && info.status >= 400 {
		e.StatusCode = info.status
	}
	if e.StatusCode == http.StatusNotFound {
		e.Message += " — check BaseURL (the part before /chat/completions, e.g. http://localhost:11434/v1) and the model name"
	}
	return e
}

func kindForStatus(status int) error {
	switch {
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		return ErrAuth
	case status == http.StatusTooManyRequests:
		return ErrRateLimited
	case status == http.StatusRequestTimeout || status >= 500:
		return ErrUnavailable
	case status >= 400:
		return ErrRejected
	case status >= 200 && status < 300:
		return ErrBadResponse
	}
	return ErrUnavailable
}

// isDecodeError: json.Unmarshal reports garbage as these; a body cut short while reading is
// io.ErrUnexpectedEOF instead, which is a connection failure.
func isDecodeError(err error) bool {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	return errors.As(err, &syn) || errors.As(err, &typ)
}

func isNetworkError(err error) bool {
	var netErr net.Error
	return errors.As(err, &netErr) || errors.Is(err, syscall.ECONNREFUSED) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
}

// bodyMessage extracts a readable message from an error body of any common shape.
func bodyMessage(body []byte) string {
	var v struct {
		Error   json.RawMessage `json:"error"`
		Message string          `json:"message"`
		Detail  json.RawMessage `json:"detail"`
	}
	if json.Unmarshal(body, &v) == nil {
		var s string
		if len(v.Error) > 0 {
			if json.Unmarshal(v.Error, &s) == nil && s != "" {
				return truncate(s)
			}
			var obj struct {
				Message string `json:"message"`
			}
			if json.Unmarshal(v.Error, &obj) == nil && obj.Message != "" {
				return truncate(obj.Message)
			}
		}
		if v.Message != "" {
			return truncate(v.Message)
		}
		if len(v.Detail) > 0 {
			if json.Unmarshal(v.Detail, &s) == nil && s != "" {
				return truncate(s)
			}
			return truncate(string(v.Detail))
		}
	}
	text := strings.TrimSpace(string(body))
	switch {
	case text == "":
		return "empty body"
	case strings.HasPrefix(text, "<"):
		return "HTML/XML body instead of JSON (is BaseURL right?): " + truncate(text)
	}
	return truncate(text)
}

func truncate(s string) string {
	const limit = 300
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	r := []rune(s)
	return string(r[:limit]) + "…"
}

// contextError builds the error for an attempt ended by a context: the caller's (cancellation
// or deadline) or one of ours (whole-call timeout, first-token and idle watchdog), whose cancel
// cause is a *timeoutError. It returns nil when neither context is done.
func contextError(op string, callerCtx, attemptCtx context.Context) error {
	switch {
	case errors.Is(callerCtx.Err(), context.Canceled):
		return fmt.Errorf("llm %s: %w", op, context.Cause(callerCtx))
	case callerCtx.Err() != nil:
		return &Error{Op: op, Kind: ErrUnavailable, Message: "caller's deadline passed",
			Err: errors.Join(errTimeout, context.DeadlineExceeded)}
	case attemptCtx.Err() != nil:
		msg := "timed out"
		var te *timeoutError
		if errors.As(context.Cause(attemptCtx), &te) {
			msg = te.msg
		}
		return &Error{Op: op, Kind: ErrUnavailable, Message: msg, Err: errors.Join(errTimeout, context.DeadlineExceeded)}
	}
	return nil
}

// timeoutError is the cancel cause set by the stream watchdog.
type timeoutError struct{ msg string }

func (t *timeoutError) Error() string { return t.msg }
