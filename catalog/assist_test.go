package catalog

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"bangyang/corpus"
	"bangyang/llm"
	"bangyang/llm/openaitest"
	"bangyang/zh"
)

// assistArticle has no leader in its metadata, and a practice the patterns
// do not take for a method (no quotes, no method word).
const assistArticle = "走进杏林社区，居民们说起社区的变化都竖起大拇指。\n" +
	"赵春华是杏林社区党委书记，在社区工作了十二年，曾获评全国优秀党务工作者。\n" +
	"她组织成立了邻里帮扶小组，由退休党员和热心居民组成，每周上门看望独居老人。\n" +
	"两年来，邻里帮扶小组已帮扶老人60多位。"

func assistChunks() []corpus.Chunk {
	var out []corpus.Chunk
	for i, p := range strings.Split(assistArticle, "\n") {
		out = append(out, corpus.Chunk{ID: "as-" + string(rune('a'+i)), ArticleID: "as", Seq: i, Text: p, Norm: zh.ToSimplified(p), Meta: corpus.Meta{ID: "as"}})
	}
	return out
}

func assistClient(t *testing.T, srv *openaitest.Server) *llm.Client {
	t.Helper()
	c, err := llm.New(llm.Config{BaseURL: srv.URL, ChatModel: "m", Timeout: 10 * time.Second, MaxRetries: -1})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestBuildAssistedChecksEveryValue: the model's reading is accepted only
// where the text says it — the leader, the role and a method the patterns
// miss are taken; an invented method, steps not in the text, and an
// honour are dropped — and it is read once per article content.
func TestBuildAssistedChecksEveryValue(t *testing.T) {
	t.Parallel()
	srv := openaitest.New()
	defer srv.Close()
	srv.SetChatReply(`{"leader":"赵春华","role":"社区党委书记","place":"杏林社区",` +
		`"methods":[{"name":"邻里帮扶小组","steps":["上门看望独居老人"]},` +
		`{"name":"智慧养老平台","steps":[]},` +
		`{"name":"全国优秀党务工作者"},` +
		`{"name":"邻里帮扶小组2","steps":["每周上门看望独居老人","发放爱心卡"]}]}`)
	cache := &MemoryReadings{}
	as := Assist{Model: assistClient(t, srv), Cache: cache}

	plain := mustBuild(t, assistChunks())
	if len(plain.Methods()) != 0 || len(plain.Leaders()) != 0 {
		t.Fatalf("without the model: methods %v, leaders %v (the test article should defeat the heuristics)", plain.Methods(), plain.Leaders())
	}

	c, err := BuildAssisted(context.Background(), assistChunks(), as)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, m := range c.Methods() {
		names = append(names, m.Name)
	}
	if !slices.Equal(names, []string{"邻里帮扶小组"}) {
		t.Fatalf("methods %q, want only 邻里帮扶小组 (the rest is not in the text)", names)
	}
	m := c.Methods()[0]
	if m.Leader != "赵春华" || !slices.Equal(m.Steps, []string{"上门看望独居老人"}) || m.Definition == nil || len(m.ChunkIDs) == 0 {
		t.Errorf("邻里帮扶小组: %+v", m)
	}
	ls := c.Leaders()
	if len(ls) != 1 || ls[0].Name != "赵春华" || ls[0].Role != "社区党委书记" {
		t.Errorf("leaders %+v", ls)
	}

	// Same content: read from the cache, the model is not asked again.
	if n := len(srv.ChatRequests()); n != 1 {
		t.Fatalf("%d model requests after one build", n)
	}
	if _, err := BuildAssisted(context.Background(), assistChunks(), as); err != nil {
		t.Fatal(err)
	}
	if n := len(srv.ChatRequests()); n != 1 {
		t.Errorf("%d model requests after a second build of the same articles, want 1", n)
	}
	// Changed content is read anew.
	changed := assistChunks()
	changed[3].Text += "居民们很满意。"
	if _, err := BuildAssisted(context.Background(), changed, as); err != nil {
		t.Fatal(err)
	}
	if n := len(srv.ChatRequests()); n != 2 {
		t.Errorf("%d model requests after the article changed, want 2", n)
	}
	req := srv.ChatRequests()[0]
	if len(req.Messages) != 2 || !strings.Contains(req.Messages[1].Content, "邻里帮扶小组") {
		t.Errorf("the article was not sent: %+v", req.Messages)
	}
}

// TestBuildAssistedModelFailure: a failing or babbling model costs only its
// reading; the build goes on with the heuristics.
func TestBuildAssistedModelFailure(t *testing.T) {
	t.Parallel()
	srv := openaitest.New()
	defer srv.Close()
	srv.QueueChat(openaitest.ErrorReply(500, "boom"), openaitest.Reply{Text: "我不知道"})
	as := Assist{Model: assistClient(t, srv)}
	chunks := seedChunks(t)[:8]
	want, _ := marshalled(t, mustBuild(t, chunks))
	for i := 0; i < 2; i++ {
		c, err := BuildAssisted(context.Background(), chunks, as)
		if err != nil {
			t.Fatalf("build %d: %v", i, err)
		}
		if got, _ := marshalled(t, c); got != want {
			t.Errorf("build %d with a failing model differs from the heuristic build", i)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := BuildAssisted(ctx, chunks, as); err == nil {
		t.Error("cancelled assisted build succeeded")
	}
}

func marshalled(t *testing.T, c *Catalog) (string, error) {
	t.Helper()
	b, err := c.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	return string(b), nil
}
