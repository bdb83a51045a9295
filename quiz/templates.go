package quiz

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"unicode/utf8"

	"bangyang/zh"
)

// Template questions: one builder per kind, and the helpers they share
// (citations, explanations, distractors).

func (b *Bank) build(s spec, rng *rand.Rand) (Question, bool) {
	switch s.kind {
	case KindMissingStep:
		return b.buildMissingStep(s, rng)
	case KindStep:
		return b.buildStep(s, rng)
	case KindNotStep:
		return b.buildNotStep(s, rng)
	case KindMethodLeader:
		return b.buildMethodLeader(s, rng)
	case KindLeaderMethod:
		return b.buildLeaderMethod(s, rng)
	case KindNumber:
		return b.buildNumber(s, rng)
	case KindPlace:
		return b.buildPlace(s, rng)
	case KindApplication:
		return b.buildApplication(s, rng)
	case KindProblem:
		return b.buildProblem(s, rng)
	case KindOrder:
		return b.buildOrder(s, rng)
	}
	return Question{}, false
}

func (b *Bank) citation(pi int) Citation {
	p := b.m.passages[pi]
	return Citation{
		ChunkID: p.chunk.ID, ArticleID: p.chunk.ArticleID,
		Title: p.chunk.Meta.Title, Leader: p.chunk.Meta.Leader, Passage: p.chunk.Text,
	}
}

// explain cites the passage: 出自《标题》：“sentence”, within the poll limit.
func (b *Bank) explain(pi int, sentence string) string {
	p := b.m.passages[pi]
	head := "出自关于" + p.leader + "的报道："
	if p.title != "" {
		head = "出自《" + truncateUnits(prettyPunct(p.title), 40) + "》："
	} else if p.leader == "" {
		head = "出自原文："
	}
	quote := truncateUnits(prettyPunct(sentence), MaxExplanationLen-zh.UTF16Len(head)-2)
	return head + "“" + quote + "”"
}

// assemble shuffles the right answer in among the distractors.
func assemble(q Question, answer string, distractors []string, rng *rand.Rand) (Question, bool) {
	if len(distractors) < 2 {
		return q, false
	}
	if len(distractors) > 3 {
		distractors = distractors[:3]
	}
	opts := append([]string{answer}, distractors...)
	rng.Shuffle(len(opts), func(i, j int) { opts[i], opts[j] = opts[j], opts[i] })
	for i, o := range opts {
		if o == answer {
			q.Correct = i
		}
	}
	q.Options = opts
	return q, true
}

// pickUnsupported keeps candidates the passage does not support, distinct
// from each other and from the answer, up to n.
func pickUnsupported(cands []string, answer, evidence string, n int) []string {
	var out []string
	seen := map[string]bool{normalize(answer): true}
	for _, c := range cands {
		nc := normalize(c)
		if nc == "" || seen[nc] || supported(c, evidence) || zh.UTF16Len(c) > MaxOptionLen {
			continue
		}
		seen[nc] = true
		out = append(out, c)
		if len(out) == n {
			break
		}
	}
	return out
}

func aboutLeader(leader string) string {
	if leader == "" {
		return "根据报道"
	}
	return "在关于" + leader + "的报道中"
}

// listDistractors proposes wrong items for an enumeration: at most one
// recombination of its own items (民众+接单), then items of other
// enumerations, closest in length first.
func (b *Bank) listDistractors(e enumeration, answer string, recombine bool, rng *rand.Rand) []string {
	var recomb []string
	n := utf8.RuneCountInString(e.items[0])
	uniform := recombine && (n == 4 || n == 5)
	for _, it := range e.items {
		uniform = uniform && utf8.RuneCountInString(it) == n
	}
	if uniform {
		for _, a := range e.items {
			for _, c := range e.items {
				if a != c {
					recomb = append(recomb, string([]rune(a)[:2])+string([]rune(c)[2:]))
				}
			}
		}
		rng.Shuffle(len(recomb), func(i, j int) { recomb[i], recomb[j] = recomb[j], recomb[i] })
	}
	evidence := b.m.passages[e.passage].norm
	out := pickUnsupported(recomb, answer, evidence, 1)
	al := utf8.RuneCountInString(answer)
	if answer == "" {
		al = n
	}
	var near, far []string
	for _, o := range b.m.enums {
		// Steps of other methods only: items of unnamed lists are of no
		// one kind (headings, slogans, fragments).
		if (o.passage == e.passage && o.start == e.start) || o.label == "" || normalize(o.label) == normalize(e.label) {
			continue
		}
		for _, it := range o.items {
			if d := utf8.RuneCountInString(it) - al; d >= -1 && d <= 1 {
				near = append(near, it)
			} else {
				far = append(far, it)
			}
		}
	}
	rng.Shuffle(len(near), func(i, j int) { near[i], near[j] = near[j], near[i] })
	rng.Shuffle(len(far), func(i, j int) { far[i], far[j] = far[j], far[i] })
	pool := append(append(out, near...), far...)
	return pickUnsupported(pool, answer, evidence, 3)
}

