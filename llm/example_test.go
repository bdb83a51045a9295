package llm_test

import (
	"context"
	"errors"
	"fmt"

	"bangyang/llm"
	"bangyang/llm/openaitest"
)

// Example shows the fake server standing in for a model in another package's test: script the
// reply, run the code under test, then assert on the prompt it sent.
func Example() {
	srv := openaitest.New()
	defer srv.Close()
	srv.SetChatReply("「四單工作法」見[1]。")

	c, err := llm.New(llm.Config{BaseURL: srv.URL, ChatModel: "qwen2.5:7b", EmbedModel: "bge-m3"})
	if err != nil {
		panic(err)
	}
	text, err := c.Stream(context.Background(), []llm.Message{
		{Role: "system", Content: "只根據資料回答。"},
		{Role: "user", Content: "四單工作法是什麼？"},
	}, func(delta string) { /* show partial text */ })
	fmt.Println(text, err)
	fmt.Println(srv.ChatRequests()[0].LastUser())

	// A failing model: the caller falls back on the sentinel.
	srv.QueueChat(openaitest.ErrorReply(503, "overloaded"), openaitest.ErrorReply(503, "overloaded"))
	_, err = c.Stream(context.Background(), []llm.Message{{Role: "user", Content: "q"}}, nil)
	fmt.Println(errors.Is(err, llm.ErrUnavailable))

	vecs, _ := c.Embed(context.Background(), []string{"網格化管理", "网格化管理"})
	fmt.Println(len(vecs), len(vecs[0]), c.Name())
	// Output:
	// 「四單工作法」見[1]。 <nil>
	// 四單工作法是什麼？
	// true
	// 2 32 openai:bge-m3:auto
}
