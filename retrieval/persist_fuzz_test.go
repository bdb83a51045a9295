package retrieval

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"testing"

	"bangyang/corpus"
)

// validIndexFile is a real index file of a few seed chunks.
func validIndexFile(t testing.TB) []byte {
	t.Helper()
	dir := t.TempDir()
	idx, err := Open(context.Background(), dir, NewLocalEmbedderDims(8))
	if err != nil {
		t.Fatal(err)
	}
	// Hand-made chunks: the fuzzing workers rebuild this seed, and the
	// seed corpus costs seconds under coverage instrumentation.
	var chunks []corpus.Chunk
	for i, text := range []string{"民众点单、社区派单、党员接单、群众评单。", "仁和家访：走进千家万户。", "网格化管理，小事不出网格。"} {
		chunks = append(chunks, corpus.Chunk{ID: fmt.Sprintf("a#%d", i), ArticleID: "a", Seq: i, Text: text,
			Meta: corpus.Meta{ID: "a", Title: "四单工作法", Leader: "张影", Aliases: []string{"小张书记"}}})
	}
	if _, err := idx.Update(context.Background(), chunks); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, indexFile))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// seal gives body a valid trailer checksum, as a crafted file would have.
func seal(body []byte) []byte {
	out := append([]byte(nil), body...)
	return binary.LittleEndian.AppendUint32(out, crc32.Checksum(out, castagnoli))
}

// forged builds an index file whose checksum is right but whose counts lie.
func forged(dims uint32, metaCount uint64, metas []string, chunkCount uint64, rest []byte) []byte {
	b := []byte(fileMagic)
	b = binary.LittleEndian.AppendUint32(b, fileVersion)
	b = appendStr(b, "local-8")
	b = binary.LittleEndian.AppendUint32(b, dims)
	b = binary.AppendUvarint(b, metaCount)
	for _, m := range metas {
		b = appendStr(b, m)
	}
	b = binary.AppendUvarint(b, chunkCount)
	b = append(b, rest...)
	b = binary.LittleEndian.AppendUint64(b, chunkCount)
	return seal(b)
}

// A crafted index.bin with a valid checksum and a forged count is an
// ErrCorruptIndex, never a panic (it was "makeslice: len out of range":
// count × record size overflowed and passed the size check).
func TestForgedCountsAreErrors(t *testing.T) {
	t.Parallel()
	const dims = 8
	recMin := uint64(5 + 32 + 4*dims)
	wrap := ^uint64(0)/recMin + 1 // count × recMin wraps to a few bytes
	pad := make([]byte, 200)
	aliases := `{"aliases":[` + `"",`
	for range 2000 {
		aliases += `"",`
	}
	aliases += `""]}`
	cases := map[string][]byte{
		"chunk count wraps":      forged(dims, 1, []string{"{}"}, wrap, pad),
		"chunk count huge":       forged(dims, 1, []string{"{}"}, 1<<62, pad),
		"meta count huge":        forged(dims, 1<<40, []string{"{}"}, 0, pad),
		"meta count fits bytes":  forged(dims, 150, []string{"{}"}, 0, pad),
		"dims huge":              forged(0xFFFFFFFF, 1, []string{"{}"}, 1, pad),
		"string length huge":     forged(dims, 1, []string{"{}"}, 1, append(binary.AppendUvarint(nil, 1<<60), pad...)),
		"aliases multiplied":     forged(0, 1, []string{aliases}, 3, make([]byte, 3*37)),
		"embedder name too long": seal(append(append([]byte(fileMagic), 1, 0, 0, 0), binary.AppendUvarint(nil, 1<<50)...)),
	}
	for name, raw := range cases {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("decodeIndex panicked: %v", r)
				}
			}()
			if _, err := decodeIndex(context.Background(), raw); !errors.Is(err, ErrCorruptIndex) {
				t.Fatalf("want ErrCorruptIndex, got %v", err)
			}
		})
	}
	// And through Open, as the command sees it.
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, indexFile), cases["chunk count wraps"], 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(context.Background(), dir, NewLocalEmbedderDims(dims)); !errors.Is(err, ErrCorruptIndex) {
		t.Fatalf("Open of a crafted file: %v", err)
	}
}

// FuzzDecodeIndex mutates a valid index file and re-seals its checksum, so
// the mutations reach the decoder's counts and lengths: it must return an
// ErrCorruptIndex or a consistent index, never panic or over-allocate.
func FuzzDecodeIndex(f *testing.F) {
	valid := validIndexFile(f)
	f.Add(valid[:len(valid)-4])
	crafted := forged(8, 1, []string{"{}"}, 3, make([]byte, 300))
	f.Add(crafted[:len(crafted)-4])
	f.Fuzz(func(t *testing.T, body []byte) {
		if len(body) > 1<<20 {
			return
		}
		got, err := decodeIndex(context.Background(), seal(body))
		if err != nil {
			if !errors.Is(err, ErrCorruptIndex) {
				t.Fatalf("error is not ErrCorruptIndex: %v", err)
			}
			return
		}
		if len(got.chunks) != len(got.vecs) || len(got.chunks) != len(got.keys) {
			t.Fatalf("inconsistent index: %d chunks, %d vectors, %d keys", len(got.chunks), len(got.vecs), len(got.keys))
		}
		for i, v := range got.vecs {
			if len(v) != got.dims {
				t.Fatalf("vector %d has %d dims, want %d", i, len(v), got.dims)
			}
		}
	})
}
