// Package testdoc writes small but real Word (.docx) and PDF files for
// tests, so that the readers are tested on the files people send rather
// than on our own idea of them.
//
// The PDFs are laid out like a word processor's export: a title in a
// larger size, paragraphs wrapped at a fixed width with an indented first
// line, pages of 40 lines, content streams Flate-compressed, and the text
// shown through a CID font (Identity-H) whose glyph ids have nothing to do
// with Unicode, so that only its ToUnicode map makes it readable, as in
// the PDFs Word and WPS write for Chinese text. No font program is
// embedded (viewers substitute one); text extraction does not need it.
package testdoc

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"fmt"
	"html"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Docx is a minimal Word package whose body has one paragraph per entry;
// the first is styled as the title.
func Docx(paras ...string) []byte {
	var body strings.Builder
	for i, p := range paras {
		body.WriteString("<w:p>")
		if i == 0 {
			body.WriteString(`<w:pPr><w:pStyle w:val="Title"/></w:pPr>`)
		}
		// Word splits text into runs freely: split each paragraph in two.
		rs := []rune(p)
		half := len(rs) / 2
		for _, part := range []string{string(rs[:half]), string(rs[half:])} {
			body.WriteString(`<w:r><w:t xml:space="preserve">` + html.EscapeString(part) + `</w:t></w:r>`)
		}
		body.WriteString("</w:p>")
	}
	files := []struct{ name, content string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `<w:sectPr/></w:body></w:document>`},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.Create(f.name)
		if err != nil {
			panic(err)
		}
		_, _ = w.Write([]byte(f.content))
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// PDFOptions shape a PDF.
type PDFOptions struct {
	// LineRunes wraps paragraphs at this many characters (default 30).
	LineRunes int
	// NoToUnicode leaves the font's ToUnicode map out: the text layer is
	// then glyph ids only, unreadable, like PDFs made by some printers.
	NoToUnicode bool
	// ImageOnly writes pages that hold a picture and no text, like a scan.
	ImageOnly bool
	// Block lays paragraphs out without a first-line indent: only the
	// space between them tells them apart.
	Block bool
	// Justified shows each line as a TJ array spreading its characters
	// (as justified text is written), not as one string.
	Justified bool
	// GBK writes the text as GBK bytes through Adobe's predefined
	// GBK-EUC-H CMap and a non-embedded STSong-Light, without ToUnicode, as
	// older Chinese PDF writers do.
	GBK bool
	// InForm draws each page's text from a form XObject, as some writers
	// (and tools that stamp or merge pages) do.
	InForm bool
	// UnicodeCodes uses the characters' own UTF-16 values as codes, with
	// one ToUnicode range <0000> <FFFF> for all of them, as fpdf and TCPDF
	// write (a range over more than its last byte).
	UnicodeCodes bool
}

// PDF lays out paras (the first as the title) on A4 pages.
func PDF(opts PDFOptions, paras ...string) []byte {
	if opts.LineRunes <= 0 {
		opts.LineRunes = 30
	}
	w := &pdfWriter{cids: map[rune]int{}, gbk: opts.GBK, unicode: opts.UnicodeCodes}
	type line struct {
		text       string
		x          float64
		size       float64
		firstOfPar bool
	}
	var lines []line
	for i, p := range paras {
		size, width := 12.0, opts.LineRunes
		if i == 0 {
			size, width = 18, opts.LineRunes*2/3
		}
		for k, text := range wrap(p, width) {
			x := 72.0
			if k == 0 && i > 0 && !opts.Block {
				x += 2 * size // first-line indent of two characters
			}
			lines = append(lines, line{text: text, x: x, size: size, firstOfPar: k == 0})
		}
	}
	const perPage = 40
	var pages [][]line
	for k := 0; k < len(lines); k += perPage {
		pages = append(pages, lines[k:min(k+perPage, len(lines))])
	}
	if len(pages) == 0 || opts.ImageOnly {
		pages = [][]line{nil}
	}
	// Objects: 1 catalog, 2 pages, 3 font, 4 CID font, 5 descriptor,
	// 6 ToUnicode, 7 image, then a page and its content per page.
	var contents []string
	for pi, pg := range pages {
		var c strings.Builder
		if opts.ImageOnly {
			c.WriteString("q 451 0 0 698 72 72 cm /Im1 Do Q\n")
		} else {
			c.WriteString("BT\n")
			y := 770.0
			for li, l := range pg {
				if li == 0 || l.firstOfPar || l.x != pg[li-1].x || l.size != pg[li-1].size {
					if li > 0 && l.firstOfPar {
						y -= l.size * 0.6 // paragraph spacing
					}
					fmt.Fprintf(&c, "/F1 %g Tf\n%g TL\n1 0 0 1 %g %g Tm\n", l.size, l.size*1.4, l.x, y)
				} else {
					c.WriteString("T*\n")
				}
				if opts.Justified {
					c.WriteString("[")
					for k, r := range []rune(l.text) {
						if k > 0 {
							c.WriteString(" -300 ")
						}
						fmt.Fprintf(&c, "<%s>", w.encode(string(r)))
					}
					c.WriteString("] TJ\n")
				} else {
					fmt.Fprintf(&c, "<%s> Tj\n", w.encode(l.text))
				}
				y -= l.size * 1.4
			}
			c.WriteString("ET\n")
		}
		// A page number at the foot, as exports have.
		if !opts.ImageOnly {
			fmt.Fprintf(&c, "BT /F1 9 Tf 290 40 Td <%s> Tj ET\n", w.encode(fmt.Sprint(pi+1)))
		}
		contents = append(contents, c.String())
	}
	var out bytes.Buffer
	offsets := []int{0}
	obj := func(body string) {
		offsets = append(offsets, out.Len())
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", len(offsets)-1, body)
	}
	stream := func(dict string, data []byte) string {
		return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
	}
	out.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	const first = 8
	var kids []string
	for i := range pages {
		kids = append(kids, fmt.Sprintf("%d 0 R", first+2*i))
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages)))
	toUni := ""
	if !opts.NoToUnicode && !opts.GBK {
		toUni = " /ToUnicode 6 0 R"
	}
	if opts.GBK {
		obj("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /GBK-EUC-H /DescendantFonts [4 0 R] >>")
	} else {
		obj("<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEE+SimSun /Encoding /Identity-H /DescendantFonts [4 0 R]" + toUni + " >>")
	}
	obj("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEE+SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R /DW 1000 /CIDToGIDMap /Identity >>")
	obj("<< /Type /FontDescriptor /FontName /ABCDEE+SimSun /Flags 6 /FontBBox [-8 -145 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 683 /StemV 80 >>")
	obj(stream("", []byte(w.toUnicode())))
	obj(stream("/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8", []byte{0x20, 0xe0, 0xe0, 0x20}))
	deflate := func(c string) []byte {
		var z bytes.Buffer
		zw := zlib.NewWriter(&z)
		_, _ = zw.Write([]byte(c))
		_ = zw.Close()
		return z.Bytes()
	}
	forms := first + 2*len(pages) // form XObjects after the pages
	for i, c := range contents {
		xobj := "/Im1 7 0 R"
		if opts.InForm {
			xobj += fmt.Sprintf(" /Fm1 %d 0 R", forms+i)
			c = "q 1 0 0 1 0 0 cm /Fm1 Do Q\n"
		}
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> /XObject << %s >> >> /Contents %d 0 R >>", xobj, first+2*i+1))
		obj(stream("/Filter /FlateDecode", deflate(c)))
	}
	if opts.InForm {
		for _, c := range contents {
			obj(stream("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Filter /FlateDecode", deflate(c)))
		}
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for _, o := range offsets[1:] {
		fmt.Fprintf(&out, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets), xref)
	return out.Bytes()
}

