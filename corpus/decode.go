package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"bangyang/zh"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// ErrUndecodable reports a file whose bytes are not text in any encoding we
// recognise (binary data, or a charset we cannot identify).
var ErrUndecodable = errors.New("not decodable as text (tried UTF-8, UTF-16, GB18030, Big5)")

// decodeText turns file bytes into UTF-8 text. Order of evidence: a
// byte-order mark; a UTF-16 NUL-byte pattern; valid UTF-8; else the best
// scoring (see score) of UTF-8 with a few bad bytes repaired, the HTML
// page's declared charset, GB18030 (superset of GBK/GB2312) and Big5.
// Whatever wins must still read as text: binary data and text that is
// mostly unusual characters are ErrUndecodable, reported and not indexed.
// It returns the encoding's name for diagnostics.
func decodeText(b []byte, isHTML bool) (string, string, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return checkPlausible(string(b[3:]), "utf-8 (bom)")
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return decodeWith(b, xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), "utf-16le (bom)")
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return decodeWith(b, xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM), "utf-16be (bom)")
	}
	if s, name, ok := utf16Guess(b); ok {
		return s, name, nil
	}
	if utf8.Valid(b) {
		return checkHanPlausible(string(b), "utf-8")
	}
	// Legacy and damaged files: every candidate decoding is scored by how
	// much it reads like Chinese text (score) and the best one wins. Big5
	// byte pairs are mostly valid GBK pairs and the other way round, so
	// "decodes without error" decides nothing; and one bad byte in a GBK
	// file costs its GBK reading one replacement character, not the file.
	var cands []candidate
	if mostlyUTF8(b) {
		// A UTF-8 file with a stray bad byte: re-reading it as GBK would
		// mangle every character, a replacement character mangles one.
		cands = append(cands, candidate{text: strings.ToValidUTF8(string(b), "\uFFFD"), name: "utf-8 (repaired)"})
	}
	if isHTML {
		if label := declaredCharset(b); label != "" {
			if enc, err := htmlindex.Get(label); err == nil {
				if out, err := enc.NewDecoder().Bytes(b); err == nil {
					// The page's own word counts for a little.
					cands = append(cands, candidate{text: string(out), name: label, bonus: 0.05})
				}
			}
		}
	}
	for _, c := range []struct {
		enc  encoding.Encoding
		name string
	}{{simplifiedchinese.GB18030, "gb18030"}, {traditionalchinese.Big5, "big5"}} {
		if out, err := c.enc.NewDecoder().Bytes(b); err == nil {
			cands = append(cands, candidate{text: string(out), name: c.name})
		}
	}
	best, bestScore := -1, 0.0
	for i := range cands {
		sc, _ := score(cands[i].text)
		if sc += cands[i].bonus; best < 0 || sc > bestScore {
			best, bestScore = i, sc
		}
	}
	if best < 0 {
		return "", "", ErrUndecodable
	}
	return checkHanPlausible(cands[best].text, cands[best].name)
}

type candidate struct {
	text, name string
	bonus      float64
}

// minScore is the least plausibility (score) a decoding with enough Han
// characters to judge must reach. Measured on the seed articles: their
// right decodings score 0.55–0.67; GBK read as Big5, Big5 read as GBK and
// UTF-8 read as GBK score below 0.05 (and below zero with the penalty for
// replacement and private-use characters).
const minScore = 0.25

// minJudged is how many Han, CJK punctuation and bad characters a text
// needs before its score is trusted: a short note proves nothing.
const minJudged = 30

// score is how much s reads like Chinese text: the share of common Han
// characters and CJK punctuation among its Han, punctuation and bad
// characters (replacement, private-use, C1 controls), bad ones counting
// double against. Other scripts (Latin, kana) are left out of both sides.
// judged is the size of that denominator.
func score(s string) (sc float64, judged int) {
	var good, bad int
	for _, r := range s {
		if r < 0x80 {
			continue
		}
		switch {
		case r == utf8.RuneError || unicode.Is(unicode.Co, r) || r < 0xA0:
			bad++
		case zh.IsHan(r):
			judged++
			if strings.ContainsRune(commonHan, r) {
				good++
			}
			continue
		case r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFFEF, r >= 0x2010 && r <= 0x2027, r == 0xB7:
			good++
		default:
			continue
		}
		judged++
	}
	if judged == 0 {
		return 0, 0
	}
	return float64(good-2*bad) / float64(judged), judged
}

