package core

import (
	"context"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/encoding/traditionalchinese"
)

// Classes of the derive9 round: a first-person or told former post
// (military service too), honours of the community told as the
// community's, a page telling of two secretaries, the city named only
// inside an honour.

// askOne asks q of s in a fresh conversation and checks its markers.
func askOne(t *testing.T, s *Service, q string) *Answer {
	t.Helper()
	a, err := s.Ask(context.Background(), "p-"+q, q)
	if err != nil {
		t.Fatal(err)
	}
	checkMarkers(t, a)
	return a
}

// TestFormerJobInHerOwnWords: 以前做什么工作 / 当过兵吗 find a former post
// told in an interview's answer (我原来在街道办做文书, 之前我在部队当了
// 十二年兵) or in the narration (1993年参军入伍…转业); military service is
// a former job; asked 当过兵吗 of one whose former job was another, the
// answer says the army is not mentioned and gives what is; the veterans
// she works with are not her service.
func TestFormerJobInHerOwnWords(t *testing.T) {
	t.Parallel()
	clerk := serviceOverText(t, "a.txt", "对话社区书记：“把小事办好就是大事”\n2024-01-10 来源：城市晚报\n"+
		"　　记者：您在社区工作多少年了？\n"+
		"　　杨桂芝：今年是第九个年头。我原来在街道办做文书，2015年到长安社区当书记。\n"+
		"　　记者：刚来的时候遇到什么困难？\n"+
		"　　杨桂芝：那时候居民不认识我，我就一家一家敲门，推了个“楼长议事”的办法。\n")
	for _, q := range []string{"杨桂芝以前做什么工作？", "杨桂芝之前是干什么的？", "杨桂芝当过兵吗？"} {
		a := askOne(t, clerk, q)
		if a.Refused || !strings.Contains(a.Text, "街道办做文书") || strings.Contains(a.Text, "第九个年头") {
			t.Errorf("%s: her former post not told (or told by her years in the post):\n%s", q, a.Text)
		}
	}
	if a := askOne(t, clerk, "杨桂芝当过兵吗？"); !strings.Contains(a.Text, "没有提到杨桂芝当过兵") {
		t.Errorf("asked of the army, the answer does not say it is not mentioned:\n%s", a.Text)
	}
	soldier := serviceOverText(t, "b.md", "# 【人物专访】老兵书记的“兵味”管理\n\n**来源：滨州新闻网　2023-08-01**\n\n"+
		"东风社区党委书记于建军，是居民口中的“老班长”。\n\n"+
		"**问：您是怎么走上社区工作岗位的？**\n\n"+
		"于建军：之前我在部队当了十二年兵，后来回到地方，先在街道武装部干了三年。\n\n"+
		"**问：社区里有什么特色做法？**\n\n"+
		"于建军：我们搞了个“老兵调解队”，请社区里的退役军人帮着调解邻里纠纷。\n")
	for _, q := range []string{"于建军当过兵吗？", "于建军以前做什么工作？", "于建军是退伍军人吗？", "于建军参过军吗？"} {
		a := askOne(t, soldier, q)
		if a.Refused || !strings.Contains(a.Text, "部队当了十二年兵") || strings.Contains(a.Text, "没有提到于建军当过兵") {
			t.Errorf("%s: his army years not told:\n%s", q, a.Text)
		}
	}
	told := serviceOverText(t, "c.txt", "退伍不褪色\n2020-08-01 来源：某区新闻网\n"+
		"　　红星社区党委书记常志刚，今年48岁。他1993年参军入伍，在部队服役16年，2009年转业后到街道工作，2014年起任红星社区党委书记。\n"+
		"　　常志刚组建“红星老兵服务队”，请社区的退役军人帮助调解纠纷、巡逻值守。\n")
	for _, q := range []string{"常志刚当过兵吗？", "常志刚以前是干什么的？"} {
		if a := askOne(t, told, q); a.Refused || !strings.Contains(a.Text, "参军入伍") || strings.Contains(a.Text, "请社区的退役军人") {
			t.Errorf("%s: his service not told, or the veterans he works with told as his:\n%s", q, a.Text)
		}
	}
	// No former job told at all: the army is said not to be mentioned.
	none := serviceOverText(t, "d.txt", "社区的贴心人\n2023-07-01 来源：先锋网\n　　青松社区党委书记潘月华推行“敲门问需”工作法，每周带着网格员入户走访。\n　　潘月华说，居民的事再小也是大事。\n")
	if a := askOne(t, none, "潘月华当过兵吗？"); !a.Refused || !strings.Contains(a.Text, "没有提到潘月华的参军、服役经历") {
		t.Errorf("no service told, not said so:\n%s", a.Text)
	}
	// Someone the articles do not have is not answered from his article.
	if a := askOne(t, soldier, "杨桂芝当过兵吗？"); !a.Refused || strings.Contains(a.Text, "部队") {
		t.Errorf("another person's service given for someone unknown:\n%s", a.Text)
	}
}

