package core

// Whose first-person words a sentence is. In an interview the guest's
// answer is hers — the line opening with her name or 答： (corpus.SpeakerOf)
// and the paragraphs after it up to the next question — and the
// interviewer's question states nothing of her; in a speech or a column
// the narration is its author's (Meta.Author). A 我 in such words is the
// speaker's, unless it stands in a quotation (居民说：“我……”).

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"bangyang/corpus"
	"bangyang/zh"
)

// askerVoice is the voice of an interviewer's question.
const askerVoice = "\x00asker"

// voices caches, per article, the voice of each of its sentences.
type voices struct {
	mu sync.Mutex
	m  map[string]map[string]voiced // article → chunk/pos → its voice
}

// voiced is whose words a sentence is ("" none, askerVoice), whether
// they are an interview's answer (not a speech's or column's narration),
// and which exchange of an interview it belongs to (a question and its
// answer).
type voiced struct {
	speaker string
	answer  bool
	turn    int
}

// voiceOf is whose words r is: a secretary's name (Simplified), the
// article's author's, askerVoice for an interviewer's question, or "".
func (s *Service) voiceOf(r sentRef) string { return s.voicedOf(r).speaker }

// sameExchange reports two sentences of one interview exchange: no
// question between them (an answer's story ends before the next one).
func (s *Service) sameExchange(a, b sentRef) bool {
	return a.chunk != nil && b.chunk != nil && a.chunk.ArticleID == b.chunk.ArticleID && s.voicedOf(a).turn == s.voicedOf(b).turn
}

func (s *Service) voicedOf(r sentRef) voiced {
	if r.chunk == nil {
		return voiced{}
	}
	id := r.chunk.ArticleID
	s.voice.mu.Lock()
	byPos, ok := s.voice.m[id]
	s.voice.mu.Unlock()
	if !ok {
		byPos = s.articleVoices(id)
		s.voice.mu.Lock()
		if s.voice.m == nil {
			s.voice.m = map[string]map[string]voiced{}
		}
		s.voice.m[id] = byPos
		s.voice.mu.Unlock()
	}
	return byPos[sentPos(r)]
}

// articleMeta is the metadata of an article as loaded (its own leader and
// others, whatever a chunk of it was credited to).
func (s *Service) articleMeta(id string) (corpus.Meta, bool) {
	for _, m := range s.o.Articles {
		if m.ID == id {
			return m, true
		}
	}
	if cs := s.byArticle[id]; len(cs) > 0 {
		return cs[0].Meta, true
	}
	return corpus.Meta{}, false
}

// otherLabelRE opens a paragraph with someone's label that is neither the
// interviewer's nor a secretary's (编后：, 记者手记：, 居民王大妈：): what
// follows is not the guest's answer.
var otherLabelRE = regexp.MustCompile(`^[（(【\[]?[^\s，,。！？!?：:“”"（）()]{1,8}[】\]]?[：:]`)

// articleVoices walks an article's paragraphs in order.
func (s *Service) articleVoices(id string) map[string]voiced {
	out := map[string]voiced{}
	m, ok := s.articleMeta(id)
	if !ok {
		return out
	}
	author := zh.ToSimplified(strings.TrimSpace(m.Author))
	if author == "" {
		out = s.walkVoices(id, m, "")
		if leader := zh.ToSimplified(m.Leader); s.introducesHerself(id, out, leader) {
			return s.walkVoices(id, m, leader) // 我叫蒋玉梅…: she tells it
		}
		return out
	}
	out = s.walkVoices(id, m, author)
	if !s.toldInFirstPerson(id, out, author) {
		// A byline over a report in the third person: the narration is no
		// one's words, and a 我 quoted in it may be hers.
		out = s.walkVoices(id, m, "")
	}
	return out
}

