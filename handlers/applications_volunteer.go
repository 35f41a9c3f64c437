package handlers

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
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
// reason (applications.Withdraw).
func (s *Server) withdrawApplication(c *fiber.Ctx) error {
	a, err := s.myApplicationParam(c)
	if err != nil {
		return err
	}
	reason, err := readReason(c, false)
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	updated, err := s.apps.Withdraw(ctx, volunteerOf(c), a, reason)
	if err != nil {
		return err
	}
	return c.JSON(applicationView(updated, false))
}

// confirmOffer takes up a place offered from the waiting list
// (applications.Confirm).
func (s *Server) confirmOffer(c *fiber.Ctx) error {
	a, err := s.myApplicationParam(c)
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	updated, err := s.apps.Confirm(ctx, a)
	if err != nil {
		return err
	}
	return c.JSON(applicationView(updated, false))
}
