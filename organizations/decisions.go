package organizations

import (
	"context"
	"errors"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// Decision is an admin's decision on an organisation: one of its state
// machine's actions (models.OrgDecisions), or a decision on its pending
// identity change. Each is audited as "organization.<decision>".
type Decision string

// The decisions.
const (
	Verify          Decision = "verify"
	Reject          Decision = "reject"
	Suspend         Decision = "suspend"
	Restore         Decision = "restore"
	ApproveIdentity Decision = "identity_approve"
	RejectIdentity  Decision = "identity_reject"
)

// ReasonRequired reports whether a decision must say why: a refusal or a
// suspension, which the organisation is told.
func ReasonRequired(d Decision) bool {
	switch d {
	case ApproveIdentity:
		return false
	case RejectIdentity:
		return true
	}
	return models.OrgDecisions[string(d)].ReasonRequired
}

// Decide applies an admin's decision on an organisation, the one path for
// every decision, from the API and the admin pages alike: it reads the
// organisation, writes the decision conditionally on the state read (two
// admins deciding at once make one change), audits it, then carries out
// its consequences (members told, missions taken down or back up, the
// index refreshed).
func (svc *Service) Decide(ctx context.Context, adminID, orgID string, d Decision, reason string) (*models.Organization, error) {
	org, err := svc.Store.OrganizationByID(ctx, orgID)
	if err != nil {
		return nil, err
	}
	var updated *models.Organization
	var before, after map[string]any
	switch d {
	case ApproveIdentity, RejectIdentity:
		updated, before, after, err = svc.decideIdentity(ctx, org, d == ApproveIdentity, reason)
	default:
		updated, before, after, err = svc.decideStatus(ctx, org, d, reason)
	}
	if err != nil {
		return nil, err
	}
	if err := svc.audit(ctx, adminID, "organization."+string(d), "organization", orgID, reason, before, after); err != nil {
		return nil, err
	}
	return updated, svc.carryOut(ctx, adminID, updated, d, reason)
}

// decideStatus moves the organisation along its state machine; the write
// is conditional on the state read.
func (svc *Service) decideStatus(ctx context.Context, org *models.Organization, d Decision, reason string) (*models.Organization, map[string]any, map[string]any, error) {
	step, ok := models.OrgDecisions[string(d)]
	if !ok {
		return nil, nil, nil, ErrUnknownDecision
	}
	// The table must allow the change from the state read, and the
	// decision must be the one made for that state: verify and restore
	// both lead to verified, from pending and from suspended.
	if !models.CanOrgTransition(org.Status, step.To) || org.Status != step.From {
		return nil, nil, nil, &StateError{Current: string(org.Status)}
	}
	updated, err := svc.Store.TransitionOrganization(ctx, org.ID, []models.OrgStatus{step.From}, step.To, reason, svc.now())
	if errors.Is(err, store.ErrConflict) {
		return nil, nil, nil, &StateError{Current: string(updated.Status)}
	}
	if err != nil {
		return nil, nil, nil, err
	}
	return updated, map[string]any{"status": string(org.Status)}, map[string]any{"status": string(updated.Status)}, nil
}

// carryOut does what a decision entails once written and audited.
func (svc *Service) carryOut(ctx context.Context, adminID string, org *models.Organization, d Decision, reason string) error {
	switch d {
	case ApproveIdentity:
		// Its missions show its name: refresh them in the index.
		svc.Apps.MissionsOfOrgChanged(ctx, org.ID)
		return nil
	case RejectIdentity:
		return nil
	}
	svc.Apps.TellOrgDecision(ctx, org, string(d), reason)
	switch d {
	case Suspend:
		if err := svc.Store.MarkOrgSuspended(ctx, org.ID, true); err != nil {
			return err
		}
		return svc.unpublishMissions(ctx, adminID, org, reason)
	case Restore:
		if err := svc.Store.MarkOrgSuspended(ctx, org.ID, false); err != nil {
			return err
		}
		return svc.republishMissions(ctx, adminID, org)
	}
	return nil
}

// unpublishMissions takes a suspended organisation's missions down and
// cancels the volunteers' places to come, telling them the reason.
func (svc *Service) unpublishMissions(ctx context.Context, adminID string, org *models.Organization, reason string) error {
	missions, _, err := svc.Store.Missions(ctx, store.MissionFilter{OrgID: org.ID, Statuses: []models.MissionStatus{models.MissionPublished}}, "created_at", 0, 0)
	if err != nil {
		return err
	}
	for _, m := range missions {
		_, err := svc.Store.TransitionMission(ctx, m.ID, []models.MissionStatus{models.MissionPublished}, models.MissionSubmitted, "organization suspended", svc.now())
		if errors.Is(err, store.ErrConflict) {
			continue
		}
		if err != nil {
			return err
		}
		if err := svc.Store.MarkUnpublishedBySuspension(ctx, m.ID); err != nil {
			return err
		}
		if err := svc.Apps.CancelForSuspension(ctx, &m, reason); err != nil {
			return err
		}
		if err := svc.audit(ctx, adminID, "mission.unpublish", "mission", m.ID, "organization suspended",
			map[string]any{"status": "published"}, map[string]any{"status": "submitted"}); err != nil {
			return err
		}
		svc.Apps.MissionChanged(ctx, m.ID)
	}
	return nil
}

// republishMissions publishes again what the suspension took down.
func (svc *Service) republishMissions(ctx context.Context, adminID string, org *models.Organization) error {
	missions, err := svc.Store.MissionsUnpublishedBySuspension(ctx, org.ID)
	if err != nil {
		return err
	}
	for _, m := range missions {
		_, err := svc.Store.TransitionMission(ctx, m.ID, []models.MissionStatus{models.MissionSubmitted}, models.MissionPublished, "organization restored", svc.now())
		if errors.Is(err, store.ErrConflict) {
			continue
		}
		if err != nil {
			return err
		}
		if err := svc.audit(ctx, adminID, "mission.republish", "mission", m.ID, "organization restored",
			map[string]any{"status": "submitted"}, map[string]any{"status": "published"}); err != nil {
			return err
		}
		svc.Apps.MissionChanged(ctx, m.ID)
	}
	return nil
}
