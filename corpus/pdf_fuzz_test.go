package corpus

import (
	"testing"

	"bangyang/corpus/testdoc"
)

// A crafted or damaged PDF is an error, never a crash or a hang (run with
// go test -fuzz FuzzPDFText ./corpus; the seeds run in every go test).
func FuzzPDFText(f *testing.F) {
	f.Add(testdoc.PDF(testdoc.PDFOptions{}, pdfParas...))
	f.Add(testdoc.PDF(testdoc.PDFOptions{Justified: true, Block: true}, pdfParas[:2]...))
	f.Add(testdoc.PDF(testdoc.PDFOptions{ImageOnly: true}, "x"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		text, err := pdfText(raw)
		if err == nil && len(text) == 0 {
			t.Error("no error and no text")
		}
	})
}
