package bot

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bangyang/bot/telegramtest"
)

// A session run end to end with three members voting leaves records that
// a restarted bot still shows in /record and /board.
func TestRecordsSurviveRestart(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "bot.db")
	st := openTrainingStore(t, path)
	cfg := trainingConfig()
	h := start(t, cfg, trainingService(t, st))
	group := h.srv.SupergroupChat(-7201, "学习群", false)
	secretary := telegramtest.User{ID: 3200, FirstName: "书记"}
	carol := telegramtest.User{ID: 3003, FirstName: "Carol"}
	h.srv.SetChatMember(group, secretary, telegramtest.StatusAdministrator)

	h.say(group, secretary, "/train 2")
	for i := 0; i < 2; i++ {
		p := h.waitPolls(group.ID, i+1)[i]
		right := *p.CorrectOptionID
		h.vote(p, alice, right)
		h.vote(p, bob, (right+1)%len(p.Options))
		if i == 0 {
			h.vote(p, carol, right) // Carol answers only the first
		}
		h.waitText(group.ID, "人作答", i+1)
	}
	h.waitText(group.ID, "培训结束", 1)
	h.stop()
	st.Close()

	st2 := openTrainingStore(t, path)
	defer st2.Close()
	h2 := startOn(t, h.srv, cfg, trainingService(t, st2))
	h2.say(group, alice, "/record")
	rec := h2.waitText(group.ID, "我的培训记录", 1)[0]
	if !strings.Contains(rec.Text, "参加 1 场，作答 2 题，答对 2 题，正确率 100%，积分 24，本群排名第 1") {
		t.Errorf("Alice's record: %q", rec.Text)
	}
	h2.say(group, bob, "/record")
	rec = h2.waitText(group.ID, "我的培训记录", 2)[1]
	if !strings.Contains(rec.Text, "作答 2 题，答对 0 题，正确率 0%，积分 4，本群排名第 3") {
		t.Errorf("Bob's record: %q", rec.Text)
	}
	h2.say(group, secretary, "/record")
	h2.waitText(group.ID, "还没有培训记录", 1)

	var boards []telegramtest.SentMessage
	for i, arg := range []string{"", " 本周", " month"} {
		h2.say(group, carol, "/board"+arg)
		boards = h2.waitText(group.ID, "培训积分榜", i+1)
	}
	for _, b := range boards {
		lines := strings.Split(b.Text, "\n")
		if len(lines) != 4 || !strings.HasPrefix(lines[1], "1. Alice 24 分 · 正确率 100% · 1 场") ||
			!strings.HasPrefix(lines[2], "2. Carol 12 分 · 正确率 100%") || !strings.HasPrefix(lines[3], "3. 老<李>& 4 分 · 正确率 0%") {
			t.Errorf("board:\n%s", b.Text)
		}
	}
	if !strings.Contains(boards[0].Text, "（全部）") || !strings.Contains(boards[1].Text, "（本周）") || !strings.Contains(boards[2].Text, "（本月）") {
		t.Errorf("board periods: %q %q %q", boards[0].Text, boards[1].Text, boards[2].Text)
	}
	h2.say(group, carol, "/board 去年")
	h2.waitText(group.ID, "用法：/board", 1)
	time.Sleep(50 * time.Millisecond)
	h2.noRejections()
}
