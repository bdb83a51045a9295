package corpus

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// Classes of article that blind-set writers reported the derivation
// misread, each with a whole article in testdata/genre-classes (24-…).

// An encyclopedia entry whose honours are only in a table: as an HTML
// table (each cell a paragraph, a row a sentence long), as a pipe table in
// a page saved as text, as a Markdown table with a column of awarding
// bodies (fixtures 24, 25).
func TestHonoursOnlyInTable(t *testing.T) {
	profile := "覃秀梅，女，1978年11月生，现任柳州市鱼峰区荣军街道柳石社区党委书记、居委会主任。\n" +
		"2015年，覃秀梅当选柳石社区党委书记。她推行“网格夜访”，每周两个晚上入户。\n"
	want := []string{"柳州市优秀共产党员", "广西壮族自治区三八红旗手", "全国劳动模范"}
	cases := map[string]string{
		"a.html": "<html><body><div class=\"main\"><h1>覃秀梅</h1>" +
			strings.ReplaceAll("<div class=\"para\">"+strings.TrimSpace(profile)+"</div>", "\n", "</div><div class=\"para\">") +
			"<h2>荣誉表彰</h2><table><tr><td><div>时间</div></td><td><div>荣誉</div></td><td><div>授予单位</div></td></tr>" +
			"<tr><td><div>2017年7月</div></td><td><div>被中共柳州市委授予“柳州市优秀共产党员”称号</div></td><td><div>中共柳州市委</div></td></tr>" +
			"<tr><td><div>2020年4月</div></td><td><div>被广西壮族自治区妇女联合会授予“广西壮族自治区三八红旗手”称号</div></td><td><div>自治区妇联</div></td></tr>" +
			"<tr><td><div>2021年</div></td><td><div>全国劳动模范</div></td><td><div>国务院</div></td></tr></table>" +
			"<h2>人物评价</h2><div class=\"para\">同事说她是个闲不住的人。</div></div></body></html>",
		"b.txt": "覃秀梅\n" + profile + "所获荣誉\n| 年份 | 荣誉 |\n|---|---|\n| 2017年 | 柳州市优秀共产党员 |\n" +
			"| 2020年 | 广西壮族自治区三八红旗手 |\n| 2021年 | 全国劳动模范 |\n参考资料\n",
		"c.md": "# 覃秀梅\n\n" + strings.ReplaceAll(profile, "\n", "\n\n") + "## 所获荣誉\n\n| 年份 | 荣誉称号 | 授予单位 |\n| --- | --- | --- |\n" +
			"| 2017年 | 柳州市优秀共产党员 | 中共柳州市委员会 |\n| 2020年 | 广西壮族自治区三八红旗手 | 广西壮族自治区妇女联合会 |\n| 2021年 | 全国劳动模范 | 中华人民共和国国务院 |\n",
	}
	for name, src := range cases {
		dir := t.TempDir()
		writeFile(t, dir, name, []byte(src))
		a := loadOne(t, dir)
		if !sameSet(a.Honours, want) {
			t.Errorf("%s: honours %v, want %v\n%s", name, a.Honours, want, a.Text)
		}
		if strings.Contains(a.Text, "|") || strings.Contains(a.Text, "---") {
			t.Errorf("%s: table markup left in %q", name, a.Text)
		}
	}
}

// A pipe table's rows are kept even when its cells are as short as a bar
// of links; a bar of links with pipes still goes.
func TestPipeTableRowsKept(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", []byte("社区党委书记黎红说，楼道要常去。黎红每周都去。\n| 2019年 | 全国劳动模范 |\n| 2021年 | 省三八红旗手 |\n首页 | 新闻 | 关于我们 | 联系我们\n"))
	a := loadOne(t, dir)
	if !strings.Contains(a.Text, "2019年 全国劳动模范") || !strings.Contains(a.Text, "2021年 省三八红旗手") {
		t.Errorf("table rows lost: %q", a.Text)
	}
	if strings.Contains(a.Text, "关于我们") {
		t.Errorf("link bar kept: %q", a.Text)
	}
}

// Given names with 月 (月琴, 秋月) are names.
func TestGivenNameWithMonth(t *testing.T) {
	m := derived("", "蓝月琴，女，1981年5月生，现任都匀市广惠路街道沙包堡社区党委书记。蓝月琴说，先把就业抓好。")
	checkMeta(t, m, "蓝月琴", "社区党委书记", "都匀市广惠路街道沙包堡社区")
	if m := derived("", "今年3月，社区党委书记王秋月带着居民修好了车棚。王秋月说，车棚是大家的。"); m.Leader != "王秋月" {
		t.Errorf("leader %q, want 王秋月", m.Leader)
	}
}

