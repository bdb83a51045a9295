package corpus

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ledongthuc/pdf"

	"bangyang/corpus/testdoc"
)

var pdfParas = []string{
	"社区书记周红梅：把居民的小事当成大事",
	"周红梅是江北区观音桥街道建新社区党委书记。2015年以来，她带领社区干部走遍辖区3200余户，总结出“敲门、记账、回访”三步工作法，居民满意率保持在96%以上。",
	"“敲门”就是每周两个晚上上门走访，把老人、残疾人和困难家庭的需求一户一户问清楚；“记账”就是把收集到的问题写进民情台账，明确责任人和办结时限；“回访”就是事情办完后再上门，听居民评价。",
	"In 2021 the method was shared with other communities.",
}

// A PDF as Word or WPS exports Chinese text: glyph ids mapped to Unicode
// only through ToUnicode, lines wrapped, first lines indented, pages
// numbered. The text comes back as the paragraphs written, wrapped lines
// joined, page numbers gone, and the article's metadata is derived as for
// any other file.
func TestPDFText(t *testing.T) {
	raw := testdoc.PDF(testdoc.PDFOptions{LineRunes: 28}, pdfParas...)
	text, err := pdfText(raw)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Split(text, "\n\n")
	if len(got) != len(pdfParas) {
		t.Fatalf("%d paragraphs, want %d:\n%s", len(got), len(pdfParas), text)
	}
	for i, p := range pdfParas {
		if got[i] != p {
			t.Errorf("paragraph %d:\n got %q\nwant %q", i, got[i], p)
		}
	}

	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "周红梅.pdf"), raw, 0o644); err != nil {
		t.Fatal(err)
	}
	arts, err := LoadDir(context.Background(), dir)
	if err != nil || len(arts) != 1 {
		t.Fatalf("LoadDir: %d articles, err %v", len(arts), err)
	}
	a := arts[0]
	if a.Title != pdfParas[0] || a.Leader != "周红梅" || !strings.Contains(a.Place, "建新社区") {
		t.Errorf("derived title %q leader %q place %q", a.Title, a.Leader, a.Place)
	}
	if cs := ChunkArticle(a); len(cs) == 0 || !strings.Contains(cs[0].Text+cs[len(cs)-1].Text, "敲门") {
		t.Errorf("chunks: %+v", cs)
	}
}

// Other layouts and writers: block paragraphs (no indent, space between
// them), justified lines (characters spread by TJ adjustments, which are
// no spaces in Chinese), GBK codes through Adobe's GBK-EUC-H CMap, text
// drawn from a form XObject, Unicode codes mapped by one <0000>–<FFFF>
// ToUnicode range (fpdf, TCPDF; checked against a real fpdf file too).
func TestPDFTextLayouts(t *testing.T) {
	for name, opts := range map[string]testdoc.PDFOptions{
		"block":      {Block: true},
		"justified":  {Justified: true},
		"GBK CMap":   {GBK: true},
		"in a form":  {InForm: true},
		"fpdf-style": {UnicodeCodes: true},
	} {
		text, err := pdfText(testdoc.PDF(opts, pdfParas[:3]...))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if want := strings.Join(pdfParas[:3], "\n\n"); text != want {
			t.Errorf("%s:\n got %q\nwant %q", name, text, want)
		}
	}
}

// Many pages: paragraphs run on across page breaks.
func TestPDFTextManyPages(t *testing.T) {
	long := strings.Repeat("社区党委坚持把服务群众放在首位，", 120) + "完。"
	raw := testdoc.PDF(testdoc.PDFOptions{}, "标题", long, "最后一段。")
	text, err := pdfText(raw)
	if err != nil {
		t.Fatal(err)
	}
	if want := "标题\n\n" + long + "\n\n最后一段。"; text != want {
		t.Errorf("got %d runes, want %d; start %q", len([]rune(text)), len([]rune(want)), text[:min(len(text), 300)])
	}
}

// A scan (pictures only) and a PDF whose fonts have no Unicode map are
// refused with ErrPDFNoText, never indexed as garbage; a file that is
// not a PDF at all says so.
func TestPDFWithoutTextLayer(t *testing.T) {
	for name, raw := range map[string][]byte{
		"scan":         testdoc.PDF(testdoc.PDFOptions{ImageOnly: true}, pdfParas...),
		"no toUnicode": testdoc.PDF(testdoc.PDFOptions{NoToUnicode: true}, pdfParas...),
	} {
		_, err := Parse("upload:"+name, "a.pdf", raw)
		if !errors.Is(err, ErrPDFNoText) {
			t.Errorf("%s: err %v, want ErrPDFNoText", name, err)
		}
	}
	for name, raw := range map[string][]byte{
		"html renamed": []byte("<html><body>不是PDF</body></html>"),
		"truncated":    testdoc.PDF(testdoc.PDFOptions{}, pdfParas...)[:400],
	} {
		_, err := Parse("upload:"+name, "a.pdf", raw)
		if err == nil || errors.Is(err, ErrPDFNoText) {
			t.Errorf("%s: err %v, want a not-a-PDF error", name, err)
		}
	}
}

