package llm

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	openai "github.com/sashabaranov/go-openai"
)

// Name identifies the embedder for index rebuild decisions: "openai:<model>:<dims>", with
// "auto" as dims when Config.EmbedDims is 0. It satisfies retrieval.Embedder with Embed.
func (c *Client) Name() string {
	dims := "auto"
	if c.cfg.EmbedDims > 0 {
		dims = strconv.Itoa(c.cfg.EmbedDims)
	}
	return "openai:" + c.cfg.EmbedModel + ":" + dims
}

// Embed returns one L2-normalised vector per text, in order. Texts are sent in batches of
// Config.EmbedBatch; each batch request is bounded by EmbedTimeout and retried like chat. The
// answer is checked: one vector per input, indexes a permutation (order restored), all vectors
// the same size (EmbedDims, or the size first seen), finite and non-zero; anything else is
// ErrBadResponse. An empty or blank text is a caller error (servers reject it or return zeros).
func (c *Client) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	if c.cfg.EmbedModel == "" {
		return nil, errors.New("llm embed: no EmbedModel configured")
	}
	for i, t := range texts {
		if strings.TrimSpace(t) == "" {
			return nil, fmt.Errorf("llm embed: text %d is empty", i)
		}
	}
	out := make([][]float32, 0, len(texts))
	for start := 0; start < len(texts); start += c.cfg.EmbedBatch {
		end := min(start+c.cfg.EmbedBatch, len(texts))
		vecs, err := c.embedBatch(ctx, texts[start:end])
		if err != nil {
			var e *Error
			if errors.As(err, &e) && len(texts) > end-start {
				e.Message = fmt.Sprintf("batch of texts %d-%d: %s", start, end-1, e.Message)
			}
			return nil, err
		}
		out = append(out, vecs...)
	}
	return out, nil
}

func (c *Client) embedBatch(ctx context.Context, batch []string) ([][]float32, error) {
	req := openai.EmbeddingRequestStrings{Input: batch, Model: openai.EmbeddingModel(c.cfg.EmbedModel)}
	if c.cfg.EmbedDimsParam {
		req.Dimensions = c.cfg.EmbedDims
	}
	for attempt := 1; ; attempt++ {
		vecs, err := c.embedOnce(ctx, req)
		if err == nil {
			return vecs, nil
		}
		var e *Error
		if !errors.As(err, &e) {
			return nil, err
		}
		e.Attempts = attempt
		wait, again := c.retryWait(e, attempt)
		if !again {
			return nil, c.scrub(e)
		}
		c.log.Warn("llm: retrying embeddings", "attempt", attempt, "wait", wait, "err", c.scrub(e).Error())
		if sleep(ctx, wait) != nil {
			return nil, contextError("embed", ctx, ctx)
		}
	}
}

func (c *Client) embedOnce(ctx context.Context, req openai.EmbeddingRequestStrings) ([][]float32, error) {
	attemptCtx, cancel := context.WithTimeoutCause(ctx, c.cfg.EmbedTimeout,
		&timeoutError{fmt.Sprintf("no embeddings within %s", c.cfg.EmbedTimeout)})
	defer cancel()
	info := &attemptInfo{}
	resp, err := c.api.CreateEmbeddings(context.WithValue(attemptCtx, attemptKey{}, info), req)
	if err != nil {
		if cerr := contextError("embed", ctx, attemptCtx); cerr != nil {
			return nil, cerr
		}
		return nil, classify("embed", err, info)
	}
	vecs, msg := c.checkEmbeddings(resp.Data, len(req.Input))
	if msg != "" {
		return nil, &Error{Op: "embed", Kind: ErrBadResponse, Message: msg}
	}
	return vecs, nil
}

// checkEmbeddings validates and orders the vectors, normalising them. msg is "" when they are fine.
func (c *Client) checkEmbeddings(data []openai.Embedding, n int) (vecs [][]float32, msg string) {
	if len(data) != n {
		return nil, fmt.Sprintf("%d vectors for %d texts", len(data), n)
	}
	want := c.cfg.EmbedDims
	if want == 0 {
		want = int(c.learntDims.Load())
	}
	vecs = make([][]float32, n)
	for _, d := range data {
		switch {
		case d.Index < 0 || d.Index >= n:
			return nil, fmt.Sprintf("vector index %d out of range [0,%d)", d.Index, n)
		case vecs[d.Index] != nil:
			return nil, fmt.Sprintf("vector index %d repeated", d.Index)
		case len(d.Embedding) == 0:
			return nil, fmt.Sprintf("vector %d is empty", d.Index)
		case want != 0 && len(d.Embedding) != want:
			return nil, fmt.Sprintf("vector %d has %d dimensions, want %d", d.Index, len(d.Embedding), want)
		}
		want = len(d.Embedding)
		v, err := normalize(d.Embedding)
		if err != "" {
			return nil, fmt.Sprintf("vector %d: %s", d.Index, err)
		}
		vecs[d.Index] = v
	}
	if c.cfg.EmbedDims == 0 && !c.learntDims.CompareAndSwap(0, int64(want)) && c.learntDims.Load() != int64(want) {
		return nil, fmt.Sprintf("vectors have %d dimensions, earlier ones had %d", want, c.learntDims.Load())
	}
	return vecs, ""
}

// normalize returns v scaled to unit length (a new slice), or why it cannot be.
func normalize(v []float32) ([]float32, string) {
	var sum float64
	for _, x := range v {
		f := float64(x)
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, "contains NaN or Inf"
		}
		sum += f * f
	}
	norm := math.Sqrt(sum)
	if norm == 0 || math.IsInf(norm, 0) {
		return nil, "zero vector (cosine similarity would be NaN)"
	}
	out := make([]float32, len(v))
	for i, x := range v {
		out[i] = float32(float64(x) / norm)
	}
	return out, ""
}
