package catalog

import (
	"strings"
	"unicode/utf8"
)

// keyIndex finds which of many keys occur in a text in one pass over the
// text: keys are filed under their first three runes, and each position of
// the text looks its three runes up. The cost is linear in the text (times
// the few keys sharing a prefix), not text × keys.
type keyIndex struct {
	byPrefix map[string][]keyEntry
}

type keyEntry struct {
	key string
	id  int
}

func newKeyIndex() *keyIndex { return &keyIndex{byPrefix: map[string][]keyEntry{}} }

const prefixRunes = 3

// add files key (at least prefixRunes runes) under id.
func (x *keyIndex) add(key string, id int) {
	p, ok := runePrefix(key, prefixRunes)
	if !ok {
		return
	}
	for _, e := range x.byPrefix[p] {
		if e.key == key && e.id == id {
			return
		}
	}
	x.byPrefix[p] = append(x.byPrefix[p], keyEntry{key, id})
}

// find returns the ids whose keys occur in text, in order of first
// occurrence, after the ids of have (which are kept and not repeated).
func (x *keyIndex) find(text string, have []int) []int {
	out := append([]int(nil), have...)
	if len(x.byPrefix) == 0 {
		return out
	}
	for i := 0; i < len(text); {
		if p, ok := runePrefix(text[i:], prefixRunes); ok {
			for _, e := range x.byPrefix[p] {
				if !containsInt(out, e.id) && strings.HasPrefix(text[i:], e.key) {
					out = append(out, e.id)
				}
			}
		}
		_, n := utf8.DecodeRuneInString(text[i:])
		i += n
	}
	return out
}

// runePrefix returns the first n runes of s, false when s is shorter.
func runePrefix(s string, n int) (string, bool) {
	end := 0
	for k := 0; k < n; k++ {
		if end >= len(s) {
			return "", false
		}
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
	}
	return s[:end], true
}
