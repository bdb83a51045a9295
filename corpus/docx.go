package corpus

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxDocxXML bounds the unpacked document.xml, so a small crafted file
// cannot unpack into gigabytes.
const maxDocxXML = 64 << 20

// docxText extracts the text of a Word document (.docx, Office Open XML):
// the paragraphs of word/document.xml in order, each run's w:t joined
// (Word splits words into runs freely), w:tab as a tab and w:br as a line
// break, one paragraph per line with a blank line between paragraphs, as
// a plain-text article would be written.
func docxText(raw []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return "", fmt.Errorf("not a Word .docx file (it is not a zip package): %w", err)
	}
	var doc *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			doc = f
			break
		}
	}
	if doc == nil {
		return "", errors.New("not a Word .docx file (no word/document.xml; an old .doc must be saved as .docx)")
	}
	rc, err := doc.Open()
	if err != nil {
		return "", fmt.Errorf("read .docx: %w", err)
	}
	defer rc.Close()
	lr := &io.LimitedReader{R: rc, N: maxDocxXML + 1}
	dec := xml.NewDecoder(lr)
	var out, para strings.Builder
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if lr.N <= 0 {
				return "", fmt.Errorf("read .docx: the document is larger than %d MB unpacked", maxDocxXML>>20)
			}
			return "", fmt.Errorf("read .docx: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				inText = true
			case "tab":
				para.WriteByte('\t')
			case "br", "cr":
				para.WriteByte('\n')
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				if s := strings.TrimSpace(para.String()); s != "" {
					out.WriteString(s)
					out.WriteString("\n\n")
				}
				para.Reset()
			}
		case xml.CharData:
			if inText {
				para.Write(t)
			}
		}
	}
	if s := strings.TrimSpace(para.String()); s != "" {
		out.WriteString(s)
	}
	return out.String(), nil
}
