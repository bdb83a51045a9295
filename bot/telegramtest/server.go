package telegramtest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Options configure a Server. Zero values get sensible defaults.
type Options struct {
	Token       string // default "123456789:TEST-fake-token"
	BotUsername string // default "bangyang_test_bot"
	BotName     string // default "榜样测试"
	// MaxPollOptions is the largest number of poll options accepted
	// (default 10, the long-standing limit; newer Bot API versions allow 12).
	MaxPollOptions int
}

// FloodRules make the server answer 429 the way Telegram's flood control
// does, so that client throttling is really exercised. Zero fields are off.
type FloodRules struct {
	// MinEditInterval is the shortest allowed gap between two edits of the
	// same message.
	MinEditInterval time.Duration
	// GroupMessagesPerMinute bounds new messages per group chat over any
	// rolling minute (Telegram: about 20).
	GroupMessagesPerMinute int
	// RetryAfter is the retry_after value reported, in seconds (default 1).
	RetryAfter int
}

// Call is one request the server received, with its outcome.
type Call struct {
	Method      string
	Params      map[string]string
	At          time.Time
	OK          bool
	ErrorCode   int
	Description string
	Injected    bool // a 429 injected by FailNext, or a 5xx by FailNextStatus or FailShare
}

// Edit is one earlier version of a message, recorded when it was edited.
type Edit struct {
	At          time.Time
	Text        string
	Source      string
	ReplyMarkup *InlineKeyboardMarkup
}

// SentMessage is a message the bot sent, in its current state.
type SentMessage struct {
	ID          int
	ChatID      int64
	ThreadID    int
	Text        string // visible text after entity parsing
	Source      string // text exactly as sent (e.g. HTML)
	ParseMode   string
	Entities    []MessageEntity
	ReplyMarkup *InlineKeyboardMarkup
	ReplyTo     *ReplyParameters
	Poll        *Poll
	Edits       []Edit // earlier versions, oldest first
	SentAt      time.Time
}

// Draft is one sendMessageDraft call.
type Draft struct {
	ChatID   int64
	ThreadID int
	DraftID  int64
	Text     string
	Source   string
	At       time.Time
}

// Action is one sendChatAction call.
type Action struct {
	ChatID   int64
	ThreadID int
	Action   string
	At       time.Time
}

// CallbackAnswer is one answerCallbackQuery call.
type CallbackAnswer struct {
	QueryID   string
	Text      string
	ShowAlert bool
}

// WebhookDelivery is one update POSTed to the bot's webhook.
type WebhookDelivery struct {
	UpdateID int64
	Status   int
	Err      error
}

type storedMessage struct {
	msg       Message
	fromBot   bool
	source    string
	parseMode string
	replyTo   *ReplyParameters
	edits     []Edit
	lastEdit  time.Time
	sentAt    time.Time
}

type chatState struct {
	chat      Chat
	nextID    int
	messages  map[int]*storedMessage
	order     []int
	sendTimes []time.Time
}

type queuedUpdate struct {
	id   int64
	body json.RawMessage
}

type injection struct {
	left       int
	retryAfter int
}

// Server is the fake Bot API. Create it with New; it is closed with the test.
type Server struct {
	opts Options
	bot  User
	http *httptest.Server

	mu          sync.Mutex
	revoked     bool // RevokeToken: every call answers 401
	chats       map[int64]*chatState
	users       map[int64]User
	calls       []Call
	queue       []queuedUpdate
	nextUpdate  int64
	wake        chan struct{} // closed and replaced when an update arrives
	pollGen     int
	pollCancel  map[int]chan struct{}
	inject      map[string]*injection
	faults      map[string]*serverFault // faults.go
	flood       FloodRules
	webhookURL  string
	webhookSec  string
	deliveries  []WebhookDelivery
	commands    map[string][]BotCommand
	drafts      []Draft
	actions     []Action
	cbAnswers   []CallbackAnswer
	openQueries map[string]bool
	polls       map[string]*Poll
	pollChat    map[string]int64
	members     map[int64]map[int64]string // chat → user → status (members.go)
	kicked      map[int64]bool             // chats that removed or blocked the bot
	migrated    map[int64]int64            // basic group → the supergroup it became
	files       map[string]*storedFile     // file_id → file (files.go)
	filePaths   map[string]*storedFile     // file_path given by getFile → file
	downloads   []Download
	nextQuery   int
	nextPoll    int
	closed      chan struct{}
	closeOnce   sync.Once
}

