package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
	"github.com/xuri/excelize/v2"

	"bangyang/bot/telegramtest"
)

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// counter sums the samples of family name whose labels include want.
func counter(fams map[string]*dto.MetricFamily, name string, want map[string]string) (float64, bool) {
	f, ok := fams[name]
	if !ok {
		return 0, false
	}
	sum := 0.0
	for _, m := range f.GetMetric() {
		labels := map[string]string{}
		for _, l := range m.GetLabel() {
			labels[l.GetName()] = l.GetValue()
		}
		match := true
		for k, v := range want {
			match = match && labels[k] == v
		}
		if !match {
			continue
		}
		switch {
		case m.Counter != nil:
			sum += m.Counter.GetValue()
		case m.Gauge != nil:
			sum += m.Gauge.GetValue()
		case m.Histogram != nil:
			sum += float64(m.Histogram.GetSampleCount())
		}
	}
	return sum, true
}

// TestServeMetricsStatsAndReport runs the real program against the fake
// Bot API with real traffic (answers, unanswered questions, a rate-limit
// refusal, a 429, a 👎), then reads the figures three ways: /metrics
// parsed with the Prometheus text parser, /stats in Telegram, and
// `bangyang stats --json` / `bangyang report` after the bot stopped.
func TestServeMetricsStatsAndReport(t *testing.T) {
	srv := telegramtest.New(t, telegramtest.Options{})
	for _, k := range []string{"LLM_MODEL", "EMBED_MODEL", "BANGYANG_CORPUS", "TELEGRAM_WEBHOOK_URL", "BANGYANG_NO_DEFAULT_CORPUS"} {
		t.Setenv(k, "")
	}
	data := t.TempDir()
	addr := freeAddr(t)
	t.Setenv("TELEGRAM_BOT_TOKEN", srv.Token())
	t.Setenv("TELEGRAM_API_URL", srv.URL())
	t.Setenv("BANGYANG_DATA_DIR", data)
	t.Setenv("BANGYANG_METRICS_LISTEN", addr)
	t.Setenv("BANGYANG_ADMINS", "4242")
	t.Setenv("BANGYANG_USER_PER_MINUTE", "2") // a burst of 1, then one per 30 s
	t.Setenv("LOG_FORMAT", "json")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	var stderr bytes.Buffer
	go func() { done <- run(ctx, []string{"serve"}, strings.NewReader(""), &bytes.Buffer{}, &stderr) }()

	admin := telegramtest.User{ID: 4242, FirstName: "管理员"}
	user := telegramtest.User{ID: 7, FirstName: "小王"}
	adm, dm := srv.PrivateChat(admin), srv.PrivateChat(user)
	waitFor := func(chat telegramtest.Chat, n int, substr string) telegramtest.SentMessage {
		t.Helper()
		var got telegramtest.SentMessage
		ok := srv.WaitUntil(30*time.Second, func() bool {
			ms := srv.BotMessages(chat.ID)
			if len(ms) < n {
				return false
			}
			got = ms[n-1]
			return strings.Contains(got.Text, substr)
		})
		if !ok {
			t.Fatalf("no message %d with %q in chat %d; messages %+v\nstderr:\n%s", n, substr, chat.ID, srv.BotMessages(chat.ID), stderr.String())
		}
		return got
	}
	ask := func(chat telegramtest.Chat, from telegramtest.User, q string, n int, substr string) telegramtest.SentMessage {
		t.Helper()
		if _, err := srv.SendText(chat, from, q); err != nil {
			t.Fatal(err)
		}
		return waitFor(chat, n, substr)
	}

	// The first answer's sendMessage meets flood control once.
	srv.FailNext("sendmessage", 1, 1)
	ask(adm, admin, "什么是四单工作法？", 1, "民主议单")
	ask(adm, admin, "火星上怎么种土豆？", 2, "资料中没有")
	ask(adm, admin, "火星上怎么种土豆", 3, "资料中没有")
	ans := ask(dm, user, "怎么把失联的党员找回来？", 1, "")
	ask(dm, user, "郭佳是谁？", 2, "") // refused: the user's burst is spent
	if got := srv.BotMessages(dm.ID); !strings.Contains(got[1].Text, "秒") {
		t.Errorf("the refusal does not say when to come back: %q", got[1].Text)
	}
	if ans.ReplyMarkup == nil {
		t.Fatal("answer without feedback buttons")
	}
	down := ""
	for _, row := range ans.ReplyMarkup.InlineKeyboard {
		for _, b := range row {
			if b.Text == "👎" {
				down = b.CallbackData
			}
		}
	}
	if _, err := srv.PressButton(dm, user, ans.ID, down); err != nil {
		t.Fatal(err)
	}
	if !srv.WaitUntil(10*time.Second, func() bool { return len(srv.CallbackAnswers()) == 1 }) {
		t.Fatal("the 👎 press was not answered")
	}

	// A non-admin is refused /stats; the admin gets the figures.
	other := telegramtest.User{ID: 8, FirstName: "小赵"}
	ask(srv.PrivateChat(other), other, "/stats", 1, "管理员")
	stats := ask(adm, admin, "/stats", 4, "使用统计")
	for _, want := range []string{"提问 4 次", "已回答 2", "资料中没有 2", "用户 2 人", "👎 1", "怎么把失联的党员找回来", "火星上怎么种土豆？ ×2", "四单工作法 ×1"} {
		if !strings.Contains(stats.Text, want) {
			t.Errorf("/stats lacks %q:\n%s", want, stats.Text)
		}
	}

	resp, err := http.Get("http://" + addr + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("/healthz in polling mode: %s", resp.Status)
	}
	resp, err = http.Get("http://" + addr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := parser.TextToMetricFamilies(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatalf("/metrics does not parse: %v", err)
	}
	checks := []struct {
		name   string
		labels map[string]string
		want   float64
	}{
		{"bangyang_questions_total", map[string]string{"via": "telegram", "mode": "extractive", "outcome": "answered"}, 2},
		{"bangyang_questions_total", map[string]string{"outcome": "abstained"}, 2},
		{"bangyang_answer_seconds", map[string]string{"mode": "extractive"}, 4},
		{"bangyang_rate_limited_total", map[string]string{"scope": "user"}, 1},
		{"bangyang_telegram_flood_waits_total", nil, 1},
		{"bangyang_telegram_api_errors_total", map[string]string{"method": "sendMessage", "code": "429"}, 1},
		{"bangyang_model_fallbacks_total", nil, 0},
		{"bangyang_model_errors_total", nil, 0},
		{"bangyang_training_sessions_total", nil, 0},
		{"bangyang_articles", nil, 5},
	}
	for _, c := range checks {
		got, ok := counter(fams, c.name, c.labels)
		if !ok || got != c.want {
			t.Errorf("%s%v = %v (present %v), want %v", c.name, c.labels, got, ok, c.want)
		}
	}
	if n, _ := counter(fams, "bangyang_index_chunks", nil); n < 20 {
		t.Errorf("bangyang_index_chunks = %v", n)
	}

	cancel()
	if code := <-done; code != 0 {
		t.Fatalf("exit %d:\n%s", code, stderr.String())
	}
	// LOG_FORMAT=json: every log line is one JSON object, none holds the token.
	for _, line := range strings.Split(strings.TrimSpace(stderr.String()), "\n") {
		if !json.Valid([]byte(line)) {
			t.Errorf("log line is not JSON: %q", line)
		}
	}
	if strings.Contains(stderr.String(), srv.Token()) {
		t.Error("the token was logged")
	}

	// After the bot stopped, the same figures from the command line.
	out, errs, code := runCLIEnv(t, data, nil, "", "stats", "--json")
	if code != 0 {
		t.Fatalf("stats: exit %d: %s", code, errs)
	}
	var rep struct {
		Questions, Answered, Abstained, Users, Downvotes int
		Unanswered                                       []struct {
			Question string
			Count    int
		}
		Downvoted []struct{ Question, Answer string }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("stats --json: %v\n%s", err, out)
	}
	if rep.Questions != 4 || rep.Answered != 2 || rep.Abstained != 2 || rep.Users != 2 || rep.Downvotes != 1 ||
		len(rep.Unanswered) != 1 || rep.Unanswered[0].Count != 2 || len(rep.Downvoted) != 1 || !strings.Contains(rep.Downvoted[0].Answer, "[1]") {
		t.Errorf("stats --json: %+v", rep)
	}
	csvPath := filepath.Join(t.TempDir(), "report.csv")
	if _, errs, code := runCLIEnv(t, data, nil, "", "report", "--out", csvPath); code != 0 {
		t.Fatalf("report: exit %d: %s", code, errs)
	}
	raw, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\ufeff总计", "未能回答的问题", "火星上怎么种土豆？,2,", "👎 反馈", "怎么把失联的党员找回来？"} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("report lacks %q:\n%s", want, raw)
		}
	}
	// The same as a workbook: one sheet per table (TestReportXLSX reads
	// every cell; here the figures of this traffic).
	xlsxPath := filepath.Join(t.TempDir(), "report.xlsx")
	if _, errs, code := runCLIEnv(t, data, nil, "", "report", "--out", xlsxPath); code != 0 {
		t.Fatalf("report to .xlsx: exit %d: %s", code, errs)
	}
	book, err := excelize.OpenFile(xlsxPath)
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	answer := ""
	if len(rep.Downvoted) == 1 {
		answer = rep.Downvoted[0].Answer
	}
	cells := []struct{ sheet, cell, want string }{
		{"总计", "A2", "4"}, {"总计", "B2", "2"}, {"总计", "C2", "2"}, {"总计", "E2", "2"}, {"总计", "H2", "1"},
		{"未能回答的问题", "A2", "火星上怎么种土豆？"}, {"未能回答的问题", "B2", "2"},
		{"👎 反馈", "C2", "怎么把失联的党员找回来？"}, {"👎 反馈", "D2", answer},
		{"最常问的工作法", "A2", "四单工作法"},
	}
	for _, c := range cells {
		if got, err := book.GetCellValue(c.sheet, c.cell); err != nil || got != c.want {
			t.Errorf("report.xlsx %s!%s = %q (%v), want %q", c.sheet, c.cell, got, err, c.want)
		}
	}
}
