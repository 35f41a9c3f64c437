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
	_, err = s.col("refresh_tokens").InsertOne(ctx, t)
	unlock()
	if err != nil {
		return mapErr(err)
	}
	return s.listSession(ctx, t)
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
		// Best effort: the token is used already, and failing the refresh
		// now would make the client's retry look like a reuse. An entry
		// left behind only counts a session too many until it expires.
		_ = s.unlistSessions(ctx, t.UserID, t.ID)
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
		if err := s.RevokeFamily(ctx, t.UserID, t.Family); err != nil {
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

// RevokeFamily revokes every usable token of a login of userID: the
// user's session list names them, each revoked by key (the tokens already
// rotated are used, so refused anyway).
func (s *Store) RevokeFamily(ctx context.Context, userID, family string) error {
	return s.revokeSessions(ctx, userID, func(e sessionEntry) bool { return e.Family == family })
}

// RevokeUserTokens revokes every refresh token of a user, by key.
func (s *Store) RevokeUserTokens(ctx context.Context, userID string) error {
	return s.revokeSessions(ctx, userID, func(sessionEntry) bool { return true })
}

// CountActiveSessions counts a user's usable refresh tokens: one key read.
func (s *Store) CountActiveSessions(ctx context.Context, userID string, now time.Time) (int64, error) {
	doc, err := s.sessions(ctx, userID)
	if err != nil {
		return 0, err
	}
	var n int64
	for _, e := range doc.Live {
		if e.ExpiresAt.After(now) {
			n++
		}
	}
	return n, nil
}
