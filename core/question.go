package core

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"bangyang/corpus"
	"bangyang/lexicon"
	"bangyang/zh"
)

// Intent is what a question asks for; it decides the answer plan.
type Intent string

const (
	IntentWhat    Intent = "what"    // 什么是四单工作法
	IntentSteps   Intent = "steps"   // 有哪几步、第二步
	IntentHow     Intent = "how"     // 她是怎么做的
	IntentWho     Intent = "who"     // 是谁总结的、X是谁
	IntentWhere   Intent = "where"   // 在哪里工作
	IntentWhen    Intent = "when"    // 什么时候
	IntentNumber  Intent = "number"  // 多少、几个
	IntentFact    Intent = "fact"    // an attribute of a person: 籍贯、电话、工资 …
	IntentAdvice  Intent = "advice"  // 我们社区X，可以学谁
	IntentCompare Intent = "compare" // A和B有什么不同
	IntentSummary Intent = "summary" // 总结一下郭佳的工作方法
	IntentResult  Intent = "result"  // 效果怎么样、后来呢
	IntentProblem Intent = "problem" // 解决了什么问题
	IntentExample Intent = "example" // 有没有具体的例子
	IntentList    Intent = "list"    // 有哪些书记、都有哪些工作方法
	IntentChat    Intent = "chat"    // 你好、谢谢、你是谁
	IntentOther   Intent = "other"
)

// Question is a question understood once, at the entrance of core: every
// later step reads these fields instead of normalising or detecting again.
type Question struct {
	Text   string    // as asked, trimmed
	Norm   string    // Simplified
	Script zh.Script // the reply script
	Intent Intent
	// Leaders and Methods are the canonical (catalog) names the question
	// names, by name, alias or nickname, in order of mention; after
	// follow-up resolution they may come from the previous turn.
	Leaders []string
	Methods []string
	// Unknown are names of people or places the corpus does not have.
	Unknown []string
	// UnknownTerms are names of methods or programmes the question gives
	// ("三治融合", X工作法) that no article uses.
	UnknownTerms []string
	// Attributes are personal facts asked about (籍贯, 联系电话 …).
	Attributes []Attribute
	// OtherAttributes are such facts asked about someone else (网格员的
	//手机号): only a sentence stating one answers.
	OtherAttributes []Attribute
	// Topics are the community-work topics the question touches.
	Topics []lexicon.Topic
	// Step is the 1-based step asked for ("第二步"), 0 for none.
	Step int
	// FieldAbsent names the fields asked (lexicon topics) that the one
	// secretary asked about never works on, read once after resolving;
	// "" when she does or the question names no single secretary.
	FieldAbsent string
	// Item is the place in the last answer's list a question points to
	// ("第一个方法", "第二种做法"), 1-based; 0 when none.
	Item int
	// FollowUp is true when the question leans on an earlier turn.
	FollowUp bool
	// Region are the secretaries of the city or district the
	// question names (深圳的社区书记), when it names no one.
	Region []string
	// RegionKey is the place they were found by (成都市, 四川).
	RegionKey string
	// ViaPlace is true when Leaders were found through a community the
	// question names (上清寺路社区获得过哪些荣誉): it is about the place.
	ViaPlace bool
	// Resolved is true when Leaders or Methods were taken from that turn.
	Resolved bool
	// Topic is what is left of the question once names, question words
	// and intent cues are removed: what retrieval should match.
	Topic string
	// Except are secretaries an advice question leaves out: "还有其他书记
	// 这么做吗" asks for others than the one just told.
	Except []string
	// Asks is the particular detail asked (a sum, a schedule, how things
	// were or are, which community a practice is of), "" for none.
	Asks Detail
	// Parts are the questions a question asking two counts or more is
	// made of, one per count; nil otherwise.
	Parts []Question
	// Premise is a comparison's shared context ("两人都记民情日记"), the
	// topic to fall back on when what is left names nothing.
	Premise string
}

// Attribute is a personal fact a question may ask about, with the words
// that state it in an article.
type Attribute struct {
	Name  string // Simplified label, used in answers: 籍贯、联系电话
	cue   *regexp.Regexp
	state *regexp.Regexp
	// strong, when set, marks the sentences that state it outright
	// (被授予…称号) ahead of those that only mention it.
	strong *regexp.Regexp
}

// militaryAsk asks whether she served in the army (当过兵吗, 参过军吗,
// 是退伍军人吗): a former job like any other. militaryState tells it
// (参军, 入伍, 服役, 退伍, 转业, 在部队当了十二年兵).
const (
	militaryAsk   = `当过兵|当兵|参过军|参军|入过伍|入伍|服过役|服役|(是|曾是)(退伍|退役|转业)军人|转业(干部|军人)|军人出身|在部队(待|干|呆|工作|服役)过|是军人`
	militaryState = `参军|入伍|服役|退伍|退役|转业|当兵|当[了过][^，,。]{0,6}兵|在部队|部队(里|上)(当|干|待|服)|军人出身|军营|军旅`
)

// militaryAskRE and militaryStateRE are militaryAsk and militaryState.
var (
	militaryAskRE   = regexp.MustCompile(militaryAsk)
	militaryStateRE = regexp.MustCompile(militaryState)
)

