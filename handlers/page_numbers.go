package handlers

import (
	"context"
	"sync"
	"time"
)

// numbersTTL is the least time the home page's counts are kept before a
// recount; a count that took long is kept longer (numbersSpacing times its
// duration), so that recounts never take more than a small share of the
// store's time.
const numbersTTL = time.Minute

// numbersSpacing spaces recounts by this many times the last count's
// duration: a count of 10 s is redone every 5 minutes at most.
const numbersSpacing = 30

// firstCountLimit bounds the first count, made while a request waits when
// no figures were ever kept.
const firstCountLimit = 2 * time.Second

// numbersRefreshLimit bounds a background recount: a count reads a whole
// collection on the embedded store (seconds at 100,000 accounts).
const numbersRefreshLimit = 2 * time.Minute

// liveNumbers caches the counts of volunteers and verified organisations.
// The home page never waits on a slow count and never fails because of
// one: it shows the last figures while a single background recount runs.
type liveNumbers struct {
	mu            sync.Mutex
	at            time.Time
	ttl           time.Duration
	loaded        bool // the figures kept by the store were read
	refreshing    bool
	volunteers    int64
	organizations int64
}

// platformNumbers returns the number of accounts that can volunteer
// (volunteerAccounts) and of verified organisations, as the admins'
// statistics count them. The first call counts within the request's
// deadline; afterwards figures older than numbersTTL are recounted in the
// background. A count that fails leaves the previous figures (zero at
// first) and is logged, never returned.
func (s *Server) platformNumbers(ctx context.Context) (volunteers, organizations int64) {
	n := &s.numbers
	s.loadSavedNumbers(ctx)
	n.mu.Lock()
	fresh, first := s.now().Sub(n.at) < max(n.ttl, numbersTTL), n.at.IsZero() && !n.refreshing
	if first {
		n.refreshing = true
	}
	if !fresh && !first && !n.refreshing {
		n.refreshing = true
		go func() {
			bg, cancel := context.WithTimeout(context.Background(), numbersRefreshLimit)
			defer cancel()
			s.countNumbers(bg)
		}()
	}
	volunteers, organizations = n.volunteers, n.organizations
	n.mu.Unlock()
	if first {
		// At most firstCountLimit of this request; past it the page shows
		// no figures and the count goes on in the background.
		short, cancel := context.WithTimeout(ctx, firstCountLimit)
		defer cancel()
		volunteers, organizations, ok := s.countNumbers(short)
		if !ok {
			n.mu.Lock()
			n.refreshing = true
			n.mu.Unlock()
			go func() {
				bg, cancel := context.WithTimeout(context.Background(), numbersRefreshLimit)
				defer cancel()
				s.countNumbers(bg)
			}()
		}
		return volunteers, organizations
	}
	return volunteers, organizations
}

// loadSavedNumbers reads, once, the figures the store kept from the last
// count (by key: a restart shows them at once and recounts in the
// background when they are old).
func (s *Server) loadSavedNumbers(ctx context.Context) {
	n := &s.numbers
	n.mu.Lock()
	loaded := n.loaded
	n.loaded = true
	n.mu.Unlock()
	if loaded {
		return
	}
	saved, ok, err := s.store.SavedPlatformNumbers(ctx)
	if err != nil {
		s.log.Warn("home page figures not read", "error", err)
	}
	if !ok {
		return
	}
	n.mu.Lock()
	if n.at.IsZero() {
		n.at, n.ttl, n.volunteers, n.organizations = saved.At, numbersSpacing*saved.Took, saved.Volunteers, saved.Organizations
	}
	n.mu.Unlock()
}

// countNumbers recounts and keeps the figures (in memory and in the
// store); on failure it keeps the previous ones and tries again at the
// next request.
func (s *Server) countNumbers(ctx context.Context) (volunteers, organizations int64, ok bool) {
	n := &s.numbers
	counted, err := s.store.CountPlatformNumbers(ctx, s.now)
	n.mu.Lock()
	defer n.mu.Unlock()
	n.refreshing = false
	if err != nil {
		s.log.Warn("home page figures not counted or not kept", "error", err)
	}
	if counted.At.IsZero() {
		// Back off: the figures (or none) stand until the next recount is
		// due, rather than every request starting one that fails again.
		n.at = s.now()
		return n.volunteers, n.organizations, false
	}
	n.at, n.ttl, n.volunteers, n.organizations = counted.At, numbersSpacing*counted.Took, counted.Volunteers, counted.Organizations
	return n.volunteers, n.organizations, true
}
