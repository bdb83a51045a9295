package bot

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/go-telegram/bot/models"

	"bangyang/bot/telegramtest"
	"bangyang/core"
	"bangyang/corpus"
	"bangyang/zh"
)

func TestParseCommand(t *testing.T) {
	t.Parallel()
	cmdEnt := func(n int) []models.MessageEntity {
		return []models.MessageEntity{{Type: models.MessageEntityTypeBotCommand, Offset: 0, Length: n}}
	}
	cases := []struct {
		text         string
		ents         []models.MessageEntity
		name, args   string
		forUs, isCmd bool
		explicit     bool
	}{
		{"/ask 问题", cmdEnt(4), "ask", "问题", true, true, false},
		{"/ask@bangyang_test_bot 问题", cmdEnt(22), "ask", "问题", true, true, true},
		{"/ASK@BANGYANG_TEST_BOT 问题", cmdEnt(22), "ask", "问题", true, true, true},
		{"/ask@other_bot 问题", cmdEnt(14), "ask", "问题", false, true, false},
		{"/ask", nil, "ask", "", true, true, false}, // no entities: fallback
		{"问题 /ask", []models.MessageEntity{{Type: "bot_command", Offset: 3, Length: 4}}, "", "", false, false, false},
		{"普通文本", nil, "", "", false, false, false},
		{"/", nil, "", "", false, false, false},
		{"/ask", cmdEnt(99), "ask", "", true, true, false}, // bad length: fallback, no panic
		{"/😀", cmdEnt(3), "", "", false, false, false},
	}
	for _, c := range cases {
		cmd, forUs, ok := parseCommand(c.text, c.ents, "bangyang_test_bot")
		if ok != c.isCmd || forUs != c.forUs || cmd.name != c.name || cmd.args != c.args || cmd.explicit != c.explicit {
			t.Errorf("parseCommand(%q) = %+v forUs=%v ok=%v", c.text, cmd, forUs, ok)
		}
	}
}

func TestUTF16Span(t *testing.T) {
	t.Parallel()
	text := "请问😀 @bot 好"
	s, e, ok := utf16Span(text, 5, 4) // 请问 = 2 units, 😀 = 2, space = 1
	if !ok || text[s:e] != "@bot" {
		t.Errorf("span = %q ok=%v", text[s:e], ok)
	}
	if _, _, ok := utf16Span(text, 3, 1); ok {
		t.Error("span cutting a surrogate pair accepted")
	}
	if _, _, ok := utf16Span(text, 0, 100); ok {
		t.Error("span beyond the text accepted")
	}
	if s, e, ok := utf16Span(text, zh.UTF16Len(text), 0); !ok || s != len(text) || e != len(text) {
		t.Error("empty span at the end rejected")
	}
}

func TestSplitPlainKeepsTextAndLimits(t *testing.T) {
	t.Parallel()
	text := strings.Repeat("第一句话很长很长。“引号里的话！”", 40) + strings.Repeat("无标点", 700)
	pieces := splitPlain(text, 500)
	if strings.Join(pieces, "") != text {
		t.Fatal("pieces do not concatenate back to the text")
	}
	for i, p := range pieces {
		if zh.UTF16Len(p) > 500 {
			t.Errorf("piece %d has %d units", i, zh.UTF16Len(p))
		}
		if !utf8.ValidString(p) {
			t.Errorf("piece %d is not valid UTF-8", i)
		}
	}
	if !strings.HasSuffix(pieces[0], "”") {
		t.Errorf("closing quote separated from its sentence: …%q", lastRunes(pieces[0], 5))
	}
	if got := corpus.SentencePieces("95.3%的居民满意。下一句"); len(got) != 2 {
		t.Errorf("split on a decimal point: %q", got)
	}
}

// Every rendering must be valid Telegram HTML and within limits, whatever
// the model wrote.
func TestRenderedHTMLIsAlwaysValid(t *testing.T) {
	t.Parallel()
	nasty := []string{
		"<b>未闭合", "a < b && c > d", "&amp; &lt; &#x;", "</i>", "<script>alert(1)</script>",
		strings.Repeat("长句子<&>", 2000), "😀" + strings.Repeat("🎉", 3000), "", "   ", "[1][2]<[3]>",
	}
	for _, text := range nasty {
		a := &core.Answer{Text: text, Citations: sampleCitations(), Grounded: true, Script: "hant", Notice: "<注意> & 提示"}
		msgs := renderAnswer(a)
		msgs = append(msgs, renderPassages(a.Citations, false)...)
		msgs = append(msgs, plainMessages(text+"x")...)
		if p := renderPreview(text); p != "" {
			msgs = append(msgs, p)
		}
		for _, m := range msgs {
			visible, _, err := telegramtest.ParseHTML(m)
			if err != nil {
				t.Errorf("invalid HTML for %.20q: %v", text, err)
				continue
			}
			if n := zh.UTF16Len(strings.TrimSpace(visible)); n == 0 || n > telegramMaxText {
				t.Errorf("message of %d units for %.20q", n, text)
			}
		}
	}
}

