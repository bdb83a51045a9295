package telegramtest

import (
	"strings"
	"testing"
)

func TestParseHTMLValid(t *testing.T) {
	cases := []struct {
		in, text string
		ents     int
	}{
		{"plain 文本", "plain 文本", 0},
		{"<b>粗</b>体", "粗体", 1},
		{"<strong>a</strong><i>b</i><em>c</em><u>d</u><ins>e</ins><s>f</s><strike>g</strike><del>h</del>", "abcdefgh", 8},
		{`<span class="tg-spoiler">x</span><tg-spoiler>y</tg-spoiler>`, "xy", 2},
		{`<a href="https://example.com/?a=1&amp;b=2">链接</a>`, "链接", 1},
		{`<pre><code class="language-go">x := 1 &lt; 2</code></pre>`, "x := 1 < 2", 2},
		{"<blockquote expandable>引用</blockquote>", "引用", 1},
		{`<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>`, "👍", 1},
		{"&lt;&gt;&amp;&quot;&#20013;&#x6587;", `<>&"中文`, 0},
		{"a > b", "a > b", 0},
		{"<b><i>nested</i></b>", "nested", 2},
		{"<B>upper</B>", "upper", 1},
		{"<b>closed by empty</>", "closed by empty", 1},
		{"<b></b>x", "x", 0},
	}
	for _, c := range cases {
		text, ents, err := ParseHTML(c.in)
		if err != nil {
			t.Errorf("ParseHTML(%q): %v", c.in, err)
			continue
		}
		if text != c.text || len(ents) != c.ents {
			t.Errorf("ParseHTML(%q) = %q, %d entities; want %q, %d", c.in, text, len(ents), c.text, c.ents)
		}
	}
}

func TestParseHTMLEntityOffsetsAreUTF16(t *testing.T) {
	_, ents, err := ParseHTML("😀中<b>粗</b>")
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 1 || ents[0].Offset != 3 || ents[0].Length != 1 {
		t.Fatalf("entities = %+v, want bold at UTF-16 offset 3 length 1", ents)
	}
}

func TestParseHTMLInvalid(t *testing.T) {
	cases := []struct{ in, want string }{
		{"<div>x</div>", `Unsupported start tag "div" at byte offset 0`},
		{"1 < 2", `Unsupported start tag "" at byte offset 2`},
		{"<b>x", `Can't find end tag corresponding to start tag "b"`},
		{"x</b>", "Unexpected end tag at byte offset 1"},
		{"<b><i>x</b></i>", `Unmatched end tag at byte offset 7, expected "</i>", found "</b>"`},
		{"<b", "Unclosed start tag at byte offset 0"},
		{"<b>x</b", "Unclosed end tag at byte offset 4"},
		{"AT&T", "Character '&' is reserved"},
		{"&nbsp;", "Character '&' is reserved"},
		{"&lt", "Character '&' is reserved"},
		{`<span class="x">y</span>`, `Tag "span" must have class "tg-spoiler"`},
		{`<a href="x>y</a>`, "Unclosed end of attribute value"},
		{"<a href>y</a>", "Expected equal sign"},
		{"<code><b>x</b></code>", `Tag "b" can't be nested inside "code"`},
		{"<blockquote><blockquote>x</blockquote></blockquote>", `Tag "blockquote" can't be nested`},
		{"<br/>", `Unsupported start tag "br/"`},
		{`<tg-emoji emoji-id="abc">x</tg-emoji>`, "valid custom emoji identifier"},
		{"&#0;", "Character '&' is reserved"},
	}
	for _, c := range cases {
		_, _, err := ParseHTML(c.in)
		if err == nil {
			t.Errorf("ParseHTML(%q) accepted, want error %q", c.in, c.want)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("ParseHTML(%q) error %q, want it to contain %q", c.in, err, c.want)
		}
	}
}

func TestDetectEntities(t *testing.T) {
	text := "问题😀 /ask@bangyang_test_bot 你好 @someone_else"
	ents := DetectEntities(text)
	if len(ents) != 2 {
		t.Fatalf("entities = %+v", ents)
	}
	if ents[0].Type != "bot_command" || ents[0].Offset != 5 || ents[0].Length != len("/ask@bangyang_test_bot") {
		t.Errorf("command entity = %+v", ents[0])
	}
	if ents[1].Type != "mention" || ents[1].Length != len("@someone_else") {
		t.Errorf("mention entity = %+v", ents[1])
	}
	if got := DetectEntities("mail a@b.cn and path/x"); len(got) != 0 {
		t.Errorf("false positives: %+v", got)
	}
}
