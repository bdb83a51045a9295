package bot

import (
	"context"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"bangyang/bot/telegramtest"
	"bangyang/core"
)

func buttons(m telegramtest.SentMessage) map[string]string {
	out := map[string]string{}
	if m.ReplyMarkup == nil {
		return out
	}
	for _, row := range m.ReplyMarkup.InlineKeyboard {
		for _, b := range row {
			out[b.Text] = b.CallbackData
		}
	}
	return out
}

func TestPrivateQuestionRealCore(t *testing.T) {
	t.Parallel()
	h := start(t, testConfig(), realCore(t))
	h.say(h.dm, h.user, "什么是四单工作法？")
	msgs := h.waitFinal(h.dm.ID, 1)
	final := msgs[len(msgs)-1]
	for _, want := range []string{"民众点单", "来源", "[1]"} {
		if !strings.Contains(strings.Join(texts(msgs), "\n"), want) {
			t.Errorf("answer lacks %q:%s", want, dump(msgs))
		}
	}
	if final.ParseMode != "HTML" {
		t.Errorf("parse mode %q", final.ParseMode)
	}
	btn := buttons(final)
	if data := btn["查看原文"]; !strings.HasPrefix(data, cbSources) || len(data) > 64 {
		t.Errorf("sources button data %q", data)
	}
	if btn["👍"] == "" || btn["👎"] == "" {
		t.Errorf("feedback buttons missing: %v", btn)
	}
	acts := h.srv.Actions(h.dm.ID)
	if len(acts) == 0 || acts[0].Action != "typing" || acts[0].At.After(final.SentAt) {
		t.Errorf("typing not sent before the answer: %+v", acts)
	}
	// The placeholder draft comes first; an answer composed faster than
	// the draft interval goes straight to the final message (streamed
	// drafts are covered with a slow core in the streaming tests).
	drafts := h.srv.Drafts(h.dm.ID)
	if len(drafts) < 1 || !strings.Contains(drafts[0].Text, "正在查阅") {
		t.Errorf("drafts = %+v", drafts)
	}
	for _, d := range drafts {
		if d.DraftID != drafts[0].DraftID {
			t.Errorf("one answer used several draft ids: %+v", drafts)
		}
	}

	// The sources button shows the full passages.
	if _, err := h.srv.PressButton(h.dm, h.user, final.ID, btn["查看原文"]); err != nil {
		t.Fatal(err)
	}
	msgs = h.waitCount(h.dm.ID, len(msgs)+1)
	if src := msgs[len(msgs)-1]; !strings.Contains(src.Source, "<blockquote>") || !strings.Contains(src.Text, "[1] ") {
		t.Errorf("passages message: %q", src.Source)
	}
	if len(h.srv.CallbackAnswers()) != 1 {
		t.Errorf("callback not answered: %+v", h.srv.CallbackAnswers())
	}

	// /sources, then /reset forgets them.
	n := len(msgs)
	h.say(h.dm, h.user, "/sources")
	msgs = h.waitCount(h.dm.ID, n+1)
	if !strings.Contains(msgs[n].Source, "<blockquote>") {
		t.Errorf("/sources reply: %q", msgs[n].Text)
	}
	h.say(h.dm, h.user, "/reset")
	h.waitCount(h.dm.ID, n+2)
	h.say(h.dm, h.user, "/sources")
	msgs = h.waitCount(h.dm.ID, n+3)
	if !strings.Contains(msgs[n+2].Text, "还没有可查看的来源") {
		t.Errorf("/sources after /reset: %q", msgs[n+2].Text)
	}
	h.noRejections()
}

func texts(msgs []telegramtest.SentMessage) []string {
	var out []string
	for _, m := range msgs {
		out = append(out, m.Text)
	}
	return out
}

