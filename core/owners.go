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
	section, para := "", ""
	lastPara, lastChunk := -1, ""
	for _, c := range chunks {
		for _, r := range s.sentences(c) {
			if r.chunk.ID != lastChunk || r.para != lastPara {
				para = "" // a new paragraph
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
			switch {
			case isHeadingLike(r.text) && named == "" && !namesOwn && subLabel(r.text):
				// "她的荣誉：", a table row "年份：2023年，荣誉：…": part of
				// the section, not a new one.
			case isHeadingLike(r.text):
				section, para = "", ""
				if named != "" && !namesOwn {
					section = named
				}
			case namesOwn:
				section, para = "", ""
			case named != "":
				para = named
			}
			if v := s.answerOf(r); slices.Contains(seconds, v) {
				out[sentPos(r)] = v // her answer, its unlabelled paragraphs too
				continue
			}
			switch {
			case named != "" && !namesOwn:
				out[sentPos(r)] = named
			case namesOwn:
			case para != "":
				out[sentPos(r)] = para
			case section != "":
				out[sentPos(r)] = section
			}
		}
	}
	return out
}

// subLabel is a heading-like line inside a section: a label ending in a
// colon, a row of "column：value" cells, or one opening with 她/他 — not
// a heading with a colon inside it ("三、携手共建：两个社区一家亲"), which
// opens a section of its own.
func subLabel(text string) bool {
	t := strings.TrimSpace(text)
	row := strings.Count(t, "：") >= 2 && (strings.Contains(t, "，") || strings.Contains(t, ","))
	return strings.HasSuffix(t, "：") || strings.HasSuffix(t, ":") || row || strings.HasPrefix(t, "她") || strings.HasPrefix(t, "他")
}
