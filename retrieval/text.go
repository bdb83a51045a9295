package retrieval

import (
	_ "embed"
	"strings"
	"unicode"

	"bangyang/zh"
)

// variantsTSV lists regional vocabulary that no character converter
// bridges (FIELD-NOTES §1/§2): machine-converted Taiwan wording in one
// article against mainland wording in the others. Each line is
// "variant<TAB>canonical"; both indexed text and queries are rewritten to
// the canonical form so either wording finds the passage.
//
//go:embed variants.tsv
var variantsTSV string

// normalizer turns any text (either script, either vocabulary) into the
// single form both search legs index and query with.
type normalizer struct {
	variants *strings.Replacer
}

func newNormalizer() *normalizer {
	var pairs []string
	for line := range strings.SplitSeq(variantsTSV, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 || f[0] == "" || f[1] == "" {
			continue
		}
		pairs = append(pairs, f[0], f[1])
	}
	return &normalizer{variants: strings.NewReplacer(pairs...)}
}

// query normalises user input: Simplified script, canonical vocabulary,
// half-width ASCII.
func (n *normalizer) query(s string) string {
	return n.variants.Replace(zh.FoldWidth(zh.ToSimplified(s)))
}

// chunkText is the text both legs index for a chunk: the leader's name
// (so "张影的做法" finds her passages that only say "她") and the
// Simplified passage. Norm is Simplified by contract (corpus converts it),
// and converting 100k chunks again would dominate load time; only a chunk
// without Norm is converted here.
func (n *normalizer) chunkText(leader, norm, text string) string {
	if norm == "" {
		norm = zh.ToSimplified(text)
	}
	s := norm
	if leader != "" {
		s = zh.ToSimplified(leader) + "\n" + norm
	}
	return n.variants.Replace(zh.FoldWidth(s))
}

// isHan is the tokenizer's Han class: zh.IsHan from CJK Extension A
// (U+3400) up. The Han characters below it (radicals, 〇, 々) separate
// tokens, as they always have: the persisted BM25 postings and the local
// embedder's features were built that way, so changing it means bumping
// tokenizerDigest and the embedder's version.
func isHan(r rune) bool { return r >= 0x3400 && zh.IsHan(r) }

// isQuote reports marks that sit inside names rather than between
// phrases: “四单”工作法 must still produce the bigram 单工.
func isQuote(r rune) bool {
	switch r {
	case '“', '”', '‘', '’', '「', '」', '『', '』', '《', '》', '〈', '〉', '"', '\'', '·', '•':
		return true
	}
	return false
}

func isWordRune(r rune) bool {
	return !isHan(r) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// Token kinds, packed into the top bits of a token key. Han runes are
// below 2^21, so up to three of them pack losslessly into 63 bits.
const (
	kindUni  = 1
	kindBi   = 2
	kindTri  = 3
	kindWord = 4
)

// segments splits normalised text into Han runs (quotes are transparent
// inside a run) and lowercased Latin/digit words; everything else is a
// separator. fn is called with exactly one of han/word non-empty.
func segments(s string, fn func(han []rune, word string)) {
	var run []rune
	flush := func() {
		if len(run) > 0 {
			fn(run, "")
			run = run[:0]
		}
	}
	wordStart := -1
	for i, r := range s {
		if isWordRune(r) {
			if wordStart < 0 {
				flush()
				wordStart = i
			}
			continue
		}
		if wordStart >= 0 {
			fn(nil, strings.ToLower(s[wordStart:i]))
			wordStart = -1
		}
		switch {
		case isHan(r):
			run = append(run, r)
		case isQuote(r):
			// transparent: keep the run going
		default:
			flush()
		}
	}
	if wordStart >= 0 {
		fn(nil, strings.ToLower(s[wordStart:]))
	}
	flush()
}

func uniKey(a rune) uint64       { return kindUni<<60 | uint64(a) }
func biKey(a, b rune) uint64     { return kindBi<<60 | uint64(a)<<21 | uint64(b) }
func triKey(a, b, c rune) uint64 { return uint64(a)<<42 | uint64(b)<<21 | uint64(c) } // full 63 bits; salted by the embedder
func wordKey(w string) uint64    { return kindWord<<60 | (fnv64a(w) >> 4) }

func fnv64a(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// keywordTokens appends the BM25 tokens of normalised text: Han unigrams
// and bigrams, and Latin/digit words.
func keywordTokens(dst []uint64, s string) []uint64 {
	segments(s, func(han []rune, word string) {
		if word != "" {
			dst = append(dst, wordKey(word))
			return
		}
		for i, r := range han {
			dst = append(dst, uniKey(r))
			if i > 0 {
				dst = append(dst, biKey(han[i-1], r))
			}
		}
	})
	return dst
}