// introducesHerself reports an article whose narration (no voice in vs),
// in its first lines, has the leader say who she is (我叫蒋玉梅, 我是滨江社区的邓丽萍)
// outside any quotation: a column or speech she tells.
func (s *Service) introducesHerself(id string, vs map[string]voiced, leader string) bool {
	if leader == "" {
		return false
	}
	seen := 0
	for _, c := range s.byArticle[id] {
		for _, r := range s.sentences(c) {
			if seen++; seen > 12 {
				return false
			}
			if vs[sentPos(r)].speaker != "" {
				continue // an interview's line, not the narration
			}
			own := ownWords(r.norm)
			if i := strings.Index(own, leader); i >= 0 && selfIntroRE.MatchString(own[:i]) {
				return true
			}
		}
	}
	return false
}

// selfIntroRE ends with a speaker saying who she is, just before her name.
var selfIntroRE = regexp.MustCompile(`(^|[，,。！!：:\s])(我叫|我是|我就是)[^，,。！!？?“”]{0,16}$`)

// walkVoices gives each sentence its voice, the narration's being
// author's.
func (s *Service) walkVoices(id string, m corpus.Meta, author string) map[string]voiced {
	out := map[string]voiced{}
	leader := zh.ToSimplified(m.Leader)
	speaker, guest, labelled, turn := author, "", false, 0
	answering := false // speaker is a guest answering
	for _, c := range s.byArticle[id] {
		lastPara := -1
		sents := s.sentences(c)
		for _, r := range sents {
			if r.para != lastPara {
				lastPara = r.para
				line := strings.TrimSpace(r.text)
				sp := corpus.SpeakerOf(line, m)
				wasLabelled := labelled
				labelled = false
				// A question on a line of its own, answered in the first
				// person on the next.
				alone := r.pos+1 < len(sents) && sents[r.pos+1].para != r.para && strings.Contains(ownWords(sents[r.pos+1].norm), "我")
				switch {
				case corpus.IsInterviewQuestion(line) || alone && bareQuestion(r.norm, turn > 0):
					if speaker != askerVoice {
						turn++ // a new exchange
					}
					speaker, answering = askerVoice, false
				case sp != "":
					speaker, answering = zh.ToSimplified(sp), true
					guest = speaker
				case otherLabelRE.MatchString(line) && !clockLabelRE.MatchString(line):
					speaker, labelled, answering = "", true, false // 编后：, 口述：…
				case isHeadingLike(line) || wasLabelled:
					// A heading ends an answer; after a note, the narration again.
					speaker, answering = author, false
				case speaker == askerVoice:
					// An answer with no label of its own, after a question.
					speaker, answering = guest, true
					if speaker == "" {
						speaker = leader
					}
				}
			}
			out[sentPos(r)] = voiced{speaker, answering, turn}
		}
	}
	return out
}

// toldInFirstPerson reports an article whose narration (author's voice,
// no interview answer) says 我 in its own words: a speech, a column told
// by its author.
func (s *Service) toldInFirstPerson(id string, vs map[string]voiced, author string) bool {
	for _, c := range s.byArticle[id] {
		for _, r := range s.sentences(c) {
			if v := vs[sentPos(r)]; v.speaker == author && !v.answer && strings.Contains(strings.ReplaceAll(ownWords(r.norm), "我们", ""), "我") {
				return true
			}
		}
	}
	return false
}

// bareQuestion is a paragraph that only asks the guest something, with
// no label (a WeChat interview's bold question: 您是哪年来到社区的？),
// or, once the interview has begun, any short question on its own line
// (为什么会选择社区工作？).
func bareQuestion(norm string, interview bool) bool {
	t := strings.TrimSpace(norm)
	own := ownWords(t)
	if !strings.HasSuffix(t, "？") && !strings.HasSuffix(t, "?") || strings.Contains(own, "我") {
		return false
	}
	n := utf8.RuneCountInString(t)
	return n <= 60 && strings.ContainsAny(own, "您你") || interview && n <= 40
}

