package main

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"bangyang/bot/telegramtest"
)

const liArticle = `---
title: 李强的做法
leader: 李强
place: 西湖社区
---
李强是西湖社区党委书记。他创立了“五色便民卡”工作法：红卡记党员承诺，黄卡记居民诉求，绿卡记志愿服务，蓝卡记矛盾调解，紫卡记回访结果。
实行“五色便民卡”工作法以来，社区居民满意率提升到98%。
`

const wangArticle = `---
title: 王红梅的做法
leader: 王红梅
place: 东风社区
---
王红梅是东风社区党委书记。她创立了“三张清单”工作法，把居民反映的问题逐件登记、限期办结、上门回访。
`

// An operator drops a file into the corpus folder of a running bot: it is
// in answers and /methods without a restart; removing it takes it out
// again; other chats are answered throughout.
func TestServeReloadsChangedCorpusFolder(t *testing.T) {
	srv := telegramtest.New(t, telegramtest.Options{})
	for _, k := range []string{"LLM_MODEL", "EMBED_MODEL", "TELEGRAM_WEBHOOK_URL"} {
		t.Setenv(k, "")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "wang.md"), []byte(wangArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	addr := freeAddr(t)
	t.Setenv("TELEGRAM_BOT_TOKEN", srv.Token())
	t.Setenv("TELEGRAM_API_URL", srv.URL())
	t.Setenv("BANGYANG_DATA_DIR", t.TempDir())
	t.Setenv("BANGYANG_CORPUS", dir)
	t.Setenv("BANGYANG_NO_DEFAULT_CORPUS", "true")
	t.Setenv("BANGYANG_WATCH_INTERVAL", "50ms")
	t.Setenv("BANGYANG_METRICS_LISTEN", addr)
	t.Setenv("BANGYANG_USER_PER_MINUTE", "0")
	t.Setenv("BANGYANG_CHAT_PER_MINUTE", "0")
	t.Setenv("BANGYANG_ADMINS", "11")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	var stderr bytes.Buffer
	go func() { done <- run(ctx, []string{"serve"}, strings.NewReader(""), &bytes.Buffer{}, &stderr) }()

	user := telegramtest.User{ID: 11, FirstName: "小陈"}
	dm := srv.PrivateChat(user)
	other := telegramtest.User{ID: 12, FirstName: "小周"}
	odm := srv.PrivateChat(other)
	asked := map[int64]int{}
	ask := func(chat telegramtest.Chat, from telegramtest.User, q string) string {
		t.Helper()
		if _, err := srv.SendText(chat, from, q); err != nil {
			t.Fatal(err)
		}
		asked[chat.ID]++
		n := asked[chat.ID]
		var text string
		if !srv.WaitUntil(30*time.Second, func() bool {
			ms := srv.BotMessages(chat.ID)
			if len(ms) < n {
				return false
			}
			text = ms[n-1].Text
			return true
		}) {
			t.Fatalf("no reply to %q; stderr:\n%s", q, stderr.String())
		}
		return text
	}
	articles := func() float64 {
		resp, err := http.Get("http://" + addr + "/metrics")
		if err != nil {
			return -1
		}
		defer resp.Body.Close()
		p := expfmt.NewTextParser(model.UTF8Validation)
		fams, err := p.TextToMetricFamilies(resp.Body)
		if err != nil || fams["bangyang_articles"] == nil {
			return -1
		}
		return fams["bangyang_articles"].GetMetric()[0].GetGauge().GetValue()
	}

	if got := ask(dm, user, "五色便民卡工作法是什么？"); !strings.Contains(got, "资料中没有") {
		t.Fatalf("before the file is added: %q", got)
	}
	if err := os.WriteFile(filepath.Join(dir, "li.md"), []byte(liArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	// Another chat is answered while the folder is being reloaded.
	if got := ask(odm, other, "三张清单工作法是什么？"); !strings.Contains(got, "三张清单") {
		t.Errorf("during the reload: %q", got)
	}
	if !srv.WaitUntil(20*time.Second, func() bool { return articles() == 2 }) {
		t.Fatalf("the added file was not loaded; stderr:\n%s", stderr.String())
	}
	if got := ask(dm, user, "五色便民卡工作法是什么？"); !strings.Contains(got, "红卡记党员承诺") {
		t.Errorf("after the file is added: %q", got)
	}
	// One page per secretary: both articles' leaders are listed.
	if got := ask(dm, user, "/methods"); !strings.Contains(got, "五色便民卡") || !strings.Contains(got, "1/2") {
		t.Errorf("/methods after the file is added: %q", got)
	}

	if got := ask(dm, user, "/articles"); !strings.Contains(got, "资料共 2 篇") || !strings.Contains(got, "李强的做法 — 李强") || !strings.Contains(got, "li.md") {
		t.Errorf("/articles after the file is added: %q", got)
	}
	if got := ask(odm, other, "/articles"); !strings.Contains(got, "管理员") {
		t.Errorf("/articles for a non-admin: %q", got)
	}

	if err := os.Remove(filepath.Join(dir, "li.md")); err != nil {
		t.Fatal(err)
	}
	if !srv.WaitUntil(20*time.Second, func() bool { return articles() == 1 }) {
		t.Fatalf("the removed file is still served; stderr:\n%s", stderr.String())
	}
	if got := ask(dm, user, "五色便民卡工作法是什么？"); !strings.Contains(got, "资料中没有") {
		t.Errorf("after the file is removed: %q", got)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Fatalf("exit %d:\n%s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "corpus reloaded") {
		t.Errorf("the reloads were not logged:\n%s", stderr.String())
	}
}
