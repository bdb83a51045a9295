package corpus

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"unsafe"

	"bangyang/atomicfile"
)

// Cache remembers the articles built from files, and their chunks, so that
// a file that has not changed is not decoded, cleaned and chunked again
// at every start. An entry is found by the file's path (and folder) and
// used when its size and modification time are unchanged, or else when
// its content hashes the same (a touched or re-copied file). Entries made
// by another build of the program (stamp) are discarded, so a change to
// the cleaner or chunker always takes effect.
//
// Articles served from the cache have an empty Raw. A Cache is safe for
// concurrent use; Save writes it back (atomically) if anything changed.
type Cache struct {
	path  string
	stamp string

	mu      sync.Mutex
	old     map[string]*cacheEntry // as read from the file
	now     map[string]*cacheEntry // used in this run
	byHash  map[[sha256.Size]byte]*cacheEntry
	changed bool
}

type cacheEntry struct {
	key     string // folder NUL path (or "embedded:NAME")
	size    int64
	modNs   int64
	hash    [sha256.Size]byte
	article Article
	chunks  []cachedChunk
}

// cachedChunk is a Chunk without what its article gives (ArticleID, Meta).
type cachedChunk struct {
	id, text, norm string
	seq            int
}

const (
	cacheMagic = "BYCORPUS"
	// cacheFormat changes with the file layout below.
	cacheFormat = 32 // 2: the front-matter fields (Declared); 3: Meta.Secretaries, and derivation that reads tables, interviews and list numbers; 4: Meta.Author, and names the tables alone would cut (禤玉芳, 阿依古丽·买买提, 梁永年); 5: 本报记者： opens an interviewer's question; 6: nicknames said to be one (外号叫“…”); 7: call-names said as a habit (习惯叫他‘…’, 被群众称作“…”, 人送外号…); 8: infoboxes saved as text, HTML tables read as labelled rows, X书记 for the one of two same-surname people named with the post, the one community named, 新市镇; 9: 任 after a post, X书记 of two same-surname secretaries, past posts of a closed year range, 人称“…”; 10: 高新技术产业开发区, a community once before her post, 这位…书记 in a later clause; 11: the one street named with the community completes a place that skips it; 12: a call-name qualifying someone after it (称为“…”的老人) is not hers; 13: a self-told column's teller as Meta.Author (口述：…); 14: 任 before a later 兼任 is a surname (书记任志强兼任居委会主任); 15: 退休教师X当选…书记, 和平里社区 after a post verb, 西城社区的钱芳书记 a second secretary (her community and post too), 另一位受访者X，是…书记, 孙红告诉 is 孙红, 走进X社区, 楼院长X and no 楼院 person, ◆「…」： headings kept, 在X社区当了两年书记; 16: a signature line (…社区党委书记 冯晓燕) and a 文/图 byline naming the post, the one secretary named once after her community's full Party post, 刊发X社区, 向阳社区, a district written into another community's chain is no setting; 17: secretaries portrayed one per section, named in its heading (### 李明：…) and told by pronoun with the post (他是…社区党委书记); 18: 不 stops a place name (离不开社区党支部书记X); 19: passages break where the article turns to another secretary (corpus.TurnsTo, ContrastTurn), 村改居 posts, 那坛社区, 老韦, 莉姐, one-line infoboxes; 20: hard-wrapped text (PDF copies) rejoined, page numbers dropped; 21: keycap numbers (1️⃣) read as list numbers; 22: the community an interviewer places her in (您在永安社区…) when nothing else gives one; 23: a report's dateline (本报讯（记者…）) dropped; 24: 厂区, 校区, 景区… are no districts; 25: a field line (荣誉：…) is no heading and 荣誉 no name, a script's 【同期】name　post： label, more honour titles (优秀退役军人, 调解能手…), the post an interview addresses her by (马书记) and the community her answer places her in; 26: a guest's post in brackets after her name (黎秀英（金桥社区党委书记）、石立新（…）) is hers, 还有 opens no place; 27: a second secretary's quotation in the leader's story (“…。”侯建军说。, 侯建军说：“…。…。”) is hers, its honours too; 28: rows of an honours list (2019年　无锡市优秀共产党员) are no datelines, and a closing （来源：…） line heads no title; 29: 他叫邓志刚，…书记 brings a secretary in (a secretary of the page, the turn to him), 说起 opens no place; 30: a line naming the second secretary with her words (李文静说：“…”) breaks no passage again; 31: …之星 honours (全国志愿服务奉献之星); 32: an honour of someone she led (徒弟小王获评…) is not hers, nor a quotation hers that is said to another (她对侯建军说)
)

