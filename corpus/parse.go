package corpus

import (
	"errors"
	"fmt"
	"path"
)

// ErrUnsupported reports a file whose kind (extension) is not an article
// format: .txt, .md, .html, .docx and .pdf are.
var ErrUnsupported = errors.New("not an article file (.txt, .md, .html, .docx or .pdf)")

// Supported reports whether a file named name is read as an article.
func Supported(name string) bool {
	_, ok := kindOf(name)
	return ok
}

// Parse builds one article from a file's bytes exactly as a corpus folder
// would from a file at rel (slash-separated, relative to its folder): the
// extension decides how it is read, rel gives the id unless front matter
// sets one. origin is recorded as the article's Origin.
func Parse(origin, rel string, raw []byte) (Article, error) {
	k, ok := kindOf(path.Base(rel))
	if !ok {
		return Article{}, ErrUnsupported
	}
	if len(raw) > MaxFileSize {
		return Article{}, fmt.Errorf("file is %d bytes, larger than the %d limit", len(raw), MaxFileSize)
	}
	return newBuilder().build(origin, rel, raw, k)
}
