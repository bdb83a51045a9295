package corpus

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"bangyang/zh"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlPage is what we take from an HTML file: the main content as lines of
// text, the whole page's visible text (metadata fallback), and metadata
// from <head>.
type htmlPage struct {
	Content  string // main content block, one block element per line
	PageText string // all visible text after dropping chrome
	Title    string // first <h1> of the content, else og:title, else <title>
	Date     string
	URL      string
	Source   string
}

// Elements whose text is never article content.
var htmlJunk = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Nav: true, atom.Footer: true,
	atom.Aside: true, atom.Form: true, atom.Iframe: true, atom.Noscript: true,
	atom.Svg: true, atom.Template: true, atom.Button: true, atom.Select: true,
	atom.Textarea: true, atom.Object: true, atom.Embed: true, atom.Canvas: true,
	atom.Audio: true, atom.Video: true, atom.Head: true, atom.Dialog: true,
}

// Elements that start a new line of text.
var htmlBlock = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Tr: true, atom.Table: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Blockquote: true, atom.Pre: true, atom.Dd: true, atom.Dt: true, atom.Dl: true,
	atom.Figure: true, atom.Figcaption: true, atom.Header: true, atom.Hr: true,
	atom.Address: true, atom.Center: true, atom.Caption: true, atom.Tbody: true,
	atom.Thead: true, atom.Body: true, atom.Html: true,
}

// Leaf-ish blocks whose text is credited to their container when scoring.
var htmlParagraph = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Li: true, atom.Blockquote: true, atom.Pre: true, atom.Figcaption: true,
}

func parseHTML(src string) (htmlPage, error) {
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return htmlPage{}, fmt.Errorf("parse html: %w", err)
	}
	var page htmlPage
	var docTitle, ogTitle string
	walk(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch n.DataAtom {
		case atom.Title:
			if docTitle == "" {
				docTitle = collapseSpace(textOf(n))
			}
		case atom.Meta:
			key := strings.ToLower(attr(n, "property") + attr(n, "name") + attr(n, "itemprop"))
			val := strings.TrimSpace(attr(n, "content"))
			if val == "" {
				break
			}
			switch key {
			case "og:title", "twitter:title":
				setOnce(&ogTitle, val)
			case "article:published_time", "og:published_time", "publishdate", "pubdate",
				"publish_date", "publishtime", "datepublished", "date", "dc.date":
				setOnce(&page.Date, normalizeDate(val))
			case "og:url":
				setOnce(&page.URL, val)
			case "og:site_name", "source", "sitename", "site_name", "application-name":
				setOnce(&page.Source, val)
			}
		case atom.Link:
			if strings.EqualFold(attr(n, "rel"), "canonical") {
				if href := strings.TrimSpace(attr(n, "href")); href != "" {
					page.URL = href // canonical beats og:url
				}
			}
		case atom.Time:
			if page.Date == "" {
				page.Date = normalizeDate(attr(n, "datetime"))
			}
		}
		return true
	})

	dropJunk(root)
	body := findFirst(root, atom.Body)
	if body == nil {
		body = root
	}
	content := mainContent(body)
	page.Content = blockText(content)
	for _, n := range contentSiblings(content) {
		if t := blockText(n); t != "" {
			page.Content += "\n" + t
		}
	}
	if heads := outsideHeadings(body, content); heads != "" {
		page.Content = heads + "\n" + page.Content
	}
	page.PageText = blockText(body)

	var h1 string
	if n := findFirst(content, atom.H1); n != nil {
		h1 = collapseSpace(textOf(n))
	} else if n := findFirst(body, atom.H1); n != nil {
		h1 = collapseSpace(textOf(n))
	}
	// A one-word <h1> is usually the site logo; a real headline is longer.
	switch {
	case utf8.RuneCountInString(h1) >= 4:
		page.Title = h1
	case ogTitle != "":
		page.Title = ogTitle
	case docTitle != "":
		page.Title = trimSiteSuffix(docTitle)
	default:
		page.Title = h1
	}
	return page, nil
}

// trimSiteSuffix removes a trailing "_站名" / " - 站名" / "|站名" from a
// <title>, when what remains still looks like a headline.
func trimSiteSuffix(t string) string {
	for _, sep := range []string{"_", " - ", " | ", "|", "－", "—"} {
		if i := strings.LastIndex(t, sep); i > 0 && utf8.RuneCountInString(t[:i]) >= 6 {
			return strings.TrimSpace(t[:i])
		}
	}
	return t
}

