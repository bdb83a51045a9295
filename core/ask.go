package core

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"bangyang/corpus"
	"bangyang/lexicon"
	"bangyang/search"
	"bangyang/zh"
)

// Request is one question to answer.
type Request struct {
	// Chat names the conversation (a private chat, a group, "cli").
	Chat     string
	Question string
	// ReplyTo is the TurnID of an earlier answer the question replies to:
	// the follow-up continues that answer, whoever asked in between.
	ReplyTo string
}

// AskStream answers like Ask and calls onText with the text produced so far
// while the answer is being written (plain text, markers already checked).
// onText may be nil. The returned Answer is final and authoritative.
func (s *Service) AskStream(ctx context.Context, chat, question string, onText func(textSoFar string)) (*Answer, error) {
	return s.Answer(ctx, Request{Chat: chat, Question: question}, onText)
}

// Answer is the one way a question goes through core: understood once,
// resolved against the conversation, planned by intent, composed from the
// sentences that answer it (or written by the model from the same plan),
// remembered.
func (s *Service) Answer(ctx context.Context, req Request, onText func(textSoFar string)) (*Answer, error) {
	start := s.o.Now()
	question := strings.TrimSpace(req.Question)
	if !hasContent(question) {
		return nil, ErrEmptyQuestion
	}
	conv, err := s.o.Memory.Load(ctx, req.Chat)
	if err != nil {
		// A broken memory must not stop an answer; it only loses context.
		s.o.Logger.Warn("load conversation", "chat", req.Chat, "err", err)
		conv = Conversation{}
	}
	q := s.understand(question, conv)
	prev := conv.turn(req.ReplyTo)
	s.resolve(&q, prev)
	s.eachItem(&q)
	s.herStepsMethod(&q)
	q.FieldAbsent = s.topicsAbsent(q)

	if ans, ok := s.routeSummaryQ(ctx, req.Chat, q); ok {
		if onText != nil {
			onText(ans.Text)
		}
		s.observe(ctx, req.Chat, q, start, ans)
		return ans, nil
	}
	d, err := s.planFor(ctx, q, prev, conv)
	if err != nil {
		return nil, err
	}
	if d.refused && !d.hasQuotes() && prev != nil && !q.Resolved && len(q.Leaders)+len(q.Methods)+len(q.Unknown) == 0 && len(prev.Leaders) > 0 &&
		s.says(prev.Leaders[0], residual(q.Topic), nil) {
		// Nothing across the articles: perhaps it is about what was just
		// discussed ("商户的收入有变化吗？" after the night market).
		q.FollowUp = true
		s.resolve(&q, prev)
		s.eachItem(&q)
		q.FieldAbsent = s.topicsAbsent(q)
		if d2, err := s.planFor(ctx, q, prev, conv); err == nil && d2.hasQuotes() && !d2.refused {
			d = d2
		}
	}
	ans := s.render(d, q)
	if s.o.Model != nil && !d.refused && ans.Grounded {
		ans = s.generatePlanned(ctx, q, d, ans, conv, onText)
	}
	if onText != nil && ans.Mode == ModeExtractive {
		onText(ans.Text)
	}
	ans.TurnID = newTurnID()
	listed := s.methodsInOrder(ans.Text)
	if prev != nil && q.Resolved && len(prev.Listed) > 1 && len(d.methods) == 1 && slices.Contains(prev.Listed, d.methods[0]) {
		// "第一个方法具体怎么做" went into one item of a list: "第二个呢"
		// still means the list.
		listed = prev.Listed
	}
	s.appendTurn(ctx, req.Chat, Turn{
		ID: ans.TurnID, Question: question, Query: q.Norm, Answer: ans.Text, Cited: ans.Citations, Grounded: ans.Grounded,
		Leader: firstOr(d.leaders, dominantLeader(ans.Citations)), Leaders: d.leaders, Methods: d.methods,
		Listed: listed, Intent: q.Intent, Topic: q.Topic, Attributes: attributeNames(q.Attributes), Asks: q.Asks, Step: d.step, Shown: shownKeys(s, ans), At: s.o.Now(),
	})
	s.observe(ctx, req.Chat, q, start, ans)
	return ans, nil
}

func firstOr(ss []string, def string) string {
	if len(ss) > 0 && ss[0] != "" {
		return ss[0]
	}
	return def
}

