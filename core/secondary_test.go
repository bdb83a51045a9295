package core

import (
	"context"
	"strings"
	"testing"
)

// TestSecondSecretaryOfAnArticle: a secretary an article names beside its
// own (相邻的…书记李文静) can be asked about and compared with, on the
// sentences naming her; the article's own secretary is not credited with
// them.
func TestSecondSecretaryOfAnArticle(t *testing.T) {
	s := serviceOverDir(t, "../corpus/testdata/genre")
	ctx := context.Background()
	ask := func(q string) *Answer {
		t.Helper()
		ans, err := s.Ask(ctx, "", q)
		if err != nil {
			t.Fatal(err)
		}
		checkMarkers(t, ans)
		return ans
	}
	cmp := ask("师晓东和李文静的做法有什么不同？")
	if cmp.Refused || !strings.Contains(cmp.Text, "五步议事法") || !strings.Contains(cmp.Text, "睦邻茶话会") {
		t.Errorf("comparison lacks one side:\n%s", cmp.Text)
	}
	who := ask("李文静是谁？")
	if first, _, _ := strings.Cut(who.Text, "\n"); !strings.Contains(first, "文艺路社区") || strings.Contains(first, "相邻") {
		t.Errorf("who-is does not give her post and place: %q", first)
	}
	his := ask("师晓东有什么做法？")
	if strings.Contains(his.Text, "睦邻茶话会，每月请居民") {
		t.Errorf("his answer quotes what the other secretary did:\n%s", his.Text)
	}
}
