package corpus

import (
	"slices"
	"strings"
	"testing"
)

// Classes of article found misderived on a blind set; each fixture is a
// short synthetic text written for the test.

// A place fragment is never the leader: 桂香 of 桂香社区, 罗湖 of 罗湖区,
// a district written just before the secretary's name. When the
// secretary's own name cannot be read (占 is not in the surname tables),
// the honest answer is no leader.
func TestDerivePlaceFragmentNotLeader(t *testing.T) {
	for _, c := range []struct{ title, text string }{
		{"桂香社区：把服务送到家门口", "桂香社区是个老小区。社区党委书记占秀兰每天走访。桂香社区的老人多，桂香社区就办起了食堂。占秀兰说，先把饭吃好。"},
		{"", "罗湖区东门街道有个老社区。罗湖区的干部常来。罗湖区今年投入了一百万元。社区书记占秀兰说，钱要花在刀刃上。"},
		// The district before the name, the name unreadable.
		{"", "深圳市罗湖区占秀兰书记介绍，罗湖区已建成二十个驿站。罗湖区东门街道的驿站最早。"},
		{"", "在安溪县，安溪县的茶农多，安溪县城关镇有个凤山社区。书记占秀兰说，茶要卖出去。"},
	} {
		if m := derived(c.title, c.text); m.Leader != "" {
			t.Errorf("%q: leader %q, want none", c.text, m.Leader)
		}
	}
	// The district just before a readable name: the name wins.
	for _, c := range []struct{ text, leader string }{
		{"深圳市罗湖区高翠兰书记介绍，罗湖区已建成二十个驿站。罗湖区东门街道的驿站最早。高翠兰说，驿站要开到楼下。", "高翠兰"},
		{"罗湖区东门街道桂香社区，罗湖区的老社区。桂香社区居民都认识邝美玲。邝美玲说，有事找社区。邝美玲今年五十岁。", "邝美玲"},
		// A person whose given name is also a street's (张华 of 张华路)
		// is still a person when most of her mentions are hers.
		{"社区党委书记张华每天走访。张华说，张华路的路灯要修。张华带着党员修好了路灯。", "张华"},
	} {
		if m := derived("", c.text); m.Leader != c.leader {
			t.Errorf("%q: leader %q, want %q", c.text, m.Leader, c.leader)
		}
	}
}

// Common surnames a top-300 list has and the tables missed: a profile
// line or a post makes them names.
func TestDeriveMoreCommonSurnames(t *testing.T) {
	for _, name := range []string{"朴顺姬", "皮建华", "盘秀英", "漆玉兰", "平建国", "诸红梅", "尉丽华", "母建英", "斯文辉", "元春梅"} {
		text := name + "，女，1970年生，现任东湖社区党委书记。" + name + "每天走访居民。"
		if m := derived("", text); m.Leader != name {
			t.Errorf("%s: leader %q", name, m.Leader)
		}
	}
	// As everyday words, without a post or a profile, they name no one.
	for _, text := range []string{
		"平时大家都很忙。平时没人来。平时社区里很安静。",
		"元旦那天很热闹。元旦晚会办得好。元旦过后下雪了。",
	} {
		if m := derived("", text); m.Leader != "" {
			t.Errorf("%q: leader %q", text, m.Leader)
		}
	}
}

