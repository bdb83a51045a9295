package term

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"bangyang/catalog"
	"bangyang/core"
	"bangyang/corpus"
	"bangyang/retrieval"
)

var (
	realOnce   sync.Once
	realIx     *retrieval.Index
	realArts   []corpus.Article
	realCat    *catalog.Catalog
	realErr    error
	realChunks []corpus.Chunk
)

// realCore is the real core over the embedded default corpus, offline
// (local embedder, in memory), as `bangyang chat` runs with no settings.
func realCore(t testing.TB) *core.Service {
	t.Helper()
	realOnce.Do(func() {
		ctx := context.Background()
		if realArts, realErr = corpus.Default(); realErr != nil {
			return
		}
		if realIx, realErr = retrieval.Open(ctx, "", retrieval.NewLocalEmbedder()); realErr != nil {
			return
		}
		if _, realErr = realIx.Update(ctx, corpus.ChunkAll(realArts)); realErr != nil {
			return
		}
		realChunks = realIx.Chunks()
		realCat, realErr = catalog.Build(ctx, realChunks)
	})
	if realErr != nil {
		t.Fatal(realErr)
	}
	metas := make([]corpus.Meta, len(realArts))
	for i, a := range realArts {
		metas[i] = a.Meta
	}
	s, err := core.New(core.Options{Search: realIx, Articles: metas, Chunks: realChunks, Catalog: realCat})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// chat runs a terminal chat over the real core on the given input lines
// and returns what it printed after each line (the text between prompts).
func chat(t *testing.T, o Options, lines ...string) []string {
	t.Helper()
	svc := realCore(t)
	if o.Catalog == nil {
		o.Catalog = svc
	}
	if o.Trainer == nil {
		o.Trainer = svc.Trainer()
	}
	var out strings.Builder
	if err := New(svc, o).Run(context.Background(), strings.NewReader(strings.Join(lines, "\n")+"\n"), &out); err != nil {
		t.Fatalf("Run: %v", err)
	}
	parts := strings.Split(out.String(), "\n> ")
	if parts[0] != "" {
		t.Fatalf("output before the first prompt: %q", parts[0])
	}
	return parts[1:]
}

// TestChatEndToEnd drives the terminal transport through its reader and
// writer: a question, a follow-up, commands, bad input, /quit.
func TestChatEndToEnd(t *testing.T) {
	lines := []string{
		"什么是四单工作法？",                // 0 a question
		"她是谁？",                     // 1 a follow-up: 她 is 吴中兰
		"/sources",                 // 2 the passages behind the last answer
		"/sources 原文",              // 3 as the article wrote them (查看原文)
		"/ask",                     // 4 usage
		"/bogus",                   // 5 unknown
		"\xff\xfe什么\xc0",           // 6 not UTF-8
		strings.Repeat("社区", 1500), // 7 over the limit
		"/daily",                   // 8 Telegram only
		"/reset",                   // 9
		"/sources",                 // 10 nothing after the reset
		"",                         // skipped: no reply, no prompt of its own
		"/quit",                    // 11
		"郭佳是谁？",                    // never answered
	}
	got := chat(t, Options{MaxQuestionRunes: 1000}, lines...)
	if len(got) != 13 {
		t.Fatalf("want 13 prompts (the chat ends at /quit), got %d:\n%s", len(got), strings.Join(got, "\n> "))
	}
	ans := got[0]
	for _, want := range []string{"民主议单", "[1]", "来源", "吴中兰", "→ 查看原文：/sources 原文"} {
		if !strings.Contains(ans, want) {
			t.Errorf("answer lacks %q:\n%s", want, ans)
		}
	}
	// Every [n] of the text resolves to a shown passage.
	body, sources, ok := strings.Cut(ans, "\n来源\n")
	if !ok {
		t.Fatalf("no 来源 block:\n%s", ans)
	}
	for _, n := range []string{"[1]", "[2]", "[3]"} {
		if strings.Contains(body, n) && !strings.Contains(sources, n+" ") {
			t.Errorf("%s cited but not shown:\n%s", n, ans)
		}
	}
	// The seed article is Traditional: the passage is shown converted,
	// and marked so.
	if !strings.Contains(sources, "（已转为简体，原文见“查看原文”）") {
		t.Errorf("converted passage not marked:\n%s", sources)
	}
	if f := got[1]; !strings.Contains(f, "吴中兰") || strings.Contains(f, "郭佳") || strings.Contains(f, "资料中没有") {
		t.Errorf("follow-up 她是谁 not about 吴中兰:\n%s", f)
	}
	if s := got[2]; !strings.HasPrefix(s, "[1] 吴中兰") || !strings.Contains(s, "已转为简体") {
		t.Errorf("/sources:\n%s", s)
	}
	if s := got[3]; !strings.Contains(s, "吳中蘭") || strings.Contains(s, "已转为") {
		t.Errorf("/sources 原文 should show the Traditional original unmarked:\n%s", s)
	}
	wants := map[int]string{
		4:  "用法：/ask 问题",
		5:  "未知命令 /bogus。",
		6:  "不是 UTF-8",
		7:  "问题太长了（3000 字），请精简到 1000 字以内。",
		8:  "/daily 只能在 Telegram 中使用",
		9:  "已清空本对话的记录",
		10: "还没有可查看的来源",
	}
	for i, want := range wants {
		if !strings.Contains(got[i], want) {
			t.Errorf("line %d (%.20q): want %q, got:\n%s", i, lines[i], want, got[i])
		}
	}
	if !strings.Contains(got[5], "/help — 使用说明") || !strings.Contains(got[5], "/quit — 退出") {
		t.Errorf("an unknown command should show the help:\n%s", got[5])
	}
	if strings.TrimSpace(got[11]) != "" || got[12] != "" {
		t.Errorf("an empty line or /quit printed %q, %q", got[11], got[12])
	}
}

// Traditional in, Traditional out, for answers and the catalog commands.
func TestChatTraditional(t *testing.T) {
	got := chat(t, Options{}, "四單工作法包括哪些內容？", "/method 四單工作法", "/leaders", "/method 量子力學工作法")
	if !strings.Contains(got[0], "民主議單") || !strings.Contains(got[0], "來源") {
		t.Errorf("Traditional answer:\n%s", got[0])
	}
	if !strings.Contains(got[1], "共同接單") || !strings.Contains(got[1], "來源\n[1] ") {
		t.Errorf("/method in Traditional:\n%s", got[1])
	}
	if !strings.Contains(got[2], "書記名錄") || !strings.Contains(got[2], "郭佳") {
		t.Errorf("/leaders:\n%s", got[2])
	}
	if !strings.Contains(got[3], "沒有找到") || strings.Contains(got[3], "來源") {
		t.Errorf("an unknown method must say so, citing nothing:\n%s", got[3])
	}
}

type failingWriter struct{ n int }

func (f *failingWriter) Write(p []byte) (int, error) {
	if f.n--; f.n < 0 {
		return 0, errors.New("broken pipe")
	}
	return len(p), nil
}

// A closed output ends the chat with an error instead of answering into
// the void.
func TestChatOutputFails(t *testing.T) {
	svc := realCore(t)
	err := New(svc, Options{}).Run(context.Background(), strings.NewReader(strings.Repeat("什么是四单工作法？\n", 50)), &failingWriter{n: 3})
	if err == nil || !strings.Contains(err.Error(), "broken pipe") {
		t.Fatalf("err = %v", err)
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("input gone") }

func TestChatInputFails(t *testing.T) {
	err := New(realCore(t), Options{}).Run(context.Background(), failingReader{}, &strings.Builder{})
	if err == nil || !strings.Contains(err.Error(), "input gone") {
		t.Fatalf("err = %v", err)
	}
}

// A core that fails answers with a short sentence; the chat goes on.
type brokenCore struct{ *core.Service }

func (brokenCore) Answer(context.Context, core.Request, func(string)) (*core.Answer, error) {
	return nil, errors.New("index unreadable")
}

func TestChatCoreFails(t *testing.T) {
	var out strings.Builder
	err := New(brokenCore{realCore(t)}, Options{}).Run(context.Background(), strings.NewReader("什么是四单工作法？\n/help\n"), &out)
	if err != nil {
		t.Fatal(err)
	}
	if s := out.String(); !strings.Contains(s, "抱歉，暂时无法回答") || strings.Contains(s, "index unreadable") || !strings.Contains(s, "使用说明") {
		t.Errorf("output:\n%s", s)
	}
}

type syncBuilder struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuilder) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuilder) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
