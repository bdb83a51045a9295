package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/netip"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unicode"

	"golang.org/x/net/html/charset"

	"bangyang/atomicfile"
	"bangyang/bot"
	"bangyang/catalog"
	"bangyang/corpus"
	"bangyang/netguard"
)

// Articles added from the chat (bot.Library): originals are kept in the
// data directory's uploads folder, which every command reads as one more
// corpus folder, so an added article survives restarts and is indexed
// like any other. Adding or removing writes or deletes one file there and
// then reloads the corpus at once (the live swap of live.go): the bot
// answers from the old version until the new one is ready.

const (
	uploadsDirName = "uploads"
	uploadPrefix   = "up-" // stored names: up-<8 hex of content>-<name>.<ext>
	fetchTimeout   = 30 * time.Second
	maxPageBytes   = 8 << 20
)

// uploadsDir is where articles added from the chat are kept.
func (a *app) uploadsDir() string { return filepath.Join(a.dataDir, uploadsDirName) }

// allCorpusDirs is the operator's folders plus the uploads folder when it
// exists: every command reads the same corpus, so the index (which mirrors
// the corpus of the last command) keeps the added articles.
func (a *app) allCorpusDirs() []string {
	dirs := a.corpusDirs
	if info, err := os.Stat(a.uploadsDir()); err == nil && info.IsDir() {
		dirs = append(append([]string(nil), dirs...), a.uploadsDir())
	}
	return dirs
}

// library implements bot.Library over the uploads folder and the live core.
type library struct {
	dir     string
	live    *liveService
	reload  func(ctx context.Context) error // rebuild now and swap; returns when served
	client  *http.Client                    // netguard's: public addresses only, unless allowed
	timeout time.Duration                   // of a page fetch (/add URL)
	mu      sync.Mutex                      // one add or remove at a time
}

var _ bot.Library = (*library)(nil)

// newLibrary serves the uploads folder dir. allow says which addresses
// /add may connect to (nil: public ones only, netguard.Public); it is
// asked of every connection, redirects included.
func newLibrary(dir string, live *liveService, reload func(context.Context) error, allow func(netip.Addr) bool) *library {
	return &library{dir: dir, live: live, reload: reload, client: netguard.Client(allow), timeout: fetchTimeout}
}

// anyAddress lets /add reach any address (BANGYANG_ADD_ALLOW_PRIVATE).
func anyAddress(netip.Addr) bool { return true }

func refusal(msg string, err error) error { return &bot.ArticleError{Msg: msg, Err: err} }

func (l *library) Accepts(name string, size int64) error {
	if !corpus.Supported(name) {
		if strings.EqualFold(path.Ext(name), ".doc") {
			return refusal("旧版 Word（.doc）文件无法读取，请在 Word 或 WPS 中另存为 .docx 后再发送。", nil)
		}
		return refusal("只能添加 .txt、.md、.html、.docx 或 .pdf 文件。", nil)
	}
	if size > corpus.MaxFileSize {
		return refusal(fmt.Sprintf("文件太大（%.1f MB），文章文件不能超过 %d MB。", float64(size)/(1<<20), corpus.MaxFileSize>>20), nil)
	}
	return nil
}

// storedName is the file an upload is kept as: its content hash (so the
// same file twice is found) and a readable part of its name.
func storedName(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := strings.ToLower(path.Ext(name))
	stem := strings.TrimSuffix(path.Base(strings.ReplaceAll(name, "\\", "/")), path.Ext(name))
	var b strings.Builder
	n := 0
	for _, r := range stem {
		if n >= 24 {
			break
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		} else if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
			b.WriteByte('-')
		}
		n++
	}
	s := strings.Trim(b.String(), "-")
	if s == "" {
		s = "article"
	}
	return uploadPrefix + hex.EncodeToString(sum[:4]) + "-" + s + ext
}

