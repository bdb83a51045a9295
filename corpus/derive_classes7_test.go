package corpus

import (
	"regexp"
	"testing"
)

// Classes of the derive10 round, each held by a short text of its own.

// A secretary named only in a signature line at the foot of her column
// (half- or full-width space between post and name), or in a 文/图 byline
// the cleaner drops from the text: she leads, with her community.
func TestSecretaryNamedOnlyInSignature(t *testing.T) {
	body := "　　清晨，居民们围坐在楼下。加装电梯的事，已经商量了三个月。\n\n" +
		"　　“以前下楼一次要歇两回。”住在五楼的老人说。社区为此开了七次协商会，最后定下分摊方案。\n\n　　如今，电梯已经通了。\n\n"
	for _, c := range []struct{ name, text, place string }{
		{"half.txt", "老楼加装电梯记\n\n2024-05-08 来源：江城日报\n\n" + body + "东湖街道春晖社区党委书记 冯晓燕\n\n责任编辑：李明\n", "东湖街道春晖社区"},
		{"full.txt", "老楼加装电梯记\n\n" + body + "春晖社区党委书记　冯晓燕\n", "春晖社区"},
		{"byline.txt", "老楼加装电梯记\n\n文/图 春晖社区党委书记 冯晓燕\n\n" + body, "春晖社区"},
	} {
		a := loadText(t, c.name, c.text)
		if a.Leader != "冯晓燕" || a.Role != "社区党委书记" || a.Place != c.place {
			t.Errorf("%s: leader %q role %q place %q, want 冯晓燕, 社区党委书记 of %s", c.name, a.Leader, a.Role, a.Place, c.place)
		}
	}
	// A district's secretary signing is no community's.
	a := loadText(t, "qu.txt", "老楼加装电梯记\n\n"+body+"鼓楼区委书记 张建华\n")
	if a.Leader != "" {
		t.Errorf("leader %q, want none", a.Leader)
	}
}

// A secretary named once, right after her community's full Party post
// (春晖社区党委书记周玉兰介绍，…; …书记孙美华2019年上任以后): she leads.
func TestSecretaryNamedOnceAfterHerCommunity(t *testing.T) {
	for _, c := range []struct{ name, text, leader string }{
		{"a.txt", "小区停车难题破解了\n\n2024-03-02 来源：滨江晚报\n\n　　晚上八点，小区里的车位已经停满。春晖社区党委书记周玉兰介绍，社区把闲置空地改成了120个车位，还组织居民错峰停车。\n\n　　居民王先生说：“现在回家不用绕圈找车位了。”\n", "周玉兰"},
		{"b.txt", "旧貌换新颜\n\n　　春晖社区党委书记孙美华2019年上任以后，先把楼道堆物清了一遍。如今小区干干净净，居民都说好。\n", "孙美华"},
	} {
		a := loadText(t, c.name, c.text)
		if a.Leader != c.leader || a.Place != "春晖社区" {
			t.Errorf("%s: leader %q place %q, want %s of 春晖社区", c.name, a.Leader, a.Place, c.leader)
		}
	}
	// Without her community written, one mention is still too little.
	a := loadText(t, "c.txt", "小区停车难题破解了\n\n　　晚上八点，车位已经停满。社区党委书记周玉兰介绍，社区把闲置空地改成了车位。\n")
	if a.Leader != "" {
		t.Errorf("leader %q, want none", a.Leader)
	}
}

// A speech page whose editor's note names the speaker once (本期刊发…书记
// 曾丽华在…的发言摘要; 编者按：…曾丽华同志在…会议上的发言): she leads,
// and 刊发 is no part of her community's name.
func TestSpeechPageNamedInEditorsNote(t *testing.T) {
	speech := "\n\n　　我们社区有居民8000多人，老年人占三成。这些年，我们坚持党建引领，推出了“邻里帮”服务。\n"
	for _, c := range []struct{ name, text string }{
		{"a.txt", "社区治理经验交流\n\n编者按：本期刊发春晖社区党委书记曾丽华在全市社区工作会议上的发言摘要，供各地学习参考。" + speech},
		{"b.txt", "社区治理经验交流\n\n编者按：近日，春晖社区党委书记曾丽华同志在全市社区工作会议上的发言，引起热烈反响。现予刊发。" + speech},
	} {
		a := loadText(t, c.name, c.text)
		if a.Leader != "曾丽华" || a.Place != "春晖社区" {
			t.Errorf("%s: leader %q place %q, want 曾丽华 of 春晖社区", c.name, a.Leader, a.Place)
		}
	}
}

