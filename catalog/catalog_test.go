package catalog

import (
	"context"
	"encoding/json"
	"errors"
	"math/rand"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"bangyang/corpus"
	"bangyang/zh"
)

// seedChunks are the embedded seed articles, chunked as the bot chunks them.
func seedChunks(t testing.TB) []corpus.Chunk {
	t.Helper()
	seedOnce.Do(func() {
		var arts []corpus.Article
		arts, seedLoadEr = corpus.Default()
		seedArticles, seedCache = len(arts), corpus.ChunkAll(arts)
	})
	if seedLoadEr != nil {
		t.Fatalf("corpus.Default: %v", seedLoadEr)
	}
	if seedArticles != 5 {
		t.Fatalf("got %d seed articles, want 5", seedArticles)
	}
	return cloneChunks(seedCache)
}

// The seed corpus is parsed once per test binary (about 0.2 s under
// -race); each test gets its own copy of the chunks.
var (
	seedOnce     sync.Once
	seedCache    []corpus.Chunk
	seedArticles int
	seedLoadEr   error
)

// cloneChunks copies chunks deeply enough that no test shares a slice
// with another.
func cloneChunks(cs []corpus.Chunk) []corpus.Chunk {
	out := slices.Clone(cs)
	for i := range out {
		m := &out[i].Meta
		m.Aliases, m.Honours, m.Methods, m.Others = slices.Clone(m.Aliases), slices.Clone(m.Honours), slices.Clone(m.Methods), slices.Clone(m.Others)
	}
	return out
}

// expectedMethods is the reviewed set of methods in the seed articles, as
// each article writes them (original script), by leader. Reviewed by hand
// against the texts: each is a named method, programme, platform, brand,
// regular meeting or team that the article credits to its leader (or her
// community under her). "a|b" accepts either form: 全崗通's 通 is lost in
// a garbled run of the source page, so the cleaned text reads “全崗”.
var expectedMethods = map[string][]string{
	"吳中蘭": {"社區大黨委", "八聯機制", "格線黨建", "四單工作法", "三社聯動"},
	"張影":  {"四社服務", "四鏈工作法", "仁和家訪", "雙向服務模式", "四級組織架構", "仁和議事廳", "全崗|全崗通", "城市黨建+服務模式"},
	"郭佳": {
		"黨建集結號", "集結聯席會", "契約化共建", "紅色庭院微黨課", "四微活動", "黨建驛站", "認領群眾微心愿",
		"和美街區", "樓宇黨建示範點", "暢大媽調解室", "暢大媽志愿服務隊", "老馬會客廳", "一聽二看三查四問五勸六回訪",
	},
	"李亚玲": {"网格化管理", "三活四清五到家", "微行动", "微心愿", "连心工作室", "四色志愿服务队", "服务驿站", "热心凉亭"},
	"邵敏": {
		"十分鐘生活服務圈", "睦鄰節", "陽光+鮮花行動", "科普大學", "民生懇談會", "零距離服務工程",
		"百名黨員助百老", "千名義工助千困", "黨務公開三會", "崇善.善治.溢彩行動",
	},
}

// notMethods must never be listed for the leader: 金融知识进社区 is a
// partner bank's activity in 郭佳's street; 民悦社工 is a social
// organisation; 国际英语 one course of a class; 红色党员 one of the four
// colours of a team; 一肩挑 and 两委 are national policy; 重庆最美小巷 an honour.
var notMethods = map[string][]string{
	"郭佳":  {"金融知識進社區", "金融知識進社區活動", "全科網格樓院長"},
	"吳中蘭": {"民悅社工", "志願服務隊", "重慶最美小巷", "AAA國家級旅遊景區"},
	"張影":  {"國際英語", "熟人社區"},
	"李亚玲": {"红色党员", "一肩挑", "多支志愿服务队"},
	"邵敏":  {"公推直選"},
}

