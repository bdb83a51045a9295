package corpus

import (
	"slices"
	"strings"
	"testing"
)

// Classes of the derive12 round: pages telling of two secretaries whose
// facts must stay each one's, an interview that gives her post only by
// addressing her, and the career and honour lines of profiles.

// twoWinnersText is an award column telling two winners one after the
// other (一、…；二、…), each section closing on a 荣誉： line naming no one.
const twoWinnersText = "【身边的榜样】年度“最美社区书记”事迹展播\n\n" +
	"　　编者按：日前，青州市年度“最美社区书记”评选揭晓。今天刊发其中两位的事迹。\n\n" +
	"一、何玉梅：老街巷里的“贴心大姐”\n\n" +
	"　　何玉梅，女，1972年出生，现任青州市南城区文昌街道双井社区党委书记。\n\n" +
	"　　何玉梅此前在街道民政科工作，2014年转岗到社区。她创办了“银发食堂”，每餐只收8元。\n\n" +
	"　　荣誉：全省“三八红旗手”、青州市优秀共产党员\n\n" +
	"二、邓建华：新小区的“开荒人”\n\n" +
	"　　邓建华，男，1985年出生，现任青州市北城区望江街道滨江社区党支部书记。\n\n" +
	"　　2012年退伍后，邓建华先在街道综治办干了三年，2018年被选为滨江社区党支部书记。他办起了“新市民夜校”。\n\n" +
	"　　荣誉：青州市“优秀退役军人”、全市“五星级”党组织书记\n\n" +
	"（青州日报记者　孙磊）\n"

// A 荣誉： line is a field of the profile above it: 荣誉 is no one's name,
// the line opens no section, and its honours are the section's
// secretary's — 何玉梅's hers, 邓建华's his, never the other's.
func TestHonourFieldLineIsTheSectionsOwn(t *testing.T) {
	a := loadText(t, "winners.txt", twoWinnersText)
	if a.Leader != "何玉梅" || !slices.Equal(a.Others, []string{"邓建华"}) {
		t.Fatalf("leader %q others %v, want 何玉梅 and 邓建华 alone (荣誉 is no one)", a.Leader, a.Others)
	}
	if !slices.Contains(a.Honours, "全省三八红旗手") || slices.ContainsFunc(a.Honours, func(h string) bool { return strings.Contains(h, "退役军人") }) {
		t.Errorf("leader's honours %v: want her 三八红旗手 and not his 优秀退役军人", a.Honours)
	}
	if len(a.Secretaries) != 1 || !slices.ContainsFunc(a.Secretaries[0].Honours, func(h string) bool { return strings.Contains(h, "优秀退役军人") }) ||
		slices.ContainsFunc(a.Secretaries[0].Honours, func(h string) bool { return strings.Contains(h, "三八红旗手") }) {
		t.Errorf("second secretary %+v: want his 优秀退役军人 and not her 三八红旗手", a.Secretaries)
	}
	for _, c := range ChunkArticle(a) {
		if strings.Contains(c.Text, "三八红旗手") && c.Meta.Leader != "何玉梅" {
			t.Errorf("her 荣誉 line in a passage credited to %s:\n%s", c.Meta.Leader, c.Text)
		}
		if strings.Contains(c.Text, "优秀退役军人") && c.Meta.Leader != "邓建华" {
			t.Errorf("his 荣誉 line in a passage credited to %s:\n%s", c.Meta.Leader, c.Text)
		}
	}
	// One profile alone: the 荣誉 line with a 十佳社区书记 in it names no
	// second secretary 荣誉.
	b := loadText(t, "cao.txt", "扎根社区十五年的“老黄牛”\n\n曹建新曾是一名中学物理教师，2006年从学校转岗到社区，2013年起任华松社区党委书记。\n\n华松社区党委书记曹建新推出了“楼组微治理”。\n\n荣誉：上海市优秀共产党员、长宁区十佳社区书记\n")
	if b.Leader != "曹建新" || len(b.Others) != 0 || !slices.Contains(b.Honours, "长宁区十佳社区书记") {
		t.Errorf("leader %q others %v honours %v, want 曹建新 alone with 长宁区十佳社区书记", b.Leader, b.Others, b.Honours)
	}
}

