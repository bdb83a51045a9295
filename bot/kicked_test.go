package bot

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"bangyang/bot/telegramtest"
	"bangyang/core"
	"bangyang/quiz"
)

// Removed from a group in the middle of a training session, the bot ends
// the session (so the chat is not blocked if it is added back) and stops
// calling Telegram about that chat: a 403 is not retried.
func TestKickedDuringTrainingStopsCalling(t *testing.T) {
	t.Parallel()
	st := openTrainingStore(t, filepath.Join(t.TempDir(), "bot.db"))
	defer st.Close()
	svc := trainingService(t, st)
	cfg := trainingConfig()
	h := start(t, cfg, svc)
	group := h.srv.SupergroupChat(-1001800, "社区群", false)
	admin := telegramtest.User{ID: 4100, FirstName: "管理员"}
	h.srv.SetChatMember(group, admin, telegramtest.StatusAdministrator)
	h.say(group, admin, "/train 5")
	h.waitPolls(group.ID, 1)
	h.srv.KickBot(group)
	key := convKey(group.ID, 0)
	if !h.srv.WaitUntil(5*time.Second, func() bool {
		sess, _, err := svc.Trainer().Score(context.Background(), key)
		return errors.Is(err, core.ErrNoTraining) || err == nil && sess.State == quiz.StateStopped
	}) {
		t.Fatal("the session still runs in a chat the bot was removed from")
	}
	if !h.srv.WaitUntil(2*time.Second, func() bool { return h.bot.train.run(key) == nil }) {
		t.Error("the session's driver is still running")
	}
	calls := func() int {
		n := 0
		for _, c := range h.srv.Calls("") {
			if c.ErrorCode == 403 {
				n++
			}
		}
		return n
	}
	before := calls()
	time.Sleep(time.Second)
	if after := calls(); after != before || before > 4 {
		t.Errorf("refused calls to the kicked chat: %d, then %d a second later", before, after)
	}
}

// A user who blocked the bot gets no answer, and the bot does not retry.
func TestBlockedByUserNotRetried(t *testing.T) {
	t.Parallel()
	fc := newFakeCore()
	h := start(t, testConfig(), fc)
	h.srv.KickBot(h.dm)
	h.say(h.dm, h.user, "格线化管理怎么做？")
	if !h.srv.WaitUntil(5*time.Second, func() bool { return len(fc.questions()) == 1 }) {
		t.Fatal("question not processed")
	}
	time.Sleep(500 * time.Millisecond)
	if n := len(h.srv.Calls("sendMessage")); n > 1 {
		t.Errorf("sendMessage tried %d times for a user who blocked the bot", n)
	}
	// Other chats are unaffected.
	other := h.srv.PrivateChat(telegramtest.User{ID: 1002, FirstName: "小张"})
	h.say(other, telegramtest.User{ID: 1002, FirstName: "小张"}, "格线化管理怎么做？")
	h.waitFinal(other.ID, 1)
}
