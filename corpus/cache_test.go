package corpus

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

const cacheArticleA = "---\ntitle: 甲社区的做法\nleader: 王红梅\n---\n王红梅是甲社区党委书记。她推行“三张清单”工作法，把居民的事一件件办好。\n\n社区每周开一次议事会，居民点单、社区办理。\n"
const cacheArticleB = "乙社区书记李强带领党员上门走访，建立了“楼栋长”制度。\n"

func loadCached(t *testing.T, dir string, c *Cache) ([]Article, []Chunk) {
	t.Helper()
	as, err := LoadCached(context.Background(), []string{dir}, true, c)
	if err != nil {
		t.Fatal(err)
	}
	return as, c.Chunks(as)
}

func withoutRaw(as []Article) []Article {
	out := make([]Article, len(as))
	for i, a := range as {
		a.Raw = ""
		out[i] = a
	}
	return out
}

func TestCacheServesUnchangedFilesAndRebuildsChanged(t *testing.T) {
	t.Parallel()
	dir, data := t.TempDir(), t.TempDir()
	a := writeFile(t, dir, "a.md", []byte(cacheArticleA))
	writeFile(t, dir, "sub/b.txt", []byte(cacheArticleB))
	cachePath := filepath.Join(data, "articles.cache")

	fresh, err := Load(context.Background(), []string{dir}, true)
	if err != nil {
		t.Fatal(err)
	}
	freshChunks := ChunkAll(fresh)

	c1 := OpenCache(cachePath, "build-1")
	as1, ch1 := loadCached(t, dir, c1)
	if !reflect.DeepEqual(as1, fresh) || !reflect.DeepEqual(ch1, freshChunks) {
		t.Fatal("a load through an empty cache differs from a plain load")
	}
	if err := c1.Save(); err != nil {
		t.Fatal(err)
	}

	// A new process: everything comes from the cache, identical but for Raw.
	c2 := OpenCache(cachePath, "build-1")
	as2, ch2 := loadCached(t, dir, c2)
	if !reflect.DeepEqual(as2, withoutRaw(fresh)) || !reflect.DeepEqual(ch2, freshChunks) {
		t.Fatalf("cached load differs:\n%+v\n%+v", as2, withoutRaw(fresh))
	}
	if len(c2.now) != len(fresh) {
		t.Fatalf("%d entries used for %d articles", len(c2.now), len(fresh))
	}
	for k, e := range c2.now {
		if c2.old[k] != e {
			t.Errorf("%s was rebuilt, not served from the cache", k)
		}
	}

	// Touched (new time, same bytes): still served, by content hash.
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(a, later, later); err != nil {
		t.Fatal(err)
	}
	c3 := OpenCache(cachePath, "build-1")
	loadCached(t, dir, c3)
	if e := c3.now[dir+"\x00"+a]; e == nil || c3.old[dir+"\x00"+a] != e {
		t.Error("a touched but unchanged file was rebuilt")
	}

	// Edited: rebuilt, and the chunks follow.
	edited := strings.Replace(cacheArticleA, "三张清单", "四张清单", 1)
	if err := os.WriteFile(a, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	as4, ch4 := loadCached(t, dir, c3)
	if !strings.Contains(articleByOrigin(as4, a).Text, "四张清单") || !chunksContain(ch4, "四张清单") || chunksContain(ch4, "三张清单") {
		t.Fatal("an edited file was served from the cache")
	}
	if err := c3.Save(); err != nil {
		t.Fatal(err)
	}

	// Another build of the program: nothing is reused.
	c5 := OpenCache(cachePath, "build-2")
	if len(c5.old) != 0 {
		t.Errorf("entries of another build were kept: %d", len(c5.old))
	}

	// A removed file leaves the cache at the next save.
	if err := os.Remove(a); err != nil {
		t.Fatal(err)
	}
	c6 := OpenCache(cachePath, "build-1")
	loadCached(t, dir, c6)
	if err := c6.Save(); err != nil {
		t.Fatal(err)
	}
	if c7 := OpenCache(cachePath, "build-1"); c7.old[dir+"\x00"+a] != nil {
		t.Error("the removed file is still cached")
	}
}

func TestDamagedCacheIsIgnored(t *testing.T) {
	t.Parallel()
	dir, data := t.TempDir(), t.TempDir()
	writeFile(t, dir, "a.md", []byte(cacheArticleA))
	cachePath := filepath.Join(data, "articles.cache")
	c := OpenCache(cachePath, "b")
	want, _ := loadCached(t, dir, c)
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(cachePath)
	if err != nil {
		t.Fatal(err)
	}
	for name, bad := range map[string][]byte{
		"flipped":   func() []byte { b := append([]byte(nil), raw...); b[len(b)/2] ^= 0x40; return b }(),
		"truncated": raw[:len(raw)/2],
		"garbage":   []byte("not a cache"),
	} {
		if err := os.WriteFile(cachePath, bad, 0o600); err != nil {
			t.Fatal(err)
		}
		c := OpenCache(cachePath, "b")
		if len(c.old) != 0 {
			t.Errorf("%s: damaged cache entries used", name)
		}
		got, _ := loadCached(t, dir, c)
		if !reflect.DeepEqual(withoutRaw(got), withoutRaw(want)) {
			t.Errorf("%s: articles differ", name)
		}
		if err := c.Save(); err != nil {
			t.Fatal(err)
		}
		if c := OpenCache(cachePath, "b"); len(c.old) != len(want) {
			t.Errorf("%s: the cache was not rewritten", name)
		}
	}
}

func articleByOrigin(as []Article, origin string) Article {
	for _, a := range as {
		if a.Origin == origin {
			return a
		}
	}
	return Article{}
}

func chunksContain(cs []Chunk, s string) bool {
	for _, c := range cs {
		if strings.Contains(c.Text, s) {
			return true
		}
	}
	return false
}

// TestCacheNotRewrittenWhenUnchanged: a cache kept open across loads (the
// live re-index, the bench's starts) writes its file once, not again on
// every later load that changes nothing.
func TestCacheNotRewrittenWhenUnchanged(t *testing.T) {
	t.Parallel()
	dir, data := t.TempDir(), t.TempDir()
	writeFile(t, dir, "a.md", []byte(cacheArticleA))
	cachePath := filepath.Join(data, "articles.cache")
	c := OpenCache(cachePath, "build-1")
	loadCached(t, dir, c)
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	// Replace the file by a marker: a rewrite would bring the cache back.
	if err := os.WriteFile(cachePath, []byte("marker"), 0o600); err != nil {
		t.Fatal(err)
	}
	loadCached(t, dir, c)
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(cachePath); err != nil || string(b) != "marker" {
		t.Errorf("an unchanged load rewrote the cache (%v)", err)
	}
}
