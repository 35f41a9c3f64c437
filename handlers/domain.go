package handlers

import (
	"context"

	"github.com/entraide/entraide/models"
)

// The rules of applications and places live in package applications,
// shared with the background jobs; these short names are how handlers
// outside the applications' own files call what they need of it.

func (s *Server) volunteerApplications(ctx context.Context, userID string, statuses ...models.ApplicationStatus) ([]models.Application, error) {
	return s.apps.VolunteerApplications(ctx, userID, statuses...)
}