// OpenCache reads the cache file at path. A missing, damaged or foreign
// file gives an empty cache: the cache can only cost a rebuild.
func OpenCache(path, stamp string) *Cache {
	c := &Cache{path: path, stamp: stamp, old: map[string]*cacheEntry{}, now: map[string]*cacheEntry{}, byHash: map[[sha256.Size]byte]*cacheEntry{}}
	data, err := os.ReadFile(path)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			c.changed = true
		}
		return c
	}
	entries, err := decodeCache(data, stamp)
	if err != nil {
		c.changed = true // rewrite it
		return c
	}
	for _, e := range entries {
		c.old[e.key] = e
		c.byHash[e.hash] = e
	}
	return c
}

// lookup finds the entry for key: by size and time, else by content.
func (c *Cache) lookup(key string, size, modNs int64, content func() ([]byte, error)) (*cacheEntry, []byte, [sha256.Size]byte, error) {
	var zero [sha256.Size]byte
	c.mu.Lock()
	e := c.now[key] // an earlier load through this cache
	if e == nil {
		e = c.old[key]
	}
	c.mu.Unlock()
	if e != nil && modNs != 0 && e.size == size && e.modNs == modNs {
		return e, nil, zero, nil
	}
	raw, err := content()
	if err != nil {
		return nil, nil, zero, err
	}
	h := sha256.Sum256(raw)
	c.mu.Lock()
	defer c.mu.Unlock()
	if e != nil && e.hash == h {
		if e.size != size || e.modNs != modNs {
			e.size, e.modNs = size, modNs
			c.changed = true
		}
		return e, raw, h, nil
	}
	return nil, raw, h, nil
}

func (c *Cache) use(e *cacheEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now[e.key] = e
}

func (c *Cache) add(e *cacheEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now[e.key] = e
	c.changed = true
}

// Chunks is ChunkAll(as), reusing the chunks cached with each article.
func (c *Cache) Chunks(as []Article) []Chunk {
	if c == nil {
		return ChunkAll(as)
	}
	byOrigin := make(map[string]*cacheEntry, len(c.now))
	c.mu.Lock()
	for _, e := range c.now {
		byOrigin[e.article.Origin] = e
	}
	c.mu.Unlock()
	var out []Chunk
	for _, a := range as {
		e := byOrigin[a.Origin]
		if e == nil || e.article.ID != a.ID || e.article.Text != a.Text {
			out = append(out, ChunkArticle(a)...)
			continue
		}
		for _, cc := range e.chunks {
			out = append(out, Chunk{ID: cc.id, ArticleID: a.ID, Seq: cc.seq, Text: cc.text, Norm: cc.norm, Meta: copyMeta(a.Meta)})
		}
	}
	return out
}

// Save writes the entries used in this run (files gone since are
// dropped), if anything changed.
func (c *Cache) Save() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.changed && len(c.now) == len(c.old) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(c.path), 0o755); err != nil {
		return fmt.Errorf("corpus cache: %w", err)
	}
	f, err := atomicfile.Create(c.path, 0o600, atomicfile.TempPattern(".articles-cache-*"))
	if err != nil {
		return fmt.Errorf("corpus cache: %w", err)
	}
	defer f.Close() // discards the temp file unless committed
	crc := crc32.New(crc32.MakeTable(crc32.Castagnoli))
	bw := bufio.NewWriterSize(f, 1<<20)
	var buf []byte
	flush := func() error {
		crc.Write(buf)
		_, err := bw.Write(buf)
		buf = buf[:0]
		return err
	}
	buf = append(buf, cacheMagic...)
	buf = binary.LittleEndian.AppendUint32(buf, cacheFormat)
	buf = appendStr(buf, c.stamp)
	buf = binary.AppendUvarint(buf, uint64(len(c.now)))
	for _, e := range c.now {
		meta, err := json.Marshal(e.article.Meta)
		if err != nil {
			return fmt.Errorf("corpus cache: %w", err)
		}
		buf = appendStr(buf, e.key)
		buf = binary.AppendVarint(buf, e.size)
		buf = binary.AppendVarint(buf, e.modNs)
		buf = append(buf, e.hash[:]...)
		buf = appendStr(buf, string(meta))
		buf = appendStr(buf, e.article.Origin)
		buf = appendStr(buf, e.article.Text)
		buf = appendStr(buf, strings.Join(e.article.Declared, "\x00"))
		buf = binary.AppendUvarint(buf, uint64(len(e.chunks)))
		for _, cc := range e.chunks {
			buf = appendStr(buf, cc.id)
			buf = binary.AppendUvarint(buf, uint64(cc.seq))
			buf = appendStr(buf, cc.text)
			if cc.norm == cc.text {
				buf = append(buf, 0) // Norm is the text (Simplified already)
			} else {
				buf = append(buf, 1)
				buf = appendStr(buf, cc.norm)
			}
		}
		if err := flush(); err != nil {
			return fmt.Errorf("corpus cache: %w", err)
		}
	}
	buf = binary.LittleEndian.AppendUint32(buf, crc.Sum32())
	if _, err := bw.Write(buf); err != nil {
		return fmt.Errorf("corpus cache: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("corpus cache: %w", err)
	}
	if err := f.Commit(); err != nil {
		return fmt.Errorf("corpus cache: %w", err)
	}
	// What is on disk now is what this run used: a later load through the
	// same cache that changes nothing must not write it again.
	c.old = maps.Clone(c.now)
	c.changed = false
	return nil
}

