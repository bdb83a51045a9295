package quiz

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"unicode/utf8"

	"bangyang/zh"
)

// ErrNoMaterial means no question could be made for the topic.
var ErrNoMaterial = errors.New("no material for questions on this topic")

// Options steer Generate.
type Options struct {
	N      int       // number of questions wanted
	Topic  string    // leader or method name (either script) or a keyword; "" for any
	Script zh.Script // zh.Simplified (default) or zh.Traditional
	Seed   uint64    // same seed, same source, same options → same questions
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

// MaxPerSentence is how many questions of a session may quote one sentence.
const MaxPerSentence = 2

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
			if used.stem[c.stem] > 0 || used.target[c.target] > 0 || used.source[c.source] >= MaxPerSentence {
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
	fill := func() {
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
	}
	fill()
	if len(out) < opt.N {
		// A method's own sentences ran out: go on with the rest of its
		// leader's material rather than ask the same sentence again.
		for _, leader := range b.topicLeaders(opt.Topic) {
			if len(out) >= opt.N {
				break
			}
			have := map[string]bool{}
			for _, cs := range byKind {
				for _, c := range cs {
					have[c.q.Key] = true
				}
			}
			for _, q := range out {
				have[q.Key] = true
			}
			for _, c := range b.candidates(leader, opt.Script) {
				if !have[c.q.Key] && !opt.Exclude[c.q.Key] {
					c.q = shuffleOptions(c.q, rng)
					byKind[c.q.Kind] = append(byKind[c.q.Kind], c)
				}
			}
			fill()
		}
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
func (b *Bank) candidates(topic string, script zh.Script) []candidate {
	key := normalize(topic) + "|" + string(script)
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
func finish(q Question, script zh.Script) Question {
	script = script.Or(zh.Simplified)
	q.Script = script
	q.Text = script.Convert(prettyPunct(q.Text))
	opts := make([]string, len(q.Options))
	for i, o := range q.Options {
		opts[i] = script.Convert(prettyPunct(o))
	}
	q.Options = opts
	q.Explanation = script.Convert(q.Explanation)
	q.Why = script.Convert(prettyPunct(q.Why))
	q.After = script.Convert(prettyPunct(q.After))
	q.Origin = OriginTemplate
	return q
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

// topicLeaders are the leaders whose material widens a method topic: the
// method's leader, then the leader of the article naming it (another
// secretary's method mentioned in her article). None for other topics.
func (b *Bank) topicLeaders(topic string) []string {
	t := normalize(topic)
	if t == "" {
		return nil
	}
	if _, ok := b.leaderOf(t); ok {
		return nil
	}
	var out []string
	add := func(l string) {
		if l != "" && !contains(out, l) {
			out = append(out, l)
		}
	}
	if mi, ok := b.methodOf(t); ok {
		add(mi.Leader)
		for _, p := range b.m.passages {
			if p.chunk.ArticleID == mi.ArticleID {
				add(p.leader)
			}
		}
	}
	for _, nm := range b.named {
		if nn := normalize(nm.name); nn == t || utf8.RuneCountInString(t) >= 3 && strings.Contains(nn, t) {
			add(nm.leader)
		}
	}
	return out
}
