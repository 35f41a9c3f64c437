package handlers

import (
	"context"
	"strings"

	"github.com/entraide/entraide/models"
)

// exportReports adds the reports the person filed, with their words, to a
// data export.
func (s *Server) exportReports(ctx context.Context, userID string, export map[string]any) error {
	reports, err := s.store.ReportsBy(ctx, userID)
	if err != nil {
		return err
	}
	out := make([]reportResponse, len(reports))
	for i := range reports {
		out[i] = reportView(&reports[i])
	}
	export["reports"] = out
	return nil
}

// checkNotSoleOwner refuses to delete the account of the only owner of an
// organisation, which would be left with nobody to run it: another owner
// must be named first (members page), or the organisation closed by the
// Entraide team.
func (s *Server) checkNotSoleOwner(ctx context.Context, userID string) error {
	orgs, err := s.store.OrganizationsOfMember(ctx, userID)
	if err != nil {
		return err
	}
	var names []string
	for i := range orgs {
		if m, ok := orgs[i].Member(userID); ok && m.Role == models.MemberOwner && orgs[i].Owners() == 1 {
			names = append(names, orgs[i].Name)
		}
	}
	if len(names) == 0 {
		return nil
	}
	p := problem(409, ProblemSoleOwner, "detail.sole_owner", strings.Join(names, ", "))
	p.Extra = map[string]any{"organizations": names}
	return p
}
