package corpus

import "testing"

func TestSourceLine(t *testing.T) {
	t.Parallel()
	cases := []struct {
		m    Meta
		want string
	}{
		{Meta{ID: "a", Leader: "李亚玲", Title: "担当作为"}, "李亚玲 · 《担当作为》"},
		{Meta{ID: "b", Leader: "吳中蘭", Title: "吳中蘭", Place: "重慶市渝中區"}, "吳中蘭 · 重慶市渝中區"},
		{Meta{ID: "c", Leader: "郭佳", Source: "共產黨員網"}, "郭佳 · 共產黨員網"},
		{Meta{ID: "d"}, "d"},
	}
	for _, c := range cases {
		if got := c.m.SourceLine(); got != c.want {
			t.Errorf("SourceLine(%+v) = %q, want %q", c.m, got, c.want)
		}
	}
}
