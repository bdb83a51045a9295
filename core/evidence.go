package core

import (
	"hash/fnv"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"bangyang/corpus"
	"bangyang/search"
	"bangyang/zh"
)

// sentRef is one sentence of a passage, the unit answers quote.
type sentRef struct {
	chunk *corpus.Chunk
	pos   int    // index within the chunk
	para  int    // paragraph within the chunk
	text  string // as written
	norm  string // Simplified
}

// key identifies a sentence across turns (what was already shown).
func (r sentRef) key() string { return sentenceKey(r.norm) }

func sentenceKey(norm string) string {
	h := fnv.New64a()
	h.Write([]byte(strings.TrimSpace(norm)))
	return strconv.FormatUint(h.Sum64(), 36)
}

// sentenceCache splits each chunk into sentences once, on first use.
type sentenceCache struct {
	mu sync.Mutex
	m  map[string][]sentRef
}

func (s *Service) sentences(c *corpus.Chunk) []sentRef {
	s.sents.mu.Lock()
	defer s.sents.mu.Unlock()
	if out, ok := s.sents.m[c.ID]; ok {
		return out
	}
	if s.sents.m == nil {
		s.sents.m = map[string][]sentRef{}
	}
	var out []sentRef
	for pi, para := range strings.Split(c.Text, "\n") {
		for _, t := range wholeSentences(para, splitSentences(para)) {
			out = append(out, sentRef{chunk: c, pos: len(out), para: pi, text: t, norm: zh.ToSimplified(t)})
		}
	}
	s.sents.m[c.ID] = out
	return out
}

// wholeSentences joins the clauses the splitter cut at ；/; back into
// the sentence they belong to, so a quote never stops mid-sentence (up to
// a length a reader still takes as one point). A joined sentence is the
// line's own text from its first clause to its last: the list numbers
// inside it ("…情况；②建档：…") stay.
func wholeSentences(line string, pieces []string) []string {
	var out []string
	var start []int // byte offset in line of each out sentence, -1 if not found
	off := 0
	for _, p := range pieces {
		at := -1
		if i := strings.Index(line[off:], p); i >= 0 {
			at = off + i
			off = at + len(p)
		}
		if n := len(out); n > 0 {
			last := strings.TrimSpace(out[n-1])
			if (strings.HasSuffix(last, "；") || strings.HasSuffix(last, ";")) && utf8.RuneCountInString(last+p) <= 200 {
				if start[n-1] >= 0 && at >= 0 {
					out[n-1] = strings.TrimSpace(line[start[n-1] : at+len(p)])
				} else {
					out[n-1] += p
				}
				continue
			}
		}
		out = append(out, p)
		start = append(start, at)
	}
	return out
}

// leaderChunks are the passages of the leader's articles, in article
// order: a question naming her draws on these alone.
func (s *Service) leaderChunks(leader string) []*corpus.Chunk {
	var out []*corpus.Chunk
	info := s.ents.leaderInfo[leader]
	seen := map[string]bool{}
	for _, id := range info.Articles {
		if seen[id] {
			continue
		}
		seen[id] = true
		for _, c := range s.byArticle[id] {
			if info.Secondary && !s.holdsSentencesOf(c, leader) {
				continue // a second secretary's passages are those telling of her
			}
			out = append(out, c)
		}
	}
	return out
}

// leaderSentences are the sentences of the leader's passages that are
// about her: for a secretary an article names beside its own, those
// naming her; for the article's own secretary, all but those naming the
// other and not her.
func (s *Service) leaderSentences(leader string) []sentRef {
	var out []sentRef
	for _, r := range s.sentencesIn(s.leaderChunks(leader)) {
		if s.isHers(r, leader) {
			out = append(out, r)
		}
	}
	return out
}

// isHers reports a sentence of leader's articles that is about her: not
// about the article's second secretary, or, for a second secretary, about
// her.
func (s *Service) isHers(r sentRef, leader string) bool {
	o := s.ownerOf(r)
	if s.ents.leaderInfo[leader].Secondary {
		return o == leader
	}
	return o == ""
}

