package handlers

import (
	"context"
	"maps"
	"slices"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// orgViews renders applications for the organisation: the volunteer's
// name always, their e-mail and phone only once accepted.
func (s *Server) orgViews(ctx context.Context, apps []models.Application, known ...*models.Mission) ([]applicationResponse, error) {
	seen := map[string]bool{}
	var ids []string
	for _, a := range apps {
		if !seen[a.VolunteerID] {
			seen[a.VolunteerID] = true
			ids = append(ids, a.VolunteerID)
		}
	}
	users, err := s.store.UsersByIDs(ctx, ids)
	if err != nil {
		return nil, err
	}
	// Only the missions' time zones are needed: the missions the caller
	// already read are not read again.
	missions := make(map[string]models.Mission, len(known))
	for _, m := range known {
		missions[m.ID] = *m
	}
	var missing []string
	for _, a := range apps {
		if _, ok := missions[a.MissionID]; !ok && !slices.Contains(missing, a.MissionID) {
			missing = append(missing, a.MissionID)
		}
	}
	if len(missing) > 0 {
		read, err := s.store.MissionsByIDs(ctx, missing)
		if err != nil {
			return nil, err
		}
		maps.Copy(missions, read)
	}
	items := make([]applicationResponse, len(apps))
	for i := range apps {
		a := &apps[i]
		items[i] = applicationView(a, true)
		items[i].TimeZone = zoneOf(missions, a.MissionID)
		contact := &volunteerContact{ID: a.VolunteerID}
		if u, ok := users[a.VolunteerID]; ok && u.Status != models.UserDeleted {
			contact.Name, contact.EmailConfirmed = u.Name, u.EmailConfirmed
			if contactVisible(a.Status) {
				contact.Email, contact.Phone = u.Email, u.Phone
			}
		}
		items[i].Volunteer = contact
	}
	return items, nil
}

// missionApplications lists a mission's applications, filterable by
// ?status= and ?shift_id=, in order of arrival.
func (s *Server) missionApplications(c *fiber.Ctx) error {
	org, m := orgOf(c), missionOf(c)
	pg, err := parsePaging(c, 50, 200)
	if err != nil {
		return err
	}
	statuses, err := parseStatuses(c)
	if err != nil {
		return err
	}
	shiftID := c.Query("shift_id")
	if shiftID != "" && !store.ValidID(shiftID) {
		return errField("shift_id", "invalid_value")
	}
	items, total, err := s.applicationsOfMission(c, org, m, statuses, shiftID, pg)
	if err != nil {
		return err
	}
	return c.JSON(newList(items, total, pg))
}

// applicationsOfMission is shared by the API and the review page: a
// mission's applications in statuses (any when none), of one shift when
// shiftID is set, in order of arrival.
func (s *Server) applicationsOfMission(c *fiber.Ctx, org *models.Organization, m *models.Mission, statuses []models.ApplicationStatus, shiftID string, pg paging) ([]applicationResponse, int64, error) {
	f := store.ApplicationFilter{OrgID: org.ID, MissionID: m.ID, Statuses: statuses, ShiftID: shiftID}
	ctx, cancel := s.ctx(c)
	defer cancel()
	apps, total, err := s.store.Applications(ctx, f, "created_at", pg.skip(), pg.limit())
	if err != nil {
		return nil, 0, err
	}
	items, err := s.orgViews(ctx, apps, m)
	return items, total, err
}

func (s *Server) orgApplication(c *fiber.Ctx) error {
	a := applicationOf(c)
	ctx, cancel := s.ctx(c)
	defer cancel()
	items, err := s.orgViews(ctx, []models.Application{*a})
	if err != nil {
		return err
	}
	if items[0].Applicant, err = s.applicant(ctx, s.lang(c), a); err != nil {
		return err
	}
	return c.JSON(items[0])
}

// acceptApplication accepts a pending or waitlisted application, if a
// place is left (applications.Accept).
func (s *Server) acceptApplication(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	updated, err := s.apps.Accept(ctx, applicationOf(c), principal(c).UserID)
	if err != nil {
		return err
	}
	return s.answerOrgView(c, updated)
}

type declineRequest struct {
	Reason string `json:"reason"`
	Note   string `json:"note"`
}

func (s *Server) declineApplication(c *fiber.Ctx) error {
	var req declineRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	note, err := models.ValidateDecline(req.Reason, req.Note)
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	updated, err := s.apps.Decline(ctx, applicationOf(c), principal(c).UserID, req.Reason, note)
	if err != nil {
		return err
	}
	return s.answerOrgView(c, updated)
}

// markAttendance records whether the volunteer came
// (applications.RecordAttendance).
func (s *Server) markAttendance(to models.ApplicationStatus) fiber.Handler {
	return func(c *fiber.Ctx) error {
		ctx, cancel := s.ctx(c)
		defer cancel()
		updated, err := s.apps.RecordAttendance(ctx, applicationOf(c), to, principal(c).UserID)
		if err != nil {
			return err
		}
		return s.answerOrgView(c, updated)
	}
}

func (s *Server) answerOrgView(c *fiber.Ctx, a *models.Application) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	items, err := s.orgViews(ctx, []models.Application{*a})
	if err != nil {
		return err
	}
	return c.JSON(items[0])
}
