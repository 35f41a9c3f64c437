package organizations

import (
	"context"
	"strings"

	"github.com/entraide/entraide/models"
)

// Directory is one page of the public directory: verified organisations.
func (svc *Service) Directory(ctx context.Context, skip, limit int64) ([]models.Organization, int64, error) {
	return svc.Store.OrganizationsByStatus(ctx, models.OrgVerified, skip, limit)
}

// AwaitingVerification is one page of the admins' queue of pending
// organisations, oldest first.
func (svc *Service) AwaitingVerification(ctx context.Context, skip, limit int64) ([]models.Organization, int64, error) {
	return svc.Store.OrganizationsByStatus(ctx, models.OrgPending, skip, limit)
}

// Suspended is one page of the suspended organisations, for the admins to
// restore.
func (svc *Service) Suspended(ctx context.Context, skip, limit int64) ([]models.Organization, int64, error) {
	return svc.Store.OrganizationsByStatus(ctx, models.OrgSuspended, skip, limit)
}

// AwaitingIdentityDecision is one page of the admins' queue of verified
// organisations whose identity change waits, oldest first.
func (svc *Service) AwaitingIdentityDecision(ctx context.Context, skip, limit int64) ([]models.Organization, int64, error) {
	return svc.Store.OrganizationsWithIdentityChange(ctx, skip, limit)
}

// Query is the admins' search of organisations: a part of the name, and a
// state ("" for any).
type Query struct {
	Q      string
	Status models.OrgStatus
}

// NewQuery checks an admin's search, every bad field at once.
func NewQuery(q, status string) (Query, error) {
	out := Query{Q: strings.TrimSpace(q), Status: models.OrgStatus(status)}
	var v models.Validator
	v.Check(len(out.Q) <= 100, "q", "too_long", 100)
	switch out.Status {
	case "", models.OrgPending, models.OrgVerified, models.OrgRejected, models.OrgSuspended:
	default:
		v.Check(false, "status", "one_of", "pending, verified, rejected, suspended")
	}
	return out, v.Err()
}

// Search answers one page of an admin's search and the number of matches,
// from the store's lists of organisations by state (which hold the names):
// key reads, then the page's organisations by key.
func (svc *Service) Search(ctx context.Context, q Query, skip, limit int) ([]models.Organization, int64, error) {
	return svc.Store.SearchOrganizations(ctx, q.Status, q.Q, int64(skip), int64(limit))
}
