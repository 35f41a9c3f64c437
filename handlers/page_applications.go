package handlers

import (
	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
)

// applySubmit applies to the chosen shift, or to the ticked dates of a
// recurring mission, with the API's logic, from the mission page's form.
func (s *Server) applySubmit(c *fiber.Ctx) error {
	form := formValues(c, "shift", "message", "all", "series_message")
	if principal(c).Role == models.RoleAdmin {
		return errForbidden("detail.role_required", "volunteer, organization")
	}
	if c.FormValue("series") != "" {
		return s.applySeriesSubmit(c, form)
	}
	shiftID := form.Value("shift")
	var a *models.Application
	var err error = errField("shift", "required")
	if shiftID != "" {
		ctx, cancel := s.ctx(c)
		a, _, err = s.apps.Apply(ctx, volunteerOf(c), c.Params("id"), shiftID, form.Value("message"))
		cancel()
	}
	if err != nil {
		page, perr := s.missionPageFor(c, form)
		if perr != nil {
			return perr
		}
		// A refusal about the shift (full, overlapping, too young) is
		// about the choice of shift.
		p := toProblem(err)
		if len(p.Fields) == 0 && p.Status != fiber.StatusNotFound {
			err = &Problem{Status: p.Status, Slug: p.Slug, Fields: []models.FieldError{{Field: "shift", Code: p.DetailKey, Params: p.Args}}}
		}
		return s.renderFormError(c, "mission", page, err)
	}
	return seeOther(c, "/me/applications/"+a.ID+"?notice=applied_"+string(a.Status))
}

type myApplicationsData struct {
	// Series are the recurring commitments, one line each; Open the other
	// applications still open.
	Series       []seriesRow
	Open, Closed []applicationResponse
}

// myApplicationsPage lists the volunteer's applications: those still
// open first (a series of dates of one mission as one line), with their
// state and place on the waiting list.
func (s *Server) myApplicationsPage(c *fiber.Ctx) error {
	page, err := s.myApplicationsView(c)
	if err != nil {
		return err
	}
	return s.render(c, fiber.StatusOK, "my_applications", page)
}

func (s *Server) myApplicationsView(c *fiber.Ctx) (frontend.Page, error) {
	ctx, cancel := s.ctx(c)
	defer cancel()
	apps, err := s.volunteerApplications(ctx, principal(c).UserID)
	if err != nil {
		return frontend.Page{}, err
	}
	views, err := s.volunteerViews(c, apps, true)
	if err != nil {
		return frontend.Page{}, err
	}
	data := myApplicationsData{}
	var open []models.Application
	for i, v := range views {
		if models.ApplicationStatus(v.Status).Open() {
			open = append(open, apps[i])
		} else {
			data.Closed = append(data.Closed, v)
		}
	}
	data.Series, data.Open = s.seriesRows(views, open)
	lang := s.lang(c)
	return frontend.Page{Lang: lang, Title: i18n.T(lang, "applications.title"), Section: "/me", Data: data}, nil
}

type myApplicationData struct {
	Application applicationResponse
	Messages    []messageResponse
	CanWithdraw bool
	CanConfirm  bool
	Calendar    bool
}

// myApplicationPage shows one application: its state and history, the
// messages with the organisation, and what the volunteer can do.
func (s *Server) myApplicationPage(c *fiber.Ctx) error {
	page, err := s.myApplicationView(c, frontend.NewForm())
	if err != nil {
		return err
	}
	return s.render(c, fiber.StatusOK, "my_application", page)
}

func (s *Server) myApplicationView(c *fiber.Ctx, form *frontend.Form) (frontend.Page, error) {
	a, err := s.myApplicationParam(c)
	if err != nil {
		return frontend.Page{}, err
	}
	views, err := s.volunteerViews(c, []models.Application{*a}, true)
	if err != nil {
		return frontend.Page{}, err
	}
	msgs, _, err := s.thread(c, a, paging{Page: 1, PerPage: 200})
	if err != nil {
		return frontend.Page{}, err
	}
	data := myApplicationData{Application: views[0], Messages: msgs,
		CanWithdraw: s.apps.CanWithdraw(a),
		CanConfirm:  a.Status == models.ApplicationOffered,
		Calendar:    a.Status == models.ApplicationAccepted || a.Status == models.ApplicationAttended,
	}
	lang := s.lang(c)
	title := i18n.T(lang, "applications.one")
	if views[0].Mission != nil {
		title = views[0].Mission.Title
	}
	return frontend.Page{Lang: lang, Title: title, Section: "/me", Form: form.Order("body", "reason"), Data: data}, nil
}

// myApplicationAction withdraws, confirms an offered place, or writes to
// the organisation, with the API's logic.
func (s *Server) myApplicationAction(action string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		a, err := s.myApplicationParam(c)
		if err != nil {
			return err
		}
		form := formValues(c, "body", "reason")
		ctx, cancel := s.ctx(c)
		defer cancel()
		switch action {
		case "withdraw":
			var reason string
			if reason, err = checkReason(form.Value("reason"), false); err == nil {
				_, err = s.apps.Withdraw(ctx, volunteerOf(c), a, reason)
			}
		case "confirm":
			_, err = s.apps.Confirm(ctx, a)
		case "message":
			_, err = s.addMessage(c, a, models.ActorVolunteer, form.Value("body"))
		}
		if err != nil {
			page, perr := s.myApplicationView(c, form)
			if perr != nil {
				return perr
			}
			return s.renderFormError(c, "my_application", page, err)
		}
		next := "/me/applications/" + a.ID + "?notice=application_" + action
		if action == "message" {
			next += "#messages-title"
		}
		return seeOther(c, next)
	}
}
