package retrieval

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"unsafe"

	"bangyang/atomicfile"
)

// The BM25 postings are persisted next to the index file, in bm25.bin, so
// that opening an index does not re-normalise and re-tokenise every chunk
// (most of a cold start at 100k chunks). The file is a cache: it is used
// only when it was built from exactly the texts the index holds (the
// digest of the chunks' text keys, which hash the normalised texts) by
// this tokenizer and vocabulary (tokenizerDigest); otherwise BM25 is
// rebuilt from the texts and the file rewritten. index.bin's format is
// unchanged, so older and newer binaries share an index.
//
//	magic   "BYBM25\x00\x01"
//	digest  [32]byte  sha256(tokenizerDigest, every chunk key in order)
//	n       u64       documents
//	avgLen  f64
//	terms   u64 count, then count × u64 term keys in term-id order
//	off     (terms+1) × u32
//	post    u64 count, then count × u32
//	docNorm n × f32
//	crc     u32 CRC-32C of every byte before it
const (
	bm25File       = "bm25.bin"
	bm25TempPrefix = "bm25.bin.tmp-"
	bm25Magic      = "BYBM25\x00\x01"
	// bm25Format changes whenever keywordTokens or the BM25 layout does.
	bm25Format = "keyword-tokens-1"
)

// tokenizerDigest names what the postings depend on besides the texts:
// the token scheme and the vocabulary rewrites (variants.tsv) applied to
// the texts before their keys were hashed.
func tokenizerDigest() [sha256.Size]byte {
	return sha256.Sum256([]byte(bm25Format + "\x00" + variantsTSV))
}

func bm25Digest(keys [][sha256.Size]byte) [sha256.Size]byte {
	h := sha256.New()
	td := tokenizerDigest()
	h.Write(td[:])
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(keys)))
	h.Write(n[:])
	for i := range keys {
		h.Write(keys[i][:])
	}
	var out [sha256.Size]byte
	copy(out[:], h.Sum(nil))
	return out
}

// writeBM25File persists st's postings atomically (temp file, rename).
func writeBM25File(dir string, st *state) (err error) {
	f, err := atomicfile.Create(filepath.Join(dir, bm25File), 0o600, atomicfile.TempPattern(bm25TempPrefix+"*"))
	if err != nil {
		return fmt.Errorf("retrieval: create temp bm25: %w", err)
	}
	defer f.Close() // discards the temp file unless committed
	bm := st.bm
	keys := make([]uint64, len(bm.terms))
	for k, id := range bm.terms {
		keys[id] = k
	}
	crc := crc32.New(castagnoli)
	bw := bufio.NewWriterSize(f, 1<<20)
	var buf []byte
	emit := func() error {
		crc.Write(buf)
		_, err := bw.Write(buf)
		buf = buf[:0]
		return err
	}
	digest := bm25Digest(st.keys)
	buf = append(buf, bm25Magic...)
	buf = append(buf, digest[:]...)
	buf = binary.LittleEndian.AppendUint64(buf, uint64(bm.n))
	buf = binary.LittleEndian.AppendUint64(buf, math.Float64bits(bm.avgLen))
	buf = binary.LittleEndian.AppendUint64(buf, uint64(len(keys)))
	for _, k := range keys {
		buf = binary.LittleEndian.AppendUint64(buf, k)
		if len(buf) > 1<<16 {
			if err := emit(); err != nil {
				return fmt.Errorf("retrieval: write bm25: %w", err)
			}
		}
	}
	for _, o := range bm.off {
		buf = binary.LittleEndian.AppendUint32(buf, o)
		if len(buf) > 1<<16 {
			if err := emit(); err != nil {
				return fmt.Errorf("retrieval: write bm25: %w", err)
			}
		}
	}
	buf = binary.LittleEndian.AppendUint64(buf, uint64(len(bm.post)))
	for _, p := range bm.post {
		buf = binary.LittleEndian.AppendUint32(buf, p)
		if len(buf) > 1<<16 {
			if err := emit(); err != nil {
				return fmt.Errorf("retrieval: write bm25: %w", err)
			}
		}
	}
	for _, x := range bm.docNorm {
		buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(x))
		if len(buf) > 1<<16 {
			if err := emit(); err != nil {
				return fmt.Errorf("retrieval: write bm25: %w", err)
			}
		}
	}
	if err := emit(); err != nil {
		return fmt.Errorf("retrieval: write bm25: %w", err)
	}
	return finishFile(f, bw, binary.LittleEndian.AppendUint32(buf, crc.Sum32()), "bm25", nil)
}