// TB is the part of testing.TB the server needs.
type TB interface {
	Helper()
	Cleanup(func())
	Fatalf(format string, args ...any)
}

// New starts a fake server and closes it when the test ends.
func New(t TB, opts Options) *Server {
	t.Helper()
	if opts.Token == "" {
		opts.Token = "123456789:TEST-fake-token"
	}
	if opts.BotUsername == "" {
		opts.BotUsername = "bangyang_test_bot"
	}
	if opts.BotName == "" {
		opts.BotName = "榜样测试"
	}
	if opts.MaxPollOptions == 0 {
		opts.MaxPollOptions = 10
	}
	id, err := strconv.ParseInt(strings.SplitN(opts.Token, ":", 2)[0], 10, 64)
	if err != nil {
		t.Fatalf("telegramtest: token must start with the numeric bot id: %v", err)
	}
	s := &Server{
		opts:        opts,
		bot:         User{ID: id, IsBot: true, FirstName: opts.BotName, Username: opts.BotUsername},
		chats:       map[int64]*chatState{},
		users:       map[int64]User{},
		wake:        make(chan struct{}),
		pollCancel:  map[int]chan struct{}{},
		inject:      map[string]*injection{},
		commands:    map[string][]BotCommand{},
		openQueries: map[string]bool{},
		polls:       map[string]*Poll{},
		pollChat:    map[string]int64{},
		files:       map[string]*storedFile{},
		filePaths:   map[string]*storedFile{},
		closed:      make(chan struct{}),
	}
	s.http = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// URL is the base URL to pass to bot.WithServerURL.
func (s *Server) URL() string { return s.http.URL }

// RevokeToken makes the server answer every call with 401 Unauthorized,
// as Telegram does once the token is revoked in BotFather.
func (s *Server) RevokeToken() {
	s.mu.Lock()
	s.revoked = true
	s.mu.Unlock()
}

// Token is the bot token the server accepts.
func (s *Server) Token() string { return s.opts.Token }

// Bot is the bot's own user.
func (s *Server) Bot() User { return s.bot }

// Close stops the server, waking long polls first (httptest.Server.Close
// waits for outstanding requests).
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		close(s.closed)
		s.http.Close()
	})
}

// FailNext makes the next k calls of method fail with 429 and the given
// retry_after (seconds).
func (s *Server) FailNext(method string, k, retryAfter int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.inject[strings.ToLower(method)] = &injection{left: k, retryAfter: retryAfter}
}

// SetFlood installs flood rules.
func (s *Server) SetFlood(r FloodRules) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r.RetryAfter == 0 {
		r.RetryAfter = 1
	}
	s.flood = r
}

type apiError struct {
	code       int
	desc       string
	retryAfter int
	migrateTo  int64
	injected   bool
}

