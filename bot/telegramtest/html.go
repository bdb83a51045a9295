package telegramtest

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// ParseError is a rejected HTML text. Description follows Telegram's
// wording after the "Bad Request: can't parse entities: " prefix.
type ParseError struct {
	Description string
}

func (e *ParseError) Error() string { return "can't parse entities: " + e.Description }

// supportedTags is Telegram's HTML subset (Bot API "HTML style").
var supportedTags = map[string]string{
	"b": "bold", "strong": "bold",
	"i": "italic", "em": "italic",
	"u": "underline", "ins": "underline",
	"s": "strikethrough", "strike": "strikethrough", "del": "strikethrough",
	"span": "spoiler", "tg-spoiler": "spoiler",
	"a":          "text_link",
	"code":       "code",
	"pre":        "pre",
	"blockquote": "blockquote",
	"tg-emoji":   "custom_emoji",
}

type openTag struct {
	name       string
	arg        string
	expandable bool
	start      int // UTF-16 offset in the output
}

// ParseHTML parses text the way Telegram parses parse_mode=HTML and returns
// the visible text and its entities (UTF-16 offsets).
//
// It follows tdlib's parser (tag names, attribute syntax, error wording) and
// is deliberately stricter than Telegram in three places, because each one
// is a bug in the sender even where Telegram would let it through:
//   - a bare '&' that does not start &lt; &gt; &amp; &quot; or &#N; / &#xH;
//     (with the closing ';') is rejected — the Bot API asks for it to be
//     escaped, Telegram merely shows it literally;
//   - tags inside <code>/<pre> (other than <code> directly in <pre>), a
//     blockquote inside a blockquote and a link inside a link are rejected —
//     Telegram silently drops such entities;
//   - <tg-emoji> needs a numeric emoji-id.
func ParseHTML(text string) (string, []MessageEntity, error) {
	var out strings.Builder
	var ents []MessageEntity
	var stack []openTag
	pos16 := 0
	i := 0
	for i < len(text) {
		c := text[i]
		switch c {
		case '&':
			r, n, ok := decodeHTMLEntity(text[i:])
			if !ok {
				return "", nil, &ParseError{fmt.Sprintf("Character '&' is reserved and must be escaped as \"&amp;\" at byte offset %d", i)}
			}
			out.WriteRune(r)
			pos16 += utf16Len(string(r))
			i += n
			continue
		case '<':
		default:
			r, n := utf8.DecodeRuneInString(text[i:])
			out.WriteString(text[i : i+n])
			if r >= 0x10000 {
				pos16 += 2
			} else {
				pos16++
			}
			i += n
			continue
		}
		begin := i
		if i+1 < len(text) && text[i+1] == '/' {
			// End tag.
			if len(stack) == 0 {
				return "", nil, &ParseError{fmt.Sprintf("Unexpected end tag at byte offset %d", begin)}
			}
			i += 2
			for i < len(text) && !isHTMLSpace(text[i]) && text[i] != '>' {
				i++
			}
			endName := strings.ToLower(text[begin+2 : i])
			for i < len(text) && isHTMLSpace(text[i]) {
				i++
			}
			if i >= len(text) || text[i] != '>' {
				return "", nil, &ParseError{fmt.Sprintf("Unclosed end tag at byte offset %d", begin)}
			}
			i++
			top := stack[len(stack)-1]
			if endName != "" && endName != top.name {
				return "", nil, &ParseError{fmt.Sprintf("Unmatched end tag at byte offset %d, expected \"</%s>\", found \"</%s>\"", begin, top.name, endName)}
			}
			stack = stack[:len(stack)-1]
			if e, ok := entityFor(top, pos16); ok {
				ents = append(ents, e)
			}
			continue
		}
		// Start tag.
		i++
		for i < len(text) && !isHTMLSpace(text[i]) && text[i] != '>' {
			i++
		}
		if i >= len(text) {
			return "", nil, &ParseError{fmt.Sprintf("Unclosed start tag at byte offset %d", begin)}
		}
		name := strings.ToLower(text[begin+1 : i])
		if _, ok := supportedTags[name]; !ok {
			return "", nil, &ParseError{fmt.Sprintf("Unsupported start tag \"%s\" at byte offset %d", name, begin)}
		}
		tag := openTag{name: name, start: pos16}
		for {
			for i < len(text) && isHTMLSpace(text[i]) {
				i++
			}
			if i >= len(text) {
				return "", nil, &ParseError{fmt.Sprintf("Unclosed start tag \"%s\" at byte offset %d", name, begin)}
			}
			if text[i] == '>' {
				i++
				break
			}
			attrBegin := i
			for i < len(text) && !isHTMLSpace(text[i]) && text[i] != '=' && text[i] != '>' {
				i++
			}
			attr := strings.ToLower(text[attrBegin:i])
			if attr == "" {
				return "", nil, &ParseError{fmt.Sprintf("Empty attribute name in the tag \"%s\" at byte offset %d", name, begin)}
			}
			for i < len(text) && isHTMLSpace(text[i]) {
				i++
			}
			if i >= len(text) || text[i] != '=' {
				if name == "blockquote" && attr == "expandable" {
					tag.expandable = true
					continue
				}
				return "", nil, &ParseError{fmt.Sprintf("Expected equal sign in declaration of an attribute of the tag \"%s\" at byte offset %d", name, begin)}
			}
			i++
			for i < len(text) && isHTMLSpace(text[i]) {
				i++
			}
			if i >= len(text) {
				return "", nil, &ParseError{fmt.Sprintf("Unclosed start tag \"%s\" at byte offset %d", name, begin)}
			}
			var value strings.Builder
			if q := text[i]; q == '"' || q == '\'' {
				i++
				valBegin := i
				for i < len(text) && text[i] != q {
					if text[i] == '&' {
						r, n, ok := decodeHTMLEntity(text[i:])
						if !ok {
							return "", nil, &ParseError{fmt.Sprintf("Character '&' is reserved and must be escaped as \"&amp;\" at byte offset %d", i)}
						}
						value.WriteRune(r)
						i += n
						continue
					}
					value.WriteByte(text[i])
					i++
				}
				if i >= len(text) {
					return "", nil, &ParseError{fmt.Sprintf("Unclosed end of attribute value at byte offset %d", valBegin)}
				}
				i++
			} else {
				tokBegin := i
				for i < len(text) && (isAlnum(text[i]) || text[i] == '.' || text[i] == '-') {
					i++
				}
				if i >= len(text) || (!isHTMLSpace(text[i]) && text[i] != '>') {
					return "", nil, &ParseError{fmt.Sprintf("Unexpected end of name token at byte offset %d", tokBegin)}
				}
				value.WriteString(strings.ToLower(text[tokBegin:i]))
			}
			v := value.String()
			switch {
			case name == "a" && attr == "href":
				tag.arg = v
			case name == "code" && attr == "class" && strings.HasPrefix(v, "language-"):
				tag.arg = strings.TrimPrefix(v, "language-")
			case name == "span" && attr == "class" && strings.HasPrefix(v, "tg-"):
				tag.arg = strings.TrimPrefix(v, "tg-")
			case name == "tg-emoji" && attr == "emoji-id":
				tag.arg = v
			}
		}
		if name == "span" && tag.arg != "spoiler" {
			return "", nil, &ParseError{fmt.Sprintf("Tag \"span\" must have class \"tg-spoiler\" at byte offset %d", begin)}
		}
		if name == "tg-emoji" && !isDigits(tag.arg) {
			return "", nil, &ParseError{fmt.Sprintf("Custom emoji entity must contain a valid custom emoji identifier at byte offset %d", begin)}
		}
		if err := checkNesting(stack, name, begin); err != nil {
			return "", nil, err
		}
		stack = append(stack, tag)
	}
	if len(stack) > 0 {
		return "", nil, &ParseError{fmt.Sprintf("Can't find end tag corresponding to start tag \"%s\"", stack[len(stack)-1].name)}
	}
	return out.String(), ents, nil
}

