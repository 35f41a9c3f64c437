package applications

import (
	"context"
	"errors"
	"math"
	"strings"
	"time"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// RemindPendingApplications reminds an organisation's members of the
// applications left unanswered for 3 days, and again at 7. Each reminder
// is recorded on the application by a conditional update before it is
// sent, so two instances never send it twice.
func (svc *Service) RemindPendingApplications(ctx context.Context) (int, error) {
	now := svc.now()
	sent := 0
	for _, step := range []struct {
		key   string
		after time.Duration
	}{{models.ReminderOrgSecond, models.SecondReminderAfter}, {models.ReminderOrgFirst, models.FirstReminderAfter}} {
		apps, err := svc.Store.PendingCreatedBefore(ctx, now.Add(-step.after), step.key, jobBatch)
		if err != nil {
			return sent, err
		}
		for i := range apps {
			a := &apps[i]
			ok, err := svc.Store.MarkReminder(ctx, a.ID, models.ApplicationPending, step.key)
			if err != nil {
				return sent, err
			}
			if !ok {
				continue
			}
			// The second step runs first: an application already past 7
			// days gets that reminder only, the first one is just marked.
			if step.key == models.ReminderOrgFirst && !a.CreatedAt.After(now.Add(-models.SecondReminderAfter)) {
				continue
			}
			params := svc.EventParams(ctx, a, OrgLink(a))
			params["volunteer_name"] = svc.volunteerName(ctx, a.VolunteerID)
			svc.TellMembers(ctx, a.OrgID, step.key+":"+a.ID, models.EventApplicationReceived, params)
			sent++
		}
	}
	return sent, nil
}

// ReleaseUnanswered releases the applications left pending for 14 days
// and tells each volunteer, with a link to other missions.
func (svc *Service) ReleaseUnanswered(ctx context.Context) (int, error) {
	apps, err := svc.Store.PendingCreatedBefore(ctx, svc.now().Add(-models.ReleaseAfter), "", jobBatch)
	if err != nil {
		return 0, err
	}
	released := 0
	for i := range apps {
		updated, err := svc.Change(ctx, &apps[i], models.ApplicationReleased, models.ActorSystem, "system",
			store.ApplicationChange{Entry: models.StatusChange{Reason: "unanswered"}})
		if errors.Is(err, store.ErrConflict) {
			continue
		}
		if err != nil {
			return released, err
		}
		released++
		link := "/missions"
		if m, err := svc.Store.MissionByID(ctx, updated.MissionID); err == nil {
			link += "?category=" + string(m.Category)
		}
		svc.Tell(ctx, updated.VolunteerID, models.EventApplicationDeclined, svc.EventParams(ctx, updated, link))
	}
	if released > 0 {
		svc.Log.Info("unanswered applications released", "count", released)
	}
	return released, nil
}

// RemindShifts reminds accepted volunteers of their shift 24 hours and 2
// hours before it starts, once each.
func (svc *Service) RemindShifts(ctx context.Context) (int, error) {
	now := svc.now()
	sent := 0
	for _, step := range []struct {
		key      string
		from, to time.Duration
		event    models.Event
	}{
		{models.ReminderShift24h, 2 * time.Hour, 24 * time.Hour, models.EventShiftReminder24h},
		{models.ReminderShift2h, 0, 2 * time.Hour, models.EventShiftReminder2h},
	} {
		apps, err := svc.Store.AcceptedStartingBetween(ctx, now.Add(step.from), now.Add(step.to), step.key, jobBatch)
		if err != nil {
			return sent, err
		}
		for i := range apps {
			a := &apps[i]
			ok, err := svc.Store.MarkReminder(ctx, a.ID, models.ApplicationAccepted, step.key)
			if err != nil {
				return sent, err
			}
			if !ok {
				continue
			}
			svc.TellOnce(ctx, step.key+":"+a.ID, a.VolunteerID, step.event, svc.EventParams(ctx, a, VolunteerLink(a)))
			sent++
		}
	}
	return sent, nil
}

// ResponseWindow is the period over which response times are measured.
const ResponseWindow = 180 * 24 * time.Hour

// UpdateResponseTimes computes each organisation's median time to answer
// an application over ResponseWindow and records it for its public page.
// Auto-accepted and released applications are not answers.
func (svc *Service) UpdateResponseTimes(ctx context.Context) (int, error) {
	decided, err := svc.Store.DecidedSince(ctx, svc.now().Add(-ResponseWindow))
	if err != nil {
		return 0, err
	}
	byOrg := map[string][]float64{}
	for _, a := range decided {
		byOrg[a.OrgID] = append(byOrg[a.OrgID], a.DecidedAt.Sub(a.CreatedAt).Hours())
	}
	for orgID, hours := range byOrg {
		if err := svc.Store.SetResponseHours(ctx, orgID, math.Round(*models.Median(hours)*10)/10); err != nil {
			return 0, err
		}
	}
	return len(byOrg), nil
}

func (svc *Service) volunteerName(ctx context.Context, userID string) string {
	u, err := svc.Store.UserByID(ctx, userID)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(u.Name)
}
