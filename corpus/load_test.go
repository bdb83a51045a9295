package corpus

import (
	"bytes"
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"

	"bangyang/zh"
)

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func encode(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return b
}

func loadOne(t *testing.T, dir string) Article {
	t.Helper()
	as, err := LoadDir(context.Background(), dir)
	if err != nil {
		t.Fatalf("LoadDir: %v", err)
	}
	if len(as) != 1 {
		t.Fatalf("LoadDir: %d articles, want 1", len(as))
	}
	return as[0]
}

func TestDefaultMetadata(t *testing.T) {
	t.Parallel()
	want := map[string]Meta{
		"000_d8d80dde34d9778c": {Title: "吳中蘭", Leader: "吳中蘭", Aliases: []string{"小吳書記"}, Script: zh.Traditional},
		"001_953c474275883a9c": {Leader: "張影", Source: "中新網四川", Date: "2021-02-02", Script: zh.Traditional},
		"002_96831c975dc80157": {Leader: "郭佳", Source: "共產黨員網", Script: zh.Traditional},
		"003_a156d4cd736ae854": {Leader: "李亚玲", Source: "云南网", Date: "2019-08-15", Script: zh.Simplified},
		"004_fa84349bd43f7ca5": {Leader: "邵敏", Aliases: []string{"XX", "XXX"}, Source: "思而思學網", Script: zh.Traditional},
	}
	for _, a := range mustDefault(t) {
		w, ok := want[a.ID]
		if !ok {
			t.Errorf("unexpected article id %q", a.ID)
			continue
		}
		if a.Leader != w.Leader || a.Script != w.Script || (w.Source != "" && a.Source != w.Source) ||
			a.Date != w.Date || (w.Title != "" && a.Title != w.Title) ||
			(w.Aliases != nil && !slices.Equal(a.Aliases, w.Aliases)) {
			t.Errorf("%s: got %+v, want %+v", a.ID, a.Meta, w)
		}
		if a.Place == "" || a.Origin != "embedded:"+a.ID+".txt" {
			t.Errorf("%s: place %q origin %q", a.ID, a.Place, a.Origin)
		}
		if a.URL != "" {
			t.Errorf("%s: url %q; none of the seeds states its URL", a.ID, a.URL)
		}
		if strings.HasPrefix(a.Raw, "---") || strings.Contains(a.Raw, "\nscript: ") {
			t.Errorf("%s: front matter left in Raw", a.ID)
		}
		if a.Text == "" {
			t.Errorf("%s: empty text", a.ID)
		}
	}
}

