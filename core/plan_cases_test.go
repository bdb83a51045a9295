package core

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"bangyang/zh"

	"bangyang/search"
)

// TestSecondSecretaryOfAnArticle: a secretary an article names beside its
// own (相邻的…书记李文静) can be asked about and compared with, on the
// sentences naming her; the article's own secretary is not credited with
// them.
func TestSecondSecretaryOfAnArticle(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ctx := context.Background()
	ask := func(q string) *Answer {
		t.Helper()
		ans, err := s.Ask(ctx, "", q)
		if err != nil {
			t.Fatal(err)
		}
		checkMarkers(t, ans)
		return ans
	}
	cmp := ask("师晓东和李文静的做法有什么不同？")
	if cmp.Refused || !strings.Contains(cmp.Text, "五步议事法") || !strings.Contains(cmp.Text, "睦邻茶话会") {
		t.Errorf("comparison lacks one side:\n%s", cmp.Text)
	}
	who := ask("李文静是谁？")
	if first, _, _ := strings.Cut(who.Text, "\n"); !strings.Contains(first, "文艺路社区") || strings.Contains(first, "相邻") {
		t.Errorf("who-is does not give her post and place: %q", first)
	}
	his := ask("师晓东有什么做法？")
	if strings.Contains(his.Text, "睦邻茶话会，每月请居民") {
		t.Errorf("his answer quotes what the other secretary did:\n%s", his.Text)
	}
	// A section headed by the second secretary is his, "他还……" included.
	hers := ask("范桂芝有什么工作方法？")
	if strings.Contains(hers.Text, "说事信箱") || strings.Contains(hers.Text, "夜间议事厅") {
		t.Errorf("her answer holds the other secretary's practice:\n%s", hers.Text)
	}
	wei := ask("韦志鹏有什么工作方法？")
	if !strings.Contains(wei.Text, "说事信箱") {
		t.Errorf("his section's practice is not his:\n%s", wei.Text)
	}
	if first, _, _ := strings.Cut(ask("韦志鹏是谁？").Text, "\n"); !strings.Contains(first, "云岭社区") {
		t.Errorf("a post taken up later in the sentence (调任…社区党委书记) is not read: %q", first)
	}
}

// TestExampleOfAMethod: "有没有具体的例子" after a method is a case the
// article tells of it (a yard, a resident), not its definition again; a
// method the article tells no case of says so.
func TestExampleOfAMethod(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ctx := context.Background()
	if _, err := s.Ask(ctx, "ex", "五步议事法是哪五步？"); err != nil {
		t.Fatal(err)
	}
	ans, err := s.Ask(ctx, "ex", "有没有具体的例子？")
	if err != nil {
		t.Fatal(err)
	}
	checkMarkers(t, ans)
	if ans.Refused || !strings.Contains(ans.Text, "南院门12号院") || strings.Contains(ans.Text, "第一步，居民提事") {
		t.Errorf("want the case of 南院门12号院, not the steps again:\n%s", ans.Text)
	}
	seeds := newOffline(t, nil)
	none, err := seeds.Ask(ctx, "", "三社联动有没有具体的例子？")
	if err != nil {
		t.Fatal(err)
	}
	if !none.Refused || !strings.Contains(none.Text, "没有讲“三社联动”的具体例子") || strings.Contains(none.Text, "授予") {
		t.Errorf("want an honest 没有例子 with what the article says:\n%s", none.Text)
	}
}

// TestUnknownMethodName: a method name no article uses is refused by
// name, with what the articles say about the person; names the articles
// do use (in any quoting) are answered.
func TestUnknownMethodName(t *testing.T) {
	s := newOffline(t, nil)
	ctx := context.Background()
	for q, term := range map[string]string{
		"吴中兰的三治融合是怎么做的？":   "“三治融合”",
		"李亚玲推行的五心工作法是什么？":  "“五心工作法”",
		"郭佳的“红色议事厅”有什么效果？": "“红色议事厅”",
	} {
		ans, err := s.Ask(ctx, "", q)
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(ans.Text, "\n")
		if !ans.Refused || !strings.Contains(first, "资料中没有提到") || !strings.Contains(first, term) {
			t.Errorf("%s: want a refusal naming %s:\n%s", q, term, ans.Text)
		}
		checkMarkers(t, ans)
	}
	for _, q := range []string{"什么是“四单”工作法？", "郭佳开展的“四微”活动是什么？", "倒生根社区的网格化管理机制是怎样的？"} {
		ans, err := s.Ask(ctx, "", q)
		if err != nil {
			t.Fatal(err)
		}
		if ans.Refused {
			t.Errorf("%s: refused a method the articles name:\n%s", q, ans.Text)
		}
	}
}

// TestStepNumberIsNoMethodName: "第三步" after a method is its third step,
// not the method called 三步工作法; how a method is done lists every step.
func TestStepNumberIsNoMethodName(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ctx := context.Background()
	how, err := s.Ask(ctx, "st", "于海燕的楼长议事会是怎么做的？")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"\n1. ", "\n2. ", "\n3. ", "\n4. "} {
		if !strings.Contains(how.Text, n) {
			t.Errorf("step %q missing:\n%s", n, how.Text)
		}
	}
	if strings.Contains(how.Text, "楼长收集本楼居民的意见：楼长收集") {
		t.Errorf("a step says its name twice:\n%s", how.Text)
	}
	third, err := s.Ask(ctx, "st", "第三步具体是什么？")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(third.Text, "社区明确责任人") || strings.Contains(third.Text, "三步工作法") {
		t.Errorf("want step 3 of 楼长议事会:\n%s", third.Text)
	}
}

// TestHonoursFromATable: an encyclopedia page lists honours in a table;
// its header ("所获荣誉", "时间 荣誉") states none, its rows do, also
// honours no state word names (三八红旗手).
func TestHonoursFromATable(t *testing.T) {
	page := `<html><head><title>柳春华_百科</title></head><body>
<h1>柳春华</h1>
<p>柳春华，女，汉族，湖南省株洲市芦淞区建设街道枫溪社区党委书记。</p>
<p>她在社区推行“楼道夜话”，每周三晚上在楼道里听居民说事，三年收集意见六百多条。</p>
<h2>所获荣誉</h2>
<table><tr><th>时间</th><th>荣誉</th></tr>
<tr><td>2018年</td><td>湖南省三八红旗手</td></tr>
<tr><td>2021年</td><td>株洲市优秀共产党员</td></tr></table>
</body></html>`
	s := serviceOverText(t, "liu.html", page)
	ans, err := s.Ask(context.Background(), "", "柳春华获得过什么荣誉？")
	if err != nil {
		t.Fatal(err)
	}
	checkMarkers(t, ans)
	if ans.Refused || !strings.Contains(ans.Text, "三八红旗手") {
		t.Errorf("want the honours of the table:\n%s", ans.Text)
	}
	for _, line := range strings.Split(ans.Text, "\n") {
		if l := strings.TrimSpace(strings.TrimLeft(line, "•0123456789. ")); strings.HasPrefix(l, "所获荣誉[") || strings.HasPrefix(l, "时间 荣誉") {
			t.Errorf("a table header is quoted as an honour: %q\n%s", line, ans.Text)
		}
	}
}

// TestUnknownPlaceIsSaidFirst: a place the articles never name is the
// answer, said first, even beside a leader they do know; a known place
// written after other words (刚到钟秀街道) is no unknown.
func TestUnknownPlaceIsSaidFirst(t *testing.T) {
	s := newOffline(t, nil)
	ctx := context.Background()
	ans, err := s.Ask(ctx, "", "郭佳在成都市武侯区做过哪些工作？")
	if err != nil {
		t.Fatal(err)
	}
	if !ans.Refused || !strings.HasPrefix(ans.Text, "资料中没有关于") || !strings.Contains(ans.Text, "成都") {
		t.Errorf("want the missing place said first:\n%s", ans.Text)
	}
	checkMarkers(t, ans)
	known, err := s.Ask(ctx, "", "邵敏刚到钟秀街道“水土不服”，她是怎么打开局面的？")
	if err != nil {
		t.Fatal(err)
	}
	if known.Refused || strings.Contains(known.Text, "资料中没有关于") {
		t.Errorf("a known street taken for an unknown place:\n%s", known.Text)
	}
}

// TestHowSheTransformedIt: "怎么把后进社区变成先进典型" is told by her main
// doings across the article, not by the sentence summing it up and what
// follows it (honours).
func TestHowSheTransformedIt(t *testing.T) {
	s := newOffline(t, nil)
	ans, err := s.Ask(context.Background(), "", "吴中兰是怎么把后进社区变成先进典型的？")
	if err != nil {
		t.Fatal(err)
	}
	checkMarkers(t, ans)
	if !strings.Contains(ans.Text, "狠抓班子") || strings.Count(ans.Text, "\n•") < 3 || strings.Contains(ans.Text, "AAA国家级旅游景区") {
		t.Errorf("want her doings across the article:\n%s", ans.Text)
	}
}

// TestAdviceCreditsTheSecretaryASentenceIsAbout: in an article about two
// secretaries, a practice of the second is told under her name, not under
// the article's secretary.
func TestAdviceCreditsTheSecretaryASentenceIsAbout(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	for _, q := range []string{"小区没有物业，谁有好办法？", "居民不愿意来会议室开会，怎么让他们参与议事？"} {
		ans, err := s.Ask(context.Background(), "", q)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(ans.Text, "\n") {
			label, quote, ok := strings.Cut(strings.TrimPrefix(line, "• "), "：")
			if !ok {
				continue
			}
			for _, other := range []string{"韦志鹏", "李文静"} {
				if strings.HasPrefix(quote, other) && !strings.HasPrefix(label, other) {
					t.Errorf("%s: %s's practice under %q:\n%s", q, other, label, ans.Text)
				}
			}
		}
	}
}

// TestCountLeads: a count asked in a measure (多少名) is answered by the
// sentence counting in it, first and on its own line.
func TestCountLeads(t *testing.T) {
	s := newOffline(t, nil)
	ans, err := s.Ask(context.Background(), "", "倒生根社区有多少名党员？")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(ans.Text, "\n")
	if len(lines) < 2 || !strings.Contains(lines[1], "253名党员") || strings.Contains(ans.Text, "一肩挑") {
		t.Errorf("want the count first and alone:\n%s", ans.Text)
	}
}

// TestSeveralLeadersEachOnHerLine: a question about two leaders puts
// each one's sentences on one line under her name, no name on a line of
// its own.
func TestSeveralLeadersEachOnHerLine(t *testing.T) {
	s := newOffline(t, nil)
	ans, err := s.Ask(context.Background(), "", "倒生根社区和上清寺路社区各划了多少个网格？")
	if err != nil {
		t.Fatal(err)
	}
	checkMarkers(t, ans)
	for _, name := range []string{"• 李亚玲（倒生根社区）：", "• 吴中兰（上清寺路社区）："} {
		if !strings.Contains(ans.Text, name) {
			t.Errorf("no line for %s:\n%s", name, ans.Text)
		}
	}
	for _, line := range strings.Split(ans.Text, "\n") {
		if strings.HasSuffix(strings.TrimSpace(line), "：") {
			t.Errorf("a name on a line of its own: %q\n%s", line, ans.Text)
		}
	}
}

// TestRefusalNamesAFewSecretaries: a refusal says what the articles
// cover in one message — a few secretaries and how many in all — not a
// directory of every one.
func TestRefusalNamesAFewSecretaries(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ans, err := s.Ask(context.Background(), "", "明天兰州天气怎么样？")
	if err != nil {
		t.Fatal(err)
	}
	if !ans.Refused && ans.Grounded {
		t.Fatalf("not refused:\n%s", ans.Text)
	}
	if n := strings.Count(ans.Text, "）、"); n > maxCoverageNames-1 || !strings.Contains(ans.Text, "/leaders") {
		t.Errorf("want at most %d names and a pointer to /leaders:\n%s", maxCoverageNames, ans.Text)
	}
}

// TestDirectFactMustBeStated: a count, a time or someone's attribute is
// answered only by a sentence stating one; passages on the topic that do
// not are no answer.
func TestDirectFactMustBeStated(t *testing.T) {
	s := newOffline(t, nil)
	ctx := context.Background()
	for _, q := range []string{"社区医院几点开门？", "网格员的手机号是多少？", "倒生根社区成立于哪一年？"} {
		ans, err := s.Ask(ctx, "", q)
		if err != nil {
			t.Fatal(err)
		}
		if !ans.Refused && ans.Grounded {
			t.Errorf("%s: answered without the fact:\n%s", q, ans.Text)
		}
	}
	ans, err := s.Ask(ctx, "", "郭佳哪年获得全国优秀党务工作者？")
	if err != nil {
		t.Fatal(err)
	}
	if ans.Refused || !strings.Contains(ans.Text, "七一") {
		t.Errorf("a time the article does give (“七一”前夕) was not told:\n%s", ans.Text)
	}
}

// TestGreetingAndCoverage: a greeting gets what the bot does and what to
// ask, never a quote that happens to say 你好; "有哪些书记" lists them.
func TestGreetingAndCoverage(t *testing.T) {
	s := newOffline(t, nil)
	ctx := context.Background()
	hi, err := s.Ask(ctx, "", "你好")
	if err != nil {
		t.Fatal(err)
	}
	if len(hi.Citations) > 0 || !strings.Contains(hi.Text, "榜样") || !strings.Contains(hi.Text, "什么是") {
		t.Errorf("greeting:\n%s", hi.Text)
	}
	who, err := s.Ask(ctx, "", "有哪些书记？")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"吴中兰", "张影", "郭佳", "李亚玲", "邵敏"} {
		if !strings.Contains(who.Text, name) {
			t.Errorf("list lacks %s:\n%s", name, who.Text)
		}
	}
	// A question that only starts like a greeting is a question.
	q, err := s.Ask(ctx, "", "你好，四单工作法是什么？")
	if err != nil {
		t.Fatal(err)
	}
	if !q.Grounded || !strings.Contains(q.Text, "民众点单") {
		t.Errorf("a question after a greeting:\n%s", q.Text)
	}
}