// FieldLine: a label and its value on a line of their own; a heading with
// a colon inside it (二、邓建华：新小区的…) or a bare label is none.
func TestFieldLine(t *testing.T) {
	for line, want := range map[string]bool{
		"荣誉：全省“三八红旗手”、青州市优秀共产党员": true,
		"　　主要荣誉：全国优秀党务工作者":       true,
		"【荣誉】：全国三八红旗手":           true,
		"職務：社區黨委書記":              true,
		"二、邓建华：新小区的“开荒人”":        false,
		"她的荣誉：": false,
		"荣誉：":   false,
		"荣誉与担当": false,
	} {
		if got := FieldLine(line); got != want {
			t.Errorf("FieldLine(%q) = %v, want %v", line, got, want)
		}
	}
}

// tvScriptText is a TV feature's script: two segments, the second
// secretary named only in a 【同期】 label with his post after a space.
const tvScriptText = "《社区书记》系列报道 第三集 解说词\n\n" +
	"【解说】早上七点，临河社区党委书记孔繁英就来到了社区的菜市场。孔繁英在这里工作了十二年。\n\n" +
	"【同期】孔繁英：菜市场是居民每天都要来的地方。\n\n" +
	"【解说】孔繁英摸索出了“菜场议事会”，每周一上午在菜市场门口听意见。\n\n" +
	"【字幕】第二部分　老厂区里的“和事佬”\n\n" +
	"【解说】同一座城市的东边，是建于上世纪七十年代的钢厂社区。\n\n" +
	"【同期】郑国华　钢厂社区党委书记：我在钢厂干了二十年电工，2015年厂里改制后来到社区。\n\n" +
	"【解说】他把退休的老工人组织起来，成立了“老师傅帮帮团”，帮居民修水管。\n\n" +
	"【解说】2022年，郑国华获得“省级优秀共产党员”称号。\n"

// A script's 【同期】 label naming a secretary with her post (郑国华　…党委
// 书记：) makes her one of the page's secretaries; his segment is his —
// the passages, the speaker of his 同期 line, and his honour.
func TestScriptSegmentOfSecondSecretary(t *testing.T) {
	a := loadText(t, "tv.txt", tvScriptText)
	if a.Leader != "孔繁英" || !slices.Equal(a.Others, []string{"郑国华"}) {
		t.Fatalf("leader %q others %v, want 孔繁英 and 郑国华", a.Leader, a.Others)
	}
	if len(a.Honours) != 0 {
		t.Errorf("leader's honours %v: the 优秀共产党员 is his", a.Honours)
	}
	if len(a.Secretaries) != 1 || a.Secretaries[0].Place != "钢厂社区" {
		t.Errorf("second secretary %+v, want of 钢厂社区", a.Secretaries)
	}
	for _, c := range ChunkArticle(a) {
		if (strings.Contains(c.Text, "老师傅帮帮团") || strings.Contains(c.Text, "省级优秀共产党员")) && c.Meta.Leader != "郑国华" {
			t.Errorf("his segment in a passage credited to %s:\n%s", c.Meta.Leader, c.Text)
		}
		if strings.Contains(c.Text, "菜场议事会") && c.Meta.Leader != "孔繁英" {
			t.Errorf("her segment in a passage credited to %s:\n%s", c.Meta.Leader, c.Text)
		}
	}
	for line, want := range map[string]string{
		"【同期】郑国华　钢厂社区党委书记：我在钢厂干了二十年电工。": "郑国华",
		"【同期】孔繁英：菜市场是居民每天都要来的地方。":       "孔繁英",
		"郑国华（钢厂社区党委书记）：我在钢厂干了二十年电工。":    "郑国华",
		"【同期】居民　李师傅：郑书记跟我们是一个车间出来的。":    "",
		"【解说】郑国华把退休的老工人组织起来：一个车间一个队。":   "",
	} {
		if got := SpeakerOf(line, a.Meta); got != want {
			t.Errorf("SpeakerOf(%q) = %q, want %q", line, got, want)
		}
	}
}

// An interview that never states her post: the interviewer addresses her
// as 马书记, so she is the community's 书记, and her own answer places her
// (我在幸福里社区干了整整十年).
func TestInterviewAddressGivesThePost(t *testing.T) {
	a := loadText(t, "ma.txt", "【书记面对面】马晓雯：把居民请进议事厅\n\n"+
		"　　记者：马书记您好，您在社区工作多少年了？\n\n"+
		"　　马晓雯：我在幸福里社区干了整整十年，前五年是社工，后五年当书记。\n\n"+
		"　　记者：马书记，社区里最难办的事是什么？\n\n"+
		"　　马晓雯：停车。我们开了三次“楼院议事会”，定下了错时停车的办法。\n")
	if a.Leader != "马晓雯" || a.Role != "社区书记" || a.Place != "幸福里社区" {
		t.Errorf("leader %q role %q place %q, want 马晓雯, 社区书记 of 幸福里社区", a.Leader, a.Role, a.Place)
	}
	// A report that states no post and addresses no one so: no post.
	b := loadText(t, "b.txt", "邻里的事\n\n马晓雯在幸福里社区住了十年。马晓雯说，邻里要多走动。\n")
	if b.Role != "" {
		t.Errorf("role %q of a resident no one addresses by a post", b.Role)
	}
}