// The embedded files keep the scraped body byte for byte after the header.
func TestEmbeddedBodiesUnchanged(t *testing.T) {
	t.Parallel()
	for _, a := range mustDefault(t) {
		data, err := embedded.ReadFile("data/" + a.ID + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasSuffix(data, []byte(a.Raw)) {
			t.Errorf("%s: Raw is not the file's body", a.ID)
		}
		_, body, ok := splitFrontMatter(string(data))
		if !ok || body != a.Raw {
			t.Errorf("%s: front matter split ok=%v", a.ID, ok)
		}
	}
	// A spot check against the scraped original: noise included.
	as := mustDefault(t)
	a, _ := Find(as, "001")
	if !strings.Contains(a.Raw, "社區(qū)") || !strings.HasPrefix(a.Raw, "中新社四川分社正文\n") {
		t.Error("001 raw does not look like the scraped original")
	}
}

// Without front matter, leader, role, place and script are derived from
// the text and the id from the file name. The place is the administrative
// chain as the text writes it next to the post (never a fragment of
// prose); where the text gives less than the seed's front matter, less is
// derived.
func TestDeriveMetadataWithoutFrontMatter(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	seeds := mustDefault(t)
	for _, a := range seeds {
		writeFile(t, dir, "seeds/"+a.ID+".txt", []byte(a.Raw))
	}
	got, err := LoadDir(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(seeds) {
		t.Fatalf("%d articles, want %d", len(got), len(seeds))
	}
	for i, a := range got {
		s := seeds[i]
		if a.ID != "seeds-"+s.ID {
			t.Errorf("id %q, want %q", a.ID, "seeds-"+s.ID)
		}
		if a.Leader != s.Leader {
			t.Errorf("%s: derived leader %q, want %q", s.ID, a.Leader, s.Leader)
		}
		if a.Script != s.Script {
			t.Errorf("%s: derived script %q, want %q", s.ID, a.Script, s.Script)
		}
		if a.URL != "" {
			t.Errorf("%s: invented url %q", s.ID, a.URL)
		}
		want := derivedSeedPosts[s.ID[:3]]
		if a.Role != want[0] || a.Place != want[1] {
			t.Errorf("%s: derived role %q place %q, want %q %q", s.ID, a.Role, a.Place, want[0], want[1])
		}
		// 邵敏 is a 全国人大代表 — an honour, not her post.
		if s.ID[:3] == "004" && !slices.Contains(a.Honours, "全國人大代表") {
			t.Errorf("004: honours %v lack 全國人大代表", a.Honours)
		}
	}
	// Aliases found in the text for the derived leader.
	if a, _ := Find(got, "seeds-000"); !slices.Contains(a.Aliases, "小吳書記") {
		t.Errorf("000 aliases %v, want 小吳書記", a.Aliases)
	}
	if a, _ := Find(got, "seeds-003"); !slices.Contains(a.Aliases, "亚玲书记") {
		t.Errorf("003 aliases %v, want 亚玲书记", a.Aliases)
	}
}

// derivedSeedPosts is what the raw seed texts say about each leader's post
// and place (seed id prefix → role, place). 004 writes its district once,
// apart ("邵敏所在的崇川區").
var derivedSeedPosts = map[string][2]string{
	"000": {"社區黨委書記、居委會主任", "重慶市渝中區上清寺街道上清寺路社區"},
	"001": {"社區書記", "仁和社區"},
	"002": {"街道黨工委書記", "酒泉路街道"},
	"003": {"社区党总支书记", "普洱市思茅区倒生根社区"},
	"004": {"民意書記", "崇川區百花苑社區"},
}

func TestDeriveLeader(t *testing.T) {
	t.Parallel()
	nt := newNameTables()
	for _, text := range []string{
		"",
		"社區開展志願服務活動,居民參與度高。高度重視,方法得當,文化繁榮。",
		"黨委書記強調,要把工作做實做細。黨委書記指出方向。",
	} {
		if got, _ := deriveLeader("", text, nt); got != "" {
			t.Errorf("deriveLeader(%q) = %q, want none", text, got)
		}
	}
	for text, want := range map[string]string{
		"社區黨委書記王小明帶領大家。王小明說,要服務群眾。王小明同志多次上門。": "王小明",
		// A quoted official with a role is outnumbered by the subject.
		"村党支部书记刘建国正在田间查看。“要让群众富起来。”刘建国说。县委组织部部长王芳表示,刘建国带领村民修路。": "刘建国",
		// Name after 主任; a 2-character name is not stretched to 3.
		"居委会主任陈静每天走访。陈静发现问题就解决。在陈静的带动下,居民参与治理。": "陈静",
		// The subject of a sentence naming a role, not adjacent to it.
		"王秀芳扎根社区十五年\n王秀芳是杭州市西湖区翠苑社区党委书记。她总结出“五步工作法”。王秀芳说，要把群众的事办好。": "王秀芳",
		"陈建国，男，1965年生，成都市武侯区玉林社区党委书记、居委会主任。多年来，陈建国带领社区干部走访。":        "陈建国",
		"張三現任某某社區黨委書記。張三常說：群眾的事無小事。":                                "張三",
		// Surname-only address gives the surname; the full name is counted.
		"大家都叫她小周书记。周丽华扎根社区十年,周丽华的工作法在全区推广。": "周丽华",
	} {
		if got, _ := deriveLeader("", text, nt); got != want {
			t.Errorf("deriveLeader(%q) = %q, want %q", text, got, want)
		}
	}
}

const gbkHTML = `<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>社区书记王红梅：把服务送到家_某某新闻网</title>
<meta property="og:site_name" content="某某新闻网">
<meta property="article:published_time" content="2022-03-05T08:30:00+08:00">
<link rel="canonical" href="https://news.example.cn/2022/0305/123.html">
<style>.x{color:red}</style>
<script>var ad = "广告脚本不应出现";</script>
</head><body>
<header><div class="logo">某某新闻网</div><nav><a href="/">首页</a> <a href="/gn">国内</a></nav></header>
<div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/sh">社会</a></div>
<article>
<h1>社区书记王红梅：把服务送到家</h1>
<p>王红梅是幸福路社区党委书记。她带领社区干部走家入户，
收集居民意见。</p>
<p>“群众的事就是我们的事。”王红梅说。社区成立了志愿服务队，服务居民3000余人次，满意率达95.3%。</p>
<p>在王红梅的带动下，社区面貌焕然一新。</p>
</article>
<aside><h3>热门推荐</h3><ul><li><a href="/1">侧栏链接一</a></li></ul></aside>
<footer>版权所有 京ICP备12345678号</footer>
</body></html>`

func TestLoadGBKHTML(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFile(t, dir, "news/wang.html", encode(t, simplifiedchinese.GBK, gbkHTML))
	a := loadOne(t, dir)
	if a.ID != "news-wang" {
		t.Errorf("id %q", a.ID)
	}
	if a.Title != "社区书记王红梅：把服务送到家" {
		t.Errorf("title %q", a.Title)
	}
	if a.Date != "2022-03-05" || a.Source != "某某新闻网" || a.URL != "https://news.example.cn/2022/0305/123.html" {
		t.Errorf("meta %+v", a.Meta)
	}
	if a.Leader != "王红梅" || a.Script != zh.Simplified {
		t.Errorf("leader %q script %q", a.Leader, a.Script)
	}
	for _, want := range []string{"她带领社区干部走家入户，收集居民意见。", "满意率达95.3%。", "在王红梅的带动下"} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, a.Text)
		}
	}
	for _, junk := range []string{"<", "广告脚本", "首页", "侧栏链接", "ICP", "color:red"} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("text contains %q:\n%s", junk, a.Text)
		}
	}
	if !strings.Contains(a.Raw, "<article>") {
		t.Error("Raw should keep the decoded HTML source")
	}
}

