package bot

import (
	"sync"
	"time"
)

// RateLimit is a token bucket: Burst requests at once, then one more every
// Every. A zero RateLimit means no limit.
type RateLimit struct {
	Burst int
	Every time.Duration
}

func (r RateLimit) off() bool { return r.Burst <= 0 || r.Every <= 0 }

// PerMinute is "n questions a minute" as a token bucket: half of them at
// once, then one every minute/n (10 → 5 at once, then one every 6 s). n <= 0
// turns the limit off (the settings' "0 = no limit").
func PerMinute(n int) RateLimit {
	if n <= 0 {
		return RateLimit{Burst: -1}
	}
	return RateLimit{Burst: max(1, n/2), Every: time.Minute / time.Duration(n)}
}

type bucket struct {
	tokens float64
	last   time.Time
}

// limiter keeps one token bucket per key (user or chat id).
type limiter struct {
	rate RateLimit
	now  func() time.Time

	mu      sync.Mutex
	buckets map[int64]*bucket
}

// groupPace is the pacing of new messages in one group: at most perMinute
// in any rolling minute, Telegram's flood limit for groups. A token bucket
// lets through its burst plus a minute's refill within a minute, so the
// refill rate is what is left after the burst (and a little slower, so that
// a token falling due exactly a minute after the burst is not one too many).
func groupPace(perMinute int) RateLimit {
	burst := min(3, max(1, perMinute/4))
	refill := max(perMinute-burst, 1)
	return RateLimit{Burst: burst, Every: 61 * time.Second / time.Duration(refill)}
}

// maxBuckets bounds memory: full, idle buckets are dropped beyond it.
const maxBuckets = 100_000

func newLimiter(r RateLimit, now func() time.Time) *limiter {
	return &limiter{rate: r, now: now, buckets: map[int64]*bucket{}}
}

// allow takes a token for key; when none is left it reports how long until
// the next one.
func (l *limiter) allow(key int64) (bool, time.Duration) {
	if l == nil || l.rate.off() {
		return true, 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b := l.buckets[key]
	if b == nil {
		if len(l.buckets) >= maxBuckets {
			l.prune(now)
		}
		b = &bucket{tokens: float64(l.rate.Burst), last: now}
		l.buckets[key] = b
	}
	b.tokens = min(float64(l.rate.Burst), b.tokens+now.Sub(b.last).Seconds()/l.rate.Every.Seconds())
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	need := (1 - b.tokens) * float64(l.rate.Every)
	return false, time.Duration(need)
}

func (l *limiter) prune(now time.Time) {
	full := time.Duration(l.rate.Burst) * l.rate.Every
	for k, b := range l.buckets {
		if now.Sub(b.last) >= full {
			delete(l.buckets, k)
		}
	}
}
