package bot

import (
	"fmt"
	"strings"

	"bangyang/core"
	"bangyang/corpus"
	"bangyang/zh"
)

// Telegram counts message length in UTF-16 code units of the visible text
// (after entity parsing), at most 4096. Messages are packed to a slightly
// lower target so that a joiner or a cursor never tips one over.
const (
	telegramMaxText = 4096
	packTarget      = 4000
	previewTarget   = 3900
)

// escapeHTML escapes the three characters Telegram's HTML mode reserves.
// Quotes need no escaping outside attribute values.
func escapeHTML(s string) string {
	if !strings.ContainsAny(s, "<>&") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// block is a self-contained piece of a message: its HTML is valid on its
// own (balanced tags), so messages can be cut between any two blocks.
type block struct {
	sep   string // joiner before this block when it follows another in a message
	plain string // visible text, for length accounting
	html  string
}

func textBlock(sep, plain string) block {
	return block{sep: sep, plain: plain, html: escapeHTML(plain)}
}

func wrapBlock(sep, plain, open, close string) block {
	return block{sep: sep, plain: plain, html: open + escapeHTML(plain) + close}
}

// pack joins blocks into messages of at most limit visible UTF-16 units.
// Each block must already fit (see splitPlain).
func pack(blocks []block, limit int) []string {
	var msgs []string
	var cur strings.Builder
	curLen := 0
	for _, bl := range blocks {
		n := zh.UTF16Len(bl.plain)
		sepLen := zh.UTF16Len(bl.sep)
		if cur.Len() > 0 && curLen+sepLen+n > limit {
			msgs = append(msgs, cur.String())
			cur.Reset()
			curLen = 0
		}
		if cur.Len() > 0 {
			cur.WriteString(bl.sep)
			curLen += sepLen
		}
		cur.WriteString(bl.html)
		curLen += n
	}
	if strings.TrimSpace(cur.String()) != "" {
		msgs = append(msgs, cur.String())
	}
	return msgs
}

// splitPlain cuts text into pieces of at most limit UTF-16 units, at
// sentence boundaries where possible and between runes otherwise.
func splitPlain(text string, limit int) []string {
	if zh.UTF16Len(text) <= limit {
		return []string{text}
	}
	var out []string
	var cur strings.Builder
	curLen := 0
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
			curLen = 0
		}
	}
	for _, sent := range corpus.SentencePieces(text) {
		n := zh.UTF16Len(sent)
		if n > limit {
			flush()
			for _, r := range sent {
				rl := zh.UTF16Len(string(r))
				if curLen+rl > limit {
					flush()
				}
				cur.WriteRune(r)
				curLen += rl
			}
			continue
		}
		if curLen+n > limit {
			flush()
		}
		cur.WriteString(sent)
		curLen += n
	}
	flush()
	return out
}

// labels in the two scripts.
type labels struct {
	sources, viewOriginal, placeholder, noAnswer string
}

var labelsByScript = map[zh.Script]labels{
	zh.Simplified:  {sources: "来源", viewOriginal: "查看原文", placeholder: "🔎 正在查阅文章…", noAnswer: "（没有内容）"},
	zh.Traditional: {sources: "來源", viewOriginal: "查看原文", placeholder: "🔎 正在查閱文章…", noAnswer: "（沒有內容）"},
}

func labelsFor(script zh.Script) labels {
	if l, ok := labelsByScript[script]; ok {
		return l
	}
	return labelsByScript[zh.Simplified]
}

// citationLabel names the leader and the article of a citation.
func citationLabel(c core.Citation) string {
	if c.Label != "" {
		return c.Label // in the asker's script
	}
	return c.Chunk.Meta.SourceLine()
}

// renderAnswer turns an answer into message HTML. The text is escaped
// throughout, so the result is valid whatever the model wrote.
func renderAnswer(a *core.Answer) []string {
	lb := labelsFor(a.Script)
	var blocks []block
	if n := strings.TrimSpace(a.Notice); n != "" {
		for _, piece := range splitPlain(n, packTarget) {
			blocks = append(blocks, wrapBlock("\n\n", piece, "<i>", "</i>"))
		}
	}
	body := strings.TrimSpace(a.Text)
	if body == "" {
		body = lb.noAnswer
	}
	for i, piece := range splitPlain(body, packTarget) {
		sep := "\n\n"
		if i > 0 {
			sep = "" // pieces of one text are contiguous
		}
		blocks = append(blocks, textBlock(sep, piece))
	}
	if len(a.Citations) > 0 { // a refusal may cite what the articles do say: its [n] must resolve too
		blocks = append(blocks, wrapBlock("\n\n", lb.sources, "<b>", "</b>"))
		for _, c := range a.Citations {
			line := fmt.Sprintf("[%d] %s", c.N, citationLabel(c))
			for _, piece := range splitPlain(line, packTarget) {
				blocks = append(blocks, textBlock("\n", piece))
			}
		}
	}
	return pack(blocks, packTarget)
}

// renderPassages shows the full cited passages, each under its label: in
// the asker's script (marked when converted), or with original as the
// article wrote them (查看原文).
func renderPassages(cs []core.Citation, original bool) []string {
	var blocks []block
	for _, c := range cs {
		label, text := citationLabel(c), c.Text
		if original || text == "" {
			label, text = c.Chunk.Meta.SourceLine(), c.Chunk.Text
		} else if c.Converted {
			label += convertedMark(text)
		}
		blocks = append(blocks, wrapBlock("\n\n", fmt.Sprintf("[%d] %s", c.N, label), "<b>", "</b>"))
		for _, piece := range splitPlain(strings.TrimSpace(text), packTarget-200) {
			blocks = append(blocks, wrapBlock("\n", piece, "<blockquote>", "</blockquote>"))
		}
	}
	return pack(blocks, packTarget)
}

// convertedMark says a passage is shown converted from the article's
// script into the one it is now written in.
func convertedMark(shown string) string {
	if zh.DetectScript(shown) == zh.Traditional {
		return "（已轉為繁體，原文見「查看原文」）"
	}
	return "（已转为简体，原文见“查看原文”）"
}

// renderPreview is the streaming view of a partial answer: escaped plain
// text only (no tags that a cut could unbalance), cut to fit one message.
func renderPreview(textSoFar string) string {
	t := strings.TrimSpace(textSoFar)
	if t == "" {
		return ""
	}
	if zh.UTF16Len(t) > previewTarget {
		t = splitPlain(t, previewTarget)[0]
		return escapeHTML(t) + " …"
	}
	return escapeHTML(t) + " ▍"
}

// plainMessages escapes and splits a plain-text reply.
func plainMessages(text string) []string {
	var blocks []block
	for _, piece := range splitPlain(strings.TrimSpace(text), packTarget) {
		blocks = append(blocks, textBlock("", piece))
	}
	return pack(blocks, packTarget)
}
