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
	"time"

	bolt "go.etcd.io/bbolt"
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
		if errors.Is(err, bolt.ErrTimeout) {
			return nil, fmt.Errorf("open %s: %w", path, ErrLocked)
		}
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return &Store{db: db}, nil
}

// openChecked opens the file and reads every bucket and value once, so a
// damaged file is reported as ErrCorrupt here rather than crashing the
// process later: bbolt panics on bad pages, and a page pointing outside
// the file faults on the memory map (which SetPanicOnFault turns into a
// panic for this goroutine). The store holds conversations and sessions,
// small enough to read at start.
func openChecked(path string) (db *bolt.DB, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			if db != nil {
				db.Close()
			}
			db, err = nil, fmt.Errorf("%w: %v", ErrCorrupt, r)
		}
	}()
	db, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: 2 * time.Second})
	if err != nil {
		if damaged(err) {
			err = fmt.Errorf("%w: %w", ErrCorrupt, err)
		}
		return nil, err
	}
	err = db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			return walk(b)
		})
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	return db, nil
}

// damaged reports whether bolt.Open failed on the file's content (as
// opposed to permissions, a lock or a full disk).
func damaged(err error) bool {
	return errors.Is(err, bolt.ErrInvalid) || errors.Is(err, bolt.ErrChecksum) ||
		errors.Is(err, bolt.ErrVersionMismatch) || strings.Contains(err.Error(), "file size too small")
}

// walk touches every key and value of b and its nested buckets.
func walk(b *bolt.Bucket) error {
	var sum byte
	return b.ForEach(func(k, v []byte) error {
		if v == nil {
			if nb := b.Bucket(k); nb != nil {
				return walk(nb)
			}
			return nil
		}
		for _, c := range v {
			sum ^= c
		}
		_ = sum
		return nil
	})
}

// Close releases the file.
func (s *Store) Close() error { return s.db.Close() }

// Get decodes the value at bucket/key into v; found is false if absent.
func (s *Store) Get(ctx context.Context, bucket, key string, v any) (found bool, err error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	err = s.db.View(func(tx *bolt.Tx) error {
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
	err = s.db.Update(func(tx *bolt.Tx) error {
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
	err := s.db.Update(func(tx *bolt.Tx) error {
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
	err = s.db.Update(func(tx *bolt.Tx) error {
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
	err := s.db.View(func(tx *bolt.Tx) error {
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
