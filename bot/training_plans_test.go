package bot

import (
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"bangyang/bot/telegramtest"
)

// testClock is a clock the test moves.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

// /daily posts one question a day at its time, once, and goes on after a
// restart; /daily off ends it; only admins set it.
func TestDailyQuestion(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "bot.db")
	st := openTrainingStore(t, path)
	zone := time.FixedZone("CST", 8*3600)
	clock := &testClock{now: time.Date(2026, 12, 1, 7, 59, 0, 0, zone)}
	cfg := trainingConfig()
	opts := []Option{withDailyClock(clock.Now), withDailyTick(20 * time.Millisecond)}
	h := start(t, cfg, trainingService(t, st), opts...)
	group := h.srv.SupergroupChat(-7301, "每日群", false)
	secretary := telegramtest.User{ID: 3300, FirstName: "书记"}
	h.srv.SetChatMember(group, secretary, telegramtest.StatusAdministrator)

	h.say(group, bob, "/daily 09:00")
	h.waitText(group.ID, "只有群管理员可以设定每日一题", 1)
	h.say(group, secretary, "/daily 08:00 火星殖民计划")
	h.waitText(group.ID, "没有找到与“火星殖民计划”相关的材料", 1)
	h.say(group, secretary, "/daily 8:00 四单工作法")
	set := h.waitText(group.ID, "已设定每日一题", 1)[0]
	if !strings.Contains(set.Text, "今天起每天 08:00") || !strings.Contains(set.Text, "四单工作法") {
		t.Errorf("/daily reply: %q", set.Text)
	}
	time.Sleep(150 * time.Millisecond)
	if n := len(chatPolls(h.srv, group.ID)); n != 0 {
		t.Fatalf("%d polls before 08:00", n)
	}
	clock.Set(time.Date(2026, 12, 1, 8, 0, 30, 0, zone))
	p := h.waitPolls(group.ID, 1)[0]
	if p.OpenPeriod != 600 {
		t.Errorf("the daily question is open %d s, want 600", p.OpenPeriod)
	}
	h.vote(p, alice, *p.CorrectOptionID)
	h.waitText(group.ID, "第 1/1 题", 1)
	h.waitText(group.ID, "今天的每日一题结束，1 人作答", 1)
	clock.Set(time.Date(2026, 12, 1, 18, 0, 0, 0, zone))
	time.Sleep(150 * time.Millisecond)
	if n := len(chatPolls(h.srv, group.ID)); n != 1 {
		t.Fatalf("%d polls on the first day, want 1", n)
	}
	h.stop()
	st.Close()

	// The next morning, a new process.
	st2 := openTrainingStore(t, path)
	defer st2.Close()
	clock.Set(time.Date(2026, 12, 2, 8, 1, 0, 0, zone))
	h2 := startOn(t, h.srv, cfg, trainingService(t, st2), opts...)
	h2.waitPolls(group.ID, 2)
	h2.waitText(group.ID, "📅 今天的每日一题", 2)
	h2.say(group, secretary, "/daily off")
	h2.waitText(group.ID, "已取消本群的每日一题", 1)
	clock.Set(time.Date(2026, 12, 3, 8, 1, 0, 0, zone))
	time.Sleep(150 * time.Millisecond)
	if n := len(chatPolls(h.srv, group.ID)); n != 2 {
		t.Errorf("%d polls after /daily off, want 2", n)
	}
	h2.say(group, alice, "/record")
	if rec := h2.waitText(group.ID, "我的培训记录", 1)[0]; !strings.Contains(rec.Text, "参加 1 场") {
		t.Errorf("the daily question left no record: %q", rec.Text)
	}
	h2.noRejections()
}

// /lesson posts the method's summary, then a three-question quiz, then a
// case to discuss, in that order.
func TestLessonSequence(t *testing.T) {
	t.Parallel()
	st := openTrainingStore(t, filepath.Join(t.TempDir(), "bot.db"))
	defer st.Close()
	h := start(t, trainingConfig(), trainingService(t, st))
	group := h.srv.SupergroupChat(-7302, "学习课群", false)
	secretary := telegramtest.User{ID: 3301, FirstName: "书记"}
	h.srv.SetChatMember(group, secretary, telegramtest.StatusAdministrator)

	h.say(group, bob, "/lesson 四单工作法")
	h.waitText(group.ID, "只有群管理员", 1)
	h.say(group, secretary, "/lesson 四单工作法")
	for i := 0; i < lessonQuestions; i++ {
		p := h.waitPolls(group.ID, i+1)[i]
		h.vote(p, alice, *p.CorrectOptionID)
	}
	h.waitText(group.ID, "小测结束", 1)
	h.waitText(group.ID, "🧩 案例讨论", 1)
	msgs := h.srv.BotMessages(group.ID)
	pos := func(pred func(telegramtest.SentMessage) bool) int {
		for i, m := range msgs {
			if pred(m) {
				return i
			}
		}
		return -1
	}
	head := pos(func(m telegramtest.SentMessage) bool { return strings.Contains(m.Text, "学习课：四单工作法") })
	summary := pos(func(m telegramtest.SentMessage) bool {
		return strings.Contains(m.Text, "来源") && strings.Contains(m.Text, "四单")
	})
	firstPoll := pos(func(m telegramtest.SentMessage) bool { return m.Poll != nil })
	end := pos(func(m telegramtest.SentMessage) bool { return strings.Contains(m.Text, "小测结束") })
	caseAt := pos(func(m telegramtest.SentMessage) bool { return strings.Contains(m.Text, "🧩 案例讨论") })
	if !(head >= 0 && head < summary && summary < firstPoll && firstPoll < end && end < caseAt) {
		t.Errorf("lesson out of order: head %d summary %d poll %d end %d case %d:%s", head, summary, firstPoll, end, caseAt, dump(msgs))
	}
	if n := len(chatPolls(h.srv, group.ID)); n != lessonQuestions {
		t.Errorf("%d polls, want %d", n, lessonQuestions)
	}
	for _, m := range msgs[firstPoll:end] {
		if m.Poll == nil && strings.Contains(m.Text, "第 1/3 题") && !strings.Contains(m.Text, "✅") {
			t.Errorf("passage without its answer: %q", m.Text)
		}
	}
	h.say(group, alice, "/reveal")
	h.waitText(group.ID, "💡", 1)
	h.noRejections()
}
