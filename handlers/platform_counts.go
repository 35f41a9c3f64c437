package handlers

import (
	"context"

	"github.com/entraide/entraide/match"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/search"
)

// The home page and the admins' statistics show the same figures; each is
// counted here, once, so that they agree.

// volunteerAccounts is the number of people who can volunteer: the
// accounts in use (neither suspended nor erased) but the admins'. One
// account both volunteers and acts for organisations (the person guard),
// whatever it signed up as.
func volunteerAccounts(activeByRole map[string]int64) (n int64) {
	for role, count := range activeByRole {
		if models.CanVolunteer(models.Role(role)) {
			n += count
		}
	}
	return n
}

// countVolunteers counts volunteerAccounts from the store (a scan).
func (s *Server) countVolunteers(ctx context.Context) (int64, map[string]int64, error) {
	byRole, err := s.store.CountActiveUsersByRole(ctx)
	if err != nil {
		return 0, nil, err
	}
	return volunteerAccounts(byRole), byRole, nil
}

// openMissions are the missions a visitor can apply to now: those the
// search finds without a filter (published, of a verified organisation,
// with a shift to come), with their counts by field and remote.
func (s *Server) openMissions() (*search.Result, error) {
	return s.runSearch(search.Request{Query: match.Query{PerPage: 1}})
}
