package store

import (
	"context"
	"errors"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/entraide/entraide/models"
)

// ErrTokenReused means a rotated refresh token was presented again: its
// whole family has been revoked.
var ErrTokenReused = errors.New("store: refresh token reused")

// InsertRefreshToken stores a new refresh token.
func (s *Store) InsertRefreshToken(ctx context.Context, t *models.RefreshToken) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.col("refresh_tokens").InsertOne(ctx, t)
	return mapErr(err)
}

// UseRefreshToken marks a refresh token used, atomically, and returns it.
// A token presented a second time revokes its family and returns
// ErrTokenReused; an unknown, revoked or expired one returns ErrNotFound.
func (s *Store) UseRefreshToken(ctx context.Context, hash string, now time.Time) (*models.RefreshToken, error) {
	col := s.col("refresh_tokens")
	var t models.RefreshToken
	err := s.updateByKey(ctx, "refresh_tokens", hash,
		bson.D{{Key: "used", Value: false}, {Key: "revoked", Value: false}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "used", Value: true}}}}, &t)
	if err == nil {
		if !t.ExpiresAt.After(now) {
			return nil, ErrNotFound
		}
		return &t, nil
	}
	if err = mapErr(err); err != ErrNotFound {
		return nil, err
	}
	err = col.FindOne(ctx, bson.D{{Key: "_id", Value: hash}}).Decode(&t)
	if err != nil {
		return nil, mapErr(err)
	}
	if t.Used {
		if err := s.RevokeFamily(ctx, t.Family); err != nil {
			return nil, err
		}
		return nil, ErrTokenReused
	}
	return nil, ErrNotFound
}

// RefreshTokenByHash returns a stored token, used or not.
func (s *Store) RefreshTokenByHash(ctx context.Context, hash string) (*models.RefreshToken, error) {
	var t models.RefreshToken
	err := s.col("refresh_tokens").FindOne(ctx, bson.D{{Key: "_id", Value: hash}}).Decode(&t)
	if err != nil {
		return nil, mapErr(err)
	}
	return &t, nil
}

// RevokeFamily revokes every token of a login.
func (s *Store) RevokeFamily(ctx context.Context, family string) error {
	_, err := s.updateEach(ctx, "refresh_tokens", bson.D{{Key: "family", Value: family}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "revoked", Value: true}}}})
	return mapErr(err)
}

// RevokeUserTokens revokes every refresh token of a user.
func (s *Store) RevokeUserTokens(ctx context.Context, userID string) error {
	_, err := s.updateEach(ctx, "refresh_tokens", bson.D{{Key: "user_id", Value: userID}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "revoked", Value: true}}}})
	return mapErr(err)
}

// CountActiveSessions counts a user's usable refresh tokens.
func (s *Store) CountActiveSessions(ctx context.Context, userID string, now time.Time) (int64, error) {
	n, err := s.col("refresh_tokens").CountDocuments(ctx, bson.D{
		{Key: "user_id", Value: userID}, {Key: "used", Value: false}, {Key: "revoked", Value: false},
		{Key: "expires_at", Value: bson.D{{Key: "$gt", Value: now}}},
	})
	return n, mapErr(err)
}
