package clean

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// seedDir holds the five real seed articles; it sits beside the checkout
// both locally and in CI.
// seedDir holds the seed articles as the program ships them: a front-matter
// header, then the scraped page byte for byte.
const seedDir = "../data"

// readSeeds returns the raw scraped pages, front matter removed.
func readSeeds(t testing.TB) map[string]string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if err != nil || len(paths) != 5 {
		t.Fatalf("seed articles: want 5 in %s, got %d (%v)", seedDir, len(paths), err)
	}
	out := map[string]string{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		body, ok := strings.CutPrefix(string(b), "---\n")
		if ok {
			_, body, ok = strings.Cut(body, "\n---\n")
		}
		if !ok {
			t.Fatalf("%s: no front matter", p)
		}
		out[filepath.Base(p)[:3]] = body
	}
	return out
}

func cleanSeeds(t testing.TB) map[string]Result {
	t.Helper()
	out := map[string]Result{}
	for id, raw := range readSeeds(t) {
		out[id] = Clean(raw)
	}
	return out
}

// boilerplateLine matches lines of the kinds the boilerplate step removes.
var boilerplateLine = regexp.MustCompile(`^(首頁|首页|您当前的位置|分享到|分享至|責任編輯|责任编辑|作者 |原标题|基本介紹|訂閱|订阅|关注|熱門|热门|最新文章|相關詞條|相关词条|聯絡我們|關於我們|關于我們|人物事跡,)|攝$|摄$|\(完\)$|\(记者[^)]*\)$|ICP|版權所有|版权所有|免責聲明|许可证|All Rights|投稿邮箱|热线|來源:|来源:|網站地圖|网站地图|^•`)

func TestSeedsClean(t *testing.T) {
	t.Parallel()
	for id, r := range cleanSeeds(t) {
		if !utf8.ValidString(r.Text) {
			t.Errorf("%s: invalid UTF-8", id)
		}
		if m := pinyinAnnotation.FindAllString(r.Text, -1); len(m) > 0 {
			t.Errorf("%s: pinyin annotations left: %q", id, m)
		}
		if m := GarbleMarkers(r.Text); len(m) > 0 {
			t.Errorf("%s: garble markers left: %q", id, m)
		}
		for _, l := range strings.Split(r.Text, "\n") {
			if strings.TrimSpace(l) == "" {
				t.Errorf("%s: blank line left", id)
			}
			if boilerplateLine.MatchString(l) {
				t.Errorf("%s: boilerplate line left: %q", id, l)
			}
			if strings.ContainsRune(l, '\u00a0') || strings.HasPrefix(l, " ") {
				t.Errorf("%s: untidy whitespace: %q", id, l)
			}
		}
		if n := utf8.RuneCountInString(r.Text); n < 1500 {
			t.Errorf("%s: only %d runes left: content was dropped", id, n)
		}
		if r.Title != "" && strings.Contains(r.Text, r.Title+"\n") {
			t.Errorf("%s: title %q still in the body", id, r.Title)
		}
	}
}

