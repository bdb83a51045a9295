package core

// The names a question may use: leaders (names, aliases, nicknames),
// methods and their steps, the communities of the articles; and the names
// of people and places the corpus does not have.

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"bangyang/catalog"
	"bangyang/corpus"
	"bangyang/zh"
)

// entities finds the leaders and methods a text names. It is built once
// from the catalog and the articles' metadata.
type entities struct {
	leaderKeys []nameKey // longest first
	methodKeys []nameKey
	stepKeys   []nameKey // a method's step names → the method
	partKeys   []nameKey // a part the name counts (一访 of 三联一访) → the method
	placeKeys  []nameKey // a leader's community or street → the leader
	// regions are the cities and districts of the leaders' places (深圳市,
	// 深圳), longest first, each with the leaders there.
	regions    []regionKey
	leaderInfo map[string]leaderInfo // canonical name → what we know
	known      []string              // Simplified texts of all chunks, for "does the corpus say X"
	surnames   map[string]bool
	// seconds are, per article, the second secretaries it names.
	seconds map[string][]string
	// keysOf are each leader's own keys (name, aliases, nicknames).
	keysOf map[string][]string
	// names are the leaders' canonical names the conversion tables would
	// misspell as words in Traditional (于海燕 is no 於海燕).
	names []string
}

type nameKey struct {
	key, canon string
}

type regionKey struct {
	key     string
	leaders []string
}

type leaderInfo struct {
	Name, Place, Role string
	Articles          []string
	// Aliases as the articles give them, anonymised forms (XX) too: within
	// her own article they name her.
	Aliases []string
	// Secondary marks a secretary an article names beside its own (Meta.
	// Others): she has no article of her own, only the sentences naming
	// her in the articles listed.
	Secondary bool
}

// compoundSurnames are two-character surnames; a name starting with one
// has a one- or two-character given name.
var compoundSurnames = []string{"欧阳", "司马", "上官", "诸葛", "令狐", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "东方", "夏侯", "西门", "端木", "独孤", "南宫", "万俟", "闻人", "呼延", "澹台", "轩辕", "申屠", "太史", "司徒", "司空"}

