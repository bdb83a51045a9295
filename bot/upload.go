package bot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"bangyang/zh"
)

// Adding articles from the chat (admins only, BANGYANG_ADMINS): a file sent
// in a private chat (.txt, .md, .html, .docx, .pdf) or /add URL is read and
// analysed as the corpus would read it, and the bot shows what it derived
// with 确认/取消 buttons. 确认 stores the original in the data directory and
// indexes it while the bot keeps answering; 取消 stores nothing. /remove ID
// takes an added article out again, after the same confirmation. Nothing
// is read, downloaded or stored for anyone else.

// Library is what these commands need; cmd/bangyang implements it over the
// data directory and the running corpus. Errors meant for the admin are
// *ArticleError; any other error is logged and answered with an apology.
type Library interface {
	// Accepts says whether a file of this name and size can be an article
	// (before it is downloaded).
	Accepts(name string, size int64) error
	// Fetch downloads the page at rawURL for /add.
	Fetch(ctx context.Context, rawURL string) (name string, data []byte, err error)
	// Preview reads the file as the corpus would; nothing is stored.
	Preview(ctx context.Context, name string, data []byte) (ArticleInfo, error)
	// Add stores the original and indexes it: on return it is served.
	Add(ctx context.Context, name string, data []byte) (ArticleInfo, error)
	// Uploaded finds an article added from the chat by its id.
	Uploaded(ctx context.Context, id string) (ArticleInfo, error)
	// Remove deletes an added article: on return it is no longer served.
	Remove(ctx context.Context, id string) (ArticleInfo, error)
}

// ArticleInfo is what was derived from an article, shown as written.
type ArticleInfo struct {
	ID       string
	Title    string
	Leader   string
	Role     string
	Place    string
	Methods  []string
	Passages int
	Source   string // the file's name or the page's URL
	// Existing is set by Preview when the same content is already in the
	// library (its id).
	Existing string
}

// ArticleError is a refusal explained to the admin: Msg is one short
// Simplified-Chinese sentence (converted for Traditional users).
type ArticleError struct {
	Msg string
	Err error
}

func (e *ArticleError) Error() string {
	if e.Err == nil {
		return e.Msg
	}
	return e.Msg + ": " + e.Err.Error()
}
func (e *ArticleError) Unwrap() error { return e.Err }

// WithLibrary switches on adding and removing articles from the chat.
func WithLibrary(l Library) Option { return func(b *Bot) { b.library = l } }

const (
	cbUpload = "up:" // up:ok:KEY, up:no:KEY (data well below 64 bytes)

	maxPendingPerUser = 3
	maxPendingBytes   = 64 << 20
	pendingTTL        = time.Hour
	downloadTimeout   = 2 * time.Minute
	maxShownMethods   = 12
)

// pendingArticle is a file or page waiting for 确认/取消, or an article
// waiting for its removal to be confirmed (remove set).
type pendingArticle struct {
	chat, user int64
	name       string
	data       []byte
	info       ArticleInfo
	remove     string
	script     zh.Script
	at         time.Time
}

// uploads holds what waits for a press, in memory: bounded per user and
// in bytes, forgotten after an hour (a press then says so). Nothing waiting
// is on disk, so 取消 (or a restart) leaves nothing behind.
type uploads struct {
	b     *Bot
	lib   Library
	mu    sync.Mutex
	items map[string]*pendingArticle
	order []string
}

func (b *Bot) registerLibrary() error {
	if b.library == nil {
		return nil
	}
	u := &uploads{b: b, lib: b.library, items: map[string]*pendingArticle{}}
	b.uploads = u
	for _, c := range []Command{
		{Name: "add", Zh: "添加网页文章（仅管理员）：/add 网址", En: "Add a web article (admins): /add URL", Usage: "/add 网址", Hidden: true, AdminOnly: true, Run: u.cmdAdd},
		{Name: "remove", Zh: "删除添加的文章（仅管理员）：/remove 编号", En: "Remove an added article (admins): /remove ID", Usage: "/remove 编号", Hidden: true, AdminOnly: true, Run: u.cmdRemove},
	} {
		if err := b.Register(c); err != nil {
			return err
		}
	}
	b.HandleCallback(cbUpload, u.onButton)
	return nil
}

// inScript writes a Simplified message in the user's script.
func inScript(script zh.Script, s string) string {
	if script == zh.Traditional {
		return zh.ToTraditional(s)
	}
	return s
}

// docScript is the script to answer a document in: its caption's, else
// the client's language.
func docScript(r *Request, m *models.Message) zh.Script {
	if sc := zh.DetectScript(m.Caption); sc.Known() {
		return sc
	}
	return r.Script
}

