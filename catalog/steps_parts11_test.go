package catalog

import (
	"strings"
	"testing"
)

// TestPartsGlossedInTurn: a name counting its parts by kinds (三联一访,
// 一核两翼) whose parts' shorthands are glossed in turn (“三联”即…。“一访”
// 即…) has those parts as its steps — the 一访 is neither a fourth item of
// the 三联 nor lost — each carried out by its own paragraph.
func TestPartsGlossedInTurn(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		file, name, text string
		want, has        []string
	}{
		{"three_one.txt", "三联一访工作法",
			"“三联一访”让老旧小区暖起来\n2025-05-08 来源：市委组织部\n" +
				"　　春晖社区党委书记杜秀英在社区干了十二年。社区老旧楼院多、困难群众多，她带着社区“两委”摸索出“三联一访”工作法。\n" +
				"　　“三联”即党员联户、楼长联楼、单位联社区。社区把286名党员编成32个小组，每名党员联系10户居民；每个楼院选出一名楼长，负责收集楼里的大事小情。\n" +
				"　　“一访”即每月一访。每月最后一个周六，社区干部和网格员带着民情日记走访困难家庭和独居老人，记下的问题一周内答复。\n" +
				"　　两年来，社区累计走访群众4800多户次。\n",
			[]string{"三联", "一访"}, []string{"286名党员", "民情日记"}},
		{"one_two_hant.txt", "一核两翼模式",
			"　　長青社區黨委書記馮麗娟介紹，社區探索出“一核兩翼”治理模式。\n" +
				"　　“一核”，就是社區黨委這個核心，社區的大事都由黨委會先研究，再交給居民商量。\n" +
				"　　“兩翼”，是指居委會和業委會，居委會牽頭組織居民議事，業委會負責監督物業服務，每季度向居民公開一次賬目。\n" +
				"　　去年，社區化解物業矛盾35起。\n",
			[]string{"一核", "两翼"}, []string{"黨委會先研究", "公開一次賬目"}},
	} {
		checkParts(t, buildFiles(t, map[string]string{c.file: c.text}), c.file, c.name, c.want, c.has)
	}
	// A shorthand of one kind (三联) keeps its three items: no parts to gloss.
	c := buildFiles(t, map[string]string{"three.txt": "　　春晖社区党委书记杜秀英推行“三联”工作法：党员联户、楼长联楼、单位联社区。\n" +
		"　　社区把286名党员编成32个小组，每名党员联系10户居民。\n"})
	if m, _, ok := c.FindMethod("三联工作法"); !ok || strings.Join(m.Steps, "、") != "党员联户、楼长联楼、单位联社区" {
		t.Errorf("三联工作法: found %v, steps %q", ok, m.Steps)
	}
}

// TestStepsCarriedOutLater: steps named in the naming sentence (注重摸清民意、
// 注重议事协商、注重跟踪问效), carried out in later paragraphs that open
// with the step's words (在摸清民意方面，… / 针对议事协商，…), a paragraph of
// setting between: each paragraph is its step's procedure.
func TestStepsCarriedOutLater(t *testing.T) {
	t.Parallel()
	text := "老旧小区里的“三个注重”\n来源：区融媒体中心\n" +
		"　　幸福里社区党委书记孙丽华在老旧小区治理中坚持“三个注重”：注重摸清民意、注重议事协商、注重跟踪问效。\n" +
		"　　幸福里社区建成于上世纪80年代，没有物业，居民以退休职工为主。\n" +
		"　　在摸清民意方面，社区干部分片包干，每季度把辖区1800户走访一遍，建立民情台账。台账每月更新一次，困难户的情况标成红色。\n" +
		"　　针对议事协商，社区每月召开一次楼院议事会，请居民代表、老党员一起商量楼道照明、车棚改造等事项。\n" +
		"　　在跟踪问效方面，议定的事项办完后，社区请居民代表打分，不满意的重新办。\n" +
		"　　去年，社区办结民生实事58件。\n"
	checkParts(t, buildFiles(t, map[string]string{"a.txt": text}), "a.txt", "三个注重",
		[]string{"注重摸清民意", "注重议事协商", "注重跟踪问效"}, []string{"标成红色", "楼院议事会", "居民代表打分"})
	// Each step its own verb (强化…、优化…、深化…), carried out as 在组织引领上，
	// / 服务供给方面， / 围绕居民自治，.
	text = "　　朝阳社区党委书记韩春梅带领社区“两委”探索出“三个一线”工作法：强化组织引领、优化服务供给、深化居民自治。\n" +
		"　　朝阳社区是典型的老旧小区，60岁以上老人占四成。\n" +
		"　　在组织引领上，社区把党小组建到楼栋，42名党员楼长每天在楼里转一圈，发现问题及时上报。\n" +
		"　　服务供给方面，社区引进3家社会组织，开办老年食堂和四点半课堂，每天服务居民200多人次。\n" +
		"　　围绕居民自治，社区成立了楼院议事会，停车、绿化等事由居民商量决定。\n" +
		"　　去年，社区获评市级和谐社区。\n"
	checkParts(t, buildFiles(t, map[string]string{"b.txt": text}), "b.txt", "三个一线工作法",
		[]string{"强化组织引领", "优化服务供给", "深化居民自治"}, []string{"党员楼长", "老年食堂", "楼院议事会"})
}

// TestPartsRunOverParagraphs: a teaching case names the method in its
// abstract and tells it under 二、主要做法 as parts whose paragraphs open
// with （一）X：…, each part running on over the next paragraph: each part's
// paragraphs are its procedure, none of the next part's, and the closing
// 三、成效 is no part's.
func TestPartsRunOverParagraphs(t *testing.T) {
	t.Parallel()
	text := "城市街道党建引领基层治理教学案例\n——以青山街道“三联共治”工作法为例\n" +
		"　　【案例摘要】青山街道党工委书记钱卫东到任后，面对辖区老旧小区多、物业缺位的局面，探索形成“三联共治”工作法。\n" +
		"　　一、案例背景\n" +
		"　　青山街道有8个社区、居民2.3万户，其中老旧小区占六成。\n" +
		"　　二、主要做法\n" +
		"　　（一）组织联建：把党组织建在小区上。街道在每个小区成立党支部，全街道共建立小区党支部36个。\n" +
		"　　钱卫东要求每名社区干部包联一个小区，每周至少去两次。\n" +
		"　　（二）资源联用：让驻区单位动起来。街道梳理出辖区42家单位的场地和人才资源，列成资源清单。\n" +
		"　　去年，驻区单位为居民开放停车位300多个。\n" +
		"　　（三）服务联办：居民的事一起办。街道每月开展一次集中服务日，理发、维修送到小区门口。\n" +
		"　　对行动不便的老人，网格员上门代办证照。\n" +
		"　　三、成效与启示\n" +
		"　　两年来，青山街道居民满意度从78%提高到95%。\n"
	checkParts(t, buildFiles(t, map[string]string{"case.txt": text}), "case.txt", "三联共治工作法",
		[]string{"组织联建", "资源联用", "服务联办"}, []string{"包联一个小区", "停车位300多个", "上门代办证照"})
}