// TestStepsToldInOneSentence: when the sentence naming a method tells its
// steps in turn (先……再……最后……), the answer is that sentence, without
// filler sentences or honours labelled as its practice.
func TestStepsToldInOneSentence(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ans, err := s.Ask(context.Background(), "", "段秀琴的三需工作法具体怎么做？")
	if err != nil {
		t.Fatal(err)
	}
	checkMarkers(t, ans)
	if !strings.Contains(ans.Text, "先由网格员") || strings.Contains(ans.Text, "被评为") || strings.Contains(ans.Text, "具体做法：") {
		t.Errorf("want the sentence telling the steps, and nothing else:\n%s", ans.Text)
	}
}

// TestPostAndReachingPeople: "哪一年当上书记" is answered by the sentence
// where she took the post, her subject a pronoun after the date; "怎么联系
// 群众" asks how she reaches people, not her phone number.
func TestPostAndReachingPeople(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ctx := context.Background()
	post, err := s.Ask(ctx, "", "段秀琴是哪一年当上书记的？")
	if err != nil {
		t.Fatal(err)
	}
	if post.Refused || !strings.Contains(post.Text, "2015年") {
		t.Errorf("want the year she took the post:\n%s", post.Text)
	}
	how, err := s.Ask(ctx, "", "段秀琴是怎么联系群众的？")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(how.Text, "联系方式") {
		t.Errorf("a how-question taken for a phone number:\n%s", how.Text)
	}
}

// TestEmptyServiceAnswersEveryKind: with no articles at all, every kind
// of question still gets a reply (a refusal, or what the bot does).
func TestEmptyServiceAnswersEveryKind(t *testing.T) {
	s, err := New(Options{Search: noHits{}})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"你好", "有哪些书记？", "都有哪些工作方法？", "郭佳是谁？", "三治融合是什么？", "社区医院几点开门？", "有没有具体的例子？", "两人的做法有什么不同？"} {
		a, err := s.Ask(context.Background(), "e", q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		if strings.TrimSpace(a.Text) == "" || len(a.Citations) > 0 {
			t.Errorf("%s: %q", q, a.Text)
		}
	}
}

type noHits struct{}

func (noHits) Search(context.Context, string, search.Options) (*search.Result, error) {
	return &search.Result{}, nil
}

// TestResultAsAGrowth: a method's result told as growth ("注册志愿者从200
// 多人增加到900多人") answers "效果怎么样".
func TestResultAsAGrowth(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ans, err := s.Ask(context.Background(), "", "邻里积分超市的效果怎么样？")
	if err != nil {
		t.Fatal(err)
	}
	if ans.Refused || !strings.Contains(ans.Text, "900多人") {
		t.Errorf("want the growth it brought:\n%s", ans.Text)
	}
	// What was done over the years (两年来…办成了21件事) and what stands
	// now (现在社区建了212个小组) are results too.
	for q, want := range map[string]string{"龚德明取得了什么成效？": "21件事", "邹丽娟的工作效果怎么样？": "212个小组"} {
		ans, err := s.Ask(context.Background(), "", q)
		if err != nil {
			t.Fatal(err)
		}
		if ans.Refused || !strings.Contains(ans.Text, want) {
			t.Errorf("%s: want %s:\n%s", q, want, ans.Text)
		}
	}
}

// TestDifficultiesSheMet: "遇到过什么困难" is answered with the difficulty
// the article tells and what she did about it, not refused for want of
// the words 遇到过.
func TestDifficultiesSheMet(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ans, err := s.Ask(context.Background(), "", "段秀琴遇到过什么困难？")
	if err != nil {
		t.Fatal(err)
	}
	checkMarkers(t, ans)
	if ans.Refused || !strings.Contains(ans.Text, "老大难") {
		t.Errorf("want the difficulty the article tells:\n%s", ans.Text)
	}
	// A difficulty told as an absence: nobody to take the lead, neighbours
	// who do not know each other.
	for q, want := range map[string]string{"龚德明遇到过什么困难？": "没人牵头", "邹丽娟遇到过什么困难？": "互相不认识"} {
		ans, err := s.Ask(context.Background(), "", q)
		if err != nil {
			t.Fatal(err)
		}
		if ans.Refused || !strings.Contains(ans.Text, want) {
			t.Errorf("%s: want %s:\n%s", q, want, ans.Text)
		}
	}
}

// TestAdviceTellsWhatSolvedTheProblem: asked in a learner's words (党员
// 发挥作用, 白天找不到人), the advice names the practice that answers the
// problem the article states, not the sentence stating the problem alone;
// the problem is told first, then what was done.
func TestAdviceTellsWhatSolvedTheProblem(t *testing.T) {
	article := `桂香社区党委书记高翠兰：把服务做到居民下班后

来源：示例日报　2023-05-06

高翠兰，女，1975年生，现任江城市东湖区桂香社区党委书记。

桂香社区是一个新建商品房小区，住户以年轻上班族为主，白天家里基本没人，社区工作人员上门常常扑空。

为此，高翠兰推行“错时服务”，社区办事大厅工作日延长到晚上八点，周六照常开门，居民下班后也能办事。

在职党员回社区报到后，高翠兰让每名党员认领一个楼栋，当好“楼栋联络员”，每月至少敲一次门。

如今，社区居民满意率达到98%。
`
	s := serviceOverText(t, "gao.txt", article)
	ctx := context.Background()
	for q, want := range map[string]string{
		"我们社区年轻人多，白天都去上班了，找不到人怎么办？": "错时服务",
		"想让党员在社区里发挥作用，可以借鉴谁？":       "楼栋联络员",
	} {
		ans, err := s.Ask(ctx, "", q)
		if err != nil {
			t.Fatal(err)
		}
		checkMarkers(t, ans)
		if ans.Refused || !strings.Contains(ans.Text, want) || !strings.Contains(ans.Text, "高翠兰") {
			t.Errorf("%s: want the practice %s under her name:\n%s", q, want, ans.Text)
		}
	}
	ans, err := s.Ask(ctx, "", "我们社区白天家里没人，上门常常扑空，有什么办法？")
	if err != nil {
		t.Fatal(err)
	}
	problem, doing := strings.Index(ans.Text, "扑空"), strings.Index(ans.Text, "错时服务")
	if problem < 0 || doing < 0 || problem > doing {
		t.Errorf("want the problem, then what solved it:\n%s", ans.Text)
	}
}

// TestChangeToldItself: asked how a community changed, the sentence that
// tells the change (社区天天在变样…) comes before the counts.
func TestChangeToldItself(t *testing.T) {
	s := newOffline(t, nil)
	ans, err := s.Ask(context.Background(), "", "简单介绍一下倒生根社区这些年的变化。")
	if err != nil {
		t.Fatal(err)
	}
	checkMarkers(t, ans)
	if !strings.Contains(ans.Text, "天天在变样") || !strings.Contains(ans.Text, "过去") {
		t.Errorf("want how it was, then the change told:\n%s", ans.Text)
	}
}

// TestAgeIsHers: asked her age, an age the article gives someone else
// (80岁的张大爷) is no answer; her own (今年56岁的…, a profile line) is.
func TestAgeIsHers(t *testing.T) {
	article := `柳巷社区党委书记袁春华：老街坊的贴心人

袁春华是湖城市南岸区柳巷社区党委书记。每周三，袁春华带着社区医生上门，给80岁的张大爷量血压。

社区里的孤寡老人，她都建了健康档案。
`
	s := serviceOverText(t, "yuan.txt", article)
	ans, err := s.Ask(context.Background(), "", "袁春华今年多大年纪？")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(ans.Text, "年龄：") || !strings.Contains(ans.Text, "没有") {
		t.Errorf("someone else's age given as hers:\n%s", ans.Text)
	}
	own := newOffline(t, nil)
	for q, want := range map[string]string{"李亚玲今年多大年纪？": "56岁", "吴中兰多大岁数？": "1969年"} {
		ans, err := own.Ask(context.Background(), "", q)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(ans.Text, want) {
			t.Errorf("%s: want %s:\n%s", q, want, ans.Text)
		}
	}
}

// TestFieldSheNeverWorkedOn: asked what a secretary did in a field her
// articles never touch, the answer says so (and what they do say) instead
// of telling her other work as if it answered; asked about a field she
// works in, it tells her practices in it, not her whole profile.
func TestFieldSheNeverWorkedOn(t *testing.T) {
	s := newOffline(t, nil)
	ctx := context.Background()
	ans, err := s.Ask(ctx, "", "吴中兰在疫情防控方面有什么做法？")
	if err != nil {
		t.Fatal(err)
	}
	if first, _, _ := strings.Cut(ans.Text, "\n"); !strings.Contains(first, "没有提到吴中兰") || !strings.Contains(first, "疫情防控") {
		t.Errorf("want the field said to be missing:\n%s", ans.Text)
	}
	// The lexicon may lack the article's wording: her article saying
	// "居民的意见怎么收集" is not "nothing on 需求收集".
	dir := t.TempDir()
	interview := "【对话社区书记】严玉华：老小区的事，大家商量着办\n\n编者按：本期我们对话滨江市东港区望海社区党委书记严玉华。\n\n" +
		"记者：居民的意见怎么收集？\n\n严玉华：每个月15号是我们的“居民说事日”，我和社区干部都在小区凉亭里，居民有什么事当面说，能办的当场办。\n"
	if err := os.WriteFile(filepath.Join(dir, "yan.txt"), []byte(interview), 0o644); err != nil {
		t.Fatal(err)
	}
	if a, err := serviceOverDir(t, dir).Ask(ctx, "", "严玉华是怎么收集居民意见的？"); err != nil || a.Refused || !strings.Contains(a.Text, "居民说事日") {
		t.Errorf("a field in the article's own words is said to be missing (%v):\n%s", err, a.Text)
	}
	ans, err = s.Ask(ctx, "", "李亚玲在党员管理方面有什么经验？")
	if err != nil {
		t.Fatal(err)
	}
	checkMarkers(t, ans)
	if ans.Refused || !strings.Contains(ans.Text, "口袋党员") || strings.Contains(ans.Text, "主要做法：") {
		t.Errorf("want her practices in that field:\n%s", ans.Text)
	}
}

// TestFollowUpPointsIntoAList: after her methods are listed, "第一个方法"
// and "第二个方法" are those of the list, "这个方法" the one just talked
// about; its results are given even when her profile showed them first.
func TestFollowUpPointsIntoAList(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ctx := context.Background()
	ask := func(q string) *Answer {
		t.Helper()
		ans, err := s.Ask(ctx, "list", q)
		if err != nil {
			t.Fatal(err)
		}
		checkMarkers(t, ans)
		return ans
	}
	ask("于海燕有什么工作方法？")
	if a := ask("第一个方法具体怎么做？"); a.Refused || !strings.Contains(a.Text, "楼长议事会") || !strings.Contains(a.Text, "逐条讨论") {
		t.Errorf("第一个方法 is not the first listed:\n%s", a.Text)
	}
	if a := ask("第二个方法呢？"); a.Refused || !strings.Contains(a.Text, "邻里积分超市") {
		t.Errorf("第二个方法 is not the second listed:\n%s", a.Text)
	}
	if a := ask("这个方法效果如何？"); a.Refused || !strings.Contains(a.Text, "900多人") {
		t.Errorf("这个方法 has no results:\n%s", a.Text)
	}
	// An item beyond the list is none of its methods, not the one last
	// talked about; the list still stands for the next follow-up.
	ask("于海燕有什么工作方法？")
	ask("第一个方法具体怎么做？")
	if a := ask("第五个方法呢？"); !a.Refused || strings.Contains(a.Text, "逐条讨论") || !strings.Contains(a.Text, "2个方法") {
		t.Errorf("第五个方法 of a list of two is answered:\n%s", a.Text)
	}
	if a := ask("第二个方法呢？"); a.Refused || !strings.Contains(a.Text, "邻里积分超市") {
		t.Errorf("after an item beyond the list, 第二个方法 is not the second listed:\n%s", a.Text)
	}
	// "这个方法" right after a list of two is no one of them in particular.
	ask("于海燕有什么工作方法？")
	if a := ask("这个方法效果如何？"); strings.Contains(a.Text, "“楼长议事会”取得的成效") {
		t.Errorf("这个方法 taken as the first of a list:\n%s", a.Text)
	}
	// "她为什么要这么做" asks what the practice answered.
	ask("于海燕有什么工作方法？")
	if a := ask("她为什么要这么做？"); strings.Contains(a.Text, "“为 要这么做”") {
		t.Errorf("why is read as a topic:\n%s", a.Text)
	}
}

// TestListedMethodInsideAnother: a method whose name holds another
// secretary's (邻里积分超市, 积分超市) lists once; "第二个方法" is her
// second, not the other secretary's method found inside the first.
func TestListedMethodInsideAnother(t *testing.T) {
	dir := t.TempDir()
	wang := "---\ntitle: 王丽：把小事办好\nleader: 王丽\nrole: 社区党委书记\nplace: 东风社区\nmethods:\n  - 积分超市\n---\n\n" +
		"东风社区党委书记王丽2016年到社区工作。王丽在社区开设了积分超市，居民参加志愿服务可以攒积分，到积分超市换生活用品。\n\n如今，社区注册志愿者有300多人。\n"
	li := "---\ntitle: 李红：邻里之间有温度\nleader: 李红\nrole: 社区党委书记\nplace: 西湖社区\nmethods:\n  - 邻里积分超市\n  - 楼道议事会\n---\n\n" +
		"西湖社区党委书记李红2015年到社区工作。李红在社区开设了邻里积分超市，居民做好事记积分，邻里积分超市每月开放两次。\n\n" +
		"李红还推出了楼道议事会，每月开一次会，楼道里的事大家商量着办。李红说，楼道议事会让居民有了说话的地方。\n"
	for name, text := range map[string]string{"wang.md": wang, "li.md": li} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := serviceOverDir(t, dir)
	ctx := context.Background()
	if _, err := s.Ask(ctx, "c", "李红有什么工作方法？"); err != nil {
		t.Fatal(err)
	}
	a, err := s.Ask(ctx, "c", "第二个方法呢？")
	if err != nil {
		t.Fatal(err)
	}
	checkMarkers(t, a)
	if strings.Contains(a.Text, "王丽") || !strings.Contains(a.Text, "楼道议事会") {
		t.Errorf("第二个方法 is not her second:\n%s", a.Text)
	}
}

