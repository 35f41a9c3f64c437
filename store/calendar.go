package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
)

// calendarFeed is a volunteer's private calendar feed: _id is the hash of
// the secret token in its URL, never the token.
type calendarFeed struct {
	Hash      string    `bson:"_id"`
	UserID    string    `bson:"user_id"`
	CreatedAt time.Time `bson:"created_at"`
}

// SetCalendarToken replaces a user's feed token by the one hashed as hash;
// the old URL stops working.
func (s *Store) SetCalendarToken(ctx context.Context, userID, hash string, now time.Time) error {
	if err := s.RevokeCalendarToken(ctx, userID); err != nil {
		return err
	}
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.col("calendar_feeds").InsertOne(ctx, calendarFeed{Hash: hash, UserID: userID, CreatedAt: now})
	return mapErr(err)
}

// RevokeCalendarToken deletes a user's feed token.
func (s *Store) RevokeCalendarToken(ctx context.Context, userID string) error {
	_, err := s.deleteEach(ctx, "calendar_feeds", bson.D{{Key: "user_id", Value: userID}})
	return err
}

// CalendarUser returns the user id of a feed token's hash.
func (s *Store) CalendarUser(ctx context.Context, hash string) (string, error) {
	var f calendarFeed
	if err := s.col("calendar_feeds").FindOne(ctx, bson.D{{Key: "_id", Value: hash}}).Decode(&f); err != nil {
		return "", mapErr(err)
	}
	return f.UserID, nil
}

// HasCalendarToken reports whether a user has a feed.
func (s *Store) HasCalendarToken(ctx context.Context, userID string) (bool, error) {
	n, err := s.col("calendar_feeds").CountDocuments(ctx, bson.D{{Key: "user_id", Value: userID}})
	return n > 0, mapErr(err)
}
