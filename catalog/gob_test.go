package catalog

import (
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"reflect"
	"testing"
)

func TestGobRoundTrip(t *testing.T) {
	t.Parallel()
	c, err := Build(context.Background(), seedChunks(t))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(c); err != nil {
		t.Fatal(err)
	}
	var back Catalog
	if err := gob.NewDecoder(&buf).Decode(&back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back.Methods(), c.Methods()) || !reflect.DeepEqual(back.Leaders(), c.Leaders()) {
		t.Fatal("methods or leaders differ after a gob round trip")
	}
	m, _, ok := back.FindMethod("四單工作法")
	if !ok || m.Name != "四单工作法" {
		t.Fatalf("lookup after decoding: %+v %v", m, ok)
	}
	if !reflect.DeepEqual(back.byChunk, c.byChunk) {
		t.Fatal("chunk mentions differ after decoding")
	}
	raw, _ := (&Catalog{}).GobEncode()
	var old bytes.Buffer
	_ = gob.NewEncoder(&old).Encode(catalogJSON{Version: "catalog-0"})
	if err := back.GobDecode(old.Bytes()); !errors.Is(err, ErrVersion) {
		t.Fatalf("another version: %v", err)
	}
	if len(raw) == 0 {
		t.Fatal("empty encoding")
	}
}
