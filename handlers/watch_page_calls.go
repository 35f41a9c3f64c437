package handlers

import (
	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/watch"
)

// The volunteer's call pages: small (no script, no image), for a phone
// on a weak connection.

type myWatchData struct {
	People []watch.Assigned
}

func (s *Server) myWatchPage(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	list, err := s.watch.MyPeople(ctx, principal(c).UserID)
	if err != nil {
		return err
	}
	lang := s.lang(c)
	return s.render(c, fiber.StatusOK, "watch_calls", frontend.Page{Lang: lang, Title: i18n.T(lang, "watch.calls_title"),
		Section: "/me", Data: myWatchData{People: list}})
}

type myWatchCallData struct {
	Person    *models.WatchPerson
	Programme *models.WatchProgramme
	Calls     []models.WatchCall
	// Emergency lists the numbers to call now, after an emergency.
	Emergency []string
	Numbers   []string
	// Times are the person's best times, written out.
	Times []string
}

func (s *Server) myWatchCallPage(c *fiber.Ctx) error {
	page, err := s.myWatchCallView(c, frontend.NewForm().Set("outcome", string(models.OutcomeReached)).Set("concern", string(models.ConcernNone)))
	if err != nil {
		return err
	}
	return s.render(c, fiber.StatusOK, "watch_call", page)
}

func (s *Server) myWatchCallView(c *fiber.Ctx, form *frontend.Form) (frontend.Page, error) {
	id, err := idParam(c, "personId")
	if err != nil {
		return frontend.Page{}, err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	person, p, err := s.watch.MyPerson(ctx, principal(c).UserID, id)
	if err != nil {
		return frontend.Page{}, err
	}
	calls, err := s.watch.MyCalls(ctx, person.ID)
	if err != nil {
		return frontend.Page{}, err
	}
	// The last five calls keep the page small.
	recent := calls[:min(len(calls), 5)]
	lang := s.lang(c)
	times := watch.TimeLabels(lang, person.BestTimes)
	return frontend.Page{Lang: lang, Title: i18n.T(lang, "watch.call_title", person.FirstName), Section: "/me",
		Form: form.Order("outcome", "concern", "note", "next_call_on"),
		Data: myWatchCallData{Person: person, Programme: p, Calls: recent, Numbers: watch.EmergencyNumbers, Times: times}}, nil
}

func (s *Server) myWatchCallSubmit(c *fiber.Ctx) error {
	id, err := idParam(c, "personId")
	if err != nil {
		return err
	}
	form := formValues(c, "outcome", "concern", "note", "next_call_on")
	ctx, cancel := s.ctx(c)
	defer cancel()
	logged, err := s.watch.LogCall(ctx, principal(c).UserID, id, watch.CallInput{Outcome: form.Value("outcome"),
		Concern: form.Value("concern"), Note: form.Value("note"), NextCallOn: form.Value("next_call_on")})
	if err != nil {
		page, perr := s.myWatchCallView(c, form)
		if perr != nil {
			return perr
		}
		return s.renderFormError(c, "watch_call", page, err)
	}
	if len(logged.Emergency) > 0 {
		// The numbers to call come first, at once, on the page itself.
		page, err := s.myWatchCallView(c, frontend.NewForm())
		if err != nil {
			return err
		}
		data := page.Data.(myWatchCallData)
		data.Emergency = logged.Emergency
		page.Data = data
		page.Title = i18n.T(page.Lang, "watch.emergency_title")
		return s.render(c, fiber.StatusCreated, "watch_call", page)
	}
	return c.Redirect("/me/watch?notice=watch_call_logged", fiber.StatusSeeOther)
}

func (s *Server) myWatchLeaveSubmit(c *fiber.Ctx) error {
	id, err := idParam(c, "programmeId")
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.watch.Leave(ctx, principal(c).UserID, id); err != nil {
		return err
	}
	return c.Redirect("/me/watch?notice=watch_left", fiber.StatusSeeOther)
}