// Without <article>, the densest block wins over link-heavy chrome, and a
// <meta charset=gbk> HTML is decoded as GBK.
func TestLoadHTMLDensity(t *testing.T) {
	t.Parallel()
	page := `<html><head><meta charset="gbk"><title>郭佳：城市基层治理的领跑者 - 共产党员网</title></head><body>
<div id="top"><a href="/">首页</a><a href="/a">要闻</a><a href="/b">专题</a></div>
<div id="side"><ul><li><a href="/x">新闻一则很长的标题链接文字</a></li><li><a href="/y">新闻二则很长的标题链接文字</a></li></ul></div>
<div id="main"><div class="content">
<p>在酒泉路街道工作的7年间，郭佳坐不住办公室，几乎每天用脚步丈量辖区。</p>
<p>郭佳说：“要在党组织之间寻求合作，打造党建集结号品牌。”街道先后与辖区142家单位达成共建协议。</p>
<div>居民见到她都亲切招呼：“郭书记来啦！”<br>她被授予全国优秀党务工作者称号。</div>
</div></div>
<div id="foot">关于我们 联系我们</div></body></html>`
	dir := t.TempDir()
	writeFile(t, dir, "guo.htm", encode(t, simplifiedchinese.GBK, page))
	a := loadOne(t, dir)
	if a.Title != "郭佳：城市基层治理的领跑者" {
		t.Errorf("title %q", a.Title)
	}
	if a.Leader != "郭佳" || !slices.Contains(a.Aliases, "郭书记") {
		t.Errorf("leader %q aliases %v", a.Leader, a.Aliases)
	}
	if !strings.Contains(a.Text, "居民见到她都亲切招呼：“郭书记来啦！”\n她被授予") {
		t.Errorf("<br> not a line break or text missing:\n%s", a.Text)
	}
	for _, junk := range []string{"首页", "新闻一则", "关于我们"} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("text contains chrome %q:\n%s", junk, a.Text)
		}
	}
}

func TestLoadEncodings(t *testing.T) {
	t.Parallel()
	const text = "李亚玲在社区走访。她说：“服务群众没有终点。”\n倒生根社区已发展了253名党员,调解成功率达95.3%。\n"
	const trad = "張影帶領社區黨員幹部主動上門拜訪。張影書記給我的印象是非常能幹。"
	// Full-width punctuation, two line breaks: the only NULs in UTF-16.
	fullwidth := strings.Repeat("社区党委书记带领居民开展志愿服务，群众满意。", 10) + "\n" +
		strings.Repeat("网格员上门走访，收集意见建议；", 10) + "\n"
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"utf8.txt", []byte(text), text},
		{"utf8bom.txt", append([]byte{0xEF, 0xBB, 0xBF}, text...), text},
		{"utf16le-bom.txt", encode(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), text), text},
		{"utf16be-bom.txt", encode(t, xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM), text), text},
		{"utf16le-nobom.txt", encode(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), text), text},
		{"utf16be-nobom.txt", encode(t, xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), text), text},
		{"gbk.txt", encode(t, simplifiedchinese.GBK, text), text},
		{"gb18030.txt", encode(t, simplifiedchinese.GB18030, text+"𠀀"), text + "𠀀"},
		{"big5.txt", encode(t, traditionalchinese.Big5, trad), trad},
		{"utf16le-fullwidth.txt", encode(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), fullwidth), fullwidth},
		{"big5.html", encode(t, traditionalchinese.Big5, "<html><head><meta charset=big5></head><body><p>"+trad+"</p></body></html>"), ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, dir, tc.name, tc.data)
			a := loadOne(t, dir)
			if tc.want == "" { // HTML: check the extracted text
				if a.Text != trad {
					t.Errorf("text %q, want %q", a.Text, trad)
				}
				return
			}
			if strings.TrimSpace(a.Raw) != strings.TrimSpace(tc.want) {
				t.Errorf("decoded %q\nwant %q", a.Raw, tc.want)
			}
		})
	}
}

