package catalog

import (
	"strings"
	"testing"

	"bangyang/corpus"
)

// A numbered method is one method: never also its name without the first
// numeral (核三治工作法 of 一核三治工作法, 3+N of 1+3+N).
func TestNumberedMethodNotTruncated(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"社区党委书记贝晓红总结出一核三治工作法。一核三治工作法以党组织为核心，推行自治、法治、德治。一核三治工作法实施以来，矛盾少了。", "一核三治工作法"},
		{"社区党委书记贝晓红推行“一核三治”工作法，以党组织为核心，推行自治、法治、德治。居民说，一核三治工作法管用。", "一核三治工作法"},
		{"社区党委书记贝晓红推出“1+3+N”服务模式。1+3+N服务模式中，1是社区党委，3是三支队伍，N是志愿者。1+3+N服务模式让居民得了实惠。", "1+3+N服务模式"},
		{"社区党委书记贝晓红推行1+3+N工作法：1个党群服务中心、3支队伍、N个志愿服务项目。1+3+N工作法让大家得了实惠。", "1+3+N工作法"},
		{"社区党委书记贝晓红推行一核三治机制，一核三治机制管用。", "一核三治机制"},
	} {
		got := methodsOf(t, corpus.Meta{Leader: "贝晓红"}, c.text)
		if _, ok := got[c.want]; !ok {
			t.Errorf("%q: %s not found: %v", c.text, c.want, got)
		}
		for n := range got {
			if n != c.want && strings.HasSuffix(c.want, n) {
				t.Errorf("%q: truncated duplicate %s of %s: %v", c.text, n, c.want, got)
			}
		}
	}
}

// The truncated name written on its own elsewhere in the article is
// still the numbered method, not a second one.
func TestNumberedMethodTruncatedElsewhere(t *testing.T) {
	got := methodsOf(t, corpus.Meta{Leader: "贝晓红"}, "社区党委书记贝晓红推行“1+3+N”工作法，大家都说好。\n居民说，“3+N”工作法让小区变了样。")
	if _, ok := got["3+N工作法"]; ok || len(got) != 1 {
		t.Errorf("methods %v, want only 1+3+N工作法", got)
	}
	// Two numbered methods that merely share an ending are two.
	got = methodsOf(t, corpus.Meta{Leader: "贝晓红"}, "社区党委书记贝晓红推行“四单工作法”，又推出“三单工作法”。")
	if len(got) != 2 {
		t.Errorf("methods %v, want 四单工作法 and 三单工作法", got)
	}
}

// A headline's slogan is no method: a verb phrase (把服务做到心坎上,
// 让老人笑起来) quoted in the headline and again in the text, or standing
// among numbered headings, lacks method-like evidence; a quoted name with
// a method's ending or introduced as a method still counts.
func TestHeadlineSloganNotMethod(t *testing.T) {
	for _, c := range []struct{ title, text string }{
		{"贝晓红：“把服务做到心坎上”", "社区党委书记贝晓红常说，“把服务做到心坎上”是她的心愿。贝晓红每天走访。"},
		{"“让老人笑起来”——记社区党委书记贝晓红", "“让老人笑起来”，这是社区党委书记贝晓红的心愿。她推行“楼道议事会”。"},
		{"贝晓红：把服务做到心坎上", "把服务做到心坎上\n社区党委书记贝晓红推出“楼道议事会”。“把服务做到心坎上”，贝晓红说到做到。"},
		{"", "社区党委书记贝晓红做了三件事。\n一、把服务做到心坎上\n她每天走访。\n二、楼道议事会\n每月一次。\n三、周末小课堂\n每周六开课。"},
	} {
		got := methodsOf(t, corpus.Meta{Leader: "贝晓红", Title: c.title}, c.text)
		for n := range got {
			if strings.Contains(n, "心坎") || strings.Contains(n, "笑起来") {
				t.Errorf("%q: slogan %s taken as a method: %v", c.title, n, got)
			}
		}
	}
	// A headline's quoted noun that the text quotes without treating it
	// as a method (no method word, no verb of creation) is no method.
	got := methodsOf(t, corpus.Meta{Leader: "贝晓红", Title: "贝晓红的“小板凳”"}, "社区党委书记贝晓红每天都坐在楼下的“小板凳”上，和居民聊天。")
	if _, ok := got["小板凳"]; ok {
		t.Errorf("headline noun taken as a method: %v", got)
	}
	got = methodsOf(t, corpus.Meta{Leader: "贝晓红", Title: "贝晓红和她的“楼道议事会”"}, "社区党委书记贝晓红办起了“楼道议事会”，每月一次。")
	if _, ok := got["楼道议事会"]; !ok {
		t.Errorf("楼道议事会 missing: %v", got)
	}
}

// Names that look like verb phrases but are names: 服务到家, 获得感.
func TestSloganLikeKeepsNames(t *testing.T) {
	for _, q := range []string{"服务到家", "幸福获得感", "邻里一张网", "三活四清五到家", "楼长接力棒"} {
		if sloganLike(q) {
			t.Errorf("%s taken for a slogan", q)
		}
	}
	for _, q := range []string{"把服务做到心坎上", "让老人笑起来", "议事会开到楼下", "小事办得好"} {
		if !sloganLike(q) {
			t.Errorf("%s not taken for a slogan", q)
		}
	}
}
