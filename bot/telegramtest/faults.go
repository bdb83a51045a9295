package telegramtest

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Faults beyond flood control: server errors, poison updates, forged
// button presses and non-text messages, as an unlucky operator or a
// hostile user meets them.

// serverFault makes a share of a method's calls fail with a 5xx.
type serverFault struct {
	next     int     // the next calls that fail, before the share applies
	fraction float64 // then each call fails with this probability
	code     int
	rng      *rand.Rand
}

// FailNextStatus makes the next k calls of method fail with HTTP status
// code (500, 502, 503, 504), as Telegram or a proxy in front of it does.
func (s *Server) FailNextStatus(method string, k, code int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.faultLocked(method)
	f.next, f.code = k, code
}

// FailShare makes each call of method fail with status code with
// probability fraction (deterministic for a seed).
func (s *Server) FailShare(method string, fraction float64, code int, seed uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.faultLocked(method)
	f.fraction, f.code, f.rng = fraction, code, rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
}

func (s *Server) faultLocked(method string) *serverFault {
	if s.faults == nil {
		s.faults = map[string]*serverFault{}
	}
	m := strings.ToLower(method)
	if s.faults[m] == nil {
		s.faults[m] = &serverFault{}
	}
	return s.faults[m]
}

// takeServerFault reports an injected 5xx for this call of method.
func (s *Server) takeServerFault(method string) *apiError {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.faults[method]
	if f == nil {
		return nil
	}
	fail := false
	switch {
	case f.next > 0:
		f.next--
		fail = true
	case f.rng != nil && f.fraction > 0:
		fail = f.rng.Float64() < f.fraction
	}
	if !fail {
		return nil
	}
	return &apiError{code: f.code, desc: http.StatusText(f.code), injected: true}
}

// SendSticker simulates a user sending a sticker (a message with no text).
func (s *Server) SendSticker(chat Chat, from User) (int64, error) {
	s.AddChat(chat)
	s.mu.Lock()
	cs := s.chats[chat.ID]
	s.users[from.ID] = from
	m := s.newMessageLocked(cs, &from, 0, time.Now())
	msg := m.msg
	s.mu.Unlock()
	raw, err := json.Marshal(msg)
	if err != nil {
		return 0, err
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		return 0, err
	}
	obj["sticker"] = json.RawMessage(`{"file_id":"CAACAgIAAxkBAAEfake","file_unique_id":"AgADfake","type":"regular","width":512,"height":512,"is_animated":false,"is_video":false,"emoji":"👍"}`)
	body, err := json.Marshal(map[string]any{"message": obj})
	if err != nil {
		return 0, err
	}
	return s.PushRaw(string(body))
}

// PressForged simulates a modified client pressing a bot message with
// callback data of its choosing, which Telegram relays as it is: the data
// need not be one of the message's buttons. It returns the query id.
func (s *Server) PressForged(chat Chat, from User, messageID int, data string) (string, error) {
	s.mu.Lock()
	cs := s.chats[chat.ID]
	if cs == nil || cs.messages[messageID] == nil || !cs.messages[messageID].fromBot {
		s.mu.Unlock()
		return "", fmt.Errorf("telegramtest: no bot message %d in chat %d", messageID, chat.ID)
	}
	msg := cs.messages[messageID].msg
	s.nextQuery++
	id := fmt.Sprintf("cq%d", s.nextQuery)
	s.openQueries[id] = true
	s.mu.Unlock()
	_, err := s.Push(Update{CallbackQuery: &CallbackQuery{ID: id, From: from, Message: &msg, ChatInstance: strconv.FormatInt(chat.ID, 10), Data: data}})
	return id, err
}

// CallbackAnswer returns the answer to query id, if it was answered.
func (s *Server) CallbackAnswer(id string) (CallbackAnswer, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, a := range s.cbAnswers {
		if a.QueryID == id {
			return a, true
		}
	}
	return CallbackAnswer{}, false
}
