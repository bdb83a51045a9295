package bot

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
	"sync"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"bangyang/catalog"
	"bangyang/core"
	"bangyang/transport"
	"bangyang/zh"
)

// CatalogService is what the method-catalog commands need from the core
// (*core.Service satisfies it). Given with WithCatalog, New registers
// /methods, /method, /leaders and /leader.
type CatalogService interface {
	Methods() []catalog.LeaderMethods
	Leaders() []catalog.Leader
	MethodSummary(ctx context.Context, chat, name string, script zh.Script) (*core.Answer, error)
	LeaderProfile(ctx context.Context, chat, name string, script zh.Script) (*core.Answer, error)
}

// WithCatalog switches on the catalog commands over cs.
func WithCatalog(cs CatalogService) Option { return func(b *Bot) { b.catalog = cs } }

// Callback data of the catalog, all far below Telegram's 64 bytes:
//
//	cat:mp:<page>:<s|t>   turn the methods list to page (edits the message)
//	cat:lp:<page>:<s|t>   turn the leaders list to page
//	cat:ml:<s|t>          send the methods list as a new message
//	cat:m:<key>:<s|t>     open a method's summary (key: hash of its name)
//	cat:l:<key>:<s|t>     open a leader's profile
//	cat:nop               the page indicator; does nothing
//
// The script letter keeps a list and everything opened from it in the
// script it was shown in. Keys are hashes of names rather than positions so
// that buttons of an older message still open the same entry after a
// restart with more articles.
const cbCatalog = "cat:"

// errParked: the request waits in the queue for its conversation.
var errParked = errors.New("parked until the conversation is free")

const (
	methodsPerPage = 8
	leadersPerPage = 10
	snippetRunes   = 40
	buttonRunes    = 24
	maxShownPages  = 10_000
	maxScriptNotes = 100_000
)

// catalogUI holds the catalog commands' state.
type catalogUI struct {
	b   *Bot
	svc CatalogService

	mu sync.Mutex
	// shown is the page each list message currently shows, so that a
	// repeated press never asks Telegram for an identical edit.
	shown      map[shownKey]string
	shownOrder []shownKey
	// editing holds the page wanted next for a list message whose edit is
	// under way: edits of one message run one at a time, and presses during
	// an edit only move its target (the latest wins), so that two edits
	// never race and land out of order, leaving the map wrong and the next
	// edit identical to what the message shows.
	editing map[shownKey]*pageEdit
	// scripts is the last script each conversation was written in.
	scripts map[string]zh.Script
}

type pageEdit struct{ want *listPage }

type shownKey struct {
	chat int64
	msg  int
}

// registerCatalog adds the catalog commands and their buttons.
func (b *Bot) registerCatalog(svc CatalogService) error {
	c := &catalogUI{b: b, svc: svc, shown: map[shownKey]string{}, scripts: map[string]zh.Script{}, editing: map[shownKey]*pageEdit{}}
	for _, cmd := range []Command{
		{Name: "methods", Run: c.cmdMethods},
		{Name: "method", Run: c.cmdMethod},
		{Name: "leaders", Run: c.cmdLeaders},
		{Name: "leader", Run: c.cmdLeader},
	} {
		if err := b.Register(cmd); err != nil {
			return err
		}
	}
	b.HandleCallback(cbCatalog, c.onButton)
	b.cat = c
	return nil
}

// noteScript remembers the script text was written in for conv, so that a
// later name without telling characters (/method 四社) is answered in the
// script the conversation is held in, as core does for questions.
func (c *catalogUI) noteScript(conv, text string) {
	if c == nil {
		return
	}
	sc := zh.DetectScript(text)
	if sc == "" {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.scripts) >= maxScriptNotes {
		clear(c.scripts) // bounded; losing it only loses a preference
	}
	c.scripts[conv] = sc
}

// scriptFor picks the reply script: the name's, else the conversation's
// last, else the guess from the message and the client's language.
func (c *catalogUI) scriptFor(r *Request, name string) zh.Script {
	if sc := zh.DetectScript(name); sc != "" {
		return sc
	}
	c.mu.Lock()
	sc := c.scripts[r.Conv]
	c.mu.Unlock()
	if sc != "" {
		return sc
	}
	return r.Script.Or(zh.Simplified)
}

