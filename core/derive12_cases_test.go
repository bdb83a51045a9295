package core

import (
	"context"
	"strings"
	"testing"
)

// Pages of two secretaries told one after the other (an award column's
// sections closing on 荣誉： lines, a TV script's segments), an interview
// that gives her post only by addressing her, and names one character
// off: each secretary's facts are hers alone, and a typo is offered the
// secretary it nearly names.

const d12Winners = "【身边的榜样】年度“最美社区书记”事迹展播\n\n" +
	"　　编者按：日前，青州市年度“最美社区书记”评选揭晓。今天刊发其中两位的事迹。\n\n" +
	"一、何玉梅：老街巷里的“贴心大姐”\n\n" +
	"　　何玉梅，女，1972年出生，现任青州市南城区文昌街道双井社区党委书记。\n\n" +
	"　　何玉梅此前在街道民政科工作，2014年转岗到社区。她创办了“银发食堂”，为120多名独居老人助餐，每餐只收8元。\n\n" +
	"　　荣誉：全省“三八红旗手”、青州市优秀共产党员\n\n" +
	"二、邓建华：新小区的“开荒人”\n\n" +
	"　　邓建华，男，1985年出生，现任青州市北城区望江街道滨江社区党支部书记。\n\n" +
	"　　2012年退伍后，邓建华先在街道综治办干了三年，2018年被选为滨江社区党支部书记。他办起了“新市民夜校”，每周二晚上教居民垃圾分类。\n\n" +
	"　　荣誉：青州市“优秀退役军人”、全市“五星级”党组织书记\n\n" +
	"（青州日报记者　孙磊）\n"

const d12Script = "《社区书记》系列报道 第三集 解说词\n\n" +
	"【解说】早上七点，临河社区党委书记孔繁英就来到了社区的菜市场。孔繁英在这里工作了十二年。\n\n" +
	"【同期】孔繁英：菜市场是居民每天都要来的地方，有什么问题，在这里最容易听到。\n\n" +
	"【解说】孔繁英摸索出了“菜场议事会”，每周一上午在菜市场门口摆摊听意见。去年，议事会收集意见410条。\n\n" +
	"【字幕】第二部分　老厂区里的“和事佬”\n\n" +
	"【解说】同一座城市的东边，是建于上世纪七十年代的钢厂社区。\n\n" +
	"【同期】郑国华　钢厂社区党委书记：我在钢厂干了二十年电工，2015年厂里改制后来到社区。\n\n" +
	"【解说】他把退休的老工人组织起来，成立了“老师傅帮帮团”，帮居民修水管、换灯泡。他还办了“钢厂记忆馆”，收集老照片1200多张。\n\n" +
	"【同期】居民　李师傅：郑书记跟我们是一个车间出来的，贴心。\n\n" +
	"【解说】2022年，郑国华获得“省级优秀共产党员”称号。\n"

const d12Interview = "【书记面对面】马晓雯：把居民请进议事厅\n\n" +
	"　　记者：马书记您好，您在社区工作多少年了？\n\n" +
	"　　马晓雯：我在幸福里社区干了整整十年，前五年是社工，后五年当书记。\n\n" +
	"　　记者：马书记，社区里最难办的事是什么？\n\n" +
	"　　马晓雯：停车。我们社区有1800户，车位只有400个。我们开了三次“楼院议事会”，最后定下了错时停车的办法。\n\n" +
	"　　记者：您以前是做什么工作的？\n\n" +
	"　　马晓雯：我原来是幼儿园老师，2012年考进社区。\n"

const d12TwoChar = "“小巷管家”田甜\n\n" +
	"　　早上八点，锦江区书院街道莲花社区党委书记田甜已经在小区里转了一圈。\n\n" +
	"　　田甜今年38岁，2016年起担任莲花社区党委书记。她推行“院落议事会”，每个院落每月开一次会。\n\n" +
	"　　“田书记把我们当家人。”居民张大爷说。\n"

