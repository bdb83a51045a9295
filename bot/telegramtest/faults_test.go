package telegramtest

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	tgbot "github.com/go-telegram/bot"
)

func TestServerErrorsInjected(t *testing.T) {
	s := New(t, Options{})
	b := newClient(t, s)
	ctx := context.Background()
	chat := s.PrivateChat(User{ID: 42, FirstName: "用户"})
	s.FailNextStatus("sendMessage", 2, 502)
	for k := 0; k < 2; k++ {
		_, err := b.SendMessage(ctx, &tgbot.SendMessageParams{ChatID: chat.ID, Text: "你好"})
		if err == nil || !strings.Contains(err.Error(), "502") {
			t.Errorf("call %d: err = %v, want a 502", k, err)
		}
	}
	if _, err := b.SendMessage(ctx, &tgbot.SendMessageParams{ChatID: chat.ID, Text: "你好"}); err != nil {
		t.Errorf("third call: %v", err)
	}
	if n := len(s.BotMessages(chat.ID)); n != 1 {
		t.Errorf("%d messages stored; failed calls must store none", n)
	}
	s.FailShare("sendMessage", 0.5, 503, 1)
	failed := 0
	for k := 0; k < 200; k++ {
		if _, err := b.SendMessage(ctx, &tgbot.SendMessageParams{ChatID: chat.ID, Text: "你好"}); err != nil {
			failed++
		}
	}
	if failed < 60 || failed > 140 {
		t.Errorf("%d of 200 failed with a 50%% share", failed)
	}
	injected := 0
	for _, c := range s.Calls("sendmessage") {
		if c.Injected && c.ErrorCode >= 500 {
			injected++
		}
	}
	if injected != failed+2 {
		t.Errorf("%d calls recorded as injected, %d failed", injected, failed+2)
	}
}

func TestStickerAndForgedPress(t *testing.T) {
	s := New(t, Options{})
	b := newClient(t, s)
	ctx := context.Background()
	user := User{ID: 42, FirstName: "用户"}
	chat := s.PrivateChat(user)
	if _, err := s.SendSticker(chat, user); err != nil {
		t.Fatal(err)
	}
	m, err := b.SendMessage(ctx, &tgbot.SendMessageParams{ChatID: chat.ID, Text: "按钮"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PressButton(chat, user, m.ID, "x:1"); err == nil {
		t.Error("PressButton accepted data that is no button")
	}
	id, err := s.PressForged(chat, user, m.ID, "x:1")
	if err != nil {
		t.Fatal(err)
	}
	res, aerr := s.getUpdates(ctx, map[string]string{"timeout": "0"})
	if aerr != nil {
		t.Fatal(aerr.desc)
	}
	raws := res.([]json.RawMessage)
	if len(raws) != 2 {
		t.Fatalf("%d updates", len(raws))
	}
	var sticker struct {
		Message struct {
			Text    string          `json:"text"`
			Sticker json.RawMessage `json:"sticker"`
		} `json:"message"`
	}
	if err := json.Unmarshal(raws[0], &sticker); err != nil || sticker.Message.Text != "" || len(sticker.Message.Sticker) == 0 {
		t.Errorf("sticker update = %s (%v)", raws[0], err)
	}
	var press struct {
		CallbackQuery struct {
			ID   string `json:"id"`
			Data string `json:"data"`
		} `json:"callback_query"`
	}
	if err := json.Unmarshal(raws[1], &press); err != nil || press.CallbackQuery.ID != id || press.CallbackQuery.Data != "x:1" {
		t.Errorf("forged press update = %s (%v)", raws[1], err)
	}
}
