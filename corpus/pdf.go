package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// ErrPDFNoText reports a PDF without a usable text layer: scanned pages
// (images only), or fonts whose glyphs have no Unicode mapping, so that
// what a reader shows cannot be read back as text. Such a file is refused
// rather than indexed as garbage; it needs OCR first.
var ErrPDFNoText = errors.New("the PDF has no usable text layer (scanned pages, or fonts without a Unicode mapping)")

// PDF limits: a document of news-article size is far below them; beyond
// them the file is refused (or its tail left out) rather than read forever.
const (
	maxPDFPages = 2000
	maxPDFRunes = 4 << 20
	maxPDFNodes = 20000 // page-tree nodes visited
)

var errPDFLong = errors.New("pdf text limit")

// pdfGap marks a move of the text position between two Latin characters
// on a line: a space, unless the line is Chinese.
const pdfGap = '\x1e'

// pdfText extracts the text of a PDF's text layer in reading order of its
// content streams, as a plain-text article: lines a page wrapped are
// joined again, and a new paragraph starts where the layout says so (a
// larger vertical gap, an indented first line, a change of font size); page
// numbers standing alone are dropped. Glyphs are mapped to Unicode through
// the fonts' ToUnicode maps (or their standard encodings).
//
// Text in form XObjects is read too. Known limits: columns are read in
// content order (not re-ordered by position); glyph widths are not read,
// so spaces in Latin text come from text moves; a PDF that needs a
// password is refused; vertical writing is read as lines.
func pdfText(raw []byte) (text string, err error) {
	defer func() {
		if r := recover(); r != nil {
			text, err = "", fmt.Errorf("read PDF: malformed file: %v", r)
		}
	}()
	if err := pdfGuard(raw); err != nil {
		return "", err
	}
	rd, err := pdf.NewReader(pdfHeaderFix(raw), int64(len(raw)))
	if err != nil {
		if strings.Contains(err.Error(), "password") || strings.Contains(err.Error(), "encrypt") {
			return "", fmt.Errorf("the PDF is password-protected: %w", err)
		}
		return "", fmt.Errorf("not a readable PDF file: %w", err)
	}
	pages := pdfPages(rd.Trailer().Key("Root").Key("Pages"))
	if len(pages) == 0 {
		return "", fmt.Errorf("%w: no pages found", ErrPDFNoText)
	}
	ex := &pdfExtractor{}
	failed := 0
	var firstErr error
	for i, p := range pages {
		if err := ex.page(p, i); err != nil {
			if errors.Is(err, errPDFLong) {
				break
			}
			failed++
			if firstErr == nil {
				firstErr = err
			}
		}
	}
	if failed == len(pages) {
		return "", fmt.Errorf("read PDF: no page could be read: %w", firstErr)
	}
	text = ex.paragraphs()
	letters, bad := 0, 0
	for _, r := range text {
		switch {
		case r == utf8.RuneError || unicode.Is(unicode.Co, r) || (unicode.IsControl(r) && r != '\n' && r != '\t'):
			bad++
		case unicode.IsLetter(r):
			letters++
		}
	}
	if letters < 10 {
		return "", fmt.Errorf("%w: %d letters in %d pages", ErrPDFNoText, letters, len(pages))
	}
	if bad*10 > letters {
		return "", fmt.Errorf("%w: %d of %d characters unreadable", ErrPDFNoText, bad, letters+bad)
	}
	if _, _, err := checkHanPlausible(text, "pdf"); err != nil {
		return "", fmt.Errorf("%w: %v", ErrPDFNoText, err)
	}
	return text, nil
}

// pdfHeaderFix lets a PDF 2.0 file through the reader's header check
// (its syntax for what we read is that of 1.7).
func pdfHeaderFix(raw []byte) io.ReaderAt {
	if bytes.HasPrefix(raw, []byte("%PDF-2.")) && len(raw) > 8 {
		cp := slices.Clone(raw[:9])
		copy(cp, "%PDF-1.7")
		return &headerReader{head: cp, rest: bytes.NewReader(raw)}
	}
	return bytes.NewReader(raw)
}

