package handlers

import (
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/moderation"
)

// missionTabs are the states the missions page filters on, "" for all.
var missionTabs = []string{"", "draft", "submitted", "published", "rejected", "closed", "cancelled"}

type missionTab struct {
	Status, URL, Label string
	Current            bool
}

type orgMissionsData struct {
	Space    orgSpace
	Tabs     []missionTab
	Missions []missionResponse
	Total    int64
	Pager    frontend.Pager
	Todo     orgTodo // on the first tab only
}

// orgMissionsPage lists the organisation's missions by state.
func (s *Server) orgMissionsPage(c *fiber.Ctx) error {
	space := orgSpaceOf(c, "missions")
	status := c.Query("status")
	var statuses []models.MissionStatus
	valid := false
	for _, tab := range missionTabs {
		valid = valid || tab == status
	}
	if !valid {
		return errField("status", "invalid_value")
	}
	if status != "" {
		statuses = []models.MissionStatus{models.MissionStatus(status)}
	}
	pg, err := parsePaging(c, 20, 100)
	if err != nil {
		return err
	}
	missions, total, err := s.orgMissionList(c, space.Org, statuses, pg)
	if err != nil {
		return err
	}
	lang := s.lang(c)
	base := "/organizations/" + space.Org.ID + "/missions"
	data := orgMissionsData{Space: space, Missions: missions, Total: total}
	if status == "" {
		if data.Todo, err = s.orgTodoFor(c, space); err != nil {
			return err
		}
	}
	query := url.Values{}
	if status != "" {
		query.Set("status", status)
	}
	data.Pager = frontend.NewPager(base, query, pg.Page, pg.PerPage, total)
	for _, tab := range missionTabs {
		t := missionTab{Status: tab, URL: base, Label: i18n.T(lang, "orgmissions.all"), Current: tab == status}
		if tab != "" {
			t.URL, t.Label = base+"?status="+tab, i18n.T(lang, "mstatus_plural."+tab)
		}
		data.Tabs = append(data.Tabs, t)
	}
	return s.render(c, fiber.StatusOK, "org_missions", frontend.Page{
		Lang: lang, Title: i18n.T(lang, "orgmissions.title", space.Org.Name), Section: "/org", Data: data,
	})
}

type orgMissionData struct {
	Space   orgSpace
	Mission missionResponse
	// Actions are the state changes the mission allows now.
	CanSubmit, CanClose, CanCancel, CanDelete, CanEdit, CanAddShifts bool
	// AwaitsVerification: a draft the organisation cannot submit until an
	// admin has verified it; the page says so instead of offering the button.
	AwaitsVerification bool
	Public             bool
	// Changes are the fields of the mission's revision, if any.
	Changes []changeRow
}

// orgMissionPage is a mission as its organisation manages it: its state
// and what can be done, its shifts, and the way to its applications and
// candidates.
func (s *Server) orgMissionPage(c *fiber.Ctx) error {
	page, err := s.orgMissionView(c, frontend.NewForm().Set("capacity", "1"))
	if err != nil {
		return err
	}
	return s.render(c, fiber.StatusOK, "org_mission", page)
}

func (s *Server) orgMissionView(c *fiber.Ctx, form *frontend.Form) (frontend.Page, error) {
	space := orgSpaceOf(c, "missions")
	m := missionOf(c)
	view, err := s.renderMission(c, m, true)
	if err != nil {
		return frontend.Page{}, err
	}
	// What the page offers follows what the transition tables let the
	// organisation do from the mission's state.
	st, verified := m.Status, space.Org.Status == models.OrgVerified
	can := func(to models.MissionStatus) bool {
		return models.CanMissionTransition(st, to, models.ActorOrganization)
	}
	data := orgMissionData{Space: space, Mission: view,
		CanSubmit:          can(models.MissionSubmitted) && verified,
		AwaitsVerification: can(models.MissionSubmitted) && !verified,
		CanClose:           can(models.MissionClosed),
		CanCancel:          can(models.MissionCancelled),
		CanDelete:          st == models.MissionDraft,
		CanEdit:            moderation.Editable(st),
		CanAddShifts:       moderation.Editable(st),
		Public:             moderation.Public(st),
	}
	lang := s.lang(c)
	if view.Revision != nil {
		data.Changes = changeRows(lang, view.Revision.Changes, missionFieldLabels)
	}
	return frontend.Page{Lang: lang, Title: m.Title, Section: "/org", Data: data,
		Form: form.Order("dates", "start_time", "end_time", "capacity", "reason")}, nil
}

// missionStateSubmit applies a state change from the mission's page with
// the API's logic: submit, close, cancel or delete.
func (s *Server) missionStateSubmit(action string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		org, m := orgOf(c), missionOf(c)
		var err error
		base := "/organizations/" + org.ID + "/missions"
		ctx, cancel := s.ctx(c)
		defer cancel()
		switch action {
		case "submit":
			_, err = s.moderation.Submit(ctx, org, m)
		case "close":
			_, err = s.moderation.Close(ctx, m)
		case "cancel":
			var reason string
			if reason, err = checkReason(c.FormValue("reason"), false); err == nil {
				_, err = s.moderation.Cancel(ctx, m, reason)
			}
		case "delete":
			if err = s.moderation.DeleteDraft(ctx, org, m); err == nil {
				return seeOther(c, base+"?notice=mission_deleted")
			}
		}
		if err != nil {
			return s.missionFormError(c, formValues(c, "reason"), err)
		}
		return seeOther(c, base+"/"+m.ID+"?notice=mission_"+action)
	}
}

// missionFormError shows the mission's page again with a refused form.
func (s *Server) missionFormError(c *fiber.Ctx, form *frontend.Form, err error) error {
	page, perr := s.orgMissionView(c, form)
	if perr != nil {
		return perr
	}
	return s.renderFormError(c, "org_mission", page, err)
}

// shiftsAddSubmit adds shifts on several dates at once with the API's
// logic.
func (s *Server) shiftsAddSubmit(c *fiber.Ctx) error {
	org, m := orgOf(c), missionOf(c)
	form := formValues(c, shiftFields...)
	shifts, err := readShifts(form, m.Zone())
	if err == nil {
		err = s.addMissionShifts(c, m, shifts)
	}
	if err != nil {
		return s.missionFormError(c, form, shiftFieldErrors(err))
	}
	return seeOther(c, "/organizations/"+org.ID+"/missions/"+m.ID+"?notice=shifts_added#shifts-title")
}

// shiftRemoveSubmit deletes a shift nobody holds a place on.
func (s *Server) shiftRemoveSubmit(c *fiber.Ctx) error {
	org, m := orgOf(c), missionOf(c)
	shiftID, err := idParam(c, "shiftId")
	if err != nil {
		return err
	}
	if err := s.removeShift(c, m, shiftID); err != nil {
		return s.missionFormError(c, frontend.NewForm(), err)
	}
	return seeOther(c, "/organizations/"+org.ID+"/missions/"+m.ID+"?notice=shift_removed")
}

// shiftFieldErrors puts the errors of the shifts' validation on the
// page's fields: the dates, the times and the places.
func shiftFieldErrors(err error) error {
	return renameFields(err, func(field string) string {
		if !strings.HasPrefix(field, "shifts") {
			return field
		}
		switch {
		case strings.HasSuffix(field, ".end"):
			return "end_time"
		case strings.HasSuffix(field, ".capacity"):
			return "capacity"
		}
		return "dates"
	})
}
