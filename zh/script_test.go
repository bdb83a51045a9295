package zh

import (
	"encoding/json"
	"testing"
)

func TestParseScript(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Script
		ok   bool
	}{
		{"hans", Simplified, true},
		{"hant", Traditional, true},
		{" zh-Hant ", Traditional, true},
		{"zh-TW", Traditional, true},
		{"zh-hk", Traditional, true},
		{"繁體", Traditional, true},
		{"繁体", Traditional, true},
		{"Traditional", Traditional, true},
		{"zh-CN", Simplified, true},
		{"简体", Simplified, true},
		{"簡體", Simplified, true},
		{"simplified", Simplified, true},
		{"", "", false},
		{"latn", "", false},
		{"zh", "", false},
	} {
		got, ok := ParseScript(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("ParseScript(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestScriptWireForm(t *testing.T) {
	// Stored data and JSON output spell scripts "hans"/"hant": the type
	// must encode and decode as exactly that.
	type rec struct {
		Script Script `json:"script"`
	}
	for _, s := range []Script{Simplified, Traditional, ""} {
		b, err := json.Marshal(rec{s})
		if err != nil {
			t.Fatal(err)
		}
		want := `{"script":"` + string(s) + `"}`
		if string(b) != want {
			t.Errorf("json of %q = %s, want %s", s, b, want)
		}
		var back rec
		if err := json.Unmarshal(b, &back); err != nil || back.Script != s {
			t.Errorf("round trip of %q = %q, %v", s, back.Script, err)
		}
	}
	if Simplified.String() != "hans" || Traditional.String() != "hant" {
		t.Errorf("String() = %q, %q", Simplified.String(), Traditional.String())
	}
}

func TestScriptChoices(t *testing.T) {
	if Script("").Known() || !Simplified.Known() || !Traditional.Known() || Script("latn").Known() {
		t.Error("Known is wrong")
	}
	if Script("").Or(Traditional) != Traditional || Simplified.Or(Traditional) != Simplified || Script("x").Or(Simplified) != Simplified {
		t.Error("Or is wrong")
	}
	if Traditional.Pick("简", "繁") != "繁" || Simplified.Pick("简", "繁") != "简" || Script("").Pick("简", "繁") != "简" {
		t.Error("Pick is wrong")
	}
	for _, c := range []struct {
		s        Script
		in, want string
	}{
		{Traditional, "社区群众", "社區群眾"},
		{Traditional, "社區群眾", "社區群眾"},
		{Simplified, "社區群眾", "社区群众"},
		{Simplified, "社区群众", "社区群众"},
		{"", "社區", "社区"}, // unknown reads as Simplified
	} {
		if got := c.s.Convert(c.in); got != c.want {
			t.Errorf("%q.Convert(%q) = %q, want %q", c.s, c.in, got, c.want)
		}
	}
}

// TestConvertNames: a name comes out as a name in Traditional (于海燕, not
// 於海燕; 范桂芝, not 範桂芝), the words around it as words.
func TestConvertNames(t *testing.T) {
	names := []string{"于海燕", "范桂芝", "栗秀兰", "郭佳"}
	got := Traditional.ConvertNames("于海燕、范桂芝和栗秀兰于是找到郭佳，说起范围。", names)
	want := "于海燕、范桂芝和栗秀蘭於是找到郭佳，說起範圍。"
	if got != want {
		t.Errorf("ConvertNames = %q, want %q", got, want)
	}
	// The characters of a word before it are the word's: 位于海燕路 is 位於.
	if got := Traditional.ConvertNames("社区位于海燕路，于海燕在这里工作。", names); got != "社區位於海燕路，于海燕在這裡工作。" {
		t.Errorf("ConvertNames = %q", got)
	}
	// A name is converted by its characters, not as a phrase: 方志强 is
	// no 地方志 (方誌).
	if got := Traditional.ConvertNames("方志强发现", []string{"方志强"}); got != "方志強發現" {
		t.Errorf("ConvertNames = %q, want 方志強發現", got)
	}
	if s := Simplified.ConvertNames("於海燕", names); s != ToSimplified("於海燕") {
		t.Errorf("Simplified ConvertNames = %q", s)
	}
}

// TestConvertNamesKeepsATitledSurname: a surname that is its own
// Traditional form stays itself before a title, whoever it is (范书记 is
// no 範書記), and a word ending in it is still the word's.
func TestConvertNamesKeepsATitledSurname(t *testing.T) {
	got := Traditional.ConvertNames("范书记说，于主任和余大姐示范书写，范围很广。这都归功于书记，得益于老师。", nil)
	want := "范書記說，于主任和余大姐示範書寫，範圍很廣。這都歸功於書記，得益於老師。"
	if got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
