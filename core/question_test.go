package core

import (
	"context"
	"slices"
	"testing"
)

// TestUnderstand checks what one reading of a question yields: intent,
// the names it uses (names, nicknames, communities, steps), the names the
// corpus does not have, the attribute asked, the step.
func TestUnderstand(t *testing.T) {
	t.Parallel()
	s := newOffline(t, nil)
	cases := []struct {
		q        string
		intent   Intent
		leaders  []string
		methods  []string
		unknown  bool
		attr     string
		step     int
		viaPlace bool
	}{
		{q: "什么是四单工作法？", intent: IntentWhat, methods: []string{"四单工作法"}},
		{q: "四單工作法具體有哪幾步？", intent: IntentSteps, methods: []string{"四单工作法"}},
		{q: "民主议单怎么议？", intent: IntentSteps, methods: []string{"四单工作法"}}, // a step names its method
		{q: "小吴书记是哪里人？", intent: IntentFact, leaders: []string{"吴中兰"}, attr: "籍贯"},
		{q: "郭书记获得过哪些荣誉？", intent: IntentFact, leaders: []string{"郭佳"}, attr: "荣誉"},
		{q: "吴中兰上过大学吗？", intent: IntentFact, leaders: []string{"吴中兰"}, attr: "学历"},
		{q: "吴中兰的电话是多少？", intent: IntentFact, leaders: []string{"吴中兰"}, attr: "联系方式"},
		{q: "有郭佳的手机吗？", intent: IntentFact, leaders: []string{"郭佳"}, attr: "联系方式"},
		{q: "吴中兰多久给老人打一次电话？", intent: IntentWhen, leaders: []string{"吴中兰"}},                              // a call made, not her number
		{q: "吴中兰的四单工做法有哪几步？", intent: IntentSteps, leaders: []string{"吴中兰"}, methods: []string{"四单工作法"}}, // one character mistyped, of the one named
		{q: "郭佳的工资是多少？", intent: IntentFact, leaders: []string{"郭佳"}, attr: "工资收入"},
		{q: "郭佳是怎么帮农民工讨回拖欠的工资的？", intent: IntentHow, leaders: []string{"郭佳"}},         // their pay, not hers
		{q: "吴中兰为什么能当上优秀书记？", intent: IntentSummary, leaders: []string{"吴中兰"}},        // what made her good, not her posts
		{q: "郭佳和吴中兰都搞过志愿服务吗？", intent: IntentCompare, leaders: []string{"郭佳", "吴中兰"}}, // each of them, on it
		{q: "郭佳和吴中兰的做法有什么共同点？", intent: IntentCompare, leaders: []string{"郭佳", "吴中兰"}},
		{q: "亞玲書記和小吳書記對待黨員的做法有什麼相同和不同？", intent: IntentCompare, leaders: []string{"李亚玲", "吴中兰"}},
		{q: "我们社区老年人多，可以借鉴哪位书记的经验？", intent: IntentAdvice},
		{q: "倒生根社区有多少名党员？", intent: IntentNumber, leaders: []string{"李亚玲"}, viaPlace: true},
		{q: "北京朝阳区有哪些优秀社区书记？", unknown: true, intent: IntentWhat},
		{q: "王秀芳书记在哪个社区工作？", unknown: true, intent: IntentWhere},
		{q: "上清寺路社区的居委会主任陈小红有什么事迹？", unknown: true, intent: IntentSummary, leaders: []string{"吴中兰"}, viaPlace: true}, // a person after a post
		{q: "倒生根社区网格员王丽是谁？", unknown: true, intent: IntentWho, leaders: []string{"李亚玲"}, viaPlace: true},
		{q: "商户的收入有变化吗？", intent: IntentResult}, // 收入 of 商户, not a secretary's pay
		{q: "吴中兰的四单工作法最后一步是什么？", intent: IntentSteps, leaders: []string{"吴中兰"}, methods: []string{"四单工作法"}, step: lastStep},
		{q: "社区想办夜市，怎么办？", intent: IntentAdvice}, // 夜市 is no city (X市)
		{q: "郭佳为什么能成为优秀书记？", intent: IntentSummary, leaders: []string{"郭佳"}},
		{q: "李亚玲遇到过什么困难？", intent: IntentProblem, leaders: []string{"李亚玲"}},
		{q: "我们社区居民参与方面问题比较多，可以学习哪位书记的做法？", intent: IntentAdvice},                  // 比较多 compares nothing
		{q: "郭佳和张影谁的做法比较好？", intent: IntentCompare, leaders: []string{"郭佳", "张影"}}, // between two named, 比较好 compares
		{q: "我们社区智慧社区方面比较薄弱，可以学谁？", intent: IntentAdvice},                          // 智慧社区 is a field, not a place
		// Whom to learn from, asked without 借鉴/学谁: "哪位书记有好办法",
		// "什么时候去找居民合适" (when to do it, not when something happened).
		{q: "居民反映的事半个月都没个回音，哪位书记有好办法？", intent: IntentAdvice},
		{q: "白天上门家家都锁着门，什么时候去找居民合适？", intent: IntentAdvice},
		// What residents think of the community names no community.
		{q: "居民觉得社区就是个衙门，怎么扭转这个印象？", intent: IntentAdvice},
		{q: "大家认为社区办事慢，可以学谁？", intent: IntentAdvice},
		{q: "过年过节小区里冷冷清清的，有没有书记办过活动？", intent: IntentAdvice}, // when, not a 小区's name
		{q: "活动室太小开会挤不下，还有什么地方能开？", intent: IntentAdvice},
		{q: "四单工作法推行以来一共办了几件事？", intent: IntentNumber, methods: []string{"四单工作法"}}, // 几件: a count in its measure
		{q: "吴中兰这几件事是怎么做的？", intent: IntentHow, leaders: []string{"吴中兰"}},          // 这几件 counts nothing
		{q: "社区书记和主任是同一个人吗？", intent: IntentOther},                                 // 和 joins two posts: nobody unknown
		{q: "你好", intent: IntentChat},
		{q: "有哪些书记？", intent: IntentList},
	}
	for _, c := range cases {
		q := s.understand(c.q, Conversation{})
		if q.Intent != c.intent || !slices.Equal(q.Leaders, c.leaders) || !slices.Equal(q.Methods, c.methods) ||
			(len(q.Unknown) > 0) != c.unknown || q.Step != c.step || q.ViaPlace != c.viaPlace {
			t.Errorf("%s\n got intent=%s leaders=%v methods=%v unknown=%v step=%d viaPlace=%v", c.q, q.Intent, q.Leaders, q.Methods, q.Unknown, q.Step, q.ViaPlace)
		}
		if c.attr != "" && (len(q.Attributes) == 0 || q.Attributes[0].Name != c.attr) {
			t.Errorf("%s: attributes %v, want %s", c.q, q.Attributes, c.attr)
		}
	}
}

