package core

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"bangyang/quiz"
)

// Training errors.
var (
	// ErrSessionRunning: a chat has at most one running training session.
	ErrSessionRunning = errors.New("a training session is already running in this chat")
	// ErrNoTraining: the chat has no session (or, for Trainer.Stop, none
	// that is not already stopped).
	ErrNoTraining = errors.New("no training session in this chat")
)

// Question counts.
const (
	DefaultTrainingQuestions = 5
	MaxTrainingQuestions     = 20
	MaxQuizQuestions         = 50
)

// recentCases is how many shown cases a chat remembers to avoid repeats.
const recentCases = 30

// CaseState is a chat's case discussion: the case waiting to be revealed
// and keys of cases shown lately, oldest first.
type CaseState struct {
	Pending *quiz.Case `json:"pending,omitempty"`
	Recent  []string   `json:"recent,omitempty"`
	// PostID is the transport's message showing the pending case.
	PostID string `json:"post_id,omitempty"`
	// RevealAt is when the pending case is revealed by itself (zero: only
	// on request).
	RevealAt time.Time `json:"reveal_at,omitzero"`
}

// TrainingStore keeps training sessions (one per chat), the index from a
// transport's poll id to its chat (a poll answer carries only the poll id
// and the user), and case discussions. Loads return copies: mutating a
// returned session changes nothing until it is saved.
type TrainingStore interface {
	// LoadSession returns the chat's session, nil (and no error) if none.
	LoadSession(ctx context.Context, chat string) (*quiz.Session, error)
	SaveSession(ctx context.Context, chat string, s *quiz.Session) error
	// Sessions lists every stored session, whatever its state.
	Sessions(ctx context.Context) ([]*quiz.Session, error)
	IndexPoll(ctx context.Context, pollID, chat string) error
	PollChat(ctx context.Context, pollID string) (chat string, found bool, err error)
	UnindexPolls(ctx context.Context, pollIDs []string) error
	LoadCases(ctx context.Context, chat string) (CaseState, error)
	SaveCases(ctx context.Context, chat string, c CaseState) error
	// CaseStates returns every chat's case state.
	CaseStates(ctx context.Context) (map[string]CaseState, error)
	// SaveDaily stores chat's daily plan; nil removes it.
	SaveDaily(ctx context.Context, chat string, p *DailyPlan) error
	DailyPlans(ctx context.Context) (map[string]DailyPlan, error)
}

// Store buckets of StoreTraining.
const (
	trainingBucket      = "training"
	trainingPollsBucket = "training_polls"
	trainingCasesBucket = "training_cases"
	trainingDailyBucket = "training_daily"
)

// StoreTraining keeps training state in the embedded store so sessions and
// scores survive restarts.
type StoreTraining struct{ S KV }

func (t StoreTraining) LoadSession(ctx context.Context, chat string) (*quiz.Session, error) {
	var s quiz.Session
	found, err := t.S.Get(ctx, trainingBucket, chat, &s)
	if err != nil || !found {
		return nil, err
	}
	return &s, nil
}

func (t StoreTraining) SaveSession(ctx context.Context, chat string, s *quiz.Session) error {
	return t.S.Put(ctx, trainingBucket, chat, s)
}

func (t StoreTraining) Sessions(ctx context.Context) ([]*quiz.Session, error) {
	var out []*quiz.Session
	err := t.S.Each(ctx, trainingBucket, func(key []byte, raw json.RawMessage) error {
		var s quiz.Session
		if err := json.Unmarshal(raw, &s); err != nil {
			return fmt.Errorf("session %s: %w", key, err)
		}
		out = append(out, &s)
		return nil
	})
	return out, err
}

func (t StoreTraining) IndexPoll(ctx context.Context, pollID, chat string) error {
	return t.S.Put(ctx, trainingPollsBucket, pollID, chat)
}

func (t StoreTraining) PollChat(ctx context.Context, pollID string) (string, bool, error) {
	var chat string
	found, err := t.S.Get(ctx, trainingPollsBucket, pollID, &chat)
	return chat, found, err
}

func (t StoreTraining) UnindexPolls(ctx context.Context, pollIDs []string) error {
	for _, id := range pollIDs {
		if err := t.S.Delete(ctx, trainingPollsBucket, id); err != nil {
			return err
		}
	}
	return nil
}

func (t StoreTraining) LoadCases(ctx context.Context, chat string) (CaseState, error) {
	var c CaseState
	_, err := t.S.Get(ctx, trainingCasesBucket, chat, &c)
	return c, err
}

