package quiz

import "testing"

// TestOpenPost: a post or poll counts as open while its question's answer
// has not been shown and the session runs; unknown and empty ids never.
func TestOpenPost(t *testing.T) {
	t.Parallel()
	s := testSession(t)
	ask(t, s, "p1")
	if err := s.BindPost("m1", 0); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		post, poll string
		want       bool
	}{{"m1", "", true}, {"", "p1", true}, {"m1", "p1", true}, {"m9", "", false}, {"", "p9", false}, {"", "", false}} {
		if got := s.OpenPost(c.post, c.poll); got != c.want {
			t.Errorf("question 1 up: OpenPost(%q, %q) = %v, want %v", c.post, c.poll, got, c.want)
		}
	}
	s.CloseQuestion(0)
	if s.OpenPost("m1", "p1") {
		t.Error("question 1 still open after its passage was shown")
	}
	ask(t, s, "p2")
	if err := s.BindPost("m2", 1); err != nil {
		t.Fatal(err)
	}
	if !s.OpenPost("m2", "p2") {
		t.Error("question 2 not open while it is up")
	}
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
	if s.OpenPost("m2", "p2") {
		t.Error("question 2 still open after the session stopped")
	}
}