func TestEscapingAndCitationBlock(t *testing.T) {
	t.Parallel()
	h := start(t, testConfig(), newFakeCore())
	h.say(h.dm, h.user, "格线化管理怎么做？")
	msgs := h.waitFinal(h.dm.ID, 1)
	m := msgs[0]
	if !strings.Contains(m.Text, "<网格员 & 楼栋长>") || !strings.Contains(m.Source, "&lt;网格员 &amp; 楼栋长&gt;") {
		t.Errorf("escaping: %q", m.Source)
	}
	if !strings.Contains(m.Text, "[1] 吳中蘭 · 《小吳書記的<格線>工作法 & 經驗》") || !strings.Contains(m.Text, "[2] 郭佳 · 蘭州 城關區 酒泉路街道") {
		t.Errorf("citation block: %q", m.Text)
	}
	h.noRejections()
}

func TestGroupAddressing(t *testing.T) {
	t.Parallel()
	cfg := testConfig()
	cfg.Workers = 1 // updates handled in order, so "ignored" is observable
	fc := newFakeCore()
	// The fourth message waits out the group's pacing on the fake clock.
	h := start(t, cfg, fc, newFakeClock().option())
	group := h.srv.SupergroupChat(-100200, "社区工作群", false)
	member := telegramtest.User{ID: 2002, FirstName: "老李"}

	h.say(group, member, "大家好，今天开会")
	h.say(group, member, "/ask@someone_else_bot 问别的机器人")
	h.say(group, member, "/unknown 命令")
	q := h.say(group, member, "/ask@bangyang_test_bot 格线化管理怎么做？")
	msgs := h.waitFinal(group.ID, 1)
	if len(msgs) != 1 {
		t.Fatalf("group replies:%s", dump(msgs))
	}
	if got := fc.questions(); len(got) != 1 || got[0] != "格线化管理怎么做？" {
		t.Errorf("core asked %q", got)
	}
	if msgs[0].ReplyTo == nil || msgs[0].ReplyTo.MessageID != q.MessageID {
		t.Errorf("answer is not a reply to the question: %+v", msgs[0].ReplyTo)
	}
	if len(msgs[0].Edits) == 0 || !strings.Contains(msgs[0].Edits[0].Text, "正在查阅") {
		t.Errorf("placeholder was not edited into the answer: %+v", msgs[0].Edits)
	}

	// A mention after CJK text and an emoji (UTF-16 offsets).
	h.say(group, member, "请问😀 @bangyang_test_bot 郭佳怎么走访？")
	msgs = h.waitFinal(group.ID, 2)
	if got := fc.questions(); got[len(got)-1] != "请问😀 郭佳怎么走访？" {
		t.Errorf("mention question = %q", got[len(got)-1])
	}
	// A reply to the bot's answer.
	h.say(group, member, "能再具体些吗", telegramtest.ReplyTo(msgs[1].ID))
	h.waitFinal(group.ID, 3)
	if got := fc.questions(); got[len(got)-1] != "能再具体些吗" {
		t.Errorf("reply question = %q", got[len(got)-1])
	}
	// Replies to other people are not for us.
	h.say(group, member, "同意", telegramtest.ReplyTo(q.MessageID))
	h.say(group, member, "/help@bangyang_test_bot")
	msgs = h.waitCount(group.ID, 4)
	if !strings.Contains(msgs[3].Text, "/ask") || len(fc.questions()) != 3 {
		t.Errorf("after help: %s; asked %q", dump(msgs), fc.questions())
	}
	h.noRejections()
}

func TestForumTopicAnsweredInThread(t *testing.T) {
	t.Parallel()
	h := start(t, testConfig(), realCore(t))
	forum := h.srv.SupergroupChat(-100300, "书记论坛", true)
	member := telegramtest.User{ID: 3003, FirstName: "小张"}
	// A plain message in a topic carries reply_to_message = topic start; it
	// must not count as a reply to the bot.
	h.say(forum, member, "随便聊聊", telegramtest.InThread(77))
	h.say(forum, member, "/ask 仁和家访是怎么做的？", telegramtest.InThread(77))
	msgs := h.waitFinal(forum.ID, 1)
	for _, m := range msgs {
		if m.ThreadID != 77 {
			t.Errorf("message outside the topic: %+v", m)
		}
	}
	if len(msgs) != 1 {
		t.Errorf("replies:%s", dump(msgs))
	}
	h.noRejections()
}

