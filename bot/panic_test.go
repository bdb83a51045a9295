package bot

import (
	"context"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"bangyang/core"
	"bangyang/quiz"
)

// panickyTrainer is the real trainer whose Next panics once.
type panickyTrainer struct {
	*core.Trainer
	panicked atomic.Bool
}

func (p *panickyTrainer) Next(ctx context.Context, chat string) (quiz.Question, int, bool, error) {
	if p.panicked.CompareAndSwap(false, true) {
		panic("training driver exploded")
	}
	return p.Trainer.Next(ctx, chat)
}

// A panic in a session's driver goroutine neither kills the process nor
// leaves the chat with a session nobody drives: the session is ended with
// a notice, and the next /train starts afresh.
func TestTrainingDriverPanicEndsSession(t *testing.T) {
	// Not parallel: the abort notice is posted before the crashed driver
	// is unregistered, so a /train sent the moment it appears can still
	// meet "a driver is already running"; under load that window is hit.
	st := openTrainingStore(t, filepath.Join(t.TempDir(), "bot.db"))
	defer st.Close()
	svc := trainingService(t, st)
	h := start(t, trainingConfig(), svc, WithTrainer(&panickyTrainer{Trainer: svc.Trainer()}))
	h.say(h.dm, h.user, "/train 2")
	h.waitText(h.dm.ID, "中止", 1)
	h.say(h.dm, h.user, "/train 2")
	h.waitPolls(h.dm.ID, 1)
	if n := len(withText(h.srv, h.dm.ID, "已有一场培训在进行")); n != 0 {
		t.Errorf("the crashed session blocked the next one")
	}
	h.noRejections()
}

// A button handler that panics still gets its press answered (otherwise
// the user's button spins), with the apology, and the bot goes on.
func TestCallbackPanicAnswersThePress(t *testing.T) {
	t.Parallel()
	h := start(t, testConfig(), newFakeCore())
	h.bot.HandleCallback("boom:", func(context.Context, *Request, *models.CallbackQuery, string) error {
		panic("button handler exploded")
	})
	markup := &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{{{Text: "按", CallbackData: "boom:1"}}}}
	ids := h.bot.replyHTML(context.Background(), &Request{Bot: h.bot, ChatID: h.dm.ID}, []string{"试试"}, markup)
	if len(ids) != 1 {
		t.Fatal("message not sent")
	}
	id, err := h.srv.PressButton(h.dm, h.user, ids[0], "boom:1")
	if err != nil {
		t.Fatal(err)
	}
	var answered bool
	h.srv.WaitUntil(3*time.Second, func() bool {
		for _, a := range h.srv.CallbackAnswers() {
			answered = answered || a.QueryID == id && strings.Contains(a.Text, "出了问题")
		}
		return answered
	})
	if !answered {
		t.Errorf("the press was not answered: %+v", h.srv.CallbackAnswers())
	}
	h.say(h.dm, h.user, "格线化管理怎么做？")
	h.waitFinal(h.dm.ID, 2)
	h.noRejections()
}
