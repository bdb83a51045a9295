package catalog

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"bangyang/corpus"
)

// The steps set (testdata/steps, expected.json) holds one article per way
// the genre tells a method's steps: a name that enumerates them, numbered
// lists of every kind, 环节/步骤 counted after a list, prose with adverbs
// of order, paragraphs or sub-headings opened by a quoted keyword, lists
// that end where prose goes on, and an article whose enumerations are not
// steps. Each method's record must have the steps in order, each step's
// procedure holding its sentences, and nothing from after the method.

type stepsWant struct {
	Name      string     `json:"name"`
	Steps     []string   `json:"steps"`
	Procedure [][]string `json:"procedure"`
	Not       []string   `json:"not"`
}

type stepsArticle struct {
	File    string      `json:"file"`
	Class   string      `json:"class"`
	Methods []stepsWant `json:"methods"`
}

func TestStepsClasses(t *testing.T) {
	t.Parallel()
	const dir = "testdata/steps"
	b, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Articles []stepsArticle `json:"articles"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	as, err := corpus.LoadDir(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	idOf, textOf := map[string]string{}, map[string]string{}
	for _, a := range as {
		idOf[filepath.Base(a.Origin)] = a.ID
		textOf[a.ID] = a.Text
	}
	listed := map[string]bool{}
	for _, art := range doc.Articles {
		listed[art.File] = true
	}
	for f := range idOf {
		if !listed[f] {
			t.Errorf("%s is in %s but not in expected.json", f, dir)
		}
	}
	c := mustBuild(t, corpus.ChunkAll(as))
	for _, art := range doc.Articles {
		t.Run(strings.TrimSuffix(art.File, filepath.Ext(art.File)), func(t *testing.T) {
			id, ok := idOf[art.File]
			if !ok {
				t.Fatalf("%s not loaded", art.File)
			}
			for _, w := range art.Methods {
				checkStepsRecord(t, c, id, textOf[id], w)
			}
		})
	}
}

func checkStepsRecord(t *testing.T, c *Catalog, id, text string, w stepsWant) {
	t.Helper()
	var m *Method
	for _, x := range c.Methods() {
		if x.ArticleID == id && (key(x.Name) == key(w.Name) || slices.ContainsFunc(x.Aliases, func(a string) bool { return key(a) == key(w.Name) })) {
			m = &x
			break
		}
	}
	if m == nil {
		t.Fatalf("%s not found", w.Name)
	}
	var got, want []string
	for _, s := range m.Steps {
		got = append(got, key(s))
	}
	for _, s := range w.Steps {
		want = append(want, key(s))
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s: steps %q, want %q", w.Name, m.Steps, w.Steps)
		return
	}
	if len(w.Procedure) > 0 && len(m.Procedure) != len(w.Procedure) {
		t.Errorf("%s: procedure of %d steps, want %d: %v", w.Name, len(m.Procedure), len(w.Procedure), m.Procedure)
		return
	}
	for i, frags := range w.Procedure {
		var joined []string
		for _, q := range m.Procedure[i] {
			joined = append(joined, q.Text)
		}
		for _, f := range frags {
			if !strings.Contains(strings.Join(joined, ""), f) {
				t.Errorf("%s step %d (%s): procedure %q lacks the sentence with %s", w.Name, i+1, m.Steps[i], joined, f)
			}
		}
	}
	// In article order, and nothing from after the method.
	last := -1
	for i, p := range m.Procedure {
		for _, q := range p {
			if pos := strings.Index(text, q.Text); pos >= 0 {
				if pos < last {
					t.Errorf("%s step %d: %q is out of article order", w.Name, i+1, q.Text)
				}
				last = pos
			}
			for _, f := range w.Not {
				if strings.Contains(q.Text, f) {
					t.Errorf("%s step %d: %q is not about the step", w.Name, i+1, q.Text)
				}
			}
		}
	}
	for _, s := range m.Steps {
		for _, f := range w.Not {
			if strings.Contains(s, f) {
				t.Errorf("%s: step %q runs into what follows", w.Name, s)
			}
		}
	}
}

// A list's last step stops where the list does: before the count that
// closes it (…及时反馈四个步骤，… / …等四步), its own shorthand (…共评“五共”
// 机制) or what the items make up (…德治相结合的治理模式); its first starts
// after the lead-in (形成了共商…); parallel clauses stop before the words
// after them (…一样，赢得了居民的信任); an enumeration told in one
// sentence (一是…，二是…，三是…) is read whole.
func TestStepNamesStopAtTheirEnd(t *testing.T) {
	for _, c := range []struct{ text, name, want string }{
		{"社区党委书记甲秀英推行“四步工作法”：收集民意、分类梳理、限时办理、及时反馈四个步骤，让居民的事有人管。", "四步工作法", "收集民意、分类梳理、限时办理、及时反馈"},
		{"社区党委书记甲秀英推行“四步工作法”，即收集民意、分类梳理、限时办理、及时反馈等四步，居民很满意。", "四步工作法", "收集民意、分类梳理、限时办理、及时反馈"},
		{"社区党委书记甲秀英推行“三联工作法”，一是党员联户，二是单位联建，三是志愿联心，社区面貌焕然一新。", "三联工作法", "党员联户、单位联建、志愿联心"},
		{"社区党委书记甲秀英推行“民情直通车”，分为收集、梳理、办理、反馈四个环节，居民的事件件有回音。", "民情直通车", "收集、梳理、办理、反馈"},
		{"社区党委书记甲秀英推行“五共服务法”：共商、共建、共治、共享、共评“五共”机制。", "五共服务法", "共商、共建、共治、共享、共评"},
		{"社区党委书记甲秀英推行“五共服务法”，形成了共商、共建、共治、共享、共评的“五共”格局。", "五共服务法", "共商、共建、共治、共享、共评"},
		{"社区党委书记甲秀英推行“四步工作法”：摸底、议事、办理、评议为一体的闭环。", "四步工作法", "摸底、议事、办理、评议"},
		{"社区党委书记甲秀英推行“三治融合”工作法，推行自治、法治、德治相结合的治理模式。", "三治融合工作法", "自治、法治、德治"},
		{"社区党委书记甲秀英推行“三个一样”工作法：对待居民像对待家人一样，办居民的事像办自家的事一样，守社区像守自己的家一样，赢得了居民的信任。", "三个一样工作法", "对待居民像对待家人一样、办居民的事像办自家的事一样、守社区像守自己的家一样"},
	} {
		c0 := mustBuild(t, corpus.ChunkArticle(corpus.Article{Meta: corpus.Meta{ID: "a1", Leader: "甲秀英"}, Text: c.text}))
		m, _, ok := c0.FindMethod(c.name)
		if !ok || strings.Join(m.Steps, "、") != c.want {
			t.Errorf("%q: steps %q (found %v), want %s", c.text, m.Steps, ok, c.want)
		}
	}
}

// Lines and enumerations that are no steps: an infobox, a page's chrome
// and a meeting's particulars after the method's naming, an interview's
// speakers, the difficulties met (难处：一是…二是…).
func TestEnumerationsThatAreNoSteps(t *testing.T) {
	for _, text := range []string{
		"社区党委书记甲秀英推行“楼院议事会”。\n中文名：甲秀英\n民族：汉族\n出生日期：1970年5月\n职务：社区党委书记",
		"社区党委书记甲秀英推行“楼院议事会”。\n来源：滨江日报\n编辑：王小明\n审核：李大伟",
		"社区党委书记甲秀英推行“楼院议事会”。最近一次议事会的情况如下。\n时间：2023年5月12日。\n地点：社区二楼活动室。\n参加人员：居民代表30人。\n议题：加装电梯。",
		"社区党委书记甲秀英推行“楼院议事会”。她先是在街道做文书，然后调到社区当社工，最后当上了社区党委书记。",
		"社区党委书记甲秀英推行“楼院议事会”。刚开始推行时，她遇到了不少难处：一是居民不理解，二是楼长不好选，三是场地没着落。",
		"社区党委书记甲秀英推行“楼院议事会”。\n记者：议事会怎么开？\n甲秀英：每月一次，居民坐下来商量小区里的事。\n记者：效果怎么样？\n甲秀英：大家都说好，矛盾少多了。",
	} {
		c := mustBuild(t, corpus.ChunkArticle(corpus.Article{Meta: corpus.Meta{ID: "a1", Leader: "甲秀英"}, Text: text}))
		for _, m := range c.Methods() {
			if len(m.Steps) > 0 {
				t.Errorf("%q: %s has steps %q", text, m.Name, m.Steps)
			}
		}
	}
}
