package core

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"bangyang/catalog"
)

// TestFollowUpsAfterHerProfile sweeps the genre secretaries: after "X有什
// 么工作方法？" (her profile, listing her methods), the follow-ups a
// worker asks next must stay on her and answer what they point to:
//   - "第一步怎么做？" is the first step of her first method told in
//     steps (its step named);
//   - "详细说说第二个" is the second method listed (named);
//   - "还有别的吗？" is not her profile again;
//
// and no answer cites another secretary's article.
func TestFollowUpsAfterHerProfile(t *testing.T) {
	t.Parallel()
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ctx := context.Background()
	n, off := 0, 0
	for _, l := range sweptLeaders(s) {
		if s.ents.leaderInfo[l].Secondary {
			continue
		}
		chat := "fp:" + l
		first, err := s.Ask(ctx, chat, l+"有什么工作方法？")
		if err != nil {
			t.Fatal(err)
		}
		conv, _ := s.o.Memory.Load(ctx, chat)
		listed := conv.turn("").Listed
		var follow []struct{ q, want string }
		if m, ok := s.firstWithSteps(listed); ok {
			rec, _ := s.o.Catalog.Method(m)
			follow = append(follow, struct{ q, want string }{"第一步怎么做？", rec.Steps[0]})
		}
		if len(listed) >= 2 {
			follow = append(follow, struct{ q, want string }{"详细说说第二个", strings.Trim(listed[1], "“”")})
		}
		for _, f := range follow {
			ans := askIn(t, s, chat+f.q, l+"有什么工作方法？", f.q)
			n++
			if ans.Refused || !strings.Contains(ans.Text, f.want) || !citesOnly(s, ans, l) {
				off++
				t.Logf("%s → %s (want %s)\n%s", l, f.q, f.want, ans.Text)
			}
		}
		more := askIn(t, s, chat+"more", l+"有什么工作方法？", "还有别的吗？")
		n++
		if more.Text == first.Text || !citesOnly(s, more, l) {
			off++
			t.Logf("%s → 还有别的吗？\n%s", l, more.Text)
		}
	}
	if n < 25 {
		t.Fatalf("only %d follow-ups: the sweep lost its articles", n)
	}
	if off*10 > n {
		t.Errorf("%d of %d follow-ups after a profile off (want ≤ 10%%)", off, n)
	}
}

// TestShortFollowUpsStayOnTheMethod sweeps the genre methods: right after
// "M是什么？", a short question naming nothing ("谁参加？", "多久开一次？",
// "在哪里？") is about M: the answer names its secretary and cites only
// her articles, whether it answers or says the articles do not tell it
// (before, it was a fresh question answered from whichever article
// matched 参加).
func TestShortFollowUpsStayOnTheMethod(t *testing.T) {
	t.Parallel()
	s := serviceOverDir(t, "../corpus/testdata/genre")
	n, off := 0, 0
	for _, m := range answeredMethods(t, s) {
		first := whatIs(m)
		for _, f := range []string{"谁参加？", "多久开一次？", "在哪里？"} {
			ans := askIn(t, s, fmt.Sprint("sm:", m.Name, f), first, f)
			n++
			if !strings.Contains(ans.Text, m.Leader) || !citesOnly(s, ans, m.Leader) {
				off++
				t.Logf("%s → %s\n%s", first, f, ans.Text)
			}
		}
	}
	if n < 45 {
		t.Fatalf("only %d follow-ups: the sweep lost its methods", n)
	}
	if off*10 > n {
		t.Errorf("%d of %d short follow-ups left the method (want ≤ 10%%)", off, n)
	}
}

// answeredMethods are the methods of the catalog's own secretaries that
// "M是什么？" answers: the ones a follow-up can lean on.
func answeredMethods(t *testing.T, s *Service) []catalog.Method {
	t.Helper()
	var out []catalog.Method
	for _, m := range s.o.Catalog.Methods() {
		if m.Leader == "" || s.ents.leaderInfo[m.Leader].Secondary {
			continue
		}
		a, err := s.Ask(context.Background(), "probe:"+m.Name, whatIs(m))
		if err != nil {
			t.Fatal(err)
		}
		if !a.Refused {
			out = append(out, m)
		}
	}
	return out
}

