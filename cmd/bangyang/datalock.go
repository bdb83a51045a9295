package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"syscall"
	"time"

	"bangyang/atomicfile"
	"bangyang/retrieval"
)

// lockWait is how long a process waits for another one's index update
// before giving up with a clear error. Building a large index with a
// remote embedding model takes minutes; anything longer is a stuck process.
const lockWait = 15 * time.Minute

// catalogTempPrefix names the temp files of the catalog cache's writes.
const catalogTempPrefix = ".catalog-"

// lockData takes the data dir's update lock and, holding it, removes the
// temp files that interrupted writes (kill -9, power loss) left behind:
// every writer writes only under this lock, so none of them is live.
func (a *app) lockData(ctx context.Context) (unlock func(), err error) {
	wait := a.lockWait
	if wait == 0 {
		wait = lockWait
	}
	path := filepath.Join(a.dataDir, "update.lock")
	l, err := retrieval.LockFile(ctx, path, wait, func() {
		a.log.Warn("another bangyang process is updating the index; waiting for it to finish", "lock", path)
	})
	if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
		// A read-only data dir still serves an up-to-date index; nothing
		// can be written there, so there is nothing to lock or clean.
		a.log.Warn("the data dir is not writable: serving the index as it is", "dir", a.dataDir, "err", err)
		return func() {}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	n, err := retrieval.RemoveTemps(filepath.Join(a.dataDir, "index"))
	if err != nil {
		a.log.Warn("could not remove leftover index temp files", "err", err)
	}
	m, err := removeCatalogTemps(a.dataDir)
	if err != nil {
		a.log.Warn("could not remove leftover catalog temp files", "err", err)
	}
	if n+m > 0 {
		a.log.Info("removed temp files left by an interrupted run", "files", n+m)
	}
	return func() {
		if err := l.Unlock(); err != nil {
			a.log.Warn("release the update lock", "err", err)
		}
	}, nil
}

func removeCatalogTemps(dir string) (int, error) {
	return atomicfile.RemoveTemps(dir, catalogTempPrefix, 0)
}
