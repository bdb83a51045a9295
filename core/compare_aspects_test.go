package core

import (
	"context"
	"strings"
	"testing"
)

// aspectsService is one Service over testdata/compare_aspects (articles
// written for these tests: a street secretary's report telling a
// community secretary's practice inside it, a news report and a
// government page of two community secretaries each with a general method
// and a practice of her own on members, old people and disputes).
func aspectsService(t *testing.T) *Service {
	return sharedService(t, "testdata/compare_aspects", func(t *testing.T) *Service { return serviceOverDir(t, "testdata/compare_aspects") })
}

// askChain asks the questions in one chat over those articles and returns
// the last answer.
func askChain(t *testing.T, chat string, qs ...string) *Answer {
	t.Helper()
	return askAll(t, aspectsService(t), chat, qs...)
}

func TestCompareOnASharedAspect(t *testing.T) {
	for _, c := range []struct {
		qs     []string
		want   []string
		forbid []string
	}{
		// Each side's sentence on the aspect asked, and the difference
		// said by the practice each sentence names — not her general
		// method, whose record happens to hold that sentence.
		{[]string{"何秀英和宋春燕在发动党员上有什么不同？"}, []string{"不同点：何秀英用“党员先锋岗”", "党员积分制"}, []string{"三必到", "四个一"}},
		{[]string{"何秀英和宋春燕在服务老人上有什么不同？"}, []string{"不同点：何秀英用“邻里食堂”，宋春燕用“银龄互助”", "200多位老人", "结对156对"}, []string{"三必到", "四个一"}},
		// "都是怎么…的" asks each of them on it, nothing else of theirs.
		{[]string{"何秀英和宋春燕都是怎么服务老人的？"}, []string{"邻里食堂", "银龄互助"}, []string{"和为贵", "板凳调解"}},
		// "是怎么…的" of two asks each one's doing on it, not her honour.
		{[]string{"何秀英和宋春燕是怎么化解矛盾的？"}, []string{"和为贵", "板凳调解"}, []string{"获评", "邻里食堂", "银龄互助"}},
		{[]string{"何秀英和宋春燕在化解矛盾上有什么共同点？"}, []string{"共同点：都在“矛盾纠纷”上", "和为贵", "板凳调解"}, []string{"邻里食堂"}},
		// "有啥不一样" asks how they differ, not what they share.
		{[]string{"何秀英和宋春燕，两个人抓党员有啥不一样？"}, []string{"不同点：何秀英用“党员先锋岗”，宋春燕用“党员积分制”"}, []string{"共同点"}},
		// A community secretary told inside the street secretary's
		// article: her own sentences, not his.
		{[]string{"罗晓梅和何秀英在化解矛盾上有什么不同？"}, []string{"楼门议事会", "和为贵"}, []string{"街长接待日", "双报到"}},
		// Follow-ups keep the aspect compared, though its sentences were
		// shown just before.
		{[]string{"何秀英和宋春燕在服务老人上有什么不同？", "那她们的共同点呢？"}, []string{"共同点：都在“老年人”上", "邻里食堂", "银龄互助"}, []string{"三必到", "四个一", "和为贵"}},
		{[]string{"何秀英和宋春燕在化解矛盾上有什么共同点？", "区别呢？"}, []string{"和为贵", "板凳调解"}, []string{"三必到", "四个一", "邻里食堂"}},
	} {
		ans := askChain(t, "aspect "+strings.Join(c.qs, "→"), c.qs...)
		q := c.qs[len(c.qs)-1]
		if ans.Refused {
			t.Errorf("%s: refused:\n%s", q, ans.Text)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(ans.Text, w) {
				t.Errorf("%v: lacks %q:\n%s", c.qs, w, ans.Text)
			}
		}
		for _, w := range c.forbid {
			if strings.Contains(ans.Text, w) {
				t.Errorf("%v: holds %q, no sentence on the aspect asked:\n%s", c.qs, w, ans.Text)
			}
		}
	}
}

func TestCompareStreetAndCommunitySecretary(t *testing.T) {
	ans := askChain(t, "aspect street", "谭国华和罗晓梅的做法有什么不同？")
	tan, luo := lineOf(ans.Text, "谭国华"), lineOf(ans.Text, "罗晓梅")
	if !strings.Contains(ans.Text, "双报到") || !strings.Contains(ans.Text, "楼门议事会") {
		t.Fatalf("each side's practice missing:\n%s", ans.Text)
	}
	if strings.Contains(tan, "楼门议事会") || strings.Contains(luo, "双报到") {
		t.Errorf("one side's practice on the other's line:\n%s", ans.Text)
	}
}

