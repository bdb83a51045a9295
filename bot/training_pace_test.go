package bot

import (
	"path/filepath"
	"testing"
	"time"

	"bangyang/bot/telegramtest"
)

// TestGroupQuizNoEarlyAdvance: in a group the passage waits for the whole
// answer window even when every member seen so far has answered (nobody
// knows who else is still thinking); in a private chat the only player's
// answer brings it at once.
func TestGroupQuizNoEarlyAdvance(t *testing.T) {
	t.Parallel()
	st := openTrainingStore(t, filepath.Join(t.TempDir(), "bot.db"))
	defer st.Close()
	svc := trainingService(t, st)
	cfg := trainingConfig()
	cfg.TrainingAnswerWait = 1200 * time.Millisecond
	h := start(t, cfg, svc)
	group := h.srv.SupergroupChat(-1007201, "培训群", false)
	secretary := telegramtest.User{ID: 3200, FirstName: "书记"}
	h.srv.SetChatMember(group, secretary, telegramtest.StatusAdministrator)

	h.say(group, secretary, "/train 1")
	p := h.waitPolls(group.ID, 1)[0]
	h.vote(p, alice, *p.CorrectOptionID)
	h.vote(p, bob, *p.CorrectOptionID)
	h.vote(p, secretary, *p.CorrectOptionID)
	passage := h.waitText(group.ID, "第 1/1 题", 1)[0]
	if d := passage.SentAt.Sub(pollSentAt(t, h.srv, group.ID)); d < cfg.TrainingAnswerWait {
		t.Errorf("group: the passage came %v after the poll, before the %v answer window was over", d, cfg.TrainingAnswerWait)
	}

	h.say(h.dm, h.user, "/train 1")
	p = h.waitPolls(h.dm.ID, 1)[0]
	voted := time.Now()
	h.vote(p, h.user, *p.CorrectOptionID)
	passage = h.waitText(h.dm.ID, "第 1/1 题", 1)[0]
	if d := passage.SentAt.Sub(voted); d >= cfg.TrainingAnswerWait-200*time.Millisecond {
		t.Errorf("private: the passage came %v after the only player's answer, want at once", d)
	}
}

// pollSentAt is when the bot sent its (first) poll in chat.
func pollSentAt(t *testing.T, srv *telegramtest.Server, chatID int64) time.Time {
	t.Helper()
	for _, m := range srv.BotMessages(chatID) {
		if m.Poll != nil {
			return m.SentAt
		}
	}
	t.Fatalf("no poll in chat %d", chatID)
	return time.Time{}
}
