package catalog

import (
	"strings"
	"testing"
)

// checkParts: the method is found with the steps want, each step's
// procedure holding the fragment has[i].
func checkParts(t *testing.T, c *Catalog, what, name string, want, has []string) {
	t.Helper()
	m, _, ok := c.FindMethod(name)
	if !ok {
		t.Errorf("%s: %s not found", what, name)
		return
	}
	if strings.Join(m.Steps, "、") != strings.Join(want, "、") {
		t.Errorf("%s: steps %q, want %q", what, m.Steps, want)
		return
	}
	if len(m.Procedure) != len(want) {
		t.Errorf("%s: procedure %v", what, m.Procedure)
		return
	}
	for i, p := range m.Procedure {
		var b strings.Builder
		for _, q := range p {
			b.WriteString(q.Text)
		}
		if !strings.Contains(b.String(), has[i]) {
			t.Errorf("%s: step %d (%s) procedure %q lacks %q", what, i+1, m.Steps[i], b.String(), has[i])
		}
		for j, h := range has {
			if j != i && strings.Contains(b.String(), h) {
				t.Errorf("%s: step %d (%s) holds step %d's %q", what, i+1, m.Steps[i], j+1, h)
			}
		}
	}
}

// TestStepsToldByTime: a method told over paragraphs by time, with no
// step names (事前…事中…事后, 會前…會中…會後, 开始时…过程中…结束后,
// 接到诉求后先…随后…办结后…, 事前摸排…事中调处…事后回访…): each time
// phrase (with the doing it names) is a step, its paragraph
// the step's procedure; a life told by time (刚到社区时…上任后…) is none.
func TestStepsToldByTime(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		file, name, text string
		want, has        []string
	}{
		{"before_after.txt", "三段式调解法",
			"“三段式调解法”化解邻里纠纷\n来源：区融媒体中心\n" +
				"　　东湖社区党委书记黄秀兰在社区工作了十六年。面对老旧小区邻里纠纷多的情况，她和社区干部摸索出了“三段式调解法”。\n" +
				"　　事前，网格员每天在楼栋里走一走，听到苗头就记下来。谁家装修、谁家漏水，社区心里都有本账，小摩擦在冒头时就先上门劝一劝。\n" +
				"　　事中，矛盾一旦闹到社区，黄秀兰请双方坐进调解室，再请楼长和老党员一起评理，能当场签协议的当场签。\n" +
				"　　事后，调解员在一周内回访双方，看协议落没落实，没落实的再调一次。\n" +
				"　　三年来，社区调解纠纷210起，调解成功率达到97%。\n",
			[]string{"事前", "事中", "事后"}, []string{"社区心里都有本账", "调解室", "一周内回访"}},
		{"meeting_hant.txt", "閉環議事法",
			"　　西園社區黨總支書記韓麗萍告訴記者，以前居民議事會常常議而不決。2023年起，社區推行“閉環議事法”。\n" +
				"　　會前，社區通過網格微信群和意見箱徵集議題，由黨員骨幹逐戶了解居民的想法，提前三天公示。\n" +
				"　　會中，居民代表、物業和共建單位圍坐一桌，每個議題限時討論，最後舉手表決。\n" +
				"　　會後，議定事項由專人跟進，辦理進度每週在公示欄更新，辦結後請居民代表驗收。\n" +
				"　　一年來，議事會議定事項56件，已辦結52件。\n",
			[]string{"会前", "会中", "会后"}, []string{"意見箱", "舉手表決", "公示欄"}},
		{"event.txt", "邻里节活动",
			"　　北关社区党委书记田淑芬介绍，社区每年开展“邻里节”活动，已经坚持了八年。\n" +
				"　　“邻里节”分三个阶段进行。开始时，社区发动楼长逐户发放邀请卡，请每户报一个拿手菜。楼长把报名情况汇总到社区。\n" +
				"　　活动过程中，居民在小区广场摆出百家宴，党员志愿者维持秩序、照看老人孩子。\n" +
				"　　活动结束后，社区把居民提出的意见和建议整理成册，交给下一年的筹备组参考。\n",
			[]string{"开始时", "活动过程中", "活动结束后"}, []string{"报名情况", "百家宴", "整理成册"}},
		{"named.txt", "全链条调解法",
			"　　东湖社区党委书记黄秀兰和社区干部摸索出了“全链条调解法”。\n" +
				"　　事前摸排，网格员每天在楼栋里走一走，听到苗头就记下来，小摩擦在冒头时就先上门劝一劝。\n" +
				"　　事中调处，矛盾一旦闹到社区，黄秀兰请双方坐进调解室，再请楼长和老党员一起评理。\n" +
				"　　事后回访，调解员在一周内回访双方，看协议落没落实，没落实的再调一次。\n",
			[]string{"事前摸排", "事中调处", "事后回访"}, []string{"听到苗头", "调解室", "一周内回访"}},
		{"chain.txt", "接诉即办工作法",
			"　　南苑社区党委书记陆红梅说，社区推行“接诉即办工作法”，让居民的诉求有人接、有人办、有回音。\n" +
				"　　接到诉求后，值班社工先在台账上登记，不能当场答复的两小时内分派给网格员。\n" +
				"　　随后，网格员带着诉求上门核实情况，联系物业或者职能部门一起处理。\n" +
				"　　办结后，社区在三天内电话回访居民，不满意的重新办理。\n" +
				"　　去年以来，社区共受理诉求1200多件。\n",
			[]string{"接到诉求后", "随后", "办结后"}, []string{"台账上登记", "上门核实", "电话回访"}},
	} {
		checkParts(t, buildFiles(t, map[string]string{c.file: c.text}), c.file, c.name, c.want, c.has)
	}
	// A life told by time, and stages the name does not count, are no steps.
	for _, c := range []struct{ file, name, text string }{
		{"career.txt", "楼院议事会",
			"　　向阳社区党委书记方玉兰推行“楼院议事会”，居民的事大家商量。\n" +
				"　　刚到社区时，她什么都不懂，跟着老社工一户一户地跑，把辖区的情况摸了个遍。\n" +
				"　　上任后，她把社区的账目一笔笔理清，贴在公示栏上请居民监督。\n" +
				"　　这些年，她先后被评为优秀社区工作者和优秀党务工作者。\n"},
		{"two_count.txt", "四段调解法",
			"　　东湖社区党委书记黄秀兰摸索出了“四段调解法”。\n" +
				"　　事前，网格员每天在楼栋里走一走，听到苗头就记下来，小摩擦在冒头时就先上门劝一劝。\n" +
				"　　事中，矛盾一旦闹到社区，黄秀兰请双方坐进调解室，再请楼长和老党员一起评理。\n" +
				"　　事后，调解员在一周内回访双方，看协议落没落实，没落实的再调一次。\n"},
	} {
		m, _, ok := buildFiles(t, map[string]string{c.file: c.text}).FindMethod(c.name)
		if !ok || len(m.Steps) != 0 {
			t.Errorf("%s: %s found %v, steps %q, want none", c.file, c.name, ok, m.Steps)
		}
	}
}

