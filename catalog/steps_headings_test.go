package catalog

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bangyang/corpus"
)

// buildFiles loads files written to a temporary folder through the real
// loader and builds their catalog.
func buildFiles(t *testing.T, files map[string]string) *Catalog {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	as, err := corpus.LoadDir(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	return mustBuild(t, corpus.ChunkAll(as))
}

const laterHeadingsLead = "长青社区党委书记刘桂芳在实践中探索形成了“%s”，让居民的事有人管、有人办。\n\n" +
	"刘桂芳是2012年来到长青社区的。那时候，社区里矛盾多，居民意见大。她说：“居民的事再小也是大事。”\n\n" +
	"她带着社工挨家挨户走访，两个月走遍了1200户，记下了满满三大本民情日记。\n\n"

// TestStepsUnderLaterHeadings: a method named once whose parts are told
// under later sub-headings (### lines, （一） titles, short lines), other
// paragraphs between: the headings are its steps when their count or
// words match its name — the counted character in each (四单), as many
// numbered as it counts, as many of one length, or the name's characters
// one per heading (听议办) — and what each heading holds is that step's
// procedure, the last step's not running into what came of it all.
func TestStepsUnderLaterHeadings(t *testing.T) {
	t.Parallel()
	body := []string{
		"每周三下午，刘桂芳都在社区议事厅接待居民，居民反映的每件事都记进需求清单。",
		"社区党委每周开一次会，把清单上的事逐项派给网格员和共建单位，明确完成时限。",
		"社区120名在职党员按照特长认领任务，为居民修水管、理发、辅导作业。",
		"每季度请居民代表给办结的事打分，不满意的重新办。",
	}
	sections := func(heads []string, format string) string {
		var b strings.Builder
		for i, h := range heads {
			b.WriteString(strings.ReplaceAll(format, "H", h) + "\n\n" + body[i%len(body)] + "\n\n")
		}
		return b.String() + "如今，长青社区居民满意率达到98%，“家门口的事”有了着落。\n"
	}
	lead := func(name string) string { return strings.ReplaceAll(laterHeadingsLead, "%s", name) }
	danHeads := []string{"居民点单：需求摸上来", "社区派单：任务分下去", "党员接单：服务送上门", "群众评单：好坏居民说"}
	for _, c := range []struct {
		name, file, text string
		want             []string
	}{
		{"四单工作法", "md.md", "# 刘桂芳的“四单”\n\n" + lead("四单工作法") + sections(danHeads, "### H"),
			[]string{"居民点单", "社区派单", "党员接单", "群众评单"}},
		{"四单工作法", "paren.txt", lead("四单工作法") + sections(danHeads, "（N）H"),
			[]string{"居民点单", "社区派单", "党员接单", "群众评单"}},
		{"三心工作法", "numbered.txt", lead("三心工作法") + strings.Repeat("社区还有很多故事。居民们说起她来滔滔不绝。老人们记得她的好。\n\n", 4) +
			sections([]string{"一、耐心倾听", "二、诚心解忧", "三、恒心坚守"}, "H"),
			[]string{"耐心倾听", "诚心解忧", "恒心坚守"}},
		{"三暖工作法", "same_length.txt", lead("三暖工作法") + sections([]string{"敲开居民的门", "听到心里的话", "办好身边的事"}, "H"),
			[]string{"敲开居民的门", "听到心里的话", "办好身边的事"}},
		{"听议办工作法", "core.txt", lead("听议办工作法") + sections([]string{"听民声", "议民事", "办实事"}, "H"),
			[]string{"听民声", "议民事", "办实事"}},
	} {
		text := c.text
		for i := 1; i <= 4; i++ {
			text = strings.Replace(text, "（N）", "（"+string([]rune("一二三四")[i-1])+"）", 1)
		}
		cat := buildFiles(t, map[string]string{c.file: text})
		m, _, ok := cat.FindMethod(c.name)
		if !ok {
			t.Errorf("%s: %s not found", c.file, c.name)
			continue
		}
		if strings.Join(m.Steps, "、") != strings.Join(c.want, "、") {
			t.Errorf("%s: steps %q, want %q", c.file, m.Steps, c.want)
			continue
		}
		if len(m.Procedure) != len(c.want) {
			t.Errorf("%s: procedure %v", c.file, m.Procedure)
			continue
		}
		for i, p := range m.Procedure {
			if len(p) != 1 || p[0].Text != body[i%len(body)] {
				t.Errorf("%s: step %d procedure %v, want only %q", c.file, i+1, p, body[i%len(body)])
			}
		}
	}
	// Headings that match neither the count nor the words are no steps.
	for _, c := range []struct{ name, file, text string }{
		{"三心工作法", "four.txt", lead("三心工作法") + sections([]string{"初到社区", "攻坚克难", "服务为先", "展望未来"}, "H")},
		{"四单工作法", "three.txt", lead("四单工作法") + sections([]string{"居民点单", "社区派单", "党员接单"}, "H")},
		{"三心工作法", "uneven.txt", lead("三心工作法") + sections([]string{"初到社区", "一场大雨之后", "老街新貌"}, "H")},
		{"连心工作法", "plain.txt", lead("连心工作法") + sections([]string{"初到社区", "一场大雨之后", "老街新貌"}, "H")},
	} {
		cat := buildFiles(t, map[string]string{c.file: c.text})
		if m, _, ok := cat.FindMethod(c.name); !ok || len(m.Steps) != 0 {
			t.Errorf("%s: %s found %v, steps %q, want none", c.file, c.name, ok, m.Steps)
		}
	}
}
