package zh

import (
	"strings"
	"unicode/utf8"
)

// Script is a Chinese writing system: Simplified or Traditional. Its values
// are the lower-case BCP 47 script subtags ("hans", "hant"), which is also
// how scripts are written in JSON, stored data, front matter, callback data
// and flags, so a Script can be stored and decoded as the string it is. The
// zero value means the script is not known (DetectScript could not tell);
// where a script must be chosen, it reads as Simplified.
type Script string

// The two scripts.
const (
	Simplified  Script = "hans"
	Traditional Script = "hant"
)

// String returns the wire form, "hans" or "hant" ("" when unknown).
func (s Script) String() string { return string(s) }

// Known reports whether s is Simplified or Traditional.
func (s Script) Known() bool { return s == Simplified || s == Traditional }

// Or returns s when it is known, else def.
func (s Script) Or(def Script) Script {
	if s.Known() {
		return s
	}
	return def
}

// Pick returns hant for Traditional and hans otherwise: the way to choose
// between a sentence written out in both scripts.
func (s Script) Pick(hans, hant string) string {
	if s == Traditional {
		return hant
	}
	return hans
}

// Convert writes text in script s: ToTraditional for Traditional,
// ToSimplified otherwise (Simplified text comes back unchanged). It is the
// one converter for text shown to users; Traditional comes out in Taiwan's
// standard forms, the forms the hand-written Traditional messages use.
func (s Script) Convert(text string) string {
	if s == Traditional {
		return ToTraditional(text)
	}
	return ToSimplified(text)
}

// ParseScript reads a script name as people and files write it: the wire
// forms (hans, hant), language tags (zh-Hant, zh-TW, zh-HK, zh-Hans,
// zh-CN, zh-SG), English (traditional, simplified) and Chinese (繁體, 繁体,
// 簡體, 简体), in any case and with surrounding space. ok is false for
// anything else, with the zero Script.
func ParseScript(name string) (s Script, ok bool) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "hant", "zh-hant", "zh-tw", "zh-hk", "traditional", "繁體", "繁体":
		return Traditional, true
	case "hans", "zh-hans", "zh-cn", "zh-sg", "simplified", "簡體", "简体":
		return Simplified, true
	}
	return "", false
}

// ConvertNames is Convert for text holding the given people's names
// (Simplified): each name comes out as a name, not as the words its
// characters also spell. OpenCC's tables turn 于海燕 into 於海燕 and 范 into
// 範, right for the words and wrong for the surnames.
func (s Script) ConvertNames(text string, names []string) string {
	out := s.Convert(text)
	if s != Traditional {
		return out
	}
	for _, n := range names {
		if naive, proper := ToTraditional(n), TraditionalName(n); naive != proper {
			out = strings.ReplaceAll(out, naive, proper)
		}
	}
	return out
}

// TraditionalName writes a person's name (Simplified) in Traditional: the
// given name converted, a surname that is its own Traditional form kept
// (于, 余, 范, 岳 …).
func TraditionalName(name string) string {
	if r, n := utf8.DecodeRuneInString(name); n > 0 && strings.ContainsRune(ownTraditionalSurnames, r) {
		return name[:n] + ToTraditional(name[n:])
	}
	return ToTraditional(name)
}

// ownTraditionalSurnames are surnames written the same in both scripts
// whose character the conversion tables turn into another word's (于 → 於,
// 余 → 餘, 范 → 範, 岳 → 嶽, 栗 → 慄, 干 → 幹, 党 → 黨, 卜 → 蔔, 曲 → 麴, 朴 → 樸).
const ownTraditionalSurnames = "于余范岳栗干党卜曲朴"