// TestSecondSecretarySectionEndsAtNextHeading: a heading with a colon
// in it (三、携手共建：两个社区一家亲) opens a new section, not a label
// of the second secretary's (她的荣誉：): what it tells of the first
// secretary's community is not the second's.
func TestSecondSecretarySectionEndsAtNextHeading(t *testing.T) {
	page := "# 一条街，两位书记\n\n海棠街道有两个相邻的社区：海棠社区和望潮社区。\n\n" +
		"## 殷丽君：一本民生台账\n\n殷丽君是浙江省滨海市东港区海棠街道海棠社区党委书记。殷丽君把每户居民的需求记进“民生台账”，每月对账一次，办一件销一件。\n\n" +
		"## 鲁晓燕：把议事会开到楼下\n\n望潮社区的年轻住户多，白天家里没人。作为望潮社区党委书记，她把议事会改到晚上，在楼下的空地上开，叫“星光议事会”。\n\n" +
		"她的荣誉：\n\n| 年份 | 荣誉 |\n|---|---|\n| 2023年 | 浙江省优秀党务工作者 |\n\n" +
		"## 三、携手共建：两个社区一家亲\n\n海棠社区开设了“邻里食堂”，每天中午为120位老人供餐，老人们都说饭菜合口。\n"
	s := serviceOverText(t, "two.md", page)
	ctx := context.Background()
	a, err := s.Ask(ctx, "", "鲁晓燕有什么做法？")
	if err != nil {
		t.Fatal(err)
	}
	checkMarkers(t, a)
	if strings.Contains(a.Text, "邻里食堂") {
		t.Errorf("the next section is told as hers:\n%s", a.Text)
	}
	if a, err := s.Ask(ctx, "", "鲁晓燕获得过什么荣誉？"); err != nil || !strings.Contains(a.Text, "浙江省优秀党务工作者") {
		t.Errorf("her label line and table no longer hers (%v):\n%s", err, a.Text)
	}
}

