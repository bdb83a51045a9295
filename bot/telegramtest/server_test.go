package telegramtest

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

func newClient(t *testing.T, s *Server, opts ...tgbot.Option) *tgbot.Bot {
	t.Helper()
	opts = append([]tgbot.Option{tgbot.WithServerURL(s.URL()), tgbot.WithDefaultHandler(func(context.Context, *tgbot.Bot, *models.Update) {})}, opts...)
	b, err := tgbot.New(s.Token(), opts...) // getMe is served
	if err != nil {
		t.Fatalf("bot.New against fake: %v", err)
	}
	return b
}

func TestSendMessageValidationThroughRealClient(t *testing.T) {
	s := New(t, Options{})
	b := newClient(t, s)
	ctx := context.Background()
	user := User{ID: 42, FirstName: "用户"}
	chat := s.PrivateChat(user)

	m, err := b.SendMessage(ctx, &tgbot.SendMessageParams{ChatID: chat.ID, Text: "<b>你好</b> &lt;世界&gt; [1]", ParseMode: models.ParseModeHTML})
	if err != nil {
		t.Fatalf("valid HTML rejected: %v", err)
	}
	if m.ID == 0 || m.Text != "你好 <世界> [1]" {
		t.Errorf("result message = %+v", m)
	}

	bad := []struct {
		name, text, mode, want string
	}{
		{"unescaped lt", "a < b", "HTML", "can't parse entities"},
		{"unbalanced", "<b>x", "HTML", "Can't find end tag"},
		{"bare amp", "A&B", "HTML", "can't parse entities"},
		{"empty", "   ", "", "message text is empty"},
		{"empty after tags", "<b> </b>", "HTML", "message text is empty"},
		{"too long", strings.Repeat("中", 4097), "", "message is too long"},
		{"too long utf16", strings.Repeat("😀", 2049), "", "message is too long"},
	}
	for _, c := range bad {
		_, err := b.SendMessage(ctx, &tgbot.SendMessageParams{ChatID: chat.ID, Text: c.text, ParseMode: models.ParseMode(c.mode)})
		if err == nil || !errors.Is(err, tgbot.ErrorBadRequest) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want bad request containing %q", c.name, err, c.want)
		}
	}
	if _, err := b.SendMessage(ctx, &tgbot.SendMessageParams{ChatID: chat.ID, Text: strings.Repeat("中", 4096)}); err != nil {
		t.Errorf("4096 chars rejected: %v", err)
	}
	if _, err := b.SendMessage(ctx, &tgbot.SendMessageParams{ChatID: 999, Text: "x"}); err == nil || !strings.Contains(err.Error(), "chat not found") {
		t.Errorf("unknown chat: %v", err)
	}
	long := strings.Repeat("x", 65)
	_, err = b.SendMessage(ctx, &tgbot.SendMessageParams{ChatID: chat.ID, Text: "x", ReplyMarkup: &models.InlineKeyboardMarkup{
		InlineKeyboard: [][]models.InlineKeyboardButton{{{Text: "b", CallbackData: long}}}}})
	if err == nil || !strings.Contains(err.Error(), "BUTTON_DATA_INVALID") {
		t.Errorf("65-byte callback_data: %v", err)
	}
	if got := len(s.Rejections()); got != len(bad)+2 {
		t.Errorf("rejections logged = %d, want %d", got, len(bad)+2)
	}
	if got := len(s.BotMessages(chat.ID)); got != 2 {
		t.Errorf("stored bot messages = %d, want 2", got)
	}
}

func TestEditRules(t *testing.T) {
	s := New(t, Options{})
	b := newClient(t, s)
	ctx := context.Background()
	chat := s.GroupChat(-100, "群")
	kb := &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{{{Text: "查看原文", CallbackData: "s:abc"}}}}
	m, err := b.SendMessage(ctx, &tgbot.SendMessageParams{ChatID: chat.ID, Text: "第一版", ReplyMarkup: kb})
	if err != nil {
		t.Fatal(err)
	}
	_, err = b.EditMessageText(ctx, &tgbot.EditMessageTextParams{ChatID: chat.ID, MessageID: m.ID, Text: "第一版", ReplyMarkup: kb})
	if err == nil || !strings.Contains(err.Error(), "message is not modified") {
		t.Errorf("identical edit: %v", err)
	}
	// Same visible text, different markup source: still not modified.
	if _, err := b.EditMessageText(ctx, &tgbot.EditMessageTextParams{ChatID: chat.ID, MessageID: m.ID, Text: "第一版", ParseMode: models.ParseModeHTML, ReplyMarkup: kb}); err == nil {
		t.Error("edit with identical parsed content accepted")
	}
	// Omitting reply_markup removes the keyboard, which is a change.
	if _, err := b.EditMessageText(ctx, &tgbot.EditMessageTextParams{ChatID: chat.ID, MessageID: m.ID, Text: "第一版"}); err != nil {
		t.Errorf("edit removing keyboard: %v", err)
	}
	if _, err := b.EditMessageText(ctx, &tgbot.EditMessageTextParams{ChatID: chat.ID, MessageID: 77, Text: "x"}); err == nil || !strings.Contains(err.Error(), "message to edit not found") {
		t.Errorf("edit missing message: %v", err)
	}
	msgs := s.BotMessages(chat.ID)
	if len(msgs) != 1 || len(msgs[0].Edits) != 1 || msgs[0].ReplyMarkup != nil || msgs[0].Edits[0].ReplyMarkup == nil {
		t.Errorf("edit history = %+v", msgs)
	}

	s.SetFlood(FloodRules{MinEditInterval: time.Hour, RetryAfter: 3})
	_, err = b.EditMessageText(ctx, &tgbot.EditMessageTextParams{ChatID: chat.ID, MessageID: m.ID, Text: "第二版"})
	var tooMany *tgbot.TooManyRequestsError
	if !errors.As(err, &tooMany) || tooMany.RetryAfter != 3 {
		t.Errorf("flood edit: %v", err)
	}
}

