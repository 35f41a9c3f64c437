// Package moderation holds the rules of missions on their way to the
// public and of what the public reports: drafting, editing and sending a
// mission to review, closing and cancelling it, an admin publishing or
// rejecting it, changes to a published mission waiting as a revision,
// the moderation queues' checks, and reports with their resolution. API
// handlers and page handlers both call it; it knows nothing of HTTP.
//
// Mission state changes follow models.MissionTransitions and who may make
// each, models.MissionActors.
package moderation

import (
	"context"
	"log/slog"
	"time"

	"github.com/entraide/entraide/applications"
	"github.com/entraide/entraide/events"
	"github.com/entraide/entraide/geo"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// Service is the moderation domain with what it needs.
type Service struct {
	Store *store.Store
	// Apps keeps the search index in step with a mission and tells the
	// organisation of a decision.
	Apps *applications.Service
	// Events is told of cancelled missions and of urgent ones published.
	Events *events.Bus
	// Gazetteer locates a mission from its postcode.
	Gazetteer *geo.Gazetteer
	// ReportThrottle counts one report of a user and refuses it over the
	// rate (nil: no limit). The caller owns the rate's window.
	ReportThrottle func(userID string) error
	Log            *slog.Logger
	Now            func() time.Time

	siblings siblingsCache // the duplicate check's reads, by organisation
}

// Actor is who acts: a signed-in user, and whether they are an admin.
type Actor struct {
	UserID string
	Admin  bool
}

func (svc *Service) now() time.Time {
	if svc.Now == nil {
		return time.Now().UTC()
	}
	return svc.Now().UTC()
}

func (svc *Service) log() *slog.Logger {
	if svc.Log == nil {
		return slog.Default()
	}
	return svc.Log
}

// missionChanged keeps the search index and the duplicate check's
// siblings in step after a write to m.
func (svc *Service) missionChanged(ctx context.Context, m *models.Mission) {
	svc.siblings.forget(m.OrgID)
	if svc.Apps != nil {
		svc.Apps.MissionChanged(ctx, m.ID)
	}
}

// tellDecision tells the organisation of an admin's decision on its
// mission.
func (svc *Service) tellDecision(ctx context.Context, m *models.Mission, action, reason string) {
	if svc.Apps != nil {
		svc.Apps.TellMissionDecision(ctx, m, action, reason)
	}
}

// urgentPublished alerts the volunteers of an urgent mission just gone
// live. A failure is logged: the mission is published either way.
func (svc *Service) urgentPublished(ctx context.Context, m *models.Mission) {
	if svc.Events == nil {
		return
	}
	if err := svc.Events.UrgentPublished(ctx, m); err != nil {
		svc.log().Error("urgent alerts not queued", "mission_id", m.ID, "error", err)
	}
}

// audit records one moderation action.
func (svc *Service) audit(ctx context.Context, actorID, action, targetType, targetID, reason string, before, after map[string]any) error {
	return svc.Store.AppendAudit(ctx, &models.AuditEntry{
		ID: store.NewID(), ActorID: actorID, Action: action, TargetType: targetType, TargetID: targetID,
		Reason: reason, Before: before, After: after, At: svc.now(),
	})
}
