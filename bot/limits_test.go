package bot

import (
	"strings"
	"testing"
	"time"

	"bangyang/bot/telegramtest"
)

// TestChatRateLimitsAGroup: the per-chat limit holds a group to its
// budget even when every question comes from a different member (each
// within their own limit).
func TestChatRateLimitsAGroup(t *testing.T) {
	t.Parallel()
	cfg := testConfig()
	cfg.Workers = 1
	cfg.UserRate = RateLimit{Burst: 10, Every: time.Hour}
	cfg.ChatRate = RateLimit{Burst: 2, Every: time.Hour}
	fc := newFakeCore()
	h := start(t, cfg, fc, newFakeClock().option())
	group := h.srv.GroupChat(-9300, "议事群")
	for i, name := range []string{"甲", "乙", "丙"} {
		h.say(group, telegramtest.User{ID: int64(9301 + i), FirstName: name}, "/ask 格线化管理怎么做？")
	}
	msgs := h.waitCount(group.ID, 3)
	if !strings.Contains(msgs[2].Text, "提问有点频繁") || len(fc.questions()) != 2 {
		t.Errorf("three members, a chat budget of two: asked %q%s", fc.questions(), dump(msgs))
	}
}

// TestRefusalsCostTheReplyBudget: refusals (a stranger's messages under
// the allow-list, stickers) are sent at most 3 at once (then one per
// 20 s); an admin's hints are not budgeted.
func TestRefusalsCostTheReplyBudget(t *testing.T) {
	t.Parallel()
	cfg := testConfig()
	cfg.Workers = 1
	cfg.AllowedUsers = []int64{1001}
	cfg.Admins = []int64{7008}
	h := start(t, cfg, newFakeCore(), newFakeClock().option(), withPrivatePace(RateLimit{}))
	stranger := telegramtest.User{ID: 6607, FirstName: "陌生人"}
	sdm := h.srv.PrivateChat(stranger)
	admin := telegramtest.User{ID: 7008, FirstName: "管理员"}
	adm := h.srv.PrivateChat(admin)
	for range 6 {
		h.say(sdm, stranger, "格线化管理怎么做？")
		if _, err := h.srv.SendSticker(adm, admin); err != nil {
			t.Fatal(err)
		}
	}
	h.waitCount(sdm.ID, 3)
	// Processed in order: once the admin's sixth hint is out, every
	// refusal the stranger will get has been queued.
	h.waitCount(adm.ID, 6)
	h.say(h.dm, h.user, "/help")
	h.waitCount(h.dm.ID, 1)
	if got := h.srv.BotMessages(sdm.ID); len(got) != 3 || !strings.Contains(got[0].Text, "仅对授权") {
		t.Errorf("6 messages from a stranger got %d refusals, want 3:%s", len(got), dump(got))
	}
	if got := h.srv.BotMessages(adm.ID); len(got) != 6 {
		t.Errorf("6 stickers from an admin got %d hints, want 6:%s", len(got), dump(got))
	}
}

// TestAdminButtonsNotRateLimited: an admin's presses of 查看原文 are not
// limited (a member's are, TestSourcesButtonIsRateLimited).
func TestAdminButtonsNotRateLimited(t *testing.T) {
	t.Parallel()
	cfg := testConfig()
	cfg.Admins = []int64{7009}
	cfg.UserRate = RateLimit{Burst: 1, Every: time.Hour}
	h := start(t, cfg, newFakeCore(), newFakeClock().option(), withPrivatePace(RateLimit{}))
	admin := telegramtest.User{ID: 7009, FirstName: "管理员"}
	adm := h.srv.PrivateChat(admin)
	h.say(adm, admin, "格线化管理怎么做？")
	msgs := h.waitFinal(adm.ID, 1)
	last := msgs[len(msgs)-1]
	var data string
	for _, row := range last.ReplyMarkup.InlineKeyboard {
		for _, b := range row {
			if strings.HasPrefix(b.CallbackData, cbSources) {
				data = b.CallbackData
			}
		}
	}
	if data == "" {
		t.Fatalf("no 查看原文 button:%s", dump(msgs))
	}
	for range 3 {
		if _, err := h.srv.PressButton(adm, admin, last.ID, data); err != nil {
			t.Fatal(err)
		}
	}
	h.waitCount(adm.ID, 1+3)
	for _, a := range h.srv.CallbackAnswers() {
		if strings.Contains(a.Text, "频繁") {
			t.Errorf("an admin's press was refused: %+v", a)
		}
	}
}
