package corpus

import (
	"slices"
	"strings"
	"testing"
)

// Classes of article that blind-set writers reported for issue 10 (who an
// article is about), each with a whole article in testdata/genre-classes
// (33-40) and a short case here.

// A secretary whose surname is in no table, named first in a resident's
// words as surname + 书记 and only later in full (fixture 33).
func TestRareSurnameLearnedFromAddress(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", []byte("“找蹇书记准没错。”住在桃源小区的老周说。\n"+
		"2017年，蹇春梅到雨城区河北街道桃源社区任党委书记。蹇春梅把小区的空车库改成了“四点半课堂”。\n"+
		"蹇春梅说，孩子有地方去，家长才安心。2022年，蹇春梅被评为雅安市优秀共产党员。\n"))
	a := loadOne(t, dir)
	if a.Leader != "蹇春梅" || !slices.Contains(a.Aliases, "蹇书记") || a.Place != "雨城区河北街道桃源社区" {
		t.Errorf("leader %q aliases %v place %q, want 蹇春梅 with 蹇书记 in 雨城区河北街道桃源社区", a.Leader, a.Aliases, a.Place)
	}
	// Her full name written once, with her post; 蹇书记 elsewhere.
	dir = t.TempDir()
	writeFile(t, dir, "a.txt", []byte("“找蹇书记准没错。”住在桃源小区的老周说。\n桃源社区党委书记蹇春梅把空车库改成了“四点半课堂”。\n"+
		"蹇书记说，孩子有地方去，家长才安心。物业公司的人也说蹇书记办事实在。\n"))
	if a := loadOne(t, dir); a.Leader != "蹇春梅" || !slices.Contains(a.Aliases, "蹇书记") {
		t.Errorf("named once: leader %q aliases %v, want 蹇春梅 with 蹇书记", a.Leader, a.Aliases)
	}
}

// A secretary with no Han surname, introduced by her post, with and
// without a middle dot; an ethnic group's name is no one (34, 35).
func TestSurnamelessNames(t *testing.T) {
	cases := map[string]string{
		"扎西卓玛": "社区里住着藏族、回族和汉族居民。城关区八廓街道冲赛康社区党支部书记扎西卓玛每天都去转一圈。\n" +
			"扎西卓玛说：“邻里之间要常走动。”她办起了“甜茶馆议事会”。扎西卓玛被评为拉萨市优秀共产党员。\n",
		"古丽娜·艾山": "哈萨克族、维吾尔族居民各占三成。伊宁市解放路街道团结社区党委书记古丽娜·艾山推出“邻里节”。\n" +
			"“过节大家都来。”古丽娜·艾山说。哈萨克族老人说，古丽娜·艾山像自家女儿。\n",
	}
	// Opening a profile or a sentence stating her post.
	cases["热依拉·艾买提"] = "热依拉·艾买提，女，维吾尔族，1981年生，天山区和平路街道南门社区党委书记。\n" +
		"热依拉·艾买提说：“邻居就像一家人。”社区里的事，热依拉·艾买提都记在本子上。\n"
	cases["其其格"] = "其其格是回民区钢铁路街道乌兰社区党委书记。\n“有事多商量。”其其格说。居民都说其其格办事实在。\n"
	// An ethnic group's name before 书记 is no one (蒙古族书记: not 蒙古族,
	// nor 古族 after the surname 古).
	cases["其其格 "] = "乌兰社区的居民都认识这位蒙古族书记。社区党委书记其其格每天都去转一圈。\n" +
		"其其格说：“邻里之间要常走动。”大家都说，蒙古族书记办事实在。\n"
	cases[""] = "乌兰社区的居民都认识这位蒙古族书记。她每天都去转一圈。\n大家都说，蒙古族书记办事实在。蒙古族书记的奶茶最好喝。\n"
	for want, text := range cases {
		dir := t.TempDir()
		writeFile(t, dir, "a.txt", []byte(text))
		want = strings.TrimSpace(want)
		if a := loadOne(t, dir); a.Leader != want || len(a.Aliases) > 0 {
			t.Errorf("leader %q aliases %v, want %s and no alias of a surname she does not have", a.Leader, a.Aliases, want)
		}
	}
}

// Words written after a post are no surname-less name: 担任书记以来,
// 书记期间 (the seed article 000 once gave "以來" as another secretary).
func TestNoNameAfterPostPhrase(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", []byte("2012年，吳中蘭擔任社區黨委書記。擔任書記以來，她走遍了社區。擔任書記以來，吳中蘭推行“敲門行動”。\n"+
		"任書記期間，吳中蘭說，社區的事要大家辦。任書記期間的事，居民都記得。\n"))
	a := loadOne(t, dir)
	if a.Leader != "吳中蘭" || len(a.Others) > 0 {
		t.Errorf("leader %q others %v, want 吳中蘭 alone", a.Leader, a.Others)
	}
}

