package corpus

import (
	"slices"
	"testing"

	"golang.org/x/text/encoding/traditionalchinese"
)

// Classes of the derive9 round, each held by a short text of its own.

// A Big5 page about a compound's secretary: who she was before her name
// (退休教師趙秀琴) and the post she was elected to (當選…樓院黨支部書記),
// in a community whose name opens with a coverb's character (和平里).
func TestCompoundSecretaryElectedAfterHerOccupation(t *testing.T) {
	text := "樓院裡的「貼心人」\n\n2024-02-20　來源：北方都市報\n\n" +
		"　　2019年，退休教師趙秀琴當選和平里社區三號樓院黨支部書記。上任後，她推行「三必到」：喜事必到、難事必到、急事必到。\n\n" +
		"　　趙秀琴說：「樓院就是一個大家庭。」\n"
	raw, err := traditionalchinese.Big5.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeFile(t, dir, "lou.txt", raw)
	a := loadOne(t, dir)
	if a.Leader != "趙秀琴" || a.Role != "樓院黨支部書記" || a.Place != "和平里社區三號樓院" {
		t.Errorf("leader %q role %q place %q, want 趙秀琴, 樓院黨支部書記 of 和平里社區三號樓院", a.Leader, a.Role, a.Place)
	}
	// The coverb still keeps someone who helps the secretary from
	// taking her post.
	b := loadText(t, "b.txt", "和平社区党委书记孙丽华在社区工作了八年。退休教师王建民是协助书记的志愿者。孙丽华说，社区离不开志愿者。\n")
	if b.Leader != "孙丽华" || slices.Contains(b.Others, "王建民") {
		t.Errorf("leader %q others %v, want 孙丽华 and no other", b.Leader, b.Others)
	}
}

// A second secretary addressed by her post after her community (西城社区
// 的钱芳书记) is one of the page's secretaries.
func TestCommunitySecretaryAddressedByPost(t *testing.T) {
	a := loadText(t, "a.md", "# 同一条街上的两位“领头雁”\n\n### 一\n\n走进东城社区，党委书记孙红正在和居民拉家常。孙红创立了“红色议事厅”，每月邀请居民议事。\n\n"+
		"### 二\n\n西城社区的钱芳书记则是另一种风格。钱芳推行“网格连心”工作法，把社区分成12个网格。\n")
	if a.Leader != "孙红" || !slices.Contains(a.Others, "钱芳") {
		t.Errorf("leader %q others %v, want 孙红 and 钱芳", a.Leader, a.Others)
	}
}

// The second secretary named once in a sentence not opening with her
// (另一位受访者钱芳，是…党支部书记) beside her section's heading is one of
// the page's secretaries, with her own post and community; a name read
// one rune too long before a verb (孙红告诉记者) is the shorter one.
func TestSecondSecretaryNamedMidSentence(t *testing.T) {
	a := loadText(t, "a.md", "# 楼院里的“当家人”\n\n**孙红：小院大家管**\n\n东城社区党支部书记孙红，把老旧楼院的事交给居民自己商量，成立了“院委会”。\n\n"+
		"**钱芳：楼道有了“管家”**\n\n另一位受访者钱芳，是西城社区居委会主任、党支部书记。她推出“楼道管家”制度，每个楼道选一名管家。\n")
	if a.Leader != "孙红" || len(a.Secretaries) != 1 || a.Secretaries[0].Name != "钱芳" || a.Secretaries[0].Place != "西城社区" {
		t.Errorf("leader %q secretaries %+v, want 孙红 and 钱芳 of 西城社区", a.Leader, a.Secretaries)
	}
	b := loadText(t, "b.md", "# 两位书记\n\n记者先来到东城社区。社区书记孙红告诉记者，社区创立了“红色议事厅”，每月邀请居民议事。\n\n"+
		"随后记者来到西城社区，见到了社区书记钱芳。钱芳推行“网格连心”工作法，把社区分成12个网格。\n")
	if b.Leader != "孙红" || !slices.Contains(b.Others, "钱芳") {
		t.Errorf("leader %q others %v, want 孙红 and 钱芳", b.Leader, b.Others)
	}
	// Her community after 走进 (走进东城社区，党委书记孙红…), and the other's
	// from 西城社区的钱芳书记.
	c := loadText(t, "c.md", "# 同一条街上的两位“领头雁”\n\n### 一\n\n走进东城社区，党委书记孙红正在和居民拉家常。孙红创立了“红色议事厅”，每月邀请居民议事。\n\n"+
		"### 二\n\n西城社区的钱芳书记则是另一种风格。钱芳推行“网格连心”工作法，把社区分成12个网格。\n")
	if c.Place != "东城社区" || len(c.Secretaries) != 1 || c.Secretaries[0].Place != "西城社区" {
		t.Errorf("place %q secretaries %+v, want 东城社区 and 钱芳 of 西城社区", c.Place, c.Secretaries)
	}
}

// Sections headed by names alone, the second secretary's post told as
// serving (蒋静怡今年29岁，在潮音社区当了两年书记): she is a secretary of
// the page, with her community.
func TestSecretaryServingInACommunity(t *testing.T) {
	a := loadText(t, "a.md", "# 社区书记访谈录：两位“90后”的治理故事\n\n来源：滨海日报客户端　2024-04-12\n\n"+
		"## 一、林晓雯\n\n林晓雯是海风社区党委书记，2020年从大学生村官岗位调到社区。她推出“微心愿墙”，社区党员认领居民的心愿。\n\n"+
		"## 二、蒋静怡\n\n蒋静怡今年29岁，在潮音社区当了两年书记。刚上任时，小区停车乱，她牵头成立“停车自治小组”。\n\n蒋静怡说，年轻人要敢想敢干。\n")
	if a.Leader != "林晓雯" || len(a.Secretaries) != 1 || a.Secretaries[0].Name != "蒋静怡" || a.Secretaries[0].Place != "潮音社区" {
		t.Errorf("leader %q secretaries %+v, want 林晓雯 and 蒋静怡 of 潮音社区", a.Leader, a.Secretaries)
	}
}
