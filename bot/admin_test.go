package bot

import (
	"strings"
	"testing"
	"time"

	"bangyang/bot/telegramtest"
)

// TestAdminsAlwaysAllowed: the README promises that admins are always
// served: with an allow-list that names neither them nor their chat, and
// beyond the per-user question limit; others are still refused and
// limited.
func TestAdminsAlwaysAllowed(t *testing.T) {
	t.Parallel()
	cfg := testConfig()
	cfg.Workers = 1
	cfg.AllowedChats = []int64{-9100}
	cfg.AllowedUsers = []int64{1001}
	cfg.Admins = []int64{7007}
	cfg.UserRate = RateLimit{Burst: 1, Every: time.Hour}
	fc := newFakeCore()
	h := start(t, cfg, fc)
	admin := telegramtest.User{ID: 7007, FirstName: "管理员"}
	adm := h.srv.PrivateChat(admin)
	other := h.srv.GroupChat(-9200, "未授权的群")

	// In a private chat and in a group that are not on the list.
	h.say(adm, admin, "格线化管理怎么做？")
	h.waitFinal(adm.ID, 1)
	h.say(other, admin, "/ask 仁和家访是怎么做的？")
	h.waitFinal(other.ID, 1)
	// Over the question limit (one an hour).
	h.say(adm, admin, "郭佳怎么走访？")
	h.waitFinal(adm.ID, 2)
	if q := fc.questions(); len(q) != 3 {
		t.Fatalf("admin's questions answered: %q, want all 3", q)
	}

	// A stranger in the same group is not served; a listed user is
	// limited.
	stranger := telegramtest.User{ID: 6606, FirstName: "陌生人"}
	h.say(other, stranger, "/ask 问题")
	h.say(h.dm, h.user, "第一个问题")
	h.waitFinal(h.dm.ID, 1)
	h.say(h.dm, h.user, "第二个问题")
	msgs := h.waitCount(h.dm.ID, 2)
	if !strings.Contains(msgs[1].Text, "提问有点频繁") {
		t.Errorf("listed user over the limit: %s", dump(msgs))
	}
	if got := h.srv.BotMessages(other.ID); len(got) != 1 || len(fc.questions()) != 4 {
		t.Errorf("stranger in an unlisted group served: %s; asked %q", dump(got), fc.questions())
	}
	h.noRejections()
}
