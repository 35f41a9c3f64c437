package applications

import (
	"context"
	"errors"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// Apply makes v's application to a shift of a mission. Under auto-accept
// it takes a place at once; when the shift is full it joins the waiting
// list. The API, the mission page and the series all come here.
func (svc *Service) Apply(ctx context.Context, v Volunteer, missionID, shiftID, rawMessage string) (*models.Application, *models.Mission, error) {
	message, err := models.ValidateApplicationMessage(rawMessage)
	if err != nil {
		return nil, nil, err
	}
	m, err := svc.applicableMission(ctx, missionID)
	if err != nil {
		return nil, nil, err
	}
	shift, err := svc.Store.ShiftByID(ctx, m.ID, shiftID)
	if err != nil {
		return nil, nil, err
	}
	if err := svc.notMember(ctx, v.ID, m); err != nil {
		return nil, nil, err
	}
	a, err := svc.applyToShift(ctx, v, m, shift, message)
	if err != nil {
		return nil, nil, err
	}
	return a, m, nil
}

// applyToShift checks the rules of one shift and places the application.
func (svc *Service) applyToShift(ctx context.Context, v Volunteer, m *models.Mission, shift *models.Shift, message string) (*models.Application, error) {
	if err := svc.CheckEligible(ctx, v.ID, m, shift); err != nil {
		return nil, err
	}
	return svc.place(ctx, v, m, shift, message)
}

// place decides the new application's state and writes it. A place is
// taken before the application is written: a crash in between leaves
// taken one too high, which reconciliation repairs; the reverse order
// could overbook.
func (svc *Service) place(ctx context.Context, v Volunteer, m *models.Mission, shift *models.Shift, message string) (*models.Application, error) {
	now := svc.now()
	a := &models.Application{
		ID: store.NewID(), MissionID: m.ID, ShiftID: shift.ID, OrgID: m.OrgID, VolunteerID: v.ID,
		VolunteerShift: v.ID + ":" + shift.ID, Status: models.ApplicationPending, Message: message,
		ShiftStart: shift.Start, ShiftEnd: shift.End, CreatedAt: now, UpdatedAt: now,
		History:   []models.StatusChange{{At: now, By: v.ID, Actor: models.ActorVolunteer, To: models.ApplicationPending}},
		Reminders: []string{},
	}
	// The application is first reserved in the volunteer's document, which
	// refuses it atomically under the volunteer-wide rules; only then may
	// it take a place. Every later failure undoes what came before.
	err := svc.Store.ReserveApplication(ctx, a, models.MaxOpenApplications, now)
	// A volunteer who withdrew and applies again reuses the application:
	// one per volunteer and shift, its history keeping both. Looked for
	// only when the shift is already in the volunteer's list.
	var earlier *models.Application
	if errors.Is(err, store.ErrConflict) {
		if earlier, err = svc.withdrawnBefore(ctx, v.ID, shift.ID); err != nil {
			return nil, err
		}
		err = store.ErrConflict
		if earlier != nil {
			a.ID, a.CreatedAt = earlier.ID, earlier.CreatedAt
			a.History[0].From = models.ApplicationWithdrawn
			a.History[0].Reason = "applied_again"
			err = svc.Store.ReserveApplication(ctx, a, models.MaxOpenApplications, now)
		}
	}
	if err != nil {
		return nil, ruleRefusal(err)
	}
	forget := func() {
		err := error(nil)
		if earlier != nil {
			err = svc.Store.SyncApplication(ctx, earlier, now)
		} else {
			err = svc.Store.ForgetApplication(ctx, a)
		}
		if err != nil {
			svc.Log.Error("application reservation not undone", "application_id", a.ID, "error", err)
		}
	}
	took := false
	// A shift seen full skips the locked update: a place freed meanwhile
	// goes to the waiting list in order (see below).
	if m.AutoAccept && shift.PlacesLeft() > 0 {
		ok, err := svc.Store.TakePlace(ctx, shift.ID)
		if err != nil {
			forget()
			return nil, err
		}
		took = ok
	}
	if took {
		// Accepted at once: the shift's time must be free.
		if err := svc.Store.ClaimShiftTime(ctx, a, now); err != nil {
			svc.ReleasePlace(ctx, m.ID, shift.ID)
			forget()
			return nil, ruleRefusal(err)
		}
	}
	switch {
	case took:
		a.Status = models.ApplicationAccepted
		a.History = append(a.History, models.StatusChange{At: now, By: "system", Actor: models.ActorSystem,
			From: models.ApplicationPending, To: models.ApplicationAccepted, Reason: "auto_accept"})
	case m.AutoAccept || shift.PlacesLeft() == 0:
		rank, err := svc.Store.NextWaitlistRank(ctx, shift.ID)
		if err != nil {
			forget()
			return nil, err
		}
		a.Status, a.WaitlistRank = models.ApplicationWaitlisted, rank
		if earlier != nil {
			// Back through pending, as the transition table says.
			a.History = append(a.History, models.StatusChange{At: now, By: "system", Actor: models.ActorSystem,
				From: models.ApplicationPending, To: models.ApplicationWaitlisted, Reason: "shift_full"})
		} else {
			a.History[0].To, a.History[0].Reason = models.ApplicationWaitlisted, "shift_full"
		}
	}
	if earlier != nil {
		return svc.reopen(ctx, v, m, a, took)
	}
	if err := svc.Store.InsertApplication(ctx, a); err != nil {
		if took && errors.Is(err, store.ErrConflict) {
			// Nothing was written: give the place back at once. On any
			// other error the write may have happened; reconciliation
			// settles the count.
			svc.ReleasePlace(ctx, m.ID, shift.ID)
		}
		if errors.Is(err, store.ErrConflict) {
			forget()
			return nil, conflict(CodeAlreadyApplied)
		}
		return nil, err
	}
	svc.tellPlaced(ctx, v, m, a)
	if a.Status == models.ApplicationWaitlisted {
		// A place freed between the full shift seen above and this write,
		// while nobody was on the list yet, found no one to offer it to:
		// one key read looks again, so that it is offered now rather than
		// at the next sweep of every waiting list (FillWaitlists).
		if again, err := svc.Store.ShiftByID(ctx, m.ID, shift.ID); err == nil && again.PlacesLeft() > 0 {
			svc.FillShift(ctx, m, shift.ID)
			if updated, err := svc.Store.ApplicationByID(ctx, a.ID); err == nil {
				a = updated
			}
		}
	}
	return a, nil
}

// withdrawnBefore returns the volunteer's withdrawn application to the
// shift, if any: nil when they never applied to it, or when their
// application is in any other state (ReserveApplication refuses that one).
func (svc *Service) withdrawnBefore(ctx context.Context, volunteerID, shiftID string) (*models.Application, error) {
	earlier, err := svc.Store.VolunteerApplicationForShift(ctx, volunteerID, shiftID)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if earlier.Status != models.ApplicationWithdrawn || !models.CanTransition(earlier.Status, models.ApplicationPending, models.ActorVolunteer) {
		return nil, nil
	}
	return earlier, nil
}

// reopen writes a withdrawn application applied to again (see place),
// undoing what place did when it changed meanwhile.
func (svc *Service) reopen(ctx context.Context, v Volunteer, m *models.Mission, a *models.Application, took bool) (*models.Application, error) {
	updated, err := svc.Store.ReopenApplication(ctx, a, a.History)
	if err != nil {
		if took && errors.Is(err, store.ErrConflict) {
			svc.ReleasePlace(ctx, m.ID, a.ShiftID)
		}
		if errors.Is(err, store.ErrConflict) {
			// Applied to again by a concurrent request: the document
			// follows the state it is in.
			svc.SyncVolunteer(ctx, updated)
			return nil, conflict(CodeAlreadyApplied)
		}
		// The write may have happened: the next change or the rebuild
		// puts the volunteer's document in step, as after an insert.
		return nil, err
	}
	svc.tellPlaced(ctx, v, m, updated)
	return updated, nil
}

// tellPlaced tells the volunteer and the organisation what became of a
// new application.
func (svc *Service) tellPlaced(ctx context.Context, v Volunteer, m *models.Mission, a *models.Application) {
	switch a.Status {
	case models.ApplicationAccepted:
		svc.MissionChanged(ctx, m.ID)
		svc.Tell(ctx, v.ID, models.EventApplicationAccepted, svc.EventParams(ctx, a, VolunteerLink(a)))
		svc.tellReceived(ctx, v, a)
	case models.ApplicationPending:
		svc.tellReceived(ctx, v, a)
	case models.ApplicationWaitlisted:
		svc.TellWaitlisted(ctx, a)
	}
}

func (svc *Service) tellReceived(ctx context.Context, v Volunteer, a *models.Application) {
	params := svc.EventParams(ctx, a, OrgLink(a))
	params["volunteer_name"] = v.Name
	svc.TellMembers(ctx, a.OrgID, "", models.EventApplicationReceived, params)
}
