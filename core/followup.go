package core

import (
	"context"
	"errors"
	"fmt"
	"regexp"
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
//
// modelDown reports that the model timed out during the rewrite: the
// caller then answers extractively at once instead of waiting for the
// same server a second time.
func (s *Service) resolveFollowUp(ctx context.Context, question string, conv Conversation) (query, leader string, modelDown bool) {
	if len(conv.Turns) == 0 {
		return question, "", false
	}
	last := conv.Turns[len(conv.Turns)-1]
	norm := zh.ToSimplified(question)
	if !isFollowUp(norm) || mentionsKnownLeader(norm, s.o.Articles) {
		return question, "", false
	}
	if hasAny(norm, personPronouns) {
		leader = last.Leader
	}
	if s.o.Model != nil {
		q, err := s.rewriteWithModel(ctx, question, conv)
		if err == nil {
			return q, leader, false
		}
		// Only a timeout: a fast failure (500, refused) costs little to
		// try again for the answer, a hang would cost the user twice.
		modelDown = errors.Is(err, context.DeadlineExceeded)
	}
	return last.Query + " " + namePronouns(question, leader), leader, modelDown
}

// namePronouns puts the leader's name in place of 她/他, so the query
// names whom it asks about: "她后来呢？" shares no term with the articles,
// "郭佳后来呢？" does, and retrieval judges relevance by shared terms.
// 其他 ("other") and the plurals are not pronouns for one leader.
func namePronouns(question, leader string) string {
	if leader == "" {
		return question
	}
	return strings.NewReplacer("其他", "其他", "她们", "她们", "他们", "他们", "她們", "她們", "他們", "他們",
		"她", leader, "他", leader).Replace(question)
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

func (s *Service) rewriteWithModel(ctx context.Context, question string, conv Conversation) (string, error) {
	// The user waits for the rewrite before the answer starts: never
	// longer than an answer may take.
	ctx, cancel := context.WithTimeout(ctx, min(15*time.Second, s.o.ModelTimeout))
	defer cancel()
	msg, err := s.o.Prompts.Render("rewrite.tmpl", prompts.RewriteData{Question: question, History: historyFor(conv, 3)})
	if err != nil {
		s.o.Logger.Warn("render rewrite prompt", "err", err)
		return "", err
	}
	out, err := s.o.Model.Stream(ctx, []llm.Message{{Role: "user", Content: msg}}, nil)
	out = cleanRewrite(out)
	if err == nil && (out == "" || utf8.RuneCountInString(out) > 200) {
		err = fmt.Errorf("unusable rewrite %q: %w", out, llm.ErrBadResponse)
	}
	if err != nil {
		s.o.Logger.Info("model rewrite unavailable, using heuristic", "err", err)
		return "", err
	}
	return out, nil
}

// rewriteLabelRE matches a label models put before the rewritten question
// ("改写后的问题：", "改寫後：", "Rewritten question:").
var rewriteLabelRE = regexp.MustCompile(`^[^：:]{0,12}(?:改写|改寫|问题|問題|(?i:question))[^：:]{0,6}[：:]\s*`)

// cleanRewrite keeps the question of a rewrite reply: its first line,
// without a label or surrounding quotes. Models often add both, and an
// explanation after it, despite being asked not to.
func cleanRewrite(out string) string {
	for line := range strings.SplitSeq(out, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		line = rewriteLabelRE.ReplaceAllString(line, "")
		return strings.TrimSpace(strings.Trim(line, "\"“”「」'‘’`*"))
	}
	return ""
}

func historyFor(conv Conversation, n int) []prompts.Turn {
	turns := conv.Turns
	if len(turns) > n {
		turns = turns[len(turns)-n:]
	}
	out := make([]prompts.Turn, 0, len(turns))
	for _, t := range turns {
		// The old answer's [n] point at the old passages; left in, the
		// model may copy them as if they meant the new ones.
		a := tidyAfterMarkerRemoval(markerRE.ReplaceAllString(t.Answer, ""))
		if r := []rune(a); len(r) > 300 {
			a = string(r[:300]) + "…"
		}
		out = append(out, prompts.Turn{Question: t.Question, Answer: a})
	}
	return out
}
