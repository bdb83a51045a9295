package core

import (
	"context"
	"time"

	"bangyang/zh"
)

// Outcomes of a question, as an Observer sees them.
const (
	// OutcomeAnswered: a grounded answer, from the model or quoted.
	OutcomeAnswered = "answered"
	// OutcomeAbstained: the articles do not answer ("资料中没有").
	OutcomeAbstained = "abstained"
	// OutcomeFallback: a model is configured but failed, so the answer was
	// quoted from the passages instead.
	OutcomeFallback = "fallback"
)

// AnswerEvent describes one answered question, for metrics and the
// admins' statistics. It is built once, at the end of AskStream.
type AnswerEvent struct {
	At       time.Time
	Chat     string // the conversation key AskStream was given
	User     string // from WithAsker; "" when the caller did not say
	Via      string // from WithAsker: "telegram", "chat", "cli"…; "" when unknown
	Question string // as asked
	Mode     string // ModeExtractive or ModeLLM
	Outcome  string // OutcomeAnswered, OutcomeAbstained or OutcomeFallback
	Latency  time.Duration
	// Leaders and Methods are what the question was about (Simplified):
	// named in the question, else the leader of the cited passages.
	Leaders []string
	Methods []string
}

// Observer is told about every answered question. It must be safe for
// concurrent use and quick: it runs on the answering goroutine.
type Observer interface {
	Answered(ctx context.Context, e AnswerEvent)
}

// TrainingEvent describes a training session that was started.
type TrainingEvent struct {
	At        time.Time
	Chat      string
	StartedBy string
	Topic     string
	Questions int
}

// TrainingObserver is an Observer that also wants to know about training
// sessions (checked with a type assertion on Options.Observer).
type TrainingObserver interface {
	TrainingStarted(ctx context.Context, e TrainingEvent)
}

// Asker says who asks and through what, for the observer only: answers do
// not depend on it.
type Asker struct {
	User string
	Via  string
}

type askerKey struct{}

// WithAsker attaches who is asking to ctx.
func WithAsker(ctx context.Context, a Asker) context.Context {
	return context.WithValue(ctx, askerKey{}, a)
}

func askerOf(ctx context.Context) Asker {
	a, _ := ctx.Value(askerKey{}).(Asker)
	return a
}

// observe reports an answer to the Observer, if any.
func (s *Service) observe(ctx context.Context, chat string, q Question, start time.Time, ans *Answer) {
	if s.o.Observer == nil || ans == nil {
		return
	}
	who := askerOf(ctx)
	e := AnswerEvent{
		At: start, Chat: chat, User: who.User, Via: who.Via, Question: q.Text,
		Mode: ans.Mode, Outcome: outcomeOf(ans, s.o.Model != nil), Latency: s.o.Now().Sub(start),
		// As understood once at the entrance (names, aliases, follow-ups).
		Leaders: q.Leaders, Methods: q.Methods,
	}
	if len(e.Leaders) == 0 && ans.Grounded {
		if l := dominantLeader(ans.Citations); l != "" {
			e.Leaders = []string{zh.ToSimplified(l)}
		}
	}
	s.o.Observer.Answered(ctx, e)
}

// outcomeOf classifies an answer: a quote given while a model is
// configured is a fallback (the model failed or timed out).
func outcomeOf(ans *Answer, hasModel bool) string {
	switch {
	case !ans.Grounded:
		return OutcomeAbstained
	case hasModel && ans.Mode == ModeExtractive && zh.ToSimplified(ans.Notice) == modelDownNotice:
		return OutcomeFallback
	default:
		return OutcomeAnswered
	}
}
