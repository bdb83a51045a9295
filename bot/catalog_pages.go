package bot

// The catalog's paged lists (/methods, /leaders): one leader a page, ◀ ▶
// editing the same message, and their text and labels in either script.

import (
	"context"
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"bangyang/catalog"
	"bangyang/transport"
	"bangyang/zh"
)

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
