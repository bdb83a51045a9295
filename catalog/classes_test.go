package catalog

import (
	"strings"
	"testing"

	"bangyang/zh"

	"bangyang/corpus"
)

// methodsOf builds the catalog of one article and returns its methods'
// names with whom each is credited to.
func methodsOf(t *testing.T, meta corpus.Meta, text string) map[string]string {
	t.Helper()
	meta.ID = "a1"
	c := mustBuild(t, corpus.ChunkArticle(corpus.Article{Meta: meta, Text: text}))
	out := map[string]string{}
	for _, m := range c.Methods() {
		out[m.Name] = m.Leader
	}
	return out
}

func wantMethods(t *testing.T, got map[string]string, want map[string]string, not []string) {
	t.Helper()
	for n, l := range want {
		if g, ok := got[n]; !ok || g != key(l) {
			t.Errorf("%s: got %q (found %v), want credited to %s; all: %v", n, g, ok, l, got)
		}
	}
	for _, n := range not {
		if _, ok := got[n]; ok {
			t.Errorf("%s taken as a method: %v", n, got)
		}
	}
}

// Methods given as numbered section headings, in either script; a series
// of themes yields none.
func TestMethodsFromNumberedHeadings(t *testing.T) {
	text := "社區黨委書記區美玲帶領大家做了三件事。\n" +
		"（一）鄰里守望隊\n社區組織低齡老人每天上門看望獨居老人，一年走訪兩千多次。\n" +
		"（二）週末小課堂\n退休教師在活動室給孩子們輔導作業，每週六上午開課。\n" +
		"（三）樓道議事會\n每月一次，居民在樓道裡商量加裝電梯、停車這些事。"
	got := methodsOf(t, corpus.Meta{Leader: "區美玲", Script: zh.Traditional}, text)
	wantMethods(t, got, map[string]string{"邻里守望队": "區美玲", "周末小课堂": "區美玲", "楼道议事会": "區美玲"}, nil)

	// WeChat section numbers (joined to their heading by the cleaner),
	// 第N招 with a subtitle, a quoted name split by its quotes.
	wechat := "社区党委书记顾晓岚带着大家做了三件事。\n01 老伙伴计划\n低龄老人和高龄老人结对，每天一个电话。\n" +
		"第二招：银发数字课堂——手机不再难\n大学生志愿者每周教老人用手机。\n一、“睦邻”议事会\n每月一次，居民坐下来商量小区的事。"
	got = methodsOf(t, corpus.Meta{Leader: "顾晓岚"}, wechat)
	wantMethods(t, got, map[string]string{"老伙伴计划": "顾晓岚", "银发数字课堂": "顾晓岚", "睦邻议事会": "顾晓岚"}, nil)

	themes := "社区党委书记章丽华这些年抓了几件事。\n一、老有所依\n社区建起了长者饭堂。\n二、幼有所育\n社区开设了四点半课堂。\n三、弱有所扶\n社区为困难家庭建档。"
	got = methodsOf(t, corpus.Meta{Leader: "章丽华"}, themes)
	wantMethods(t, got, nil, []string{"老有所依", "幼有所育", "弱有所扶"})
}

// A way of working introduced by its name, a secretary's project, and a
// facility that is not a method.
func TestMethodsNamedAsAndFacilities(t *testing.T) {
	text := "我們想了個辦法，叫「鄰里一張網」：每棟樓選一個聯絡人，有事在群裡說。\n" +
		"今年，「電梯更新」書記項目是社區的頭號工程，一年加裝電梯12部。\n" +
		"去年社區建起了「錦苑養老驛站」，為老人提供午餐。社區便民服務站也延長了開放時間。"
	got := methodsOf(t, corpus.Meta{Leader: "鄒麗娟", Script: zh.Traditional}, text)
	wantMethods(t, got, map[string]string{"邻里一张网": "鄒麗娟", "电梯更新": "鄒麗娟"}, []string{"锦苑养老驿站", "便民服务站"})
}

// Two secretaries: a method in a sentence or a section about the other
// one is hers, and a headline's story word is no method.
func TestMethodsFollowTheSecretary(t *testing.T) {
	meta := corpus.Meta{Leader: "范桂芝", Others: []string{"韦志鹏"}, Title: "两位社区书记的“治家经”"}
	text := "两位书记的“治家经”，各有各的念法。\n" +
		"范桂芝：板凳上的课堂\n社区党委书记范桂芝办起了“板凳课堂”，每周两次教老人用手机。\n" +
		"韦志鹏：晚上的议事厅\n韦志鹏调任云岭社区党委书记后，推出了“夜间议事厅”。\n他还在快递柜旁设立了“说事信箱”，居民顺手就能投意见。"
	got := methodsOf(t, meta, text)
	wantMethods(t, got, map[string]string{"板凳课堂": "范桂芝", "夜间议事厅": "韦志鹏", "说事信箱": "韦志鹏"}, []string{"治家经"})
}

