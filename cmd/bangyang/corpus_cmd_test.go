package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// `bangyang corpus` shows what was derived and what was declared, and how
// to correct it; --json keeps its fields and adds the new ones.
func TestCorpusShowsProvenance(t *testing.T) {
	data, dir := t.TempDir(), t.TempDir()
	declared := "---\nleader: 于海燕\nrole: 社区党委书记\nhonours: [青岛市优秀党务工作者]\nmethods: [楼长议事会]\n---\n" +
		"于海燕2017年起担任闽江路社区党委书记。于海燕推动每个楼栋选出楼长，每月召开楼长议事会。居民说，于书记一定给个说法。\n"
	derived := "钟小燕：把服务带到每个角落\n\n全国人大代表钟小燕是重庆市渝中区解放碑街道较场口社区党委书记、居委会主任。" +
		"居民们叫她钟书记。钟小燕总结出“135”工作法。钟小燕先后获得全国劳动模范等荣誉。\n"
	for name, text := range map[string]string{"yu.md": declared, "zhong.txt": derived} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errs, code := runCLI(t, data, "", "corpus", "--no-default-corpus", "--corpus", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"leader 于海燕 (front matter)", "role 社区党委书记 (front matter)", "honours 青岛市优秀党务工作者 (front matter)",
		"methods 楼长议事会 (front matter)",
		"leader 钟小燕 (derived)", "role 社区党委书记、居委会主任 (derived)",
		"place 重庆市渝中区解放碑街道较场口社区 (derived)", "全国人大代表", "aliases 钟书记 (derived)",
		"front matter (it always wins): leader:, aliases: [..], role:, place:, honours: [..], methods: [..]",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("corpus output lacks %q:\n%s", want, out)
		}
	}
	out, errs, code = runCLI(t, data, "", "corpus", "--json", "--no-default-corpus", "--corpus", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var v struct {
		Articles []struct {
			ID       string   `json:"id"`
			Leader   string   `json:"leader"`
			Role     string   `json:"role"`
			Place    string   `json:"place"`
			Honours  []string `json:"honours"`
			Methods  []string `json:"methods"`
			Declared []string `json:"declared"`
			Chunks   int      `json:"chunks"`
			Origin   string   `json:"origin"`
		} `json:"articles"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil || len(v.Articles) != 2 {
		t.Fatalf("%v %s", err, out)
	}
	for _, a := range v.Articles {
		switch a.Leader {
		case "于海燕":
			if !slices.Equal(a.Declared, []string{"leader", "role", "honours", "methods"}) || !slices.Equal(a.Methods, []string{"楼长议事会"}) {
				t.Errorf("declared article: %+v", a)
			}
		case "钟小燕":
			if len(a.Declared) != 0 || a.Role != "社区党委书记、居委会主任" || !slices.Contains(a.Honours, "全国人大代表") {
				t.Errorf("derived article: %+v", a)
			}
		default:
			t.Errorf("leader %q", a.Leader)
		}
		if a.Chunks == 0 || a.ID == "" || a.Origin == "" {
			t.Errorf("article %+v", a)
		}
	}
	// show marks the values too.
	out, _, code = runCLI(t, data, "", "corpus", "--no-default-corpus", "--corpus", dir, "show", "zhong")
	if code != 0 || !strings.Contains(out, "role: 社区党委书记、居委会主任 (derived)") || !strings.Contains(out, "To correct a value") {
		t.Errorf("show: %d\n%s", code, out)
	}
}
