package core

import (
	"context"
	"os"
	"strings"
	"testing"
)

func TestDbg(t *testing.T) {
	qs := os.Getenv("DBG_Q")
	if qs == "" {
		t.Skip()
	}
	s := newOffline(t, nil)
	ctx := context.Background()
	for _, q := range strings.Split(qs, "|") {
		conv, _ := s.o.Memory.Load(ctx, "dbg")
		u := s.understand(q, conv)
		s.resolve(&u, conv.turn(""))
		t.Logf("Q %s → intent=%s leaders=%v methods=%v unknown=%v topic=%q step=%d follow=%v topics=%d", q, u.Intent, u.Leaders, u.Methods, u.Unknown, u.Topic, u.Step, u.FollowUp, len(u.Topics))
		ans, err := s.AskStream(ctx, "dbg", q, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s\n", ans.Text)
	}
}