func TestParseKinds(t *testing.T) {
	a, err := Parse("upload:x", "赵敏.docx", testdoc.Docx("社区书记赵敏：把小事办好", "赵敏是阳光社区党支部书记。她创立了“三张清单”工作法，把居民的问题逐件登记、限期办结。"))
	if err != nil {
		t.Fatal(err)
	}
	if a.ID != "赵敏" || a.Leader != "赵敏" || a.Title != "社区书记赵敏：把小事办好" {
		t.Errorf("docx: id %q leader %q title %q", a.ID, a.Leader, a.Title)
	}
	if _, err := Parse("upload:x", "a.exe", []byte("MZ")); !errors.Is(err, ErrUnsupported) {
		t.Errorf("exe: %v", err)
	}
	if Supported("a.PDF") != true || Supported("a.doc") {
		t.Error("Supported")
	}
}

// Crafted cross-reference numbers would make the PDF reader allocate
// without bound or loop forever; a page that is its own parent, a stream
// that inflates without end: each is refused or read within bounds.
func TestPDFCraftedFiles(t *testing.T) {
	good := testdoc.PDF(testdoc.PDFOptions{}, pdfParas...)
	xrefAt := bytes.Index(good, []byte("\nxref\n")) + 1
	sub := func(old, new string) []byte {
		if !bytes.Contains(good, []byte(old)) {
			t.Fatalf("%q not in the test PDF", old)
		}
		return bytes.Replace(good, []byte(old), []byte(new), 1)
	}
	crafted := map[string][]byte{
		"huge /Size":      sub("/Size ", "/Size 99999999999"),
		"huge xref count": sub("xref\n0 ", "xref\n0 9999999"),
		"self /Prev":      sub("/Root 1 0 R >>", fmt.Sprintf("/Root 1 0 R /Prev %d >>", xrefAt)),
		// Fonts looked up through a Parent chain that points back.
		"page is its parent": sub("/Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources", "/Type /Page /Parent 8 0 R /MediaBox [0 0 595 842] /Unknown"),
	}
	for name, raw := range crafted {
		done := make(chan error, 1)
		go func() { _, err := pdfText(raw); done <- err }()
		select {
		case err := <-done:
			if err == nil {
				t.Errorf("%s: read without error", name)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: still reading after 10 s", name)
		}
	}
	// A stream beyond the limit is refused (the real limit is 64 MB; the
	// counting is the same).
	rd, err := pdf.NewReader(bytes.NewReader(good), int64(len(good)))
	if err != nil {
		t.Fatal(err)
	}
	page := pdfPages(rd.Trailer().Key("Root").Key("Pages"))[0]
	if err := streamsWithin(page.V.Key("Contents"), 100); err == nil {
		t.Error("a content stream over the limit passed")
	}
	if err := streamsWithin(page.V.Key("Contents"), 1<<20); err != nil {
		t.Errorf("a content stream within the limit: %v", err)
	}
}

var pdfNumberRe = regexp.MustCompile(`-?\d+`)

// Damaged files (bytes changed, spans cut or repeated, numbers replaced by
// extreme ones) are errors or text, never a crash or a hang: 200 of them,
// from a fixed seed (a longer run of the same found the out-of-memory and
// endless-loop cases pdfGuard now refuses).
func TestPDFMutations(t *testing.T) {
	seed := testdoc.PDF(testdoc.PDFOptions{}, pdfParas...)
	rng := rand.New(rand.NewPCG(1, 2))
	extreme := []string{"0", "-1", "2147483647", "4294967295", "9223372036854775807", "99999999999999999999", "65535"}
	for i := range 200 {
		raw := slices.Clone(seed)
		for range 1 + rng.IntN(3) {
			switch rng.IntN(4) {
			case 0:
				raw[rng.IntN(len(raw))] = byte(rng.IntN(256))
			case 1:
				at := rng.IntN(len(raw))
				raw = append(raw[:at], raw[min(len(raw), at+rng.IntN(50)):]...)
			case 2:
				at, n := rng.IntN(len(raw)), rng.IntN(200)
				span := slices.Clone(raw[at:min(len(raw), at+n)])
				at = rng.IntN(len(raw))
				raw = slices.Insert(raw, at, span...)
			case 3:
				nums := pdfNumberRe.FindAllIndex(raw, -1)
				loc := nums[rng.IntN(len(nums))]
				raw = slices.Replace(raw, loc[0], loc[1], []byte(extreme[rng.IntN(len(extreme))])...)
			}
		}
		done := make(chan struct{})
		go func() {
			defer close(done)
			_, _ = pdfText(raw)
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("mutation %d: still reading after 10 s", i)
		}
	}
}

// A PDF from a real writer (fpdf with an embedded CJK TrueType subset; see
// testdata/pdf/NOTES.md) reads back as written.
func TestPDFFromFPDF(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "pdf", "fpdf-cjk.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	text, err := pdfText(raw)
	if err != nil {
		t.Fatal(err)
	}
	want := "社区书记周红梅：把居民的小事当成大事\n\n" +
		"周红梅是江北区观音桥街道建新社区党委书记。2015年以来，她带领社区干部走遍辖区3200余户，总结出“敲门记账回访”工作法，居民满意率保持在96%以上。\n\n" +
		"“敲门”就是每周两个晚上上门走访，把老人、残疾人和困难家庭的需求一户一户问清楚；“记账”就是把收集到的问题写进民情台账，明确责任人和办结时限；“回访”就是事情办完后再上门，听居民评价。"
	if text != want {
		t.Errorf("got\n%s\nwant\n%s", text, want)
	}
}