// pdfWriter numbers glyphs in order of first use (as a subsetting
// exporter does) and remembers their Unicode values.
type pdfWriter struct {
	cids    map[rune]int
	order   []rune
	gbk     bool
	unicode bool
}

func (w *pdfWriter) encode(s string) string {
	var b strings.Builder
	if w.unicode {
		for _, u := range utf16.Encode([]rune(s)) {
			fmt.Fprintf(&b, "%04X", u)
		}
		return b.String()
	}
	if w.gbk {
		raw, err := simplifiedchinese.GBK.NewEncoder().String(s)
		if err != nil {
			panic(err)
		}
		for i := 0; i < len(raw); i++ {
			fmt.Fprintf(&b, "%02X", raw[i])
		}
		return b.String()
	}
	for _, r := range s {
		id, ok := w.cids[r]
		if !ok {
			id = len(w.order) + 3 // glyph ids of a subset font, not code points
			w.cids[r] = id
			w.order = append(w.order, r)
		}
		fmt.Fprintf(&b, "%04X", id)
	}
	return b.String()
}

func (w *pdfWriter) toUnicode() string {
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	if w.unicode {
		b.WriteString("1 beginbfrange\n<0000> <FFFF> <0000>\nendbfrange\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
		return b.String()
	}
	for k := 0; k < len(w.order); k += 100 {
		block := w.order[k:min(k+100, len(w.order))]
		fmt.Fprintf(&b, "%d beginbfchar\n", len(block))
		for _, r := range block {
			var hex strings.Builder
			for _, u := range utf16.Encode([]rune{r}) {
				fmt.Fprintf(&hex, "%04X", u)
			}
			fmt.Fprintf(&b, "<%04X> <%s>\n", w.cids[r], hex.String())
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.String()
}

// wrap cuts p into lines of at most width characters, as a word processor
// does: Chinese anywhere, Latin words only at a space (which then ends the
// line and is not shown).
func wrap(p string, width int) []string {
	rs := []rune(p)
	var out []string
	for len(rs) > width {
		cut := width
		if isWord(rs[cut-1]) && isWord(rs[cut]) {
			for cut > 1 && rs[cut-1] != ' ' {
				cut--
			}
			if cut == 1 {
				cut = width
			}
		}
		out = append(out, strings.TrimRight(string(rs[:cut]), " "))
		rs = rs[cut:]
	}
	return append(out, string(rs))
}

func isWord(r rune) bool { return r < 0x80 && r != ' ' }