// commonSurnames are the single-character surnames that cover the vast
// majority of people; used to spot a person the corpus does not have. It
// is not the loader's table (corpus/names.go) on purpose: that one holds
// rare surnames that are everyday words (海, 花, 红, 山 …), safe next to a
// post in an article but, in a question, a source of people who are not
// there ("红色物业是谁提出的").
const commonSurnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"

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
		if utf8.RuneCountInString(key) < 2 || !zh.AllHan(undotted(key)) {
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
		if bare := undotted(canon); bare != canon {
			// 阿依古丽·买买提 (the article) is 阿依古丽买买提 (the catalog):
			// one person, found by either.
			aliases = append(slices.Clone(aliases), canon)
			canon = bare
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
	// A second secretary of an article ("相邻的文艺路社区党委书记李文静")
	// is someone to ask about and compare with, on her own sentences only.
	for _, m := range arts {
		for i, o := range m.Others {
			name := zh.ToSimplified(strings.TrimSpace(o))
			if info, ok := e.leaderInfo[name]; name == "" || ok && !info.Secondary {
				continue
			}
			// Her post, place and call-names as the loader derived them
			// (Meta.Secretaries, in the order of Others).
			var place, role string
			var aliases []string
			if i < len(m.Secretaries) && zh.ToSimplified(m.Secretaries[i].Name) == name {
				sec := m.Secretaries[i]
				place, role, aliases = sec.Place, sec.Role, sec.Aliases
			}
			addLeader(name, aliases, place, role, m.ID)
			info := e.leaderInfo[name]
			info.Secondary = true
			e.leaderInfo[name] = info
			if e.seconds == nil {
				e.seconds = map[string][]string{}
			}
			if !slices.Contains(e.seconds[m.ID], name) {
				e.seconds[m.ID] = append(e.seconds[m.ID], name)
			}
		}
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
	rowners := map[string][]string{}
	for canon, info := range e.leaderInfo {
		for _, part := range regionParts(info.Place) {
			if !slices.Contains(rowners[part], canon) {
				rowners[part] = append(rowners[part], canon)
			}
		}
	}
	for k, ls := range rowners {
		slices.Sort(ls)
		e.regions = append(e.regions, regionKey{k, ls})
	}
	slices.SortFunc(e.regions, func(a, b regionKey) int {
		if d := utf8.RuneCountInString(b.key) - utf8.RuneCountInString(a.key); d != 0 {
			return d
		}
		return strings.Compare(a.key, b.key)
	})
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
		sample := sampleArticles(chunks)
		sowners := map[string]map[string]bool{}
		for _, m := range cat.Methods() {
			for _, st := range m.Steps {
				st = zh.ToSimplified(st)
				if partShorthand(st) && mowners[st] == nil && !inOtherArticles(sample, m.ArticleID, st) {
					e.partKeys = append(e.partKeys, nameKey{st, m.Name})
				}
				if utf8.RuneCountInString(st) < 3 || mowners[st] != nil || inOtherArticles(sample, m.ArticleID, st) || partyRE.MatchString(st) {
					continue // too short or too common to be a name (服务, 社会组织), a method itself, or a party to it (四方: 业委会)
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
	e.keysOf = map[string][]string{}
	for _, k := range e.leaderKeys {
		e.keysOf[k.canon] = append(e.keysOf[k.canon], k.key)
	}
	byLen(e.methodKeys)
	// A person is no step of a method (a step read off an interview's
	// speaker labels, 黎秀英：…): her name names her, not the method.
	e.stepKeys = slices.DeleteFunc(e.stepKeys, func(k nameKey) bool {
		for _, l := range e.leaderKeys {
			if strings.Contains(k.key, l.key) {
				return true
			}
		}
		return slices.Contains([]string{"主持人", "记者", "嘉宾", "解说", "同期"}, k.key)
	})
	byLen(e.stepKeys)
	byLen(e.partKeys)
	byLen(e.placeKeys)
	for _, c := range chunks {
		e.known = append(e.known, c.Norm)
	}
	for n := range e.leaderInfo {
		// Only those the tables would misspell, and of three characters
		// or more: a two-character name (余力) is too often a word itself.
		if utf8.RuneCountInString(n) >= 3 && zh.TraditionalName(n) != zh.ToTraditional(n) {
			e.names = append(e.names, n)
		}
	}
	slices.Sort(e.names)
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
				// (A village's name is often two characters: 燕落村.)
				if (suf == "街道" || suf == "社区" || suf == "镇" || suf == "乡" || suf == "村") && (utf8.RuneCountInString(part) >= 4 || suf == "村" && utf8.RuneCountInString(part) == 3) {
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

// regionParts are the city (with and without 市) and the district (with its
// suffix) that open a place chain: 广东省深圳市福田区华富街道… → 深圳市, 深圳,
// 福田区. Read from the start only, so a street named 米市巷 is no city.
func regionParts(place string) []string {
	var out []string
	for _, one := range strings.Split(place, "、") {
		m := regionRE.FindStringSubmatch(one)
		if m == nil {
			continue
		}
		if m[1] != "" {
			out = append(out, m[1]+"市", m[1])
		}
		if d := m[2]; d != "" && !notDistrictRE.MatchString(d) {
			out = append(out, d)
		}
	}
	return out
}

// regionRE reads the opening of a place chain: a province, a city, a
// district or county.
var notDistrictRE = regexp.MustCompile(`(社|小|街|园|景|片|辖|城|校|厂|矿)区$`)

var regionRE = regexp.MustCompile(`^(?:[\p{Han}]{2,8}?(?:省|自治区))?(?:([\p{Han}]{2,6}?)市)?([\p{Han}]{2,6}?[区县])?`)

// region is the longest city or district of the leaders' places that the
// question names, with the leaders there.
func (e *entities) region(norm string) (string, []string) {
	// The narrowest place named: 成都市武侯区 is the district's secretaries,
	// not the whole city's.
	var best *regionKey
	for i, r := range e.regions {
		if !strings.Contains(norm, r.key) {
			continue
		}
		// A district is under the city the question names, if it names
		// one: 重庆江北区 is not 清江市江北区.
		for _, city := range wellKnownPlaces {
			if strings.Contains(norm, city) && !strings.Contains(r.key, city) && !slices.ContainsFunc(r.leaders, func(l string) bool {
				return strings.Contains(e.leaderInfo[l].Place, city)
			}) {
				return "", nil
			}
		}
		if best == nil || len(r.leaders) < len(best.leaders) {
			best = &e.regions[i]
		}
	}
	if best == nil {
		return e.province(norm)
	}
	return best.key, best.leaders
}

// province is a province the question names and the secretaries whose
// place chain holds it (四川 → 四川省绵阳市…, 四川省成都市…), when no city
// or district is named; a chain that leaves its province out is not
// counted in.
func (e *entities) province(norm string) (string, []string) {
	for _, pr := range corpus.Provinces() {
		if !strings.Contains(norm, pr) {
			continue
		}
		var ls []string
		for name, info := range e.leaderInfo {
			if strings.HasPrefix(info.Place, pr) || strings.Contains(info.Place, pr+"省") || strings.Contains(info.Place, pr+"市") || strings.Contains(info.Place, pr+"自治区") {
				ls = append(ls, name) // (广州市越秀区北京街道 is not in 北京)
			}
		}
		if len(ls) == 0 {
			return "", nil
		}
		slices.Sort(ls)
		return pr, ls
	}
	return "", nil
}

// sampleArticles groups chunks (sorted by article) into articles and keeps
// every n-th, at most maxGenericSample: enough to tell a common word from
// a name without reading a large corpus once per word.
func sampleArticles(chunks []corpus.Chunk) [][]corpus.Chunk {
	var all [][]corpus.Chunk
	for i := 0; i < len(chunks); {
		j := i
		for j < len(chunks) && chunks[j].ArticleID == chunks[i].ArticleID {
			j++
		}
		all = append(all, chunks[i:j])
		i = j
	}
	step := max(1, len(all)/maxGenericSample)
	var out [][]corpus.Chunk
	for i := 0; i < len(all); i += step {
		out = append(out, all[i])
	}
	return out
}

// inOtherArticles reports whether word occurs in a sampled article other
// than own (a step name like 社会组织 is a common word, not a name).
func inOtherArticles(sample [][]corpus.Chunk, own, word string) bool {
	for _, art := range sample {
		if len(art) == 0 || art[0].ArticleID == own {
			continue
		}
		for _, c := range art {
			if strings.Contains(c.Norm, word) {
				return true
			}
		}
	}
	return false
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
	if strings.ContainsAny(core, "的是在和与有哪什么这那个些对把让给被从向为跟及要想也都很多少不没无期间时里上下内外比高低大好坏买卖做搞办说问级解管物") {
		return false
	}
	rs := []rune(core)
	if len(rs) < 2 {
		return false
	}
	last := rs[len(rs)-1]
	if suffix == "区" && (last == '社' || last == '小') {
		name := string(rs[:len(rs)-1])
		if strings.Contains(name, "开始") || strings.ContainsRune("当到去来过任回进", []rune(name)[utf8.RuneCountInString(name)-1]) {
			return false // "哪一年开始当社区书记", "回到社区": a clause before 社区, no community's name (来凤社区 is one)
		}
		if utf8.RuneCountInString(name) < 2 || slices.Contains(ourPrefix, name) || slices.Contains(genericPlaceWords, name) {
			return false
		}
		// "居民觉得社区就是个衙门", "大家认为社区…": who thinks what of the
		// community, no community's name.
		return !thinkingRE.MatchString(name)
	}
	return !strings.ContainsRune(notPlaceEnd, last)
}

// thinkingRE is someone's view of a place, or when something happens
// there ("过年过节小区里冷冷清清"), not its name.
var thinkingRE = regexp.MustCompile(`^(居民|群众|大家|老百姓|业主|住户|老人|人们|别人)|觉得|认为|感觉|以为|过年|过节|节日|春节|平时|平常|晚上|白天|夏天|冬天|每天|一到`)

// genericPlaceWords describe a community rather than name it.
var genericPlaceWords = []string{"居民", "城市", "农村", "老旧", "新建", "商品房", "安置", "拆迁", "保障房", "单位", "开放式", "封闭式", "无物业", "三无", "普通", "大型", "小型", "城郊", "城中村", "涉农", "混合", "村改居", "农转居", "老城", "这些", "那些", "各个", "所有", "有的", "许多", "很多"}

// partyRE ends a method's part that is one of its parties (“四方联席会”:
// 社区、物业、业委会、驻区单位), which a question names as itself, not as
// a step.
var partyRE = regexp.MustCompile(`(业委会|居委会|单位|物业|公司|企业|学校|医院|部门|派出所)$`)

// ourPrefix are words before 社区/小区 that mean the asker's own place.
var ourPrefix = []string{"我们", "咱们", "她们", "他们", "你们", "您们", "我", "本", "该", "这个", "那个", "一个", "有的", "有些", "所在", "老旧", "新建", "城市", "农村", "城郊", "大型", "小型"}

// blendedNames are the longer names a question writes with a secretary's
// whole name as their start ("吕成英是哪个社区的": 吕成 and 英), each with
// that secretary: one character more, a given name's, before what may
// follow a name (是, 的, 有 …) or the end — and no article writes it.
func (e *entities) blendedNames(norm string) map[string]string {
	out := map[string]string{}
	for _, k := range e.leaderKeys {
		if k.key != k.canon || utf8.RuneCountInString(k.key) < 2 {
			continue
		}
		for i := 0; ; {
			j := strings.Index(norm[i:], k.key)
			if j < 0 {
				break
			}
			at := i + j + len(k.key)
			i = at
			c, n := utf8.DecodeRuneInString(norm[at:])
			if n == 0 || !strings.ContainsRune(givenNameChars, c) {
				continue
			}
			after, _ := utf8.DecodeRuneInString(norm[at+n:])
			if at+n < len(norm) && !strings.ContainsRune(afterNameChars, after) {
				continue
			}
			if name := k.key + string(c); !e.corpusSays(name) {
				out[name] = k.canon
			}
		}
	}
	return out
}

// givenNameChars are characters common in given names and rare as the
// start of a word after one (平 of 平时, 明 of 明年, 建 of 建立, 荣 of 荣获, 刚 of
// 刚来 are left out).
const givenNameChars = "英丽芳华梅兰红霞燕娟敏静伟强军杰涛斌秀琴玲萍凤莲珍娥婷慧玉桂香晓亮辉勇峰磊鹏鑫艳娜丹蓉琳莉薇颖倩雪洁娇茹妍瑶怡蕾菊翠"

// afterNameChars may follow a person's name in a question.
const afterNameChars = "是的在和与跟有怎哪为做当呢吗，,？?。!！书主现今从对把被还也都就曾什多几去来给让获提推说讲这那又会能可要想等啊 　"

func (e *entities) corpusSays(word string) bool {
	for _, t := range e.known {
		if strings.Contains(t, word) {
			return true
		}
	}
	return false
}

// saysTail reports whether the corpus names a place that the end of
// core names ("刚到钟秀街道": 钟秀街道 is known, 刚到 is no part of it).
func (e *entities) saysTail(core, suffix string) bool {
	rs := []rune(core)
	for i := 1; i+2 <= len(rs); i++ {
		if e.corpusSays(string(rs[i:]) + suffix) {
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
		if i := strings.LastIndex(name, "的"); i >= 0 {
			name = name[i+len("的"):] // "成都的书记": whose, not a name
		}
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
	// A person opening a clause ("王秀芳在…"), or named after a post or a
	// community ("居委会主任陈小红", "倒生根社区的高建国").
	for _, re := range []*regexp.Regexp{personAtStartRE, personAfterPostRE} {
		for _, m := range re.FindAllStringSubmatch(masked, -1) {
			name := m[2]
			rs := []rune(name)
			if !e.surnames[string(rs[:1])] && !e.surnames[string(rs[:min(2, len(rs))])] {
				continue
			}
			if len(rs) < 2 || e.corpusSays(name) || isCommonWordStart(name) || strings.ContainsRune("和与跟及或同", rs[0]) || doneForRE.MatchString(name) {
				continue // "书记和主任是同一个人吗": 和 joins two posts
			}
			add(name)
		}
	}
	for _, m := range placeRE.FindAllStringSubmatch(masked, -1) {
		core := m[1]
		if strings.Contains(core, "我们") || strings.Contains(core, "咱们") {
			continue // "更适合我们社区": the asker's own place
		}
		for _, p := range ourPrefix {
			core = strings.TrimPrefix(core, p)
		}
		if !placeName(core, m[2]) {
			continue
		}
		if !e.corpusSays(core) && !e.corpusSays(strings.TrimRight(core, "社小")) && !e.saysTail(core, m[2]) {
			add(core + m[2])
		}
	}
	for _, p := range wellKnownPlaces {
		inside := slices.ContainsFunc(out, func(u string) bool { return strings.Contains(u, p) })
		if strings.Contains(masked, p) && !inside && !e.corpusSays(strings.TrimSuffix(p, "区")) {
			add(p) // not the 山东 inside 中山东社区, already said to be missing
		}
	}
	return out
}

// personAtStartRE is a two- or three-character name opening the question
// (or a clause) and followed by what people ask about a person.
var personAtStartRE = regexp.MustCompile(`(^|[，,。？?！!、和与跟及])([\p{Han}]{2,3}?)(的|是|在|有|怎么|如何|做|提出|获得|担任|同志|这个人|当过|以前|之前|原来|曾经|参过|服过|刚到|刚来|刚上任|当上|当了|为什么|为啥|(什么时候|哪年|哪一年)(当|做|担任|成为|上任|到|来)|几岁|遇到过)`)

// personAfterPostRE is a name written after a post (主任陈小红, 网格员王丽)
// or after a community and 的 (倒生根社区的高建国), followed by what people
// ask about a person.
var personAfterPostRE = regexp.MustCompile(`(书记|主任|网格员|社工|委员|楼长|楼栋长|队长|干部|社区的|街道的|小区的)([\p{Han}]{2,3}?)(的|是|在|有|怎么|如何|做|提出|获得|担任|同志|这个人|[？?，,])`)

// isCommonWordStart rules out words that start with a surname character
// but are not names (方法, 高龄 …): the ones questions commonly start with.
// doneForRE is a verb and whom it is done for after a post ("其他书记管
// 老人的吗", "书记帮居民…"), no name: 管老人 is no one called 管.
var doneForRE = regexp.MustCompile(`^[管抓帮带为给替搞做][^，,。？?]{0,1}(老人|居民|党员|群众|孩子|小区|社区|楼|事|工作)`)

func isCommonWordStart(w string) bool {
	for _, p := range []string{"方法", "高龄", "何时", "周边", "江苏", "关于", "党员", "党建", "社区", "居民", "老人", "老年", "小区", "单位", "文明", "安全", "和谐", "全国", "明年", "今年", "成立", "如何", "向谁", "应该", "常见", "简单", "金融", "石油", "万一", "时候", "那么", "于是", "宁可", "杨柳", "包括", "车辆", "项目", "管理", "平时", "成效", "孙子", "毛病", "商户", "商业", "宣传", "范围", "史上", "雷锋", "龙头", "华人", "施工", "卫生", "农村", "农民", "解决", "解答", "解释", "曾经", "曾", "经常", "常常", "应对", "花了", "时间", "年纪", "年龄", "岁数", "资历", "任期", "牛皮", "钱的", "钱从", "钱怎", "钱谁", "路灯", "路面", "路口", "路上", "门口", "门禁", "门前", "门卫", "林荫", "林立", "胡同", "夏天"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// undotted is a name without the middle dot of a transcribed name
// (阿依古丽·买买提 → 阿依古丽买买提), the form the catalog keeps.
func undotted(name string) string {
	return strings.NewReplacer("·", "", "•", "", "・", "", "．", "").Replace(name)
}

// partShorthand is a two-rune part of a name counting its parts by kinds
// (三联 and 一访 of 三联一访): a numeral and a noun, a step name of its
// own. Not a count of things (一个, 三次).
func partShorthand(st string) bool {
	rs := []rune(st)
	return len(rs) == 2 && strings.ContainsRune("一二三四五六七八九十两", rs[0]) && zh.IsHan(rs[1]) &&
		!strings.ContainsRune("一二三四五六七八九十两个次位名户家件项种类些是年月天周", rs[1])
}

// maskKeys blanks every occurrence of keys in norm (the longest first,
// as keys are sorted), so that what lies inside them is not found again.
func maskKeys(norm string, keys []nameKey) string {
	for _, k := range keys {
		if strings.Contains(norm, k.key) {
			norm = strings.ReplaceAll(norm, k.key, strings.Repeat("　", utf8.RuneCountInString(k.key)))
		}
	}
	return norm
}
