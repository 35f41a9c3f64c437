package store

import (
	"context"
	"strings"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/entraide/entraide/models"
)

// The organisations by state (the admins' queue of pending ones, the
// suspended ones, the public directory of verified ones, the admins'
// search) and the verified organisations whose identity change waits are
// listed in queue_lists (see queueListsCol): "organizations:<status>#NN"
// and "org_identity:pending#NN".
const (
	orgQueueKind      = "organizations"
	identityQueueKind = "org_identity"
	identityPending   = string(models.RevisionPending)
)

// orgStatuses are every organisation state, each with its list.
var orgStatuses = []string{string(models.OrgPending), string(models.OrgVerified), string(models.OrgRejected), string(models.OrgSuspended)}

func orgEntry(o *models.Organization) queueEntry { return queueEntry{At: o.CreatedAt, Name: o.Name} }

// listOrg puts o in the list of its state (with its name as written) and
// out of the lists of the states in from.
func (s *Store) listOrg(ctx context.Context, o *models.Organization, from ...models.OrgStatus) error {
	old := make([]string, len(from))
	for i, f := range from {
		old[i] = string(f)
	}
	return s.moveQueueEntry(ctx, orgQueueKind, string(o.Status), o.ID, orgEntry(o), old...)
}

// listIdentityChange puts o in the identity queue when its identity change
// waits for an admin, out of it otherwise.
func (s *Store) listIdentityChange(ctx context.Context, o *models.Organization) error {
	if ch, ok := o.PendingIdentity(); ok {
		return s.setQueueEntry(ctx, identityQueueKind, identityPending, o.ID, queueEntry{At: ch.RequestedAt})
	}
	return s.unsetQueueEntry(ctx, identityQueueKind, identityPending, o.ID)
}

// orgQueuePage is one page of the organisations in statuses whose name
// contains needle (lower case; "" for any), oldest first, and how many
// there are: key reads of the lists, then of the page's organisations.
func (s *Store) orgQueuePage(ctx context.Context, statuses []string, needle string, skip, limit int64) ([]models.Organization, int64, error) {
	v := queueView[models.Organization]{kind: orgQueueKind, col: "organizations", states: statuses,
		id: func(o *models.Organization) string { return o.ID },
		belongs: func(o *models.Organization, state string, e queuedIn) bool {
			return string(o.Status) == state && (needle == "" || o.Name == e.Name)
		},
		fix: func(ctx context.Context, id, state string, o *models.Organization) error {
			if o == nil {
				return s.unsetQueueEntry(ctx, orgQueueKind, state, id)
			}
			return s.listOrg(ctx, o, models.OrgStatus(state))
		}}
	if needle != "" {
		v.keep = func(e queued) bool { return strings.Contains(strings.ToLower(e.Name), needle) }
	}
	return queuePage(ctx, s, v, skip, limit)
}

// SearchOrganizations is one page of the organisations in status (any
// when empty) whose name contains q (any case), oldest first, and the
// number of matches: the admins' search, answered from the lists' names.
func (s *Store) SearchOrganizations(ctx context.Context, status models.OrgStatus, q string, skip, limit int64) ([]models.Organization, int64, error) {
	statuses := orgStatuses
	if status != "" {
		statuses = []string{string(status)}
	}
	return s.orgQueuePage(ctx, statuses, strings.ToLower(q), skip, limit)
}

// OrganizationsWithIdentityChange lists organisations whose identity change
// waits for an admin, oldest request first, from the identity queue.
func (s *Store) OrganizationsWithIdentityChange(ctx context.Context, skip, limit int64) ([]models.Organization, int64, error) {
	return queuePage(ctx, s, queueView[models.Organization]{kind: identityQueueKind, col: "organizations", states: []string{identityPending},
		id: func(o *models.Organization) string { return o.ID },
		belongs: func(o *models.Organization, _ string, _ queuedIn) bool {
			_, ok := o.PendingIdentity()
			return ok
		},
		fix: func(ctx context.Context, id, state string, o *models.Organization) error {
			if o == nil {
				return s.unsetQueueEntry(ctx, identityQueueKind, state, id)
			}
			return s.listIdentityChange(ctx, o)
		}}, skip, limit)
}

// BackfillOrgQueues builds the organisations' lists from the records,
// once per database (and again after a bulk load): a scan, at start-up.
func (s *Store) BackfillOrgQueues(ctx context.Context, now time.Time) error {
	const key = "backfill:org_queues:v1"
	if done, err := s.backfilled(ctx, key); done || err != nil {
		return err
	}
	orgs, err := s.scanOrgQueueFields(ctx)
	if err != nil {
		return err
	}
	byStatus, identity := map[string]map[string]queueEntry{}, map[string]map[string]queueEntry{identityPending: {}}
	for i := range orgs {
		o := &orgs[i]
		if byStatus[string(o.Status)] == nil {
			byStatus[string(o.Status)] = map[string]queueEntry{}
		}
		byStatus[string(o.Status)][o.ID] = orgEntry(o)
		if ch, ok := o.PendingIdentity(); ok {
			identity[identityPending][o.ID] = queueEntry{At: ch.RequestedAt}
		}
	}
	if err := s.rebuildQueues(ctx, orgQueueKind, orgStatuses, byStatus); err != nil {
		return err
	}
	if err := s.rebuildQueues(ctx, identityQueueKind, []string{identityPending}, identity); err != nil {
		return err
	}
	return s.markBackfilled(ctx, key, now)
}

// scanOrgQueueFields reads every organisation with the fields its queue
// entries need (a scan: the backfill and the heal).
func (s *Store) scanOrgQueueFields(ctx context.Context) ([]models.Organization, error) {
	cur, err := s.orgs().Find(ctx, bson.D{}, options.Find().SetProjection(bson.D{{Key: "_id", Value: 1}, {Key: "status", Value: 1},
		{Key: "name", Value: 1}, {Key: "created_at", Value: 1}, {Key: "identity_change", Value: 1}, {Key: "identity_state", Value: 1}}))
	if err != nil {
		return nil, mapErr(err)
	}
	var orgs []models.Organization
	return orgs, mapErr(cur.All(ctx, &orgs))
}
