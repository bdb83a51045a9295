package retrieval

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"bangyang/corpus"
	"bangyang/zh"
)

func openUpdated(t *testing.T, dir string, emb Embedder, chunks []corpus.Chunk) *Index {
	t.Helper()
	idx, err := Open(context.Background(), dir, emb)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := idx.Update(context.Background(), chunks); err != nil {
		t.Fatal(err)
	}
	return idx
}

func topHit(t *testing.T, idx *Index, q string, opt SearchOptions) *SearchResult {
	t.Helper()
	res, err := idx.Search(context.Background(), q, opt)
	if err != nil {
		t.Fatalf("Search(%q): %v", q, err)
	}
	if len(res.Hits) == 0 {
		t.Fatalf("Search(%q): no hits", q)
	}
	return res
}

func TestBothScriptsFindSamePassage(t *testing.T) {
	t.Parallel()
	idx := openUpdated(t, "", NewLocalEmbedder(), seedChunks(t))
	for _, pair := range [][2]string{
		{"四单工作法", "四單工作法"},
		{"仁和家访", "仁和家訪"},
		{"畅大妈调解室", "暢大媽調解室"},
		{"怎么把失联的党员找回来", "怎麼把失聯的黨員找回來"},
	} {
		for _, leg := range []Leg{LegKeyword, LegVector, LegHybrid} {
			s := topHit(t, idx, pair[0], SearchOptions{K: 3, Leg: leg})
			tr := topHit(t, idx, pair[1], SearchOptions{K: 3, Leg: leg})
			if s.Hits[0].Chunk.ID != tr.Hits[0].Chunk.ID {
				t.Errorf("%s: %q → %s, %q → %s", leg, pair[0], s.Hits[0].Chunk.ID, pair[1], tr.Hits[0].Chunk.ID)
			}
		}
	}
}

func TestExactAndParaphrase(t *testing.T) {
	t.Parallel()
	idx := openUpdated(t, "", NewLocalEmbedder(), seedChunks(t))
	for _, tc := range []struct{ q, want string }{
		{"四单工作法", "民众点单"},
		{"三活四清五到家", "活户籍"},
		{"党建集结号", "党建集结号"},
		{"怎么把失联的党员找回来", "党员全部找回"},
		{"夜市占道怎么办", "夜市"},
		{"吴中兰社区的网格长由谁兼任", "格线长"}, // 网格 ↔ 格線 through the variant map
	} {
		res := topHit(t, idx, tc.q, SearchOptions{K: 3})
		found := false
		for _, h := range res.Hits {
			if strings.Contains(zh.ToSimplified(h.Chunk.Norm), tc.want) {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: no top-3 hit contains %q; first: %.60s", tc.q, tc.want, res.Hits[0].Chunk.Norm)
		}
		if !res.Relevant {
			t.Errorf("%q judged not relevant", tc.q)
		}
	}
}

func TestRelevance(t *testing.T) {
	t.Parallel()
	idx := openUpdated(t, "", NewLocalEmbedder(), seedChunks(t))
	for _, q := range []string{"四单工作法", "怎么把失联的党员找回来", "社區怎麼解決停車難", "仁和家访"} {
		if res := topHit(t, idx, q, SearchOptions{}); !res.Relevant {
			t.Errorf("%q: Relevant=false, want true", q)
		}
	}
	for _, q := range []string{"今天天气怎么样", "红烧肉怎么做", "How do I install Python?", "世界杯冠军是谁", "股票怎么买", "明天会下雨吗", "北京到上海的高铁票", "推荐一部电影"} {
		res, err := idx.Search(context.Background(), q, SearchOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Relevant {
			t.Errorf("%q: Relevant=true, want false (top: %.40s)", q, res.Hits[0].Chunk.Norm)
		}
	}
}

func TestEmptyQuery(t *testing.T) {
	t.Parallel()
	idx := openUpdated(t, "", NewLocalEmbedder(), seedChunks(t))
	for _, q := range []string{"", "   ", "？！。，", "?!...", "“”《》", "\n\t"} {
		_, err := idx.Search(context.Background(), q, SearchOptions{})
		if !errors.Is(err, ErrEmptyQuery) {
			t.Errorf("Search(%q) error = %v, want ErrEmptyQuery", q, err)
		}
	}
}

func TestKLargerThanCollection(t *testing.T) {
	t.Parallel()
	chunks := seedChunks(t)[:3]
	idx := openUpdated(t, "", NewLocalEmbedder(), chunks)
	for _, leg := range []Leg{LegKeyword, LegVector, LegHybrid} {
		res, err := idx.Search(context.Background(), "社区", SearchOptions{K: 100, Leg: leg})
		if err != nil {
			t.Fatalf("%s: %v", leg, err)
		}
		if len(res.Hits) == 0 || len(res.Hits) > 3 {
			t.Errorf("%s: %d hits for K=100 over 3 chunks", leg, len(res.Hits))
		}
	}
	// An empty index answers with no hits rather than an error.
	empty, _ := Open(context.Background(), "", NewLocalEmbedder())
	res, err := empty.Search(context.Background(), "社区", SearchOptions{K: 5})
	if err != nil || len(res.Hits) != 0 || res.Relevant {
		t.Errorf("empty index: %+v, %v", res, err)
	}
}

func TestFilterByLeaderAndArticle(t *testing.T) {
	t.Parallel()
	chunks := seedChunks(t)
	idx := openUpdated(t, "", NewLocalEmbedder(), chunks)
	for _, leg := range []Leg{LegKeyword, LegVector, LegHybrid} {
		// 张影 written in Traditional; the metadata says 張影 too, but the
		// filter must not depend on the script either side uses.
		res, err := idx.Search(context.Background(), "社区党员服务群众", SearchOptions{K: 10, Leader: "张影", Leg: leg})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) == 0 {
			t.Fatalf("%s: no hits with leader filter", leg)
		}
		for _, h := range res.Hits {
			if zh.ToSimplified(h.Chunk.Meta.Leader) != "张影" {
				t.Errorf("%s: hit from leader %q", leg, h.Chunk.Meta.Leader)
			}
		}
		art := chunks[0].ArticleID
		res, err = idx.Search(context.Background(), "社区", SearchOptions{K: 10, ArticleID: art, Leg: leg})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			if h.Chunk.ArticleID != art {
				t.Errorf("%s: hit from article %q, want %q", leg, h.Chunk.ArticleID, art)
			}
		}
	}
}

