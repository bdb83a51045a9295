package telegramtest

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/http"
	"path"
	"strings"
	"time"
)

// Files, as the Bot API serves them: a user's document arrives in a message
// with a file_id; getFile turns the id into a file_path (refusing files over
// 20 MB, the limit for bots on the public server); the bytes are then
// downloaded with GET /file/bot<token>/<file_path>. A wrong token or an
// unknown path gets 404, as on Telegram.

// MaxDownloadSize is the largest file getFile hands out (20 MB).
const MaxDownloadSize = 20 << 20

type storedFile struct {
	doc  Document
	data []byte
	path string // set by the first getFile
}

// Download is one GET of a file's bytes.
type Download struct {
	Path   string
	Status int
	Bytes  int
	At     time.Time
}

// DocOption adjusts a document message.
type DocOption func(*docOpts)

type docOpts struct {
	caption string
	mime    string
	size    int64
	msg     []MsgOption
}

// WithCaption gives the document a caption (bot commands in it are
// detected as in a text message).
func WithCaption(c string) DocOption { return func(o *docOpts) { o.caption = c } }

// WithMime sets the document's mime_type (default from the file name).
func WithMime(m string) DocOption { return func(o *docOpts) { o.mime = m } }

// WithDeclaredSize makes the message claim file_size n, as for a file too
// large to hold in a test (the bytes served stay data).
func WithDeclaredSize(n int64) DocOption { return func(o *docOpts) { o.size = n } }

// WithMessage applies message options (ReplyTo, InThread …).
func WithMessage(opts ...MsgOption) DocOption {
	return func(o *docOpts) { o.msg = append(o.msg, opts...) }
}

// SendDocument simulates a user sending a file: the file is stored under a
// new file_id and a message with its document is delivered.
func (s *Server) SendDocument(chat Chat, from User, name string, data []byte, opts ...DocOption) (Message, error) {
	o := docOpts{size: int64(len(data))}
	for _, f := range opts {
		f(&o)
	}
	if o.mime == "" {
		o.mime = mimeOf(name)
	}
	var mo msgOpts
	for _, f := range o.msg {
		f(&mo)
	}
	s.AddChat(chat)
	sum := sha256.Sum256(data)
	s.mu.Lock()
	cs := s.chats[chat.ID]
	s.users[from.ID] = from
	id := fmt.Sprintf("BQACAgIAAxkBAAI%d%s", len(s.files)+1, base64.RawURLEncoding.EncodeToString(sum[:12]))
	f := &storedFile{doc: Document{FileID: id, FileUniqueID: base64.RawURLEncoding.EncodeToString(sum[:6]), FileName: name, MimeType: o.mime, FileSize: o.size}, data: data}
	s.files[id] = f
	m := s.newMessageLocked(cs, &from, mo.thread, time.Now())
	doc := f.doc
	m.msg.Document = &doc
	if o.caption != "" {
		m.msg.Caption = o.caption
		m.msg.CaptionEntities = DetectEntities(o.caption)
	}
	if mo.replyTo != 0 {
		if orig := cs.messages[mo.replyTo]; orig != nil {
			cp := orig.msg
			cp.ReplyToMessage = nil
			m.msg.ReplyToMessage = &cp
		}
	}
	msg := m.msg
	s.mu.Unlock()
	_, err := s.Push(Update{Message: &msg})
	return msg, err
}

func mimeOf(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".pdf":
		return "application/pdf"
	case ".docx":
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case ".txt":
		return "text/plain"
	case ".md":
		return "text/markdown"
	case ".html", ".htm":
		return "text/html"
	}
	return "application/octet-stream"
}

func (s *Server) getFile(p map[string]string) (any, *apiError) {
	id := p["file_id"]
	if id == "" {
		return nil, badRequest("file_id is empty")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.files[id]
	if f == nil {
		return nil, badRequest("invalid file_id")
	}
	if f.doc.FileSize > MaxDownloadSize || len(f.data) > MaxDownloadSize {
		return nil, badRequest("file is too big")
	}
	if f.path == "" {
		ext := strings.ToLower(path.Ext(f.doc.FileName))
		f.path = fmt.Sprintf("documents/file_%d%s", len(s.filePaths), ext)
		s.filePaths[f.path] = f
	}
	return File{FileID: f.doc.FileID, FileUniqueID: f.doc.FileUniqueID, FileSize: int64(len(f.data)), FilePath: f.path}, nil
}

// serveFile answers GET /file/bot<token>/<file_path>.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request) {
	rest := strings.TrimPrefix(r.URL.Path, "/file/bot")
	s.mu.Lock()
	var f *storedFile
	var p string
	if tok, fp, ok := strings.Cut(rest, "/"); ok && tok == s.opts.Token && !s.revoked && r.Method == http.MethodGet {
		p, f = fp, s.filePaths[fp]
	}
	status := http.StatusOK
	if f == nil {
		status = http.StatusNotFound
	}
	n := 0
	if f != nil {
		n = len(f.data)
	}
	s.downloads = append(s.downloads, Download{Path: p, Status: status, Bytes: n, At: time.Now()})
	s.mu.Unlock()
	if f == nil {
		w.Header().Set("Content-Type", "application/json")
		writeJSON(w, status, map[string]any{"ok": false, "error_code": 404, "description": "Not Found"})
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Length", fmt.Sprint(n))
	_, _ = w.Write(f.data)
}

// Downloads returns the file downloads made, oldest first.
func (s *Server) Downloads() []Download {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Download(nil), s.downloads...)
}