// pairSet maps each expected "leader / key" to its canonical pair (the
// first alternative of an a|b entry).
func pairSet(m map[string][]string) map[string]string {
	out := map[string]string{}
	for leader, names := range m {
		for _, n := range names {
			alts := strings.Split(n, "|")
			for _, a := range alts {
				out[key(leader)+" / "+key(a)] = key(leader) + " / " + key(alts[0])
			}
		}
	}
	return out
}

func TestSeedMethodsExactSet(t *testing.T) {
	t.Parallel()
	c := mustBuild(t, seedChunks(t))
	want := pairSet(expectedMethods)
	truth := map[string]bool{}
	for _, canon := range want {
		truth[canon] = true
	}
	found := map[string]bool{}
	derived := 0
	for _, m := range c.Methods() {
		p := key(m.Leader) + " / " + key(m.Name)
		derived++
		canon, ok := want[p]
		if !ok {
			t.Errorf("unexpected method (false positive?) %s", p)
			continue
		}
		found[canon] = true
	}
	for p := range truth {
		if !found[p] {
			t.Errorf("missing method %s", p)
		}
	}
	for p := range pairSet(notMethods) {
		for _, m := range c.Methods() {
			if key(m.Leader)+" / "+key(m.Name) == p {
				t.Errorf("not a method of hers: %s", p)
			}
		}
	}
	t.Logf("seeds: precision %d/%d = %.2f, recall %d/%d = %.2f", len(found), derived, float64(len(found))/float64(derived), len(found), len(truth), float64(len(found))/float64(len(truth)))
}

func TestSeedMethodDetails(t *testing.T) {
	t.Parallel()
	c := mustBuild(t, seedChunks(t))
	cases := []struct {
		query     string
		leader    string
		steps     []string // original script; compared by key
		summaryIn string   // a fragment the summary must contain
	}{
		{"四單工作法", "吳中蘭", []string{"民眾點單", "社區開單", "共同接單", "民主議單"}, "四單"},
		{"三社联动", "吳中蘭", []string{"以社區為基礎", "以社會組織為載體", "以社會工作專業人才為支撐"}, "三社"},
		{"八联机制", "吳中蘭", nil, "公益事業聯辦"},
		{"四社服务", "張影", []string{"社工", "社區", "社會組織", "社會企業"}, "四社"},
		{"仁和家访", "張影", nil, "仁和家訪"},
		{"四微活动", "郭佳", []string{"打造微陣地", "開展微活動", "進行微改造", "踐行微服務"}, "四微"},
		{"一听二看三查四问五劝六回访", "郭佳", []string{"一聽", "二看", "三查", "四問", "五勸", "六回訪"}, "矛盾調解法"},
		{"三活四清五到家", "李亚玲", []string{
			"活户籍", "活档案", "活地图", "家庭情况清", "人员类别清", "区域设施清", "隐患矛盾清",
			"经常走访人到家", "各类意见听到家", "建立感情心到家", "细致工作做到家", "好事实事办到家",
		}, "即"},
		{"四色志愿服务队", "李亚玲", []string{"红色党员", "绿色环保", "蓝色法援", "白色医疗"}, "四色"},
		{"党务公开三会", "邵敏", []string{"黨員懇談會", "黨員議事會", "黨員評議會"}, "三會"},
		{"零距离服务工程", "邵敏", []string{"民情溝通零距離", "弱勢關愛零距離", "文化惠民零距離", "組織滲透零距離"}, "零距離"},
	}
	for _, tc := range cases {
		m, _, ok := c.FindMethod(tc.query)
		if !ok {
			t.Errorf("FindMethod(%q) found nothing", tc.query)
			continue
		}
		if m.Leader != key(tc.leader) {
			t.Errorf("%s: leader %q, want %q", tc.query, m.Leader, key(tc.leader))
		}
		var want []string
		for _, s := range tc.steps {
			want = append(want, key(s))
		}
		var got []string
		for _, s := range m.Steps {
			got = append(got, key(s))
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: steps %q, want %q", tc.query, got, want)
		}
		if !strings.Contains(m.Summary, tc.summaryIn) {
			t.Errorf("%s: summary %q lacks %q", tc.query, m.Summary, tc.summaryIn)
		}
		if len(m.ChunkIDs) == 0 || m.Mentions == 0 || m.SummaryChunkID == "" {
			t.Errorf("%s: not linked to passages: %+v", tc.query, m)
		}
		if !slices.Contains(m.ChunkIDs, m.SummaryChunkID) {
			t.Errorf("%s: summary chunk %s not among its chunks %v", tc.query, m.SummaryChunkID, m.ChunkIDs)
		}
		if strings.ContainsAny(m.Summary, "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ") {
			t.Errorf("%s: summary keeps pinyin: %q", tc.query, m.Summary)
		}
	}
}