// TestSeedRepairs checks sentences rebuilt from garbled runs, read and
// verified by hand against the surrounding text.
func TestSeedRepairs(t *testing.T) {
	t.Parallel()
	rs := cleanSeeds(t)
	want := map[string][]string{
		"001": {
			"認領清單。“仁和家訪”不僅有效破解", // !叭屎图以L
			"你好,我們仁和社區來家訪。",     // ?nèi)屎蜕鐓^
			"協調、解決。”宜賓大酒店總經理",   // !币速e
			"進來不到。”提起改造前的情況,居民", // !碧崞鸶脑烨暗那闆r
			"轉變為現在的“和事佬”",       // ?yōu)楝F
			"社工“全崗”、全科網格上門代辦服務", // ?fù)ā薄⑷凭W (通 lost)
			"小區的治理工作任務。”",       // !⏎
			"比如說我們創文的時候",        // ?cè)趧?chuàng) (在 lost)
			"群眾的點贊。”仁和社區黨委副書記",  // !比屎蜕鐓^
			"僑資學”的形式,開設“國際英語”",  // !钡男问剑_ (校 lost)
			"文化自信。”張影表示,在今後",    // !睆堄氨硎
		},
		"002": {
			"在每個街道巷口堅守。卡口點缺水缺電", // ??邳c
			"他們存在不想參加黨組織生活",     // ?yún)⒓狱h
			"“我幫立一個毛大姐調解室",      // ?guī)湍闪⒁粋€ (two bytes lost)
			"我會把榮譽變為動力,腳踏實地",    // ?yōu)閯?dòng)
		},
		"004": {
			"都很貼近實際。”這位在江蘇代表團",     // !边@
			"因為工作需要她被調到到鐘秀街道工作",    // ?yàn)楣ぷ餍枰徽{
			"參與社區活動。”黨員的呼聲",        // !秉h
			"起來做工作。”進一步堅定了邵敏的信心",   // !焙膭 (name lost, cut)
			"社會管理要創新,就必須",          // ?jiǎng)?chuàng)
			"管理和服務。”在聽完邵敏有關社會管理創新", // !焙诼犕晟勖粲嘘P (name lost)
			"創造良好條件。”",             // !⏎
			"感受幸福。”這是她一個基層黨務工作者",   // !边@
		},
	}
	for id, subs := range want {
		text := strings.ReplaceAll(rs[id].Text, "後", "后") // 001 mixes 后/後 as in the source
		for _, s := range subs {
			if !strings.Contains(text, strings.ReplaceAll(s, "後", "后")) {
				t.Errorf("%s: missing repaired text %q", id, s)
			}
		}
	}
	// Never guessed: the filtered name and wrong decodings stay out.
	for _, bad := range []string{"胡", "耗", "纳", "從新", "叭屎", "币速", "焙"} {
		for id, r := range rs {
			if id != "003" && strings.Contains(r.Text, bad) {
				t.Errorf("%s: %q must not appear", id, bad)
			}
		}
	}
	if len(rs["004"].Unrepaired) == 0 {
		t.Errorf("004: cut runs not reported: %q", rs["004"].Unrepaired)
	}
}

func TestSeedMetadata(t *testing.T) {
	t.Parallel()
	rs := cleanSeeds(t)
	cases := []struct {
		id, title, date, source string
	}{
		{"000", "吳中蘭", "", ""},
		{"001", "宜賓“85后”社區“老”干部:守好主陣地 展示新作為", "2021-02-02", "中新網四川"},
		{"002", "", "", ""},
		{"003", "【不忘初心 牢记使命】担当作为 服务到家 ——记普洱市思茅区倒生根社区党总支书记李亚玲(下)", "2019-08-15", "云南日报"},
		{"004", "大學生社官優秀黨員先進事跡材料", "", ""},
	}
	for _, c := range cases {
		r := rs[c.id]
		if r.Title != c.title || r.Date != c.date || r.Source != c.source {
			t.Errorf("%s: got title %q date %q source %q; want %q %q %q", c.id, r.Title, r.Date, r.Source, c.title, c.date, c.source)
		}
	}
	wantFields := map[string]string{"中文名": "吳中蘭", "國籍": "中國", "民族": "漢族", "出生地": "四川省安岳縣",
		"出生日期": "1969年10月", "職業": "公務員", "信仰": "中共黨員"}
	if !reflect.DeepEqual(rs["000"].Fields, wantFields) {
		t.Errorf("000 fields: %v", rs["000"].Fields)
	}
	// Real parentheses and content headings survive.
	for id, s := range map[string]string{
		"001": "村(社區)書記張影", "003": "于每月30日(社区志愿者服务日)为社区群众理发",
		"000": "人物事跡\n吳中蘭數十年", "002": "吹響“黨建集結號”\n共建共治聚合力",
	} {
		if !strings.Contains(rs[id].Text, s) {
			t.Errorf("%s: lost %q", id, s)
		}
	}
	if !strings.Contains(rs["001"].Text, "街區網格(小區)黨支部") {
		t.Error("001: nested annotation not reduced to 網格(小區)")
	}
	// First and last paragraphs are content, without trailers.
	if !strings.HasSuffix(rs["001"].Text, "幸福感。") || !strings.HasSuffix(rs["003"].Text, "走深走实要求。") {
		t.Error("trailer (完)/(记者 …) not stripped or last paragraph lost")
	}
	if !strings.HasPrefix(rs["000"].Text, "吳中蘭,女,1969年10月生") || !strings.HasPrefix(rs["002"].Text, "談起郭佳") {
		t.Error("first content paragraph lost or header left")
	}
}

