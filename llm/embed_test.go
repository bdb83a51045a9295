package llm

import (
	"context"
	"fmt"
	"math"
	"testing"

	"bangyang/llm/openaitest"
)

func norm(v []float32) float64 {
	var s float64
	for _, x := range v {
		s += float64(x) * float64(x)
	}
	return math.Sqrt(s)
}

func texts(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("第%d段：社區書記走訪居民%d次", i, i*7)
	}
	return out
}

// wantVectors checks got[i] is the normalised fake embedding of in[i].
func wantVectors(t *testing.T, in []string, got [][]float32, dims int) {
	t.Helper()
	if len(got) != len(in) {
		t.Fatalf("%d vectors for %d texts", len(got), len(in))
	}
	for i, v := range got {
		raw := openaitest.FakeEmbedding(in[i], dims)
		n := norm(raw)
		if len(v) != dims {
			t.Fatalf("vector %d has %d dims", i, len(v))
		}
		if d := math.Abs(norm(v) - 1); d > 1e-5 {
			t.Errorf("vector %d norm %v", i, norm(v))
		}
		for j := range v {
			if math.Abs(float64(v[j])-float64(raw[j])/n) > 1e-6 {
				t.Fatalf("vector %d is not text %d's embedding (order lost?)", i, i)
			}
		}
	}
}

func TestEmbedBatchesAndOrder(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	c, _ := testClient(t, srv.URL, nil)
	in := texts(150)
	got, err := c.Embed(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	wantVectors(t, in, got, 32)
	reqs := srv.EmbedRequests()
	if len(reqs) != 3 || len(reqs[0].Input) != 64 || len(reqs[1].Input) != 64 || len(reqs[2].Input) != 22 {
		t.Fatalf("batches: %d requests", len(reqs))
	}
	if reqs[1].Input[0] != in[64] || reqs[0].Model != "embed-m" || reqs[0].Dimensions != 0 {
		t.Errorf("request %+v", reqs[1])
	}

	// A configured batch size, and data listed in reverse index order.
	srv2 := newServer(t)
	srv2.QueueEmbed(openaitest.Reply{Reverse: true}, openaitest.Reply{Reverse: true})
	c2, _ := testClient(t, srv2.URL, func(cfg *Config) { cfg.EmbedBatch = 5 })
	in = texts(7)
	got, err = c2.Embed(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	wantVectors(t, in, got, 32)
	if n := srv2.Count(openaitest.EmbedPath); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
}

func TestEmbedDimensions(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	c, _ := testClient(t, srv.URL, func(cfg *Config) { cfg.EmbedDims, cfg.EmbedDimsParam = 8, true })
	got, err := c.Embed(context.Background(), []string{"網格"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got[0]) != 8 || srv.EmbedRequests()[0].Dimensions != 8 {
		t.Errorf("dims %d, sent %d", len(got[0]), srv.EmbedRequests()[0].Dimensions)
	}
	if c.Name() != "openai:embed-m:8" {
		t.Errorf("Name %q", c.Name())
	}

	// Expected dims without the parameter: a server answering another size is a bad response.
	c2, _ := testClient(t, srv.URL, func(cfg *Config) { cfg.EmbedDims = 16 })
	_, err = c2.Embed(context.Background(), []string{"網格"})
	wantKind(t, err, ErrBadResponse)
	mustContain(t, err.Error(), "32 dimensions, want 16")

	// Auto dims: learnt from the first answer, enforced afterwards.
	c3, _ := testClient(t, srv.URL, nil)
	if c3.Name() != "openai:embed-m:auto" {
		t.Errorf("Name %q", c3.Name())
	}
	if _, err := c3.Embed(context.Background(), []string{"a"}); err != nil {
		t.Fatal(err)
	}
	srv.SetEmbedDims(12)
	_, err = c3.Embed(context.Background(), []string{"a"})
	wantKind(t, err, ErrBadResponse)
}

func TestEmbedBadResponses(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		reply openaitest.Reply
		msg   string
	}{
		"too few":        {openaitest.Reply{Vectors: [][]float32{{1, 0}}}, "1 vectors for 2 texts"},
		"too many":       {openaitest.Reply{Vectors: [][]float32{{1, 0}, {0, 1}, {1, 1}}}, "3 vectors for 2 texts"},
		"mixed dims":     {openaitest.Reply{Vectors: [][]float32{{1, 0}, {0, 1, 0}}}, "dimensions"},
		"zero vector":    {openaitest.Reply{Vectors: [][]float32{{1, 0}, {0, 0}}}, "zero vector"},
		"empty vector":   {openaitest.Reply{Vectors: [][]float32{{1, 0}, {}}}, "empty"},
		"NaN literal":    {openaitest.Reply{Body: `{"object":"list","data":[{"object":"embedding","index":0,"embedding":[NaN,1]},{"object":"embedding","index":1,"embedding":[1,1]}]}`}, "undecodable"},
		"overflow":       {openaitest.Reply{Body: `{"object":"list","data":[{"object":"embedding","index":0,"embedding":[1e39,1]},{"object":"embedding","index":1,"embedding":[1,1]}]}`}, "undecodable"},
		"repeated index": {openaitest.Reply{Body: `{"object":"list","data":[{"object":"embedding","index":0,"embedding":[1,0]},{"object":"embedding","index":0,"embedding":[0,1]}]}`}, "repeated"},
		"index range":    {openaitest.Reply{Body: `{"object":"list","data":[{"object":"embedding","index":0,"embedding":[1,0]},{"object":"embedding","index":2,"embedding":[0,1]}]}`}, "out of range"},
		"garbage":        {openaitest.Garbage("<html>oops</html>"), "undecodable"},
		"no data":        {openaitest.Reply{Body: `{"object":"list","model":"e"}`}, "0 vectors for 2 texts"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			srv := newServer(t)
			srv.QueueEmbed(tc.reply)
			c, _ := testClient(t, srv.URL, nil)
			got, err := c.Embed(context.Background(), []string{"一", "二"})
			wantKind(t, err, ErrBadResponse)
			mustContain(t, err.Error(), tc.msg)
			if got != nil {
				t.Errorf("vectors returned with an error")
			}
			if n := srv.Count(openaitest.EmbedPath); n != 1 {
				t.Errorf("%d requests: bad responses are not retried", n)
			}
		})
	}
}

func TestEmbedNormalises(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	srv.QueueEmbed(openaitest.Reply{Vectors: [][]float32{{3, 4}, {0, -0.001}}})
	c, _ := testClient(t, srv.URL, nil)
	got, err := c.Embed(context.Background(), []string{"a", "b"})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]float32{{0.6, 0.8}, {0, -1}}
	for i := range want {
		for j := range want[i] {
			if math.Abs(float64(got[i][j]-want[i][j])) > 1e-6 {
				t.Fatalf("got %v, want %v", got, want)
			}
		}
	}
}