// TestWhichPracticeIsBetter: "谁的办法更适合…", "哪个效果更好" get each
// side's practice with its own result, and a hedge: the articles do not
// rank them. A community with many old people is no count to compare.
func TestWhichPracticeIsBetter(t *testing.T) {
	for _, c := range []struct {
		q      string
		want   []string
		forbid []string
	}{
		{"何秀英和宋春燕谁的办法更适合老人多的社区？", []string{"资料中没有直接比较哪个更适合", "200多位老人", "结对156对"}, []string{"老人更多"}},
		{"何秀英的邻里食堂和宋春燕的银龄互助哪个效果更好？", []string{"资料中没有直接比较哪个效果更好", "200多位老人", "结对156对"}, []string{"4200多人次"}},
		{"何秀英和宋春燕在发动党员上谁的办法效果更好？", []string{"资料中没有直接比较", "128名党员", "4200多人次"}, []string{"结对156对", "200多位老人"}},
		{"何秀英跟宋春燕比，谁在调解矛盾上更有办法？", []string{"资料中没有直接比较", "300多起", "96件"}, []string{"邻里食堂"}},
		// Neither main method's result is told: said so, not guessed.
		{"何秀英和宋春燕的做法哪个更好学？", []string{"资料中没有直接比较哪个更好学", "三必到", "四个一", "资料中没有写到何秀英、宋春燕上述做法的具体成效"}, nil},
	} {
		ans := askChain(t, "aspect better "+c.q, c.q)
		if ans.Refused {
			t.Errorf("%s: refused:\n%s", c.q, ans.Text)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(ans.Text, w) {
				t.Errorf("%s: lacks %q:\n%s", c.q, w, ans.Text)
			}
		}
		for _, w := range c.forbid {
			if strings.Contains(ans.Text, w) {
				t.Errorf("%s: holds %q:\n%s", c.q, w, ans.Text)
			}
		}
	}
}

// TestCompareWithOthersAndMethods: a named secretary against "其他书记"
// is her and the others whose sentences work on the field; two practices
// (one the catalog lacks) are their secretaries' sentences naming them;
// three secretaries are three lines.
func TestCompareWithOthersAndMethods(t *testing.T) {
	for _, c := range []struct {
		q      string
		lead   string
		want   []string
		forbid []string
	}{
		{"何秀英和其他书记在服务老人上有什么不同？", "何秀英和其他书记（", []string{"邻里食堂", "银龄互助", "银发先锋队"}, []string{"和为贵", "双报到"}},
		{"何秀英的做法和其他书记比有什么特点？", "何秀英和其他书记（", []string{"三必到"}, nil},
		{"邻里食堂和银龄互助有什么不同？", "何秀英和宋春燕", []string{"不同点：何秀英用“邻里食堂”，宋春燕用“银龄互助”", "结对156对"}, []string{"和为贵"}},
		{"和为贵调解室和板凳调解有什么区别？", "何秀英和宋春燕", []string{"和为贵", "板凳调解点"}, []string{"邻里食堂", "银龄互助"}},
		{"何秀英、宋春燕和罗晓梅在化解矛盾上有什么不同？", "何秀英、宋春燕和罗晓梅", []string{"和为贵", "板凳调解", "楼门议事会"}, []string{"街长接待日"}},
	} {
		ans := askChain(t, "aspect others "+c.q, c.q)
		if ans.Refused || !strings.HasPrefix(ans.Text, c.lead) {
			t.Errorf("%s: want a comparison led by %q:\n%s", c.q, c.lead, ans.Text)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(ans.Text, w) {
				t.Errorf("%s: lacks %q:\n%s", c.q, w, ans.Text)
			}
		}
		for _, w := range c.forbid {
			if strings.Contains(ans.Text, w) {
				t.Errorf("%s: holds %q:\n%s", c.q, w, ans.Text)
			}
		}
	}
}

// TestCompareSideIsHerDoing: a side on a field is what she did on it,
// not the community's situation ranked first on the field's words, nor
// the general method told after that situation (the genre fixtures:
// 中山社区…老人超过三分之一, then 万丽萍's “1+3+N”, before 银龄食堂).
func TestCompareSideIsHerDoing(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ans, err := s.Ask(context.Background(), "side-doing", "牛桂英和万丽萍在照顾老人上有什么共同点？")
	if err != nil {
		t.Fatal(err)
	}
	checkMarkers(t, ans)
	wan := lineOf(ans.Text, "万丽萍")
	if !strings.Contains(wan, "银龄食堂") || !strings.Contains(ans.Text, "敲门行动") {
		t.Errorf("each side's practice on the field missing:\n%s", ans.Text)
	}
	for _, w := range []string{"三分之一", "1+3+N"} {
		if strings.Contains(wan, w) {
			t.Errorf("万丽萍's side holds %q, no doing of hers on the field:\n%s", w, ans.Text)
		}
	}
}

