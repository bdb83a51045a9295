package bot

import "sync/atomic"

// Stats are the transport's counters since New, for metrics and alerts.
type Stats struct {
	// Undelivered counts replies (answers, notices) that could not be
	// delivered after every retry; each is also logged at Error level.
	Undelivered int64
	// Retries counts Bot API calls repeated after a 429, a 5xx or a
	// failed connection.
	Retries int64
	// DroppedNotices counts notices not sent because the chat already had
	// maxNotices waiting (a flood of cheap messages from one chat).
	DroppedNotices int64
	// BadUpdates counts updates skipped because they did not decode.
	BadUpdates int64
	// LostUpdates counts updates neither handled nor saved at shutdown
	// (no store, or the store failed).
	LostUpdates int64
	// RefusedPresses counts button presses refused because their key
	// belongs to another chat or message (forged callback data).
	RefusedPresses int64

	// Queued is the number of updates waiting now (for a worker, for
	// their conversation, or for a rate-limit token); Running, the number
	// being handled.
	Queued, Running int
}

type counters struct {
	undelivered, retries, droppedNotices, badUpdates, lostUpdates, refusedPresses atomic.Int64
}

// Stats reads the counters.
func (b *Bot) Stats() Stats {
	c := b.stats
	q := b.queue
	q.mu.Lock()
	queued, running := len(q.items)+len(q.deferred), len(q.running)
	for _, its := range q.parked {
		queued += len(its)
	}
	q.mu.Unlock()
	return Stats{
		Queued: queued, Running: running,
		Undelivered: c.undelivered.Load(), Retries: c.retries.Load(), DroppedNotices: c.droppedNotices.Load(),
		BadUpdates: c.badUpdates.Load(), LostUpdates: c.lostUpdates.Load(), RefusedPresses: c.refusedPresses.Load(),
	}
}
