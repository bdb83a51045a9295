package quiz

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

func TestNumberDistractors(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	pool := append(findNumbers(0, "调解成功率达95.3%,服务1.8万人次。"), findNumbers(1, "满意率98%,服务18000余人次,满意度120%。")...)
	pct := pool[0]
	got := numberDistractors(pct, pool, rng)
	if len(got) < 3 || got[0] != "98" {
		t.Fatalf("percent distractors = %v, want corpus-drawn 98 first", got)
	}
	for _, d := range got {
		v, err := strconv.ParseFloat(d, 64)
		if err != nil || v > 100 || v <= 0 || d == "95.3" || !strings.Contains(d, ".") && d != "98" {
			t.Errorf("bad percent distractor %q", d)
		}
	}
	for _, d := range numberDistractors(pool[1], pool, rng) { // 1.8万
		if d == "18000" || d == "1.8万" {
			t.Errorf("distractor %q equals the answer 1.8万", d)
		}
	}
	if !containsBounded("成功率达95.3%", "95.3%") || containsBounded("成功率达95.3%", "5.3%") || containsBounded("共129件", "12") {
		t.Error("containsBounded ignores number boundaries")
	}
}