// errStaleBM25 means bm25.bin is absent, damaged or for other texts.
var errStaleBM25 = errors.New("retrieval: bm25 file does not match the index")

// readBM25File loads the postings for keys, or errStaleBM25.
func readBM25File(dir string, keys [][sha256.Size]byte) (*bm25Index, error) {
	_, _ = atomicfile.RemoveTemps(dir, bm25TempPrefix, staleTemp) // best effort
	data, err := os.ReadFile(filepath.Join(dir, bm25File))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, errStaleBM25
	}
	if err != nil {
		return nil, fmt.Errorf("retrieval: read bm25: %w", err)
	}
	head := len(bm25Magic) + sha256.Size + 8 + 8 + 8
	if len(data) < head+4 || string(data[:len(bm25Magic)]) != bm25Magic {
		return nil, errStaleBM25
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	want := bm25Digest(keys)
	if string(body[len(bm25Magic):len(bm25Magic)+sha256.Size]) != string(want[:]) {
		return nil, errStaleBM25
	}
	if crc32.Checksum(body, castagnoli) != sum {
		return nil, errStaleBM25
	}
	b := body[len(bm25Magic)+sha256.Size:]
	u64 := func() uint64 { v := binary.LittleEndian.Uint64(b); b = b[8:]; return v }
	n := u64()
	avg := math.Float64frombits(u64())
	nt := u64()
	if n != uint64(len(keys)) || n > maxBM25Docs {
		return nil, errStaleBM25
	}
	// Every count is checked against the bytes left before it is used.
	if nt > uint64(len(b))/12 {
		return nil, errStaleBM25
	}
	ix := &bm25Index{n: int(n), avgLen: avg, terms: make(map[uint64]uint32, nt)}
	for id := range nt {
		ix.terms[binary.LittleEndian.Uint64(b[8*id:])] = uint32(id)
	}
	b = b[8*nt:]
	if uint64(len(b)) < 4*(nt+1)+8 {
		return nil, errStaleBM25
	}
	ix.off = u32s(b[:4*(nt+1)])
	b = b[4*(nt+1):]
	np := u64()
	if np > uint64(len(b))/4 || uint64(len(b)) != 4*np+4*n {
		return nil, errStaleBM25
	}
	ix.post = u32s(b[:4*np])
	b = b[4*np:]
	norms := u32s(b)
	ix.docNorm = make([]float32, n)
	for i, x := range norms {
		ix.docNorm[i] = math.Float32frombits(x)
	}
	// The offsets must describe the postings exactly, and every posting
	// must name a document, or a search could index out of range.
	if ix.off[0] != 0 || uint64(ix.off[nt]) != np {
		return nil, errStaleBM25
	}
	for t := range nt {
		if ix.off[t] > ix.off[t+1] {
			return nil, errStaleBM25
		}
	}
	for _, p := range ix.post {
		if uint64(p>>8) >= n {
			return nil, errStaleBM25
		}
	}
	return ix, nil
}

// u32s decodes little-endian uint32s into a new slice.
func u32s(b []byte) []uint32 {
	out := make([]uint32, len(b)/4)
	if nativeLittleEndian && len(out) > 0 {
		copy(unsafe.Slice((*byte)(unsafe.Pointer(&out[0])), 4*len(out)), b)
		return out
	}
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return out
}
