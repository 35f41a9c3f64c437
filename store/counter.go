package store

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
)

// takeIf increments field on document id by one when field < limitField, in
// one conditional update, and reports whether it did. It is the primitive
// behind place-taking: on MongoDB a single-document update is atomic, and on
// the embedded store the write lock makes it so.
func (s *Store) takeIf(ctx context.Context, col, id, field string, limit int) (bool, error) {
	err := s.updateByKey(ctx, col, id, bson.D{{Key: field, Value: bson.D{{Key: "$lt", Value: limit}}}},
		bson.D{{Key: "$inc", Value: bson.D{{Key: field, Value: 1}}}}, nil)
	switch err {
	case nil:
		return true, nil
	case ErrNotFound:
		return false, nil
	}
	return false, err
}

// inc adds delta to field on document id.
func (s *Store) inc(ctx context.Context, col, id, field string, delta int) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.col(col).UpdateOne(ctx, bson.D{{Key: "_id", Value: id}},
		bson.D{{Key: "$inc", Value: bson.D{{Key: field, Value: delta}}}})
	return mapErr(err)
}
