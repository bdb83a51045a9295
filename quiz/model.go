package quiz

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
)

// Generator is a language model that completes a prompt (core adapts the
// llm client to it). The reply should be the JSON object the prompt asks for.
type Generator interface {
	Complete(ctx context.Context, prompt string) (string, error)
}

// ModelDraft is the JSON a model is asked to return.
type ModelDraft struct {
	Question string          `json:"question"`
	Options  []string        `json:"options"`
	Answer   json.RawMessage `json:"answer"` // 0-based index, or the answer's text
}

// ErrBadJSON is wrapped when a model reply holds no usable JSON object.
var ErrBadJSON = errors.New("model reply is not a question object")

// ParseModelJSON extracts the question object from a model reply, which
// may wrap it in prose or a ```json fence, and resolves the answer to an
// option index.
func ParseModelJSON(reply string) (ModelDraft, int, error) {
	start := strings.IndexByte(reply, '{')
	end := strings.LastIndexByte(reply, '}')
	if start < 0 || end <= start {
		return ModelDraft{}, -1, fmt.Errorf("%w: no object", ErrBadJSON)
	}
	var d ModelDraft
	if err := json.Unmarshal([]byte(reply[start:end+1]), &d); err != nil {
		return ModelDraft{}, -1, fmt.Errorf("%w: %w", ErrBadJSON, err)
	}
	if strings.TrimSpace(d.Question) == "" || len(d.Options) < MinOptions {
		return ModelDraft{}, -1, fmt.Errorf("%w: missing question or options", ErrBadJSON)
	}
	raw := strings.TrimSpace(string(d.Answer))
	if raw == "" || raw == "null" {
		return ModelDraft{}, -1, fmt.Errorf("%w: no answer", ErrBadJSON)
	}
	if i, err := strconv.Atoi(raw); err == nil {
		if i < 0 || i >= len(d.Options) {
			return ModelDraft{}, -1, fmt.Errorf("%w: answer index %d out of range", ErrBadJSON, i)
		}
		return d, i, nil
	}
	var text string
	if err := json.Unmarshal(d.Answer, &text); err != nil {
		return ModelDraft{}, -1, fmt.Errorf("%w: answer is neither index nor text", ErrBadJSON)
	}
	text = strings.TrimSpace(text)
	for i, o := range d.Options {
		if strings.TrimSpace(o) == text {
			return d, i, nil
		}
	}
	// "B" style answers.
	if len(text) == 1 && text[0] >= 'A' && int(text[0]-'A') < len(d.Options) {
		return d, int(text[0] - 'A'), nil
	}
	return ModelDraft{}, -1, fmt.Errorf("%w: answer %q is not an option", ErrBadJSON, text)
}

const modelPrompt = `你是社区党建培训的出题人。请只根据下面的原文，出一道单项选择题。
要求：
- 正确答案必须是原文中的原话（词语或短句），可以在原文中逐字找到；
- 另外三个干扰项要看起来合理，但原文中不能出现，也不能与正确答案意思相同；
- 题干不超过120字，每个选项不超过30字；
- 只输出一个JSON对象，不要任何其他文字，格式：
{"question":"题干","options":["选项1","选项2","选项3","选项4"],"answer":正确选项的序号(从0开始)}

原文（%s）：
<<<
%s
>>>`

// ModelQuestion asks gen for a question on a passage picked for the topic,
// validates it against the passage, asks once more with the reason if it
// fails, and otherwise falls back to a template question. The returned
// question's Origin tells which path produced it; err is non-nil only if
// no question at all could be made.
func (b *Bank) ModelQuestion(ctx context.Context, gen Generator, opt Options) (Question, error) {
	rng := rand.New(rand.NewPCG(opt.Seed, 0x51ed2701f3a5c7b9))
	keep := b.topicFilter(opt.Topic)
	var cands []int
	for pi, p := range b.m.passages {
		if keep(spec{passage: pi}) && len(p.sentences) >= 2 {
			cands = append(cands, pi)
		}
	}
	if len(cands) == 0 {
		return Question{}, fmt.Errorf("topic %q: %w", opt.Topic, ErrNoMaterial)
	}
	pi := cands[rng.IntN(len(cands))]
	p := b.m.passages[pi]
	source := p.leader
	if p.title != "" {
		source = "《" + p.title + "》"
	}
	prompt := fmt.Sprintf(modelPrompt, source, strings.Join(p.sentences, ""))
	var lastErr error
	for attempt := 0; attempt < 2 && gen != nil; attempt++ {
		if err := ctx.Err(); err != nil {
			return Question{}, err
		}
		ask := prompt
		if lastErr != nil {
			ask += "\n\n上一次的题目不合格：" + lastErr.Error() + "。请重新出题。"
		}
		reply, err := gen.Complete(ctx, ask)
		if err != nil {
			lastErr = err
			if ctx.Err() != nil {
				return Question{}, fmt.Errorf("model question: %w", err)
			}
			continue
		}
		q, err := b.fromDraft(reply, pi, opt)
		if err == nil {
			return q, nil
		}
		lastErr = err
	}
	// Fallback: a template question, from this passage if it has one.
	for _, only := range []bool{true, false} {
		for _, s := range b.specs() {
			if only && s.passage != pi || !keep(s) {
				continue
			}
			q, ok := b.build(s, rng)
			if !ok || opt.Exclude[q.Key] {
				continue
			}
			q = finish(q, opt.Script)
			if Validate(q) == nil {
				return q, nil
			}
		}
	}
	return Question{}, fmt.Errorf("model question (last model error: %v): %w", lastErr, ErrNoMaterial)
}

func (b *Bank) fromDraft(reply string, pi int, opt Options) (Question, error) {
	d, correct, err := ParseModelJSON(reply)
	if err != nil {
		return Question{}, err
	}
	p := b.m.passages[pi]
	answer := d.Options[correct]
	sentence := sentenceWith(p, normalize(answer))
	if sentence == "" && len(p.sentences) > 0 {
		sentence = p.sentences[0]
	}
	q := Question{
		Key:         fmt.Sprintf("%s|%s|%s", KindModel, p.chunk.ID, normalize(answer)),
		Kind:        KindModel,
		Text:        strings.TrimSpace(d.Question),
		Options:     d.Options,
		Correct:     correct,
		Explanation: b.explain(pi, sentence),
		Citation:    b.citation(pi),
	}
	if opt.Exclude[q.Key] {
		return Question{}, fmt.Errorf("%w: already asked", ErrInvalid)
	}
	q = finish(q, opt.Script)
	q.Origin = OriginModel
	if err := Validate(q); err != nil {
		return Question{}, err
	}
	return q, nil
}
