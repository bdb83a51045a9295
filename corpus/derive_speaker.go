package corpus

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"bangyang/zh"
)

// salutationRe is a speech's opening line: 同志们：, 各位领导、同志们：,
// 尊敬的…：, 大家好！
var salutationRe = regexp.MustCompile(`^(?:各位领导|各位領導|尊敬的|同志们|同志們|各位同志|各位来宾|各位來賓|各位代表|大家好)[^。！？]{0,24}[：:！!]?$`)

// speechTitleRe is a speech's headline: …上的发言, …上的讲话, 发言摘登.
var speechTitleRe = regexp.MustCompile(`(?:上的|上作的)(?:发言|發言|讲话|講話|报告|報告|致辞|致辭)|发言摘登|發言摘登|事迹报告|事蹟報告`)

// deriveSpeaker is who gives the speech a page holds, when the page is a
// speech (a headline such as "在学习…同志先进事迹报告会上的发言" or a
// salutation line 同志们：) and names its speaker: the line above the
// salutation, or just below the headline, that ends with a name, after a
// post ("花桥街道党工委书记　陈立新") or alone; or the headline opening
// with the name ("陈立新在…上的发言"), or the signature ending it
// ("——花桥街道党工委书记　陈立新"). The speaker may be someone other
// than the secretary the speech is about. "" when it cannot tell.
func deriveSpeaker(title, text string, nt nameTables) string {
	lines := strings.Split(text, "\n")
	all := lines
	if len(lines) > 12 {
		lines = lines[:12]
	}
	sal := -1
	for i, l := range lines {
		if salutationRe.MatchString(strings.TrimSpace(l)) {
			sal = i
			break
		}
	}
	speechTitle := speechTitleRe.MatchString(title)
	if sal < 0 && !speechTitle {
		return tellerOf(title, lines, nt)
	}
	if speechTitle {
		trs := []rune(title)
		names := nt.namesAt(trs, 0)
		for k := len(names) - 1; k >= 0; k-- {
			if n := utf8.RuneCountInString(names[k]); n < len(trs) && (trs[n] == '在' || trs[n] == '：' || trs[n] == ':') {
				return names[k]
			}
		}
	}
	// The speaker's line: above the salutation (or in the first lines),
	// short, no sentence, ending with a name.
	end := sal
	if end < 0 {
		end = min(len(lines), 4)
	}
	for i := end - 1; i >= 0 && i >= end-3; i-- {
		l := strings.TrimSpace(lines[i])
		rs := []rune(l)
		if len(rs) == 0 || len(rs) > 30 || strings.ContainsAny(l, "。！？") {
			continue
		}
		if name := nameEnding(rs, nt); name != "" {
			return name
		}
	}
	// Signed at the end: "——花桥街道党工委书记　陈立新".
	for i, seen := len(all)-1, 0; i >= 0 && seen < 3; i-- {
		l := strings.TrimSpace(all[i])
		if l == "" {
			continue
		}
		seen++
		rs := []rune(strings.TrimLeft(l, "—-－ \u3000"))
		if len(rs) == 0 || len(rs) > 30 || strings.ContainsAny(l, "。！？") || len(rs) == len([]rune(l)) && !strings.Contains(l, "书记") && !strings.Contains(l, "書記") {
			continue // a signature opens with a dash or names a post
		}
		if name := nameEnding(rs, nt); name != "" {
			return name
		}
	}
	return ""
}

// tellerLineRe opens a self-told column's credit line: 口述：蒋玉梅（…）.
var tellerLineRe = regexp.MustCompile(`^(?:口述|口述人|自述|讲述|讲述人|講述|講述人)\s*[：:]\s*`)

// selfToldTitleRe is a self-told column's headline: 【社区书记自述】蒋玉梅：…,
// 蒋玉梅自述：…, 口述｜…
var selfToldTitleRe = regexp.MustCompile(`自述|口述`)

// tellerOf is who tells a self-told column in the first person: the name
// of its credit line (口述：蒋玉梅（…）), or of its headline when the
// headline says it is told by her (【社区书记自述】蒋玉梅：…); "" otherwise.
func tellerOf(title string, lines []string, nt nameTables) string {
	for _, l := range lines {
		l = strings.TrimSpace(zh.ToSimplified(l))
		if loc := tellerLineRe.FindStringIndex(l); loc != nil {
			rs := []rune(l[loc[1]:])
			if names := nt.namesAt(rs, 0); len(names) > 0 {
				return names[len(names)-1]
			}
		}
	}
	if t := zh.ToSimplified(title); selfToldTitleRe.MatchString(t) {
		if i := strings.LastIndexAny(t, "】]"); i >= 0 {
			_, n := utf8.DecodeRuneInString(t[i:])
			t = t[i+n:]
		}
		t = strings.TrimLeft(t, " \u3000")
		rs := []rune(t)
		names := nt.namesAt(rs, 0)
		for k := len(names) - 1; k >= 0; k-- {
			if n := utf8.RuneCountInString(names[k]); n < len(rs) && strings.ContainsRune("：:｜|自", rs[n]) {
				return names[k]
			}
		}
	}
	return ""
}

