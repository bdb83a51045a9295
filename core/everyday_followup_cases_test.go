package core

// Follow-ups and summaries asked in a community worker's everyday words,
// over four articles written for these tests in the genre's shapes (a news
// portal page with its navigation and footer, a WeChat post with its
// counters, a district government site with its related links, a
// Traditional news page whose background runs two paragraphs, a Markdown
// Q&A interview, a speech told in the first person): a count
// asked after how she did it, why she did it, what came next, an example,
// and her summary asked as what she did for the residents.

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// serviceOverTexts is serviceOverDir over the articles given by name.
func serviceOverTexts(t *testing.T, texts map[string]string) *Service {
	t.Helper()
	dir := t.TempDir()
	for name, text := range texts {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return serviceOverDir(t, dir)
}

// askAll asks the questions in turn in one conversation and returns the
// last answer, checking every answer's markers.
func askAll(t *testing.T, s *Service, chat string, qs ...string) *Answer {
	t.Helper()
	var ans *Answer
	for _, q := range qs {
		var err error
		if ans, err = s.Ask(context.Background(), chat, q); err != nil {
			t.Fatal(err)
		}
		checkMarkers(t, ans)
	}
	return ans
}

// askSummaryIn is askSummary in a conversation of its own (askSummary's
// shared one makes each question a follow-up of the one before).
func askSummaryIn(t *testing.T, s *Service, q string) *Answer {
	t.Helper()
	ans, err := s.Ask(context.Background(), "sum:"+q, q)
	if err != nil {
		t.Fatal(err)
	}
	if !ans.Grounded || ans.Refused {
		t.Errorf("%s: not answered:\n%s", q, ans.Text)
	}
	checkMarkers(t, ans)
	checkNoRepeats(t, ans.Text)
	return ans
}

// everydayArticles is the offline core over the six articles, built once
// and shared by the tests of this file (each asks in conversations of its
// own).
func everydayArticles(t *testing.T) *Service {
	return sharedService(t, "everyday", func(t *testing.T) *Service {
		return serviceOverTexts(t, map[string]string{"cai.html": caiArticle, "hu.txt": huArticle, "liang.txt": liangArticle, "wei.txt": weiArticle, "tan.md": tanInterview, "zhou.txt": zhouSpeech})
	})
}

// caiArticle: a news portal page; the problem she saw told a paragraph
// before her first practice, an example (就拿…来说) and a count after it.
const caiArticle = `<html><head><meta charset="utf-8"><title>蔡春燕：老街坊的“贴心蔡姐”_新闻中心_江城网</title></head>
<body>
<div class="nav">首页 > 新闻中心 > 基层风采</div>
<h1>蔡春燕：老街坊的“贴心蔡姐”</h1>
<div class="info">2023-06-12 09:30 来源：江城日报 作者：记者 周明 通讯员 方圆</div>
<div class="share">分享到：微信 微博 QQ空间</div>
<div class="content">
<p>“有事找蔡姐，准没错。”在江城市临江区柳荫街社区，居民们常这样说。蔡春燕今年49岁，2016年从街道调任柳荫街社区党委书记。</p>
<p>柳荫街社区是个老社区，楼房大多建于上世纪八十年代。刚到社区那会儿，蔡春燕花了两个月挨家挨户走访，发现辖区有600多名60岁以上老人，其中不少是子女在外地的独居老人，一日三餐成了难题。“有的老人一碗面条对付一天，看着让人心疼。”</p>
<p>蔡春燕牵头在社区活动中心办起了“银发餐桌”，联系辖区两家餐馆按成本价供餐，行动不便的老人由志愿者送餐上门。三年来，“银发餐桌”累计为230多户老人送餐4万余份。</p>
<p>就拿住在5号楼的刘奶奶来说，老伴去世后她一个人生活，腿脚不好，以前常常饿一顿饱一顿。如今每天中午志愿者准时把饭菜送到家门口，还顺便陪她聊上几句。</p>
<p>解决了吃饭问题，蔡春燕又把目光投向了楼道里的“烦心事”。她组建了由退休党员、楼栋长组成的“帮帮团”，谁家水管漏了、灯泡坏了，一个电话就有人上门。目前，帮帮团有成员56人，已累计上门服务1800余次。</p>
<p>2021年，柳荫街社区被评为市级“和谐社区”，蔡春燕本人也获得“全市优秀党务工作者”称号。</p>
<p>（责任编辑：王丽）</p>
</div>
<div class="footer">【打印本页】【关闭窗口】 版权所有：江城日报社 鄂ICP备12345678号</div>
</body></html>
`

// huArticle: a WeChat post, ASCII commas; an example opening 比如, a
// second practice after 在此基础上.
const huArticle = `微信公众号 | 幸福长街

老旧小区的“红管家”——记长街社区党支部书记胡建军

原创 长街街道 2024-03-08 18:02

胡建军,男,1975年生,中共党员,现任东川市河西区长街社区党支部书记。

长街社区有37栋老楼,大多是原纺织厂的职工宿舍,厂子改制后一直没有物业。胡建军刚上任时,楼道里堆满杂物,垃圾好几天没人清,下水道动不动就堵,居民意见很大,有人一年打了十几次投诉电话。

2019年起,胡建军在每栋楼选出一名党员当“红管家”,负责楼道卫生、矛盾调解和收集居民诉求,每月在社区召开一次“红管家”碰头会,把收集到的问题当场分派到人。到目前,已有120多户居民报名参与“红管家”志愿服务,共处理各类问题900余件。

比如12号楼的化粪池多年没人管,每到夏天臭气熏天。“红管家”老周把情况报上来后,胡建军联系街道和施工队,一周内就完成了改造,楼里的住户专门送来了锦旗。

胡建军说:“老百姓的事没有小事,件件有回音,大家才愿意跟着干。”

在此基础上,胡建军又推动成立了居民自治小组,由居民自己商量公共收益怎么用。去年,小组用停车费收益给6栋楼装上了声控灯。

如今的长街社区,楼道干净了,邻里和气了,居民满意度从2019年的61%提高到去年的95%。胡建军先后获得“东川市优秀共产党员”“河西区十佳社区书记”等荣誉。

阅读 3206  赞 58  在看 12
`

// liangArticle: a district government site; an example opening 有一次, the
// naming sentence of the first practice long.
const liangArticle = `当前位置：首页 > 政务公开 > 工作动态

【基层党建】梁晓红：让城中村居民“有话有处说”

发布时间：2022-11-21　　来源：南湖区委组织部　　浏览次数：1538

梁晓红是南湖区桂园社区党委书记，在社区工作已有十二年。

桂园社区由原来的桂园村改制而来，外来租户多，本地村民和租户之间常因停车、噪音、出租屋垃圾闹矛盾。梁晓红发现，以前居民有意见没处说，只能到社区门口吵，矛盾越积越多，有的拖了好几年都没解决。

2018年，梁晓红在社区广场边的长廊里设立了“议事长廊”，每周六上午由社区两委成员、网格员和居民代表一起坐下来听意见、议事情，能当场解决的当场解决，解决不了的登记后限期答复。四年来，“议事长廊”共接待居民2100多人次，化解矛盾纠纷430余起。

有一次，3巷的房东和租户因为电动车在楼道充电吵得不可开交。梁晓红把双方请到议事长廊，又叫来消防站的同志讲安全，最后大家商定在巷口建一个集中充电棚，费用由房东和社区各出一半，问题很快解决了。

此后，梁晓红又组织成立了由租户代表参加的“新居民联谊会”，让外来租户也参与社区事务。联谊会现有会员300多人，每年组织邻里节、技能培训等活动20多场。比如，不少租户以前连社区办公室在哪都不知道，通过联谊会结识了邻居，有的还当上了楼栋志愿者。

近年来，桂园社区先后被评为省级“民主法治示范社区”、市级“平安社区”。

相关链接：
南湖区召开基层治理工作推进会
桂园街道开展消防安全演练

【打印】【关闭】
主办单位：南湖区人民政府办公室　　备案号：粤ICP备0000000号
`

// TestSummaryAskedAsWhatSheDidForResidents: "她为居民做了什么", "为老百姓
// 做了哪些好事", "她的方法和成绩", "来到社区以后都做了哪些事" ask for her
// summary — each method with what it is and what came of it, no sentence
// twice — not one lookup; where she started is no practice or result of
// hers; a group named (为老人) still narrows the question.
func TestSummaryAskedAsWhatSheDidForResidents(t *testing.T) {
	t.Parallel()
	s := everydayArticles(t)
	for q, want := range map[string][]string{
		"蔡春燕为居民做了什么？":      {"银发餐桌", "230多户", "帮帮团", "1800余次"},
		"胡建军为老百姓做了哪些好事？":   {"红管家", "120多户"},
		"梁晓红的方法和成绩":        {"议事长廊", "430余起", "新居民联谊会"},
		"说说蔡春燕的做法和成效":      {"银发餐桌", "230多户", "帮帮团", "1800余次"},
		"梁晓红到任以来干了啥？":      {"议事长廊", "新居民联谊会"},
		"蔡春燕来到社区以后都做了哪些事？": {"银发餐桌", "帮帮团"},
	} {
		ans := askSummaryIn(t, s, q)
		for _, w := range want {
			if !strings.Contains(ans.Text, w) {
				t.Errorf("%s: %q missing:\n%s", q, w, ans.Text)
			}
		}
		if l := lineWith(ans.Text, "议事长廊"); strings.Contains(q, "梁晓红") && !strings.Contains(l, "每周六上午") {
			t.Errorf("%s: 议事长廊's line does not say what it is:\n%s", q, ans.Text)
		}
		if strings.Contains(q, "做法") && strings.Contains(ans.Text, "刚到社区那会儿") {
			t.Errorf("%s: where she started told as her practice or result:\n%s", q, ans.Text)
		}
	}
	ans := askAll(t, s, "came", "蔡春燕是哪个社区的？", "她来到社区以后都做了哪些事？")
	for _, w := range []string{"银发餐桌", "帮帮团"} {
		if !strings.Contains(ans.Text, w) {
			t.Errorf("她来到社区以后: %q missing:\n%s", w, ans.Text)
		}
	}
	if u := s.understand("蔡春燕为老人做了什么？", Conversation{}); u.Intent == IntentSummary && len(u.Topics) == 0 {
		t.Errorf("为老人: a group named read as her whole summary")
	}
}

// TestSummaryInMoreEverydayWordings: more of a worker's ways of asking what
// she did (平时都做些什么工作, 干得怎么样, 在社区都干了啥, 帮居民解决了哪些
// 问题, 有什么好的做法, 工作亮点, in either script) reach her summary.
func TestSummaryInMoreEverydayWordings(t *testing.T) {
	t.Parallel()
	s := everydayArticles(t)
	for q, want := range map[string][]string{
		"蔡春燕平时都做些什么工作？":  {"银发餐桌", "帮帮团"},
		"胡建军干得怎么样？":      {"红管家", "95%"},
		"梁晓红在社区都干了啥？":    {"议事长廊", "新居民联谊会"},
		"蔡春燕帮居民解决了哪些问题？": {"银发餐桌", "帮帮团"},
		"胡建军有什么好的做法？":    {"红管家", "居民自治小组"},
		"梁晓红的工作亮点是什么？":   {"议事长廊", "新居民联谊会"},
		"蔡春燕為居民做了什麼？":    {"銀髮餐桌", "230多戶", "幫幫團"},
	} {
		ans := askSummaryIn(t, s, q)
		for _, w := range want {
			if !strings.Contains(ans.Text, w) {
				t.Errorf("%s: %q missing:\n%s", q, w, ans.Text)
			}
		}
		if l := lineWith(ans.Text, "议事长廊"); strings.Contains(q, "梁晓红") && !strings.Contains(l, "每周六上午") {
			t.Errorf("%s: 议事长廊's line does not say what it is:\n%s", q, ans.Text)
		}
		if strings.Contains(q, "做法") && strings.Contains(ans.Text, "刚到社区那会儿") {
			t.Errorf("%s: where she started told as her practice or result:\n%s", q, ans.Text)
		}
	}
}

// TestCountAfterHowSheDidIt: a count asked right after how she did
// something ("那一共帮了多少户？", "有多少户参与？") is of what was just told:
// the sentence counting in that unit with it or right after it, not a
// refusal; "一共" asks nothing of its own.
func TestCountAfterHowSheDidIt(t *testing.T) {
	t.Parallel()
	s := everydayArticles(t)
	for i, c := range []struct{ first, then, want string }{
		{"蔡春燕是怎么照顾社区老人的？", "那一共帮了多少户？", "230多户"},
		{"蔡春燕是怎么帮老人解决吃饭问题的？", "一共帮了多少户？", "230多户"},
		{"胡建军是怎么管好老旧小区的？", "有多少户参与？", "120多户"},
		{"梁晓红是怎么化解矛盾的？", "一共化解了多少起？", "430余起"},
		{"蔡春燕的帮帮团是怎么运作的？", "有多少人参加？", "56人"},
		{"蔡春燕是怎么照顾社区老人的？", "帮了多少老人？", "230多户老人"},
		{"蔡春燕是怎麼照顧社區老人的？", "那一共幫了多少戶？", "230多戶"},
		{"胡建军是怎么管好老旧小区的？", "受益的有多少家？", "120多户"},
	} {
		ans := askAll(t, s, "count"+string(rune('a'+i)), c.first, c.then)
		if ans.Refused || !strings.Contains(firstLines(ans.Text, 2), c.want) {
			t.Errorf("%s → %s: want %s first:\n%s", c.first, c.then, c.want, ans.Text)
		}
	}
}

// firstLines is the first n lines of text.
func firstLines(text string, n int) string {
	ls := strings.SplitN(text, "\n", n+1)
	return strings.Join(ls[:min(n, len(ls))], "\n")
}

// TestWhyIsTheProblemSeenBefore: "为什么要这么做？", "为啥想到这个办法？",
// "当初为啥要这么干？" after how she did something are answered with the
// problem told before she started (in an earlier paragraph, found on her
// visits), not the practice sentence, how the article opens, or a case
// told as its example.
func TestWhyIsTheProblemSeenBefore(t *testing.T) {
	t.Parallel()
	s := everydayArticles(t)
	for i, c := range []struct {
		first, then, want string
		not               []string
	}{
		{"蔡春燕是怎么照顾社区老人的？", "为什么要这么做？", "一日三餐成了难题", []string{"有事找蔡姐", "按成本价供餐"}},
		{"银发餐桌是怎么搞的？", "她为什么想到办这个？", "一日三餐成了难题", []string{"没有单独说明"}},
		{"胡建军的红管家是怎么做的？", "为啥想到这个办法？", "楼道里堆满杂物", []string{"碰头会"}},
		{"胡建军是怎么管好老旧小区的？", "当初为啥要这么干？", "楼道里堆满杂物", []string{"化粪池"}},
		{"梁晓红是怎么化解矛盾的？", "为什么要这么做？", "有意见没处说", []string{"集中充电棚"}},
		{"胡建军的红管家是怎么做的？", "这个办法是怎么想出来的？", "楼道里堆满杂物", []string{"碰头会"}},
		{"蔡春燕是怎么照顾社区老人的？", "搞这个的原因是什么？", "一日三餐成了难题", []string{"有事找蔡姐"}},
		{"蔡春燕是怎么照顾社区老人的？", "出发点是什么？", "一日三餐成了难题", []string{"帮帮团"}},
	} {
		ans := askAll(t, s, "why"+string(rune('a'+i)), c.first, c.then)
		if ans.Refused || !strings.Contains(ans.Text, c.want) {
			t.Errorf("%s → %s: want %s:\n%s", c.first, c.then, c.want, ans.Text)
		}
		for _, n := range c.not {
			if strings.Contains(ans.Text, n) {
				t.Errorf("%s → %s: %s is no reason:\n%s", c.first, c.then, n, ans.Text)
			}
		}
	}
}

// TestExampleRightAfterThePractice: "能举个例子吗？", "有没有具体的事？"
// after how she did something get the case the article tells right after
// the practice (就拿…来说, 比如…, 有一次…), whole from its opening, even when
// the answer before showed part of it — never a refusal; one the article
// introduces with 比如 counts though it names no house or resident.
func TestExampleRightAfterThePractice(t *testing.T) {
	t.Parallel()
	s := everydayArticles(t)
	for i, c := range []struct {
		first, then string
		want        []string
	}{
		{"梁晓红是怎么化解矛盾的？", "能举个例子吗？", []string{"有一次", "集中充电棚"}},
		{"胡建军的红管家是怎么做的？", "有没有具体的事？", []string{"比如12号楼", "一周内就完成了改造"}},
		{"蔡春燕是怎么照顾社区老人的？", "有没有具体的例子？", []string{"就拿住在5号楼的刘奶奶来说", "准时把饭菜送到家门口"}},
		{"梁晓红的新居民联谊会是怎么回事？", "能举个例子吗？", []string{"楼栋志愿者"}},
		{"梁晓红的议事长廊是怎么回事？", "比如呢？", []string{"有一次", "集中充电棚"}},
	} {
		ans := askAll(t, s, "ex"+string(rune('a'+i)), c.first, c.then)
		if ans.Refused {
			t.Errorf("%s → %s: refused:\n%s", c.first, c.then, ans.Text)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(ans.Text, w) {
				t.Errorf("%s → %s: %s missing:\n%s", c.first, c.then, w, ans.Text)
			}
		}
		if strings.Contains(ans.Text, "居民自治小组") {
			t.Errorf("%s → %s: the next practice told as the example's end:\n%s", c.first, c.then, ans.Text)
		}
	}
	// After her summary told how a case went on, the case is still told
	// whole from its opening.
	if ans := askAll(t, s, "ex-sum", "介绍一下胡建军", "有没有具体的事？"); !strings.Contains(ans.Text, "比如12号楼") || !strings.Contains(ans.Text, "一周内就完成了改造") {
		t.Errorf("the case after her summary is not told whole:\n%s", ans.Text)
	}
	// 帮帮团 is told with no case: said so, about it, not a refusal
	// listing every secretary.
	ans := askAll(t, s, "ex-none", "蔡春燕的帮帮团是怎么运作的？", "有没有真实的事例？")
	if !strings.Contains(ans.Text, "帮帮团") || strings.Contains(ans.Text, "胡建军") {
		t.Errorf("no case of 帮帮团: want that said of it:\n%s", ans.Text)
	}
}

// weiArticle: a Traditional news page; how the community was and what she
// found take two paragraphs before what she did.
const weiArticle = `首頁 > 人物專題 > 最美社區書記

韋秀英：把老舊小區的「心結」一個個解開

2021年09月03日 10:15  來源：雲州新聞網

韋秀英，1970年生，中共黨員，現任雲州市東城區梧桐社區黨委書記。

梧桐社區始建於上世紀七十年代，共有居民樓42棟、住戶2300多戶，其中一半以上是老年人。社區沒有物業，樓道燈壞了沒人修，自來水管老化，一到冬天就爆管。

2017年韋秀英剛到梧桐社區時，辦公室只有兩間平房，社區幹部只有4個人。居民對社區不信任，開會時常常只來三五個人。一些老黨員也有怨氣，覺得社區只會發通知、不辦實事。有居民當面對她說：「你們來了也待不長。」

韋秀英沒有急著開會，而是先帶著社工把42棟樓走了一遍，把每棟樓的問題記在一個本子上，大家叫它「民情賬本」。根據賬本，社區先後爭取資金為28棟樓更換了水管、安裝了樓道燈。

2019年，她又在每棟樓推選一名「樓長」，樓長每週把居民的意見匯總到社區，社區三天內答覆。目前全社區有樓長86人。

如今，梧桐社區居民滿意度達到96%，韋秀英也被評為「雲州市優秀黨務工作者」。

（編輯：林曉）
`

// TestThenAfterTheBackground: "后来呢？" two turns in, after the situation
// she found, moves forward in the article to what she did next — past the
// rest of the background, not stopping in it, and not showing again what
// was shown; after a practice it goes on to the next one.
func TestThenAfterTheBackground(t *testing.T) {
	t.Parallel()
	s := everydayArticles(t)
	for i, c := range []struct {
		qs   []string
		want string
	}{
		{[]string{"韋秀英是哪個社區的？", "她剛去的時候社區是什麼樣？", "後來呢？"}, "民情賬本"},
		{[]string{"韦秀英在哪里工作？", "那个社区是什么情况？", "后来呢？"}, "民情账本"},
		{[]string{"蔡春燕是哪个社区的书记？", "她刚到社区时那里是什么情况？", "后来呢？"}, "银发餐桌"},
		{[]string{"蔡春燕是哪个社区的书记？", "她刚到社区时那里是什么情况？", "后来呢？", "后来呢？"}, "帮帮团"},
		{[]string{"韦秀英在哪里工作？", "那个社区是什么情况？", "她后来又做了什么？"}, "民情账本"},
		{[]string{"韦秀英在哪里工作？", "那个社区是什么情况？", "接下来呢？"}, "民情账本"},
		{[]string{"韦秀英在哪里工作？", "那个社区是什么情况？", "之后她又干了什么？"}, "民情账本"},
	} {
		chat := "then" + string(rune('a'+i))
		before := askAll(t, s, chat, c.qs[:len(c.qs)-1]...)
		ans := askAll(t, s, chat, c.qs[len(c.qs)-1])
		if ans.Refused || !strings.Contains(ans.Text, c.want) {
			t.Errorf("%v: want %s:\n%s", c.qs, c.want, ans.Text)
		}
		for _, l := range strings.Split(before.Text, "\n") {
			b, ok := strings.CutPrefix(l, "• ")
			if q := strings.TrimSpace(markerRE.ReplaceAllString(b, "")); ok && len([]rune(q)) > 12 && strings.Contains(ans.Text, q) {
				t.Errorf("%v: shows again %q:\n%s", c.qs, q, ans.Text)
			}
		}
		if strings.Contains(c.qs[0], "韦") && !citesOnly(s, ans, "韦秀英") {
			t.Errorf("%v: cites another secretary's article:\n%s", c.qs, ans.Text)
		}
		if strings.Contains(ans.Text, "荣誉：") {
			t.Errorf("%v: her whole summary instead of what came next:\n%s", c.qs, ans.Text)
		}
		for _, n := range []string{"一些老黨員也有怨氣", "一些老党员也有怨气"} {
			if strings.Contains(ans.Text, n) {
				t.Errorf("%v: stops in the background:\n%s", c.qs, ans.Text)
			}
		}
	}
}

// TestSummaryTellsHerWorkNotThePlace: "她的主要工作和成效", "有哪些贡献",
// "取得了哪些成绩": each method says what it is (a naming sentence whose
// doing is walking every building counts), and how the community is (始建于…
// 共有居民楼42栋) or was when she came is no result of hers.
func TestSummaryTellsHerWorkNotThePlace(t *testing.T) {
	t.Parallel()
	s := everydayArticles(t)
	ans := askSummaryIn(t, s, "韦秀英的主要工作和成效")
	if l := lineWith(ans.Text, "民情账本"); !strings.Contains(l, "走了一遍") {
		t.Errorf("民情账本's line does not say what it is:\n%s", ans.Text)
	}
	if !strings.Contains(ans.Text, "楼长") || !strings.Contains(ans.Text, "96%") {
		t.Errorf("a practice or her result missing:\n%s", ans.Text)
	}
	for i, q := range []string{"韦秀英的主要工作和成效", "韦秀英取得了哪些成绩？"} {
		a, err := s.Ask(context.Background(), "place"+string(rune('a'+i)), q)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range []string{"始建于", "刚到梧桐社区时", "不信任"} {
			if strings.Contains(a.Text, n) {
				t.Errorf("%s: how the community is or was (%s) told as her work:\n%s", q, n, a.Text)
			}
		}
		if !strings.Contains(a.Text, "96%") {
			t.Errorf("%s: her result missing:\n%s", q, a.Text)
		}
	}
	ans = askSummaryIn(t, s, "蔡春燕有哪些贡献？")
	for _, w := range []string{"银发餐桌", "帮帮团"} {
		if !strings.Contains(ans.Text, w) {
			t.Errorf("有哪些贡献: %s missing:\n%s", w, ans.Text)
		}
	}
}

// tanInterview: a Markdown Q&A interview; her answers carry her name as a
// speaker label, the method's result names it short (议事会).
const tanInterview = `# 专访｜谭丽君：社区的事，要让居民自己商量着办

> 来源：星城晚报 · 2024年5月20日 · 记者 何畅

**编者按**：谭丽君是湘江市岳麓区枫林社区党委书记。日前，记者就社区治理话题专访了她。

**记者：您2015年到枫林社区时，社区是什么样子？**

谭丽君：枫林社区是个开放式老小区，一半住户是外来务工人员。那时候小区里乱停车特别严重，消防车都开不进来，居民互相指责，但谁也不愿意让步。

**记者：您是怎么解决的？**

谭丽君：我们搞了一个“楼栋议事会”，每栋楼由居民推选5到7名代表，每月开一次会，停车位怎么划、收不收费，都由大家投票决定。社区只负责把规则讲清楚、把结果公示出来。

**记者：效果怎么样？**

谭丽君：三年下来，全社区27栋楼都成立了议事会，重新划出停车位410个，乱停车的投诉从每月40多起降到了个位数。

**记者：能讲一个具体的例子吗？**

谭丽君：有一次，8栋的住户为了要不要装地锁吵了好几回。议事会开了三次会，最后定下来“只划线、不装锁，先到先停”，到现在一直没出过矛盾。

**记者：下一步有什么打算？**

谭丽君：接下来，我们准备把议事会的做法用到加装电梯上，让老人少爬楼。

*（本文经受访者审阅）*

相关阅读：
- [岳麓区推进老旧小区改造](#)
- [湘江市表彰优秀社区工作者](#)
`

// TestInterviewFollowUpsAndSummary: in a Q&A interview, her summary's
// method line drops the speaker label (the line names the method) and
// holds the result that names the method short; why, an example and what
// came next follow her answers.
func TestInterviewFollowUpsAndSummary(t *testing.T) {
	t.Parallel()
	s := everydayArticles(t)
	ans := askSummaryIn(t, s, "谭丽君为居民做了什么？")
	l := lineWith(ans.Text, "楼栋议事会")
	if strings.Contains(l, "谭丽君：我们") || !strings.Contains(l, "410个") {
		t.Errorf("the method's line keeps the speaker label or lacks its result:\n%s", ans.Text)
	}
	for i, c := range []struct {
		qs   []string
		want string
	}{
		{[]string{"谭丽君是怎么解决乱停车的？", "为什么要这么做？"}, "乱停车特别严重"},
		{[]string{"谭丽君是怎么解决乱停车的？", "能举个例子吗？"}, "8栋"},
		{[]string{"谭丽君是哪个社区的？", "她刚去时社区是什么样？", "后来呢？"}, "楼栋议事会"},
	} {
		if a := askAll(t, s, "tan"+string(rune('a'+i)), c.qs...); a.Refused || !strings.Contains(a.Text, c.want) {
			t.Errorf("%v: want %s:\n%s", c.qs, c.want, a.Text)
		}
	}
}

// maArticle: a method whose name holds a count word (一户一策).
const maArticle = `社区书记马玉芬：困难家庭的“娘家人”

来源：北川日报  2023年4月2日

马玉芬是北川市城南区花园社区党支部书记。

花园社区有不少下岗职工家庭和残疾人家庭，生活比较困难。马玉芬牵头建立了“一户一策”帮扶台账，由社区干部和党员结对联系，每月至少上门一次，帮着申请低保、联系就业、解决孩子上学问题。

她还联系辖区的超市和药店，为困难家庭提供打折商品和上门送药服务。

几年下来，“一户一策”共帮扶困难家庭156户，其中43户已经摆脱困难。

2022年，马玉芬被评为北川市“优秀社区工作者”。
`

// TestCountOfAMethodNamedWithANumber: "那一共帮了多少户？" after 一户一策 is
// the sentence counting households, not the one naming the method (its
// 一户 counts nothing).
func TestCountOfAMethodNamedWithANumber(t *testing.T) {
	t.Parallel()
	s := serviceOverText(t, "ma.txt", maArticle)
	ans := askAll(t, s, "ma", "马玉芬的一户一策是怎么做的？", "那一共帮了多少户？")
	if !strings.Contains(firstLines(ans.Text, 2), "156户") {
		t.Errorf("want the count of households first:\n%s", ans.Text)
	}
}

// zhouSpeech: a speech at an experience meeting, told in the first person
// (我们又组织了…); its second practice is named in quotes the catalog does
// not record.
const zhouSpeech = `用心用情当好居民的“贴心人”
——在全区社区工作经验交流会上的发言
青石区春晖社区党委书记  周晓梅
（2023年12月8日）

各位领导、各位同事：

大家好！我是春晖社区党委书记周晓梅。下面，我把这几年的做法向大家作个汇报。

我2018年来到春晖社区。刚来的时候我发现，社区里年轻人白天上班，老人和孩子在家没人照看，放学后很多孩子就在小区里到处跑，家长也很着急。

针对这个情况，我们利用社区闲置的两间活动室办起了“四点半课堂”，请退休教师和大学生志愿者每天下午给孩子辅导作业。五年来，“四点半课堂”累计服务孩子6800多人次。

比如，双职工家庭的小杰以前放学后经常一个人在家玩手机，参加课堂后成绩从班里中下游提到了前十名，他妈妈专门给社区写了感谢信。

在此基础上，我们又组织了“银龄互助队”，让身体好的低龄老人结对照顾高龄老人，每周上门两次。目前互助队有队员92名，结对帮扶高龄老人130多位。

这几年，春晖社区先后获得“市级文明社区”“全区社区治理示范点”等称号。成绩属于过去，我们将继续努力，把社区建设得更好。

谢谢大家！
`

// TestSpeechSummaryAndFollowUps: in her own speech, what "我们" did is her
// practice (the summary tells 银龄互助队 with its result, not the result
// alone); "怎么照顾孩子" asks about the children she serves, not her family;
// why is the situation she found.
func TestSpeechSummaryAndFollowUps(t *testing.T) {
	t.Parallel()
	s := everydayArticles(t)
	ans := askSummaryIn(t, s, "周晓梅为居民做了什么？")
	if l := lineWith(ans.Text, "银龄互助队"); !strings.Contains(l, "92名") || !strings.Contains(ans.Text, "四点半课堂") {
		t.Errorf("a practice of her speech missing or without its result:\n%s", ans.Text)
	}
	how := askAll(t, s, "zhou", "周晓梅是怎么照顾孩子的？")
	if how.Refused || strings.Contains(how.Text, "家庭情况") || !strings.Contains(how.Text, "四点半课堂") {
		t.Errorf("照顾孩子 read as her family:\n%s", how.Text)
	}
	why := askAll(t, s, "zhou", "为什么要这么做？")
	if !strings.Contains(why.Text, "没人照看") {
		t.Errorf("want the situation she found:\n%s", why.Text)
	}
}

// TestHowToldInArticleOrder: how a method is done is told in the
// article's order, so a case reads from its opening (比如12号楼…) to what
// was done about it.
func TestHowToldInArticleOrder(t *testing.T) {
	t.Parallel()
	s := everydayArticles(t)
	ans := askAll(t, s, "order", "胡建军的红管家是怎么做的？")
	i, j := strings.Index(ans.Text, "比如12号楼"), strings.Index(ans.Text, "老周把情况报上来后")
	if i < 0 || j < 0 || i > j {
		t.Errorf("the case is not told from its opening:\n%s", ans.Text)
	}
}

// TestHerWorkAfterOneOfHerMethods: right after one of her methods, "她来了
// 之后做了什么", "她为居民做了什么", "他的方法和成绩呢" ask for her work as a
// whole (her summary: every method with what came of it), not that method
// again; "她还办了哪些实事" still asks what else.
func TestHerWorkAfterOneOfHerMethods(t *testing.T) {
	t.Parallel()
	s := everydayArticles(t)
	for i, c := range []struct {
		first, then string
		want        []string
	}{
		{"银发餐桌是什么？", "她来了之后做了什么？", []string{"银发餐桌", "帮帮团"}},
		{"梁晓红的议事长廊是怎么回事？", "她为居民做了什么？", []string{"议事长廊", "新居民联谊会"}},
		{"胡建军的红管家是怎么做的？", "他的方法和成绩呢？", []string{"红管家", "120多户", "居民自治小组"}},
	} {
		ans := askAll(t, s, "work"+string(rune('a'+i)), c.first, c.then)
		for _, w := range c.want {
			if !strings.Contains(ans.Text, w) {
				t.Errorf("%s → %s: %s missing:\n%s", c.first, c.then, w, ans.Text)
			}
		}
		checkNoRepeats(t, ans.Text)
	}
	if ans := askAll(t, s, "work-else", "议事长廊有多少人参加？", "她还办了哪些实事？"); !strings.Contains(ans.Text, "新居民联谊会") {
		t.Errorf("她还办了哪些实事: want her other work:\n%s", ans.Text)
	}
}

// TestWhyAndExampleAmongUnnamedPractices: over practices with no named
// method, why is what the first practice shown says it answers (针对…的
// 问题), not her visits before it; an example is a case, not who said a
// resident's words or praise of her — with none told, said so.
func TestWhyAndExampleAmongUnnamedPractices(t *testing.T) {
	t.Parallel()
	s := serviceOverFiles(t, "genre-classes/57_practices_unnamed_yan.txt")
	why := askAll(t, s, "yan-why", "晏春梅是怎么帮居民的？", "为什么要这么做？")
	if !strings.Contains(why.Text, "常年堵塞") || strings.Contains(why.Text, "走遍了全社区") {
		t.Errorf("want the problem the practice answers:\n%s", why.Text)
	}
	ex := askAll(t, s, "yan-ex", "晏春梅是怎么帮居民的？", "能举个例子吗？")
	for _, n := range []string{"胡奶奶说", "都夸她", "针对小区排水沟"} {
		if strings.Contains(ex.Text, n) {
			t.Errorf("%s told as an example:\n%s", n, ex.Text)
		}
	}
}