// An award list: four secretaries, each named once with her post (a
// profile line, a post in brackets, a post then the name), the honour
// said once for all of them. Every one is found; the leader (the first)
// carries the list's honour, and no one's paragraph gives her place.
func TestDeriveAwardList(t *testing.T) {
	text := "近日，2023年度全国优秀社区书记名单公布，我省4名社区书记被评为全国优秀社区书记。\n" +
		"邵春华，江城市东湖区桂苑社区党委书记。她在社区工作了二十年，推行“楼长议事会”，小事不出楼。\n" +
		"柯丽萍，江城市西湖区柳岸社区党委书记、居委会主任。她把老旧小区的加装电梯做成了样板。\n" +
		"龚玉梅（临水县城关镇望江社区党委书记）带着居民成立了互助会，她说，邻里就是亲人。\n" +
		"南湖区新港社区党委书记蔡文军，退伍军人出身，他组建了“夜巡队”。\n"
	m := derived("全国优秀社区书记风采", text)
	checkMeta(t, m, "邵春华", "社区党委书记", "江城市东湖区桂苑社区")
	if want := []string{"柯丽萍", "蔡文军", "龚玉梅"}; !sameSet(m.Others, want) {
		t.Errorf("others %v, want %v", m.Others, want)
	}
	if !slices.Equal(m.Honours, []string{"全国优秀社区书记"}) {
		t.Errorf("honours %v", m.Honours)
	}
	// The honour names its awardees: they are the leader and the others.
	text2 := "邵春华、柯丽萍、龚玉梅被评为全国优秀社区书记。\n" +
		"邵春华，江城市东湖区桂苑社区党委书记。她推行“楼长议事会”。\n" +
		"柯丽萍，江城市西湖区柳岸社区党委书记。她说，电梯要装。\n" +
		"龚玉梅，临水县望江社区党委书记。她成立了互助会。\n"
	m = derived("", text2)
	if m.Leader != "邵春华" || !sameSet(m.Others, []string{"柯丽萍", "龚玉梅"}) || !slices.Equal(m.Honours, []string{"全国优秀社区书记"}) {
		t.Errorf("leader %q others %v honours %v", m.Leader, m.Others, m.Honours)
	}
	// Three of four named, the count says four: the leader's honour is not
	// sure (the fourth awardee might be someone else), but another
	// group's count is never hers.
	m = derived("", "我市有3名党员被评为全国优秀共产党员。\n社区党委书记邵春华每天走访。邵春华说，小事要办好。")
	if len(m.Honours) != 0 {
		t.Errorf("another group's honour credited: %v", m.Honours)
	}
}

// A Markdown page with two secretaries, the second named in her own
// section heading and then only as 她.
func TestDeriveSecondInHeading(t *testing.T) {
	text := "两位书记的两本账\n邵春华：一本民生账\n邵春华是江城市东湖区桂苑社区党委书记。邵春华把居民的事记在本子上。邵春华说，账要算清。\n" +
		"柯丽萍：一本安全账\n她是西湖区柳岸社区党委书记，社区里老人多。她每月带人查一次燃气。"
	m := derived("", text)
	checkMeta(t, m, "邵春华", "社区党委书记", "江城市东湖区桂苑社区")
	if !slices.Equal(m.Others, []string{"柯丽萍"}) {
		t.Errorf("others %v, want [柯丽萍]", m.Others)
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// A Markdown table's rows survive cleaning as text lines, each cell with
// its column's header, so its figures and honours can be found and cited.
func TestMarkdownTableRows(t *testing.T) {
	src := "# 柳岸社区的五年\n\n社区党委书记柯丽萍2019年到柳岸社区工作。柯丽萍说，事情要一件件办。\n\n" +
		"| 项目 | 2019年 | 2023年 |\n| :--- | ---: | ---: |\n| 楼道长 | 0 | 36 |\n| 志愿者 | 12 | 158 |\n\n" +
		"柯丽萍获得的荣誉：\n\n|年份|荣誉|\n|-|-|\n|2021年|江城市优秀共产党员|\n|2023年|全国优秀社区工作者|\n\n柯丽萍说，荣誉是大家的。\n"
	dir := t.TempDir()
	writeFile(t, dir, "a.md", []byte(src))
	a := loadOne(t, dir)
	for _, s := range []string{"楼道长", "2023年：36", "志愿者", "2019年：12", "江城市优秀共产党员", "全国优秀社区工作者"} {
		if !strings.Contains(a.Text, s) {
			t.Errorf("%q lost from the table: %q", s, a.Text)
		}
	}
	for _, junk := range []string{"|", "---", ":-"} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("table markup %q left in %q", junk, a.Text)
		}
	}
	if want := []string{"江城市优秀共产党员", "全国优秀社区工作者"}; !sameSet(a.Honours, want) {
		t.Errorf("honours %v, want %v", a.Honours, want)
	}
}

