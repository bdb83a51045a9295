package core

import (
	"context"
	"strings"
	"testing"
)

// Steps told the ways speeches, reports and interviews tell them, and
// the follow-ups on them (第二步, 具体说说第三条, 黄色户呢, 会变吗). Each
// article is written for the test in the genre's words.

// askChat asks the questions in order in one chat and returns the answers.
func askChat(t *testing.T, s *Service, chat string, qs ...string) []*Answer {
	t.Helper()
	var out []*Answer
	for _, q := range qs {
		ans, err := s.Ask(context.Background(), chat, q)
		if err != nil {
			t.Fatal(err)
		}
		checkMarkers(t, ans)
		out = append(out, ans)
	}
	return out
}

// wantIn checks that text holds every want and none of not.
func wantIn(t *testing.T, what, text string, want, not []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%s: want %q:\n%s", what, w, text)
		}
	}
	for _, n := range not {
		if strings.Contains(text, n) {
			t.Errorf("%s: %q does not belong:\n%s", what, n, text)
		}
	}
}

// TestStepsToldAsOrderedParagraphs: a speech's paragraphs 首先是“摸”。…
// 其次是“议”。… 再次是“办”。… 最后是“评”。… each carry out one step;
// the steps answer gives every one, and 第二步 / 具体说说第三条 give that
// step's paragraph alone.
func TestStepsToldAsOrderedParagraphs(t *testing.T) {
	text := "在全区城市基层党建工作推进会上的交流发言\n" +
		"发布时间：2025-03-18 来源：区委组织部 字号：大 中 小\n" +
		"　　新华里社区党委书记冯晓燕在会上作交流发言。\n" +
		"　　新华里社区是一个老旧小区集中的社区，居民3100多户。这两年，我们摸索出了“四步走”工作法，下面我简要汇报。\n" +
		"　　首先是“摸”。我们把社区划成12个网格，网格员每周入户一次，把每户的人口、困难和诉求记进民情台账。\n" +
		"　　其次是“议”。每月第一个周五召开居民议事会，台账上的问题由居民代表、物业和共建单位一起商量。\n" +
		"　　再次是“办”。议定的事项列入任务清单，明确责任人和完成时限，小事三天办结，大事一月见效。\n" +
		"　　最后是“评”。每季度请居民代表对办理结果打分，满意率低于九成的事项重新办理。\n" +
		"　　通过“四步走”，去年社区共解决居民急难愁盼问题136件。\n" +
		"　　谢谢大家！\n"
	s := serviceOverText(t, "a.txt", text)
	as := askChat(t, s, "ordered", "四步走工作法具体怎么做？", "第二步呢？", "具体说说第三条")
	wantIn(t, "steps", as[0].Text, []string{"12个网格", "居民议事会", "任务清单", "打分"}, nil)
	if strings.HasPrefix(as[0].Text, "的") {
		t.Errorf("the lead names no one and opens with 的:\n%s", as[0].Text)
	}
	wantIn(t, "第二步", as[1].Text, []string{"居民议事会"}, []string{"12个网格", "任务清单"})
	wantIn(t, "第三条", as[2].Text, []string{"任务清单"}, []string{"居民议事会", "打分"})
}

// TestStepsToldAsOrderedParagraphsTraditional: 首先是…其次是…第三是…
// with no 最后, in Traditional, as many as the name counts.
func TestStepsToldAsOrderedParagraphsTraditional(t *testing.T) {
	text := "河西社區“三步議事法”讓小事不出樓院\n" +
		"2024-09-27 16:05  來源：區融媒體中心  【字體：大 中 小】\n" +
		"　　河西社區黨委書記何桂芳在述職會上介紹，社區老樓多、沒有物業，去年以來，社區推行“三步議事法”。\n" +
		"　　首先是“提事”。每個樓院設一名議事員，居民有什麼難處先跟議事員說，議事員每週五把事項報到社區。\n" +
		"　　其次是“議事”。社區每月中旬組織樓院居民、共建單位和社區民警坐在一起，對事項逐條商量。\n" +
		"　　第三是“辦事”。商量定了的事，能由居民自己辦的發動居民辦，辦理結果在樓院公示欄張貼。\n" +
		"　　一年來樓院議定事項78件，辦結75件。\n"
	s := serviceOverText(t, "a.txt", text)
	as := askChat(t, s, "ordered-t", "三步議事法每一步怎麼做？", "第三步呢？")
	wantIn(t, "steps", as[0].Text, []string{"每週五", "每月中旬", "公示欄"}, nil)
	wantIn(t, "第三步", as[1].Text, []string{"公示欄"}, []string{"每週五"})
}

