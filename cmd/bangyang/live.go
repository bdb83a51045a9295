package main

import (
	"context"
	"crypto/sha256"
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
	"bangyang/zh"
)

// liveService is the answering core serve hands to the bot. When the
// corpus folders change it is replaced whole (answers, catalog, quizzes,
// coverage) by one built from the new corpus, while the old one finishes
// what it is answering: a question is always answered by one consistent
// version. Conversations, sessions and statistics live in the store and
// are shared by both.
type liveService struct {
	cur atomic.Pointer[core.Service]
	in  atomic.Pointer[indexed]
}

// The bot switches features on by these interfaces: a method added to one
// of them must be forwarded here, or the build fails (never a silent loss).
var (
	_ bot.Service        = (*liveService)(nil)
	_ bot.CatalogService = (*liveService)(nil)
	_ bot.Trainer        = (*liveService)(nil)
)

func newLiveService(svc *core.Service, in *indexed) *liveService {
	l := &liveService{}
	l.cur.Store(svc)
	l.in.Store(in)
	return l
}

func (l *liveService) s() *core.Service { return l.cur.Load() }

func (l *liveService) AskStream(ctx context.Context, chat, question string, onText func(string)) (*core.Answer, error) {
	return l.s().AskStream(ctx, chat, question, onText)
}
func (l *liveService) Reset(ctx context.Context, chat string) error { return l.s().Reset(ctx, chat) }
func (l *liveService) LastSources(ctx context.Context, chat string) ([]core.Citation, error) {
	return l.s().LastSources(ctx, chat)
}
func (l *liveService) Methods() []catalog.LeaderMethods { return l.s().Methods() }
func (l *liveService) Leaders() []catalog.Leader        { return l.s().Leaders() }
func (l *liveService) MethodSummary(ctx context.Context, chat, name, script string) (*core.Answer, error) {
	return l.s().MethodSummary(ctx, chat, name, script)
}
func (l *liveService) LeaderProfile(ctx context.Context, chat, name, script string) (*core.Answer, error) {
	return l.s().LeaderProfile(ctx, chat, name, script)
}
func (l *liveService) StartTraining(ctx context.Context, chat, startedBy string, n int, topic, script string) (*quiz.Session, error) {
	return l.s().StartTraining(ctx, chat, startedBy, n, topic, script)
}
func (l *liveService) NextTrainingQuestion(ctx context.Context, chat string) (quiz.Question, int, bool, error) {
	return l.s().NextTrainingQuestion(ctx, chat)
}
func (l *liveService) BindTrainingPoll(ctx context.Context, chat, pollID string, index int) error {
	return l.s().BindTrainingPoll(ctx, chat, pollID, index)
}
func (l *liveService) RecordTrainingAnswer(ctx context.Context, pollID, userID, displayName string, optionIDs []int) (string, quiz.AnswerResult, error) {
	return l.s().RecordTrainingAnswer(ctx, pollID, userID, displayName, optionIDs)
}
func (l *liveService) TrainingScore(ctx context.Context, chat string) (*quiz.Session, []quiz.Player, error) {
	return l.s().TrainingScore(ctx, chat)
}
func (l *liveService) StopTraining(ctx context.Context, chat string) (*quiz.Session, []quiz.Player, error) {
	return l.s().StopTraining(ctx, chat)
}
func (l *liveService) ResumeTrainings(ctx context.Context) ([]*quiz.Session, error) {
	return l.s().ResumeTrainings(ctx)
}
func (l *liveService) StartCase(ctx context.Context, chat, topic, script string) (quiz.Case, error) {
	return l.s().StartCase(ctx, chat, topic, script)
}
func (l *liveService) RevealCase(ctx context.Context, chat string) (quiz.Case, bool, error) {
	return l.s().RevealCase(ctx, chat)
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

// watchCorpus reloads the corpus when the operator folders change (a
// change must hold still for one interval, so a file being copied is not
// read half-written), and swaps the new answering core in. A failed
// reload keeps the running one and is logged.
func (a *app) watchCorpus(ctx context.Context, rt *running, live *liveService, every time.Duration) {
	if every <= 0 || len(a.corpusDirs) == 0 {
		return
	}
	seen := corpusFingerprint(a.corpusDirs)
	pending := ""
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		fp := corpusFingerprint(a.corpusDirs)
		switch {
		case fp == seen:
			pending = ""
			continue
		case fp != pending:
			pending = fp // changed: wait until it holds still
			continue
		}
		start := time.Now()
		svc, in, err := a.rebuild(ctx, rt)
		if err != nil {
			if ctx.Err() == nil {
				a.log.Error("corpus changed but could not be reloaded; still serving the previous articles", "err", err)
			}
			seen, pending = fp, "" // do not retry a broken file every tick
			continue
		}
		live.cur.Store(svc)
		live.in.Store(in)
		seen, pending = fp, ""
		a.log.Info("corpus reloaded", "articles", len(in.articles), "chunks", len(in.chunks),
			"added", in.report.Added, "removed", in.report.Removed, "embedded", in.report.Embedded, "took", time.Since(start))
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

// articlesCommand is /articles for admins: what the running bot serves.
func articlesCommand(live *liveService) bot.Command {
	return bot.Command{
		Name: "articles", Zh: "资料文章列表（仅管理员）", En: "The articles being served (admins)",
		Hidden: true, AdminOnly: true,
		Run: func(ctx context.Context, r *bot.Request) error {
			text := renderArticles(live.in.Load())
			if r.Script == "hant" {
				text = zh.ToTraditional(text)
			}
			r.Reply(ctx, text)
			return nil
		},
	}
}

// renderArticles lists the served articles with their passage counts;
// titles and names are shown as written.
func renderArticles(in *indexed) string {
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
	}
	return head + "\n" + b.String()
}
