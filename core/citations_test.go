package core

import (
	"reflect"
	"testing"
)

func TestRenumber(t *testing.T) {
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
	}
	for _, c := range cases {
		out, used := renumber(c.in, c.n)
		if out != c.out || !reflect.DeepEqual(used, c.used) {
			t.Errorf("renumber(%q,%d) = %q %v, want %q %v", c.in, c.n, out, used, c.out, c.used)
		}
	}
}

func TestStripPartialMarker(t *testing.T) {
	for in, want := range map[string]string{
		"民主议单[":   "民主议单",
		"民主议单[1":  "民主议单",
		"民主议单[1]": "民主议单[1]",
		"民主议单":    "民主议单",
		"见【2":     "见",
	} {
		if got := stripPartialMarker(in); got != want {
			t.Errorf("stripPartialMarker(%q) = %q, want %q", in, got, want)
		}
	}
}
