package handlers

import (
	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
)

type addShiftsRequest struct {
	Shifts []shiftRequest `json:"shifts"`
}

type shiftPatchRequest struct {
	Capacity *int `json:"capacity"`
}

// addShifts adds one or several shifts (moderation.AddShifts).
func (s *Server) addShifts(c *fiber.Ctx) error {
	m := missionOf(c)
	var req addShiftsRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	if err := s.addMissionShifts(c, m, missionRequest{Shifts: req.Shifts}.input().Shifts); err != nil {
		return err
	}
	view, err := s.renderMission(c, m, true)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(view)
}

// addMissionShifts is shared by the API and the mission editor page.
func (s *Server) addMissionShifts(c *fiber.Ctx, m *models.Mission, in []models.ShiftInput) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	_, err := s.moderation.AddShifts(ctx, m, in)
	return err
}

// updateShift changes a shift's capacity (moderation.SetCapacity).
func (s *Server) updateShift(c *fiber.Ctx) error {
	shiftID, err := idParam(c, "shiftId")
	if err != nil {
		return err
	}
	var req shiftPatchRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	if req.Capacity == nil {
		return errField("capacity", "required")
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	sh, err := s.moderation.SetCapacity(ctx, missionOf(c), shiftID, *req.Capacity)
	if err != nil {
		return err
	}
	return c.JSON(shiftResponse{ID: sh.ID, Start: sh.Start, End: sh.End, Capacity: sh.Capacity, Taken: sh.Taken, PlacesLeft: sh.PlacesLeft()})
}

// deleteShift removes a shift nobody holds a place on.
func (s *Server) deleteShift(c *fiber.Ctx) error {
	shiftID, err := idParam(c, "shiftId")
	if err != nil {
		return err
	}
	if err := s.removeShift(c, missionOf(c), shiftID); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// removeShift is shared by the API and the mission's page.
func (s *Server) removeShift(c *fiber.Ctx, m *models.Mission, shiftID string) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	return s.moderation.RemoveShift(ctx, m, shiftID)
}