// whatIs asks what a method is, by its name in quotes.
func whatIs(m catalog.Method) string {
	return "“" + strings.Trim(m.Name, "“”") + "”是什么？"
}

// askIn asks first, then then, in a fresh chat, and returns the answer to
// then.
func askIn(t *testing.T, s *Service, chat, first, then string) *Answer {
	t.Helper()
	ctx := context.Background()
	if _, err := s.Ask(ctx, chat, first); err != nil {
		t.Fatal(err)
	}
	ans, err := s.Ask(ctx, chat, then)
	if err != nil {
		t.Fatal(err)
	}
	return ans
}

// citesOnly reports whether every passage the answer cites is from the
// leader's articles.
func citesOnly(s *Service, ans *Answer, leader string) bool {
	hers := map[string]bool{}
	for _, c := range s.leaderChunks(leader) {
		hers[c.ArticleID] = true
	}
	for _, c := range ans.Citations {
		if !hers[c.Chunk.ArticleID] {
			return false
		}
	}
	return true
}

// TestWhatElseSheDid sweeps the genre methods: "她还做了哪些事？" right
// after "M是什么？" asks for her other work, so the answer is not M's
// card again, and cites only her articles.
func TestWhatElseSheDid(t *testing.T) {
	t.Parallel()
	s := serviceOverDir(t, "../corpus/testdata/genre")
	n, off := 0, 0
	for _, m := range answeredMethods(t, s) {
		first := whatIs(m)
		ans := askIn(t, s, "else:"+m.Name, first, "她还做了哪些事？")
		n++
		if ans.Refused || strings.Contains(ans.Text, "是什么：") || !citesOnly(s, ans, m.Leader) {
			off++
			t.Logf("%s → 她还做了哪些事？\n%s", first, ans.Text)
		}
	}
	if n < 15 {
		t.Fatalf("only %d follow-ups: the sweep lost its methods", n)
	}
	if off*10 > n {
		t.Errorf("%d of %d 还做了哪些事 answers off (want ≤ 10%%)", off, n)
	}
}

// TestWhatLabelsDoings sweeps the genre methods: in "M是什么？" a line
// labelled 做法 tells something done (not the situation before it, a
// question the article asks, or what people call her), and a line
// labelled 成效 is not a bare doing without an outcome.
func TestWhatLabelsDoings(t *testing.T) {
	t.Parallel()
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ctx := context.Background()
	n, off := 0, 0
	for _, m := range s.o.Catalog.Methods() {
		q := "“" + strings.Trim(m.Name, "“”") + "”是什么？"
		ans, err := s.Ask(ctx, "wl:"+m.Name, q)
		if err != nil {
			t.Fatal(err)
		}
		for _, ln := range strings.Split(ans.Text, "\n") {
			body, ok := strings.CutPrefix(ln, "• 做法：")
			if !ok {
				continue
			}
			n++
			if !isDoing(body) {
				off++
				t.Logf("%s: %s", q, ln)
			}
		}
	}
	if n < 10 {
		t.Fatalf("only %d 做法 lines: the sweep lost its methods", n)
	}
	if off > 0 {
		t.Errorf("%d of %d 做法 lines tell no doing", off, n)
	}
}

// TestResultsAreTheMethodsOwn sweeps the genre methods of secretaries
// with more than one: "M效果怎么样？" quotes no result sentence that names
// another of her methods and not M (before, the 积分超市's figures were
// given as the 楼长议事会's).
func TestResultsAreTheMethodsOwn(t *testing.T) {
	t.Parallel()
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ctx := context.Background()
	p := &planner{s: s}
	n, off := 0, 0
	for _, m := range s.o.Catalog.Methods() {
		if m.Leader == "" || len(s.o.Catalog.MethodsOf(m.Leader)) < 2 {
			continue
		}
		name := strings.Trim(m.Name, "“”")
		q := "“" + name + "”的效果怎么样？"
		ans, err := s.Ask(ctx, "ro:"+m.Name, q)
		if err != nil {
			t.Fatal(err)
		}
		n++
		for _, ln := range strings.Split(ans.Text, "\n") {
			if strings.HasPrefix(ln, "• ") && p.namesHerOther(m, ln) && !strings.Contains(flatten(ln), flatten(name)) {
				off++
				t.Errorf("%s: another method's result:\n%s", q, ans.Text)
			}
		}
	}
	if n < 8 {
		t.Fatalf("only %d methods swept", n)
	}
}

