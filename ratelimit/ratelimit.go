// Package ratelimit counts events per key in fixed windows, in memory:
// logins and sign-ups per IP and per account, messages and reports per
// user, partner API keys. It knows nothing of HTTP; the caller turns a
// refusal into its own answer (a 429 with Retry-After for the API).
package ratelimit

import (
	"sync"
	"time"

	"github.com/entraide/entraide/config"
)

// Window is a fixed-window counter per key. Each instance counts for
// itself: with N instances an attacker gets N times the budget, which is
// still bounded (see docs/scaling.md).
type Window struct {
	name    string
	mu      sync.Mutex
	rate    config.Rate
	counts  map[string]*count
	lastGC  time.Time
	enabled bool
}

type count struct {
	start time.Time
	n     int
}

// New returns a window allowing rate.Count events per key per rate.Window;
// name labels it in metrics. A disabled window allows everything.
func New(name string, rate config.Rate, enabled bool) *Window {
	return &Window{name: name, rate: rate, counts: make(map[string]*count), enabled: enabled}
}

// Name is the window's label, for metrics.
func (w *Window) Name() string { return w.name }

// Allow counts one event for key at now and reports whether it is within
// the rate or, if not, how long until the key's window ends.
func (w *Window) Allow(key string, now time.Time) (bool, time.Duration) {
	if !w.enabled {
		return true, 0
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	// Forget ended windows once per window length, so the map stays as
	// small as the number of keys seen lately.
	if now.Sub(w.lastGC) > w.rate.Window {
		for k, c := range w.counts {
			if now.Sub(c.start) >= w.rate.Window {
				delete(w.counts, k)
			}
		}
		w.lastGC = now
	}
	c, ok := w.counts[key]
	if !ok || now.Sub(c.start) >= w.rate.Window {
		c = &count{start: now}
		w.counts[key] = c
	}
	c.n++
	if c.n > w.rate.Count {
		return false, c.start.Add(w.rate.Window).Sub(now)
	}
	return true, 0
}

// Len is how many keys the window holds now.
func (w *Window) Len() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.counts)
}
