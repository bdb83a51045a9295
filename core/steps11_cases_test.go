package core

import "testing"

// Methods told in the shapes of failure reports: a name counting parts of
// two kinds (三联一访), and steps named at once, carried out paragraphs
// later under their own words (在X方面，… / 针对X，…). Each article is
// written for the test in the genre's words.

// TestThreePlusOneAnswered: 三联一访 has two parts, 三联 and 一访, each
// with its own paragraph; "一访是怎么做的" is the 一访's paragraph alone, and
// "是什么" names both parts.
func TestThreePlusOneAnswered(t *testing.T) {
	text := "“三联一访”让老旧小区暖起来\n2025-05-08 来源：市委组织部\n" +
		"　　春晖社区党委书记杜秀英在社区干了十二年。社区老旧楼院多、困难群众多，她带着社区“两委”摸索出“三联一访”工作法。\n" +
		"　　“三联”即党员联户、楼长联楼、单位联社区。社区把286名党员编成32个小组，每名党员联系10户居民；每个楼院选出一名楼长，负责收集楼里的大事小情；17家驻区单位与社区签订共建协议，每年为居民办5件实事。\n" +
		"　　“一访”即每月一访。每月最后一个周六，社区干部和网格员带着民情日记走访困难家庭和独居老人，问冷暖、送服务，记下的问题一周内答复。\n" +
		"　　两年来，社区累计走访群众4800多户次，解决实际问题320多件。\n"
	s := serviceOverText(t, "a.txt", text)
	as := askChat(t, s, "3+1", "三联一访工作法具体有哪几步？", "一访是怎么做的？")
	wantIn(t, "steps", as[0].Text, []string{"共2步", "党员联户", "286名党员", "民情日记"}, []string{"共3步", "共4步"})
	wantIn(t, "一访", as[1].Text, []string{"民情日记"}, []string{"286名党员"})
	as = askChat(t, s, "3+1 what", "三联一访工作法是什么？")
	wantIn(t, "what", as[0].Text, []string{"党员联户", "民情日记"}, nil)

	// The 三联 listed in the naming sentence, the 一访 told after the list:
	// still a part of its own, with its paragraph.
	inline := "　　春晖社区党委书记杜秀英推行“三联一访”工作法，党员联户、楼长联楼、单位联社区，每月再走访一次困难家庭。\n" +
		"　　社区把286名党员编成32个小组，每名党员联系10户居民。每个楼院选出一名楼长，负责收集楼里的大事小情。\n" +
		"　　每月最后一个周六，社区干部带着民情日记走访困难家庭和独居老人。\n" +
		"　　两年来，社区累计走访群众4800多户次。\n"
	s = serviceOverText(t, "b.txt", inline)
	as = askChat(t, s, "3+1 inline", "三联一访工作法具体有哪几步？", "一访呢？")
	wantIn(t, "inline steps", as[0].Text, []string{"“三联”（党员联户、楼长联楼、单位联社区）和“一访”", "286名党员", "民情日记"}, []string{"共3步", "共4步"})
	wantIn(t, "inline 一访", as[1].Text, []string{"民情日记"}, []string{"286名党员"})
}

// TestStepsCarriedOutLaterAnswered: the steps' paragraphs after a paragraph
// of setting are the steps answer, and 第二步 is its own paragraph — not
// the setting, not "文中没有单独展开".
func TestStepsCarriedOutLaterAnswered(t *testing.T) {
	text := "老旧小区里的“三个注重”\n来源：区融媒体中心\n" +
		"　　幸福里社区党委书记孙丽华在老旧小区治理中坚持“三个注重”：注重摸清民意、注重议事协商、注重跟踪问效。\n" +
		"　　幸福里社区建成于上世纪80年代，没有物业，居民以退休职工为主。\n" +
		"　　在摸清民意方面，社区干部分片包干，每季度把辖区1800户走访一遍，建立民情台账。\n" +
		"　　针对议事协商，社区每月召开一次楼院议事会，请居民代表、老党员一起商量楼道照明、车棚改造等事项。\n" +
		"　　在跟踪问效方面，议定的事项办完后，社区请居民代表打分，不满意的重新办。\n" +
		"　　去年，社区办结民生实事58件。\n"
	s := serviceOverText(t, "a.txt", text)
	as := askChat(t, s, "scatter", "三个注重具体怎么做？", "第二步呢？")
	wantIn(t, "steps", as[0].Text, []string{"民情台账", "楼院议事会", "居民代表打分"}, []string{"上世纪80年代"})
	wantIn(t, "第二步", as[1].Text, []string{"楼院议事会"}, []string{"民情台账", "没有单独展开"})
}