// onDocument handles a file sent to the bot in a private chat.
func (b *Bot) onDocument(ctx context.Context, r *Request, m *models.Message) {
	u := b.uploads
	r.Script = docScript(r, m)
	if u == nil {
		b.refuse(r, msgTextOnly(r.Script))
		return
	}
	if !b.isAdmin(r.UserID) {
		// Not downloaded, not stored: a polite word is all.
		b.log.Info("file refused: not an admin", "chat", r.ChatID, "user", r.UserID)
		b.refuse(r, inScript(r.Script, "谢谢！只有管理员可以向资料库添加文章，这个文件没有保存。有问题请直接用文字提问。"))
		return
	}
	if !b.admit(ctx, r) {
		return
	}
	d := m.Document
	if err := u.lib.Accepts(d.FileName, d.FileSize); err != nil {
		u.fail(ctx, r, err)
		return
	}
	b.send.action(ctx, r.ChatID, r.ThreadID)
	data, err := u.download(ctx, d)
	if err != nil {
		u.fail(ctx, r, err)
		return
	}
	u.preview(ctx, r, d.FileName, data)
}

// download fetches a document's bytes through the Bot API (getFile, then
// the file path under the same base URL).
func (u *uploads) download(ctx context.Context, d *models.Document) ([]byte, error) {
	b := u.b
	ctx, cancel := context.WithTimeout(ctx, downloadTimeout)
	defer cancel()
	var f *models.File
	err := b.send.retry(ctx, "getFile", func(ctx context.Context) error {
		var err error
		f, err = b.api.GetFile(ctx, &tgbot.GetFileParams{FileID: d.FileID})
		return err
	})
	if err != nil {
		if strings.Contains(err.Error(), "file is too big") {
			return nil, &ArticleError{Msg: "文件太大，Telegram 只允许机器人下载 20 MB 以内的文件。", Err: err}
		}
		return nil, fmt.Errorf("getFile: %w", redact(err, b.cfg.Token))
	}
	if f.FilePath == "" {
		return nil, errors.New("getFile: no file_path")
	}
	if err := u.lib.Accepts(d.FileName, f.FileSize); err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, b.api.FileDownloadLink(f), nil)
	if err != nil {
		return nil, fmt.Errorf("download request: %w", redact(err, b.cfg.Token))
	}
	client := b.httpClient
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		// The URL holds the token: never let it reach a log.
		return nil, fmt.Errorf("download file: %w", redact(err, b.cfg.Token))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("download file: HTTP %d", resp.StatusCode)
	}
	const limit = 20 << 20
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, fmt.Errorf("download file: %w", redact(err, b.cfg.Token))
	}
	if len(data) > limit {
		return nil, &ArticleError{Msg: "文件太大，Telegram 只允许机器人下载 20 MB 以内的文件。"}
	}
	if err := u.lib.Accepts(d.FileName, int64(len(data))); err != nil {
		return nil, err
	}
	return data, nil
}

// cmdAdd is /add URL.
func (u *uploads) cmdAdd(ctx context.Context, r *Request) error {
	raw := strings.TrimSpace(r.Args)
	if raw == "" {
		r.Reply(ctx, inScript(r.Script, "用法：/add 网址，例如 /add https://example.com/news/1.html 。也可以直接把 .txt、.md、.html、.docx 或 .pdf 文件发给我。"))
		return nil
	}
	if f := strings.Fields(raw); len(f) > 0 {
		raw = f[0]
	}
	if pu, err := url.Parse(raw); err != nil || (pu.Scheme != "http" && pu.Scheme != "https") || pu.Host == "" {
		r.Reply(ctx, inScript(r.Script, "这不是一个网址：请发送以 http:// 或 https:// 开头的链接。"))
		return nil
	}
	u.b.send.action(ctx, r.ChatID, r.ThreadID)
	name, data, err := u.lib.Fetch(ctx, raw)
	if err != nil {
		u.fail(ctx, r, err)
		return nil
	}
	u.preview(ctx, r, name, data)
	return nil
}

// preview analyses the file and asks for confirmation.
func (u *uploads) preview(ctx context.Context, r *Request, name string, data []byte) {
	info, err := u.lib.Preview(ctx, name, data)
	if err != nil {
		u.fail(ctx, r, err)
		return
	}
	if info.Existing != "" {
		r.Reply(ctx, fmt.Sprintf(inScript(r.Script, "这篇文章已经在资料库中（编号 %s），没有重复添加。"), info.Existing))
		return
	}
	key := u.put(&pendingArticle{chat: r.ChatID, user: r.UserID, name: name, data: data, info: info, script: r.Script, at: u.b.now()})
	text := "<b>" + escapeHTML(inScript(r.Script, "将加入资料库的文章")) + "</b>\n" + renderArticleInfo(r.Script, info) +
		"\n\n" + escapeHTML(inScript(r.Script, "确认加入吗？加入后立即用于回答、/methods 和练习。"))
	r.Bot.replyHTML(ctx, r, []string{text}, confirmKeyboard(r.Script, key, "确认加入"))
}

