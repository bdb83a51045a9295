package bot

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"bangyang/bot/telegramtest"
	"bangyang/catalog"
	"bangyang/core"
	"bangyang/corpus"
	"bangyang/zh"
)

// nth waits until chat has at least n bot messages and returns the nth.
func (h *harness) nth(chatID int64, n int) telegramtest.SentMessage {
	h.t.Helper()
	return h.waitCount(chatID, n)[n-1]
}

// press presses a button by its label and fails the test if it is missing.
func (h *harness) press(chat telegramtest.Chat, from telegramtest.User, m telegramtest.SentMessage, label string) {
	h.t.Helper()
	data, ok := buttons(m)[label]
	if !ok {
		h.t.Fatalf("message %d has no button %q: %v", m.ID, label, buttons(m))
	}
	if _, err := h.srv.PressButton(chat, from, m.ID, data); err != nil {
		h.t.Fatal(err)
	}
}

// message returns the current state of one bot message.
func (h *harness) message(chatID int64, id int) telegramtest.SentMessage {
	h.t.Helper()
	for _, m := range h.srv.BotMessages(chatID) {
		if m.ID == id {
			return m
		}
	}
	h.t.Fatalf("no bot message %d in chat %d", id, chatID)
	return telegramtest.SentMessage{}
}

// waitEdits waits until message id has been edited n times.
func (h *harness) waitEdits(chatID int64, id, n int) telegramtest.SentMessage {
	h.t.Helper()
	var m telegramtest.SentMessage
	if !h.srv.WaitUntil(10*time.Second, func() bool { m = h.message(chatID, id); return len(m.Edits) >= n }) {
		h.t.Fatalf("message %d: wanted %d edits, got %d: %q", id, n, len(m.Edits), m.Text)
	}
	return m
}

var markerRE = regexp.MustCompile(`\[(\d+)\]`)

// checkCited checks that a rendered answer has markers in its body and a
// source line for each of them.
func checkCited(t *testing.T, text, sourcesLabel string) {
	t.Helper()
	body, sources, ok := strings.Cut(text, "\n\n"+sourcesLabel+"\n")
	if !ok {
		t.Fatalf("no %s block:\n%s", sourcesLabel, text)
	}
	marks := markerRE.FindAllStringSubmatch(body, -1)
	if len(marks) == 0 {
		t.Errorf("no [n] markers in:\n%s", body)
	}
	for _, m := range marks {
		if !strings.Contains(sources, "["+m[1]+"] ") {
			t.Errorf("marker [%s] has no source line:\n%s", m[1], sources)
		}
	}
}

func TestMethodCommandInBothScripts(t *testing.T) {
	t.Parallel()
	svc := realCore(t)
	h := start(t, testConfig(), svc)
	for i, c := range []struct {
		name    string
		script  zh.Script
		sources string
		want    []string
	}{
		{"四单工作法", "hans", "来源", []string{"民众点单", "共同接单", "吴中兰"}},
		{"四單工作法", "hant", "來源", []string{"民眾點單", "共同接單", "吳中蘭"}},
	} {
		h.say(h.dm, h.user, "/method "+c.name)
		msgs := h.waitFinal(h.dm.ID, i+1)
		m := msgs[i]
		for _, w := range c.want {
			if !strings.Contains(m.Text, w) {
				t.Errorf("/method %s lacks %q:\n%s", c.name, w, m.Text)
			}
		}
		if got := zh.DetectScript(m.Text); got != c.script {
			t.Errorf("/method %s answered in %q:\n%s", c.name, got, m.Text)
		}
		checkCited(t, m.Text, c.sources)
		btn := buttons(m)
		if !strings.HasPrefix(btn["查看原文"], cbSources) || btn["👍"] == "" {
			t.Errorf("/method %s keyboard: %v", c.name, btn)
		}
	}
	// 查看原文 under a summary shows the cited passages, as for answers.
	first := h.srv.BotMessages(h.dm.ID)[0]
	h.press(h.dm, h.user, first, "查看原文")
	if src := h.nth(h.dm.ID, 3); !strings.Contains(src.Source, "<blockquote>") || !strings.Contains(src.Text, "民眾點單") && !strings.Contains(src.Text, "民众点单") {
		t.Errorf("passages: %q", src.Text)
	}
	// The summary is a turn of the conversation: /sources shows it too.
	h.say(h.dm, h.user, "/sources")
	if src := h.nth(h.dm.ID, 4); !strings.Contains(src.Source, "<blockquote>") {
		t.Errorf("/sources after /method: %q", src.Text)
	}
	h.noRejections()
}

