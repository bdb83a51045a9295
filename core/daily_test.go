package core

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestParseDailyTime(t *testing.T) {
	t.Parallel()
	for in, want := range map[string][2]int{"8:00": {8, 0}, "08:30": {8, 30}, "23：59": {23, 59}, "7.05": {7, 5}} {
		h, m, err := ParseDailyTime(in)
		if err != nil || h != want[0] || m != want[1] {
			t.Errorf("%q → %d:%d %v", in, h, m, err)
		}
	}
	for _, in := range []string{"", "24:00", "8", "8:60", "早上八点", "-1:00"} {
		if _, _, err := ParseDailyTime(in); !errors.Is(err, ErrBadTime) {
			t.Errorf("%q accepted", in)
		}
	}
}

// A plan is due once a day from its time on; one set after today's time
// starts tomorrow; plans are kept per chat until stopped.
func TestDailyPlans(t *testing.T) {
	t.Parallel()
	ix, _ := offlineIndex(t)
	tr := NewTrainer(TrainerOptions{Chunks: ix.Chunks()})
	ctx := context.Background()
	zone := time.FixedZone("CST", 8*3600)
	at := func(d, h, m int) time.Time { return time.Date(2026, 12, d, h, m, 0, 0, zone) }

	if _, err := tr.SetDaily(ctx, DailyPlan{Chat: "a", At: "08:00"}, at(1, 7, 0)); err != nil {
		t.Fatal(err)
	}
	late, err := tr.SetDaily(ctx, DailyPlan{Chat: "b", At: "06:00"}, at(1, 7, 0))
	if err != nil || late.LastDay != "2026-12-01" {
		t.Fatalf("a plan set after its time must start tomorrow: %+v %v", late, err)
	}
	if _, err := tr.SetDaily(ctx, DailyPlan{Chat: "c", At: "08:00", Topic: "火星殖民计划"}, at(1, 7, 0)); err == nil {
		t.Error("a topic without material was accepted")
	}
	due := func(now time.Time) []string {
		t.Helper()
		ps, err := tr.TakeDueDaily(ctx, now)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, p := range ps {
			out = append(out, p.Chat)
		}
		return out
	}
	if got := due(at(1, 7, 59)); len(got) != 0 {
		t.Errorf("due before 08:00: %v", got)
	}
	if got := due(at(1, 8, 0)); len(got) != 1 || got[0] != "a" {
		t.Errorf("due at 08:00: %v", got)
	}
	if got := due(at(1, 9, 0)); len(got) != 0 {
		t.Errorf("due twice on one day: %v", got)
	}
	if got := due(at(2, 8, 30)); len(got) != 2 {
		t.Errorf("next day: %v, want a and b", got)
	}
	if found, err := tr.StopDaily(ctx, "a"); !found || err != nil {
		t.Fatal(found, err)
	}
	if found, _ := tr.StopDaily(ctx, "a"); found {
		t.Error("stopped twice")
	}
	if got := due(at(3, 9, 0)); len(got) != 1 || got[0] != "b" {
		t.Errorf("after stopping a: %v", got)
	}
}
