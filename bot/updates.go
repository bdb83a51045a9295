package bot

import (
	"cmp"
	"context"
	"encoding/json"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-telegram/bot/models"
)

// Updates reach the handlers through one queue, whether fetched by long
// polling or POSTed to the webhook. The queue belongs to the bot, not to
// go-telegram/bot, so that
//   - each update is decoded on its own: one that does not decode is logged
//     with its update_id and skipped, and polling goes on past it (the
//     library decodes a batch at once and, on one bad field, drops the batch
//     without advancing the offset, so Telegram re-sends it for a day);
//   - on shutdown, fetching stops first, the workers finish what they can
//     within ShutdownTimeout, and every update not handled by then is saved
//     (Store) and handled after the restart, before anything new.

// KV is the persistent store of the transport: button keys and the updates
// a shutdown left unhandled. *store.Store satisfies it.
type KV interface {
	Get(ctx context.Context, bucket, key string, v any) (bool, error)
	Put(ctx context.Context, bucket, key string, v any) error
	Delete(ctx context.Context, bucket, key string) error
}

const (
	bucketPending = "tg_pending" // key "queue": pendingState
	bucketButtons = "tg_buttons" // key: button key, value: buttonRecord
	pendingKey    = "queue"

	maxQueued     = 200 // polling waits while this many updates are queued
	maxPendingAge = 24 * time.Hour
	pollTimeout   = 50 // seconds of a long poll
)

// pendingState is what a shutdown leaves for the next start: updates not
// handled, and the offset that confirms everything fetched.
type pendingState struct {
	Offset  int64             `json:"offset,omitempty"`
	Updates []json.RawMessage `json:"updates"`
	Saved   time.Time         `json:"saved"`
}

// queue is the bot's update queue and worker pool.
type queue struct {
	b *Bot

	mu       sync.Mutex
	items    []queued
	running  map[*queued]struct{}
	closed   bool          // no more work is taken (grace period over)
	wake     chan struct{} // closed and replaced when items or room change
	offset   int64         // next getUpdates offset (polling)
	deferred map[*deferral]struct{}
	// parked are questions waiting for their conversation's lock (an
	// earlier question of the same chat is being answered), in order.
	parked map[string][]queued
	// claims keep a conversation's messages in order: from the moment one
	// is taken until it holds the conversation lock, parks or ends, the
	// next message of that conversation stays queued (a few ms; it does not
	// wait for the answer).
	claims  map[string]*claim
	workers sync.WaitGroup
}

// claim is one message's hold on its conversation, told apart by address
// (hence not zero-sized: distinct zero-size values may share one).
type claim struct{ _ byte }

// queued is one update with its raw JSON (what is persisted).
type queued struct {
	u   *models.Update
	raw json.RawMessage
	// retry marks a question deferred by the rate limit: no second notice.
	retry bool
	// answered is set once the handler delivered its answer, so that an
	// update aborted after that point is not saved and answered twice.
	answered *atomic.Bool
	// admitted: the rate limits were applied already (a parked question).
	admitted bool
	// conv is the conversation lock handed to a parked question.
	conv *heldConv
	// key is the conversation of a message (claims); claim its claim.
	key   string
	claim *claim
}

// heldConv is a conversation lock handed over with a queue item; taken
// once, by the question's handler, or released by the worker after it.
type heldConv struct {
	unlock func()
	taken  atomic.Bool
}

func (h *heldConv) take() (func(), bool) {
	if h == nil || !h.taken.CompareAndSwap(false, true) {
		return nil, false
	}
	return h.unlock, true
}

// deferral is a private question waiting for its user's next rate token.
type deferral struct {
	q     queued
	timer *time.Timer
	chat  int64
}

func newQueue(b *Bot) *queue {
	return &queue{b: b, running: map[*queued]struct{}{}, wake: make(chan struct{}), deferred: map[*deferral]struct{}{}, parked: map[string][]queued{}, claims: map[string]*claim{}}
}

func (q *queue) signalLocked() {
	close(q.wake)
	q.wake = make(chan struct{})
}

