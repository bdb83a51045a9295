package bot

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"bangyang/bot/telegramtest"
)

// fakeLibrary records what the bot hands it; the real one is tested end
// to end in cmd/bangyang.
type fakeLibrary struct {
	mu      sync.Mutex
	added   []string
	removed []string
	gate    chan struct{} // Add waits on it when set
}

func (l *fakeLibrary) Accepts(name string, size int64) error {
	if !strings.HasSuffix(name, ".txt") {
		return &ArticleError{Msg: "只能添加 .txt 文件。"}
	}
	if size > 100 {
		return &ArticleError{Msg: "文件太大。"}
	}
	return nil
}

func (l *fakeLibrary) Fetch(_ context.Context, u string) (string, []byte, error) {
	if strings.Contains(u, "down") {
		return "", nil, errors.New("dial tcp: connection refused")
	}
	return "page.txt", []byte("网页 <正文> & 内容"), nil
}

func (l *fakeLibrary) Preview(_ context.Context, name string, data []byte) (ArticleInfo, error) {
	if strings.Contains(string(data), "重复") {
		return ArticleInfo{Existing: "up-1"}, nil
	}
	return ArticleInfo{Title: "《标题》<b>&", Leader: "", Place: "某社区", Passages: 2, Source: name}, nil
}

func (l *fakeLibrary) Add(ctx context.Context, name string, data []byte) (ArticleInfo, error) {
	if l.gate != nil {
		// (Shutdown ends the wait: a failed test must not hang the run.)
		select {
		case <-l.gate:
		case <-ctx.Done():
			return ArticleInfo{}, ctx.Err()
		}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.added = append(l.added, name)
	return ArticleInfo{ID: "up-abc", Title: "标题", Passages: 2, Source: name}, nil
}

func (l *fakeLibrary) Uploaded(_ context.Context, id string) (ArticleInfo, error) {
	if id != "up-abc" {
		return ArticleInfo{}, &ArticleError{Msg: "没有找到编号为 " + id + " 的添加文章。"}
	}
	return ArticleInfo{ID: id, Title: "标题", Passages: 2}, nil
}

func (l *fakeLibrary) Remove(_ context.Context, id string) (ArticleInfo, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.removed = append(l.removed, id)
	return ArticleInfo{ID: id, Title: "标题"}, nil
}

func (l *fakeLibrary) counts() (int, int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.added), len(l.removed)
}

// The confirmation cannot be had by anyone but an admin in the chat it was
// asked in, counts once however often it is pressed, and every refusal is
// a sentence; markup the derived values hold is escaped.
func TestUploadConfirmation(t *testing.T) {
	lib := &fakeLibrary{}
	cfg := testConfig()
	cfg.Admins = []int64{1001, 1002}
	h := start(t, cfg, newFakeCore(), WithLibrary(lib), withPrivatePace(RateLimit{Burst: 5, Every: 20 * time.Millisecond}))
	admin := h.user

	// A group: /add by an admin; a member's press is refused.
	group := h.srv.SupergroupChat(-100777, "书记群", false)
	member := telegramtest.User{ID: 2002, FirstName: "群员"}
	h.say(group, admin, "/add https://example.com/a")
	msgs := h.waitCount(group.ID, 1)
	preview := msgs[0]
	if preview.ReplyMarkup == nil || !strings.Contains(preview.Text, "《标题》<b>&") || !strings.Contains(preview.Text, "（未识别）") {
		t.Fatalf("preview: %q markup %v", preview.Text, preview.ReplyMarkup)
	}
	ok := preview.ReplyMarkup.InlineKeyboard[0][0].CallbackData
	if _, err := h.srv.PressButton(group, member, preview.ID, ok); err != nil {
		t.Fatal(err)
	}
	if !h.srv.WaitUntil(5*time.Second, func() bool {
		as := h.srv.CallbackAnswers()
		return len(as) == 1 && strings.Contains(as[0].Text, "只有管理员")
	}) {
		t.Fatalf("member's press: %+v", h.srv.CallbackAnswers())
	}
	// Two presses by the admin (a double tap): one Add.
	lib.gate = make(chan struct{})
	openGate := sync.OnceFunc(func() { close(lib.gate) })
	t.Cleanup(openGate) // a failure below must not leave Add waiting
	for range 2 {
		if _, err := h.srv.PressButton(group, admin, preview.ID, ok); err != nil {
			t.Fatal(err)
		}
	}
	if !h.srv.WaitUntil(20*time.Second, func() bool { return len(h.srv.CallbackAnswers()) == 3 }) {
		t.Fatalf("presses: %+v", h.srv.CallbackAnswers())
	}
	openGate()
	if !h.srv.WaitUntil(5*time.Second, func() bool {
		m := h.srv.BotMessages(group.ID)[0]
		return strings.Contains(m.Text, "已加入") && m.ReplyMarkup == nil
	}) {
		t.Fatalf("after 确认: %s", dump(h.srv.BotMessages(group.ID)))
	}
	if a, _ := lib.counts(); a != 1 {
		t.Errorf("Add called %d times", a)
	}

	// Files in a private chat: kind and size checked before any download;
	// content already there; the fetch failing.
	h.srv.SendDocument(h.dm, admin, "a.exe", []byte("MZ"))
	h.srv.SendDocument(h.dm, admin, "big.txt", []byte("x"), telegramtest.WithDeclaredSize(1000))
	h.srv.SendDocument(h.dm, admin, "again.txt", []byte("重复"))
	h.say(h.dm, admin, "/add https://down.example.com/")
	h.say(h.dm, admin, "/add 不是网址")
	h.say(h.dm, admin, "/remove up-zzz")
	msgs = h.waitCount(h.dm.ID, 6)
	for i, want := range []string{"只能添加", "文件太大", "已经在资料库中（编号 up-1）", "出了问题，没有保存", "不是一个网址", "没有找到编号为 up-zzz"} {
		if !strings.Contains(msgs[i].Text, want) {
			t.Errorf("reply %d: %q, want %q", i, msgs[i].Text, want)
		}
	}
	if n := len(h.srv.Calls("getFile")); n != 1 {
		t.Errorf("%d getFile calls, want 1 (only the accepted file)", n)
	}

	// /remove, then 取消: nothing removed; a stale press after that is answered.
	h.say(h.dm, admin, "/remove up-abc")
	msgs = h.waitCount(h.dm.ID, 7)
	rm := msgs[6]
	no := rm.ReplyMarkup.InlineKeyboard[0][1].CallbackData
	if _, err := h.srv.PressButton(h.dm, admin, rm.ID, no); err != nil {
		t.Fatal(err)
	}
	if !h.srv.WaitUntil(5*time.Second, func() bool { return strings.Contains(h.srv.BotMessages(h.dm.ID)[6].Text, "已取消") }) {
		t.Fatalf("取消: %s", dump(h.srv.BotMessages(h.dm.ID)))
	}
	if _, r := lib.counts(); r != 0 {
		t.Errorf("removed after 取消: %d", r)
	}

	// A non-admin's file: a polite word, nothing fetched.
	stranger := telegramtest.User{ID: 3003, FirstName: "路人"}
	sdm := h.srv.PrivateChat(stranger)
	h.srv.SendDocument(sdm, stranger, "mine.txt", []byte("文章"))
	if got := h.waitCount(sdm.ID, 1)[0].Text; !strings.Contains(got, "只有管理员") {
		t.Errorf("stranger: %q", got)
	}
	if n := len(h.srv.Calls("getFile")); n != 1 {
		t.Errorf("a stranger's file was fetched (%d getFile calls)", n)
	}
	h.noRejections()
}
