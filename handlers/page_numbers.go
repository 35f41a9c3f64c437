package handlers

import (
	"context"
	"sync"
	"time"

	"github.com/entraide/entraide/models"
)

// numbersTTL is how long the home page's counts are kept: the home page
// is the most visited, and a count reads a whole collection on the
// embedded store.
const numbersTTL = time.Minute

// liveNumbers caches the counts of volunteers and verified organisations.
type liveNumbers struct {
	mu            sync.Mutex
	at            time.Time
	volunteers    int64
	organizations int64
}

// platformNumbers returns the number of volunteer accounts and of
// verified organisations, at most numbersTTL old.
func (s *Server) platformNumbers(ctx context.Context) (volunteers, organizations int64, err error) {
	n := &s.numbers
	n.mu.Lock()
	defer n.mu.Unlock()
	if !n.at.IsZero() && s.now().Sub(n.at) < numbersTTL {
		return n.volunteers, n.organizations, nil
	}
	if volunteers, err = s.store.CountUsers(ctx, models.RoleVolunteer); err != nil {
		return 0, 0, err
	}
	orgs, err := s.store.CountOrganizations(ctx)
	if err != nil {
		return 0, 0, err
	}
	n.at, n.volunteers, n.organizations = s.now(), volunteers, orgs[string(models.OrgVerified)]
	return n.volunteers, n.organizations, nil
}
