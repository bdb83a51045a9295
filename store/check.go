package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// The start-up check reads the bbolt file itself (plain reads, no memory
// map, so a short file is an error, not a fault) before bbolt sees it, and
// proves the structure bbolt would otherwise trust blindly:
//
//   - a valid meta page (magic, version, checksum), chosen as bbolt chooses;
//   - the freelist: its count fits its pages, every id is a real page;
//   - every branch page of every bucket and every nested bucket's header:
//     page ids inside the file, page headers that name themselves, element
//     arrays and keys inside their page, and no page reached twice (a
//     bucket or branch that points to itself or an ancestor is the loop
//     that overflowed the stack in bbolt's recursive cursor);
//   - at most leafBudget leaf pages of the buckets' contents (all of the
//     root bucket's, which name the buckets); past the budget a leaf is
//     only proved to be a page of the file that nothing else reaches.
//
// Its cost is bounded: only element headers are read (never values),
// branch pages are about one in a hundred pages, and leaf pages past
// the budget are left to bbolt, where every access runs under guard (a
// panic or a memory fault on a bad leaf becomes ErrCorrupt for that one
// call). Leaves can only hurt a guarded call: our buckets hold plain values,
// and a leaf's only pointer (a nested bucket) is never followed by Get, Put,
// Delete or Each.
const (
	leafBudget  = 2048
	maxDepth    = 64 // B+tree levels; bbolt's trees are a handful deep
	maxNesting  = 16 // buckets inside buckets
	pageHdrSize = 16
	elemSize    = 16
	metaSize    = 64
	metaSumOff  = 56

	boltMagic    = 0xED0CDAED
	boltVersion  = 2
	flagBranch   = 0x01
	flagLeaf     = 0x02
	flagMeta     = 0x04
	flagFreelist = 0x10
	flagBucket   = 0x01 // leaf element holding a nested bucket
	noFreelist   = ^uint64(0)
)

var errCheck = errors.New("bad page structure")

type checker struct {
	f        *os.File
	size     int64
	pageSize int64
	hwm      uint64 // high water mark: pages [0, hwm) exist
	seen     []uint64
	free     []uint64 // bitmap of freelist pages
	leaves   int      // leaf pages read so far
	pages    int      // pages read in total (for the test's figures)
}

func corruptf(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{errCheck}, args...)...)
}

// checkFile verifies path's structure; a missing or empty file passes
// (bbolt creates it). The error wraps errCheck when the content is bad.
func checkFile(path string) (pages int, err error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return 0, err
	}
	if info.Size() == 0 {
		return 0, nil
	}
	c := &checker{f: f, size: info.Size()}
	err = c.run()
	return c.pages, err
}

type meta struct {
	pageSize uint32
	root     uint64
	freelist uint64
	hwm      uint64
	txid     uint64
}

// readMeta parses the meta at file offset off; ok is false when it does
// not validate.
func (c *checker) readMeta(off int64) (meta, bool) {
	buf := make([]byte, pageHdrSize+metaSize)
	if n, _ := c.f.ReadAt(buf, off); n < len(buf) {
		return meta{}, false
	}
	m := buf[pageHdrSize:]
	le := binary.LittleEndian
	if le.Uint32(m[0:]) != boltMagic || le.Uint32(m[4:]) != boltVersion {
		return meta{}, false
	}
	h := fnv.New64a()
	h.Write(m[:metaSumOff])
	if h.Sum64() != le.Uint64(m[metaSumOff:]) {
		return meta{}, false
	}
	return meta{pageSize: le.Uint32(m[8:]), root: le.Uint64(m[16:]), freelist: le.Uint64(m[32:]),
		hwm: le.Uint64(m[40:]), txid: le.Uint64(m[48:])}, true
}

