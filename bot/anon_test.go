package bot

import (
	"path/filepath"
	"testing"
	"time"

	"bangyang/bot/telegramtest"
)

// An anonymous group administrator writes as the group: from is
// GroupAnonymousBot (a bot account) and sender_chat the group. They are
// people and admins; other bots stay ignored.
func TestAnonymousAdminIsServed(t *testing.T) {
	t.Parallel()
	fc := newFakeCore()
	h := start(t, testConfig(), fc)
	group := h.srv.SupergroupChat(-1001700, "社区群", false)
	h.say(group, h.user, "/ask 格线化管理怎么做？", telegramtest.AsChat())
	msgs := h.waitFinal(group.ID, 1)
	if len(fc.questions()) != 1 {
		t.Fatalf("anonymous admin's question not answered:%s", dump(msgs))
	}
	// A real bot in the group is still ignored.
	h.say(group, telegramtest.User{ID: 3333, IsBot: true, FirstName: "别的机器人", Username: "other_bot"}, "/ask 你好")
	time.Sleep(200 * time.Millisecond)
	if got := fc.questions(); len(got) != 1 {
		t.Errorf("a bot's message was answered: %q", got)
	}
	h.noRejections()
}

func TestAnonymousAdminMayStartTraining(t *testing.T) {
	t.Parallel()
	st := openTrainingStore(t, filepath.Join(t.TempDir(), "bot.db"))
	defer st.Close()
	svc := trainingService(t, st)
	cfg := trainingConfig()
	cfg.TrainingAnswerWait = 20 * time.Second
	h := start(t, cfg, svc)
	group := h.srv.SupergroupChat(-1001701, "社区群", false)
	h.say(group, h.user, "/train 2", telegramtest.AsChat())
	h.waitPolls(group.ID, 1)
	if n := len(withText(h.srv, group.ID, "只有群管理员")); n != 0 {
		t.Errorf("anonymous admin refused")
	}
	h.say(group, h.user, "/stop", telegramtest.AsChat())
	h.waitText(group.ID, "提前结束", 1)
	h.noRejections()
}
