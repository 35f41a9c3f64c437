package handlers

import (
	"context"

	"github.com/entraide/entraide/applications"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// The rules of applications and places live in package applications,
// shared with the background jobs; these short names are how handlers
// call them.

func (s *Server) changeApplication(ctx context.Context, a *models.Application, to models.ApplicationStatus, actor models.Actor, by string, ch store.ApplicationChange) (*models.Application, error) {
	return s.apps.Change(ctx, a, to, actor, by, ch)
}

func previous(a *models.Application) models.ApplicationStatus { return applications.Previous(a) }

func (s *Server) releasePlace(ctx context.Context, missionID, shiftID string) {
	s.apps.ReleasePlace(ctx, missionID, shiftID)
}

func (s *Server) volunteerApplications(ctx context.Context, userID string, statuses ...models.ApplicationStatus) ([]models.Application, error) {
	return s.apps.VolunteerApplications(ctx, userID, statuses...)
}

func (s *Server) tell(ctx context.Context, userID string, event models.Event, params map[string]string) {
	s.apps.Tell(ctx, userID, event, params)
}

func (s *Server) tellMembers(ctx context.Context, orgID, key string, event models.Event, params map[string]string) {
	s.apps.TellMembers(ctx, orgID, key, event, params)
}

func (s *Server) eventParams(ctx context.Context, a *models.Application, link string) map[string]string {
	return s.apps.EventParams(ctx, a, link)
}

func volunteerLink(a *models.Application) string { return applications.VolunteerLink(a) }

func orgLink(a *models.Application) string { return applications.OrgLink(a) }

// missionChanged keeps the matching index in step after a write.
func (s *Server) missionChanged(ctx context.Context, missionID string) {
	s.apps.MissionChanged(ctx, missionID)
}
