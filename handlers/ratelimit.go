package handlers

import (
	"errors"
	"math"
	"sync"
	"time"

	"github.com/entraide/entraide/config"
)

// window is a fixed-window counter per key, kept in memory. Each instance
// counts for itself: with N instances an attacker gets N times the budget,
// which is still bounded (see docs/scaling.md).
type window struct {
	name    string // for metrics
	mu      sync.Mutex
	rate    config.Rate
	counts  map[string]*windowCount
	lastGC  time.Time
	enabled bool
}

type windowCount struct {
	start time.Time
	n     int
}

func newWindow(name string, rate config.Rate, enabled bool) *window {
	return &window{name: name, rate: rate, counts: make(map[string]*windowCount), enabled: enabled}
}

// allow counts one event for key and reports whether it is within the rate,
// or how long to wait.
func (w *window) allow(key string, now time.Time) (bool, time.Duration) {
	if !w.enabled {
		return true, 0
	}
	w.mu.Lock()
	defer w.mu.Unlock()
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
		c = &windowCount{start: now}
		w.counts[key] = c
	}
	c.n++
	if c.n > w.rate.Count {
		return false, c.start.Add(w.rate.Window).Sub(now)
	}
	return true, 0
}

type limiters struct {
	loginIP, loginAccount, signupIP, signupAccount *window
	// Per user: what one account may post, whatever its address.
	messages, reports *window
}

func newLimiters(cfg *config.Config) *limiters {
	return &limiters{
		// An IP may hold many people (a library, a care home): it gets five
		// times an account's budget.
		loginIP:       newWindow("login_ip", config.Rate{Count: cfg.LoginRate.Count * 5, Window: cfg.LoginRate.Window}, cfg.RateLimit),
		loginAccount:  newWindow("login_account", cfg.LoginRate, cfg.RateLimit),
		signupIP:      newWindow("signup_ip", cfg.SignupRate, cfg.RateLimit),
		signupAccount: newWindow("signup_account", cfg.SignupRate, cfg.RateLimit),
		messages:      newWindow("messages_user", cfg.MessageRate, cfg.RateLimit),
		reports:       newWindow("reports_user", cfg.ReportRate, cfg.RateLimit),
	}
}

// errRateLimited is the 429 problem with its Retry-After.
func errRateLimited(wait time.Duration) *Problem {
	secs := int(math.Ceil(wait.Seconds()))
	if secs < 1 {
		secs = 1
	}
	p := problem(429, ProblemRateLimited, "detail.rate_limited", secs)
	p.RetryAfter = secs
	return p
}

// checkLimits counts an event against every (window, key) pair and fails
// with the longest wait.
func (s *Server) checkLimits(pairs ...limitPair) error {
	now := s.now()
	var longest time.Duration
	limited := false
	for _, p := range pairs {
		if ok, wait := p.w.allow(p.key, now); !ok {
			limited = true
			if s.metrics != nil {
				s.metrics.RateLimited(p.w.name)
			}
			if wait > longest {
				longest = wait
			}
		}
	}
	if limited {
		return errRateLimited(longest)
	}
	return nil
}

// checkUserLimit counts one event of the signed-in user against w; over
// the rate it is a 429 whose detail (detailKey, with the wait in seconds)
// says what was limited.
func (s *Server) checkUserLimit(w *window, userID, detailKey string) error {
	err := s.checkLimits(limitPair{w, userID})
	var p *Problem
	if errors.As(err, &p) {
		p.DetailKey = detailKey
	}
	return err
}

type limitPair struct {
	w   *window
	key string
}
