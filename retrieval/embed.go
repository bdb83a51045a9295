package retrieval

import (
	"context"
	"fmt"
	"math"
)

// Embedder turns texts into L2-normalised vectors. Name identifies the
// embedder, its model and its dimensions: an index built under another
// name is rebuilt rather than mixed.
type Embedder interface {
	Embed(ctx context.Context, texts []string) ([][]float32, error)
	Name() string
}

// DefaultLocalDims is the local embedder's dimension, chosen by
// measurement (see README.md in this package).
const DefaultLocalDims = 512

// LocalEmbedder is a hashed character n-gram embedder: it needs no model
// files and no network, and places texts sharing characters, bigrams and
// trigrams near each other. It is a lexical embedder, not a semantic one:
// it cannot bridge synonyms that share no characters.
type LocalEmbedder struct {
	dims int
	// Per-kind weights: unigrams are weak evidence in Chinese (社, 区, 的
	// are everywhere), longer n-grams carry the meaning.
	wUni, wBi, wTri, wWord float64
}

// NewLocalEmbedder returns the built-in offline embedder with the default
// dimensions.
func NewLocalEmbedder() Embedder { return NewLocalEmbedderDims(DefaultLocalDims) }

// NewLocalEmbedderDims returns a local embedder with dims dimensions
// (clamped to at least 16).
func NewLocalEmbedderDims(dims int) *LocalEmbedder {
	return &LocalEmbedder{dims: max(dims, 16), wUni: 0.5, wBi: 1, wTri: 0.5, wWord: 1}
}

// Name includes the feature-set version and dims: changing either must
// force a rebuild.
func (e *LocalEmbedder) Name() string { return fmt.Sprintf("local-ngram-v1/d%d", e.dims) }

// Dims is the vector length.
func (e *LocalEmbedder) Dims() int { return e.dims }

// Embed vectorises each text. Texts are expected already normalised
// (Simplified, canonical vocabulary); the Index does that.
func (e *LocalEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	out := make([][]float32, len(texts))
	var keys []uint64
	var tc termCounter
	for i, t := range texts {
		if i%256 == 0 && ctx.Err() != nil {
			return nil, fmt.Errorf("local embed: %w", ctx.Err())
		}
		keys = keys[:0]
		out[i], keys = e.embedOne(t, keys, &tc)
	}
	return out, nil
}

func (e *LocalEmbedder) embedOne(text string, keys []uint64, tc *termCounter) ([]float32, []uint64) {
	segments(text, func(han []rune, word string) {
		if word != "" {
			keys = append(keys, wordKey(word))
			return
		}
		for i, r := range han {
			keys = append(keys, uniKey(r))
			if i >= 1 {
				keys = append(keys, biKey(han[i-1], r))
			}
			if i >= 2 {
				// Trigram keys use all 63 bits; the top bit marks them so
				// they never equal a unigram/bigram/word key.
				keys = append(keys, triKey(han[i-2], han[i-1], r)|1<<63)
			}
		}
	})
	v := make([]float32, e.dims)
	tc.reset(len(keys))
	for _, k := range keys {
		tc.add(k)
	}
	tc.each(func(k uint64, n uint32) {
		tf := 1 + math.Log(float64(n)) // sublinear: repetition is weak evidence
		var w float64
		switch {
		case k>>63 == 1:
			w = e.wTri
		case k>>60 == kindUni:
			w = e.wUni
		case k>>60 == kindBi:
			w = e.wBi
		default:
			w = e.wWord
		}
		h := mix64(k)
		idx := int(h % uint64(e.dims))
		if h>>63 == 1 { // signed hashing: collisions cancel instead of pile up
			v[idx] -= float32(w * tf)
		} else {
			v[idx] += float32(w * tf)
		}
	})
	if !normalize(v) {
		// Empty or punctuation-only text (or a perfect cancellation): a
		// zero vector would give NaN similarities, so use a fixed unit
		// vector that is far from typical text.
		clear(v)
		v[0] = 1
	}
	return v, keys
}

// mix64 is the splitmix64 finaliser: spreads packed rune keys over all bits.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// normalize scales v to unit length; false if v is (numerically) zero.
func normalize(v []float32) bool {
	var s float64
	for _, x := range v {
		s += float64(x) * float64(x)
	}
	if s < 1e-12 || math.IsNaN(s) || math.IsInf(s, 0) {
		return false
	}
	inv := 1 / math.Sqrt(s)
	for i := range v {
		v[i] = float32(float64(v[i]) * inv)
	}
	return true
}
