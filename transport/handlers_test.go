package transport

import (
	"bangyang/zh"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"bangyang/catalog"
	"bangyang/core"
)

type fakeService struct {
	last     []core.Citation
	resetErr error
	reset    []string
}

func (f *fakeService) Reset(_ context.Context, chat string) error {
	f.reset = append(f.reset, chat)
	return f.resetErr
}

func (f *fakeService) LastSources(context.Context, string) ([]core.Citation, error) {
	return f.last, nil
}

type fakeCatalog struct{ asked []string }

func (f *fakeCatalog) Methods() []catalog.LeaderMethods { return nil }
func (f *fakeCatalog) Leaders() []catalog.Leader        { return nil }
func (f *fakeCatalog) MethodSummary(_ context.Context, _, name string, script zh.Script) (*core.Answer, error) {
	f.asked = append(f.asked, name+"/"+script.String())
	return &core.Answer{Text: "资料中没有找到这个工作方法。", Script: script, Suggestions: []string{"四单工作法"}}, nil
}
func (f *fakeCatalog) LeaderProfile(context.Context, string, string, zh.Script) (*core.Answer, error) {
	return nil, errors.New("unused")
}

func TestHelpListsWhatIsOffered(t *testing.T) {
	env := &Env{Script: "hans", Private: true, Offered: Commands()}
	r, _ := Help(context.Background(), env, "")
	got := PlainText(r)
	if !strings.Contains(got, "直接发送问题即可") || !strings.Contains(got, "/method 名称 — 某个工作方法的总结") {
		t.Errorf("private help:\n%s", got)
	}
	if strings.Contains(got, "/stats") || strings.Contains(got, "/start") {
		t.Errorf("hidden or admin commands listed to a member:\n%s", got)
	}
	env.Private, env.Script, env.Offered = false, "hant", Commands()[:3]
	r, _ = Help(context.Background(), env, "")
	got = PlainText(r)
	if !strings.Contains(got, "在群裡請用 /ask") || strings.Contains(got, "/help") || !strings.Contains(got, "/reset") {
		t.Errorf("group help in Traditional, three commands:\n%s", got)
	}
}

func TestSourcesAndReset(t *testing.T) {
	svc := &fakeService{}
	env := &Env{Conv: "c1", Script: "hans", Service: svc}
	r, err := Sources(context.Background(), env, "")
	if err != nil || PlainText(r) != MsgNoSources("hans") {
		t.Fatalf("no sources yet: %q %v", PlainText(r), err)
	}
	svc.last = citations()
	r, _ = Sources(context.Background(), env, "")
	if got := PlainText(r); !strings.Contains(got, "吴中兰把社区划成格线") || !strings.Contains(got, "已转为简体") {
		t.Errorf("/sources:\n%s", got)
	}
	for _, arg := range []string{"原文", "original", " 原文 "} {
		r, _ = Sources(context.Background(), env, arg)
		if got := PlainText(r); !strings.Contains(got, "吳中蘭把社區劃成格線") || strings.Contains(got, "已转为") {
			t.Errorf("/sources %q:\n%s", arg, got)
		}
	}
	if r, err := Reset(context.Background(), env, ""); err != nil || PlainText(r) != MsgReset("hans") || svc.reset[0] != "c1" {
		t.Errorf("reset: %v %v", err, svc.reset)
	}
	svc.resetErr = errors.New("disk full")
	if _, err := Reset(context.Background(), env, ""); !errors.Is(err, svc.resetErr) {
		t.Errorf("reset error not wrapped: %v", err)
	}
}

// A method not found offers its close matches as commands to type, in the
// script of the name asked.
func TestMethodNotFoundOffersMatches(t *testing.T) {
	cat := &fakeCatalog{}
	env := &Env{Conv: "c", Script: "hans", Catalog: cat}
	r, err := Method(context.Background(), env, "四單")
	if err != nil {
		t.Fatal(err)
	}
	if cat.asked[0] != "四單/hant" {
		t.Errorf("asked %v", cat.asked)
	}
	if len(r.Buttons) != 1 || r.Buttons[0].Command != "/method 四單工作法" {
		t.Errorf("buttons %+v", r.Buttons)
	}
	if strings.Contains(PlainText(r), "来源") {
		t.Errorf("nothing found cites nothing:\n%s", PlainText(r))
	}
	if r, _ := Methods(context.Background(), env, ""); PlainText(r) != MsgCatalogEmpty("hans") {
		t.Errorf("empty catalog: %q", PlainText(r))
	}
}

func TestBoardPeriodAndTrainArgs(t *testing.T) {
	if n, topic := ParseTrainArgs("５ 四单工作法"); n != 5 || topic != "四单工作法" {
		t.Errorf("ParseTrainArgs = %d %q", n, topic)
	}
	if _, _, _, ok := BoardPeriod("明年", time.Now()); ok {
		t.Error("an unknown period accepted")
	}
}