func TestCitationLabelNeverInvents(t *testing.T) {
	t.Parallel()
	c := sampleCitations()[1]
	if got := citationLabel(c); got != "郭佳 · 蘭州 城關區 酒泉路街道" {
		t.Errorf("label = %q", got)
	}
	c.Chunk.Meta = core.Citation{}.Chunk.Meta
	c.Chunk.Meta.ID = "004"
	if got := citationLabel(c); got != "004" {
		t.Errorf("label without metadata = %q", got)
	}
}

func TestLimiter(t *testing.T) {
	t.Parallel()
	now := time.Unix(0, 0)
	l := newLimiter(RateLimit{Burst: 2, Every: 10 * time.Second}, func() time.Time { return now })
	for i := range 2 {
		if ok, _ := l.allow(1); !ok {
			t.Fatalf("burst request %d refused", i)
		}
	}
	ok, wait := l.allow(1)
	if ok || wait != 10*time.Second {
		t.Errorf("third = %v wait %v", ok, wait)
	}
	if ok, _ := l.allow(2); !ok {
		t.Error("other key limited")
	}
	now = now.Add(10 * time.Second)
	if ok, _ := l.allow(1); !ok {
		t.Error("token not refilled")
	}
	if ok, _ := newLimiter(RateLimit{}, time.Now).allow(1); !ok {
		t.Error("zero limit should be off")
	}
}

func TestScriptGuess(t *testing.T) {
	t.Parallel()
	cases := map[string]zh.Script{"這個方法怎麼做": "hant", "这个方法怎么做": "hans", "ok": "hans"}
	for text, want := range cases {
		if got := scriptGuess(&models.Message{Text: text}); got != want {
			t.Errorf("scriptGuess(%q) = %s", text, got)
		}
	}
	if got := scriptGuess(&models.Message{Text: "ok", From: &models.User{LanguageCode: "zh-TW"}}); got != "hant" {
		t.Errorf("zh-TW user = %s", got)
	}
}

func FuzzParseCommand(f *testing.F) {
	f.Add("/ask@bangyang_test_bot 问题", 0, 22)
	f.Add("😀/ask", 0, 5)
	f.Add("", 0, 0)
	f.Fuzz(func(t *testing.T, text string, off, length int) {
		ents := []models.MessageEntity{{Type: models.MessageEntityTypeBotCommand, Offset: off, Length: length},
			{Type: models.MessageEntityTypeMention, Offset: length, Length: off}}
		parseCommand(text, ents, "bangyang_test_bot")
		stripMention(&models.Message{Text: text, Entities: ents}, models.User{Username: "bangyang_test_bot"})
		if s, e, ok := utf16Span(text, off, length); ok && (s > e || e > len(text)) {
			t.Fatalf("bad span %d..%d", s, e)
		}
		for _, m := range renderAnswer(&core.Answer{Text: text, Grounded: true, Citations: sampleCitations()}) {
			if _, _, err := telegramtest.ParseHTML(m); err != nil {
				t.Fatalf("invalid HTML: %v", err)
			}
		}
	})
}

