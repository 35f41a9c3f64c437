package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/entraide/entraide/models"
)

// EndAccessTokens bumps a user's token version. Every request reads the
// account and compares its version with the token's, so every access
// token already issued stops working at once (log out everywhere, a
// stolen refresh token detected).
func (s *Store) EndAccessTokens(ctx context.Context, userID string) error {
	_, err := s.updateUser(ctx, userID, bson.D{{Key: "$inc", Value: bson.D{{Key: "token_version", Value: 1}}}})
	return err
}

// user_sessions lists each user's usable refresh tokens
// ({_id: user id, live: {token hash: {f: family, exp}}}), so that counting
// a user's sessions, logging out everywhere and revoking a login's family
// are key reads and key writes, not filters on refresh_tokens. A token
// enters at issue and leaves when it is used (rotated) or revoked; expired
// entries are pruned when the next token is issued. The list is as long
// as the user's open sessions.
const userSessionsCol = "user_sessions"

type sessionEntry struct {
	Family    string    `bson:"f"`
	ExpiresAt time.Time `bson:"exp"`
}

type userSessions struct {
	UserID string                  `bson:"_id"`
	Live   map[string]sessionEntry `bson:"live,omitempty"`
}

func (s *Store) sessions(ctx context.Context, userID string) (*userSessions, error) {
	var doc userSessions
	err := s.findByKey(ctx, userSessionsCol, userID, nil, &doc)
	if err == ErrNotFound {
		return &userSessions{UserID: userID}, nil
	}
	return &doc, err
}

// listSession adds a new token to its user's list and prunes the entries
// expired at its issue.
func (s *Store) listSession(ctx context.Context, t *models.RefreshToken) error {
	doc, err := s.sessions(ctx, t.UserID)
	if err != nil {
		return err
	}
	update := bson.D{{Key: "$set", Value: bson.D{{Key: "live." + t.ID, Value: sessionEntry{Family: t.Family, ExpiresAt: t.ExpiresAt}}}}}
	var expired bson.D
	for hash, e := range doc.Live {
		if !e.ExpiresAt.After(t.CreatedAt) && hash != t.ID {
			expired = append(expired, bson.E{Key: "live." + hash, Value: ""})
		}
	}
	if len(expired) > 0 {
		update = append(update, bson.E{Key: "$unset", Value: expired})
	}
	return s.writeSessions(ctx, t.UserID, update)
}

// unlistSessions removes tokens from a user's list.
func (s *Store) unlistSessions(ctx context.Context, userID string, hashes ...string) error {
	if len(hashes) == 0 {
		return nil
	}
	unset := bson.D{}
	for _, h := range hashes {
		unset = append(unset, bson.E{Key: "live." + h, Value: ""})
	}
	return s.writeSessions(ctx, userID, bson.D{{Key: "$unset", Value: unset}})
}

func (s *Store) writeSessions(ctx context.Context, userID string, update bson.D) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.col(userSessionsCol).UpdateOne(ctx, bson.D{{Key: "_id", Value: userID}}, update, options.UpdateOne().SetUpsert(true))
	return mapErr(err)
}

// revokeSessions revokes the listed tokens of a user that pick selects,
// each by key, then takes them off the list.
func (s *Store) revokeSessions(ctx context.Context, userID string, pick func(sessionEntry) bool) error {
	doc, err := s.sessions(ctx, userID)
	if err != nil {
		return err
	}
	var hashes []string
	for hash, e := range doc.Live {
		if !pick(e) {
			continue
		}
		err := s.updateByKey(ctx, "refresh_tokens", hash, nil, bson.D{{Key: "$set", Value: bson.D{{Key: "revoked", Value: true}}}}, nil)
		if err != nil && err != ErrNotFound {
			return err
		}
		hashes = append(hashes, hash)
	}
	return s.unlistSessions(ctx, userID, hashes...)
}

// BackfillUserSessions lists the usable refresh tokens issued before the
// session lists existed, once per database (recorded in meta).
func (s *Store) BackfillUserSessions(ctx context.Context, now time.Time) error {
	const key = "backfill:user_sessions:v1"
	if done, err := s.backfilled(ctx, key); done || err != nil {
		return err
	}
	cur, err := s.col("refresh_tokens").Find(ctx, bson.D{{Key: "used", Value: false}, {Key: "revoked", Value: false},
		{Key: "expires_at", Value: bson.D{{Key: "$gt", Value: now}}}})
	if err != nil {
		return mapErr(err)
	}
	var tokens []models.RefreshToken
	if err := cur.All(ctx, &tokens); err != nil {
		return mapErr(err)
	}
	for i := range tokens {
		if err := s.writeSessions(ctx, tokens[i].UserID, bson.D{{Key: "$set", Value: bson.D{{Key: "live." + tokens[i].ID,
			Value: sessionEntry{Family: tokens[i].Family, ExpiresAt: tokens[i].ExpiresAt}}}}}); err != nil {
			return err
		}
	}
	return s.markBackfilled(ctx, key, now)
}
