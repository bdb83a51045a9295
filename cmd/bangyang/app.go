package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"bangyang/catalog"
	"bangyang/config"
	"bangyang/core"
	"bangyang/corpus"
	"bangyang/lexicon"
	"bangyang/llm"
	"bangyang/logging"
	"bangyang/metrics"
	"bangyang/retrieval"
	"bangyang/store"
)

// app holds what every command shares: settings, logger, streams, and the
// corpus/data options that flags may override.
type app struct {
	cfg    config.Config
	log    *slog.Logger      // the one logger: every secret masked (package logging)
	redact *logging.Redactor // the same masking, for error lines printed without the logger
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer

	corpusDirs []string
	noDefault  bool
	dataDir    string

	lockWait time.Duration // 0: lockWait; tests shorten it
	// metrics is set by serve when BANGYANG_METRICS_LISTEN is (metrics.go).
	metrics *metrics.Metrics
	// artCache keeps cleaned articles in the data dir (articles_cache.go).
	artCache *corpus.Cache
}

func newApp(stdin io.Reader, stdout, stderr io.Writer) (*app, error) {
	cfg, err := config.Load(".env")
	red := logging.NewRedactor(cfg.Secrets()...)
	if err != nil {
		// Settings read before the mistake may be secrets: mask them here
		// too, as the logger would.
		return nil, fmt.Errorf("configuration: %s", red.String(err.Error()))
	}
	return &app{
		cfg:        cfg,
		redact:     red,
		log:        newLogger(stderr, cfg.LogLevel, cfg.LogFormat, red),
		stdin:      stdin,
		stdout:     stdout,
		stderr:     stderr,
		corpusDirs: append([]string(nil), cfg.CorpusDirs...),
		noDefault:  cfg.NoDefaultCorpus,
		dataDir:    cfg.DataDir,
	}, nil
}

// articles loads the corpus. A bad file is reported and skipped: the
// other articles are still served.
func (a *app) articles(ctx context.Context) ([]corpus.Article, error) {
	// A folder the operator named but that is not there (a typo, an
	// unmounted volume) is an error, not a warning: carrying on would
	// drop all its articles from the index and their embeddings with them.
	for _, d := range a.corpusDirs {
		info, err := os.Stat(d)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("corpus folder %s does not exist", d)
			}
			return nil, fmt.Errorf("corpus folder: %w", err)
		}
		if !info.IsDir() {
			return nil, fmt.Errorf("corpus folder %s is not a folder", d)
		}
	}
	cache := a.articleCache()
	arts, err := corpus.LoadCached(ctx, a.allCorpusDirs(), !a.noDefault, cache, corpus.WithLogger(a.log))
	if ctx.Err() != nil {
		// Interrupted: a partial corpus must not reach Update, which
		// would drop the unread articles from the index.
		return nil, ctx.Err()
	}
	if err != nil {
		if len(arts) == 0 {
			return nil, fmt.Errorf("load corpus: %w", err)
		}
		a.log.Warn("some articles could not be read and were skipped", "err", err)
	}
	if len(arts) == 0 {
		return nil, errors.New("the corpus is empty: add articles with --corpus DIR or drop --no-default-corpus")
	}
	if err := cache.Save(); err != nil {
		// Only the next start is slower.
		a.log.Warn("could not save the article cache", "err", err)
	}
	return arts, nil
}

// embedder is the configured embedder: a remote model if EMBED_MODEL is
// set, else the built-in one.
func (a *app) embedder() (retrieval.Embedder, error) {
	if a.cfg.EmbedModel == "" {
		return retrieval.NewLocalEmbedder(), nil
	}
	c, err := llm.New(llm.Config{
		BaseURL:    a.cfg.EmbedBaseURL,
		APIKey:     a.cfg.EmbedAPIKey,
		EmbedModel: a.cfg.EmbedModel,
		EmbedDims:  a.cfg.EmbedDims,
		Logger:     a.log,
	})
	if err != nil {
		return nil, fmt.Errorf("embeddings client: %w", err)
	}
	return c, nil
}

// chatModel is the configured chat model, or nil for extractive answers.
func (a *app) chatModel() (core.ChatModel, error) {
	if !a.cfg.LLMEnabled() {
		return nil, nil
	}
	c, err := llm.New(llm.Config{
		BaseURL:   a.cfg.LLMBaseURL,
		APIKey:    a.cfg.LLMAPIKey,
		ChatModel: a.cfg.LLMModel,
		Timeout:   a.cfg.Timeouts().Model,
		MaxTokens: a.cfg.LLMMaxTokens,
		Logger:    a.log,
	})
	if err != nil {
		return nil, fmt.Errorf("model client: %w", err)
	}
	return c, nil
}

