package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/entraide/entraide/models"
)

// InsertApplicationsBulk writes applications and their volunteers'
// application lists in one batch each, for bulk loads (the synthetic data
// set). Every application of a volunteer must come in the same call, and
// the volunteer must have no list yet.
func (s *Store) InsertApplicationsBulk(ctx context.Context, apps []models.Application) error {
	if len(apps) == 0 {
		return nil
	}
	docs := make([]any, len(apps))
	lists := map[string]*volunteerApps{}
	order := []string{}
	for i := range apps {
		a := &apps[i]
		docs[i] = a
		list := lists[a.VolunteerID]
		if list == nil {
			list = &volunteerApps{VolunteerID: a.VolunteerID}
			lists[a.VolunteerID] = list
			order = append(order, a.VolunteerID)
		}
		list.Items = append(list.Items, appRef{ApplicationID: a.ID, ShiftEnd: a.ShiftEnd})
	}
	if err := s.InsertMany(ctx, "applications", docs); err != nil {
		return err
	}
	listDocs := make([]any, len(order))
	for i, id := range order {
		listDocs[i] = lists[id]
	}
	return s.InsertMany(ctx, "volunteer_applications", listDocs)
}

// backfillKeys are the meta records of the start-up backfills (see
// Backfill); bulk loads clear them so the key documents are rebuilt.
var backfillKeys = []string{"backfill:user_keys:v1", "backfill:mission_shifts:v1", "backfill:applications_lists:v1",
	"backfill:notification_lists:v1", "backfill:org_missions:v1"}

// RedoBackfills rebuilds the key documents that request paths read (e-mail
// keys, memberships, shift and application lists...) after a bulk load,
// which writes the records alone: the backfills already ran, on the empty
// database, when the loader opened it.
func (s *Store) RedoBackfills(ctx context.Context, now time.Time) error {
	unlock := s.lock()
	for _, key := range backfillKeys {
		if _, err := s.col("meta").DeleteOne(ctx, bson.D{{Key: "_id", Value: key}}); err != nil {
			unlock()
			return mapErr(err)
		}
	}
	unlock()
	return s.Backfill(ctx, now)
}