func TestFloodControlDuringStreaming(t *testing.T) {
	t.Parallel()
	fc := newFakeCore()
	fc.steps, fc.delay = 20, 15*time.Millisecond
	h := start(t, testConfig(), fc)
	group := h.srv.GroupChat(-500, "群")
	// retry_after 4 is 80 ms at the test's retry unit (20 ms): consistent
	// with the minimum interval, as Telegram's figures are.
	h.srv.SetFlood(telegramtest.FloodRules{MinEditInterval: 80 * time.Millisecond, RetryAfter: 4})
	h.srv.FailNext("editMessageText", 2, 1)
	h.srv.FailNext("sendMessageDraft", 3, 1)
	h.say(group, h.user, "/ask 格线化管理怎么做？")
	msgs := h.waitFinal(group.ID, 1)
	if len(msgs) != 1 || !strings.Contains(msgs[0].Text, "来源") || strings.Contains(msgs[0].Text, "▍") {
		t.Errorf("final answer:%s", dump(msgs))
	}
	var hit429 bool
	for _, c := range h.srv.Calls("editMessageText") {
		hit429 = hit429 || c.ErrorCode == 429
	}
	if !hit429 {
		t.Error("no 429 was exercised")
	}
	// Edits refused throughout: the answer is sent as a new message and
	// the placeholder with its partial text is deleted.
	group2 := h.srv.GroupChat(-501, "群2")
	h.srv.FailNext("editMessageText", 50, 1)
	h.say(group2, h.user, "/ask 郭佳怎么走访？")
	h.waitFinal(group2.ID, 1)
	h.srv.WaitUntil(5*time.Second, func() bool { return len(h.srv.BotMessages(group2.ID)) == 1 })
	msgs = h.srv.BotMessages(group2.ID)
	if len(msgs) != 1 || !strings.Contains(msgs[0].Text, "来源") {
		t.Errorf("answer after failed edits:%s", dump(msgs))
	}
	h.srv.FailNext("editMessageText", 0, 1)
	// Private: the final sendMessage itself is throttled.
	h.srv.FailNext("sendMessage", 2, 1)
	h.say(h.dm, h.user, "郭佳怎么走访？")
	h.waitFinal(h.dm.ID, 1)
	h.noRejections()
}

func TestPanicDoesNotStopTheBot(t *testing.T) {
	t.Parallel()
	fc := newFakeCore()
	h := start(t, testConfig(), fc)
	h.say(h.dm, h.user, "PANIC please")
	msgs := h.waitCount(h.dm.ID, 1)
	if !strings.Contains(msgs[0].Text, "出了问题") {
		t.Errorf("apology: %q", msgs[0].Text)
	}
	h.say(h.dm, h.user, "格线化管理怎么做？")
	h.waitFinal(h.dm.ID, 2)
	h.noRejections()
}

