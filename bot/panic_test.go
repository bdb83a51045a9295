package bot

import (
	"context"
	"path/filepath"
	"sync/atomic"
	"testing"

	"bangyang/core"
	"bangyang/quiz"
)

// panickyTrainer is the real core whose NextTrainingQuestion panics once.
type panickyTrainer struct {
	*core.Service
	panicked atomic.Bool
}

func (p *panickyTrainer) NextTrainingQuestion(ctx context.Context, chat string) (quiz.Question, int, bool, error) {
	if p.panicked.CompareAndSwap(false, true) {
		panic("training driver exploded")
	}
	return p.Service.NextTrainingQuestion(ctx, chat)
}

// A panic in a session's driver goroutine neither kills the process nor
// leaves the chat with a session nobody drives: the session is ended with
// a notice, and the next /train starts afresh.
func TestTrainingDriverPanicEndsSession(t *testing.T) {
	st := openTrainingStore(t, filepath.Join(t.TempDir(), "bot.db"))
	defer st.Close()
	svc := &panickyTrainer{Service: trainingService(t, st)}
	h := start(t, trainingConfig(), svc)
	h.say(h.dm, h.user, "/train 2")
	h.waitText(h.dm.ID, "中止", 1)
	h.say(h.dm, h.user, "/train 2")
	h.waitPolls(h.dm.ID, 1)
	if n := len(withText(h.srv, h.dm.ID, "已有一场培训在进行")); n != 0 {
		t.Errorf("the crashed session blocked the next one")
	}
	h.noRejections()
}
