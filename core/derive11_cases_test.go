package core

import (
	"strings"
	"testing"
)

// Articles of two secretaries told in turn (corpus/testdata/genre-classes
// 61-63): what each one did is hers in every answer — who made a
// practice, her methods, her summary — and never the other's.
func TestSecretariesToldInTurnOwnTheirPractices(t *testing.T) {
	t.Parallel()
	s := serviceOverFiles(t, "genre-classes/61_md_two_communities_table_yu.md",
		"genre-classes/62_two_secretaries_midpara_heading_cen.txt", "genre-classes/63_two_secretaries_no_headings_fan.txt",
		"genre-classes/70_contrast_turn_second_secretary_tao.txt")
	for _, c := range []struct {
		q         string
		want, not []string
	}{
		{"亲子志愿队是谁组织的？", []string{"邵慧敏"}, []string{"范丽君"}},
		{"周末夜市是谁办的？", []string{"覃志刚"}, []string{"岑美玲"}},
		{"覃志刚有什么工作方法？", []string{"榕树下调解队", "周末夜市"}, []string{"江畔老年食堂", "守望员"}},
		{"邵慧敏有什么工作方法？", []string{"三方联席会", "亲子志愿队"}, []string{"一事一议", "216名"}},
		{"范丽君有什么工作方法？", []string{"一事一议"}, []string{"亲子志愿队", "联席会", "74件"}},
		{"岑美玲有什么工作方法？", []string{"江畔老年食堂"}, []string{"周末夜市", "榕树下"}},
		{"韩立军有什么工作方法？", []string{"夜间党群驿站", "红领巾托管班"}, []string{"楼栋议事会", "积分超市"}},
		{"余秀娟有什么工作方法？", []string{"楼栋议事会", "邻里积分超市"}, []string{"夜间党群驿站", "托管班"}},
		{"贺建军有什么工作方法？", []string{"邻里夜校", "430课堂"}, []string{"爬楼帮帮团", "助餐点"}},
		{"陶玉琴有什么工作方法？", []string{"爬楼帮帮团"}, []string{"邻里夜校", "430课堂"}},
		{"430课堂是谁办的？", []string{"贺建军"}, nil},
	} {
		ans := askSummary(t, s, c.q)
		checkOwnFacts(t, c.q, ans.Text, c.want, c.not)
	}
}

// A career before the post (1998年入伍…干了八年, 2006年退伍后，她…2012年起
// 担任…党委书记): when she took the post is the post's year, not the
// army's, and how long she has held it is counted from it to the report
// (2022); a village secretary who became the community's (原来的村党支部
// 书记韦国强，成了那坛社区党委书记) is asked the same.
func TestPostYearAfterAnotherCareer(t *testing.T) {
	t.Parallel()
	s := serviceOverFiles(t, "genre-classes/66_army_career_term_xiang.txt", "genre-classes/67_village_to_residence_nickname_wei.txt")
	for _, c := range []struct {
		q         string
		want, not []string
	}{
		{"向红英哪年当上书记？", []string{"2012年起担任东湖社区党委书记"}, []string{"1998"}},
		{"向红英什么时候开始当社区书记的？", []string{"2012年"}, []string{"1998"}},
		{"向红英当了几年书记？", []string{"2012年起担任东湖社区党委书记", "约10年"}, []string{"1998", "16年"}},
		{"向红英之前是做什么的？", []string{"入伍"}, nil},
		{"韦国强什么时候当上社区书记的？", []string{"成了那坛社区党委书记"}, nil},
		{"韦国强有什么工作方法？", []string{"三会议事"}, nil},
		{"老韦是谁？", []string{"韦国强", "那坛社区"}, nil},
	} {
		ans := askSummary(t, s, c.q)
		for _, w := range c.want {
			if !strings.Contains(ans.Text, w) {
				t.Errorf("%s: answer lacks %s:\n%s", c.q, w, ans.Text)
			}
		}
		for _, w := range c.not {
			if strings.Contains(ans.Text, w) {
				t.Errorf("%s: answer holds %s:\n%s", c.q, w, ans.Text)
			}
		}
	}
}

// checkOwnFacts checks the answer to q about one secretary holds all of
// want and none of not (the other secretary's facts on the page).
func checkOwnFacts(t *testing.T, q, text string, want, not []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%s: answer lacks %s:\n%s", q, w, text)
		}
	}
	for _, w := range not {
		if strings.Contains(text, w) {
			t.Errorf("%s: answer holds the other secretary's %s:\n%s", q, w, text)
		}
	}
}