// TestFollowUpIntents: what a follow-up asks, read after the turn it
// continues.
func TestFollowUpIntents(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ctx := context.Background()
	for _, c := range []struct {
		first, then string
		intent      Intent
		leaders     int
	}{
		{"于海燕的楼长议事会是什么？", "她是哪一年开始做的？", IntentWhen, 1},
		{"司马丽娟有什么做法？", "和万丽萍比呢？", IntentCompare, 2},
		{"向春燕是谁？", "居民怎么说？", IntentResult, 1},
		{"“三张清单”具体怎么用？", "为什么要这么做？", IntentProblem, 1},
		{"华秀芳有什么工作方法？", "那老年人方面呢？", IntentHow, 1},
		{"我们社区老人多，该学谁？", "那年轻人多的社区呢？", IntentAdvice, 0},
	} {
		chat := "fi:" + c.first + c.then
		if _, err := s.Ask(ctx, chat, c.first); err != nil {
			t.Fatal(err)
		}
		conv, _ := s.o.Memory.Load(ctx, chat)
		q := s.understand(c.then, conv)
		s.resolve(&q, conv.turn(""))
		if q.Intent != c.intent || len(q.Leaders) != c.leaders {
			t.Errorf("%s → %s: intent %s, leaders %v; want %s, %d", c.first, c.then, q.Intent, q.Leaders, c.intent, c.leaders)
		}
	}
}

// TestUnstatedPersonalFactsAbstain sweeps the genre secretaries with
// personal facts the genre's articles do not state (where she lives, her
// hobbies, her height): each is answered "资料中没有提到", never with a
// sentence about something else.
func TestUnstatedPersonalFactsAbstain(t *testing.T) {
	t.Parallel()
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ctx := context.Background()
	n := 0
	for _, l := range sweptLeaders(s) {
		for _, tpl := range []string{"%s住在哪个小区？", "%s平时有什么爱好？", "%s的身高是多少？"} {
			q := fmt.Sprintf(tpl, l)
			ans, err := s.Ask(ctx, "pf:"+q, q)
			if err != nil {
				t.Fatal(err)
			}
			n++
			if !ans.Refused || !strings.HasPrefix(ans.Text, "资料中没有提到") {
				t.Errorf("%s answered:\n%s", q, ans.Text)
			}
		}
	}
	if n < 60 {
		t.Fatalf("only %d questions", n)
	}
}

// TestDetailAnswerQuotesOnce: a detail asked of a method leads with its
// sentence; what the usual plan adds does not quote it again.
func TestDetailAnswerQuotesOnce(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre-classes")
	ans := askIn(t, s, "dq", "“邻里饭堂”是什么？", "谁出钱？")
	seen := map[string]bool{}
	for _, ln := range strings.Split(ans.Text, "\n") {
		if strings.HasPrefix(ln, "• ") && seen[ln] {
			t.Errorf("a line twice:\n%s", ans.Text)
		}
		seen[ln] = true
	}
}

