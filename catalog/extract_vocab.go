package catalog

import (
	"regexp"
	"strings"
)

// The extraction vocabulary. Patterns run on norm() text, so they are
// written in Simplified only.

// namingSuffix follows a quoted name and says how to name the method.
type namingSuffix struct {
	suffix string
	// keep: the name is the quoted text plus the suffix (“四单”工作法 →
	// 四单工作法); otherwise the quoted text alone is the name (“党建集结号”品牌).
	keep bool
	// numericOnly: only after a numbered shorthand (“四社”服务), because
	// after anything else it is ordinary prose (“网格化”服务送到家).
	numericOnly bool
	// nameSuffix replaces suffix in the name (联动服务模式 → 联动).
	nameSuffix string
	// huaOnly: only after a quoted …化 (“契约化”共建).
	huaOnly bool
}

var namingSuffixes = []namingSuffix{
	{suffix: "联动服务模式", keep: true, nameSuffix: "联动"},
	{suffix: "联动工作法", keep: true},
	{suffix: "联动机制", keep: true},
	{suffix: "工作法", keep: true},
	{suffix: "服务法", keep: true},
	{suffix: "议事法", keep: true},
	{suffix: "治理法", keep: true},
	{suffix: "工作体系", keep: true},
	{suffix: "体系", keep: true},
	{suffix: "共建", keep: true, huaOnly: true},
	{suffix: "工作机制", keep: true},
	{suffix: "机制", keep: true},
	{suffix: "联动", keep: true},
	{suffix: "服务模式", keep: true},
	{suffix: "治理模式", keep: true},
	{suffix: "模式", keep: true},
	{suffix: "志愿服务队", keep: true},
	{suffix: "服务队", keep: true},
	{suffix: "服务活动", keep: false},
	{suffix: "的服务活动", keep: false},
	{suffix: "的矛盾调解法", keep: false},
	{suffix: "调解法", keep: true},
	{suffix: "工作心得", keep: false},
	{suffix: "活动", keep: true},
	{suffix: "行动", keep: true},
	{suffix: "工程", keep: true},
	{suffix: "品牌", keep: false},
	{suffix: "制度", keep: false},
	{suffix: "平台", keep: false},
	{suffix: "项目", keep: false},
	{suffix: "书记项目", keep: false},
	{suffix: "书记领办项目", keep: false},
	{suffix: "民生项目", keep: false},
	{suffix: "微项目", keep: false},
	{suffix: "服务", keep: true, numericOnly: true},
}

// programSuffixes end a quoted text that names a programme, platform or
// service by itself (“仁和家访”, “畅大妈调解室”).
var programSuffixes = []string{
	"工作法", "机制", "联动", "模式", "家访", "议事厅", "议事会", "恳谈会", "联席会",
	"听证会", "调解室", "会客厅", "工作室", "工作站", "驿站", "服务圈", "服务站", "服务社",
	"服务中心", "工程", "党课", "心愿", "服务队", "志愿队", "行动", "计划", "睦邻节",
	"文化节", "邻里节", "大学", "课堂", "超市", "书屋", "热线", "服务岗", "调解队",
	"巡逻队", "微家", "连心桥", "夜话", "坝坝会", "院坝会", "茶话会", "议事坊",
	"食堂", "帮帮团", "服务团", "管家", "接待日", "开放日", "说事点", "议事点", "积分超市",
	"步法", "调解法", "议事法", "服务法", "治理法", "议事日", "服务日", "集市", "市集", "饭堂",
}

// meetingExclusions end quoted …会 texts that are events or bodies, not a
// leader's regular meeting (“七一”表彰大会, 业主委员会).
var meetingExclusions = []string{"大会", "晚会", "运动会", "联合会", "委员会", "协会", "商会", "学会", "工会", "理事会", "董事会", "年会", "博览会", "两会", "人大会"}

// creationVerbs, written right before a quoted name, say that someone made
// or runs it: 建起了“热心凉亭”, 牵头组建“红色管家”, 开设了邻里积分超市.
const creationVerbs = `(?:建起|建立|设立|成立|组建|组成|打造|创办|开设|开办|推出|开展|推行|启动|创建|搭建|实施|首创|创新|创设|探索|总结出|形成|琢磨出|摸索出|筹划|发起|引领|召开|举办|试行|开通|培育|孵化|建成|开辟|创立|改成)`