func TestFrontMatter(t *testing.T) {
	t.Parallel()
	src := "\ufeff---\r\n" +
		"id: wang-hongmei\r\n" +
		"title: \"社区书记王红梅: 把服务送到家\"\r\n" +
		"leader: 王红梅\r\n" +
		"aliases: [王书记, '红梅书记']\r\n" +
		"place: 某市某区幸福路社区 # a comment\r\n" +
		"date: 2022年3月5日\r\n" +
		"url: https://example.cn/a?x=1#frag\r\n" +
		"script: zh-Hans\r\n" +
		"tags:\r\n  - 党建\r\n  - 社区\r\n" +
		"---\r\n" +
		"王红梅带领社区干部走家入户。\r\n"
	dir := t.TempDir()
	writeFile(t, dir, "a.md", []byte(src))
	a := loadOne(t, dir)
	want := Meta{ID: "wang-hongmei", Title: "社区书记王红梅: 把服务送到家", Leader: "王红梅",
		Aliases: []string{"王书记", "红梅书记"}, Place: "某市某区幸福路社区", Date: "2022-03-05",
		URL: "https://example.cn/a?x=1#frag", Script: zh.Simplified}
	if a.ID != want.ID || a.Title != want.Title || a.Leader != want.Leader || !slices.Equal(a.Aliases, want.Aliases) ||
		a.Place != want.Place || a.Date != want.Date || a.URL != want.URL || a.Script != want.Script {
		t.Errorf("got  %+v\nwant %+v", a.Meta, want)
	}
	if strings.Contains(a.Text, "---") || strings.Contains(a.Text, "leader") {
		t.Errorf("front matter leaked into text: %q", a.Text)
	}

	// Block-list aliases; an unterminated header is body text, not metadata.
	fm, _, ok := splitFrontMatter("---\naliases:\n  - 小吳書記\n  - 吳書記\n---\nbody")
	if !ok || !slices.Equal(fm.list("aliases"), []string{"小吳書記", "吳書記"}) {
		t.Errorf("block list: ok=%v %v", ok, fm.lists)
	}
	if _, body, ok := splitFrontMatter("---\ntitle: x\nno end"); ok || !strings.HasPrefix(body, "---") {
		t.Error("unterminated front matter accepted")
	}
	if _, _, ok := splitFrontMatter("正文第一行\n---\n"); ok {
		t.Error("front matter found in the middle of a file")
	}
}

func TestMarkdown(t *testing.T) {
	t.Parallel()
	src := "# 社区书记王红梅\n\n**王红梅**是[幸福路社区](https://x.cn)党委书记。\n\n![照片](a.jpg)\n\n- 走家入户。\n- 收集意见。\n\n> 王红梅说：“群众的事就是我们的事。”\n"
	dir := t.TempDir()
	writeFile(t, dir, "w.md", []byte(src))
	a := loadOne(t, dir)
	if a.Title != "社区书记王红梅" {
		t.Errorf("title %q", a.Title)
	}
	for _, junk := range []string{"**", "](", "![", "jpg", "# ", "- ", "> "} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("markdown %q left in text %q", junk, a.Text)
		}
	}
	if !strings.Contains(a.Text, "王红梅是幸福路社区党委书记。") {
		t.Errorf("text %q", a.Text)
	}
}

