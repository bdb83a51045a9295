package bot

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/go-telegram/bot/models"

	"bangyang/zh"
)

// otherTraditionalForm reports a Traditional character that the converter
// never writes (羣, 裏, 衆, 爲: OpenCC's forms, where zh.ToTraditional
// gives Taiwan's 群, 裡, 眾, 為), with the form it writes instead. A
// hand-written string with such a character would stand next to converted
// text spelled the other way.
func otherTraditionalForm(r rune) (string, bool) {
	if !zh.IsHan(r) {
		return "", false
	}
	s := string(r)
	if zh.ToSimplified(s) == s { // not Traditional-only
		return "", false
	}
	if t := zh.ToTraditional(s); t != s {
		return t, true
	}
	return "", false
}

// Every string literal in the code that writes what users read (bot, core,
// quiz, catalog, the chat and CLI in cmd/bangyang) uses the Traditional
// forms the converter produces, so a reply never mixes 羣眾 and 群眾 (or
// 公布 and 公佈).
func TestUserStringsUseConverterForms(t *testing.T) {
	if got, ok := otherTraditionalForm('羣'); !ok || got != "群" {
		t.Fatalf("precondition: 羣 should be reported (as 群), got %q %v", got, ok)
	}
	for _, r := range "群眾裡為著後發臺" {
		if got, ok := otherTraditionalForm(r); ok {
			t.Fatalf("precondition: %c is the converter's own form, reported as %q", r, got)
		}
	}
	fset := token.NewFileSet()
	literals, traditional := 0, 0
	for _, dir := range []string{".", "../core", "../quiz", "../catalog", "../cmd/bangyang", "../transport", "../term"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: no Go files (%v)", dir, err)
		}
		for _, path := range files {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				lit, ok := n.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					return true
				}
				literals++
				for _, r := range s {
					if want, bad := otherTraditionalForm(r); bad {
						t.Errorf("%s: %q has %c; converted text writes %s", fset.Position(lit.Pos()), s, r, want)
					}
				}
				// A Traditional sentence is what the converter makes of its
				// Simplified twin (公佈, 著, 裡), so the pairs written out in
				// both scripts read like converted text. Single characters
				// are input aliases (週), not sentences.
				if zh.DetectScript(s) == zh.Traditional && zh.HanCount(s) >= 2 {
					traditional++
					if conv := zh.ToTraditional(zh.ToSimplified(s)); conv != s {
						t.Errorf("%s: %q is written otherwise by the converter: %q", fset.Position(lit.Pos()), s, conv)
					}
				}
				return true
			})
		}
	}
	if literals < 500 || traditional < 50 {
		t.Errorf("only %d string literals read, %d of them Traditional: the scan missed the code", literals, traditional)
	}
}

// A Traditional question about a Simplified article: the converted answer
// and passages use the same forms as the bot's own Traditional labels.
func TestTraditionalReplyUsesOneForm(t *testing.T) {
	h := start(t, testConfig(), realCore(t))
	h.say(h.dm, h.user, "李亞玲怎樣把服務延伸到每一戶群眾？")
	msgs := h.waitFinal(h.dm.ID, 1)
	final := msgs[len(msgs)-1]
	btn := buttons(final)
	if _, err := h.srv.PressButton(h.dm, h.user, final.ID, btn["查看原文"]); err != nil {
		t.Fatal(err)
	}
	msgs = h.waitCount(h.dm.ID, len(msgs)+1)
	all := strings.Join(texts(msgs), "\n")
	if zh.DetectScript(final.Text) != zh.Traditional || !strings.Contains(all, "來源") {
		t.Fatalf("reply not in Traditional:%s", dump(msgs))
	}
	if !strings.Contains(all, "群眾") {
		t.Fatalf("reply does not show the article's 群众 converted:%s", dump(msgs))
	}
	for _, r := range all {
		if want, bad := otherTraditionalForm(r); bad {
			t.Errorf("reply has %c where the bot writes %s:%s", r, want, dump(msgs))
		}
	}
}

// The bot's first guess of the script is core's judgement (zh.DetectScript),
// not a list of its own: a name alone (吳中蘭) tells Traditional.
func TestScriptGuessIsCoresJudgement(t *testing.T) {
	simp := &models.User{LanguageCode: "zh-hans"}
	for text, want := range map[string]zh.Script{
		"吳中蘭":      zh.Traditional,
		"鄰里糾紛調解":   zh.Traditional,
		"邻里纠纷调解":   zh.Simplified,
		"郭佳":       zh.Simplified, // tells nothing: the client's language
		"四單工作法是什么": zh.Simplified, // a tie: the client's language
	} {
		if got := scriptGuess(&models.Message{Text: text, From: simp}); got != want {
			t.Errorf("scriptGuess(%q) = %q, want %q", text, got, want)
		}
	}
	if got := scriptGuess(&models.Message{Text: "郭佳", From: &models.User{LanguageCode: "zh-HK"}}); got != zh.Traditional {
		t.Errorf("zh-HK client: %q", got)
	}
}
