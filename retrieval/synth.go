package retrieval

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"

	"bangyang/corpus"
	"bangyang/zh"
)

// sentenceRE is the splitter from FIELD-NOTES §1: never splits on '.'
// (95.3%, 1.8万) and keeps a closing quote with its sentence.
var sentenceRE = regexp.MustCompile(`[^。！？!?；;\n]+(?:[。！？!?；;]+|$)[”’」』）)]*`)

// SyntheticChunks builds n chunks for benchmarks and scale tests by
// recombining the sentences of base (3–6 per chunk, deterministic for a
// seed). Every 20 chunks share an article and one base article's metadata,
// so filters and metadata behave like a real corpus.
func SyntheticChunks(base []corpus.Chunk, n int, seed uint64) []corpus.Chunk {
	type sent struct {
		s    string
		meta corpus.Meta
	}
	var sents []sent
	for _, c := range base {
		for _, s := range sentenceRE.FindAllString(c.Text, -1) {
			if s = strings.TrimSpace(s); len([]rune(s)) >= 4 {
				sents = append(sents, sent{s, c.Meta})
			}
		}
	}
	if len(sents) == 0 { // no base: numbered filler, still varied enough to keep ids distinct
		for i := range 500 {
			sents = append(sents, sent{s: fmt.Sprintf("社区第%d项工作服务群众。", i), meta: corpus.Meta{ID: "synthetic", Leader: "佚名"}})
		}
	}
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	out := make([]corpus.Chunk, 0, n)
	var meta corpus.Meta
	for i := range n {
		art := fmt.Sprintf("syn-%06d", i/20)
		if i%20 == 0 {
			meta = sents[r.IntN(len(sents))].meta
			meta.ID = art
		}
		var b strings.Builder
		for range 3 + r.IntN(4) {
			b.WriteString(sents[r.IntN(len(sents))].s)
		}
		text := b.String()
		h := sha256.Sum256([]byte(art + "\x00" + text))
		out = append(out, corpus.Chunk{
			ID: hex.EncodeToString(h[:12]), ArticleID: art, Seq: i % 20,
			Text: text, Norm: zh.ToSimplified(text), Meta: meta,
		})
	}
	return out
}
