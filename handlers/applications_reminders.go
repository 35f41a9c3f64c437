package handlers

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
func (s *Server) RemindPendingApplications(ctx context.Context) (int, error) {
	now := s.now()
	sent := 0
	for _, step := range []struct {
		key   string
		after time.Duration
	}{{models.ReminderOrgSecond, models.SecondReminderAfter}, {models.ReminderOrgFirst, models.FirstReminderAfter}} {
		apps, err := s.store.PendingCreatedBefore(ctx, now.Add(-step.after), step.key, jobBatch)
		if err != nil {
			return sent, err
		}
		for i := range apps {
			a := &apps[i]
			ok, err := s.store.MarkReminder(ctx, a.ID, models.ApplicationPending, step.key)
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
			params := s.eventParams(ctx, a, orgLink(a))
			params["volunteer_name"] = s.volunteerName(ctx, a.VolunteerID)
			s.tellMembers(ctx, a.OrgID, step.key+":"+a.ID, models.EventApplicationReceived, params)
			sent++
		}
	}
	return sent, nil
}

// ReleaseUnanswered releases the applications left pending for 14 days
// and tells each volunteer, with a link to other missions.
func (s *Server) ReleaseUnanswered(ctx context.Context) (int, error) {
	apps, err := s.store.PendingCreatedBefore(ctx, s.now().Add(-models.ReleaseAfter), "", jobBatch)
	if err != nil {
		return 0, err
	}
	released := 0
	for i := range apps {
		updated, err := s.changeApplication(ctx, &apps[i], models.ApplicationReleased, models.ActorSystem, "system",
			store.ApplicationChange{Entry: models.StatusChange{Reason: "unanswered"}})
		if errors.Is(err, store.ErrConflict) {
			continue
		}
		if err != nil {
			return released, err
		}
		released++
		link := "/missions"
		if m, err := s.store.MissionByID(ctx, updated.MissionID); err == nil {
			link += "?category=" + string(m.Category)
		}
		s.tell(ctx, updated.VolunteerID, models.EventApplicationDeclined, s.eventParams(ctx, updated, link))
	}
	if released > 0 {
		s.log.Info("unanswered applications released", "count", released)
	}
	return released, nil
}

// RemindShifts reminds accepted volunteers of their shift 24 hours and 2
// hours before it starts, once each.
func (s *Server) RemindShifts(ctx context.Context) (int, error) {
	now := s.now()
	sent := 0
	for _, step := range []struct {
		key      string
		from, to time.Duration
		event    models.Event
	}{
		{models.ReminderShift24h, 2 * time.Hour, 24 * time.Hour, models.EventShiftReminder24h},
		{models.ReminderShift2h, 0, 2 * time.Hour, models.EventShiftReminder2h},
	} {
		apps, err := s.store.AcceptedStartingBetween(ctx, now.Add(step.from), now.Add(step.to), step.key, jobBatch)
		if err != nil {
			return sent, err
		}
		for i := range apps {
			a := &apps[i]
			ok, err := s.store.MarkReminder(ctx, a.ID, models.ApplicationAccepted, step.key)
			if err != nil {
				return sent, err
			}
			if !ok {
				continue
			}
			s.tellOnce(ctx, step.key+":"+a.ID, a.VolunteerID, step.event, s.eventParams(ctx, a, volunteerLink(a)))
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
func (s *Server) UpdateResponseTimes(ctx context.Context) (int, error) {
	decided, err := s.store.DecidedSince(ctx, s.now().Add(-ResponseWindow))
	if err != nil {
		return 0, err
	}
	byOrg := map[string][]float64{}
	for _, a := range decided {
		byOrg[a.OrgID] = append(byOrg[a.OrgID], a.DecidedAt.Sub(a.CreatedAt).Hours())
	}
	for orgID, hours := range byOrg {
		if err := s.store.SetResponseHours(ctx, orgID, math.Round(*median(hours)*10)/10); err != nil {
			return 0, err
		}
	}
	return len(byOrg), nil
}

func (s *Server) volunteerName(ctx context.Context, userID string) string {
	u, err := s.store.UserByID(ctx, userID)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(u.Name)
}
