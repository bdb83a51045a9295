package catalog

import (
	"bytes"
	"encoding/gob"
	"fmt"
)

// GobEncode writes the catalog with its Version (gob decodes several
// times faster than JSON: at 100k passages the cached catalog is tens of
// megabytes, read at every start).
func (c *Catalog) GobEncode() ([]byte, error) {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(catalogJSON{Version: Version, Methods: c.methods, Leaders: c.leaders}); err != nil {
		return nil, fmt.Errorf("catalog: encode: %w", err)
	}
	return buf.Bytes(), nil
}

// GobDecode reads what GobEncode wrote and rebuilds the indexes; another
// Version fails with ErrVersion.
func (c *Catalog) GobDecode(b []byte) error {
	var cj catalogJSON
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&cj); err != nil {
		return fmt.Errorf("catalog: decode: %w", err)
	}
	if cj.Version != Version {
		return fmt.Errorf("%w: %q, want %q", ErrVersion, cj.Version, Version)
	}
	*c = Catalog{methods: cj.Methods, leaders: cj.Leaders}
	c.index()
	return nil
}