type headerReader struct {
	head []byte
	rest *bytes.Reader
}

func (h *headerReader) ReadAt(p []byte, off int64) (int, error) {
	n, err := h.rest.ReadAt(p, off)
	for i := 0; i < n; i++ {
		if k := off + int64(i); k < int64(len(h.head)) {
			p[i] = h.head[k]
		}
	}
	return n, err
}

// pdfPages lists the leaves of the page tree in order. The tree is walked
// here, not by the reader's Page(n), so that a malformed tree (a node that
// is its own kid) costs a bounded walk, not an endless loop.
func pdfPages(root pdf.Value) []pdf.Page {
	var out []pdf.Page
	visited := 0
	var walk func(v pdf.Value, depth int)
	walk = func(v pdf.Value, depth int) {
		if depth > 64 || visited >= maxPDFNodes || len(out) >= maxPDFPages {
			return
		}
		visited++
		kids := v.Key("Kids")
		if v.Key("Type").Name() == "Page" || (kids.Kind() != pdf.Array && v.Key("Contents").Kind() != pdf.Null) {
			out = append(out, pdf.Page{V: v})
			return
		}
		for i := 0; i < kids.Len(); i++ {
			walk(kids.Index(i), depth+1)
		}
	}
	walk(root, 0)
	return out
}

// pdfLine is one line of text as laid out: where it starts (user space)
// and its font size.
type pdfLine struct {
	page       int
	x, y, size float64
	text       strings.Builder
}

type pdfExtractor struct {
	lines []*pdfLine
	runes int
}

type pdfMatrix [6]float64

var pdfIdent = pdfMatrix{1, 0, 0, 1, 0, 0}

// mul is m × n in PDF's row-vector convention.
func (m pdfMatrix) mul(n pdfMatrix) pdfMatrix {
	return pdfMatrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func translate(tx, ty float64) pdfMatrix { return pdfMatrix{1, 0, 0, 1, tx, ty} }

// page interprets one page's content stream, collecting its lines.
func (ex *pdfExtractor) page(p pdf.Page, n int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok && errors.Is(e, errPDFLong) {
				err = errPDFLong
				return
			}
			err = fmt.Errorf("page %d: %v", n+1, r)
		}
	}()
	strm := p.V.Key("Contents")
	if strm.Kind() == pdf.Null {
		return nil
	}
	if err := streamsWithin(strm, maxPDFStream); err != nil {
		return fmt.Errorf("page %d: %w", n+1, err)
	}
	pg := &pdfPage{ex: ex, n: n}
	pg.run(strm, inherited(p.V, "Resources"), pdfIdent, textState{size: 12}, 0)
	return nil
}

// pdfPage is the text being collected from one page.
type pdfPage struct {
	ex        *pdfExtractor
	n         int
	cur       *pdfLine
	lastASCII bool // the line so far ends in a Latin character, not a space
	gap       bool // the text position moved since the last show
	forms     int  // form XObjects interpreted on this page
}

// textState is what a form XObject inherits from where it is drawn.
type textState struct {
	size float64
	enc  pdf.TextEncoding
}

const (
	maxFormDepth = 8
	maxForms     = 500 // per page
)