func TestSeedLeaders(t *testing.T) {
	t.Parallel()
	c := mustBuild(t, seedChunks(t))
	want := []struct {
		name, place, role string
		aliases           []string
		honours           []string
		methods           int
	}{
		{"吳中蘭", "上清寺路社區", "社區黨委書記", []string{"小吳書記"}, []string{"全國優秀黨務工作者"}, len(expectedMethods["吳中蘭"])},
		{"張影", "仁和社區", "社區書記", []string{"張書記"}, []string{"翠屏區“十佳”村(社區)書記"}, len(expectedMethods["張影"])},
		{"郭佳", "酒泉路街道", "街道黨工委書記", []string{"郭書記"}, []string{"全國優秀黨務工作者"}, len(expectedMethods["郭佳"])},
		{"李亚玲", "倒生根社区", "社区党总支书记", []string{"亚玲书记"}, nil, len(expectedMethods["李亚玲"])},
		// 全國人大代表 is her honour; her post is 百花苑社區's 民意書記.
		{"邵敏", "鐘秀街道", "民意書記", []string{"XX"}, []string{"全國優秀社區工作者", "全國人大代表"}, len(expectedMethods["邵敏"])},
	}
	ls := c.Leaders()
	if len(ls) != len(want) {
		var names []string
		for _, l := range ls {
			names = append(names, l.Name)
		}
		t.Fatalf("leaders %q, want %d", names, len(want))
	}
	for i, w := range want {
		l := ls[i]
		if l.Name != key(w.name) {
			t.Errorf("leader %d: %q, want %q", i, l.Name, key(w.name))
			continue
		}
		if !strings.Contains(key(l.Place), key(w.place)) {
			t.Errorf("%s: place %q, want it to contain %q", l.Name, l.Place, key(w.place))
		}
		if !strings.Contains(key(l.Role), key(w.role)) {
			t.Errorf("%s: role %q, want it to contain %q", l.Name, l.Role, key(w.role))
		}
		for _, a := range w.aliases {
			if !slices.ContainsFunc(l.Aliases, func(x string) bool { return key(x) == key(a) }) {
				t.Errorf("%s: aliases %q lack %q", l.Name, l.Aliases, a)
			}
		}
		for _, h := range w.honours {
			if !slices.ContainsFunc(l.Honours, func(x string) bool { return key(x) == key(h) }) {
				t.Errorf("%s: honours %q lack %q", l.Name, l.Honours, h)
			}
		}
		for _, h := range l.Honours {
			// Community honours must not be credited to the person.
			for _, bad := range []string{"最美小巷", "景区", "标兵岗", "志愿服务单位", "文明社区"} {
				if strings.Contains(h, bad) {
					t.Errorf("%s: community honour %q credited to the person", l.Name, h)
				}
			}
		}
		if len(l.Methods) != w.methods {
			t.Errorf("%s: %d methods %q, want %d", l.Name, len(l.Methods), l.Methods, w.methods)
		}
		if len(l.ArticleIDs) != 1 || len(l.ChunkIDs) == 0 || len(l.KeyFacts) == 0 {
			t.Errorf("%s: articles %v, %d chunks, %d facts", l.Name, l.ArticleIDs, len(l.ChunkIDs), len(l.KeyFacts))
		}
	}
}