// TestCommunityHonoursAreTheCommunitys: honours the community received
// (社区先后获评全国文明社区…, 她带领社区荣获“省级文明社区”称号) are not hers;
// when she has none of her own, the answer says so and may tell the
// community's as the community's.
func TestCommunityHonoursAreTheCommunitys(t *testing.T) {
	t.Parallel()
	both := serviceOverText(t, "a.txt", "金桥社区的“领头雁”\n2022-11-15 来源：某区融媒体中心\n"+
		"　　金桥社区党委书记罗素梅，在社区工作已经十五年。\n"+
		"　　罗素梅推出“邻里守望”工作法，组织党员与独居老人结对。\n"+
		"　　在她的带领下，社区先后获评全国文明社区、省级绿色社区、市级和谐社区等称号。\n"+
		"　　罗素梅本人也被评为市优秀社区工作者。\n")
	for _, q := range []string{"罗素梅获得过什么荣誉？", "罗素梅是谁？"} {
		a := askOne(t, both, q)
		if strings.Contains(a.Text, "全国文明社区") {
			t.Errorf("%s: the community's honours given as hers:\n%s", q, a.Text)
		}
		if q == "罗素梅获得过什么荣誉？" && (a.Refused || !strings.Contains(a.Text, "优秀社区工作者")) {
			t.Errorf("her own honour not given:\n%s", a.Text)
		}
	}
	only := serviceOverText(t, "b.txt", "小巷里的大管家\n2021-05-06 来源：某市文明网\n"+
		"　　青藤社区党支部书记史云霞，2016年起在社区工作。\n"+
		"　　史云霞推行“三色楼道”工作法，把楼道按问题多少标成红黄绿三色，分类整治。\n"+
		"　　她带领社区荣获“省级文明社区”称号。\n"+
		"　　“我们就是想让大家住得舒心。”史云霞说。\n")
	a := askOne(t, only, "史云霞获得过什么荣誉？")
	if !a.Refused || !strings.Contains(a.Text, "没有提到史云霞的荣誉") || !strings.Contains(a.Text, "所在社区获得的荣誉") {
		t.Errorf("the community's honour not told as the community's:\n%s", a.Text)
	}
	for _, q := range []string{"史云霞是谁？", "史云霞有什么工作方法？"} {
		if a := askOne(t, only, q); strings.Contains(a.Text, "荣誉：") {
			t.Errorf("%s gives the community's honour as hers:\n%s", q, a.Text)
		}
	}
}

