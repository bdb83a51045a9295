package main

import (
	"bytes"
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"bangyang/bot"
	"bangyang/bot/telegramtest"
	"bangyang/corpus/testdoc"
	"bangyang/netguard"
	"bangyang/retrieval"
)

var (
	zhaoDocx = []string{
		"社区书记赵敏：让邻里的事邻里商量",
		"赵敏是和平区阳光社区党支部书记。2018年，她创立了“邻里议事会”工作法：居民提议题、楼栋长收集、议事会商量、社区跟进办理。",
		"实行“邻里议事会”工作法以来，阳光社区共商量解决停车、加装电梯等难题87件。",
	}
	zhouPDF = []string{
		"社区书记周红梅：把居民的小事当成大事",
		"周红梅是江北区观音桥街道建新社区党委书记。2015年以来，她带领社区干部走遍辖区3200余户，总结出“敲门记账回访”工作法，居民满意率保持在96%以上。",
		"“敲门”就是每周两个晚上上门走访，把老人、残疾人和困难家庭的需求一户一户问清楚；“记账”就是把收集到的问题写进民情台账，明确责任人和办结时限；“回访”就是事情办完后再上门，听居民评价。",
	}
	sunPage = `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>孙立：“红色管家”让老小区有了主心骨_滨江新闻网</title></head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/news">社区新闻</a></div>
<div class="article"><h1>孙立：“红色管家”让老小区有了主心骨</h1>
<div class="info">发布时间：2024-03-18 来源：滨江新闻网</div>
<p>孙立是滨江区长河街道春波社区党委书记。面对老旧小区没有物业、无人管理的难题，她探索出“红色管家”工作法，由党员骨干担任楼道管家，负责收集诉求、调解纠纷、组织维修。</p>
<p>“红色管家”工作法推行两年来，春波社区32个楼道全部有了管家，居民报修平均两天内办结。</p>
</div><div class="footer">版权所有 滨江新闻网 浙ICP备12345678号</div></body></html>`
)