// weightedTerms are a query's topical bigrams with inverse-frequency
// weights over the candidate sentences, and extra words (from the topic
// lexicon) with a fixed weight.
type weightedTerms struct {
	bi    map[string]float64
	uni   map[string]bool
	extra map[string]float64
	total float64 // sum of bigram weights
	// lexiconFirst makes the topic's article words count for more than
	// the question's own wording (advice: "叫不动" paraphrases 议事、恳谈).
	lexiconFirst bool
	// wantList favours enumerations (A、B、C) for "哪几个/包括哪些".
	wantList bool
	// unit is the measure a count is asked in (多少名党员 → 名): a sentence
	// counting in it answers.
	unit *regexp.Regexp
}

// askedUnitRE is a count asked with its measure word.
// ("几个人" counts in 人: 救助老人9人.)
var askedUnitRE = regexp.MustCompile(`(?:多少|几)个?([` + strings.Replace(measureWords, "个", "", 1) + `])|(?:多少|几)(个)`)

// unitOf is the pattern of a count in the measure the question asks in.
func unitOf(norm string) *regexp.Regexp {
	m := askedUnitRE.FindStringSubmatch(norm)
	if m == nil {
		return nil
	}
	return regexp.MustCompile(`(\d+|[一二两三四五六七八九十百千万]+)(余|多)?` + regexp.QuoteMeta(m[1]+m[2]))
}

// listRE asks for a list of things.
var listRE = regexp.MustCompile(`哪些|哪几|包括|包含|有几|几个|几项|列举|分别是|都有什么|是哪`)

func newTerms(topic string, extra []string, cands []sentRef) weightedTerms {
	return newTermsGeneric(topic, extra, cands, nil)
}

// newTermsGeneric is newTerms where generic (when not nil) says which
// bigrams are common throughout the corpus: only those are dropped when
// frequent among the candidates (社区 is; 红色管家 in its own article is not).
func newTermsGeneric(topic string, extra []string, cands []sentRef, generic func(string) bool) weightedTerms {
	bi, uni := terms(topic)
	df := map[string]int{}
	for _, c := range cands {
		for b := range bi {
			if strings.Contains(c.norm, b) {
				df[b]++
			}
		}
	}
	wt := weightedTerms{bi: map[string]float64{}, uni: uni, extra: map[string]float64{}, wantList: listRE.MatchString(topic)}
	n := float64(len(cands) + 1)
	frequent := func(b string) bool {
		return len(cands) >= 10 && float64(df[b]) > 0.3*float64(len(cands)) && (generic == nil || generic(b))
	}
	// A bigram in a third of the sentences (社区, 工作) says nothing here —
	// unless nothing rarer of the question occurs at all ("对待党员" in an
	// article about 党员: 党员 is all there is to go by).
	rarerFound := false
	for b := range bi {
		if !frequent(b) && df[b] > 0 {
			rarerFound = true
		}
	}
	for b := range bi {
		if rarerFound && frequent(b) {
			continue
		}
		w := math.Log(1 + n/float64(df[b]+1))
		wt.bi[b] = w
		wt.total += w
	}
	for _, w := range extra {
		if utf8.RuneCountInString(w) >= 2 {
			wt.extra[w] = 1.2
		}
	}
	return wt
}

// score is how well a sentence matches: weighted shared bigrams, a little
// for shared characters, and lexicon words.
func (wt weightedTerms) score(norm string) (score, covered float64) {
	for b, w := range wt.bi {
		if strings.Contains(norm, b) {
			score += w
			covered += w
		}
	}
	for u := range wt.uni {
		if strings.Contains(norm, u) {
			score += 0.15
		}
	}
	// Lexicon words say the sentence is on the topic; how many of them it
	// holds says little more, and must not outweigh what was asked.
	k := 0
	for w := range wt.extra {
		if strings.Contains(norm, w) {
			k++
		}
	}
	switch {
	case k > 0 && wt.lexiconFirst:
		score = 0.35*score + min(4.0, 1.5+0.6*float64(k-1))
	case k > 0:
		score += min(2.0, 1.2+0.3*float64(k-1))
	}
	return score, covered
}

