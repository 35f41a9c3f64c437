package applications

import (
	"context"
	"errors"
	"time"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// WaitlistPending moves the pending applications of a shift that just
// filled up to its waiting list, in the order they came, and tells each
// volunteer: an answer that cannot come is not left "pending" for ever.
func (svc *Service) WaitlistPending(ctx context.Context, missionID, shiftID string) error {
	shift, err := svc.Store.ShiftByID(ctx, missionID, shiftID)
	if err != nil {
		return err
	}
	if shift.PlacesLeft() > 0 {
		return nil
	}
	apps, _, err := svc.Store.Applications(ctx, store.ApplicationFilter{ShiftID: shiftID, Statuses: []models.ApplicationStatus{models.ApplicationPending}}, "created_at", 0, 0)
	if err != nil {
		return err
	}
	for i := range apps {
		if err := svc.toWaitlist(ctx, &apps[i], "shift_full"); err != nil {
			return err
		}
	}
	return nil
}

// toWaitlist puts one pending application at the end of its shift's
// waiting list and tells the volunteer.
func (svc *Service) toWaitlist(ctx context.Context, a *models.Application, reason string) error {
	rank, err := svc.Store.NextWaitlistRank(ctx, a.ShiftID)
	if err != nil {
		return err
	}
	updated, err := svc.Change(ctx, a, models.ApplicationWaitlisted, models.ActorSystem, "system",
		store.ApplicationChange{Entry: models.StatusChange{Reason: reason}, WaitlistRank: rank})
	if errors.Is(err, store.ErrConflict) {
		return nil // answered or withdrawn meanwhile
	}
	if err != nil {
		return err
	}
	svc.TellWaitlisted(ctx, updated)
	return nil
}

// TellWaitlisted tells a volunteer that their application is on the
// shift's waiting list.
func (svc *Service) TellWaitlisted(ctx context.Context, a *models.Application) {
	svc.Tell(ctx, a.VolunteerID, models.EventWaitlisted, svc.EventParams(ctx, a, VolunteerLink(a)))
}

// TellMessage tells the other side of an application that a message
// arrived: the volunteer when a member wrote (signed with the
// organisation's name), every member when the volunteer wrote.
func (svc *Service) TellMessage(ctx context.Context, a *models.Application, author models.Actor, volunteerName string) {
	if author == models.ActorVolunteer {
		params := svc.EventParams(ctx, a, "/organizations/"+a.OrgID+"/applications/"+a.ID)
		params["sender_name"] = volunteerName
		svc.TellMembers(ctx, a.OrgID, "", models.EventNewMessage, params)
		return
	}
	params := svc.EventParams(ctx, a, VolunteerLink(a))
	params["sender_name"] = params["org_name"]
	svc.Tell(ctx, a.VolunteerID, models.EventNewMessage, params)
}

// CancelForSuspension cancels the open applications to the shifts to come
// of a mission whose organisation was suspended, frees their places and
// tells each volunteer why. Past shifts keep their history (attendance).
func (svc *Service) CancelForSuspension(ctx context.Context, m *models.Mission, reason string) error {
	apps, _, err := svc.Store.Applications(ctx, store.ApplicationFilter{MissionID: m.ID, Statuses: models.OpenStatuses()}, "created_at", 0, 0)
	if err != nil {
		return err
	}
	org, err := svc.Store.OrganizationByID(ctx, m.OrgID)
	if err != nil {
		return err
	}
	now := svc.now()
	for i := range apps {
		if !apps[i].ShiftStart.After(now) {
			continue
		}
		updated, err := svc.Change(ctx, &apps[i], models.ApplicationCancelled, models.ActorSystem, "system",
			store.ApplicationChange{Entry: models.StatusChange{Reason: "organization_suspended", Note: reason}, ClearOffer: true, ClearRank: true})
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
			"shift_start": updated.ShiftStart.UTC().Format(time.RFC3339), "link": "/missions"}
		if reason != "" {
			params["reason"] = reason
		}
		svc.Tell(ctx, updated.VolunteerID, models.EventPlaceCancelledSuspension, params)
	}
	svc.MissionChanged(ctx, m.ID)
	return nil
}

// orgDecisionEvents names the event each admin decision on an organisation
// tells its members.
var orgDecisionEvents = map[string]models.Event{
	"verify": models.EventOrgVerified, "restore": models.EventOrgVerified,
	"reject": models.EventOrgRejected, "suspend": models.EventOrgSuspended,
}

// TellOrgDecision tells an organisation's members the admins' decision.
func (svc *Service) TellOrgDecision(ctx context.Context, org *models.Organization, action, reason string) {
	event, ok := orgDecisionEvents[action]
	if !ok {
		return
	}
	params := map[string]string{"org_name": org.Name, "link": "/org"}
	if reason != "" {
		params["reason"] = reason
	}
	svc.TellMembers(ctx, org.ID, "", event, params)
}

// TellMissionDecision tells an organisation's members the moderation's
// decision on one of its missions ("publish", "reject", "approve_change").
func (svc *Service) TellMissionDecision(ctx context.Context, m *models.Mission, action, reason string) {
	event, ok := map[string]models.Event{"publish": models.EventMissionPublished, "reject": models.EventMissionRejected,
		"approve_change": models.EventMissionChangeApproved}[action]
	if !ok {
		return
	}
	params := map[string]string{"mission_title": m.Title, "link": "/organizations/" + m.OrgID + "/missions/" + m.ID}
	if reason != "" {
		params["reason"] = reason
	}
	svc.TellMembers(ctx, m.OrgID, "", event, params)
}