// FuzzProcessUpdate feeds arbitrary update JSON, decoded into the client's
// models as ProcessUpdate would receive it, to our update handler against
// the fake server. The panic-recovery middleware is bypassed on purpose, so
// that any panic in our code fails the test instead of being logged.
func FuzzProcessUpdate(f *testing.F) {
	seeds := []string{
		`{"update_id":1,"message":{"message_id":1,"date":1,"chat":{"id":1001,"type":"private"},"from":{"id":1001,"is_bot":false,"first_name":"a"},"text":"格线化管理怎么做？"}}`,
		`{"update_id":2,"message":{"message_id":2,"date":1,"chat":{"id":-5,"type":"supergroup","is_forum":true},"message_thread_id":3,"is_topic_message":true,"from":{"id":7,"is_bot":false,"first_name":"a"},"text":"😀/ask@bangyang_test_bot x","entities":[{"type":"bot_command","offset":2,"length":23},{"type":"mention","offset":-4,"length":900}]}}`,
		`{"update_id":3,"message":{"message_id":3,"date":1,"chat":{"id":-5,"type":"group"},"from":{"id":7,"is_bot":false,"first_name":"a"},"text":"hi","reply_to_message":{"message_id":1,"date":1,"chat":{"id":-5,"type":"group"},"from":{"id":123456789,"is_bot":true,"first_name":"b"}}}}`,
		`{"update_id":4,"callback_query":{"id":"q","from":{"id":1,"is_bot":false,"first_name":"a"},"message":{"message_id":1,"date":1,"chat":{"id":1001,"type":"private"}},"data":"fb:x:up"}}`,
		`{"update_id":5,"callback_query":{"id":"q","from":{"id":1,"is_bot":false,"first_name":"a"},"message":{"message_id":1,"date":0,"chat":{"id":1001,"type":"private"}},"data":"src:"}}`,
		`{"update_id":6,"poll_answer":{"poll_id":"p"}}`,
		`{"update_id":7}`,
	}
	for _, s := range seeds {
		f.Add(s)
	}
	cfg := testConfig()
	cfg.Workers = 1
	h := setupFuzz(f, cfg)
	f.Fuzz(func(t *testing.T, raw string) {
		var u models.Update
		if json.Unmarshal([]byte(raw), &u) != nil {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		h.bot.handleUpdate(ctx, h.bot.api, &u)
	})
}

func setupFuzz(f *testing.F, cfg Config) *harness {
	srv := telegramtest.New(f, telegramtest.Options{})
	srv.PrivateChat(telegramtest.User{ID: 1001, FirstName: "a"})
	srv.SupergroupChat(-5, "g", true)
	srv.GroupChat(-6, "g2")
	cfg.Token, cfg.APIURL = srv.Token(), srv.URL()
	b, err := New(context.Background(), cfg, newFakeCore(), WithLogger(discardLogger()), withRetryUnit(time.Millisecond))
	if err != nil {
		f.Fatal(err)
	}
	return &harness{srv: srv, bot: b}
}

// However the messages come, the group pacing never lets more than the
// configured number through in any rolling minute (Telegram answers 429
// beyond about 20), and it does let nearly that many through.
func TestGroupPaceWithinRollingMinute(t *testing.T) {
	t.Parallel()
	for _, perMinute := range []int{1, 2, 5, 20, 30} {
		now := time.Unix(0, 0)
		l := newLimiter(groupPace(perMinute), func() time.Time { return now })
		var sent []time.Time
		for now.Before(time.Unix(600, 0)) {
			ok, wait := l.allow(-100)
			if ok {
				sent = append(sent, now)
				continue // a backlog: the next message is ready at once
			}
			now = now.Add(wait)
		}
		most := 0
		for i := range sent {
			n := 0
			for j := i; j < len(sent) && sent[j].Sub(sent[i]) < time.Minute; j++ {
				n++
			}
			most = max(most, n)
		}
		if most > perMinute {
			t.Errorf("%d/min: %d messages within one minute", perMinute, most)
		}
		if perMinute >= 5 && most < perMinute*3/4 {
			t.Errorf("%d/min: only %d a minute get through", perMinute, most)
		}
	}
}

// TestRefusalCitationsShown: a refusal that says what the articles do say
// about the person cites it, and its [n] resolves to a listed source.
func TestRefusalCitationsShown(t *testing.T) {
	t.Parallel()
	a := &core.Answer{
		Text:      "资料中没有提到郭佳的工资收入。\n• 资料介绍的是：郭佳在酒泉路街道工作。[1]",
		Citations: sampleCitations()[1:],
		Grounded:  false, Refused: true, Mode: core.ModeExtractive, Script: "hans",
	}
	a.Citations[0].N = 1
	msgs := renderAnswer(a)
	all := strings.Join(msgs, "\n")
	if !strings.Contains(all, "来源") || !strings.Contains(all, "[1] ") {
		t.Fatalf("the refusal's [1] has no source listed:\n%s", all)
	}
	if kb := answerKeyboard(a, "k"); len(kb.InlineKeyboard) != 2 {
		t.Errorf("want 查看原文 and the votes on a refusal with citations: %+v", kb.InlineKeyboard)
	}
}
