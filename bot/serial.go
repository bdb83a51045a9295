package bot

import (
	"context"
	"sync"
)

// convLocks serialises answers within one conversation (a chat or forum
// topic): core reads the conversation, answers and saves it, so two answers
// at once would lose a turn, and the second question would be read without
// the first. Entries exist only while someone holds or waits for them.
type convLocks struct {
	mu sync.Mutex
	m  map[string]*convLock
}

type convLock struct {
	slot chan struct{} // capacity 1: holding the lock is owning the slot
	refs int
}

// lock waits for conv's turn; it fails only when ctx ends first.
func (c *convLocks) lock(ctx context.Context, conv string) (unlock func(), err error) {
	c.mu.Lock()
	if c.m == nil {
		c.m = map[string]*convLock{}
	}
	l := c.m[conv]
	if l == nil {
		l = &convLock{slot: make(chan struct{}, 1)}
		c.m[conv] = l
	}
	l.refs++
	c.mu.Unlock()
	release := func() {
		c.mu.Lock()
		l.refs--
		if l.refs == 0 {
			delete(c.m, conv)
		}
		c.mu.Unlock()
	}
	select {
	case l.slot <- struct{}{}:
		return func() { <-l.slot; release() }, nil
	case <-ctx.Done():
		release()
		return nil, ctx.Err()
	}
}

// size is the number of conversations held or waited for (tests).
func (c *convLocks) size() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m)
}
