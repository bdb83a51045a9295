// Package atomicfile replaces files so that a reader sees the old content
// or the new one, never a part of either, even across a crash: the data
// goes to a temp file in the same directory, which is synced, renamed over
// the target, and then the directory is synced so the rename survives a
// power loss. Every failure removes the temp file and leaves the target as
// it was.
//
// WriteFile writes a byte slice; Create returns a *File to stream into,
// made visible by Commit and thrown away by Close.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// An Option changes how a file is written.
type Option func(*options)

type options struct {
	pattern string
}

// TempPattern names the temp file as os.CreateTemp does (the last "*" is
// replaced by a random string). Callers that clean up after interrupted
// writes with RemoveTemps choose a prefix of their own here. The default
// is "." + the target's name + ".tmp-*".
func TempPattern(pattern string) Option {
	return func(o *options) { o.pattern = pattern }
}

// File is a file being written in place of path: nothing is visible at
// path until Commit. Close without Commit discards it; Close after Commit
// does nothing, so `defer f.Close()` is always right.
type File struct {
	*os.File
	path string
	done bool // committed or discarded: the temp file is no longer ours
}

// Create starts writing a file that will replace path, with permissions
// exactly perm (the umask does not apply). The directory must exist.
func Create(path string, perm os.FileMode, opts ...Option) (*File, error) {
	o := options{pattern: "." + filepath.Base(path) + ".tmp-*"}
	for _, opt := range opts {
		opt(&o)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), o.pattern)
	if err != nil {
		return nil, fmt.Errorf("atomicfile: %w", err)
	}
	f := &File{File: tmp, path: path}
	if err := tmp.Chmod(perm); err != nil {
		f.discard()
		return nil, fmt.Errorf("atomicfile: %w", err)
	}
	return f, nil
}

// ErrNotDurable is returned (wrapped) when the new content is in place
// but syncing its directory failed: readers see it, a power loss may undo
// the rename. Callers that only need it visible may treat it as success.
var ErrNotDurable = errors.New("atomicfile: written but not synced to disk")

// Commit syncs the written data, renames the file over its path and syncs
// the directory. On any failure before the rename the temp file is removed
// and the old file (if any) is untouched; an error syncing the directory
// comes after the rename: the new content is in place but may not survive
// a power loss.
func (f *File) Commit() error {
	if f.done {
		return fmt.Errorf("atomicfile: %s: %w", f.path, os.ErrClosed)
	}
	if err := f.File.Sync(); err != nil {
		f.discard()
		return fmt.Errorf("atomicfile: sync %s: %w", f.Name(), err)
	}
	if err := f.File.Close(); err != nil {
		f.done = true
		os.Remove(f.Name())
		return fmt.Errorf("atomicfile: close %s: %w", f.Name(), err)
	}
	f.done = true
	if err := os.Rename(f.Name(), f.path); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("atomicfile: %w", err)
	}
	return syncDir(filepath.Dir(f.path))
}

// Close discards the file unless it was committed; it returns nil then.
func (f *File) Close() error {
	if f.done {
		return nil
	}
	return f.discard()
}

func (f *File) discard() error {
	f.done = true
	cerr := f.File.Close()
	rerr := os.Remove(f.Name())
	return errors.Join(cerr, rerr)
}

// WriteFile replaces path with data, with permissions exactly perm.
func WriteFile(path string, data []byte, perm os.FileMode, opts ...Option) error {
	f, err := Create(path, perm, opts...)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.Write(data); err != nil {
		return fmt.Errorf("atomicfile: write %s: %w", f.Name(), err)
	}
	return f.Commit()
}

// syncDir makes a rename in dir durable. Windows cannot sync a directory
// (and needs not: its rename is journaled with the file).
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("%w: sync directory: %w", ErrNotDurable, err)
	}
	serr := d.Sync()
	cerr := d.Close()
	if err := errors.Join(serr, cerr); err != nil {
		return fmt.Errorf("%w: sync directory %s: %w", ErrNotDurable, dir, err)
	}
	return nil
}

// RemoveTemps deletes the files in dir whose names start with prefix (the
// fixed part of a TempPattern) and that were last modified more than
// olderThan ago (0: whatever their age), and returns how many it removed.
// A younger temp file may be another process's write in progress; with 0,
// call it only when no writer can be running (under a lock every writer
// takes). A missing dir has none.
func RemoveTemps(dir, prefix string, olderThan time.Duration) (int, error) {
	if prefix == "" {
		return 0, errors.New("atomicfile: RemoveTemps needs a prefix")
	}
	ents, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("atomicfile: %w", err)
	}
	n := 0
	for _, e := range ents {
		if !strings.HasPrefix(e.Name(), prefix) || e.IsDir() {
			continue
		}
		if olderThan > 0 {
			info, err := e.Info()
			if err != nil || time.Since(info.ModTime()) <= olderThan {
				continue
			}
		}
		if err := os.Remove(filepath.Join(dir, e.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return n, fmt.Errorf("atomicfile: %w", err)
		}
		n++
	}
	return n, nil
}
