package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
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
// time.
//
// The cache is gob (catalog.gob): at 100k passages it is tens of
// megabytes, which gob decodes several times faster than JSON.
func (a *app) loadCatalog(chunks []corpus.Chunk) *catalog.Catalog {
	path := filepath.Join(a.dataDir, "catalog.gob")
	key := catalogKey(chunks)
	if raw, err := os.ReadFile(path); err == nil {
		var f catalogFile
		if gob.NewDecoder(bytes.NewReader(raw)).Decode(&f) == nil && f.Key == key && f.Catalog != nil {
			return f.Catalog
		}
	}
	c := catalog.Build(chunks)
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(catalogFile{Key: key, Catalog: c}); err != nil {
		a.log.Warn("cache catalog", "err", err)
		return c
	}
	if err := writeBytesAtomic(path, buf.Bytes()); err != nil {
		a.log.Warn("cache catalog", "err", err)
	}
	// The JSON cache of earlier versions is not read any more.
	_ = os.Remove(filepath.Join(a.dataDir, "catalog.json"))
	return c
}

func writeBytesAtomic(path string, raw []byte) error {
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
