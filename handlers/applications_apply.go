package handlers

import (
	"github.com/gofiber/fiber/v2"
)

type applyRequest struct {
	Message string `json:"message"`
}

// apply makes the caller's application to a shift (applications.Apply).
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
	ctx, cancel := s.ctx(c)
	defer cancel()
	a, m, err := s.apps.Apply(ctx, volunteerOf(c), missionID, shiftID, req.Message)
	if err != nil {
		return err
	}
	view := applicationView(a, false)
	view.Mission = &applicationMission{ID: m.ID, Title: m.Title}
	return c.Status(fiber.StatusCreated).JSON(view)
}
