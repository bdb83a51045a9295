package corpus

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"bangyang/zh"
)

func mustDefault(t testing.TB) []Article {
	t.Helper()
	as, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	if len(as) != 5 {
		t.Fatalf("Default: %d articles, want 5", len(as))
	}
	return as
}

// checkChunks asserts the chunking invariants for one article: no empty or
// oversize chunk, sequence numbers in order, Norm derived from Text, meta
// copied, and every sentence of the text in exactly one chunk, in order.
func checkChunks(t *testing.T, a Article, cs []Chunk) {
	t.Helper()
	ids := map[string]bool{}
	for i, c := range cs {
		n := utf8.RuneCountInString(c.Text)
		if strings.TrimSpace(c.Text) == "" {
			t.Errorf("%s chunk %d is empty", a.ID, i)
		}
		if n > MaxRunes {
			t.Errorf("%s chunk %d has %d runes > MaxRunes %d", a.ID, i, n, MaxRunes)
		}
		if c.Seq != i || c.ArticleID != a.ID || c.Meta.ID != a.ID {
			t.Errorf("%s chunk %d: seq %d article %q meta.id %q", a.ID, i, c.Seq, c.ArticleID, c.Meta.ID)
		}
		if c.Norm != zh.ToSimplified(c.Text) {
			t.Errorf("%s chunk %d: Norm is not ToSimplified(Text)", a.ID, i)
		}
		if len(c.ID) != 16 || ids[c.ID] {
			t.Errorf("%s chunk %d: bad or duplicate id %q", a.ID, i, c.ID)
		}
		ids[c.ID] = true
		if !utf8.ValidString(c.Text) {
			t.Errorf("%s chunk %d: invalid UTF-8", a.ID, i)
		}
	}
	checkCoverage(t, a.Text, cs)
}

// checkCoverage walks the sentences of text in order and finds each one in
// the chunks, advancing a cursor: a sentence missing, out of order or
// repeated in two chunks fails.
func checkCoverage(t testing.TB, text string, cs []Chunk) {
	t.Helper()
	var sentences []string
	for _, p := range paragraphs(text) {
		for _, se := range splitSentences(p) {
			sentences = append(sentences, p[se[0]:se[1]])
		}
	}
	ci, pos := 0, 0
	for si, s := range sentences {
		found := false
		for ci < len(cs) {
			rest := strings.TrimLeftFunc(cs[ci].Text[pos:], unicode.IsSpace)
			if strings.HasPrefix(rest, s) {
				pos = len(cs[ci].Text) - len(rest) + len(s)
				found = true
				break
			}
			if strings.TrimSpace(rest) != "" && pos > 0 {
				t.Fatalf("sentence %d %q: chunk %d continues with %q", si, s, ci, truncate(rest, 40))
			}
			if strings.TrimSpace(rest) != "" {
				t.Fatalf("sentence %d %q not at start of chunk %d %q", si, s, ci, truncate(rest, 40))
			}
			ci, pos = ci+1, 0
		}
		if !found {
			t.Fatalf("sentence %d %q not found in chunks", si, s)
		}
	}
	for ; ci < len(cs); ci, pos = ci+1, 0 {
		if rest := strings.TrimSpace(cs[ci].Text[pos:]); rest != "" {
			t.Fatalf("chunk %d has text beyond the article's sentences: %q", ci, truncate(rest, 40))
		}
	}
}

func truncate(s string, n int) string {
	if rs := []rune(s); len(rs) > n {
		return string(rs[:n]) + "…"
	}
	return s
}

func stats(cs []Chunk) (min, median, max int) {
	var ns []int
	for _, c := range cs {
		ns = append(ns, utf8.RuneCountInString(c.Text))
	}
	if len(ns) == 0 {
		return 0, 0, 0
	}
	sort.Ints(ns)
	return ns[0], ns[len(ns)/2], ns[len(ns)-1]
}

// TestPrintChunks shows every chunk of the default corpus (run with -v and
// read them) and checks the invariants on each.
func TestPrintChunks(t *testing.T) {
	t.Parallel()
	for _, a := range mustDefault(t) {
		cs := ChunkArticle(a)
		mn, md, mx := stats(cs)
		t.Logf("=== %s %q: %d chunks, runes min/median/max %d/%d/%d", a.ID, a.Title, len(cs), mn, md, mx)
		for _, c := range cs {
			t.Logf("--- [%d] %s (%d runes)\n%s", c.Seq, c.ID, utf8.RuneCountInString(c.Text), c.Text)
		}
		checkChunks(t, a, cs)
		if len(cs) < 3 {
			t.Errorf("%s: only %d chunks for a %d-rune article", a.ID, len(cs), utf8.RuneCountInString(a.Text))
		}
		if md < MinRunes || md > MaxRunes {
			t.Errorf("%s: median chunk %d runes outside [%d, %d]", a.ID, md, MinRunes, MaxRunes)
		}
	}
}