// TestEachSecretaryHerOwnSection: a city paper's Markdown page telling
// of two secretaries in two sections — the second one's first — answers
// about either from her own section only: her methods, her results, her
// post; a heading naming her states nothing about her.
func TestEachSecretaryHerOwnSection(t *testing.T) {
	t.Parallel()
	s := serviceOverText(t, "two.md", "# 两位女书记的“治理经”\n\n发布时间：2023-11-02 | 来源：临川晚报 | 作者：本报记者 孟凡\n\n[打印] [关闭]\n\n"+
		"![图片](https://img.example.cn/2023/1102/01.jpg)\n*图为居民在议事长廊讨论事务。*\n\n在临川城区，有两位社区书记常被街坊们挂在嘴边。\n\n"+
		"### 老街上的“周大姐”\n\n周玉兰在桂花社区干了整整二十年，现任桂花社区党总支书记。社区里老房子多、租户多，邻里纠纷时有发生。\n\n"+
		"为了化解矛盾，周玉兰在社区设立了“评理长廊”：每周三下午，请老党员、退休法官和楼栋长坐在长廊里，当事双方当面说理。两年来，长廊调解纠纷160多起，调解成功率达95%。\n\n"+
		"“有事到长廊说一说，气就消了一半。”居民陈阿姨说。\n\n"+
		"### 新区里的“小郑书记”\n\n郑婷婷是90后，2021年起担任学府社区党委书记。学府社区紧挨着大学城，年轻人多，流动性大。\n\n"+
		"郑婷婷推出“积分超市”：居民参加志愿服务、垃圾分类可以攒积分，积分能在社区超市换米换油。一年多来，参与志愿服务的居民从不到100人增加到1200多人。\n\n"+
		"她还把社区的事务搬上了小程序，居民动动手指就能预约办事。\n\n*（本文图片由桂花社区提供）*\n\n【免责声明】本站所载文章仅代表作者观点。\n")
	for q, c := range map[string]struct{ want, not string }{
		"郑婷婷有什么工作方法？": {"积分超市", "长廊"},
		"小郑书记是怎么做的？":  {"积分超市", "长廊"},
		"周玉兰有什么工作方法？": {"评理长廊", "志愿服务"},
		"郑婷婷是谁？":      {"2021年起担任学府社区党委书记", "长廊"},
		"周玉兰在哪里工作？":   {"桂花社区", "学府"},
	} {
		a := askOne(t, s, q)
		if a.Refused || !strings.Contains(a.Text, c.want) || strings.Contains(a.Text, c.not) {
			t.Errorf("%s (want %s, not %s):\n%s", q, c.want, c.not, a.Text)
		}
	}
}

// TestCityNamedOnlyInAnHonour: asked which city (province) she works in
// when her place names none, the answer says the article does not say,
// and that its only such place is in her honour's title; asked where she
// is from, the honour's city is no birthplace.
func TestCityNamedOnlyInAnHonour(t *testing.T) {
	t.Parallel()
	s := serviceOverText(t, "a.txt", "她把居民的事当成自家的事\n2023-07-01 来源：先锋网\n"+
		"　　在青松社区，党委书记潘月华的名字几乎无人不知。\n"+
		"　　潘月华推行“敲门问需”工作法，每周带着网格员入户走访。\n"+
		"　　因为工作出色，潘月华荣获“洛阳市优秀共产党员”称号，2022年又被评为全省优秀党务工作者。\n")
	for _, q := range []string{"潘月华是哪个城市的？", "潘月华在哪个市工作？"} {
		a := askOne(t, s, q)
		if a.Refused || !strings.Contains(a.Text, "没有直接写明") || !strings.Contains(a.Text, "洛阳市优秀共产党员") {
			t.Errorf("%s: the honour's city not offered as what the article says:\n%s", q, a.Text)
		}
	}
	if a := askOne(t, s, "潘月华是哪里人？"); !a.Refused || strings.Contains(a.Text, "洛阳") {
		t.Errorf("the honour's city given as her birthplace:\n%s", a.Text)
	}
	// A province named only in the honour; no community, no post stated.
	p := serviceOverText(t, "b.txt", "一位老党员的坚守\n2022-03-08 来源：某网\n"+
		"　　说起社区的贴心人韩秀云，街坊们都竖大拇指。韩秀云总结出“三个一”工作法：一张联系卡、一本民情账、一个议事群。\n"+
		"　　2021年，韩秀云被评为河南省劳动模范。\n")
	a := askOne(t, p, "韩秀云在哪个省？")
	if a.Refused || !strings.Contains(a.Text, "河南省劳动模范") || !strings.Contains(a.Text, "没有直接写明") {
		t.Errorf("the province of her honour not offered:\n%s", a.Text)
	}
}

