package bot

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"bangyang/bot/telegramtest"
	"bangyang/store"
)

// Mashing the catalog's page buttons while Telegram's flood control holds
// the edits back never sends an edit identical to what the message shows
// (Telegram refuses it: "message is not modified").
func TestReliabilityCatalogMashUnderFloodControl(t *testing.T) {
	t.Parallel()
	h := start(t, testConfig(), realCore(t))
	h.say(h.dm, h.user, "/methods")
	list := h.nth(h.dm.ID, 1)
	h.srv.SetFlood(telegramtest.FloodRules{MinEditInterval: 120 * time.Millisecond, RetryAfter: 1})
	presses := 0
	for i := 0; i < 60; i++ {
		m := h.message(h.dm.ID, list.ID)
		btn := buttons(m)
		data, ok := btn[[]string{"下一页 ▶", "◀ 上一页"}[i%3%2]]
		if !ok {
			data, ok = btn["下一页 ▶"]
		}
		if !ok {
			data = btn["◀ 上一页"]
		}
		if _, err := h.srv.PressButton(h.dm, h.user, list.ID, data); err != nil {
			t.Fatal(err)
		}
		presses++
		time.Sleep(7 * time.Millisecond)
	}
	h.srv.WaitUntil(10*time.Second, func() bool { return len(h.srv.CallbackAnswers()) == presses })
	time.Sleep(500 * time.Millisecond)
	notModified, edits := 0, 0
	for _, c := range h.srv.Calls("editmessagetext") {
		if strings.Contains(c.Description, "not modified") {
			notModified++
		}
		if c.OK {
			edits++
		}
	}
	t.Logf("%d presses of the page buttons under flood control: %d edits, %d identical edits refused, %d 429s", presses, edits, notModified, len(h.srv.Calls("editmessagetext"))-edits-notModified)
	if notModified > 0 {
		t.Errorf("%d identical edits sent", notModified)
	}
}