func TestDraftsAndActions(t *testing.T) {
	s := New(t, Options{})
	b := newClient(t, s)
	ctx := context.Background()
	priv := s.PrivateChat(User{ID: 7, FirstName: "u"})
	group := s.SupergroupChat(-1007, "g", false)
	if _, err := b.SendMessageDraft(ctx, &tgbot.SendMessageDraftParams{ChatID: priv.ID, DraftID: "12", Text: "部分"}); err != nil {
		t.Errorf("private draft: %v", err)
	}
	if _, err := b.SendMessageDraft(ctx, &tgbot.SendMessageDraftParams{ChatID: group.ID, DraftID: "12", Text: "部分"}); err == nil {
		t.Error("draft in a group accepted")
	}
	if _, err := b.SendMessageDraft(ctx, &tgbot.SendMessageDraftParams{ChatID: priv.ID, DraftID: "abc", Text: "部分"}); err == nil {
		t.Error("non-numeric draft_id accepted")
	}
	if _, err := b.SendChatAction(ctx, &tgbot.SendChatActionParams{ChatID: group.ID, Action: models.ChatActionTyping}); err != nil {
		t.Error(err)
	}
	if _, err := b.SendChatAction(ctx, &tgbot.SendChatActionParams{ChatID: group.ID, Action: "dancing"}); err == nil {
		t.Error("unknown action accepted")
	}
	if d := s.Drafts(priv.ID); len(d) != 1 || d[0].Text != "部分" || d[0].DraftID != 12 {
		t.Errorf("drafts = %+v", d)
	}
	if a := s.Actions(group.ID); len(a) != 1 || a[0].Action != "typing" {
		t.Errorf("actions = %+v", a)
	}
}

func TestQuizPollLimits(t *testing.T) {
	s := New(t, Options{})
	b := newClient(t, s)
	ctx := context.Background()
	chat := s.PrivateChat(User{ID: 9, FirstName: "u"})
	opts := func(n, size int) []models.InputPollOption {
		var o []models.InputPollOption
		for k := range n {
			o = append(o, models.InputPollOption{Text: strings.Repeat("选", size-1) + string(rune('A'+k))})
		}
		return o
	}
	ok := tgbot.SendPollParams{ChatID: chat.ID, Question: "哪个方法?", Options: opts(4, 10), Type: "quiz", CorrectOptionID: 3,
		Explanation: "第一行\n第二行\n第三行", OpenPeriod: 600, IsAnonymous: tgbot.False()}
	if _, err := b.SendPoll(ctx, &ok); err != nil {
		t.Fatalf("valid quiz rejected: %v", err)
	}
	cases := map[string]func(p *tgbot.SendPollParams){
		"question too long":    func(p *tgbot.SendPollParams) { p.Question = strings.Repeat("问", 301) },
		"one option":           func(p *tgbot.SendPollParams) { p.Options = opts(1, 5); p.CorrectOptionID = 0 },
		"eleven options":       func(p *tgbot.SendPollParams) { p.Options = opts(11, 5) },
		"option too long":      func(p *tgbot.SendPollParams) { p.Options = opts(3, 101) },
		"correct out of range": func(p *tgbot.SendPollParams) { p.CorrectOptionID = 4 },
		"explanation too long": func(p *tgbot.SendPollParams) { p.Explanation = strings.Repeat("解", 201) },
		"three line feeds":     func(p *tgbot.SendPollParams) { p.Explanation = "a\nb\nc\nd" },
		"open period short":    func(p *tgbot.SendPollParams) { p.OpenPeriod = 4 },
		"open period long":     func(p *tgbot.SendPollParams) { p.OpenPeriod = 601 },
	}
	for name, mutate := range cases {
		p := ok
		mutate(&p)
		if _, err := b.SendPoll(ctx, &p); err == nil || !errors.Is(err, tgbot.ErrorBadRequest) {
			t.Errorf("%s: err = %v, want bad request", name, err)
		}
	}
	polls := s.Polls()
	if len(polls) != 1 {
		t.Fatalf("polls = %+v", polls)
	}
	if err := s.AnswerPoll(polls[0].ID, User{ID: 9}, 3); err != nil {
		t.Error(err)
	}
}