func TestIncrementalEmbedsOnlyNewChunks(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	chunks := seedChunks(t)
	emb := newCounting()
	idx, err := Open(ctx, dir, emb)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := idx.Update(ctx, chunks)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != len(chunks) || rep.Embedded != len(chunks) || !rep.Written {
		t.Fatalf("first update: %+v", rep)
	}
	if want := (len(chunks) + embedBatch - 1) / embedBatch; rep.Calls != want {
		t.Errorf("first update made %d embed calls, want %d (batches of %d)", rep.Calls, want, embedBatch)
	}

	// Same chunks, same process: nothing embedded, nothing written.
	before := emb.calls.Load()
	rep, err = idx.Update(ctx, chunks)
	if err != nil {
		t.Fatal(err)
	}
	if emb.calls.Load() != before || rep.Embedded != 0 || rep.Written || rep.Unchanged != len(chunks) {
		t.Errorf("no-op update: %+v, calls %d→%d", rep, before, emb.calls.Load())
	}

	// Reopen from disk: still zero embedding calls for unchanged chunks.
	emb2 := newCounting()
	idx2, err := Open(ctx, dir, emb2)
	if err != nil {
		t.Fatal(err)
	}
	if idx2.Len() != len(chunks) {
		t.Fatalf("reopened index has %d chunks, want %d", idx2.Len(), len(chunks))
	}
	rep, err = idx2.Update(ctx, chunks)
	if err != nil || emb2.text.Load() != 0 || rep.Embedded != 0 {
		t.Errorf("reopened no-op update: %+v, %v, embedded %d texts", rep, err, emb2.text.Load())
	}

	// Remove two chunks, change one, add one: exactly two texts embedded.
	next := slices.Clone(chunks[2:])
	changed := next[0]
	changed.Text += "新增一句关于社区食堂的话。"
	changed.Norm = zh.ToSimplified(changed.Text)
	changed.ID = "changed-" + changed.ID
	next[0] = changed
	added := corpus.Chunk{ID: "added-1", ArticleID: "new", Text: "社区食堂为老人提供午餐。", Norm: "社区食堂为老人提供午餐。", Meta: corpus.Meta{Leader: "某某"}}
	next = append(next, added)
	rep, err = idx2.Update(ctx, next)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Embedded != 2 || rep.Added != 2 || rep.Removed != 3 || rep.Unchanged != len(chunks)-3 || rep.Calls != 1 {
		t.Errorf("incremental update: %+v", rep)
	}
	if _, ok := idx2.snapshot().byID[chunks[0].ID]; ok {
		t.Error("removed chunk still indexed")
	}
	res := topHit(t, idx2, "社区食堂", SearchOptions{K: 1, Leg: LegKeyword})
	if res.Hits[0].Chunk.ID != "added-1" && res.Hits[0].Chunk.ID != changed.ID {
		t.Errorf("new chunk not found: %s", res.Hits[0].Chunk.ID)
	}

	// A metadata-only change re-embeds nothing but is stored.
	next[1].Meta.Place = "某地"
	rep, err = idx2.Update(ctx, next)
	if err != nil || rep.Embedded != 0 || !rep.Written {
		t.Errorf("meta-only update: %+v, %v", rep, err)
	}

	// A different embedder name forces a full rebuild.
	emb3 := newCounting()
	emb3.name = "other-model/d64"
	idx3, err := Open(ctx, dir, emb3)
	if err != nil {
		t.Fatal(err)
	}
	rep, err = idx3.Update(ctx, next)
	if err != nil || !rep.Rebuilt || rep.Embedded != len(next) {
		t.Errorf("rebuild after embedder change: %+v, %v", rep, err)
	}
}

