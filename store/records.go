package store

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// recordsBucket holds training records, in their own bucket: they are a
// history that only grows, read by time range.
const recordsBucket = "training_records"

// recordTime is sortable as bytes.
const recordTime = "20060102T150405.000000000Z"

func recordKey(group string, at time.Time, id string) []byte {
	return []byte(group + "\x00" + at.UTC().Format(recordTime) + "\x00" + id)
}

// PutRecords stores values under (group, at, id) in one transaction:
// records of one group are kept in time order, and putting the same
// (group, at, id) again replaces the value.
func (s *Store) PutRecords(ctx context.Context, group string, at time.Time, values map[string]any) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	raws := make(map[string][]byte, len(values))
	for id, v := range values {
		raw, err := json.Marshal(v)
		if err != nil {
			return fmt.Errorf("store records %s: %w", group, err)
		}
		raws[id] = raw
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists([]byte(recordsBucket))
		if err != nil {
			return err
		}
		for id, raw := range raws {
			if err := b.Put(recordKey(group, at, id), raw); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store records %s: %w", group, err)
	}
	return nil
}

// Records calls fn for each record of group ("" for every group) whose
// time is in [from, to) (a zero bound is open), in time order within a
// group, stopping at the first error fn returns.
func (s *Store) Records(ctx context.Context, group string, from, to time.Time, fn func(raw json.RawMessage) error) error {
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(recordsBucket))
		if b == nil {
			return nil
		}
		c := b.Cursor()
		var prefix []byte
		if group != "" {
			prefix = []byte(group + "\x00")
		}
		start := prefix
		if group != "" && !from.IsZero() {
			start = recordKey(group, from, "")
		}
		for k, v := c.Seek(start); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			parts := bytes.SplitN(k, []byte{0}, 3)
			if len(parts) != 3 {
				continue
			}
			at, err := time.Parse(recordTime, string(parts[1]))
			if err != nil {
				continue
			}
			if (!from.IsZero() && at.Before(from)) || (!to.IsZero() && !at.Before(to)) {
				continue
			}
			if err := fn(json.RawMessage(v)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store records %s: %w", group, err)
	}
	return nil
}