// intentBonus favours sentences of the kind an intent asks for.
var (
	digitRE     = regexp.MustCompile(`\d|[一二三四五六七八九十百千万两]+[余多]?[个名户支家次位本年项人]`)
	yearRE      = regexp.MustCompile(`\d{4}年|\d{1,2}月|当年|那年|年初|年底|以来|时候`)
	practiceRE2 = regexp.MustCompile(`把[^，,。]{1,15}(改成|改为|改到|挪到|换成|建成|办成|开到|搬到|搬进|放到|变成)|总结出|摸索出|琢磨出|探索出|推出|想了个办法|想出|想办法|分成|建了|坚持|建立|通过|组织|开展|推行|搭建|整合|实行|每[周月季年天]|定期|上门|引导|带领|成立|设立|划分|召开|收集|走访|入户|记入|制定|创建|打造|实施|推动|探索|联合|协调|发动|依托|担任|兼任|负责|分配|配备|安排|设置|改造|拆除|安装|请来|升级|邀请|动员|培育|引进|组建|开出|答复|办理|帮助|为其|带头|拿出|提出|启动|集结|凝聚|号召|吸纳|认领|对接|化解|调解|发挥|梳理|形成|共建|联建|签订|认购|吹哨|报到|推广|铺开|延伸|覆盖到|办起|开设|开办|创办|建起|建成|开通|请[^，,。]{1,12}(来|开课|上课|讲|教|当|做|担任|坐诊)|聘请|招募|结对|结成|培训|辅导|举办|提供|送上门|开课|义诊|巡查|排查|帮扶|慰问|探访|想了(个|些|很多|不少|一些|好多)?(办法|法子|招)|搞了|搞起|设了|走了一遍|走了个遍`)
	resultWords = regexp.MustCompile(`现在[^，,。]{0,8}\d|增加到|增长到|增至|上升到|达到|从[^，,。]{1,12}(增加|上升|提高|发展)到|满意率|成功率|\d+(\.\d+)?%|累计|解决.{0,8}\d|\d.{0,8}解决|覆盖|提升|提高|获评|被评为|荣获|成为|如今|目前|变成|变为|实现|先后获得|摘掉|受到|好评|点赞|称赞|下降|减少|降低|降到|减到|推广`)
	problemWds  = regexp.MustCompile(`闭门羹|碰壁|质疑|反对|不理解|不配合|绝非易事|不容易|难|问题|矛盾|纠纷|脏乱差|诉求|不清|后进|落后|困难|隐患|短板|痛点|无人|失联|堵|乱|差|怨|缺|不足|薄弱|面对|针对|由于|没人|没有人|互不|不认识|扑空|找不到|看不惯|合不来|不露面|不来往|不往来|隔阂|疏远|冷漠|不参与|不买账|不愿意?(来|参加|参与|出面)`)
)

func intentBonus(in Intent, norm string) float64 {
	switch in {
	case IntentNumber:
		if digitRE.MatchString(norm) {
			return 1.6
		}
		return 0.4
	case IntentWhen:
		if yearRE.MatchString(norm) {
			return 1.6
		}
		return 0.5
	case IntentHow, IntentSteps:
		if practiceRE2.MatchString(norm) {
			return 1.3
		}
	case IntentResult:
		if resultWords.MatchString(norm) {
			return 1.6
		}
		return 0.7
	case IntentProblem:
		if problemWds.MatchString(norm) {
			return 1.5
		}
		return 0.7
	}
	return 1
}

type rankedSent struct {
	sentRef
	score, covered float64
}

// rank scores sentences for a question topic and intent, best first.
// Fragments (headings, "她说：") are discounted.
func rank(cands []sentRef, wt weightedTerms, in Intent) []rankedSent {
	var out []rankedSent
	for _, c := range cands {
		sc, cov := wt.score(c.norm)
		if sc == 0 {
			continue
		}
		sc *= intentBonus(in, c.norm)
		if wt.unit != nil && wt.unit.MatchString(c.norm) {
			sc *= 1.5
		}
		if wt.wantList && strings.Count(c.norm, "、") >= 2 {
			sc *= 1.4
		}
		if n := utf8.RuneCountInString(c.text); n < 14 {
			sc *= 0.4
		} else if n > 160 {
			sc *= 0.8
		}
		if isHeadingLike(c.text) || speechFrameRE.MatchString(c.norm) {
			sc *= 0.3
		}
		out = append(out, rankedSent{c, sc, cov})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].score > out[j].score })
	return out
}