// clockLabelRE is a time, not a label ("10:30 …").
var clockLabelRE = regexp.MustCompile(`^\d`)

// askedAt reports whether the sentence at pos of c is an interviewer's
// question.
func (s *Service) askedAt(c *corpus.Chunk, pos int) bool {
	sents := s.sentences(c)
	return pos >= 0 && pos < len(sents) && s.isAsked(sents[pos])
}

// answerOf is the secretary whose interview answer r is, or "".
func (s *Service) answerOf(r sentRef) string {
	if v := s.voicedOf(r); v.answer {
		return v.speaker
	}
	return ""
}

// isAsked reports an interviewer's question: it states nothing of anyone.
func (s *Service) isAsked(r sentRef) bool { return s.voiceOf(r) == askerVoice }

// firstPersonOf reports a sentence in which the leader tells of herself:
// her words (voiceOf), with 我 (not 我们) outside any quotation.
func (s *Service) firstPersonOf(r sentRef, leader string) bool {
	if leader == "" || s.voiceOf(r) != leader {
		return false
	}
	return strings.Contains(strings.ReplaceAll(ownWords(r.norm), "我们", ""), "我")
}

// weOf reports a sentence in which the leader speaks for her community
// or team (我们社区有3000多户): her words with 我们 outside quotation.
func (s *Service) weOf(r sentRef, leader string) bool {
	return leader != "" && s.voiceOf(r) == leader && strings.Contains(ownWords(r.norm), "我们")
}

// ownWords is a sentence without what it quotes: the quoted spans, and
// what follows 说：/道： (someone else's words reported).
func ownWords(norm string) string {
	var b strings.Builder
	depth := 0
	for _, c := range norm {
		switch c {
		case '“', '‘', '「', '『':
			depth++
			continue
		case '”', '’', '」', '』':
			if depth > 0 {
				depth--
			}
			continue
		}
		if depth == 0 {
			b.WriteRune(c)
		}
	}
	out := b.String()
	if i := reportedRE.FindStringIndex(out); i != nil {
		out = out[:i[0]]
	}
	return out
}

// reportedRE opens someone's words reported without quotation marks.
var reportedRE = regexp.MustCompile(`(说|道|讲|问|表示|告诉记者)[：:]`)

// meIsHers reports a 我 in r that is the leader's: in her own words
// (an interview answer of hers, her column), or in a quotation in the
// narration that the sentence gives to no one else (“我刚来时……”她说;
// not 居民说：“我……”). Never in someone else's words: the interviewer's,
// another speaker's, an author who is not she.
func (s *Service) meIsHers(r sentRef, leader string) bool {
	switch v := s.voiceOf(r); {
	case v == leader:
		return s.firstPersonOf(r, leader)
	case v != "":
		return false
	}
	if !strings.Contains(strings.ReplaceAll(r.norm, "我们", ""), "我") {
		return false
	}
	own := ownWords(r.norm)
	if strings.Contains(strings.ReplaceAll(own, "我们", ""), "我") {
		return false // the narrator's own 我 (a reporter's), not a quotation
	}
	return !othersInClauseRE.MatchString(own) && !s.namesOtherLeader(own, leader)
}

// thirdPersonHers reports whether a 她/他 in r may be the leader: not in
// her own words, where 她 is someone she tells of.
func (s *Service) thirdPersonHers(r sentRef, leader string) bool {
	return s.voiceOf(r) != leader
}

// answerTo is the answer that follows an interviewer's question r: the
// sentences after it in the voices of the guests who answer, up to the
// next question or a line of no guest's; nil when r is no question. With
// leader, only her answer (two guests may answer one question).
func (s *Service) answerTo(r sentRef, leader string) []sentRef {
	if !s.isAsked(r) {
		return nil
	}
	var out []sentRef
	started := false
	for _, x := range s.sentencesAfterAll(r.chunk, r.pos, 16) {
		v := s.voiceOf(x)
		if v == askerVoice {
			if started {
				break
			}
			continue // the rest of the question
		}
		if v == "" {
			break
		}
		started = true
		if leader == "" || v == leader {
			out = append(out, x)
		}
	}
	if leader == "" && len(out) > 0 {
		// No one asked of: the first guest's answer.
		first := s.voiceOf(out[0])
		out = slices.DeleteFunc(out, func(x sentRef) bool { return s.voiceOf(x) != first })
	}
	return out
}

