package quiz

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"bangyang/corpus"
	"bangyang/zh"
)

// MethodInfo is what quiz needs to know about a work method; core fills
// it from catalog.Method.
type MethodInfo struct {
	Name      string
	Aliases   []string
	Leader    string
	ArticleID string
	Summary   string
	ChunkIDs  []string
	Steps     []string // the method's enumerated items, if known
	// From the catalog's method record, when it has one: the sentences
	// about the problem the method answers, how it is carried out (per
	// step, or in general) and what it achieved.
	Problem   []Quote
	Procedure [][]Quote
	How       []Quote
	Results   []Quote
}

// Quote is a verbatim sentence and the chunk it is in.
type Quote struct {
	Text    string
	ChunkID string
}

// LeaderInfo is what quiz needs to know about a leader; core fills it from
// catalog.Leader.
type LeaderInfo struct {
	Name       string
	Aliases    []string
	Place      string
	Role       string
	Honours    []string
	ArticleIDs []string
	Methods    []string
	ChunkIDs   []string
}

// Source is the material questions and cases are made from. Methods and
// Leaders may be empty: leaders then come from chunk metadata and methods
// from enumerations found in the passages.
type Source struct {
	Methods []MethodInfo
	Leaders []LeaderInfo
	Chunks  []corpus.Chunk
}

// passage is a chunk prepared for question making, in Simplified script.
type passage struct {
	chunk     corpus.Chunk
	simp      string   // chunk text in Simplified, punctuation kept
	norm      string   // normalize(chunk text) + leader: the evidence
	sentences []string // of simp
	leader    string   // Simplified
	title     string   // Simplified
}

// enumeration is a list of parallel items found in one sentence, e.g. the
// four steps of 四单工作法.
type enumeration struct {
	passage  int
	sentence string   // Simplified
	start    int      // byte span of the list inside sentence
	end      int      //
	items    []string // Simplified, in order
	label    string   // method name as displayed, "" if unknown
	fromMeta bool     // label comes from a MethodInfo (catalog)
}

// leaderFacts is a leader with the places found for her.
type leaderFacts struct {
	name    string // Simplified
	aliases []string
	places  []string // community/street names, Simplified
	// articles are the ids of her articles: a place mentioned anywhere in
	// them is never used as a distractor for her.
	articles map[string]bool
}

// material is everything extracted from a Source once.
type material struct {
	passages []passage
	enums    []enumeration
	leaders  []leaderFacts
	numbers  []numberFact
	methods  []MethodInfo // Simplified names
}

func buildMaterial(src Source) *material {
	m := &material{}
	for _, c := range src.Chunks {
		simp := stripPinyin(zh.ToSimplified(c.Text))
		p := passage{
			chunk:     c,
			simp:      simp,
			sentences: splitSentences(simp),
			leader:    zh.ToSimplified(c.Meta.Leader),
			title:     zh.ToSimplified(c.Meta.Title),
		}
		p.norm = normalize(simp)
		if p.leader != "" {
			p.norm += "\x00" + normalize(p.leader)
		}
		m.passages = append(m.passages, p)
	}
	m.leaders = collectLeaders(src, m.passages)
	for _, mi := range src.Methods {
		mi.Name = zh.ToSimplified(mi.Name)
		mi.Leader = zh.ToSimplified(mi.Leader)
		for i := range mi.Aliases {
			mi.Aliases[i] = zh.ToSimplified(mi.Aliases[i])
		}
		for i := range mi.Steps {
			mi.Steps[i] = zh.ToSimplified(mi.Steps[i])
		}
		m.methods = append(m.methods, mi)
	}
	seen := map[string]bool{}
	for i, p := range m.passages {
		for _, s := range p.sentences {
			for _, e := range findEnumerations(s) {
				key := p.chunk.ArticleID + "|" + strings.Join(e.items, "、")
				if seen[key] {
					continue
				}
				seen[key] = true
				e.passage = i
				m.enums = append(m.enums, e)
			}
			m.numbers = append(m.numbers, findNumbers(i, s)...)
		}
	}
	m.applyMethodNames()
	return m
}