func TestOddUpdatesIgnored(t *testing.T) {
	t.Parallel()
	fc := newFakeCore()
	h := start(t, testConfig(), fc)
	raws := []string{
		`{"message_reaction":{"chat":{"id":1001,"type":"private"},"message_id":1,"date":1,"old_reaction":[],"new_reaction":[]}}`,
		`{"channel_post":{"message_id":1,"date":1,"chat":{"id":-1009,"type":"channel"},"text":"频道消息"}}`,
		`{"my_chat_member":{"chat":{"id":-1,"type":"group"},"from":{"id":1,"is_bot":false,"first_name":"a"},"date":1}}`,
		`{"message":{"message_id":5,"date":1,"chat":{"id":1001,"type":"private"},"from":{"id":1001,"is_bot":false,"first_name":"x"},"text":"/ask","entities":[{"type":"bot_command","offset":0,"length":99}]}}`,
		`{"message":{"message_id":6,"date":1,"chat":{"id":1001,"type":"private"},"text":"no sender"}}`,
		`{"callback_query":{"id":"zz","from":{"id":1001,"is_bot":false,"first_name":"x"},"chat_instance":"1","data":"src:nokey"}}`,
		`{"poll_answer":{"poll_id":"p","user":{"id":1,"is_bot":false,"first_name":"a"},"option_ids":[0]}}`,
		`{"unknown_future_kind":{"x":1}}`,
	}
	for _, r := range raws {
		if _, err := h.srv.PushRaw(r); err != nil {
			t.Fatal(err)
		}
	}
	h.say(h.dm, h.user, "格线化管理怎么做？")
	msgs := h.waitFinal(h.dm.ID, 1)
	if got := fc.questions(); len(got) != 1 {
		t.Errorf("core asked %q; messages:%s", got, dump(msgs))
	}
}

func TestLongAnswerIsSplit(t *testing.T) {
	t.Parallel()
	fc := newFakeCore()
	long := strings.Repeat("社区书记坚持入户走访，倾听<群众>的意见 & 建议😀。", 400) + "[1]"
	fc.answer = func(string) *core.Answer {
		a := sampleAnswer("")
		a.Text = long
		a.Notice = "模型暂时不可用，以下为原文摘录"
		return a
	}
	h := start(t, testConfig(), fc)
	h.say(h.dm, h.user, "长一点")
	msgs := h.waitFinal(h.dm.ID, 3)
	var body strings.Builder
	for i, m := range msgs {
		if n := telegramtest.UTF16Len(m.Text); n > 4096 {
			t.Errorf("message %d has %d UTF-16 units", i, n)
		}
		if i < len(msgs)-1 && m.ReplyMarkup != nil {
			t.Errorf("keyboard on message %d of %d", i, len(msgs))
		}
		body.WriteString(m.Text)
	}
	if !strings.HasPrefix(msgs[0].Source, "<i>模型暂时不可用") {
		t.Errorf("notice not in italics first: %q", msgs[0].Source[:60])
	}
	if !strings.Contains(body.String(), strings.Repeat("社区书记坚持入户走访，倾听<群众>的意见 & 建议😀。", 50)) {
		t.Error("text lost in splitting")
	}
	for _, m := range msgs[:len(msgs)-1] {
		if !strings.HasSuffix(strings.TrimSpace(m.Text), "。") && !strings.HasSuffix(strings.TrimSpace(m.Text), "摘录") {
			t.Errorf("split not at a sentence end: …%q", lastRunes(m.Text, 10))
		}
	}
	h.noRejections()
}

func lastRunes(s string, n int) string {
	r := []rune(s)
	return string(r[max(0, len(r)-n):])
}

func TestFeedbackRecorded(t *testing.T) {
	t.Parallel()
	fb := &MemoryFeedback{}
	h := start(t, testConfig(), newFakeCore(), WithFeedbackStore(fb))
	h.say(h.dm, h.user, "格线化管理怎么做？")
	final := h.waitFinal(h.dm.ID, 1)[0]
	up := buttons(final)["👍"]
	for range 2 {
		if _, err := h.srv.PressButton(h.dm, h.user, final.ID, up); err != nil {
			t.Fatal(err)
		}
	}
	h.srv.WaitUntil(5*time.Second, func() bool { return len(h.srv.CallbackAnswers()) == 2 })
	got := fb.All()
	if len(got) != 1 || got[0].Vote != "up" || got[0].UserID != h.user.ID || got[0].Question != "格线化管理怎么做？" || len(got[0].ChunkIDs) != 2 {
		t.Errorf("feedback = %+v", got)
	}
	if a := h.srv.CallbackAnswers(); len(a) != 2 || a[0].Text != "谢谢反馈！" {
		t.Errorf("callback answers = %+v", a)
	}
}