// TestComponentsToldLater: a name made of its components (一中心三平台,
// 两会一站, 党建+物业+志愿) whose components are told in later sections —
// under headings or bold labels, in any order — has each component as a
// part, its section's sentences its procedure.
func TestComponentsToldLater(t *testing.T) {
	t.Parallel()
	lead := "青松社区党委书记宋玉珍到任后，针对社区服务分散、居民找不到门的问题，打造了“%s”服务体系。\n\n" +
		"青松社区有居民5600多户，老年人占三成。宋玉珍说，服务体系的核心是把资源聚起来。\n\n"
	sec := map[string]string{
		"党群服务中心：一站式办事":  "社区把原来分散在三处的办事窗口集中到党群服务中心，居民办理23项业务只进一扇门。",
		"议事平台：大家的事大家商量": "每月10日社区召开议事会，居民代表和物业、业委会一起商量小区的公共事务。",
		"志愿平台：邻里互助":     "社区组建了8支志愿服务队，党员带头认领助老、助学等服务项目。",
		"信息平台：民情一网通":    "社区建立了民情微信群，网格员每天在群里收集居民诉求，当天分派、当天回复。",
	}
	sections := func(format string, heads ...string) string {
		var b strings.Builder
		for _, h := range heads {
			b.WriteString(strings.ReplaceAll(format, "H", h) + "\n\n" + sec[h] + "\n\n")
		}
		return b.String() + "如今，青松社区居民满意率达到96%。\n"
	}
	hub, talk, help, info := "党群服务中心：一站式办事", "议事平台：大家的事大家商量", "志愿平台：邻里互助", "信息平台：民情一网通"
	for _, c := range []struct {
		file, name, text string
		want, has        []string
	}{
		{"hub.md", "一中心三平台", "# 青松社区的服务体系\n\n" + strings.ReplaceAll(lead, "%s", "一中心三平台") + sections("## H", hub, talk, help, info),
			[]string{"党群服务中心", "议事平台", "志愿平台", "信息平台"}, []string{"一扇门", "每月10日", "8支志愿服务队", "民情微信群"}},
		{"platforms_first.txt", "一中心三平台", strings.ReplaceAll(lead, "%s", "一中心三平台") + sections("H", talk, help, info, hub),
			[]string{"议事平台", "志愿平台", "信息平台", "党群服务中心"}, []string{"每月10日", "8支志愿服务队", "民情微信群", "一扇门"}},
		{"plus.txt", "党群+议事+志愿", strings.ReplaceAll(lead, "%s", "党群+议事+志愿") + sections("H", hub, talk, help),
			[]string{"党群服务中心", "议事平台", "志愿平台"}, []string{"一扇门", "每月10日", "8支志愿服务队"}},
	} {
		checkParts(t, buildFiles(t, map[string]string{c.file: c.text}), c.file, c.name, c.want, c.has)
	}
	// Bold labels after the naming, another paragraph between.
	lists := "长河社区党委书记罗美华在社区工作十年，她推行的“三张清单”让为民服务有了抓手。\n" +
		"罗美华介绍，社区有居民4300户，以前服务“撒胡椒面”，效果不好。\n" +
		"**资源清单**。社区梳理辖区18家单位的场地、人才和资金，列出可用资源68项。\n" +
		"**需求清单**。网格员每月入户，把居民的急难愁盼登记下来，一户一档。\n" +
		"**项目清单**。社区党委把需求和资源对接起来，形成服务项目，由共建单位认领。\n" +
		"一年下来，三张清单对接项目46个。\n"
	checkParts(t, buildFiles(t, map[string]string{"lists.txt": lists}), "lists.txt", "三张清单",
		[]string{"资源清单", "需求清单", "项目清单"}, []string{"可用资源68项", "一户一档", "共建单位认领"})
	// Sections that do not add up to the components are none of them.
	for _, c := range []struct{ file, name, text string }{
		{"short.txt", "一中心三平台", strings.ReplaceAll(lead, "%s", "一中心三平台") + sections("H", hub, talk, help)},
		{"two_hubs.txt", "两中心两平台", strings.ReplaceAll(lead, "%s", "两中心两平台") + sections("H", hub, talk, help, info)},
	} {
		m, _, ok := buildFiles(t, map[string]string{c.file: c.text}).FindMethod(c.name)
		if ok && len(m.Steps) != 0 {
			t.Errorf("%s: %s has steps %q, want none", c.file, c.name, m.Steps)
		}
	}
}