// attributes are the personal facts people ask about secretaries. An
// article states one only with words of its state pattern; where none of
// her sentences does, the honest answer is 资料中没有提到.
var attributes = []Attribute{
	{Name: "籍贯", cue: regexp.MustCompile(`哪里人|哪儿人|籍贯|老家|出生地|出生在哪|什么地方人|哪的人`), state: regexp.MustCompile(`[省市县区州旗]人[,，。、;；]|[省市县区州旗]人$|籍贯|祖籍|原籍|(出)?生(在|于)(` + strings.Join(corpus.Provinces(), "|") + `|\p{Han}{1,6}(省|市|县|区|州|镇|乡|村|农村))|人氏|老家|家乡(是|在)|出生地|土生土长的\p{Han}{2,6}人|(` + strings.Join(corpus.Provinces(), "|") + `)[^的籍有和与来自在，,。]{0,4}人[,，。、;；]|([，,](男|女|\p{Han}族)|年(出)?生)[，,]([^，,。]{0,14}[，,])?\p{Han}{1,3}[^军工残商老本家名艺华主文族男女病伤客穷富好坏证]人[,，。、;；（(]`)},
	{Name: "生日", cue: regexp.MustCompile(`生日|几月几[号日]|哪天出生|出生日期|哪一天出生`), state: regexp.MustCompile(`\d{1,2}月\d{1,2}[日号](出)?生|生日|出生于\d{4}年\d{1,2}月\d{1,2}`)},
	{Name: "出生年份", cue: regexp.MustCompile(`哪一?年出生|哪年生|出生年|什么时候出生|出生的|几几年生`), state: regexp.MustCompile(`\d{4}年(\d{1,2}月)?(出)?生|出生于\d{4}|生于\d{4}`)},
	{Name: "年龄", cue: regexp.MustCompile(`多大|年龄|几岁|多少岁|年纪|谁(更|比较)?年轻|谁(更|比较)?年长|谁的?岁数`), state: regexp.MustCompile(`\d+岁|\d{4}年(\d{1,2}月)?(出)?生`)},
	{Name: "联系方式", cue: regexp.MustCompile(`电话|手机|联系方式|微信|邮箱|怎么(才能)?联系(上|到)?(她|他|书记|本人)?[？?。]?$|联系到(她|他|书记|本人)`), state: regexp.MustCompile(`\d{3,4}-\d{7,8}|1\d{10}|\d{7,8}[,，。)）]|微信号[:：]|邮箱[:：]|@`)},
	{Name: "工资收入", cue: regexp.MustCompile(`工资|收入|薪水|薪资|待遇|月薪|年薪|报酬|挣多少`), state: regexp.MustCompile(`工资|收入|薪|报酬|待遇`)},
	{Name: "家庭情况", cue: regexp.MustCompile(`丈夫|老公|爱人|孩子|儿子|女儿|家人|家庭|结婚|父母|婚姻|子女|兄弟|姐妹|兄妹`), state: regexp.MustCompile(`丈夫|老公|爱人|孩子|儿子|女儿|家人|家庭|结婚|父母|婚姻|子女|兄弟|姐妹|兄妹`)},
	{Name: "住址", cue: regexp.MustCompile(`住在哪|住哪|家住|住址|家在哪|住的地方|住在什么|住在哪个`), state: regexp.MustCompile(`家住|住在|住址|她家在|他家在`)},
	{Name: "爱好", cue: regexp.MustCompile(`爱好|兴趣爱好|有什么兴趣|的兴趣|业余时间|业余生活|特长|喜欢做什么|喜欢干什么|平时喜欢`), state: regexp.MustCompile(`爱好|兴趣|特长|业余|喜欢(唱|跳|写|读|看|画|打|下|练|钓|跑)`)},
	{Name: "身体情况", cue: regexp.MustCompile(`身高|体重|多高|多重|身体(怎么样|好吗|状况|情况)|健康状况|生过病|得过病`), state: regexp.MustCompile(`身高|体重|公分|厘米|公斤|生病|患病|住院|手术|病倒|身体`)},
	{Name: "学历", cue: regexp.MustCompile(`学历|毕业|哪所大学|什么专业|文凭|学位|读过书|(上|读|念)过(大学|高中|中专|书)|文化程度|念过几年书|读到几年级`), state: regexp.MustCompile(`毕业|学历|本科|硕士|专科|学位|大学生|大专`)},
	{Name: "荣誉", cue: regexp.MustCompile(`荣誉|获得过|得过|奖项|称号|表彰|获奖|获得了哪些|获得什么|哪些奖`), state: regexp.MustCompile(`荣获|授予|评为|称号|奖|表彰|当选|荣誉|(先进|优秀)[^，,。；;的]{0,10}(工作者|党员|个人|集体|书记|干部|代表|人物|典型|组织|志愿者|军人|能手|家庭|之星)|星级|红旗手|劳动模范|劳模|标兵|模范|十佳|最美|巾帼|带头人|榜样`), strong: regexp.MustCompile(`荣获|授予|评为|称号|表彰为|当选为`)},
	{Name: "职务", cue: regexp.MustCompile(`职务|什么职位|担任什么|什么职|身份|头衔|什么官`), state: regexp.MustCompile(`书记|主任|担任|委员|代表|推选|选为|岗位`)},
	{Name: "民族", cue: regexp.MustCompile(`民族|什么族|哪个族`), state: regexp.MustCompile(`(汉|` + minorities + `)族`)},
	{Name: "任职经历", cue: regexp.MustCompile(`怎么当上|如何当上|怎样当上|当上.{0,4}书记|(怎么|如何|怎样)成为.{0,8}书记|怎么选上|怎么当选|如何当选|任职经历|履历|工作经历|(当|成为|担任|做).{0,6}书记(之前|以前|前)|(什么时候|哪一?年|何时|几几年)(开始)?(当|做|担任|成为|出任|任|干).{0,4}(书记|主任)|(当|做|担任|干)(社区)?书记(多久|多少年|几年|多长时间|更早|最早|更久|最久|时间更长|时间最长)|(当|做|担任|干)了(多少|几|多)(年|久)(的)?(社区)?(党委|党支部|党总支)?书记|书记(当|做|干)了(多久|多少年|几年|多长时间)|在.{0,12}(社区|街道)(干|工作|任职)了(多久|多少年|几年|多长时间)|谁.{0,3}(先|更早|最早)(当|做|担任|成为|当上).{0,4}书记|谁(在社区)?(干|当|做|工作)(得|了)?(更|最)?(久|长)|谁的?(资历|工龄)(更)?(老|长|深)`), state: regexp.MustCompile(`当选|推选|选举|公推直选|任命|第[一二三四五六七八九十\d]+个年头|一干就是(\d+|[一二三四五六七八九十两]+)(多)?年|(调|派)过来|调来|(工作|扎根|坚守|干)(了)?(\d+|[一二三四五六七八九十两]+)(多)?年|(\d+|[一二三四五六七八九十两]+)(多)?年来|担任|调任|调到|出任|走上|(成为|成了).{0,12}书记|竞选|接任|就任|放弃|曾任|曾在|此前|(起|开始)?(担)?任.{0,14}(书记|主任)|上任|到任|任职|回到社区|来到社区|到社区工作|进入社区|(刚|初)(到|来到|调到)[^，,。]{0,8}(社区|街道)`), strong: regexp.MustCompile(`当选|公推直选|推选|选举|任命|竞选|接任|就任`)},
	{Name: "此前工作", cue: regexp.MustCompile(`(之前|以前|原来|此前|过去|早先|当书记前|到社区前|来社区前)[^，,。？?]{0,4}(在哪|在什么|哪个单位|什么单位|哪里工作|从事|干过|做过|(是)?(做|干)(什么|啥)|什么工作)|` + militaryAsk), state: regexp.MustCompile(`\d{4}年(至|到|—|-|～)\d{4}年(在|任|于)|(之前|以前|原来|原先)我在|我(之前|以前|原来|原先)(在|是)|辞了[^，,。]{0,6}工作|曾在|曾任|曾是|此前|原来在|原在|原是|原为|原任|原系|之前在|之前是|以前在|以前是|退休前是|退休前在|从[^，,。]{1,16}(辞职|辞去|调到|调任|转到|退休|退伍|调过来|调来)|辞去|下岗|转岗|转行|转业|(在|于)[^，,。社这此居街]{1,12}(干了|做了|工作了|当了)(\d+|[一二两三四五六七八九十几]+)年|(\d+|[一二两三四五六七八九十几]+)年前[，,]?(我|她|他)(还|曾|曾经)?(是|在)|(当时|那时|那时候|那会儿)[，,]?(我|她|他)(还)?(是|在)[^，,。]{0,12}(厂|公司|单位|企业|医院|学校|部队|商场|超市|店)|` + militaryState)},
	{Name: "入党时间", cue: regexp.MustCompile(`入党|党龄`), state: regexp.MustCompile(`入党|党龄`)},
}