// admit applies the same rate limits as questions.
func (c *catalogUI) admit(ctx context.Context, r *Request) bool { return c.b.admit(ctx, r) }

// --- commands ----------------------------------------------------------------

func (c *catalogUI) cmdMethods(ctx context.Context, r *Request) error {
	r.Script = c.scriptFor(r, "")
	if !c.admit(ctx, r) {
		return nil
	}
	c.sendList(ctx, r, "mp", 1)
	return nil
}

func (c *catalogUI) cmdLeaders(ctx context.Context, r *Request) error {
	r.Script = c.scriptFor(r, "")
	if !c.admit(ctx, r) {
		return nil
	}
	c.sendList(ctx, r, "lp", 1)
	return nil
}

func (c *catalogUI) cmdMethod(ctx context.Context, r *Request) error {
	return c.lookup(ctx, r, "m", "mp")
}

func (c *catalogUI) cmdLeader(ctx context.Context, r *Request) error {
	return c.lookup(ctx, r, "l", "lp")
}

// lookup answers /method NAME or /leader NAME; without a name it shows
// the first page of the list instead.
func (c *catalogUI) lookup(ctx context.Context, r *Request, kind, list string) error {
	name := strings.TrimSpace(r.Args)
	r.Script = c.scriptFor(r, name)
	if n := runeLen(name); n > c.b.cfg.MaxQuestionRunes {
		c.b.refuse(r, msgTooLong(r.Script, n, c.b.cfg.MaxQuestionRunes))
		return nil
	}
	if !c.admit(ctx, r) {
		return nil
	}
	if name == "" {
		c.sendList(ctx, r, list, 1)
		return nil
	}
	c.noteScript(r.Conv, name)
	ans, err := c.summarise(ctx, r, kind, name)
	if errors.Is(err, errParked) {
		return nil // answered when the conversation is free
	}
	if err != nil {
		return err
	}
	command := "/method "
	if kind == "l" {
		command = "/leader "
	}
	c.replyCatalogAnswer(ctx, r, kind, command+name, ans)
	return nil
}

// summarise asks core for a method summary or a leader profile, showing
// "typing…" meanwhile (with a model configured it can take a while).
func (c *catalogUI) summarise(ctx context.Context, r *Request, kind, name string) (*core.Answer, error) {
	c.b.send.action(ctx, r.ChatID, r.ThreadID)
	typingCtx, stopTyping := context.WithCancel(ctx)
	defer stopTyping()
	go c.b.keepTyping(typingCtx, r)
	// Summaries are turns of the conversation too (follow-ups refer to
	// them). A command waits for a busy conversation in the queue, like a
	// question; a button press (already answered) waits here.
	var unlock func()
	var err error
	if it, _, ok := queuedFrom(ctx); ok && it.u.Message != nil {
		var got bool
		unlock, got, err = c.b.lockConv(ctx, r.Conv)
		if err == nil && !got {
			return nil, errParked
		}
	} else {
		unlock, err = c.b.convs.lock(ctx, r.Conv)
	}
	if err != nil {
		return nil, fmt.Errorf("catalog %s %q: waiting for the conversation: %w", kind, name, err)
	}
	defer unlock()
	var ans *core.Answer
	if kind == "l" {
		ans, err = c.svc.LeaderProfile(ctx, r.Conv, name, r.Script)
	} else {
		ans, err = c.svc.MethodSummary(ctx, r.Conv, name, r.Script)
	}
	if err != nil {
		return nil, fmt.Errorf("catalog %s %q: %w", kind, name, err)
	}
	if ans == nil {
		return nil, fmt.Errorf("catalog %s %q: no answer", kind, name)
	}
	return ans, nil
}

