package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/entraide/entraide/models"
)

func (s *Store) onetimeTokens() *mongo.Collection { return s.col("onetime_tokens") }

// InsertOneTimeToken stores a single-use token (by its hash).
func (s *Store) InsertOneTimeToken(ctx context.Context, t *models.OneTimeToken) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.onetimeTokens().InsertOne(ctx, t)
	return mapErr(err)
}

func usableToken(hash string, purpose models.TokenPurpose, now time.Time) bson.D {
	return bson.D{
		{Key: "_id", Value: hash},
		{Key: "purpose", Value: purpose},
		{Key: "used", Value: false},
		{Key: "expires_at", Value: bson.D{{Key: "$gt", Value: now}}},
	}
}

// OneTimeToken returns a token that is still usable, without using it;
// unknown, used or expired is ErrNotFound.
func (s *Store) OneTimeToken(ctx context.Context, hash string, purpose models.TokenPurpose, now time.Time) (*models.OneTimeToken, error) {
	var t models.OneTimeToken
	if err := s.onetimeTokens().FindOne(ctx, usableToken(hash, purpose, now)).Decode(&t); err != nil {
		return nil, mapErr(err)
	}
	return &t, nil
}

// UseOneTimeToken uses a token, in one conditional update, and returns it:
// of concurrent callers, one gets it and the others ErrNotFound, as do the
// callers of an unknown, used or expired token.
func (s *Store) UseOneTimeToken(ctx context.Context, hash string, purpose models.TokenPurpose, now time.Time) (*models.OneTimeToken, error) {
	unlock, err := s.lock(ctx)
	if err != nil {
		return nil, err
	}
	defer unlock()
	var t models.OneTimeToken
	err = s.onetimeTokens().FindOneAndUpdate(ctx, usableToken(hash, purpose, now),
		bson.D{{Key: "$set", Value: bson.D{{Key: "used", Value: true}, {Key: "used_at", Value: now}}}}).Decode(&t)
	if err != nil {
		return nil, mapErr(err)
	}
	return &t, nil
}

// RevokeOneTimeTokens uses up every token of a user for a purpose, such as
// the other reset links once the password has changed.
func (s *Store) RevokeOneTimeTokens(ctx context.Context, userID string, purpose models.TokenPurpose, now time.Time) error {
	_, err := s.updateEach(ctx, "onetime_tokens", bson.D{{Key: "user_id", Value: userID}, {Key: "purpose", Value: purpose}, {Key: "used", Value: false}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "used", Value: true}, {Key: "used_at", Value: now}}}})
	return mapErr(err)
}

// PurgeOneTimeTokens deletes the tokens that expired before a time.
func (s *Store) PurgeOneTimeTokens(ctx context.Context, before time.Time) (int64, error) {
	res, err := s.deleteEach(ctx, "onetime_tokens", bson.D{{Key: "expires_at", Value: bson.D{{Key: "$lt", Value: before}}}})
	if err != nil {
		return 0, mapErr(err)
	}
	return res, nil
}

// DeleteUserOneTimeTokens deletes every token of a user.
func (s *Store) DeleteUserOneTimeTokens(ctx context.Context, userID string) error {
	_, err := s.deleteEach(ctx, "onetime_tokens", bson.D{{Key: "user_id", Value: userID}})
	return mapErr(err)
}

// ConfirmUserEmail records that the user owns the address email; it fails
// with ErrNotFound when the account's address has changed since.
func (s *Store) ConfirmUserEmail(ctx context.Context, id, email string, now time.Time) (*models.User, error) {
	var u models.User
	err := s.updateByKey(ctx, "users", id,
		bson.D{{Key: "email", Value: email}, {Key: "status", Value: models.UserActive}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "email_confirmed", Value: true}, {Key: "updated_at", Value: now}}}}, &u)
	if err != nil {
		return nil, err
	}
	u.EmailConfirmed = true
	return &u, nil
}
