package retrieval

import (
	"context"
	"errors"
	"math"
	"sync/atomic"
	"time"
)

// countingEmbedder wraps the local embedder and counts what it is asked.
type countingEmbedder struct {
	inner       *LocalEmbedder
	name        string
	calls, text atomic.Int64
}

func newCounting() *countingEmbedder { return &countingEmbedder{inner: NewLocalEmbedderDims(64)} }

func (c *countingEmbedder) Name() string {
	if c.name != "" {
		return c.name
	}
	return c.inner.Name()
}

func (c *countingEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	c.calls.Add(1)
	c.text.Add(int64(len(texts)))
	return c.inner.Embed(ctx, texts)
}

// flakyEmbedder misbehaves from call number failAt on (1-based).
type flakyEmbedder struct {
	inner  *LocalEmbedder
	failAt int64
	mode   string // "error", "slow", "nan", "dims", "count", "zero"
	calls  atomic.Int64
}

var errServerDown = errors.New("embedding server down")

func (f *flakyEmbedder) Name() string { return f.inner.Name() }

func (f *flakyEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	n := f.calls.Add(1)
	out, err := f.inner.Embed(ctx, texts)
	if err != nil || n < f.failAt {
		return out, err
	}
	switch f.mode {
	case "error":
		return nil, errServerDown
	case "slow":
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(time.Minute):
			return out, nil
		}
	case "nan":
		out[0][0] = float32(math.NaN())
	case "dims":
		out[0] = out[0][:len(out[0])-1]
	case "count":
		out = out[:len(out)-1]
	case "zero":
		clear(out[len(out)-1])
	}
	return out, nil
}