func TestAllowList(t *testing.T) {
	t.Parallel()
	cfg := testConfig()
	cfg.AllowedUsers = []int64{1001}
	cfg.Workers = 1
	fc := newFakeCore()
	h := start(t, cfg, fc)
	stranger := telegramtest.User{ID: 6666, FirstName: "陌生人"}
	sdm := h.srv.PrivateChat(stranger)
	h.say(sdm, stranger, "格线化管理怎么做？")
	msgs := h.waitCount(sdm.ID, 1)
	if !strings.Contains(msgs[0].Text, "仅对授权") {
		t.Errorf("refusal: %q", msgs[0].Text)
	}
	group := h.srv.GroupChat(-777, "外部群")
	h.say(group, stranger, "/ask 问题")
	h.say(h.dm, h.user, "格线化管理怎么做？")
	h.waitFinal(h.dm.ID, 1)
	if len(h.srv.BotMessages(group.ID)) != 0 || len(fc.questions()) != 1 {
		t.Errorf("stranger served: group %s; asked %q", dump(h.srv.BotMessages(group.ID)), fc.questions())
	}
}

func TestRateLimitAndLengthCap(t *testing.T) {
	t.Parallel()
	cfg := testConfig()
	cfg.UserRate = RateLimit{Burst: 1, Every: time.Hour}
	cfg.MaxQuestionRunes = 50
	cfg.Workers = 1
	fc := newFakeCore()
	h := start(t, cfg, fc)
	h.say(h.dm, h.user, strings.Repeat("长", 51))
	h.say(h.dm, h.user, "第一个问题")
	h.say(h.dm, h.user, "第二个问题")
	h.say(h.dm, h.user, "第三个问题")
	h.say(h.dm, h.user, "/help")
	h.waitCount(h.dm.ID, 3)
	time.Sleep(300 * time.Millisecond)
	msgs := h.srv.BotMessages(h.dm.ID)
	if !strings.Contains(msgs[0].Text, "问题太长了（51 字）") {
		t.Errorf("length cap: %q", msgs[0].Text)
	}
	if !strings.Contains(msgs[2].Text, "提问有点频繁") {
		t.Errorf("rate limit: %s", dump(msgs))
	}
	// The third question and /help cost a token too; the notice was
	// given a moment ago, so they are dropped silently.
	if len(msgs) != 3 {
		t.Errorf("after the notice the bot kept replying: %s", dump(msgs))
	}
	if got := fc.questions(); len(got) != 1 {
		t.Errorf("core asked %q", got)
	}
}

func TestCommandsAnnounced(t *testing.T) {
	t.Parallel()
	h := start(t, testConfig(), newFakeCore())
	if !h.srv.WaitUntil(5*time.Second, func() bool { return len(h.srv.Commands("default", "")) > 0 && len(h.srv.Commands("default", "zh")) > 0 }) {
		t.Fatal("setMyCommands not called for both languages")
	}
	zh := h.srv.Commands("default", "zh")
	if zh[0].Command != "ask" || !strings.Contains(zh[0].Description, "提问") {
		t.Errorf("zh commands = %+v", zh)
	}
	for _, c := range zh {
		if c.Command == "start" {
			t.Error("hidden /start announced")
		}
	}
}

