package retrieval

// termCounter counts distinct token keys of one text with an
// open-addressing table reused across texts: sorting every text's tokens
// was the largest cost of indexing and loading 100k chunks.
type termCounter struct {
	keys  []uint64
	count []uint32
	used  []int32 // slots in insertion order
	mask  uint64
}

// reset prepares for a text of about n tokens.
func (c *termCounter) reset(n int) {
	size := 64
	for size < 2*n {
		size <<= 1
	}
	if len(c.keys) < size {
		c.keys = make([]uint64, size)
		c.count = make([]uint32, size)
		c.mask = uint64(size - 1)
	} else {
		for _, s := range c.used {
			c.count[s] = 0
		}
	}
	c.used = c.used[:0]
}

func (c *termCounter) add(k uint64) {
	i := mix64(k) & c.mask
	for c.count[i] != 0 && c.keys[i] != k {
		i = (i + 1) & c.mask
	}
	if c.count[i] == 0 {
		c.keys[i] = k
		c.used = append(c.used, int32(i))
	}
	c.count[i]++
}

// each calls fn for every distinct key with its count, in first-seen order.
func (c *termCounter) each(fn func(k uint64, n uint32)) {
	for _, s := range c.used {
		fn(c.keys[s], c.count[s])
	}
}