// checkHanPlausible is checkPlausible plus the reading test: a text with
// enough Chinese to judge whose best decoding is still mostly unusual
// characters is gibberish (a wrong or damaged encoding), never indexed.
func checkHanPlausible(s, name string) (string, string, error) {
	if sc, judged := score(s); judged >= minJudged && sc < minScore {
		return "", "", fmt.Errorf("%s gives mostly unusual characters (plausibility %.2f, want ≥ %.2f): %w", name, sc, minScore, ErrUndecodable)
	}
	return checkPlausible(s, name)
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
	// A few are tolerated whatever the length: one bad byte in a short
	// file costs a replacement character or two and a control character.
	if bad > 8 && bad*100 > total*2 {
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

// utf16Guess detects BOM-less UTF-16. Text in UTF-16 has NUL bytes (from
// ASCII characters and line breaks) which UTF-8 and GBK text never has; so
// when there are NULs both byte orders are decoded and the one that reads
// as ordinary text (ASCII, CJK punctuation, common-block Han characters)
// wins. Binary data and the wrong byte order decode to a scatter of code
// points of which only about a third are Han.
func utf16Guess(b []byte) (string, string, bool) {
	if len(b) < 2 || len(b)%2 != 0 || bytes.IndexByte(b, 0) < 0 {
		return "", "", false
	}
	best, bestName, bestScore := "", "", 0.0
	for _, c := range []struct {
		name string
		e    xunicode.Endianness
	}{{"utf-16le", xunicode.LittleEndian}, {"utf-16be", xunicode.BigEndian}} {
		s, name, err := decodeWith(b, xunicode.UTF16(c.e, xunicode.IgnoreBOM), c.name)
		if err != nil {
			continue
		}
		if sc := ordinaryRatio(s); sc > bestScore {
			best, bestName, bestScore = s, name, sc
		}
	}
	return best, bestName, bestScore >= 0.6
}

func ordinaryRatio(s string) float64 {
	var total, ok int
	for _, r := range s {
		total++
		switch {
		case r >= 0x20 && r < 0x7F, r == '\n', r == '\r', r == '\t',
			r >= 0x4E00 && r <= 0x9FFF, r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFFEF,
			r >= 0x2010 && r <= 0x2027:
			ok++
		}
	}
	if total == 0 {
		return 0
	}
	return float64(ok) / float64(total)
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

// commonHan holds a few hundred of the most frequent Chinese characters in
// both scripts. Text decoded with the wrong legacy charset is made of rare
// characters, so the share of these tells GBK from Big5.
const commonHan = "的一是在不了有和人這这中大為为上個个國国我以要他時时來来用們们生到作地於于出就分對对成會会可主發发年動动同工也能下過过子說说產产種种面而方後后多定行學学法所民得經经十三之進进著着等部度家電电力裡里如水化高自二理起小物現现實实加量都兩两體体制機机當当使點点從从業业本去把性好應应開开它合還还因由其些然前外天政四日那社義义事平形相全表間间樣样與与關关各重新線线內内數数正心反你明看原又麼么利比或但質质氣气第向道命此變变條条只沒没結结解問问意建月公無无系軍军很情者最立代想已通並并提直題题黨党程展五果料象員员革位入常文總总次品式活設设及管特件長长求老頭头基資资邊边流路級级少圖图山統统接知較较將将組组見见計计別别她手角期根論论運运農农指幾几九區区強强放決决西被幹干做必戰战先回則则任取據据處处理世車车服務务群眾众居委書书記记街區区"