// A binary file gives a FileError naming it; the other files still load.
func TestGarbageFileDoesNotLoseOthers(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", []byte("郭佳带领街道干部走访辖区单位。郭佳说,要建强战斗堡垒。"))
	r := rand.New(rand.NewPCG(1, 2))
	garbage := make([]byte, 4096)
	for i := range garbage {
		garbage[i] = byte(r.UintN(256))
	}
	bad := writeFile(t, dir, "b.txt", garbage)
	writeFile(t, dir, "c.html", []byte("<p>李亚玲在社区走访。</p>"))
	writeFile(t, dir, "empty.txt", nil)

	as, err := LoadDir(context.Background(), dir)
	if len(as) != 2 || as[0].ID != "a" || as[1].ID != "c" {
		t.Fatalf("articles %v, want a and c", ids(as))
	}
	if err == nil {
		t.Fatal("no error for the garbage file")
	}
	var fe *FileError
	if !errors.As(err, &fe) || fe.Path != bad || !errors.Is(err, ErrUndecodable) {
		t.Errorf("error %v: want a FileError for %s wrapping ErrUndecodable", err, bad)
	}
	if !strings.Contains(err.Error(), "b.txt") || !strings.Contains(err.Error(), "empty.txt") || !errors.Is(err, ErrEmpty) {
		t.Errorf("error does not name both bad files: %v", err)
	}
}

func ids(as []Article) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.ID)
	}
	return out
}

func TestLoadDirSkipsHiddenAndOtherFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFile(t, dir, "z.txt", []byte("張影走訪居民。"))
	writeFile(t, dir, "sub/a.TXT", []byte("郭佳走訪居民。"))
	writeFile(t, dir, ".hidden.txt", []byte("隱藏文件。"))
	writeFile(t, dir, ".git/x.txt", []byte("隱藏目錄。"))
	writeFile(t, dir, "notes.doc", []byte{0xD0, 0xCF, 0x11, 0xE0}) // old Word: save as .docx
	writeFile(t, dir, "img.jpg", []byte{0xFF, 0xD8})
	writeFile(t, dir, "README.md", []byte("# 這個文件夾放文章"))
	as, err := LoadDir(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(as); !slices.Equal(got, []string{"sub-a", "z"}) {
		t.Errorf("ids %v, want [sub-a z]", got)
	}
	if _, err := LoadDir(context.Background(), filepath.Join(dir, "missing")); err == nil {
		t.Error("missing dir: no error")
	}
}

