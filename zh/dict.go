package zh

import (
	_ "embed"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// The tables, in OpenCC's text format: "key\tcandidate candidate...".
var (
	//go:embed data/TSCharacters.txt
	tsCharacters string
	//go:embed data/TSPhrases.txt
	tsPhrases string
	//go:embed data/STCharacters.txt
	stCharacters string
	//go:embed data/STPhrases.txt
	stPhrases string
	//go:embed data/TWVariants.txt
	twVariants string
)

// Each direction is parsed on first use only: a caller that only folds text
// to Simplified never pays for the larger s2t phrase table.
var (
	t2s = sync.OnceValue(func() *dict { return newDict(tsCharacters, tsPhrases) })
	s2t = sync.OnceValue(func() *dict { return newVariantDict(stCharacters, stPhrases, twVariants) })
)

// maxPhraseRunes bounds the phrase length (a bit in dict.lengths); OpenCC's
// longest phrase has 16 characters.
const maxPhraseRunes = 63

// dict is one conversion direction. It is read-only once built.
type dict struct {
	chars map[rune]string // first candidate of each single character
	// ambiguous marks characters listed among their own candidates
	// (后 → 後 后, 乾 → 干 乾): they are correct in both scripts in some
	// words, so seeing them proves little about the script.
	ambiguous map[rune]bool
	phrases   map[string]string // first candidate of each multi-character key
	// lengths has bit n set when a phrase of n runes starts with the rune, so
	// only lengths that exist are looked up; runes that start no phrase are
	// absent, which keeps the common path to one map lookup.
	lengths map[rune]uint64
	// variants is a second, character-level stage applied to every output
	// rune (OpenCC's conversion chain, as in s2tw.json): 羣 → 群, 裏 → 裡.
	// The candidates in chars and phrases are stored already mapped; a rune
	// that no table converts is looked up here.
	variants map[rune]rune
}

func newDict(chars, phrases string) *dict { return newVariantDict(chars, phrases, "") }

// newVariantDict builds a direction whose output then goes through the
// character table variants (one "from\tto" pair a line; may be empty).
func newVariantDict(chars, phrases, variants string) *dict {
	d := &dict{
		chars:     make(map[rune]string, strings.Count(chars, "\n")+1),
		ambiguous: make(map[rune]bool),
		phrases:   make(map[string]string, strings.Count(phrases, "\n")+1),
		lengths:   make(map[rune]uint64, 1024),
	}
	eachEntry(variants, func(key, cands string) {
		first, _, _ := strings.Cut(cands, " ")
		k, kn := utf8.DecodeRuneInString(key)
		v, vn := utf8.DecodeRuneInString(first)
		if kn == len(key) && vn == len(first) && k != v {
			if d.variants == nil {
				d.variants = make(map[rune]rune)
			}
			d.variants[k] = v
		}
	})
	eachEntry(chars, d.add)
	eachEntry(phrases, d.add)
	return d
}

// variant maps every rune of s through the variants stage, copying only
// when something changes.
func (d *dict) variant(s string) string {
	if d.variants == nil {
		return s
	}
	for i, r := range s {
		if _, ok := d.variants[r]; ok {
			b := []rune(s[:i])
			for _, r := range s[i:] {
				if v, ok := d.variants[r]; ok {
					r = v
				}
				b = append(b, r)
			}
			return string(b)
		}
	}
	return s
}

// eachEntry calls add for every well-formed line of an OpenCC text table,
// with the key and its space-separated candidates. The strings are slices of
// the embedded text, so the maps built from them copy nothing.
func eachEntry(text string, add func(key, cands string)) {
	for line := range strings.Lines(text) {
		key, cands, ok := strings.Cut(strings.TrimRight(line, "\r\n"), "\t")
		if ok && key != "" && strings.TrimSpace(cands) != "" {
			add(key, strings.TrimSpace(cands))
		}
	}
}

func (d *dict) add(key, cands string) {
	first, rest, _ := strings.Cut(cands, " ")
	n := utf8.RuneCountInString(key)
	// The rune-by-rune alignment relied on by DetectScript needs every
	// replacement to keep the length; OpenCC's tables all do, so anything
	// else is a damaged line and is dropped rather than trusted.
	if utf8.RuneCountInString(first) != n {
		return
	}
	if n == 1 {
		r, _ := utf8.DecodeRuneInString(key)
		c, _ := utf8.DecodeRuneInString(first)
		if c != r {
			// Kept even when the variants stage maps it back (群 → 羣 →
			// 群): the entry then converts to itself.
			d.chars[r] = d.variant(first)
		}
		if c != r && slices.Contains(strings.Fields(rest), key) {
			d.ambiguous[r] = true
		}
		return
	}
	if n > maxPhraseRunes {
		return
	}
	d.phrases[key] = d.variant(first)
	r, _ := utf8.DecodeRuneInString(key)
	d.lengths[r] |= 1 << n
}

// segments walks s by forward maximum matching and calls emit with each
// source segment and its replacement (equal to the source when nothing
// changes). Invalid UTF-8 bytes are emitted as one-byte segments replaced by
// U+FFFD.
func (d *dict) segments(s string, emit func(src, dst string)) {
	var ends [maxPhraseRunes]int
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			emit(s[i:i+1], string(utf8.RuneError))
			i++
			continue
		}
		if lengths := d.lengths[r]; lengths != 0 {
			// Byte ends of the following runes, up to the longest phrase.
			longest := bits.Len64(lengths) - 1
			n, j := 0, i
			for n < longest && j < len(s) {
				_, sz := utf8.DecodeRuneInString(s[j:])
				j += sz
				ends[n] = j
				n++
			}
			matched := false
			for ; n >= 2; n-- {
				if lengths&(1<<n) == 0 {
					continue
				}
				if v, ok := d.phrases[s[i:ends[n-1]]]; ok {
					emit(s[i:ends[n-1]], v)
					i = ends[n-1]
					matched = true
					break
				}
			}
			if matched {
				continue
			}
		}
		if c, ok := d.chars[r]; ok {
			emit(s[i:i+size], c)
		} else if v, ok := d.variants[r]; ok {
			emit(s[i:i+size], string(v))
		} else {
			emit(s[i:i+size], s[i:i+size])
		}
		i += size
	}
}

// convert returns s with every segment replaced. Unchanged text is returned
// as is, without copying.
func (d *dict) convert(s string) string {
	var b strings.Builder
	copied := 0 // bytes of s already accounted for in b
	pos := 0
	d.segments(s, func(src, dst string) {
		if src != dst {
			if b.Len() == 0 {
				b.Grow(len(s) + 8)
			}
			b.WriteString(s[copied:pos])
			b.WriteString(dst)
			copied = pos + len(src)
		}
		pos += len(src)
	})
	if copied == 0 {
		return s
	}
	b.WriteString(s[copied:])
	return b.String()
}
