package telegramtest

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// A document travels as on Telegram: the update carries its file_id,
// getFile gives a path, the bytes come from /file/bot<token>/<path>.
func TestDocumentGetFileDownload(t *testing.T) {
	s := New(t, Options{})
	got := make(chan *models.Message, 1)
	b := newClient(t, s, tgbot.WithDefaultHandler(func(_ context.Context, _ *tgbot.Bot, u *models.Update) {
		if u.Message != nil {
			got <- u.Message
		}
	}))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go b.Start(ctx)

	user := User{ID: 7, FirstName: "管理员"}
	data := []byte("%PDF-1.7 not really")
	if _, err := s.SendDocument(s.PrivateChat(user), user, "报道.pdf", data, WithCaption("/add")); err != nil {
		t.Fatal(err)
	}
	var m *models.Message
	select {
	case m = <-got:
	case <-time.After(5 * time.Second):
		t.Fatal("no update")
	}
	d := m.Document
	if d == nil || d.FileName != "报道.pdf" || d.MimeType != "application/pdf" || d.FileSize != int64(len(data)) || m.Caption != "/add" || len(m.CaptionEntities) != 1 {
		t.Fatalf("message %+v document %+v", m, d)
	}
	f, err := b.GetFile(ctx, &tgbot.GetFileParams{FileID: d.FileID})
	if err != nil || f.FilePath == "" || f.FileSize != int64(len(data)) {
		t.Fatalf("getFile: %+v %v", f, err)
	}
	resp, err := http.Get(b.FileDownloadLink(f))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !bytes.Equal(body, data) {
		t.Fatalf("download: %d %q", resp.StatusCode, body)
	}

	// Refusals, worded as Telegram words them.
	if _, err := b.GetFile(ctx, &tgbot.GetFileParams{FileID: "nope"}); !errors.Is(err, tgbot.ErrorBadRequest) || !strings.Contains(err.Error(), "invalid file_id") {
		t.Errorf("unknown id: %v", err)
	}
	big, err := s.SendDocument(s.PrivateChat(user), user, "大.pdf", []byte("x"), WithDeclaredSize(MaxDownloadSize+1))
	if err != nil {
		t.Fatal(err)
	}
	<-got
	if _, err := b.GetFile(ctx, &tgbot.GetFileParams{FileID: big.Document.FileID}); !errors.Is(err, tgbot.ErrorBadRequest) || !strings.Contains(err.Error(), "file is too big") {
		t.Errorf("21 MB: %v", err)
	}
	for _, u := range []string{
		s.URL() + "/file/bot" + s.Token() + "/documents/missing.pdf",
		s.URL() + "/file/bot1:wrong/" + f.FilePath,
	} {
		resp, err := http.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 404 {
			t.Errorf("%s: %d, want 404", u, resp.StatusCode)
		}
	}
	if ds := s.Downloads(); len(ds) != 3 || ds[0].Status != 200 || ds[0].Bytes != len(data) {
		t.Errorf("downloads %+v", ds)
	}
}
