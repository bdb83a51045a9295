package catalog

import (
	"strings"
	"testing"
)

// TestCountedItemSteps: a name counting a kind inside it (青亲五力: five
// 力), told after 即 as five 、-joined items each holding 力, has those
// five as its steps, each carried out where the article turns to it (在
// 组织力上，…); a list of another length, or items without the counted
// character, gives none.
func TestCountedItemSteps(t *testing.T) {
	t.Parallel()
	text := "90后书记吕成\n\n面对复杂情况，吕成提出了“青亲五力工作法”，即以组织力聚人心、以服务力暖民心、以治理力解忧心、以文化力润童心、以共建力筑同心。\n在组织力上，社区设立12个小区党支部。\n在服务力上，吕成把办公区改成邻里中心。\n在治理力上，居民成立自管业委会。\n在文化力上，社区每年举办邻里节。\n在共建力上，社区与18家单位签订共建协议。\n"
	checkParts(t, buildFiles(t, map[string]string{"lv.txt": text}), "lv", "青亲五力工作法",
		[]string{"组织力", "服务力", "治理力", "文化力", "共建力"}, []string{"12个小区党支部", "邻里中心", "自管业委会", "邻里节", "18家单位"})
	for _, tail := range []string{"就是问候到、服务到。", "就是多问候、多服务、多关爱。"} {
		c := buildFiles(t, map[string]string{"wang.txt": "暖心书记\n\n王芳推行“暖心三到工作法”，" + tail + "居民都说好。\n"})
		if m, _, ok := c.FindMethod("暖心三到工作法"); ok && len(m.Steps) > 0 && strings.Contains(strings.Join(m.Steps, ""), "问候") {
			t.Errorf("%s: steps %q", tail, m.Steps)
		}
	}
}