// TestProblemSolvedBySameSecretary: a problem told at the end of one
// secretary's section is not what the next secretary's first doing
// solved: advice never tells 殷丽君's community's problem under 鲁晓燕.
func TestProblemSolvedBySameSecretary(t *testing.T) {
	dir := t.TempDir()
	page := "# 一条街，两位书记\n\n海棠街道有两个相邻的社区。\n\n" +
		"## 殷丽君：一本民生台账\n\n殷丽君是海棠社区党委书记。殷丽君把每户居民的需求记进“民生台账”，每月对账一次。海棠社区独居老人多，吃饭成了老人的难题。\n\n" +
		"## 鲁晓燕：把议事会开到楼下\n\n鲁晓燕是望潮社区党委书记。鲁晓燕组织党员成立了平安巡逻队，每天晚上在小区巡逻。\n"
	if err := os.WriteFile(filepath.Join(dir, "two.md"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	a, err := serviceOverDir(t, dir).Ask(context.Background(), "", "我们社区独居老人多，吃饭是难题，可以借鉴谁的做法？")
	if err != nil {
		t.Fatal(err)
	}
	checkMarkers(t, a)
	for _, ln := range strings.Split(a.Text, "\n") {
		if strings.Contains(ln, "鲁晓燕") && strings.Contains(ln, "海棠社区独居老人") {
			t.Errorf("another secretary's problem told as solved by 鲁晓燕:\n%s", a.Text)
		}
	}
}

// TestAwardListSecretaries: on a list of four awardees, each is asked
// about on her own paragraph, with the post written after her name (an
// apposition, a bracket) read as hers.
func TestAwardListSecretaries(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ctx := context.Background()
	for q, want := range map[string]string{
		"柏建新在哪个社区？": "新桥社区",
		"巫红霞有什么做法？": "网格事务日清单",
		"阮秋燕是谁？":    "桃园社区",
	} {
		ans, err := s.Ask(ctx, "", q)
		if err != nil {
			t.Fatal(err)
		}
		checkMarkers(t, ans)
		if first, _, _ := strings.Cut(ans.Text, "\n"); ans.Refused || !strings.Contains(first, want) && !strings.Contains(ans.Text, want) {
			t.Errorf("%s: want %s:\n%s", q, want, ans.Text)
		}
	}
	// Summed up from her own sentences, though the catalog keeps no
	// profile of her.
	for q, want := range map[string]string{"柏建新做了哪些事？": "红马甲调解队", "总结一下鲁晓燕的做法": "星光议事会"} {
		if a, err := s.Ask(ctx, "", q); err != nil || a.Refused || !strings.Contains(a.Text, want) {
			t.Errorf("%s: want %s (%v):\n%s", q, want, err, a.Text)
		}
	}
	// A second secretary's section goes on past a label line (她的荣誉：)
	// and a table's rows.
	if a, err := s.Ask(ctx, "", "鲁晓燕获得过什么荣誉？"); err != nil || a.Refused || !strings.Contains(a.Text, "浙江省优秀党务工作者") {
		t.Errorf("her honour in her section's table is not hers (%v):\n%s", err, a.Text)
	}
	ans, err := s.Ask(ctx, "", "柏建新在哪个社区？")
	if err != nil {
		t.Fatal(err)
	}
	if first, _, _ := strings.Cut(ans.Text, "\n"); !strings.Contains(first, "新桥社区") {
		t.Errorf("his post after his name is not read: %q", first)
	}
}

// TestAdviceNamesThePractice: an advice line whose sentences belong to
// one of the secretary's methods, without saying its name, is labelled
// with it — her own method, never another's.
func TestAdviceNamesThePractice(t *testing.T) {
	s := newOffline(t, nil)
	ans, err := s.Ask(context.Background(), "", "我们社区老年人多，可以借鉴哪位书记的经验？")
	if err != nil {
		t.Fatal(err)
	}
	checkMarkers(t, ans)
	named := 0
	for _, line := range strings.Split(ans.Text, "\n") {
		label, quote, ok := strings.Cut(strings.TrimPrefix(line, "• "), "：")
		who, method, hasMethod := strings.Cut(label, " · ")
		if !ok || !hasMethod {
			continue
		}
		named++
		method = strings.Trim(method, "“”")
		leader, _, _ := strings.Cut(who, "（")
		if !slices.Contains(s.methodsOf(leader), "“"+method+"”") || strings.Contains(quote, method) {
			t.Errorf("line %q: %q is not a method of %s the quote leaves unnamed", line, method, leader)
		}
	}
	if named == 0 {
		t.Errorf("no practice named:\n%s", ans.Text)
	}
}

// TestStepsToldAsLabelledParagraphs: a method whose steps each open their
// own paragraph ("排查到位：网格员每周……") is answered step by step, each
// once (not "排查到位：排查到位：…"); advice quoting it names it once.
func TestStepsToldAsLabelledParagraphs(t *testing.T) {
	article := "吕建华的“三到位”工作法\n\n吕建华，男，1968年生，现任南山市北城区梧桐社区党委书记。2018年，他总结出“三到位”工作法：排查到位、调解到位、回访到位。\n\n" +
		"排查到位：网格员每周走访一遍辖区楼栋，把邻里之间的小摩擦记进台账。\n\n" +
		"调解到位：社区请来退休法官和老党员组成调解小组，矛盾一露头就上门调解。\n\n" +
		"回访到位：调解后一个月内，社区干部再上门回访，看看问题有没有反弹。\n\n" +
		"这套办法实行以来，梧桐社区的矛盾纠纷化解率达到98%。\n"
	s := serviceOverText(t, "lv.txt", article)
	ans, err := s.Ask(context.Background(), "", "三到位工作法具体怎么做？")
	if err != nil {
		t.Fatal(err)
	}
	checkMarkers(t, ans)
	for _, want := range []string{"记进台账", "调解小组", "上门回访"} {
		if !strings.Contains(ans.Text, want) {
			t.Errorf("step with %s missing:\n%s", want, ans.Text)
		}
	}
	if strings.Contains(ans.Text, "排查到位：排查到位") {
		t.Errorf("a step named twice:\n%s", ans.Text)
	}
	adv, err := s.Ask(context.Background(), "", "邻里矛盾多，有什么办法？")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(adv.Text, "· “三到位工作法”：2018年，他总结出“三到位”工作法") {
		t.Errorf("the method is named twice:\n%s", adv.Text)
	}
}

// TestMethodNameHoldsNoCue: a method's name is not read for the cues in
// it (the 生日 of 民生日记 asks no birthday); "为什么要搞这个" after it asks
// what it answers.
func TestMethodNameHoldsNoCue(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	q := s.understand("什么是民生日记？", Conversation{})
	if q.Intent != IntentWhat || len(q.Attributes) != 0 {
		t.Errorf("intent %s attributes %v, want what and none", q.Intent, q.Attributes)
	}
	ctx := context.Background()
	if _, err := s.Ask(ctx, "why", "什么是邻里一张网？"); err != nil {
		t.Fatal(err)
	}
	a, err := s.Ask(ctx, "why", "为什么要搞这个？")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "互相不认识") {
		t.Errorf("the problem told before it is not what it answers:\n%s", a.Text)
	}
}

// TestSecondSecretariesPosts: a second secretary's post and place come
// from the loader (Meta.Secretaries), each her own, in an award list of
// four and a report of two communities.
func TestSecondSecretariesPosts(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	for name, want := range map[string]string{
		"柏建新": "新桥社区",
		"巫红霞": "古楼社区",
		"韦志鹏": "云岭社区",
	} {
		info := s.ents.leaderInfo[name]
		if !info.Secondary && name != "韦志鹏" || !strings.HasSuffix(info.Place, want) || !strings.Contains(info.Role, "书记") {
			t.Errorf("%s: place %q role %q secondary %v, want …%s and a post", name, info.Place, info.Role, info.Secondary, want)
		}
	}
	// Her summary tells it too, cited to the sentence saying it of all four.
	sum, err := s.Ask(context.Background(), "", "总结一下柏建新的做法")
	if err != nil {
		t.Fatal(err)
	}
	checkMarkers(t, sum)
	if !strings.Contains(sum.Text, "荣誉：") || !strings.Contains(sum.Text, "被评为全国优秀社区书记。[") {
		t.Errorf("her summary lacks the cited honour:\n%s", sum.Text)
	}
	// The honour said once for all four is hers too.
	ans, err := s.Ask(context.Background(), "", "柏建新获得过什么荣誉？")
	if err != nil {
		t.Fatal(err)
	}
	if ans.Refused || !strings.Contains(ans.Text, "全国优秀社区书记") {
		t.Errorf("her honour missing:\n%s", ans.Text)
	}
}

// TestCaseMarks: a case is a particular (a numbered yard, a named
// resident or estate, a dated occasion of work), not a kind of estate
// told in passing ("老旧小区和商品房小区混杂") or a step of her career.
func TestCaseMarks(t *testing.T) {
	for s, want := range map[string]bool{
		"南院门12号院的下水管道改造，就是按照“五步议事法”一步步议出来的。": true,
		"去年夏天，7号楼屋顶漏水，涉及二十多户。":               true,
		"居民李大爷说：“现在有事找管家。”":                  true,
		"金桂小区的居民自发组织了巡逻队。":                   true,
		"有一次，她带着网格员连夜上门，帮独居的王奶奶修好了水管。":       true,
		"丰产路社区有居民4800多户，老旧小区和商品房小区混杂。":       false,
		"共建，就是发动辖区单位出资出力改造小区；共治，就是楼院长轮流巡查。":  false,
		"2017年5月,当选为五届重庆市委候补委员。":             false,
		"社区共有3个无物业小区。":                       false,
	} {
		if got := tellsACase(s); got != want {
			t.Errorf("tellsACase(%s) = %v, want %v", s, got, want)
		}
	}
}

// TestFamilyIsHers: a family sentence answers "她的家人" only when the
// family is hers, not the families she serves.
func TestFamilyIsHers(t *testing.T) {
	p := &planner{s: &Service{}}
	for s, want := range map[string]bool{
		"她的丈夫是一名退休教师，一直支持她的工作。":        true,
		"为了社区的事，她和丈夫很少有时间陪女儿。":         true,
		"吴中兰的女儿在外地读大学。":                true,
		"我爱人说我把社区当成了家。":                true,
		"社区请退休教师每天下午为双职工家庭的孩子辅导作业。":    false,
		"她帮低保户王大姐的儿子找到了工作。":            false,
		"居民家里漏水，她第一时间赶到。":              false,
		"困难家庭的孩子可以免费参加周末小课堂，一年开课90多次。": false,
	} {
		if got := p.familyIsHers(s, "吴中兰"); got != want {
			t.Errorf("familyIsHers(%s) = %v, want %v", s, got, want)
		}
	}
}

// TestFamilyAskedOfHer: a question asks about her family when a kin word
// is hers or owned by no one ("她有几个孩子"), not when it names the
// families she serves ("为双职工家庭的孩子").
func TestFamilyAskedOfHer(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	for q, want := range map[string]bool{
		"向春燕有几个孩子？":         true,
		"她的丈夫是做什么的？":        true,
		"向春燕结婚了吗？":          true,
		"家人支持向春燕的工作吗？":      true,
		"蒋慧芳为双职工家庭的孩子做了什么？": false,
		"蒋慧芳是怎么帮居民的子女找工作的？": false,
		"桂香社区有多少孩子参加四点半课堂？": false,
		"她们小区的孩子放学后去哪儿？":    false,
	} {
		got := slices.ContainsFunc(s.understand(q, Conversation{}).Attributes, func(a Attribute) bool { return a.Name == "家庭情况" })
		if got != want {
			t.Errorf("%s: asks her family = %v, want %v", q, got, want)
		}
	}
}

// TestDoingVerbs: setting a service up is told with many verbs (请…开课,
// 办起, 开设, 结对); a sentence with one of them is a doing, so a problem
// passes its match to it. A problem stated is not.
func TestDoingVerbs(t *testing.T) {
	for s, want := range map[string]bool{
		"社区请退休教师和大学生志愿者在活动室开课，书法、围棋都有。": true,
		"她在小区里办起了“四点半课堂”。":              true,
		"社区开设了长者食堂，每天中午供应热饭。":           true,
		"党员和独居老人结对，每天一个电话。":             true,
		"停车的难题，她想了办法，错时开放单位车位。":         true,
		"双职工家庭多，孩子周末没人管。":               false,
		"社区老年人口占比超过四成。":                 false,
	} {
		if got := isDoing(s); got != want {
			t.Errorf("isDoing(%s) = %v, want %v", s, got, want)
		}
	}
}

// TestVerbAfterAPostIsNoPerson: "有没有书记解决过" names no one called 解决过.
func TestVerbAfterAPostIsNoPerson(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	for _, q := range []string{"社区里孩子放学后没人管，有没有书记解决过？", "有没有书记曾经处理过楼道堆物？"} {
		if u := s.understand(q, Conversation{}).Unknown; len(u) > 0 {
			t.Errorf("%s: unknown %v", q, u)
		}
	}
}

// TestItemsToldInClauses: a numbered shorthand whose parts are told in
// clauses of one paragraph, not under numbers ("X是哪四步？"), is answered
// with those clauses, not refused as "没有列出".
func TestItemsToldInClauses(t *testing.T) {
	article := "卢桂兰和她的“四步议事法”\n\n卢桂兰，女，1970年生，现任东林市河西区柳岸社区党委书记。\n\n" +
		"为了让居民的事有人商量，卢桂兰在柳岸社区推行“四步议事法”。居民提议，由楼栋长把问题收上来；支部审议，每月召开一次议事会筛选事项；居民代表表决，过半数同意才能办；社区公示结果，办完后在公告栏张贴。\n\n" +
		"两年来，柳岸社区用这个办法办成了40多件实事。\n"
	s := serviceOverText(t, "lu.txt", article)
	ans, err := s.Ask(context.Background(), "", "四步议事法是哪四步？")
	if err != nil {
		t.Fatal(err)
	}
	checkMarkers(t, ans)
	if ans.Refused {
		t.Errorf("refused although the article tells the steps:\n%s", ans.Text)
	}
	for _, want := range []string{"居民提议", "支部审议", "社区公示结果"} {
		if !strings.Contains(ans.Text, want) {
			t.Errorf("%s missing:\n%s", want, ans.Text)
		}
	}
}

// TestMethodToldInProseAfterItsName: a method named once and then told in
// the paragraphs that follow, without numbers or markers, is answered
// from those paragraphs, not "只提到了名称".
func TestMethodToldInProseAfterItsName(t *testing.T) {
	article := "柏树巷社区的“邻里守望”\n\n龚秀英，女，1966年生，现任西川市锦城区柏树巷社区党委书记。\n\n" +
		"2019年，龚秀英在社区推行“邻里守望”工作法。\n\n" +
		"她先在每个院落挑选两三名热心居民当守望员，每天早晚在院里转一圈。\n\n" +
		"守望员发现独居老人家里没动静，就马上敲门，并通知网格员上门查看。\n\n" +
		"社区还建立了守望台账，每月召开一次守望员碰头会，把发现的问题交给社区办理。\n\n" +
		"龚秀英说，邻里之间多看一眼，就多一分安心。\n"
	s := serviceOverText(t, "gong.txt", article)
	for _, q := range []string{"邻里守望工作法具体怎么做？", "邻里守望工作法有哪些步骤？"} {
		ans, err := s.Ask(context.Background(), "", q)
		if err != nil {
			t.Fatal(err)
		}
		checkMarkers(t, ans)
		if ans.Refused || !strings.Contains(ans.Text, "守望员") || strings.Contains(ans.Text, "只提到") {
			t.Errorf("%s: not told from the paragraphs after its name:\n%s", q, ans.Text)
		}
	}
}

// TestWhichIsBetterCompares: "A和B比，哪个更适合…" compares the two.
func TestWhichIsBetterCompares(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	for _, q := range []string{"“敲门行动”和“银龄食堂”比，哪个更适合老年人多的社区？", "板凳会跟夜间议事厅哪个效果好？", "阮秋燕和巫红霞谁的做法更适合双职工多的社区？"} {
		if in := s.understand(q, Conversation{}).Intent; in != IntentCompare {
			t.Errorf("%s: intent %s, want compare", q, in)
		}
	}
	// A personal fact compared is still that fact, which may be unstated.
	if in := s.understand("阮秋燕和巫红霞谁的工资更高？", Conversation{}).Intent; in != IntentFact {
		t.Errorf("谁的工资更高: intent %s, want fact", in)
	}
}

// TestProfileLabels: a partner's activity is not told as hers, and a key
// figure is labelled by what it tells.
func TestProfileLabels(t *testing.T) {
	if !partnerSubjectRE.MatchString("此外，辖区一家银行网点每季度在社区开展“金融课堂进楼门”活动。") {
		t.Error("a bank's activity read as hers")
	}
	if partnerSubjectRE.MatchString("社区党委组建了“闪亮蒲公英”党员志愿服务队。") {
		t.Error("the community's own doing read as a partner's")
	}
	for s, want := range map[string]string{
		"去年，社区把闲置的锅炉房改成了“南塔养老驿站”，每天为60多位老人提供午餐。": "做法",
		"注册志愿者从200多人增加到900多人。":                   "成效",
		"社区有居民4800多户。":                           "数字",
		"一共有47个院落，很多院落没有物业，停车难的问题比较突出。":          "背景",
	} {
		if got := keyFactLabel(s); got != want {
			t.Errorf("keyFactLabel(%s) = %s, want %s", s, got, want)
		}
	}
}

// TestRegionNarrowsAdvice: "深圳的社区书记是怎么做…的" learns from the
// secretaries whose place is in 深圳 only; a city named for anything else
// ("明天宁波天气怎么样") is about no one.
func TestRegionNarrowsAdvice(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ctx := context.Background()
	ans, err := s.Ask(ctx, "", "深圳的社区书记是怎么做网格化的？")
	if err != nil {
		t.Fatal(err)
	}
	checkMarkers(t, ans)
	if ans.Refused || !citesOnly(s, ans, "邹丽娟") {
		t.Errorf("not 深圳's secretary alone:\n%s", ans.Text)
	}
	w, err := s.Ask(ctx, "", "明天宁波天气怎么样？")
	if err != nil {
		t.Fatal(err)
	}
	if !w.Refused {
		t.Errorf("the weather answered:\n%s", w.Text)
	}
}

// TestSecondSecretaryIsNoOneElse: a second secretary of an article has no
// catalog profile; her summary is hers, not the catalog's closest name
// (鲁晓燕 of one article is no 蒙晓燕 of another).
func TestSecondSecretaryIsNoOneElse(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"genre/23_md_two_sections_ke.md", "genre-classes/32_late_leader_nickname_meng.txt"} {
		b, err := os.ReadFile(filepath.Join("..", "corpus", "testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := serviceOverDir(t, dir)
	ans, err := s.Ask(context.Background(), "", "总结一下鲁晓燕的做法")
	if err != nil {
		t.Fatal(err)
	}
	checkMarkers(t, ans)
	if strings.Contains(ans.Text, "蒙晓燕") || !strings.Contains(ans.Text, "鲁晓燕") {
		t.Errorf("another secretary's summary:\n%s", ans.Text)
	}
}

// TestInterviewSpeakerLabelDropped: an interview's answer quoted in an
// answer loses its speaker label (严玉华：…) — the bullet names her — and
// still counts as shown, so a follow-up does not repeat it.
func TestInterviewSpeakerLabelDropped(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre-classes")
	ctx := context.Background()
	ans, err := s.Ask(ctx, "iv", "严玉华的巷长制是怎么做的？")
	if err != nil {
		t.Fatal(err)
	}
	checkMarkers(t, ans)
	if strings.Contains(ans.Text, "• 严玉华：") || !strings.Contains(ans.Text, "28条巷子") {
		t.Errorf("speaker label kept or answer lost:\n%s", ans.Text)
	}
	conv, _ := s.o.Memory.Load(ctx, "iv")
	if len(conv.turn("").Shown) == 0 {
		t.Error("the quoted answer lines are not remembered as shown")
	}
}

// TestWhyAfterWhatSheDid: "她为什么要这么做" after what she did (no method
// named) is the problem told before it — across an interviewer's
// question, the answer before — not another practice's difficulty.
func TestWhyAfterWhatSheDid(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre-classes")
	ans := askIn(t, s, "why", "严玉华的巷长制是怎么做的？", "她为什么要这么做？")
	checkMarkers(t, ans)
	if !strings.Contains(ans.Text, "老社区") || strings.Contains(ans.Text, "和事佬") {
		t.Errorf("not the situation before it:\n%s", ans.Text)
	}
}

// TestNamesStayNamesInTraditional: a Traditional answer writes 于海燕 and
// 范桂芝 as names, not as the words their characters also spell (於, 範).
func TestNamesStayNamesInTraditional(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	for q, want := range map[string]string{"於海燕獲得過什麼榮譽？": "于海燕", "範桂芝有什麼做法？": "范桂芝"} {
		ans, err := s.Ask(context.Background(), "", q)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(ans.Text, want) || strings.Contains(ans.Text, zh.ToTraditional(want)) {
			t.Errorf("%s: want %s written as a name:\n%s", q, want, ans.Text)
		}
	}
}

// TestSpeakerIsNotTheSubject: asked who gave the speech about her, the
// answer is the speaker the loader read (Meta.Author), not the secretary.
func TestSpeakerIsNotTheSubject(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre-classes")
	ans, err := s.Ask(context.Background(), "", "介绍赵桂兰事迹的报告人是谁？")
	if err != nil {
		t.Fatal(err)
	}
	checkMarkers(t, ans)
	if !strings.Contains(ans.Text, "陈立新") {
		t.Errorf("not the speaker:\n%s", ans.Text)
	}
}

// TestProfileGivesHerMotto: her short saying of how the work is done is
// part of her profile (理念), cited.
func TestProfileGivesHerMotto(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ans, err := s.Ask(context.Background(), "", "总结一下门建国的做法。")
	if err != nil {
		t.Fatal(err)
	}
	checkMarkers(t, ans)
	if !strings.Contains(ans.Text, "理念：") || !strings.Contains(ans.Text, "门要常开") {
		t.Errorf("no motto:\n%s", ans.Text)
	}
}

// TestDottedNameIsOnePerson: a transcribed name with its middle dot (as the
// article writes it) and without (as the catalog keeps it) is one person.
func TestDottedNameIsOnePerson(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre-classes")
	for _, q := range []string{"阿依古丽·买买提有什么工作方法？", "阿依古丽买买提有什么工作方法？"} {
		if ls := s.understand(q, Conversation{}).Leaders; len(ls) != 1 || ls[0] != "阿依古丽买买提" {
			t.Errorf("%s: leaders %v", q, ls)
		}
	}
}

// TestWhenTellsTheYearBefore: asked when, a sentence dated "那年秋天"
// comes with the sentence before it that names the year.
func TestWhenTellsTheYearBefore(t *testing.T) {
	article := "樊秀云和她的“邻里议事亭”\n\n樊秀云，女，1969年生，现任东江市南城区桂花社区党委书记。\n\n" +
		"2018年，社区老楼加装电梯的事吵了大半年。那年秋天，樊秀云在小区中心的凉亭里办起了“邻里议事亭”，每周五晚上请居民来商量。\n\n" +
		"议事亭开了三年，议成了20多件事。\n"
	s := serviceOverText(t, "fan.txt", article)
	ans, err := s.Ask(context.Background(), "", "樊秀云是什么时候办起邻里议事亭的？")
	if err != nil {
		t.Fatal(err)
	}
	checkMarkers(t, ans)
	if !strings.Contains(ans.Text, "2018年") {
		t.Errorf("no year:\n%s", ans.Text)
	}
}

// TestWorkBeforeIsAPersonalFact: where she worked before is stated only
// by a sentence telling it of her (by name or by her post), else
// "资料中没有提到".
func TestWorkBeforeIsAPersonalFact(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	for q, want := range map[string]string{"向春燕以前在哪里工作？": "外企", "路雪梅之前在哪个单位？": "国企", "于海燕到社区前是做什么的？": "资料中没有提到"} {
		ans, err := s.Ask(context.Background(), "", q)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(ans.Text, want) {
			t.Errorf("%s: want %s:\n%s", q, want, ans.Text)
		}
	}
}

// TestUnknownPlaceSaidOnce: a community no article has is said to be
// missing once, not also the province name its characters hold
// (中山东社区 holds 山东).
func TestUnknownPlaceSaidOnce(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	if u := s.understand("海曙区中山东社区怎么做养老服务的？", Conversation{}).Unknown; len(u) != 1 || u[0] != "中山东社区" {
		t.Errorf("unknown %v, want [中山东社区]", u)
	}
}

// TestOthersWhoDoTheSame: "还有其他书记这么做吗" after a method or a
// secretary's field is whom else to learn from on the same field, not
// more of her; a pointed comparison of a personal fact gives each her own
// fact under her name; "有什么共同点" says what they share first; and a
// secretary with no case told stays the one asked about.
func TestOthersWhoDoTheSame(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ctx := context.Background()
	chat := func(id string, qs ...string) *Answer {
		t.Helper()
		var ans *Answer
		for _, q := range qs {
			var err error
			if ans, err = s.Ask(ctx, id, q); err != nil {
				t.Fatal(err)
			}
			checkMarkers(t, ans)
		}
		return ans
	}
	for _, c := range []struct{ first, again, her string }{
		{"红色管家是什么？", "还有其他书记这么做吗？", "向春燕"},
		{"牛桂英怎么照顾独居老人的？", "别的社区有类似的做法吗？", "牛桂英"},
		{"板凳会是什么？", "還有誰也這樣做？", "方志强"},
	} {
		ans := chat("others-"+c.her, c.first, c.again)
		lines := strings.Split(ans.Text, "\n")
		others := 0
		for _, l := range lines {
			if strings.HasPrefix(l, "• ") && strings.Contains(l, "（") {
				if strings.HasPrefix(l, "• "+c.her) || strings.HasPrefix(l, "• "+zh.ToTraditional(c.her)) {
					t.Errorf("%s → %s: her own practice again:\n%s", c.first, c.again, ans.Text)
				}
				others++
			}
		}
		if ans.Refused || others < 2 {
			t.Errorf("%s → %s: want the practices of others on the same field:\n%s", c.first, c.again, ans.Text)
		}
	}

	// After an answer that told no method ("方志强是谁"): the topics of
	// what it quoted.
	if ans := chat("others-who", "方志强是谁？", "还有其他书记这么做吗？"); !strings.Contains(ans.Text, "除了方志强") || ans.Refused {
		t.Errorf("after who he is: want others on the field his answer quoted:\n%s", ans.Text)
	}

	fact := chat("fact", "方志强和师晓东谁当书记更早？")
	for _, want := range []string{"方志强 · 任职经历", "2012年起任", "师晓东 · 任职经历", "第十二个年头"} {
		if !strings.Contains(fact.Text, want) {
			t.Errorf("each one's start as secretary under her name, want %q:\n%s", want, fact.Text)
		}
	}
	if strings.Contains(fact.Text, "• 方志强：\n") {
		t.Errorf("a bare name line above its fact:\n%s", fact.Text)
	}

	common := chat("common", "邹丽娟和于海燕有什么共同点？")
	at, methods := strings.Index(common.Text, "共同点："), strings.Index(common.Text, "主要方法")
	if at < 0 || methods >= 0 && methods < at {
		t.Errorf("asked what they share, that comes first:\n%s", common.Text)
	}

	none := chat("none", "介绍一下牛桂英", "能举个例子吗？")
	if !strings.Contains(none.Text, "牛桂英") || strings.Contains(none.Text, "目前的资料介绍了这些社区书记") {
		t.Errorf("no case told: say so of her, not list every secretary:\n%s", none.Text)
	}
}

// TestAdviceAskedAsHasAnyoneMetIt: a problem told in a worker's words and
// asked as "有没有书记遇到过？" / "社区能帮点什么" wants whom to learn from,
// as "怎么办" does; and a practice is a doing, not only how things were.
func TestAdviceAskedAsHasAnyoneMetIt(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ctx := context.Background()
	for _, q := range []string{
		"孩子放学早，家长还没下班，孩子没人管，有没有社区管过这事？",
		"孩子放学早，家长还没下班，孩子没人管，有沒有書記遇到過？",
		"孩子放学早，家长还没下班，孩子没人管，社区能帮点什么？",
		"孩子放学早，家长还没下班，孩子没人管，别的书记是怎么做的？",
	} {
		ans, err := s.Ask(ctx, "met-"+q, q)
		if err != nil {
			t.Fatal(err)
		}
		checkMarkers(t, ans)
		if ans.Refused || !strings.Contains(ans.Text, "四点半学堂") && !strings.Contains(ans.Text, "四點半學堂") {
			t.Errorf("%s: want whom to learn from (四点半学堂):\n%s", q, ans.Text)
		}
	}
	ans, err := s.Ask(ctx, "drain", "厨房下水老是返臭堵住，一栋楼的人都受不了，怎么办？")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(ans.Text, "\n") {
		if strings.HasSuffix(l, "居民意见很大。[2]") || strings.Contains(l, "居民意见很大。[") && !strings.Contains(l, "。[2]她") && strings.Count(l, "[") == 1 {
			t.Errorf("a line telling only how things were is no practice: %s\n%s", l, ans.Text)
		}
	}
}

// TestResultIsMeasuredNotHerHonour: "效果怎么样" after a method is what
// it achieved, by a measure when the article gives one, before an honour
// of hers told next to it.
func TestResultIsMeasuredNotHerHonour(t *testing.T) {
	text := "社区书记的“睦邻夜话”\n" +
		"2024-03-02 来源：某市新闻网\n" +
		"　　柳湾社区党委书记贺晓梅在社区工作了十一年。柳湾社区老旧楼栋多，居民有事不愿意找社区。\n" +
		"　　2021年，贺晓梅推出“睦邻夜话”：每周三晚上，社区干部到楼栋口和居民拉家常，当场记下居民反映的问题。\n" +
		"　　2022年，贺晓梅被评为省级优秀党务工作者。\n" +
		"　　开展“睦邻夜话”两年后，居民对社区工作的满意度从72%提高到96%，收集的问题办结了300多件。\n"
	s := serviceOverText(t, "a.txt", text)
	ctx := context.Background()
	if _, err := s.Ask(ctx, "r", "睦邻夜话是怎么做的？"); err != nil {
		t.Fatal(err)
	}
	ans, err := s.Ask(ctx, "r", "效果怎么样？")
	if err != nil {
		t.Fatal(err)
	}
	checkMarkers(t, ans)
	at, honour := strings.Index(ans.Text, "满意度从72%提高到96%"), strings.Index(ans.Text, "被评为")
	if at < 0 || honour >= 0 && honour < at {
		t.Errorf("want the measured result first, not her honour:\n%s", ans.Text)
	}
}

// TestWhyToldInItsOwnSentence: "为什么要搞这个" after a practice whose
// sentence says what it is for ("为了鼓励居民参与志愿服务，社区开设了…")
// is answered with that purpose, not the situation told before it.
func TestWhyToldInItsOwnSentence(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ctx := context.Background()
	var ans *Answer
	for _, q := range []string{"介绍一下于海燕", "她的积分超市是怎么运作的？", "积分能换什么？", "为什么要搞这个？"} {
		var err error
		if ans, err = s.Ask(ctx, "why-own", q); err != nil {
			t.Fatal(err)
		}
	}
	checkMarkers(t, ans)
	if !strings.Contains(ans.Text, "为了鼓励居民参与志愿服务") || strings.Contains(ans.Text, "建成于上世纪九十年代") {
		t.Errorf("want the purpose its sentence states:\n%s", ans.Text)
	}
}

// TestSummaryInEverydayWords: "主要干了些什么", "这个人怎么样", "有啥经验"
// about one secretary ask for her summary; a field named beside the same
// words keeps the question on that field.
func TestSummaryInEverydayWords(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	for _, q := range []string{"牛桂英主要干了些什么？", "聂文华这个人怎么样？", "蒋慧芳书记有啥经验？", "段秀琴是怎么把社区带好的？", "門建國都幹過哪些事？"} {
		u := s.understand(q, Conversation{})
		if u.Intent != IntentSummary {
			t.Errorf("%s: intent %s, want summary", q, u.Intent)
		}
	}
	for _, q := range []string{"为了解决停车难，牛桂英做了什么？", "蒋慧芳在照顾老人方面干了哪些事？"} {
		if u := s.understand(q, Conversation{}); u.Intent == IntentSummary && len(u.Topics) == 0 {
			t.Errorf("%s: a question on a field read as her summary", q)
		}
	}
	ans, err := s.Ask(context.Background(), "sum-everyday", "牛桂英主要干了些什么？")
	if err != nil {
		t.Fatal(err)
	}
	if ans.Refused || !strings.Contains(ans.Text, "敲门行动") {
		t.Errorf("want her summary with her practice:\n%s", ans.Text)
	}
}

// TestWhenSheBecameSecretary: "哪一年开始当社区书记" names no community
// of its own ("一年开始当社区" is a clause), and others chosen (每栋楼推选
// 一名楼栋长) are no step of her career.
func TestWhenSheBecameSecretary(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ctx := context.Background()
	ans, err := s.Ask(ctx, "when-1", "方志强哪一年开始当社区书记？")
	if err != nil {
		t.Fatal(err)
	}
	if ans.Refused || strings.Contains(ans.Text, "资料中没有关于") || !strings.Contains(ans.Text, "2012年起任") {
		t.Errorf("want the year he took the post, no unknown place:\n%s", ans.Text)
	}
	ans, err = s.Ask(ctx, "when-2", "牛桂英哪年开始当的书记？")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(ans.Text, "推选一名楼栋长") {
		t.Errorf("others chosen told as her career:\n%s", ans.Text)
	}
}

// TestUnknownPracticeOfAKnownCommunity: a practice named as a known
// community's or secretary's ("青莲社区的红袖标巡逻队") that no article
// names is declined, not answered with her opening passage.
func TestUnknownPracticeOfAKnownCommunity(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ctx := context.Background()
	ans, err := s.Ask(ctx, "unk-1", "青莲社区的红袖标巡逻队是怎么回事？")
	if err != nil {
		t.Fatal(err)
	}
	if !ans.Refused || !strings.Contains(ans.Text, "资料中没有提到") {
		t.Errorf("want it declined:\n%s", ans.Text)
	}
	known, err := s.Ask(ctx, "unk-2", "青莲社区的周末小课堂是怎么回事？")
	if err != nil {
		t.Fatal(err)
	}
	if known.Refused || !strings.Contains(known.Text, "退休教师") {
		t.Errorf("a practice the article tells is answered:\n%s", known.Text)
	}
}

// parkingArticle is a report of one secretary with two stories: parking
// (a complaint, how the place was, her doing, its outcome) and then a
// second complaint with its own doing.
const parkingArticle = "把居民的烦心事办成顺心事——记桂园社区党委书记贺春兰\n" +
	"2024-05-10 来源：某市日报\n" +
	"　　桂园社区党委书记贺春兰今年52岁，在社区工作了十五年。\n" +
	"　　“楼下的车停得乱七八糟，救护车都开不进来！”去年春天，居民周大爷的一句抱怨，让贺春兰记在了心上。\n" +
	"　　桂园社区建于上世纪九十年代，只有一个出入口，小区里没有规划停车位。\n" +
	"　　停车的难题，贺春兰先后跑了十几趟街道和交警队，最后想了办法：把小区边上的闲置空地改成48个停车位，实行错时停车，居民上班时段向周边商户开放。\n" +
	"　　现在，小区的消防通道再也没被堵过。\n" +
	"　　“老人去医院挂号太难了。”不少老年居民这样说。\n" +
	"　　为了这件事，贺春兰联系辖区医院，每周二派医生到社区坐诊，还组织志愿者教老人用手机预约挂号。\n"

// TestStoryAcrossParagraphs: a resolved outcome ("再也没被堵过") is no
// problem; it goes with the doing closing the paragraph before it, and a
// resident's complaint that opens a later paragraph opens a story of its
// own, whose doing is not credited to the first.
func TestStoryAcrossParagraphs(t *testing.T) {
	s := serviceOverText(t, "a.txt", parkingArticle)
	ans, err := s.Ask(context.Background(), "story", "我们小区车停得乱七八糟，消防车都进不来，怎么办？")
	if err != nil {
		t.Fatal(err)
	}
	checkMarkers(t, ans)
	if !strings.Contains(ans.Text, "48个停车位") || strings.Contains(ans.Text, "挂号") {
		t.Errorf("want the parking practice with its outcome, not the next complaint's doing:\n%s", ans.Text)
	}
}

// TestWhatElseIsPractice: asked what else she did, or how a method is
// done, the answer tells doings — not her honours, a resident's praise,
// the line naming who said it, or a step of her career.
func TestWhatElseIsPractice(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	more := askIn(t, s, "else-1", "敲门行动是怎么做的？", "她还有其他办法吗？")
	if !strings.Contains(more.Text, "楼栋长议事机制") || strings.Contains(more.Text, "被评为") || strings.Contains(more.Text, "张大娘说") {
		t.Errorf("want her other practice alone:\n%s", more.Text)
	}
	how, err := s.Ask(context.Background(), "else-2", "夜间议事厅是怎么回事？")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(how.Text, "从部队转业") {
		t.Errorf("his career told as how the practice is done:\n%s", how.Text)
	}
}

// TestLastOneAfterSteps: "最后一个呢" after a method told in steps is its
// last step, not her work in a field called 最后一个.
func TestLastOneAfterSteps(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ans := askIn(t, s, "last-1", "三需工作法有哪几步？", "最后一个呢？")
	if !strings.Contains(ans.Text, "第三步是“清单办需”") {
		t.Errorf("want the last step:\n%s", ans.Text)
	}
	if u := s.understand("第一次去社区是哪一年？", Conversation{}); u.Step != 0 {
		t.Errorf("第一次 is no step: %d", u.Step)
	}
}

// TestOriginAndFormerJobInPlainWords: "吉林舒兰人" (a province and a
// county, no 省/市) states where she is from, and "原是…" her job before.
func TestOriginAndFormerJobInPlainWords(t *testing.T) {
	text := "社区里的“贴心人”\n2024-04-02 来源：某市新闻网\n" +
		"　　白杨社区地处城区东部，居民四千多户，老年人多。\n" +
		"　　白杨社区党委书记韩玉芬，吉林舒兰人，原是一名纺织厂的车间主任，2010年来到社区工作。\n" +
		"　　韩玉芬推出“邻里帮帮卡”，居民有困难就打卡上的电话，志愿者当天上门。\n" +
		"　　“有事找韩书记，准没错。”居民们都这么说。\n"
	s := serviceOverText(t, "a.txt", text)
	ctx := context.Background()
	for q, want := range map[string]string{"韩玉芬是哪里人？": "吉林舒兰人", "韩玉芬当书记之前是做什么的？": "车间主任"} {
		ans, err := s.Ask(ctx, "origin-"+q, q)
		if err != nil {
			t.Fatal(err)
		}
		if ans.Refused || !strings.Contains(ans.Text, want) {
			t.Errorf("%s: want %s:\n%s", q, want, ans.Text)
		}
	}
}

// TestStepsNumberedInOneSentence: steps numbered ①…④ in one sentence
// ("①摸底：…；②建档：…") are the method's steps, the sentence keeps its
// numbers when quoted whole, and it is shown once after the list, not as
// one step's how.
func TestStepsNumberedInOneSentence(t *testing.T) {
	text := "“四步法”暖了老街坊的心\n" +
		"2024-06-01 来源：某区融媒体中心\n" +
		"　　柳林社区党委书记程秀云在社区工作了二十年。社区独居老人多，过去有事常常没人知道。\n" +
		"　　程秀云总结出“四步法”：①摸底：网格员逐户走访，登记独居老人的身体和家庭情况；②建档：为每位老人建立一本健康档案；③结对：组织党员和低龄老人与独居老人结成对子；④回访：社区干部每月上门回访一次，问题当月解决。\n" +
		"　　如今，柳林社区的独居老人都有了结对人。\n"
	s := serviceOverText(t, "a.txt", text)
	ans, err := s.Ask(context.Background(), "circled", "四步法有哪几步？")
	if err != nil {
		t.Fatal(err)
	}
	checkMarkers(t, ans)
	for _, want := range []string{"1. 摸底", "2. 建档", "3. 结对", "4. 回访", "；②建档：", "；④回访："} {
		if !strings.Contains(ans.Text, want) {
			t.Errorf("want %q:\n%s", want, ans.Text)
		}
	}
	if strings.Contains(ans.Text, "未展开") || strings.Count(ans.Text, "为每位老人建立一本健康档案") != 1 {
		t.Errorf("the sentence telling each step, once, and no 未展开:\n%s", ans.Text)
	}
}

// TestStepNamedThenTold: a speech's "一是党员进楼栋。" opening a paragraph
// names the step; how it is done is the paragraph's next sentence, and
// the steps answer gives it.
func TestStepNamedThenTold(t *testing.T) {
	text := "# 在全市社区工作会议上的发言\n" +
		"\n" +
		"发言人：石门社区党委书记 梁桂珍\n" +
		"\n" +
		"各位领导、同志们：\n" +
		"\n" +
		"大家好！我是石门社区党委书记梁桂珍。这几年，我们社区探索出了“三进工作法”，我简单汇报一下。\n" +
		"\n" +
		"我们主要做了三件事。\n" +
		"\n" +
		"一是党员进楼栋。我们把全社区126名党员编成18个楼栋党小组，每名党员联系10户左右居民，每月至少上门一次。\n" +
		"\n" +
		"二是服务进家门。社区组织医生、律师、理发师组成志愿服务队，每周六上门为行动不便的老人服务。\n" +
		"\n" +
		"三是议事进小区。每个小区每月召开一次议事会，居民提出的事当场定下来由谁办、什么时候办完。\n" +
		"\n" +
		"通过这些做法，去年社区居民满意度达到了97%。\n" +
		"\n" +
		"谢谢大家！\n"
	s := serviceOverText(t, "a.md", text)
	ans, err := s.Ask(context.Background(), "named-then", "三进工作法有哪几步？")
	if err != nil {
		t.Fatal(err)
	}
	checkMarkers(t, ans)
	for _, want := range []string{"18个楼栋党小组", "每周六上门", "每月召开一次议事会"} {
		if !strings.Contains(ans.Text, want) {
			t.Errorf("want each step's how (%s):\n%s", want, ans.Text)
		}
	}
}

// TestThatHowOftenAndThenWhat: "那多久开一次呢" after a method asks a
// particular of it (no field called 多久开一次), and "后来呢" once all
// that follows was shown says so instead of showing it again.
func TestThatHowOftenAndThenWhat(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	often := askIn(t, s, "often", "板凳会是什么？", "那多久开一次呢？")
	if !strings.Contains(often.Text, "每周四晚上") || strings.Contains(often.Text, "骑楼外墙") {
		t.Errorf("want when it meets:\n%s", often.Text)
	}
	ctx := context.Background()
	var last *Answer
	for _, q := range []string{"板凳会是什么？", "这是谁提出来的？", "后来呢？"} {
		var err error
		if last, err = s.Ask(ctx, "then", q); err != nil {
			t.Fatal(err)
		}
	}
	if strings.Contains(last.Text, "开了140多场") {
		t.Errorf("后来呢 shows again what was shown:\n%s", last.Text)
	}
	if strings.Contains(last.Text, "没有提到") {
		t.Errorf("后来呢 denies what was shown:\n%s", last.Text)
	}
}

// TestIndefiniteFewIsNoCount: 几 meaning "a few" (住了好几年, 这几年, 几十户)
// asks no number; 几年 asked plainly still does.
func TestIndefiniteFewIsNoCount(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	for q, number := range map[string]bool{
		"一栋楼住了好几年谁也不认识谁，怎么让邻居们熟起来？": false,
		"这几年社区变化大，别的书记是怎么做的？":       false,
		"方志强当了几年书记？":                true,
	} {
		u := s.understand(q, Conversation{})
		// (当了几年书记 asks a count of years: her career's start answers it.)
		if got := u.Intent == IntentNumber || u.Intent == IntentFact && len(u.Attributes) > 0 && u.Attributes[0].Name == "任职经历"; got != number {
			t.Errorf("%s: intent %s", q, u.Intent)
		}
	}
	if u := s.understand("板凳会开了几年？", Conversation{}); u.Intent != IntentNumber && u.Intent != IntentWhen {
		t.Errorf("几年 asked plainly: intent %s", u.Intent)
	}
}

// TestYesNoAboutAMethod: "要收费吗？" right after a method asks it of the
// method; the article does not say, and the answer says so of it.
func TestYesNoAboutAMethod(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ans := askIn(t, s, "yesno", "银龄食堂是怎么办的？", "要收费吗？")
	if !strings.Contains(ans.Text, "资料中没有提到“银龄食堂”是否要收费") {
		t.Errorf("want it said of 银龄食堂 that the articles do not tell:\n%s", ans.Text)
	}
}

// TestHerCommunityAfterAMethod: "她那边老人多吗" after one of her methods
// asks about her community, and "她们社区" is hers, no unknown place.
func TestHerCommunityAfterAMethod(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	for _, q := range []string{"她那边老人多吗？", "她们社区老人多吗？"} {
		ans := askIn(t, s, "her-"+q, "银龄食堂是怎么办的？", q)
		if !strings.Contains(ans.Text, "60岁以上的老人超过三分之一") || strings.Contains(ans.Text, "资料中没有关于") {
			t.Errorf("%s: want her community's old people:\n%s", q, ans.Text)
		}
	}
}

// TestReviewedCues: cues read no wider than they say — an unknown 来凤社区
// is still unknown, "她在别的社区干过吗" is her career, "还有谁参加了" a
// particular, "第一时间怎么处理" no step, "于海燕去年做了什么" no summary.
func TestReviewedCues(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	if u := s.understand("来凤社区是怎么做垃圾分类的？", Conversation{}); !slices.Contains(u.Unknown, "来凤社区") {
		t.Errorf("来凤社区 is a community the articles do not have: unknown %v", u.Unknown)
	}
	if u := s.understand("她是哪一年回到社区工作的？", Conversation{}); len(u.Unknown) > 0 {
		t.Errorf("回到社区 names no community: unknown %v", u.Unknown)
	}
	for _, q := range []string{"她在别的社区干过吗？", "还有谁参加了？"} {
		if ans := askIn(t, s, "cue-"+q, "邻里积分超市是什么？", q); strings.Contains(ans.Text, "除了于海燕") {
			t.Errorf("%s read as whom else to learn from:\n%s", q, ans.Text)
		}
	}
	if ans := askIn(t, s, "cue-step", "三需工作法有哪几步？", "第一时间怎么处理？"); strings.Contains(ans.Text, "第一步是") {
		t.Errorf("第一时间 read as the first step:\n%s", ans.Text)
	}
	for in, want := range map[string]int{"十二": 12, "二十": 20, "二十三": 23, "三": 3, "12": 12} {
		if got := numberOf(in); got != want {
			t.Errorf("numberOf(%s) = %d, want %d", in, got, want)
		}
	}
	if u := s.understand("于海燕去年做了什么？", Conversation{}); u.Intent == IntentSummary {
		t.Errorf("于海燕去年做了什么 read as her summary")
	}
}

// TestCareerAfterHerIntroduction and more after a street secretary's
// summary: a dated career sentence right after the one naming her is
// hers ("2003年至2008年在…工作"), and asking again about her work right
// after her summary tells more of it, not the summary again.
func TestCareerAfterHerIntroduction(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre-classes")
	ctx := context.Background()
	ans, err := s.Ask(ctx, "career", "卢秀梅以前在哪里工作？")
	if err != nil {
		t.Fatal(err)
	}
	if ans.Refused || !strings.Contains(ans.Text, "甸柳街道办事处") {
		t.Errorf("want her work before:\n%s", ans.Text)
	}
	first, err := s.Ask(ctx, "street", "介绍一下庞玉洁")
	if err != nil {
		t.Fatal(err)
	}
	again, err := s.Ask(ctx, "street", "她下面的社区有什么做法？")
	if err != nil {
		t.Fatal(err)
	}
	if again.Text == first.Text {
		t.Errorf("her summary shown again:\n%s", again.Text)
	}
}

// TestDifferenceSaidFirst: asked how two secretaries differ on a field,
// the answer says first by which practice each works, then quotes them;
// each one's practice is the one on the field (板凳会), not a sentence
// sharing the asking words (组织居民 for a repair).
func TestDifferenceSaidFirst(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ans, err := s.Ask(context.Background(), "differ", "方志强和韦志鹏在组织居民议事上有什么区别？")
	if err != nil {
		t.Fatal(err)
	}
	checkMarkers(t, ans)
	lines := strings.Split(ans.Text, "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[1], "• 不同点：方志强用“板凳会”") || !strings.Contains(lines[1], "韦志鹏用“夜间议事厅”") {
		t.Errorf("want the difference said first:\n%s", ans.Text)
	}
}

// TestPartyIsNoStep: the parties a method brings together (四方联席会:
// 社区、物业、业委会、驻区单位) named in a how question ask how she does
// it, not for a step called 业委会.
func TestPartyIsNoStep(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre-classes")
	ans, err := s.Ask(context.Background(), "party", "庞玉洁是怎么协调物业和业委会的？")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(ans.Text, "第二步") || strings.Contains(ans.Text, "没有单独展开") || !strings.Contains(ans.Text, "四方联席会") {
		t.Errorf("want how she brings them together:\n%s", ans.Text)
	}
}

// TestHowThePlaceWasIsNoPractice: an advice line is a doing, an outcome
// or a method — not how her community was before ("地理位置特殊 … 由于流动
// 人口众多、管理混乱").
func TestHowThePlaceWasIsNoPractice(t *testing.T) {
	s := newOffline(t, nil)
	ans, err := s.Ask(context.Background(), "place-was", "我们社区流动人口很多，管理难度大，可以学谁？")
	if err != nil {
		t.Fatal(err)
	}
	checkMarkers(t, ans)
	if strings.Contains(ans.Text, "地理位置特殊") || ans.Refused {
		t.Errorf("want practices, not how a place was:\n%s", ans.Text)
	}
}

// TestHowSheDidItIsADoing: "她是怎么解决停车难的" leads with what she did,
// not with how the place was (只有一个出入口, 没有规划停车位).
func TestHowSheDidItIsADoing(t *testing.T) {
	s := serviceOverText(t, "a.txt", parkingArticle)
	ans, err := s.Ask(context.Background(), "how-did", "贺春兰是怎么解决停车难的？")
	if err != nil {
		t.Fatal(err)
	}
	checkMarkers(t, ans)
	lines := strings.Split(ans.Text, "\n")
	if len(lines) < 2 || !strings.Contains(lines[1], "48个停车位") || strings.Contains(ans.Text, "只有一个出入口") {
		t.Errorf("want her doing first, not how the place was:\n%s", ans.Text)
	}
}

// TestWhoServedLonger: "谁干得更久" compares the two's careers, each
// under her name.
func TestWhoServedLonger(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ans, err := s.Ask(context.Background(), "longer", "方志强和师晓东谁干得更久？")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ans.Text, "方志强 · 任职经历") || !strings.Contains(ans.Text, "第十二个年头") {
		t.Errorf("want each one's career:\n%s", ans.Text)
	}
}

// TestCommonKindOfPractice: two secretaries whose methods are of one kind
// (a 议事 forum each, under different names) share it, and the answer says
// so with each method's own definition — not a topic each mentions once.
func TestCommonKindOfPractice(t *testing.T) {
	dir := t.TempDir()
	arts := map[string]string{
		"chen.txt": "桂香社区党委书记陈慧：把议事会开到楼栋口\n\n　　桂香社区是上世纪九十年代建成的老小区，住着1400多户居民。2016年起担任社区党委书记的陈慧，先从楼栋入手。\n\n　　陈慧推行“楼栋议事会”：每栋楼每月最后一个周日在楼栋口开一次会，楼栋长主持，居民把想办的事提出来，当场商量，定下来的事写在楼道公告栏上。\n\n　　三年来，楼栋议事会商定了加装扶手、修补屋面等60多件事。\n",
		"wang.txt": "夜色里的议事厅——记北湖社区党支部书记王芳\n\n　　北湖社区年轻住户多，白天家里常常没人，过去社区开会总凑不齐人。2019年，王芳当选社区党支部书记。\n\n　　王芳办起了“夜间议事厅”：每周四晚上八点，居民代表、物业和业委会坐到一起，把小区里的停车、绿化等事情摆到桌面上，议定的事项一周内给答复。\n\n　　2022年，王芳被评为市优秀共产党员。\n",
	}
	for name, text := range arts {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := serviceOverDir(t, dir)
	ans, err := s.Ask(context.Background(), "common-kind", "陈慧和王芳有什么共同点？")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ans.Text, "共同点：都用“议事”") || !strings.Contains(ans.Text, "每栋楼每月最后一个周日") || !strings.Contains(ans.Text, "每周四晚上八点") {
		t.Errorf("want the 议事 forums both hold, each by its definition:\n%s", ans.Text)
	}
	if strings.Contains(ans.Text, "担任社区党委书记") || strings.Contains(ans.Text, "当选") {
		t.Errorf("a post held is no common practice:\n%s", ans.Text)
	}
}

// TestNameIsNoTopic: a secretary whose name holds a topic's word (萨仁高娃:
// 娃, asked with for children) is summed up by her methods, not read as a
// question about children.
func TestNameIsNoTopic(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre-classes")
	ans, err := s.Ask(context.Background(), "name-topic", "萨仁高娃有什么经验值得学习？")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ans.Text, "蒙古包议事厅") || !strings.Contains(ans.Text, "奶茶帮帮团") {
		t.Errorf("want her methods:\n%s", ans.Text)
	}
}

// TestResultAsDecrease: what came of a method is often a fall (投诉下降了
// 七成, 发案率降低) told a paragraph later; asked for its effect, that is
// the answer, not "资料中没有提到具体成效".
func TestResultAsDecrease(t *testing.T) {
	s := serviceOverText(t, "he.txt", "河湾社区党委书记何秀英\n\n　　河湾社区是老厂区的家属区，2016年，何秀英当选社区党委书记。\n\n　　何秀英推行“楼门夜谈”：每周三晚上，社区干部和楼门长到楼门口和居民拉家常，把问题记在本子上，第二天分给网格员去办。\n\n　　社区还办起了“暖心午餐”，给八十岁以上的老人送饭。\n\n　　三年下来，河湾社区的投诉量下降了七成，“楼门夜谈”在全区推广。\n")
	ans, err := s.Ask(context.Background(), "decrease", "楼门夜谈效果怎么样？")
	if err != nil {
		t.Fatal(err)
	}
	if ans.Refused || !strings.Contains(ans.Text, "投诉量下降了七成") || strings.Contains(ans.Text, "没有提到") {
		t.Errorf("want the fall it brought:\n%s", ans.Text)
	}
}

// TestHowTellsItsNamingSentence: in an interview the method is named in a
// sentence with a plain verb ("我们推了…", "后来我们搞了…") that tells what
// it is; asked how it is done or 是怎么回事, that sentence comes first, and
// a hesitation told beside it ("一开始也有人观望") is no part of how.
func TestHowTellsItsNamingSentence(t *testing.T) {
	s := serviceOverText(t, "tang.txt", "社区书记面对面｜老院落里的新规矩\n\n【嘉宾简介】唐月华，女，1970年生，成都市青羊区草市街街道金马社区党委书记。\n\n主持人：院落没有物业，日常的事谁来管？\n\n唐月华：我们推了“院落管家队”，每个院落由居民推选三个人，管卫生、管停车、管公共收益的账。\n\n主持人：居民愿意参加吗？\n\n唐月华：一开始也有人观望。后来我们搞了“服务换积分”，居民参加志愿服务攒积分，可以换理发、修家电这些服务，参加的人越来越多。现在社区有登记的志愿者四百多人。\n")
	ctx := context.Background()
	for _, c := range []struct{ q, want string }{
		{"院落管家队是怎么做的？", "每个院落由居民推选三个人"},
		{"服务换积分是怎么回事？", "居民参加志愿服务攒积分"},
		{"服务换积分具体怎么搞？", "居民参加志愿服务攒积分"},
	} {
		ans, err := s.Ask(ctx, "how-naming:"+c.q, c.q)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(ans.Text, c.want) || strings.Contains(ans.Text, "一开始也有人观望") {
			t.Errorf("%s: want %q, no hesitation:\n%s", c.q, c.want, ans.Text)
		}
	}
}

// TestFollowUpPastARefusal: a follow-up that points back ("当时遇到了什么
// 难题", "谁想出来的") stays with the method discussed, even after a
// question in between was refused.
func TestFollowUpPastARefusal(t *testing.T) {
	s := serviceOverText(t, "lin.txt", "林桂香：把议事会搬进楼道\n\n　　东湖社区党委书记林桂香到社区工作已经十年。东湖社区的老楼没有电梯，老人下楼难，居民有事也不愿意跑到社区。\n\n　　2019年，林桂香推出“楼道议事板”，在每个单元一楼挂一块小黑板，居民有事写在黑板上，楼栋长每周汇总，社区每月到楼道里开一次议事会。\n\n　　这几年，东湖社区没有发生一起群体上访。\n")
	ctx := context.Background()
	chat := "past-refusal"
	if _, err := s.Ask(ctx, chat, "楼道议事板是怎么来的？"); err != nil {
		t.Fatal(err)
	}
	ans, err := s.Ask(ctx, chat, "当时遇到了什么难题？")
	if err != nil {
		t.Fatal(err)
	}
	if ans.Refused || !strings.Contains(ans.Text, "楼道议事板") {
		t.Errorf("当时遇到了什么难题: want the method's problem:\n%s", ans.Text)
	}
	if a, err := s.Ask(ctx, chat, "今天天气怎么样？"); err != nil || !a.Refused {
		t.Fatalf("off-topic question answered: %v\n%s", err, a.Text)
	}
	ans, err = s.Ask(ctx, chat, "谁想出来的？")
	if err != nil {
		t.Fatal(err)
	}
	if ans.Refused || !strings.Contains(ans.Text, "林桂香") {
		t.Errorf("谁想出来的 after a refusal: want the method's maker:\n%s", ans.Text)
	}
}

// TestWhatKindOfPeopleFollowUp: "都是些什么人？" after a count of a team
// asks who its members are, of the team just discussed.
func TestWhatKindOfPeopleFollowUp(t *testing.T) {
	s := serviceOverText(t, "qi.txt", "老齐和他的“修补匠”\n\n　　齐国栋，男，1961年生，2011年起担任槐荫社区党委书记。\n\n　　“修补匠服务队”是齐国栋在2014年牵头组建的志愿服务队，队员大多是退休的电工、木匠和水暖工，现有队员38人。每月初五，服务队在社区广场摆摊，平时接单上门。\n")
	ctx := context.Background()
	if _, err := s.Ask(ctx, "kind-of-people", "修补匠服务队有多少人？"); err != nil {
		t.Fatal(err)
	}
	ans, err := s.Ask(ctx, "kind-of-people", "都是些什么人？")
	if err != nil {
		t.Fatal(err)
	}
	if ans.Refused || !strings.Contains(ans.Text, "退休的电工、木匠和水暖工") {
		t.Errorf("want the team's members:\n%s", ans.Text)
	}
}

// TestRegionOverview: "成都的书记有什么好经验" names a city and asks for
// work, no field: each secretary there by her main method (not the
// sentences that name the city, an honour); a district narrows it; a field
// no article covers is still declined.
func TestRegionOverview(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ctx := context.Background()
	ans, err := s.Ask(ctx, "region-city", "成都的书记有什么好经验？")
	if err != nil {
		t.Fatal(err)
	}
	if ans.Refused || !strings.Contains(ans.Text, "三张清单") || !strings.Contains(ans.Text, "院坝议事") || strings.Contains(ans.Text, "成都市优秀共产党员") {
		t.Errorf("want each Chengdu secretary's main method:\n%s", ans.Text)
	}
	ans, err = s.Ask(ctx, "region-district", "成都市武侯区的书记有什么好经验？")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ans.Text, "三张清单") || strings.Contains(ans.Text, "院坝议事") {
		t.Errorf("want only the district's secretary:\n%s", ans.Text)
	}
	ans, err = s.Ask(ctx, "region-province", "四川的书记有什么好经验？")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"三张清单", "院坝议事", "三需工作法"} {
		if !strings.Contains(ans.Text, want) {
			t.Errorf("a province: want %s:\n%s", want, ans.Text)
		}
	}
	if q := s.understand("北京的书记有什么经验？", Conversation{}); slices.Contains(q.Region, "方志强") {
		t.Errorf("广州市越秀区北京街道 is not in 北京: region %v", q.Region)
	}
	ans, err = s.Ask(ctx, "region-field", "成都的书记怎么处理高空抛物？")
	if err != nil {
		t.Fatal(err)
	}
	if !ans.Refused {
		t.Errorf("a field no article covers, answered:\n%s", ans.Text)
	}
}

