package quiz

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// ErrNoMaterial means no question could be made for the topic.
var ErrNoMaterial = errors.New("no material for questions on this topic")

// Options steer Generate.
type Options struct {
	N      int    // number of questions wanted
	Topic  string // leader or method name (either script) or a keyword; "" for any
	Script string // ScriptSimplified (default) or ScriptTraditional
	Seed   uint64 // same seed, same source, same options → same questions
	// Exclude holds keys of questions already asked (Question.Key).
	Exclude map[string]bool
}

// Bank makes questions from one Source. It is safe for concurrent use (its
// only mutable part is a cache of built questions).
type Bank struct {
	m        *material
	named    []namedMethod
	problems []methodProblem // problems methods answered (apply.go)
	mnames   []methodName    // every known method and its leader

	mu    sync.Mutex
	cache map[string][]candidate // by topic and script (candidates)
}

// namedMethod is a method name stated in a passage of its leader's article.
type namedMethod struct {
	name     string // as displayed, Simplified
	leader   string
	passage  int
	sentence string
}

// NewBank prepares the material of src for question making.
func NewBank(src Source) *Bank {
	b := &Bank{m: buildMaterial(src)}
	b.named = b.collectNamed()
	b.mnames = b.collectMethodNames()
	b.problems = b.collectProblems()
	return b
}

func (b *Bank) collectNamed() []namedMethod {
	var out []namedMethod
	seen := map[string]bool{}
	add := func(name string, pi int, sentence string) {
		p := b.m.passages[pi]
		key := normalize(name) + "|" + p.leader
		if p.leader == "" || seen[key] {
			return
		}
		seen[key] = true
		out = append(out, namedMethod{name: name, leader: p.leader, passage: pi, sentence: sentence})
	}
	for _, e := range b.m.enums {
		// Only names that are clearly a method's: a counted shorthand
		// (“四单”工作法) or a catalog name; not “…”的矛盾调解法.
		if e.label != "" && (e.fromMeta || strings.ContainsAny(e.label, "一二三四五六七八九十两")) {
			add(e.label, e.passage, e.sentence)
		}
	}
	for _, mi := range b.m.methods {
		nn := normalize(mi.Name)
		if utf8.RuneCountInString(nn) < 3 {
			continue
		}
		for pi, p := range b.m.passages {
			if mi.Leader != "" && p.leader != mi.Leader {
				continue
			}
			if s := sentenceWith(p, nn); s != "" {
				add(mi.Name, pi, s)
				break
			}
		}
	}
	return out
}

// sentenceWith returns the first sentence of p (not a heading) whose
// normalised form contains norm.
func sentenceWith(p passage, norm string) string {
	for _, s := range p.sentences {
		// A heading or caption naming it is no statement to quote.
		if !isHeading(s) && containsBounded(normalize(s), norm) {
			return s
		}
	}
	return ""
}

// spec is one question the bank could make.
type spec struct {
	kind    Kind
	passage int
	idx     int    // enumeration, number fact, named method or leader index
	item    int    // enumeration item (missing/step) or place index
	topic   string // normalised method name the question is about, if any
}

func (b *Bank) specs() []spec {
	var out []spec
	for ei, e := range b.m.enums {
		// Only a method's own steps make step questions: an unnamed list
		// is as likely a heading or a string of slogans.
		if e.label == "" || isHeading(e.sentence) {
			continue
		}
		label := normalize(e.label)
		for ii := range e.items {
			out = append(out, spec{kind: KindMissingStep, passage: e.passage, idx: ei, item: ii, topic: label})
			out = append(out, spec{kind: KindStep, passage: e.passage, idx: ei, item: ii, topic: label})
			if ordered(e) && ii < len(e.items)-1 {
				out = append(out, spec{kind: KindOrder, passage: e.passage, idx: ei, item: ii, topic: label})
			}
		}
		if len(e.items) >= 3 {
			out = append(out, spec{kind: KindNotStep, passage: e.passage, idx: ei, topic: label})
		}
	}
	for ni, nm := range b.named {
		out = append(out, spec{kind: KindMethodLeader, passage: nm.passage, idx: ni, topic: normalize(nm.name)})
		out = append(out, spec{kind: KindLeaderMethod, passage: nm.passage, idx: ni, topic: normalize(nm.name)})
	}
	for pi, mp := range b.problems {
		out = append(out, spec{kind: KindApplication, passage: mp.passage, idx: pi, topic: normalize(mp.method)})
		out = append(out, spec{kind: KindProblem, passage: mp.passage, idx: pi, topic: normalize(mp.method)})
	}
	for fi, f := range b.m.numbers {
		if !isHeading(f.sentence) {
			out = append(out, spec{kind: KindNumber, passage: f.passage, idx: fi})
		}
	}
	for li, lf := range b.m.leaders {
		for pli, pl := range lf.places {
			np := normalize(pl)
			for pi, p := range b.m.passages {
				if p.leader == lf.name && strings.Contains(p.norm, np) && mentions(p, lf) {
					out = append(out, spec{kind: KindPlace, passage: pi, idx: li, item: pli})
					break
				}
			}
		}
	}
	return out
}

