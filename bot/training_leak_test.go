package bot

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bangyang/bot/telegramtest"
	"bangyang/quiz"
	"bangyang/zh"
)

// pollMessage is the bot's message carrying poll p.
func pollMessage(t *testing.T, srv *telegramtest.Server, chatID int64, p telegramtest.Poll) telegramtest.SentMessage {
	t.Helper()
	for _, m := range srv.BotMessages(chatID) {
		if m.Poll != nil && m.Poll.ID == p.ID {
			return m
		}
	}
	t.Fatalf("no message carries poll %s", p.ID)
	return telegramtest.SentMessage{}
}

// answersFromArticles are the bot's answers (cited passages) in chat.
func answersFromArticles(srv *telegramtest.Server, chatID int64) []telegramtest.SentMessage {
	var out []telegramtest.SentMessage
	for _, m := range srv.BotMessages(chatID) {
		if m.Poll == nil && (strings.Contains(m.Text, "来源") || strings.Contains(m.Text, "來源") || strings.Contains(m.Text, "以下摘自")) {
			out = append(out, m)
		}
	}
	return out
}

// A reply to an open quiz poll is discussion: the bot says so in one line
// and shows nothing from the articles until the passage is out; after it,
// a reply is a question again.
func TestReplyToOpenPollRevealsNothing(t *testing.T) {
	t.Parallel()
	st := openTrainingStore(t, filepath.Join(t.TempDir(), "bot.db"))
	defer st.Close()
	svc := trainingService(t, st)
	cfg := trainingConfig()
	cfg.TrainingAnswerWait = 1500 * time.Millisecond
	h := start(t, cfg, svc)
	group := h.srv.SupergroupChat(-7101, "防泄露群", false)
	secretary := telegramtest.User{ID: 3100, FirstName: "书记"}
	h.srv.SetChatMember(group, secretary, telegramtest.StatusAdministrator)

	h.say(group, secretary, "/train 1")
	p := h.waitPolls(group.ID, 1)[0]
	pm := pollMessage(t, h.srv, group.ID, p)
	answer := p.Options[*p.CorrectOptionID].Text
	h.say(group, bob, "隐患矛盾清还是教育在网格？"+answer+"对吗？", telegramtest.ReplyTo(pm.ID))
	line := h.waitText(group.ID, "讨论中", 1)[0]
	if strings.Contains(line.Text, answer) || zh.UTF16Len(line.Text) > 40 {
		t.Errorf("the discussion line says more than it should: %q", line.Text)
	}
	if got := answersFromArticles(h.srv, group.ID); len(got) != 0 {
		t.Errorf("answered from the articles while the poll was open:%s", dump(got))
	}
	if len(withText(h.srv, group.ID, "第 1/1 题")) != 0 {
		t.Fatal("the passage came out before the test replied; lengthen the answer wait")
	}
	h.waitText(group.ID, "第 1/1 题", 1)
	h.waitText(group.ID, "培训结束", 1)
	// The answer is out: a reply to the poll is a question again.
	h.say(group, bob, "四单工作法是什么？", telegramtest.ReplyTo(pm.ID))
	if !h.srv.WaitUntil(10*time.Second, func() bool { return len(answersFromArticles(h.srv, group.ID)) > 0 }) {
		t.Errorf("a reply after the passage was not answered:%s", dump(h.srv.BotMessages(group.ID)))
	}
	if n := len(withText(h.srv, group.ID, "讨论中")); n != 1 {
		t.Errorf("%d discussion lines, want 1", n)
	}
	h.noRejections()
}

// A reply to a case post before the reveal gets the discussion line, not
// the secretary's solution; after /reveal replies are questions again.
func TestReplyToCaseRevealsNothing(t *testing.T) {
	t.Parallel()
	st := openTrainingStore(t, filepath.Join(t.TempDir(), "bot.db"))
	defer st.Close()
	h := start(t, trainingConfig(), trainingService(t, st))
	group := h.srv.GroupChat(-7102, "案例群")

	h.say(group, alice, "/case 夜市")
	post := h.waitText(group.ID, "案例讨论", 1)[0]
	h.say(group, bob, "我觉得应该直接关停夜市", telegramtest.ReplyTo(post.ID))
	h.waitText(group.ID, "讨论中", 1)
	time.Sleep(200 * time.Millisecond)
	for _, m := range h.srv.BotMessages(group.ID) {
		if strings.Contains(m.Text, "宜疏不宜堵") || strings.Contains(m.Text, "💡") {
			t.Errorf("the solution leaked before /reveal: %q", m.Text)
		}
	}
	if got := answersFromArticles(h.srv, group.ID); len(got) != 0 {
		t.Errorf("answered from the articles during the case:%s", dump(got))
	}
	h.say(group, alice, "/reveal")
	h.waitText(group.ID, "宜疏不宜堵", 1)
	h.say(group, bob, "夜市后来怎么管的？", telegramtest.ReplyTo(post.ID))
	if !h.srv.WaitUntil(10*time.Second, func() bool { return len(answersFromArticles(h.srv, group.ID)) > 0 }) {
		t.Errorf("a reply after the reveal was not answered:%s", dump(h.srv.BotMessages(group.ID)))
	}
	if n := len(withText(h.srv, group.ID, "讨论中")); n != 1 {
		t.Errorf("%d discussion lines, want 1", n)
	}
	h.noRejections()
}

