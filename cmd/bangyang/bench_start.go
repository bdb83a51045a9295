package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"bangyang/corpus"
	"bangyang/retrieval"
)

// startFigures is what `bangyang bench` measures of the whole command
// path over a corpus of real files: a warm `bangyang ask` (the index up to
// date, the OS file cache warm) and the start of the answering core that
// `serve` does before taking updates.
type startFigures struct {
	Files, Chunks int
	First         time.Duration // first run: clean every file, embed, index
	Ask           time.Duration // median of the warm runs: load, open, answer
	Start         time.Duration // median: load corpus, open index, catalog, core
}

// writeSyntheticCorpus writes about n chunks' worth of article files made
// of the base passages' sentences (retrieval.SyntheticChunks: 20 passages
// an article), each with front matter as an operator would write it.
func writeSyntheticCorpus(dir string, base []corpus.Chunk, n int) (files int, err error) {
	chunks := retrieval.SyntheticChunks(base, n, uint64(n))
	var b strings.Builder
	flush := func(id string, meta corpus.Meta) error {
		if b.Len() == 0 {
			return nil
		}
		head := fmt.Sprintf("---\ntitle: %s（%s）\nleader: %s\nplace: %s\n---\n", meta.Title, id, meta.Leader, meta.Place)
		err := os.WriteFile(filepath.Join(dir, id+".md"), []byte(head+b.String()), 0o644)
		b.Reset()
		files++
		return err
	}
	for i, c := range chunks {
		if i > 0 && c.ArticleID != chunks[i-1].ArticleID {
			if err := flush(chunks[i-1].ArticleID, chunks[i-1].Meta); err != nil {
				return files, err
			}
		}
		b.WriteString(c.Text)
		b.WriteString("\n\n")
	}
	if len(chunks) > 0 {
		last := chunks[len(chunks)-1]
		err = flush(last.ArticleID, last.Meta)
	}
	return files, err
}

// benchStart measures startFigures at about n chunks, runs times warm.
func (a *app) benchStart(ctx context.Context, base []corpus.Chunk, n, runs int, question string) (startFigures, error) {
	var f startFigures
	root, err := os.MkdirTemp("", "bangyang-bench-start-")
	if err != nil {
		return f, err
	}
	defer os.RemoveAll(root)
	dir := filepath.Join(root, "articles")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return f, err
	}
	if f.Files, err = writeSyntheticCorpus(dir, base, n); err != nil {
		return f, err
	}
	// The command as an operator runs it, offline: built-in embedder,
	// extractive answers, only these files.
	b := *a
	b.cfg.LLMModel, b.cfg.EmbedModel = "", ""
	b.corpusDirs, b.noDefault, b.dataDir = []string{dir}, true, filepath.Join(root, "data")
	b.log = newLogger(a.stderr, a.cfg.LogLevel+4, a.cfg.LogFormat, a.redact) // errors only

	askOnce := func() (chunks int, err error) {
		rt, err := b.service(ctx, noStore)
		if err != nil {
			return 0, err
		}
		defer rt.close()
		if _, err := rt.svc.Ask(ctx, "bench", question); err != nil {
			return 0, err
		}
		return len(rt.in.chunks), nil
	}
	t := time.Now()
	if f.Chunks, err = askOnce(); err != nil {
		return f, err
	}
	f.First = time.Since(t)
	median := func(fn func() error) (time.Duration, error) {
		var ds []time.Duration
		for range max(runs, 1) {
			t := time.Now()
			if err := fn(); err != nil {
				return 0, err
			}
			ds = append(ds, time.Since(t))
		}
		slices.Sort(ds)
		return ds[len(ds)/2], nil
	}
	if f.Ask, err = median(func() error { _, err := askOnce(); return err }); err != nil {
		return f, err
	}
	f.Start, err = median(func() error {
		rt, err := b.service(ctx, noStore)
		if err == nil {
			rt.close()
		}
		return err
	})
	return f, err
}
