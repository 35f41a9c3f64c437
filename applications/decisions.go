package applications

import (
	"context"
	"errors"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// Accept, by the organisation member by, takes a place and then moves the
// application, giving the place back when the application changed
// meanwhile (a concurrent withdrawal). The pending applications of a shift
// it fills go to the waiting list.
func (svc *Service) Accept(ctx context.Context, a *models.Application, by string) (*models.Application, error) {
	if !models.CanTransition(a.Status, models.ApplicationAccepted, models.ActorOrganization) {
		return nil, stateError(string(a.Status))
	}
	if !a.ShiftStart.After(svc.now()) {
		return nil, conflict(CodeShiftStarted)
	}
	// The volunteer's time is claimed first, atomically: two organisations
	// accepting overlapping shifts at once cannot both succeed.
	if err := svc.Store.ClaimShiftTime(ctx, a, svc.now()); err != nil {
		return nil, ruleRefusal(err)
	}
	ok, err := svc.Store.TakePlace(ctx, a.ShiftID)
	if err != nil || !ok {
		svc.SyncVolunteer(ctx, a)
		if err != nil {
			return nil, err
		}
		return nil, conflict(CodeShiftFull)
	}
	updated, err := svc.Change(ctx, a, models.ApplicationAccepted, models.ActorOrganization, by,
		store.ApplicationChange{Decided: true, ClearRank: true})
	if err != nil {
		if rerr := svc.Store.ReleasePlace(ctx, a.ShiftID); rerr != nil {
			svc.Log.Error("place not released", "shift_id", a.ShiftID, "error", rerr)
		}
		svc.SyncVolunteer(ctx, updated)
		if errors.Is(err, store.ErrConflict) {
			return nil, stateError(string(updated.Status))
		}
		return nil, err
	}
	svc.MissionChanged(ctx, updated.MissionID)
	svc.Tell(ctx, updated.VolunteerID, models.EventApplicationAccepted, svc.EventParams(ctx, updated, VolunteerLink(updated)))
	if err := svc.WaitlistPending(ctx, updated.MissionID, updated.ShiftID); err != nil {
		svc.Log.Error("pending applications of a full shift not waitlisted", "shift_id", updated.ShiftID, "error", err)
	}
	return updated, nil
}

// Decline turns an application down with a reason from the list (and an
// optional note, both already validated by models.ValidateDecline); it
// held no place.
func (svc *Service) Decline(ctx context.Context, a *models.Application, by, reason, note string) (*models.Application, error) {
	updated, err := svc.Change(ctx, a, models.ApplicationDeclined, models.ActorOrganization, by,
		store.ApplicationChange{Entry: models.StatusChange{Reason: reason, Note: note}, Decided: true, ClearRank: true})
	if errors.Is(err, store.ErrConflict) {
		return nil, stateError(string(updated.Status))
	}
	if err != nil {
		return nil, err
	}
	svc.Tell(ctx, updated.VolunteerID, models.EventApplicationDeclined, svc.EventParams(ctx, updated, "/missions"))
	return updated, nil
}

// RecordAttendance records, once the shift started, whether the volunteer
// came (to is attended or no_show); attended counts the shift's hours.
func (svc *Service) RecordAttendance(ctx context.Context, a *models.Application, to models.ApplicationStatus, by string) (*models.Application, error) {
	if a.ShiftStart.After(svc.now()) {
		return nil, conflict(CodeShiftNotStarted)
	}
	hours := 0.0
	if to == models.ApplicationAttended {
		hours = models.ShiftHours(a.ShiftStart, a.ShiftEnd)
	}
	updated, err := svc.Change(ctx, a, to, models.ActorOrganization, by, store.ApplicationChange{Hours: &hours})
	if errors.Is(err, store.ErrConflict) {
		return nil, stateError(string(updated.Status))
	}
	return updated, err
}

// MaxBulk bounds the applications of one bulk decision.
const MaxBulk = 100

// DecideByID accepts (decline false) or declines application id of
// organisation orgID, on its own: one item of a bulk decision. An id of
// another organisation is not found.
func (svc *Service) DecideByID(ctx context.Context, orgID, id, by string, decline bool, reason, note string) (*models.Application, error) {
	if !store.ValidID(id) {
		return nil, store.ErrNotFound
	}
	a, err := svc.Store.ApplicationInOrg(ctx, orgID, id)
	if err != nil {
		return nil, err
	}
	if decline {
		return svc.Decline(ctx, a, by, reason, note)
	}
	return svc.Accept(ctx, a, by)
}