func TestLoadWithAndWithoutDefault(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	d1, d2 := t.TempDir(), t.TempDir()
	writeFile(t, d1, "x.txt", []byte("王紅梅帶領社區幹部走家入戶。"))
	writeFile(t, d2, "x.txt", []byte("王紅梅成立志願服務隊。"))
	// Overrides a seed by id.
	writeFile(t, d2, "override.md", []byte("---\nid: 003_a156d4cd736ae854\nleader: 李亚玲\n---\n李亚玲在社区走访。\n"))

	only, err := Load(ctx, []string{d1}, false)
	if err != nil || !slices.Equal(ids(only), []string{"x"}) {
		t.Fatalf("without default: %v %v", ids(only), err)
	}
	all, err := Load(ctx, []string{d1, d2}, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 6 {
		t.Fatalf("with default: %v", ids(all))
	}
	x, _ := Find(all, "x")
	if !strings.Contains(x.Text, "志願服務隊") {
		t.Errorf("later folder did not win: %q", x.Text)
	}
	seed, _ := Find(all, "003_a156d4cd736ae854")
	if seed.Text != "李亚玲在社区走访。" || all[3].ID != "003_a156d4cd736ae854" {
		t.Errorf("seed not overridden in place: %q at %v", seed.Text, ids(all))
	}
	none, err := Load(ctx, nil, false)
	if err != nil || len(none) != 0 {
		t.Errorf("nothing: %v %v", none, err)
	}
	// A missing folder is reported; the rest still loads.
	some, err := Load(ctx, []string{filepath.Join(d1, "nope"), d1}, true)
	if err == nil || len(some) != 6 {
		t.Errorf("missing folder: %d articles, err %v", len(some), err)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := Load(cctx, []string{d1}, false); !errors.Is(err, context.Canceled) {
		t.Errorf("canceled: %v", err)
	}
}

func TestIDFromPath(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"a.txt":                    "a",
		"Sub Dir/My File.HTML":     "sub-dir-my-file",
		"新聞/張影 報道.html":            "新聞-張影-報道",
		"000_d8d80dde34d9778c.txt": "000_d8d80dde34d9778c",
		"!!!.txt":                  "",
	} {
		got := IDFromPath(in)
		if want == "" {
			if !strings.HasPrefix(got, "article-") {
				t.Errorf("IDFromPath(%q) = %q, want article-<hash>", in, got)
			}
			continue
		}
		if got != want {
			t.Errorf("IDFromPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFindAndSummarize(t *testing.T) {
	t.Parallel()
	as := mustDefault(t)
	if a, ok := Find(as, "002"); !ok || a.Leader != "郭佳" {
		t.Errorf("prefix find: %v %q", ok, a.ID)
	}
	if _, ok := Find(as, "00"); ok {
		t.Error("ambiguous prefix found something")
	}
	if a, ok := Find(as, "004_FA84349BD43F7CA5"); !ok || a.Leader != "邵敏" {
		t.Error("case-insensitive find failed")
	}
	if _, ok := Find(as, ""); ok {
		t.Error("empty id found something")
	}
	sums := Summarize(as)
	for i, s := range sums {
		if s.ID != as[i].ID || s.Chars == 0 || s.Chunks != len(ChunkArticle(as[i])) {
			t.Errorf("summary %+v", s)
		}
	}
	if sums[2].Label() != "郭佳 · "+as[2].Place {
		t.Errorf("label for untitled article: %q", sums[2].Label())
	}
}

func TestNormalizeDate(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"2021-02-02T21:49:00+08:00": "2021-02-02",
		"2021/2/2":                  "2021-02-02",
		"2021年02月02日 21:49":         "2021-02-02",
		"发布时间:2019年08月15日":          "2019-08-15",
		"20190815":                  "2019-08-15",
		"2019-13-01":                "",
		"yesterday":                 "",
	} {
		if got := normalizeDate(in); got != want {
			t.Errorf("normalizeDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkDefaultLoadCleanChunk(b *testing.B) {
	for b.Loop() {
		as, err := Default()
		if err != nil {
			b.Fatal(err)
		}
		if len(ChunkAll(as)) == 0 {
			b.Fatal("no chunks")
		}
	}
}

func BenchmarkChunkAll(b *testing.B) {
	as := mustDefault(b)
	b.ResetTimer()
	for b.Loop() {
		ChunkAll(as)
	}
}

func BenchmarkLoadDirHTML(b *testing.B) {
	dir := b.TempDir()
	data, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(gbkHTML))
	if err != nil {
		b.Fatal(err)
	}
	for i := range 20 {
		if err := os.WriteFile(filepath.Join(dir, string(rune('a'+i))+".html"), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if _, err := LoadDir(ctx, dir); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzBuild feeds arbitrary bytes through decoding, front matter, HTML /
// Markdown extraction and cleaning: no panic, and an article's text is
// valid UTF-8.
func FuzzBuild(f *testing.F) {
	f.Add([]byte(gbkHTML), uint8(kindHTML))
	f.Add([]byte("---\nid: x\naliases: [a, 'b,c']\n---\n正文。"), uint8(kindMarkdown))
	f.Add([]byte{0xFF, 0xFE, 0x41, 0x00}, uint8(kindText))
	f.Add([]byte("# 標題\n\n**王紅梅**說。"), uint8(kindMarkdown))
	b := newBuilder()
	f.Fuzz(func(t *testing.T, data []byte, k uint8) {
		a, err := b.build("fuzz", "fuzz.txt", data, kind(k%3))
		if err != nil {
			return
		}
		if !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) || a.ID == "" {
			t.Fatalf("bad article %+v", a.Meta)
		}
	})
}

func TestPunctuationOnlyFileIsEmpty(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "dots.txt"), []byte("……！！？？\n。。。，，，\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	arts, err := LoadDir(context.Background(), dir)
	if len(arts) != 0 || !errors.Is(err, ErrEmpty) {
		t.Fatalf("got %d articles, err %v; want ErrEmpty", len(arts), err)
	}
}

// TestFirstPersonSpeechByItsAuthor: a speech in the first person whose
// speaker the page names only as its author is about that author.
func TestFirstPersonSpeechByItsAuthor(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "speech.md", []byte("---\ntitle: 在全区社区工作经验交流会上的发言\nauthor: 邵长青\n---\n\n"+
		"各位领导、同志们：\n\n我是东湖社区党委书记。我到社区工作十年了，我想说说我们的“三走访”。\n\n"+
		"我们每周走访独居老人，每月走访困难家庭，每季度走访驻区单位。\n"))
	arts, err := Load(context.Background(), []string{dir}, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 1 || arts[0].Meta.Leader != "邵长青" {
		t.Fatalf("leader %q, want the author", arts[0].Meta.Leader)
	}
}
