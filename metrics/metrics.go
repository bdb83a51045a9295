// Package metrics exports bangyang's Prometheus metrics: questions by
// transport, mode and outcome, answer latency, model errors and
// fallbacks, Telegram API errors and 429s, rate-limit refusals, index
// size, articles and training sessions. It also serves /healthz. It is the
// only package that imports the Prometheus client.
package metrics

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"bangyang/core"
	"bangyang/prompts"
)

// Metrics holds the collectors of one process. It implements
// core.Observer, core.TrainingObserver and bot.Observer.
type Metrics struct {
	reg         *prometheus.Registry
	questions   *prometheus.CounterVec
	latency     *prometheus.HistogramVec
	modelErrors prometheus.Counter
	fallbacks   prometheus.Counter
	tgErrors    *prometheus.CounterVec
	tgFlood     prometheus.Counter
	rateLimited *prometheus.CounterVec
	training    prometheus.Counter
}

// New registers bangyang's collectors (and the Go runtime and process
// ones) on a registry of its own.
func New() *Metrics {
	reg := prometheus.NewRegistry()
	f := func(c prometheus.Collector) { reg.MustRegister(c) }
	m := &Metrics{
		reg: reg,
		questions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "bangyang_questions_total",
			Help: "Questions answered, by transport (via), answer mode (extractive, llm) and outcome (answered, abstained, fallback).",
		}, []string{"via", "mode", "outcome"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "bangyang_answer_seconds",
			Help:    "Time from question to final answer, by answer mode.",
			Buckets: []float64{0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 40, 90},
		}, []string{"mode"}),
		modelErrors: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "bangyang_model_errors_total",
			Help: "Failed calls to the chat model (answers and follow-up rewrites; the caller giving up is not counted).",
		}),
		fallbacks: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "bangyang_model_fallbacks_total",
			Help: "Answers quoted from the passages because the configured model failed.",
		}),
		tgErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "bangyang_telegram_api_errors_total",
			Help: "Bot API calls that failed, by method and HTTP status (\"network\" when no response came).",
		}, []string{"method", "code"}),
		tgFlood: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "bangyang_telegram_flood_waits_total",
			Help: "Bot API calls answered 429 Too Many Requests (flood control).",
		}),
		rateLimited: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "bangyang_rate_limited_total",
			Help: "Requests refused by the per-user or per-chat limit, by scope.",
		}, []string{"scope"}),
		training: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "bangyang_training_sessions_total",
			Help: "Training sessions started.",
		}),
	}
	for _, c := range []prometheus.Collector{m.questions, m.latency, m.modelErrors, m.fallbacks, m.tgErrors, m.tgFlood, m.rateLimited, m.training,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{})} {
		f(c)
	}
	return m
}

// Answered implements core.Observer.
func (m *Metrics) Answered(_ context.Context, e core.AnswerEvent) {
	via := e.Via
	if via == "" {
		via = "unknown"
	}
	m.questions.WithLabelValues(via, e.Mode, e.Outcome).Inc()
	m.latency.WithLabelValues(e.Mode).Observe(e.Latency.Seconds())
	if e.Outcome == core.OutcomeFallback {
		m.fallbacks.Inc()
	}
}

// TrainingStarted implements core.TrainingObserver.
func (m *Metrics) TrainingStarted(context.Context, core.TrainingEvent) { m.training.Inc() }

// RateLimited implements bot.Observer.
func (m *Metrics) RateLimited(scope string) { m.rateLimited.WithLabelValues(scope).Inc() }

// Corpus exports the index size and the number of articles as gauges read
// at each scrape (so an index swapped while serving is reported as is).
func (m *Metrics) Corpus(chunks, articles func() int) {
	m.reg.MustRegister(
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "bangyang_index_chunks", Help: "Passages in the search index."},
			func() float64 { return float64(chunks()) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "bangyang_articles", Help: "Articles in the corpus."},
			func() float64 { return float64(articles()) }),
	)
}

// ChatModel is what Model wraps (core.ChatModel).
type ChatModel interface {
	Stream(ctx context.Context, msgs []prompts.Message, onDelta func(delta string)) (string, error)
}

// Model counts the failures of model calls.
func (m *Metrics) Model(inner ChatModel) ChatModel { return countingModel{inner, m} }

type countingModel struct {
	inner ChatModel
	m     *Metrics
}

func (c countingModel) Stream(ctx context.Context, msgs []prompts.Message, onDelta func(string)) (string, error) {
	out, err := c.inner.Stream(ctx, msgs, onDelta)
	if err != nil && !errors.Is(err, context.Canceled) {
		c.m.modelErrors.Inc()
	}
	return out, err
}

// Transport counts failed Bot API calls below the Telegram client: the
// Bot API answers an error with the matching HTTP status (429 for flood
// control). The method is the last path element; the token, which is in
// the path, is never looked at or exported.
func (m *Metrics) Transport(inner http.RoundTripper) http.RoundTripper {
	if inner == nil {
		inner = http.DefaultTransport
	}
	return roundTripper(func(req *http.Request) (*http.Response, error) {
		resp, err := inner.RoundTrip(req)
		method := apiMethod(req.URL.Path)
		switch {
		case err != nil:
			if !errors.Is(err, context.Canceled) && req.Context().Err() == nil {
				m.tgErrors.WithLabelValues(method, "network").Inc()
			}
		case resp.StatusCode >= 400:
			m.tgErrors.WithLabelValues(method, strconv.Itoa(resp.StatusCode)).Inc()
			if resp.StatusCode == http.StatusTooManyRequests {
				m.tgFlood.Inc()
			}
		}
		return resp, err
	})
}

type roundTripper func(*http.Request) (*http.Response, error)

func (f roundTripper) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// apiMethod is the Bot API method of a request path (/bot<TOKEN>/sendMessage),
// or "other" when it does not look like one, so labels stay few.
func apiMethod(path string) string {
	i := strings.LastIndexByte(path, '/')
	name := path[i+1:]
	if name == "" || len(name) > 40 {
		return "other"
	}
	for _, r := range name {
		if (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') {
			return "other"
		}
	}
	return name
}

// Handler serves GET /metrics and GET /healthz. healthy may be nil;
// otherwise a non-nil error makes /healthz answer 503.
func (m *Metrics) Handler(healthy func() error) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		if healthy != nil {
			if err := healthy(); err != nil {
				http.Error(w, "unhealthy: "+err.Error(), http.StatusServiceUnavailable)
				return
			}
		}
		_, _ = io.WriteString(w, "ok\n")
	})
	return mux
}

// Serve serves h on ln until ctx ends.
func Serve(ctx context.Context, ln net.Listener, h http.Handler) error {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
		return nil
	case err := <-errc:
		return err
	}
}

// Check asks the /healthz of a listener at addr (":9090", "127.0.0.1:9090")
// and fails unless it answers 200: the container healthcheck.
func Check(ctx context.Context, addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("metrics address %q: %w", addr, err)
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+net.JoinHostPort(host, port)+"/healthz", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("healthz: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 200))
		return fmt.Errorf("healthz: %s %s", resp.Status, strings.TrimSpace(string(body)))
	}
	return nil
}