// push adds decoded updates at the end of the queue.
func (q *queue) push(items ...queued) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.items = append(q.items, items...)
	q.signalLocked()
}

// waitRoom blocks polling while the queue is full.
func (q *queue) waitRoom(ctx context.Context) error {
	for {
		q.mu.Lock()
		n, wake := len(q.items), q.wake
		q.mu.Unlock()
		if n < maxQueued {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-wake:
		}
	}
}

// start runs n workers until close.
func (q *queue) start(n int) {
	for range n {
		q.workers.Add(1)
		go q.work()
	}
}

func (q *queue) work() {
	defer q.workers.Done()
	for {
		q.mu.Lock()
		next := q.nextLocked()
		for next < 0 && !q.closed {
			wake := q.wake
			q.mu.Unlock()
			<-wake
			q.mu.Lock()
			next = q.nextLocked()
		}
		if q.closed {
			q.mu.Unlock()
			return
		}
		it := q.items[next]
		q.items = slices.Delete(q.items, next, next+1)
		it.answered = &atomic.Bool{}
		if it.key != "" {
			it.claim = &claim{}
			q.claims[it.key] = it.claim
		}
		q.running[&it] = struct{}{}
		q.signalLocked() // room for polling
		q.mu.Unlock()
		q.b.process(it)
		if q.b.base.Err() == nil {
			it.answered.Store(true) // handled to the end, not aborted
		}
		if unlock, ok := it.conv.take(); ok {
			unlock() // handed a lock it did not use
		}
		q.release(it)
		q.mu.Lock()
		delete(q.running, &it)
		q.signalLocked()
		q.mu.Unlock()
	}
}

// nextLocked is the index of the first item whose conversation is not
// claimed, or -1.
func (q *queue) nextLocked() int {
	for i, it := range q.items {
		if it.key == "" || q.claims[it.key] == nil {
			return i
		}
	}
	return -1
}

// release ends the item's claim on its conversation (once; a later message's
// claim is left alone).
func (q *queue) release(it queued) {
	if it.claim == nil {
		return
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	q.releaseLocked(it)
}

func (q *queue) releaseLocked(it queued) {
	if it.claim != nil && q.claims[it.key] == it.claim {
		delete(q.claims, it.key)
		q.signalLocked()
	}
}

// idle reports whether nothing is queued or running.
func (q *queue) idleWait() <-chan struct{} {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) == 0 && len(q.running) == 0 {
		c := make(chan struct{})
		close(c)
		return c
	}
	return q.wake
}

// defer schedules a question for when its user has a token again.
func (q *queue) deferUntil(it queued, chat int64, wait time.Duration) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.closed {
		return
	}
	d := &deferral{q: it, chat: chat}
	d.q.retry = true
	q.deferred[d] = struct{}{}
	d.timer = time.AfterFunc(wait, func() {
		q.mu.Lock()
		if _, ok := q.deferred[d]; !ok || q.closed {
			q.mu.Unlock()
			return
		}
		delete(q.deferred, d)
		q.items = append(q.items, d.q)
		q.signalLocked()
		q.mu.Unlock()
	})
}

// deferredIn counts questions of chat waiting for a token.
func (q *queue) deferredIn(chat int64) int {
	q.mu.Lock()
	defer q.mu.Unlock()
	n := 0
	for d := range q.deferred {
		if d.chat == chat {
			n++
		}
	}
	return n
}

// close stops the workers from taking more. It returns the updates not
// handled (queued and deferred) and those still running, which abort
// decides about once they have ended.
func (q *queue) close() (left, running []queued) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.closed = true
	q.signalLocked()
	left = append([]queued(nil), q.items...)
	for it := range q.running {
		running = append(running, *it)
	}
	for d := range q.deferred {
		d.timer.Stop()
		left = append(left, d.q)
	}
	for _, its := range q.parked {
		left = append(left, its...)
	}
	q.items, q.deferred, q.parked = nil, map[*deferral]struct{}{}, map[string][]queued{}
	return left, running
}

