package corpus

import "testing"

// A verb phrase before the post is no community's name: "离不开社区党支部
// 书记赵建国" names no 离不开社区; his community is the one told with it.
func TestVerbBeforePostIsNoPlace(t *testing.T) {
	a := loadText(t, "hongqi.txt", "退役军人当“管家”\n\n　　走进石门区东风街道红旗社区，干净整洁的楼道让人很难想到这里曾是出了名的“脏乱差”小区。这一切的变化，离不开社区党支部书记赵建国。\n\n　　赵建国1990年入伍，2013年起担任红旗社区党支部书记。\n")
	if a.Leader != "赵建国" || a.Place != "石门区东风街道红旗社区" {
		t.Errorf("leader %q place %q, want 赵建国 of 石门区东风街道红旗社区", a.Leader, a.Place)
	}
}

// A place whose name opens with 不 (不老屯镇) keeps it.
func TestPlaceOpeningWithBu(t *testing.T) {
	a := loadText(t, "yanluo.txt", "山村里的幸福食堂\n\n　　密云区不老屯镇燕落村党支部书记张桂兰，把村里的闲置房改成了老年食堂。\n")
	if a.Leader != "张桂兰" || a.Place != "密云区不老屯镇燕落村" {
		t.Errorf("leader %q place %q, want 张桂兰 of 密云区不老屯镇燕落村", a.Leader, a.Place)
	}
}

// An interview whose answers never name her community: the one the
// interviewer places her in (您在永安社区推了个…) is her place.
func TestPlaceAskedByInterviewer(t *testing.T) {
	a := loadText(t, "yongan.txt", "【书记访谈】周国庆：老旧小区的“红色物业”\n\n主持人：周书记，您好。听说您在永安社区推了个“红色物业”，能先说说是什么吗？\n周国庆：我们社区有12个老旧小区，没有物业。2019年，社区党委牵头成立了“红色物业”服务站。\n\n主持人：具体是怎么运转的？\n周国庆：服务站每天有人巡查，小修小补两小时内上门。\n")
	if a.Leader != "周国庆" || a.Place != "永安社区" {
		t.Errorf("leader %q place %q, want 周国庆 of 永安社区", a.Leader, a.Place)
	}
	// Her own words naming it still win.
	b := loadText(t, "b.txt", "访谈\n\n记者：您在永安社区工作几年了？\n李红：我是光明街道幸福社区党委书记李红，在这里干了八年。\n\n记者：有什么做法？\n李红：我们办了“邻里食堂”。\n")
	if b.Place == "永安社区" {
		t.Errorf("place %q: the interviewer's words over hers", b.Place)
	}
}

// An area (老厂区, 校区, 景区) is no district in a community's chain.
func TestFactoryAreaIsNoDistrict(t *testing.T) {
	a := loadText(t, "chunhua.txt", "两位社区书记\n\n城东的春华社区是老厂区，退休职工多。\n\n春华社区党委书记杨丽萍在社区工作了十二年，办起了“板凳课堂”。\n")
	if a.Leader != "杨丽萍" || a.Place != "春华社区" {
		t.Errorf("leader %q place %q, want 杨丽萍 of 春华社区", a.Leader, a.Place)
	}
}
