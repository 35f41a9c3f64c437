package handlers_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/entraide/entraide/handlers"
)

// panicWatch passes records on to inner and remembers every recovered
// panic, whatever inner's level: a test whose requests reached a panic
// fails even when its assertions passed (a 500 can look like an answer).
type panicWatch struct {
	inner slog.Handler
	state *panicState
}

type panicState struct {
	mu     sync.Mutex
	panics []string
}

// watchPanics wraps inner so that t fails, at its end, if any request
// logged a recovered panic.
func watchPanics(t testing.TB, inner slog.Handler) *slog.Logger {
	state := &panicState{}
	t.Cleanup(func() {
		state.mu.Lock()
		defer state.mu.Unlock()
		for _, p := range state.panics {
			t.Errorf("a request ended in a recovered panic: %s", p)
		}
	})
	return slog.New(&panicWatch{inner: inner, state: state})
}

func (w *panicWatch) Enabled(ctx context.Context, level slog.Level) bool {
	return level >= slog.LevelError || w.inner.Enabled(ctx, level)
}

func (w *panicWatch) Handle(ctx context.Context, r slog.Record) error {
	if r.Message == handlers.PanicLogMessage {
		line := ""
		r.Attrs(func(a slog.Attr) bool {
			if a.Key == "panic" || a.Key == "path" {
				line += a.Key + "=" + a.Value.String() + " "
			}
			return true
		})
		w.state.mu.Lock()
		w.state.panics = append(w.state.panics, line)
		w.state.mu.Unlock()
	}
	if w.inner.Enabled(ctx, r.Level) {
		return w.inner.Handle(ctx, r)
	}
	return nil
}

func (w *panicWatch) WithAttrs(attrs []slog.Attr) slog.Handler {
	return &panicWatch{inner: w.inner.WithAttrs(attrs), state: w.state}
}

func (w *panicWatch) WithGroup(name string) slog.Handler {
	return &panicWatch{inner: w.inner.WithGroup(name), state: w.state}
}

// recordingTB keeps the errors and cleanups of a test instead of acting
// on them, to test the watch itself.
type recordingTB struct {
	testing.TB
	errs     []string
	cleanups []func()
}

func (r *recordingTB) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func (r *recordingTB) Cleanup(f func()) { r.cleanups = append(r.cleanups, f) }

// TestPanicWatchFailsTheTest: a recovered panic logged at any level of
// the underlying handler fails the test at its end; other errors do not.
func TestPanicWatchFailsTheTest(t *testing.T) {
	rec := &recordingTB{TB: t}
	log := watchPanics(rec, slog.NewTextHandler(io.Discard, &slog.HandlerOptions{Level: slog.LevelError + 4}))
	log.Error("request failed", "status", 500)
	log.With("request_id", "r-1").Error(handlers.PanicLogMessage, "panic", "index out of range", "path", "/api/v1/missions")
	for _, f := range rec.cleanups {
		f()
	}
	if len(rec.errs) != 1 || !strings.Contains(rec.errs[0], "index out of range") || !strings.Contains(rec.errs[0], "/api/v1/missions") {
		t.Fatalf("errors %q", rec.errs)
	}
}
