package organizations

import (
	"context"
	"errors"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// changeIdentity edits a verified (or suspended) organisation: the
// description changes at once; a change of name, kind, SIRET/RNA, address
// or contact becomes (or amends) the pending identity change, and the
// organisation keeps its verified identity until an admin approves it.
func (svc *Service) changeIdentity(ctx context.Context, userID string, org *models.Organization, in models.OrgInput) (*models.Organization, error) {
	base := models.IdentityOf(org)
	if ch, ok := org.PendingIdentity(); ok {
		base = ch.Proposed
	}
	proposed := base.Apply(in)
	if proposed.SIRET == "" && proposed.RNA == "" {
		return nil, fieldError("siret", "siret_or_rna")
	}
	if proposed.Postcode != base.Postcode {
		place, ok := svc.Gazetteer.Lookup(proposed.Postcode)
		if !ok {
			return nil, fieldError("postcode", "unknown_postcode")
		}
		proposed.City, proposed.Lat, proposed.Lon = place.City, place.Lat, place.Lon
	}
	changes := models.IdentityChanges(models.IdentityOf(org), proposed)
	updated := org
	var err error
	if in.Description != nil && *in.Description != org.Description {
		updated, err = svc.Store.UpdateOrganization(ctx, userID, org.ID, store.OrgFields{Description: in.Description}, svc.now())
		if err != nil {
			return nil, err
		}
	}
	_, pending := org.PendingIdentity()
	switch {
	case len(changes) == 0 && !pending:
		// Nothing to verify; a refused change stays shown until the next one.
	case len(changes) == 0:
		updated, err = svc.Store.ClearIdentityChange(ctx, userID, org)
	default:
		ch := &models.IdentityChange{ID: store.NewID(), Proposed: proposed, State: models.RevisionPending,
			RequestedBy: userID, RequestedAt: svc.now()}
		updated, err = svc.Store.SetIdentityChange(ctx, userID, org, ch)
	}
	if errors.Is(err, store.ErrConflict) {
		return nil, ErrEditedConcurrently
	}
	if err != nil {
		return nil, err
	}
	svc.Log.Info("organization edited", "org_id", org.ID, "identity_fields_pending", len(changes))
	return updated, nil
}

// auditedIdentityValues are the identity fields whose values the audit log
// keeps; contact details are someone's e-mail or phone, so the log only
// says they changed (it holds no personal data beyond ids).
var auditedIdentityValues = map[string]bool{"name": true, "kind": true, "siret": true, "rna": true, "postcode": true}

// decideIdentity writes an admin's decision on the pending identity change:
// approving makes it the organisation's identity; rejecting keeps the
// verified identity with the reason. It returns what the audit records.
func (svc *Service) decideIdentity(ctx context.Context, org *models.Organization, approve bool, reason string) (*models.Organization, map[string]any, map[string]any, error) {
	ch, ok := org.PendingIdentity()
	if !ok {
		return nil, nil, nil, ErrNoIdentityChange
	}
	before, after := map[string]any{}, map[string]any{}
	for _, change := range models.IdentityChanges(models.IdentityOf(org), ch.Proposed) {
		if auditedIdentityValues[change.Field] {
			before[change.Field], after[change.Field] = change.Old, change.New
		} else {
			before[change.Field], after[change.Field] = "…", "changed"
		}
	}
	var updated *models.Organization
	var err error
	if approve {
		updated, err = svc.Store.ApplyIdentityChange(ctx, org.ID, ch.ID, ch.Proposed, svc.now())
	} else {
		updated, err = svc.Store.RejectIdentityChange(ctx, org.ID, *ch, reason, svc.now())
	}
	if errors.Is(err, store.ErrConflict) {
		return nil, nil, nil, ErrNoIdentityChange
	}
	return updated, before, after, err
}