// The other forms an award list names its secretaries in: a profile line,
// a name written as 同志, a numbered item, the post then the name going
// on with what she did, and the honour said of "…等4名同志".
func TestDeriveAwardListForms(t *testing.T) {
	text := "我市邵春华、柯丽萍、蔡文军、龚玉梅等4名同志被评为全国优秀社区书记。\n" +
		"1.邵春华，女，1972年生，江城市东湖区桂苑社区党委书记。她推行“楼长议事会”，小事不出楼。\n" +
		"2.柯丽萍同志，江城市西湖区柳岸社区党委书记。她把加装电梯做成了样板。\n" +
		"3.南湖区新港社区党委书记蔡文军带领居民组建了“夜巡队”。\n" +
		"4.龚玉梅　临水县望江社区党委书记\n她说，邻里就是亲人。\n"
	m := derived("", text)
	checkMeta(t, m, "邵春华", "社区党委书记", "江城市东湖区桂苑社区")
	if want := []string{"柯丽萍", "蔡文军", "龚玉梅"}; !sameSet(m.Others, want) {
		t.Errorf("others %v, want %v", m.Others, want)
	}
	if !slices.Equal(m.Honours, []string{"全国优秀社区书记"}) {
		t.Errorf("honours %v", m.Honours)
	}
}

// The second secretary's section: her heading, then the post before the
// pronoun ("作为社区党委书记，她…").
func TestDeriveSecondInHeadingAsPost(t *testing.T) {
	text := "邵春华：一本民生账\n社区党委书记邵春华把居民的事记在本子上。邵春华说，账要算清。\n" +
		"柯丽萍：一本安全账\n柳岸社区老人多。作为柳岸社区党委书记，她每月带人查一次燃气。"
	m := derived("两位书记的两本账", text)
	if m.Leader != "邵春华" || !slices.Equal(m.Others, []string{"柯丽萍"}) {
		t.Errorf("leader %q others %v", m.Leader, m.Others)
	}
	// A resident's heading above a section mentioning the secretary is
	// no secretary.
	text = "邵春华：一本民生账\n社区党委书记邵春华把居民的事记在本子上。邵春华说，账要算清。\n" +
		"李大爷：社区就是家\n李大爷今年八十岁。他找到社区党委书记，说楼道灯坏了。"
	if m := derived("", text); len(m.Others) != 0 {
		t.Errorf("resident taken as a secretary: %v", m.Others)
	}
}

// An honour in another secretary's section, said of 她 or in a row naming
// no one, is hers, not the leader's.
func TestDeriveHonourInOthersSection(t *testing.T) {
	text := "殷丽君：一本民生台账\n殷丽君是海棠社区党委书记。2022年，殷丽君被评为滨海市优秀共产党员。\n" +
		"鲁晓燕：把议事会开到楼下\n作为望潮社区党委书记，她把议事会改到晚上。2023年，她被评为浙江省优秀党务工作者。\n她的荣誉：\n2021年　滨海市三八红旗手\n"
	m := derived("一条街，两位书记", text)
	if m.Leader != "殷丽君" || !slices.Equal(m.Others, []string{"鲁晓燕"}) || !slices.Equal(m.Honours, []string{"滨海市优秀共产党员"}) {
		t.Errorf("leader %q others %v honours %v", m.Leader, m.Others, m.Honours)
	}
}

// Award lists laid out otherwise: the name on a line of its own above her
// post, a 【name】 label, a table row (姓名：…，职务：…), "这位…书记" after
// her heading, and the group counted in 人.
func TestDeriveAwardListLayouts(t *testing.T) {
	text := "我市4人获评全国优秀社区书记。\n" +
		"谭玉芬\n湖北省清江市江南区沙湖街道月湾社区党委书记\n她推行“楼栋夜谈”。\n" +
		"【柏建新】清江市江北区新桥社区党委书记。他组建了“红马甲调解队”。\n" +
		"姓名：阮秋燕，职务：白沙街道桃园社区党委书记\n" +
		"巫红霞：从网格员干起\n这位80后社区党委书记推出了“网格事务日清单”。\n"
	m := derived("", text)
	checkMeta(t, m, "谭玉芬", "社区党委书记", "湖北省清江市江南区沙湖街道月湾社区")
	if want := []string{"柏建新", "阮秋燕", "巫红霞"}; !sameSet(m.Others, want) {
		t.Errorf("others %v, want %v", m.Others, want)
	}
	if !slices.Equal(m.Honours, []string{"全国优秀社区书记"}) {
		t.Errorf("honours %v", m.Honours)
	}
}

// More place fragments: a three-character estate (桂香园小区), a street
// office (黄贝街道), each written more often than the unreadable name.
func TestDerivePlaceFragmentForms(t *testing.T) {
	for _, text := range []string{
		"桂香园小区有1200户。桂香园小区的党支部书记占秀兰退休前是教师。桂香园小区没有物业。",
		"黄贝街道有九个社区。黄贝街道的书记占秀兰说，要把事办好。黄贝街道今年修了路。",
	} {
		if m := derived("", text); m.Leader != "" {
			t.Errorf("%q: leader %q, want none", text, m.Leader)
		}
	}
}

