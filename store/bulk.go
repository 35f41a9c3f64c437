package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/entraide/entraide/models"
)

// InsertApplicationsBulk writes applications in one batch, for bulk loads
// (the synthetic data set). The volunteers' and shifts' lists are built
// afterwards by RedoBackfills, which knows their current shape.
func (s *Store) InsertApplicationsBulk(ctx context.Context, apps []models.Application) error {
	docs := make([]any, len(apps))
	for i := range apps {
		docs[i] = &apps[i]
	}
	return s.InsertBulk(ctx, "applications", docs)
}

// InsertBulk writes records in one insert without the key documents that
// InsertMany writes for each of them (e-mail keys, lists): a bulk load
// writes its records this way, then calls RedoBackfills once, which builds
// every key document from the records in batches. Writing them one record
// at a time took most of a large load's time.
func (s *Store) InsertBulk(ctx context.Context, col string, docs []any) error {
	if len(docs) == 0 {
		return nil
	}
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.col(col).InsertMany(ctx, docs)
	return mapErr(err)
}

// backfillKeys are the meta records of the start-up backfills (see
// Backfill); bulk loads clear them so the key documents are rebuilt.
var backfillKeys = []string{"backfill:user_keys:v1", "backfill:mission_shifts:v1", "backfill:applications_lists:v1",
	"backfill:notification_lists:v1", "backfill:org_missions:v1", "backfill:job_lists:v4",
	"backfill:user_sessions:v1", "backfill:mission_queues:v1",
	"backfill:open_reports:v1"}

// RedoBackfills rebuilds the key documents that request paths read (e-mail
// keys, memberships, shift and application lists...) after a bulk load,
// which writes the records alone: the backfills already ran, on the empty
// database, when the loader opened it.
func (s *Store) RedoBackfills(ctx context.Context, now time.Time) error {
	return s.redoBackfills(ctx, now)
}

// RedoBackfillsOneByOne is RedoBackfills writing each key document with
// its own upsert, the way that does not depend on the batches: tests
// compare the two.
func (s *Store) RedoBackfillsOneByOne(ctx context.Context, now time.Time) error {
	return s.redoBackfills(context.WithValue(ctx, oneByOneKey{}, true), now)
}

func (s *Store) redoBackfills(ctx context.Context, now time.Time) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	for _, key := range backfillKeys {
		if _, err := s.col("meta").DeleteOne(ctx, bson.D{{Key: "_id", Value: key}}); err != nil {
			unlock()
			return mapErr(err)
		}
	}
	unlock()
	return s.Backfill(ctx, now)
}
