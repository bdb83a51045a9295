package corpus

import "testing"

func TestToUnicodeCMap(t *testing.T) {
	cmap := parseCMapText
	m := cmap(`/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange
2 beginbfchar <41> <0041> <8141> <D83DDE00> endbfchar
3 beginbfrange <8150> <8152> <793E> <8160> <8162> [<533A> <4E66> <8BB0>] <30> <39> <0030> endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end`)
	if m == nil {
		t.Fatal("no map")
	}
	for raw, want := range map[string]string{
		"A":                 "A",
		"\x81\x41":          "😀",
		"\x81\x50\x81\x52":  "社祀", // U+793E + 2
		"\x81\x60\x81\x62":  "区记",
		"2015":              "2015",
		"A\x81\x51\x81\x61": "A礿书",
		"\x81\x99":          "\uFFFD",
	} {
		if got := m.Decode(raw); got != want {
			t.Errorf("Decode(%q) = %q, want %q", raw, got, want)
		}
	}
	// No code space declared: the lengths of the mappings are used.
	m = cmap(`1 beginbfrange <0000> <FFFF> <0000> endbfrange`)
	if got := m.Decode("\x79\x3e\x53\x3a"); got != "社区" {
		t.Errorf("full range without code space: %q", got)
	}
	if cmap(`begincmap endcmap`) != nil {
		t.Error("an empty CMap is a map")
	}
}