func (b *Bank) buildMissingStep(s spec, rng *rand.Rand) (Question, bool) {
	e := b.m.enums[s.idx]
	answer := e.items[s.item]
	span := e.sentence[e.start:e.end]
	sep := "、"
	if strings.Contains(span, "”“") {
		sep = "”“"
	}
	blanked := append([]string(nil), e.items...)
	blanked[s.item] = "____"
	rebuilt := strings.Join(e.items, sep)
	prefix, suffix, ok := strings.Cut(span, rebuilt)
	if !ok {
		return Question{}, false
	}
	stem := clauseWindow(e.sentence, e.start, e.end, prefix+strings.Join(blanked, sep)+suffix)
	p := b.m.passages[e.passage]
	q := Question{
		Key:         fmt.Sprintf("%s|%s|%s", KindMissingStep, p.chunk.ID, normalize(answer)),
		Kind:        KindMissingStep,
		Text:        aboutLeader(p.leader) + "，" + e.label + "中横线处应填入哪一项？\n" + stem,
		Why:         "原文列出的" + e.label + "各项中，横线处是" + quoted(answer) + "。",
		Explanation: b.explain(e.passage, e.sentence),
		Citation:    b.citation(e.passage),
	}
	return assemble(q, answer, b.listDistractors(e, answer, true, rng), rng)
}

func (b *Bank) buildStep(s spec, rng *rand.Rand) (Question, bool) {
	e := b.m.enums[s.idx]
	answer := e.items[s.item]
	p := b.m.passages[e.passage]
	q := Question{
		Key:         fmt.Sprintf("%s|%s|%s", KindStep, p.chunk.ID, normalize(answer)),
		Kind:        KindStep,
		Text:        aboutLeader(p.leader) + "，以下哪一项属于" + e.label + "？",
		Why:         "原文列出的" + e.label + "包括" + quoted(answer) + "。",
		Explanation: b.explain(e.passage, e.sentence),
		Citation:    b.citation(e.passage),
	}
	return assemble(q, answer, b.listDistractors(e, answer, true, rng), rng)
}

func (b *Bank) buildNotStep(s spec, rng *rand.Rand) (Question, bool) {
	e := b.m.enums[s.idx]
	p := b.m.passages[e.passage]
	foreign := b.listDistractors(e, "", false, rng)
	if len(foreign) == 0 {
		return Question{}, false
	}
	answer := foreign[0]
	members := append([]string(nil), e.items...)
	rng.Shuffle(len(members), func(i, j int) { members[i], members[j] = members[j], members[i] })
	q := Question{
		Key:         fmt.Sprintf("%s|%s|%s", KindNotStep, p.chunk.ID, normalize(e.label)),
		Kind:        KindNotStep,
		Negative:    true,
		Text:        aboutLeader(p.leader) + "，以下哪一项不属于" + e.label + "？",
		Why:         "原文列出的" + e.label + "是" + strings.Join(e.items, "、") + "，其中没有" + quoted(answer) + "。",
		Explanation: b.explain(e.passage, e.sentence),
		Citation:    b.citation(e.passage),
	}
	return assemble(q, answer, members, rng)
}

