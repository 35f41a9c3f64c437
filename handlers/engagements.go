package handlers

import (
	"context"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/calendar"
	"github.com/entraide/entraide/models"
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

// volunteerRecord is the volunteer's record (package calendar) in the
// API's shape.
func (s *Server) volunteerRecord(ctx context.Context, userID string) (engagementsResponse, error) {
	record, err := s.calendar.Record(ctx, userID)
	if err != nil {
		return engagementsResponse{}, err
	}
	out := engagementsResponse{Upcoming: make([]engagementResponse, len(record.Upcoming)),
		Past: make([]engagementResponse, len(record.Past)), TotalHours: record.TotalHours,
		Organizations: make([]orgHours, len(record.Organizations))}
	for i, e := range record.Upcoming {
		out.Upcoming[i] = engagementResponse(e)
	}
	for i, e := range record.Past {
		out.Past[i] = engagementResponse(e)
	}
	for i, h := range record.Organizations {
		out.Organizations[i] = orgHours(h)
	}
	return out, nil
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
