package retrieval

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
	"math"
	"os"
	"path/filepath"
	"time"
	"unsafe"

	"bangyang/atomicfile"
	"bangyang/corpus"
)

// On-disk format (one file, little-endian, written whole and renamed into
// place so a crash never leaves a half-written index):
//
//	magic   "BYRIDX\x00\x01"
//	version u32 (fileVersion)
//	name    str            embedder name
//	dims    u32
//	metas   uvarint n, then n × str (JSON of corpus.Meta; shared by chunks)
//	chunks  uvarint n, then n × {
//	          id, article str; seq varint; text, norm str; meta uvarint;
//	          key [32]byte (sha256 of the embedded text); dims × f32 }
//	trailer u64 chunk count again, then u32 CRC-32C of every byte before it
//
// str is uvarint length + UTF-8 bytes. Meta is JSON so fields added to
// corpus.Meta survive without a format change; Chunk's own fields are
// binary for load speed (TestChunkFieldsCovered guards against new ones).
const (
	maxDims     = 1 << 16 // no embedding model comes near
	maxAliases  = 1024    // names of one leader
	indexFile   = "index.bin"
	tempPrefix  = "index.bin.tmp-"
	fileMagic   = "BYRIDX\x00\x01"
	fileVersion = 1
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

var nativeLittleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

type indexFileData struct {
	embName string
	dims    int
	chunks  []corpus.Chunk
	keys    [][sha256.Size]byte
	vecs    [][]float32
}

// finishFile writes the last bytes of a file streamed through bw into f
// (its checksum), flushes and commits it over its path (atomicfile: fsync,
// rename, fsync the directory). beforeRename (tests) runs once every byte
// is written, before the commit.
func finishFile(f *atomicfile.File, bw *bufio.Writer, tail []byte, what string, beforeRename func() error) error {
	if _, err := bw.Write(tail); err != nil {
		return fmt.Errorf("retrieval: write %s: %w", what, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("retrieval: write %s: %w", what, err)
	}
	if beforeRename != nil {
		if err := beforeRename(); err != nil {
			return err
		}
	}
	if err := f.Commit(); err != nil {
		return fmt.Errorf("retrieval: install %s: %w", what, err)
	}
	return nil
}

// writeIndexFile persists st atomically: temp file in the same directory,
// fsync, rename over the old file, fsync the directory.
func (ix *Index) writeIndexFile(ctx context.Context, st *state) (err error) {
	if err := os.MkdirAll(ix.dir, 0o755); err != nil {
		return fmt.Errorf("retrieval: create data dir: %w", err)
	}
	f, err := atomicfile.Create(filepath.Join(ix.dir, indexFile), 0o600, atomicfile.TempPattern(tempPrefix+"*"))
	if err != nil {
		return fmt.Errorf("retrieval: create temp index: %w", err)
	}
	defer f.Close() // discards the temp file unless committed
	crc := crc32.New(castagnoli)
	bw := bufio.NewWriterSize(f, 1<<20)
	var buf []byte
	emit := func() error {
		crc.Write(buf)
		_, err := bw.Write(buf)
		buf = buf[:0]
		return err
	}

	buf = append(buf, fileMagic...)
	buf = binary.LittleEndian.AppendUint32(buf, fileVersion)
	buf = appendStr(buf, st.embName)
	buf = binary.LittleEndian.AppendUint32(buf, uint32(st.dims))

	metaIdx := map[string]int{}
	var metas []string
	refs := make([]int, len(st.chunks))
	for i, c := range st.chunks {
		b, err := json.Marshal(c.Meta)
		if err != nil {
			return fmt.Errorf("retrieval: encode meta: %w", err)
		}
		j, ok := metaIdx[string(b)]
		if !ok {
			j = len(metas)
			metaIdx[string(b)] = j
			metas = append(metas, string(b))
		}
		refs[i] = j
	}
	buf = binary.AppendUvarint(buf, uint64(len(metas)))
	for _, m := range metas {
		buf = appendStr(buf, m)
	}
	buf = binary.AppendUvarint(buf, uint64(len(st.chunks)))
	if err := emit(); err != nil {
		return fmt.Errorf("retrieval: write index: %w", err)
	}
	for i, c := range st.chunks {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("retrieval: write index: %w", err)
			}
		}
		if i == len(st.chunks)/2 && ix.hook != nil {
			if err := bw.Flush(); err != nil {
				return fmt.Errorf("retrieval: write index: %w", err)
			}
			if err := ix.hook("records"); err != nil {
				return err
			}
		}
		buf = appendStr(buf, c.ID)
		buf = appendStr(buf, c.ArticleID)
		buf = binary.AppendVarint(buf, int64(c.Seq))
		buf = appendStr(buf, c.Text)
		buf = appendStr(buf, c.Norm)
		buf = binary.AppendUvarint(buf, uint64(refs[i]))
		buf = append(buf, st.keys[i][:]...)
		for _, x := range st.vecs[i] {
			buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(x))
		}
		if err := emit(); err != nil {
			return fmt.Errorf("retrieval: write index: %w", err)
		}
	}
	buf = binary.LittleEndian.AppendUint64(buf, uint64(len(st.chunks)))
	if err := emit(); err != nil {
		return fmt.Errorf("retrieval: write index: %w", err)
	}
	var beforeRename func() error
	if ix.hook != nil {
		beforeRename = func() error { return ix.hook("before-rename") }
	}
	return finishFile(f, bw, binary.LittleEndian.AppendUint32(buf, crc.Sum32()), "index", beforeRename)
}

