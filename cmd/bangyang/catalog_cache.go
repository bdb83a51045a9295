package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"bangyang/catalog"
	"bangyang/corpus"
)

// catalogFile caches the catalog next to the index. It is keyed by the
// chunk ids and the extraction version, so it is rebuilt exactly when the
// corpus or the extractor changes.
type catalogFile struct {
	Key     string           `json:"key"`
	Catalog *catalog.Catalog `json:"catalog"`
}

func catalogKey(chunks []corpus.Chunk) string {
	ids := make([]string, len(chunks))
	for i, c := range chunks {
		ids[i] = c.ID + "\x00" + c.Meta.Leader
	}
	sort.Strings(ids)
	h := sha256.New()
	h.Write([]byte(catalog.Version))
	for _, id := range ids {
		h.Write([]byte(id))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// loadCatalog returns the cached catalog if it matches chunks, else builds
// and caches it. A cache that cannot be written only costs a rebuild next
// time. The build stops when ctx is done (Ctrl-C during start-up).
func (a *app) loadCatalog(ctx context.Context, chunks []corpus.Chunk) (*catalog.Catalog, error) {
	path := filepath.Join(a.dataDir, "catalog.json")
	key := catalogKey(chunks)
	if raw, err := os.ReadFile(path); err == nil {
		var f catalogFile
		if json.Unmarshal(raw, &f) == nil && f.Key == key && f.Catalog != nil {
			return f.Catalog, nil
		}
	}
	c, err := catalog.Build(ctx, chunks)
	if err != nil {
		return nil, fmt.Errorf("build catalog: %w", err)
	}
	if err := writeFileAtomic(path, catalogFile{Key: key, Catalog: c}); err != nil {
		a.log.Warn("cache catalog", "err", err)
	}
	return c, nil
}

func writeFileAtomic(path string, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".catalog-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(raw); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", tmp.Name(), err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