func TestFailingEmbedderLeavesIndexIntact(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	chunks := seedChunks(t)
	base := NewLocalEmbedderDims(64)
	for _, mode := range []string{"error", "slow", "nan", "dims", "count", "zero"} {
		t.Run(mode, func(t *testing.T) {
			dir := t.TempDir()
			good := openUpdated(t, dir, base, chunks[:40])
			fileBefore, err := os.ReadFile(filepath.Join(dir, indexFile))
			if err != nil {
				t.Fatal(err)
			}
			bad := &flakyEmbedder{inner: base, failAt: 1, mode: mode}
			idx, err := Open(ctx, dir, bad)
			if err != nil {
				t.Fatal(err)
			}
			uctx, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
			defer cancel()
			// All of the new chunks need embedding, so the first call fails.
			_, err = idx.Update(uctx, chunks)
			if err == nil {
				t.Fatal("update with a failing embedder succeeded")
			}
			switch mode {
			case "error":
				if !errors.Is(err, errServerDown) {
					t.Errorf("error does not wrap the cause: %v", err)
				}
			case "slow":
				if !errors.Is(err, context.DeadlineExceeded) {
					t.Errorf("error does not wrap the deadline: %v", err)
				}
			default:
				if !errors.Is(err, ErrBadEmbedding) {
					t.Errorf("garbage vectors not reported as ErrBadEmbedding: %v", err)
				}
			}
			if idx.Len() != 40 {
				t.Errorf("in-memory index has %d chunks after failed update, want 40", idx.Len())
			}
			fileAfter, _ := os.ReadFile(filepath.Join(dir, indexFile))
			if string(fileAfter) != string(fileBefore) {
				t.Error("index file changed by a failed update")
			}
			if _, err := idx.Search(ctx, "社区", SearchOptions{Leg: LegKeyword}); err != nil {
				t.Errorf("search after failed update: %v", err)
			}
			_ = good
		})
	}
}

func TestVectorLegFailureFallsBackToKeyword(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	base := NewLocalEmbedderDims(64)
	chunks := seedChunks(t)
	dir := t.TempDir()
	openUpdated(t, dir, base, chunks)
	bad := &flakyEmbedder{inner: base, failAt: 1, mode: "error"}
	idx, err := Open(ctx, dir, bad)
	if err != nil {
		t.Fatal(err)
	}
	res, err := idx.Search(ctx, "四单工作法", SearchOptions{})
	if err != nil || len(res.Hits) == 0 || res.Hits[0].VectorRank != 0 {
		t.Fatalf("hybrid with broken embedder: %+v, %v", res, err)
	}
	if _, err := idx.Search(ctx, "四单工作法", SearchOptions{Leg: LegVector}); !errors.Is(err, errServerDown) {
		t.Errorf("vector leg error = %v, want the embedder's", err)
	}
}