func TestMethodsPagination(t *testing.T) {
	t.Parallel()
	svc := realCore(t)
	h := start(t, testConfig(), svc)
	h.say(h.dm, h.user, "/methods")
	list := h.nth(h.dm.ID, 1)

	var groups int
	var want []string
	for _, g := range svc.Methods() {
		if len(g.Methods) > 0 {
			groups++
		}
		for _, m := range g.Methods {
			want = append(want, m.Name)
		}
	}
	total := len(methodSlices(svc.Methods()))
	if total < groups || total < 2 {
		t.Fatalf("%d pages for %d leaders with methods", total, groups)
	}
	header := func(n int) string { return fmt.Sprintf("第 %d/%d 页", n, total) }
	if !strings.Contains(list.Text, header(1)) {
		t.Fatalf("first page: %q", list.Text)
	}
	if _, ok := buttons(list)["◀ 上一页"]; ok {
		t.Error("page 1 offers a previous page")
	}

	// Forward to the end: every page edits the same message, shows one
	// leader with her place, and all methods appear once as buttons.
	seen := map[string]bool{}
	collect := func(m telegramtest.SentMessage) {
		for label, data := range buttons(m) {
			if strings.HasPrefix(data, cbCatalog+"m:") {
				seen[label] = true
			}
		}
	}
	collect(list)
	for n := 2; n <= total; n++ {
		h.press(h.dm, h.user, list, "下一页 ▶")
		list = h.waitEdits(h.dm.ID, list.ID, n-1)
		if !strings.Contains(list.Text, header(n)) {
			t.Fatalf("after %d presses: %q", n-1, list.Text)
		}
		collect(list)
	}
	if _, ok := buttons(list)["下一页 ▶"]; ok {
		t.Error("last page offers a next page")
	}
	for _, name := range want {
		if !seen[name] {
			t.Errorf("method %q has no button on any page", name)
		}
	}
	// And back.
	h.press(h.dm, h.user, list, "◀ 上一页")
	list = h.waitEdits(h.dm.ID, list.ID, total)
	if !strings.Contains(list.Text, header(total-1)) {
		t.Errorf("back: %q", list.Text)
	}
	// The page indicator changes nothing (no identical edit).
	h.press(h.dm, h.user, list, fmt.Sprintf("%d/%d", total-1, total))
	h.srv.WaitUntil(5*time.Second, func() bool { return len(h.srv.CallbackAnswers()) == total+1 })
	if got := len(h.message(h.dm.ID, list.ID).Edits); got != total {
		t.Errorf("indicator press edited the message: %d edits", got)
	}
	if n := len(h.srv.BotMessages(h.dm.ID)); n != 1 {
		t.Errorf("page turns sent %d messages", n)
	}
	h.noRejections()
}

func TestDoublePressEditsOnce(t *testing.T) {
	t.Parallel()
	h := start(t, testConfig(), realCore(t))
	h.say(h.dm, h.user, "/methods")
	list := h.nth(h.dm.ID, 1)
	next := buttons(list)["下一页 ▶"]
	presses := 0
	for range 3 {
		// The second and third may find the button gone already.
		if _, err := h.srv.PressButton(h.dm, h.user, list.ID, next); err == nil {
			presses++
		}
	}
	h.srv.WaitUntil(5*time.Second, func() bool { return len(h.srv.CallbackAnswers()) == presses })
	// The edit may land after the answers on a loaded machine: wait for
	// it, then a while longer for any second one.
	h.srv.WaitUntil(5*time.Second, func() bool { return len(h.message(h.dm.ID, list.ID).Edits) >= 1 })
	time.Sleep(100 * time.Millisecond)
	if m := h.message(h.dm.ID, list.ID); len(m.Edits) != 1 || !strings.Contains(m.Text, "第 2/") {
		t.Errorf("%d presses → %d edits, now %q", presses, len(m.Edits), m.Text)
	}
	if got := len(h.srv.CallbackAnswers()); got != presses {
		t.Errorf("%d presses, %d callback answers", presses, got)
	}
	h.noRejections()
}

