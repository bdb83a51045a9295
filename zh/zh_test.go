package zh

import (
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// The expected values below come from `opencc -c t2s.json` / `s2tw.json`
// (OpenCC 1.1.6, Debian), run on each word.
func TestToSimplified(t *testing.T) {
	t.Parallel()
	cases := []struct{ in, want string }{
		{"四單工作法", "四单工作法"},
		{"網格化管理", "网格化管理"},
		{"社區", "社区"},
		{"仁和家訪", "仁和家访"},
		{"發展", "发展"},
		{"頭髮", "头发"},
		{"理髮", "理发"},
		{"後來", "后来"},
		{"以後", "以后"},
		{"皇后", "皇后"},
		{"乾淨", "干净"}, // 乾 → 干 by character...
		{"乾坤", "乾坤"}, // ...but kept by the phrase table
		{"乾隆", "乾隆"},
		{"干涉", "干涉"},
		{"一隻", "一只"},
		{"於是", "于是"},
		{"鐘錶", "钟表"},
		{"鍾愛", "钟爱"},
		{"臺灣", "台湾"},
		{"麵條", "面条"},
		{"瞭解", "了解"},
		{"裡面", "里面"},
		{"裏面", "里面"},
		{"甚麼", "甚么"},
		{"民眾", "民众"},
		{"程式", "程式"}, // vocabulary (程序) is not OpenCC t2s's business
		{"網(wǎng)格員", "网(wǎng)格员"},
		{"Hello, 世界 123!", "Hello, 世界 123!"},
		{"", ""},
	}
	for _, c := range cases {
		if got := ToSimplified(c.in); got != c.want {
			t.Errorf("ToSimplified(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestToTraditional(t *testing.T) {
	t.Parallel()
	cases := []struct{ in, want string }{
		{"四单工作法", "四單工作法"},
		{"网格化管理", "網格化管理"},
		{"社区", "社區"},
		{"发展", "發展"},
		{"发现", "發現"},
		{"头发", "頭髮"}, // phrase: 发 → 髮, not the default 發
		{"理发", "理髮"},
		{"后来", "後來"},
		{"以后", "以後"},
		{"皇后", "皇后"}, // phrase keeps 后
		{"天后", "天后"},
		{"85后", "85後"},
		{"干净", "乾淨"},
		{"干部", "幹部"},
		{"干涉", "干涉"},
		{"面条", "麵條"}, // Taiwan forms (OpenCC s2tw): 麵 not 麪, 裡 not 裏
		{"里面", "裡面"},
		{"群众", "群眾"}, // 群 not 羣, 眾 not 衆
		{"因为着急", "因為著急"},
		{"羣衆裏", "群眾裡"}, // OpenCC's own forms, already Traditional, become Taiwan's
		{"了解", "瞭解"},
		{"一只", "一隻"},
		{"钟表", "鐘錶"},
		{"什么", "什麼"},
		{"她后来呢？", "她後來呢？"},
		// Forward maximum matching takes 头发 before 发展: OpenCC gives the
		// same (wrong) answer, and so must we.
		{"头发展", "頭髮展"},
	}
	for _, c := range cases {
		if got := ToTraditional(c.in); got != c.want {
			t.Errorf("ToTraditional(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Golden files: a Traditional article (with the gateway's leftover
// Simplified characters and pinyin noise) and a Simplified one, with
// opencc's output for them. tools/opencc/convert.sh checks all articles.
func TestArticlesMatchOpenCC(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in, want string
		conv     func(string) string
	}{
		{"testdata/hant_001.txt", "testdata/hant_001.t2s", ToSimplified},
		{"testdata/hans_003.txt", "testdata/hans_003.s2t", ToTraditional},
	}
	for _, c := range cases {
		in, want := readFile(t, c.in), readFile(t, c.want)
		if in == want {
			t.Fatalf("%s: golden equals input, test would prove nothing", c.want)
		}
		if got := c.conv(in); got != want {
			t.Errorf("%s: %s", c.in, firstDiff(got, want))
		}
	}
}

func TestToSimplifiedLeavesSimplifiedAlone(t *testing.T) {
	t.Parallel()
	simp := readFile(t, "testdata/hans_003.txt")
	if got := ToSimplified(simp); got != simp {
		t.Errorf("ToSimplified changed Simplified text: %s", firstDiff(got, simp))
	}
	once := ToSimplified(readFile(t, "testdata/hant_001.txt"))
	if twice := ToSimplified(once); twice != once {
		t.Errorf("ToSimplified not idempotent: %s", firstDiff(twice, once))
	}
	// ToTraditional is not idempotent and is not tested for it: 鄰里 is
	// correct Traditional, yet 里 alone goes to 裡 (OpenCC does the same).
}

func TestConvertKeepsRuneCount(t *testing.T) {
	t.Parallel()
	for _, path := range []string{"testdata/hant_001.txt", "testdata/hans_003.txt"} {
		in := readFile(t, path)
		n := utf8.RuneCountInString(in)
		for name, out := range map[string]string{"t2s": ToSimplified(in), "s2t": ToTraditional(in)} {
			if m := utf8.RuneCountInString(out); m != n {
				t.Errorf("%s %s: %d runes in, %d out", path, name, n, m)
			}
		}
	}
}

func TestInvalidUTF8(t *testing.T) {
	t.Parallel()
	in := "網\xff格\xe7\xb6"
	want := "网\uFFFD格\uFFFD\uFFFD"
	if got := ToSimplified(in); got != want {
		t.Errorf("ToSimplified(%q) = %q, want %q", in, got, want)
	}
	if got := ToTraditional("\xc0"); got != "\uFFFD" {
		t.Errorf("ToTraditional(%q) = %q, want U+FFFD", "\xc0", got)
	}
}

// A tiny synthetic table pins down the matching rules independently of
// OpenCC's data: longest phrase first, phrases before characters, damaged
// lines ignored.
func TestDictMatching(t *testing.T) {
	t.Parallel()
	chars := "甲\t乙 甲\n丙\t丁\n戊\t己\r\n坏\n\t空\n长\t长长\n"
	phrases := "甲丙\t子丑\n甲丙戊\t寅卯辰\n丙戊\t午未 申酉\n"
	d := newDict(chars, phrases)
	cases := []struct{ in, want string }{
		{"甲丙戊", "寅卯辰"},     // longest phrase
		{"甲丙甲", "子丑乙"},     // shorter phrase, then a character
		{"丙戊", "午未"},       // first candidate
		{"甲x丙戊戊", "乙x午未己"}, // CRLF line still read
		{"坏长空", "坏长空"},     // no candidates, length mismatch, empty key: dropped
		{"甲丙", "子丑"},
		{"甲", "乙"},
	}
	for _, c := range cases {
		if got := d.convert(c.in); got != c.want {
			t.Errorf("convert(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if !d.ambiguous['甲'] || d.ambiguous['丙'] {
		t.Errorf("ambiguous = %v, want only 甲 (listed among its own candidates)", d.ambiguous)
	}
}

func TestTablesLoaded(t *testing.T) {
	t.Parallel()
	// Entries of OpenCC 1.1.6's tables (for characters, those that change);
	// any other count means broken embedded data or parser. Regenerating the
	// tables from another OpenCC version means updating these numbers.
	for name, c := range map[string]struct {
		d              *dict
		chars, phrases int
	}{
		"t2s": {t2s(), 4105, 277},
		"s2t": {s2t(), 3883, 49051},
	} {
		if len(c.d.chars) != c.chars || len(c.d.phrases) != c.phrases {
			t.Errorf("%s: %d characters, %d phrases; want %d, %d", name, len(c.d.chars), len(c.d.phrases), c.chars, c.phrases)
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	t.Parallel()
	in := readFile(t, "testdata/hant_001.txt")
	want := ToSimplified(in)
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 8 {
		wg.Go(func() {
			if got := ToSimplified(in); got != want {
				errs <- firstDiff(got, want)
			}
			_ = ToTraditional(want)
			_ = DetectScript(in)
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestDetectScript(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in   string
		want Script
	}{
		{"四單工作法包括哪些內容？", Traditional},
		{"什么是四单工作法？", Simplified},
		{"她后来呢？", Simplified}, // 后 is weak, 来 is not
		{"張影是誰？", Traditional},
		{"张影是谁？", Simplified},
		{"小吳書記怎麼做網格化管理?", Traditional},
		{"邵敏做了什么", Simplified},
		{"邵敏做了甚麼", Traditional},
		{"後", Traditional},
		{"后", Simplified}, // only weak evidence, but nothing against it
		{"皇后", ""},        // a phrase: the same in both scripts
		// Names and words written alike in both scripts carry no evidence.
		{"郭佳", ""},
		{"工作法", ""},
		{"hello world", ""},
		{"123？!", ""},
		{"こんにちは", ""},
		{"", ""},
		// One strong character each way: undecidable.
		{"四單工作法是什么", ""},
		// Gateway leftovers (后 干) in Traditional text are weak evidence.
		{"“85后”社區“老”干部", Traditional},
	}
	for _, c := range cases {
		if got := DetectScript(c.in); got != c.want {
			t.Errorf("DetectScript(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestDetectScriptArticles(t *testing.T) {
	t.Parallel()
	for path, want := range map[string]Script{
		"testdata/hant_001.txt": Traditional,
		"testdata/hant_001.t2s": Simplified,
		"testdata/hans_003.txt": Simplified,
		"testdata/hans_003.s2t": Traditional,
	} {
		if got := DetectScript(readFile(t, path)); got != want {
			t.Errorf("DetectScript(%s) = %q, want %q", path, got, want)
		}
	}
}

func TestIsHan(t *testing.T) {
	t.Parallel()
	for _, r := range "中國国𠀀" {
		if !IsHan(r) {
			t.Errorf("IsHan(%q) = false", r)
		}
	}
	for _, r := range "a1。，？!アㄅ한" {
		if IsHan(r) {
			t.Errorf("IsHan(%q) = true", r)
		}
	}
}

func FuzzConvert(f *testing.F) {
	for _, s := range []string{"四單工作法", "头发展", "網(wǎng)格", "\xff\xe7\xb6", "a中\u00a0文", strings.Repeat("甲", 40)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for name, out := range map[string]string{"t2s": ToSimplified(s), "s2t": ToTraditional(s)} {
			if !utf8.ValidString(out) {
				t.Fatalf("%s(%q) = %q: invalid UTF-8", name, s, out)
			}
			if utf8.ValidString(s) && utf8.RuneCountInString(out) != utf8.RuneCountInString(s) {
				t.Fatalf("%s(%q) = %q: rune count changed", name, s, out)
			}
		}
		switch got := DetectScript(s); got {
		case "", Simplified, Traditional:
		default:
			t.Fatalf("DetectScript(%q) = %q", s, got)
		}
	})
}

func BenchmarkToSimplifiedArticle(b *testing.B) {
	in := readFile(b, "testdata/hant_001.txt")
	t2s()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		ToSimplified(in)
	}
}

func BenchmarkToSimplifiedUnchanged(b *testing.B) {
	in := readFile(b, "testdata/hans_003.txt")
	t2s()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		ToSimplified(in)
	}
}

func BenchmarkToTraditionalArticle(b *testing.B) {
	in := readFile(b, "testdata/hans_003.txt")
	s2t()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		ToTraditional(in)
	}
}

func BenchmarkDetectScriptQuestion(b *testing.B) {
	t2s()
	s2t()
	for b.Loop() {
		DetectScript("四單工作法包括哪些內容？")
	}
}

// The one-off cost of the first call in each direction.
func BenchmarkLoadT2S(b *testing.B) {
	for b.Loop() {
		newDict(tsCharacters, tsPhrases)
	}
}

func BenchmarkLoadS2T(b *testing.B) {
	for b.Loop() {
		newDict(stCharacters, stPhrases)
	}
}

// Traditional output never contains a form the variants stage rewrites:
// checked over every candidate of the s2t tables, so 羣/裏/衆/爲 cannot
// appear next to the 群/裡/眾/為 the bot's own messages use.
func TestTraditionalUsesTaiwanForms(t *testing.T) {
	d := s2t()
	if len(d.variants) < 30 {
		t.Fatalf("variants table has %d entries, want OpenCC's TWVariants (39)", len(d.variants))
	}
	check := func(key, out string) {
		for _, r := range out {
			if v, ok := d.variants[r]; ok {
				t.Errorf("%q converts to %q, which has %c (Taiwan form %c)", key, out, r, v)
			}
		}
	}
	for r, out := range d.chars {
		check(string(r), out)
	}
	for key, out := range d.phrases {
		check(key, out)
	}
	for r := range d.variants {
		check(string(r), ToTraditional(string(r)))
	}
}

func TestDetectScriptTaiwanForms(t *testing.T) {
	cases := []struct {
		in   string
		want Script
	}{
		{"社區群眾", Traditional}, // 群 is Taiwan's form, not Simplified evidence
		{"羣衆", Traditional},
		{"群众", Simplified},
		{"群", ""},
	}
	for _, c := range cases {
		if got := DetectScript(c.in); got != c.want {
			t.Errorf("DetectScript(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
