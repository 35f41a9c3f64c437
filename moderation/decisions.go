package moderation

import (
	"context"
	"errors"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// decision is one admin decision, made the same way in every queue
// (missions to review, changes to published missions, reports): a write
// conditional on the state the admin saw, its audit entry, then what
// follows from it. The queues differ only in the write and what follows.
type decision struct {
	adminID, action, targetType, targetID, reason string
	// apply makes the write and returns the audit's before and after.
	apply func(ctx context.Context) (before, after map[string]any, err error)
	// then runs once the decision is recorded: the index, the
	// organisation's notice, the volunteers' alerts.
	then func(ctx context.Context)
}

func (svc *Service) decide(ctx context.Context, d decision) error {
	before, after, err := d.apply(ctx)
	if err != nil {
		return err
	}
	if err := svc.audit(ctx, d.adminID, d.action, d.targetType, d.targetID, d.reason, before, after); err != nil {
		return err
	}
	if d.then != nil {
		d.then(ctx)
	}
	return nil
}

// DecideMission publishes or rejects (to) a mission sent to review, as
// the transition tables let an admin. Only a verified organisation's
// mission is published; an urgent one alerts volunteers. action names the
// decision in the audit ("mission."+action) and in the organisation's
// notice.
func (svc *Service) DecideMission(ctx context.Context, adminID, id string, to models.MissionStatus, action, reason string) (*models.Mission, error) {
	m, err := svc.Store.MissionByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if !models.CanMissionTransition(m.Status, to, models.ActorAdmin) {
		return nil, stateError(m.Status)
	}
	if to == models.MissionPublished {
		org, err := svc.Store.OrganizationByID(ctx, m.OrgID)
		if err != nil {
			return nil, err
		}
		if org.Status != models.OrgVerified {
			return nil, orgNotVerified(org, m)
		}
	}
	var updated *models.Mission
	err = svc.decide(ctx, decision{adminID: adminID, action: "mission." + action, targetType: "mission", targetID: id, reason: reason,
		apply: func(ctx context.Context) (map[string]any, map[string]any, error) {
			var err error
			updated, err = svc.Store.TransitionMission(ctx, id, models.MissionSourcesForActor(to, models.ActorAdmin), to, reason, svc.now())
			if errors.Is(err, store.ErrConflict) {
				return nil, nil, stateError(updated.Status)
			}
			return map[string]any{"status": string(m.Status)}, map[string]any{"status": string(to)}, err
		},
		then: func(ctx context.Context) {
			svc.missionChanged(ctx, updated)
			svc.tellDecision(ctx, updated, action, reason)
			if to == models.MissionPublished && updated.Urgent {
				svc.urgentPublished(ctx, updated)
			}
		},
	})
	if err != nil {
		return nil, err
	}
	return updated, nil
}

// DecideRevision approves or rejects the change waiting on a published
// mission. Approving applies it to the published mission (and its index
// entry) and tells the organisation; rejecting keeps the published
// version, with the reason shown to the organisation. Both are audited
// with the changed fields' values ("mission.revision_approve" or
// "mission.revision_reject").
func (svc *Service) DecideRevision(ctx context.Context, adminID, id string, approve bool, reason string) (*models.Mission, error) {
	m, err := svc.Store.MissionByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if m.Revision == nil || m.RevisionState != models.RevisionPending || m.Status != models.MissionPublished {
		return nil, ErrNoPendingRevision
	}
	action := "reject"
	if approve {
		action = "approve"
	}
	var updated *models.Mission
	err = svc.decide(ctx, decision{adminID: adminID, action: "mission.revision_" + action, targetType: "mission", targetID: id, reason: reason,
		apply: func(ctx context.Context) (map[string]any, map[string]any, error) {
			before, after := map[string]any{}, map[string]any{}
			for _, ch := range models.ContentChanges(models.ContentOf(m), m.Revision.Content) {
				before[ch.Field], after[ch.Field] = ch.Old, ch.New
			}
			var err error
			if approve {
				updated, err = svc.Store.ApplyMissionRevision(ctx, id, m.RevisionID, m.Revision.Content, svc.now())
			} else {
				updated, err = svc.Store.RejectMissionRevision(ctx, id, *m.Revision, reason, svc.now())
			}
			if errors.Is(err, store.ErrConflict) {
				return nil, nil, ErrNoPendingRevision
			}
			return before, after, err
		},
		then: func(ctx context.Context) {
			if !approve {
				return
			}
			svc.missionChanged(ctx, updated)
			svc.tellDecision(ctx, updated, "approve_change", "")
			if updated.Urgent && !m.Urgent {
				svc.urgentPublished(ctx, updated)
			}
		},
	})
	if err != nil {
		return nil, err
	}
	return updated, nil
}