func TestMethodButtonOpensSummary(t *testing.T) {
	t.Parallel()
	svc := realCore(t)
	h := start(t, testConfig(), svc)
	h.say(h.dm, h.user, "/methods")
	list := h.nth(h.dm.ID, 1)
	first := svc.Methods()[0]
	h.press(h.dm, h.user, list, first.Methods[0].Name)
	sum := h.waitFinal(h.dm.ID, 2)[1]
	if !strings.HasPrefix(sum.Text, first.Methods[0].Name) || !strings.Contains(sum.Text, first.Leader.Name) {
		t.Errorf("summary of %s:\n%s", first.Methods[0].Name, sum.Text)
	}
	checkCited(t, sum.Text, "来源")
	// The leader's profile button on the same page.
	h.press(h.dm, h.user, list, "👤 "+first.Leader.Name+" 简介")
	prof := h.waitFinal(h.dm.ID, 3)[2]
	if !strings.HasPrefix(prof.Text, first.Leader.Name) {
		t.Errorf("profile:\n%s", prof.Text)
	}
	checkCited(t, prof.Text, "来源")
	if len(h.message(h.dm.ID, list.ID).Edits) != 0 {
		t.Error("opening a summary edited the list")
	}
	h.noRejections()
}

func TestMethodSuggestions(t *testing.T) {
	t.Parallel()
	svc := realCore(t)
	h := start(t, testConfig(), svc)
	_, close, ok := svc.FindMethod("工作法")
	if ok || len(close) < 2 {
		t.Fatalf("precondition: 工作法 should be ambiguous, got ok=%v close=%d", ok, len(close))
	}
	h.say(h.dm, h.user, "/method 工作法")
	sugg := h.nth(h.dm.ID, 1)
	if !strings.Contains(sugg.Text, "没有找到") || strings.Contains(sugg.Text, "来源") {
		t.Errorf("suggestion text: %q", sugg.Text)
	}
	btn := buttons(sugg)
	for _, m := range close {
		if data := btn[m.Name]; !strings.HasPrefix(data, cbCatalog+"m:") {
			t.Errorf("no button for %q: %v", m.Name, btn)
		}
	}
	h.press(h.dm, h.user, sugg, close[1].Name)
	sum := h.waitFinal(h.dm.ID, 2)[1]
	if !strings.HasPrefix(sum.Text, close[1].Name) {
		t.Errorf("pressed %q, got:\n%s", close[1].Name, sum.Text)
	}
	checkCited(t, sum.Text, "来源")

	// Unknown: no matches, but a way to the whole list.
	h.say(h.dm, h.user, "/method 量子计算法")
	unk := h.nth(h.dm.ID, 3)
	if !strings.Contains(unk.Text, "没有找到") {
		t.Errorf("unknown: %q", unk.Text)
	}
	h.press(h.dm, h.user, unk, "📚 全部工作方法")
	if list := h.nth(h.dm.ID, 4); !strings.Contains(list.Text, "第 1/") {
		t.Errorf("all methods: %q", list.Text)
	}
	// /method without a name is the list too.
	h.say(h.dm, h.user, "/method")
	if list := h.nth(h.dm.ID, 5); !strings.Contains(list.Text, "工作方法目录") {
		t.Errorf("/method alone: %q", list.Text)
	}
	h.noRejections()
}