// run interprets one content stream (the page's, or a form XObject's)
// with its resources, drawn with the transformation base.
func (pg *pdfPage) run(strm, res pdf.Value, base pdfMatrix, ts textState, depth int) {
	ex := pg.ex
	fonts, xobjects := res.Key("Font"), res.Key("XObject")
	encs := map[string]pdf.TextEncoding{}
	var (
		ctm, tm, tlm = base, pdfIdent, pdfIdent
		gstack       []pdfMatrix
		leading      float64
		size, enc    = ts.size, ts.enc
	)
	show := func(raw string) {
		gapBefore := pg.gap
		pg.gap = false
		if enc == nil {
			return
		}
		s := enc.Decode(raw)
		if s == "" {
			return
		}
		trm := tm.mul(ctm)
		x, y := trm[4], trm[5]
		fs := size * math.Hypot(trm[2], trm[3])
		if fs <= 0 {
			fs = size
		}
		cur := pg.cur
		if cur == nil || math.Abs(cur.y-y) > 0.4*math.Max(fs, cur.size) {
			cur = &pdfLine{page: pg.n, x: x, y: y, size: fs}
			pg.cur = cur
			ex.lines = append(ex.lines, cur)
			pg.lastASCII = false
		} else if first, _ := utf8.DecodeRuneInString(s); gapBefore && pg.lastASCII && isLatin(first) {
			// A move between words of Latin text is a space; in Chinese
			// lines it is justification (resolved per line, paragraphs).
			cur.text.WriteByte(pdfGap)
		}
		cur.text.WriteString(s)
		last, _ := utf8.DecodeLastRuneInString(s)
		pg.lastASCII = isLatin(last)
		ex.runes += utf8.RuneCountInString(s)
		if ex.runes > maxPDFRunes {
			panic(errPDFLong)
		}
	}
	num := func(v pdf.Value) float64 { return v.Float64() }
	matrix := func(args []pdf.Value) pdfMatrix {
		var m pdfMatrix
		for i := range 6 {
			m[i] = num(args[len(args)-6+i])
		}
		return m
	}
	pdf.Interpret(strm, func(stk *pdf.Stack, op string) {
		args := make([]pdf.Value, stk.Len())
		for i := len(args) - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		need := func(k int) bool { return len(args) >= k }
		switch op {
		case "q":
			gstack = append(gstack, ctm)
		case "Q":
			if k := len(gstack); k > 0 {
				ctm = gstack[k-1]
				gstack = gstack[:k-1]
			}
		case "cm":
			if need(6) {
				ctm = matrix(args).mul(ctm)
			}
		case "BT":
			tm, tlm = pdfIdent, pdfIdent
		case "Tf":
			if need(2) {
				name := args[len(args)-2].Name()
				size = num(args[len(args)-1])
				e, ok := encs[name]
				if !ok {
					e = fontEncoding(fonts.Key(name))
					encs[name] = e
				}
				enc = e
			}
		case "TL":
			if need(1) {
				leading = num(args[len(args)-1])
			}
		case "Td", "TD":
			if need(2) {
				tx, ty := num(args[len(args)-2]), num(args[len(args)-1])
				if op == "TD" {
					leading = -ty
				}
				tlm = translate(tx, ty).mul(tlm)
				tm = tlm
				pg.gap = true
			}
		case "Tm":
			if need(6) {
				tm = matrix(args)
				tlm = tm
				pg.gap = true
			}
		case "T*":
			tlm = translate(0, -leading).mul(tlm)
			tm = tlm
			pg.gap = true
		case "Tj":
			if need(1) {
				show(args[len(args)-1].RawString())
			}
		case "'", "\"":
			if need(1) {
				tlm = translate(0, -leading).mul(tlm)
				tm = tlm
				pg.gap = true
				show(args[len(args)-1].RawString())
			}
		case "TJ":
			if !need(1) {
				return
			}
			arr := args[len(args)-1]
			for i := 0; i < arr.Len(); i++ {
				v := arr.Index(i)
				switch v.Kind() {
				case pdf.String:
					show(v.RawString())
				case pdf.Integer, pdf.Real:
					// A large negative adjustment (thousandths of the
					// font size) between Latin words is a space; small
					// ones are kerning, and Chinese text spreads its
					// characters with them when justified.
					if v.Float64() < -200 {
						pg.gap = true
					}
				}
			}
		case "Do":
			// A form XObject holds content of its own (some writers put
			// a whole page's text in one); images are skipped.
			if !need(1) || depth >= maxFormDepth || pg.forms >= maxForms {
				return
			}
			xo := xobjects.Key(args[len(args)-1].Name())
			if xo.Kind() != pdf.Stream || xo.Key("Subtype").Name() != "Form" {
				return
			}
			if err := streamsWithin(xo, maxPDFStream); err != nil {
				return
			}
			pg.forms++
			m := pdfIdent
			if mv := xo.Key("Matrix"); mv.Kind() == pdf.Array && mv.Len() == 6 {
				for i := range 6 {
					m[i] = mv.Index(i).Float64()
				}
			}
			fres := xo.Key("Resources")
			if fres.Kind() != pdf.Dict {
				fres = res
			}
			pg.run(xo, fres, m.mul(ctm), textState{size: size, enc: enc}, depth+1)
		}
	})
}