// TestTeachingCaseAnswered: a street secretary's teaching case, its parts
// headed （一）X：… over paragraphs, asked colloquially (具体咋弄的, 分几步走的
// naming only her): every part with its own paragraphs, each label once.
func TestTeachingCaseAnswered(t *testing.T) {
	text := "城市街道党建引领基层治理教学案例\n——以青山街道“三联共治”工作法为例\n" +
		"　　【案例摘要】青山街道党工委书记钱卫东到任后，面对辖区老旧小区多、物业缺位的局面，探索形成“三联共治”工作法。\n" +
		"　　一、案例背景\n" +
		"　　青山街道有8个社区、居民2.3万户，其中老旧小区占六成。\n" +
		"　　二、主要做法\n" +
		"　　（一）组织联建：把党组织建在小区上。街道在每个小区成立党支部，全街道共建立小区党支部36个。\n" +
		"　　钱卫东要求每名社区干部包联一个小区，每周至少去两次。\n" +
		"　　（二）资源联用：让驻区单位动起来。街道梳理出辖区42家单位的场地和人才资源，列成资源清单。\n" +
		"　　去年，驻区单位为居民开放停车位300多个。\n" +
		"　　（三）服务联办：居民的事一起办。街道每月开展一次集中服务日，理发、维修送到小区门口。\n" +
		"　　对行动不便的老人，网格员上门代办证照。\n" +
		"　　三、成效与启示\n" +
		"　　两年来，青山街道居民满意度从78%提高到95%。\n"
	s := serviceOverText(t, "case.txt", text)
	want := []string{"包联一个小区", "资源清单", "上门代办证照"}
	for _, q := range []string{"三联共治工作法具体咋弄的？", "钱卫东分几步走的？"} {
		as := askChat(t, s, q, q)
		wantIn(t, q, as[0].Text, want, []string{"组织联建：组织联建", "资料中没有"})
	}
}

// TestWhyThisStepAndItsCase: after a step, "为什么要这一步" tells what the
// article says it is for (its heading's subtitle, the problem the method
// answers), not the steps again; "第二步有什么用" of a step whose purpose
// the article does not state says so and tells how it is done; "举个例子"
// is the case told under the steps, far from the method's name.
func TestWhyThisStepAndItsCase(t *testing.T) {
	text := "城市街道党建引领基层治理教学案例\n——以青山街道“三联共治”工作法为例\n" +
		"　　【案例摘要】青山街道党工委书记钱卫东到任后，面对辖区老旧小区多、物业缺位的局面，探索形成“三联共治”工作法。\n" +
		"　　一、案例背景\n" +
		"　　青山街道有8个社区、居民2.3万户，其中老旧小区占六成。\n" +
		"　　二、主要做法\n" +
		"　　（一）组织联建：把党组织建在小区上。街道在每个小区成立党支部，全街道共建立小区党支部36个。\n" +
		"　　钱卫东要求每名社区干部包联一个小区，每周至少去两次。\n" +
		"　　（二）资源联用：让驻区单位动起来。街道梳理出辖区42家单位的场地和人才资源，列成资源清单。\n" +
		"　　去年，驻区单位为居民开放停车位300多个。\n" +
		"　　（三）服务联办：居民的事一起办。街道每月开展一次集中服务日，理发、维修送到小区门口。\n" +
		"　　三、成效与启示\n" +
		"　　两年来，青山街道居民满意度从78%提高到95%。\n"
	s := serviceOverText(t, "case.txt", text)
	as := askChat(t, s, "why", "资源联用是怎么做的？", "为什么要这一步？")
	wantIn(t, "why", as[1].Text, []string{"让驻区单位动起来", "物业缺位"}, []string{"共3步", "包联一个小区"})

	scatter := "老旧小区里的“三个注重”\n来源：区融媒体中心\n" +
		"　　幸福里社区党委书记孙丽华在老旧小区治理中坚持“三个注重”：注重摸清民意、注重议事协商、注重跟踪问效。\n" +
		"　　幸福里社区建成于上世纪80年代，没有物业，居民以退休职工为主。\n" +
		"　　在摸清民意方面，社区干部分片包干，每季度把辖区1800户走访一遍，建立民情台账。台账每月更新一次。困难户的情况标成红色。独居老人的情况标成黄色。网格员每周看一次台账。\n" +
		"　　针对议事协商，社区每月召开一次楼院议事会，请居民代表、老党员一起商量楼道照明、车棚改造等事项。去年夏天3号楼车棚漏雨，议事会上大家商量出每户出20元、社区补一半的办法，一个月就修好了。\n" +
		"　　在跟踪问效方面，议定的事项办完后，社区请居民代表打分，不满意的重新办。\n" +
		"　　“现在有事大家商量着办，心里舒坦。”居民王大爷说。\n"
	s = serviceOverText(t, "b.txt", scatter)
	as = askChat(t, s, "use", "三个注重的第二步有什么用？")
	wantIn(t, "第二步有什么用", as[0].Text, []string{"没有直接说明", "楼院议事会"}, []string{"民情台账"})
	as = askChat(t, s, "example", "三个注重具体怎么做？", "举个例子")
	wantIn(t, "example", as[1].Text, []string{"车棚漏雨"}, []string{"王大爷"})
}