func TestLeadersAndProfile(t *testing.T) {
	t.Parallel()
	svc := realCore(t)
	h := start(t, testConfig(), svc)
	h.say(h.dm, h.user, "/leaders")
	list := h.nth(h.dm.ID, 1)
	btn := buttons(list)
	for _, l := range svc.Leaders() {
		if !strings.Contains(list.Text, l.Name) || (l.Place != "" && !strings.Contains(list.Text, l.Place)) {
			t.Errorf("leader %s (%s) missing:\n%s", l.Name, l.Place, list.Text)
		}
		if !strings.HasPrefix(btn[l.Name], cbCatalog+"l:") {
			t.Errorf("no button for %s: %v", l.Name, btn)
		}
	}

	h.say(h.dm, h.user, "/leader 郭佳")
	prof := h.waitFinal(h.dm.ID, 2)[1]
	if !strings.Contains(prof.Text, "党建集结号") {
		t.Errorf("profile lacks 党建集结号:\n%s", prof.Text)
	}
	checkCited(t, prof.Text, "来源")
	key := strings.TrimPrefix(buttons(prof)["查看原文"], cbSources)
	stored, ok := h.bot.answers.get(key)
	if !ok || len(stored.Citations) == 0 {
		t.Fatalf("no stored citations for %q", key)
	}
	articles := map[string]bool{}
	for _, c := range stored.Citations {
		articles[c.Chunk.ArticleID] = true
		if zh.ToSimplified(c.Chunk.Meta.Leader) != "郭佳" {
			t.Errorf("profile of 郭佳 cites %s (%s)", c.Chunk.Meta.Leader, c.Chunk.ArticleID)
		}
	}
	if len(articles) != 1 {
		t.Errorf("profile cites %d articles", len(articles))
	}

	// A button on the list opens the same kind of profile.
	h.press(h.dm, h.user, list, "郭佳")
	if again := h.waitFinal(h.dm.ID, 3)[2]; again.Text != prof.Text {
		t.Errorf("button profile differs:\n%s\n---\n%s", again.Text, prof.Text)
	}
	// Close matches for leaders, too.
	h.say(h.dm, h.user, "/leader 郭佳佳")
	m := h.nth(h.dm.ID, 4)
	if m.ReplyMarkup == nil {
		t.Fatalf("no buttons: %q", m.Text)
	}
	if strings.Contains(m.Text, "没有找到") {
		if _, ok := buttons(m)["郭佳"]; !ok {
			t.Errorf("no 郭佳 suggestion: %v", buttons(m))
		}
	} else if !strings.Contains(m.Text, "党建集结号") {
		t.Errorf("郭佳佳: %q", m.Text) // a confident fuzzy match must be 郭佳
	}
	h.noRejections()
}

func TestFreeTextSummaryThroughBot(t *testing.T) {
	t.Parallel()
	h := start(t, testConfig(), realCore(t))
	h.say(h.dm, h.user, "总结一下郭佳的工作方法")
	m := h.waitFinal(h.dm.ID, 1)[0]
	if !strings.HasPrefix(m.Text, "郭佳") || !strings.Contains(m.Text, "党建集结号") {
		t.Errorf("free-text summary:\n%s", m.Text)
	}
	checkCited(t, m.Text, "来源")
	h.noRejections()
}

func TestMethodInForumTopic(t *testing.T) {
	t.Parallel()
	h := start(t, testConfig(), realCore(t))
	forum := h.srv.SupergroupChat(-100400, "书记论坛", true)
	member := telegramtest.User{ID: 4004, FirstName: "小陈"}
	h.say(forum, member, "/method@someone_else_bot 四单工作法", telegramtest.InThread(9))
	q := h.say(forum, member, "/method@bangyang_test_bot 四单工作法", telegramtest.InThread(9))
	ans := h.waitFinal(forum.ID, 1)
	if len(ans) != 1 || !strings.Contains(ans[0].Text, "民众点单") {
		t.Fatalf("group answer:%s", dump(ans))
	}
	if ans[0].ReplyTo == nil || ans[0].ReplyTo.MessageID != q.MessageID {
		t.Errorf("not a reply to the command: %+v", ans[0].ReplyTo)
	}
	checkCited(t, ans[0].Text, "来源")

	// The list and its buttons stay in the topic.
	h.say(forum, member, "/methods@bangyang_test_bot", telegramtest.InThread(9))
	list := h.nth(forum.ID, 2)
	h.press(forum, member, list, "下一页 ▶")
	list = h.waitEdits(forum.ID, list.ID, 1)
	var name string
	for label, data := range buttons(list) {
		if strings.HasPrefix(data, cbCatalog+"m:") {
			name = label
			break
		}
	}
	h.press(forum, member, list, name)
	sum := h.waitFinal(forum.ID, 3)[2]
	if !strings.HasPrefix(sum.Text, name) {
		t.Errorf("pressed %q in the topic:\n%s", name, sum.Text)
	}
	for _, m := range h.srv.BotMessages(forum.ID) {
		if m.ThreadID != 9 {
			t.Errorf("message outside the topic: #%d thread %d", m.ID, m.ThreadID)
		}
	}
	h.noRejections()
}

