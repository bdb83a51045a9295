package catalog

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"bangyang/corpus"
)

// scaledArticle is seed article 000 repeated n times, each copy's sentences
// made distinct (so that none is dropped as a repeat), chunked as the bot
// chunks it. With distinctNames, each copy's quoted names get a tag of
// their own (“四單甲乙”), so that the number of methods grows with the text
// as it does in a long real file.
func scaledArticle(t testing.TB, n int, distinctNames bool) []corpus.Chunk {
	t.Helper()
	arts, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	a := arts[0]
	var b strings.Builder
	for k := 0; k < n; k++ {
		text := strings.ReplaceAll(a.Text, "。", fmt.Sprintf("（%d）。", k))
		if distinctNames {
			text = strings.ReplaceAll(text, "”", copyTag(k)+"”")
		}
		b.WriteString(text)
		b.WriteString("\n")
	}
	a.Text = b.String()
	return corpus.ChunkArticle(a)
}

// copyTag spells k in two Han characters (甲甲, 甲乙 …).
func copyTag(k int) string {
	const stems = "甲乙丙丁戊己庚辛壬癸"
	rs := []rune(stems)
	return string(rs[(k/10)%10]) + string(rs[k%10])
}

// BenchmarkBuild builds the catalog of one article of 1, 4, 16 and 64 times
// a seed article's size: time per op should grow in proportion (linear),
// not with the square of the size.
func BenchmarkBuild(b *testing.B) {
	for _, n := range benchSizes() {
		chunks := scaledArticle(b, n, true)
		runes := 0
		for _, c := range chunks {
			runes += len([]rune(c.Text))
		}
		b.Run(fmt.Sprintf("x%d", n), func(b *testing.B) {
			b.ReportMetric(float64(runes), "runes")
			for b.Loop() {
				if _, err := Build(context.Background(), chunks); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestBuildCancelled(t *testing.T) {
	t.Parallel()
	chunks := scaledArticle(t, 16, true)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if c, err := Build(ctx, chunks); !errors.Is(err, context.Canceled) || c != nil {
		t.Fatalf("cancelled Build = %v, %v; want nil, context.Canceled", c, err)
	}
	// A deadline that passes during the build stops it too.
	ctx, cancel2 := context.WithDeadline(context.Background(), time.Now().Add(time.Millisecond))
	defer cancel2()
	big := scaledArticle(t, 64, true)
	if _, err := Build(ctx, big); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Build past its deadline: %v", err)
	}
}

// TestBuildRepeatedArticle checks the benchmark's input and the merging
// by key: 16 copies of an article give the same methods as one, each
// mentioned 16 times as often. (Linearity itself is shown by
// BenchmarkBuild's figures, not by a timed test.)
func TestBuildRepeatedArticle(t *testing.T) {
	t.Parallel()
	one := mustBuild(t, scaledArticle(t, 1, false))
	many := mustBuild(t, scaledArticle(t, 16, false))
	if len(one.Methods()) != len(many.Methods()) {
		t.Fatalf("1 copy: %d methods, 16 copies: %d", len(one.Methods()), len(many.Methods()))
	}
	for i, m := range one.Methods() {
		if got := many.Methods()[i].Mentions; got != 16*m.Mentions {
			t.Errorf("%s: %d mentions in 16 copies, want %d", m.Name, got, 16*m.Mentions)
		}
	}
}

// BenchmarkBuildLongSentence builds one pathological sentence (a naming
// repeated n times, no sentence end) as one chunk — what a Build caller
// other than the corpus chunker could pass. Per-sentence work is bounded,
// so time grows with the text, not with its square.
func BenchmarkBuildLongSentence(b *testing.B) {
	for _, n := range []int{100, 400, 1600} {
		text := strings.Repeat("她创办的科普大学推行“楼长议事会”制度、“四单”工作法:", n)
		chunks := []corpus.Chunk{{ID: "long-0", ArticleID: "long", Text: text, Norm: text, Meta: corpus.Meta{ID: "long"}}}
		b.Run(fmt.Sprintf("x%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := Build(context.Background(), chunks); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// benchSizes are BenchmarkBuild's multiples of a seed article; set
// BANGYANG_BENCH_BIG=1 to add 256x (about 2 MB of text).
func benchSizes() []int {
	if os.Getenv("BANGYANG_BENCH_BIG") != "" {
		return []int{1, 4, 16, 64, 256}
	}
	return []int{1, 4, 16, 64}
}
