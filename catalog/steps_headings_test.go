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
		{"三心工作法", "numbered.txt", lead("三心工作法") + strings.Repeat("社区还有很多故事。居民们说起她来滔滔不绝。老人们记得她的好。\n\n", 3) +
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
		{"三联工作法", "numbered_far.txt", lead("三联工作法") + "那一年她刚到社区，什么都不懂。老人们说她像个学生。\n\n她挨家挨户地走，记下了三大本民情日记。社区的账一笔笔理清了。\n\n" +
			"第二年，社区换了新的办公楼。居民来办事不用再爬楼梯了。\n\n她说，这些年最难的是让居民信任社区。信任是一点点攒起来的。\n\n" +
			"她的女儿今年上了大学。说起女儿，她总觉得亏欠。\n\n社区的年轻人越来越多，活动也越来越热闹。周末的广场上全是人。\n\n" +
			sections([]string{"一、初心不改", "二、攻坚克难", "三、服务为民"}, "H")},
		{"三联工作法", "themes_far.txt", lead("三联工作法") + "社区还有很多故事。\n\n老人们记得她的好。\n\n" +
			sections([]string{"初心不改", "攻坚克难", "服务为民"}, "H")},
	} {
		cat := buildFiles(t, map[string]string{c.file: c.text})
		if m, _, ok := cat.FindMethod(c.name); !ok || len(m.Steps) != 0 {
			t.Errorf("%s: %s found %v, steps %q, want none", c.file, c.name, ok, m.Steps)
		}
	}
}

// Bracketed sub-headings (【用心倾听】) name the steps without their
// brackets.
func TestStepsUnderBracketHeadings(t *testing.T) {
	t.Parallel()
	text := strings.ReplaceAll(laterHeadingsLead, "%s", "三心工作法") +
		"【耐心倾听】\n\n每周二晚上，她带着社工在凉亭里摆茶听居民说事。\n\n" +
		"【热心服务】\n\n社区把常办的12项事务列成清单上门代办。\n\n" +
		"【恒心坚守】\n\n十年来，社区的事从不过夜。\n"
	m, _, ok := buildFiles(t, map[string]string{"a.txt": text}).FindMethod("三心工作法")
	if !ok || strings.Join(m.Steps, "、") != "耐心倾听、热心服务、恒心坚守" || len(m.Procedure) != 3 {
		t.Errorf("found %v steps %q procedure %v", ok, m.Steps, m.Procedure)
	}
}

// A table of steps (环节 | 做法 | 时限; HTML or Markdown) after the
// naming: the first column's cells are the steps when it is labelled as
// steps and the rows are as many as the text counts (四个环节), each
// row the procedure of its step; a table of something else, or of
// another count, gives none.
func TestStepsFromATable(t *testing.T) {
	t.Parallel()
	page := func(lead, col string, rows int) string {
		var b strings.Builder
		b.WriteString("<html><body><h1>民情直通车</h1><p>" + lead + "</p><table><tr><td>" + col + "</td><td>做法</td><td>时限</td></tr>")
		for _, r := range [][]string{{"民情收集", "网格员入户、微信群留言三条渠道收集诉求", "每日"}, {"分级交办", "社区能办的交网格，办不了的报街道", "1个工作日"},
			{"限时办结", "承办人按时限办理，逾期未办的公示通报", "7个工作日"}, {"群众评议", "办结后由居民打分，满意才算办结", "3日"}}[:rows] {
			b.WriteString("<tr><td>" + r[0] + "</td><td>" + r[1] + "</td><td>" + r[2] + "</td></tr>")
		}
		b.WriteString("</table><p>一年来，社区共受理诉求1200多件。</p></body></html>")
		return b.String()
	}
	const lead = "西北湖社区党委书记周晓燕推行“民情直通车”，把居民的诉求分成四个环节来办。"
	m, _, ok := buildFiles(t, map[string]string{"a.html": page(lead, "环节", 4)}).FindMethod("民情直通车")
	if !ok || strings.Join(m.Steps, "、") != "民情收集、分级交办、限时办结、群众评议" {
		t.Fatalf("found %v steps %q", ok, m.Steps)
	}
	if len(m.Procedure) != 4 || len(m.Procedure[1]) == 0 || !strings.Contains(m.Procedure[1][0].Text, "报街道") {
		t.Errorf("procedure %v", m.Procedure)
	}
	for _, c := range []struct{ name, text string }{
		{"three rows for four", page(lead, "环节", 3)},
		{"a column of no steps", page(lead, "单位", 4)},
	} {
		if m, _, ok := buildFiles(t, map[string]string{"a.html": c.text}).FindMethod("民情直通车"); ok && len(m.Steps) != 0 {
			t.Errorf("%s: steps %q", c.name, m.Steps)
		}
	}
}