// The post as an apposition to the name ("付春兰，杏园社区党委书记、居委会
// 主任"; "严玉华是西桥社区党委书记、居委会主任") is hers in full, over a
// headline that names only the first post next to her name.
func TestAppositivePostInFull(t *testing.T) {
	for _, text := range []string{
		"【人物名片】付春兰，杏园社区党委书记、居委会主任，在社区工作十六年。\n杏园社区位于沈阳市大东区清河街道。付春兰说，老楼要有人管。",
		"严玉华是西桥社区党委书记、居委会主任，街坊们都叫她“严姐”。\n严玉华：西桥是个老社区。",
	} {
		m := derived("访清河街道杏园社区党委书记付春兰", text)
		if m.Role != "社区党委书记、居委会主任" {
			t.Errorf("role %q, want 社区党委书记、居委会主任 (%s)", m.Role, text)
		}
	}
}

// An interview: an interviewer's question (记者：…？, 问：…？) starts the
// passage of its answer, never ends the passage before (fixtures 26, 27).
func TestInterviewQuestionWithItsAnswer(t *testing.T) {
	long := strings.Repeat("我们每周都到楼里走一走，把居民提的事记在本子上，能办的当天就办。", 4)
	for _, q := range []string{"记者：您是怎么把居民组织起来的？", "问：老人多，社区怎么服务？"} {
		text := "严玉华是西桥社区党委书记。\n" + long + "\n" + q + "\n严玉华：" + long + "\n"
		a := Article{Meta: Meta{ID: "x", Leader: "严玉华"}, Text: text}
		for _, c := range ChunkArticle(a) {
			lines := strings.Split(c.Text, "\n")
			if last := lines[len(lines)-1]; last == q {
				t.Errorf("passage %d ends with the question %q, its answer in the next one", c.Seq, q)
			}
		}
	}
}

// An interview's closing note (编后, 记者手记, 编者按) states her honour in
// any of its forms; an answer in her own words ("答：…我被评为…", "严玉华：
// …我获得了…") is about her, a question (记者：…) is not.
func TestInterviewHonours(t *testing.T) {
	base := "社区党委书记付春兰今年五十岁。付春兰说，老楼要有人管。\n问：老人多，社区怎么服务？\n答：我们搞了“敲门服务”，每周给独居老人打一次电话。\n"
	for _, note := range []string{
		"【记者手记】\n采访那天，这位全国优秀党务工作者一直在接电话。",
		"（编后：十六年来，付春兰先后被评为全国优秀党务工作者。）",
		"（记者 郑一鸣）\n【编者按】付春兰2021年被评为全国优秀党务工作者。",
		"记者手记：守着老楼十六年，她荣获全国优秀党务工作者称号，却说自己只是个“看门的”。",
		"编后\n全国优秀党务工作者、杏园社区党委书记付春兰说：“荣誉是居民给的。”",
		"问：听说您得过不少荣誉？\n答：2021年我被评为全国优秀党务工作者，这份荣誉属于全社区的居民和志愿者们。",
		"记者：听说您得过不少荣誉？\n付春兰：2021年，我被评为全国优秀党务工作者，这份荣誉属于全社区的居民和志愿者们。",
	} {
		if m := derived("", base+note); !sameSet(m.Honours, []string{"全国优秀党务工作者"}) {
			t.Errorf("honours %v, want [全国优秀党务工作者]: %s", m.Honours, note)
		}
	}
	// The interviewer's own words are not hers.
	if m := derived("", base+"记者：我去年采访过一位被评为全国优秀党务工作者的社区书记，您认识她吗？"); len(m.Honours) != 0 {
		t.Errorf("honours %v from the interviewer's question", m.Honours)
	}
}

// A question put to her about her honour is hers.
func TestInterviewQuestionAboutHerHonour(t *testing.T) {
	text := "社区党委书记付春兰今年五十岁。付春兰说，老楼要有人管。\n记者：2021年您被评为全国优秀党务工作者，有什么感受？\n付春兰：荣誉是大家的。"
	if m := derived("", text); !sameSet(m.Honours, []string{"全国优秀党务工作者"}) {
		t.Errorf("honours %v, want [全国优秀党务工作者]", m.Honours)
	}
}

