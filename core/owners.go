package core

// Which secretary a sentence is about, in an article that names a second
// one beside its own (Meta.Others): the sentences naming her are hers,
// and so are those that go on about her without her name — the rest of
// her paragraph, or of a section whose heading names her — and her
// answers in an interview of both (voice.go).

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"bangyang/corpus"
	"bangyang/zh"
)

// owners caches, per article, the second secretary each of its sentences
// is about ("" for the article's own).
type owners struct {
	mu sync.Mutex
	m  map[string]map[string]string // article → chunk/pos → second secretary
}

func sentPos(r sentRef) string { return r.chunk.ID + "/" + strconv.Itoa(r.pos) }

// ownerOf is the second secretary r is about, or "" when it is about the
// article's own secretary.
func (s *Service) ownerOf(r sentRef) string {
	seconds := s.ents.seconds[r.chunk.ArticleID]
	if len(seconds) == 0 {
		return ""
	}
	s.own.mu.Lock()
	byPos, ok := s.own.m[r.chunk.ArticleID]
	s.own.mu.Unlock()
	if !ok {
		byPos = s.articleOwners(r.chunk.ArticleID, seconds)
		s.own.mu.Lock()
		if s.own.m == nil {
			s.own.m = map[string]map[string]string{}
		}
		s.own.m[r.chunk.ArticleID] = byPos
		s.own.mu.Unlock()
	}
	return byPos[sentPos(r)]
}

// passageOwner is the second secretary most of a passage is about, or ""
// when it is mostly the article's own secretary's.
func (s *Service) passageOwner(ch corpus.Chunk) string {
	if len(s.ents.seconds[ch.ArticleID]) == 0 {
		return ""
	}
	c := s.chunkPtr(ch.ID)
	if c == nil {
		return ""
	}
	sents := s.sentences(c)
	count := map[string]int{}
	for _, r := range sents {
		count[s.ownerOf(r)]++
	}
	for l, n := range count {
		if l != "" && 2*n > len(sents) {
			return l
		}
	}
	return ""
}

// articleOwners walks an article in order. A heading naming a second
// secretary (and not the article's) opens a section about her, up to the
// next heading; a sentence naming her makes the rest of its paragraph
// hers; naming the article's secretary ends either.
func (s *Service) articleOwners(articleID string, seconds []string) map[string]string {
	out := map[string]string{}
	chunks := s.byArticle[articleID]
	if len(chunks) == 0 {
		return out
	}
	own := zh.ToSimplified(chunks[0].Meta.Leader)
	for _, c := range chunks {
		if l := zh.ToSimplified(c.Meta.Leader); l != "" && !slices.Contains(seconds, l) {
			own = l
			break
		}
	}
	// Her community, when it is not the article's own secretary's: a
	// section that opens on it (沿着柳江路往东走，就是金沙社区) is about her.
	ownPlace := shortPlace(s.ents.leaderInfo[own].Place)
	places := map[string]string{}
	for _, x := range seconds {
		if pl := shortPlace(s.ents.leaderInfo[x].Place); utf8.RuneCountInString(pl) >= 3 && pl != ownPlace && (ownPlace == "" || !strings.Contains(pl, ownPlace) && !strings.Contains(ownPlace, pl)) {
			places[x] = pl
		}
	}
	quoted := s.quotedSpeakers(chunks, own, seconds)
	section, para := "", ""
	run := "" // a sentence turned the article to her (corpus.TurnsTo)
	prev, first := "", true
	headed, fresh := false, false // a heading opened the section; no one named in it yet
	lastPara, lastChunk := -1, ""
	for _, c := range chunks {
		for _, r := range s.sentences(c) {
			if r.chunk.ID != lastChunk || r.para != lastPara {
				para = "" // a new paragraph
				prev, first = "", true
				lastChunk, lastPara = r.chunk.ID, r.para
			}
			named := ""
			for _, x := range seconds {
				if s.namesLeader(r.norm, x) {
					named = x
					break
				}
			}
			namesOwn := own != "" && s.namesLeader(r.norm, own)
			heading := isHeadingLike(r.text)
			// "与陶玉琴不同，…书记贺建军…": the article turns to her.
			contrast := namesOwn && named != "" && !heading && corpus.ContrastTurn(r.norm, s.keysFor(own), s.keysFor(named))
			switch {
			case contrast:
				section, para, run = "", named, named
				fresh = false
			case heading && named == "" && !namesOwn && subLabel(r.text):
				// "她的荣誉：", a table row "年份：2023年，荣誉：…": part of
				// the section, not a new one.
			case heading:
				section, para, run = "", "", ""
				headed, fresh = true, true
				if named != "" && !namesOwn {
					section = named
				}
				if namesOwn || named != "" {
					fresh = false
				}
			case namesOwn:
				section, para, run = "", "", ""
				fresh = false
			case named != "":
				para = named
				if corpus.TurnsTo(r.norm, prev, first, s.keysFor(named)) {
					run = named
				}
				if headed && fresh && section == "" && s.subjectIs(r, named) {
					// A section whose heading names no one, opening on her
					// as the subject ("金沙社区党委书记韦丽萍是个85后"): the
					// rest of it is hers, "她发现……" included.
					section = named
				}
				fresh = false
			case headed && fresh && section == "":
				for x, pl := range places {
					if strings.Contains(r.norm, pl) && (ownPlace == "" || !strings.Contains(r.norm, ownPlace)) {
						section = x // her community opens the section
						break
					}
				}
			}
			prev, first = r.norm, false
			if v, ok := quoted[sentPos(r)]; ok {
				if v != "" {
					out[sentPos(r)] = v // her quotation ("“…。”侯建军说。")
				}
				continue
			}
			if v := s.answerOf(r); slices.Contains(seconds, v) {
				out[sentPos(r)] = v // her answer, its unlabelled paragraphs too
				continue
			}
			switch {
			case named != "" && (!namesOwn || contrast):
				out[sentPos(r)] = named
			case namesOwn:
			case para != "":
				out[sentPos(r)] = para
			case section != "":
				out[sentPos(r)] = section
			case run != "":
				out[sentPos(r)] = run
			}
		}
	}
	return out
}

