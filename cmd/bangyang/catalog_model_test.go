package main

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"bangyang/llm/openaitest"
)

// With BANGYANG_CATALOG_MODEL the model reads each article once for the
// catalog: the catalog is cached, and so are the readings by content, so
// neither a second start nor a lost catalog.json asks the model again.
func TestCatalogModelReadsEachArticleOnce(t *testing.T) {
	srv := openaitest.New()
	defer srv.Close()
	var mu sync.Mutex
	readings := 0
	srv.SetChat(func(req openaitest.ChatRequest) openaitest.Reply {
		if len(req.Messages) > 0 && strings.Contains(req.Messages[0].Content, "信息抽取") {
			mu.Lock()
			readings++
			mu.Unlock()
			// A value not in the text (智慧养老平台) must not reach the catalog.
			return openaitest.Reply{Text: `{"leader":"","role":"","place":"","methods":[{"name":"智慧养老平台"}]}`}
		}
		return openaitest.Reply{Text: "四单工作法包括民众点单、社区开单、共同接单、民主议单。[1]"}
	})
	count := func() int {
		mu.Lock()
		defer mu.Unlock()
		return readings
	}
	data := t.TempDir()
	env := map[string]string{"LLM_MODEL": "m", "LLM_BASE_URL": srv.URL, "BANGYANG_CATALOG_MODEL": "1"}
	out, errs, code := runCLIEnv(t, data, env, "", "methods")
	if code != 0 {
		t.Fatalf("methods: exit %d\n%s", code, errs)
	}
	if n := count(); n != 5 {
		t.Fatalf("%d readings for the 5 seed articles, want 5", n)
	}
	if strings.Contains(out, "智慧养老平台") || !strings.Contains(out, "四单工作法") {
		t.Errorf("methods listing:\n%s", out)
	}
	if _, errs, code := runCLIEnv(t, data, env, "", "methods"); code != 0 || count() != 5 {
		t.Fatalf("second start: exit %d, %d readings (want still 5)\n%s", code, count(), errs)
	}
	if err := os.Remove(filepath.Join(data, "catalog.gob")); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := runCLIEnv(t, data, env, "", "methods"); code != 0 || count() != 5 {
		t.Fatalf("rebuild from cached readings: exit %d, %d readings (want still 5)\n%s", code, count(), errs)
	}
	// Off by default: no reading without the setting.
	env["BANGYANG_CATALOG_MODEL"] = ""
	if _, errs, code := runCLIEnv(t, t.TempDir(), env, "", "methods"); code != 0 || count() != 5 {
		t.Fatalf("without the setting: exit %d, %d readings\n%s", code, count(), errs)
	}
}
