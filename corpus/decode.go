package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// ErrUndecodable reports a file whose bytes are not text in any encoding we
// recognise (binary data, or a charset we cannot identify).
var ErrUndecodable = errors.New("not decodable as text (tried UTF-8, UTF-16, GB18030, Big5)")

// decodeText turns file bytes into UTF-8 text. Order of evidence:
// a byte-order mark; a UTF-16 NUL-byte pattern; valid UTF-8; an HTML
// <meta charset>; then GB18030 (superset of GBK/GB2312), then Big5.
// Every candidate is checked for plausibility so binary data is rejected
// instead of being "decoded" into garbage. It returns the encoding's name
// for diagnostics.
func decodeText(b []byte, isHTML bool) (string, string, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return checkPlausible(string(b[3:]), "utf-8 (bom)")
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return decodeWith(b, xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), "utf-16le (bom)")
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return decodeWith(b, xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM), "utf-16be (bom)")
	}
	if endian, ok := utf16Guess(b); ok {
		name := "utf-16le"
		if endian == xunicode.BigEndian {
			name = "utf-16be"
		}
		return decodeWith(b, xunicode.UTF16(endian, xunicode.IgnoreBOM), name)
	}
	if utf8.Valid(b) {
		return checkPlausible(string(b), "utf-8")
	}
	if mostlyUTF8(b) {
		// A UTF-8 file with a stray bad byte: re-reading it as GBK would
		// mangle every character, a replacement character mangles one.
		return checkPlausible(strings.ToValidUTF8(string(b), "\uFFFD"), "utf-8 (repaired)")
	}
	if isHTML {
		if label := declaredCharset(b); label != "" {
			if enc, err := htmlindex.Get(label); err == nil {
				if s, name, err := decodeWith(b, enc, label); err == nil {
					return s, name, nil
				}
			}
		}
	}
	// GB18030 decodes most byte soup, so prefer it only when it yields no
	// replacement characters; otherwise take Big5 if that is clean.
	gb, gbName, gbErr := decodeWith(b, simplifiedchinese.GB18030, "gb18030")
	if gbErr == nil && !strings.ContainsRune(gb, utf8.RuneError) {
		return gb, gbName, nil
	}
	if s, name, err := decodeWith(b, traditionalchinese.Big5, "big5"); err == nil && !strings.ContainsRune(s, utf8.RuneError) {
		return s, name, nil
	}
	if gbErr == nil {
		return gb, gbName, nil
	}
	return "", "", ErrUndecodable
}

func decodeWith(b []byte, enc encoding.Encoding, name string) (string, string, error) {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return "", "", fmt.Errorf("%s: %w", name, ErrUndecodable)
	}
	return checkPlausible(string(out), name)
}

// checkPlausible rejects decoded text that is mostly not text: control
// characters (other than layout whitespace), replacement characters, or
// private-use code points beyond a small tolerance. Scraped articles can
// contain a few of each (garbled runs), binary files contain many.
func checkPlausible(s, name string) (string, string, error) {
	var total, bad int
	for _, r := range s {
		total++
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == '\f' || r == '\v':
		case r == utf8.RuneError, unicode.Is(unicode.Co, r):
			bad++
		case unicode.IsControl(r):
			bad += 4 // NULs and C0 controls essentially never occur in text
		}
	}
	if total == 0 {
		return s, name, nil
	}
	if bad*100 > total*2 {
		return "", "", fmt.Errorf("%s gives %d suspicious of %d characters: %w", name, bad, total, ErrUndecodable)
	}
	return s, name, nil
}

// mostlyUTF8 reports whether b is UTF-8 apart from a few invalid bytes:
// at least 20 valid multi-byte runes and at most one invalid byte per 100
// of them. GBK text read as UTF-8 is invalid almost everywhere.
func mostlyUTF8(b []byte) bool {
	var multi, invalid int
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && size == 1:
			invalid++
		case size > 1:
			multi++
		}
		b = b[size:]
	}
	return multi >= 20 && invalid*100 <= multi
}

// utf16Guess detects BOM-less UTF-16: text whose ASCII characters (line
// breaks, digits, punctuation) put a NUL in every other byte, on one side.
func utf16Guess(b []byte) (xunicode.Endianness, bool) {
	if len(b) < 4 || len(b)%2 != 0 {
		return xunicode.LittleEndian, false
	}
	var even, odd int
	for i, c := range b {
		if c == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	half := len(b) / 2
	switch {
	case odd*20 >= half && even*10 <= odd:
		return xunicode.LittleEndian, true
	case even*20 >= half && odd*10 <= even:
		return xunicode.BigEndian, true
	}
	return xunicode.LittleEndian, false
}

var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_\-]+)`)

// declaredCharset finds a <meta charset> or http-equiv content charset in
// the first few KB of an HTML file (the declaration is ASCII in every
// encoding we care about).
func declaredCharset(b []byte) string {
	head := b
	if len(head) > 4096 {
		head = head[:4096]
	}
	if m := metaCharset.FindSubmatch(head); m != nil {
		return strings.ToLower(string(m[1]))
	}
	return ""
}
