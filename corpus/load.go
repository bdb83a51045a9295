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
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

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
	kindPDF  // PDF with a text layer: text extracted first (pdf.go)
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
	case ".pdf":
		return kindPDF, true
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

// LoadOption adjusts a load (Load, LoadCached, LoadDir).
type LoadOption func(*loadOptions)

type loadOptions struct {
	log *slog.Logger
}

// WithLogger sends a load's warnings to l: a duplicate article id, a file
// or folder reached twice through links, files of kinds that are not read.
// Without it they are discarded.
func WithLogger(l *slog.Logger) LoadOption {
	return func(o *loadOptions) {
		if l != nil {
			o.log = l
		}
	}
}

func newLoadOptions(opts []LoadOption) loadOptions {
	o := loadOptions{log: slog.New(slog.DiscardHandler)}
	for _, f := range opts {
		f(&o)
	}
	return o
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
func Default() ([]Article, error) { return defaultArticles(nil, slog.New(slog.DiscardHandler)) }

func defaultArticles(c *Cache, log *slog.Logger) ([]Article, error) {
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
	return dedupe(context.Background(), log, out), errors.Join(errs...)
}

// LoadDir reads every article file under dir, recursively: .txt, .md, .docx, .pdf and
// .html/.htm, skipping hidden files and directories, other extensions and
// README/LICENSE/CHANGELOG/NOTICE files, in lexical path order. Symbolic
// links (dir itself, folders and files inside) are followed, each real
// folder once (see walkCorpus). A file that cannot be read or decoded does not
// stop the load: LoadDir returns every article it could build together
// with an error joining one *FileError per failed file. Only a dir that
// cannot be walked at all gives no articles.
//
// Article ids come from front matter (`id:`) or else from the file path
// relative to dir (see IDFromPath). When two files yield the same id the
// later one (in path order) wins and a warning is logged.
func LoadDir(ctx context.Context, dir string, opts ...LoadOption) ([]Article, error) {
	return loadDir(ctx, dir, nil, newLoadOptions(opts).log)
}

func loadDir(ctx context.Context, dir string, c *Cache, log *slog.Logger) ([]Article, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("corpus: %s: not a directory", dir)
	}
	files, errs, err := walkCorpus(ctx, dir, log)
	if err != nil {
		return nil, fmt.Errorf("corpus: walk %s: %w", dir, err)
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
	return dedupe(ctx, log, out), errors.Join(errs...)
}

// Load returns the embedded default corpus (if withDefault) followed by the
// articles of each dir in order. An article whose id is already present
// replaces the earlier one in place, so an operator can override a seed
// article by giving a file the same id; each replacement is logged. Like
// LoadDir it returns what it could load together with a joined error.
func Load(ctx context.Context, dirs []string, withDefault bool, opts ...LoadOption) ([]Article, error) {
	return LoadCached(ctx, dirs, withDefault, nil, opts...)
}

// LoadCached is Load through c (see Cache; nil: no cache).
func LoadCached(ctx context.Context, dirs []string, withDefault bool, c *Cache, opts ...LoadOption) ([]Article, error) {
	log := newLoadOptions(opts).log
	var all []Article
	var errs []error
	if withDefault {
		as, err := defaultArticles(c, log)
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
		as, err := loadDir(ctx, dir, c, log)
		if err != nil {
			errs = append(errs, err)
		}
		all = append(all, as...)
	}
	return dedupe(ctx, log, all), errors.Join(errs...)
}

// dedupe keeps one article per id: the last one, at the first one's
// position.
func dedupe(ctx context.Context, log *slog.Logger, as []Article) []Article {
	index := map[string]int{}
	out := as[:0:0]
	for _, a := range as {
		if i, ok := index[a.ID]; ok {
			log.WarnContext(ctx, "corpus: duplicate article id, later file wins",
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
	switch k {
	case kindDocx, kindPDF:
		extract := docxText
		if k == kindPDF {
			extract = pdfText
		}
		text, err := extract(raw)
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
	text := strings.TrimSpace(res.Text)
	// What derivation reads: the text, after the captions of its photos
	// (a caption may be the only line naming her post).
	dtext := text
	if len(res.Captions) > 0 {
		dtext = strings.Join(res.Captions, "\n") + "\n" + text
	}
	var declared []string
	declare := func(field string, set bool) {
		if set {
			declared = append(declared, field)
		}
	}
	m.Leader = fm.get("leader", "secretary", "person")
	m.Aliases = fm.list("aliases", "alias")
	m.Role = fm.get("role", "post", "position")
	m.Honours = fm.list("honours", "honors", "honour", "honor")
	m.Methods = fm.list("methods", "method")
	declare("leader", m.Leader != "")
	declare("aliases", len(m.Aliases) > 0)
	declare("role", m.Role != "")
	declare("place", m.Place != "")
	declare("honours", len(m.Honours) > 0)
	declare("methods", len(m.Methods) > 0)
	// Front matter always wins; what it leaves out is derived from the
	// headline and the text (see derive_*.go), or left empty.
	var others []string
	nt := b.names.forText(m.Title + "\n" + dtext) // and the names only this article shows
	if m.Leader == "" {
		m.Leader, others = deriveLeader(m.Title, dtext, nt)
		if author := fm.get("author", "speaker", "作者", "发言人"); m.Leader == "" && author != "" && firstPerson(text) {
			// A speech or column in the first person, its speaker named
			// only as the page's author ("author: 张某某").
			m.Leader = author
		}
	} else {
		_, others = deriveLeader(m.Title, dtext, nt)
		others = slices.DeleteFunc(others, func(o string) bool { return strings.Contains(m.Leader, o) || strings.Contains(o, m.Leader) })
	}
	m.Others = others
	m.Author = firstNonEmpty(fm.get("author", "speaker", "作者", "发言人"), deriveSpeaker(m.Title, dtext, nt))
	if len(m.Aliases) == 0 && m.Leader != "" {
		m.Aliases = deriveAliases(m.Title+"\n"+dtext, m.Leader, others, true, nt)
	}
	if m.Leader != "" && (m.Role == "" || m.Place == "") {
		role, place := derivePosts(m.Title+"\n"+dtext, m.Leader, m.Aliases, others, nt)
		m.Role = firstNonEmpty(m.Role, role)
		m.Place = firstNonEmpty(m.Place, place)
	}
	if m.Leader != "" && m.Place == "" {
		m.Place = askedPlace(dtext) // "周书记，听说您在永安社区推了个…", "我在幸福里社区干了十年"
	}
	if m.Leader != "" && m.Role == "" {
		m.Role = postAddressedBy(m.Aliases, m.Place) // an interview's "马书记，…" and no post stated
	}
	if len(m.Honours) == 0 && m.Leader != "" {
		m.Honours = deriveHonours(m.Title+"\n"+dtext, res.Fields, m.Leader, slices.Clone(m.Aliases), others)
	}
	m.Secretaries = deriveSecretaries(m.Title+"\n"+dtext, m.Leader, m.Aliases, others, nt)
	m.Script, _ = zh.ParseScript(fm.get("script", "lang", "language"))
	if m.Script == "" {
		m.Script = zh.DetectScript(res.Text)
	}
	return Article{Meta: m, Origin: origin, Raw: body, Text: text, Declared: declared}, nil
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

// walkCorpus lists the article files under dir in lexical order of their
// paths under dir. Unlike filepath.WalkDir it follows symbolic links — dir
// itself may be one (a corpus mounted or linked into place), and so may
// folders and files inside — tracking real paths so that a link to an
// ancestor (a loop) or a second link to the same folder or file is read
// once. Nothing is skipped silently: a broken link, an unreadable folder
// or something that is not a file is a *FileError; a loop, a duplicate and
// files of other kinds are logged as warnings.
func walkCorpus(ctx context.Context, dir string, log *slog.Logger) (files []string, errs []error, err error) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, nil, err
	}
	seenDir := map[string]string{real: dir}
	seenFile := map[string]string{}
	other := map[string]int{} // extension → files skipped
	var walk func(p string) error
	walk = func(p string) error {
		ents, err := os.ReadDir(p)
		if err != nil {
			if p == dir {
				return err
			}
			errs = append(errs, &FileError{Path: p, Err: err})
			return nil
		}
		for _, e := range ents {
			if err := ctx.Err(); err != nil {
				return err
			}
			name, q := e.Name(), filepath.Join(p, e.Name())
			if strings.HasPrefix(name, ".") {
				continue // hidden: editors' and tools' files, by design
			}
			mode := e.Type()
			if mode&fs.ModeSymlink != 0 {
				info, err := os.Stat(q)
				if err != nil {
					errs = append(errs, &FileError{Path: q, Err: fmt.Errorf("broken symbolic link: %w", err)})
					continue
				}
				mode = info.Mode().Type()
			}
			switch {
			case mode.IsDir():
				r, err := filepath.EvalSymlinks(q)
				if err != nil {
					errs = append(errs, &FileError{Path: q, Err: err})
					continue
				}
				if first, ok := seenDir[r]; ok {
					log.WarnContext(ctx, "corpus: folder already read through another path (a link loop or a second link); skipped",
						"path", q, "same_as", first)
					continue
				}
				seenDir[r] = q
				if err := walk(q); err != nil {
					return err
				}
			case mode.IsRegular():
				if isHousekeeping(name) {
					continue
				}
				if _, ok := kindOf(name); !ok {
					other[strings.ToLower(filepath.Ext(name))]++
					continue
				}
				r, err := filepath.EvalSymlinks(q)
				if err != nil {
					errs = append(errs, &FileError{Path: q, Err: err})
					continue
				}
				if first, ok := seenFile[r]; ok {
					log.WarnContext(ctx, "corpus: file already read through another path; skipped", "path", q, "same_as", first)
					continue
				}
				seenFile[r] = q
				files = append(files, q)
			default:
				errs = append(errs, &FileError{Path: q, Err: fmt.Errorf("not a regular file (%v); skipped", mode)})
			}
		}
		return nil
	}
	if err := walk(dir); err != nil {
		return nil, nil, err
	}
	if len(other) > 0 {
		exts := make([]string, 0, len(other))
		n := 0
		for ext, c := range other {
			if ext == "" {
				ext = "(none)"
			}
			exts = append(exts, ext)
			n += c
		}
		sort.Strings(exts)
		log.WarnContext(ctx, "corpus: files of other kinds were not read (articles must be .txt, .md, .html, .docx or .pdf)",
			"dir", dir, "files", n, "extensions", strings.Join(exts, " "))
	}
	sort.Strings(files)
	return files, errs, nil
}

// firstPerson reports a text told by its author: 我 opens several of its
// sentences or clauses.
func firstPerson(text string) bool {
	n := strings.Count(text, "我")
	return n >= 3 && n*200 >= utf8.RuneCountInString(text)/10
}