// TestThatOneAsksTheSameFact sweeps the genre secretaries: "那Y呢？" after
// "X获得过什么荣誉？" asks Y's honours — an answer with her honour or an
// honest "资料中没有提到", never a bare "Y：" (before, the fact asked was
// lost and the reply was her name alone).
func TestThatOneAsksTheSameFact(t *testing.T) {
	t.Parallel()
	s := serviceOverDir(t, "../corpus/testdata/genre")
	leaders := sweptLeaders(s)
	for i := 0; i+2 < len(leaders); i += 3 {
		a, b, c := leaders[i], leaders[i+1], leaders[i+2]
		ans := askIn(t, s, "same:"+a, a+"获得过什么荣誉？", "那"+b+"呢？")
		if strings.TrimSpace(ans.Text) == b+"：" || !ans.Refused && !strings.Contains(ans.Text, "荣誉") {
			t.Errorf("那%s呢 after %s's honours:\n%s", b, a, ans.Text)
		}
		// And once more: the fact asked holds down the chain.
		again, err := s.Ask(context.Background(), "same:"+a, "那"+c+"呢？")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(again.Text, "荣誉") {
			t.Errorf("那%s呢 second in the chain:\n%s", c, again.Text)
		}
	}
}

// TestFollowUpsThatAreNot: questions after a turn that ask something else
// are read as that: a method's results (还有哪些成效), her honours (她还有
// 什么荣誉), a field of its own (网格化是什么), a comparison of no one
// named (党员和居民谁更积极).
func TestFollowUpsThatAreNot(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ctx := context.Background()
	for _, c := range []struct {
		first, then string
		check       func(q Question) bool
		want        string
	}{
		{"于海燕的楼长议事会是什么？", "还有哪些成效？", func(q Question) bool { return q.Intent == IntentResult && len(q.Methods) == 1 }, "the method's results"},
		{"于海燕的楼长议事会是什么？", "她还有什么荣誉？", func(q Question) bool { return q.Intent == IntentFact }, "her honours"},
		{"于海燕有什么工作方法？", "网格化是什么？", func(q Question) bool { return !q.FollowUp }, "a field of its own"},
		{"于海燕有什么工作方法？", "党员和居民谁更积极？", func(q Question) bool { return q.Intent != IntentCompare }, "no comparison"},
	} {
		chat := "not:" + c.then
		if _, err := s.Ask(ctx, chat, c.first); err != nil {
			t.Fatal(err)
		}
		conv, _ := s.o.Memory.Load(ctx, chat)
		q := s.understand(c.then, conv)
		s.resolve(&q, conv.turn(""))
		if !c.check(q) {
			t.Errorf("%s → %s: want %s, got intent %s leaders %v methods %v follow-up %v", c.first, c.then, c.want, q.Intent, q.Leaders, q.Methods, q.FollowUp)
		}
	}
	// A district of another city restricts nothing: 重庆江北区 is not
	// 清江市江北区; 东湖小区 is no 东湖区.
	for _, q := range []string{"重庆江北区老年人多，可以学谁？", "我们东湖小区老人多，可以借鉴哪位书记的经验？"} {
		if r := s.understand(q, Conversation{}).Region; len(r) > 0 {
			t.Errorf("%s: region %v", q, r)
		}
	}
}

// TestMoreUntilNothingMore: "还有吗" after her profile brings more of what
// she did, and once all of it was shown says so (with what to ask next)
// rather than showing it again.
func TestMoreUntilNothingMore(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ctx := context.Background()
	if _, err := s.Ask(ctx, "more", "万丽萍有什么做法？"); err != nil {
		t.Fatal(err)
	}
	said := false
	for i := 0; i < 4 && !said; i++ {
		ans, err := s.Ask(ctx, "more", "还有吗？")
		if err != nil {
			t.Fatal(err)
		}
		said = strings.Contains(ans.Text, "上面都已经介绍了")
	}
	if !said {
		t.Error("four 还有吗 and never 'all was shown'")
	}
}

// TestRegionParts: a place chain's city and district, read from its
// opening; a community is no district, a street named 米市巷 no city.
func TestRegionParts(t *testing.T) {
	for place, want := range map[string][]string{
		"浙江省杭州市拱墅区米市巷街道青莲社区":  {"杭州市", "杭州", "拱墅区"},
		"山东省青岛市市南区八大湖街道闽江路社区": {"青岛市", "青岛", "市南区"},
		"桂园社区": nil,
	} {
		if got := regionParts(place); !slices.Equal(got, want) {
			t.Errorf("regionParts(%s) = %v, want %v", place, got, want)
		}
	}
}