func TestWebhookMode(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	cfg := testConfig()
	cfg.WebhookURL = "http://" + ln.Addr().String() + "/tg/hook"
	cfg.WebhookSecret = "s3cret-token"
	h := setup(t, cfg, newFakeCore())
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel = cancel
	go func() {
		if err := h.bot.ServeWebhook(ctx, ln); err != nil {
			t.Errorf("ServeWebhook: %v", err)
		}
		close(h.done)
	}()
	t.Cleanup(h.stop)
	if !h.srv.WaitUntil(5*time.Second, func() bool { u, _ := h.srv.Webhook(); return u != "" }) {
		t.Fatal("webhook not registered")
	}
	if _, sec := h.srv.Webhook(); sec != cfg.WebhookSecret {
		t.Errorf("registered secret %q", sec)
	}
	h.say(h.dm, h.user, "格线化管理怎么做？") // delivered by POST with the secret
	h.waitFinal(h.dm.ID, 1)

	status, err := telegramtest.PostUpdate(context.Background(), cfg.WebhookURL, "wrong", []byte(`{"update_id":99,"message":{"message_id":50,"date":1,"chat":{"id":1001,"type":"private"},"from":{"id":1001,"is_bot":false,"first_name":"x"},"text":"伪造"}}`))
	if err != nil || status != http.StatusForbidden {
		t.Errorf("wrong secret: status %d err %v", status, err)
	}
	resp, err := http.Get("http://" + ln.Addr().String() + "/healthz")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("healthz: %v %v", resp, err)
	}
	resp.Body.Close()
	time.Sleep(50 * time.Millisecond)
	if len(h.srv.BotMessages(h.dm.ID)) != 1 {
		t.Errorf("forged update answered:%s", dump(h.srv.BotMessages(h.dm.ID)))
	}
	h.noRejections()
}

func TestGracefulShutdownFinishesAnswer(t *testing.T) {
	t.Parallel()
	fc := newFakeCore()
	fc.steps, fc.delay = 10, 40*time.Millisecond
	fc.started = make(chan string, 1)
	h := start(t, testConfig(), fc)
	h.say(h.dm, h.user, "格线化管理怎么做？")
	<-fc.started
	h.stop() // cancel while the answer is being written
	msgs := h.srv.BotMessages(h.dm.ID)
	if len(msgs) != 1 || msgs[0].ReplyMarkup == nil {
		t.Errorf("in-flight answer not finished before Run returned:%s", dump(msgs))
	}
}

// TestReplyContinuesThatAnswer: in a group, a reply to one of the bot's
// answers continues that answer's conversation, whoever asked in between
// (issue 10: a member replying to the 郭佳 answer must not get 李亚玲,
// whom another member had just asked about).
func TestReplyContinuesThatAnswer(t *testing.T) {
	t.Parallel()
	cfg := testConfig()
	cfg.Workers = 1
	h := start(t, cfg, realCore(t))
	group := h.srv.SupergroupChat(-100400, "培训群", false)
	a := telegramtest.User{ID: 4001, FirstName: "小赵"}
	b := telegramtest.User{ID: 4002, FirstName: "小钱"}

	h.say(group, a, "/ask 郭佳有什么工作方法？")
	first := h.waitFinal(group.ID, 1)[0]
	h.say(group, b, "/ask 李亚玲是怎么找回失联党员的？")
	h.waitFinal(group.ID, 2)
	h.say(group, a, "她获得过什么荣誉？", telegramtest.ReplyTo(first.ID))
	msgs := h.waitFinal(group.ID, 3)
	reply := msgs[len(msgs)-1].Text
	if !strings.Contains(reply, "全国优秀党务工作者") || strings.Contains(reply, "李亚玲") {
		t.Errorf("the reply to the 郭佳 answer was answered about someone else:\n%s", reply)
	}
	h.noRejections()
}

// TestPrivateAnswerStreamsDrafts: an answer that takes a while is shown
// growing in one draft before the final message.
func TestPrivateAnswerStreamsDrafts(t *testing.T) {
	t.Parallel()
	fc := newFakeCore()
	fc.delay = 30 * time.Millisecond // six steps, 180 ms in all
	h := start(t, testConfig(), fc)
	h.say(h.dm, h.user, "格线化管理怎么做？")
	h.waitFinal(h.dm.ID, 1)
	drafts := h.srv.Drafts(h.dm.ID)
	if len(drafts) < 3 || !strings.Contains(drafts[0].Text, "正在查阅") {
		t.Fatalf("want the placeholder and growing drafts, got %+v", drafts)
	}
	for _, d := range drafts {
		if d.DraftID != drafts[0].DraftID {
			t.Errorf("one answer used several draft ids: %+v", drafts)
		}
	}
	h.noRejections()
}
