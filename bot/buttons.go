package bot

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"log/slog"
	"slices"
	"sync"
	"time"

	"github.com/go-telegram/bot/models"

	"bangyang/core"
	"bangyang/zh"
)

// Button keys. An answer's 查看原文 and 👍/👎 buttons carry a key, not the
// content (callback_data is 64 bytes at most). Keys are 72 random bits
// (crypto/rand), so they cannot be guessed, and each is bound to the chat
// and the message its buttons were sent with: a press of a key from
// anywhere else is refused. With a KV (WithStore) keys are kept across
// restarts, so the buttons of answers sent before one still work.

// answerStore maps button keys to answers: the newest in memory, all in
// the KV (bucket tg_buttons) when there is one.
type answerStore struct {
	kv  KV
	log *slog.Logger
	now func() time.Time

	mu    sync.Mutex
	max   int
	items map[string]*buttonRecord
	order []string
}

type storedAnswer struct {
	Question  string          `json:"question"`
	Text      string          `json:"text,omitempty"` // the answer as shown, for the 👎 review
	Citations []core.Citation `json:"citations,omitempty"`
	Mode      string          `json:"mode,omitempty"`
	Grounded  bool            `json:"grounded,omitempty"`
	Script    zh.Script       `json:"script,omitempty"`
	ChatID    int64           `json:"chat_id"`
}

// buttonRecord is what a key stands for, and where its buttons are.
type buttonRecord struct {
	Chat    int64        `json:"chat"`
	Msg     int          `json:"msg,omitempty"` // 0 until the message is sent
	Created time.Time    `json:"created"`
	Answer  storedAnswer `json:"answer"`
}

const keyBytes = 9 // 12 characters of base64url

func newButtonKey() string {
	var b [keyBytes]byte
	_, _ = rand.Read(b[:]) // never fails (crypto/rand)
	return base64.RawURLEncoding.EncodeToString(b[:])
}

func validButtonKey(k string) bool {
	if len(k) != base64.RawURLEncoding.EncodedLen(keyBytes) {
		return false
	}
	_, err := base64.RawURLEncoding.DecodeString(k)
	return err == nil
}

func newAnswerStore(max int, kv KV, log *slog.Logger, now func() time.Time) *answerStore {
	return &answerStore{max: max, kv: kv, log: log, now: now, items: map[string]*buttonRecord{}}
}

// put files an answer under a new key for its chat (a.ChatID); bind then
// ties the key to the message that carries the buttons.
func (s *answerStore) put(a *storedAnswer) string {
	key := newButtonKey()
	s.remember(key, &buttonRecord{Chat: a.ChatID, Created: s.now(), Answer: *a})
	return key
}

func (s *answerStore) remember(key string, rec *buttonRecord) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.items[key]; !ok {
		s.order = append(s.order, key)
	}
	s.items[key] = rec
	if len(s.order) > s.max {
		delete(s.items, s.order[0])
		s.order = slices.Delete(s.order, 0, 1)
	}
}

// bind records the message carrying key's buttons and saves the key.
func (s *answerStore) bind(ctx context.Context, key string, msgID int) {
	s.mu.Lock()
	rec := s.items[key]
	if rec == nil {
		s.mu.Unlock()
		return
	}
	cp := *rec
	cp.Msg = msgID
	s.items[key] = &cp
	s.mu.Unlock()
	if s.kv == nil {
		return
	}
	if err := s.kv.Put(context.WithoutCancel(ctx), bucketButtons, key, cp); err != nil {
		s.log.Error("save button key; its buttons will not work after a restart", "err", err)
	}
}

// lookup finds key's record, in memory first.
func (s *answerStore) lookup(ctx context.Context, key string) (*buttonRecord, bool) {
	if !validButtonKey(key) {
		return nil, false
	}
	s.mu.Lock()
	rec := s.items[key]
	s.mu.Unlock()
	if rec != nil {
		return rec, true
	}
	if s.kv == nil {
		return nil, false
	}
	var r buttonRecord
	found, err := s.kv.Get(ctx, bucketButtons, key, &r)
	if err != nil {
		s.log.Error("read button key", "err", err)
		return nil, false
	}
	if !found {
		return nil, false
	}
	s.remember(key, &r)
	return &r, true
}

// get returns the answer filed under key (tests and callers without a
// message to check against).
func (s *answerStore) get(key string) (*storedAnswer, bool) {
	rec, ok := s.lookup(context.Background(), key)
	if !ok {
		return nil, false
	}
	a := rec.Answer
	return &a, true
}

// pressedHere reports whether a key's buttons are on the pressed message.
func (rec *buttonRecord) pressedHere(msg *models.Message) bool {
	return msg != nil && rec.Chat == msg.Chat.ID && (rec.Msg == 0 || rec.Msg == msg.ID)
}

// onKeyboard reports whether data is one of the message's buttons: a
// press Telegram relays always is, unless a modified client forged it.
func onKeyboard(msg *models.Message, data string) bool {
	if msg == nil || msg.ReplyMarkup == nil {
		return false
	}
	for _, row := range msg.ReplyMarkup.InlineKeyboard {
		for _, b := range row {
			if b.CallbackData == data {
				return true
			}
		}
	}
	return false
}

// buttonMaxAge is how long a button key is kept; a press after that gets
// the "expired" answer, as before the keys were kept at all.
const buttonMaxAge = 90 * 24 * time.Hour

// kvScanner is a KV that can list a bucket (*store.Store can).
type kvScanner interface {
	Each(ctx context.Context, bucket string, fn func(key []byte, raw json.RawMessage) error) error
}

// pruneButtons deletes keys older than buttonMaxAge from the KV. It runs
// once per start, in the background.
func (s *answerStore) prune(ctx context.Context) (removed int) {
	sc, ok := s.kv.(kvScanner)
	if !ok {
		return 0
	}
	cutoff := s.now().Add(-buttonMaxAge)
	var old []string
	err := sc.Each(ctx, bucketButtons, func(key []byte, raw json.RawMessage) error {
		var rec struct {
			Created time.Time `json:"created"`
		}
		if json.Unmarshal(raw, &rec) != nil || rec.Created.Before(cutoff) {
			old = append(old, string(key))
		}
		return nil
	})
	if err != nil {
		s.log.Warn("list button keys", "err", err)
		return 0
	}
	for _, k := range old {
		if err := s.kv.Delete(ctx, bucketButtons, k); err != nil {
			s.log.Warn("delete an old button key", "err", err)
			return removed
		}
		removed++
	}
	if removed > 0 {
		s.log.Info("removed old button keys", "keys", removed)
	}
	return removed
}
