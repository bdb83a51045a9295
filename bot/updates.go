package bot

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
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

// decodeUpdate decodes one update; a bad one is reported with its id.
func decodeUpdate(raw json.RawMessage) (u *models.Update, id int64, err error) {
	var head struct {
		ID int64 `json:"update_id"`
	}
	_ = json.Unmarshal(raw, &head)
	defer func() {
		if r := recover(); r != nil {
			u, err = nil, fmt.Errorf("decoder panicked: %v", r)
		}
	}()
	u = &models.Update{}
	if err := json.Unmarshal(raw, u); err != nil {
		return nil, head.ID, err
	}
	return u, u.ID, nil
}

// accept decodes raw updates into queue items, logging and skipping the
// ones that do not decode. It returns the next offset (0: none seen).
func (b *Bot) accept(raws []json.RawMessage) (items []queued, next int64) {
	for _, raw := range raws {
		u, id, err := decodeUpdate(raw)
		if id > 0 {
			next = max(next, id+1)
		}
		if err != nil {
			b.log.Error("skipping an update that does not decode", "update_id", id, "err", err, "bytes", len(raw))
			b.stats.badUpdates.Add(1)
			continue
		}
		items = append(items, queued{u: u, raw: raw, key: updateConv(u)})
	}
	return items, next
}

// --- long polling -------------------------------------------------------------

type apiReply struct {
	OK          bool            `json:"ok"`
	Result      json.RawMessage `json:"result"`
	ErrorCode   int             `json:"error_code"`
	Description string          `json:"description"`
	Parameters  struct {
		RetryAfter int `json:"retry_after"`
	} `json:"parameters"`
}

// poll fetches updates until ctx ends, feeding the queue.
func (b *Bot) poll(ctx context.Context) error {
	client := b.httpClient
	if client == nil {
		client = &http.Client{}
	}
	var backoff time.Duration
	for ctx.Err() == nil {
		if err := b.queue.waitRoom(ctx); err != nil {
			return nil
		}
		if backoff > 0 {
			if sleepCtx(ctx, backoff) != nil {
				return nil
			}
		}
		b.queue.mu.Lock()
		offset := b.queue.offset
		b.queue.mu.Unlock()
		raws, wait, err := b.getUpdates(ctx, client, offset)
		if ctx.Err() != nil {
			return nil
		}
		if errors.Is(err, ErrUnauthorized) {
			return err
		}
		if err != nil {
			backoff = max(wait, min(max(2*backoff, 100*time.Millisecond), 5*time.Second))
			b.log.Warn("telegram getUpdates", "err", redact(err, b.cfg.Token), "retry_in", backoff)
			continue
		}
		backoff = 0
		items, next := b.accept(raws)
		b.queue.mu.Lock()
		if next > b.queue.offset {
			b.queue.offset = next
		}
		b.queue.mu.Unlock()
		if len(items) > 0 {
			b.queue.push(items...)
		}
	}
	return nil
}

// getUpdates is one long poll; wait is Telegram's retry_after on 429.
func (b *Bot) getUpdates(ctx context.Context, client *http.Client, offset int64) ([]json.RawMessage, time.Duration, error) {
	params := map[string]any{"timeout": pollTimeout, "allowed_updates": allowedUpdates()}
	if offset > 0 {
		params["offset"] = offset
	}
	body, _ := json.Marshal(params)
	rctx, cancel := context.WithTimeout(ctx, (pollTimeout+20)*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodPost, strings.TrimRight(b.cfg.APIURL, "/")+"/bot"+b.cfg.Token+"/getUpdates", bytes.NewReader(body))
	if err != nil {
		return nil, 0, redact(fmt.Errorf("getUpdates: %w", err), b.cfg.Token)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return nil, 0, redact(fmt.Errorf("getUpdates: %w", err), b.cfg.Token)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return nil, 0, fmt.Errorf("getUpdates: read: %w", err)
	}
	var r apiReply
	if err := json.Unmarshal(data, &r); err != nil {
		// A proxy's HTML error page: say what it was, not what it said
		// (it may repeat the path with the token).
		return nil, 0, fmt.Errorf("getUpdates: HTTP %d, not a Bot API reply (%d bytes)", resp.StatusCode, len(data))
	}
	if !r.OK {
		wait := time.Duration(r.Parameters.RetryAfter) * b.retryUnit
		if r.ErrorCode == http.StatusUnauthorized {
			return nil, 0, ErrUnauthorized
		}
		return nil, wait, fmt.Errorf("getUpdates: %d %s", r.ErrorCode, r.Description)
	}
	var raws []json.RawMessage
	if err := json.Unmarshal(r.Result, &raws); err != nil {
		return nil, 0, fmt.Errorf("getUpdates: result is not a list: %w", err)
	}
	return raws, 0, nil
}