func TestFindMethodEitherScript(t *testing.T) {
	t.Parallel()
	c := mustBuild(t, seedChunks(t))
	trad, _, ok1 := c.FindMethod("四單工作法")
	simp, _, ok2 := c.FindMethod("四单工作法")
	if !ok1 || !ok2 || !reflect.DeepEqual(trad, simp) {
		t.Fatalf("四單工作法 → %v %q, 四单工作法 → %v %q", ok1, trad.Name, ok2, simp.Name)
	}
	if len(simp.Steps) != 4 || simp.Leader != zh.ToSimplified("吳中蘭") {
		t.Errorf("四单工作法: %+v", simp)
	}
	for _, q := range []string{"“三社”联动", "三社聯動服務模式", "三社", "“四單”工作法", "四单工作法是什么？", "四单工作方法"} {
		m, _, ok := c.FindMethod(q)
		want := "三社联动"
		if strings.Contains(key(q), "四单") {
			want = "四单工作法"
		}
		if !ok || m.Name != want {
			t.Errorf("FindMethod(%q) = %q, %v; want %q", q, m.Name, ok, want)
		}
	}
	// The same brand in two leaders' articles: exact match, the other offered.
	m, close, ok := c.FindMethod("微心愿")
	if !ok || m.Leader != "李亚玲" {
		t.Errorf("微心愿 → %q of %q, %v", m.Name, m.Leader, ok)
	}
	if !slices.ContainsFunc(close, func(x Method) bool { return x.Leader == "郭佳" }) {
		t.Errorf("微心愿: close matches %v lack 郭佳's", close)
	}
	if m, close, ok := c.FindMethod("量子计算"); ok || len(close) != 0 {
		t.Errorf("量子计算 matched %q (%d close)", m.Name, len(close))
	}
	if _, _, ok := c.FindMethod(""); ok {
		t.Error("empty query matched")
	}
}

func TestFindLeader(t *testing.T) {
	t.Parallel()
	c := mustBuild(t, seedChunks(t))
	for q, want := range map[string]string{
		"吳中蘭": "吴中兰", "吴中兰": "吴中兰", "小吴书记": "吴中兰", "吴书记": "吴中兰", "小吳書記": "吴中兰",
		"张影": "张影", "張書記": "张影", "郭书记": "郭佳", "郭佳同志": "郭佳", "亚玲书记": "李亚玲",
		"李亚玲": "李亚玲", "邵敏": "邵敏", "邵书记": "邵敏",
	} {
		l, _, ok := c.FindLeader(q)
		if !ok || l.Name != want {
			t.Errorf("FindLeader(%q) = %q, %v; want %q", q, l.Name, ok, want)
		}
	}
	if l, _, ok := c.FindLeader("王书记"); ok {
		t.Errorf("王书记 matched %q", l.Name)
	}
}

func TestMethodsByLeaderAndMentionedIn(t *testing.T) {
	t.Parallel()
	c := mustBuild(t, seedChunks(t))
	groups := c.MethodsByLeader()
	total := 0
	for i, g := range groups {
		if g.Leader.Name != c.Leaders()[i].Name {
			t.Errorf("group %d is %q, want leader order", i, g.Leader.Name)
		}
		for _, m := range g.Methods {
			if m.Leader != g.Leader.Name {
				t.Errorf("%s listed under %s", m.Name, g.Leader.Name)
			}
		}
		total += len(g.Methods)
	}
	if total != len(c.Methods()) {
		t.Errorf("grouped %d methods of %d", total, len(c.Methods()))
	}
	m, _, _ := c.FindMethod("四单工作法")
	ms, ls := c.MentionedIn(m.SummaryChunkID)
	if !slices.ContainsFunc(ms, func(x Method) bool { return x.Name == "四单工作法" }) {
		t.Errorf("MentionedIn(%s) methods %v lack 四单工作法", m.SummaryChunkID, ms)
	}
	if !slices.ContainsFunc(ls, func(x Leader) bool { return x.Name == "吴中兰" }) {
		t.Errorf("MentionedIn(%s) leaders %v lack 吴中兰", m.SummaryChunkID, ls)
	}
	if ms, ls := c.MentionedIn("no-such-chunk"); ms != nil || ls != nil {
		t.Errorf("unknown chunk: %v %v", ms, ls)
	}
}

