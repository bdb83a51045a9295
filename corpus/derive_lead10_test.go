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
