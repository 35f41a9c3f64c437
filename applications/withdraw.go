package applications

import (
	"context"
	"errors"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// Withdraw lets the volunteer v step back from their application a, with
// an optional reason; a held place goes to the waiting list. An accepted
// shift can no longer be withdrawn once it started.
func (svc *Service) Withdraw(ctx context.Context, v Volunteer, a *models.Application, reason string) (*models.Application, error) {
	if a.VolunteerID != v.ID {
		return nil, store.ErrNotFound
	}
	if a.Status == models.ApplicationAccepted && !a.ShiftStart.After(svc.now()) {
		return nil, conflict(CodeShiftStarted)
	}
	updated, err := svc.Change(ctx, a, models.ApplicationWithdrawn, models.ActorVolunteer, a.VolunteerID,
		store.ApplicationChange{Entry: models.StatusChange{Note: reason}, ClearOffer: true})
	if errors.Is(err, store.ErrConflict) {
		return nil, stateError(string(updated.Status))
	}
	if err != nil {
		return nil, err
	}
	if Previous(updated).HoldsPlace() {
		svc.ReleasePlace(ctx, updated.MissionID, updated.ShiftID)
	}
	if Previous(updated) != models.ApplicationWaitlisted {
		params := svc.EventParams(ctx, updated, OrgLink(updated))
		params["volunteer_name"] = v.Name
		svc.TellMembers(ctx, updated.OrgID, "", models.EventApplicationWithdrawn, params)
	}
	return updated, nil
}

// CanWithdraw reports whether the volunteer may still withdraw a.
func (svc *Service) CanWithdraw(a *models.Application) bool {
	return a.Status.Open() && !(a.Status == models.ApplicationAccepted && !a.ShiftStart.After(svc.now()))
}

// Confirm takes up, for its volunteer, a place offered from the waiting
// list, before the offer lapses.
func (svc *Service) Confirm(ctx context.Context, a *models.Application) (*models.Application, error) {
	now := svc.now()
	if a.Status == models.ApplicationOffered && !a.ShiftStart.After(now) {
		// Offers made before deadlines were capped at the shift's start.
		return nil, conflict(CodeShiftStarted)
	}
	if a.Status == models.ApplicationOffered {
		if err := svc.Store.ClaimShiftTime(ctx, a, now); err != nil {
			return nil, ruleRefusal(err)
		}
	}
	updated, err := svc.Change(ctx, a, models.ApplicationAccepted, models.ActorVolunteer, a.VolunteerID,
		store.ApplicationChange{Entry: models.StatusChange{Reason: "offer_confirmed"}, OfferValidAt: now, ClearOffer: true})
	if err != nil && updated != nil {
		svc.SyncVolunteer(ctx, updated)
	}
	if errors.Is(err, store.ErrConflict) {
		if updated.Status == models.ApplicationOffered {
			// Still offered but past its deadline: the job has not
			// expired it yet.
			return nil, stateError(string(models.ApplicationExpired))
		}
		return nil, stateError(string(updated.Status))
	}
	if err != nil {
		return nil, err
	}
	svc.Tell(ctx, updated.VolunteerID, models.EventApplicationAccepted, svc.EventParams(ctx, updated, VolunteerLink(updated)))
	return updated, nil
}
