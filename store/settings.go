package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// Blocklist returns the live moderation blocklist, or ok=false when none
// was saved (the shipped default applies).
func (s *Store) Blocklist(ctx context.Context) (words []string, ok bool, err error) {
	var doc struct {
		Words []string `bson:"words"`
	}
	err = mapErr(s.col("meta").FindOne(ctx, bson.D{{Key: "_id", Value: "blocklist"}}).Decode(&doc))
	if err == ErrNotFound {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	return doc.Words, true, nil
}

// SetBlocklist saves the moderation blocklist.
func (s *Store) SetBlocklist(ctx context.Context, words []string, now time.Time) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.col("meta").UpdateOne(ctx, bson.D{{Key: "_id", Value: "blocklist"}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "words", Value: words}, {Key: "updated_at", Value: now}}}},
		options.UpdateOne().SetUpsert(true))
	return mapErr(err)
}

// CatalogueVersion returns the version counter that instances poll to
// notice changes to published missions made elsewhere.
func (s *Store) CatalogueVersion(ctx context.Context) (int64, error) {
	var doc struct {
		Version int64 `bson:"version"`
	}
	err := mapErr(s.col("meta").FindOne(ctx, bson.D{{Key: "_id", Value: "catalogue"}}).Decode(&doc))
	if err == ErrNotFound {
		return 0, nil
	}
	return doc.Version, err
}

// BumpCatalogueVersion increments the catalogue version and returns it.
func (s *Store) BumpCatalogueVersion(ctx context.Context) (int64, error) {
	unlock, err := s.lock(ctx)
	if err != nil {
		return 0, err
	}
	defer unlock()
	var doc struct {
		Version int64 `bson:"version"`
	}
	err = s.col("meta").FindOneAndUpdate(ctx, bson.D{{Key: "_id", Value: "catalogue"}},
		bson.D{{Key: "$inc", Value: bson.D{{Key: "version", Value: int64(1)}}}},
		options.FindOneAndUpdate().SetUpsert(true).SetReturnDocument(options.After)).Decode(&doc)
	return doc.Version, mapErr(err)
}
