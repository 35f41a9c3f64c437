package handlers

import (
	"net/url"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

type reviewData struct {
	Space        orgSpace
	Mission      *models.Mission
	Applications []applicationResponse
	Total        int64
	Pager        frontend.Pager
	Statuses     []frontend.Option
	Shifts       []frontend.Option
	Reasons      []frontend.Option
	Results      []bulkResult // what a bulk action did, per application
	Started      map[string]bool
}

// reviewPage lists a mission's applications to review, filtered by state
// and shift, with bulk accept and decline and the attendance register.
func (s *Server) reviewPage(c *fiber.Ctx) error {
	page, err := s.reviewView(c, frontend.NewForm(), nil)
	if err != nil {
		return err
	}
	return s.render(c, fiber.StatusOK, "org_applications", page)
}

func (s *Server) reviewView(c *fiber.Ctx, form *frontend.Form, results []bulkResult) (frontend.Page, error) {
	space := orgSpaceOf(c, "missions")
	m := missionOf(c)
	pg, err := parsePaging(c, 50, 200)
	if err != nil {
		return frontend.Page{}, err
	}
	statuses, err := parseStatuses(c)
	if err != nil {
		return frontend.Page{}, err
	}
	shiftID := c.Query("shift_id")
	if shiftID != "" && !store.ValidID(shiftID) {
		return frontend.Page{}, errField("shift_id", "invalid_value")
	}
	apps, total, err := s.applicationsOfMission(c, space.Org, m, statuses, shiftID, pg)
	if err != nil {
		return frontend.Page{}, err
	}
	lang := s.lang(c)
	query := url.Values{}
	form.Set("status", c.Query("status")).Set("shift_id", shiftID)
	for _, name := range []string{"status", "shift_id"} {
		if v := c.Query(name); v != "" {
			query.Set(name, v)
		}
	}
	data := reviewData{Space: space, Mission: m, Applications: apps, Total: total, Results: results,
		Pager:    frontend.NewPager("/organizations/"+space.Org.ID+"/missions/"+m.ID+"/applications", query, pg.Page, pg.PerPage, total),
		Statuses: []frontend.Option{{Value: "", Label: i18n.T(lang, "review.any_state")}}, Started: map[string]bool{},
		Shifts: []frontend.Option{{Value: "", Label: i18n.T(lang, "review.any_shift")}}}
	for _, st := range models.ApplicationStatuses {
		data.Statuses = append(data.Statuses, frontend.Option{Value: string(st), Label: i18n.T(lang, "astatus."+string(st))})
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	shifts, err := s.store.ShiftsOfMissions(ctx, m.ID)
	if err != nil {
		return frontend.Page{}, err
	}
	for _, sh := range shifts {
		data.Shifts = append(data.Shifts, frontend.Option{Value: sh.ID, Label: frontend.LongDate(lang, sh.Start, m.Zone()) + ", " + frontend.Clock(lang, sh.Start, m.Zone())})
	}
	for _, a := range apps {
		data.Started[a.ID] = !a.ShiftStart.After(s.now())
	}
	data.Reasons = declineReasons(lang)
	if form.Value("reason") == "" {
		form.Set("reason", models.DeclineReasons[0])
	}
	return frontend.Page{Lang: lang, Title: i18n.T(lang, "review.title", m.Title), Section: "/org",
		Form: form.Order("ids", "reason", "note", "status", "shift_id"), Data: data}, nil
}

func declineReasons(lang string) []frontend.Option {
	var out []frontend.Option
	for _, r := range models.DeclineReasons {
		out = append(out, frontend.Option{Value: r, Label: i18n.T(lang, "decline."+r)})
	}
	return out
}

// reviewBulkSubmit accepts or declines the ticked applications with the
// API's logic, and shows what happened to each.
func (s *Server) reviewBulkSubmit(c *fiber.Ctx) error {
	space := orgSpaceOf(c, "missions")
	form := formValues(c, "reason", "note")
	ids := multiForm(c, "ids")
	form.SetAll("ids", ids)
	req := bulkRequest{IDs: ids}
	decline := c.FormValue("action") == "decline"
	if decline {
		req.Reason, req.Note = form.Value("reason"), form.Value("note")
	}
	results, err := s.bulkDecide(c, space.Org, req, decline)
	if len(ids) == 0 {
		// The API's message counts ids; a person ticks boxes.
		err = errField("ids", "review.pick_one")
	}
	if err != nil {
		page, perr := s.reviewView(c, form, nil)
		if perr != nil {
			return perr
		}
		return s.renderFormError(c, "org_applications", page, err)
	}
	page, err := s.reviewView(c, frontend.NewForm(), results)
	if err != nil {
		return err
	}
	done := 0
	for _, r := range results {
		if r.OK {
			done++
		}
	}
	page.Notice = i18n.T(page.Lang, "review.bulk_done", done, len(results))
	return s.render(c, fiber.StatusOK, "org_applications", page)
}

type reviewOneData struct {
	Space       orgSpace
	Application applicationResponse
	Mission     *models.Mission
	Messages    []messageResponse
	Reasons     []frontend.Option
	Started     bool
}

// reviewOnePage shows one application to the organisation: the
// volunteer (contact details once accepted), the history, the messages,
// and the decisions.
func (s *Server) reviewOnePage(c *fiber.Ctx) error {
	page, err := s.reviewOneView(c, frontend.NewForm())
	if err != nil {
		return err
	}
	return s.render(c, fiber.StatusOK, "org_application", page)
}

func (s *Server) reviewOneView(c *fiber.Ctx, form *frontend.Form) (frontend.Page, error) {
	space := orgSpaceOf(c, "missions")
	a := applicationOf(c)
	ctx, cancel := s.ctx(c)
	defer cancel()
	views, err := s.orgViews(ctx, []models.Application{*a})
	if err != nil {
		return frontend.Page{}, err
	}
	if views[0].Applicant, err = s.applicant(ctx, s.lang(c), a); err != nil {
		return frontend.Page{}, err
	}
	m, err := s.store.MissionInOrg(ctx, space.Org.ID, a.MissionID)
	if err != nil {
		return frontend.Page{}, err
	}
	msgs, _, err := s.thread(c, a, paging{Page: 1, PerPage: 200})
	if err != nil {
		return frontend.Page{}, err
	}
	lang := s.lang(c)
	if form.Value("reason") == "" {
		form.Set("reason", models.DeclineReasons[0])
	}
	return frontend.Page{Lang: lang, Title: i18n.T(lang, "review.one_title", views[0].Volunteer.Name), Section: "/org",
		Form: form.Order("reason", "note", "body"),
		Data: reviewOneData{Space: space, Application: views[0], Mission: m, Messages: msgs,
			Reasons: declineReasons(lang), Started: !a.ShiftStart.After(s.now())}}, nil
}

// reviewOneAction accepts, declines, records attendance or writes to the
// volunteer, with the API's logic.
func (s *Server) reviewOneAction(action string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		org, a := orgOf(c), applicationOf(c)
		var err error
		form := formValues(c, "reason", "note", "body")
		by := principal(c).UserID
		ctx, cancel := s.ctx(c)
		defer cancel()
		switch action {
		case "accept":
			_, err = s.apps.Accept(ctx, a, by)
		case "decline":
			var note string
			if note, err = models.ValidateDecline(form.Value("reason"), form.Value("note")); err == nil {
				_, err = s.apps.Decline(ctx, a, by, form.Value("reason"), note)
			}
		case "attended":
			_, err = s.apps.RecordAttendance(ctx, a, models.ApplicationAttended, by)
		case "no_show":
			_, err = s.apps.RecordAttendance(ctx, a, models.ApplicationNoShow, by)
		case "message":
			_, err = s.addMessage(c, a, models.ActorOrganization, form.Value("body"))
		}
		// From the list (a route with the mission's id), back to the list.
		list := ""
		if c.Params("id") != "" {
			list = "/organizations/" + org.ID + "/missions/" + c.Params("id") + "/applications"
		}
		if err != nil {
			if list != "" {
				page, perr := s.reviewView(c, frontend.NewForm(), nil)
				if perr != nil {
					return perr
				}
				return s.renderFormError(c, "org_applications", page, err)
			}
			page, perr := s.reviewOneView(c, form)
			if perr != nil {
				return perr
			}
			return s.renderFormError(c, "org_application", page, err)
		}
		if list != "" {
			if back := localPath(c.FormValue("back")); back != "" {
				list = back
			}
			return seeOther(c, withNotice(list, "review_"+action))
		}
		next := "/organizations/" + org.ID + "/applications/" + a.ID + "?notice=review_" + action
		if action == "message" {
			next += "#messages-title"
		}
		return seeOther(c, next)
	}
}