func isASCIIWord(r rune) bool {
	return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// isLatin: a printable character of Latin text (not a space, not CJK).
func isLatin(r rune) bool {
	return r > ' ' && r < 0x2000 && !unicode.IsSpace(r) || r >= 0xFB00 && r <= 0xFB06
}

// fontEncoding maps a font's codes to Unicode: the reader's own mapping
// (ToUnicode, standard and Identity encodings), plus the UTF-16 CMaps it
// does not know.
func fontEncoding(v pdf.Value) pdf.TextEncoding {
	if v.Kind() != pdf.Dict {
		return nil // no such font: its text is not shown
	}
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		if err := streamsWithin(tu, maxPDFStream); err != nil {
			return nil
		}
		if m := readToUnicode(tu); m != nil {
			return m
		}
	}
	if e := v.Key("Encoding"); e.Kind() == pdf.Name && v.Key("ToUnicode").Kind() == pdf.Null {
		// Predefined Chinese CMaps the reader does not know: their codes
		// are the text in a known encoding.
		switch n := e.Name(); {
		case strings.HasSuffix(n, "-UTF16-H"):
			return utf16Encoding{}
		case n == "GBK-EUC-H" || n == "GB-EUC-H" || n == "GBpc-EUC-H" || n == "GBK2K-H" || n == "GBKp-EUC-H":
			return legacyEncoding{simplifiedchinese.GB18030}
		case n == "ETen-B5-H" || n == "B5pc-H" || n == "HKscs-B5-H" || n == "ETenms-B5-H":
			return legacyEncoding{traditionalchinese.Big5}
		}
	}
	f := pdf.Font{V: v}
	return f.Encoder()
}

// inherited finds a page attribute on the page or its ancestors (a
// bounded walk: a Parent that points back is no endless loop).
func inherited(v pdf.Value, key string) pdf.Value {
	for depth := 0; depth < 64 && v.Kind() == pdf.Dict; depth++ {
		if r := v.Key(key); r.Kind() != pdf.Null {
			return r
		}
		v = v.Key("Parent")
	}
	return pdf.Value{}
}

// maxPDFStream bounds one decoded content stream or font map: a page of
// text is kilobytes; a stream that inflates beyond this is a bomb.
const maxPDFStream = 64 << 20

// streamsWithin decodes v (a stream or an array of them) once, counting,
// and fails beyond limit bytes.
func streamsWithin(v pdf.Value, limit int64) error {
	var parts []pdf.Value
	switch v.Kind() {
	case pdf.Stream:
		parts = []pdf.Value{v}
	case pdf.Array:
		for i := 0; i < v.Len() && i < 10000; i++ {
			parts = append(parts, v.Index(i))
		}
	}
	var total int64
	for _, p := range parts {
		rc := p.Reader()
		n, err := io.Copy(io.Discard, io.LimitReader(rc, limit-total+1))
		rc.Close()
		total += n
		if total > limit {
			return fmt.Errorf("a content stream decodes to more than %d MB", limit>>20)
		}
		_ = err // a damaged stream is read as far as it goes, as the reader does
	}
	return nil
}

// legacyEncoding decodes codes that are the text in a legacy Chinese
// encoding (a font with a GBK or Big5 CMap and no ToUnicode map).
type legacyEncoding struct{ enc encoding.Encoding }