func TestCatalogScriptFallback(t *testing.T) {
	t.Parallel()
	h := start(t, testConfig(), realCore(t))
	if sc := zh.DetectScript("四社"); sc != "" {
		t.Fatalf("precondition: 四社 should not tell its script, got %q", sc)
	}
	// The conversation was held in Traditional: a neutral name follows it.
	h.say(h.dm, h.user, "四單工作法是什麼？")
	h.waitFinal(h.dm.ID, 1)
	h.say(h.dm, h.user, "/method 四社")
	m := h.waitFinal(h.dm.ID, 2)[1]
	if zh.DetectScript(m.Text) != "hant" || !strings.Contains(m.Text, "來源") {
		t.Errorf("after Traditional, /method 四社 answered:\n%s", m.Text)
	}
	// A new user whose client is set to Traditional gets Traditional lists.
	tw := telegramtest.User{ID: 5005, FirstName: "阿明", LanguageCode: "zh-TW"}
	dm := h.srv.PrivateChat(tw)
	h.say(dm, tw, "/leaders")
	list := h.nth(dm.ID, 1)
	if !strings.Contains(list.Text, "書記名錄") {
		t.Errorf("zh-TW leaders list: %q", list.Text)
	}
	// And what opens from it stays Traditional.
	h.press(dm, tw, list, zh.ToTraditional("郭佳"))
	prof := h.waitFinal(dm.ID, 2)[1]
	if !strings.Contains(prof.Text, "黨建集結號") {
		t.Errorf("Traditional profile:\n%s", prof.Text)
	}
	h.noRejections()
}

func TestCatalogRateLimited(t *testing.T) {
	t.Parallel()
	cfg := testConfig()
	cfg.UserRate = RateLimit{Burst: 2, Every: time.Hour}
	cfg.Workers = 1
	h := start(t, cfg, realCore(t))
	h.say(h.dm, h.user, "/methods")
	list := h.nth(h.dm.ID, 1)
	h.say(h.dm, h.user, "/method 四单工作法")
	h.say(h.dm, h.user, "/leader 郭佳")
	msgs := h.waitCount(h.dm.ID, 3)
	if !strings.Contains(msgs[2].Text, "提问有点频繁") {
		t.Errorf("third command not limited:%s", dump(msgs))
	}
	// Page turns stay free; opening a summary does not.
	h.press(h.dm, h.user, list, "下一页 ▶")
	h.waitEdits(h.dm.ID, list.ID, 1)
	list = h.message(h.dm.ID, list.ID)
	var data string
	for _, d := range buttons(list) {
		if strings.HasPrefix(d, cbCatalog+"m:") {
			data = d
		}
	}
	if _, err := h.srv.PressButton(h.dm, h.user, list.ID, data); err != nil {
		t.Fatal(err)
	}
	h.srv.WaitUntil(5*time.Second, func() bool { return len(h.srv.CallbackAnswers()) == 2 })
	if a := h.srv.CallbackAnswers(); len(a) != 2 || !a[1].ShowAlert || !strings.Contains(a[1].Text, "频繁") {
		t.Errorf("limited button: %+v", a)
	}
	if n := len(h.srv.BotMessages(h.dm.ID)); n != 3 {
		t.Errorf("%d messages after a limited press", n)
	}
	h.noRejections()
}

func TestCatalogCommandsAnnounced(t *testing.T) {
	t.Parallel()
	h := start(t, testConfig(), realCore(t))
	if !h.srv.WaitUntil(5*time.Second, func() bool { return len(h.srv.Commands("default", "zh")) > 0 && len(h.srv.Commands("default", "")) > 0 }) {
		t.Fatal("no setMyCommands")
	}
	for _, lang := range []string{"zh", ""} {
		got := map[string]string{}
		for _, c := range h.srv.Commands("default", lang) {
			got[c.Command] = c.Description
		}
		for _, name := range []string{"methods", "method", "leaders", "leader"} {
			if got[name] == "" {
				t.Errorf("lang %q: /%s not announced: %v", lang, name, got)
			}
		}
	}
	// A service without a catalog has no catalog commands.
	h2 := start(t, testConfig(), newFakeCore())
	h2.say(h2.dm, h2.user, "/methods")
	if m := h2.nth(h2.dm.ID, 1); strings.Contains(m.Text, "第 1/") || !strings.Contains(m.Text, "/ask") {
		t.Errorf("/methods without a catalog: %q", m.Text)
	}
}

// bigCatalog is a core with a catalog of many leaders with long names and
// characters HTML reserves, as another corpus could bring.
type bigCatalog struct {
	*fakeCore
	mu     sync.Mutex
	groups []catalog.LeaderMethods
}

