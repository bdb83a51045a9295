package main

import (
	"bangyang/zh"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"bangyang/bot"
	"bangyang/catalog"
	"bangyang/core"
	"bangyang/quiz"
)

// liveService is the answering core serve hands to the bot. When the
// corpus folders change it is replaced whole (answers, catalog, quizzes,
// coverage) by one built from the new corpus, while the old one finishes
// what it is answering: a question is always answered by one consistent
// version. Conversations, sessions and statistics live in the store and
// are shared by both.
type liveService struct {
	cur     atomic.Pointer[core.Service]
	in      atomic.Pointer[indexed]
	uploads string // the folder of articles added from the chat
}

// The bot switches features on by these interfaces: a method added to one
// of them must be forwarded here, or the build fails (never a silent loss).
var (
	_ bot.Service        = (*liveService)(nil)
	_ bot.CatalogService = (*liveService)(nil)
	_ bot.Trainer        = liveTrainer{}
)

func newLiveService(svc *core.Service, in *indexed) *liveService {
	l := &liveService{}
	l.cur.Store(svc)
	l.in.Store(in)
	return l
}

func (l *liveService) s() *core.Service { return l.cur.Load() }

func (l *liveService) Answer(ctx context.Context, req core.Request, onText func(string)) (*core.Answer, error) {
	return l.s().Answer(ctx, req, onText)
}
func (l *liveService) Reset(ctx context.Context, chat string) error { return l.s().Reset(ctx, chat) }
func (l *liveService) LastSources(ctx context.Context, chat string) ([]core.Citation, error) {
	return l.s().LastSources(ctx, chat)
}
func (l *liveService) Methods() []catalog.LeaderMethods { return l.s().Methods() }
func (l *liveService) Leaders() []catalog.Leader        { return l.s().Leaders() }
func (l *liveService) MethodSummary(ctx context.Context, chat, name string, script zh.Script) (*core.Answer, error) {
	return l.s().MethodSummary(ctx, chat, name, script)
}
func (l *liveService) LeaderProfile(ctx context.Context, chat, name string, script zh.Script) (*core.Answer, error) {
	return l.s().LeaderProfile(ctx, chat, name, script)
}

// Trainer is the training API of whichever core is current: a session
// started before a corpus reload goes on over the new material (sessions
// and records are in the store, shared by both).
func (l *liveService) Trainer() bot.Trainer { return liveTrainer{l} }

type liveTrainer struct{ l *liveService }

func (t liveTrainer) tr() *core.Trainer { return t.l.s().Trainer() }

func (t liveTrainer) Start(ctx context.Context, req core.StartRequest) (*quiz.Session, error) {
	return t.tr().Start(ctx, req)
}

func (t liveTrainer) Next(ctx context.Context, chat string) (q quiz.Question, index int, ok bool, err error) {
	return t.tr().Next(ctx, chat)
}

func (t liveTrainer) BindPoll(ctx context.Context, pb core.PollBinding) error {
	return t.tr().BindPoll(ctx, pb)
}

func (t liveTrainer) CloseQuestion(ctx context.Context, chat string, index int) (quiz.Stats, error) {
	return t.tr().CloseQuestion(ctx, chat, index)
}

func (t liveTrainer) RecordAnswer(ctx context.Context, v core.Vote) (chat string, res quiz.AnswerResult, err error) {
	return t.tr().RecordAnswer(ctx, v)
}

func (t liveTrainer) Score(ctx context.Context, chat string) (*quiz.Session, []quiz.Player, error) {
	return t.tr().Score(ctx, chat)
}

func (t liveTrainer) Stop(ctx context.Context, chat string) (*quiz.Session, []quiz.Player, error) {
	return t.tr().Stop(ctx, chat)
}

func (t liveTrainer) Resume(ctx context.Context) ([]*quiz.Session, error) {
	return t.tr().Resume(ctx)
}

func (t liveTrainer) Discussion(ctx context.Context, chat, postID, pollID string) bool {
	return t.tr().Discussion(ctx, chat, postID, pollID)
}

func (t liveTrainer) StartCase(ctx context.Context, req core.CaseRequest) (quiz.Case, error) {
	return t.tr().StartCase(ctx, req)
}

func (t liveTrainer) CasePosted(ctx context.Context, chat, postID string) error {
	return t.tr().CasePosted(ctx, chat, postID)
}

func (t liveTrainer) RevealCase(ctx context.Context, chat string) (c quiz.Case, ok bool, err error) {
	return t.tr().RevealCase(ctx, chat)
}

func (t liveTrainer) PendingCases(ctx context.Context) ([]core.PendingCase, error) {
	return t.tr().PendingCases(ctx)
}

func (t liveTrainer) Board(ctx context.Context, chat string, since time.Time) ([]core.Standing, error) {
	return t.tr().Board(ctx, chat, since)
}

func (t liveTrainer) MemberRecord(ctx context.Context, chat, userID string) (st core.Standing, rank, sessions int, found bool, err error) {
	return t.tr().MemberRecord(ctx, chat, userID)
}

func (t liveTrainer) SetDaily(ctx context.Context, p core.DailyPlan, now time.Time) (core.DailyPlan, error) {
	return t.tr().SetDaily(ctx, p, now)
}

func (t liveTrainer) StopDaily(ctx context.Context, chat string) (bool, error) {
	return t.tr().StopDaily(ctx, chat)
}