// A community whose name opens with a stop rune (向阳社区) is a place; 向
// still stops 走向社区.
func TestCommunityNamedAfterAStopRune(t *testing.T) {
	a := loadText(t, "a.txt", "向阳社区党委书记李春梅，在社区工作了十年。李春梅说，居民的事就是自己的事。\n")
	if a.Leader != "李春梅" || a.Place != "向阳社区" {
		t.Errorf("leader %q place %q, want 李春梅 of 向阳社区", a.Leader, a.Place)
	}
	rs := []rune("她走向社区")
	if st := chainBefore(rs, len(rs)); len(st) != 0 {
		t.Errorf("chain %v in 她走向社区, want none", st)
	}
}

// Two secretaries, the first's community written with its city and
// district: the second's community, which the page never puts there,
// does not inherit them.
func TestSecondCommunityKeepsItsOwnSetting(t *testing.T) {
	a := loadText(t, "a.md", "# 两位书记\n\n江城市鼓楼区东门社区党委书记王红，带领居民建起了“红色议事厅”。王红说，议事就要让居民说话。\n\n"+
		"在城南，滨河社区党委书记刘芳推行“楼栋长”制度。刘芳说，楼栋长是居民身边的人。\n")
	places := map[string]string{a.Leader: a.Place}
	for _, s := range a.Secretaries {
		places[s.Name] = s.Place
	}
	if places["王红"] != "江城市鼓楼区东门社区" || places["刘芳"] != "滨河社区" {
		t.Errorf("places %v, want 王红 of 江城市鼓楼区东门社区, 刘芳 of 滨河社区", places)
	}
}

// Two secretaries portrayed one per section, each named only in her
// section's heading ("### 李明：老人的饭碗端稳了") and told by pronoun with
// her post ("他是向荣社区党委书记"): both are the page's secretaries, the
// second with her own community, not the first one's.
func TestSecretariesNamedInSectionHeadings(t *testing.T) {
	text := "# 老城新事｜两位社区书记的“民生账本”\n\n**江州晚报** 2024-05-12\n\n东风路是江州最老的街道之一。走访中，记者认识了两位社区书记。\n\n" +
		"### 张红：楼下开会，事在楼下办\n\n她是东风社区党委书记。老楼多，居民有事不愿意跑社区。她推出“楼下议事会”：每月第二个周六下午，在楼下空地上摆几张桌子，居民有事当面说。\n\n" +
		"### 李明：老人的饭碗端稳了\n\n他是向荣社区党委书记，今年38岁。向荣社区独居老人多。他办起“长者饭堂”，每天中午为90多位老人提供午餐。2023年，李明被评为江州市优秀党务工作者。\n\n" +
		"| 书记 | 做法 |\n| --- | --- |\n| 张红 | 楼下议事会 |\n| 李明 | 长者饭堂 |\n"
	// The same page with bold headings instead of Markdown ones.
	bold := regexp.MustCompile(`(?m)^### (.*)$`).ReplaceAllString(text, "**$1**")
	for name, text := range map[string]string{"two.md": text, "bold.md": bold} {
		a := loadText(t, name, text)
		names := []string{a.Leader}
		for _, s := range a.Secretaries {
			names = append(names, s.Name)
			if s.Name == "李明" && s.Place != "向荣社区" || s.Name == "张红" && s.Place != "东风社区" {
				t.Errorf("%s: %s's place %q", name, s.Name, s.Place)
			}
		}
		if len(names) != 2 || !(names[0] == "张红" && names[1] == "李明" || names[0] == "李明" && names[1] == "张红") {
			t.Errorf("%s: secretaries %v, want 张红 and 李明", name, names)
		}
	}
}