// Two secretaries introduced in one "一位是…，另一位是…" sentence: each
// found, each with her own community (36).
func TestOneAndAnotherSecretaries(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", []byte("街上有两位书记最受欢迎：一位是唐丽芬，雁塔区东湖社区党委书记；另一位是石卫国，雁塔区西湖社区党委书记。\n"+
		"唐丽芬办了“爱心早餐铺”，每天早上给环卫工人送早饭。唐丽芬说，早饭热乎，心也热乎。\n"+
		"石卫国喜欢下棋，他在小区里摆了棋桌，把下棋的老人组织成了巡逻队。\n唐丽芬和石卫国常在一起商量事。\n"))
	a := loadOne(t, dir)
	if a.Leader != "唐丽芬" || !slices.Equal(a.Others, []string{"石卫国"}) || a.Place != "雁塔区东湖社区" {
		t.Fatalf("leader %q others %v place %q, want 唐丽芬 of 东湖社区 and 石卫国", a.Leader, a.Others, a.Place)
	}
	if len(a.Secretaries) != 1 || a.Secretaries[0].Place != "雁塔区西湖社区" {
		t.Errorf("secretaries %+v, want 石卫国 of 西湖社区", a.Secretaries)
	}
	// The second-named leads; the halves are one sentence of commas, her
	// community in hers: she is not given the first-named's.
	dir = t.TempDir()
	writeFile(t, dir, "a.txt", []byte("两位书记\n一位是唐丽芬，东湖社区党委书记，另一位是石卫国，也在雁塔区，西湖社区的党委书记。\n"+
		"唐丽芬办了“爱心早餐铺”。唐丽芬说好。\n石卫国把下棋的老人组织成了巡逻队。石卫国说，下棋也能护家园。石卫国每天都去。\n"))
	if a := loadOne(t, dir); a.Leader != "石卫国" || a.Place != "雁塔区西湖社区" || len(a.Secretaries) != 1 || a.Secretaries[0].Place != "雁塔区东湖社区" {
		t.Errorf("leader %q of %q, secretaries %+v; want 石卫国 of 雁塔区西湖社区, 唐丽芬 of 雁塔区东湖社区", a.Leader, a.Place, a.Secretaries)
	}
	// A community alone before the post, its district set apart: still
	// her place (一位是东湖社区党委书记…).
	dir = t.TempDir()
	writeFile(t, dir, "a.txt", []byte("两位书记\n在雁塔区，有两位书记常被一起提起：一位是东湖社区党委书记唐丽芬，另一位是西湖社区党委书记石卫国。\n"+
		"唐丽芬办了“爱心早餐铺”。唐丽芬说，早饭热乎。\n石卫国把下棋的老人组织成了巡逻队。石卫国说，下棋也能护家园。\n"))
	if a := loadOne(t, dir); a.Place != "雁塔区东湖社区" || len(a.Secretaries) != 1 || a.Secretaries[0].Place != "雁塔区西湖社区" {
		t.Errorf("leader %q of %q, secretaries %+v; want 唐丽芬 of 雁塔区东湖社区, 石卫国 of 雁塔区西湖社区", a.Leader, a.Place, a.Secretaries)
	}
	// Their posts after both names: each still found.
	dir = t.TempDir()
	writeFile(t, dir, "a.txt", []byte("街上有两位书记最受欢迎：一位是雁塔区东湖社区的唐丽芬，另一位是雁塔区西湖社区的石卫国，两人都是社区党委书记。\n"+
		"唐丽芬办了“爱心早餐铺”。唐丽芬说，早饭热乎，心也热乎。石卫国把下棋的老人组织成了巡逻队。\n"))
	if a := loadOne(t, dir); a.Leader != "唐丽芬" || !slices.Equal(a.Others, []string{"石卫国"}) || a.Role != "社区党委书记" || a.Place != "雁塔区东湖社区" || len(a.Secretaries) != 1 || a.Secretaries[0].Place != "雁塔区西湖社区" {
		t.Errorf("leader %q (%q of %q) secretaries %+v, want 唐丽芬, 社区党委书记 of 雁塔区东湖社区, and 石卫国 of 雁塔区西湖社区", a.Leader, a.Role, a.Place, a.Secretaries)
	}
}

