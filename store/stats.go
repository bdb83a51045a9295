package store

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Buckets of the admins' statistics. Feedback is written by the bot
// (bot.StoreFeedback) in bucket "feedback"; Stats reads it.
const (
	statsQuestionsBucket  = "stats_questions"
	statsUnansweredBucket = "stats_unanswered"
	statsTrainingBucket   = "stats_training"
	feedbackBucket        = "feedback"
)

// Question outcomes, as core reports them.
const (
	OutcomeAnswered  = "answered"
	OutcomeAbstained = "abstained"
	OutcomeFallback  = "fallback"
)

// QuestionEvent is one answered question. The question's text is kept
// only when it was not answered (Outcome abstained), de-duplicated by Key.
type QuestionEvent struct {
	At        time.Time `json:"at"`
	Chat      string    `json:"chat"`
	User      string    `json:"user,omitempty"`
	Via       string    `json:"via,omitempty"`
	Mode      string    `json:"mode"`
	Outcome   string    `json:"outcome"`
	LatencyMS int64     `json:"latency_ms"`
	Leaders   []string  `json:"leaders,omitempty"`
	Methods   []string  `json:"methods,omitempty"`

	// Question and Key (its normalised form, e.g. Simplified without
	// punctuation) are stored in the unanswered list, not in the event.
	Question string `json:"-"`
	Key      string `json:"-"`
}

// Unanswered is a question the articles did not answer, counted.
type Unanswered struct {
	Question string    `json:"question"` // as first asked
	Count    int       `json:"count"`
	First    time.Time `json:"first"`
	Last     time.Time `json:"last"`
}

// TrainingRecord is one training session that was started.
type TrainingRecord struct {
	At        time.Time `json:"at"`
	Chat      string    `json:"chat"`
	StartedBy string    `json:"started_by,omitempty"`
	Topic     string    `json:"topic,omitempty"`
	Questions int       `json:"questions"`
}

// RecordQuestion appends e to the question log and, for a question that
// was not answered, counts it in the unanswered list; one transaction.
func (s *Store) RecordQuestion(ctx context.Context, e QuestionEvent) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	raw, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("record question: %w", err)
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		if err := appendTx(tx, statsQuestionsBucket, raw); err != nil {
			return err
		}
		if e.Outcome != OutcomeAbstained || strings.TrimSpace(e.Key) == "" {
			return nil
		}
		b, err := tx.CreateBucketIfNotExists([]byte(statsUnansweredBucket))
		if err != nil {
			return err
		}
		u := Unanswered{Question: e.Question, First: e.At}
		if old := b.Get([]byte(e.Key)); old != nil {
			if err := json.Unmarshal(old, &u); err != nil {
				return fmt.Errorf("unanswered %q: %w", e.Key, err)
			}
		}
		u.Count++
		u.Last = e.At
		v, err := json.Marshal(u)
		if err != nil {
			return err
		}
		return b.Put([]byte(e.Key), v)
	})
	if err != nil {
		return fmt.Errorf("record question: %w", err)
	}
	return nil
}

// RecordTraining appends a started training session.
func (s *Store) RecordTraining(ctx context.Context, r TrainingRecord) error {
	if err := s.Append(ctx, statsTrainingBucket, r); err != nil {
		return fmt.Errorf("record training: %w", err)
	}
	return nil
}

func appendTx(tx *bolt.Tx, bucket string, raw []byte) error {
	b, err := tx.CreateBucketIfNotExists([]byte(bucket))
	if err != nil {
		return err
	}
	seq, err := b.NextSequence()
	if err != nil {
		return err
	}
	var k [8]byte
	binary.BigEndian.PutUint64(k[:], seq)
	return b.Put(k[:], raw)
}

// StatsOptions selects what Stats reports.
type StatsOptions struct {
	// Since drops what happened before it (zero: everything).
	Since time.Time
	// Top bounds each list (default 20; negative: no bound).
	Top int
	// Location gives the days (default time.Local).
	Location *time.Location
}

// Report is what the admins read: usage per day, outcomes, feedback, gaps.
type Report struct {
	Since     time.Time `json:"since,omitzero"`
	Questions int       `json:"questions"`
	Answered  int       `json:"answered"`
	Abstained int       `json:"abstained"`
	Fallback  int       `json:"fallback"`
	Users     int       `json:"users"`
	Chats     int       `json:"chats"`
	Days      []Day     `json:"days"`

	Unanswered []Unanswered `json:"unanswered"` // most asked first
	Upvotes    int          `json:"upvotes"`
	Downvotes  int          `json:"downvotes"`
	Downvoted  []Downvote   `json:"downvoted"` // latest first

	Methods []Count `json:"methods"` // most asked first
	Leaders []Count `json:"leaders"`

	TrainingSessions int              `json:"training_sessions"`
	Training         []TrainingRecord `json:"training"` // latest first
}

// Day is one day's questions.
type Day struct {
	Day       string `json:"day"` // YYYY-MM-DD
	Questions int    `json:"questions"`
	Answered  int    `json:"answered"`
	Abstained int    `json:"abstained"`
	Fallback  int    `json:"fallback"`
	Users     int    `json:"users"`
	Chats     int    `json:"chats"`
}

// Downvote is a 👎 press with the question and the answer it was about.
type Downvote struct {
	At       time.Time `json:"at"`
	Chat     int64     `json:"chat_id"`
	User     int64     `json:"user_id"`
	Question string    `json:"question"`
	Answer   string    `json:"answer,omitempty"` // absent in feedback recorded before it was kept
	Mode     string    `json:"mode,omitempty"`
	ChunkIDs []string  `json:"chunk_ids,omitempty"`
}