// articleInfo reads one file as the corpus will, with the catalog's
// reading of its methods.
func (l *library) articleInfo(ctx context.Context, name string, data []byte) (corpus.Article, bot.ArticleInfo, error) {
	if err := l.Accepts(name, int64(len(data))); err != nil {
		return corpus.Article{}, bot.ArticleInfo{}, err
	}
	file := storedName(name, data)
	art, err := corpus.Parse(filepath.Join(l.dir, file), file, data)
	if err != nil {
		return corpus.Article{}, bot.ArticleInfo{}, readRefusal(name, err)
	}
	chunks := corpus.ChunkArticle(art)
	cat, err := catalog.Build(ctx, chunks)
	if err != nil {
		return corpus.Article{}, bot.ArticleInfo{}, err
	}
	info := infoOf(art.Meta, len(chunks), cat.Methods())
	info.Source = name
	if art.URL != "" {
		info.Source = art.URL
	}
	return art, info, nil
}

// readRefusal turns a reading failure into a sentence for the admin.
func readRefusal(name string, err error) error {
	switch {
	case errors.Is(err, corpus.ErrPDFNoText):
		return refusal("这个 PDF 没有可读取的文字层（可能是扫描件或图片），无法提取文字。请发送可以复制文字的 PDF，或 Word 文件。", err)
	case errors.Is(err, corpus.ErrEmpty):
		return refusal("文件里没有找到文章正文。", err)
	case errors.Is(err, corpus.ErrUndecodable):
		return refusal("没能读出文件中的文字：编码无法识别，或文件不是文本。", err)
	case strings.EqualFold(path.Ext(name), ".pdf"):
		if strings.Contains(err.Error(), "password") {
			return refusal("这个 PDF 有密码保护，无法读取。请发送没有加密的文件。", err)
		}
		return refusal("这不是有效的 PDF 文件，或文件已损坏。", err)
	case strings.EqualFold(path.Ext(name), ".docx"):
		return refusal("这不是有效的 Word .docx 文件，或文件已损坏。", err)
	}
	return refusal("没能读取这个文件，文件可能已损坏。", err)
}

func infoOf(m corpus.Meta, passages int, methods []catalog.Method) bot.ArticleInfo {
	info := bot.ArticleInfo{ID: m.ID, Title: m.Title, Leader: m.Leader, Role: m.Role, Place: m.Place, Passages: passages}
	seen := map[string]bool{}
	for _, n := range m.Methods {
		if !seen[n] {
			seen[n] = true
			info.Methods = append(info.Methods, n)
		}
	}
	for _, mt := range methods {
		if !seen[mt.Name] {
			seen[mt.Name] = true
			info.Methods = append(info.Methods, mt.Name)
		}
	}
	return info
}

func (l *library) Preview(ctx context.Context, name string, data []byte) (bot.ArticleInfo, error) {
	_, info, err := l.articleInfo(ctx, name, data)
	if err != nil {
		return info, err
	}
	// The same content under any name is already there.
	hashPart, _, _ := strings.Cut(strings.TrimPrefix(storedName(name, data), uploadPrefix), "-")
	if same, _ := filepath.Glob(filepath.Join(l.dir, uploadPrefix+hashPart+"-*")); len(same) > 0 {
		info.Existing = corpus.IDFromPath(filepath.Base(same[0]))
	}
	info.ID = "" // given when added
	return info, nil
}

