package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func mapLookup(m map[string]string) Lookup {
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
}

func TestDefaultsNeedNothing(t *testing.T) {
	c, err := FromLookup(mapLookup(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.LLMEnabled() || c.TelegramToken != "" || c.EmbedModel != "" {
		t.Fatalf("defaults must be offline: %+v", c)
	}
	if c.DataDir == "" || c.TelegramAPIURL != "https://api.telegram.org" || c.LLMTimeout != 60*time.Second || c.ConversationTTL != 90*24*time.Hour {
		t.Fatalf("unexpected defaults: %+v", c)
	}
}

func TestParsesListsAndIDs(t *testing.T) {
	c, err := FromLookup(mapLookup(map[string]string{
		"BANGYANG_CORPUS":           "/a, /b" + string(os.PathListSeparator) + "/c",
		"BANGYANG_ADMINS":           "12, -100123",
		"LLM_MODEL":                 "qwen2.5",
		"LLM_API_KEY":               "sk-secret",
		"LLM_TIMEOUT":               "5",
		"LLM_MAX_TOKENS":            "2048",
		"BANGYANG_CONVERSATION_TTL": "30d",
		"BANGYANG_ALLOWED_CHATS":    "-1001",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(c.CorpusDirs, "|") != "/a|/b|/c" {
		t.Errorf("corpus dirs = %q", c.CorpusDirs)
	}
	if len(c.Admins) != 2 || c.Admins[1] != -100123 || c.AllowedChats[0] != -1001 {
		t.Errorf("ids = %v %v", c.Admins, c.AllowedChats)
	}
	if !c.LLMEnabled() || c.LLMTimeout != 5*time.Second || c.LLMMaxTokens != 2048 {
		t.Errorf("llm = %v %v %d", c.LLMEnabled(), c.LLMTimeout, c.LLMMaxTokens)
	}
	if c.ConversationTTL != 30*24*time.Hour {
		t.Errorf("conversation TTL = %v, want 30 days", c.ConversationTTL)
	}
	if c.EmbedAPIKey != "sk-secret" {
		t.Errorf("embed key should default to the LLM key")
	}
}

func TestBadValuesAreReported(t *testing.T) {
	_, err := FromLookup(mapLookup(map[string]string{
		"BANGYANG_ADMINS":      "alice",
		"BANGYANG_WORKERS":     "-3",
		"TELEGRAM_WEBHOOK_URL": "https://x.example/hook",
	}))
	if err == nil {
		t.Fatal("want an error")
	}
	for _, want := range []string{"BANGYANG_ADMINS", "BANGYANG_WORKERS", "TELEGRAM_WEBHOOK_SECRET"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %s", err, want)
		}
	}
}

func TestEnvFileAndEnvPrecedence(t *testing.T) {
	f := filepath.Join(t.TempDir(), ".env")
	if err := os.WriteFile(f, []byte("LLM_MODEL=from-file\nEMBED_MODEL=emb-file\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("LLM_MODEL", "from-env")
	c, err := Load(f)
	if err != nil {
		t.Fatal(err)
	}
	if c.LLMModel != "from-env" || c.EmbedModel != "emb-file" {
		t.Fatalf("got %q %q", c.LLMModel, c.EmbedModel)
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing.env")); err != nil {
		t.Fatalf("a missing .env must be fine: %v", err)
	}
}

func TestLogValueHidesSecrets(t *testing.T) {
	c, _ := FromLookup(mapLookup(map[string]string{"LLM_API_KEY": "sk-very-secret", "TELEGRAM_BOT_TOKEN": "123:ABC"}))
	s := c.LogValue().String()
	if strings.Contains(s, "sk-very-secret") || strings.Contains(s, "123:ABC") {
		t.Fatalf("secret leaked: %s", s)
	}
}

// A .env syntax error says where and what, never the file's values:
// godotenv's own message quoted the rest of the file.
func TestEnvSyntaxErrorShowsNoValue(t *testing.T) {
	for name, env := range map[string]string{
		"unterminated quote": "LLM_MODEL=x\nLLM_API_KEY=\"sk-LEAK-1\nTELEGRAM_BOT_TOKEN=1:TOKLEAK\n",
		"bad name":           "LLM_MODEL=x\nLLM-API-KEY=sk-LEAK-1\nTELEGRAM_BOT_TOKEN=1:TOKLEAK\n",
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), ".env")
			if err := os.WriteFile(path, []byte(env), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := Load(path)
			if err == nil {
				t.Fatal("a broken .env loaded")
			}
			if strings.Contains(err.Error(), "LEAK") {
				t.Fatalf("the error echoes a value: %v", err)
			}
			if !strings.Contains(err.Error(), "line 2") {
				t.Errorf("the error does not say where: %v", err)
			}
		})
	}
}

func TestLogFormatAndMetricsListen(t *testing.T) {
	c, err := FromLookup(mapLookup(map[string]string{"LOG_FORMAT": "JSON", "BANGYANG_METRICS_LISTEN": "127.0.0.1:9090"}))
	if err != nil || c.LogFormat != "json" || c.MetricsListen != "127.0.0.1:9090" {
		t.Fatalf("got %q %q %v", c.LogFormat, c.MetricsListen, err)
	}
	if c, _ := FromLookup(mapLookup(nil)); c.LogFormat != "text" || c.MetricsListen != "" {
		t.Fatalf("defaults: %q %q", c.LogFormat, c.MetricsListen)
	}
	if _, err := FromLookup(mapLookup(map[string]string{"LOG_FORMAT": "xml"})); err == nil || !strings.Contains(err.Error(), "LOG_FORMAT") {
		t.Fatalf("bad format: %v", err)
	}
	_, err = FromLookup(mapLookup(map[string]string{"TELEGRAM_WEBHOOK_URL": "https://x/hook", "TELEGRAM_WEBHOOK_SECRET": "s", "TELEGRAM_WEBHOOK_LISTEN": ":8443", "BANGYANG_METRICS_LISTEN": ":8443"}))
	if err == nil || !strings.Contains(err.Error(), "BANGYANG_METRICS_LISTEN") {
		t.Fatalf("same listener twice: %v", err)
	}
}

// One chain of deadlines, from LLM_TIMEOUT: each stage outlasts the one
// inside it, so the inner one fires first.
func TestTimeoutChain(t *testing.T) {
	c, err := FromLookup(func(k string) (string, bool) {
		if k == "LLM_TIMEOUT" {
			return "20s", true
		}
		return "", false
	})
	if err != nil {
		t.Fatal(err)
	}
	got := c.Timeouts()
	if want := (Timeouts{Model: 20 * time.Second, Answer: 50 * time.Second, Reply: 80 * time.Second}); got != want {
		t.Errorf("LLM_TIMEOUT=20s: %+v, want %+v", got, want)
	}
	if d := Default().Timeouts(); d != TimeoutsFor(0) || d.Model != DefaultLLMTimeout || !(d.Model < d.Answer && d.Answer < d.Reply) {
		t.Errorf("default chain %+v (TimeoutsFor(0) %+v)", d, TimeoutsFor(0))
	}
}
