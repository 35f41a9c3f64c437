package handlers

import (
	"context"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/applications"
	"github.com/entraide/entraide/calendar"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/timefmt"
)

type engagementResponse struct {
	ApplicationID string    `json:"application_id"`
	MissionID     string    `json:"mission_id"`
	MissionTitle  string    `json:"mission_title"`
	OrgID         string    `json:"org_id"`
	OrgName       string    `json:"org_name"`
	ShiftStart    time.Time `json:"shift_start"`
	ShiftEnd      time.Time `json:"shift_end"`
	Status        string    `json:"status"`
	Hours         float64   `json:"hours"`
	TimeZone      string    `json:"time_zone"`
}

type orgHours struct {
	OrgID  string  `json:"org_id"`
	Name   string  `json:"name"`
	Hours  float64 `json:"hours"`
	Shifts int     `json:"shifts"`
}

type engagementsResponse struct {
	Upcoming      []engagementResponse `json:"upcoming"`
	Past          []engagementResponse `json:"past"`
	TotalHours    float64              `json:"total_hours"`
	Organizations []orgHours           `json:"organizations"`
}

// volunteerRecord renders a volunteer's record
// (applications.VolunteerRecord) for the API and the pages.
func (s *Server) volunteerRecord(ctx context.Context, userID string) (engagementsResponse, error) {
	out := engagementsResponse{Upcoming: []engagementResponse{}, Past: []engagementResponse{}, Organizations: []orgHours{}}
	record, err := s.apps.VolunteerRecord(ctx, userID)
	if err != nil {
		return engagementsResponse{}, err
	}
	for _, e := range record.Upcoming {
		out.Upcoming = append(out.Upcoming, engagementView(e))
	}
	for _, e := range record.Past {
		out.Past = append(out.Past, engagementView(e))
	}
	for _, h := range record.Organizations {
		out.Organizations = append(out.Organizations, orgHours{OrgID: h.OrgID, Name: h.Name, Hours: h.Hours, Shifts: h.Shifts})
	}
	out.TotalHours = record.TotalHours
	return out, nil
}

func engagementView(e applications.Engagement) engagementResponse {
	a := e.Application
	zone := timefmt.Default
	if e.Mission.ID != "" {
		zone = e.Mission.Zone()
	}
	return engagementResponse{ApplicationID: a.ID, MissionID: a.MissionID, MissionTitle: e.Mission.Title,
		OrgID: a.OrgID, OrgName: e.Organization.Name, ShiftStart: a.ShiftStart, ShiftEnd: a.ShiftEnd,
		Status: string(a.Status), Hours: a.Hours, TimeZone: zone}
}

// engagements lists the caller's past and upcoming shifts and hours.
func (s *Server) engagements(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	record, err := s.volunteerRecord(ctx, principal(c).UserID)
	if err != nil {
		return err
	}
	return c.JSON(record)
}

// zoneOf is the time zone of a mission of the map (package calendar).
func zoneOf(missions map[string]models.Mission, id string) string {
	return calendar.ZoneOf(missions, id)
}