const d12Guests = "【基层治理圆桌】老小区怎么管？听听两位社区书记怎么说\n\n" +
	"　　本期嘉宾：黎秀英（金桥社区党委书记）、石立新（银杏社区党委书记）\n\n" +
	"　　主持人：两位书记好。先请黎书记说说，金桥社区有什么难处？\n\n" +
	"　　黎秀英：我们社区是上世纪90年代的老小区，没有物业。2019年我们成立了“红管家”服务队，由党员志愿者轮流值班。\n\n" +
	"　　主持人：石书记，银杏社区呢？\n\n" +
	"　　石立新：我们社区租户多，流动性大。我来之前在区人社局工作，2018年到社区后，我们搞了“新居民之家”，每月组织一次租户恳谈会。\n\n" +
	"　　主持人：两位都获得过哪些荣誉？\n\n" +
	"　　黎秀英：我去年被评为“市优秀党务工作者”。\n\n" +
	"　　石立新：我获得过“区十佳社区书记”称号。\n"

const d12Successor = "接过老书记的接力棒\n\n" +
	"　　在北塘社区，提起老书记王德福，居民们都竖大拇指。王德福在社区干了二十多年，创办了社区第一个“老年活动室”，2010年被评为“全国劳动模范”，2016年退休。\n\n" +
	"　　接过接力棒的，是年轻的社区党委书记谢婷婷。谢婷婷2016年从街道调到北塘社区任党委书记。她建起了“网上议事厅”微信群，居民有事随时说。\n\n" +
	"　　王书记退休后也没闲着，他组织老党员成立了“银发调解队”。\n\n" +
	"　　谢婷婷说：“老书记是我的榜样。”\n"

const d12StreetAndCommunity = "街道和社区的“两个书记”：一个管全局，一个守楼院\n" +
	"\n" +
	"来源：江城日报　　2023-05-12　　编辑：陈晨\n" +
	"\n" +
	"　　在江城市河东区桂园街道，提起“两个书记”，居民们都知道说的是谁：一个是街道党工委书记梁国栋，一个是街道下辖的枫林社区党委书记苏晓燕。\n" +
	"\n" +
	"　　梁国栋今年52岁，2016年从区委组织部调任桂园街道党工委书记。上任后，他推行“街巷吹哨、部门报到”机制，把城管、市场监管等12个部门的力量下沉到街巷。“问题在哪里，人就到哪里。”梁国栋说。\n" +
	"\n" +
	"　　在他的推动下，街道建起了“周三民情接待日”，每周三下午，街道班子成员轮流坐班，当场受理居民诉求。两年来共受理诉求1860件，办结率98%。梁国栋先后获得“全省优秀党务工作者”称号。\n" +
	"\n" +
	"　　苏晓燕是土生土长的桂园人，原是一家纺织厂的会计，2009年进入社区工作，2015年当选枫林社区党委书记。\n" +
	"\n" +
	"　　枫林社区是个老旧小区集中的社区，共有居民4200户。苏书记刚上任时，楼道堆物、停车乱象是居民反映最多的问题。她带着社工挨家挨户走访，建起了“楼栋长+党员中心户”的楼院自治队伍，38名楼栋长每天巡查楼道。\n" +
	"\n" +
	"　　“苏书记的手机24小时开着，谁家有事一个电话她就来。”居民刘阿姨说。\n" +
	"\n" +
	"　　她还在社区推出了“邻里积分银行”，居民参加志愿服务可以攒积分，换取理发、修鞋等服务。目前已有1100多名居民注册。2021年，苏晓燕被评为“江城市优秀社区党组织书记”。\n" +
	"\n" +
	"　　谈起两人的配合，梁国栋笑着说：“晓燕在一线，我们在后面给她撑腰。”\n"

const d12Quote = "老城区里的“红色管家”\n\n" +
	"　　在东城区，提起西关社区党委书记冯雪莲，街坊们都竖大拇指。冯雪莲推出了“楼院议事日”，每月10日请居民坐下来商量事。\n\n" +
	"　　西关社区隔壁是北关社区，社区党委书记侯建军和冯雪莲是多年的老搭档。“我们社区去年建起了‘老年助餐点’，每天供餐150份。”侯建军说。\n\n" +
	"　　冯雪莲还组织党员成立了“红色代办队”，替行动不便的老人跑腿办事。2020年，冯雪莲被评为“全国优秀党务工作者”。\n\n" +
	"　　侯建军说：“冯书记的办法我们学了不少。去年我们社区也被评为‘市级文明社区’，我本人还获得了‘市劳动模范’称号。”\n"