func setOnce(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// walk visits n and its descendants depth-first; visit returns false to
// skip a node's children.
func walk(n *html.Node, visit func(*html.Node) bool) {
	if !visit(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, visit)
	}
}

func findFirst(n *html.Node, a atom.Atom) *html.Node {
	var found *html.Node
	walk(n, func(c *html.Node) bool {
		if found != nil {
			return false
		}
		if c.Type == html.ElementNode && c.DataAtom == a {
			found = c
			return false
		}
		return true
	})
	return found
}

// dropJunk detaches chrome elements. A <header> inside <article>/<main> is
// kept: it holds the headline and the date line the cleaner looks for.
func dropJunk(root *html.Node) {
	var remove []*html.Node
	var visit func(n *html.Node, inArticle bool)
	visit = func(n *html.Node, inArticle bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.CommentNode {
				remove = append(remove, c)
				continue
			}
			if c.Type != html.ElementNode {
				continue
			}
			hidden := attr(c, "hidden") != "" || strings.EqualFold(attr(c, "aria-hidden"), "true") ||
				strings.Contains(strings.ReplaceAll(strings.ToLower(attr(c, "style")), " ", ""), "display:none")
			if htmlJunk[c.DataAtom] || hidden || c.DataAtom == atom.Header && !inArticle || chromeBox(c) {
				remove = append(remove, c)
				continue
			}
			visit(c, inArticle || c.DataAtom == atom.Article || c.DataAtom == atom.Main)
		}
	}
	visit(root, false)
	for _, n := range remove {
		n.Parent.RemoveChild(n)
	}
}

// chromeTokens name page furniture in class and id attributes: share
// and QR boxes, report links, comment counters, disclaimers, follow
// prompts, recommendation lists.
var chromeTokens = map[string]bool{
	"share": true, "sharebox": true, "qrcode": true, "qr": true, "report": true, "jubao": true,
	"comment": true, "comments": true, "tie": true, "gentie": true, "statement": true,
	"disclaimer": true, "shengming": true, "follow": true, "subscribe": true, "reward": true,
	"recommend": true, "related": true, "hot": true, "breadcrumb": true, "crumb": true,
	"toolbar": true, "tools": true, "ad": true, "ads": true, "advert": true, "print": true,
}

// chromeBox reports an element whose class or id names furniture
// (class="post_share", id="js-report", class="tie-info") and which holds
// little text: a content block is never that short, so a misnamed one
// is kept.
func chromeBox(n *html.Node) bool {
	named := false
	for _, v := range []string{attr(n, "class"), attr(n, "id")} {
		for _, tok := range strings.FieldsFunc(strings.ToLower(v), func(r rune) bool {
			return r == ' ' || r == '-' || r == '_' || r == '\t'
		}) {
			if chromeTokens[tok] {
				named = true
			}
		}
	}
	return named && zh.HanCount(textOf(n)) < 120
}

// mainContent picks the block holding the article: the largest <article>
// (or <main>) with real text, else the container with the most non-link
// paragraph text (a small Readability-style density score), else body.
func mainContent(body *html.Node) *html.Node {
	for _, a := range []atom.Atom{atom.Article, atom.Main} {
		var best *html.Node
		bestLen := 0
		walk(body, func(n *html.Node) bool {
			if n.Type == html.ElementNode && n.DataAtom == a {
				if l := zh.HanCount(textOf(n)); l > bestLen {
					best, bestLen = n, l
				}
			}
			return true
		})
		if best != nil && bestLen >= 100 {
			return best
		}
	}

	score := map[*html.Node]float64{}
	walk(body, func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			return false // link text is navigation, not content
		}
		if n.Type != html.TextNode {
			return true
		}
		l := float64(zh.HanCount(n.Data) + len(strings.TrimSpace(n.Data))/4)
		if l == 0 {
			return true
		}
		block := n.Parent
		for block != nil && block != body && !htmlBlock[block.DataAtom] {
			block = block.Parent
		}
		if block == nil {
			return true
		}
		container := block
		if htmlParagraph[block.DataAtom] && block != body && block.Parent != nil {
			container = block.Parent
		}
		score[container] += l
		if container != body && container.Parent != nil {
			score[container.Parent] += l / 2
		}
		return true
	})
	var best *html.Node
	bestScore := 0.0
	for n, s := range score {
		s *= 1 - linkDensity(n)
		if s > bestScore || s == bestScore && best != nil && isAncestor(n, best) {
			best, bestScore = n, s
		}
	}
	if best == nil || bestScore < 50 {
		return body
	}
	return best
}

