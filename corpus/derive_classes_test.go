package corpus

import (
	"slices"
	"testing"
)

// One test per class of article the derivation used to miss (see the
// genre fixtures 15-21 for whole articles of each class).

// derived runs the loader's derivation on one article's headline and text.
func derived(title, text string) Meta {
	nt := newNameTables()
	var m Meta
	m.Leader, m.Others = deriveLeader(title, text, nt)
	if m.Leader == "" {
		return m
	}
	full := title + "\n" + text
	m.Aliases = deriveAliases(full, m.Leader, nil, true, nt)
	m.Role, m.Place = derivePosts(full, m.Leader, m.Aliases, m.Others, nt)
	m.Honours = deriveHonours(full, nil, m.Leader, slices.Clone(m.Aliases), m.Others)
	return m
}

func checkMeta(t *testing.T, got Meta, leader, role, place string) {
	t.Helper()
	if got.Leader != leader || got.Role != role || got.Place != place {
		t.Errorf("leader %q role %q place %q, want %q %q %q", got.Leader, got.Role, got.Place, leader, role, place)
	}
}

// Class 1: the post written after the place ("到…社区任党委书记",
// "调任…社区党委书记"), with a deputy quoted before the secretary.
func TestDerivePostAfterPlace(t *testing.T) {
	m := derived("老楼里的新变化", "社区党委副书记丁晓燕记得，那年冬天特别冷。丁晓燕说，书记来了以后变化很大。\n"+
		"2016年，她到江苏省常州市天宁区红梅街道青山社区任党委书记。\n"+
		"俞建平说，社区的事要大家商量。俞建平每周都去楼道里转转。")
	checkMeta(t, m, "俞建平", "党委书记", "江苏省常州市天宁区红梅街道青山社区")
	m = derived("", "陶文斌2019年调任雨花街道桂苑社区党委书记。陶文斌说，先把路修好。陶文斌每天早上巡查。")
	checkMeta(t, m, "陶文斌", "社区党委书记", "雨花街道桂苑社区")
	// 红旗社区: 旗 is a unit (a banner) only after a name of its own.
	m = derived("", "2015年3月，崔建军调到安静街道红旗社区任党委书记。崔建军说，先修路。")
	checkMeta(t, m, "崔建军", "党委书记", "安静街道红旗社区")
	// The pronoun after a short adverbial, the deputy quoted first.
	m = derived("", "社区党委副书记宋丹说起往事。宋丹说那年很难。\n从2015年起，他就在安静街道红旗社区担任党委书记。崔建军说，先修路。崔建军笑了。")
	checkMeta(t, m, "崔建军", "党委书记", "安静街道红旗社区")
	// Inside a sentence; a district's post is no community's.
	m = derived("", "今年是崔建军在安静街道红旗社区任党委书记的第八年。崔建军说，先修路。")
	checkMeta(t, m, "崔建军", "党委书记", "安静街道红旗社区")
	if m := derived("", "那一年，张振华在道里区任区委书记。张振华来社区调研。"); m.Leader != "" {
		t.Errorf("区委书记 taken: %q", m.Leader)
	}
	// The name after "书记的".
	if m := derived("", "担任红旗社区党委书记的崔建军每天巡查。崔建军说，先修路。"); m.Leader != "崔建军" {
		t.Errorf("书记的X: leader %q", m.Leader)
	}
}

// Class 2: the secretary of a housing estate's or a courtyard's branch.
func TestDeriveEstateBranchSecretary(t *testing.T) {
	m := derived("", "山东省青岛市市北区台东街道顺兴路社区海岸花园小区是个老小区。小区党支部书记邱永福退休前是工程师。邱永福带着党员修好了路灯。")
	checkMeta(t, m, "邱永福", "小区党支部书记", "山东省青岛市市北区台东街道顺兴路社区海岸花园小区")
	m = derived("", "解放街道西关社区光明楼院住着60户人家。楼院党支部书记贺桂香每天早上在院里转一圈。贺桂香说，院里的事大家管。")
	checkMeta(t, m, "贺桂香", "楼院党支部书记", "解放街道西关社区光明楼院")
}

