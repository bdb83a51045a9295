package core

import "sync"

// chatLocks hands out one mutex per chat key, dropping it when nobody holds
// or waits for it, so memory stays bounded by the chats active right now.
// The zero value is ready.
type chatLocks struct {
	mu    sync.Mutex
	locks map[string]*chatLock
}

type chatLock struct {
	mu   sync.Mutex
	refs int // holders and waiters; the entry is dropped at zero
}

// lock takes chat's mutex and returns its release.
func (c *chatLocks) lock(chat string) (unlock func()) {
	c.mu.Lock()
	if c.locks == nil {
		c.locks = map[string]*chatLock{}
	}
	l := c.locks[chat]
	if l == nil {
		l = &chatLock{}
		c.locks[chat] = l
	}
	l.refs++
	c.mu.Unlock()
	l.mu.Lock()
	return func() {
		l.mu.Unlock()
		c.mu.Lock()
		l.refs--
		if l.refs == 0 {
			delete(c.locks, chat)
		}
		c.mu.Unlock()
	}
}