// lockConv takes the conversation lock for a question. A question from the
// queue that finds it held is parked (ok false): it waits in the queue, not
// in a worker, and comes back holding the lock when the earlier answer is
// done. Other callers wait for the lock.
func (b *Bot) lockConv(ctx context.Context, conv string) (unlock func(), ok bool, err error) {
	it, _, fromQueue := queuedFrom(ctx)
	if !fromQueue {
		unlock, err := b.convs.lock(ctx, conv)
		return unlock, err == nil, err
	}
	q := b.queue
	if unlock, ok := it.conv.take(); ok {
		q.release(it)
		return unlock, true, nil
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	defer q.releaseLocked(it) // in line now: the next message may go
	if unlock, ok := b.convs.tryLock(conv); ok {
		return unlock, true, nil
	}
	if q.closed {
		return nil, false, context.Canceled
	}
	parked := it
	parked.admitted, parked.conv, parked.retry, parked.claim = true, nil, false, nil
	q.parked[conv] = append(q.parked[conv], parked)
	return nil, false, nil
}

// convFreed hands a freed conversation lock to its first parked question,
// which goes to the front of the queue.
func (q *queue) convFreed(conv string) {
	q.mu.Lock()
	defer q.mu.Unlock()
	waiting := q.parked[conv]
	if len(waiting) == 0 || q.closed {
		return
	}
	unlock, ok := q.b.convs.tryLock(conv)
	if !ok {
		return // taken meanwhile; its release calls this again
	}
	it := waiting[0]
	if len(waiting) == 1 {
		delete(q.parked, conv)
	} else {
		q.parked[conv] = waiting[1:]
	}
	it.conv = &heldConv{unlock: unlock}
	q.items = append([]queued{it}, q.items...)
	q.signalLocked()
}

// sortQueued orders updates by id and drops repeats (an update both
// running and deferred when the shutdown came).
func sortQueued(s []queued) []queued {
	slices.SortStableFunc(s, func(a, b queued) int { return cmp.Compare(a.u.ID, b.u.ID) })
	return slices.CompactFunc(s, func(a, b queued) bool { return a.u.ID == b.u.ID })
}

// process runs one update through the client's middlewares and our handler.
func (b *Bot) process(it queued) {
	ctx := b.base
	if it.answered == nil {
		it.answered = &atomic.Bool{}
	}
	if it.retry {
		ctx = context.WithValue(ctx, retryKey{}, it)
	} else {
		ctx = context.WithValue(ctx, updateKey{}, it)
	}
	b.api.ProcessUpdate(ctx, it.u)
}

type retryKey struct{}
type updateKey struct{}

// queuedFrom is the update being handled (for deferral); ok is false for
// updates that came by other ways (tests calling handleUpdate).
func queuedFrom(ctx context.Context) (it queued, retry, ok bool) {
	if it, ok := ctx.Value(retryKey{}).(queued); ok {
		return it, true, true
	}
	if it, ok := ctx.Value(updateKey{}).(queued); ok {
		return it, false, true
	}
	return queued{}, false, false
}

// withQueuedFrom carries the queue item of from onto ctx.
func withQueuedFrom(ctx, from context.Context) context.Context {
	if it, ok := from.Value(retryKey{}).(queued); ok {
		return context.WithValue(ctx, retryKey{}, it)
	}
	if it, ok := from.Value(updateKey{}).(queued); ok {
		return context.WithValue(ctx, updateKey{}, it)
	}
	return ctx
}

// markAnswered records that the update being handled got its answer.
func markAnswered(ctx context.Context) {
	if it, _, ok := queuedFrom(ctx); ok && it.answered != nil {
		it.answered.Store(true)
	}
}

// updateConv is the conversation of a message update ("" for others).
func updateConv(u *models.Update) string {
	m := u.Message
	if m == nil || m.Chat.ID == 0 {
		return ""
	}
	thread := 0
	if m.IsTopicMessage {
		thread = m.MessageThreadID
	}
	return convKey(m.Chat.ID, thread)
}