func badRequest(format string, args ...any) *apiError {
	return &apiError{code: 400, desc: "Bad Request: " + fmt.Sprintf(format, args...)}
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/file/") {
		s.serveFile(w, r)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	prefix := "/bot" + s.opts.Token + "/"
	s.mu.Lock()
	revoked := s.revoked
	s.mu.Unlock()
	if revoked || !strings.HasPrefix(r.URL.Path, prefix) {
		writeJSON(w, 401, map[string]any{"ok": false, "error_code": 401, "description": "Unauthorized"})
		return
	}
	method := strings.ToLower(strings.TrimPrefix(r.URL.Path, prefix))
	params, perr := decodeParams(r)
	if perr != nil && errors.Is(perr, io.ErrUnexpectedEOF) {
		// The client gave up mid-request (its context ended): Telegram
		// never sees such a call, so it is neither served nor recorded.
		return
	}
	call := Call{Method: method, Params: params, At: time.Now()}
	var result any
	var aerr *apiError
	if perr != nil {
		aerr = badRequest("%v", perr)
	} else if aerr = s.takeInjection(method); aerr == nil {
		if aerr = s.takeServerFault(method); aerr == nil {
			aerr = s.checkKicked(method, params)
		}
	}
	if aerr == nil {
		result, aerr = s.dispatch(r.Context(), method, params)
	}
	if aerr != nil {
		call.ErrorCode, call.Description, call.Injected = aerr.code, aerr.desc, aerr.injected
		s.record(call)
		body := map[string]any{"ok": false, "error_code": aerr.code, "description": aerr.desc}
		if aerr.retryAfter > 0 {
			body["parameters"] = map[string]any{"retry_after": aerr.retryAfter}
		}
		if aerr.migrateTo != 0 {
			body["parameters"] = map[string]any{"migrate_to_chat_id": aerr.migrateTo}
		}
		writeJSON(w, aerr.code, body)
		return
	}
	call.OK = true
	s.record(call)
	writeJSON(w, 200, map[string]any{"ok": true, "result": result})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func (s *Server) record(c Call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls = append(s.calls, c)
}

func (s *Server) takeInjection(method string) *apiError {
	s.mu.Lock()
	defer s.mu.Unlock()
	in := s.inject[method]
	if in == nil || in.left <= 0 {
		return nil
	}
	in.left--
	return &apiError{code: 429, desc: fmt.Sprintf("Too Many Requests: retry after %d", in.retryAfter), retryAfter: in.retryAfter, injected: true}
}

// decodeParams reads parameters the way the Bot API accepts them: query
// string, urlencoded, JSON or multipart/form-data bodies. Values that are
// objects or arrays stay JSON text, as in multipart fields.
func decodeParams(r *http.Request) (map[string]string, error) {
	p := map[string]string{}
	for k, v := range r.URL.Query() {
		p[k] = v[0]
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case "multipart/form-data":
		if err := r.ParseMultipartForm(10 << 20); err != nil {
			// getMe from go-telegram/bot sends an empty body with a
			// multipart content type; Telegram accepts it.
			if !isEmptyMultipart(err) {
				return nil, fmt.Errorf("can't parse multipart body: %w", err)
			}
			return p, nil
		}
		for k, v := range r.MultipartForm.Value {
			p[k] = v[0]
		}
	case "application/x-www-form-urlencoded":
		if err := r.ParseForm(); err != nil {
			return nil, fmt.Errorf("can't parse form: %w", err)
		}
		for k, v := range r.PostForm {
			p[k] = v[0]
		}
	case "application/json":
		body, err := io.ReadAll(io.LimitReader(r.Body, 10<<20))
		if err != nil {
			return nil, err
		}
		if len(bytes.TrimSpace(body)) == 0 {
			return p, nil
		}
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(body, &obj); err != nil {
			return nil, fmt.Errorf("can't parse JSON body: %w", err)
		}
		for k, v := range obj {
			var str string
			if json.Unmarshal(v, &str) == nil {
				p[k] = str
			} else {
				p[k] = string(v)
			}
		}
	}
	return p, nil
}

func isEmptyMultipart(err error) bool {
	if errors.Is(err, io.ErrUnexpectedEOF) || (err != nil && strings.Contains(err.Error(), "unexpected EOF")) {
		return false // a body cut off, not an empty one
	}
	return err != nil && (strings.Contains(err.Error(), "EOF") || strings.Contains(err.Error(), "NextPart"))
}

func (s *Server) dispatch(ctx context.Context, method string, p map[string]string) (any, *apiError) {
	switch method {
	case "getme":
		return s.bot, nil
	case "getupdates":
		return s.getUpdates(ctx, p)
	case "setwebhook":
		return s.setWebhook(p)
	case "deletewebhook":
		s.mu.Lock()
		s.webhookURL, s.webhookSec = "", ""
		if p["drop_pending_updates"] == "true" {
			s.queue = nil
		}
		s.mu.Unlock()
		return true, nil
	case "getwebhookinfo":
		s.mu.Lock()
		defer s.mu.Unlock()
		return map[string]any{"url": s.webhookURL, "has_custom_certificate": false, "pending_update_count": len(s.queue)}, nil
	case "sendmessage":
		return s.sendMessage(p)
	case "editmessagetext":
		return s.editMessageText(p)
	case "editmessagereplymarkup":
		return s.editMessageReplyMarkup(p)
	case "deletemessage":
		return s.deleteMessage(p)
	case "sendmessagedraft":
		return s.sendMessageDraft(p)
	case "sendchataction":
		return s.sendChatAction(p)
	case "answercallbackquery":
		return s.answerCallbackQuery(p)
	case "setmycommands":
		return s.setMyCommands(p)
	case "getmycommands":
		key := commandsKey(p)
		s.mu.Lock()
		defer s.mu.Unlock()
		return append([]BotCommand{}, s.commands[key]...), nil
	case "deletemycommands":
		key := commandsKey(p)
		s.mu.Lock()
		delete(s.commands, key)
		s.mu.Unlock()
		return true, nil
	case "sendpoll":
		return s.sendPoll(p)
	case "stoppoll":
		return s.stopPoll(p)
	case "getchatmember":
		return s.getChatMember(p)
	case "getchatadministrators":
		return s.getChatAdministrators(p)
	case "getfile":
		return s.getFile(p)
	}
	return nil, &apiError{code: 404, desc: "Not Found"}
}

func (s *Server) setWebhook(p map[string]string) (any, *apiError) {
	u := p["url"]
	if u == "" {
		s.mu.Lock()
		s.webhookURL, s.webhookSec = "", ""
		s.mu.Unlock()
		return true, nil
	}
	pu, err := url.Parse(u)
	if err != nil || (pu.Scheme != "https" && pu.Scheme != "http") || pu.Host == "" {
		return nil, badRequest("bad webhook: Failed to resolve host: Name or service not known")
	}
	sec := p["secret_token"]
	if len(sec) > 256 || !validSecret(sec) {
		return nil, badRequest("bad webhook: Secret token contains unallowed characters")
	}
	s.mu.Lock()
	s.webhookURL, s.webhookSec = u, sec
	s.mu.Unlock()
	return true, nil
}

func validSecret(sec string) bool {
	for _, c := range []byte(sec) {
		if !isAlnum(c) && c != '_' && c != '-' {
			return false
		}
	}
	return true
}

// chatParam resolves chat_id (numeric or @username) to a known chat.
func (s *Server) chatParam(p map[string]string) (*chatState, *apiError) {
	raw, ok := p["chat_id"]
	if !ok || raw == "" {
		return nil, badRequest("chat_id is empty")
	}
	if strings.HasPrefix(raw, "@") {
		for _, c := range s.chats {
			if strings.EqualFold("@"+c.chat.Username, raw) {
				return c, nil
			}
		}
		return nil, badRequest("chat not found")
	}
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		return nil, badRequest("chat not found")
	}
	c := s.chats[id]
	if c == nil {
		return nil, badRequest("chat not found")
	}
	return c, nil
}

