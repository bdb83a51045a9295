package openaitest

import (
	"encoding/json"
	"fmt"
	"strings"
)

// The wire types are written out here instead of importing go-openai so the fake checks the
// client against the documented JSON shape, not against the client's own structs.

// Message is one chat message as it arrived on the wire.
type Message struct {
	Role    string
	Content string // text parts of an array-shaped content are joined with "\n"
	Name    string
}

func (m *Message) UnmarshalJSON(b []byte) error {
	var raw struct {
		Role    string          `json:"role"`
		Content json.RawMessage `json:"content"`
		Name    string          `json:"name"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	m.Role, m.Name = raw.Role, raw.Name
	if len(raw.Content) == 0 || string(raw.Content) == "null" {
		return nil
	}
	if raw.Content[0] == '"' {
		return json.Unmarshal(raw.Content, &m.Content)
	}
	var parts []struct {
		Type string `json:"type"`
		Text string `json:"text"`
	}
	if err := json.Unmarshal(raw.Content, &parts); err != nil {
		return fmt.Errorf("content is neither a string nor an array of parts: %w", err)
	}
	texts := make([]string, 0, len(parts))
	for _, p := range parts {
		if p.Type == "text" {
			texts = append(texts, p.Text)
		}
	}
	m.Content = strings.Join(texts, "\n")
	return nil
}

// ChatRequest is a decoded POST /v1/chat/completions body.
type ChatRequest struct {
	Model       string    `json:"model"`
	Messages    []Message `json:"messages"`
	Stream      bool      `json:"stream"`
	Temperature *float64  `json:"temperature,omitempty"`
	// MaxTokens and MaxCompletionTokens are the length limits asked for (0: none sent).
	MaxTokens           int `json:"max_tokens,omitempty"`
	MaxCompletionTokens int `json:"max_completion_tokens,omitempty"`
	StreamOptions       *struct {
		IncludeUsage bool `json:"include_usage"`
	} `json:"stream_options,omitempty"`
	ResponseFormat *struct {
		Type string `json:"type"`
	} `json:"response_format,omitempty"`
}

// LastUser returns the content of the last user message, "" if there is none.
func (r ChatRequest) LastUser() string {
	for i := len(r.Messages) - 1; i >= 0; i-- {
		if r.Messages[i].Role == "user" {
			return r.Messages[i].Content
		}
	}
	return ""
}

// System returns the content of all system messages joined by "\n".
func (r ChatRequest) System() string {
	var parts []string
	for _, m := range r.Messages {
		if m.Role == "system" {
			parts = append(parts, m.Content)
		}
	}
	return strings.Join(parts, "\n")
}

// EmbedRequest is a decoded POST /v1/embeddings body. Input is normalised to a list:
// the API accepts a single string too.
type EmbedRequest struct {
	Model          string
	Input          []string
	Dimensions     int
	EncodingFormat string
}

func (r *EmbedRequest) UnmarshalJSON(b []byte) error {
	var raw struct {
		Model          string          `json:"model"`
		Input          json.RawMessage `json:"input"`
		Dimensions     int             `json:"dimensions"`
		EncodingFormat string          `json:"encoding_format"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	r.Model, r.Dimensions, r.EncodingFormat = raw.Model, raw.Dimensions, raw.EncodingFormat
	if len(raw.Input) == 0 {
		return fmt.Errorf("input is missing")
	}
	if raw.Input[0] == '"' {
		var s string
		if err := json.Unmarshal(raw.Input, &s); err != nil {
			return err
		}
		r.Input = []string{s}
		return nil
	}
	if err := json.Unmarshal(raw.Input, &r.Input); err != nil {
		return fmt.Errorf("input must be a string or a list of strings: %w", err)
	}
	return nil
}

// Response shapes, as OpenAI documents them.

type usage struct {
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
	TotalTokens      int `json:"total_tokens"`
}

type delta struct {
	Role             string  `json:"role,omitempty"`
	Content          *string `json:"content,omitempty"`
	ReasoningContent string  `json:"reasoning_content,omitempty"`
}

type streamChoice struct {
	Index        int     `json:"index"`
	Delta        delta   `json:"delta"`
	Logprobs     any     `json:"logprobs"`
	FinishReason *string `json:"finish_reason"`
}

type streamChunk struct {
	ID                string         `json:"id"`
	Object            string         `json:"object"`
	Created           int64          `json:"created"`
	Model             string         `json:"model"`
	SystemFingerprint string         `json:"system_fingerprint"`
	Choices           []streamChoice `json:"choices"`
	Usage             *usage         `json:"usage,omitempty"`
}

type completionMessage struct {
	Role             string `json:"role"`
	Content          string `json:"content"`
	ReasoningContent string `json:"reasoning_content,omitempty"`
}

type completionChoice struct {
	Index        int               `json:"index"`
	Message      completionMessage `json:"message"`
	Logprobs     any               `json:"logprobs"`
	FinishReason string            `json:"finish_reason"`
}

type completion struct {
	ID                string             `json:"id"`
	Object            string             `json:"object"`
	Created           int64              `json:"created"`
	Model             string             `json:"model"`
	SystemFingerprint string             `json:"system_fingerprint"`
	Choices           []completionChoice `json:"choices"`
	Usage             usage              `json:"usage"`
}

type embeddingItem struct {
	Object    string    `json:"object"`
	Index     int       `json:"index"`
	Embedding []float32 `json:"embedding"`
}

type embeddingList struct {
	Object string          `json:"object"`
	Data   []embeddingItem `json:"data"`
	Model  string          `json:"model"`
	Usage  struct {
		PromptTokens int `json:"prompt_tokens"`
		TotalTokens  int `json:"total_tokens"`
	} `json:"usage"`
}

// OpenAIErrorBody returns an error body in OpenAI's shape:
// {"error":{"message":..,"type":..,"param":null,"code":..}}.
func OpenAIErrorBody(message, typ, code string) string {
	body := map[string]any{"error": map[string]any{
		"message": message,
		"type":    typ,
		"param":   nil,
		"code":    nilIfEmpty(code),
	}}
	b, _ := json.Marshal(body)
	return string(b)
}

// OllamaErrorBody returns an error body in Ollama's shape: {"error":"message"}.
func OllamaErrorBody(message string) string {
	b, _ := json.Marshal(map[string]string{"error": message})
	return string(b)
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}
