package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs the whole program in-process with a private data dir and no
// settings from the developer's environment.
func runCLI(t *testing.T, data string, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runCLIEnv(t, data, nil, stdin, args...)
}

// runCLIEnv is runCLI with some settings (env) on top.
func runCLIEnv(t *testing.T, data string, env map[string]string, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	for _, k := range []string{"TELEGRAM_BOT_TOKEN", "LLM_MODEL", "LLM_API_KEY", "EMBED_MODEL", "BANGYANG_CORPUS", "BANGYANG_NO_DEFAULT_CORPUS"} {
		t.Setenv(k, "")
	}
	for k, v := range env {
		t.Setenv(k, v)
	}
	t.Setenv("BANGYANG_DATA_DIR", data)
	var out, errb bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

func TestAskJSON(t *testing.T) {
	data := t.TempDir()
	out, errs, code := runCLI(t, data, "", "ask", "--json", "什么是四单工作法？")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var v struct {
		Answer    string `json:"answer"`
		Grounded  bool   `json:"grounded"`
		Mode      string `json:"mode"`
		Citations []struct {
			N         int    `json:"n"`
			ChunkID   string `json:"chunk_id"`
			ArticleID string `json:"article_id"`
			Text      string `json:"text"`
		} `json:"citations"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, out)
	}
	if dec.More() {
		t.Fatalf("stdout holds more than one JSON value:\n%s", out)
	}
	if !v.Grounded || v.Mode != "extractive" || !strings.Contains(v.Answer, "共同接单") || len(v.Citations) == 0 {
		t.Fatalf("unexpected answer: %+v", v)
	}
	c := v.Citations[0]
	if c.N != 1 || c.ChunkID == "" || c.ArticleID == "" || c.Text == "" {
		t.Fatalf("citation fields missing: %+v", c)
	}
}

func TestSearchJSONSchemaAndIncrementalIndex(t *testing.T) {
	data := t.TempDir()
	out, errs, code := runCLI(t, data, "", "index", "--json")
	if code != 0 {
		t.Fatalf("index exit %d: %s", code, errs)
	}
	var rep map[string]any
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep["embedded"].(float64) == 0 {
		t.Fatalf("first index embedded nothing: %v", rep)
	}
	out, _, _ = runCLI(t, data, "", "index", "--json")
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep["embed_calls"].(float64) != 0 || rep["added"].(float64) != 0 {
		t.Fatalf("re-index with nothing changed must not embed: %v", rep)
	}

	out, errs, code = runCLI(t, data, "", "search", "四單工作法", "-k", "3", "--json")
	if code != 0 {
		t.Fatalf("search exit %d: %s", code, errs)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, out)
	}
	if len(raw) != 2 || raw["query"] == nil || raw["results"] == nil {
		t.Fatalf("top-level keys: %s", out)
	}
	var results []map[string]json.RawMessage
	if err := json.Unmarshal(raw["results"], &results); err != nil {
		t.Fatal(err)
	}
	if len(results) != 3 {
		t.Fatalf("want 3 results, got %d", len(results))
	}
	for _, k := range []string{"rank", "chunk_id", "article_id", "title", "leader", "source", "text", "score"} {
		if results[0][k] == nil {
			t.Errorf("result lacks %q", k)
		}
	}
	var text string
	_ = json.Unmarshal(results[0]["text"], &text)
	if !strings.Contains(text, "民眾點單") {
		t.Errorf("top result should be the Traditional 四單 passage in its original script: %s", text)
	}
}

func TestOperatorCorpusAddedWithoutReembedding(t *testing.T) {
	data := t.TempDir()
	if _, errs, code := runCLI(t, data, "", "index"); code != 0 {
		t.Fatal(errs)
	}
	dir := t.TempDir()
	art := "---\ntitle: 王芳的五步工作法\nleader: 王芳\nplace: 杭州市西湖区某社区\n---\n王芳是杭州市西湖区某社区党委书记。她总结出“五步工作法”：听民意、摸实情、定方案、抓落实、评效果。\n"
	if err := os.WriteFile(filepath.Join(dir, "wangfang.md"), []byte(art), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runCLI(t, data, "", "index", "--json", "--corpus", dir)
	if code != 0 {
		t.Fatal(errs)
	}
	var rep map[string]float64
	_ = json.Unmarshal([]byte(out), &rep)
	if rep["added"] < 1 || rep["embedded"] != rep["added"] || rep["removed"] != 0 {
		t.Fatalf("only the new article should be embedded: %v", rep)
	}
	out, errs, code = runCLI(t, data, "", "ask", "--corpus", dir, "--json", "五步工作法有哪些步骤")
	if code != 0 || !strings.Contains(out, "摸实情") {
		t.Fatalf("new article not answered from (%d): %s %s", code, out, errs)
	}
	// The catalog follows the corpus: the new method, attributed to its leader.
	out, _, _ = runCLI(t, data, "", "methods", "--corpus", dir, "--json")
	if !strings.Contains(out, `"name": "五步工作法"`) || !strings.Contains(out, `"leader": "王芳"`) {
		t.Fatalf("new method not in the catalog:\n%s", out)
	}
}

func TestCorpusListAndShow(t *testing.T) {
	data := t.TempDir()
	out, errs, code := runCLI(t, data, "", "corpus", "--json")
	if code != 0 {
		t.Fatal(errs)
	}
	var v struct {
		Articles []struct {
			ID     string `json:"id"`
			Leader string `json:"leader"`
			Chunks int    `json:"chunks"`
		} `json:"articles"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil || len(v.Articles) != 5 {
		t.Fatalf("%v %s", err, out)
	}
	for _, a := range v.Articles {
		if a.Chunks == 0 || a.Leader == "" {
			t.Errorf("article %+v", a)
		}
	}
	out, _, code = runCLI(t, data, "", "corpus", "show", v.Articles[0].ID)
	if code != 0 || !strings.Contains(out, "四單") {
		t.Fatalf("show: %d %s", code, out)
	}
	if _, _, code := runCLI(t, data, "", "corpus", "show", "nope"); code == 0 {
		t.Fatal("unknown id must fail")
	}
}

func TestChatSession(t *testing.T) {
	data := t.TempDir()
	in := "什么是四单工作法？\n/sources\n今天天气怎么样\n/reset\n/bogus\n/quit\n"
	out, errs, code := runCLI(t, data, in, "chat")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"民主议单", "来源", "没有找到", "已清空", "未知命令"} {
		if !strings.Contains(out, want) {
			t.Errorf("chat output lacks %q:\n%s", want, out)
		}
	}
}

func TestDefaultWithoutTokenChats(t *testing.T) {
	out, errs, code := runCLI(t, t.TempDir(), "四單工作法包括哪些內容？\n")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "TELEGRAM_BOT_TOKEN") || !strings.Contains(out, "民主議單") {
		t.Fatalf("want the token hint and a Traditional answer:\n%s\n%s", errs, out)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"nope"}, {"search"}, {"ask"}, {"search", "-k", "0", "x"}, {"search", "？？"}, {"index", "--no-default-corpus", "extra"}, {"methods", "extra"}, {"chat", "extra"}, {"--no-default-corpus", "extra"}} {
		if _, _, code := runCLI(t, t.TempDir(), "", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

func TestQuizJSON(t *testing.T) {
	out, errs, code := runCLI(t, t.TempDir(), "", "quiz", "--json", "-n", "6", "--topic", "四單工作法", "--seed", "3")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var v struct {
		Questions []struct {
			Kind        string   `json:"kind"`
			Question    string   `json:"question"`
			Options     []string `json:"options"`
			Correct     int      `json:"correct"`
			Explanation string   `json:"explanation"`
			Citation    struct {
				ChunkID string `json:"chunk_id"`
				Leader  string `json:"leader"`
				Text    string `json:"text"`
			} `json:"citation"`
		} `json:"questions"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(v.Questions) == 0 {
		t.Fatal("no questions")
	}
	for _, q := range v.Questions {
		if q.Question == "" || len(q.Options) < 2 || q.Correct < 0 || q.Correct >= len(q.Options) || q.Citation.ChunkID == "" || q.Citation.Text == "" {
			t.Errorf("malformed question %+v", q)
		}
		switch q.Kind {
		case "application", "problem", "order", "creator", "method_of", "step", "not_step", "missing_step", "number", "place", "model":
		default:
			t.Errorf("question %q has kind %q", q.Question, q.Kind)
		}
	}
	if _, _, code := runCLI(t, t.TempDir(), "", "quiz", "--topic", "量子力学研究"); code == 0 {
		t.Error("a topic with no material must fail")
	}
}

func TestMethodsAndLeadersJSON(t *testing.T) {
	data := t.TempDir()
	out, errs, code := runCLI(t, data, "", "methods", "--json")
	if code != 0 {
		t.Fatal(errs)
	}
	var ms struct {
		Methods []struct {
			Name      string   `json:"name"`
			Aliases   []string `json:"aliases"`
			Leader    string   `json:"leader"`
			ArticleID string   `json:"article_id"`
			Summary   string   `json:"summary"`
			ChunkIDs  []string `json:"chunk_ids"`
		} `json:"methods"`
	}
	if err := json.Unmarshal([]byte(out), &ms); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, m := range ms.Methods {
		if m.Name == "四单工作法" {
			found = m.Leader == "吴中兰" && len(m.ChunkIDs) > 0 && m.Summary != "" && m.ArticleID != ""
		}
	}
	if !found {
		t.Fatalf("四单工作法 missing or incomplete: %s", out)
	}
	out, _, code = runCLI(t, data, "", "leaders", "--json")
	var ls struct {
		Leaders []struct {
			Name       string   `json:"name"`
			Place      string   `json:"place"`
			ArticleIDs []string `json:"article_ids"`
			Methods    []string `json:"methods"`
		} `json:"leaders"`
	}
	if err := json.Unmarshal([]byte(out), &ls); err != nil || code != 0 || len(ls.Leaders) != 5 {
		t.Fatalf("leaders: %v %s", err, out)
	}
	out, _, code = runCLI(t, data, "", "method", "四單工作法")
	if code != 0 || !strings.Contains(out, "共同接單") || !strings.Contains(out, "來源") {
		t.Fatalf("method summary in Traditional with sources: %s", out)
	}
}

func TestSearchWithFilterMatchingNothing(t *testing.T) {
	out, errs, code := runCLI(t, t.TempDir(), "", "search", "--article", "no-such-article", "四单工作法")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if strings.Contains(out, "closest matches below") || !strings.Contains(out, "no passage matches") {
		t.Fatalf("an empty result must not promise matches below:\n%s", out)
	}
}
