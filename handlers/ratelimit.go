package handlers

import (
	"errors"
	"math"
	"time"

	"github.com/entraide/entraide/config"
	"github.com/entraide/entraide/ratelimit"
)

// The API's answers to rate limits; the counting is package ratelimit's.

type limiters struct {
	loginIP, loginAccount, signupIP, signupAccount *ratelimit.Window
	// Per user: what one account may post, whatever its address.
	messages, reports *ratelimit.Window
}

func newLimiters(cfg *config.Config) *limiters {
	return &limiters{
		// An IP may hold many people (a library, a care home): it gets five
		// times an account's budget.
		loginIP:       ratelimit.New("login_ip", config.Rate{Count: cfg.LoginRate.Count * 5, Window: cfg.LoginRate.Window}, cfg.RateLimit),
		loginAccount:  ratelimit.New("login_account", cfg.LoginRate, cfg.RateLimit),
		signupIP:      ratelimit.New("signup_ip", cfg.SignupRate, cfg.RateLimit),
		signupAccount: ratelimit.New("signup_account", cfg.SignupRate, cfg.RateLimit),
		messages:      ratelimit.New("messages_user", cfg.MessageRate, cfg.RateLimit),
		reports:       ratelimit.New("reports_user", cfg.ReportRate, cfg.RateLimit),
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
		if ok, wait := p.w.Allow(p.key, now); !ok {
			limited = true
			if s.metrics != nil {
				s.metrics.RateLimited(p.w.Name())
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
func (s *Server) checkUserLimit(w *ratelimit.Window, userID, detailKey string) error {
	err := s.checkLimits(limitPair{w, userID})
	var p *Problem
	if errors.As(err, &p) {
		p.DetailKey = detailKey
	}
	return err
}

type limitPair struct {
	w   *ratelimit.Window
	key string
}