// TestStepsStuckToTheDoingInAnAnswer: an interview's answer tells the
// steps with ordinals stuck to the doing, in one sentence of clauses
// (第一步摸清底数，…；第二步建群议事，…；第三步签约落地，… / 一来…；二来…；
// 三来…): each step is its own clause, and a step asked is that clause,
// not the whole answer.
func TestStepsStuckToTheDoingInAnAnswer(t *testing.T) {
	elevator := "专访｜柳岸社区党支部书记蒋玉梅：老小区加装电梯，难在“人心齐”\n" +
		"2025-05-09 10:30:21 来源：城市晚报\n" +
		"　　柳岸社区是上世纪90年代建成的老小区，26栋楼没有一部电梯。记者就此专访了社区党支部书记蒋玉梅。\n" +
		"　　记者：你们是怎么做的？\n" +
		"　　蒋玉梅：我们琢磨出一套“加梯三步法”。第一步摸清底数，网格员挨家挨户问，把愿意装、不愿意装的住户都列出来；第二步建群议事，每栋楼建一个微信群，请设计单位进群答疑；第三步签约落地，意见统一了再请全体住户签字，社区帮着跑审批。\n" +
		"　　记者：费用怎么分摊？\n" +
		"　　蒋玉梅：按楼层梯度分摊，一楼不出钱。\n"
	s := serviceOverText(t, "a.txt", elevator)
	as := askChat(t, s, "stuck", "加梯三步法是怎么做的？", "第二步具体说说")
	wantIn(t, "steps", as[0].Text, []string{"挨家挨户", "微信群", "跑审批"}, nil)
	if strings.Count(as[0].Text, "挨家挨户") != 1 {
		t.Errorf("a clause shown twice:\n%s", as[0].Text)
	}
	wantIn(t, "第二步", as[1].Text, []string{"微信群"}, []string{"挨家挨户", "跑审批"})

	grid := "Q&A | 社区书记谈“网格连心法”\n" +
		"发布时间：2025-02-14 来源：某市党建网\n" +
		"　　青石社区是城中村改造后的回迁社区。社区党委书记邱桂兰推行的“网格连心法”，让居民有事找得到人。\n" +
		"　　Q：“网格连心法”主要靠什么？\n" +
		"　　A：说起来不复杂，一来网格员天天在网格里转，谁家有事第一时间知道；二来每个网格配一名党员中心户，居民有话先跟他说；三来网格里的事周周碰头，能在网格解决的不上交社区。\n" +
		"　　Q：网格员忙得过来吗？\n" +
		"　　A：一个网格也就两百来户，跑熟了就不难。\n"
	s = serviceOverText(t, "b.txt", grid)
	as = askChat(t, s, "yilai", "网格连心法具体有哪几步？", "第三点呢？")
	wantIn(t, "steps", as[0].Text, []string{"1. ", "2. ", "3. ", "第一时间知道", "党员中心户", "周周碰头"}, nil)
	wantIn(t, "第三点", as[1].Text, []string{"周周碰头"}, []string{"第一时间知道", "党员中心户"})
}