// Class 2, the forms the secretary is named in, with a surname that is
// also a word (施): after "书记是", as a line of her own above "她是…",
// after a time phrase, after a second post, in brackets, in a signature.
func TestDeriveBranchSecretaryForms(t *testing.T) {
	for _, c := range []struct{ title, text string }{
		{"", "润泽园小区党支部书记是施红英。施红英每天在小区里转。"},
		{"", "小区党支部书记、业委会主任施红英每天在小区里转。施红英说，事情要商量。"},
		{"", "施红英\n她是润泽园小区党支部书记，退休前是教师。施红英每天在小区里转。"},
		{"", "施红英（润泽园小区党支部书记）每天在小区里转。施红英说，事情要商量。"},
		{"施红英：小区的事大家办", "她是润泽园小区党支部书记。施红英每天都在。"},
		{"", "2018年，施红英当选润泽园小区党支部书记。施红英每天都在。"},
		{"", "润泽园小区党支部书记 施红英\n施红英每天都在。"},
	} {
		if m := derived(c.title, c.text); m.Leader != "施红英" || m.Role != "小区党支部书记" {
			t.Errorf("%q: leader %q role %q", c.text, m.Leader, m.Role)
		}
	}
	// "她是书记的好帮手", "她的责任是协助书记" state no post.
	if m := derived("", "施红英\n她的责任是协助书记做好记录。施红英每天都在。"); m.Leader != "" {
		t.Errorf("assistant taken as the secretary: %q", m.Leader)
	}
	if m := derived("", "施红英\n她是书记的好帮手。施红英每天都在。"); m.Leader != "" {
		t.Errorf("helper taken as the secretary: %q", m.Leader)
	}
}

// Class 3: the name only in a byline or a signature.
func TestDeriveBylineOnly(t *testing.T) {
	m := derived("把小事办实", "我在社区工作了十二年。我们社区有一支楼长队伍。\n（作者：严立新，系浙江省宁波市江北区孔浦街道怡江社区党委书记）")
	checkMeta(t, m, "严立新", "社区党委书记", "浙江省宁波市江北区孔浦街道怡江社区")
	m = derived("", "我2018年到福建省厦门市思明区鹭江街道大同社区任党委书记。我们先从楼道卫生做起。\n作者为福建省厦门市思明区鹭江街道大同社区党委书记 骆建华")
	checkMeta(t, m, "骆建华", "社区党委书记", "福建省厦门市思明区鹭江街道大同社区")
	m = derived("", "口述：薛美华\n我2015年到长安街道东门社区任党委书记，那时社区很乱。")
	checkMeta(t, m, "薛美华", "党委书记", "长安街道东门社区")
	m = derived("", "文/翟海涛（河南省漯河市源汇区老街街道新华街社区党委书记）\n我在社区工作了十年。")
	checkMeta(t, m, "翟海涛", "社区党委书记", "河南省漯河市源汇区老街街道新华街社区")
	m = derived("", "我在社区干了十年。\n作者简介：翟海涛，河南省漯河市源汇区老街街道新华街社区党委书记。")
	checkMeta(t, m, "翟海涛", "社区党委书记", "河南省漯河市源汇区老街街道新华街社区")
	m = derived("", "翟海涛口述　本报记者王某整理\n我2012年到老街街道新华街社区任党委书记。")
	checkMeta(t, m, "翟海涛", "党委书记", "老街街道新华街社区")
	// A byline without any post stated anywhere names no secretary.
	if m := derived("", "作者：薛美华\n春天来了，公园里的花都开了。"); m.Leader != "" {
		t.Errorf("byline without a post: leader %q", m.Leader)
	}
}

// Class 4: two secretaries of two communities; the place and honours
// follow whom the sentence is about.
func TestDeriveTwoCommunities(t *testing.T) {
	m := derived("两个社区的两种办法", "在安徽省合肥市蜀山区，有两个社区。\n"+
		"社区党委书记倪红霞今年50岁，在南七街道望江社区工作了十五年。倪红霞办起了“周末议事会”。2021年，倪红霞被评为安徽省优秀共产党员。\n"+
		"柯建军2020年调任稻香村街道翠竹社区党委书记。翠竹社区年轻人多，翠竹社区的活动过去没人来。柯建军推出了“夜间课堂”。\n"+
		"2022年，柯建军被评为合肥市优秀党务工作者，倪红霞则到翠竹社区介绍经验。")
	checkMeta(t, m, "倪红霞", "社区党委书记", "安徽省合肥市蜀山区南七街道望江社区")
	if !slices.Equal(m.Others, []string{"柯建军"}) || !slices.Equal(m.Honours, []string{"安徽省优秀共产党员"}) {
		t.Errorf("others %v honours %v", m.Others, m.Honours)
	}
}

