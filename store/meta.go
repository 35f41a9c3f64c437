package store

import (
	"context"
	"errors"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
)

// MarkOnce records that a one-time step (such as loading the demo data)
// ran, and reports whether this call was the first.
func (s *Store) MarkOnce(ctx context.Context, key string, now time.Time) (bool, error) {
	defer s.lock()()
	_, err := s.col("meta").InsertOne(ctx, bson.D{{Key: "_id", Value: "once:" + key}, {Key: "at", Value: now}})
	err = mapErr(err)
	if errors.Is(err, ErrConflict) {
		return false, nil
	}
	return err == nil, err
}

// InsertUserIfAbsent creates a user unless its id exists already; seeds use
// it so that loading twice changes nothing.
func (s *Store) InsertUserIfAbsent(ctx context.Context, u any, id string) (bool, error) {
	defer s.lock()()
	n, err := s.col("users").CountDocuments(ctx, bson.D{{Key: "_id", Value: id}})
	if err != nil {
		return false, mapErr(err)
	}
	if n > 0 {
		return false, nil
	}
	_, err = s.col("users").InsertOne(ctx, u)
	return err == nil, mapErr(err)
}

// InsertIfAbsent inserts doc into col unless a document with id exists;
// the seed loaders use it so that loading twice changes nothing.
func (s *Store) InsertIfAbsent(ctx context.Context, col, id string, doc any) error {
	defer s.lock()()
	n, err := s.col(col).CountDocuments(ctx, bson.D{{Key: "_id", Value: id}})
	if err != nil || n > 0 {
		return mapErr(err)
	}
	_, err = s.col(col).InsertOne(ctx, doc)
	return mapErr(err)
}

// InsertMany inserts documents in one batch (bulk loads).
func (s *Store) InsertMany(ctx context.Context, col string, docs []any) error {
	if len(docs) == 0 {
		return nil
	}
	defer s.lock()()
	_, err := s.col(col).InsertMany(ctx, docs)
	return mapErr(err)
}
