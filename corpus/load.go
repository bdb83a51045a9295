package corpus

import (
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"bangyang/corpus/clean"
	"bangyang/zh"
)

// The default corpus: the five seed articles, each a front-matter header
// followed by the scraped text exactly as it was downloaded. Their ids are
// the seed file stems (000_d8d80dde34d9778c …), so they can be traced back
// to the original files; Find also accepts a unique prefix such as "000".
//
//go:embed data/*
var embedded embed.FS

// MaxFileSize bounds one article file; anything larger is certainly not a
// news article and is refused rather than read into memory.
const MaxFileSize = 16 << 20

// ErrEmpty reports a file that holds no article text after cleaning.
var ErrEmpty = errors.New("no article text")

// FileError is a failure to load one file. Loading continues with the
// other files; the returned error joins all FileErrors.
type FileError struct {
	Path string
	Err  error
}

func (e *FileError) Error() string { return "corpus: " + e.Path + ": " + e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// kind is how a file's body is turned into text before cleaning.
type kind int

const (
	kindText kind = iota
	kindMarkdown
	kindHTML
	kindDocx // Word .docx: text extracted first (docx.go)
)

func kindOf(name string) (kind, bool) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return kindText, true
	case ".md", ".markdown":
		return kindMarkdown, true
	case ".html", ".htm", ".xhtml":
		return kindHTML, true
	case ".docx":
		return kindDocx, true
	}
	return 0, false
}

// isHousekeeping reports files that describe a folder rather than being an
// article (README.md, LICENSE.txt, CHANGELOG.md).
func isHousekeeping(name string) bool {
	stem := strings.ToLower(strings.TrimSuffix(name, filepath.Ext(name)))
	switch stem {
	case "readme", "license", "licence", "changelog", "notice":
		return true
	}
	return false
}

// builder holds the read-only lookup tables used while building articles;
// one is made per load call (no package state).
type builder struct {
	names nameTables
}

func newBuilder() *builder {
	return &builder{names: newNameTables()}
}

// Default returns the embedded seed articles, cleaned.
func Default() ([]Article, error) { return defaultArticles(nil) }

func defaultArticles(c *Cache) ([]Article, error) {
	entries, err := fs.ReadDir(embedded, "data")
	if err != nil {
		return nil, fmt.Errorf("corpus: read embedded data: %w", err)
	}
	var jobs []job
	for _, e := range entries {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		k, ok := kindOf(e.Name())
		if !ok {
			continue
		}
		name := e.Name()
		jobs = append(jobs, job{key: "embedded:" + name, origin: "embedded:" + name, rel: name, k: k,
			read: func() ([]byte, error) { return embedded.ReadFile(path.Join("data", name)) }})
	}
	var out []Article
	var errs []error
	for i, r := range newBuilder().run(context.Background(), jobs, c) {
		if r.err != nil {
			errs = append(errs, &FileError{Path: jobs[i].origin, Err: r.err})
			continue
		}
		out = append(out, r.a)
	}
	return dedupe(context.Background(), out), errors.Join(errs...)
}

// LoadDir reads every article file under dir, recursively: .txt, .md, .docx and
// .html/.htm, skipping hidden files and directories, other extensions and
// README/LICENSE/CHANGELOG/NOTICE files, in lexical path order. A file that cannot be read or decoded does not
// stop the load: LoadDir returns every article it could build together
// with an error joining one *FileError per failed file. Only a dir that
// cannot be walked at all gives no articles.
//
// Article ids come from front matter (`id:`) or else from the file path
// relative to dir (see IDFromPath). When two files yield the same id the
// later one (in path order) wins and a warning is logged.
func LoadDir(ctx context.Context, dir string) ([]Article, error) { return loadDir(ctx, dir, nil) }

