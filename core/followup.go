package core

import "bangyang/prompts"

// historyFor is the last n turns for a prompt, without the old answers'
// markers.
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
