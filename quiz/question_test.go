package quiz

import "testing"

func TestCitationFrom(t *testing.T) {
	t.Parallel()
	for c, want := range map[Citation]string{
		{Title: "标题", Leader: "郭佳"}: "出自《标题》（郭佳）",
		{Title: "标题"}:               "出自《标题》",
		{Leader: "郭佳"}:              "出自关于郭佳的报道",
		{}:                          "原文",
	} {
		if got := c.From(); got != want {
			t.Errorf("%+v.From() = %q, want %q", c, got, want)
		}
	}
}