// cmdRemove is /remove ID.
func (u *uploads) cmdRemove(ctx context.Context, r *Request) error {
	id := strings.TrimSpace(r.Args)
	if id == "" {
		r.Reply(ctx, inScript(r.Script, "用法：/remove 编号。编号见 /articles（只能删除从聊天中添加的文章）。"))
		return nil
	}
	info, err := u.lib.Uploaded(ctx, id)
	if err != nil {
		u.fail(ctx, r, err)
		return nil
	}
	key := u.put(&pendingArticle{chat: r.ChatID, user: r.UserID, info: info, remove: info.ID, script: r.Script, at: u.b.now()})
	text := "<b>" + escapeHTML(inScript(r.Script, "将从资料库删除的文章")) + "</b>\n" + renderArticleInfo(r.Script, info) +
		"\n\n" + escapeHTML(inScript(r.Script, "确认删除吗？删除后不再用于回答。"))
	r.Bot.replyHTML(ctx, r, []string{text}, confirmKeyboard(r.Script, key, "确认删除"))
	return nil
}

func confirmKeyboard(script zh.Script, key, yes string) *models.InlineKeyboardMarkup {
	return &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{{
		{Text: inScript(script, yes), CallbackData: cbUpload + "ok:" + key},
		{Text: inScript(script, "取消"), CallbackData: cbUpload + "no:" + key},
	}}}
}

// renderArticleInfo lists what was derived, as HTML; values as written.
func renderArticleInfo(script zh.Script, a ArticleInfo) string {
	none := inScript(script, "（未识别）")
	val := func(s string) string {
		if strings.TrimSpace(s) == "" {
			return none
		}
		return escapeHTML(s)
	}
	var b strings.Builder
	line := func(label, v string) { b.WriteString(escapeHTML(inScript(script, label)) + "：" + v + "\n") }
	line("标题", val(a.Title))
	line("书记", val(a.Leader))
	line("职务", val(a.Role))
	line("地点", val(a.Place))
	methods := none
	if n := len(a.Methods); n > 0 {
		shown := a.Methods[:min(n, maxShownMethods)]
		methods = escapeHTML(strings.Join(shown, "、"))
		if n > len(shown) {
			methods += escapeHTML(fmt.Sprintf(inScript(script, " 等 %d 个"), n))
		}
	}
	line("工作方法", methods)
	line("段落", escapeHTML(fmt.Sprintf(inScript(script, "%d 段"), a.Passages)))
	if a.ID != "" {
		line("编号", "<code>"+escapeHTML(a.ID)+"</code>")
	}
	b.WriteString(escapeHTML(inScript(script, "来源")) + "：" + escapeHTML(a.Source))
	if a.Leader == "" {
		b.WriteString("\n" + escapeHTML(inScript(script, "提示：没有识别出书记姓名，可在文件开头写 leader: 姓名 等信息后重新发送。")))
	}
	return b.String()
}

// put files a pending item under a new key, dropping the user's oldest
// beyond maxPendingPerUser and everyone's oldest beyond maxPendingBytes.
func (u *uploads) put(p *pendingArticle) string {
	key := newButtonKey()
	u.mu.Lock()
	defer u.mu.Unlock()
	u.expireLocked(p.at)
	u.items[key] = p
	u.order = append(u.order, key)
	mine, bytes := 0, 0
	for i := len(u.order) - 1; i >= 0; i-- {
		k := u.order[i]
		it := u.items[k]
		bytes += len(it.data)
		if it.user == p.user {
			mine++
		}
		if k != key && (mine > maxPendingPerUser && it.user == p.user || bytes > maxPendingBytes) {
			delete(u.items, k)
			u.order = append(u.order[:i], u.order[i+1:]...)
		}
	}
	return key
}

func (u *uploads) expireLocked(now time.Time) {
	kept := u.order[:0]
	for _, k := range u.order {
		if now.Sub(u.items[k].at) > pendingTTL {
			delete(u.items, k)
			continue
		}
		kept = append(kept, k)
	}
	u.order = kept
}