// Two secretaries, the second's section opening with a headline phrase
// and her community written in the sentence before her post: each one's
// post, community and honours (Meta.Secretaries), the leader's never
// taken for the other's (fixture 29).
func TestSecretariesOfTwoSections(t *testing.T) {
	text := "建设路是荷塘区最老的一条街，街东是红旗社区，街西是新华社区。\n" +
		"“楼道里的事，就在楼道里办”\n" +
		"早上七点半，红旗社区党委书记、居委会主任何雪梅已经在楼道里了。“楼道里说开了，就不会闹到社区来。”何雪梅说。\n" +
		"何雪梅到红旗社区工作已经十二年。2022年，何雪梅被评为湖南省优秀共产党员。\n" +
		"“孩子放学，有个去处”\n" +
		"街西的新华社区，年轻家庭多。社区党委书记邹建平是“80后”，居民们都叫他“邹哥”。\n" +
		"邹建平办起了“四点半课堂”。2023年，邹建平获评株洲市优秀党务工作者。\n"
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", []byte(text))
	a := loadOne(t, dir)
	if a.Leader != "何雪梅" || a.Place != "荷塘区红旗社区" || !sameSet(a.Honours, []string{"湖南省优秀共产党员"}) {
		t.Errorf("leader %q place %q honours %v", a.Leader, a.Place, a.Honours)
	}
	want := []Secretary{{Name: "邹建平", Aliases: []string{"邹哥"}, Role: "社区党委书记", Place: "荷塘区新华社区", Honours: []string{"株洲市优秀党务工作者"}}}
	if !reflect.DeepEqual(a.Secretaries, want) {
		t.Errorf("secretaries %+v, want %+v", a.Secretaries, want)
	}
	// A passage credited to him carries none of it (the article's Meta
	// does), nor the leader's role, place or honours.
	for _, c := range ChunkArticle(a) {
		if c.Meta.Leader == "邹建平" && (len(c.Meta.Secretaries) > 0 || c.Meta.Place != "") {
			t.Errorf("passage %d credited to him: %+v", c.Seq, c.Meta)
		}
	}
}

// Two communities side by side ("海棠社区和望潮社区") are no chain.
func TestTwoCommunitiesSideBySideNoChain(t *testing.T) {
	rs := []rune("海棠街道有两个相邻的社区：海棠社区和望潮社区")
	if st := chainBefore(rs, len(rs)); len(st) != 1 || string(rs[st[0]:]) != "和望潮社区" && string(rs[st[0]:]) != "望潮社区" {
		t.Errorf("chain %v", st)
	}
}

// A cached load keeps each secretary's data.
func TestCacheKeepsSecretaries(t *testing.T) {
	dir, data := t.TempDir(), t.TempDir()
	f := writeFile(t, dir, "a.txt", []byte("社区党委书记何雪梅每天早上巡楼。何雪梅说，楼道的事楼道办。何雪梅笑了。\n相邻的新华社区党委书记邹建平，办起了“四点半课堂”。2023年，邹建平获评株洲市优秀党务工作者。\n"))
	path := filepath.Join(data, "articles.cache")
	c1 := OpenCache(path, "b")
	as1, _ := loadCached(t, dir, c1)
	if err := c1.Save(); err != nil {
		t.Fatal(err)
	}
	as2, _ := loadCached(t, dir, OpenCache(path, "b"))
	fresh, cached := articleByOrigin(as1, f), articleByOrigin(as2, f)
	if len(fresh.Secretaries) == 0 || !reflect.DeepEqual(fresh.Secretaries, cached.Secretaries) {
		t.Errorf("secretaries %+v, cached %+v", fresh.Secretaries, cached.Secretaries)
	}
}

// An interview names its guest in a label line ("嘉宾：严玉华 …党委书记",
// "【嘉宾简介】严玉华，女，…") or only as the speaker of the answers
// ("严玉华：我们…" under "记者：…？"): she is the leader.
func TestInterviewGuestNamed(t *testing.T) {
	body := "记者：西桥社区是个什么样的社区？\n严玉华：西桥是个老社区，住了三千多户。我刚来的时候，连巷子都认不全。\n" +
		"记者：您是怎么把居民组织起来的？\n严玉华：我们把28条巷子分成7个片，每个片选一名“巷长”。\n记者：有什么想对同行说的？\n严玉华：社区的事没有小事。\n"
	for _, c := range []struct{ intro, role string }{
		{"嘉宾：严玉华 武汉市江汉区民族街道西桥社区党委书记\n", "社区党委书记"},
		{"【嘉宾简介】严玉华，女，1970年生，武汉市江汉区民族街道西桥社区党委书记。\n", "社区党委书记"},
		{"本期我们来到武汉市江汉区民族街道西桥社区，和社区的当家人聊一聊。\n", ""},
	} {
		m := derived("让“小巷”有温度", c.intro+body)
		if m.Leader != "严玉华" || m.Role != c.role {
			t.Errorf("leader %q role %q, want 严玉华 %q: %s", m.Leader, m.Role, c.role, c.intro)
		}
	}
	// A bracketed name opening an award list's item is no label.
	if m := derived("", "【龚玉梅】江城市南湖区新港社区党委书记。龚玉梅每天走访。龚玉梅说，事要办实。"); m.Leader != "龚玉梅" {
		t.Errorf("leader %q, want 龚玉梅", m.Leader)
	}
	// The guest answering a host (主持人：…), no post given anywhere.
	if m := derived("", "主持人：请两位谈谈。\n王建国：我先说。\n王建国：我们搞了议事会。\n"); m.Leader != "王建国" {
		t.Errorf("leader %q, want 王建国", m.Leader)
	}
}

