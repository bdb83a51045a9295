package lexicon

import (
	"slices"
	"strings"
	"testing"
)

// The ask side of the shipped lexicon is built from how residents and
// community workers say their problems (hotline complaint categories,
// 居民诉求 lists, 网格员 logs, 接诉即办 case reports), not from the words
// the articles print. These tests hold it to that: everyday wordings reach
// their topic, and questions about something else reach none, or not the
// wrong one.

func topicNames(ts []Topic) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Name)
	}
	return out
}

// TestEverydayWordings: a problem said in everyday words reaches the
// topic whose article words describe the practice for it. first marks the
// questions whose topic must also be the strongest one (it leads advice).
func TestEverydayWordings(t *testing.T) {
	lx := Default()
	for _, c := range []struct {
		q, want string
		first   bool
	}{
		// Words from the everyday tuning set (core/testdata/answers_everyday.jsonl).
		{"居民跟社区说了事，半个月都没个回音，哪位书记有好办法？", "诉求办理", true},
		{"小区要修东西，一说要掏钱居民就都不吭声了，怎么解决？", "经费资金", true},
		{"居民觉得社区就是个衙门，办事要看脸色，怎么扭过来？", "联系群众", true},
		{"喊居民出来打扫卫生，一个人都不来，有什么法子？", "居民参与", false},
		{"社区活动室太小，想开个会都挤不下，还有什么地方能开？", "服务阵地", true},
		{"刚调到社区当书记，两眼一抹黑，第一步该干啥？", "需求收集", true},
		{"白天上门入户，家家都锁着门没人，什么时候去找居民合适？", "上班族", true},
		{"楼里原来张罗事的老大爷干不动了，没人愿意接手，怎么办？", "人才队伍", false},
		{"我们这儿大多是租房子打工的外地人，根本管不过来，可以学谁？", "流动人口", true},
		// 老年助餐, 独居老人
		{"我们小区好多老人中午吃不上热饭，可以学谁？", "老年助餐", true},
		{"老人年纪大了做不动饭，社区能做点什么？", "老年助餐", true},
		{"社区想办个老年食堂，有什么经验？", "老年助餐", true},
		{"楼里有几个老人一个人住，万一在家出事都没人发现，怎么办？", "独居老人关爱", true},
		{"子女都在外地的老人越来越多，怎么照看？", "独居老人关爱", false},
		{"老人不会用智能手机，挂号缴费都办不了", "老年人", false},
		// 儿童托管
		{"孩子放学没人接，双职工家庭很头疼，哪位书记解决过？", "儿童托管", true},
		{"下午三点半放学，家长还在上班，孩子一个人在家不放心", "儿童托管", true},
		{"暑假孩子没人带，社区能不能办个班？", "儿童托管", false},
		// 楼道、充电、高空抛物
		{"楼道里堆满了纸箱旧家具，劝了也不搬，怎么办？", "安全隐患", true},
		{"有人从窗户拉线下来给电瓶车充电，太危险了", "安全隐患", true},
		{"老有人从楼上往下扔东西，差点砸到人", "高空抛物", true}, // its own topic since the seventh session
		{"小区老人被骗子骗了钱，怎么防？", "安全隐患", false},
		// 噪音、养狗
		{"楼下广场舞声音太大，吵得人睡不着，居民天天投诉", "噪音扰民", true},
		{"楼上装修太吵，邻居闹到社区来了", "噪音扰民", false},
		{"小区里遛狗不拴绳，到处是狗屎，怎么管？", "文明养犬", true},
		{"有人在小区里喂流浪猫，邻居意见很大", "文明养犬", true},
		// 快递外卖、停车
		{"外卖小哥进不了小区，电动车到处乱停", "新就业群体", false},
		{"快递堆在门口没人管，经常丢", "新就业群体", true},
		{"晚上回来车没处停，为了抢车位邻居都吵起来了", "停车", true},
		{"小区里好几辆僵尸车一直占着车位", "停车", true},
		// 邻里陌生、融入
		{"住了五年都不认识邻居，见面也不打招呼", "邻里关系", true},
		{"新小区大家各过各的，冷冰冰的，怎么让邻居熟起来？", "邻里关系", true},
		{"刚搬来的住户融不进来", "邻里关系", true},
		// 业主和物业
		{"业主和物业吵得很凶，好多人不交物业费了", "业主物业矛盾", true},
		{"居民对物业不满意，嚷着要换物业", "业主物业矛盾", true},
		{"物业撤走以后小区没人打扫，垃圾堆成山", "物业", false},
		{"下水道堵了好几天，找谁都不管", "物业", false},
		// 诉求、办事
		{"居民老打12345投诉，工单越来越多，怎么减少？", "诉求办理", true},
		{"反映了好几次问题都没下文，居民很有意见", "诉求办理", true},
		{"老人办个养老认证要来回跑好几趟", "帮办代办", true},
		{"腿脚不便的居民办手续难，有没有人帮着跑腿？", "帮办代办", true},
		// 参与、议事
		{"开会总是那几个老面孔，年轻人叫不来", "居民参与", false},
		{"小区改造意见不统一，一人一个想法，谁也说服不了谁", "居民参与", true},
		{"在职党员报到就是走过场，叫不动", "党员作用", true},
		{"志愿者都是老人，年轻人不愿意来", "志愿服务", false},
		// 群里吵架
		{"业主群里天天吵架，还有人传谣言", "智慧社区", true},
		// 矛盾、家庭
		{"两家为了一堵墙吵了好几年，谁也不让谁", "矛盾纠纷", true},
		{"婆媳关系不好，三天两头吵，社区能管吗？", "妇女家庭", true},
		// 环境、垃圾、老旧小区
		{"小区卫生死角多，杂草老鼠蚊子都有", "环境整治", true},
		{"居民扔垃圾不分类，垃圾桶旁边臭得很", "垃圾分类", true},
		{"老房子楼顶漏水，墙皮一块块往下掉", "老旧小区改造", true},
		{"一楼住户不同意装电梯，谈了好几次都谈不拢", "加装电梯", true},
		// 人群
		{"辖区有刑满释放人员和社区矫正对象，怎么帮教？", "特殊人群", true},
		{"家里有精神障碍患者，家属管不住，邻居很害怕", "特殊人群", true},
		{"坐轮椅的居民下不了楼，出门难", "残疾人", true},
		{"有户人家因病致贫，孩子上学都交不起学费", "困难群众", true},
		{"租户多，房东也不配合登记", "流动人口", true},
		{"村民上楼以后还是村里的习惯，在绿地里种菜养鸡", "城乡结合部", false},
		// 风俗、文化、阵地
		{"居民办红白喜事大操大办、互相攀比，怎么引导？", "移风易俗", true},
		{"彩礼越要越高，份子钱也成了负担", "移风易俗", true},
		{"老人退休后没事干，天天在家打麻将", "文化活动", false},
		{"社区没场地，活动室太小，办不了活动", "服务阵地", true},
		// 工作本身
		{"天天填表迎检，材料太多，顾不上走访", "基层减负", true},
		{"社工工资低留不住人，招不到年轻人", "人才队伍", true},
		{"两委班子不团结，意见老是不一致", "班子建设", true},
		{"想给楼道装个灯也没钱，钱从哪来？", "经费资金", true},
		{"新来的书记对情况摸不准，心里没底", "需求收集", true},
		{"居民有怨气，老抱怨社区不办事", "群众满意度", false},
		{"下暴雨地下室淹水了，突发情况怎么应对？", "防汛排涝", true},
		{"家里老人高血压糖尿病，看病排队太久", "医疗健康", true},
		{"宝妈想在家门口找点零工做", "就业", true},
		// the other fields
		{"党课没人听，学习老是走过场", "党史学习教育", true},
		{"小区门口早上摆地摊，占道很乱", "夜市摊贩", true},
		{"有个居民最近想不开，心情一直不好", "心理关爱", true},
		{"小区没有党组织，党员都不知道归谁", "组织体系", true},
		{"年轻人对社区的事不感兴趣，活动从来不来", "青年参与", false},
	} {
		got := lx.InQuestion(c.q)
		names := topicNames(got)
		if !slices.Contains(names, c.want) {
			t.Errorf("%s: topics %v, want %s", c.q, names, c.want)
			continue
		}
		if c.first && names[0] != c.want {
			t.Errorf("%s: topics %v, want %s first", c.q, names, c.want)
		}
	}
}

