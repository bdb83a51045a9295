package catalog

import "testing"

// Steps told as 先是X，…；再是Y，…；最后是Z，… (one-character labels, the
// clause after each telling it) are the method's steps, each carried out
// by its own clause.
func TestLabelledSequenceSteps(t *testing.T) {
	t.Parallel()
	text := "对话社区书记\n\n记者：后来是怎么把大家拢到一起的？\n林海燕：我们搞了个“周末议事桌”。每周六上午，在小区广场摆一张桌子，居民有什么事都可以来说。先是听，社区干部把大家的意见记下来；再是议，请楼栋长、业委会和居民代表一起商量；最后是办，能当场办的当场办，办不了的一周内给答复。\n"
	checkParts(t, buildFiles(t, map[string]string{"guihua.txt": text}), "guihua", "周末议事桌",
		[]string{"听", "议", "办"}, []string{"意见记下来", "一起商量", "一周内给答复"})
	// A life told with 先是…最后是… over two labels is no method's steps.
	c := buildFiles(t, map[string]string{"life.txt": "她的路\n\n　　王芳推出了“邻里帮”工作法。她先是教书，后来到街道工作；最后是到社区当书记，一干十年。\n"})
	if m, _, ok := c.FindMethod("邻里帮工作法"); ok && len(m.Steps) > 0 {
		t.Errorf("steps %q from a life", m.Steps)
	}
}

// Steps told as 步骤一：X。…步骤二：Y。… paragraphs after the naming
// sentence are the method's steps, each carried out by its paragraph.
func TestStepsNumberedBuzhou(t *testing.T) {
	t.Parallel()
	text := "“五步议事法”让小区的事大家办\n\n在枫林社区，党委书记孟春梅推行“五步议事法”。具体怎么做？她讲了五个步骤。\n步骤一：收集议题。网格员每周入户记下问题。\n步骤二：筛选议题。社区两委每月开会定下议题。\n步骤三：民主协商。召开居民议事会一起商量。\n步骤四：公开公示。议定的方案在楼道公示栏张贴七天。\n步骤五：跟踪落实。社区指定专人跟进，办结后向居民反馈。\n"
	checkParts(t, buildFiles(t, map[string]string{"fenglin.txt": text}), "fenglin", "五步议事法",
		[]string{"收集议题", "筛选议题", "民主协商", "公开公示", "跟踪落实"}, []string{"每周入户", "每月开会", "一起商量", "七天", "向居民反馈"})
}

// The naming sentence going on with the first step (我们推行“三会一访”：
// 第一是楼栋会，每月一次，…；第二是…) carries out that step.
func TestFirstStepInTheNamingSentence(t *testing.T) {
	t.Parallel()
	text := "网友在线访谈\n\n宋立新：我是清河社区党委书记宋立新。我们推行“三会一访”：第一是楼栋会，每月一次，楼栋长召集居民议楼里的事；第二是恳谈会，每季度一次，请物业和居民代表面对面；第三是评议会，年底请居民给社区打分；“一访”就是社区干部每周入户走访。\n\n宋立新：现在楼栋会平均每次有30多人参加，社区一年收到的投诉从200多件降到40多件。\n"
	checkParts(t, buildFiles(t, map[string]string{"qinghe.txt": text}), "qinghe", "三会一访",
		[]string{"楼栋会", "恳谈会", "评议会"}, []string{"楼栋长召集居民", "面对面", "给社区打分"})
}
