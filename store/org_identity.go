package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/entraide/entraide/models"
)

var identityUnset = bson.E{Key: "$unset", Value: bson.D{{Key: "identity_change", Value: ""}, {Key: "identity_change_id", Value: ""}, {Key: "identity_state", Value: ""}}}

// sameIdentityChange matches an organisation whose identity change is
// still the one read in before (or still none).
func sameIdentityChange(before *models.Organization) bson.E {
	if before.IdentityChangeID == "" {
		return bson.E{Key: "identity_change_id", Value: bson.D{{Key: "$exists", Value: false}}}
	}
	return bson.E{Key: "identity_change_id", Value: before.IdentityChangeID}
}

// updateOrgOrConflict runs a conditional update of an identity change and
// puts the identity queue in step; a miss on an organisation that exists
// is ErrConflict.
func (s *Store) updateOrgOrConflict(ctx context.Context, id string, filter, update bson.D) (*models.Organization, error) {
	o, err := s.updateOrg(ctx, filter, update)
	if err == ErrNotFound {
		if _, cerr := s.OrganizationByID(ctx, id); cerr != nil {
			return nil, cerr
		}
		return nil, ErrConflict
	}
	if err != nil {
		return nil, err
	}
	return o, s.listIdentityChange(ctx, o)
}

// SetIdentityChange records ch as userID's organisation's identity change,
// replacing the one read in before (ErrConflict if it changed meanwhile).
func (s *Store) SetIdentityChange(ctx context.Context, userID string, before *models.Organization, ch *models.IdentityChange) (*models.Organization, error) {
	return s.updateOrgOrConflict(ctx, before.ID,
		bson.D{{Key: "_id", Value: before.ID}, {Key: "member_ids", Value: userID}, sameIdentityChange(before)},
		bson.D{{Key: "$set", Value: bson.D{{Key: "identity_change", Value: ch}, {Key: "identity_change_id", Value: ch.ID}, {Key: "identity_state", Value: ch.State}}}})
}

// ClearIdentityChange withdraws the identity change read in before.
func (s *Store) ClearIdentityChange(ctx context.Context, userID string, before *models.Organization) (*models.Organization, error) {
	return s.updateOrgOrConflict(ctx, before.ID,
		bson.D{{Key: "_id", Value: before.ID}, {Key: "member_ids", Value: userID}, sameIdentityChange(before)},
		bson.D{identityUnset})
}

// ApplyIdentityChange makes the pending identity change chID the
// organisation's identity and removes it, in one conditional update.
func (s *Store) ApplyIdentityChange(ctx context.Context, id, chID string, idt models.OrgIdentity, now time.Time) (*models.Organization, error) {
	set := bson.D{
		{Key: "name", Value: idt.Name}, {Key: "kind", Value: idt.Kind}, {Key: "siret", Value: idt.SIRET}, {Key: "rna", Value: idt.RNA},
		{Key: "address", Value: idt.Address}, {Key: "postcode", Value: idt.Postcode}, {Key: "city", Value: idt.City},
		{Key: "lat", Value: idt.Lat}, {Key: "lon", Value: idt.Lon},
		{Key: "contact_email", Value: idt.ContactEmail}, {Key: "contact_phone", Value: idt.ContactPhone},
		{Key: "updated_at", Value: now},
	}
	o, err := s.updateOrgOrConflict(ctx, id,
		bson.D{{Key: "_id", Value: id}, {Key: "identity_change_id", Value: chID}, {Key: "identity_state", Value: models.RevisionPending}},
		bson.D{{Key: "$set", Value: set}, identityUnset})
	if err != nil {
		return nil, err
	}
	return o, s.listOrg(ctx, o) // the new name, for the admins' search
}

// RejectIdentityChange marks the pending identity change ch rejected with
// the admin's reason; the verified identity is untouched.
func (s *Store) RejectIdentityChange(ctx context.Context, id string, ch models.IdentityChange, reason string, now time.Time) (*models.Organization, error) {
	ch.State, ch.Reason, ch.DecidedAt = models.RevisionRejected, reason, &now
	return s.updateOrgOrConflict(ctx, id,
		bson.D{{Key: "_id", Value: id}, {Key: "identity_change_id", Value: ch.ID}, {Key: "identity_state", Value: models.RevisionPending}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "identity_change", Value: ch}, {Key: "identity_state", Value: models.RevisionRejected}}}})
}
