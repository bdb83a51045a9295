// Package corpus turns raw scraped articles into clean, chunked passages
// with metadata. Data flows one way: raw article → clean text → chunks.
//
// Sources: the embedded seed articles (Default; ids are the seed file
// stems, e.g. 000_d8d80dde34d9778c) and operator folders (LoadDir, Load) of
// .txt/.md/.html files in UTF-8, UTF-16, GBK/GB18030 or Big5, each with an
// optional `---` front-matter header (id, title, leader, aliases, role,
// place, honours, methods, source, date, url, script). Files keep their original text in
// Article.Raw; corpus/clean produces Article.Text at load time.
//
// Metadata precedence: front matter, then the HTML page (<h1>, og:title,
// <title>, article:published_time, canonical link, og:site_name), then what
// the cleaner found (title, date, 來源), then derivation from the text
// (derive_*.go: leader from names next to 書記/主任/同志, profile lines,
// "她叫…", "她到…社区任党委书记", a byline or signature, the headline;
// deputies never, nor a place's fragment (桂香 of 桂香社区); the other
// secretaries of a two-community page or an award list, each found even
// when named once with her post or under her own heading, and for each of
// them her post, community and honours (Meta.Secretaries); role = the current post (社区, 小区 or 楼院 branch),
// never an honour; place = the administrative chain, with two
// secretaries the one of the sentence or section about the leader;
// names the tables alone would cut, learned per article (a rare surname
// from 禤书记 and 禤玉芳, a name with no Han surname after her post such
// as 阿依古丽·买买提 or 萨仁高娃, a given name with a word character such
// as 梁永年); "一位是…，另一位是…" read as two halves;
// aliases such as 小吳書記, call-names and kinship forms (郝大姐, 秀兰大姐, 兰姐),
// nicknames and call-names said as a habit (外号叫“铁脚板”, 亲切地称她为“暖心姐”),
// X书记 only when no other secretary has her surname;
// a speech's speaker or a self-told column's teller as Author (SpeakerOf:
// whose an interview's line is);
// honours; script via zh.DetectScript). What cannot be found stays empty.
//
// Loading never loses good articles to a bad file: the loaders return
// every article they could build plus an error joining one *FileError per
// failed file. Duplicate ids: the later article (later folder, or later
// path within a folder) replaces the earlier one in place, with a warning
// logged — this lets an operator override a seed article.
package corpus

import "bangyang/zh"

// Meta is what we know about an article. Fields that cannot be known are
// left empty: metadata is derived where it reasonably can be, never invented.
type Meta struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Leader string `json:"leader"`
	// Aliases are other names the leader goes by in the text (小吳書記, XX).
	Aliases []string `json:"aliases,omitempty"`
	Place   string   `json:"place"`
	// Role is the leader's current post (社区党委书记, 居委会主任), not an honour.
	Role string `json:"role,omitempty"`
	// Honours are the leader's personal honours (全国优秀党务工作者 …).
	Honours []string `json:"honours,omitempty"`
	// Methods are method names the operator declared in front matter;
	// derived methods live in the catalog.
	Methods []string `json:"methods,omitempty"`
	// Others are other secretaries the article names next to their post
	// (a neighbouring community's). A passage that names one of them and
	// not the leader is credited to her (see ChunkArticle).
	Others []string `json:"others,omitempty"`
	// Secretaries is what the article says of each of Others, in its
	// order: her post, her community's chain, her honours, derived as the
	// leader's are (never the leader's own). Only the article's Meta has
	// it; a passage credited to one of them carries none.
	Secretaries []Secretary `json:"secretaries,omitempty"`
	// Author is who wrote or speaks the text when the page says: the
	// front matter's author, the speaker of a speech (a colleague at a
	// 先进事迹报告会 speaking about the secretary, or she herself), or the
	// teller of a self-told column (口述：…, 【…自述】name：…). It may
	// differ from Leader: "who is speaking" is answered with it, never
	// with the leader unless they are the same.
	Author string    `json:"author,omitempty"`
	Source string    `json:"source"` // source site, e.g. 中新網
	Date   string    `json:"date,omitempty"`
	URL    string    `json:"url,omitempty"`
	Script zh.Script `json:"script"`
}

// Secretary is one of an article's other secretaries (Meta.Others) and
// what the article says of her; empty fields are not stated.
type Secretary struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"` // 邹哥, 李书记
	Role    string   `json:"role,omitempty"`
	Place   string   `json:"place,omitempty"`
	Honours []string `json:"honours,omitempty"`
}

// Article is one source document: its original text, kept as read, and
// the cleaned text derived from it reproducibly.
type Article struct {
	Meta
	Origin string `json:"origin"` // "embedded:NAME" or a file path
	Raw    string `json:"-"`      // decoded original, before cleaning
	Text   string `json:"text"`   // cleaned, original script
	// Declared lists the Meta fields the file's front matter set (leader,
	// aliases, role, place, honours, methods); the others were derived.
	Declared []string `json:"declared,omitempty"`
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