// replyCatalogAnswer sends a summary or profile exactly like an answer to
// a question (markers, 来源 block, 查看原文 and 👍/👎). When the name was
// not found it sends core's short text with the close matches as buttons.
func (c *catalogUI) replyCatalogAnswer(ctx context.Context, r *Request, kind, question string, ans *core.Answer) {
	if ans.Script != "" {
		r.Script = ans.Script
	}
	if ans.Grounded {
		key := c.b.answers.put(&storedAnswer{Question: question, Citations: ans.Citations, Mode: ans.Mode, Grounded: ans.Grounded, Script: ans.Script, ChatID: r.ChatID})
		msgs := renderAnswer(ans)
		if ids := c.b.replyHTML(ctx, r, msgs, answerKeyboard(ans, key)); len(ids) == len(msgs) {
			c.b.answers.bind(ctx, key, ids[len(ids)-1])
		}
		return
	}
	sl := scriptLetter(r.Script)
	var rows [][]models.InlineKeyboardButton
	for _, name := range ans.Suggestions {
		rows = append(rows, []models.InlineKeyboardButton{{Text: buttonText(transport.ReaderScript(r.Script, name)), CallbackData: cbCatalog + kind + ":" + nameKey(name) + ":" + sl}})
	}
	// A way on when the matches are not it: the whole list, as a new message.
	all, data := catalogLabels(r.Script).allMethods, cbCatalog+"ml:"+sl
	if kind == "l" {
		all, data = catalogLabels(r.Script).allLeaders, cbCatalog+"ll:"+sl
	}
	rows = append(rows, []models.InlineKeyboardButton{{Text: all, CallbackData: data}})
	c.b.replyHTML(ctx, r, renderAnswer(ans), &models.InlineKeyboardMarkup{InlineKeyboard: rows})
}

// --- buttons -------------------------------------------------------------------

func (c *catalogUI) onButton(ctx context.Context, r *Request, q *models.CallbackQuery, data string) error {
	parts := strings.Split(strings.TrimPrefix(data, cbCatalog), ":")
	script := zh.Simplified
	if last := parts[len(parts)-1]; last == "t" {
		script = zh.Traditional
	}
	r.Script = script
	switch {
	case len(parts) == 3 && (parts[0] == "mp" || parts[0] == "lp"):
		n, err := strconv.Atoi(parts[1])
		if err != nil {
			r.AnswerCallback(ctx, q, "", false)
			return fmt.Errorf("bad page in %q: %w", data, err)
		}
		r.AnswerCallback(ctx, q, "", false)
		c.turnPage(ctx, r, parts[0], n)
		return nil
	case len(parts) == 2 && (parts[0] == "ml" || parts[0] == "ll"):
		if !c.admitButton(ctx, r, q) {
			return nil
		}
		r.AnswerCallback(ctx, q, "", false)
		list := "mp"
		if parts[0] == "ll" {
			list = "lp"
		}
		c.sendList(ctx, r, list, 1)
		return nil
	case len(parts) == 3 && (parts[0] == "m" || parts[0] == "l"):
		name, ok := c.nameFor(parts[0], parts[1])
		if !ok {
			r.AnswerCallback(ctx, q, msgCatalogStale(script), true)
			return nil
		}
		if !c.admitButton(ctx, r, q) {
			return nil
		}
		r.AnswerCallback(ctx, q, "", false)
		ans, err := c.summarise(ctx, r, parts[0], name)
		if err != nil {
			r.Reply(ctx, msgAnswerFailed(script))
			return err
		}
		c.replyCatalogAnswer(ctx, r, parts[0], name, ans)
		return nil
	default: // cat:nop and anything unknown: stop the spinner
		r.AnswerCallback(ctx, q, "", false)
		return nil
	}
}

// admitButton rate-limits buttons that produce a new message.
func (c *catalogUI) admitButton(ctx context.Context, r *Request, q *models.CallbackQuery) bool {
	return c.b.admitButton(ctx, r, q)
}

// nameFor finds the method or leader whose name hashes to key.
func (c *catalogUI) nameFor(kind, key string) (string, bool) {
	if kind == "l" {
		for _, l := range c.svc.Leaders() {
			if nameKey(l.Name) == key {
				return l.Name, true
			}
		}
		return "", false
	}
	for _, g := range c.svc.Methods() {
		for _, m := range g.Methods {
			if nameKey(m.Name) == key {
				return m.Name, true
			}
		}
	}
	return "", false
}

// --- lists -----------------------------------------------------------------------

// listPage is one page of a list, as sent (html) and as Telegram shows it
// (plain), to recognise a message that already shows it.
type listPage struct {
	id          string // "mp:2:s": what the page is, for the shown map
	html, plain string
	markup      *models.InlineKeyboardMarkup
}

// sendList sends page n of a list as a new message.
func (c *catalogUI) sendList(ctx context.Context, r *Request, list string, n int) {
	p, ok := c.page(list, n, r.Script)
	if !ok {
		r.Reply(ctx, msgCatalogEmpty(r.Script))
		return
	}
	ids := c.b.replyHTML(ctx, r, []string{p.html}, p.markup)
	if len(ids) == 1 {
		c.markShown(shownKey{r.ChatID, ids[0]}, p.id)
	}
}

