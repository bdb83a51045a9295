// Package logging is bangyang's one log pipeline: a slog.Handler that
// masks every configured secret before any record is written.
//
// It is its own package because every part of the program logs (bot,
// llm, core, retrieval) and none of them should own the rule; cmd builds
// the one logger with it and hands it to everything. Masking where the
// record is written, rather than where an error is made, is what makes it
// hold for text no one anticipated: a proxy's HTML error page repeating
// the request path, a library's error quoting a URL.
package logging

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Mask replaces a secret.
const Mask = "[redacted]"

// minSecret is the shortest secret masked: masking a one- or two-letter
// "secret" everywhere would garble every log line and protect nothing.
const minSecret = 4

// Redactor masks secrets in text: each secret raw and in the forms it takes
// when quoted with %q, JSON-encoded or URL-encoded (and %q of those), plus
// the values of URL query parameters whose names look secret and the
// password of URL user info.
type Redactor struct {
	repl *strings.Replacer
}

// NewRedactor masks the given secrets (empty ones are ignored).
func NewRedactor(secrets ...string) *Redactor {
	seen := map[string]bool{}
	var forms []string
	add := func(f string) {
		if len(f) >= minSecret && !seen[f] {
			seen[f] = true
			forms = append(forms, f)
		}
	}
	for _, s := range secrets {
		if len(s) < minSecret {
			continue
		}
		base := []string{s, jsonInner(s, true), jsonInner(s, false),
			url.QueryEscape(s), url.PathEscape(s), lowerHex(url.QueryEscape(s)), lowerHex(url.PathEscape(s))}
		for _, b := range base {
			add(b)
			add(goInner(b))
			add(asciiInner(b))
		}
	}
	// Longest first: at one position the longest form must win, so no
	// tail of an escaped form is left behind.
	slices.SortFunc(forms, func(a, b string) int { return len(b) - len(a) })
	var pairs []string
	for _, f := range forms {
		pairs = append(pairs, f, Mask)
	}
	r := &Redactor{}
	if len(pairs) > 0 {
		r.repl = strings.NewReplacer(pairs...)
	}
	return r
}

func goInner(s string) string    { q := strconv.Quote(s); return q[1 : len(q)-1] }
func asciiInner(s string) string { q := strconv.QuoteToASCII(s); return q[1 : len(q)-1] }

func jsonInner(s string, html bool) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(html)
	enc.Encode(s)
	q := strings.TrimSpace(b.String())
	return q[1 : len(q)-1]
}

var pctHex = regexp.MustCompile(`%[0-9A-F]{2}`)

func lowerHex(s string) string { return pctHex.ReplaceAllStringFunc(s, strings.ToLower) }

var (
	// A query parameter whose name says it is a credential: ?api-key=…,
	// &access_token=…, ?key=…, ?sig=… (also JSON-escaped \u0026).
	secretQuery = regexp.MustCompile(`(?i)((?:[?&]|\\u0026|&amp;)[a-z0-9_.\-]*(?:key|token|secret|password|passwd|pwd|auth|signature|sig|credential|session)[a-z0-9_.\-]*=)([^&\s"'<>#\\]+)`)
	// user:password@ in a URL.
	userInfo = regexp.MustCompile(`(://[^/\s:@"']+:)([^@\s/"']+)@`)
)

// String returns s with every secret masked.
func (r *Redactor) String(s string) string {
	if r == nil {
		return s
	}
	if r.repl != nil {
		s = r.repl.Replace(s)
	}
	if strings.Contains(s, "=") {
		s = secretQuery.ReplaceAllString(s, "${1}"+Mask)
	}
	if strings.Contains(s, "@") {
		s = userInfo.ReplaceAllString(s, "${1}"+Mask+"@")
	}
	return s
}

// Handler masks secrets in a record's message and in every attribute
// value — strings, errors, Stringers, any other value as it would be
// printed, and groups at any depth — before its inner handler sees it.
type Handler struct {
	inner slog.Handler
	r     *Redactor
}

// NewHandler wraps inner.
func NewHandler(inner slog.Handler, r *Redactor) *Handler {
	return &Handler{inner: inner, r: r}
}

// New is a logger writing through inner with r's masking.
func New(inner slog.Handler, r *Redactor) *slog.Logger {
	return slog.New(NewHandler(inner, r))
}

func (h *Handler) Enabled(ctx context.Context, l slog.Level) bool { return h.inner.Enabled(ctx, l) }

func (h *Handler) Handle(ctx context.Context, rec slog.Record) error {
	out := slog.NewRecord(rec.Time, rec.Level, h.r.String(rec.Message), rec.PC)
	rec.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(h.attr(a))
		return true
	})
	return h.inner.Handle(ctx, out)
}

func (h *Handler) WithAttrs(as []slog.Attr) slog.Handler {
	masked := make([]slog.Attr, len(as))
	for i, a := range as {
		masked[i] = h.attr(a)
	}
	return &Handler{inner: h.inner.WithAttrs(masked), r: h.r}
}

func (h *Handler) WithGroup(name string) slog.Handler {
	return &Handler{inner: h.inner.WithGroup(h.r.String(name)), r: h.r}
}

func (h *Handler) attr(a slog.Attr) slog.Attr {
	a.Key = h.r.String(a.Key)
	a.Value = h.value(a.Value.Resolve())
	return a
}

func (h *Handler) value(v slog.Value) (out slog.Value) {
	defer func() {
		// A typed nil error or a Stringer that panics must not take the
		// log record (or the process) with it.
		if r := recover(); r != nil {
			out = slog.StringValue(fmt.Sprintf("!PANIC in log value: %v", r))
		}
	}()
	switch v.Kind() {
	case slog.KindString:
		return slog.StringValue(h.r.String(v.String()))
	case slog.KindGroup:
		as := v.Group()
		masked := make([]slog.Attr, len(as))
		for i, a := range as {
			masked[i] = h.attr(a)
		}
		return slog.GroupValue(masked...)
	case slog.KindAny:
		switch x := v.Any().(type) {
		case error:
			return slog.StringValue(h.r.String(x.Error()))
		case fmt.Stringer:
			return slog.StringValue(h.r.String(x.String()))
		case []byte:
			return slog.StringValue(h.r.String(string(x)))
		default:
			// Printed as the text handler would print it; if that holds a
			// secret, the masked text replaces the value. JSON output of
			// the value is checked too (the JSON handler marshals it).
			shown := fmt.Sprintf("%+v", x)
			if m := h.r.String(shown); m != shown {
				return slog.StringValue(m)
			}
			if raw, err := json.Marshal(x); err == nil {
				if m := h.r.String(string(raw)); m != string(raw) {
					return slog.StringValue(m)
				}
			}
			return v
		}
	}
	return v
}