// sentencesAfterAll is sentencesAfter with the interviewer's questions
// kept: an answer ends at the next one.
func (s *Service) sentencesAfterAll(c *corpus.Chunk, pos, n int) []sentRef {
	var out []sentRef
	for cur := c; cur != nil && len(out) < n; {
		for _, r := range s.sentences(cur) {
			if cur == c && r.pos <= pos {
				continue
			}
			out = append(out, r)
			if len(out) == n {
				return out
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

// answerStating is the sentence of an answer that states what state
// matches, else its first sentence that is more than a word or two
// ("是的。" says nothing by itself).
func answerStating(ans []sentRef, state func(string) bool) (sentRef, bool) {
	for _, x := range ans {
		if state != nil && state(x.norm) {
			return x, true
		}
	}
	for _, x := range ans {
		if utf8.RuneCountInString(answerText(x.norm)) >= 8 {
			return x, true
		}
	}
	return sentRef{}, false
}

// answerText drops a speaker's label opening an answer (答：, 王丽：).
func answerText(norm string) string {
	if loc := otherLabelRE.FindStringIndex(norm); loc != nil && !clockLabelRE.MatchString(norm) {
		return norm[loc[1]:]
	}
	return norm
}

// askedAsHer reads an interviewer's question as if asked of her:
// 您/你 is the guest.
func askedAsHer(norm string) string {
	return strings.NewReplacer("您", "她", "你们", "她们", "你", "她").Replace(answerText(norm))
}

// herText is r's text as it tells of the leader: in her own words, what
// she says without the words she quotes (居民说：“我……” is not she), her
// 她/他 made someone else's (居民); elsewhere, a 我 that is not hers (a
// resident's, the interviewer's) made someone else's. The readers of
// clauses and kin words then tell her facts from those of the people she
// tells of.
func (s *Service) herText(r sentRef, leader string) string {
	norm := r.norm
	if !s.thirdPersonHers(r, leader) {
		norm = strings.NewReplacer("她们", "她们", "他们", "他们", "她", "居民", "他", "居民").Replace(ownWords(norm))
	}
	if !s.meIsHers(r, leader) {
		norm = strings.NewReplacer("我们", "我们", "我", "居民").Replace(norm)
	}
	return norm
}

// tellsOfHerself reports her own words whose subject is she (我叫…，今年
// 49岁): a clause after the first goes on about her without saying 我.
func (s *Service) tellsOfHerself(r sentRef, leader string) bool {
	if s.voiceOf(r) != leader {
		return false
	}
	t := strings.TrimSpace(answerText(ownWords(r.norm)))
	t = strings.TrimLeft(timeOpenLeadRE.ReplaceAllString(t, ""), "，, ")
	return strings.HasPrefix(t, "我") && !strings.HasPrefix(t, "我们")
}

// timeOpenLeadRE is a time opening a sentence (2009年，).
var timeOpenLeadRE = regexp.MustCompile(`^(\d{2,4}年(\d{1,2}月)?|今年|去年|那年|当年|后来)`)

// communityWe reports a sentence of hers whose subject is her community
// (我们社区被评为…, 我们这个社区有3000多户): its fact, not hers.
func (s *Service) communityWe(r sentRef, leader string) bool {
	return s.weOf(r, leader) && communityWeRE.MatchString(answerText(r.norm))
}

// communityWeRE opens with 我们 and the community as the subject, after
// at most a time.
var communityWeRE = regexp.MustCompile(`^[^，,。]{0,8}[，,]?\s*我们(这个|这|的)?[^，,。]{0,8}(社区|小区|街道|村)`)

// answersForAsked puts, in place of each interviewer's question ranked,
// the sentence of her answer to it that states what was asked (a year
// for 哪年, a count for 多少), else its first: the question matched the
// words of what was asked, and the answer is what holds it. A question
// with no answer is dropped.
func (p *planner) answersForAsked(ranked []rankedSent, leader string) []rankedSent {
	return p.answersForAskedIf(ranked, leader, nil)
}

// answersForAskedIf is answersForAsked taking, when must is given, only
// an answer's sentence for which it holds (a problem for 遇到过什么困难),
// or the answer to a question for which it holds (最难的是什么？).
func (p *planner) answersForAskedIf(ranked []rankedSent, leader string, must func(string) bool) []rankedSent {
	out := ranked[:0:0]
	seen := map[string]bool{}
	for _, r := range ranked {
		if p.s.isAsked(r.sentRef) {
			state := must
			if state == nil {
				state = func(n string) bool {
					return (p.q.Intent == IntentNumber || p.q.Intent == IntentWhen) && statesAsked(p.q, n)
				}
			}
			ans, ok := answerStating(p.s.answerTo(r.sentRef, leader), state)
			if !ok || must != nil && !must(ans.norm) && !must(strings.TrimRight(r.norm, "？?")) {
				continue // neither the question nor its answer is of the kind
			}
			r = rankedSent{sentRef: ans, score: r.score, covered: r.covered}
		}
		if seen[r.key()] {
			continue
		}
		seen[r.key()] = true
		out = append(out, r)
	}
	return out
}

// askKinds are the kinds of thing a question asks, by its question word:
// an interviewer's question answers the user's only when both ask the
// same kind.
var askKinds = []*regexp.Regexp{
	regexp.MustCompile(`为什么|为何|什么原因|怎么想到|是什么让|为啥`),
	regexp.MustCompile(`哪一?年|什么时候|何时|几几年|多久|多长时间|多少年|几年`),
	regexp.MustCompile(`多少|几[个名户人位支家件]`),
	regexp.MustCompile(`哪里|哪儿|在哪|什么地方`),
}

// comingToWorkRE is her coming to the work: 来社区, 当书记, 干社区这一行.
var comingToWorkRE = regexp.MustCompile(`(来|到|进|回|干|做|当|选择|留在|扎根|报考|考)[^，,。？?]{0,4}(社区|书记|这[一个]?行|基层)`)

// askKind is the index in askKinds of what norm asks, or -1.
func askKind(norm string) int {
	for i, re := range askKinds {
		if re.MatchString(norm) {
			return i
		}
	}
	return -1
}

// answerToSameQuestion is her answer to the interviewer's question in
// cands that asks what the user asks (of her: 您 is she): the same kind
// of question (why, when, how many, where) on most of the same words, or
// a why of her coming to the work for 她为什么当社区书记; for a question
// with no such word (遇到什么难题), most of its words and at least four. The sentences
// of the answer stating the kind asked (a year for when) come first;
// nil when no question asks it.
func (p *planner) answerToSameQuestion(cands []sentRef, leader string) []sentRef {
	kind := askKind(p.q.Norm)
	if kind < 0 && p.q.Intent != IntentProblem && p.q.Intent != IntentOther {
		return nil
	}
	strip := func(s string) string {
		s = strings.ReplaceAll(s, leader, "")
		for _, a := range p.s.ents.leaderInfo[leader].Aliases {
			s = strings.ReplaceAll(s, a, "")
		}
		if kind < 0 {
			return s
		}
		return askKinds[kind].ReplaceAllString(s, " ")
	}
	want := map[string]bool{}
	for _, b := range hanBigrams(strip(p.q.Norm)) {
		if !genericAskBigram[b] {
			want[b] = true
		}
	}
	for _, r := range cands {
		if !p.s.isAsked(r) {
			continue
		}
		asked := askedAsHer(r.norm)
		if askKind(asked) != kind || !strings.Contains(asked, "她") && !strings.Contains(r.norm, leader) && len(want) == 0 {
			continue
		}
		same := kind == 0 && comingToWorkRE.MatchString(p.q.Norm) && comingToWorkRE.MatchString(asked)
		if !same && len(want) > 0 {
			have := 0
			got := strings.Join(hanBigrams(strip(asked)), " ")
			for b := range want {
				if strings.Contains(got, b) {
					have++
				}
			}
			// No question word to agree on (遇到的最大难题是什么): more of
			// the same words.
			same = float64(have) >= 0.6*float64(len(want)) && (kind >= 0 || have >= 4)
		}
		if !same {
			continue
		}
		ans := p.s.answerTo(r, leader)
		if len(ans) == 0 {
			continue
		}
		if first, ok := answerStating(ans, func(n string) bool {
			return (p.q.Intent == IntentNumber || p.q.Intent == IntentWhen) && statesAsked(p.q, n)
		}); ok {
			// A reason may take two sentences, a difficulty and what she did
			// about it three; a year or a count is one.
			most, runes := map[bool]int{true: 2, false: 1}[kind == 0], utf8.RuneCountInString(first.text)
			if kind < 0 {
				most = 3
			}
			out := []sentRef{first}
			for _, x := range ans {
				n := utf8.RuneCountInString(x.text)
				if len(out) == most || runes+n > 200 {
					break
				}
				if x.key() != first.key() {
					out = append(out, x)
					runes += n
				}
			}
			inOrder(out)
			return out
		}
	}
	return nil
}

// genericAskBigram are the words of a question that say nothing of what
// is asked (她的, 书记, 社区 in 社区工作).
var genericAskBigram = map[string]bool{"书记": true, "她的": true, "她是": true, "请问": true, "一下": true}

// hanBigrams are the bigrams of the Han runs of s.
func hanBigrams(s string) []string {
	var out []string
	var run []rune
	flush := func() {
		for i := 0; i+1 < len(run); i++ {
			out = append(out, string(run[i:i+2]))
		}
		run = run[:0]
	}
	for _, c := range s {
		if zh.IsHan(c) && c != '她' && c != '他' && c != '您' && c != '你' {
			run = append(run, c)
		} else {
			flush()
		}
	}
	flush()
	return out
}

// withoutAsked keeps an interviewer's question out of a draft, whatever
// plan put it there: a quoted question gives way to the answer after it
// (unless that is quoted already), and leaves a line's further quotes.
func (p *planner) withoutAsked(d *draft) {
	if d == nil {
		return
	}
	one := "" // the leader the answer is about, if one
	if len(d.leaders) == 1 {
		one = d.leaders[0]
	}
	quoted := map[string]bool{}
	for _, it := range d.items {
		if it.quote.chunk != nil {
			quoted[it.quote.key()] = true
		}
		for _, m := range it.more {
			quoted[m.key()] = true
		}
	}
	items := d.items[:0]
	for _, it := range d.items {
		more := it.more[:0:0]
		for _, m := range it.more {
			if !p.s.isAsked(m) {
				more = append(more, m)
			}
		}
		it.more = more
		if it.quote.chunk != nil && p.s.isAsked(it.quote) {
			ans, ok := answerStating(p.s.answerTo(it.quote, one), nil)
			switch {
			case ok && !quoted[ans.key()]:
				quoted[ans.key()] = true
				it.quote = ans
			case len(it.more) > 0:
				it.quote, it.more = it.more[0], it.more[1:]
			default:
				continue
			}
		}
		items = append(items, it)
	}
	d.items = items
}

// cameRE tells her coming to the work: 辞了…来考, 考进社区, 转业到社区.
var cameRE = regexp.MustCompile(`辞职|辞了|辞去|辞掉|考进|考入|报了名|报名|报考|应聘|招聘|回到社区|来到社区|到社区工作|进社区|进了社区|选择了社区|转业到|调到`)

// reasonRE gives a reason or what she had in mind.
var reasonRE = regexp.MustCompile(`因为|为了|想的是|我想|心想|觉得|希望|放心不下|舍不得|喜欢|看不得|不忍心`)

// whySheCame answers why she took up the work (她为什么到社区工作) when
// no interviewer asked it: the sentence telling how she came, in her own
// words or naming her, and the reason told within the next few sentences
// of her account; nil when no reason is told there.
func (p *planner) whySheCame(cands []sentRef, leader string) []sentRef {
	if askKind(p.q.Norm) != 0 || !comingToWorkRE.MatchString(p.q.Norm) {
		return nil
	}
	for _, r := range cands {
		hers := p.s.firstPersonOf(r, leader) || p.s.namesLeader(r.norm, leader) || herSubject(r.norm) && p.s.thirdPersonHers(r, leader)
		if !hers || p.s.isAsked(r) || !cameRE.MatchString(r.norm) {
			continue
		}
		if reasonRE.MatchString(ownWords(r.norm)) {
			return []sentRef{r}
		}
		for _, x := range p.s.sentencesAfter(r.chunk, r.pos, 3) {
			if !p.s.sameExchange(r, x) || isHeadingLike(x.text) || p.s.voiceOf(x) != p.s.voiceOf(r) {
				break
			}
			if reasonRE.MatchString(ownWords(x.norm)) {
				return []sentRef{r, x}
			}
		}
	}
	return nil
}

// communityNamed is cands for ranking, with her community named where
// she says 我们社区 in her own words ("我们社区有2860户" answers 湘钢社区
// 有多少户 as much as 她的社区有多少户); restore maps each copy back to
// the sentence itself.
func (p *planner) communityNamed(cands []sentRef, leader string) (out []sentRef, restore func([]rankedSent)) {
	place := shortPlace(p.s.ents.leaderInfo[leader].Place)
	if !strings.HasSuffix(place, "社区") {
		return cands, func([]rankedSent) {}
	}
	orig := map[string]sentRef{}
	out = make([]sentRef, len(cands))
	for i, r := range cands {
		out[i] = r
		if !p.s.weOf(r, leader) {
			continue
		}
		if n := weCommunityRE.ReplaceAllString(r.norm, place); n != r.norm {
			orig[sentPos(r)] = r
			out[i].norm = n
		}
	}
	return out, func(ranked []rankedSent) {
		for i := range ranked {
			if o, ok := orig[sentPos(ranked[i].sentRef)]; ok {
				ranked[i].sentRef = o
			}
		}
	}
}

// weCommunityRE is her community in her words.
var weCommunityRE = regexp.MustCompile(`我们(这个|这|的)?社区`)

// quotedFrom reports a quotation in the narration in which she speaks of
// herself (我), given to her by the sentence after it (“我今年53岁了……”
// then 方秀英笑着说。).
func (s *Service) quotedFrom(r sentRef, leader string) bool {
	t := strings.TrimSpace(r.norm)
	if s.voiceOf(r) != "" || !strings.HasPrefix(t, "“") && !strings.HasPrefix(t, "「") || !strings.Contains(strings.ReplaceAll(t, "我们", ""), "我") {
		return false // only where she speaks of herself
	}
	for _, x := range s.sentencesAfter(r.chunk, r.pos, 1) {
		n := []rune(x.norm)
		return x.para == r.para && x.chunk == r.chunk && len(n) <= 16 && saidRE.MatchString(x.norm) && s.namesLeader(x.norm, leader)
	}
	return false
}

// saidRE tells who said a quotation.
var saidRE = regexp.MustCompile(`说|道|表示|告诉|介绍|回忆`)