func TestBuildDeterministicAndFast(t *testing.T) {
	t.Parallel()
	chunks := seedChunks(t)
	start := time.Now()
	c1 := mustBuild(t, chunks)
	elapsed := time.Since(start)
	t.Logf("Build of %d chunks (5 articles): %v", len(chunks), elapsed)
	shuffled := append([]corpus.Chunk(nil), chunks...)
	rand.New(rand.NewSource(1)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	c2 := mustBuild(t, shuffled)
	b1, err := json.Marshal(c1)
	if err != nil {
		t.Fatal(err)
	}
	b2, _ := json.Marshal(c2)
	if string(b1) != string(b2) {
		t.Error("Build depends on chunk order")
	}
	if elapsed > 2*time.Second {
		t.Errorf("Build took %v", elapsed)
	}
}

func TestJSONRoundTrip(t *testing.T) {
	t.Parallel()
	c := mustBuild(t, seedChunks(t))
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	var back Catalog
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back.Methods(), c.Methods()) || !reflect.DeepEqual(back.Leaders(), c.Leaders()) {
		t.Error("round trip changed the catalog")
	}
	if m, _, ok := back.FindMethod("四單工作法"); !ok || m.Name != "四单工作法" {
		t.Errorf("lookup after unmarshal: %q %v", m.Name, ok)
	}
	stale := strings.Replace(string(b), `"version":"`+Version+`"`, `"version":"old"`, 1)
	if err := json.Unmarshal([]byte(stale), &back); !errors.Is(err, ErrVersion) {
		t.Errorf("stale version: err %v, want ErrVersion", err)
	}
}

// syntheticArticle is a made-up article in the genre, unlike the seeds:
// another secretary, another city, a 五步工作法 whose steps do not contain
// 步, a 议事会, a named practice without a method word, a nickname, a
// personal honour, a community honour and slogans that must not become
// methods.
const syntheticArticle = `王秀芳:扎根社区的“贴心人”
王秀芳,女,1975年生,浙江省杭州市拱墅区和睦街道阳光社区党委书记、居委会主任。
她被居民亲切地称为“小王书记”,2019年荣获“全国三八红旗手”称号,阳光社区也被评为“全国最美社区”。
面对“老大难”问题,王秀芳常说:“有事找书记,书记来办事。”
她总结出“五步工作法”,即“听民声、理民需、办民事、评民意、回民访”,让居民的事件件有回音。
社区每月召开“阳光议事会”,由居民代表、物业、共建单位共商小区事务,今年已解决停车难等问题32件。
王秀芳还推行“一楼一档三到位”,建立楼栋档案,实现“人到位、事到位、情到位”。
在她的带动下,社区群众满意率达到96.5%。`

func syntheticChunks(text string) []corpus.Chunk {
	var out []corpus.Chunk
	for i, p := range strings.Split(text, "\n") {
		out = append(out, corpus.Chunk{
			ID: "syn-" + string(rune('a'+i)), ArticleID: "syn", Seq: i, Text: p, Norm: zh.ToSimplified(p),
			Meta: corpus.Meta{ID: "syn", Leader: "王秀芳"},
		})
	}
	return out
}