// TestBoldLabelSteps: steps as bold paragraph labels (**摸清底数**。…,
// **摸清底数**：…, **摸清底数：**…) under a name counting them inside
// (民情三步法).
func TestBoldLabelSteps(t *testing.T) {
	t.Parallel()
	text := "　　清河社区党委书记马秀芬总结出“民情三步法”。\n" +
		"　　**摸清底数**。社区把辖区划成8个网格，网格员逐户登记，建立民情台账。\n" +
		"　　**精准服务**。根据台账，社区为困难家庭、独居老人提供上门服务。\n" +
		"　　**跟踪问效**。每季度回访一次，居民不满意的重新办理。\n" +
		"　　两年来，社区服务居民1.2万人次。\n"
	checkParts(t, buildFiles(t, map[string]string{"bold.txt": text}), "bold.txt", "民情三步法",
		[]string{"摸清底数", "精准服务", "跟踪问效"}, []string{"民情台账", "上门服务", "回访一次"})
	// The label's colon outside its marks or inside them.
	for file, colon := range map[string]string{"outside.txt": "**：", "inside.txt": "：**"} {
		t2 := strings.ReplaceAll(text, "**。", colon)
		checkParts(t, buildFiles(t, map[string]string{file: t2}), file, "民情三步法",
			[]string{"摸清底数", "精准服务", "跟踪问效"}, []string{"民情台账", "上门服务", "回访一次"})
	}
}

