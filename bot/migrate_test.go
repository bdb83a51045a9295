package bot

import (
	"path/filepath"
	"testing"

	"bangyang/bot/telegramtest"
)

// A group upgraded to a supergroup in the middle of a training session:
// its old id is refused with migrate_to_chat_id, and the rest of the
// session (passages, polls, board) goes to the supergroup.
func TestTrainingFollowsSupergroupMigration(t *testing.T) {
	t.Parallel()
	st := openTrainingStore(t, filepath.Join(t.TempDir(), "bot.db"))
	defer st.Close()
	svc := trainingService(t, st)
	owner := telegramtest.User{ID: 4300, FirstName: "运维"}
	cfg := trainingConfig()
	cfg.Admins = []int64{owner.ID}
	h := start(t, cfg, svc)
	group := h.srv.GroupChat(-4200, "社区群")
	h.say(group, owner, "/train 2")
	h.waitPolls(group.ID, 1)
	super := h.srv.MigrateChat(group, -1004200)
	h.waitText(super.ID, "培训结束", 1)
	if ps := chatPolls(h.srv, super.ID); len(ps) != 1 {
		t.Errorf("the second question was not posted in the supergroup:%s", dump(h.srv.BotMessages(super.ID)))
	}
	if n := len(withText(h.srv, super.ID, "第 1/2 题")); n != 1 {
		t.Errorf("the first passage was not posted in the supergroup:%s", dump(h.srv.BotMessages(super.ID)))
	}
}
