package core

import (
	"context"
	"strings"
	"sync"
	"testing"

	"bangyang/corpus"
	"bangyang/retrieval"
	"bangyang/zh"
)

// offline builds a Service over the real default corpus with the built-in
// embedder, in memory: what `go run ./cmd/bangyang` does with no settings.
var (
	offlineOnce sync.Once
	offlineIx   *retrieval.Index
	offlineArts []corpus.Article
	offlineErr  error
)

func offlineIndex(t testing.TB) (*retrieval.Index, []corpus.Article) {
	t.Helper()
	offlineOnce.Do(func() {
		ctx := context.Background()
		offlineArts, offlineErr = corpus.Default()
		if offlineErr != nil {
			return
		}
		offlineIx, offlineErr = retrieval.Open(ctx, "", retrieval.NewLocalEmbedder())
		if offlineErr != nil {
			return
		}
		_, offlineErr = offlineIx.Update(ctx, corpus.ChunkAll(offlineArts))
	})
	if offlineErr != nil {
		t.Fatal(offlineErr)
	}
	return offlineIx, offlineArts
}

func newOffline(t testing.TB, model ChatModel) *Service {
	t.Helper()
	ix, arts := offlineIndex(t)
	metas := make([]corpus.Meta, len(arts))
	for i, a := range arts {
		metas[i] = a.Meta
	}
	chunks := ix.Chunks()
	trainingCatalogOnce.Do(func() { trainingCatalog = buildCatalog(t, chunks) }) // read-only: shared
	s, err := New(Options{Search: ix, Model: model, Articles: metas, Chunks: chunks, Catalog: trainingCatalog})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestOfflineFourStepsInBothScripts(t *testing.T) {
	t.Parallel()
	s := newOffline(t, nil)
	ctx := context.Background()
	cases := []struct {
		q      string
		script zh.Script
		steps  []string
	}{
		{"什么是四单工作法？", "hans", []string{"民众点单", "社区开单", "共同接单", "民主议单"}},
		{"四單工作法包括哪些內容？", "hant", []string{"民眾點單", "社區開單", "共同接單", "民主議單"}},
	}
	for _, c := range cases {
		ans, err := s.Ask(ctx, "t-"+c.q, c.q)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s →\n%s", c.q, ans.Text)
		if !ans.Grounded || ans.Mode != ModeExtractive || ans.Script != c.script {
			t.Errorf("%s: grounded=%v mode=%s script=%s", c.q, ans.Grounded, ans.Mode, ans.Script)
		}
		for _, st := range c.steps {
			if !strings.Contains(ans.Text, st) {
				t.Errorf("%s: answer lacks %q in the asker's script", c.q, st)
			}
		}
		if got := zh.DetectScript(ans.Text); got != c.script {
			t.Errorf("%s: answer script %q, want %q", c.q, got, c.script)
		}
		// The step sentence is cited to 吴中兰's article.
		cited := false
		for _, ci := range ans.Citations {
			if zh.ToSimplified(ci.Chunk.Meta.Leader) == "吴中兰" && strings.Contains(ci.Chunk.Norm, "共同接单") {
				cited = true
			}
		}
		if !cited {
			t.Errorf("%s: steps not cited to 吴中兰's article: %+v", c.q, ans.Citations)
		}
		checkMarkers(t, ans)
	}
}

// checkMarkers asserts [n] markers and citations map 1:1.
func checkMarkers(t *testing.T, ans *Answer) {
	t.Helper()
	_, used := renumber(ans.Text, len(ans.Citations))
	if len(used) != len(ans.Citations) {
		t.Errorf("markers use %d passages, %d citations listed:\n%s", len(used), len(ans.Citations), ans.Text)
	}
	for i, c := range ans.Citations {
		if c.N != i+1 {
			t.Errorf("citation %d numbered %d", i, c.N)
		}
	}
}

func TestOfflineAbstainsOffTopic(t *testing.T) {
	t.Parallel()
	s := newOffline(t, nil)
	for _, q := range []string{"今天天气怎么样", "今天天氣怎麼樣？", "比特币价格多少"} {
		ans, err := s.Ask(context.Background(), "x", q)
		if err != nil {
			t.Fatal(err)
		}
		if ans.Grounded || len(ans.Citations) != 0 {
			t.Errorf("%s: want abstention, got %+v", q, ans)
		}
		if !strings.Contains(zh.ToSimplified(ans.Text), "没有找到") || !strings.Contains(zh.ToSimplified(ans.Text), "吴中兰") {
			t.Errorf("%s: abstention should say so and list coverage: %s", q, ans.Text)
		}
	}
}

func TestEmptyQuestion(t *testing.T) {
	t.Parallel()
	s := newOffline(t, nil)
	for _, q := range []string{"", "   ", "？？！", "..."} {
		if _, err := s.Ask(context.Background(), "x", q); err != ErrEmptyQuestion {
			t.Errorf("%q: want ErrEmptyQuestion, got %v", q, err)
		}
	}
}

func TestFollowUpStaysWithTheLeader(t *testing.T) {
	t.Parallel()
	s := newOffline(t, nil)
	ctx := context.Background()
	first, err := s.Ask(ctx, "f", "郭佳是谁？")
	if err != nil {
		t.Fatal(err)
	}
	if dominantLeader(first.Citations) != "郭佳" {
		t.Fatalf("first answer not about 郭佳: %+v", first.Citations)
	}
	ans, err := s.Ask(ctx, "f", "她获得过哪些荣誉？")
	if err != nil {
		t.Fatal(err)
	}
	if !ans.Grounded || dominantLeader(ans.Citations) != "郭佳" {
		t.Errorf("follow-up lost the leader: %s %+v", ans.Text, ans.Citations)
	}
	// Without the conversation the same question is not about 郭佳 in
	// particular: the history is what carried it.
	cold, err := s.Ask(ctx, "other", "她获得过哪些荣誉？")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cold.Citations {
		if c.Chunk.Meta.Leader != "郭佳" {
			goto ok
		}
	}
	t.Errorf("cold question cites only 郭佳; the follow-up test proves nothing")
ok:
	if err := s.Reset(ctx, "f"); err != nil {
		t.Fatal(err)
	}
	if cs, _ := s.LastSources(ctx, "f"); len(cs) != 0 {
		t.Errorf("reset kept sources")
	}
}

func TestLastSources(t *testing.T) {
	t.Parallel()
	s := newOffline(t, nil)
	ctx := context.Background()
	ans, err := s.Ask(ctx, "src", "党建集结号是什么")
	if err != nil {
		t.Fatal(err)
	}
	cs, err := s.LastSources(ctx, "src")
	if err != nil || len(cs) != len(ans.Citations) || len(cs) == 0 {
		t.Fatalf("sources %v %v (answer cites %d)", cs, err, len(ans.Citations))
	}
}

// BenchmarkAskOffline measures one extractive answer over the default
// corpus with the index in memory: retrieval, sentence choice, citations.
func BenchmarkAskOffline(b *testing.B) {
	s := newOffline(b, nil)
	ctx := context.Background()
	qs := []string{"什么是四单工作法？", "怎么把失联的党员找回来", "四單工作法包括哪些內容？", "今天天气怎么样"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Ask(ctx, "bench", qs[i%len(qs)]); err != nil {
			b.Fatal(err)
		}
	}
}

// TestConcurrentQuestionsAllRemembered: two questions of one chat answered
// at once both land in the conversation (each answer is a load-modify-save
// of the history).
func TestConcurrentQuestionsAllRemembered(t *testing.T) {
	t.Parallel()
	s := newOffline(t, nil)
	ctx := context.Background()
	qs := []string{"什么是四单工作法？", "党建集结号是什么", "三活四清五到家是什么意思", "怎么把失联的党员找回来", "畅大妈调解室是怎么来的", "夜市占道怎么办"}
	var wg sync.WaitGroup
	for _, q := range qs {
		wg.Go(func() {
			if _, err := s.Ask(ctx, "busy", q); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	conv, err := s.o.Memory.Load(ctx, "busy")
	if err != nil {
		t.Fatal(err)
	}
	if len(conv.Turns) != len(qs) {
		t.Fatalf("remembered %d turns of %d", len(conv.Turns), len(qs))
	}
}
