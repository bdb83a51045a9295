package corpus

import (
	"slices"
	"testing"
)

// TestProgrammeAfterPostIsNoName: "书记项目", "书记党课" after a post open
// with a surname's rune (项, 党) but name a programme, not a secretary.
func TestProgrammeAfterPostIsNoName(t *testing.T) {
	nt := newNameTables()
	text := "孔德胜2017年起任北城街道党工委书记。他推行“书记项目”制度，每个社区书记每年领办一个民生项目。每月一次的书记党课由孔德胜主讲。\n在东风社区，书记刘芳芳推出“每日一问”。刘芳芳说，老人的事要天天问。"
	leader, others := deriveLeader("记北城街道党工委书记孔德胜", text, nt)
	if leader != "孔德胜" {
		t.Fatalf("leader %q", leader)
	}
	for _, bad := range []string{"项目", "党课"} {
		if slices.Contains(others, bad) {
			t.Errorf("others %v hold %q", others, bad)
		}
	}
	if !slices.Contains(others, "刘芳芳") {
		t.Errorf("others %v lack 刘芳芳", others)
	}
}
