package corpus

import (
	"slices"
	"strings"
	"testing"
)

// Classes of article written for the fifth round of class fixtures
// (testdata/genre-classes 41-50), each held here by a short text of its
// own.

// loadText loads one article from text through the real loader.
func loadText(t *testing.T, name, text string) Article {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, dir, name, []byte(text))
	return loadOne(t, dir)
}

// A secretary named in full once and then only as 王书记, beside a
// resident of her surname named twice (44): 王书记 is hers — she leads,
// and her community is the one the article names.
func TestSurnameAndPostOnlyAfterTheFirstMention(t *testing.T) {
	a := loadText(t, "a.txt", "王书记的“民情本”\n早上七点半，裕华社区的院子里已经有人在等了。\n"+
		"“王书记，我家楼上又漏水了。”大家围着的，是社区党委书记王淑珍。\n"+
		"王书记随身带着一个蓝皮本子，居民说的每件事，她都记下来。王书记给每位老人建了联系卡。\n"+
		"住在3号楼的王德林老人今年86岁。“王书记隔三岔五就来看看我。”王德林说。\n")
	if a.Leader != "王淑珍" || a.Place != "裕华社区" || !slices.Contains(a.Aliases, "王书记") || len(a.Others) != 0 {
		t.Errorf("leader %q place %q aliases %v others %v, want 王淑珍 of 裕华社区, 王书记, no others", a.Leader, a.Place, a.Aliases, a.Others)
	}
	// Two communities named, neither with her post: none is hers.
	a = loadText(t, "b.txt", "早上七点半，裕华社区的院子里已经有人在等了。隔壁的，东风社区也有人来。\n"+
		"大家围着的，是社区党委书记王淑珍。王淑珍随身带着一个蓝皮本子。王淑珍说，事要一件件办。\n")
	if a.Leader != "王淑珍" || a.Place != "" {
		t.Errorf("leader %q place %q, want 王淑珍 and no place", a.Leader, a.Place)
	}
}

// A name written before 书记 addresses her (张岚书记年轻，点子多): what
// follows is no name, nor another secretary (45); a call-name of her
// surname said of another person the sentence names (张建国……大家都叫他
// “老张”) is not hers.
func TestSharedSurnameAndAddressBeforePost(t *testing.T) {
	a := loadText(t, "a.txt", "涧西区长春路街道天津路社区党委书记张岚，今年38岁。\n"+
		"她找到退休老干部张建国，请他一起组建“红色管家”队。张建国今年70岁，热心肠，大家都叫他“老张”。\n"+
		"“张岚书记年轻，点子多；我们老家伙跑得动。”张建国说。张岚被评为洛阳市优秀共产党员。\n")
	if a.Leader != "张岚" || len(a.Others) != 0 || slices.Contains(a.Aliases, "老张") {
		t.Errorf("leader %q others %v aliases %v, want 张岚, no others, no 老张", a.Leader, a.Others, a.Aliases)
	}
}

// A town whose name ends in 市 (新市镇) is a unit of the chain (46), and
// so is a development zone of a long name (高新技术产业开发区).
func TestMarketTownInChain(t *testing.T) {
	for _, place := range []string{"浙江省湖州市德清县新市镇西河口社区", "安徽省合肥市高新技术产业开发区天乐社区"} {
		a := loadText(t, "a.txt", place+"党支部书记沈月华，在社区工作已经十一年了。沈月华说，议事就在河埠头。\n")
		if a.Place != place {
			t.Errorf("place %q, want %s", a.Place, place)
		}
	}
}

// An HTML table with a header row is loaded like a Markdown table: one
// line per row, each cell with its column's label (环节：民情收集，做法：…),
// so a reader knows what each cell is (49); a table of unequal rows is
// loaded cell by cell as before.
func TestHTMLTableRowsLabelled(t *testing.T) {
	a := loadText(t, "a.html", "<html><body><p>周晓燕是西北湖社区党委书记。周晓燕推行“民情直通车”。</p><table>"+
		"<tr><th>环节</th><th>做法</th></tr><tr><td>民情收集</td><td>网格员入户收集诉求</td></tr>"+
		"<tr><td>分级交办</td><td>社区能办的交网格</td></tr></table>"+
		"<table><tr><td>甲</td><td>乙</td></tr><tr><td>丙丁戊己</td></tr><tr><td>庚</td><td>辛</td></tr></table></body></html>")
	for _, want := range []string{"环节：民情收集，做法：网格员入户收集诉求", "环节：分级交办，做法：社区能办的交网格", "丙丁戊己"} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("text lacks %q: %q", want, a.Text)
		}
	}
	if strings.Contains(a.Text, "甲：") {
		t.Errorf("a table of unequal rows labelled: %q", a.Text)
	}
}