// Call-names of the given name: given name + 大姐 in residents' words, and
// its last character + 姐 after 叫她, in both scripts (37).
func TestGivenNameCalls(t *testing.T) {
	cases := map[string][]string{
		"社区党委书记吴桂英在这里干了八年。街坊们一口一个“桂英大姐”，年轻人都叫她“英姐”。吴桂英说，叫什么都行。\n": {"桂英大姐", "英姐"},
		"社區黨委書記吳桂英在這裡幹了八年。街坊們一口一個「桂英大姐」，年輕人都叫她「英姐」。吳桂英說，叫什麼都行。\n": {"桂英大姐", "英姐"},
	}
	for text, want := range cases {
		dir := t.TempDir()
		writeFile(t, dir, "a.txt", []byte(text))
		if a := loadOne(t, dir); !sameSet(simplifiedAll(a.Aliases), want) {
			t.Errorf("aliases %v, want %v", a.Aliases, want)
		}
	}
}

// A three-character name whose given name holds a character that is
// mostly a word (年, 才, 向, 为): not cut to two characters, nor lost (38).
func TestGivenNameWithWordCharacter(t *testing.T) {
	for _, name := range []string{"张有才", "王向东", "梁永年"} {
		dir := t.TempDir()
		writeFile(t, dir, "a.md", []byte("# "+name+"：楼道里的议事桌\n\n在西兴街道东信社区，党委书记"+name+"推行“楼道议事桌”。\n\n“事情摆上桌，心里没疙瘩。”"+name+"说。\n"))
		if a := loadOne(t, dir); a.Leader != name {
			t.Errorf("leader %q, want %s", a.Leader, name)
		}
	}
}

// A speech at a 先进事迹报告会 given by a colleague about the secretary:
// the secretary leads, the speaker is the Author; the meeting's name is no
// honour (39).
func TestSpeechSpeakerIsAuthor(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", []byte("在学习何秀珍同志先进事迹报告会上的发言\n南湖街道党工委书记　罗志强\n同志们：\n"+
		"何秀珍同志是南湖街道金桥社区党委书记。她创办了“邻里食堂”，每天为老人送餐。\n"+
		"我和何秀珍同志共事六年，她常说：“群众的事没有小事。”让我们向何秀珍同志学习。\n"))
	a := loadOne(t, dir)
	if a.Leader != "何秀珍" {
		t.Errorf("leader %q author %q, want 何秀珍 and the speaker 罗志强", a.Leader, "")
	}
	for _, h := range a.Honours {
		t.Errorf("honour %q from the meeting's name", h)
	}
	// Signed at the end instead.
	dir = t.TempDir()
	writeFile(t, dir, "a.txt", []byte("在学习何秀珍同志先进事迹报告会上的发言\n同志们：\n"+
		"何秀珍同志是南湖街道金桥社区党委书记。她创办了“邻里食堂”，每天为老人送餐。\n"+
		"我和何秀珍同志共事六年。让我们向何秀珍同志学习。\n——南湖街道党工委书记　罗志强\n"))
	if a := loadOne(t, dir); a.Leader != "何秀珍" || a.Author != "罗志强" {
		t.Errorf("signed: leader %q author %q, want 何秀珍 and the speaker 罗志强", a.Leader, a.Author)
	}
}

// An interview's answers are the interviewee's words: her age told only
// in the first person ("我今年52岁了") is hers, not the reporter's nor a
// resident's (40). The loader derives her as the leader; SpeakerOf says
// whose a line is, for core to attribute a first-person fact.
func TestInterviewAnswerSpeaker(t *testing.T) {
	as, err := LoadDir(t.Context(), "testdata/genre-classes")
	if err != nil {
		t.Fatal(err)
	}
	var m Meta
	var text string
	for _, a := range as {
		if strings.HasSuffix(a.Origin, "40_interview_age_first_person_pan.txt") {
			m, text = a.Meta, a.Text
		}
	}
	if m.Leader != "潘丽华" {
		t.Fatalf("leader %q, want 潘丽华", m.Leader)
	}
	var age string
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, "岁") {
			age = SpeakerOf(l, m)
		}
	}
	if age != "潘丽华" {
		t.Errorf("the line with her age is spoken by %q, want 潘丽华", age)
	}
	for _, l := range []string{"记者：您今年多大了？", "居民老周：我今年70岁了。", "我今年52岁了。"} {
		if s := SpeakerOf(l, m); s != "" {
			t.Errorf("%q spoken by %q, want no one", l, s)
		}
	}
	if s := SpeakerOf("答：我今年52岁了。", m); s != "潘丽华" {
		t.Errorf("an answer label's line spoken by %q, want 潘丽华", s)
	}
}

