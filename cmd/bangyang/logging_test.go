package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// The model client logs through bangyang's logger: its records honour
// LOG_LEVEL and go where the rest of the logs go, and the key never shows.
func TestModelClientLogsThroughAppLogger(t *testing.T) {
	for _, k := range []string{"TELEGRAM_BOT_TOKEN", "EMBED_MODEL", "BANGYANG_CORPUS", "BANGYANG_NO_DEFAULT_CORPUS"} {
		t.Setenv(k, "")
	}
	t.Setenv("BANGYANG_DATA_DIR", t.TempDir())
	t.Setenv("LLM_BASE_URL", "http://127.0.0.1:1/v1") // nothing listens there
	t.Setenv("LLM_MODEL", "x")
	t.Setenv("LLM_API_KEY", "sk-test-secret-4242")

	for _, level := range []string{"warn", "error"} {
		t.Setenv("LOG_LEVEL", level)
		var out, errb bytes.Buffer
		code := run(context.Background(), []string{"ask", "什么是四单工作法？"}, strings.NewReader(""), &out, &errb)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		if !strings.Contains(out.String(), "模型暂时不可用") || !strings.Contains(out.String(), "民主议单") {
			t.Fatalf("want the extractive answer with a notice:\n%s", out.String())
		}
		retry := strings.Contains(errb.String(), "llm: retrying")
		if level == "warn" && !retry {
			t.Errorf("LOG_LEVEL=warn: the client's retry warning is missing from the log:\n%s", errb.String())
		}
		if level == "error" && errb.Len() != 0 {
			t.Errorf("LOG_LEVEL=error: warnings were logged:\n%s", errb.String())
		}
		if strings.Contains(errb.String(), "4242") {
			t.Fatalf("the API key was logged:\n%s", errb.String())
		}
	}
}
