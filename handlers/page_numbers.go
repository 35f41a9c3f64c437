package handlers

import (
	"context"
	"sync"
	"time"

	"github.com/entraide/entraide/models"
)

// numbersTTL is how long the home page's counts are kept before a refresh.
const numbersTTL = time.Minute

// firstCountLimit bounds the first count, made while a request waits.
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
	n.mu.Lock()
	fresh, first := s.now().Sub(n.at) < numbersTTL, n.at.IsZero() && !n.refreshing
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

// countNumbers recounts and stores the figures; on failure it keeps the
// previous ones and tries again at the next request.
func (s *Server) countNumbers(ctx context.Context) (volunteers, organizations int64, ok bool) {
	n := &s.numbers
	volunteers, _, err := s.countVolunteers(ctx)
	var orgs map[string]int64
	if err == nil {
		orgs, err = s.store.CountOrganizations(ctx)
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	n.refreshing = false
	if err != nil {
		s.log.Warn("home page figures not counted", "error", err)
		return n.volunteers, n.organizations, false
	}
	n.at, n.volunteers, n.organizations = s.now(), volunteers, orgs[string(models.OrgVerified)]
	return n.volunteers, n.organizations, true
}
