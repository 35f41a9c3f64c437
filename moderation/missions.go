package moderation

import (
	"context"
	"errors"
	"time"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
	"github.com/entraide/entraide/timefmt"
)

// Draft creates a draft mission of org, written by userID, with its
// shifts. Every bad field is reported at once.
func (svc *Service) Draft(ctx context.Context, org *models.Organization, userID string, in models.MissionInput) (*models.Mission, error) {
	now := svc.now()
	m, verr := in.Apply(nil)
	var v models.Validator
	if verr != nil {
		var ve *models.ValidationError
		if !errors.As(verr, &ve) {
			return nil, verr
		}
		for _, f := range ve.Fields {
			v.Add(f.Field, f.Code, f.Params...)
		}
	}
	if len(in.Shifts) == 0 {
		v.Add("shifts", "required")
	}
	models.ValidateShifts(&v, "shifts", in.Shifts, now, 0)
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := svc.locate(&m, org); err != nil {
		return nil, err
	}
	m.ID, m.OrgID, m.Status, m.CreatedBy, m.CreatedAt, m.UpdatedAt = store.NewID(), org.ID, models.MissionDraft, userID, now, now
	shifts := NewShifts(in.Shifts, &m, now)
	m.LastShiftEnd = LastShiftEnd(shifts, time.Time{})
	if err := svc.Store.CreateMission(ctx, &m, shifts); err != nil {
		return nil, err
	}
	svc.siblings.forget(m.OrgID)
	return &m, nil
}

// Edit changes a mission's content. A published mission's edit waits for
// a moderator as its revision (see revise) while the published version
// stays online; a closed or cancelled mission is no longer edited.
func (svc *Service) Edit(ctx context.Context, org *models.Organization, m *models.Mission, userID string, in models.MissionInput) (*models.Mission, error) {
	if !Editable(m.Status) {
		return nil, stateError(m.Status)
	}
	if m.Status == models.MissionPublished {
		return svc.revise(ctx, org, m, userID, in)
	}
	next, err := in.Apply(m)
	if err != nil {
		return nil, err
	}
	if next.Postcode != m.Postcode || next.Remote != m.Remote || next.TimeZone == "" {
		if err := svc.locate(&next, org); err != nil {
			return nil, err
		}
	}
	updated, err := svc.Store.UpdateMissionContent(ctx, m, &next, svc.now())
	if errors.Is(err, store.ErrConflict) {
		return nil, ErrEditedConcurrently
	}
	if err != nil {
		return nil, err
	}
	svc.missionChanged(ctx, updated)
	return updated, nil
}

// DeleteDraft deletes a mission of org that is still a draft.
func (svc *Service) DeleteDraft(ctx context.Context, org *models.Organization, m *models.Mission) error {
	err := svc.Store.DeleteMission(ctx, org.ID, m.ID, []models.MissionStatus{models.MissionDraft})
	svc.siblings.forget(org.ID)
	if errors.Is(err, store.ErrConflict) {
		return stateError(m.Status)
	}
	return err
}

// Submit sends a draft (or a rejected mission) to review; only a
// verified organisation may.
func (svc *Service) Submit(ctx context.Context, org *models.Organization, m *models.Mission) (*models.Mission, error) {
	if org.Status != models.OrgVerified {
		return nil, orgNotVerified(org, m)
	}
	return svc.transition(ctx, m.ID, models.MissionSubmitted, models.ActorOrganization, "")
}

// Close closes a published mission: it stays readable, nobody applies.
func (svc *Service) Close(ctx context.Context, m *models.Mission) (*models.Mission, error) {
	return svc.transition(ctx, m.ID, models.MissionClosed, models.ActorOrganization, "")
}

// Cancel cancels a mission and tells its applicants (through the events'
// subscribers) with reason.
func (svc *Service) Cancel(ctx context.Context, m *models.Mission, reason string) (*models.Mission, error) {
	updated, err := svc.transition(ctx, m.ID, models.MissionCancelled, models.ActorOrganization, reason)
	if err != nil {
		return nil, err
	}
	if svc.Events != nil {
		if err := svc.Events.MissionCancelled(ctx, updated); err != nil {
			svc.log().Error("cancellation not propagated", "mission_id", updated.ID, "error", err)
		}
	}
	return updated, nil
}

// transition moves a mission to to from any state the transition tables
// let actor leave for it. The write is conditional on those states, so
// two changes at once make one; the loser learns the current state.
func (svc *Service) transition(ctx context.Context, id string, to models.MissionStatus, actor models.Actor, reason string) (*models.Mission, error) {
	updated, err := svc.Store.TransitionMission(ctx, id, models.MissionSourcesForActor(to, actor), to, reason, svc.now())
	if errors.Is(err, store.ErrConflict) {
		return nil, stateError(updated.Status)
	}
	if err != nil {
		return nil, err
	}
	svc.missionChanged(ctx, updated)
	return updated, nil
}

// Public reports whether a mission in status is shown to everyone: a
// published one, and a closed one (still readable, nobody applies).
func Public(status models.MissionStatus) bool {
	return status == models.MissionPublished || status == models.MissionClosed
}

// Editable reports whether a mission in status may still change: not once
// it is closed or cancelled.
func Editable(status models.MissionStatus) bool {
	return status != models.MissionClosed && status != models.MissionCancelled
}

// locate fills a mission's city, coordinates and time zone from its
// postcode; a mission without one (remote) keeps the organisation's zone.
func (svc *Service) locate(m *models.Mission, org *models.Organization) error {
	m.TimeZone = timefmt.ZoneOfPostcode(m.Postcode)
	if m.TimeZone == "" {
		m.TimeZone = timefmt.Zone(timefmt.ZoneOfPostcode(org.Postcode))
	}
	if m.Postcode == "" {
		m.City, m.Lat, m.Lon = "", 0, 0
		return nil
	}
	place, ok := svc.Gazetteer.Lookup(m.Postcode)
	if !ok {
		var v models.Validator
		v.Add("postcode", "unknown_postcode")
		return v.Err()
	}
	m.City, m.Lat, m.Lon = place.City, place.Lat, place.Lon
	return nil
}

// NewShifts makes the stored shifts of m from a member's input, to the
// second.
func NewShifts(in []models.ShiftInput, m *models.Mission, now time.Time) []models.Shift {
	out := make([]models.Shift, len(in))
	for i, sh := range in {
		out[i] = models.Shift{ID: store.NewID(), MissionID: m.ID, OrgID: m.OrgID, Start: sh.Start.Truncate(time.Second),
			End: sh.End.Truncate(time.Second), Capacity: sh.Capacity, CreatedAt: now}
	}
	return out
}

// LastShiftEnd is the latest end among shifts and cur.
func LastShiftEnd(shifts []models.Shift, cur time.Time) time.Time {
	for _, sh := range shifts {
		if sh.End.After(cur) {
			cur = sh.End
		}
	}
	return cur
}
