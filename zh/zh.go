// Package zh converts between Traditional and Simplified Chinese and tells
// which of the two scripts a text is written in.
//
// Conversion uses OpenCC's own dictionaries (TSPhrases + TSCharacters for
// Traditional→Simplified; STPhrases + STCharacters, then TWVariants, for the
// reverse, as OpenCC's s2tw), dumped
// from Debian's libopencc-data by tools/opencc/convert.sh and embedded from
// data/ (Apache-2.0, see data/NOTICE). The algorithm is OpenCC's: forward
// maximum matching, where at each position the longest phrase wins and a
// single character is converted only when no phrase starts there; of several
// candidates the first is taken. With these tables ToSimplified reproduces
// `opencc -c t2s.json` byte for byte, and ToTraditional `opencc -c
// s2tw.json`. Traditional text is always in Taiwan's standard forms (群眾,
// 裡面, 為, 著), the forms the bot's own Traditional messages use, so a
// reply never shows 羣眾 next to 群眾. ToTraditional is best effort, because
// one Simplified character often stands for several Traditional ones
// (发 → 發/髮, 后 → 後/后) and phrases resolve only the common cases.
//
// Every mapping preserves the number of characters, so converted text lines
// up rune by rune with its source. Text other than Han characters passes
// through unchanged; invalid UTF-8 bytes become U+FFFD so that the output is
// always valid UTF-8.
//
// The tables are parsed on first use, once per direction, and shared
// read-only afterwards; all functions are safe for concurrent use.
package zh

// ToSimplified converts Traditional characters and phrases to Simplified
// (OpenCC t2s). Simplified text comes back unchanged.
func ToSimplified(s string) string { return t2s().convert(s) }

// ToTraditional converts Simplified characters and phrases to Traditional
// in Taiwan's standard forms (OpenCC s2tw: s2t, first candidate, then the
// TWVariants table, so 群 and 裡 rather than 羣 and 裏; OpenCC's own
// Traditional forms such as 羣 are rewritten too). It is best effort: one-to-many characters
// outside the phrase table get their most common Traditional form, and
// greedy matching can pick the wrong phrase (头发展 → 頭髮展, as OpenCC does).
// It is not idempotent: 里 is valid Traditional (鄰里) yet maps to 裡.
func ToTraditional(s string) string { return s2t().convert(s) }
