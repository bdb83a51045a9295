package core

import (
	"context"
	"errors"
	"regexp"
	"strings"

	"bangyang/prompts"
	"bangyang/search"
	"bangyang/zh"
)

// notAnswered are phrases the prompt asks the model to use when the
// passages do not contain the answer (Simplified; output is normalised).
var notAnswered = []string{"资料中没有提到", "资料中没有", "资料未提及", "资料没有提到", "没有相关信息"}

// previewStep is the least growth, in bytes, of a streamed answer before
// its preview is rebuilt: a few Chinese characters.
const previewStep = 12

// modelDownNotice tells the user why an answer is a quote.
const modelDownNotice = "模型暂时不可用，以下为资料原文摘录。"

// generate asks the model, streaming, and falls back to the extractive
// answer (with a notice) when the model is down, slow or says nothing.
func (s *Service) generate(ctx context.Context, question string, script zh.Script, hits []search.Hit, conv Conversation, onText func(string)) *Answer {
	return s.generateWith(ctx, question, script, "", hits, conv, onText)
}

// generateWith is generate with an answer plan for the model (how to
// organise the answer: per leader, steps in order …).
func (s *Service) generateWith(ctx context.Context, question string, script zh.Script, plan string, hits []search.Hit, conv Conversation, onText func(string)) *Answer {
	data := prompts.AnswerData{Script: script, Question: question, History: historyFor(conv, 3), Plan: plan}
	for i, h := range hits {
		data.Passages = append(data.Passages, prompts.Passage{N: i + 1, Title: h.Chunk.Meta.Title, Leader: h.Chunk.Meta.Leader, Text: h.Chunk.Text})
	}
	// The caller holds the composed answer and shows it instead: this
	// only says the model did not answer, and why to the user.
	fallback := func(reason error) *Answer {
		s.o.Logger.Warn("model answer failed, falling back to extractive", "err", reason)
		return &Answer{Mode: ModeExtractive, Script: script, Notice: script.Convert(modelDownNotice)}
	}
	sys, err := s.o.Prompts.Render("answer_system.tmpl", data)
	if err != nil {
		return fallback(err)
	}
	user, err := s.o.Prompts.Render("answer_user.tmpl", data)
	if err != nil {
		return fallback(err)
	}

	mctx, cancel := context.WithTimeout(ctx, s.o.ModelTimeout)
	defer cancel()
	var acc strings.Builder
	shownAt := 0 // length of acc when the view was last rebuilt
	lastShown := ""
	onDelta := func(d string) {
		acc.WriteString(d)
		// The view is rebuilt from the whole text (renumbering and script
		// depend on all of it), so it is rebuilt only once the text has
		// grown by an eighth (and at least previewStep bytes) since: the
		// work stays linear in the answer's length, where rebuilding at
		// every chunk was quadratic (a 3.6 MB stream cost 69 CPU-seconds).
		if onText == nil || acc.Len()-shownAt < max(previewStep, shownAt/8) {
			return
		}
		shownAt = acc.Len()
		// Shown as the final text will be: renumbered, plain, in the
		// asker's script, so the view does not change script at the end.
		partial, _ := renumberPartial(acc.String(), len(hits))
		partial = strings.TrimSpace(s.inScriptIfNeeded(script, plainText(partial)))
		if partial != "" {
			lastShown = partial
			onText(partial)
		}
	}
	full, err := s.o.Model.Stream(mctx, []prompts.Message{{Role: "system", Content: sys}, {Role: "user", Content: user}}, onDelta)
	if err != nil {
		if errors.Is(ctx.Err(), context.Canceled) {
			// The caller gave up (shutdown, user left): nothing to fall back for.
			return fallback(ctx.Err())
		}
		return fallback(err)
	}
	full = strings.TrimSpace(full)
	if full == "" {
		return fallback(errors.New("model returned an empty answer"))
	}
	text, used := renumber(full, len(hits))
	text = strings.TrimSpace(s.inScriptIfNeeded(script, plainText(text)))
	if onText != nil && text != "" && text != lastShown {
		onText(text) // the view ends on the final text, whatever the throttle skipped
	}
	// An answer with no valid citation is not trusted as grounded.
	grounded := len(used) > 0 && !hasAny(zh.ToSimplified(text), notAnswered)
	return &Answer{Text: text, Citations: s.citationsFor(used, hits, script), Grounded: grounded, Mode: ModeLLM, Script: script}
}

// renumberPartial renumbers the markers of a partial stream and hides an
// unfinished trailing marker.
func renumberPartial(s string, n int) (string, []int) {
	return renumber(stripPartialMarker(s), n)
}

// inScriptIfNeeded converts model output only when it is in the wrong
// script, so a correct answer is not round-tripped.
func (s *Service) inScriptIfNeeded(script zh.Script, text string) string {
	if got := zh.DetectScript(text); got != "" && got != script {
		return s.inScript(script, text)
	}
	return text
}

// inScript writes text in script with the secretaries' names as names
// (zh.Script.ConvertNames): the one way core converts what users read.
func (s *Service) inScript(script zh.Script, text string) string {
	if s == nil || s.ents == nil {
		return script.Convert(text)
	}
	return script.ConvertNames(text, s.ents.names)
}

// markdownHeadingRE matches a Markdown heading mark at the start of a line.
var markdownHeadingRE = regexp.MustCompile(`(?m)^[ \t]*#{1,6}[ \t]+`)

// plainText removes the Markdown emphasis and heading marks models add
// despite the prompt: Answer.Text is plain text, and a transport that
// escapes it would show the asterisks.
func plainText(s string) string {
	s = strings.ReplaceAll(s, "**", "")
	return markdownHeadingRE.ReplaceAllString(s, "")
}
