package core

import (
	"context"
	"strings"
	"testing"
)

// compareService is one Service over testdata/compare_cases (four
// articles written for these tests: a news report with an army career and
// lures naming the fields, a government page, one page with two
// secretaries, a WeChat post telling no dates).
func compareService(t *testing.T) *Service {
	return sharedService(t, "testdata/compare_cases", func(t *testing.T) *Service { return serviceOverDir(t, "testdata/compare_cases") })
}

func askCompare(t *testing.T, q string) *Answer {
	t.Helper()
	// A chat of its own: no question follows another one here.
	ans, err := compareService(t).Ask(context.Background(), "compare-cases "+q, q)
	if err != nil {
		t.Fatal(err)
	}
	checkMarkers(t, ans)
	return ans
}

// lineOf is the answer's line about a leader (her bullet).
func lineOf(text, leader string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, "• "+leader) {
			return l
		}
	}
	return ""
}

// TestCompareOnAFieldIsWhatEachDid: each side of a comparison on a field
// is her doing on it, not her honour that names the field, what people
// say she is known for, or a resident's words about her.
func TestCompareOnAFieldIsWhatEachDid(t *testing.T) {
	for _, c := range []struct {
		q      string
		want   []string // each side's practice
		forbid []string
	}{
		{"柏秋云和隋海燕在养老上有什么不同？", []string{"银发驿站", "长者饭堂"}, []string{"敬老爱老助老模范", "不犯愁", "一说起养老"}},
		{"柏秋云和隋海燕在调解矛盾上有什么区别？", []string{"说和小屋"}, []string{"人民调解工作先进个人", "一说起养老", "找她评理"}},
		{"柏秋云和莫春兰在化解邻里纠纷上有什么不同？", []string{"说和小屋", "楼道长"}, []string{"人民调解工作先进个人", "找她评理", "老娘舅"}},
		// The praise a report sums her up with names the field too; a
		// doing told alone is followed by what it counted since.
		{"戚文娟和隋海燕在物业管理上有什么不同？", []string{"红管家", "40多盏", "红色物业联盟"}, []string{"走出了一条", "楼道亮了"}},
	} {
		ans := askCompare(t, c.q)
		if ans.Refused {
			t.Errorf("%s: refused:\n%s", c.q, ans.Text)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(ans.Text, w) {
				t.Errorf("%s: lacks %q:\n%s", c.q, w, ans.Text)
			}
		}
		for _, w := range c.forbid {
			if strings.Contains(ans.Text, w) {
				t.Errorf("%s: quotes %q, which is no doing of hers:\n%s", c.q, w, ans.Text)
			}
		}
		if n := len([]rune(ans.Text)); n > 520 {
			t.Errorf("%s: %d runes, not concise:\n%s", c.q, n, ans.Text)
		}
	}
	// A side the articles say nothing of on the field is said to be so.
	ans := askCompare(t, "柏秋云和隋海燕在调解矛盾上有什么区别？")
	if !strings.Contains(ans.Text, "没有") || !strings.Contains(ans.Text, "隋海燕在这方面") {
		t.Errorf("the side without a practice on the field is not said to lack one:\n%s", ans.Text)
	}
}

// TestCompareTwoOnOnePageKeepsEachHers: two secretaries of one article
// are compared each on her own sentences.
func TestCompareTwoOnOnePageKeepsEachHers(t *testing.T) {
	ans := askCompare(t, "晏立新和莫春兰在调解上有什么不同？")
	yan, mo := lineOf(ans.Text, "晏立新"), lineOf(ans.Text, "莫春兰")
	if !strings.Contains(yan, "老娘舅") || strings.Contains(yan, "楼道长") {
		t.Errorf("晏立新's side is not his own:\n%s", ans.Text)
	}
	if !strings.Contains(mo, "楼道长") || strings.Contains(mo, "老娘舅") {
		t.Errorf("莫春兰's side is not her own:\n%s", ans.Text)
	}
}