// A second secretary's quotation in the leader's story — whole, then its
// attribution ("“…。”侯建军说。"), or opened after her name and running
// over sentences ("侯建军说：“…。…。”") — is hers: her facts are not the
// leader's.
func TestQuotationOfTheOtherSecretary(t *testing.T) {
	people := [][]string{{"冯雪莲", "冯书记"}, {"侯建军"}}
	for _, c := range []struct {
		sents []string
		want  []int
	}{
		{[]string{"侯建军和冯雪莲是多年的老搭档。", "“我们社区去年建起了‘老年助餐点’，每天供餐150份。”", "侯建军说。"}, []int{-1, 1, 1}},
		{[]string{"侯建军说：“冯书记的办法我们学了不少。", "去年我本人还获得了‘市劳动模范’称号。”", "冯雪莲还组织党员成立了“红色代办队”。"}, []int{1, 1, -1}},
		{[]string{"冯书记笑着说：“事要一件件办。”", "居民都信她。"}, []int{0, -1}},
		{[]string{"“冯书记是我们的贴心人。”", "居民老周说。"}, []int{-1, -1}},
		// The one spoken to, or beside, is no speaker.
		{[]string{"她对侯建军说：“我们社区去年建起了老年食堂。”"}, []int{-1}},
		{[]string{"她拉着侯建军的手说：“先把食堂办起来。”"}, []int{-1}},
		{[]string{"在侯建军的介绍下，她表示：“我们也要学。”"}, []int{-1}},
	} {
		if got := QuotedSpeakers(c.sents, people); !slices.Equal(got, c.want) {
			t.Errorf("QuotedSpeakers(%q) = %v, want %v", c.sents, got, c.want)
		}
	}
	a := loadText(t, "feng.txt", "老城区里的“红色管家”\n\n"+
		"　　在东城区，提起西关社区党委书记冯雪莲，街坊们都竖大拇指。冯雪莲推出了“楼院议事日”，每月10日请居民坐下来商量事。\n\n"+
		"　　西关社区隔壁是北关社区，社区党委书记侯建军和冯雪莲是多年的老搭档。“我们社区去年建起了‘老年助餐点’，每天供餐150份。”侯建军说。\n\n"+
		"　　冯雪莲还组织党员成立了“红色代办队”。2020年，冯雪莲被评为“全国优秀党务工作者”。\n\n"+
		"　　侯建军说：“冯书记的办法我们学了不少。去年我本人还获得了‘市劳动模范’称号。”\n")
	if a.Leader != "冯雪莲" || !slices.Equal(a.Honours, []string{"全国优秀党务工作者"}) {
		t.Errorf("leader %q honours %v, want 冯雪莲 with 全国优秀党务工作者 alone (市劳动模范 is his)", a.Leader, a.Honours)
	}
	if len(a.Secretaries) != 1 || !slices.Equal(a.Secretaries[0].Honours, []string{"市劳动模范"}) {
		t.Errorf("second secretary %+v, want his 市劳动模范", a.Secretaries)
	}
}

// A mobile page's honours listed a row a year under 个人荣誉： before the
// closing source line: the rows are her honours and stay in the text (a
// row of a year and a title is no paper's dateline, the closing source no
// date line under a title).
func TestHonourRowsBeforeClosingSource(t *testing.T) {
	a := loadText(t, "mei.txt", "【最美社区人】“小巷总理”梅丽华\n\n"+
		"梅丽华，女，1978年生，现任滨湖区太湖街道荷塘社区党委书记。\n\n"+
		"梅丽华原是一家银行的柜员，2011年辞职进入社区，从网格员干起。她推出“荷塘夜话”，每周四晚上和居民拉家常。\n\n"+
		"个人荣誉：\n2019年　无锡市优秀共产党员\n2022年　全国三八红旗手\n\n（来源：滨湖发布）\n")
	if !slices.Contains(a.Honours, "无锡市优秀共产党员") || !slices.Contains(a.Honours, "全国三八红旗手") {
		t.Errorf("honours %v, want the rows' 无锡市优秀共产党员 and 全国三八红旗手", a.Honours)
	}
	if !strings.Contains(a.Text, "2019年　无锡市优秀共产党员") && !strings.Contains(a.Text, "2019年 无锡市优秀共产党员") {
		t.Errorf("the honours rows left the text:\n%s", a.Text)
	}
	if a.Title != "【最美社区人】“小巷总理”梅丽华" {
		t.Errorf("title %q", a.Title)
	}
}