func appendStr(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// staleTemp is how old a temp file must be before it counts as left over
// by an interrupted write; a younger one may belong to another process
// writing right now.
const staleTemp = time.Hour

// readIndexFile loads dir's index; nil, nil when there is none yet.
// Leftover temp files from an interrupted write are removed.
func readIndexFile(ctx context.Context, dir string) (*indexFileData, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("retrieval: create data dir: %w", err)
	}
	_, _ = atomicfile.RemoveTemps(dir, tempPrefix, staleTemp) // best effort: a leftover only takes space
	path := filepath.Join(dir, indexFile)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("retrieval: read index: %w", err)
	}
	f, err := decodeIndex(ctx, data)
	if err != nil {
		return nil, fmt.Errorf("retrieval: %s: %w", path, err)
	}
	return f, nil
}

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: truncated or malformed %s", ErrCorruptIndex, what)
	}
	d.b = nil
}

func (d *decoder) uvarint(what string) uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail(what)
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) varint(what string) int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail(what)
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) bytes(n uint64, what string) []byte {
	if uint64(len(d.b)) < n {
		d.fail(what)
		return nil
	}
	v := d.b[:n]
	d.b = d.b[n:]
	return v
}

func (d *decoder) str(what string) string {
	return string(d.bytes(d.uvarint(what), what))
}

func (d *decoder) u32(what string) uint32 {
	b := d.bytes(4, what)
	if b == nil {
		return 0
	}
	return binary.LittleEndian.Uint32(b)
}

