package core

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"bangyang/catalog"
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
	IntentOther   Intent = "other"
)

// Question is a question understood once, at the entrance of core: every
// later step reads these fields instead of normalising or detecting again.
type Question struct {
	Text   string // as asked, trimmed
	Norm   string // Simplified
	Script string // the reply script: "hans" or "hant"
	Intent Intent
	// Leaders and Methods are the canonical (catalog) names the question
	// names, by name, alias or nickname, in order of mention; after
	// follow-up resolution they may come from the previous turn.
	Leaders []string
	Methods []string
	// Unknown are names of people or places the corpus does not have.
	Unknown []string
	// Attributes are personal facts asked about (籍贯, 联系电话 …).
	Attributes []Attribute
	// Topics are the community-work topics the question touches.
	Topics []lexicon.Topic
	// Step is the 1-based step asked for ("第二步"), 0 for none.
	Step int
	// FollowUp is true when the question leans on an earlier turn.
	FollowUp bool
	// Resolved is true when Leaders or Methods were taken from that turn.
	Resolved bool
	// Topic is what is left of the question once names, question words
	// and intent cues are removed: what retrieval should match.
	Topic string
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

// attributes are the personal facts people ask about secretaries. An
// article states one only with words of its state pattern; where none of
// her sentences does, the honest answer is 资料中没有提到.
var attributes = []Attribute{
	{Name: "籍贯", cue: regexp.MustCompile(`哪里人|哪儿人|籍贯|老家|出生地|出生在哪|什么地方人|哪的人`), state: regexp.MustCompile(`[省市县区州旗]人[,，。、;；]|[省市县区州旗]人$|籍贯|生于|人氏|老家`)},
	{Name: "出生年份", cue: regexp.MustCompile(`哪一?年出生|哪年生|出生年|什么时候出生|出生的|生日|几几年生`), state: regexp.MustCompile(`\d{4}年(\d{1,2}月)?(出)?生|出生于\d{4}|生于\d{4}`)},
	{Name: "年龄", cue: regexp.MustCompile(`多大|年龄|几岁|多少岁|年纪`), state: regexp.MustCompile(`\d+岁|\d{4}年(\d{1,2}月)?(出)?生`)},
	{Name: "联系方式", cue: regexp.MustCompile(`电话|手机|联系方式|微信|邮箱|怎么联系|联系到`), state: regexp.MustCompile(`\d{3,4}-\d{7,8}|1\d{10}|\d{7,8}[,，。)）]|微信号[:：]|邮箱[:：]|@`)},
	{Name: "工资收入", cue: regexp.MustCompile(`工资|收入|薪水|薪资|待遇|月薪|年薪|报酬|挣多少`), state: regexp.MustCompile(`工资|收入|薪|报酬|待遇`)},
	{Name: "家庭情况", cue: regexp.MustCompile(`丈夫|老公|爱人|孩子|儿子|女儿|家人|家庭|结婚|父母|婚姻|子女`), state: regexp.MustCompile(`丈夫|老公|爱人|孩子|儿子|女儿|家人|家庭|结婚|父母|婚姻|子女`)},
	{Name: "学历", cue: regexp.MustCompile(`学历|毕业|哪所大学|什么专业|文凭|学位|读过书`), state: regexp.MustCompile(`毕业|学历|本科|硕士|专科|学位|大学生|大专`)},
	{Name: "荣誉", cue: regexp.MustCompile(`荣誉|获得过|得过|奖项|称号|表彰|获奖|获得了哪些|获得什么|哪些奖`), state: regexp.MustCompile(`荣获|授予|评为|称号|奖|表彰|当选|荣誉|先进|优秀`), strong: regexp.MustCompile(`荣获|授予|评为|称号|表彰为|当选为`)},
	{Name: "职务", cue: regexp.MustCompile(`职务|什么职位|担任什么|什么职|身份|头衔|什么官`), state: regexp.MustCompile(`书记|主任|担任|委员|代表`)},
	{Name: "民族", cue: regexp.MustCompile(`民族|什么族|哪个族`), state: regexp.MustCompile(`(汉|回|满|藏|苗|彝|壮|蒙古|傣|白|朝鲜|土家|侗|瑶|维吾尔|哈萨克|黎|畲|布依|纳西|傈僳|佤|哈尼|拉祜|景颇|羌|土|锡伯|达斡尔|鄂温克|东乡|水|仡佬|仫佬|毛南|京|赫哲|柯尔克孜|撒拉|裕固|鄂伦春|门巴|珞巴|基诺|阿昌|普米|怒|德昂|独龙|塔吉克|乌孜别克|俄罗斯|保安|塔塔尔|高山)族`)},
	{Name: "入党时间", cue: regexp.MustCompile(`入党|党龄`), state: regexp.MustCompile(`入党|党龄`)},
}

var (
	compareRE = regexp.MustCompile(`共同点|相同点|相同之处|不同点|不同之处|有什么不同|有何不同|有哪些不同|区别|异同|比较|对比|差异|差别|一样吗|有什么相似|相似之处|相比`)
	// adviceRE asks whom to learn from, or what to do about a situation.
	adviceRE   = regexp.MustCompile(`借鉴|学哪位|学谁|该学|可以学|向谁学|值得学|学习哪位|学习谁|参考|推荐|适合我们|怎么办[？?。！!，,呢啊]|怎么办$|如何解决|怎么解决|有什么办法|有什么好办法|有什么经验|有啥办法|可以怎么做|该怎么做|应该怎么做|从哪[里儿]?入手|怎么破|支招`)
	ourPlaceRE = regexp.MustCompile(`我们|咱们|我社区|本社区|我们这|我所在|我在的|我的社区|我们小区|我们街道|社区里|小区里|辖区里|如果社区|一个社区`)
	stepsRE    = regexp.MustCompile(`哪几步|几个步骤|几步|步骤|流程|环节|程序|每一步|这一步|哪一步|一步步|一步一步|第[一二三四五六七八九十两\d]+[步个项单]|具体怎么做|怎么操作|怎么运作|怎么运行|怎么实施|如何实施|如何操作|如何运作`)
	// whichItemsRE asks for the items of a numbered shorthand (哪四链, 哪三活).
	whichItemsRE = regexp.MustCompile(`哪[一二三四五六七八九十两\d]+[个项条种单清活链社联微到]?`)
	lastStepRE   = regexp.MustCompile(`最后一步|最后一个步骤|最后一个环节|最后那一步`)
	stepNumRE    = regexp.MustCompile(`第([一二三四五六七八九十两]|\d+)(步|个步骤|个环节|项|单|个)`)
	howRE        = regexp.MustCompile(`怎么做|如何做|怎么开展|如何开展|怎样|如何|做法|是怎么|怎么|具体做了|做了哪些|做了什么|采取|措施|办法|举措|经验`)
	whoRE        = regexp.MustCompile(`是谁|哪位|谁(提出|总结|创立|发明|首创|创造|推行|发起|想出)|谁的|什么人|创始人|何人|哪个书记|哪一位`)
	whereRE      = regexp.MustCompile(`在哪里|在哪儿|在哪|哪里工作|哪个社区|哪个街道|什么地方|哪个城市|哪个省|哪个区|所在地|工作单位`)
	whenRE       = regexp.MustCompile(`什么时候|哪一年|哪年|何时|几月|哪天|时间是|多久|多长时间`)
	numberRE     = regexp.MustCompile(`多少|几个|几名|几户|几支|几家|几次|几位|几本|几年|几项|比例|百分之|满意率|规模|人数|数量`)
	resultRE2    = regexp.MustCompile(`效果|成效|成果|成绩|结果|作用|影响|怎么样了|后来|发展得|变化|好处|收获|反响|评价`)
	problemRE2   = regexp.MustCompile(`解决了什么|解决什么|针对什么|为什么要|为什么|背景|起因|难题|面临|遇到了|出发点|为了解决|问题是什么`)
	summaryRE    = regexp.MustCompile(`总结|概括|归纳|梳理|简介|介绍一下|介绍下|介绍|讲讲|说说|有哪些方法|有什么方法|哪些工作方法|的工作方法|有什么工作方法|事迹|主要做法|有哪些做法|有什么做法|干了什么|做过什么|有什么贡献|主要经验|经验有哪些|有什么经验|做了哪些工作|主要工作|这些年|变化`)
	differRE     = regexp.MustCompile(`相同|不同|一样|差别|区别|异同|相似`)
	eachRE       = regexp.MustCompile(`各有|分别|各自|两人|二人|两位|她俩|她们俩|他俩`)
	whatRE       = regexp.MustCompile(`什么是|是什么|指什么|什么意思|含义|意思是|内容|包括|有哪些|是啥|啥是`)
	followOpenRE = regexp.MustCompile(`^(那|那么|还有|再|具体|后来|然后|接着|另外|此外|详细|展开|继续|所以|第[一二三四五六七八九十两\d]+)`)
	pronounRE    = regexp.MustCompile(`她|他|它|其|该方法|这里|那里|当地|例子|案例|举例|举个|比如说|这个方法|这种方法|这个做法|这种做法|这个|那个|这种|此|上面|刚才|前面`)
)

// stripWords are removed from a question to leave its topic.
var stripWords = []string{
	"请问", "请", "麻烦", "告诉我", "介绍一下", "介绍", "一下", "能不能", "可不可以", "有没有", "是不是",
	"什么样", "什么", "怎么样", "怎么", "怎样", "如何", "哪些", "哪里", "哪个", "哪位", "哪一位", "为什么", "是谁", "谁", "多少",
	"具体", "详细", "说说", "讲讲", "呢", "吗", "啊", "吧", "的", "了", "是", "我们", "咱们", "可以", "应该", "能",
	"借鉴", "学习", "书记", "经验", "做法", "共同点", "不同点", "不同", "区别", "异同", "比较", "对比", "相同",
	"她们", "他们", "它们", "她", "他", "它", "这些", "那些", "这个", "那个", "这里", "那里", "后来", "然后", "接着", "之后", "以后",
	"刚才", "时候", "那么", "还有", "其他", "别的",
}

// entities finds the leaders and methods a text names. It is built once
// from the catalog and the articles' metadata.
type entities struct {
	leaderKeys []nameKey // longest first
	methodKeys []nameKey
	stepKeys   []nameKey             // a method's step names → the method
	placeKeys  []nameKey             // a leader's community or street → the leader
	leaderInfo map[string]leaderInfo // canonical name → what we know
	known      []string              // Simplified texts of all chunks, for "does the corpus say X"
	surnames   map[string]bool
}

type nameKey struct {
	key, canon string
}

type leaderInfo struct {
	Name, Place, Role string
	Articles          []string
	// Aliases as the articles give them, anonymised forms (XX) too: within
	// her own article they name her.
	Aliases []string
}

// compoundSurnames are two-character surnames; a name starting with one
// has a one- or two-character given name.
var compoundSurnames = []string{"欧阳", "司马", "上官", "诸葛", "令狐", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "东方", "夏侯", "西门", "端木", "独孤", "南宫", "万俟", "闻人", "呼延", "澹台", "轩辕", "申屠", "太史", "司徒", "司空"}

// commonSurnames are the single-character surnames that cover the vast
// majority of people; used to spot a person the corpus does not have.
const commonSurnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"

func newEntities(cat *catalog.Catalog, arts []corpus.Meta, chunks []corpus.Chunk) *entities {
	e := &entities{leaderInfo: map[string]leaderInfo{}, surnames: map[string]bool{}}
	for _, r := range commonSurnames {
		e.surnames[string(r)] = true
	}
	for _, s := range compoundSurnames {
		e.surnames[s] = true
	}
	owners := map[string]map[string]bool{} // key → canonical names claiming it
	claim := func(key, canon string) {
		key = zh.ToSimplified(strings.TrimSpace(key))
		if utf8.RuneCountInString(key) < 2 || !allHan(key) {
			return // "XX" (anonymised) and one-character keys would match anything
		}
		if owners[key] == nil {
			owners[key] = map[string]bool{}
		}
		owners[key][canon] = true
	}
	addLeader := func(name string, aliases []string, place, role, article string) {
		canon := zh.ToSimplified(strings.TrimSpace(name))
		if canon == "" {
			return
		}
		info := e.leaderInfo[canon]
		info.Name = canon
		if info.Place == "" {
			info.Place = zh.ToSimplified(place)
		}
		if info.Role == "" {
			info.Role = zh.ToSimplified(role)
		}
		if article != "" && !slices.Contains(info.Articles, article) {
			info.Articles = append(info.Articles, article)
		}
		for _, a := range aliases {
			if a = zh.ToSimplified(strings.TrimSpace(a)); a != "" && !slices.Contains(info.Aliases, a) {
				info.Aliases = append(info.Aliases, a)
			}
		}
		e.leaderInfo[canon] = info
		claim(canon, canon)
		for _, a := range aliases {
			claim(a, canon)
		}
		for _, n := range nicknames(canon) {
			claim(n, canon)
		}
	}
	if cat != nil {
		for _, l := range cat.Leaders() {
			art := ""
			if len(l.ArticleIDs) > 0 {
				art = l.ArticleIDs[0]
			}
			addLeader(l.Name, l.Aliases, l.Place, l.Role, art)
			for _, a := range l.ArticleIDs[min(1, len(l.ArticleIDs)):] {
				addLeader(l.Name, nil, "", "", a)
			}
		}
	}
	for _, m := range arts {
		addLeader(m.Leader, m.Aliases, m.Place, m.Role, m.ID)
	}
	powners := map[string]map[string]bool{}
	for canon, info := range e.leaderInfo {
		for _, part := range placeParts(info.Place) {
			if powners[part] == nil {
				powners[part] = map[string]bool{}
			}
			powners[part][canon] = true
		}
	}
	for k, cs := range powners {
		if len(cs) == 1 {
			for c := range cs {
				e.placeKeys = append(e.placeKeys, nameKey{k, c})
			}
		}
	}
	for k, cs := range owners {
		if len(cs) != 1 {
			continue // 王书记 when two secretaries are called 王: ambiguous, not a name
		}
		for c := range cs {
			e.leaderKeys = append(e.leaderKeys, nameKey{k, c})
		}
	}
	if cat != nil {
		mowners := map[string]map[string]bool{}
		for _, m := range cat.Methods() {
			for _, n := range append([]string{m.Name}, m.Aliases...) {
				n = zh.ToSimplified(strings.Trim(n, "“”\"「」"))
				if utf8.RuneCountInString(n) < 2 {
					continue
				}
				if mowners[n] == nil {
					mowners[n] = map[string]bool{}
				}
				mowners[n][m.Name] = true
			}
		}
		sowners := map[string]map[string]bool{}
		for _, m := range cat.Methods() {
			for _, st := range m.Steps {
				st = zh.ToSimplified(st)
				if utf8.RuneCountInString(st) < 3 || mowners[st] != nil || articlesSaying(chunks, st) > 1 {
					continue // too short or too common to be a name (服务, 社会组织), or a method itself
				}
				if sowners[st] == nil {
					sowners[st] = map[string]bool{}
				}
				sowners[st][m.Name] = true
			}
		}
		for k, cs := range sowners {
			if len(cs) == 1 {
				for c := range cs {
					e.stepKeys = append(e.stepKeys, nameKey{k, c})
				}
			}
		}
		for k, cs := range mowners {
			if len(cs) != 1 {
				continue
			}
			for c := range cs {
				e.methodKeys = append(e.methodKeys, nameKey{k, c})
			}
		}
	}
	byLen := func(ks []nameKey) {
		sort.Slice(ks, func(i, j int) bool {
			if len(ks[i].key) != len(ks[j].key) {
				return len(ks[i].key) > len(ks[j].key)
			}
			return ks[i].key < ks[j].key
		})
	}
	byLen(e.leaderKeys)
	byLen(e.methodKeys)
	byLen(e.stepKeys)
	byLen(e.placeKeys)
	for _, c := range chunks {
		e.known = append(e.known, c.Norm)
	}
	return e
}

// placeParts are the community- and street-level names of a place chain
// (重庆市渝中区上清寺街道上清寺路社区 → 上清寺街道, 上清寺路社区): the
// levels that name one secretary's ground; cities and districts do not.
func placeParts(place string) []string {
	var out []string
	for _, one := range strings.Split(place, "、") {
		rs := []rune(one)
		start := 0
		for i := 0; i < len(rs); i++ {
			for _, suf := range []string{"省", "市", "区", "县", "街道", "镇", "乡", "社区", "村"} {
				sr := []rune(suf)
				if i+len(sr) > len(rs) || string(rs[i:i+len(sr)]) != suf {
					continue
				}
				end := i + len(sr)
				part := string(rs[start:end])
				if (suf == "街道" || suf == "社区" || suf == "镇" || suf == "乡" || suf == "村") && utf8.RuneCountInString(part) >= 4 {
					out = append(out, part)
					if bare := strings.TrimSuffix(part, suf); utf8.RuneCountInString(bare) >= 3 {
						out = append(out, bare)
					}
				}
				start = end
				i = end - 1
				break
			}
		}
	}
	return out
}

// articlesSaying counts the articles whose passages contain word.
func articlesSaying(chunks []corpus.Chunk, word string) int {
	seen := map[string]bool{}
	for _, c := range chunks {
		if !seen[c.ArticleID] && strings.Contains(c.Norm, word) {
			seen[c.ArticleID] = true
		}
	}
	return len(seen)
}

// nicknames are the address forms people use for a secretary: 吴书记,
// 小吴书记, 老吴, 中兰书记, 吴中兰书记.
func nicknames(name string) []string {
	rs := []rune(name)
	if len(rs) < 2 || len(rs) > 4 {
		return nil
	}
	sur, given := string(rs[:1]), string(rs[1:])
	for _, c := range compoundSurnames {
		if strings.HasPrefix(name, c) && len(rs) > 2 {
			sur, given = c, string(rs[2:])
		}
	}
	// Not 小吴/老张 alone: 社区住户老张 is someone else.
	out := []string{name + "书记", name + "同志", sur + "书记", "小" + sur + "书记", "老" + sur + "书记", sur + "主任"}
	if utf8.RuneCountInString(given) >= 2 {
		out = append(out, given+"书记", given+"姐", given+"大姐")
	}
	return out
}

func allHan(s string) bool {
	for _, r := range s {
		if !zh.IsHan(r) {
			return false
		}
	}
	return s != ""
}

// find returns the canonical names keys match in norm, in order of first
// mention; a longer key wins over keys inside it (吴中兰书记 over 吴书记).
func findKeys(norm string, keys []nameKey) []string {
	type hit struct {
		at    int
		canon string
	}
	var hits []hit
	taken := make([]bool, len(norm))
	for _, k := range keys {
		for from := 0; ; {
			i := strings.Index(norm[from:], k.key)
			if i < 0 {
				break
			}
			i += from
			free := true
			for j := i; j < i+len(k.key); j++ {
				if taken[j] {
					free = false
					break
				}
			}
			if free {
				for j := i; j < i+len(k.key); j++ {
					taken[j] = true
				}
				hits = append(hits, hit{i, k.canon})
			}
			from = i + len(k.key)
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].at < hits[j].at })
	var out []string
	for _, h := range hits {
		if !slices.Contains(out, h.canon) {
			out = append(out, h.canon)
		}
	}
	return out
}

