package applications

import (
	"context"
	"errors"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// Volunteer is who applies or withdraws: their id, and the name the
// organisation reads in its notices.
type Volunteer struct {
	ID   string
	Name string
}

// CheckEligible refuses an application the rules forbid that depend on the
// shift and the volunteer alone: a started shift, age. The rules across
// the volunteer's applications (one per shift, overlapping accepted shifts,
// too many awaiting an answer) are enforced atomically when the
// application is reserved (see place).
func (svc *Service) CheckEligible(ctx context.Context, volunteerID string, m *models.Mission, shift *models.Shift) error {
	if !shift.Start.After(svc.now()) {
		return conflict(CodeShiftStarted)
	}
	// Every volunteer is at least MinVolunteerAge (terms of sign-up, and
	// the profile refuses a younger birth date): only missions asking for
	// more need the birth date, and refuse when it is unknown.
	if m.MinAge > models.MinVolunteerAge {
		birth, err := svc.Store.VolunteerBirthDate(ctx, volunteerID)
		if err != nil {
			return err
		}
		if birth.IsZero() {
			return unprocessable(CodeBirthDateRequired, m.MinAge)
		}
		if models.AgeAt(birth, shift.Start) < m.MinAge {
			return unprocessable(CodeTooYoung, m.MinAge)
		}
	}
	return nil
}

// ruleRefusal turns the store's refusals of the volunteer-wide rules into
// the refusal the volunteer reads.
func ruleRefusal(err error) error {
	switch {
	case errors.Is(err, store.ErrConflict):
		return conflict(CodeAlreadyApplied)
	case errors.Is(err, store.ErrOverlap):
		return conflict(CodeOverlap)
	case errors.Is(err, store.ErrTooManyOpen):
		return unprocessable(CodeTooMany, models.MaxOpenApplications)
	}
	return err
}

// applicableMission reads a mission a volunteer may apply to: published;
// a closed or cancelled one names its state, and any other is not public,
// so volunteers cannot know it exists.
func (svc *Service) applicableMission(ctx context.Context, missionID string) (*models.Mission, error) {
	m, err := svc.Store.MissionByID(ctx, missionID)
	if err != nil {
		return nil, err
	}
	switch m.Status {
	case models.MissionPublished:
		return m, nil
	case models.MissionClosed, models.MissionCancelled:
		return nil, stateError(string(m.Status))
	}
	return nil, store.ErrNotFound
}

// notMember refuses a member of the mission's organisation: its members
// run the mission, they do not apply to it. One read by key: the
// organisation, if the volunteer is a member.
func (svc *Service) notMember(ctx context.Context, volunteerID string, m *models.Mission) error {
	if _, err := svc.Store.OrganizationForMember(ctx, volunteerID, m.OrgID); err == nil {
		return ErrOwnMission
	} else if !errors.Is(err, store.ErrNotFound) {
		return err
	}
	return nil
}

// SyncVolunteer puts the volunteer's document back in step with a after a
// change that did not happen (a's state is as read afterwards).
func (svc *Service) SyncVolunteer(ctx context.Context, a *models.Application) {
	if a == nil {
		return
	}
	if err := svc.Store.SyncApplication(ctx, a, svc.now()); err != nil {
		svc.Log.Error("volunteer applications not in step", "application_id", a.ID, "error", err)
	}
}