func (t StoreTraining) CaseStates(ctx context.Context) (map[string]CaseState, error) {
	out := map[string]CaseState{}
	err := t.S.Each(ctx, trainingCasesBucket, func(key []byte, raw json.RawMessage) error {
		var c CaseState
		if err := json.Unmarshal(raw, &c); err != nil {
			return fmt.Errorf("cases %s: %w", key, err)
		}
		out[string(key)] = c
		return nil
	})
	return out, err
}

func (t StoreTraining) SaveCases(ctx context.Context, chat string, c CaseState) error {
	return t.S.Put(ctx, trainingCasesBucket, chat, c)
}

// MapTraining keeps training state in RAM: for one-shot CLI calls and
// tests. The zero value is ready to use.
type MapTraining struct {
	mu       sync.Mutex
	sessions map[string][]byte // JSON, so loads are deep copies as from disk
	polls    map[string]string
	cases    map[string][]byte
	daily    map[string]DailyPlan
}

func (m *MapTraining) LoadSession(_ context.Context, chat string) (*quiz.Session, error) {
	m.mu.Lock()
	raw, ok := m.sessions[chat]
	m.mu.Unlock()
	if !ok {
		return nil, nil
	}
	var s quiz.Session
	if err := json.Unmarshal(raw, &s); err != nil {
		return nil, fmt.Errorf("session %s: %w", chat, err)
	}
	return &s, nil
}

func (m *MapTraining) SaveSession(_ context.Context, chat string, s *quiz.Session) error {
	raw, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("session %s: %w", chat, err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.sessions == nil {
		m.sessions = map[string][]byte{}
	}
	m.sessions[chat] = raw
	return nil
}

func (m *MapTraining) Sessions(_ context.Context) ([]*quiz.Session, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]*quiz.Session, 0, len(m.sessions))
	for chat, raw := range m.sessions {
		var s quiz.Session
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, fmt.Errorf("session %s: %w", chat, err)
		}
		out = append(out, &s)
	}
	return out, nil
}

func (m *MapTraining) IndexPoll(_ context.Context, pollID, chat string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.polls == nil {
		m.polls = map[string]string{}
	}
	m.polls[pollID] = chat
	return nil
}

func (m *MapTraining) PollChat(_ context.Context, pollID string) (string, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	chat, ok := m.polls[pollID]
	return chat, ok, nil
}

func (m *MapTraining) UnindexPolls(_ context.Context, pollIDs []string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, id := range pollIDs {
		delete(m.polls, id)
	}
	return nil
}

func (m *MapTraining) LoadCases(_ context.Context, chat string) (CaseState, error) {
	m.mu.Lock()
	raw, ok := m.cases[chat]
	m.mu.Unlock()
	var c CaseState
	if !ok {
		return c, nil
	}
	if err := json.Unmarshal(raw, &c); err != nil {
		return CaseState{}, fmt.Errorf("cases %s: %w", chat, err)
	}
	return c, nil
}

func (m *MapTraining) CaseStates(_ context.Context) (map[string]CaseState, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make(map[string]CaseState, len(m.cases))
	for chat, raw := range m.cases {
		var c CaseState
		if err := json.Unmarshal(raw, &c); err != nil {
			return nil, fmt.Errorf("cases %s: %w", chat, err)
		}
		out[chat] = c
	}
	return out, nil
}

func (m *MapTraining) SaveCases(_ context.Context, chat string, c CaseState) error {
	raw, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("cases %s: %w", chat, err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.cases == nil {
		m.cases = map[string][]byte{}
	}
	m.cases[chat] = raw
	return nil
}

func (t StoreTraining) SaveDaily(ctx context.Context, chat string, p *DailyPlan) error {
	if p == nil {
		return t.S.Delete(ctx, trainingDailyBucket, chat)
	}
	return t.S.Put(ctx, trainingDailyBucket, chat, p)
}

func (t StoreTraining) DailyPlans(ctx context.Context) (map[string]DailyPlan, error) {
	out := map[string]DailyPlan{}
	err := t.S.Each(ctx, trainingDailyBucket, func(key []byte, raw json.RawMessage) error {
		var p DailyPlan
		if err := json.Unmarshal(raw, &p); err != nil {
			return fmt.Errorf("daily %s: %w", key, err)
		}
		out[string(key)] = p
		return nil
	})
	return out, err
}

func (m *MapTraining) SaveDaily(_ context.Context, chat string, p *DailyPlan) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.daily == nil {
		m.daily = map[string]DailyPlan{}
	}
	if p == nil {
		delete(m.daily, chat)
	} else {
		m.daily[chat] = *p
	}
	return nil
}

func (m *MapTraining) DailyPlans(_ context.Context) (map[string]DailyPlan, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make(map[string]DailyPlan, len(m.daily))
	for k, v := range m.daily {
		out[k] = v
	}
	return out, nil
}