// TestSecondSecretaryOfOneMention: a page whose second secretary is
// named in her heading and once in a sentence (另一位受访者钱芳，是…) or
// addressed by her post (西城社区的钱芳书记): what she did is hers, not
// the page's own secretary's.
func TestSecondSecretaryOfOneMention(t *testing.T) {
	t.Parallel()
	a := serviceOverText(t, "a.md", "# 楼院里的“当家人”\n\n**孙红：小院大家管**\n\n东城社区党支部书记孙红，把老旧楼院的事交给居民自己商量，成立了“院委会”。\n\n"+
		"**钱芳：楼道有了“管家”**\n\n另一位受访者钱芳，是西城社区居委会主任、党支部书记。她推出“楼道管家”制度，每个楼道选一名管家。\n")
	b := serviceOverText(t, "b.md", "# 同一条街上的两位“领头雁”\n\n### 一\n\n走进东城社区，党委书记孙红正在和居民拉家常。孙红创立了“红色议事厅”，每月邀请居民议事。\n\n"+
		"### 二\n\n西城社区的钱芳书记则是另一种风格。钱芳推行“网格连心”工作法，把社区分成12个网格。\n")
	for _, c := range []struct {
		s         *Service
		his, hers string
	}{{a, "院委会", "楼道管家"}, {b, "红色议事厅", "网格连心"}} {
		sun := askOne(t, c.s, "孙红有什么工作方法？")
		if !strings.Contains(sun.Text, c.his) || strings.Contains(sun.Text, c.hers) {
			t.Errorf("孙红's methods (want %s, not %s):\n%s", c.his, c.hers, sun.Text)
		}
		qian := askOne(t, c.s, "钱芳有什么工作方法？")
		if qian.Refused || !strings.Contains(qian.Text, c.hers) || strings.Contains(qian.Text, c.his) {
			t.Errorf("钱芳's methods (want %s, not %s):\n%s", c.hers, c.his, qian.Text)
		}
		if w := askOne(t, c.s, "钱芳在哪里工作？"); !strings.Contains(w.Text, "西城社区") || strings.Contains(w.Text, "东城") {
			t.Errorf("钱芳's place:\n%s", w.Text)
		}
	}
}

// TestFormerJobsToldInTwo: a speech's speaker telling her former job in
// her own words ("二十年前，我还是纺织厂的一名挡车工", then 下岗) and an
// interview's 兵支书 (我18岁参军…退伍以后…农机站): 以前做什么工作 tells
// both sentences of it.
func TestFormerJobsToldInTwo(t *testing.T) {
	t.Parallel()
	speech := serviceOverText(t, "a.txt", "在全市社区工作者先进事迹报告会上的发言\n2023-05-20 来源：市委组织部\n"+
		"　　各位领导、同志们：\n　　我叫龚淑华，是柳林社区党委书记。\n"+
		"　　二十年前，我还是纺织厂的一名挡车工。2003年厂子改制，我下岗了，后来应聘到社区当了一名网格员。\n"+
		"　　刚到社区时，很多居民不认识我。我就每天走访，记下每家每户的需求。\n"+
		"　　（发言人：柳林社区党委书记 龚淑华）\n")
	if a := askOne(t, speech, "龚淑华以前做什么工作？"); a.Refused || !strings.Contains(a.Text, "挡车工") || !strings.Contains(a.Text, "下岗") {
		t.Errorf("her former job in her own words not told:\n%s", a.Text)
	}
	interview := serviceOverText(t, "b.md", "# 专访｜“兵支书”卢海涛：把部队作风带到社区\n\n**记者：听说您当过兵？**\n\n"+
		"卢海涛：对，我18岁参军，在西藏当了8年兵。退伍以后我回到老家，在镇上的农机站干过几年。\n\n"+
		"**记者：您是哪一年到长河社区当书记的？**\n\n卢海涛：2016年。那年社区换届，大家推选我当长河社区党委书记。\n\n"+
		"**记者：现在社区里最难办的是什么事？**\n\n卢海涛：停车。我们搞了个“错时停车”，和周边单位商量，晚上把他们的车位借给居民用。\n")
	if a := askOne(t, interview, "卢海涛以前做什么工作？"); a.Refused || !strings.Contains(a.Text, "当了8年兵") || !strings.Contains(a.Text, "农机站") {
		t.Errorf("his service and his job after it not told:\n%s", a.Text)
	}
	if a := askOne(t, interview, "卢海涛当过兵吗？"); a.Refused || !strings.Contains(a.Text, "参军") {
		t.Errorf("his service not told:\n%s", a.Text)
	}
}