// rename replaces the catalog with one where a method has another name, as
// a restart with other articles would.
func (bc *bigCatalog) rename(leader, method int, name string) {
	bc.mu.Lock()
	defer bc.mu.Unlock()
	groups := append([]catalog.LeaderMethods(nil), bc.groups...)
	ms := append([]catalog.Method(nil), groups[leader].Methods...)
	ms[method].Name = name
	groups[leader].Methods = ms
	bc.groups = groups
}

func (bc *bigCatalog) snapshot() []catalog.LeaderMethods {
	bc.mu.Lock()
	defer bc.mu.Unlock()
	return bc.groups
}

func newBigCatalog(leaders, methods int) *bigCatalog {
	bc := &bigCatalog{fakeCore: newFakeCore()}
	for i := range leaders {
		l := catalog.Leader{Name: fmt.Sprintf("书记<%d>&", i), Place: strings.Repeat("某省某市某区某街道", 4) + fmt.Sprintf("第%d社区", i), Role: "社区党委书记"}
		g := catalog.LeaderMethods{Leader: l}
		for j := range methods {
			name := fmt.Sprintf("%s第%d号<超长>工作法&", strings.Repeat("党建引领基层治理", 4), i*100+j)
			g.Methods = append(g.Methods, catalog.Method{Name: name, Leader: l.Name, Summary: strings.Repeat("这是一个很长的<摘要>句子 & 更多内容。", 5)})
			g.Leader.Methods = append(g.Leader.Methods, name)
		}
		bc.groups = append(bc.groups, g)
	}
	return bc
}

func (bc *bigCatalog) Methods() []catalog.LeaderMethods { return bc.snapshot() }

func (bc *bigCatalog) Leaders() []catalog.Leader {
	var out []catalog.Leader
	for _, g := range bc.snapshot() {
		out = append(out, g.Leader)
	}
	return out
}

func (bc *bigCatalog) MethodSummary(_ context.Context, _, name string, script zh.Script) (*core.Answer, error) {
	groups := bc.snapshot()
	for _, g := range groups {
		for _, m := range g.Methods {
			if m.Name == name {
				ch := corpus.Chunk{ID: "c-" + name, ArticleID: "x", Text: m.Summary, Meta: corpus.Meta{ID: "x", Leader: g.Leader.Name, Title: "标题<&>"}}
				return &core.Answer{Text: name + "：" + m.Summary + "[1]", Citations: []core.Citation{{N: 1, Chunk: ch}}, Grounded: true, Mode: core.ModeExtractive, Script: "hans"}, nil
			}
		}
	}
	return &core.Answer{Text: "资料中没有找到这个方法。", Script: "hans", Mode: core.ModeExtractive, Suggestions: []string{groups[0].Methods[0].Name, groups[1].Methods[1].Name}}, nil
}

func (bc *bigCatalog) LeaderProfile(_ context.Context, _, name string, script zh.Script) (*core.Answer, error) {
	return &core.Answer{Text: "资料中没有找到这个人物。", Script: "hans", Mode: core.ModeExtractive}, nil
}