var (
	compareRE = regexp.MustCompile(`共同点|相同点|相同之处|不同点|不同之处|有什么不同|有何不同|有哪些不同|区别|异同|比较|对比|差异|差别|一样吗|有什么相似|相似之处|相比|[^前去往原]比[，,]?(有什么|有啥|有哪些|起来)`)
	// betterRE asks which of two is better ("A和B比，哪个更…", "谁的做法更
	// 适合"): a comparison, unless a personal fact is what is compared
	// (谁的工资更高 asks a fact the articles may not state).
	// compareWithRE sets one more beside the one just discussed: 和万丽萍比呢.
	compareWithRE = regexp.MustCompile(`^(那|那么)?(和|跟|与|同)[^，,。？?]{1,14}比`)
	betterRE      = regexp.MustCompile(`哪个更|哪一个更|哪种更|哪个好|哪个效果|谁更|谁的[^，,。？?]{0,4}更|(和|跟|与|同)[^，,。？?]{1,14}比([，,起呢？?]|$)|(哪个|哪一个|哪位|谁)[^，,。？?]{0,4}(强|好|厉害|高明|出色|管用|有效|有一套)([些点]|一些|一点)?[？?呢吧啊]?$`)
	// adviceRE asks whom to learn from, or what to do about a situation.
	adviceRE = regexp.MustCompile(`借鉴|学哪位|学谁|该学|可以学|向谁学|值得学|学习哪位|学习谁|参考|推荐|适合我们|怎么办[？?。！!，,呢啊]|怎么办$|如何解决|怎么解决|有什么办法|有什么好办法|有什么经验|谁的经验|哪位的经验|经验好|好经验|好做法|可借鉴|取经|怎么做好|如何做好|怎样做好|有啥办法|可以怎么做|该怎么做|应该怎么做|从哪[里儿]?入手|怎么破|支招|(有没有|有无|哪位|哪个|谁)[^，,。？?]{0,6}(解决|破解|处理|做|遇到|碰到|遇见|管|办成|办|试|搞|弄|经历|帮着?[^，,。？?]{0,2}|要回|讨回)过|有(哪些|什么)书记|(能|可以|该|应该)(做|帮|干)(点|些)?(什么|啥)|做点什么|帮点什么|(别的|其他|其它)(书记|社区)[^，,。？?]{0,6}(怎么|如何|怎样)|有(什么|啥)(好)?(法子|招|高招|妙招)|(该|能|可以)怎么(弄|搞|整|处理|应对)|咋办|怎么整|(哪位|哪个|谁|有没有)[^，,。？?]{0,6}有(好)?(办法|法子|招|点子)` +
		// Everyday frames: 谁家做得好, 别人是咋弄的, 有啥做法, 有现成的经验吗,
		// 社区能为她们做点什么.
		`|(谁家|哪家|哪个社区|哪些社区|哪儿|哪里)[^，,。？?]{0,8}(做|搞|弄|管|办)得(好|不错|最好|比较好|出色|成功|有声有色)|(别人|人家|别处|外地|别的地方)[^，,。？?]{0,8}(怎么|咋|如何|怎样)(做|弄|搞|管|办|处理|解决)|咋(弄|搞|管|整|处理|解决)|有(啥|什么)(好)?(做法|门道|窍门|经验)|现成的(经验|做法|办法|例子)|(能|可以|该|应该)(为|给|帮|替)[^，,。？?]{1,6}(做|干|办)(点|些)?(什么|啥)|(哪里|哪儿|谁|哪个社区)有[^，,。？?]{0,6}(经验|做法|好办法)|(成功|现成)的?(例子|案例|经验)|(给|提)(点|些|个)(建议|主意)|出(出|个)?主意|(有没有|有无)(哪位|哪个|哪些|别的|其他)[^，,。？?]{0,8}(做|搞|弄|管|办|试|解决|处理|遇到|碰到)过`)
	// adviceLooseRE asks for advice without saying whom to learn from
	// (哪位书记有好办法, 什么时候去找居民合适, 还有什么地方能开): advice only
	// when no secretary or method is named ("板凳会什么时候开比较好" asks
	// of it).
	adviceLooseRE = regexp.MustCompile(`(哪位|哪个|谁|有没有|有无)[^，,。？?]{0,6}好(的)?(办法|法子|点子|主意|招)|(谁|哪位|哪个)[^，,。？?]{0,6}(办法|做法|经验|法子)[^，,。？?]{0,3}(适合|值得|管用|好用|对路|可行)|(我|我们|咱|咱们)[^？?，,]{0,4}(是|作为)?(新上任|刚上任|刚当上|新当选|刚接手|刚调来|新来的)[^？?]{0,16}(先做|先干|先抓|从哪|怎么开展|如何开展|打开局面|开局|做什么|干什么|怎么做|有什么建议)|有(什么|啥)?好(的)?(点子|主意)|(什么时候|何时|几点)[^，,。？?]{0,8}(合适|比较好|最好)|(什么|啥|哪些)(地方|场地|场所)[^，,。？?]{0,3}(能|可以|适合)`)
	ourPlaceRE    = regexp.MustCompile(`我们|咱们|我社区|本社区|我们这|我所在|我在的|我的社区|我们小区|我们街道|社区里|小区里|辖区里|如果社区|一个社区`)
	stepsRE       = regexp.MustCompile(`哪几步|几个步骤|几步|步骤|流程|环节|程序|每一步|这一步|哪一步|一步步|一步一步|第[一二三四五六七八九十两\d]+[步个项单]|具体怎么做|怎么操作|怎么运作|怎么运行|怎么实施|如何实施|如何操作|如何运作|几步走`)
	// whichItemsRE asks for the items of a numbered shorthand (哪四链, 哪三活).
	whichItemsRE = regexp.MustCompile(`哪[几一二三四五六七八九十两\d]+[个项条种单清活链社联微到]?`)
	// notItemsRE asks which year, day or person, not which items: 哪一年.
	notItemsRE = regexp.MustCompile(`哪[一几]?(年|天|月|日|位|次|届|期|家|户|个社区|个街道|个城市|个省|个区|里)`)
	lastStepRE = regexp.MustCompile(`最后一步|最后一个步骤|最后一个环节|最后那一步`)
	// itemRefRE points to an item of a list just given: 第一个方法, 第二种做法.
	itemRefRE = regexp.MustCompile(`第([一二三四五六七八九十两]|\d+)(个|种|项|条)(工作)?(方法|做法|办法|经验|工作法)`)
	// bareItemRE points to an item without saying what kind (详细说说第二个,
	// 第三个呢): an item of a list, or a step of the method just told.
	bareItemRE = regexp.MustCompile(`第([一二三四五六七八九十两]|\d+)(个|种|项|条)(呢|吧|吗|[？?。！!，,]|$)`)
	// listedItemRE is the N-th of a list, however asked (第二个怎么做的).
	listedItemRE = regexp.MustCompile(`第([一二三四五六七八九十两]|\d+)(个|种|项|条)`)
	// asksOutcomeRE asks for results, even after 后来 ("后来效果怎么样").
	asksOutcomeRE = regexp.MustCompile(`效果|成效|成果|成绩|结果`)
	// thisMethodRE points to the method just discussed.
	thisMethodRE = regexp.MustCompile(`这个方法|这种方法|这个做法|这种做法|这个办法|该方法|这一方法|这个工作法`)
	stepNumRE    = regexp.MustCompile(`第([一二三四五六七八九十两]|\d+)(步|个步骤|个环节|项|单|个)`)
	howRE        = regexp.MustCompile(`咋(弄|搞|整|干|做|操作)|怎么做|如何做|怎么开展|如何开展|怎样|如何|做法|是怎么|怎么|具体做了|做了哪些|做了什么|采取|措施|办法|举措|经验`)
	servedAskRE  = regexp.MustCompile(`(针对|面向|服务|帮助|照顾|覆盖)(的)?(是)?(什么人|哪些人|谁)|对象是(谁|什么人|哪些人)|(什么人|哪些人|谁)(能|可以)(参加|参与|报名|享受)`)
	whoRE        = regexp.MustCompile(`(书记|人|那位|那个|负责人)(叫|姓)(什么|啥)(名字)?|是?谁(提出|总结|创立|发明|首创|创造|推行|发起|想出|创办|牵头)|是谁|哪位|谁的|什么人|创始人|何人|哪个书记|哪一位`)
	leaderFromRE = regexp.MustCompile(`(是|属于)哪(里|儿)的[？?]?$`)
	whereRE      = regexp.MustCompile(`在哪里|在哪儿|在哪|哪里工作|哪个社区|哪个街道|什么地方|哪个城市|哪个省|哪个区|哪个(市|县|镇|乡|村|州|地区)(的|[？?]|$)|哪座城市|哪一?个?(省|市)的|所在地|工作单位`)
	whenRE       = regexp.MustCompile(`什么时候|哪一年|哪年|何时|几月|哪天|时间是|多久|多长时间|几点|几时|营业时间|开放时间|开门时间`)
	// indefiniteRE is 几 meaning "a few", asking no number (住了好几年,
	// 这几年, 几十户).
	indefiniteRE = regexp.MustCompile(`(好|十|这|那|前|近|没|过|每|头)几[` + measureWords + `]|几(十|百|千|万)`)
	numberRE     = regexp.MustCompile(`多少|几[` + measureWords + `]|比例|百分之|满意率|规模|人数|数量`)
	resultRE2    = regexp.MustCompile(`(管用|有用|见效|起作用|奏效)(吗|不|没有|了吗|了没|么)?[？?]?$|管不管用|有没有用|灵不灵|效果|成效|成果|成绩|结果|作用|影响|怎么样了|后来|发展得|变化|好处|收获|反响|评价|(居民|群众|大家|街坊|老人|别人)(都)?(怎么|如何)(说|讲|夸|看)`)
	problemRE2   = regexp.MustCompile(`遇到过|遇到什么|(是)?怎么来的|由来|来历|怎么产生的|怎么诞生的|遇到哪些|遇到的(最大的?|主要的?)?(困难|难题|问题|挑战)|最大的?(困难|难题|难处|挑战)|面临什么|面临哪些|什么困难|哪些困难|什么难题|哪些难题|难处|挑战|阻力|解决了什么|解决什么|针对什么|为什么要|为什么|背景|起因|难题|面临|遇到了|出发点|为了解决|问题是什么|为啥|为何|什么原因|出于什么|原因是|的原因|缘由|初衷|(怎么|咋|怎样)(会)?想到|(怎么|咋|如何)想出来|想到(要)?(这个|这么个|这种|这样的)?(办法|主意|点子|法子|招)`)
	summaryRE    = regexp.MustCompile(`主要做了什么|主要做了哪些|都做了什么|做了哪些事|做了哪些工作|总结|概括|归纳|梳理|简介|介绍一下|介绍下|介绍|讲讲|说说|有哪些方法|有什么方法|哪些工作方法|的工作方法|有什么工作方法|事迹|主要做法|有哪些做法|有什么做法|干了什么|做过什么|有什么贡献|(哪些|啥|什么样的)贡献|贡献(是什么|有哪些)|有(什么|哪些|啥)好的?(做法|经验|办法|方法|招)|工作亮点|(有|的)(哪些|什么|啥)亮点|主要经验|经验有哪些|有什么经验|有哪些经验|(是)?(怎么|如何|怎样)(带好|带领|管好|做好|搞好|建好)(这个)?(社区|街道|小区)|做了哪些工作|主要工作|这些年|变化`)
	// summaryLooseRE asks the same in everyday words ("主要干了些什么",
	// "这个人怎么样"); it asks for her summary only when the question holds
	// nothing else (not "为了停车难，她做了什么").
	summaryLooseRE = regexp.MustCompile(`(干|做|办)了(些|哪些|点)?(什么|啥|哪些)(事|事情|工作|实事|好事)?|(干|做|办|忙)(些|点)(什么|啥)(事|事情|工作)?|(干|做)得(怎么样|如何|咋样|好不好)|解决了?(哪些|啥)(问题|难题|困难|难事|烦心事)|(干|做|办)过(些|哪些)?(什么|啥|哪些)(事|事情|工作|实事|好事)?|有(啥|哪些|什么)(经验|本事|绝活|招数|高招|好做法)|(这个人|这位书记|此人)(怎么样|如何)|(是)?(个|一个|一位)?(什么样|怎样)的(人|书记)|(怎么|如何|怎样)(把|将)(社区|这个社区|小区|工作)(带|管|搞|做|建|治理)(好|起来)`)
	// looseFillerRE is what such a question holds besides her name and the cue:
	// for everyone she serves (为居民, 给老百姓) and since she came (来了之后,
	// 到任以来) narrow nothing.
	looseFillerRE = regexp.MustCompile(`(为|给|替|帮)(辖区|社区)?(居民群众|居民|群众|老百姓|百姓|大家|街坊邻居|街坊|邻里|社区)|在(这个)?(社区|小区)里?|(来|来到|到|调到|调来)?(这个)?(社区|这里|这儿)?(来|到任|上任|任职|当书记|当上书记)?(了)?(之后|以后|以来)|书记|主要|平时|都|这些年|这几年|她|他|的|了|呀|啊|呢|吗|[？?。！!，, ]`)
	// methodsAndResultsRE asks for her methods and what came of them (她的方法和
	// 成绩, 做法及成效): her summary, not one lookup of results.
	methodsAndResultsRE = regexp.MustCompile(`(做法|方法|办法|举措|经验|工作)(和|与|及|以及|、|跟|还有)(取得的)?(成绩|成效|成果|效果|业绩)|(成绩|成效|成果|业绩)(和|与|及|以及|、|跟|还有)(做法|方法|办法|经验)`)
	// chatRE is a greeting, thanks or a question about the bot itself.
	chatRE = regexp.MustCompile(`^(你好|您好|嗨|哈喽|hi|hello|在吗|早上好|下午好|晚上好|早安|谢谢|多谢|感谢|谢啦|好的|再见|拜拜)[呀啊！!。.？?～~]*$|^你是谁|你(能|会|可以)(做|干)什么|(这个|这)?机器人(能|是|可以)|怎么用你|如何使用|使用说明`)
	// whyGoodRE asks why someone is a model: what she did is the answer.
	whyGoodRE = regexp.MustCompile(`为什么(能|会|可以)?(成为|被评为|当选|当上|评上|这么|那么|如此)?.{0,6}(优秀|先进|模范|榜样|成功|受欢迎|好书记)|凭什么|成功的(原因|秘诀|经验)|向.{1,4}学习什么|学习(她|他)什么`)
	// listAllRE asks what the articles cover: the secretaries, the methods.
	listAllRE = regexp.MustCompile(`^(资料中?|资料里|这里|你们|目前|现在)?(都|一共|总共)?(有|介绍了|包括|收录了)(哪些|哪几位|几位|多少位)(社区)?(书记|人物)|^(资料中?|资料里|这里|你们|目前|现在)?(都|一共)?(有|收录了|整理了)(哪些|什么)(工作)?方法`)
	exampleRE = regexp.MustCompile(`例子|案例|举例|举个|实例|事例|比如说一下|讲个故事|具体的事|^(比如|例如|比方)(说)?呢`)
	differRE  = regexp.MustCompile(`相同|不同|一样|差别|区别|异同|相似`)
	// eachRE asks of each of those named: "都是怎么服务老人的" too.
	eachRE = regexp.MustCompile(`各有|分别|各自|两人|二人|两位|她俩|她们俩|他俩|都是?(怎么|如何|怎样)|是(怎么|如何|怎样)[^，,。？?]{1,12}的[？?]?$`)
	whatRE = regexp.MustCompile(`什么是|是什么|指什么|什么意思|含义|意思是|内容|包括|有哪些|是啥|啥是|` + whatIsIt)
	// whatIsItRE asks what something is, with 怎么 in it ("积分换服务是
	// 怎么回事"): no how.
	whatIsItRE = regexp.MustCompile(whatIsIt)
	// whatIsItAloneRE is the whole question a thing and 是怎么回事.
	whatIsItAloneRE = regexp.MustCompile(`^[^，,。？?！!]{2,12}?(是|到底是|究竟是)?` + whatIsIt + `(呀|啊|呢)?[？?]?$`)
	followOpenRE    = regexp.MustCompile(`^(那|那么|还有|再|具体|后来|然后|接着|接下来|之后|随后|后面|另外|此外|详细|展开|继续|所以|第[一二三四五六七八九十两\d]+)`)
	pronounRE       = regexp.MustCompile(`她|他|它|其|该方法|这里|那里|当地|例子|案例|举例|举个|实例|事例|具体的事|^(比如|例如|比方)(说)?呢|比如说|这个方法|这种方法|这个做法|这种做法|这个|那个|这种|此|上面|刚才|前面|这么|这样|那样`)
)