// Add stores the file and reloads; what it reports is what is now served
// (the article is read once more, by the corpus loader, not here).
func (l *library) Add(ctx context.Context, name string, data []byte) (bot.ArticleInfo, error) {
	if err := l.Accepts(name, int64(len(data))); err != nil {
		return bot.ArticleInfo{}, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := os.MkdirAll(l.dir, 0o755); err != nil {
		return bot.ArticleInfo{}, fmt.Errorf("uploads folder: %w", err)
	}
	final := filepath.Join(l.dir, storedName(name, data))
	if err := storeFile(final, data); err != nil {
		return bot.ArticleInfo{}, err
	}
	if err := l.reload(ctx); err != nil {
		// Not served: take the file back out, so that what is stored is
		// what is served.
		_ = os.Remove(final)
		return bot.ArticleInfo{}, fmt.Errorf("index the added article: %w", err)
	}
	for _, a := range l.live.in.Load().articles {
		if a.Origin == final {
			return l.servedInfo(a), nil
		}
	}
	// The loader skipped it (it read the file differently this time, or
	// another article has its id): do not keep what is not served.
	_ = os.Remove(final)
	if err := l.reload(ctx); err != nil {
		return bot.ArticleInfo{}, fmt.Errorf("reload after taking back %s: %w", final, err)
	}
	return bot.ArticleInfo{}, refusal("这篇文章没能加入资料库（与已有文章的编号冲突，或无法读取），没有保存。", nil)
}

// storeFile writes an article through a hidden temp file (never read as
// an article) renamed into place, so a reload never sees half a file.
func storeFile(path string, data []byte) error {
	err := atomicfile.WriteFile(path, data, 0o600, atomicfile.TempPattern(".upload-*"))
	if err != nil && !errors.Is(err, atomicfile.ErrNotDurable) {
		// (Not durable: the article is in place and will be served; only a
		// power loss right now could lose it, like any unsynced write.)
		return fmt.Errorf("store article: %w", err)
	}
	return nil
}

// served finds an article the running core serves that came from the
// uploads folder, by id or by its up-<hash> prefix.
func (l *library) served(id string) (corpus.Article, bool) {
	id = strings.TrimSpace(id)
	in := l.live.in.Load()
	var found []corpus.Article
	for _, a := range in.articles {
		if filepath.Dir(a.Origin) != l.dir {
			continue
		}
		if a.ID == id || (len(id) >= len(uploadPrefix)+8 && strings.HasPrefix(a.ID, id)) {
			found = append(found, a)
		}
	}
	if len(found) != 1 {
		return corpus.Article{}, false
	}
	return found[0], true
}

func (l *library) servedInfo(a corpus.Article) bot.ArticleInfo {
	in := l.live.in.Load()
	n := 0
	for _, c := range in.chunks {
		if c.ArticleID == a.ID {
			n++
		}
	}
	var ms []catalog.Method
	if in.catalog != nil {
		for _, m := range in.catalog.Methods() {
			if m.ArticleID == a.ID {
				ms = append(ms, m)
			}
		}
	}
	info := infoOf(a.Meta, n, ms)
	info.Source = filepath.Base(a.Origin)
	if a.URL != "" {
		info.Source = a.URL
	}
	return info
}

func (l *library) Uploaded(_ context.Context, id string) (bot.ArticleInfo, error) {
	a, ok := l.served(id)
	if !ok {
		return bot.ArticleInfo{}, refusal(fmt.Sprintf("没有找到编号为 %s 的添加文章（/articles 列出编号；只能删除从聊天中添加的文章）。", id), nil)
	}
	return l.servedInfo(a), nil
}

func (l *library) Remove(ctx context.Context, id string) (bot.ArticleInfo, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	a, ok := l.served(id)
	if !ok {
		return bot.ArticleInfo{}, refusal(fmt.Sprintf("没有找到编号为 %s 的添加文章，可能已经删除。", id), nil)
	}
	info := l.servedInfo(a)
	raw, err := os.ReadFile(a.Origin)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return info, fmt.Errorf("remove article: %w", err)
	}
	if err := os.Remove(a.Origin); err != nil && !errors.Is(err, os.ErrNotExist) {
		return info, fmt.Errorf("remove article: %w", err)
	}
	if err := l.reload(ctx); err != nil {
		if raw != nil {
			_ = storeFile(a.Origin, raw) // still served: keep it stored
		}
		return info, fmt.Errorf("reload after removing: %w", err)
	}
	return info, nil
}