// applyMethodNames labels enumerations with catalog method names where the
// catalog's steps match the items, and adds catalog methods whose steps
// sit in one sentence that the extractor missed.
func (m *material) applyMethodNames() {
	for _, mi := range m.methods {
		if len(mi.Steps) < 3 {
			continue
		}
		want := make([]string, len(mi.Steps))
		for i, s := range mi.Steps {
			want[i] = normalize(s)
		}
		matched := false
		for i := range m.enums {
			e := &m.enums[i]
			if sameItems(e.items, want) {
				e.label, e.fromMeta, matched = mi.Name, true, true
			}
		}
		if matched {
			continue
		}
		for pi, p := range m.passages {
			if mi.ArticleID != "" && p.chunk.ArticleID != mi.ArticleID {
				continue
			}
			for _, s := range p.sentences {
				ns := normalize(s)
				all := true
				for _, w := range want {
					all = all && strings.Contains(ns, w)
				}
				if !all {
					continue
				}
				start := strings.Index(s, mi.Steps[0])
				last := mi.Steps[len(mi.Steps)-1]
				end := strings.LastIndex(s, last)
				if start < 0 || end < start {
					continue
				}
				m.enums = append(m.enums, enumeration{
					passage: pi, sentence: s, start: start, end: end + len(last),
					items: append([]string(nil), mi.Steps...), label: mi.Name, fromMeta: true,
				})
				matched = true
				break
			}
			if matched {
				break
			}
		}
	}
}

func sameItems(items, want []string) bool {
	if len(items) != len(want) {
		return false
	}
	for i := range items {
		if normalize(items[i]) != want[i] {
			return false
		}
	}
	return true
}

var (
	// “民众点单、社区开单、共同接单、民主议单”
	quotedListRE = regexp.MustCompile(`“([^“”，,。；;！？!?：:]{5,120})”`)
	// “红色党员”“绿色环保”“蓝色法援”“白色医疗”
	adjacentQuotedRE = regexp.MustCompile(`(?:“[^“”，,。、；;]{2,8}”){3,}`)
	// 打造微阵地、开展微活动、进行微改造、践行微服务
	bareListRE = regexp.MustCompile(`\p{Han}{2,8}(?:、\p{Han}{2,8}){2,}`)
	// “四单”工作法, “四微”活动
	shorthandRE = regexp.MustCompile(`“([一二三四五六七八九十两]\p{Han}{1,2})”(\p{Han}{0,4}?(?:工作法|调解法|工作心得|机制|模式|活动|工程|理念|服务队))`)
	// “…”的矛盾调解法, “…”的党建工作新理念
	afterListNameRE = regexp.MustCompile(`^”?的(\p{Han}{0,6}?(?:工作法|调解法|工作心得|机制|模式|理念))`)
	// 党务公开三会——
	dashNameRE = regexp.MustCompile(`(\p{Han}{1,4}[一二三四五六七八九十两]\p{Han})——$`)
)