func (c *checker) run() error {
	// The page size comes from the first meta page, else from the second
	// one found at a power-of-two offset (what bbolt does).
	m0, ok0 := c.readMeta(0)
	var ps uint32
	if ok0 {
		ps = m0.pageSize
	} else {
		for i := 0; i <= 14; i++ {
			if m, ok := c.readMeta(1024 << i); ok {
				ps = m.pageSize
				break
			}
		}
	}
	if ps < 1024 || ps > 1<<16 || ps&(ps-1) != 0 {
		return corruptf("no valid meta page")
	}
	c.pageSize = int64(ps)
	m1, ok1 := c.readMeta(c.pageSize)
	if ok0 && m0.pageSize != ps {
		ok0 = false
	}
	if ok1 && m1.pageSize != ps {
		ok1 = false
	}
	// bbolt uses the valid meta with the higher transaction id.
	var m meta
	switch {
	case ok0 && ok1 && m1.txid > m0.txid, ok1 && !ok0:
		m = m1
	case ok0:
		m = m0
	default:
		return corruptf("no valid meta page")
	}
	if m.hwm < 3 || m.hwm > uint64(c.size/c.pageSize) {
		return corruptf("high water mark %d pages, file holds %d", m.hwm, c.size/c.pageSize)
	}
	c.hwm = m.hwm
	c.seen = make([]uint64, (m.hwm+63)/64)
	c.mark(0)
	c.mark(1)
	if m.freelist != noFreelist {
		if err := c.freelist(m.freelist); err != nil {
			return err
		}
	}
	_, err := c.tree(m.root, 0, 0, true)
	return err
}

// mark records page id as reached; false if it already was.
func (c *checker) mark(id uint64) bool {
	w, b := id/64, uint64(1)<<(id%64)
	if c.seen[w]&b != 0 {
		return false
	}
	c.seen[w] |= b
	return true
}

func isSet(bm []uint64, id uint64) bool {
	return bm != nil && bm[id/64]&(1<<(id%64)) != 0
}

// page reads the header and the first n bytes after it of page id, and
// marks the page and its overflow pages as reached.
func (c *checker) page(id uint64, want uint16) (hdr []byte, span int64, err error) {
	if id < 2 || id >= c.hwm {
		return nil, 0, corruptf("page %d outside the file (%d pages)", id, c.hwm)
	}
	hdr = make([]byte, pageHdrSize)
	if _, err := c.f.ReadAt(hdr, int64(id)*c.pageSize); err != nil {
		return nil, 0, corruptf("page %d: %v", id, err)
	}
	c.pages++
	le := binary.LittleEndian
	if got := le.Uint64(hdr); got != id {
		return nil, 0, corruptf("page %d names itself %d", id, got)
	}
	if fl := le.Uint16(hdr[8:]); fl != want {
		if !(want == flagBranch && fl == flagLeaf) {
			return nil, 0, corruptf("page %d: type %#x, want %#x", id, fl, want)
		}
	}
	over := uint64(le.Uint32(hdr[12:]))
	if id+over >= c.hwm {
		return nil, 0, corruptf("page %d: %d overflow pages run past the file", id, over)
	}
	for p := id; p <= id+over; p++ {
		if !c.mark(p) {
			return nil, 0, corruptf("page %d reached twice (a loop or a shared page)", p)
		}
		if isSet(c.free, p) {
			return nil, 0, corruptf("page %d is in use and also free", p)
		}
	}
	return hdr, int64(over+1) * c.pageSize, nil
}

func (c *checker) read(id uint64, off int64, n int64) ([]byte, error) {
	buf := make([]byte, n)
	if _, err := c.f.ReadAt(buf, int64(id)*c.pageSize+off); err != nil && !(errors.Is(err, io.EOF) && n == 0) {
		return nil, corruptf("page %d: %v", id, err)
	}
	return buf, nil
}

func (c *checker) freelist(id uint64) error {
	hdr, span, err := c.page(id, flagFreelist)
	if err != nil {
		return err
	}
	count, start := uint64(binary.LittleEndian.Uint16(hdr[10:])), int64(pageHdrSize)
	if count == 0xFFFF {
		b, err := c.read(id, pageHdrSize, 8)
		if err != nil {
			return err
		}
		count, start = binary.LittleEndian.Uint64(b), pageHdrSize+8
	}
	if count > uint64(span-start)/8 {
		return corruptf("freelist of %d ids does not fit its %d bytes", count, span)
	}
	ids, err := c.read(id, start, int64(count)*8)
	if err != nil {
		return err
	}
	c.free = make([]uint64, len(c.seen))
	for i := uint64(0); i < count; i++ {
		p := binary.LittleEndian.Uint64(ids[8*i:])
		if p < 2 || p >= c.hwm {
			return corruptf("freelist names page %d outside the file", p)
		}
		if isSet(c.seen, p) {
			return corruptf("freelist names page %d, which is in use", p)
		}
		c.free[p/64] |= 1 << (p % 64)
	}
	return nil
}