// TestComponentsLabelledOrBracketed: 两会一站's components told after a
// paragraph of setting, as colon labels (居民议事会：…) or under 【】
// headings in another order than the name's: the parts are its
// components, counted by them (two 会 and one 站), not by its first
// numeral.
func TestComponentsLabelledOrBracketed(t *testing.T) {
	t.Parallel()
	lead := "　　阳光社区党总支书记周雪梅探索出“两会一站”工作模式，居民从旁观者变成了参与者。\n" +
		"　　阳光社区是典型的老旧小区，没有物业，楼道堆物、停车难是居民最烦心的事。\n"
	talk := "每个小区选出7名议事代表，每月召开一次议事会，停车、堆物这些事由居民自己定规矩。"
	party := "社区每季度召开党员恳谈会，退休党员和在职党员面对面谈社区的难题，党员带头认领。"
	station := "社区在每个小区设立红色服务站，党员轮流值班，帮居民代收快递、修理家电。"
	labels := lead + "　　居民议事会：" + talk + "\n　　党员恳谈会：" + party + "\n　　红色服务站：" + station + "\n　　周雪梅说，居民的事就该由居民自己来商量。\n"
	checkParts(t, buildFiles(t, map[string]string{"labels.txt": labels}), "labels.txt", "两会一站",
		[]string{"居民议事会", "党员恳谈会", "红色服务站"}, []string{"7名议事代表", "面对面", "代收快递"})
	brackets := "“两会一站”让老旧小区焕新颜\n原创 阳光街道 2025-06-01\n" + lead +
		"【红色服务站：家门口的帮手】\n　　" + station + "\n【居民议事会：大家定规矩】\n　　" + talk + "\n【党员恳谈会：难题摆上桌】\n　　" + party + "\n　　编辑：陈晨\n"
	checkParts(t, buildFiles(t, map[string]string{"brackets.txt": brackets}), "brackets.txt", "两会一站",
		[]string{"红色服务站", "居民议事会", "党员恳谈会"}, []string{"代收快递", "7名议事代表", "面对面"})
	// Two labels where the components count three: none.
	short := lead + "　　居民议事会：" + talk + "\n　　党员恳谈会：" + party + "\n"
	if m, _, ok := buildFiles(t, map[string]string{"short.txt": short}).FindMethod("两会一站"); ok && len(m.Steps) != 0 {
		t.Errorf("short.txt: steps %q, want none", m.Steps)
	}
}

// TestCountedRuneInOneSentence: 一访…；二访…；三访… told at clauses, right
// after the naming in its sentence or in the sentences after it: each is
// a step, with its own clause (the first's from the naming sentence).
func TestCountedRuneInOneSentence(t *testing.T) {
	t.Parallel()
	for i, text := range []string{
		"　　桃源社区党委书记龚丽娟推行“三访工作法”，一访困难户，每月上门送去米面油；二访独居老人，每周打一次电话问平安；三访新迁居民，帮他们尽快融入社区。\n　　实施两年来，社区走访居民3000多户次。\n",
		"　　桃源社区党委书记龚丽娟推行“三访工作法”。她说，走访不能走过场。一访困难户，每月上门送去米面油；二访独居老人，每周打一次电话问平安；三访新迁居民，帮他们尽快融入社区。\n",
		"　　桃源社区党委书记龚丽娟推行“三访工作法”，一访困难户，每月上门送去米面油，二访独居老人，每周打一次电话问平安，三访新迁居民，帮他们尽快融入社区。\n",
	} {
		checkParts(t, buildFiles(t, map[string]string{"a.txt": text}), []string{"in the naming", "after the naming", "commas only"}[i], "三访工作法",
			[]string{"一访困难户", "二访独居老人", "三访新迁居民"}, []string{"米面油", "问平安", "融入社区"})
	}
}