func TestSyntheticArticleGeneralises(t *testing.T) {
	t.Parallel()
	for _, script := range []string{"hans", "hant"} {
		t.Run(script, func(t *testing.T) {
			text := syntheticArticle
			if script == "hant" {
				text = zh.ToTraditional(text)
			}
			c := mustBuild(t, syntheticChunks(text))
			var names []string
			for _, m := range c.Methods() {
				names = append(names, m.Name)
				if m.Leader != "王秀芳" || m.ArticleID != "syn" {
					t.Errorf("%s attributed to %q/%q", m.Name, m.Leader, m.ArticleID)
				}
			}
			sort.Strings(names)
			// 一楼一档三到位 is a named practice she carries out (推行“…”).
			want := []string{"一楼一档三到位", "五步工作法", "阳光议事会"}
			if !slices.Equal(names, want) {
				t.Errorf("methods %q, want %q", names, want)
			}
			m, _, ok := c.FindMethod("五步工作法")
			if !ok || !slices.Equal(m.Steps, []string{"听民声", "理民需", "办民事", "评民意", "回民访"}) {
				t.Errorf("五步工作法: %v %q", ok, m.Steps)
			}
			if !strings.Contains(m.Summary, "五步") {
				t.Errorf("summary %q", m.Summary)
			}
			l, _, ok := c.FindLeader("小王书记")
			if !ok || l.Name != "王秀芳" {
				t.Fatalf("FindLeader(小王书记) = %q %v", l.Name, ok)
			}
			if l.Role != "社区党委书记、居委会主任" || !strings.HasSuffix(l.Place, "阳光社区") {
				t.Errorf("role %q place %q", l.Role, l.Place)
			}
			if !slices.Equal(l.Honours, []string{"全国三八红旗手"}) {
				t.Errorf("honours %q", l.Honours)
			}
		})
	}
}

// TestSequenceNeedsIncreasingNumerals guards against reading counting
// prose (一个单位一个单位, 一步一个脚印) as a step sequence.
func TestSequenceNeedsIncreasingNumerals(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"一个单位一个单位地采集", "一步一个脚印", "三个小区五个网格"} {
		if seq, ok := parseSequence(s); ok && len(seq.parts) >= 3 {
			t.Errorf("%q parsed as sequence %q", s, seq.parts)
		}
	}
	seq, ok := parseSequence("一听、二看、三查")
	if !ok || !slices.Equal(seq.steps, []string{"一听", "二看", "三查"}) {
		t.Errorf("一听、二看、三查 → %v %q", ok, seq.steps)
	}
}

func FuzzBuild(f *testing.F) {
	f.Add(syntheticArticle, "五步")
	f.Add("“四單”工作法“民眾點單、社區開單”", "四單")
	f.Add("“”“‘’”一二三四五六七八九十、、、——:即", "“")
	f.Add("以“为平台\xff\xfe社區(qū)", "")
	f.Fuzz(func(t *testing.T, text, query string) {
		c := mustBuild(t, syntheticChunks(text))
		c.FindMethod(query)
		c.FindLeader(query)
		c.MethodsByLeader()
		for _, m := range c.Methods() {
			if m.Name == "" {
				t.Fatalf("empty method name from %q", text)
			}
			c.MentionedIn(m.SummaryChunkID)
		}
		if _, err := json.Marshal(c); err != nil {
			t.Fatal(err)
		}
	})
}