// A table written without its outer pipes, and one with an empty header
// cell, keep their rows too.
func TestMarkdownTableForms(t *testing.T) {
	src := "# 社区概况\n\n社区党委书记柯丽萍说，数字会说话。\n\n项目 | 2019年 | 2023年\n--- | --- | ---\n楼道长 | 0 | 36\n\n|  | 户数 |\n|---|---|\n| 东区 | 1200 |\n"
	dir := t.TempDir()
	writeFile(t, dir, "a.md", []byte(src))
	a := loadOne(t, dir)
	for _, s := range []string{"项目：楼道长，2019年：0，2023年：36", "东区，户数：1200"} {
		if !strings.Contains(a.Text, s) {
			t.Errorf("%q lost: %q", s, a.Text)
		}
	}
}

// A line with a pipe above a rule (---) is no table's header: the rule
// has no cells to match it, and the line (a source and date) is kept.
func TestMarkdownPipeLineAboveRule(t *testing.T) {
	src := "# 柳岸社区\n\n来源：江城日报 | 2023年5月1日\n---\n\n社区党委书记柯丽萍说，事情要一件件办。\n"
	text, _ := markdownText(src)
	if !strings.Contains(text, "来源：江城日报") || !strings.Contains(text, "2023年5月1日") {
		t.Errorf("the line above the rule is lost: %q", text)
	}
}

// A passage of an award list naming several of the other secretaries and
// not the leader is credited to the one it names first.
func TestPassageCreditedToFirstNamed(t *testing.T) {
	m := Meta{Leader: "谭玉芬", Others: []string{"巫红霞", "柏建新"}, Role: "社区党委书记"}
	got := passageMeta(m, "柏建新同志，新桥社区党委书记。他组建了调解队。\n巫红霞（古楼社区党委书记）推出了清单。", "")
	if got.Leader != "柏建新" || got.Role != "" {
		t.Errorf("credited to %q role %q, want 柏建新 and no role", got.Leader, got.Role)
	}
}

// A counted group of other people as large as the article's secretaries
// is not theirs: "2名党员被评为…" in a two-secretary article.
func TestDeriveGroupOfOthersNotHonour(t *testing.T) {
	text := "柯建军2020年调任翠竹社区党委书记。柯建军推出了夜间课堂。\n" +
		"社区党委书记倪红霞在望江社区工作了十五年。倪红霞办起了议事会，去年，社区2名党员被评为合肥市优秀共产党员。倪红霞说，大家都很努力。"
	if m := derived("", text); m.Leader != "倪红霞" || len(m.Honours) != 0 {
		t.Errorf("leader %q honours %v", m.Leader, m.Honours)
	}
}

// A place whose name holds 原 or 曾 (太原市, 曾厝垵社区) is no past post:
// its secretary is posted; a deputy's or a former post still is not.
func TestSecretaryClausePlaceNames(t *testing.T) {
	for c, want := range map[string]bool{
		"太原市小店区柳岸社区党委书记":    true,
		"厦门市思明区曾厝垵社区党委书记":   true,
		"江城市西湖区柳岸社区党委书记":    true,
		"柳岸社区党委副书记":         false,
		"原柳岸社区党委书记":         false,
		"曾任柳岸社区党委书记":        false,
		"现为街道干部，曾任柳岸社区党委书记": false,
	} {
		if got := secretaryClause([]rune(c)); got != want {
			t.Errorf("secretaryClause(%s) = %v, want %v", c, got, want)
		}
	}
	text := "近日，我省4名社区书记被评为全国优秀社区书记。\n邵春华，江城市东湖区桂苑社区党委书记。她推行“楼长议事会”。\n" +
		"柯丽萍，太原市小店区柳岸社区党委书记、居委会主任。她把加装电梯做成了样板。\n龚玉梅，临水县望江社区党委书记。她成立了互助会。\n"
	if m := derived("", text); !sameSet(m.Others, []string{"柯丽萍", "龚玉梅"}) {
		t.Errorf("others %v, want 柯丽萍 (太原市) and 龚玉梅", m.Others)
	}
}