func decodeIndex(ctx context.Context, data []byte) (*indexFileData, error) {
	if len(data) < len(fileMagic)+4+12 || string(data[:len(fileMagic)]) != fileMagic {
		return nil, fmt.Errorf("%w: not an index file", ErrCorruptIndex)
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.Checksum(body, castagnoli) != sum {
		return nil, fmt.Errorf("%w: checksum mismatch", ErrCorruptIndex)
	}
	d := &decoder{b: body[len(fileMagic) : len(body)-8]}
	if v := d.u32("version"); v != fileVersion {
		return nil, fmt.Errorf("%w: unsupported version %d", ErrCorruptIndex, v)
	}
	// Every count and length is checked against the bytes that remain
	// before anything is allocated: a forged count in a file whose
	// checksum matches (a crafted file) is an error, never a huge
	// allocation or a makeslice panic.
	f := &indexFileData{embName: d.str("embedder name")}
	dims := uint64(d.u32("dims"))
	if d.err != nil {
		return nil, d.err
	}
	if dims > uint64(len(d.b))/4 || dims > maxDims {
		return nil, fmt.Errorf("%w: %d dimensions do not fit the file", ErrCorruptIndex, dims)
	}
	f.dims = int(dims)
	nm := d.uvarint("meta count")
	if nm > uint64(len(d.b)) { // each meta takes at least its length byte
		return nil, fmt.Errorf("%w: meta count %d", ErrCorruptIndex, nm)
	}
	// Grown as decoded, not sized by the count: a Meta is far larger in
	// memory than the few bytes a forged one takes on disk.
	metas := make([]corpus.Meta, 0, min(nm, 1024))
	for i := uint64(0); i < nm && d.err == nil; i++ {
		var m corpus.Meta
		if err := json.Unmarshal(d.bytes(d.uvarint("meta"), "meta"), &m); err != nil && d.err == nil {
			return nil, fmt.Errorf("%w: meta %d: %v", ErrCorruptIndex, i, err)
		}
		// Each chunk gets its own copy of the aliases: a forged list of
		// thousands would multiply by the chunk count.
		if len(m.Aliases) > maxAliases {
			return nil, fmt.Errorf("%w: meta %d has %d aliases", ErrCorruptIndex, i, len(m.Aliases))
		}
		metas = append(metas, m)
	}
	n := d.uvarint("chunk count")
	// A record is at least five one-byte fields, the key and the vector;
	// dividing (not multiplying) keeps a forged count from overflowing.
	recMin := uint64(5 + sha256.Size + 4*f.dims)
	if d.err != nil || n > uint64(len(d.b))/recMin {
		return nil, fmt.Errorf("%w: chunk count %d does not fit the file", ErrCorruptIndex, n)
	}
	f.chunks = make([]corpus.Chunk, n)
	f.keys = make([][sha256.Size]byte, n)
	f.vecs = make([][]float32, n)
	arena := make([]float32, int(n)*f.dims) // one allocation: vectors stay contiguous
	for i := range f.chunks {
		if i%8192 == 0 && ctx.Err() != nil {
			return nil, fmt.Errorf("retrieval: load index: %w", ctx.Err())
		}
		c := &f.chunks[i]
		c.ID = d.str("chunk id")
		c.ArticleID = d.str("article id")
		c.Seq = int(d.varint("seq"))
		c.Text = d.str("text")
		c.Norm = d.str("norm")
		mi := d.uvarint("meta ref")
		if mi >= uint64(len(metas)) {
			d.fail("meta ref")
		} else {
			c.Meta = metas[mi]
			c.Meta.Aliases = append([]string(nil), metas[mi].Aliases...)
		}
		copy(f.keys[i][:], d.bytes(sha256.Size, "key"))
		raw := d.bytes(uint64(4*f.dims), "vector")
		if d.err != nil {
			return nil, d.err
		}
		v := arena[i*f.dims : (i+1)*f.dims : (i+1)*f.dims]
		if nativeLittleEndian && len(v) > 0 {
			// The file's layout is the machine's: copy the bytes as they are.
			copy(unsafe.Slice((*byte)(unsafe.Pointer(&v[0])), 4*len(v)), raw)
		} else {
			for j := range v {
				v[j] = math.Float32frombits(binary.LittleEndian.Uint32(raw[4*j:]))
			}
		}
		f.vecs[i] = v
	}
	if d.err != nil {
		return nil, d.err
	}
	if len(d.b) != 0 {
		return nil, fmt.Errorf("%w: %d stray bytes", ErrCorruptIndex, len(d.b))
	}
	if cnt := binary.LittleEndian.Uint64(body[len(body)-8:]); cnt != n {
		return nil, fmt.Errorf("%w: trailer count %d, header %d", ErrCorruptIndex, cnt, n)
	}
	return f, nil
}
