package store

import (
	"context"
	"time"
)

// Backfill writes the key documents that request paths read (user_emails,
// user_orgs, mission_shifts, volunteer_applications) for data written
// before they existed. Each step runs once per database, recorded in meta,
// and is idempotent; on a database that already has them it costs one key
// read per step. It runs at start-up after Migrate, before serving.
func (s *Store) Backfill(ctx context.Context, now time.Time) error {
	return s.backfill(ctx, now, nil)
}

// backfill runs the steps; the largest read their records from src when
// it is not nil (a bulk load that has them in memory) instead of scanning
// the collections.
func (s *Store) backfill(ctx context.Context, now time.Time, src *bulkSource) error {
	for _, step := range []func(context.Context, time.Time) error{
		func(ctx context.Context, now time.Time) error { return s.backfillUserKeys(ctx, now, src) },
		s.BackfillMissionShifts,
		func(ctx context.Context, now time.Time) error { return s.backfillVolunteerApplications(ctx, now, src) },
		func(ctx context.Context, now time.Time) error { return s.backfillNotificationLists(ctx, now, src) },
		func(ctx context.Context, now time.Time) error { return s.backfillDigestUsers(ctx, now, src) },
		s.BackfillOrgMissions,
		func(ctx context.Context, now time.Time) error { return s.backfillJobLists(ctx, now, src) },
		s.BackfillUserSessions, s.BackfillMissionQueues, s.BackfillOpenReports,
		s.BackfillOrgQueues, s.BackfillReportQueues,
	} {
		if err := step(ctx, now); err != nil {
			return err
		}
	}
	return nil
}
