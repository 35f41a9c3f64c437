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
	unlock, err := s.lock(ctx)
	if err != nil {
		return false, err
	}
	defer unlock()
	_, err = s.col("meta").InsertOne(ctx, bson.D{{Key: "_id", Value: "once:" + key}, {Key: "at", Value: now}})
	err = mapErr(err)
	if errors.Is(err, ErrConflict) {
		return false, nil
	}
	return err == nil, err
}

// InsertUserIfAbsent creates a user unless its id exists already; seeds use
// it so that loading twice changes nothing.
// The insert itself is the check: a second insert of the same id is a
// duplicate key on every backend, where a count then an insert would race.
func (s *Store) InsertUserIfAbsent(ctx context.Context, u any, id string) (bool, error) {
	unlock, err := s.lock(ctx)
	if err != nil {
		return false, err
	}
	_, err = s.col("users").InsertOne(ctx, u)
	unlock()
	switch err = mapErr(err); err {
	case nil:
		return true, s.afterInsert(ctx, "users", []any{u})
	case ErrConflict:
		return false, nil
	}
	return false, err
}

// InsertIfAbsent inserts doc into col unless a document with id exists;
// the seed loaders use it so that loading twice changes nothing.
func (s *Store) InsertIfAbsent(ctx context.Context, col, id string, doc any) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	_, err = s.col(col).InsertOne(ctx, doc)
	unlock()
	if err = mapErr(err); err != nil && err != ErrConflict {
		return err
	}
	return s.afterInsert(ctx, col, []any{doc})
}

// InsertMany inserts documents in one batch (bulk loads).
func (s *Store) InsertMany(ctx context.Context, col string, docs []any) error {
	if len(docs) == 0 {
		return nil
	}
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	_, err = s.col(col).InsertMany(ctx, docs)
	unlock()
	if err != nil {
		return mapErr(err)
	}
	return s.afterInsert(ctx, col, docs)
}

// backfilled reports whether the one-time backfill key already ran on
// this database (recorded in meta by markBackfilled).
func (s *Store) backfilled(ctx context.Context, key string) (bool, error) {
	var done struct {
		ID string `bson:"_id"`
	}
	switch err := s.findByKey(ctx, "meta", key, nil, &done); err {
	case nil:
		return true, nil
	case ErrNotFound:
		return false, nil
	default:
		return false, err
	}
}

// markBackfilled records that the backfill key ran; another instance that
// recorded it first is not an error.
func (s *Store) markBackfilled(ctx context.Context, key string, now time.Time) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.col("meta").InsertOne(ctx, bson.D{{Key: "_id", Value: key}, {Key: "at", Value: now}})
	if err = mapErr(err); err == ErrConflict {
		return nil
	}
	return err
}