// TestStagesInOneParagraph: the stages told one after another inside the
// naming's paragraph — after its colon (…“三段式调解法”：事前，…；事中，…；
// 事后，…) or in the sentences after it (推行“闭环议事法”。会前，…。会中，…。
// 会后，…) — or in one paragraph after it, are its steps too, each with
// its own sentence or clause.
func TestStagesInOneParagraph(t *testing.T) {
	t.Parallel()
	colon := "　　东湖社区党委书记黄秀兰和社区干部摸索出了“三段式调解法”：事前，网格员每天在楼栋里转，听到苗头先上门劝一劝；事中，矛盾闹到社区后，请双方坐进调解室，再请楼长一起评理；事后，调解员一周内回访双方，没落实的再调一次。\n　　三年来，社区调解纠纷210起。\n"
	checkParts(t, buildFiles(t, map[string]string{"colon.txt": colon}), "colon.txt", "三段式调解法",
		[]string{"事前", "事中", "事后"}, []string{"听到苗头", "调解室", "一周内回访"})
	after := "　　西园社区党总支书记韩丽萍推行“闭环议事法”。会前，社区通过网格微信群征集议题，提前三天公示。会中，居民代表、物业和共建单位围坐一桌，逐项讨论、举手表决。会后，议定事项由专人跟进，办结后请居民代表验收。\n　　一年来，议事会议定事项56件。\n"
	checkParts(t, buildFiles(t, map[string]string{"after.txt": after}), "after.txt", "闭环议事法",
		[]string{"会前", "会中", "会后"}, []string{"征集议题", "举手表决", "验收"})
	next := "　　南苑社区党委书记陆红梅说，社区推行“接诉即办工作法”，让居民的诉求有人接、有人办、有回音。\n" +
		"　　接到诉求后，值班社工先在台账上登记，不能当场答复的两小时内分派给网格员。随后，网格员带着诉求上门核实情况，联系物业一起处理。办结后，社区在三天内电话回访居民，不满意的重新办理。\n" +
		"　　去年以来，社区共受理诉求1200多件。\n"
	checkParts(t, buildFiles(t, map[string]string{"next.txt": next}), "next.txt", "接诉即办工作法",
		[]string{"接到诉求后", "随后", "办结后"}, []string{"台账上登记", "上门核实", "电话回访"})
}

// TestCountedOpeners: a numbered name's parts open the paragraphs after
// it, each clause holding its counted character (“三入工作法”：入户调解，
// 就是…/入理调解，是…/入心调解，是…) — its steps, not the adverbs of order
// (先…再…最后) inside those paragraphs' stories.
func TestCountedOpeners(t *testing.T) {
	t.Parallel()
	text := "　　怡园社区调解员、退休干部老魏提出了“三入工作法”，社区的邻里纠纷少了一大半。\n" +
		"　　入户调解，就是把调解桌搬到居民家里。楼上楼下为漏水吵了三年，老魏先上门看现场，再请物业修好管道。\n" +
		"　　入理调解，是把法律道理讲成家常话。老魏给双方算清了打官司的时间和花费，两家都松了口。\n" +
		"　　入心调解，是用真心换真心。老魏隔三岔五上门拉家常，最后两家人握手言和。\n"
	checkParts(t, buildFiles(t, map[string]string{"ru.txt": text}), "ru.txt", "三入工作法",
		[]string{"入户调解", "入理调解", "入心调解"}, []string{"修好管道", "打官司", "握手言和"})
}

