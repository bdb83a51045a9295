package core

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"bangyang/llm"
)

type recordingObserver struct {
	mu     sync.Mutex
	events []AnswerEvent
	train  []TrainingEvent
}

func (r *recordingObserver) Answered(_ context.Context, e AnswerEvent) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, e)
}

func (r *recordingObserver) TrainingStarted(_ context.Context, e TrainingEvent) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.train = append(r.train, e)
}

type downModel struct{}

func (downModel) Stream(context.Context, []llm.Message, func(string)) (string, error) {
	return "", errors.New("connection refused")
}

func TestObserverSeesEveryOutcomeOnce(t *testing.T) {
	t.Parallel()
	ctx := WithAsker(context.Background(), Asker{User: "u1", Via: "test"})
	rec := &recordingObserver{}
	s := newOffline(t, nil)
	s.o.Observer = rec
	// A clock that advances 7 ms per reading gives a non-zero latency.
	var mu sync.Mutex
	clock := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	s.o.Now = func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		clock = clock.Add(7 * time.Millisecond)
		return clock
	}
	if _, err := s.Ask(ctx, "c1", "什么是四单工作法？"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Ask(ctx, "c1", "火星上的量子计算机怎么造？"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Ask(ctx, "c1", "   "); !errors.Is(err, ErrEmptyQuestion) {
		t.Fatalf("empty question: %v", err)
	}
	down := newOffline(t, downModel{})
	down.o.Observer = rec
	if _, err := down.Ask(context.Background(), "c2", "怎么把失联的党员找回来？"); err != nil {
		t.Fatal(err)
	}

	if len(rec.events) != 3 {
		t.Fatalf("want 3 events (the empty question is not one), got %d: %+v", len(rec.events), rec.events)
	}
	first := rec.events[0]
	if first.Outcome != OutcomeAnswered || first.Mode != ModeExtractive || first.Chat != "c1" || first.User != "u1" || first.Via != "test" {
		t.Errorf("first event: %+v", first)
	}
	if first.Latency <= 0 {
		t.Errorf("latency not measured: %v", first.Latency)
	}
	if !slices.Contains(first.Methods, "四单工作法") {
		t.Errorf("methods of 四单工作法 question: %v", first.Methods)
	}
	if len(first.Leaders) == 0 || first.Leaders[0] != "吴中兰" {
		t.Errorf("leaders: %v", first.Leaders)
	}
	if rec.events[1].Outcome != OutcomeAbstained || rec.events[1].Question != "火星上的量子计算机怎么造？" {
		t.Errorf("second event: %+v", rec.events[1])
	}
	if rec.events[2].Outcome != OutcomeFallback || rec.events[2].User != "" {
		t.Errorf("model down: %+v", rec.events[2])
	}
}

func TestObserverSeesTrainingStarted(t *testing.T) {
	t.Parallel()
	rec := &recordingObserver{}
	s := newOffline(t, nil)
	tr := NewTrainer(TrainerOptions{Catalog: s.o.Catalog, Chunks: s.o.Chunks, Observer: rec})
	req := StartRequest{Chat: "g1", StartedBy: "u9", N: 3, Script: "hans"}
	sess, err := tr.Start(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.train) != 1 || rec.train[0].Chat != "g1" || rec.train[0].StartedBy != "u9" || rec.train[0].Questions != len(sess.Questions) {
		t.Fatalf("training events: %+v", rec.train)
	}
	// A second start while one runs is refused and not counted.
	if _, err := tr.Start(context.Background(), req); !errors.Is(err, ErrSessionRunning) {
		t.Fatalf("second start: %v", err)
	}
	if len(rec.train) != 1 {
		t.Fatalf("refused start counted: %+v", rec.train)
	}
}
