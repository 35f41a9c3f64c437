// Package applications holds the rules of applications and places: taking
// and releasing a place, the waiting list and its offers, cancelling and
// withdrawing, and the background jobs that remind, release, expire and
// reconcile. API handlers, page handlers and the service's workers all
// call it; it knows nothing of HTTP.
package applications

import (
	"context"
	"log/slog"
	"slices"
	"time"

	"github.com/entraide/entraide/catalog"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/notify"
	"github.com/entraide/entraide/store"
)

// Service is the applications domain with what it needs: the store, the
// notifications (nil: nobody is told) and the matching index (nil: none
// to keep in step), a logger and a clock.
type Service struct {
	Store   *store.Store
	Notify  *notify.Service
	Catalog *catalog.Catalog
	Log     *slog.Logger
	Now     func() time.Time
}

func (svc *Service) now() time.Time {
	if svc.Now == nil {
		return time.Now().UTC()
	}
	return svc.Now().UTC()
}

// volunteerApplications returns a volunteer's applications in one of
// statuses (any when none), newest first.
func (svc *Service) VolunteerApplications(ctx context.Context, userID string, statuses ...models.ApplicationStatus) ([]models.Application, error) {
	all, err := svc.Store.ApplicationsOfVolunteer(ctx, userID, time.Time{})
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, a := range all {
		if len(statuses) == 0 || slices.Contains(statuses, a.Status) {
			out = append(out, a)
		}
	}
	slices.Reverse(out)
	return out, nil
}

// missionChanged updates the index after a write. A failure is logged, not
// returned: the write is done, and the catalogue poller heals the index.
func (svc *Service) MissionChanged(ctx context.Context, missionID string) {
	if svc.Catalog == nil {
		return
	}
	if err := svc.Catalog.MissionChanged(context.WithoutCancel(ctx), missionID); err != nil {
		svc.Log.Error("index not updated", "mission_id", missionID, "error", err)
	}
}

// missionsOfOrgChanged reindexes every published mission of an
// organisation (its name or state changed).
func (svc *Service) MissionsOfOrgChanged(ctx context.Context, orgID string) {
	if svc.Catalog == nil {
		return
	}
	missions, _, err := svc.Store.Missions(ctx, store.MissionFilter{OrgID: orgID}, "created_at", 0, 0)
	if err != nil {
		svc.Log.Error("index not updated", "org_id", orgID, "error", err)
		return
	}
	for _, m := range missions {
		svc.MissionChanged(ctx, m.ID)
	}
}