// TestCountedNounHeadingsFarOn: “三张清单” told under three headings
// holding its noun (清单), unnumbered and several paragraphs after the
// naming, or as a table's rows under 名称 | 做法 as many as it counts.
func TestCountedNounHeadingsFarOn(t *testing.T) {
	t.Parallel()
	lead := "　　长河社区党委书记罗美华在社区工作十年，她推行的“三张清单”让为民服务有了抓手。\n" +
		"　　罗美华是土生土长的长河人。2014年，她从企业辞职回到社区，从网格员干起。\n" +
		"　　那几年，社区里的老旧小区多，居民的意见也多。她常说，服务不能“撒胡椒面”。\n" +
		"　　社区有居民4300户，其中60岁以上老人占四分之一。\n" +
		"　　社区的文艺队很有名，逢年过节都要演出。\n" +
		"　　她和社工一起挨家挨户走访，半年下来记满了六本民情日记。\n"
	far := lead + "【资源清单】\n　　社区梳理辖区18家单位的场地、人才和资金，列出可用资源68项。\n" +
		"【需求清单】\n　　网格员每月入户，把居民的急难愁盼登记下来，一户一档。\n" +
		"【项目清单】\n　　社区党委把需求和资源对接起来，形成服务项目，由共建单位认领。\n"
	want := []string{"资源清单", "需求清单", "项目清单"}
	checkParts(t, buildFiles(t, map[string]string{"far.txt": far}), "far.txt", "三张清单", want, []string{"可用资源68项", "一户一档", "共建单位认领"})
	table := "# 长河社区的“三张清单”\n\n长河社区党委书记罗美华推行“三张清单”，让为民服务有了抓手。\n\n" +
		"| 名称 | 做法 |\n|---|---|\n| 资源清单 | 梳理辖区18家单位的场地、人才和资金，列出可用资源68项 |\n" +
		"| 需求清单 | 网格员每月入户登记居民的急难愁盼，一户一档 |\n| 项目清单 | 把需求和资源对接成服务项目，由共建单位认领 |\n\n一年下来，三张清单对接项目46个。\n"
	checkParts(t, buildFiles(t, map[string]string{"table.md": table}), "table.md", "三张清单", want, []string{"可用资源68项", "一户一档", "共建单位认领"})
	// A 名称 column of another count is no list of its parts.
	two := strings.Replace(table, "| 项目清单 | 把需求和资源对接成服务项目，由共建单位认领 |\n", "", 1)
	if m, _, ok := buildFiles(t, map[string]string{"two.md": two}).FindMethod("三张清单"); ok && len(m.Steps) != 0 {
		t.Errorf("two.md: steps %q, want none", m.Steps)
	}
}

// TestBoldLabelsInHTML: a page's bold labels (<strong>摸清底数。</strong>)
// arrive as short sentences opening their paragraphs; of a name counting
// its steps (民情三步法) they are its steps even when not of one length.
func TestBoldLabelsInHTML(t *testing.T) {
	t.Parallel()
	page := "<html><head><meta charset=\"utf-8\"><title>清河社区“民情三步法”</title></head><body>\n" +
		"<h1>清河社区“民情三步法”</h1>\n<p>清河社区党委书记马秀芬总结出“民情三步法”。</p>\n" +
		"<p><strong>摸清底数。</strong>社区把辖区划成8个网格，网格员逐户登记，建立民情台账。</p>\n" +
		"<p><strong>精准服务到家。</strong>根据台账，社区为困难家庭、独居老人提供上门服务。</p>\n" +
		"<p><strong>跟踪问效。</strong>每季度回访一次，居民不满意的重新办理。</p>\n" +
		"<p>两年来，社区服务居民1.2万人次。</p>\n</body></html>\n"
	checkParts(t, buildFiles(t, map[string]string{"a.html": page}), "a.html", "民情三步法",
		[]string{"摸清底数", "精准服务到家", "跟踪问效"}, []string{"民情台账", "上门服务", "回访一次"})
	// Four labels where the name counts three: none.
	four := strings.Replace(page, "<p>两年来", "<p><strong>总结提升。</strong>每年底社区召开总结会，把好做法写进制度。</p>\n<p>两年来", 1)
	if m, _, ok := buildFiles(t, map[string]string{"b.html": four}).FindMethod("民情三步法"); ok && len(m.Steps) != 0 {
		t.Errorf("b.html: steps %q, want none", m.Steps)
	}
}

