package main

import (
	"context"
	"log/slog"
	"strings"
	"unicode"

	"bangyang/core"
	"bangyang/store"
	"bangyang/zh"
)

// observers tells each core.Observer about every answer and started
// training session.
type observers []core.Observer

func (o observers) Answered(ctx context.Context, e core.AnswerEvent) {
	for _, x := range o {
		x.Answered(ctx, e)
	}
}

func (o observers) TrainingStarted(ctx context.Context, e core.TrainingEvent) {
	for _, x := range o {
		if t, ok := x.(core.TrainingObserver); ok {
			t.TrainingStarted(ctx, e)
		}
	}
}

// statsObserver records answers and training sessions in the store for
// the admins' statistics (/stats, bangyang stats and report).
type statsObserver struct {
	st  *store.Store
	log *slog.Logger
}

func (s statsObserver) Answered(ctx context.Context, e core.AnswerEvent) {
	ev := store.QuestionEvent{
		At: e.At, Chat: e.Chat, User: e.User, Via: e.Via, Mode: e.Mode, Outcome: e.Outcome,
		LatencyMS: e.Latency.Milliseconds(), Leaders: e.Leaders, Methods: e.Methods,
	}
	if e.Outcome == core.OutcomeAbstained {
		ev.Question, ev.Key = e.Question, questionKey(e.Question)
	}
	// The answer is already on its way: a user leaving must not lose the record.
	if err := s.st.RecordQuestion(context.WithoutCancel(ctx), ev); err != nil {
		s.log.Warn("record question statistics", "err", err)
	}
}

func (s statsObserver) TrainingStarted(ctx context.Context, e core.TrainingEvent) {
	r := store.TrainingRecord{At: e.At, Chat: e.Chat, StartedBy: e.StartedBy, Topic: e.Topic, Questions: e.Questions}
	if err := s.st.RecordTraining(context.WithoutCancel(ctx), r); err != nil {
		s.log.Warn("record training statistics", "err", err)
	}
}

// questionKey folds the ways one question is written (script, spaces,
// punctuation, Latin case) so that repeats are counted together.
func questionKey(q string) string {
	var b strings.Builder
	for _, r := range zh.ToSimplified(q) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
