package corpus

import (
	"strings"
	"unicode/utf8"
)

// Summary is one line of `bangyang corpus`: an article's metadata and its
// size.
type Summary struct {
	Meta
	Origin string `json:"origin"`
	// Declared lists the fields the front matter set; the rest were
	// derived from the text (see Article.Declared).
	Declared []string `json:"declared,omitempty"`
	Chars    int      `json:"chars"`  // runes of cleaned text
	Chunks   int      `json:"chunks"` // passages ChunkArticle makes of it
}

// Summarize describes each article, in order.
func Summarize(as []Article) []Summary {
	out := make([]Summary, 0, len(as))
	for _, a := range as {
		out = append(out, Summary{
			Meta:     copyMeta(a.Meta),
			Origin:   a.Origin,
			Declared: append([]string(nil), a.Declared...),
			Chars:    utf8.RuneCountInString(a.Text),
			Chunks:   len(ChunkArticle(a)),
		})
	}
	return out
}

// Label is a human-readable name for an article: its title, else its
// leader and place, else its id. For listings only; Meta stays as found.
func (m Meta) Label() string {
	switch {
	case m.Title != "":
		return m.Title
	case m.Leader != "" && m.Place != "":
		return m.Leader + " · " + m.Place
	case m.Leader != "":
		return m.Leader
	}
	return m.ID
}

// Find looks an article up by id: an exact match first, then a
// case-insensitive one, then a unique id prefix ("000" for
// "000_d8d80dde34d9778c"). An ambiguous prefix finds nothing.
func Find(as []Article, id string) (Article, bool) {
	id = strings.TrimSpace(id)
	if id == "" {
		return Article{}, false
	}
	for _, a := range as {
		if a.ID == id {
			return a, true
		}
	}
	for _, a := range as {
		if strings.EqualFold(a.ID, id) {
			return a, true
		}
	}
	var match Article
	n := 0
	lower := strings.ToLower(id)
	for _, a := range as {
		if strings.HasPrefix(strings.ToLower(a.ID), lower) {
			match = a
			n++
		}
	}
	return match, n == 1
}

// SourceLine names an article for a citation: the leader and the title,
// e.g. "李亚玲 · 《担当作为 服务到家……》". An untitled article (or one whose
// title is only the leader's name) is named by place or source instead.
// Missing metadata is left out, never invented.
func (m Meta) SourceLine() string {
	title := m.Title
	if title == m.Leader {
		title = ""
	}
	if title == "" {
		switch {
		case m.Place != "":
			title = m.Place
		case m.Source != "":
			title = m.Source
		default:
			title = m.ID
		}
	} else {
		title = "《" + title + "》"
	}
	var parts []string
	for _, p := range []string{m.Leader, title} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " · ")
}