// TestNoFalseTopic: questions about a person, a date, the weather or a
// method's name touch no topic of community work, and a word shared with
// another field does not pull a question into it.
func TestNoFalseTopic(t *testing.T) {
	lx := Default()
	for _, q := range []string{
		"吴中兰是哪里人，哪一年出生的？",
		"郭佳的生日是哪天？",
		"明天兰州天气怎么样？",
		"四单工作法这个名字是谁起的？",
		"她今年多大了？",
		"这篇文章是哪家报纸登的？",
		"李亚玲的联系电话是多少？",
		"你好，你是谁？",
		"谢谢你的回答",
		"邵敏是什么时候入党的？",
		"这个社区在哪个区？",
		"文章是哪一年写的？",
	} {
		if got := lx.InQuestion(q); len(got) > 0 {
			t.Errorf("%s: topics %v, want none", q, topicNames(got))
		}
	}
	for _, c := range []struct{ q, not string }{
		{"她有心脏病还坚持上班吗？", "环境整治"},  // 心脏 is no 脏乱
		{"社区在哪里找活动场地？", "就业"},     // 找活动 is no 找活
		{"网红打卡的老街怎么宣传？", "基层减负"},  // 打卡 of a visit, not of a timesheet
		{"家里闹老鼠怎么办？", "妇女家庭"},     // 家里…闹 is no family quarrel
		{"下午四点半开会，几点结束？", "儿童托管"}, // a time of day, not the 四点半 of school
		{"小区楼道灯坏了没人修", "文明养犬"},
		{"孩子的作业没人管，家长很着急", "物业"}, // a bare 没人管 is no 物业
		{"她在哪个街道办事处工作？", "诉求办理"},
		{"社区卫生服务中心几点开门？", "环境整治"},   // a clinic, not 环境卫生
		{"改制企业的老党员都找回来了吗？", "服务企业"}, // 办事处 is no 办事
		{"双职工家庭的孩子放学后去哪？", "妇女家庭"},  // a family with a child, no family quarrel
		{"物业费标准是多少？", "噪音扰民"},
		{"我刚当上书记，想了解她以前做什么工作", "帮办代办"},
	} {
		if names := topicNames(lx.InQuestion(c.q)); slices.Contains(names, c.not) {
			t.Errorf("%s: topics %v, must not hold %s", c.q, names, c.not)
		}
	}
}

// TestProblemBeforeThePeople: a group of people named beside a problem
// ("老楼没电梯，老人下不了楼") comes after the problem's topic, whatever
// their words weigh; alone, it is the topic.
func TestProblemBeforeThePeople(t *testing.T) {
	lx := Default()
	got := topicNames(lx.InQuestion("老楼六层没电梯，腿脚不好的老人一年都下不了几次楼，老人太可怜了"))
	if i, j := slices.Index(got, "加装电梯"), slices.Index(got, "老年人"); i < 0 || j < 0 || j < i {
		t.Errorf("topics %v: want 加装电梯 before 老年人", got)
	}
	if got := topicNames(lx.InQuestion("我们社区老年人多，可以学谁？")); len(got) == 0 || got[0] != "老年人" {
		t.Errorf("topics %v: want 老年人", got)
	}
	if _, err := Parse(strings.NewReader("老年人\t老人\t助老\t人群\n")); err != nil {
		t.Errorf("a 4th column 人群 is the format: %v", err)
	}
	if _, err := Parse(strings.NewReader("老年人\t老人\t助老\t别的\n")); err == nil {
		t.Error("a 4th column other than 人群 is an error")
	}
}
