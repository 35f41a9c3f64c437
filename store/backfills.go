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
	for _, step := range []func(context.Context, time.Time) error{
		s.BackfillUserKeys, s.BackfillMissionShifts, s.BackfillVolunteerApplications, s.BackfillNotificationLists, s.BackfillOrgMissions,
		s.BackfillJobLists, s.BackfillUserSessions, s.BackfillMissionQueues, s.BackfillOpenReports,
	} {
		if err := step(ctx, now); err != nil {
			return err
		}
	}
	return nil
}
