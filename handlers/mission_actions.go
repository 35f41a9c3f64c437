package handlers

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// transitionMission applies a state change and answers the new state, or
// 409 naming the current one.
func (s *Server) transitionMission(c *fiber.Ctx, m *models.Mission, to models.MissionStatus, reason string) (*models.Mission, error) {
	ctx, cancel := s.ctx(c)
	defer cancel()
	updated, err := s.store.TransitionMission(ctx, m.ID, models.MissionSourcesFor(to), to, reason, s.now())
	if errors.Is(err, store.ErrConflict) {
		return nil, errState(string(updated.Status))
	}
	if err != nil {
		return nil, err
	}
	s.missionChanged(ctx, updated.ID)
	return updated, nil
}

type stateResponse struct {
	ID     string `json:"id"`
	Status string `json:"status"`
	Reason string `json:"reason,omitempty"`
}

// submitMission sends a draft (or a rejected mission) to moderation; only
// members of a verified organisation may.
func (s *Server) submitMission(c *fiber.Ctx) error {
	org, m := orgOf(c), missionOf(c)
	updated, err := s.submitForModeration(c, org, m)
	if err != nil {
		return err
	}
	return c.JSON(stateResponse{ID: updated.ID, Status: string(updated.Status)})
}

// submitForModeration is shared by the API and the mission's page.
func (s *Server) submitForModeration(c *fiber.Ctx, org *models.Organization, m *models.Mission) (*models.Mission, error) {
	if org.Status != models.OrgVerified {
		return nil, errOrgNotVerified(org, m)
	}
	return s.transitionMission(c, m, models.MissionSubmitted, "")
}

func (s *Server) closeMission(c *fiber.Ctx) error {
	m := missionOf(c)
	return s.missionAction(c, m, models.MissionClosed, "")
}

// cancelMission cancels a mission and tells its applicants.
func (s *Server) cancelMission(c *fiber.Ctx) error {
	m := missionOf(c)
	reason, err := readReason(c, false)
	if err != nil {
		return err
	}
	updated, err := s.cancelOrgMission(c, m, reason)
	if err != nil {
		return err
	}
	return c.JSON(stateResponse{ID: updated.ID, Status: string(updated.Status), Reason: reason})
}

// cancelOrgMission is shared by the API and the mission's page.
func (s *Server) cancelOrgMission(c *fiber.Ctx, m *models.Mission, reason string) (*models.Mission, error) {
	updated, err := s.transitionMission(c, m, models.MissionCancelled, reason)
	if err != nil {
		return nil, err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.events.MissionCancelled(ctx, updated); err != nil {
		s.log.Error("cancellation not propagated", "mission_id", updated.ID, "error", err)
	}
	return updated, nil
}

func (s *Server) missionAction(c *fiber.Ctx, m *models.Mission, to models.MissionStatus, reason string) error {
	updated, err := s.transitionMission(c, m, to, reason)
	if err != nil {
		return err
	}
	return c.JSON(stateResponse{ID: updated.ID, Status: string(updated.Status), Reason: reason})
}

// getMission shows a published (or closed) mission to everyone, and any
// mission to its organisation's members and to admins.
func (s *Server) getMission(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	m, err := s.store.MissionByID(ctx, id)
	if err != nil {
		return err
	}
	internal, err := s.isMissionInsider(c, m)
	if err != nil {
		return err
	}
	if !internal && m.Status != models.MissionPublished && m.Status != models.MissionClosed {
		return errMissionUnavailable(m)
	}
	view, err := s.renderMission(c, m, internal)
	if err != nil {
		return err
	}
	return c.JSON(view)
}

// isMissionInsider reports whether the caller is an admin or a member of
// the mission's organisation.
func (s *Server) isMissionInsider(c *fiber.Ctx, m *models.Mission) (bool, error) {
	p := principal(c)
	if p == nil {
		return false, nil
	}
	if p.Role == models.RoleAdmin {
		return true, nil
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	_, err := s.store.OrganizationForMember(ctx, p.UserID, m.OrgID)
	if errors.Is(err, store.ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}