// stripWords are removed from a question to leave its topic.
var stripWords = []string{
	"请问", "请", "麻烦", "告诉我", "介绍一下", "介绍", "一下", "能不能", "可不可以", "有没有", "是不是",
	"咋样", "咋的", "啥样", "好不好", "行不行", "怎么着",
	"指的是什么", "是指什么", "指什么", "指的啥", "指啥",
	"什么样", "什么", "怎么样", "怎么", "怎样", "如何", "哪些", "哪里", "哪个", "哪位", "哪一位", "为什么", "是谁", "谁", "多少",
	"具体", "详细", "说说", "讲讲", "呢", "吗", "啊", "吧", "的", "了", "是", "我们", "咱们", "可以", "应该", "能",
	"借鉴", "学习", "书记", "经验", "做法", "共同点", "不同点", "不同", "区别", "异同", "比较", "对比", "相同",
	"她们", "他们", "它们", "她", "他", "它", "这些", "那些", "这个", "那个", "这里", "那里", "后来", "然后", "接着", "之后", "以后", "接下来", "后面", "随后",
	"刚才", "时候", "那么", "还有", "其他", "别的",
	// "当时遇到了什么难题", "一共办了几件事": pointing at what was told, no topic.
	"当时", "那时", "当初", "一共", "总共",
	// "在X方面": the frame of a field, not a word of it (方方面面 is no match).
	"方面",
}

