package handlers

import (
	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/moderation"
)

type stateResponse struct {
	ID     string `json:"id"`
	Status string `json:"status"`
	Reason string `json:"reason,omitempty"`
}

// submitMission sends a draft (or a rejected mission) to moderation; only
// members of a verified organisation may.
func (s *Server) submitMission(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	updated, err := s.moderation.Submit(ctx, orgOf(c), missionOf(c))
	if err != nil {
		return err
	}
	return c.JSON(stateResponse{ID: updated.ID, Status: string(updated.Status)})
}

func (s *Server) closeMission(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	updated, err := s.moderation.Close(ctx, missionOf(c))
	if err != nil {
		return err
	}
	return c.JSON(stateResponse{ID: updated.ID, Status: string(updated.Status)})
}

// cancelMission cancels a mission and tells its applicants.
func (s *Server) cancelMission(c *fiber.Ctx) error {
	reason, err := readReason(c, false)
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	updated, err := s.moderation.Cancel(ctx, missionOf(c), reason)
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
	if !internal && !moderation.Public(m.Status) {
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
	ctx, cancel := s.ctx(c)
	defer cancel()
	return s.moderation.Insider(ctx, moderationActor(p), m)
}

// moderationActor is the signed-in caller as the moderation rules see it.
func moderationActor(p *Principal) moderation.Actor {
	return moderation.Actor{UserID: p.UserID, Admin: p.Role == models.RoleAdmin}
}