// contentSiblings are the blocks after the content block that continue
// it: a table in a box of its own (an encyclopedia entry's honours table,
// class="lemma-table"), or another block of the content's own class (the
// entry's text resumed after the table). They stop at the first other
// block with text, and a block that is mostly links is never one.
func contentSiblings(content *html.Node) []*html.Node {
	if content == nil || content.Parent == nil || content.DataAtom == atom.Body {
		return nil
	}
	class := strings.TrimSpace(attr(content, "class"))
	var out []*html.Node
	for s := content.NextSibling; s != nil; s = s.NextSibling {
		if s.Type != html.ElementNode {
			continue
		}
		text := textOf(s)
		if zh.HanCount(text) == 0 {
			continue
		}
		sameClass := class != "" && strings.TrimSpace(attr(s, "class")) == class
		if linkDensity(s) > 0.5 || !sameClass && findFirst(s, atom.Table) == nil {
			break
		}
		out = append(out, s)
	}
	return out
}

func isAncestor(a, n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p == a {
			return true
		}
	}
	return false
}

func linkDensity(n *html.Node) float64 {
	total := utf8.RuneCountInString(textOf(n))
	if total == 0 {
		return 0
	}
	links := 0
	walk(n, func(c *html.Node) bool {
		if c.Type == html.ElementNode && c.DataAtom == atom.A {
			links += utf8.RuneCountInString(textOf(c))
			return false
		}
		return true
	})
	return float64(links) / float64(total)
}

func textOf(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		return true
	})
	return b.String()
}

// softBreak marks source-formatting whitespace that contained a newline:
// between two CJK characters it vanishes (HTML authors wrap Chinese lines
// anywhere), elsewhere it becomes a space.
const softBreak = '\x1f'

// blockText renders n as text: one line per block element, HTML
// whitespace collapsed, empty lines removed.
func blockText(n *html.Node) string {
	var b strings.Builder
	var render func(*html.Node)
	render = func(c *html.Node) {
		switch c.Type {
		case html.TextNode:
			b.WriteString(collapseHTMLSpace(c.Data))
			return
		case html.ElementNode:
			if c.DataAtom == atom.Img || c.DataAtom == atom.Input {
				return
			}
		}
		if c.Type == html.ElementNode && c.DataAtom == atom.Dl && renderInfobox(&b, c) {
			return
		}
		if c.Type == html.ElementNode && c.DataAtom == atom.Table && renderTable(&b, c) {
			return
		}
		block := c.Type == html.ElementNode && htmlBlock[c.DataAtom]
		if block {
			b.WriteByte('\n')
		}
		if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
			b.WriteByte(' ')
		}
		for ch := c.FirstChild; ch != nil; ch = ch.NextSibling {
			render(ch)
		}
		if block {
			b.WriteByte('\n')
		}
	}
	render(n)
	var lines []string
	for _, line := range strings.Split(b.String(), "\n") {
		line = resolveSoftBreaks(line)
		line = strings.TrimSpace(line)
		if line != "" {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "\n")
}

func collapseHTMLSpace(s string) string {
	var b strings.Builder
	inSpace, sawNewline := false, false
	flush := func() {
		if inSpace {
			if sawNewline {
				b.WriteRune(softBreak)
			} else {
				b.WriteByte(' ')
			}
		}
		inSpace, sawNewline = false, false
	}
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\f', '\u00a0':
			inSpace = true
			if r == '\n' || r == '\r' {
				sawNewline = true
			}
			continue
		}
		flush()
		b.WriteRune(r)
	}
	flush()
	return b.String()
}

func resolveSoftBreaks(line string) string {
	if !strings.ContainsRune(line, softBreak) {
		return collapseSpace(line)
	}
	rs := []rune(line)
	var b strings.Builder
	for i, r := range rs {
		if r != softBreak {
			b.WriteRune(r)
			continue
		}
		prev, next := prevNonSpace(rs, i), nextNonSpace(rs, i)
		if !(zh.IsCJK(prev) && zh.IsCJK(next)) {
			b.WriteByte(' ')
		}
	}
	return collapseSpace(b.String())
}

func prevNonSpace(rs []rune, i int) rune {
	for j := i - 1; j >= 0; j-- {
		if rs[j] != ' ' && rs[j] != softBreak {
			return rs[j]
		}
	}
	return 0
}