// turnPage edits a list message to page n, unless it already shows it
// (Telegram rejects an identical edit). While an edit of the message is
// under way the press only retargets it.
func (c *catalogUI) turnPage(ctx context.Context, r *Request, list string, n int) {
	p, ok := c.page(list, n, r.Script)
	if !ok || r.Msg == nil {
		return
	}
	key := shownKey{r.ChatID, r.Msg.ID}
	c.mu.Lock()
	if ed := c.editing[key]; ed != nil {
		ed.want = &p
		c.mu.Unlock()
		return
	}
	if !c.claimEditLocked(key, p, r.Msg.Text) {
		c.mu.Unlock()
		return
	}
	ed := &pageEdit{}
	c.editing[key] = ed
	c.mu.Unlock()
	for {
		err := c.b.send.edit(ctx, &tgbot.EditMessageTextParams{ChatID: r.ChatID, MessageID: r.Msg.ID, Text: p.html, ParseMode: models.ParseModeHTML,
			ReplyMarkup: p.markup, LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: tgbot.True()}})
		c.mu.Lock()
		next := ed.want
		ed.want = nil
		if err != nil {
			delete(c.shown, key) // unknown now; compared by text next time
			delete(c.editing, key)
			c.mu.Unlock()
			c.b.log.Warn("turn catalog page", "chat", r.ChatID, "page", p.id, "err", err)
			return
		}
		if next == nil || next.id == c.shown[key] {
			delete(c.editing, key)
			c.mu.Unlock()
			return
		}
		c.shown[key] = next.id
		p = *next
		c.mu.Unlock()
	}
}

// claimEdit reports whether the message must be edited to show p, and if
// so records it as shown (before the edit, so that a second press racing
// this one does not edit too). A message the bot no longer remembers (a
// restart) is compared by its visible text.
func (c *catalogUI) claimEdit(key shownKey, p listPage, visible string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.claimEditLocked(key, p, visible)
}

func (c *catalogUI) claimEditLocked(key shownKey, p listPage, visible string) bool {
	if cur, ok := c.shown[key]; ok {
		if cur == p.id {
			return false
		}
		c.shown[key] = p.id
		return true
	}
	c.markShownLocked(key, p.id)
	return strings.TrimSpace(visible) != strings.TrimSpace(p.plain)
}

func (c *catalogUI) markShown(key shownKey, id string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.markShownLocked(key, id)
}

func (c *catalogUI) markShownLocked(key shownKey, id string) {
	if _, ok := c.shown[key]; !ok {
		c.shownOrder = append(c.shownOrder, key)
		if len(c.shownOrder) > maxShownPages {
			delete(c.shown, c.shownOrder[0])
			c.shownOrder = c.shownOrder[1:]
		}
	}
	c.shown[key] = id
}

func (c *catalogUI) forgetShown(key shownKey) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.shown, key) // the entry in shownOrder ages out by itself
}

func (c *catalogUI) page(list string, n int, script zh.Script) (listPage, bool) {
	if list == "lp" {
		return c.leadersPage(n, script)
	}
	return c.methodsPage(n, script)
}

// methodSlice is the part of one leader's methods that fits a page.
type methodSlice struct {
	leader  catalog.Leader
	methods []catalog.Method
	cont    bool // a continuation of the previous page's leader
}

// methodSlices cuts each leader's methods into pages of at most
// methodsPerPage, evenly (11 methods: 6 + 5, not 8 + 3).
func methodSlices(groups []catalog.LeaderMethods) []methodSlice {
	var out []methodSlice
	for _, g := range groups {
		if len(g.Methods) == 0 {
			continue
		}
		parts := (len(g.Methods) + methodsPerPage - 1) / methodsPerPage
		size := (len(g.Methods) + parts - 1) / parts
		for i := 0; i < len(g.Methods); i += size {
			out = append(out, methodSlice{leader: g.Leader, methods: g.Methods[i:min(i+size, len(g.Methods))], cont: i > 0})
		}
	}
	return out
}