// subjectIs reports a sentence about the second secretary x as its
// subject: her name (or her post and name) opens it, before any pronoun.
func (s *Service) subjectIs(r sentRef, x string) bool {
	t := strings.TrimSpace(r.norm)
	at := -1
	for _, k := range append([]string{x}, s.ents.keysOf[x]...) {
		if i := strings.Index(t, k); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if at < 0 {
		return false
	}
	before := t[:at]
	return utf8.RuneCountInString(before) <= 16 && !strings.ContainsAny(before, "她他我，,和与跟同") ||
		corpus.IntroducesSubject(t, s.keysFor(x)) // 在一江之隔的南岸新村社区，党委书记覃志刚…
}

// keysFor is the second secretary x's name and her own keys.
func (s *Service) keysFor(x string) []string {
	return append([]string{x}, s.ents.keysOf[x]...)
}

// subLabel is a heading-like line inside a section: a label ending in a
// colon, a row of "column：value" cells, a field of her profile (荣誉：…),
// or one opening with 她/他 — not
// a heading with a colon inside it ("三、携手共建：两个社区一家亲"), which
// opens a section of its own.
func subLabel(text string) bool {
	t := strings.TrimSpace(text)
	row := strings.Count(t, "：") >= 2 && (strings.Contains(t, "，") || strings.Contains(t, ","))
	return strings.HasSuffix(t, "：") || strings.HasSuffix(t, ":") || row || strings.HasPrefix(t, "她") || strings.HasPrefix(t, "他") ||
		corpus.FieldLine(t) // 荣誉：全省“三八红旗手”、…
}

// partnerOf is the one other secretary of the page that tells of leader
// and one more (the article's leader and its one Meta.Others, either way
// round), "" when her pages name none or several.
func (s *Service) partnerOf(leader string) string {
	found := ""
	for _, m := range s.o.Articles {
		if len(m.Others) != 1 {
			continue
		}
		l, o := zh.ToSimplified(m.Leader), zh.ToSimplified(m.Others[0])
		other := ""
		switch leader {
		case l:
			other = o
		case o:
			other = l
		default:
			continue
		}
		if found != "" && found != other {
			return ""
		}
		found = other
	}
	return found
}

// quotedSpeakers maps the sentences of an article that are a quotation
// of one of its secretaries (corpus.QuotedSpeakers, paragraph by
// paragraph) to her: a second secretary's name, "" for the article's own.
func (s *Service) quotedSpeakers(chunks []*corpus.Chunk, own string, seconds []string) map[string]string {
	people := [][]string{s.keysFor(own)}
	for _, x := range seconds {
		people = append(people, s.keysFor(x))
	}
	out := map[string]string{}
	var para []sentRef
	flush := func() {
		texts := make([]string, len(para))
		for i, r := range para {
			texts[i] = r.norm
		}
		for i, q := range corpus.QuotedSpeakers(texts, people) {
			switch {
			case q == 0:
				out[sentPos(para[i])] = ""
			case q > 0:
				out[sentPos(para[i])] = seconds[q-1]
			}
		}
		para = para[:0]
	}
	for _, c := range chunks {
		for _, r := range s.sentences(c) {
			if len(para) > 0 && (para[0].chunk.ID != r.chunk.ID || para[0].para != r.para) {
				flush()
			}
			para = append(para, r)
		}
	}
	if len(para) > 0 {
		flush()
	}
	return out
}