// otherLeaders lists leader names other than the passage's, shuffled.
func (b *Bank) otherLeaders(except string, rng *rand.Rand) []string {
	var out []string
	for _, lf := range b.m.leaders {
		if lf.name != except {
			out = append(out, lf.name)
		}
	}
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

func (b *Bank) buildMethodLeader(s spec, rng *rand.Rand) (Question, bool) {
	nm := b.named[s.idx]
	p := b.m.passages[nm.passage]
	q := Question{
		Key:         fmt.Sprintf("%s|%s|%s", KindMethodLeader, p.chunk.ID, normalize(nm.name)),
		Kind:        KindMethodLeader,
		Text:        nm.name + "出自哪位社区书记的事迹？",
		Why:         "报道写明" + quoted(nm.name) + "是" + nm.leader + "的做法。",
		Explanation: b.explain(nm.passage, nm.sentence),
		Citation:    b.citation(nm.passage),
	}
	return assemble(q, nm.leader, pickUnsupported(b.otherLeaders(nm.leader, rng), nm.leader, p.norm, 3), rng)
}

func (b *Bank) buildLeaderMethod(s spec, rng *rand.Rand) (Question, bool) {
	nm := b.named[s.idx]
	p := b.m.passages[nm.passage]
	var others []string
	for _, o := range b.named {
		if o.leader != nm.leader {
			others = append(others, o.name)
		}
	}
	rng.Shuffle(len(others), func(i, j int) { others[i], others[j] = others[j], others[i] })
	q := Question{
		Key:         fmt.Sprintf("%s|%s|%s", KindLeaderMethod, p.chunk.ID, normalize(nm.name)),
		Kind:        KindLeaderMethod,
		Text:        "以下哪一种工作方法出自关于" + nm.leader + "的报道？",
		Why:         "报道写明" + quoted(nm.name) + "是" + nm.leader + "的做法，其余选项出自其他书记的报道。",
		Explanation: b.explain(nm.passage, nm.sentence),
		Citation:    b.citation(nm.passage),
	}
	return assemble(q, nm.name, pickUnsupported(others, nm.name, p.norm, 3), rng)
}

func (b *Bank) buildNumber(s spec, rng *rand.Rand) (Question, bool) {
	f := b.m.numbers[s.idx]
	p := b.m.passages[f.passage]
	// The number must occur once in the sentence, or the blank is ambiguous.
	if strings.Count(normalize(f.sentence), normalize(f.number)) != 1 {
		return Question{}, false
	}
	answer := f.option(f.number)
	var cands []string
	for _, d := range numberDistractors(f, b.m.numbers, rng) {
		cands = append(cands, f.option(d))
	}
	blank := f.sentence[:f.start] + "____" + f.sentence[f.end:]
	if f.unit == "%" {
		blank = f.sentence[:f.start] + "____" + strings.TrimPrefix(f.sentence[f.end:], "%")
	}
	stem := clauseWindow(blank, f.start, f.start+len("____"), "____")
	q := Question{
		Key:         fmt.Sprintf("%s|%s|%s", KindNumber, p.chunk.ID, normalize(answer)+f.unit),
		Kind:        KindNumber,
		Text:        aboutLeader(p.leader) + "，横线处应填入哪个数字？\n" + stem,
		Why:         "原文给出的数字是" + answer + "。",
		Explanation: b.explain(f.passage, f.sentence),
		Citation:    b.citation(f.passage),
	}
	return assemble(q, answer, pickUnsupported(cands, answer, p.norm, 3), rng)
}

func (b *Bank) buildPlace(s spec, rng *rand.Rand) (Question, bool) {
	lf := b.m.leaders[s.idx]
	place := lf.places[s.item]
	p := b.m.passages[s.passage]
	// Any place named in her own articles could be true of her: never a
	// distractor.
	own := map[string]bool{}
	for _, op := range b.m.passages {
		if lf.articles[op.chunk.ArticleID] || op.leader == lf.name {
			own[op.norm] = true
		}
	}
	var cands []string
	for _, o := range b.m.leaders {
		if o.name == lf.name {
			continue
		}
		for _, pl := range o.places {
			inOwn := false
			for n := range own {
				inOwn = inOwn || strings.Contains(n, normalize(pl))
			}
			if !inOwn {
				cands = append(cands, pl)
			}
		}
	}
	rng.Shuffle(len(cands), func(i, j int) { cands[i], cands[j] = cands[j], cands[i] })
	unit := "社区"
	if strings.HasSuffix(place, "街道") {
		unit = "街道"
	}
	// Same kind of unit first: a 街道 question offers 街道 distractors.
	sort.SliceStable(cands, func(i, j int) bool {
		return strings.HasSuffix(cands[i], unit) && !strings.HasSuffix(cands[j], unit)
	})
	// Quote the sentence that ties her to the place, if there is one.
	sentence := sentenceWith(p, normalize(place))
	for _, st := range p.sentences {
		if !isHeading(st) && strings.Contains(st, lf.name) && strings.Contains(normalize(st), normalize(place)) {
			sentence = st
			break
		}
	}
	if sentence == "" {
		return Question{}, false
	}
	q := Question{
		Key:         fmt.Sprintf("%s|%s|%s", KindPlace, lf.name, normalize(place)),
		Kind:        KindPlace,
		Text:        "据报道，" + lf.name + "在哪个" + unit + "工作？",
		Why:         "报道写明" + lf.name + "在" + place + "工作，其余是其他书记所在的地方。",
		Explanation: b.explain(s.passage, sentence),
		Citation:    b.citation(s.passage),
	}
	return assemble(q, place, pickUnsupported(cands, place, p.norm, 3), rng)
}