func newTurnID() string {
	var b [6]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// turn returns the turn a follow-up continues: the one replied to, else
// the last.
func (c Conversation) turn(id string) *Turn {
	if len(c.Turns) == 0 {
		return nil
	}
	if id != "" {
		for i := len(c.Turns) - 1; i >= 0; i-- {
			if c.Turns[i].ID == id {
				return &c.Turns[i]
			}
		}
	}
	// The last turn, passing over a refusal or two that named no one and
	// no method: "谁想出来的？" after a refused "当时遇到了什么难题？"
	// still means the method discussed before.
	for i := len(c.Turns) - 1; i >= 0 && i >= len(c.Turns)-3; i-- {
		if t := &c.Turns[i]; t.Grounded || len(t.Leaders)+len(t.Methods) > 0 {
			return t
		}
	}
	return &c.Turns[len(c.Turns)-1]
}

// shown are the sentence keys already shown in this conversation.
func (c Conversation) shown() map[string]bool {
	out := map[string]bool{}
	for _, t := range c.Turns {
		for _, k := range t.Shown {
			out[k] = true
		}
	}
	return out
}

// shownKeys are the keys of the sentences an answer quoted.
func shownKeys(s *Service, ans *Answer) []string {
	norm := zh.ToSimplified(ans.Text)
	var out []string
	for _, c := range ans.Citations {
		ch := s.chunkPtr(c.Chunk.ID)
		if ch == nil {
			continue
		}
		for _, r := range s.sentences(ch) {
			// As rendered: without a list number or a speaker's label.
			t := trimSpeaker(corpus.TrimListMark(strings.TrimSpace(r.norm)), ch.Meta)
			if utf8.RuneCountInString(t) >= 8 && strings.Contains(norm, t) {
				out = append(out, r.key())
				continue
			}
			// A step told by its own clause of the sentence (…知道；二来…):
			// that clause was shown.
			if pieces := splitSentences(r.text); len(pieces) > 1 {
				for _, pc := range pieces {
					pn := zh.ToSimplified(strings.TrimSpace(pc))
					if t := trimSpeaker(corpus.TrimListMark(pn), ch.Meta); utf8.RuneCountInString(t) >= 8 && strings.Contains(norm, t) {
						out = append(out, sentenceKey(pn))
					}
				}
			}
		}
	}
	return out
}

// otherSecretariesRE names secretaries other than the one just told of.
var otherSecretariesRE = regexp.MustCompile(`(其他|别的|其它|另外的|另外)(的)?(书记|社区)`)

// othersDoRE asks who else does the same: 还有其他书记这么做吗, 别的社区有
// 类似的做法吗, 还有谁也这样做.
var othersDoRE = regexp.MustCompile(`(其他|别的|其它|另外的)(书记|社区|地方|小区)[^，,。？?]{0,8}(这么|这样|类似|这种|同样|一样)|还有(谁|哪位|哪个书记|哪些书记)(也|还)?(这么|这样|类似|同样)?(也)?(做|干|搞|办)|还有没有(别的|其他)书记|类似的(做法|经验|办法)|(谁|哪位书记)(也|还)(这么|这样|那样)?(做|干|搞)过?`)

// topicsOfTurn are the community-work topics of what a turn was about:
// those its question named, else the strongest of its methods' records.
func (s *Service) topicsOfTurn(prev *Turn) []lexicon.Topic {
	if s.lex == nil || s.o.Catalog == nil {
		return nil
	}
	if ts := s.lex.InQuestion(zh.ToSimplified(prev.Question)); len(ts) > 0 {
		return ts
	}
	counts := map[string]int{}
	for _, name := range prev.Methods {
		m, ok := s.o.Catalog.Method(name)
		if !ok {
			continue
		}
		qs := append(slices.Clone(m.How), m.Results...)
		if m.Definition != nil {
			qs = append(qs, *m.Definition)
		}
		for _, pr := range m.Procedure {
			qs = append(qs, pr...)
		}
		for _, q := range qs {
			for t, n := range s.lex.InText(zh.ToSimplified(q.Text)) {
				counts[t] += n
			}
		}
	}
	if len(counts) == 0 {
		// No method told: the topics of what its answer quoted.
		counts = s.lex.InText(zh.ToSimplified(prev.Answer))
	}
	var names []string
	for t := range counts {
		names = append(names, t)
	}
	slices.SortFunc(names, func(a, b string) int {
		if counts[a] != counts[b] {
			return counts[b] - counts[a]
		}
		return strings.Compare(a, b)
	})
	var out []lexicon.Topic
	for _, n := range firstStrings(names, 2) {
		if len(out) > 0 && 2*counts[n] < counts[names[0]] {
			break // a second topic only when it is nearly as strong
		}
		if t, ok := s.lex.Topic(n); ok {
			out = append(out, t)
		}
	}
	return out
}

// alsoDidRE asks what else she did: 还做了哪些事, 还有什么做法, 其他工作.
var alsoDidRE = regexp.MustCompile(`还(做|干|搞|办|开展|推出|创办|想出)(了|过)?(哪些|什么|别的|其他|啥)|还有(哪些|什么|别的|其他|啥)(做法|方法|办法|事|工作|经验|举措)|其他(的)?(做法|方法|办法|工作|经验)|别的(做法|方法|办法|工作|经验)`)

var (
	moreRE  = regexp.MustCompile(`^(还有|还有呢|还有吗|还有别的|还有其他|其他呢|别的呢|再说说|继续|多说点|详细说说|具体说说|展开说说)`)
	laterRE = regexp.MustCompile(`后来|然后|接着|之后|再后来|以后|接下来|后面|随后`)
	thatRE  = regexp.MustCompile(`^(那|那么)?(.{2,8}?)呢[？?]?$`)
	// anotherOneRE is the other one of two secretaries: 另一位书记,
	// 另外那位, 另一个书记.
	anotherOneRE = regexp.MustCompile(`另(外)?(一|那)?(位|名)|另(外)?一个(书记|人)`)
)

// resolve fills what a follow-up leaves out from the turn it continues:
// "第二步" is step 2 of the method just discussed, "后来呢" what follows in
// the article, "是谁总结的" the creator of that method, "那郭佳呢" the same
// question about another leader.
func (s *Service) resolve(q *Question, prev *Turn) {
	if prev == nil {
		return
	}
	if len(prev.Leaders) == 1 && len(q.Methods) == 0 && anotherOneRE.MatchString(q.Norm) && !strings.Contains(q.Norm, prev.Leaders[0]) &&
		(len(q.Leaders) == 0 || slices.Equal(q.Leaders, prev.Leaders)) {
		// "另一位书记呢？", "另外那位书记…" (not 那位书记, her) after one of a
		// page's two secretaries: the other.
		if o := s.partnerOf(prev.Leaders[0]); o != "" {
			q.Leaders, q.FollowUp = []string{o}, true
			if !thatRE.MatchString(q.Norm) {
				// "另一位书记有什么做法？": asked of her as it is written
				// ("另一位呢？" is asked as the last question was, below).
				q.Intent, q.Resolved = intentOf(*q), true
				return
			}
		}
	}
	if prev.Asks == AsksPast && q.Asks == "" && nowStateAskRE.MatchString(q.Norm) {
		q.Asks = AsksNow // "现在呢" after how things were
	}
	if s.otherMethod(q, prev) {
		return
	}
	if q.Intent == IntentCompare && len(q.Leaders) == 1 && len(prev.Leaders) > 0 && prev.Leaders[0] != q.Leaders[0] {
		q.Leaders = append([]string{prev.Leaders[0]}, q.Leaders...)
		q.Resolved = true
		s.keepComparedField(q, prev) // "和罗晓梅比呢" after one on 服务老人: on it
		return
	}
	if len(q.Leaders)+len(q.Methods) == 0 && s.o.Catalog != nil {
		// "为什么要搞帮帮团" while 门建国 is talked about: a method of the
		// conversation, called by the end of its name (老门帮帮团).
		told := append(slices.Clone(prev.Methods), prev.Listed...)
		if len(prev.Leaders) == 1 {
			for _, m := range s.o.Catalog.MethodsOf(prev.Leaders[0]) {
				told = append(told, m.Name) // hers, while she is talked about
			}
		}
		if m, ok := s.o.Catalog.Method(tailNamed(q.Norm, told)); ok {
			q.Methods = []string{m.Name}
			if m.Leader != "" {
				q.Leaders = []string{m.Leader}
			}
			q.FollowUp, q.Resolved = true, true
			if !thatRE.MatchString(q.Norm) {
				q.Intent = intentOf(*q)
				return
			} // "那积分超市呢": asked as the last question was, below
		}
	}
	named := len(q.Leaders) > 0 || len(q.Methods) > 0
	if !named && s.comparedItem(q, prev) {
		return // "那第二个呢" after a comparison: the second compared
	}
	if !named && len(prev.Leaders) > 0 && len(q.Attributes) == 0 && len(q.Topics) > 0 && otherSecretariesRE.MatchString(q.Norm) {
		// "还有其他书记管老人的吗" after one secretary's answer: others on
		// that field, not her again.
		q.Intent, q.Except = IntentAdvice, slices.Clone(prev.Leaders)
		q.FollowUp = true
		return
	}
	if !named && len(prev.Leaders) > 0 && len(q.Attributes) == 0 && len(q.Topics) == 0 && othersDoRE.MatchString(q.Norm) {
		// (A field of its own, "老人多，有没有类似的做法", is its own advice.)
		// "还有其他书记这么做吗？": whom else to learn from on what was just
		// told, not more of her.
		if ts := s.topicsOfTurn(prev); len(ts) > 0 {
			q.Intent, q.Topics, q.Except = IntentAdvice, ts, slices.Clone(prev.Leaders)
			names := make([]string, len(ts))
			for i, t := range ts {
				names[i] = t.Name
			}
			q.Topic = strings.Join(names, " ")
			q.FollowUp = true
			return
		}
	}
	if whyStepRE.MatchString(q.Norm) && !named && len(prev.Methods) == 1 && s.hasSteps(prev.Methods[0]) && (prev.Intent == IntentSteps || prev.Step > 0) {
		// "为什么要这一步？" after a step or the steps: what that step (or
		// the method) is for, as the article says.
		q.Leaders, q.Methods = slices.Clone(prev.Leaders), slices.Clone(prev.Methods)
		q.Intent, q.Step, q.Asks, q.Resolved, q.FollowUp = IntentSteps, prev.Step, AsksWhy, true, true
		return
	}
	if k := s.stepNamedAlone(*q, prev); k > 0 && len(q.Leaders) == 0 && (len(q.Methods) == 0 || slices.Equal(q.Methods, prev.Methods)) {
		// "黄色户呢？" after 分色管理 (its classes 红色户、黄色户…): that
		// item, whatever was asked just before.
		q.Step = k
		q.Leaders, q.Methods = slices.Clone(prev.Leaders), slices.Clone(prev.Methods)
		q.Intent, q.Resolved = IntentSteps, true
		return
	}
	if named && thatRE.MatchString(q.Norm) && len(q.Attributes) == 0 {
		// "那郭佳呢？": the previous question, about someone else.
		q.Intent, q.Topic, q.Step = prev.Intent, prev.Topic, 0
		if len(q.Methods) > 0 {
			// "那积分超市呢" after 楼长议事会是怎么做的: asked as that was,
			// of this method; the other's name is no topic of it.
			for _, m := range prev.Methods {
				q.Topic = strings.ReplaceAll(q.Topic, zh.ToSimplified(strings.Trim(m, "“”")), " ")
			}
			q.Topic = strings.TrimSpace(q.Topic)
		}
		if prev.Intent == IntentFact {
			q.Attributes = attributesNamed(prev.Attributes) // the facts asked (荣誉, 籍贯 …)
		}
		if len(q.Methods) == 0 && len(q.Leaders) > 0 {
			q.Methods = nil
		}
		q.Resolved = true
		return
	}
	if !q.FollowUp && !named && sharesName(q.Norm, prev.Methods) {
		q.FollowUp = true // "“四清”是哪四清" after 三活四清五到家
	}
	if !q.FollowUp && !named && s.shortAboutPrev(*q, prev) {
		q.FollowUp = true // "谁参加？" right after 板凳会
	}
	if !q.FollowUp {
		return
	}
	if !named && q.Step == 0 && q.Item == 0 && len(prev.Methods) == 1 && s.hasSteps(prev.Methods[0]) {
		// "第三心呢", "最后一个呢" after a method told in parts: its own
		// unit counts them.
		if m := looseStepRE.FindStringSubmatch(q.Norm); m != nil {
			q.Step = lastStep
			if m[1] != "" {
				q.Step = numberOf(m[1])
			}
			q.Leaders, q.Methods = slices.Clone(prev.Leaders), slices.Clone(prev.Methods)
			q.Intent, q.Resolved = IntentSteps, true
			return
		}
	}
	if !named && thatRE.MatchString(q.Norm) && residual(q.Topic) != "" && len(q.Attributes) == 0 && q.Item == 0 && q.Step == 0 && !bareItemRE.MatchString(q.Norm) &&
		!whWordRE.MatchString(q.Norm) && !exampleRE.MatchString(q.Norm) && !methodsAndResultsRE.MatchString(q.Norm) { // "那多久开一次呢": a particular of what was told, no field; "比如呢": an example of it
		if partOfName(residual(q.Topic), prev.Methods) {
			// "五到家呢" after 四清 of 三活四清五到家: a part its own name
			// says — what that part is, of the same method.
			q.Leaders, q.Methods = slices.Clone(prev.Leaders), slices.Clone(prev.Methods)
			q.Intent, q.Resolved = IntentWhat, true
			return
		}
		switch {
		case prev.Intent == IntentAdvice:
			// "那年轻人多的社区呢？" after whom to learn from: the same
			// question on another situation, across all secretaries.
			q.Intent = IntentAdvice
			return
		case len(prev.Leaders) == 1:
			// "那老年人方面呢？" after her profile: her work in that field.
			q.Leaders, q.Methods = slices.Clone(prev.Leaders), nil
			q.Intent, q.Resolved = IntentHow, true
			return
		}
	}
	q.Leaders, q.Methods = slices.Clone(prev.Leaders), slices.Clone(prev.Methods)
	if herPlaceRE.MatchString(q.Norm) {
		q.Methods = nil // "她那边老人多吗": her community, not the method just told
	}
	if m := listedItemRE.FindStringSubmatch(q.Norm); m != nil && q.Item == 0 && len(prev.Listed) > 1 && (bareItemRE.MatchString(q.Norm) || len(prev.Methods) == 0) {
		// ("第二个怎么做的" after her methods were listed, none told yet:
		// the second of them, however it is asked.)
		// "详细说说第二个" after a list of her methods: the second of them,
		// not a second step.
		q.Item, q.Step = numberOf(m[1]), 0
	}
	if k := q.Item; k > 0 && k <= len(prev.Listed) || k == 0 && thisMethodRE.MatchString(q.Norm) && len(prev.Methods) == 0 && len(prev.Listed) == 1 {
		// "第一个方法具体怎么做", "这个方法效果如何" after a list of her
		// methods: the one meant.
		q.Methods = []string{prev.Listed[max(k, 1)-1]}
		q.Step = 0
	} else if k > len(prev.Listed) {
		// "第五个方法" after a list of two: none of them, and not the one
		// last talked about either (plan says what the list held).
		q.Methods = nil
	} else if q.Step > 0 && len(q.Methods) == 0 {
		// "第一步怎么做" after her profile listed her methods: the first
		// of them told in steps.
		if m, ok := s.firstWithSteps(prev.Listed); ok {
			q.Methods = []string{m}
		}
	}
	if alsoDidRE.MatchString(q.Norm) && len(q.Leaders) > 0 && len(q.Methods) > 0 && q.Item == 0 && len(q.Attributes) == 0 &&
		!resultRE2.MatchString(q.Norm) && !problemRE2.MatchString(q.Norm) {
		// "她还做了哪些事" after one of her methods: her other work, not
		// that method again.
		q.Methods = nil
		q.Resolved = true
		q.Intent = IntentHow
		return
	}
	if len(q.Methods) > 0 && len(q.Leaders) == 1 && q.Item == 0 && q.Step == 0 && herWorkAsked(q.Norm, q.Leaders[0]) {
		// "她来了之后做了什么", "她的方法和成绩呢" right after one of her
		// methods: her work, each method with what came of it — not that
		// method again.
		q.Methods = nil
	}
	q.Resolved = len(q.Leaders) > 0 || len(q.Methods) > 0
	q.Intent = intentOf(*q) // "她获得过哪些荣誉" is a fact once "她" is known
	if q.Intent == IntentCompare || q.Intent == IntentResult {
		s.keepComparedField(q, prev) // "那她们的共同点呢", "那效果呢" after one on 服务老人: on it
	}
	if q.Item > 0 && len(q.Methods) == 1 && residual(topicOf(Question{Norm: itemRefRE.ReplaceAllString(q.Norm, " ")}, s.ents)) == "" {
		q.Intent = IntentWhat // "第二个方法呢？": what that one is
		return
	}
	switch {
	case q.Step > 0:
		q.Intent = IntentSteps
	case laterRE.MatchString(q.Norm) && (q.Intent == IntentOther || q.Intent == IntentResult),
		laterOpenRE.MatchString(q.Norm) && (q.Intent == IntentSummary || q.Intent == IntentHow) && len(q.Methods) == 0 && laterDoingRE.ReplaceAllString(residual(q.Topic), "") == "":
		// "之后她又干了什么": what came next, not her whole story again.
		q.Intent = IntentResult
	case moreRE.MatchString(q.Norm) && q.Intent == IntentOther || q.Intent == IntentHow && moreRE.MatchString(q.Norm) && len(q.Methods) == 0:
		q.Intent = prev.Intent
		if q.Intent == IntentSummary && len(q.Methods) == 0 {
			// "还有别的吗" after her profile: more of what she did, not the
			// profile again.
			q.Intent = IntentHow
		}
		if q.Topic == "" || moreRE.MatchString(q.Topic) {
			q.Topic = prev.Topic
		}
	case q.Intent == IntentOther && strings.TrimSpace(q.Topic) == "":
		q.Intent, q.Topic = prev.Intent, prev.Topic
	}
	if q.Intent == IntentWho && len(q.Methods) > 0 {
		return // the creator of the method discussed
	}
	if q.Intent == IntentSummary && prev.Intent == IntentSummary && len(q.Leaders) == 1 && len(prev.Leaders) == 1 && q.Leaders[0] == prev.Leaders[0] {
		// "她下面的社区有什么做法" right after her summary: more of what she
		// did, not the summary again.
		q.Intent = IntentHow
	}
	if q.Intent == IntentWho && len(q.Leaders) > 0 && len(q.Methods) == 0 {
		q.Intent = IntentSummary // "她是谁？"
	}
}

// stepsOnlyRE are the words of a steps question that ask nothing else
// (钱卫东分几步走的, 她具体咋弄的).
var stepsOnlyRE = regexp.MustCompile(`分|几步走|几步|哪几步|步骤|具体|是|怎么|咋|弄|搞|整|做|干|走|的|了|呢|啊|呀|她|他|都|一共|总共|有|[？?。！!，, ]`)

// whyStepRE asks what a step just told is for.
var whyStepRE = regexp.MustCompile(`(为什么|为啥|干嘛|干吗)要?(有)?(这一步|这步|这个步骤|这个环节|这一环)|(这一步|这步|这个步骤|这个环节|这一环)(有|是)?(什么|啥|哪些)(用|作用|用处|意义|好处|目的)|(这一步|这步|这个环节)(是)?为了(什么|啥)|(这一步|这步)的(作用|用意|目的|意义)`)

// looseStepsRE asks in everyday words how a thing is done in detail
// (具体咋弄的, 具体怎么搞, 咋操作).
var looseStepsRE = regexp.MustCompile(`具体(咋|怎么|如何)?(弄|搞|整|干|做|操作)|咋(弄|搞|整|干|做|操作)`)

// herStepsMethod: a steps question naming one secretary and no method,
// asking nothing but the steps ("钱卫东分几步走的？"), asks the steps of
// her method told in steps — the one, or the most mentioned; asked how a
// method told in steps is done in everyday words, its steps.
func (s *Service) herStepsMethod(q *Question) {
	if q.Intent == IntentHow && len(q.Methods) == 1 && looseStepsRE.MatchString(q.Norm) && s.hasSteps(q.Methods[0]) {
		q.Intent = IntentSteps // "三联共治具体咋弄的": its steps, as 具体怎么做
		return
	}
	if s.o.Catalog == nil || q.Intent != IntentSteps || len(q.Leaders) != 1 || len(q.Methods) != 0 || q.Item != 0 {
		return
	}
	rest := q.Norm
	for _, k := range s.ents.keysOf[q.Leaders[0]] {
		rest = strings.ReplaceAll(rest, k, "")
	}
	rest = strings.ReplaceAll(rest, "书记", "")
	if stepsOnlyRE.ReplaceAllString(rest, "") != "" {
		return
	}
	best, n := "", -1
	for _, m := range s.o.Catalog.MethodsOf(q.Leaders[0]) {
		if len(m.Steps) >= 2 && len(m.Procedure) > 0 && m.Mentions > n {
			best, n = m.Name, m.Mentions
		}
	}
	if best != "" {
		q.Methods = []string{best}
	}
}

// eachItem: a question asking something of each item of the one method
// it is about ("分色管理中各类户分别多久走访一次", "每类户多久走访一次" after
// it) asks its steps: each item's own sentences.
func (s *Service) eachItem(q *Question) {
	if s.o.Catalog == nil || len(q.Methods) != 1 || q.Step != 0 || len(q.Leaders) > 1 || !perItemRE.MatchString(q.Norm) || q.Intent == IntentCompare || q.Intent == IntentAdvice {
		return
	}
	if m, ok := s.o.Catalog.Method(q.Methods[0]); ok && len(m.Steps) >= 2 {
		q.Intent = IntentSteps
	}
}

// perItemRE asks something of each of a method's items or steps (各类户
// 分别多久, 每一类怎么管, 每一步都做什么).
var perItemRE = regexp.MustCompile(`各[类级档色步]|分别|每[一]?[类级档步]|每个类别|每个等级|各个(类别|等级|步骤|环节)|几类|哪几类|哪些类`)

// stepNamedAlone is the step (1-based) a bare "X呢？" names of the one
// method just told in steps, 0 if none.
func (s *Service) stepNamedAlone(q Question, prev *Turn) int {
	m := thatRE.FindStringSubmatch(strings.TrimSpace(q.Norm))
	if m == nil || q.Step != 0 || q.Item != 0 || len(prev.Methods) != 1 || s.o.Catalog == nil {
		return 0
	}
	rec, ok := s.o.Catalog.Method(prev.Methods[0])
	if !ok {
		return 0
	}
	said := strings.Trim(m[2], "“”\"' ")
	for i, st := range rec.Steps {
		if st = zh.ToSimplified(strings.Trim(st, "“”")); utf8.RuneCountInString(st) >= 2 && strings.Contains(said, st) && utf8.RuneCountInString(said) <= utf8.RuneCountInString(st)+3 {
			return i + 1
		}
	}
	return 0
}

// herWorkAsked reports a question about her (她, 他 or her name) asking for
// her work as a whole in everyday words: what she did for the residents,
// her methods and results — not "还" (what else), not this method.
func herWorkAsked(norm, leader string) bool {
	if !strings.ContainsAny(norm, "她他") && !strings.Contains(norm, leader) || thisMethodRE.MatchString(norm) || strings.Contains(norm, "还") || laterOpenRE.MatchString(norm) {
		return false
	}
	return methodsAndResultsRE.MatchString(norm) || summaryLooseRE.MatchString(norm) && onlyNameAndCue(norm, leader)
}

// laterOpenRE opens a question with what came next (之后她又干了什么).
var laterOpenRE = regexp.MustCompile(`^(那|那么)?(她|他)?(后来|然后|接着|之后|再后来|接下来|随后|后面)`)

// herPlaceRE is the place of the one just told about (她那边, 她们社区).
var herPlaceRE = regexp.MustCompile(`(她|他)们?(那边|那里|那儿|社区|小区|街道|那个社区)|(她|他)们?的(社区|小区|街道)`)

// yesNoRE is a yes/no question (要收费吗, 能不能报名, 是不是每天都开).
var yesNoRE = regexp.MustCompile(`吗[？?！!。]*$|能不能|可不可以|是不是|有没有|会不会|要不要|用不用`)

// officeAskRE asks how to get something done at an office: how to apply,
// what papers, where to go, what the standard is.
var officeAskRE = regexp.MustCompile(`(怎么|如何|怎样|去哪|到哪)(里|儿)?(申请|申领|办理|报名领取|领取|挂失|补办)|申请(条件|流程|材料)|办理(流程|手续|条件)|(需要|要)(准备)?(哪些|什么)(材料|手续|证件)|(补贴|补助|救助金|低保)(标准)?(是)?多少|能领多少|营业执照`)

// workAskedRE asks about work done ("有什么好经验", "是怎么做的"), not the
// weather of a city.
var workAskedRE = regexp.MustCompile(`经验|做法|怎么做|怎么干|办法|方法|事迹|借鉴|学习|值得学`)

// pointsBack are words pointing at the time of what was just told.
const pointsBack = `当时|那时|当初|那会儿?`

// pointsBackRE is pointsBack.
var pointsBackRE = regexp.MustCompile(pointsBack)

// deicticRE are words that ask nothing of their own in a short follow-up:
// the time or amount of what was told (当时, 现在还, 一共) and the meeting
// of a problem (遇到, 碰到).
var deicticRE = regexp.MustCompile(pointsBack + `|现在|目前|如今|一共|总共|还在|还|遇到|碰到|\s`)

// whWordRE asks for a particular of something already in view: 谁, 哪, 多久,
// 几, 多少, 怎么样.
var whWordRE = regexp.MustCompile(`谁|哪|多久|几|多少|什么时候|怎么样|如何|为什么|为啥`)

// shortAboutPrev reports a short question naming no one ("谁参加？",
// "多久开一次？") right after an answer about someone: it asks more about
// that answer, unless it names a field she never works on.
func (s *Service) shortAboutPrev(q Question, prev *Turn) bool {
	if len(prev.Leaders)+len(prev.Methods) == 0 || len(q.Unknown)+len(q.UnknownTerms) > 0 {
		return false
	}
	switch q.Intent {
	case IntentChat, IntentList, IntentAdvice, IntentCompare:
		return false
	}
	han := 0
	for _, r := range q.Norm {
		if zh.IsHan(r) {
			han++
		}
	}
	limit := 7
	if pointsBackRE.MatchString(q.Norm) {
		limit = 11 // "当时遇到了什么难题": about the time just told
	}
	if han > limit || ourPlaceRE.MatchString(q.Norm) {
		return false
	}
	// Elliptical ("谁参加", "多久开一次": a question word and a verb at
	// most), or about what her articles say; "今天天气怎么样" and "网格化
	// 是什么" are neither.
	// "当时", "现在还", "一共" point at what was told; they ask nothing.
	rest := deicticRE.ReplaceAllString(residual(q.Topic), "")
	_, detail := detailAsked(q)
	said := len(prev.Leaders) > 0 && s.says(prev.Leaders[0], rest, nil)
	yesNo := yesNoRE.MatchString(strings.TrimSpace(q.Norm))               // "要收费吗？": of what was just told
	wh := whWordRE.MatchString(q.Norm) || strings.Contains(q.Norm, "什么人") // "都是些什么人"
	// A particular read into Asks ("一顿饭多少钱", "坚持了多久") is of what
	// was just told, its words however many.
	particular := q.Asks == AsksSum || q.Asks == AsksLength || q.Asks == AsksSchedule
	if utf8.RuneCountInString(rest) >= 2 && !said && !(detail || yesNo || wh || particular) || utf8.RuneCountInString(rest) > 3 && !said && !yesNo && !particular {
		return false
	}
	switch q.Intent {
	case IntentResult, IntentProblem, IntentExample, IntentWho, IntentWhen, IntentWhere, IntentNumber:
		return true // "居民怎么评价？": of what was just told, whatever its field
	}
	if len(q.Topics) == 0 || len(prev.Leaders) == 0 {
		return true
	}
	var words []string
	for _, t := range q.Topics {
		words = append(words, t.Article...)
		words = append(words, t.Ask...)
	}
	return s.says(prev.Leaders[0], "", words)
}

// trimSpeaker drops an interview's speaker label opening a quoted line
// ("严玉华：我们把巷子分成7个片", "答：……") when the loader says the line is a
// secretary's words (corpus.SpeakerOf): the bullet names her already.
func trimSpeaker(t string, m corpus.Meta) string {
	if corpus.SpeakerOf(t, m) == "" {
		return corpus.TrimScriptMark(t) // 【解说】…: the script's mark is no part of what is quoted
	}
	i := strings.IndexAny(t, "：:")
	if i <= 0 {
		return t
	}
	_, n := utf8.DecodeRuneInString(t[i:])
	if rest := strings.TrimSpace(t[i+n:]); rest != "" {
		return rest
	}
	return t
}

// looseStepRE is an ordinal in any unit, or the last one ("第三心",
// "最后一网"), but not of times, years or people (第一次, 第二年, 第一书记).
var looseStepRE = regexp.MustCompile(`第([一二三四五六七八九十两]+|\d+)[^次年天书名届批期季月代位回遍轮时周个，,。？?]|最后(?:一|那一)[^次年天书名届批期季月代位回遍轮时周，,。？?]`)

// hasSteps reports a method whose record has steps.
func (s *Service) hasSteps(name string) bool {
	if s.o.Catalog == nil {
		return false
	}
	m, ok := s.o.Catalog.Method(name)
	return ok && len(m.Steps) > 0
}

// firstWithSteps is the first of the methods whose record has steps.
func (s *Service) firstWithSteps(methods []string) (string, bool) {
	if s.o.Catalog == nil {
		return "", false
	}
	for _, name := range methods {
		if m, ok := s.o.Catalog.Method(name); ok && len(m.Steps) > 0 {
			return name, true
		}
	}
	return "", false
}

// sharesName reports whether the question holds two characters of one
// of the names in a row.
// tailNamed is the one of names whose last three runes or more the
// question holds (帮帮团 of 老门帮帮团), when only one is so named; "".
func tailNamed(norm string, names []string) string {
	found := ""
	for _, n := range names {
		rs := []rune(zh.ToSimplified(strings.Trim(n, "“”")))
		for k := len(rs) - 1; k >= 3; k-- {
			if tail := string(rs[len(rs)-k:]); strings.Contains(norm, tail) && formWord(tail) {
				if found != "" && found != n {
					return "" // two of them end so: neither is meant
				}
				found = n
				break
			}
		}
	}
	return found
}

// partOfName reports whether t, two characters or more opening with a
// numeral, is a part of one of the names and not the whole of it (五到家
// of 三活四清五到家).
func partOfName(t string, names []string) bool {
	if r, _ := utf8.DecodeRuneInString(t); utf8.RuneCountInString(t) < 2 || !strings.ContainsRune("一二两三四五六七八九十", r) {
		return false // (a part the name counts: 四清, 五到家 — not 楼院 of 楼院微吧)
	}
	for _, n := range names {
		n = zh.ToSimplified(strings.Trim(n, "“”"))
		if n != t && strings.Contains(n, t) {
			return true
		}
	}
	return false
}

func sharesName(norm string, names []string) bool {
	rs := []rune(norm)
	for i := 0; i+2 <= len(rs); i++ {
		bi := string(rs[i : i+2])
		if !zh.AllHan(bi) {
			continue
		}
		for _, n := range names {
			if strings.Contains(n, bi) {
				return true
			}
		}
	}
	return false
}

// routeSummaryQ answers with a method summary or leader profile when the
// question asks for one.
func (s *Service) routeSummaryQ(ctx context.Context, chat string, q Question) (*Answer, bool) {
	if s.o.Catalog == nil || len(q.Unknown) > 0 || q.FieldAbsent != "" {
		return nil, false // asked about a field her articles never touch: said so by the plan
	}
	var ans *Answer
	var err error
	switch {
	case q.Intent == IntentSummary && len(q.Methods) > 0 && len(q.Leaders) <= 1:
		ans, err = s.methodSummary(ctx, chat, q.Methods[0], q.Script, q.Text)
	case q.Intent == IntentSummary && len(q.Methods) == 0 && len(q.Leaders) == 1 && (len(q.Topics) == 0 || whyGoodRE.MatchString(q.Norm)) &&
		!s.ents.leaderInfo[q.Leaders[0]].Secondary:
		// (A second secretary of an article has no catalog profile; the
		// catalog's closest name would be someone else: 鲁晓燕 is no 蒙晓燕.)
		// "张影在加装电梯方面有什么经验" asks about a field: the plan
		// answers on it; her profile answers the rest.
		ans, err = s.leaderProfile(ctx, chat, q.Leaders[0], q.Script, q.Text)
	default:
		return nil, false
	}
	return ans, err == nil && ans.Grounded
}

// planFor plans the answer to q; when everything that answers it was
// shown earlier in the conversation, it is shown again rather than
// refused ("“四清”是哪四清？" right after the sentence listing them).
func (s *Service) planFor(ctx context.Context, q Question, prev *Turn, conv Conversation) (*draft, error) {
	if len(q.Parts) > 1 {
		return s.planParts(ctx, q, prev, conv)
	}
	shown := conv.shown()
	p := &planner{s: s, q: q, prev: prev, shown: shown, used: map[string]bool{}}
	d, err := p.plan(ctx)
	if err != nil || !d.refused && d.hasQuotes() || len(shown) == 0 {
		return d, err
	}
	if q.FollowUp && (moreRE.MatchString(q.Norm) || p.bareLater() && residual(q.Topic) == "") && len(q.Leaders) == 1 {
		// "还有吗？", "后来呢？" when all there is was shown: say so, not
		// show it again.
		return p.nothingMore(q.Leaders[0]), nil
	}
	p = &planner{s: s, q: q, prev: prev, shown: map[string]bool{}, used: map[string]bool{}}
	if again, err := p.plan(ctx); err == nil && !again.refused && again.hasQuotes() {
		return again, nil
	}
	return d, nil
}

// plan chooses the answer plan for the question and composes its draft.
func (p *planner) plan(ctx context.Context) (*draft, error) {
	q := p.q
	if len(q.Unknown) > 0 && len(q.Leaders) == 0 && len(q.Methods) == 0 {
		d := &draft{refused: true, lead: "资料中没有关于" + strings.Join(q.Unknown, "、") + "的内容。"}
		if near := p.s.nearLeader(q.Unknown[0]); near != "" {
			d.lead += "您问的是不是" + p.leaderLabel(near) + "？" // one character off: a typo, or another person
		}
		return d, nil
	}
	if n := len(p.prevListed()); q.FollowUp && q.Item > n && n > 0 && len(q.Methods) == 0 {
		// "第五个方法呢" after a list of two: say what the list held.
		return &draft{refused: true, leaders: slices.Clone(q.Leaders),
			lead: "刚才的回答只列出了" + strconv.Itoa(n) + "个方法：“" + strings.Join(p.prev.Listed, "”“") + "”。"}, nil
	}
	switch q.Intent {
	case IntentChat:
		return p.planChat(), nil
	case IntentList:
		return p.planList(), nil
	}
	if q.Asks == AsksNoMore && len(q.Leaders) == 1 {
		return p.nothingMore(q.Leaders[0]), nil // every method of hers was told
	}
	if len(q.Leaders)+len(q.Methods) == 0 && officeAskRE.MatchString(q.Norm) && !adviceRE.MatchString(q.Norm) && !adviceLooseRE.MatchString(q.Norm) {
		// "残疾人补贴怎么申请": a how-to of an office, which the articles —
		// secretaries' work — do not give, even when one is about that field.
		return &draft{refused: true, lead: "资料中没有办事指南类的内容（怎么申请、要哪些材料、标准多少）；这里能回答的是社区书记的工作方法和事迹。"}, nil
	}
	if len(q.UnknownTerms) > 0 && len(q.Methods) == 0 {
		// A method no article names: say so, and what the articles do say
		// about the person asked.
		d := &draft{refused: true, leaders: slices.Clone(q.Leaders)}
		terms := "“" + strings.Join(q.UnknownTerms, "”“") + "”"
		if len(q.Leaders) == 1 {
			d.lead = "资料中没有提到" + q.Leaders[0] + "的" + terms + "。"
			p.addProfileLine(d, q.Leaders[0], p.s.leaderSentences(q.Leaders[0]))
		} else {
			d.lead = "资料中没有提到" + terms + "。"
		}
		return d, nil
	}
	if len(q.Leaders) == 1 && len(q.Methods) == 0 && fieldAsked(q.Intent) {
		if absent := q.FieldAbsent; absent != "" {
			// "吴中兰在疫情防控方面有什么做法": her articles never touch it;
			// say so rather than tell her other work as if it answered.
			d := &draft{refused: true, leaders: slices.Clone(q.Leaders)}
			d.lead = "资料中没有提到" + q.Leaders[0] + "在“" + absent + "”方面的做法。"
			p.addProfileLine(d, q.Leaders[0], p.s.leaderSentences(q.Leaders[0]))
			return d, nil
		}
	}
	var d *draft
	var err error
	leaders := q.Leaders
	if len(leaders) < 2 && q.Intent == IntentCompare {
		for _, mn := range q.Methods {
			if m, ok := p.method(mn); ok && m.Leader != "" && !slices.Contains(leaders, m.Leader) {
				leaders = append(leaders, m.Leader)
			}
		}
		leaders = p.compareLeaders(leaders) // "和其他书记比", a practice of another's
	}
	var author *draft
	if authorAskRE.MatchString(q.Norm) && len(q.Methods) == 0 && len(q.Leaders) <= 1 {
		// "这篇发言是谁讲的": the page's author or speaker, not its subject.
		author = p.planAuthor()
	}
	var detail *draft
	alone := false
	if kind, ok := detailAsked(q); ok && kind.name == "change" && len(q.Methods) == 1 && q.Step == 0 && len(q.Leaders) <= 1 && q.Intent != IntentCompare && q.Intent != IntentAdvice {
		// "会一直是红色户吗": whether a class changes, from the method's
		// sentences re-sorting them, whether asked after it or naming it.
		// Only of a method sorting people or homes into classes: "红色管家会
		// 调动居民积极性吗" asks no class's change.
		if m, ok := p.method(q.Methods[0]); ok && classItems(m.Steps) {
			detail, _ = p.planMethodDetail(m, kind)
			alone = detail != nil // that is the answer; the rest was told before it
		}
	} else if q.FollowUp && q.Resolved && len(q.Methods) == 1 && q.Step == 0 && q.Intent != IntentCompare && q.Intent != IntentAdvice && q.Intent != IntentSteps {
		// "谁参加？" after 板凳会: who takes part, from its own sentences,
		// leads what the usual plan says.
		if kind, ok := detailAsked(q); ok {
			if m, ok := p.method(q.Methods[0]); ok {
				detail, _ = p.planMethodDetail(m, kind)
			}
		}
	}
	switch {
	case len(q.Leaders) >= 2 && asksWhichMore(q.Norm):
		// "谁当书记时间更长", "谁年纪大", "哪个社区人多": the answer and each
		// one's value (plan_compare.go).
		d = p.planWhichMore(q.Leaders)
	case len(leaders) >= 2 && comparesResults(q):
		// "那她们的效果呢" after a comparison: what came of each one's work.
		if d = p.planCompareResults(leaders); d == nil {
			d = p.planCompare(leaders)
		}
	case q.Intent == IntentCompare && (len(leaders) >= 2 || len(q.Methods) >= 2):
		d = p.planCompare(leaders) // (two methods of one secretary compared too)
	case len(q.Leaders) == 1 && len(q.Methods) == 0 && len(q.Topics) > 0 && (q.Intent == IntentSummary && !whyGoodRE.MatchString(q.Norm) || q.Intent == IntentHow && topicOnly(q)):
		// "李亚玲在党员管理方面有什么经验": her practices in that field,
		// each with the problem it answered.
		d, err = p.planAdvice(ctx, q.Leaders)
		if err == nil && d.refused {
			// Her sentences on the field, ranked by its name, not by the
			// asking words (工作 of "怎么做老年人工作").
			var names []string
			for _, t := range q.Topics {
				names = append(names, t.Name)
			}
			p.q.Topic = strings.Join(names, " ")
			d = p.planLeader(q.Leaders[0])
		}
	case q.Intent == IntentAdvice || q.Intent == IntentHow && len(q.Leaders)+len(q.Methods) == 0 && q.Asks != AsksStory:
		// ("第一次议事会是怎么开的" asks how it went, a story: the general plan.)
		// "怎么把居民的需求和辖区单位的资源对接起来？" asks whose practice
		// to learn from as much as "可以借鉴谁"; "深圳的书记" only those there.
		only := q.Leaders
		if len(only) == 0 {
			only = q.Region
		}
		if len(q.Leaders) == 0 && len(q.Region) > 0 && len(q.Topics) == 0 && workAskedRE.MatchString(q.Norm) && p.onlyRegionAsked() {
			// "成都的书记有什么好经验": no field asked, so each one's main
			// method, not the sentences that name the city (an honour).
			if d = p.planRegion(q.Region); d != nil {
				break
			}
		}
		d, err = p.planAdvice(ctx, only)
	case asksWhichHave(q):
		// "哪些书记是少数民族": each one whose own sentence says so.
		d = p.planWhichHave()
	case honourAsked(q) != "":
		// "哪些书记是全国优秀党务工作者": those whose honours name it.
		d = p.planHonourHolders(honourAsked(q))
	case q.Intent == IntentExample && (len(q.Methods) > 0 || len(q.Leaders) > 0):
		d = p.planExample()
	case q.Asks == AsksPlace && len(q.Leaders) == 0 && p.methodsPlace(&d):
		// "哪个社区有老兵志愿服务队": the community, said first.
	case len(q.Methods) > 0 && len(q.Leaders) == 0 && (q.Intent == IntentNumber || q.Intent == IntentWhen || q.Intent == IntentWhere):
		// "畅大妈调解室调解了多少起纠纷": a fact in its secretary's articles,
		// ranked with the method's name in the question.
		if m, ok := p.method(q.Methods[0]); ok && m.Leader != "" {
			d = p.planLeader(m.Leader)
			d.methods = []string{m.Name}
			break
		}
		d, err = p.planGeneral(ctx)
	case len(q.Methods) > 0 && q.Intent != IntentFact && q.Intent != IntentWhere && (len(q.Leaders) == 0 || q.Intent != IntentNumber && q.Intent != IntentWhen):
		m, ok := p.method(q.Methods[0])
		if !ok {
			d, err = p.planGeneral(ctx)
			break
		}
		d = p.planMethod(m)
	case author != nil:
		d = author
	case q.Intent == IntentWho && len(q.Leaders) == 1:
		d = p.planWhoIs(q.Leaders[0])
	case q.Intent == IntentSummary && len(q.Leaders) == 1 && p.s.ents.leaderInfo[q.Leaders[0]].Secondary:
		// No profile in the catalog for her: sum up her own sentences.
		d = p.planBrief(q.Leaders[0])
	case len(q.Leaders) > 0:
		d = &draft{}
		allRefused := true
		for i, l := range q.Leaders {
			if i == 3 {
				break
			}
			one := p.planLeader(l)
			allRefused = allRefused && one.refused
			d.merge(one, len(q.Leaders) > 1)
		}
		// Several leaders: refused only when none of them answers.
		d.refused = allRefused
	default:
		d, err = p.planGeneral(ctx)
	}
	if err != nil {
		return nil, err
	}
	if alone {
		d = detail
	} else if detail != nil {
		d = detail.followedBy(d, p.shown)
	}
	p.withoutAsked(d) // an interviewer's question states nothing (voice.go)
	if len(q.Unknown) > 0 {
		// A person or place the articles never name: that is the answer,
		// said first; what they do say about the rest follows.
		missing := "资料中没有关于" + strings.Join(q.Unknown, "、") + "的内容。"
		switch {
		case d.hasQuotes() && len(d.leaders) > 0:
			d.lead = missing + "资料中关于" + strings.Join(d.leaders, "、") + "的内容："
		case d.hasQuotes():
			d.lead = missing + "资料中相关的内容："
		default:
			d.lead = missing
		}
		d.refused = true
	}
	return d, nil
}

// merge appends another leader's draft (for questions naming several).
func (d *draft) merge(o *draft, several bool) {
	if !several {
		*d = *o
		return
	}
	if label, ok := strings.CutSuffix(o.lead, "："); ok && plainQuotes(o.items) {
		// "倒生根社区和上清寺路社区各划了多少个网格": each leader's sentences
		// on one line under her name.
		label = strings.TrimPrefix(strings.TrimSuffix(label, "，资料中写道"), "关于")
		it := item{label: label, quote: o.items[0].quote}
		for _, x := range o.items[1:] {
			it.more = append(it.more, x.quote)
		}
		d.items = append(d.items, it)
	} else if name, ok := strings.CutSuffix(o.lead, "："); ok && labelledQuotes(o.items) {
		// "他们俩谁当书记更早": each fact under her name, not a bare
		// "方志强：" line above it.
		for _, it := range o.items {
			it.label = name + " · " + it.label
			d.items = append(d.items, it)
		}
	} else {
		if o.lead != "" {
			d.items = append(d.items, item{plain: o.lead})
		}
		d.items = append(d.items, o.items...)
	}
	if o.tail != "" {
		d.items = append(d.items, item{plain: o.tail})
	}
	d.leaders = append(d.leaders, o.leaders...)
	d.context = append(d.context, o.context...)
}

// render writes a draft as the user sees it, in the asker's script, with
// renumbered markers; a refusal without anything to cite lists what the
// articles cover.
func (s *Service) render(d *draft, q Question) *Answer {
	if len(d.items) == 0 && d.tail == "" && strings.HasSuffix(d.lead, "：") {
		d.refused = true // a lead announcing nothing is no answer: never just "牛桂英："
		d.lead = ""
	}
	if d.refused && !d.hasQuotes() {
		ans := s.abstainWith(q.Script, d.lead)
		ans.Refused = true
		return ans
	}
	c := newComposer(s, q.Script)
	if d.lead != "" {
		c.line(d.lead)
	}
	for _, it := range d.items {
		var b strings.Builder
		if it.number > 0 {
			b.WriteString(strconv.Itoa(it.number) + ". ")
		} else {
			b.WriteString("• ")
		}
		if it.label != "" && !labelIsQuote(it) && !labelOpensQuote(it) {
			b.WriteString(it.label + "：")
		}
		if it.quote.chunk != nil {
			for _, r := range append([]sentRef{it.quote}, it.more...) {
				// "3、建立居民议事会…" quoted alone points at a list the
				// reader does not see: the number goes, the words stay; so
				// do a Markdown bold label's marks (**摸清底数**：…).
				b.WriteString(strings.ReplaceAll(trimSpeaker(corpus.TrimListMark(strings.TrimSpace(r.text)), r.chunk.Meta), "**", ""))
				if n := c.citeChunk(r.chunk); n > 0 {
					b.WriteString("[" + strconv.Itoa(n) + "]")
				}
			}
		} else {
			b.WriteString(it.plain)
		}
		c.line(b.String())
	}
	if d.tail != "" {
		c.line(d.tail)
	}
	ans := c.answer()
	ans.Refused = d.refused
	ans.Grounded = !d.refused && len(ans.Citations) > 0
	return ans
}

// citeChunk numbers a passage the draft quotes (the composer's cite for
// chunks it holds itself, which a search hit may not be among).
func (c *composer) citeChunk(ch *corpus.Chunk) int {
	if n, ok := c.num[ch.ID]; ok {
		return n
	}
	c.hits = append(c.hits, search.Hit{Chunk: *ch})
	c.num[ch.ID] = len(c.hits)
	return len(c.hits)
}

// abstainWith says plainly what the articles do not have, then what they
// cover.
func (s *Service) abstainWith(script zh.Script, why string) *Answer {
	if why == "" {
		return s.abstain(script)
	}
	var b strings.Builder
	b.WriteString(why)
	if cover := s.coverage(); cover != "" {
		b.WriteString("目前的资料介绍了这些社区书记：")
		b.WriteString(cover)
		b.WriteString("。")
	}
	return &Answer{Text: s.inScript(script, b.String()), Grounded: false, Refused: true, Mode: ModeExtractive, Script: script}
}

// planHint tells the model how this kind of answer is organised.
func planHint(q Question, d *draft) string {
	switch q.Intent {
	case IntentCompare:
		return "这是比较题：先分别说明" + strings.Join(d.leaders, "、") + "各自的做法（每位书记只引用她自己的资料），再指出共同点和不同点。"
	case IntentSteps:
		return "按文中顺序列出每一步及其具体做法，每步一行并标注出处。"
	case IntentAdvice:
		return "这是借鉴题：按书记分条列出与问题相关的做法，每条先写书记姓名和所在社区，再写做法并标注出处；资料没有的不要补充。"
	case IntentFact, IntentWhere, IntentWhen, IntentNumber, IntentWho:
		return "先用一句话直接回答（写出书记姓名），再给出处。资料没有写的，直接说“资料中没有提到”。"
	}
	if len(d.leaders) == 1 {
		return "回答时写出书记姓名“" + d.leaders[0] + "”，不要只用“她”。"
	}
	return ""
}

// generatePlanned asks the model with the plan's passages and accepts its
// answer only if it passes the same checks as any: valid markers, and for
// a comparison a citation of every leader compared. Otherwise the composed
// answer stands, with a notice.
func (s *Service) generatePlanned(ctx context.Context, q Question, d *draft, composed *Answer, conv Conversation, onText func(string)) *Answer {
	var hits []search.Hit
	seen := map[string]bool{}
	add := func(c corpus.Chunk) {
		if !seen[c.ID] {
			seen[c.ID] = true
			hits = append(hits, search.Hit{Chunk: c})
		}
	}
	for _, c := range composed.Citations {
		add(c.Chunk)
	}
	for _, c := range d.context {
		if len(hits) >= 8 {
			break
		}
		add(*c)
	}
	if len(hits) < s.o.Passages {
		// More context from retrieval, within the same leader when the
		// answer is about one.
		leader := ""
		if len(d.leaders) == 1 {
			leader = d.leaders[0]
		}
		if res, err := s.search(ctx, q.Norm, leader); err == nil && res != nil {
			for _, h := range res.Hits {
				if len(hits) >= s.o.Passages {
					break
				}
				add(h.Chunk)
			}
		}
	}
	gen := s.generateWith(ctx, q.Text, q.Script, planHint(q, d), hits, conv, onText)
	if gen.Mode != ModeLLM {
		composed.Notice = gen.Notice
		return composed
	}
	if !gen.Grounded {
		// The model says the passages do not answer; the composed answer
		// found sentences that do. Quotes are safer than a false refusal.
		composed.Notice = q.Script.Convert("模型未能依据资料作答，以下为资料原文摘录。")
		return composed
	}
	if q.Intent == IntentCompare {
		cited := map[string]bool{}
		for _, c := range gen.Citations {
			cited[zh.ToSimplified(c.Chunk.Meta.Leader)] = true
		}
		for _, l := range d.leaders {
			if !cited[l] {
				composed.Notice = q.Script.Convert("模型的回答没有引用每位书记的资料，以下为资料原文摘录。")
				return composed
			}
		}
	}
	return gen
}

// labelIsQuote reports an item whose quote is its label (a step the
// article lists as "楼长收集本楼居民的意见；"): the label would say it twice.
func labelIsQuote(it item) bool {
	if it.quote.chunk == nil || len(it.more) > 0 {
		return false
	}
	q := strings.TrimRight(strings.TrimSpace(it.quote.text), "；;。，,")
	return q == strings.TrimSpace(it.label) || zh.ToSimplified(q) == zh.ToSimplified(it.label) && utf8.RuneCountInString(q) <= utf8.RuneCountInString(it.label)+1
}

// labelOpensQuote reports a quote opening with the item's own label as
// its field ("荣誉：全省“三八红旗手”…" under 荣誉): not written twice.
func labelOpensQuote(it item) bool {
	if it.quote.chunk == nil || it.label == "" {
		return false
	}
	q := zh.ToSimplified(strings.TrimSpace(it.quote.text))
	l := zh.ToSimplified(strings.TrimSpace(it.label))
	return strings.HasPrefix(q, l+"：") || strings.HasPrefix(q, l+":")
}

// plainQuotes reports items that are quotes only: no labels, numbers or
// lines of our own.
func plainQuotes(items []item) bool {
	for _, it := range items {
		if it.quote.chunk == nil || it.label != "" || it.number > 0 || len(it.more) > 0 {
			return false
		}
	}
	return len(items) > 0
}

// labelledQuotes reports items that are all quotes under a label of their
// own (荣誉：…, 任职经历：…).
func labelledQuotes(items []item) bool {
	for _, it := range items {
		if it.quote.chunk == nil || it.label == "" || it.number > 0 {
			return false
		}
	}
	return len(items) > 0
}

// prevListed are the methods the turn continued listed, in order.
func (p *planner) prevListed() []string {
	if p.prev == nil {
		return nil
	}
	return p.prev.Listed
}

// fieldAsked reports the intents that ask what someone did in a field of
// work (not a fact about her, where she works or who she is).
func fieldAsked(in Intent) bool {
	switch in {
	case IntentSummary, IntentHow, IntentOther, IntentResult, IntentAdvice, IntentSteps, IntentExample:
		return true
	}
	return false
}

// topicsAbsent names the question's topics of community work when her
// articles use none of the words of any of them ("疫情防控" for a
// secretary whose article never mentions the epidemic), or "".
func (s *Service) topicsAbsent(q Question) string {
	if len(q.Topics) == 0 || len(q.Leaders) != 1 {
		return ""
	}
	if q.Resolved && (q.Intent == IntentResult || q.Intent == IntentExample) {
		return "" // "居民怎么评价？" asks of what was just told, not of a field
	}
	leader := q.Leaders[0]
	sents := s.leaderSentences(leader)
	var names []string
	for _, t := range q.Topics {
		// She works on it when her articles use a specific word of it (3
		// runes or more), two of its words, or one in a sentence telling
		// what was done ("社区在每个网格设立说事点"); one short word in
		// passing (the 学生 of 大学生) is not the field.
		seen := map[string]bool{}
		for _, r := range sents {
			for _, w := range t.Matches(r.norm) {
				seen[w] = true
				if utf8.RuneCountInString(w) >= 3 || len(seen) >= 2 || isDoing(r.norm) {
					return ""
				}
			}
		}
		names = append(names, t.Name)
	}
	// Nor any of the question's own words on it ("怎么收集居民意见" where
	// the article says "居民的意见怎么收集"): the lexicon may lack the
	// article's wording, and a wrong "not there" is worse than none.
	rest := residual(q.Topic)
	for _, t := range q.Topics {
		rest = strings.ReplaceAll(rest, t.Name, " ")
	}
	rs := []rune(rest)
	for i := 0; i+2 <= len(rs); i++ {
		bi := string(rs[i : i+2])
		if !zh.AllHan(bi) || slices.Contains(fieldStopBigrams, bi) {
			continue
		}
		for _, r := range sents {
			if strings.Contains(r.norm, bi) {
				return ""
			}
		}
	}
	return strings.Join(firstStrings(names, 2), "、")
}

// methodsInOrder are the methods a text names, in the order it names them
// (findKeys: the longest name wins its span, so 邻里积分超市 is not also
// another secretary's 积分超市).
func (s *Service) methodsInOrder(text string) []string {
	// "第三步" in a step line names no method called 三步工作法.
	return findKeys(stepNumRE.ReplaceAllString(zh.ToSimplified(text), "　"), s.ents.methodKeys)
}

// topicOnly reports a question whose topic is its lexicon topics and
// nothing more ("她是怎么做志愿服务工作的"), not a particular deed ("是怎么
// 把后进社区变成先进典型的").
func topicOnly(q Question) bool {
	rest := residual(q.Topic)
	for _, t := range q.Topics {
		rest = strings.ReplaceAll(rest, t.Name, "")
		for _, w := range t.Ask {
			rest = strings.ReplaceAll(rest, w, "")
		}
	}
	for _, w := range []string{"工作", "方面", "做", "开展", "搞", "抓", "在"} {
		rest = strings.ReplaceAll(rest, w, "")
	}
	return utf8.RuneCountInString(rest) < 2
}

// fieldStopBigrams are words of a field question that say nothing of the
// field (在…方面, 社区, 居民). A fixed list: how common a word is in the
// corpus says nothing when the corpus is one article.
var fieldStopBigrams = []string{"方面", "社区", "居民", "工作", "做法", "经验", "书记", "开展", "做了", "哪些", "什么", "怎么", "如何", "有没", "没有"}

// otherMethod resolves "还有别的办法吗" after one secretary's method (or
// "还有吗" after an item of her list): her methods this conversation has
// not told (AsksOther), or the list's next item, asked what it is; after
// its last item, AsksNoMore. It reports whether it resolved the question.
func (s *Service) otherMethod(q *Question, prev *Turn) bool {
	if len(q.Leaders)+len(q.Methods) > 0 || len(prev.Leaders) != 1 || s.o.Catalog == nil || prev.Intent == IntentAdvice || prev.Intent == IntentCompare {
		return false // (after advice, 还有别的办法吗 asks other secretaries')
	}
	listedItem := nextAskRE.MatchString(q.Norm) && len(prev.Listed) > 1 && len(prev.Methods) == 1 && slices.Contains(prev.Listed, prev.Methods[0])
	// "还有吗" after her profile listed her methods: more of her work, not
	// the article's next sentences.
	afterList := nextAskRE.MatchString(q.Norm) && prev.listedHerWork()
	if !otherMethodAskRE.MatchString(q.Norm) && !listedItem && !afterList {
		return false
	}
	leader := prev.Leaders[0]
	told := append(slices.Clone(prev.Listed), prev.Methods...)
	var next string
	if listedItem {
		if i := slices.Index(prev.Listed, prev.Methods[0]); i+1 < len(prev.Listed) {
			next = prev.Listed[i+1]
		}
	}
	if next == "" {
		for _, m := range s.mainMethods(leader, 8) {
			if !slices.Contains(told, m.Name) {
				next = m.Name
				break
			}
		}
	}
	if next == "" && afterList {
		q.Leaders, q.FollowUp, q.Resolved = []string{leader}, true, true
		q.Intent, q.Asks = IntentHow, AsksOther // her doings not told yet, if any
		return true
	}
	if next == "" {
		if !listedItem {
			return false // more of what she did, told without a name, may follow
		}
		q.Leaders, q.FollowUp, q.Resolved = []string{leader}, true, true
		q.Asks = AsksNoMore // the list was walked through
		return true
	}
	q.Leaders, q.FollowUp, q.Resolved = []string{leader}, true, true
	if listedItem {
		q.Methods, q.Intent = []string{next}, IntentWhat
		return true
	}
	q.Intent, q.Asks = IntentHow, AsksOther
	return true
}

// planParts answers a question of several counts part by part: the
// first answered part leads, each other's sentences under it; a part not
// answered says so by its own words. No sentence is shown twice.
func (s *Service) planParts(ctx context.Context, q Question, prev *Turn, conv Conversation) (*draft, error) {
	p := &planner{s: s, q: q, prev: prev, shown: conv.shown(), used: map[string]bool{}}
	var d *draft
	var missing []string
	for _, part := range q.Parts {
		p.q = part
		saved := maps.Clone(p.used)
		one, err := p.plan(ctx)
		if err != nil {
			return nil, err
		}
		switch {
		case one.refused || !one.hasQuotes():
			p.used = saved                    // what the refusal showed of her is not shown
			if d == nil || !toldIn(d, part) { // ("满意度是多少": in the first count's sentence)
				missing = append(missing, strings.TrimRight(part.Text, "？?"))
			}
		case d == nil:
			d = one
		default:
			if one.lead == d.lead {
				one.lead = "" // the same secretary's
			}
			d.merge(one, true)
			d.methods = append(d.methods, one.methods...)
		}
	}
	p.q = q
	if d == nil {
		// No count is stated: the first part's refusal, as asked alone.
		p.used = map[string]bool{}
		p.q = q.Parts[0]
		d, err := p.plan(ctx)
		p.q = q
		return d, err
	}
	for _, m := range missing {
		d.add(item{plain: "资料中没有提到“" + m + "”的具体数字。"})
	}
	return d, nil
}

// toldIn reports a count asked that a sentence the draft quotes states:
// it shares a word of the count's topic and states a number.
func toldIn(d *draft, part Question) bool {
	bi, _ := terms(residual(part.Topic))
	for _, it := range d.items {
		for _, r := range append([]sentRef{it.quote}, it.more...) {
			if r.chunk == nil || !statesAsked(part, r.norm) {
				continue
			}
			for b := range bi {
				if strings.Contains(r.norm, b) {
					return true
				}
			}
		}
	}
	return false
}

// nearLeader is the secretary whose name differs from name by one
// character in the same place (林海艳 for 林海燕), "" if none or several;
// the post or call written with it is not the name (田恬书记, 小郭佳书记),
// and of a three-character name the surname may be the one off (萧晓燕
// for 肖晓燕) when the given name is the same.
func (s *Service) nearLeader(name string) string {
	orig := name
	for _, post := range []string{"书记", "主任", "同志"} {
		if n := strings.TrimSuffix(name, post); utf8.RuneCountInString(n) >= 2 {
			name = n
		}
	}
	if rs := []rune(name); len(rs) >= 3 && (rs[0] == '小' || rs[0] == '老') {
		name = string(rs[1:])
	}
	want := []rune(name)
	found := ""
	for leader := range s.ents.leaderInfo {
		have := []rune(leader)
		if len(have) != len(want) || len(have) < 2 {
			continue
		}
		diff := 0
		for i := range have {
			if have[i] != want[i] {
				diff++
			}
		}
		if diff == 1 && (have[0] == want[0] || len(have) >= 3 && string(have[1:]) == string(want[1:])) {
			if found != "" {
				return ""
			}
			found = leader
		}
	}
	if found == "" {
		// Her call-name one character off, its surname kept (王书纪 for
		// 王书记, 小吴书纪): the one secretary called so.
		raw := []rune(orig)
		for _, k := range s.ents.leaderKeys {
			have := []rune(k.key)
			if len(have) != len(raw) || len(have) < 3 || have[0] != raw[0] || !strings.HasSuffix(k.key, "书记") {
				continue
			}
			diff := 0
			for i := range have {
				if have[i] != raw[i] {
					diff++
				}
			}
			if diff == 1 {
				if found != "" && found != k.canon {
					return ""
				}
				found = k.canon
			}
		}
	}
	if found == "" {
		// "吕成英": a secretary's whole name and one character more.
		for leader := range s.ents.leaderInfo {
			if have := []rune(leader); len(have) >= 2 && len(want) == len(have)+1 && strings.HasPrefix(name, leader) {
				if found != "" {
					return ""
				}
				found = leader
			}
		}
	}
	return found
}
