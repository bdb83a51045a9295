package core

// What particular detail a question asks, beyond its intent: a sum of
// money, when something is held each time, how things were before her
// work and how they are now, which community a practice is of. Read once,
// when the question is understood; the plans go by Question.Asks.

import "regexp"

// Detail is the particular thing a question asks.
type Detail string

const (
	AsksSum      Detail = "sum"      // 花了多少钱, 收费吗
	AsksSchedule Detail = "schedule" // 一般什么时候开, 多久开一次
	AsksPast     Detail = "past"     // 以前什么样, 刚去的时候是什么情况
	AsksNow      Detail = "now"      // 现在呢, right after how things were
	AsksPlace    Detail = "place"    // 哪个社区有X, X是哪里的经验
	AsksNoMore   Detail = "nomore"   // 还有吗, after the last item of her list
	AsksOther    Detail = "other"    // 还有别的办法吗: her methods not told yet
	AsksStory    Detail = "story"    // 第一次议事会是怎么开的: how an occasion went
	AsksLength   Detail = "length"   // 花了多久, 用了几个月: how long something took
	AsksWhy      Detail = "why"      // 为什么要这一步, 这一步有什么用: what a step is for
)

// stepUseAskRE asks what a step named by its number is for.
var stepUseAskRE = regexp.MustCompile(`(有|是)?(什么|啥)(用|作用|用处|意义|好处|目的)|为什么要|为啥要|为了什么|用意`)

// detailOf is the detail a question's own words ask; AsksNow needs the
// turn before and is set when resolving.
func detailOf(q Question) Detail {
	switch n := q.Norm; {
	case q.Step > 0 && stepUseAskRE.MatchString(n):
		return AsksWhy // "第二步有什么用"
	case moneyAskRE.MatchString(n):
		return AsksSum
	case q.Intent == IntentHow && toldHowRE.MatchString(n):
		return AsksStory
	case q.Intent == IntentWhen && scheduleAskRE.MatchString(n):
		return AsksSchedule
	case (q.Intent == IntentWhen || q.Intent == IntentNumber) && len(q.Attributes) == 0 && lengthAskRE.MatchString(n):
		return AsksLength
	case q.Intent != IntentFact && pastStateAskRE.MatchString(n):
		return AsksPast
	case len(q.Methods) > 0 && q.Intent != IntentCompare && q.Intent != IntentAdvice && whosePlaceAskRE.MatchString(n) && !othersAskedRE.MatchString(n):
		return AsksPlace
	}
	return ""
}

var (
	// moneyAskRE asks a sum of money.
	moneyAskRE = regexp.MustCompile(`收费吗|要钱吗|免费吗|收钱吗|花钱吗|贵不贵|(要|得)交钱|多少钱|几块钱|多少(万元|经费|资金|费用)|(费用|经费|资金|成本|预算)(是|有|一共|共)?多少|(花|投入|投资)了?多少(万|元)`)

	// scheduleAskRE asks when something recurring is held.
	scheduleAskRE = regexp.MustCompile(`(一般|通常|平时|平常|每次|每回|定期)(是|在|都)?(什么时候|啥时候|几点|哪天|什么时间|哪个时间)|(多久|多长时间|几天|多少天|隔多久)(开|举行|召开|搞|办|组织|活动|走访|上门|去)?一次|频率`)

	// lengthAskRE asks how long something took (花了多久, 用了几个月才清
	// 完); lengthStatedRE states a length of time (整整3个月, 两年来, 24小
	// 时内), never a date (2018年7月: a year has four digits, a month of
	// the calendar no 个; 第二天, 当天, 三年级, 60年代, 一年一度, 一周年 and
	// 这几天 are no lengths).
	lengthAskRE    = regexp.MustCompile(`(花|用|费|耗|搞|弄|忙|干|持续|坚持|折腾|忙活)了?(多久|多长时间|多少时间|多少天|几天|几个月|多少个月|几年|多少年|几周)|(多久|多长时间|几天|几个月|几年)(才|就|能|可以)?(完成|清理|清完|解决|办成|办好|建成|建好|做完|弄完|搞定|见效|干完|改完|完工|拆完|理顺)`)
	lengthStatedRE = regexp.MustCompile(`(^|[^\d第每这那前])(\d{1,3}|[一二两三四五六七八九十几半]+)(多|余)?(个(多)?月|年(多)?(时间|来|间|里|内|后|的时间)?([^\d月级代一]|$)|天([^两]|$)|周([^年]|$)|星期|(个)?(多)?小时)|一夜之间`)

	// pastStateAskRE asks how things were before (以前什么样, 刚来的时候
	// 是什么情况).
	pastStateAskRE = regexp.MustCompile(`(以前|原来|过去|当初|早先|从前|之前|原先|上任前)(是|的)?(个)?(什么样|怎么样|怎样|啥样|什么情况|什么状况|啥情况|什么面貌|样子|情况|状况|面貌)|(刚去|刚到|刚来|初到|刚接手|上任)[^？?。]{0,12}(时候|时)[^？?。]{0,6}(什么样|怎么样|怎样|啥样|什么情况|什么状况|啥情况|情况如何)`)

	// nowStateAskRE asks, right after how things were, how they are now.
	nowStateAskRE = regexp.MustCompile(`^(那)?(她|他|那里|那儿|社区|小区|村里)?(现在|如今|目前|今天)(呢|怎么样|什么样|如何|是什么样|变成什么样)?(了)?[呢吗]?[？?]?$`)

	// whosePlaceAskRE asks which community a practice is of; othersAskedRE
	// asks for other ones ("还有哪个社区有类似的做法").
	whosePlaceAskRE = regexp.MustCompile(`(是|属于)(哪个|哪)(社区|小区|街道|村|地方|城市|区)的?|(是|属于)?哪里的(经验|做法|办法|创新|特色|品牌)|哪个(社区|小区|街道|村|地方)(有|在搞|在做|搞|推行|实行|开展|创|办|做|的)|在哪(个)?(社区|里|儿)?(搞|推行|实行|开展|创|办|兴起|开始)`)
	othersAskedRE   = regexp.MustCompile(`还有|别的|其他|其它|类似|哪些`)

	// otherMethodAskRE asks another of her methods (还有别的办法吗);
	// nextAskRE the next one of a list just walked through (还有吗).
	otherMethodAskRE = regexp.MustCompile(`^(那)?(她|他)?(还有|还)(没有)?(别的|其他|其它|什么|哪些|另外的)?(的)?(好)?(办法|做法|方法|招|高招|经验|工作方法|举措)(吗|呢|没有|没)?[？?]?$`)
	nextAskRE        = regexp.MustCompile(`^(还有吗|还有呢|还有没有|下一个呢|下一个|再来一个)[？?]?$`)
)
