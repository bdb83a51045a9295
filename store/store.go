// Package store is bangyang's embedded on-disk key/value store (bbolt):
// conversations, feedback and training sessions survive restarts.
// Values are JSON so the file stays inspectable and versions can evolve.
package store

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// ErrLocked means another bangyang process holds the store.
var ErrLocked = errors.New("store is in use by another bangyang process")

// ErrCorrupt means the store file is damaged (a bad disk, a partial copy):
// bbolt would panic or fault on it, so Open refuses it instead.
var ErrCorrupt = errors.New("store file is damaged")

// Store is a set of named buckets of JSON values.
type Store struct {
	db *bolt.DB
}

// Open opens (creating if needed) the store file at path.
func Open(path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("create store dir: %w", err)
	}
	// bbolt takes an exclusive file lock; a short timeout turns a second
	// process into a clear error instead of a hang.
	db, err := openChecked(path)
	if err != nil {
		if errors.Is(err, berrors.ErrTimeout) {
			return nil, fmt.Errorf("open %s: %w", path, ErrLocked)
		}
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return &Store{db: db}, nil
}

// openChecked locks the file, proves its structure (checkFile), and only
// then hands it to bbolt. The check runs under the same lock bbolt keeps
// (bbolt opens the already locked file), so it never reads a file another
// process is writing. bbolt itself runs under guard: it panics on bad
// pages, and a page pointing outside the file faults on the memory map
// (which SetPanicOnFault turns into a panic for this goroutine).
func openChecked(path string) (db *bolt.DB, err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := lockFile(f, 2*time.Second); err != nil {
		f.Close()
		return nil, err
	}
	if _, err := checkFile(path); err != nil {
		f.Close()
		if errors.Is(err, errCheck) {
			err = fmt.Errorf("%w: %w", ErrCorrupt, err)
		}
		return nil, err
	}
	opened := false
	openFile := func(string, int, os.FileMode) (*os.File, error) {
		if opened {
			return nil, errors.New("store: file opened twice")
		}
		opened = true
		return f, nil
	}
	err = guard(func() error {
		var err error
		db, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: 2 * time.Second, OpenFile: openFile})
		return err
	})
	if err != nil {
		if db != nil {
			db.Close()
		} else {
			f.Close() // bbolt may have closed it already; twice is harmless
		}
		if damaged(err) {
			err = fmt.Errorf("%w: %w", ErrCorrupt, err)
		}
		return nil, err
	}
	return db, nil
}

// lockFile takes f's exclusive lock, waiting up to timeout for another
// process to let it go.
func lockFile(f *os.File, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			return fmt.Errorf("lock: %w", err)
		}
		if time.Now().After(deadline) {
			return berrors.ErrTimeout
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// guard runs fn, turning a bbolt panic or a memory fault on a damaged
// page into ErrCorrupt for this call instead of a dead process.
func guard(fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", ErrCorrupt, r)
		}
	}()
	return fn()
}

// damaged reports whether bolt.Open failed on the file's content (as
// opposed to permissions, a lock or a full disk).
func damaged(err error) bool {
	return errors.Is(err, ErrCorrupt) || errors.Is(err, berrors.ErrInvalid) || errors.Is(err, berrors.ErrChecksum) ||
		errors.Is(err, berrors.ErrVersionMismatch) || strings.Contains(err.Error(), "file size too small")
}

// view and update run a bbolt transaction under guard: a damaged page
// the start-up check did not read fails this call with ErrCorrupt.
func (s *Store) view(fn func(*bolt.Tx) error) error {
	return guard(func() error { return s.db.View(fn) })
}

func (s *Store) update(fn func(*bolt.Tx) error) error {
	return guard(func() error { return s.db.Update(fn) })
}

// Close releases the file.
func (s *Store) Close() error { return s.db.Close() }

// Get decodes the value at bucket/key into v; found is false if absent.
func (s *Store) Get(ctx context.Context, bucket, key string, v any) (found bool, err error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	err = s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(bucket))
		if b == nil {
			return nil
		}
		raw := b.Get([]byte(key))
		if raw == nil {
			return nil
		}
		found = true
		return json.Unmarshal(raw, v)
	})
	if err != nil {
		return false, fmt.Errorf("store get %s/%s: %w", bucket, key, err)
	}
	return found, nil
}

// Put stores v at bucket/key.
func (s *Store) Put(ctx context.Context, bucket, key string, v any) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("store put %s/%s: %w", bucket, key, err)
	}
	err = s.update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists([]byte(bucket))
		if err != nil {
			return err
		}
		return b.Put([]byte(key), raw)
	})
	if err != nil {
		return fmt.Errorf("store put %s/%s: %w", bucket, key, err)
	}
	return nil
}

// Delete removes bucket/key; deleting what is absent is not an error.
func (s *Store) Delete(ctx context.Context, bucket, key string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	err := s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(bucket))
		if b == nil {
			return nil
		}
		return b.Delete([]byte(key))
	})
	if err != nil {
		return fmt.Errorf("store delete %s/%s: %w", bucket, key, err)
	}
	return nil
}

// Append adds v under the bucket's next sequence number (a log).
func (s *Store) Append(ctx context.Context, bucket string, v any) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("store append %s: %w", bucket, err)
	}
	err = s.update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists([]byte(bucket))
		if err != nil {
			return err
		}
		seq, err := b.NextSequence()
		if err != nil {
			return err
		}
		var k [8]byte
		binary.BigEndian.PutUint64(k[:], seq)
		return b.Put(k[:], raw)
	})
	if err != nil {
		return fmt.Errorf("store append %s: %w", bucket, err)
	}
	return nil
}

// Each calls fn for every value in bucket in key order, stopping at the
// first error fn returns.
func (s *Store) Each(ctx context.Context, bucket string, fn func(key []byte, raw json.RawMessage) error) error {
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(bucket))
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			return fn(k, json.RawMessage(v))
		})
	})
	if err != nil {
		return fmt.Errorf("store scan %s: %w", bucket, err)
	}
	return nil
}

// Sweep visits up to max values of bucket in key order, starting after key
// after (nil: from the first), and deletes those for which drop reports
// true, in one transaction. next is the key a later sweep continues after
// (nil once the end was reached), so a large bucket is covered a bounded
// slice at a time.
func (s *Store) Sweep(ctx context.Context, bucket string, after []byte, max int,
	drop func(key []byte, raw json.RawMessage) bool) (deleted int, next []byte, err error) {
	if err := ctx.Err(); err != nil {
		return 0, nil, err
	}
	if max <= 0 {
		max = int(^uint(0) >> 1)
	}
	err = s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(bucket))
		if b == nil {
			return nil
		}
		c := b.Cursor()
		k, v := c.First()
		if after != nil {
			k, v = c.Seek(after)
			if k != nil && string(k) == string(after) {
				k, v = c.Next()
			}
		}
		var doomed [][]byte
		var last []byte
		for seen := 0; k != nil && seen < max; k, v = c.Next() {
			seen++
			last = k
			if v != nil && drop(k, json.RawMessage(v)) {
				doomed = append(doomed, append([]byte(nil), k...))
			}
		}
		if k != nil { // stopped at max: continue after the last one seen
			next = append([]byte(nil), last...)
		}
		for _, d := range doomed {
			if err := b.Delete(d); err != nil {
				return err
			}
		}
		deleted = len(doomed)
		return nil
	})
	if err != nil {
		return 0, nil, fmt.Errorf("store sweep %s: %w", bucket, err)
	}
	return deleted, next, nil
}
