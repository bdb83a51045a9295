package core

import (
	"context"
	"encoding/json"
	"time"
)

// KV is the key/value store the Store* adapters (StoreMemory,
// StoreTraining) keep their data in: JSON values under string keys in
// named buckets. *store.Store implements it; cmd/bangyang wires it in, so
// core does not depend on the database.
type KV interface {
	// Get decodes the value at bucket/key into v; found is false when
	// there is none.
	Get(ctx context.Context, bucket, key string, v any) (found bool, err error)
	Put(ctx context.Context, bucket, key string, v any) error
	Delete(ctx context.Context, bucket, key string) error
	// Each calls fn for every value of bucket, in key order.
	Each(ctx context.Context, bucket string, fn func(key []byte, raw json.RawMessage) error) error
}

// SweepKV is a KV that can also delete, in one pass, the values of a
// bucket that drop reports true for, at most max of them read after the
// key after; next is where a later sweep continues (nil at the end).
type SweepKV interface {
	KV
	Sweep(ctx context.Context, bucket string, after []byte, max int,
		drop func(key []byte, raw json.RawMessage) bool) (deleted int, next []byte, err error)
}

// RecordKV keeps groups of values by time (training records per chat,
// StoreRecords). *store.Store implements it.
type RecordKV interface {
	PutRecords(ctx context.Context, group string, at time.Time, values map[string]any) error
	Records(ctx context.Context, group string, from, to time.Time, fn func(raw json.RawMessage) error) error
}