// speechFrameRE is a speech's opening or closing formula ("今天向大家汇报…",
// "我的发言完了，谢谢大家"): it frames what was done, tells none of it.
var speechFrameRE = regexp.MustCompile(`^[“"]?(尊敬的|各位领导|同志们|大家好|今天[，,]?(我)?(很高兴)?(向|给|跟|和)大家(汇报|介绍|交流|分享)|下面[，,]?我(向|给)大家|我的发言(完了|完毕|就到这里|到此结束)|以上是我的|谢谢大家|不妥之处)`)

// isHeadingLike is a section heading or slogan line: short, with no
// sentence punctuation at all (抓班子、带队伍、破瓶颈,让“老后进”扛起“先进旗”).
func isHeadingLike(t string) bool {
	t = strings.TrimSpace(t)
	if t == "" {
		return true
	}
	return !strings.ContainsAny(t, "。！？!?；;…") && utf8.RuneCountInString(t) < 45
}

// sentencesIn lists the sentences of chunks in article order.
func (s *Service) sentencesIn(chunks []*corpus.Chunk) []sentRef {
	var out []sentRef
	for _, c := range chunks {
		out = append(out, s.sentences(c)...)
	}
	return out
}

// inOrder sorts sentences by article, passage and position.
func inOrder(rs []sentRef) {
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		if a.chunk.ArticleID != b.chunk.ArticleID {
			return a.chunk.ArticleID < b.chunk.ArticleID
		}
		if a.chunk.Seq != b.chunk.Seq {
			return a.chunk.Seq < b.chunk.Seq
		}
		return a.pos < b.pos
	})
}

// namesLeader reports whether a sentence names the leader (name or alias).
func (s *Service) namesLeader(norm, leader string) bool {
	if strings.Contains(norm, leader) {
		return true
	}
	for _, a := range s.ents.leaderInfo[leader].Aliases {
		if strings.Contains(norm, a) {
			return true
		}
	}
	for _, k := range s.ents.keysOf[leader] {
		if strings.Contains(norm, k) {
			return true
		}
	}
	return false
}

// maxGenericSample bounds the articles genericBigram looks at.
const maxGenericSample = 64

// genericBigram reports a bigram found in most of the corpus' articles
// (社区, 工作, 党员): it tells one passage from another only weakly.
func (s *Service) genericBigram(b string) bool {
	if v, ok := s.generic.Load(b); ok {
		return v.(bool)
	}
	// A sample of the articles is enough to tell "most": at 100k passages
	// scanning them all per word would cost a question a second.
	n, with := 0, 0
	step := max(1, len(s.articleIDs)/maxGenericSample)
	for i := 0; i < len(s.articleIDs); i += step {
		n++
		for _, c := range s.byArticle[s.articleIDs[i]] {
			if strings.Contains(c.Norm, b) {
				with++
				break
			}
		}
	}
	g := n > 0 && float64(with) >= 0.6*float64(n)
	s.generic.Store(b, g)
	return g
}

// namesAMethod reports whether a sentence names a method of the catalog.
func (s *Service) namesAMethod(norm string) bool {
	for _, k := range s.ents.methodKeys {
		if strings.Contains(norm, k.key) {
			return true
		}
	}
	return false
}

// namesOtherLeader reports whether a sentence names a secretary other
// than leader (then it is about her, not him).
func (s *Service) namesOtherLeader(norm, leader string) bool {
	for _, k := range s.ents.leaderKeys {
		if k.canon != leader && strings.Contains(norm, k.key) {
			return true
		}
	}
	return false
}

// startsWithPlace reports a sentence whose subject is a community or
// street of the corpus.
func (s *Service) startsWithPlace(norm string) bool {
	for _, k := range s.ents.placeKeys {
		if strings.HasPrefix(norm, k.key) {
			return true
		}
	}
	return false
}

