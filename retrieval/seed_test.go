package retrieval

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"bangyang/corpus"
	"bangyang/zh"
)

// seedChunks is a stand-in until corpus.ChunkAll lands: the seed articles,
// pinyin stripped, paragraphs merged up to ~250 characters.
func seedChunks(t testing.TB) []corpus.Chunk {
	t.Helper()
	dir := "/work/shared/seed-articles"
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skip("no seed articles")
	}
	pinyin := regexp.MustCompile(`\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)`)
	leaders := []string{"吳中蘭", "張影", "郭佳", "李亚玲", "邵敏"}
	var out []corpus.Chunk
	for ai, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := pinyin.ReplaceAllString(string(b), "")
		id := strings.TrimSuffix(filepath.Base(f), ".txt")
		meta := corpus.Meta{ID: id, Leader: leaders[ai]}
		var cur []string
		curLen := 0
		seq := 0
		flush := func() {
			if curLen == 0 {
				return
			}
			txt := strings.Join(cur, "\n")
			h := sha256.Sum256([]byte(id + txt))
			out = append(out, corpus.Chunk{ID: hex.EncodeToString(h[:8]), ArticleID: id, Seq: seq, Text: txt, Norm: zh.ToSimplified(txt), Meta: meta})
			seq++
			cur, curLen = nil, 0
		}
		for p := range strings.SplitSeq(text, "\n") {
			p = strings.TrimSpace(p)
			n := len([]rune(p))
			if n < 8 {
				continue
			}
			if curLen+n > 250 {
				flush()
			}
			cur = append(cur, p)
			curLen += n
		}
		flush()
	}
	return out
}
