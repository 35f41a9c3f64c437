package store

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// Writes to many documents. On MongoDB they are one UpdateMany or
// DeleteMany (atomic per document, no lock). On the embedded store any
// filter but {_id} reads the whole collection, and doing that under the
// write lock would stall every request that writes meanwhile; so the
// matching ids are read first without the lock, then each document is
// written under a short lock after checking again that it still matches
// (it may have changed between the scan and the write).

// updateEach applies update to every document of col matching filter and
// reports how many it changed.
func (s *Store) updateEach(ctx context.Context, col string, filter, update bson.D) (int64, error) {
	if s.writeMu == nil {
		res, err := s.col(col).UpdateMany(ctx, filter, update)
		if err != nil {
			return 0, mapErr(err)
		}
		return res.ModifiedCount, nil
	}
	ids, err := s.idsMatching(ctx, col, filter)
	if err != nil {
		return 0, err
	}
	cond := withoutKey(filter)
	var n int64
	for _, id := range ids {
		switch err := s.updateByKey(ctx, col, id, cond, update, nil); err {
		case nil:
			n++
		case ErrNotFound: // changed or gone since the scan
		default:
			return n, err
		}
	}
	return n, nil
}

// deleteEach deletes every document of col matching filter and reports
// how many it deleted.
func (s *Store) deleteEach(ctx context.Context, col string, filter bson.D) (int64, error) {
	if s.writeMu == nil {
		res, err := s.col(col).DeleteMany(ctx, filter)
		if err != nil {
			return 0, mapErr(err)
		}
		return res.DeletedCount, nil
	}
	ids, err := s.idsMatching(ctx, col, filter)
	if err != nil {
		return 0, err
	}
	cond := withoutKey(filter)
	var n int64
	for _, id := range ids {
		deleted, err := s.deleteOneIf(ctx, col, id, cond)
		if err != nil {
			return n, err
		}
		if deleted {
			n++
		}
	}
	return n, nil
}

// deleteOneIf deletes document id of col if it still matches cond, under
// the write lock (embedded store only).
func (s *Store) deleteOneIf(ctx context.Context, col, id string, cond bson.D) (bool, error) {
	unlock, err := s.lock(ctx)
	if err != nil {
		return false, err
	}
	defer unlock()
	if len(cond) > 0 {
		raw, err := s.col(col).FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Raw()
		if err = mapErr(err); err == ErrNotFound {
			return false, nil
		} else if err != nil {
			return false, err
		}
		if !matches(raw, cond) {
			return false, nil
		}
	}
	res, err := s.col(col).DeleteOne(ctx, bson.D{{Key: "_id", Value: id}})
	if err != nil {
		return false, mapErr(err)
	}
	return res.DeletedCount == 1, nil
}

// idsMatching returns the string ids of the documents of col matching
// filter, read without the write lock; a filter on {_id: {$in: ids}}
// alone is answered without reading.
func (s *Store) idsMatching(ctx context.Context, col string, filter bson.D) ([]string, error) {
	if len(filter) == 1 && filter[0].Key == "_id" {
		if in, ok := filter[0].Value.(bson.D); ok && len(in) == 1 && in[0].Key == "$in" {
			if ids, ok := in[0].Value.([]string); ok {
				return ids, nil
			}
		}
	}
	cur, err := s.col(col).Find(ctx, filter, options.Find().SetProjection(bson.D{{Key: "_id", Value: 1}}))
	if err != nil {
		return nil, mapErr(err)
	}
	var rows []struct {
		ID string `bson:"_id"`
	}
	if err := cur.All(ctx, &rows); err != nil {
		return nil, mapErr(err)
	}
	ids := make([]string, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	return ids, nil
}