func TestChunkIDsStable(t *testing.T) {
	t.Parallel()
	as := mustDefault(t)
	first := ChunkAll(as)
	again := ChunkAll(mustDefault(t))
	if len(first) != len(again) {
		t.Fatalf("chunk count changed: %d vs %d", len(first), len(again))
	}
	seen := map[string]bool{}
	for i := range first {
		if first[i].ID != again[i].ID {
			t.Errorf("chunk %d id changed: %s vs %s", i, first[i].ID, again[i].ID)
		}
		if seen[first[i].ID] {
			t.Errorf("duplicate chunk id %s", first[i].ID)
		}
		seen[first[i].ID] = true
	}
	// The id depends on the article id and the text, nothing else.
	a := as[0]
	b := a
	b.Title = "another title"
	if ChunkArticle(a)[0].ID != ChunkArticle(b)[0].ID {
		t.Error("chunk id depends on the title")
	}
	b.ID = "other"
	if ChunkArticle(a)[0].ID == ChunkArticle(b)[0].ID {
		t.Error("chunk id does not depend on the article id")
	}
}

func TestChunkNumbersWithDots(t *testing.T) {
	t.Parallel()
	text := "調解成功率達95.3%,服務民眾1.8萬人次。她開展“崇善.善治.溢彩”行動,推崇善人、善言、善舉。"
	a := Article{Meta: Meta{ID: "dots"}, Text: text}
	cs := ChunkArticle(a)
	if len(cs) != 1 || cs[0].Text != text {
		t.Fatalf("got %+v, want one chunk equal to the text", cs)
	}
	got := splitSentences(text)
	if len(got) != 2 || text[got[0][0]:got[0][1]] != "調解成功率達95.3%,服務民眾1.8萬人次。" {
		t.Errorf("sentences %v", got)
	}
}

func TestSplitSentencesKeepsClosingQuote(t *testing.T) {
	t.Parallel()
	p := `她說:“我是黨員,民眾有需要,我就應該站出來!”任職伊始,她做出承諾。。然後呢?`
	var got []string
	for _, se := range splitSentences(p) {
		got = append(got, p[se[0]:se[1]])
	}
	want := []string{`她說:“我是黨員,民眾有需要,我就應該站出來!”`, `任職伊始,她做出承諾。。`, `然後呢?`}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestHeadingAttachesToParagraph(t *testing.T) {
	t.Parallel()
	body := strings.Repeat("社區黨委堅持把黨建工作放在首位,狠抓班子建設。", 6) // 138 runes
	text := strings.Join([]string{
		body, body, // fill a chunk so the heading would fall at a boundary
		"仁和家訪破難題",
		body,
		"基層治理聚民心", // trailing heading: attaches to what precedes it
	}, "\n")
	cs := ChunkArticle(Article{Meta: Meta{ID: "h"}, Text: text})
	checkCoverage(t, text, cs)
	for _, c := range cs {
		if isHeading(c.Text) {
			t.Errorf("heading alone in a chunk: %q", c.Text)
		}
		if strings.HasSuffix(c.Text, "仁和家訪破難題") {
			t.Errorf("heading at the end of a chunk, separated from its paragraph: %q", truncate(c.Text, 30))
		}
	}
	var withHeading *Chunk
	for i := range cs {
		if strings.Contains(cs[i].Text, "仁和家訪破難題") {
			withHeading = &cs[i]
		}
	}
	if withHeading == nil || !strings.Contains(withHeading.Text, "仁和家訪破難題\n"+body[:30]) {
		t.Errorf("heading not followed by its paragraph in one chunk: %+v", withHeading)
	}
}

func TestLongParagraphSplitsAtSentences(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	for i := range 20 {
		fmt.Fprintf(&b, "第%d句話講的是社區網格化管理的具體做法和成效。", i)
	}
	text := b.String() // one paragraph of ~500 runes
	cs := ChunkArticle(Article{Meta: Meta{ID: "long"}, Text: text})
	if len(cs) < 2 {
		t.Fatalf("a %d-rune paragraph gave %d chunks", utf8.RuneCountInString(text), len(cs))
	}
	for _, c := range cs {
		if !strings.HasSuffix(c.Text, "。") {
			t.Errorf("chunk does not end at a sentence: %q", truncate(c.Text, 30))
		}
	}
	checkCoverage(t, text, cs)
}

func TestPathologicalSentenceIsCut(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("社區居民", 150) + "," + strings.Repeat("黨員志願者", 100) // 1101 runes, one comma
	cs := ChunkArticle(Article{Meta: Meta{ID: "p"}, Text: long})
	total := 0
	for _, c := range cs {
		n := utf8.RuneCountInString(c.Text)
		if n > MaxRunes || n == 0 {
			t.Errorf("piece of %d runes", n)
		}
		total += n
	}
	if total != utf8.RuneCountInString(long) {
		t.Errorf("pieces total %d runes, want %d", total, utf8.RuneCountInString(long))
	}
	if strings.Join(chunkTexts(cs), "") != long {
		t.Error("pieces do not concatenate back to the sentence")
	}
}

func chunkTexts(cs []Chunk) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Text)
	}
	return out
}