// Forged button presses (a modified client can send any callback data on
// any bot message in its chat): another chat's 查看原文 or 👍 key, a
// catalog page button on an answer, a key that exists nowhere. Each is
// refused with a short alert; nothing of the other chat is read, no vote
// counted, no message edited.
func TestReliabilityForgedCallbacks(t *testing.T) {
	t.Parallel()
	fb := &MemoryFeedback{}
	h := start(t, testConfig(), realCore(t), WithFeedbackStore(fb))
	h.say(h.dm, h.user, "什么是四单工作法？")
	aMsg := h.waitFinal(h.dm.ID, 1)[0]
	aKeys := buttons(aMsg)
	if len(strings.TrimPrefix(aKeys["查看原文"], cbSources)) != 12 {
		t.Fatalf("answer key %q is not 12 random characters", aKeys["查看原文"])
	}
	userB := telegramtest.User{ID: 6001, FirstName: "乙"}
	dmB := h.srv.PrivateChat(userB)
	h.say(dmB, userB, "郭佳怎样走访群众？")
	bMsg := h.waitFinal(dmB.ID, 1)[0]
	if buttons(bMsg)["查看原文"] == aKeys["查看原文"] {
		t.Fatal("two answers share a key")
	}
	group := h.srv.GroupChat(-6100, "群")
	h.say(group, userB, "/ask 格线化管理怎么做？")
	gMsgs := h.waitFinal(group.ID, 1)
	gMsg := gMsgs[len(gMsgs)-1]

	forged := []struct {
		chat telegramtest.Chat
		msg  int
		data string
	}{
		{dmB, bMsg.ID, aKeys["查看原文"]}, // A's sources, from B's chat
		{dmB, bMsg.ID, aKeys["👍"]},    // a vote on A's answer
		{dmB, bMsg.ID, strings.Replace(aKeys["👎"], "down", "up", 1)},
		{group, gMsg.ID, aKeys["查看原文"]},            // A's sources, in a group
		{dmB, bMsg.ID, cbCatalog + "mp:2:s"},       // overwrite B's answer with a list page
		{dmB, bMsg.ID, cbSources + "AAAAAAAAAAAA"}, // a guessed key
		{dmB, bMsg.ID, cbSources + strings.Repeat("x", 50)},
		{group, gMsg.ID, buttons(bMsg)["查看原文"]}, // B's own key, on another message
	}
	before := map[int64]int{dmB.ID: len(h.srv.BotMessages(dmB.ID)), group.ID: len(h.srv.BotMessages(group.ID))}
	var ids []string
	for _, f := range forged {
		id, err := h.srv.PressForged(f.chat, userB, f.msg, f.data)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	h.srv.WaitUntil(5*time.Second, func() bool {
		for _, id := range ids {
			if _, ok := h.srv.CallbackAnswer(id); !ok {
				return false
			}
		}
		return true
	})
	time.Sleep(100 * time.Millisecond)
	reads := 0
	for chat, n := range before {
		for _, m := range h.srv.BotMessages(chat)[n:] {
			reads++
			t.Errorf("forged press sent %q in chat %d", m.Text, chat)
		}
	}
	for k, id := range ids {
		a, ok := h.srv.CallbackAnswer(id)
		if !ok || a.Text == "" {
			t.Errorf("forged press %d (%q) not answered with a reason: %+v", k, forged[k].data, a)
		}
	}
	if got := h.message(dmB.ID, bMsg.ID); len(got.Edits) != 0 {
		t.Errorf("B's answer edited by a forged press: %q", got.Text)
	}
	if n := len(fb.All()); n != 0 {
		t.Errorf("%d forged votes counted", n)
	}
	t.Logf("forged callbacks: %d pressed, %d refused as not theirs, %d cross-chat reads, %d votes counted", len(forged), h.bot.Stats().RefusedPresses, reads, len(fb.All()))
	// A's own buttons still work.
	if _, err := h.srv.PressButton(h.dm, h.user, aMsg.ID, aKeys["查看原文"]); err != nil {
		t.Fatal(err)
	}
	h.waitCount(h.dm.ID, 2)
	h.noRejections()
}

// Button keys are kept in the store: 查看原文 and 👍 on an answer sent
// before a restart work after it.
func TestReliabilityButtonsAfterRestart(t *testing.T) {
	t.Parallel()
	db, err := store.Open(filepath.Join(t.TempDir(), "bangyang.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	srv := telegramtest.New(t, telegramtest.Options{})
	fc := newFakeCore()
	first := attach(t, srv, testConfig(), fc, WithStore(db))
	first.run()
	first.say(first.dm, first.user, "格线化管理怎么做？")
	ans := first.waitFinal(first.dm.ID, 1)[0]
	first.stop()

	fb := &MemoryFeedback{}
	second := attach(t, srv, testConfig(), fc, WithStore(db), WithFeedbackStore(fb))
	second.run()
	btn := buttons(ans)
	if _, err := srv.PressButton(second.dm, second.user, ans.ID, btn["查看原文"]); err != nil {
		t.Fatal(err)
	}
	msgs := second.waitCount(second.dm.ID, 2)
	if !strings.Contains(msgs[1].Text, "吳中蘭") {
		t.Errorf("查看原文 after a restart: %q", msgs[1].Text)
	}
	if _, err := srv.PressButton(second.dm, second.user, ans.ID, btn["👍"]); err != nil {
		t.Fatal(err)
	}
	if !srv.WaitUntil(5*time.Second, func() bool { return len(fb.All()) == 1 }) {
		t.Fatalf("vote after a restart not recorded: %+v", srv.CallbackAnswers())
	}
	if f := fb.All()[0]; f.Question != "格线化管理怎么做？" || len(f.ChunkIDs) == 0 {
		t.Errorf("feedback = %+v", f)
	}
	for _, a := range srv.CallbackAnswers() {
		if strings.Contains(a.Text, "过期") {
			t.Errorf("button expired after a restart: %q", a.Text)
		}
	}
}

// Behind the keyboard check, a key is bound to its chat and message.
func TestButtonKeyBinding(t *testing.T) {
	t.Parallel()
	s := newAnswerStore(10, nil, discardLogger(), time.Now)
	seen := map[string]bool{}
	for range 1000 {
		k := newButtonKey()
		if seen[k] || !validButtonKey(k) {
			t.Fatalf("key %q repeated or invalid", k)
		}
		seen[k] = true
	}
	key := s.put(&storedAnswer{Question: "q", ChatID: 1})
	rec, ok := s.lookup(t.Context(), key)
	if !ok || !rec.pressedHere(&models.Message{ID: 99, Chat: models.Chat{ID: 1}}) {
		t.Fatal("an unbound key is refused in its own chat")
	}
	s.bind(t.Context(), key, 10)
	rec, _ = s.lookup(t.Context(), key)
	for _, c := range []struct {
		chat int64
		msg  int
		ok   bool
	}{{1, 10, true}, {2, 10, false}, {1, 11, false}, {-1, 10, false}} {
		if got := rec.pressedHere(&models.Message{ID: c.msg, Chat: models.Chat{ID: c.chat}}); got != c.ok {
			t.Errorf("chat %d message %d: pressedHere = %v", c.chat, c.msg, got)
		}
	}
	if _, ok := s.lookup(t.Context(), "src:../../x"); ok {
		t.Error("a malformed key was looked up")
	}
}

// Keys older than buttonMaxAge are removed from the store at start.
func TestButtonKeysPruned(t *testing.T) {
	t.Parallel()
	db, err := store.Open(filepath.Join(t.TempDir(), "bangyang.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	now := time.Now()
	s := newAnswerStore(10, db, discardLogger(), func() time.Time { return now })
	fresh := s.put(&storedAnswer{Question: "新", ChatID: 1})
	s.bind(t.Context(), fresh, 5)
	if err := db.Put(t.Context(), bucketButtons, "OLDOLDOLDOLD", buttonRecord{Chat: 1, Msg: 4, Created: now.Add(-buttonMaxAge - time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if n := s.prune(t.Context()); n != 1 {
		t.Errorf("pruned %d keys, want 1", n)
	}
	restarted := newAnswerStore(10, db, discardLogger(), time.Now)
	if _, ok := restarted.get(fresh); !ok {
		t.Error("a fresh key was pruned")
	}
	var r buttonRecord
	if found, _ := db.Get(t.Context(), bucketButtons, "OLDOLDOLDOLD", &r); found {
		t.Error("the old key is still stored")
	}
}
