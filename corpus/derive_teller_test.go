package corpus

import "testing"

// TestSelfToldColumnTeller: a column told in the first person names its
// teller in a credit line (口述：…) or in its headline (【…自述】name：…);
// she is Meta.Author, so her 我 is hers. A plain report has no teller.
func TestSelfToldColumnTeller(t *testing.T) {
	nt := newNameTables()
	for _, c := range []struct{ title, text, want string }{
		{"在老街当了十五年大管家", "口述：蒋玉梅（寿春路社区党委书记）  整理：本报记者 孙立\n我叫蒋玉梅，今年49岁。\n", "蒋玉梅"},
		{"", "口述：鄒麗娟　整理：本報記者 林可\n我2016年到蓮花社區任黨委書記。\n", "邹丽娟"},
		{"【社区书记自述】蒋玉梅：在老街当“大管家”", "我叫蒋玉梅，今年49岁。\n", "蒋玉梅"},
		{"蒋玉梅：在老街当“大管家”", "社区党委书记蒋玉梅今年49岁。\n", ""},
	} {
		if got := deriveSpeaker(c.title, c.text, nt); got != c.want {
			t.Errorf("deriveSpeaker(%q, %q) = %q, want %q", c.title, c.text, got, c.want)
		}
	}
}
