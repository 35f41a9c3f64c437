package handlers

import (
	"context"
	"errors"
	"time"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// changeApplication moves a from the state it was read in to to, by
// actor, in one conditional update on that exact state, so that the
// history and the place accounting know the state it left. When the state
// changed meanwhile and still allows the move, it tries again from there;
// otherwise it returns ErrConflict with the application as it is.
func (s *Server) changeApplication(ctx context.Context, a *models.Application, to models.ApplicationStatus, actor models.Actor, by string, ch store.ApplicationChange) (*models.Application, error) {
	for range 3 {
		if !models.CanTransition(a.Status, to, actor) {
			return a, store.ErrConflict
		}
		ch.From = []models.ApplicationStatus{a.Status}
		ch.Entry.At, ch.Entry.By, ch.Entry.Actor, ch.Entry.From, ch.Entry.To = s.now(), by, actor, a.Status, to
		updated, err := s.store.TransitionApplication(ctx, a.ID, ch)
		if !errors.Is(err, store.ErrConflict) {
			return updated, err
		}
		a = updated
	}
	return a, store.ErrConflict
}

// syncVolunteer puts the volunteer's document back in step with a after a
// change that did not happen (a's state is as read afterwards).
func (s *Server) syncVolunteer(ctx context.Context, a *models.Application) {
	if a == nil {
		return
	}
	if err := s.store.SyncApplication(ctx, a, s.now()); err != nil {
		s.log.Error("volunteer applications not in step", "application_id", a.ID, "error", err)
	}
}

// previous is the state an application left in its last change.
func previous(a *models.Application) models.ApplicationStatus {
	if len(a.History) == 0 {
		return ""
	}
	return a.History[len(a.History)-1].From
}

// releasePlace gives back a place on a shift and offers it to the
// waiting list.
func (s *Server) releasePlace(ctx context.Context, missionID, shiftID string) {
	if err := s.store.ReleasePlace(ctx, shiftID); err != nil {
		s.log.Error("place not released", "shift_id", shiftID, "error", err)
		return
	}
	if m, err := s.store.MissionByID(ctx, missionID); err == nil {
		s.fillShift(ctx, m, shiftID)
	}
	s.missionChanged(ctx, missionID)
}

// fillShift hands a shift's free places to its waiting list, oldest
// first, and reports how many applications it moved. Under auto-accept
// the place is taken for the volunteer, who has OfferTTL to confirm; under
// manual review the application goes back to pending, as many as there
// are free places. Every step is conditional, so concurrent calls (two
// requests, or a request and the job) never hand out one place twice.
func (s *Server) fillShift(ctx context.Context, m *models.Mission, shiftID string) int {
	if m.Status != models.MissionPublished {
		return 0
	}
	moved := 0
	for range 50 {
		shift, err := s.store.ShiftByID(ctx, m.ID, shiftID)
		if err != nil || !shift.Start.After(s.now()) || shift.PlacesLeft() == 0 {
			return moved
		}
		if !m.AutoAccept {
			pending, err := s.store.CountApplications(ctx, store.ApplicationFilter{ShiftID: shiftID, Statuses: []models.ApplicationStatus{models.ApplicationPending}})
			if err != nil || pending >= int64(shift.PlacesLeft()) {
				return moved
			}
		}
		next, err := s.store.OldestWaitlisted(ctx, shiftID)
		if err != nil {
			if !errors.Is(err, store.ErrNotFound) {
				s.log.Error("waiting list not read", "shift_id", shiftID, "error", err)
			}
			return moved
		}
		if s.promote(ctx, m, next) {
			moved++
		}
	}
	return moved
}

// promote moves one waitlisted application up and tells the volunteer.
func (s *Server) promote(ctx context.Context, m *models.Mission, a *models.Application) bool {
	now := s.now()
	if !m.AutoAccept {
		_, err := s.changeApplication(ctx, a, models.ApplicationPending, models.ActorSystem, "system",
			store.ApplicationChange{Entry: models.StatusChange{Reason: "place_freed"}, ClearRank: true})
		if err != nil {
			return false
		}
		s.tell(ctx, a.VolunteerID, models.EventWaitlistOffer, s.eventParams(ctx, a, volunteerLink(a)))
		return true
	}
	ok, err := s.store.TakePlace(ctx, a.ShiftID)
	if err != nil || !ok {
		return false
	}
	// An offer cannot outlive the shift's start: a place confirmed after
	// the shift began would be a place nobody can take.
	expires := now.Add(models.OfferTTL)
	if a.ShiftStart.Before(expires) {
		expires = a.ShiftStart
	}
	_, err = s.changeApplication(ctx, a, models.ApplicationOffered, models.ActorSystem, "system",
		store.ApplicationChange{Entry: models.StatusChange{Reason: "place_freed"}, OfferExpiresAt: &expires})
	if err != nil {
		// Withdrawn meanwhile: the place goes back, and the loop offers
		// it to the next one.
		if rerr := s.store.ReleasePlace(ctx, a.ShiftID); rerr != nil {
			s.log.Error("place not released", "shift_id", a.ShiftID, "error", rerr)
		}
		return false
	}
	params := s.eventParams(ctx, a, volunteerLink(a))
	params["expires_at"] = expires.Format(time.RFC3339)
	s.tell(ctx, a.VolunteerID, models.EventWaitlistOffer, params)
	s.missionChanged(ctx, m.ID)
	return true
}

// cancelApplications ends every open application of a cancelled mission
// and tells the volunteers.
func (s *Server) cancelApplications(ctx context.Context, m *models.Mission) error {
	apps, _, err := s.store.Applications(ctx, store.ApplicationFilter{MissionID: m.ID, Statuses: models.OpenStatuses()}, "created_at", 0, 0)
	if err != nil {
		return err
	}
	org, err := s.store.OrganizationByID(ctx, m.OrgID)
	if err != nil {
		return err
	}
	for i := range apps {
		updated, err := s.changeApplication(ctx, &apps[i], models.ApplicationCancelled, models.ActorSystem, "system",
			store.ApplicationChange{Entry: models.StatusChange{Reason: "mission_cancelled", Note: m.StatusReason}, ClearOffer: true})
		if errors.Is(err, store.ErrConflict) {
			continue
		}
		if err != nil {
			return err
		}
		if previous(updated).HoldsPlace() {
			if err := s.store.ReleasePlace(ctx, updated.ShiftID); err != nil {
				return err
			}
		}
		params := map[string]string{"mission_title": m.Title, "org_name": org.Name,
			"shift_start": updated.ShiftStart.Format(time.RFC3339), "reason": m.StatusReason}
		s.tell(ctx, updated.VolunteerID, models.EventMissionCancelled, params)
	}
	s.missionChanged(ctx, m.ID)
	return nil
}

// withdrawAllApplications withdraws a deleted account's open applications,
// frees their places and erases the messages it wrote.
func (s *Server) withdrawAllApplications(ctx context.Context, userID string) error {
	apps, err := s.volunteerApplications(ctx, userID, models.OpenStatuses()...)
	if err != nil {
		return err
	}
	for i := range apps {
		updated, err := s.changeApplication(ctx, &apps[i], models.ApplicationWithdrawn, models.ActorVolunteer, userID,
			store.ApplicationChange{Entry: models.StatusChange{Reason: "account_deleted"}, ClearOffer: true})
		if errors.Is(err, store.ErrConflict) {
			continue
		}
		if err != nil {
			return err
		}
		if previous(updated).HoldsPlace() {
			s.releasePlace(ctx, updated.MissionID, updated.ShiftID)
		}
	}
	return s.store.DeleteMessagesBy(ctx, userID)
}

// exportApplications adds the volunteer's applications and messages to
// their personal data export.
func (s *Server) exportApplications(ctx context.Context, userID string, export map[string]any) error {
	apps, err := s.volunteerApplications(ctx, userID)
	if err != nil {
		return err
	}
	views := make([]applicationResponse, len(apps))
	for i := range apps {
		views[i] = applicationView(&apps[i], false)
	}
	export["applications"] = views
	msgs, err := s.store.MessagesOfVolunteer(ctx, userID)
	if err != nil {
		return err
	}
	out := make([]messageResponse, len(msgs))
	for i := range msgs {
		out[i] = messageView(&msgs[i])
	}
	export["messages"] = out
	return nil
}
