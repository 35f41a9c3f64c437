// Package calendar holds a volunteer's shifts over time: the record of
// shifts to come and given (with the hours per organisation), the
// iCalendar documents of those shifts, and the private feed token that
// lets a calendar application read them. It knows nothing of HTTP: the
// handlers serve the bytes it makes.
package calendar

import (
	"context"
	"time"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// Applications lists a volunteer's applications in the given statuses
// (any when none), newest first; package applications implements it.
type Applications interface {
	VolunteerApplications(ctx context.Context, userID string, statuses ...models.ApplicationStatus) ([]models.Application, error)
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

// MissionsAndOrgs loads the missions and organisations of applications,
// by id.
func (svc *Service) MissionsAndOrgs(ctx context.Context, apps []models.Application) (map[string]models.Mission, map[string]models.Organization, error) {
	var missionIDs, orgIDs []string
	seen := map[string]bool{}
	for _, a := range apps {
		if !seen[a.MissionID] {
			seen[a.MissionID] = true
			missionIDs = append(missionIDs, a.MissionID)
		}
		if !seen[a.OrgID] {
			seen[a.OrgID] = true
			orgIDs = append(orgIDs, a.OrgID)
		}
	}
	missions := map[string]models.Mission{}
	orgs := map[string]models.Organization{}
	if len(apps) == 0 {
		return missions, orgs, nil
	}
	missions, err := svc.Store.MissionsByIDs(ctx, missionIDs)
	if err != nil {
		return nil, nil, err
	}
	list, err := svc.Store.OrganizationsByIDs(ctx, orgIDs)
	if err != nil {
		return nil, nil, err
	}
	for _, o := range list {
		orgs[o.ID] = o
	}
	return missions, orgs, nil
}
