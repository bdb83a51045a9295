package clean

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDebugGarble(t *testing.T) {
	if os.Getenv("CLEAN_DEBUG") == "" {
		t.Skip()
	}
	fs, _ := filepath.Glob("../../../shared/seed-articles/*.txt")
	for _, f := range fs {
		b, _ := os.ReadFile(f)
		res := &Result{}
		out := removePinyin(repairGarble(normalizeSpace(string(b)), res))
		fmt.Println("=====", f)
		fmt.Println(out)
		fmt.Printf("UNREPAIRED %q\n", res.Unrepaired)
	}
}

func TestDebugRun(t *testing.T) {
	if os.Getenv("CLEAN_DEBUG") == "" {
		t.Skip()
	}
	b, _ := os.ReadFile("../../../shared/seed-articles/" + os.Getenv("CLEAN_DOC"))
	d := newGarbleDoc(normalizeSpace(string(b)))
	for _, s := range strings.Split(os.Getenv("CLEAN_RUNS"), ",") {
		rs := []rune(s)
		for i := range rs {
			k := triggerAt(rs, i)
			if k == trigNone {
				continue
			}
			r, ok := d.build(rs, i, k, len(rs))
			fmt.Printf("%s kind=%d ok=%v", s, k, ok)
			if ok {
				fmt.Printf(" stream=% x unknown=%v py=%v end=%d\n", r.stream, r.unknown, r.pinyin, r.end)
				rep, ok := d.solve(r, rs)
				fmt.Printf("  solve=%q %v stream=% x plausible=%v\n", rep, ok, r.stream, d.plausible(rep, string(rs[r.start:r.end])))
			}
			break
		}
	}
}
