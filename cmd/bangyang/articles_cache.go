package main

import (
	"debug/elf"
	"encoding/binary"
	"fmt"
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
	if id, ok := elfBuildID(exe); ok {
		return "go-build-id:" + id
	}
	if info, err := os.Stat(exe); err == nil {
		return fmt.Sprintf("exe:%s:%d:%d", exe, info.Size(), info.ModTime().UnixNano())
	}
	return "unknown"
}

// elfBuildID reads the note the Go linker writes in every ELF executable
// (.note.go.buildid: name "Go", type 4, the build ID as its descriptor).
func elfBuildID(exe string) (string, bool) {
	f, err := elf.Open(exe)
	if err != nil {
		return "", false
	}
	defer f.Close()
	sec := f.Section(".note.go.buildid")
	if sec == nil {
		return "", false
	}
	data, err := sec.Data()
	if err != nil {
		return "", false
	}
	return goNoteID(data, f.ByteOrder)
}

func goNoteID(note []byte, order binary.ByteOrder) (string, bool) {
	if len(note) < 16 {
		return "", false
	}
	namesz, descsz, typ := order.Uint32(note), order.Uint32(note[4:]), order.Uint32(note[8:])
	name := (namesz + 3) &^ 3
	if namesz != 4 || typ != 4 || string(note[12:15]) != "Go\x00" || uint64(12+name)+uint64(descsz) > uint64(len(note)) || descsz == 0 {
		return "", false
	}
	return string(note[12+name : 12+name+descsz]), true
}
