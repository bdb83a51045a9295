package corpus

import (
	"strings"
	"testing"
)

func TestHTMLKeepsSubtitleOutsideContent(t *testing.T) {
	t.Parallel()
	page := `<html><body>
<div class="head"><h1>把居民的小事当成自己的大事</h1><h2>——记海曙区鼓楼街道中山社区党总支书记万丽萍</h2>
<div class="info">发布日期：2021-07-06</div></div>
<div id="zoom"><p>早上七点半，中山社区的居民还没出门上班，万丽萍已经在小区里转了一圈，哪栋楼的楼道灯坏了她都记在本子上。</p>
<p>中山社区位于宁波市海曙区老城核心，老小区占了七成，六十岁以上的老人超过三分之一，居民反映的问题一件接一件。</p>
<p>“社区工作没有惊天动地的大事，把居民的小事当成自己的大事，就是我的本分。”万丽萍说。</p></div>
<div class="related"><h3>相关新闻</h3><ul><li><a>鼓楼街道举行表彰大会</a></li></ul></div>
</body></html>`
	p, err := parseHTML(page)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(p.Content, "\n")
	if lines[0] != "把居民的小事当成自己的大事" || lines[1] != "——记海曙区鼓楼街道中山社区党总支书记万丽萍" {
		t.Errorf("headline and subtitle not first: %q", lines[:2])
	}
	if strings.Contains(p.Content, "相关新闻") || strings.Contains(p.Content, "表彰大会") {
		t.Errorf("link-list heading taken into content: %q", p.Content)
	}
	// Through the cleaner the headline becomes the title; the subtitle stays.
	a, err := newBuilder().build("x.html", "x.html", []byte(page), kindHTML)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "把居民的小事当成自己的大事" || !strings.HasPrefix(a.Text, "——记海曙区") {
		t.Errorf("title %q, text starts %q", a.Title, a.Text[:40])
	}
}

func TestHTMLInfoboxAsFields(t *testing.T) {
	t.Parallel()
	page := `<html><body><div><h1>欧阳红梅</h1>
<p>欧阳红梅，女，汉族，1972年3月生，江西南昌人，中共党员，现任江西省南昌市东湖区百花洲街道墩子塘社区党委书记。</p>
<dl class="basicInfo-block"><dt>中文名</dt><dd>欧阳红梅</dd><dt>民　族</dt><dd>汉族</dd>
<dt>主要成就</dt><dd>全国优秀党务工作者 <br>江西省三八红旗手</dd></dl>
<p>2008年起，欧阳红梅担任墩子塘社区党委书记，2011年起兼任居委会主任，社区老旧楼栋多、独居老人多。</p>
<dl><dt>这不是信息框，只有一个词条说明</dt></dl>
</div></body></html>`
	p, err := parseHTML(page)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"• 中文名：欧阳红梅", "• 民族：汉族", "• 主要成就：全国优秀党务工作者、江西省三八红旗手"} {
		if !strings.Contains(p.Content, want+"\n") {
			t.Errorf("infobox line %q missing from %q", want, p.Content)
		}
	}
	if !strings.Contains(p.Content, "这不是信息框") {
		t.Error("a <dl> that is not an infobox lost its text")
	}
}

// Furniture named by class or id (share, report, comment counter,
// disclaimer) is dropped; a content block with such a name but real
// text is kept.
func TestHTMLDropsNamedChromeBoxes(t *testing.T) {
	page := `<html><body><div class="post_main"><h1>老楼里的新变化</h1>
<div class="post_share">分享至 <span>用微信扫码二维码</span> 分享至好友和朋友圈</div>
<a id="js-report" class="report">举报</a>
<div class="post_body related"><p>清晨七点，社区党委书记段秀琴已经在社区的小广场上转了一圈，这个习惯她坚持了快十年，居民们都认识她。</p>
<p>2015年，她到南塔社区任党委书记。那时的南塔社区是出了名的老大难，楼龄三十年以上的老楼占了一半，居民意见很大。她挨家挨户敲门，把每户的难处记在本子上，三个月记满了四本，后来社区摸索出三需工作法，居民的事一件件办成了。</p></div>
<div class="post_statement">声明：本文由入驻作者撰写，观点仅代表作者本人，不代表本站立场。</div>
<div class="tie-info">跟贴 18 参与 203</div>
</div></body></html>`
	p, err := parseHTML(page)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"用微信扫码二维码", "举报", "声明", "跟贴"} {
		if strings.Contains(p.Content, s) || strings.Contains(p.PageText, s) {
			t.Errorf("%q left in %q", s, p.Content)
		}
	}
	for _, s := range []string{"段秀琴已经在社区", "她到南塔社区任党委书记", "三个月记满了四本"} {
		if !strings.Contains(p.Content, s) {
			t.Errorf("%q dropped from %q", s, p.Content)
		}
	}
}
