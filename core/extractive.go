package core

import (
	"strings"
	"unicode"

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
