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