const d12Host = "对话社区书记｜周丽娜：让“睡城”醒过来\n\n" +
	"　　主持人：各位网友大家好。今天我们请到的是阳光里社区的周丽娜书记。周书记，您好！\n\n" +
	"　　周丽娜：主持人好，网友们好。\n\n" +
	"　　主持人：听说阳光里社区以前被叫作“睡城”，这是怎么回事？\n\n" +
	"　　周丽娜：我们社区有1.2万居民，大多是白天去市区上班的年轻人。我们搞了“夜跑邻里团”，每周三晚上八点在社区广场集合。\n\n" +
	"　　主持人：您当社区书记之前是做什么的？\n\n" +
	"　　周丽娜：我以前在一家互联网公司做运营，2017年考进社区当社工，2020年当选社区党委书记。\n"

const d12HeIsCalled = "社区里的两位“领头雁”\n\n一、老街巷里的“贴心大姐”\n\n" +
	"　　她叫何秀兰，是文昌街道双井社区党委书记。何秀兰创办了“夕阳饭桌”，每餐只收8元。2020年，她被评为“全省三八红旗手”。\n\n" +
	"二、新小区的“开荒人”\n\n" +
	"　　他叫邓志刚，退伍军人，现任望江街道滨江社区党支部书记。他牵头成立了“红色业委会”，一年内解决了17个难题。\n\n" +
	"　　他还办起了“周二夜校”。2022年，他被评为“市优秀退役军人”。\n"

// d12Service is one Service over the texts above.
func d12Service(t *testing.T) *Service {
	return sharedService(t, "derive12", func(t *testing.T) *Service {
		return serviceOverTexts(t, map[string]string{"winners.txt": d12Winners, "script.txt": d12Script, "ma.txt": d12Interview, "tian.txt": d12TwoChar,
			"guests.txt": d12Guests, "successor.txt": d12Successor, "street.txt": d12StreetAndCommunity, "quote.txt": d12Quote, "host.txt": d12Host, "called.txt": d12HeIsCalled})
	})
}

// Each secretary's honours, methods and career are hers: the 荣誉 line
// closing the other's section, the other's segment of a script, never.
func TestTwoSecretariesPagesKeepEachOnesFacts(t *testing.T) {
	s := d12Service(t)
	for _, c := range []struct {
		q         string
		want, not []string
	}{
		{"何玉梅获得过什么荣誉？", []string{"三八红旗手"}, []string{"退役军人", "五星级"}},
		{"邓建华获得过什么荣誉？", []string{"优秀退役军人"}, []string{"三八红旗手", "荣誉：荣誉："}},
		{"介绍一下邓建华", []string{"新市民夜校", "优秀退役军人"}, []string{"银发食堂", "三八红旗手"}},
		{"孔繁英有什么工作方法？", []string{"菜场议事会"}, []string{"老师傅帮帮团", "钢厂记忆馆", "优秀共产党员"}},
		{"介绍一下孔繁英", []string{"菜场议事会"}, []string{"老师傅帮帮团", "优秀共产党员"}},
		{"郑国华有什么工作方法？", []string{"老师傅帮帮团"}, []string{"菜场议事会"}},
		{"老师傅帮帮团是谁办的？", []string{"郑国华"}, []string{"孔繁英"}},
		{"郑国华获得过什么荣誉？", []string{"省级优秀共产党员"}, nil},
		{"郑国华之前是做什么的？", []string{"电工"}, nil},
		{"何玉梅之前是做什么的？", []string{"民政科"}, []string{"综治办"}},
		{"马晓雯是什么职务？", []string{"书记"}, nil},
		// Two guests of one interview, each her own answers and post.
		{"黎秀英有什么工作方法？", []string{"红管家"}, []string{"新居民之家", "十佳"}},
		{"石立新有什么工作方法？", []string{"新居民之家"}, []string{"红管家", "市优秀党务工作者"}},
		{"石立新是哪个社区的？", []string{"银杏社区"}, []string{"金桥社区"}},
		// The old secretary's later deed, told by 王书记 and 他.
		{"银发调解队是谁办的？", []string{"王德福"}, []string{"谢婷婷"}},
		{"谢婷婷有什么工作方法？", []string{"网上议事厅"}, []string{"银发调解队", "劳动模范"}},
		// Who she is: her own sentence, not the one telling his post too.
		{"苏晓燕是谁？", []string{"纺织厂"}, []string{"街道党工委书记", "全省优秀党务工作者"}},
		// The other secretary's quotation in her story is his.
		{"冯雪莲有什么工作方法？", []string{"楼院议事日", "红色代办队"}, []string{"老年助餐点", "劳动模范"}},
		{"冯雪莲获得过什么荣誉？", []string{"全国优秀党务工作者"}, []string{"劳动模范"}},
		{"老年助餐点是谁办的？", []string{"侯建军"}, []string{"冯雪莲"}},
		{"侯建军获得过什么荣誉？", []string{"市劳动模范"}, nil},
		// Where she works: her own words stating her post, not her
		// greeting (shown for the host's line introducing her).
		{"周丽娜在哪里工作？", []string{"阳光里社区", "当选社区党委书记"}, []string{"主持人好"}},
		// A section bringing him in by name (他叫邓志刚，…): his.
		{"何秀兰获得过什么荣誉？", []string{"三八红旗手"}, []string{"退役军人"}},
		{"何秀兰有什么工作方法？", []string{"夕阳饭桌"}, []string{"周二夜校", "红色业委会"}},
		{"周二夜校是谁办的？", []string{"邓志刚"}, []string{"何秀兰"}},
		// Her career before the post is part of her summary.
		{"介绍一下苏晓燕", []string{"纺织厂的会计"}, []string{"周三民情接待日"}},
		{"介绍一下何玉梅", []string{"民政科"}, []string{"综治办"}},
		{"马晓雯是哪个社区的？", []string{"幸福里社区"}, nil},
	} {
		ans := askSummaryIn(t, s, c.q)
		checkOwnFacts(t, c.q, ans.Text, c.want, c.not)
	}
}

