package core

import (
	"context"
	"encoding/json"
	"sync"
	"time"
)

// Turn is one question and its answer, kept so follow-ups ("她后来呢？")
// can be understood and /sources can show what the last answer used.
type Turn struct {
	ID       string     `json:"id,omitempty"`
	Question string     `json:"q"`
	Query    string     `json:"query"` // what was actually searched
	Answer   string     `json:"a"`
	Leader   string     `json:"leader,omitempty"` // the leader the answer was mostly about
	Cited    []Citation `json:"cited,omitempty"`
	Grounded bool       `json:"grounded"`
	// What the question was understood as, for follow-ups.
	Intent  Intent   `json:"intent,omitempty"`
	Topic   string   `json:"topic,omitempty"`
	Leaders []string `json:"leaders,omitempty"`
	Methods []string `json:"methods,omitempty"`
	// Listed are the methods the answer named, in its order: "第一个方法"
	// and "这个方法" in a follow-up refer to them.
	Listed []string `json:"listed,omitempty"`
	// Attributes are the personal facts the question asked (籍贯, 荣誉):
	// "那Y呢" asks them of Y.
	Attributes []string `json:"attrs,omitempty"`
	// Asks is the detail the question asked (how things were): "现在呢"
	// then asks how they are.
	Asks Detail `json:"asks,omitempty"`
	// Step is the step of its method the answer told alone (第二步): "为什么
	// 要这一步" then asks of it.
	Step int `json:"step,omitempty"`
	// Shown are keys of the sentences the answer quoted: a follow-up does
	// not show them again.
	Shown []string  `json:"shown,omitempty"`
	At    time.Time `json:"at"`
}

// listedHerWork reports a turn that was her profile: a summary listing her
// methods, none told on its own.
func (t *Turn) listedHerWork() bool {
	return t.Intent == IntentSummary && len(t.Listed) > 0 && len(t.Methods) == 0
}

// Conversation is the recent history of one chat.
type Conversation struct {
	Turns []Turn `json:"turns"`
}

// Memory keeps conversations. It is defined here, where it is used; the
// on-disk default is StoreMemory.
type Memory interface {
	Load(ctx context.Context, chat string) (Conversation, error)
	Save(ctx context.Context, chat string, c Conversation) error
	Delete(ctx context.Context, chat string) error
}

// StoreMemory keeps conversations in the embedded store so they survive
// restarts. A conversation whose last turn is older than TTL has expired:
// it is deleted when next loaded (and reads as empty), and Sweep removes
// the ones nobody loads, a bounded slice per start. TTL 0 keeps them
// forever.
type StoreMemory struct {
	S   SweepKV
	TTL time.Duration
	Now func() time.Time // nil: time.Now
}

const (
	conversationsBucket = "conversations"
	// sweepBucket/sweepKey hold where the last start's sweep stopped.
	sweepBucket = "housekeeping"
	sweepKey    = "conversations-sweep-after"
)

func (m StoreMemory) now() time.Time {
	if m.Now != nil {
		return m.Now()
	}
	return time.Now()
}

// expired reports whether a conversation last active at last is past TTL.
func (m StoreMemory) expired(last time.Time) bool {
	return m.TTL > 0 && !last.IsZero() && m.now().Sub(last) > m.TTL
}

// lastActive is the time of the conversation's latest turn.
func (c Conversation) lastActive() time.Time {
	var t time.Time
	for _, tu := range c.Turns {
		if tu.At.After(t) {
			t = tu.At
		}
	}
	return t
}

func (m StoreMemory) Load(ctx context.Context, chat string) (Conversation, error) {
	var c Conversation
	_, err := m.S.Get(ctx, conversationsBucket, chat, &c)
	if err == nil && m.expired(c.lastActive()) {
		if err := m.S.Delete(ctx, conversationsBucket, chat); err != nil {
			return Conversation{}, err
		}
		return Conversation{}, nil
	}
	return c, err
}

func (m StoreMemory) Save(ctx context.Context, chat string, c Conversation) error {
	return m.S.Put(ctx, conversationsBucket, chat, c)
}

func (m StoreMemory) Delete(ctx context.Context, chat string) error {
	return m.S.Delete(ctx, conversationsBucket, chat)
}

// SweepLimit is how many conversations one start's Sweep reads: bounded so
// start-up does not grow with the store (about 20 KB of JSON each, read
// for their timestamps only); the next start continues where it stopped.
const SweepLimit = 1000

// Sweep deletes expired conversations among the next max (SweepLimit if
// 0) after where the previous sweep stopped, and remembers where it
// stopped. It returns how many it deleted.
func (m StoreMemory) Sweep(ctx context.Context, max int) (int, error) {
	if m.TTL <= 0 {
		return 0, nil
	}
	if max <= 0 {
		max = SweepLimit
	}
	var after string
	if _, err := m.S.Get(ctx, sweepBucket, sweepKey, &after); err != nil {
		return 0, err
	}
	var from []byte
	if after != "" {
		from = []byte(after)
	}
	n, next, err := m.S.Sweep(ctx, conversationsBucket, from, max, func(_ []byte, raw json.RawMessage) bool {
		// Only the timestamps are decoded.
		var c struct {
			Turns []struct {
				At time.Time `json:"at"`
			} `json:"turns"`
		}
		if json.Unmarshal(raw, &c) != nil {
			return false // not ours to judge; Load reports it
		}
		var last time.Time
		for _, t := range c.Turns {
			if t.At.After(last) {
				last = t.At
			}
		}
		return m.expired(last)
	})
	if err != nil {
		return n, err
	}
	return n, m.S.Put(ctx, sweepBucket, sweepKey, string(next))
}

// MapMemory keeps conversations in RAM: for one-shot CLI calls and tests.
type MapMemory struct {
	mu sync.Mutex
	m  map[string]Conversation
}

func (m *MapMemory) Load(_ context.Context, chat string) (Conversation, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	c := m.m[chat]
	c.Turns = append([]Turn(nil), c.Turns...)
	return c, nil
}

func (m *MapMemory) Save(_ context.Context, chat string, c Conversation) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m == nil {
		m.m = map[string]Conversation{}
	}
	m.m[chat] = c
	return nil
}

func (m *MapMemory) Delete(_ context.Context, chat string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.m, chat)
	return nil
}