// methodsPage shows one leader (name, place, role) and her methods, each a
// button that opens its summary.
func (c *catalogUI) methodsPage(n int, script zh.Script) (listPage, bool) {
	pages := methodSlices(c.svc.Methods())
	if len(pages) == 0 {
		return listPage{}, false
	}
	n = min(max(n, 1), len(pages))
	s := pages[n-1]
	lb := catalogLabels(script)
	sl := scriptLetter(script)
	var t richText
	t.bold(fmt.Sprintf(lb.methodsTitle, n, len(pages)))
	t.plainText("\n\n")
	who := transport.ReaderScript(script, s.leader.Name)
	if who == "" {
		who = lb.otherLeader
	}
	if s.cont {
		who += lb.continued
	}
	t.bold(who)
	if line := transport.LeaderLine(s.leader, script); line != "" {
		t.plainText("\n" + line)
	}
	var rows [][]models.InlineKeyboardButton
	var row []models.InlineKeyboardButton
	for i, m := range s.methods {
		name := transport.ReaderScript(script, m.Name)
		t.plainText(fmt.Sprintf("\n%d. ", i+1))
		t.bold(name)
		if sn := snippet(transport.ReaderScript(script, m.Summary)); sn != "" {
			t.plainText(" — " + sn)
		}
		row = append(row, models.InlineKeyboardButton{Text: buttonText(name), CallbackData: cbCatalog + "m:" + nameKey(m.Name) + ":" + sl})
		if len(row) == 2 {
			rows = append(rows, row)
			row = nil
		}
	}
	if row != nil {
		rows = append(rows, row)
	}
	if s.leader.Name != "" {
		rows = append(rows, []models.InlineKeyboardButton{{Text: buttonText(fmt.Sprintf(lb.profileOf, transport.ReaderScript(script, s.leader.Name))), CallbackData: cbCatalog + "l:" + nameKey(s.leader.Name) + ":" + sl}})
	}
	t.plainText("\n\n" + lb.methodsHint)
	if nav := navRow("mp", n, len(pages), script); nav != nil {
		rows = append(rows, nav)
	}
	return listPage{id: fmt.Sprintf("mp:%d:%s", n, sl), html: t.html.String(), plain: t.plain.String(), markup: &models.InlineKeyboardMarkup{InlineKeyboard: rows}}, true
}

// leadersPage lists leaders as name · place · role with their methods, each
// a button that opens the profile.
func (c *catalogUI) leadersPage(n int, script zh.Script) (listPage, bool) {
	leaders := c.svc.Leaders()
	if len(leaders) == 0 {
		return listPage{}, false
	}
	total := (len(leaders) + leadersPerPage - 1) / leadersPerPage
	n = min(max(n, 1), total)
	lb := catalogLabels(script)
	sl := scriptLetter(script)
	var t richText
	t.bold(fmt.Sprintf(lb.leadersTitle, n, total))
	t.plainText("\n")
	var rows [][]models.InlineKeyboardButton
	var row []models.InlineKeyboardButton
	first := (n - 1) * leadersPerPage
	for i, l := range leaders[first:min(first+leadersPerPage, len(leaders))] {
		name := transport.ReaderScript(script, l.Name)
		t.plainText(fmt.Sprintf("\n%d. ", first+i+1))
		t.bold(name)
		if line := transport.LeaderLine(l, script); line != "" {
			t.plainText(" · " + line)
		}
		if len(l.Methods) > 0 {
			ms := l.Methods
			more := ""
			if len(ms) > 3 {
				ms, more = ms[:3], lb.etc
			}
			t.plainText("\n    " + lb.methodsLabel + transport.ReaderScript(script, strings.Join(ms, "、")) + more)
		}
		row = append(row, models.InlineKeyboardButton{Text: buttonText(name), CallbackData: cbCatalog + "l:" + nameKey(l.Name) + ":" + sl})
		if len(row) == 2 {
			rows = append(rows, row)
			row = nil
		}
	}
	if row != nil {
		rows = append(rows, row)
	}
	t.plainText("\n\n" + lb.leadersHint)
	if nav := navRow("lp", n, total, script); nav != nil {
		rows = append(rows, nav)
	}
	return listPage{id: fmt.Sprintf("lp:%d:%s", n, sl), html: t.html.String(), plain: t.plain.String(), markup: &models.InlineKeyboardMarkup{InlineKeyboard: rows}}, true
}

