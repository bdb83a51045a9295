package openaitest

import (
	"hash/fnv"
	"unicode"
)

// FakeEmbedding is the deterministic embedding the server returns: rune unigrams and bigrams
// (lower-cased, spaces and punctuation skipped) hashed into dims signed buckets. Texts that share
// characters get a positive cosine, so retrieval tests can rely on it loosely; it is not
// normalised (real servers do not promise unit vectors either), and a text with no letters or
// digits gives the zero vector.
func FakeEmbedding(text string, dims int) []float32 {
	v := make([]float32, dims)
	if dims <= 0 {
		return v
	}
	var runes []rune
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			runes = append(runes, unicode.ToLower(r))
		}
	}
	add := func(feature string, weight float32) {
		h := fnv.New64a()
		_, _ = h.Write([]byte(feature))
		sum := h.Sum64()
		i := int(sum % uint64(dims))
		if sum>>63 == 1 {
			weight = -weight
		}
		v[i] += weight
	}
	for i, r := range runes {
		add(string(r), 0.5)
		if i+1 < len(runes) {
			add(string(runes[i:i+2]), 1)
		}
	}
	return v
}