// indexed is a corpus with its up-to-date index.
type indexed struct {
	articles []corpus.Article
	chunks   []corpus.Chunk
	index    *retrieval.Index
	report   retrieval.UpdateReport
	catalog  *catalog.Catalog
}

// index loads the corpus and brings the persisted index up to date
// (embedding only new chunks).
//
// With strict (the index and eval commands, where the operator asks for
// this embedder) any failure to update is an error. Otherwise answering
// goes on: after a failed update the previous index is served, and when a
// remote embedding model cannot build an index at all the built-in
// embedder stands in until the model is reachable again.
//
// The data dir's update lock is held from opening the index to writing the
// catalog: a second process (two `bangyang index`, or a server starting
// meanwhile) waits and then starts from the first one's result, and the
// temp files of writers that died are removed safely.
func (a *app) index(ctx context.Context, strict bool) (*indexed, error) {
	arts, err := a.articles(ctx)
	if err != nil {
		return nil, err
	}
	emb, err := a.embedder()
	if err != nil {
		return nil, err
	}
	unlock, err := a.lockData(ctx)
	if err != nil {
		return nil, err
	}
	defer unlock()
	chunks := a.articleCache().Chunks(arts)
	// The catalog of these chunks is read (or built) while the index
	// opens; it is used if the index ends up holding exactly them.
	type builtCatalog struct {
		c   *catalog.Catalog
		err error
	}
	early := make(chan builtCatalog, 1)
	go func() {
		c, err := a.loadCatalog(ctx, chunks)
		early <- builtCatalog{c, err}
	}()
	drained := false
	defer func() {
		if !drained {
			<-early // never leave it writing after we return (and before unlock)
		}
	}()
	ix, err := a.openIndex(ctx, emb)
	if err != nil {
		return nil, err
	}
	rep, err := ix.Update(ctx, chunks)
	updated := err == nil
	if err != nil {
		if ctx.Err() != nil {
			// Interrupted (Ctrl-C): the index on disk is the previous,
			// intact version; stop rather than report a half update.
			return nil, fmt.Errorf("index update: %w", ctx.Err())
		}
		if a.cfg.EmbedModel != "" {
			err = fmt.Errorf("embedding model %q (EMBED_MODEL) could not embed the articles: %w", a.cfg.EmbedModel, err)
		}
		switch {
		case strict:
			return nil, fmt.Errorf("build index: %w", err)
		case ix.Len() > 0:
			// The previous index is intact: serve it and say so.
			a.log.Error("index update failed; serving the previous index", "err", err)
		case a.cfg.EmbedModel != "":
			a.log.Error("embedding model unavailable; answering with the built-in embedder until it is back", "err", err)
			ix, err = a.openIndex(ctx, retrieval.NewLocalEmbedder())
			if err != nil {
				return nil, err
			}
			if rep, err = ix.Update(ctx, chunks); err != nil {
				return nil, fmt.Errorf("build index: %w", err)
			}
			updated = true
		default:
			return nil, fmt.Errorf("build index: %w", err)
		}
	}
	a.log.Debug("index ready", "added", rep.Added, "removed", rep.Removed, "unchanged", rep.Unchanged, "embedded", rep.Embedded, "took", rep.Duration)
	// Serve what the index holds (after a failed update: the previous
	// version), and build the catalog from the same chunks.
	served := ix.Chunks()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	first := <-early
	drained = true
	cat, err := first.c, first.err
	if !updated || len(served) != len(chunks) {
		// The previous index, or duplicates dropped: not the same chunks.
		cat, err = a.loadCatalog(ctx, served)
	}
	if err != nil {
		return nil, err
	}
	return &indexed{articles: arts, chunks: served, index: ix, report: rep, catalog: cat}, nil
}

// openIndex opens the persisted index. A corrupt index (a truncated file,
// a bad disk, an interrupted copy) is moved aside to index.corrupt, kept
// for inspection, and rebuilt from the corpus: the user never has to
// delete files by hand.
func (a *app) openIndex(ctx context.Context, emb retrieval.Embedder) (*retrieval.Index, error) {
	dir := filepath.Join(a.dataDir, "index")
	ix, err := retrieval.Open(ctx, dir, emb, retrieval.WithLogger(a.log))
	if errors.Is(err, retrieval.ErrCorruptIndex) {
		aside := dir + ".corrupt"
		// Only the latest bad copy is kept, so repeated corruption cannot
		// fill the disk.
		if rmErr := os.RemoveAll(aside); rmErr != nil {
			return nil, fmt.Errorf("open index: %w (and could not clear %s: %v)", err, aside, rmErr)
		}
		if mvErr := os.Rename(dir, aside); mvErr != nil {
			return nil, fmt.Errorf("open index: %w (and could not move it aside: %v)", err, mvErr)
		}
		a.log.Warn("the index file was damaged; moved it aside and rebuilding the index", "moved_to", aside, "err", err)
		ix, err = retrieval.Open(ctx, dir, emb, retrieval.WithLogger(a.log))
	}
	if err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	return ix, nil
}