// unknownTitleRE finds "X书记"-style mentions of a person.
var unknownTitleRE = regexp.MustCompile(`([\p{Han}]{1,3}?)(书记|主任|同志|大姐|阿姨)`)

// genericTitled are words before 书记 that are not names.
var genericTitled = []string{"社区", "党委", "支部", "总支", "党总支", "哪位", "这位", "那位", "优秀", "居委会", "大党委", "位", "个", "名", "的", "们", "副", "老", "小", "村", "街道", "党组", "省委", "市委", "区委", "县委", "工委", "民意", "第一", "楼栋", "网格", "片区", "小区", "这些", "哪些", "其他", "别的", "一些", "好", "和", "与", "跟", "及"}

// placeRE finds administrative place names; placeStart are well-known
// places named without a suffix.
var placeRE = regexp.MustCompile(`([\p{Han}]{2,6}?)(省|自治区|市|区|县|街道|镇|乡)`)

var wellKnownPlaces = []string{"北京", "上海", "天津", "重庆", "广州", "深圳", "杭州", "成都", "武汉", "西安", "南京", "苏州", "郑州", "长沙", "沈阳", "青岛", "济南", "哈尔滨", "长春", "大连", "厦门", "福州", "昆明", "贵阳", "南宁", "海口", "太原", "石家庄", "合肥", "南昌", "兰州", "西宁", "银川", "乌鲁木齐", "拉萨", "呼和浩特", "宁波", "无锡", "东莞", "佛山", "温州", "朝阳区", "海淀区", "浦东", "香港", "澳门", "台湾", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "内蒙古", "广西", "西藏", "宁夏", "新疆"}