func appendStr(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

var errBadCache = errors.New("corpus cache: damaged")

type cacheDecoder struct {
	b   []byte
	bad bool
}

func (d *cacheDecoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.bad, d.b = true, nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *cacheDecoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.bad, d.b = true, nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *cacheDecoder) take(n uint64) []byte {
	if uint64(len(d.b)) < n {
		d.bad, d.b = true, nil
		return nil
	}
	v := d.b[:n]
	d.b = d.b[n:]
	return v
}

// str returns the next string without copying it: it points into the
// file's bytes, which are never written after reading (so the strings
// stay immutable). At 100k passages this saves copying ~200 MB at start.
func (d *cacheDecoder) str() string {
	b := d.take(d.uvarint())
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

func decodeCache(data []byte, stamp string) ([]*cacheEntry, error) {
	if len(data) < len(cacheMagic)+8 || string(data[:len(cacheMagic)]) != cacheMagic {
		return nil, errBadCache
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.Checksum(body, crc32.MakeTable(crc32.Castagnoli)) != sum {
		return nil, errBadCache
	}
	d := &cacheDecoder{b: body[len(cacheMagic):]}
	if f := d.take(4); f == nil || binary.LittleEndian.Uint32(f) != cacheFormat {
		return nil, errBadCache
	}
	if d.str() != stamp {
		return nil, errBadCache // another build: its cleaner may differ
	}
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		return nil, errBadCache
	}
	out := make([]*cacheEntry, 0, n)
	for range n {
		e := &cacheEntry{key: d.str(), size: d.varint(), modNs: d.varint()}
		copy(e.hash[:], d.take(sha256.Size))
		if err := json.Unmarshal(d.take(d.uvarint()), &e.article.Meta); err != nil || d.bad {
			return nil, errBadCache
		}
		e.article.Origin = d.str()
		e.article.Text = d.str()
		if dec := d.str(); dec != "" {
			e.article.Declared = strings.Split(dec, "\x00")
		}
		nc := d.uvarint()
		if nc > uint64(len(d.b)) {
			return nil, errBadCache
		}
		e.chunks = make([]cachedChunk, nc)
		for i := range e.chunks {
			cc := &e.chunks[i]
			cc.id = d.str()
			cc.seq = int(d.uvarint())
			cc.text = d.str()
			switch flag := d.take(1); {
			case flag == nil:
			case flag[0] == 0:
				cc.norm = cc.text
			default:
				cc.norm = d.str()
			}
		}
		if d.bad {
			return nil, errBadCache
		}
		out = append(out, e)
	}
	if d.bad || len(d.b) != 0 {
		return nil, errBadCache
	}
	return out, nil
}

// job is one file to turn into an article.
type job struct {
	key, origin, rel string
	k                kind
	size, modNs      int64 // 0 for embedded files
	read             func() ([]byte, error)
}

type jobResult struct {
	a   Article
	err error
}

// run builds every job's article on all cores, through the cache when c
// is not nil; results are in job order. ctx stops the jobs not started.
func (b *builder) run(ctx context.Context, jobs []job, c *Cache) []jobResult {
	res := make([]jobResult, len(jobs))
	workers := max(1, min(runtime.GOMAXPROCS(0), len(jobs)))
	var next int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= len(jobs) {
					return
				}
				if err := ctx.Err(); err != nil {
					res[i].err = err
					continue
				}
				res[i].a, res[i].err = b.runJob(jobs[i], c)
			}
		})
	}
	wg.Wait()
	return res
}

func (b *builder) runJob(j job, c *Cache) (Article, error) {
	if c == nil {
		raw, err := j.read()
		if err != nil {
			return Article{}, err
		}
		return b.build(j.origin, j.rel, raw, j.k)
	}
	e, raw, h, err := c.lookup(j.key, j.size, j.modNs, j.read)
	if err != nil {
		return Article{}, err
	}
	if e != nil {
		c.use(e)
		return e.article, nil
	}
	a, err := b.build(j.origin, j.rel, raw, j.k)
	if err != nil {
		return Article{}, err
	}
	ne := &cacheEntry{key: j.key, size: j.size, modNs: j.modNs, hash: h, article: a}
	ne.article.Raw = ""
	for _, ch := range ChunkArticle(a) {
		ne.chunks = append(ne.chunks, cachedChunk{id: ch.ID, seq: ch.Seq, text: ch.Text, norm: ch.Norm})
	}
	c.add(ne)
	return a, nil
}