// Class 4 in Traditional script: the other secretary's honour and
// community are his.
func TestDeriveTwoCommunitiesTraditional(t *testing.T) {
	m := derived("兩個社區的兩種辦法", "社區黨委書記倪紅霞今年50歲，在南七街道望江社區工作了十五年。倪紅霞辦起了「週末議事會」。\n"+
		"柯建軍2020年調任稻香村街道翠竹社區黨委書記。翠竹社區年輕人多，翠竹社區的活動過去沒人來。\n"+
		"2022年，柯建軍被評為合肥市優秀黨務工作者，倪紅霞則到翠竹社區介紹經驗。2021年，倪紅霞被評為安徽省優秀共產黨員。")
	checkMeta(t, m, "倪紅霞", "社區黨委書記", "南七街道望江社區")
	if !slices.Equal(m.Honours, []string{"安徽省優秀共產黨員"}) {
		t.Errorf("honours %v", m.Honours)
	}
}

// Class 4, by section: a sentence naming no one is about whom its
// paragraph or its section heading names.
func TestDeriveTwoCommunitiesBySection(t *testing.T) {
	m := derived("两个社区的夜晚", "邬秀英：灯下议事\n社区党委书记邬秀英每晚都在社区值班。十里街道莲花社区有居民三千户，莲花社区的老人多。\n"+
		"祝建国：错时办公\n祝建国2021年调任五里街道桃源社区党委书记。\n五里街道桃源社区年轻人多，桃源社区白天没人，桃源社区就改成错时办公。")
	checkMeta(t, m, "邬秀英", "社区党委书记", "十里街道莲花社区")
}

// Class 6: a kinship call-name holding the surname; a 最美 honour.
func TestDeriveKinAliasAndHonour(t *testing.T) {
	m := derived("", "社区党委书记鲍玉琴每天走访。老人们见了她，一口一个“鲍大姐”。2020年，鲍玉琴获评南京市“最美社区书记”。")
	if !slices.Equal(m.Aliases, []string{"鲍大姐"}) || !slices.Equal(m.Honours, []string{"南京市最美社区书记"}) {
		t.Errorf("aliases %v honours %v", m.Aliases, m.Honours)
	}
	m = derived("", "社区党委书记鲍玉琴每天走访。2019年，她被评为浙江省“千名好支书”。鲍玉琴说，这是大家的荣誉。")
	if !slices.Equal(m.Honours, []string{"浙江省千名好支书"}) {
		t.Errorf("好支书: honours %v", m.Honours)
	}
	m = derived("", "社区党委书记郝美玲走进楼道。“郝姐，帮帮忙！”居民喊道。郝美玲笑了。")
	if !slices.Equal(m.Aliases, []string{"郝姐"}) {
		t.Errorf("aliases %v", m.Aliases)
	}
	m = derived("", "社區黨委書記鄒麗娟每天走訪。住戶們都叫我「鄒姐」。鄒麗娟說，社區就是家。")
	if !slices.Equal(m.Aliases, []string{"鄒姐"}) {
		t.Errorf("traditional aliases %v", m.Aliases)
	}
	// A kinship word after another surname is someone else.
	m = derived("", "社区党委书记鲍玉琴每天走访。“王大姐，您的药买到了吗？”鲍玉琴问。")
	if len(m.Aliases) != 0 {
		t.Errorf("aliases %v, want none", m.Aliases)
	}
}

// Common surnames that are also everyday words (高, 楼, 强) are names
// when a profile line or a post stands next to them; the community named
// before the post (桂香社区党委书记) is a place, not a person.
func TestDeriveCommonWordSurnames(t *testing.T) {
	for _, c := range []struct{ title, text, leader string }{
		{"桂香社区党委书记高翠兰：把服务做到居民下班后", "高翠兰，女，1975年生，现任江城市东湖区桂香社区党委书记。桂香社区是一个新建小区。为此，高翠兰推行“错时服务”。", "高翠兰"},
		{"把小事办好的人", "楼晓东，男，1980年生，2016年起任临江社区党委书记。楼晓东上任后先走访了全部楼栋。", "楼晓东"},
		{"强书记的“三张清单”", "兴华社区党委书记强文静说，清单要让居民看得见。强文静把需求、资源、项目列成清单。", "强文静"},
	} {
		if got := derived(c.title, c.text); got.Leader != c.leader {
			t.Errorf("%s: leader %q, want %q", c.title, got.Leader, c.leader)
		}
	}
}

// A verb written just before the place ("对话滨江市…") is not part of it.
func TestDerivePlaceAfterAVerb(t *testing.T) {
	got := derived("【对话社区书记】严玉华：老小区的事，大家商量着办", "编者按：本期我们对话滨江市东港区望海社区党委书记严玉华。\n严玉华：我们社区是老小区。")
	checkMeta(t, got, "严玉华", "社区党委书记", "滨江市东港区望海社区")
}
