package applications

import (
	"context"
	"sort"

	"github.com/entraide/entraide/models"
)

// Engagement is one shift of a volunteer's record with its mission (zero
// when the mission is gone) and organisation.
type Engagement struct {
	Application  models.Application
	Mission      models.Mission
	Organization models.Organization
}

// OrgHours are the hours a volunteer attended with one organisation.
type OrgHours struct {
	OrgID  string
	Name   string
	Hours  float64
	Shifts int
}

// Record is a volunteer's shifts to come (soonest first) and past (newest
// first), and the hours attended per organisation (most first).
type Record struct {
	Upcoming      []Engagement
	Past          []Engagement
	TotalHours    float64
	Organizations []OrgHours
}

// recordStatuses are the applications of a volunteer's record.
var recordStatuses = []models.ApplicationStatus{models.ApplicationAccepted, models.ApplicationOffered,
	models.ApplicationAttended, models.ApplicationNoShow}

// VolunteerRecord gathers a volunteer's shifts, upcoming and past, and
// the hours attended per organisation: an offered place still to come is
// upcoming, a lapsed one is not part of the record.
func (svc *Service) VolunteerRecord(ctx context.Context, userID string) (Record, error) {
	out := Record{Upcoming: []Engagement{}, Past: []Engagement{}, Organizations: []OrgHours{}}
	apps, err := svc.VolunteerApplications(ctx, userID, recordStatuses...)
	if err != nil {
		return out, err
	}
	missions, orgs, err := svc.MissionsAndOrgs(ctx, apps)
	if err != nil {
		return out, err
	}
	now := svc.now()
	byOrg := map[string]*OrgHours{}
	for _, a := range apps {
		e := Engagement{Application: a, Mission: missions[a.MissionID], Organization: orgs[a.OrgID]}
		if a.ShiftEnd.After(now) && (a.Status == models.ApplicationAccepted || a.Status == models.ApplicationOffered) {
			out.Upcoming = append(out.Upcoming, e)
			continue
		}
		if a.Status == models.ApplicationOffered {
			continue
		}
		out.Past = append(out.Past, e)
		if a.Status != models.ApplicationAttended {
			continue
		}
		h := byOrg[a.OrgID]
		if h == nil {
			h = &OrgHours{OrgID: a.OrgID, Name: orgs[a.OrgID].Name}
			byOrg[a.OrgID] = h
		}
		h.Hours += a.Hours
		h.Shifts++
		out.TotalHours += a.Hours
	}
	for _, h := range byOrg {
		out.Organizations = append(out.Organizations, *h)
	}
	sort.Slice(out.Organizations, func(i, j int) bool { return out.Organizations[i].Hours > out.Organizations[j].Hours })
	sort.SliceStable(out.Upcoming, func(i, j int) bool {
		return out.Upcoming[i].Application.ShiftStart.Before(out.Upcoming[j].Application.ShiftStart)
	})
	sort.SliceStable(out.Past, func(i, j int) bool {
		return out.Past[i].Application.ShiftStart.After(out.Past[j].Application.ShiftStart)
	})
	return out, nil
}

// MissionsAndOrgs reads, by key, the missions and organisations of apps.
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
	olist, err := svc.Store.OrganizationsByIDs(ctx, orgIDs)
	if err != nil {
		return nil, nil, err
	}
	for _, o := range olist {
		orgs[o.ID] = o
	}
	return missions, orgs, nil
}