// TestWhoHasMore: "谁当书记时间长 / 谁年纪大 / 谁的社区人多" is answered
// first, with both values, each one's sentence cited; a value not stated
// is said to be missing and nothing is concluded.
func TestWhoHasMore(t *testing.T) {
	for _, c := range []struct {
		q     string
		lead  string   // the answer opens with it
		holds []string // both values
		not   []string
	}{
		// A career after the army: the year she took the post, not the
		// year she enlisted; a birth year is no term.
		{"柏秋云和隋海燕谁当书记时间更长？", "柏秋云当书记时间更长", []string{"2012年", "2016年"}, []string{"1992年起", "1979年起"}},
		{"隋海燕和柏秋云谁先当上书记？", "柏秋云更早当上书记", []string{"2012年", "2016年"}, nil},
		// An age in a dated report against a birth year.
		{"柏秋云和隋海燕谁年纪大？", "柏秋云年纪更大", []string{"51岁", "1979年"}, nil},
		{"柏秋云和隋海燕谁更年轻？", "隋海燕更年轻", []string{"51岁", "1979年"}, nil},
		{"柏秋云和隋海燕谁的社区人多？", "柏秋云的社区人更多", []string{"1.1万人", "6800余人"}, nil},
		// Two on one page: each one's own figures.
		{"晏立新和莫春兰谁当书记时间长？", "晏立新当书记时间更长", []string{"2005年", "2019年"}, []string{"资料中没有关于"}},
		{"晏立新和莫春兰哪个社区大？", "莫春兰的社区人更多", []string{"9100人", "5200人"}, nil},
		// Not stated for one of them: said so, no verdict.
		{"柏秋云和戚文娟谁当书记时间长？", "资料中没有提到戚文娟从哪一年起当书记", []string{"2012年"}, []string{"更长", "更早"}},
	} {
		ans := askCompare(t, c.q)
		if !strings.HasPrefix(ans.Text, c.lead) {
			t.Errorf("%s: does not open with %q:\n%s", c.q, c.lead, ans.Text)
		}
		for _, w := range c.holds {
			if !strings.Contains(ans.Text, w) {
				t.Errorf("%s: lacks %q:\n%s", c.q, w, ans.Text)
			}
		}
		for _, w := range c.not {
			if strings.Contains(ans.Text, w) {
				t.Errorf("%s: says %q:\n%s", c.q, w, ans.Text)
			}
		}
		if len(ans.Citations) == 0 {
			t.Errorf("%s: nothing cited:\n%s", c.q, ans.Text)
		}
	}
}

func TestWhichMoreAsked(t *testing.T) {
	for q, want := range map[string]string{
		"柏秋云和隋海燕谁当书记时间更长":  "term",
		"她们俩谁先当上社区书记":      "term",
		"两人谁的资历更老":         "term",
		"柏秋云和隋海燕谁年纪大":      "age",
		"两位书记谁更年轻":         "age",
		"哪个社区人口多":          "size",
		"谁的社区居民更多":         "size",
		"柏秋云和隋海燕的做法有什么不同":  "",
		"两人谁的做法更适合老旧小区":    "",
		"柏秋云和隋海燕在养老上有什么区别": "",
	} {
		wm, ok := whichMoreAsked(q)
		if got := map[bool]string{true: wm.kind}[ok]; got != want {
			t.Errorf("whichMoreAsked(%q) = %q, want %q", q, got, want)
		}
	}
	if y := termStart("柏秋云1992年参军入伍，2006年退役，2012年起担任桃园社区党委书记"); y != 2012 {
		t.Errorf("termStart after an army career = %d, want 2012", y)
	}
	if y := termStart("二〇一六年，她当选为社区党委书记"); y != 2016 {
		t.Errorf("termStart in Chinese numerals = %d, want 2016", y)
	}
	if y := termStart("隋海燕，1979年出生，现任春和社区党委书记"); y != 0 {
		t.Errorf("termStart of a birth year = %d, want 0", y)
	}
}

// TestCompareFollowedByResults: "那她们的效果呢" after a comparison tells
// what came of each one's practice compared, both sides; a practice the
// text tells no result of is said to have none, not given another's.
func TestCompareFollowedByResults(t *testing.T) {
	s := compareService(t)
	ctx := context.Background()
	ask := func(chat, q string) *Answer {
		t.Helper()
		ans, err := s.Ask(ctx, chat, q)
		if err != nil {
			t.Fatal(err)
		}
		checkMarkers(t, ans)
		return ans
	}
	ask("results-field", "柏秋云和隋海燕在养老上有什么不同？")
	ans := ask("results-field", "那她们的效果呢？")
	bai, sui := lineOf(ans.Text, "柏秋云"), lineOf(ans.Text, "隋海燕")
	if !strings.Contains(bai, "140多对") && !strings.Contains(bai, "7人") {
		t.Errorf("柏秋云's results of her practice on the field are missing:\n%s", ans.Text)
	}
	if !strings.Contains(sui, "90多人") || strings.Contains(ans.Text, "98%") {
		t.Errorf("隋海燕's side is not what came of the practice compared (长者饭堂):\n%s", ans.Text)
	}

	ask("results-methods", "三色台账工作法和红色物业联盟有什么不同？")
	ans = ask("results-methods", "那效果呢？")
	if !strings.Contains(lineOf(ans.Text, "隋海燕"), "98%") {
		t.Errorf("the 红色物业联盟's result is missing:\n%s", ans.Text)
	}
	if strings.Contains(ans.Text, "140多对") || !strings.Contains(ans.Text, "没有提到柏秋云的“三色台账工作法”的成效") {
		t.Errorf("a method with no result told should be said so, not given another practice's:\n%s", ans.Text)
	}
}

