package handlers

import (
	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// sheetShift is one shift of the sign-in sheet with its volunteers.
type sheetShift struct {
	Start, End string // already in words, in the mission's zone
	People     []applicationResponse
}

type attendanceSheetData struct {
	Space   orgSpace
	Mission missionResponse
	Shifts  []sheetShift
}

// attendanceSheetPage is the attendance list as a page to print: one table
// per shift, with a column for each volunteer's signature. Same volunteers
// as the CSV export.
func (s *Server) attendanceSheetPage(c *fiber.Ctx) error {
	org, m := orgOf(c), missionOf(c)
	lang := s.lang(c)
	f := store.ApplicationFilter{OrgID: org.ID, MissionID: m.ID,
		Statuses: []models.ApplicationStatus{models.ApplicationAccepted, models.ApplicationAttended, models.ApplicationNoShow}}
	if sh := c.Query("shift_id"); sh != "" {
		if !store.ValidID(sh) {
			return errField("shift_id", "invalid_value")
		}
		f.ShiftID = sh
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	apps, _, err := s.store.Applications(ctx, f, "shift_start", 0, 0)
	if err != nil {
		return err
	}
	views, err := s.orgViews(ctx, apps)
	if err != nil {
		return err
	}
	view, err := s.renderMission(c, m, true)
	if err != nil {
		return err
	}
	data := attendanceSheetData{Space: orgSpaceOf(c, "missions"), Mission: view}
	for _, v := range views {
		n := len(data.Shifts)
		if n == 0 || data.Shifts[n-1].People[0].ShiftID != v.ShiftID {
			data.Shifts = append(data.Shifts, sheetShift{Start: frontend.Span(lang, v.ShiftStart, v.ShiftEnd, v.TimeZone)})
			n++
		}
		data.Shifts[n-1].People = append(data.Shifts[n-1].People, v)
	}
	return s.render(c, fiber.StatusOK, "attendance_sheet", frontend.Page{Lang: lang, Section: "/org",
		Title: i18n.T(lang, "sheet.title", m.Title), Data: data})
}
