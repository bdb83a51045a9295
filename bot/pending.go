package bot

// Saving the updates not answered when the bot stops, and answering them
// first after the restart.

import (
	"context"
	"time"
)

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