// navRow is ◀ 上一页 · n/m · 下一页 ▶, without the arrows that lead nowhere.
func navRow(list string, n, total int, script zh.Script) []models.InlineKeyboardButton {
	if total <= 1 {
		return nil
	}
	lb := catalogLabels(script)
	sl := scriptLetter(script)
	var row []models.InlineKeyboardButton
	if n > 1 {
		row = append(row, models.InlineKeyboardButton{Text: lb.prev, CallbackData: fmt.Sprintf("%s%s:%d:%s", cbCatalog, list, n-1, sl)})
	}
	row = append(row, models.InlineKeyboardButton{Text: fmt.Sprintf("%d/%d", n, total), CallbackData: cbCatalog + "nop"})
	if n < total {
		row = append(row, models.InlineKeyboardButton{Text: lb.next, CallbackData: fmt.Sprintf("%s%s:%d:%s", cbCatalog, list, n+1, sl)})
	}
	return row
}

// richText builds a message's HTML and, alongside, the visible text
// Telegram will show for it.
type richText struct{ html, plain strings.Builder }

func (t *richText) plainText(s string) {
	t.html.WriteString(escapeHTML(s))
	t.plain.WriteString(s)
}

func (t *richText) bold(s string) {
	t.html.WriteString("<b>" + escapeHTML(s) + "</b>")
	t.plain.WriteString(s)
}

// nameKey is a short stable key for a name, for callback data.
func nameKey(name string) string {
	h := fnv.New64a()
	_, _ = h.Write([]byte(name))
	return strconv.FormatUint(h.Sum64()&(1<<48-1), 36)
}

func scriptLetter(script zh.Script) string {
	return script.Pick("s", "t")
}

// snippet is the start of a summary sentence, on one line.
func snippet(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= snippetRunes {
		return s
	}
	return string(r[:snippetRunes]) + "…"
}

// buttonText keeps button labels short enough to read on a phone. Long
// names lose their middle: names of one family share a beginning (党建引领…)
// or an ending (…工作法), rarely both.
func buttonText(s string) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= buttonRunes {
		return string(r)
	}
	head := (buttonRunes - 1) / 2
	tail := buttonRunes - 1 - head
	return string(r[:head]) + "…" + string(r[len(r)-tail:])
}

type catalogLabelSet struct {
	methodsTitle, leadersTitle         string // with page n, total
	methodsHint, leadersHint           string
	methodsLabel, etc                  string
	otherLeader, continued, profileOf  string
	prev, next, allMethods, allLeaders string
}

var catalogLabelsByScript = map[zh.Script]catalogLabelSet{
	zh.Simplified: {
		methodsTitle: "📚 工作方法目录 · 第 %d/%d 页", leadersTitle: "👥 书记名录 · 第 %d/%d 页",
		methodsHint: "点按方法名查看总结（附原文出处）。", leadersHint: "点按姓名查看人物简介（附原文出处）。",
		methodsLabel: "方法：", etc: " 等",
		otherLeader: "其他", continued: "（续）", profileOf: "👤 %s 简介",
		prev: "◀ 上一页", next: "下一页 ▶", allMethods: "📚 全部工作方法", allLeaders: "👥 全部书记",
	},
	zh.Traditional: {
		methodsTitle: "📚 工作方法目錄 · 第 %d/%d 頁", leadersTitle: "👥 書記名錄 · 第 %d/%d 頁",
		methodsHint: "點按方法名查看總結（附原文出處）。", leadersHint: "點按姓名查看人物簡介（附原文出處）。",
		methodsLabel: "方法：", etc: " 等",
		otherLeader: "其他", continued: "（續）", profileOf: "👤 %s 簡介",
		prev: "◀ 上一頁", next: "下一頁 ▶", allMethods: "📚 全部工作方法", allLeaders: "👥 全部書記",
	},
}

func catalogLabels(script zh.Script) catalogLabelSet {
	if l, ok := catalogLabelsByScript[script]; ok {
		return l
	}
	return catalogLabelsByScript[zh.Simplified]
}

func msgCatalogEmpty(script zh.Script) string { return transport.MsgCatalogEmpty(script) }

func msgCatalogStale(script zh.Script) string {
	return pick(script, "这个按钮已失效，请发送 /methods 重新查看。", "這個按鈕已失效，請發送 /methods 重新查看。")
}