// An admin adds a Word file, a PDF and a web page (GBK) from the chat of a
// running bot, against the strict fake Bot API: each is previewed with
// what was derived and 确认/取消, and after 确认 it is in answers, /methods
// and quizzes at once (the folder watcher is set to an hour: the reload is
// the upload's own), while another chat's question is answered meanwhile.
// 取消, a scan and a non-admin's file store nothing. After a restart on the
// same data directory the articles are still there; /remove takes one out.
func TestServeAddArticlesFromChat(t *testing.T) {
	srv := telegramtest.New(t, telegramtest.Options{})
	data := uploadServeEnv(t, srv)
	t.Setenv("BANGYANG_USER_PER_MINUTE", "0")
	t.Setenv("BANGYANG_CHAT_PER_MINUTE", "0")
	t.Setenv("BANGYANG_ADMINS", "11,13,15,17,19")
	t.Setenv("BANGYANG_ADD_ALLOW_PRIVATE", "1") // the test's site is on loopback

	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(sunPage))
	if err != nil {
		t.Fatal(err)
	}
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/news/2024/sunli.shtml" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write(gbk)
	}))
	defer site.Close()

	var stderr lockedBuffer // read while the program writes
	start := func() (stop func()) {
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan int, 1)
		go func() { done <- run(ctx, []string{"serve"}, strings.NewReader(""), &bytes.Buffer{}, &stderr) }()
		return func() {
			cancel()
			if code := <-done; code != 0 {
				t.Fatalf("exit %d:\n%s", code, stderr.String())
			}
		}
	}
	stop := start()

	// Each step in its own admin's chat: the bot paces messages per chat
	// (about one a second after a burst, as Telegram wants), and this test
	// is about adding articles, not about pacing.
	admins := map[string]telegramtest.User{}
	chats := map[string]telegramtest.Chat{}
	for i, name := range []string{"docx", "pdf", "page", "catalog", "nothing"} {
		admins[name] = telegramtest.User{ID: int64(11 + 2*i), FirstName: "组织部" + name}
		chats[name] = srv.PrivateChat(admins[name])
	}
	other := telegramtest.User{ID: 12, FirstName: "小周"}
	odm := srv.PrivateChat(other)
	// next waits for the bot's next message in chat (after seen of them).
	seen := map[int64]int{}
	next := func(chat telegramtest.Chat, what string) telegramtest.SentMessage {
		t.Helper()
		var m telegramtest.SentMessage
		if !srv.WaitUntil(30*time.Second, func() bool {
			ms := srv.BotMessages(chat.ID)
			if len(ms) <= seen[chat.ID] {
				return false
			}
			m = ms[seen[chat.ID]]
			return true
		}) {
			t.Fatalf("no reply to %s; stderr:\n%s", what, stderr.String())
		}
		seen[chat.ID]++
		return m
	}
	ask := func(chat telegramtest.Chat, from telegramtest.User, q string) string {
		t.Helper()
		if _, err := srv.SendText(chat, from, q); err != nil {
			t.Fatal(err)
		}
		return next(chat, q).Text
	}
	// press presses a button of the preview (0 确认, 1 取消) and waits for
	// the message to say doneText.
	press := func(chat telegramtest.Chat, from telegramtest.User, preview telegramtest.SentMessage, button int, doneText string) (string, time.Duration) {
		t.Helper()
		if preview.ReplyMarkup == nil || len(preview.ReplyMarkup.InlineKeyboard) != 1 || len(preview.ReplyMarkup.InlineKeyboard[0]) != 2 {
			t.Fatalf("preview without 确认/取消: %+v", preview)
		}
		at := time.Now()
		if _, err := srv.PressButton(chat, from, preview.ID, preview.ReplyMarkup.InlineKeyboard[0][button].CallbackData); err != nil {
			t.Fatal(err)
		}
		var text string
		if !srv.WaitUntil(30*time.Second, func() bool {
			for _, m := range srv.BotMessages(chat.ID) {
				if m.ID == preview.ID {
					text = m.Text
				}
			}
			return strings.Contains(text, doneText)
		}) {
			t.Fatalf("not %q after the press: %q\nstderr:\n%s", doneText, text, stderr.String())
		}
		return text, time.Since(at)
	}
	uploaded := func() []string {
		es, _ := os.ReadDir(filepath.Join(data, "uploads"))
		var out []string
		for _, e := range es {
			out = append(out, e.Name())
		}
		return out
	}

	// 1. Word.
	dm, admin := chats["docx"], admins["docx"]
	at := time.Now()
	if _, err := srv.SendDocument(dm, admin, "赵敏事迹.docx", testdoc.Docx(zhaoDocx...)); err != nil {
		t.Fatal(err)
	}
	p := next(dm, "the .docx")
	t.Logf(".docx previewed in %v", time.Since(at))
	for _, want := range []string{"标题：社区书记赵敏：让邻里的事邻里商量", "书记：赵敏", "阳光社区", "邻里议事会", "段落：", "赵敏事迹.docx"} {
		if !strings.Contains(p.Text, want) {
			t.Errorf("docx preview lacks %q:\n%s", want, p.Text)
		}
	}
	if len(uploaded()) != 0 {
		t.Fatalf("stored before 确认: %v", uploaded())
	}
	done, took := press(dm, admin, p, 0, "已加入")
	t.Logf(".docx indexed %v after 确认: %s", took, done)
	if got := ask(dm, admin, "赵敏创立了什么工作法？"); !strings.Contains(got, "邻里议事会") {
		t.Errorf("answer from the added docx: %q", got)
	}

	// 2. PDF, captioned in Traditional: answered in Traditional. Another
	// chat asks while it is being indexed.
	dm, admin = chats["pdf"], admins["pdf"]
	at = time.Now()
	if _, err := srv.SendDocument(dm, admin, "周紅梅.pdf", testdoc.PDF(testdoc.PDFOptions{}, zhouPDF...), telegramtest.WithCaption("這篇報道請加入資料庫")); err != nil {
		t.Fatal(err)
	}
	p = next(dm, "the .pdf")
	t.Logf(".pdf previewed in %v", time.Since(at))
	// Labels in the asker's script, derived values as the article writes them.
	for _, want := range []string{"標題：社区书记周红梅", "書記：周红梅", "地點：江北区观音桥街道建新社区", "確認加入"} {
		if !strings.Contains(p.Text, want) {
			t.Errorf("pdf preview lacks %q:\n%s", want, p.Text)
		}
	}
	// The index update is held (the data dir's update lock, as a second
	// `bangyang index` would hold it) while another chat asks: the answer
	// comes from the running core meanwhile.
	held, err := retrieval.LockFile(context.Background(), filepath.Join(data, "update.lock"), time.Second, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := srv.PressButton(dm, admin, p.ID, p.ReplyMarkup.InlineKeyboard[0][0].CallbackData); err != nil {
		t.Fatal(err)
	}
	if !srv.WaitUntil(10*time.Second, func() bool { return strings.Contains(stderr.String(), "waiting for it to finish") }) {
		t.Fatalf("the reload did not wait for the lock:\n%s", stderr.String())
	}
	if got := ask(odm, other, "三张清单工作法是什么？"); !strings.Contains(got, "逐件登记") {
		t.Errorf("question during the update: %q", got)
	}
	if m := srv.BotMessages(dm.ID)[seen[dm.ID]-1]; !strings.Contains(m.Text, "正在加入") {
		t.Errorf("while the update waits, the preview says %q", m.Text)
	}
	at = time.Now()
	held.Unlock()
	if !srv.WaitUntil(30*time.Second, func() bool { return strings.Contains(srv.BotMessages(dm.ID)[seen[dm.ID]-1].Text, "已加入") }) {
		t.Fatalf("not added after the lock was released:\n%s", stderr.String())
	}
	t.Logf(".pdf indexed %v after the update lock was released: %s", time.Since(at), srv.BotMessages(dm.ID)[seen[dm.ID]-1].Text)
	if got := ask(dm, admin, "周紅梅在哪個社區工作？"); !strings.Contains(got, "建新社區") {
		t.Errorf("answer from the added PDF: %q", got)
	}

	// 3. A web page in GBK.
	dm, admin = chats["page"], admins["page"]
	if got := ask(dm, admin, "/add "+site.URL+"/news/2024/missing.html"); !strings.Contains(got, "404") {
		t.Errorf("/add of a missing page: %q", got)
	}
	at = time.Now()
	p = func() telegramtest.SentMessage {
		if _, err := srv.SendText(dm, admin, "/add "+site.URL+"/news/2024/sunli.shtml"); err != nil {
			t.Fatal(err)
		}
		return next(dm, "/add URL")
	}()
	t.Logf("page fetched and previewed in %v", time.Since(at))
	for _, want := range []string{"书记：孙立", "春波社区", "红色管家", site.URL} {
		if !strings.Contains(p.Text, want) {
			t.Errorf("page preview lacks %q:\n%s", want, p.Text)
		}
	}
	done, took = press(dm, admin, p, 0, "已加入")
	t.Logf("page indexed %v after 确认: %s", took, done)
	if got := ask(dm, admin, "红色管家工作法是什么？"); !strings.Contains(got, "楼道管家") {
		t.Errorf("answer from the added page: %q", got)
	}
	if got := ask(dm, admin, "/method 红色管家"); !strings.Contains(got, "楼道管家") {
		t.Errorf("/method of the added page: %q", got)
	}

	// The catalog and quizzes have them at once.
	dm, admin = chats["catalog"], admins["catalog"]
	if got := ask(dm, admin, "/leaders"); !strings.Contains(got, "赵敏") || !strings.Contains(got, "周红梅") || !strings.Contains(got, "孙立") {
		t.Errorf("/leaders: %q", got)
	}
	polls := len(srv.Polls())
	if _, err := srv.SendText(dm, admin, "/train 1 孙立"); err != nil {
		t.Fatal(err)
	}
	if !srv.WaitUntil(30*time.Second, func() bool { return len(srv.Polls()) > polls }) {
		t.Errorf("no quiz on the added article; messages %+v", srv.BotMessages(dm.ID)[seen[dm.ID]:])
	}
	if ps := srv.Polls(); len(ps) > polls {
		t.Logf("quiz on the added page: %s %v", ps[polls].Question, ps[polls].Options)
	}
	if _, err := srv.SendText(dm, admin, "/stop"); err != nil {
		t.Fatal(err)
	}

	// 取消, a scan, a non-admin's file: nothing stored.
	dm, admin = chats["nothing"], admins["nothing"]
	stored := uploaded()
	if len(stored) != 3 {
		t.Fatalf("stored %v, want 3 files", stored)
	}
	// The same Word file again, under another name: already there.
	if _, err := srv.SendDocument(dm, admin, "副本.docx", testdoc.Docx(zhaoDocx...)); err != nil {
		t.Fatal(err)
	}
	if got := next(dm, "the same .docx again").Text; !strings.Contains(got, "已经在资料库中（编号 up-") || strings.Contains(got, "确认") {
		t.Errorf("the same file again: %q", got)
	}
	if _, err := srv.SendDocument(dm, admin, "note.txt", []byte("刘芳是东湖社区党委书记。她创立了“一线工作法”，每天在小区里办公两小时。")); err != nil {
		t.Fatal(err)
	}
	p = next(dm, "the .txt")
	press(dm, admin, p, 1, "已取消")
	if _, err := srv.SendDocument(dm, admin, "扫描件.pdf", testdoc.PDF(testdoc.PDFOptions{ImageOnly: true}, zhouPDF...)); err != nil {
		t.Fatal(err)
	}
	if got := next(dm, "the scan").Text; !strings.Contains(got, "文字层") {
		t.Errorf("scan: %q", got)
	}
	downloads := len(srv.Downloads())
	if _, err := srv.SendDocument(odm, other, "我的文章.docx", testdoc.Docx(zhaoDocx...)); err != nil {
		t.Fatal(err)
	}
	if got := next(odm, "a non-admin's file").Text; !strings.Contains(got, "管理员") || !strings.Contains(got, "没有保存") {
		t.Errorf("non-admin's file: %q", got)
	}
	if got := ask(odm, other, "/add "+site.URL+"/news/2024/sunli.shtml"); !strings.Contains(got, "管理员") {
		t.Errorf("non-admin's /add: %q", got)
	}
	if n := len(srv.Downloads()); n != downloads || len(srv.Calls("getFile")) != 5 {
		t.Errorf("a non-admin's file was fetched: %d downloads (was %d), %d getFile", n, downloads, len(srv.Calls("getFile")))
	}
	if got := uploaded(); strings.Join(got, ",") != strings.Join(stored, ",") {
		t.Errorf("stored after 取消/scan/non-admin: %v, want %v", got, stored)
	}

	// Restart on the same data directory: still there.
	stop()
	stop = start()
	dm, admin = chats["docx"], admins["docx"]
	if got := ask(dm, admin, "红色管家工作法是什么？"); !strings.Contains(got, "楼道管家") {
		t.Errorf("after the restart: %q", got)
	}
	list := ask(dm, admin, "/articles")
	if !strings.Contains(list, "资料共 4 篇") || strings.Count(list, "/remove") != 3 {
		t.Errorf("/articles after the restart: %q", list)
	}
	var id string
	for _, l := range strings.Split(list, "\n") {
		if strings.Contains(l, "赵敏") {
			_, rest, _ := strings.Cut(l, "编号 ")
			id, _, _ = strings.Cut(rest, "（")
		}
	}
	if id == "" {
		t.Fatalf("no id for the docx in %q", list)
	}
	p = func() telegramtest.SentMessage {
		if _, err := srv.SendText(dm, admin, "/remove "+id); err != nil {
			t.Fatal(err)
		}
		return next(dm, "/remove")
	}()
	if !strings.Contains(p.Text, "赵敏") {
		t.Errorf("/remove confirmation: %q", p.Text)
	}
	press(dm, admin, p, 0, "已删除")
	if got := ask(dm, admin, "赵敏创立了什么工作法？"); strings.Contains(got, "议事会") || !strings.Contains(got, "资料中没有") {
		t.Errorf("answered from the removed article: %q", got)
	}
	if got := uploaded(); len(got) != 2 {
		t.Errorf("files after /remove: %v", got)
	}
	stop()
	if r := srv.Rejections(); len(r) != 0 {
		t.Errorf("the fake Bot API rejected calls: %+v", r)
	}
	if strings.Contains(stderr.String(), srv.Token()) {
		t.Error("the token was logged")
	}
}