// TestHonourHolders: "哪些书记是X" lists those whose own honours name X,
// and not one whose honour only shares words with it (全国优秀社区工作者,
// 北京市优秀党务工作者 for 全国优秀党务工作者).
func TestHonourHolders(t *testing.T) {
	s := newOffline(t, nil)
	ans, err := s.Ask(context.Background(), "holders", "哪些书记是全国优秀党务工作者？")
	if err != nil {
		t.Fatal(err)
	}
	if ans.Refused || !strings.Contains(ans.Text, "吴中兰") || !strings.Contains(ans.Text, "郭佳") {
		t.Errorf("want both national 优秀党务工作者:\n%s", ans.Text)
	}
	g := serviceOverDir(t, "../corpus/testdata/genre")
	ans, err = g.Ask(context.Background(), "holders-genre", "哪些书记是全国优秀党务工作者？")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ans.Text, "欧阳红梅") || strings.Contains(ans.Text, "华秀芳") || strings.Contains(ans.Text, "陈雅静") {
		t.Errorf("want only the one who holds it:\n%s", ans.Text)
	}
	ans, err = g.Ask(context.Background(), "holders-none", "哪位书记是退休以后才当书记的？")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(ans.Text, "获得过") {
		t.Errorf("no honour is asked:\n%s", ans.Text)
	}
	// Second secretaries of a page hold honours too; one told beside
	// another secretary's name is the one its clause names.
	for q, want := range map[string]string{"哪位书记获得过株洲市优秀党务工作者？": "韦志鹏", "谁是浙江省优秀党务工作者？": "鲁晓燕"} {
		ans, err = g.Ask(context.Background(), "holders:"+q, q)
		if err != nil {
			t.Fatal(err)
		}
		if ans.Refused || !strings.Contains(ans.Text, want) || strings.Contains(ans.Text, "范桂芝（") {
			t.Errorf("%s: want %s alone:\n%s", q, want, ans.Text)
		}
	}
	if !minorityRE.MatchString("王芳，女，鄂伦春族") {
		t.Error("鄂伦春族 is a minority")
	}
}

