package core

// Whose first-person words a sentence is. In an interview the guest's
// answer is hers — the line opening with her name or 答： (corpus.SpeakerOf)
// and the paragraphs after it up to the next question — and the
// interviewer's question (记者：…, or a short question on a line of its
// own answered in the first person) states nothing of her; in a speech or
// a column told in the first person the narration is its author's
// (Meta.Author, or she when she says 我叫… early on; a byline over a
// report in the third person is no one's voice). A 我 in such words is
// the speaker's, unless it stands in a quotation (居民说：“我……”).
// plan_interview.go answers from it.

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