// TestGenreSentences checks the patterns on sentences written like other
// news reports than the seeds.
func TestGenreSentences(t *testing.T) {
	t.Parallel()
	cases := []struct {
		text string
		want []string
	}{
		{"她首创“1+3+N”网格服务模式,实现服务全覆盖。", []string{"1+3+N网格服务模式"}},
		{"社区推行“135”工作法。", []string{"135工作法"}},
		{"他创新推出红色物业工作法,破解小区治理难题。", []string{"红色物业工作法"}},
		{"社区建立了“居民说事”制度。", []string{"居民说事"}},
		{"打造“邻里守望”志愿服务品牌。", []string{"邻里守望"}},
		{"居民都叫她“知心大姐”,她常说“有事找我”。", nil},
		{"她被评为“全国优秀共产党员”。", nil},
		{"实行“党建+物业”联动机制。", []string{"党建+物业联动机制"}},
		{"推行“三事分流”工作机制。", []string{"三事分流工作机制"}},
		{"探索“五线工作法”。", []string{"五线工作法"}},
		{"设立“老杨调解室”和“红色驿站”。", []string{"老杨调解室", "红色驿站"}},
		{"开展“我为群众办实事”实践活动。", nil},
		{"形成了“一核多元”共治模式。", []string{"一核多元共治模式"}},
		{"以“红色物业”为平台,整合资源。", []string{"红色物业"}},
		{"社区“两委”班子团结一心,三年来办结实事120件。", nil},
		{"她坚持“一个单位一个单位”地走访,一步一个脚印。", nil},
		{"要求支部书记每月将“支部主题党日”活动图文发送到群里。", nil},
		// Written for issue 15, unlike both the seeds and the genre set.
		{"她探索出“红管先锋”物业服务品牌。", []string{"红管先锋"}},
		{"社区组建了“夕阳红”巡逻队,每晚在小区巡查。", []string{"夕阳红"}},
		{"她牵头成立了“老兵调解室”。", []string{"老兵调解室"}},
		{"社区每月举办一次“邻里百家宴”。", []string{"邻里百家宴"}},
		{"居民们把她创办的“暖心课堂”称为“第二个家”。", []string{"暖心课堂"}},
		{"推行“五个一”工作机制。", []string{"五个一工作机制"}},
		{"她带领居民开展“楼道美化”行动,累计清理杂物200余吨。", []string{"楼道美化行动"}},
		{"区委组织部在全区推行“党员先锋岗”制度。", nil},
		{"她被居民称为“小巷总理”。", nil},
		{"为解决停车难,她推出了“错时停车”机制。", []string{"错时停车机制"}},
		{"她探索形成“1+N+X”网格治理模式。", []string{"1+N+X网格治理模式"}},
		{"他发起“周末义诊”,每周六请社区医生坐诊。", []string{"周末义诊"}},
		{"辖区一家保险公司在社区开展“保险知识进万家”活动。", nil},
		{"社区建立“两委”联席会议制度。", nil},
	}
	for _, tc := range cases {
		// The same sentence in Traditional script must give the same names.
		for _, text := range []string{tc.text, zh.ToTraditional(tc.text)} {
			var got []string
			for _, m := range mustBuild(t, syntheticChunks(text)).Methods() {
				got = append(got, m.Name)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("%s\n got %q\nwant %q", text, got, tc.want)
			}
		}
	}
}

func mustBuild(t testing.TB, chunks []corpus.Chunk) *Catalog {
	t.Helper()
	c, err := Build(context.Background(), chunks)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return c
}

// TestMethodAndMethodsOf: the exact-name and per-leader lookups agree
// with a scan of Methods, on the seed catalog and after a JSON round trip.
func TestMethodAndMethodsOf(t *testing.T) {
	c := mustBuild(t, seedChunks(t))
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	var back Catalog
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	for _, cat := range []*Catalog{c, &back} {
		by := map[string][]string{}
		for _, m := range cat.Methods() {
			by[m.Leader] = append(by[m.Leader], m.Name)
			if got, ok := cat.Method(m.Name); !ok || got.Name != m.Name {
				t.Errorf("Method(%q) = %q, %v", m.Name, got.Name, ok)
			}
		}
		if len(by) == 0 {
			t.Fatal("no methods")
		}
		for l, names := range by {
			var got []string
			for _, m := range cat.MethodsOf(l) {
				got = append(got, m.Name)
			}
			if !slices.Equal(got, names) {
				t.Errorf("MethodsOf(%q) = %v, want %v", l, got, names)
			}
		}
		if _, ok := cat.Method("没有这个方法"); ok {
			t.Error("a name no article uses is found")
		}
	}
}
