package handlers

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/applications"
	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
)

func init() {
	notices["series_applied"] = "series.notice_applied"
	notices["series_withdrawn"] = "series.notice_withdrawn"
}

// seriesRow is one recurring commitment in "Mes missions": the mission,
// its next date, how many dates, and each date (to withdraw one).
type seriesRow struct {
	MissionID string
	Title     string
	Next      *applicationResponse
	Dates     []applicationResponse
}

// seriesRows gathers the open applications of one mission with two dates
// or more into one row each, and returns the others apart.
func (s *Server) seriesRows(views []applicationResponse, apps []models.Application) (rows []seriesRow, single []applicationResponse) {
	byID := make(map[string]applicationResponse, len(views))
	for _, v := range views {
		byID[v.ID] = v
	}
	series, rest := applications.GroupSeries(apps, s.now())
	for _, sr := range series {
		row := seriesRow{MissionID: sr.MissionID}
		for _, a := range sr.Applications {
			row.Dates = append(row.Dates, byID[a.ID])
		}
		if sr.Next != nil {
			next := byID[sr.Next.ID]
			row.Next = &next
		}
		if m := row.Dates[0].Mission; m != nil {
			row.Title = m.Title
		}
		rows = append(rows, row)
	}
	for _, a := range rest {
		single = append(single, byID[a.ID])
	}
	return rows, single
}

// applySeriesSubmit applies to the ticked dates (or all of them) of a
// recurring mission with the API's logic, from the mission page's form.
func (s *Server) applySeriesSubmit(c *fiber.Ctx, form *frontend.Form) error {
	shiftIDs := multiForm(c, "shifts")
	form.SetAll("shifts", shiftIDs)
	all := form.Value("all") == "true"
	var err error
	var made []models.Application
	var refused []applications.ShiftRefusal
	var m *models.Mission
	if !all && len(shiftIDs) == 0 {
		err = errField("shifts", "series.pick_one")
	} else {
		if all {
			shiftIDs = nil
		}
		ctx, cancel := s.ctx(c)
		m, made, refused, err = s.apps.ApplySeries(ctx, volunteerOf(c), c.Params("id"), shiftIDs, all, form.Value("series_message"))
		cancel()
		if err == nil && len(made) == 0 {
			err = refused[0].Err
		}
	}
	if err != nil {
		page, perr := s.missionPageFor(c, form)
		if perr != nil {
			return perr
		}
		// A refusal of the dates is about the choice of dates; the
		// message is this form's own.
		p := toProblem(err)
		if len(p.Fields) == 0 && p.Status != fiber.StatusNotFound {
			err = &Problem{Status: p.Status, Slug: p.Slug, Fields: []models.FieldError{{Field: "shifts", Code: p.DetailKey, Params: p.Args}}}
		}
		err = renameFields(err, func(field string) string {
			if field == "message" {
				return "series_message"
			}
			return field
		})
		return s.renderFormError(c, "mission", page, err)
	}
	if len(refused) == 0 {
		return seeOther(c, "/me/applications?notice=series_applied")
	}
	// Some dates were taken, some not: "Mes missions" says which.
	lang := s.lang(c)
	lines := make([]string, len(refused))
	for i, r := range refused {
		p := toProblem(r.Err)
		lines[i] = i18n.T(lang, "series.refused_line", s.shiftLabel(c, lang, m, r.ShiftID), i18n.T(lang, p.DetailKey, p.Args...))
	}
	page, err := s.myApplicationsView(c)
	if err != nil {
		return err
	}
	page.Notice = i18n.T(lang, "series.notice_partial", len(made), len(refused)) + " " + strings.Join(lines, " ; ")
	return s.render(c, fiber.StatusOK, "my_applications", page)
}

// shiftLabel names one shift of m to a person: its date and time.
func (s *Server) shiftLabel(c *fiber.Ctx, lang string, m *models.Mission, shiftID string) string {
	ctx, cancel := s.ctx(c)
	defer cancel()
	sh, err := s.store.ShiftByID(ctx, m.ID, shiftID)
	if err != nil {
		return i18n.T(lang, "applications.shift")
	}
	return frontend.LongDate(lang, sh.Start, m.Zone()) + ", " + frontend.Clock(lang, sh.Start, m.Zone())
}

// withdrawSeriesSubmit withdraws the volunteer from every date of a
// mission still open, with the API's logic, from "Mes missions".
func (s *Server) withdrawSeriesSubmit(c *fiber.Ctx) error {
	missionID, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	withdrawn, _, err := s.apps.WithdrawSeries(ctx, volunteerOf(c), missionID, "")
	if err != nil {
		return err
	}
	if len(withdrawn) == 0 {
		page, err := s.myApplicationsView(c)
		if err != nil {
			return err
		}
		page.Notice = i18n.T(page.Lang, "series.withdraw_none")
		return s.render(c, fiber.StatusConflict, "my_applications", page)
	}
	return seeOther(c, "/me/applications?notice=series_withdrawn")
}