func TestChunkEmpty(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"", "\n\n", "  \u00a0 \n\t"} {
		if cs := ChunkArticle(Article{Meta: Meta{ID: "e"}, Text: text}); len(cs) != 0 {
			t.Errorf("%q gave %d chunks", text, len(cs))
		}
	}
}

func TestChunkMetaIsACopy(t *testing.T) {
	t.Parallel()
	a := Article{Meta: Meta{ID: "m", Aliases: []string{"小吳書記"}}, Text: "吳中蘭帶領社區幹部走家入戶。"}
	cs := ChunkArticle(a)
	cs[0].Meta.Aliases[0] = "changed"
	if a.Aliases[0] != "小吳書記" {
		t.Error("chunk meta shares the article's alias slice")
	}
}

func FuzzChunk(f *testing.F) {
	for _, a := range mustDefault(f) {
		f.Add(a.Text)
	}
	f.Add("調解成功率達95.3%。崇善.善治.溢彩\n\n標題\n正文。。!”?")
	f.Add(strings.Repeat("長", 1000))
	f.Add("\xff\xfe無效\x00")
	f.Fuzz(func(t *testing.T, text string) {
		text = strings.ToValidUTF8(text, "\uFFFD")
		cs := ChunkArticle(Article{Meta: Meta{ID: "fuzz"}, Text: text})
		var got, want strings.Builder
		for _, c := range cs {
			if !utf8.ValidString(c.Text) || strings.TrimSpace(c.Text) == "" {
				t.Fatalf("bad chunk %q", c.Text)
			}
			if utf8.RuneCountInString(c.Text) > MaxRunes {
				t.Fatalf("chunk of %d runes", utf8.RuneCountInString(c.Text))
			}
			got.WriteString(c.Text)
		}
		for _, p := range paragraphs(text) {
			for _, se := range splitSentences(p) {
				want.WriteString(p[se[0]:se[1]])
			}
		}
		// Chunks are the sentences, in order, with only whitespace between.
		if stripSpace(got.String()) != stripSpace(want.String()) {
			t.Fatalf("chunks do not concatenate back to the sentences\n got %q\nwant %q", got.String(), want.String())
		}
		if stripSpace(want.String()) != stripSpace(text) {
			t.Fatalf("sentences lose text: %q vs %q", want.String(), text)
		}
	})
}

func stripSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// A short paragraph squeezed between a full chunk and a paragraph too big
// to join joins the chunk before it instead of standing alone.
func TestShortParagraphFoldsBackward(t *testing.T) {
	t.Parallel()
	a := strings.Repeat("社區黨委堅持黨建引領,狠抓班子建設。", 11)     // 198 runes
	b := "郭佳把志願服務團隊作為網格體系的落腳點。"                       // 20 runes
	c := strings.Repeat("毛大姐是位退休老黨員,她之前擔任社區網格員。", 16) // 336 runes
	text := a + "\n" + b + "\n" + c
	cs := ChunkArticle(Article{Meta: Meta{ID: "fold"}, Text: text})
	if len(cs) != 2 || cs[0].Text != a+"\n"+b || cs[1].Text != c {
		t.Errorf("got %d chunks %q", len(cs), chunkTexts(cs))
	}
}

func TestSentences(t *testing.T) {
	t.Parallel()
	got := Sentences("調解成功率達95.3%。她說:“好!”\n崇善.善治.溢彩行動;第二句  \n\n  ")
	want := []string{"調解成功率達95.3%。", "她說:“好!”", "崇善.善治.溢彩行動;", "第二句"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("Sentences = %q, want %q", got, want)
	}
}

func TestSentencePieces(t *testing.T) {
	in := "調解成功率達95.3%。她說:“好!”\n崇善.善治.溢彩行動;第二句  \n\n  尾【注】。】再"
	got := SentencePieces(in)
	want := []string{"調解成功率達95.3%。", "她說:“好!”\n", "崇善.善治.溢彩行動;", "第二句  \n\n", "  尾【注】。】", "再"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("SentencePieces = %q, want %q", got, want)
	}
	// Trimmed, the pieces are the sentences Sentences gives.
	var trimmed []string
	for _, p := range got {
		if p = strings.TrimSpace(p); p != "" {
			trimmed = append(trimmed, p)
		}
	}
	if s := Sentences(in); strings.Join(trimmed, "|") != strings.Join(s, "|") {
		t.Errorf("trimmed pieces %q, Sentences %q", trimmed, s)
	}
	arts, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		if p := SentencePieces(a.Text); strings.Join(p, "") != a.Text || len(p) < 10 {
			t.Errorf("%s: %d pieces do not concatenate back to the text", a.ID, len(p))
		}
	}
	if SentencePieces("") != nil {
		t.Error("pieces of an empty text")
	}
}