// mentions reports whether the passage text names the leader.
func mentions(p passage, lf leaderFacts) bool {
	text := normalize(p.simp)
	for _, n := range append([]string{lf.name}, lf.aliases...) {
		if nn := normalize(n); utf8.RuneCountInString(nn) >= 2 && strings.Contains(text, nn) {
			return true
		}
	}
	return false
}

// topicFilter resolves a topic to a filter over specs: a leader's passages,
// a method's questions (and passages naming it), or passages containing the
// keyword.
func (b *Bank) topicFilter(topic string) func(spec) bool {
	t := normalize(topic)
	if t == "" {
		return func(spec) bool { return true }
	}
	for _, lf := range b.m.leaders {
		for _, n := range append([]string{lf.name}, lf.aliases...) {
			nn := normalize(n)
			if utf8.RuneCountInString(nn) >= 2 && (strings.Contains(t, nn) || strings.Contains(nn, t) && utf8.RuneCountInString(t) >= 2) {
				name := lf.name
				return func(s spec) bool { return b.m.passages[s.passage].leader == name }
			}
		}
	}
	methodNames := map[string]bool{}
	for _, e := range b.m.enums {
		methodNames[normalize(e.label)] = true
	}
	for _, nm := range b.named {
		methodNames[normalize(nm.name)] = true
	}
	for _, mi := range b.m.methods {
		methodNames[normalize(mi.Name)] = true
		for _, a := range mi.Aliases {
			methodNames[normalize(a)] = true
		}
	}
	for nl := range methodNames {
		if utf8.RuneCountInString(nl) < 2 || utf8.RuneCountInString(t) < 2 {
			continue
		}
		if strings.Contains(nl, t) || strings.Contains(t, nl) {
			return func(s spec) bool {
				if s.topic != "" {
					return strings.Contains(s.topic, t) || strings.Contains(t, s.topic)
				}
				return strings.Contains(b.m.passages[s.passage].norm, t)
			}
		}
	}
	return func(s spec) bool { return strings.Contains(b.m.passages[s.passage].norm, t) }
}

// ApplicationShare is the share of application questions Generate aims
// for when the material has them: a training on role models is about
// using their methods, not only recalling names.
const ApplicationShare = 0.4

// candidate is a built, validated question and what it is about, for
// spreading a session over leaders, methods and sentences.
type candidate struct {
	q      Question
	leader string
	topic  string // the method it is about, if any
	source string // the quoted sentence
	target string // kind + answer
	stem   string // normalised question text
}

// Generate makes up to opt.N distinct, validated questions: no two with
// the same stem or the same answer to the same kind of question, spread
// over leaders, methods and sentences, with about ApplicationShare
// application questions. It returns ErrNoMaterial when none could be made.
func (b *Bank) Generate(opt Options) ([]Question, error) {
	if opt.N <= 0 {
		return nil, nil
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x9e3779b97f4a7c15))
	byKind := map[Kind][]candidate{}
	for _, c := range b.candidates(opt.Topic, opt.Script) {
		if opt.Exclude[c.q.Key] {
			continue
		}
		c.q = shuffleOptions(c.q, rng)
		byKind[c.q.Kind] = append(byKind[c.q.Kind], c)
	}
	kinds := []Kind{KindMissingStep, KindNumber, KindMethodLeader, KindStep, KindPlace, KindNotStep, KindLeaderMethod, KindProblem, KindOrder}
	rng.Shuffle(len(kinds), func(i, j int) { kinds[i], kinds[j] = kinds[j], kinds[i] })
	for _, k := range append([]Kind{KindApplication}, kinds...) {
		cs := byKind[k]
		rng.Shuffle(len(cs), func(i, j int) { cs[i], cs[j] = cs[j], cs[i] })
	}
	used := struct{ leader, topic, source, target, stem map[string]int }{
		map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{},
	}
	// take removes and returns the candidate of kind k that repeats least
	// of what the session already has; ok is false when k has none left.
	take := func(k Kind) (candidate, bool) {
		cs := byKind[k]
		best, bestCost := -1, 1<<30
		for i, c := range cs {
			if used.stem[c.stem] > 0 || used.target[c.target] > 0 {
				continue
			}
			cost := 4*used.source[c.source] + 2*used.leader[c.leader]
			if c.topic != "" {
				cost += 2 * used.topic[c.topic]
			}
			if cost < bestCost {
				best, bestCost = i, cost
			}
		}
		if best < 0 {
			byKind[k] = nil
			return candidate{}, false
		}
		c := cs[best]
		byKind[k] = append(cs[:best:best], cs[best+1:]...)
		return c, true
	}
	var out []Question
	next := 0
	for len(out) < opt.N {
		var c candidate
		ok := false
		apps := 0
		for _, q := range out {
			if q.Kind == KindApplication {
				apps++
			}
		}
		if float64(apps) < ApplicationShare*float64(len(out)+1) {
			c, ok = take(KindApplication)
		}
		for tries := 0; !ok && tries < len(kinds); tries++ {
			c, ok = take(kinds[next%len(kinds)])
			next++
		}
		if !ok {
			c, ok = take(KindApplication)
		}
		if !ok {
			break
		}
		used.leader[c.leader]++
		used.topic[c.topic]++
		used.source[c.source]++
		used.target[c.target]++
		used.stem[c.stem]++
		out = append(out, c.q)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("topic %q: %w", opt.Topic, ErrNoMaterial)
	}
	return out, nil
}

