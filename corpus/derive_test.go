package corpus

import (
	"slices"
	"testing"
)

func TestDeriveLeaderGenre(t *testing.T) {
	t.Parallel()
	nt := newNameTables()
	cases := []struct{ title, text, want string }{
		// Compound surname in a profile line.
		{"", "上官文静，女，汉族，1980年生，现任某某社区党委书记。上官文静到社区工作十年。", "上官文静"},
		// Surname that is a common word, named only as the subject.
		{"", "万方面面俱到。万丽萍是中山社区党总支书记。万丽萍每天走访居民，万丽萍说要把小事办好。", "万丽萍"},
		// Named first by post, the name later.
		{"", "该社区党委书记是一位“80后”。她叫门小雪，十年前回到社区。门小雪说，门要常开。", "门小雪"},
		// The headline opens with the name.
		{"海燕红：把服务送到家", "社区的事她件件上心。海燕红说，居民满意就好。", "海燕红"},
		// Address by surname after 叫她; the full name is counted.
		{"", "居民们叫她钟书记。八点钟，钟小燕准时上班。钟小燕说要服务好居民。", "钟小燕"},
		// A post in brackets after the name; the surname is a common word.
		{"严晓雯（社区党委书记）：让小巷管家管好小巷", "严晓雯是福佑路社区的当家人。严格要求自己的严晓雯，每天巡弄堂。", "严晓雯"},
		// A visiting official's post is not the community secretary's.
		{"区委书记到东风社区调研", "区委书记张振华来到东风社区。社区党委书记谭丽君介绍做法。张振华给予肯定，张振华要求学习。谭丽君说要推广。", "谭丽君"},
		// Given-name nickname does not confuse the surname.
		{"", "华秀芳，女，1972年生。大家叫她秀芳书记。华秀芳说，中华老字号也要服务好。", "华秀芳"},
	}
	for _, c := range cases {
		if got, _ := deriveLeader(c.title, c.text, nt); got != c.want {
			t.Errorf("deriveLeader(%q) = %q, want %q", c.text, got, c.want)
		}
	}
	// Common-word surnames without context, a street, prose: no leader.
	for _, text := range []string{
		"花园路街道的路口新修了路灯。路面平整，路灯明亮，路口干净。",
		"方面的问题很多。方面的意见也多。方面要统筹。",
		"社区门口新开了门诊。门诊每天开门。门口有人值守。",
		// Verbs and adverbs after 书记 are not names.
		"社区书记有一次说起这事。社区书记都说好。书记从事基层工作多年，书记干事创业，书记有一次又说。书记都同意。",
	} {
		if got, _ := deriveLeader("", text, nt); got != "" {
			t.Errorf("deriveLeader(%q) = %q, want none", text, got)
		}
	}
	// Two secretaries: the one the headline and most mentions name leads;
	// the other is reported.
	leader, others := deriveLeader("两位书记——师晓东带领长安路社区",
		"长安路社区党委书记师晓东上任十二年。师晓东常说要学邻居。文艺路社区党委书记李文静坚持茶话会。李文静说经验要互相借。师晓东点头。", nt)
	if leader != "师晓东" || !slices.Equal(others, []string{"李文静"}) {
		t.Errorf("two secretaries: leader %q others %v", leader, others)
	}
}

