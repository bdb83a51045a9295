package bot

import (
	"fmt"
	"testing"
	"time"
)

// TestGroupPacing: new messages in a group are paced to Telegram's 20 a
// minute (a burst of 3, then one per 61 s/17), on the bot's clock; a
// private chat beside it is not held up by the group's pacing.
func TestGroupPacing(t *testing.T) {
	t.Parallel()
	clk := newFakeClock()
	cfg := testConfig()
	cfg.Workers = 1
	cfg.UserRate = RateLimit{Burst: 100, Every: time.Second} // pacing, not the question limits
	cfg.ChatRate = cfg.UserRate
	h := start(t, cfg, newFakeCore(), clk.option(), withPrivatePace(RateLimit{}))
	group := h.srv.GroupChat(-4242, "议事群")
	const n = 6
	for i := range n {
		h.say(group, h.user, fmt.Sprintf("/help@bangyang_test_bot %d", i))
	}
	h.waitCount(group.ID, n)
	every := 61 * time.Second / 17
	want := (n - 3) * every
	if got := clk.Waited(); got < want-10*time.Millisecond || got > want+10*time.Millisecond {
		t.Errorf("%d messages in a group waited %v for their turn, want %v (3 at once, then one per %v)", n, got, want, every)
	}
	before := clk.Waited()
	h.say(h.dm, h.user, "/help")
	h.waitCount(h.dm.ID, 1)
	if d := clk.Waited() - before; d != 0 {
		t.Errorf("a private message waited %v behind the group's pacing", d)
	}
	h.noRejections()
}
