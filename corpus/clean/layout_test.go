package clean

import (
	"strings"
	"testing"
)

// A text saved from a PDF breaks its lines at a fixed width, mid-sentence,
// and numbers its pages on lines of their own: the lines of a paragraph
// are joined again, the page numbers dropped; a paragraph's indented first
// line, a list item and a line closing a sentence still start or end one.
func TestRewrapHardWrappedText(t *testing.T) {
	wrapped := strings.Join([]string{
		"　　2016年，何秀英从街道办调到柳湾社区担任党委书记。刚到社区",
		"时，她发现居民对社区工作不理解、不参与，楼道堆物、车辆乱停等",
		"问题反映了多年也没人管。",
		"　　2017年春天，柳湾社区开始推行“板凳议事”工作法。每月第一个",
		"周六，社区干部带着小板凳走进楼院，居民围坐在一起，提出身边的",
		"- 2 -",
		"难事，大家一起商量办法。议定的事项由楼栋长牵头落实，社区每季",
		"度向居民通报办理情况。几年来共解决居民身边问题320多件，社区",
		"的投诉量下降了七成。",
		"1.选管家。从党员和退休干部中选出28名“红色管家”，每人负责一至",
		"两个楼栋。",
	}, "\n")
	got := Clean(wrapped).Text
	want := []string{
		"2016年，何秀英从街道办调到柳湾社区担任党委书记。刚到社区时，她发现居民对社区工作不理解、不参与，楼道堆物、车辆乱停等问题反映了多年也没人管。",
		"2017年春天，柳湾社区开始推行“板凳议事”工作法。每月第一个周六，社区干部带着小板凳走进楼院，居民围坐在一起，提出身边的难事，大家一起商量办法。议定的事项由楼栋长牵头落实，社区每季度向居民通报办理情况。几年来共解决居民身边问题320多件，社区的投诉量下降了七成。",
		"1.选管家。从党员和退休干部中选出28名“红色管家”，每人负责一至两个楼栋。",
	}
	if got != strings.Join(want, "\n") {
		t.Errorf("got:\n%s", got)
	}
	// Lines of a page that is not wrapped stay as they are.
	plain := "标题\n　　第一段。\n　　第二段说了很多很多的话，但是它自己就是一段。\n短行\n"
	if got := rewrap(plain); got != plain {
		t.Errorf("unwrapped text joined:\n%s", got)
	}
}

// A post numbering its parts with keycaps (1️⃣ 先听) numbers them as a list.
func TestKeycapsAreListNumbers(t *testing.T) {
	got := Clean("社区的三步调解法\n1️⃣ 先听\n矛盾双方分开谈。\n2⃣再查\n调解员上门查看。\n🔟 最后\n").Text
	for _, want := range []string{"1. 先听", "2. 再查", "10. 最后"} {
		if !strings.Contains(got, want) {
			t.Errorf("want %q:\n%s", want, got)
		}
	}
}

// A report's dateline (本报讯（记者…）, X网讯 记者…报道：, 新华社…电（记者…）)
// is dropped from the paragraph it opens; a line that is only a name
// ending in 网讯 is left alone.
func TestDatelinesDropped(t *testing.T) {
	for in, want := range map[string]string{
		"本报讯（记者 王明 通讯员 李华）近日，幸福社区推出“邻里食堂”。": "近日，幸福社区推出“邻里食堂”。",
		"江城网讯 记者王明报道：近日，幸福社区推出“邻里食堂”。":      "近日，幸福社区推出“邻里食堂”。",
		"江城網訊（記者 王明）近日，幸福社區推出「鄰里食堂」。":       "近日，幸福社區推出「鄰里食堂」。",
		"新华社北京5月3日电（记者王明）幸福社区推出“邻里食堂”。":     "幸福社区推出“邻里食堂”。",
		"社区党委书记王芳说，邻里食堂办了三年。":               "社区党委书记王芳说，邻里食堂办了三年。",
	} {
		if got := stripDatelines(in); got != want {
			t.Errorf("%s: got %q, want %q", in, got, want)
		}
	}
}
