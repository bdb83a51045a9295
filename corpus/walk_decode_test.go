package corpus

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

const (
	// Generated articles (not the seeds): a Simplified one and its
	// Traditional counterpart.
	genSimp = "王建华是东湖社区党委书记。她带领网格员上门走访居民，收集群众意见，" +
		"把小事解决在网格里。社区建立了“三问工作法”：问需于民、问计于民、问效于民。"
	genTrad = "王建華是東湖社區黨委書記。她帶領網格員上門走訪居民，收集群眾意見，" +
		"把小事解決在網格裡。社區建立了「三問工作法」：問需於民、問計於民、問效於民。"
)

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symlinks unavailable: %v", err)
	}
}

// captureLog gives a load option that routes the corpus package's
// warnings into the returned buffer.
func captureLog(t *testing.T) (*bytes.Buffer, LoadOption) {
	t.Helper()
	var buf bytes.Buffer
	return &buf, WithLogger(slog.New(slog.NewTextHandler(&buf, nil)))
}

// A corpus folder given as a symbolic link loads its articles (it loaded
// nothing, silently); links to files and folders inside are followed; a
// link back to an ancestor is read once and warned about, a broken link
// and a FIFO are reported; nothing is skipped without a word.
func TestSymlinkedCorpusIsFollowedLoopSafe(t *testing.T) {
	log, logTo := captureLog(t)
	base := t.TempDir()
	real := filepath.Join(base, "real")
	elsewhere := filepath.Join(base, "elsewhere")
	writeFile(t, real, "a.txt", []byte(genSimp))
	writeFile(t, real, "sub/b.txt", []byte(strings.Replace(genSimp, "东湖", "西湖", -1)))
	writeFile(t, elsewhere, "c.txt", []byte(strings.Replace(genSimp, "东湖", "南湖", -1)))
	writeFile(t, elsewhere, "deep/d.txt", []byte(strings.Replace(genSimp, "东湖", "北湖", -1)))
	writeFile(t, real, "notes.pptx", []byte("PK")) // a kind not read (.docx is)
	symlink(t, filepath.Join(elsewhere, "c.txt"), filepath.Join(real, "linked-file.txt"))
	symlink(t, filepath.Join(elsewhere, "deep"), filepath.Join(real, "linked-dir"))
	symlink(t, real, filepath.Join(real, "sub", "loop"))                         // ancestor: a loop
	symlink(t, filepath.Join(real, "a.txt"), filepath.Join(real, "z-again.txt")) // same file twice
	symlink(t, filepath.Join(base, "gone.txt"), filepath.Join(real, "broken.txt"))
	link := filepath.Join(base, "corpus-link")
	symlink(t, real, link)

	done := make(chan struct{})
	var as []Article
	var err error
	go func() {
		defer close(done)
		as, err = LoadDir(context.Background(), link, logTo)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("LoadDir did not return: a link loop is followed forever")
	}
	got := ids(as)
	want := []string{"a", "linked-dir-d", "linked-file", "sub-b"}
	if !slices.Equal(got, want) {
		t.Errorf("ids %v, want %v", got, want)
	}
	var fe *FileError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), "broken.txt") || !strings.Contains(err.Error(), "broken symbolic link") {
		t.Errorf("the broken link is not reported: %v", err)
	}
	for _, w := range []string{"sub/loop", "z-again.txt", ".pptx"} {
		if !strings.Contains(log.String(), filepath.FromSlash(w)) {
			t.Errorf("no warning names %s:\n%s", w, log.String())
		}
	}
}

// One bad byte in a GBK file no longer makes it decode as Big5: the
// readings are scored and GBK's, with one replacement character, wins.
func TestOneBadByteKeepsGBK(t *testing.T) {
	gbk := encode(t, simplifiedchinese.GBK, genSimp)
	// Bytes that cannot start a GBK character, a cut 4-byte sequence, a bad
	// trail byte, and a lead byte whose partner was lost at a line break.
	for _, bad := range [][]byte{{0xFF}, {0x80}, {0x81, 0x30}, {0xFE, 0x7F}, {0xA1, '\n'}} {
		for _, at := range []int{0, 10, len(gbk) / 2, len(gbk)} {
			at -= at % 2 // between two characters
			b := slices.Concat(gbk[:at], bad, gbk[at:])
			s, name, err := decodeText(b, false)
			if err != nil {
				t.Fatalf("bad % x at %d: %v", bad, at, err)
			}
			if name != "gb18030" || !strings.Contains(s, "三问工作法") || !strings.Contains(s, "社区党委书记") {
				t.Errorf("bad % x at %d: decoded as %s: %q", bad, at, name, s)
			}
		}
	}
	// And the Traditional article in Big5, with a bad byte too, stays Big5.
	big5 := encode(t, traditionalchinese.Big5, genTrad)
	b := slices.Concat(big5[:20], []byte{0xFF}, big5[20:])
	if s, name, err := decodeText(b, false); err != nil || name != "big5" || !strings.Contains(s, "三問工作法") {
		t.Errorf("big5 with a bad byte: %s %v %q", name, err, s)
	}
}

// A file whose best reading is mostly unusual characters (random byte
// pairs that are all valid GBK and Big5; rare Han in valid UTF-8) is
// reported and not indexed, while the good article beside it loads.
func TestGibberishIsReportedNotIndexed(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 8))
	var pairs []byte
	for range 400 {
		pairs = append(pairs, byte(0xB0+r.IntN(0xF7-0xB0)), byte(0xA1+r.IntN(0xFE-0xA1)))
	}
	var rare strings.Builder
	for range 300 {
		rare.WriteRune(rune(0x3400 + r.IntN(0x4DB5-0x3400))) // CJK extension A
	}
	rare.WriteString("。")
	dir := t.TempDir()
	writeFile(t, dir, "good.txt", []byte(genSimp))
	writeFile(t, dir, "pairs.txt", pairs)
	writeFile(t, dir, "rare.txt", []byte(rare.String()))
	as, err := LoadDir(context.Background(), dir)
	if got := ids(as); !slices.Equal(got, []string{"good"}) {
		t.Errorf("indexed %v, want only [good]", got)
	}
	for _, f := range []string{"pairs.txt", "rare.txt"} {
		if err == nil || !strings.Contains(err.Error(), f) || !errors.Is(err, ErrUndecodable) {
			t.Errorf("%s not reported as undecodable: %v", f, err)
		}
	}
	if err != nil && !strings.Contains(err.Error(), "mostly unusual characters") {
		t.Errorf("the report does not say why: %v", err)
	}
}