func TestCorruptFileIsReported(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	openUpdated(t, dir, NewLocalEmbedderDims(32), seedChunks(t)[:10])
	path := filepath.Join(dir, indexFile)
	b, _ := os.ReadFile(path)
	b[len(b)/2] ^= 0xFF
	os.WriteFile(path, b, 0o644)
	if _, err := Open(context.Background(), dir, NewLocalEmbedderDims(32)); !errors.Is(err, ErrCorruptIndex) {
		t.Errorf("Open of corrupt file: %v, want ErrCorruptIndex", err)
	}
	os.WriteFile(path, b[:len(b)/3], 0o644)
	if _, err := Open(context.Background(), dir, NewLocalEmbedderDims(32)); !errors.Is(err, ErrCorruptIndex) {
		t.Errorf("Open of truncated file: %v, want ErrCorruptIndex", err)
	}
}

func TestInjectedWriteFailureKeepsPreviousIndex(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	chunks := seedChunks(t)
	for _, stage := range []string{"records", "before-rename"} {
		dir := t.TempDir()
		emb := NewLocalEmbedderDims(32)
		idx := openUpdated(t, dir, emb, chunks[:20])
		idx.hook = func(s string) error {
			if s == stage {
				return fmt.Errorf("injected failure at %s", s)
			}
			return nil
		}
		if _, err := idx.Update(ctx, chunks); err == nil {
			t.Fatalf("%s: update succeeded despite injected failure", stage)
		}
		if idx.Len() != 20 {
			t.Errorf("%s: memory index has %d chunks, want 20", stage, idx.Len())
		}
		re, err := Open(ctx, dir, emb)
		if err != nil || re.Len() != 20 {
			t.Errorf("%s: reopened: %v, %d chunks", stage, err, re.Len())
		}
		// The index and its keyword postings (bm25.bin), no temp file.
		ents, _ := os.ReadDir(dir)
		if len(ents) != 2 || ents[0].Name() != bm25File || ents[1].Name() != indexFile {
			t.Errorf("%s: leftover files: %v", stage, ents)
		}
	}
}

func TestChunkFieldsCovered(t *testing.T) {
	t.Parallel()
	// The file format encodes Chunk's fields by hand (Meta goes through
	// JSON). A new Chunk field must be added to persist.go and equalChunk.
	want := []string{"ID", "ArticleID", "Seq", "Text", "Norm", "Meta"}
	got := reflectFields(corpus.Chunk{})
	if !slices.Equal(got, want) {
		t.Fatalf("corpus.Chunk fields %v; persist.go encodes %v — update the format", got, want)
	}
	wantMeta := []string{"ID", "Title", "Leader", "Aliases", "Place", "Role", "Honours", "Methods", "Others", "Secretaries", "Author", "Source", "Date", "URL", "Script"}
	if got := reflectFields(corpus.Meta{}); !slices.Equal(got, wantMeta) {
		t.Fatalf("corpus.Meta fields %v; equalMeta compares %v — update it", got, wantMeta)
	}
}

func TestPersistRoundTrip(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	chunks := seedChunks(t)
	chunks[0].Meta.Aliases = []string{"小吴书记"}
	emb := NewLocalEmbedderDims(48)
	a := openUpdated(t, dir, emb, chunks)
	b, err := Open(ctx, dir, emb)
	if err != nil {
		t.Fatal(err)
	}
	sa, sb := a.snapshot(), b.snapshot()
	if len(sa.chunks) != len(sb.chunks) {
		t.Fatalf("reloaded %d chunks, want %d", len(sb.chunks), len(sa.chunks))
	}
	for i := range sa.chunks {
		if !equalChunk(sa.chunks[i], sb.chunks[i]) || !slices.Equal(sa.vecs[i], sb.vecs[i]) || sa.keys[i] != sb.keys[i] {
			t.Fatalf("chunk %d differs after reload", i)
		}
	}
	ra := topHit(t, a, "仁和家访", SearchOptions{})
	rb := topHit(t, b, "仁和家访", SearchOptions{})
	if ra.Hits[0].Chunk.ID != rb.Hits[0].Chunk.ID || ra.Hits[0].Score != rb.Hits[0].Score {
		t.Error("search differs after reload")
	}
}