// Steps told one by one under their ordinals ("第二步是“议”。" as its own
// line, what is done in the next): the step is 议, not 是“议”, and the
// sentences under each header are its procedure, the last step's too.
func TestStepsUnderOrdinalHeaders(t *testing.T) {
	text := "槐荫社区老旧楼院多，居民诉求杂。曹玉梅总结出“四步工作法”：听、议、办、评。\n" +
		"第一步是“听”。\n社区干部每周二晚上到楼院里坐一坐，把居民反映的事记在本子上。\n" +
		"第二步是“议”。\n每月初，社区党委召集楼院长和居民代表开会，逐件商量怎么办。\n" +
		"第三步是“办”。社区能办的马上办，办不了的报街道，限期办结。\n" +
		"第四步是“评”。每件事办完后，请居民打分，不满意的重新办。\n" +
		"三年来，“四步工作法”办成了280多件事，居民满意率达到96%。"
	c := mustBuild(t, corpus.ChunkArticle(corpus.Article{Meta: corpus.Meta{ID: "a1", Leader: "曹玉梅"}, Text: text}))
	m, _, ok := c.FindMethod("四步工作法")
	if !ok {
		t.Fatalf("method not found: %v", c.Methods())
	}
	if strings.Join(m.Steps, "、") != "听、议、办、评" {
		t.Fatalf("steps %q", m.Steps)
	}
	if len(m.Procedure) != 4 {
		t.Fatalf("procedure %v", m.Procedure)
	}
	for i, want := range []string{"每周二晚上", "逐件商量", "限期办结", "请居民打分"} {
		var got []string
		for _, q := range m.Procedure[i] {
			got = append(got, q.Text)
		}
		if !strings.Contains(strings.Join(got, ""), want) || strings.Contains(strings.Join(got, ""), "第") {
			t.Errorf("step %d: procedure %q, want the sentence with %s and not the header", i+1, got, want)
		}
	}
}

// A method's parts enumerated one paragraph each (一是组织联建。… 二是…):
// they are its steps, and what follows each is its procedure.
func TestStepsEnumeratedByParagraph(t *testing.T) {
	text := "任海波在社区推行“四联工作法”。\n" +
		"一是组织联建。社区党委与辖区12家单位签订共建协议，每季度开一次联席会。\n" +
		"二是阵地联用。各单位的会议室、食堂、停车场向居民错时开放。\n" +
		"三是服务联办。单位党员到社区认领服务项目，为居民理发、修家电。\n" +
		"四是难题联解。居民反映的难题，由社区牵头、单位出力，一件件销号。\n" +
		"如今，红梅社区的居民满意率达到97%。"
	c := mustBuild(t, corpus.ChunkArticle(corpus.Article{Meta: corpus.Meta{ID: "a1", Leader: "任海波"}, Text: text}))
	m, _, ok := c.FindMethod("四联工作法")
	if !ok || strings.Join(m.Steps, "、") != "组织联建、阵地联用、服务联办、难题联解" {
		t.Fatalf("steps %q (found %v)", m.Steps, ok)
	}
	for i, want := range []string{"联席会", "错时开放", "认领服务项目", "一件件销号"} {
		if i >= len(m.Procedure) || len(m.Procedure[i]) == 0 || !strings.Contains(m.Procedure[i][0].Text, want) {
			t.Errorf("step %d: procedure %v, want the sentence with %s", i+1, m.Procedure, want)
		}
	}
}

// Each part introduced by a short sentence naming it (织密“服务网”。)
// and carried out by the rest of its paragraph.
func TestStepsUnderShortHeaders(t *testing.T) {
	text := "她带领社区探索出“三张网”工作法，即“服务网”“平安网”“连心网”。\n" +
		"织密“服务网”。社区把辖区划成9个网格，每个网格配一名专职网格员。\n" +
		"织牢“平安网”。社区组建了60多人的平安志愿巡逻队，每天晚上在小区巡逻。\n" +
		"织暖“连心网”。社区为独居老人建立结对关系，党员每周至少上门一次。\n" +
		"如今，桃源社区居民满意率达到97%。"
	c := mustBuild(t, corpus.ChunkArticle(corpus.Article{Meta: corpus.Meta{ID: "a1", Leader: "谢冬梅"}, Text: text}))
	m, _, ok := c.FindMethod("三张网工作法")
	if !ok || len(m.Steps) != 3 {
		t.Fatalf("method %v steps %q", ok, m.Steps)
	}
	for i, want := range []string{"专职网格员", "巡逻队", "结对关系"} {
		if i >= len(m.Procedure) || len(m.Procedure[i]) != 1 || !strings.Contains(m.Procedure[i][0].Text, want) {
			t.Errorf("step %d: procedure %v, want only the sentence with %s", i+1, m.Procedure, want)
		}
	}
}

// Steps told with adverbs of order (首先…其次…最後…), in Traditional.
func TestStepsBySequenceAdverbs(t *testing.T) {
	text := "冼嘉儀總結出“三步工作法”。首先，摸清底數，社工逐戶上門登記長者情況。其次，結對幫扶，每位黨員聯繫五戶長者。最後，定期回訪，每月電話問候一次。"
	c := mustBuild(t, corpus.ChunkArticle(corpus.Article{Meta: corpus.Meta{ID: "a1", Leader: "冼嘉儀", Script: zh.Traditional}, Text: text}))
	m, _, ok := c.FindMethod("三步工作法")
	if !ok || strings.Join(m.Steps, "、") != "摸清底数、结对帮扶、定期回访" {
		t.Fatalf("steps %q (found %v)", m.Steps, ok)
	}
}