// TestStepsGivenAsTableAnswered: a government page tells the method only
// as a table under a heading naming it (环节 | 做法, one-character steps),
// or as cells carrying their own labels (步骤：第一步 | 内容：听。…): each
// step is shown with its own row, the first included, and 第三步 is its
// row — not the first row's, not the heading only.
func TestStepsGivenAsTableAnswered(t *testing.T) {
	page := "<html><head><title>金桥社区“四步议事法”操作流程_区人民政府</title></head><body>" +
		"<div class=\"crumb\">首页 > 政务公开 > 基层治理</div>" +
		"<h1>金桥社区“四步议事法”操作流程</h1><div class=\"info\">发布时间：2024-11-20 来源：民政局</div>" +
		"<p>　　金桥社区党委书记罗晓红带领社区“两委”，推动居民的事居民议。</p>" +
		"<h3>“四步议事法”</h3>" +
		"<table><tr><th>环节</th><th>做法</th></tr>" +
		"<tr><td>提</td><td>网格员每周入户收集居民诉求，汇总后形成议题清单。</td></tr>" +
		"<tr><td>审</td><td>社区党委每月召开会议，从清单中确定需要议事的议题。</td></tr>" +
		"<tr><td>议</td><td>召开居民议事会，居民代表、物业、业委会共同商量解决方案。</td></tr>" +
		"<tr><td>办</td><td>议定事项明确责任人和时限，由党员志愿者监督落实，办结后公示。</td></tr></table>" +
		"<p>　　今年以来，社区通过议事会解决停车难、加装电梯等问题46件。</p>" +
		"<div class=\"foot\">主办：区人民政府办公室 ICP备12345678号</div></body></html>"
	s := serviceOverText(t, "a.html", page)
	as := askChat(t, s, "table", "四步议事法的步骤是什么？")
	wantIn(t, "table steps", as[0].Text, []string{"议题清单", "社区党委每月召开会议", "居民议事会", "办结后公示"}, nil)
	as = askChat(t, s, "table3", "四步议事法的第三步是什么？")
	wantIn(t, "第三步", as[0].Text, []string{"居民议事会"}, []string{"议题清单", "没有单独展开"})

	cells := "<html><head><title>“三步走”调解法-区司法局</title></head><body>" +
		"<h1>“三步走”调解法</h1><div class=\"info\">发布时间：2024-06-02</div>" +
		"<p>　　东风社区党支部书记赵海燕总结出“三步走”调解法。</p>" +
		"<table><tr><td>步骤：第一步</td><td>内容：听。调解员先听双方把话说完，不打断、不评判。</td></tr>" +
		"<tr><td>步骤：第二步</td><td>内容：查。调解员到现场查看，找楼长和邻居了解情况。</td></tr>" +
		"<tr><td>步骤：第三步</td><td>内容：调。请老党员一起评理，当场签协议。</td></tr></table>" +
		"<p>　　去年社区调解纠纷87起。</p></body></html>"
	s = serviceOverText(t, "b.html", cells)
	as = askChat(t, s, "cells", "三步走调解法怎么做？")
	wantIn(t, "cells how", as[0].Text, []string{"不打断", "到现场查看", "当场签协议"}, []string{"内容:听"})
}
