package calendar

import (
	"context"
	"sort"
	"time"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/timefmt"
)

// Engagement is one shift of a volunteer's record.
type Engagement struct {
	ApplicationID string
	MissionID     string
	MissionTitle  string
	OrgID         string
	OrgName       string
	ShiftStart    time.Time
	ShiftEnd      time.Time
	Status        string
	Hours         float64
	TimeZone      string
}

// OrgHours is the time given to one organisation, attended shifts only.
type OrgHours struct {
	OrgID  string
	Name   string
	Hours  float64
	Shifts int
}

// Record is a volunteer's shifts, to come (soonest first) and past (newest
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

// Record gathers a volunteer's shifts, upcoming and past, and the hours
// attended per organisation. An offered place counts as upcoming until its
// shift ends, and then as nothing.
func (svc *Service) Record(ctx context.Context, userID string) (Record, error) {
	out := Record{Upcoming: []Engagement{}, Past: []Engagement{}, Organizations: []OrgHours{}}
	apps, err := svc.Applications.VolunteerApplications(ctx, userID, recordStatuses...)
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
		e := Engagement{ApplicationID: a.ID, MissionID: a.MissionID, MissionTitle: missions[a.MissionID].Title,
			OrgID: a.OrgID, OrgName: orgs[a.OrgID].Name, ShiftStart: a.ShiftStart, ShiftEnd: a.ShiftEnd,
			Status: string(a.Status), Hours: a.Hours, TimeZone: ZoneOf(missions, a.MissionID)}
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
	sort.SliceStable(out.Upcoming, func(i, j int) bool { return out.Upcoming[i].ShiftStart.Before(out.Upcoming[j].ShiftStart) })
	sort.SliceStable(out.Past, func(i, j int) bool { return out.Past[i].ShiftStart.After(out.Past[j].ShiftStart) })
	return out, nil
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
