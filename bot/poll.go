package bot

// Long polling: fetching updates, decoding them one by one (a poison
// update is skipped, not fatal) and handing them to the queue.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/go-telegram/bot/models"
)

// decodeUpdate decodes one update; a bad one is reported with its id.
func decodeUpdate(raw json.RawMessage) (u *models.Update, id int64, err error) {
	var head struct {
		ID int64 `json:"update_id"`
	}
	_ = json.Unmarshal(raw, &head)
	defer func() {
		if r := recover(); r != nil {
			u, err = nil, fmt.Errorf("decoder panicked: %v", r)
		}
	}()
	u = &models.Update{}
	if err := json.Unmarshal(raw, u); err != nil {
		return nil, head.ID, err
	}
	return u, u.ID, nil
}

// accept decodes raw updates into queue items, logging and skipping the
// ones that do not decode. It returns the next offset (0: none seen).
func (b *Bot) accept(raws []json.RawMessage) (items []queued, next int64) {
	for _, raw := range raws {
		u, id, err := decodeUpdate(raw)
		if id > 0 {
			next = max(next, id+1)
		}
		if err != nil {
			b.log.Error("skipping an update that does not decode", "update_id", id, "err", err, "bytes", len(raw))
			b.stats.badUpdates.Add(1)
			continue
		}
		items = append(items, queued{u: u, raw: raw, key: updateConv(u)})
	}
	return items, next
}

// --- long polling -------------------------------------------------------------

type apiReply struct {
	OK          bool            `json:"ok"`
	Result      json.RawMessage `json:"result"`
	ErrorCode   int             `json:"error_code"`
	Description string          `json:"description"`
	Parameters  struct {
		RetryAfter int `json:"retry_after"`
	} `json:"parameters"`
}

// poll fetches updates until ctx ends, feeding the queue.
func (b *Bot) poll(ctx context.Context) error {
	client := b.httpClient
	if client == nil {
		client = &http.Client{}
	}
	var backoff time.Duration
	for ctx.Err() == nil {
		if err := b.queue.waitRoom(ctx); err != nil {
			return nil
		}
		if backoff > 0 {
			if sleepCtx(ctx, backoff) != nil {
				return nil
			}
		}
		b.queue.mu.Lock()
		offset := b.queue.offset
		b.queue.mu.Unlock()
		raws, wait, err := b.getUpdates(ctx, client, offset)
		if ctx.Err() != nil {
			return nil
		}
		if errors.Is(err, ErrUnauthorized) {
			return err
		}
		if err != nil {
			backoff = max(wait, min(max(2*backoff, 100*time.Millisecond), 5*time.Second))
			b.log.Warn("telegram getUpdates", "err", redact(err, b.cfg.Token), "retry_in", backoff)
			continue
		}
		backoff = 0
		items, next := b.accept(raws)
		b.queue.mu.Lock()
		if next > b.queue.offset {
			b.queue.offset = next
		}
		b.queue.mu.Unlock()
		if len(items) > 0 {
			b.queue.push(items...)
		}
	}
	return nil
}

// getUpdates is one long poll; wait is Telegram's retry_after on 429.
func (b *Bot) getUpdates(ctx context.Context, client *http.Client, offset int64) ([]json.RawMessage, time.Duration, error) {
	params := map[string]any{"timeout": pollTimeout, "allowed_updates": allowedUpdates()}
	if offset > 0 {
		params["offset"] = offset
	}
	body, _ := json.Marshal(params)
	rctx, cancel := context.WithTimeout(ctx, (pollTimeout+20)*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodPost, strings.TrimRight(b.cfg.APIURL, "/")+"/bot"+b.cfg.Token+"/getUpdates", bytes.NewReader(body))
	if err != nil {
		return nil, 0, redact(fmt.Errorf("getUpdates: %w", err), b.cfg.Token)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return nil, 0, redact(fmt.Errorf("getUpdates: %w", err), b.cfg.Token)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return nil, 0, fmt.Errorf("getUpdates: read: %w", err)
	}
	var r apiReply
	if err := json.Unmarshal(data, &r); err != nil {
		// A proxy's HTML error page: say what it was, not what it said
		// (it may repeat the path with the token).
		return nil, 0, fmt.Errorf("getUpdates: HTTP %d, not a Bot API reply (%d bytes)", resp.StatusCode, len(data))
	}
	if !r.OK {
		wait := time.Duration(r.Parameters.RetryAfter) * b.retryUnit
		if r.ErrorCode == http.StatusUnauthorized {
			return nil, 0, ErrUnauthorized
		}
		return nil, wait, fmt.Errorf("getUpdates: %d %s", r.ErrorCode, r.Description)
	}
	var raws []json.RawMessage
	if err := json.Unmarshal(r.Result, &raws); err != nil {
		return nil, 0, fmt.Errorf("getUpdates: result is not a list: %w", err)
	}
	return raws, 0, nil
}

func allowedUpdates() []string {
	return []string{models.AllowedUpdateMessage, models.AllowedUpdateCallbackQuery, models.AllowedUpdatePollAnswer}
}

// --- shutdown and restart --------------------------------------------------------
