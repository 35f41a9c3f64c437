package handlers

import (
	"context"
	"errors"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// orgViews renders applications for the organisation: the volunteer's
// name always, their e-mail and phone only once accepted.
func (s *Server) orgViews(ctx context.Context, apps []models.Application) ([]applicationResponse, error) {
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
	missions, _, err := s.missionsAndOrgs(ctx, apps)
	if err != nil {
		return nil, err
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
	items, err := s.orgViews(ctx, apps)
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
// place is left.
func (s *Server) acceptApplication(c *fiber.Ctx) error {
	a := applicationOf(c)
	ctx, cancel := s.ctx(c)
	defer cancel()
	updated, err := s.accept(ctx, a, principal(c).UserID)
	if err != nil {
		return err
	}
	return s.answerOrgView(c, updated)
}

// accept takes a place and then moves the application, giving the place
// back when the application changed meanwhile (a concurrent withdrawal).
func (s *Server) accept(ctx context.Context, a *models.Application, by string) (*models.Application, error) {
	if !models.CanTransition(a.Status, models.ApplicationAccepted, models.ActorOrganization) {
		return nil, errState(string(a.Status))
	}
	if !a.ShiftStart.After(s.now()) {
		return nil, refusal(fiber.StatusConflict, "shift_started")
	}
	// The volunteer's time is claimed first, atomically: two organisations
	// accepting overlapping shifts at once cannot both succeed.
	if err := s.store.ClaimShiftTime(ctx, a, s.now()); err != nil {
		return nil, volunteerRuleRefusal(err)
	}
	ok, err := s.store.TakePlace(ctx, a.ShiftID)
	if err != nil || !ok {
		s.syncVolunteer(ctx, a)
		if err != nil {
			return nil, err
		}
		return nil, refusal(fiber.StatusConflict, "shift_full")
	}
	updated, err := s.changeApplication(ctx, a, models.ApplicationAccepted, models.ActorOrganization, by,
		store.ApplicationChange{Decided: true, ClearRank: true})
	if err != nil {
		if rerr := s.store.ReleasePlace(ctx, a.ShiftID); rerr != nil {
			s.log.Error("place not released", "shift_id", a.ShiftID, "error", rerr)
		}
		s.syncVolunteer(ctx, updated)
		if errors.Is(err, store.ErrConflict) {
			return nil, errState(string(updated.Status))
		}
		return nil, err
	}
	s.missionChanged(ctx, updated.MissionID)
	s.tell(ctx, updated.VolunteerID, models.EventApplicationAccepted, s.eventParams(ctx, updated, volunteerLink(updated)))
	if err := s.apps.WaitlistPending(ctx, updated.MissionID, updated.ShiftID); err != nil {
		s.log.Error("pending applications of a full shift not waitlisted", "shift_id", updated.ShiftID, "error", err)
	}
	return updated, nil
}

type declineRequest struct {
	Reason string `json:"reason"`
	Note   string `json:"note"`
}

func (s *Server) declineApplication(c *fiber.Ctx) error {
	a := applicationOf(c)
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
	updated, err := s.decline(ctx, a, principal(c).UserID, req.Reason, note)
	if err != nil {
		return err
	}
	return s.answerOrgView(c, updated)
}

// decline turns an application down with a reason from the list; it held
// no place.
func (s *Server) decline(ctx context.Context, a *models.Application, by, reason, note string) (*models.Application, error) {
	updated, err := s.changeApplication(ctx, a, models.ApplicationDeclined, models.ActorOrganization, by,
		store.ApplicationChange{Entry: models.StatusChange{Reason: reason, Note: note}, Decided: true, ClearRank: true})
	if errors.Is(err, store.ErrConflict) {
		return nil, errState(string(updated.Status))
	}
	if err != nil {
		return nil, err
	}
	params := s.eventParams(ctx, updated, "/missions")
	s.tell(ctx, updated.VolunteerID, models.EventApplicationDeclined, params)
	return updated, nil
}

// markAttendance records, once the shift started, whether the volunteer
// came; attended counts the shift's hours.
func (s *Server) markAttendance(to models.ApplicationStatus) fiber.Handler {
	return func(c *fiber.Ctx) error {
		a := applicationOf(c)
		updated, err := s.recordAttendance(c, a, to)
		if err != nil {
			return err
		}
		return s.answerOrgView(c, updated)
	}
}

// recordAttendance is shared by the API and the review page.
func (s *Server) recordAttendance(c *fiber.Ctx, a *models.Application, to models.ApplicationStatus) (*models.Application, error) {
	if a.ShiftStart.After(s.now()) {
		return nil, refusal(fiber.StatusConflict, "shift_not_started")
	}
	hours := 0.0
	if to == models.ApplicationAttended {
		hours = models.ShiftHours(a.ShiftStart, a.ShiftEnd)
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	updated, err := s.changeApplication(ctx, a, to, models.ActorOrganization, principal(c).UserID,
		store.ApplicationChange{Hours: &hours})
	if errors.Is(err, store.ErrConflict) {
		return nil, errState(string(updated.Status))
	}
	return updated, err
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