// A section that brings its secretary in by name (二、… then "他叫邓志刚，
// …社区党支部书记"): he is a secretary of the page though named once,
// and his section is his — the passages and the honour in it.
func TestSectionOpeningHeIsCalled(t *testing.T) {
	a := loadText(t, "two.txt", "社区里的两位“领头雁”\n\n一、老街巷里的“贴心大姐”\n\n"+
		"　　她叫何秀兰，是文昌街道双井社区党委书记。何秀兰创办了“银发食堂”，每餐只收8元。2020年，她被评为“全省三八红旗手”。\n\n"+
		"二、新小区的“开荒人”\n\n"+
		"　　他叫邓志刚，退伍军人，现任望江街道滨江社区党支部书记。他牵头成立了“红色业委会”，一年内解决了17个难题。\n\n"+
		"　　他还办起了“新市民夜校”。2022年，他被评为“市优秀退役军人”。\n")
	if a.Leader != "何秀兰" || !slices.Equal(a.Others, []string{"邓志刚"}) {
		t.Fatalf("leader %q others %v, want 何秀兰 and 邓志刚", a.Leader, a.Others)
	}
	if !slices.Equal(a.Honours, []string{"全省三八红旗手"}) {
		t.Errorf("leader's honours %v: his 优秀退役军人 is not hers", a.Honours)
	}
	for _, c := range ChunkArticle(a) {
		if strings.Contains(c.Text, "新市民夜校") && c.Meta.Leader != "邓志刚" {
			t.Errorf("his section in a passage credited to %s:\n%s", c.Meta.Leader, c.Text)
		}
	}
	// 说起 opens no place: 说起南门社区党委书记葛志远 is of 南门社区.
	b := loadText(t, "ge.txt", "两位书记\n\n　　说起南门社区党委书记葛志远，大家首先想到的是他的“板凳会”。每周五下午，葛志远都会搬几条板凳到小区广场。\n")
	if b.Leader != "葛志远" || b.Place != "南门社区" {
		t.Errorf("leader %q place %q, want 葛志远 of 南门社区", b.Leader, b.Place)
	}
}

// TestStarAndGoodPersonHonours: "全国志愿服务奉献之星" and "中国好人" are
// honours of hers, listed with the others.
func TestStarAndGoodPersonHonours(t *testing.T) {
	got := deriveHonours("于丽琴先后获得“全国志愿服务奉献之星”“辽宁省优秀共产党员”等荣誉，2020年入选中国好人。", nil, "于丽琴", nil, nil)
	for _, want := range []string{"全国志愿服务奉献之星", "辽宁省优秀共产党员", "中国好人"} {
		found := false
		for _, h := range got {
			found = found || strings.Contains(h, want)
		}
		if !found {
			t.Errorf("%s missing from %v", want, got)
		}
	}
}

// TestHonoursOfThoseSheLed: an honour won by someone she led or helped,
// named in its clause (徒弟小王, 志愿者张秀兰, 调解员老王), is not hers; her own,
// told beside theirs, is.
func TestHonoursOfThoseSheLed(t *testing.T) {
	for _, text := range []string{
		"李文静说：“我带出来的徒弟小王去年获评区调解能手。”",
		"李文静说：“我身边的志愿者张秀兰前年被评为全市“身边好人”。”",
		"李文静说：“我们社区的退役军人老周被评为全省模范退役军人。”",
		"在李文静的带动下，调解员老王成了远近闻名的调解能手。",
		"在李文静的带动下，老党员老周被评为全市优秀共产党员。",
	} {
		if got := deriveHonours(text, nil, "李文静", nil, []string{"侯建军"}); len(got) > 0 {
			t.Errorf("%s: honours %v credited to her", text, got)
		}
	}
	got := deriveHonours("在李文静的带领下，社区涌现出30余名优秀志愿者，她本人也荣获“全国优秀党务工作者”称号。", nil, "李文静", nil, nil)
	if len(got) != 1 || !strings.Contains(got[0], "全国优秀党务工作者") {
		t.Errorf("her own honour beside theirs: %v", got)
	}
}