// sentenceAfter returns the sentences that follow r in its article (the
// rest of its passage, then the next passage); in an interview, not the
// interviewer's questions between answers, which state nothing.
func (s *Service) sentencesAfter(c *corpus.Chunk, pos, n int) []sentRef {
	var out []sentRef
	inAnswer := !s.askedAt(c, pos)
	for cur := c; cur != nil && len(out) < n; {
		for _, r := range s.sentences(cur) {
			if cur == c && r.pos <= pos {
				continue
			}
			if inAnswer && s.isAsked(r) {
				continue
			}
			out = append(out, r)
			if len(out) == n {
				break
			}
		}
		next, ok := s.bySeq[seqKey{cur.ArticleID, cur.Seq + 1}]
		if !ok {
			break
		}
		cur = s.chunkPtr(next.ID)
	}
	return out
}

// sentencesBefore returns up to n sentences before position pos of c,
// nearest first, going back into the previous passage of the article
// (an interviewer's question too: reasonBefore reads where an answer
// begins by it).
func (s *Service) sentencesBefore(c *corpus.Chunk, pos, n int) []sentRef {
	var out []sentRef
	for cur := c; cur != nil && len(out) < n; {
		sents := s.sentences(cur)
		for i := len(sents) - 1; i >= 0 && len(out) < n; i-- {
			if cur == c && sents[i].pos >= pos {
				continue
			}
			out = append(out, sents[i])
		}
		prev, ok := s.bySeq[seqKey{cur.ArticleID, cur.Seq - 1}]
		if !ok || cur.Seq == 0 {
			break
		}
		cur = s.chunkPtr(prev.ID)
	}
	return out
}

// paragraph returns the sentences of r's paragraph, in order.
func (s *Service) paragraph(r sentRef) []sentRef {
	var out []sentRef
	for _, x := range s.sentences(r.chunk) {
		if x.para == r.para {
			out = append(out, x)
		}
	}
	return out
}

func (s *Service) chunkPtr(id string) *corpus.Chunk {
	return s.ptrByID[id]
}

// hitChunk is the passage of a search hit: the service's own copy when it
// knows the chunk, else the hit's (a Service built without Chunks).
func (s *Service) hitChunk(h search.Hit) *corpus.Chunk {
	if c := s.ptrByID[h.Chunk.ID]; c != nil {
		return c
	}
	c := h.Chunk
	return &c
}

// charCoverage is the share of the topic's Han characters that are part
// of a bigram the sentence contains: a paraphrase leaves bigrams across
// its word boundaries that no text holds, characters judge it fairly.
func charCoverage(topic, norm string) float64 {
	total, have := 0, 0
	for _, run := range strings.Fields(topic) {
		rs := []rune(run)
		if len(rs) < 2 {
			continue
		}
		covered := make([]bool, len(rs))
		for i := 1; i < len(rs); i++ {
			if strings.Contains(norm, string(rs[i-1:i+1])) {
				covered[i-1], covered[i] = true, true
			}
		}
		total += len(rs)
		for _, c := range covered {
			if c {
				have++
			}
		}
	}
	if total == 0 {
		return 0
	}
	return float64(have) / float64(total)
}

// longestShared is the length in characters of the longest piece of
// topic the sentence holds.
func longestShared(topic, norm string) int {
	best := 0
	for _, run := range strings.Fields(topic) {
		rs := []rune(run)
		for i := range rs {
			for j := len(rs); j > i+best; j-- {
				if strings.Contains(norm, string(rs[i:j])) {
					best = j - i
					break
				}
			}
		}
	}
	return best
}

// sentenceLeader is the secretary a sentence is about: its passage's,
// unless it names a second secretary of the article and not her ("相邻的
// 文艺路社区党委书记李文静，坚持了六年的……" is 李文静's).
func (s *Service) sentenceLeader(r sentRef) string {
	if o := s.ownerOf(r); o != "" {
		return o
	}
	l := zh.ToSimplified(r.chunk.Meta.Leader)
	if slices.Contains(s.ents.seconds[r.chunk.ArticleID], l) {
		// A passage credited to the second secretary, this sentence not:
		// it is the article's own secretary's.
		for _, m := range s.o.Articles {
			if m.ID == r.chunk.ArticleID {
				return zh.ToSimplified(m.Leader)
			}
		}
	}
	return l
}

// holdsSentencesOf reports whether a passage tells of a second secretary.
func (s *Service) holdsSentencesOf(c *corpus.Chunk, leader string) bool {
	for _, r := range s.sentences(c) {
		if s.ownerOf(r) == leader {
			return true
		}
	}
	return false
}
