package core

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"bangyang/corpus"
	"bangyang/llm"
	"bangyang/prompts"
	"bangyang/zh"
)

// followUpMarkers are words that lean on the previous turn: pronouns,
// "and then?", "what else?". Simplified; questions are normalised first.
var followUpMarkers = []string{"她", "他", "其", "该", "这个", "那个", "这种", "那种", "这些", "此", "后来", "然后", "还有", "另外", "具体", "详细", "展开", "呢", "上面", "刚才"}

// personPronouns point at the person the last answer was about.
var personPronouns = []string{"她", "他"}

// resolveFollowUp turns a follow-up into a query that stands alone, and
// names the leader it is about when the question points at a person.
//
// Retrieval with "她后来呢？" alone finds nothing (it has no topic); with
// the previous question prepended and the search limited to the leader of
// the last answer it finds that leader's later passages. With a model the
// rewrite is done by the model, falling back to this heuristic.
func (s *Service) resolveFollowUp(ctx context.Context, question string, conv Conversation) (query, leader string) {
	if len(conv.Turns) == 0 {
		return question, ""
	}
	last := conv.Turns[len(conv.Turns)-1]
	norm := zh.ToSimplified(question)
	if !isFollowUp(norm) || mentionsKnownLeader(norm, s.o.Articles) {
		return question, ""
	}
	if hasAny(norm, personPronouns) {
		leader = last.Leader
	}
	if s.o.Model != nil {
		if q, ok := s.rewriteWithModel(ctx, question, conv); ok {
			return q, leader
		}
	}
	return last.Query + " " + question, leader
}

func isFollowUp(norm string) bool {
	if utf8.RuneCountInString(norm) <= 6 {
		return true
	}
	return hasAny(norm, followUpMarkers)
}

func mentionsKnownLeader(norm string, articles []corpus.Meta) bool {
	for _, m := range articles {
		if m.Leader != "" && strings.Contains(norm, zh.ToSimplified(m.Leader)) {
			return true
		}
	}
	return false
}

func hasAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func (s *Service) rewriteWithModel(ctx context.Context, question string, conv Conversation) (string, bool) {
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	msg, err := s.o.Prompts.Render("rewrite.tmpl", prompts.RewriteData{Question: question, History: historyFor(conv, 3)})
	if err != nil {
		s.o.Logger.Warn("render rewrite prompt", "err", err)
		return "", false
	}
	out, err := s.o.Model.Stream(ctx, []llm.Message{{Role: "user", Content: msg}}, nil)
	out = strings.TrimSpace(out)
	if err != nil || out == "" || utf8.RuneCountInString(out) > 200 {
		s.o.Logger.Info("model rewrite unavailable, using heuristic", "err", err)
		return "", false
	}
	return out, true
}

func historyFor(conv Conversation, n int) []prompts.Turn {
	turns := conv.Turns
	if len(turns) > n {
		turns = turns[len(turns)-n:]
	}
	out := make([]prompts.Turn, 0, len(turns))
	for _, t := range turns {
		a := t.Answer
		if r := []rune(a); len(r) > 300 {
			a = string(r[:300]) + "…"
		}
		out = append(out, prompts.Turn{Question: t.Question, Answer: a})
	}
	return out
}