// 任 after a post is the verb when another post follows (社区党委书记任
// 大网格长): no one named 任大网 — while 党委书记任建国 is a name.
func TestServesAsAfterPost(t *testing.T) {
	a := loadText(t, "a.txt", "长虹社区党委书记易春兰推行“三级网格”管理。易春兰说，网格要有人管。\n"+
		"一、社区大网格\n①社区党委书记任大网格长；②小区党支部书记任中网格长。\n")
	if a.Leader != "易春兰" || len(a.Others) != 0 {
		t.Errorf("leader %q others %v", a.Leader, a.Others)
	}
	a = loadText(t, "b.txt", "东湖社区党委书记任建国，在社区工作了十年。任建国说，社区的事要一件件办。\n")
	if a.Leader != "任建国" {
		t.Errorf("leader %q, want 任建国", a.Leader)
	}
	// "书记任志强兼任居委会主任": the verb is 兼任, later; 任 is his surname.
	a = loadText(t, "c.txt", "和平社区党委书记任志强兼任居委会主任。任志强在社区工作了八年，居民都认识他。\n")
	if a.Leader != "任志强" {
		t.Errorf("leader %q, want 任志强", a.Leader)
	}
}

// Two secretaries of one surname (两位刘书记): 刘书记 is an alias of
// neither; each keeps her own call-name.
func TestSurnameFormOfTwoSecretaries(t *testing.T) {
	a := loadText(t, "a.txt", "一条巷子两个“刘书记”\n东巷社区和西巷社区只隔一条马路，两个社区的党委书记都姓刘。\n"+
		"东巷社区党委书记刘芳今年45岁，居民叫她“芳姐”。刘芳在社区推行“板凳议事会”。\n"+
		"西巷社区党委书记刘建国是退伍军人。刘建国组建了“老兵护巷队”。\n两位刘书记经常一起商量工作。刘芳说，他管治安是一把好手。\n")
	if a.Leader != "刘芳" || slices.Contains(a.Aliases, "刘书记") || !slices.Contains(a.Aliases, "芳姐") {
		t.Errorf("leader %q aliases %v", a.Leader, a.Aliases)
	}
	for _, s := range a.Secretaries {
		if slices.Contains(s.Aliases, "刘书记") {
			t.Errorf("%s aliases %v", s.Name, s.Aliases)
		}
	}
}

// A career of year ranges: the post held from one year to another
// (2008年至2015年任…狮子山社区党委书记) is past; the one after it
// (2015年调任…新港社区党委书记) is hers now (47's shape with both posts
// a secretary's).
func TestClosedYearRangeIsAPastPost(t *testing.T) {
	a := loadText(t, "a.txt", "孙桂芝，女，1970年生。2008年至2015年任镜湖区范罗山街道狮子山社区党委书记，2015年调任弋江区澛港街道新港社区党委书记。\n"+
		"到了新港社区，孙桂芝推行“楼栋微议事”。孙桂芝说，社区不同，办法也要不同。\n")
	if a.Place != "弋江区澛港街道新港社区" || a.Role != "社区党委书记" {
		t.Errorf("role %q place %q", a.Role, a.Place)
	}
}

// A community named once right before her post is hers also when it
// opens the sentence (西湖社区党总支书记兼居委会主任柯文静说…) or follows
// 当选为/现任; not a kind of community (老旧社区党委书记).
func TestCommunityOnceBeforeThePost(t *testing.T) {
	for text, want := range map[string]string{
		"西湖社区党总支书记兼居委会主任柯文静说，社区的事要大家商量。柯文静在社区干了九年。":     "西湖社区",
		"2019年，蒋丽萍当选为西湖社区党委书记、居委会主任。蒋丽萍说，社区的事要大家商量。":    "西湖社区",
		"“我们社区的书记姓卫，叫卫红英。”居民说。卫红英在社区工作了二十年，现任光明社区党委书记。": "光明社区",
		"东门社区有位“女书记”叫黎秀珍。黎秀珍是社区党委书记，也是居委会主任。":           "东门社区",
		"老旧社区党委书记卢红梅说，社区的事要大家商量。卢红梅在社区干了九年。":            "",
	} {
		if a := loadText(t, "a.txt", text); a.Place != want {
			t.Errorf("%s: place %q, want %q", text, a.Place, want)
		}
	}
}

// 这位…书记 opening a later clause stands for the person just named
// (记者见到柏丽芳时，这位青山社区的党委书记正在…): she leads, and the
// community is hers.
func TestThisOneOpeningAClause(t *testing.T) {
	a := loadText(t, "a.txt", "记者见到柏丽芳时，这位青山社区的党委书记正在楼道里贴通知。柏丽芳说，通知要贴到居民眼前。\n")
	if a.Leader != "柏丽芳" || a.Place != "青山社区" {
		t.Errorf("leader %q place %q", a.Leader, a.Place)
	}
}

// A place that skips the street is completed with the one street the
// text names in a sentence with the community (在襄城区檀溪街道，东巷社区
// 和西巷社区…); not when the text names two streets.
func TestStreetOfTheSettingSentence(t *testing.T) {
	text := "在襄城区檀溪街道，东巷社区和西巷社区只隔一条马路。\n东巷社区党委书记刘芳今年45岁。刘芳在社区推行“板凳议事会”。刘芳说，议事要坐下来。\n"
	if a := loadText(t, "a.txt", text); a.Place != "襄城区檀溪街道东巷社区" {
		t.Errorf("place %q", a.Place)
	}
	text = "在襄城区檀溪街道，东巷社区和西巷社区只隔一条马路。刘芳早年在庞公街道工作。\n东巷社区党委书记刘芳今年45岁。刘芳在社区推行“板凳议事会”。刘芳说，议事要坐下来。\n"
	if a := loadText(t, "b.txt", text); a.Place != "东巷社区" {
		t.Errorf("two streets: place %q", a.Place)
	}
}
