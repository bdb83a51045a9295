package retrieval

import (
	_ "embed"
	"sort"
	"strings"
)

//go:embed querywords.txt
var queryWordsTxt string

// Relevance thresholds, chosen on the eval set's questions against a list
// of off-topic questions (see relevance_test.go and README.md).
const (
	// minCoverage: share of the query's topic terms (idf-weighted) that
	// the best passage must contain.
	minCoverage = 0.5
	// minCosine: a vector similarity high enough to trust on its own
	// (for semantic remote embedders, whose matches need not share text).
	minCosine = 0.6
)

// relevance judges whether the articles cover a query at all.
type relevance struct {
	strip *strings.Replacer // question words → separator
}

func newRelevance(n *normalizer) *relevance {
	var words []string
	for line := range strings.SplitSeq(queryWordsTxt, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		words = append(words, n.query(line))
	}
	// Longest first so 怎么样 goes before 怎么.
	sort.SliceStable(words, func(i, j int) bool { return len(words[i]) > len(words[j]) })
	pairs := make([]string, 0, 2*len(words))
	for _, w := range words {
		pairs = append(pairs, w, " ")
	}
	return &relevance{strip: strings.NewReplacer(pairs...)}
}

// topicTerms are the query's keyword tokens once question words are cut
// out: bigrams of what remains, a lone character where a run is one
// character long, and Latin/digit words.
func (r *relevance) topicTerms(q string) []uint64 {
	var out []uint64
	segments(r.strip.Replace(q), func(han []rune, word string) {
		switch {
		case word != "":
			out = append(out, wordKey(word))
		case len(han) == 1:
			out = append(out, uniKey(han[0]))
		default:
			for i := 1; i < len(han); i++ {
				out = append(out, biKey(han[i-1], han[i]))
			}
		}
	})
	return out
}

// coverage is the idf-weighted share of terms found in document d.
// Unknown terms weigh as much as the rarest possible term: a query about
// something the articles never mention scores low.
func coverage(st *state, terms []uint64, d int) float64 {
	var have, total float64
	for _, t := range terms {
		w := st.bm.idf(st.bm.df(t))
		total += w
		if st.bm.contains(t, d) {
			have += w
		}
	}
	if total == 0 {
		return 0
	}
	return have / total
}

// judge: relevant when one of the top passages covers enough of the
// query's topic terms, or the vector leg is very confident.
func (r *relevance) judge(st *state, q string, top, vec []scored) bool {
	if len(vec) > 0 && vec[0].score >= minCosine {
		return true
	}
	terms := r.topicTerms(q)
	if len(terms) == 0 {
		// Nothing but question words ("怎么样？"): nothing to be relevant to.
		return false
	}
	for _, s := range top {
		if coverage(st, terms, s.doc) >= minCoverage {
			return true
		}
	}
	return false
}
