package applications

import (
	"context"
	"errors"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
	"github.com/entraide/entraide/timefmt"
)

// changeApplication moves a from the state it was read in to to, by
// actor, in one conditional update on that exact state, so that the
// history and the place accounting know the state it left. When the state
// changed meanwhile and still allows the move, it tries again from there;
// otherwise it returns ErrConflict with the application as it is.
func (svc *Service) Change(ctx context.Context, a *models.Application, to models.ApplicationStatus, actor models.Actor, by string, ch store.ApplicationChange) (*models.Application, error) {
	for range 3 {
		if !models.CanTransition(a.Status, to, actor) {
			return a, store.ErrConflict
		}
		ch.From = []models.ApplicationStatus{a.Status}
		ch.Entry.At, ch.Entry.By, ch.Entry.Actor, ch.Entry.From, ch.Entry.To = svc.now(), by, actor, a.Status, to
		updated, err := svc.Store.TransitionApplication(ctx, a.ID, ch)
		if !errors.Is(err, store.ErrConflict) {
			return updated, err
		}
		a = updated
	}
	return a, store.ErrConflict
}

// previous is the state an application left in its last change.
func Previous(a *models.Application) models.ApplicationStatus {
	if len(a.History) == 0 {
		return ""
	}
	return a.History[len(a.History)-1].From
}

// releasePlace gives back a place on a shift and offers it to the
// waiting list.
func (svc *Service) ReleasePlace(ctx context.Context, missionID, shiftID string) {
	if err := svc.Store.ReleasePlace(ctx, shiftID); err != nil {
		svc.Log.Error("place not released", "shift_id", shiftID, "error", err)
		return
	}
	if m, err := svc.Store.MissionByID(ctx, missionID); err == nil {
		svc.FillShift(ctx, m, shiftID)
	}
	svc.MissionChanged(ctx, missionID)
}

// fillShift hands a shift's free places to its waiting list, oldest
// first, and reports how many applications it moved. Under auto-accept
// the place is taken for the volunteer, who has OfferTTL to confirm; under
// manual review the application goes back to pending, as many as there
// are free places. Every step is conditional, so concurrent calls (two
// requests, or a request and the job) never hand out one place twice.
func (svc *Service) FillShift(ctx context.Context, m *models.Mission, shiftID string) int {
	if m.Status != models.MissionPublished {
		return 0
	}
	moved := 0
	for range 50 {
		shift, err := svc.Store.ShiftByID(ctx, m.ID, shiftID)
		if err != nil || !shift.Start.After(svc.now()) || shift.PlacesLeft() == 0 {
			return moved
		}
		if !m.AutoAccept {
			pending, err := svc.Store.CountApplications(ctx, store.ApplicationFilter{ShiftID: shiftID, Statuses: []models.ApplicationStatus{models.ApplicationPending}})
			if err != nil || pending >= int64(shift.PlacesLeft()) {
				return moved
			}
		}
		next, err := svc.Store.OldestWaitlisted(ctx, shiftID)
		if err != nil {
			if !errors.Is(err, store.ErrNotFound) {
				svc.Log.Error("waiting list not read", "shift_id", shiftID, "error", err)
			}
			return moved
		}
		if svc.promote(ctx, m, next) {
			moved++
		}
	}
	return moved
}

// promote moves one waitlisted application up and tells the volunteer.
func (svc *Service) promote(ctx context.Context, m *models.Mission, a *models.Application) bool {
	now := svc.now()
	if !m.AutoAccept {
		_, err := svc.Change(ctx, a, models.ApplicationPending, models.ActorSystem, "system",
			store.ApplicationChange{Entry: models.StatusChange{Reason: "place_freed"}, ClearRank: true})
		if err != nil {
			return false
		}
		svc.Tell(ctx, a.VolunteerID, models.EventWaitlistOffer, svc.EventParams(ctx, a, VolunteerLink(a)))
		return true
	}
	ok, err := svc.Store.TakePlace(ctx, a.ShiftID)
	if err != nil || !ok {
		return false
	}
	// An offer cannot outlive the shift's start: a place confirmed after
	// the shift began would be a place nobody can take.
	expires := now.Add(models.OfferTTL)
	if a.ShiftStart.Before(expires) {
		expires = a.ShiftStart
	}
	_, err = svc.Change(ctx, a, models.ApplicationOffered, models.ActorSystem, "system",
		store.ApplicationChange{Entry: models.StatusChange{Reason: "place_freed"}, OfferExpiresAt: &expires})
	if err != nil {
		// Withdrawn meanwhile: the place goes back, and the loop offers
		// it to the next one.
		if rerr := svc.Store.ReleasePlace(ctx, a.ShiftID); rerr != nil {
			svc.Log.Error("place not released", "shift_id", a.ShiftID, "error", rerr)
		}
		return false
	}
	params := svc.EventParams(ctx, a, VolunteerLink(a))
	params["expires_at"] = timefmt.Stamp(expires, m.Zone())
	svc.Tell(ctx, a.VolunteerID, models.EventWaitlistOffer, params)
	svc.MissionChanged(ctx, m.ID)
	return true
}

// cancelApplications ends every open application of a cancelled mission
// and tells the volunteers.
func (svc *Service) CancelApplications(ctx context.Context, m *models.Mission) error {
	apps, _, err := svc.Store.Applications(ctx, store.ApplicationFilter{MissionID: m.ID, Statuses: models.OpenStatuses()}, "created_at", 0, 0)
	if err != nil {
		return err
	}
	org, err := svc.Store.OrganizationByID(ctx, m.OrgID)
	if err != nil {
		return err
	}
	for i := range apps {
		updated, err := svc.Change(ctx, &apps[i], models.ApplicationCancelled, models.ActorSystem, "system",
			store.ApplicationChange{Entry: models.StatusChange{Reason: "mission_cancelled", Note: m.StatusReason}, ClearOffer: true})
		if errors.Is(err, store.ErrConflict) {
			continue
		}
		if err != nil {
			return err
		}
		if Previous(updated).HoldsPlace() {
			if err := svc.Store.ReleasePlace(ctx, updated.ShiftID); err != nil {
				return err
			}
		}
		params := map[string]string{"mission_title": m.Title, "org_name": org.Name,
			"shift_start": timefmt.Stamp(updated.ShiftStart, m.Zone()), "reason": m.StatusReason}
		svc.Tell(ctx, updated.VolunteerID, models.EventMissionCancelled, params)
	}
	svc.MissionChanged(ctx, m.ID)
	return nil
}

// withdrawAllApplications withdraws a deleted account's open applications,
// frees their places and erases the messages it wrote.
func (svc *Service) WithdrawAll(ctx context.Context, userID string) error {
	apps, err := svc.VolunteerApplications(ctx, userID, models.OpenStatuses()...)
	if err != nil {
		return err
	}
	for i := range apps {
		updated, err := svc.Change(ctx, &apps[i], models.ApplicationWithdrawn, models.ActorVolunteer, userID,
			store.ApplicationChange{Entry: models.StatusChange{Reason: "account_deleted"}, ClearOffer: true})
		if errors.Is(err, store.ErrConflict) {
			continue
		}
		if err != nil {
			return err
		}
		if Previous(updated).HoldsPlace() {
			svc.ReleasePlace(ctx, updated.MissionID, updated.ShiftID)
		}
	}
	return svc.Store.DeleteMessagesBy(ctx, userID)
}