// maxCachedTopics bounds the candidate cache (topics are user input).
const maxCachedTopics = 64

// candidates are every valid question on topic in script, built once per
// (topic, script) and cached: Generate then only draws from them.
func (b *Bank) candidates(topic, script string) []candidate {
	key := normalize(topic) + "|" + script
	b.mu.Lock()
	cs, ok := b.cache[key]
	b.mu.Unlock()
	if ok {
		return cs
	}
	rng := rand.New(rand.NewPCG(0x5eed, 0x9e3779b97f4a7c15))
	keep := b.topicFilter(topic)
	keys := map[string]bool{}
	for _, s := range b.specs() {
		if !keep(s) {
			continue
		}
		q, ok := b.build(s, rng)
		if !ok || keys[q.Key] {
			continue
		}
		q = finish(q, script)
		if Validate(q) != nil {
			continue
		}
		keys[q.Key] = true
		cs = append(cs, candidate{
			q: q, leader: b.m.passages[s.passage].leader, topic: s.topic, source: q.Explanation,
			target: string(q.Kind) + "|" + normalize(q.CorrectText()), stem: normalize(q.Text),
		})
	}
	b.mu.Lock()
	if b.cache == nil || len(b.cache) >= maxCachedTopics {
		b.cache = map[string][]candidate{}
	}
	b.cache[key] = cs
	b.mu.Unlock()
	return cs
}

// shuffleOptions puts q's options in a new order (a copy).
func shuffleOptions(q Question, rng *rand.Rand) Question {
	opts := append([]string(nil), q.Options...)
	answer := q.CorrectText()
	rng.Shuffle(len(opts), func(i, j int) { opts[i], opts[j] = opts[j], opts[i] })
	for i, o := range opts {
		if o == answer {
			q.Correct = i
		}
	}
	q.Options = opts
	return q
}

// finish renders a Simplified draft in the requested script.
func finish(q Question, script string) Question {
	if script != ScriptTraditional {
		script = ScriptSimplified
	}
	q.Script = script
	q.Text = convertScript(prettyPunct(q.Text), script)
	opts := make([]string, len(q.Options))
	for i, o := range q.Options {
		opts[i] = convertScript(prettyPunct(o), script)
	}
	q.Options = opts
	q.Explanation = convertScript(q.Explanation, script)
	q.Why = convertScript(prettyPunct(q.Why), script)
	q.After = convertScript(prettyPunct(q.After), script)
	q.Origin = OriginTemplate
	return q
}

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
	quote := truncateUnits(prettyPunct(sentence), MaxExplanationLen-utf16Len(head)-2)
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
		if nc == "" || seen[nc] || supported(c, evidence) || utf16Len(c) > MaxOptionLen {
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

// clauseWindow trims a long sentence to the clauses around [start,end),
// replacing that span by repl, and marks cuts with "……". Clause breaks
// inside quotation marks are ignored.
func clauseWindow(s string, start, end int, repl string) string {
	const maxBefore, maxAfter = 60, 40
	left := 0
	depth := 0
	var breaks []int // byte offsets just after a clause break, outside quotes
	for i, r := range s {
		switch r {
		case '“':
			depth++
		case '”':
			if depth > 0 {
				depth--
			}
		case '，', ',', '；', ';', '：', ':':
			if depth == 0 {
				breaks = append(breaks, i+utf8.RuneLen(r))
			}
		}
	}
	if utf8.RuneCountInString(s[:start]) > maxBefore {
		for _, br := range breaks {
			if br > start {
				break
			}
			left = br // the closest break before the span, unless…
			if utf8.RuneCountInString(s[br:start]) <= maxBefore {
				break // …an earlier one already keeps enough context
			}
		}
	}
	right := len(s)
	if utf8.RuneCountInString(s[end:]) > maxAfter {
		for _, br := range breaks {
			if br <= end {
				continue
			}
			cut := br - 1
			for cut > end && !utf8.RuneStart(s[cut]) {
				cut--
			}
			if utf8.RuneCountInString(s[end:cut]) > maxAfter && right != len(s) {
				break
			}
			right = cut
			if utf8.RuneCountInString(s[end:cut]) > maxAfter {
				break
			}
		}
	}
	out := s[left:start] + repl + s[end:right]
	if left > 0 {
		out = "……" + out
	}
	if right < len(s) {
		out += "……"
	}
	return out
}