// notPlaceEnd are characters that make X市/X区 an ordinary word (夜市,
// 超市, 辖区, 片区, 景区 …) rather than a place name.
const notPlaceEnd = "夜超菜城集早花股上辖片园景街住郊山矿校业农牧特开保商工厂城老新旧本该全各此"

// placeName reports whether core+suffix looks like the name of a place:
// 朝阳社区 is, 我们社区 and 夜市 are not.
func placeName(core, suffix string) bool {
	if strings.ContainsAny(core, "的是在和与有哪什么这那个些对把让给被从向为跟及要想也都很多少不没期间时里上下内外比高低大好坏买卖做搞办说问级") {
		return false
	}
	rs := []rune(core)
	if len(rs) < 2 {
		return false
	}
	last := rs[len(rs)-1]
	if suffix == "区" && (last == '社' || last == '小') {
		name := string(rs[:len(rs)-1])
		if utf8.RuneCountInString(name) < 2 || slices.Contains(ourPrefix, name) || slices.Contains(genericPlaceWords, name) {
			return false
		}
		return true
	}
	return !strings.ContainsRune(notPlaceEnd, last)
}

// genericPlaceWords describe a community rather than name it.
var genericPlaceWords = []string{"居民", "城市", "农村", "老旧", "新建", "商品房", "安置", "拆迁", "保障房", "单位", "开放式", "封闭式", "无物业", "三无", "普通", "大型", "小型", "城郊", "城中村", "涉农", "混合", "村改居", "农转居", "老城", "这些", "那些", "各个", "所有", "有的", "许多", "很多"}

