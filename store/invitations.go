package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/entraide/entraide/models"
)

// CreateInvitation stores an invitation (its id is the token's hash).
func (s *Store) CreateInvitation(ctx context.Context, inv *models.Invitation) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.col("invitations").InsertOne(ctx, inv)
	return mapErr(err)
}

// InvitationByHash returns an invitation, used or not.
func (s *Store) InvitationByHash(ctx context.Context, hash string) (*models.Invitation, error) {
	var inv models.Invitation
	if err := s.col("invitations").FindOne(ctx, bson.D{{Key: "_id", Value: hash}}).Decode(&inv); err != nil {
		return nil, mapErr(err)
	}
	return &inv, nil
}

// UseInvitation marks an unused, unexpired invitation used, once: a second
// call gets ErrConflict, an expired one ErrNotFound.
func (s *Store) UseInvitation(ctx context.Context, hash string, now time.Time) (*models.Invitation, error) {
	unlock, err := s.lock(ctx)
	if err != nil {
		return nil, err
	}
	var inv models.Invitation
	err = s.col("invitations").FindOneAndUpdate(ctx,
		bson.D{{Key: "_id", Value: hash}, {Key: "used", Value: false}, {Key: "expires_at", Value: bson.D{{Key: "$gt", Value: now}}}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "used", Value: true}}}},
		options.FindOneAndUpdate().SetReturnDocument(options.After)).Decode(&inv)
	unlock()
	if err = mapErr(err); err == ErrNotFound {
		existing, ferr := s.InvitationByHash(ctx, hash)
		if ferr != nil {
			return nil, ferr
		}
		if existing.Used {
			return nil, ErrConflict
		}
		return nil, ErrNotFound
	}
	return &inv, err
}

// DeleteInvitation removes one of an organisation's invitations (revoked,
// or replaced by a new one when resent).
func (s *Store) DeleteInvitation(ctx context.Context, orgID, hash string) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	res, err := s.col("invitations").DeleteOne(ctx, bson.D{{Key: "_id", Value: hash}, {Key: "org_id", Value: orgID}})
	if err != nil {
		return mapErr(err)
	}
	if res.DeletedCount == 0 {
		return ErrNotFound
	}
	return nil
}

// Invitations lists an organisation's pending invitations.
func (s *Store) Invitations(ctx context.Context, orgID string, now time.Time) ([]models.Invitation, error) {
	cur, err := s.col("invitations").Find(ctx, bson.D{{Key: "org_id", Value: orgID}, {Key: "used", Value: false}, {Key: "expires_at", Value: bson.D{{Key: "$gt", Value: now}}}},
		options.Find().SetSort(bson.D{{Key: "created_at", Value: 1}}))
	if err != nil {
		return nil, mapErr(err)
	}
	out := []models.Invitation{}
	return out, mapErr(cur.All(ctx, &out))
}