// A name one character off a secretary's — of two or three characters,
// written with her post or 小/老, or her call-name (郑书纪 for 郑书记) —
// is offered her ("您问的是不是…？"), not answered as her nor as anyone
// else.
func TestNearNameOffered(t *testing.T) {
	s := d12Service(t)
	for q, want := range map[string]string{
		"田恬有什么工作方法？":  "田甜",
		"田恬书记有什么方法？":  "田甜",
		"邓建化有什么工作方法？": "邓建华",
		"小邓建化书记是哪里的？": "邓建华",
		"萧繁英获得过什么荣誉？": "孔繁英",
		"郑书纪有什么方法？":   "郑国华",
		"马书计是谁？":      "马晓雯",
	} {
		ans, err := s.Ask(context.Background(), "near:"+q, q)
		if err != nil {
			t.Fatal(err)
		}
		if !ans.Refused || !strings.Contains(ans.Text, "您问的是不是"+want) {
			t.Errorf("%s: want a refusal offering %s:\n%s", q, want, ans.Text)
		}
	}
}

// Follow-ups on a page of two: what follows her story is hers (not the
// other's practices the page goes on to), and "另一位书记" is the other.
func TestFollowUpsOnAPageOfTwo(t *testing.T) {
	s := d12Service(t)
	for _, c := range []struct {
		qs        []string
		want, not []string
	}{
		{[]string{"梁国栋有什么工作方法？", "他还做了哪些事？", "后来呢？"}, nil, []string{"楼栋长", "邻里积分银行"}},
		{[]string{"梁国栋是谁？", "另一位书记呢？"}, []string{"苏晓燕"}, []string{"街巷吹哨"}},
		{[]string{"郑国华有什么工作方法？", "另外那位书记有什么做法？"}, []string{"孔繁英", "菜场议事会"}, []string{"老师傅帮帮团"}},
		{[]string{"谢婷婷是谁？", "那位书记有什么做法？"}, []string{"网上议事厅"}, []string{"银发调解队"}},
	} {
		ans := askAll(t, s, "two:"+strings.Join(c.qs, "/"), c.qs...)
		last := c.qs[len(c.qs)-1]
		for _, w := range c.want {
			if !strings.Contains(ans.Text, w) {
				t.Errorf("%v: answer to %s lacks %s:\n%s", c.qs, last, w, ans.Text)
			}
		}
		for _, w := range c.not {
			if strings.Contains(ans.Text, w) {
				t.Errorf("%v: answer to %s holds the other secretary's %s:\n%s", c.qs, last, w, ans.Text)
			}
		}
	}
}
