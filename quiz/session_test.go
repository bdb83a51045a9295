package quiz

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"
)

func testSession(t *testing.T) *Session {
	t.Helper()
	b := NewBank(realSource(t))
	s, err := b.StartSession("tg:1:0", "s1", "u1", Options{N: 3, Seed: 11}, time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// ask sends the next question and binds it to a poll id.
func ask(t *testing.T, s *Session, pollID string) Question {
	t.Helper()
	q, idx, ok := s.NextQuestion()
	if !ok {
		t.Fatalf("no next question (state %s)", s.State)
	}
	if err := s.BindPoll(pollID, idx); err != nil {
		t.Fatal(err)
	}
	return q
}

func wrong(q Question) int { return (q.Correct + 1) % len(q.Options) }

func TestSessionTwoUsers(t *testing.T) {
	t.Parallel()
	s := testSession(t)
	if s.State != StateRunning || s.Current != -1 || len(s.Questions) != 3 {
		t.Fatalf("new session: %+v", s)
	}
	q0 := ask(t, s, "p0")
	// alice right, bob wrong; bob's second vote does not count.
	if r := s.RecordAnswer("p0", "alice", "Alice", []int{q0.Correct}); !r.Counted || !r.Correct {
		t.Errorf("alice p0: %+v", r)
	}
	if r := s.RecordAnswer("p0", "bob", "Bob", []int{wrong(q0)}); !r.Counted || r.Correct {
		t.Errorf("bob p0: %+v", r)
	}
	if r := s.RecordAnswer("p0", "bob", "Bob", []int{q0.Correct}); r.Counted {
		t.Errorf("bob's repeat answer counted: %+v", r)
	}
	if r := s.RecordAnswer("nope", "bob", "Bob", []int{0}); r.Counted || r.Index != -1 {
		t.Errorf("unknown poll counted: %+v", r)
	}
	if r := s.RecordAnswer("p0", "carol", "Carol", nil); r.Counted {
		t.Errorf("empty answer counted: %+v", r)
	}
	q1 := ask(t, s, "p1")
	// bob answers first this time, both right: tie on score broken by who
	// finished first after q2.
	s.RecordAnswer("p1", "bob", "Bob", []int{q1.Correct})
	q2 := ask(t, s, "p2")
	s.RecordAnswer("p2", "bob", "Bob", []int{q2.Correct})
	s.RecordAnswer("p1", "alice", "Alice", []int{q1.Correct}) // late answer to an earlier poll counts
	s.RecordAnswer("p2", "alice", "Alice", []int{wrong(q2)})
	if _, _, ok := s.NextQuestion(); ok || s.State != StateFinished {
		t.Fatalf("after the last question: state %s", s.State)
	}
	lb := s.Leaderboard()
	if len(lb) != 2 {
		t.Fatalf("leaderboard %+v", lb)
	}
	// alice 2 (q0,q1), bob 2 (q1,q2); bob's last answer came first.
	if lb[0].UserID != "bob" || lb[0].Score != 2 || lb[1].UserID != "alice" || lb[1].Score != 2 {
		t.Errorf("leaderboard = %+v", lb)
	}
	if lb[1].Answered != 3 || lb[0].Answered != 3 {
		t.Errorf("answered counts: %+v", lb)
	}
	// One more right answer puts alice ahead? She already answered all:
	// a repeat must not change anything.
	s.RecordAnswer("p2", "alice", "Alice", []int{q2.Correct})
	if got := s.Leaderboard(); !reflect.DeepEqual(got, lb) {
		t.Errorf("repeat answer changed the leaderboard: %+v", got)
	}
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
	if r := s.RecordAnswer("p2", "dave", "Dave", []int{q2.Correct}); r.Counted {
		t.Error("answer after Stop counted")
	}
	if err := s.Stop(); err == nil {
		t.Error("second Stop succeeded")
	}
	if !CanStart(s) || CanStart(testSession(t)) || !CanStart(nil) {
		t.Error("CanStart wrong")
	}
}

func TestSessionJSONRoundTrip(t *testing.T) {
	t.Parallel()
	s := testSession(t)
	q0 := ask(t, s, "p0")
	s.RecordAnswer("p0", "alice", "Alice", []int{q0.Correct})
	s.RecordAnswer("p0", "bob", "Bob", []int{wrong(q0)})
	raw, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var back Session
	if err := json.Unmarshal(raw, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*s, back) {
		t.Fatalf("round trip changed the session:\n%+v\n%+v", *s, back)
	}
	// The restored session resumes: duplicate ignored, next question works.
	if r := back.RecordAnswer("p0", "alice", "Alice", []int{q0.Correct}); r.Counted {
		t.Error("restored session counted a repeat answer")
	}
	q1 := ask(t, &back, "p1")
	back.RecordAnswer("p1", "bob", "Bob", []int{q1.Correct})
	lb := back.Leaderboard()
	if lb[0].Score != 1 || lb[1].Score != 1 || lb[0].UserID != "alice" {
		t.Errorf("leaderboard after resume = %+v", lb)
	}
	if back.Remaining() != 1 {
		t.Errorf("remaining = %d", back.Remaining())
	}
}

func TestNewSessionNeedsQuestions(t *testing.T) {
	t.Parallel()
	if _, err := NewSession("c", "id", "u", "", nil, time.Now()); err == nil {
		t.Error("session without questions started")
	}
}
