package core

import (
	"context"
	"sync"
	"time"

	"bangyang/store"
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
	// Shown are keys of the sentences the answer quoted: a follow-up does
	// not show them again.
	Shown []string  `json:"shown,omitempty"`
	At    time.Time `json:"at"`
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
// restarts.
type StoreMemory struct{ S *store.Store }

const conversationsBucket = "conversations"

func (m StoreMemory) Load(ctx context.Context, chat string) (Conversation, error) {
	var c Conversation
	_, err := m.S.Get(ctx, conversationsBucket, chat, &c)
	return c, err
}

func (m StoreMemory) Save(ctx context.Context, chat string, c Conversation) error {
	return m.S.Put(ctx, conversationsBucket, chat, c)
}

func (m StoreMemory) Delete(ctx context.Context, chat string) error {
	return m.S.Delete(ctx, conversationsBucket, chat)
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
