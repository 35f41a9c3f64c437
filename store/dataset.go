package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// Dataset kinds recorded in meta.
const (
	DatasetDemo      = "demo"
	DatasetSynthetic = "synthetic"
)

// Dataset records what the database was filled with, so that start-up
// never loads the demo data on top of a synthetic data set.
type Dataset struct {
	Kind       string    `bson:"kind"`
	Missions   int       `bson:"missions,omitempty"`
	Volunteers int       `bson:"volunteers,omitempty"`
	Seed       uint64    `bson:"seed,omitempty"`
	At         time.Time `bson:"at"`
}

// Dataset returns what the database holds, nil when nothing was recorded.
func (s *Store) Dataset(ctx context.Context) (*Dataset, error) {
	var d Dataset
	err := mapErr(s.col("meta").FindOne(ctx, bson.D{{Key: "_id", Value: "dataset"}}).Decode(&d))
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &d, nil
}

// SetDataset records what the database holds.
func (s *Store) SetDataset(ctx context.Context, d Dataset) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.col("meta").ReplaceOne(ctx, bson.D{{Key: "_id", Value: "dataset"}}, d, options.Replace().SetUpsert(true))
	return mapErr(err)
}

// Identity returns a random id given to this database once: a file made
// from one database (an index snapshot) is never trusted by another.
func (s *Store) Identity(ctx context.Context) (string, error) {
	var doc struct {
		ID string `bson:"id"`
	}
	err := mapErr(s.col("meta").FindOne(ctx, bson.D{{Key: "_id", Value: "identity"}}).Decode(&doc))
	if err == nil {
		return doc.ID, nil
	}
	if !errors.Is(err, ErrNotFound) {
		return "", err
	}
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	unlock, err := s.lock(ctx)
	if err != nil {
		return "", err
	}
	_, err = s.col("meta").InsertOne(ctx, bson.D{{Key: "_id", Value: "identity"}, {Key: "id", Value: hex.EncodeToString(b)}})
	unlock()
	if err = mapErr(err); err != nil && !errors.Is(err, ErrConflict) {
		return "", err
	}
	// Another instance may have won the insert: read what is stored.
	if err := mapErr(s.col("meta").FindOne(ctx, bson.D{{Key: "_id", Value: "identity"}}).Decode(&doc)); err != nil {
		return "", err
	}
	return doc.ID, nil
}
