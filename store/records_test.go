package store

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"
)

// Records come back by group, in time order, within [from, to), and
// survive a reopen.
func TestRecordsRange(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "s.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	base := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	for i, g := range []string{"g1", "g2", "g1", "g1"} {
		at := base.Add(time.Duration(3-i) * 24 * time.Hour) // put out of order
		if err := s.PutRecords(ctx, g, at, map[string]any{"x": i, "y": -1 - i}); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	if s, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	collect := func(g string, from, to time.Time) []int {
		var out []int
		err := s.Records(ctx, g, from, to, func(raw json.RawMessage) error {
			var v int
			if err := json.Unmarshal(raw, &v); err != nil {
				return err
			}
			if v >= 0 {
				out = append(out, v)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	if got := collect("g1", time.Time{}, time.Time{}); len(got) != 3 || got[0] != 3 || got[1] != 2 || got[2] != 0 {
		t.Errorf("g1 in time order: %v, want [3 2 0]", got)
	}
	if got := collect("g1", base.Add(24*time.Hour), base.Add(3*24*time.Hour)); len(got) != 1 || got[0] != 2 {
		t.Errorf("g1 in [day1, day3): %v, want [2]", got)
	}
	if got := collect("", time.Time{}, time.Time{}); len(got) != 4 {
		t.Errorf("all groups: %v", got)
	}
	if got := collect("g", time.Time{}, time.Time{}); len(got) != 0 {
		t.Errorf("a prefix of a group name is not the group: %v", got)
	}
}