// Fetch downloads a page for /add: bounded in time and size, HTML, text,
// Word or PDF by its content type. The page's address is kept with it
// (front matter), so answers can cite it.
func (l *library) Fetch(ctx context.Context, rawURL string) (string, []byte, error) {
	ctx, cancel := context.WithTimeout(ctx, l.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return "", nil, refusal("这个网址无法打开。", err)
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return "", nil, refusal("这不是一个网址：请发送以 http:// 或 https:// 开头的链接。", nil)
	}
	req.Header.Set("User-Agent", "bangyang/1 (article import)")
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain,application/pdf;q=0.9,*/*;q=0.5")
	resp, err := l.client.Do(req)
	if err != nil {
		switch {
		case errors.Is(err, netguard.ErrBlocked):
			return "", nil, refusal("这个地址指向内网或本机，不能添加。", err)
		case errors.Is(err, netguard.ErrScheme):
			return "", nil, refusal("这个网址跳转到了 http、https 以外的地址，不能添加。", err)
		}
		if ctx.Err() != nil {
			return "", nil, refusal(fmt.Sprintf("网页在 %v 内没有打开，请稍后再试，或把网页另存为文件发给我。", l.timeout), err)
		}
		return "", nil, refusal("网页打不开（网络或地址有问题）。", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", nil, refusal(fmt.Sprintf("网页打不开（服务器返回 %d）。", resp.StatusCode), nil)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxPageBytes+1))
	if err != nil {
		if ctx.Err() != nil {
			return "", nil, refusal(fmt.Sprintf("网页在 %v 内没有下载完，请稍后再试，或把网页另存为文件发给我。", l.timeout), err)
		}
		return "", nil, refusal("网页没有下载完整，请稍后再试。", err)
	}
	if len(data) > maxPageBytes {
		return "", nil, refusal(fmt.Sprintf("网页太大（超过 %d MB），不像是一篇文章。", maxPageBytes>>20), nil)
	}
	final := resp.Request.URL
	ct, params, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	name := path.Base(final.Path)
	switch {
	case ct == "application/pdf":
		name = ensureExt(name, ".pdf")
	case ct == "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
		name = ensureExt(name, ".docx")
	case ct == "text/plain":
		name = ensureExt(name, ".txt")
	case ct == "text/markdown":
		name = ensureExt(name, ".md")
	case ct == "text/html", ct == "application/xhtml+xml", ct == "":
		name = ensureExt(name, ".html")
		data = declaredToUTF8(data, params["charset"])
	default:
		return "", nil, refusal(fmt.Sprintf("这个网址的内容不是文章（%s）。", ct), nil)
	}
	if ext := path.Ext(name); ext == ".html" || ext == ".txt" || ext == ".md" {
		data = withSourceURL(data, final.String())
	}
	return name, data, nil
}

func ensureExt(name, ext string) string {
	if name == "" || name == "." || name == "/" {
		name = "page"
	}
	if strings.EqualFold(path.Ext(name), ext) {
		return name
	}
	if ext == ".html" && (strings.EqualFold(path.Ext(name), ".htm") || strings.EqualFold(path.Ext(name), ".xhtml")) {
		return name
	}
	return strings.TrimSuffix(name, path.Ext(name)) + ext
}

// declaredToUTF8 honours a charset the server declared when the page
// itself declares none (otherwise the corpus reader judges the bytes, as
// for any file): the page is stored as UTF-8 then.
func declaredToUTF8(data []byte, label string) []byte {
	if label == "" || strings.EqualFold(label, "utf-8") || strings.EqualFold(label, "utf8") {
		return data
	}
	head := data[:min(len(data), 2048)]
	if bytes.Contains(bytes.ToLower(head), []byte("charset")) {
		return data
	}
	enc, _ := charset.Lookup(label)
	if enc == nil {
		return data
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return data
	}
	return out
}

// withSourceURL puts the page's address in front matter ahead of the
// page (front matter is read before the HTML; a UTF-16 page is left as
// it is, since an ASCII header would break its encoding).
func withSourceURL(data []byte, u string) []byte {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte("---")) {
		return data
	}
	head := fmt.Sprintf("---\nurl: %q\n---\n", u)
	return append([]byte(head), data...)
}