// TestClassesAskedOneByOne: a classification method's classes (重点户：…；
// 关注户：…；普通户：… / 对红色户，…) are its items; how often one kind
// is visited is that item's own clause, "黄色户呢" the next item, and
// "会变吗" the sentence that re-sorts them — not the previous answer again.
func TestClassesAskedOneByOne(t *testing.T) {
	visits := "光明社区：走访分类 服务到“点”\n" +
		"2025-06-03 08:41:16 来源：县融媒体中心 作者：通讯员 刘洋\n" +
		"　　光明社区党支部书记陶春燕在工作中总结出“分类走访”工作法，把辖区居民分为重点户、关注户和普通户。\n" +
		"　　重点户：包括低保户、残疾人家庭，社区干部每半月走访一次，做到情况清、困难明；关注户：包括独居老人和留守儿童家庭，网格员每月走访一次；普通户：其他居民家庭，每季度走访一次，以征求意见为主。\n" +
		"　　走访名单每半年调整一次，家庭情况发生变化的随时调整类别。\n" +
		"　　陶春燕说，分类走访让有限的人手用在了最需要的地方。\n"
	s := serviceOverText(t, "a.txt", visits)
	as := askChat(t, s, "classes", "分类走访工作法是怎么做的？", "关注户多久走访一次？", "会变吗？", "普通户呢？")
	wantIn(t, "classes", as[0].Text, []string{"每半月走访一次", "网格员每月走访一次", "每季度走访一次"}, nil)
	wantIn(t, "关注户", as[1].Text, []string{"网格员每月走访一次"}, []string{"每半月", "每季度"})
	wantIn(t, "会变吗", as[2].Text, []string{"随时调整类别"}, []string{"网格员每月走访一次"})
	wantIn(t, "普通户呢", as[3].Text, []string{"每季度走访一次"}, []string{"每半月", "随时调整"})
	as = askChat(t, s, "each-kind", "分类走访工作法是怎么做的？", "每类户多久走访一次？")
	wantIn(t, "每类户 after the items", as[1].Text, []string{"每半月走访一次", "网格员每月走访一次", "每季度走访一次"}, []string{"未展开"})
	as = askChat(t, s, "how-many-kinds", "分类走访工作法分几类？")
	wantIn(t, "分几类", as[0].Text, []string{"分为3类", "每半月走访一次", "每季度走访一次"}, []string{"没有提到"})

	colours := "石桥社区“分色管理”让关爱不漏一户\n" +
		"　　石桥社区党总支书记史玉梅介绍，社区有困难家庭和独居老人两百多户。2024年起，社区实行“分色管理”，把这些家庭分成三类，挂图上墙。\n" +
		"　　对红色户，也就是失能独居和重病家庭，包户干部每天上门一次；对黄色户，也就是空巢和残疾人家庭，网格员每周走访一次；对绿色户，也就是基本能自理的家庭，每月电话问候一次。\n" +
		"　　每到季度末，社区根据走访记录重新评定颜色，情况好转的降为黄色或绿色，情况变差的及时升为红色。\n" +
		"　　史玉梅说：“颜色是活的，跟着人的情况走。”\n"
	s = serviceOverText(t, "b.txt", colours)
	as = askChat(t, s, "colours", "分色管理具体怎么分？", "黄色户呢？", "会一直是红色户吗？")
	wantIn(t, "colours", as[0].Text, []string{"每天上门一次", "每周走访一次", "每月电话问候一次"}, nil)
	wantIn(t, "黄色户呢", as[1].Text, []string{"每周走访一次"}, []string{"每天上门", "第二步"})
	wantIn(t, "一直是红色户", as[2].Text, []string{"重新评定颜色"}, []string{"每天上门一次"})
	if as[2].Text == as[1].Text || as[2].Text == as[0].Text {
		t.Errorf("会一直是红色户吗 repeats an answer:\n%s", as[2].Text)
	}
	as = askChat(t, s, "each", "分色管理中各类户分别多久走访一次？")
	wantIn(t, "各类户分别", as[0].Text, []string{"每天上门一次", "每周走访一次", "每月电话问候一次"}, []string{"重新评定颜色"})
}

