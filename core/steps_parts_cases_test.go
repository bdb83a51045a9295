package core

import (
	"strings"
	"testing"
)

// Methods whose parts are not named steps after the naming: told by
// time over paragraphs (事前…事中…事后), made of components told in later
// sections (一中心三平台 under sub-headings), or steps as bold labels.
// Each article is written for the test in the genre's words.

// TestStepsToldByTimeAnswered: "分几步 / 第二步是什么" of a method told
// before / during / after gives each stage its own paragraph, and the
// stage asked alone — not the naming sentence only.
func TestStepsToldByTimeAnswered(t *testing.T) {
	text := "“三段式”调解让邻里纠纷化解在楼栋\n" +
		"2025-04-11 09:12 来源：区融媒体中心\n" +
		"　　东湖社区党委书记黄秀兰在社区工作了十六年。面对老旧小区邻里纠纷多的情况，她和社区干部摸索出了“三段式调解法”。\n" +
		"　　事前，网格员每天在楼栋里走一走，听到苗头就记下来，谁家装修、谁家漏水，社区心里都有本账，小摩擦在冒头时就先上门劝一劝。\n" +
		"　　事中，矛盾一旦闹到社区，黄秀兰请双方坐进“和事佬”调解室，再请楼长和老党员一起评理，能当场签协议的当场签。\n" +
		"　　事后，调解员在一周内回访双方，看协议落没落实，邻里关系有没有缓和，没落实的再调一次。\n" +
		"　　三年来，社区调解纠纷210起，调解成功率达到97%。\n"
	s := serviceOverText(t, "a.txt", text)
	as := askChat(t, s, "phases", "三段式调解法分几步？", "第二步是什么？")
	wantIn(t, "分几步", as[0].Text, []string{"事前", "听到苗头", "调解室", "一周内回访"}, nil)
	wantIn(t, "第二步", as[1].Text, []string{"调解室"}, []string{"听到苗头", "一周内回访"})

	chain := "南苑社区：诉求件件有回音\n" +
		"　　南苑社区党委书记陆红梅说，社区推行“接诉即办工作法”，让居民的诉求有人接、有人办、有回音。\n" +
		"　　接到诉求后，值班社工先在台账上登记，能当场答复的当场答复，不能答复的两小时内分派给网格员。\n" +
		"　　随后，网格员带着诉求上门核实情况，联系物业或者职能部门一起处理，复杂的问题提交社区党委会研究。\n" +
		"　　办结后，社区在三天内电话回访居民，不满意的重新办理，直到居民满意为止。\n" +
		"　　去年以来，社区共受理诉求1200多件，办结率达到99%。\n"
	s = serviceOverText(t, "b.txt", chain)
	as = askChat(t, s, "chain", "接诉即办工作法具体怎么做？", "第三步呢？")
	wantIn(t, "怎么做", as[0].Text, []string{"台账上登记", "上门核实", "电话回访"}, nil)
	wantIn(t, "第三步", as[1].Text, []string{"电话回访"}, []string{"台账上登记", "上门核实"})
}

// TestComponentsAnswered: a method named by its components, each told
// under a later sub-heading or bold label: the steps answer holds every
// component's sentence, and one asked by its place its own.
func TestComponentsAnswered(t *testing.T) {
	text := "# 青松社区打造“一中心三平台”服务体系\n\n2025-03-02 来源：市党建网\n\n" +
		"青松社区党委书记宋玉珍到任后，针对社区服务分散、居民找不到门的问题，打造了“一中心三平台”服务体系。\n\n" +
		"青松社区有居民5600多户，老年人占三成。宋玉珍说，服务体系的核心是把资源聚起来。\n\n" +
		"## 党群服务中心：一站式办事\n\n社区把原来分散在三处的办事窗口集中到党群服务中心，居民办理社保、低保等23项业务只进一扇门。\n\n" +
		"## 议事平台：大家的事大家商量\n\n每月10日社区召开议事会，居民代表和物业、业委会一起商量小区的公共事务。\n\n" +
		"## 志愿平台：邻里互助\n\n社区组建了8支志愿服务队，党员带头认领助老、助学等服务项目。\n\n" +
		"## 信息平台：民情一网通\n\n社区建立了民情微信群，网格员每天在群里收集居民诉求，当天分派、当天回复。\n\n" +
		"如今，青松社区居民满意率达到96%。\n"
	s := serviceOverText(t, "a.md", text)
	as := askChat(t, s, "hub", "一中心三平台具体怎么做？", "第四个呢？")
	wantIn(t, "components", as[0].Text, []string{"一扇门", "每月10日", "8支志愿服务队", "民情微信群"}, []string{"没有介绍具体做法"})
	wantIn(t, "第四个", as[1].Text, []string{"民情微信群"}, []string{"一扇门", "每月10日"})

	bold := "　　清河社区党委书记马秀芬总结出“民情三步法”。\n" +
		"　　**摸清底数**。社区把辖区划成8个网格，网格员逐户登记，建立民情台账。\n" +
		"　　**精准服务**。根据台账，社区为困难家庭、独居老人提供上门服务。\n" +
		"　　**跟踪问效**。每季度回访一次，居民不满意的重新办理。\n" +
		"　　两年来，社区服务居民1.2万人次。\n"
	s = serviceOverText(t, "b.txt", bold)
	as = askChat(t, s, "bold", "民情三步法具体怎么做？", "第二步呢？")
	wantIn(t, "bold labels", as[0].Text, []string{"摸清底数", "民情台账", "上门服务", "回访一次"}, nil)
	wantIn(t, "第二步", as[1].Text, []string{"上门服务"}, []string{"民情台账", "回访一次"})
	if strings.Contains(as[0].Text, "**") {
		t.Errorf("a bold mark shown:\n%s", as[0].Text)
	}
}

// TestStepsInOneSentenceAnswered: 一访…，…；二访…；三访… in the naming
// sentence itself: each step is its own clause, and 第二步 that clause.
func TestStepsInOneSentenceAnswered(t *testing.T) {
	text := "　　桃源社区党委书记龚丽娟推行“三访工作法”，一访困难户，每月上门送去米面油；二访独居老人，每周打一次电话问平安；三访新迁居民，帮他们尽快融入社区。\n" +
		"　　实施两年来，社区走访居民3000多户次。\n"
	s := serviceOverText(t, "a.txt", text)
	as := askChat(t, s, "fang", "三访工作法分几步？", "第二步呢？")
	wantIn(t, "分几步", as[0].Text, []string{"米面油", "问平安", "融入社区"}, []string{"未展开"})
	wantIn(t, "第二步", as[1].Text, []string{"问平安"}, []string{"米面油", "融入社区"})
}