func intParam(p map[string]string, k string) (int, bool) {
	v, ok := p[k]
	if !ok || v == "" {
		return 0, false
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, false
	}
	return n, true
}

// parseText applies parse_mode and Telegram's length rules. Markdown modes
// are accepted as plain text (this fake only checks HTML strictly).
func parseText(text, mode string, maxLen int, what string) (string, []MessageEntity, *apiError) {
	if !utf8Valid(text) {
		return "", nil, badRequest("text must be encoded in UTF-8")
	}
	visible, ents := text, []MessageEntity(nil)
	switch mode {
	case "":
	case "HTML", "html":
		v, e, err := ParseHTML(text)
		if err != nil {
			return "", nil, badRequest("can't parse entities: %s", err.(*ParseError).Description)
		}
		visible, ents = v, e
	case "MarkdownV2", "Markdown", "markdownv2", "markdown":
	default:
		return "", nil, badRequest("unsupported parse_mode")
	}
	if strings.TrimSpace(visible) == "" {
		return "", nil, badRequest("%s text is empty", what)
	}
	if utf16Len(strings.TrimSpace(visible)) > maxLen {
		return "", nil, badRequest("%s is too long", what)
	}
	return visible, ents, nil
}

// parseMarkup validates reply_markup as Telegram does for inline keyboards.
func parseMarkup(raw string) (*InlineKeyboardMarkup, *apiError) {
	if raw == "" {
		return nil, nil
	}
	var generic map[string]json.RawMessage
	if err := json.Unmarshal([]byte(raw), &generic); err != nil {
		return nil, badRequest("can't parse reply keyboard markup JSON object")
	}
	kbRaw, ok := generic["inline_keyboard"]
	if !ok {
		// Reply keyboards and the like are accepted but not modelled.
		return nil, nil
	}
	var rows [][]map[string]json.RawMessage
	if err := json.Unmarshal(kbRaw, &rows); err != nil {
		return nil, badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object")
	}
	var mk InlineKeyboardMarkup
	for _, row := range rows {
		var out []InlineKeyboardButton
		for _, btn := range row {
			var b InlineKeyboardButton
			if t, ok := btn["text"]; !ok || json.Unmarshal(t, &b.Text) != nil || b.Text == "" {
				return nil, badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard")
			}
			actions := 0
			for k, v := range btn {
				switch k {
				case "text", "icon_custom_emoji_id", "style":
					continue
				case "copy_text":
					// go-telegram/bot always sends copy_text (a struct with
					// omitempty); an empty one is not an action.
					var ct struct {
						Text string `json:"text"`
					}
					if json.Unmarshal(v, &ct) == nil && ct.Text == "" {
						continue
					}
				case "callback_data":
					if json.Unmarshal(v, &b.CallbackData) != nil || b.CallbackData == "" || len(b.CallbackData) > 64 {
						return nil, badRequest("BUTTON_DATA_INVALID")
					}
				case "url":
					if json.Unmarshal(v, &b.URL) != nil || !validButtonURL(b.URL) {
						return nil, badRequest("BUTTON_URL_INVALID")
					}
				case "pay":
					if string(v) == "false" {
						continue
					}
				}
				actions++
			}
			if actions != 1 {
				return nil, badRequest("can't parse inline keyboard button: InlineKeyboardButton must have exactly one of the optional fields")
			}
			out = append(out, b)
		}
		mk.InlineKeyboard = append(mk.InlineKeyboard, out)
	}
	return &mk, nil
}