// checkNesting applies the Bot API's nesting rules (stricter than Telegram,
// which drops offending entities silently).
func checkNesting(stack []openTag, name string, begin int) error {
	for k, open := range stack {
		switch {
		case open.name == "pre" && name == "code" && k == len(stack)-1:
			// <pre><code class="language-x"> is the documented form.
		case open.name == "pre" || open.name == "code":
			return &ParseError{fmt.Sprintf("Tag \"%s\" can't be nested inside \"%s\" at byte offset %d", name, open.name, begin)}
		case open.name == "blockquote" && name == "blockquote",
			open.name == "a" && name == "a":
			return &ParseError{fmt.Sprintf("Tag \"%s\" can't be nested inside \"%s\" at byte offset %d", name, open.name, begin)}
		}
	}
	return nil
}

func entityFor(t openTag, end16 int) (MessageEntity, bool) {
	if end16 == t.start {
		return MessageEntity{}, false // empty entities are dropped by Telegram
	}
	e := MessageEntity{Type: supportedTags[t.name], Offset: t.start, Length: end16 - t.start}
	switch t.name {
	case "a":
		e.URL = t.arg
	case "code":
		e.Language = t.arg
	case "blockquote":
		if t.expandable {
			e.Type = "expandable_blockquote"
		}
	case "tg-emoji":
		e.CustomEmojiID = t.arg
	}
	return e, true
}

// decodeHTMLEntity decodes the entity at the start of s (which begins with
// '&'). Only the four named entities Telegram knows and numeric references
// are accepted, and the terminating ';' is required.
func decodeHTMLEntity(s string) (rune, int, bool) {
	semi := strings.IndexByte(s, ';')
	if semi < 2 || semi > 10 {
		return 0, 0, false
	}
	body := s[1:semi]
	switch body {
	case "lt":
		return '<', semi + 1, true
	case "gt":
		return '>', semi + 1, true
	case "amp":
		return '&', semi + 1, true
	case "quot":
		return '"', semi + 1, true
	}
	if body[0] != '#' || len(body) < 2 {
		return 0, 0, false
	}
	var r rune
	digits := body[1:]
	base := rune(10)
	if digits[0] == 'x' || digits[0] == 'X' {
		base = 16
		digits = digits[1:]
	}
	if digits == "" {
		return 0, 0, false
	}
	for k := 0; k < len(digits); k++ {
		d := hexVal(digits[k])
		if d < 0 || rune(d) >= base {
			return 0, 0, false
		}
		r = r*base + rune(d)
		if r >= 0x10ffff {
			return 0, 0, false
		}
	}
	if r == 0 || (r >= 0xD800 && r <= 0xDFFF) {
		return 0, 0, false
	}
	return r, semi + 1, true
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for k := 0; k < len(s); k++ {
		if s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	return true
}

// UTF16Len is the length of s in UTF-16 code units, the unit Telegram uses
// for message limits and entity offsets. The fake counts for itself rather
// than with zh.UTF16Len, which the bot uses: a strict fake that measured
// with the code under test could not catch a mistake in it.
func UTF16Len(s string) int { return utf16Len(s) }

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}