// The automatic reveal is stored with the case: a bot restarted before it
// is due still reveals the case, once.
func TestCaseRevealSurvivesRestart(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "bot.db")
	st := openTrainingStore(t, path)
	cfg := trainingConfig()
	cfg.CaseRevealDelay = 1500 * time.Millisecond
	h := start(t, cfg, trainingService(t, st))
	group := h.srv.GroupChat(-7103, "重启群")
	h.say(group, alice, "/case 夜市")
	h.waitText(group.ID, "案例讨论", 1)
	h.stop()
	st.Close()

	st2 := openTrainingStore(t, path)
	defer st2.Close()
	h2 := startOn(t, h.srv, cfg, trainingService(t, st2))
	h2.waitText(group.ID, "💡", 1)
	time.Sleep(300 * time.Millisecond)
	if n := len(withText(h.srv, group.ID, "💡")); n != 1 {
		t.Errorf("%d reveals after the restart, want 1", n)
	}
	h2.noRejections()
}

// /case takes a method or a problem keyword as well as a secretary, and
// answers in the script the topic is written in; /train says its cap.
func TestCaseTopicsScriptAndTrainCap(t *testing.T) {
	t.Parallel()
	st := openTrainingStore(t, filepath.Join(t.TempDir(), "bot.db"))
	defer st.Close()
	h := start(t, trainingConfig(), trainingService(t, st))
	for i, topic := range []string{"四单工作法", "邻里矛盾", "吳中蘭"} {
		group := h.srv.GroupChat(int64(-7110-i), "话题群")
		h.say(group, alice, "/case "+topic)
		var post telegramtest.SentMessage
		if !h.srv.WaitUntil(10*time.Second, func() bool {
			ms := h.srv.BotMessages(group.ID)
			if len(ms) > 0 {
				post = ms[0]
			}
			return len(ms) > 0
		}) {
			t.Fatalf("/case %s: no reply", topic)
		}
		if !strings.Contains(post.Text, "案例") || strings.Contains(post.Text, "没有找到") || strings.Contains(post.Text, "沒有找到") {
			t.Errorf("/case %s: %q", topic, post.Text)
		}
		if topic == "吳中蘭" && (zh.DetectScript(post.Text) != "hant" || !strings.Contains(post.Text, "案例討論")) {
			t.Errorf("/case %s answered in Simplified: %q", topic, post.Text)
		}
	}
	h.say(h.dm, h.user, "/train 25")
	intro := h.waitText(h.dm.ID, "培训开始", 1)[0]
	if !strings.Contains(intro.Text, "一次最多 20 题") {
		t.Errorf("/train 25 does not say the cap: %q", intro.Text)
	}
	h.say(h.dm, h.user, "/stop")
	h.waitText(h.dm.ID, "提前结束", 1)
	h.noRejections()
}

// The poll's own explanation (shown to a member after voting) says why
// first, then the passage, within Telegram's 200 units.
func TestPollExplanationSaysWhy(t *testing.T) {
	t.Parallel()
	q := quiz.Question{Text: "四单工作法出自哪位社区书记的事迹？", Options: []string{"吴中兰", "郭佳", "张影"}, Correct: 0,
		Why: "报道写明“四单工作法”是吴中兰的做法。", Explanation: "出自《吴中兰》：“" + strings.Repeat("她总结出一套四单工作法。", 20) + "”"}
	p, ok := quizPollParams(q, 0, 1, 45*time.Second)
	if !ok {
		t.Fatal("no poll")
	}
	if !strings.HasPrefix(p.Explanation, q.Why+"\n出自《吴中兰》") || zh.UTF16Len(p.Explanation) > 200 {
		t.Errorf("explanation %q (%d units)", p.Explanation, zh.UTF16Len(p.Explanation))
	}
}

// In a private practice session too, a reply to the open poll is not
// answered from the articles.
func TestPrivateReplyToOpenPollRevealsNothing(t *testing.T) {
	t.Parallel()
	st := openTrainingStore(t, filepath.Join(t.TempDir(), "bot.db"))
	defer st.Close()
	cfg := trainingConfig()
	cfg.TrainingAnswerWait = 1500 * time.Millisecond
	h := start(t, cfg, trainingService(t, st))
	h.say(h.dm, h.user, "/train 1")
	p := h.waitPolls(h.dm.ID, 1)[0]
	pm := pollMessage(t, h.srv, h.dm.ID, p)
	h.say(h.dm, h.user, "这题答案是什么？", telegramtest.ReplyTo(pm.ID))
	h.waitText(h.dm.ID, "讨论中", 1)
	if got := answersFromArticles(h.srv, h.dm.ID); len(got) != 0 {
		t.Errorf("answered from the articles while the poll was open:%s", dump(got))
	}
	h.say(h.dm, h.user, "/stop")
	h.waitText(h.dm.ID, "提前结束", 1)
	h.noRejections()
}
