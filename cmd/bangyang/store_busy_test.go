package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bangyang/store"
)

// With the store held by another bangyang (say the Telegram bot), the
// terminal chat still works, says its conversation is not saved, and a
// second server stops before touching the index.
func TestStoreHeldByAnotherProcess(t *testing.T) {
	data := t.TempDir()
	st, err := store.Open(filepath.Join(data, "bangyang.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	out, errs, code := runCLI(t, data, "什么是四单工作法？\n", "chat")
	if code != 0 {
		t.Fatalf("chat with the store taken: exit %d\n%s", code, errs)
	}
	if !strings.Contains(out, "不会保存") || !strings.Contains(out, "民主议单") {
		t.Fatalf("want a notice and an answer:\n%s", out)
	}

	data2 := t.TempDir()
	st2, err := store.Open(filepath.Join(data2, "bangyang.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	_, errs, code = runCLIEnv(t, data2, map[string]string{"TELEGRAM_BOT_TOKEN": "123:fake"}, "", "serve")
	if code == 0 || !strings.Contains(errs, "another bangyang") {
		t.Fatalf("serve with the store taken: exit %d\n%s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(data2, "index")); err == nil {
		t.Error("a server that cannot run built the index anyway")
	}
}
