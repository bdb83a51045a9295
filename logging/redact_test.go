package logging

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

const token = "7012345678:AAE-x_Yz9Qw\x01RtUvWxYz0123456789abcd"

// leaks reports which of the secret's recognisable cores show in out.
func leaks(out string, secrets ...string) []string {
	var found []string
	for _, s := range secrets {
		for _, core := range []string{s, strings.Split(s, "\x01")[0], "AAE-x_Yz9Qw", "RtUvWxYz0123456789abcd", "sk-live-9f8e7d6c5b4a", "whsec_5up3r"} {
			if strings.Contains(s, core) && strings.Contains(out, core) {
				found = append(found, core)
			}
		}
	}
	return found
}

type shown struct{ URL string }

func (s shown) String() string { return "config " + s.URL }

func TestHandlerMasksEveryForm(t *testing.T) {
	key, hook := "sk-live-9f8e7d6c5b4a", "whsec_5up3r<&>\"secret"
	for _, format := range []string{"text", "json"} {
		var buf bytes.Buffer
		var inner slog.Handler = slog.NewTextHandler(&buf, nil)
		if format == "json" {
			inner = slog.NewJSONHandler(&buf, nil)
		}
		log := New(inner, NewRedactor(token, key, hook, ""))
		body, _ := json.Marshal(map[string]string{"description": "bad " + token})
		cases := []func(){
			func() { log.Info("raw " + token) },
			func() { log.Info(fmt.Sprintf("quoted %q", token)) },
			func() {
				log.Warn("error", "err", fmt.Errorf("parse %q: %w", "https://api/bot"+token+"/getMe", errors.New("invalid control character")))
			},
			func() { log.Warn("body", "body", string(body)) },
			func() { log.Warn("bytes", "body", body) },
			func() {
				log.Warn("escaped path", "path", "/bot"+url.PathEscape(token)+"/sendMessage", "q", url.QueryEscape(token))
			},
			func() {
				log.Warn("lower hex", "path", strings.NewReplacer("%3A", "%3a").Replace(url.QueryEscape(token)))
			},
			func() { log.Warn("ascii", "v", strconv.QuoteToASCII(token+"中")) },
			func() {
				log.Info("group", slog.Group("req", slog.Group("auth", slog.String("key", key), slog.Any("err", errors.New("Bearer "+key)))))
			},
			func() { log.With("hook", hook).Info("with attrs") },
			func() { log.With(slog.Group("g", "h", hook)).WithGroup("x").Info("with group", "k", key) },
			func() { log.Info("stringer", "cfg", shown{"https://x/?k=" + key}) },
			func() { log.Info("struct", "v", struct{ Key, Hook string }{key, hook}) },
			func() { log.Info("map", "v", map[string]any{"n": []string{key}}) },
			func() {
				log.Info("json-escaped html", "v", strings.Trim(strconv.Quote(string(must(json.Marshal(hook)))), `"`))
			},
			func() {
				log.Info("retrying", "url", "http://127.0.0.1:1/v1/chat/completions?api-key=QUERYSECRET1&model=x")
			},
			func() {
				log.Info("more", "a", "https://h/x?access_token=QUERYSECRET2", "b", "https://h/x?foo=1&key=QUERYSECRET3#f", "c", `{"u":"https://h/?x=1\u0026token=QUERYSECRET4"}`)
			},
			func() { log.Info("userinfo https://admin:QUERYSECRET5@proxy.local:3128/") },
		}
		for i, c := range cases {
			buf.Reset()
			c()
			out := buf.String()
			if l := leaks(out, token, key, hook); len(l) > 0 {
				t.Errorf("%s case %d leaks %q:\n%s", format, i, l, out)
			}
			if strings.Contains(out, "QUERYSECRET") {
				t.Errorf("%s case %d leaks a query secret:\n%s", format, i, out)
			}
			if !strings.Contains(out, Mask) && i != 10 || i == 10 && strings.Count(out, Mask) < 2 {
				t.Errorf("%s case %d: nothing masked:\n%s", format, i, out)
			}
		}
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

// Ordinary text is left alone, and a value that needs no mask keeps its
// type (the JSON handler still prints numbers and structures).
func TestHandlerLeavesCleanRecords(t *testing.T) {
	var buf bytes.Buffer
	log := New(slog.NewJSONHandler(&buf, nil), NewRedactor(token, "ab"))
	log.Info("index ready", "added", 3, "took", "1.2s", "ids", []int{1, 2}, "url", "https://api.example/v1?model=qwen&lang=zh")
	out := buf.String()
	for _, want := range []string{`"added":3`, `"ids":[1,2]`, `model=qwen\u0026lang=zh`, `"msg":"index ready"`} {
		if !strings.Contains(out, want) && !strings.Contains(out, strings.ReplaceAll(want, `\u0026`, "&")) {
			t.Errorf("want %s in %s", want, out)
		}
	}
	if strings.Contains(out, Mask) {
		t.Errorf("masked a clean record (a 2-letter secret must not mask every 'ab'): %s", out)
	}
}

type nilErr struct{ msg string }

func (e *nilErr) Error() string { return e.msg }

// A value that panics when printed (a typed nil error) costs its own text,
// not the record.
func TestHandlerSurvivesPanickingValues(t *testing.T) {
	var buf bytes.Buffer
	log := New(slog.NewTextHandler(&buf, nil), NewRedactor(token))
	var e *nilErr
	log.Warn("send failed", "err", e, "chat", 42)
	if !strings.Contains(buf.String(), "send failed") || !strings.Contains(buf.String(), "chat=42") {
		t.Fatalf("record lost: %q", buf.String())
	}
}