func nextNonSpace(rs []rune, i int) rune {
	for j := i + 1; j < len(rs); j++ {
		if rs[j] != ' ' && rs[j] != softBreak {
			return rs[j]
		}
	}
	return 0
}

// collapseSpace squeezes runs of spaces into one and trims the ends.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// outsideHeadings returns, one per line, the headings above the main
// content block that the article needs: the headline (<h1>) and a subtitle
// naming the person or the post ("——记…社区党总支书记万丽萍"). Government
// sites put both outside the content block, and the subtitle may be the
// only statement of the secretary's role. Headings of link lists (相关新闻)
// carry neither and stay out.
func outsideHeadings(body, content *html.Node) string {
	if content == body {
		return ""
	}
	var out []string
	seen := map[string]bool{}
	for _, l := range strings.Split(blockText(content), "\n") {
		seen[l] = true
	}
	walk(body, func(n *html.Node) bool {
		if n == content {
			return false
		}
		if n.Type != html.ElementNode {
			return true
		}
		switch n.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4:
		default:
			return true
		}
		if isAncestor(content, n) {
			return false
		}
		t := collapseSpace(textOf(n))
		rn := utf8.RuneCountInString(t)
		carries := n.DataAtom == atom.H1 && rn >= 4 ||
			strings.HasPrefix(t, "——") || strings.HasPrefix(t, "—") ||
			strings.Contains(t, "书记") || strings.Contains(t, "書記") || strings.Contains(t, "主任")
		if carries && rn <= 80 && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
		return false
	})
	// Only headings that come before the content: a heading after it is
	// another article's.
	return strings.Join(out, "\n")
}

// renderTable writes a table whose first row is a header of short labels
// (环节 | 做法 | 时限) as one line per row of "label：cell" pairs joined by
// "，" — the form a Markdown table takes (markdownText) — so that each
// cell is read with what it is. It reports false (nothing written) for a
// table of another shape (a layout table, rows of unequal length).
func renderTable(b *strings.Builder, t *html.Node) bool {
	var rows [][]string
	ok := true
	walk(t, func(n *html.Node) bool {
		if n != t && n.Type == html.ElementNode && n.DataAtom == atom.Table {
			ok = false // a table inside: a layout table
			return false
		}
		if n.Type != html.ElementNode || n.DataAtom != atom.Tr {
			return true
		}
		var cells []string
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
				cells = append(cells, strings.Join(strings.Split(blockText(c), "\n"), ""))
			}
		}
		rows = append(rows, cells)
		return false
	})
	if !ok || len(rows) < 3 {
		return false
	}
	header := rows[0]
	seen := map[string]bool{}
	for _, h := range header {
		if h == "" || seen[h] || utf8.RuneCountInString(h) > 8 || strings.ContainsAny(h, "0123456789。，,") {
			return false
		}
		seen[h] = true
	}
	if len(header) < 2 {
		return false
	}
	for _, r := range rows[1:] {
		if len(r) != len(header) {
			return false
		}
	}
	b.WriteByte('\n')
	for _, r := range rows[1:] {
		var parts []string
		for i, c := range r {
			if c != "" {
				parts = append(parts, header[i]+"："+c)
			}
		}
		b.WriteString(strings.Join(parts, "，") + "\n")
	}
	return true
}

// renderInfobox writes a definition list of short term/value pairs as
// "• 中文名：欧阳红梅" lines, the infobox form the cleaner recognises and
// keeps as metadata. It reports false (nothing written) for a <dl> that is
// not such a list.
func renderInfobox(b *strings.Builder, dl *html.Node) bool {
	type pair struct{ k, v string }
	var pairs []pair
	key := ""
	for c := dl.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Dt:
			key = strings.Join(strings.Fields(strings.ReplaceAll(textOf(c), "\u3000", " ")), "")
		case atom.Dd:
			if key == "" {
				return false
			}
			v := strings.Join(strings.Split(blockText(c), "\n"), "、")
			pairs = append(pairs, pair{key, v})
			key = ""
		default:
			return false
		}
	}
	if len(pairs) < 2 {
		return false
	}
	for _, p := range pairs {
		if utf8.RuneCountInString(p.k) > 12 || utf8.RuneCountInString(p.v) > 80 {
			return false
		}
	}
	b.WriteByte('\n')
	for _, p := range pairs {
		b.WriteString("• " + p.k + "：" + p.v + "\n")
	}
	return true
}
