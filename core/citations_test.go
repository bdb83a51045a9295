package core

import (
	"reflect"
	"testing"
)

func TestRenumber(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in   string
		n    int
		out  string
		used []int
	}{
		{"甲[2]。乙[1]。", 5, "甲[1]。乙[2]。", []int{1, 0}},
		{"甲[7]。乙[3]。", 5, "甲。乙[1]。", []int{2}},
		{"甲[1,3]。乙【3】丙[1][1]", 3, "甲[1][2]。乙[2]丙[1]", []int{0, 2}},
		{"没有标注", 3, "没有标注", nil},
		{"甲[0]乙[12]", 3, "甲乙", nil},
		{"甲[2、4]", 5, "甲[1][2]", []int{1, 3}},
		// Markers of any length: renumbered when they name a passage,
		// removed otherwise (4+ digits used to survive untouched).
		{"甲[1234]乙[0003]丙[12345678901]丁[99999999999999999999999]", 5, "甲乙[1]丙丁", []int{2}},
		{"甲【1000，2】乙[2][0002]", 3, "甲[1]乙[1]", []int{1}},
	}
	for _, c := range cases {
		out, used := renumber(c.in, c.n)
		if out != c.out || !reflect.DeepEqual(used, c.used) {
			t.Errorf("renumber(%q,%d) = %q %v, want %q %v", c.in, c.n, out, used, c.out, c.used)
		}
	}
}

func TestStripPartialMarker(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"民主议单[":            "民主议单",
		"民主议单[1":           "民主议单",
		"民主议单[1]":          "民主议单[1]",
		"民主议单":             "民主议单",
		"见【2":              "见",
		"见[12345678901234": "见",
		"见[注":              "见[注",
	} {
		if got := stripPartialMarker(in); got != want {
			t.Errorf("stripPartialMarker(%q) = %q, want %q", in, got, want)
		}
	}
}
