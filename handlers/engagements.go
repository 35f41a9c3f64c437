package handlers

import (
	"bytes"
	"context"
	"math"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/applications"
	"github.com/entraide/entraide/i18n"
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
		return out, err
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

type attestationRow struct {
	Name   string
	Shifts int
	Hours  string
}

// attestation renders a printable certificate of the caller's attended
// hours per organisation (print it to PDF from the browser).
func (s *Server) attestation(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	user := principal(c).User
	record, err := s.volunteerRecord(ctx, user.ID)
	if err != nil {
		return err
	}
	lang := s.lang(c)
	rows := make([]attestationRow, len(record.Organizations))
	for i, o := range record.Organizations {
		rows[i] = attestationRow{Name: o.Name, Shifts: o.Shifts, Hours: formatHours(o.Hours)}
	}
	var buf bytes.Buffer
	err = s.pages.RenderDocument(&buf, "attestation_print", map[string]any{
		"Lang": lang, "Title": i18n.T(lang, "attestation.title"),
		"Lead":    i18n.T(lang, "attestation.lead", user.Name, formatHours(record.TotalHours)),
		"Caption": i18n.T(lang, "attestation.caption"), "OrgHeader": i18n.T(lang, "attestation.organization"),
		"ShiftsHeader": i18n.T(lang, "attestation.shifts"), "HoursHeader": i18n.T(lang, "attestation.hours"),
		"Rows": rows, "TotalLabel": i18n.T(lang, "attestation.total"), "Total": formatHours(record.TotalHours),
		"Footer": i18n.T(lang, "attestation.footer", timefmt.LongDate(lang, s.now(), timefmt.Default)),
	})
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	c.Set(fiber.HeaderContentLanguage, lang)
	return c.Send(buf.Bytes())
}

func formatHours(h float64) string {
	return strconv.FormatFloat(math.Round(h*100)/100, 'f', -1, 64)
}

// zoneOf is the time zone of a mission of the map, Europe/Paris for one
// that is gone.
func zoneOf(missions map[string]models.Mission, id string) string {
	m, ok := missions[id]
	if !ok {
		return timefmt.Default
	}
	return m.Zone()
}
