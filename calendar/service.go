// Package calendar holds a volunteer's shifts as calendars: the iCalendar
// documents of those shifts and the private feed token that lets a
// calendar application read them. It knows nothing of HTTP: the handlers
// serve the bytes it makes. The record of shifts itself (to come, given,
// hours per organisation) is package applications'.
package calendar

import (
	"context"
	"time"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
	"github.com/entraide/entraide/timefmt"
)

// Applications is what the calendar reads of applications; package
// applications implements it.
type Applications interface {
	// VolunteerApplications lists a volunteer's applications in the given
	// statuses (any when none), newest first.
	VolunteerApplications(ctx context.Context, userID string, statuses ...models.ApplicationStatus) ([]models.Application, error)
	// MissionsAndOrgs loads the missions and organisations of
	// applications, by id.
	MissionsAndOrgs(ctx context.Context, apps []models.Application) (map[string]models.Mission, map[string]models.Organization, error)
}

// Service is the calendar domain with what it needs.
type Service struct {
	Store        *store.Store
	Applications Applications
	// BaseURL makes the absolute links of feeds and events.
	BaseURL string
	Now     func() time.Time
}

func (svc *Service) now() time.Time {
	if svc.Now == nil {
		return time.Now().UTC()
	}
	return svc.Now().UTC()
}

// ZoneOf is the time zone of a mission of the map, Europe/Paris for one
// that is gone.
func ZoneOf(missions map[string]models.Mission, id string) string {
	m, ok := missions[id]
	if !ok {
		return timefmt.Default
	}
	return m.Zone()
}
