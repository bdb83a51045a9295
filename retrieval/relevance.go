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
	// minCoverage: share of the query's topic characters the best
	// passage must match (see coverage).
	minCoverage = 0.45
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

// topicSpans are the query's topic text once question words are cut
// out: Han runs of two or more characters, and Latin/digit words. A lone
// Han character left between question words carries too little to judge
// by.
type topicSpans struct {
	runs  [][]rune
	words []string
}

func (r *relevance) topic(q string) topicSpans {
	var t topicSpans
	segments(r.strip.Replace(q), func(han []rune, word string) {
		switch {
		case word != "":
			t.words = append(t.words, word)
		case len(han) >= 2:
			t.runs = append(t.runs, append([]rune(nil), han...))
		}
	})
	return t
}

// coverage is the share of topic characters that document d matches as
// part of a shared bigram (and of topic words it contains). Characters
// rather than idf-weighted terms: a paraphrase ("解决停车难") leaves
// bigrams across its word boundaries (决停, 车难) that no text contains,
// and those must not outweigh the words it does share.
func coverage(st *state, t topicSpans, d int) float64 {
	total, have := 0, 0
	for _, run := range t.runs {
		covered := make([]bool, len(run))
		for i := 1; i < len(run); i++ {
			if st.bm.contains(biKey(run[i-1], run[i]), d) {
				covered[i-1], covered[i] = true, true
			}
		}
		total += len(run)
		for _, c := range covered {
			if c {
				have++
			}
		}
	}
	for _, w := range t.words {
		total++
		if st.bm.contains(wordKey(w), d) {
			have++
		}
	}
	if total == 0 {
		return 0
	}
	return float64(have) / float64(total)
}

// judge: relevant when one of the top passages covers enough of the
// query's topic terms, or the vector leg is very confident.
func (r *relevance) judge(st *state, q string, top, vec []scored) bool {
	if len(vec) > 0 && vec[0].score >= minCosine {
		return true
	}
	terms := r.topic(q)
	if len(terms.runs) == 0 && len(terms.words) == 0 {
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
