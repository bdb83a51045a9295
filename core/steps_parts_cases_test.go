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
// stage asked alone — not the naming sentence only; asked once more, the
// stages' sentences already quoted are not said to be untold.
func TestStepsToldByTimeAnswered(t *testing.T) {
	text := "“三段式”调解让邻里纠纷化解在楼栋\n" +
		"2025-04-11 09:12 来源：区融媒体中心\n" +
		"　　东湖社区党委书记黄秀兰在社区工作了十六年。面对老旧小区邻里纠纷多的情况，她和社区干部摸索出了“三段式调解法”。\n" +
		"　　事前，网格员每天在楼栋里走一走，听到苗头就记下来，谁家装修、谁家漏水，社区心里都有本账，小摩擦在冒头时就先上门劝一劝。\n" +
		"　　事中，矛盾一旦闹到社区，黄秀兰请双方坐进“和事佬”调解室，再请楼长和老党员一起评理，能当场签协议的当场签。\n" +
		"　　事后，调解员在一周内回访双方，看协议落没落实，邻里关系有没有缓和，没落实的再调一次。\n" +
		"　　三年来，社区调解纠纷210起，调解成功率达到97%。\n"
	s := serviceOverText(t, "a.txt", text)
	as := askChat(t, s, "phases", "三段式调解法分几步？", "第二步是什么？", "具体怎么做？")
	wantIn(t, "分几步", as[0].Text, []string{"事前", "听到苗头", "调解室", "一周内回访"}, nil)
	wantIn(t, "第二步", as[1].Text, []string{"调解室"}, []string{"听到苗头", "一周内回访"})
	// Asked again, what was quoted already is not said to be missing.
	wantIn(t, "具体怎么做 again", as[2].Text, nil, []string{"未展开"})

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
	// Labels with their colon: shown once, without their marks.
	s = serviceOverText(t, "c.txt", strings.ReplaceAll(bold, "**。", "**："))
	as = askChat(t, s, "bold-colon", "民情三步法具体怎么做？")
	wantIn(t, "bold colon labels", as[0].Text, []string{"摸清底数：社区把辖区", "上门服务", "回访一次"}, []string{"**", "摸清底数：摸清底数"})
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

// TestPracticesUnderMarkedHeadings: a WeChat-style post telling a
// secretary's practices under ▌ / ■ / 【】 / 01 headings, no method named:
// "她是怎么做的" gives each heading with its first doing sentence, in the
// article's order (not a resident's words, not what came of it), and
// her profile labels that practice by its heading.
func TestPracticesUnderMarkedHeadings(t *testing.T) {
	post := "她是居民心中的“知心大姐”\n" +
		"原创 幸福街道 幸福街道发布 2025-05-20 18:00 发表于江苏\n" +
		"点击蓝字 关注我们\n" +
		"　　在幸福街道金桂社区，提起社区党委书记朱晓红，居民们都竖起大拇指。她从事社区工作20年，用心用情服务居民。\n" +
		"▌走访入户 摸清家底\n" +
		"　　“以前有事都不知道找谁。”居民老周说。\n" +
		"　　朱晓红坚持每周三天入户走访，她带着社工一户一户地敲门，把独居老人、困难家庭的情况都记在本子上。三年来，她走访居民5000多户次。\n" +
		"▌搭建平台 凝聚人心\n" +
		"　　她每月请居民代表到社区二楼坐下来，商量加装电梯、楼道改造这些大事小情。12件难事在这里有了结果。\n" +
		"▌培育队伍 服务邻里\n" +
		"　　朱晓红发动退休党员组成志愿服务队，开展助老陪诊、四点半课堂等活动，志愿者从最初的15人发展到200多人。\n" +
		"　　“社区的事就是自己家的事。”朱晓红说。\n" +
		"　　来源：幸福街道党工委\n" +
		"　　编辑：王芳\n"
	s := serviceOverText(t, "a.txt", post)
	as := askChat(t, s, "marked", "朱晓红是怎么做的？")
	wantIn(t, "怎么做的", as[0].Text, []string{"走访入户 摸清家底", "一户一户地敲门", "搭建平台 凝聚人心", "商量加装电梯", "培育队伍 服务邻里", "退休党员组成志愿服务队"}, []string{"老周", "编辑"})
	if a, b, c := strings.Index(as[0].Text, "走访入户"), strings.Index(as[0].Text, "搭建平台"), strings.Index(as[0].Text, "培育队伍"); a > b || b > c {
		t.Errorf("not in the article's order:\n%s", as[0].Text)
	}

	as = askChat(t, s, "marked-profile", "朱晓红有哪些做法？")
	wantIn(t, "有哪些做法", as[0].Text, []string{"走访入户 摸清家底：", "一户一户地敲门"}, nil)

	brackets := "书记说 | 孙燕：把服务做到居民心坎上\n" +
		"　　孙燕是和平里社区党委书记。\n" +
		"【一】建好“家门口”的服务站\n" +
		"　　社区以前没有像样的活动场地。孙燕到任后，把社区闲置的车库改造成便民服务站，理发、修鞋、缝补都能在这里办。\n" +
		"【二】让居民自己当家\n" +
		"　　她推动每栋楼选出楼长，楼里的事先由楼长召集居民商量。\n" +
		"【三】把困难群众放在心上\n" +
		"　　孙燕为辖区86户困难家庭建立了帮扶台账，逢年过节必上门。\n"
	s = serviceOverText(t, "b.txt", brackets)
	as = askChat(t, s, "brackets", "孙燕是怎么做的？")
	numbered := strings.NewReplacer("【一】", "01 ", "【二】", "02 ", "【三】", "03 ").Replace(brackets)
	s = serviceOverText(t, "c.txt", numbered)
	nas := askChat(t, s, "numbered", "孙燕是怎么做的？")
	wantIn(t, "怎么做的 01", nas[0].Text, []string{"让居民自己当家：", "选出楼长", "把困难群众放在心上：", "帮扶台账"}, []string{"01", "02"})
	wantIn(t, "怎么做的 【】", as[0].Text, []string{"建好“家门口”的服务站", "车库改造", "让居民自己当家", "选出楼长", "把困难群众放在心上", "帮扶台账"}, []string{"【"})
}
