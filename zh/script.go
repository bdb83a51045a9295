package zh

import (
	"slices"
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
// 範, right for the words and wrong for the surnames. A name's characters
// that end a word before it (位于海燕路, 示范桂…) are the word's, not the
// name's.
func (s Script) ConvertNames(text string, names []string) string {
	if s != Traditional {
		return s.Convert(text)
	}
	// The text is read as it is (a Traditional quote is not folded to
	// Simplified and back); a name is found in either script.
	forms := make([][2]string, len(names))
	for k, n := range names {
		forms[k] = [2]string{n, ToTraditional(n)}
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(text); {
		name, width := nameAt(text, i, forms)
		if name == "" {
			// "范书记", "于大姐": a surname by her title is a name too, known
			// or not.
			name, width = titledSurnameAt(text, i)
		}
		if name == "" {
			_, n := utf8.DecodeRuneInString(text[i:])
			i += n
			continue
		}
		b.WriteString(ToTraditional(text[last:i]))
		b.WriteString(TraditionalName(name))
		i += width
		last = i
	}
	b.WriteString(ToTraditional(text[last:]))
	return b.String()
}

// nameAt is the name (forms[k][0], Simplified; [1] its naive Traditional)
// written at byte i of text in either script, with its width there, unless its first character ends a word
// there (位于, 示范, 其余).
func nameAt(text string, i int, forms [][2]string) (string, int) {
	for _, f := range forms {
		for _, form := range f {
			if !strings.HasPrefix(text[i:], form) {
				continue
			}
			prev, _ := utf8.DecodeLastRuneInString(ToSimplified(text[max(0, i-4):i]))
			if i > 0 && strings.ContainsRune(wordBeforeSurname[firstRune(f[0])], prev) {
				continue
			}
			return f[0], len(form)
		}
	}
	return "", 0
}

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }

// titledSurnameAt is a surname of ownTraditionalSurnames written at byte
// i of text right before a title (范书记, 于主任, 余大姐), with its width,
// where a name may start (示范书记…, 归功于书记 are words').
func titledSurnameAt(text string, i int) (string, int) {
	r, n := utf8.DecodeRuneInString(text[i:])
	if !strings.ContainsRune(ownTraditionalSurnames, r) || r == '党' {
		return "", 0 // (党 before a title is the Party's: 党组长, 党小组长)
	}
	rest := ToSimplified(text[i+n : min(len(text), i+n+12)])
	if !slices.ContainsFunc(surnameTitles, func(t string) bool { return strings.HasPrefix(rest, t) }) {
		return "", 0
	}
	// Only where a name may start: the text's start, after punctuation or
	// a joining word (归功于书记 is 於, a word's end).
	prev, _ := utf8.DecodeLastRuneInString(ToSimplified(text[max(0, i-4):i]))
	if i > 0 && IsHan(prev) && !strings.ContainsRune("和与跟同及说是找请让给叫向对由被", prev) {
		return "", 0
	}
	return string(r), n
}

// surnameTitles follow a surname to name a person (范书记, 老于 is not
// among them: 老 comes before).
var surnameTitles = []string{"书记", "主任", "大姐", "姐", "阿姨", "大妈", "大爷", "大伯", "老师", "师傅", "队长", "站长", "主席", "组长", "楼长", "院长", "经理", "先生", "女士", "奶奶", "爷爷"}

// wordBeforeSurname are, per surname, the characters that make it the end
// of a common word (位于, 由于, 示范, 其余 …).
var wordBeforeSurname = map[rune]string{
	'于': "位由关对属在等终至善敢勇用处基鉴出易便忠源归限过急乐于免",
	'余': "其业多剩盈残富结课工茶有",
	'范': "规示模防典风就",
	'岳': "山五",
	'栗': "板战",
	'干': "若相树才能骨主苦实",
	'党': "入政建",
	'卜': "占萝",
	'曲': "歌乐作弯戏序",
	'朴': "简质纯俭",
}

// TraditionalName writes a person's name (Simplified) in Traditional: the
// given name converted, a surname that is its own Traditional form kept
// (于, 余, 范, 岳 …).
func TraditionalName(name string) string {
	// Character by character: a name is no phrase of the tables (方志强
	// is no 地方志, so 志 stays 志 and not 誌).
	var b strings.Builder
	for i, r := range name {
		c := string(r)
		if i == 0 && strings.ContainsRune(ownTraditionalSurnames, r) {
			b.WriteString(c)
			continue
		}
		b.WriteString(ToTraditional(c))
	}
	return b.String()
}

// ownTraditionalSurnames are surnames written the same in both scripts
// whose character the conversion tables turn into another word's (于 → 於,
// 余 → 餘, 范 → 範, 岳 → 嶽, 栗 → 慄, 干 → 幹, 党 → 黨, 卜 → 蔔, 曲 → 麴, 朴 → 樸).
const ownTraditionalSurnames = "于余范岳栗干党卜曲朴"