func loadDir(ctx context.Context, dir string, c *Cache) ([]Article, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("corpus: %s: not a directory", dir)
	}
	var files []string
	var errs []error
	walkErr := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			errs = append(errs, &FileError{Path: p, Err: err})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() && !isHousekeeping(d.Name()) {
			if _, ok := kindOf(d.Name()); ok {
				files = append(files, p)
			}
		}
		return nil
	})
	if walkErr != nil {
		return nil, fmt.Errorf("corpus: walk %s: %w", dir, walkErr)
	}
	sort.Strings(files)

	jobs := make([]job, len(files))
	for i, p := range files {
		jobs[i] = fileJob(dir, p)
	}
	var out []Article
	for i, r := range newBuilder().run(ctx, jobs, c) {
		if err := ctx.Err(); err != nil {
			return out, errors.Join(append(errs, fmt.Errorf("corpus: load %s: %w", dir, err))...)
		}
		if r.err != nil {
			errs = append(errs, &FileError{Path: files[i], Err: r.err})
			continue
		}
		out = append(out, r.a)
	}
	return dedupe(ctx, out), errors.Join(errs...)
}

// Load returns the embedded default corpus (if withDefault) followed by the
// articles of each dir in order. An article whose id is already present
// replaces the earlier one in place, so an operator can override a seed
// article by giving a file the same id; each replacement is logged. Like
// LoadDir it returns what it could load together with a joined error.
func Load(ctx context.Context, dirs []string, withDefault bool) ([]Article, error) {
	return LoadCached(ctx, dirs, withDefault, nil)
}

// LoadCached is Load through c (see Cache; nil: no cache).
func LoadCached(ctx context.Context, dirs []string, withDefault bool, c *Cache) ([]Article, error) {
	var all []Article
	var errs []error
	if withDefault {
		as, err := defaultArticles(c)
		if err != nil {
			errs = append(errs, err)
		}
		all = append(all, as...)
	}
	for _, dir := range dirs {
		if err := ctx.Err(); err != nil {
			errs = append(errs, fmt.Errorf("corpus: load: %w", err))
			break
		}
		as, err := loadDir(ctx, dir, c)
		if err != nil {
			errs = append(errs, err)
		}
		all = append(all, as...)
	}
	return dedupe(ctx, all), errors.Join(errs...)
}

// dedupe keeps one article per id: the last one, at the first one's
// position.
func dedupe(ctx context.Context, as []Article) []Article {
	index := map[string]int{}
	out := as[:0:0]
	for _, a := range as {
		if i, ok := index[a.ID]; ok {
			slog.WarnContext(ctx, "corpus: duplicate article id, later file wins",
				"id", a.ID, "replaced", out[i].Origin, "by", a.Origin)
			out[i] = a
			continue
		}
		index[a.ID] = len(out)
		out = append(out, a)
	}
	return out
}

// fileJob reads p (under root) when the cache cannot answer.
func fileJob(root, p string) job {
	rel, err := filepath.Rel(root, p)
	if err != nil {
		rel = filepath.Base(p)
	}
	k, _ := kindOf(p)
	j := job{key: root + "\x00" + p, origin: p, rel: filepath.ToSlash(rel), k: k}
	info, statErr := os.Stat(p)
	if statErr == nil {
		j.size, j.modNs = info.Size(), info.ModTime().UnixNano()
	}
	j.read = func() ([]byte, error) {
		if statErr != nil {
			return nil, statErr
		}
		if info.Size() > MaxFileSize {
			return nil, fmt.Errorf("file is %d bytes, larger than the %d limit", info.Size(), MaxFileSize)
		}
		return os.ReadFile(p)
	}
	return j
}