// TestPracticesUnderQuestionHeadings: practices told under a question
// standing as a heading ("居民的事怎样才能有人管？") and counted or devised
// (第一个办法是办“…”, 第二招是建“…”, 想了个土办法：给…挂了一块“…”, 另一个办
// 法是“…”): how she did it is the section, the first practice too; each
// is a way of its own in her summary and when asked, not told with the
// one beside it.
func TestPracticesUnderQuestionHeadings(t *testing.T) {
	text := "院里的“笨办法”\n" +
		"——记榆树湾社区党支部书记卢桂香\n" +
		"2024-12-02 08:15 来源：市委组织部网站 编辑：韩冰\n" +
		"　　榆树湾社区是上世纪80年代的单位老宿舍区，没有物业，老人多、租户多。2018年，卢桂香当选社区党支部书记。\n" +
		"　　院里的难事谁来张罗？\n" +
		"　　卢桂香琢磨了好几个办法。第一个办法是办“院坝茶话”，每个院子推选一名院长，每半个月把住户请到院坝里喝茶聊天，晾衣、停车这些事当场商量。第二招是建“邻里帮帮队”，把院里的退休职工组织起来，换灯泡、通下水随叫随到。第三招是设“周六接待日”，每周六上午社区干部在院门口摆桌子，上班的租户也能来反映问题。\n" +
		"　　独居老人怎么照应？\n" +
		"　　她又想了个土办法：给每位独居老人的门上挂了一块“报平安卡”，老人早上起来把卡片翻到笑脸一面，楼长路过一看就知道老人平安。另一个办法是“一键呼”，社区为独居老人装了一键呼叫器，按一下就能叫到楼长。\n" +
		"　　“卢书记的办法土，可管用。”居民们说。几年下来，院里的投诉少了一大半。\n"
	s := serviceOverText(t, "a.txt", text)
	as := askChat(t, s, "heading", "卢桂香是怎么让院里的难事有人张罗的？")
	wantIn(t, "how", as[0].Text, []string{"院坝里喝茶聊天", "随叫随到", "摆桌子"}, []string{"独居老人怎么照应"})
	as = askChat(t, s, "heading-old", "卢桂香是怎么照应独居老人的？")
	wantIn(t, "how (old people)", as[0].Text, []string{"笑脸一面", "一键呼叫器"}, []string{"居民们说"})
	as = askChat(t, s, "heading-card", "报平安卡是怎么用的？")
	wantIn(t, "报平安卡", as[0].Text, []string{"笑脸一面"}, []string{"一键呼叫器"})
	as = askChat(t, s, "heading-sum", "总结一下卢桂香的工作方法")
	wantIn(t, "summary", as[0].Text, []string{"院坝茶话", "邻里帮帮队", "周六接待日", "报平安卡", "一键呼"}, nil)
	if strings.Contains(as[0].Text, "怎么做：第三招") {
		t.Errorf("the third practice told as how the second is done:\n%s", as[0].Text)
	}
}

// TestSpeechPartsWithoutAName: a speech's 首先是“建班子”。… 其次是“立规矩”。…
// 最后是“找资金”。… with no method's name: her summary tells each part
// under its own label, the last one too.
func TestSpeechPartsWithoutAName(t *testing.T) {
	text := "在全市社区治理工作会议上的发言\n" +
		"发言人：金沙社区党委书记 蔡玉兰\n" +
		"　　各位领导、同志们：\n" +
		"　　我是金沙社区党委书记蔡玉兰。金沙社区是“三无”老旧小区集中的社区，没有物业、没有主管单位、没有业委会。这几年，我们主要做了三件事。\n" +
		"　　首先是“建班子”。我们在每个小区成立临时党支部，推选退休党员当支部书记，小区的事有人牵头。\n" +
		"　　其次是“立规矩”。每个小区召开居民大会，商定停车、养犬、垃圾投放等公约，贴在楼道口。\n" +
		"　　最后是“找资金”。社区争取老旧小区改造资金1200万元，小区道路和雨污管网全部换新。\n" +
		"　　谢谢大家。\n"
	s := serviceOverText(t, "a.txt", text)
	as := askChat(t, s, "parts", "总结一下蔡玉兰的工作方法")
	wantIn(t, "summary", as[0].Text, []string{"“建班子”：", "“立规矩”：", "“找资金”：", "临时党支部", "居民大会", "雨污管网"}, []string{"是“建班子”"})
}

