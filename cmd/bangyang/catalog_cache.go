package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"bangyang/atomicfile"
	"bangyang/catalog"
	"bangyang/corpus"
)

// catalogFile caches the catalog next to the index. It is keyed by the
// chunk ids, the extraction version and the model reading the articles (if
// any), so it is rebuilt exactly when the corpus or the extractor changes.
type catalogFile struct {
	Key     string           `json:"key"`
	Catalog *catalog.Catalog `json:"catalog"`
}

func catalogKey(chunks []corpus.Chunk, reader string) string {
	ids := make([]string, len(chunks))
	for i, c := range chunks {
		ids[i] = c.ID + "\x00" + c.Meta.Leader
	}
	sort.Strings(ids)
	h := sha256.New()
	h.Write([]byte(catalog.Version))
	h.Write([]byte{0})
	h.Write([]byte(reader))
	for _, id := range ids {
		h.Write([]byte(id))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// loadCatalog returns the cached catalog if it matches chunks, else builds
// and caches it. A cache that cannot be written only costs a rebuild next
// time. The build stops when ctx is done (Ctrl-C during start-up).
//
// The cache is gob (catalog.gob): at 100k passages it is tens of
// megabytes, which gob decodes several times faster than JSON.
//
// With BANGYANG_CATALOG_MODEL and a model, the model reads each article
// once (readings are kept by content hash in catalog-readings.json); a
// catalog missing a reading because the model failed is not cached, so
// the next start tries again.
func (a *app) loadCatalog(ctx context.Context, chunks []corpus.Chunk) (*catalog.Catalog, error) {
	path := filepath.Join(a.dataDir, "catalog.gob")
	assist, readings, err := a.catalogAssist()
	if err != nil {
		return nil, err
	}
	reader := ""
	if assist != nil {
		reader = "model:" + a.cfg.LLMModel
	}
	key := catalogKey(chunks, reader)
	if raw, err := os.ReadFile(path); err == nil {
		var f catalogFile
		if gob.NewDecoder(bytes.NewReader(raw)).Decode(&f) == nil && f.Key == key && f.Catalog != nil {
			return f.Catalog, nil
		}
	}
	var c *catalog.Catalog
	failed := 0
	if assist != nil {
		assist.Failed = func(string, error) { failed++ }
		c, err = catalog.BuildAssisted(ctx, chunks, *assist)
	} else {
		c, err = catalog.Build(ctx, chunks)
	}
	if err != nil {
		return nil, fmt.Errorf("build catalog: %w", err)
	}
	if readings != nil {
		if err := readings.save(); err != nil {
			a.log.Warn("cache model readings", "err", err)
		}
	}
	if failed > 0 {
		a.log.Warn("the model could not read some articles for the catalog; the catalog is not cached, so the next start asks again", "articles", failed)
		return c, nil
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(catalogFile{Key: key, Catalog: c}); err != nil {
		a.log.Warn("cache catalog", "err", err)
		return c, nil
	}
	if err := writeCatalogFile(path, buf.Bytes()); err != nil {
		a.log.Warn("cache catalog", "err", err)
	}
	// The JSON cache of earlier versions is not read any more.
	_ = os.Remove(filepath.Join(a.dataDir, "catalog.json"))
	return c, nil
}

// catalogAssist is the model reading articles for the catalog, when
// BANGYANG_CATALOG_MODEL is set and a model is configured; else nil.
func (a *app) catalogAssist() (*catalog.Assist, *fileReadings, error) {
	if !a.cfg.CatalogModel || !a.cfg.LLMEnabled() {
		return nil, nil, nil
	}
	m, err := a.chatModel()
	if err != nil {
		return nil, nil, err
	}
	reader, ok := m.(catalog.Reader)
	if !ok {
		return nil, nil, nil
	}
	r := loadReadings(filepath.Join(a.dataDir, "catalog-readings.json"))
	return &catalog.Assist{Model: reader, Cache: r, Log: a.log}, r, nil
}

// fileReadings keeps model readings by article content hash in a JSON
// file; a missing or unreadable file starts empty.
type fileReadings struct {
	path  string
	mu    sync.Mutex
	m     map[string]catalog.Reading
	dirty bool
}

func loadReadings(path string) *fileReadings {
	r := &fileReadings{path: path, m: map[string]catalog.Reading{}}
	if raw, err := os.ReadFile(path); err == nil {
		_ = json.Unmarshal(raw, &r.m) // a damaged cache only costs readings
		if r.m == nil {
			r.m = map[string]catalog.Reading{}
		}
	}
	return r
}

func (r *fileReadings) Get(hash string) (catalog.Reading, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	v, ok := r.m[hash]
	return v, ok
}

func (r *fileReadings) Put(hash string, v catalog.Reading) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.m[hash] = v
	r.dirty = true
}

func (r *fileReadings) save() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.dirty {
		return nil
	}
	raw, err := json.Marshal(r.m)
	if err != nil {
		return err
	}
	if err := writeCatalogFile(r.path, raw); err != nil {
		return err
	}
	r.dirty = false
	return nil
}

// writeCatalogFile replaces one of the catalog caches (its folder made if
// need be); its temp files are named for removeCatalogTemps.
func writeCatalogFile(path string, raw []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return atomicfile.WriteFile(path, raw, 0o600, atomicfile.TempPattern(catalogTempPrefix+"*"))
}