// TestCompareMethodsLeadsWithThePoint: two named methods are compared by
// the field each works on, said first, then each by its own sentences.
func TestCompareMethodsLeadsWithThePoint(t *testing.T) {
	ans := askCompare(t, "柏秋云的说和小屋和隋海燕的红色物业联盟有什么不同？")
	lines := strings.Split(ans.Text, "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[1], "• 不同点：") || !strings.Contains(lines[1], "“物业”") {
		t.Errorf("want the difference first:\n%s", ans.Text)
	}
	if !strings.Contains(lineOf(ans.Text, "柏秋云"), "说和小屋") || !strings.Contains(lineOf(ans.Text, "隋海燕"), "红色物业联盟") {
		t.Errorf("each method by its own sentences:\n%s", ans.Text)
	}
}

// TestBothDoIt: "两人都办了…吗" is answered yes or no first, as far as the
// articles tell it; a side whose practice found is on something else is
// not counted as having it.
func TestBothDoIt(t *testing.T) {
	for q, lead := range map[string]string{
		"柏秋云和隋海燕都办了老年食堂吗？": "资料中写到柏秋云和隋海燕都有这方面的做法",
		"柏秋云和隋海燕都成立了调解室吗？": "资料中只写到柏秋云有这方面的做法，没有提到隋海燕的",
		"晏立新和莫春兰都搞了时间银行吗？": "资料中只写到晏立新有这方面的做法，没有提到莫春兰的",
	} {
		ans := askCompare(t, q)
		if !strings.HasPrefix(ans.Text, lead) {
			t.Errorf("%s: want the answer first, %q:\n%s", q, lead, ans.Text)
		}
		if l := lineOf(ans.Text, "隋海燕"); strings.Contains(q, "调解室") && l != "" && !strings.Contains(l, "主要方法") {
			t.Errorf("%s: her practice on another field is quoted as the one asked:\n%s", q, ans.Text)
		}
	}
}

// TestCompareWithoutAFieldSaysTheDifference: "做法有什么不同" with no field
// opens with the field each one's main method works on.
func TestCompareWithoutAFieldSaysTheDifference(t *testing.T) {
	ans := askCompare(t, "柏秋云和隋海燕的做法有什么不同？")
	lines := strings.Split(ans.Text, "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[1], "• 不同点：柏秋云的") || !strings.Contains(lines[1], "隋海燕的") {
		t.Errorf("want the difference first:\n%s", ans.Text)
	}
}

// TestWhoHasMoreOfSomething: "谁的楼院多" counts that, not the residents;
// a count not stated for one is said so.
func TestWhoHasMoreOfSomething(t *testing.T) {
	ans := askCompare(t, "柏秋云和隋海燕谁的楼院多？")
	if !strings.HasPrefix(ans.Text, "资料中没有提到柏秋云的楼院数量") || !strings.Contains(ans.Text, "楼院21个") || strings.Contains(ans.Text, "1.1万") {
		t.Errorf("want 隋海燕's count of 楼院 and 柏秋云's said missing:\n%s", ans.Text)
	}
	if wm, ok := whichMoreAsked("谁的社区老人多"); !ok || wm.kind != "count" || wm.noun != "老人" {
		t.Errorf("谁的社区老人多 asks a count of 老人, got %+v", wm)
	}
	if v, said, ok := countOf("目前，社区共设置8个一级网格，24个二级网格", "网格"); !ok || v != 8 || said != "8个一级网格" {
		t.Errorf("countOf = %v %q %v", v, said, ok)
	}
}