// nameEnding is the name a short line ends with, standing alone or after
// a space or a post (…书记陈立新, …书记　陈立新), or "".
func nameEnding(rs []rune, nt nameTables) string {
	for i := range rs {
		for _, name := range nt.namesAt(rs, i) {
			if i+utf8.RuneCountInString(name) != len(rs) {
				continue
			}
			before := strings.TrimRight(string(rs[:i]), " \u3000")
			if before == "" || len(before) < len(string(rs[:i])) || strings.HasSuffix(before, "书记") || strings.HasSuffix(before, "書記") ||
				strings.HasSuffix(before, "主任") || strings.HasSuffix(before, "部长") || strings.HasSuffix(before, "部長") || strings.HasSuffix(before, "：") {
				return name
			}
		}
	}
	return ""
}

// answerLabels open an interview's answer when the guest is not named:
// 答：, A：, 嘉宾：.
var answerLabels = []string{"答", "A", "Ａ", "嘉宾", "嘉賓"}

// SpeakerOf says whose words a line of an article is when the line
// itself says so: the leader's (m.Leader) for an interview answer opening
// with her name, an alias or an answer label and a colon ("潘丽华：我今年
// 52岁了", "答：…", "吳書記：…"), another secretary's (one of m.Others)
// for an answer opening with her name; "" for a question (记者：…) or any
// other line. A first-person fact in such a line ("我今年52岁了", "我被
// 评为…") is the speaker's: core can read the passage's lines with it.
func SpeakerOf(line string, m Meta) string {
	l := strings.TrimLeft(zh.ToSimplified(line), " \u3000\t")
	if questionRe.MatchString(l) {
		return ""
	}
	l = strings.TrimLeft(strings.TrimPrefix(l, scriptMark(l)), " \u3000\t")
	opens := func(k string) bool {
		k = zh.ToSimplified(k)
		if k == "" || !strings.HasPrefix(l, k) {
			return false
		}
		rest := l[len(k):]
		if strings.HasPrefix(rest, "：") || strings.HasPrefix(rest, ":") {
			return true
		}
		// A script's label: her post after her name, in brackets or
		// after a space, then the colon (郑国华　钢厂社区党委书记：…,
		// 罗慧琴（杏花社区党委书记）：…).
		label, _, ok := strings.Cut(rest, "：")
		return ok && (strings.HasPrefix(label, "（") || strings.HasPrefix(label, "(") || strings.HasPrefix(label, " ") || strings.HasPrefix(label, "\u3000")) &&
			utf8.RuneCountInString(label) <= 24 && !strings.ContainsAny(label, "。，,；！？") && strings.Contains(label, "书记")
	}
	for _, o := range m.Others {
		if opens(o) {
			return o
		}
	}
	if m.Leader == "" {
		return ""
	}
	for _, k := range append(append([]string{m.Leader}, m.Aliases...), answerLabels...) {
		if opens(k) {
			return m.Leader
		}
	}
	return ""
}

// scriptMark is the segment mark opening a TV script's line (【同期】,
// 【解说】, 【采访】), or "".
func scriptMark(l string) string {
	if !strings.HasPrefix(l, "【") {
		return ""
	}
	i := strings.Index(l, "】")
	if i < 0 || utf8.RuneCountInString(l[:i]) > 6 {
		return ""
	}
	for _, w := range scriptMarks {
		if l[len("【"):i] == w {
			return l[:i+len("】")]
		}
	}
	return ""
}

// TrimScriptMark is line without the segment mark of a TV script opening
// it (【解说】2022年，… → 2022年，…).
func TrimScriptMark(line string) string {
	t := strings.TrimLeft(line, " \u3000\t")
	if m := scriptMark(zh.ToSimplified(t)); m != "" && len(t) > len(m) {
		return strings.TrimLeft(t[len(m):], " \u3000\t")
	}
	return line
}

// scriptMarks are the words of a TV script's segment marks (Simplified).
var scriptMarks = []string{"同期", "同期声", "解说", "旁白", "字幕", "画外音", "现场", "采访", "现场采访", "出镜", "记者出镜"}

// IsInterviewQuestion reports a line that is an interviewer's question
// (记者：…, 问：…, 【主持人】：…): it states nothing of the guest.
func IsInterviewQuestion(line string) bool {
	return questionRe.MatchString(strings.TrimLeft(zh.ToSimplified(line), " \u3000\t"))
}