// TestBothDidIt: "A和B都办了食堂吗" is asked of each: the one who did is
// quoted, the other's main method is told as such, and a naming sentence
// ending in "做法如下：" is followed by what it introduces.
func TestBothDidIt(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre-classes")
	ans, err := s.Ask(context.Background(), "both", "乔丽霞和赵桂兰都办了食堂吗？")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ans.Text, "银发食堂") || !strings.Contains(ans.Text, "资料中没有直接提到乔丽霞") || !strings.Contains(ans.Text, "网格员带着表格入户") {
		t.Errorf("want each one on it:\n%s", ans.Text)
	}
}

// TestWhereInWhichCity: "在哪个城市/哪个省份" asks where she works, like
// "在哪个社区".
func TestWhereInWhichCity(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre-classes")
	for _, q := range []string{"蓝月琴在哪个城市？", "蓝月琴在哪个省份工作？"} {
		ans, err := s.Ask(context.Background(), "where:"+q, q)
		if err != nil {
			t.Fatal(err)
		}
		if ans.Refused || !strings.Contains(ans.Text, "都匀市") {
			t.Errorf("%s: want her place:\n%s", q, ans.Text)
		}
	}
	g := serviceOverDir(t, "../corpus/testdata/genre")
	ans, err := g.Ask(context.Background(), "where-city-named", "陈雅静的社区在北京哪个区？")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ans.Text, "在苹果园街道西黄村社区工作") {
		t.Errorf("a city named in the question still asks where she works:\n%s", ans.Text)
	}
}