// build turns one file's bytes into an Article: decode, split front
// matter, extract text (HTML/Markdown), clean, then fill metadata from the
// front matter, the page, the cleaner and finally derivation from the
// text. Nothing is invented: what cannot be found stays empty.
func (b *builder) build(origin, rel string, raw []byte, k kind) (Article, error) {
	if k == kindDocx {
		text, err := docxText(raw)
		if err != nil {
			return Article{}, err
		}
		raw, k = []byte(text), kindText
	}
	decoded, enc, err := decodeText(raw, k == kindHTML)
	if err != nil {
		return Article{}, err
	}
	fm, body, _ := splitFrontMatter(decoded)
	// A BOM-prefixed file without front matter keeps its BOM in body.
	body = strings.TrimPrefix(body, "\ufeff")

	var m Meta
	content := body
	var page htmlPage
	switch k {
	case kindHTML:
		page, err = parseHTML(body)
		if err != nil {
			return Article{}, err
		}
		content = page.Content
	case kindMarkdown:
		var title string
		content, title = markdownText(body)
		m.Title = title
	}
	res := clean.Clean(content)
	if !hasWords(res.Text) {
		// Only punctuation, digits' separators or spaces: nothing to cite.
		return Article{}, fmt.Errorf("%w (decoded as %s)", ErrEmpty, enc)
	}

	m.ID = slugify(fm.get("id", "slug"))
	if m.ID == "" {
		m.ID = IDFromPath(rel)
	}
	m.Title = firstNonEmpty(fm.get("title"), page.Title, m.Title, res.Title)
	m.Date = firstNonEmpty(dateOrRaw(fm.get("date", "published", "publish_date", "pubdate")), page.Date, res.Date)
	m.Source = firstNonEmpty(fm.get("source", "site", "publisher"), page.Source, res.Source)
	m.URL = firstNonEmpty(fm.get("url", "link", "source_url", "canonical"), page.URL)
	m.Place = fm.get("place", "location")
	if k == kindHTML && (m.Title == "" || m.Date == "" || m.Source == "") {
		// The date line or title may sit outside the main content block.
		whole := clean.Clean(page.PageText)
		m.Title = firstNonEmpty(m.Title, whole.Title)
		m.Date = firstNonEmpty(m.Date, whole.Date)
		m.Source = firstNonEmpty(m.Source, whole.Source)
	}
	m.Leader = fm.get("leader", "secretary", "person")
	if m.Leader == "" {
		// The headline often names the person ("社区书记王红梅：…").
		m.Leader = deriveLeader(m.Title+"\n"+res.Text, b.names)
	}
	m.Aliases = fm.list("aliases", "alias")
	if len(m.Aliases) == 0 && m.Leader != "" {
		m.Aliases = deriveAliases(res.Text, m.Leader)
	}
	m.Script = parseScript(fm.get("script", "lang", "language"))
	if m.Script == "" {
		m.Script = Script(zh.DetectScript(res.Text))
	}
	return Article{Meta: m, Origin: origin, Raw: body, Text: strings.TrimSpace(res.Text)}, nil
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// dateOrRaw normalises a front-matter date but keeps what the operator
// wrote when it is not a recognisable date.
func dateOrRaw(s string) string {
	if d := normalizeDate(s); d != "" {
		return d
	}
	return strings.TrimSpace(s)
}

func parseScript(s string) Script {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "hant", "zh-hant", "zh-tw", "zh-hk", "traditional", "繁體", "繁体":
		return Traditional
	case "hans", "zh-hans", "zh-cn", "zh-sg", "simplified", "簡體", "简体":
		return Simplified
	}
	return ""
}

// IDFromPath derives a stable, slug-safe article id from a file path
// relative to its folder: the extension is dropped, letters and digits
// (Han included) are kept, ASCII is lower-cased, everything else becomes
// "-". "新聞/張影 報道.html" → "新聞-張影-報道".
func IDFromPath(rel string) string {
	rel = filepath.ToSlash(rel)
	rel = strings.TrimSuffix(rel, path.Ext(rel))
	if id := slugify(rel); id != "" {
		return id
	}
	sum := sha256.Sum256([]byte(rel))
	return "article-" + hex.EncodeToString(sum[:4])
}

func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			if r < unicode.MaxASCII {
				r = unicode.ToLower(r)
			}
			b.WriteRune(r)
			dash = false
		default:
			if b.Len() > 0 && !dash {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	return strings.TrimRight(b.String(), "-")
}

// hasWords reports whether text holds any letter (Han or other): an
// article of punctuation alone would only become a junk passage.
func hasWords(text string) bool {
	for _, r := range text {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
