package corpus

import (
	"archive/zip"
	"bytes"
	"context"
	"strings"
	"testing"
)

// makeDocx writes a minimal Word package around body (the content of
// w:body), as Word itself lays it out.
func makeDocx(t *testing.T, body string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	files := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"word/document.xml":   `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `<w:sectPr/></w:body></w:document>`,
	}
	for name, content := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestLoadDocx(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	// Word splits text into runs anywhere (spell check, formatting), and
	// writes headings as styled paragraphs.
	body := `<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>社区书记赵敏：</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>把小事办好</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t xml:space="preserve">赵敏是北关社区党委书记。她推行“四</w:t></w:r><w:r><w:t>色议事卡”工作法，</w:t></w:r><w:r><w:t>居民点题、党员领题。</w:t></w:r></w:p>` +
		`<w:p/>` +
		`<w:p><w:r><w:t>议事结果</w:t></w:r><w:r><w:tab/><w:t>每月公示。</w:t></w:r></w:p>`
	writeFile(t, dir, "赵敏.docx", makeDocx(t, body))
	writeFile(t, dir, "broken.docx", []byte("this is not a zip"))
	writeFile(t, dir, "old.docx", func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create("other.xml")
		w.Write([]byte("<x/>"))
		zw.Close()
		return buf.Bytes()
	}())

	as, err := LoadDir(context.Background(), dir)
	if len(as) != 1 {
		t.Fatalf("want the one good .docx, got %d articles (err %v)", len(as), err)
	}
	a := as[0]
	if !strings.Contains(a.Text, "她推行“四色议事卡”工作法，居民点题、党员领题。") {
		t.Errorf("runs not joined into the sentence:\n%s", a.Text)
	}
	if strings.Contains(a.Text, "<w:") || strings.Contains(a.Text, "xml") {
		t.Errorf("markup leaked into the text:\n%s", a.Text)
	}
	if a.Leader != "赵敏" {
		t.Errorf("leader %q, want 赵敏 (from the headline)", a.Leader)
	}
	msg := ""
	if err != nil {
		msg = err.Error()
	}
	if !strings.Contains(msg, "broken.docx") || !strings.Contains(msg, "not a Word .docx file") || !strings.Contains(msg, "old.docx") {
		t.Errorf("bad .docx files are not reported clearly: %v", err)
	}
	if cs := ChunkArticle(a); len(cs) == 0 || !strings.Contains(cs[0].Norm, "四色议事卡") {
		t.Errorf("chunks: %+v", cs)
	}
}