// TestWhichSecretariesHave: "哪些书记是少数民族" asks a personal fact of every
// secretary: those whose own sentence states it, and not a sentence about
// the residents (维吾尔族、汉族的老人们).
func TestWhichSecretariesHave(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre-classes")
	ans, err := s.Ask(context.Background(), "which-have", "哪些书记是少数民族？")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"覃慧敏", "蓝月琴", "萨仁高娃"} {
		if !strings.Contains(ans.Text, want) {
			t.Errorf("want %s:\n%s", want, ans.Text)
		}
	}
	if strings.Contains(ans.Text, "老人们一起跳起了广场舞") {
		t.Errorf("residents' groups are no secretary's:\n%s", ans.Text)
	}
	ans, err = s.Ask(context.Background(), "which-have-degree", "谁是本科学历？")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ans.Text, "覃慧敏") || strings.Contains(ans.Text, "大专") {
		t.Errorf("want those with a degree:\n%s", ans.Text)
	}
	// Service in the army, of a second secretary of a page too (an award
	// list's 他当过十二年兵), and not any former job.
	g := serviceOverDir(t, "../corpus/testdata/genre")
	ans, err = g.Ask(context.Background(), "which-served", "有几位书记当过兵？")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ans.Text, "柏建新") || !strings.Contains(ans.Text, "韦志鹏") || strings.Contains(ans.Text, "中学教师") {
		t.Errorf("want those who served:\n%s", ans.Text)
	}
	// How one became something is no fact asked of all.
	ans, err = g.Ask(context.Background(), "which-how", "哪位书记是怎么当选人大代表的？")
	if err != nil {
		t.Fatal(err)
	}
	if ans.Refused || !strings.Contains(ans.Text, "钟小燕") {
		t.Errorf("want how she became one:\n%s", ans.Text)
	}
}

// TestCountFollowUpOfShown: "救了几个人？" right after an answer that told
// it ("救助突发疾病老人9人") is answered by that sentence, whatever words
// the question shares with it; 几个人 counts in 人.
func TestCountFollowUpOfShown(t *testing.T) {
	s := serviceOverText(t, "bai.txt", "白玉兰：“敲门行动”暖人心\n\n　　在向阳社区，居民们对社区党委书记白玉兰再熟悉不过了。社区老年人口多，冬季漫长。\n\n　　2019年起，白玉兰带领社区干部开展“敲门行动”：每天上午逐户敲门问候独居老人，发现问题当天处理。\n\n　　“敲门行动”坚持四年，社区干部累计敲门三万多次，及时发现并救助突发疾病老人11人。\n")
	ctx := context.Background()
	if _, err := s.Ask(ctx, "count-shown", "白玉兰的敲门行动坚持了几年？"); err != nil {
		t.Fatal(err)
	}
	ans, err := s.Ask(ctx, "count-shown", "救了几个人？")
	if err != nil {
		t.Fatal(err)
	}
	if ans.Refused || !strings.Contains(ans.Text, "老人11人") {
		t.Errorf("want the count just told:\n%s", ans.Text)
	}
}

