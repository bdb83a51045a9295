// Package corpus turns raw scraped articles into clean, chunked passages
// with metadata. Data flows one way: raw article → clean text → chunks.
package corpus

// Script names the Chinese writing system of a text.
type Script string

const (
	Simplified  Script = "hans"
	Traditional Script = "hant"
)

// Meta is what we know about an article. Fields that cannot be known are
// left empty: metadata is derived where it reasonably can be, never invented.
type Meta struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Leader string `json:"leader"`
	// Aliases are other names the leader goes by in the text (小吳書記, XX).
	Aliases []string `json:"aliases,omitempty"`
	Place   string   `json:"place"`
	Source  string   `json:"source"` // source site, e.g. 中新網
	Date    string   `json:"date,omitempty"`
	URL     string   `json:"url,omitempty"`
	Script  Script   `json:"script"`
}

// Article is one source document: its original text, kept as read, and
// the cleaned text derived from it reproducibly.
type Article struct {
	Meta
	Origin string `json:"origin"` // "embedded:NAME" or a file path
	Raw    string `json:"-"`      // decoded original, before cleaning
	Text   string `json:"text"`   // cleaned, original script
}

// Chunk is a retrievable passage of one article.
type Chunk struct {
	// ID is a stable content hash (article id + text): unchanged chunks
	// keep their id across re-indexing.
	ID        string `json:"chunk_id"`
	ArticleID string `json:"article_id"`
	Seq       int    `json:"seq"`  // position within the article, from 0
	Text      string `json:"text"` // original script, for display
	Norm      string `json:"norm"` // Simplified, for indexing and matching
	Meta      Meta   `json:"meta"`
}
