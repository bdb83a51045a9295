package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"bangyang/bot/telegramtest"
)

// Every command costs a question's rate-limit token: a member spamming
// /help (or any cheap command) in a group must neither make the bot spam
// back nor park every worker in the group's 20-messages-a-minute pacing,
// which would leave other chats unanswered.
func TestCommandSpamIsRateLimited(t *testing.T) {
	fc := newFakeCore()
	cfg := testConfig()
	// Two replies and the notice fit the group's pacing burst.
	cfg.UserRate = RateLimit{Burst: 2, Every: time.Hour}
	h := start(t, cfg, fc)
	group := h.srv.GroupChat(-700, "群")
	spammer := telegramtest.User{ID: 2002, FirstName: "刷屏"}
	for i := 0; i < 30; i++ {
		cmd := []string{"/help", "/sources", "/reset", "/start", "/nosuch@" + h.srv.Bot().Username}[i%5]
		h.say(group, spammer, cmd)
	}
	h.say(h.dm, h.user, "格线化管理怎么做？")
	start := time.Now()
	h.waitFinal(h.dm.ID, 1)
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("a private question waited %v behind a group's command spam", d)
	}
	// The user's burst, then one notice.
	noticed := func() bool {
		for _, m := range h.srv.BotMessages(group.ID) {
			if strings.Contains(m.Text, "频繁") {
				return true
			}
		}
		return false
	}
	h.srv.WaitUntil(8*time.Second, noticed)
	time.Sleep(300 * time.Millisecond)
	msgs := h.srv.BotMessages(group.ID)
	if len(msgs) > 3 {
		t.Errorf("the bot answered command spam with %d messages:%s", len(msgs), dump(msgs))
	}
	if !noticed() {
		t.Errorf("no rate-limit notice:%s", dump(msgs))
	}
	h.noRejections()
}

// The 查看原文 button sends new messages too; pressing it over and over is
// limited like asking.
func TestSourcesButtonIsRateLimited(t *testing.T) {
	t.Parallel()
	fc := newFakeCore()
	cfg := testConfig()
	cfg.UserRate = RateLimit{Burst: 2, Every: time.Hour}
	h := start(t, cfg, fc)
	group := h.srv.GroupChat(-701, "群")
	h.say(group, h.user, "/ask 格线化管理怎么做？")
	msgs := h.waitFinal(group.ID, 1)
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
	presser := telegramtest.User{ID: 2003, FirstName: "按钮"}
	for i := 0; i < 20; i++ {
		if _, err := h.srv.PressButton(group, presser, last.ID, data); err != nil {
			t.Fatal(err)
		}
	}
	h.srv.WaitUntil(3*time.Second, func() bool { return len(h.srv.CallbackAnswers()) == 20 })
	if n := len(h.srv.CallbackAnswers()); n != 20 {
		t.Errorf("%d of 20 presses answered", n)
	}
	time.Sleep(200 * time.Millisecond)
	if n := len(h.srv.BotMessages(group.ID)) - len(msgs); n > 2 {
		t.Errorf("20 presses of 查看原文 sent %d messages", n)
	}
	h.noRejections()
}

// Two questions from one conversation are answered one after the other:
// core reads the conversation, answers and saves it, so answering them at
// once would lose one turn and resolve the second without the first.
// Other chats are not held up.
func TestOneConversationAnsweredInOrder(t *testing.T) {
	t.Parallel()
	fc := newFakeCore()
	fc.steps, fc.delay = 10, 20*time.Millisecond
	h := start(t, testConfig(), fc)
	group := h.srv.GroupChat(-702, "群")
	other := telegramtest.User{ID: 2004, FirstName: "小李"}
	h.say(h.dm, h.user, "第一个问题")
	h.say(h.dm, h.user, "第二个问题")
	h.say(group, h.user, "/ask 群里的问题")
	h.say(group, other, "/ask 群里的另一个问题")
	h.waitFinal(h.dm.ID, 2)
	h.waitFinal(group.ID, 2)
	// The lock is released just after the final message is out.
	if !h.srv.WaitUntil(2*time.Second, func() bool { return h.bot.convs.size() == 0 }) {
		t.Errorf("%d conversation locks left after the answers", h.bot.convs.size())
	}
	fc.mu.Lock()
	defer fc.mu.Unlock()
	for conv, n := range fc.overlap {
		if n > 1 {
			t.Errorf("%s: %d answers at once", conv, n)
		}
	}
	if len(fc.asked) != 4 {
		t.Errorf("asked %q", fc.asked)
	}
}

// The command menu is set even when Telegram's flood control answers the
// first setMyCommands at start-up (a restart loop triggers exactly that).
func TestCommandsAnnouncedDespite429(t *testing.T) {
	t.Parallel()
	h := setup(t, testConfig(), newFakeCore())
	h.srv.FailNext("setMyCommands", 2, 1)
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel = cancel
	go func() { _ = h.bot.Run(ctx); close(h.done) }()
	t.Cleanup(h.stop)
	if !h.srv.WaitUntil(5*time.Second, func() bool {
		return len(h.srv.Commands("default", "")) > 0 && len(h.srv.Commands("default", "zh")) > 0
	}) {
		t.Fatalf("menu not set after 429s: %d calls", len(h.srv.Calls("setMyCommands")))
	}
}