var chineseDigits = map[rune]int{'一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9, '十': 10}

// findEnumerations finds lists of three or more parallel items in one
// sentence, and a method name for each where the sentence gives one.
func findEnumerations(s string) []enumeration {
	var out []enumeration
	taken := func(a, b int) bool {
		for _, e := range out {
			if a < e.end && e.start < b {
				return true
			}
		}
		return false
	}
	for _, loc := range quotedListRE.FindAllStringSubmatchIndex(s, -1) {
		items := strings.Split(s[loc[2]:loc[3]], "、")
		if len(items) < 3 || !itemsOK(items, 1, 15, 99) {
			continue
		}
		out = append(out, enumeration{sentence: s, start: loc[2], end: loc[3], items: items})
	}
	for _, loc := range adjacentQuotedRE.FindAllStringIndex(s, -1) {
		if taken(loc[0], loc[1]) {
			continue
		}
		body := strings.TrimSuffix(strings.TrimPrefix(s[loc[0]:loc[1]], "“"), "”")
		items := strings.Split(body, "”“")
		if !itemsOK(items, 2, 8, 99) {
			continue
		}
		out = append(out, enumeration{sentence: s, start: loc[0], end: loc[1], items: items})
	}
	for _, loc := range bareListRE.FindAllStringIndex(s, -1) {
		if taken(loc[0], loc[1]) {
			continue
		}
		// The regexp cannot tell where the first item begins, so the list
		// must start right after a delimiter and its items be of one length.
		if loc[0] > 0 {
			prev, _ := utf8.DecodeLastRuneInString(s[:loc[0]])
			if !strings.ContainsRune("—：:，,即“", prev) {
				continue
			}
		}
		items := strings.Split(s[loc[0]:loc[1]], "、")
		if !itemsOK(items, 2, 8, 1) {
			continue
		}
		out = append(out, enumeration{sentence: s, start: loc[0], end: loc[1], items: items})
	}
	for i := range out {
		out[i].label = enumerationLabel(s, out[i])
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// itemsOK checks item lengths (runes) and how much they may differ.
func itemsOK(items []string, min, max, spread int) bool {
	lo, hi := 1<<30, 0
	seen := map[string]bool{}
	for _, it := range items {
		n := utf8.RuneCountInString(it)
		// An item starting with a pronoun is a clause, not a list item
		// (她办社区报、建社区网…).
		first, _ := utf8.DecodeRuneInString(it)
		if n < min || n > max || seen[it] || strings.ContainsAny(it, "“”\"") || strings.ContainsRune("她他我你其", first) {
			return false
		}
		seen[it] = true
		lo, hi = minInt(lo, n), maxInt(hi, n)
	}
	return hi-lo <= spread
}

// enumerationLabel names the method an enumeration spells out, when the
// sentence says so: a counted shorthand whose count matches (“四单”工作法
// with four items), “…”的X法 right after the list, or X三会—— before it.
func enumerationLabel(s string, e enumeration) string {
	after := s[e.end:]
	if m := afterListNameRE.FindStringSubmatch(after); m != nil {
		return m[1]
	}
	before := strings.TrimSuffix(s[:e.start], "“")
	if m := dashNameRE.FindStringSubmatch(before); m != nil {
		if countMatches(m[1], len(e.items)) {
			return m[1]
		}
	}
	best, bestDist := "", 1<<30
	for _, loc := range shorthandRE.FindAllStringSubmatchIndex(s, -1) {
		short := s[loc[2]:loc[3]]
		if !countMatches(short, len(e.items)) {
			continue
		}
		d := loc[0] - e.end
		if loc[1] <= e.start {
			d = e.start - loc[1]
		}
		if d < 0 {
			d = -d
		}
		if d < bestDist {
			best, bestDist = "“"+short+"”"+s[loc[4]:loc[5]], d
		}
	}
	return best
}

// countMatches reports whether the first numeral in a shorthand equals n.
func countMatches(short string, n int) bool {
	for _, r := range short {
		if v, ok := chineseDigits[r]; ok {
			return v == n
		}
	}
	return false
}

// collectLeaders merges catalog leaders with chunk metadata and finds their
// places (metadata tokens ending in 社区/街道, else from the text).
func collectLeaders(src Source, ps []passage) []leaderFacts {
	byName := map[string]*leaderFacts{}
	var order []string
	get := func(name string) *leaderFacts {
		if lf, ok := byName[name]; ok {
			return lf
		}
		lf := &leaderFacts{name: name, articles: map[string]bool{}}
		byName[name] = lf
		order = append(order, name)
		return lf
	}
	addPlace := func(lf *leaderFacts, place string) {
		for _, tok := range adminUnitRE.FindAllString(zh.ToSimplified(place), -1) {
			if placeNameRE.MatchString(tok) && !contains(lf.places, tok) {
				lf.places = append(lf.places, tok)
			}
		}
	}
	for _, l := range src.Leaders {
		name := zh.ToSimplified(l.Name)
		if name == "" {
			continue
		}
		lf := get(name)
		for _, a := range l.Aliases {
			if a = zh.ToSimplified(a); !contains(lf.aliases, a) {
				lf.aliases = append(lf.aliases, a)
			}
		}
		addPlace(lf, l.Place)
		for _, id := range l.ArticleIDs {
			lf.articles[id] = true
		}
	}
	for _, p := range ps {
		if p.leader == "" {
			continue
		}
		lf := get(p.leader)
		lf.articles[p.chunk.ArticleID] = true
		for _, a := range p.chunk.Meta.Aliases {
			if a = zh.ToSimplified(a); !contains(lf.aliases, a) {
				lf.aliases = append(lf.aliases, a)
			}
		}
		addPlace(lf, p.chunk.Meta.Place)
	}
	for _, p := range ps {
		lf, ok := byName[p.leader]
		if !ok || len(lf.places) > 0 {
			continue
		}
		for _, s := range p.sentences {
			if !strings.Contains(s, lf.name) {
				continue
			}
			for _, re := range textPlaceREs {
				for _, m := range re.FindAllStringSubmatch(s, -1) {
					if !contains(lf.places, m[1]) {
						lf.places = append(lf.places, m[1])
					}
				}
			}
		}
	}
	out := make([]leaderFacts, 0, len(order))
	for _, n := range order {
		out = append(out, *byName[n])
	}
	return out
}

var (
	placeNameRE = regexp.MustCompile(`^\p{Han}{2,8}(?:社区|街道)$`)
	// 重庆市渝中区上清寺街道上清寺路社区 → 重庆市 渝中区 上清寺街道 上清寺路社区
	adminUnitRE = regexp.MustCompile(`\p{Han}+?(?:省|自治区|市|区|县|街道|社区|镇|乡|村)`)
	// Where metadata has no place: 渝中区上清寺路社区党委书记, 在酒泉路街道工作,
	// 到仁和社区任书记. Only sentences naming the leader are searched.
	textPlaceREs = []*regexp.Regexp{
		regexp.MustCompile(`(?:[市区县]|街道)(\p{Han}{2,5}?(?:社区|街道))(?:党委|党总支|党支部|党工委|居委会)`),
		regexp.MustCompile(`[在到](\p{Han}{2,5}?(?:社区|街道))(?:工作|任|担任)`),
	}
)

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func minInt(a, b int) int {
	if a < b {
		return a
	}
	return b
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}
