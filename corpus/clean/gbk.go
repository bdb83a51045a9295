package clean

import (
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// gbkCodec re-encodes text that was decoded from misaligned GBK bytes.
// x/text has no single-rune GBK lookup and turns the user-defined areas
// into U+FFFD, so the table is the inverse of its decoder plus the
// user-defined areas mapped by hand (the WHATWG/CP936 private-use layout
// the scraping gateway used).
type gbkCodec struct {
	enc map[rune][2]byte
	dec []rune // (lead-0x81)*gbkTrails + (trail-0x40) → rune; 0 = unassigned
}

const gbkTrails = 0xFF - 0x40

// gbkTable is built once on first use and never written afterwards: a
// read-only table, like an embedded one.
var gbkTable = sync.OnceValue(buildGBK)

func buildGBK() *gbkCodec {
	c := &gbkCodec{enc: make(map[rune][2]byte, 24000), dec: make([]rune, 126*gbkTrails)}
	dec := simplifiedchinese.GBK.NewDecoder()
	var pair [2]byte
	for l := 0x81; l <= 0xFE; l++ {
		for t := 0x40; t <= 0xFE; t++ {
			if t == 0x7F {
				continue
			}
			pair = [2]byte{byte(l), byte(t)}
			out, err := dec.Bytes(pair[:])
			if err != nil {
				continue
			}
			r, n := utf8.DecodeRune(out)
			if r == utf8.RuneError || n != len(out) {
				if pua, ok := gbkUserDefined(byte(l), byte(t)); ok {
					c.enc[pua] = pair
				}
				continue
			}
			c.dec[(l-0x81)*gbkTrails+(t-0x40)] = r
			if _, dup := c.enc[r]; !dup {
				c.enc[r] = pair
			}
		}
	}
	return c
}

// gbkUserDefined maps GBK's three user-defined areas to the private-use
// code points CP936/GB18030 assign them (U+E000–U+E765).
func gbkUserDefined(l, t byte) (rune, bool) {
	switch {
	case l >= 0xAA && l <= 0xAF && t >= 0xA1 && t <= 0xFE:
		return 0xE000 + rune(l-0xAA)*94 + rune(t-0xA1), true
	case l >= 0xF8 && l <= 0xFE && t >= 0xA1 && t <= 0xFE:
		return 0xE234 + rune(l-0xF8)*94 + rune(t-0xA1), true
	case l >= 0xA1 && l <= 0xA7 && t >= 0x40 && t <= 0xA0 && t != 0x7F:
		i := rune(t - 0x40)
		if t > 0x7F {
			i--
		}
		return 0xE4C6 + rune(l-0xA1)*96 + i, true
	}
	return 0, false
}

// encode returns the GBK bytes of r as the gateway would have produced
// them: ASCII as itself, '€' as the single byte 0x80 (CP936), folded '!'
// as the full-width '！' it came from.
func (c *gbkCodec) encode(r rune) ([]byte, bool) {
	switch {
	case r == '!':
		return []byte{0xA3, 0xA1}, true
	case r == '€':
		return []byte{0x80}, true
	case r < utf8.RuneSelf:
		return []byte{byte(r)}, true
	}
	p, ok := c.enc[r]
	if !ok {
		return nil, false
	}
	return p[:], true
}

// decodePair decodes one two-byte GBK character; ok is false for
// unassigned and user-defined codes, which never appear in repaired text.
func (c *gbkCodec) decodePair(l, t byte) (rune, bool) {
	if l < 0x81 || l == 0xFF || t < 0x40 || t == 0x7F || t == 0xFF {
		return 0, false
	}
	r := c.dec[int(l-0x81)*gbkTrails+int(t-0x40)]
	return r, r != 0
}