// A photo caption, dropped from the passages, is read for who is pictured
// and her post: it may be the only line stating it (fixture 31).
func TestCaptionNamesSecretary(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", []byte("老楼加装电梯的背后\n2023-05-12 来源：滨江日报\n"+
		"图为桂园社区党委书记邝秀英（左二）在听取居民意见。通讯员 李明 摄\n"+
		"清晨六点，桂园社区的老楼前已经聚了十几位老人。\n三年前，桂园社区的老楼没有一部电梯。邝秀英挨家挨户上门，把意见一条条记下来。\n"+
		"“要一户一户地谈。”邝秀英说。\n"))
	a := loadOne(t, dir)
	if a.Leader != "邝秀英" || a.Role != "社区党委书记" || a.Place != "桂园社区" {
		t.Errorf("leader %q role %q place %q", a.Leader, a.Role, a.Place)
	}
	if strings.Contains(a.Text, "图为") || strings.Contains(a.Text, "摄") {
		t.Errorf("caption left in the text: %q", a.Text)
	}
}

// A news piece that sets the scene first and introduces the secretary in
// its third paragraph, after a time word ("那年，蒙晓燕调任…党委书记");
// an epithet (小巷总理) is no alias, a kinship form (蒙大姐) is (fixture 32).
func TestLeaderIntroducedLate(t *testing.T) {
	text := "傍晚时分，小区的凉亭里坐满了人。有人说停车难，有人说垃圾桶放得不对。\n" +
		"这是紫荆社区每周三晚上的“凉亭议事会”。三年前，这里还是另一番景象。\n" +
		"改变是从2020年开始的。那年，蒙晓燕调任开福区四方坪街道紫荆社区党委书记。她上任后的第一件事，就是把议事会搬到了凉亭里。\n" +
		"“在凉亭里开，大家就坐下来了。”蒙晓燕说。居民们说，这位“小巷总理”管的都是小事。老人们叫她“蒙大姐”。\n"
	m := derived("一张长椅上的议事会", text)
	checkMeta(t, m, "蒙晓燕", "社区党委书记", "开福区四方坪街道紫荆社区")
	if !sameSet(m.Aliases, []string{"蒙大姐"}) {
		t.Errorf("aliases %v, want [蒙大姐]", m.Aliases)
	}
	for _, w := range []string{"同年，", "2020年底，", "后来，"} {
		if m := derived("", strings.Replace(text, "那年，", w, 1)); m.Leader != "蒙晓燕" {
			t.Errorf("%s: leader %q", w, m.Leader)
		}
	}
}

// A section heading opens a passage once the passage before holds enough:
// the second secretary's section ("“孩子放学，有个去处”") is not glued to
// the end of the first one's passage (fixture 29).
func TestSectionHeadingOpensPassage(t *testing.T) {
	para := "何雪梅到红旗社区工作已经十二年，社区里老人占了四成，她推出“楼道议事角”，居民有事写在黑板上，楼栋长每周汇总。"
	text := "“楼道里的事，就在楼道里办”\n" + para + "\n" + para + "\n“孩子放学，有个去处”\n街西的新华社区，年轻家庭多。社区党委书记邹建平是“80后”。" +
		"2020年，他牵头办起了“四点半课堂”，请退休教师和大学生志愿者给孩子辅导作业，每天下午四点半到六点半，一年服务孩子一万多人次。\n"
	a := Article{Meta: Meta{ID: "x", Leader: "何雪梅", Others: []string{"邹建平"}}, Text: text}
	for _, c := range ChunkArticle(a) {
		if strings.Contains(c.Text, "孩子放学") && !strings.HasPrefix(c.Text, "“孩子放学") {
			t.Errorf("passage %d holds the next section's heading inside: %q", c.Seq, c.Text)
		}
	}
	// A short passage still takes the section after it.
	short := Article{Meta: Meta{ID: "y"}, Text: "开头\n很短的一段。\n小标题\n" + para + "\n"}
	if cs := ChunkArticle(short); len(cs) != 1 {
		t.Errorf("%d passages for a short text: %+v", len(cs), cs)
	}
}

