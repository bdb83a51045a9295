package retrieval

import (
	"context"
	"crypto/sha256"
	"fmt"
	"runtime"
	"sync"
)

// concurrentEmbedder is an Embedder that may be called from several
// goroutines at once; Concurrency is how many calls at once pay off. An
// embedder without it is called one batch at a time (remote servers have
// their own limits).
type concurrentEmbedder interface {
	Concurrency() int
}

// Concurrency implements concurrentEmbedder: the local embedder is pure
// computation, so an update uses every core.
func (e *LocalEmbedder) Concurrency() int { return runtime.GOMAXPROCS(0) }

// embedMissing embeds the texts of missing (indexes into texts and keys)
// in batches of embedBatch, on as many goroutines as the embedder allows,
// and stores the vectors in cache. The first failure stops the rest.
func (ix *Index) embedMissing(ctx context.Context, texts []string, keys [][sha256.Size]byte, missing []int,
	cache map[[sha256.Size]byte][]float32, dims *int, rep *UpdateReport) error {
	name := ix.emb.Name()
	var batches [][2]int
	for b := 0; b < len(missing); b += embedBatch {
		batches = append(batches, [2]int{b, min(b+embedBatch, len(missing))})
	}
	workers := 1
	if ce, ok := ix.emb.(concurrentEmbedder); ok {
		workers = max(1, min(ce.Concurrency(), len(batches)))
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu       sync.Mutex
		firstErr error
		next     int
	)
	fail := func(err error) {
		if firstErr == nil {
			firstErr = err
			cancel()
		}
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				mu.Lock()
				if firstErr != nil || next >= len(batches) {
					mu.Unlock()
					return
				}
				if err := ctx.Err(); err != nil {
					fail(fmt.Errorf("retrieval: update cancelled after %d of %d texts: %w", rep.Embedded, len(missing), err))
					mu.Unlock()
					return
				}
				lo, hi := batches[next][0], batches[next][1]
				next++
				rep.Calls++
				mu.Unlock()

				batch := missing[lo:hi]
				in := make([]string, len(batch))
				for j, i := range batch {
					in[j] = texts[i]
				}
				out, err := ix.emb.Embed(ctx, in)

				mu.Lock()
				switch {
				case firstErr != nil:
				case err != nil:
					fail(fmt.Errorf("retrieval: embedding texts %d–%d of %d with %s: %w", lo, hi, len(missing), name, err))
				default:
					if *dims == 0 && len(out) > 0 {
						*dims = len(out[0])
					}
					if err := checkVectors(out, len(in), *dims); err != nil {
						fail(fmt.Errorf("retrieval: embedding with %s: %w", name, err))
						break
					}
					for j, i := range batch {
						cache[keys[i]] = out[j]
					}
					rep.Embedded += len(batch)
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return firstErr
}
