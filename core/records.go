package core

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"sync"
	"time"

	"bangyang/quiz"
)

// Points of a training record: each right answer earns PointsRight, each
// answer given (right or wrong) PointsAnswer, so taking part counts too.
const (
	PointsRight  = 10
	PointsAnswer = 2
)

// Record is what one member did in one finished training session.
type Record struct {
	Chat      string    `json:"chat"`
	ChatTitle string    `json:"chat_title,omitempty"`
	SessionID string    `json:"session_id"`
	Topic     string    `json:"topic,omitempty"`
	Plan      string    `json:"plan,omitempty"`
	StartedAt time.Time `json:"started_at"`
	EndedAt   time.Time `json:"ended_at"`
	Questions int       `json:"questions"` // questions in the session
	UserID    string    `json:"user_id"`
	Name      string    `json:"name"`
	Answered  int       `json:"answered"`
	Right     int       `json:"right"`
	Points    int       `json:"points"`
}

// RecordStore keeps training records across sessions.
type RecordStore interface {
	AddRecords(ctx context.Context, rs []Record) error
	// Records lists chat's records ("" every chat's) that ended in
	// [from, to) (zero bounds are open), oldest first within a chat.
	Records(ctx context.Context, chat string, from, to time.Time) ([]Record, error)
}

// recordsOf turns a stopped session into one record per member who answered.
func recordsOf(s *quiz.Session, now time.Time) []Record {
	var out []Record
	for _, p := range s.Leaderboard() {
		out = append(out, Record{
			Chat: s.ChatKey, ChatTitle: s.ChatTitle, SessionID: s.ID, Topic: s.Topic, Plan: s.Plan,
			StartedAt: s.CreatedAt, EndedAt: now, Questions: len(s.Questions),
			UserID: p.UserID, Name: p.Name, Answered: p.Answered, Right: p.Score,
			Points: p.Score*PointsRight + p.Answered*PointsAnswer,
		})
	}
	return out
}

// StoreRecords keeps records in the embedded store (their own bucket).
type StoreRecords struct{ S RecordKV }

func (r StoreRecords) AddRecords(ctx context.Context, rs []Record) error {
	type sessKey struct{ chat, id string }
	groups := map[sessKey]map[string]any{}
	at := map[sessKey]time.Time{}
	for _, rec := range rs {
		k := sessKey{rec.Chat, rec.SessionID}
		if groups[k] == nil {
			groups[k] = map[string]any{}
			at[k] = rec.EndedAt
		}
		groups[k][rec.SessionID+"/"+rec.UserID] = rec
	}
	for k, vs := range groups {
		if err := r.S.PutRecords(ctx, k.chat, at[k], vs); err != nil {
			return err
		}
	}
	return nil
}

func (r StoreRecords) Records(ctx context.Context, chat string, from, to time.Time) ([]Record, error) {
	var out []Record
	err := r.S.Records(ctx, chat, from, to, func(raw json.RawMessage) error {
		var rec Record
		if err := json.Unmarshal(raw, &rec); err != nil {
			return fmt.Errorf("record: %w", err)
		}
		out = append(out, rec)
		return nil
	})
	return out, err
}

// MapRecords keeps records in RAM (tests, one-shot commands). The zero
// value is ready.
type MapRecords struct {
	mu   sync.Mutex
	recs []Record
}

func (m *MapRecords) AddRecords(_ context.Context, rs []Record) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.recs = append(m.recs, rs...)
	return nil
}

func (m *MapRecords) Records(_ context.Context, chat string, from, to time.Time) ([]Record, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []Record
	for _, r := range m.recs {
		if (chat == "" || r.Chat == chat) && (from.IsZero() || !r.EndedAt.Before(from)) && (to.IsZero() || r.EndedAt.Before(to)) {
			out = append(out, r)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].EndedAt.Before(out[j].EndedAt) })
	return out, nil
}

// Standing is a member's total over sessions.
type Standing struct {
	UserID   string
	Name     string // the latest name seen
	Sessions int
	Answered int
	Right    int
	Points   int
	Last     time.Time // the latest session's end
}

// Accuracy is the share of answers that were right (0 with none).
func (s Standing) Accuracy() float64 {
	if s.Answered == 0 {
		return 0
	}
	return float64(s.Right) / float64(s.Answered)
}

// standings adds records up per member, most points first (then accuracy,
// then who got there first).
func standings(recs []Record) []Standing {
	by := map[string]*Standing{}
	var order []string
	for _, r := range recs {
		s := by[r.UserID]
		if s == nil {
			s = &Standing{UserID: r.UserID}
			by[r.UserID] = s
			order = append(order, r.UserID)
		}
		if r.Name != "" {
			s.Name = r.Name
		}
		s.Sessions++
		s.Answered += r.Answered
		s.Right += r.Right
		s.Points += r.Points
		if r.EndedAt.After(s.Last) {
			s.Last = r.EndedAt
		}
	}
	out := make([]Standing, 0, len(order))
	for _, id := range order {
		out = append(out, *by[id])
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Points != out[j].Points {
			return out[i].Points > out[j].Points
		}
		if out[i].Accuracy() != out[j].Accuracy() {
			return out[i].Accuracy() > out[j].Accuracy()
		}
		return out[i].Last.Before(out[j].Last)
	})
	return out
}

// Board ranks chat's members over the sessions that ended since since
// (zero: all time).
func (t *Trainer) Board(ctx context.Context, chat string, since time.Time) ([]Standing, error) {
	recs, err := t.records.Records(ctx, chat, since, time.Time{})
	if err != nil {
		return nil, fmt.Errorf("board of %s: %w", chat, err)
	}
	return standings(recs), nil
}

// MemberRecord is one member's total in chat, and in how many of chat's
// sessions anybody answered (found is false when the member has no record).
func (t *Trainer) MemberRecord(ctx context.Context, chat, userID string) (st Standing, rank, sessions int, found bool, err error) {
	recs, err := t.records.Records(ctx, chat, time.Time{}, time.Time{})
	if err != nil {
		return Standing{}, 0, 0, false, fmt.Errorf("record of %s in %s: %w", userID, chat, err)
	}
	ids := map[string]bool{}
	for _, r := range recs {
		ids[r.SessionID] = true
	}
	for i, s := range standings(recs) {
		if s.UserID == userID {
			return s, i + 1, len(ids), true, nil
		}
	}
	return Standing{}, 0, len(ids), false, nil
}

// Records lists every record of chat ("" all chats) that ended in
// [from, to), for export.
func (t *Trainer) Records(ctx context.Context, chat string, from, to time.Time) ([]Record, error) {
	recs, err := t.records.Records(ctx, chat, from, to)
	if err != nil {
		return nil, fmt.Errorf("records: %w", err)
	}
	return recs, nil
}
