package clean

import (
	"strings"
	"testing"
)

// Furniture of news portals, WeChat accounts and encyclopedia stubs, in
// the forms the genre fixtures 15-21 carry; each is dropped between two
// lines of prose, and prose using the same words stays.
func TestStepBoilerplatePortalAndWeChat(t *testing.T) {
	apply := stepFunc(t, "boilerplate")
	noise := []string{
		"举报", "0", "32", "用微信扫码二维码", "分享至好友和朋友圈", "长按识别二维码", "打开涪城新闻 查看精彩图片",
		"声明：本文由入驻涪城号的作者撰写，除官方账号外，观点仅代表作者本人，不代表涪城新闻网立场。",
		"跟贴 18 参与 203", "跟帖 5", "32条评论", "本词条缺少概述图，补充相关内容使词条更完整，还能快速升级，赶紧来编辑吧！",
		"转载请注明来源", "转载请注明来源：汇川融媒", "*本文图片由街道提供。转载请注明出处。*", "本文来源：某某新闻网",
		"微信公众号", "公众号：江城邻里", "点击上方蓝字 关注我们", "关注我们", "往期推荐", "返回首页 | 社区动态",
		"點擊上方藍字 關注我們", "预览时标签不可点", "继续滑动看下一个", "轻触阅读原文", "微信扫一扫关注该公众号",
		"喜欢此内容的人还喜欢", "阅读原文", "展开全文", "写留言", "分享 收藏 点赞 在看", "打开APP阅读全文",
		"如您发现自己的词条内容不准确或不完善，欢迎使用本人词条编辑服务（免费）参与修正。立即前往>>",
	}
	for _, n := range noise {
		in := "社区是共同的家园，要把各方力量调动起来。\n" + n + "\n她坚持每周召开社区党委会议。"
		want := "社区是共同的家园，要把各方力量调动起来。\n她坚持每周召开社区党委会议。"
		if got := apply(in); got != want {
			t.Errorf("noise line %q kept: %q", n, got)
		}
	}
	content := []string{
		"居民举报楼道里堆放杂物，社区当天就清理了。",
		"她在楼栋口贴了二维码，居民扫码就能报修。",
		"社区声明的事，一定说到做到。",
		"居民在公众号上留言，社区当天回复。",
		"牛桂英｜敲门行动",
		"口述：邹丽娟　整理：本报记者 林可",
		"她说：“知道了，我们马上去办。”",
	}
	for _, c := range content {
		in := "这是第一段正文，讲述书记的工作方法。\n" + c + "\n这是最后一段正文。"
		if got := apply(in); !strings.Contains(got, c) {
			t.Errorf("content line dropped: %q → %q", c, got)
		}
	}
	// A closing note naming the source: dropped, and its value kept.
	for l, src := range map[string]string{"（来源：两岸新闻网）": "两岸新闻网", "本文转载自海峡之声网": "海峡之声网", "【來源：兩岸新聞網】": "兩岸新聞網"} {
		r := Clean("社区书记的一天\n\n她每天走访居民，记下每户的难处。\n她说，居民的事没有小事。\n" + l)
		if r.Source != src || strings.Contains(r.Text, l) {
			t.Errorf("closing source %q: source %q text %q", l, r.Source, r.Text)
		}
	}
	// A WeChat section number on its own line goes with its heading.
	if got := apply("社区有独居老人137位。\n01\n\n老伙伴计划\n低龄老人和高龄老人结对。\n02\n茶馆议事会\n每周三上午议事。"); !strings.Contains(got, "01 老伙伴计划") || !strings.Contains(got, "02 茶馆议事会") {
		t.Errorf("section numbers: %q", got)
	}
	// A follow prompt above the headline is not the title; a byline is
	// not either.
	if r := Clean("点击上方蓝字 关注我们\n\n邻里互助三件事\n\n社区有独居老人137位，她组织邻居结对。"); r.Title != "邻里互助三件事" {
		t.Errorf("title %q", r.Title)
	}
	if r := Clean("口述：邹丽娟　整理：本报记者 林可\n\n我2016年到莲花社区任党委书记。\n后来我们又推出了共享工具箱。"); r.Title != "" || !strings.Contains(r.Text, "口述：邹丽娟") {
		t.Errorf("byline taken as title: %+v", r)
	}
}
