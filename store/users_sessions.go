package store

import (
	"context"
	"slices"
	"strings"
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
// as the user's open sessions, at most MaxUserSessions.
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

// MaxUserSessions caps a user's live sessions (refresh tokens listed).
// One person's devices — a phone, a tablet, a laptop, a computer at the
// association — are a handful; ten leaves room for them and for a few
// forgotten logins, while a kiosk, a shared phone or a script that logs
// in every time no longer grows the list (and every login's write, which
// rewrites the whole list) without end. Issuing a token beyond the cap
// ends the least recently used sessions: their refresh tokens are revoked
// as a logout revokes them, not merely forgotten.
const MaxUserSessions = 10

// listSession adds a new token to its user's list, prunes the entries
// expired at its issue and ends the least recently used sessions beyond
// MaxUserSessions. A session's entry is its latest token, whose expiry is
// its last refresh plus the refresh TTL: the earliest expiries are the
// sessions used longest ago. The ended tokens are revoked first, then the
// list is written in one update, so a failure between the two leaves a
// revoked token listed (counted until the next issue prunes it), never a
// usable token unlisted (which logging out everywhere would miss).
func (s *Store) listSession(ctx context.Context, t *models.RefreshToken) error {
	doc, err := s.sessions(ctx, t.UserID)
	if err != nil {
		return err
	}
	var drop []string
	type live struct {
		hash string
		exp  time.Time
	}
	var others []live
	for hash, e := range doc.Live {
		switch {
		case hash == t.ID:
		case !e.ExpiresAt.After(t.CreatedAt):
			drop = append(drop, hash)
		default:
			others = append(others, live{hash, e.ExpiresAt})
		}
	}
	if over := len(others) + 1 - MaxUserSessions; over > 0 {
		slices.SortFunc(others, func(a, b live) int {
			if c := a.exp.Compare(b.exp); c != 0 {
				return c
			}
			return strings.Compare(a.hash, b.hash)
		})
		for _, o := range others[:over] {
			if err := s.revokeToken(ctx, o.hash); err != nil {
				return err
			}
			drop = append(drop, o.hash)
		}
	}
	update := bson.D{{Key: "$set", Value: bson.D{{Key: "live." + t.ID, Value: sessionEntry{Family: t.Family, ExpiresAt: t.ExpiresAt}}}}}
	if len(drop) > 0 {
		unset := make(bson.D, len(drop))
		for i, hash := range drop {
			unset[i] = bson.E{Key: "live." + hash, Value: ""}
		}
		update = append(update, bson.E{Key: "$unset", Value: unset})
	}
	return s.writeSessions(ctx, t.UserID, update)
}

// revokeToken revokes one refresh token by key; one already gone is no
// error (the session is over either way).
func (s *Store) revokeToken(ctx context.Context, hash string) error {
	err := s.updateByKey(ctx, "refresh_tokens", hash, nil, bson.D{{Key: "$set", Value: bson.D{{Key: "revoked", Value: true}}}}, nil)
	if err == ErrNotFound {
		return nil
	}
	return err
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
		if err := s.revokeToken(ctx, hash); err != nil {
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
