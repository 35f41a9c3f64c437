package organizations

import (
	"context"
	"errors"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// ErrAlreadyInvited refuses a second invitation of a volunteer to the same
// mission.
var ErrAlreadyInvited = errors.New("organizations: volunteer already invited to this mission")

// QuotaError refuses an invitation over a monthly quota: the volunteer's
// across every organisation, or one organisation's share of it (PerOrg).
type QuotaError struct {
	Limit  int
	PerOrg bool
}

func (e *QuotaError) Error() string {
	if e.PerOrg {
		return "organizations: the organisation's monthly invitations of this volunteer are used up"
	}
	return "organizations: the volunteer's monthly invitations are used up"
}

// InviteVolunteer invites a volunteer who opted in to being found to a
// published mission of the organisation: once per mission, at most
// models.MaxInvitationsPerMonth a calendar month per volunteer across all
// organisations, and at most models.MaxInvitationsPerOrgPerMonth of them
// from any one organisation (the store counts both in one write). A
// volunteer who cannot be found is ErrNotFound, as if absent. The
// volunteer is told through the events bus.
func (svc *Service) InviteVolunteer(ctx context.Context, org *models.Organization, m *models.Mission, inviterID, volunteerID string) (*models.MissionInvitation, error) {
	if m.Status != models.MissionPublished {
		return nil, &StateError{Current: string(m.Status)}
	}
	rec, err := svc.Store.ProfileRecord(ctx, volunteerID)
	if err != nil {
		return nil, err
	}
	if rec.Role == models.RoleAdmin || rec.Status != string(models.UserActive) || rec.Profile == nil || !rec.Profile.Visible {
		return nil, ErrNotFound
	}
	now := svc.now()
	inv := &models.MissionInvitation{ID: store.NewID(), Key: m.ID + ":" + volunteerID, MissionID: m.ID, OrgID: org.ID,
		VolunteerID: volunteerID, InvitedBy: inviterID, CreatedAt: now}
	err = svc.Store.InviteVolunteer(ctx, inv, models.InvitationMonth(now), models.MaxInvitationsPerMonth, models.MaxInvitationsPerOrgPerMonth)
	switch {
	case errors.Is(err, store.ErrConflict):
		return nil, ErrAlreadyInvited
	case errors.Is(err, store.ErrLimit):
		return nil, &QuotaError{Limit: models.MaxInvitationsPerMonth}
	case errors.Is(err, store.ErrOrgLimit):
		return nil, &QuotaError{Limit: models.MaxInvitationsPerOrgPerMonth, PerOrg: true}
	case err != nil:
		return nil, err
	}
	if err := svc.Events.MissionInvitation(ctx, m, volunteerID); err != nil {
		svc.Log.Error("mission invitation not sent", "mission_id", m.ID, "error", err)
	}
	return inv, nil
}