// /add fetches pages bounded in time and size; the server's charset is
// honoured when the page declares none, the address kept for citations,
// and what is not an article refused with a sentence.
func TestLibraryFetch(t *testing.T) {
	gbkBody, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(`<html><head><title>孙立的红色管家</title></head><body><p>孙立是春波社区党委书记，她探索出“红色管家”工作法，由党员骨干担任楼道管家。</p></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	pdfBody := testdoc.PDF(testdoc.PDFOptions{}, zhouPDF...)
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/gbk":
			w.Header().Set("Content-Type", "text/html; charset=GBK")
			_, _ = w.Write(gbkBody)
		case "/moved":
			http.Redirect(w, r, "/gbk", http.StatusFound)
		case "/report.pdf":
			w.Header().Set("Content-Type", "application/pdf")
			_, _ = w.Write(pdfBody)
		case "/huge":
			w.Header().Set("Content-Type", "text/html")
			_, _ = w.Write(bytes.Repeat([]byte("<p>很长</p>"), maxPageBytes/8))
		case "/image":
			w.Header().Set("Content-Type", "image/png")
			_, _ = w.Write([]byte("\x89PNG"))
		case "/slow":
			w.Header().Set("Content-Type", "text/html")
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		default:
			http.NotFound(w, r)
		}
	}))
	defer site.Close()
	l := newLibrary(t.TempDir(), nil, nil, anyAddress) // the test's site is on loopback
	l.timeout = 5 * time.Second                        // room for /huge on a loaded machine; /slow gets its own below
	ctx := context.Background()

	name, data, err := l.Fetch(ctx, site.URL+"/moved")
	if err != nil {
		t.Fatal(err)
	}
	info, err := l.Preview(ctx, name, data)
	if err != nil {
		t.Fatal(err)
	}
	if name != "gbk.html" || info.Leader != "孙立" || info.Source != site.URL+"/gbk" || !strings.Contains(strings.Join(info.Methods, ","), "红色管家") {
		t.Errorf("GBK page by redirect: name %q info %+v", name, info)
	}
	if name, data, err = l.Fetch(ctx, site.URL+"/report.pdf"); err != nil || name != "report.pdf" {
		t.Fatalf("pdf: %q %v", name, err)
	}
	if info, err = l.Preview(ctx, name, data); err != nil || info.Leader != "周红梅" {
		t.Errorf("pdf by URL: %+v %v", info, err)
	}
	for path, want := range map[string]string{
		"/huge":    "网页太大",
		"/image":   "不是文章（image/png）",
		"/slow":    "没有下载完",
		"/missing": "服务器返回 404",
	} {
		l.timeout = 5 * time.Second
		if path == "/slow" {
			l.timeout = 300 * time.Millisecond
		}
		start := time.Now()
		_, _, err := l.Fetch(ctx, site.URL+path)
		var ae *bot.ArticleError
		if !errors.As(err, &ae) || !strings.Contains(ae.Msg, want) {
			t.Errorf("%s: %v, want a refusal saying %q", path, err, want)
		}
		if d := time.Since(start); path == "/slow" && d > 3*time.Second {
			t.Errorf("%s took %v", path, d)
		}
	}
}

// By default /add does not fetch from this machine: an admin's /add of a
// loopback page (by address or by name) gets a short Chinese sentence, no
// preview, and the page is neither requested nor stored.
func TestServeAddRefusesLoopback(t *testing.T) {
	srv := telegramtest.New(t, telegramtest.Options{})
	data := uploadServeEnv(t, srv)
	t.Setenv("BANGYANG_ADD_ALLOW_PRIVATE", "")
	t.Setenv("BANGYANG_ADMINS", "11")

	var hits atomic.Int32
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write([]byte(sunPage))
	}))
	defer site.Close()

	var stderr lockedBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"serve"}, strings.NewReader(""), &bytes.Buffer{}, &stderr) }()
	defer func() {
		cancel()
		if code := <-done; code != 0 {
			t.Fatalf("exit %d:\n%s", code, stderr.String())
		}
	}()

	admin := telegramtest.User{ID: 11, FirstName: "组织部"}
	dm := srv.PrivateChat(admin)
	port := site.URL[strings.LastIndex(site.URL, ":"):]
	for i, u := range []string{site.URL + "/news/1.html", "http://localhost" + port + "/news/2.html"} {
		if _, err := srv.SendText(dm, admin, "/add "+u); err != nil {
			t.Fatal(err)
		}
		var m telegramtest.SentMessage
		if !srv.WaitUntil(30*time.Second, func() bool {
			ms := srv.BotMessages(dm.ID)
			if len(ms) <= i {
				return false
			}
			m = ms[i]
			return true
		}) {
			t.Fatalf("no reply to /add %s; stderr:\n%s", u, stderr.String())
		}
		if !strings.Contains(m.Text, "这个地址指向内网或本机，不能添加") || m.ReplyMarkup != nil {
			t.Errorf("/add %s: %q (buttons %v), want the refusal and no 确认/取消", u, m.Text, m.ReplyMarkup)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the loopback page was requested %d times", n)
	}
	if es, _ := os.ReadDir(filepath.Join(data, "uploads")); len(es) != 0 {
		t.Errorf("stored: %v", es)
	}
}

// A redirect from a page /add may fetch to a private address is refused
// at the redirect's dial: the private server is never asked. The allowed
// site is 127.0.0.1, let through by the test's policy as a public site
// would be; the private one is 127.0.0.2, and cloud metadata.
func TestLibraryFetchRefusesRedirectToPrivate(t *testing.T) {
	var innerHits atomic.Int32
	inner := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		innerHits.Add(1)
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write([]byte(sunPage))
	}))
	ln, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Skipf("no second loopback address: %v", err)
	}
	inner.Listener.Close()
	inner.Listener = ln
	inner.Start()
	defer inner.Close()
	outer := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/to-inner":
			http.Redirect(w, r, inner.URL+"/admin", http.StatusFound)
		case "/to-metadata":
			http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusMovedPermanently)
		default:
			w.Header().Set("Content-Type", "text/html")
			_, _ = w.Write([]byte(sunPage))
		}
	}))
	defer outer.Close()
	outerAddr := netip.MustParseAddrPort(strings.TrimPrefix(outer.URL, "http://")).Addr()
	allow := func(a netip.Addr) bool { return a == outerAddr || netguard.Public(a) }
	l := newLibrary(t.TempDir(), nil, nil, allow)
	ctx := context.Background()
	if _, _, err := l.Fetch(ctx, outer.URL+"/news/1.html"); err != nil {
		t.Fatalf("the allowed site: %v", err)
	}
	for _, p := range []string{"/to-inner", "/to-metadata"} {
		_, _, err := l.Fetch(ctx, outer.URL+p)
		var ae *bot.ArticleError
		if !errors.As(err, &ae) || ae.Msg != "这个地址指向内网或本机，不能添加。" {
			t.Errorf("%s: %v, want the refusal", p, err)
		}
	}
	if n := innerHits.Load(); n != 0 {
		t.Errorf("the private server was requested %d times", n)
	}
	// Only http and https, whatever the caller checked before.
	var ae *bot.ArticleError
	if _, _, err := l.Fetch(ctx, "file:///etc/passwd"); !errors.As(err, &ae) || !strings.Contains(ae.Msg, "http://") {
		t.Errorf("file:// URL: %v, want the refusal naming http:// and https://", err)
	}
}

// uploadServeEnv sets the environment of an offline serve against srv
// over a corpus folder holding wangArticle, watched hourly (uploads
// reload on their own), and returns the data directory.
func uploadServeEnv(t *testing.T, srv *telegramtest.Server) string {
	t.Helper()
	for _, k := range []string{"LLM_MODEL", "EMBED_MODEL", "TELEGRAM_WEBHOOK_URL", "BANGYANG_METRICS_LISTEN"} {
		t.Setenv(k, "")
	}
	corpusDir, data := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(corpusDir, "wang.md"), []byte(wangArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TELEGRAM_BOT_TOKEN", srv.Token())
	t.Setenv("TELEGRAM_API_URL", srv.URL())
	t.Setenv("BANGYANG_DATA_DIR", data)
	t.Setenv("BANGYANG_CORPUS", corpusDir)
	t.Setenv("BANGYANG_NO_DEFAULT_CORPUS", "true")
	t.Setenv("BANGYANG_WATCH_INTERVAL", "1h")
	return data
}