// attributeNames are the names of attributes, as a turn keeps them.
func attributeNames(as []Attribute) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

// attributesNamed are the attributes of those names.
func attributesNamed(names []string) []Attribute {
	var out []Attribute
	for _, a := range attributes {
		if slices.Contains(names, a.Name) {
			out = append(out, a)
		}
	}
	return out
}

// ownAttribute reports whether the words before an attribute cue make it
// the secretary's own (吴中兰的电话, 她的工资) rather than someone else's
// (商户的收入): after "X的", X must be her or a pronoun.
func ownAttribute(before string, e *entities) bool {
	before = strings.TrimSpace(before)
	if !strings.HasSuffix(before, "的") {
		return true
	}
	owner := strings.TrimSuffix(before, "的")
	for _, p := range []string{"她", "他", "其", "您", "你", "书记", "谁", "哪位", "两人", "她们", "他们"} {
		if strings.HasSuffix(owner, p) {
			return true
		}
	}
	for _, k := range e.leaderKeys {
		if strings.HasSuffix(owner, k.key) {
			return true
		}
	}
	return false
}

// familyAskedOfHer reports a family cue asking about her own family:
// 结婚, 婚姻, or a kin word not owned by someone else ("她的丈夫", "她有几个
// 孩子", "家人支持她吗"), unlike "为双职工家庭的孩子" or "居民的子女".
func familyAskedOfHer(before, cue string, e *entities) bool {
	if strings.Contains(cue, "婚") {
		return true
	}
	if i := strings.LastIndexAny(before, "，,。；;？?！!"); i >= 0 {
		_, n := utf8.DecodeRuneInString(before[i:])
		before = before[i+n:]
	}
	before = strings.TrimSpace(before)
	if owner, ok := strings.CutSuffix(before, "的"); ok {
		return ownAttribute(owner+"的", e)
	}
	if kinOwnerPlaceRE.MatchString(before) && !postNamedRE.MatchString(before) && !strings.ContainsAny(before, "她他") && !slices.ContainsFunc(e.leaderKeys, func(k nameKey) bool { return strings.Contains(before, k.key) }) {
		return false // "柳湾社区有多少孩子参加": the community's children
	}
	return !othersFamilyRE.MatchString(before) && !serviceVerbRE.MatchString(before)
}

// placeSized is a place or a thing built, whose 多大 is its size (驿站有
// 多大, 活动室多大).
const placeSized = `(站|室|厅|中心|食堂|广场|公园|场地|场所|房|楼|院|园|馆|空间|阵地|菜园|停车场|车库|仓库|书屋|课堂|基地)(的)?(面积|规模)?(有|能有)?`

var (
	// placeSizedRE ends on such a place.
	placeSizedRE = regexp.MustCompile(placeSized + `$`)
	// thingSizeAskRE asks the size of a place built (驿站有多大): a count
	// in 平方米 or 亩 ("起了多大作用" asks no size).
	thingSizeAskRE = regexp.MustCompile(placeSized + `多大(的)?(面积|地方|地儿)?(啊|呀|呢)?[？?]?$`)
)

// sizeToldBy is, for a question asking a size, the words telling it: a
// community's by its area, its people and its buildings (社区有多大), a
// place built's in 平方米 or 亩 (驿站有多大); "" for none.
func sizeToldBy(norm string) string {
	switch {
	case sizeAskedRE.MatchString(norm):
		return " 面积 人口 常住 居民楼 居民 户"
	case thingSizeAskRE.MatchString(norm):
		return " 平方米 面积 亩"
	}
	return ""
}

// sizeAskedRE asks how big a community is (社区有多大, 面积多大): told by
// its area, its people and its buildings.
var sizeAskedRE = regexp.MustCompile(`^[^，,。？?在]{0,14}(社区|小区|辖区|街道|院落|楼院|片区|网格|村|地方)(的)?(面积|规模)?(有|能有)?多大(啊|呀|呢)?[？?]?$|(面积|规模)(有)?多大`)

// postNamedRE names a post after a place (幸福里社区书记): the person.
var postNamedRE = regexp.MustCompile(`书记|主任|站长|负责人`)

// kinOwnerPlaceRE is a community, an estate or a class as the subject a kin
// word follows ("柳湾社区有多少孩子", "课堂里的孩子"): not her family.
var kinOwnerPlaceRE = regexp.MustCompile(`社区|小区|街道|楼|院|村|课堂|学校|班|辖区|片区|网格`)

// serviceVerbRE ends with a verb of serving others: 为孩子, 给家庭.
var serviceVerbRE = regexp.MustCompile(`(为|给|帮|替|让|对|陪|带|照顾|照看|看护|关心|关爱|辅导|接送|管)$`)

// askersOwn reports an attribute cue whose clause is about the asker
// ("我刚当上书记", "我们社区成立才两年"), not about a secretary.
func askersOwn(before string) bool {
	if i := strings.LastIndexAny(before, "，,。；;？?！!"); i >= 0 {
		_, n := utf8.DecodeRuneInString(before[i:])
		before = before[i+n:]
	}
	return strings.Contains(before, "我") || strings.Contains(before, "咱")
}

// numberOf reads a step or item number: a digit string or one numeral.
func numberOf(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	rs := []rune(s)
	switch {
	case len(rs) == 2 && rs[0] == '十': // 十二
		return 10 + chineseDigits[rs[1]]
	case len(rs) == 2 && rs[1] == '十': // 二十
		return chineseDigits[rs[0]] * 10
	case len(rs) == 3 && rs[1] == '十': // 二十三
		return chineseDigits[rs[0]]*10 + chineseDigits[rs[2]]
	}
	return chineseDigits[rs[0]]
}

// lastStep stands for "最后一步" until the method's steps are known.
const lastStep = 1 << 20