// everydayVerbs are the plain verbs an interviewee or a local report uses
// for starting a practice, counted only with their aspect (了, 起, 起了).
// Not 开了 (开了“绿色通道”, 开了“好头”) nor 组织了 (an event: 组织了“…”联欢),
// which more often do something once than start a practice.
const everydayVerbs = `(?:(?:办|搞|推|设|建|弄|成立|组建|打造|设立|开设|开展)(?:了|起了?|起来了)|(?:办起|搞起|建起|立起|拉起|开起|开办了))`

var (
	// reMeetingName ends a regular meeting's name (河埠头议事, 板凳会,
	// 院坝说事); reRegularHeld is its schedule and the plain verb holding
	// it, before the quote in the same sentence (每个月…开“…”).
	reMeetingName = regexp.MustCompile(`(?:议事|说事|恳谈|夜话|茶话|会)$`)
	reRegularHeld = regexp.MustCompile(`(?:每月|每周|每个月|每季度|每星期|每年|定期|逢)[^。;!?]*(?:开|举行|召开|办)(?:起|了|一次|一场|个)?$`)
	// A verb of creation just before a quoted name, allowing 了/一个/一支…
	reVerbBeforeQuote = regexp.MustCompile(creationVerbs + `(?:了|出|的)?(?:一个|一支|一套|一批|一项|一种|一次|一场|一期|一间|一家|一处|起)?$`)
	// An everyday verb of doing once it is done (办起了“…”, 搞了“…”, 推了
	// “…”, 开了个“…”): bare, 办/搞/推 are too common to say it.
	reEverydayBeforeQuote = regexp.MustCompile(everydayVerbs + `(?:一个|一支|一套|一批|一项|一种|一场|一期|一间|一家|一处|个)?$`)
	// A way of working given its name: 想了个办法，叫“邻里一张网”.
	// In an interview the speaker names it: 这个办法我们叫“巷长制”, 我们叫它
	// “…”, 大家管它叫“…”, 取名“…”, 起了个名字叫“…”.
	reNamedAs = regexp.MustCompile(`(?:(?:办法|做法|法子|点子|机制|模式|制度|活动|项目|服务|队伍|平台)[,，]?(?:我们|大家|居民们?|街坊们?)?(?:就)?(?:叫|叫做|叫作|名叫|取名为?|起名为?|称为|称作|称之为)|(?:叫它|管它叫|把(?:它|这|这个|这种|这些|此)叫做?|把(?:它|这|这个|这种|这些|此)叫作|把(?:它|这|这个|这种|这些|此)称为|称它为|取名|取名为|取名叫|起名|起名为|起名叫|名字叫|名字就叫|名字叫做|命名为)(?:了)?|(?:办|搞|建|开|设|成立|组建|推出|弄)了?(?:一)?[个支项](?:名)?叫(?:做|作)?)$`)
	// A nickname's context: 被居民称为「大管家」 names a person, not a method.
	reNicknameBefore = regexp.MustCompile(`(?:称为|称作|称她为|称他为|叫她|叫他|喊她|喊他|誉为|人称|叫作|当成|当作|比作)$`)
	// A tiered architecture named after a quoted list: “社区党委+…+党员中心户”四级组织架构.
	reTierSuffix = regexp.MustCompile(`^[一二三四五六七八九十][级层方位][\p{Han}]{0,4}?(?:架构|体系|网络|模式|机制|联动)`)
	// Colours counted as tiers after a quoted run of them: “红黄绿”三色管理,
	// “红橙黄”三色预警机制 (never the bare count: 三色 alone says nothing).
	reTierColourTail = regexp.MustCompile(`^[二三四五六]色(?:分级|分类|动态)?(?:管理|服务|预警|管控|标识|走访)(?:工作法|法|机制|模式|制度)?`)
	// A quoted list named as a way of working: “居民点单、社区派单、单位接单”的办法.
	reListMethod = regexp.MustCompile(`^的?(?:办法|做法|工作法|工作模式|模式|机制|工作机制)`)
	// The tail of a chain of quoted names: “百名党员助百老”、“千名义工助千困”系列帮扶活动.
	reChainTail = regexp.MustCompile(`^等?(?:系列|一系列)?\p{Han}{0,2}?(?:活动|行动|品牌|项目|服务)`)
	// The tail of a list of practices: 社工“全岗”、全科网格上门代办服务等一系列为民服务举措.
	reMeasuresTail = regexp.MustCompile(`等(?:一系列|系列)?\p{Han}{0,6}?(?:举措|措施|做法)`)
	// An unquoted named programme made by someone: 开设了邻里积分超市,
	// 召开楼长议事会, 成立了兰州首家楼宇党建示范点, 她创办的科普大学.
	reUnquotedProgram = regexp.MustCompile(`(?:召开|开设|创办|设立|成立|建立|建起|组建|打造|开办|推动建立|推动成立|办起|搞起|办了|开了|建了)(?:了|的)?(?:\p{Han}{0,4}首[家个支])?(\p{Han}{2,10}?)(议事会|恳谈会|议事厅|积分超市|超市|大学|示范点|工作室|服务站|驿站|调解室|会客厅|食堂|书屋|议事机制|志愿服务队|服务队|帮帮团)`)
	// 以格线党建引领基层治理: a named kind of Party building that leads.
	rePartyBuilding = regexp.MustCompile(`以(\p{Han}{2,4}党建)引领`)
	// Another secretary named just before a method: 社区党委书记李文静,坚持了六年的“睦邻茶话会”.
	reOtherSecretary = regexp.MustCompile(`书记(\p{Han}{2,3})[,，](?:[^,，。;；]{0,12})$`)
)

