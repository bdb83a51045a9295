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
	"time"

	bolt "go.etcd.io/bbolt"
)

// ErrLocked means another bangyang process holds the store.
var ErrLocked = errors.New("store is in use by another bangyang process")

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
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 2 * time.Second})
	if err != nil {
		if errors.Is(err, bolt.ErrTimeout) {
			return nil, fmt.Errorf("open %s: %w", path, ErrLocked)
		}
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return &Store{db: db}, nil
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