var chineseDigits = map[rune]int{'一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9, '十': 10}

// misspelledKey is the one name (of four runes or more) that the text
// holds with exactly one rune differing, not a numeral ("四单工做法" for
// 四单工作法); "" when none or several.
func misspelledKey(text string, keys []nameKey) string {
	rs := []rune(text)
	found := ""
	for _, k := range keys {
		kr := []rune(k.key)
		if len(kr) < 4 || !zh.AllHan(k.key) {
			continue
		}
		for i := 0; i+len(kr) <= len(rs); i++ {
			diff, at := 0, -1
			for j := range kr {
				if rs[i+j] != kr[j] {
					diff++
					at = j
				}
			}
			if diff != 1 || !zh.IsHan(rs[i+at]) || strings.ContainsRune(numeralRunes, rs[i+at]) || strings.ContainsRune(numeralRunes, kr[at]) {
				continue // (五单工作法 is another method, not 四单 mistyped)
			}
			if found != "" && found != k.canon {
				return ""
			}
			found = k.canon
		}
	}
	return found
}

// numeralRunes are the runes that count: a name differing in one names
// another thing.
const numeralRunes = "零一二三四五六七八九十百千万两双"

// understand reads a question once. Follow-up resolution against the
// conversation happens after, in resolve.
func (s *Service) understand(text string, conv Conversation) Question {
	q := Question{Text: strings.TrimSpace(text)}
	q.Norm = typedNa(zh.ToSimplified(q.Text))
	q.Script = scriptOf(q.Text, conv)
	e := s.ents
	q.Leaders = findKeys(q.Norm, e.leaderKeys)
	// "第三步" names a step, not the method called 三步工作法.
	forMethods := stepNumRE.ReplaceAllString(q.Norm, "　")
	q.Methods = findKeys(forMethods, e.methodKeys)
	// A step named inside the method's own name (一访 of 三联一访) is no
	// step asked.
	forSteps := maskKeys(forMethods, e.methodKeys)
	if ms := findKeys(forSteps, e.stepKeys); len(ms) > 0 && len(q.Methods) == 0 {
		// "民主议单怎么议": a step names its method.
		q.Methods = ms
	}
	if len(q.Methods) == 0 && len(q.Leaders) == 1 && s.o.Catalog != nil {
		// "吴中兰的四单工做法有哪几步": her method's name with one character
		// mistyped. Only of the secretary named: names of the genre differ
		// by one character on purpose (楼长议事会, 楼栋议事会).
		if m, ok := s.o.Catalog.Method(misspelledKey(forMethods, e.methodKeys)); ok && m.Leader == q.Leaders[0] {
			q.Methods = []string{m.Name}
		}
	}
	if len(q.Methods) == 0 && len(q.Leaders) == 1 && s.o.Catalog != nil {
		// "林海燕为什么要搞议事桌": her method called by the end of its name
		// (周末议事桌), when only one of hers ends so.
		var hers []string
		for _, m := range s.o.Catalog.MethodsOf(q.Leaders[0]) {
			hers = append(hers, m.Name)
		}
		if m, ok := s.o.Catalog.Method(tailNamed(forMethods, hers)); ok {
			q.Methods = []string{m.Name}
		}
	}
	if len(q.Leaders) == 0 {
		// "倒生根社区有多少党员": a community the articles are about
		// stands for its secretary's articles.
		q.Leaders = findKeys(q.Norm, e.placeKeys)
		q.ViaPlace = len(q.Leaders) > 0
	}
	q.Unknown = e.unknownNames(q.Norm)
	for name, leader := range e.blendedNames(q.Norm) {
		// "吕成英": not 吕成, someone the articles do not name — unless 吕成
		// is also named on his own.
		if strings.Count(q.Norm, leader) == strings.Count(q.Norm, name) {
			q.Leaders = slices.DeleteFunc(q.Leaders, func(l string) bool { return l == leader })
			q.ViaPlace = false
		}
		if !slices.Contains(q.Unknown, name) {
			q.Unknown = append(q.Unknown, name)
		}
	}
	if len(q.Leaders) == 0 {
		// "深圳的社区书记是怎么做的": the secretaries of that city.
		// A place chain often leaves out its province (宁波市海曙区…), so a
		// province restricts nothing; nor does a region the chains lack
		// say no secretary works there.
		// It only narrows whom to learn from: "明天兰州天气怎么样" is still
		// about no one.
		if key, ls := e.region(q.Norm); key != "" {
			q.Region, q.RegionKey = ls, key
		}
	}
	q.UnknownTerms = e.unknownTerms(q.Norm)
	// Cues are read with the methods' names masked: the 生日 of 民生日记
	// asks no birthday.
	cueText := q.Norm
	for _, k := range e.methodKeys {
		if strings.Contains(cueText, k.key) {
			cueText = strings.ReplaceAll(cueText, k.key, strings.Repeat("　", utf8.RuneCountInString(k.key)))
		}
	}
	for _, a := range attributes {
		if loc := a.cue.FindStringIndex(cueText); loc != nil {
			if askersOwn(cueText[:loc[0]]) {
				continue // "我刚当上书记，班子一盘散沙": the asker's situation
			}
			if a.Name == "联系方式" && callMadeRE.MatchString(cueText) {
				continue // "多久给老人打一次电话", "教老人用手机": no number of hers
			}
			if a.Name == "工资收入" && othersPayRE.MatchString(cueText) {
				continue // "怎么帮工人讨回拖欠的工资": their pay, not hers
			}
			if a.Name == "年龄" && (sizeAskedRE.MatchString(cueText) || placeSizedRE.MatchString(cueText[:loc[0]])) {
				continue // "柳湾社区有多大", "驿站有多大": its size, no one's age
			}
			if a.Name == "家庭情况" && !familyAskedOfHer(cueText[:loc[0]], cueText[loc[0]:loc[1]], e) {
				continue // "她为双职工家庭的孩子做了什么": the families she serves
			}
			if ownAttribute(cueText[:loc[0]], e) {
				q.Attributes = append(q.Attributes, a)
			} else if a.Name != "荣誉" && a.Name != "职务" && a.Name != "任职经历" {
				q.OtherAttributes = append(q.OtherAttributes, a)
			}
		}
	}
	if s.lex != nil {
		// A name is no topic (萨仁高娃 is no 娃).
		unnamed := q.Norm
		for _, k := range e.leaderKeys {
			unnamed = strings.ReplaceAll(unnamed, k.key, " ")
		}
		q.Topics = s.lex.InQuestion(unnamed)
		// "智慧社区" is a field of work, not a community no article names.
		q.Unknown = slices.DeleteFunc(q.Unknown, func(u string) bool {
			for _, t := range q.Topics {
				if u == t.Name || slices.Contains(t.Ask, u) || slices.Contains(t.Article, u) {
					return true
				}
			}
			return false
		})
	}
	if m := itemRefRE.FindStringSubmatch(q.Norm); m != nil {
		q.Item = numberOf(m[1])
	} else if lastStepRE.MatchString(q.Norm) {
		q.Step = lastStep
	} else if m := stepNumRE.FindStringSubmatch(q.Norm); m != nil {
		q.Step = numberOf(m[1])
	}
	q.Intent = intentOf(q)
	if len(findKeys(forSteps, e.stepKeys)) > 0 && q.Intent != IntentAdvice && (q.Intent == IntentHow || q.Intent == IntentOther || q.Intent == IntentWhat || q.Intent == IntentWhen) {
		q.Intent = IntentSteps
	}
	if ms := findKeys(forSteps, e.partKeys); len(ms) == 1 && len(q.Leaders) == 0 && (q.Intent == IntentHow || q.Intent == IntentWhat) && (len(q.Methods) == 0 || q.Methods[0] == ms[0]) {
		// "一访是怎么做的": how that part of 三联一访 is done.
		q.Methods, q.Intent = ms, IntentSteps
	}
	q.Topic = topicOf(q, e)
	q.Asks = detailOf(q)
	if q.Intent == IntentCompare {
		if m := premiseRE.FindString(q.Norm); m != "" {
			if !identityRE.MatchString(m) {
				// "两人都记民情日记": a shared practice, compared on.
				q.Premise = topicOf(Question{Norm: m}, e)
			}
			if s.lex != nil {
				// The topics compared are those asked about, not the ones
				// the two already share ("都是全国优秀党务工作者").
				q.Topics = s.lex.InQuestion(strings.Replace(q.Norm, m, " ", 1))
			}
		}
	}
	named := len(q.Leaders) > 0 || len(q.Methods) > 0
	// Leaning on the last turn: a pronoun, an opening like 那/还有/后来, a
	// step number, or nothing of its own to ask about ("效果怎么样？").
	q.FollowUp = len(conv.Turns) > 0 && !named && (pronounRE.MatchString(q.Norm) || followOpenRE.MatchString(q.Norm) ||
		q.Step > 0 || q.Item > 0 || residual(q.Topic) == "" || residual(topicOf(Question{Norm: stripCues(q.Norm)}, e)) == "")
	if q.Intent == IntentNumber {
		q.Parts = s.countParts(q, conv)
	}
	return q
}

// countParts reads a question asking two counts or more ("红旗社区有多少户，
// 选了多少名红色管家？") as one question per count, each about whom the
// whole names when it names no one itself; nil for a single count.
func (s *Service) countParts(q Question, conv Conversation) []Question {
	var segs []string
	for _, seg := range partSplitRE.Split(q.Text, -1) {
		if n := zh.ToSimplified(seg); numberRE.MatchString(indefiniteRE.ReplaceAllString(n, "")) {
			segs = append(segs, seg)
		}
	}
	if len(segs) < 2 {
		return nil
	}
	parts := make([]Question, 0, len(segs))
	for _, seg := range segs {
		part := s.understand(seg+"？", conv)
		if len(part.Leaders)+len(part.Methods) == 0 {
			part.Leaders, part.Methods, part.ViaPlace = q.Leaders, q.Methods, q.ViaPlace
		}
		part.Script, part.Parts = q.Script, nil
		parts = append(parts, part)
	}
	return parts
}

// partSplitRE ends one clause of a question (，？；).
var partSplitRE = regexp.MustCompile(`[，,？?；;。]+`)

func intentOf(q Question) Intent {
	n := q.Norm
	named := len(q.Leaders) + len(q.Methods)
	switch {
	case named == 0 && chatRE.MatchString(strings.TrimSpace(n)):
		return IntentChat
	case named == 0 && listAllRE.MatchString(n) && len(q.Attributes) == 0:
		return IntentList // ("有几位书记当过兵" asks a fact of each)
	case len(q.Attributes) == 0 && betterRE.MatchString(n) && (named >= 2 || named == 1 && compareWithRE.MatchString(n)):
		// Two secretaries or methods named, or "和万丽萍比呢" after one:
		// "党员和居民谁更积极" compares no one.
		return IntentCompare
	case len(q.Leaders) >= 2 && compareRE.MatchString(n),
		// Between two secretaries named, 比较好 compares; otherwise
		// 问题比较多 is "rather many", no comparison.
		compareRE.MatchString(adverbBijiaoRE.ReplaceAllString(n, "很")) && (named >= 2 || strings.Contains(n, "和") || strings.Contains(n, "与") || strings.Contains(n, "跟")):
		return IntentCompare
	case len(q.Leaders) >= 2 && (eachRE.MatchString(n) || differRE.MatchString(n)):
		return IntentCompare // "郭佳和张影在调解矛盾方面各有什么办法"
	case len(q.Leaders) >= 2 && len(q.Attributes) == 0 && bothYesNoRE.MatchString(n):
		return IntentCompare // "乔丽霞和赵桂兰都办了食堂吗": each one, on it
	case adviceRE.MatchString(n) && (ourPlaceRE.MatchString(n) || len(q.Leaders) == 0) && !(len(q.Methods) > 0 && (stepsRE.MatchString(n) || howRE.MatchString(n) && !ourPlaceRE.MatchString(n))):
		// ("三联共治工作法具体咋弄的": how a method named is done, no advice.)
		return IntentAdvice
	case named == 0 && adviceLooseRE.MatchString(n):
		return IntentAdvice
	case len(q.Attributes) > 0 && !(q.Attributes[0].Name == "荣誉" && len(q.Leaders) == 0) &&
		!(len(q.Leaders) > 0 && whyGoodRE.MatchString(n) && q.Attributes[0].Name == "任职经历"):
		// ("为什么能当上优秀书记" asks what made her good, not her posts.)
		return IntentFact
	case len(q.Leaders) > 0 && len(q.Methods) == 0 && whyGoodRE.MatchString(n):
		return IntentSummary // "她为什么能成为优秀书记": her story is the answer
	case len(q.Leaders) == 1 && len(q.Methods) == 0 && methodsAndResultsRE.MatchString(n):
		return IntentSummary // "她的方法和成绩": each method with what came of it
	case exampleRE.MatchString(n):
		return IntentExample
	case stepsRE.MatchString(n) || q.Step > 0 || len(q.Methods) > 0 && whichItemsRE.MatchString(notItemsRE.ReplaceAllString(n, " ")):
		return IntentSteps
	case whoRE.MatchString(n) && !(len(q.Methods) > 0 && servedAskRE.MatchString(n)):
		// ("红色预警针对什么人" asks whom a method serves, not who made it.)
		return IntentWho
	case whereRE.MatchString(n) || len(q.Leaders) > 0 && len(q.Methods) == 0 && leaderFromRE.MatchString(n):
		// ("于丽琴是哪儿的": where she works.)
		return IntentWhere
	case problemRE2.MatchString(n):
		return IntentProblem
	case resultRE2.MatchString(n):
		return IntentResult
	case summaryRE.MatchString(n) && !whatRE.MatchString(n) || summaryRE.MatchString(n) && len(q.Methods) == 0 && len(q.Leaders) > 0:
		return IntentSummary
	case len(q.Leaders) == 1 && len(q.Methods) == 0 && summaryLooseRE.MatchString(n) && onlyNameAndCue(n, q.Leaders[0]):
		return IntentSummary
	case thingSizeAskRE.MatchString(n):
		return IntentNumber // "驿站有多大": its area
	case whenRE.MatchString(n):
		return IntentWhen
	case numberRE.MatchString(indefiniteRE.ReplaceAllString(n, "")):
		return IntentNumber
	case whatIsItRE.MatchString(n) && (len(q.Methods) > 0 || named == 0 && whatIsItAloneRE.MatchString(n)):
		// ("积分是怎么回事": a word asked about, not how to do anything.)
		return IntentWhat
	case named == 0 && len(q.Topics) > 0 && howRE.MatchString(n) && !herSubject(n) && !toldHowRE.MatchString(n):
		// ("她刚上任的时候先做了什么" asks what she did, "第一次议事会是怎么
		// 开的" how it went: not whom to learn from.)
		// "怎么尽快摸清社区家底" naming no one: how the secretaries did it.
		return IntentAdvice
	case howRE.MatchString(n):
		return IntentHow
	case whatRE.MatchString(n):
		return IntentWhat
	case len(q.Methods) > 0 && utf8.RuneCountInString(n) <= utf8.RuneCountInString(q.Methods[0])+4:
		return IntentWhat // "四单工作法？"
	}
	return IntentOther
}

// bothYesNoRE asks whether each of two did something (都办了食堂吗), not
// whether both are something (都是党员吗, 都在青岛工作吗).
var bothYesNoRE = regexp.MustCompile(`都(办|开|搞|建|做|用|推|设|成立|组织|弄|试|抓|管)[^，,。？?]{0,12}(吗|没有|了没)[？?]?$`)

// othersPayRE is other people's pay asked about (拖欠工资, 讨薪, 农民工
// 的工资, 居民收入), not the secretary's own.
var othersPayRE = regexp.MustCompile(`拖欠|欠薪|讨薪|讨要|被欠|欠[^，,。？?]{0,4}(工资|钱)|(工人|农民工|居民|群众|职工|员工|务工人员|困难户|家庭)[^，,。？?]{0,6}(工资|收入)|增收|收入来源`)

// callMadeRE is a phone call made or a phone used, not a number asked.
var callMadeRE = regexp.MustCompile(`(打|通|接|回)[^，,。？?]{0,4}(电话|微信)|(一个|几个|个)电话|(用|玩|使用)(智能)?手机|手机(怎么用|上|里)`)

// minorities are China's ethnic groups other than the Han, as "X族" names
// them.
const minorities = `回|满|藏|苗|彝|壮|蒙古|傣|白|朝鲜|土家|侗|瑶|维吾尔|哈萨克|黎|畲|布依|纳西|傈僳|佤|哈尼|拉祜|景颇|羌|土|锡伯|达斡尔|鄂温克|东乡|水|仡佬|仫佬|毛南|京|赫哲|柯尔克孜|撒拉|裕固|鄂伦春|门巴|珞巴|基诺|阿昌|普米|怒|德昂|独龙|塔吉克|乌孜别克|俄罗斯|保安|塔塔尔|高山`

// whatIsIt asks what something is in words holding 怎么 (是怎么回事).
const whatIsIt = `(怎么|咋|怎样)(一)?回事`

// measureWords are the measure words a count is asked in (几户, 多少名,
// 几部): one list for numberRE, indefiniteRE and askedUnitRE.
const measureWords = "个名户人次件家支位条项本栋座场元岁年天部台辆间套所处张批期届回趟种类"

// onlyNameAndCue reports a question that is the leader's name (or a call
// name of two or three runes) and summaryLooseRE's cue, nothing more.
func onlyNameAndCue(n, leader string) bool {
	rest := summaryLooseRE.ReplaceAllString(strings.ReplaceAll(n, leader, ""), "")
	rest = looseFillerRE.ReplaceAllString(rest, "")
	// A call-name may be left (小王), not a time, a whom or a where ("去年",
	// "为老人", "在社区里"): those ask something narrower.
	return utf8.RuneCountInString(rest) <= 3 && !strings.ContainsAny(rest, "年月天为给在帮对替向针")
}

// adverbBijiaoRE is 比较 as "rather" (问题比较多, 比较难), which compares
// nothing.
var adverbBijiaoRE = regexp.MustCompile(`比较(多|少|大|小|难|差|弱|强|好|高|低|突出|严重|普遍|复杂|集中|薄弱|困难|缺乏|乱|散|老|新|远|近|常见|明显|紧张|落后|头疼|麻烦|分散|重)`)

// premiseRE is a clause stating what the people compared share ("两人都
// 是全国优秀党务工作者"): context, not the topic asked about.
var premiseRE = regexp.MustCompile(`[^，,。？?！!；;]*都[^，,。？?！!；;]*[，,]`)

// residual is a topic without the words that say what kind of answer is
// wanted (效果, 怎么做 …) or ask vaguely: what it is about, if anything.
func residual(topic string) string {
	rest := topic
	for _, re := range cueRE {
		rest = re.ReplaceAllString(rest, " ")
	}
	for _, w := range vagueWords {
		rest = strings.ReplaceAll(rest, w, " ")
	}
	return strings.Join(strings.Fields(rest), "")
}

// topicOf is the question without names, question words and cues.
func topicOf(q Question, e *entities) string {
	t := q.Norm
	if q.Intent == IntentCompare {
		t = premiseRE.ReplaceAllString(t, " ")
	}
	for _, k := range e.leaderKeys {
		t = strings.ReplaceAll(t, k.key, " ")
	}
	if q.ViaPlace && (len(q.Methods) > 0 || q.Intent != IntentNumber && !placeNameAskedRE.MatchString(q.Norm)) {
		// "青莲社区的周末小课堂是什么": the community says whose, it is no
		// aspect of the practice asked; only a count is of the community
		// itself ("倒生根社区有多少名党员").
		for _, k := range e.placeKeys {
			t = strings.ReplaceAll(t, k.key, " ")
		}
	}
	if told := sizeToldBy(q.Norm); told != "" {
		t = strings.ReplaceAll(strings.ReplaceAll(t, "有多大", " "), "多大", " ") + told
	}
	for _, w := range stripWords {
		t = strings.ReplaceAll(t, w, " ")
	}
	// "3+N呢": a name of digits and letters joined by + is one word; a
	// letter before what asks of it is apart ("N指什么" asks of N).
	t = plusNameRE.ReplaceAllStringFunc(t, func(m string) string { return " " + strings.ReplaceAll(m, "＋", "+") + " " })
	t = letterCueRE.ReplaceAllString(t, "$1 $2")
	t = strings.Map(func(r rune) rune {
		if zh.IsHan(r) || ('0' <= r && r <= '9') || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || r == '+' {
			return r
		}
		return ' '
	}, t)
	t = strayPlusRE.ReplaceAllString(t, " ")
	// "停车方面问题比较多": the framing of a problem is no topic of its own.
	t = problemFrameRE.ReplaceAllString(t, " ")
	var kept []string
	for _, f := range strings.Fields(t) {
		// "解决了多少问题": what a count counts is its topic.
		counted := q.Intent == IntentNumber && (f == "问题" || f == "解决" || f == "解决过")
		if q.Intent != IntentNumber && utf8.RuneCountInString(f) > 3 {
			// "怎么解决院落没物业的问题": what is solved is the topic, not
			// the solving.
			f = solvingOpenRE.ReplaceAllString(f, "")
		}
		if !slices.Contains(emptyTokens, f) || counted {
			kept = append(kept, f)
		}
	}
	return strings.Join(kept, " ")
}

var (
	// plusNameRE is a name like 3+N, 1+3+N, 一+N.
	plusNameRE = regexp.MustCompile(`[0-9A-Za-z一二三四五六七八九十]+(\s*[+＋]\s*[0-9A-Za-z一二三四五六七八九十]+)+`)
	// letterCueRE is a letter before a word asking of it (N指, N是); a
	// letter inside a name stays (社区e站, 红色e家).
	letterCueRE = regexp.MustCompile(`([A-Za-z])(指|是|呢|的|怎|有|在|吗|啥)`)
	// strayPlusRE is a + not inside such a name.
	strayPlusRE = regexp.MustCompile(`(^|\s)\++|\++(\s|$)`)
)

// solvingOpenRE opens a topic with the verb of dealing with it.
var solvingOpenRE = regexp.MustCompile(`^(解决|处理|破解|应对|化解|改善|治理)(好|了)?`)

// placeNameAskedRE asks about a community's name itself (为什么叫这个名字).
var placeNameAskedRE = regexp.MustCompile(`名字|名称|得名|为什么叫|为啥叫|怎么叫`)

// problemFrameRE frames a problem without naming it: 方面的问题比较多,
// 问题突出, 这方面.
var problemFrameRE = regexp.MustCompile(`(这|这个|这些)?方面(的)?问题(比较|很|特别|非常|挺)?(多|突出|严重|大)?|问题(比较|很|特别|非常|挺)?(多|突出|严重)`)

// emptyTokens are what is left of a question's asking words once the rest
// is stripped ("有什么办法" → 有 办法): no topic of their own.
var emptyTokens = []string{"回事", "有", "办法", "好办法", "值得", "学", "可", "问题", "解决", "解决过", "参考", "想", "做", "搞",
	// "有没有书记遇到过", "有没有社区管过这事": asking whether anyone has.
	"遇到过", "碰到过", "遇见过", "管过", "办成过", "办过", "试过", "搞过", "弄过", "经历过", "处理过", "做过",
	"帮点", "这事", "这种事", "这类事",
	// "N指什么", "是指啥": asking what a word means.
	"指", "是指", "指的"}

// stripCues removes the words that say what kind of answer is wanted
// before the question is cut to its topic: "是谁发起的" asks who, and
// 发起 is part of that, not a topic of its own.
func stripCues(norm string) string {
	for _, re := range cueRE {
		norm = re.ReplaceAllString(norm, " ")
	}
	return norm
}

// typedNaRE is 那个/那里/那儿 where a question with no other question word
// must mean 哪 (她在那个社区工作？ — typed for 哪个, the same sound).
var (
	typedNaRE      = regexp.MustCompile(`那(个|里|儿|一年|年)`)
	otherAskWordRE = regexp.MustCompile(`什么|哪|怎|吗|呢|几|多少|谁|啥|是否|有没有|是不是|能不能|[么嘛吧]`)
)

// typedNa reads 那 as 哪 in a question that asks nothing else.
func typedNa(norm string) string {
	t := strings.TrimSpace(norm)
	if !strings.HasSuffix(t, "？") && !strings.HasSuffix(t, "?") || otherAskWordRE.MatchString(t) || !typedNaRE.MatchString(t) || strings.HasPrefix(t, "那") {
		return norm
	}
	return typedNaRE.ReplaceAllString(norm, "哪$1")
}

// toldHowRE asks how something particular went (第一次…是怎么开的, 那次…
// 是怎么弄的): a story the articles tell, not a way to learn.
var toldHowRE = regexp.MustCompile(`(第一次|头一回|头一次|那次|那天|当时|最初|最早)[^，,。？?]{0,10}是?(怎么|如何|怎样)[^，,。？?]{1,8}的[？?]?$`)