// ourPrefix are words before 社区/小区 that mean the asker's own place.
var ourPrefix = []string{"我们", "咱们", "我", "本", "该", "这个", "那个", "一个", "有的", "有些", "所在", "老旧", "新建", "城市", "农村", "城郊", "大型", "小型"}

func (e *entities) corpusSays(word string) bool {
	for _, t := range e.known {
		if strings.Contains(t, word) {
			return true
		}
	}
	return false
}

// unknownNames are people and places the question names that no article
// mentions. A person is a surname-led name with a title (王书记) or a
// surname-led word the corpus never uses standing where a subject stands;
// a place is an administrative name or a well-known city the corpus never
// mentions.
func (e *entities) unknownNames(norm string) []string {
	if len(e.known) == 0 {
		return nil // no passages to judge by (a Service built without Chunks)
	}
	var out []string
	add := func(s string) {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	masked := norm
	for _, k := range e.leaderKeys {
		masked = strings.ReplaceAll(masked, k.key, "　")
	}
	for _, k := range e.methodKeys {
		masked = strings.ReplaceAll(masked, k.key, "　")
	}
	for _, m := range unknownTitleRE.FindAllStringSubmatch(masked, -1) {
		name := m[1]
		for _, g := range genericTitled {
			name = strings.TrimPrefix(name, g)
		}
		if name == "" || slices.Contains(genericTitled, name) {
			continue
		}
		rs := []rune(name)
		if !e.surnames[string(rs[:1])] && !(len(rs) >= 2 && e.surnames[string(rs[:2])]) {
			continue
		}
		if !e.corpusSays(name) {
			add(name + m[2])
		}
	}
	for _, m := range personAtStartRE.FindAllStringSubmatch(masked, -1) {
		name := m[2]
		rs := []rune(name)
		if !e.surnames[string(rs[:1])] && !e.surnames[string(rs[:min(2, len(rs))])] {
			continue
		}
		if len(rs) < 2 || e.corpusSays(name) || isCommonWordStart(name) {
			continue
		}
		add(name)
	}
	for _, m := range placeRE.FindAllStringSubmatch(masked, -1) {
		core := m[1]
		for _, p := range ourPrefix {
			core = strings.TrimPrefix(core, p)
		}
		if !placeName(core, m[2]) {
			continue
		}
		if !e.corpusSays(core) && !e.corpusSays(strings.TrimRight(core, "社小")) {
			add(core + m[2])
		}
	}
	for _, p := range wellKnownPlaces {
		if strings.Contains(masked, p) && !e.corpusSays(strings.TrimSuffix(p, "区")) {
			add(p)
		}
	}
	return out
}

// personAtStartRE is a two- or three-character name opening the question
// (or a clause) and followed by what people ask about a person.
var personAtStartRE = regexp.MustCompile(`(^|[，,。？?！!、和与跟及])([\p{Han}]{2,3}?)(的|是|在|有|怎么|如何|做|提出|获得|担任|同志|这个人)`)

// isCommonWordStart rules out words that start with a surname character
// but are not names (方法, 高龄 …): the ones questions commonly start with.
func isCommonWordStart(w string) bool {
	for _, p := range []string{"方法", "高龄", "何时", "周边", "江苏", "关于", "党员", "党建", "社区", "居民", "老人", "老年", "小区", "单位", "文明", "安全", "和谐", "全国", "明年", "今年", "成立", "如何", "向谁", "应该", "常见", "简单", "金融", "石油", "万一", "时候", "那么", "于是", "宁可", "杨柳", "包括", "车辆", "项目", "管理", "平时", "成效", "孙子", "毛病", "商户", "商业", "宣传", "范围", "史上", "雷锋", "龙头", "华人", "施工", "卫生", "农村", "农民", "牛", "钱", "林", "路", "门"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
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

// lastStep stands for "最后一步" until the method's steps are known.
const lastStep = 1 << 20

var chineseDigits = map[rune]int{'一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9, '十': 10}

// understand reads a question once. Follow-up resolution against the
// conversation happens after, in resolve.
func (s *Service) understand(text string, conv Conversation) Question {
	q := Question{Text: strings.TrimSpace(text)}
	q.Norm = zh.ToSimplified(q.Text)
	q.Script = scriptOf(q.Text, conv)
	e := s.ents
	q.Leaders = findKeys(q.Norm, e.leaderKeys)
	q.Methods = findKeys(q.Norm, e.methodKeys)
	if ms := findKeys(q.Norm, e.stepKeys); len(ms) > 0 && len(q.Methods) == 0 {
		// "民主议单怎么议": a step names its method.
		q.Methods = ms
	}
	if len(q.Leaders) == 0 {
		// "倒生根社区有多少党员": a community the articles are about
		// stands for its secretary's articles.
		q.Leaders = findKeys(q.Norm, e.placeKeys)
	}
	q.Unknown = e.unknownNames(q.Norm)
	for _, a := range attributes {
		if loc := a.cue.FindStringIndex(q.Norm); loc != nil && ownAttribute(q.Norm[:loc[0]], e) {
			q.Attributes = append(q.Attributes, a)
		}
	}
	if s.lex != nil {
		q.Topics = s.lex.InQuestion(q.Norm)
	}
	if lastStepRE.MatchString(q.Norm) {
		q.Step = lastStep
	} else if m := stepNumRE.FindStringSubmatch(q.Norm); m != nil {
		if n, err := strconv.Atoi(m[1]); err == nil {
			q.Step = n
		} else {
			q.Step = chineseDigits[[]rune(m[1])[0]]
		}
	}
	q.Intent = intentOf(q)
	if len(findKeys(q.Norm, e.stepKeys)) > 0 && q.Intent != IntentAdvice && (q.Intent == IntentHow || q.Intent == IntentOther || q.Intent == IntentWhat || q.Intent == IntentWhen) {
		q.Intent = IntentSteps
	}
	q.Topic = topicOf(q, e)
	if q.Intent == IntentCompare {
		if m := premiseRE.FindString(q.Norm); m != "" {
			q.Premise = topicOf(Question{Norm: m}, e)
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
		q.Step > 0 || residual(q.Topic) == "")
	return q
}

func intentOf(q Question) Intent {
	n := q.Norm
	named := len(q.Leaders) + len(q.Methods)
	switch {
	case compareRE.MatchString(n) && (named >= 2 || strings.Contains(n, "和") || strings.Contains(n, "与") || strings.Contains(n, "跟")):
		return IntentCompare
	case len(q.Leaders) >= 2 && (eachRE.MatchString(n) || differRE.MatchString(n)):
		return IntentCompare // "郭佳和张影在调解矛盾方面各有什么办法"
	case adviceRE.MatchString(n) && (ourPlaceRE.MatchString(n) || len(q.Leaders) == 0) && !(len(q.Methods) > 0 && stepsRE.MatchString(n)):
		return IntentAdvice
	case len(q.Attributes) > 0 && !(q.Attributes[0].Name == "荣誉" && len(q.Leaders) == 0):
		return IntentFact
	case stepsRE.MatchString(n) || q.Step > 0 || len(q.Methods) > 0 && whichItemsRE.MatchString(n):
		return IntentSteps
	case whoRE.MatchString(n):
		return IntentWho
	case whereRE.MatchString(n):
		return IntentWhere
	case problemRE2.MatchString(n):
		return IntentProblem
	case resultRE2.MatchString(n):
		return IntentResult
	case summaryRE.MatchString(n) && !whatRE.MatchString(n) || summaryRE.MatchString(n) && len(q.Methods) == 0 && len(q.Leaders) > 0:
		return IntentSummary
	case whenRE.MatchString(n):
		return IntentWhen
	case numberRE.MatchString(n):
		return IntentNumber
	case howRE.MatchString(n):
		return IntentHow
	case whatRE.MatchString(n):
		return IntentWhat
	case len(q.Methods) > 0 && utf8.RuneCountInString(n) <= utf8.RuneCountInString(q.Methods[0])+4:
		return IntentWhat // "四单工作法？"
	}
	return IntentOther
}

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
	for _, w := range stripWords {
		t = strings.ReplaceAll(t, w, " ")
	}
	t = strings.Map(func(r rune) rune {
		if zh.IsHan(r) || ('0' <= r && r <= '9') || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') {
			return r
		}
		return ' '
	}, t)
	return strings.Join(strings.Fields(t), " ")
}