func TestInjected429(t *testing.T) {
	s := New(t, Options{})
	b := newClient(t, s)
	chat := s.PrivateChat(User{ID: 5, FirstName: "u"})
	s.FailNext("sendMessage", 2, 7)
	for k := range 3 {
		_, err := b.SendMessage(context.Background(), &tgbot.SendMessageParams{ChatID: chat.ID, Text: "x"})
		var tm *tgbot.TooManyRequestsError
		if k < 2 && (!errors.As(err, &tm) || tm.RetryAfter != 7) {
			t.Errorf("call %d: %v, want 429 retry_after 7", k, err)
		}
		if k == 2 && err != nil {
			t.Errorf("call 3 after injection: %v", err)
		}
	}
	if len(s.Rejections()) != 0 {
		t.Errorf("429s counted as rejections: %+v", s.Rejections())
	}
}

func TestLongPollingDeliversOnceInOrder(t *testing.T) {
	s := New(t, Options{})
	var mu sync.Mutex
	var got []string
	b := newClient(t, s, tgbot.WithDefaultHandler(func(_ context.Context, _ *tgbot.Bot, u *models.Update) {
		mu.Lock()
		defer mu.Unlock()
		if u.Message != nil {
			got = append(got, u.Message.Text)
		}
	}), tgbot.WithNotAsyncHandlers())
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { b.Start(ctx); close(done) }()
	chat := s.PrivateChat(User{ID: 3, FirstName: "u"})
	for _, txt := range []string{"一", "二", "三"} {
		if _, err := s.SendText(chat, User{ID: 3, FirstName: "u"}, txt); err != nil {
			t.Fatal(err)
		}
	}
	ok := s.WaitUntil(5*time.Second, func() bool { mu.Lock(); defer mu.Unlock(); return len(got) == 3 })
	cancel()
	<-done
	mu.Lock()
	defer mu.Unlock()
	if !ok || strings.Join(got, "") != "一二三" {
		t.Fatalf("delivered %q", got)
	}
}

func TestWebhookDeliveryAndBodies(t *testing.T) {
	s := New(t, Options{})
	var mu sync.Mutex
	var secrets []string
	hs := newHTTPServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		secrets = append(secrets, r.Header.Get("X-Telegram-Bot-Api-Secret-Token"))
		mu.Unlock()
	}))
	// setWebhook as JSON, deleteWebhook as urlencoded: both body kinds work.
	body := `{"url":"` + hs + `/hook","secret_token":"s3cret"}`
	resp, err := http.Post(s.URL()+"/bot"+s.Token()+"/setWebhook", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	checkOK(t, resp)
	chat := s.PrivateChat(User{ID: 1, FirstName: "u"})
	if _, err := s.SendText(chat, User{ID: 1, FirstName: "u"}, "hi"); err != nil {
		t.Fatal(err)
	}
	if d := s.Deliveries(); len(d) != 1 || d[0].Status != 200 {
		t.Errorf("deliveries = %+v", d)
	}
	mu.Lock()
	if len(secrets) != 1 || secrets[0] != "s3cret" {
		t.Errorf("secret header = %q", secrets)
	}
	mu.Unlock()
	resp, err = http.Post(s.URL()+"/bot"+s.Token()+"/getUpdates", "application/x-www-form-urlencoded", strings.NewReader(url.Values{"timeout": {"0"}}.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		OK        bool `json:"ok"`
		ErrorCode int  `json:"error_code"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&r)
	resp.Body.Close()
	if r.OK || r.ErrorCode != 409 {
		t.Errorf("getUpdates while webhook set: %+v", r)
	}
	resp, err = http.Post(s.URL()+"/botWRONG/getMe", "application/json", nil)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 401 {
		t.Errorf("bad token status %d", resp.StatusCode)
	}
	resp.Body.Close()
}

func checkOK(t *testing.T, resp *http.Response) {
	t.Helper()
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if !strings.Contains(string(b), `"ok":true`) {
		t.Fatalf("response %s", b)
	}
}

func newHTTPServer(t *testing.T, h http.Handler) string {
	t.Helper()
	hs := httptest.NewServer(h)
	t.Cleanup(hs.Close)
	return hs.URL
}