func allowedUpdates() []string {
	return []string{models.AllowedUpdateMessage, models.AllowedUpdateCallbackQuery, models.AllowedUpdatePollAnswer}
}

// --- shutdown and restart --------------------------------------------------------

// restore queues the updates a previous shutdown saved, ahead of new ones.
func (b *Bot) restore(ctx context.Context) {
	if b.kv == nil {
		return
	}
	var st pendingState
	found, err := b.kv.Get(ctx, bucketPending, pendingKey, &st)
	if err != nil {
		b.log.Error("read the updates saved at the last shutdown", "err", err)
		return
	}
	if !found {
		return
	}
	items, next := b.accept(st.Updates)
	if age := b.now().Sub(st.Saved); age > maxPendingAge {
		// Telegram itself keeps updates a day; answers later than that
		// would only puzzle.
		b.log.Warn("dropping updates saved at a shutdown too long ago", "updates", len(items), "saved", st.Saved)
		items = nil
	}
	b.queue.mu.Lock()
	b.queue.offset = max(b.queue.offset, st.Offset, next)
	b.queue.mu.Unlock()
	b.queue.push(items...)
	// Deleted once queued: a crash now loses nothing that a crash before
	// the shutdown would not have (the updates are in memory again).
	if err := b.kv.Delete(ctx, bucketPending, pendingKey); err != nil {
		b.log.Error("clear the saved updates", "err", err)
	}
	b.log.Info("handling updates saved at the last shutdown", "updates", len(items), "saved", st.Saved)
}

// drain finishes queued and running updates within ShutdownTimeout, then
// aborts the rest and saves them for the next start.
func (b *Bot) drain() {
	deadline := time.NewTimer(b.cfg.ShutdownTimeout)
	defer deadline.Stop()
	over := false
wait:
	for {
		select {
		case <-b.queue.idleWait():
			break wait
		case <-deadline.C:
			over = true
			b.log.Warn("shutdown grace period over, saving the updates not answered")
			break wait
		}
	}
	// Notices still queued for sending get the rest of the grace period.
	for !over && b.send.pending() > 0 {
		select {
		case <-deadline.C:
			over = true
		case <-time.After(10 * time.Millisecond):
		}
	}
	left, running := b.queue.close()
	b.baseCancel() // aborts answers still running
	b.queue.workers.Wait()
	// A running update is kept unless it got its answer out before the end.
	for _, it := range running {
		if !it.answered.Load() {
			left = append(left, it)
		}
	}
	left = sortQueued(left) // oldest first: a chat's questions keep their order
	// What is still queued fails fast now (its context is cancelled).
	for end := time.Now().Add(5 * time.Second); b.send.pending() > 0 && time.Now().Before(end); {
		time.Sleep(5 * time.Millisecond)
	}
	b.inflight.Wait()
	b.savePending(left)
}

func (b *Bot) savePending(left []queued) {
	b.queue.mu.Lock()
	offset := b.queue.offset
	b.queue.mu.Unlock()
	if len(left) == 0 && offset == 0 {
		return
	}
	if b.kv == nil {
		if len(left) > 0 {
			b.log.Error("updates not handled before shutdown and no store to keep them", "updates", len(left))
			b.stats.lostUpdates.Add(int64(len(left)))
		}
		return
	}
	st := pendingState{Offset: offset, Saved: b.now()}
	for _, it := range left {
		st.Updates = append(st.Updates, it.raw)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := b.kv.Put(ctx, bucketPending, pendingKey, st); err != nil {
		b.log.Error("save the updates not handled before shutdown; they are lost", "updates", len(left), "err", err)
		b.stats.lostUpdates.Add(int64(len(left)))
		return
	}
	if len(left) > 0 {
		b.log.Info("saved the updates not handled before shutdown", "updates", len(left))
	}
}