// tree checks the B+tree rooted at page id of a bucket nested nest deep.
// all: read every leaf (the root bucket: it names the buckets).
func (c *checker) tree(id uint64, depth, nest int, all bool) (leaf bool, err error) {
	if depth > maxDepth {
		return false, corruptf("tree deeper than %d levels", maxDepth)
	}
	hdr, span, err := c.page(id, flagBranch) // branch or leaf
	if err != nil {
		return false, err
	}
	le := binary.LittleEndian
	count := int64(le.Uint16(hdr[10:]))
	if pageHdrSize+count*elemSize > span {
		return false, corruptf("page %d: %d elements overflow the page", id, count)
	}
	leaf = le.Uint16(hdr[8:]) == flagLeaf
	if leaf && !all {
		c.leaves++
	}
	if !leaf && count == 0 {
		return false, corruptf("branch page %d is empty", id)
	}
	elems, err := c.read(id, pageHdrSize, count*elemSize)
	if err != nil {
		return false, err
	}
	if !leaf {
		kidsAreLeaves := false
		for i := int64(0); i < count; i++ {
			e := elems[i*elemSize:]
			pos, ksize := int64(le.Uint32(e)), int64(le.Uint32(e[4:]))
			if end := pageHdrSize + i*elemSize + pos + ksize; ksize == 0 || end > span {
				return false, corruptf("branch page %d: key %d outside the page", id, i)
			}
			child := le.Uint64(e[8:])
			if kidsAreLeaves && !all && c.leaves >= leafBudget {
				// Past the budget a leaf is not read, only proved to be
				// a page of the file that nothing else uses: a pointer
				// to an ancestor (a loop) or to a free page fails here.
				if child < 2 || child >= c.hwm || isSet(c.free, child) || !c.mark(child) {
					return false, corruptf("branch page %d: child %d is outside the file, free or reached twice", id, child)
				}
				continue
			}
			isLeaf, err := c.tree(child, depth+1, nest, all)
			if err != nil {
				return false, err
			}
			kidsAreLeaves = isLeaf
		}
		return false, nil
	}
	return true, c.leafElems(elems, count, span, func(off, n int64) ([]byte, error) { return c.read(id, off, n) },
		fmt.Sprintf("page %d", id), nest)
}

// leafElems checks a leaf's elements (a page's, or an inline bucket's) and
// descends into nested buckets; get reads n bytes at offset off of the
// leaf, which is span bytes long.
func (c *checker) leafElems(elems []byte, count, span int64, get func(off, n int64) ([]byte, error), where string, nest int) error {
	le := binary.LittleEndian
	for i := int64(0); i < count; i++ {
		e := elems[i*elemSize:]
		flags, pos := le.Uint32(e), int64(le.Uint32(e[4:]))
		ksize, vsize := int64(le.Uint32(e[8:])), int64(le.Uint32(e[12:]))
		voff := pageHdrSize + i*elemSize + pos + ksize
		if voff+vsize > span {
			return corruptf("%s: element %d outside the page", where, i)
		}
		if flags&flagBucket == 0 {
			continue
		}
		if nest >= maxNesting {
			return corruptf("buckets nested more than %d deep", maxNesting)
		}
		if vsize < 16 {
			return corruptf("%s: bucket header %d cut short", where, i)
		}
		v, err := get(voff, vsize)
		if err != nil {
			return err
		}
		if root := le.Uint64(v); root != 0 {
			if _, err := c.tree(root, 0, nest+1, false); err != nil {
				return err
			}
			continue
		}
		// An inline bucket: a leaf page stored in the value itself.
		in := v[16:]
		if int64(len(in)) < pageHdrSize || le.Uint16(in[8:]) != flagLeaf {
			return corruptf("%s: inline bucket %d is not a leaf", where, i)
		}
		n := int64(le.Uint16(in[10:]))
		if pageHdrSize+n*elemSize > int64(len(in)) {
			return corruptf("%s: inline bucket %d overflows its value", where, i)
		}
		inGet := func(off, n int64) ([]byte, error) { return in[off : off+n], nil }
		if err := c.leafElems(in[pageHdrSize:], n, int64(len(in)), inGet, where+" inline", nest+1); err != nil {
			return err
		}
	}
	return nil
}
