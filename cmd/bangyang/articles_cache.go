package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"bangyang/corpus"
)

// articleCache is the cache of cleaned articles and their chunks in the
// data directory (corpus.Cache), stamped with this build so that a new
// cleaner or chunker never serves old results.
func (a *app) articleCache() *corpus.Cache {
	if a.artCache == nil {
		a.artCache = corpus.OpenCache(filepath.Join(a.dataDir, "articles.cache"), buildStamp())
	}
	return a.artCache
}

// buildStamp identifies the running binary: its Go build ID (a hash of
// its content, stable across `go run`s of unchanged code), else its size
// and modification time.
func buildStamp() string {
	exe, err := os.Executable()
	if err != nil {
		return "unknown"
	}
	if f, err := os.Open(exe); err == nil {
		head := make([]byte, 64<<10)
		n, _ := io.ReadFull(f, head)
		f.Close()
		if id, ok := goBuildID(head[:n]); ok {
			return "go-build-id:" + id
		}
	}
	if info, err := os.Stat(exe); err == nil {
		return fmt.Sprintf("exe:%s:%d:%d", exe, info.Size(), info.ModTime().UnixNano())
	}
	return "unknown"
}

// goBuildID finds the build ID the Go linker writes near the start of
// every executable: \xff Go build ID: "…"\n \xff.
func goBuildID(b []byte) (string, bool) {
	const prefix = "\xff Go build ID: \""
	i := bytes.Index(b, []byte(prefix))
	if i < 0 {
		return "", false
	}
	rest := b[i+len(prefix):]
	j := bytes.IndexByte(rest, '"')
	if j <= 0 || j > 200 {
		return "", false
	}
	return string(rest[:j]), true
}