// TestCompareStreetCases: a street secretary's report telling two
// community cases under headings (【案例】…). Each community secretary's
// methods are her own, not the other case's the catalog credited to her;
// asked whose is better, the street secretary, who has no named method,
// is still a side.
func TestCompareStreetCases(t *testing.T) {
	ans := askChain(t, "aspect cases diff", "江建平和周兰的做法有什么不同？")
	zhou := lineOf(ans.Text, "周兰")
	if !strings.Contains(ans.Text, "红色议事厅") || !strings.Contains(ans.Text, "网格连心") {
		t.Errorf("each side's practice missing:\n%s", ans.Text)
	}
	if strings.Contains(zhou, "楼道管家") {
		t.Errorf("马俊's 楼道管家 told as 周兰's:\n%s", ans.Text)
	}
	ans = askChain(t, "aspect cases better", "江建平和周兰谁的办法更好？")
	if !strings.Contains(lineOf(ans.Text, "江建平"), "网格") || !strings.Contains(lineOf(ans.Text, "周兰"), "红色议事厅") {
		t.Errorf("a side missing from which is better:\n%s", ans.Text)
	}
	if strings.Contains(ans.Text, "推广开去") {
		t.Errorf("a sentence of his words on no practice quoted:\n%s", ans.Text)
	}
	ans = askChain(t, "aspect cases members", "周兰和马俊在发动党员上有什么不同？")
	if !strings.Contains(lineOf(ans.Text, "周兰"), "周末服务队") || !strings.Contains(lineOf(ans.Text, "马俊"), "楼道管家") {
		t.Errorf("each case's own practice on members missing:\n%s", ans.Text)
	}
}

// TestSecondOfAComparison: "那第二个呢" right after a comparison is the
// second secretary compared — by the method of hers it told, else her
// profile — not the second method its answer happened to name.
func TestSecondOfAComparison(t *testing.T) {
	ans := askChain(t, "aspect second", "何秀英和宋春燕在服务老人上有什么不同？", "那第二个呢？")
	if !strings.HasPrefix(ans.Text, "宋春燕") || !strings.Contains(ans.Text, "银龄互助") || strings.Contains(ans.Text, "何秀英") {
		t.Errorf("not the second compared (宋春燕):\n%s", ans.Text)
	}
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ctx := context.Background()
	if _, err := s.Ask(ctx, "second-genre", "门建国和向春燕的志愿队伍有什么不同？"); err != nil {
		t.Fatal(err)
	}
	ans, err := s.Ask(ctx, "second-genre", "那第二个呢？")
	if err != nil {
		t.Fatal(err)
	}
	checkMarkers(t, ans)
	if !strings.Contains(ans.Text, "红色管家") || strings.Contains(ans.Text, "帮帮团") {
		t.Errorf("not 向春燕's 红色管家, the second practice compared:\n%s", ans.Text)
	}
}

// TestFollowUpsKeepTheComparedField: after a comparison on a field, "那
// 效果呢", "那她们俩谁的效果更好", "哪个更适合我们社区" and "和罗晓梅比呢" stay
// on that field (her general method's results are no answer), and "我们
// 社区" is the asker's place, no community missing from the articles.
func TestFollowUpsKeepTheComparedField(t *testing.T) {
	first := "何秀英和宋春燕在服务老人上有什么不同？"
	for _, c := range []struct {
		then   string
		want   []string
		forbid []string
	}{
		{"那效果呢？", []string{"200多位老人", "结对156对"}, []string{"128名党员", "4200多人次"}},
		{"那她们俩谁的效果更好？", []string{"资料中没有直接比较", "200多位老人", "结对156对"}, []string{"128名党员", "4200多人次"}},
		{"哪个更适合我们社区？", []string{"资料中没有直接比较哪个更适合", "邻里食堂", "银龄互助"}, []string{"资料中没有关于"}},
		{"和罗晓梅比呢？", []string{"邻里食堂", "银发先锋队"}, []string{"三必到", "资料中没有直接提到"}},
	} {
		ans := askChain(t, "aspect keep "+c.then, first, c.then)
		if ans.Refused {
			t.Errorf("%s: refused:\n%s", c.then, ans.Text)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(ans.Text, w) {
				t.Errorf("%s → %s: lacks %q:\n%s", first, c.then, w, ans.Text)
			}
		}
		for _, w := range c.forbid {
			if strings.Contains(ans.Text, w) {
				t.Errorf("%s → %s: holds %q:\n%s", first, c.then, w, ans.Text)
			}
		}
	}
}