func TestDerivePostsAndHonours(t *testing.T) {
	t.Parallel()
	cases := []struct {
		text, leader, role, place string
	}{
		{"全国人大代表钟小燕履职五年。作为重庆市渝中区解放碑街道较场口社区党委书记、居委会主任，钟小燕在社区一干就是18年。",
			"钟小燕", "社区党委书记、居委会主任", "重庆市渝中区解放碑街道较场口社区"},
		// The subtitle gives part of the chain, the text the city.
		{"——记海曙区鼓楼街道中山社区党总支书记万丽萍\n中山社区位于宁波市海曙区老城核心。万丽萍每天走访。",
			"万丽萍", "社区党总支书记", "宁波市海曙区鼓楼街道中山社区"},
		// Named by post first: no chain before 该社区; the community the
		// text introduces is the place.
		{"走进湖北省武汉市江汉区民族街道泉隆社区，楼道干净了。该社区党委书记、居委会主任是一位“80后”。她叫向春燕。向春燕说。",
			"向春燕", "社区党委书记、居委会主任", "湖北省武汉市江汉区民族街道泉隆社区"},
		// A deputy's post and another secretary's are not hers; prose
		// before the chain is not part of it.
		{"社区党委副书记王芳介绍情况。她扎根于普洱市思茅区倒生根社区。现任倒生根社区党总支书记李亚玲说，要服务到家。",
			"李亚玲", "社区党总支书记", "普洱市思茅区倒生根社区"},
		// Traditional text keeps its script.
		{"方志強,男,1968年生,2012年起任廣東省廣州市越秀區北京街道鹽運西社區黨委書記。", "方志強", "社區黨委書記", "廣東省廣州市越秀區北京街道鹽運西社區"},
		// A lone unit written once before the post is prose, not a place:
		// the chain the text gives elsewhere is.
		{"在江苏省南京市鼓楼区宁海路街道颐和路社区，提起社区党委书记管建华，居民都说好。管建华2009年起任职。",
			"管建华", "社区党委书记", "江苏省南京市鼓楼区宁海路街道颐和路社区"},
		// The post right before another person's name is hers, not the
		// leader's.
		{"安徽省合肥市蜀山区三里庵街道石桥社区居委会主任胡玉兰很热心。社区党委书记王一鸣说，胡玉兰来了以后门总开着。王一鸣笑了。胡玉兰说。",
			"胡玉兰", "社区居委会主任", "安徽省合肥市蜀山区三里庵街道石桥社区"},
		// Autonomous prefectures have long names.
		{"田小芳现任湖北省恩施土家族苗族自治州恩施市舞阳坝街道民族路社区党委书记。田小芳说。", "田小芳", "社区党委书记", "湖北省恩施土家族苗族自治州恩施市舞阳坝街道民族路社区"},
		// Nothing certain: empty, never a fragment.
		{"她带领社区居民打扫卫生。城市化进程中村居混合型社区的工作难做。", "王某某", "", ""},
	}
	for _, c := range cases {
		role, place := derivePosts(c.text, c.leader, nil, nil, newNameTables())
		if role != c.role || place != c.place {
			t.Errorf("derivePosts(%q) = %q, %q; want %q, %q", c.text, role, place, c.role, c.place)
		}
	}
	h := deriveHonours("2019年，她被评为浙江省优秀共产党员。当选全国人大代表以后，她每月接待居民。中山社区获评省文明社区。会上邀请人大代表协商。",
		map[string]string{"主要成就": "全国优秀党务工作者、江西省三八红旗手"}, "万丽萍", nil, nil)
	want := []string{"浙江省优秀共产党员", "全国人大代表", "全国优秀党务工作者", "江西省三八红旗手"}
	if !slices.Equal(h, want) {
		t.Errorf("honours %v, want %v", h, want)
	}
	// The scope is a place or 全国/自治区, never the prose before it.
	h = deriveHonours("包玉凤同志先后获得自治区三八红旗手、呼和浩特市优秀共产党员等荣誉称号。2022年，她当选丽江市人大代表。"+
		"社区先后有3名党员被评为市优秀共产党员，社区志愿者张明获评全国最美志愿者。", nil, "包玉凤", nil, nil)
	want = []string{"自治区三八红旗手", "呼和浩特市优秀共产党员", "丽江市人大代表"}
	if !slices.Equal(h, want) {
		t.Errorf("honours %v, want %v", h, want)
	}
}

func TestDeriveAliasesCallNames(t *testing.T) {
	t.Parallel()
	nt := newNameTables()
	text := "居民们习惯叫她“红梅姐”，年轻的社工则称她欧阳书记。老人喊她“小欧阳”也有。"
	got := deriveAliases(text, "欧阳红梅", nil, true, nt)
	for _, w := range []string{"欧阳书记", "红梅姐"} {
		if !slices.Contains(got, w) {
			t.Errorf("aliases %v lack %s", got, w)
		}
	}
	if got := deriveAliases("双塔北社区党委书记成建军，是居民眼里的“老成”。", "成建军", nil, true, nt); !slices.Equal(got, []string{"老成"}) {
		t.Errorf("aliases %v, want [老成]", got)
	}
	got = deriveAliases("居民们都叫他“老方”，也有人叫他方書記。大家叫他“贴心人”。", "方志強", nil, true, nt)
	if !slices.Equal(got, []string{"方書記", "老方"}) {
		t.Errorf("aliases %v", got)
	}
}

func TestPassageOfAnotherSecretary(t *testing.T) {
	t.Parallel()
	m := Meta{Leader: "师晓东", Aliases: []string{"师书记"}, Role: "社区党委书记", Place: "长安路社区", Others: []string{"李文静"}}
	if got := passageMeta(m, "文艺路社区党委书记李文静坚持了六年的睦邻茶话会。", ""); got.Leader != "李文静" || got.Role != "" || got.Place != "" {
		t.Errorf("passage naming only 李文静: %+v", got)
	}
	if got := passageMeta(m, "师晓东向李文静取经。", ""); got.Leader != "师晓东" || got.Role != "社区党委书记" {
		t.Errorf("passage naming both: %+v", got)
	}
	if got := passageMeta(m, "院落的事院落议。", ""); got.Leader != "师晓东" {
		t.Errorf("passage naming nobody: %+v", got)
	}
}
