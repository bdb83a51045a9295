package quiz

import (
	"errors"
	"fmt"
	"sort"
	"time"

	"bangyang/zh"
)

// Session states.
const (
	StateRunning  = "running"
	StateFinished = "finished"
	StateStopped  = "stopped"
)

// Session errors.
var (
	ErrNotRunning  = errors.New("training session is not running")
	ErrNoQuestions = errors.New("training session has no questions")
)

// Player is one participant's tally.
type Player struct {
	UserID   string `json:"user_id"`
	Name     string `json:"name"`
	Score    int    `json:"score"`
	Answered int    `json:"answered"`
	// LastSeq orders players who tie: the sequence number of their last
	// counted answer, so whoever finished first ranks first.
	LastSeq int `json:"last_seq"`
}

// Session is one chat's training session: a pure state machine the caller
// persists (it is plain JSON) and drives with poll events. One session per
// chat is the caller's store's business; CanStart tells it whether a new
// one may replace the stored one.
type Session struct {
	ChatKey   string     `json:"chat_key"`
	ID        string     `json:"id"`
	Topic     string     `json:"topic,omitempty"`
	StartedBy string     `json:"started_by"`
	CreatedAt time.Time  `json:"created_at"`
	Questions []Question `json:"questions"`
	// Current is the index of the question asked last, -1 before the first.
	Current int    `json:"current"`
	State   string `json:"state"`
	// Answers: user id → question index → chosen option.
	Answers map[string]map[int]int `json:"answers"`
	Scores  map[string]*Player     `json:"scores"`
	// PollIDs maps the transport's poll id to the question it carries.
	PollIDs map[string]int `json:"poll_ids"`
	Seq     int            `json:"seq"` // counted answers so far
	// Posts maps the transport's id of the message showing a question to
	// its index; Closed marks questions whose answer has been shown.
	Posts  map[string]int `json:"posts,omitempty"`
	Closed map[int]bool   `json:"closed,omitempty"`
	// Plan is what the session is part of ("" a plain session; the caller
	// names others, e.g. a lesson or the daily question).
	Plan string `json:"plan,omitempty"`
	// ChatTitle is the chat's name when the session started (for records).
	ChatTitle string `json:"chat_title,omitempty"`
}

// Stats is how a question went: how many answered it and how many right.
type Stats struct {
	Answered int
	Right    int
}

// QuestionStats counts the answers to question index.
func (s *Session) QuestionStats(index int) Stats {
	var st Stats
	if index < 0 || index >= len(s.Questions) {
		return st
	}
	for _, mine := range s.Answers {
		if choice, ok := mine[index]; ok {
			st.Answered++
			if choice == s.Questions[index].Correct {
				st.Right++
			}
		}
	}
	return st
}

// PollBound reports whether question index has a poll bound to it.
func (s *Session) PollBound(index int) bool {
	for _, i := range s.PollIDs {
		if i == index {
			return true
		}
	}
	return false
}

// BindPost records the transport's message showing question index.
func (s *Session) BindPost(postID string, index int) error {
	if index < 0 || index >= len(s.Questions) {
		return fmt.Errorf("bind post %s: question %d out of range", postID, index)
	}
	if postID == "" {
		return nil
	}
	if s.Posts == nil {
		s.Posts = map[string]int{}
	}
	s.Posts[postID] = index
	return nil
}

// CloseQuestion marks question index as answered in public (its passage
// shown) and returns its stats.
func (s *Session) CloseQuestion(index int) Stats {
	if index >= 0 && index < len(s.Questions) {
		if s.Closed == nil {
			s.Closed = map[int]bool{}
		}
		s.Closed[index] = true
	}
	return s.QuestionStats(index)
}

// OpenPost reports whether the post (or poll) shows a question of a session
// not stopped whose answer has not been shown yet.
func (s *Session) OpenPost(postID, pollID string) bool {
	if s.State == StateStopped {
		return false
	}
	idx, ok := s.Posts[postID]
	if !ok || postID == "" {
		idx, ok = s.PollIDs[pollID]
		ok = ok && pollID != ""
	}
	return ok && !s.Closed[idx]
}

// NewSession starts a session over prepared questions (Bank.Generate).
func NewSession(chatKey, id, startedBy, topic string, questions []Question, now time.Time) (*Session, error) {
	if len(questions) == 0 {
		return nil, ErrNoQuestions
	}
	return &Session{
		ChatKey: chatKey, ID: id, Topic: topic, StartedBy: startedBy, CreatedAt: now,
		Questions: questions, Current: -1, State: StateRunning,
		Answers: map[string]map[int]int{}, Scores: map[string]*Player{}, PollIDs: map[string]int{},
	}, nil
}