func TestEmbedRetriesAndErrors(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	srv.QueueEmbed(openaitest.ErrorReply(503, "loading model"))
	c, _ := testClient(t, srv.URL, nil)
	in := texts(3)
	got, err := c.Embed(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	wantVectors(t, in, got, 32)
	if n := srv.Count(openaitest.EmbedPath); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}

	srv.QueueEmbed(openaitest.OllamaError(404, `model "bge-m3" not found, try pulling it first`))
	_, err = c.Embed(context.Background(), in)
	wantKind(t, err, ErrRejected)
	mustContain(t, err.Error(), `model "bge-m3" not found`)

	// A failing second batch names the batch.
	c2, _ := testClient(t, srv.URL, func(cfg *Config) { cfg.EmbedBatch = 2; cfg.MaxRetries = -1 })
	srv.QueueEmbed(openaitest.Reply{}, openaitest.ErrorReply(500, "boom"))
	_, err = c2.Embed(context.Background(), in)
	wantKind(t, err, ErrUnavailable)
	mustContain(t, err.Error(), "texts 2-2", "boom")

	// Hanging server: bounded by EmbedTimeout.
	c3, _ := testClient(t, srv.URL, func(cfg *Config) { cfg.EmbedTimeout = 300e6 })
	srv.QueueEmbed(openaitest.Reply{Hang: true}, openaitest.Reply{Hang: true})
	_, err = c3.Embed(context.Background(), in)
	e := wantKind(t, err, ErrUnavailable)
	mustContain(t, e.Message, "no embeddings within 300ms")

	// Caller mistakes are plain errors and send nothing.
	before := srv.Count(openaitest.EmbedPath)
	if _, err := c.Embed(context.Background(), []string{"ok", "  "}); err == nil {
		t.Error("blank text accepted")
	}
	if got, err := c.Embed(context.Background(), nil); err != nil || len(got) != 0 {
		t.Errorf("no texts: %v %v", got, err)
	}
	noModel, _ := testClient(t, srv.URL, func(cfg *Config) { cfg.EmbedModel = "" })
	if _, err := noModel.Embed(context.Background(), []string{"x"}); err == nil {
		t.Error("no embed model accepted")
	}
	if srv.Count(openaitest.EmbedPath) != before {
		t.Error("requests sent for invalid calls")
	}
}

// retrievalEmbedder is the interface package retrieval defines; Client must satisfy it.
type retrievalEmbedder interface {
	Embed(ctx context.Context, texts []string) ([][]float32, error)
	Name() string
}

var _ retrievalEmbedder = (*Client)(nil)