// TestCompareStreetSecretaryWithAProgramme: "书记项目" is the street
// secretary's programme, no secretary called 项目 — whose "owning" his
// paragraph left him no side at all.
func TestCompareStreetSecretaryWithAProgramme(t *testing.T) {
	ans := askChain(t, "aspect kong", "孔德胜和刘芳芳的做法有什么不同？")
	if !strings.Contains(lineOf(ans.Text, "孔德胜"), "书记项目") || !strings.Contains(ans.Text, "每日一问") {
		t.Errorf("a side missing:\n%s", ans.Text)
	}
}

// TestStreetSideIsNotTheCaseItTells: in a street secretary's report, the
// sentence telling how he spread a community's practice ("在郑国强的推动
// 下，“石榴籽”…推广") is no practice of his to compare; with no method
// recorded, his side is his own first doing and what it counted.
func TestStreetSideIsNotTheCaseItTells(t *testing.T) {
	for _, q := range []string{"郑国强和王丽的做法有什么不同？", "郑国强和王丽谁的办法更好？"} {
		ans := askChain(t, "aspect zheng "+q, q)
		zheng := lineOf(ans.Text, "郑国强")
		if !strings.Contains(zheng, "网格吹哨") || strings.Contains(zheng, "石榴籽") {
			t.Errorf("%s: 郑国强's side is not his own practice:\n%s", q, ans.Text)
		}
		if !strings.Contains(lineOf(ans.Text, "王丽"), "石榴籽") && !strings.Contains(ans.Text, "石榴籽志愿服务队：") {
			t.Errorf("%s: 王丽's practice missing:\n%s", q, ans.Text)
		}
	}
}

// TestQuoteOwnedBySpeakerAfterIt: a paragraph opening with a quotation
// and then "红星社区书记唐亮说。" is his words, not the last section's
// secretary's (刘芳芳), so neither side of a comparison tells it as hers.
func TestQuoteOwnedBySpeakerAfterIt(t *testing.T) {
	s := aspectsService(t)
	found := false
	for i := range s.o.Chunks {
		for _, r := range s.sentences(&s.o.Chunks[i]) {
			if strings.Contains(r.norm, "现在居民也愿意出力了") {
				found = true
				if o := s.ownerOf(r); o != "唐亮" {
					t.Errorf("the quotation 唐亮 said is owned by %q", o)
				}
			}
		}
	}
	if !found {
		t.Fatal("fixture sentence not found")
	}
}

// TestCompareNumberedPointsAndPlainResults: a government page's numbered
// points ("一是抓党建带队伍。" then the doing, which shares no word with
// the field) give the doing as her side; a result counted mid-sentence
// (三年来维修…500多处) is a result; a side with no method recorded is a
// doing of hers, not the sentence of her post.
func TestCompareNumberedPointsAndPlainResults(t *testing.T) {
	ans := askChain(t, "aspect fan team", "范红梅和高志刚在带队伍上有什么不同？")
	if !strings.Contains(lineOf(ans.Text, "范红梅"), "党员楼长制") || strings.Contains(ans.Text, "没有直接提到范红梅") || !strings.Contains(ans.Text, "亮身份") {
		t.Errorf("each side's practice on 带队伍 missing:\n%s", ans.Text)
	}
	ans = askChain(t, "aspect fan better", "范红梅和高志刚谁的办法更适合老旧小区？")
	if !strings.Contains(ans.Text, "500多处") || strings.Contains(ans.Text, "没有写到范红梅") {
		t.Errorf("范红梅's counted result not taken as one:\n%s", ans.Text)
	}
	ans = askChain(t, "aspect fan common", "范红梅和高志刚的做法有什么共同点？")
	if strings.Contains(ans.Text, "2018年担任") {
		t.Errorf("a post told as a practice:\n%s", ans.Text)
	}
}

// TestCompareTwoMethodsOfOneSecretary: two methods of the same secretary
// compared are both told, each by its own sentences, not the first alone.
func TestCompareTwoMethodsOfOneSecretary(t *testing.T) {
	ans := askChain(t, "aspect own methods", "邻里食堂和和为贵调解室有什么不同？")
	if !strings.HasPrefix(ans.Text, "何秀英的“邻里食堂”和“和为贵”比较") || !strings.Contains(ans.Text, "200多位老人") || !strings.Contains(ans.Text, "300多起") {
		t.Errorf("both methods not compared:\n%s", ans.Text)
	}
}
