package handlers

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// myApplicationParam loads the path's application if it is the caller's;
// anybody else's is a 404.
func (s *Server) myApplicationParam(c *fiber.Ctx) (*models.Application, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return nil, err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	return s.store.ApplicationOfVolunteer(ctx, principal(c).UserID, id)
}

// parseStatuses reads ?status=a,b into application states.
func parseStatuses(c *fiber.Ctx) ([]models.ApplicationStatus, error) {
	var out []models.ApplicationStatus
	if st := c.Query("status"); st != "" {
		for _, one := range strings.Split(st, ",") {
			if !models.ValidApplicationStatus(one) {
				return nil, errField("status", "invalid_value")
			}
			out = append(out, models.ApplicationStatus(one))
		}
	}
	return out, nil
}

// myApplications lists the caller's applications, newest first, with
// their mission and their current place on the waiting list.
func (s *Server) myApplications(c *fiber.Ctx) error {
	pg, err := parsePaging(c, 20, 100)
	if err != nil {
		return err
	}
	statuses, err := parseStatuses(c)
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	apps, err := s.volunteerApplications(ctx, principal(c).UserID, statuses...)
	if err != nil {
		return err
	}
	total := int64(len(apps))
	apps = apps[min(int(pg.skip()), len(apps)):min(int(pg.skip()+pg.limit()), len(apps))]
	items, err := s.volunteerViews(c, apps, false)
	if err != nil {
		return err
	}
	return c.JSON(newList(items, total, pg))
}

// volunteerViews renders the caller's applications with their missions
// and, when asked, the current place on the waiting list (from the
// shift's list, a key read).
func (s *Server) volunteerViews(c *fiber.Ctx, apps []models.Application, withPosition bool) ([]applicationResponse, error) {
	ctx, cancel := s.ctx(c)
	defer cancel()
	ids := map[string]bool{}
	var missionIDs []string
	for _, a := range apps {
		if !ids[a.MissionID] {
			ids[a.MissionID] = true
			missionIDs = append(missionIDs, a.MissionID)
		}
	}
	missions, err := s.store.MissionsByIDs(ctx, missionIDs)
	if err != nil {
		return nil, err
	}
	items := make([]applicationResponse, len(apps))
	for i := range apps {
		items[i] = applicationView(&apps[i], false)
		if m, ok := missions[apps[i].MissionID]; ok {
			items[i].Mission = &applicationMission{ID: m.ID, Title: m.Title}
			items[i].TimeZone = m.Zone()
		}
		if withPosition && apps[i].Status == models.ApplicationWaitlisted {
			pos, err := s.store.WaitlistPosition(ctx, apps[i].ShiftID, apps[i].ID)
			if err != nil {
				return nil, err
			}
			items[i].WaitlistPosition = pos
		}
	}
	return items, nil
}

func (s *Server) myApplication(c *fiber.Ctx) error {
	a, err := s.myApplicationParam(c)
	if err != nil {
		return err
	}
	items, err := s.volunteerViews(c, []models.Application{*a}, true)
	if err != nil {
		return err
	}
	return c.JSON(items[0])
}

// withdrawApplication lets the volunteer step back, with an optional
// reason; a held place goes to the waiting list. An accepted shift can no
// longer be withdrawn once it started.
func (s *Server) withdrawApplication(c *fiber.Ctx) error {
	a, err := s.myApplicationParam(c)
	if err != nil {
		return err
	}
	reason, err := readReason(c, false)
	if err != nil {
		return err
	}
	updated, err := s.withdraw(c, a, reason)
	if err != nil {
		return err
	}
	return c.JSON(applicationView(updated, false))
}

// withdraw is shared by the API and the application's page.
func (s *Server) withdraw(c *fiber.Ctx, a *models.Application, reason string) (*models.Application, error) {
	if a.Status == models.ApplicationAccepted && !a.ShiftStart.After(s.now()) {
		return nil, refusal(fiber.StatusConflict, "shift_started")
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	updated, err := s.changeApplication(ctx, a, models.ApplicationWithdrawn, models.ActorVolunteer, a.VolunteerID,
		store.ApplicationChange{Entry: models.StatusChange{Note: reason}, ClearOffer: true})
	if errors.Is(err, store.ErrConflict) {
		return nil, errState(string(updated.Status))
	}
	if err != nil {
		return nil, err
	}
	if previous(updated).HoldsPlace() {
		s.releasePlace(ctx, updated.MissionID, updated.ShiftID)
	}
	if previous(updated) != models.ApplicationWaitlisted {
		params := s.eventParams(ctx, updated, orgLink(updated))
		params["volunteer_name"] = strings.TrimSpace(principal(c).User.Name)
		s.tellMembers(ctx, updated.OrgID, "", models.EventApplicationWithdrawn, params)
	}
	return updated, nil
}

// confirmOffer takes up a place offered from the waiting list, before the
// offer lapses.
func (s *Server) confirmOffer(c *fiber.Ctx) error {
	a, err := s.myApplicationParam(c)
	if err != nil {
		return err
	}
	updated, err := s.confirmPlace(c, a)
	if err != nil {
		return err
	}
	return c.JSON(applicationView(updated, false))
}

// confirmPlace is shared by the API and the application's page.
func (s *Server) confirmPlace(c *fiber.Ctx, a *models.Application) (*models.Application, error) {
	ctx, cancel := s.ctx(c)
	defer cancel()
	if a.Status == models.ApplicationOffered && !a.ShiftStart.After(s.now()) {
		// Offers made before deadlines were capped at the shift's start.
		return nil, refusal(fiber.StatusConflict, "shift_started")
	}
	if a.Status == models.ApplicationOffered {
		if err := s.store.ClaimShiftTime(ctx, a, s.now()); err != nil {
			return nil, volunteerRuleRefusal(err)
		}
	}
	updated, err := s.changeApplication(ctx, a, models.ApplicationAccepted, models.ActorVolunteer, a.VolunteerID,
		store.ApplicationChange{Entry: models.StatusChange{Reason: "offer_confirmed"}, OfferValidAt: s.now(), ClearOffer: true})
	if err != nil && updated != nil {
		s.syncVolunteer(ctx, updated)
	}
	if errors.Is(err, store.ErrConflict) {
		if updated.Status == models.ApplicationOffered {
			// Still offered but past its deadline: the job has not
			// expired it yet.
			return nil, errState(string(models.ApplicationExpired))
		}
		return nil, errState(string(updated.Status))
	}
	if err != nil {
		return nil, err
	}
	s.tell(ctx, updated.VolunteerID, models.EventApplicationAccepted, s.eventParams(ctx, updated, volunteerLink(updated)))
	return updated, nil
}
