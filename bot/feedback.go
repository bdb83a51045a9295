package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sync"
	"time"
)

// Feedback is one 👍/👎 press on an answer.
type Feedback struct {
	At       time.Time `json:"at"`
	ChatID   int64     `json:"chat_id"`
	UserID   int64     `json:"user_id"`
	Key      string    `json:"key"`  // the answer's callback key
	Vote     string    `json:"vote"` // "up" or "down"
	Question string    `json:"question"`
	Answer   string    `json:"answer,omitempty"` // the answer's text as shown
	Mode     string    `json:"mode"`
	Grounded bool      `json:"grounded"`
	ChunkIDs []string  `json:"chunk_ids,omitempty"`
}

// FeedbackStore records feedback.
type FeedbackStore interface {
	RecordFeedback(ctx context.Context, f Feedback) error
}

// MemoryFeedback keeps feedback in memory (the default; tests).
type MemoryFeedback struct {
	mu    sync.Mutex
	items []Feedback
}

// RecordFeedback implements FeedbackStore.
func (m *MemoryFeedback) RecordFeedback(_ context.Context, f Feedback) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.items = append(m.items, f)
	return nil
}

// All returns the recorded feedback, oldest first.
func (m *MemoryFeedback) All() []Feedback {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]Feedback(nil), m.items...)
}

// JSONLFeedback appends feedback to a JSON-lines file.
type JSONLFeedback struct {
	Path string
	mu   sync.Mutex
}

// RecordFeedback implements FeedbackStore.
func (j *JSONLFeedback) RecordFeedback(_ context.Context, f Feedback) error {
	line, err := json.Marshal(f)
	if err != nil {
		return fmt.Errorf("encode feedback: %w", err)
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	fh, err := os.OpenFile(j.Path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("open feedback file: %w", err)
	}
	if _, err := fh.Write(append(line, '\n')); err != nil {
		fh.Close()
		return fmt.Errorf("write feedback: %w", err)
	}
	if err := fh.Close(); err != nil {
		return fmt.Errorf("close feedback file: %w", err)
	}
	return nil
}

// Appender is an append-only keyed store; *store.Store satisfies it.
type Appender interface {
	Append(ctx context.Context, bucket string, v any) error
}

// StoreFeedback records feedback in bucket "feedback" of an Appender.
func StoreFeedback(a Appender) FeedbackStore { return appenderFeedback{a} }

type appenderFeedback struct{ a Appender }

func (s appenderFeedback) RecordFeedback(ctx context.Context, f Feedback) error {
	if err := s.a.Append(ctx, "feedback", f); err != nil {
		return fmt.Errorf("record feedback: %w", err)
	}
	return nil
}