func (t liveTrainer) TakeDueDaily(ctx context.Context, now time.Time) ([]core.DailyPlan, error) {
	return t.tr().TakeDueDaily(ctx, now)
}

// corpusFingerprint summarises the operator folders' files (path, size,
// modification time): it changes when a file is added, removed or edited.
func corpusFingerprint(dirs []string) string {
	h := sha256.New()
	for _, d := range dirs {
		_ = filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				fmt.Fprintf(h, "%s\x00error\x00", p)
				return nil
			}
			if p != d && strings.HasPrefix(e.Name(), ".") {
				if e.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if e.Type().IsRegular() {
				if info, err := e.Info(); err == nil {
					fmt.Fprintf(h, "%s\x00%d\x00%d\x00", p, info.Size(), info.ModTime().UnixNano())
				}
			}
			return nil
		})
	}
	return string(h.Sum(nil))
}

// watchCorpus reloads the corpus when the corpus folders change (a
// change must hold still for one interval, so a file being copied is not
// read half-written), and swaps the new answering core in. A failed
// reload keeps the running one and is logged. A request on reloads (an
// article added or removed from the chat) reloads at once and gets the
// outcome back; reloads are serialised here, one at a time.
func (a *app) watchCorpus(ctx context.Context, rt *running, live *liveService, every time.Duration, reloads <-chan chan<- error) {
	seen := corpusFingerprint(a.allCorpusDirs())
	pending := ""
	var tick <-chan time.Time
	if every > 0 {
		t := time.NewTicker(every)
		defer t.Stop()
		tick = t.C
	}
	for {
		var asked chan<- error
		select {
		case <-ctx.Done():
			return
		case asked = <-reloads:
		case <-tick:
		}
		fp := corpusFingerprint(a.allCorpusDirs())
		if asked == nil {
			switch {
			case fp == seen:
				pending = ""
				continue
			case fp != pending:
				pending = fp // changed: wait until it holds still
				continue
			}
		}
		start := time.Now()
		svc, in, err := a.rebuild(ctx, rt)
		if err != nil {
			if ctx.Err() == nil {
				a.log.Error("corpus changed but could not be reloaded; still serving the previous articles", "err", err)
			}
			seen, pending = fp, "" // do not retry a broken file every tick
			if asked != nil {
				asked <- err
			}
			continue
		}
		live.cur.Store(svc)
		live.in.Store(in)
		seen, pending = fp, ""
		a.log.Info("corpus reloaded", "articles", len(in.articles), "chunks", len(in.chunks),
			"added", in.report.Added, "removed", in.report.Removed, "embedded", in.report.Embedded, "took", time.Since(start))
		if asked != nil {
			asked <- nil
		}
	}
}

// errStopping: the server is shutting down and reloads no more.
var errStopping = errors.New("the server is shutting down")

// reloadNow asks the watcher for a reload and waits until it is served;
// stopped is closed when the watcher has ended.
func reloadNow(reloads chan<- chan<- error, stopped <-chan struct{}) func(context.Context) error {
	return func(ctx context.Context) error {
		done := make(chan error, 1)
		select {
		case reloads <- done:
		case <-ctx.Done():
			return ctx.Err()
		case <-stopped:
			return errStopping
		}
		select {
		case err := <-done:
			return err
		case <-ctx.Done():
			return ctx.Err()
		case <-stopped:
			return errStopping
		}
	}
}

// rebuild loads the corpus and index again and builds an answering core
// with the running one's store, model and observers.
func (a *app) rebuild(ctx context.Context, rt *running) (*core.Service, *indexed, error) {
	in, err := a.index(ctx, false)
	if err != nil {
		return nil, nil, err
	}
	opts := rt.opts
	opts.Search = in.index
	opts.Articles = metas(in.articles)
	opts.Catalog = in.catalog
	opts.Chunks = in.chunks
	svc, err := core.New(opts)
	if err != nil {
		return nil, nil, err
	}
	return svc, in, nil
}

// articles is /articles for admins: what the running bot serves, with
// the 编号 of articles added from the chat.
func (l *liveService) articles(context.Context) (string, error) {
	return renderArticles(l.in.Load(), l.uploads), nil
}

// renderArticles lists the served articles with their passage counts;
// titles and names are shown as written.
func renderArticles(in *indexed, uploads string) string {
	per := map[string]int{}
	for _, c := range in.chunks {
		per[c.ArticleID]++
	}
	var b strings.Builder
	fmt.Fprintf(&b, "资料共 %d 篇，%d 段：", len(in.articles), len(in.chunks))
	head := b.String()
	b.Reset()
	for i, art := range in.articles {
		title := art.Title
		if title == "" {
			title = art.ID
		}
		fmt.Fprintf(&b, "\n%d. %s", i+1, title)
		if art.Leader != "" {
			fmt.Fprintf(&b, " — %s", art.Leader)
		}
		fmt.Fprintf(&b, " · %d 段 · %s", per[art.ID], filepath.Base(strings.TrimPrefix(art.Origin, "embedded:")))
		if uploads != "" && filepath.Dir(art.Origin) == uploads {
			fmt.Fprintf(&b, " · 编号 %s（/remove 可删除）", art.ID)
		}
	}
	return head + "\n" + b.String()
}