// TestProfileKeepsToHerSection: a passage that runs from the end of one
// secretary's section into the other's heading and first paragraphs is
// credited to neither by name; the page's own secretary's profile draws
// none of the other's section from it (her 楼宇议事会, her 1.2万人).
func TestProfileKeepsToHerSection(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("testdata/derive9_two_secretaries.md")
	if err != nil {
		t.Fatal(err)
	}
	s := serviceOverText(t, "page.md", string(b))
	for _, q := range []string{"唐晓红有什么工作方法？", "总结一下唐晓红的工作方法"} {
		a := askOne(t, s, q)
		if !strings.Contains(a.Text, "三张清单") || strings.Contains(a.Text, "楼宇议事会") || strings.Contains(a.Text, "1.2万人") {
			t.Errorf("%s: her profile holds the other's section:\n%s", q, a.Text)
		}
	}
	for q, want := range map[string]string{"韦丽萍有什么工作方法？": "楼宇议事会", "韦丽萍以前做什么工作？": "物业公司", "韦丽萍获得过什么荣誉？": "三八红旗手"} {
		if a := askOne(t, s, q); a.Refused || !strings.Contains(a.Text, want) || strings.Contains(a.Text, "三张清单") || strings.Contains(a.Text, "全省优秀党务工作者") {
			t.Errorf("%s (want %s, nothing of 唐晓红's):\n%s", q, want, a.Text)
		}
	}
}

// TestSectionOpeningOnHerIsHers: when the sections' headings name no one
// (新区那头：年轻人坐到了一张桌上), a section opening on the second
// secretary's community (就是金沙社区) or on her as the subject (金沙社区
// 党委书记韦丽萍是个“85后”) is hers to its end: "她发现……推出“楼宇议事
// 会”" is her doing, not the page's own secretary's.
func TestSectionOpeningOnHerIsHers(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("testdata/derive9_two_secretaries_unnamed.md")
	if err != nil {
		t.Fatal(err)
	}
	s := serviceOverText(t, "page.md", string(b))
	if a := askOne(t, s, "韦丽萍有什么工作方法？"); a.Refused || !strings.Contains(a.Text, "楼宇议事会：") && !strings.Contains(a.Text, "推出“楼宇议事会”") {
		t.Errorf("her doing told without her name is not hers:\n%s", a.Text)
	}
	for _, q := range []string{"唐晓红有什么工作方法？", "唐晓红是怎么做的？"} {
		if a := askOne(t, s, q); strings.Contains(a.Text, "楼宇议事会") || strings.Contains(a.Text, "1.2万人") {
			t.Errorf("%s: the other's section told as hers:\n%s", q, a.Text)
		}
	}
}

// TestLedToHonoursIsNoPractice: "杜春梅带领社区党委，先后荣获“全国先进基层
// 党组织”…称号" is the community's honours, not hers, nor one of her
// practices.
func TestLedToHonoursIsNoPractice(t *testing.T) {
	t.Parallel()
	s := serviceOverText(t, "a.txt", "红旗飘飘的老社区\n2020-07-01 来源：某网\n"+
		"　　永安社区党委书记杜春梅，扎根社区十二年。\n"+
		"　　杜春梅带领社区党委，先后荣获“全国先进基层党组织”“全国民主法治示范社区”等称号。\n"+
		"　　杜春梅推行“一线工作法”，每天上午到楼栋走一圈。\n")
	a := askOne(t, s, "杜春梅有什么工作方法？")
	if i := strings.Index(a.Text, "主要做法"); i < 0 || strings.Contains(a.Text[i:strings.Index(a.Text+"• 成效", "• 成效")], "先进基层党组织") {
		t.Errorf("the community's honours told as her practice:\n%s", a.Text)
	}
	if a := askOne(t, s, "杜春梅获得过什么荣誉？"); !a.Refused || !strings.Contains(a.Text, "所在社区获得的荣誉") {
		t.Errorf("the community's honours given as hers:\n%s", a.Text)
	}
}

