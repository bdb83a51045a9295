package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bangyang/zh"
)

// TestAskChatContinues: `ask --chat NAME` keeps the conversation in the
// data directory, so a follow-up in a second process knows whom "她"
// means; without --chat it does not.
func TestAskChatContinues(t *testing.T) {
	data := t.TempDir()
	if _, errs, code := runCLI(t, data, "", "ask", "--chat", "trainer", "郭佳是谁？"); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	out, errs, code := runCLI(t, data, "", "ask", "--json", "--chat", "trainer", "她获得过什么荣誉？")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var v struct {
		Answer    string `json:"answer"`
		Refused   bool   `json:"refused"`
		TurnID    string `json:"turn_id"`
		Citations []struct {
			Leader string `json:"leader"`
			Text   string `json:"text"`
			Shown  string `json:"shown"`
		} `json:"citations"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if v.Refused || !strings.Contains(v.Answer, "全国优秀党务工作者") || v.TurnID == "" {
		t.Errorf("follow-up across calls not about 郭佳: %+v", v)
	}
	for _, c := range v.Citations {
		// 郭佳's article is Traditional; a Simplified asker is shown it
		// converted, the original stays in text.
		if c.Leader != "郭佳" || c.Shown == "" || c.Shown == c.Text || zh.DetectScript(c.Shown) != "hans" || zh.DetectScript(c.Text) != "hant" {
			t.Errorf("citation %+v", c)
		}
	}
	// Without --chat every call starts afresh.
	out, _, _ = runCLI(t, data, "", "ask", "她获得过什么荣誉？")
	if strings.Contains(out, "全国优秀党务工作者") && !strings.Contains(out, "郭佳") {
		t.Errorf("a call without --chat continued a conversation:\n%s", out)
	}
}

// TestEvalAnswers runs the answer eval from the command line on a small
// set of its own and checks the table's figures.
func TestEvalAnswers(t *testing.T) {
	set := filepath.Join(t.TempDir(), "set.jsonl")
	lines := `{"id":"what-1","kind":"what","question":"什么是四单工作法？","facts":[["民众点单"],["民主议单"]],"answerable":true}
{"id":"unknown-1","kind":"unknown","question":"王秀芳书记在哪个社区工作？","facts":[],"answerable":false}
`
	if err := os.WriteFile(set, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runCLI(t, t.TempDir(), "", "eval", "--answers", "--json", "--set", set)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rep struct {
		Overall struct {
			Cases, Abstained, Unanswerable, WrongRefusal int
			Coverage                                     float64
		} `json:"overall"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	o := rep.Overall
	if o.Cases != 2 || o.Unanswerable != 1 || o.Abstained != 1 || o.WrongRefusal != 0 || o.Coverage != 1 {
		t.Errorf("overall %+v\n%s", o, out)
	}
}