func TestLargeCatalogStaysWithinLimits(t *testing.T) {
	t.Parallel()
	bc := newBigCatalog(23, 13)
	cfg := testConfig()
	cfg.UserRate, cfg.ChatRate = RateLimit{Burst: -1}, RateLimit{Burst: -1}
	h := start(t, cfg, bc)
	h.say(h.dm, h.user, "/leaders")
	leaders := h.nth(h.dm.ID, 1)
	if !strings.Contains(leaders.Text, "书记<0>&") || !strings.Contains(leaders.Text, "第 1/3 页") {
		t.Errorf("leaders page: %q", leaders.Text)
	}
	for n := 2; n <= 3; n++ {
		h.press(h.dm, h.user, leaders, "下一页 ▶")
		leaders = h.waitEdits(h.dm.ID, leaders.ID, n-1)
	}
	if !strings.Contains(leaders.Text, "书记<22>&") {
		t.Errorf("last leaders page: %q", leaders.Text)
	}

	h.say(h.dm, h.user, "/methods")
	list := h.nth(h.dm.ID, 2)
	if want := 23 * 2; !strings.Contains(list.Text, fmt.Sprintf("第 1/%d 页", want)) {
		t.Errorf("13 methods a leader should take 2 pages each: %q", list.Text)
	}
	for _, row := range list.ReplyMarkup.InlineKeyboard {
		for _, b := range row {
			if len(b.CallbackData) > 64 || len([]rune(b.Text)) > buttonRunes {
				t.Errorf("button %q → %q", b.Text, b.CallbackData)
			}
		}
	}
	var data string
	for _, d := range buttons(list) {
		if strings.HasPrefix(d, cbCatalog+"m:") {
			data = d
			break
		}
	}
	if _, err := h.srv.PressButton(h.dm, h.user, list.ID, data); err != nil {
		t.Fatal(err)
	}
	sum := h.waitFinal(h.dm.ID, 3)[2]
	if !strings.Contains(sum.Text, "<超长>") || !strings.Contains(sum.Text, "[1] 书记<") {
		t.Errorf("summary: %q", sum.Text)
	}
	// Not found, with suggestions whose names exceed 64 bytes.
	h.say(h.dm, h.user, "/method 没有这个")
	sugg := h.nth(h.dm.ID, 4)
	if n := len(sugg.ReplyMarkup.InlineKeyboard); n != 3 {
		t.Errorf("suggestion rows = %d", n)
	}
	if len(bc.groups[0].Methods[0].Name) <= 64 {
		t.Fatal("precondition: names longer than callback data allows")
	}
	h.press(h.dm, h.user, sugg, buttonText(bc.groups[1].Methods[1].Name))
	if got := h.waitFinal(h.dm.ID, 5)[4]; !strings.HasPrefix(got.Text, bc.groups[1].Methods[1].Name) {
		t.Errorf("suggestion opened: %q", got.Text)
	}
	// A button whose method is gone (the catalog changed since it was
	// sent) is refused politely instead of opening something else.
	stale := buttonText(bc.groups[0].Methods[0].Name)
	bc.rename(0, 0, "改名后的方法")
	h.press(h.dm, h.user, sugg, stale)
	h.srv.WaitUntil(5*time.Second, func() bool { a := h.srv.CallbackAnswers(); return len(a) > 0 && a[len(a)-1].ShowAlert })
	if a := h.srv.CallbackAnswers(); !strings.Contains(a[len(a)-1].Text, "已失效") {
		t.Errorf("stale button: %+v", a)
	}
	h.noRejections()
}

func TestMethodSlicesAndKeys(t *testing.T) {
	t.Parallel()
	mk := func(n int) catalog.LeaderMethods {
		g := catalog.LeaderMethods{Leader: catalog.Leader{Name: fmt.Sprint("L", n)}}
		for i := range n {
			g.Methods = append(g.Methods, catalog.Method{Name: fmt.Sprint(n, "-", i)})
		}
		return g
	}
	got := methodSlices([]catalog.LeaderMethods{mk(11), mk(0), mk(8), mk(17)})
	var sizes []int
	for _, s := range got {
		sizes = append(sizes, len(s.methods))
	}
	if fmt.Sprint(sizes) != "[6 5 8 6 6 5]" {
		t.Errorf("page sizes %v", sizes)
	}
	if got[0].cont || !got[1].cont || got[2].cont {
		t.Errorf("continuation flags wrong: %+v", got[:3])
	}
	if got := buttonText(strings.Repeat("党建引领", 8) + "第12号工作法"); got != "党建引领党建引领党建引…领党建引领第12号工作法" || len([]rune(got)) != buttonRunes {
		t.Errorf("buttonText = %q", got)
	}
	a, b := nameKey("四单工作法"), nameKey("四單工作法")
	if a == b || a != nameKey("四单工作法") || len(a) > 10 || a == "" {
		t.Errorf("keys %q %q", a, b)
	}
}

func TestClaimEdit(t *testing.T) {
	t.Parallel()
	c := &catalogUI{shown: map[shownKey]string{}}
	k := shownKey{1, 2}
	p1 := listPage{id: "mp:1:s", plain: "第 1 页"}
	p2 := listPage{id: "mp:2:s", plain: "第 2 页"}
	// Unknown message (after a restart): compared by its text.
	if c.claimEdit(k, p1, " 第 1 页\n") {
		t.Error("edit to the page already shown")
	}
	if !c.claimEdit(k, p2, "第 1 页") {
		t.Error("no edit to another page")
	}
	// Known: a second press for the same page (stale message) is dropped.
	if c.claimEdit(k, p2, "第 1 页") {
		t.Error("repeated press edits again")
	}
	c.forgetShown(k)
	if !c.claimEdit(k, p2, "第 1 页") {
		t.Error("after a failed edit the page must be tried again")
	}
}
