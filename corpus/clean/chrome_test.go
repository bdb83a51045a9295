package clean

import (
	"strings"
	"testing"
)

// Snippets below are lines of the genre fixtures (corpus/testdata/genre),
// each step run alone.

func TestStepEncyclopedia(t *testing.T) {
	t.Parallel()
	apply := stepFunc(t, "encyclopedia")
	in := strings.Join([]string{
		"编辑 锁定 讨论 上传视频",
		"同名词条",
		"欧阳红梅（湖南省衡阳市某中学语文教师）",
		"欧阳红梅（南昌市东湖区墩子塘社区党委书记）",
		"欧阳红梅（中国内地女演员）",
		"欧阳红梅：湖南省某县农技员",
		"展开收起",
		"欧阳红梅，女，汉族，1972年3月生，现任墩子塘社区党委书记。[1]",
		"2019年，欧阳红梅被授予“全国优秀党务工作者”称号。[2-3]",
		"目录",
		"1 人物经历",
		"2 工作方法",
		"2.1 三问工作法",
		"人物经历编辑播报",
		"人物經歷",
		"播報",
		"編輯",
		"问效于民：事情办完后，社区上门回访。[注1]［2］",
		"参考资料",
		"1. 东湖区社区书记风采录 ．南昌东湖区人民政府网．2018-06-11 [引用日期2020-03-02]",
		"2. 老社区里的“红梅姐” ．南昌晚报．2019-07-03",
		"词条统计",
		"浏览次数：12836次",
		"编辑次数：7次历史版本",
		"最近更新：百科用户xh2020 （2021-04-02）",
		"突出贡献榜",
	}, "\n")
	want := strings.Join([]string{
		"欧阳红梅，女，汉族，1972年3月生，现任墩子塘社区党委书记。",
		"2019年，欧阳红梅被授予“全国优秀党务工作者”称号。",
		"人物经历",
		"人物經歷",
		"问效于民：事情办完后，社区上门回访。",
	}, "\n")
	if got := apply(in); got != want {
		t.Errorf("encyclopedia:\n%s\nwant:\n%s", got, want)
	}
	// Prose that merely mentions these words stays, and so do brackets
	// that are not reference markers.
	keep := []string{
		"她担任社区报编辑，每月编辑一期《邻里》。",
		"目录式管理让居民一看就懂[见附表]。",
		"她牵头修订了《居民公约(2019)》。",
		"1994年，她进入社区工作。",
		"社区编辑",
	}
	for _, k := range keep {
		if got := apply(k); got != k {
			t.Errorf("encyclopedia(%q) = %q", k, got)
		}
	}
	// A numbered paragraph after the contents block is text again.
	got := apply("目录\n1 人物经历\n一是推行居民说事工作法，社工当天登记。")
	if got != "一是推行居民说事工作法，社工当天登记。" {
		t.Errorf("contents block ran into text: %q", got)
	}
}

func TestStepGovSite(t *testing.T) {
	t.Parallel()
	apply := stepFunc(t, "govsite")
	in := strings.Join([]string{
		"发布日期：2021-07-06 09:30 信息来源：海曙区委组织部 浏览次数：1532 【字体：大 中 小】",
		"早上七点半，万丽萍已经在小区里转了一圈。",
		"（海曙区委组织部 供稿）",
		"【打印本页】 【关闭窗口】",
		"扫一扫在手机打开当前页",
		"上一篇：海曙区召开2021年社区工作者培训会",
		"下一篇：白云街道开展夏季消防安全检查",
		"相关新闻",
		"鼓楼街道举行“七一”表彰大会 2021-07-01",
		"·海曙区推进老旧小区改造提升工程",
		"主办：宁波市海曙区人民政府办公室 承办：海曙区大数据发展管理中心",
		"网站标识码：3302030001 浙ICP备05008752号-1",
		"索引号：11330203/2021-00123",
		"发布机构：海曙区委组织部",
		"【責任編輯：陳思】",
		"*（通讯员 宋佳 供稿，转载请注明出处）*",
	}, "\n")
	want := strings.Join([]string{
		"发布日期：2021-07-06 09:30 信息来源：海曙区委组织部 浏览次数：1532",
		"早上七点半，万丽萍已经在小区里转了一圈。",
		"浙ICP备05008752号-1", // left to the boilerplate step (ICP rule)
	}, "\n")
	got := apply(in)
	if strings.Contains(got, "字体") || strings.Contains(got, "打印") || strings.Contains(got, "扫一扫") ||
		strings.Contains(got, "篇") || strings.Contains(got, "相关新闻") || strings.Contains(got, "表彰大会") ||
		strings.Contains(got, "主办") || strings.Contains(got, "供稿") || strings.Contains(got, "編輯") ||
		strings.Contains(got, "索引号") || strings.Contains(got, "发布机构") {
		t.Errorf("govsite left chrome:\n%s", got)
	}
	if !strings.HasPrefix(got, want[:strings.Index(want, "\n浙")]) {
		t.Errorf("govsite:\n%s\nwant prefix:\n%s", got, want)
	}
	// A section heading after a link-list header is kept when prose
	// follows it; prose mentioning 上一篇 or 主办 stays.
	keep := "延伸阅读\n把服务送到家门口\n针对独居老人多的情况，万丽萍带着社工建起了“银龄食堂”，每天中午为80多位老人提供热饭，行动不便的由志愿者送上门。"
	if got := apply(keep); got != strings.TrimPrefix(keep, "延伸阅读\n") {
		t.Errorf("heading after a list header dropped: %q", got)
	}
	for _, k := range []string{
		"主办方是辖区的三家共建单位，社区负责场地。",
		"上一篇文章讲了她的工作法，这一篇讲她的家访。",
		"在“板凳会”上，居民先说问题【记录在册】。",
	} {
		if got := apply(k); got != k {
			t.Errorf("govsite(%q) = %q", k, got)
		}
	}
}

func TestStepMojibake(t *testing.T) {
	t.Parallel()
	apply := stepFunc(t, "mojibake")
	// "社区书记的一天" saved as UTF-8 and read as GBK, its last byte lost:
	// it cannot be recovered whole, so the line goes.
	in := "绀惧尯涔﹁鐨勪竴澶\uFFFD\n福州晚报 2016-11-08\n门建国，男，1963年生。"
	if got := apply(in); got != "福州晚报 2016-11-08\n门建国，男，1963年生。" {
		t.Errorf("mojibake: %q", got)
	}
	// Whole mojibake is turned back.
	if got := apply("绀惧尯娌荤悊\n正文。"); got != "社区治理\n正文。" {
		t.Errorf("mojibake not repaired: %q", got)
	}
	// Ordinary text in either script is never touched.
	for _, k := range []string{"社区书记的一天", "社區書記的一天,居民們都叫他老門。", "鐘秀街道和平橋社區", "绀色的丝带"} {
		if got := apply(k); got != k {
			t.Errorf("mojibake(%q) = %q", k, got)
		}
	}
}
