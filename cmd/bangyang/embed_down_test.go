package main

import (
	"strings"
	"testing"

	"bangyang/llm/openaitest"
)

// A configured embedding model whose server is down must not stop
// answering: an index it built earlier keeps serving, and without one the
// built-in embedder stands in. `bangyang index` still fails, clearly.
func TestEmbeddingServerDown(t *testing.T) {
	t.Run("index built by the model earlier keeps serving", func(t *testing.T) {
		srv := openaitest.New()
		data := t.TempDir()
		env := map[string]string{"EMBED_MODEL": "e", "EMBED_BASE_URL": srv.URL, "EMBED_API_KEY": ""}
		if _, errs, code := runCLIEnv(t, data, env, "", "index"); code != 0 {
			t.Fatalf("index with a working model: %s", errs)
		}
		srv.Close()
		out, errs, code := runCLIEnv(t, data, env, "", "ask", "什么是四单工作法？")
		if code != 0 || !strings.Contains(out, "民主议单") {
			t.Fatalf("ask with the model down: exit %d\n%s\n%s", code, out, errs)
		}
	})
	t.Run("no index for the model: the built-in embedder stands in", func(t *testing.T) {
		data := t.TempDir()
		if _, errs, code := runCLI(t, data, "", "index"); code != 0 { // a built-in index on disk
			t.Fatal(errs)
		}
		env := map[string]string{"EMBED_MODEL": "e", "EMBED_BASE_URL": "http://127.0.0.1:1/v1"} // nothing listens there
		out, errs, code := runCLIEnv(t, data, env, "", "ask", "--json", "什么是四单工作法？")
		if code != 0 || !strings.Contains(out, "民主议单") {
			t.Fatalf("ask with the model down: exit %d\n%s\n%s", code, out, errs)
		}
		if !strings.Contains(errs, "built-in embedder") {
			t.Errorf("the log does not say the built-in embedder stands in:\n%s", errs)
		}
		_, errs, code = runCLIEnv(t, data, env, "", "index")
		if code != 1 || !strings.Contains(errs, "EMBED_MODEL") {
			t.Fatalf("index with the model down: want an error naming EMBED_MODEL, exit 1; got exit %d:\n%s", code, errs)
		}
	})
}
