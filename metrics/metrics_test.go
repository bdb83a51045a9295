package metrics

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"bangyang/core"
	"bangyang/llm"
)

type failingModel struct{ err error }

func (f failingModel) Stream(context.Context, []llm.Message, func(string)) (string, error) {
	return "", f.err
}

func scrape(t *testing.T, h http.Handler) map[string]float64 {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(rec.Body)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]float64{}
	for name, f := range fams {
		for _, m := range f.GetMetric() {
			if m.Counter != nil {
				out[name] += m.Counter.GetValue()
			}
		}
	}
	return out
}

func TestModelErrorsAndFallbacks(t *testing.T) {
	m := New()
	ctx := context.Background()
	_, _ = m.Model(failingModel{errors.New("503")}).Stream(ctx, nil, nil)
	_, _ = m.Model(failingModel{context.Canceled}).Stream(ctx, nil, nil) // the caller gave up: not the model's fault
	_, _ = m.Model(failingModel{nil}).Stream(ctx, nil, nil)
	m.Answered(ctx, core.AnswerEvent{Mode: core.ModeExtractive, Outcome: core.OutcomeFallback})
	m.TrainingStarted(ctx, core.TrainingEvent{})
	got := scrape(t, m.Handler(nil))
	if got["bangyang_model_errors_total"] != 1 || got["bangyang_model_fallbacks_total"] != 1 || got["bangyang_training_sessions_total"] != 1 {
		t.Fatalf("counters: %v", got)
	}
	if got["bangyang_questions_total"] != 1 {
		t.Fatalf("questions: %v", got)
	}
}

func TestAPIMethodNeverExportsTheToken(t *testing.T) {
	for path, want := range map[string]string{
		"/bot123:AAsecret/sendMessage": "sendMessage",
		"/bot123:AAsecret/":            "other",
		"/bot123:AAsecret":             "other",
		"/x/get-updates":               "other",
	} {
		if got := apiMethod(path); got != want {
			t.Errorf("apiMethod(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestCheck(t *testing.T) {
	var ready atomic.Bool
	m := New()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- Serve(ctx, ln, m.Handler(func() error {
			if !ready.Load() {
				return errors.New("starting")
			}
			return nil
		}))
	}()
	if err := Check(ctx, ln.Addr().String()); err == nil || !strings.Contains(err.Error(), "503") {
		t.Errorf("while starting: %v", err)
	}
	ready.Store(true)
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	if err := Check(ctx, ":"+port); err != nil { // a listen address without a host
		t.Errorf("when ready: %v", err)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if err := Check(context.Background(), ln.Addr().String()); err == nil {
		t.Error("a stopped server passed the check")
	}
}
