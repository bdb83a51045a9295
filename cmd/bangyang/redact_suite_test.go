package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeProxy stands for a reverse proxy or self-hosted Bot API in front of
// Telegram: getMe and setWebhook work, every other call gets the proxy's
// HTML error page, which repeats the request path (the token in it) raw
// and escaped, as nginx-style pages do.
func fakeProxy(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasSuffix(r.URL.Path, "/getMe"):
			fmt.Fprint(w, `{"ok":true,"result":{"id":7012345678,"is_bot":true,"first_name":"榜样","username":"bangyang_bot"}}`)
		case strings.HasSuffix(r.URL.Path, "/setWebhook"), strings.HasSuffix(r.URL.Path, "/deleteWebhook"):
			fmt.Fprint(w, `{"ok":true,"result":true}`)
		default:
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusBadGateway)
			fmt.Fprintf(w, "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>"+
				"<p>upstream error while proxying %s %s (%s)</p></body></html>", r.Method, r.URL.Path, r.URL.EscapedPath())
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// The secrets of the suite, and the parts of them a log must never show.
const (
	suiteToken   = "7012345678:AAHsuiteTOKENpart0123456789abcdefXYZ"
	suiteKey     = "sk-suite-APIKEY-4f3e2d1c0b"
	suiteHook    = "whsec-suite-HOOKSECRET-77"
	suiteQueryPw = "QRYsecret99"
)

var suiteCores = []string{"AAHsuiteTOKENpart", "0123456789abcdefXYZ", "suite-APIKEY", "HOOKSECRET", suiteQueryPw, "sk-env-LEAK", "ENVTOKENLEAK"}

// lockedBuffer is a log buffer the test reads while the program writes.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// runUntil runs the real program until its output shows saw (then a
// moment more, so the records around it are written too), it exits, or
// 15 s pass; its stderr and stdout are the log.
func runUntil(t *testing.T, saw string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errb lockedBuffer
	done := make(chan int, 1)
	go func() { done <- run(ctx, args, strings.NewReader(""), &out, &errb) }()
	deadline := time.After(15 * time.Second)
	for {
		select {
		case <-done:
			return errb.String() + out.String()
		case <-deadline:
			cancel()
			<-done
			return errb.String() + out.String()
		case <-time.After(20 * time.Millisecond):
		}
		if strings.Contains(errb.String()+out.String(), saw) {
			time.Sleep(100 * time.Millisecond)
			cancel()
			<-done
			return errb.String() + out.String()
		}
	}
}

func suiteEnv(t *testing.T) {
	for _, k := range []string{"LLM_MODEL", "LLM_API_KEY", "EMBED_MODEL", "EMBED_API_KEY", "BANGYANG_CORPUS", "TELEGRAM_WEBHOOK_URL",
		"TELEGRAM_WEBHOOK_SECRET", "TELEGRAM_BOT_TOKEN", "LLM_BASE_URL", "BANGYANG_NO_DEFAULT_CORPUS"} {
		t.Setenv(k, "")
	}
	t.Setenv("BANGYANG_DATA_DIR", t.TempDir())
	t.Setenv("LOG_LEVEL", "debug")
}

// The reliability suite's secrets check: every case of issue 14 that
// printed a secret is driven through the real program, and its whole log
// holds none of them. Each case also checks that it reached the code path
// that used to leak (the error page, the webhook path, the retry warning),
// so it cannot pass by doing nothing.
func TestNoSecretInAnyLog(t *testing.T) {
	cases := []struct {
		name  string
		setup func(t *testing.T) []string // returns the command line
		saw   string                      // proof the leaking path ran
	}{
		{"proxy error page repeats the path", func(t *testing.T) []string {
			t.Setenv("TELEGRAM_BOT_TOKEN", suiteToken)
			t.Setenv("TELEGRAM_API_URL", fakeProxy(t).URL)
			t.Setenv("LLM_API_KEY", suiteKey)
			return []string{"serve"}
		}, "502 Bad Gateway"},
		{"token in the webhook path", func(t *testing.T) []string {
			t.Setenv("TELEGRAM_BOT_TOKEN", suiteToken)
			t.Setenv("TELEGRAM_API_URL", fakeProxy(t).URL)
			t.Setenv("TELEGRAM_WEBHOOK_URL", "https://bot.example.org/tg/"+suiteToken)
			t.Setenv("TELEGRAM_WEBHOOK_SECRET", suiteHook)
			t.Setenv("TELEGRAM_WEBHOOK_LISTEN", "127.0.0.1:0")
			return []string{"serve"}
		}, "webhook"},
		{"control character in the token", func(t *testing.T) []string {
			t.Setenv("TELEGRAM_BOT_TOKEN", strings.Replace(suiteToken, "part", "pa\x01rt", 1))
			t.Setenv("TELEGRAM_API_URL", fakeProxy(t).URL)
			return []string{"serve"}
		}, "control character"},
		{".env with an unterminated quote", func(t *testing.T) []string {
			dir := t.TempDir()
			env := "LLM_MODEL=x\nLLM_API_KEY=\"sk-env-LEAK-123\nTELEGRAM_BOT_TOKEN=1:ENVTOKENLEAK\n"
			if err := os.WriteFile(filepath.Join(dir, ".env"), []byte(env), 0o600); err != nil {
				t.Fatal(err)
			}
			t.Chdir(dir)
			return []string{"ask", "四单工作法是什么"}
		}, "line 2"},
		{"model base URL with ?api-key=", func(t *testing.T) []string {
			t.Setenv("LLM_BASE_URL", "http://127.0.0.1:1/v1?api-key="+suiteQueryPw)
			t.Setenv("LLM_MODEL", "x")
			t.Setenv("LLM_API_KEY", suiteKey)
			return []string{"ask", "四单工作法是什么"}
		}, "retrying"},
	}
	records := 0
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			suiteEnv(t)
			log := runUntil(t, c.saw, c.setup(t)...)
			if !strings.Contains(log, c.saw) {
				t.Fatalf("the case did not reach its leaking path (no %q in the log):\n%s", c.saw, log)
			}
			for _, core := range suiteCores {
				if strings.Contains(log, core) || strings.Contains(log, url.QueryEscape(core)) {
					t.Errorf("secret %q in the log:\n%s", core, log)
				}
			}
			records += strings.Count(log, "\n")
		})
	}
	t.Logf("%d cases, %d log lines: 0 secrets", len(cases), records)
}