// Count is a name and how often it was asked about.
type Count struct {
	Name string `json:"name"`
	N    int    `json:"n"`
}

// feedbackRecord is the part of bot.Feedback that Stats reads.
type feedbackRecord struct {
	At       time.Time `json:"at"`
	ChatID   int64     `json:"chat_id"`
	UserID   int64     `json:"user_id"`
	Key      string    `json:"key"`
	Vote     string    `json:"vote"`
	Question string    `json:"question"`
	Answer   string    `json:"answer"`
	Mode     string    `json:"mode"`
	ChunkIDs []string  `json:"chunk_ids"`
}

// Stats reads the question log, the unanswered list, the feedback and the
// training log into a Report.
func (s *Store) Stats(ctx context.Context, opt StatsOptions) (*Report, error) {
	if opt.Top == 0 {
		opt.Top = 20
	}
	loc := opt.Location
	if loc == nil {
		loc = time.Local
	}
	rep := &Report{Since: opt.Since}
	users, chats := map[string]bool{}, map[string]bool{}
	type dayAcc struct {
		d            Day
		users, chats map[string]bool
	}
	days := map[string]*dayAcc{}
	methods, leaders := map[string]int{}, map[string]int{}
	err := s.Each(ctx, statsQuestionsBucket, func(_ []byte, raw json.RawMessage) error {
		var e QuestionEvent
		if err := json.Unmarshal(raw, &e); err != nil {
			return fmt.Errorf("question event: %w", err)
		}
		if e.At.Before(opt.Since) {
			return nil
		}
		key := e.At.In(loc).Format(time.DateOnly)
		d := days[key]
		if d == nil {
			d = &dayAcc{d: Day{Day: key}, users: map[string]bool{}, chats: map[string]bool{}}
			days[key] = d
		}
		rep.Questions++
		d.d.Questions++
		switch e.Outcome {
		case OutcomeAnswered:
			rep.Answered++
			d.d.Answered++
		case OutcomeAbstained:
			rep.Abstained++
			d.d.Abstained++
		case OutcomeFallback:
			rep.Fallback++
			d.d.Fallback++
		}
		if e.User != "" {
			users[e.User] = true
			d.users[e.User] = true
		}
		chats[e.Chat] = true
		d.chats[e.Chat] = true
		for _, m := range e.Methods {
			methods[m]++
		}
		for _, l := range e.Leaders {
			leaders[l]++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	rep.Users, rep.Chats = len(users), len(chats)
	for _, d := range days {
		d.d.Users, d.d.Chats = len(d.users), len(d.chats)
		rep.Days = append(rep.Days, d.d)
	}
	slices.SortFunc(rep.Days, func(a, b Day) int { return strings.Compare(a.Day, b.Day) })
	rep.Methods = topCounts(methods, opt.Top)
	rep.Leaders = topCounts(leaders, opt.Top)

	err = s.Each(ctx, statsUnansweredBucket, func(_ []byte, raw json.RawMessage) error {
		var u Unanswered
		if err := json.Unmarshal(raw, &u); err != nil {
			return fmt.Errorf("unanswered: %w", err)
		}
		if !u.Last.Before(opt.Since) {
			rep.Unanswered = append(rep.Unanswered, u)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(rep.Unanswered, func(a, b Unanswered) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return b.Last.Compare(a.Last)
	})
	rep.Unanswered = limit(rep.Unanswered, opt.Top)

	// A user may change a vote: the last press per answer and user counts.
	type voteKey struct {
		key  string
		user int64
	}
	last := map[voteKey]feedbackRecord{}
	var order []voteKey
	err = s.Each(ctx, feedbackBucket, func(_ []byte, raw json.RawMessage) error {
		var f feedbackRecord
		if err := json.Unmarshal(raw, &f); err != nil {
			return fmt.Errorf("feedback: %w", err)
		}
		if f.At.Before(opt.Since) {
			return nil
		}
		k := voteKey{f.Key, f.UserID}
		if _, seen := last[k]; !seen || f.Key == "" {
			order = append(order, k)
		}
		last[k] = f
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i := len(order) - 1; i >= 0; i-- {
		f := last[order[i]]
		switch f.Vote {
		case "up":
			rep.Upvotes++
		case "down":
			rep.Downvotes++
			rep.Downvoted = append(rep.Downvoted, Downvote{At: f.At, Chat: f.ChatID, User: f.UserID, Question: f.Question, Answer: f.Answer, Mode: f.Mode, ChunkIDs: f.ChunkIDs})
		}
	}
	rep.Downvoted = limit(rep.Downvoted, opt.Top)

	err = s.Each(ctx, statsTrainingBucket, func(_ []byte, raw json.RawMessage) error {
		var r TrainingRecord
		if err := json.Unmarshal(raw, &r); err != nil {
			return fmt.Errorf("training record: %w", err)
		}
		if !r.At.Before(opt.Since) {
			rep.TrainingSessions++
			rep.Training = append(rep.Training, r)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.Reverse(rep.Training)
	rep.Training = limit(rep.Training, opt.Top)
	return rep, nil
}

func topCounts(m map[string]int, top int) []Count {
	out := make([]Count, 0, len(m))
	for k, n := range m {
		out = append(out, Count{k, n})
	}
	slices.SortFunc(out, func(a, b Count) int {
		if a.N != b.N {
			return b.N - a.N
		}
		return strings.Compare(a.Name, b.Name)
	})
	return limit(out, top)
}

func limit[T any](s []T, top int) []T {
	if top >= 0 && len(s) > top {
		return s[:top]
	}
	return s
}
