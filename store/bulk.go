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
	return s.InsertMany(ctx, "applications", docs)
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