// TestAskedOfTheArmyInAnInterview: a Big5 interview where she is asked
// 您當過兵嗎 and answers 沒有 (naming her husband's service): 當過兵嗎
// leads with her answer, not with "not mentioned"; 以前做什麼工作 is not
// answered by it.
func TestAskedOfTheArmyInAnInterview(t *testing.T) {
	t.Parallel()
	text := "專訪：社區書記的一天\n2024-01-10 來源：城市晚報\n" +
		"　　記者：您在社區工作多少年了？\n　　楊桂芝：今年是第九個年頭。我原來在街道辦做文書，2015年到長安社區當書記。\n" +
		"　　記者：您當過兵嗎？\n　　楊桂芝：沒有，不過我愛人是退伍軍人。\n" +
		"　　記者：剛來的時候遇到什麼困難？\n　　楊桂芝：那時候居民不認識我，我就一家一家敲門，推了個「樓長議事」的辦法。\n"
	raw, err := traditionalchinese.Big5.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	s := serviceOverText(t, "a.txt", string(raw))
	a := askOne(t, s, "楊桂芝當過兵嗎？")
	if a.Refused || !strings.Contains(a.Text, "沒有，不過") || strings.Contains(a.Text, "沒有提到") {
		t.Errorf("her own answer to being asked of the army not told:\n%s", a.Text)
	}
	if a := askOne(t, s, "楊桂芝以前做什麼工作？"); !strings.Contains(a.Text, "街道辦做文書") || strings.Contains(a.Text, "退伍軍人") {
		t.Errorf("her former job answered by the army question:\n%s", a.Text)
	}
}

// TestSecondSecretaryServing: the second of two name-headed sections,
// her post told as serving (在潮音社区当了两年书记): her method is hers,
// not the first secretary's, and she can be asked about.
func TestSecondSecretaryServing(t *testing.T) {
	t.Parallel()
	s := serviceOverText(t, "a.md", "# 社区书记访谈录：两位“90后”的治理故事\n\n来源：滨海日报客户端　2024-04-12\n\n"+
		"本期，我们走进两个社区，听两位年轻的社区党组织书记讲讲她们的故事。\n\n"+
		"## 一、林晓雯\n\n林晓雯是海风社区党委书记，2020年从大学生村官岗位调到社区。\n\n她推出“微心愿墙”，居民把心愿写在卡片上，社区党员认领。三年来，累计认领心愿860多个。\n\n"+
		"## 二、蒋静怡\n\n蒋静怡今年29岁，在潮音社区当了两年书记。\n\n刚上任时，小区停车乱，她牵头成立“停车自治小组”，由业主轮流管理停车位。\n\n蒋静怡说：“年轻人当书记，就是要敢想敢干。”\n")
	if a := askOne(t, s, "蒋静怡有什么工作方法？"); a.Refused || !strings.Contains(a.Text, "停车自治小组") || strings.Contains(a.Text, "微心愿墙") {
		t.Errorf("her method not hers:\n%s", a.Text)
	}
	if a := askOne(t, s, "林晓雯有什么工作方法？"); strings.Contains(a.Text, "停车自治小组") {
		t.Errorf("the other's method given to the first secretary:\n%s", a.Text)
	}
	if a := askOne(t, s, "蒋静怡在哪里工作？"); !strings.Contains(a.Text, "潮音社区") {
		t.Errorf("her community not given:\n%s", a.Text)
	}
}

// TestCommunityHonourClauses: which sentences confer only the
// community's honours — her own honour in a clause of its own, or a
// personal title after the community's name, stays hers.
func TestCommunityHonourClauses(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{
		"在她的带领下，社区先后获评全国文明社区、省级绿色社区等称号。":  true,
		"她带领社区荣获“省级文明社区”称号。":              true,
		"她所在的社区被评为全国示范社区。":                true,
		"她在村里被评为优秀党员。":                    false,
		"社区党委书记王芳被评为全省优秀社区工作者。":           false,
		"罗素梅本人也被评为市优秀社区工作者。":              false,
		"社区党委被评为全国先进基层党组织，她本人被评为优秀党务工作者。": false,
	} {
		if got := communityHonour(s); got != want {
			t.Errorf("communityHonour(%s) = %v, want %v", s, got, want)
		}
	}
}