func validButtonURL(u string) bool {
	pu, err := url.Parse(u)
	return err == nil && (pu.Scheme == "http" || pu.Scheme == "https" || pu.Scheme == "tg") && (pu.Host != "" || pu.Scheme == "tg")
}

func utf8Valid(s string) bool {
	return strings.ToValidUTF8(s, "\uFFFD") == s
}

// messageContent checks the text, parse mode and keyboard that sendMessage
// and editMessageText share, as Telegram does before touching any chat.
func messageContent(p map[string]string) (text, visible string, ents []MessageEntity, markup *InlineKeyboardMarkup, aerr *apiError) {
	text, ok := p["text"]
	if !ok {
		return "", "", nil, nil, badRequest("message text is empty")
	}
	if visible, ents, aerr = parseText(text, p["parse_mode"], 4096, "message"); aerr != nil {
		return "", "", nil, nil, aerr
	}
	if markup, aerr = parseMarkup(p["reply_markup"]); aerr != nil {
		return "", "", nil, nil, aerr
	}
	return text, visible, ents, markup, nil
}

func (s *Server) sendMessage(p map[string]string) (any, *apiError) {
	text, visible, ents, markup, aerr := messageContent(p)
	if aerr != nil {
		return nil, aerr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	cs, aerr := s.chatParam(p)
	if aerr != nil {
		return nil, aerr
	}
	thread, _ := intParam(p, "message_thread_id")
	if thread != 0 && cs.chat.Type != Supergroup && cs.chat.Type != Private {
		return nil, badRequest("message thread not found")
	}
	var rp *ReplyParameters
	var replyTo *Message
	if raw := p["reply_parameters"]; raw != "" {
		rp = &ReplyParameters{}
		if err := json.Unmarshal([]byte(raw), rp); err != nil {
			return nil, badRequest("can't parse reply parameters JSON object")
		}
		if m := cs.messages[rp.MessageID]; m != nil {
			cp := m.msg
			cp.ReplyToMessage = nil
			replyTo = &cp
		} else if !rp.AllowSendingWithoutReply {
			return nil, badRequest("message to be replied not found")
		}
	}
	if aerr := s.checkSendFlood(cs); aerr != nil {
		return nil, aerr
	}
	now := time.Now()
	m := s.newMessageLocked(cs, &s.bot, thread, now)
	m.msg.Text, m.msg.Entities, m.msg.ReplyMarkup, m.msg.ReplyToMessage = visible, ents, markup, replyTo
	m.source, m.parseMode, m.replyTo, m.fromBot = text, p["parse_mode"], rp, true
	return m.msg, nil
}

func (s *Server) checkSendFlood(cs *chatState) *apiError {
	now := time.Now()
	if s.flood.GroupMessagesPerMinute > 0 && cs.chat.Type != Private {
		kept := cs.sendTimes[:0]
		for _, t := range cs.sendTimes {
			if now.Sub(t) < time.Minute {
				kept = append(kept, t)
			}
		}
		cs.sendTimes = kept
		if len(kept) >= s.flood.GroupMessagesPerMinute {
			return &apiError{code: 429, desc: fmt.Sprintf("Too Many Requests: retry after %d", s.flood.RetryAfter), retryAfter: s.flood.RetryAfter}
		}
	}
	cs.sendTimes = append(cs.sendTimes, now)
	return nil
}

func (s *Server) newMessageLocked(cs *chatState, from *User, thread int, now time.Time) *storedMessage {
	cs.nextID++
	m := &storedMessage{sentAt: now}
	m.msg = Message{MessageID: cs.nextID, Chat: cs.chat, Date: now.Unix(), MessageThreadID: thread}
	if from != nil {
		u := *from
		m.msg.From = &u
	}
	if thread != 0 && cs.chat.IsForum {
		m.msg.IsTopicMessage = true
	}
	cs.messages[m.msg.MessageID] = m
	cs.order = append(cs.order, m.msg.MessageID)
	return m
}

// editTarget finds the bot message an edit refers to.
func (s *Server) editTarget(p map[string]string) (*chatState, *storedMessage, *apiError) {
	if p["inline_message_id"] != "" {
		return nil, nil, badRequest("message to edit not found")
	}
	cs, aerr := s.chatParam(p)
	if aerr != nil {
		return nil, nil, aerr
	}
	id, _ := intParam(p, "message_id")
	m := cs.messages[id]
	if m == nil {
		return nil, nil, badRequest("message to edit not found")
	}
	if !m.fromBot {
		return nil, nil, badRequest("message can't be edited")
	}
	return cs, m, nil
}

const notModified = "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"

func (s *Server) editMessageText(p map[string]string) (any, *apiError) {
	text, visible, ents, markup, aerr := messageContent(p)
	if aerr != nil {
		return nil, aerr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, m, aerr := s.editTarget(p)
	if aerr != nil {
		return nil, aerr
	}
	if m.msg.Poll != nil {
		return nil, badRequest("there is no text in the message to edit")
	}
	// Telegram compares the parsed result, and an edit without
	// reply_markup removes the inline keyboard.
	if m.msg.Text == visible && jsonEqual(m.msg.Entities, ents) && jsonEqual(m.msg.ReplyMarkup, markup) {
		return nil, badRequest(notModified)
	}
	now := time.Now()
	if s.flood.MinEditInterval > 0 && !m.lastEdit.IsZero() && now.Sub(m.lastEdit) < s.flood.MinEditInterval {
		return nil, &apiError{code: 429, desc: fmt.Sprintf("Too Many Requests: retry after %d", s.flood.RetryAfter), retryAfter: s.flood.RetryAfter}
	}
	m.edits = append(m.edits, Edit{At: now, Text: m.msg.Text, Source: m.source, ReplyMarkup: m.msg.ReplyMarkup})
	m.lastEdit = now
	m.msg.Text, m.msg.Entities, m.msg.ReplyMarkup, m.msg.EditDate = visible, ents, markup, now.Unix()
	m.source, m.parseMode = text, p["parse_mode"]
	return m.msg, nil
}

func (s *Server) editMessageReplyMarkup(p map[string]string) (any, *apiError) {
	markup, aerr := parseMarkup(p["reply_markup"])
	if aerr != nil {
		return nil, aerr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, m, aerr := s.editTarget(p)
	if aerr != nil {
		return nil, aerr
	}
	if jsonEqual(m.msg.ReplyMarkup, markup) {
		return nil, badRequest(notModified)
	}
	now := time.Now()
	m.edits = append(m.edits, Edit{At: now, Text: m.msg.Text, Source: m.source, ReplyMarkup: m.msg.ReplyMarkup})
	m.msg.ReplyMarkup, m.msg.EditDate = markup, now.Unix()
	return m.msg, nil
}

func (s *Server) deleteMessage(p map[string]string) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	cs, aerr := s.chatParam(p)
	if aerr != nil {
		return nil, aerr
	}
	id, _ := intParam(p, "message_id")
	if cs.messages[id] == nil {
		return nil, badRequest("message to delete not found")
	}
	delete(cs.messages, id)
	return true, nil
}

func (s *Server) sendMessageDraft(p map[string]string) (any, *apiError) {
	draftID, err := strconv.ParseInt(p["draft_id"], 10, 64)
	if err != nil || draftID == 0 {
		return nil, badRequest("draft_id must be a non-zero integer")
	}
	text := p["text"]
	visible, _, aerr := parseText(text, p["parse_mode"], 4096, "message")
	if aerr != nil {
		return nil, aerr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	cs, aerr := s.chatParam(p)
	if aerr != nil {
		return nil, aerr
	}
	if cs.chat.Type != Private {
		// Drafts exist only in private chats (Bot API 9.3).
		return nil, badRequest("TEXTDRAFT_PEER_INVALID")
	}
	thread, _ := intParam(p, "message_thread_id")
	s.drafts = append(s.drafts, Draft{ChatID: cs.chat.ID, ThreadID: thread, DraftID: draftID, Text: visible, Source: text, At: time.Now()})
	return true, nil
}

var chatActions = map[string]bool{
	"typing": true, "upload_photo": true, "record_video": true, "upload_video": true,
	"record_voice": true, "upload_voice": true, "upload_document": true, "choose_sticker": true,
	"find_location": true, "record_video_note": true, "upload_video_note": true,
}

func (s *Server) sendChatAction(p map[string]string) (any, *apiError) {
	if !chatActions[p["action"]] {
		return nil, badRequest("wrong parameter action in request")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	cs, aerr := s.chatParam(p)
	if aerr != nil {
		return nil, aerr
	}
	thread, _ := intParam(p, "message_thread_id")
	s.actions = append(s.actions, Action{ChatID: cs.chat.ID, ThreadID: thread, Action: p["action"], At: time.Now()})
	return true, nil
}

func (s *Server) answerCallbackQuery(p map[string]string) (any, *apiError) {
	id := p["callback_query_id"]
	if utf16Len(p["text"]) > 200 {
		return nil, badRequest("MESSAGE_TOO_LONG")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.openQueries[id] {
		return nil, badRequest("query is too old and response timeout expired or query ID is invalid")
	}
	delete(s.openQueries, id)
	s.cbAnswers = append(s.cbAnswers, CallbackAnswer{QueryID: id, Text: p["text"], ShowAlert: p["show_alert"] == "true"})
	return true, nil
}

func commandsKey(p map[string]string) string {
	scope := "default"
	if raw := p["scope"]; raw != "" {
		var sc struct {
			Type   string          `json:"type"`
			ChatID json.RawMessage `json:"chat_id"`
		}
		if json.Unmarshal([]byte(raw), &sc) == nil && sc.Type != "" {
			scope = sc.Type
			if len(sc.ChatID) > 0 {
				scope += ":" + strings.Trim(string(sc.ChatID), `"`)
			}
		}
	}
	return scope + "/" + p["language_code"]
}

func (s *Server) setMyCommands(p map[string]string) (any, *apiError) {
	var cmds []BotCommand
	if err := json.Unmarshal([]byte(p["commands"]), &cmds); err != nil {
		return nil, badRequest("can't parse commands JSON object")
	}
	if len(cmds) > 100 {
		return nil, badRequest("too many commands")
	}
	for _, c := range cmds {
		if c.Command == "" || len(c.Command) > 32 || strings.ToLower(c.Command) != c.Command || !validCommand(c.Command) {
			return nil, badRequest("BOT_COMMAND_INVALID")
		}
		if n := utf16Len(strings.TrimSpace(c.Description)); n == 0 || n > 256 {
			return nil, badRequest("BOT_COMMAND_DESCRIPTION_INVALID")
		}
	}
	if lc := p["language_code"]; lc != "" && (len(lc) != 2 || !isLower(lc)) {
		return nil, badRequest("LANG_CODE_INVALID")
	}
	key := commandsKey(p)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.commands[key] = cmds
	return true, nil
}

func validCommand(c string) bool {
	for _, b := range []byte(c) {
		if !(b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '_') {
			return false
		}
	}
	return true
}

func isLower(s string) bool {
	for _, b := range []byte(s) {
		if b < 'a' || b > 'z' {
			return false
		}
	}
	return true
}

func (s *Server) sendPoll(p map[string]string) (any, *apiError) {
	question := p["question"]
	if n := utf16Len(strings.TrimSpace(question)); n == 0 || n > 300 {
		return nil, badRequest("POLL_QUESTION_INVALID: poll question must be 1-300 characters")
	}
	var opts []struct {
		Text string `json:"text"`
	}
	if err := json.Unmarshal([]byte(p["options"]), &opts); err != nil {
		// Older clients send plain strings.
		var plain []string
		if err2 := json.Unmarshal([]byte(p["options"]), &plain); err2 != nil {
			return nil, badRequest("can't parse options JSON object")
		}
		for _, t := range plain {
			opts = append(opts, struct {
				Text string `json:"text"`
			}{t})
		}
	}
	if len(opts) < 2 || len(opts) > s.opts.MaxPollOptions {
		return nil, badRequest("POLL_ANSWERS_INVALID: poll must have 2-%d options", s.opts.MaxPollOptions)
	}
	poll := &Poll{Question: question, Type: "regular", IsAnonymous: p["is_anonymous"] != "false"}
	for _, o := range opts {
		if n := utf16Len(strings.TrimSpace(o.Text)); n == 0 || n > 100 {
			return nil, badRequest("POLL_ANSWER_INVALID: poll options must be 1-100 characters")
		}
		poll.Options = append(poll.Options, PollOption{Text: o.Text})
	}
	if t := p["type"]; t != "" {
		if t != "regular" && t != "quiz" {
			return nil, badRequest("wrong poll type specified")
		}
		poll.Type = t
	}
	if poll.Type == "quiz" {
		c, ok := intParam(p, "correct_option_id")
		if !ok || c < 0 || c >= len(opts) {
			return nil, badRequest("wrong correct option id specified")
		}
		poll.CorrectOptionID = &c
		if p["allows_multiple_answers"] == "true" {
			return nil, badRequest("quiz poll can't allow multiple answers")
		}
	}
	poll.AllowsMultipleAnswers = p["allows_multiple_answers"] == "true"
	if ex := p["explanation"]; ex != "" {
		visible, _, aerr := parseText(ex, p["explanation_parse_mode"], 200, "explanation")
		if aerr != nil {
			if strings.Contains(aerr.desc, "too long") {
				return nil, badRequest("QUIZ_EXPLANATION_TOO_LONG")
			}
			return nil, aerr
		}
		if strings.Count(visible, "\n") > 2 {
			return nil, badRequest("QUIZ_EXPLANATION_TOO_LONG: explanation can't have more than 2 line feeds")
		}
		poll.Explanation = visible
	}
	if op, ok := intParam(p, "open_period"); ok && op != 0 {
		if op < 5 || op > 600 {
			return nil, badRequest("wrong open_period specified: must be 5-600 seconds")
		}
		poll.OpenPeriod = op
	}
	markup, aerr := parseMarkup(p["reply_markup"])
	if aerr != nil {
		return nil, aerr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	cs, aerr := s.chatParam(p)
	if aerr != nil {
		return nil, aerr
	}
	if aerr := s.checkSendFlood(cs); aerr != nil {
		return nil, aerr
	}
	s.nextPoll++
	poll.ID = fmt.Sprintf("poll%d", s.nextPoll)
	thread, _ := intParam(p, "message_thread_id")
	m := s.newMessageLocked(cs, &s.bot, thread, time.Now())
	m.msg.Poll, m.msg.ReplyMarkup, m.fromBot = poll, markup, true
	s.polls[poll.ID] = poll
	s.pollChat[poll.ID] = cs.chat.ID
	out := m.msg
	out.Poll = poll.clone() // encoded after the lock is released; votes change the original
	return out, nil
}

func (p *Poll) clone() *Poll {
	c := *p
	c.Options = append([]PollOption(nil), p.Options...)
	if p.CorrectOptionID != nil {
		id := *p.CorrectOptionID
		c.CorrectOptionID = &id
	}
	return &c
}

func (s *Server) stopPoll(p map[string]string) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	cs, aerr := s.chatParam(p)
	if aerr != nil {
		return nil, aerr
	}
	id, _ := intParam(p, "message_id")
	m := cs.messages[id]
	if m == nil || m.msg.Poll == nil {
		return nil, badRequest("message with poll to stop not found")
	}
	if m.msg.Poll.IsClosed {
		return nil, badRequest("poll has already been closed")
	}
	m.msg.Poll.IsClosed = true
	return m.msg.Poll.clone(), nil
}

func jsonEqual(a, b any) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return bytes.Equal(normNull(ja), normNull(jb))
}

func normNull(b []byte) []byte {
	if string(b) == "[]" || string(b) == "{}" {
		return []byte("null")
	}
	return b
}
