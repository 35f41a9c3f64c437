package handlers

import (
	"context"
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

type applyRequest struct {
	Message string `json:"message"`
}

// refusal is a 409 or 422 naming why an application is refused, in code
// for scripts and in detail for people.
func refusal(status int, code string, args ...any) *Problem {
	slug := ProblemConflict
	if status == fiber.StatusUnprocessableEntity {
		slug = ProblemUnprocessable
	}
	p := problem(status, slug, "detail.application_"+code, args...)
	p.Extra = map[string]any{"code": code}
	return p
}

// apply makes the caller's application to a shift. Under auto-accept it
// takes a place at once; when the shift is full it joins the waiting list.
func (s *Server) apply(c *fiber.Ctx) error {
	missionID, err := idParam(c, "id")
	if err != nil {
		return err
	}
	shiftID, err := idParam(c, "shiftId")
	if err != nil {
		return err
	}
	var req applyRequest
	if len(c.Body()) > 0 {
		if err := decodeJSON(c, &req); err != nil {
			return err
		}
	}
	a, m, err := s.applyToShift(c, missionID, shiftID, req.Message)
	if err != nil {
		return err
	}
	view := applicationView(a, false)
	view.Mission = &applicationMission{ID: m.ID, Title: m.Title}
	return c.Status(fiber.StatusCreated).JSON(view)
}

// applyToShift is shared by the API and the mission page.
func (s *Server) applyToShift(c *fiber.Ctx, missionID, shiftID, rawMessage string) (*models.Application, *models.Mission, error) {
	message, err := models.ValidateApplicationMessage(rawMessage)
	if err != nil {
		return nil, nil, err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	m, err := s.store.MissionByID(ctx, missionID)
	if err != nil {
		return nil, nil, err
	}
	switch m.Status {
	case models.MissionPublished:
	case models.MissionClosed, models.MissionCancelled:
		return nil, nil, errState(string(m.Status))
	default:
		// Not public: volunteers cannot know it exists.
		return nil, nil, errNotFound()
	}
	shift, err := s.store.ShiftByID(ctx, m.ID, shiftID)
	if err != nil {
		return nil, nil, err
	}
	p := principal(c)
	// Its members run the mission; they do not apply to it. One read by
	// key: the organisation, if the caller is a member.
	if _, err := s.store.OrganizationForMember(ctx, p.UserID, m.OrgID); err == nil {
		return nil, nil, errForbidden("journeys.own_mission")
	} else if !errors.Is(err, store.ErrNotFound) {
		return nil, nil, err
	}
	if err := s.checkEligible(ctx, p.UserID, m, shift); err != nil {
		return nil, nil, err
	}
	a, err := s.placeApplication(ctx, p, m, shift, message)
	if err != nil {
		return nil, nil, err
	}
	return a, m, nil
}

// checkEligible refuses an application the rules forbid that depend on
// the shift and the volunteer alone: a started shift, age. The rules across
// the volunteer's applications (one per shift, overlapping accepted shifts,
// too many awaiting an answer) are enforced atomically when the
// application is reserved (see placeApplication).
func (s *Server) checkEligible(ctx context.Context, volunteerID string, m *models.Mission, shift *models.Shift) error {
	now := s.now()
	if !shift.Start.After(now) {
		return refusal(fiber.StatusConflict, "shift_started")
	}
	// Every volunteer is at least MinVolunteerAge (terms of sign-up, and
	// the profile refuses a younger birth date): only missions asking for
	// more need the birth date, and refuse when it is unknown.
	if m.MinAge > models.MinVolunteerAge {
		birth, err := s.store.VolunteerBirthDate(ctx, volunteerID)
		if err != nil {
			return err
		}
		if birth.IsZero() {
			return refusal(fiber.StatusUnprocessableEntity, "birth_date_required", m.MinAge)
		}
		if models.AgeAt(birth, shift.Start) < m.MinAge {
			return refusal(fiber.StatusUnprocessableEntity, "too_young", m.MinAge)
		}
	}
	return nil
}

// volunteerRuleRefusal turns the store's refusals of the volunteer-wide
// rules into the problem the volunteer reads.
func volunteerRuleRefusal(err error) error {
	switch {
	case errors.Is(err, store.ErrConflict):
		return refusal(fiber.StatusConflict, "already_applied")
	case errors.Is(err, store.ErrOverlap):
		return refusal(fiber.StatusConflict, "overlap")
	case errors.Is(err, store.ErrTooManyOpen):
		return refusal(fiber.StatusUnprocessableEntity, "too_many", models.MaxOpenApplications)
	}
	return err
}

// placeApplication decides the new application's state and writes it.
// A place is taken before the application is written: a crash in between
// leaves taken one too high, which reconciliation repairs; the reverse
// order could overbook.
func (s *Server) placeApplication(ctx context.Context, p *Principal, m *models.Mission, shift *models.Shift, message string) (*models.Application, error) {
	now := s.now()
	a := &models.Application{
		ID: store.NewID(), MissionID: m.ID, ShiftID: shift.ID, OrgID: m.OrgID, VolunteerID: p.UserID,
		VolunteerShift: p.UserID + ":" + shift.ID, Status: models.ApplicationPending, Message: message,
		ShiftStart: shift.Start, ShiftEnd: shift.End, CreatedAt: now, UpdatedAt: now,
		History:   []models.StatusChange{{At: now, By: p.UserID, Actor: models.ActorVolunteer, To: models.ApplicationPending}},
		Reminders: []string{},
	}
	// The application is first reserved in the volunteer's document, which
	// refuses it atomically under the volunteer-wide rules; only then may
	// it take a place. Every later failure undoes what came before.
	if err := s.store.ReserveApplication(ctx, a, models.MaxOpenApplications, now); err != nil {
		return nil, volunteerRuleRefusal(err)
	}
	forget := func() {
		if err := s.store.ForgetApplication(ctx, a); err != nil {
			s.log.Error("application reservation not undone", "application_id", a.ID, "error", err)
		}
	}
	took := false
	// A shift seen full skips the locked update: a place freed meanwhile
	// goes to the waiting list in order (see below).
	if m.AutoAccept && shift.PlacesLeft() > 0 {
		ok, err := s.store.TakePlace(ctx, shift.ID)
		if err != nil {
			forget()
			return nil, err
		}
		took = ok
	}
	if took {
		// Accepted at once: the shift's time must be free.
		if err := s.store.ClaimShiftTime(ctx, a, now); err != nil {
			s.releasePlace(ctx, m.ID, shift.ID)
			forget()
			return nil, volunteerRuleRefusal(err)
		}
	}
	switch {
	case took:
		a.Status = models.ApplicationAccepted
		a.History = append(a.History, models.StatusChange{At: now, By: "system", Actor: models.ActorSystem,
			From: models.ApplicationPending, To: models.ApplicationAccepted, Reason: "auto_accept"})
	case m.AutoAccept || shift.PlacesLeft() == 0:
		rank, err := s.store.NextWaitlistRank(ctx, shift.ID)
		if err != nil {
			forget()
			return nil, err
		}
		a.Status, a.WaitlistRank = models.ApplicationWaitlisted, rank
		a.History[0].To, a.History[0].Reason = models.ApplicationWaitlisted, "shift_full"
	}
	if err := s.store.InsertApplication(ctx, a); err != nil {
		if took && errors.Is(err, store.ErrConflict) {
			// Nothing was written: give the place back at once. On any
			// other error the write may have happened; reconciliation
			// settles the count.
			s.releasePlace(ctx, m.ID, shift.ID)
		}
		if errors.Is(err, store.ErrConflict) {
			forget()
			return nil, refusal(fiber.StatusConflict, "already_applied")
		}
		return nil, err
	}
	switch a.Status {
	case models.ApplicationAccepted:
		s.missionChanged(ctx, m.ID)
		s.tell(ctx, p.UserID, models.EventApplicationAccepted, s.eventParams(ctx, a, volunteerLink(a)))
		s.tellApplicationReceived(ctx, p, a)
	case models.ApplicationPending:
		s.tellApplicationReceived(ctx, p, a)
	case models.ApplicationWaitlisted:
		s.apps.TellWaitlisted(ctx, a)
	}
	// A waitlisted application may have missed a place freed between the
	// full shift it saw and its write, when nobody was on the list yet:
	// FillWaitlists, every minute, offers it. Checking here would cost
	// every waitlisted applicant a read for a rare case.
	return a, nil
}

func (s *Server) tellApplicationReceived(ctx context.Context, p *Principal, a *models.Application) {
	params := s.eventParams(ctx, a, orgLink(a))
	params["volunteer_name"] = strings.TrimSpace(p.User.Name)
	s.tellMembers(ctx, a.OrgID, "", models.EventApplicationReceived, params)
}