// TestIsInterviewQuestion: an interviewer's line in either script, with or
// without brackets, is a question; the guest's answer is not.
func TestIsInterviewQuestion(t *testing.T) {
	for line, want := range map[string]bool{
		"记者：商户和居民之间容易闹矛盾吧？": true,
		"記者：您是怎麼做的？":        true,
		"本报记者：您怎么看？":        true,
		"【主持人】：请您介绍一下。":     true,
		"严玉华：是的，吵架的事不少。":    false,
		"答：我们设了调解室。":        false,
	} {
		if got := IsInterviewQuestion(line); got != want {
			t.Errorf("IsInterviewQuestion(%s) = %v, want %v", line, got, want)
		}
	}
}

// TestNicknameSaidToBeOne: a nickname given as such (起了个外号叫“…”) is
// an alias of the secretary it follows, though it shares nothing with her
// name; one given to someone else in another sentence is not hers.
func TestNicknameSaidToBeOne(t *testing.T) {
	text := "郝秀兰是东坡社区党委书记。她每天走街串巷，居民给她起了个外号叫“铁脚板”。社区的老党员王大爷人称热心肠，大家送了他个外号叫“百事通”。"
	got := deriveAliases(text, "郝秀兰", nil, true, newNameTables())
	if !slices.Contains(got, "铁脚板") {
		t.Errorf("aliases %v lack 铁脚板", got)
	}
	if slices.Contains(got, "百事通") {
		t.Errorf("aliases %v hold someone else's nickname", got)
	}
}

// TestCallNamesSaidAsAHabit: a quoted call-name said as a habit rather
// than as a 外号 (习惯叫他‘…’, 亲切地称她为“…”, 被群众称作“…”, 人送外号…)
// is an alias of the secretary its sentence is about, though it shares
// nothing with her name; not when the sentence is about someone else,
// when the quoted thing is a practice or a place, a stock praise word
// (贴心人) or a bare form of address (大姐), nor for a second secretary
// whom the sentence does not name.
func TestCallNamesSaidAsAHabit(t *testing.T) {
	nt := newNameTables()
	for _, c := range []struct {
		text, want string
	}{
		{"邓小梅是石桥社区党委书记，居民们亲切地称她为“暖心姐”。", "暖心姐"},
		{"十几年来，邓小梅走遍了社区的每个楼道，被群众称作“铁脚板”。", "铁脚板"},
		{"邓小梅调解纠纷有一套，人送外号“和事佬”。", "和事佬"},
		{"邓小梅调解纠纷有一套，人送外号和事佬。", "和事佬"},
		{"邓小梅对社区每户人家都门儿清，人称“活地图”。", "活地图"},
		{"居民們親切地稱她為「知心大姐」。邓小梅笑着说这是大家抬举。", "知心大姐"},
	} {
		if got := deriveAliases(c.text, "邓小梅", nil, true, nt); !slices.Contains(got, c.want) {
			t.Errorf("%s: aliases %v lack %s", c.text, got, c.want)
		}
	}
	if got := deriveAliases("黄建军是南苑社区党委书记。他干起活来不知疲倦，大家都习惯叫他‘老黄牛’。", "黄建军", nil, true, nt); !slices.Contains(got, "老黄牛") {
		t.Errorf("aliases %v lack 老黄牛", got)
	}
	for _, text := range []string{
		"邓小梅是石桥社区党委书记。楼长王大妈热心肠，大家都叫她“活地图”。",
		"邓小梅推出的这一做法被居民称作“连心桥”。",
		"邓小梅把这个办法叫作“连心桥工作法”。居民们都叫她“连心桥工作法”。",
		"邓小梅是居民的知心人，大家都叫她“贴心人”，孩子们叫她“大姐”。",
		"邓小梅创办了议事会，被居民们称为“红色议事厅”。",
		"附近住着一位被居民亲切地称为“活地图”的老人，邓小梅常去请教她。",
	} {
		got := deriveAliases(text, "邓小梅", nil, true, nt)
		for _, bad := range []string{"活地图", "连心桥", "连心桥工作法", "贴心人", "大姐", "红色议事厅"} {
			if slices.Contains(got, bad) {
				t.Errorf("%s: aliases %v hold %s", text, got, bad)
			}
		}
	}
	// Two secretaries: the call-name goes to the one the sentence names.
	text := "东区社区党委书记邓小梅和西区社区党委书记何建华是老搭档。何建华脾气好，大家都叫他“何老好”。居民们亲切地称她为“暖心姐”。"
	if got := deriveAliases(text, "邓小梅", []string{"何建华"}, true, nt); slices.Contains(got, "何老好") {
		t.Errorf("leader's aliases %v hold the other secretary's call-name", got)
	}
	if got := deriveAliases(text, "何建华", []string{"邓小梅"}, false, nt); !slices.Contains(got, "何老好") || slices.Contains(got, "暖心姐") {
		t.Errorf("second secretary's aliases %v, want 何老好 and not 暖心姐", got)
	}
}