// An encyclopedia layout that puts the honours table in a box of its own
// after the text block, and resumes the text in another block of the
// same class: both belong to the article; a list of links after it does
// not (fixture 24).
func TestHTMLTableBesideContent(t *testing.T) {
	para := "<div class=\"para\">2015年换届，覃秀梅当选柳石社区党委书记，次年兼任居委会主任。柳石社区建于上世纪八十年代，是老厂区的家属区，楼龄老、老人多、外来租户多。</div>"
	src := "<html><body><div class=\"wrap\"><h1>覃秀梅</h1><div class=\"lemma-content\">" +
		"<div class=\"para\">覃秀梅，女，1978年11月生，现任柳州市鱼峰区荣军街道柳石社区党委书记、居委会主任。</div>" + para + para +
		"<h2>荣誉表彰</h2></div>" +
		"<div class=\"lemma-table\"><table><tr><td>2017年</td><td>柳州市优秀共产党员</td></tr><tr><td>2021年</td><td>全国优秀党务工作者</td></tr></table></div>" +
		"<div class=\"lemma-content\"><h2>人物评价</h2><div class=\"para\">同事说她是个闲不住的人。</div></div>" +
		"<div class=\"links\"><table><tr><td><a href=\"/a\">鱼峰区召开社区工作会议</a></td><td><a href=\"/b\">柳州市表彰优秀党员</a></td></tr></table></div>" +
		"</div></body></html>"
	dir := t.TempDir()
	writeFile(t, dir, "a.html", []byte(src))
	a := loadOne(t, dir)
	if want := []string{"柳州市优秀共产党员", "全国优秀党务工作者"}; !sameSet(a.Honours, want) {
		t.Errorf("honours %v, want %v\n%s", a.Honours, want, a.Text)
	}
	if !strings.Contains(a.Text, "闲不住") {
		t.Errorf("the text resumed after the table is lost: %q", a.Text)
	}
	if strings.Contains(a.Text, "鱼峰区召开社区工作会议") {
		t.Errorf("a table of links was taken: %q", a.Text)
	}
}

// A list run on in its line: each item, quoted as a sentence, loses its
// number; the line's first sentence, a figure and the passage keep theirs.
func TestSentencesDropInlineListNumbers(t *testing.T) {
	text := "做法有三：1.建台账；2.开例会；3）搞评议。\n1. 茶馆议事会\n居民1.8万人；1、2号楼没有电梯；（2）组建帮帮团。"
	got := Sentences(text)
	want := []string{"做法有三：1.建台账；", "开例会；", "搞评议。", "1. 茶馆议事会", "居民1.8万人；", "1、2号楼没有电梯；", "组建帮帮团。"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Sentences = %q, want %q", got, want)
	}
	a := Article{Meta: Meta{ID: "x"}, Text: text}
	if cs := ChunkArticle(a); len(cs) != 1 || cs[0].Text != text {
		t.Errorf("the passage changed: %+v", cs)
	}
}

// TestTrimListMark: a quote drops the list number opening it; a heading's
// number stays with the heading's own words only where no list number is
// (第一步), and figures, years and ordinals stay.
func TestTrimListMark(t *testing.T) {
	for in, want := range map[string]string{
		"1.需求单。每月初入户登记。":    "需求单。每月初入户登记。",
		"3、建立居民议事会，每月开一次。":  "建立居民议事会，每月开一次。",
		"3）反馈单。办完请居民评价。":    "反馈单。办完请居民评价。",
		"（2）组建银发帮帮团；":       "组建银发帮帮团；",
		"（二）柯丽萍，新桥社区党委书记。":  "柯丽萍，新桥社区党委书记。",
		"①今年又推出便民集市。":       "今年又推出便民集市。",
		"第一步：摸清底数。":         "第一步：摸清底数。",
		"1、2号楼建于七十年代。":      "1、2号楼建于七十年代。",
		"1.8万居民住在这里。":       "1.8万居民住在这里。",
		"2019年，她被评为优秀共产党员。": "2019年，她被评为优秀共产党员。",
	} {
		if got := TrimListMark(in); got != want {
			t.Errorf("TrimListMark(%q) = %q, want %q", in, got, want)
		}
	}
}
