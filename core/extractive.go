package core

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"bangyang/corpus"
	"bangyang/zh"
)

// splitSentences is the corpus' splitter, so quotes match chunking.
func splitSentences(s string) []string { return corpus.Sentences(s) }

// questionWords carry no topic: they should not make a sentence look
// relevant. Kept in Simplified; queries are normalised before use.
var questionWords = []string{
	"什么", "怎么", "怎样", "如何", "哪些", "哪里", "哪个", "为什么", "是谁", "谁", "多少",
	"请问", "介绍", "一下", "告诉", "我们", "有没有", "是不是", "能否", "可以", "的", "了", "吗", "呢", "是",
}

// terms returns the query's topical Han bigrams and single Han chars, and
// Latin/digit words, all from Simplified text.
func terms(norm string) (bigrams, unigrams map[string]bool) {
	for _, w := range questionWords {
		norm = strings.ReplaceAll(norm, w, " ")
	}
	bigrams, unigrams = map[string]bool{}, map[string]bool{}
	var prev rune
	var word []rune
	flush := func() {
		if len(word) > 0 {
			unigrams[strings.ToLower(string(word))] = true
			word = word[:0]
		}
	}
	for _, r := range norm {
		switch {
		case zh.IsHan(r):
			flush()
			unigrams[string(r)] = true
			if prev != 0 {
				bigrams[string([]rune{prev, r})] = true
			}
			prev = r
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			prev = 0
			word = append(word, r)
		case r == '“' || r == '”' || r == '"' || r == '「' || r == '」':
			// Quotes inside a name (“四单”工作法) must not break bigrams.
		default:
			prev = 0
			flush()
		}
	}
	flush()
	return bigrams, unigrams
}

// enumerationHint reports a question asking for a list or a definition,
// where a sentence enumerating items (、) is the best answer.
func enumerationHint(norm string) bool {
	for _, w := range []string{"哪些", "包括", "内容", "步骤", "什么是", "是什么", "做法", "方法", "怎么做", "如何"} {
		if strings.Contains(norm, w) {
			return true
		}
	}
	return false
}

type scoredSentence struct {
	passage int // 0-based index in the passages given
	pos     int // position in the passage
	text    string
	score   float64
}

// extractSentences picks the sentences of the passages that best answer
// the question: weighted overlap of topical bigrams and characters, a
// bonus for enumerations when the question asks for a list, and a small
// prior for higher-ranked passages. At most maxSentences sentences and
// about maxRunes characters are returned, in reading order.
func extractSentences(questionNorm string, passages []string, maxSentences, maxRunes int) []scoredSentence {
	bi, uni := terms(questionNorm)
	wantList := enumerationHint(questionNorm)
	type cand struct {
		scoredSentence
		bi, uni map[string]bool
	}
	var cands []cand
	df := map[string]int{}
	for pi, p := range passages {
		for si, s := range splitSentences(p) {
			sb, su := terms(zh.ToSimplified(s))
			cands = append(cands, cand{scoredSentence{passage: pi, pos: si, text: s}, sb, su})
			for b := range bi {
				if sb[b] {
					df[b]++
				}
			}
		}
	}
	// A query bigram found in few candidate sentences (四单) tells more
	// than one found everywhere (工作): weight by inverse frequency.
	weight := func(b string) float64 {
		return math.Log(1 + float64(len(cands)+1)/float64(df[b]+1))
	}
	var all []scoredSentence
	for _, c := range cands {
		var score float64
		for b := range bi {
			if c.bi[b] {
				score += weight(b)
			}
		}
		for u := range uni {
			if c.uni[u] {
				score += 0.2
			}
		}
		if score == 0 {
			continue
		}
		if wantList && strings.Count(c.text, "、") >= 2 {
			score *= 1.5
		}
		// Very short fragments (headings, "她说：") say little.
		if utf8.RuneCountInString(c.text) < 12 {
			score *= 0.5
		}
		score *= 1 - 0.08*float64(c.passage)
		c.score = score
		all = append(all, c.scoredSentence)
	}
	if len(all) == 0 {
		return nil
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].score > all[j].score })
	best := all[0].score
	var picked []scoredSentence
	runes := 0
	perPassage := map[int]int{}
	for _, s := range all {
		if len(picked) >= maxSentences || s.score < best*0.5 {
			break
		}
		n := utf8.RuneCountInString(s.text)
		if len(picked) > 0 && runes+n > maxRunes {
			continue
		}
		if perPassage[s.passage] >= 2 {
			continue
		}
		perPassage[s.passage]++
		runes += n
		picked = append(picked, s)
	}
	sort.SliceStable(picked, func(i, j int) bool {
		if picked[i].passage != picked[j].passage {
			return picked[i].passage < picked[j].passage
		}
		return picked[i].pos < picked[j].pos
	})
	return picked
}