// openStore opens the conversation store. A damaged file is moved aside
// to bangyang.db.corrupt (kept for inspection) and a fresh store started:
// losing conversation memory beats a process that crashes at every start.
func (a *app) openStore() (*store.Store, error) {
	path := filepath.Join(a.dataDir, "bangyang.db")
	st, err := store.Open(path)
	if errors.Is(err, store.ErrCorrupt) {
		aside := path + ".corrupt"
		if mvErr := os.Rename(path, aside); mvErr != nil {
			return nil, fmt.Errorf("%w (and could not move it aside: %v)", err, mvErr)
		}
		a.log.Warn("the conversation store was damaged; moved it aside and starting a new one", "moved_to", aside, "err", err)
		st, err = store.Open(path)
	}
	return st, err
}

// running is the answering core and what it was built from.
type running struct {
	svc   *core.Service
	opts  core.Options // what svc was built with (live.go rebuilds from it)
	in    *indexed
	store *store.Store // nil without persistent memory
	// volatile: the store could not be opened, conversations are kept in
	// memory for this run only (storeIfPossible).
	volatile bool
	close    func()
}

// storeMode says whether a command keeps conversations on disk.
type storeMode int

const (
	noStore         storeMode = iota // one-shot commands
	storeIfPossible                  // terminal chat: in memory when the store is taken or read-only
	storeRequired                    // Telegram: sessions and feedback must survive restarts
)

// service builds the answering core. With a store mode the embedded store
// (conversations, feedback, training sessions) is opened in the data dir
// first, so a second server fails fast without touching the index; close
// releases it.
func (a *app) service(ctx context.Context, mode storeMode) (*running, error) {
	r := &running{close: func() {}}
	opts := core.Options{Logger: a.log}
	if mode != noStore {
		st, err := a.openStore()
		switch {
		case err == nil:
			r.store = st
			mem := core.StoreMemory{S: st, TTL: a.cfg.ConversationTTL}
			// A bounded slice of the store per start (core.SweepLimit);
			// expired conversations are also dropped when next loaded.
			if n, err := mem.Sweep(ctx, 0); err != nil {
				a.log.Warn("sweep expired conversations", "err", err)
			} else if n > 0 {
				a.log.Info("forgot expired conversations", "removed", n, "ttl", a.cfg.ConversationTTL)
			}
			opts.Memory = mem
			opts.Training = core.StoreTraining{S: st}
			opts.Records = core.StoreRecords{S: st}
			r.close = func() {
				if err := st.Close(); err != nil {
					a.log.Warn("close store", "err", err)
				}
			}
		case mode == storeIfPossible:
			a.log.Warn("conversations are kept in memory for this run only", "err", err)
			r.volatile = true
		default:
			return nil, err
		}
	}
	in, err := a.index(ctx, false)
	if err != nil {
		r.close()
		return nil, err
	}
	r.in = in
	model, err := a.chatModel()
	if err != nil {
		r.close()
		return nil, err
	}
	lex, err := lexicon.Load(a.cfg.TopicsFile)
	var skipped *lexicon.LineErrors
	switch {
	case errors.As(err, &skipped):
		a.log.Warn("BANGYANG_TOPICS: lines skipped; the rest of the file is used", "err", err)
	case err != nil:
		r.close()
		return nil, fmt.Errorf("BANGYANG_TOPICS: %w", err)
	}
	opts.Lexicon = lex
	opts.Observer = a.observer(r.store)
	if model != nil && a.metrics != nil {
		model = a.metrics.Model(model)
	}
	opts.Search = in.index
	opts.Articles = metas(in.articles)
	opts.Catalog = in.catalog
	opts.Chunks = in.chunks
	if model != nil {
		opts.Model = model
		opts.ModelTimeout = a.cfg.Timeouts().Answer
	}
	r.svc, err = core.New(opts)
	if err != nil {
		r.close()
		return nil, err
	}
	r.opts = opts
	return r, nil
}

// observer is what core reports answers to: the statistics in the store
// (when there is one) and the metrics (when served).
func (a *app) observer(st *store.Store) core.Observer {
	var o observers
	if st != nil {
		o = append(o, statsObserver{st: st, log: a.log})
	}
	if a.metrics != nil {
		o = append(o, a.metrics)
	}
	if len(o) == 0 {
		return nil
	}
	return o
}

func metas(arts []corpus.Article) []corpus.Meta {
	out := make([]corpus.Meta, len(arts))
	for i, a := range arts {
		out[i] = a.Meta
	}
	return out
}