// take removes and returns the pending item of key (one press wins).
func (u *uploads) take(key string) *pendingArticle {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.expireLocked(u.b.now())
	p := u.items[key]
	if p == nil {
		return nil
	}
	delete(u.items, key)
	for i, k := range u.order {
		if k == key {
			u.order = append(u.order[:i], u.order[i+1:]...)
			break
		}
	}
	return p
}

func (u *uploads) peek(key string) *pendingArticle {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.items[key]
}

// onButton handles 确认/取消.
func (u *uploads) onButton(ctx context.Context, r *Request, q *models.CallbackQuery, data string) error {
	action, key, _ := strings.Cut(strings.TrimPrefix(data, cbUpload), ":")
	p := u.peek(key)
	if p == nil {
		r.AnswerCallback(ctx, q, inScript(r.Script, "这个请求已处理或已过期，请重新发送文件或命令。"), true)
		return nil
	}
	r.Script = p.script
	if p.chat != r.ChatID || !u.b.isAdmin(r.UserID) {
		r.AnswerCallback(ctx, q, inScript(r.Script, "只有管理员可以确认。"), true)
		return nil
	}
	if p = u.take(key); p == nil { // pressed twice: the first press won
		r.AnswerCallback(ctx, q, inScript(r.Script, "这个请求已处理或已过期，请重新发送文件或命令。"), false)
		return nil
	}
	msgID := r.Msg.ID
	if action != "ok" {
		r.AnswerCallback(ctx, q, inScript(r.Script, "已取消"), false)
		u.edit(ctx, r, msgID, inScript(r.Script, "已取消，没有保存任何内容。"))
		return nil
	}
	if p.remove != "" {
		r.AnswerCallback(ctx, q, inScript(r.Script, "正在删除……"), false)
		u.edit(ctx, r, msgID, fmt.Sprintf(inScript(r.Script, "正在删除《%s》……"), titleOf(p.info)))
		info, err := u.lib.Remove(ctx, p.remove)
		if err != nil {
			u.editFailure(ctx, r, msgID, err)
			return nil
		}
		u.b.log.Info("article removed from the chat", "id", info.ID, "user", r.UserID)
		u.edit(ctx, r, msgID, fmt.Sprintf(inScript(r.Script, "已删除《%s》（编号 %s），不再用于回答。"), titleOf(info), info.ID))
		return nil
	}
	r.AnswerCallback(ctx, q, inScript(r.Script, "正在加入资料库……"), false)
	u.edit(ctx, r, msgID, fmt.Sprintf(inScript(r.Script, "正在加入《%s》，请稍候……"), titleOf(p.info)))
	info, err := u.lib.Add(ctx, p.name, p.data)
	if err != nil {
		u.editFailure(ctx, r, msgID, err)
		return nil
	}
	u.b.log.Info("article added from the chat", "id", info.ID, "passages", info.Passages, "user", r.UserID)
	u.edit(ctx, r, msgID, fmt.Sprintf(inScript(r.Script, "已加入《%s》：%d 段，编号 %s。现在就可以提问了；删除请发 /remove %s 。"),
		titleOf(info), info.Passages, info.ID, info.ID))
	return nil
}

func titleOf(a ArticleInfo) string {
	if a.Title != "" {
		return a.Title
	}
	if a.Source != "" {
		return a.Source
	}
	return a.ID
}

// edit replaces the confirmation message (and its buttons) with text.
func (u *uploads) edit(ctx context.Context, r *Request, msgID int, text string) {
	html := plainMessages(text)[0]
	err := u.b.send.edit(ctx, &tgbot.EditMessageTextParams{ChatID: r.ChatID, MessageID: msgID, Text: html, ParseMode: models.ParseModeHTML,
		LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: tgbot.True()}})
	if err != nil {
		u.b.log.Warn("edit confirmation message", "chat", r.ChatID, "err", err)
		r.Reply(ctx, text)
	}
}

func (u *uploads) editFailure(ctx context.Context, r *Request, msgID int, err error) {
	u.edit(ctx, r, msgID, u.failText(r, err))
}

// fail answers a refusal or failure with one short sentence.
func (u *uploads) fail(ctx context.Context, r *Request, err error) {
	r.Reply(ctx, u.failText(r, err))
}

func (u *uploads) failText(r *Request, err error) string {
	var ae *ArticleError
	if errors.As(err, &ae) {
		u.b.log.Info("article refused", "chat", r.ChatID, "why", ae.Msg, "err", ae.Err)
		return inScript(r.Script, ae.Msg)
	}
	u.b.log.Error("adding or removing an article failed", "chat", r.ChatID, "err", redact(err, u.b.cfg.Token))
	return inScript(r.Script, "抱歉，处理这篇文章时出了问题，没有保存。请稍后再试。")
}
