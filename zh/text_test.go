package zh

import (
	"testing"
	"unicode"
	"unicode/utf16"
)

// The fast path must agree with unicode.Han everywhere.
func TestIsHanMatchesUnicode(t *testing.T) {
	for r := rune(0); r <= 0x3FFFF; r++ {
		if IsHan(r) != unicode.Is(unicode.Han, r) {
			t.Fatalf("IsHan(%U) = %v, unicode.Han says %v", r, IsHan(r), !IsHan(r))
		}
	}
	if HanCount("二〇二一年，社區ab々") != 8 {
		t.Errorf("HanCount = %d", HanCount("二〇二一年，社區ab々"))
	}
}

func TestIsCJK(t *testing.T) {
	for _, r := range "中。，「」　！Ａ“”‘’…—〇" {
		if !IsCJK(r) {
			t.Errorf("IsCJK(%q) = false", r)
		}
	}
	for _, r := range "a1,.!?- \"'한アㄅ" {
		if r != 'ア' && r != 'ㄅ' && IsCJK(r) {
			t.Errorf("IsCJK(%q) = true", r)
		}
	}
}

func TestFoldWidth(t *testing.T) {
	for in, want := range map[string]string{
		"ＡＢＣ１２３，！":  "ABC123,!",
		"社区　网格":     "社区 网格",
		"plain 文本。": "plain 文本。",
		"":          "",
		"（５元／月）～":   "(5元/月)~",
	} {
		if got := FoldWidth(in); got != want {
			t.Errorf("FoldWidth(%q) = %q, want %q", in, got, want)
		}
	}
	if FoldWidthRune('。') != '。' || FoldWidthRune('＂') != '"' || FoldWidthRune('\u3000') != ' ' {
		t.Error("FoldWidthRune")
	}
}

func TestUTF16Len(t *testing.T) {
	for _, s := range []string{"", "abc", "社区", "😀🎉", "a😀社\u00e9", "\xff\xfe"} {
		if got, want := UTF16Len(s), len(utf16.Encode([]rune(s))); got != want {
			t.Errorf("UTF16Len(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestAllHan(t *testing.T) {
	for s, want := range map[string]bool{"社区": true, "〇々": true, "": false, "社区a": false, "四单。": false} {
		if AllHan(s) != want {
			t.Errorf("AllHan(%q) = %v", s, !want)
		}
	}
}
