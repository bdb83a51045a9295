package corpus

import (
	"testing"
)

// Classes of article found misderived on a blind set; each fixture is a
// short synthetic text written for the test.

// A place fragment is never the leader: 桂香 of 桂香社区, 罗湖 of 罗湖区,
// a district written just before the secretary's name. When the
// secretary's own name cannot be read (占 is not in the surname tables),
// the honest answer is no leader.
func TestDerivePlaceFragmentNotLeader(t *testing.T) {
	for _, c := range []struct{ title, text string }{
		{"桂香社区：把服务送到家门口", "桂香社区是个老小区。社区党委书记占秀兰每天走访。桂香社区的老人多，桂香社区就办起了食堂。占秀兰说，先把饭吃好。"},
		{"", "罗湖区东门街道有个老社区。罗湖区的干部常来。罗湖区今年投入了一百万元。社区书记占秀兰说，钱要花在刀刃上。"},
		// The district before the name, the name unreadable.
		{"", "深圳市罗湖区占秀兰书记介绍，罗湖区已建成二十个驿站。罗湖区东门街道的驿站最早。"},
		{"", "在安溪县，安溪县的茶农多，安溪县城关镇有个凤山社区。书记占秀兰说，茶要卖出去。"},
	} {
		if m := derived(c.title, c.text); m.Leader != "" {
			t.Errorf("%q: leader %q, want none", c.text, m.Leader)
		}
	}
	// The district just before a readable name: the name wins.
	for _, c := range []struct{ text, leader string }{
		{"深圳市罗湖区高翠兰书记介绍，罗湖区已建成二十个驿站。罗湖区东门街道的驿站最早。高翠兰说，驿站要开到楼下。", "高翠兰"},
		{"罗湖区东门街道桂香社区，罗湖区的老社区。桂香社区居民都认识邝美玲。邝美玲说，有事找社区。邝美玲今年五十岁。", "邝美玲"},
		// A person whose given name is also a street's (张华 of 张华路)
		// is still a person when most of her mentions are hers.
		{"社区党委书记张华每天走访。张华说，张华路的路灯要修。张华带着党员修好了路灯。", "张华"},
	} {
		if m := derived("", c.text); m.Leader != c.leader {
			t.Errorf("%q: leader %q, want %q", c.text, m.Leader, c.leader)
		}
	}
}

// Common surnames a top-300 list has and the tables missed: a profile
// line or a post makes them names.
func TestDeriveMoreCommonSurnames(t *testing.T) {
	for _, name := range []string{"朴顺姬", "皮建华", "盘秀英", "漆玉兰", "平建国", "诸红梅", "尉丽华", "母建英", "斯文辉", "元春梅"} {
		text := name + "，女，1970年生，现任东湖社区党委书记。" + name + "每天走访居民。"
		if m := derived("", text); m.Leader != name {
			t.Errorf("%s: leader %q", name, m.Leader)
		}
	}
	// As everyday words, without a post or a profile, they name no one.
	for _, text := range []string{
		"平时大家都很忙。平时没人来。平时社区里很安静。",
		"元旦那天很热闹。元旦晚会办得好。元旦过后下雪了。",
	} {
		if m := derived("", text); m.Leader != "" {
			t.Errorf("%q: leader %q", text, m.Leader)
		}
	}
}