func (e legacyEncoding) Decode(raw string) string {
	out, err := e.enc.NewDecoder().String(raw)
	if err != nil {
		return strings.ToValidUTF8(raw, "\uFFFD")
	}
	return out
}

type utf16Encoding struct{}

func (utf16Encoding) Decode(raw string) string {
	u := make([]uint16, 0, len(raw)/2)
	for i := 0; i+1 < len(raw); i += 2 {
		u = append(u, uint16(raw[i])<<8|uint16(raw[i+1]))
	}
	return string(utf16.Decode(u))
}

// pageNumberRe matches a line that is only a page number (12, - 3 -, 第3页,
// 3/10, Page 3).
func sameSize(a, b float64) bool { return math.Abs(a-b) <= 0.15*math.Max(a, b) }

// ligatures of Latin typesetting, written out.
var ligatures = strings.NewReplacer("\ufb00", "ff", "\ufb01", "fi", "\ufb02", "fl", "\ufb03", "ffi", "\ufb04", "ffl")

var pageNumberRe = regexp.MustCompile(`^(?:[-–—]?\s*\d{1,4}\s*[-–—]?|第\s*\d{1,4}\s*[页頁](?:\s*[,，/／]?\s*共\s*\d{1,4}\s*[页頁])?|\d{1,4}\s*[/／]\s*\d{1,4}|(?i:page)\s*\d{1,4}(?:\s*(?i:of)\s*\d{1,4})?)$`)

// paragraphs joins the collected lines into paragraphs, one per line of
// the result with a blank line between them.
func (ex *pdfExtractor) paragraphs() string {
	type line struct {
		page       int
		x, y, size float64
		text       string
	}
	var ls []line
	for _, l := range ex.lines {
		t := ligatures.Replace(strings.TrimRightFunc(l.text.String(), unicode.IsSpace))
		if strings.IndexFunc(t, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0 {
			t = strings.ReplaceAll(t, string(rune(pdfGap)), "")
		} else {
			t = strings.ReplaceAll(t, string(rune(pdfGap)), " ")
		}
		if strings.TrimSpace(t) == "" || pageNumberRe.MatchString(strings.TrimSpace(t)) {
			continue
		}
		ls = append(ls, line{l.page, l.x, l.y, l.size, t})
	}
	if len(ls) == 0 {
		return ""
	}
	// The line pitch of each font size: the usual distance between two
	// lines of a paragraph (the lower quartile of the gaps between lines
	// of that size, since paragraph gaps are the larger ones).
	gaps := map[int][]float64{}
	for i, l := range ls {
		if i > 0 && ls[i-1].page == l.page && sameSize(ls[i-1].size, l.size) {
			if g := ls[i-1].y - l.y; g > 0 {
				k := int(math.Round(l.size * 4))
				gaps[k] = append(gaps[k], g)
			}
		}
	}
	pitch := map[int]float64{}
	for k, g := range gaps {
		slices.Sort(g)
		pitch[k] = g[len(g)/4]
	}
	var b strings.Builder
	for i, l := range ls {
		text := l.text
		indented := strings.HasPrefix(text, "\u3000") || strings.HasPrefix(text, "  ")
		text = strings.TrimSpace(strings.TrimLeft(text, "\u3000"))
		if i == 0 {
			b.WriteString(text)
			continue
		}
		prev := ls[i-1]
		// A new paragraph: an indented first line (further right than the
		// line before), a change of size (a heading), a larger gap.
		brk := indented || l.x > prev.x+0.8*l.size || !sameSize(l.size, prev.size)
		if prev.page == l.page {
			g := prev.y - l.y
			if p := pitch[int(math.Round(l.size*4))]; g < 0 || (p > 0 && g > 1.3*p) {
				brk = true
			}
		}
		if brk {
			b.WriteString("\n\n")
		} else {
			last, _ := utf8.DecodeLastRuneInString(prev.text)
			first, _ := utf8.DecodeRuneInString(text)
			if isASCIIWord(last) && isASCIIWord(first) || last == ',' || last == '.' && isASCIIWord(first) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(text)
	}
	return b.String()
}