func TestSeedsIdempotentAndDeterministic(t *testing.T) {
	t.Parallel()
	for id, raw := range readSeeds(t) {
		a, b := Clean(raw), Clean(raw)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: Clean is not deterministic", id)
		}
		if again := Clean(a.Text).Text; again != a.Text {
			t.Errorf("%s: Clean(Clean(x).Text) changed the text", id)
		}
	}
}

func TestStepsNamedAndInOrder(t *testing.T) {
	t.Parallel()
	var names []string
	for _, s := range Steps() {
		names = append(names, s.Name)
	}
	want := []string{"rewrap", "whitespace", "keycaps", "garble", "mojibake", "pinyin", "encyclopedia", "govsite", "tables", "boilerplate", "dateline", "dedup", "tidy"}
	if !reflect.DeepEqual(names, want) {
		t.Fatalf("steps %v, want %v", names, want)
	}
}

func stepFunc(t *testing.T, name string) func(string) string {
	t.Helper()
	for _, s := range Steps() {
		if s.Name == name {
			return s.Apply
		}
	}
	t.Fatalf("no step %q", name)
	return nil
}

func TestStepWhitespace(t *testing.T) {
	t.Parallel()
	apply := stepFunc(t, "whitespace")
	cases := []struct{ in, want string }{
		{"  中新網四川新聞\r\n\r\n\u00a0\u00a0\n\u3000\u3000段落 二", "中新網四川新聞\n段落 二"},
		{"擔當作為\u00a0\u00a0服務到家", "擔當作為 服務到家"},
		{"a\u200bb\tc", "ab c"},
	}
	for _, c := range cases {
		if got := apply(c.in); got != c.want {
			t.Errorf("whitespace(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// 003 has NBSP-only lines between paragraphs.
	raw := readSeeds(t)["003"]
	if !strings.Contains(raw, "\u00a0") {
		t.Fatal("seed 003 changed: no NBSP")
	}
	if got := apply(raw); strings.ContainsRune(got, '\u00a0') || strings.Contains(got, "\n\n") {
		t.Error("003: NBSP or blank lines left")
	}
}

func TestStepPinyin(t *testing.T) {
	t.Parallel()
	apply := stepFunc(t, "pinyin")
	cases := []struct{ in, want string }{
		{"社區(qū)書記", "社區書記"},
		{"街區網(wǎng)格(小區(qū))黨支部", "街區網格(小區)黨支部"},
		{"李亚玲(下)", "李亚玲(下)"},
		{"村(社區(qū))書記", "村(社區)書記"},
		{"发送CCZH到10658000(5元/月)", "发送CCZH到10658000(5元/月)"},
		{"幸福感。(完)", "幸福感。(完)"},
		{"(abc) (Qū) (qu)", "(abc) (Qū) (qu)"},
	}
	for _, c := range cases {
		if got := apply(c.in); got != c.want {
			t.Errorf("pinyin(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for id, raw := range readSeeds(t) {
		if m := pinyinAnnotation.FindAllString(apply(raw), -1); len(m) > 0 {
			t.Errorf("%s: %d annotations left", id, len(m))
		}
	}
}

func TestStepGarble(t *testing.T) {
	t.Parallel()
	apply := stepFunc(t, "garble")
	// Lines from the seeds, alone: the repair needs no other context
	// where the bytes settle everything.
	cases := []struct{ in, want string }{
		{"完善資源清單!叭屎图以L”不僅有效", "完善資源清單。“仁和家訪”不僅有效"},
		{"社區從原來的“背鍋俠”轉變?yōu)楝F(xiàn)在的“和事佬”", "社區從原來的“背鍋俠”轉變為現(xiàn)在的“和事佬”"},
		{"郭書記來啦!”“七一”前夕", "郭書記來啦!”“七一”前夕"},
		{"黨課形式單一怎么破?黨員教育如何入眼入耳", "黨課形式單一怎么破?黨員教育如何入眼入耳"},
		{"Hello! World", "Hello! World"},
		{"社區(qū)書記", "社區(qū)書記"},
	}
	for _, c := range cases {
		if got := apply(c.in); got != c.want {
			t.Errorf("garble(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for id, raw := range readSeeds(t) {
		out := removePinyin(apply(raw))
		if m := GarbleMarkers(out); len(m) > 0 {
			t.Errorf("%s: markers after the garble step: %q", id, m)
		}
		if id == "003" && out != removePinyin(raw) {
			t.Error("003 is clean: the garble step must not change it")
		}
	}
}

func TestGarbleMarkers(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in   string
		want int
	}{
		{"清單!叭屎图以L”不僅", 2},
		{"轉變?yōu)楝F在", 2},
		{"堅守??邳c缺水", 2},
		{"學\ue104_設", 1},
		{"“我?guī)湍闪⒁粋€毛", 3},
		{"郭書記來啦!”", 0},
		{"在X所撰寫的《我看社區工作》", 0},
		{"做B超檢查,“N”個第一,AAA國家級", 0},
		{"怎么破?黨員", 0},
	}
	for _, c := range cases {
		if got := GarbleMarkers(c.in); len(got) != c.want {
			t.Errorf("GarbleMarkers(%q) = %q, want %d", c.in, got, c.want)
		}
	}
	raw := readSeeds(t)
	for _, id := range []string{"001", "002", "004"} {
		if len(GarbleMarkers(removePinyin(raw[id]))) == 0 {
			t.Errorf("%s: raw garble not detected", id)
		}
	}
}

func TestStepBoilerplate(t *testing.T) {
	t.Parallel()
	apply := stepFunc(t, "boilerplate")
	noise := []string{
		"首頁 > 新聞 > 正文", "您当前的位置:云南网 >> 云南频道 >> 正文", "分享到:",
		"2021年02月02日 21:49 來源:中新網四川 編輯:曹惠君", "责任编辑:董明强", "作者 吳平華 秦旭",
		"關心居民。秦旭 攝", "本报记者 王五 摄", "京ICP備12024993號-1", "共產黨員網 版權所有 京ICP備12024993號-1",
		"订阅《春城手机报》:娱乐版发送CCYL到10658000 (3元/月)", "关注云南网微信",
		"新闻爆料热线:0871-64160447 投稿邮箱:a@b.cn", "關於我們 聯繫我們 網站地圖 用戶調查",
		"云南网简介 | 服务合作 | 广告报价", "熱門推薦", "最新文章", "相關詞條", "聯絡我們",
		"未经云南网书面特别授权,请勿转载或建立镜像,违者依法必究", "Copyright © 2003 yunnan.cn",
		"中新社北京2月2日電 題:宜賓社區干部守好主陣地",
	}
	for _, n := range noise {
		in := "社區是“共同的家園”,只有把轄區各種組織有效調動起來。\n" + n + "\n她堅持每周召開社區黨委會議。"
		want := "社區是“共同的家園”,只有把轄區各種組織有效調動起來。\n她堅持每周召開社區黨委會議。"
		if got := apply(in); got != want {
			t.Errorf("noise line %q kept: %q", n, got)
		}
	}
	content := []string{
		"省國稅打來電話:“郭書記,我們也想請街道派社區工作者上門教退休老干部使用智能手機。”",
		"她開通了民情熱線,居民撥打電話就能反映問題,版權意識也在社區課堂上普及。",
		"她在社區設立了24小時服務熱線,接聽電話3000多個,幫助居民解決難題。",
		"關於社區治理,我們要把工作做細。",
		"2016年7月被中組部授予“全國優秀黨務工作者”榮譽稱號。",
		"2018年8月23日,南關民族風味一條街順利開業。",
		"仁和家訪破難題",
		"李亚玲在社区走访。",
		"分享經驗是她的習慣,每周她都和年輕干部分享工作心得。",
	}
	for _, c := range content {
		in := "這是第一段正文,講述書記的工作方法。\n" + c + "\n這是最後一段正文。"
		if got := apply(in); !strings.Contains(got, c) {
			t.Errorf("content line dropped: %q → %q", c, got)
		}
	}
	r := Clean("新聞\n首頁 > 新聞\n社區書記的一天\n2020-03-05 10:00 来源:人民网 编辑:张三\n她每天走訪居民。\n她每天走訪居民。")
	if r.Title != "社區書記的一天" || r.Date != "2020-03-05" || r.Source != "人民网" || r.Text != "她每天走訪居民。" {
		t.Errorf("meta: %+v", r)
	}
}

func TestStepDedup(t *testing.T) {
	t.Parallel()
	apply := stepFunc(t, "dedup")
	if got := apply("正在工作的張影。\n正在工作的張影。\n正文一段。\n正在工作的張影。"); got != "正在工作的張影。\n正文一段。" {
		t.Errorf("dedup = %q", got)
	}
}

func TestCleanKeepsDoubledWordsAsInSource(t *testing.T) {
	t.Parallel()
	rs := cleanSeeds(t)
	// Source errors are kept verbatim: fixing them would be guessing.
	if !strings.Contains(rs["001"].Text, "書記。。") || !strings.Contains(rs["004"].Text, "調到到") {
		t.Error("source text altered")
	}
}

func FuzzClean(f *testing.F) {
	for _, raw := range readSeeds(f) {
		f.Add(raw)
	}
	f.Add("清單!叭屎图以L”不僅\n轉變?yōu)楝F(xiàn)在\n??邳c\n\ue104\xff\xfe")
	f.Add("首頁 > x\n(qū)(ā)?ā)!!??")
	f.Fuzz(func(t *testing.T, s string) {
		r := Clean(s)
		if !utf8.ValidString(r.Text) || !utf8.ValidString(r.Title) {
			t.Fatal("invalid UTF-8 out")
		}
		if r2 := Clean(s); !reflect.DeepEqual(r, r2) {
			t.Fatal("not deterministic")
		}
		if len(r.Text) > 4*len(s)+16 {
			t.Fatalf("output grew: %d → %d", len(s), len(r.Text))
		}
	})
}

func BenchmarkClean(b *testing.B) {
	raw := readSeeds(b)["001"]
	Clean(raw) // build the GBK table once, outside the timing
	b.SetBytes(int64(len(raw)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Clean(raw)
	}
}

// A closing credit in brackets goes; a reporter's or editor's note in
// brackets at the end of the article is its text, and may state an honour.
func TestClosingNoteKept(t *testing.T) {
	for _, note := range []string{
		"（记者手记：她去年被评为全国优秀党务工作者。）",
		"采访结束时天已经黑了。（记者手记：付春兰2021年被评为全国优秀党务工作者）",
		"（编辑点评：十六年来，她把最好的年华留在了社区，也赢得了居民的信任）",
	} {
		if got := Clean("社区书记付春兰每天走访居民。\n" + note).Text; !strings.Contains(got, "全国优秀党务工作者") && !strings.Contains(got, "居民的信任") {
			t.Errorf("note lost: %q", got)
		}
	}
	for _, credit := range []string{"（记者 郑一鸣 通讯员 韩雪）", "(記者 張三,李四)", "（完）", "（编辑：王琳）"} {
		if got := Clean("社区书记付春兰每天走访居民。" + credit).Text; got != "社区书记付春兰每天走访居民。" {
			t.Errorf("credit %q left: %q", credit, got)
		}
	}
}

// An encyclopedia's infobox saved as text — labels on lines of their own
// with the value below (several lines for 主要成就), or the value after
// the label on its line — is taken as fields and leaves the text; the
// text after it (目录, the article) stays.
func TestTextInfobox(t *testing.T) {
	raw := "温雅琴\n温雅琴，女，回族，1974年11月生，东关社区党委书记。\n中文名\n温雅琴\n国    籍\n中国\n民族 回族\n" +
		"主要成就\n全国优秀党务工作者\n陕西省三八红旗手\n职务\n东关社区党委书记\n目录\n1 人物经历\n人物经历\n" +
		"1996年，温雅琴到长乐坊街道做社区工作。\n"
	r := Clean(raw)
	want := map[string]string{"中文名": "温雅琴", "国籍": "中国", "民族": "回族", "主要成就": "全国优秀党务工作者、陕西省三八红旗手", "职务": "东关社区党委书记"}
	if !reflect.DeepEqual(r.Fields, want) {
		t.Errorf("fields %v, want %v", r.Fields, want)
	}
	for _, gone := range []string{"中文名", "国    籍", "主要成就", "陕西省三八红旗手"} {
		if strings.Contains(r.Text, gone) {
			t.Errorf("%q left in the text: %q", gone, r.Text)
		}
	}
	if !strings.Contains(r.Text, "1996年，温雅琴到长乐坊街道做社区工作。") || !strings.Contains(r.Text, "1974年11月生") {
		t.Errorf("text lost: %q", r.Text)
	}
	// Label and value after a colon, one field a line.
	r = Clean("何丽娟\n何丽娟，女，现任西牌楼社区党委书记。\n中文名：何丽娟\n民族：汉族\n主要成就：全国三八红旗手\n人物经历\n2015年至今任西牌楼社区党委书记。\n")
	if r.Fields["民族"] != "汉族" || r.Fields["主要成就"] != "全国三八红旗手" || strings.Contains(r.Text, "民族：") {
		t.Errorf("fields %v text %q", r.Fields, r.Text)
	}
}