// colourRunes are the colours tiers are named by.
const colourRunes = "红橙黄绿青蓝紫白黑灰"

// allColours: s is two or more colour characters and nothing else (红黄绿).
func allColours(s string) bool {
	n := 0
	for _, r := range s {
		if !strings.ContainsRune(colourRunes, r) {
			return false
		}
		n++
	}
	return n >= 2
}

// genericPartyBuilding are kinds of Party building that are policy, not a
// leader's named practice.
var genericPartyBuilding = []string{"基层党建", "城市党建", "社区党建", "区域党建", "支部党建", "组织党建", "党建"}

// partnerWords mark a sentence whose subject is another organisation: its
// activities are not the secretary's methods (兰州银行城关支行开展“金融知识进社区”活动).
var partnerWords = []string{"银行", "支行", "网点", "公司", "集团", "企业", "医院", "学校", "派出所", "法院", "检察院", "供电", "电信", "移动", "联通", "邮政", "保险", "律所", "律师事务所", "酒店", "宾馆", "纪念馆", "博物馆", "商会", "协会", "基金会", "团市委", "妇联", "税务", "国税", "地税"}

// higherGovernment marks programmes run by a higher level of government.
var higherGovernment = regexp.MustCompile(`(?:国务院|中组部|中央|民政部|(?:省|市|区|县)委|(?:省|市|区|县)政府|全国|全省|全市|全区)(?:在|于)?\p{Han}{0,8}?(?:开展|推行|部署|实施|启动|推进)`)

// stopNames are national programmes and policies that articles mention but
// no leader invented.
var stopNames = []string{
	"主题党日", "三会一课", "两学一做", "不忘初心", "一肩挑", "吹哨", "公推直选", "最多跑一次", "两委", "两新", "我为群众办实事",
}

// numerals of shorthand names (四单, 三社, 八联); 两 is excluded because
// 两新组织 and 两会 are not methods.
const numerals = "一二三四五六七八九十"

func numeralValue(r rune) int {
	return strings.IndexRune(numerals, r)/3 + 1 // each numeral is 3 bytes
}

// boundaryWords end the prose before an unquoted name: the name starts
// after the last of them.
var boundaryWords = []string{
	"推行", "实行", "推进", "推动", "开展", "建立", "打造", "创新", "创设", "推出", "总结出",
	"总结", "形成", "组建", "启动", "探索", "倡导", "采取", "实施", "提出", "成立", "设立",
	"搭建", "整合", "通过", "利用", "依托", "运用", "坚持", "完善", "落实", "深化", "健全",
	"发挥", "摸索出", "创建", "创办", "首创", "实现", "构建", "发起", "的", "了",
	"和", "与", "及", "在", "以", "将", "把", "用", "对", "等", "她", "他", "其", "是", "为",
	"即", "记", "这", "一套", "一种", "一个", "积极", "大力", "全面", "进一步",
}

// leadingVerbs are cut from the first item of an expansion list
// (整合社工、社区… → 社工).
var leadingVerbs = []string{
	"推行", "实行", "建立", "打造", "开展", "整合", "通过", "形成", "组建", "包括", "涵盖",
	"实现", "即", "坚持", "推进", "倡导", "采取", "实施", "提出", "构建", "落实", "是",
}