// StartSession generates n questions on topic and starts a session over
// them. Keys of questions asked in earlier sessions can go in opt.Exclude.
func (b *Bank) StartSession(chatKey, id, startedBy string, opt Options, now time.Time) (*Session, error) {
	qs, err := b.Generate(opt)
	if err != nil {
		return nil, fmt.Errorf("start session: %w", err)
	}
	return NewSession(chatKey, id, startedBy, opt.Topic, qs, now)
}

// CanStart reports whether a new session may replace s in its chat: only
// when s is absent or over.
func CanStart(s *Session) bool { return s == nil || s.State != StateRunning }

// NextQuestion advances to the next question and returns it with its
// index; ok is false (and the session finished) when none is left.
func (s *Session) NextQuestion() (q Question, index int, ok bool) {
	if s.State != StateRunning {
		return Question{}, -1, false
	}
	if s.Current+1 >= len(s.Questions) {
		s.State = StateFinished
		return Question{}, -1, false
	}
	s.Current++
	return s.Questions[s.Current], s.Current, true
}

// Remaining is how many questions have not been asked yet.
func (s *Session) Remaining() int { return len(s.Questions) - 1 - s.Current }

// BindPoll records which question the transport's poll carries.
func (s *Session) BindPoll(pollID string, index int) error {
	if index < 0 || index >= len(s.Questions) {
		return fmt.Errorf("bind poll %s: question %d out of range", pollID, index)
	}
	if s.PollIDs == nil {
		s.PollIDs = map[string]int{}
	}
	s.PollIDs[pollID] = index
	return nil
}

// AnswerResult says what RecordAnswer did.
type AnswerResult struct {
	Counted bool // false: unknown poll, repeat answer, stopped session, no option
	Correct bool
	Index   int // question index, -1 if unknown
}

// RecordAnswer counts a user's answer to a poll. It is idempotent: only a
// user's first answer to a question counts; unknown polls, empty answers
// (a retracted vote) and answers after Stop are ignored. Answers to asked
// questions still count after the last question, until the caller stops
// the session, because poll answers arrive late.
func (s *Session) RecordAnswer(pollID, userID, displayName string, optionIDs []int) AnswerResult {
	idx, ok := s.PollIDs[pollID]
	if !ok || s.State == StateStopped || len(optionIDs) == 0 || idx < 0 || idx >= len(s.Questions) {
		return AnswerResult{Index: -1}
	}
	if s.Answers == nil {
		s.Answers = map[string]map[int]int{}
	}
	if s.Scores == nil {
		s.Scores = map[string]*Player{}
	}
	mine := s.Answers[userID]
	if mine == nil {
		mine = map[int]int{}
		s.Answers[userID] = mine
	}
	if _, done := mine[idx]; done {
		return AnswerResult{Index: idx}
	}
	choice := optionIDs[0]
	mine[idx] = choice
	s.Seq++
	p := s.Scores[userID]
	if p == nil {
		p = &Player{UserID: userID}
		s.Scores[userID] = p
	}
	if displayName != "" {
		p.Name = displayName
	}
	p.Answered++
	p.LastSeq = s.Seq
	correct := choice == s.Questions[idx].Correct
	if correct {
		p.Score++
	}
	return AnswerResult{Counted: true, Correct: correct, Index: idx}
}

// Leaderboard ranks players: higher score first, then whoever gave their
// last answer earlier, then user id for a stable order.
func (s *Session) Leaderboard() []Player {
	out := make([]Player, 0, len(s.Scores))
	for _, p := range s.Scores {
		out = append(out, *p)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		if out[i].LastSeq != out[j].LastSeq {
			return out[i].LastSeq < out[j].LastSeq
		}
		return out[i].UserID < out[j].UserID
	})
	return out
}

// Stop ends the session (early, or after the last question to freeze the
// scores); later answers are ignored.
func (s *Session) Stop() error {
	if s.State == StateStopped {
		return ErrNotRunning
	}
	s.State = StateStopped
	return nil
}

// Keys returns the keys of the session's questions, for Options.Exclude.
func (s *Session) Keys() map[string]bool {
	out := make(map[string]bool, len(s.Questions))
	for _, q := range s.Questions {
		out[q.Key] = true
	}
	return out
}

// Script is the script the session's questions are written in.
func (s *Session) Script() zh.Script {
	if s != nil && len(s.Questions) > 0 && s.Questions[0].Script == zh.Traditional {
		return zh.Traditional
	}
	return zh.Simplified
}

// Question returns question index, ok false when out of range.
func (s *Session) Question(index int) (Question, bool) {
	if index < 0 || index >= len(s.Questions) {
		return Question{}, false
	}
	return s.Questions[index], true
}
