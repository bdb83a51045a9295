package corpus

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
)

// The PDF reader trusts the file's cross-reference numbers: a crafted
// /Size or xref subsection count makes it allocate a table of that many
// entries (an out-of-memory crash no recover can catch), and a /Prev
// chain that points back makes it loop forever. pdfGuard checks those
// numbers in the raw bytes first, so such a file is refused.

var (
	pdfSizeRe    = regexp.MustCompile(`/Size\s+(\d+)`)
	pdfIndexRe   = regexp.MustCompile(`/Index\s*\[([\d\s]*)\]`)
	pdfPrevRe    = regexp.MustCompile(`/Prev\s+(\d+)`)
	pdfXrefRe    = regexp.MustCompile(`(?:^|[^a-z])xref\s`)
	pdfStartxref = regexp.MustCompile(`startxref\s+(\d+)`)
	pdfIntRe     = regexp.MustCompile(`^\s*(\d+)\s+(\d+)\s*[\r\n]`)
)

// maxPDFObjects bounds the object numbers a file of n bytes may use: an
// object takes a few bytes at the very least, even packed in a compressed
// object stream.
func maxPDFObjects(n int) int64 { return int64(n)/4 + 1000 }

func pdfGuard(raw []byte) error {
	limit := maxPDFObjects(len(raw))
	tooMany := func(v int64) error {
		return fmt.Errorf("malformed PDF: cross-reference claims %d objects in a file of %d bytes", v, len(raw))
	}
	num := func(b []byte) int64 {
		v, err := strconv.ParseInt(string(b), 10, 64)
		if err != nil {
			return -1 // more digits than an int64: absurd either way
		}
		return v
	}
	for _, m := range pdfSizeRe.FindAllSubmatch(raw, -1) {
		if v := num(m[1]); v < 0 || v > limit {
			return tooMany(v)
		}
	}
	for _, m := range pdfIndexRe.FindAllSubmatch(raw, -1) {
		f := bytes.Fields(m[1])
		for i := 0; i+1 < len(f); i += 2 {
			a, b := num(f[i]), num(f[i+1])
			if a < 0 || b < 0 || a+b > limit {
				return tooMany(a + b)
			}
		}
	}
	// Subsection headers of classic xref tables: "start count" lines,
	// each followed by count entries of three tokens.
	for _, loc := range pdfXrefRe.FindAllIndex(raw, -1) {
		rest := raw[loc[1]-1:]
		for hops := 0; hops < 10000; hops++ {
			m := pdfIntRe.FindSubmatch(rest)
			if m == nil {
				break
			}
			a, b := num(m[1]), num(m[2])
			if a < 0 || b < 0 || a+b > limit {
				return tooMany(a + b)
			}
			rest = rest[len(m[0]):]
			// Skip the entries (20 bytes each in a well-formed file).
			skip := min(int(b)*20, len(rest))
			rest = rest[skip:]
		}
	}
	// The chain of cross-reference sections (startxref, then /Prev): a
	// section seen twice is a loop.
	m := pdfStartxref.FindAllSubmatch(raw, -1)
	if len(m) == 0 {
		return nil // the reader reports it
	}
	seen := map[int64]bool{}
	off := num(m[len(m)-1][1])
	for hops := 0; off >= 0 && off < int64(len(raw)); hops++ {
		if seen[off] || hops > 256 {
			return fmt.Errorf("malformed PDF: the cross-reference sections form a loop")
		}
		seen[off] = true
		// This section's /Prev, before the next section starts.
		sec := raw[off:]
		if end := bytes.Index(sec[min(len(sec), 4):], []byte("startxref")); end >= 0 {
			sec = sec[:end+4]
		}
		if end := bytes.Index(sec, []byte("stream")); end >= 0 && !bytes.HasPrefix(sec, []byte("xref")) {
			sec = sec[:end] // an xref stream: its dictionary
		}
		p := pdfPrevRe.FindSubmatch(sec)
		if p == nil {
			break
		}
		off = num(p[1])
	}
	return nil
}
