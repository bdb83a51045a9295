package bot

import (
	"strings"

	"bangyang/core"
	"bangyang/corpus"
	"bangyang/transport"
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

// labels in the two scripts (the words around answers are
// transport.Labels; these are the bot's own).
type labels struct {
	placeholder string
}

var labelsByScript = map[zh.Script]labels{
	zh.Simplified:  {placeholder: "🔎 正在查阅文章…"},
	zh.Traditional: {placeholder: "🔎 正在查閱文章…"},
}

func labelsFor(script zh.Script) labels {
	if l, ok := labelsByScript[script]; ok {
		return l
	}
	return labelsByScript[zh.Simplified]
}

// citationLabel names the leader and the article of a citation.
func citationLabel(c core.Citation) string { return transport.CitationLabel(c) }

// renderAnswer turns an answer into message HTML. The text is escaped
// throughout, so the result is valid whatever the model wrote.
func renderAnswer(a *core.Answer) []string { return renderReply(transport.AnswerReply(a)) }

// renderPassages shows the full cited passages, each under its label: in
// the asker's script (marked when converted), or with original as the
// article wrote them (查看原文).
func renderPassages(cs []core.Citation, original bool) []string {
	script := zh.Simplified
	if len(cs) > 0 && zh.DetectScript(cs[0].Text) == zh.Traditional {
		script = zh.Traditional
	}
	return renderReply(transport.PassagesReply(script, cs, original))
}

// renderReply turns a transport-neutral reply into Telegram HTML messages:
// each block escaped and cut to fit (text at sentence boundaries, a long
// quote into several quotes), then packed into messages. Its buttons are
// not rendered: the bot has callback buttons of its own for them.
func renderReply(r *transport.Reply) []string {
	var blocks []block
	for _, bl := range r.Blocks {
		text, limit := bl.Text, packTarget
		if bl.Style == transport.Quote {
			text, limit = strings.TrimSpace(text), packTarget-200
		}
		for i, piece := range splitPlain(text, limit) {
			sep := bl.Sep
			if i > 0 && bl.Style == transport.Plain {
				sep = "" // pieces of one text are contiguous
			} else if i > 0 && bl.Style == transport.Quote {
				sep = "\n"
			}
			switch bl.Style {
			case transport.Bold:
				blocks = append(blocks, wrapBlock(sep, piece, "<b>", "</b>"))
			case transport.Italic:
				blocks = append(blocks, wrapBlock(sep, piece, "<i>", "</i>"))
			case transport.Quote:
				blocks = append(blocks, wrapBlock(sep, piece, "<blockquote>", "</blockquote>"))
			default:
				blocks = append(blocks, textBlock(sep, piece))
			}
		}
	}
	return pack(blocks, packTarget)
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