// TestLevelsByColourAlone: levels named by their colour alone (紅色代表…；
// 黃色代表…；綠色代表…, Traditional, 「」 quotes) are the items; "黄色呢"
// is one, "等级会变吗" the sentence re-sorting them.
func TestLevelsByColourAlone(t *testing.T) {
	text := "楊柳社區「三色預警」守護獨居老人\n" +
		"2025-03-12 來源：市政府網站\n" +
		"　　楊柳社區黨委書記鄭秀琴在社區工作了十二年。社區推出「三色預警」，把轄區獨居老人分為三個等級。\n" +
		"　　紅色代表高風險，指失能或患重病的老人，網格員每天上門一次；黃色代表中風險，指高齡體弱的老人，每週電話問候兩次；綠色代表低風險，指身體健康的老人，每月走訪一次。\n" +
		"　　老人的等級每半年複核一次，身體好轉的可以降級。\n"
	s := serviceOverText(t, "a.txt", text)
	as := askChat(t, s, "colour", "三色预警是怎么做的？", "黄色呢？", "等级会变吗？")
	wantIn(t, "levels", as[0].Text, []string{"1. ", "3. ", "每天上门一次", "每周电话问候两次", "每月走访一次"}, nil)
	wantIn(t, "黄色呢", as[1].Text, []string{"每周电话问候两次"}, []string{"每天上门", "每月走访"})
	wantIn(t, "等级会变吗", as[2].Text, []string{"每半年复核一次"}, []string{"每天上门"})
}

// TestHowToldInAnInterviewAnswer: no method named, the steps told in her
// answer to "你们是怎么做的？" (第一步…；第二步…；第三步…): asked how she
// did it, or how she overcame the difficulty she told before, the answer
// is that answer.
func TestHowToldInAnInterviewAnswer(t *testing.T) {
	text := "专访｜柳岸社区党支部书记蒋玉梅：老小区加装电梯，难在“人心齐”\n" +
		"2025-05-09 10:30:21 来源：城市晚报\n" +
		"　　柳岸社区是上世纪90年代建成的老小区，26栋楼没有一部电梯。记者就此专访了社区党支部书记蒋玉梅。\n" +
		"　　记者：加装电梯最难的是什么？\n" +
		"　　蒋玉梅：最难的是统一意见。一楼住户怕挡光、怕噪音，高层住户急着要装。\n" +
		"　　记者：你们是怎么做的？\n" +
		"　　蒋玉梅：第一步摸清底数，网格员挨家挨户问，把愿意装、不愿意装的住户都列出来；第二步建群议事，每栋楼建一个微信群，请设计单位进群答疑；第三步签约落地，意见统一了再请全体住户签字。\n" +
		"　　记者：费用怎么分摊？\n" +
		"　　蒋玉梅：按楼层梯度分摊，一楼不出钱。\n"
	s := serviceOverText(t, "a.txt", text)
	as := askChat(t, s, "interview-how", "蒋玉梅是怎么做的？")
	wantIn(t, "how", as[0].Text, []string{"挨家挨户", "微信群", "全体住户签字"}, []string{"梯度分摊"})
	as = askChat(t, s, "interview-overcame", "蒋玉梅是怎么统一加装电梯意见的？")
	wantIn(t, "how she overcame it", as[0].Text, []string{"挨家挨户", "微信群"}, nil)
}

// TestChangeNotToldSaysSo: "类别会变吗" of a classification whose article
// never says is answered honestly — not told, in plain words — and does
// not show the items just shown again.
func TestChangeNotToldSaysSo(t *testing.T) {
	text := "石桥社区“分色管理”让关爱不漏一户\n" +
		"　　石桥社区党总支书记史玉梅在社区工作了九年。2024年起，社区实行“分色管理”，把困难家庭分成三类，挂图上墙。\n" +
		"　　对红色户，也就是失能独居和重病家庭，包户干部每天上门一次；对黄色户，也就是空巢和残疾人家庭，网格员每周走访一次；对绿色户，也就是基本能自理的家庭，每月电话问候一次。\n" +
		"　　史玉梅说，走访记录都录入了社区的电脑系统。\n"
	s := serviceOverText(t, "a.txt", text)
	as := askChat(t, s, "no-change", "分色管理具体怎么分？", "类别会变吗？")
	wantIn(t, "会变吗", as[1].Text, []string{"没有提到", "会不会变"}, []string{"每天上门一次", "是否类别"})
}
