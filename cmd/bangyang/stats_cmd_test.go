package main

import (
	"path/filepath"
	"strings"
	"testing"

	"bangyang/store"
)

// While the bot holds the store, `bangyang stats` says where the figures
// are instead of hanging or failing obscurely; with no traffic it says so.
func TestStatsWhileServingAndEmpty(t *testing.T) {
	data := t.TempDir()
	st, err := store.Open(filepath.Join(data, "bangyang.db"))
	if err != nil {
		t.Fatal(err)
	}
	_, errs, code := runCLI(t, data, "", "stats")
	if code != 1 || !strings.Contains(errs, "/stats") {
		t.Errorf("stats with the store held: exit %d: %s", code, errs)
	}
	st.Close()
	out, errs, code := runCLI(t, data, "", "stats")
	if code != 0 || !strings.Contains(out, "还没有人提问") {
		t.Errorf("stats of an empty store: exit %d: %s%s", code, out, errs)
	}
	if _, errs, code := runCLI(t, data, "", "report"); code != 2 || !strings.Contains(errs, "--out") {
		t.Errorf("report without --out: exit %d: %s", code, errs)
	}
}