// A meeting held on a schedule (每个月…开“河埠头议事”) is a practice,
// though the plain verb 开 alone names none (开了“绿色通道”).
func TestRegularMeetingIsAMethod(t *testing.T) {
	t.Parallel()
	got := methodsOf(t, corpus.Meta{Leader: "沈月华"}, "沈月华是西河口社区党支部书记。\n每个月的十五号，社区在河埠头摆上几张长凳，开“河埠头议事”，居民想说什么就说什么。\n"+
		"老人看病难，社区给他们开了“绿色通道”。")
	wantMethods(t, got, map[string]string{"河埠头议事": "沈月华"}, []string{"绿色通道"})
}

// A practice told first and then named by 把这叫做“…” (as by 把它叫做).
func TestNamedAsThis(t *testing.T) {
	t.Parallel()
	got := methodsOf(t, corpus.Meta{Leader: "邬美华"}, "每张卡片上印着邬美华的手机号码，居民有事随时打。她把这叫做“连心卡”，社区1800多户人家，家家都有一张。")
	wantMethods(t, got, map[string]string{"连心卡": "邬美华"}, nil)
}

// “四个一” whose items head later sections (### 一张联系卡 …), paragraphs
// between the naming and the first: the items are its steps.
func TestCountedOnesUnderLaterHeadings(t *testing.T) {
	t.Parallel()
	text := "# 她用“四个一”温暖老人\n\n安居社区党委书记米秀英推出“四个一”服务，专门照顾社区的独居老人。\n\n" +
		"米秀英是2010年到社区工作的。那一年，社区里有一位独居老人在家中摔倒，三天后才被发现。\n\n" +
		"此后，她带着社工挨家挨户摸底，把全社区126位独居老人的情况一一登记。\n\n" +
		"社区还和辖区医院签了协议，医生每月来社区坐诊两次。居民们说，现在看病方便多了。\n\n" +
		"她说：“不能再让这样的事发生了。”那段时间，她几乎每天都加班。家里人也有意见。\n\n" +
		"### 一张联系卡\n\n每位老人都有一张联系卡，上面印着网格员和社区医生的电话。\n\n" +
		"### 一本健康账\n\n社区为每位老人建了健康档案，血压、血糖每月记一次。\n\n" +
		"### 一次上门访\n\n网格员每周至少上门一次，看看老人缺什么、有什么难处。\n\n" +
		"### 一场生日会\n\n每月最后一个周六，社区为当月过生日的老人办一场集体生日会。\n\n如今，社区的独居老人有了依靠。\n"
	m, _, ok := buildFiles(t, map[string]string{"a.md": text}).FindMethod("四个一")
	if !ok || strings.Join(m.Steps, "、") != "一张联系卡、一本健康账、一次上门访、一场生日会" || len(m.Procedure) != 4 {
		t.Errorf("found %v steps %q procedure %v", ok, m.Steps, m.Procedure)
	}
}

// Steps that are one-line list items (1. 先听后说。) head nothing: what
// follows the list is no last step's procedure.
func TestListItemsAreNoHeadings(t *testing.T) {
	t.Parallel()
	text := "杨秀兰总结出“三步调解法”。\n1. 先听后说。\n2. 找准症结。\n3. 当面和解。\n社区用这个办法调解了200多起纠纷。"
	c := mustBuild(t, corpus.ChunkArticle(corpus.Article{Meta: corpus.Meta{ID: "a1", Leader: "杨秀兰"}, Text: text}))
	m, _, ok := c.FindMethod("三步调解法")
	if !ok || len(m.Steps) != 3 {
		t.Fatalf("found %v steps %q", ok, m.Steps)
	}
	for i, p := range m.Procedure {
		for _, q := range p {
			if strings.Contains(q.Text, "200多起") {
				t.Errorf("step %d procedure holds what came of it: %q", i+1, q.Text)
			}
		}
	}
}

// A team formed under a name (组成“银龄帮帮队”) is a practice, as one
// set up (组建“…”).
func TestTeamFormedIsAMethod(t *testing.T) {
	t.Parallel()
	got := methodsOf(t, corpus.Meta{Leader: "禤玉芳"}, "禤玉芳是白沙社区党委书记。驿站开张后，她又拉来辖区的医院和两家物业公司，组成“银龄帮帮队”，每周上门两次。")
	wantMethods(t, got, map[string]string{"银龄帮帮队": "禤玉芳"}, nil)
}

// TestQuoteIntroducedIsNoMethod: "不少居民都会说一句：…" introduces what
// people say; a count of one (一句) names no method's parts.
func TestQuoteIntroducedIsNoMethod(t *testing.T) {
	t.Parallel()
	got := methodsOf(t, corpus.Meta{Leader: "毛秀英"}, "在东关社区，提起社区党委书记毛秀英，不少居民都会说一句：有事找毛书记。毛秀英推出“敲门问需”，每周带着网格员逐户走访。")
	wantMethods(t, got, map[string]string{"敲门问需": "毛秀英"}, []string{"不少居民都会说一句"})
}
