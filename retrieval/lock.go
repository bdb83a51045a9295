package retrieval

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"bangyang/atomicfile"
)

// ErrBusy means another process held the update lock for longer than the
// caller was willing to wait.
var ErrBusy = errors.New("another bangyang process is updating the index")

// Lock is an exclusive update lock on a data directory, held with flock(2)
// on a lock file: the kernel releases it when its process dies, even by
// kill -9, so a crash never leaves it stuck.
//
// Every process reads, updates and writes the index (and the files cached
// beside it) only while holding the lock. Two `bangyang index` runs are
// thereby serialised (the second starts from the first one's result
// instead of overwriting it), and a temp file seen while holding the lock
// can only belong to a writer that died: RemoveTemps may delete it.
type Lock struct{ f *os.File }

// LockFile takes the lock on path (created if needed). When another process
// holds it, waiting is called once and the call waits, up to wait or until
// ctx is done.
func LockFile(ctx context.Context, path string, wait time.Duration, waiting func()) (*Lock, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("retrieval: lock: %w", err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("retrieval: lock: %w", err)
	}
	deadline := time.Now().Add(wait)
	told := false
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return &Lock{f: f}, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			f.Close()
			return nil, fmt.Errorf("retrieval: lock %s: %w", path, err)
		}
		if !told && waiting != nil {
			waiting()
			told = true
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, fmt.Errorf("%w (still holding %s after %v)", ErrBusy, path, wait)
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// Unlock releases the lock.
func (l *Lock) Unlock() error { return l.f.Close() }

// RemoveTemps deletes the temp files that interrupted index writes left in
// dir, whatever their age. Call it only while holding the data dir's Lock:
// then no live writer owns them.
func RemoveTemps(dir string) (removed int, err error) {
	return atomicfile.RemoveTemps(dir, tempPrefix, 0)
}