// TestAdviceProblemBeforeGroup: a problem asked with the group it
// concerns (水龙头坏了 of old people) is answered first by the practice on
// the problem (a repair team), then by what is done for the group.
func TestAdviceProblemBeforeGroup(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ans, err := s.Ask(context.Background(), "problem-first", "老人家里水龙头坏了、灯不亮了，都不知道该找谁修，社区能怎么帮？")
	if err != nil {
		t.Fatal(err)
	}
	i, j := strings.Index(ans.Text, "门建国"), strings.Index(ans.Text, "牛桂英")
	if i < 0 || j >= 0 && j < i {
		t.Errorf("want the repair team first:\n%s", ans.Text)
	}
}

// TestCitationNamesTheSectionsSecretary: a passage from the section of a
// two-secretary page about the second one is labelled with her name, not
// the page's first secretary's.
func TestCitationNamesTheSectionsSecretary(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ans, err := s.Ask(context.Background(), "section-label", "韦志鹏的夜间议事厅是什么？")
	if err != nil {
		t.Fatal(err)
	}
	if len(ans.Citations) == 0 || !strings.HasPrefix(ans.Citations[0].Label, "韦志鹏 · ") {
		t.Errorf("want the citation labelled with 韦志鹏: %+v", ans.Citations)
	}
}

// TestReviewedCues2: cues the session's review found over-reaching.
func TestReviewedCues2(t *testing.T) {
	g := serviceOverDir(t, "../corpus/testdata/genre")
	seeds := newOffline(t, nil)
	ctx := context.Background()
	for _, c := range []struct {
		s      *Service
		q      string
		not    Intent
		reason string
	}{
		{g, "板凳会什么时候开比较好？", IntentAdvice, "a named method's time is asked of it"},
		{g, "楼长议事会一般在什么地方可以开？", IntentAdvice, "a named method's place is asked of it"},
		{g, "于海燕和牛桂英都是党员吗？", IntentCompare, "whether both are something compares no practice"},
		{seeds, "四单工作法能解决各种矛盾吗？", IntentSteps, "各种 asks of no item"},
	} {
		if q := c.s.understand(c.q, Conversation{}); q.Intent == c.not {
			t.Errorf("%s: intent %s (%s)", c.q, q.Intent, c.reason)
		}
	}
	if q := g.understand("希望社区的书记是谁？", Conversation{}); !slices.Contains(q.Unknown, "希望社区") {
		t.Errorf("希望社区 is a community's name: unknown %v", q.Unknown)
	}
	ans, err := g.Ask(ctx, "reviewed-how", "茶馆议事会是怎么做的？")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(ans.Text, "社区门口有一家开了二十多年的老茶馆") {
		t.Errorf("background is no part of how it is done:\n%s", ans.Text)
	}
	ans, err = g.Ask(ctx, "reviewed-change", "红色管家会调动居民积极性吗？")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(ans.Text, "这变化得从社区的") && len(ans.Citations) == 1 {
		t.Errorf("no class's change is asked:\n%s", ans.Text)
	}
	if formWord("管理") || formWord("小组") {
		t.Error("管理 and 小组 end any kind of method")
	}
	if m := modalRE.FindStringSubmatch("开会要签到"); m == nil || m[1] != "开会" {
		t.Errorf("modalRE split 开会要签到 as %q", m)
	}
	// A plan is no doing; preparing a meal is.
	if isDoing("接下来，我们准备把议事会开到每个小区。") || isDoing("向春燕告诉记者，下一步社区还将向周边小区推广这一做法。") || !isDoing("志愿者每天为老人准备午餐，送餐上门。") {
		t.Error("isDoing: plans are no doings; 为老人准备午餐 is one")
	}
	// A problem something is done with is no difficulty of the place.
	if isProblem("社区办公室的门从早到晚都开着，居民随时可以进来反映问题。") || !isProblem("下水道三天两头堵，居民意见很大。") {
		t.Error("isProblem: 进来反映问题 is a doing's object; 下水道三天两头堵 a difficulty")
	}
}

// TestMethodCalledByItsTail: while a secretary is talked about, the end of
// one of her methods' names (帮帮团 of 老门帮帮团) names that method.
func TestMethodCalledByItsTail(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ctx := context.Background()
	if _, err := s.Ask(ctx, "tail", "介绍一下门建国"); err != nil {
		t.Fatal(err)
	}
	ans, err := s.Ask(ctx, "tail", "为什么要搞帮帮团？")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ans.Text, "“老门帮帮团”") || strings.Contains(ans.Text, "是因为") {
		t.Errorf("want the method, and no reason the article does not give:\n%s", ans.Text)
	}
	if tailNamed("议事会怎么开", []string{"楼长议事会", "茶馆议事会"}) != "" {
		t.Error("a tail two methods share names neither")
	}
}

// TestSpeechFramesAreNoDoings: a speech's opening and closing formulas
// (今天向大家汇报…, 我的发言完了，谢谢大家) are no part of how she did it.
func TestSpeechFramesAreNoDoings(t *testing.T) {
	s := serviceOverText(t, "speech.txt", "在全区社区工作经验交流会上的发言\n\n金桥社区党委书记 邱美玲\n\n尊敬的各位领导、同志们：\n\n　　今天，我向大家汇报金桥社区开展“楼栋微课堂”的一些做法。\n\n　　金桥社区老人多，不少老人不会用手机挂号、缴费。2021年起，我们推出“楼栋微课堂”，每周三下午请大学生志愿者在楼栋口手把手教老人用手机，一年开课80多次。\n\n　　我们还组织党员结对，每人联系五户独居老人，每周上门一次。\n\n　　我的发言完了，谢谢大家！\n")
	ans, err := s.Ask(context.Background(), "speech-frames", "邱美玲是怎么帮老人的？")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(ans.Text, "我向大家汇报") || strings.Contains(ans.Text, "谢谢大家") || !strings.Contains(ans.Text, "手把手教老人用手机") {
		t.Errorf("want her doings, not the speech's formulas:\n%s", ans.Text)
	}
}

// TestSectionHeadedSecretaries: on a page portraying two secretaries one
// per section, named only in the headings, each one's methods are hers:
// asking about the first never gives the second one's.
func TestSectionHeadedSecretaries(t *testing.T) {
	s := serviceOverText(t, "two.md", "# 老城新事｜两位社区书记的“民生账本”\n\n**江州晚报** 2024-05-12\n\n东风路是江州最老的街道之一。走访中，记者认识了两位社区书记。\n\n"+
		"### 张红：楼下开会，事在楼下办\n\n她是东风社区党委书记。老楼多，居民有事不愿意跑社区。她推出“楼下议事会”：每月第二个周六下午，在楼下空地上摆几张桌子，居民有事当面说。\n\n"+
		"### 李明：老人的饭碗端稳了\n\n他是向荣社区党委书记，今年38岁。向荣社区独居老人多。他办起“长者饭堂”，每天中午为90多位老人提供午餐。2023年，李明被评为江州市优秀党务工作者。\n")
	ans, err := s.Ask(context.Background(), "section-heads", "张红有什么做法？")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ans.Text, "楼下议事会") || strings.Contains(ans.Text, "长者饭堂") || strings.Contains(ans.Text, "优秀党务工作者") {
		t.Errorf("want only 张红's work:\n%s", ans.Text)
	}
	ans, err = s.Ask(context.Background(), "section-heads-2", "李明有什么做法？")
	if err != nil {
		t.Fatal(err)
	}
	if ans.Refused || !strings.Contains(ans.Text, "长者饭堂") {
		t.Errorf("want 李明's work:\n%s", ans.Text)
	}
}

// TestOtherSecretariesOnAField: "还有其他书记管老人的吗" after one
// secretary's answer asks the others on that field — not her again, and
// 管老人 is no one called 管.
func TestOtherSecretariesOnAField(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ctx := context.Background()
	if _, err := s.Ask(ctx, "others-field", "牛桂英是怎么照顾独居老人的？"); err != nil {
		t.Fatal(err)
	}
	ans, err := s.Ask(ctx, "others-field", "还有其他书记管老人的吗？")
	if err != nil {
		t.Fatal(err)
	}
	if ans.Refused || !strings.HasPrefix(ans.Text, "除了牛桂英") || strings.Contains(ans.Text, "敲门行动") {
		t.Errorf("want other secretaries on old people:\n%s", ans.Text)
	}
}

// TestWhatIsToldByItsParts: a method whose parts are each told in a
// sentence of their own (**初访**：…, **常访**：…, **回访**：…) is, asked what
// it is, those parts — all of them, numbered.
func TestWhatIsToldByItsParts(t *testing.T) {
	s := serviceOverText(t, "qian.md", "# 钱秀英：“三访”把居民的事放在心上\n\n江州日报 2024-03-01\n\n西门社区党委书记钱秀英推行“三访工作法”。\n\n**初访**：新搬来的住户，网格员一周内上门，登记家庭情况。\n\n**常访**：独居老人每周上门一次，看看身体和吃住。\n\n**回访**：居民反映的事办完后，三天内上门回访。\n\n三年来，社区走访居民两万多户次。\n")
	ans, err := s.Ask(context.Background(), "parts", "什么是三访工作法？")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"一周内上门", "每周上门一次", "三天内上门回访"} {
		if !strings.Contains(ans.Text, want) {
			t.Errorf("want every part (%s):\n%s", want, ans.Text)
		}
	}
}

// TestResultInItsNamingSentence: a method named with its parties (四方:
// 社区、物业、业委会、居民代表) has no steps of them, and a result told in its
// own naming sentence (…最终实现了收缴率从六成提高到九成) is its effect.
func TestResultInItsNamingSentence(t *testing.T) {
	s := serviceOverText(t, "zhou.txt", "周丽萍：“四方会商”化解物业难题\n\n江州日报　2024-04-02\n\n　　南湖社区党委书记周丽萍推行“四方会商”，每月由社区、物业、业委会和居民代表坐在一起，把停车、绿化、收费等问题摆到桌面上商量，最终实现了小区物业费收缴率从六成提高到九成。\n\n　　周丽萍说，商量着办，矛盾就少了。\n")
	ctx := context.Background()
	ans, err := s.Ask(ctx, "result-def", "四方会商效果怎么样？")
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasPrefix(ans.Text, "资料中没有") || !strings.Contains(ans.Text, "从六成提高到九成") {
		t.Errorf("want the result told in its sentence:\n%s", ans.Text)
	}
	ans, err = s.Ask(ctx, "result-def-how", "四方会商是怎么做的？")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(ans.Text, "1. 每月由社区") {
		t.Errorf("its parties are no steps:\n%s", ans.Text)
	}
}

// TestWhyInHerOwnWords: why a method was set up, told a little after it in
// her own words ("说起办…的初衷，她说：“好多老人……”"), is its problem.
func TestWhyInHerOwnWords(t *testing.T) {
	s := serviceOverText(t, "sun.txt", "“板凳课”开到了楼栋口\n\n　　北苑社区党委书记孙丽娟推出“板凳课”，每周二下午请大学生志愿者在楼栋口教老人用智能手机。\n　　说起办“板凳课”的初衷，孙丽娟说：“好多老人去医院不会在手机上挂号，排一上午队，看着心疼。”\n　　一年下来，“板凳课”开了50多期。\n")
	ans, err := s.Ask(context.Background(), "why-own-words", "孙丽娟为什么要办板凳课？")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ans.Text, "不会在手机上挂号") || strings.HasPrefix(ans.Text, "资料中没有") {
		t.Errorf("want the reason in her words:\n%s", ans.Text)
	}
}

// TestThatOtherMethodOfHers: "那积分超市呢" after how one of her methods is
// done asks the same of her other method (called by its name's end), and
// tells how it works; the first method's name is no topic of it.
func TestThatOtherMethodOfHers(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ctx := context.Background()
	if _, err := s.Ask(ctx, "that-other", "楼长议事会是怎么做的？"); err != nil {
		t.Fatal(err)
	}
	ans, err := s.Ask(ctx, "that-other", "那积分超市呢？")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ans.Text, "是这样做“邻里积分超市”的") || !strings.Contains(ans.Text, "积分能在超市兑换") {
		t.Errorf("want how 邻里积分超市 is done:\n%s", ans.Text)
	}
	ans, err = s.Ask(ctx, "that-other", "那敲门行动呢？")
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasPrefix(ans.Text, "资料中没有提到") || !strings.Contains(ans.Text, "逐户敲门") {
		t.Errorf("want how 敲门行动 is done:\n%s", ans.Text)
	}
}

// TestOfficeHowToIsDeclined: how to get something done at an office
// (怎么申请补贴, 要哪些材料) is no question the secretaries' articles
// answer, even one about that field; asking what a secretary did about it
// is.
func TestOfficeHowToIsDeclined(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ctx := context.Background()
	for _, q := range []string{"残疾人补贴怎么申请？", "低保需要准备哪些材料？"} {
		ans, err := s.Ask(ctx, "office:"+q, q)
		if err != nil {
			t.Fatal(err)
		}
		if !ans.Refused || !strings.Contains(ans.Text, "办事指南") {
			t.Errorf("%s: want it declined:\n%s", q, ans.Text)
		}
	}
	ans, err := s.Ask(ctx, "office-advice", "我们社区残疾人多，可以学谁？")
	if err != nil {
		t.Fatal(err)
	}
	if ans.Refused {
		t.Errorf("advice on the field declined:\n%s", ans.Text)
	}
}

// TestHowLeavesOutResidentsPraise: how a method is done tells the case
// from its dated opening (去年8月，12号楼……), not a resident's praise of it.
func TestHowLeavesOutResidentsPraise(t *testing.T) {
	s := serviceOverText(t, "hu.txt", "“红管家”管出好环境\n\n　　长街社区党委书记胡建军在每栋楼选出一名党员当“红管家”，负责楼道卫生、矛盾调解和收集居民诉求。\n　　居民王大爷说：“有了红管家，有事找他就行，心里踏实。”\n　　去年8月，12号楼的化粪池堵了，臭气熏天。“红管家”老周把情况报上来后，胡建军当天联系街道和施工队，一周内就完成了改造。\n　　如今，社区已有“红管家”86名。\n")
	ans, err := s.Ask(context.Background(), "praise", "红管家是怎么做的？")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(ans.Text, "王大爷说") || !strings.Contains(ans.Text, "去年8月") {
		t.Errorf("want the case from its opening, no praise:\n%s", ans.Text)
	}
}