// TestListingNamingIsNoProcedure: a naming sentence that only lists the
// steps in parallel clauses (…“三个一样”工作法：对待居民像对待家人一样，
// 办居民的事像办自家的事一样，…) gives no step its clauses as procedure;
// one telling the first step's doing (…“三访工作法”，一访困难户，每月上门…；)
// gives it that clause, up to the next step.
func TestListingNamingIsNoProcedure(t *testing.T) {
	t.Parallel()
	text := "　　社区党委书记甲秀英推行“三个一样”工作法：对待居民像对待家人一样，办居民的事像办自家的事一样，守社区像守自己的家一样，赢得了居民的信任。\n" +
		"　　社区有一位独居老人患病多年，甲秀英每周上门看望，帮她联系医院。\n"
	m, _, ok := buildFiles(t, map[string]string{"a.txt": text}).FindMethod("三个一样工作法")
	if !ok || len(m.Steps) != 3 {
		t.Fatalf("found %v steps %q", ok, m.Steps)
	}
	for i, p := range m.Procedure {
		for _, q := range p {
			if strings.Contains(q.Text, "一样，") {
				t.Errorf("step %d holds the list: %q", i+1, q.Text)
			}
		}
	}
}

// TestComponentsOpeningParagraphs: “党建+物业+志愿”治理模式 whose parts
// open the paragraphs after a paragraph of setting, in another order
// (物业兜底，… / 党建引领，… / 志愿补位，…): each is a part, with its
// paragraph; openers that miss a part are none.
func TestComponentsOpeningParagraphs(t *testing.T) {
	t.Parallel()
	text := "　　春晖社区党委书记孔令芳探索出“党建+物业+志愿”治理模式，老旧小区旧貌换新颜。\n" +
		"　　春晖社区建于上世纪80年代，没有物业，楼道里堆满杂物。\n" +
		"　　物业兜底，社区引进了一家红色物业企业，收费每月每平方米5角，保洁、绿化有人管。\n" +
		"　　党建引领，社区把党小组建在楼栋，党员亮身份、认楼栋，带头清理楼道杂物。\n" +
		"　　志愿补位，退休党员组成了12支志愿服务队，帮物业管不到的角落查漏补缺。\n" +
		"　　孔令芳说，三股力量拧成一股绳，小区的事才办得好。\n"
	checkParts(t, buildFiles(t, map[string]string{"plus.txt": text}), "plus.txt", "党建+物业+志愿",
		[]string{"物业兜底", "党建引领", "志愿补位"}, []string{"每平方米5角", "党小组建在楼栋", "12支志愿服务队"})
	miss := strings.Replace(text, "志愿补位，退休党员", "老人补位，退休党员", 1)
	if m, _, ok := buildFiles(t, map[string]string{"miss.txt": miss}).FindMethod("党建+物业+志愿"); ok && len(m.Steps) != 0 {
		t.Errorf("miss.txt: steps %q, want none", m.Steps)
	}
}

// TestStagesUnderHeadings: stages told under headings naming their time
// (▌会前：充分征集议题 / ▌会中：… / ▌会后：…), each heading's paragraph its
// procedure.
func TestStagesUnderHeadings(t *testing.T) {
	t.Parallel()
	text := "西园社区：议事会开出实效\n" +
		"　　西园社区党总支书记韩丽萍告诉记者，以前居民议事会常常“议而不决”。2023年起，社区推行“闭环议事法”。\n" +
		"▌会前：充分征集议题\n　　社区通过网格微信群和意见箱征集议题，由党员骨干逐户了解居民的想法，提前三天公示。\n" +
		"▌会中：民主协商表决\n　　居民代表、物业和共建单位围坐一桌，每个议题限时讨论，最后举手表决。\n" +
		"▌会后：跟踪督办落实\n　　议定事项由专人跟进，办理进度每周在公示栏更新，办结后请居民代表验收。\n" +
		"　　编辑：王芳\n"
	checkParts(t, buildFiles(t, map[string]string{"heads.txt": text}), "heads.txt", "闭环议事法",
		[]string{"会前", "会中", "会后"}, []string{"意见箱", "举手表决", "公示栏"})
}
