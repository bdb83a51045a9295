package bot

import (
	"context"
	"sync"
)

// convLocks serialises answers within one conversation (a chat or forum
// topic): core reads the conversation, answers and saves it, so two answers
// at once would lose a turn, and the second question would be read without
// the first. Entries exist only while someone holds or waits for them.
// Questions from the update queue do not wait here holding a worker: they
// park in the queue (tryLock, then queue.park) and are handed the lock
// when it is freed (freed).
type convLocks struct {
	mu sync.Mutex
	m  map[string]*convLock
	// freed, when set, is called after a conversation's lock is released.
	freed func(conv string)
}

type convLock struct {
	slot chan struct{} // capacity 1: holding the lock is owning the slot
	refs int
}

func (c *convLocks) ref(conv string) (l *convLock, release func()) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string]*convLock{}
	}
	l = c.m[conv]
	if l == nil {
		l = &convLock{slot: make(chan struct{}, 1)}
		c.m[conv] = l
	}
	l.refs++
	return l, func() {
		c.mu.Lock()
		l.refs--
		if l.refs == 0 {
			delete(c.m, conv)
		}
		c.mu.Unlock()
	}
}

func (c *convLocks) unlocker(conv string, l *convLock, release func()) func() {
	var once sync.Once
	return func() {
		once.Do(func() {
			<-l.slot
			release()
			if c.freed != nil {
				c.freed(conv)
			}
		})
	}
}

// lock waits for conv's turn; it fails only when ctx ends first.
func (c *convLocks) lock(ctx context.Context, conv string) (unlock func(), err error) {
	l, release := c.ref(conv)
	select {
	case l.slot <- struct{}{}:
		return c.unlocker(conv, l, release), nil
	case <-ctx.Done():
		release()
		return nil, ctx.Err()
	}
}

// tryLock takes conv's lock if it is free.
func (c *convLocks) tryLock(conv string) (unlock func(), ok bool) {
	l, release := c.ref(conv)
	select {
	case l.slot <- struct{}{}:
		return c.unlocker(conv, l, release), true
	default:
		release()
		return nil, false
	}
}

// size is the number of conversations held or waited for (tests).
func (c *convLocks) size() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m)
}
