package core

import (
	"context"
	"fmt"
	"hash/fnv"
	"sort"
	"strconv"
	"strings"
	"time"

	"bangyang/quiz"
	"bangyang/zh"
)

// CaseRequest asks for a discussion case in a chat.
type CaseRequest struct {
	Chat   string
	Topic  string    // a leader, a method or a problem keyword; "" for any
	Script zh.Script // "" → the topic's script
	// RevealAt, when set, is when the transport reveals the case by itself;
	// it is kept with the case so the reveal survives a restart.
	RevealAt time.Time
}

// PendingCase is a case waiting for its reveal.
type PendingCase struct {
	Chat     string
	Case     quiz.Case
	PostID   string
	RevealAt time.Time
}

// caseKey identifies a case across scripts.
func caseKey(c quiz.Case) string {
	h := fnv.New64a()
	h.Write([]byte(zh.ToSimplified(c.Scenario)))
	return c.Citation.ChunkID + "|" + strconv.FormatUint(h.Sum64(), 36)
}

// StartCase picks a discussion case on topic ("" for any) for chat and
// keeps it until RevealCase. It prefers cases the chat has not seen lately
// and never repeats the previous one when there is another. An unknown
// topic wraps quiz.ErrNoMaterial.
func (t *Trainer) StartCase(ctx context.Context, req CaseRequest) (quiz.Case, error) {
	chat := req.Chat
	topic := strings.TrimSpace(req.Topic)
	cases := t.Bank().Cases(topic, normScript(req.Script, topic), 0)
	if len(cases) == 0 {
		return quiz.Case{}, fmt.Errorf("case on %q: %w", topic, quiz.ErrNoMaterial)
	}
	unlock := t.lock(chat)
	defer unlock()
	st := t.store
	state, err := st.LoadCases(ctx, chat)
	if err != nil {
		return quiz.Case{}, fmt.Errorf("start case in %s: %w", chat, err)
	}
	lastShown := make(map[string]int, len(state.Recent))
	for i, k := range state.Recent {
		lastShown[k] = i
	}
	// Best-scored unseen case first; if all were seen, the one seen longest ago.
	best, bestAge := 0, -2
	for i, c := range cases {
		age := len(state.Recent) + 1 // unseen: older than anything seen
		if at, seen := lastShown[caseKey(c)]; seen {
			age = len(state.Recent) - 1 - at
		}
		if age > bestAge {
			best, bestAge = i, age
		}
	}
	c := cases[best]
	key := caseKey(c)
	recent := state.Recent[:0:0]
	for _, k := range state.Recent {
		if k != key {
			recent = append(recent, k)
		}
	}
	recent = append(recent, key)
	if len(recent) > recentCases {
		recent = recent[len(recent)-recentCases:]
	}
	state.Recent, state.Pending = recent, &c
	state.PostID, state.RevealAt = "", req.RevealAt
	if err := st.SaveCases(ctx, chat, state); err != nil {
		return quiz.Case{}, fmt.Errorf("start case in %s: %w", chat, err)
	}
	return c, nil
}

// RevealCase returns chat's pending case, to show how the leader handled
// it, and clears it; ok is false when no case is pending.
func (t *Trainer) RevealCase(ctx context.Context, chat string) (c quiz.Case, ok bool, err error) {
	unlock := t.lock(chat)
	defer unlock()
	st := t.store
	state, err := st.LoadCases(ctx, chat)
	if err != nil {
		return quiz.Case{}, false, fmt.Errorf("reveal case in %s: %w", chat, err)
	}
	if state.Pending == nil {
		return quiz.Case{}, false, nil
	}
	c = *state.Pending
	state.Pending, state.PostID, state.RevealAt = nil, "", time.Time{}
	if err := st.SaveCases(ctx, chat, state); err != nil {
		return quiz.Case{}, false, fmt.Errorf("reveal case in %s: %w", chat, err)
	}
	return c, true, nil
}

// CasePosted records the transport's id of the message showing chat's
// pending case, so replies to it are recognised as discussion.
func (t *Trainer) CasePosted(ctx context.Context, chat, postID string) error {
	unlock := t.lock(chat)
	defer unlock()
	state, err := t.store.LoadCases(ctx, chat)
	if err != nil {
		return fmt.Errorf("case posted in %s: %w", chat, err)
	}
	if state.Pending == nil {
		return nil
	}
	state.PostID = postID
	if err := t.store.SaveCases(ctx, chat, state); err != nil {
		return fmt.Errorf("case posted in %s: %w", chat, err)
	}
	return nil
}

// PendingCases lists the cases waiting for a reveal in every chat, the
// earliest automatic reveal first (cases revealed only on request last).
func (t *Trainer) PendingCases(ctx context.Context) ([]PendingCase, error) {
	all, err := t.store.CaseStates(ctx)
	if err != nil {
		return nil, fmt.Errorf("pending cases: %w", err)
	}
	var out []PendingCase
	for chat, st := range all {
		if st.Pending != nil {
			out = append(out, PendingCase{Chat: chat, Case: *st.Pending, PostID: st.PostID, RevealAt: st.RevealAt})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i].RevealAt, out[j].RevealAt
		if a.IsZero() != b.IsZero() {
			return b.IsZero()
		}
		if !a.Equal(b) {
			return a.Before(b)
		}
		return out[i].Chat < out[j].Chat
	})
	return out, nil
}

// Discussion reports whether a message replying to the transport's post
// postID (a poll pollID, if it is one) replies to something under
// discussion in chat: the pending case, or a training question whose answer
// is not out yet. Such replies must not be answered from the articles.
func (t *Trainer) Discussion(ctx context.Context, chat, postID, pollID string) bool {
	if postID == "" && pollID == "" {
		return false
	}
	if st, err := t.store.LoadCases(ctx, chat); err == nil && st.Pending != nil && postID != "" && st.PostID == postID {
		return true
	}
	sess, err := t.store.LoadSession(ctx, chat)
	if err != nil || sess == nil {
		return false
	}
	return sess.OpenPost(postID, pollID)
}