// TestResolveFollowUps checks that a follow-up takes what it leaves out
// from the turn it continues.
func TestResolveFollowUps(t *testing.T) {
	t.Parallel()
	s := newOffline(t, nil)
	ctx := context.Background()
	cases := []struct {
		first, then string
		intent      Intent
		leaders     []string
		methods     []string
		step        int
	}{
		{"什么是四单工作法？", "具体说说第二步", IntentSteps, []string{"吴中兰"}, []string{"四单工作法"}, 2},
		{"三活四清五到家是什么？", "是谁总结出来的？", IntentWho, []string{"李亚玲"}, []string{"三活四清五到家"}, 0},
		{"郭佳是谁？", "她获得过哪些荣誉？", IntentFact, []string{"郭佳"}, nil, 0},
		{"吴中兰有哪些荣誉？", "那郭佳呢？", IntentFact, []string{"郭佳"}, nil, 0},
		{"李亚玲是怎么找回失联党员的？", "后来呢？", IntentResult, []string{"李亚玲"}, nil, 0},
		{"三社联动是什么？", "是谁发起的？", IntentWho, []string{"吴中兰"}, []string{"三社联动"}, 0},            // only its cue
		{"零距离服务工程是什么？", "具体有哪几个零距离？", IntentSteps, []string{"邵敏"}, []string{"零距离服务工程"}, 0}, // its items
		{"四单工作法有哪几步？", "有没有具体的例子？", IntentExample, []string{"吴中兰"}, []string{"四单工作法"}, 0},
	}
	for _, c := range cases {
		chat := "rf:" + c.first
		if _, err := s.AskStream(ctx, chat, c.first, nil); err != nil {
			t.Fatal(err)
		}
		conv, _ := s.o.Memory.Load(ctx, chat)
		q := s.understand(c.then, conv)
		s.resolve(&q, conv.turn(""))
		if q.Intent != c.intent || !slices.Equal(q.Leaders, c.leaders) || !slices.Equal(q.Methods, c.methods) || q.Step != c.step {
			t.Errorf("%s → %s\n got intent=%s leaders=%v methods=%v step=%d", c.first, c.then, q.Intent, q.Leaders, q.Methods, q.Step)
		}
	}
	// An off-topic question after a conversation is not a follow-up.
	if _, err := s.AskStream(ctx, "rf:x", "什么是四单工作法？", nil); err != nil {
		t.Fatal(err)
	}
	ans, err := s.AskStream(ctx, "rf:x", "今天天气怎么样", nil)
	if err != nil || !ans.Refused {
		t.Errorf("off-topic question after a conversation answered: %+v %v", ans, err)
	}
}
