package catalog

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/traditionalchinese"

	"bangyang/corpus"
)

// buildFromFile loads one file of raw bytes through the real loader
// (decoding, cleaning, derivation, chunking) and builds its catalog.
func buildFromFile(t *testing.T, name string, raw []byte) *Catalog {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name), raw, 0o644); err != nil {
		t.Fatal(err)
	}
	arts, err := corpus.LoadDir(context.Background(), dir)
	if err != nil || len(arts) != 1 {
		t.Fatalf("load: %v (%d articles)", err, len(arts))
	}
	return mustBuild(t, corpus.ChunkAll(arts))
}

func big5(t *testing.T, s string) []byte {
	t.Helper()
	b, err := traditionalchinese.Big5.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A Big5 page about a compound's (院落/楼院) secretary: a quoted
// shorthand whose colon lists as many items as it counts (『四必訪』：
// …必訪、…必訪) is a method of those items, and numbered headings that
// quote their names (二、「四必訪」：不落下一戶) are methods whatever their
// ending (積分換服務).
func TestBig5CompoundSecretaryMethods(t *testing.T) {
	page := "首頁 > 新聞中心 > 社區動態\n\n【榜樣】老舊大院的「管家婆」\n\n發佈日期：2023年09月12日　　瀏覽次數：1382\n\n" +
		"　　在長樂街道紡機廠宿舍大院，提起院落黨支部書記孟淑芬，住戶們都豎起大拇指。\n\n" +
		"　　大院有12棟樓、486戶，大多是紡機廠退休職工。過去，院裡沒人管，下水道一堵就是半個月。\n\n" +
		"一、「院落議事廳」：大家的事大家定\n\n" +
		"　　孟淑芬把院裡的老黨員、樓棟長召集起來，成立了「院落議事廳」，每月15日開一次會，大事小情都拿到會上商量。\n\n" +
		"二、「四必訪」：不落下一戶\n\n" +
		"　　她給自己定下『四必訪』：獨居老人必訪、生病住院必訪、生活困難必訪、鄰里糾紛必訪。\n\n" +
		"三、「積分換服務」：人人都是志願者\n\n" +
		"　　住戶參加打掃衛生、巡邏值守，都能攢積分，積分可以換理髮、修鞋等服務。\n\n　　（編輯：許文）\n"
	cat := buildFromFile(t, "yard.txt", big5(t, page))
	m, _, ok := cat.FindMethod("四必访")
	if !ok || len(m.Steps) != 4 || !strings.Contains(m.Steps[0], "独居老人") {
		t.Errorf("四必访: found %v, steps %q", ok, m.Steps)
	}
	if m, _, ok := cat.FindMethod("积分换服务"); !ok || m.Leader != "孟淑芬" {
		t.Errorf("积分换服务 (a quoted heading) not hers: found %v, leader %q", ok, m.Leader)
	}
	// A 楼院 secretary's shorthand in a sentence of its own, with 「」.
	page = "樓院裡的「貼心人」\n\n2024-02-20　來源：北方都市報\n\n" +
		"　　2019年，退休教師趙秀琴當選和平里社區三號樓院黨支部書記。上任後，她推行「三必到」：喜事必到、難事必到、急事必到。\n\n" +
		"　　趙秀琴說：「樓院就是一個大家庭。」\n"
	cat = buildFromFile(t, "lou.txt", big5(t, page))
	if m, _, ok := cat.FindMethod("三必到"); !ok || len(m.Steps) != 3 || m.Leader != "赵秀琴" {
		t.Errorf("三必到: found %v, steps %q, leader %q", ok, m.Steps, m.Leader)
	}
}

// A city paper's Markdown page of two secretaries, the second one's
// section first: the article's leader is the page's own secretary, not
// the one of its first passage, and her key facts are not the other's.
func TestTwoSecretariesPageLeaderAndFacts(t *testing.T) {
	page := "# 两位女书记的“治理经”\n\n发布时间：2023-11-02 | 来源：临川晚报\n\n在临川城区，有两位社区书记常被街坊们挂在嘴边。\n\n" +
		"### 老街上的“周大姐”\n\n周玉兰在桂花社区干了整整二十年，现任桂花社区党总支书记。社区里老房子多、租户多，邻里纠纷时有发生。\n\n" +
		"为了化解矛盾，周玉兰在社区设立了“评理长廊”，每周三下午请老党员坐在长廊里评理。两年来，长廊调解纠纷160多起，调解成功率达95%。\n\n" +
		"### 新区里的“小郑书记”\n\n郑婷婷是90后，2021年起担任学府社区党委书记。学府社区紧挨着大学城，年轻人多。\n\n" +
		"郑婷婷推出“积分超市”，居民参加志愿服务可以攒积分换米换油。一年多来，参与志愿服务的居民从不到100人增加到1200多人。\n\n" +
		"她还把社区的事务搬上了小程序。小郑书记说，年轻人喜欢在手机上办事。\n"
	cat := buildFromFile(t, "two.md", []byte(page))
	var names []string
	for _, l := range cat.Leaders() {
		names = append(names, l.Name)
		for _, f := range l.KeyFacts {
			if l.Name == "郑婷婷" && strings.Contains(f.Text, "长廊") || l.Name == "周玉兰" && strings.Contains(f.Text, "志愿服务") {
				t.Errorf("%s's key fact is the other's: %s", l.Name, f.Text)
			}
		}
	}
	if !slices.Contains(names, "郑婷婷") {
		t.Errorf("leaders %v lack the page's own secretary", names)
	}
	if m, _, ok := cat.FindMethod("评理长廊"); !ok || m.Leader != "周玉兰" {
		t.Errorf("评理长廊: found %v, leader %q", ok, m.Leader)
	}
	if m, _, ok := cat.FindMethod("积分超市"); !ok || m.Leader != "郑婷婷" {
		t.Errorf("积分超市: found %v, leader %q", ok, m.Leader)
	}
}

// A Big5 page of a 楼院 head with ◆ section headings quoting their names
// (◆「樓道微議事」：小事不出樓 — kept, not read as an infobox field), and a
// two-rune shorthand whose items share its word (『三勤』：腿勤、嘴勤、手勤);
// 「樓院書記」 names no one.
func TestBig5CourtyardHeadMethods(t *testing.T) {
	page := "　　老樓院有了「主心骨」\n\n" +
		"　　本報訊（記者　葉文）在東關街道光明里社區，有個出了名的「樓院書記」——八號樓院黨小組組長、樓院長程美華。\n\n" +
		"　　八號樓院是上世紀九十年代的職工宿舍，沒有物業，住著68戶人家。\n\n" +
		"◆「樓道微議事」：小事不出樓\n\n" +
		"　　程美華把每月第一個週六定為議事日，住戶搬著小板凳坐到樓道口，有事當面商量。\n\n" +
		"◆「鄰里幫幫團」：難事有人幫\n\n" +
		"　　她牽頭組建了「鄰里幫幫團」，團員們幫獨居老人買菜、修水管，已經服務400多次。\n\n" +
		"　　程美華總結說，她的辦法就是『三勤』：腿勤、嘴勤、手勤。\n"
	cat := buildFromFile(t, "yard.txt", big5(t, page))
	ls := cat.Leaders()
	if len(ls) != 1 || ls[0].Name != "程美华" {
		t.Fatalf("leaders %+v, want 程美华", ls)
	}
	for _, name := range []string{"楼道微议事", "邻里帮帮团", "三勤"} {
		if m, _, ok := cat.FindMethod(name); !ok || m.Leader != "程美华" {
			t.Errorf("%s: found %v, leader %q", name, ok, m.Leader)
		}
	}
	if m, _, _ := cat.FindMethod("三勤"); len(m.Steps) != 3 {
		t.Errorf("三勤 steps %q", m.Steps)
	}
}

// Unnumbered Markdown headings, in Traditional, each opening with a
// quoted name and what it does (## 「樓院議事桌」：有事坐下來說): each is
// one of the courtyard secretary's methods.
func TestQuotedHeadingsAreMethods(t *testing.T) {
	page := "# 老樓院的「三件寶」\n\n**來源：港城晚報　2024-03-18**\n\n永和里社區五號樓院黨支部書記許佩玲，在樓院住了三十年。\n\n" +
		"## 「樓院議事桌」：有事坐下來說\n\n每週三晚上，許佩玲在樓下支起一張桌子，住戶有什麼事都可以來說。\n\n" +
		"## 「愛心菜籃子」：老人吃飯不發愁\n\n她聯繫附近菜市場，每天給院裡12位獨居老人送菜上門。\n\n" +
		"## 「樓長輪值制」：人人都是管理員\n\n每棟樓的住戶輪流當一個月樓長，負責收集意見。\n"
	cat := buildFromFile(t, "yard.md", []byte(page))
	for _, name := range []string{"楼院议事桌", "爱心菜篮子", "楼长轮值制"} {
		if m, _, ok := cat.FindMethod(name); !ok || m.Leader != "许佩玲" {
			t.Errorf("%s: found %v, leader %q", name, ok, m.Leader)
		}
	}
}
